"""Run the pipeline over files: ingest → clean → nlp → assemble → link → store.

Each article is processed on its own; a bad one becomes a `Problem` and the others go on.
Results are cached per article (keyed by its bytes, the pipeline version and the bundled
data), so a rebuild reprocesses only what changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from . import store
from .assemble import PIPELINE_VERSION, article_records, link_across, merge
from .budget import cpu_budget
from .clean import CleanArticle, clean
from .config import Settings
from .errors import ArticleError
from .ingest import RawArticle, display_name, parse_bytes, read_article
from .manifest import SourceEntry
from .nlp import parse_many
from .schema import RECORD_TYPES, Problem, from_row, to_row

log = logging.getLogger(__name__)


@dataclass
class ArticleResult:
    """The outcome for one input: its tables, or the reason it was skipped."""

    path: str
    tables: dict[str, list] | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    cached: bool = False


def _data_digest(settings: Settings) -> str:
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    for path in (settings.actors_file, settings.countries_file, settings.places_extra_file, settings.outlets_file):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:12]


def _to_payload(tables: dict[str, list]) -> dict:
    return {name: [to_row(r) for r in records] for name, records in tables.items()}


def _from_payload(payload: dict) -> dict[str, list]:
    return {name: [from_row(RECORD_TYPES[name], row) for row in rows] for name, rows in payload.items()}


def process(
    inputs: Iterable[tuple[str, bytes | None]],
    settings: Settings,
    use_cache: bool = True,
    progress: Callable[[ArticleResult, int, int], None] | None = None,
    sources: dict[str, SourceEntry] | None = None,
) -> list[ArticleResult]:
    """Process (path, bytes-or-None) inputs in order; None means read the path from disk.
    `sources` maps an input's path to what the user states about it (upload form); files
    read from disk also take their row of a sources.csv/.tsv beside them."""
    inputs = list(inputs)
    sources = sources or {}
    results: list[ArticleResult] = [ArticleResult(path=display_name(p)) for p, _ in inputs]
    digest = _data_digest(settings) if use_cache else ""
    todo: list[tuple[int, CleanArticle]] = []
    done = 0
    for i, (path, data) in enumerate(inputs):
        try:
            source = sources.get(str(path))
            raw: RawArticle = (
                parse_bytes(str(path), data, settings.max_article_bytes, source)
                if data is not None
                else read_article(path, settings.max_article_bytes, source, use_manifest=settings.read_manifests)
            )
            results[i].warnings = list(raw.warnings)
            key = f"{raw.cache_key}-{digest}"
            cached = store.read_cache(settings.store_dir, key) if use_cache else None
            if cached is not None:
                tables = _from_payload(cached)
                # The same bytes under another name keep their records; only the path differs.
                tables["articles"] = [dataclasses.replace(a, path=raw.name) for a in tables["articles"]]
                results[i].tables, results[i].cached = tables, True
                done += 1
                if progress:
                    progress(results[i], done, len(inputs))
                continue
            with cpu_budget(raw.path, settings.article_cpu_seconds, "reading the page"):
                cleaned = clean(raw, settings.max_body_chars)
            results[i].warnings += list(cleaned.warnings)
            todo.append((i, cleaned))
        except ArticleError as exc:
            results[i].error = exc.reason
            done += 1
            if progress:
                progress(results[i], done, len(inputs))
    for doc, (i, c), parse_error in _parse_each(todo, settings.batch_size):
        try:
            if parse_error is not None:
                raise parse_error
            with cpu_budget(c.raw.path, settings.article_cpu_seconds, "extracting records"):
                tables = article_records(c, doc)
        except ArticleError as exc:
            results[i].error = exc.reason
        except Exception as exc:  # a pipeline bug on one article must not sink the others
            log.exception("failed on %s", c.raw.path)
            results[i].error = f"internal error while extracting ({type(exc).__name__}: {exc})"
        else:
            results[i].tables = tables
            if use_cache:
                store.write_cache(settings.store_dir, f"{c.raw.cache_key}-{digest}", _to_payload(tables))
        done += 1
        if progress:
            progress(results[i], done, len(inputs))
    return results


def _parse_each(todo: list[tuple[int, CleanArticle]], batch_size: int):
    """(doc, (index, article), error) in order: batches through nlp.pipe, and one by one for a
    batch that fails, so that one text the parser chokes on does not sink the others."""
    for start in range(0, len(todo), batch_size):
        batch = todo[start : start + batch_size]
        try:
            docs = list(parse_many(((c.view, (i, c)) for i, c in batch), batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retried article by article below
            for i, c in batch:
                try:
                    [(doc, ctx)] = list(parse_many([(c.view, (i, c))], batch_size=1))
                    yield doc, ctx, None
                except Exception as exc:  # noqa: BLE001
                    yield None, (i, c), exc
        else:
            for doc, ctx in docs:
                yield doc, ctx, None


def combine(results: list[ArticleResult]) -> dict[str, list]:
    """All successful articles' tables, linked across outlets, plus the problems."""
    seen: set[str] = set()
    per_article = []
    for r in results:
        if r.tables is None:
            continue
        aid = r.tables["articles"][0].article_id
        if aid in seen:  # the same bytes twice: keep the first
            continue
        seen.add(aid)
        per_article.append(r.tables)
    tables = merge(per_article) if per_article else {name: [] for name in RECORD_TYPES}
    for name in RECORD_TYPES:
        tables.setdefault(name, [])
    tables = link_across(tables)
    tables["problems"] = [Problem(r.path, r.error) for r in results if r.error]
    return tables


def build_store(
    paths: list[Path],
    settings: Settings,
    progress: Callable[[ArticleResult, int, int], None] | None = None,
    extra: list[tuple[str, bytes]] | None = None,
    sources: dict[str, SourceEntry] | None = None,
) -> tuple[dict[str, list], list[ArticleResult]]:
    """Build the store from article files (and uploaded bytes) and switch to it atomically."""
    inputs: list[tuple[str, bytes | None]] = [(str(p), None) for p in paths] + list(extra or [])
    results = process(inputs, settings, progress=progress, sources=sources)
    tables = combine(results)
    store.write_snapshot(settings.store_dir, tables)
    return tables, results


def add_articles(inputs: list[tuple[str, bytes]], settings: Settings, sources: dict[str, SourceEntry] | None = None) -> list[ArticleResult]:
    """Add uploaded articles to the live store. The store is rewritten (atomically) only when
    at least one article was accepted; a bad file leaves the existing data untouched."""
    results = process(inputs, settings, sources=sources)
    accepted = [r for r in results if r.tables is not None]
    if not accepted:
        return results
    existing = {name: store.read_records(settings.store_dir, name) for name in RECORD_TYPES}
    known = {a.article_id for a in existing["articles"]}
    fresh = [r.tables for r in accepted if r.tables["articles"][0].article_id not in known]
    if fresh:
        problems = existing.pop("problems")
        tables = link_across(merge([existing, *fresh]))
        tables["problems"] = problems
        store.write_snapshot(settings.store_dir, tables)
    return results

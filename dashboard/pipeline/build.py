"""Run the pipeline over files: ingest → clean → nlp → assemble → merge → link → store.

Each article is processed on its own; a bad one becomes a `Problem` and the others go on.
Results are cached per article as soon as each is done (keyed by its bytes, the pipeline
version and the bundled data), so a rebuild reprocesses only what changed and a build that
was killed half-way continues where it stopped. The per-article work runs in this process,
in a pool of local processes (`workers`) or on a Dask cluster (`engine="dask"`), always
through `extract_chunk`; the store is written once, at the end, under the store's lock.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from . import store
from .assemble import PIPELINE_VERSION, article_records
from .budget import cpu_budget
from .clean import clean
from .config import Settings
from .errors import ArticleError, StoreError
from .ingest import RawArticle, display_name, parse_bytes, read_article
from .link import LINK_VERSION, link_across
from .lock import store_lock
from .manifest import SourceEntry, read_manifest, record_source
from .merge import merge
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
    cache_key: str | None = None  # where its tables are cached
    kept_as: str | None = None  # for an upload: its file name under <store>/uploads/


Progress = Callable[[ArticleResult, int, int], None]


def _data_digest(settings: Settings) -> str:
    h = hashlib.sha256(PIPELINE_VERSION.encode())
    h.update(",".join(sorted(settings.disabled_sieves)).encode())  # an ablation run must not reuse full results
    for path in (settings.actors_file, settings.countries_file, settings.places_extra_file, settings.outlets_file,
                 settings.first_names_file):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:12]


def _to_payload(tables: dict[str, list]) -> dict:
    return {name: [to_row(r) for r in records] for name, records in tables.items()}


def _from_payload(payload: dict) -> dict[str, list] | None:
    """A cache entry's tables, or None when its rows do not fit the schema (recomputed)."""
    try:
        tables = {name: [from_row(RECORD_TYPES[name], row) for row in rows] for name, rows in payload.items()}
        for name, records in tables.items():
            store.table_of(name, records)  # values of the schema's types, nulls only where allowed
        return tables
    except (TypeError, ValueError, KeyError, AttributeError, pa.ArrowException) as exc:
        log.warning("ignoring a cache entry that does not fit the schema (%s)", exc)
        return None


# --- the per-article work: the same function wherever it runs ------------------------------------

def extract_chunk(raws: list[RawArticle], settings: Settings) -> list[tuple[dict | None, str | None, list[str]]]:
    """(tables, None, warnings) or (None, reason, warnings) for each decoded article of a chunk, in order. Pure:
    the same chunk gives the same outcome, so a failed chunk can simply be run again. The
    model is loaded once per process (nlp.load_nlp is cached)."""
    return list(_extract_stream(raws, settings))


def _extract_stream(raws: Iterable[RawArticle], settings: Settings) -> Iterator[tuple[dict | None, str | None, list[str]]]:
    """(tables, error, warnings) one by one, as each article is done (so that each can be
    cached at once). Each stage runs under the article's CPU budget."""
    pending: list[tuple[int, object]] = []
    outcomes: dict[int, tuple] = {}
    raws = list(raws)
    for i, raw in enumerate(raws):
        try:
            with cpu_budget(raw.path, settings.article_cpu_seconds, "reading the page"):
                pending.append((i, clean(raw, settings.max_body_chars)))
        except ArticleError as exc:
            outcomes[i] = (None, exc.reason, [])
    next_out = 0
    for doc, (i, c), parse_error in _parse_each(pending, settings.batch_size):
        try:
            if parse_error is not None:
                raise parse_error
            with cpu_budget(c.raw.path, settings.article_cpu_seconds, "extracting records"):
                outcomes[i] = (article_records(c, doc), None, list(c.warnings))
        except ArticleError as exc:
            outcomes[i] = (None, exc.reason, list(c.warnings))
        except Exception as exc:  # a pipeline bug on one article must not sink the others
            log.exception("failed on %s", c.raw.path)
            outcomes[i] = (None, f"internal error while extracting ({type(exc).__name__}: {exc})", list(c.warnings))
        while next_out in outcomes:
            yield outcomes.pop(next_out)
            next_out += 1
    while next_out < len(raws):
        yield outcomes.pop(next_out)
        next_out += 1


def _parse_each(todo: list[tuple[int, object]], batch_size: int):
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


# --- many articles ---------------------------------------------------------------------------------

def process(
    inputs: Iterable[tuple[str, bytes | None]],
    settings: Settings,
    use_cache: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
    pool=None,
    sources: dict[str, SourceEntry] | None = None,
) -> list[ArticleResult]:
    """Process (path, bytes-or-None) inputs in order; None means read the path from disk.
    `sources` maps an input's path to what the user states about it (upload form); files
    read from disk also take their row of a sources.csv/.tsv beside them.

    `workers` > 1 runs the per-article work in that many local processes; `pool` (a
    `parallel.LocalPool` or `distributed.DaskPool`) runs it there instead."""
    inputs = list(inputs)
    sources = sources or {}
    results: list[ArticleResult] = [ArticleResult(path=display_name(p)) for p, _ in inputs]
    digest = _data_digest(settings)
    todo: list[tuple[int, RawArticle]] = []
    done = 0

    def finished(i: int) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(results[i], done, len(inputs))

    for i, (path, data) in enumerate(inputs):
        source = sources.get(str(path))
        try:
            raw = (
                parse_bytes(str(path), data, settings.max_article_bytes, source)
                if data is not None
                else read_article(path, settings.max_article_bytes, source, use_manifest=settings.read_manifests)
            )
        except ArticleError as exc:
            results[i].error = exc.reason
            finished(i)
            continue
        results[i].warnings = list(raw.warnings)
        results[i].cache_key = key = f"{raw.cache_key}-{digest}"
        payload = store.read_cache(settings.store_dir, key) if use_cache else None
        tables = _from_payload(payload) if payload is not None else None
        if tables is not None:
            # The same bytes under another name keep their records; only the path differs.
            tables["articles"] = [dataclasses.replace(a, path=raw.name) for a in tables["articles"]]
            results[i].tables, results[i].cached = tables, True
            finished(i)
            continue
        todo.append((i, raw))

    def record(i: int, tables: dict | None, error: str | None, warnings: list[str]) -> None:
        results[i].tables, results[i].error = tables, error
        results[i].warnings += warnings
        if tables is not None and use_cache:
            store.write_cache(settings.store_dir, results[i].cache_key, _to_payload(tables))
        finished(i)

    own_pool = None
    if pool is None and (workers or 1) > 1 and len(todo) > 1:
        from .parallel import LocalPool

        pool = own_pool = LocalPool(min(workers, len(todo)))
    try:
        if pool is None:
            stream = _extract_stream((raw for _, raw in todo), settings)
            for (i, _), outcome in zip(todo, stream):
                record(i, *outcome)
        else:
            # Chunks of a batch at most, and enough of them to keep every worker busy.
            size = max(1, min(settings.batch_size, -(-len(todo) // (2 * getattr(pool, "workers", 1)))))
            chunks = [todo[k : k + size] for k in range(0, len(todo), size)]
            for index, outcome in pool.map_chunks(extract_chunk, [[raw for _, raw in c] for c in chunks], settings):
                for (i, _), article_outcome in zip(chunks[index], outcome):
                    record(i, *article_outcome)
    finally:
        if own_pool is not None:
            own_pool.close()
    return results


def combine(results: list[ArticleResult], seed: dict[str, str] | None = None) -> dict[str, list]:
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
    # In article id order: the store is a function of the set of articles, however they came in.
    per_article.sort(key=lambda t: t["articles"][0].article_id)
    tables = merge(per_article) if per_article else {name: [] for name in RECORD_TYPES}
    for name in RECORD_TYPES:
        tables.setdefault(name, [])
    tables = link_across(tables, seed=seed)
    tables["problems"] = [Problem(r.path, r.error) for r in results if r.error]
    return tables


def _manifest(results: list[ArticleResult], settings: Settings) -> dict:
    articles = {}
    for r in results:
        if r.tables is not None:
            articles.setdefault(r.tables["articles"][0].article_id, r.cache_key)
    return {"data_digest": _data_digest(settings), "link_version": LINK_VERSION, "pipeline_version": PIPELINE_VERSION,
            "articles": articles}


def _link_seed(settings: Settings, article_ids: set[str]) -> dict[str, str] | None:
    """The live store's clusters, when that store holds a subset of these articles linked by
    the same rules from the same data: then only the new articles need comparing."""
    try:
        snap = store.current_snapshot(settings.store_dir)
    except StoreError:
        return None
    info = store.read_manifest(snap)
    if (info.get("data_digest"), info.get("link_version")) != (_data_digest(settings), LINK_VERSION):
        return None
    if not isinstance(info.get("articles"), dict) or not set(info["articles"]) <= article_ids or not store.verify_snapshot(snap):
        return None
    seed = {}
    for name, ident in (("quotes", "quote_id"), ("events", "event_id")):
        t = pq.read_table(snap / f"{name}.parquet", columns=[ident, "cluster_id"])
        seed.update(zip(t.column(ident).to_pylist(), t.column("cluster_id").to_pylist()))
    return seed


def _new_uploads(settings: Settings, inputs: list[tuple[str, bytes | None]]) -> list[tuple[str, None]]:
    given = {os.path.realpath(p) for p, _ in inputs}
    return [(str(p), None) for p in store.uploaded_files(settings.store_dir) if os.path.realpath(p) not in given]


def build_store(
    paths: list[Path],
    settings: Settings,
    progress: Progress | None = None,
    extra: list[tuple[str, bytes]] | None = None,
    workers: int | None = None,
    pool=None,
    include_uploads: bool = True,
    lock_timeout: float | None = None,
    sources: dict[str, SourceEntry] | None = None,
) -> tuple[dict[str, list], list[ArticleResult]]:
    """Build the store from article files (and the articles added from the dashboard, kept in
    `<store>/uploads/`) and switch to it atomically.

    The articles are processed first, without the lock (other writers go on meanwhile); the
    lock is then held while uploads added in the meantime are taken in, the tables linked and
    the snapshot written."""
    inputs: list[tuple[str, bytes | None]] = [(str(p), None) for p in paths] + list(extra or [])
    if include_uploads:
        inputs += _new_uploads(settings, inputs)
    results = process(inputs, settings, progress=progress, workers=workers, pool=pool, sources=sources)
    with store_lock(settings.store_dir, lock_timeout if lock_timeout is not None else settings.lock_timeout, what="build"):
        recover_uploads(settings)
        if include_uploads:
            late = _new_uploads(settings, inputs)  # added from the dashboard while we were processing
            if late:
                results += process(late, settings)
        ids = {r.tables["articles"][0].article_id for r in results if r.tables}
        tables = combine(results, seed=_link_seed(settings, ids))
        store.write_snapshot(settings.store_dir, tables, manifest=_manifest(results, settings))
    return tables, results


# --- adding articles from the dashboard -------------------------------------------------------------

def recover_uploads(settings: Settings) -> None:
    """Finish or undo an add that was interrupted: a file still in <store>/.incoming is moved
    into uploads/ if the live snapshot has its article, and deleted if not. Under the lock."""
    incoming = Path(settings.store_dir) / store.INCOMING
    if not incoming.is_dir():
        return
    try:
        snap = store.current_snapshot(settings.store_dir)
        live = set(pq.read_table(snap / "articles.parquet", columns=["article_id"]).column("article_id").to_pylist())
    except Exception:  # noqa: BLE001 - a missing or unreadable store holds no article
        live = set()
    for f in sorted(incoming.iterdir()):
        if not f.is_file():
            continue
        data = f.read_bytes()
        if hashlib.sha256(data).hexdigest()[:16] in live:
            target = store.upload_target(settings.store_dir, f.name, data)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(f, target)
        else:
            f.unlink()


def _existing_results(settings: Settings) -> tuple[list[ArticleResult], list[Problem], bool]:
    """The live store's articles as per-article results (from the cache, unlinked), its
    problems, and whether they are exact (every article found in the cache)."""
    try:
        snap = store.current_snapshot(settings.store_dir)
    except StoreError:
        return [], [], True
    with store.snapshot_lease(settings.store_dir) as snap:
        problems = store.records_of("problems", store._read_table_at(snap, "problems"))
        keys = store.read_manifest(snap).get("articles")
        if isinstance(keys, dict):
            results = []
            for aid, key in keys.items():
                payload = store.read_cache(settings.store_dir, key) if isinstance(key, str) else None
                tables = _from_payload(payload) if payload else None
                if tables is None or tables["articles"][0].article_id != aid:
                    break
                results.append(ArticleResult(path=tables["articles"][0].path, tables=tables, cached=True, cache_key=key))
            else:
                # Paths as the live store has them (the cache keeps the first name it saw).
                paths = dict(zip(*[store._read_table_at(snap, "articles").column(c).to_pylist() for c in ("article_id", "path")]))
                for r in results:
                    a = r.tables["articles"][0]
                    r.tables["articles"] = [dataclasses.replace(a, path=paths.get(a.article_id, a.path))]
                return results, problems, True
        # No usable cache: the store's own records, with what linking added taken off again.
        log.warning("the cache does not hold every article of %s; relinking from the store's records", snap)
        tables = {name: store.records_of(name, store._read_table_at(snap, name)) for name in RECORD_TYPES if name != "problems"}
    by_article: dict[str, dict[str, list]] = {}
    for a in tables["articles"]:
        by_article[a.article_id] = {name: [] for name in tables}
    for name, records in tables.items():
        if name in ("actors", "places"):
            continue
        for r in records:
            if r.article_id in by_article:
                by_article[r.article_id][name].append(_unlinked(r))
    for t in by_article.values():  # every article sees all actors and places; merge dedupes them
        t["actors"], t["places"] = tables["actors"], tables["places"]
    return [ArticleResult(path=t["articles"][0].path, tables=t) for t in by_article.values()], problems, False


def _unlinked(record):
    """A record as its article alone gave it (linking's additions removed, where they show)."""
    if hasattr(record, "cluster_id"):
        record = dataclasses.replace(record, cluster_id="", outlets=[], n_outlets=1)
    if getattr(record, "date_source", None) == "linked":
        record = dataclasses.replace(record, event_date=None, date_precision="unknown", is_date_fallback=True, date_source="none")
    return record


def _record_stated(folder: Path, file_name: str, source: SourceEntry | None) -> None:
    """What the form stated, in uploads/sources.csv beside the file, so every rebuild reads the
    upload the same way; with nothing stated, only an older row of that name is emptied."""
    if source is None:
        manifest_file = folder / "sources.csv"
        if not manifest_file.is_file() or file_name not in read_manifest(manifest_file)[0]:
            return
        source = SourceEntry()
    record_source(folder, file_name, source)


def add_uploads(
    settings: Settings,
    items: list[tuple],
    lock_timeout: float | None = None,
) -> list[ArticleResult]:
    """Add uploaded articles, (name, bytes) or (name, bytes, metadata), to the live store in one
    atomic step: each accepted file is kept under `<store>/uploads/` and the store switched to
    a snapshot that holds it, or (on any failure) neither. Bad files are reported in their
    result and change nothing; an article already in the store is not added twice.

    The articles are processed before the lock is taken; the lock is held (waiting up to
    `lock_timeout`, else `lock.StoreBusy`) while the store is read, linked and written."""
    store_dir = Path(settings.store_dir)
    inputs = [(store.safe_upload_name(item[0]), item[1]) for item in items]
    stated = {name: (item[2] if len(item) > 2 and item[2] is not None and not item[2].is_empty() else None)
              for (name, _), item in zip(inputs, items)}
    results = process(inputs, settings, sources={k: v for k, v in stated.items() if v is not None})
    if not any(r.tables for r in results):
        return results
    timeout = settings.upload_lock_timeout if lock_timeout is None else lock_timeout
    with store_lock(store_dir, timeout, what="an upload from the dashboard"):
        recover_uploads(settings)
        existing, problems, exact = _existing_results(settings)
        known = {r.tables["articles"][0].article_id for r in existing}
        incoming_dir = store_dir / store.INCOMING
        staged: list[tuple[Path, Path, ArticleResult]] = []
        try:
            for r, (name, data) in zip(results, inputs):
                if r.tables is None:
                    continue
                aid = r.tables["articles"][0].article_id
                if aid in known:
                    r.warnings.append("already in the store; not added again")
                    continue
                known.add(aid)
                target = store.upload_target(store_dir, name, data)
                for taken in (t for _, t, _ in staged):
                    if taken == target:
                        target = target.with_name(f"{target.stem}-{aid[:8]}{target.suffix}")
                r.tables["articles"] = [dataclasses.replace(a, path=target.name) for a in r.tables["articles"]]
                pending = incoming_dir / target.name
                store.atomic_write_bytes(pending, data)
                staged.append((pending, target, r))
                _record_stated(store_dir / store.UPLOADS, target.name, stated[name])
            if not staged:
                return results
            fresh = [r for _, _, r in staged]
            all_results = existing + fresh
            ids = {r.tables["articles"][0].article_id for r in all_results}
            tables = combine(all_results, seed=_link_seed(settings, ids) if exact else None)
            tables["problems"] = problems
            store.write_snapshot(store_dir, tables, manifest=_manifest(all_results, settings))
        except BaseException:
            for pending, _, _ in staged:
                pending.unlink(missing_ok=True)
            raise
        for pending, target, r in staged:  # committed: the snapshot holds them
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(pending, target)
            r.kept_as = target.name
    return results


def add_articles(inputs: list[tuple[str, bytes]], settings: Settings, sources: dict[str, SourceEntry] | None = None) -> list[ArticleResult]:
    """Former name of `add_uploads` (kept for callers that have not moved)."""
    sources = sources or {}
    return add_uploads(settings, [(name, data, sources.get(name)) for name, data in inputs])

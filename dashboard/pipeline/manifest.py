"""A manifest beside the articles: `sources.csv` or `sources.tsv` with what the user knows.

Columns (a header row names them; each is optional, in any order, case aside):
`file` (the article's file name), `url`, `outlet`, `publication_date` (YYYY-MM-DD, or a
year YYYY when only that is known). What a manifest says is trusted over what the page or the
text says; a row that cannot be read is reported and ignored, never fatal.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST_NAMES = ("sources.csv", "sources.tsv")
_COLUMNS = {
    "file": ("file", "filename", "file_name", "path", "name"),
    "url": ("url", "link", "address"),
    "outlet": ("outlet", "publisher", "source", "site", "site_name"),
    "publication_date": ("publication_date", "date", "published", "pub_date", "publication date"),
}


@dataclass(frozen=True)
class SourceEntry:
    """What a user states about one article (from a manifest row or the upload form)."""

    url: str | None = None
    outlet: str | None = None
    publication_date: dt.date | None = None
    year: int | None = None  # a year alone, for a dateline without one ("BERLIN, November 10.")

    def fingerprint(self) -> str:
        """A stable text of the entry, for cache keys."""
        return f"{self.url or ''}|{self.outlet or ''}|{self.publication_date or ''}|{self.year or ''}"

    def is_empty(self) -> bool:
        return not (self.url or self.outlet or self.publication_date or self.year)


def parse_when(value: str | None) -> tuple[dt.date | None, int | None]:
    """(date, year) from a manifest cell: "2021-11-10", "2021-11-10T08:00Z" or "2021"."""
    text = (value or "").strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?", text)
    if m:
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d.year
        except ValueError:
            return None, None
    if re.fullmatch(r"(1[89]|20)\d{2}", text):
        return None, int(text)
    return None, None


def entry(url: str | None = None, outlet: str | None = None, publication_date: str | dt.date | None = None) -> SourceEntry:
    """A SourceEntry from loose values (blank strings are nothing)."""
    if isinstance(publication_date, dt.date):
        when, year = publication_date, publication_date.year
    else:
        when, year = parse_when(publication_date)
    clean = lambda s: s.strip() or None if isinstance(s, str) else None  # noqa: E731
    return SourceEntry(url=clean(url), outlet=clean(outlet), publication_date=when, year=year)


def parse_manifest(text: str, delimiter: str | None = None) -> tuple[dict[str, SourceEntry], list[str]]:
    """Rows of a manifest keyed by file name, and warnings for rows that were ignored."""
    warnings: list[str] = []
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = "\t" if first.count("\t") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    except StopIteration:
        return {}, ["the manifest is empty"]
    except csv.Error as exc:
        return {}, [f"the manifest cannot be read ({exc})"]
    where = {}
    for column, names in _COLUMNS.items():
        for name in names:
            if name in header:
                where[column] = header.index(name)
                break
    if "file" not in where:
        return {}, ["the manifest has no 'file' column, so its rows cannot be matched to articles"]
    out: dict[str, SourceEntry] = {}
    try:
        for n, row in enumerate(reader, start=2):
            cell = lambda c: row[where[c]] if c in where and where[c] < len(row) else None  # noqa: E731
            name = (cell("file") or "").strip()
            if not name:
                continue
            when = cell("publication_date")
            e = entry(cell("url"), cell("outlet"), when)
            if when and when.strip() and e.publication_date is None and e.year is None:
                warnings.append(f"row {n} ({name}): publication_date {when.strip()!r} is not YYYY-MM-DD or YYYY; ignored")
            out[Path(name.replace("\\", "/")).name] = e
    except csv.Error as exc:
        warnings.append(f"the manifest stops being readable ({exc}); later rows ignored")
    return out, warnings


def find_manifest(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        path = Path(folder) / name
        if path.is_file():
            return path
    return None


_CACHE: dict[tuple[str, float, int], tuple[dict[str, SourceEntry], list[str]]] = {}


def read_manifest(path: Path) -> tuple[dict[str, SourceEntry], list[str]]:
    """A manifest file's rows (cached while the file is unchanged) and its warnings."""
    path = Path(path)
    try:
        st = path.stat()
        key = (str(path), st.st_mtime, st.st_size)
        if key not in _CACHE:
            data = path.read_bytes()
            text = data.decode("utf-8-sig", errors="replace")
            _CACHE[key] = parse_manifest(text, "\t" if path.suffix.lower() == ".tsv" else ",")
        return _CACHE[key]
    except OSError as exc:
        return {}, [f"cannot read {path.name} ({exc.strerror or exc})"]


def source_beside(article: Path) -> tuple[SourceEntry | None, list[str]]:
    """The manifest entry for an article file from a sources.csv/.tsv in its folder."""
    manifest = find_manifest(Path(article).parent)
    if manifest is None:
        return None, []
    rows, warnings = read_manifest(manifest)
    found = rows.get(Path(article).name)
    notes = [f"{manifest.name}: {w}" for w in warnings]
    return (found if found and not found.is_empty() else None), notes


def record_source(folder: Path, file_name: str, source: SourceEntry) -> Path:
    """Add or replace one article's row in `folder/sources.csv` (written atomically), so that a
    rebuild of that folder keeps what the user stated (used for articles added from the browser)."""
    folder = Path(folder)
    path = folder / "sources.csv"
    rows: dict[str, SourceEntry] = {}
    if path.is_file():
        rows, _ = read_manifest(path)
        rows = dict(rows)
    rows[file_name] = source
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["file", "url", "outlet", "publication_date"])
    for name, e in sorted(rows.items()):
        when = e.publication_date.isoformat() if e.publication_date else (str(e.year) if e.year else "")
        writer.writerow([name, e.url or "", e.outlet or "", when])
    from .store import atomic_write_bytes  # the store's one atomic writer

    atomic_write_bytes(path, buf.getvalue().encode("utf-8"))
    return path

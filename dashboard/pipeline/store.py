"""The store: one Parquet file per record type plus DuckDB views over them.

Layout under the store directory:

    CURRENT                   name of the live snapshot (replaced atomically)
    snap-<digest>/<table>.parquet, manifest.json, .lease
    snap-<digest>/derived-v<N>.duckdb   the dashboard's tables, derived from the Parquet files (derived.py)
    cache/<sha>-<data>.json   per-article extraction cache (incremental, resumable rebuilds)
    uploads/                  articles added from the dashboard (.incoming/: an add not yet committed)
    .lock                     the writers' lock (lock.py)

What the store promises (tests/test_store.py, tests/test_store_concurrency.py, scripts/soak_store.py):
- A reader always sees one complete snapshot: a writer builds the next snapshot in a staging
  folder and switches `CURRENT` with `os.replace`; snapshots are deleted only by a writer holding
  the lock, never the live one, never one of the two before it, never one a reader holds a
  lease on (`snapshot_lease`), so a reader that has just resolved `CURRENT` finds its files.
- One writer at a time (`lock.store_lock`); a crash at any step leaves the previous snapshot
  live, and the next writer clears what the crash left (staging folders, temp files).
- The snapshot name is a digest of its files' bytes: the same rows give the same name. A
  snapshot that would be reused is checked byte for byte and rewritten when it does not match.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
import typing
from pathlib import Path
from typing import Iterable, Iterator

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from . import derived
from .errors import StoreError
from .lock import store_lock
from .schema import RECORD_TYPES, SCHEMA_VERSION, arrow_schema, columns, from_row

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
LEASE = ".lease"
KEEP_PREVIOUS = 2  # snapshots kept besides the live one, for readers still on them
ROW_GROUP = 128 * 1024  # rows per Parquet row group: DuckDB reads a large table in parallel
STALE_TEMP_S = 600  # a temp file this old is a crash's leftover, not a write in progress
_SNAP_NAME = re.compile(r"snap-[0-9a-f]{16}")
FIX = "Rebuild it with: python -m dashboard build seeds/"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old or the new contents, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- record lists and Arrow tables ---------------------------------------------------------------

def _unsurrogate(value):
    """A string Arrow can store: lone surrogates (undecodable file-name bytes) as \\x escapes."""
    if isinstance(value, str):
        try:
            return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, list):
        return [_unsurrogate(v) for v in value]
    return value


def table_of(name: str, records) -> pa.Table:
    """The Arrow table of one record type, from records, row dicts or an Arrow table."""
    record_type = RECORD_TYPES[name]
    schema = arrow_schema(record_type)
    if isinstance(records, pa.Table):
        if records.schema.names != schema.names:
            raise ValueError(f"{name}: columns {records.schema.names} are not the schema's {schema.names}")
        return records.cast(schema)
    records = list(records)
    cols = columns(record_type)
    if records and isinstance(records[0], dict):
        data = {c: [r.get(c) for r in records] for c in cols}
    else:
        data = {c: [getattr(r, c) for r in records] for c in cols}
    try:
        return pa.Table.from_pydict(data, schema=schema)
    except (UnicodeEncodeError, pa.ArrowException):
        hints = typing.get_type_hints(record_type)
        texty = [c for c in cols if "str" in str(hints[c])]
        return pa.Table.from_pydict({c: ([_unsurrogate(v) for v in data[c]] if c in texty else data[c]) for c in cols}, schema=schema)


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --- writing -----------------------------------------------------------------------------------

def write_snapshot(store_dir: Path, tables: dict, manifest: dict | None = None, lock_timeout: float | None = None) -> Path:
    """Write every record type to a new snapshot and make it the live one.

    `tables` maps record type names to record lists, row dicts or Arrow tables (a missing name
    is an empty table). `manifest` is extra build information kept beside the tables. Takes
    the store's writer lock (re-entrant: a caller may already hold it)."""
    store_dir = Path(store_dir)
    store_dir.mkdir(parents=True, exist_ok=True)
    with store_lock(store_dir, lock_timeout, what="write_snapshot"):
        clear_leftovers(store_dir)
        staging = Path(tempfile.mkdtemp(dir=store_dir, prefix=".staging-"))
        try:
            digest = hashlib.sha256(f"schema{SCHEMA_VERSION}".encode())
            files: dict[str, dict] = {}
            for name in RECORD_TYPES:
                table = table_of(name, tables.get(name, []))
                target = staging / f"{name}.parquet"
                pq.write_table(table, target, compression="zstd", row_group_size=ROW_GROUP)
                files[name] = {"sha256": _file_digest(target), "rows": table.num_rows}
                digest.update(f"{name}:{files[name]['sha256']}".encode())
            snap_name = f"snap-{digest.hexdigest()[:16]}"
            info = {"schema_version": SCHEMA_VERSION, "tables": files, **(manifest or {})}
            (staging / MANIFEST).write_text(json.dumps(info, sort_keys=True, indent=1), encoding="utf-8")
            (staging / LEASE).touch()
            final = store_dir / snap_name
            if final.is_dir() and verify_snapshot(final, files):
                shutil.rmtree(staging)
                if read_manifest(final) != info:
                    atomic_write_bytes(final / MANIFEST, json.dumps(info, sort_keys=True, indent=1).encode())
                (final / LEASE).touch()
                _write_derived(final, only_if_missing=True)  # a snapshot written before, or by an older version
            else:
                _write_derived(staging)
                if final.exists() or final.is_symlink():  # damaged: set aside, never reused
                    log.warning("snapshot %s does not read back as written; rewriting it", final)
                    _discard(final, store_dir)
                os.replace(staging, final)
            _switch_current(store_dir, snap_name)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        os.utime(final)  # recently live: kept for readers that are still on it
        collect_garbage(store_dir)
    return final


def _write_derived(snap: Path, only_if_missing: bool = False) -> Path | None:
    """The dashboard's derived tables beside a snapshot's Parquet files (derived.py). They only
    save the dashboard time, so a failure is logged and the snapshot stands without them (the
    dashboard then derives them in memory)."""
    target = snap / derived.FILE
    if only_if_missing and derived.readable(target):
        return target
    try:
        con = connect_snapshot(snap)
        try:
            derived.configure(con)
            derived.write(con, target)
        finally:
            con.close()
        for old in snap.glob("derived-v*.duckdb"):  # of other versions
            if old.name != derived.FILE:
                old.unlink(missing_ok=True)
        return target
    except (duckdb.Error, OSError, StoreError) as exc:
        log.warning("could not derive the dashboard's tables for %s (%s); the dashboard will derive them itself", snap.name, exc)
        return None


def ensure_derived(store_dir: Path, snap: Path, lock_timeout: float | None = 0) -> Path | None:
    """A live snapshot's derived tables, written now if it has none (a snapshot from before
    they existed, or of another derived VERSION). A writer's job, so under the lock: when another
    writer holds it (or the store is read-only) returns None and the reader derives for itself."""
    target = Path(snap) / derived.FILE
    if target.is_file():
        return target
    try:
        with store_lock(store_dir, lock_timeout, what="ensure_derived"):
            return _write_derived(Path(snap), only_if_missing=True) if Path(snap).is_dir() else None
    except (StoreError, OSError):
        return None


def _switch_current(store_dir: Path, snap_name: str) -> None:
    pointer = store_dir / CURRENT
    if pointer.is_symlink() or (pointer.exists() and not pointer.is_file()):
        _discard(pointer, store_dir)  # a directory (or worse) where the pointer belongs
    atomic_write_bytes(pointer, snap_name.encode())


def _discard(path: Path, store_dir: Path) -> None:
    """Move a damaged or unused entry out of the way (atomically), then delete it."""
    trash = store_dir / f".trash-{path.name}-{os.getpid()}-{time.monotonic_ns()}"
    os.replace(path, trash)
    if trash.is_dir() and not trash.is_symlink():
        shutil.rmtree(trash, ignore_errors=True)
    else:
        trash.unlink(missing_ok=True)


def verify_snapshot(snap: Path, expected: dict[str, dict] | None = None) -> bool:
    """Whether a snapshot's files are all there and are the bytes its manifest (or `expected`)
    records; an old snapshot without a manifest must at least parse with the current schema."""
    expected = expected or read_manifest(snap).get("tables")
    try:
        for name in RECORD_TYPES:
            path = snap / f"{name}.parquet"
            if expected:
                if name not in expected or _file_digest(path) != expected[name]["sha256"]:
                    return False
            elif pq.read_schema(path).names != arrow_schema(RECORD_TYPES[name]).names:
                return False
        return True
    except (OSError, pa.ArrowException, KeyError, TypeError):
        return False


def read_manifest(snap: Path) -> dict:
    """The snapshot's manifest, or {} when it has none or it is damaged."""
    try:
        info = json.loads((Path(snap) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def clear_leftovers(store_dir: Path) -> None:
    """Remove what a crash or a full disk left behind. Only a writer holding the lock calls it."""
    store_dir = Path(store_dir)
    for child in store_dir.iterdir():
        name = child.name
        try:
            if name.startswith((".staging-", ".trash-")):
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
            elif name.startswith(f".{CURRENT}.") and name.endswith(".tmp"):
                child.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", child, exc)
    for tmp in store_dir.glob("snap-*/.derived-v*.tmp"):  # a derivation cut short
        tmp.unlink(missing_ok=True)
    cache = store_dir / "cache"
    if cache.is_dir():  # cache entries are written without the lock: only old temp files are leftovers
        now = time.time()
        for child in cache.iterdir():
            if child.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if now - child.stat().st_mtime > STALE_TEMP_S:
                        child.unlink()


def collect_garbage(store_dir: Path) -> None:
    """Delete old snapshots: never the live one, the KEEP_PREVIOUS most recently live, or one a
    reader holds a lease on. Only a writer holding the lock calls it."""
    live = _read_pointer(store_dir)
    snaps = [c for c in store_dir.iterdir() if _SNAP_NAME.fullmatch(c.name) and c.is_dir() and c.name != live]
    snaps.sort(key=lambda c: c.stat().st_mtime, reverse=True)
    for snap in snaps[KEEP_PREVIOUS:]:
        lease = snap / LEASE
        try:
            fd = os.open(lease, os.O_RDONLY)
        except OSError:
            fd = None  # a snapshot from before leases: nobody can hold one
        try:
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a reader is on it
            _discard(snap, store_dir)  # renamed while we hold the lease lock: a late reader sees it gone
        except OSError as exc:
            log.warning("could not remove old snapshot %s: %s", snap, exc)
        finally:
            if fd is not None:
                os.close(fd)


# --- reading -----------------------------------------------------------------------------------

def _read_pointer(store_dir: Path) -> str | None:
    """The snapshot name `CURRENT` holds, or None when it is missing or damaged."""
    try:
        name = (Path(store_dir) / CURRENT).read_bytes().decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if _SNAP_NAME.fullmatch(name) else None


def current_snapshot(store_dir: Path) -> Path:
    """The live snapshot directory, or a StoreError that says how to build one."""
    store_dir = Path(store_dir)
    pointer = store_dir / CURRENT
    if not pointer.exists() and not pointer.is_symlink():
        raise StoreError(f"No store at {store_dir}. Build it with: python -m dashboard build seeds/")
    name = _read_pointer(store_dir)
    if name is None:
        raise StoreError(f"The store at {store_dir} is damaged ({CURRENT} does not name a snapshot). {FIX}")
    snap = store_dir / name
    missing = [n for n in RECORD_TYPES if not (snap / f"{n}.parquet").is_file()]
    if missing:
        raise StoreError(f"The store at {store_dir} is incomplete (missing {', '.join(missing)}). {FIX}")
    return snap


@contextlib.contextmanager
def snapshot_lease(store_dir: Path) -> Iterator[Path]:
    """The live snapshot, held against deletion for as long as the block runs."""
    for _ in range(50):
        snap = current_snapshot(store_dir)
        try:
            fd = os.open(snap / LEASE, os.O_RDONLY)
        except FileNotFoundError:
            if not snap.is_dir():
                continue  # deleted between reading CURRENT and opening: read CURRENT again
            yield snap  # a snapshot from before leases
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_SH)
            if not (snap / LEASE).exists():
                continue  # collected while we waited for the lease
            yield snap
            return
        finally:
            os.close(fd)
    raise StoreError(f"The store at {store_dir} keeps changing under the reader; try again.")


def _read_table_at(snap: Path, name: str) -> pa.Table:
    try:
        table = pq.read_table(snap / f"{name}.parquet")
    except Exception as exc:  # corrupt file: say so and how to fix it
        raise StoreError(f"The store file {name}.parquet is unreadable ({exc}). {FIX}") from exc
    if table.schema.names != arrow_schema(RECORD_TYPES[name]).names:
        raise StoreError(f"The store's {name} table has an old schema. {FIX}")
    return table


def read_table(store_dir: Path, name: str) -> pa.Table:
    with snapshot_lease(store_dir) as snap:
        return _read_table_at(snap, name)


def read_tables(store_dir: Path, names: Iterable[str] = RECORD_TYPES) -> dict[str, pa.Table]:
    """Several tables, all from the same snapshot."""
    with snapshot_lease(store_dir) as snap:
        return {name: _read_table_at(snap, name) for name in names}


def records_of(name: str, table: pa.Table) -> list:
    record_type = RECORD_TYPES[name]
    return [from_row(record_type, row) for row in table.to_pylist()]


def read_records(store_dir: Path, name: str) -> list:
    return records_of(name, read_table(store_dir, name))


def read_frames(store_dir: Path) -> dict:
    """Every table as a pandas DataFrame, all from one snapshot."""
    return {name: table.to_pandas() for name, table in read_tables(store_dir).items()}


def connect(store_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per record type over the live snapshot."""
    return connect_snapshot(current_snapshot(store_dir))


def connect_snapshot(snap: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per record type over one snapshot's files
    (hold a `snapshot_lease` on it for as long as the connection reads)."""
    snap = Path(snap)
    con = duckdb.connect(":memory:")
    for name in RECORD_TYPES:
        try:  # the footer alone: a corrupt or old-schema file is named here, not in a later query
            names = pq.read_schema(snap / f"{name}.parquet").names
        except Exception as exc:
            con.close()
            raise StoreError(f"The store file {name}.parquet is unreadable ({exc}). {FIX}") from exc
        if names != arrow_schema(RECORD_TYPES[name]).names:
            con.close()
            raise StoreError(f"The store's {name} table has an old schema. {FIX}")
        path = str(snap / f"{name}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    return con


# --- per-article cache for incremental builds -------------------------------------------

def cache_path(store_dir: Path, key: str) -> Path:
    return Path(store_dir) / "cache" / f"{key}.json"


def read_cache(store_dir: Path, key: str) -> dict | None:
    """A cached article's tables as {table name: [row dict]}, or None: a missing, damaged or
    wrongly shaped entry is simply recomputed."""
    path = cache_path(store_dir, key)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(payload, dict) or not payload.get("articles") or not all(
        name in RECORD_TYPES and isinstance(rows, list) and all(isinstance(r, dict) and r.keys() == set(columns(RECORD_TYPES[name])) for r in rows)
        for name, rows in payload.items()
    ):
        return None
    return payload


def write_cache(store_dir: Path, key: str, payload: dict) -> bool:
    """Keep an article's tables for the next build. The cache only saves time, so a failure
    (a full disk) is logged and the build goes on; returns whether it was written."""
    data = json.dumps(payload, sort_keys=True, default=str).encode("ascii")  # \\u escapes: any str survives
    try:
        atomic_write_bytes(cache_path(store_dir, key), data)
    except OSError as exc:
        log.warning("could not write the cache entry %s (%s); the article will be processed again next time", key, exc)
        return False
    return True


# --- articles added from the browser ------------------------------------------------------------

UPLOADS = "uploads"
INCOMING = ".incoming"  # files of an add that is not committed yet (see build.recover_uploads)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def uploaded_files(store_dir: Path) -> list[Path]:
    """Articles added from the dashboard, kept in the store so that every rebuild includes them."""
    folder = Path(store_dir) / UPLOADS
    articles = (".txt", ".html", ".htm")  # not the sources.csv that keeps what the upload form stated
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in articles) if folder.is_dir() else []


def safe_upload_name(name: str) -> str:
    """A plain file name from whatever the browser sent: no directories, no leading dots,
    only letters, digits, '.', '_' and '-'; '.txt' unless it ends in .txt/.html/.htm."""
    base = _UNSAFE.sub("_", Path(str(name).replace("\\", "/")).name).lstrip(".")[-100:] or "upload"
    if not base.lower().endswith((".txt", ".html", ".htm")):
        base += ".txt"
    return base


def upload_target(store_dir: Path, name: str, data: bytes) -> Path:
    """Where an upload is kept: its safe name, or with its content hash appended when a
    different file already has that name."""
    target = Path(store_dir) / UPLOADS / safe_upload_name(name)
    if target.exists() and target.read_bytes() != data:
        digest = hashlib.sha256(data).hexdigest()[:8]
        target = target.with_name(f"{target.stem}-{digest}{target.suffix}")
    return target

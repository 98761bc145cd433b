"""The store: one Parquet file per record type plus DuckDB views over them.

Layout under the store directory:

    CURRENT                 name of the live snapshot (replaced atomically)
    snap-<digest>/<table>.parquet
    cache/<sha>.json        per-article extraction cache (incremental rebuilds)

A build writes a complete new snapshot next to the live one and then switches
`CURRENT` with `os.replace`, so a crash mid-build leaves the previous store intact.
The snapshot name is a digest of its contents: the same input gives the same name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import StoreError
from .schema import RECORD_TYPES, SCHEMA_VERSION, arrow_schema, from_row, to_row

CURRENT = "CURRENT"


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


def table_of(name: str, records: Iterable) -> pa.Table:
    record_type = RECORD_TYPES[name]
    rows = [to_row(r) for r in records]
    schema = arrow_schema(record_type)
    return pa.Table.from_pylist(rows, schema=schema)


def write_snapshot(store_dir: Path, tables: dict[str, list]) -> Path:
    """Write every record type to a new snapshot and make it the live one."""
    store_dir = Path(store_dir)
    store_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=store_dir, prefix=".staging-"))
    try:
        digest = hashlib.sha256(f"schema{SCHEMA_VERSION}".encode())
        for name in RECORD_TYPES:
            table = table_of(name, tables.get(name, []))
            target = staging / f"{name}.parquet"
            pq.write_table(table, target, compression="zstd")
            digest.update(name.encode())
            digest.update(json.dumps(table.to_pylist(), sort_keys=True, default=str).encode())
        snap_name = f"snap-{digest.hexdigest()[:16]}"
        final = store_dir / snap_name
        if final.exists():
            shutil.rmtree(staging)
        else:
            os.replace(staging, final)
        atomic_write_bytes(store_dir / CURRENT, snap_name.encode())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _remove_old_snapshots(store_dir, keep=snap_name)
    return final


def _remove_old_snapshots(store_dir: Path, keep: str) -> None:
    for child in store_dir.iterdir():
        if child.is_dir() and (child.name.startswith("snap-") or child.name.startswith(".staging-")):
            if child.name != keep:
                shutil.rmtree(child, ignore_errors=True)


def current_snapshot(store_dir: Path) -> Path:
    """The live snapshot directory, or a StoreError that says how to build one."""
    store_dir = Path(store_dir)
    pointer = store_dir / CURRENT
    if not pointer.is_file():
        raise StoreError(f"No store at {store_dir}. Build it with: python -m dashboard build seeds/")
    snap = store_dir / pointer.read_text().strip()
    missing = [n for n in RECORD_TYPES if not (snap / f"{n}.parquet").is_file()]
    if missing:
        raise StoreError(
            f"The store at {store_dir} is incomplete (missing {', '.join(missing)}). "
            "Rebuild it with: python -m dashboard build seeds/"
        )
    return snap


def read_table(store_dir: Path, name: str) -> pa.Table:
    snap = current_snapshot(store_dir)
    try:
        table = pq.read_table(snap / f"{name}.parquet")
    except Exception as exc:  # corrupt file: say so and how to fix it
        raise StoreError(
            f"The store file {name}.parquet is unreadable ({exc}). "
            "Rebuild it with: python -m dashboard build seeds/"
        ) from exc
    expected = arrow_schema(RECORD_TYPES[name])
    if table.schema.names != expected.names:
        raise StoreError(
            f"The store's {name} table has an old schema. Rebuild it with: python -m dashboard build seeds/"
        )
    return table


def read_records(store_dir: Path, name: str) -> list:
    record_type = RECORD_TYPES[name]
    return [from_row(record_type, row) for row in read_table(store_dir, name).to_pylist()]


def read_frames(store_dir: Path) -> dict:
    """Every table as a pandas DataFrame."""
    return {name: read_table(store_dir, name).to_pandas() for name in RECORD_TYPES}


def connect(store_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per record type over the live snapshot."""
    snap = current_snapshot(store_dir)
    con = duckdb.connect(":memory:")
    for name in RECORD_TYPES:
        try:  # the footer alone: a corrupt or old-schema file is named here, not in a later query
            names = pq.read_schema(snap / f"{name}.parquet").names
        except Exception as exc:
            con.close()
            raise StoreError(
                f"The store file {name}.parquet is unreadable ({exc}). "
                "Rebuild it with: python -m dashboard build seeds/"
            ) from exc
        if names != arrow_schema(RECORD_TYPES[name]).names:
            con.close()
            raise StoreError(
                f"The store's {name} table has an old schema. Rebuild it with: python -m dashboard build seeds/"
            )
        path = str(snap / f"{name}.parquet").replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    return con


# --- per-article cache for incremental builds -------------------------------------------

def cache_path(store_dir: Path, key: str) -> Path:
    return Path(store_dir) / "cache" / f"{key}.json"


def read_cache(store_dir: Path, key: str) -> dict | None:
    path = cache_path(store_dir, key)
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged cache entry is simply recomputed


def write_cache(store_dir: Path, key: str, payload: dict) -> None:
    data = json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
    atomic_write_bytes(cache_path(store_dir, key), data)


# --- articles added from the browser ------------------------------------------------------------

UPLOADS = "uploads"


def uploaded_files(store_dir: Path) -> list[Path]:
    """Articles added from the dashboard, kept in the store so that every rebuild includes them."""
    folder = Path(store_dir) / UPLOADS
    articles = (".txt", ".html", ".htm")  # not the sources.csv that keeps what the upload form stated
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in articles) if folder.is_dir() else []

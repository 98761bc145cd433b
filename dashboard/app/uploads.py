"""Accepted browser uploads are kept as files under `<store_dir>/uploads/`, so they survive the
session and every rebuild includes them (`python -m dashboard build` reads that folder too)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dashboard.pipeline.store import UPLOADS, atomic_write_bytes, uploaded_files  # noqa: F401 (re-exported)

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A plain file name from whatever the browser sent: no directories, no leading dots,
    only letters, digits, '.', '_' and '-'; '.txt' unless it ends in .txt/.html/.htm."""
    base = _UNSAFE.sub("_", Path(str(name).replace("\\", "/")).name).lstrip(".")[-100:] or "upload"
    if not base.lower().endswith((".txt", ".html", ".htm")):
        base += ".txt"
    return base


def save_upload(store_dir: Path, name: str, data: bytes) -> Path:
    """Keep an accepted upload; a different file of the same name gets its content hash appended."""
    target = Path(store_dir) / UPLOADS / safe_name(name)
    if target.exists() and target.read_bytes() != data:
        digest = hashlib.sha256(data).hexdigest()[:8]
        target = target.with_name(f"{target.stem}-{digest}{target.suffix}")
    atomic_write_bytes(target, data)
    return target


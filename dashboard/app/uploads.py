"""Accepted browser uploads are kept as files under `<store_dir>/uploads/`, so they survive the
session and every rebuild includes them (`python -m dashboard build` reads that folder too)."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

from dashboard.pipeline.store import UPLOADS, atomic_write_bytes, uploaded_files  # noqa: F401 (re-exported)

from .safe_text import one_line

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
ACCEPTED = (".txt", ".html", ".htm")
MIB = 1024 * 1024  # Streamlit's uploader counts its "MB" limit in these


def display_name(name: str) -> str:
    """The browser's file name as one line of plain text (NUL and other control characters
    removed), for messages; escape it for Markdown where it is shown."""
    return one_line(name, "(unnamed file)")


def _mb(n_bytes: int) -> str:
    return f"{n_bytes / MIB:.1f}".removesuffix(".0") + " MB"


def limit_text(max_bytes: int) -> str:
    """The upload size limit as the page states it, in the units of Streamlit's uploader."""
    return _mb(max_bytes)


def uploader_limit_mb(max_bytes: int) -> int:
    """Whole MB for `st.file_uploader(max_upload_size=…)`, so the browser refuses bigger files
    first (our own check below still holds for a limit that is not a whole MB)."""
    return max(1, math.ceil(max_bytes / MIB))


def refusal(name: str, size: int, max_bytes: int) -> str | None:
    """Why an upload is refused before it is read (wrong kind of file, too large), or None.
    The page checks the extension itself instead of passing `type=` to the uploader: with
    `type=` Streamlit raises on a file name holding a NUL on every rerun, locking the session."""
    if not display_name(name).lower().endswith(ACCEPTED):
        return "not a .txt, .html or .htm file"
    if size > max_bytes:
        shown = _mb(size)
        if shown == _mb(max_bytes):
            return f"file too large ({size:,} bytes; the limit is {max_bytes:,} bytes)"
        return f"file too large ({shown}; the limit is {limit_text(max_bytes)})"
    return None


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


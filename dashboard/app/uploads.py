"""Accepted browser uploads are kept as files under `<store_dir>/uploads/`, so they survive the
session and every rebuild includes them (`python -m dashboard build` reads that folder too).
Adding one is `dashboard.pipeline.build.add_uploads`: the file is kept and the store switched
in one step under the store's lock; these are the naming rules it uses."""

from __future__ import annotations

import math
import re
from pathlib import Path

from dashboard.pipeline.store import UPLOADS, atomic_write_bytes, safe_upload_name, upload_target, uploaded_files  # noqa: F401 (re-exported)

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
    """A plain file name from whatever the browser sent (see store.safe_upload_name)."""
    return safe_upload_name(name)


def save_upload(store_dir: Path, name: str, data: bytes) -> Path:
    """Keep a file under uploads/; a different file of the same name gets its content hash appended."""
    target = upload_target(store_dir, name, data)
    atomic_write_bytes(target, data)
    return target

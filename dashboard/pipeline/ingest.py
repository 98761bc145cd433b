"""Read article files: the only pipeline stage that touches the file system for input.

Every rejection is an `ArticleError` naming the file and the reason, so a build can
report it and carry on with the other articles.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError

# Magic numbers of common binary formats that end up renamed as .txt.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF (audio/video/WebP) file",
}
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<article|<meta|<p[\s>]|<div)", re.I)


@dataclass(frozen=True)
class RawArticle:
    """A decoded article file, not yet cleaned."""

    path: str
    name: str
    text: str
    is_html: bool
    sha256: str
    warnings: list[str] = field(default_factory=list)


def sniff_binary(data: bytes) -> str | None:
    """Describe why bytes look binary, or None when they look like text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return f"binary file ({what}), not a text or HTML article"
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: judge the characters, not the bytes
        sample = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    elif b"\x00" in head:
        return "binary file (contains NUL bytes), not a text or HTML article"
    else:
        sample = head.decode("latin-1")  # one character per byte
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\x0c\r")
    if sample and controls / len(sample) > 0.05:
        return "binary file (mostly control bytes), not a text or HTML article"
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), else cp1252, else latin-1, with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark)"]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        reason = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), [f"{reason}; decoded as {encoding}"]
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte string")


def looks_like_html(name: str, data: bytes) -> bool:
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(data[:2048]))


def too_large(size: int, max_bytes: int) -> str:
    """The reason for a file over the limit, in MB unless both round to the same figure."""
    size_mb, limit_mb = f"{size / 1e6:.1f} MB", f"{max_bytes / 1e6:.1f} MB"
    if size_mb == limit_mb:
        size_mb, limit_mb = f"{size:,} bytes", f"{max_bytes:,} bytes"
    return f"file too large ({size_mb}; the limit is {limit_mb})"


def parse_bytes(path: str, data: bytes, max_bytes: int) -> RawArticle:
    """Validate and decode an article's bytes (used for files and for browser uploads)."""
    name = Path(path).name
    if len(data) > max_bytes:
        raise ArticleError(path, too_large(len(data), max_bytes))
    if not data.strip():
        raise ArticleError(path, "empty file (no text)" if not data else "file holds only whitespace")
    binary = sniff_binary(data)
    if binary:
        raise ArticleError(path, binary)
    text, warnings = decode(data)
    if not text.strip():
        raise ArticleError(path, "file holds only whitespace")
    return RawArticle(
        path=str(path),
        name=name,
        text=text,
        is_html=looks_like_html(name, data),
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
    )


def read_article(path: str | Path, max_bytes: int) -> RawArticle:
    """Read one article file, raising ArticleError with a clear reason when it cannot be used."""
    p = Path(path)
    label = str(path)
    try:
        st = p.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise ArticleError(label, "no such file") from None
    except PermissionError:
        raise ArticleError(label, "permission denied (a folder on its path is not readable)") from None
    except OSError as exc:
        raise ArticleError(label, f"cannot read file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        if not os.access(p, os.R_OK | os.X_OK):
            raise ArticleError(label, "folder cannot be read (permission denied)")
        raise ArticleError(label, "is a directory, not an article file")
    if not stat.S_ISREG(st.st_mode):  # a pipe would block forever, a device never ends
        raise ArticleError(label, "not a regular file (a pipe, socket or device), not an article file")
    try:
        size = st.st_size
        if size > max_bytes:
            raise ArticleError(label, too_large(size, max_bytes))
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except ArticleError:
        raise
    except PermissionError:
        raise ArticleError(label, "permission denied (file is not readable)") from None
    except OSError as exc:
        raise ArticleError(label, f"cannot read file ({exc.strerror or exc})") from None
    return parse_bytes(label, data, max_bytes)


def expand_inputs(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and the .txt/.html files inside named directories (sorted)."""
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            try:
                out.extend(
                    sorted(c for c in p.iterdir() if c.is_file() and c.suffix.lower() in (".txt", ".html", ".htm"))
                )
            except OSError:
                out.append(p)  # reported by read_article as an unreadable folder, not a crash
        else:
            out.append(p)
    return out

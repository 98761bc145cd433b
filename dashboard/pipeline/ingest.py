"""Read article files: the only pipeline stage that touches the file system for input.

Every rejection is an `ArticleError` naming the file and the reason, so a build can
report it and carry on with the other articles.
"""

from __future__ import annotations

import hashlib
import re
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
    if b"\x00" in head and not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        return "binary file (contains NUL bytes), not a text or HTML article"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
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


def parse_bytes(path: str, data: bytes, max_bytes: int) -> RawArticle:
    """Validate and decode an article's bytes (used for files and for browser uploads)."""
    name = Path(path).name
    if len(data) > max_bytes:
        raise ArticleError(
            path, f"file too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)"
        )
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
    if not p.exists():
        raise ArticleError(label, "no such file")
    if p.is_dir():
        raise ArticleError(label, "is a directory, not an article file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise ArticleError(
                label, f"file too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB)"
            )
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
            out.extend(
                sorted(c for c in p.iterdir() if c.is_file() and c.suffix.lower() in (".txt", ".html", ".htm"))
            )
        else:
            out.append(p)
    return out

"""Read article files: the only pipeline stage that touches the file system for input.

Every rejection is an `ArticleError` naming the file and the reason, so a build can
report it and carry on with the other articles. Decoding never loses text silently and
never fails: bytes that are not UTF-8 are decoded one run at a time (the rest of the file
stays UTF-8) with a warning that says so; odd UTF-16 is read with replacement characters.
A `sources.csv`/`sources.tsv` beside an article (see `manifest.py`) is read here too.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from .errors import ArticleError
from .manifest import SourceEntry, source_beside

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
    source: SourceEntry | None = None  # what the user states about it (manifest row, upload form)

    @property
    def cache_key(self) -> str:
        """The bytes' hash, plus what the user stated about them (it changes the records)."""
        if self.source is None:
            return self.sha256
        return self.sha256 + "-" + hashlib.sha256(self.source.fingerprint().encode()).hexdigest()[:12]


def display_name(path: str | os.PathLike) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not
    UTF-8 (kept by Python as lone surrogates) become U+FFFD."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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


_counts = threading.local()  # bytes decoded by the handler below, per thread (uploads run in threads)


def _legacy_run(exc: UnicodeDecodeError):
    """Decode the bytes UTF-8 rejected as cp1252, or latin-1 where cp1252 has no character."""
    bad = exc.object[exc.start : exc.end]
    out = []
    for byte in bad:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))  # latin-1
            _counts.latin1 += 1
    _counts.bytes += len(bad)
    return "".join(out), exc.end


codecs.register_error("dashboard-legacy", _legacy_run)


def _decode_utf16(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-16"), ["decoded as UTF-16 (byte-order mark)"]
    except UnicodeDecodeError as exc:
        text = data.decode("utf-16", errors="replace")
        why = "an odd number of bytes" if len(data) % 2 else "a lone surrogate"
        n = text.count("\ufffd")
        return text, [f"decoded as UTF-16 (byte-order mark), but the file has {why} ({exc.reason} at byte {exc.start}); "
                      f"{n} undecodable unit(s) replaced by U+FFFD"]


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM). Bytes UTF-8 rejects are decoded as cp1252
    one run at a time, so one bad byte does not turn the whole file into latin-1 mojibake; a
    file where most lines are not UTF-8 is a legacy file and is decoded as cp1252 whole."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data)
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        first = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    lines = data.split(b"\n")
    bad_lines = 0
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_lines += 1
    if bad_lines > len(lines) / 2:
        try:
            return data.decode("cp1252"), [f"{first}; decoded as cp1252 (a legacy file: {bad_lines} of {len(lines)} lines are not UTF-8)"]
        except UnicodeDecodeError:
            pass  # bytes cp1252 lacks: decode run by run below, latin-1 for those
    _counts.bytes = _counts.latin1 = 0
    text = data.decode("utf-8", errors="dashboard-legacy")
    n, latin1 = _counts.bytes, _counts.latin1
    note = f"{first}; {n} byte(s) on {bad_lines} line(s) decoded as cp1252, the rest kept as UTF-8"
    if latin1:
        note += f"; {latin1} byte(s) cp1252 lacks decoded as latin-1"
    return text, [note]


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Text that was UTF-8 once and went through a wrong decoder before it was saved ("Itâ€™s",
    "â€œwe will winâ€\x9d"): ftfy undoes it, only where the result is clearly better, so the marks
    that open and close quotes are marks again. Clean text (any script, any accent) is left alone."""
    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, None
    return fixed, f"mojibake repaired by ftfy ({len(text) - len(fixed)} characters fewer)"


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


def parse_bytes(path: str, data: bytes, max_bytes: int, source: SourceEntry | None = None) -> RawArticle:
    """Validate and decode an article's bytes (used for files and for browser uploads);
    `source` is what the user states about it (upload form, manifest row)."""
    warnings: list[str] = []
    shown = display_name(path)
    if shown != os.fspath(path):
        warnings.append("the file name is not valid UTF-8; shown with U+FFFD for the bytes that are not")
    path = shown
    name = Path(path).name
    if len(data) > max_bytes:
        raise ArticleError(path, too_large(len(data), max_bytes))
    if not data.strip():
        raise ArticleError(path, "empty file (no text)" if not data else "file holds only whitespace")
    binary = sniff_binary(data)
    if binary:
        raise ArticleError(path, binary)
    text, decode_warnings = decode(data)
    warnings.extend(decode_warnings)
    text, repaired = repair_mojibake(text)
    if repaired:
        warnings.append(repaired)
    if not text.strip():
        raise ArticleError(path, "file holds only whitespace")
    return RawArticle(
        path=str(path),
        name=name,
        text=text,
        is_html=looks_like_html(name, data),
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=warnings,
        source=source if source is not None and not source.is_empty() else None,
    )


def read_article(path: str | Path, max_bytes: int, source: SourceEntry | None = None, use_manifest: bool = True) -> RawArticle:
    """Read one article file, raising ArticleError with a clear reason when it cannot be used.

    What the user states about it is `source`, else its row in a sources.csv/.tsv beside it
    (unless `use_manifest` is False)."""
    p = Path(path)
    label = display_name(path)
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
    notes: list[str] = []
    if source is None and use_manifest:
        source, notes = source_beside(p)
    raw = parse_bytes(os.fspath(path), data, max_bytes, source)
    raw.warnings.extend(notes)
    return raw


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

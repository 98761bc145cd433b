"""Web pages: trafilatura decides which text is the article, the project decides where it is.

trafilatura (the field's standard extractor) reads the page and returns the article's
paragraphs and the page's metadata. Its text is normalised and carries no offsets, so each
of its paragraphs is aligned onto the page's visible text (`html_view.py`), which knows the
file offset of every character. The analysed text is then the aligned paragraphs, one per
line with a blank line between them, each character still pointing into the original file;
everything trafilatura left out (navigation, tickers, credits, related links) is simply not
there. Where trafilatura finds nothing, today's reader (the visible text less page
furniture) is used instead and the article records it (`body_method`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from array import array
from dataclasses import dataclass, field

from .dates import parse_iso_date
from .html_view import VisibleText, read_visible_text

log = logging.getLogger(__name__)

BODY_TRAFILATURA = "trafilatura"
BODY_VISIBLE_TEXT = "visible text"
BODY_PLAIN_TEXT = "plain text"

# Characters a renderer or trafilatura may drop: alignment looks past them.
_IGNORABLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\xad"}
_SEARCH_WINDOW = 4000  # compact characters ahead of the cursor where a stray word may sit


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about itself in its markup (meta tags, JSON-LD, <time>)."""

    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    url: str | None = None
    publication_date: dt.date | None = None


@dataclass
class WebPage:
    """The analysed text of a page; `view[i]` comes from `source[origin[i]:origin_end[i]]`."""

    view: str
    origin: array
    origin_end: array
    title: str | None
    title_span: tuple[int, int] | None
    body_start: int
    body_method: str
    page: PageMetadata
    header: str  # visible text between the headline and the body (bylines, date lines)
    warnings: list[str] = field(default_factory=list)


# --- alignment -------------------------------------------------------------------------------

def _keep(ch: str) -> bool:
    return not ch.isspace() and ch not in _IGNORABLE and ch.isprintable()


def compact(text: str) -> tuple[str, list[int]]:
    """The text without whitespace and invisible characters, and where each kept one was."""
    index = [i for i, ch in enumerate(text) if _keep(ch)]
    return "".join(text[i] for i in index), index


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def align(visible: str, paragraphs: list[str]) -> list[list[tuple[int, int]]]:
    """For each paragraph, the spans of `visible` that hold its text, in order.

    A paragraph found whole (whitespace aside) gets one span. One that differs a little
    (a list marker, a table bar, an inline element trafilatura dropped) is aligned word
    by word: runs of consecutive words become spans, stray short words are left out.
    """
    cv, index = compact(visible)
    used: list[tuple[int, int]] = []  # compact spans already taken
    cursor = 0
    out: list[list[tuple[int, int]]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in used)

    for para in paragraphs:
        cp, _ = compact(_fold(para))
        spans: list[tuple[int, int]] = []
        if cp:
            at = cv.find(cp, cursor)
            if at < 0:
                at = cv.find(cp)
                while at >= 0 and not free(at, at + len(cp)):
                    at = cv.find(cp, at + 1)
            if at >= 0:
                spans = [(at, at + len(cp))]
            else:
                spans = _align_words(cv, para, cursor)
                if sum(b - a for a, b in spans) < len(cp) / 2:
                    spans = []  # scattered words are not the paragraph
        spans = [(a, b) for a, b in spans if free(a, b)]
        used.extend(spans)
        if spans:
            cursor = max(cursor, spans[-1][1]) if spans[0][0] >= cursor else cursor
        out.append(_close_gaps(visible, [(index[a], index[b - 1] + 1) for a, b in spans]))
    return out


def _close_gaps(visible: str, spans: list[tuple[int, int]], gap: int = 30) -> list[tuple[int, int]]:
    """Join spans of one paragraph that a few characters of the same line separate (a word
    trafilatura's text spells differently): the page's own characters fill the gap."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and 0 <= a - out[-1][1] <= gap and "\n" not in visible[out[-1][1] : a]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _align_words(cv: str, para: str, cursor: int) -> list[tuple[int, int]]:
    words = [compact(_fold(w))[0] for w in para.split()]
    words = [w for w in words if w]
    spans: list[tuple[int, int]] = []
    pos = cursor
    i = 0
    while i < len(words):
        at = cv.find(words[i], pos, pos + _SEARCH_WINDOW + len(words[i]))
        if at < 0:
            i += 1
            continue
        end = at + len(words[i])
        j = i + 1
        while j < len(words) and cv.startswith(words[j], end):
            end += len(words[j])
            j += 1
        if j - i >= 2 or end - at >= 4:  # a lone short word is as likely elsewhere on the page
            spans.append((at, end))
            pos = end
        i = j
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a == merged[-1][1]:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# --- trafilatura -------------------------------------------------------------------------------

def _trafilatura(source: str):
    """trafilatura's reading of the page (None when it finds no article)."""
    import trafilatura

    return trafilatura.bare_extraction(
        source,
        favor_precision=True,  # precision-first: 0.966 vs 0.954 (default) body F1 on the html-bench
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _jsonld_date(blobs: list[str]) -> str | None:
    for blob in blobs:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                if isinstance(node.get("datePublished"), str):
                    return node["datePublished"]
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return None


def page_metadata(doc, visible: VisibleText) -> PageMetadata:
    """The page's own metadata: trafilatura's (htmldate for the date, markup only), else the
    meta tags, JSON-LD and <time> elements the visible-text reader saw."""
    meta = visible.meta
    title = (doc.title if doc is not None else None) or meta.get("og:title") or visible.h1 or visible.title_tag or None
    date = parse_iso_date(doc.date) if doc is not None and doc.date else None
    date = date or parse_iso_date(
        meta.get("article:published_time") or _jsonld_date(visible.jsonld) or meta.get("date")
        or meta.get("pubdate") or meta.get("dc.date") or (visible.time_values[0] if visible.time_values else None)
    )
    sitename = (doc.sitename if doc is not None else None) or meta.get("og:site_name") or meta.get("application-name")
    url = (doc.url if doc is not None else None) or meta.get("og:url") or meta.get("canonical")
    author = doc.author if doc is not None else None
    clean = lambda s: re.sub(r"\s+", " ", s).strip() or None if isinstance(s, str) else None  # noqa: E731
    return PageMetadata(clean(title), clean(author), clean(sitename), clean(url), date)


_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")  # "|---|---|": drawn by trafilatura, not on the page
_TABLE_BAR = re.compile(r"(?:^|\s)\|(?=\s|$)")
_LIST_MARKER = re.compile(r"^(?:[-*•]|\d+\.)\s+")


def _paragraphs(doc) -> list[str]:
    """trafilatura's paragraphs without the marks its text output adds (table bars, list
    markers): what is left is text that stands on the page."""
    text = (doc.text if doc is not None else "") or ""
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or _TABLE_RULE.match(line):
            continue
        if line.startswith("| ") or line.endswith(" |"):
            line = _TABLE_BAR.sub(" ", line).strip()
        line = _LIST_MARKER.sub("", line)
        if line:
            out.append(line)
    return out


class _ViewBuilder:
    def __init__(self, visible: VisibleText):
        self.visible = visible
        self.chars: list[str] = []
        self.origin = array("q")
        self.origin_end = array("q")

    def paragraph(self, spans: list[tuple[int, int]]) -> tuple[int, int]:
        """Append one paragraph made of visible-text spans; its (start, end) in the view."""
        if self.chars:
            at = self.visible.origin[spans[0][0]]
            for _ in range(2):
                self.chars.append("\n")
                self.origin.append(at)
                self.origin_end.append(at)
        start = len(self.chars)
        text, vo, ve = self.visible.text, self.visible.origin, self.visible.origin_end
        for k, (a, b) in enumerate(spans):
            if k:
                self.chars.append(" ")
                self.origin.append(vo[a])
                self.origin_end.append(vo[a])
            for i in range(a, b):
                ch = text[i]
                if ch == "\n":
                    ch = " "  # trafilatura made it one paragraph: one line
                if ch == " " and self.chars and self.chars[-1] == " ":
                    continue
                self.chars.append(ch)
                self.origin.append(vo[i])
                self.origin_end.append(ve[i])
        while len(self.chars) > start and self.chars[-1] == " ":
            self.chars.pop()
            self.origin.pop()
            self.origin_end.pop()
        return start, len(self.chars)


def _in_furniture(visible: VisibleText, spans: list[tuple[int, int]]) -> bool:
    """Whether a paragraph lies wholly in navigation, a footer or an aside (trafilatura's
    baseline on a page with no article sometimes returns the menu)."""
    return all(visible.chrome[i] or visible.text[i].isspace() for a, b in spans for i in range(a, b))


def _is_title(text: str, spans: list[tuple[int, int]], titles: tuple[str | None, ...]) -> bool:
    got = compact("".join(text[a:b] for a, b in spans))[0]
    return any(t and compact(_fold(t))[0] == got for t in titles)


def _find_title(visible: VisibleText, title: str, before: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The headline's span in the visible text: its last occurrence before the body."""
    cv, index = compact(visible.text)
    ct, _ = compact(_fold(title))
    if len(ct) < 8:
        return None
    limit = next((k for k, i in enumerate(index) if i >= before), len(cv))
    at = cv.rfind(ct, 0, limit)
    if at < 0:
        return None
    span = (index[at], index[at + len(ct) - 1] + 1)
    if any(not (span[1] <= s or span[0] >= e) for s, e in taken):
        return None
    return span


def _furniture_free_lines(visible: VisibleText) -> list[tuple[int, int]]:
    """Today's reader: each line of visible text, less page furniture (nav, footer, aside, button)."""
    text, chrome = visible.text, visible.chrome
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        i, end = pos, pos + len(line)
        while i < end:
            if chrome[i]:
                i += 1
                continue
            j = i
            while j < end and not chrome[j]:
                j += 1
            spans.append((i, j))
            i = j
        pos = end + 1
    return spans


def read_web_page(source: str) -> WebPage:
    """The analysed text of a web page, its headline and its page metadata.

    Raises whatever the standard library's tokenizer raises on a page it cannot read (the
    caller reports it as an `ArticleError`); trafilatura's own failures mean "fall back".
    """
    visible = read_visible_text(source)
    warnings: list[str] = []
    try:
        doc = _trafilatura(source)
    except (RecursionError, MemoryError, ValueError, TypeError, AttributeError, IndexError, KeyError, AssertionError) as exc:
        log.info("trafilatura failed: %s", exc)
        doc = None
    page = page_metadata(doc, visible)
    paragraphs = _paragraphs(doc)
    spans = [s for s in align(visible.text, paragraphs) if s and not _in_furniture(visible, s)] if paragraphs else []
    if paragraphs and len(spans) < len(paragraphs):
        log.info("%d of %d trafilatura paragraphs not found in the page text", len(paragraphs) - len(spans), len(paragraphs))
    builder = _ViewBuilder(visible)
    title_span = header = None
    if spans and len(spans) > 1 and _is_title(visible.text, spans[0], (page.title, visible.h1)):
        title_at = spans[0][0][0], spans[0][-1][1]  # trafilatura kept the headline as its first paragraph
        spans = spans[1:]
    else:
        title_at = None
    if spans:
        first = spans[0][0][0]
        flat = [x for s in spans for x in s]
        if title_at is None and page.title:
            title_at = _find_title(visible, page.title, first, flat)
        if title_at is None and visible.h1 and visible.h1 != page.title:
            title_at = _find_title(visible, visible.h1, first, flat)
        if title_at is not None:
            title_span = builder.paragraph([title_at])
            header = visible.text[title_at[1] : first]
        else:
            header = visible.text[max(0, first - 600) : first]
        body_start = None
        for para in spans:
            start, _ = builder.paragraph(para)
            body_start = start if body_start is None else body_start
        method = BODY_TRAFILATURA
    else:
        warnings.append("trafilatura found no article body; read the page's visible text instead")
        lines = _furniture_free_lines(visible)
        for a, b in lines:
            if visible.text[a:b].strip():
                builder.paragraph([(a, b)])
        body_start = 0
        method = BODY_VISIBLE_TEXT
    view = "".join(builder.chars)
    title = page.title
    if title_span is not None:
        title = view[title_span[0] : title_span[1]]
    return WebPage(
        view=view,
        origin=builder.origin,
        origin_end=builder.origin_end,
        title=title,
        title_span=title_span,
        body_start=body_start or 0,
        body_method=method,
        page=page,
        header=header or "",
        warnings=warnings,
    )

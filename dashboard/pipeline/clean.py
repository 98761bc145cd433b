"""Turn a decoded file into body text plus metadata, keeping offsets into the original.

The cleaned text is a *view*: for plain text it has exactly the original's length, with
boilerplate blanked to spaces (newlines kept), so view offsets are file offsets. For HTML
the view is the visible text and `origin[i]` gives the file offset of view character i.

Boilerplate is recognised by the habits of news web pages, not by outlet: icon
descriptions, notification, donation, newsletter and comment prompts, browser hints,
"Watch:"/"Read more:" links, and short lines that repeat (related-story links).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .dates import parse_date_line, parse_iso_date
from .errors import ArticleError
from .ingest import RawArticle


@dataclass(frozen=True)
class CleanArticle:
    raw: RawArticle
    view: str  # body text; boilerplate blanked
    origin: list[int] | None  # view offset -> file offset; None means identity
    title: str | None
    title_span: tuple[int, int] | None  # view offsets of the headline
    outlet: str | None
    byline: str | None
    publication_date: dt.date | None
    body_start: int  # view offset

    def to_file(self, i: int) -> int:
        """File offset of view offset i (i may equal len(view))."""
        if self.origin is None:
            return i
        if i >= len(self.origin):
            return len(self.raw.text)
        return self.origin[i]

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        if self.origin is None:
            return start, end
        return self.to_file(start), (self.origin[end - 1] + 1 if end > start else self.to_file(start))


# --- boilerplate -------------------------------------------------------------------------

_ICON = re.compile(r"\ban icon\b|\bicon (?:of|used|that|displaying)\b", re.I)
_PROMPTS = re.compile(
    r"^(?:"
    r"please (?:use|enable|refresh|update|upgrade)\b.*(?:browser|javascript|page)"
    r"|stay up to date with\b|notifications can be managed|(?:turn on|enable|allow) notifications"
    r"|your support (?:helps|allows|makes)|help us keep|support (?:our|us|independent) journalism"
    r"|(?:the [\w ]+ is trusted by)|we choose not to lock you out|quality journalism must"
    r"|this election is still|in a fight with such|donate\b|make a (?:donation|contribution)"
    r"|join (?:our|the) (?:commenting|conversation|discussion)|join thought-provoking"
    r"|comments?$|view comments|show comments|\d+ comments?$|thank you for registering"
    r"|please refresh|you are now (?:logged|signed) in|log ?in to|sign (?:up|in)\b|register (?:now|for)"
    r"|subscribe\b|newsletter|follow (?:us|the latest)\b|share (?:this|on|via)\b|click here"
    r"|advertisement$|advert$|sponsored$|skip to (?:content|main)|cookie|accept all|privacy policy"
    r"|(?:watch|read more|related|more on this|read next|recommended|listen|see also|video)\s*:"
    r"|most (?:read|popular)$|trending$|copyright\b|©|all rights reserved"
    r"|get (?:the|our) (?:app|latest)|download (?:the|our) app|open in app"
    r")",
    re.I,
)
_TERMINAL = re.compile(r"[.!?:;\"”’')]\s*$")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\n\r":
            chars[i] = " "


def _lines(text: str):
    """(start, end) of each line, without the newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1


def is_boilerplate_line(line: str) -> bool:
    s = line.strip()
    if not s:
        return False
    if len(_ICON.findall(s)) >= 2:
        return True
    return bool(_PROMPTS.match(s)) and len(s.split()) < 60


def blank_boilerplate(text: str) -> str:
    """Blank boilerplate lines and repeated short link lines; same length as the input."""
    chars = list(text)
    seen: dict[str, int] = {}
    spans = list(_lines(text))
    for start, end in spans:
        key = re.sub(r"\s+", " ", text[start:end].strip().lower())
        if key:
            seen[key] = seen.get(key, 0) + 1
    for start, end in spans:
        line = text[start:end]
        key = re.sub(r"\s+", " ", line.strip().lower())
        if not key:
            continue
        # A " date YYYY-MM-DD" header may share its line with icon boilerplate: keep the header.
        header = _DATE_HEADER.match(line)
        keep_until = start + header.end() if header else start
        if is_boilerplate_line(line):
            _blank(chars, keep_until, end)
        elif header or parse_date_line(line):
            continue  # a date line is metadata, even when a page repeats it
        elif seen[key] > 1 and len(key.split()) < 25 and not _TERMINAL.search(key.rstrip("?")):
            _blank(chars, start, end)  # a related-story link repeated on the page
        elif seen[key] > 1 and key.endswith("?") and len(key.split()) < 25:
            _blank(chars, start, end)
    return "".join(chars)


# --- header: date, title, byline, outlet ---------------------------------------------------

_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_BYLINE = re.compile(
    r"^\s*by\s+(?P<who>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5}(?:,\s+[A-Z][\w ]{2,40})?)\s*$", re.I
)
# Broadsheet style: "Jennifer Rankin in Brussels".
_BYLINE_IN = re.compile(r"^(?P<who>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")
_AGENCIES = {
    "press association": "Press Association", "pa": "Press Association", "pa media": "Press Association",
    "reuters": "Reuters", "associated press": "Associated Press", "ap": "Associated Press",
    "afp": "AFP", "agence france-presse": "AFP", "bloomberg": "Bloomberg", "dpa": "dpa",
}
_AGENCY_NAMES = r"Reuters|AP|AFP|PA|dpa|Bloomberg|UPI|Xinhua|TASS|Interfax|RIA Novosti|BelTA|Anadolu|IANS|PTI|Kyodo|Yonhap"
_DATELINE_AGENCY = re.compile(
    rf"^\s*[A-Z][A-Za-z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,?(?:\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*\(({_AGENCY_NAMES})\)\s*[-–—:]+\s*"
)
# "WARSAW — " / "KYIV, Ukraine — ": an all-capitals place opening a paragraph.
_DATELINE_PLAIN = re.compile(r"^\s*[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]{2,}){0,2}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s+[-–—]+\s+")


def _has_dateline(text: str) -> bool:
    return any(_DATELINE_AGENCY.match(text[s:e]) for s, e in _lines(text[:4000]))


def blank_datelines(text: str) -> str:
    """Blank agency datelines ("KYIV, Ukraine (AP) — "): they are no part of the first sentence
    and would otherwise be read as its subject. Same length as the input."""
    chars = None
    for start, end in _lines(text):
        line = text[start:end]
        m = _DATELINE_AGENCY.match(line) or _DATELINE_PLAIN.match(line)
        if m:
            chars = chars or list(text)
            _blank(chars, start, start + m.end())
    return "".join(chars) if chars else text
_SELF_REFERENCE = re.compile(
    r"\b((?:The\s+)?[A-Z][\w]*(?:\s+[A-Z][\w]*){0,3})\s+(?:understands|has learned|has learnt|can reveal|has seen|has been told)\b"
)
_NOTIFICATIONS_FROM = re.compile(r"notifications from ((?:The\s+)?[A-Z][\w]*(?:\s+[A-Z][\w]*){0,3})")
_ROLE_LINE = re.compile(r"^\s*(?:[A-Z][a-z]+\s+){0,3}(?:Correspondent|Editor|Reporter|Writer|Columnist|Journalist)\s*$")
_PERSON_LINE = re.compile(r"^\s*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s*$")


def _is_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    sentence_end = s.rstrip("”\"’'»)").endswith((".", ",", ";", "!"))  # 'Biden said: “We stand firm.”' is body
    return 3 <= len(words) <= 25 and not sentence_end and not _ROLE_LINE.match(s)


def _known_outlets() -> dict[str, str]:
    from .actors import registry

    return {alias.lower(): actor.name for actor in registry().actors if actor.actor_type == "media" for alias in [actor.name, *actor.aliases]}


def find_outlet(view: str, byline: str | None) -> str | None:
    """The outlet the text names for itself: a notification prompt, agency byline or dateline,
    or "<Outlet> understands"."""
    m = _NOTIFICATIONS_FROM.search(view)
    if m:
        return m.group(1).strip()
    if byline and byline.lower() in _AGENCIES:
        return _AGENCIES[byline.lower()]
    if byline:  # "By DAILY MAIL REPORTER", "By Sky News staff"
        m = re.match(r"(.+?)\s+(?:reporter|correspondent|staff|team|newsdesk)s?$", byline, re.I)
        if m and m.group(1).lower() in _known_outlets():
            return _known_outlets()[m.group(1).lower()]
    for start, end in _lines(view[:3000]):
        m = _DATELINE_AGENCY.match(view[start:end])
        if m:
            return _AGENCIES.get(m.group(1).lower(), m.group(1))
    outlets = _known_outlets()
    for m in _SELF_REFERENCE.finditer(view):
        name = m.group(1).strip()
        if name.lower() in outlets:
            return outlets[name.lower()]
    return None


def read_header(view: str) -> tuple[str | None, tuple[int, int] | None, str | None, dt.date | None, int]:
    """Title, title span, byline, publication date and body start from the top of the text."""
    title = title_span = byline = None
    published = None
    body_start = 0
    m = _DATE_HEADER.match(view)
    if m:
        published = parse_iso_date(m.group(1))
    lines = [(s, e) for s, e in _lines(view) if view[s:e].strip()]
    for idx, (s, e) in enumerate(lines[:12]):
        line = view[s:e]
        stripped = line.strip()
        if _DATE_HEADER.match(line):
            body_start = e
            continue
        d = parse_date_line(stripped)
        if d:
            published = published or d
            body_start = max(body_start, e)
            continue
        b = _BYLINE.match(stripped) or _BYLINE_IN.match(stripped)
        if b and byline is None:
            byline = b.group("who")
            body_start = max(body_start, e)
            continue
        if title is None and idx <= 3 and _is_headline(stripped):
            lead = len(line) - len(line.lstrip())
            title, title_span = stripped, (s + lead, s + lead + len(stripped))
            continue
        if (
            byline is None
            and _PERSON_LINE.match(stripped)
            and idx + 1 < len(lines)
            and _ROLE_LINE.match(view[lines[idx + 1][0] : lines[idx + 1][1]])
        ):
            role = view[lines[idx + 1][0] : lines[idx + 1][1]].strip()
            byline = f"{stripped}, {role}"
    return title, title_span, byline, published, body_start


# --- HTML ----------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "nav", "footer", "aside", "form", "button", "svg", "iframe", "template", "select", "head"}
_BLOCK = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article", "section", "blockquote",
    "figcaption", "header", "main", "ul", "ol", "table", "figure", "hr", "dd", "dt", "time",
}


class _HTMLView(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.skip_depth = 0
        self.meta: dict[str, str] = {}
        self.title_text: list[str] = []
        self.in_title = False
        self.in_jsonld = False
        self.jsonld: list[str] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.time_values: list[str] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _emit(self, text: str, start: int, raw_len: int | None = None) -> None:
        if self.skip_depth:
            return
        if raw_len is None:  # raw text: one source char per view char
            self.chars.extend(text)
            self.origin.extend(range(start, start + len(text)))
        else:  # an entity: every view char points at the entity's start
            self.chars.extend(text)
            self.origin.extend([start] * len(text))
        if self.in_h1:
            self.h1.append(text)

    def _newline(self) -> None:
        if not self.skip_depth and self.chars and self.chars[-1] != "\n":
            self.chars.append("\n")
            self.origin.append(self._offset())

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "title":
            self.in_title = True
        if tag == "script" and (a.get("type") or "").lower() == "application/ld+json":
            self.in_jsonld = True
        if tag == "time" and a.get("datetime"):
            self.time_values.append(a["datetime"])
        if tag in _SKIP:
            self.skip_depth += 1
            return
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK:
            self._newline()

    def handle_startendtag(self, tag, attrs):
        if tag in ("meta",):
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK:
            self._newline()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_jsonld = False
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self._newline()

    def handle_data(self, data):
        if self.in_title:
            self.title_text.append(data)
        if self.in_jsonld:
            self.jsonld.append(data)
        self._emit(data, self._offset())

    def _entity(self, raw: str, text: str):
        if self.in_title:
            self.title_text.append(text)
        self._emit(text, self._offset(), raw_len=len(raw))

    def handle_entityref(self, name):
        self._entity(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._entity(f"&#{name};", html.unescape(f"&#{name};"))


def _jsonld_values(blobs: list[str], keys: tuple[str, ...]) -> dict[str, str]:
    found: dict[str, str] = {}

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in keys and isinstance(v, str):
                    found.setdefault(k, v)
                elif k == "publisher" and isinstance(v, dict) and isinstance(v.get("name"), str):
                    found.setdefault("publisher", v["name"])
                else:
                    walk(v)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for blob in blobs:
        try:
            walk(json.loads(blob))
        except ValueError:
            continue
    return found


def clean(raw: RawArticle, max_chars: int = 1_000_000) -> CleanArticle:
    """Body text, headline and metadata of a decoded article."""
    if raw.is_html:
        parser = _HTMLView(raw.text)
        parser.feed(raw.text)
        parser.close()
        view_raw = "".join(parser.chars)
        origin = parser.origin
        ld = _jsonld_values(["".join(parser.jsonld)], ("headline", "datePublished", "author"))
        meta = parser.meta
        html_title = (
            meta.get("og:title") or ld.get("headline") or "".join(parser.h1).strip() or "".join(parser.title_text).strip() or None
        )
        html_outlet = meta.get("og:site_name") or meta.get("application-name") or ld.get("publisher")
        html_date = parse_iso_date(
            meta.get("article:published_time") or ld.get("datePublished") or meta.get("date")
            or meta.get("pubdate") or meta.get("dc.date") or (parser.time_values[0] if parser.time_values else None)
        )
    else:
        view_raw, origin = raw.text, None
        html_title = html_outlet = html_date = None
    if len(view_raw) > max_chars:
        raise ArticleError(raw.path, f"text too long ({len(view_raw):,} characters; the limit is {max_chars:,})")
    view = blank_boilerplate(view_raw)
    outlet_hint = find_outlet(view, None) if _has_dateline(view) else None
    view = blank_datelines(view)
    if not re.search(r"[A-Za-z]{2,}", view):
        raise ArticleError(raw.path, "no readable body text after removing markup and boilerplate")
    title, title_span, byline, published, body_start = read_header(view)
    if html_title:
        title = html.unescape(html_title).strip()
        idx = view.find(title)
        title_span = (idx, idx + len(title)) if idx >= 0 else None
    outlet = html_outlet or outlet_hint or find_outlet(view, byline)
    return CleanArticle(
        raw=raw,
        view=view,
        origin=origin,
        title=title,
        title_span=title_span,
        outlet=outlet.strip() if outlet else None,
        byline=byline,
        publication_date=html_date or published,
        body_start=body_start,
    )

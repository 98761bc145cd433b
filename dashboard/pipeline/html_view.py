"""The visible text of an HTML page, with the file offset of every character.

This is the project's own reader of web pages: it decides *where* text is (which bytes of
the file each visible character comes from); `webpage.py` lets trafilatura decide *which*
of it is the article. Whitespace is collapsed as a browser collapses it, block elements
end a line, entities are decoded, and script, style and similar never become text.

Hostile markup never raises: marked sections (`<![bogus[ … ]]>`), CDATA, unterminated
comments and declarations are read the way an HTML5 browser reads them (a construct left
open runs to the end of the file), and every construct is scanned once, so the cost is
linear in the size of the page.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Never text: code, styling, embedded documents, the <head>.
_INVISIBLE = {"script", "style", "noscript", "svg", "math", "iframe", "template", "select", "head", "object", "canvas"}
# Page furniture: visible, but today's reader (the fallback) leaves it out, and a paragraph
# that lies wholly inside it is never article text. (Not <form>: some sites wrap whole pages in one.)
_CHROME = {"nav", "footer", "aside", "button"}
_BLOCK = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "article", "section",
    "blockquote", "figcaption", "figure", "header", "main", "ul", "ol", "dl", "table", "hr", "dd", "dt",
    "time", "pre", "address", "caption", "details", "summary", "center", "nav", "footer", "aside", "form",
}
_PRESERVE = {"pre", "textarea"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
_WS = re.compile(r"[ \t\n\r\f\v]+")  # HTML whitespace; a no-break space is a character


@dataclass
class VisibleText:
    """Visible text of a page: `text[i]` comes from `source[origin[i]:origin_end[i]]`."""

    text: str
    origin: array
    origin_end: array
    chrome: bytearray  # 1 where the character sits inside page furniture (nav, footer, aside, button)
    meta: dict[str, str] = field(default_factory=dict)
    title_tag: str = ""
    h1: str = ""
    jsonld: list[str] = field(default_factory=list)
    time_values: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self._last_gt = source.rfind(">")
        self._line_starts = [0]
        pos = source.find("\n")
        while pos >= 0:
            self._line_starts.append(pos + 1)
            pos = source.find("\n", pos + 1)
        self.chars: list[str] = []
        self.origin = array("q")
        self.origin_end = array("q")
        self.chrome = bytearray()
        self.invisible: list[str] = []  # open invisible elements (a stack of tag names)
        self.chrome_depth = 0
        self.preserve_depth = 0
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.in_title = self.in_jsonld = False
        self.h1_depth = 0
        self.jsonld: list[str] = []
        self.time_values: list[str] = []

    # --- positions -----------------------------------------------------------------------
    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # --- output --------------------------------------------------------------------------
    def _put(self, text: str, start: int, end: int | None = None) -> None:
        """Append visible text; `end` given means the whole text comes from source[start:end]."""
        flag = 1 if self.chrome_depth else 0
        if end is not None:  # an entity: every character points at the whole entity
            for ch in text:
                self.chars.append(ch)
                self.origin.append(start)
                self.origin_end.append(end)
                self.chrome.append(flag)
            return
        self.chars.extend(text)
        self.origin.extend(range(start, start + len(text)))
        self.origin_end.extend(range(start + 1, start + len(text) + 1))
        self.chrome.extend(bytes([flag]) * len(text))

    def _space(self, at: int) -> None:
        if self.chars and self.chars[-1] not in " \n":
            self._put(" ", at)

    def _newline(self) -> None:
        if self.invisible or not self.chars:
            return
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.origin.pop()
            self.origin_end.pop()
            self.chrome.pop()
        if self.chars and self.chars[-1] != "\n":
            at = self._offset()
            self.chars.append("\n")
            self.origin.append(at)
            self.origin_end.append(at)
            self.chrome.append(1 if self.chrome_depth else 0)

    def _text(self, data: str, start: int) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.in_jsonld:
            self.jsonld.append(data)
        if self.invisible:
            return
        if self.h1_depth:
            self.h1_parts.append(data)
        if self.preserve_depth:
            self._put(data, start)
            return
        pos = 0
        for m in _WS.finditer(data):
            if m.start() > pos:
                self._put(data[pos : m.start()], start + pos)
            self._space(start + m.start())
            pos = m.end()
        if pos < len(data):
            self._put(data[pos:], start + pos)

    # --- tags ----------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
            return
        if tag == "link" and (a.get("rel") or "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._newline()
            return
        if tag == "title":
            self.in_title = True
        if tag == "script" and (a.get("type") or "").lower() == "application/ld+json":
            self.in_jsonld = True
        if tag == "time" and a.get("datetime"):
            self.time_values.append(a["datetime"])
        if tag in _INVISIBLE:
            self.invisible.append(tag)
            return
        if self.invisible:
            return
        if tag in _CHROME:
            self.chrome_depth += 1
        if tag in _PRESERVE:
            self.preserve_depth += 1
        if tag == "h1":
            self.h1_depth += 1
        if tag in _BLOCK:
            self._newline()

    def handle_startendtag(self, tag, attrs):
        if tag in ("meta", "link"):
            self.handle_starttag(tag, attrs)
        elif tag in _BLOCK and not self.invisible:
            self._newline()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_jsonld = False
        if tag in _INVISIBLE:
            if tag in self.invisible:  # close it and anything left open inside it
                del self.invisible[len(self.invisible) - 1 - self.invisible[::-1].index(tag) :]
            return
        if self.invisible:
            return
        if tag in _CHROME:
            self.chrome_depth = max(0, self.chrome_depth - 1)
        if tag in _PRESERVE:
            self.preserve_depth = max(0, self.preserve_depth - 1)
        if tag == "h1":
            self.h1_depth = max(0, self.h1_depth - 1)
        if tag in _BLOCK:
            self._newline()

    def handle_data(self, data):
        self._text(data, self._offset())

    def _entity(self, raw: str) -> None:
        start = self._offset()
        end = start + len(raw)
        text = html.unescape(raw)
        if self.in_title:
            self.title_parts.append(text)
        if self.invisible:
            return
        if self.h1_depth:
            self.h1_parts.append(text)
        if text.isspace() and not self.preserve_depth and text != "\xa0":
            self._space(start)
        else:
            self._put(text, start, end)

    def handle_entityref(self, name):
        self._entity(f"&{name};" if self.source.startswith(f"&{name};", self._offset()) else f"&{name}")

    def handle_charref(self, name):
        self._entity(f"&#{name};" if self.source.startswith(f"&#{name};", self._offset()) else f"&#{name}")

    # --- constructs read the way a browser reads them (never raise, never rescan) ----------
    def _to_end_or(self, i: int, close: str, skip: int) -> int:
        """End of a construct opened at i and closed by `close`; one left open runs to the end."""
        j = self.rawdata.find(close, i + skip)
        return len(self.rawdata) if j < 0 else j + len(close)

    def parse_starttag(self, i):
        if i > self._last_gt:  # a tag still open at the end of the file: a browser drops it
            return len(self.rawdata)
        return super().parse_starttag(i)

    def parse_endtag(self, i):
        if i > self._last_gt:
            return len(self.rawdata)
        return super().parse_endtag(i)

    def parse_marked_section(self, i, report=1):
        # <![CDATA[ … ]]> and any other marked section: text a browser does not show.
        end = self.rawdata.find("]]>", i + 3)
        if end < 0:
            gt = self.rawdata.find(">", i + 3)
            return len(self.rawdata) if gt < 0 else gt + 1
        return end + 3

    def parse_comment(self, i, report=1):
        return self._to_end_or(i, "-->", 4)

    def parse_bogus_comment(self, i, report=1):
        return self._to_end_or(i, ">", 2)

    def parse_pi(self, i):
        return self._to_end_or(i, ">", 2)

    def parse_html_declaration(self, i):
        if self.rawdata.startswith("<!--", i):
            return self.parse_comment(i)
        if self.rawdata.startswith("<![", i):
            return self.parse_marked_section(i)
        return self._to_end_or(i, ">", 2)

    def unknown_decl(self, data):
        pass


def read_visible_text(source: str) -> VisibleText:
    """The visible text of an HTML page and where each character comes from.

    Raises only on a bug in the standard library's tokenizer; callers turn that into an
    `ArticleError` for the file.
    """
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    reader._newline()
    return VisibleText(
        text="".join(reader.chars),
        origin=reader.origin,
        origin_end=reader.origin_end,
        chrome=reader.chrome,
        meta=reader.meta,
        title_tag=re.sub(r"\s+", " ", "".join(reader.title_parts)).strip(),
        h1=re.sub(r"\s+", " ", "".join(reader.h1_parts)).strip(),
        jsonld=reader.jsonld,
        time_values=reader.time_values,
    )

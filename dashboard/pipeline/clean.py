"""Turn a decoded file into the text the pipeline analyses, keeping offsets into the original.

The cleaned text is a *view*. For plain text it has exactly the original's length, with
boilerplate blanked to spaces (newlines kept), so view offsets are file offsets. For a web
page it is the article trafilatura finds, aligned onto the page's visible text
(`webpage.py`), and `origin[i]` gives the file offset of view character i.

Boilerplate is recognised by the habits of news web pages, not by outlet: icon
descriptions, notification, donation, newsletter and comment prompts, browser hints,
"Watch:"/"Read more:" links, and short lines that repeat (related-story links). Runs of
punctuation long enough to make the tokenizer's cost explode are blanked too.

The article's outlet, URL, title, byline and date come from `metadata.py`, each with its
provenance; `CleanArticle.metadata_fields()` hands them to the Article record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import parse_date_line, parse_iso_date
from .errors import ArticleError
from .ingest import RawArticle
from .metadata import DATELINE_AGENCY, DATELINE_SLASHED, ArticleMetadata, Stated, resolve, stated_date, stated_outlet
from .webpage import BODY_PLAIN_TEXT, BODY_TRAFILATURA, read_web_page


@dataclass(frozen=True)
class CleanArticle:
    raw: RawArticle
    view: str  # body text; boilerplate blanked
    origin: object | None  # view offset -> file offset (a sequence of ints); None means identity
    title_span: tuple[int, int] | None  # view offsets of the headline
    body_start: int  # view offset
    metadata: ArticleMetadata = field(default_factory=ArticleMetadata)
    body_method: str = BODY_PLAIN_TEXT
    origin_end: object | None = None  # view offset -> end of its source characters in the file
    body: str = ""  # the body as analysed: boilerplate removed, one paragraph per blank-line-separated block
    warnings: tuple[str, ...] = ()
    datelines: tuple[tuple[int, str], ...] = ()  # (view offset, text as written) of the datelines the view blanks

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def outlet(self) -> str | None:
        return self.metadata.outlet

    @property
    def byline(self) -> str | None:
        return self.metadata.byline

    @property
    def publication_date(self) -> dt.date | None:
        return self.metadata.publication_date

    def metadata_fields(self) -> dict:
        """The Article record's metadata fields (outlet, URL, title, byline, date, provenance)."""
        m = self.metadata
        return {
            "outlet": m.outlet, "title": m.title, "byline": m.byline, "publication_date": m.publication_date,
            "url": m.url, "url_source": m.url_source, "outlet_id": m.outlet_id, "outlet_source": m.outlet_source,
            "is_state_media": m.is_state_media, "title_source": m.title_source, "byline_source": m.byline_source,
            "publication_date_source": m.publication_date_source, "body_method": self.body_method, "body": self.body,
        }

    def to_file(self, i: int) -> int:
        """File offset of view offset i (i may equal len(view))."""
        if self.origin is None:
            return i
        if i >= len(self.origin):
            return len(self.raw.text)
        return self.origin[i]

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of the view span [start, end): from the first character's source to
        the end of the last one's (a whole entity such as `&rdquo;`)."""
        if self.origin is None:
            return start, end
        if end <= start:
            return self.to_file(start), self.to_file(start)
        last = self.origin_end[end - 1] if self.origin_end is not None else self.origin[end - 1] + 1
        return self.to_file(start), max(last, self.to_file(start))


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
    r"|advertisement$|advert$|sponsored$|related (?:articles|stories|news|content|posts)$|read also:?$|also read:?$|"
    r"story continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?$|article continues (?:below|after)|skip to (?:content|main)|press\s+[\"“]?enter[\"”]?\s+to\s+skip|cookie|accept all|privacy policy"
    r"|leave a (?:reply|comment)|your email address will not be published|required fields are marked|connect with us$"
    r"|(?:watch|read more|related|more on this|read next|recommended|listen|see also|video)\s*:"
    r"|(?:see also|also read|read also|also see)\b"  # a related-story link without its colon: "See also  Woman who …"
    # a caption ending in its photo credit: "Vít Rakušan | Photo: Office of Czech Government"
    r"|[^.!?\n]{0,80}(?:\||,|–|-)\s*(?:photo|photograph|picture|image)s?\s*(?::|by\b|credit\b)[^.!?\n]{0,60}$"
    r"|most (?:read|popular)$|trending$|copyright\b|©|all rights reserved"
    r"|get (?:the|our) (?:app|latest)|download (?:the|our) app|open in app"
    r"|%[a-z]+\(\d+,"  # a CMS's image placeholder left in the copy: '%image(15463754, type="article-full", alt="…")'
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


_INLINE_SHARE = re.compile(r"(?<=\S)\s+Tweet This\s+Click to share (?:this )?quote on (?:Twitter|X)\b.*$")


def blank_boilerplate(text: str) -> str:
    """Blank boilerplate lines and repeated short link lines; same length as the input."""
    chars = list(text)
    seen: dict[str, int] = {}
    spans = list(_lines(text))
    for start, end in spans:
        key = re.sub(r"\s+", " ", text[start:end].strip().lower())
        if key:
            seen[key] = seen.get(key, 0) + 1
    top = [re.sub(r"\s+", " ", text[s:e].strip().lower()) for s, e in spans if text[s:e].strip()][:8]
    # a page that prints its headline twice at the top (a breadcrumb or a share card, then the h1): the headline, once
    headline_twice = {k for k in top if seen[k] > 1 and top.count(k) == seen[k] and _is_headline(k) and not is_boilerplate_line(k)
                      and not _DATE_HEADER.match(k)}
    kept: set[str] = set()
    for start, end in spans:
        line = text[start:end]
        key = re.sub(r"\s+", " ", line.strip().lower())
        if not key:
            continue
        if key in headline_twice and key not in kept:
            kept.add(key)
            continue
        share = _INLINE_SHARE.search(line)
        if share is not None:  # '“…” Tweet This Click to share quote on Twitter: "…"': a share widget after a pull quote
            _blank(chars, start + share.start(), end)
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
    _blank_related_lists(text, spans, chars)
    return "".join(chars)


_RELATED_HEADING = re.compile(r"^\s*(?:related(?: news| stories| articles| content| coverage)?|more (?:stories|news|on this)|"
                              r"you (?:may|might) also like|recommended(?: for you)?|top stories|latest news)\s*:?\s*$", re.I)
_LIST_ITEM = re.compile(r"^\s*[-•*–]\s+\S")


def _blank_related_lists(text: str, spans: list[tuple[int, int]], chars: list[str]) -> None:
    """'Related News' then '- Turkey drops opposition to …' items in the middle of a story: the
    heading and its list of story links (which would part a pronoun from its antecedent)."""
    k = 0
    while k < len(spans):
        start, end = spans[k]
        k += 1
        if not _RELATED_HEADING.match(text[start:end]):
            continue
        items = []
        while k < len(spans):
            s2, e2 = spans[k]
            line = text[s2:e2]
            if not line.strip():
                k += 1
                continue
            if not _LIST_ITEM.match(line) or len(line.split()) > 25 or line.rstrip().endswith((".", "!")):
                break
            items.append((s2, e2))
            k += 1
        if items:  # (a heading alone may be a story's own word: only with the list it heads)
            _blank(chars, start, end)
            for s2, e2 in items:
                _blank(chars, s2, e2)


# --- header: date, title, byline, outlet ---------------------------------------------------

_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
_BYLINE = re.compile(
    r"^\s*by\s+(?P<who>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5}(?:,\s+[A-Z][\w ]{2,40})?)\s*$", re.I
)
# Broadsheet style: "Jennifer Rankin in Brussels".
_BYLINE_IN = re.compile(r"^(?P<who>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")
# "WARSAW — " / "KYIV, Ukraine — ": an all-capitals place opening a paragraph.
_DATELINE_PLAIN = re.compile(r"^\s*[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]{2,}){0,2}(?:,\s*[A-Z][\w.'’ -]{1,30})?\s+[-–—]+\s+")


# "Shafaq News / Prime Minister …": an agency's name and a slash opening its copy
_DATELINE_OUTLET = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){0,3}(?:News|Agency|Press|TV|Times|Post|Today|Online|Daily)\s*/\s+(?=[A-Z])")


def dateline_runs(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each agency dateline opening a line ("KYIV, Ukraine (AP) — ", "MANILA, Philippines — ")."""
    out = []
    for start, end in _lines(text):
        line = text[start:end]
        m = DATELINE_AGENCY.match(line) or DATELINE_SLASHED.match(line) or _DATELINE_PLAIN.match(line) or _DATELINE_OUTLET.match(line)
        if m:
            out.append((start, line[: m.end()]))
    return out


def blank_datelines(text: str, runs: list[tuple[int, str]] | tuple[tuple[int, str], ...] | None = None) -> str:
    """Blank agency datelines ("KYIV, Ukraine (AP) — ", or the `runs` found already): they are no part
    of the first sentence and would otherwise be read as its subject. Same length as the input."""
    chars = None
    for start, run in dateline_runs(text) if runs is None else runs:
        chars = chars or list(text)
        _blank(chars, start, start + len(run))
    return "".join(chars) if chars else text
_ROLE_LINE = re.compile(r"^\s*(?:[A-Z][a-z]+\s+){0,3}(?:Correspondent|Editor|Reporter|Writer|Columnist|Journalist)\s*$")
_PERSON_LINE = re.compile(r"^\s*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}\s*$")


# A short line of a page's furniture: "ABC News Share", "Menu", "Skip to main content".
_FURNITURE_LINE = re.compile(r"^(?:\S+\s+){0,4}(?:Share|Menu|Search|Subscribe|Log in|Login|Sign in|Advertisement|"
                             r"Skip to (?:main )?content)\s*$"
                             r"|^[\w'’ ]{2,30}(?:\s+[/>»]\s+[\w'’ ]{2,30}){1,3}$")  # a section path: "New Zealand / Politics"


def _is_headline(line: str) -> bool:
    s = line.strip()
    words = s.split()
    sentence_end = s.rstrip("”\"’'»)").endswith((".", ",", ";", "!"))  # 'Biden said: “We stand firm.”' is body
    return 3 <= len(words) <= 25 and not sentence_end and not _ROLE_LINE.match(s) and not _FURNITURE_LINE.match(s) \
        and not _STAMP_LINE.match(s)


# "Updated: 3:21 PM", "Last modified 10:04 GMT": a page's time stamp, no headline
_STAMP_LINE = re.compile(r"^(?:last\s+)?(?:updated|published|posted|modified|edited)\b\s*:?", re.I)


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
        header = _DATE_HEADER.match(line)
        if header:
            body_start = e
            rest = line[header.end() :]
            if title is None and _is_headline(rest):  # " date 2025-09-26 Polish government urges …": the headline glued on
                lead = header.end() + len(rest) - len(rest.lstrip())
                title, title_span = rest.strip(), (s + lead, s + lead + len(rest.strip()))
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




# --- guards ------------------------------------------------------------------------------------

# spaCy's tokenizer splits a run of punctuation one character at a time, re-scanning the rest
# each time: 4,000 '=' or '"' in a row cost seconds, 20,000 '&' (an entity flood) half a
# minute. No text has such runs; blanking them keeps the cost linear.
_PUNCTUATION_RUN = re.compile(r"[^\w\s]{64,}")


def blank_punctuation_runs(text: str) -> str:
    """Blank runs of 64 or more punctuation characters; same length as the input."""
    if not _PUNCTUATION_RUN.search(text):
        return text
    return _PUNCTUATION_RUN.sub(lambda m: " " * len(m.group(0)), text)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text breaks its lines at (e-mail, feeds, copy from PDFs), or
    None for text that keeps a paragraph on one line. Wrapped text has most of its lines just
    short of one width; paragraphs on their own lines vary from a few words to hundreds."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if not 40 <= width <= 110:
        return None
    near = sum(1 for n in lengths if 0.75 * width <= n <= width + 2)
    return width if near >= 0.6 * len(lengths) else None


_PARAGRAPH_ENDS = (".", "!", "?", ":", ";", "”", '"', "’", "'", "»", ")", "…")
_SOFT_BREAK = re.compile(r"[a-z,]\n[a-z]")


def _ragged_wrap(lines: list[str]) -> bool:
    """Text wrapped at no one width (copied from a browser or a PDF): lines that stop mid-sentence
    and go on in lower case on the next one, many times over ("… we wish to¶see the embassies")."""
    filled = [line for line in lines if line.strip()]
    soft = len(_SOFT_BREAK.findall("\n".join(line.rstrip() for line in lines)))
    return len(filled) >= 8 and soft >= 3 and soft >= 0.2 * len(filled)


def unwrap_lines(text: str, start: int = 0) -> str:
    """Hard line breaks inside paragraphs made spaces (same length, so offsets hold): a line that
    reaches the wrap column continues on the next one; a short line ends its paragraph."""
    head, body = text[:start], text[start:]
    lines = body.split("\n")
    width = wrap_width(lines)
    ragged = _ragged_wrap(lines)
    if width is None and not ragged:
        return text
    out = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        long_enough = ragged and not line.rstrip().endswith(_PARAGRAPH_ENDS) or width is not None and len(line.rstrip()) >= 0.75 * width
        joins = long_enough and nxt.strip() != "" and line.strip() != ""
        if joins and line.rstrip().endswith((".", "!", "?", "”", '"')) and nxt.lstrip()[:1] in "“\"‘'":
            joins = False  # a sentence ends at the margin and a quote opens the next line: a new paragraph
        out.append(line + (" " if joins else "\n"))
    out.append(lines[-1])
    return head + "".join(out)


def body_paragraphs(text: str) -> str:
    """Text as paragraphs: each non-blank line, spaces collapsed, a blank line between them."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


# --- the whole stage ---------------------------------------------------------------------------

def clean(raw: RawArticle, max_chars: int = 1_000_000) -> CleanArticle:
    """The analysed text, headline span and metadata of a decoded article."""
    page = None
    origin = origin_end = None
    body_method = BODY_PLAIN_TEXT
    warnings: list[str] = []
    if raw.is_html:
        try:
            page = read_web_page(raw.text)
        except ArticleError:
            raise  # a budget that ran out
        except Exception as exc:  # noqa: BLE001 - any parser failure is this file's problem only
            raise ArticleError(raw.path, f"the HTML cannot be read ({type(exc).__name__}: {exc})") from None
        view_raw, origin, origin_end, body_method = page.view, page.origin, page.origin_end, page.body_method
        warnings.extend(page.warnings)
    else:
        view_raw = raw.text
    if len(view_raw) > max_chars:
        raise ArticleError(raw.path, f"text too long ({len(view_raw):,} characters; the limit is {max_chars:,})")
    # trafilatura has already left the page's boilerplate out; the project's own rules on top
    # of it cost more article text than they remove (html-bench body F1 0.966 vs 0.969).
    view = view_raw if body_method == BODY_TRAFILATURA else blank_boilerplate(view_raw)
    view = blank_punctuation_runs(view)
    if not re.search(r"[A-Za-z]{2,}", view):
        also = " (trafilatura found no article body either)" if page is not None else ""
        raise ArticleError(raw.path, f"no readable body text after removing markup and boilerplate{also}")
    title, title_span, byline, _, body_start = read_header(view)
    if page is None:
        view = unwrap_lines(view, body_start)
    if page is not None:
        _, _, header_byline, _, _ = read_header(page.header)
        byline = byline or header_byline
        if page.title_span is not None:
            title_span, body_start = page.title_span, max(body_start, page.body_start)
            title = view_raw[title_span[0] : title_span[1]]
        elif page.title:
            idx = view.find(page.title)
            title_span = (idx, idx + len(page.title)) if idx >= 0 else None
    # The text's own statements about itself are read before boilerplate is blanked:
    # "Stay up to date with notifications from The Independent" names the outlet.
    clue_text = raw.text if page is None else f"{page.header}\n{view_raw}"
    source = raw.source
    stated = Stated(
        title=title,
        byline=byline,
        outlet=stated_outlet(clue_text, byline),
        publication_date=stated_date(clue_text, source.year if source else None),
    )
    metadata = resolve(stated, page.page if page else None, source)
    body = body_paragraphs(view[body_start:])
    datelines = tuple(dateline_runs(view))
    view = blank_datelines(view, datelines)
    return CleanArticle(
        raw=raw,
        view=view,
        origin=origin,
        origin_end=origin_end,
        title_span=title_span,
        body_start=body_start,
        metadata=metadata,
        body_method=body_method,
        body=body,
        warnings=tuple(warnings),
        datelines=datelines,
    )

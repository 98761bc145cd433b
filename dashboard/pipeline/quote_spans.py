"""Where the quotations are: pure text, no parse.

Curly, straight and guillemet marks; single marks only where they open at a word start and
close at a word end (so "Poland‘s" and "don’t" are apostrophes); a paragraph whose quote never
closes is a quote continued in the next paragraph (one entry per paragraph); single marks
nested in a double quote are kept inside it (`nested`) and get their own entry only when the
outer quote attributes them to someone. Names and scare quotes (NATO "Quint", so-called "X")
are recognised by `is_scare_quote`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

OPEN_DOUBLE = "“«„"
_WORD = re.compile(r"\w")
_ANY_MARK = re.compile(r"[“”\"‘’'«»„]")
_DOUBLE_MARKS = r"[“”\"«»„]"
_QUOTE_MARK = re.compile(_DOUBLE_MARKS + r"|(?<![^\W\d_])[‘’']|[‘’'](?![^\W\d_])")  # not an apostrophe inside a word
_NAMING_BEFORE = re.compile(
    r"(?:dubbed|called|so-called|so called|known as|named|nicknamed|code-?named|termed|titled|entitled|labelled|labeled|branded|the word|the term|phrase)\s*$",
    re.I,
)


_SAID_BEFORE = re.compile(r"\b(?:said|says|asked|asks|replied|replies|shouted|shouts|cried|exclaimed|added|wrote)\s*[,:]?\s*$", re.I)
_WHAT_SOMEONE_CALLED = re.compile(
    r"\bwhat\s+(?:he|she|they|the\s+\w+|[A-Z][\w'’-]+)\s+(?:has\s+|had\s+|have\s+)?(?:called|termed|dubbed|labelled|labeled|branded|described\s+as)\s*$")


@dataclass
class QuoteSpan:
    """A quotation found in the text: `start`/`end` are the content's offsets, marks excluded."""

    start: int
    end: int
    kind: str  # double | single | carried (a paragraph of a quote that did not reopen its marks)
    is_continued: bool = False  # no closing mark in its paragraph
    nested: list["QuoteSpan"] = field(default_factory=list)
    outer: "QuoteSpan | None" = None


def _is_open_single(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{“\"—–-/:") and not nxt.isspace() and nxt not in "’'"


def _is_close_single(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}”\"—–-") and not (prev.isalpha() and nxt.isalpha())


def _outer_quote(start: int, end: int, nested: list[QuoteSpan], is_continued: bool = False) -> QuoteSpan:
    """A double-marked quote and the single-marked ones nested in it, each pointing back to it."""
    q = QuoteSpan(start, end, "double", is_continued=is_continued, nested=nested)
    for n in nested:
        n.outer = q
    return q


def _is_doubled_close(text: str, i: int) -> bool:
    """Two closing single marks in a row after a word or punctuation, followed by no letter: one closing double mark."""
    pair = text[i : i + 2]
    after = text[i + 2 : i + 3]
    return pair in ("’’", "''") and i > 0 and not text[i - 1].isspace() and not after.isalnum()


def _is_doubled_open(text: str, i: int) -> bool:
    """Two opening single marks (or backticks' stand-in ‘‘) at a word start: one opening double mark."""
    pair = text[i : i + 2]
    before = text[i - 1] if i > 0 else " "
    return pair in ("‘‘", "''") and (before.isspace() or before in "([—–-:") and text[i + 2 : i + 3].isalnum()


_SAID_AFTER = re.compile(r"\s*(?:(?:(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*|he|she|they|the(?:\s+[\w.'’-]+){1,4})\s+"
                         r"(?:said|says|added|told|explained|noted|stated|insisted|warned|argued|continued)\b"
                         r"|(?:said|says|added)\s+(?:[A-Z]|the\s))")  # (inverted: "said Archbishop Broglio")


def _is_turned_close(text: str, i: int) -> bool:
    """'… double from last year, “ Phillips said.': an opening mark after the quote's last comma and
    before its speaker and verb closes the quote (a closing mark typed the wrong way round)."""
    # (a nested quote may close just before it: "… the ‘martyred people of Ukraine,’“ said Broglio")
    return re.search(r"[,.!?…][’']?\s?$", text[max(0, i - 3) : i]) is not None and _SAID_AFTER.match(text, i + 1) is not None


_GLUED_CLOSE = re.compile(r"[^\s”]”")
_TURNED_CLOSE = re.compile(r"[^\s“]“(?=[\s,.;:!?)]|$)")
_GLUED_GUILLEMET = re.compile(r"[^\s»«][»«]")


def _opens_nordic(text: str, i: int) -> bool:
    """'”Finland retains the option,” Marin said', '»The checkpoint was attacked,» the Border Guard
    said': Nordic and Central European typesetting opens with the closing mark, at a word start
    (the caller checks that another one closes it later)."""
    return text[i] in "”»" and text[i + 1 : i + 2].isalnum() and (i == 0 or text[i - 1].isspace() or text[i - 1] in "([—–-:")


_SENTENCE_END_BEFORE = re.compile(r"[.!?…]\s+$")


def _reopens_after_lost_break(text: str, i: int, opened: int) -> bool:
    """A straight mark after a sentence's end and before a capital, inside a straight quote of a few
    words already: a new paragraph's opening mark whose line break was lost, not a nested quote
    ('point "Bruzgi", with' is nested: no sentence ends before it)."""
    return (text[opened] == '"' and text[i + 1 : i + 2].isupper()
            and _SENTENCE_END_BEFORE.search(text, max(opened, i - 4), i) is not None
            and len(text[opened + 1 : i].split()) >= 4)


_DOUBLE_MARK = re.compile(_DOUBLE_MARKS)
_VERB_AFTER = re.compile(r"\s+(?:said|says|added|told|explained|stated|continued|insisted|noted|declared)\b")


def _closes_a_lost_opening(text: str, i: int) -> bool:
    """A straight mark glued to the comma that ends a paragraph's first words, then "said …" or "X
    said", with no mark before it in the paragraph: the close of a quote whose opening mark was lost."""
    return (i > 0 and text[i - 1] in ",!?" and not _DOUBLE_MARK.search(text, 0, i)
            and len(text[:i].split()) >= 4 and (_VERB_AFTER.match(text, i + 1) is not None or _SAID_AFTER.match(text, i + 1) is not None))


def _turned_open_after_colon(text: str, i: int) -> bool:
    """'Wallace added:” I believe …': a closing mark typed for the opening one, right after "said:"."""
    return text[i] == "”" and text[max(0, i - 2) : i].rstrip().endswith(":") and re.match(r"\s?[A-Z]", text[i + 1 : i + 3]) is not None


def _opens_speech(text: str, i: int) -> bool:
    """An opening mark at the start of a paragraph or right after "said:" opens speech."""
    before = text[:i].rstrip()
    return not before or before.endswith((":", ","))


def _closes_low9(text: str, i: int) -> bool:
    """'… Vilnius border guard division,“ Mr Liubajevas said': in copy that opens with „ (Lithuanian,
    German, Polish typesetting) a “ glued to the word before it closes a quote."""
    return text[i] == "“" and i > 0 and not text[i - 1].isspace() and not text[i + 1 : i + 2].isalnum()


def _paragraph_quotes(text: str, base: int, low9: bool = False) -> list[QuoteSpan]:
    """Quotes within one paragraph (`text`), offsets shifted by `base`. One pass over the characters.
    `low9`: the article opens its quotes with „, so a glued “ closes one (opened paragraphs before)."""
    spans: list[QuoteSpan] = []
    double_open: int | None = None
    single_open: int | None = None
    nested: list[QuoteSpan] = []
    inner_open: int | None = None  # a straight double quote nested in a straight double quote
    straight_left = text.count('"')
    last_close = text.rfind("”")  # (read once: "is a closing mark still to come" per mark would be quadratic)
    last_guillemet = text.rfind("»")
    last_glued_close = max((m.end() - 1 for m in _GLUED_CLOSE.finditer(text)), default=-1)
    # "”I am the one …,“ he said": both marks typed the wrong way round, a “ glued to the quote's end closes
    last_turned_close = max((m.end() - 1 for m in _TURNED_CLOSE.finditer(text)), default=-1)
    # (»…» as Danish and Polish copy writes it, »…« as German does: either closes a » opened before)
    last_glued_guillemet = max((m.end() - 1 for m in _GLUED_GUILLEMET.finditer(text)), default=-1)
    skip = -1
    for i, ch in enumerate(text):
        if ch not in "“”\"‘’'«»„" or i <= skip:
            continue
        if double_open is not None and _is_doubled_close(text, i):
            # ’’ or '' closing a double quote: typesetting of wire copy (“… weaponized,’’ Borrell said.)
            spans.append(_outer_quote(base + double_open + 1, base + i, nested))
            double_open, single_open, skip = None, None, i + 1
            continue
        if double_open is None and _is_doubled_open(text, i):
            double_open, nested, single_open, inner_open, skip = i + 1, [], None, None, i + 1  # ‘‘ or `` … ’’
            continue
        if ch == '"':
            straight_left -= 1
        if double_open is not None and text[double_open] == '"' and ch == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if inner_open is None and _reopens_after_lost_break(text, i, double_open):
                # '… knocks on your door. "Something has to be done."': a page that lost its line breaks
                # ran two paragraphs of one quote together; the first, left open, ends at its sentence
                end = len(text[:i].rstrip())
                spans.append(_outer_quote(base + double_open + 1, base + end, nested, is_continued=True))
                double_open, nested, single_open = i, [], None
                continue
            if inner_open is None and prev.isspace() and nxt.isalnum() and straight_left >= 2:
                inner_open = i  # 'point "Bruzgi", with Poland' inside "…": two more marks still to come
                continue
            if inner_open is not None:
                if not prev.isspace():
                    nested.append(QuoteSpan(base + inner_open + 1, base + i, "double"))
                inner_open = None
                continue
        if double_open is None:
            if low9 and _closes_low9(text, i):
                continue  # the close of a quote carried over from an earlier paragraph
            if ch == '"' and not spans and _closes_a_lost_opening(text, i):
                # 'We will never waiver in our support …," said Ford. "We will always …"': the paragraph
                # opened the quote, and its mark was lost
                first = len(text) - len(text.lstrip())
                if text[first : first + 1] in ("'", "‘"):  # "'Fair peace …," the president said': a mismatched mark
                    first, single_open = first + 1, None
                spans.append(_outer_quote(base + first, base + i, []))
                continue
            if ch == "“" and spans and _is_turned_close(text, i) and text[i + 1 : i + 6] == "said ":
                continue  # '…” It is easy to control, “said the EU chief.': a turned close after a quote that lost its opening
            # A straight mark opens unless glued to the word before it; scraped and machine-translated
            # copy often spaces its marks (' " The West … , " Lavrov said').
            if ch in "“«„" or (ch == '"' and (i == 0 or not text[i - 1].isalnum())) or _turned_open_after_colon(text, i) or (
                    _opens_nordic(text, i) and (max(last_glued_close, last_turned_close) if ch == "”" else last_glued_guillemet) > i):
                double_open = i
                nested = []
                single_open = None
                inner_open = None
                continue
        elif ch in "“«" and text[double_open] == ch and ((last_close if ch == "“" else last_guillemet) < i or _is_turned_close(text, i)
                                                         or (text[i - 1] in ",.!?…" and text[i + 1 : i + 2] in (" ", ""))
                                                         or (text[i - 1].isspace() and text[i + 1 : i + 2] in (".", ",", ";"))):
            # A second opening mark while one is open and no closing mark after it, or glued to the
            # quote's last punctuation, or spaced before a full stop: a closing mark typed the wrong way round
            # ("… will be implemented “Turkey’s foreign minister said", "«… our neutrality,« Cassis declared",
            # "… this is very clear “. This was stated by …").
            # (With a closing mark still to come, the quote goes on to it.)
            spans.append(_outer_quote(base + double_open + 1, base + i, nested))
            double_open, nested, single_open, inner_open = None, [], None, None
            continue
        elif ch == "”" and i == double_open + 1 and text[i + 1 : i + 2].isalnum():
            double_open = i  # 'said: “”Combat aircraft for Ukraine …”': a doubled opening mark, typed wrong
            continue
        elif ch in "”»" or ch == '"' or (ch == "“" and text[double_open] in "„”") or (ch == "«" and text[double_open] == "»"):
            spans.append(_outer_quote(base + double_open + 1, base + i, nested))
            double_open = None
            single_open = None
            continue
        if ch in "’'" and double_open is not None and single_open is None and text[double_open] in "“\"" \
                and _is_turned_close(text, i):
            # '“We were not really in a position to host …,’ she told AAP': a single mark closes the double
            spans.append(_outer_quote(base + double_open + 1, base + i, nested))
            double_open, nested, inner_open = None, [], None
            continue
        if ch in "‘'" and single_open is None and _is_open_single(text, i):
            single_open = i
        elif ch in "’'" and single_open is not None and _is_close_single(text, i) and i > single_open + 1:
            q = QuoteSpan(base + single_open + 1, base + i, "single")
            (nested if double_open is not None else spans).append(q)
            single_open = None
    if single_open is not None and double_open is None and _opens_speech(text, single_open):
        # UK style: single marks as primary quotes, continued in the next paragraph.
        end = len(text.rstrip())
        if len(text[single_open + 1 : end].split()) >= 4:
            spans.append(QuoteSpan(base + single_open + 1, base + end, "single", is_continued=True))
    if double_open is not None:
        end = len(text.rstrip())
        if end > double_open + 1:
            spans.append(_outer_quote(base + double_open + 1, base + end, nested, is_continued=True))
    return spans


def _unmatched_close(para: str, low9: bool = False) -> int | None:
    """Where a paragraph's first mark closes a quote opened before it ("…attack Poland, ”he said."),
    or None when its first mark opens one (or it has none)."""
    skip = -1
    for i, ch in enumerate(para):
        if i <= skip:
            continue
        if low9 and _closes_low9(para, i):
            return i
        if ch == "‘" or (ch == "'" and _is_open_single(para, i)):
            close = next((j for j in range(i + 2, len(para)) if para[j] in "’'" and _is_close_single(para, j)), None)
            if close is not None and not _QUOTE_MARK.search(para[i + 1 : close].replace("’", "").replace("'", "")):
                skip = close  # "… are ‘shaheds'. Precise …," he said.': a term quoted inside the carried quote
                continue
            return None
        if ch in "“«„":
            return None
        if ch in "”»":
            return i
        if ch == '"':
            prev = para[i - 1] if i else " "
            nxt = para[i + 1] if i + 1 < len(para) else " "
            # a lone straight mark in a paragraph after an open quote closes it, however spaced
            return i if not prev.isspace() or not nxt.isalnum() or para.count('"') == 1 else None
    return None


def _carried_over(text: str, paragraphs: list[tuple[int, str]], spans: list[QuoteSpan], low9: bool = False) -> list[QuoteSpan]:
    """Copy that opens a quote once and closes it paragraphs later, without reopening marks on the
    paragraphs between (common in machine-translated and agency copy): each of those paragraphs,
    and the last one up to its closing mark, is a continued quote. Only when the closing mark is
    found within ten paragraphs."""
    by_para = {}
    for q in spans:
        by_para.setdefault(text.rfind("\n", 0, q.start) + 1, []).append(q)
    extra: list[QuoteSpan] = []
    k = 0
    while k < len(paragraphs):
        start, para = paragraphs[k]
        own = by_para.get(start, [])
        k += 1
        if not own or not own[-1].is_continued:
            continue
        between: list[tuple[int, str]] = []
        for j in range(k, min(len(paragraphs), k + 10)):
            s2, p2 = paragraphs[j]
            if not p2.strip():
                continue
            close = _unmatched_close(p2, low9)
            if close is not None:
                lead = len(p2) - len(p2.lstrip())
                if lead < close:
                    extra.extend(_carried(between))
                    extra.append(QuoteSpan(s2 + lead, s2 + close, "carried"))
                    k = j + 1
                break
            if _QUOTE_MARK.search(p2) or by_para.get(s2):
                break  # (an apostrophe is no mark: "we didn’t know where to stop")
            between.append((s2, p2))
        else:
            if between and len(between) <= 3 and not any(p.strip() for _, p in paragraphs[j + 1 :]) \
                    and all(len(p.split()) >= 6 and p.rstrip().endswith((".", "!", "?", "…")) for _, p in between):
                extra.extend(_carried(between))  # the text ends inside the quote (an excerpt cut before its close)
                k = len(paragraphs)
    return extra


def _carried(paragraphs: list[tuple[int, str]]) -> list[QuoteSpan]:
    """Paragraphs of a quote that neither reopen nor close its marks, each a continued quote."""
    return [QuoteSpan(s + len(p) - len(p.lstrip()), s + len(p.rstrip()), "carried", is_continued=True) for s, p in paragraphs]


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in a text, paragraph by paragraph, in order."""
    out: list[QuoteSpan] = []
    paragraphs: list[tuple[int, str]] = []
    pos = 0
    low9 = "„" in text
    for para in text.split("\n"):
        paragraphs.append((pos, para))
        if _ANY_MARK.search(para) and _WORD.search(para):
            out.extend(_paragraph_quotes(para, pos, low9))
        pos += len(para) + 1
    carried = _carried_over(text, paragraphs, out, low9)
    if carried:
        out = _within_carried(text, out, carried)
        for c in carried:  # what the closing paragraph says after the carried quote's close, read afresh
            if not c.is_continued:
                end = text.find("\n", c.end)
                rest = text[c.end + 1 : end if end >= 0 else len(text)]
                if _ANY_MARK.search(rest) and _WORD.search(rest):
                    out.extend(_paragraph_quotes(rest, c.end + 1, low9))
    out = sorted(out + carried, key=lambda q: q.start)
    return [q for q in out if _WORD.search(text[q.start : q.end])]


def _within_carried(text: str, spans: list[QuoteSpan], carried: list[QuoteSpan]) -> list[QuoteSpan]:
    """The paragraph's own reading of marks a carried quote explains: a term quoted inside it is nested in it
    ("Crews replaced three ‘old’ transformers"); a mark it closes opens nothing after it (', " he said.')."""
    keep = []
    for q in spans:
        c = next((c for c in carried if text.rfind("\n", 0, c.start) == text.rfind("\n", 0, q.start)), None)
        if c is None or (q.start < c.start and q.end <= c.start):
            keep.append(q)
        elif c.start <= q.start and q.end <= c.end and q.kind == "single":
            c.nested.append(q)
    return keep


def is_scare_quote(text: str, span: QuoteSpan) -> bool:
    """Names and scare quotes: NATO "Quint", so-called "X", a capitalised title."""
    content = text[span.start : span.end].strip()
    words = content.split()
    before = text[max(0, span.start - 40) : max(0, span.start - 1)]
    if len(words) <= 4 and _NAMING_BEFORE.search(before) and not _WHAT_SOMEONE_CALLED.search(before):
        return True  # ('what he called “barbaric” acts' is his word: a quote)
    if in_a_title_case_line(text, span):
        return False  # "‘President Mahama Should Be in Prison’ – Former Minister Fumes": the headline's case, not a title's
    if len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) and not (
            content.endswith(("!", "?")) and _SAID_BEFORE.search(before)):  # ('He said, "Greetings, Mr. President!"': words said)
        line_start = text.rfind("\n", 0, span.start) + 1
        at_line_start = not text[line_start : max(line_start, span.start - 1)].strip()
        return not at_line_start
    if 4 <= len(words) <= 16 and not content.endswith((".", "!", "?", ",")) and _is_title_case(words):
        return True  # «Security and Economic Sovereignty of the Union State: Common Priorities»: a title
    return False


def in_a_title_case_line(text: str, span: QuoteSpan) -> bool:
    """The quote stands in a line written in title case outside its marks too (a headline's style)."""
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line_end = len(text) if line_end < 0 else line_end
    outside = (text[line_start : max(line_start, span.start - 1)] + " " + text[span.end + 1 : line_end]).split()
    return len(outside) <= 20 and _is_title_case(outside + ["of"]) and not text[line_start:line_end].rstrip().endswith(".")


_MINOR_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs"}


def _is_title_case(words: list[str]) -> bool:
    """Every word but the small ones capitalised: the name of a conference, a book, a law."""
    if any("," in w for w in words):
        return False  # "Warsaw, Bratislava, Budapest, Istanbul, Baku" is a list someone proposed
    minor = [w for w in words if w.lower().strip(":,;–-") in _MINOR_WORDS]
    major = [w for w in words if w.lower().strip(":,;–-") not in _MINOR_WORDS and w[:1].isalpha()]
    return bool(minor) and len(major) >= 3 and all(w[:1].isupper() for w in major)


class QuoteIndex:
    """Is a character inside a quotation (marks included)? In O(log n), for every token of an article.

    Built from top-level spans, which never overlap (nested spans lie inside their outer one)."""

    def __init__(self, spans: list[QuoteSpan]):
        self.spans = sorted((q for q in spans if q.outer is None), key=lambda q: q.start)
        self._starts = [q.start - 1 for q in self.spans]

    def span_at(self, i: int) -> QuoteSpan | None:
        k = bisect.bisect_right(self._starts, i) - 1
        if k >= 0 and i < self.spans[k].end + 1:
            return self.spans[k]
        return None

    def __contains__(self, i: int) -> bool:
        return self.span_at(i) is not None

"""An article's outlet, URL, title, byline and publication date, from every source there is.

Sources in order of trust, and the provenance each value records:
1. `manifest`: what the user states (a `sources.csv` beside the files, the upload form);
2. `page metadata`: the page's own markup (trafilatura/htmldate: meta tags, JSON-LD, <time>);
3. `stated`: the article text itself (datelines, `Outlet | dd.mm.yyyy` lines, bylines,
   copyright lines, a crawler's ` date YYYY-MM-DD` header the text does not contradict, a
   caption date that agrees with the body's weekday);
4. `inferred`: the outlet whose domain the URL is on.
Nothing stated means null: a date is never guessed, a dateline's missing year comes from the
text or the manifest or not at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import MONTHS, WEEKDAYS, _MONTH_RE, _WEEKDAY_RE, parse_date_line, parse_iso_date
from .manifest import SourceEntry
from .outlets import Outlet, Registry, registry

MANIFEST = "manifest"
PAGE = "page metadata"
STATED = "stated"
INFERRED = "inferred"
SOURCES = (MANIFEST, PAGE, STATED, INFERRED)


@dataclass(frozen=True)
class ArticleMetadata:
    """Metadata of one article, each value with where it came from (None when there is none)."""

    title: str | None = None
    title_source: str | None = None
    byline: str | None = None
    byline_source: str | None = None
    outlet: str | None = None
    outlet_id: str | None = None
    outlet_source: str | None = None
    is_state_media: bool = False
    url: str | None = None
    url_source: str | None = None
    publication_date: dt.date | None = None
    publication_date_source: str | None = None


@dataclass(frozen=True)
class Stated:
    """What the article text states about itself."""

    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    publication_date: dt.date | None = None


# --- dates the text states -----------------------------------------------------------------

CRAWLER_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b")
# "BERLIN, November 10. /TASS/." / "GENEVA, Jan 21 (Reuters) -" / "MOSCOW, March 3, 2022 (AP) —" / "CAIRO – 9 October 2025:"
DATELINE_DATE = re.compile(
    rf"^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){{0,3}}(?:,\s*[A-Z][\w.'’ -]{{1,30}}?)?(?:,\s*|\s+[-–—]\s+)"
    rf"(?:(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE}))"  # "November 10" / "15 February"
    rf"(?:,?\s*(?P<y>\d{{4}}))?\s*(?:\.\s*/|\(|[-–—]|/|:)",
    re.I,
)
_FULL_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})\.(?P<m3>\d{{1,2}})\.(?P<y3>\d{{4}}))\b",
    re.I,
)
_CAPTION_DATE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_RE}),\s+(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}}),\s+(?P<y>\d{{4}})\b", re.I
)
_YEAR = re.compile(r"(?<![\d.:/-])(19[89]\d|20\d\d)(?![\d:])")


def _date(y, m, d) -> dt.date | None:
    try:
        return dt.date(int(y), m if isinstance(m, int) else MONTHS[m.lower().rstrip(".")], int(d))
    except (ValueError, KeyError):
        return None


def _lines(text: str, limit: int | None = None) -> list[str]:
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[:limit] if limit else lines


def full_dates(text: str) -> list[dt.date]:
    """Every complete date (day, month, year) the text states."""
    out = []
    for m in _FULL_DATE.finditer(text):
        g = m.groupdict()
        d = (_date(g["y1"], g["m1"], g["d1"]) if g["y1"] else _date(g["y2"], g["m2"], g["d2"]) if g["y2"]
             else _date(g["y3"], int(g["m3"]), g["d3"]))
        if d:
            out.append(d)
    return out


def date_line(text: str) -> dt.date | None:
    """A publication-date line near the top: "Thursday 20 January 2022 23:00 GMT", or the date
    segment of an `Outlet | dd.mm.yyyy` line ("… | News | DW | 15.11.2021")."""
    for line in _lines(text, 15):
        line = CRAWLER_HEADER.sub("", line).strip().lstrip("•·*-– ").strip()  # "  • 2022-01-21"
        d = parse_date_line(line) or parse_date_line(_BYLINE_BEFORE_DATE.sub("", line))
        if d:
            return d
        if "|" in line or " / " in line or " • " in line:
            for part in reversed([p.strip() for p in re.split(r"\||\s/\s|\s•\s", line)]):
                d = parse_date_line(part) if part else None
                if d:
                    return d
    return None


# "Wahyu Dwi Anggoro • 10 November 2021 15:08", "by Sergiy Slipchenko February 2, 2022 9:27 PM":
# a byline's name before the date of a date line.
_BYLINE_BEFORE_DATE = re.compile(r"^(?:by\s+)?(?:[A-Z][\w'’.-]+\s+){1,4}?(?:[•·|/–-]\s*)?(?=\d|[A-Z][a-z]{2,8}\.?\s+\d)")


def dateline_date(text: str, year_hint: int | None = None) -> tuple[dt.date | None, tuple[int, int] | None]:
    """(date, (month, day)) of an agency dateline in the first paragraphs. The year is the
    dateline's own, else the manifest's (`year_hint`), else the one year the text names; with
    no year stated the date is None and only (month, day) is returned."""
    for line in _lines(text[:4000], 12):
        m = DATELINE_DATE.match(line)
        if not m:
            continue
        month = MONTHS[(m["m"] or m["m2"]).lower().rstrip(".")]
        day = int(m["d"] or m["d2"])
        year = int(m["y"]) if m["y"] else year_hint
        if year is None:
            years = {int(y) for y in _YEAR.findall(text)}
            year = years.pop() if len(years) == 1 else None
        return (_date(year, month, day) if year else None), (month, day)
    return None, None


def caption_date(text: str) -> dt.date | None:
    """A photo caption's "Thursday, Feb. 24, 2022" whose weekday is right for the date and
    which the body's own weekday agrees with ("spent Thursday")."""
    lines = _lines(text)
    for line in lines[:40]:
        m = _CAPTION_DATE.search(line)
        if not m:
            continue
        d = _date(m["y"], m["m"], m["d"])
        if d is None or d.weekday() != WEEKDAYS[m["wd"].lower()]:
            continue
        weekday = re.compile(rf"\b{m['wd']}\b", re.I)
        if any(weekday.search(other) for other in lines if not _CAPTION_DATE.search(other)):
            return d
    return None


def stated_date(text: str, year_hint: int | None = None) -> dt.date | None:
    """The publication date the text states, or None. A date line wins; then a dateline
    (with its year stated); then a crawler header the text does not contradict (no other
    stated publication date, no dateline of another day, no complete date more than a month
    after it); then a caption date that agrees with the body."""
    explicit = date_line(text)
    if explicit:
        return explicit
    header_match = CRAWLER_HEADER.match(text)
    header = parse_iso_date(header_match.group(1)) if header_match else None
    dateline, month_day = dateline_date(text, year_hint)
    if header and month_day and (header.month, header.day) == month_day:
        return header
    if dateline:
        return dateline
    if header and month_day is None:
        later = [d for d in full_dates(text[header_match.end():]) if (d - header).days > 31]
        if not later:
            return header
    if header is None and month_day is None:
        return caption_date(text)
    return None


# --- the outlet the text names for itself --------------------------------------------------

_AGENCY_NAMES = (r"Reuters|AP|AFP|PA|dpa|Bloomberg|UPI|Xinhua|TASS|ITAR-TASS|Interfax|RIA Novosti|RIA|BelTA|Anadolu|AA|IANS|PTI|ANI|"
                 r"Kyodo|Yonhap|Ukrinform|PAP|Sputnik|IRNA|WAM|SPA|KUNA|Bernama|Antara|PNA|APP|UNB|BSS|EFE|ANSA|CTK|MTI|TASR|BTA|Agerpres")
# "KYIV, Ukraine (AP) — ", "Mumbai, Dec 5 (PTI) Reserve Bank …", "New Delhi [India], February 20 (ANI): ", "Lima, Mar 3 (EFE).- "
DATELINE_AGENCY = re.compile(
    rf"^\s*[A-Z][A-Za-z.'’ -]{{1,40}}(?:\s*\[[A-Z][\w ]{{1,30}}\])?(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,?(?:\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    rf"\s*\(({_AGENCY_NAMES})\)\.?\s*(?:[-–—:]+\s*|(?=[A-Z“\"‘]))"  # ("Sao Paulo, Sep 25 (EFE).- ")
)
# "BERLIN, November 10. /TASS/." / "MINSK, 3 March (BelTA) -"
DATELINE_SLASHED = re.compile(
    rf"^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){{0,3}}(?:,\s*[^/\n]{{1,30}}?)?[.,]?\s*/\s*({_AGENCY_NAMES})\s*/\.?\s*"
)
_NOTIFICATIONS_FROM = re.compile(r"notifications from ((?:The[ \t\xa0]+)?[A-Z][\w]*(?:[ \t\xa0]+[A-Z][\w]*){0,3})")
_SELF_REFERENCE = re.compile(
    r"\b((?:The[ \t\xa0]+)?[A-Z][\w]*(?:[ \t\xa0]+[A-Z][\w]*){0,3})[ \t\xa0]+(?:understands|has learned|has learnt|can reveal|has seen|has been told)\b"
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<who>[^.|\n]{2,60})", re.I)
_BYLINE_OF = re.compile(r"(.+?)\s+(?:reporter|correspondent|staff|team|newsdesk|news desk)s?$", re.I)


def dateline_agency(text: str) -> str | None:
    for line in _lines(text[:4000], 12):
        m = DATELINE_AGENCY.match(line) or DATELINE_SLASHED.match(line)
        if m:
            return m.group(1)
    return None


def stated_outlet(text: str, byline: str | None, reg: Registry | None = None) -> str | None:
    """The outlet the text names for itself, as written: an `… | Outlet | date` line, a
    notification prompt, an agency dateline, an agency byline, a copyright line, or
    "<Outlet> understands"."""
    reg = reg or registry()
    for line in _lines(text, 15):
        if "|" in line:
            for part in (p.strip() for p in line.split("|")):
                if reg.named(part):
                    return part
    m = _NOTIFICATIONS_FROM.search(text[:5000])
    if m:
        return re.sub(r"\s+", " ", m.group(1)).strip()
    agency = dateline_agency(text)
    if agency:
        return agency
    if byline:
        if reg.named(byline):
            return byline
        m = _BYLINE_OF.match(byline)  # "By DAILY MAIL REPORTER", "By Sky News staff"
        if m and reg.named(m.group(1)):
            return m.group(1)
    for line in _lines(text):
        m = _COPYRIGHT.match(line)
        if m and "/" not in m["who"] and not re.search(r"photo|getty|image|shutterstock", m["who"], re.I):
            who = re.sub(r"\s*(?:all rights reserved|ltd|limited|inc|plc|llc)\b.*$", "", m["who"], flags=re.I).strip(" ,")
            if reg.named(who):
                return who
    for m in _SELF_REFERENCE.finditer(text):
        name = re.sub(r"\s+", " ", m.group(1)).strip()
        if reg.named(name):
            return name
    return None


# --- one record from all the sources -------------------------------------------------------

def _outlet_of(name: str | None, reg: Registry, free_text: bool) -> tuple[str | None, Outlet | None]:
    if not name:
        return None, None
    hit = reg.find_in(name) if free_text else reg.named(name)
    return (hit.name, hit) if hit else (name.strip(), None)


def resolve(stated: Stated, page=None, manifest: SourceEntry | None = None, reg: Registry | None = None) -> ArticleMetadata:
    """Each field from the most trusted source that has it (manifest, page metadata, stated
    text, then the URL's domain for the outlet), with its provenance."""
    reg = reg or registry()

    def first(*candidates):
        for value, source in candidates:
            if value:
                return value, source
        return None, None

    url, url_source = first((manifest and manifest.url, MANIFEST), (page and page.url, PAGE))
    title, title_source = first((page and page.title, PAGE), (stated.title, STATED))
    byline, byline_source = first((page and page.author, PAGE), (stated.byline, STATED))
    date, date_source = first(
        (manifest and manifest.publication_date, MANIFEST), (page and page.publication_date, PAGE), (stated.publication_date, STATED)
    )
    outlet = record = None
    outlet_source = None
    for name, source, free in (
        (manifest and manifest.outlet, MANIFEST, True), (page and page.sitename, PAGE, True), (stated.outlet, STATED, False),
    ):
        if name:
            outlet, record = _outlet_of(name, reg, free)
            outlet_source = source
            break
    if outlet is None:
        record = reg.for_url(url)
        if record:
            outlet, outlet_source = record.name, INFERRED
    return ArticleMetadata(
        title=title, title_source=title_source, byline=byline, byline_source=byline_source,
        outlet=outlet, outlet_id=record.outlet_id if record else None, outlet_source=outlet_source,
        is_state_media=bool(record and record.is_state_media),
        url=url, url_source=url_source, publication_date=date, publication_date_source=date_source,
    )

"""Dates: publication-date lines and event dates resolved against the publication date.

Rules of news English:
- a weekday ("on Thursday") means the most recent such day on or before publication for
  past or present tense, and the next one for future tense ("will ... on Friday");
- "earlier this week" / "this week" → the publication week (precision week);
- "last week" / "last month" / "last year" → the previous unit;
- "today", "later today", "tonight" → publication day; "yesterday" → the day before,
  "tomorrow" → the day after;
- explicit dates ("12 November", "November 12, 2021", "2021-11-12") win over relative ones;
  a month-and-day without a year takes the publication year (or the year before, when that
  would put a past event after publication).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAY_ABBR_RE = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
# Time zones a date line's time carries ("11:31 PM IST", "10:49 UTC", "09:00 KST").
_TZ_RE = (r"(?:gmt|bst|utc|cet|cest|eet|eest|wet|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|msk|ist|pkt|jst|kst|hkt|sgt|wib|"
          r"aest|aedt|acst|awst|nzst|nzdt|sast|wat|eat|cat|gst|ast|trt|art|brt)")
_TIME_RE = rf"(?:,?\s*(?:at\s+)?\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?:\s*{_TZ_RE})?)?"

# A line that is (almost) only a date: "November 14 2021, 6.12am", "Thursday 20 January 2022 23:00 GMT".
_DATE_LINE = re.compile(
    rf"^\s*(?:(?:published|updated|posted|first published|last updated)\s*:?\s*(?:on\s+)?)?"
    rf"(?:\d{{1,2}}[.:]\d{{2}}\s*(?:am|pm)?\s*{_TZ_RE}?,?\s+(?:on\s+)?)?"  # "09:41 GMT, 16 November 2021", "11:17 am on 17 October 2024"
    rf"(?:(?:{_WEEKDAY_RE}|{_WEEKDAY_ABBR_RE}),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?P<y2>\d{{4}})"  # "November 19,2021"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"
    rf"|(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>\d{{4}})"
    rf"|(?P<d5>\d{{1,2}})(?:st|nd|rd|th)\s+(?:{_WEEKDAY_RE}),?\s+(?P<m5>{_MONTH_RE}),?\s+(?P<y5>\d{{4}}))"  # "15th Tuesday, April 2025"
    rf"{_TIME_RE}\s*(?:[|•·–-].*|(?:updated|last updated|edited)\b.*|\d+\s+min(?:ute)?s?\s+read)?"
    rf"(?:\s*\d+\s+min(?:ute)?s?\s+read)?$",
    re.I,
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_date_line(line: str) -> dt.date | None:
    """The date of a line that states only a publication date (and maybe a time), else None."""
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    g = m.groupdict()
    if g["y1"]:
        return _safe_date(int(g["y1"]), _month(g["m1"]), int(g["d1"]))
    if g["y2"]:
        return _safe_date(int(g["y2"]), _month(g["m2"]), int(g["d2"]))
    if g["y3"]:
        return _safe_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y5"]:
        return _safe_date(int(g["y5"]), _month(g["m5"]), int(g["d5"]))
    return _safe_date(int(g["y4"]), int(g["m4"]), int(g["d4"]))


def parse_iso_date(value: str | None) -> dt.date | None:
    """First YYYY-MM-DD in a string (HTML meta values, JSON-LD)."""
    if not value:
        return None
    m = _ISO_DATE.search(value)
    return _safe_date(int(m[1]), int(m[2]), int(m[3])) if m else None


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date | None
    precision: str  # day | week | month | year | unknown
    is_fallback: bool
    expression: str | None = None


_EXPLICIT = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_RE})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?)",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?:on|last|this|next|since|by|from|until|early|late)?\s*(?P<wd>{_WEEKDAY_RE})\b", re.I)
_RELATIVE = [
    (re.compile(r"\b(?:earlier|later)\s+this\s+week\b|\bthis\s+week\b", re.I), "this_week"),
    (re.compile(r"\blast\s+week\b|\bthe\s+previous\s+week\b|\ba\s+week\s+ago\b", re.I), "last_week"),
    (re.compile(r"\bnext\s+week\b", re.I), "next_week"),
    (re.compile(r"\b(?:later|earlier)\s+today\b|\btoday\b|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b", re.I), "today"),
    (re.compile(r"\byesterday\b|\blast\s+night\b", re.I), "yesterday"),
    (re.compile(r"\btomorrow\b", re.I), "tomorrow"),
    (re.compile(r"\b(?:a|one)\s+day\s+(?:earlier|before)\b", re.I), "yesterday"),
    (re.compile(r"\blast\s+month\b|\ba\s+month\s+ago\b", re.I), "last_month"),
    (re.compile(r"\b(?:earlier|later)\s+this\s+month\b|\bthis\s+month\b", re.I), "this_month"),
    (re.compile(r"\bnext\s+month\b", re.I), "next_month"),
    (re.compile(r"\blast\s+year\b", re.I), "last_year"),
    (re.compile(r"\b(?:earlier|later)\s+this\s+year\b|\bthis\s+year\b", re.I), "this_year"),
]


def _month_shift(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    return dt.date(d.year + y, m + 1, 1)


def _week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def resolve_date(sentence: str, published: dt.date | None, tense: str = "past") -> ResolvedDate:
    """Resolve the date a sentence talks about, against the publication date.

    `tense` is "past", "present" or "future" (from the sentence's main verb).
    """
    m = _EXPLICIT.search(sentence)
    if m:
        g = m.groupdict()
        day, month, year = (g["d1"], g["m1"], g["y1"]) if g["m1"] else (g["d2"], g["m2"], g["y2"])
        mon = _month(month)
        if year:
            d = _safe_date(int(year), mon, int(day))
        elif published:
            d = _safe_date(published.year, mon, int(day))
            if d and tense != "future" and d > published + dt.timedelta(days=31):
                d = _safe_date(published.year - 1, mon, int(day))
        else:
            d = None
        if d:
            return ResolvedDate(d, "day", False, m.group(0))
    if published is None:
        return ResolvedDate(None, "unknown", True)
    m = _WEEKDAY.search(sentence)
    if m:
        target = WEEKDAYS[m.group("wd").lower()]
        prefix = m.group(0).lower()
        delta = (published.weekday() - target) % 7
        if tense == "future" or prefix.startswith("next"):
            ahead = (target - published.weekday()) % 7
            d = published + dt.timedelta(days=ahead or 7) if prefix.startswith("next") else published + dt.timedelta(days=ahead)
        elif prefix.startswith("last") and delta == 0:
            d = published - dt.timedelta(days=7)
        else:
            d = published - dt.timedelta(days=delta)
        return ResolvedDate(d, "day", False, m.group(0).strip())
    for pattern, kind in _RELATIVE:
        m = pattern.search(sentence)
        if not m:
            continue
        expr = m.group(0)
        if kind == "today":
            return ResolvedDate(published, "day", False, expr)
        if kind == "yesterday":
            return ResolvedDate(published - dt.timedelta(days=1), "day", False, expr)
        if kind == "tomorrow":
            return ResolvedDate(published + dt.timedelta(days=1), "day", False, expr)
        if kind == "this_week":
            return ResolvedDate(_week_start(published), "week", False, expr)
        if kind == "last_week":
            return ResolvedDate(_week_start(published) - dt.timedelta(days=7), "week", False, expr)
        if kind == "next_week":
            return ResolvedDate(_week_start(published) + dt.timedelta(days=7), "week", False, expr)
        if kind == "this_month":
            return ResolvedDate(published.replace(day=1), "month", False, expr)
        if kind == "last_month":
            return ResolvedDate(_month_shift(published, -1), "month", False, expr)
        if kind == "next_month":
            return ResolvedDate(_month_shift(published, 1), "month", False, expr)
        if kind == "last_year":
            return ResolvedDate(dt.date(published.year - 1, 1, 1), "year", False, expr)
        if kind == "this_year":
            return ResolvedDate(dt.date(published.year, 1, 1), "year", False, expr)
    return ResolvedDate(published, "day", True)

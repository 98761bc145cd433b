"""Filters: one dataclass, its URL form, and how it narrows the views. No Streamlit here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import pandas as pd

from .data import Views

SPEAKS = "speaks"
TALKED_ABOUT = "talked about"


@dataclass(frozen=True)
class Filters:
    start: dt.date | None = None
    end: dt.date | None = None
    include_undated: bool = True
    actors: tuple[str, ...] = ()
    actor_mode: str = SPEAKS
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes
    outlets: tuple[str, ...] = ()
    types: tuple[str, ...] = ()  # event types / speech acts
    search: str = ""
    page: int = 1


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def to_query(f: Filters, defaults: Filters) -> dict[str, str | list[str]]:
    """The URL query parameters of a filter state (only what differs from the defaults)."""
    out: dict[str, str | list[str]] = {}
    if f.start and f.start != defaults.start:
        out["from"] = f.start.isoformat()
    if f.end and f.end != defaults.end:
        out["to"] = f.end.isoformat()
    if not f.include_undated:
        out["undated"] = "0"
    if f.actors:
        out["actor"] = list(f.actors)
    if f.actor_mode != SPEAKS:
        out["mode"] = "about"
    if f.countries:
        out["country"] = list(f.countries)
    if f.outlets:
        out["outlet"] = list(f.outlets)
    if f.types:
        out["type"] = list(f.types)
    if f.search:
        out["q"] = f.search
    if f.page > 1:
        out["page"] = str(f.page)
    return out


def from_query(params: dict[str, list[str]], defaults: Filters) -> Filters:
    """A filter state from URL query parameters (each key → list of values); bad values fall back."""

    def one(key):
        values = params.get(key) or []
        return values[-1] if values else None

    start = _parse_date(one("from")) or defaults.start
    end = _parse_date(one("to")) or defaults.end
    if defaults.start and start and start < defaults.start:
        start = defaults.start
    if defaults.end and end and end > defaults.end:
        end = defaults.end
    if start and end and start > end:
        start, end = defaults.start, defaults.end
    try:
        page = max(1, int(one("page") or 1))
    except ValueError:
        page = 1
    return Filters(
        start=start,
        end=end,
        include_undated=one("undated") != "0",
        actors=tuple(params.get("actor") or ()),
        actor_mode=TALKED_ABOUT if one("mode") == "about" else SPEAKS,
        countries=tuple(params.get("country") or ()),
        outlets=tuple(params.get("outlet") or ()),
        types=tuple(params.get("type") or ()),
        search=(one("q") or "")[:200],
        page=page,
    )


def date_bounds(views: Views) -> tuple[dt.date, dt.date]:
    dates = [d for d in list(views.events["event_date"]) + list(views.quotes["quote_date"]) if isinstance(d, dt.date)]
    if not dates:
        today = dt.date.today()
        return today, today
    return min(dates), max(dates)


def _in_dates(dates: pd.Series, f: Filters) -> pd.Series:
    def ok(d):
        if not isinstance(d, dt.date):
            return f.include_undated
        return (f.start is None or d >= f.start) and (f.end is None or d <= f.end)

    return dates.map(ok).astype(bool)


def _any_in(values: pd.Series, wanted: set) -> pd.Series:
    return values.map(lambda xs: bool(set(xs if xs is not None else []) & wanted)).astype(bool)


def apply_filters(views: Views, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(quotes, events, places) that match every filter."""
    q, e, p = views.quotes, views.events, views.places
    qm = _in_dates(q["quote_date"], f)
    em = _in_dates(e["event_date"], f)
    if f.actors:
        ids = set(views.actors.loc[views.actors["name"].isin(f.actors), "actor_id"])
        if f.actor_mode == SPEAKS:
            qm &= q["speaker_actor_id"].isin(ids)
            em &= _any_in(e["actor_ids"], ids)
        else:
            qm &= _any_in(q["talked_about_ids"], ids)
            em &= _any_in(e["talked_about_ids"], ids)
    if f.countries:
        wanted = set(f.countries)
        qm &= _any_in(q["countries"], wanted)
        em &= _any_in(e["countries"], wanted)
    if f.outlets:
        qm &= q["outlet"].isin(f.outlets)
        em &= e["outlet"].isin(f.outlets)
    if f.types:
        qm &= q["speech_act"].isin(f.types)
        em &= e["event_type"].isin(f.types)
    if f.search.strip():
        needle = f.search.strip().lower()
        qm &= q["text"].str.lower().str.contains(needle, regex=False) | q["speaker"].str.lower().str.contains(needle, regex=False)
        em &= e["summary"].str.lower().str.contains(needle, regex=False)
    quotes, events = q[qm], e[em]
    # Map points: places of the matching events' sentences, and places merely mentioned there.
    sentences = set(events["sentence_id"]) | set(quotes["sentence_id"])
    places = p[p["sentence_id"].isin(sentences)]
    if f.countries:
        places = places[places["country_code"].isin(f.countries)]
    return quotes, events, places


def with_page(f: Filters, page: int) -> Filters:
    return replace(f, page=page)

"""Filters: one dataclass and its URL form. No Streamlit here; `data.where` turns it into SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

SPEAKS = "speaks"
TALKED_ABOUT = "talked about"
SORTS = ("date", "speaker", "corroboration")


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
    place: str = ""  # place_id chosen on the map
    about: str = ""  # actor id or country code spoken about, chosen in the who-speaks-about-whom view
    page: int = 1
    sort: str = "date"  # cards: date, speaker or corroboration
    group_by: str = "country"  # timeline stacks: country or actor


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
    if f.place:
        out["place"] = f.place
    if f.about:
        out["about"] = f.about
    if f.page > 1:
        out["page"] = str(f.page)
    if f.sort != "date":
        out["sort"] = f.sort
    if f.group_by != "country":
        out["by"] = f.group_by
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
        place=(one("place") or "")[:200],
        about=(one("about") or "")[:200],
        page=page,
        sort=one("sort") if one("sort") in SORTS else "date",
        group_by="actor" if one("by") == "actor" else "country",
    )


def with_page(f: Filters, page: int) -> Filters:
    return replace(f, page=page)


def narrowing(f: Filters) -> Filters:
    """The part of a filter state that selects records (page, sort and grouping only arrange them)."""
    return replace(f, page=1, sort="date", group_by="country")

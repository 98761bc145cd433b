"""What every exported file says about itself: the filters in words, the date range, how many
sources the records rest on, when and with what it was made. A plain value, built from the
page's filter state and counts, so the exports never depend on how the frames were produced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import filters as _filters
from .safe_text import one_line

PRODUCT = "Geopolitical timeline dashboard (Belarus – Poland – Ukraine)"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


@dataclass(frozen=True)
class ExportContext:
    """The view an export shows. `filters` are sentences such as "Outlet: Sky News"; empty
    when nothing narrows the records."""

    filters: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    include_undated: bool = True
    n_quotes: int = 0
    n_events: int = 0
    n_articles: int = 0
    n_outlets: int = 0
    exported_at: dt.datetime = field(default_factory=_now)

    @property
    def filters_line(self) -> str:
        return "Filters: " + ("; ".join(self.filters) if self.filters else "none (every record in the store)") + "."

    @property
    def range_line(self) -> str:
        if self.start and self.end:
            span = self.start.isoformat() if self.start == self.end else f"{self.start.isoformat()} to {self.end.isoformat()}"
        else:
            span = "all dates"
        undated = "records with no stated date included" if self.include_undated else "records with no stated date left out"
        return f"Dates: {span} ({undated})."

    @property
    def sources_line(self) -> str:
        return (
            f"{self.n_quotes} quote(s) and {self.n_events} event(s) from {self.n_articles} article(s) "
            f"by {self.n_outlets} outlet(s)."
        )

    @property
    def made_with_line(self) -> str:
        return f"Made with the {PRODUCT} on {self.exported_at.strftime('%Y-%m-%d %H:%M UTC')}."

    def lines(self) -> list[str]:
        """The four lines every exported chart, map and README carries."""
        return [self.filters_line, self.range_line, self.sources_line, self.made_with_line]


def _names(values: Iterable[str], lookup: dict | None = None) -> str:
    return ", ".join(one_line((lookup or {}).get(v, v)) for v in values)


def describe_filters(f, defaults, country_names: dict[str, str] | None = None) -> tuple[str, ...]:
    """The active filters of a `filters.Filters` state as sentences (what differs from `defaults`;
    the date range is reported on its own line, see `ExportContext.range_line`)."""
    out = []
    if f.actors:
        who = "speaks" if f.actor_mode == _filters.SPEAKS else "is talked about (named in the same sentence)"
        out.append(f"Actor who {who}: {_names(f.actors)}")
    if f.countries:
        out.append(f"Country: {_names(f.countries, country_names)}")
    if f.outlets:
        out.append(f"Outlet: {_names(f.outlets)}")
    if f.types:
        out.append(f"Event type or speech act: {_names(f.types)}")
    if f.search and f.search.strip():
        out.append(f"Search in quotes: “{one_line(f.search)}”")
    return tuple(out)


def context_of(f, defaults, quotes, events, country_names: dict[str, str] | None = None, now: dt.datetime | None = None) -> ExportContext:
    """The export context of a filtered view: `f` a `filters.Filters`, `quotes`/`events` the
    filtered frames (with `article_id` and `outlet` columns)."""
    articles = set(quotes["article_id"]) | set(events["article_id"])
    outlets = {o for o in list(quotes["outlet"]) + list(events["outlet"]) if isinstance(o, str) and o}
    return ExportContext(
        filters=describe_filters(f, defaults, country_names), start=f.start, end=f.end,
        include_undated=f.include_undated, n_quotes=len(quotes), n_events=len(events),
        n_articles=len(articles), n_outlets=len(outlets), **({"exported_at": now} if now else {}),
    )

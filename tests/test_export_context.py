"""What an export says about itself: filters in words, dates, sources, a "made with" line."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.app import filters
from dashboard.app.export_context import ExportContext, context_of, describe_filters

DEFAULTS = filters.Filters(start=dt.date(2021, 11, 1), end=dt.date(2022, 1, 31))
NAMES = {"BY": "Belarus", "PL": "Poland"}


@pytest.mark.parametrize(
    "changes,expected",
    [
        pytest.param({}, (), id="nothing narrows"),
        pytest.param({"actors": ("Liz Truss",)}, ("Actor who speaks: Liz Truss",), id="speaker"),
        pytest.param(
            {"actors": ("Vladimir Putin", "Joe Biden"), "actor_mode": filters.TALKED_ABOUT},
            ("Actor who is talked about (named in the same sentence): Vladimir Putin, Joe Biden",), id="talked about",
        ),
        pytest.param({"countries": ("BY", "PL", "XX")}, ("Country: Belarus, Poland, XX",), id="countries by name"),
        pytest.param({"outlets": ("Sky News",), "types": ("warning",)},
                     ("Outlet: Sky News", "Event type or speech act: warning"), id="outlet and type"),
        pytest.param({"search": "  border\ncrossing "}, ("Search in quotes: “border crossing”",), id="search on one line"),
        pytest.param({"page": 4}, (), id="the page is not a filter"),
    ],
)
def test_filters_in_words(changes, expected):
    state = filters.Filters(**{**DEFAULTS.__dict__, **changes})
    assert describe_filters(state, DEFAULTS, NAMES) == expected


@pytest.mark.parametrize(
    "context,line",
    [
        pytest.param(ExportContext(), "Filters: none (every record in the store).", id="no filters"),
        pytest.param(ExportContext(filters=("Outlet: Sky News", "Country: Belarus")),
                     "Filters: Outlet: Sky News; Country: Belarus.", id="two filters"),
    ],
)
def test_filters_line(context, line):
    assert context.filters_line == line


@pytest.mark.parametrize(
    "start,end,undated,line",
    [
        pytest.param(dt.date(2021, 11, 10), dt.date(2021, 12, 31), True,
                     "Dates: 2021-11-10 to 2021-12-31 (records with no stated date included).", id="range"),
        pytest.param(dt.date(2021, 11, 10), dt.date(2021, 11, 10), False,
                     "Dates: 2021-11-10 (records with no stated date left out).", id="one day"),
        pytest.param(None, None, True, "Dates: all dates (records with no stated date included).", id="open"),
    ],
)
def test_range_line(start, end, undated, line):
    assert ExportContext(start=start, end=end, include_undated=undated).range_line == line


def test_context_of_a_filtered_view_counts_its_sources():
    quotes = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["Sky News", "Sky News", "unknown outlet"]})
    events = pd.DataFrame({"article_id": ["c"], "outlet": ["Reuters"]})
    when = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
    state = filters.Filters(start=dt.date(2021, 11, 10), end=dt.date(2021, 12, 31), outlets=("Sky News",))
    got = context_of(state, DEFAULTS, quotes, events, NAMES, now=when)
    assert (got.n_quotes, got.n_events, got.n_articles, got.n_outlets) == (3, 1, 3, 3)
    assert got.lines() == [
        "Filters: Outlet: Sky News.",
        "Dates: 2021-11-10 to 2021-12-31 (records with no stated date included).",
        "3 quote(s) and 1 event(s) from 3 article(s) by 3 outlet(s).",
        "Made with the Geopolitical timeline dashboard (Belarus – Poland – Ukraine) on 2026-01-02 03:04 UTC.",
    ]

"""The page's cached queries: only small results, keyed by snapshot and filter state.

They live in a module rather than in the page script, which Streamlit runs anew on every rerun:
here the cached functions are made once per server, not once per run. Each is keyed by a string
(`key`: the snapshot's content-derived name and the filter state's repr, which names every
field), so a cache lookup hashes a short string instead of walking a dataclass; the Store and
the filter state ride along unhashed (`_db`, `_f`).
"""

from __future__ import annotations

import streamlit as st

from .data import Store
from .filters import Filters

PER_PAGE = 8


def key(snapshot: str, f: Filters, *more) -> str:
    return "|".join([snapshot, repr(f), *map(str, more)])


@st.cache_data(show_spinner=False, max_entries=4)
def options(snapshot: str, _db: Store):
    return _db.options()


@st.cache_data(show_spinner=False, max_entries=8)
def ranks(snapshot: str, by: str, _db: Store) -> list[str]:
    return _db.ranks(by)


@st.cache_data(show_spinner=False, max_entries=128)
def counts(key: str, _db: Store, _f: Filters):
    return _db.counts(_f)


@st.cache_data(show_spinner=False, max_entries=128)
def timeline(key: str, _db: Store, _f: Filters, by: str, bin: str):
    return _db.timeline(_f, by, bin)


@st.cache_data(show_spinner=False, max_entries=128)
def map_places(key: str, _db: Store, _f: Filters):
    return _db.map_places(_f)


@st.cache_data(show_spinner=False, max_entries=128)
def quote_page(key: str, _db: Store, _f: Filters, page: int, sort: str):
    rows = _db.quote_page(_f, page, PER_PAGE, sort)
    return rows, _db.contexts(rows)


@st.cache_data(show_spinner=False, max_entries=128)
def speaks_about(key: str, _db: Store, _f: Filters, by: str):
    return _db.speaks_about(_f, by)


@st.cache_data(show_spinner=False)
def country_names() -> dict[str, str]:
    from dashboard.pipeline.actors import registry

    return {c.iso2: c.name for c in registry().countries}

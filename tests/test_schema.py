"""The one schema: every field documented, Arrow types derived, round trips lossless."""

import dataclasses
import datetime as dt
import inspect

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.pipeline import schema
from dashboard.pipeline.schema import RECORD_TYPES, Event, Quote, arrow_schema, from_row, to_row


def test_every_record_type_is_registered_and_documented():
    classes = {c for _, c in inspect.getmembers(schema, inspect.isclass) if dataclasses.is_dataclass(c) and c.__module__ == schema.__name__}
    assert classes == set(RECORD_TYPES.values())
    for record_type in RECORD_TYPES.values():
        for f in dataclasses.fields(record_type):
            assert f.metadata.get("doc", "").strip(), f"{record_type.__name__}.{f.name} has no description"


def test_id_and_span_naming():
    for record_type in RECORD_TYPES.values():
        names = [f.name for f in dataclasses.fields(record_type)]
        assert ("start_char" in names) == ("end_char" in names)
        for name in names:
            if name.endswith("_id") or name.endswith("_ids"):
                assert name.split("_")[-1] in ("id", "ids")


texts = st.text(max_size=80)
dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))
lists = st.lists(st.text(max_size=12), max_size=4)


@settings(max_examples=40, deadline=None)
@given(text=texts, speaker=st.none() | texts, when=dates, outlets=lists, conf=st.floats(0, 1))
def test_quote_round_trip_is_lossless(text, speaker, when, outlets, conf):
    q = Quote("q", "a", text, 0, len(text), None, speaker, None, None, "statement", conf, "s", when, "c", len(outlets), outlets)
    table = pa.Table.from_pylist([to_row(q)], schema=arrow_schema(Quote))
    assert from_row(Quote, table.to_pylist()[0]) == q


@settings(max_examples=40, deadline=None)
@given(summary=texts, when=dates, ids=lists)
def test_event_round_trip_is_lossless(summary, when, ids):
    e = Event("e", "a", "meeting", summary, when, "day", False, "stated", ids, ids[:1], [], 1, 5, "s", None, "c", 1, ["x"])
    table = pa.Table.from_pylist([to_row(e)], schema=arrow_schema(Event))
    assert from_row(Event, table.to_pylist()[0]) == e


def test_stored_values_come_from_the_schema_vocabularies(built_store):
    from dashboard.pipeline import store

    records = {name: store.read_records(built_store, name) for name in RECORD_TYPES}
    assert {a.actor_type for a in records["actors"]} <= set(schema.ACTOR_TYPES)
    assert {m.role for m in records["place_mentions"]} <= set(schema.PLACE_ROLES)
    assert {e.event_type for e in records["events"]} <= set(schema.EVENT_TYPES)
    assert {q.speech_act for q in records["quotes"]} <= set(schema.EVENT_TYPES)
    assert {e.date_precision for e in records["events"]} <= set(schema.DATE_PRECISIONS)
    assert {e.date_source for e in records["events"]} <= set(schema.DATE_SOURCES)
    assert all(0 <= q.confidence <= 1 for q in records["quotes"])

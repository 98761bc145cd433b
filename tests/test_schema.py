"""The one schema: every field documented, Arrow types derived, round trips lossless."""

import dataclasses
import datetime as dt
import inspect
import types
import typing

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.pipeline import schema, store
from dashboard.pipeline.schema import RECORD_TYPES, Event, Quote, arrow_schema, from_row, to_row


def test_every_record_type_is_registered_and_documented():
    classes = {c for _, c in inspect.getmembers(schema, inspect.isclass) if dataclasses.is_dataclass(c) and c.__module__ == schema.__name__}
    assert classes == set(RECORD_TYPES.values())
    for record_type in RECORD_TYPES.values():
        for f in dataclasses.fields(record_type):
            assert f.metadata.get("doc", "").strip(), f"{record_type.__name__}.{f.name} has no description"


def _kinds(record_type):
    hints = typing.get_type_hints(record_type)
    return {f.name: hints[f.name] for f in dataclasses.fields(record_type)}


@pytest.mark.parametrize("name,record_type", [pytest.param(n, t, id=n) for n, t in RECORD_TYPES.items()])
def test_field_names_follow_the_naming_rules(name, record_type):
    kinds = _kinds(record_type)
    for field_name, tp in kinds.items():
        if field_name.endswith("_id"):
            assert tp in (str, str | None), f"{field_name} is an identifier: str"
        if field_name.endswith("_ids"):
            assert tp == list[str], f"{field_name} is a list of identifiers"
        if field_name.endswith("_date"):
            assert tp in (dt.date, dt.date | None), f"{field_name} is a calendar date"
        if field_name.startswith("is_"):
            assert tp is bool, f"{field_name} is a flag"
        if field_name in ("start_char", "end_char"):
            assert tp is int
        if tp in (dt.date, dt.date | None):
            assert field_name.endswith("_date"), f"{field_name} holds a date: name it *_date"
        if tp is bool:
            assert field_name.startswith("is_"), f"{field_name} is a flag: name it is_*"
    assert ("start_char" in kinds) == ("end_char" in kinds)
    if name != "problems":  # every stored record has its deterministic id first, named after the table
        first = dataclasses.fields(record_type)[0].name
        assert first.endswith("_id") and kinds[first] is str
        assert first in (f"{name.rstrip('s')}_id", f"{name[:-1]}_id", "mention_id")


texts = st.text(max_size=80)
dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))
lists = st.lists(st.text(max_size=12), max_size=4)


@settings(max_examples=40, deadline=None)
@given(text=texts, speaker=st.none() | texts, when=dates, outlets=lists, conf=st.floats(0, 1))
def test_quote_round_trip_is_lossless(text, speaker, when, outlets, conf):
    q = Quote("q", "a", text, 0, len(text), None, speaker, None, None, "statement", conf, "governing_cue", "name", "s", when, "c", len(outlets), outlets)
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


# --- every record type, through a real Parquet file, with arbitrary values ------------------

def _strategy(tp):
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        [inner] = [a for a in typing.get_args(tp) if a is not type(None)]
        return st.none() | _strategy(inner)
    if origin is list:
        return st.lists(_strategy(typing.get_args(tp)[0]), max_size=4)
    return {
        str: st.text(max_size=40),  # any unicode, including NUL, RTL marks and astral characters
        int: st.integers(-(2**63), 2**63 - 1),
        float: st.floats(allow_nan=False),
        bool: st.booleans(),
        dt.date: st.dates(),  # years 1 to 9999
    }[tp]


def _records(record_type):
    return st.builds(record_type, **{name: _strategy(tp) for name, tp in _kinds(record_type).items()})


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_every_record_type_round_trips_through_the_store(name, tmp_path_factory):
    record_type = RECORD_TYPES[name]
    folder = tmp_path_factory.mktemp(name)

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(records=st.lists(_records(record_type), max_size=3))
    def round_trip(records):
        tables = {n: [] for n in RECORD_TYPES}
        tables[name] = records
        store.write_snapshot(folder, tables)
        assert store.read_records(folder, name) == records
        assert store.read_table(folder, name).schema.equals(arrow_schema(record_type), check_metadata=False)

    round_trip()


def test_round_trip_keeps_what_a_lossy_store_would_lose():
    tricky = Quote("q", "a", "“Ça va”\x00 \u202e🙂", 0, 9, None, None, None, None, "statement", 0.1 + 0.2,
                   "continuation", "pronoun", "s", dt.date(1, 1, 1), "c", 2, ["", "Outlet"])
    row = pa.Table.from_pylist([to_row(tricky)], schema=arrow_schema(Quote)).to_pylist()[0]
    back = from_row(Quote, row)
    assert back == tricky and back.confidence == 0.30000000000000004 and back.outlets == ["", "Outlet"]
    assert from_row(Quote, {**row, "outlets": None}).outlets == []  # nulls in list columns come back empty

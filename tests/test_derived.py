"""The dashboard's derived tables: written with every snapshot, repaired by the next writer, and
read by a dashboard Store that holds its snapshot against deletion."""

import shutil
import threading

import duckdb
import pytest

from dashboard.app.data import Store
from dashboard.pipeline import derived, store
from dashboard.pipeline.lock import store_lock
from dashboard.pipeline.schema import RECORD_TYPES


@pytest.fixture
def store_copy(built_store, tmp_path):
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target


def tables_of(store_dir):
    return {name: store.read_records(store_dir, name) for name in RECORD_TYPES}


def derived_rows(path, sql="SELECT * EXCLUDE (rec_no) FROM records ORDER BY rec_no"):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_written_snapshot_carries_its_derived_tables(built_store):
    snap = store.current_snapshot(built_store)
    path = snap / derived.FILE
    assert derived.readable(path)
    [(n,)] = derived_rows(path, "SELECT count(*) FROM records")
    counts = {name: len(store.read_records(built_store, name)) for name in ("quotes", "events")}
    assert n == counts["quotes"] + counts["events"] > 0  # a row per quote and per event


def test_the_same_snapshot_derives_the_same_rows(store_copy, tmp_path):
    first = derived_rows(store.current_snapshot(store_copy) / derived.FILE)
    again = store.write_snapshot(tmp_path / "again", tables_of(store_copy))
    assert derived_rows(again / derived.FILE) == first


@pytest.mark.parametrize("damage", [
    pytest.param(lambda p: p.unlink(), id="missing (a snapshot from before)"),
    pytest.param(lambda p: p.write_bytes(p.read_bytes()[:4096]), id="truncated"),
    pytest.param(lambda p: p.write_bytes(b"not a database"), id="not DuckDB"),
])
def test_the_next_writer_repairs_the_derived_tables(store_copy, damage):
    snap = store.current_snapshot(store_copy)
    good = derived_rows(snap / derived.FILE)
    damage(snap / derived.FILE)
    assert store.write_snapshot(store_copy, tables_of(store_copy)) == snap  # same rows: the snapshot is reused…
    assert derived_rows(snap / derived.FILE) == good  # …and its derived tables are whole again


def test_a_dashboard_without_them_writes_them_when_the_store_is_free(store_copy):
    snap = store.current_snapshot(store_copy)
    (snap / derived.FILE).unlink()
    with Store(store_copy) as db:
        assert db.derived_file == snap / derived.FILE and derived.readable(db.derived_file)
        assert db.counts(db_filters(db)).quotes > 0


def test_a_dashboard_derives_in_memory_when_a_writer_holds_the_store(store_copy):
    snap = store.current_snapshot(store_copy)
    (snap / derived.FILE).unlink()
    held, done = threading.Event(), threading.Event()

    def writer():  # another writer (the lock is re-entrant within one thread)
        with store_lock(store_copy, timeout=0):
            held.set()
            done.wait(30)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        held.wait(30)
        with Store(store_copy) as db:  # the reader does not wait for the writer
            assert db.derived_file is None and not (snap / derived.FILE).exists()
            assert db.counts(db_filters(db)).quotes > 0
    finally:
        done.set()
        thread.join()


def test_a_damaged_file_is_read_around(store_copy):
    snap = store.current_snapshot(store_copy)
    (snap / derived.FILE).write_bytes(b"not a database")
    with Store(store_copy) as db:
        assert db.derived_file is None  # derived in memory meanwhile; the next build rewrites it
        assert db.counts(db_filters(db)).quotes > 0


def test_an_open_store_keeps_its_snapshot_until_closed(store_copy):
    tables = tables_of(store_copy)
    db = Store(store_copy)
    snap = db.snapshot
    for k in range(store.KEEP_PREVIOUS + 3):  # enough newer snapshots to collect it
        store.write_snapshot(store_copy, {**tables, "quotes": tables["quotes"][: k + 1]})
    assert snap.is_dir() and db.counts(db_filters(db)).quotes == len(tables["quotes"])
    db.close()
    db.close()  # idempotent
    store.write_snapshot(store_copy, {**tables, "quotes": []})  # lease given back: now it may go
    assert not snap.is_dir()


def db_filters(db):
    from dashboard.app.filters import Filters

    o = db.options()
    return Filters(start=o.start, end=o.end)


def _quote_date_sources(snapshot):
    return dict(derived_rows(snapshot / derived.FILE, "SELECT record_id, date_source FROM records WHERE kind = 'quote'"))


@pytest.mark.parametrize("quote_date,event_source,expected", [
    pytest.param("2021-11-11", "none", "linked", id="dated words, undated statement: the date came from another outlet"),
    pytest.param("2021-11-11", "stated", "stated", id="the statement's own source"),
    pytest.param(None, "none", "none", id="no date at all"),
])
def test_a_quote_says_how_its_date_was_obtained(store_copy, tmp_path, quote_date, event_source, expected):
    import datetime as dt
    from dataclasses import replace

    tables = tables_of(store_copy)
    quote = tables["quotes"][0]
    day = dt.date.fromisoformat(quote_date) if quote_date else None
    tables["quotes"] = [replace(quote, quote_date=day)] + tables["quotes"][1:]
    tables["events"] = [replace(e, date_source=event_source) if e.quote_id == quote.quote_id else e for e in tables["events"]]
    assert any(e.quote_id == quote.quote_id for e in tables["events"])  # the quote has its statement event
    snapshot = store.write_snapshot(tmp_path / "dated", tables)
    assert _quote_date_sources(snapshot)[quote.quote_id] == expected

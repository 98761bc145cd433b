"""The store: atomic, deterministic, incremental; damaged stores say how to fix them."""

import os
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashboard.pipeline import build, store
from dashboard.pipeline.build import build_store
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.errors import StoreError
from dashboard.pipeline.schema import RECORD_TYPES


def rows(store_dir):
    return {name: store.read_table(store_dir, name).to_pylist() for name in RECORD_TYPES}


def test_rebuild_is_deterministic_and_incremental(tmp_path, seed_paths, monkeypatch):
    settings = load_settings(store_dir=tmp_path / "s")
    build_store(seed_paths, settings)
    first_name, first_rows = (tmp_path / "s" / "CURRENT").read_text(), rows(tmp_path / "s")
    calls = []
    real = build.article_records
    monkeypatch.setattr(build, "article_records", lambda c, d: calls.append(c.raw.name) or real(c, d))
    _, results = build_store(seed_paths, settings)
    assert calls == []  # unchanged articles come from the cache
    assert all(r.cached for r in results)
    assert (tmp_path / "s" / "CURRENT").read_text() == first_name
    assert rows(tmp_path / "s") == first_rows
    # A fresh store from the same input has the same ids and rows.
    build_store(seed_paths, load_settings(store_dir=tmp_path / "fresh"))
    assert rows(tmp_path / "fresh") == first_rows


def test_bad_files_are_recorded_and_the_good_ones_stored(tmp_path, seed_paths):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    tables, results = build_store([*seed_paths[:2], bad], load_settings(store_dir=tmp_path / "s"))
    assert len(tables["articles"]) == 2
    problems = store.read_records(tmp_path / "s", "problems")
    assert [(p.path, "empty" in p.error) for p in problems] == [(str(bad), True)]


def test_missing_and_corrupt_stores_name_the_fix(tmp_path, built_store):
    with pytest.raises(StoreError, match="python -m dashboard build seeds/"):
        store.current_snapshot(tmp_path / "none")
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    snap = target / (target / "CURRENT").read_text().strip()
    (snap / "events.parquet").write_bytes(b"garbage")
    with pytest.raises(StoreError, match="unreadable.*python -m dashboard build seeds/"):
        store.read_table(target, "events")


def test_duckdb_views_over_the_store(built_store):
    con = store.connect(built_store)
    n = con.execute("SELECT count(*) FROM quotes WHERE speaker = 'Liz Truss'").fetchone()[0]
    assert n == sum(1 for q in store.read_records(built_store, "quotes") if q.speaker == "Liz Truss") > 0


def test_add_article_keeps_existing_data(tmp_path, built_store):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    settings = load_settings(store_dir=target)
    before = rows(target)
    [bad] = build.add_uploads(settings, [("x.txt", b"\x89PNG\r\n\x1a\n" + bytes(40))])
    assert bad.error and rows(target) == before
    [good] = build.add_uploads(settings, [("y.txt", "Outlet\n\nHeadline words here\n\nJoe Biden said: “Enough.”\n".encode())])
    assert good.error is None
    after = rows(target)
    assert len(after["articles"]) == len(before["articles"]) + 1
    assert {q["quote_id"] for q in before["quotes"]} <= {q["quote_id"] for q in after["quotes"]}


def test_a_parser_failure_on_one_article_spares_the_others(tmp_path, seed_paths, monkeypatch):
    from dashboard.pipeline import nlp

    real = nlp.parse_many

    def flaky(texts, batch_size=16):
        texts = list(texts)
        if any("Kremlin" in t for t, _ in texts):
            raise RuntimeError("parser crashed")
        return real(texts, batch_size)

    monkeypatch.setattr(build, "parse_many", flaky)
    results = build.process([(str(p), None) for p in seed_paths], load_settings(store_dir=tmp_path / "s"), use_cache=False)
    failed = [r for r in results if r.error]
    assert failed and all("parser crashed" in r.error for r in failed)
    assert any(r.tables for r in results)


def _garbage(snap):
    (snap / "events.parquet").write_bytes(b"PAR1 not really parquet")


def _old_schema(snap):
    pq.write_table(pa.table({"event_id": ["e1"], "summary": ["old layout"]}), snap / "events.parquet")


def _missing_table(snap):
    (snap / "events.parquet").unlink()


def _dangling_current(snap):
    (snap.parent / "CURRENT").write_text("snap-0000000000000000")


def _read_table(d):
    return store.read_table(d, "events")


def _query(d):
    return store.connect(d).execute("SELECT count(*) FROM events").fetchall()


@pytest.mark.parametrize(
    "damage,message",
    [
        pytest.param(_garbage, "events.parquet is unreadable", id="garbage parquet"),
        pytest.param(_old_schema, "events table has an old schema", id="parquet of an old schema"),
        pytest.param(_missing_table, "incomplete (missing events)", id="a table file missing"),
        pytest.param(_dangling_current, "incomplete", id="CURRENT names a snapshot that is gone"),
    ],
)
@pytest.mark.parametrize("reader", [
    pytest.param(_read_table, id="read_table"),
    pytest.param(store.read_frames, id="read_frames (the app)"),
    pytest.param(_query, id="duckdb connect"),
])
def test_damaged_store_raises_store_error_naming_the_fix(tmp_path, built_store, damage, message, reader):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    damage(target / (target / "CURRENT").read_text().strip())
    with pytest.raises(StoreError, match=re.escape(message) + ".*Rebuild it with: python -m dashboard build seeds/"):
        reader(target)


def test_a_crash_while_switching_current_leaves_the_previous_store(tmp_path, built_store, monkeypatch):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    before_name, before_rows = (target / "CURRENT").read_text(), rows(target)
    tables = {name: store.read_records(target, name) for name in RECORD_TYPES}
    tables["articles"] = tables["articles"][:1]  # a different snapshot
    real_replace = store.os.replace

    def failing_replace(src, dst):
        if Path(dst).name == store.CURRENT:
            raise OSError("power cut")
        return real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", failing_replace)
    with pytest.raises(OSError, match="power cut"):
        store.write_snapshot(target, tables)
    assert (target / "CURRENT").read_text() == before_name
    assert rows(target) == before_rows
    assert not [p for p in target.iterdir() if p.name.startswith(".CURRENT.")]  # no temp file left


def test_snapshot_name_is_a_digest_of_the_rows(tmp_path, built_store):
    tables = {name: store.read_records(built_store, name) for name in RECORD_TYPES}
    a = store.write_snapshot(tmp_path / "a", tables)
    b = store.write_snapshot(tmp_path / "b", {k: list(reversed(v)) if k == "quotes" else v for k, v in tables.items()})
    c = store.write_snapshot(tmp_path / "c", tables)
    assert a.name == c.name == (built_store / "CURRENT").read_text()
    assert b.name != a.name  # row order is part of the content


def test_build_includes_articles_added_from_the_dashboard(tmp_path, seed_paths):
    from dashboard.cli import main

    store_dir = tmp_path / "s"
    (store_dir / store.UPLOADS).mkdir(parents=True)
    (store_dir / store.UPLOADS / "added.txt").write_text("Outlet\n\nHeadline words here\n\nJoe Biden said: “Added.”\n")
    assert main(["build", str(seed_paths[0]), "--store", str(store_dir)]) == 0
    assert {a.path for a in store.read_records(store_dir, "articles")} == {seed_paths[0].name, "added.txt"}


# --- repair that repairs: a build after damage leaves a store that reads -----------------------

def _truncate_parquet(store_dir):
    snap = store_dir / (store_dir / "CURRENT").read_text().strip()
    path = snap / "quotes.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_a_byte(store_dir):
    snap = store_dir / (store_dir / "CURRENT").read_text().strip()
    path = snap / "quotes.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _current_is_a_directory(store_dir):
    (store_dir / "CURRENT").unlink()
    (store_dir / "CURRENT").mkdir()


def _current_not_utf8(store_dir):
    (store_dir / "CURRENT").write_bytes(b"snap-\xff\xfe\x00")


def _cache_entries(shape):
    def damage(store_dir):
        for entry in (store_dir / "cache").glob("*.json"):
            entry.write_text(shape)
    return damage


def _leftovers(store_dir):
    (store_dir / ".staging-crashed").mkdir()
    (store_dir / ".staging-crashed" / "quotes.parquet").write_bytes(b"half")
    (store_dir / ".CURRENT.abc123.tmp").write_text("snap-")


@pytest.mark.parametrize("damage", [
    pytest.param(_truncate_parquet, id="truncated parquet in the live snapshot"),
    pytest.param(_flip_a_byte, id="one flipped byte in the live snapshot"),
    pytest.param(_current_is_a_directory, id="CURRENT is a directory"),
    pytest.param(_current_not_utf8, id="CURRENT is not UTF-8"),
    pytest.param(_cache_entries("[]"), id="cache entries are a JSON list"),
    pytest.param(_cache_entries("{}"), id="cache entries are an empty object"),
    pytest.param(_cache_entries('{"articles": [{"nonsense": 1}]}'), id="cache rows of another shape"),
    pytest.param(_cache_entries('{"articles": 5}'), id="cache table is not a list"),
    pytest.param(_leftovers, id="a staging folder and a CURRENT temp file left by a crash"),
])
def test_a_build_repairs_the_damage(tmp_path, built_store, seed_paths, damage):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    damage(target)
    build_store(seed_paths, load_settings(store_dir=target))
    assert rows(target) == rows(built_store)
    assert (target / "CURRENT").read_text() == (built_store / "CURRENT").read_text()
    assert not [p.name for p in target.iterdir() if p.name.startswith((".staging-", ".CURRENT.", ".trash-"))]


@pytest.mark.parametrize("content", [
    pytest.param(b"snap-\xff\xfe", id="not UTF-8"),
    pytest.param(b"../../etc", id="a path out of the store"),
    pytest.param(b"", id="empty"),
])
def test_a_damaged_current_is_a_store_error_for_readers(tmp_path, built_store, content):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    (target / "CURRENT").write_bytes(content)
    with pytest.raises(StoreError, match="CURRENT does not name a snapshot.*python -m dashboard build seeds/"):
        store.current_snapshot(target)


def test_current_as_a_directory_is_a_store_error_for_readers(tmp_path, built_store):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    _current_is_a_directory(target)
    with pytest.raises(StoreError, match="CURRENT does not name a snapshot"):
        store.read_frames(target)


def test_a_full_disk_while_caching_does_not_stop_the_build(tmp_path, seed_paths, monkeypatch):
    import errno

    real = store.atomic_write_bytes

    def full_for_cache(path, data):
        if "cache" in Path(path).parts:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(store, "atomic_write_bytes", full_for_cache)
    tables, _ = build_store(seed_paths[:2], load_settings(store_dir=tmp_path / "s"))
    assert len(store.read_records(tmp_path / "s", "articles")) == 2
    assert not list((tmp_path / "s" / "cache").glob("*")) if (tmp_path / "s" / "cache").exists() else True


def test_a_file_name_that_is_not_utf8_does_not_stop_the_build(tmp_path, seed_paths):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = Path(os.fsdecode(bytes(folder) + b"/caf\xe9.txt"))
    odd.write_bytes(seed_paths[0].read_bytes())
    build_store([odd, seed_paths[1]], load_settings(store_dir=tmp_path / "s"))
    assert sorted(a.path for a in store.read_records(tmp_path / "s", "articles")) == sorted(["caf\ufffd.txt", seed_paths[1].name])
    build_store([odd, seed_paths[1]], load_settings(store_dir=tmp_path / "s"))  # and from the cache


def test_write_snapshot_takes_arrow_tables_and_names_them_by_content(tmp_path, built_store):
    arrow = {name: store.read_table(built_store, name) for name in RECORD_TYPES}
    snap = store.write_snapshot(tmp_path / "a", arrow)
    assert snap.name == (built_store / "CURRENT").read_text()
    assert rows(tmp_path / "a") == rows(built_store)

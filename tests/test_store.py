"""The store: atomic, deterministic, incremental; damaged stores say how to fix them."""

import shutil

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


def test_a_crash_mid_build_leaves_the_previous_store(tmp_path, seed_paths, monkeypatch, built_store):
    target = tmp_path / "s"
    shutil.copytree(built_store, target)
    before_name, before_rows = (target / "CURRENT").read_text(), rows(target)
    written = []
    real_write = pq.write_table

    def failing_write(table, path, **kw):
        written.append(path)
        if len(written) == 3:
            raise OSError("disk full")
        return real_write(table, path, **kw)

    monkeypatch.setattr(store.pq, "write_table", failing_write)
    with pytest.raises(OSError, match="disk full"):
        build_store(seed_paths[:2], load_settings(store_dir=target))
    assert (target / "CURRENT").read_text() == before_name
    assert rows(target) == before_rows
    assert not [p for p in target.iterdir() if p.name.startswith(".staging-")]


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
    [bad] = build.add_articles([("x.txt", b"\x89PNG\r\n\x1a\n" + bytes(40))], settings)
    assert bad.error and rows(target) == before
    [good] = build.add_articles([("y.txt", "Outlet\n\nHeadline words here\n\nJoe Biden said: “Enough.”\n".encode())], settings)
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

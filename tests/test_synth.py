"""The synthetic store generator: consistent records, through the store's own snapshot code."""

import pytest

from dashboard.pipeline import store
from dashboard.synth import generate, write_store


@pytest.fixture(scope="module")
def tables():
    return generate(600, seed=1)


def test_sizes_follow_the_request(tables):
    assert tables["events"].num_rows == 600
    assert 0.6 < tables["quotes"].num_rows / 600 < 0.9  # about 0.76 quotes per event
    assert tables["actors"].num_rows == 300 and tables["places"].num_rows == 500


def test_every_span_points_at_its_text(tables):
    text = dict(zip(tables["articles"]["article_id"].to_pylist(), tables["articles"]["text"].to_pylist()))
    for name, field in (("quotes", "text"), ("sentences", "text"), ("actor_mentions", "surface"), ("place_mentions", "surface")):
        t = tables[name].to_pydict()
        for a, s, e, value in zip(t["article_id"], t["start_char"], t["end_char"], t[field]):
            assert text[a][s:e] == value, name


def test_references_resolve(tables):
    actors = set(tables["actors"]["actor_id"].to_pylist())
    places = set(tables["places"]["place_id"].to_pylist())
    sentences = set(tables["sentences"]["sentence_id"].to_pylist())
    assert set(tables["quotes"]["speaker_actor_id"].to_pylist()) <= actors
    assert {p for ps in tables["events"]["place_ids"].to_pylist() for p in ps} <= places
    assert set(tables["events"]["sentence_id"].to_pylist()) <= sentences
    q = tables["quotes"].to_pydict()
    for n, outlets in zip(q["n_outlets"], q["outlets"]):
        assert n == len(outlets) >= 1


def test_same_seed_same_store(tmp_path):
    a = write_store(tmp_path / "a", generate(200, seed=5))
    b = write_store(tmp_path / "b", generate(200, seed=5))
    assert a.name == b.name


@pytest.mark.parametrize("via_store", [pytest.param(True, id="store.write_snapshot"), pytest.param(False, id="arrow snapshot")])
def test_both_writers_give_a_store_the_app_opens(tables, tmp_path, via_store):
    write_store(tmp_path, tables, via_store=via_store)
    con = store.connect(tmp_path)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 600
    assert len(store.read_records(tmp_path, "quotes")) == tables["quotes"].num_rows

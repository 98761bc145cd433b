"""Invariants that hold for any input: no crashes on arbitrary text, exact spans, idempotent cleaning."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.pipeline.build import process
from dashboard.pipeline.clean import blank_boilerplate
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.quotes import find_quote_spans

ROOT = Path(__file__).resolve().parents[1]
MARKS = st.sampled_from(list("“”‘’\"'«» \n.,:"))
messy = st.lists(st.one_of(st.text(max_size=6), MARKS), max_size=60).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=messy)
def test_quote_spans_never_raise_and_stay_inside_the_text(text):
    for q in find_quote_spans(text):
        assert 0 < q.start <= q.end <= len(text)
        assert "\n" not in text[q.start : q.end]  # one paragraph per entry


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_cleaning_keeps_length_and_is_idempotent(text):
    once = blank_boilerplate(text)
    assert len(once) == len(text)
    assert blank_boilerplate(once) == once


NAMES = st.sampled_from(["Joe Biden", "Liz Truss", "Mariusz Blaszczak", "The Kremlin", "A NATO spokesperson"])
WORDS = st.lists(st.sampled_from("we will not stand by while the border is closed and troops gather".split()), min_size=2, max_size=12).map(" ".join)
TEMPLATES = st.sampled_from([
    "{name} said: “{words}.”",
    "“{words},” {name} said.",
    "{name} warned that the plan was “{words}”.",
    "'{words},' {name} told reporters.",
])


@settings(max_examples=25, deadline=None)
@given(paragraphs=st.lists(st.tuples(TEMPLATES, NAMES, WORDS), min_size=1, max_size=4))
def test_pipeline_spans_are_exact_on_generated_articles(tmp_path_factory, paragraphs):
    body = "Test Outlet\n\nA headline for the test\n\n" + "\n\n".join(t.format(name=n, words=w) for t, n, w in paragraphs)
    [result] = process([("gen.txt", body.encode())], load_settings(store_dir=tmp_path_factory.mktemp("s")), use_cache=False)
    assert result.error is None
    for q in result.tables["quotes"]:
        assert body[q.start_char : q.end_char] == q.text
    for s in result.tables["sentences"]:
        assert body[s.start_char : s.end_char] == s.text


def test_seed_spans_are_exact(built_store):
    from dashboard.pipeline import store

    articles = {a.article_id: a.text for a in store.read_records(built_store, "articles")}
    for q in store.read_records(built_store, "quotes"):
        assert articles[q.article_id][q.start_char : q.end_char] == q.text
    for m in store.read_records(built_store, "place_mentions") + store.read_records(built_store, "actor_mentions"):
        assert articles[m.article_id][m.start_char : m.end_char] == m.surface

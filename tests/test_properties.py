"""Invariants that hold for any input: no crashes on arbitrary text, exact spans, idempotent cleaning."""

from pathlib import Path

import pytest
from hypothesis import example, given, settings
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


# --- quote spans: where the marks are -------------------------------------------------------

SPEECHY = st.lists(st.one_of(st.text(max_size=4), MARKS, st.sampled_from(["said: ", "Joe ", "we ", "„", "’s "])), max_size=40).map("".join)


@settings(max_examples=30, deadline=None)
@given(text=SPEECHY | st.text(max_size=200))
@example(text="”0”")  # Nordic: ” opens when a glued ” closes later
@example(text="»Wir bleiben.« Sie ging.")
def test_quote_spans_sit_between_quotation_marks_in_text_order(text):
    spans = find_quote_spans(text)
    for q in spans:
        assert 0 < q.start < q.end <= len(text)
        if q.kind == "carried":  # a paragraph of a quote that did not reopen its marks starts its line
            assert not text[text.rfind("\n", 0, q.start) + 1 : q.start].strip()
        else:
            # content starts right after an opening mark (Nordic and Danish copy open with ” and »)
            assert text[q.start - 1] in "“«„\"‘'”»"
        if not q.is_continued:
            assert text[q.end] in "”»“\"’'«"  # ... and ends right before its closing mark (German »…« too)
        for n in q.nested:
            assert q.start <= n.start < n.end <= q.end and n.outer is q
    assert [q.start for q in spans] == sorted(q.start for q in spans)
    assert len({(q.start, q.end) for q in spans}) == len(spans)


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("Joe Biden said: “We stand firm.”", ["We stand firm."], id="curly double"),
        pytest.param("“Not now,” she said. ‘Never,’ he said.", ["Not now,", "Never,"], id="double then single"),
        pytest.param("He said: « Nous restons »", [" Nous restons "], id="guillemets"),
        pytest.param("Sie sagte: „Wir bleiben“", ["Wir bleiben"], id="German low-high"),
        pytest.param("It was Poland’s border and the EU’s too.", [], id="apostrophes are not quotes"),
        pytest.param("No marks here at all.", [], id="no marks"),
    ],
)
def test_quote_spans_examples(text, expected):
    assert [text[q.start : q.end] for q in find_quote_spans(text)] == expected


# --- boilerplate: page-like lines -----------------------------------------------------------

PAGE_LINES = st.sampled_from([
    "Subscribe to our newsletter", "Read more: Poland closes border", "An icon of a bell An icon of a key",
    "Poland and Belarus", "He said: “We stand firm.”", "Why does it matter?", "", "  ", "Related: troops",
    "© 2021 Example", "Advertisement", "Comments", "3 comments", "Share this article", "Donate now", "Liz Truss in Kyiv",
]) | st.text(max_size=20)


@settings(max_examples=30, deadline=None)
@given(lines=st.lists(PAGE_LINES, max_size=12), sep=st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_boilerplate_is_blanked_in_place_and_idempotently(lines, sep):
    text = sep.join(lines)
    once = blank_boilerplate(text)
    assert len(once) == len(text)
    assert all(a == b or (b == " " and a not in "\r\n") for a, b in zip(text, once))  # only blanks, lines kept
    assert blank_boilerplate(once) == once


def test_boilerplate_is_actually_blanked():
    text = "Poland closes border\nSubscribe to our newsletter\nTroops gathered.\nRelated: troops\nRelated: troops\n"
    once = blank_boilerplate(text)
    assert once.split("\n") == ["Poland closes border", " " * 27, "Troops gathered.", " " * 15, " " * 15, ""]


def test_blanking_a_repeated_date_header_with_icons_is_idempotent():
    text = "date 2021-11-10 An icon of a bell An icon of a key\n" * 2
    once = blank_boilerplate(text)
    assert blank_boilerplate(once) == once


# --- exact spans on plain-text articles -----------------------------------------------------

FIXTURES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def fixture_results(tmp_path_factory):
    inputs = [(str(p), None) for p in FIXTURES] + [(str(p), None) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return process(inputs, load_settings(store_dir=tmp_path_factory.mktemp("s")), use_cache=False)


def test_every_span_is_exact_on_plain_text_fixtures_and_seeds(fixture_results):
    assert len(fixture_results) >= 10
    n_quotes = 0
    for r in fixture_results:
        assert r.error is None, (r.path, r.error)
        text = Path(r.path).read_bytes().decode("utf-8-sig")
        assert r.tables["articles"][0].text == text
        for q in r.tables["quotes"]:
            assert text[q.start_char : q.end_char] == q.text, (r.path, q.text)
            n_quotes += 1
        for s in r.tables["sentences"]:
            assert text[s.start_char : s.end_char] == s.text
        for m in r.tables["actor_mentions"] + r.tables["place_mentions"]:
            assert text[m.start_char : m.end_char] == m.surface
        for e in r.tables["events"]:
            assert 0 <= e.start_char < e.end_char <= len(text)
    assert n_quotes > 50

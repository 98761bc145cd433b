"""Exports are data, never code, and say what they show: CSV/JSON records, charts, citations and
the evidence pack, built from a store that holds a hostile article next to the seeds."""

import csv
import datetime as dt
import html
import io
import json
import re
import zipfile

import pandas as pd
import pytest

from dashboard.app import charts, exports, filters, maps, standalone_map
from dashboard.app.data import Store, timeline_bin
from dashboard.app.export_context import ExportContext, context_of
from dashboard.app.safe_text import FORMULA_TRIGGERS
from dashboard.pipeline import store
from dashboard.pipeline.schema import Event, Quote, columns, describe

FORMULAS = ("=cmd|' /C calc'!A0 we will defend the border,", "+SUM(1,2) is not a number", "-2+3 people crossed",
            "@everyone <img src=x onerror=window.__pwned=2>")
SCRIPT = "</script><script>window.__pwned=3</script>"
WHEN = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def views(hostile_store, tmp_path_factory):
    import shutil

    copy = tmp_path_factory.mktemp("exports") / "store"
    shutil.copytree(hostile_store, copy)
    with Store(copy) as db:
        yield db


@pytest.fixture(scope="module")
def view(views):
    o = views.options()
    state = filters.Filters(start=o.start, end=o.end)
    quotes, events, places = views.export_quotes(state), views.export_events(state), views.map_places(state)
    context = context_of(state, state, quotes, events, {}, now=WHEN)
    bin = timeline_bin(o.start, o.end)
    fig = charts.timeline_figure(views.timeline(state, "country", bin), o.start, o.end, bin, charts.group_colours(views.ranks("country")))
    return quotes, events, places, context, fig


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def text_columns(record_type, joined) -> list[str]:
    return [c for c, kind, _ in exports.codebook(record_type, joined) if kind not in ("whole number", "number", "true/false")]


# --- CSV: no formulas ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,record_type,joined,cols",
    [
        pytest.param("quotes", Quote, exports.QUOTE_JOINED, exports.QUOTE_EXPORT, id="quotes.csv"),
        pytest.param("events", Event, exports.EVENT_JOINED, exports.EVENT_EXPORT, id="events.csv"),
    ],
)
def test_no_text_cell_starts_like_a_formula(view, name, record_type, joined, cols):
    quotes, events, *_ = view
    frame = quotes if name == "quotes" else events
    rows = read_csv(exports.to_csv(frame, cols))
    cells = [row[c] for row in rows for c in text_columns(record_type, joined) if c in row]
    assert [c for c in cells if c.startswith(FORMULA_TRIGGERS)] == []
    neutralised = [c for c in cells if c.startswith("'") and c[1:].startswith(FORMULA_TRIGGERS)]
    assert len(neutralised) >= 4  # the hostile article's formulas are there, as text


def test_the_hostile_quotes_keep_their_words_behind_an_apostrophe(view):
    quotes, *_ = view
    texts = {row["text"] for row in read_csv(exports.to_csv(quotes, exports.QUOTE_EXPORT))}
    for formula in FORMULAS:
        assert any(t.startswith("'" + formula) for t in texts), formula
    titles = {row["title"] for row in read_csv(exports.to_csv(quotes, exports.QUOTE_EXPORT))}
    assert "'@SUM(1+1)*cmd|' /C calc'!A0 headline about the border" in titles


def test_numbers_stay_numbers_and_text_is_quoted():
    frame = pd.DataFrame([{
        "quote_id": "q1", "text": "-3", "start_char": -3, "confidence": 0.5, "outlet": "@SUM(1+1)*cmd|x",
        "title": "a; =1+1\tb", "outlets": ["=x", "Sky News"], "quote_date": dt.date(2021, 11, 10), "speaker": None,
    }])
    raw = exports.to_csv(frame, exports.QUOTE_EXPORT).decode()
    header, line = raw.splitlines()
    assert header == "quote_id,text,start_char,speaker,confidence,quote_date,outlets,outlet,title"  # schema order
    [row] = read_csv(raw.encode())
    assert row["text"] == "'-3" and row["outlet"] == "'@SUM(1+1)*cmd|x"  # text columns: always neutralised
    assert row["outlets"] == "'=x; Sky News"  # a joined list is one text cell, neutralised as a whole
    assert line.startswith('"q1","\'-3",-3,"",0.5,')  # numeric columns: bare numbers a spreadsheet can sum
    assert '"a; =1+1\tb"' in line  # a separator inside text never opens a cell, whatever the locale
    assert row["quote_date"] == "2021-11-10" and row["speaker"] == ""


def test_json_keeps_the_exact_words(view):
    quotes, events, *_ = view
    texts = {q["text"] for q in json.loads(exports.to_json(quotes, exports.QUOTE_EXPORT))}
    assert any(t.startswith(FORMULAS[0]) for t in texts)
    summaries = {e["summary"] for e in json.loads(exports.to_json(events, exports.EVENT_EXPORT))}
    assert any(SCRIPT in s for s in summaries)
    assert len(json.loads(exports.to_json(events, exports.EVENT_EXPORT))) == len(events)


# --- the codebook ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "record_type,joined,cols",
    [
        pytest.param(Quote, exports.QUOTE_JOINED, exports.QUOTE_EXPORT, id="quotes"),
        pytest.param(Event, exports.EVENT_JOINED, exports.EVENT_EXPORT, id="events"),
    ],
)
def test_every_exported_column_has_a_description_from_the_schema(record_type, joined, cols):
    book = {c: (kind, doc) for c, kind, doc in exports.codebook(record_type, joined)}
    assert list(book) == cols
    for col, doc in describe(record_type).items():
        assert book[col][1] == doc
    assert all(book[c][1] for c in cols)


@pytest.mark.parametrize(
    "record_type,col,kind",
    [
        pytest.param(Quote, "quote_date", "date (YYYY-MM-DD)", id="optional date"),
        pytest.param(Quote, "confidence", "number", id="float"),
        pytest.param(Quote, "start_char", "whole number", id="int"),
        pytest.param(Event, "is_date_fallback", "true/false", id="bool"),
        pytest.param(Event, "actor_ids", "list", id="list"),
        pytest.param(Quote, "speaker", "text", id="optional text"),
    ],
)
def test_codebook_kinds_come_from_the_field_types(record_type, col, kind):
    book = {c: k for c, k, _ in exports.codebook(record_type, {})}
    assert book[col] == kind


# --- citations ------------------------------------------------------------------------------------------------
def test_citations_never_print_nan_or_none():
    articles = pd.DataFrame([
        {"article_id": "a1", "path": "a.txt", "title": float("nan"), "outlet": None, "publication_date": None},
        {"article_id": "a2", "path": "b.txt", "title": None, "outlet": float("nan"), "publication_date": pd.NaT},
        {"article_id": "a3", "path": "c.txt", "title": "Headline\nwith a break", "outlet": "Sky News",
         "publication_date": dt.date(2021, 11, 14)},
    ])
    text = exports.citations(articles, {"a1", "a2", "a3"})
    assert not re.search(r"\b(nan|None|NaT)\b", text)
    assert "- (untitled). outlet not stated, date not stated. File: a.txt. Article id: a1." in text
    assert "- Headline with a break. Sky News, 2021-11-14. File: c.txt. Article id: a3." in text


# --- charts ----------------------------------------------------------------------------------------------------
CONTEXT = ExportContext(filters=("Search in quotes: “<b>x</b>”",), start=dt.date(2021, 11, 10), end=dt.date(2022, 1, 21),
                        n_quotes=62, n_events=83, n_articles=6, n_outlets=3, exported_at=WHEN)


def annotation_texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_an_exported_chart_says_what_it_shows(view):
    *_, fig = view
    out = exports.annotated_figure(fig, CONTEXT)
    assert "Events and quotes per" in out.layout.title.text
    texts = annotation_texts(out)
    for line in CONTEXT.lines():
        assert line.replace("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;") in texts
    assert out.layout.margin.t >= 34 + 17 * len(texts)  # the lines sit above the plot, not on it
    assert not fig.layout.annotations  # the page's own figure is left alone


def test_untrusted_trace_names_are_escaped_for_plotly(view):
    *_, fig = view
    fig = fig.to_dict()
    fig["data"][0]["name"] = "<a href='javascript:alert(1)'>x</a>"
    import plotly.graph_objects as go

    out = exports.annotated_figure(go.Figure(fig), CONTEXT)
    assert out.data[0].name == "&lt;a href='javascript:alert(1)'&gt;x&lt;/a&gt;"


def test_the_chart_html_opens_offline_and_carries_its_context(view):
    *_, fig = view
    page = exports.figure_html(fig, CONTEXT).decode()
    assert 'src="http' not in page and len(page) > 1_000_000  # plotly.js inlined, no script from a CDN
    assert "<title>Events and quotes per week</title>" in page  # the page's own title: ten weeks, weekly bars
    assert "Made with the Geopolitical timeline dashboard" in page and "62 quote(s) and 83 event(s)" in page


@pytest.mark.skipif(not exports.images_available(), reason="no local Chromium for kaleido (make test installs it)")
def test_the_chart_svg_carries_title_filters_dates_sources_and_made_with(view):
    *_, fig = view
    svg = exports.figure_image(fig, "svg", CONTEXT).decode()
    words = html.unescape(re.sub(r"<[^>]+>", "", svg))  # the text a reader sees
    for text in ("Events and quotes per week", "Dates: 2021-11-10 to 2022-01-21", "62 quote(s) and 83 event(s) from 6 article(s)",
                 "Filters: Search in quotes: “<b>x</b>”", "Made with the Geopolitical timeline dashboard"):
        assert text in words, text
    png = exports.figure_image(fig, "png", CONTEXT)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


# --- the evidence pack -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pack(view, views):
    quotes, events, places, context, fig = view
    types = views.options().event_types
    map_html = standalone_map.map_html(maps.build_deck(places, types, standalone=True), context)
    articles = views.articles(set(quotes["article_id"]) | set(events["article_id"]))
    return zipfile.ZipFile(io.BytesIO(exports.evidence_pack(quotes, events, articles, fig, map_html, context, with_images=False)))


def test_the_pack_holds_every_file_the_readme_lists(pack):
    names = pack.namelist()
    assert names[0] == "README.txt"
    assert {"quotes.csv", "quotes.json", "events.csv", "events.json", "citations.txt", "timeline.html", "map.html"} <= set(names)
    readme = pack.read("README.txt").decode()
    for name in names[1:]:
        assert f"  {name} " in readme


def test_the_pack_csv_and_html_are_inert(pack):
    rows = read_csv(pack.read("quotes.csv")) + read_csv(pack.read("events.csv"))
    texts = [v for row in rows for k, v in row.items() if k in ("text", "summary", "title", "outlet", "speaker")]
    assert [t for t in texts if t.startswith(FORMULA_TRIGGERS)] == []
    for name in ("map.html", "timeline.html"):
        assert SCRIPT.encode() not in pack.read(name), name
    assert b"window.__pwned=3" in pack.read("map.html")  # the sentence is there, as data


def test_the_readme_is_written_for_a_person(pack, view):
    quotes, events, *_ = view
    readme = pack.read("README.txt").decode()
    assert "Filters: none (every record in the store)." in readme
    assert f"{len(quotes)} quote(s) and {len(events)} event(s) from 6 article(s)" in readme
    assert "{" not in readme and "None" not in readme  # no Python dict, no missing value printed raw
    for header in ("Codebook of quotes.csv", "Codebook of events.csv", "How to cite", "Reading the CSV files"):
        assert header in readme
    codebook_cols = set(re.findall(r"^  (\w+) +[A-Za-z/ ()-]+: ", readme, flags=re.M))
    csv_cols = set(read_csv(pack.read("quotes.csv"))[0]) | set(read_csv(pack.read("events.csv"))[0])
    assert csv_cols <= codebook_cols  # every exported column explained
    assert describe(Quote)["speaker_surface"] in readme


def test_the_pack_cites_its_sources_without_nan(pack):
    text = pack.read("citations.txt").decode()
    assert "Liz Truss calls on Putin" in text
    assert not re.search(r"\b(nan|None)\b", text)
    assert len([line for line in text.splitlines() if line.startswith("- ")]) == 6


def test_export_columns_come_from_the_schema():
    assert exports.QUOTE_EXPORT[: len(columns(Quote))] == columns(Quote)
    assert exports.EVENT_EXPORT[: len(columns(Event))] == columns(Event)

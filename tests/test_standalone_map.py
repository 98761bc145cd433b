"""The map as one HTML file: deck.gl, borders and records inside it, article text inert.
(test_browser_exports.py opens it in Chromium with the network blocked.)"""

import datetime as dt
import json
import re

import pytest

from dashboard.app import filters, maps, standalone_map
from dashboard.app.data import Store
from dashboard.app.export_context import ExportContext
from dashboard.pipeline import store

PAYLOAD = "</script><script>window.__pwned=3</script>"
CONTEXT = ExportContext(
    filters=("Search in quotes: “<b>x</b> & </script>”",), start=dt.date(2021, 11, 10), end=dt.date(2022, 1, 21),
    n_quotes=3, n_events=4, n_articles=2, n_outlets=1, exported_at=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.timezone.utc),
)


@pytest.fixture(scope="module")
def hostile(hostile_store, tmp_path_factory):
    import shutil

    copy = tmp_path_factory.mktemp("standalone") / "store"
    shutil.copytree(hostile_store, copy)
    with Store(copy) as db:
        o = db.options()
        places = db.map_places(filters.Filters(start=o.start, end=o.end))
    return places, o.event_types


@pytest.fixture(scope="module")
def page(hostile):
    places, types = hostile
    return standalone_map.map_html(maps.build_deck(places, types, standalone=True), CONTEXT, legend="Colours: <i>x</i>")


def scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, flags=re.S)


def without_library(page: str) -> str:
    """The page with the deck.gl library's text left out (its code mentions tags and URLs)."""
    return page.replace(scripts(page)[0], "", 1)


def json_input(page: str) -> dict:
    data = re.search(r"const jsonInput = (.*?);\n", page, flags=re.S).group(1)
    return json.loads(data)


def test_the_hostile_sentence_is_in_the_map_data(page):
    labels = [row["label"] for layer in json_input(page)["layers"] if isinstance(layer.get("data"), list) for row in layer["data"] if "label" in row]
    assert any(PAYLOAD in label for label in labels)  # the data carry it (as data)…


def test_no_article_text_can_end_a_script_element(page):
    assert PAYLOAD not in page and "window.__pwned=3" in page  # …but never as markup
    # Two script elements: the library and the deck; nothing in the data opens a third.
    assert len(re.findall(r"<script\b", without_library(page), flags=re.I)) == 2
    data_script = scripts(page)[1]
    assert not set(data_script.split("const jsonInput = ", 1)[1]) & {"<", ">", "&", "\u2028", "\u2029"}


def test_any_layer_data_round_trips_as_escaped_json():
    import pydeck as pdk

    label = "line\u2028para\u2029 <!-- </SCRIPT> & <img src=x onerror=alert(1)>"
    layer = pdk.Layer("ScatterplotLayer", [{"label": label, "lon": 27.0, "lat": 53.0}], id="x", get_position=["lon", "lat"])
    page = standalone_map.map_html(pdk.Deck(layers=[layer], tooltip={"text": "{label}"}), CONTEXT)
    data_script = scripts(page)[1].split("const jsonInput = ", 1)[1]
    assert not set(data_script) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json_input(page)["layers"][0]["data"] == [{"label": label, "lon": 27.0, "lat": 53.0}]


def test_the_file_fetches_nothing(page):
    assert not re.search(r"""(?:src|href)\s*=""", without_library(page), flags=re.I)
    assert "<link" not in without_library(page)
    spec = json_input(page)
    assert spec["mapStyle"] == "" and "mapProvider" not in spec
    assert all(not isinstance(layer.get("data"), str) for layer in spec["layers"])


def test_the_library_and_the_borders_are_inline(page):
    library = scripts(page)[0]
    assert len(library) > 1_000_000 and "createDeck" in library
    [borders] = [layer for layer in json_input(page)["layers"] if layer["id"] == "borders"]
    assert borders["data"]["type"] == "FeatureCollection"
    assert len(borders["data"]["features"]) == len(maps.borders()["features"]) > 10


def test_the_header_says_what_the_map_shows_in_escaped_text(page):
    assert "<title>Map of events and places</title>" in page
    for line in ("Dates: 2021-11-10 to 2022-01-21", "3 quote(s) and 4 event(s) from 2 article(s) by 1 outlet(s)",
                 "Made with the Geopolitical timeline dashboard"):
        assert line in page
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;/script&gt;" in page and "<b>x</b>" not in page
    assert "Colours: &lt;i&gt;x&lt;/i&gt;" in page


def test_the_on_page_deck_is_made_standalone_too(hostile):
    """A deck that points at the app's served files (the city names) gets them inlined, and its basemap dropped."""
    places, types = hostile
    spec = standalone_map.deck_spec(maps.build_deck(places, types))
    [cities] = [layer for layer in spec["layers"] if layer["id"] == "cities"]
    assert cities["data"] == maps.city_rows() and spec["mapStyle"] == ""


def test_a_layer_that_would_fetch_data_is_refused():
    import pydeck as pdk

    deck = pdk.Deck(layers=[pdk.Layer("GeoJsonLayer", "https://example.org/x.geojson", id="remote")])
    with pytest.raises(ValueError, match="remote"):
        standalone_map.deck_spec(deck)


@pytest.mark.parametrize(
    "tooltip,expected",
    [
        pytest.param({"text": "{label}"}, {"text": "{label}"}, id="text tooltip kept"),
        pytest.param({"html": "<b>{label}</b>", "text": "{label}"}, {"text": "{label}"}, id="html dropped"),
        pytest.param({"html": "<b>{label}</b>"}, True, id="html only: default text tooltip"),
        pytest.param(False, False, id="no tooltip"),
    ],
)
def test_only_plain_text_tooltips(tooltip, expected):
    import pydeck as pdk

    assert standalone_map._tooltip(pdk.Deck(layers=[], tooltip=tooltip)) == expected

"""The dashboard's helpers: the DuckDB data layer, filters, URL state, escaping, charts, map points, exports."""

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.app import cards, charts, exports, filters, maps
from dashboard.app.data import Store, timeline_bin
from dashboard.pipeline import store


@pytest.fixture(scope="module")
def db(built_store, tmp_path_factory):
    copy = tmp_path_factory.mktemp("helpers") / "store"
    import shutil

    shutil.copytree(built_store, copy)
    with Store(copy) as opened:
        yield opened


@pytest.fixture(scope="module")
def everything(db):
    o = db.options()
    return filters.Filters(start=o.start, end=o.end)


def test_counts_carry_every_stored_quote_and_event(db, everything, built_store):
    frames = store.read_frames(built_store)
    counts = db.counts(everything)
    assert counts.quotes == len(frames["quotes"]) > 0
    assert counts.events == len(frames["events"]) > 0
    assert set(db.options().outlets) >= {"Press Association", "Sky News"}


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param("<script>alert(1)</script>", id="script tag"),
        pytest.param("<img src=x onerror=alert(1)>", id="img onerror"),
        pytest.param("[click](javascript:alert(1))", id="markdown link"),
        pytest.param("costs $5$ and $x^2$", id="latex"),
        pytest.param("**bold** and _it_", id="emphasis"),
        pytest.param(":red[alarm] :material/home:", id="streamlit directives"),
    ],
)
def test_escaping_leaves_no_markup(payload):
    escaped = cards.escape_markdown(payload)
    for ch in "<>[]()$*_:":
        assert f"\\{ch}" in escaped or ch not in payload
    # Unescaping gives back exactly the original text.
    assert escaped.replace("\\", "") == payload.replace("\\", "")


def test_url_state_round_trips():
    defaults = filters.Filters(start=dt.date(2021, 11, 1), end=dt.date(2022, 1, 31))
    state = filters.Filters(
        start=dt.date(2021, 11, 10), end=dt.date(2021, 12, 31), include_undated=False, actors=("Liz Truss",),
        actor_mode=filters.TALKED_ABOUT, countries=("BY", "PL"), outlets=("Sky News",), types=("warning",),
        search="border", page=3,
    )
    query = filters.to_query(state, defaults)
    params = {k: v if isinstance(v, list) else [v] for k, v in query.items()}
    assert filters.from_query(params, defaults) == state
    assert filters.to_query(defaults, defaults) == {}


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"from": ["not-a-date"]}, id="bad date"),
        pytest.param({"from": ["2030-01-01"], "to": ["2020-01-01"]}, id="inverted range"),
        pytest.param({"page": ["-4"]}, id="negative page"),
    ],
)
def test_bad_url_values_fall_back_to_defaults(params):
    defaults = filters.Filters(start=dt.date(2021, 11, 1), end=dt.date(2022, 1, 31))
    got = filters.from_query(params, defaults)
    assert (got.start, got.end, got.page) == (defaults.start, defaults.end, 1)


def test_filters_narrow_the_records(db, everything):
    from dataclasses import replace

    page = lambda f, n=100: db.quote_page(f, 1, n)  # noqa: E731
    all_quotes = db.counts(everything).quotes
    truss = page(replace(everything, actors=("Liz Truss",)))
    assert 0 < len(truss) < all_quotes
    assert set(truss["speaker"]) == {"Liz Truss"}
    about = page(replace(everything, actors=("Vladimir Putin",), actor_mode=filters.TALKED_ABOUT))
    assert len(about) > 0 and "Vladimir Putin" not in set(about["speaker"])
    lo = everything.start
    dated_only = page(replace(everything, end=lo, include_undated=False))
    assert set(dated_only["quote_date"]) == {lo}
    searched = page(replace(everything, search="quagmire"))
    assert len(searched) == 1 and "quagmire" in searched.iloc[0]["text"]
    sky = replace(everything, outlets=("Sky News",))
    assert set(page(sky)["outlet"]) == {"Sky News"}
    assert set(db.export_events(sky)["outlet"]) == {"Sky News"}
    assert db.counts(sky).outlets == 1


def test_pages_follow_the_sort(db, everything):
    by_outlets = db.quote_page(everything, 1, 200, sort="corroboration")
    assert list(by_outlets["n_outlets"]) == sorted(by_outlets["n_outlets"], reverse=True)
    by_speaker = db.quote_page(everything, 1, 200, sort="speaker")
    assert list(by_speaker["speaker"]) == sorted(by_speaker["speaker"])
    first, second = db.quote_page(everything, 1, 8), db.quote_page(everything, 2, 8)
    assert not set(first["quote_id"]) & set(second["quote_id"])


def test_each_record_is_on_the_timeline_once(db, everything):
    from dataclasses import replace

    dated = replace(everything, include_undated=False)
    counts = db.counts(dated)
    for by in ("country", "actor"):
        binned = db.timeline(dated, by, timeline_bin(dated.start, dated.end))
        assert binned.loc[binned["kind"] == "quote", "count"].sum() == counts.quotes
        assert binned.loc[binned["kind"] == "event", "count"].sum() == counts.events
        fig = charts.timeline_figure(binned, dated.start, dated.end, timeline_bin(dated.start, dated.end),
                                     charts.group_colours(db.ranks(by)))
        assert charts.plotted_total(fig) == counts.quotes + counts.events  # the bars add up to the records
        assert fig.layout.xaxis.range is not None  # the chart's range follows the date slider


@pytest.mark.parametrize(
    "days,expected",
    [pytest.param(10, "day", id="ten days"), pytest.param(62, "day", id="two months"),
     pytest.param(120, "week", id="four months"), pytest.param(900, "month", id="years")],
)
def test_bins_follow_the_range(days, expected):
    start = dt.date(2021, 11, 1)
    assert timeline_bin(start, start + dt.timedelta(days=days)) == expected


def test_group_colours_do_not_change_with_the_filters():
    ranked = ["Belarus", "Poland", "Ukraine", "Russia", "Lithuania", "Latvia", "Germany"]
    colours = charts.group_colours(ranked)
    view = pd.DataFrame({"bin": [dt.date(2021, 11, 1)] * 3, "group": ["Poland", "Germany", "Ukraine"],
                         "kind": "event", "count": [5, 9, 1]})
    shown = charts.shown_groups(view, colours)
    assert shown["Poland"] == colours["Poland"] and shown["Ukraine"] == colours["Ukraine"]  # fixed
    assert shown["Germany"] not in (colours["Poland"], colours["Ukraine"])  # a free colour, never a taken one


def _luminance(hex_colour):
    c = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


@pytest.mark.parametrize("background", [pytest.param("#FFFFFF", id="light"), pytest.param("#0E1117", id="dark")])
def test_palette_contrast_is_at_least_3_to_1(background):
    for colour in charts.PALETTE + [charts.OTHER]:
        hi, lo = sorted([_luminance(colour), _luminance(background)], reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 3.0, colour


def test_chart_selection_becomes_a_date_range():
    box = {"box": [{"x": ["2021-11-03 12:00", "2021-11-20 08:00"]}], "points": []}
    assert charts.selected_range(box) == (dt.date(2021, 11, 3), dt.date(2021, 11, 20))
    clicked = {"box": [], "points": [{"x": "2021-11-04T12:00", "customdata": "2021-11-01 – 2021-11-07"}]}
    assert charts.selected_range(clicked) == (dt.date(2021, 11, 1), dt.date(2021, 11, 7))
    assert charts.selected_range({"box": [], "points": []}) is None


def test_map_places_are_markers_in_pixels_and_regions_are_listed(db, everything):
    places = db.map_places(everything)
    located, mentioned, macro = maps.map_points(places, db.options().event_types)
    assert "Grodno Region" in set(located["name"])
    areas = set(places.loc[places["feature"] == "area", "name"])
    assert areas and set(macro) == areas  # continents and macro-regions are listed…
    assert not areas & (set(located["name"]) | set(mentioned["name"]))  # …not drawn
    assert located["radius"].between(maps.MIN_PX, maps.MAX_PX).all()
    for marker in located.itertuples():  # a tooltip speaks of its own place first
        assert marker.label.startswith(marker.name.split(" +")[0])
    deck = json.loads(maps.build_deck(places, db.options().event_types).to_json())
    assert deck["mapStyle"] == maps.MAP_STYLE_URL  # never a remote basemap
    assert all(l.get("radiusUnits") == "pixels" for l in deck["layers"] if l["@@type"] == "ScatterplotLayer")


def test_the_basemap_is_local_and_draws_land_and_borders():
    """MapLibre draws sea, land and borders from the served borders file (never a remote style or
    tile), so Streamlit's fading of deck.gl layers around a selected marker leaves them alone."""
    style = json.loads((maps.STATIC / "map_style.json").read_text(encoding="utf-8"))
    assert {s["data"] for s in style["sources"].values()} == {maps.BORDERS_URL}
    assert [layer["type"] for layer in style["layers"]] == ["background", "fill", "line"]
    deck = json.loads(maps.build_deck(pd.DataFrame(), []).to_json())
    assert "GeoJsonLayer" not in {layer["@@type"] for layer in deck["layers"]}


def test_the_served_city_names_are_the_gazetteers():
    """static/region_cities.json is what scripts/make_region_cities.py writes from city_labels."""
    assert json.loads(maps.CITIES_FILE.read_text(encoding="utf-8")) == maps.city_rows()


def test_the_deck_sends_markers_compactly(db, everything):
    """Only what the browser uses of a marker, without indentation: the deck is sent on every rerun."""
    places = db.map_places(everything)
    text = maps.build_deck(places, db.options().event_types).to_json()
    spec = json.loads(text)
    [markers] = [layer for layer in spec["layers"] if layer["id"] == "places"]
    assert set(markers["data"][0]) == set(maps.MARKER_COLUMNS)
    assert "\n" not in text and text.startswith('{"')


def test_a_place_filter_narrows_the_records_to_that_place(db, everything):
    from dataclasses import replace

    grodno = next(p for p, n in db.options().places.items() if n == "Grodno Region")
    at = db.counts(replace(everything, place=grodno))
    assert 0 < at.quotes + at.events < db.counts(everything).quotes + db.counts(everything).events


def test_web_page_context_is_readable_text(tmp_path, request):
    from dashboard.synth import synth_store

    synth_store(tmp_path, 400, seed=3)  # a fifth of its articles are web pages with spans into the markup
    db = Store(tmp_path)
    request.addfinalizer(db.close)
    o = db.options()
    rows = db.quote_page(filters.Filters(start=o.start, end=o.end), 1, 400)
    rows = rows[rows["is_html"]]
    assert len(rows)
    for q in rows.itertuples():
        before, sentence, after = db.contexts(rows)[q.quote_id]
        assert "<" not in before + sentence + after and q.text in sentence


@pytest.mark.parametrize("count,expected", [pytest.param(0, maps.MIN_PX, id="none"), pytest.param(100, maps.MAX_PX, id="largest")])
def test_marker_radius_is_clamped(count, expected):
    assert maps.radius_px(count, 100) == expected


def test_grid_aggregation_above_the_point_limit(db, everything):
    full = db.map_places(everything)
    gridded = db.map_places(everything, max_points=5, grid_degrees=10)
    assert len(gridded) < len(full) and gridded["count"].sum() == full["count"].sum()


def test_who_speaks_about_whom(db, everything):
    pairs = db.speaks_about(everything, "actor")
    assert len(pairs) and (pairs["speaker"] != pairs["about"]).all()
    top = pairs.iloc[0]
    from dataclasses import replace

    narrowed = replace(everything, actors=(top["speaker"],), about=db.actor_ids[top["about"]])
    assert db.counts(narrowed).quotes == top["count"]  # the click-through shows exactly that cell's quotes


def test_exports_read_every_matching_record(db, everything):
    from dataclasses import replace

    sky = replace(everything, outlets=("Sky News",))
    quotes, events = db.export_quotes(sky), db.export_events(sky)
    assert (len(quotes), len(events)) == (db.counts(sky).quotes, db.counts(sky).events)
    assert set(exports.QUOTE_EXPORT) <= set(quotes.columns) and set(exports.EVENT_EXPORT) <= set(events.columns)
    assert set(db.articles(set(quotes["article_id"]))["article_id"]) == set(quotes["article_id"])


def test_page_slices():
    assert cards.page_count(0, 8) == 1 and cards.page_count(17, 8) == 3
    assert cards.page_slice(17, 3, 8) == slice(16, 17)
    assert cards.page_slice(17, 99, 8) == slice(16, 17)


@pytest.mark.parametrize(
    "day,expected",
    [
        pytest.param(dt.date(2021, 12, 8), "Foreign Secretary", id="in office"),
        pytest.param(dt.date(2022, 10, 1), "Prime Minister", id="later role"),
        pytest.param(dt.date(2023, 1, 1), None, id="out of office"),
    ],
)
def test_role_held_on_a_day(day, expected):
    from dashboard.app.data import role_on

    roles = ["Foreign Secretary (2021-09-15–2022-09-06)", "Prime Minister (2022-09-06–2022-10-25)"]
    assert role_on(roles, day) == expected


def test_source_excerpt_stays_below_the_page_furniture():
    text = "Icon icon icon boilerplate\nHeadline\n\nBody one. She said “yes” today.\n\nBody two."
    start = text.index("yes")
    before, sentence, after = cards.source_excerpt(text, start, start + 3, text.index("She"), text.index("today.") + 6,
                                                   body_start=text.index("Body one"))
    assert before == "Body one. " and sentence == "She said “yes” today." and after.startswith("\n\nBody two")


@pytest.mark.parametrize(
    "name,expected",
    [
        pytest.param("article.txt", "article.txt", id="plain"),
        pytest.param("../../etc/passwd", "passwd.txt", id="path traversal"),
        pytest.param("C:\\Users\\me\\news.html", "news.html", id="windows path"),
        pytest.param(".hidden.htm", "hidden.htm", id="leading dot"),
        pytest.param("<img src=x onerror=alert(1)>.txt", "_img_src_x_onerror_alert_1_.txt", id="markup in name"),
        pytest.param("", "upload.txt", id="empty"),
    ],
)
def test_upload_names_are_made_safe(name, expected):
    from dashboard.app import uploads

    assert uploads.safe_name(name) == expected


def test_uploads_are_kept_without_overwriting_a_different_file(tmp_path):
    from dashboard.app import uploads

    first = uploads.save_upload(tmp_path, "a.txt", b"one")
    again = uploads.save_upload(tmp_path, "a.txt", b"one")
    other = uploads.save_upload(tmp_path, "../a.txt", b"two")
    assert first == again == tmp_path / "uploads" / "a.txt"
    assert other.parent == first.parent and other != first and other.read_bytes() == b"two"
    assert uploads.uploaded_files(tmp_path) == sorted([first, other])


def test_map_colours_are_never_reused_and_the_key_names_them():
    types = [f"type{i}" for i in range(10)]
    colours = maps.type_colours(types)
    n = len(charts.PALETTE)
    named = [tuple(colours[t]) for t in types[:n]]
    assert len(set(named)) == n  # distinct colour-blind-safe colours…
    assert colours[f"type{n}"] == colours["type9"] == maps.OTHER_RGB  # …then grey, not a repeat
    assert maps.legend_text(types, {"type0", "type9"}) == "Colours: blue = type0; grey = other types."
    assert maps.legend_text(types, set()) == "No event places match the filters."


@pytest.mark.parametrize(
    "mention,speaker,expected",
    [
        ("governing_cue", "role", "found by the reporting verb of the quote; speaker from a role (governing_cue/role)"),
        ("continuation", "pronoun", "found by continues the quote before it; speaker from a pronoun (continuation/pronoun)"),
        ("last_speaker", "name", "found by a guess: the person quoted last; speaker from a name (last_speaker/name)"),
        ("none", "none", "found by no words name the speaker (none/none)"),
        ("a_new_sieve", "another_one", "found by a new sieve; speaker from another one (a_new_sieve/another_one)"),
        (None, None, ""),
        (float("nan"), "", ""),
    ],
)
def test_attribution_provenance_in_words(mention, speaker, expected):
    assert cards.attribution_words(mention, speaker) == expected


def test_every_sieve_has_words_on_the_card():
    from dashboard.pipeline.attribution import ALL_SIEVES, CONFIDENCE
    from dashboard.pipeline.speakers import SPEAKER_SIEVES

    assert set(ALL_SIEVES) <= set(cards.MENTION_WORDS)
    assert {s.__name__ for s in SPEAKER_SIEVES} <= set(cards.SPEAKER_WORDS)
    assert {k for k in CONFIDENCE if k not in ALL_SIEVES} <= set(cards.MENTION_WORDS) | set(cards.SPEAKER_WORDS)

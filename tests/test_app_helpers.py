"""The dashboard's pure helpers: filters, URL state, escaping, charts, map points (exports: test_exports.py)."""

import datetime as dt
import json

import pytest

from dashboard.app import cards, charts, filters, maps
from dashboard.app.data import build_views
from dashboard.pipeline import store


@pytest.fixture(scope="module")
def views(built_store):
    return build_views(store.read_frames(built_store))


def test_views_carry_every_stored_quote_and_event(views, built_store):
    frames = store.read_frames(built_store)
    assert len(views.quotes) == len(frames["quotes"]) > 0
    assert len(views.events) == len(frames["events"]) > 0
    assert set(views.quotes["outlet"]) >= {"Press Association", "Sky News"}


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


def test_filters_narrow_the_views(views):
    lo, hi = filters.date_bounds(views)
    everything = filters.Filters(start=lo, end=hi)
    q_all, e_all, _ = filters.apply_filters(views, everything)
    truss, _, _ = filters.apply_filters(views, filters.Filters(start=lo, end=hi, actors=("Liz Truss",)))
    assert 0 < len(truss) < len(q_all)
    assert set(truss["speaker"]) == {"Liz Truss"}
    about, _, _ = filters.apply_filters(views, filters.Filters(start=lo, end=hi, actors=("Vladimir Putin",), actor_mode=filters.TALKED_ABOUT))
    assert len(about) > 0 and "Vladimir Putin" not in set(about["speaker"])
    dated_only, _, _ = filters.apply_filters(views, filters.Filters(start=lo, end=lo, include_undated=False))
    assert set(dated_only["quote_date"]) == {lo}
    searched, _, _ = filters.apply_filters(views, filters.Filters(start=lo, end=hi, search="quagmire"))
    assert len(searched) == 1 and "quagmire" in searched.iloc[0]["text"]
    sky, sky_events, _ = filters.apply_filters(views, filters.Filters(start=lo, end=hi, outlets=("Sky News",)))
    assert set(sky["outlet"]) == {"Sky News"} and set(sky_events["outlet"]) == {"Sky News"}


def test_timeline_counts_match_the_filtered_records(views):
    lo, hi = filters.date_bounds(views)
    quotes, events, _ = filters.apply_filters(views, filters.Filters(start=lo, end=hi, include_undated=False))
    counts = charts.timeline_counts(quotes, events, "actor", {})
    assert counts.loc[counts["kind"] == "quotes", "count"].sum() == len(quotes)
    fig = charts.timeline_figure(counts, lo, hi)
    assert len(fig.data) > 0
    assert fig.layout.xaxis.range is not None  # the chart's range follows the date slider


def test_map_points_separate_events_from_mentions(views):
    lo, hi = filters.date_bounds(views)
    quotes, events, places = filters.apply_filters(views, filters.Filters(start=lo, end=hi))
    event_points, mention_points = maps.map_points(places, events)
    assert "Grodno Region" in set(event_points["name"])
    assert len(mention_points) > 0
    assert event_points["radius"].min() > 0
    deck = maps.build_deck(places, events, sorted(set(events["event_type"])))
    spec = json.loads(deck.to_json())
    assert spec["mapStyle"] == maps.MAP_STYLE_URL  # never a remote basemap


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
    named = [tuple(colours[t]) for t in types[:8]]
    assert len(set(named)) == 8  # eight distinct Okabe–Ito colours…
    assert colours["type8"] == colours["type9"] == maps.OTHER_RGB  # …then grey, not a repeat
    assert maps.legend_text(types, {"type0", "type9"}) == "Colours: blue = type0; grey = other types."
    assert maps.legend_text(types, set()) == "No event places match the filters."

"""The dashboard driven through Streamlit's AppTest: filters, URL state, uploads, injection, errors."""

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app" / "streamlit_app.py")
INJECTION = (
    "Evil News\n\nA headline\n\n"
    'Joe Biden said: “<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) '
    'costs $5$ and **bold** :red[alarm]”\n'
)


@pytest.fixture
def store_copy(built_store, tmp_path, monkeypatch):
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    monkeypatch.setenv("DASHBOARD_STORE_DIR", str(target))
    return target


@pytest.fixture
def app(store_copy):
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at, label):
    return int(str(next(m.value for m in at.metric if m.label == label)).split()[0].replace(",", ""))


def url(at, key):
    value = at.query_params.get(key, [])
    return value if isinstance(value, list) else [value]


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def card_speakers(at):
    return [m.value for m in at.markdown if m.value.startswith("**")]


def test_opens_with_every_record(app, built_store):
    from dashboard.pipeline import store

    frames = store.read_frames(built_store)
    assert metric(app, "Matching quotes") == len(frames["quotes"])
    assert metric(app, "Matching events") == len(frames["events"])
    assert any("Coverage: this view rests on 5 article(s)" in c.value for c in app.caption)
    assert len(card_speakers(app)) == 8  # first page of cards


def test_actor_filter_changes_counts_cards_and_url(app):
    before = metric(app, "Matching quotes")
    app.multiselect(key="actors").set_value(["Liz Truss"]).run()
    after = metric(app, "Matching quotes")
    assert 0 < after < before
    assert all(s.startswith("**Liz Truss**") for s in card_speakers(app))
    assert url(app, "actor") == ["Liz Truss"]


def test_talked_about_switch(app):
    app.multiselect(key="actors").set_value(["Alexander Lukashenko"]).run()
    speaks = metric(app, "Matching quotes")
    app.radio(key="mode").set_value("talked about").run()
    about = metric(app, "Matching quotes")
    assert speaks == 0 and about > 0  # Lukashenko is only talked about in these seeds, never quoted
    assert url(app, "mode") == ["about"]


def test_date_slider_narrows_and_the_chart_follows(app):
    lo, hi = app.slider(key="dates").value
    app.checkbox(key="undated").uncheck()
    app.slider(key="dates").set_value((lo, lo)).run()
    assert metric(app, "Matching quotes") < 58
    assert url(app, "to") == [lo.isoformat()]
    chart = app.get("plotly_chart")[0]
    assert lo.isoformat() in chart.proto.spec  # the x-axis range is the slider's range


def test_url_reopens_the_same_view(store_copy):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["actor"] = "Liz Truss"
    at.query_params["to"] = "2021-12-31"
    at.query_params["undated"] = "0"
    at.run()
    assert at.multiselect(key="actors").value == ["Liz Truss"]
    assert at.slider(key="dates").value[1] == dt.date(2021, 12, 31)
    assert not at.checkbox(key="undated").value
    assert all(s.startswith("**Liz Truss**") for s in card_speakers(at))


def test_search_and_type_filters(app):
    app.text_input(key="search").set_value("quagmire").run()
    assert metric(app, "Matching quotes") == 1
    app.text_input(key="search").set_value("").run()
    app.multiselect(key="types").set_value(["warning"]).run()
    assert metric(app, "Matching events") >= 1
    assert url(app, "type") == ["warning"]


def test_upload_adds_an_article(app, store_copy):
    before = metric(app, "Matching quotes")
    text = "Test Outlet\n\nA new headline about the border\n\nAndrzej Duda said: “The border is safe and will stay closed.”\n"
    app.file_uploader(key="upload").set_value(("new.txt", text.encode(), "text/plain")).run()
    app.button(key="add").click().run()
    assert not app.exception
    assert metric(app, "Matching quotes") == before + 1
    assert any("new.txt added" in unescape(s.value) for s in app.success)
    assert (store_copy / "uploads" / "new.txt").read_bytes() == text.encode()  # kept for later rebuilds


@pytest.mark.parametrize(
    "name,data,reason",
    [
        pytest.param("empty.txt", b"", "empty", id="empty file"),
        pytest.param("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary", id="PNG renamed"),
    ],
)
def test_bad_upload_is_refused_and_nothing_changes(app, store_copy, name, data, reason):
    before = metric(app, "Matching quotes")
    snapshot = (store_copy / "CURRENT").read_text()
    app.file_uploader(key="upload").set_value((name, data, "text/plain")).run()
    app.button(key="add").click().run()
    assert any(name in unescape(e.value) and reason in e.value for e in app.error)
    assert not (store_copy / "uploads").exists()
    assert metric(app, "Matching quotes") == before
    assert (store_copy / "CURRENT").read_text() == snapshot


def test_injection_payloads_show_as_literal_text(app):
    app.file_uploader(key="upload").set_value(("evil.txt", INJECTION.encode(), "text/plain")).run()
    app.button(key="add").click().run()
    app.text_input(key="search").set_value("onerror").run()
    quotes = [m.value for m in app.markdown if m.value.startswith("“")]
    assert len(quotes) == 1
    body = quotes[0][1:-1]  # inside our own quotation marks
    assert not re.search(r"(?<!\\)[<>\[\]()$*:]", body)  # every markup character is escaped…
    assert body.replace("\\", "").endswith(":red[alarm]")  # …and the words are all there
    assert not app.get("html")  # nothing is rendered as raw HTML


def test_missing_store_gives_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("DASHBOARD_STORE_DIR", str(tmp_path / "nothing-here"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any("cannot be opened" in e.value for e in at.error)
    assert any("make data" in i.value for i in at.info)


def test_corrupt_store_gives_a_clear_message(store_copy):
    snap = store_copy / (store_copy / "CURRENT").read_text().strip()
    (snap / "quotes.parquet").write_bytes(b"not parquet")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any("unreadable" in e.value for e in at.error)


def test_hostile_upload_name_is_shown_literally(app, store_copy):
    text = "Test Outlet\n\nHeadline\n\nAndrzej Duda said: “The border is safe and will stay closed.”\n"
    app.file_uploader(key="upload").set_value(("[x](javascript:alert(1)).txt", text.encode(), "text/plain")).run()
    app.button(key="add").click().run()
    [message] = [s.value for s in app.success]
    assert "\\[x\\]\\(javascript" in message  # link syntax escaped, so no link is drawn
    assert [p.name for p in (store_copy / "uploads").iterdir()] == ["_x_javascript_alert_1_.txt"]


@pytest.mark.parametrize(
    "steps",
    [
        pytest.param([("search", "zzzz-no-such-words"), ("actors", ["Liz Truss"]), ("search", "")], id="search, actor, clear"),
        pytest.param([("page", 2), ("search", "zzzz-no-such-words"), ("types", ["warning"]), ("search", "")], id="paged, then empty"),
        pytest.param([("search", "zzzz-no-such-words"), ("countries", ["PL"]), ("outlets", ["Sky News"]), ("search", "")], id="empty through several filters"),
    ],
)
def test_every_filter_sequence_through_an_empty_result(app, steps):
    """The pager is not drawn for an empty result; the runs after it must not lose the page (issue 8's crash)."""
    for key, value in steps:
        if key == "search":
            app.text_input(key="search").set_value(value)
        elif key == "page":
            app.number_input(key="page").set_value(value)
        else:
            app.multiselect(key=key).set_value(value)
        app.run()
        assert not app.exception, (key, value, app.exception)
        if value == "zzzz-no-such-words":
            assert metric(app, "Matching quotes") == 0
            assert any("Nothing matches" in w.value for w in app.warning)  # says why…
            assert any(b.label == "Reset all filters" for b in app.button)  # …and offers a way back


def test_reset_button_restores_every_record(app):
    total = metric(app, "Matching quotes")
    app.text_input(key="search").set_value("zzzz-no-such-words").run()
    app.button(key="reset_empty").click().run()
    assert metric(app, "Matching quotes") == total and app.text_input(key="search").value == ""


def test_group_by_and_sort_are_in_the_url(app):
    app.radio(key="group_by").set_value("actor").run()
    app.selectbox(key="sort").set_value("corroboration").run()
    assert url(app, "by") == ["actor"] and url(app, "sort") == ["corroboration"]
    outlets = [int(m) for m in re.findall(r"quoted by (\d+) outlets", " ".join(c.value for c in app.caption))]
    assert outlets and outlets == sorted(outlets, reverse=True)


def test_a_place_in_the_url_narrows_and_can_be_cleared(store_copy):
    from dashboard.app.data import Store

    with Store(store_copy) as db:
        grodno = next(p for p, n in db.options().places.items() if n == "Grodno Region")
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    total = metric(at, "Matching events")
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["place"] = grodno
    at.run()
    assert 0 < metric(at, "Matching events") < total
    at.button(key="clear_place").click().run()
    assert metric(at, "Matching events") == total


def test_the_open_store_keeps_its_snapshot_until_the_page_moves_on(store_copy):
    """The Store Streamlit caches for the page holds a lease on its snapshot: later builds do not
    delete it under the page; once the page has moved to two newer snapshots it is released."""
    from dashboard.pipeline import store
    from dashboard.pipeline.schema import RECORD_TYPES

    tables = {name: store.read_records(store_copy, name) for name in RECORD_TYPES}
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    first = store.current_snapshot(store_copy)
    for k in range(store.KEEP_PREVIOUS + 3):  # builds while the page is open: enough to collect an unleased snapshot
        store.write_snapshot(store_copy, {**tables, "quotes": tables["quotes"][: k + 1]})
    assert first.is_dir()
    for k in (1, 2):  # the page moves on to newer snapshots: the cache keeps two Stores
        store.write_snapshot(store_copy, {**tables, "quotes": tables["quotes"][: -k]})
        at.run()
        assert not at.exception
    store.write_snapshot(store_copy, {**tables, "quotes": []})
    assert not first.is_dir()


def test_a_card_says_how_its_speaker_was_found_and_marks_state_media(app):
    text = (
        "Lavrov warns the West over the border\n\n"
        "MOSCOW, November 12. /TASS/. Russian Foreign Minister Sergei Lavrov said on Friday that "
        "“nobody will be allowed to stage provocations on the border of our ally.”\n"
    )
    app.file_uploader(key="upload").set_value(("tass-lavrov.txt", text.encode(), "text/plain")).run()
    app.button(key="add").click().run()
    assert not app.exception
    app.text_input(key="search").set_value("provocations on the border of our ally").run()
    assert len(card_speakers(app)) == 1
    captions = [unescape(c.value) for c in app.caption]
    assert any(c.startswith("TASS (state-controlled media) · ") for c in captions), captions
    assert "Attribution: found by the reporting verb of the quote; speaker from a name (governing_cue/name)" in captions

    app.text_input(key="search").set_value("").run()  # an article of a registered outlet that is not state media
    assert not any("(state-controlled media)" in unescape(c.value) and not unescape(c.value).startswith("TASS")
                   for c in app.caption)

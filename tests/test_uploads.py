"""Uploads: a hostile file name never locks the session, and the size limit reads the same in the
uploader's label and in the refusal."""

import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.app import uploads

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app" / "streamlit_app.py")
ARTICLE = "Test Outlet\n\nHeadline\n\nAndrzej Duda said: “The border is safe and will stay closed.”\n"
LIMIT = 2 * 1024 * 1024  # the default max_article_bytes


@pytest.mark.parametrize(
    "name,expected",
    [
        pytest.param("a\x00b.txt", "a b.txt", id="NUL"),
        pytest.param("line\nbreak\r.txt", "line break .txt", id="line breaks"),
        pytest.param("\x00", "(unnamed file)", id="only a NUL"),
        pytest.param("Łukaszenka – wywiad.html", "Łukaszenka – wywiad.html", id="non-ASCII kept"),
    ],
)
def test_display_names_are_one_plain_line(name, expected):
    assert uploads.display_name(name) == expected


@pytest.mark.parametrize(
    "name,size,limit,reason",
    [
        pytest.param("a.txt", 10, LIMIT, None, id="fine"),
        pytest.param("A.HTM", 10, LIMIT, None, id="upper-case extension"),
        pytest.param("a.pdf", 10, LIMIT, "not a .txt, .html or .htm file", id="other extension"),
        pytest.param("a.txt\x00.pdf", 10, LIMIT, "not a .txt, .html or .htm file", id="NUL before another extension"),
        pytest.param("a.txt", 3 * 1024 * 1024, LIMIT, "file too large (3 MB; the limit is 2 MB)", id="too large"),
        pytest.param("a.txt", LIMIT + 1, LIMIT, "file too large (2,097,153 bytes; the limit is 2,097,152 bytes)",
                     id="just over: bytes, not two equal figures"),
        pytest.param("a.txt", 1_600_000, 1_500_000, "file too large (1.5 MB; the limit is 1.4 MB)", id="odd limit"),
    ],
)
def test_refusals(name, size, limit, reason):
    assert uploads.refusal(name, size, limit) == reason


def test_the_browser_limit_is_never_below_ours():
    assert uploads.uploader_limit_mb(LIMIT) == 2 and uploads.uploader_limit_mb(1_500_000) == 2
    assert uploads.limit_text(LIMIT) == "2 MB"


# --- in the app ------------------------------------------------------------------------------------------
@pytest.fixture
def app(built_store, tmp_path, monkeypatch):
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    monkeypatch.setenv("DASHBOARD_STORE_DIR", str(target))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert not at.exception
    return at, target


def test_a_nul_in_the_file_name_neither_locks_the_session_nor_reaches_the_store(app):
    at, store_dir = app
    at.file_uploader(key="upload").set_value(("a\x00b.txt", ARTICLE.encode(), "text/plain")).run()
    assert not at.exception, at.exception
    at.button(key="add").click().run()
    assert not at.exception, at.exception
    [message] = [s.value for s in at.success]
    assert "\x00" not in message and "a b.txt added" in re.sub(r"\\(.)", r"\1", message)
    assert [p.name for p in (store_dir / "uploads").iterdir()] == ["a_b.txt"]
    at.text_input(key="search").set_value("border is safe").run()  # the session goes on working
    assert not at.exception and any(m.label == "Matching quotes" and str(m.value).startswith("1") for m in at.metric)


def test_the_limit_in_the_label_is_the_limit_in_the_refusal(app):
    at, store_dir = app
    label = at.sidebar.get("file_uploader")[0].label
    stated = re.search(r"up to ([\d.]+ MB)", label).group(1)
    at.file_uploader(key="upload").set_value(("big.txt", b"x" * (3 * 1024 * 1024), "text/plain")).run()
    at.button(key="add").click().run()
    [error] = [e.value for e in at.error]
    assert f"the limit is {stated})" in error and "big.txt" in re.sub(r"\\(.)", r"\1", error)
    assert not (store_dir / "uploads").exists()


def test_a_file_of_another_kind_is_refused_by_name(app):
    at, store_dir = app
    at.file_uploader(key="upload").set_value(("notes.pdf", ARTICLE.encode(), "application/pdf")).run()
    assert not at.exception
    at.button(key="add").click().run()
    assert any("notes.pdf: not a .txt, .html or .htm file" in re.sub(r"\\(.)", r"\1", e.value) for e in at.error)
    assert not (store_dir / "uploads").exists()

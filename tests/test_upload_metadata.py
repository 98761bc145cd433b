"""The upload form's URL, outlet and date reach the article, and survive a rebuild."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pipeline import store
from dashboard.pipeline.build import build_store
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.manifest import read_manifest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app" / "streamlit_app.py")


@pytest.fixture
def store_copy(built_store, tmp_path, monkeypatch):
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    monkeypatch.setenv("DASHBOARD_STORE_DIR", str(target))
    return target


def test_upload_form_fields_become_the_articles_metadata_and_are_kept(store_copy, seed_paths):
    app = AppTest.from_file(APP, default_timeout=90)
    app.run()
    text = "A headline about the border today\n\nAndrzej Duda said: “The border is safe and will stay closed.”\n"
    app.file_uploader(key="upload").set_value(("stated.txt", text.encode(), "text/plain")).run()  # the fields appear
    app.text_input(key="upload_url").input("https://www.belta.by/society/view/123")
    app.text_input(key="upload_outlet").input("")
    app.text_input(key="upload_date").input("2021-11-12").run()
    app.button(key="add").click().run()
    assert not app.exception, app.exception
    [article] = [a for a in store.read_records(store_copy, "articles") if a.path == "stated.txt"]
    assert (article.outlet, article.outlet_source, article.is_state_media) == ("BelTA", "inferred", True)
    assert (article.url, article.publication_date, article.publication_date_source) == (
        "https://www.belta.by/society/view/123", dt.date(2021, 11, 12), "manifest")
    rows, _ = read_manifest(store_copy / "uploads" / "sources.csv")
    assert rows["stated.txt"].publication_date == dt.date(2021, 11, 12)
    # a rebuild of the seeds includes the upload with what the form stated
    build_store(seed_paths + store.uploaded_files(store_copy), load_settings(store_dir=store_copy))
    [again] = [a for a in store.read_records(store_copy, "articles") if a.path == "stated.txt"]
    assert (again.url, again.publication_date, again.outlet) == (article.url, article.publication_date, "BelTA")
    assert [p.name for p in store.uploaded_files(store_copy)] == ["stated.txt"]  # the manifest is no article

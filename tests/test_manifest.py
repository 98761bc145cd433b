"""A manifest beside the articles: what the user knows is read, trusted first and kept."""

import datetime as dt
from pathlib import Path

import pytest

from dashboard.pipeline import store
from dashboard.pipeline.build import add_articles, build_store, process
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.ingest import expand_inputs
from dashboard.pipeline.manifest import SourceEntry, entry, parse_manifest, read_manifest, record_source

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "text,delimiter,expected",
    [
        pytest.param("file,url,outlet,publication_date\na.txt,https://x.org/a,TASS,2021-11-10\n", ",",
                     {"a.txt": SourceEntry("https://x.org/a", "TASS", dt.date(2021, 11, 10), 2021)}, id="all columns"),
        pytest.param("File\tOutlet\nsub/b.html\tDW\n", "\t", {"b.html": SourceEntry(None, "DW")}, id="some columns, any case, a path"),
        pytest.param("outlet,file\nBelTA,c.txt\n", None, {"c.txt": SourceEntry(None, "BelTA")}, id="any order, delimiter sniffed"),
        pytest.param("file,publication_date\nd.txt,2021\n", ",", {"d.txt": SourceEntry(None, None, None, 2021)}, id="a year alone"),
        pytest.param("file,url\n,https://x.org\n", ",", {}, id="row without a file is skipped"),
    ],
)
def test_parse_manifest(text, delimiter, expected):
    rows, warnings = parse_manifest(text, delimiter)
    assert (rows, warnings) == (expected, [])


@pytest.mark.parametrize(
    "text,warning",
    [
        pytest.param("url,outlet\nhttps://x.org,TASS\n", "no 'file' column", id="no file column"),
        pytest.param("file,publication_date\na.txt,10/11/2021\n", "not YYYY-MM-DD", id="unreadable date"),
        pytest.param("", "empty", id="empty"),
    ],
)
def test_a_bad_manifest_is_a_warning_never_an_error(text, warning):
    _, warnings = parse_manifest(text, ",")
    assert any(warning in w for w in warnings)


def test_record_source_adds_and_replaces_rows_atomically(tmp_path):
    record_source(tmp_path, "a.txt", entry("https://x.org/a", "TASS", "2021-11-10"))
    record_source(tmp_path, "b.html", entry(outlet="DW"))
    record_source(tmp_path, "a.txt", entry("https://x.org/a2", "RIA Novosti", "2021"))
    rows, warnings = read_manifest(tmp_path / "sources.csv")
    assert warnings == []
    assert rows == {"a.txt": SourceEntry("https://x.org/a2", "RIA Novosti", None, 2021), "b.html": SourceEntry(None, "DW")}
    assert [p.name for p in tmp_path.iterdir()] == ["sources.csv"]  # no temporary file left


PAGE = """<!doctype html><html><head>
<meta property="og:site_name" content="Example Daily"><link rel="canonical" href="https://www.belta.by/politics/view/1">
<meta property="article:published_time" content="2021-11-12T10:00:00Z"><title>Minsk answers Warsaw</title></head>
<body><nav>Home | World | Sport</nav><article><h1>Minsk answers Warsaw</h1>
<p>Alexander Lukashenko said on Friday: &ldquo;We will not let anyone pressure Belarus.&rdquo;</p>
<p>Polish officials said the border crossing at Kuznica would stay closed.</p></article>
<footer>&copy; Example Daily</footer></body></html>"""
TEXT = "Headline of a plain text article\n\nBERLIN, November 10 \u2013 Angela Merkel said: \u201cWe need talks.\u201d\n"


def test_a_folder_of_pages_and_texts_with_a_manifest_builds_with_outlets_urls_and_dates(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "wire.txt").write_text(TEXT, encoding="utf-8")
    (folder / "empty-page.html").write_text("<html><body><script>x()</script><nav>Home</nav></body></html>", encoding="utf-8")
    (folder / "sources.csv").write_text(
        "file,url,outlet,publication_date\nwire.txt,https://tass.com/world/1359857,,2021\npage.html,,RIA Novosti,\n", encoding="utf-8"
    )
    settings = load_settings(store_dir=tmp_path / "store")
    tables, results = build_store(expand_inputs([folder]), settings)
    by_path = {Path(r.path).name: r for r in results}
    assert "no readable body text" in by_path["empty-page.html"].error  # named, and nothing else lost
    articles = {a.path: a for a in store.read_records(settings.store_dir, "articles")}
    assert set(articles) == {"page.html", "wire.txt"}
    page, wire = articles["page.html"], articles["wire.txt"]
    assert (page.outlet, page.outlet_source, page.is_state_media) == ("RIA Novosti", "manifest", True)
    assert (page.url, page.url_source) == ("https://www.belta.by/politics/view/1", "page metadata")
    assert (page.publication_date, page.publication_date_source, page.body_method) == (dt.date(2021, 11, 12), "page metadata", "trafilatura")
    assert "Home" not in page.body and "Example Daily" not in page.body
    assert (wire.outlet, wire.outlet_source, wire.outlet_id) == ("TASS", "inferred", "tass")  # the URL's domain
    assert (wire.publication_date, wire.publication_date_source) == (dt.date(2021, 11, 10), "stated")  # year from the manifest
    quotes = {q.text: q for q in store.read_records(settings.store_dir, "quotes")}
    assert {"We will not let anyone pressure Belarus.", "We need talks."} <= set(quotes)


def test_a_changed_manifest_is_not_hidden_by_the_cache(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "wire.txt").write_text(TEXT, encoding="utf-8")
    settings = load_settings(store_dir=tmp_path / "store")
    [first] = process([(str(folder / "wire.txt"), None)], settings)
    (folder / "sources.csv").write_text("file,outlet\nwire.txt,BelTA\n", encoding="utf-8")
    [second] = process([(str(folder / "wire.txt"), None)], settings)
    assert first.tables["articles"][0].outlet is None
    assert (second.tables["articles"][0].outlet, second.cached) == ("BelTA", False)


def test_uploads_take_what_the_form_states(tmp_path):
    settings = load_settings(store_dir=tmp_path / "store")
    build_store([], settings)
    [result] = add_articles([("up.txt", TEXT.encode())], settings, sources={"up.txt": entry("https://x.org/1", "Sputnik", "2021-11-11")})
    article = result.tables["articles"][0]
    assert (article.outlet, article.is_state_media, article.url, article.publication_date) == ("Sputnik", True, "https://x.org/1", dt.date(2021, 11, 11))
    assert article.publication_date_source == article.outlet_source == article.url_source == "manifest"

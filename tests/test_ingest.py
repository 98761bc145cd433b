"""Bad input is named with a clear reason and skipped; nothing else is lost."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.pipeline.build import process
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.errors import ArticleError
from dashboard.pipeline.ingest import decode, read_article, sniff_binary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "003_450936814b13e1d0.txt"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def write(tmp_path, name, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name,data,reason",
    [
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.txt", b"   \n\t\n  ", "only whitespace", id="whitespace only"),
        pytest.param("image.txt", PNG, "PNG image", id="PNG renamed .txt"),
        pytest.param("doc.txt", b"%PDF-1.7\n" + bytes(100), "PDF", id="PDF renamed .txt"),
        pytest.param("nul.txt", b"abc\x00def" * 50, "binary", id="NUL bytes"),
        pytest.param("markup.html", b"<html><body><script>var x = 1;</script></body></html>", "no readable body text", id="HTML with only a script"),
    ],
)
def test_bad_files_are_rejected_by_name(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    [result] = process([(str(path), None)], load_settings(store_dir=tmp_path / "store"), use_cache=False)
    assert result.tables is None
    assert reason in result.error


def test_huge_file_is_rejected_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(30 * 1024 * 1024)  # 30 MB (sparse: no time spent writing it)
    with pytest.raises(ArticleError, match=r"too large \(31\.5 MB; the limit is 5\.2 MB\)"):
        read_article(path, max_bytes=5 * 1024 * 1024)


def test_directory_and_missing_paths(tmp_path):
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path, max_bytes=1000)
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt", max_bytes=1000)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", b"text")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads chmod-000 files: make the open fail as it would for a user
        def deny(self, *args, **kwargs):
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ArticleError, match="permission denied"):
        read_article(path, max_bytes=1000)


@pytest.mark.parametrize(
    "data,text,warning",
    [
        pytest.param("He said: “We stand firm.”".encode("cp1252"), "He said: “We stand firm.”", "decoded as cp1252", id="cp1252 curly quotes"),
        pytest.param("Café in Kraków".encode("latin-1"), "Café in Kraków", "not valid UTF-8", id="latin-1 accents"),
        pytest.param("\ufeffplain text".encode("utf-8"), "plain text", None, id="UTF-8 with BOM"),
        pytest.param("plain “text”".encode("utf-8"), "plain “text”", None, id="UTF-8"),
    ],
)
def test_decoding(data, text, warning):
    decoded, warnings = decode(data)
    assert decoded == text
    assert (warning is None and warnings == []) or any(warning in w for w in warnings)


def test_cp1252_article_keeps_its_quotes(tmp_path):
    body = "Test Outlet\n\nHeadline of the day here\n\nJoe Biden said: “We stand with Ukraine.”\n"
    path = write(tmp_path, "cp1252.txt", body.encode("cp1252"))
    [result] = process([(str(path), None)], load_settings(store_dir=tmp_path / "store"), use_cache=False)
    assert [(q.text, q.speaker) for q in result.tables["quotes"]] == [("We stand with Ukraine.", "Joe Biden")]
    assert any("cp1252" in w for w in result.warnings)


def test_sniff_text_is_not_binary():
    assert sniff_binary("Ordinary news text, with “quotes”.".encode()) is None


def test_html_article_script_is_not_text(tmp_path):
    page = (ROOT / "tests/fixtures/articles/agency_page.html").read_bytes()
    [result] = process([("page.html", page)], load_settings(store_dir=tmp_path / "store"), use_cache=False)
    article = result.tables["articles"][0]
    assert (article.title, article.outlet, str(article.publication_date)) == (
        "Lithuania declares emergency over migrants", "Example News", "2021-11-09")
    texts = [q.text for q in result.tables["quotes"]]
    assert "We are ready to protect our border," in texts
    assert not any("tracking" in t or "not a quote" in t or "css" in t for t in texts)
    for q in result.tables["quotes"]:  # offsets point into the original HTML
        assert page.decode()[q.start_char : q.end_char].replace("&rdquo;", "”") == q.text


def test_article_without_quotes_or_date(tmp_path):
    body = b"Border quiet\n\nThe border between Poland and Belarus was quiet, officials reported.\n"
    [result] = process([("plain.txt", body)], load_settings(store_dir=tmp_path / "store"), use_cache=False)
    assert result.error is None
    assert result.tables["quotes"] == []
    assert result.tables["articles"][0].publication_date is None


def run_extract(*paths):
    return subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", "--json", *map(str, paths)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def test_extract_cli_reports_each_bad_input_in_place(tmp_path):
    empty = write(tmp_path, "empty.txt", b"")
    png = write(tmp_path, "image.txt", PNG)
    cp = write(tmp_path, "cp.txt", "Outlet\n\nA headline here today\n\nMr Biden said: “Fine.” \n".encode("cp1252"))
    out = run_extract(SEED, empty, tmp_path, png, tmp_path / "missing.txt", cp)
    assert out.returncode == 1
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["path"]).name for r in rows] == [SEED.name, "empty.txt", tmp_path.name, "image.txt", "missing.txt", "cp.txt"]
    assert "error" not in rows[0] and rows[0]["publication_date"] == "2021-12-08" and rows[0]["quotes"]
    assert "empty" in rows[1]["error"]
    assert "directory" in rows[2]["error"]
    assert "PNG" in rows[3]["error"]
    assert "no such file" in rows[4]["error"]
    assert "error" not in rows[5]
    assert "[1/6]" in out.stderr  # progress on stderr, never on stdout


def test_extract_cli_exits_zero_when_all_succeed():
    out = run_extract(SEED)
    assert out.returncode == 0
    [row] = [json.loads(line) for line in out.stdout.splitlines()]
    assert {"path", "title", "outlet", "publication_date", "quotes", "places", "actors", "events"} <= set(row)
    q = row["quotes"][0]
    assert {"text", "speaker", "start_char", "end_char"} <= set(q)
    p = row["places"][0]
    assert {"name", "lat", "lon", "country_code", "role"} <= set(p)
    e = row["events"][0]
    assert {"date", "date_precision", "type", "summary", "actors", "places", "start_char", "end_char"} <= set(e)


def test_text_longer_than_the_parser_takes_is_refused(tmp_path):
    settings = load_settings(store_dir=tmp_path / "s", max_article_bytes=10_000_000)
    body = ("Poland said the border was calm. " * 40_000).encode()  # 1.3 million characters
    [long_one, fine] = process([("long.txt", body), ("ok.txt", b"Outlet\n\nHeadline here today\n\nAll quiet.\n")], settings, use_cache=False)
    assert "text too long" in long_one.error
    assert fine.error is None

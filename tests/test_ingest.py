"""Bad input is named with a clear reason and skipped; nothing else is lost."""

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard.pipeline.build import process
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.errors import ArticleError
from dashboard.pipeline.ingest import decode, read_article, repair_mojibake, sniff_binary

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


def _twice_decoded(text: str) -> str:
    """What a page saved as UTF-8, read back as cp1252 (latin-1 for the bytes it lacks) and saved
    again looks like."""
    def char(byte: int) -> str:
        try:
            return bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(byte)
    return "".join(char(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize(
    "text,repaired",
    [
        pytest.param(_twice_decoded("It’s “over”, she said."), "It’s “over”, she said.", id="curly marks and apostrophe"),
        pytest.param(_twice_decoded("Kyiv — the capital – was calm."), "Kyiv — the capital – was calm.", id="dashes"),
        pytest.param(_twice_decoded("Café in Kraków"), "Café in Kraków", id="accented letters"),
        pytest.param("Władysław Kosiniak-Kamysz in Zürich, “naïve”", None, id="clean text with diacritics is left alone"),
        pytest.param("São Paulo’s mayor said “já”", None, id="Portuguese is no mojibake"),
        pytest.param("ÂÃ are two letters in a list: Â, Ã.", None, id="odd capitals with nothing to repair"),
    ],
)
def test_mojibake_is_repaired_and_clean_text_left_alone(text, repaired):
    fixed, note = repair_mojibake(text)
    assert fixed == (text if repaired is None else repaired)
    assert (note is None) == (repaired is None)


def test_an_article_saved_through_a_wrong_decoder_keeps_its_quotes(tmp_path):
    body = "Headline of the day here\n\n“We will not back down,” the mayor, Ana Costa, told reporters. “Not now.”\n"
    path = write(tmp_path, "mojibake.txt", _twice_decoded(body).encode("utf-8"))
    [result] = process([(str(path), None)], load_settings(store_dir=tmp_path / "store"), use_cache=False)
    assert [(q.text, q.speaker) for q in result.tables["quotes"]] == [("We will not back down,", "Ana Costa"), ("Not now.", "Ana Costa")]
    assert any("mojibake" in w for w in result.warnings)


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


# --- every kind of bad path, through `process`, with a good article alongside ---------------

GOOD = "Test Outlet\n\nA headline for the test today\n\nJoe Biden said: “We stand with Ukraine.”\n".encode()


def _fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)  # opening it for reading would block forever
    return path


def _in_unreadable_folder(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    folder.chmod(0)
    real_stat = Path.stat

    def stat(self, *args, **kwargs):  # root ignores the mode: fail as the kernel would for a user
        if self.parent == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    if os.geteuid() == 0:
        monkeypatch.setattr(Path, "stat", stat)
    return folder / "a.txt"


@pytest.mark.parametrize(
    "make,reason",
    [
        pytest.param(lambda t, m: write(t, "empty.txt", b""), "empty file", id="empty"),
        pytest.param(lambda t, m: write(t, "blank.txt", b" \r\n\t\n "), "only whitespace", id="whitespace only"),
        pytest.param(lambda t, m: write(t, "img.txt", PNG), "binary file (a PNG image)", id="PNG renamed .txt"),
        pytest.param(lambda t, m: t, "is a directory", id="directory"),
        pytest.param(lambda t, m: t / "missing.txt", "no such file", id="nonexistent"),
        pytest.param(lambda t, m: write(t, "f.txt", b"x") / "under-a-file.txt", "no such file", id="path under a file"),
        pytest.param(lambda t, m: _fifo(t), "not a regular file", id="named pipe (would block)"),
        pytest.param(lambda t, m: _in_unreadable_folder(t, m), "permission denied", id="file in an unreadable folder"),
    ],
)
def test_bad_paths_are_named_and_nothing_else_is_lost(tmp_path, monkeypatch, make, reason):
    bad = make(tmp_path, monkeypatch)
    settings = load_settings(store_dir=tmp_path / "store")

    def hung(*_):
        raise TimeoutError("process() hung on a bad input")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)  # a pipe that is opened blocks forever: fail instead of hanging the suite
    try:
        before, bad_result, after = process([("before.txt", GOOD), (str(bad), None), ("after.txt", GOOD)], settings, use_cache=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert bad_result.tables is None and reason in bad_result.error
    for good in (before, after):
        assert good.error is None
        assert [(q.text, q.speaker) for q in good.tables["quotes"]] == [("We stand with Ukraine.", "Joe Biden")]


def test_30_mb_file_is_refused_quickly_without_reading_it(tmp_path, monkeypatch):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # 30 MB of real text, written in a few chunks
        chunk = b"Poland said the border was calm. " * 32_768
        while fh.tell() < 30 * 1024 * 1024:
            fh.write(chunk)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self.name) or real_open(self, *a, **k))
    started = time.perf_counter()
    [result, good] = process([(str(huge), None), ("ok.txt", GOOD)], load_settings(store_dir=tmp_path / "s"), use_cache=False)
    assert time.perf_counter() - started < 5
    assert re.fullmatch(r"file too large \(3\d\.\d MB; the limit is \d\.\d MB\)", result.error)
    assert "huge.txt" not in opened  # judged by its size alone
    assert good.error is None


@pytest.mark.parametrize(
    "size,limit,message",
    [
        pytest.param(31_457_280, 2_097_152, "file too large (31.5 MB; the limit is 2.1 MB)", id="clearly over"),
        pytest.param(2_100_000, 2_097_152, "file too large (2,100,000 bytes; the limit is 2,097,152 bytes)", id="just over: bytes, not '2.1 MB; the limit is 2.1 MB'"),
    ],
)
def test_too_large_message_never_shows_equal_figures(tmp_path, size, limit, message):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(size)
    with pytest.raises(ArticleError) as exc:
        read_article(path, max_bytes=limit)
    assert exc.value.reason == message


@pytest.mark.parametrize(
    "data,expected_quote,warning",
    [
        pytest.param(
            b"Test Outlet\n\nA headline for the test today\n\nJoe Biden said: \x93We back the caf\xe9 owners.\x94\n",
            "We back the café owners.", "decoded as cp1252", id="cp1252 curly quotes and e-acute",
        ),
        pytest.param(
            b"Test Outlet\n\nA headline for the test today\n\nJoe Biden said: \"We back the caf\xe9 owners\x81.\"\n",
            "We back the café owners\x81.", "decoded as latin-1", id="latin-1 (byte cp1252 lacks)",
        ),
        pytest.param(
            "Test Outlet\n\nA headline for the test today\n\nJoe Biden said: “We back the café owners.”\n".encode("utf-16"),
            "We back the café owners.", "UTF-16", id="UTF-16 with byte-order mark",
        ),
    ],
)
def test_non_utf8_articles_are_decoded_with_a_warning_and_processed(tmp_path, data, expected_quote, warning):
    [result] = process([("odd.txt", data)], load_settings(store_dir=tmp_path / "s"), use_cache=False)
    assert result.error is None
    assert any(warning in w for w in result.warnings)
    article = result.tables["articles"][0]
    assert [(q.text, q.speaker) for q in result.tables["quotes"]] == [(expected_quote, "Joe Biden")]
    q = result.tables["quotes"][0]
    assert article.text[q.start_char - 1 : q.end_char + 1] in (f"“{expected_quote}”", f'"{expected_quote}"')


SCRIPTED_PAGE = """<!doctype html>
<html><head>
<meta property="og:title" content="Poland closes a border crossing">
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2021-11-10T08:00:00+01:00">
<title>Home | Something else entirely</title>
<script>window.q = "“Zebra tracking words,” said Joe Biden."; track("Kyiv");</script>
<style>blockquote:before { content: "“Zebra style words”"; }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Poland closes a border crossing</h1>
<p>Polish officials closed the Kuznica crossing on Tuesday.</p>
<script type="text/javascript">document.write("<p>“Zebra injected words,” Liz Truss said.</p>");</script>
<p>“We will defend our border,” Mariusz Blaszczak said in Warsaw.</p>
</article>
<script type="application/ld+json">{"@type": "NewsArticle", "description": "“Zebra metadata words,” he said."}</script>
</body></html>
"""


def test_html_scripts_never_reach_text_records_and_meta_tags_give_the_header(tmp_path):
    [result] = process([("page.html", SCRIPTED_PAGE.encode())], load_settings(store_dir=tmp_path / "s"), use_cache=False)
    assert result.error is None
    t = result.tables
    article = t["articles"][0]
    assert (article.title, article.outlet, article.publication_date) == ("Poland closes a border crossing", "Daily Example", dt.date(2021, 11, 10))
    assert article.is_html
    assert [q.text for q in t["quotes"]] == ["We will defend our border,"]
    texts = [q.text for q in t["quotes"]] + [s.text for s in t["sentences"]] + [e.summary for e in t["events"]]
    texts += [m.surface for m in t["actor_mentions"] + t["place_mentions"]]
    assert texts and not [x for x in texts if "Zebra" in x or "track" in x or "window" in x]


def test_a_sentence_is_no_headline(tmp_path):
    body = b'<html><body><p>Joe Biden said: \xe2\x80\x9cWe stand firm.\xe2\x80\x9d</p></body></html>'
    [result] = process([("page.html", body)], load_settings(store_dir=tmp_path / "s"), use_cache=False)
    assert result.tables["articles"][0].title is None
    assert [q.speaker for q in result.tables["quotes"]] == ["Joe Biden"]


# --- decoding that never loses a run or text silently (issue 9, items 6 and 7) ----------------

FIVE_QUOTES = "".join(f"Joe Biden said: “We stand firm number {n}.”\n\n" for n in range(1, 6))


@pytest.mark.parametrize(
    "data,warning",
    [
        pytest.param(("Test Outlet\n\n" + FIVE_QUOTES).encode("utf-8") + b"caf\xe9\n", "1 byte(s) on 1 line(s) decoded as cp1252",
                     id="one bad byte in a UTF-8 file"),
        pytest.param(("Test Outlet\n\n" + FIVE_QUOTES).encode("utf-8") + "Café owners “agree”.\n".encode("cp1252"), "decoded as cp1252, the rest kept as UTF-8",
                     id="UTF-8 and cp1252 mixed"),
        pytest.param(("Test Outlet\n\n" + FIVE_QUOTES).encode("utf-16") + b"\x00", "odd number of bytes", id="UTF-16 with an odd byte count"),
        pytest.param(("Test Outlet\n\n" + FIVE_QUOTES).encode("utf-16-le").join([b"\xff\xfe", b"\x00\xd8"]), "lone surrogate",
                     id="UTF-16 with a lone surrogate"),
    ],
)
def test_odd_bytes_cost_only_themselves(tmp_path, data, warning):
    [result] = process([("odd.txt", data)], load_settings(store_dir=tmp_path / "s"), use_cache=False)
    assert result.error is None
    assert any(warning in w for w in result.warnings), result.warnings
    assert [q.text for q in result.tables["quotes"]] == [f"We stand firm number {n}." for n in range(1, 6)]
    text = result.tables["articles"][0].text
    assert "“" in text and "Ã" not in text  # the UTF-8 part stayed UTF-8
    text.encode("utf-8")  # and the text can be stored (no lone surrogate survives)


def test_a_file_name_that_is_not_utf8_is_a_warning_for_that_file_only(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    odd = os.fsdecode(bytes(folder) + b"/caf\xe9-report.txt")
    Path(odd).write_bytes(GOOD)
    (folder / "plain.txt").write_bytes(GOOD + b"\nA second paragraph.\n")  # other bytes: another article
    settings = load_settings(store_dir=tmp_path / "store")
    from dashboard.pipeline import store
    from dashboard.pipeline.build import build_store
    from dashboard.pipeline.ingest import expand_inputs

    _, results = build_store(expand_inputs([folder]), settings)  # the cache and the store are written
    assert [r.error for r in results] == [None, None]
    named = [r for r in results if "report" in r.path][0]
    assert "\ufffd" in named.path and any("not valid UTF-8" in w for w in named.warnings)
    paths = sorted(a.path for a in store.read_records(settings.store_dir, "articles"))
    assert paths == ["caf\ufffd-report.txt", "plain.txt"]

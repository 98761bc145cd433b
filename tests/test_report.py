"""`extract --json`: the body as analysed and every metadata value with its provenance."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "dev"
PAGE = ROOT / "tests" / "fixtures" / "articles" / "agency_page.html"


def run(*args):
    out = subprocess.run([sys.executable, "-m", "dashboard", "extract", "--json", *map(str, args)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    return out, [json.loads(line) for line in out.stdout.splitlines()]


def test_body_and_provenance_of_a_web_page_and_a_manifest_article(tmp_path):
    out, [page, tass] = run(PAGE, DEV / "02_tass_merkel_putin_lukashenko.txt")
    assert out.returncode == 0, out.stderr
    assert page["body"].split("\n\n") == [
        "Lithuania’s parliament declared a state of emergency along the border with Belarus on Tuesday.",
        "“We are ready to protect our border,” Interior Minister Agne Bilotaite told lawmakers in Vilnius.",
        "The Belarusian border committee said the claims were “groundless”.",
    ]
    assert (page["body_method"], page["outlet"], page["outlet_source"], page["title_source"]) == ("trafilatura", "Example News", "page metadata", "page metadata")
    assert (tass["outlet"], tass["outlet_id"], tass["is_state_media"], tass["outlet_source"]) == ("TASS", "tass", True, "manifest")
    assert (tass["url"], tass["url_source"]) == ("https://tass.com/world/1359857", "manifest")
    assert tass["body"].startswith("BERLIN, November 10. /TASS/. Acting German Chancellor") and "\n\n" in tass["body"]


def test_no_manifest_and_an_explicit_manifest(tmp_path):
    article = tmp_path / "merkel.txt"
    article.write_bytes((DEV / "02_tass_merkel_putin_lukashenko.txt").read_bytes())
    (tmp_path / "sources.csv").write_text("file,outlet\nmerkel.txt,BelTA\n", encoding="utf-8")
    other = tmp_path / "other.tsv"
    other.write_text("file\turl\nmerkel.txt\thttps://ria.ru/1\n", encoding="utf-8")
    _, [beside] = run(article)
    _, [ignored] = run("--no-manifest", article)
    _, [named] = run("--manifest", other, article)
    assert (beside["outlet"], beside["outlet_source"]) == ("BelTA", "manifest")
    assert (ignored["outlet"], ignored["outlet_source"], ignored["url"]) == ("TASS", "stated", None)
    assert (named["outlet"], named["outlet_source"], named["url"]) == ("TASS", "stated", "https://ria.ru/1")
    assert ignored["publication_date"] == named["publication_date"] == "2021-11-10"


def test_words_whose_text_names_no_source_are_unknown_in_the_json(tmp_path):
    """The gold format's label for a quote with no named source; the record itself keeps None."""
    from dashboard.pipeline.build import process
    from dashboard.pipeline.config import load_settings
    from dashboard.pipeline.report import UNKNOWN_SPEAKER, article_json

    text = b"A headline about the border today\n\n\"We have no plans to open the crossing,\" a source said.\n\nJoe Biden said: \"We stand with Poland.\"\n"
    [result] = process([("t.txt", text)], load_settings(), use_cache=False)
    assert [q.speaker for q in result.tables["quotes"]] == [None, "Joe Biden"]
    assert [q["speaker"] for q in article_json("t.txt", result.tables)["quotes"]] == [UNKNOWN_SPEAKER, "Joe Biden"]

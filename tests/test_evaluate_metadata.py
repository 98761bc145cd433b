"""The metadata evaluator: outlet and publication-date figures that can tell right from wrong."""

from pathlib import Path

import pytest

from dashboard.pipeline.evaluate_metadata import names_outlet, same_outlet, score_metadata
from dashboard.pipeline.manifest import entry
from dashboard.pipeline.outlets import registry

GOLD = [
    {"file": "a.txt", "publication_date": "2021-11-10"},
    {"file": "b.txt", "publication_date": None},
    {"file": "c.txt", "publication_date": None},
]
SOURCES = {
    "a.txt": entry("https://tass.com/1", "TASS", "2021-11-10"),
    "b.txt": {"outlet": "Reuters (wire copy republished on wtvbam.com)", "publication_date": "2021-11-09"},
    "c.txt": entry(outlet="The Grodno Gazette"),
}
TEXTS = {"a.txt": "BERLIN, November 10. /TASS/. Text.", "b.txt": "VILNIUS (Reuters) - Text.", "c.txt": "Nothing named."}


def pred(path, outlet=None, date=None, source=None):
    return {"path": f"/some/where/{path}", "outlet": outlet, "publication_date": date, "publication_date_source": source}


@pytest.mark.parametrize(
    "predictions,expected",
    [
        pytest.param([pred("a.txt", "TASS", "2021-11-10", "stated"), pred("b.txt", "Reuters"), pred("c.txt", "Grodno Gazette")],
                     {"outlet": "3/3", "outlet (named in the text)": "2/2", "stated date": "1/1", "no date invented": "2/2", "real date": "1/2"},
                     id="all right"),
        pytest.param([pred("a.txt", "RIA Novosti", "2021-11-09", "stated"), pred("b.txt", None, "2021-11-08", "stated"), pred("c.txt")],
                     {"outlet": "0/3", "outlet (named in the text)": "0/2", "stated date": "0/1", "no date invented": "1/2", "real date": "0/2"},
                     id="wrong outlet, wrong date, an invented date"),
        pytest.param([pred("a.txt"), pred("b.txt", "Reuters", "2021-11-09", "manifest"), pred("c.txt", None, "2021-11-09", "page metadata")],
                     {"outlet": "1/3", "outlet (named in the text)": "1/2", "stated date": "0/1", "no date invented": "1/2", "real date": "1/2"},
                     id="a manifest date is not invented; an unverifiable page date is"),
        pytest.param([], {"outlet": "0/3", "outlet (named in the text)": "0/2", "stated date": "0/1", "no date invented": "2/2", "real date": "0/2"},
                     id="nothing predicted"),
    ],
)
def test_score_metadata(predictions, expected):
    scores = score_metadata(predictions, GOLD, SOURCES, TEXTS)
    assert scores.counts() == expected


def test_summary_is_none_where_nothing_qualifies():
    summary = score_metadata([pred("x.txt")], [{"file": "x.txt", "publication_date": None}]).summary()
    assert summary["outlet_accuracy"] is None and summary["date_not_invented"] == 1.0


@pytest.mark.parametrize(
    "a,b,expected",
    [
        pytest.param("DW", "DW (Deutsche Welle)", True, id="alias and description"),
        pytest.param("Deutsche Welle", "RFE/RL (Radio Free Europe/Radio Liberty)", False, id="two registered outlets"),
        pytest.param("The Grodno Gazette", "Grodno Gazette", True, id="unregistered, same name"),
        pytest.param("TASS", "Grodno Gazette", False, id="registered vs unregistered"),
        pytest.param(None, "TASS", False, id="nothing predicted"),
    ],
)
def test_same_outlet(a, b, expected):
    assert same_outlet(a, b, registry()) == expected


def test_names_outlet_needs_the_name_as_a_word():
    dw = registry().named("DW")
    assert names_outlet("Iraq | News | DW | 15.11.2021", dw)
    assert not names_outlet("The DWELLING was empty.", dw)
    assert not names_outlet("Call dw later", dw)  # a three-letter name must match case


def test_the_dev_corpus_text_alone_and_with_its_manifest():
    """The figures `make eval` reports for the dev set come out of real extraction."""
    from dashboard.cli import extract
    from dashboard.pipeline.manifest import read_manifest

    root = Path(__file__).resolve().parents[1]
    dev = root / "tests" / "fixtures" / "dev"
    import json

    gold = [json.loads(line) for line in (root / "tests/golden/dev.jsonl").read_text().splitlines() if line.strip()]
    sources, _ = read_manifest(dev / "sources.tsv")
    texts = {p.name: p.read_text(encoding="utf-8") for p in dev.glob("*.txt")}
    paths = [str(dev / g["file"]) for g in gold]
    text_only = score_metadata(extract(paths, use_manifest=False), gold, sources, texts)
    with_manifest = score_metadata(extract(paths), gold, sources, texts)
    assert text_only.counts() == {"outlet": "4/10", "outlet (named in the text)": "4/4", "stated date": "6/6",
                                  "no date invented": "4/4", "real date": "6/10"}, text_only.errors
    assert with_manifest.counts() == {"outlet": "10/10", "outlet (named in the text)": "4/4", "stated date": "6/6",
                                      "no date invented": "4/4", "real date": "10/10"}, with_manifest.errors

"""The outlet registry: one outlet under one name, and a data file that stays consistent."""

import csv
from pathlib import Path

import pytest

from dashboard.pipeline.outlets import hostname, load_registry, outlet_key, registry

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ROOT / "data" / "outlets.csv"


def test_the_data_file_is_consistent():
    rows = list(csv.DictReader(OUTLETS.open(encoding="utf-8")))
    assert len(rows) >= 60
    assert list(rows[0]) == ["outlet_id", "name", "aliases", "domains", "country_code", "is_state_media", "basis"]
    ids = [r["outlet_id"] for r in rows]
    assert len(ids) == len(set(ids))
    keys, domains = {}, {}
    for r in rows:
        assert r["is_state_media"] in ("true", "false"), r
        assert r["country_code"] == "" or (len(r["country_code"]) == 2 and r["country_code"].isupper()), r
        if r["is_state_media"] == "true":
            assert r["basis"].strip(), f"{r['name']}: a state-media mark needs its basis written down"
        for name in [r["name"], *filter(None, r["aliases"].split("|"))]:
            assert keys.setdefault(outlet_key(name), r["outlet_id"]) == r["outlet_id"], f"{name} names two outlets"
        for d in filter(None, r["domains"].split("|")):
            assert domains.setdefault(d, r["outlet_id"]) == r["outlet_id"], f"{d} belongs to two outlets"


@pytest.mark.parametrize(
    "name,expected",
    [
        pytest.param("TASS news agency", "tass", id="news agency suffix"),
        pytest.param("/TASS/", "tass", id="slashed dateline form"),
        pytest.param("ITAR-TASS", "tass", id="old name"),
        pytest.param("the Guardian", "guardian", id="article and case"),
        pytest.param("DW", "dw", id="acronym alias"),
        pytest.param("Reuters (wire copy republished on wtvbam.com)", "reuters", id="free-text description"),
        pytest.param("UK news-agency copy, probably PA Media (republished on dailysunexpress.com)", "pa", id="name inside a sentence"),
        pytest.param("Grodno Gazette", None, id="not registered"),
    ],
)
def test_names_resolve_to_one_outlet(name, expected):
    hit = registry().find_in(name)
    assert (hit.outlet_id if hit else None) == expected


@pytest.mark.parametrize(
    "url,expected",
    [
        pytest.param("https://tass.com/world/1359857", "tass", id="domain"),
        pytest.param("https://www.dw.com/en/a-59818946?maca=en-rss", "dw", id="www and a query"),
        pytest.param("https://eng.belta.by/politics/view/1", "belta", id="registered sub-domain"),
        pytest.param("https://edition.cnn.com/2022/02/24/x", "cnn", id="unregistered sub-domain"),
        pytest.param("rferl.org/amp/x.html", "rferl", id="no scheme"),
        pytest.param("https://notatass.com/x", None, id="a domain that only ends like one"),
        pytest.param("not a url", None, id="no host"),
    ],
)
def test_urls_resolve_by_domain(url, expected):
    hit = registry().for_url(url)
    assert (hit.outlet_id if hit else None) == expected


def test_hostname():
    assert hostname("https://M.Example.co.uk:8080/x") == "example.co.uk"
    assert hostname(None) is None


def test_a_registry_file_can_be_swapped(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text("outlet_id,name,aliases,domains,country_code,is_state_media,basis\nx,X News,XN,x.test,PL,true,test\n", encoding="utf-8")
    reg = load_registry(path)
    assert reg.named("xn").name == "X News" and reg.for_url("https://x.test/a").is_state_media

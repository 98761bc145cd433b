"""Article metadata: what the text states about itself, and one record from all the sources in
order of trust, each value with its provenance."""

import datetime as dt
import json
from pathlib import Path

import pytest

from dashboard.pipeline.clean import clean
from dashboard.pipeline.ingest import read_article
from dashboard.pipeline.manifest import entry
from dashboard.pipeline.metadata import Stated, resolve, stated_date, stated_outlet
from dashboard.pipeline.webpage import PageMetadata

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "fixtures" / "dev"
D = dt.date


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param("BERLIN, November 10. /TASS/. Merkel asked Putin on Wednesday.\nMigrants came since the beginning of 2021.",
                     D(2021, 11, 10), id="TASS dateline, year from the text"),
        pytest.param("BERLIN, November 10. /TASS/. Merkel asked Putin.\nIn 2020 and in 2021 things happened.", None,
                     id="dateline, two years named: no guess"),
        pytest.param("BERLIN, November 10. /TASS/. Merkel asked Putin.", None, id="dateline without any year: null"),
        pytest.param(" date 2022-01-21 \n\nGENEVA, Jan 21 (Reuters) – Talks ended on Friday.", D(2022, 1, 21), id="crawler header agrees with the dateline"),
        pytest.param(" date 2017-07-11  Iraq to repatriate | News | DW | 15.11.2021\n\nText.", D(2021, 11, 15), id="Outlet | dd.mm.yyyy line beats a crawler header"),
        pytest.param(" date 2022-02-27 Ukraine said on Sunday it was ready to talk.", D(2022, 2, 27), id="crawler header nothing contradicts"),
        pytest.param(" date 2017-07-11 The talks of November 8, 2021 failed.", None, id="crawler header contradicted by a later date in the text"),
        pytest.param(" date 2022-01-20 Talks on January 25, 2022 are planned.", D(2022, 1, 20), id="a date within a month is no contradiction"),
        pytest.param("A woman leaves Kyiv, Ukraine, Thursday, Feb. 24, 2022.\nPhoto\n\nHe spent Thursday in a shelter.", D(2022, 2, 24),
                     id="caption date agreeing with the body's weekday"),
        pytest.param("A woman leaves Kyiv, Ukraine, Thursday, Feb. 24, 2022.\n\nHe spent the day in a shelter.", None,
                     id="caption date the body does not echo"),
        pytest.param("A woman leaves Kyiv, Ukraine, Friday, Feb. 24, 2022.\n\nHe spent Friday in a shelter.", None,
                     id="caption with a wrong weekday"),
        pytest.param("Headline\n\nThursday 20 January 2022 23:00 GMT\n\nBody.", D(2022, 1, 20), id="date line"),
        pytest.param("Lithuania on Tuesday declared a state of emergency.", None, id="a weekday alone states no date"),
        pytest.param("Headline\nJan Kowalski \u2022 9 December 2021 10:15\nBody.", D(2021, 12, 9), id="byline name then the date"),
        pytest.param("Headline\nby Anna Nowak March 3, 2022 8:05 AM 3 min read\nBody.", D(2022, 3, 3), id="by-line with time and reading time"),
        pytest.param("Headline\nPosted December 1,2021\nBody.", D(2021, 12, 1), id="no space after the comma"),
        pytest.param("Headline\n  \u2022 2022-02-11\nBody.", D(2022, 2, 11), id="a bullet before the date"),
        pytest.param("Anna Nowak / World / Updated 11.02.2022\nBody.", D(2022, 2, 11), id="date in a slashed breadcrumb"),
        pytest.param("Vilnius, 14 January 2022 \u2013 The parliament voted.", D(2022, 1, 14), id="a day-first dateline with its year"),
        pytest.param("MINSK, 3 March (BelTA) - The drills of 2022 ended.", D(2022, 3, 3), id="a day-first agency dateline, year from the text"),
        pytest.param("NAIROBI \u2013 14 March 2026: Kenya's cabinet met.", D(2026, 3, 14), id="a dash between the place and its date"),
        pytest.param("LIMA \u2014 June 2, 2025 \u2014 Congress voted.", D(2025, 6, 2), id="a dash on both sides of the date"),
    ],
)
def test_stated_date(text, expected):
    assert stated_date(text) == expected


def test_a_dateline_takes_its_year_from_the_manifest():
    assert stated_date("BERLIN, November 10. /TASS/. Text.", year_hint=2021) == D(2021, 11, 10)


@pytest.mark.parametrize(
    "text,byline,expected",
    [
        pytest.param("BERLIN, November 10. /TASS/. Merkel said.", None, "TASS", id="TASS dateline"),
        pytest.param("KAPCIAMIESTIS, Lithuania (Reuters) – Text.", None, "Reuters", id="Reuters dateline"),
        pytest.param("GENEVA, Jan 21 (Reuters) – Text.", None, "Reuters", id="dated Reuters dateline"),
        pytest.param("KYIV, Ukraine (AP) — Text.", None, "AP", id="AP dateline"),
        pytest.param("Iraq to repatriate citizens | News | DW | 15.11.2021\n\nText.\n\nkb/rt (AFP, Reuters)", None, "DW",
                     id="Outlet | date line beats the agencies credited"),
        pytest.param("Stay up to date with notifications from The Independent\n\nText.", None, "The Independent", id="notification prompt"),
        pytest.param("Text.", "DAILY MAIL REPORTER", "DAILY MAIL", id="outlet byline"),
        pytest.param("Text.\n© 2021 The Associated Press. All rights reserved.", None, "The Associated Press", id="copyright line"),
        pytest.param("A woman in Kyiv.\nCopyright Emilio Morenatti/AP Photo\nText.", None, None, id="a photo credit is no outlet"),
        pytest.param("Sky News understands the team is small.", None, "Sky News", id="self-reference"),
        pytest.param("The talks ended on Friday.", None, None, id="nothing named"),
    ],
)
def test_stated_outlet(text, byline, expected):
    assert stated_outlet(text, byline) == expected


PAGE = PageMetadata(title="Page title", author="Jane Doe", sitename="tass.com", url="https://tass.com/world/1", publication_date=D(2021, 11, 10))
TEXT = Stated(title="Text title", byline="By X", outlet="Reuters", publication_date=D(2021, 11, 9))


@pytest.mark.parametrize(
    "stated,page,manifest,expected",
    [
        pytest.param(TEXT, None, None, ("Reuters", "stated", D(2021, 11, 9), "stated", None, None), id="text alone"),
        pytest.param(TEXT, PAGE, None, ("TASS", "page metadata", D(2021, 11, 10), "page metadata", "https://tass.com/world/1", "page metadata"),
                     id="page metadata beats the text"),
        pytest.param(TEXT, PAGE, entry("https://x.org/a", "RIA Novosti", "2021-11-12"),
                     ("RIA Novosti", "manifest", D(2021, 11, 12), "manifest", "https://x.org/a", "manifest"), id="manifest beats the page"),
        pytest.param(Stated(), None, entry("https://www.belta.by/politics/view/1"),
                     ("BelTA", "inferred", None, None, "https://www.belta.by/politics/view/1", "manifest"), id="outlet inferred from the URL's domain"),
        pytest.param(Stated(), None, None, (None, None, None, None, None, None), id="nothing stated: null"),
    ],
)
def test_resolve_takes_each_field_from_the_most_trusted_source(stated, page, manifest, expected):
    m = resolve(stated, page, manifest)
    assert (m.outlet, m.outlet_source, m.publication_date, m.publication_date_source, m.url, m.url_source) == expected


@pytest.mark.parametrize("name", ["tass.com", "/TASS/", "TASS news agency", "ITAR-TASS", "TASS"])
def test_every_form_of_an_outlet_is_one_registered_outlet(name):
    source = entry(url=name) if "." in name else entry(outlet=name)
    m = resolve(Stated(), None, source)
    assert (m.outlet, m.outlet_id, m.is_state_media) == ("TASS", "tass", True)


def test_unregistered_outlet_keeps_its_name():
    m = resolve(Stated(), None, entry(outlet="The Grodno Gazette"))
    assert (m.outlet, m.outlet_id, m.is_state_media, m.outlet_source) == ("The Grodno Gazette", None, False, "manifest")


# --- the dev corpus: real articles from other outlets ------------------------------------------

GOLD = {json.loads(line)["file"]: json.loads(line) for line in (ROOT / "tests/golden/dev.jsonl").read_text().splitlines() if line.strip()}
NAMED_IN_TEXT = {  # the outlet the text itself names (by its dateline, header line or self-description)
    "01_reuters_lithuania_state_of_emergency.txt": "Reuters",
    "02_tass_merkel_putin_lukashenko.txt": "TASS",
    "03_dw_iraq_repatriation_belarus.txt": "Deutsche Welle",
    "06_reuters_blinken_lavrov_geneva.txt": "Reuters",
}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_dev_articles_text_alone(name):
    c = clean(read_article(DEV / name, 5_000_000, use_manifest=False))
    assert c.outlet == NAMED_IN_TEXT.get(name)
    gold = GOLD[name]["publication_date"]
    assert (c.publication_date.isoformat() if c.publication_date else None) == gold
    assert c.metadata.publication_date_source == ("stated" if gold else None)


@pytest.mark.parametrize("name", sorted(GOLD))
def test_dev_articles_with_their_manifest(name):
    rows = {line.split("\t")[0]: line.rstrip("\n").split("\t") for line in (DEV / "sources.tsv").read_text().splitlines()[1:]}
    _, url, outlet, date = rows[name]
    c = clean(read_article(DEV / name, 5_000_000))
    m = c.metadata
    assert (m.url, m.url_source, m.publication_date.isoformat(), m.publication_date_source) == (url, "manifest", date, "manifest")
    assert m.outlet_source == "manifest" and m.outlet_id is not None, (outlet, m.outlet)
    assert m.is_state_media == (m.outlet == "TASS")

"""The actor registry: a data file that stays consistent, people found by the spellings news uses,
and dated roles that name whoever held the office on the article's date."""

import csv
import datetime as dt
import tomllib
from pathlib import Path

import pytest

from dashboard.pipeline.actors import registry
from dashboard.pipeline.names import name_key, normalise
from tests.support import attributions_of

ROOT = Path(__file__).resolve().parents[1]
ACTORS = ROOT / "data" / "actors.toml"
COUNTRIES = ROOT / "data" / "countries.csv"
TYPES = {"person", "government", "organisation", "military", "media"}


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    with ACTORS.open("rb") as fh:
        return tomllib.load(fh)["actor"]


def _date(value) -> dt.date | None:
    return None if value in (None, "") else dt.date.fromisoformat(str(value))


def test_every_name_and_alias_belongs_to_one_actor(actors):
    owner: dict[str, str] = {}
    for a in actors:
        for name in (a["name"], *a.get("aliases", [])):
            assert owner.setdefault(normalise(name), a["name"]) == a["name"], f"{name!r} names {owner[normalise(name)]} and {a['name']}"


def test_no_two_people_share_a_spelling(actors):
    # The person matcher folds transliterations ("Kyslytsya"/"Kyslytsia"); two people on one key would be a coin toss.
    owner: dict[str, str] = {}
    for a in actors:
        if a["type"] == "person":
            for name in (a["name"], *a.get("aliases", [])):
                key = name_key(name)
                assert owner.setdefault(key, a["name"]) == a["name"], f"{name!r} is spelled like {owner[key]}"


def test_types_countries_genders_and_dates_are_well_formed(actors):
    iso = {row["iso2"] for row in csv.DictReader(COUNTRIES.open(encoding="utf-8"))}
    for a in actors:
        assert a["type"] in TYPES, a["name"]
        assert a.get("country", "") in iso | {""}, f"{a['name']}: unknown country {a.get('country')!r}"
        if a["type"] == "person":
            assert a.get("gender") in ("female", "male"), f"{a['name']}: a person needs a gender for pronouns"
        for role in a.get("roles", []):
            assert role["title"].strip(), a["name"]
            assert role.get("country", "") in iso | {""}, f"{a['name']}: {role}"
            start, end = _date(role.get("start")), _date(role.get("end"))  # raises on a date that is not ISO
            assert start is None or end is None or start <= end, f"{a['name']}: {role} ends before it starts"


@pytest.mark.parametrize(
    "spelling,person",
    [
        pytest.param("Micheal Martin", "Micheál Martin", id="Irish fada folded"),
        pytest.param("Jonas Gahr Store", "Jonas Gahr Støre", id="Norwegian o-slash written as o"),
        pytest.param("Gahr Store", "Jonas Gahr Støre", id="middle name and surname"),
        pytest.param("López Obrador", "Andres Manuel Lopez Obrador", id="Spanish double surname"),
        pytest.param("Yevhen Korniychuk", "Yevgen Korniychuk", id="Ukrainian transliteration"),
        pytest.param("Yevgeny Korniychuk", "Yevgen Korniychuk", id="Russian transliteration"),
        pytest.param("Serhii Kyslytsia", "Sergiy Kyslytsya", id="national transliteration"),
        pytest.param("Denys Monastyrskyi", "Denys Monastyrsky", id="-yi ending"),
        pytest.param("S. Jaishankar", "Subrahmanyam Jaishankar", id="initial as news writes it"),
        pytest.param("Kassym-Jomart Tokaev", "Kassym-Jomart Tokayev", id="Kazakh spelling variant"),
        pytest.param("Sauli Niinistö", "Sauli Niinisto", id="Finnish umlaut"),
        pytest.param("Natalia Gavrilița", "Natalia Gavrilita", id="Romanian comma below"),
    ],
)
def test_people_are_found_by_the_spellings_news_uses(spelling, person):
    entry = registry().person_matcher.match(spelling)
    assert entry is not None and entry.actor.name == person


@pytest.mark.parametrize(
    "text,date,speaker",
    [
        pytest.param('"Ireland stands with Ukraine," the Irish prime minister said.', "2022-03-01", "Micheál Martin", id="Taoiseach as Prime Minister, 2022"),
        pytest.param('"Ireland stands with Ukraine," the Irish prime minister said.', "2023-06-01", "Leo Varadkar", id="Taoiseach as Prime Minister, 2023"),
        pytest.param('"We will stay in government," the Israeli prime minister said.', "2022-05-01", "Naftali Bennett", id="before the rotation"),
        pytest.param('"We will stay in government," the Israeli prime minister said.', "2022-08-01", "Yair Lapid", id="after the rotation"),
        pytest.param('"Austria is militarily neutral," the Austrian chancellor said.', "2022-04-11", "Karl Nehammer", id="a chancellor other than Germany's"),
        pytest.param('"India buys oil where it is cheapest," the Indian foreign minister said.', "2022-06-03", "Subrahmanyam Jaishankar", id="Foreign Minister"),
    ],
)
def test_a_title_names_whoever_held_it_on_the_article_date(text, date, speaker):
    [(_, said_by, _, _)] = attributions_of(text, date)
    assert said_by == speaker

"""Actors: the curated registry in data/actors.toml and the country list.

The registry knows each actor's canonical name, type, country, aliases, dated roles and
metonyms ("Brussels" speaks for the European Union). How an article refers to them — names,
titles, roles, pronouns, institutions — is resolved over the article's memory (`memory`,
`speakers`); how names are spelled and matched is in `names`.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .config import load_settings
from .names import PersonMatcher, names_a_body, normalise
from .schema import Actor

__all__ = ["Actor", "Country", "Entry", "Registry", "Role", "actor_id_for", "country_of", "load_registry", "new_actor",
           "normalise", "registry", "slug"]

def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalise(name)).strip("-")


def actor_id_for(name: str) -> str:
    return f"actor:{slug(name)}"


@dataclass(frozen=True)
class Role:
    title: str
    country: str | None
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """A registry actor with what resolution needs beyond the stored record."""

    actor: Actor
    gender: str | None = None
    roles: list[Role] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Country:
    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonym: str | None
    lat: float | None
    lon: float | None
    capital: str | None


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Registry:
    """Lookup tables over the actor registry and the country list."""

    def __init__(self, entries: list[Entry], countries: list[Country]):
        self.entries = entries
        self.by_id = {e.actor.actor_id: e for e in entries}
        self.alias: dict[str, Entry] = {}
        self.surname: dict[str, list[Entry]] = {}
        self.metonym: dict[str, Entry] = {}
        self.roles: dict[str, list[tuple[Role, Entry]]] = {}
        for e in entries:
            for name in (e.actor.name, *e.actor.aliases):
                self.alias.setdefault(normalise(name), e)
            if e.actor.actor_type == "person":
                for name in (e.actor.name, *e.actor.aliases):
                    parts = normalise(name).split()
                    if len(parts) > 1:
                        self.surname.setdefault(parts[-1], [])
                        if e not in self.surname[parts[-1]]:
                            self.surname[parts[-1]].append(e)
            for m in e.metonyms:
                self.metonym[normalise(m)] = e
            for r in e.roles:
                key = normalise(r.title)
                # "Secretary-General" = "Secretary General"; "Leader of the Opposition" as descriptions key it ("leader of opposition")
                for k in {key, key.replace("-", " "), re.sub(r"\b(of|for) the\b", r"\1", key)}:
                    self.roles.setdefault(k, []).append((r, e))
        self.countries = countries
        self.country_by_name: dict[str, Country] = {}
        self.country_by_demonym: dict[str, Country] = {}
        self.country_by_capital: dict[str, Country] = {}
        for c in countries:
            for name in (c.name, *c.aliases):
                self.country_by_name.setdefault(normalise(name), c)
            if c.capital:
                self.country_by_capital.setdefault(normalise(c.capital), c)
            if c.demonym:
                self.country_by_demonym.setdefault(normalise(c.demonym), c)
        # Spelling variants of demonyms common in news copy.
        for variant, iso in (("belarussian", "BY"), ("byelorussian", "BY"), ("british", "GB"), ("american", "US"), ("u.s.", "US"), ("uk", "GB"), ("us", "US")):
            c = next((c for c in countries if c.iso2 == iso), None)
            if c:
                self.country_by_demonym.setdefault(variant, c)

    @functools.cached_property
    def person_matcher(self) -> PersonMatcher:
        """Registered people by any reasonable spelling of their names and aliases."""
        return PersonMatcher([(n, e) for e in self.entries if e.actor.actor_type == "person" for n in (e.actor.name, *e.actor.aliases)])

    @property
    def actors(self) -> list[Actor]:
        return [e.actor for e in self.entries]

    def country(self, iso2: str | None) -> Country | None:
        return next((c for c in self.countries if c.iso2 == iso2), None) if iso2 else None

    def government_name(self, country: Country) -> str:
        return f"{country.demonym or country.name} government"


def load_countries(path) -> list[Country]:
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.append(
                Country(
                    iso2=row["iso2"],
                    name=row["name"],
                    aliases=tuple(a for a in (row.get("aliases") or "").split("|") if a),
                    demonym=row.get("demonym") or None,
                    lat=float(row["lat"]) if row.get("lat") else None,
                    lon=float(row["lon"]) if row.get("lon") else None,
                    capital=row.get("capital") or None,
                )
            )
    return out


def load_registry(actors_file, countries_file) -> Registry:
    with open(actors_file, "rb") as fh:
        data = tomllib.load(fh)
    entries = []
    for item in data.get("actor", []):
        roles = [
            Role(r["title"], r.get("country") or None, _date(r.get("start")), _date(r.get("end")))
            for r in item.get("roles", [])
        ]
        actor = Actor(
            actor_id=actor_id_for(item["name"]),
            name=item["name"],
            actor_type=item.get("type", "organisation"),
            country_code=item.get("country") or None,
            aliases=list(item.get("aliases", [])),
            roles=[
                f"{r.title} ({r.start or '?'}–{r.end or 'now'})" for r in roles
            ],
            is_registered=True,
        )
        entries.append(Entry(actor, item.get("gender"), roles, list(item.get("metonyms", []))))
    return Registry(entries, load_countries(countries_file))


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    s = load_settings()
    return load_registry(s.actors_file, s.countries_file)


# --- made-up actors and qualifiers ----------------------------------------------------------

def new_actor(name: str, actor_type: str, country: str | None = None) -> Actor:
    """An actor the registry lacks, kept under the name the text gives (without a possessive's ending:
    "Exxon Mobil's" is Exxon Mobil)."""
    name = re.sub(r"(?<=\w)['’]s$", "", name.strip()) if " " in name.strip() else name
    if " " in name:  # never a name cut off before what it is of: "Ministry of Foreign Affairs of" is "Ministry of Foreign Affairs"
        name = re.sub(r"(?:\s+(?:of|for|and|the|in|on|at|to|&))+$", "", name, flags=re.I) or name
    if actor_type == "person" and names_a_body(name):
        actor_type = "organisation"  # "Hostages Families Forum", read as a name where a headline claims the words
    return Actor(actor_id=actor_id_for(name), name=name, actor_type=actor_type, country_code=country, aliases=[], roles=[], is_registered=False)



_POSSESSIVE = re.compile(r"['’]s?$")


def country_of(reg: Registry, qualifier: str | None) -> Country | None:
    """A country from a qualifier: 'Belarusian', "Poland's", 'UK', 'US'."""
    if not qualifier:
        return None
    key = normalise(_POSSESSIVE.sub("", qualifier.strip()))
    key = re.sub(r"^the\s+", "", key)
    return reg.country_by_demonym.get(key) or reg.country_by_name.get(key)


def country_of_misspelt_demonym(reg: Registry, word: str) -> Country | None:
    """'Ukranian', 'Belarussian': a nationality word one letter away from a demonym (seven letters
    or more, so that no short word or name comes close by chance)."""
    key = normalise(word)
    if len(key) < 7 or not key.isalpha() or not key.endswith(("an", "ish", "ese")):
        return None
    hit = process.extractOne(key, reg.country_by_demonym.keys(), scorer=fuzz.ratio, score_cutoff=88)
    return reg.country_by_demonym[hit[0]] if hit else None

"""Actors: the curated registry in data/actors.toml and the resolution of how news refers to them.

News English refers to one actor in many ways; each rule here is one of them:
- full names and registered aliases ("Liz Truss", "Elizabeth Truss");
- honorific + surname ("Ms Truss", "Mr Biden") and "Sir" + first name ("Sir Keir");
- titles before names ("Labour leader Keir Starmer", "US president Joe Biden");
- roles ("the Foreign Secretary"), first as introduced in the article, then from the
  registry's dated roles at the article's date;
- institutions, with national qualifiers normalised ("the Belarusian defence ministry" →
  "Belarusian Ministry of Defence") and metonyms ("Brussels" → European Union,
  "Downing Street", "the Kremlin");
- countries as speakers → "<Nationality> government".
People and organisations the registry lacks are kept as actors under the name the text gives.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field

from .config import load_settings
from .schema import Actor

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
    "gen", "general", "col", "colonel", "lt", "maj", "major", "capt", "captain", "adm", "admiral",
    "rev", "president", "pm", "minister", "secretary", "senator", "sen", "rep", "gov", "governor",
    "chancellor", "king", "queen", "prince", "princess", "pope", "sheikh", "mayor", "judge", "ambassador",
}
TITLE_TOKENS = HONORIFICS | {
    "prime", "foreign", "defence", "defense", "interior", "home", "deputy", "vice", "chief", "state", "labour",
    "opposition", "leader", "spokesman", "spokeswoman", "spokesperson", "mp", "us", "uk", "eu", "un", "nato",
    "russian", "ukrainian", "belarusian", "polish", "british", "american", "german", "french", "lithuanian",
    "former", "acting", "tory", "conservative", "democratic", "republican", "envoy", "commissioner", "commander",
}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "dame", "lady", "queen", "princess"}
MALE_HONORIFICS = {"mr", "sir", "lord", "king", "prince"}

MINISTRY_TOPICS = {
    "defence": "Defence", "defense": "Defence", "foreign": "Foreign Affairs", "foreign affairs": "Foreign Affairs",
    "interior": "Interior", "home": "Interior", "health": "Health", "finance": "Finance", "justice": "Justice",
    "emergency situations": "Emergency Situations", "emergencies": "Emergency Situations", "energy": "Energy",
}
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case, ASCII-folded, single-spaced, straight apostrophes: the key for lookups."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("ł", "l").replace("Ł", "L")
    return _SPACE.sub(" ", text).strip().lower()


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
                self.roles.setdefault(normalise(r.title), []).append((r, e))
        self.countries = countries
        self.country_by_name: dict[str, Country] = {}
        self.country_by_demonym: dict[str, Country] = {}
        for c in countries:
            for name in (c.name, *c.aliases):
                self.country_by_name.setdefault(normalise(name), c)
            if c.demonym:
                self.country_by_demonym.setdefault(normalise(c.demonym), c)
        # Spelling variants of demonyms common in news copy.
        for variant, iso in (("belarussian", "BY"), ("byelorussian", "BY"), ("british", "GB"), ("american", "US"), ("u.s.", "US"), ("uk", "GB"), ("us", "US")):
            c = next((c for c in countries if c.iso2 == iso), None)
            if c:
                self.country_by_demonym.setdefault(variant, c)

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


# --- resolution ------------------------------------------------------------------------------

_LEADING = re.compile(r"^(?:the|a|an|its|his|her|their|our)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_SPOKES = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press (?:secretary|office|officer|service)|representative|official|source|"
    r"statement|communiqu[eé]|press release|message|tweet|post)s?\b",
    re.I,
)
_MINISTRY = re.compile(
    r"^(?:(?P<nat>[\w.'’ -]+?)(?:['’]s?)?\s+)?(?P<topic>defen[cs]e|foreign(?: affairs)?|interior|home|health|finance|justice|emergency situations|emergencies|energy)\s+ministry$"
    r"|^(?:(?P<nat3>[\w.'’ -]+?)(?:['’]s?)?\s+)?ministry of (?P<topic2>defen[cs]e|foreign affairs|interior|health|finance|justice|emergency situations|energy)(?: of (?P<nat2>[\w .'’-]+))?$",
    re.I,
)
_GOVERNMENT = re.compile(
    r"^(?:(?P<nat>[\w.'’ -]+?)(?:['’]s?)?\s+)?(?:government|authorities|administration|cabinet)$"
    r"|^(?:government|authorities) (?:of|in) (?:the )?(?P<nat2>[\w .'’-]+)$",
    re.I,
)
_MILITARY = re.compile(r"^(?P<nat>[\w.'’ -]+?)(?:['’]s?)?\s+(?:military|army|armed forces|troops|forces)$", re.I)


_ROLE_ABBREVIATIONS = {"pm": "prime minister", "fm": "foreign minister", "sec gen": "secretary general"}


@dataclass
class ArticleActors:
    """What one article has said so far about who is who: grows as the article is read."""

    published: dt.date | None
    persons: dict[str, Actor] = field(default_factory=dict)  # normalised full name -> actor
    roles: dict[str, Actor] = field(default_factory=dict)  # normalised title -> actor
    gender: dict[str, str] = field(default_factory=dict)  # actor_id -> female/male
    seen: dict[str, Actor] = field(default_factory=dict)  # actor_id -> actor

    def remember(self, actor: Actor, gender: str | None = None) -> Actor:
        self.seen.pop(actor.actor_id, None)  # most recently mentioned last
        self.seen[actor.actor_id] = actor
        if actor.actor_type == "person":
            self.persons.setdefault(normalise(actor.name), actor)
        if gender:
            self.gender.setdefault(actor.actor_id, gender)
        return actor


def new_actor(name: str, actor_type: str, country: str | None = None) -> Actor:
    return Actor(actor_id=actor_id_for(name), name=name, actor_type=actor_type, country_code=country, aliases=[], roles=[], is_registered=False)


def _strip(text: str) -> str:
    text = text.strip(" ,;:-–—\"'“”‘’()")
    while True:
        new = _LEADING.sub("", text)
        if new == text:
            return text
        text = new


def country_of(reg: Registry, qualifier: str | None) -> Country | None:
    """A country from a qualifier: 'Belarusian', "Poland's", 'UK', 'US'."""
    if not qualifier:
        return None
    key = normalise(_POSSESSIVE.sub("", qualifier.strip()))
    key = re.sub(r"^the\s+", "", key)
    return reg.country_by_demonym.get(key) or reg.country_by_name.get(key)


def _institution(reg: Registry, text: str) -> Actor | None:
    """Ministries, governments and militaries named by a national qualifier."""
    t = _strip(text)
    m = _MINISTRY.match(t)
    if m:
        topic = MINISTRY_TOPICS[normalise(m.group("topic") or m.group("topic2")).replace("defense", "defence")]
        nat = m.group("nat") or m.group("nat2") or m.group("nat3")
        country = country_of(reg, nat)
        if country is None and nat:
            return None
        if country is None:
            # "Ministry of Defence" alone is the UK's department's own name.
            entry = reg.alias.get(normalise(t))
            return entry.actor if entry else None
        name = f"{country.demonym or country.name} Ministry of {topic}"
        entry = reg.alias.get(normalise(name))
        return entry.actor if entry else new_actor(name, "government", country.iso2)
    m = _GOVERNMENT.match(t)
    if m:
        country = country_of(reg, m.group("nat") or m.group("nat2"))
        if country:
            name = reg.government_name(country)
            entry = reg.alias.get(normalise(name))
            return entry.actor if entry else new_actor(name, "government", country.iso2)
    m = _MILITARY.match(t)
    if m:
        country = country_of(reg, m.group("nat"))
        if country:
            name = f"{country.demonym or country.name} Armed Forces"
            entry = reg.alias.get(normalise(name))
            return entry.actor if entry else new_actor(name, "military", country.iso2)
    return None


def resolve_person(reg: Registry, ctx: ArticleActors, name: str) -> Actor:
    """A person's canonical actor from a name as written ('Ms Truss', 'Sir Keir', 'Joe Biden')."""
    tokens = [t for t in re.split(r"\s+", name.strip()) if t]
    honorific = None
    while tokens and normalise(tokens[0]).rstrip(".") in HONORIFICS and len(tokens) > 1:
        honorific = normalise(tokens.pop(0)).rstrip(".")
    while len(tokens) > 2 and normalise(tokens[0]).rstrip(".") in TITLE_TOKENS:
        tokens.pop(0)  # "Prime Minister Boris Johnson", "Foreign Secretary Liz Truss" as one entity
    tokens = [_POSSESSIVE.sub("", t) if i == len(tokens) - 1 else t for i, t in enumerate(tokens)]
    clean_name = " ".join(tokens).strip(" ,.")
    key = normalise(clean_name)
    gender = "female" if honorific in FEMALE_HONORIFICS else "male" if honorific in MALE_HONORIFICS else None
    entry = reg.alias.get(key)
    if entry and entry.actor.actor_type == "person":
        return ctx.remember(entry.actor, gender or entry.gender)
    if key in ctx.persons:
        return ctx.remember(ctx.persons[key], gender)
    parts = key.split()
    if len(parts) == 1:
        # A surname (or, after "Sir"/"Dame", a first name): an earlier full name in the article.
        # A surname; or a first name ("Sir Keir", and "Keir" where NER dropped the "Sir").
        for first_name in (False, True):
            for full, actor in reversed(list(ctx.persons.items())):
                fparts = full.split()
                if len(fparts) > 1 and fparts[0 if first_name else -1] == key:
                    return ctx.remember(actor, gender)
        candidates = reg.surname.get(key, [])
        if len(candidates) == 1:
            return ctx.remember(candidates[0].actor, gender or candidates[0].gender)
    return ctx.remember(new_actor(clean_name, "person"), gender)


def resolve_role(
    reg: Registry, ctx: ArticleActors, title: str, country: Country | None = None, international: bool = False
) -> Actor | None:
    """A role ('the Foreign Secretary', "Poland's defence minister") to the person holding it."""
    key = normalise(_strip(title))
    key = _ROLE_ABBREVIATIONS.get(key, key)
    if key in ctx.roles:
        return ctx.roles[key]
    candidates = [(r, e) for r, e in reg.roles.get(key, []) if country is None or r.country in (None, country.iso2)]
    if ctx.published is None and len({e.actor.actor_id for _, e in candidates}) != 1:
        return None  # with no date, who held a role is a guess
    holders = [(r, e) for r, e in candidates if ctx.published is None or r.holds_on(ctx.published)]
    if international:  # "the bloc's top diplomat", "the alliance's secretary general"
        holders = [(r, e) for r, e in holders if r.country is None]
    if country is not None and any(r.country == country.iso2 for r, _ in holders):
        holders = [(r, e) for r, e in holders if r.country == country.iso2]  # "America's top diplomat"
    if country is None and len({r.country for r, _ in holders}) > 1:
        # An unqualified role: prefer one whose holder is already in the article.
        in_article = [(r, e) for r, e in holders if e.actor.actor_id in ctx.seen]
        holders = in_article or holders
    if len({e.actor.actor_id for _, e in holders}) == 1:
        return ctx.remember(holders[0][1].actor, holders[0][1].gender)
    return None


def resolve_name(reg: Registry, ctx: ArticleActors, text: str) -> Actor | None:
    """An organisation, government, metonym or registered alias named by a phrase."""
    t = _strip(text)
    key = normalise(t)
    if not key:
        return None
    entry = reg.alias.get(key) or reg.metonym.get(key)
    if entry:
        return ctx.remember(entry.actor, entry.gender)
    inst = _institution(reg, t)
    if inst:
        return ctx.remember(inst)
    country = reg.country_by_name.get(key)
    if country:
        name = reg.government_name(country)
        entry = reg.alias.get(normalise(name))
        return ctx.remember(entry.actor if entry else new_actor(name, "government", country.iso2))
    if key in ctx.persons:
        return ctx.persons[key]
    return None


def find_in_phrase(reg: Registry, ctx: ArticleActors, phrase: str) -> Actor | None:
    """The longest registered alias, metonym or institution contained in a phrase
    ("A Ministry of Defence spokesperson" → UK Ministry of Defence)."""
    words = _strip(phrase).split()
    for size in range(len(words), 0, -1):
        for start in range(0, len(words) - size + 1):
            chunk = " ".join(words[start : start + size])
            if size == 1 and not chunk[:1].isupper():
                continue
            found = resolve_name(reg, ctx, chunk)
            if found:
                return found
    return None


def is_spokesperson(phrase: str) -> bool:
    return bool(_SPOKES.search(phrase))

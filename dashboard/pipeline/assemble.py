"""Assemble typed records from a cleaned, parsed article; link the same words across outlets."""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc

from .actors import normalise, registry
from .clean import CleanArticle
from .config import load_settings
from .dates import resolve_date
from .events import find_event
from .memory import ArticleMemory
from .nlp import sentence_at, sentences
from .places import find_places
from .quote_spans import QuoteIndex
from .quotes import extract_quotes, quote_spans_of, speech_act
from .schema import (
    Actor,
    ActorMention,
    Article,
    Event,
    Place,
    PlaceMention,
    Quote,
    Sentence,
)

SPEECH_ACTS = {"statement", "warning", "threat", "accusation", "denial", "appeal", "announcement", "condemnation"}
PIPELINE_VERSION = "2026.11.23-4"


def _id(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _is_credit_or_byline(clean: CleanArticle, text: str, start: int, end: int) -> bool:
    """Photo credits "(Name/Agency)" and the byline name people who are not in the story."""
    open_paren = text.rfind("(", max(0, start - 80), start)
    close_paren = text.find(")", end, end + 80)
    if open_paren >= 0 and close_paren >= 0 and "\n" not in text[open_paren:close_paren]:
        inside = text[open_paren:close_paren]
        if "/" in inside or re.search(r"\b(?:photo|pool|getty|reuters|ap|afp|pa)\b", inside, re.I):
            return True
    if "/" in text[start:end]:
        return True
    return bool(clean.byline) and text[start:end].strip() in clean.byline and start < clean.body_start + 200


def article_records(clean: CleanArticle, doc: Doc) -> dict[str, list]:
    """Every record of one article. Pure: depends only on its inputs and the bundled data."""
    reg = registry()
    raw = clean.raw
    article_id = raw.sha256[:16]
    fs = clean.file_span

    sentence_records: dict[int, Sentence] = {}

    def record_sentence(s) -> Sentence:
        """The sentence as a record: plain-text sentences carry the file's own characters."""
        if s.start_char not in sentence_records:
            a, b = fs(s.start_char, s.end_char)
            text = raw.text[a:b] if clean.origin is None else s.text.strip()
            sentence_records[s.start_char] = Sentence(f"{article_id}:{a}", article_id, a, b, text)
        return sentence_records[s.start_char]

    for s in sentences(doc):
        if s.text.strip():
            record_sentence(s)

    def sentence_id_of_char(char: int) -> str:
        return record_sentence(sentence_at(doc, char)).sentence_id

    def sentence_id_of(span) -> str:
        return sentence_id_of_char(span.start_char)

    memory = ArticleMemory(doc, reg, clean.publication_date, QuoteIndex(quote_spans_of(clean.view)))
    disabled = load_settings().disabled_sieves
    quotes_found = extract_quotes(doc, memory, clean.title_span, disabled)  # headlines included: they carry quotes too
    places_found = find_places(doc)

    actors: dict[str, Actor] = {}
    mentions: list[ActorMention] = []

    def keep_actor(actor: Actor | None) -> str | None:
        if actor is None:
            return None
        actors.setdefault(actor.actor_id, actor)
        return actor.actor_id

    # Actor mentions: every name, organisation and description the memory linked to an actor,
    # not photo credits or bylines, nor lone names no one else in the article shares.
    for m in memory.mentions:
        if m.kind in ("pronoun", "speaker") or m.entity.is_lone_name or len(m.entity.actor.name) < 2:
            continue
        if _is_credit_or_byline(clean, clean.view, m.start, m.end):
            continue
        keep_actor(m.entity.actor)
        a, b = fs(m.start, m.end)
        surface = raw.text[a:b] if clean.origin is None else clean.view[m.start : m.end]
        mentions.append(ActorMention(f"{article_id}:{a}:{b}", article_id, m.entity.actor.actor_id, surface, a, b, sentence_id_of_char(m.start)))

    quotes: list[Quote] = []
    for f in quotes_found:
        a, b = fs(f.span.start, f.span.end)
        text = f.text if clean.origin is None else f.text
        rd = resolve_date(f.sentence.text, clean.publication_date, "past")
        speaker_id = keep_actor(f.attribution.actor)
        quotes.append(
            Quote(
                quote_id=_id(article_id, a, b),
                article_id=article_id,
                text=text,
                start_char=a,
                end_char=b,
                speaker_actor_id=speaker_id,
                speaker=f.attribution.actor.name if f.attribution.actor else None,
                speaker_surface=f.attribution.surface,
                cue_verb=f.attribution.cue,
                speech_act=speech_act(f.attribution.cue),
                confidence=round(f.attribution.confidence, 2),
                mention_sieve=f.attribution.mention_sieve,
                speaker_sieve=f.attribution.speaker_sieve,
                sentence_id=sentence_id_of(f.sentence),
                quote_date=rd.date,
                cluster_id="",
            )
        )

    places: dict[str, Place] = {}
    place_mentions: list[PlaceMention] = []
    for p in places_found:
        a, b = fs(p.start, p.end)
        role = "mention" if memory.in_quote(p.start) else p.role  # words of a speaker, not events
        if p.place is not None:
            places.setdefault(p.place.place_id, p.place)
        place_mentions.append(
            PlaceMention(
                mention_id=f"{article_id}:{a}:{b}",
                article_id=article_id,
                place_id=p.place.place_id if p.place else None,
                name=p.place.name if p.place else p.surface,
                surface=p.surface,
                role=role,
                start_char=a,
                end_char=b,
                sentence_id=sentence_id_of(p.sentence),
            )
        )

    events: list[Event] = []
    def inside_quote(i: int) -> bool:
        return memory.in_quote(i)

    quote_at_start = sorted((q.start_char, q.end_char, q) for q in quotes)
    quote_starts = [a for a, _, _ in quote_at_start]

    def quote_in(a: int, b: int) -> Quote | None:
        """The first quote starting in [a, b), or one that runs over a (binary search, not a scan)."""
        k = bisect.bisect_left(quote_starts, a)
        if k < len(quote_at_start) and quote_at_start[k][0] < b:
            return quote_at_start[k][2]
        if k and quote_at_start[k - 1][1] > a:
            return quote_at_start[k - 1][2]
        return None

    for s in sentences(doc):
        if not s.text.strip() or len(s) < 4:
            continue
        if clean.title_span and s.start_char < clean.title_span[1] and s.end_char > clean.title_span[0]:
            continue  # the headline summarises an event the body reports
        ev = find_event(s, memory)
        if ev is None:
            continue
        rd = resolve_date(s.text, clean.publication_date, ev.tense)
        a, b = fs(s.start_char, s.end_char)
        sent_places = [p for p in places_found if s.start_char <= p.start < s.end_char and p.place]
        where = [p for p in sent_places if p.role in ("event", "speech") and not inside_quote(p.start)]
        quote = quote_in(a, b)
        if quote is not None and quote.speaker_actor_id and ev.event_type in SPEECH_ACTS:
            # The statement's actor is its quote's speaker: one resolution for both records.
            ev.actors = [actors[quote.speaker_actor_id]]
        for actor in ev.actors + ev.targets:
            keep_actor(actor)
        events.append(
            Event(
                event_id=_id(article_id, a, b, ev.event_type),
                article_id=article_id,
                event_type=ev.event_type,
                summary=re.sub(r"\s+", " ", s.text).strip()[:300],
                event_date=rd.date,
                date_precision=rd.precision if rd.date else "unknown",
                is_date_fallback=rd.is_fallback,
                date_source="none" if rd.date is None else ("publication" if rd.is_fallback else "stated"),
                actor_ids=[x.actor_id for x in ev.actors],
                target_actor_ids=[x.actor_id for x in ev.targets if x.actor_id not in {y.actor_id for y in ev.actors}],
                place_ids=list(dict.fromkeys(p.place.place_id for p in where)),
                start_char=a,
                end_char=b,
                sentence_id=sentence_id_of(s),
                quote_id=quote.quote_id if quote else None,
                cluster_id="",
            )
        )

    body_words = len(re.findall(r"\w+", clean.view[clean.body_start :]))
    article = Article(
        article_id=article_id,
        path=raw.name,
        text=raw.text,
        body_start=fs(clean.body_start, clean.body_start)[0],
        is_html=raw.is_html,
        n_words=body_words,
        **clean.metadata_fields(),
    )
    return {
        "articles": [article],
        "sentences": sorted(sentence_records.values(), key=lambda s: s.start_char),
        "actors": sorted(actors.values(), key=lambda x: x.actor_id),
        "actor_mentions": mentions,
        "places": sorted(places.values(), key=lambda x: x.place_id),
        "place_mentions": place_mentions,
        "quotes": quotes,
        "events": events,
    }


# --- across articles -------------------------------------------------------------------------

def _norm_words(text: str) -> str:
    return re.sub(r"[^\w ]+", "", normalise(text)).strip()


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b or (len(a) > 12 and a in b) or (len(b) > 12 and b in a):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


class _Union:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i, j):
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _clusters(items: list, same) -> list[int]:
    u = _Union(len(items))
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if same(items[i], items[j]):
                u.union(i, j)
    return [u.find(i) for i in range(len(items))]


def link_across(tables: dict[str, list]) -> dict[str, list]:
    """Give the same quote or event reported in several articles one cluster id and the list
    of outlets carrying it."""

    outlet_of = {a.article_id: (a.outlet or a.path) for a in tables["articles"]}

    def relabel(records, same, key, ident):
        records = sorted(records, key=key)
        roots = _clusters(records, same)
        members = defaultdict(list)
        for rec, root in zip(records, roots):
            members[root].append(rec)
        out = []
        for rec, root in zip(records, roots):
            group = members[root]
            cluster_id = min(ident(r) for r in group)
            outlets = sorted({outlet_of[r.article_id] for r in group})
            out.append(replace(rec, cluster_id=cluster_id, outlets=outlets, n_outlets=len(outlets)))
        return out

    qnorm = {q.quote_id: _norm_words(q.text) for q in tables["quotes"]}

    def same_quote(a: Quote, b: Quote) -> bool:
        if a.article_id == b.article_id:
            return False
        if a.speaker_actor_id and b.speaker_actor_id and a.speaker_actor_id != b.speaker_actor_id:
            return False
        return len(qnorm[a.quote_id]) >= 8 and _similar(qnorm[a.quote_id], qnorm[b.quote_id])

    enorm = {e.event_id: _norm_words(e.summary) for e in tables["events"]}

    def same_event(a: Event, b: Event) -> bool:
        if a.article_id == b.article_id or a.event_type != b.event_type:
            return False
        if a.event_date and b.event_date and abs((a.event_date - b.event_date).days) > 1:
            return False
        if a.actor_ids and b.actor_ids and not set(a.actor_ids) & set(b.actor_ids):
            return False
        x, y = enorm[a.event_id], enorm[b.event_id]
        return difflib.SequenceMatcher(None, x, y).ratio() >= 0.75

    tables = dict(tables)
    quotes = relabel(tables["quotes"], same_quote, key=lambda q: (q.article_id, q.start_char), ident=lambda q: q.quote_id)
    dated = {}
    for q in quotes:
        if q.quote_date is not None:
            dated.setdefault(q.cluster_id, q.quote_date)
    # The same words carried undated by one outlet take the date another outlet gives them.
    tables["quotes"] = [q if q.quote_date or q.cluster_id not in dated else replace(q, quote_date=dated[q.cluster_id]) for q in quotes]
    tables["events"] = _date_from_linked_reports(
        relabel(tables["events"], same_event, key=lambda e: (e.article_id, e.start_char, e.event_type), ident=lambda e: e.event_id),
        {a.article_id: a.publication_date for a in tables["articles"]},
    )
    return tables


def _date_from_linked_reports(events: list[Event], published: dict[str, object]) -> list[Event]:
    """An undated report of an event is dated from another outlet's report of the same event:
    its own words ("on Thursday") are resolved against that report's publication date, or,
    if they state nothing, it takes that report's date."""

    source_of: dict[str, Event] = {}
    for source in ("stated", "publication"):  # a date stated in a sentence beats a publication date
        for e in events:
            if e.date_source == source and e.cluster_id not in source_of:
                source_of[e.cluster_id] = e
    out = []
    for e in events:
        src = source_of.get(e.cluster_id)
        if e.event_date is None and src is not None:
            own = resolve_date(e.summary, published.get(src.article_id), "past")
            if own.date is not None and not own.is_fallback:
                e = replace(e, event_date=own.date, date_precision=own.precision, is_date_fallback=True, date_source="linked")
            else:
                e = replace(e, event_date=src.event_date, date_precision=src.date_precision, is_date_fallback=True, date_source="linked")
        out.append(e)
    return out


def merge(per_article: list[dict[str, list]]) -> dict[str, list]:
    """Concatenate per-article tables; actors and places deduplicated by id."""
    out: dict[str, list] = defaultdict(list)
    actors: dict[str, Actor] = {}
    places: dict[str, Place] = {}
    for tables in per_article:
        for name, records in tables.items():
            if name == "actors":
                for a in records:
                    prev = actors.get(a.actor_id)
                    if prev is None or (a.is_registered and not prev.is_registered):
                        actors[a.actor_id] = a
            elif name == "places":
                for p in records:
                    places.setdefault(p.place_id, p)
            else:
                out[name].extend(records)
    out["actors"] = sorted(actors.values(), key=lambda a: a.actor_id)
    out["places"] = sorted(places.values(), key=lambda p: p.place_id)
    return dict(out)

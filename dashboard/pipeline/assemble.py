"""Assemble typed records from a cleaned, parsed article (linking across articles: `link.py`)."""

from __future__ import annotations

import bisect
import hashlib
import re

from spacy.tokens import Doc

from .actors import registry
from .clean import CleanArticle
from .config import load_settings
from .dates import resolve_date
from .events import find_event
from .memory import ArticleMemory
from .nlp import cached_tokens, sentence_at, sentences
from .places import dateline_places, find_places
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
PIPELINE_VERSION = "2026.12.11-1"


def _id(*parts) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _is_byline(clean: CleanArticle, text: str, start: int, end: int) -> bool:
    """The byline names a journalist, not someone in the story."""
    return bool(clean.byline) and text[start:end].strip() in clean.byline and start < clean.body_start + 200


def article_records(clean: CleanArticle, doc: Doc) -> dict[str, list]:
    """Every record of one article. Pure: depends only on its inputs and the bundled data."""
    doc = cached_tokens(doc)
    reg = registry()
    raw = clean.raw
    article_id = raw.sha256[:16]
    fs = clean.file_span

    sentence_records: dict[int, Sentence] = {}

    def record_sentence(s) -> Sentence:
        """The sentence as a record: plain-text sentences carry the file's own characters."""
        if s.start_char not in sentence_records:
            a, b = fs(s.start_char, s.end_char)
            text = raw.text[a:b] if clean.origin is None else doc_text[s.start_char : s.end_char].strip()
            sentence_records[s.start_char] = Sentence(f"{article_id}:{a}", article_id, a, b, text)
        return sentence_records[s.start_char]

    doc_text = doc.text  # joined once (a span's `.text` is rebuilt from its tokens)
    for s in sentences(doc):
        if doc_text[s.start_char : s.end_char].strip():
            record_sentence(s)

    def sentence_id_of_char(char: int) -> str:
        return record_sentence(sentence_at(doc, char)).sentence_id

    def sentence_id_of(span) -> str:
        return sentence_id_of_char(span.start_char)

    memory = ArticleMemory(doc, reg, clean.publication_date, QuoteIndex(quote_spans_of(clean.view)), opening=clean.body[:600])
    disabled = load_settings().disabled_sieves
    quotes_found = extract_quotes(doc, memory, clean.title_span, disabled)  # headlines included: they carry quotes too
    places_found = sorted(find_places(doc) + dateline_places(doc, clean.datelines), key=lambda p: p.start)

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
        if _is_byline(clean, clean.view, m.start, m.end):
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

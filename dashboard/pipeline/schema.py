"""Every record type of the product, defined once.

Each field carries a one-line description in its metadata. The Arrow schema used by
the store, the DuckDB views, the dashboard's columns and the export columns are all
derived from these classes (see `arrow_schema`, `columns`, `to_row`).

Naming rules: `*_id` is a deterministic identifier, `*_date` a calendar date,
`is_*` a flag, `start_char`/`end_char` a span into the article's original file text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from dataclasses import dataclass, field

import pyarrow as pa

SCHEMA_VERSION = 6


def _f(doc: str, default=dataclasses.MISSING, factory=dataclasses.MISSING):
    """A dataclass field with its one-line description."""
    kwargs = {"metadata": {"doc": doc}}
    if default is not dataclasses.MISSING:
        kwargs["default"] = default
    if factory is not dataclasses.MISSING:
        kwargs["default_factory"] = factory
    return field(**kwargs)


ACTOR_TYPES = ("person", "government", "organisation", "military", "media", "unknown")
PLACE_ROLES = ("event", "speech", "mention")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")
DATE_SOURCES = ("stated", "publication", "linked", "none")
METADATA_SOURCES = ("manifest", "page metadata", "stated", "inferred")  # in order of trust
BODY_METHODS = ("trafilatura", "visible text", "plain text")
EVENT_TYPES = (
    "statement", "warning", "threat", "accusation", "denial", "appeal", "announcement",
    "condemnation", "deployment", "military exercise", "meeting", "migration incident",
    "sanction", "attack", "support", "other",
)


@dataclass(frozen=True)
class Article:
    """One input article as read and cleaned."""

    article_id: str = _f("Deterministic id: hash of the file's bytes")
    path: str = _f("File name the article was read from")
    outlet: str | None = _f("Publishing outlet under its registry name (data/outlets.csv), else as given; null when nothing names it")
    title: str | None = _f("Headline, null when none was found")
    byline: str | None = _f("Author or agency line, null when none")
    publication_date: dt.date | None = _f("Date the article was published, from the manifest, the page or the text; null, never guessed")
    text: str = _f("The article's original text (decoded file contents); every span points here")
    body_start: int = _f("Offset where the body text starts")
    is_html: bool = _f("Whether the file was HTML")
    n_words: int = _f("Words of body text")
    url: str | None = _f("Web address of the article (manifest, upload form or the page's canonical link); null when unknown", default=None)
    url_source: str | None = _f("Where the URL came from: manifest or page metadata; null when there is none", default=None)
    outlet_id: str | None = _f("Registry id of the outlet (data/outlets.csv); null when the outlet is not registered", default=None)
    outlet_source: str | None = _f("Where the outlet came from: manifest, page metadata, stated (the text) or inferred (the URL's domain)", default=None)
    is_state_media: bool = _f("Whether the registry lists the outlet as state-controlled media (false when unknown)", default=False)
    title_source: str | None = _f("Where the headline came from: page metadata or stated", default=None)
    byline_source: str | None = _f("Where the byline came from: page metadata or stated", default=None)
    publication_date_source: str | None = _f("Where the publication date came from: manifest, page metadata or stated", default=None)
    body: str = _f("The text as analysed: boilerplate removed, paragraphs separated by a blank line", default="")
    body_method: str = _f("How the body was found: trafilatura, visible text (trafilatura found none) or plain text", default="plain text")


@dataclass(frozen=True)
class Sentence:
    """A sentence of body text: the provenance unit every record points back to."""

    sentence_id: str = _f("Deterministic id: article id + start offset")
    article_id: str = _f("Article the sentence belongs to")
    start_char: int = _f("Start offset into the article text")
    end_char: int = _f("End offset into the article text")
    text: str = _f("Sentence text (whitespace as in the source)")


@dataclass(frozen=True)
class Actor:
    """A person, government, organisation, military or media outlet, under one canonical name."""

    actor_id: str = _f("Deterministic id from the canonical name")
    name: str = _f("Canonical name")
    actor_type: str = _f("person, government, organisation, military, media or unknown")
    country_code: str | None = _f("ISO 3166-1 alpha-2 country the actor belongs to")
    aliases: list[str] = _f("Other names seen or registered for the actor", factory=list)
    roles: list[str] = _f("Roles such as 'Foreign Secretary' (with dates where known)", factory=list)
    is_registered: bool = _f("Whether the actor comes from the curated registry", default=False)


@dataclass(frozen=True)
class ActorMention:
    """One place in an article where an actor is named or referred to."""

    mention_id: str = _f("Deterministic id: article id + span")
    article_id: str = _f("Article of the mention")
    actor_id: str = _f("Actor referred to")
    surface: str = _f("Text as written")
    start_char: int = _f("Start offset into the article text")
    end_char: int = _f("End offset into the article text")
    sentence_id: str = _f("Sentence containing the mention")


@dataclass(frozen=True)
class Place:
    """A resolved geographic entity from the offline gazetteer."""

    place_id: str = _f("Deterministic id from the gazetteer entry")
    name: str = _f("Canonical English name")
    feature: str = _f("country, region, city or area")
    country_code: str | None = _f("ISO 3166-1 alpha-2 country code")
    lat: float | None = _f("Latitude (WGS84)")
    lon: float | None = _f("Longitude (WGS84)")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in an article, with the role it plays there."""

    mention_id: str = _f("Deterministic id: article id + span")
    article_id: str = _f("Article of the mention")
    place_id: str | None = _f("Resolved place; null when the name is not in the gazetteer")
    name: str = _f("Canonical name, or the surface text when unresolved")
    surface: str = _f("Text as written")
    role: str = _f("event (something happened there), speech (a speaker spoke there) or mention")
    start_char: int = _f("Start offset into the article text")
    end_char: int = _f("End offset into the article text")
    sentence_id: str = _f("Sentence containing the mention")


@dataclass(frozen=True)
class Quote:
    """A direct quotation: exact words between quotation marks and who said them."""

    quote_id: str = _f("Deterministic id: article id + span")
    article_id: str = _f("Article the quote appears in")
    text: str = _f("Exactly the characters between the quotation marks (for HTML: the visible text, entities decoded)")
    start_char: int = _f("Start offset of the quoted text (inside the marks) in the original file text, raw HTML included")
    end_char: int = _f("End offset of the quoted text (inside the marks) in the original file text, raw HTML included")
    speaker_actor_id: str | None = _f("Speaker; null when the text names no source")
    speaker: str | None = _f("Speaker's canonical name; null when unknown")
    speaker_surface: str | None = _f("How the text refers to the speaker ('she', 'Ms Truss')")
    cue_verb: str | None = _f("Lemma of the reporting verb ('say', 'warn'), null when none")
    speech_act: str = _f("Event type of the speech act (statement, warning, accusation, …)")
    confidence: float = _f("0–1 confidence in the speaker attribution, from the table of its two sieves")
    mention_sieve: str = _f("Rule that found the words naming the speaker (governing_cue, continuation, according_to, …)")
    speaker_sieve: str = _f("Rule that resolved those words to the speaker (name, role, pronoun, institution, …)")
    sentence_id: str = _f("Sentence containing the quote's start")
    quote_date: dt.date | None = _f("Date the words were said, resolved from the sentence")
    cluster_id: str = _f("Same words across articles share this id")
    n_outlets: int = _f("Number of distinct outlets carrying these words", default=1)
    outlets: list[str] = _f("Outlets carrying these words", factory=list)


@dataclass(frozen=True)
class Event:
    """Something that happened, from one event-bearing clause of one article."""

    event_id: str = _f("Deterministic id: article id + span")
    article_id: str = _f("Article the event is reported in")
    event_type: str = _f("statement, warning, accusation, deployment, meeting, …")
    summary: str = _f("The clause, trimmed, as the reader should see it")
    event_date: dt.date | None = _f("Resolved date of the event")
    date_precision: str = _f("day, week, month, year or unknown")
    is_date_fallback: bool = _f("True when the sentence states no date (publication date or a linked report's date is used)")
    date_source: str = _f("stated (in the sentence), publication, linked (from another outlet's report of it) or none", default="none")
    actor_ids: list[str] = _f("Who acts", factory=list)
    target_actor_ids: list[str] = _f("Who or what is acted upon or talked about", factory=list)
    place_ids: list[str] = _f("Places where it happened", factory=list)
    start_char: int = _f("Start offset of the clause's sentence", default=0)
    end_char: int = _f("End offset of the clause's sentence", default=0)
    sentence_id: str = _f("Sentence the event comes from", default="")
    quote_id: str | None = _f("The quote this event reports, for statements", default=None)
    cluster_id: str = _f("The same event across articles shares this id", default="")
    n_outlets: int = _f("Number of distinct outlets reporting the event", default=1)
    outlets: list[str] = _f("Outlets reporting the event", factory=list)


@dataclass(frozen=True)
class Problem:
    """An input that could not be processed, named with the reason."""

    path: str = _f("The input's path as given")
    error: str = _f("Clear reason it was skipped")


RECORD_TYPES: dict[str, type] = {
    "articles": Article,
    "sentences": Sentence,
    "actors": Actor,
    "actor_mentions": ActorMention,
    "places": Place,
    "place_mentions": PlaceMention,
    "quotes": Quote,
    "events": Event,
    "problems": Problem,
}


def fields_of(record_type: type) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(record_type)


def columns(record_type: type) -> list[str]:
    """Column names of a record type, in definition order."""
    return [f.name for f in fields_of(record_type)]


def describe(record_type: type) -> dict[str, str]:
    """Column name -> one-line description."""
    return {f.name: f.metadata["doc"] for f in fields_of(record_type)}


def _arrow_type(tp) -> tuple[pa.DataType, bool]:
    """Map a field annotation to (Arrow type, nullable)."""
    nullable = False
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        nullable = len(args) != len(typing.get_args(tp))
        tp = args[0]
        origin = typing.get_origin(tp)
    if origin is list:
        inner, _ = _arrow_type(typing.get_args(tp)[0])
        return pa.list_(inner), nullable
    mapping = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}
    return mapping[tp], nullable


def arrow_schema(record_type: type) -> pa.Schema:
    """The Arrow schema of a record type, derived from its dataclass fields."""
    hints = typing.get_type_hints(record_type)
    out = []
    for f in fields_of(record_type):
        arrow_t, nullable = _arrow_type(hints[f.name])
        out.append(pa.field(f.name, arrow_t, nullable=nullable, metadata={"doc": f.metadata["doc"]}))
    return pa.schema(out)


def to_row(record) -> dict:
    """A record as a plain dict (lists copied), in column order."""
    return {f.name: getattr(record, f.name) for f in fields_of(type(record))}


def from_row(record_type: type, row: dict):
    """Rebuild a record from a row read back from the store."""
    hints = typing.get_type_hints(record_type)
    kwargs = {}
    for f in fields_of(record_type):
        value = row.get(f.name)
        if value is not None and typing.get_origin(hints[f.name]) is list:
            value = list(value)
        elif value is None and typing.get_origin(hints[f.name]) is list:
            value = []
        elif isinstance(value, str) and dt.date in typing.get_args(hints[f.name]):
            value = dt.date.fromisoformat(value)
        kwargs[f.name] = value
    return record_type(**kwargs)

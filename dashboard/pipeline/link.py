"""Link the same quote or event across articles, in near-linear time.

Two records are compared only when they share something: at least a third of one side's runs
of three words (events: of the same type), or, for a text of one or two words, a word. An
inverted index of those keys, looked up with each record's rarest keys (prefix filtering), gives
each record its candidates; rapidfuzz scores them; a union-find joins the pairs that
pass, so the clusters are the connected components of "same words" and do not depend on the
order records arrive in. A build that extends an earlier store seeds the union-find with the
clusters that store already has and compares only the new records (against everything), which
gives the same clusters as linking everything afresh, at the cost of the new records only.

Rules (one function each, tables of cases in tests/test_link.py):
- quotes: other article, no conflicting known speakers, at least 8 characters, and the same
  words (equal, one inside the other, or rapidfuzz ratio >= 85 on the normalised words);
- events: other article, same type, dates (when both have one) at most a day apart, actors
  (when both name some) in common, rapidfuzz ratio >= 75 on the normalised summaries.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Callable, Hashable, Iterable, Sequence

from rapidfuzz import fuzz

from .actors import normalise
from .dates import resolve_date
from .schema import Event, Quote

# Part of the store's manifest: a snapshot linked under other rules is relinked from scratch.
LINK_VERSION = "2"

QUOTE_MIN_CHARS = 8
QUOTE_RATIO = 85.0
QUOTE_CONTAINMENT_MIN_CHARS = 12
EVENT_RATIO = 75.0
EVENT_MAX_DAYS_APART = 1
MIN_SHARED = 0.34  # a candidate shares at least this share of one side's word 3-grams


def norm_words(text: str) -> str:
    """Lower-case, ASCII-folded words without punctuation: what "the same words" compares."""
    return re.sub(r"[^\w ]+", "", normalise(text)).strip()


def blocking_keys(norm: str, prefix: Hashable = None) -> tuple[set, set]:
    """(word 3-grams, words of a short text): a pair is a candidate only if it shares one.

    A text of three words or more is indexed under its 3-grams; a shorter one under its words,
    which longer texts look up too (so "unacceptable provocation" still meets the sentence that
    contains it)."""
    words = norm.split()
    if len(words) >= 3:
        return {(prefix, *words[i : i + 3]) for i in range(len(words) - 2)}, set()
    return set(), {(prefix, w) for w in words}


def word_keys(norm: str, prefix: Hashable = None) -> set:
    return {(prefix, w) for w in norm.split()}


# --- the rules ---------------------------------------------------------------------------------

def similar_quote_words(a: str, b: str) -> bool:
    """Normalised quote texts that say the same thing."""
    if not a or not b:
        return False
    if a == b:
        return True
    if (len(a) > QUOTE_CONTAINMENT_MIN_CHARS and a in b) or (len(b) > QUOTE_CONTAINMENT_MIN_CHARS and b in a):
        return True
    return fuzz.ratio(a, b, score_cutoff=QUOTE_RATIO) >= QUOTE_RATIO


def same_quote(a: Quote, b: Quote, a_norm: str, b_norm: str) -> bool:
    """The same words quoted in two articles."""
    if a.article_id == b.article_id:
        return False
    if a.speaker_actor_id and b.speaker_actor_id and a.speaker_actor_id != b.speaker_actor_id:
        return False
    return len(a_norm) >= QUOTE_MIN_CHARS and len(b_norm) >= QUOTE_MIN_CHARS and similar_quote_words(a_norm, b_norm)


def same_event(a: Event, b: Event, a_norm: str, b_norm: str) -> bool:
    """Two articles' reports of the same event."""
    if a.article_id == b.article_id or a.event_type != b.event_type:
        return False
    if a.event_date and b.event_date and abs((a.event_date - b.event_date).days) > EVENT_MAX_DAYS_APART:
        return False
    if a.actor_ids and b.actor_ids and not set(a.actor_ids) & set(b.actor_ids):
        return False
    return fuzz.ratio(a_norm, b_norm, score_cutoff=EVENT_RATIO) >= EVENT_RATIO


# --- clustering --------------------------------------------------------------------------------

class _Union:
    """Union-find over 0..n-1 whose roots are the smallest member index."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _prefix_length(n: int) -> int:
    """How many of a record's rarest keys must be looked up so that any record sharing at least
    MIN_SHARED of its keys shares one of those (pigeonhole: the others can miss at most
    n - ceil(MIN_SHARED * n))."""
    return n - math.ceil(MIN_SHARED * n) + 1


def cluster(
    records: Sequence,
    norms: Sequence[str],
    same: Callable[[object, object, str, str], bool],
    key_prefix: Callable[[object], Hashable] = lambda r: None,
    seed: Sequence[Hashable | None] | None = None,
) -> list[int]:
    """The root index of each record's cluster.

    A pair is a candidate when one record's rarest keys (its prefix, see `_prefix_length`)
    meet the other's keys: found from either side through two indexes, every key of every
    record (`full`) and the prefix keys only (`rare`). Rarity is counted over all the records
    given, so the candidates do not depend on which records are new.

    `seed`, when given, holds for each record the cluster it already belongs to (records with
    the same seed value are joined without comparison) or None for a new record; only new
    records are then compared, against all others."""
    n = len(records)
    u = _Union(n)
    keys, short_keys = [], []
    frequency: Counter = Counter()
    for rec, norm in zip(records, norms):
        k3, kshort = blocking_keys(norm, key_prefix(rec))
        keys.append(k3)
        short_keys.append(kshort)
        frequency.update(k3)
    full: dict = defaultdict(list)  # 3-gram -> records having it
    rare: dict = defaultdict(list)  # 3-gram -> records having it among their rarest
    short: dict = defaultdict(list)  # word -> records of one or two words
    prefixes = []
    for i, k3 in enumerate(keys):
        ordered = sorted(k3, key=lambda k: (frequency[k], k))
        prefix = ordered[: _prefix_length(len(ordered))] if ordered else []
        prefixes.append(prefix)
        for k in k3:
            full[k].append(i)
        for k in prefix:
            rare[k].append(i)
        for k in short_keys[i]:
            short[k].append(i)
    if seed is None:
        queries: Iterable[int] = range(n)
    else:
        first_of: dict = {}
        for i, s in enumerate(seed):
            if s is not None:
                u.union(first_of.setdefault(s, i), i)
        queries = [i for i, s in enumerate(seed) if s is None]
    for i in queries:
        rec, norm = records[i], norms[i]
        seen: set[int] = {i}
        candidates: list[int] = []
        for k in prefixes[i]:
            candidates.extend(full[k])
        for k in keys[i]:
            candidates.extend(rare.get(k, ()))
        for k in word_keys(norm, key_prefix(rec)):
            candidates.extend(short.get(k, ()))
        for j in candidates:
            if j in seen:
                continue
            seen.add(j)
            if u.find(i) == u.find(j):
                continue  # already joined through others: nothing to learn
            if same(rec, records[j], norm, norms[j]):
                u.union(i, j)
    return [u.find(i) for i in range(n)]


# --- across the store ----------------------------------------------------------------------------

def _quote_order(q: Quote):
    return (q.article_id, q.start_char)


def _event_order(e: Event):
    return (e.article_id, e.start_char, e.event_type)


def link_across(tables: dict[str, list], seed: dict[str, str] | None = None) -> dict[str, list]:
    """Give the same quote or event reported in several articles one cluster id and the list
    of outlets carrying it; date undated reports from the reports they are linked to.

    `tables` holds every article's own (unlinked) records. `seed` maps the quote and event ids
    of an earlier store built from a subset of these articles, by the same rules, to their
    cluster ids there: those records are not compared again."""
    outlet_of = {a.article_id: (a.outlet or a.path) for a in tables["articles"]}
    tables = dict(tables)

    quotes = sorted(tables.get("quotes", []), key=_quote_order)
    quotes = _relabel(quotes, [norm_words(q.text) for q in quotes], same_quote, lambda q: q.quote_id, outlet_of, seed)
    tables["quotes"] = _date_quotes_from_linked(quotes)

    events = sorted(tables.get("events", []), key=_event_order)
    events = _relabel(
        events, [norm_words(e.summary) for e in events], same_event, lambda e: e.event_id, outlet_of, seed,
        key_prefix=lambda e: e.event_type,
    )
    tables["events"] = date_from_linked_reports(events, {a.article_id: a.publication_date for a in tables["articles"]})
    return tables


def _relabel(records, norms, same, ident, outlet_of, seed, key_prefix=lambda r: None):
    seeds = None if seed is None else [seed.get(ident(r)) for r in records]
    roots = cluster(records, norms, same, key_prefix, seeds)
    members = defaultdict(list)
    for rec, root in zip(records, roots):
        members[root].append(rec)
    labels = {}
    for root, group in members.items():
        outlets = sorted({outlet_of[r.article_id] for r in group})
        labels[root] = (min(ident(r) for r in group), outlets)
    out = []
    for rec, root in zip(records, roots):
        cluster_id, outlets = labels[root]
        out.append(replace(rec, cluster_id=cluster_id, outlets=list(outlets), n_outlets=len(outlets)))
    return out


def _date_quotes_from_linked(quotes: list[Quote]) -> list[Quote]:
    """The same words carried undated by one outlet take the date another outlet gives them
    (the first dated report, in article and offset order)."""
    dated = {}
    for q in quotes:
        if q.quote_date is not None:
            dated.setdefault(q.cluster_id, q.quote_date)
    return [q if q.quote_date or q.cluster_id not in dated else replace(q, quote_date=dated[q.cluster_id]) for q in quotes]


def date_from_linked_reports(events: list[Event], published: dict[str, object]) -> list[Event]:
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

"""Put per-article tables together into one store's tables.

Records of one article never collide with another's (their ids carry the article id); actors
and places are shared and deduplicated here. Linking the same words across articles is
`link.py`'s job.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .canonical import unify_actors
from .schema import Actor, Place


def merge_actors(actor_lists: Iterable[list[Actor]]) -> list[Actor]:
    """One record per actor across articles, by id; the registry's version wins over one made
    up from an article's words. (Spellings of one person across articles: `canonical.unify_actors`.)"""
    actors: dict[str, Actor] = {}
    for records in actor_lists:
        for a in records:
            prev = actors.get(a.actor_id)
            if prev is None or (a.is_registered and not prev.is_registered):
                actors[a.actor_id] = a
    return sorted(actors.values(), key=lambda a: a.actor_id)


def merge_places(place_lists: Iterable[list[Place]]) -> list[Place]:
    """One record per gazetteer place, by id (the gazetteer gives every article the same one)."""
    places: dict[str, Place] = {}
    for records in place_lists:
        for p in records:
            places.setdefault(p.place_id, p)
    return sorted(places.values(), key=lambda p: p.place_id)


def merge(per_article: list[dict[str, list]]) -> dict[str, list]:
    """Concatenate per-article tables; actors and places deduplicated by id."""
    out: dict[str, list] = defaultdict(list)
    for tables in per_article:
        for name, records in tables.items():
            if name not in ("actors", "places"):
                out[name].extend(records)
    out["actors"] = merge_actors(t.get("actors", []) for t in per_article)
    out["places"] = merge_places(t.get("places", []) for t in per_article)
    return unify_actors(dict(out))

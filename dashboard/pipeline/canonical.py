"""One actor per person across articles.

Within an article the memory already makes "Liz Truss", "Ms Truss" and "the Foreign Secretary"
one actor, and the registry gives known people one name whatever the spelling. What is left are
people the registry lacks, spelled two ways by two outlets ("Kostyantyn Achkasov" in one
article, "Kostiantyn Achkasov" in another): here they become one actor, under the spelling most
articles use, with the others kept as aliases. Candidates are only compared within a block of the
same surname key, so this stays near-linear in the number of actors.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from .names import first_names_agree, name_key
from .schema import Actor


def _groups(people: list[Actor]) -> list[list[Actor]]:
    """Unregistered people who are one person: same surname key, agreeing first names."""
    blocks: dict[str, list[Actor]] = defaultdict(list)
    for a in people:
        parts = name_key(a.name).split()
        if len(parts) > 1:
            blocks[parts[-1]].append(a)
    out = []
    for block in blocks.values():
        left = list(block)
        while left:
            seed = left.pop(0)
            first = name_key(seed.name).split()[0]
            group = [seed] + [a for a in left if first_names_agree(first, name_key(a.name).split()[0])]
            left = [a for a in left if a not in group]
            if len(group) > 1:
                out.append(group)
    return out


def unify_actors(tables: dict[str, list]) -> dict[str, list]:
    """Tables with each cross-article spelling group of an unregistered person merged into one actor."""
    actors = tables.get("actors", [])
    people = [a for a in actors if a.actor_type == "person" and not a.is_registered]
    uses = Counter(m.actor_id for m in tables.get("actor_mentions", []))
    uses.update(q.speaker_actor_id for q in tables.get("quotes", []) if q.speaker_actor_id)
    rename: dict[str, Actor] = {}
    for group in _groups(people):
        canonical = max(group, key=lambda a: (uses[a.actor_id], len(a.name), a.name))
        others = [a.name for a in group if a is not canonical]
        merged = replace(canonical, aliases=sorted(set(canonical.aliases) | set(others) | {x for a in group for x in a.aliases} - {canonical.name}))
        for a in group:
            rename[a.actor_id] = merged
    if not rename:
        return tables

    def new_id(actor_id: str | None) -> str | None:
        return rename[actor_id].actor_id if actor_id in rename else actor_id

    def ids(values: list[str]) -> list[str]:
        return list(dict.fromkeys(new_id(v) for v in values))

    out = dict(tables)
    kept: dict[str, Actor] = {}
    for a in actors:
        a = rename.get(a.actor_id, a)
        kept.setdefault(a.actor_id, a)
    out["actors"] = sorted(kept.values(), key=lambda a: a.actor_id)
    out["actor_mentions"] = [replace(m, actor_id=new_id(m.actor_id)) for m in tables.get("actor_mentions", [])]
    out["quotes"] = [
        replace(q, speaker_actor_id=new_id(q.speaker_actor_id), speaker=rename[q.speaker_actor_id].name)
        if q.speaker_actor_id in rename else q
        for q in tables.get("quotes", [])
    ]
    out["events"] = [replace(e, actor_ids=ids(e.actor_ids), target_actor_ids=ids(e.target_actor_ids)) for e in tables.get("events", [])]
    return out

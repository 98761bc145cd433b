"""Display tables for the dashboard, derived from the store through the pipeline's schema.

Pure functions of the store's DataFrames (no Streamlit here), so they can be tested and
cached. Column names come from the schema; the joined columns added here are named after
the schema field they come from (`speaker_country_code` is the speaker's `country_code`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.pipeline.schema import Event, Quote, columns


@dataclass(frozen=True)
class Views:
    """Everything the page shows, one row per quote and per event."""

    quotes: pd.DataFrame
    events: pd.DataFrame
    places: pd.DataFrame  # one row per (place, role) with counts, for the map
    articles: pd.DataFrame
    actors: pd.DataFrame
    problems: pd.DataFrame


_ROLE = re.compile(r"^(?P<title>.+?) \((?P<start>[\d-]+|\?)–(?P<end>[\d-]+|now)\)$")


def role_on(roles, day: dt.date | None) -> str | None:
    """The title a speaker held on a day, from registry roles like 'Foreign Secretary (2021-09-15–2022-09-06)'."""
    for role in roles if roles is not None else []:
        m = _ROLE.match(str(role))
        if not m:
            continue
        start = None if m["start"] == "?" else dt.date.fromisoformat(m["start"])
        end = None if m["end"] == "now" else dt.date.fromisoformat(m["end"])
        if day is None:
            if end is None:
                return m["title"]
        elif (start is None or start <= day) and (end is None or day <= end):
            return m["title"]
    return None


def _present(pairs) -> dict:
    """A lookup without missing values (Parquet nulls arrive as None or NaN)."""
    return {k: v for k, v in pairs if isinstance(v, str) and v}


def _names(ids, lookup: dict) -> list[str]:
    return [lookup[i] for i in (ids if ids is not None else []) if i in lookup]


def _as_date(series: pd.Series) -> pd.Series:
    """Python dates, None where missing (never NaT, which compares badly with dates)."""
    stamps = pd.to_datetime(series, errors="coerce")
    return pd.Series([None if pd.isna(t) else t.date() for t in stamps], index=series.index, dtype=object)


def build_views(frames: dict[str, pd.DataFrame]) -> Views:
    """Join the store's tables into the quote, event and place views the page filters."""
    articles = frames["articles"].copy()
    actors = frames["actors"].copy()
    places = frames["places"].copy()
    mentions = frames["actor_mentions"]
    place_mentions = frames["place_mentions"]
    sentences = frames["sentences"]

    actor_name = dict(zip(actors["actor_id"], actors["name"]))
    actor_country = _present(zip(actors["actor_id"], actors["country_code"]))
    place_name = dict(zip(places["place_id"], places["name"]))
    place_country = _present(zip(places["place_id"], places["country_code"]))
    outlet = {a: (o if isinstance(o, str) and o else "unknown outlet") for a, o in zip(articles["article_id"], articles["outlet"])}
    title = dict(zip(articles["article_id"], articles["title"]))
    path = dict(zip(articles["article_id"], articles["path"]))
    published = dict(zip(articles["article_id"], _as_date(articles["publication_date"])))
    sentence_span = {s: (a, b) for s, a, b in zip(sentences["sentence_id"], sentences["start_char"], sentences["end_char"])}

    talked_about = mentions.groupby("sentence_id")["actor_id"].apply(lambda s: sorted(set(s))).to_dict()
    sentence_countries: dict[str, set] = {}
    for sid, pid in zip(place_mentions["sentence_id"], place_mentions["place_id"]):
        if isinstance(pid, str) and place_country.get(pid):
            sentence_countries.setdefault(sid, set()).add(place_country[pid])

    q = frames["quotes"][columns(Quote)].copy()
    q["quote_date"] = _as_date(q["quote_date"])
    q["outlet"] = q["article_id"].map(outlet)
    q["title"] = q["article_id"].map(title)
    q["path"] = q["article_id"].map(path)
    q["publication_date"] = q["article_id"].map(published)
    q["speaker"] = q["speaker"].fillna("Unknown speaker")
    q["speaker_country_code"] = q["speaker_actor_id"].map(actor_country)
    roles_of = dict(zip(actors["actor_id"], actors["roles"]))
    q["speaker_role"] = [
        role_on(roles_of.get(a), d or p) for a, d, p in zip(q["speaker_actor_id"], q["quote_date"], q["publication_date"])
    ]
    q["talked_about_ids"] = [
        [a for a in talked_about.get(sid, []) if a != spk] for sid, spk in zip(q["sentence_id"], q["speaker_actor_id"])
    ]
    q["countries"] = [
        sorted(sentence_countries.get(sid, set()) | ({c} if isinstance(c, str) else set()))
        for sid, c in zip(q["sentence_id"], q["speaker_country_code"])
    ]
    q["sentence_start"] = [sentence_span.get(s, (a, b))[0] for s, a, b in zip(q["sentence_id"], q["start_char"], q["end_char"])]
    q["sentence_end"] = [sentence_span.get(s, (a, b))[1] for s, a, b in zip(q["sentence_id"], q["start_char"], q["end_char"])]

    e = frames["events"][columns(Event)].copy()
    e["event_date"] = _as_date(e["event_date"])
    e["outlet"] = e["article_id"].map(outlet)
    e["title"] = e["article_id"].map(title)
    e["actors"] = [_names(ids, actor_name) for ids in e["actor_ids"]]
    e["targets"] = [_names(ids, actor_name) for ids in e["target_actor_ids"]]
    e["places"] = [_names(ids, place_name) for ids in e["place_ids"]]
    e["talked_about_ids"] = [
        sorted(set(list(t) + talked_about.get(sid, [])) - set(a)) for t, sid, a in zip(e["target_actor_ids"], e["sentence_id"], e["actor_ids"])
    ]
    e["countries"] = [
        sorted({place_country[p] for p in pids if place_country.get(p)} | sentence_countries.get(sid, set()) | {actor_country[a] for a in aids if actor_country.get(a)})
        for pids, sid, aids in zip(e["place_ids"], e["sentence_id"], e["actor_ids"])
    ]

    pm = place_mentions.merge(places, on="place_id", how="inner", suffixes=("", "_place"))
    pm["outlet"] = pm["article_id"].map(outlet)
    event_dates = dict(zip(e["sentence_id"], e["event_date"]))
    pm["date"] = [event_dates.get(s) or published.get(a) for s, a in zip(pm["sentence_id"], pm["article_id"])]
    return Views(quotes=q, events=e, places=pm, articles=articles, actors=actors, problems=frames["problems"])

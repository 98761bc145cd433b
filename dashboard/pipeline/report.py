"""The stable per-article JSON of `python -m dashboard extract --json` (also the evaluator's input)."""

from __future__ import annotations

from .schema import Article


def _iso(d) -> str | None:
    return d.isoformat() if d else None


ROLE_RANK = {"event": 0, "speech": 1, "mention": 2}
# The gold format's speaker for words whose text names no source ("a source said", a quote no
# sieve could place); the records keep None, and the dashboard shows "Unknown speaker".
UNKNOWN_SPEAKER = "UNKNOWN"


def article_json(path: str, tables: dict[str, list], warnings: list[str] | None = None) -> dict:
    """One article's records as the stable JSON object."""
    article: Article = tables["articles"][0]
    actors = {a.actor_id: a for a in tables["actors"]}
    places = {p.place_id: p for p in tables["places"]}
    best_role: dict[str, str] = {}
    order: list[str] = []
    for m in tables["place_mentions"]:
        key = m.place_id or f"unresolved:{m.name}"
        if key not in best_role:
            order.append(key)
            best_role[key] = m.role
        elif ROLE_RANK[m.role] < ROLE_RANK[best_role[key]]:
            best_role[key] = m.role
    place_rows = []
    for key in order:
        p = places.get(key)
        name = p.name if p else key.split(":", 1)[1]
        place_rows.append({
            "name": name, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "country_code": p.country_code if p else None, "role": best_role[key],
        })
    mentioned = {m.actor_id for m in tables["actor_mentions"]} | {q.speaker_actor_id for q in tables["quotes"] if q.speaker_actor_id}
    out = {
        "path": path,
        "article_id": article.article_id,
        "title": article.title,
        "outlet": article.outlet,
        "outlet_id": article.outlet_id,
        "is_state_media": article.is_state_media,
        "url": article.url,
        "byline": article.byline,
        "publication_date": _iso(article.publication_date),
        # where each value came from: manifest, page metadata, stated (the text) or inferred (URL)
        "title_source": article.title_source, "outlet_source": article.outlet_source, "url_source": article.url_source,
        "byline_source": article.byline_source, "publication_date_source": article.publication_date_source,
        "body_method": article.body_method,
        "body": article.body,
        "quotes": [
            {
                "text": q.text, "speaker": q.speaker or UNKNOWN_SPEAKER, "start_char": q.start_char, "end_char": q.end_char,
                "speaker_surface": q.speaker_surface, "cue_verb": q.cue_verb, "speech_act": q.speech_act,
                "confidence": q.confidence, "mention_sieve": q.mention_sieve, "speaker_sieve": q.speaker_sieve,
                "date": _iso(q.quote_date),
            }
            for q in tables["quotes"]
        ],
        "places": place_rows,
        "actors": [
            {"name": a.name, "type": a.actor_type, "country_code": a.country_code}
            for a in sorted((actors[i] for i in mentioned if i in actors), key=lambda a: a.name)
        ],
        "events": [
            {
                "date": _iso(e.event_date), "date_precision": e.date_precision, "type": e.event_type,
                "summary": e.summary,
                "actors": [actors[i].name for i in e.actor_ids if i in actors],
                "targets": [actors[i].name for i in e.target_actor_ids if i in actors],
                "places": [places[i].name for i in e.place_ids if i in places],
                "start_char": e.start_char, "end_char": e.end_char, "is_date_fallback": e.is_date_fallback, "date_source": e.date_source,
            }
            for e in tables["events"]
        ],
    }
    if warnings:
        out["warnings"] = warnings
    return out

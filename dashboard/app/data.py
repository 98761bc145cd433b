"""The dashboard's data layer: DuckDB over the store's Parquet snapshot. The page queries, it
does not load: filters become SQL, and only what is shown leaves the database (counts, one
page of cards, binned timeline counts, one row per map place, a speaker × spoken-about table).

At connection time one narrow table is derived from the store (`records`: one row per quote
and per event, with the columns every filter and every view needs), plus small lookup tables
for actors, places and articles. Article text stays in Parquet and is read for the cards on
the page only. No Streamlit here: the page caches one `Store` per snapshot and keys small
query results by snapshot and filters.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.pipeline import store as store_mod

from .filters import SPEAKS, Filters

# Above this many places on the map, nearby places are merged into grid cells (browsers draw a
# few thousand deck.gl points smoothly; the region's gazetteer has hundreds).
MAX_MAP_POINTS = 3000
GRID_DEGREES = 0.25
# Macro-regions and continents: listed beside the map, never drawn as a point.
AREA_FEATURES = ("area",)
MEMORY_LIMIT = "600MB"
DERIVED_TABLES = ("actor", "place", "art", "records", "place_sets", "about_sets", "card_sentences", "card_quotes")
CACHE_DIR = "app-cache"  # under the store folder: derived tables per snapshot
SORTS = {
    "date": "day ASC NULLS LAST, article_id, start_char",
    "speaker": "primary_actor, day ASC NULLS LAST, article_id, start_char",
    "corroboration": "n_outlets DESC, day ASC NULLS LAST, article_id, start_char",
}

_ROLE = re.compile(r"^(?P<title>.+?) \((?P<start>[\d-]+|\?)–(?P<end>[\d-]+|now)\)$")


def role_on(roles, day: dt.date | None) -> str | None:
    """The title a speaker held on a day, from registry roles like 'Foreign Secretary (2021-09-15–2022-09-06)'."""
    for role in roles if isinstance(roles, (list, tuple)) or hasattr(roles, "tolist") else []:
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


# One row per record: what every filter and view reads. Built once per snapshot, into the
# database `d` (a cache file beside the store, or memory); bump DERIVED_VERSION when it changes.
DERIVED_VERSION = 3
_DERIVE = """
CREATE TABLE d.actor AS SELECT actor_id, name, actor_type, country_code, roles FROM actors;
CREATE TABLE d.place AS SELECT place_id, name, feature, country_code, lat, lon FROM places;
CREATE TABLE d.art AS
  SELECT article_id, (row_number() OVER ())::INTEGER AS art_no, coalesce(nullif(outlet, ''), 'unknown outlet') AS outlet,
         title, path, publication_date, is_html, body_start, {url_col} AS url
  FROM articles;
SET VARIABLE actor_cc = (SELECT map(list(actor_id), list(country_code)) FROM d.actor WHERE country_code IS NOT NULL);
SET VARIABLE place_cc = (SELECT map(list(place_id), list(country_code)) FROM d.place WHERE country_code IS NOT NULL);
CREATE TEMP TABLE sent_places AS
  SELECT pm.sentence_id, pm.place_id, min(CASE pm.role WHEN 'event' THEN 0 WHEN 'speech' THEN 1 ELSE 2 END) AS rank,
         min(pm.start_char) AS first_char, any_value(p.country_code) AS country_code
  FROM place_mentions pm JOIN d.place p USING (place_id) GROUP BY ALL;
CREATE TEMP TABLE sent AS
  SELECT sentence_id,
         list(DISTINCT country_code) FILTER (WHERE country_code IS NOT NULL) AS countries,
         arg_min(country_code, first_char) FILTER (WHERE country_code IS NOT NULL) AS first_country,
         list(place_id) FILTER (WHERE rank < 2) AS located,
         list(place_id) FILTER (WHERE rank = 2) AS mentioned
  FROM sent_places GROUP BY 1;
CREATE TEMP TABLE sent_actors AS SELECT sentence_id, list(DISTINCT actor_id) AS ids FROM actor_mentions GROUP BY 1;
CREATE TABLE d.records AS
SELECT * FROM (
SELECT 'quote' AS kind, q.quote_id AS record_id, q.article_id, art.art_no, q.sentence_id, q.quote_date AS day, q.speech_act AS type,
       art.outlet,
       CASE WHEN q.speaker_actor_id IS NULL THEN []::VARCHAR[] ELSE [q.speaker_actor_id] END AS actor_ids,
       list_filter(coalesce(sa.ids, []), lambda x: x IS DISTINCT FROM q.speaker_actor_id) AS about_ids,
       list_sort(list_distinct(coalesce(s.countries, [])
         || CASE WHEN spk.country_code IS NULL THEN []::VARCHAR[] ELSE [spk.country_code] END)) AS countries,
       coalesce(spk.country_code, s.first_country) AS primary_country,
       coalesce(q.speaker, 'Unknown speaker') AS primary_actor,
       coalesce(s.located, []) AS located, coalesce(s.mentioned, []) AS mentioned,
       q.n_outlets, q.confidence, q.start_char,
       coalesce(qe.date_source, CASE WHEN q.quote_date IS NULL THEN 'none'
            WHEN q.quote_date = art.publication_date THEN 'publication' ELSE 'stated' END) AS date_source,
       lower(q.text || ' ' || coalesce(q.speaker, '')) AS haystack, left(q.text, 160) AS label
FROM quotes q JOIN d.art art USING (article_id)
LEFT JOIN d.actor spk ON spk.actor_id = q.speaker_actor_id
LEFT JOIN sent s USING (sentence_id) LEFT JOIN sent_actors sa USING (sentence_id)
LEFT JOIN (SELECT quote_id, any_value(date_source) AS date_source FROM events WHERE quote_id IS NOT NULL GROUP BY 1) qe
  ON qe.quote_id = q.quote_id  -- a quote's date is obtained as its statement event's is
UNION ALL
SELECT 'event', e.event_id, e.article_id, art.art_no, e.sentence_id, e.event_date, e.event_type, art.outlet,
       e.actor_ids,
       list_sort(list_distinct(list_filter(e.target_actor_ids || coalesce(sa.ids, []), lambda x: NOT list_contains(e.actor_ids, x)))),
       list_sort(list_distinct(list_filter(
         list_transform(e.place_ids, lambda p: getvariable('place_cc')[p])
         || coalesce(s.countries, [])
         || list_transform(e.actor_ids, lambda a: getvariable('actor_cc')[a]), lambda c: c IS NOT NULL))),
       coalesce(getvariable('actor_cc')[e.actor_ids[1]], getvariable('place_cc')[e.place_ids[1]], s.first_country),
       coalesce(first_actor.name, '(no actor named)'),
       list_distinct(e.place_ids || coalesce(s.located, [])),
       list_filter(coalesce(s.mentioned, []), lambda p: NOT list_contains(e.place_ids, p)),
       e.n_outlets, NULL, e.start_char, e.date_source,
       lower(e.summary), left(e.summary, 160)
FROM events e JOIN d.art art USING (article_id)
LEFT JOIN d.actor first_actor ON first_actor.actor_id = e.actor_ids[1]
LEFT JOIN sent s USING (sentence_id) LEFT JOIN sent_actors sa USING (sentence_id)
) ORDER BY day, kind;  -- date filters then skip whole row groups
DROP TABLE sent_places; DROP TABLE sent; DROP TABLE sent_actors;
-- Records at the same places, or naming the same actors, share a small integer: the map and the
-- who-speaks-about-whom view group by it and unnest only the few distinct lists.
CREATE TABLE d.place_sets AS
  SELECT (row_number() OVER ())::INTEGER AS place_set, located, mentioned FROM (SELECT DISTINCT located, mentioned FROM d.records);
CREATE TABLE d.about_sets AS
  SELECT (row_number() OVER ())::INTEGER AS about_set, about_ids, countries FROM (SELECT DISTINCT about_ids, countries FROM d.records);
CREATE OR REPLACE TABLE d.records AS
  SELECT r.*, ps.place_set, ab.about_set FROM d.records r
  JOIN d.place_sets ps ON ps.located = r.located AND ps.mentioned = r.mentioned
  JOIN d.about_sets ab ON ab.about_ids = r.about_ids AND ab.countries = r.countries
  ORDER BY r.day, r.kind;
-- What the cards read, ordered by article so that one article's rows sit together (zone maps).
CREATE TABLE d.card_sentences AS SELECT article_id, sentence_id, start_char, text FROM sentences ORDER BY article_id, start_char;
CREATE TABLE d.card_quotes AS SELECT * FROM quotes ORDER BY quote_id;
"""


@dataclass(frozen=True)
class Options:
    """What the filter widgets offer, with counts; computed once per snapshot (small)."""

    start: dt.date
    end: dt.date
    actors: list[str]  # speakers and registry actors, most recorded first
    countries: list[str]  # ISO codes, most recorded first
    outlets: list[str]
    types: list[str]
    event_types: list[str]  # most frequent first: they get the map's colours
    places: dict[str, str]  # place_id -> name, for places that carry records
    n_articles: int
    n_records: int


@dataclass(frozen=True)
class Counts:
    quotes: int
    events: int
    articles: int
    outlets: int
    outlet_names: list[str]  # up to 12, most records first
    undated_quotes: int
    undated_events: int


def _as_date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _any_of(column: str, values, params: list) -> str:
    """`column` (a list) holds any of `values`: OR-ed list_contains, which DuckDB runs ~10x faster
    than list_has_any with a list parameter."""
    params.extend(values)
    return "(" + " OR ".join(f"list_contains({column}, ?)" for _ in values) + ")" if values else "FALSE"


def _in(column: str, values, params: list) -> str:
    params.extend(values)
    return f"{column} IN ({', '.join('?' for _ in values)})" if values else "FALSE"


def where(f: Filters, kind: str | None = None, ignore: tuple[str, ...] = (), actor_ids: dict[str, str] | None = None) -> tuple[str, list]:
    """The SQL condition (over `records`) and parameters of a filter state. `ignore` leaves out
    named filters (e.g. 'place' for the map, which shows every place of the other filters);
    `actor_ids` maps actor names to ids (names without an id match nothing)."""
    sql, params = [], []
    if kind:
        sql.append("kind = ?")
        params.append(kind)
    dated = []
    if f.start:
        dated.append("day >= ?")
        params.append(f.start)
    if f.end:
        dated.append("day <= ?")
        params.append(f.end)
    date_sql = " AND ".join(dated) or "TRUE"
    sql.append(f"(({date_sql}) OR day IS NULL AND {'TRUE' if f.include_undated else 'FALSE'})" if f.include_undated else f"({date_sql})")
    if f.actors:
        ids = sorted({actor_ids.get(a) for a in f.actors} - {None}) if actor_ids is not None else list(f.actors)
        sql.append(_any_of("actor_ids" if f.actor_mode == SPEAKS else "about_ids", ids, params))
    if f.about and "about" not in ignore:
        if len(f.about) == 2:  # a country code: quotes whose sentence is about that country
            sql.append("list_contains(countries, ?)")
        else:
            sql.append("list_contains(about_ids, ?)")
        params.append(f.about)
    if f.countries:
        sql.append(_any_of("countries", f.countries, params))
    if f.outlets:
        sql.append(_in("outlet", f.outlets, params))
    if f.types:
        sql.append(_in("type", f.types, params))
    if f.search.strip():
        sql.append("contains(haystack, ?)")
        params.append(f.search.strip().lower())
    if f.place and "place" not in ignore:
        sql.append("(list_contains(located, ?) OR list_contains(mentioned, ?))")
        params += [f.place, f.place]
    return " AND ".join(sql), params


def _quoted(path) -> str:
    return str(path).replace("'", "''")


def timeline_bin(start: dt.date | None, end: dt.date | None) -> str:
    """Bars wide enough to read: days up to two months, weeks up to a year and a half, then months."""
    if not start or not end:
        return "day"
    days = (end - start).days
    return "day" if days <= 62 else "week" if days <= 550 else "month"


class Store:
    """One snapshot of the store, opened in DuckDB. Thread-safe: each query uses its own cursor."""

    def __init__(self, store_dir: Path, cache: bool = True):
        self.store_dir = Path(store_dir)
        self.snapshot = store_mod.current_snapshot(self.store_dir)
        self.con = store_mod.connect(self.store_dir)
        self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        self.con.execute("SET preserve_insertion_order = false")
        # Spills (large derivations) go to the system's temp folder, never the working directory.
        self.con.execute(f"SET temp_directory = '{_quoted(Path(tempfile.gettempdir()) / 'dashboard-duckdb')}'")
        article_cols = {r[0] for r in self.con.execute("DESCRIBE articles").fetchall()}
        self.has_url = "url" in article_cols
        self.cache_file = self._attach_derived(cache)
        for name in DERIVED_TABLES:  # reachable by plain name from every cursor
            self.con.execute(f"CREATE VIEW memory.main.{name} AS SELECT * FROM d.{name}")
        self.actor_ids = dict(self.con.execute("SELECT name, actor_id FROM actor").fetchall())

    def _attach_derived(self, cache: bool) -> Path | None:
        """Attach the derived tables as database `d`: from the snapshot's cache file when one
        exists (a restart costs no derivation), else derived now and, where the store folder
        is writable, saved atomically for the next start. Returns the cache file used."""
        sql = _DERIVE.format(url_col="url" if self.has_url else "NULL::VARCHAR")
        folder = self.store_dir / CACHE_DIR
        target = folder / f"{self.snapshot.name}-v{DERIVED_VERSION}.duckdb"
        if cache and target.is_file():
            try:
                self.con.execute(f"ATTACH '{_quoted(target)}' AS d (READ_ONLY)")
                return target
            except duckdb.Error:
                pass  # damaged or of another DuckDB version: derive again
        if cache:
            try:
                folder.mkdir(exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".derive-", suffix=".duckdb")
                os.close(fd)
                os.unlink(tmp)  # DuckDB creates the file itself
                self.con.execute(f"ATTACH '{_quoted(tmp)}' AS d")
                try:
                    self.con.execute(sql)
                    self.con.execute("DETACH d")
                    os.replace(tmp, target)
                finally:
                    Path(tmp).unlink(missing_ok=True)
                    Path(tmp + ".wal").unlink(missing_ok=True)
                for old in folder.glob("*.duckdb"):  # caches of other snapshots or versions
                    if old != target:
                        old.unlink(missing_ok=True)
                self.con.execute(f"ATTACH '{_quoted(target)}' AS d (READ_ONLY)")
                return target
            except OSError:
                pass  # a read-only store: keep the derived tables in memory
        self.con.execute("ATTACH ':memory:' AS d")
        self.con.execute(sql)
        return None

    def where(self, f: Filters, kind: str | None = None, ignore: tuple[str, ...] = ()) -> tuple[str, list]:
        return where(f, kind=kind, ignore=ignore, actor_ids=self.actor_ids)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        self.con.close()

    # --- once per snapshot ---------------------------------------------------------------------
    def options(self) -> Options:
        c = self.cursor()
        lo, hi, n = c.execute("SELECT min(day), max(day), count(*) FROM records").fetchone()
        today = dt.date.today()
        speakers = c.execute(  # registry and extracted actors, the most quoted first
            """SELECT a.name FROM actor a LEFT JOIN (
                 SELECT actor_ids[1] AS actor_id, count(*) AS n FROM records WHERE kind = 'quote' GROUP BY 1) q USING (actor_id)
               ORDER BY coalesce(q.n, 0) DESC, a.name"""
        ).fetchall()
        countries = c.execute(
            """SELECT cc FROM (SELECT countries, count(*) AS n FROM records GROUP BY 1), unnest(countries) AS u(cc)
               GROUP BY 1 ORDER BY sum(n) DESC, cc"""
        ).fetchall()
        outlets = c.execute("SELECT outlet FROM records GROUP BY 1 ORDER BY count(*) DESC, outlet").fetchall()
        types = c.execute("SELECT type FROM records GROUP BY 1 ORDER BY count(*) DESC, type").fetchall()
        event_types = c.execute("SELECT type FROM records WHERE kind = 'event' GROUP BY 1 ORDER BY count(*) DESC, type").fetchall()
        places = c.execute(
            """SELECT DISTINCT p.place_id, p.name FROM (SELECT DISTINCT located || mentioned AS ps FROM records), unnest(ps) AS u(place_id)
               JOIN place p USING (place_id) ORDER BY p.name"""
        ).fetchall()
        n_articles = c.execute("SELECT count(*) FROM art").fetchone()[0]
        return Options(
            start=_as_date(lo) or today, end=_as_date(hi) or today,
            actors=[r[0] for r in speakers], countries=[r[0] for r in countries], outlets=[r[0] for r in outlets],
            types=[r[0] for r in types], event_types=[r[0] for r in event_types], places=dict(places),
            n_articles=n_articles, n_records=n,
        )

    def ranks(self, by: str) -> list[str]:
        """Every timeline group of the snapshot, most records first: the fixed order colours follow."""
        column = "primary_country" if by == "country" else "primary_actor"
        rows = self.cursor().execute(
            f"SELECT {column} FROM records WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1"
        ).fetchall()
        return [r[0] for r in rows]

    def problems(self) -> pd.DataFrame:
        return self.cursor().execute("SELECT path, error FROM problems ORDER BY path").df()

    # --- per rerun: small results only -------------------------------------------------------
    def counts(self, f: Filters) -> Counts:
        cond, params = self.where(f)
        c = self.cursor()
        # Per (article, kind, dated) first: every figure then comes from a table of articles.
        rows = c.execute(
            f"""WITH a AS (SELECT art_no, any_value(outlet) AS outlet, count(*) FILTER (WHERE kind = 'quote') AS q,
                                  count(*) FILTER (WHERE kind = 'event') AS e,
                                  count(*) FILTER (WHERE kind = 'quote' AND day IS NULL) AS uq,
                                  count(*) FILTER (WHERE kind = 'event' AND day IS NULL) AS ue
                           FROM records WHERE {cond} GROUP BY 1)
                SELECT outlet, count(*) AS articles, sum(q), sum(e), sum(uq), sum(ue), sum(q + e) AS n FROM a GROUP BY 1 ORDER BY n DESC, 1""",
            params,
        ).fetchall()
        total = lambda i: int(sum(r[i] for r in rows))  # noqa: E731
        return Counts(total(2), total(3), total(1), len(rows), [r[0] for r in rows[:12]], total(4), total(5))

    def timeline(self, f: Filters, by: str, bin: str) -> pd.DataFrame:
        """(bin start, group, kind, count): each dated record counted once, under its primary
        country (the speaker's or first actor's country, else the first place named) or its
        speaker / first actor."""
        column = "primary_country" if by == "country" else "primary_actor"
        cond, params = self.where(f)
        frame = self.cursor().execute(
            f"""SELECT date_trunc('{bin}', day)::DATE AS bin, coalesce({column}, '(none)') AS "group", kind, count(*) AS count
                FROM records WHERE {cond} AND day IS NOT NULL GROUP BY ALL ORDER BY 1, 2, 3""",
            params,
        ).df()
        frame["bin"] = [_as_date(d) for d in frame["bin"]]
        frame["count"] = frame["count"].astype(int)
        return frame

    def map_places(self, f: Filters, max_points: int = MAX_MAP_POINTS, grid_degrees: float = GRID_DEGREES) -> pd.DataFrame:
        """One row per place (or grid cell, above `max_points`) carrying matching records:
        name, lat, lon, feature, is_located (an event happened or a speaker spoke there, not only
        named), count, per-type counts and up to three record summaries with their own types.
        The place filter is not applied: the map keeps showing where else things happened."""
        cond, params = self.where(f, ignore=("place",))
        country_cond = "TRUE"
        if f.countries:
            country_cond = "list_contains(?, p.country_code)"
            params = params + [list(f.countries)]
        # Records of the same kind and type at the same places are counted together first: far
        # fewer rows to unnest than records.
        frame = self.cursor().execute(
            f"""WITH g0 AS (
                  SELECT place_set, kind, type, count(*) AS n, [arg_min(record_id, day)] AS samples
                  FROM records WHERE {cond} GROUP BY ALL
                ), g AS (SELECT g0.*, ps.located, ps.mentioned FROM g0 JOIN place_sets ps USING (place_set)
                ), hits AS (
                  SELECT u.place_id, true AS is_located, kind, type, n, samples FROM g, unnest(g.located) AS u(place_id)
                  UNION ALL
                  SELECT u.place_id, false, kind, type, n, samples FROM g, unnest(g.mentioned) AS u(place_id)
                ), per_type AS (
                  SELECT place_id, is_located, kind, type, sum(n)::BIGINT AS n, list(samples)[1:3] AS samples
                  FROM hits GROUP BY ALL
                )
                SELECT p.place_id, p.name, p.feature, p.country_code, p.lat, p.lon, t.is_located,
                       sum(t.n)::BIGINT AS count,
                       list({{'kind': t.kind, 'type': t.type, 'n': t.n, 'samples': flatten(t.samples)[1:3]}} ORDER BY t.n DESC, t.type) AS types
                FROM per_type t JOIN place p USING (place_id)
                WHERE p.lat IS NOT NULL AND {country_cond}
                GROUP BY ALL ORDER BY count DESC, p.name""",
            params,
        )
        frame = pd.DataFrame(frame.fetchall(), columns=[d[0] for d in frame.description])  # nested lists: faster than .df()
        if len(frame) > max_points:
            frame = _to_grid(frame, grid_degrees)
        return frame

    def summaries(self, record_ids: list[str]) -> dict[str, tuple[str, str]]:
        """record id -> (kind, text shown): the quote's words or the event's summary."""
        if not record_ids:
            return {}
        rows = self.cursor().execute(
            f"SELECT record_id, kind, label FROM records WHERE record_id IN ({', '.join('?' for _ in record_ids)})", list(record_ids)
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def quote_page(self, f: Filters, page: int, per_page: int, sort: str = "date") -> pd.DataFrame:
        """The cards of one page: each quote with its article, speaker and sentence fields."""
        cond, params = self.where(f, kind="quote")
        order = SORTS.get(sort, SORTS["date"])
        ids = self.cursor().execute(
            f"SELECT record_id, date_source FROM records WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?",
            params + [per_page, max(0, page - 1) * per_page],
        ).fetchall()
        if not ids:
            return pd.DataFrame()
        order_of = {r[0]: i for i, r in enumerate(ids)}
        id_list = ", ".join("?" for _ in order_of)
        frame = self.cursor().execute(
            f"""SELECT q.*, a.outlet, a.title, a.path, a.publication_date, a.is_html, a.url,
                       spk.country_code AS speaker_country_code, spk.roles AS speaker_roles
                FROM (SELECT * FROM card_quotes WHERE quote_id IN ({id_list})) q JOIN art a USING (article_id)
                LEFT JOIN actor spk ON spk.actor_id = q.speaker_actor_id""",
            list(order_of),
        ).df()
        frame["order"] = frame["quote_id"].map(order_of)
        frame["date_source"] = frame["quote_id"].map(dict(ids))
        frame = frame.sort_values("order").reset_index(drop=True)
        for col in ("quote_date", "publication_date"):
            frame[col] = [_as_date(d) for d in frame[col]]
        frame["speaker"] = frame["speaker"].fillna("Unknown speaker")
        frame["speaker_role"] = [role_on(r, d or p) for r, d, p in zip(frame["speaker_roles"], frame["quote_date"], frame["publication_date"])]
        return frame

    def contexts(self, quotes: pd.DataFrame, around: int = 2) -> dict[str, tuple[str, str, str]]:
        """quote id -> (before, sentence, after) as readable text: the article's sentence records
        around the quote's sentence (whitespace collapsed), never the raw file, which for a web
        page is markup. One query for the whole page of cards."""
        if quotes.empty:
            return {}
        articles = sorted(set(quotes["article_id"]))
        rows = self.cursor().execute(
            f"SELECT article_id, sentence_id, text FROM card_sentences WHERE article_id IN ({', '.join('?' for _ in articles)}) "
            "ORDER BY article_id, start_char",
            articles,
        ).fetchall()
        by_article: dict[str, list[tuple[str, str]]] = {}
        for article_id, sentence_id, text in rows:
            by_article.setdefault(article_id, []).append((sentence_id, " ".join(text.split())))
        out = {}
        for q in quotes.itertuples():
            sentences = by_article.get(q.article_id, [])
            i = next((k for k, (sid, _) in enumerate(sentences) if sid == q.sentence_id), None)
            if i is None:
                out[q.quote_id] = ("", " ".join(str(q.text).split()), "")
                continue
            out[q.quote_id] = (
                " ".join(t for _, t in sentences[max(0, i - around) : i]),
                sentences[i][1],
                " ".join(t for _, t in sentences[i + 1 : i + 1 + around]),
            )
        return out

    def speaks_about(self, f: Filters, by: str = "actor", top: int = 12) -> pd.DataFrame:
        """(speaker, about, count) for the filtered quotes: who speaks about whom (actors named
        in the quote's sentence) or about which country, the `top` speakers and subjects."""
        cond, params = self.where(f, kind="quote")
        # Quotes with the same speaker and subjects are counted together before unnesting.
        if by == "actor":
            target = ("SELECT g.speaker, a.name AS about, sum(g.n) AS n FROM g, unnest(g.about_ids) AS u(id) "
                      "JOIN actor a ON a.actor_id = u.id GROUP BY ALL")
        else:
            target = ("SELECT g.speaker, u.cc AS about, sum(g.n) AS n FROM g, unnest(g.countries) AS u(cc) "
                      "WHERE u.cc IS DISTINCT FROM g.speaker_country GROUP BY ALL")
        return self.cursor().execute(
            f"""WITH g0 AS (SELECT primary_actor AS speaker, about_set,
                                  any_value(primary_country) FILTER (WHERE actor_ids <> []) AS speaker_country, count(*) AS n
                           FROM records WHERE {cond} AND primary_actor <> 'Unknown speaker' GROUP BY ALL),
                     g AS (SELECT g0.*, ab.about_ids, ab.countries FROM g0 JOIN about_sets ab USING (about_set)),
                     pairs AS MATERIALIZED ({target}),
                     top_s AS (SELECT speaker FROM pairs GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT {int(top)}),
                     top_a AS (SELECT about FROM pairs GROUP BY 1 ORDER BY sum(n) DESC, 1 LIMIT {int(top)})
                SELECT speaker, about, sum(n)::BIGINT AS count FROM pairs
                WHERE speaker IN (SELECT speaker FROM top_s) AND about IN (SELECT about FROM top_a)
                GROUP BY ALL ORDER BY count DESC, speaker, about""",
            params,
        ).df()

    # --- on demand (downloads) ------------------------------------------------------------------
    def export_quotes(self, f: Filters) -> pd.DataFrame:
        """Every matching quote with the columns the exports write (schema's quote fields first)."""
        cond, params = self.where(f, kind="quote")
        return self.cursor().execute(
            f"""SELECT q.*, a.outlet, a.title, a.path, spk.country_code AS speaker_country_code
                FROM quotes q JOIN art a USING (article_id) LEFT JOIN actor spk ON spk.actor_id = q.speaker_actor_id
                WHERE q.quote_id IN (SELECT record_id FROM records WHERE {cond})
                ORDER BY q.quote_date NULLS LAST, q.article_id, q.start_char""",
            params,
        ).df()

    def export_events(self, f: Filters) -> pd.DataFrame:
        """Every matching event with the columns the exports write (names of its actors and places added)."""
        cond, params = self.where(f, kind="event")
        frame = self.cursor().execute(
            f"""SELECT e.*, a.outlet, a.title, r.countries
                FROM (SELECT record_id, countries FROM records WHERE {cond}) r
                JOIN events e ON e.event_id = r.record_id JOIN art a ON a.article_id = e.article_id
                ORDER BY e.event_date NULLS LAST, e.article_id, e.start_char""",
            params,
        ).df()
        actor = dict(self.cursor().execute("SELECT actor_id, name FROM actor").fetchall())
        place = dict(self.cursor().execute("SELECT place_id, name FROM place").fetchall())
        names = lambda ids, lookup: [lookup[i] for i in (ids if ids is not None else []) if i in lookup]  # noqa: E731
        frame["actors"] = [names(x, actor) for x in frame["actor_ids"]]
        frame["targets"] = [names(x, actor) for x in frame["target_actor_ids"]]
        frame["places"] = [names(x, place) for x in frame["place_ids"]]
        return frame

    def articles(self, article_ids: set[str] | None = None) -> pd.DataFrame:
        """Article metadata (no text), for citations."""
        sql = "SELECT article_id, path, outlet, title, byline, publication_date FROM articles"
        if article_ids is None:
            return self.cursor().execute(sql).df()
        return self.cursor().execute(sql + " WHERE list_contains(?, article_id)", [sorted(article_ids)]).df()


def _to_grid(frame: pd.DataFrame, degrees: float = GRID_DEGREES) -> pd.DataFrame:
    """Merge places into grid cells: one point per cell, named after its largest place."""
    frame = frame.assign(cell_lat=(frame["lat"] / degrees).round(), cell_lon=(frame["lon"] / degrees).round())
    rows = []
    for (_, _, located), group in frame.groupby(["cell_lat", "cell_lon", "is_located"], sort=False):
        top = group.sort_values("count", ascending=False).iloc[0]
        types: dict[tuple, dict] = {}
        for ts in group["types"]:
            for t in ts:
                key = (t["kind"], t["type"])
                slot = types.setdefault(key, {"kind": t["kind"], "type": t["type"], "n": 0, "samples": []})
                slot["n"] += t["n"]
                slot["samples"] = (list(slot["samples"]) + list(t["samples"]))[:3]
        n = len(group)
        rows.append({
            "place_id": top["place_id"], "name": top["name"] if n == 1 else f"{top['name']} and {n - 1} nearby",
            "feature": top["feature"], "country_code": top["country_code"],
            "lat": float((group["lat"] * group["count"]).sum() / group["count"].sum()),
            "lon": float((group["lon"] * group["count"]).sum() / group["count"].sum()),
            "is_located": located, "count": int(group["count"].sum()),
            "types": sorted(types.values(), key=lambda t: (-t["n"], t["type"])),
        })
    return pd.DataFrame(rows).sort_values("count", ascending=False).reset_index(drop=True)


def filter_fields() -> list[str]:
    return [f.name for f in fields(Filters)]

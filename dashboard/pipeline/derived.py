"""The dashboard's tables, derived from a snapshot when the snapshot is written.

The dashboard reads one narrow table, `records` (a row per quote and per event, with what every
filter and view needs: date, type, outlet, speaker and actors, who is named beside the words,
countries, places), plus small lookup tables. They are a pure function of the snapshot's Parquet
files, so the store writes them beside those files (`<snapshot>/derived-v<N>.duckdb`, see
`store.write_snapshot` and `store.ensure_derived`), under its lock and atomically: a new
snapshot costs the dashboard no derivation when it starts. Bump VERSION when the SQL changes;
a snapshot whose file is of another version gets a new one from the next writer (or the
dashboard derives in memory meanwhile).

No Streamlit and no `dashboard.app` here: the app reads these tables, the pipeline writes them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import duckdb

VERSION = 8
FILE = f"derived-v{VERSION}.duckdb"
TABLES = ("actor", "place", "art", "records", "place_sets", "about_sets", "card_sentences", "card_quotes")
MEMORY_LIMIT = "1GB"

# Over the record-type views of a connection (store.connect_snapshot), into the attached
# database `d`.
SQL = """
CREATE TABLE d.actor AS SELECT actor_id, name, actor_type, country_code, roles FROM actors ORDER BY actor_id;
CREATE TABLE d.place AS SELECT place_id, name, feature, country_code, lat, lon FROM places ORDER BY place_id;
CREATE TABLE d.art AS
  SELECT article_id, (row_number() OVER (ORDER BY article_id))::INTEGER AS art_no,
         coalesce(nullif(outlet, ''), 'unknown outlet') AS outlet, title, path, publication_date, is_html, body_start, url,
         coalesce(is_state_media, false) AS is_state_media
  FROM articles ORDER BY article_id;
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
         list(place_id ORDER BY place_id) FILTER (WHERE rank < 2) AS located,
         list(place_id ORDER BY place_id) FILTER (WHERE rank = 2) AS mentioned
  FROM sent_places GROUP BY 1;
CREATE TEMP TABLE sent_actors AS SELECT sentence_id, list(DISTINCT actor_id ORDER BY actor_id) AS ids FROM actor_mentions GROUP BY 1;
CREATE TEMP TABLE r0 AS
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
       CASE WHEN q.quote_date IS NULL THEN 'none'
            WHEN qe.date_source IS NOT NULL AND qe.date_source <> 'none' THEN qe.date_source
            WHEN qe.date_source = 'none' THEN 'linked'  -- its statement is undated: the words' date came from another outlet
            WHEN q.quote_date = art.publication_date THEN 'publication' ELSE 'stated' END AS date_source,
       lower(q.text || ' ' || coalesce(q.speaker, '')) AS haystack, left(q.text, 160) AS label
FROM quotes q JOIN d.art art USING (article_id)
LEFT JOIN d.actor spk ON spk.actor_id = q.speaker_actor_id
LEFT JOIN sent s USING (sentence_id) LEFT JOIN sent_actors sa USING (sentence_id)
LEFT JOIN (SELECT quote_id, min(date_source) AS date_source FROM events WHERE quote_id IS NOT NULL GROUP BY 1) qe
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
       list_sort(list_distinct(e.place_ids || coalesce(s.located, []))),
       list_filter(coalesce(s.mentioned, []), lambda p: NOT list_contains(e.place_ids, p)),
       e.n_outlets, NULL, e.start_char, e.date_source,
       lower(e.summary), left(e.summary, 160)
FROM events e JOIN d.art art USING (article_id)
LEFT JOIN d.actor first_actor ON first_actor.actor_id = e.actor_ids[1]
LEFT JOIN sent s USING (sentence_id) LEFT JOIN sent_actors sa USING (sentence_id);
DROP TABLE sent_places; DROP TABLE sent; DROP TABLE sent_actors;
-- Records at the same places, or naming the same actors, share a small integer: the map and the
-- who-speaks-about-whom view group by it and unnest only the few distinct lists.
CREATE TABLE d.place_sets AS
  SELECT (row_number() OVER (ORDER BY located, mentioned))::INTEGER AS place_set, located, mentioned
  FROM (SELECT DISTINCT located, mentioned FROM r0) ORDER BY place_set;
CREATE TABLE d.about_sets AS
  SELECT (row_number() OVER (ORDER BY about_ids, countries))::INTEGER AS about_set, about_ids, countries
  FROM (SELECT DISTINCT about_ids, countries FROM r0) ORDER BY about_set;
-- Ordered by date, so that date filters skip whole row groups; `rec_no` is that order (the
-- earliest records of a group are its smallest numbers), numbered on the narrow keys first.
CREATE TEMP TABLE rec_order AS
  SELECT kind, record_id, (row_number() OVER (ORDER BY day NULLS LAST, kind, record_id))::INTEGER AS rec_no FROM r0;
CREATE TABLE d.records AS
  SELECT o.rec_no, r.*, ps.place_set, ab.about_set
  FROM r0 r JOIN rec_order o USING (kind, record_id)
  JOIN d.place_sets ps ON ps.located = r.located AND ps.mentioned = r.mentioned
  JOIN d.about_sets ab ON ab.about_ids = r.about_ids AND ab.countries = r.countries
  ORDER BY o.rec_no;
DROP TABLE rec_order;
DROP TABLE r0;
-- What the cards read: every sentence numbered in reading order (`sent_no`, article by article),
-- so that a quote's context is the few sentences numbered around its own (a range, which the
-- table's order lets DuckDB find without reading the rest).
CREATE TABLE d.card_sentences AS
  SELECT (row_number() OVER (ORDER BY article_id, start_char))::INTEGER AS sent_no, article_id, sentence_id, start_char, text
  FROM sentences ORDER BY sent_no;
-- The quote fields a card shows (list columns such as `outlets` cost more to read than all the rest).
CREATE TABLE d.card_quotes AS
  SELECT q.quote_id, q.article_id, q.sentence_id, s.sent_no, q.text, q.start_char, q.end_char, q.speaker_actor_id, q.speaker,
         q.speech_act, q.confidence, q.quote_date, q.n_outlets, q.mention_sieve, q.speaker_sieve
  FROM quotes q LEFT JOIN d.card_sentences s USING (sentence_id) ORDER BY q.quote_id;
"""


def _quoted(path) -> str:
    return str(path).replace("'", "''")


def configure(con: duckdb.DuckDBPyConnection) -> None:
    """Bounded memory (results keep only the order an ORDER BY asks for, which lets DuckDB
    stream); spills go to the system's temp folder, never the working directory."""
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"SET temp_directory = '{_quoted(Path(tempfile.gettempdir()) / 'dashboard-duckdb')}'")


def derive(con: duckdb.DuckDBPyConnection) -> None:
    """Create the derived tables in the database attached to `con` as `d`, from its record-type views."""
    con.execute(SQL)


def write(con: duckdb.DuckDBPyConnection, target: Path) -> Path:
    """Derive the tables into a new DuckDB file at `target`, atomically: readers find either no
    file or a complete one."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    os.unlink(tmp)  # DuckDB creates the file itself
    try:
        con.execute(f"ATTACH '{_quoted(tmp)}' AS d")
        try:
            derive(con)
        finally:
            con.execute("DETACH d")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
        Path(tmp + ".wal").unlink(missing_ok=True)
    return target


def readable(path: Path) -> bool:
    """Whether a derived file opens and holds every table (a truncated or foreign file does not)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except (duckdb.Error, OSError):
        return False
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        return set(TABLES) <= names
    except duckdb.Error:
        return False
    finally:
        con.close()

"""The dashboard's data layer: DuckDB over the store's Parquet snapshot. The page queries, it
does not load: filters become SQL, and only what is shown leaves the database (counts, one
page of cards, binned timeline counts, one row per map place, a speaker × spoken-about table).

The queries read one narrow table (`records`: one row per quote and per event, with the columns
every filter and every view needs) and small lookup tables, which the store derives when it
writes a snapshot (`dashboard/pipeline/derived.py`, a DuckDB file beside the Parquet files).
Article text stays in Parquet and is read for the cards on the page only. No Streamlit here:
the page caches one `Store` per snapshot and keys small query results by snapshot and filters.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import re
import tempfile
import weakref
from dataclasses import dataclass, fields
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.pipeline import derived
from dashboard.pipeline import store as store_mod

from .filters import SPEAKS, Filters

# Above this many places on the map, nearby places are merged into grid cells (browsers draw a
# few thousand deck.gl points smoothly; the region's gazetteer has hundreds).
MAX_MAP_POINTS = 3000
TYPES_KEPT = 6  # per map place: the tooltip names five types and says whether there are more
SAMPLED_TYPES = 3  # per map place: the types whose first records the tooltip quotes
GRID_DEGREES = 0.25
# Macro-regions and continents: listed beside the map, never drawn as a point.
AREA_FEATURES = ("area",)
MEMORY_LIMIT = "600MB"
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


# Stores still open at interpreter exit (those Streamlit's resource cache holds) are closed
# before the modules are torn down: DuckDB's bindings report connections alive at that point
# as leaked ("nanobind: leaked N instances").
_OPEN: "weakref.WeakSet[Store]" = weakref.WeakSet()


@atexit.register
def _close_open_stores() -> None:
    for db in list(_OPEN):
        db.close()


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
    """One snapshot of the store, opened in DuckDB, held against deletion (a `snapshot_lease`)
    until `close`. Thread-safe: each query uses its own cursor."""

    def __init__(self, store_dir: Path, write_derived: bool = True):
        self.store_dir = Path(store_dir)
        self.con = None
        self._lease = contextlib.ExitStack()
        try:
            self.snapshot = self._lease.enter_context(store_mod.snapshot_lease(self.store_dir))
            self.con = store_mod.connect_snapshot(self.snapshot)
            self.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            self.con.execute("SET preserve_insertion_order = false")
            # Spills (a derivation in memory) go to the system's temp folder, never the working directory.
            self.con.execute(f"SET temp_directory = '{_quoted(Path(tempfile.gettempdir()) / 'dashboard-duckdb')}'")
            self.derived_file = self._attach_derived(write_derived)
            for name in derived.TABLES:  # reachable by plain name from every cursor
                self.con.execute(f"CREATE VIEW memory.main.{name} AS SELECT * FROM d.{name}")
            self.actor_ids = dict(self.con.execute("SELECT name, actor_id FROM actor").fetchall())
        except BaseException:
            self.close()
            raise
        _OPEN.add(self)

    def _attach_derived(self, write: bool) -> Path | None:
        """Attach the derived tables as database `d`: the file the store wrote beside the
        snapshot (a new snapshot costs no derivation); for a snapshot without one, the store
        writes it now when no other writer holds the lock (`write`), else they are derived in
        memory. Returns the file used, or None."""
        target = store_mod.ensure_derived(self.store_dir, self.snapshot) if write else self.snapshot / derived.FILE
        if target is not None and target.is_file():
            try:
                self.con.execute(f"ATTACH '{_quoted(target)}' AS d (READ_ONLY)")
                return target
            except duckdb.Error:
                pass  # damaged or of another DuckDB version: derive in memory (the next build rewrites it)
        self.con.execute("ATTACH ':memory:' AS d")
        derived.derive(self.con)
        return None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def where(self, f: Filters, kind: str | None = None, ignore: tuple[str, ...] = ()) -> tuple[str, list]:
        return where(f, kind=kind, ignore=ignore, actor_ids=self.actor_ids)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        """Close the connection and give the snapshot's lease back (idempotent)."""
        con, self.con = self.con, None
        if con is not None:
            con.close()
        self._lease.close()
        _OPEN.discard(self)

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
        named), count, the commonest event type there, how many types, and for the TYPES_KEPT
        commonest (most records first) kind, count and, for the first SAMPLED_TYPES, up to three
        of their earliest records as (kind, text shown): what a tooltip lists. The place filter
        is not applied: the map keeps showing where else things happened."""
        cond, params = self.where(f, ignore=("place",))
        country_cond = "TRUE"
        if f.countries:
            country_cond = "list_contains(?, p.country_code)"
            params = params + [list(f.countries)]
        # Records of the same kind and type at the same places are counted together first: far
        # fewer rows to unnest than records. A group's samples are its smallest record numbers
        # (the earliest records); their texts are fetched once, for the samples kept.
        cur = self.cursor().execute(
            f"""WITH g0 AS (
                  SELECT place_set, kind, type, count(*) AS n, min(rec_no) AS first
                  FROM records WHERE {cond} GROUP BY ALL
                ), g AS (SELECT g0.*, ps.located, ps.mentioned FROM g0 JOIN place_sets ps USING (place_set)
                ), hits AS (
                  SELECT u.place_id, true AS is_located, kind, type, n, first FROM g, unnest(g.located) AS u(place_id)
                  UNION ALL
                  SELECT u.place_id, false, kind, type, n, first FROM g, unnest(g.mentioned) AS u(place_id)
                ), per_type AS (
                  SELECT place_id, is_located, kind, type, sum(n)::BIGINT AS n, list(first ORDER BY first)[1:3] AS samples
                  FROM hits GROUP BY ALL
                )
                SELECT p.place_id, p.name, p.feature, p.country_code, p.lat, p.lon, t.is_located,
                       sum(t.n)::BIGINT AS count,
                       list({{'kind': t.kind, 'type': t.type, 'n': t.n, 'samples': t.samples}} ORDER BY t.n DESC, t.type)[1:{TYPES_KEPT}] AS types,
                       count(*) AS n_types,
                       (list(t.type ORDER BY t.n DESC, t.type) FILTER (WHERE t.kind = 'event'))[1] AS main_event_type
                FROM per_type t JOIN place p USING (place_id)
                WHERE p.lat IS NOT NULL AND {country_cond}
                GROUP BY ALL ORDER BY count DESC, p.name""",
            params,
        )
        frame = pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])  # nested lists: faster than .df()
        if frame.empty:
            return frame
        wanted = sorted({i for ts in frame["types"] for t in ts[:SAMPLED_TYPES] for i in t["samples"]})
        texts = {r[0]: (r[1], r[2]) for r in self.cursor().execute(
            "SELECT r.rec_no, r.kind, r.label FROM (SELECT unnest(?::INTEGER[]) AS rec_no) s JOIN records r USING (rec_no)", [wanted]
        ).fetchall()}
        for ts in frame["types"]:  # the tooltips quote the first records of the commonest types
            for k, t in enumerate(ts):
                t["samples"] = [texts[i] for i in t["samples"] if i in texts] if k < SAMPLED_TYPES else []
        if len(frame) > max_points:
            frame = _to_grid(frame, grid_degrees)
        return frame

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
            f"""SELECT q.*, a.outlet, a.title, a.path, a.publication_date, a.is_html, a.url, a.is_state_media,
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
        spans = [(int(n) - around, int(n) + around) for n in quotes["sent_no"].dropna()]
        rows = self.cursor().execute(
            "SELECT sent_no, article_id, text FROM card_sentences WHERE " + " OR ".join("sent_no BETWEEN ? AND ?" for _ in spans),
            [x for span in spans for x in span],
        ).fetchall() if spans else []
        text_of = {n: (a, " ".join(t.split())) for n, a, t in rows}
        out = {}
        for quote_id, article_id, sent_no, text in zip(quotes["quote_id"], quotes["article_id"], quotes["sent_no"], quotes["text"]):
            if sent_no is None or sent_no != sent_no or int(sent_no) not in text_of:  # a quote without its sentence record
                out[quote_id] = ("", " ".join(str(text).split()), "")
                continue
            n = int(sent_no)
            near = lambda ks: " ".join(text_of[k][1] for k in ks if k in text_of and text_of[k][0] == article_id)  # noqa: E731
            out[quote_id] = (near(range(n - around, n)), text_of[n][1], near(range(n + 1, n + 1 + around)))
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
            f"""SELECT q.*, a.outlet, a.title, a.path, a.is_state_media, spk.country_code AS speaker_country_code
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


def merge_types(rows) -> tuple[list[dict], int, str | None]:
    """The per-type counts of several map rows as one: (types, most records first; how many
    types; the commonest event type)."""
    types: dict[tuple, dict] = {}
    n_types = 0
    for r in rows:
        n_types = max(n_types, int(r["n_types"]))
        for t in r["types"]:
            slot = types.setdefault((t["kind"], t["type"]), {"kind": t["kind"], "type": t["type"], "n": 0, "samples": []})
            slot["n"] += int(t["n"])
            slot["samples"] = (list(slot["samples"]) + list(t["samples"] or []))[:3]
    merged = sorted(types.values(), key=lambda t: (-t["n"], t["type"]))
    events = [t["type"] for t in merged if t["kind"] == "event"]
    main = events[0] if events else next((r["main_event_type"] for r in rows if isinstance(r["main_event_type"], str)), None)
    return merged, max(n_types, len(merged)), main


def _to_grid(frame: pd.DataFrame, degrees: float = GRID_DEGREES) -> pd.DataFrame:
    """Merge places into grid cells: one point per cell, named after its largest place."""
    frame = frame.assign(cell_lat=(frame["lat"] / degrees).round(), cell_lon=(frame["lon"] / degrees).round())
    rows = []
    for (_, _, located), group in frame.groupby(["cell_lat", "cell_lon", "is_located"], sort=False):
        top = group.sort_values("count", ascending=False).iloc[0]
        types, n_types, main = merge_types(group.to_dict("records"))
        n = len(group)
        rows.append({
            "place_id": top["place_id"], "name": top["name"] if n == 1 else f"{top['name']} and {n - 1} nearby",
            "feature": top["feature"], "country_code": top["country_code"],
            "lat": float((group["lat"] * group["count"]).sum() / group["count"].sum()),
            "lon": float((group["lon"] * group["count"]).sum() / group["count"].sum()),
            "is_located": located, "count": int(group["count"].sum()),
            "types": types[:TYPES_KEPT], "n_types": n_types, "main_event_type": main,
        })
    return pd.DataFrame(rows).sort_values("count", ascending=False).reset_index(drop=True)


def filter_fields() -> list[str]:
    return [f.name for f in fields(Filters)]

"""The dashboard page: filters in the sidebar; coverage, map, timeline, who speaks about whom,
quote cards and exports.

Thin wiring over plain modules (data, filters, charts, maps, cards, exports). The page queries
the store through `data.Store` (DuckDB over the Parquet snapshot): one Store per snapshot is
kept with `st.cache_resource`, and only small query results are cached, keyed by snapshot and
filters. Every piece of article text shown here is escaped: quotes and titles are untrusted.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from types import SimpleNamespace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app/streamlit_app.py` from anywhere
    sys.path.insert(0, str(ROOT))

import atexit  # noqa: E402
import gc  # noqa: E402
import threading  # noqa: E402

import streamlit as st  # noqa: E402

from dashboard.app import cards, charts, export_context, exports, filters, maps, queries, standalone_map, uploads  # noqa: E402
from dashboard.app.data import Store, timeline_bin  # noqa: E402
from dashboard.pipeline import manifest, store  # noqa: E402
from dashboard.pipeline.config import load_settings  # noqa: E402
from dashboard.pipeline.errors import StoreError  # noqa: E402

PER_PAGE = queries.PER_PAGE
FIX = "Build it with `make data` (or `python -m dashboard build seeds/`) and reload this page."
SORT_LABELS = {"date": "date", "speaker": "speaker", "corroboration": "most outlets first"}
DATE_SOURCE_WORDS = {
    "stated": "date stated in the text",
    "publication": "publication date: the text states none",
    "linked": "date from another outlet's report of it",
    "none": "no date stated",
}

st.set_page_config(page_title="Geopolitical timeline", page_icon=None, layout="wide")
settings = load_settings()


def _release(db: Store) -> None:
    db.close()  # gives the snapshot's lease back: the store may delete it once it is old


@st.cache_resource(show_spinner="Opening the store…", max_entries=2, on_release=_release)
def open_store(store_dir: str, snapshot: str) -> Store:
    """One DuckDB-backed Store per snapshot (the key is the snapshot's content-derived name),
    holding a lease on it, so the files it reads stay there while it is cached."""
    return Store(Path(store_dir))


try:
    db = open_store(str(settings.store_dir), store.current_snapshot(settings.store_dir).name)
    snapshot = db.snapshot.name  # what the Store leased (CURRENT may have moved on since it was read)
    opts = queries.options(snapshot, db)
except StoreError as exc:
    st.title("Geopolitical timeline")
    st.error(f"The data store cannot be opened: {cards.escape_markdown(str(exc))}")
    st.info(FIX)
    st.stop()


@st.cache_resource(show_spinner=False)
def settle_heap() -> bool:
    """Once per server, with the libraries and the store loaded: move every object alive now
    into the collector's permanent generation. Python's full collections then walk only what
    reruns create, instead of the ~10^6 objects of Streamlit, pandas and plotly (each full pass
    cost 130–190 ms of a rerun). With `runner.postScriptGC = false` (.streamlit/config.toml) no
    full collection follows every run either; reference counting frees the rest as usual."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)  # at exit everything may be collected again (DuckDB's bindings count what is not)
    return True


@st.cache_resource(show_spinner=False)
def warm_export_browser() -> threading.Thread:
    """Start the headless Chromium that draws chart images once per server, in the background,
    so the first PNG/SVG export is as quick as the others."""
    thread = threading.Thread(target=_warm_quietly, daemon=True)
    thread.start()
    return thread


def _warm_quietly() -> None:
    try:
        exports.warm_browser()
    except Exception:  # no Chromium: exports say so when asked; the page works without it
        pass


warm_export_browser()
names = queries.country_names()
settle_heap()
lo, hi = opts.start, opts.end
defaults = filters.Filters(start=lo, end=hi)
ss = st.session_state


def reset_state(f: filters.Filters) -> None:
    """Put every widget of the filter panel to a filter state (used at load from the URL and by the reset buttons)."""
    ss.update(
        dates=(f.start, f.end), undated=f.include_undated, actors=[a for a in f.actors if a in opts.actors],
        mode=f.actor_mode, countries=[c for c in f.countries if c in opts.countries],
        outlets=[o for o in f.outlets if o in opts.outlets], types=[t for t in f.types if t in opts.types],
        search=f.search, page=f.page, sort=f.sort, group_by=f.group_by,
        place=f.place if f.place in opts.places else "", about=f.about,
    )


def reset_filters() -> None:
    reset_state(defaults)
    forget_map_selection()


def clear(key: str) -> None:
    ss[key] = ""
    if key == "place":
        forget_map_selection()


def forget_map_selection() -> None:
    """A new map widget, without the marker selection (Streamlit keeps a chart's selection, and
    fades everything else, until the widget changes): the map then agrees with the place filter."""
    ss.map_generation = ss.get("map_generation", 0) + 1


def map_key() -> str:
    return f"map-{ss.get('map_generation', 0)}"


# --- URL → widget state, once per session ---------------------------------------------------
if "url_loaded" not in ss:
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    reset_state(filters.from_query(params, defaults))
    ss.url_loaded = True
for key, value in (("page", 1), ("place", ""), ("about", ""), ("sort", "date"), ("group_by", "country")):
    ss.setdefault(key, value)  # widgets not drawn on the last run lose their state: never read a missing key


# --- linked views: selections on the map and the chart become filters ----------------------------
def on_map_select() -> None:
    objects = (ss.get(map_key()) or {}).get("selection", {}).get("objects", {}) or {}
    picked = [o for layer in ("places", "mentioned") for o in objects.get(layer, [])]
    if picked and picked[0].get("place_id"):
        ss.place = picked[0]["place_id"]
    elif not picked:  # the selected marker clicked again: the selection and the place filter go together
        ss.place = ""


def on_chart_select() -> None:
    chosen = charts.selected_range((ss.get("timeline") or {}).get("selection"))
    if chosen:
        a, b = max(lo, chosen[0]), min(hi, chosen[1])
        if a <= b:
            ss.dates = (a, b)


def on_matrix_select() -> None:
    points = ((ss.get("speaks") or {}).get("selection") or {}).get("points") or []
    if points:
        speaker, about = points[0].get("y"), points[0].get("x")
        if speaker in opts.actors:
            ss.actors, ss.mode = [speaker], filters.SPEAKS
        ss.about = db.actor_ids.get(about, "") if ss.get("speaks_by", "actor") == "actor" else next(
            (c for c, n in names.items() if n == about), about)


start, end = ss.get("dates", (lo, hi)) if lo < hi else (lo, hi)
current = filters.Filters(
    start=start, end=end, include_undated=ss.get("undated", True), actors=tuple(ss.get("actors", ())),
    actor_mode=ss.get("mode", filters.SPEAKS), countries=tuple(ss.get("countries", ())), outlets=tuple(ss.get("outlets", ())),
    types=tuple(ss.get("types", ())), search=ss.get("search", ""), place=ss.place, about=ss.about,
    page=int(ss.page), sort=ss.sort, group_by=ss.group_by,
)
previous = ss.get("last_filters")
if previous is not None and filters.narrowing(previous) != filters.narrowing(current):
    current = filters.with_page(current, 1)  # a new filter starts at the first page of cards
    ss.page = 1
ss.last_filters = current
st.query_params.from_dict(filters.to_query(current, defaults))
selection = filters.narrowing(current)  # what the queries see (page, sort and grouping arrange only)

# --- header and coverage -----------------------------------------------------------------------
st.title("Geopolitical timeline: Belarus – Poland – Ukraine")
counts = queries.counts(queries.key(snapshot, selection), db, selection)
c1, c2, c3, c4 = st.columns(4)
c1.metric("Matching quotes", f"{counts.quotes:,}")
c2.metric("Matching events", f"{counts.events:,}")
c3.metric(f"Articles (of {opts.n_articles:,})", f"{counts.articles:,}")  # the total in the label: the value stays short
c4.metric("Outlets", f"{counts.outlets:,}")
outlet_list = ", ".join(counts.outlet_names) + (f" and {counts.outlets - len(counts.outlet_names)} more" if counts.outlets > len(counts.outlet_names) else "")
st.caption(
    f"Coverage: this view rests on {counts.articles} article(s) from {counts.outlets} outlet(s) "
    f"({cards.escape_markdown(outlet_list) or 'none'}). Counts are what these sources reported, "
    "not how often things happened."
)
# The chips and the empty-result notice sit in containers drawn on every run, so that the map and
# the charts below keep their place in the page: a block inserted above them would make the
# browser draw them anew (the map would lose its zoom on a marker click).
notices = st.container()
chips = []
if current.place:
    chips.append(("place", f"Place: {opts.places.get(current.place, current.place)}"))
if current.about:
    about_name = next((n for n, i in db.actor_ids.items() if i == current.about), names.get(current.about, current.about))
    chips.append(("about", f"Spoken about: {about_name}"))
if chips:
    cols = notices.columns(len(chips) + 2)
    for col, (key, label) in zip(cols, chips):
        col.button(f"✕ {label}", key=f"clear_{key}", on_click=clear, args=(key,), help="Show all again")

empty = counts.quotes + counts.events == 0
if empty:
    active = filters.to_query(filters.narrowing(current), defaults)
    notices.warning(
        "Nothing matches these filters together: "
        + cards.escape_markdown("; ".join(f"{k} = {', '.join(v) if isinstance(v, list) else v}" for k, v in active.items()))
        + ". Remove one of them, or reset them all."
    )
    notices.button("Reset all filters", on_click=reset_filters, key="reset_empty", type="primary")

# --- map and timeline -----------------------------------------------------------------------------
left, right = st.columns([1, 1])
places = queries.map_places(queries.key(snapshot, selection), db, selection)
located, mentioned, macro = maps.map_points(places, opts.event_types)
deck = maps.build_deck(places, opts.event_types, points=(located, mentioned, macro))
with left:
    st.subheader("Map")
    st.pydeck_chart(deck, height=440, on_select=on_map_select, selection_mode="single-object", key=map_key())
    st.caption(
        "Filled circles: places where an event happened or a speaker spoke, coloured by the commonest event type there; "
        "pale discs: places only named. Size grows with the number of records. Click a circle to narrow every view "
        "to that place. Borders: Natural Earth 1:10m (public domain); city names: GeoNames."
    )
    st.caption(maps.legend_text(opts.event_types, set(located["main_type"]) if not located.empty else set()))
    if macro:
        st.caption("Also named (regions too large for a point): " + cards.escape_markdown(", ".join(macro)) + ".")
with right:
    st.subheader("Timeline")
    st.radio("Group by", ["country", "actor"], horizontal=True, key="group_by")
    bin = timeline_bin(current.start, current.end)
    binned = queries.timeline(queries.key(snapshot, selection, current.group_by, bin), db, selection, current.group_by, bin)
    colours = charts.group_colours(queries.ranks(snapshot, "country" if current.group_by == "country" else "actor", db))
    fig = charts.timeline_figure(binned, current.start, current.end, bin, colours, names if current.group_by == "country" else None)
    st.plotly_chart(fig, config={"displaylogo": False, "toImageButtonOptions": {"format": "png"}},
                    on_select=on_chart_select, selection_mode=("box", "points"), key="timeline")
    undated = (counts.undated_quotes + counts.undated_events) if current.include_undated else 0
    st.caption(charts.timeline_caption(binned, undated, current.group_by, bin))

# --- sidebar: filters ------------------------------------------------------------------------
# Drawn after the map and the timeline (their state was read from the session above): the browser
# gets those two first and starts loading deck.gl and plotly.js while the rest arrives.
with st.sidebar:
    st.header("Filters")
    if lo < hi:
        st.slider("Dates", min_value=lo, max_value=hi, key="dates", format="YYYY-MM-DD")
    else:
        st.caption(f"All dated records fall on {lo.isoformat()}.")
    st.checkbox("Include records with no stated date", key="undated")
    st.multiselect("Actor", opts.actors, key="actors", placeholder="Any actor")
    st.radio("Actor role", [filters.SPEAKS, filters.TALKED_ABOUT], key="mode", horizontal=True,
             format_func=lambda m: "who speaks" if m == filters.SPEAKS else "who is named beside the words")
    st.multiselect("Country", opts.countries, key="countries", format_func=lambda c: names.get(c, c), placeholder="Any country")
    st.multiselect("Outlet", opts.outlets, key="outlets", placeholder="Any outlet")
    st.multiselect("Event type / speech act", opts.types, key="types", placeholder="Any type")
    st.text_input("Search in quotes and events", key="search", max_chars=200, placeholder="words in the quote, speaker or event")
    st.button("Reset all filters", on_click=reset_filters, key="reset_sidebar")

# --- who speaks about whom --------------------------------------------------------------------
st.subheader("Who speaks about whom")
by_about = st.radio("Spoken about", ["actor", "country"], horizontal=True, key="speaks_by",
                    format_func=lambda v: "actors named with the words" if v == "actor" else "countries named with the words")
about_free = replace(selection, about="")
pairs = queries.speaks_about(queries.key(snapshot, about_free, by_about), db, about_free, by_about)
if pairs.empty:
    st.caption("No matching quote with a named speaker names " + (
        "another actor in its sentence." if by_about == "actor" else "a country in its sentence."))
else:
    about_label = (lambda v: names.get(v, v)) if by_about == "country" else (lambda v: v)
    heat = charts.speaks_figure(pairs, about_label)
    st.plotly_chart(heat, config={"displaylogo": False}, on_select=on_matrix_select, selection_mode=("points",), key="speaks")
    st.caption(
        "Rows: who is quoted; columns: who (or which country) is named in the same sentence; cells: number of quotes. "
        "Click a cell to read those quotes; the timeline then shows that pair over time."
    )

# --- quote cards ---------------------------------------------------------------------------------
st.subheader(f"Quotes ({counts.quotes})")
pages = cards.page_count(counts.quotes, PER_PAGE)
pc1, pc2 = st.columns([1, 1])
pc1.selectbox("Sort by", list(SORT_LABELS), key="sort", format_func=SORT_LABELS.get)
if pages > 1:
    ss.page = min(max(1, int(ss.page)), pages)
    pc2.number_input(f"Page (of {pages})", min_value=1, max_value=pages, key="page", step=1)
page = min(max(1, int(ss.page)), pages)
rows, contexts = queries.quote_page(queries.key(snapshot, selection, page, current.sort), db, selection, page, current.sort)
if counts.quotes == 0:
    st.caption("No quote matches the filters." + ("" if empty else " Events do: see the map and the timeline."))
for row in (SimpleNamespace(**r) for r in rows.to_dict("records")) if not rows.empty else []:  # faster than itertuples over ~40 columns
    with st.container(border=True):
        who = [cards.escape_markdown(row.speaker)]
        if isinstance(row.speaker_role, str):
            who.append(cards.escape_markdown(row.speaker_role))
        if isinstance(row.speaker_country_code, str):
            who.append(cards.escape_markdown(names.get(row.speaker_country_code, row.speaker_country_code)))
        st.markdown(f"**{who[0]}**" + "".join(f" · {w}" for w in who[1:]))
        st.markdown("“" + cards.escape_markdown(row.text) + "”")
        when = row.quote_date.isoformat() if row.quote_date else "undated"
        outlet = cards.escape_markdown(row.outlet) + (" (state-controlled media)" if bool(row.is_state_media) else "")
        meta = [outlet, f"{when} ({DATE_SOURCE_WORDS.get(row.date_source, row.date_source)})",
                cards.escape_markdown(row.speech_act), f"speaker attribution confidence {row.confidence:.0%}"]
        if row.n_outlets > 1:
            meta.append(f"quoted by {row.n_outlets} outlets")
        st.caption(" · ".join(meta))
        how = cards.attribution_words(row.mention_sieve, row.speaker_sieve)
        if how:
            st.caption("Attribution: " + how)
        url = getattr(row, "url", None)
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            st.link_button("Original article", url)
        label = row.title if isinstance(row.title, str) and row.title else row.path
        with st.expander("Source: " + cards.escape_markdown(label[:90])):
            before, sentence, after = contexts.get(row.quote_id, ("", row.text, ""))
            st.markdown(cards.highlighted_markdown(before + " ", sentence, " " + after))
            st.caption(
                f"File {cards.escape_markdown(row.path)}{' (web page; shown as its readable text)' if row.is_html else ''}, "
                f"characters {row.start_char}–{row.end_char}."
            )

# --- exports ---------------------------------------------------------------------------------------
st.subheader("Export")
all_quotes = lambda: db.export_quotes(selection)  # noqa: E731 (read only when a download is asked for)
all_events = lambda: db.export_events(selection)  # noqa: E731
context = lambda: export_context.ExportContext(  # noqa: E731 (the page's counts: no frame is read for it)
    filters=export_context.describe_filters(selection, defaults, names), start=selection.start, end=selection.end,
    include_undated=selection.include_undated, n_quotes=counts.quotes, n_events=counts.events,
    n_articles=counts.articles, n_outlets=counts.outlets,
)
e1, e2, e3, e4 = st.columns(4)
e1.download_button("Quotes CSV", lambda: exports.to_csv(all_quotes(), exports.QUOTE_EXPORT), "quotes.csv", "text/csv", on_click="ignore")
e1.download_button("Quotes JSON", lambda: exports.to_json(all_quotes(), exports.QUOTE_EXPORT), "quotes.json", "application/json", on_click="ignore")
e2.download_button("Events CSV", lambda: exports.to_csv(all_events(), exports.EVENT_EXPORT), "events.csv", "text/csv", on_click="ignore")
e2.download_button("Events JSON", lambda: exports.to_json(all_events(), exports.EVENT_EXPORT), "events.json", "application/json", on_click="ignore")
images = exports.images_available()
no_images = None if images else "Needs a local Chromium: `make run` installs Debian's chromium."
e3.download_button("Timeline PNG", lambda: exports.figure_image(fig, "png", context()), "timeline.png", "image/png", on_click="ignore", disabled=not images, help=no_images)
e3.download_button("Timeline SVG", lambda: exports.figure_image(fig, "svg", context()), "timeline.svg", "image/svg+xml", on_click="ignore", disabled=not images, help=no_images)
e3.download_button("Timeline HTML (offline)", lambda: exports.figure_html(fig, context()), "timeline.html", "text/html", on_click="ignore")
map_html = lambda: standalone_map.map_html(  # noqa: E731
    maps.build_deck(places, opts.event_types, standalone=True, points=(located, mentioned, macro)), context(),
    legend=maps.legend_text(opts.event_types, set(located["main_type"]) if not located.empty else set()),
)
e4.download_button("Map HTML (offline)", map_html, "map.html", "text/html", on_click="ignore")


def _pack() -> bytes:
    quotes, events = all_quotes(), all_events()
    articles = db.articles(set(quotes["article_id"]) | set(events["article_id"]))
    return exports.evidence_pack(quotes, events, articles, fig, map_html(), context(), with_images=images)


e4.download_button("Evidence pack (zip)", _pack, "evidence-pack.zip", "application/zip", type="primary", on_click="ignore")
st.caption(
    "Chart images are drawn server-side by the local Chromium. The timeline and map HTML files carry their "
    "libraries and data and open offline; every export states its filters, dates and sources."
)

# --- add an article ------------------------------------------------------------------------------
with st.sidebar:
    st.divider()
    st.header("Add an article")
    limit = uploads.limit_text(settings.max_article_bytes)
    upload = st.file_uploader(  # no `type=`: Streamlit would lock the session on a NUL in a file name
        f"Plain text or HTML (.txt, .html, .htm), up to {limit}", key="upload",
        max_upload_size=uploads.uploader_limit_mb(settings.max_article_bytes),
    )
    # What the user knows about the article is trusted over what the page or the text says.
    stated = manifest.entry()
    if upload is not None:
        stated = manifest.entry(
            st.text_input("Web address (optional)", key="upload_url"),
            st.text_input("Outlet (optional)", key="upload_outlet"),
            st.text_input("Publication date, YYYY-MM-DD (optional)", key="upload_date"),
        )
        if st.session_state.get("upload_date") and stated.publication_date is None and stated.year is None:
            st.warning("The publication date is not YYYY-MM-DD (or a year); it will be ignored.")
    if upload is not None and st.button("Add to the data", key="add"):
        raw = upload.getvalue()
        shown = cards.escape_markdown(uploads.display_name(upload.name))  # the file name is untrusted text too
        refused = uploads.refusal(upload.name, len(raw), settings.max_article_bytes)
        if refused:
            st.error(f"{shown}: {refused}. Nothing was changed.")
        else:
            try:
                from dashboard.pipeline.build import add_uploads  # here: it brings spaCy, which the page needs only now

                with st.spinner("Reading the article…"):
                    [result] = add_uploads(settings, [(uploads.display_name(upload.name), raw, stated)])  # file kept and store switched in one step
            except StoreError as exc:  # another writer (a build) holds the store: nothing was changed
                result = None
                st.error(f"{shown}: {cards.escape_markdown(str(exc))} Nothing was changed.")
            if result is None:
                pass
            elif result.error:
                st.error(f"{shown}: {cards.escape_markdown(result.error)}. Nothing was changed.")
            elif result.kept_as is None:
                st.info(f"{shown} is already in the data. Nothing was changed.")
            else:
                st.session_state.added = (
                    f"{shown} added: {len(result.tables['quotes'])} quotes, {len(result.tables['events'])} events "
                    f"(kept as {uploads.UPLOADS}/{cards.escape_markdown(result.kept_as)} in the store)."
                )
                st.session_state.pop("url_loaded", None)
                st.rerun()
    if st.session_state.get("added"):
        st.success(st.session_state.added)
    problems = db.problems()
    if len(problems):
        with st.expander(f"{len(problems)} file(s) skipped"):
            for p in problems.itertuples():
                st.caption(f"{cards.escape_markdown(p.path)}: {cards.escape_markdown(p.error)}")

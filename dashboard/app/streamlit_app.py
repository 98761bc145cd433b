"""The dashboard page: filters in the sidebar; coverage, map, timeline, quote cards and exports.

Thin wiring over plain modules (data, filters, charts, maps, cards, exports). Every piece of
article text shown here is escaped: quotes and titles are untrusted.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app/streamlit_app.py` from anywhere
    sys.path.insert(0, str(ROOT))

import atexit  # noqa: E402
import gc  # noqa: E402
import threading  # noqa: E402

import pandas as pd  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard.app import cards, charts, export_context, exports, filters, maps, standalone_map, uploads  # noqa: E402
from dashboard.app.data import Views, build_views  # noqa: E402
from dashboard.pipeline import store  # noqa: E402
from dashboard.pipeline import manifest  # noqa: E402
from dashboard.pipeline.build import add_uploads  # noqa: E402
from dashboard.pipeline.config import load_settings  # noqa: E402
from dashboard.pipeline.errors import StoreError  # noqa: E402

PER_PAGE = 8
FIX = "Build it with `make data` (or `python -m dashboard build seeds/`) and reload this page."

st.set_page_config(page_title="Geopolitical timeline", page_icon=None, layout="wide")
settings = load_settings()


@st.cache_data(show_spinner=False, max_entries=4)
def load_views(snapshot: str) -> Views:
    """Views of one store snapshot (the cache key is the snapshot's content-derived name)."""
    return build_views(store.read_frames(settings.store_dir))


@st.cache_data(show_spinner=False)
def country_names() -> dict[str, str]:
    from dashboard.pipeline.actors import registry

    return {c.iso2: c.name for c in registry().countries}


@st.cache_resource(show_spinner=False)
def settle_heap(snapshot: str) -> None:
    """Once per loaded snapshot, move what the server has loaded out of the garbage collector's
    way: its full passes over these long-lived objects otherwise stall an occasional rerun by
    100-200 ms."""
    gc.collect()
    gc.freeze()
    atexit.register(gc.unfreeze)  # let the interpreter free them at exit


try:
    snapshot = str(store.current_snapshot(settings.store_dir))
    views = load_views(snapshot)
except StoreError as exc:
    st.title("Geopolitical timeline")
    st.error(f"The data store cannot be opened: {cards.escape_markdown(str(exc))}")
    st.info(FIX)
    st.stop()
settle_heap(snapshot)

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
names = country_names()
lo, hi = filters.date_bounds(views)
defaults = filters.Filters(start=lo, end=hi)
actor_options = sorted(set(views.quotes["speaker"].dropna()) | set(views.actors["name"]))
country_options = sorted(
    {c for cs in list(views.quotes["countries"]) + list(views.events["countries"]) for c in cs}, key=lambda c: names.get(c, c)
)
outlet_options = sorted(set(views.quotes["outlet"]) | set(views.events["outlet"]))
type_options = sorted(set(views.quotes["speech_act"]) | set(views.events["event_type"]))
map_types = list(views.events["event_type"].value_counts().index)  # most frequent first: they get the colours

# --- URL → widget state, once per session ---------------------------------------------------
if "url_loaded" not in st.session_state:
    params = {k: st.query_params.get_all(k) for k in st.query_params.keys()}
    f0 = filters.from_query(params, defaults)
    st.session_state.update(
        dates=(f0.start, f0.end),
        undated=f0.include_undated,
        actors=[a for a in f0.actors if a in actor_options],
        mode=f0.actor_mode,
        countries=[c for c in f0.countries if c in country_options],
        outlets=[o for o in f0.outlets if o in outlet_options],
        types=[t for t in f0.types if t in type_options],
        search=f0.search,
        page=f0.page,
        url_loaded=True,
    )

# --- sidebar: filters ------------------------------------------------------------------------
with st.sidebar:
    st.header("Filters")
    if lo < hi:
        st.slider("Dates", min_value=lo, max_value=hi, key="dates", format="YYYY-MM-DD")
    else:
        st.caption(f"All dated records fall on {lo.isoformat()}.")
    st.checkbox("Include records with no stated date", key="undated")
    st.multiselect("Actor", actor_options, key="actors", placeholder="Any actor")
    st.radio("Actor role", [filters.SPEAKS, filters.TALKED_ABOUT], key="mode", horizontal=True,
             format_func=lambda m: "who speaks" if m == filters.SPEAKS else "who is talked about")
    st.multiselect("Country", country_options, key="countries", format_func=lambda c: names.get(c, c), placeholder="Any country")
    st.multiselect("Outlet", outlet_options, key="outlets", placeholder="Any outlet")
    st.multiselect("Event type / speech act", type_options, key="types", placeholder="Any type")
    st.text_input("Search in quotes", key="search", max_chars=200, placeholder="words in the quote or speaker")

start, end = st.session_state.get("dates", (lo, hi)) if lo < hi else (lo, hi)
current = filters.Filters(
    start=start, end=end, include_undated=st.session_state.undated, actors=tuple(st.session_state.actors),
    actor_mode=st.session_state.mode, countries=tuple(st.session_state.countries), outlets=tuple(st.session_state.outlets),
    types=tuple(st.session_state.types), search=st.session_state.search, page=st.session_state.page,
)
previous = st.session_state.get("last_filters")
if previous is not None and filters.with_page(previous, 1) != filters.with_page(current, 1):
    current = filters.with_page(current, 1)  # a new filter starts at the first page of cards
    st.session_state.page = 1
st.session_state.last_filters = current
st.query_params.from_dict(filters.to_query(current, defaults))

quotes, events, places = filters.apply_filters(views, current)

# --- header and coverage -----------------------------------------------------------------------
st.title("Geopolitical timeline: Belarus – Poland – Ukraine")
article_ids = set(quotes["article_id"]) | set(events["article_id"])
shown_outlets = sorted({o for o in list(quotes["outlet"]) + list(events["outlet"])})
c1, c2, c3, c4 = st.columns(4)
c1.metric("Matching quotes", len(quotes))
c2.metric("Matching events", len(events))
c3.metric("Articles", f"{len(article_ids)} of {len(views.articles)}")
c4.metric("Outlets", len(shown_outlets))
st.caption(
    f"Coverage: this view rests on {len(article_ids)} article(s) from {len(shown_outlets)} outlet(s) "
    f"({cards.escape_markdown(', '.join(shown_outlets)) or 'none'}). A handful of articles is not a representative sample: "
    "read counts as what these sources reported, not as how often things happened."
)

# --- map and timeline -----------------------------------------------------------------------------
left, right = st.columns([1, 1])
deck = maps.build_deck(places, events, map_types)
with left:
    st.subheader("Map")
    st.pydeck_chart(deck, height=430)
    st.caption(
        "Filled, dark-edged circles: places where an event happened or a speaker spoke, coloured by event type and sized by "
        "the number of records; hollow grey rings: places only mentioned. Borders: Natural Earth 1:10m (public domain)."
    )
    st.caption(maps.legend_text(map_types, set(maps.map_points(places, events)[0].get("event_type", []))))
with right:
    st.subheader("Timeline")
    by = st.radio("Group by", ["country", "actor"], horizontal=True, key="group_by")
    counts = charts.timeline_counts(quotes, events, by, names)
    fig = charts.timeline_figure(counts, current.start, current.end)
    st.plotly_chart(fig, config={"displaylogo": False, "toImageButtonOptions": {"format": "png"}})
    st.caption(charts.timeline_caption(quotes, events, by))

# --- quote cards ---------------------------------------------------------------------------------
st.subheader(f"Quotes ({len(quotes)})")
ordered = quotes.sort_values(["quote_date", "article_id", "start_char"], na_position="last")
pages = cards.page_count(len(ordered), PER_PAGE)
if pages > 1:
    st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, key="page", step=1)
page = min(int(st.session_state.page), pages)
articles_by_id = views.articles.set_index("article_id")
for row in ordered.iloc[cards.page_slice(len(ordered), page, PER_PAGE)].itertuples():
    with st.container(border=True):
        who = [cards.escape_markdown(row.speaker)]
        if isinstance(row.speaker_role, str):
            who.append(cards.escape_markdown(row.speaker_role))
        if isinstance(row.speaker_country_code, str):
            who.append(cards.escape_markdown(names.get(row.speaker_country_code, row.speaker_country_code)))
        st.markdown(f"**{who[0]}**" + "".join(f" · {w}" for w in who[1:]))
        st.markdown("“" + cards.escape_markdown(row.text) + "”")
        when = row.quote_date.isoformat() if pd.notna(row.quote_date) and row.quote_date else "date not stated"
        meta = f"{cards.escape_markdown(row.outlet)} · {when} · {cards.escape_markdown(row.speech_act)}"
        if row.n_outlets > 1:
            meta += f" · quoted by {row.n_outlets} outlets"
        st.caption(meta)
        label = row.title if isinstance(row.title, str) and row.title else row.path
        with st.expander("Source: " + cards.escape_markdown(label[:90])):
            text = articles_by_id.loc[row.article_id, "text"]
            body_start = int(articles_by_id.loc[row.article_id, "body_start"])
            before, sentence, after = cards.source_excerpt(
                text, row.start_char, row.end_char, row.sentence_start, row.sentence_end, body_start=body_start
            )
            st.markdown(cards.highlighted_markdown(before, sentence, after))
            st.caption(f"File {cards.escape_markdown(row.path)}, characters {row.start_char}–{row.end_char}.")

# --- exports ---------------------------------------------------------------------------------------
st.subheader("Export")
context = lambda: export_context.context_of(current, defaults, quotes, events, names)  # noqa: E731 (on click only)
e1, e2, e3, e4 = st.columns(4)
e1.download_button("Quotes CSV", lambda: exports.to_csv(quotes, exports.QUOTE_EXPORT), "quotes.csv", "text/csv", on_click="ignore")
e1.download_button("Quotes JSON", lambda: exports.to_json(quotes, exports.QUOTE_EXPORT), "quotes.json", "application/json", on_click="ignore")
e2.download_button("Events CSV", lambda: exports.to_csv(events, exports.EVENT_EXPORT), "events.csv", "text/csv", on_click="ignore")
e2.download_button("Events JSON", lambda: exports.to_json(events, exports.EVENT_EXPORT), "events.json", "application/json", on_click="ignore")
images = exports.images_available()
no_images = None if images else "Needs a local Chromium: `make run` installs Debian's chromium."
e3.download_button("Timeline PNG", lambda: exports.figure_image(fig, "png", context()), "timeline.png", "image/png", on_click="ignore", disabled=not images, help=no_images)
e3.download_button("Timeline SVG", lambda: exports.figure_image(fig, "svg", context()), "timeline.svg", "image/svg+xml", on_click="ignore", disabled=not images, help=no_images)
e3.download_button("Timeline HTML (offline)", lambda: exports.figure_html(fig, context()), "timeline.html", "text/html", on_click="ignore")
map_html = lambda: standalone_map.map_html(  # noqa: E731
    maps.build_deck(places, events, map_types, standalone=True), context(),
    legend=maps.legend_text(map_types, set(maps.map_points(places, events)[0].get("event_type", []))),
)
e4.download_button("Map HTML (offline)", map_html, "map.html", "text/html", on_click="ignore")
e4.download_button(
    "Evidence pack (zip)",
    lambda: exports.evidence_pack(quotes, events, views.articles, fig, map_html(), context(), with_images=images),
    "evidence-pack.zip", "application/zip", type="primary", on_click="ignore",
)
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
    if len(views.problems):
        with st.expander(f"{len(views.problems)} file(s) skipped"):
            for p in views.problems.itertuples():
                st.caption(f"{cards.escape_markdown(p.path)}: {cards.escape_markdown(p.error)}")

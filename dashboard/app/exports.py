"""Exports: filtered records as CSV/JSON, the timeline as PNG/SVG/HTML, the map as HTML, and an
evidence pack (zip). Pure functions of DataFrames, a figure and an `ExportContext`, returning
bytes; the page offers them as downloads.

Exports are data, never code: CSV cells that a spreadsheet would run as a formula are
neutralised, text inside exported HTML is escaped for where it sits, and every chart, map and
README says which filters, dates and sources it shows and what made it.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import textwrap
import threading
import types
import typing
import warnings
import zipfile

import pandas as pd
import plotly.graph_objects as go

from dashboard.pipeline.schema import Actor, Article, Event, Place, Quote, columns, describe, fields_of

from .export_context import PRODUCT, ExportContext
from .safe_text import is_missing, one_line, spreadsheet_cell

# --- columns and their codebook -----------------------------------------------------------------------
# Columns joined onto the schema's own, each described from the schema field it comes from.
QUOTE_JOINED = {
    "outlet": "Of the quote's article: " + describe(Article)["outlet"],
    "title": "Of the quote's article: " + describe(Article)["title"],
    "path": "Of the quote's article: " + describe(Article)["path"],
    "is_state_media": "Of the quote's article: " + describe(Article)["is_state_media"],
    "speaker_country_code": "Of the speaker (speaker_actor_id): " + describe(Actor)["country_code"],
}
EVENT_JOINED = {
    "outlet": "Of the event's article: " + describe(Article)["outlet"],
    "title": "Of the event's article: " + describe(Article)["title"],
    "actors": "Canonical names of actor_ids: " + describe(Event)["actor_ids"],
    "targets": "Canonical names of target_actor_ids: " + describe(Event)["target_actor_ids"],
    "places": "Canonical names of place_ids: " + describe(Event)["place_ids"],
    "countries": (
        "Countries the event touches (of its places, of places named in its sentence and of its actors), each an "
        + describe(Place)["country_code"]
    ),
}
JOINED_KINDS = {"is_state_media": "true/false", "speaker_country_code": "text", "actors": "list", "targets": "list", "places": "list", "countries": "list"}
QUOTE_EXPORT = columns(Quote) + list(QUOTE_JOINED)
EVENT_EXPORT = columns(Event) + list(EVENT_JOINED)
LIST_SEPARATOR = "; "


def _kind(annotation) -> str:
    """How a schema field's values are written: text, whole number, number, true/false, date or list."""
    tp = annotation
    if typing.get_origin(tp) in (typing.Union, types.UnionType):  # `X | None`: a value may be missing
        tp = next(a for a in typing.get_args(tp) if a is not type(None))
    if typing.get_origin(tp) is list:
        return "list"
    return {str: "text", int: "whole number", float: "number", bool: "true/false", dt.date: "date (YYYY-MM-DD)"}.get(tp, "text")


def codebook(record_type: type, joined: dict[str, str]) -> list[tuple[str, str, str]]:
    """(column, kind of value, description) for every exported column of a record type."""
    hints = typing.get_type_hints(record_type)
    rows = [(f.name, _kind(hints[f.name]), f.metadata["doc"]) for f in fields_of(record_type)]
    return rows + [(name, JOINED_KINDS.get(name, "text"), doc) for name, doc in joined.items()]


# --- records ---------------------------------------------------------------------------------------------
def _plain(value):
    """A cell as plain Python: dates as ISO text, arrays as lists, missing as None."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return None if is_missing(value) and not isinstance(value, str) else value


def records(frame: pd.DataFrame, cols: list[str]) -> list[dict]:
    present = [c for c in cols if c in frame.columns]
    return [{c: _plain(v) for c, v in zip(present, row)} for row in frame[present].itertuples(index=False, name=None)]


def to_json(frame: pd.DataFrame, cols: list[str]) -> bytes:
    """The records exactly as stored (text untouched: JSON is not read as formulas)."""
    return json.dumps(records(frame, cols), ensure_ascii=False, indent=1).encode("utf-8")


def _csv_value(value):
    if isinstance(value, list):
        value = LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    return spreadsheet_cell(value)


def to_csv(frame: pd.DataFrame, cols: list[str]) -> bytes:
    """RFC 4180 CSV that spreadsheets show as data: every text cell is quoted (so a `;` or tab in
    it never starts a new cell in any locale) and text that starts like a formula gets a leading
    apostrophe; numbers stay numbers. Lists are joined with '; '."""
    present = [c for c in cols if c in frame.columns]
    buf = io.StringIO()
    csv.writer(buf).writerow(present)  # column names are plain identifiers
    writer = csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC)
    for row in records(frame, present):
        writer.writerow([_csv_value(row[c]) for c in present])
    return buf.getvalue().encode("utf-8")


# --- charts ------------------------------------------------------------------------------------------------
_server_lock = threading.Lock()
_server_started = False
_LINE_CHARS = 150
_TITLE_PX, _LINE_PX = 34, 17
EXPORT_WIDTH = 1100


def _plotly_text(text: str) -> str:
    """Text for a plotly label: plotly reads a subset of HTML tags in labels, so untrusted text is
    entity-escaped (plotly shows `&lt;` as `<`)."""
    return html.escape(one_line(text), quote=False)


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(one_line(text), _LINE_CHARS) or [""]


def annotated_figure(fig: go.Figure, context: ExportContext) -> go.Figure:
    """A copy of the chart for export with its title and, under it, the date range, the sources,
    the filters and a "made with" line; untrusted labels (trace names) escaped."""
    out = go.Figure(fig.to_dict(), skip_invalid=True)
    for trace in out.data:
        if isinstance(getattr(trace, "name", None), str):
            trace.name = _plotly_text(trace.name)
    layout = out.layout
    title = one_line(layout.title.text if layout.title and layout.title.text else "Events and quotes per day")
    lines = [context.range_line, context.sources_line, *_wrapped(context.filters_line), context.made_with_line]
    old_top = layout.margin.t if layout.margin and layout.margin.t is not None else 100
    top = _TITLE_PX + _LINE_PX * len(lines) + 12
    out.update_layout(
        title={"text": f"<b>{_plotly_text(title)}</b>", "x": 0, "xref": "paper", "xanchor": "left",
               "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 10}, "font": {"size": 16}},
        margin={"t": top}, height=(layout.height or 450) - old_top + top,
    )
    for i, line in enumerate(lines):
        out.add_annotation(
            text=_plotly_text(line), xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom",
            yshift=8 + _LINE_PX * (len(lines) - 1 - i), showarrow=False, align="left",
            font={"size": 12, "color": "#444444" if line is lines[-1] else "#1f1f1f"},
        )
    return out


def figure_html(fig: go.Figure, context: ExportContext) -> bytes:
    """A standalone HTML file with plotly.js inlined: opens offline."""
    page = annotated_figure(fig, context).to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    title = f"<title>{html.escape(one_line(fig.layout.title.text, 'Timeline'))}</title>"
    return page.replace("<head>", "<head>\n    " + title, 1).encode("utf-8")


def images_available() -> bool:
    """Whether a local Chromium exists for kaleido (Debian's, installed by the Makefile)."""
    import shutil

    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))


def warm_browser() -> None:
    """Start kaleido's persistent Chromium once per process, so each export takes ~0.2 s."""
    global _server_started
    with _server_lock:
        if not _server_started:
            import kaleido

            kaleido.start_sync_server(silence_warnings=True)
            _server_started = True


def figure_image(fig: go.Figure, fmt: str, context: ExportContext) -> bytes:
    """PNG or SVG bytes via kaleido and the system Chromium (never a downloaded browser)."""
    warm_browser()
    out = annotated_figure(fig, context)
    with warnings.catch_warnings():  # plotly passes kaleido options that its warm server does not need
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return out.to_image(format=fmt, width=EXPORT_WIDTH, height=out.layout.height, scale=1 if fmt == "svg" else 2)


# --- citations and the evidence pack ---------------------------------------------------------------
def citations(articles: pd.DataFrame, article_ids: set[str]) -> str:
    """One line per source article: headline, outlet, date, file and id; never 'nan' or 'None'."""
    lines = ["Source articles", ""]
    rows = articles[articles["article_id"].isin(article_ids)].sort_values("path", na_position="last")
    for row in rows.itertuples():
        date = row.publication_date
        date = date.isoformat()[:10] if isinstance(date, (dt.date, pd.Timestamp)) and not is_missing(date) else "date not stated"
        title = one_line(row.title, "(untitled)")
        outlet = one_line(row.outlet, "outlet not stated")
        lines.append(f"- {title}. {outlet}, {date}. File: {one_line(row.path, 'unknown')}. Article id: {row.article_id}.")
    return "\n".join(lines) + "\n"


FILES = {
    "quotes.csv": "the matching quotes, one per row (opens in a spreadsheet; see the codebook below)",
    "quotes.json": "the same quotes as JSON, text exactly as in the articles",
    "events.csv": "the matching events, one per row",
    "events.json": "the same events as JSON",
    "citations.txt": "the source articles these records come from, one per line",
    "timeline.html": "the timeline chart; opens offline in any browser, interactive",
    "timeline.png": "the timeline chart as an image (when a local Chromium was available)",
    "timeline.svg": "the timeline chart as a vector image (when a local Chromium was available)",
    "map.html": "the map; opens offline in any browser (hover a marker for its records)",
}


def _codebook_text(name: str, rows: list[tuple[str, str, str]]) -> list[str]:
    width = max(len(c) for c, _, _ in rows)
    out = [f"Codebook of {name}.csv and {name}.json", ""]
    for col, kind, doc in rows:
        out.append(f"  {col.ljust(width)}  {kind}: {doc}")
    return out + [""]


def readme(context: ExportContext, names: list[str]) -> str:
    """The pack's README.txt, written for the person who opens it."""
    day = context.exported_at.strftime("%Y-%m-%d")
    parts = [
        f"Evidence pack from the {PRODUCT}",
        f"Exported {context.exported_at.strftime('%Y-%m-%d %H:%M UTC')}.",
        "",
        "What it shows",
        "",
        *(f"  {line}" for line in (context.filters_line, context.range_line, context.sources_line)),
        "",
        "  The records were extracted automatically from the articles listed in citations.txt: a handful",
        "  of articles is not a representative sample, so read counts as what these sources reported,",
        "  not as how often things happened. Each record points back to its article (article_id) and to",
        "  the characters it came from (start_char, end_char), so every claim can be checked in the source.",
        "",
        "Files",
        "",
        *(f"  {n.ljust(14)} {FILES.get(n, '')}" for n in names if n != "README.txt"),
        "",
        "Reading the CSV files",
        "",
        "  UTF-8, comma-separated, one header row. Text is in double quotes; lists (actors, places,",
        f"  outlets…) are joined with '{LIST_SEPARATOR}'; empty cells are missing values. A text cell that",
        "  begins with = + - @, a tab or a line break starts with an apostrophe (') so that a spreadsheet",
        "  shows it as text instead of running it as a formula; the JSON files carry the text unchanged.",
        "",
        *_codebook_text("quotes", codebook(Quote, QUOTE_JOINED)),
        *_codebook_text("events", codebook(Event, EVENT_JOINED)),
        "How to cite",
        "",
        "  Cite the original articles (citations.txt), not this pack: the dashboard only finds and links",
        "  what they say. To refer to a quote, give its words, speaker, outlet and date, and keep its",
        "  quote_id for your own notes. To cite the pack itself:",
        "",
        f"    {PRODUCT}, evidence pack exported {day}. {context.filters_line} {context.range_line}",
        "",
    ]
    return "\n".join(parts)


def evidence_pack(
    quotes: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, fig: go.Figure,
    map_html: str, context: ExportContext, with_images: bool = True,
) -> bytes:
    """One zip: the chart (HTML, and PNG/SVG when a browser is available), the map, the filtered
    records (CSV and JSON), the citation list and a README (filters, codebook, how to cite)."""
    ids = set(quotes["article_id"]) | set(events["article_id"])
    files: dict[str, bytes | str] = {
        "quotes.csv": to_csv(quotes, QUOTE_EXPORT),
        "quotes.json": to_json(quotes, QUOTE_EXPORT),
        "events.csv": to_csv(events, EVENT_EXPORT),
        "events.json": to_json(events, EVENT_EXPORT),
        "citations.txt": citations(articles, ids),
        "timeline.html": figure_html(fig, context),
        "map.html": map_html,
    }
    if with_images:
        files["timeline.png"] = figure_image(fig, "png", context)
        files["timeline.svg"] = figure_image(fig, "svg", context)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", readme(context, ["README.txt", *files]))
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()

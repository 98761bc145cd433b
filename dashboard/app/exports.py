"""Exports: filtered records as CSV/JSON, charts as PNG/SVG/HTML, the map as HTML, and an
evidence pack (zip). Pure functions returning bytes; the page offers them as downloads."""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
import zipfile

import pandas as pd
import plotly.graph_objects as go

from dashboard.pipeline.schema import Event, Quote, columns

QUOTE_EXPORT = columns(Quote) + ["outlet", "title", "path", "speaker_country_code"]
EVENT_EXPORT = columns(Event) + ["outlet", "title", "actors", "targets", "places", "countries"]

_server_lock = threading.Lock()
_server_started = False


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "tolist") and not isinstance(value, str):
        return value.tolist()
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


def records(frame: pd.DataFrame, cols: list[str]) -> list[dict]:
    present = [c for c in cols if c in frame.columns]
    return [{c: _plain(v) for c, v in zip(present, row)} for row in frame[present].itertuples(index=False, name=None)]


def to_json(frame: pd.DataFrame, cols: list[str]) -> bytes:
    return json.dumps(records(frame, cols), ensure_ascii=False, indent=1).encode("utf-8")


def to_csv(frame: pd.DataFrame, cols: list[str]) -> bytes:
    rows = records(frame, cols)
    flat = [{k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    return pd.DataFrame(flat, columns=[c for c in cols if c in frame.columns]).to_csv(index=False).encode("utf-8")


def figure_html(fig: go.Figure) -> bytes:
    """A standalone HTML file with plotly.js inlined: opens offline."""
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


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


def figure_image(fig: go.Figure, fmt: str) -> bytes:
    """PNG or SVG bytes via kaleido and the system Chromium (never a downloaded browser)."""
    warm_browser()
    return fig.to_image(format=fmt, width=1100, height=420, scale=1 if fmt == "svg" else 2)


def citations(articles: pd.DataFrame, article_ids: set[str]) -> str:
    lines = ["Source articles", ""]
    for row in articles[articles["article_id"].isin(article_ids)].sort_values("path").itertuples():
        date = row.publication_date.isoformat() if isinstance(row.publication_date, dt.date) else "date not stated"
        lines.append(f"- {row.title or '(untitled)'}. {row.outlet or 'Outlet not stated'}, {date}. File: {row.path}. Article id: {row.article_id}.")
    return "\n".join(lines) + "\n"


def evidence_pack(
    quotes: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame, fig: go.Figure,
    map_html: str, filters_text: str, with_images: bool = True,
) -> bytes:
    """One zip: the chart (HTML, and PNG/SVG when a browser is available), the map, the filtered
    records (CSV and JSON), the citation list and a note of the filters used."""
    buf = io.BytesIO()
    ids = set(quotes["article_id"]) | set(events["article_id"])
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", "Evidence pack exported from the geopolitical timeline dashboard.\n\nFilters: " + filters_text + "\n")
        z.writestr("quotes.csv", to_csv(quotes, QUOTE_EXPORT))
        z.writestr("quotes.json", to_json(quotes, QUOTE_EXPORT))
        z.writestr("events.csv", to_csv(events, EVENT_EXPORT))
        z.writestr("events.json", to_json(events, EVENT_EXPORT))
        z.writestr("citations.txt", citations(articles, ids))
        z.writestr("timeline.html", figure_html(fig))
        z.writestr("map.html", map_html)
        if with_images:
            z.writestr("timeline.png", figure_image(fig, "png"))
            z.writestr("timeline.svg", figure_image(fig, "svg"))
    return buf.getvalue()

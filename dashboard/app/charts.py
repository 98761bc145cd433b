"""The timeline chart (plotly) and its caption: pure functions of binned counts from SQL.

Each dated record is counted once, under one group (its primary country or actor, see
`data.Store.timeline`). Events and quotes sit in two labelled rows, so they are told apart
by position, not colour. Group colours follow the snapshot's fixed ranking, so a country
keeps its colour whatever the filters.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

# Colour-blind-safe hues (Okabe–Ito and Tol), each >= 3:1 against white and against
# Streamlit's dark background (#0E1117), so bars read in both themes.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#997700", "#CC79A7", "#AA3377"]
PALETTE_NAMES = ["blue", "vermilion", "green", "ochre", "pink", "purple"]
OTHER = "#767676"  # 4.5:1 on white, 4.2:1 on the dark background
DAY_MS = 86_400_000
BIN_DAYS = {"day": 1, "week": 7, "month": 30.44}
BIN_WORDS = {"day": "day", "week": "week (from Monday)", "month": "month"}
KINDS = (("events", "event"), ("quotes", "quote"))


def group_colours(ranked: list[str]) -> dict[str, str]:
    """Fixed colours for the snapshot's most frequent groups (ranked over all its records, not
    over the filtered ones), so a group never changes colour when the filters change."""
    return {g: PALETTE[i] for i, g in enumerate(ranked[: len(PALETTE)])}


def shown_groups(counts: pd.DataFrame, colours: dict[str, str]) -> dict[str, str]:
    """The groups named in the chart with their colours: those holding a fixed colour that
    appear keep it; the largest others borrow the colours of fixed groups absent from this
    view; the rest are 'other' (grey)."""
    if counts.empty:
        return {}
    totals = counts.groupby("group")["count"].sum().sort_values(ascending=False, kind="stable")
    named = {g: c for g, c in colours.items() if g in totals.index}
    free = [c for g, c in colours.items() if g not in totals.index] + PALETTE[len(colours):]
    for g in totals.index:
        if not free:
            break
        if g not in named and g != "(none)":
            named[g] = free.pop(0)
    return named


def bin_end(start: dt.date, bin: str) -> dt.date:
    if bin == "day":
        return start
    if bin == "week":
        return start + dt.timedelta(days=6)
    nxt = (start.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def timeline_figure(counts: pd.DataFrame, start: dt.date | None, end: dt.date | None, bin: str,
                    colours: dict[str, str], names: dict[str, str] | None = None) -> go.Figure:
    """Stacked bars per bin: events in the upper row, quotes in the lower, coloured by group.
    `counts` has columns bin, group, kind ('event'/'quote'), count."""
    names = names or {}
    traces = []
    width = BIN_DAYS[bin] * DAY_MS * 0.85
    colours = shown_groups(counts, colours)
    named = list(colours)
    if not counts.empty:
        # Plain Python over the binned counts (a few thousand rows at most): pandas' per-group
        # filtering cost more than the rest of the figure.
        half = dt.timedelta(milliseconds=BIN_DAYS[bin] * DAY_MS / 2)
        cells: dict[tuple[str, str], dict] = {}
        for b, group, kind, n in zip(counts["bin"], counts["group"], counts["kind"], counts["count"]):
            slot = cells.setdefault((group if group in colours else "other", kind), {})
            slot[b] = slot.get(b, 0) + int(n)
        seen_in_legend: set[str] = set()
        for row, (label, kind) in enumerate(KINDS):
            for group in named + ["other"]:
                part = cells.get((group, kind))
                if not part:
                    continue
                bins = sorted(part)
                shown = names.get(group, group)
                traces.append({
                    "type": "bar", "x": [(dt.datetime.combine(b, dt.time()) + half).isoformat() for b in bins],
                    "y": [part[b] for b in bins],
                    "customdata": [b.isoformat() if bin == "day" else f"{b.isoformat()} – {bin_end(b, bin).isoformat()}" for b in bins],
                    "name": shown, "legendgroup": group, "showlegend": group not in seen_in_legend,
                    "width": width, "xaxis": "x", "yaxis": "y" if row == 0 else "y2",
                    "marker": {"color": colours.get(group, OTHER), "line": {"width": 0}},
                    "hovertemplate": "%{customdata}<br>%{y} " + label + "<extra>" + shown.replace("%", "%%") + "</extra>",
                    "meta": {"kind": kind},
                })
                seen_in_legend.add(group)
    pad = pd.Timedelta(days=BIN_DAYS[bin] / 2 + 0.5)
    lo = (pd.Timestamp(start) - pad).isoformat() if start else None
    hi = (pd.Timestamp(end) + pad + pd.Timedelta(days=1)).isoformat() if end else None
    axis_text = {"size": 12}
    layout = {
        "barmode": "stack", "height": 400, "margin": {"l": 56, "r": 8, "t": 28, "b": 36},
        "title": {"text": f"Events and quotes per {bin}", "x": 0, "xref": "paper", "y": 0.995, "yanchor": "top",
                  "font": {"size": 13}},
        "font": {"family": "sans-serif", "size": 12},
        "showlegend": bool(traces),
        # Above the plot, in one or two short rows: it never covers the axes.
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom", "font": {"size": 11},
                   "itemwidth": 30, "tracegroupgap": 0, "entrywidthmode": "pixels"},
        "xaxis": {"type": "date", "range": [lo, hi] if lo and hi else None, "anchor": "y2", "title": None, "tickfont": axis_text,
                  "showgrid": False},
        "yaxis": {"domain": [0.54, 0.9], "title": {"text": "events", "font": axis_text}, "rangemode": "tozero", "fixedrange": True},
        "yaxis2": {"domain": [0.0, 0.36], "title": {"text": "quotes", "font": axis_text}, "rangemode": "tozero", "fixedrange": True},
        "dragmode": "select", "selectdirection": "h", "hovermode": "closest", "bargap": 0.1,
    }
    # Built from plain dicts without per-property validation: tens of ms less on every rerun.
    return go.Figure(data=traces, layout=layout, _validate=False)


def speaks_matrix(pairs: pd.DataFrame, label=lambda v: v) -> tuple[list[str], list[str], list[list[int]]]:
    """(speakers, subjects, counts) of the who-speaks-about-whom table: rows and columns in order
    of their totals (then by name), subjects shown under `label`."""
    cells: dict[tuple[str, str], int] = {}
    rows: dict[str, int] = {}
    cols: dict[str, int] = {}
    for speaker, about, n in zip(pairs["speaker"], pairs["about"], pairs["count"]):
        about, n = label(about), int(n)
        cells[speaker, about] = cells.get((speaker, about), 0) + n
        rows[speaker] = rows.get(speaker, 0) + n
        cols[about] = cols.get(about, 0) + n
    speakers = sorted(rows, key=lambda k: (-rows[k], k))
    subjects = sorted(cols, key=lambda k: (-cols[k], k))
    return speakers, subjects, [[cells.get((r, c), 0) for c in subjects] for r in speakers]


def speaks_figure(pairs: pd.DataFrame, label=lambda v: v) -> go.Figure:
    """The who-speaks-about-whom heatmap: a row per speaker, a column per actor or country named
    beside the words; clicking a cell selects the pair."""
    speakers, subjects, z = speaks_matrix(pairs, label)
    return go.Figure(
        data=[{"type": "heatmap", "z": z, "x": subjects, "y": speakers,
               "colorscale": [[0, "#F2F2F2"], [1, "#0B4F8A"]], "hovertemplate": "%{y} → %{x}: %{z} quotes<extra></extra>",
               "xgap": 1, "ygap": 1, "colorbar": {"title": {"text": "quotes"}, "thickness": 10}}],
        layout={"height": 120 + 24 * len(speakers), "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
                "xaxis": {"side": "top", "tickangle": -30, "automargin": True}, "yaxis": {"autorange": "reversed", "automargin": True},
                "font": {"family": "sans-serif", "size": 12}},
        _validate=False,
    )


def plotted_total(fig: go.Figure) -> int:
    """How many records the bars add up to."""
    return int(sum(sum(t.y or ()) for t in fig.data))


def timeline_caption(counts: pd.DataFrame, undated: int, by: str, bin: str) -> str:
    n_events = int(counts.loc[counts["kind"] == "event", "count"].sum()) if not counts.empty else 0
    n_quotes = int(counts.loc[counts["kind"] == "quote", "count"].sum()) if not counts.empty else 0
    by_words = ("primary country (the speaker's or first actor's country, else the first country named)"
                if by == "country" else "speaker (quotes) or first actor named (events)")
    text = (
        f"Bars per {BIN_WORDS[bin]}: {n_events} events (upper row) and {n_quotes} quotes (lower row), each counted once, "
        f"stacked by {by_words}. Drag across the chart to set the dates."
    )
    if undated:
        text += f" {undated} records with no date are not on the time axis."
    return text


def selected_range(selection: dict | None) -> tuple[dt.date, dt.date] | None:
    """The dates of a box selection, or of the bars clicked, from Streamlit's chart selection state."""
    if not selection:
        return None
    boxes = selection.get("box") or []
    xs: list = []
    for box in boxes:
        xs += list(box.get("x") or [])
    if not xs:
        for point in selection.get("points") or []:
            span = str(point.get("customdata") or "")
            xs += [p.strip() for p in span.split("–")] if span else [point.get("x")]
    days = []
    for x in xs:
        try:
            days.append(pd.Timestamp(x).date())
        except (ValueError, TypeError):
            continue
    if not days:
        return None
    return min(days), max(days)

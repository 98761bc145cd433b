"""The regional map (pydeck): bundled country borders, event places, mentioned places.

No tile server: the basemap is a one-layer local style served by Streamlit's static file
serving (`dashboard/app/static/map_style.json`), because Streamlit's deck.gl frontend would
otherwise fetch a remote style even with `map_style=None`.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pandas as pd
import pydeck as pdk

from .charts import PALETTE

STATIC = Path(__file__).resolve().parent / "static"
MAP_STYLE_URL = "app/static/map_style.json"
# Served by Streamlit next to the style, so the browser fetches it once instead of every rerun
# carrying 270 kB of borders (source and licence: data/README.md).
BORDERS_URL = "app/static/region_countries.geojson"
BORDERS_FILE = STATIC / "region_countries.geojson"
REGION_VIEW = pdk.ViewState(latitude=50.6, longitude=27.0, zoom=3.8, min_zoom=2, max_zoom=10)
MENTION_RGB = [110, 110, 110]
# Where to print the names of the region's countries, for orientation (drawn 16 px below the point,
# so that a country-level event point there stays readable).
COUNTRY_LABELS = pd.DataFrame(
    [
        ("Belarus", 28.0, 53.6), ("Poland", 19.3, 52.2), ("Ukraine", 31.5, 49.2), ("Lithuania", 23.9, 55.4),
        ("Latvia", 25.6, 56.9), ("Russia", 36.5, 55.2), ("Moldova", 28.5, 47.3), ("Romania", 24.8, 45.9),
        ("Slovakia", 19.5, 48.8), ("Germany", 10.4, 51.2),
    ],
    columns=["name", "lon", "lat"],
)


@functools.lru_cache(maxsize=1)
def borders() -> dict:
    return json.loads(BORDERS_FILE.read_text(encoding="utf-8"))


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


PALETTE_NAMES = ["blue", "orange", "bluish green", "reddish purple", "sky blue", "vermilion", "yellow", "black"]
OTHER_RGB = [153, 153, 153]


def type_colours(types: list[str]) -> dict[str, list[int]]:
    """One Okabe–Ito colour for each of the first eight types given (most frequent first);
    later types share grey, rather than reuse a colour and become ambiguous."""
    return {t: _rgb(PALETTE[i]) if i < len(PALETTE) else OTHER_RGB for i, t in enumerate(types)}


def legend_text(types: list[str], shown: set[str]) -> str:
    """The map's colour key in words, for the types that are on the map."""
    named = [f"{PALETTE_NAMES[i]} = {t}" for i, t in enumerate(types[: len(PALETTE)]) if t in shown]
    if any(t not in types[: len(PALETTE)] for t in shown):
        named.append("grey = other types")
    return "Colours: " + "; ".join(named) + "." if named else "No event places match the filters."


def map_points(places: pd.DataFrame, events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(event points, mention points): one row per place, sized by how many records it carries."""
    if places.empty:
        empty = pd.DataFrame(columns=["name", "lat", "lon", "count", "radius", "colour", "label", "kind"])
        return empty, empty.copy()
    first_type = events.drop_duplicates("sentence_id").set_index("sentence_id")["event_type"].to_dict()
    summary = events.drop_duplicates("sentence_id").set_index("sentence_id")["summary"].to_dict()
    rows = []
    for (place_id, is_event), group in places.groupby(["place_id", places["role"].isin(["event", "speech"])]):
        first = group.iloc[0]
        types = [first_type[s] for s in group["sentence_id"] if s in first_type]
        main_type = max(set(types), key=types.count) if types else "mention"
        dates = sorted(d for d in group["date"] if d is not None and not (isinstance(d, float) and math.isnan(d)))
        when = dates[0].isoformat() if dates else "undated"
        if dates and dates[-1] != dates[0]:
            when = f"{dates[0].isoformat()} – {dates[-1].isoformat()}"
        what = next((summary[s] for s in group["sentence_id"] if s in summary), "mentioned")
        rows.append({
            "name": first["name"], "lat": float(first["lat"]), "lon": float(first["lon"]),
            "count": len(group), "event_type": main_type, "kind": "event" if is_event else "mention",
            "label": f"{first['name']} · {when} · {len(group)} record(s) · {main_type}: {what[:140]}",
        })
    points = pd.DataFrame(rows).dropna(subset=["lat", "lon"])
    points["radius"] = 9000 + 9000 * points["count"].map(math.sqrt)
    return points[points["kind"] == "event"].reset_index(drop=True), points[points["kind"] == "mention"].reset_index(drop=True)


def build_deck(places: pd.DataFrame, events: pd.DataFrame, all_types: list[str], standalone: bool = False) -> pdk.Deck:
    """The map. `standalone` embeds the borders and draws no basemap, for the HTML export
    (`standalone_map.map_html`, which also inlines deck.gl, so the file opens offline)."""
    colours = type_colours(all_types)
    event_points, mention_points = map_points(places, events)
    if not event_points.empty:
        event_points["colour"] = [colours.get(t, OTHER_RGB) + [210] for t in event_points["event_type"]]
    layers = [
        pdk.Layer(
            "GeoJsonLayer", borders() if standalone else BORDERS_URL, id="borders", stroked=True, filled=True,
            get_fill_color=[255, 255, 255, 255], get_line_color=[90, 90, 90], line_width_min_pixels=1, pickable=False,
        ),
        pdk.Layer(
            "TextLayer", COUNTRY_LABELS, id="country-names", get_position=["lon", "lat"], get_text="name",
            get_size=12, get_color=[85, 85, 85, 255], get_pixel_offset=[0, 16], pickable=False,
        ),
        pdk.Layer(
            "ScatterplotLayer", mention_points, id="mentioned", get_position=["lon", "lat"], get_radius="radius",
            stroked=True, filled=False, get_line_color=MENTION_RGB + [230], line_width_min_pixels=2, pickable=True,
        ),
        pdk.Layer(
            "ScatterplotLayer", event_points, id="events", get_position=["lon", "lat"], get_radius="radius",
            get_fill_color="colour", stroked=True, get_line_color=[40, 40, 40], line_width_min_pixels=1, pickable=True,
        ),
    ]
    return pdk.Deck(
        layers=layers, initial_view_state=REGION_VIEW, map_style="" if standalone else MAP_STYLE_URL,
        map_provider=None if standalone else "carto",
        tooltip={"text": "{label}"},
    )

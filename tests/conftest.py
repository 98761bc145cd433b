"""Shared fixtures: the bundled seeds built once per session into a temporary store."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from dashboard.pipeline.build import build_store
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.ingest import expand_inputs

# Random examples on a developer's machine find new bugs; CI replays a fixed sequence so that a
# submission's result does not depend on the draw.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return expand_inputs([ROOT / "seeds"])


@pytest.fixture(scope="session")
def built_store(tmp_path_factory, seed_paths) -> Path:
    """A store built from seeds/ (read-only for tests: copy it before changing it)."""
    store_dir = tmp_path_factory.mktemp("store")
    build_store(seed_paths, load_settings(store_dir=store_dir))
    return store_dir


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory, seed_paths) -> Path:
    """The seeds plus an article whose sentences carry script, formula, icon, link and line-separator
    payloads (tests/fixtures/hostile/), built into a store (read-only for tests)."""
    store_dir = tmp_path_factory.mktemp("hostile-store")
    build_store(seed_paths + expand_inputs([ROOT / "tests" / "fixtures" / "hostile"]), load_settings(store_dir=store_dir))
    return store_dir

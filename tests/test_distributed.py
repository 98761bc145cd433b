"""The build on a local Dask cluster of two worker processes: the same store as a build in one
process, the model loaded once per worker, and a failed chunk run again."""

import sys
import types
from pathlib import Path

import cloudpickle
import pytest

from dashboard.pipeline import build, store
from dashboard.pipeline.build import build_store
from dashboard.pipeline.config import load_settings
from dashboard.pipeline.distributed import DaskPool
from dashboard.pipeline.schema import RECORD_TYPES

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers need not import the tests


def rows(store_dir):
    return {name: store.read_table(store_dir, name).to_pylist() for name in RECORD_TYPES}


@pytest.fixture(scope="module")
def pool():
    # AppTest (tests/test_app.py) leaves the dashboard script as __main__, and spawned worker
    # processes re-run __main__: give them a plain one, as `python -m dashboard` would.
    real_main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        with DaskPool(workers=2) as p:
            yield p
    finally:
        sys.modules["__main__"] = real_main


def fails_once(marker: Path):
    """A chunk function whose first call on any worker fails, as a lost worker would."""
    def run(chunk, settings):
        try:
            marker.mkdir()  # atomic: exactly one call wins
        except FileExistsError:
            return build.extract_chunk(chunk, settings)
        raise RuntimeError("worker lost")
    return run


def test_a_build_on_the_cluster_gives_the_store_a_local_build_gives(tmp_path, pool, seed_paths, built_store):
    build_store(seed_paths, load_settings(store_dir=tmp_path / "s"), pool=pool)
    assert rows(tmp_path / "s") == rows(built_store)
    assert (tmp_path / "s" / "CURRENT").read_text() == (built_store / "CURRENT").read_text()
    status = pool.worker_status()
    assert len(status) == 2 and all(s["chunks"] >= 1 and s["model_loads"] == 1 for s in status)


def test_a_failed_chunk_is_run_again(tmp_path, pool, seed_paths, monkeypatch, built_store):
    marker = tmp_path / "failed-once"
    monkeypatch.setattr(build, "extract_chunk", fails_once(marker))
    _, results = build_store(seed_paths, load_settings(store_dir=tmp_path / "s"), pool=pool)
    assert marker.is_dir()  # one attempt did fail
    assert not [r.error for r in results if r.error]
    assert rows(tmp_path / "s") == rows(built_store)

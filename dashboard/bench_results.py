"""`benchmarks/results.json`: the figures `make bench` prints, kept for the README to quote.

Several benchmarks write to it (the pipeline's, the app's per store size); each merges its own
section and leaves the others as they are:

    bench_results.update(None, {"cores": 2, "pipeline_words_per_s": 5600.0})    # top-level keys
    bench_results.update("sizes", {"100k": {"rerun_p95_ms": 240.0}})            # a nested section

Dicts are merged key by key (recursively), anything else is replaced. The file is rewritten
atomically under a lock, so two benchmarks finishing at once both keep their figures.
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "results.json"


def _merge(old: dict, new: dict) -> dict:
    out = dict(old)
    for key, value in new.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def read(path: Path = RESULTS) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update(section: str | None, figures: dict, path: Path = RESULTS) -> dict:
    """Merge `figures` into the file's `section` (None: the top level); returns the whole file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        data = read(path)
        data = _merge(data, figures if section is None else {section: figures})
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    return data

"""The article-body benchmark of web pages, scored by the benchmark's own `evaluate.py`.

A copy of the benchmark is a folder with `html/<id>.html.gz`, `ground-truth.json` and
`evaluate.py` (the project's is `tests/fixtures/html-bench/`). Each page goes through the
pipeline's own reading (ingest, then clean: the `body` that `extract --json` prints) and
`output/dashboard.json` is written in the benchmark's format; `evaluate.py` then runs
unchanged in a working folder beside it and its figures are returned.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

from .pipeline.budget import cpu_budget
from .pipeline.clean import clean
from .pipeline.config import load_settings
from .pipeline.errors import ArticleError
from .pipeline.ingest import parse_bytes
from .pipeline.webpage import BODY_TRAFILATURA


def bodies(bench: Path) -> tuple[dict[str, dict], dict[str, int]]:
    """{page id: {"articleBody": body}} for every page, and counts of how each was read."""
    settings = load_settings()
    out: dict[str, dict] = {}
    counts = {"pages": 0, "trafilatura": 0, "fallback": 0, "failed": 0}
    for page in sorted((Path(bench) / "html").glob("*.html.gz")):
        page_id = page.name.split(".", 1)[0]
        counts["pages"] += 1
        try:
            raw = parse_bytes(f"{page_id}.html", gzip.decompress(page.read_bytes()), 50 * settings.max_article_bytes)
            with cpu_budget(raw.path, settings.article_cpu_seconds, "reading the page"):
                c = clean(raw, settings.max_body_chars)
        except ArticleError:
            counts["failed"] += 1
            out[page_id] = {"articleBody": ""}
            continue
        counts["trafilatura" if c.body_method == BODY_TRAFILATURA else "fallback"] += 1
        out[page_id] = {"articleBody": c.body}
    return out, counts


def _evaluator(bench: Path):
    spec = importlib.util.spec_from_file_location("html_bench_evaluate", Path(bench) / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(bench: Path, prediction: dict[str, dict]) -> dict[str, float]:
    """F1, precision and recall by the benchmark's own metric (its evaluate.py, no bootstrap)."""
    ev = _evaluator(bench)
    truth = json.loads((Path(bench) / "ground-truth.json").read_text(encoding="utf-8"))
    metrics = ev.evaluate(truth, prediction, n_bootstrap=0)
    return {k: metrics[k] for k in ("f1", "precision", "recall", "accuracy")}


def run(bench: Path, work: Path, n_bootstrap: int = 100) -> dict:
    """Write `work/output/dashboard.json`, run the benchmark's evaluate.py on it (printing its
    table) and return the figures."""
    prediction, counts = bodies(bench)
    work = Path(work)
    (work / "output").mkdir(parents=True, exist_ok=True)
    output = work / "output" / "dashboard.json"
    output.write_text(json.dumps(prediction, ensure_ascii=False, indent=1), encoding="utf-8")
    for name in ("evaluate.py", "ground-truth.json"):
        shutil.copyfile(Path(bench) / name, work / name)
    table = subprocess.run(
        [sys.executable, "evaluate.py", "--n-bootstrap", str(n_bootstrap)], cwd=work, capture_output=True, text=True, check=True
    )
    print(table.stdout, end="")
    return {**score(bench, prediction), **counts, "output": str(output)}

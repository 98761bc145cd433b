"""Server-side rerun time of the page after a filter change, measured with AppTest in process.

Prints figures; asserts nothing. `python -m dashboard bench` can call `rerun_benchmark(store_dir)`.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

APP = Path(__file__).resolve().parent / "streamlit_app.py"
CHOICES = [["Liz Truss"], [], ["NATO"], ["Joe Biden", "Vladimir Putin"]]


def rerun_benchmark(store_dir: Path, reruns: int = 20, warmup: int = 3) -> dict[str, float]:
    """p50/p95/max of the rerun after changing the actor filter, over `reruns` reruns, after
    `warmup` reruns that are not counted (the first ones import modules and fill caches)."""
    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_STORE_DIR"] = str(store_dir)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()  # cold: loads the store and the registry once
    from dashboard.app import exports

    if exports.images_available():
        try:  # the page starts the chart-export Chromium in the background once per server: let it
            exports.warm_browser()  # finish starting, so its start-up is not counted as a rerun
        except Exception:
            pass
    times = []
    for i in range(warmup + reruns):
        at.multiselect(key="actors").set_value(CHOICES[i % len(CHOICES)])
        t0 = time.perf_counter()
        at.run()
        if i >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    if at.exception:
        raise RuntimeError(f"the page failed during the benchmark: {at.exception}")
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    figures = {"rerun_p50_ms": statistics.median(times), "rerun_p95_ms": p95, "rerun_max_ms": times[-1]}
    print(
        f"rerun after a filter change  p50 {figures['rerun_p50_ms']:.0f} ms, p95 {p95:.0f} ms, max {times[-1]:.0f} ms "
        f"over {reruns} reruns after {warmup} warm-up (goal p95 <= 150 ms)"
    )
    return figures


if __name__ == "__main__":  # python -m dashboard.app.bench_app [store_dir]
    import sys

    from dashboard.pipeline.config import load_settings

    rerun_benchmark(Path(sys.argv[1]) if len(sys.argv) > 1 else load_settings().store_dir)

"""Benchmark: words/s of the whole pipeline vs bare spaCy `nlp.pipe` on the same text, and peak memory.

Prints figures; asserts nothing. Run with `make bench`.
"""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path

from . import bench_results
from .pipeline.parallel import default_workers


def run_benchmark(seeds: Path, repeat: int = 20) -> dict[str, float]:
    from .pipeline.actors import registry
    from .pipeline.assemble import article_records
    from .pipeline.clean import clean
    from .pipeline.ingest import expand_inputs, read_article
    from .pipeline.nlp import load_nlp
    from .pipeline.places import gazetteer

    nlp = load_nlp()
    registry(), gazetteer()  # loaded once per process, like the model: not per article
    paths = expand_inputs([seeds])
    raws = [read_article(p, 5_000_000) for p in paths]
    cleaned = [clean(r) for r in raws]
    texts = [c.view for c in cleaned] * repeat
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    list(nlp.pipe(texts[: len(cleaned)]))  # warm-up

    # Interleaved rounds, so that load from other processes falls on both sides alike.
    bare = full = 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in nlp.pipe([c.view for c in cleaned], batch_size=16):
            pass
        bare += time.perf_counter() - t0
        t0 = time.perf_counter()
        batch = [clean(r) for r in raws]
        for c, doc in zip(batch, nlp.pipe([c.view for c in batch], batch_size=16)):
            article_records(c, doc)
        full += time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": len(texts),
        "words": words,
        "spacy_words_per_s": words / bare,
        "pipeline_words_per_s": words / full,
        "ratio": bare / full,
        "peak_memory_mb": peak_mb,
    }
    print(f"cores                      {default_workers()}")
    print(f"articles processed         {len(texts)} ({len(cleaned)} seeds x {repeat})")
    print(f"words                      {words}")
    print(f"bare spaCy nlp.pipe        {figures['spacy_words_per_s']:,.0f} words/s")
    print(f"whole pipeline             {figures['pipeline_words_per_s']:,.0f} words/s")
    print(f"ratio pipeline/spaCy       {figures['ratio']:.2f} (goal >= 0.80)")
    print(f"peak memory (RSS)          {peak_mb:,.0f} MB")
    figures.update(two_process_speedup(paths, copies=max(2, repeat // 2)))
    bench_results.update(None, {
        "cores": default_workers(),
        "pipeline_words_per_s": round(figures["pipeline_words_per_s"], 1),
        "spacy_words_per_s": round(figures["spacy_words_per_s"], 1),
        "pipeline_vs_spacy": round(figures["ratio"], 3),
        "two_process_speedup": round(figures["two_process_speedup"], 3),
        "pipeline_peak_memory_mb": round(peak_mb, 1),
    })
    print(f"written to                 {bench_results.RESULTS}")
    return figures


def two_process_speedup(paths: list[Path], copies: int = 10, rounds: int = 3) -> dict[str, float]:
    """Wall time of the build's per-article work (ingest to records, no cache) in this process
    against a pool of two warm worker processes, on the same distinct articles; interleaved
    rounds, so that load from other processes falls on both sides alike (the median is kept)."""
    import statistics
    import tempfile

    from .pipeline.build import process
    from .pipeline.config import load_settings
    from .pipeline.parallel import LocalPool

    inputs = [(f"{n}_{p.name}", p.read_bytes() + f"\n\nCopy {n}.\n".encode()) for n in range(copies) for p in paths]
    ratios, serial_s, parallel_s = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(store_dir=Path(tmp))
        with LocalPool(2) as pool:
            pool.warm(settings)  # model loaded in both workers: the start-up is not the work
            for _ in range(rounds):
                t0 = time.perf_counter()
                one = process(inputs, settings, use_cache=False)
                serial_s.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                two = process(inputs, settings, use_cache=False, pool=pool)
                parallel_s.append(time.perf_counter() - t0)
                ratios.append(serial_s[-1] / parallel_s[-1])
                if [r.error for r in one] != [r.error for r in two]:
                    print("warning: the two runs did not fail on the same articles")
    speedup = statistics.median(ratios)
    print(f"two processes              {len(inputs)} articles: median {statistics.median(parallel_s):.1f} s vs "
          f"{statistics.median(serial_s):.1f} s in one; speed-up {speedup:.2f}x (rounds {min(ratios):.2f}-{max(ratios):.2f}; "
          "goal >= 1.4x on two cores)")
    return {"two_process_speedup": speedup, "one_process_s": statistics.median(serial_s), "two_process_s": statistics.median(parallel_s)}


def run_app_benchmark(store_dir: Path, reruns: int = 20) -> dict[str, float]:
    """Server-side rerun time after a filter change (AppTest, in process), chart export time, and
    staged first paint in headless Chromium with a warm cache. Prints figures; asserts nothing."""
    from .app.bench_app import rerun_benchmark

    figures = rerun_benchmark(store_dir, reruns=reruns)
    figures.update(_export_times(store_dir))
    figures.update(_first_paint(store_dir))
    return figures


def _export_times(store_dir: Path) -> dict[str, float]:
    from .app import charts, exports, filters
    from .app.data import build_views
    from .pipeline import store

    if not exports.images_available():
        print("chart export                skipped (no chromium)")
        return {}
    views = build_views(store.read_frames(store_dir))
    lo, hi = filters.date_bounds(views)
    quotes, events, _ = filters.apply_filters(views, filters.Filters(start=lo, end=hi))
    fig = charts.timeline_figure(charts.timeline_counts(quotes, events, "country", {}), lo, hi)
    t0 = time.perf_counter()
    exports.figure_image(fig, "png")  # starts the browser
    first = (time.perf_counter() - t0) * 1000
    warm = []
    for fmt in ("png", "svg", "png", "svg"):
        t0 = time.perf_counter()
        exports.figure_image(fig, fmt)
        warm.append((time.perf_counter() - t0) * 1000)
    print(f"chart export PNG/SVG       {max(warm):.0f} ms at most with the browser warm; {first:.0f} ms for the very first")
    return {"export_warm_max_ms": max(warm), "export_first_ms": first}


def _first_paint(store_dir: Path) -> dict[str, float]:
    import os
    import socket
    import statistics
    import subprocess
    import sys
    import urllib.request

    if not Path("/usr/bin/chromium").exists():
        print("first paint                 skipped (no /usr/bin/chromium)")
        return {}
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parents[1]
    env = dict(os.environ, DASHBOARD_STORE_DIR=str(store_dir), PYTHONPATH=str(root))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(root / "dashboard/app/streamlit_app.py"), "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            )
            stages = {"title": "h1", "counts": "[data-testid='stMetric']", "map": "canvas", "chart": ".js-plotly-plot .main-svg"}
            loads = []
            for _ in range(5):  # the first load warms Streamlit's and the browser's caches
                page = browser.new_page()
                t0 = time.perf_counter()
                page.goto(url)
                times = {}
                for name, selector in stages.items():
                    page.wait_for_selector(selector, timeout=120_000)
                    times[name] = (time.perf_counter() - t0) * 1000
                loads.append(times)
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    warm = {name: statistics.median(load[name] for load in loads[1:]) for name in stages}
    print(
        f"first paint (warm cache)   title {warm['title']:.0f} ms, counts {warm['counts']:.0f} ms, map {warm['map']:.0f} ms, "
        f"timeline {warm['chart']:.0f} ms (median of 4; goal <= 2000 ms); cold load: timeline at {loads[0]['chart']:.0f} ms"
    )
    return {f"first_paint_{name}_ms": value for name, value in warm.items()}

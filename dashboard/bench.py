"""Benchmark: words/s of the whole pipeline vs bare spaCy `nlp.pipe` on the same text, and peak memory.

Prints figures; asserts nothing. Run with `make bench`.
"""

from __future__ import annotations

import re
import resource
import time
from pathlib import Path


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

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in range(repeat):
        batch = [clean(r) for r in raws]
        for c, doc in zip(batch, nlp.pipe([c.view for c in batch], batch_size=16)):
            article_records(c, doc)
    full = time.perf_counter() - t0

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "articles": len(texts),
        "words": words,
        "spacy_words_per_s": words / bare,
        "pipeline_words_per_s": words / full,
        "ratio": bare / full,
        "peak_memory_mb": peak_mb,
    }
    print(f"articles processed         {len(texts)} ({len(cleaned)} seeds x {repeat})")
    print(f"words                      {words}")
    print(f"bare spaCy nlp.pipe        {figures['spacy_words_per_s']:,.0f} words/s")
    print(f"whole pipeline             {figures['pipeline_words_per_s']:,.0f} words/s")
    print(f"ratio pipeline/spaCy       {figures['ratio']:.2f} (goal >= 0.80)")
    print(f"peak memory (RSS)          {peak_mb:,.0f} MB")
    return figures


def run_app_benchmark(store_dir: Path, reruns: int = 20) -> dict[str, float]:
    """Server-side rerun time after a filter change (AppTest, in process) and first paint in
    headless Chromium with a warm cache. Prints figures; asserts nothing."""
    import os
    import statistics

    from streamlit.testing.v1 import AppTest

    os.environ["DASHBOARD_STORE_DIR"] = str(store_dir)
    app = str(Path(__file__).resolve().parent / "app" / "streamlit_app.py")
    at = AppTest.from_file(app, default_timeout=120)
    at.run()  # cold: loads the store and the registry once
    choices = [["Liz Truss"], [], ["NATO"], ["Joe Biden", "Vladimir Putin"]]
    times = []
    for i in range(reruns):
        at.multiselect(key="actors").set_value(choices[i % len(choices)])
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[max(0, int(round(0.95 * len(times))) - 1)]
    print(f"rerun after a filter change  p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms over {reruns} (goal p95 <= 150 ms)")
    figures = {"rerun_p50_ms": statistics.median(times), "rerun_p95_ms": p95}
    figures.update(_first_paint(store_dir))
    return figures


def _first_paint(store_dir: Path) -> dict[str, float]:
    import os
    import socket
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
            paints, charts = [], []
            for _ in range(4):  # the first load warms Streamlit's and the browser's caches
                page = browser.new_page()
                t0 = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("[data-testid='stMetric']", timeout=120_000)
                paints.append((time.perf_counter() - t0) * 1000)
                page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
                page.wait_for_selector("canvas", timeout=120_000)
                charts.append((time.perf_counter() - t0) * 1000)
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    warm, warm_charts = sorted(paints[1:])[1], sorted(charts[1:])[1]  # medians of the warm loads
    print(f"first paint (warm cache)   {warm:.0f} ms to the first content (counts); cold {paints[0]:.0f} ms (goal <= 2000 ms)")
    print(f"charts drawn (warm cache)  {warm_charts:.0f} ms to the map canvas and the timeline")
    return {"first_paint_warm_ms": warm, "first_paint_cold_ms": paints[0], "charts_warm_ms": warm_charts}

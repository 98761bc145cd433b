"""The dashboard's speed at any store size: prints figures and writes them to
`benchmarks/results.json` (section "app", one key per store); asserts nothing.

For each store: the server-side rerun after a filter change (AppTest, in process; every rerun
is a filter state not seen before, so no cached result answers it), and a real `streamlit run`
server driven by headless Chromium: what a build adds to derive the dashboard's tables of a new
snapshot, cold start (server launch → counts, map and timeline drawn) on that new snapshot and
on a restart, first paint of the map and the timeline (median of 5) in a new browser (every
script fetched and compiled) and on a reload (the browser's cache holds them), the page settled
after a filter change (median of 5), bytes the browser receives per rerun (websocket frames), and
the server's peak RSS. Each size's figures go to `benchmarks/results.json` through
`dashboard.bench_results.update("app", …)`.

`python -m dashboard.app.bench_app [--sizes 10k,100k,1m] [--store DIR]`.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = Path(__file__).resolve().parent / "streamlit_app.py"
SYNTH_DIR = ROOT / "benchmarks" / "stores"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
GOALS = {"10k": 300, "100k": 300, "1m": 1000}  # rerun p95, ms (issue 10)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def synthetic_store(size: str) -> Path:
    """The synthetic store of a size, generated once (same seed, same store) under benchmarks/stores/."""
    from dashboard.pipeline import store
    from dashboard.pipeline.errors import StoreError
    from dashboard.synth import synth_store

    target = SYNTH_DIR / size
    try:
        store.current_snapshot(target)
        return target
    except StoreError:
        pass
    t0 = time.perf_counter()
    counts = synth_store(target, SIZES[size], seed=0)
    print(f"[{size}] generated {counts['events']} events, {counts['quotes']} quotes, {counts['articles']} articles "
          f"in {time.perf_counter() - t0:.0f} s → {target}", flush=True)
    return target


def _percentile(sorted_values: list[float], q: float) -> float:
    return sorted_values[max(0, int(round(q * len(sorted_values))) - 1)]


def _changes(opts, n: int):
    """`n` filter changes, each leading to a state not seen before: one actor, one country,
    a wide date range (costly: most records match), an event type, the same alternately."""
    import datetime as dt

    span = (opts.end - opts.start).days
    for i in range(n):
        k = i % 4
        if k == 0:
            yield {"actors": [opts.actors[(i // 4) % len(opts.actors)]], "countries": [], "types": []}
        elif k == 1:
            yield {"actors": [], "countries": [opts.countries[(i // 4) % len(opts.countries)]]}
        elif k == 2:
            yield {"countries": [], "dates": (opts.start + dt.timedelta(days=1 + i), opts.end - dt.timedelta(days=max(0, span // 10 - i)))}
        else:
            yield {"types": [opts.types[(i // 4) % len(opts.types)]]}


def rerun_benchmark(store_dir: Path, reruns: int = 20, warmup: int = 3) -> dict[str, float]:
    """p50/p95/max of the page's rerun after a filter change (AppTest, in process)."""
    from streamlit.testing.v1 import AppTest

    from dashboard.app.data import Store

    os.environ["DASHBOARD_STORE_DIR"] = str(store_dir)
    with Store(store_dir) as db:
        opts = db.options()
    at = AppTest.from_file(str(APP), default_timeout=300)
    t0 = time.perf_counter()
    at.run()  # cold in this process: opens the store (derived tables from their cache when present)
    first = (time.perf_counter() - t0) * 1000
    if at.exception:
        raise RuntimeError(f"the page failed: {at.exception}")
    times = []
    for i, change in enumerate(_changes(opts, warmup + reruns)):
        for key, value in change.items():
            widget = at.slider(key=key) if key == "dates" else at.multiselect(key=key)
            widget.set_value(value)
        t0 = time.perf_counter()
        at.run()
        if i >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    if at.exception:
        raise RuntimeError(f"the page failed during the benchmark: {at.exception}")
    times.sort()
    return {"rerun_p50_ms": round(statistics.median(times), 1), "rerun_p95_ms": round(_percentile(times, 0.95), 1),
            "rerun_max_ms": round(times[-1], 1), "reruns": reruns, "first_run_in_process_ms": round(first)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`streamlit run` of the dashboard on a free port, over one store."""

    def __init__(self, store_dir: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, DASHBOARD_STORE_DIR=str(store_dir), PYTHONPATH=str(ROOT))
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(self.port), "--server.headless", "true",
             "--server.address", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not become healthy")
                time.sleep(0.2)

    def peak_rss_mb(self) -> float:
        """Peak resident memory of the server process (VmHWM)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


SETTLED_JS = """() => {
  const app = document.querySelector("[data-testid='stApp']");
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector("[data-testid='stMetric']")
    && document.querySelector('.js-plotly-plot .barlayer path')
    && document.querySelector("[data-testid='stDeckGlJsonChart'] canvas");
}"""


def _drawn(page) -> None:
    """Wait until the run has finished and both the map canvas and the timeline bars are drawn,
    then two animation frames (deck.gl paints on the next frame)."""
    page.wait_for_function(SETTLED_JS, timeout=300_000, polling=50)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def rederive(store_dir: Path) -> float:
    """What a build adds for the dashboard: derive the live snapshot's tables anew (as
    `store.write_snapshot` does for every new snapshot), in seconds."""
    from dashboard.pipeline import derived, store

    snap = store.current_snapshot(store_dir)
    (snap / derived.FILE).unlink(missing_ok=True)
    t0 = time.perf_counter()
    if store.ensure_derived(store_dir, snap, lock_timeout=60) is None:
        raise RuntimeError(f"could not derive the dashboard's tables for {snap}")
    return time.perf_counter() - t0


def _load(page, url: str) -> float:
    t0 = time.perf_counter()
    page.goto(url)
    _drawn(page)
    return (time.perf_counter() - t0) * 1000


def browser_benchmark(store_dir: Path, loads: int = 5, changes: int = 5) -> dict[str, float]:
    """Cold starts, first paint (a new browser, and a reload with the browser's cache), the page
    settled after a filter change, bytes per rerun and server RSS, in headless Chromium."""
    if not Path(CHROMIUM).exists():
        print("browser benchmark skipped (no /usr/bin/chromium)")
        return {}
    from playwright.sync_api import sync_playwright

    from dashboard.app.data import Store
    from dashboard.pipeline.actors import registry

    with Store(store_dir) as db:
        opts = db.options()
    names = {c.iso2: c.name for c in registry().countries}
    figures: dict[str, float] = {"derive_at_build_s": round(rederive(store_dir), 1)}  # as after a build: a new snapshot
    viewport = {"width": 1280, "height": 900}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label in ("cold_start_first_ms", "cold_start_ms"):  # the first start on that snapshot, then a restart
            server = Server(store_dir)
            try:
                page = browser.new_page(viewport=viewport)
                page.goto(server.url)
                _drawn(page)
                figures[label] = round((time.perf_counter() - server.started) * 1000)
                page.close()
                if label == "cold_start_first_ms":
                    continue
                fresh = []  # a browser that has never seen the page: every script fetched and compiled
                for _ in range(loads):
                    context = browser.new_context(viewport=viewport)
                    fresh.append(_load(context.new_page(), server.url))
                    context.close()
                context = browser.new_context(viewport=viewport)  # one browser coming back: its cache holds the scripts
                page = context.new_page()
                _load(page, server.url)
                reloads = [_load(page, server.url) for _ in range(loads)]
                received: list[int] = []
                page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
                page.reload()
                _drawn(page)
                received.clear()
                change_times, payloads = [], []
                country_names = [names.get(c, c) for c in opts.countries[3:]]  # from the fourth most frequent on
                select = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").nth(1)  # Country
                for name in country_names[:changes]:
                    before = page.evaluate("() => location.search")
                    select.locator("input").click()
                    page.keyboard.type(name)
                    received.clear()
                    t0 = time.perf_counter()
                    page.keyboard.press("Enter")
                    try:
                        page.wait_for_function("s => location.search !== s", arg=before, timeout=120_000, polling=10)
                    except Exception:
                        page.screenshot(path=str(ROOT / "artifacts" / "bench-failed.png"))
                        raise
                    _drawn(page)
                    change_times.append((time.perf_counter() - t0) * 1000)
                    payloads.append(sum(received))
                    page.keyboard.press("Escape")
                page.mouse.click(5, 5)  # close the country list before the screenshot
                time.sleep(1)
                page.screenshot(path=str(ROOT / "artifacts" / f"bench-{Path(store_dir).name}.png"), full_page=False)
                context.close()
                figures.update(
                    first_paint_ms=round(statistics.median(fresh)), first_paint_reload_ms=round(statistics.median(reloads)),
                    filter_change_ms=round(statistics.median(change_times)),
                    payload_bytes=int(max(payloads)), payload_bytes_median=int(statistics.median(payloads)),
                    server_rss_mb=round(server.peak_rss_mb()),
                )
            finally:
                server.stop()
        browser.close()
    return figures


def record(key: str, figures: dict, path: Path | None = None) -> dict:
    """One store's figures into the results file's "app" section (the one writer, locked and
    atomic: the pipeline's figures and the other stores' stay); returns the whole file."""
    from dashboard import bench_results

    path = path or bench_results.RESULTS
    data = bench_results.update("app", {key: figures}, path=path)
    if "cores" not in data:
        data = bench_results.update(None, {"cores": os.cpu_count()}, path=path)
    return data


def run(stores: dict[str, Path], reruns: int = 20) -> dict[str, dict]:
    (ROOT / "artifacts").mkdir(exist_ok=True)
    out = {}
    for key, store_dir in stores.items():
        figures = rerun_benchmark(store_dir, reruns=reruns)
        figures.update(browser_benchmark(store_dir))
        figures["measured"] = time.strftime("%Y-%m-%d %H:%M")
        figures["cores"] = os.cpu_count()
        figures["load_average"] = round(os.getloadavg()[0], 1)  # other work on the machine moves these figures
        record(key, figures)
        out[key] = figures
        goal = GOALS.get(key)
        print(
            f"[{key}] rerun after a filter change p50 {figures['rerun_p50_ms']:.0f} ms, p95 {figures['rerun_p95_ms']:.0f} ms"
            + (f" (goal <= {goal})" if goal else "")
            + (f"; cold start {figures['cold_start_ms'] / 1000:.1f} s ({figures['cold_start_first_ms'] / 1000:.1f} s on a new snapshot, "
               f"whose tables the build derived in {figures['derive_at_build_s']:.1f} s)"
               f"; map + timeline drawn {figures['first_paint_reload_ms']} ms after a reload, {figures['first_paint_ms']} ms in a new "
               f"browser (goal <= 3000); after a filter change {figures['filter_change_ms']} ms (goal <= 1000)"
               f"; sent per rerun {figures['payload_bytes'] / 1e6:.2f} MB at most; server peak RSS {figures['server_rss_mb']} MB"
               if "cold_start_ms" in figures else "")
            + f" [load average {figures['load_average']}]",
            flush=True,
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k", help="comma-separated synthetic store sizes: 10k, 100k, 1m")
    parser.add_argument("--store", action="append", default=[], help="also measure this store directory")
    parser.add_argument("--reruns", type=int, default=20)
    args = parser.parse_args(argv)
    stores = {size: synthetic_store(size) for size in args.sizes.split(",") if size}
    stores.update({Path(s).name: Path(s) for s in args.store})
    run(stores, reruns=args.reruns)
    return 0


if __name__ == "__main__":
    sys.exit(main())

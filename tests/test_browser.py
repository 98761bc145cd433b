"""The dashboard in a real headless Chromium: what AppTest cannot see.

Starts `streamlit run` on a free port, waits for /_stcore/health, then checks that the map
canvas and the chart draw, quote cards show, a download returns a non-empty file, no request
leaves the machine and the console stays clean. Saves artifacts/dashboard.png to look at.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-sync", "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed (make test installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser_store(tmp_path_factory, seed_paths):
    """The seeds plus one web-page article (its spans point into raw HTML)."""
    from dashboard.pipeline.build import build_store
    from dashboard.pipeline.config import load_settings

    store_dir = tmp_path_factory.mktemp("browser-store")
    build_store(seed_paths + [ROOT / "tests/fixtures/articles/agency_page.html"], load_settings(store_dir=store_dir))
    return store_dir


@pytest.fixture(scope="module")
def server(browser_store):
    port = free_port()
    env = dict(os.environ, DASHBOARD_STORE_DIR=str(browser_store), PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard/app/streamlit_app.py"),
         "--server.port", str(port), "--server.headless", "true", "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                pytest.fail(f"streamlit did not become healthy:\n{out[-3000:]}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1300}, accept_downloads=True)
        pg = context.new_page()
        pg.requests, pg.errors = [], []
        pg.on("request", lambda r: pg.requests.append(r.url))
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto(server)
        pg.wait_for_selector("[data-testid='stMetric']", timeout=90_000)
        pg.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
        pg.wait_for_selector("canvas", timeout=60_000)
        time.sleep(3)  # let deck.gl and plotly finish drawing before the screenshot
        (ROOT / "artifacts").mkdir(exist_ok=True)
        pg.screenshot(path=str(ROOT / "artifacts" / "dashboard.png"), full_page=True)
        yield pg
        browser.close()


def test_map_canvas_draws(page):
    sizes = page.eval_on_selector_all("canvas", "cs => cs.map(c => [c.width, c.height])")
    assert any(w > 200 and h > 200 for w, h in sizes), sizes


def test_timeline_chart_draws_bars(page):
    assert page.locator(".js-plotly-plot .main-svg").count() >= 1
    assert page.locator(".js-plotly-plot .barlayer path").count() > 0


def test_quote_cards_show(page):
    assert page.get_by_text("Liz Truss", exact=False).count() > 0
    assert page.get_by_text("quoted by", exact=False).count() > 0


def test_csv_download_is_not_empty(page, tmp_path):
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Quotes CSV").click()
    path = tmp_path / "quotes.csv"
    info.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("quote_id,") and len(text.splitlines()) > 10


def _sum_of_bars(page) -> int:
    return page.evaluate("""() => { const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
        return gd.data.reduce((n, t) => n + t.y.reduce((a, b) => a + b, 0), 0); }""")


def test_counts_under_the_bars_equal_the_records_shown(page):
    shown = int(_metric(page, "Matching quotes")) + int(_metric(page, "Matching events"))
    caption = page.get_by_text("records with no date are not on the time axis", exact=False)
    undated = int(caption.first.inner_text().split(" records with no date")[0].split()[-1]) if caption.count() else 0
    assert _sum_of_bars(page) == shown - undated > 0


def test_web_page_source_view_is_readable_text(page, server):
    pg = page.context.new_page()
    pg.goto(server + "/?outlet=Example+News")
    pg.wait_for_selector("[data-testid='stExpander']", timeout=90_000)
    for expander in pg.locator("[data-testid='stExpander'] summary").all():
        expander.click()
    bodies = pg.locator("[data-testid='stExpanderDetails']").all_inner_texts()
    web = [b for b in bodies if "web page; shown as its readable text" in b]
    assert web, "no web-page card"
    assert all("<" not in b.split("File ")[0] for b in web)  # no markup in the excerpt
    bands = pg.locator("[data-testid='stExpanderDetails'] span").evaluate_all(
        "els => els.filter(e => !getComputedStyle(e).backgroundColor.startsWith('rgba(0, 0, 0, 0')).length")
    assert bands > 0, "no highlighted sentence"
    (ROOT / "artifacts").mkdir(exist_ok=True)
    pg.locator("[data-testid='stExpanderDetails']").first.screenshot(path=str(ROOT / "artifacts" / "source-view.png"))
    pg.close()


def test_no_request_leaves_the_machine(page):
    remote = [u for u in page.requests if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).hostname not in LOCAL_HOSTS]
    assert remote == []


def test_no_console_errors(page):
    assert page.errors == []


CONTRAST_JS = """
els => els.filter(e => e.innerText && e.innerText.trim() && !e.closest('button')).map(e => {
  const c = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number);
  let a = c.length > 3 ? c[3] : 1;
  for (let n = e; n; n = n.parentElement) a *= Number(getComputedStyle(n).opacity);  // captions are faded
  const rgb = c.slice(0, 3).map(v => (v * a + 255 * (1 - a)) / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  const lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  return [e.innerText.slice(0, 40), 1.05 / (lum + 0.05)];
})
"""


def test_text_contrast_is_at_least_4_5(page):
    """Body text and captions on the white page (buttons carry their own backgrounds)."""
    main = page.locator("[data-testid='stMain']")
    measured = main.locator("[data-testid='stCaptionContainer'], [data-testid='stMarkdownContainer'] p").evaluate_all(CONTRAST_JS)
    assert measured, "no text found"
    low = [(text, round(ratio, 2)) for text, ratio in measured if ratio < 4.5]
    assert low == []


def test_every_chart_has_a_caption(page):
    for chart in ("[data-testid='stDeckGlJsonChart']", ".js-plotly-plot"):
        block = page.locator(chart).first.locator("xpath=ancestor::div[contains(@data-testid,'stVerticalBlock')][1]")
        assert block.locator("[data-testid='stCaptionContainer']").count() >= 1


def _metric(page, label):
    card = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return card.locator("[data-testid='stMetricValue']").inner_text().strip()


def test_a_filter_changes_the_view_and_the_url(page):
    """Runs last: changes the page. Choosing an actor narrows the counts and the cards, and the URL follows."""
    before = int(_metric(page, "Matching quotes"))
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
    page.keyboard.type("Liz Truss")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function(
        """n => [...document.querySelectorAll("[data-testid='stMetric']")]
              .some(m => m.innerText.includes('Matching quotes') && !m.innerText.includes(String(n)))""",
        arg=before, timeout=30_000,
    )
    after = int(_metric(page, "Matching quotes"))
    assert 0 < after < before
    page.wait_for_function("() => location.search.includes('actor=Liz')", timeout=10_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
    page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollTo(0, 0)")
    time.sleep(2)
    page.screenshot(path=str(ROOT / "artifacts" / "dashboard-filtered.png"), full_page=True)
    assert page.errors == []


def _luminance(rgb):
    c = [v / 255 for v in rgb[:3]]
    c = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def _ratio(a, b):
    hi, lo = sorted([_luminance(a), _luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _rgb(css):
    import re

    return [float(v) for v in re.findall(r"[\d.]+", css)][:3]


def test_highlight_band_has_3_to_1_contrast_in_both_themes(page, server):
    """The source view's highlighted sentence against the page, and its text against the band, light and dark."""
    browser = page.context.browser
    if True:
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 1400, "height": 1200}, color_scheme=scheme)
            pg = context.new_page()
            pg.goto(server)
            pg.wait_for_selector("[data-testid='stExpander']", timeout=90_000)
            pg.locator("[data-testid='stExpander'] summary").first.click()
            colours = pg.locator("[data-testid='stExpanderDetails'] span").evaluate_all(
                """els => els.filter(e => !getComputedStyle(e).backgroundColor.startsWith('rgba(0, 0, 0, 0'))
                            .map(e => [getComputedStyle(e).backgroundColor,
                                       getComputedStyle([...e.querySelectorAll('*')].pop() || e).color])""")
            page_bg = pg.evaluate("getComputedStyle(document.querySelector(\"[data-testid='stApp']\")).backgroundColor")
            assert colours, scheme
            band = _rgb(colours[0][0])
            text_ratio = min(_ratio(_rgb(c[1]), _rgb(c[0])) for c in colours)
            assert _ratio(band, _rgb(page_bg)) >= 3.0, (scheme, colours[0], page_bg)
            assert text_ratio >= 4.5, (scheme, colours)
            pg.screenshot(path=str(ROOT / "artifacts" / f"dashboard-{scheme}.png"), full_page=True)
            context.close()


def test_a_range_selected_on_the_chart_narrows_the_dates(page):
    before = page.evaluate("() => location.search")
    box = page.locator("[data-testid='stPlotlyChart'] .nsewdrag").first.bounding_box()
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=8)
    page.mouse.up()
    page.wait_for_function("s => location.search !== s && location.search.includes('from=')", arg=before, timeout=30_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    time.sleep(1)
    page.screenshot(path=str(ROOT / "artifacts" / "dashboard-range-selected.png"), full_page=True)
    assert page.errors == []


def test_a_marker_click_narrows_the_cards(page, browser_store):
    """Clicks the largest located marker (its screen position from the map's opening view) and
    expects the place in the URL, fewer records, and a button that brings them all back."""
    import math

    from dashboard.app import filters, maps

    page.goto(page.url.split("?")[0])
    page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=60_000)
    time.sleep(3)
    before = int(_metric(page, "Matching quotes")) + int(_metric(page, "Matching events"))
    spec = page.evaluate("""() => [...document.querySelectorAll("[data-testid='stDeckGlJsonChart']")].length""")
    assert spec == 1
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.bounding_box()
    view = maps.REGION_VIEW
    cx, cy = maps._screen(view.longitude, view.latitude, view.zoom)
    from dashboard.app.data import Store

    db = Store(browser_store)
    o = db.options()
    places = db.map_places(filters.Filters(start=o.start, end=o.end))
    located, _, _ = maps.map_points(places, o.event_types)
    top = located.sort_values("count", ascending=False).iloc[0]  # the largest marker: on top, easy to hit
    x, y = maps._screen(top["lon"], top["lat"], view.zoom)
    page.mouse.click(canvas["x"] + canvas["width"] / 2 + (x - cx), canvas["y"] + canvas["height"] / 2 + (y - cy))
    page.wait_for_function("() => location.search.includes('place=')", timeout=30_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    time.sleep(1)
    after = int(_metric(page, "Matching quotes")) + int(_metric(page, "Matching events"))
    assert 0 < after < before
    page.screenshot(path=str(ROOT / "artifacts" / "dashboard-place-selected.png"), full_page=True)
    page.get_by_role("button", name="Place:", exact=False).click()  # the visible way back
    page.wait_for_function("() => !location.search.includes('place=')", timeout=30_000)
    assert page.errors == []
    assert not math.isnan(after)


def test_zoomed_in_the_markers_stay_small_and_apart(page):
    """Markers are sized in screen pixels: zoomed in, Kuznica and Bruzgi (7 km apart) are drawn
    apart; the screenshot shows it."""
    from dashboard.app import maps

    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
    canvas.scroll_into_view_if_needed()
    canvas.wait_for(state="visible", timeout=30_000)
    box = canvas.bounding_box()
    view = maps.REGION_VIEW
    cx, cy = maps._screen(view.longitude, view.latitude, view.zoom)
    x, y = maps._screen(23.8, 53.5, view.zoom)  # the Kuznica–Bruzgi crossing
    page.mouse.move(box["x"] + box["width"] / 2 + (x - cx), box["y"] + box["height"] / 2 + (y - cy))
    for _ in range(3):
        page.mouse.wheel(0, -200)
        time.sleep(0.2)
    time.sleep(2)
    canvas.screenshot(path=str(ROOT / "artifacts" / "map-zoomed.png"))
    zoom = 9
    kx, ky = maps._screen(23.6533, 53.5106, zoom)
    bx, by = maps._screen(23.7442, 53.5489, zoom)
    assert ((kx - bx) ** 2 + (ky - by) ** 2) ** 0.5 > 2 * maps.MAX_PX  # at zoom 9 the largest markers do not touch

"""The dashboard in a real headless Chromium: what AppTest cannot see.

Starts `streamlit run` on a free port, waits for /_stcore/health, then checks that the map
canvas and the chart draw, quote cards show, a download returns a non-empty file, no request
leaves the machine and the console stays clean. Saves artifacts/dashboard.png to look at.
"""

import time
from urllib.parse import urlparse

import pytest

from tests.browser_support import ARGS, CHROMIUM, MARKS, ROOT, dashboard_server
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

pytestmark = MARKS



@pytest.fixture(scope="module")
def browser_store(tmp_path_factory, seed_paths):
    """The seeds plus one web-page article (its spans point into raw HTML) and one about two
    border crossings 7 km apart (tests/fixtures/browser/)."""
    from dashboard.pipeline.build import build_store
    from dashboard.pipeline.config import load_settings

    store_dir = tmp_path_factory.mktemp("browser-store")
    extra = [ROOT / "tests/fixtures/articles/agency_page.html", ROOT / "tests/fixtures/browser/border_crossings.txt"]
    build_store(seed_paths + extra, load_settings(store_dir=store_dir))
    return store_dir


@pytest.fixture(scope="module")
def server(browser_store):
    with dashboard_server(browser_store) as url:
        yield url


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
    shown = _metric(page, "Matching quotes") + _metric(page, "Matching events")
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
    return int(card.locator("[data-testid='stMetricValue']").inner_text().strip().replace(",", ""))  # "1,234"


def test_a_filter_changes_the_view_and_the_url(page):
    """Runs last: changes the page. Choosing an actor narrows the counts and the cards, and the URL follows."""
    before = _metric(page, "Matching quotes")
    page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first.click()
    page.keyboard.type("Liz Truss")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function(
        """n => [...document.querySelectorAll("[data-testid='stMetric']")]
              .some(m => m.innerText.includes('Matching quotes') && !m.innerText.includes(String(n)))""",
        arg=before, timeout=30_000,
    )
    after = _metric(page, "Matching quotes")
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
    before = _metric(page, "Matching quotes") + _metric(page, "Matching events")
    spec = page.evaluate("""() => [...document.querySelectorAll("[data-testid='stDeckGlJsonChart']")].length""")
    assert spec == 1
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.bounding_box()
    view = maps.REGION_VIEW
    cx, cy = maps._screen(view.longitude, view.latitude, view.zoom)
    from dashboard.app.data import Store

    with Store(browser_store) as db:
        o = db.options()
        places = db.map_places(filters.Filters(start=o.start, end=o.end))
    located, _, _ = maps.map_points(places, o.event_types)
    top = located.sort_values("count", ascending=False).iloc[0]  # the largest marker: on top, easy to hit
    x, y = maps._screen(top["lon"], top["lat"], view.zoom)
    page.mouse.click(canvas["x"] + canvas["width"] / 2 + (x - cx), canvas["y"] + canvas["height"] / 2 + (y - cy))
    page.wait_for_function("() => location.search.includes('place=')", timeout=30_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    time.sleep(1)
    after = _metric(page, "Matching quotes") + _metric(page, "Matching events")
    assert 0 < after < before
    page.screenshot(path=str(ROOT / "artifacts" / "dashboard-place-selected.png"), full_page=True)
    page.get_by_role("button", name="Place:", exact=False).click()  # the visible way back
    page.wait_for_function("() => !location.search.includes('place=')", timeout=30_000)
    assert page.errors == []
    assert not math.isnan(after)


SEA, LAND = (234, 241, 247), (255, 255, 255)  # static/map_style.json


def _map_image(page, name: str):
    """The map as an RGB array (and a screenshot in artifacts/ to look at)."""
    import io

    import numpy as np
    from PIL import Image

    png = page.locator("[data-testid='stDeckGlJsonChart']").first.screenshot(path=str(ROOT / "artifacts" / name))
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def _share(img, rgb, tol=4) -> float:
    """Share of the map's pixels of one colour (land, sea)."""
    return float((abs(img - rgb).max(axis=2) <= tol).mean())


def _markers(img, min_px=30) -> list[tuple[float, float, int]]:
    """Markers in the picture: connected areas of saturated colour (land, sea, borders and names
    are greys), as (x, y, pixels)."""
    from collections import deque

    mask = (img.max(axis=2) - img.min(axis=2)) > 60
    seen = mask.copy()
    blobs = []
    for y0, x0 in zip(*mask.nonzero()):
        if not seen[y0, x0]:
            continue
        seen[y0, x0] = False
        todo, pts = deque([(y0, x0)]), []
        while todo:
            y, x = todo.popleft()
            pts.append((y, x))
            for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                if 0 <= ny < mask.shape[0] and 0 <= nx < mask.shape[1] and seen[ny, nx]:
                    seen[ny, nx] = False
                    todo.append((ny, nx))
        if len(pts) >= min_px:
            blobs.append((sum(p[1] for p in pts) / len(pts), sum(p[0] for p in pts) / len(pts), len(pts)))
    return blobs


def _dark_pixels(img) -> int:
    """Pixels of the city names' ink (40, 40, 40): Streamlit's selection highlight fades them."""
    return int((img.max(axis=2) < 70).sum())


def test_zoomed_in_the_map_shows_land_and_separate_markers(page):
    """Zoomed in on the Kuznica–Bruzgi crossing (7 km apart, one marker when the map opens):
    the view is land, and the two markers are drawn apart. After a click on one (Streamlit then
    fades all but the selected object) the land is still there; the "Place" button brings the
    map back unfaded. Read from the pixels of the map; the screenshots are in artifacts/."""
    from dashboard.app import maps

    page.goto(page.url.split("?")[0])
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
    chart = page.locator("[data-testid='stDeckGlJsonChart']").first
    chart.scroll_into_view_if_needed()
    page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=60_000)
    time.sleep(3)
    opening = _map_image(page, "map-opening.png")
    assert _share(opening, SEA) > 0.05 and _share(opening, LAND) > 0.2, "no basemap when the map opens"
    assert _dark_pixels(opening) > 150, "no city names when the map opens"

    box = chart.bounding_box()
    view = maps.REGION_VIEW
    cx, cy = maps._screen(view.longitude, view.latitude, view.zoom)
    x, y = maps._screen((23.6533 + 23.7442) / 2, (53.5106 + 53.5489) / 2, view.zoom)
    page.mouse.move(box["x"] + box["width"] / 2 + (x - cx), box["y"] + box["height"] / 2 + (y - cy))
    for _ in range(6):
        page.mouse.wheel(0, -200)
        time.sleep(0.3)
    time.sleep(2.5)
    zoomed = _map_image(page, "map-zoomed.png")
    assert _share(zoomed, LAND) > 0.6 and _share(zoomed, SEA) < 0.05, "zoomed in on land, the land is not drawn"
    markers = _markers(zoomed)
    assert len(markers) >= 2, markers
    (ax, ay, _), (bx, by, _) = sorted(markers, key=lambda m: -m[2])[:2]
    assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 > 2 * maps.MAX_PX, markers  # apart, not touching

    # Select one of them: Streamlit fades every deck.gl object but the selected one.
    target = max(markers, key=lambda m: m[0])  # Bruzgi, the eastern one
    page.mouse.click(box["x"] + target[0], box["y"] + target[1])
    page.wait_for_function("() => location.search.includes('place=')", timeout=30_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    time.sleep(2)
    selected = _map_image(page, "map-zoomed-selected.png")
    assert _share(selected, LAND) > 0.6, "with a marker selected the land fades into the sea"

    page.get_by_role("button", name="Place:", exact=False).click()  # the way back: a new, unfaded map
    page.wait_for_function("() => !location.search.includes('place=')", timeout=30_000)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000)
    page.wait_for_selector("[data-testid='stDeckGlJsonChart'] canvas", timeout=60_000)
    time.sleep(3)
    cleared = _map_image(page, "map-cleared.png")
    assert _dark_pixels(cleared) > 150, "after the place is cleared the map stays faded"
    assert page.errors == []

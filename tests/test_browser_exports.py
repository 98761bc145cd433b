"""Every exported HTML file opened in a real headless Chromium with the network blocked, from a
store that holds a hostile article: no script from the data runs, nothing is fetched, and the
content draws (map markers on the canvas, timeline bars). The dashboard's own cards show the
same article's icon shortcode and URLs as plain text. Screenshots go to artifacts/.

The files are downloaded through the running dashboard's buttons, as a user would get them.
"""

import io
import json
import shutil
import time
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from tests.browser_support import ARGS, CHROMIUM, MARKS, ROOT, dashboard_server
ARTIFACTS = ROOT / "artifacts"
SCRIPT = "</script><script>window.__pwned=3</script>"
# The page is opened searching for the hostile sentence itself: the map keeps its event (the
# search matches event summaries), and the filter text lands in every export's header too.
SEARCH = SCRIPT
GRODNO = (23.8131, 53.6694)  # lon, lat of the hostile deployment event

pytestmark = MARKS



@pytest.fixture(scope="module")
def server(hostile_store, tmp_path_factory):
    store_dir = tmp_path_factory.mktemp("browser-exports") / "store"
    shutil.copytree(hostile_store, store_dir)
    with dashboard_server(store_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def dashboard(server, browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1300}, accept_downloads=True)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(f"{server}/?q={urllib.parse.quote(SEARCH)}")
    page.wait_for_selector("[data-testid='stMetric']", timeout=90_000)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=60_000)
    assert page.locator("[data-testid='stTextInput'] input").input_value() == SEARCH
    yield page
    context.close()


@pytest.fixture(scope="module")
def downloads(dashboard, tmp_path_factory) -> dict[str, Path]:
    """map.html, timeline.html and the evidence pack's HTML files, as the page's buttons give them."""
    folder = tmp_path_factory.mktemp("downloads")
    got = {}
    for button, name in (("Map HTML (offline)", "map.html"), ("Timeline HTML (offline)", "timeline.html"),
                         ("Evidence pack (zip)", "evidence-pack.zip")):
        with dashboard.expect_download(timeout=120_000) as info:
            dashboard.get_by_role("button", name=button).click()
        got[name] = folder / name
        info.value.save_as(got[name])
    with zipfile.ZipFile(got["evidence-pack.zip"]) as z:
        for inner in ("map.html", "timeline.html"):
            got[f"pack/{inner}"] = folder / f"pack-{inner}"
            got[f"pack/{inner}"].write_bytes(z.read(inner))
        got["pack/README.txt"] = folder / "pack-README.txt"
        got["pack/README.txt"].write_bytes(z.read("README.txt"))
    return got


def open_offline(browser, path: Path):
    """A fresh page showing a local file, every request that is not file:// aborted and recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    blocked, errors = [], []

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    return context, page, blocked, errors


def saturated_pixels(png: bytes) -> int:
    """Pixels with a clear colour (marker fills), as opposed to the white land, pale sea and grey lines."""
    import numpy as np
    from PIL import Image

    rgb = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)
    return int(((rgb.max(axis=2) - rgb.min(axis=2)) > 80).sum())


@pytest.mark.parametrize("name", ["map.html", "pack/map.html"])
def test_the_map_export_draws_its_markers_offline_and_runs_no_script(browser, downloads, name):
    assert b"window.__pwned=3" in downloads[name].read_bytes()  # the hostile sentence is in the file
    context, page, blocked, errors = open_offline(browser, downloads[name])
    try:
        page.wait_for_function("() => window.deckInstance && window.deckInstance.isInitialized", timeout=30_000)
        page.wait_for_function("() => !window.deckInstance.needsRedraw({clearRedrawFlags: false})", timeout=30_000)
        time.sleep(1)
        canvas = page.locator("#deck-container canvas").first
        assert saturated_pixels(canvas.screenshot()) > 50  # a coloured marker drawn, not a blank canvas
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"export-{name.replace('/', '-')}.png"))
        # Hover the hostile event's marker: the tooltip shows the sentence as text.
        x, y = page.evaluate("([lon, lat]) => window.deckInstance.getViewports()[0].project([lon, lat])", list(GRODNO))
        box = canvas.bounding_box()
        page.mouse.move(box["x"] + x, box["y"] + y)
        page.wait_for_function("() => [...document.querySelectorAll('.deck-tooltip')].some(t => t.innerText.includes('Grodno'))",
                               timeout=10_000)
        tooltip = page.evaluate("() => [...document.querySelectorAll('.deck-tooltip')].map(t => t.innerText).join(' ')")
        assert SCRIPT in tooltip
        assert page.evaluate("() => window.__pwned") is None
        assert f"Filters: Search in quotes: “{SEARCH}”." in page.locator("header").inner_text()  # shown as text
        assert blocked == [] and errors == []
    finally:
        context.close()


@pytest.mark.parametrize("name", ["timeline.html", "pack/timeline.html"])
def test_the_timeline_export_draws_offline_and_says_what_it_shows(browser, downloads, name):
    context, page, blocked, errors = open_offline(browser, downloads[name])
    try:
        page.wait_for_selector(".js-plotly-plot .bars path", timeout=30_000)
        assert page.locator(".js-plotly-plot .bars path").count() > 0
        text = page.locator(".js-plotly-plot").inner_text()
        for line in ("Events and quotes per ", f"Filters: Search in quotes: “{SEARCH}”.", "0 quote(s) and 1 event(s) from 1 article(s)",
                     "Made with the Geopolitical timeline dashboard"):
            assert line in text, line
        assert page.evaluate("() => window.__pwned") is None
        assert blocked == [] and errors == []
        page.screenshot(path=str(ARTIFACTS / f"export-{name.replace('/', '-')}.png"))
    finally:
        context.close()


def test_the_pack_readme_matches_the_page(downloads):
    readme = downloads["pack/README.txt"].read_text(encoding="utf-8")
    assert f"Filters: Search in quotes: “{SEARCH}”." in readme and "Codebook of quotes.csv" in readme


@pytest.mark.parametrize(
    "query,expected",
    [
        pytest.param("icon", ":material/warning: is not an icon", id="icon shortcode"),
        pytest.param("evil.example", "see https://evil.example/login and www.evil.example", id="bare URLs"),
        pytest.param("everyone", "@everyone <img src=x onerror=window.__pwned=2>", id="mention and tag"),
    ],
)
def test_cards_show_hostile_quotes_as_plain_text(server, browser, downloads, query, expected):
    """Runs after the downloads (it opens its own pages)."""
    context = browser.new_context(viewport={"width": 1500, "height": 1300})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{server}/?q={query}")
        page.wait_for_selector("[data-testid='stExpander']", timeout=90_000)
        page.locator("[data-testid='stExpander'] summary").first.click()  # the source view, with its excerpt
        page.wait_for_timeout(500)
        main = page.locator("[data-testid='stMain']")
        assert expected in main.inner_text().replace("\u2060", "")  # word joiners are invisible
        assert main.locator("a[href*='evil']").count() == 0
        assert main.locator("[aria-label='warning icon']").count() == 0
        assert main.locator("img[src='x']").count() == 0
        assert page.evaluate("() => window.__pwned") is None and errors == []
        page.screenshot(path=str(ARTIFACTS / f"cards-{query.replace('.', '-')}.png"), full_page=True)
    finally:
        context.close()

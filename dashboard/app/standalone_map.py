"""The map as one self-contained HTML file that opens offline: the deck.gl library, the borders
and the records are all inside it, and every piece of article text in it is inert data.

deck.gl comes from the installed pydeck package, which ships the `@deck.gl/jupyter-widget`
bundle (deck.gl with its JSON converter and MapLibre) as `pydeck/nbextension/static/index.js`
for its own offline mode. pydeck's `to_html(offline=True)` is not used: its template still
links five stylesheets and scripts on CDNs and pastes the deck's JSON into a `<script>` block
unescaped, so an article sentence holding `</script><script>…` would run.
"""

from __future__ import annotations

import functools
import html
import importlib.metadata
import importlib.resources
import json

import pydeck as pdk

from . import maps
from .export_context import ExportContext
from .safe_text import script_json

TITLE = "Map of events and places"
BACKGROUND = "#eaf1f7"  # the on-page basemap's sea colour (static/map_style.json)


@functools.lru_cache(maxsize=1)
def deckgl_bundle() -> str:
    """pydeck's bundled deck.gl, safe to inline in a `<script>` element."""
    js = (importlib.resources.files("pydeck") / "nbextension" / "static" / "index.js").read_text(encoding="utf-8")
    # The bundle holds neither today; if a new pydeck did, `</script` would end the element early.
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _inline_data(layer: dict) -> dict:
    data = layer.get("data")
    if isinstance(data, str):
        if data.rstrip("/").endswith(maps.BORDERS_URL):
            return {**layer, "data": maps.borders()}
        if data.rstrip("/").endswith(maps.CITIES_URL):
            return {**layer, "data": maps.city_rows()}
        raise ValueError(f"map layer {layer.get('id')!r} would load {data!r}: a standalone map must carry its data")
    return layer


def deck_spec(deck: pdk.Deck) -> dict:
    """The deck's JSON with every layer's data inline and no basemap to fetch."""
    spec = json.loads(deck.to_json())
    spec["layers"] = [_inline_data(layer) for layer in spec.get("layers", [])]
    spec["mapStyle"] = ""  # no style: nothing to fetch; the sea colour is the page's background
    spec.pop("mapProvider", None)
    return spec


def _tooltip(deck: pdk.Deck):
    """Only a plain-text tooltip (deck.gl sets it with innerText); an HTML one is dropped."""
    tip = getattr(deck, "_tooltip", True)
    if isinstance(tip, dict):
        return {k: v for k, v in tip.items() if k in ("text", "style")} or True
    return bool(tip)


_CSS = f"""
html, body {{ margin: 0; height: 100%; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f1f1f; }}
body {{ display: flex; flex-direction: column; }}
header {{ padding: 10px 16px 8px; border-bottom: 1px solid #d0d7de; background: #fff; }}
header h1 {{ font-size: 18px; margin: 0 0 4px; }}
header p {{ font-size: 13px; margin: 2px 0; line-height: 1.35; }}
header p.legend {{ margin-top: 6px; }}
#deck-container {{ position: relative; flex: 1; min-height: 320px; background: {BACKGROUND}; }}
#deck-container canvas {{ z-index: 1; }}
footer {{ font-size: 12px; padding: 4px 16px; color: #444; background: #fff; border-top: 1px solid #d0d7de; }}
"""


def map_html(deck: pdk.Deck, context: ExportContext, legend: str = "", caption: str = "") -> str:
    """A standalone HTML page of `deck` with a header saying what it shows. Opens offline."""
    texts = [TITLE, *context.lines(), legend, caption]
    title, *lines = [html.escape(t) for t in texts]
    legend_html, caption_html = lines[-2], lines[-1]
    header_lines = "\n".join(f"    <p>{line}</p>" for line in lines[:-2])
    version = importlib.metadata.version("pydeck")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <style>{_CSS}</style>
</head>
<body>
  <header>
    <h1>{title}</h1>
{header_lines}
    {f'<p class="legend">{legend_html}</p>' if legend_html else ''}
  </header>
  <div id="deck-container" role="img" aria-label="{title}"></div>
  <footer>{caption_html or 'Borders: Natural Earth 1:10m (public domain).'} Map drawn with deck.gl (MIT licence), as bundled in pydeck {html.escape(version)} (Apache-2.0).</footer>
  <!-- deck.gl: @deck.gl/jupyter-widget bundle from pydeck {html.escape(version)} (nbextension/static/index.js) -->
  <script>{deckgl_bundle()}</script>
  <script>
    const jsonInput = {script_json(deck_spec(deck))};
    const tooltip = {script_json(_tooltip(deck))};
    window.deckInstance = createDeck({{  // a handle for whoever inspects the page
      container: document.getElementById("deck-container"),
      jsonInput, tooltip, customLibraries: null, configuration: null,
    }});
  </script>
</body>
</html>
"""

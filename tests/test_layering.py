"""One direction: the pipeline never imports streamlit or the app."""

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIPELINE = ROOT / "dashboard" / "pipeline"

PROBE = (
    "import sys, json, pkgutil, importlib\n"
    "for name in sys.argv[1:]:\n"
    "    mod = importlib.import_module(name)\n"
    "    if name == 'dashboard.pipeline':\n"
    "        for m in pkgutil.iter_modules(mod.__path__): importlib.import_module(name + '.' + m.name)\n"
    "print(json.dumps(sorted(sys.modules)))\n"
)


def modules_after_importing(*names: str) -> list[str]:
    """sys.modules of a fresh interpreter after importing `names` (and every pipeline module)."""
    out = subprocess.run([sys.executable, "-c", PROBE, *names], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_pipeline_and_cli_import_without_streamlit_or_the_app():
    loaded = modules_after_importing("dashboard.pipeline", "dashboard.cli")
    assert "dashboard.pipeline.build" in loaded and "dashboard.pipeline.store" in loaded  # the probe did import them
    assert [m for m in loaded if m.split(".")[0] == "streamlit" or m.startswith("dashboard.app")] == []


def test_the_probe_sees_streamlit_when_the_app_is_imported():
    pytest.importorskip("streamlit")
    loaded = modules_after_importing("dashboard.pipeline", "streamlit")
    assert "streamlit" in loaded  # the check above can fail


@pytest.mark.parametrize("path", sorted(PIPELINE.glob("*.py")), ids=lambda p: p.name)
def test_no_pipeline_module_names_the_app_or_streamlit(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            imported.append("." * node.level + (node.module or ""))
    forbidden = [m for m in imported if m.split(".")[0] == "streamlit" or m.startswith(("dashboard.app", "..app"))]
    assert forbidden == []

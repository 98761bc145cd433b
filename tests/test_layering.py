"""One direction: the pipeline never imports streamlit or the app."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pipeline_imports_without_streamlit():
    code = (
        "import sys, pkgutil, importlib, dashboard.pipeline as p\n"
        "for m in pkgutil.iter_modules(p.__path__): importlib.import_module('dashboard.pipeline.' + m.name)\n"
        "import dashboard.cli\n"
        "bad = [m for m in sys.modules if m.startswith(('streamlit', 'dashboard.app'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)

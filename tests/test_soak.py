"""The soak script (scripts/soak_store.py), briefly: two writers and two readers lose nothing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_short_soak_loses_nothing():
    out = subprocess.run([sys.executable, "scripts/soak_store.py", "--seconds", "6"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr[-2000:]
    assert "0 adds lost, 0 reader errors, 0 processes crashed" in out.stdout

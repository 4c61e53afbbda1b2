"""The README's Python example runs as it says (PASS, exit 0)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_python_quickstart(tmp_path):
    out = subprocess.run(
        [sys.executable, str(REPO / "examples/python_quickstart.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.rstrip().endswith("PASS")
    for name in ("mobilenet_v3_small.tflite", "mobilenet_v3_small.dynamic-int8.tflite", "mobilenet_v3_small.two-signatures.tflite"):
        assert (tmp_path / name).stat().st_size > 1_000_000

#!/usr/bin/env python3
"""Benchmark: importing torch.export archives with `edge-translate --pt2-to-mlir`.

Exports torchvision models with torch (random weights; needs the fixtures venv:
`python3 -m venv .venv-fixtures && .venv-fixtures/bin/pip install -r fixtures/requirements.txt`),
then runs the release build of edge-translate on each archive and prints the archive
size, the wall time and the process's peak memory (RSS), twice: importing only (weights
elided from the printed module) and importing plus writing the whole module as text.

    .venv-fixtures/bin/python benchmarks/bench_import.py [--models resnet18,mobilenet_v2] [--repeat 3]

Timings come from this machine and this run; they are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def export(name: str, out_dir: str) -> str:
    import torch
    import torchvision

    path = os.path.join(out_dir, f"{name}.pt2")
    if not os.path.exists(path):
        model = getattr(torchvision.models, name)(weights=None).eval()
        ep = torch.export.export(model, (torch.randn(1, 3, 224, 224),)).run_decompositions()
        torch.export.save(ep, path)
    return path


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of one run, measured by GNU time: a child
    forked from this Python process (which has torch loaded) would count the parent's
    pages in its high-water mark."""
    p = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{p.stderr}")
    wall, kb = p.stderr.strip().splitlines()[-1].split()
    return float(wall), int(kb) * 1024


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default="resnet18,mobilenet_v2,efficientnet_b0")
    p.add_argument("--repeat", type=int, default=3)
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("benchmarks need GNU time: apt-get install time")
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "edge-bench-import"))
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print("building edge-translate (release)...", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "edge-tools"], cwd=ROOT, check=True)
    tool = os.path.join(ROOT, "target", "release", "edge-translate")

    print(f"{'model':<20} {'archive MB':>10} {'import s':>9} {'peak MB':>8} {'peak/archive':>12} {'+text s':>8} {'+text peak MB':>13}")
    for name in args.models.split(","):
        path = export(name, args.work)
        size = os.path.getsize(path)
        out = os.path.join(args.work, f"{name}.mlir")
        best = min(run([tool, "--pt2-to-mlir", path, "--mlir-elide-resources", "-o", out]) for _ in range(args.repeat))
        full = min(run([tool, "--pt2-to-mlir", path, "-o", out]) for _ in range(args.repeat))
        print(
            f"{name:<20} {size / 1e6:>10.1f} {best[0]:>9.3f} {best[1] / 1e6:>8.1f} {best[1] / size:>12.2f} "
            f"{full[0]:>8.3f} {full[1] / 1e6:>13.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

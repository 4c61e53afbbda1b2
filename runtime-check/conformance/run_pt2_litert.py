#!/usr/bin/env python3
"""PyTorch to LiteRT for every fixture: `edge-translate --pt2-to-mlir`, then
`edge-opt` with `legalize-stablehlo-to-tfl`, then `edge-translate --mlir-to-tflite`,
then LiteRT on the fixture's inputs against the PyTorch outputs stored beside it.

    python run_pt2_litert.py --edge-translate PATH --edge-opt PATH --fixtures DIR --work DIR \
        [--pipeline "$(edge-convert --print-pipeline)"] [--results FILE]

One line per fixture: PASS (converted and matches), FAIL (converted but wrong, or the
.tflite does not load or run), or TODO (some op has no TFL rule yet; the ops are
named). The last line is `N passed, M failed` (TODO fixtures are neither). Exit 1 on
any FAIL. Tolerance: |got - expected| <= atol + rtol * |expected| with atol = rtol =
max(1e-4, the fixture's manifest tolerance): TFLite's kernels round differently from
PyTorch's.

--results FILE writes the verdicts as JSON, sorted, without timings (so a rerun on the
same tree gives the same file): {"pipeline": ..., "floor": ..., "fixtures": {name:
{"kind", "status", "reason", "atol", "rtol"[, "missing_ops"]}}}, where missing_ops (TODO
only) lists the operations the pipeline left unlegalized. scripts/gen-aten-support.py
reads it for the LiteRT column of docs/aten-support.md.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import litert_check  # noqa: E402

FLOOR = 1e-4


def fixtures(root: str):
    for kind in ("models", "plain", "ops"):
        d = os.path.join(root, kind)
        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if f.endswith(".pt2"):
                yield kind, f[: -len(".pt2")], os.path.join(d, f)


def tolerance_of(name, manifest) -> tuple[float, float]:
    """atol, rtol: the manifest's, raised to FLOOR."""
    tol = (manifest.get(name) or {}).get("tolerance") or {}
    return max(FLOOR, float(tol.get("atol", 0.0))), max(FLOOR, float(tol.get("rtol", 0.0)))


def missing_ops(reason: str) -> list[str]:
    prefix = "not legalized yet: "
    return reason[len(prefix):].split(", ") if reason.startswith(prefix) else []


def run_one(name, path, args, manifest) -> tuple[str, str]:
    base = path[: -len(".pt2")]
    shlo = os.path.join(args.work, name + ".shlo.mlir")
    tfl = os.path.join(args.work, name + ".tfl.mlir")
    model = os.path.join(args.work, name + ".tflite")
    p = subprocess.run([args.edge_translate, "--pt2-to-mlir", path, "-o", shlo], capture_output=True, text=True)
    if p.returncode != 0:
        return "FAIL", "import: " + " | ".join(p.stderr.strip().splitlines()[:2])
    p = subprocess.run(
        [args.edge_opt, shlo, "--pass-pipeline=" + args.pipeline, "-o", tfl],
        capture_output=True,
        text=True,
    )
    if p.returncode != 0:
        ops = sorted(set(re.findall(r"failed to legalize operation '([^']+)'", p.stderr)))
        if ops:
            return "TODO", "not legalized yet: " + ", ".join(ops)
        return "FAIL", "legalize: " + " | ".join(p.stderr.strip().splitlines()[:2])
    p = subprocess.run([args.edge_translate, "--mlir-to-tflite", tfl, "-o", model], capture_output=True, text=True)
    if p.returncode != 0:
        return "FAIL", "write: " + " | ".join(p.stderr.strip().splitlines()[:2])
    atol, rtol = tolerance_of(name, manifest)
    argv = [model, "--inputs", base + ".inputs.npz", "--expected", base + ".expected.npz",
            "--atol", str(atol), "--rtol", str(rtol), "--json"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = litert_check.main(argv)
    if code == 0:
        return "PASS", ""
    try:
        report = json.loads(out.getvalue())
        reason = report.get("error") or "; ".join(
            f"{o['name']}: {o.get('reason') or o['status']}" for o in report.get("outputs", []) if o.get("status") != "PASS")
    except ValueError:
        reason = err.getvalue().strip().splitlines()[-1:] or ["litert-check failed"]
        reason = reason[0]
    return "FAIL", f"litert: {reason}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--edge-translate", required=True)
    p.add_argument("--edge-opt", required=True)
    p.add_argument("--fixtures", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--pipeline", default="builtin.module(func.func(legalize-stablehlo-to-tfl))", help="edge-opt pipeline from StableHLO to TFL")
    p.add_argument("--results", help="write the per-fixture verdicts to this JSON file")
    args = p.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    manifest_path = os.path.join(args.fixtures, "manifest.json")
    manifest = json.load(open(manifest_path)).get("archives", {}) if os.path.exists(manifest_path) else {}
    start = time.time()
    counts = {"PASS": 0, "FAIL": 0, "TODO": 0}
    results = {}
    for kind, name, path in fixtures(args.fixtures):
        status, reason = run_one(name, path, args, manifest)
        counts[status] += 1
        atol, rtol = tolerance_of(name, manifest)
        results[name] = {"kind": kind, "status": status, "reason": reason, "atol": atol, "rtol": rtol}
        if status == "TODO":
            results[name]["missing_ops"] = missing_ops(reason)
        print(f"{status} {kind}/{name}" + (f"  # {reason}" if reason else ""), flush=True)
    print(f"# {counts['TODO']} fixtures not legalizable yet; {time.time() - start:.1f}s", file=sys.stderr)
    if args.results:
        with open(args.results, "w") as f:
            json.dump({"pipeline": args.pipeline, "floor": FLOOR, "fixtures": results}, f, indent=1, sort_keys=True)
            f.write("\n")
    print(f"{counts['PASS']} passed, {counts['FAIL']} failed")
    return 0 if counts["FAIL"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

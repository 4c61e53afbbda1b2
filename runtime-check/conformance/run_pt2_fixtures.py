#!/usr/bin/env python3
"""Imports every fixture archive with `edge-translate --pt2-to-mlir` and runs the
StableHLO with XLA against the PyTorch outputs stored beside it.

    python run_pt2_fixtures.py --edge-translate PATH --fixtures DIR --work DIR [--only PATTERN]

For each `<name>.pt2` under DIR/models and DIR/ops (with `<name>.inputs.npz` and
`<name>.expected.npz`): one line `PASS|FAIL <kind>/<name> max_abs_err tol [reason]`,
then `N passed, M failed` alone on the last line. Exit status 1 on any failure. Writes
WORK/pt2-support.md: each ATen overload with its one-op fixtures and status.
Tolerance: |got - expected| <= atol + rtol * |expected| per element, with atol/rtol
from fixtures/manifest.json (default 1e-5 each); integer and bool outputs are exact.
bfloat16 arrays are stored as their uint16 bits (NumPy has no bfloat16); the manifest
says which, and they are compared as float32.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from litert_check import CheckError, compare, load_npz  # noqa: E402
from stablehlo_check import Module, RunError, bind_inputs, entry_names  # noqa: E402

DEFAULT_TOL = (1e-5, 1e-5)

# Fixtures edge cannot import yet, with the reason. Reported as XFAIL; an XPASS (the
# fixture now passes) fails the run until its line is removed.
KNOWN_GAPS: dict[str, str] = {}


class Tol:
    def __init__(self, atol, rtol):
        self.atol = atol
        self.rtol = rtol
        self.rel_to_max = None


def fixtures(root: str):
    for kind in ("models", "plain", "ops"):
        d = os.path.join(root, kind)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".pt2"):
                yield kind, f[: -len(".pt2")], os.path.join(d, f)


def entry_of(manifest: dict, name: str) -> dict:
    e = manifest.get(name)
    return e if isinstance(e, dict) else {}


def tolerance_of(entry: dict) -> tuple[float, float]:
    tol = entry.get("tolerance") or {}
    return float(tol.get("atol", DEFAULT_TOL[0])), float(tol.get("rtol", DEFAULT_TOL[1]))


def load_manifest(root: str) -> dict:
    path = os.path.join(root, "manifest.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f).get("archives", {})


def as_float_if_bf16(a, declared: str | None):
    """bfloat16 values (stored as uint16 bits, or produced by XLA) as float32."""
    import ml_dtypes
    import numpy as np

    if declared == "bfloat16" and a.dtype == np.uint16:
        a = a.view(ml_dtypes.bfloat16)
    if a.dtype == ml_dtypes.bfloat16:
        return a.astype(np.float32)
    return a


def run_one(kind, name, path, args, manifest):
    base = path[: -len(".pt2")]
    out_mlir = os.path.join(args.work, f"{kind}-{name}.mlir")
    p = subprocess.run([args.edge_translate, "--pt2-to-mlir", path, "-o", out_mlir], capture_output=True, text=True)
    if p.returncode != 0:
        msg = (p.stderr.strip().splitlines() or ["edge-translate failed"])
        return "FAIL", None, None, "import: " + " | ".join(msg[:4])
    entry = entry_of(manifest, name)
    atol, rtol = tolerance_of(entry)
    rel = (atol, rtol)
    in_types = {i["name"]: i.get("dtype") for i in entry.get("inputs", [])}
    out_types = [o.get("dtype") for o in entry.get("outputs", [])]
    try:
        import ml_dtypes
        with open(out_mlir) as f:
            text = f.read()
        inputs = load_npz(base + ".inputs.npz", "inputs")
        inputs = {k: (v.view(ml_dtypes.bfloat16) if in_types.get(k) == "bfloat16" else v) for k, v in inputs.items()}
        expected = load_npz(base + ".expected.npz", "expected")
        arrays = bind_inputs(entry_names(text)[0], inputs)
        outs = Module(text, [a.shape for a in arrays]).run(arrays)
    except (CheckError, RunError) as e:
        return "FAIL", None, rel, str(e)
    if len(outs) != len(expected):
        return "FAIL", None, rel, f"{len(outs)} outputs, {len(expected)} expected"
    worst = 0.0
    for i, got in enumerate(outs):
        key = f"out{i}" if f"out{i}" in expected else sorted(expected)[i]
        declared = out_types[i] if i < len(out_types) else None
        got = as_float_if_bf16(got, declared)
        exp = as_float_if_bf16(expected[key], declared)
        r = compare(f"output_{i}", key, got, exp, Tol(atol, rtol))
        if r["max_abs_error"] is not None:
            worst = max(worst, float(r["max_abs_error"]))
        if r["status"] != "PASS":
            return "FAIL", worst, rel, f"output {i}: {r.get('reason') or r['status']}"
    return "PASS", worst, rel, ""


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--edge-translate", required=True)
    p.add_argument("--fixtures", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--only")
    args = p.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    manifest = load_manifest(args.fixtures)
    start = time.time()
    results = []
    for kind, name, path in fixtures(args.fixtures):
        if args.only and not fnmatch.fnmatch(name, args.only):
            continue
        status, err, rel, reason = run_one(kind, name, path, args, manifest)
        if name in KNOWN_GAPS:
            if status == "PASS":
                status, reason = "XPASS", f"passes now: remove it from KNOWN_GAPS ({KNOWN_GAPS[name]})"
            else:
                status, reason = "XFAIL", f"known gap: {KNOWN_GAPS[name]}"
        results.append((kind, name, status, err, rel, reason))
        err_s = "-" if err is None else f"{err:.3g}"
        tol_s = "-" if rel is None else f"atol={rel[0]:g},rtol={rel[1]:g}"
        print(f"{status} {kind}/{name} {err_s} {tol_s}" + (f"  # {reason}" if reason else ""), flush=True)
    passed = sum(1 for r in results if r[2] == "PASS")
    xfailed = sum(1 for r in results if r[2] == "XFAIL")
    failed = len(results) - passed - xfailed
    print(f"# {xfailed} known gaps (XFAIL)", file=sys.stderr)
    write_support(args.work, results)
    print(f"# {len(results)} fixtures in {time.time() - start:.1f}s", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and results else 1


def write_support(work, results):
    by_op = {}
    for kind, name, status, err, rel, reason in results:
        if kind != "ops":
            continue
        op = name.split("-")[0]
        by_op.setdefault(op, []).append((name, status, rel, reason))
    lines = ["| ATen overload | fixtures | status | tolerance |", "| --- | --- | --- | --- |"]
    for op in sorted(by_op):
        rows = by_op[op]
        ok = sum(1 for r in rows if r[1] == "PASS")
        gaps = sum(1 for r in rows if r[1] == "XFAIL")
        status = "pass" if ok == len(rows) else f"{ok}/{len(rows)} pass" + (f" ({gaps} known gaps)" if gaps else "")
        tols = sorted({f"atol {r[2][0]:g} + rtol {r[2][1]:g}" for r in rows if r[2]})
        lines.append(f"| `{op}` | {len(rows)} | {status} | {', '.join(tols)} |")
    models = [r for r in results if r[0] == "models"]
    lines += ["", "| model | status | max abs error |", "| --- | --- | --- |"]
    for kind, name, status, err, rel, reason in models:
        lines.append(f"| `{name}` | {status.lower()} | {'-' if err is None else f'{err:.3g}'} |")
    with open(os.path.join(work, "pt2-support.md"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())

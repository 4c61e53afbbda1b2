#!/usr/bin/env python3
"""Run the TFL op conformance cases (tfl_ops.py) through edge-translate and LiteRT.

    python run_tfl_ops.py --edge-translate PATH --work DIR [--only PATTERN]
        [--ops-from FILE] [--resolvers auto,builtin,ref] [-v]

For each case: writes DIR/cases/<id>.mlir, runs `edge-translate --mlir-to-tflite` to
DIR/cases/<id>.tflite, runs the model in LiteRT through its `serving_default`
signature, and compares every output with the case's NumPy reference. Each model runs
once per op resolver (default: `auto`, LiteRT's default kernels with the XNNPACK
delegate; `builtin`, the same kernels without a delegate; `ref`, TFLite's reference
kernels); a case passes when all its runs pass. A case may skip a resolver for a
stated reason (a gap in LiteRT, e.g. the reference resolver registering fewer op
versions).

Prints one line per case, `PASS|FAIL|XFAIL|XPASS case-id max_abs_err tol`, then
`N passed, M failed` alone on the last line. Writes DIR/support.md, a table of op,
cases, status and tolerance. Exit status 1 when a case fails (an XPASS, an xfail
case that passed, counts as a failure: remove its xfail) or, with --ops-from, when
an op listed in FILE (one op name a line) has no case; 2 on usage errors.

--only PATTERN runs the cases whose id matches the glob PATTERN (or contains it) and
skips the coverage check.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
import time
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import numpy as np  # noqa: E402
    from ai_edge_litert.interpreter import Interpreter, OpResolverType  # noqa: E402
except ImportError as e:
    sys.exit(f"run_tfl_ops: {e}; run scripts/setup.sh and use <repo>/.venv/bin/python")

import tfl_ops  # noqa: E402


def parse_args(argv):
    p = argparse.ArgumentParser(prog="run_tfl_ops", description=__doc__.split("\n\n")[0])
    p.add_argument("--edge-translate", required=True, help="the edge-translate binary")
    p.add_argument("--work", required=True, help="work directory (created)")
    p.add_argument("--only", help="run only cases whose id matches this glob or substring")
    p.add_argument("--ops-from", help="file of op names (one a line) that must each have a case")
    p.add_argument("--resolvers", default="auto,builtin,ref",
                   help="comma-separated LiteRT op resolvers to run each model with: auto "
                        "(default kernels + XNNPACK), builtin (default kernels, no delegate), "
                        "ref (reference kernels); default all three")
    p.add_argument("-v", "--verbose", action="store_true", help="print failure details in full")
    return p.parse_args(argv)


RESOLVERS = {
    "auto": "AUTO",
    "builtin": "BUILTIN_WITHOUT_DEFAULT_DELEGATES",
    "ref": "BUILTIN_REF",
}


def selected(case_id: str, pattern: str | None) -> bool:
    if not pattern:
        return True
    return fnmatch.fnmatchcase(case_id, pattern) or pattern in case_id


class CaseError(Exception):
    pass


def translate(edge_translate: str, mlir_path: str, out_path: str) -> bytes:
    if os.path.exists(out_path):
        os.remove(out_path)
    r = subprocess.run([edge_translate, "--mlir-to-tflite", mlir_path, "-o", out_path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise CaseError(f"edge-translate failed ({r.returncode}): {r.stderr.strip()}")
    with open(out_path, "rb") as f:
        return f.read()


def run_litert(model: bytes, built, resolver: str):
    try:
        interp = Interpreter(model_content=model,
                             experimental_op_resolver_type=getattr(OpResolverType, resolver))
    except Exception as e:
        raise CaseError(f"LiteRT cannot load the model: {e}") from None
    try:
        runner = interp.get_signature_runner("serving_default")
        out = runner(**built.feeds)
        # Invoked again on the same inputs, an op must give the same outputs: a state a
        # kernel overwrites (recurrent ops' variable tensors) may not carry over.
        again = runner(**built.feeds)
    except Exception as e:
        raise CaseError(f"LiteRT failed to run: {e}") from None
    missing = [n for n in built.out_names if n not in out]
    if missing:
        raise CaseError(f"LiteRT: outputs {sorted(out)} lack {missing}")
    changed = [n for n in built.out_names if not np.array_equal(np.asarray(out[n]), np.asarray(again[n]), equal_nan=True)]
    if changed:
        raise CaseError(f"LiteRT: invoked again on the same inputs, outputs {changed} differ")
    return [np.asarray(out[n]) for n in built.out_names]


def compare(got: np.ndarray, exp: np.ndarray, tol) -> tuple[float, str | None]:
    """(max abs error, failure reason or None)."""
    if got.shape != exp.shape:
        return float("inf"), f"shape {list(got.shape)} != expected {list(exp.shape)}"
    if got.dtype != exp.dtype:
        return float("inf"), f"dtype {got.dtype} != expected {exp.dtype}"
    if got.size == 0:
        return 0.0, None
    g, e = got.astype(np.float64), exp.astype(np.float64)
    with np.errstate(invalid="ignore"):
        diff = np.abs(g - e)
    diff = np.where(np.isnan(g) & np.isnan(e), 0.0, diff)
    diff = np.where(np.isnan(diff), np.inf, diff)
    ok = diff <= tol.atol + tol.rtol * np.abs(e)
    err = float(diff.max())
    if ok.all():
        return err, None
    bad = int((~ok).sum())
    worst = np.unravel_index(int(np.argmax(np.where(ok, -1, diff))), diff.shape)
    return err, (f"{bad} of {got.size} elements outside tolerance; at {list(map(int, worst))} "
                 f"got {got[worst]!r} expected {exp[worst]!r}")


def tol_text(tols) -> str:
    return "; ".join(dict.fromkeys(t.describe() for t in tols))


def run_case(case, args, cases_dir, resolvers, info):
    """(max abs error, problems); sets info["tol"] / info["token"] to the tolerance."""
    built = tfl_ops.build(case)
    info["tol"] = tol_text(built.tol)
    info["token"] = ";".join(dict.fromkeys(t.token() for t in built.tol))
    mlir_path = os.path.join(cases_dir, case.id + ".mlir")
    with open(mlir_path, "w") as f:
        f.write(built.mlir)
    model = translate(args.edge_translate, mlir_path, os.path.join(cases_dir, case.id + ".tflite"))
    max_err, problems = 0.0, []
    for res in resolvers:
        if res in case.skip_on:
            continue
        try:
            outs = run_litert(model, built, RESOLVERS[res])
        except CaseError as e:
            max_err = float("inf")
            problems.append(f"[{res}] {e}")
            continue
        for k, (got, exp, tol) in enumerate(zip(outs, built.expected, built.tol)):
            err, why = compare(got, exp, tol)
            max_err = max(max_err, err)
            if why:
                problems.append(f"[{res}] output {built.out_names[k]}: {why}")
    return max_err, problems


def catalog_ops_from_source() -> list[str]:
    """Fallback when --ops-from is not given: TFL ops with a `tflite` entry, read from
    dialects/src/tfl/ops.rs next to this checkout."""
    src = os.path.join(HERE, "..", "..", "dialects", "src", "tfl", "ops.rs")
    ops, current = [], None
    with open(src) as f:
        for line in f:
            s = line.strip()
            if s.startswith('name: "tfl.'):
                current = s.split('"')[1]
            elif s.startswith("tflite:") and current:
                if not s.startswith("tflite: None"):
                    ops.append(current)
                current = None
    return ops


def write_support(path, cases, results, ops_required):
    by_op: OrderedDict[str, list] = OrderedDict()
    for c in sorted(cases, key=lambda c: c.op):
        for op in c.ops:
            by_op.setdefault(op, []).append(c)
    for op in ops_required or []:
        by_op.setdefault(op, [])
    lines = [
        "# TFL op support in LiteRT",
        "",
        "Generated by `runtime-check/conformance/run_tfl_ops.py`: every case is a one-op",
        "model (quantize round trips add a dequantize) written by `edge-translate`, run in",
        "LiteRT (ai-edge-litert) with its default kernels and XNNPACK, without the delegate,",
        "and with its reference kernels, and compared with a NumPy reference of the op's",
        "TFLite semantics.",
        "Tolerance per element: |got - expected| <= atol + rtol * |expected|.",
        "",
        "| op | cases | status | tolerance |",
        "| --- | --- | --- | --- |",
    ]
    for op in sorted(by_op):
        cs = by_op[op]
        ran = [c for c in cs if c.id in results]
        if not cs:
            status = "**no case**"
        else:
            fails = [c.id for c in ran if results[c.id][0] in ("FAIL", "XPASS")]
            xfails = [c.id for c in ran if results[c.id][0] == "XFAIL"]
            passed = sum(results[c.id][0] == "PASS" for c in ran)
            parts = []
            if passed:
                parts.append(f"{passed} pass")
            if fails:
                parts.append("FAIL: " + ", ".join(f"`{i}`" for i in fails))
            if xfails:
                parts.append("xfail: " + ", ".join(f"`{i}`" for i in xfails))
            if len(ran) < len(cs):
                parts.append(f"{len(cs) - len(ran)} not run")
            status = "; ".join(parts)
        tols = []
        for c in ran:
            t = results[c.id][2]
            if t not in tols:
                tols.append(t)
        lines.append(f"| `{op}` | {len(cs)} | {status} | {'; '.join(tols)} |")
    notes = OrderedDict()
    for c in cases:
        if c.id not in results:
            continue
        if c.xfail:
            notes.setdefault(f"xfail: {c.xfail}", []).append(c.id)
        for res, why in c.skip_on.items():
            notes.setdefault(f"not run on the `{res}` resolver: {why}", []).append(c.id)
        if c.tol is not None and c.tol.why:
            notes.setdefault(f"tolerance {c.tol.describe()}: {c.tol.why}", []).append(c.id)
    if notes:
        lines += ["", "## Notes", ""]
        for text, ids in notes.items():
            lines.append(f"- {', '.join(f'`{i}`' for i in ids)}: {text}")
    lines.append("")
    with open(path, "w") as f:
        f.write("\n".join(lines))


def main(argv) -> int:
    args = parse_args(argv)
    resolvers = [r.strip() for r in args.resolvers.split(",") if r.strip()]
    for r in resolvers:
        if r not in RESOLVERS:
            print(f"run_tfl_ops: unknown resolver {r!r} (know {sorted(RESOLVERS)})", file=sys.stderr)
            return 2
    if not os.access(args.edge_translate, os.X_OK):
        print(f"run_tfl_ops: edge-translate not executable: {args.edge_translate}", file=sys.stderr)
        return 2
    cases_dir = os.path.join(args.work, "cases")
    os.makedirs(cases_dir, exist_ok=True)

    t0 = time.monotonic()
    cases = [c for c in tfl_ops.CASES if selected(c.id, args.only)]
    results = {}
    passed = failed = xfailed = 0
    for c in cases:
        info = {"tol": c.tol.describe() if c.tol else "-", "token": c.tol.token() if c.tol else "-"}
        try:
            err, problems = run_case(c, args, cases_dir, resolvers, info)
        except CaseError as e:
            err, problems = float("inf"), [str(e)]
        except Exception as e:  # a broken case definition is a failure, not a crash
            err, problems = float("inf"), [f"{type(e).__name__}: {e}"]
        tol = info["token"]
        if c.xfail:
            status = "XFAIL" if problems else "XPASS"
        else:
            status = "FAIL" if problems else "PASS"
        results[c.id] = (status, err, info["tol"])
        if status == "PASS":
            passed += 1
        elif status == "XFAIL":
            xfailed += 1
        else:
            failed += 1
        line = f"{status} {c.id} {err:.3g} {tol}"
        if c.xfail:
            line += f"  # xfail: {c.xfail.split(':')[0]}"
        print(line, flush=True)
        if status == "FAIL":
            for p in problems:
                print("    " + (p if args.verbose or len(p) < 2000 else p[:2000] + " ..."))
        elif status == "XPASS":
            print("    the case passes: remove its xfail")

    ops_required = None
    if not args.only:
        if args.ops_from:
            with open(args.ops_from) as f:
                ops_required = [l.strip() for l in f if l.strip() and not l.startswith("#")]
        else:
            ops_required = catalog_ops_from_source()
            print(f"note: no --ops-from; took {len(ops_required)} ops from dialects/src/tfl/ops.rs")
        covered = {op for c in cases for op in c.ops}
        for op in ops_required:
            if op not in covered:
                print(f"FAIL coverage:{op} inf no case for a catalogued op")
                failed += 1
        extra = sorted(covered - set(ops_required))
        if extra:
            print(f"note: cases for ops not in the op list: {', '.join(extra)}")

    write_support(os.path.join(args.work, "support.md"), cases, results, ops_required)
    covered_ops = len({op for c in cases for op in c.ops})
    print(f"{len(cases)} cases over {covered_ops} ops, {xfailed} xfailed, "
          f"{time.monotonic() - t0:.1f} s; support table: {os.path.join(args.work, 'support.md')}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

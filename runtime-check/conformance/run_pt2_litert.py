#!/usr/bin/env python3
"""PyTorch to LiteRT for every fixture: `edge-translate --pt2-to-mlir`, then
`edge-opt` with `legalize-stablehlo-to-tfl`, then `edge-translate --mlir-to-tflite`,
then LiteRT on the fixture's inputs against the PyTorch outputs stored beside it.

    python run_pt2_litert.py --edge-translate PATH --edge-opt PATH --fixtures DIR --work DIR \
        [--pipeline "$(edge-convert --print-pipeline)"] [--results FILE] [--only PREFIX]

One line per fixture: PASS (converted and matches), FAIL (converted but wrong, or the
.tflite does not load or run), or TODO (some op has no TFL rule yet; the ops are
named). The last line is `N passed, M failed` (TODO fixtures are neither). Exit 1 on
any FAIL. Tolerance: |got - expected| <= atol + rtol * |expected| with atol = rtol =
max(1e-4, the fixture's manifest tolerance): TFLite's kernels round differently from
PyTorch's.

Dynamic fixtures (fixtures/dynamic, exported with torch.export.Dim) are converted once
and run at each size the manifest lists (`sizes`: min, mid and max of every Dim's
range), LiteRT resizing the inputs, each output within 1e-4 of its max|expected|. The
file must also say which dims are dynamic: -1 in every dynamic dim's
`shape_signature`, and metadata `edge_dynamic_dims` equal to the manifest's
`dynamic_dims`; the sizes are run once more on one interpreter resized from each to
the next; and at the largest size LiteRT must size every tensor when they are allocated
(`dynamic_tensors.py`: a tensor left dynamic is re-planned on every invoke). A dynamic fixture the importer cannot lower yet (`cannot lower node`)
is TODO; one that converts and is wrong at any size, or lacks the ranges, is a FAIL.

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
import dynamic_tensors  # noqa: E402
import litert_check  # noqa: E402

FLOOR = 1e-4
# Dynamic fixtures: atol = DYNAMIC_REL_TO_MAX * max|expected| of each output (the bound).
DYNAMIC_REL_TO_MAX = 1e-4
DYNAMIC_METADATA = "edge_dynamic_dims"


def fixtures(root: str):
    for kind in ("models", "plain", "ops", "dynamic", "kv"):
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


def litert(model, inputs, expected, tolerance_args) -> tuple[bool, str]:
    """Runs litert_check in process: (passed, reason when not)."""
    argv = [model, "--inputs", inputs, "--expected", expected, *tolerance_args, "--json"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = litert_check.main(argv)
    if code == 0:
        return True, ""
    try:
        report = json.loads(out.getvalue())
        reason = report.get("error") or "; ".join(
            f"{o['name']}: {o.get('reason') or o['status']}" for o in report.get("outputs", []) if o.get("status") != "PASS")
    except ValueError:
        reason = err.getvalue().strip().splitlines()[-1:] or ["litert-check failed"]
        reason = reason[0]
    return False, reason


def dynamic_signature_problems(model: str, entry: dict, edge_translate: str) -> list[str]:
    """What the .tflite of a dynamic fixture gets wrong about its dynamic dims: a
    dynamic dim not -1 in its input's shape_signature, or metadata edge_dynamic_dims
    missing or different from the manifest's dynamic_dims."""
    from ai_edge_litert.interpreter import Interpreter

    want = entry.get("dynamic_dims") or {}
    problems = []
    try:
        interp = Interpreter(model_path=model)
        details = interp.get_signature_runner().get_input_details()
    except Exception as e:  # reported by the size runs too; name it once here
        return [f"LiteRT cannot read the signature: {e}"]
    for name, dims in want.items():
        d = details.get(name)
        if d is None:
            problems.append(f"no input '{name}' (inputs: {sorted(details)})")
            continue
        sig = [int(x) for x in d.get("shape_signature", d["shape"])]
        fixed = [x["dim"] for x in dims if x["dim"] >= len(sig) or sig[x["dim"]] != -1]
        if fixed:
            problems.append(f"input '{name}' has shape_signature {sig}, dims {fixed} should be -1")
    p = subprocess.run([edge_translate, "--tflite-dump", model], capture_output=True, text=True)
    prefix = f'metadata "{DYNAMIC_METADATA}" '
    line = next((ln for ln in p.stdout.splitlines() if ln.startswith(prefix)), None)
    if line is None:
        problems.append(f"no metadata '{DYNAMIC_METADATA}'")
    else:
        got = json.loads(line.split(" value=", 1)[1])
        if got != want:
            problems.append(f"metadata '{DYNAMIC_METADATA}' is {json.dumps(got, sort_keys=True)}, "
                            f"the export says {json.dumps(want, sort_keys=True)}")
    return problems


def run_one(name, path, args, manifest) -> tuple[str, str]:
    base = path[: -len(".pt2")]
    shlo = os.path.join(args.work, name + ".shlo.mlir")
    tfl = os.path.join(args.work, name + ".tfl.mlir")
    model = os.path.join(args.work, name + ".tflite")
    dynamic = "sizes" in (manifest.get(name) or {})
    p = subprocess.run([args.edge_translate, "--pt2-to-mlir", path, "-o", shlo], capture_output=True, text=True)
    if p.returncode != 0:
        if dynamic and "cannot lower node" in p.stderr:
            # The importer's "not supported yet" for a dynamic program: planned work.
            return "TODO", "import: " + " | ".join(p.stderr.strip().splitlines()[:2])
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
    if dynamic:
        return run_sizes(name, model, args, manifest[name])
    atol, rtol = tolerance_of(name, manifest)
    ok, reason = litert(model, base + ".inputs.npz", base + ".expected.npz", ["--atol", str(atol), "--rtol", str(rtol)])
    if not ok:
        return "FAIL", f"litert: {reason}"
    problems = repeat_problems(model, base + ".inputs.npz", base + ".expected.npz", atol, rtol)
    return ("FAIL", "litert, invoking again: " + "; ".join(problems)) if problems else ("PASS", "")


def has_variables(model: str) -> bool:
    """Whether the .tflite has a variable tensor (a recurrent op's state)."""
    from ai_edge_litert import schema_py_generated as schema

    with open(model, "rb") as f:
        m = schema.Model.GetRootAs(f.read(), 0)
    return any(g.Tensors(i).IsVariable() for g in (m.Subgraphs(k) for k in range(m.SubgraphsLength()))
               for i in range(g.TensorsLength()))


def repeat_problems(model, inputs_npz, expected_npz, atol, rtol) -> list[str]:
    """A model with state (variable tensors, which kernels overwrite) invoked three times
    on one interpreter must give the expected outputs every time, as PyTorch does: no
    state may carry over from one invoke to the next."""
    import numpy as np
    from ai_edge_litert.interpreter import Interpreter

    if not has_variables(model):
        return []
    run = Interpreter(model_path=model, num_threads=1).get_signature_runner()
    inputs = litert_check.load_npz(inputs_npz, "inputs")
    expected = litert_check.load_npz(expected_npz, "expected")
    problems = []
    for k in range(3):
        out = run(**inputs)
        names = sorted(out)
        for name, key in zip(names, litert_check.expected_keys(names, expected)):
            got, want = np.asarray(out[name], np.float64), expected[key]
            bad = np.abs(got - want) > atol + rtol * np.abs(want)
            if bad.any():
                problems.append(f"invoke {k + 1}: {name} differs at {int(bad.sum())} elements")
    return problems


def run_sizes(name, model, args, entry) -> tuple[str, str]:
    """A dynamic fixture's .tflite at each of its sizes; FAIL names every size that fails."""
    problems = dynamic_signature_problems(model, entry, args.edge_translate)
    if problems:
        return "FAIL", "dynamic dims: " + "; ".join(problems)
    failed = []
    for label, size in entry["sizes"].items():
        ok, reason = litert(model, os.path.join(args.fixtures, size["inputs_npz"]),
                            os.path.join(args.fixtures, size["expected_npz"]),
                            ["--rel-to-max", str(DYNAMIC_REL_TO_MAX)])
        if not ok:
            dims = ",".join(f"{k}={v}" for k, v in size["dims"].items())
            failed.append(f"{label} ({dims}): {reason}")
    if failed:
        return "FAIL", "litert: " + "; ".join(failed)
    problems = resize_problems(model, entry, args.fixtures)
    if problems:
        return "FAIL", "litert, resizing one interpreter: " + "; ".join(problems)
    # Every tensor sized when tensors are allocated: a dynamic one is re-planned on each
    # invoke and kept out of XNNPACK (a shape computed through CAST, ADD, FLOOR_DIV...).
    largest = entry["sizes"].get("max") or next(iter(entry["sizes"].values()))
    feeds = litert_check.load_npz(os.path.join(args.fixtures, largest["inputs_npz"]), "inputs")
    n, total, origins = dynamic_tensors.dynamic_origins(model, list(feeds.values()))
    if n:
        return "FAIL", f"litert re-plans {n} of {total} tensors on every invoke, from " + "; ".join(origins[:3])
    return "PASS", ""


def resize_problems(model: str, entry: dict, fixtures_dir: str) -> list[str]:
    """The sizes again on one interpreter, resized from each to the next (max, min, mid,
    max), as an application reuses it: shapes a kernel kept from an earlier size show
    up here, not in a fresh interpreter per size."""
    import numpy as np
    from ai_edge_litert.interpreter import Interpreter

    order = [label for label in ("max", "min", "mid", "max") if label in entry["sizes"]]
    run = Interpreter(model_path=model, num_threads=1).get_signature_runner()
    problems = []
    for label in order:
        size = entry["sizes"][label]
        inputs = litert_check.load_npz(os.path.join(fixtures_dir, size["inputs_npz"]), "inputs")
        expected = litert_check.load_npz(os.path.join(fixtures_dir, size["expected_npz"]), "expected")
        try:
            out = run(**inputs)
        except Exception as e:
            problems.append(f"{label}: {e}")
            continue
        names = sorted(out)
        for name, key in zip(names, litert_check.expected_keys(names, expected)):
            got, want = np.asarray(out[name]), expected[key]
            if got.shape != want.shape:
                problems.append(f"{label}: {name} has shape {list(got.shape)}, expected {list(want.shape)}")
                continue
            bound = DYNAMIC_REL_TO_MAX * float(np.max(np.abs(want))) if want.size else 0.0
            err = float(np.max(np.abs(got.astype(np.float64) - want))) if want.size else 0.0
            if not err <= bound:
                problems.append(f"{label}: {name} max abs error {err:.3g} > {bound:.3g}")
    return problems


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--edge-translate", required=True)
    p.add_argument("--edge-opt", required=True)
    p.add_argument("--fixtures", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--pipeline", default="builtin.module(func.func(legalize-stablehlo-to-tfl))", help="edge-opt pipeline from StableHLO to TFL")
    p.add_argument("--results", help="write the per-fixture verdicts to this JSON file")
    p.add_argument("--only", default="", help="run only the fixtures whose name starts with this")
    args = p.parse_args(argv)
    os.makedirs(args.work, exist_ok=True)
    manifest_path = os.path.join(args.fixtures, "manifest.json")
    manifest = json.load(open(manifest_path)).get("archives", {}) if os.path.exists(manifest_path) else {}
    start = time.time()
    counts = {"PASS": 0, "FAIL": 0, "TODO": 0}
    results = {}
    for kind, name, path in fixtures(args.fixtures):
        if not name.startswith(args.only):
            continue
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

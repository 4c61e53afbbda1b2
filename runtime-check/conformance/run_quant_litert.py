#!/usr/bin/env python3
"""Quantized fixtures (fixtures/quant, manifest kind "quant") through `edge-convert`,
run in LiteRT and compared with the quantized PyTorch graph's outputs stored beside
them, with tolerances counted in quantization steps.

    python run_quant_litert.py --edge-convert PATH --fixtures DIR --work DIR
        [--io float,int8,uint8] [--float-quantize fp16,dynamic-int8]
        [--float-fixtures cnn,mobile_block,...] [--only GLOB] [--results FILE]

Each fixture runs in up to three I/O modes:
  float  `edge-convert X.pt2 -o X.float.tflite`: float inputs and outputs, the model
         quantizes and dequantizes at its edges.
  int8   `edge-convert X.pt2 -o X.int8.tflite --io-type int8`: only for fixtures whose
  uint8  every input is read by one quantize (manifest input_quant with
         all_uses_quantized). The inputs are quantized with the scale and zero point
         of the model's input tensor, which must be the graph's (uint8: zero point +
         128); quantized outputs must carry the graph's output parameters and are
         dequantized with them. Outputs the graph leaves float may stay float.
Every conversion also writes `--report-json X.<mode>.report.json`.

Float archives quantized by the converter: each --float-fixtures archive (float models
from fixtures/models and fixtures/plain) goes through `edge-convert X.pt2 --quantize
fp16` and `--quantize dynamic-int8` and is compared with the float PyTorch outputs:
|got - want| <= F x max|want| per output, F = 2e-3 for fp16 and 3e-2 for dynamic-int8,
and the .tflite must hold float16 (fp16) or int8 (dynamic-int8) tensors, so that a
converter ignoring the flag does not pass. litert-torch 0.10's ai-edge-quantizer recipes
on cnn, mobile_block, encoder_layer and unet_block reach at most 2.7e-4 (fp16: about a
quarter of float16's epsilon, 9.8e-4) and 7.0e-3 (dynamic-int8: about one int8 step,
1/127 of the range), so F leaves 7x and 4x.

One line per fixture and mode: PASS or FAIL, with per-output figures; the last line
is `N passed, M failed`. Exit 1 on any FAIL.

Tolerance (fixtures/README.md, "Quantized fixtures", says why these numbers):
  * an output the graph quantizes (manifest output_quant): the error in output
    quantization steps, |got - want| / scale, must be <= max_steps (2) everywhere
    and <= mean_steps (0.5) on average. TFLite's int8 kernels requantize with
    fixed-point multipliers and round ties away from zero, PyTorch's reference
    rounds a float result half to even, so single elements land one step off and a
    one-step difference can move a later layer by about one more; a mean above half
    a step is a systematic error (a wrong zero point, bias or rounding), not noise.
  * a float output: |got - want| <= float_output_atol (2 x how far quantization moved
    that output from the float model's: a different but correct rounding of the
    same quantized computation lands within that distance again).

--results FILE writes the verdicts as JSON, sorted, without timings.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import litert_check  # noqa: E402

MODES = ("float", "int8", "uint8")
FLOAT_QUANTIZE = {"fp16": 2e-3, "dynamic-int8": 3e-2}  # F: allowed error / max|want|
FLOAT_QUANTIZE_DTYPE = {"fp16": "float16", "dynamic-int8": "int8"}  # the .tflite must hold such tensors
FLOAT_FIXTURES = ("cnn", "mobile_block", "encoder_layer", "unet_block")
# The model's I/O parameters must be the graph's: float32 scales survive a round
# trip through the flatbuffer exactly, so only printing noise is allowed.
SCALE_RTOL = 1e-6
ERROR_LINES = 3


class Failure(Exception):
    """A FAIL verdict with its reason."""


def quant_fixtures(root: str, manifest: dict, only: str | None):
    for name, e in sorted(manifest.items()):
        if not isinstance(e, dict) or e.get("kind") != "quant":
            continue
        if only and not fnmatch.fnmatch(name, only):
            continue
        yield name, e, os.path.join(root, e["archive"])


def io_quantizable(entry: dict) -> bool:
    """Whether an int8-I/O model is equivalent to the graph: every input is read only
    by quantize nodes with one set of parameters."""
    ins = entry.get("quantization", {}).get("input_quant") or []
    return bool(ins) and all(q is not None and q.get("all_uses_quantized") for q in ins)


def first_lines(text: str) -> str:
    """The head of an error message (of a Python traceback, its tail)."""
    lines = [l for l in text.strip().splitlines() if l.strip()]
    if any(l.startswith("Traceback (most recent call last)") for l in lines):
        lines = lines[-ERROR_LINES:]
    return " | ".join(lines[:ERROR_LINES]) or "no output"


def convert(edge_convert: str, pt2: str, out: str, report: str, mode: str) -> None:
    for p in (out, report):
        if os.path.exists(p):
            os.remove(p)
    cmd = [edge_convert, pt2, "-o", out, "--report-json", report]
    if mode != "float":
        cmd += ["--io-type", mode]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise Failure(f"edge-convert{'' if mode == 'float' else ' --io-type ' + mode}: {first_lines(p.stderr or p.stdout)}")
    if not os.path.exists(out):
        raise Failure(f"edge-convert exited 0 but wrote no {out}")


def tensor_qparams(d: dict) -> tuple[float, int] | None:
    """(scale, zero point) of a per-tensor quantized tensor from LiteRT's details."""
    qp = d.get("quantization_parameters") or {}
    scales, zps = qp.get("scales"), qp.get("zero_points")
    if scales is not None and len(scales):
        if len(scales) != 1:
            raise Failure(f"tensor '{d['name']}' is quantized per channel ({len(scales)} scales), expected per tensor")
        return float(scales[0]), int(zps[0])
    scale, zp = d.get("quantization", (0.0, 0))
    return (float(scale), int(zp)) if scale else None


def same_scale(a: float, b: float) -> bool:
    return abs(a - b) <= SCALE_RTOL * max(abs(a), abs(b))


def expect_qparams(what: str, d: dict, want: dict, mode: str) -> tuple[float, int]:
    """The tensor's (scale, zero point), checked against the graph's for this mode."""
    import numpy as np

    dtype = np.dtype(d["dtype"])
    if dtype.name != mode:
        raise Failure(f"{what} '{d['name']}' is {dtype.name}, --io-type {mode} should make it {mode}")
    qp = tensor_qparams(d)
    if qp is None:
        raise Failure(f"{what} '{d['name']}' is {dtype.name} without quantization parameters")
    scale, zp = qp
    want_zp = want["zero_point"] + (128 if mode == "uint8" and want["dtype"] == "int8" else 0)
    if not same_scale(scale, want["scale"]) or zp != want_zp:
        raise Failure(f"{what} '{d['name']}' has scale {scale:.9g} zero point {zp}, the graph's quantize has "
                      f"scale {want['scale']:.9g} zero point {want_zp} ({mode})")
    return scale, zp


def quantize(x, scale: float, zp: int, dtype):
    """What a user does with an int8 input: round(x / scale) + zero point, clamped."""
    import numpy as np

    info = np.iinfo(dtype)
    return np.clip(np.round(x.astype(np.float64) / scale) + zp, info.min, info.max).astype(dtype)


def output_keys(names: list[str], expected: dict) -> list[str]:
    """The expected npz key of each model output, as litert_check binds them."""
    try:
        return litert_check.expected_keys(names, expected)
    except litert_check.CheckError as e:
        raise Failure(str(e)) from None


def compare(got, want, oq: dict | None, atol: float, tol: dict) -> dict:
    """Figures and verdict of one output; got is already float (dequantized)."""
    import numpy as np

    r = {"shape": list(got.shape)}
    if got.shape != want.shape:
        r.update(status="FAIL", reason=f"shape {list(got.shape)} != expected {list(want.shape)}")
        return r
    g, w = got.astype(np.float64), want.astype(np.float64)
    with np.errstate(invalid="ignore"):
        err = np.abs(g - w)
    err = np.where(np.isnan(err), np.inf, err)
    r["max_abs_error"] = float(err.max()) if err.size else 0.0
    if oq is not None:
        steps = err / oq["scale"]
        r["kind"] = "quantized"
        r["scale"] = oq["scale"]
        r["max_steps"] = float(steps.max()) if steps.size else 0.0
        r["mean_steps"] = float(steps.mean()) if steps.size else 0.0
        r["within_1_step"] = float(np.mean(steps <= 1.0 + 1e-6)) if steps.size else 1.0
        # A tiny slack: dequantized values are float32 multiples of the scale.
        bad = []
        if r["max_steps"] > tol["max_steps"] + 1e-3:
            bad.append(f"max {r['max_steps']:.3g} steps > {tol['max_steps']}")
        if r["mean_steps"] > tol["mean_steps"]:
            bad.append(f"mean {r['mean_steps']:.3g} steps > {tol['mean_steps']}")
    else:
        r["kind"] = "float"
        r["atol"] = atol
        n_bad = int(np.count_nonzero(err > atol))
        bad = [f"{n_bad} of {err.size} elements off by more than {atol:.3g} (max {r['max_abs_error']:.3g})"] if n_bad else []
    r["status"] = "FAIL" if bad else "PASS"
    if bad:
        r["reason"] = "; ".join(bad)
    return r


def summary(r: dict) -> str:
    if r.get("kind") == "quantized":
        return f"{r['max_steps']:.2f}/{r['mean_steps']:.3f} steps max/mean"
    if r.get("kind") == "float":
        return f"err {r['max_abs_error']:.3g} (atol {r['atol']:.3g})"
    return r.get("reason", "")


def run_mode(name: str, entry: dict, pt2: str, mode: str, args) -> dict:
    import numpy as np

    q = entry["quantization"]
    tol = entry["tolerance"]
    model = os.path.join(args.work, f"{name}.{mode}.tflite")
    report = os.path.join(args.work, f"{name}.{mode}.report.json")
    res: dict = {"status": "FAIL", "reason": "", "outputs": {}}
    try:
        convert(args.edge_convert, pt2, model, report, mode)
        base = pt2[: -len(".pt2")]
        inputs = litert_check.load_npz(base + ".inputs.npz", "inputs")
        expected = litert_check.load_npz(base + ".expected.npz", "expected")
        try:
            interp = litert_check.load_interpreter(model, 1)
            binding = litert_check.Binding(interp, None)
            bound = binding.match_inputs(inputs)
        except litert_check.CheckError as e:
            raise Failure(f"litert: {e}") from None
        feed = []
        in_quant = {d["name"]: d for d in q["input_quant"] if d is not None}
        for i, (n, key, a, d) in enumerate(bound):
            if mode == "float":
                if np.dtype(d["dtype"]) != a.dtype:
                    raise Failure(f"input '{n}' is {np.dtype(d['dtype']).name}, float I/O should keep it {a.dtype.name}")
            else:
                want = in_quant.get(key) or q["input_quant"][i]
                scale, zp = expect_qparams("input", d, want, mode)
                a = quantize(a, scale, zp, np.dtype(mode))
            feed.append((n, key, a, d))
        try:
            outs = binding.run(feed)
        except Exception as e:
            raise Failure(f"litert: LiteRT failed to run {model}: {e}") from None
        out_details = dict(binding.outputs)
        keys = output_keys([n for n, _ in outs], expected)
        statuses = []
        for (n, got), key in zip(outs, keys):
            k = int(key[3:]) if re.fullmatch(r"out\d+", key) else None
            oq = q["output_quant"][k] if k is not None and k < len(q["output_quant"]) else None
            d = out_details[n]
            if np.dtype(d["dtype"]).kind in "iu":
                if mode == "float":
                    raise Failure(f"output '{n}' is {np.dtype(d['dtype']).name}, float I/O should make it float32")
                if oq is None:
                    raise Failure(f"output '{n}' is {np.dtype(d['dtype']).name} but the graph leaves it float")
                scale, zp = expect_qparams("output", d, oq, mode)
                got = (got.astype(np.float64) - zp) * scale
            atol = (tol.get("float_output_atol") or [0.0] * len(outs))[k if k is not None else 0]
            r = compare(got, expected[key], oq, atol, tol)
            res["outputs"][key] = r
            statuses.append(r["status"])
        if all(s == "PASS" for s in statuses):
            res["status"] = "PASS"
        else:
            res["reason"] = "; ".join(f"{k}: {r['reason']}" for k, r in res["outputs"].items() if r["status"] != "PASS")
    except Failure as e:
        res["reason"] = str(e)
    if os.path.exists(report):
        try:
            with open(report) as f:
                res["report"] = json.load(f)
        except ValueError as e:
            res["report_error"] = f"--report-json wrote invalid JSON: {e}"
    return res


def jsonable(x):
    """Non-finite floats (an inf error where LiteRT gave NaN) as strings."""
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    if isinstance(x, dict):
        return {k: jsonable(v) for k, v in x.items()}
    if isinstance(x, list):
        return [jsonable(v) for v in x]
    return x


def tensor_dtypes(path: str) -> set[str]:
    """The element types of every tensor in a .tflite (numpy names)."""
    import numpy as np
    from ai_edge_litert import schema_py_generated as fb

    names = {v: k for k, v in vars(fb.TensorType).items() if not k.startswith("_")}
    with open(path, "rb") as f:
        m = fb.Model.GetRootAsModel(f.read(), 0)
    res = set()
    for s in range(m.SubgraphsLength()):
        sg = m.Subgraphs(s)
        for t in range(sg.TensorsLength()):
            n = names.get(sg.Tensors(t).Type(), "?").lower()
            res.add({"float32": "float32", "float16": "float16", "int8": "int8"}.get(n, n))
    return res


def run_float_quantize(name: str, entry: dict, pt2: str, qmode: str, args) -> dict:
    """`edge-convert --quantize qmode` on a float archive, against its float outputs."""
    import numpy as np

    model = os.path.join(args.work, f"{name}.{qmode}.tflite")
    report = os.path.join(args.work, f"{name}.{qmode}.report.json")
    res: dict = {"status": "FAIL", "reason": "", "outputs": {}}
    factor = FLOAT_QUANTIZE[qmode]
    try:
        for p in (model, report):
            if os.path.exists(p):
                os.remove(p)
        cmd = [args.edge_convert, pt2, "-o", model, "--report-json", report, "--quantize", qmode]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            raise Failure(f"edge-convert --quantize {qmode}: {first_lines(p.stderr or p.stdout)}")
        if not os.path.exists(model):
            raise Failure(f"edge-convert exited 0 but wrote no {model}")
        res["bytes"] = os.path.getsize(model)
        want_dtype = FLOAT_QUANTIZE_DTYPE[qmode]
        if want_dtype not in tensor_dtypes(model):
            # A model whose weights are all too small for int8 is fine when the report
            # says so for each of them.
            with open(report) as f:
                notes = json.load(f).get("notes", [])
            small = any("fewer than" in n.get("message", "") for n in notes)
            if not small:
                raise Failure(f"--quantize {qmode} left no {want_dtype} tensor in the model, and the notes say no weight was too small")
            res["reason"] = "every weight below the size threshold (the notes say so)"
        base = pt2[: -len(".pt2")]
        inputs = litert_check.load_npz(base + ".inputs.npz", "inputs")
        expected = litert_check.load_npz(base + ".expected.npz", "expected")
        try:
            interp = litert_check.load_interpreter(model, 1)
            binding = litert_check.Binding(interp, None)
            bound = binding.match_inputs(inputs)
            outs = binding.run(bound)
        except Exception as e:
            raise Failure(f"litert: {e}") from None
        keys = output_keys([n for n, _ in outs], expected)
        for (n, got), key in zip(outs, keys):
            want = expected[key]
            if want.dtype.kind not in "fc":
                ok = got.shape == want.shape and np.array_equal(got, want)
                res["outputs"][key] = {"status": "PASS" if ok else "FAIL", "kind": "exact",
                                       **({} if ok else {"reason": "integer output differs"})}
                continue
            atol = factor * float(np.max(np.abs(want))) if want.size else 0.0
            res["outputs"][key] = compare(got, want, None, atol, {})
        bad = {k: r for k, r in res["outputs"].items() if r["status"] != "PASS"}
        if bad:
            res["reason"] = "; ".join(f"{k}: {r['reason']}" for k, r in bad.items())
        else:
            res["status"] = "PASS"
    except Failure as e:
        res["reason"] = str(e)
    return res


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description="Quantized fixtures through edge-convert, checked in LiteRT.")
    p.add_argument("--edge-convert", required=True)
    p.add_argument("--fixtures", required=True, help="the fixtures directory (with manifest.json)")
    p.add_argument("--work", required=True)
    p.add_argument("--io", default=",".join(MODES), help="I/O modes to run (default float,int8,uint8)")
    p.add_argument("--float-quantize", default=",".join(FLOAT_QUANTIZE),
                   help="--quantize modes run on the float fixtures (default fp16,dynamic-int8; '' for none)")
    p.add_argument("--float-fixtures", default=",".join(FLOAT_FIXTURES),
                   help=f"float archives for --float-quantize (default {','.join(FLOAT_FIXTURES)})")
    p.add_argument("--only", metavar="GLOB", help="only fixtures whose name matches")
    p.add_argument("--results", help="write the verdicts to this JSON file")
    args = p.parse_args(argv)
    modes = [m for m in args.io.split(",") if m]
    bad = [m for m in modes if m not in MODES]
    if bad:
        p.error(f"unknown I/O modes {bad}; known: {', '.join(MODES)}")
    qmodes = [m for m in args.float_quantize.split(",") if m]
    bad = [m for m in qmodes if m not in FLOAT_QUANTIZE]
    if bad:
        p.error(f"unknown --float-quantize modes {bad}; known: {', '.join(FLOAT_QUANTIZE)}")
    os.makedirs(args.work, exist_ok=True)
    manifest = json.load(open(os.path.join(args.fixtures, "manifest.json"))).get("archives", {})
    start = time.time()
    counts = {"PASS": 0, "FAIL": 0}
    results: dict = {}
    skipped = []
    for name, entry, pt2 in quant_fixtures(args.fixtures, manifest, args.only):
        results[name] = {}
        for mode in modes:
            if mode != "float" and not io_quantizable(entry):
                skipped.append(f"{name}/{mode}")
                continue
            r = run_mode(name, entry, pt2, mode, args)
            results[name][mode] = r
            counts[r["status"]] += 1
            figures = ", ".join(f"{k} {summary(o)}" for k, o in r["outputs"].items())
            line = f"{r['status']} quant/{name} [{mode}]"
            if figures:
                line += f"  {figures}"
            if r["reason"]:
                line += f"  # {r['reason']}"
            print(line, flush=True)
    for name in [n for n in args.float_fixtures.split(",") if n]:
        entry = manifest.get(name)
        if not isinstance(entry, dict) or entry.get("kind") not in ("model", "plain"):
            p.error(f"--float-fixtures: {name} is not a float model archive in the manifest")
        if args.only and not fnmatch.fnmatch(name, args.only):
            continue
        results.setdefault(name, {})
        for qmode in qmodes:
            r = run_float_quantize(name, entry, os.path.join(args.fixtures, entry["archive"]), qmode, args)
            results[name][qmode] = r
            counts[r["status"]] += 1
            figures = ", ".join(f"{k} {summary(o)}" for k, o in r["outputs"].items() if o.get("kind") == "float")
            line = f"{r['status']} {entry['kind']}s/{name} [--quantize {qmode}]"
            if figures:
                line += f"  {figures}"
            if r["reason"]:
                line += f"  # {r['reason']}"
            print(line, flush=True)
    if skipped:
        print(f"# not run (inputs not all quantized by the graph): {', '.join(skipped)}", file=sys.stderr)
    print(f"# {time.time() - start:.1f}s", file=sys.stderr)
    if args.results:
        with open(args.results, "w") as f:
            json.dump(jsonable({"modes": modes, "float_quantize": {m: FLOAT_QUANTIZE[m] for m in qmodes},
                                "fixtures": results}), f, indent=1, sort_keys=True)
            f.write("\n")
    print(f"{counts['PASS']} passed, {counts['FAIL']} failed")
    return 0 if counts["FAIL"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

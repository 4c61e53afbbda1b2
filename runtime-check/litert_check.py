#!/usr/bin/env python3
"""Run a .tflite model in LiteRT on inputs from an .npz and compare its outputs.

    python litert_check.py MODEL.tflite --inputs IN.npz [--expected EXP.npz]
        [--atol A | --rel-to-max F] [--rtol R] [--threads N] [--signature KEY]
        [--print-outputs] [--save-outputs OUT.npz] [--json]

Binding of inputs:
  * signature: when the model has SignatureDefs, the signature `serving_default`
    (or --signature KEY, or the only one there is) is run; npz keys are the
    signature's input names, and outputs are named by the signature's outputs.
  * position: when the model has no signatures, inputs are the subgraph inputs in
    order; npz keys are `arg0`, `arg1`, ... or the input tensor names. Outputs
    are the subgraph outputs, named by their tensor names.
  Inputs whose shape differs from the model's are resized when the shape fits
  the tensor's shape_signature (-1 is a dynamic dimension).

Comparison: the expected array of an output is found by the output's name, or
by its position (`out0`, `out1`, ...). An element passes when
    |got - exp| <= atol + rtol * |exp|
and NaN positions must match (equal infinities match). Defaults for floating
outputs: atol 1e-6, rtol 1e-5 when neither --atol nor --rtol is given (giving
one sets the other to 0). `--rel-to-max F` sets atol = F * max|exp| for
each output (rtol 0 unless --rtol is given). Integer and bool outputs compare
exactly unless a tolerance option is given.

Exit codes: 0 all outputs pass (or nothing to compare), 1 an output does not
match, 2 usage or input error, or the model fails to load or run.
With --json a report is printed on stdout (also for errors, status "ERROR").
"""

from __future__ import annotations

import argparse
import json
import re
import math
import os
import sys
from typing import Any

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
DEFAULT_FLOAT_ATOL = 1e-6
DEFAULT_FLOAT_RTOL = 1e-5
PROG = "litert-check"


class CheckError(Exception):
    """An expected error: reported as `litert-check: error: ...`, exit 2."""


class ArgParser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors: same exit code, no traceback
        self.print_usage(sys.stderr)
        raise CheckError(message)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = ArgParser(
        prog=PROG,
        description="Run a .tflite model in LiteRT and compare with expected outputs.",
        epilog="Exit codes: 0 pass, 1 mismatch, 2 usage/input/model error.",
    )
    p.add_argument("model", help="the .tflite file")
    p.add_argument("--inputs", required=True, help=".npz of input arrays")
    p.add_argument("--expected", help=".npz of expected output arrays")
    tol = p.add_mutually_exclusive_group()
    tol.add_argument("--atol", type=float, help=f"absolute tolerance (floats: default {DEFAULT_FLOAT_ATOL})")
    p.add_argument("--rtol", type=float, help=f"relative tolerance (floats: default {DEFAULT_FLOAT_RTOL})")
    tol.add_argument(
        "--rel-to-max", type=float, metavar="F",
        help="atol = F * max|expected| per output (rtol 0); not with --atol",
    )
    p.add_argument("--threads", type=int, default=1, help="interpreter threads (default 1)")
    p.add_argument("--signature", help="signature key to run (default: serving_default)")
    p.add_argument("--print-outputs", action="store_true", help="print the output arrays")
    p.add_argument("--save-outputs", metavar="OUT.npz", help="save the outputs, by name, to an .npz")
    p.add_argument("--json", action="store_true", help="print a JSON report on stdout")
    args = p.parse_args(argv)
    for name in ("atol", "rtol", "rel_to_max"):
        v = getattr(args, name)
        if v is not None and not (v >= 0 and math.isfinite(v)):
            p.error(f"--{name.replace('_', '-')} must be a finite number >= 0, got {v}")
    if args.threads < 1:
        p.error(f"--threads must be >= 1, got {args.threads}")
    return args


# --- JSON helpers -------------------------------------------------------------


def jfloat(x: float | None) -> Any:
    """A float for JSON: non-finite values become the strings "inf", "-inf", "nan"."""
    if x is None:
        return None
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def jvalues(a) -> Any:
    """Array values for JSON (nested lists; non-finite floats as strings)."""
    import numpy as np

    if a.dtype.kind == "c":
        a = a.real
    if a.dtype.kind == "f":
        flat = [jfloat(v) for v in a.reshape(-1).tolist()]
        return np.array(flat, dtype=object).reshape(a.shape).tolist()
    if a.dtype.kind in "biu":
        return a.tolist()
    return [str(v) for v in a.reshape(-1)]


def fmt(x: float | str | None) -> str:
    if x is None:
        return "n/a"
    return x if isinstance(x, str) else f"{x:.6g}"


def dtype_name(dt) -> str:
    import numpy as np

    return np.dtype(dt).name


# --- loading ------------------------------------------------------------------


def load_npz(path: str, what: str) -> dict[str, Any]:
    import numpy as np

    if not os.path.isfile(path):
        raise CheckError(f"{what} file not found: {path}")
    try:
        with np.load(path, allow_pickle=False) as z:
            if not hasattr(z, "files"):
                raise CheckError(f"{what} file {path} is a single .npy array, not an .npz archive")
            return {k: z[k] for k in z.files}
    except CheckError:
        raise
    except Exception as e:  # zipfile.BadZipFile, ValueError, OSError, ...
        raise CheckError(f"cannot read {what} file {path}: {e}") from None


def load_interpreter(model: str, threads: int):
    try:
        from ai_edge_litert.interpreter import Interpreter
    except ImportError as e:
        raise CheckError(
            f"cannot import ai_edge_litert ({e}); run scripts/setup.sh and use .venv/bin/python"
        ) from None
    if not os.path.isfile(model):
        raise CheckError(f"model file not found: {model}")
    try:
        return Interpreter(model_path=model, num_threads=threads)
    except Exception as e:
        raise CheckError(f"LiteRT failed to load {model}: {e}") from None


# --- binding ------------------------------------------------------------------


class Binding:
    """Which model input each npz array goes to, and how the model is run."""

    def __init__(self, interp, signature: str | None):
        self.interp = interp
        sigs = interp.get_signature_list()
        self.runner = None
        if sigs:
            if signature is None:
                if "serving_default" in sigs:
                    signature = "serving_default"
                elif len(sigs) == 1:
                    signature = next(iter(sigs))
                else:
                    raise CheckError(
                        f"model has signatures {sorted(sigs)} but none is 'serving_default'; "
                        "choose one with --signature"
                    )
            elif signature not in sigs:
                raise CheckError(f"model has no signature {signature!r} (it has {sorted(sigs)})")
            self.kind = "signature"
            self.signature = signature
            self.runner = interp.get_signature_runner(signature)
            in_details = self.runner.get_input_details()
            out_details = self.runner.get_output_details()
            # The order the signature lists them in.
            self.inputs = [(n, in_details[n]) for n in sigs[signature]["inputs"]]
            self.outputs = [(n, out_details[n]) for n in sigs[signature]["outputs"]]
            self.description = (
                f"signature '{signature}' (npz keys = signature input names)"
            )
        else:
            if signature is not None:
                raise CheckError(f"--signature {signature}: the model has no signatures")
            self.kind = "position"
            self.signature = None
            self.inputs = [(d["name"], d) for d in interp.get_input_details()]
            self.outputs = [(d["name"], d) for d in interp.get_output_details()]
            self.description = (
                "position (model has no signatures; npz keys = arg0, arg1, ... or input tensor names)"
            )

    def match_inputs(self, arrays: dict[str, Any]) -> list[tuple[str, str, Any, dict]]:
        """[(model input name, npz key, array, details)] in model input order."""
        names = [n for n, _ in self.inputs]
        keys = set(arrays)
        if self.kind == "signature":
            mapping = {n: n for n in names}
        else:
            positional = [f"arg{i}" for i in range(len(names))]
            if keys and keys <= set(positional):
                mapping = dict(zip(names, positional))
            elif keys <= set(names):
                mapping = {n: n for n in names}
            else:
                raise CheckError(
                    f"inputs npz keys {sorted(keys)} are neither positional "
                    f"({', '.join(positional)}) nor the model's input names {names}"
                )
        missing = [mapping[n] for n in names if mapping[n] not in arrays]
        extra = sorted(keys - set(mapping.values()))
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {missing}")
            if extra:
                parts.append(f"unknown {extra}")
            raise CheckError(
                f"inputs npz does not match the model's inputs ({'; '.join(parts)}); "
                f"bound by {self.kind}, the model expects keys {[mapping[n] for n in names]}"
            )
        return [(n, mapping[n], arrays[mapping[n]], d) for n, d in self.inputs]

    def run(self, bound) -> list[tuple[str, Any]]:
        import numpy as np

        if self.runner is not None:
            out = self.runner(**{n: a for n, _, a, _ in bound})
            return [(n, np.asarray(out[n])) for n, _ in self.outputs]
        interp = self.interp
        for _, _, a, d in bound:
            if tuple(a.shape) != tuple(d["shape"]):
                interp.resize_tensor_input(d["index"], list(a.shape))
        interp.allocate_tensors()
        for _, _, a, d in bound:
            interp.set_tensor(d["index"], a)
        interp.invoke()
        return [(n, np.array(interp.get_tensor(d["index"]))) for n, d in self.outputs]


def check_input(name: str, key: str, a, d) -> bool:
    """Checks dtype and shape of one input; returns whether it needs a resize."""
    import numpy as np

    want_dtype = np.dtype(d["dtype"])
    if a.dtype != want_dtype:
        raise CheckError(
            f"input '{name}' (npz key '{key}'): dtype {a.dtype.name} does not match "
            f"the model's {want_dtype.name}"
        )
    shape = tuple(int(x) for x in d["shape"])
    sig = d.get("shape_signature")
    sig = tuple(int(x) for x in sig) if sig is not None and len(sig) else shape
    if tuple(a.shape) == shape:
        return False
    fits = len(a.shape) == len(sig) and all(s == -1 or s == g for s, g in zip(sig, a.shape))
    if not fits:
        raise CheckError(
            f"input '{name}' (npz key '{key}'): shape {list(a.shape)} does not match "
            f"the model's {list(shape)} (shape_signature {list(sig)}; -1 = dynamic)"
        )
    return True


# --- comparison ---------------------------------------------------------------


def compare(name: str, key: str, got, exp, args) -> dict[str, Any]:
    import numpy as np

    r: dict[str, Any] = {
        "name": name,
        "expected_key": key,
        "shape": list(got.shape),
        "dtype": got.dtype.name,
        "expected_shape": list(exp.shape),
        "expected_dtype": exp.dtype.name,
        "max_abs_error": None,
        "max_rel_error": None,
        "atol": None,
        "rtol": None,
        "tolerance": None,
        "mismatches": 0,
        "elements": int(got.size),
        "worst_index": None,
        "worst_got": None,
        "worst_expected": None,
        "status": "FAIL",
        "reason": None,
    }
    if got.shape != exp.shape:
        r["reason"] = f"shape {list(got.shape)} != expected {list(exp.shape)}"
        r["mismatches"] = None
        return r
    gk, ek = got.dtype.kind, exp.dtype.kind
    numeric = "biufc"
    if gk not in numeric or ek not in numeric:
        equal = got == exp
        r["mismatches"] = int(np.count_nonzero(~equal))
        r["tolerance"] = "exact"
        r["status"] = "PASS" if r["mismatches"] == 0 else "FAIL"
        if r["mismatches"]:
            r["reason"] = f"{r['mismatches']} of {got.size} elements differ"
        return r
    floating = gk in "fc" or ek in "fc"
    if floating and (gk not in "fc" or ek not in "fc"):
        r["reason"] = f"dtype {got.dtype.name} is not comparable with expected {exp.dtype.name}"
        r["mismatches"] = None
        return r

    tol_given = args.atol is not None or args.rtol is not None or args.rel_to_max is not None
    g = got.astype(np.complex128 if "c" in (gk, ek) else np.float64)
    e = exp.astype(g.dtype)
    ae = np.abs(e)
    max_exp = float(np.max(ae[np.isfinite(ae)])) if np.any(np.isfinite(ae)) else 0.0
    if args.rel_to_max is not None:
        atol = args.rel_to_max * max_exp
        rtol = args.rtol if args.rtol is not None else 0.0
        r["tolerance"] = (
            f"|d| <= {args.rel_to_max:g} x max|exp| ({atol:.6g})"
            + (f" + {rtol:g}*|exp|" if rtol else "")
        )
    elif floating or tol_given:
        atol = args.atol if args.atol is not None else (DEFAULT_FLOAT_ATOL if floating and args.rtol is None else 0.0)
        rtol = args.rtol if args.rtol is not None else (DEFAULT_FLOAT_RTOL if floating and args.atol is None else 0.0)
        r["tolerance"] = f"|d| <= {atol:g} + {rtol:g}*|exp|"
    else:
        atol = rtol = 0.0
        r["tolerance"] = "exact"
    r["atol"], r["rtol"] = atol, rtol

    if gk in "biu" and ek in "biu" and r["tolerance"] == "exact":
        # Exact integer comparison without going through float64.
        ok = got.astype(np.int64) == exp.astype(np.int64) if got.dtype != exp.dtype else got == exp
        diff = np.abs(g - e)
    else:
        nan_g, nan_e = np.isnan(g), np.isnan(e)
        same_special = (nan_g & nan_e) | (np.isinf(g) & np.isinf(e) & (g == e))
        with np.errstate(invalid="ignore", over="ignore"):
            diff = np.abs(g - e)
            ok = same_special | (diff <= atol + rtol * ae)
        diff = np.where(same_special, 0.0, diff)
        diff = np.where(np.isnan(diff), np.inf, diff)  # NaN vs number: infinitely wrong
    r["mismatches"] = int(np.count_nonzero(~ok))
    if diff.size:
        r["max_abs_error"] = float(np.max(diff))
        nz = (ae > 0) & np.isfinite(ae)
        if np.any(nz):
            r["max_rel_error"] = float(np.max(diff[nz] / ae[nz]))
        worst = np.unravel_index(int(np.argmax(np.where(ok, -1.0, diff) if r["mismatches"] else diff)), diff.shape)
        r["worst_index"] = [int(i) for i in worst]
        r["worst_got"] = jfloat(g[worst].real) if floating else int(got[worst])
        r["worst_expected"] = jfloat(e[worst].real) if floating else int(exp[worst])
    else:
        r["max_abs_error"] = 0.0
    for k in ("max_abs_error", "max_rel_error", "atol", "rtol"):
        r[k] = jfloat(r[k])
    if r["mismatches"]:
        r["reason"] = f"{r['mismatches']} of {got.size} elements outside tolerance"
    else:
        r["status"] = "PASS"
    return r


# --- main -----------------------------------------------------------------------


def run(args, report: dict[str, Any], log) -> int:
    import numpy as np

    inputs = load_npz(args.inputs, "inputs")
    expected = load_npz(args.expected, "expected") if args.expected else None
    interp = load_interpreter(args.model, args.threads)
    try:
        binding = Binding(interp, args.signature)
    except CheckError:
        raise
    except Exception as e:  # LiteRT rejects tensors it cannot represent (e.g. bfloat16)
        raise CheckError(f"LiteRT cannot bind the model's inputs and outputs: {e}") from None
    report["binding"] = binding.kind
    report["signature"] = binding.signature
    log(f"{PROG}: model {args.model}")
    log(f"{PROG}: inputs bound by {binding.description}")

    bound = binding.match_inputs(inputs)
    for name, key, a, d in bound:
        resized = check_input(name, key, a, d)
        report["inputs"].append(
            {"name": name, "key": key, "shape": list(a.shape), "dtype": a.dtype.name, "resized": resized}
        )
        log(f"  input  {name}: {a.dtype.name}{list(a.shape)}" + ("  (resized)" if resized else ""))

    try:
        outputs = binding.run(bound)
    except Exception as e:
        raise CheckError(f"LiteRT failed to run {args.model}: {e}") from None

    if args.save_outputs:
        try:
            np.savez(args.save_outputs, **{n: a for n, a in outputs})
        except Exception as e:
            raise CheckError(f"cannot write {args.save_outputs}: {e}") from None

    if expected is not None:
        keys = expected_keys([n for n, _ in outputs], expected)

    status = "PASS" if expected is not None else "RAN"
    for i, (n, a) in enumerate(outputs):
        if expected is not None:
            r = compare(n, keys[i], a, expected[keys[i]], args)
            if r["status"] != "PASS":
                status = "FAIL"
            line = (
                f"  output {n}: {r['dtype']}{r['shape']}  max_abs_err={fmt(r['max_abs_error'])} "
                f"max_rel_err={fmt(r['max_rel_error'])}  tol: {r['tolerance']}  {r['status']}"
            )
            if r["reason"]:
                line += f" ({r['reason']}"
                if r["worst_index"] is not None and r["mismatches"]:
                    line += f"; worst at {r['worst_index']}: got {r['worst_got']}, expected {r['worst_expected']}"
                line += ")"
        else:
            r = {"name": n, "shape": list(a.shape), "dtype": a.dtype.name, "status": "NOT_CHECKED"}
            line = f"  output {n}: {a.dtype.name}{list(a.shape)}"
        if args.print_outputs:
            r["values"] = jvalues(a)
        report["outputs"].append(r)
        log(line)
        if args.print_outputs and not args.json:
            print(np.array2string(a, threshold=1000, max_line_width=100, separator=", "))
    report["status"] = status
    n = len(outputs)
    if expected is None:
        log(f"{PROG}: ran, {n} output{'s' if n != 1 else ''} (no --expected, nothing compared)")
        return EXIT_PASS
    failed = sum(1 for r in report["outputs"] if r["status"] != "PASS")
    log(f"{PROG}: {status} ({n - failed} of {n} output{'s' if n != 1 else ''} pass)")
    return EXIT_PASS if status == "PASS" else EXIT_FAIL


def expected_keys(out_names: list, expected: dict) -> list:
    """The expected npz key of each model output: its name, or `out<k>` for edge's
    `output_<k>` (a signature lists its outputs sorted by name, so output_10 comes
    before output_2) or for the output's position. Every array must match one output."""
    keys = []
    for i, n in enumerate(out_names):
        m = re.fullmatch(r"output_(\d+)", n)
        k = int(m.group(1)) if m else i
        if n in expected:
            keys.append(n)
        elif f"out{k}" in expected:
            keys.append(f"out{k}")
        else:
            raise CheckError(
                f"expected npz has no array for output '{n}' (looked for keys '{n}' and 'out{k}'; "
                f"it has {sorted(expected)})"
            )
    unused = sorted(set(expected) - set(keys))
    if unused:
        raise CheckError(f"expected npz has arrays {unused} that match no output (outputs: {out_names})")
    return keys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    want_json = "--json" in argv
    report: dict[str, Any] = {
        "model": None,
        "binding": None,
        "signature": None,
        "inputs": [],
        "outputs": [],
        "status": "ERROR",
        "error": None,
        "exit_code": EXIT_ERROR,
    }
    try:
        args = parse_args(argv)
        report["model"] = args.model
        # Human-readable lines go to stdout, or to stderr when stdout carries JSON.
        log = (lambda s: print(s, file=sys.stderr)) if args.json else print
        code = run(args, report, log)
    except CheckError as e:
        report["error"] = str(e)
        code = EXIT_ERROR
        print(f"{PROG}: error: {e}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    report["exit_code"] = code
    if want_json:
        sys.stdout.write(json.dumps(report, indent=2, allow_nan=False) + "\n")
    sys.stdout.flush()
    return code


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run a StableHLO module (MLIR text, as `edge-translate --pt2-to-mlir` writes it) with
XLA on inputs from an .npz and compare its outputs, like litert_check.py does for
.tflite files. It checks the importer's lowerings numerically before legalization.

    python stablehlo_check.py MODULE.mlir --inputs IN.npz [--expected EXP.npz]
        [--atol A | --rel-to-max F] [--rtol R] [--print-outputs] [--json]

Inputs bind to @main's arguments by the names in its `tf.entry_function` attribute
(else `arg0`, `arg1`, ...); expected arrays are matched by position (`out0`, ...) or
by output name. Tolerances and exit codes are litert_check.py's: 0 pass, 1 mismatch,
2 usage/input error or a module XLA cannot compile or run.

XLA takes only `dense` constants, so `dense_resource<key>` values are rewritten to
hex `dense` literals from the module's resource section first.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from litert_check import CheckError, EXIT_ERROR, EXIT_FAIL, EXIT_PASS, compare, fmt, load_npz  # noqa: E402

PROG = "stablehlo-check"

# The XLA harness is shared with edge-convert --bisect's runner, which must stay a
# standalone file (it is embedded in the binary).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python", "edge_tflite"))
from bisect_runner import Module, RunError, entry_names, inline_resources, specialize  # noqa: E402,F401


def bind_inputs(names: list[str], inputs: dict) -> list:
    """Input arrays in @main's argument order."""
    names = names or [f"arg{i}" for i in range(len(inputs))]
    missing = [n for n in names if n not in inputs and f"arg{names.index(n)}" not in inputs]
    if missing:
        raise CheckError(f"inputs npz lacks {missing} (it has {sorted(inputs)})")
    return [inputs[n] if n in inputs else inputs[f"arg{i}"] for i, n in enumerate(names)]


def parse_args(argv):
    p = argparse.ArgumentParser(prog=PROG, description="Run a StableHLO module with XLA and compare outputs.")
    p.add_argument("module")
    p.add_argument("--inputs", required=True)
    p.add_argument("--expected")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--atol", type=float)
    g.add_argument("--rel-to-max", type=float, dest="rel_to_max")
    p.add_argument("--rtol", type=float)
    p.add_argument("--print-outputs", action="store_true")
    p.add_argument("--json", action="store_true")
    return p.parse_args(argv)


def check(module: Module, arrays: list, expected: dict | None, args) -> tuple[int, list[dict[str, Any]]]:
    outs = module.run(arrays)
    results = []
    status = EXIT_PASS
    for i, got in enumerate(outs):
        name = module.outputs[i] if i < len(module.outputs) else f"output_{i}"
        if expected is None:
            results.append({"name": name, "shape": list(got.shape), "dtype": got.dtype.name, "status": "NOT_CHECKED"})
            continue
        key = f"out{i}" if f"out{i}" in expected else name
        if key not in expected:
            raise CheckError(f"expected npz has no array for output #{i} ('out{i}' or '{name}')")
        r = compare(name, key, got, expected[key], args)
        if r["status"] != "PASS":
            status = EXIT_FAIL
        results.append(r)
    if expected is not None and len(expected) != len(outs):
        raise CheckError(f"the module has {len(outs)} outputs, the expected npz {len(expected)} arrays")
    return status, results


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parse_args(argv)
        with open(args.module) as f:
            text = f.read()
        inputs = load_npz(args.inputs, "inputs")
        arrays = bind_inputs(entry_names(text)[0], inputs)
        module = Module(text, [a.shape for a in arrays])
        expected = load_npz(args.expected, "expected") if args.expected else None
        code, results = check(module, arrays, expected, args)
    except (CheckError, RunError) as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(json.dumps({"status": "PASS" if code == EXIT_PASS else "FAIL", "outputs": results}, default=str))
    else:
        for r in results:
            if r["status"] == "NOT_CHECKED":
                print(f"  output {r['name']}: {r['dtype']}{r['shape']}")
            else:
                print(f"  output {r['name']}: {r['dtype']}{r['shape']}  max_abs_err={fmt(r['max_abs_error'])}  "
                      f"tol: {r['tolerance']}  {r['status']}" + (f" ({r['reason']})" if r.get("reason") else ""))
        print(f"{PROG}: {'PASS' if code == EXIT_PASS else 'FAIL'}")
    return code


if __name__ == "__main__":
    sys.exit(main())

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
import re
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from litert_check import CheckError, EXIT_ERROR, EXIT_FAIL, EXIT_PASS, compare, fmt, load_npz  # noqa: E402

PROG = "stablehlo-check"
RESOURCES = re.compile(r"\{-#\s*dialect_resources:\s*\{\s*builtin:\s*\{(.*?)\}\s*\}\s*#-\}", re.S)


def inline_resources(text: str) -> str:
    """Replaces `dense_resource<k>` by `dense<"0x...">` (dropping the blob's 4-byte
    alignment header) and removes the resource section."""
    blobs: dict[str, str] = {}
    m = RESOURCES.search(text)
    if m:
        for key, hexdata in re.findall(r'([\w.$-]+)\s*:\s*"0x([0-9A-Fa-f]*)"', m.group(1)):
            blobs[key] = hexdata[8:]
        text = text[: m.start()] + text[m.end():]

    def repl(mm):
        key, ty = mm.group(1), mm.group(2)
        if key not in blobs:
            raise CheckError(f"dense_resource<{key}> has no data in the module's resource section")
        data = blobs[key]
        if ty.endswith("xi1>"):
            # A resource holds a byte per bool; XLA's parser reads i1 hex bit-packed
            # (element i at bit i % 8 of byte i / 8).
            raw = bytes.fromhex(data)
            packed = bytearray((len(raw) + 7) // 8)
            for i, b in enumerate(raw):
                if b:
                    packed[i // 8] |= 1 << (i % 8)
            data = packed.hex().upper()
        return f'dense<"0x{data}"> : {ty}'

    return re.sub(r"dense_resource<([\w.$-]+)>\s*:\s*(tensor<[^>]*>)", repl, text)


def split_top(s: str) -> list[str]:
    """Splits on commas outside <>, (), [], {}."""
    out, depth, cur = [], 0, ""
    for c in s:
        if c in "<([{":
            depth += 1
        elif c in ">)]}":
            depth -= 1
        if c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += c
    if cur.strip():
        out.append(cur.strip())
    return out


def closing(s: str, i: int) -> int:
    """The index of the bracket that closes the one at `s[i]`."""
    depth = 0
    for j in range(i, len(s)):
        depth += s[j] in "(<[{"
        depth -= s[j] in ")>]}"
        if depth == 0:
            return j
    raise CheckError("unbalanced brackets in @main's signature")


def main_signature(text: str) -> tuple[list[str], list[str]]:
    """The argument types and result types of @main."""
    start = text.find("func.func @main(")
    if start < 0:
        start = text.find("func.func public @main(")
    if start < 0:
        raise CheckError("the module has no @main")
    i = text.index("(", start)
    j = closing(text, i)
    args = [a.split(":", 1)[1].strip() for a in split_top(text[i + 1 : j])]
    rest = text[j + 1 :].lstrip()
    if not rest.startswith("->"):
        raise CheckError("cannot read @main's result types")
    rest = rest[2:].lstrip()
    if rest.startswith("("):
        results = split_top(rest[1 : closing(rest, 0)])
    else:
        results = [rest.split(" ", 1)[0]]
    return args, results


def specialize(text: str, shapes: list[tuple[int, ...]]) -> str:
    """Makes a module with `?` input dims runnable by XLA: @main becomes a private
    function called from a new @main whose arguments have the given static shapes,
    each wrapped in `stablehlo.shape_refinement_operand_wrapper` so shape refinement
    can propagate the sizes (as JAX does for shape-polymorphic exports)."""
    args, results = main_signature(text)
    if all("?" not in a for a in args):
        return text
    text = text.replace("func.func @main(", "func.func private @edge_dynamic_main(", 1)
    lines = []
    names = []
    for k, (t, shape) in enumerate(zip(args, shapes)):
        elem = t[t.rindex("x") + 1 : -1] if "x" in t else t[len("tensor<") : -1]
        static = "tensor<" + "".join(f"{d}x" for d in shape) + elem + ">"
        dims = ", ".join(str(d) for d in shape)
        if "?" not in t:
            names.append((f"%a{k}: {static}", f"%a{k}"))
            continue
        lines.append(f'    %s{k} = "stablehlo.constant"() {{value = dense<[{dims}]> : tensor<{len(shape)}xi64>}} : () -> tensor<{len(shape)}xi64>')
        lines.append(
            f'    %w{k} = "stablehlo.custom_call"(%a{k}, %s{k}) {{call_target_name = "stablehlo.shape_refinement_operand_wrapper", '
            f"indices_of_shape_operands = dense<1> : tensor<1xi64>}} : ({static}, tensor<{len(shape)}xi64>) -> {t}"
        )
        names.append((f"%a{k}: {static}", f"%w{k}"))
    res = ", ".join(results)
    call = f'    %r:{len(results)} = "func.call"({", ".join(n[1] for n in names)}) {{callee = @edge_dynamic_main}} : ({", ".join(args)}) -> ({res})'
    rets = ", ".join(f"%r#{i}" for i in range(len(results)))
    wrapper = (
        f"  func.func public @main({', '.join(n[0] for n in names)}) -> ({res}) {{\n"
        + "\n".join(lines) + "\n" + call + "\n"
        + f"    func.return {rets} : {res}\n  }}\n"
    )
    close = text.rindex("}")
    return text[:close] + wrapper + text[close:]


def entry_names(text: str) -> tuple[list[str], list[str]]:
    m = re.search(r'tf\.entry_function\s*=\s*\{inputs\s*=\s*"([^"]*)",\s*outputs\s*=\s*"([^"]*)"\}', text)
    if not m:
        return [], []
    split = lambda s: [x for x in s.split(",") if x]
    return split(m.group(1)), split(m.group(2))


class Module:
    """A StableHLO module compiled by XLA for the CPU."""

    def __init__(self, text: str, input_shapes: list | None = None):
        import jax
        import jax.extend
        from jax._src.interpreters import mlir as jmlir
        from jax._src.lib import xla_client as xc
        from jax._src.lib.mlir import ir

        # 64-bit types are real here (int64 indices, f64 math), not narrowed to 32 bits.
        jax.config.update("jax_enable_x64", True)
        self.inputs, self.outputs = entry_names(text)
        self._jax = jax
        backend = jax.extend.backend.get_backend("cpu")
        try:
            with jmlir.make_ir_context() as ctx:
                ctx.allow_unregistered_dialects = True
                source = inline_resources(text)
                # XLA's shape refinement cannot refine a composite's decomposition: call it.
                source = re.sub(r'"stablehlo.composite"\(([^)]*)\) \{[^\n]*?decomposition = (@[\w.]+)[^\n]*?\} :', r'"func.call"(\1) {callee = \2} :', source)
                # XLA's shape refinement does not fold negate on sizes: subtract from 0.
                source = re.sub(r'(%[\w]+) = "stablehlo.negate"\((%[\w]+)\) : \(tensor<i32>\) -> tensor<i32>',
                                lambda m: f'%z{m.group(1)[1:]} = "stablehlo.constant"() {{value = dense<0> : tensor<i32>}} : () -> tensor<i32>\n    {m.group(1)} = "stablehlo.subtract"(%z{m.group(1)[1:]}, {m.group(2)}) : (tensor<i32>, tensor<i32>) -> tensor<i32>', source)
                if input_shapes is not None:
                    source = specialize(source, input_shapes)
                module = ir.Module.parse(source)
                if input_shapes is not None and source is not text:
                    module = jmlir.refine_polymorphic_shapes(module)
                devices = xc.DeviceList(tuple(backend.devices()[:1]))
                self._exe = backend.compile_and_load(module, devices, xc.CompileOptions())
        except CheckError:
            raise
        except Exception as e:
            raise CheckError(f"XLA cannot compile the module: {str(e).strip()}") from None

    def run(self, arrays: list) -> list:
        import numpy as np

        try:
            outs = self._exe.execute([self._jax.device_put(a) for a in arrays])
        except Exception as e:
            raise CheckError(f"XLA failed to run the module: {str(e).strip()}") from None
        return [np.asarray(o) for o in outs]


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
    except CheckError as e:
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

#!/usr/bin/env python3
"""Runs the snapshots of `edge-convert --bisect` in one process and measures each
against the expected outputs. Standalone (stdlib + numpy + ai_edge_litert; jax
optional): edge-convert embeds this file and runs it with `PY FILE`, from the
repository and from the wheel alike. runtime-check/stablehlo_check.py imports the
XLA part (`Module`, `inline_resources`, ...) from here.

Protocol, JSON lines: imports first (they overlap edge-convert's import), then reads
    {"inputs": IN.npz, "expected": OUT.npz}
then one line per snapshot, as edge-convert writes them,
    {"path": FILE, "runtime": "xla" | "litert" | "skipped", "note": ...}
and answers each at once on stdout with
    {"runtime", "max_abs_error", "relative_error", "error", "data_error", "note",
     "resolution"}
(null for a measure not taken). `resolution` is one step of the coarsest float type
among the expected outputs, relative to max|out| (float16: 2^-10), 0 for float32: the
smallest tolerance such outputs can meet. `error` is set when the runtime refused or failed to
run the snapshot, `data_error` too when the inputs or expected outputs do not fit it.
The runtimes' own printing goes to stderr. Exit 0 at the end of stdin, 3 when numpy
or ai_edge_litert does not import, 2 on any other error (stderr says).
"""

from __future__ import annotations

import json
import math
import os
import re
import sys

EXIT_ERROR, EXIT_IMPORT = 2, 3


class RunError(Exception):
    """An expected failure to compile, load or run a module, or to bind its data."""


class DataError(RunError):
    """The inputs or expected outputs do not fit the module (names, count, shapes)."""


# --- XLA (StableHLO text) --------------------------------------------------------

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
            raise RunError(f"dense_resource<{key}> has no data in the module's resource section")
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
    raise RunError("unbalanced brackets in @main's signature")


def main_signature(text: str) -> tuple[list[str], list[str]]:
    """The argument types and result types of @main."""
    start = text.find("func.func @main(")
    if start < 0:
        start = text.find("func.func public @main(")
    if start < 0:
        raise RunError("the module has no @main")
    i = text.index("(", start)
    j = closing(text, i)
    args = [a.split(":", 1)[1].strip() for a in split_top(text[i + 1 : j])]
    rest = text[j + 1 :].lstrip()
    if not rest.startswith("->"):
        raise RunError("cannot read @main's result types")
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
        except RunError:
            raise
        except Exception as e:
            raise RunError(f"XLA cannot compile the module: {str(e).strip()}") from None

    def run(self, arrays: list) -> list:
        import numpy as np

        try:
            outs = self._exe.execute([self._jax.device_put(a) for a in arrays])
        except Exception as e:
            raise RunError(f"XLA failed to run the module: {str(e).strip()}") from None
        return [np.asarray(o) for o in outs]


# --- binding and measuring ---------------------------------------------------------


def bind(names: list[str], arrays: dict, what: str) -> list[str]:
    """The npz key for each of `names`: by name when the npz has every name, else by
    position (npz keys in order; `out0`, `out1`, ... by their number)."""
    if names and all(n in arrays for n in names):
        return list(names)
    keys = list(arrays)
    if all(re.fullmatch(r"(?:out|arg)\d+", k) for k in keys):
        keys.sort(key=lambda k: int(re.sub(r"\D", "", k)))
    if len(keys) != len(names):
        raise DataError(f"the module has {len(names)} {what} {names}, the npz {len(keys)} arrays {list(arrays)}")
    return keys


def fit_input(key: str, a, shape):
    """`a` in the layout of an input of `shape` (-1 for a dynamic dim), or DataError."""
    a, moved = to_layout(a, shape)
    fits = a.ndim == len(shape) and all(s in (d, -1) for d, s in zip(a.shape, (int(x) for x in shape)))
    if not fits:
        raise DataError(f"input '{key}' has shape {list(a.shape)}, the module takes {[int(x) for x in shape]}")
    return a, moved


def to_layout(a, shape):
    """`a`, transposed between NCHW and NHWC when that makes its shape `shape` (a
    snapshot before or after `tfl-channel-last-io`); else as it is."""
    shape = tuple(int(d) for d in shape)
    if a.ndim != 4 or len(shape) != 4 or a.shape == shape:
        return a, False
    for perm in ((0, 2, 3, 1), (0, 3, 1, 2)):
        if all(s in (d, -1) for s, d in zip(shape, (a.shape[p] for p in perm))):
            return a.transpose(perm), True
    return a, False


def measure(outs: list, expected: dict, names: list[str]) -> dict:
    """Max over outputs of max|got - exp| / max|exp| and of max|got - exp|."""
    import numpy as np

    keys = bind(names or [f"out{i}" for i in range(len(outs))], expected, "outputs")
    if len(expected) != len(outs):
        raise DataError(f"the module has {len(outs)} outputs, the expected npz {len(expected)} arrays {list(expected)}")
    worst_abs, worst_rel, notes = 0.0, 0.0, []
    for got, key in zip(outs, keys):
        exp = np.asarray(expected[key])
        got, moved = to_layout(np.asarray(got), exp.shape)
        if moved:
            notes.append("channel-last output compared transposed")
        if got.dtype.name == "bfloat16" and exp.dtype == np.uint16:
            exp = exp.view(got.dtype)  # bf16 expected values stored as their bits
        if got.shape != exp.shape:
            raise DataError(f"output for '{key}' has shape {list(got.shape)}, expected {list(exp.shape)}")
        g, e = got.astype(np.float64), exp.astype(np.float64)
        if e.size == 0:
            continue
        diff = np.abs(g - e)
        # NaN where the expected has none is an infinite error; NaN on both sides agrees.
        diff = np.where(np.isnan(g) & np.isnan(e), 0.0, np.where(np.isnan(diff), np.inf, diff))
        diff = np.where(np.isinf(g) & (g == e), 0.0, diff)
        abs_err = float(diff.max())
        scale = float(np.nanmax(np.abs(np.where(np.isinf(e), 0.0, e))))
        rel = abs_err / scale if scale > 0 else abs_err
        worst_abs, worst_rel = max(worst_abs, abs_err), max(worst_rel, rel)
    return {"max_abs_error": worst_abs, "relative_error": worst_rel, "note": "; ".join(sorted(set(notes)))}


def finite(x):
    """A float for JSON (infinite and NaN become null, said in the note)."""
    return x if x is not None and math.isfinite(x) else None


ELEMENTS = {"f16": "float16", "f32": "float32", "f64": "float64", "i1": "bool", "i8": "int8", "i16": "int16",
            "i32": "int32", "i64": "int64", "ui8": "uint8", "ui16": "uint16", "ui32": "uint32", "ui64": "uint64"}


def as_element(a, elem: str):
    """`a` as the element type `elem` of a StableHLO argument. NumPy has no bfloat16, so
    an .npz holds bf16 data as its uint16 bits: those are viewed, not converted."""
    import numpy as np

    if elem == "bf16":
        import ml_dtypes

        return a.view(ml_dtypes.bfloat16) if a.dtype == np.uint16 else a.astype(ml_dtypes.bfloat16)
    return a.astype(ELEMENTS[elem]) if elem in ELEMENTS else a


def run_xla(path: str, inputs: dict, expected: dict) -> dict:
    with open(path) as f:
        text = f.read()
    in_names, out_names = entry_names(text)
    arg_types, _ = main_signature(text)
    keys = bind(in_names or [f"arg{i}" for i in range(len(arg_types))], inputs, "inputs")
    dims = lambda t: [-1 if d == "?" else int(d) for d in t[len("tensor<"):].split("x")[:-1]] if t.startswith("tensor<") else []
    elem = lambda t: t[:-1].split("x")[-1].removeprefix("tensor<")
    arrays = [as_element(fit_input(k, inputs[k], dims(t))[0], elem(t)) for k, t in zip(keys, arg_types)]
    module = Module(text, [a.shape for a in arrays])
    return measure(module.run(arrays), expected, out_names)


def run_litert(path: str, inputs: dict, expected: dict) -> dict:
    import numpy as np
    from ai_edge_litert.interpreter import Interpreter

    try:
        interp = Interpreter(model_path=path, num_threads=1)
    except Exception as e:
        raise RunError(f"LiteRT cannot load the model: {str(e).strip()}") from None
    # Names from the signature (edge's input names), order from the subgraph: a
    # signature lists its outputs sorted by name.
    # (The index maps, not a signature runner: a live runner holds the interpreter and
    # makes LiteRT refuse to reallocate it.)
    names: dict[int, str] = {}
    sigs = interp._get_full_signature_list()
    if sigs:
        sig = sigs["serving_default"] if "serving_default" in sigs else next(iter(sigs.values()))
        for side in ("inputs", "outputs"):
            names.update({index: n for n, index in sig[side].items()})
    in_det, out_det = interp.get_input_details(), interp.get_output_details()
    keys = bind([names.get(d["index"], d["name"]) for d in in_det], inputs, "inputs")
    notes = []
    arrays = []
    for key, d in zip(keys, in_det):
        a, moved = fit_input(key, np.asarray(inputs[key]), d["shape_signature"])
        if moved:
            notes.append("channel-last input fed transposed")
        scale, zero = d["quantization"]
        if np.dtype(d["dtype"]).kind in "iu" and a.dtype.kind == "f" and scale:
            # int8/uint8 inputs (--io-type): float data quantized with the input's parameters.
            info = np.iinfo(d["dtype"])
            a = np.clip(np.round(a / scale) + zero, info.min, info.max)
        arrays.append(a.astype(d["dtype"]))
    try:
        for a, d in zip(arrays, in_det):
            if tuple(a.shape) != tuple(d["shape"]):
                interp.resize_tensor_input(d["index"], list(a.shape))
        interp.allocate_tensors()
        for a, d in zip(arrays, in_det):
            interp.set_tensor(d["index"], a)
        interp.invoke()
    except Exception as e:
        raise RunError(f"LiteRT failed to run the model: {str(e).strip()}") from None
    outs = []
    for d in out_det:
        o = np.array(interp.get_tensor(d["index"]))
        scale, zero = d["quantization"]
        if o.dtype.kind in "iu" and scale:
            o = (o.astype(np.float64) - zero) * scale
        outs.append(o)
    row = measure(outs, expected, [names.get(d["index"], d["name"]) for d in out_det])
    row["note"] = "; ".join(filter(None, sorted(set(notes)) + [row["note"]]))
    return row


def load_npz(path: str) -> dict:
    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as z:
            return {k: z[k] for k in z.files}
    except Exception as e:
        raise RunError(f"cannot read {path}: {e}") from None


# One step of a float type at the top of a binade, relative to the value (2^-mantissa bits).
RESOLUTION = {"float16": 2.0**-10, "bfloat16": 2.0**-7}


def resolution(expected: dict) -> float:
    return max((RESOLUTION.get(a.dtype.name, 0.0) for a in expected.values()), default=0.0)


def run_stage(stage: dict, inputs: dict, expected: dict, no_jax: str | None) -> dict:
    """One snapshot's row."""
    runtime = stage["runtime"]
    row = {"runtime": runtime, "max_abs_error": None, "relative_error": None, "error": None,
           "note": stage.get("note", ""), "resolution": resolution(expected)}
    if runtime == "xla" and no_jax:
        row.update(runtime="skipped", note=no_jax)
    elif runtime in ("xla", "litert"):
        try:
            got = (run_xla if runtime == "xla" else run_litert)(stage["path"], inputs, expected)
            # NaN or infinity where the expected has none: past any tolerance (null measures).
            nonfinite = not all(math.isfinite(got[k]) for k in ("max_abs_error", "relative_error"))
            why = "the outputs hold NaN or infinity where the expected do not" if nonfinite else ""
            note = "; ".join(filter(None, [got["note"], why]))
            row.update(max_abs_error=finite(got["max_abs_error"]), relative_error=finite(got["relative_error"]), note=note)
        except RunError as e:
            row["error"] = " ".join(str(e).split())
            row["data_error"] = isinstance(e, DataError)
        except Exception as e:  # a runtime's own failure: a row, not the whole run
            row["error"] = " ".join(f"{type(e).__name__}: {e}".split())
    return row


def main() -> int:
    # The answers get their own copy of stdout; what the runtimes print goes to stderr.
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    try:
        import numpy  # noqa: F401
        import ai_edge_litert.interpreter  # noqa: F401
    except Exception as e:
        print(f"{sys.executable} cannot import numpy and ai_edge_litert ({e})", file=sys.stderr)
        return EXIT_IMPORT
    try:
        import jax  # noqa: F401
        no_jax = None
    except Exception as e:
        no_jax = f"jax does not import ({type(e).__name__}: {e})"
    try:
        header = json.loads(sys.stdin.readline())
        inputs, expected = load_npz(header["inputs"]), load_npz(header["expected"])
    except (RunError, ValueError, KeyError) as e:
        print(f"bad bisect header or data: {e}", file=sys.stderr)
        return EXIT_ERROR
    for line in sys.stdin:
        if line.strip():
            answers.write(json.dumps(run_stage(json.loads(line), inputs, expected, no_jax)) + "\n")
            answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Which LiteRT kernels run INT4 weights, how fast, and how exactly.

    .venv/bin/python runtime-check/int4_kernels.py [--k 2048] [--n 5632] [--rows 1,8]
        [--vocab 32000] [--repeat 20] [--threads 1] [--json]

Builds small flatbuffers by hand (LiteRT's own schema_py_generated object API) for
each weight form an `--quantize int4` could write, loads each with LiteRT's default
kernels plus XNNPACK (`auto`) and without the delegate (`builtin`), and prints per
case: whether it loads and runs, whether XNNPACK took the op, the median latency, and
the error against the float math the stored weights mean (dequantized weights, f64)
relative to max|y|, plus the error against the original float weights.

Cases: FULLY_CONNECTED with float activations and an INT4 filter per-channel (the
hybrid/dynamic-range form) or blockwise (`BlockwiseQuantization`, block 32/64/128,
scales f32/f16/bf16); FULLY_CONNECTED reading DEQUANTIZE(int4); EMBEDDING_LOOKUP
and GATHER on an INT4 table (per-row and blockwise); DEQUANTIZE int4 -> f32 alone;
the float and int8 hybrid FULLY_CONNECTED as baselines.
INT4 storage is two values a byte, the first in the low nibble (checked by the
DEQUANTIZE case, which must match to the last bit).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import flatbuffers
import numpy as np
from ai_edge_litert import schema_py_generated as fb
from ai_edge_litert.interpreter import Interpreter, OpResolverType

T = fb.TensorType


def pack_int4(q: np.ndarray) -> bytes:
    """Signed 4-bit values two a byte, element 2i in the low nibble."""
    flat = q.astype(np.int8).reshape(-1)
    if flat.size % 2:
        flat = np.concatenate([flat, np.zeros(1, np.int8)])
    lo = flat[0::2].astype(np.uint8) & 0xF
    hi = flat[1::2].astype(np.uint8) & 0xF
    return (lo | (hi << 4)).astype(np.uint8).tobytes()


def bf16_bytes(x: np.ndarray) -> tuple[bytes, np.ndarray]:
    """bfloat16 storage (round to nearest even) and the f32 values it means."""
    u = x.astype(np.float32).view(np.uint32).astype(np.uint64)
    r = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16).astype(np.uint16)
    back = (r.astype(np.uint32) << 16).view(np.float32)
    return r.tobytes(), back


class Builder:
    """One subgraph: tensors, buffers, operators; `finish` gives the file bytes."""

    def __init__(self):
        self.buffers = [fb.BufferT()]
        self.tensors: list = []
        self.ops: list = []
        self.opcodes: list[int] = []

    def tensor(self, name, shape, ttype, data: bytes | None = None, quant=None) -> int:
        t = fb.TensorT()
        t.name = name.encode()
        t.shape = list(shape)
        t.type = ttype
        t.buffer = 0
        if data is not None:
            b = fb.BufferT()
            b.data = list(data) if len(data) < 64 else np.frombuffer(data, np.uint8)
            self.buffers.append(b)
            t.buffer = len(self.buffers) - 1
        t.quantization = quant
        self.tensors.append(t)
        return len(self.tensors) - 1

    def op(self, code: int, inputs, outputs, options_type=0, options=None, version=1):
        if code not in self.opcodes:
            self.opcodes.append(code)
        o = fb.OperatorT()
        o.opcodeIndex = self.opcodes.index(code)
        o.inputs = list(inputs)
        o.outputs = list(outputs)
        o.builtinOptionsType = options_type
        o.builtinOptions = options
        self.ops.append((o, code, version))

    def finish(self, inputs, outputs) -> bytes:
        m = fb.ModelT()
        m.version = 3
        versions: dict[int, int] = {}
        for _, code, v in self.ops:
            versions[code] = max(versions.get(code, 1), v)
        m.operatorCodes = []
        for code in self.opcodes:
            oc = fb.OperatorCodeT()
            oc.builtinCode = code
            oc.deprecatedBuiltinCode = min(code, 127)
            oc.version = versions[code]
            m.operatorCodes.append(oc)
        sg = fb.SubGraphT()
        sg.tensors = self.tensors
        sg.inputs = list(inputs)
        sg.outputs = list(outputs)
        sg.operators = [o for o, _, _ in self.ops]
        m.subgraphs = [sg]
        m.buffers = self.buffers
        b = flatbuffers.Builder(1024)
        b.Finish(m.Pack(b), file_identifier=b"TFL3")
        return bytes(b.Output())


def per_channel(scales, axis=0):
    q = fb.QuantizationParametersT()
    q.scale = [float(s) for s in scales]
    q.zeroPoint = [0] * len(scales)
    q.quantizedDimension = axis
    return q


def blockwise(scales_tensor: int, block: int, zero_points_tensor: int | None):
    q = fb.QuantizationParametersT()
    d = fb.BlockwiseQuantizationT()
    d.scales = scales_tensor
    d.zeroPoints = -1 if zero_points_tensor is None else zero_points_tensor
    d.blockSize = block
    q.detailsType = fb.QuantizationDetails.BlockwiseQuantization
    q.details = d
    return q


def quant_per_channel(w: np.ndarray, qmax: int):
    """Symmetric per-row quantization of a 2-D weight."""
    m = np.abs(w).max(axis=1)
    s = np.where(m > 0, m / qmax, 1.0).astype(np.float32)
    q = np.clip(np.round(w / s[:, None]), -qmax, qmax).astype(np.int8)
    return q, s, q.astype(np.float64) * s[:, None].astype(np.float64)


def quant_blockwise(w: np.ndarray, block: int, scale_type: str):
    """Symmetric per-block int4 along the last dim; scales stored as `scale_type`."""
    n, k = w.shape
    blocks = w.reshape(n, k // block, block)
    m = np.abs(blocks).max(axis=2)
    s = np.where(m > 0, m / 7, 1.0).astype(np.float32)
    if scale_type == "f16":
        s = s.astype(np.float16).astype(np.float32)
        raw = s.astype(np.float16).tobytes()
    elif scale_type == "bf16":
        raw, s = bf16_bytes(s)
    else:
        raw = s.tobytes()
    q = np.clip(np.round(blocks / s[:, :, None]), -7, 7).astype(np.int8)
    deq = (q.astype(np.float64) * s[:, :, None].astype(np.float64)).reshape(n, k)
    return q.reshape(n, k), raw, deq


SCALE_TTYPE = {"f32": T.FLOAT32, "f16": T.FLOAT16, "bf16": T.BFLOAT16}


def fc_options(asymmetric: bool):
    o = fb.FullyConnectedOptionsT()
    o.asymmetricQuantizeInputs = asymmetric
    o.keepNumDims = False
    return o


def model_fc(w, b, rows, form, block=0, scale_type="f32", zero_points=False):
    """FULLY_CONNECTED of x[rows, k] by weight w[n, k] stored in `form`; the f64 matrix
    the stored weight means."""
    n, k = w.shape
    g = Builder()
    x = g.tensor("x", [rows, k], T.FLOAT32)
    bias = g.tensor("b", [n], T.FLOAT32, b.astype(np.float32).tobytes())
    y = g.tensor("y", [rows, n], T.FLOAT32)
    version = 1
    asymmetric = False
    if form == "float":
        wt = g.tensor("w", [n, k], T.FLOAT32, w.astype(np.float32).tobytes())
        deq = w.astype(np.float64)
    elif form == "int8-pc":
        q, s, deq = quant_per_channel(w, 127)
        wt = g.tensor("w", [n, k], T.INT8, q.tobytes(), per_channel(s))
        asymmetric, version = True, 12
    elif form == "int4-pc":
        q, s, deq = quant_per_channel(w, 7)
        wt = g.tensor("w", [n, k], T.INT4, pack_int4(q), per_channel(s))
        asymmetric, version = True, 13
    elif form == "int4-block":
        q, raw, deq = quant_blockwise(w, block, scale_type)
        st = g.tensor("w_scales", [n, k // block], SCALE_TTYPE[scale_type], raw)
        zt = None
        if zero_points:
            zt = g.tensor("w_zero_points", [n, k // block], T.INT32, np.zeros((n, k // block), np.int32).tobytes())
        wt = g.tensor("w", [n, k], T.INT4, pack_int4(q), blockwise(st, block, zt))
        asymmetric, version = True, 13
    elif form == "dequant-int4":
        q, s, deq = quant_per_channel(w, 7)
        w4 = g.tensor("w4", [n, k], T.INT4, pack_int4(q), per_channel(s))
        wt = g.tensor("w", [n, k], T.FLOAT32)
        g.op(fb.BuiltinOperator.DEQUANTIZE, [w4], [wt], version=6)
    else:
        raise ValueError(form)
    g.op(fb.BuiltinOperator.FULLY_CONNECTED, [x, wt, bias], [y],
         fb.BuiltinOptions.FullyConnectedOptions, fc_options(asymmetric), version)
    return g.finish([x], [y]), deq


def model_lookup(table, ids, form, op="embedding_lookup", block=0, scale_type="f32"):
    """EMBEDDING_LOOKUP or GATHER(axis 0) of rows `ids` of table[v, d] stored in `form`."""
    v, d = table.shape
    g = Builder()
    ix = g.tensor("ids", [len(ids)], T.INT32)
    y = g.tensor("y", [len(ids), d], T.FLOAT32)
    if form == "int8-pc":
        q, s, deq = quant_per_channel(table, 127)
        tt = g.tensor("table", [v, d], T.INT8, q.tobytes(), per_channel(s))
    elif form == "int4-pc":
        q, s, deq = quant_per_channel(table, 7)
        tt = g.tensor("table", [v, d], T.INT4, pack_int4(q), per_channel(s))
    elif form == "int4-block":
        q, raw, deq = quant_blockwise(table, block, scale_type)
        st = g.tensor("table_scales", [v, d // block], SCALE_TTYPE[scale_type], raw)
        tt = g.tensor("table", [v, d], T.INT4, pack_int4(q), blockwise(st, block, None))
    elif form == "float":
        tt = g.tensor("table", [v, d], T.FLOAT32, table.astype(np.float32).tobytes())
        deq = table.astype(np.float64)
    else:
        raise ValueError(form)
    if op == "embedding_lookup":
        g.op(fb.BuiltinOperator.EMBEDDING_LOOKUP, [ix, tt], [y], version=4 if "int4" in form else 3)
    else:
        o = fb.GatherOptionsT()
        o.axis = 0
        g.op(fb.BuiltinOperator.GATHER, [tt, ix], [y], fb.BuiltinOptions.GatherOptions, o, version=7)
    return g.finish([ix], [y]), deq


def model_dequantize(w):
    n, k = w.shape
    q, s, deq = quant_per_channel(w, 7)
    g = Builder()
    # DEQUANTIZE of a constant would be folded by nothing here; feed it through ADD so the
    # subgraph has an input.
    x = g.tensor("x", [n, k], T.FLOAT32)
    w4 = g.tensor("w4", [n, k], T.INT4, pack_int4(q), per_channel(s))
    wf = g.tensor("wf", [n, k], T.FLOAT32)
    y = g.tensor("y", [n, k], T.FLOAT32)
    g.op(fb.BuiltinOperator.DEQUANTIZE, [w4], [wf], version=6)
    o = fb.AddOptionsT()
    g.op(fb.BuiltinOperator.ADD, [x, wf], [y], fb.BuiltinOptions.AddOptions, o)
    return g.finish([x], [y]), deq


def run(model: bytes, feed: np.ndarray, resolver: str, threads: int, repeat: int):
    """(output, delegated?, median seconds) or raises."""
    it = Interpreter(model_content=model, num_threads=threads,
                     experimental_op_resolver_type=getattr(OpResolverType, resolver.upper()))
    it.allocate_tensors()
    names = [d["op_name"] for d in it._get_ops_details()]
    delegated = "DELEGATE" in names
    inp = it.get_input_details()[0]["index"]
    out = it.get_output_details()[0]["index"]
    it.set_tensor(inp, feed)
    it.invoke()
    y = it.get_tensor(out).copy()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        it.invoke()
        times.append(time.perf_counter() - t0)
    return y, delegated, float(np.median(times)) if times else 0.0


def rel_err(y, ref):
    return float(np.abs(y.astype(np.float64) - ref).max() / max(np.abs(ref).max(), 1e-30))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--k", type=int, default=2048)
    p.add_argument("--n", type=int, default=5632)
    p.add_argument("--rows", default="1,8")
    p.add_argument("--vocab", type=int, default=32000)
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    rng = np.random.default_rng(0)
    w = (rng.standard_normal((a.n, a.k)) * 0.02).astype(np.float32)
    b = (rng.standard_normal(a.n) * 0.01).astype(np.float32)
    results = []

    def record(case, resolver, fn):
        try:
            y, ref, ref_float, delegated, sec = fn(resolver)
            r = {"case": case, "resolver": resolver, "status": "ok", "xnnpack": delegated,
                 "ms": round(sec * 1e3, 3), "err_vs_stored": rel_err(y, ref),
                 "err_vs_float": rel_err(y, ref_float)}
        except Exception as e:  # LiteRT reports refusals as RuntimeError/ValueError
            r = {"case": case, "resolver": resolver, "status": "error", "error": str(e).strip().splitlines()[0][:160]}
        results.append(r)
        if not a.json:
            if r["status"] == "ok":
                print(f"{case:42} {resolver:8} ok   xnnpack={str(r['xnnpack']):5} {r['ms']:9.3f} ms"
                      f"  err/stored {r['err_vs_stored']:.2e}  err/float {r['err_vs_float']:.2e}", flush=True)
            else:
                print(f"{case:42} {resolver:8} FAIL {r['error']}", flush=True)

    fc_forms = [("float", {}), ("int8-pc", {}), ("int4-pc", {}), ("dequant-int4", {})]
    for block in (32, 64, 128):
        for st in ("f32", "f16", "bf16"):
            fc_forms.append(("int4-block", {"block": block, "scale_type": st}))
    fc_forms.append(("int4-block", {"block": 32, "scale_type": "f16", "zero_points": True}))
    for rows in [int(r) for r in a.rows.split(",")]:
        x = rng.standard_normal((rows, a.k)).astype(np.float32)
        ref_float = x.astype(np.float64) @ w.astype(np.float64).T + b
        for form, kw in fc_forms:
            model, deq = model_fc(w, b, rows, form, **kw)
            ref = x.astype(np.float64) @ deq.T + b
            label = f"fc {form}" + "".join(f" {k}={v}" for k, v in kw.items()) + f" rows={rows}"
            for resolver in ("auto", "builtin_without_default_delegates"):
                def fn(res, model=model, ref=ref, x=x, ref_float=ref_float):
                    y, d, s = run(model, x, res, a.threads, a.repeat)
                    return y, ref, ref_float, d, s
                record(label, "auto" if resolver == "auto" else "builtin", lambda res, fn=fn, r=resolver: fn(r))

    d = a.k
    table = (rng.standard_normal((a.vocab, d)) * 0.02).astype(np.float32)
    ids = rng.integers(0, a.vocab, 8).astype(np.int32)
    lookups = [("float", {}), ("int8-pc", {}), ("int4-pc", {})]
    for block in (32, 64, 128):
        for st in ("f32", "f16", "bf16"):
            lookups.append(("int4-block", {"block": block, "scale_type": st}))
    for op in ("embedding_lookup", "gather"):
        for form, kw in lookups:
            model, deq = model_lookup(table, ids, form, op, **kw)
            ref = deq[ids]
            label = f"{op} {form}" + "".join(f" {k}={v}" for k, v in kw.items())
            for resolver in ("auto", "builtin_without_default_delegates"):
                def fn(res, model=model, ref=ref):
                    y, dl, s = run(model, ids, res, a.threads, a.repeat)
                    return y, ref, table[ids].astype(np.float64), dl, s
                record(label, "auto" if resolver == "auto" else "builtin", lambda res, fn=fn, r=resolver: fn(r))

    small = w[:64, :256]
    model, deq = model_dequantize(small)
    zeros = np.zeros(small.shape, np.float32)
    for resolver in ("auto", "builtin_without_default_delegates"):
        def fn(res, model=model):
            y, dl, s = run(model, zeros, res, a.threads, a.repeat)
            return y, deq, small.astype(np.float64), dl, s
        record("dequantize int4-pc -> f32", "auto" if resolver == "auto" else "builtin", lambda res, fn=fn, r=resolver: fn(r))
    if a.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

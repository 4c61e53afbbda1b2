"""Conformance cases for the TFL op catalog: small generated models checked in LiteRT.

Each case is one TFL op (a few cases chain a second op, e.g. quantize -> dequantize so
the model stays float at its edges) in a `func.func @main`, built from a template:
the op name, its attributes, its operands in TFLite input order (a runtime input, a
constant with given or generated values, or the absent optional operand), and a NumPy
reference function written from TFLite's documented semantics (the reference kernels
in `tensorflow/lite/kernels/internal/reference/`). Result types come from the
reference's output shapes and dtypes (or an explicit element type, e.g. a quantized
one); `edge-translate` verifies them against the catalog's shape inference.

Inputs are deterministic: every value a case generates comes from one
`numpy.random.RandomState` seeded from the case id (CRC-32), in operand order.

Tolerance: |got - expected| <= atol + rtol * |expected| per element. Float outputs
default to atol 1e-5 + rtol 1e-5; integer and bool outputs compare exactly. A case
that uses a looser tolerance says why (`tol=Tol(..., why)`).

`run_tfl_ops.py` is the runner; `CASES` is the list it runs.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

# ---------------------------------------------------------------------------------
# Element types.

NP_OF = {
    "f32": np.float32,
    "f16": np.float16,
    "i32": np.int32,
    "i64": np.int64,
    "i1": np.bool_,
    "i8": np.int8,
    "ui8": np.uint8,
    "i16": np.int16,
}
ELEM_OF = {np.dtype(v): k for k, v in NP_OF.items()}


def quant(storage: str, scale: float, zero_point: int) -> str:
    """`!quant.uniform<i8:f32, 0.1:-3>` (storage `i8`, `u8` or `i16`)."""
    return f"!quant.uniform<{storage}:f32, {scale!r}:{zero_point}>"


def np_dtype(elem: str):
    """The NumPy dtype of an element type (a quantized type's storage type)."""
    if elem.startswith("!quant.uniform<"):
        storage = elem[len("!quant.uniform<"):].split(":")[0]
        return {"i8": np.int8, "u8": np.uint8, "i16": np.int16}[storage]
    return NP_OF[elem]


def tensor_type(shape, elem: str) -> str:
    dims = "".join(f"{d}x" for d in shape)
    return f"tensor<{dims}{elem}>"


class MType(str):
    """An attribute whose value is an MLIR type (e.g. quantize's `qtype`)."""


# ---------------------------------------------------------------------------------
# Operand specs: a runtime input, a constant, or the absent optional operand.

Gen = Callable[[np.random.RandomState, tuple], np.ndarray]


@dataclass
class Val:
    kind: str  # "input" | "const" | "none"
    shape: tuple = ()
    elem: str = "f32"
    gen: Any = None  # a Gen or a concrete array


def In(shape, elem: str = "f32", gen: Gen | None = None) -> Val:
    """A runtime input (a signature input of the model)."""
    return Val("input", tuple(shape), elem, gen)


def Const(value, elem: str | None = None, shape=None) -> Val:
    """A `tfl.pseudo_const`: given values (array-like; `elem` defaults from the
    NumPy dtype, Python floats are f32 and ints i32) or a generator with `shape`."""
    if callable(value):
        return Val("const", tuple(shape), elem or "f32", value)
    a = np.asarray(value)
    if elem is None:
        elem = "f32" if a.dtype.kind == "f" else "i32" if a.dtype.kind in "iu" else ELEM_OF[a.dtype]
    a = a.astype(np_dtype(elem))
    return Val("const", a.shape, elem, a)


NONE = Val("none")


# Value generators.
def normal(scale: float = 1.0) -> Gen:
    return lambda rng, shape: (rng.standard_normal(shape) * scale).astype(np.float32)


def uniform(lo: float, hi: float) -> Gen:
    return lambda rng, shape: rng.uniform(lo, hi, shape).astype(np.float32)


def magnitude(lo: float, hi: float) -> Gen:
    """|x| in [lo, hi) with a random sign (keeps divisors away from zero)."""
    def g(rng, shape):
        m = rng.uniform(lo, hi, shape)
        return np.where(rng.random_sample(shape) < 0.5, -m, m).astype(np.float32)
    return g


def ints(lo: int, hi: int) -> Gen:
    """Integers in [lo, hi); cast to the operand's dtype (also float: exact small ints)."""
    return lambda rng, shape: rng.randint(lo, hi, shape)


def bools() -> Gen:
    return lambda rng, shape: rng.random_sample(shape) < 0.5


def avoid_half(gen: Gen, step: float) -> Gen:
    """Values at least 0.1 * step away from the rounding ties (k + 0.5) * step."""
    def g(rng, shape):
        x = np.asarray(gen(rng, shape), np.float32)
        frac = np.mod(x / step, 1.0)
        bad = np.abs(frac - 0.5) < 0.1
        return np.where(bad, x + np.float32(0.2 * step), x).astype(np.float32)
    return g


# ---------------------------------------------------------------------------------
# Cases.


@dataclass(frozen=True)
class Tol:
    atol: float
    rtol: float
    why: str = ""

    def describe(self) -> str:
        if self.atol == 0 and self.rtol == 0:
            return "exact"
        return f"atol {self.atol:g} + rtol {self.rtol:g}"

    def token(self) -> str:
        """The tolerance as one word, for the runner's one-line results."""
        if self.atol == 0 and self.rtol == 0:
            return "exact"
        return f"atol={self.atol:g},rtol={self.rtol:g}"


FLOAT_TOL = Tol(1e-5, 1e-5)
EXACT = Tol(0.0, 0.0)
# Transcendental functions: LiteRT's optimized kernels (Eigen, XNNPACK) use polynomial
# approximations of exp/log/tanh/erf, good to a few float32 ulps.
APPROX_TOL = Tol(1e-5, 1e-4, "polynomial approximation in the optimized kernels")


@dataclass
class Case:
    id: str
    op: str
    operands: list
    attrs: dict
    ref: Callable
    tol: Tol | None = None
    out_elems: list | None = None  # per result; default from the reference's dtype
    then: list = field(default_factory=list)  # [(op, attrs, elem)] applied to result 0
    note: str = ""
    xfail: str | None = None
    # Op resolvers this case does not run on, with the reason (a gap in LiteRT, not ours).
    skip_on: dict = field(default_factory=dict)

    @property
    def ops(self) -> list[str]:
        return [self.op] + [t[0] for t in self.then]


@dataclass
class Built:
    mlir: str
    feeds: dict  # signature input name -> array
    expected: list  # one array per output, in signature output order
    out_names: list
    tol: list  # one Tol per output


def seed_of(case_id: str) -> int:
    return zlib.crc32(case_id.encode()) & 0x7FFFFFFF


def materialize(v: Val, rng) -> np.ndarray | None:
    if v.kind == "none":
        return None
    g = v.gen
    if g is None:
        g = bools() if v.elem == "i1" else normal()
    a = g(rng, v.shape) if callable(g) else g
    return np.asarray(a).astype(np_dtype(v.elem)).reshape(v.shape)


def fmt_scalar(x, elem: str) -> str:
    if elem == "i1":
        return "true" if bool(x) else "false"
    if elem in ("f32", "f16"):
        x = np.float32(x) if elem == "f32" else np.float16(x)
        if not np.isfinite(x):
            raise ValueError("non-finite constant")
        return np.format_float_scientific(x, unique=True, trim="0")
    return str(int(x))


def dense(a: np.ndarray, elem: str) -> str:
    def rec(x):
        if x.ndim == 0:
            return fmt_scalar(x, elem)
        return "[" + ", ".join(rec(s) for s in x) + "]"
    return f"dense<{rec(a)}> : {tensor_type(a.shape, elem)}"


def fmt_attr(v) -> str:
    if isinstance(v, MType):
        return str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return f"{v} : i32"
    if isinstance(v, float):
        return f"{fmt_scalar(v, 'f32')} : f32"
    if isinstance(v, str):
        return f'"{v}"'
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(f"{int(x)}" for x in v) + "]"
    raise TypeError(f"attribute value {v!r}")


def fmt_attrs(attrs: dict) -> str:
    if not attrs:
        return ""
    return " {" + ", ".join(f"{k} = {fmt_attr(attrs[k])}" for k in sorted(attrs)) + "}"


def build(case: Case) -> Built:
    rng = np.random.RandomState(seed_of(case.id))
    arrays = [materialize(v, rng) for v in case.operands]
    outs = case.ref(*arrays, **case.attrs)
    if not isinstance(outs, (list, tuple)):
        outs = [outs]
    outs = [np.asarray(o) for o in outs]

    args, body, refs, types, feeds = [], [], [], [], {}
    for i, (v, a) in enumerate(zip(case.operands, arrays)):
        if v.kind == "input":
            name = f"x{i}"
            t = tensor_type(v.shape, v.elem)
            args.append(f"%{name}: {t}")
            feeds[name] = a
        elif v.kind == "const":
            name = f"c{i}"
            t = tensor_type(v.shape, v.elem)
            body.append(f'  %{name} = "tfl.pseudo_const"() {{value = {dense(a, v.elem)}}} : () -> {t}')
        else:
            name = f"none{i}"
            t = "none"
            body.append(f'  %{name} = "tfl.no_value"() {{value}} : () -> none')
        refs.append(f"%{name}")
        types.append(t)

    elems = list(case.out_elems or [None] * len(outs))
    if len(elems) != len(outs):
        raise ValueError(f"{case.id}: out_elems has {len(elems)} entries for {len(outs)} results")
    first_elems = [e or ELEM_OF[o.dtype] for e, o in zip(elems, outs)]
    rtypes = [tensor_type(o.shape, e) for o, e in zip(outs, first_elems)]
    n = len(outs)
    res = "%r" if n == 1 else f"%r:{n}"
    rsig = rtypes[0] if n == 1 else "(" + ", ".join(rtypes) + ")"
    body.append(
        f'  {res} = "{case.op}"({", ".join(refs)}){fmt_attrs(case.attrs)}'
        f' : ({", ".join(types)}) -> {rsig}'
    )
    rets = ["%r"] if n == 1 else [f"%r#{k}" for k in range(n)]
    final_types = list(rtypes)
    for k, (op, attrs, elem) in enumerate(case.then):
        t_in = final_types[0]
        t_out = tensor_type(outs[0].shape, elem)
        body.append(f'  %t{k} = "{op}"({rets[0]}){fmt_attrs(attrs)} : ({t_in}) -> {t_out}')
        rets[0], final_types[0] = f"%t{k}", t_out
    out_names = [f"y{k}" for k in range(n)]
    body.append(f"  return {', '.join(rets)} : {', '.join(final_types)}")
    fsig = final_types[0] if n == 1 else "(" + ", ".join(final_types) + ")"
    entry = f'{{tf.entry_function = {{inputs = "{",".join(feeds)}", outputs = "{",".join(out_names)}"}}}}'
    mlir = (
        f"// {case.id}: {case.op}" + (f" -- {case.note}" if case.note else "") + "\n"
        f"func.func @main({', '.join(args)}) -> {fsig} attributes {entry} {{\n"
        + "\n".join(body)
        + "\n}\n"
    )
    tols = []
    for o in outs:
        if case.tol is not None:
            tols.append(case.tol)
        else:
            tols.append(FLOAT_TOL if o.dtype.kind == "f" else EXACT)
    return Built(mlir, feeds, outs, out_names, tols)


# ---------------------------------------------------------------------------------
# Reference semantics (TFLite's reference kernels), computed in float64 and rounded
# to float32 at the end unless the kernel's float32 arithmetic matters.

F64 = np.float64


def act(x, name: str):
    if name == "NONE":
        return x
    if name == "RELU":
        return np.maximum(x, 0)
    if name == "RELU_N1_TO_1":
        return np.clip(x, -1, 1)
    if name == "RELU6":
        return np.clip(x, 0, 6)
    if name == "TANH":
        return np.tanh(x)
    raise ValueError(name)


def f32(x):
    return np.asarray(x).astype(np.float32)


def geometry(size: int, k: int, stride: int, dilation: int, padding: str):
    """(output size, pad before, pad after) as TFLite's ComputePaddingHeightWidth."""
    eff = (k - 1) * dilation + 1
    if padding == "SAME":
        out = (size + stride - 1) // stride
    else:
        out = (size + stride - eff) // stride
    total = max((out - 1) * stride + eff - size, 0)
    return out, total // 2, total - total // 2


def windows(x, kh, kw, sh, sw, dh, dw, padding, fill=0.0):
    """Yields (ky, kx, view [N, OH, OW, C]) of the padded input for each filter tap."""
    _, h, w, _ = x.shape
    oh, pt, pb = geometry(h, kh, sh, dh, padding)
    ow, pl, pr = geometry(w, kw, sw, dw, padding)
    xp = np.pad(x, ((0, 0), (pt, pb), (pl, pr), (0, 0)), constant_values=fill)
    for ky in range(kh):
        for kx in range(kw):
            y0, x0 = ky * dh, kx * dw
            yield ky, kx, xp[:, y0:y0 + (oh - 1) * sh + 1:sh, x0:x0 + (ow - 1) * sw + 1:sw, :]


def ref_conv_2d(x, w, b, *, padding, stride_h, stride_w, dilation_h_factor, dilation_w_factor,
                fused_activation_function):
    _, kh, kw, _ = w.shape
    acc = 0.0
    for ky, kx, v in windows(x.astype(F64), kh, kw, stride_h, stride_w, dilation_h_factor,
                             dilation_w_factor, padding):
        acc = acc + v @ w[:, ky, kx, :].astype(F64).T
    if b is not None:
        acc = acc + b
    return f32(act(acc, fused_activation_function))


def ref_depthwise_conv_2d(x, w, b, *, padding, stride_h, stride_w, dilation_h_factor,
                          dilation_w_factor, depth_multiplier, fused_activation_function):
    _, kh, kw, cm = w.shape
    assert cm == x.shape[3] * depth_multiplier
    acc = 0.0
    for ky, kx, v in windows(x.astype(F64), kh, kw, stride_h, stride_w, dilation_h_factor,
                             dilation_w_factor, padding):
        # output channel c * M + m reads input channel c.
        acc = acc + np.repeat(v, depth_multiplier, axis=3) * w[0, ky, kx, :].astype(F64)
    if b is not None:
        acc = acc + b
    return f32(act(acc, fused_activation_function))


def ref_transpose_conv(output_shape, w, x, b, *, padding, stride_h, stride_w,
                       fused_activation_function):
    n, oh, ow, oc = (int(d) for d in output_shape)
    _, kh, kw, _ = w.shape
    _, ih, iw, _ = x.shape
    # TFLite: padding from ComputePaddingHeightWidth(stride, 1, out_h, out_w, kh, kw).
    _, pt, _ = geometry(oh, kh, stride_h, 1, padding)
    _, pl, _ = geometry(ow, kw, stride_w, 1, padding)
    out = np.zeros((n, oh, ow, oc))
    xw = x.astype(F64)
    for iy in range(ih):
        for ix in range(iw):
            for ky in range(kh):
                for kx in range(kw):
                    oy, ox = iy * stride_h - pt + ky, ix * stride_w - pl + kx
                    if 0 <= oy < oh and 0 <= ox < ow:
                        out[:, oy, ox, :] += xw[:, iy, ix, :] @ w[:, ky, kx, :].astype(F64).T
    if b is not None:
        out = out + b
    return f32(act(out, fused_activation_function))


def ref_pool(kind):
    def ref(x, *, padding, stride_h, stride_w, filter_height, filter_width,
            fused_activation_function):
        args = (filter_height, filter_width, stride_h, stride_w, 1, 1, padding)
        if kind == "max":
            out = None
            for _, _, v in windows(x.astype(F64), *args, fill=-np.inf):
                out = v if out is None else np.maximum(out, v)
        else:
            total = count = 0.0
            ones = np.ones(x.shape[:3] + (1,))
            for (_, _, v), (_, _, c) in zip(windows(x.astype(F64), *args),
                                            windows(ones, *args)):
                total, count = total + v, count + c
            out = total / count  # SAME: the count of in-bounds elements
        return f32(act(out, fused_activation_function))
    return ref


def ref_fully_connected(x, w, b, *, fused_activation_function, keep_num_dims, weights_format,
                        **_):
    o, i = w.shape
    y = x.astype(F64).reshape(-1, i) @ w.astype(F64).T
    if b is not None:
        y = y + b
    y = act(y, fused_activation_function)
    if keep_num_dims:
        y = y.reshape(x.shape[:-1] + (o,))
    return f32(y)


def ref_batch_matmul(x, y, *, adj_x=False, adj_y=False, **_):
    a, b = x.astype(F64), y.astype(F64)
    if adj_x:
        a = np.swapaxes(a, -1, -2)
    if adj_y:
        b = np.swapaxes(b, -1, -2)
    return f32(np.matmul(a, b))


def ref_binary(fn):
    def ref(x, y, *, fused_activation_function="NONE"):
        if x.dtype.kind == "f":
            return f32(act(fn(x.astype(F64), y.astype(F64)), fused_activation_function))
        return act(fn(x, y), fused_activation_function).astype(x.dtype)
    return ref


def int_div(x, y):
    if np.asarray(x).dtype.kind == "f":
        return x / y
    # TFLite's integer DIV: C++ `/`, truncating toward zero.
    q = np.abs(x) // np.abs(y)
    return np.where((x < 0) != (y < 0), -q, q)


def ref_unary(fn):
    def ref(x, **_):
        if x.dtype.kind == "f":
            return f32(fn(x.astype(F64)))
        return fn(x).astype(x.dtype)
    return ref


_erf = np.vectorize(math.erf, otypes=[F64])


def ref_gelu(x, *, approximate=False):
    v = x.astype(F64)
    if approximate:
        return f32(0.5 * v * (1 + np.tanh(math.sqrt(2 / math.pi) * (v + 0.044715 * v**3))))
    return f32(0.5 * v * (1 + _erf(v / math.sqrt(2))))


def ref_reduce(fn):
    def ref(x, axes, *, keep_dims):
        ax = tuple(sorted({int(a) % x.ndim for a in np.ravel(axes)}))
        if x.dtype.kind == "f":
            return f32(fn(x.astype(F64), axis=ax, keepdims=keep_dims))
        return fn(x, axis=ax, keepdims=keep_dims).astype(x.dtype)
    return ref


def int_mean(x, axis, keepdims):
    if x.dtype.kind == "f":
        return np.mean(x, axis=axis, keepdims=keepdims)
    s = np.sum(x.astype(np.int64), axis=axis, keepdims=keepdims)
    n = int(np.prod([x.shape[a] for a in axis]))
    return int_div(s, np.int64(n))


def ref_softmax(x, *, beta=1.0):
    v = x.astype(F64) * beta
    e = np.exp(v - v.max(axis=-1, keepdims=True))
    return f32(e / e.sum(axis=-1, keepdims=True))


def ref_log_softmax(x):
    v = x.astype(F64)
    m = v.max(axis=-1, keepdims=True)
    return f32(v - m - np.log(np.exp(v - m).sum(axis=-1, keepdims=True)))


def ref_concatenation(*xs, axis, fused_activation_function):
    y = np.concatenate(xs, axis=axis)
    return act(y, fused_activation_function).astype(y.dtype)


def ref_pad(x, paddings, constant_values=None):
    cv = 0 if constant_values is None else np.asarray(constant_values).item()
    return np.pad(x, [(int(a), int(b)) for a, b in np.asarray(paddings)], constant_values=cv)


def ref_slice(x, begin, size):
    idx = tuple(slice(int(b), None if int(s) == -1 else int(b) + int(s))
                for b, s in zip(np.ravel(begin), np.ravel(size)))
    return x[idx]


def ref_strided_slice(x, begin, end, strides, *, begin_mask, end_mask, ellipsis_mask,
                      new_axis_mask, shrink_axis_mask, offset):
    # TensorFlow's strided slice is NumPy basic indexing: build the index tuple.
    assert not offset
    idx = []
    for i, (b, e, s) in enumerate(zip(np.ravel(begin), np.ravel(end), np.ravel(strides))):
        bit = 1 << i
        if ellipsis_mask & bit:
            idx.append(Ellipsis)
        elif new_axis_mask & bit:
            idx.append(np.newaxis)
        elif shrink_axis_mask & bit:
            idx.append(int(b))
        else:
            idx.append(slice(None if begin_mask & bit else int(b),
                             None if end_mask & bit else int(e), int(s)))
    return np.ascontiguousarray(x[tuple(idx)])


def ref_gather(params, indices, *, axis, batch_dims=0):
    if batch_dims == 0:
        return np.take(params, indices, axis=axis)
    assert batch_dims == 1
    return np.stack([np.take(p, i, axis=axis - 1) for p, i in zip(params, indices)])


def ref_squeeze(x, *, squeeze_dims=()):
    if not squeeze_dims:
        return np.squeeze(x)
    return np.squeeze(x, axis=tuple(int(d) for d in squeeze_dims))


def ref_split(split_dim, x, *, num_splits):
    return np.split(x, num_splits, axis=int(np.ravel(split_dim)[0]))


def ref_unpack(x, *, axis, num):
    return [np.take(x, k, axis=axis) for k in range(num)]


def ref_cast(to):
    def ref(x):
        if x.dtype.kind == "f" and np.dtype(to).kind in "iu":
            return np.trunc(x).astype(to)  # C++ static_cast: toward zero
        if np.dtype(to) == np.bool_:
            return x != 0
        return x.astype(to)
    return ref


def ref_cumsum(x, axis, *, exclusive=False, reverse=False):
    a = int(np.ravel(axis)[0])
    v = x.astype(F64) if x.dtype.kind == "f" else x.astype(np.int64)
    if reverse:
        v = np.flip(v, a)
    c = np.cumsum(v, axis=a)
    if exclusive:
        zero = np.zeros_like(np.take(c, [0], axis=a))
        c = np.concatenate([zero, np.delete(c, -1, axis=a)], axis=a)
    if reverse:
        c = np.flip(c, a)
    return c.astype(x.dtype)


def floor_mod(x, y):
    # TFLite FLOOR_MOD: the truncated remainder (C++ `%`, std::fmod) moved into the
    # divisor's sign, i.e. Python's floored modulo, which np.mod is (ints and floats).
    return np.mod(x, y)


def ref_gather_nd(params, indices):
    # out[i...] = params[indices[i..., 0], ..., indices[i..., d - 1], ...] with d the
    # last dim of indices: shape indices.shape[:-1] + params.shape[d:].
    d = indices.shape[-1]
    return np.ascontiguousarray(params[tuple(np.moveaxis(indices, -1, 0)[:d])])


def ref_reverse_v2(x, axis):
    return np.ascontiguousarray(np.flip(x, axis=tuple(int(a) for a in np.ravel(axis))))


def ref_topk_v2(x, k):
    # The k largest along the last dim, sorted descending; of equal values the one with
    # the lower index comes first (TF's and TFLite's TopKV2).
    k = int(np.ravel(k)[0])
    idx = np.argsort(-x.astype(F64), axis=-1, kind="stable")[..., :k]
    return [np.take_along_axis(x, idx, axis=-1), idx.astype(np.int32)]


def _bilinear_coords(out_size, in_size, align_corners, half_pixel_centers):
    scale = np.float32(in_size) / np.float32(out_size)
    if align_corners and out_size > 1:
        scale = np.float32(in_size - 1) / np.float32(out_size - 1)
    v = np.arange(out_size, dtype=np.float32)
    if half_pixel_centers:
        s = (v + np.float32(0.5)) * scale - np.float32(0.5)
    else:
        s = v * scale
    lo = np.maximum(np.floor(s), 0).astype(int)
    hi = np.minimum(np.ceil(s), in_size - 1).astype(int)
    return s, lo, hi


def ref_resize_bilinear(x, size, *, align_corners, half_pixel_centers=False):
    _, h, w, _ = x.shape
    oh, ow = (int(d) for d in size)
    ys, y0, y1 = _bilinear_coords(oh, h, align_corners, half_pixel_centers)
    xs, x0, x1 = _bilinear_coords(ow, w, align_corners, half_pixel_centers)
    dy = (ys - y0).astype(F64)[None, :, None, None]
    dx = (xs - x0).astype(F64)[None, None, :, None]
    v = x.astype(F64)

    def at(yi, xi):
        return v[:, yi][:, :, xi]

    out = (at(y0, x0) * (1 - dy) * (1 - dx) + at(y1, x0) * dy * (1 - dx)
           + at(y0, x1) * (1 - dy) * dx + at(y1, x1) * dy * dx)
    return f32(out)


def _nearest(out_size, in_size, align_corners, half_pixel_centers):
    scale = np.float32(in_size) / np.float32(out_size)
    if align_corners and out_size > 1:
        scale = np.float32(in_size - 1) / np.float32(out_size - 1)
    off = np.float32(0.5 if half_pixel_centers else 0.0)
    s = (np.arange(out_size, dtype=np.float32) + off) * scale
    # TfLiteRound rounds half away from zero; s >= 0 here.
    i = np.floor(s + np.float32(0.5)) if align_corners else np.floor(s)
    i = np.minimum(i.astype(int), in_size - 1)
    if half_pixel_centers:
        i = np.maximum(i, 0)
    return i


def ref_resize_nearest(x, size, *, align_corners, half_pixel_centers=False):
    _, h, w, _ = x.shape
    oh, ow = (int(d) for d in size)
    yi = _nearest(oh, h, align_corners, half_pixel_centers)
    xi = _nearest(ow, w, align_corners, half_pixel_centers)
    return x[:, yi][:, :, xi]


def ref_quantize(scale, zp, dtype):
    info = np.iinfo(dtype)

    def ref(x, **_):
        q = np.asarray(x, np.float32) / np.float32(scale)
        r = np.sign(q) * np.floor(np.abs(q) + 0.5)  # round half away from zero
        return np.clip(r + zp, info.min, info.max).astype(dtype)
    return ref


def ref_dequantize(scale, zp):
    return lambda q, **_: f32((q.astype(np.int32) - zp).astype(np.float32) * np.float32(scale))


def ref_round_trip(scale, zp, dtype):
    qf, df = ref_quantize(scale, zp, dtype), ref_dequantize(scale, zp)
    return lambda x, **_: df(qf(x))


def ref_requantize(s_in, z_in, s_out, z_out, dtype):
    return lambda q, **_: ref_quantize(s_out, z_out, dtype)(ref_dequantize(s_in, z_in)(q))


# ---------------------------------------------------------------------------------
# The case list.

CASES: list[Case] = []


def case(id, op, operands, attrs=None, ref=None, **kw):
    if any(c.id == id for c in CASES):
        raise ValueError(f"duplicate case id {id}")
    CASES.append(Case(id, op, list(operands), dict(attrs or {}), ref, **kw))


ACTS = ["NONE", "RELU", "RELU_N1_TO_1", "RELU6"]  # the ones the float kernels implement

# Fixed defects this suite found, now guarded elsewhere: an absent conv bias (the writer
# writes zeros; cases below), fused TANH/SIGN_BIT and fused activations on concatenation
# (the verifier rejects them: lit-tests/edge-verify/tfl-invalid.mlir).
# The reference op resolver (BuiltinRefOpResolver, register_ref.cc) of ai-edge-litert
# 2.3.0 registers fewer versions of some ops than the default resolver, which runs them;
# the version we write is the one TFLite's op_version.cc gives.
REF_LACKS = ("BuiltinRefOpResolver has no {} version {} ('Didn't find op for builtin "
             "opcode'); the default resolver runs it")
REF_LACKS_OP = ("BuiltinRefOpResolver does not register {} at all ('Didn't find op for "
                "builtin opcode'); the default resolver runs it")


def conv_attrs(padding="SAME", s=(1, 1), d=(1, 1), act_="NONE"):
    return dict(padding=padding, stride_h=s[0], stride_w=s[1], dilation_h_factor=d[0],
                dilation_w_factor=d[1], fused_activation_function=act_)


# ---- conv_2d: input NHWC, filter OHWI, optional bias -----------------------------
for a in ACTS:
    case(f"conv_2d.same.{a.lower()}", "tfl.conv_2d",
         [In((1, 5, 5, 3)), Const(normal(0.5), shape=(4, 3, 3, 3)), Const(normal(0.5), shape=(4,))],
         conv_attrs("SAME", act_=a), ref_conv_2d)
case("conv_2d.valid.no_bias", "tfl.conv_2d",
     [In((2, 6, 5, 2)), Const(normal(0.5), shape=(3, 3, 2, 2)), NONE],
     conv_attrs("VALID"), ref_conv_2d, note="the writer materializes a zero bias")
case("conv_2d.valid.zero_bias", "tfl.conv_2d",
     [In((2, 6, 5, 2)), Const(normal(0.5), shape=(3, 3, 2, 2)), Const(np.zeros(3, np.float32))],
     conv_attrs("VALID"), ref_conv_2d, note="what an absent bias must become")
case("conv_2d.same.stride2", "tfl.conv_2d",
     [In((1, 7, 6, 3)), Const(normal(0.5), shape=(2, 3, 3, 3)), Const(normal(), shape=(2,))],
     conv_attrs("SAME", s=(2, 2)), ref_conv_2d)
case("conv_2d.valid.stride_2x1", "tfl.conv_2d",
     [In((1, 7, 6, 2)), Const(normal(0.5), shape=(3, 2, 3, 2)), Const(normal(), shape=(3,))],
     conv_attrs("VALID", s=(2, 1)), ref_conv_2d)
case("conv_2d.same.dilation2", "tfl.conv_2d",
     [In((1, 8, 8, 2)), Const(normal(0.5), shape=(3, 3, 3, 2)), Const(normal(), shape=(3,))],
     conv_attrs("SAME", d=(2, 2)), ref_conv_2d)
case("conv_2d.valid.dilation_1x2.relu6", "tfl.conv_2d",
     [In((1, 6, 9, 2)), Const(normal(), shape=(2, 2, 3, 2)), Const(normal(), shape=(2,))],
     conv_attrs("VALID", d=(1, 2), act_="RELU6"), ref_conv_2d)
case("conv_2d.runtime_filter", "tfl.conv_2d",
     [In((1, 4, 4, 2)), In((3, 2, 2, 2)), In((3,))],
     conv_attrs("SAME"), ref_conv_2d, note="filter and bias as runtime inputs")

# ---- depthwise_conv_2d: filter [1, H, W, C * M] ----------------------------------
for a in ACTS:
    case(f"depthwise_conv_2d.same.{a.lower()}", "tfl.depthwise_conv_2d",
         [In((1, 5, 5, 3)), Const(normal(), shape=(1, 3, 3, 3)), Const(normal(), shape=(3,))],
         dict(conv_attrs("SAME", act_=a), depth_multiplier=1), ref_depthwise_conv_2d)
case("depthwise_conv_2d.valid.multiplier2.stride2", "tfl.depthwise_conv_2d",
     [In((1, 7, 7, 2)), Const(normal(), shape=(1, 3, 3, 4)), Const(normal(), shape=(4,))],
     dict(conv_attrs("VALID", s=(2, 2)), depth_multiplier=2), ref_depthwise_conv_2d)
case("depthwise_conv_2d.same.multiplier3.no_bias", "tfl.depthwise_conv_2d",
     [In((2, 4, 5, 2)), Const(normal(), shape=(1, 2, 2, 6)), NONE],
     dict(conv_attrs("SAME"), depth_multiplier=3), ref_depthwise_conv_2d,
     note="the writer materializes a zero bias")
case("depthwise_conv_2d.same.multiplier3.zero_bias", "tfl.depthwise_conv_2d",
     [In((2, 4, 5, 2)), Const(normal(), shape=(1, 2, 2, 6)), Const(np.zeros(6, np.float32))],
     dict(conv_attrs("SAME"), depth_multiplier=3), ref_depthwise_conv_2d)
case("depthwise_conv_2d.same.stride_1x2.dilation_2x1", "tfl.depthwise_conv_2d",
     [In((1, 7, 8, 2)), Const(normal(), shape=(1, 3, 2, 2)), Const(normal(), shape=(2,))],
     dict(conv_attrs("SAME", s=(1, 2), d=(2, 1)), depth_multiplier=1), ref_depthwise_conv_2d)
case("depthwise_conv_2d.same.dilation2", "tfl.depthwise_conv_2d",
     [In((1, 7, 7, 3)), Const(normal(), shape=(1, 3, 3, 3)), Const(normal(), shape=(3,))],
     dict(conv_attrs("SAME", d=(2, 2)), depth_multiplier=1), ref_depthwise_conv_2d)

# ---- transpose_conv: output_shape, weights OHWI, input, optional bias ------------
def tconv(id, in_shape, w_shape, out_shape, padding, s, bias=True, act_="NONE", **kw):
    case(id, "tfl.transpose_conv",
         [Const(np.array(out_shape, np.int32)), Const(normal(0.5), shape=w_shape), In(in_shape),
          Const(normal(), shape=(w_shape[0],)) if bias else NONE],
         dict(padding=padding, stride_h=s[0], stride_w=s[1], fused_activation_function=act_),
         ref_transpose_conv, **kw)


tconv("transpose_conv.same.stride2", (1, 3, 3, 2), (3, 3, 3, 2), (1, 6, 6, 3), "SAME", (2, 2))
tconv("transpose_conv.same.stride2.no_bias", (1, 3, 4, 2), (2, 3, 3, 2), (1, 6, 8, 2), "SAME",
      (2, 2), bias=False)
tconv("transpose_conv.valid.stride1", (1, 4, 4, 3), (2, 3, 3, 3), (1, 6, 6, 2), "VALID", (1, 1))
tconv("transpose_conv.valid.stride_2x1", (2, 3, 3, 2), (2, 2, 3, 2), (2, 6, 5, 2), "VALID",
      (2, 1), bias=False)
tconv("transpose_conv.same.stride1.relu", (1, 4, 4, 2), (3, 3, 3, 2), (1, 4, 4, 3), "SAME",
      (1, 1), act_="RELU")

# ---- fully_connected: filter [O, I], optional bias -------------------------------
def fc_attrs(keep=False, act_="NONE"):
    return dict(fused_activation_function=act_, keep_num_dims=keep, weights_format="DEFAULT")


case("fully_connected.bias", "tfl.fully_connected",
     [In((3, 5)), Const(normal(), shape=(4, 5)), Const(normal(), shape=(4,))],
     fc_attrs(), ref_fully_connected)
case("fully_connected.no_bias", "tfl.fully_connected",
     [In((3, 5)), Const(normal(), shape=(4, 5)), NONE], fc_attrs(), ref_fully_connected)
case("fully_connected.keep_num_dims_false.rank3", "tfl.fully_connected",
     [In((2, 3, 5)), Const(normal(), shape=(4, 5)), Const(normal(), shape=(4,))],
     fc_attrs(False), ref_fully_connected)
case("fully_connected.keep_num_dims_true.rank3", "tfl.fully_connected",
     [In((2, 3, 5)), Const(normal(), shape=(4, 5)), Const(normal(), shape=(4,))],
     fc_attrs(True), ref_fully_connected)
case("fully_connected.keep_num_dims_true.no_bias.relu", "tfl.fully_connected",
     [In((2, 2, 6)), Const(normal(), shape=(3, 6)), NONE],
     fc_attrs(True, "RELU"), ref_fully_connected)
case("fully_connected.relu6", "tfl.fully_connected",
     [In((4, 3), gen=normal(3)), Const(normal(), shape=(5, 3)), Const(normal(), shape=(5,))],
     fc_attrs(act_="RELU6"), ref_fully_connected)
case("fully_connected.relu_n1_to_1", "tfl.fully_connected",
     [In((4, 3)), Const(normal(), shape=(5, 3)), Const(normal(), shape=(5,))],
     fc_attrs(act_="RELU_N1_TO_1"), ref_fully_connected)

# ---- batch_matmul ---------------------------------------------------------------
case("batch_matmul.basic", "tfl.batch_matmul", [In((2, 3, 4)), In((2, 4, 5))], {},
     ref_batch_matmul)
case("batch_matmul.adj_x", "tfl.batch_matmul", [In((2, 4, 3)), In((2, 4, 5))],
     dict(adj_x=True, adj_y=False), ref_batch_matmul)
case("batch_matmul.adj_y", "tfl.batch_matmul", [In((2, 3, 4)), In((2, 5, 4))],
     dict(adj_x=False, adj_y=True), ref_batch_matmul)
case("batch_matmul.adj_x_adj_y", "tfl.batch_matmul", [In((3, 4, 2)), In((3, 5, 4))],
     dict(adj_x=True, adj_y=True), ref_batch_matmul)
case("batch_matmul.broadcast_batch", "tfl.batch_matmul", [In((2, 1, 3, 4)), In((3, 4, 5))], {},
     ref_batch_matmul)
case("batch_matmul.const_rhs", "tfl.batch_matmul", [In((2, 3, 4)), Const(normal(), shape=(4, 2))],
     {}, ref_batch_matmul)

# ---- pooling ----------------------------------------------------------------------
def pool_attrs(padding, k, s, act_="NONE"):
    return dict(padding=padding, filter_height=k[0], filter_width=k[1], stride_h=s[0],
                stride_w=s[1], fused_activation_function=act_)


for kind in ("max", "average"):
    op = f"tfl.{kind}_pool_2d"
    r = ref_pool("max" if kind == "max" else "avg")
    case(f"{kind}_pool_2d.valid.2x2.stride2", op, [In((1, 6, 6, 3))],
         pool_attrs("VALID", (2, 2), (2, 2)), r)
    case(f"{kind}_pool_2d.same.3x3.stride2", op, [In((2, 7, 6, 2))],
         pool_attrs("SAME", (3, 3), (2, 2)), r)
    case(f"{kind}_pool_2d.same.3x3.stride1", op, [In((1, 5, 5, 2))],
         pool_attrs("SAME", (3, 3), (1, 1)), r)
    case(f"{kind}_pool_2d.valid.3x2.stride_1x2", op, [In((1, 6, 7, 2))],
         pool_attrs("VALID", (3, 2), (1, 2)), r)
    case(f"{kind}_pool_2d.same.2x2.stride2.relu6", op, [In((1, 5, 5, 2), gen=normal(4))],
         pool_attrs("SAME", (2, 2), (2, 2), "RELU6"), r)
    case(f"{kind}_pool_2d.valid.2x2.relu", op, [In((1, 4, 4, 2))],
         pool_attrs("VALID", (2, 2), (1, 1), "RELU"), r)

# ---- reductions -----------------------------------------------------------------
REDUCERS = {
    "tfl.mean": int_mean,
    "tfl.sum": np.sum,
    "tfl.reduce_max": np.max,
    "tfl.reduce_min": np.min,
}
for op, fn in REDUCERS.items():
    name = op[4:]
    r = ref_reduce(fn)
    case(f"{name}.axes_1_2.keep_dims", op, [In((2, 3, 4, 5)), Const(np.array([1, 2], np.int32))],
         dict(keep_dims=True), r)
    case(f"{name}.axes_1_2", op, [In((2, 3, 4, 5)), Const(np.array([1, 2], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.axis_neg1", op, [In((3, 4)), Const(np.array([-1], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.axes_0_2.keep_dims", op, [In((3, 2, 4)), Const(np.array([0, 2], np.int32))],
         dict(keep_dims=True), r)
    case(f"{name}.all_axes", op, [In((3, 4)), Const(np.array([0, 1], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.scalar_axis", op, [In((3, 4, 2)), Const(np.array(1, np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.i32", op, [In((3, 4, 5), "i32", ints(-50, 50)), Const(np.array([0, 2], np.int32))],
         dict(keep_dims=False), r)


def mostly(p: float) -> Gen:
    """Booleans, true with probability p (reduce_all / reduce_any see both results)."""
    return lambda rng, shape: rng.random_sample(shape) < p


# reduce_all / reduce_any over bool; reduce_prod over values near 1 (f32) or small ints.
for op, fn, gen in (("tfl.reduce_all", np.all, mostly(0.85)),
                    ("tfl.reduce_any", np.any, mostly(0.15)),
                    ("tfl.reduce_prod", np.prod, uniform(0.5, 1.5))):
    name = op[4:]
    elem = "i1" if op != "tfl.reduce_prod" else "f32"
    r = ref_reduce(fn)
    case(f"{name}.axes_1_2.keep_dims", op, [In((2, 3, 2, 4), elem, gen),
         Const(np.array([1, 2], np.int32))], dict(keep_dims=True), r)
    case(f"{name}.axes_1_2", op, [In((2, 3, 2, 4), elem, gen), Const(np.array([1, 2], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.axis_neg1", op, [In((4, 3), elem, gen), Const(np.array([-1], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.axes_0_2.keep_dims", op, [In((3, 2, 4), elem, gen),
         Const(np.array([0, 2], np.int32))], dict(keep_dims=True), r)
    case(f"{name}.axes_neg1_0", op, [In((2, 3, 2), elem, gen), Const(np.array([-1, 0], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.all_axes", op, [In((2, 3), elem, gen), Const(np.array([0, 1], np.int32))],
         dict(keep_dims=False), r)
    case(f"{name}.all_axes.keep_dims", op, [In((2, 3), elem, gen),
         Const(np.array([1, 0], np.int32))], dict(keep_dims=True), r)
    case(f"{name}.scalar_axis", op, [In((3, 4, 2), elem, gen), Const(np.array(1, np.int32))],
         dict(keep_dims=False), r)
case("reduce_all.all_true", "tfl.reduce_all", [In((2, 3), "i1", mostly(1.1)),
     Const(np.array([1], np.int32))], dict(keep_dims=False), ref_reduce(np.all))
case("reduce_any.all_false", "tfl.reduce_any", [In((2, 3), "i1", mostly(0.0)),
     Const(np.array([1], np.int32))], dict(keep_dims=False), ref_reduce(np.any))
case("reduce_prod.f32.signs_and_zeros", "tfl.reduce_prod", [In((3, 4), gen=ints(-2, 3)),
     Const(np.array([1], np.int32))], dict(keep_dims=True), ref_reduce(np.prod))
case("reduce_prod.i32", "tfl.reduce_prod", [In((3, 4, 5), "i32", ints(-3, 4)),
     Const(np.array([0, 2], np.int32))], dict(keep_dims=False), ref_reduce(np.prod),
     note="|product| <= 3^15, no overflow")
case("reduce_prod.i64", "tfl.reduce_prod", [In((2, 6), "i64", ints(-9, 10)),
     Const(np.array([-1], np.int32))], dict(keep_dims=True), ref_reduce(np.prod))

# ---- softmax / log_softmax ------------------------------------------------------
case("softmax.beta1", "tfl.softmax", [In((3, 7), gen=normal(2))], dict(beta=1.0), ref_softmax,
     tol=APPROX_TOL)
case("softmax.beta0_5.rank4", "tfl.softmax", [In((1, 2, 3, 5), gen=normal(2))], dict(beta=0.5),
     ref_softmax, tol=APPROX_TOL)
case("softmax.beta2.rank1", "tfl.softmax", [In((6,))], dict(beta=2.0), ref_softmax,
     tol=APPROX_TOL)
case("log_softmax.rank2", "tfl.log_softmax", [In((3, 7), gen=normal(2))], {}, ref_log_softmax,
     tol=APPROX_TOL)
case("log_softmax.rank3", "tfl.log_softmax", [In((2, 3, 4))], {}, ref_log_softmax,
     tol=APPROX_TOL)

# ---- shape ops --------------------------------------------------------------------
case("reshape.flatten", "tfl.reshape", [In((2, 3, 4)), Const(np.array([-1, 12], np.int32))], {},
     lambda x, s: x.reshape(tuple(s)))
case("reshape.rank1_to_4.i32", "tfl.reshape", [In((24,), "i32", ints(-9, 9)),
     Const(np.array([2, 1, 3, 4], np.int32))], {}, lambda x, s: x.reshape(tuple(s)))
case("reshape.runtime_shape", "tfl.reshape", [In((2, 6)), In((3,), "i32", lambda r, s: [3, 2, 2])],
     {}, lambda x, s: x.reshape(tuple(s)), note="shape as a runtime input")

case("transpose.nchw_to_nhwc", "tfl.transpose", [In((2, 3, 4, 5)),
     Const(np.array([0, 2, 3, 1], np.int32))], {}, lambda x, p: np.transpose(x, p))
case("transpose.rank2.i32", "tfl.transpose", [In((3, 5), "i32", ints(-99, 99)),
     Const(np.array([1, 0], np.int32))], {}, lambda x, p: np.transpose(x, p))
case("transpose.rank3", "tfl.transpose", [In((2, 3, 4)), Const(np.array([2, 0, 1], np.int32))],
     {}, lambda x, p: np.transpose(x, p))

case("concatenation.axis0", "tfl.concatenation", [In((2, 3)), In((1, 3)), In((3, 3))],
     dict(axis=0, fused_activation_function="NONE"), ref_concatenation)
case("concatenation.axis_neg1.rank4", "tfl.concatenation", [In((1, 2, 2, 3)), In((1, 2, 2, 1))],
     dict(axis=-1, fused_activation_function="NONE"), ref_concatenation)
case("concatenation.i32.const_operand", "tfl.concatenation",
     [In((2, 2), "i32", ints(-9, 9)), Const(np.array([[7], [8]], np.int32))],
     dict(axis=1, fused_activation_function="NONE"), ref_concatenation)

case("pad.rank2", "tfl.pad", [In((2, 3)), Const(np.array([[1, 2], [0, 1]], np.int32))], {},
     ref_pad)
case("pad.rank4.i64_paddings", "tfl.pad", [In((1, 2, 3, 2)),
     Const(np.array([[0, 0], [1, 1], [2, 0], [0, 0]], np.int64))], {}, ref_pad)
case("pad.i32", "tfl.pad", [In((3,), "i32", ints(1, 9)), Const(np.array([[2, 1]], np.int32))], {},
     ref_pad)
case("padv2.f32", "tfl.padv2", [In((2, 3)), Const(np.array([[1, 0], [2, 1]], np.int32)),
     Const(np.array(-2.5, np.float32))], {}, ref_pad)
case("padv2.i32", "tfl.padv2", [In((2, 2), "i32", ints(0, 9)),
     Const(np.array([[0, 1], [1, 1]], np.int32)), Const(np.array(-7, np.int32))], {}, ref_pad)

case("slice.rank3", "tfl.slice", [In((3, 4, 5)), Const(np.array([1, 0, 2], np.int32)),
     Const(np.array([2, 3, 2], np.int32))], {}, ref_slice)
case("slice.size_minus1", "tfl.slice", [In((4, 5)), Const(np.array([1, 2], np.int32)),
     Const(np.array([-1, 2], np.int32))], {}, ref_slice)
case("slice.i64_begin_size.i32", "tfl.slice", [In((4, 6), "i32", ints(-50, 50)),
     Const(np.array([2, 1], np.int64)), Const(np.array([2, -1], np.int64))], {}, ref_slice)


def ss(id, shape, b, e, s, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0,
       shrink_axis_mask=0, elem="f32", gen=None):
    skip = {}
    if ellipsis_mask or new_axis_mask:  # version 6
        skip["ref"] = REF_LACKS.format("STRIDED_SLICE", 6)
    case(id, "tfl.strided_slice",
         [In(shape, elem, gen), Const(np.array(b, np.int32)), Const(np.array(e, np.int32)),
          Const(np.array(s, np.int32))],
         dict(begin_mask=begin_mask, end_mask=end_mask, ellipsis_mask=ellipsis_mask,
              new_axis_mask=new_axis_mask, shrink_axis_mask=shrink_axis_mask, offset=False),
         ref_strided_slice, skip_on=skip)


ss("strided_slice.basic", (4, 6), [1, 0], [3, 6], [1, 2])
ss("strided_slice.begin_end_mask", (4, 6), [2, 1], [0, 5], [1, 1], begin_mask=1, end_mask=1)
ss("strided_slice.negative_stride", (5, 4), [-1, 0], [0, 4], [-1, 1], end_mask=1)
ss("strided_slice.negative_stride2.negative_indices", (6, 3), [-2, 0], [-6, 3], [-2, 1])
ss("strided_slice.shrink_axis", (3, 4, 5), [1, 0, 2], [2, 4, 3], [1, 1, 1], shrink_axis_mask=0b101)
ss("strided_slice.ellipsis", (2, 3, 4, 5), [0, 1], [0, 4], [1, 2], ellipsis_mask=1)
ss("strided_slice.new_axis", (3, 4), [0, 1, 0], [0, 3, 4], [1, 1, 2], new_axis_mask=1,
   end_mask=0)
ss("strided_slice.i32.reverse_all", (3, 4), [0, 0], [0, 0], [-1, -1], begin_mask=3, end_mask=3,
   elem="i32", gen=ints(-99, 99))

case("gather.axis0", "tfl.gather", [In((5, 3)), Const(np.array([4, 0, 2, 2], np.int32))],
     dict(axis=0), ref_gather)
case("gather.axis1.indices_2d", "tfl.gather", [In((2, 5, 3)), Const(np.array([[1, 4], [0, 3]],
     np.int32))], dict(axis=1, batch_dims=0), ref_gather)
case("gather.axis_neg1.runtime_indices.i64", "tfl.gather",
     [In((3, 4)), In((5,), "i64", ints(0, 4))], dict(axis=-1), ref_gather)
case("gather.i32_params", "tfl.gather", [In((4, 2), "i32", ints(-9, 9)),
     In((3,), "i32", ints(0, 4))], dict(axis=0), ref_gather)
case("gather.batch_dims1", "tfl.gather", [In((2, 4, 3)), Const(np.array([[0, 3], [2, 2]],
     np.int32))], dict(axis=1, batch_dims=1), ref_gather)

# gather_nd: index vectors in the last dim of indices; a vector shorter than params'
# rank picks a slice. TFLite's GATHER_ND has no batch_dims: a batched gather (TF's
# batch_dims=1) is the batch index written into each vector, as in `.batch_index_in_vector`.
case("gather_nd.full_depth", "tfl.gather_nd", [In((3, 4)),
     Const(np.array([[2, 3], [0, 0], [1, 2], [2, 0], [0, 3]], np.int32))], {}, ref_gather_nd,
     note="scalars")
case("gather_nd.slices", "tfl.gather_nd", [In((4, 3, 2)),
     Const(np.array([[3], [0], [3]], np.int32))], {}, ref_gather_nd, note="rows of rank 2")
case("gather_nd.depth2_of_rank3", "tfl.gather_nd", [In((3, 4, 2)),
     Const(np.array([[2, 1], [0, 3], [1, 1]], np.int32))], {}, ref_gather_nd)
case("gather_nd.indices_rank3", "tfl.gather_nd", [In((3, 4, 2)),
     Const(np.array([[[0, 1], [2, 3], [1, 0]], [[2, 2], [0, 0], [1, 3]]], np.int32))], {},
     ref_gather_nd, note="indices [2, 3, 2]: leading index dims carry into the output")
case("gather_nd.batch_index_in_vector", "tfl.gather_nd", [In((2, 5, 3)),
     Const(np.array([[[0, 4], [0, 1], [0, 1]], [[1, 0], [1, 2], [1, 4]]], np.int32))], {},
     ref_gather_nd, note="tf.gather_nd(batch_dims=1) written as full index vectors")
case("gather_nd.runtime_indices.i64", "tfl.gather_nd", [In((4, 3)), In((2, 3, 1), "i64",
     ints(0, 4))], {}, ref_gather_nd, note="indices as a runtime input")
case("gather_nd.i32_params", "tfl.gather_nd", [In((3, 3, 2), "i32", ints(-99, 99)),
     In((4, 3), "i32", lambda r, s: np.stack([r.randint(0, 3, s[0]), r.randint(0, 3, s[0]),
                                             r.randint(0, 2, s[0])], axis=1))], {},
     ref_gather_nd)
case("gather_nd.i64_params", "tfl.gather_nd", [In((5, 2), "i64", ints(-999, 999)),
     Const(np.array([[4], [1]], np.int32))], {}, ref_gather_nd)
case("gather_nd.i8_params", "tfl.gather_nd", [In((3, 4), "i8", ints(-128, 128)),
     Const(np.array([[1, 1], [2, 3]], np.int32))], {}, ref_gather_nd)

# reverse_v2: the dims listed in axis (one or several, negative counts from the end).
case("reverse_v2.axis0", "tfl.reverse_v2", [In((4, 3)), Const(np.array([0], np.int32))], {},
     ref_reverse_v2)
case("reverse_v2.axis_neg1.rank3", "tfl.reverse_v2", [In((2, 3, 4)),
     Const(np.array([-1], np.int32))], {}, ref_reverse_v2)
case("reverse_v2.axis1.rank4", "tfl.reverse_v2", [In((2, 3, 4, 2)),
     Const(np.array([1], np.int32))], {}, ref_reverse_v2)
case("reverse_v2.axes_0_2", "tfl.reverse_v2", [In((3, 2, 4)), Const(np.array([0, 2], np.int32))],
     {}, ref_reverse_v2,
     xfail="non-contiguous axes: LiteRT's REVERSE_V2 (reverse.cc) fails at invoke with "
           "'Non-contiguous `axes` not supported' on all three resolvers; tf.reverse reverses "
           "any set of dims")
case("reverse_v2.axes_1_2.rank4", "tfl.reverse_v2", [In((2, 3, 4, 2)),
     Const(np.array([1, 2], np.int32))], {}, ref_reverse_v2, note="two adjacent dims")
case("reverse_v2.all_axes", "tfl.reverse_v2", [In((2, 3, 4)),
     Const(np.array([0, 1, 2], np.int32))], {}, ref_reverse_v2)
case("reverse_v2.i32", "tfl.reverse_v2", [In((3, 5), "i32", ints(-99, 99)),
     Const(np.array([1], np.int32))], {}, ref_reverse_v2)
case("reverse_v2.i64", "tfl.reverse_v2", [In((4, 2), "i64", ints(-99, 99)),
     Const(np.array([0], np.int32))], {}, ref_reverse_v2)
case("reverse_v2.bool", "tfl.reverse_v2", [In((2, 5), "i1"), Const(np.array([1], np.int32))],
     {}, ref_reverse_v2)
case("reverse_v2.i8", "tfl.reverse_v2", [In((3, 4), "i8", ints(-128, 128)),
     Const(np.array([0], np.int32))], {}, ref_reverse_v2)

# shape: the input's dims as an int32 vector (how legalization reads run-time sizes).
case("shape.rank3", "tfl.shape", [In((2, 3, 4))], {}, lambda x: np.array(x.shape, np.int32))
case("shape.i64_input", "tfl.shape", [In((5, 1), "i64", ints(-9, 9))], {},
     lambda x: np.array(x.shape, np.int32))

# range: start, limit, delta scalars (a run-time limit: positions over a sequence).
case("range.i32.runtime_limit", "tfl.range", [Const(np.array(2, np.int32)),
     In((), "i32", ints(7, 8)), Const(np.array(1, np.int32))], {},
     lambda a, b, c: np.arange(a, b, c, dtype=np.int32))
case("range.i32.step3", "tfl.range", [Const(np.array(0, np.int32)), Const(np.array(10, np.int32)),
     Const(np.array(3, np.int32))], {}, lambda a, b, c: np.arange(a, b, c, dtype=np.int32))
case("range.f32", "tfl.range", [Const(np.array(0.5, np.float32)), Const(np.array(3.0, np.float32)),
     Const(np.array(0.5, np.float32))], {}, lambda a, b, c: np.arange(a, b, c, dtype=np.float32))

# topk_v2: values and int32 indices of the k largest along the last dim, descending.
case("topk_v2.rank1", "tfl.topk_v2", [In((8,)), Const(np.array(3, np.int32))], {}, ref_topk_v2)
case("topk_v2.rank2", "tfl.topk_v2", [In((4, 7)), Const(np.array(2, np.int32))], {},
     ref_topk_v2)
case("topk_v2.rank3.k1", "tfl.topk_v2", [In((2, 3, 5)), Const(np.array(1, np.int32))], {},
     ref_topk_v2)
case("topk_v2.full_sort", "tfl.topk_v2", [In((3, 6)), Const(np.array(6, np.int32))], {},
     ref_topk_v2, note="k = the last dim: a descending sort")
case("topk_v2.ties", "tfl.topk_v2", [In((3, 6), gen=ints(-2, 2)), Const(np.array(4, np.int32))],
     {}, ref_topk_v2, note="equal values: the lower index first")
case("topk_v2.i32", "tfl.topk_v2", [In((3, 8), "i32", ints(-1000, 1000)),
     Const(np.array(3, np.int32))], {}, ref_topk_v2)
case("topk_v2.i64", "tfl.topk_v2", [In((2, 5), "i64", ints(-1000, 1000)),
     Const(np.array(2, np.int32))], {}, ref_topk_v2)
case("topk_v2.u8", "tfl.topk_v2", [In((2, 6), "ui8", ints(0, 256)),
     Const(np.array(3, np.int32))], {}, ref_topk_v2)
case("topk_v2.i8", "tfl.topk_v2", [In((2, 6), "i8", ints(-128, 128)),
     Const(np.array(3, np.int32))], {}, ref_topk_v2)

case("squeeze.dims", "tfl.squeeze", [In((1, 3, 1, 4))], dict(squeeze_dims=[0, 2]), ref_squeeze)
case("squeeze.negative_dim", "tfl.squeeze", [In((2, 3, 1))], dict(squeeze_dims=[-1]), ref_squeeze)
case("squeeze.all", "tfl.squeeze", [In((1, 2, 1, 3, 1), "i32", ints(0, 9))], {}, ref_squeeze)

case("expand_dims.dim0", "tfl.expand_dims", [In((3, 4)), Const(np.array(0, np.int32))], {},
     lambda x, d: np.expand_dims(x, int(d)))
case("expand_dims.dim_neg1.i32", "tfl.expand_dims", [In((3, 4), "i32", ints(0, 9)),
     Const(np.array([-1], np.int32))], {}, lambda x, d: np.expand_dims(x, int(np.ravel(d)[0])))
case("expand_dims.dim1.i64_dim", "tfl.expand_dims", [In((2, 3)), Const(np.array(1, np.int64))],
     {}, lambda x, d: np.expand_dims(x, int(d)))

case("pack.axis0", "tfl.pack", [In((2, 3)), In((2, 3)), In((2, 3))],
     dict(axis=0, values_count=3), lambda *xs, axis, values_count: np.stack(xs, axis))
case("pack.axis_neg1.i32", "tfl.pack", [In((2,), "i32", ints(-9, 9)), In((2,), "i32", ints(-9, 9))],
     dict(axis=-1, values_count=2), lambda *xs, axis, values_count: np.stack(xs, axis))
case("pack.axis1.const_operand", "tfl.pack", [In((3, 2)), Const(normal(), shape=(3, 2))],
     dict(axis=1, values_count=2), lambda *xs, axis, values_count: np.stack(xs, axis))
case("unpack.axis0", "tfl.unpack", [In((3, 2, 4))], dict(axis=0, num=3), ref_unpack)
case("unpack.axis1", "tfl.unpack", [In((2, 4, 3))], dict(axis=1, num=4), ref_unpack)
case("unpack.axis_neg1.i32", "tfl.unpack", [In((2, 3), "i32", ints(-9, 9))],
     dict(axis=-1, num=3), ref_unpack)

case("split.axis1", "tfl.split", [Const(np.array(1, np.int32)), In((2, 6))], dict(num_splits=3),
     ref_split)
case("split.axis_neg1.rank3", "tfl.split", [Const(np.array(-1, np.int32)), In((2, 3, 4))],
     dict(num_splits=2), ref_split)
case("split.axis0.i32", "tfl.split", [Const(np.array([0], np.int32)),
     In((4, 3), "i32", ints(-9, 9))], dict(num_splits=4), ref_split)
case("split.runtime_split_dim", "tfl.split", [In((), "i32", lambda r, s: np.array(1)),
     In((3, 4))], dict(num_splits=2), ref_split, note="split_dim as a runtime input")

case("broadcast_to.rank2_to_3", "tfl.broadcast_to", [In((3, 1)), Const(np.array([2, 3, 4],
     np.int32))], {}, lambda x, s: np.broadcast_to(x, tuple(s)).copy())
case("broadcast_to.i32.i64_shape", "tfl.broadcast_to", [In((1, 4), "i32", ints(-9, 9)),
     Const(np.array([3, 4], np.int64))], {}, lambda x, s: np.broadcast_to(x, tuple(s)).copy())
case("broadcast_to.bool", "tfl.broadcast_to", [In((2, 1), "i1"), Const(np.array([2, 3], np.int32))],
     {}, lambda x, s: np.broadcast_to(x, tuple(s)).copy())

# ---- shape, range: more forms (an int64 out_type, a negative delta, int64) ----------
case("shape.i64.bool_input", "tfl.shape", [In((4, 1), "i1")], {}, lambda x: np.array(x.shape, np.int64),
     note="out_type int64 (from the result type)")
case("range.i32.negative_delta", "tfl.range",
     [In((), "i32", lambda r, s: np.array(5)), Const(np.array(-4, np.int32)), Const(np.array(-2, np.int32))],
     {}, lambda a, b, c: np.arange(a, b, c, dtype=np.int32))
case("range.i64", "tfl.range",
     [Const(np.array(0), "i64"), In((), "i64", lambda r, s: np.array(6)), Const(np.array(1), "i64")],
     {}, lambda a, b, c: np.arange(a, b, c, dtype=np.int64), skip_on={"ref": REF_LACKS.format("RANGE", 2)})

# ---- cast -------------------------------------------------------------------------
case("cast.f32_to_i32", "tfl.cast", [In((3, 4), gen=uniform(-20, 20))], {}, ref_cast(np.int32),
     note="truncates toward zero")
case("cast.i32_to_f32", "tfl.cast", [In((3, 4), "i32", ints(-1000, 1000))], {},
     ref_cast(np.float32))
case("cast.bool_to_f32", "tfl.cast", [In((5,), "i1")], {}, ref_cast(np.float32))
case("cast.f32_to_bool", "tfl.cast", [In((6,), gen=lambda r, s: [0.0, 1.5, -2.0, 0.0, 1e-3, -0.0])],
     {}, ref_cast(np.bool_))
case("cast.i32_to_bool", "tfl.cast", [In((6,), "i32", ints(-2, 3))], {}, ref_cast(np.bool_))
case("cast.i32_to_i64", "tfl.cast", [In((4,), "i32", ints(-1000, 1000))], {}, ref_cast(np.int64))
case("cast.i64_to_f32", "tfl.cast", [In((4,), "i64", ints(-1000, 1000))], {}, ref_cast(np.float32))

# ---- selection, comparison, logical -----------------------------------------------
case("select_v2.same_shape", "tfl.select_v2", [In((2, 3), "i1"), In((2, 3)), In((2, 3))], {},
     lambda c, x, y: np.where(c, x, y))
case("select_v2.broadcast", "tfl.select_v2", [In((2, 1, 4), "i1"), In((2, 3, 4)), In((1, 3, 1))],
     {}, lambda c, x, y: np.where(c, x, y))
case("select_v2.i32.scalar_operands", "tfl.select_v2", [In((3, 2), "i1"),
     Const(np.array(5, np.int32)), In((3, 2), "i32", ints(-9, 9))], {},
     lambda c, x, y: np.where(c, x, y).astype(np.int32))

CMP = {
    "tfl.equal": np.equal,
    "tfl.not_equal": np.not_equal,
    "tfl.greater": np.greater,
    "tfl.greater_equal": np.greater_equal,
    "tfl.less": np.less,
    "tfl.less_equal": np.less_equal,
}
for op, fn in CMP.items():
    name = op[4:]
    case(f"{name}.f32", op, [In((3, 4), gen=ints(-2, 3)), In((3, 4), gen=ints(-2, 3))], {},
         lambda x, y, fn=fn: fn(x, y))
    case(f"{name}.f32.broadcast", op, [In((2, 3, 1), gen=ints(-2, 3)), In((4,), gen=ints(-2, 3))],
         {}, lambda x, y, fn=fn: fn(x, y))
    case(f"{name}.i32.broadcast", op, [In((3, 4), "i32", ints(-3, 3)),
         Const(np.array([0], np.int32))], {}, lambda x, y, fn=fn: fn(x, y))
    case(f"{name}.i64", op, [In((5,), "i64", ints(-3, 3)), In((5,), "i64", ints(-3, 3))], {},
         lambda x, y, fn=fn: fn(x, y))
for op in ("tfl.equal", "tfl.not_equal"):
    case(f"{op[4:]}.bool", op, [In((2, 3), "i1"), In((1, 3), "i1")], {},
         lambda x, y, fn=CMP[op]: fn(x, y))

case("logical_and.broadcast", "tfl.logical_and", [In((2, 3), "i1"), In((3,), "i1")], {},
     np.logical_and)
case("logical_or.broadcast", "tfl.logical_or", [In((2, 1, 3), "i1"), In((4, 1), "i1")], {},
     np.logical_or)
case("logical_not.rank2", "tfl.logical_not", [In((3, 4), "i1")], {}, np.logical_not)

# ---- lookups, scans, arg_max ------------------------------------------------------
case("embedding_lookup.f32", "tfl.embedding_lookup",
     [In((4,), "i32", ints(0, 6)), Const(normal(), shape=(6, 3))], {}, lambda i, v: v[i])
case("embedding_lookup.rank3_table", "tfl.embedding_lookup",
     [Const(np.array([2, 0, 2], np.int32)), In((3, 2, 2))], {}, lambda i, v: v[i])

case("cumsum.axis1", "tfl.cumsum", [In((3, 5)), Const(np.array(1, np.int32))], {}, ref_cumsum)
case("cumsum.exclusive", "tfl.cumsum", [In((3, 5)), Const(np.array(1, np.int32))],
     dict(exclusive=True, reverse=False), ref_cumsum)
case("cumsum.reverse.axis0", "tfl.cumsum", [In((4, 3)), Const(np.array(0, np.int32))],
     dict(exclusive=False, reverse=True), ref_cumsum)
case("cumsum.exclusive_reverse.axis_neg1", "tfl.cumsum", [In((2, 3, 4)),
     Const(np.array(-1, np.int32))], dict(exclusive=True, reverse=True), ref_cumsum)
case("cumsum.i32", "tfl.cumsum", [In((2, 6), "i32", ints(-50, 50)), Const(np.array(1, np.int32))],
     {}, ref_cumsum)

case("arg_max.i32_out", "tfl.arg_max", [In((3, 5)), Const(np.array([1], np.int32))], {},
     lambda x, d: np.argmax(x, axis=int(d[0])).astype(np.int32))
case("arg_max.i64_out.axis0", "tfl.arg_max", [In((4, 3, 2)), Const(np.array([0], np.int32))], {},
     lambda x, d: np.argmax(x, axis=int(d[0])).astype(np.int64))
case("arg_max.i32_in.i64_dim", "tfl.arg_max", [In((2, 6), "i32", ints(-1000, 1000)),
     Const(np.array([-1], np.int64))], {},
     lambda x, d: np.argmax(x, axis=int(d[0])).astype(np.int32))

# ---- image resize -----------------------------------------------------------------
for op, r in (("tfl.resize_bilinear", ref_resize_bilinear),
              ("tfl.resize_nearest_neighbor", ref_resize_nearest)):
    name = op[4:]
    for ac, hp in ((False, False), (True, False), (False, True)):
        tag = "align_corners" if ac else "half_pixel_centers" if hp else "default"
        case(f"{name}.{tag}.up", op, [In((1, 3, 4, 2)), Const(np.array([6, 7], np.int32))],
             dict(align_corners=ac, half_pixel_centers=hp), r)
        case(f"{name}.{tag}.down", op, [In((2, 8, 7, 1)), Const(np.array([3, 4], np.int32))],
             dict(align_corners=ac, half_pixel_centers=hp), r)
    case(f"{name}.2x", op, [In((1, 4, 4, 3)), Const(np.array([8, 8], np.int32))],
         dict(align_corners=False), r)

# ---- element-wise binary ----------------------------------------------------------
ARITH = {
    "tfl.add": np.add,
    "tfl.sub": np.subtract,
    "tfl.mul": np.multiply,
    "tfl.div": int_div,
}
for op, fn in ARITH.items():
    name = op[4:]
    rhs_gen = magnitude(0.5, 2.0) if op == "tfl.div" else None
    r = ref_binary(fn)
    case(f"{name}.same_shape", op, [In((2, 3, 4)), In((2, 3, 4), gen=rhs_gen)],
         dict(fused_activation_function="NONE"), r)
    case(f"{name}.broadcast_last", op, [In((2, 3, 4)), Const(magnitude(0.5, 2), shape=(4,))],
         dict(fused_activation_function="NONE"), r)
    case(f"{name}.broadcast_both", op, [In((2, 1, 4)), In((1, 3, 1), gen=rhs_gen)],
         dict(fused_activation_function="NONE"), r)
    case(f"{name}.broadcast_rank5", op, [In((2, 1, 3, 1, 2)), In((1, 2, 1, 2, 1), gen=rhs_gen)],
         dict(fused_activation_function="NONE"), r)
    for a in ACTS[1:]:
        case(f"{name}.{a.lower()}", op, [In((3, 4), gen=normal(3)), In((3, 4), gen=rhs_gen)],
             dict(fused_activation_function=a), r)
    case(f"{name}.scalar_rhs", op, [In((2, 3)), Const(np.array(1.5, np.float32))],
         dict(fused_activation_function="NONE"), r)
    case(f"{name}.i32.broadcast", op, [In((3, 4), "i32", ints(-20, 20)),
         In((4,), "i32", lambda rng, s: rng.choice([-3, -2, -1, 1, 2, 5], s))],
         dict(fused_activation_function="NONE"), r)
for op in ("tfl.add", "tfl.sub", "tfl.mul"):
    case(f"{op[4:]}.i64", op, [In((2, 3), "i64", ints(-1000, 1000)),
         In((2, 3), "i64", ints(-1000, 1000))], dict(fused_activation_function="NONE"),
         ref_binary(ARITH[op]))
case("add.i32.relu", "tfl.add", [In((3, 4), "i32", ints(-20, 20)), In((3, 4), "i32", ints(-20, 20))],
     dict(fused_activation_function="RELU"), ref_binary(np.add))

BINARY = {
    "tfl.maximum": np.maximum,
    "tfl.minimum": np.minimum,
    "tfl.squared_difference": lambda x, y: (x - y) * (x - y),
}
for op, fn in BINARY.items():
    name = op[4:]
    r = ref_binary(fn)
    case(f"{name}.same_shape", op, [In((3, 4)), In((3, 4))], {}, r)
    case(f"{name}.broadcast", op, [In((2, 3, 1)), In((4,))], {}, r)
    case(f"{name}.i32", op, [In((3, 4), "i32", ints(-99, 99)), In((1, 4), "i32", ints(-99, 99))],
         {}, r)
case("maximum.i64", "tfl.maximum", [In((5,), "i64", ints(-99, 99)), In((5,), "i64", ints(-99, 99))],
     {}, ref_binary(np.maximum))
case("minimum.i64", "tfl.minimum", [In((5,), "i64", ints(-99, 99)), In((5,), "i64", ints(-99, 99))],
     {}, ref_binary(np.minimum))

case("pow.f32", "tfl.pow", [In((3, 4), gen=uniform(0.1, 3)), In((3, 4), gen=uniform(-2, 2))], {},
     ref_binary(np.power), tol=APPROX_TOL)
case("pow.f32.broadcast_int_exponent", "tfl.pow", [In((3, 4), gen=uniform(-3, 3)),
     Const(np.array([2.0, 3.0, 0.0, 1.0], np.float32))], {}, ref_binary(np.power), tol=APPROX_TOL)
case("pow.i32", "tfl.pow", [In((2, 4), "i32", ints(-4, 5)), In((2, 4), "i32", ints(0, 4))], {},
     ref_binary(np.power))

# ---- element-wise unary -----------------------------------------------------------
UNARY = [
    # op, reference, input generator, tolerance
    ("tfl.abs", np.abs, None, None),
    ("tfl.neg", np.negative, None, None),
    ("tfl.exp", np.exp, uniform(-5, 5), APPROX_TOL),
    ("tfl.log", np.log, uniform(0.01, 10), APPROX_TOL),
    ("tfl.sqrt", np.sqrt, uniform(0, 10), None),
    ("tfl.rsqrt", lambda v: 1 / np.sqrt(v), uniform(0.05, 10), APPROX_TOL),
    ("tfl.tanh", np.tanh, uniform(-4, 4), APPROX_TOL),
    ("tfl.logistic", lambda v: 1 / (1 + np.exp(-v)), uniform(-8, 8), APPROX_TOL),
    ("tfl.relu", lambda v: np.maximum(v, 0), normal(2), None),
    ("tfl.relu6", lambda v: np.clip(v, 0, 6), normal(4), None),
    ("tfl.relu_n1_to_1", lambda v: np.clip(v, -1, 1), normal(2), None),
    ("tfl.hard_swish", lambda v: v * np.clip(v + 3, 0, 6) / 6, uniform(-5, 5), None),
]
for op, fn, gen, tol in UNARY:
    name = op[4:]
    case(f"{name}.f32", op, [In((3, 5), gen=gen)], {}, ref_unary(fn), tol=tol)
    case(f"{name}.f32.rank4", op, [In((1, 2, 3, 4), gen=gen)], {}, ref_unary(fn), tol=tol)
case("abs.i32", "tfl.abs", [In((3, 4), "i32", ints(-99, 99))], {}, ref_unary(np.abs),
     skip_on={"ref": REF_LACKS.format("ABS", 5)})
case("neg.i32", "tfl.neg", [In((3, 4), "i32", ints(-99, 99))], {}, ref_unary(np.negative))
case("neg.i64", "tfl.neg", [In((4,), "i64", ints(-99, 99))], {}, ref_unary(np.negative))

# Rounding: exact. The edge values are integers (either sign), halves, values just off
# a half, -0.0, and magnitudes past 2^23 where every float32 is an integer.
ROUND_EDGES = [-2.5, -1.5, -0.5, -0.0, 0.0, 0.5, 1.5, 2.5, 3.5, -3.5, 0.49999997, -0.50000006,
               -3.0, 4.0, 1e-8, -1e-8, 8388609.0, -16777216.0, 0.7, -0.7]
ROUNDING = [
    ("tfl.floor", np.floor),
    ("tfl.ceil", np.ceil),
    # ROUND rounds halves to even (reference_ops::RoundToNearest), as np.round does.
    ("tfl.round", np.round),
]
for op, fn in ROUNDING:
    name = op[4:]
    skip = {} if op == "tfl.floor" else {"ref": REF_LACKS_OP.format(op[4:].upper())}
    case(f"{name}.f32", op, [In((3, 5), gen=uniform(-10, 10))], {}, ref_unary(fn), tol=EXACT, skip_on=skip)
    case(f"{name}.f32.rank4", op, [In((1, 2, 3, 4), gen=normal(5))], {}, ref_unary(fn), tol=EXACT,
         skip_on=skip)
    case(f"{name}.edges", op, [In((len(ROUND_EDGES),), gen=lambda r, s: ROUND_EDGES)], {},
         ref_unary(fn), note="halves, integers, -0.0, |x| >= 2^23", tol=EXACT, skip_on=skip)
case("round.halves_to_even", "tfl.round",
     [In((4, 5), gen=lambda r, s: np.arange(-10, 10) + 0.5)], {}, ref_unary(np.round), tol=EXACT,
     note="every x.5 in [-9.5, 9.5]: to the even neighbour, not away from zero",
     skip_on={"ref": REF_LACKS_OP.format("ROUND")})

# Trigonometry: std::sin / std::cos / std::atan2 in float32.
for op, fn in (("tfl.sin", np.sin), ("tfl.cos", np.cos)):
    name = op[4:]
    case(f"{name}.f32", op, [In((3, 5), gen=uniform(-4, 4))], {}, ref_unary(fn))
    case(f"{name}.f32.rank4", op, [In((1, 2, 3, 4), gen=uniform(-20, 20))], {}, ref_unary(fn))
    case(f"{name}.edges", op, [In((9,), gen=lambda r, s: [0.0, -0.0, math.pi / 2, -math.pi / 2,
         math.pi, 2 * math.pi, 1e-6, 100.0, -1000.0])], {}, ref_unary(fn))
case("atan2.same_shape", "tfl.atan2", [In((3, 4), gen=magnitude(0.1, 5)),
     In((3, 4), gen=magnitude(0.1, 5))], {}, ref_binary(np.arctan2),
     note="operands y, x; all four quadrants")
# No broadcast case: ATAN2 takes operands of one shape (LiteRT's atan2.cc Prepare fails
# "NumDimensions(a) != NumDimensions(b)" on [2, 3, 1] vs [4]), like the TFLite dialect's op.
case("atan2.const_x.rank4", "tfl.atan2", [In((1, 2, 3, 2)),
     Const(magnitude(0.1, 3), shape=(1, 2, 3, 2))], {}, ref_binary(np.arctan2))
ATAN2_AXES = [  # (y, x): the axes, the origin and signed zeros, as std::atan2
    (0.0, 1.0), (1.0, 0.0), (0.0, -1.0), (-1.0, 0.0), (0.0, 0.0), (2.0, 2.0), (-3.0, -3.0),
    (-0.0, -1.0), (-0.0, 1.0), (5.0, -1e-6), (1e-6, 5.0)]
case("atan2.axes_and_zeros", "tfl.atan2",
     [In((len(ATAN2_AXES),), gen=lambda r, s: [y for y, _ in ATAN2_AXES]),
      In((len(ATAN2_AXES),), gen=lambda r, s: [x for _, x in ATAN2_AXES])], {},
     ref_binary(np.arctan2),
     note="atan2(0, -1) = pi, atan2(-0, -1) = -pi, atan2(0, 0) = 0")

# sign: -1, 0 or 1; sign(+-0) = 0.
SIGN_EDGES = [-2.5, -0.0, 0.0, 1e-30, -1e-30, 3.0, -np.inf, np.inf, 1e30, -1.0]
case("sign.f32", "tfl.sign", [In((3, 5), gen=ints(-2, 3))], {}, ref_unary(np.sign), tol=EXACT,
     note="small integers: many zeros")
case("sign.f32.rank4", "tfl.sign", [In((1, 2, 3, 4))], {}, ref_unary(np.sign), tol=EXACT)
case("sign.edges", "tfl.sign", [In((len(SIGN_EDGES),), gen=lambda r, s: SIGN_EDGES)], {},
     ref_unary(np.sign), tol=EXACT, note="+-0, denormal-free tiny values, +-inf")
case("sign.i32", "tfl.sign", [In((3, 4), "i32", ints(-3, 4))], {}, ref_unary(np.sign), tol=EXACT)
case("sign.i32.extremes", "tfl.sign", [In((5,), "i32",
     lambda r, s: np.array([-2**31, -1, 0, 1, 2**31 - 1]))], {}, ref_unary(np.sign), tol=EXACT)

# floor_mod: the result has the divisor's sign (Python's %), for ints and floats.
case("floor_mod.f32", "tfl.floor_mod", [In((3, 4), gen=uniform(-10, 10)),
     In((3, 4), gen=magnitude(0.5, 3))], {}, ref_binary(floor_mod), tol=EXACT)
case("floor_mod.f32.broadcast", "tfl.floor_mod", [In((2, 3, 4), gen=uniform(-10, 10)),
     Const(np.array([-2.5, 1.5, 3.0, -0.75], np.float32))], {}, ref_binary(floor_mod), tol=EXACT)
FM_X = np.arange(-7, 8)  # every sign combination against divisors of either sign
FM_Y = np.array([-3, -2, 2, 3, 7, -7])
case("floor_mod.f32.sign_grid", "tfl.floor_mod", [In((1, 15), gen=lambda r, s: FM_X),
     In((6, 1), gen=lambda r, s: FM_Y)], {}, ref_binary(floor_mod), tol=EXACT,
     note="x in -7..7 against +-2, +-3, +-7: exact zeros, results take the divisor's sign")
case("floor_mod.i32.sign_grid", "tfl.floor_mod", [In((1, 15), "i32", lambda r, s: FM_X),
     In((6, 1), "i32", lambda r, s: FM_Y)], {}, ref_binary(floor_mod), tol=EXACT,
     note="-7 mod 3 = 2, 7 mod -3 = -2, -7 mod -3 = -1")
case("floor_mod.i32.const_rhs", "tfl.floor_mod", [In((3, 4), "i32", ints(-50, 50)),
     Const(np.array([-3, 5, 4, -1], np.int32))], {}, ref_binary(floor_mod), tol=EXACT)
case("floor_mod.i64", "tfl.floor_mod", [In((2, 5), "i64", ints(-1000, 1000)),
     In((2, 5), "i64", lambda r, s: r.choice([-9, -4, -1, 1, 4, 9], s))], {},
     ref_binary(floor_mod))

case("leaky_relu.alpha0_2", "tfl.leaky_relu", [In((3, 5))], dict(alpha=0.2),
     lambda x, alpha: f32(np.where(x >= 0, x, np.float32(alpha) * x)))
case("leaky_relu.alpha1_5", "tfl.leaky_relu", [In((2, 2, 3))], dict(alpha=1.5),
     lambda x, alpha: f32(np.where(x >= 0, x, np.float32(alpha) * x)))
GELU_TOL = Tol(1e-5, 1e-4, "erf/tanh approximation in the optimized kernels")
case("gelu.exact", "tfl.gelu", [In((3, 5), gen=uniform(-4, 4))], dict(approximate=False),
     ref_gelu, tol=GELU_TOL)
case("gelu.approximate", "tfl.gelu", [In((3, 5), gen=uniform(-4, 4))], dict(approximate=True),
     ref_gelu, tol=GELU_TOL)
case("gelu.default", "tfl.gelu", [In((2, 7), gen=uniform(-4, 4))], {}, ref_gelu, tol=GELU_TOL,
     note="approximate absent: the schema default (false)")

# ---- quantization -----------------------------------------------------------------
QI8 = quant("i8", 0.1, -3)
QU8 = quant("u8", 0.05, 128)
QI16 = quant("i16", 0.001, 0)
case("quantize.f32_to_i8", "tfl.quantize", [In((4, 5), gen=avoid_half(uniform(-14, 14), 0.1))],
     dict(qtype=MType(tensor_type((4, 5), QI8))), ref_quantize(0.1, -3, np.int8), out_elems=[QI8],
     note="saturates at -128/127")
case("quantize.f32_to_u8", "tfl.quantize", [In((4, 5), gen=avoid_half(uniform(-7, 7), 0.05))],
     dict(qtype=MType(tensor_type((4, 5), QU8))), ref_quantize(0.05, 128, np.uint8),
     out_elems=[QU8])
case("quantize.f32_to_i16", "tfl.quantize", [In((3, 4), gen=avoid_half(uniform(-30, 30), 0.001))],
     dict(qtype=MType(tensor_type((3, 4), QI16))), ref_quantize(0.001, 0, np.int16),
     out_elems=[QI16])
case("quantize.round_trip.i8", "tfl.quantize", [In((3, 4), gen=avoid_half(uniform(-12, 12), 0.1))],
     dict(qtype=MType(tensor_type((3, 4), QI8))), ref_round_trip(0.1, -3, np.int8),
     out_elems=[QI8], then=[("tfl.dequantize", {}, "f32")], note="quantize -> dequantize")
case("quantize.round_trip.u8", "tfl.quantize", [In((2, 6), gen=avoid_half(uniform(-6, 6), 0.05))],
     dict(qtype=MType(tensor_type((2, 6), QU8))), ref_round_trip(0.05, 128, np.uint8),
     out_elems=[QU8], then=[("tfl.dequantize", {}, "f32")], note="quantize -> dequantize")
QI8B = quant("i8", 0.25, 5)
case("quantize.requantize.i8", "tfl.quantize", [In((13,), QI8, lambda r, s: np.arange(-128, 128, 21))],
     dict(qtype=MType(tensor_type((13,), QI8B))), ref_requantize(0.1, -3, 0.25, 5, np.int8),
     out_elems=[QI8B],
     tol=Tol(1, 0, "int8 -> int8 requantize is fixed point: the builtin kernel rounds twice "
                   "(doubling high multiply, then rounding shift), XNNPACK rounds its own way"))
case("dequantize.i8", "tfl.dequantize", [In((4, 5), QI8, ints(-128, 128))], {},
     ref_dequantize(0.1, -3))
case("dequantize.u8", "tfl.dequantize", [In((3, 4), QU8, ints(0, 256))], {},
     ref_dequantize(0.05, 128))
case("dequantize.i16", "tfl.dequantize", [In((3, 4), QI16, ints(-32768, 32768))], {},
     ref_dequantize(0.001, 0))

# ---- other element types through data-movement ops ---------------------------------
case("gather.bool_params", "tfl.gather", [In((4, 3), "i1"), Const(np.array([3, 1, 1], np.int32))],
     dict(axis=0), ref_gather)
case("gather.i8_params", "tfl.gather", [In((4, 3), "i8", ints(-128, 128)),
     Const(np.array([2, 0], np.int32))], dict(axis=1), ref_gather)
case("gather.i64_params", "tfl.gather", [In((4, 3), "i64", ints(-999, 999)),
     Const(np.array([3, 0], np.int32))], dict(axis=0), ref_gather)
ss("strided_slice.bool", (4, 5), [0, 1], [4, 5], [2, 2], elem="i1")
case("transpose.bool", "tfl.transpose", [In((2, 3, 2), "i1"), Const(np.array([1, 2, 0], np.int32))],
     {}, lambda x, p: np.transpose(x, p))
case("reshape.bool", "tfl.reshape", [In((2, 3), "i1"), Const(np.array([3, 2], np.int32))], {},
     lambda x, s: x.reshape(tuple(s)))
case("concatenation.i64", "tfl.concatenation", [In((2, 1), "i64", ints(-9, 9)),
     In((2, 2), "i64", ints(-9, 9))], dict(axis=1, fused_activation_function="NONE"),
     ref_concatenation)
case("pack.i64", "tfl.pack", [In((3,), "i64", ints(-9, 9)), In((3,), "i64", ints(-9, 9))],
     dict(axis=0, values_count=2), lambda *xs, axis, values_count: np.stack(xs, axis))

# ---- int8-quantized tensors (the quantization parameters travel with the data) -----
case("reshape.qi8", "tfl.reshape", [In((2, 6), QI8, ints(-128, 128)),
     Const(np.array([3, 4], np.int32))], {}, lambda x, s: x.reshape(tuple(s)), out_elems=[QI8])
case("transpose.qi8", "tfl.transpose", [In((2, 3, 4), QI8, ints(-128, 128)),
     Const(np.array([2, 0, 1], np.int32))], {}, lambda x, p: np.transpose(x, p), out_elems=[QI8])
case("concatenation.qi8", "tfl.concatenation", [In((2, 2), QI8, ints(-128, 128)),
     In((2, 3), QI8, ints(-128, 128))], dict(axis=1, fused_activation_function="NONE"),
     ref_concatenation, out_elems=[QI8])
case("max_pool_2d.qi8.valid", "tfl.max_pool_2d", [In((1, 4, 6, 2), QI8, ints(-128, 128))],
     pool_attrs("VALID", (2, 2), (2, 2)),
     lambda x, **kw: ref_pool("max")(x.astype(np.float32), **kw).astype(np.int8),
     out_elems=[QI8], note="int8 max of the raw values (same parameters in and out)")
QI8_SUM = quant("i8", 0.2, 1)


def ref_add_qi8(a, b, *, fused_activation_function):
    deq = ref_dequantize(0.1, -3)
    return ref_quantize(0.2, 1, np.int8)(deq(a) + deq(b))


case("add.qi8", "tfl.add", [In((3, 4), QI8, ints(-128, 128)), In((1, 4), QI8, ints(-128, 128))],
     dict(fused_activation_function="NONE"), ref_add_qi8, out_elems=[QI8_SUM],
     tol=Tol(1, 0, "int8 ADD rescales in fixed point (rounding may differ by one step)"))

# ---- bit views and bitwise ops ------------------------------------------------------


def ref_bitcast(to):
    def ref(x):
        a, b = x.dtype.itemsize, np.dtype(to).itemsize
        v = np.ascontiguousarray(x).view(to)
        if a > b:  # narrower: a new last dim of the width ratio
            return v.reshape(x.shape + (a // b,))
        if b > a:  # wider: the last dim (of the ratio) is consumed
            return v.reshape(x.shape[:-1])
        return v
    return ref


SIGNED_ZEROS = np.array([0.0, -0.0, 1.5, -1.5, np.inf, -np.inf, 3e-39, -3e-39], np.float32)
case("bitcast.f32_to_i32", "tfl.bitcast", [In((2, 8), gen=lambda r, s: np.stack([SIGNED_ZEROS, -SIGNED_ZEROS]))],
     {}, ref_bitcast(np.int32), note="signed zeros, infinities and subnormals keep their bits")
case("bitcast.i64_to_i32", "tfl.bitcast", [In((2, 3), "i64", ints(-2**40, 2**40))], {},
     ref_bitcast(np.int32), note="a narrower type adds a last dim of 2 (little-endian halves)")
case("bitcast.i32_to_i64", "tfl.bitcast", [In((3, 2), "i32", ints(-2**31, 2**31))], {},
     ref_bitcast(np.int64), note="a wider type consumes the last dim of 2")

case("bitwise_xor.i32", "tfl.bitwise_xor", [In((3, 4), "i32", ints(-2**31, 2**31)),
     In((3, 4), "i32", ints(-2**31, 2**31))], {}, lambda x, y: np.bitwise_xor(x, y))
case("bitwise_xor.i32.broadcast", "tfl.bitwise_xor", [In((2, 3, 4), "i32", ints(-100, 100)),
     Const(np.array([-1], np.int32))], {}, lambda x, y: np.bitwise_xor(x, y),
     note="x ^ -1 is bitwise not")
case("bitwise_xor.u8", "tfl.bitwise_xor", [In((2, 5), "ui8", ints(0, 256)), In((2, 5), "ui8", ints(0, 256))],
     {}, lambda x, y: np.bitwise_xor(x, y))

for name, elem, gen in [("i32", "i32", ints(-2**31, 2**31)), ("i64", "i64", ints(-2**62, 2**62)),
                        ("bool", "i1", None), ("u8", "ui8", ints(0, 256))]:
    case(f"stablehlo_and.{name}", "tfl.stablehlo_and", [In((3, 4), elem, gen), In((3, 4), elem, gen)], {},
         lambda x, y: np.bitwise_and(x, y), skip_on={"ref": REF_LACKS_OP.format("STABLEHLO_AND")})

# ---- floor division -------------------------------------------------------------------
case("floor_div.i32.sign_grid", "tfl.floor_div", [In((1, 15), "i32", lambda r, s: FM_X),
     In((6, 1), "i32", lambda r, s: FM_Y)], {}, lambda x, y: np.floor_divide(x, y), tol=EXACT,
     note="-7 // 3 = -3, 7 // -3 = -3: rounded toward -inf, not truncated")
case("floor_div.f32", "tfl.floor_div", [In((3, 4), gen=uniform(-10, 10)), In((3, 4), gen=magnitude(0.5, 3))],
     {}, lambda x, y: np.floor(x / y).astype(np.float32), tol=EXACT, note="floor(x / y) of the float32 quotient")

# ---- dynamic_update_slice -------------------------------------------------------------


def ref_dynamic_update_slice(x, u, starts):
    # XLA's semantics: each start clamped so the block fits.
    s = [min(max(int(p), 0), a - b) for p, a, b in zip(np.ravel(starts), x.shape, u.shape)]
    y = x.copy()
    y[tuple(slice(p, p + n) for p, n in zip(s, u.shape))] = u
    return y


case("dynamic_update_slice.cache", "tfl.dynamic_update_slice", [In((1, 2, 8, 4)), In((1, 2, 3, 4)),
     In((4,), "i32", lambda r, s: np.array([0, 0, 2, 0]))], {}, ref_dynamic_update_slice, tol=EXACT,
     note="a KV-cache write at a run-time position")
case("dynamic_update_slice.clamped", "tfl.dynamic_update_slice", [In((5, 6)), In((2, 3)),
     In((2,), "i32", lambda r, s: np.array([4, -1]))], {}, ref_dynamic_update_slice, tol=EXACT,
     note="starts past either end are clamped so the block fits")
case("dynamic_update_slice.i32", "tfl.dynamic_update_slice", [In((3, 8), "i32", ints(-99, 99)),
     In((1, 5), "i32", ints(100, 200)), Const(np.array([1, 2], np.int32))], {}, ref_dynamic_update_slice, tol=EXACT)
case("dynamic_update_slice.bool", "tfl.dynamic_update_slice", [In((4, 6), "i1"), In((2, 2), "i1"),
     Const(np.array([1, 3], np.int32))], {}, ref_dynamic_update_slice, tol=EXACT)


# ---- scatter_nd and segment reductions ---------------------------------------------


def ref_scatter_nd(indices, updates, shape):
    out = np.zeros(tuple(int(d) for d in shape), updates.dtype)
    k = indices.shape[-1]
    ix = indices.reshape(-1, k)
    up = updates.reshape((ix.shape[0],) + out.shape[k:])
    for i, u in zip(ix, up):
        out[tuple(i)] += u
    return out


case("scatter_nd.rows", "tfl.scatter_nd", [Const(np.array([[3], [0], [3]], np.int32)), In((3, 4)),
     Const(np.array([5, 4], np.int32))], {}, ref_scatter_nd, note="row 3 twice: the updates add")
case("scatter_nd.elements", "tfl.scatter_nd", [In((2, 3, 2), "i32", ints(0, 3)), In((2, 3)),
     Const(np.array([3, 3], np.int32))], {}, ref_scatter_nd, note="runtime indices; duplicates add")
case("scatter_nd.i64", "tfl.scatter_nd", [Const(np.array([[1], [2], [1]], np.int32)),
     In((3, 2), "i64", ints(-2**40, 2**40)), Const(np.array([4, 2], np.int32))], {}, ref_scatter_nd)
case("scatter_nd.i32", "tfl.scatter_nd", [Const(np.array([[0, 1], [2, 0]], np.int32)),
     In((2,), "i32", ints(-99, 99)), Const(np.array([3, 2], np.int32))], {}, ref_scatter_nd)


def ref_segment(kind):
    def ref(x, ids, n):
        n = int(np.ravel(n)[0])
        if kind == "sum":
            init = 0
        elif kind == "prod":
            init = 1
        else:
            info = np.finfo(x.dtype) if x.dtype.kind == "f" else np.iinfo(x.dtype)
            init = info.min if kind == "max" else info.max
        out = np.full((n,) + x.shape[ids.ndim:], init, x.dtype)
        fn = {"sum": np.add, "prod": np.multiply, "max": np.maximum, "min": np.minimum}[kind]
        for i in np.ndindex(ids.shape):
            out[ids[i]] = fn(out[ids[i]], x[i])
        return out
    return ref


SEG_IDS = np.array([2, 0, 2, 3, 0, 2], np.int32)  # segment 1 is empty
for kind in ["max", "min", "prod", "sum"]:
    op = f"tfl.unsorted_segment_{kind}"
    case(f"unsorted_segment_{kind}.f32", op, [In((6, 3)), Const(SEG_IDS), Const(np.array([4], np.int32))], {},
         ref_segment(kind), note="segment 1 empty: the reduction's identity (max: lowest float)")
    case(f"unsorted_segment_{kind}.i32.runtime_ids", op, [In((6,), "i32", ints(-9, 9)),
         In((6,), "i32", ints(0, 3)), Const(np.array(4, np.int32))], {}, ref_segment(kind),
         note="ids as a runtime input; a 0-d num_segments")

# ---- float16 data movement and weights -----------------------------------------------
case("transpose.f16", "tfl.transpose", [In((2, 3, 4), "f16"), Const(np.array([2, 0, 1], np.int32))], {},
     lambda x, p: np.transpose(x, p), note="TRANSPOSE moves float16 values as they are")
case("dequantize.f16", "tfl.dequantize", [In((2, 3), "f16", lambda r, s: np.array([[0.5, -1.0, 65504.0], [6e-8, -0.0, 3.14]], np.float16))],
     {}, lambda x: x.astype(np.float32), tol=EXACT, note="float16 values widened to float32 (exactly)")

# ---- recurrent sequence ops (state operands: the writer fills a variable tensor) -----
def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def ref_sequence_lstm(x, wi, wf, wc, wo, ri, rf, rc, ro, _pi, _pf, _po, bi, bf, bc, bo, proj, _pb, h0, c0,
                      *_ln, fused_activation_function, time_major, **_):
    # Gates i, f, o sigmoid; cell input and output tanh; h = o * tanh(c), projected.
    assert fused_activation_function == "TANH"
    xs = x.astype(F64) if time_major else np.swapaxes(x.astype(F64), 0, 1)
    h, c, out = h0.astype(F64), c0.astype(F64), []
    for xt in xs:
        g = lambda w, r, b: xt @ w.T + h @ r.T + b
        i, f = _sig(g(wi, ri, bi)), _sig(g(wf, rf, bf))
        c = f * c + i * np.tanh(g(wc, rc, bc))
        h = _sig(g(wo, ro, bo)) * np.tanh(c)
        if proj is not None:
            h = h @ proj.T
        out.append(h)
    y = np.stack(out)
    return f32(y if time_major else np.swapaxes(y, 0, 1))


def ref_sequence_rnn(x, w, r, b, h0, *, fused_activation_function, time_major, **_):
    xs = x.astype(F64) if time_major else np.swapaxes(x.astype(F64), 0, 1)
    h, out = h0.astype(F64), []
    for xt in xs:
        h = act(xt @ w.T + h @ r.T + b, fused_activation_function)
        out.append(h)
    y = np.stack(out)
    return f32(y if time_major else np.swapaxes(y, 0, 1))


def lstm_operands(t, b, n_in, n_cell, n_out, time_major, proj):
    x = In((t, b, n_in) if time_major else (b, t, n_in), gen=normal())
    w = [Const(normal(0.4), shape=(n_cell, n_in)) for _ in range(4)]
    r = [Const(normal(0.4), shape=(n_cell, n_out)) for _ in range(4)]
    bias = [Const(normal(0.2), shape=(n_cell,)) for _ in range(4)]
    p = Const(normal(0.4), shape=(n_out, n_cell)) if proj else NONE
    return [x, *w, *r, NONE, NONE, NONE, *bias, p, NONE, In((b, n_out)), In((b, n_cell)), NONE, NONE, NONE, NONE]


LSTM_NOTE = "h0/c0 as inputs: the writer gives the kernel variable tensors filled by ADD before it, every invoke"
for tm in (True, False):
    case(f"unidirectional_sequence_lstm.{'time' if tm else 'batch'}_major", "tfl.unidirectional_sequence_lstm",
         lstm_operands(4, 2, 3, 5, 5, tm, False),
         dict(fused_activation_function="TANH", cell_clip=0.0, proj_clip=0.0, time_major=tm),
         ref_sequence_lstm, tol=APPROX_TOL, note=LSTM_NOTE)
case("unidirectional_sequence_lstm.projection", "tfl.unidirectional_sequence_lstm",
     lstm_operands(3, 2, 4, 6, 3, True, True),
     dict(fused_activation_function="TANH", cell_clip=0.0, proj_clip=0.0, time_major=True),
     ref_sequence_lstm, tol=APPROX_TOL, note=LSTM_NOTE + "; projection weights [n_output, n_cell], no projection bias")
for act_ in ("TANH", "RELU"):
    for tm in (True, False):
        case(f"unidirectional_sequence_rnn.{act_.lower()}.{'time' if tm else 'batch'}_major",
             "tfl.unidirectional_sequence_rnn",
             [In((4, 2, 3) if tm else (2, 4, 3)), Const(normal(0.5), shape=(5, 3)), Const(normal(0.4), shape=(5, 5)),
              Const(normal(0.2), shape=(5,)), In((2, 5))],
             dict(fused_activation_function=act_, time_major=tm), ref_sequence_rnn, tol=APPROX_TOL,
             note="h0 as an input, filled into the kernel's variable tensor before it")


def ref_bidirectional_lstm(x, *ops, fused_activation_function, time_major, merge_outputs, **attrs):
    # Forward over operands 1-17 and states 35/36, backward (run from the last step,
    # output in input time order) over 18-34 and 37/38; merged on the last dim.
    fw, bw = ops[0:17], ops[17:34]
    states = ops[34:38]
    y_fw = ref_sequence_lstm(x, *fw, states[0], states[1], fused_activation_function=fused_activation_function,
                             time_major=time_major)
    t_axis = 0 if time_major else 1
    x_rev = np.flip(x, axis=t_axis)
    y_bw = np.flip(ref_sequence_lstm(x_rev, *bw, states[2], states[3], fused_activation_function=fused_activation_function,
                                     time_major=time_major), axis=t_axis)
    return f32(np.concatenate([y_fw, y_bw], axis=-1))


def bilstm_operands(t, b, n_in, n_cell, n_out, proj):
    x = In((t, b, n_in), gen=normal())
    direction = lambda: lstm_operands(t, b, n_in, n_cell, n_out, True, proj)[1:18]
    fw, bw = direction(), direction()
    states = [In((b, n_out)), In((b, n_cell)), In((b, n_out)), In((b, n_cell))]
    return [x, *fw, *bw, *states] + [NONE] * 9


BILSTM_NOTE = "time-major, merged outputs; the four states as inputs, filled into variable tensors before the op"
case("bidirectional_sequence_lstm.merged", "tfl.bidirectional_sequence_lstm", bilstm_operands(4, 2, 3, 5, 5, False),
     dict(fused_activation_function="TANH", cell_clip=0.0, proj_clip=0.0, merge_outputs=True, time_major=True),
     ref_bidirectional_lstm, tol=APPROX_TOL, note=BILSTM_NOTE)
case("bidirectional_sequence_lstm.projection", "tfl.bidirectional_sequence_lstm", bilstm_operands(3, 2, 4, 6, 3, True),
     dict(fused_activation_function="TANH", cell_clip=0.0, proj_clip=0.0, merge_outputs=True, time_major=True),
     ref_bidirectional_lstm, tol=APPROX_TOL, note=BILSTM_NOTE + "; projection weights per direction")

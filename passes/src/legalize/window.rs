//! `stablehlo.reduce_window` forms TFLite has no one op for, built from ops it has:
//! - a prefix (or suffix) product, maximum or minimum along one dim (PyTorch's
//!   `cumprod`/`cummax` values, JAX's `lax.cumprod`...: the window spans the dim and is
//!   padded by its size - 1 on one side) as a log-step scan: `ceil(log2 n)` rounds of
//!   `y = y op shift(y, k)`, k = 1, 2, 4..., each shift a PADV2 with the identity and a
//!   SLICE back to `n`. Exact for integers; floats associate differently from a
//!   sequential product (within rounding).
//! - pooling over three or more dims (3-D max and average pooling): a box window is
//!   separable, the maximum or sum over it is the maximum or sum over each group of at
//!   most two adjacent pooled dims in turn, and so is the count PyTorch divides by (a
//!   product over dims). Each group becomes a rank-4 `reduce_window` over the group's
//!   dims with the dims before and after it merged (`[pre, a, b, post]`: NHWC with no
//!   transpose; NCDHW is pooled as NDHWC, Conv3d's layout), between TFL reshapes,
//!   which the 2-D rules then take; an average's divide is split the same way so each
//!   2-D pool takes its own divisor.
//! - a dilated window (TFLite's pools have no dilation): one strided slice per window
//!   offset, combined by the body's op.

use super::stablehlo_to_tfl::{
    binary_body, elem_of, emit, inverse, number_const, paddings_const, permuted, prefix_axis, reshape_to, scalar_like,
    splat_through, tensor_type, ty, window_pads,
};
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::stablehlo::op as hlo;
use edge_dialects::tfl::op as tfl;

/// Whether `init` is the identity of the reduction `body` over `elem`: every padded
/// position then leaves a window's result as it is.
fn is_identity(body: &str, init: f64, elem: &ElemTy) -> bool {
    let (lowest, highest) = match elem {
        ElemTy::I(w) if *w < 64 => (-(2f64.powi(*w as i32 - 1)), 2f64.powi(*w as i32 - 1) - 1.0),
        ElemTy::I(64) => (i64::MIN as f64, i64::MAX as f64),
        _ => (f64::NEG_INFINITY, f64::INFINITY),
    };
    match body {
        b if b == hlo::Multiply::NAME => init == 1.0,
        b if b == hlo::Maximum::NAME => init == lowest || init == f64::NEG_INFINITY,
        b if b == hlo::Minimum::NAME => init == highest || init == f64::INFINITY,
        _ => false,
    }
}

/// The TFL op that combines two window elements as a reduce_window body does.
const COMBINING_OPS: [(&str, &str); 4] = [
    (hlo::Multiply::NAME, tfl::Mul::NAME),
    (hlo::Maximum::NAME, tfl::Maximum::NAME),
    (hlo::Minimum::NAME, tfl::Minimum::NAME),
    (hlo::Add::NAME, tfl::Add::NAME),
];

fn combining_op(body: &str) -> Option<&'static str> {
    COMBINING_OPS.iter().find(|(b, _)| *b == body).map(|&(_, t)| t)
}

/// A prefix product, maximum or minimum along one static dim (see the module notes).
pub(super) fn scan<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(body) = binary_body(op) else { return Ok(None) };
    let Some(combine) = combining_op(body).filter(|&c| c != tfl::Add::NAME) else { return Ok(None) };
    let ints = |n: &str| op.attr(n).and_then(|a| a.as_ints());
    let Some(window) = ints("window_dimensions") else { return Ok(None) };
    // Absent strides are 1 (JAX leaves them out of its scans).
    let strides = ints("window_strides").unwrap_or_else(|| vec![1; window.len()]);
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    if !unit(ints("window_dilations")) || !unit(ints("base_dilations")) {
        return Ok(None);
    }
    let (x, xt) = (ins[0], ty(ins[0]));
    let rank = window.len();
    let Some(pads) = window_pads(op, rank) else { return Ok(None) };
    let Some(init) = splat_through(ins[1]) else { return Ok(None) };
    if xt.rank() != Some(rank) || !is_identity(body, init, &xt.elem) || ty(op.result(0)).dims() != xt.dims() {
        return Ok(None);
    }
    let Some((axis, reverse)) = prefix_axis(xt.dims(), &window, &strides, &pads) else { return Ok(None) };
    let n = xt.dims()[axis];
    let fill = scalar_like(rw, op, x, init)?;
    // SLICE's size: the whole of every other dim (-1: any size), n along the axis.
    let mut size = vec![-1i64; rank];
    size[axis] = n;
    let size = super::stablehlo_to_tfl::i32_const(rw, op, &size);
    let none = ("fused_activation_function", op.context().string_attr("NONE"));
    let mut y = x;
    let mut k = 1;
    while k < n {
        let mut pairs = vec![[0i64, 0]; rank];
        pairs[axis] = if reverse { [0, k] } else { [k, 0] };
        let paddings = paddings_const(rw, op, &pairs);
        let mut grown = xt.dims().to_vec();
        grown[axis] += k;
        let padded = emit(rw, op, tfl::Padv2::NAME, &[y, paddings, fill], tensor_type(&grown, elem_of(x)), &[]);
        let mut begin = vec![0i64; rank];
        begin[axis] = if reverse { k } else { 0 };
        let begin = super::stablehlo_to_tfl::i32_const(rw, op, &begin);
        let shifted = emit(rw, op, tfl::Slice::NAME, &[padded, begin, size], x.raw_type(), &[]);
        let attrs: &[_] = if combine == tfl::Mul::NAME { &[none] } else { &[] };
        y = emit(rw, op, combine, &[y, shifted], x.raw_type(), attrs);
        k *= 2;
    }
    Ok(y.defining_op())
}

/// What divides a window sum: a constant, or PyTorch's count of the elements each
/// window covers (a window sum of ones with `ones` dims and `pads`, the same window
/// and strides).
pub(super) enum Divisor {
    Constant(f64),
    Count { ones: Vec<i64>, pads: Vec<[i64; 2]> },
}

/// The one `stablehlo.divide` of the window sum `op` and its divisor: a constant, or
/// a window sum of ones with the same `window` and `strides` (the 2-D pool rule and
/// `pool_3d` read it).
pub(super) fn divisor_of<'c>(op: Op<'c>, window: &[i64], strides: &[i64]) -> Option<(Op<'c>, Divisor)> {
    let sum = op.result(0);
    let [(div, 0)] = sum.uses()[..] else { return None };
    if !div.isa::<hlo::Divide>() || !sum.same_type(div.result(0)) || !sum.same_type(div.operand(1)) {
        return None;
    }
    let d = div.operand(1);
    if let Some(v) = splat_through(d) {
        return Some((div, Divisor::Constant(v)));
    }
    let c = d.defining_op().filter(|c| c.isa::<hlo::ReduceWindow>())?;
    let ins = c.operands();
    let ints = |n: &str| c.attr(n).and_then(|a| a.as_ints());
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    let counting = ins.len() == 2
        && binary_body(c) == Some(hlo::Add::NAME)
        && splat_through(ins[1]) == Some(0.0)
        && splat_through(ins[0]) == Some(1.0)
        && ints("window_dimensions")? == window
        && ints("window_strides")? == strides
        && unit(ints("window_dilations"))
        && unit(ints("base_dilations"));
    let pads = window_pads(c, window.len())?;
    counting.then(|| (div, Divisor::Count { ones: ty(ins[0]).dims().to_vec(), pads }))
}

/// Groups of at most two adjacent dims covering `pooled` (sorted), the last group
/// first: `[2, 3, 4]` -> `[[3, 4], [2]]`.
fn groups(pooled: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut i = pooled.len();
    while i > 0 {
        if i >= 2 && pooled[i - 2] + 1 == pooled[i - 1] {
            out.push(vec![pooled[i - 2], pooled[i - 1]]);
            i -= 2;
        } else {
            out.push(vec![pooled[i - 1]]);
            i -= 1;
        }
    }
    out
}

/// A max or sum pool over three or more dims, or over any dims of a rank-5 or larger
/// operand (see the module notes). Static shapes, or an unknown batch before the pooled
/// dims (an average's divisor then a constant, not a count).
pub(super) fn pool_3d<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(body) = binary_body(op) else { return Ok(None) };
    let init = splat_through(ins[1]);
    let max = body == hlo::Maximum::NAME && init == Some(f64::NEG_INFINITY);
    let sum = body == hlo::Add::NAME && init == Some(0.0);
    let ints = |n: &str| op.attr(n).and_then(|a| a.as_ints());
    let Some(window) = ints("window_dimensions") else { return Ok(None) };
    // Absent strides are 1 (JAX leaves them out of its scans).
    let strides = ints("window_strides").unwrap_or_else(|| vec![1; window.len()]);
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    if !(max || sum) || !unit(ints("window_dilations")) || !unit(ints("base_dilations")) {
        return Ok(None);
    }
    let rank = window.len();
    let Some(pads) = window_pads(op, rank) else { return Ok(None) };
    let (x, xt, out) = (ins[0], ty(ins[0]), ty(op.result(0)));
    if xt.elem != ElemTy::F32 || xt.rank() != Some(rank) || out.rank() != Some(rank) || strides.len() != rank {
        return Ok(None);
    }
    let pooled: Vec<usize> = (0..rank).filter(|&d| window[d] != 1 || strides[d] != 1 || pads[d] != [0, 0]).collect();
    if !(pooled.len() >= 3 || (rank >= 5 && !pooled.is_empty())) {
        return Ok(None);
    }
    // Unknown sizes only before the pooled dims (a batch): they merge into each rank-4
    // pool's N as -1. A counting divisor would need ones of the unknown shape: left.
    let first = pooled[0];
    let unknown_ok = |dims: &[i64]| dims.iter().enumerate().all(|(i, &d)| d >= 0 || i < first);
    if !unknown_ok(xt.dims()) || !unknown_ok(out.dims()) || xt.dims()[..first].iter().filter(|&&d| d < 0).count() > 1 {
        return Ok(None);
    }
    let dynamic = !xt.is_static();
    // A sum's cumulative sums (`prefix_axis`) are tfl.cumsum, not pools.
    if sum && prefix_axis(xt.dims(), &window, &strides, &pads).is_some() {
        return Ok(None);
    }
    let divide = if sum { divisor_of(op, &window, &strides) } else { None };
    if dynamic && matches!(divide, Some((_, Divisor::Count { .. }))) {
        return Ok(None);
    }
    // NCDHW (channels at 1, pooled D, H, W) is pooled as NDHWC: the pools then read
    // [N*D, H, W, C], a Conv3d's own 2-D layout, and the transposes around them cancel
    // with those of the convolutions in `tfl-layout-nhwc`.
    let channels_first = rank == 5 && pooled.iter().all(|&d| d >= 2);
    let perm: Vec<usize> = if channels_first { vec![0, 2, 3, 4, 1] } else { (0..rank).collect() };
    let permute = |v: &[i64]| -> Vec<i64> { perm.iter().map(|&p| v[p]).collect() };
    let window = permute(&window);
    let strides = permute(&strides);
    let pads: Vec<[i64; 2]> = perm.iter().map(|&p| pads[p]).collect();
    let out_dims = permute(out.dims());
    let divide = divide.map(|(d, v)| match v {
        Divisor::Count { ones, pads } => (d, Divisor::Count { ones: permute(&ones), pads: perm.iter().map(|&p| pads[p]).collect() }),
        c => (d, c),
    });
    let pooled: Vec<usize> = (0..rank).filter(|&d| window[d] != 1 || strides[d] != 1 || pads[d] != [0, 0]).collect();
    let parts = groups(&pooled);
    let areas: Vec<f64> = parts.iter().map(|g| g.iter().map(|&d| window[d] as f64).product()).collect();
    let f32t = op.context().f32();
    let perm64: Vec<i64> = perm.iter().map(|&p| p as i64).collect();
    let mut y = permuted(rw, op, x, &perm64);
    let mut dims = permute(xt.dims());
    for (gi, g) in parts.iter().enumerate() {
        let (first, last) = (g[0], g[g.len() - 1]);
        let pre: i64 = if dims[..first].iter().any(|&d| d < 0) { -1 } else { dims[..first].iter().product() };
        let post: i64 = dims[last + 1..].iter().product();
        let four = |v: &dyn Fn(usize) -> i64, fill: i64| -> Vec<i64> {
            let mut r = vec![fill; 4];
            for (i, &d) in g.iter().enumerate() {
                r[1 + i] = v(d);
            }
            r
        };
        let in4 = { let mut s = four(&|d| dims[d], 1); s[0] = pre; s[3] = post; s };
        let out4 = { let mut s = four(&|d| out_dims[d], 1); s[0] = pre; s[3] = post; s };
        let win4 = four(&|d| window[d], 1);
        let str4 = four(&|d| strides[d], 1);
        let mut pad4 = vec![[0i64, 0]; 4];
        for (i, &d) in g.iter().enumerate() {
            pad4[1 + i] = pads[d];
        }
        let x4 = reshape_to(rw, op, y, &in4);
        let s4 = window_op(rw, op, x4, ins[1], &win4, &str4, &pad4, &out4);
        let mut r4 = s4;
        if let Some((_, d)) = &divide {
            // A constant divisor of the pool's shape; with an unknown batch a
            // one-element constant broadcast to the pool's run-time shape (the 2-D rule
            // reads the value through the broadcast).
            let splat = |rw: &mut Rewriter<'c>, v: f64| -> Result<Value<'c>, String> {
                if !dynamic {
                    return number_const(rw, op, &out4, f32t, &[v]);
                }
                let one = number_const(rw, op, &[1, 1, 1, 1], f32t, &[v])?;
                let shape = super::dynamic::shape_of(rw, op, s4);
                Ok(emit(rw, op, tfl::BroadcastTo::NAME, &[one, shape], s4.raw_type(), &[]))
            };
            let divisor = match d {
                Divisor::Constant(c) if gi + 1 == parts.len() => {
                    let rest: f64 = areas[..gi].iter().product();
                    splat(rw, c / rest)?
                }
                Divisor::Constant(_) => splat(rw, areas[gi])?,
                Divisor::Count { ones, pads: cpads } => {
                    let ones4 = { let mut s = four(&|d| ones[d], 1); s[0] = pre; s[3] = post; s };
                    let mut cpad4 = vec![[0i64, 0]; 4];
                    for (i, &d) in g.iter().enumerate() {
                        cpad4[1 + i] = cpads[d];
                    }
                    let one = number_const(rw, op, &ones4, f32t, &[1.0])?;
                    window_op(rw, op, one, ins[1], &win4, &str4, &cpad4, &out4)
                }
            };
            r4 = rw.create(hlo::Divide::NAME, &[s4, divisor], &[s4.raw_type()], &[]).result(0);
        }
        for &d in g {
            dims[d] = out_dims[d];
        }
        y = reshape_to(rw, op, r4, &dims);
    }
    y = permuted(rw, op, y, &inverse(&perm64));
    if let Some((div, _)) = divide {
        rw.replace_all_uses(div.result(0), y);
        let count = div.operand(1).defining_op();
        rw.erase_op(div);
        if let Some(c) = count.filter(|c| *c != op && c.is_unused()) {
            rw.erase_op(c);
        }
    }
    Ok(y.defining_op())
}

/// A copy of the window op `like` (its body) over `x` with init `init`, window,
/// strides and padding as given (no dilation), of result shape `out`.
#[allow(clippy::too_many_arguments)]
fn window_op<'c>(
    rw: &mut Rewriter<'c>,
    like: Op<'c>,
    x: Value<'c>,
    init: Value<'c>,
    window: &[i64],
    strides: &[i64],
    pads: &[[i64; 2]],
    out: &[i64],
) -> Value<'c> {
    let c = like.context();
    let new = rw.clone_op(like);
    rw.set_operands(new, &[x, init]);
    rw.set_attr(new, "window_dimensions", c.i64_array_attr(window));
    rw.set_attr(new, "window_strides", c.i64_array_attr(strides));
    let flat: Vec<i64> = pads.iter().flatten().copied().collect();
    rw.set_attr(new, "padding", c.dense_i64(&[pads.len() as i64, 2], &flat));
    for a in ["window_dilations", "base_dilations"] {
        if new.has_attr(a) {
            rw.remove_attr(new, a);
        }
    }
    rw.set_type(new.result(0), tensor_type(out, elem_of(x)));
    new.result(0)
}

/// A dilated window (PyTorch's `max_pool2d(dilation=2)`; TFLite's pools take no
/// dilation) over static shapes: the window's offsets as strided slices of the input
/// padded with the init (PADV2, STRIDED_SLICE), combined with the body's op, one per
/// offset. Max, min, sum and product bodies whose init is their identity.
pub(super) fn dilated<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(body) = binary_body(op) else { return Ok(None) };
    let Some(combine) = combining_op(body) else { return Ok(None) };
    let ints = |n: &str| op.attr(n).and_then(|a| a.as_ints());
    let (Some(window), Some(dilations)) = (ints("window_dimensions"), ints("window_dilations")) else {
        return Ok(None);
    };
    let strides = ints("window_strides").unwrap_or_else(|| vec![1; window.len()]);
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    if dilations.iter().all(|&d| d == 1) || !unit(ints("base_dilations")) {
        return Ok(None);
    }
    let rank = window.len();
    let Some(pads) = window_pads(op, rank) else { return Ok(None) };
    let Some(init) = splat_through(ins[1]) else { return Ok(None) };
    let (x, xt, out) = (ins[0], ty(ins[0]), ty(op.result(0)));
    let identity = is_identity(body, init, &xt.elem) || (body == hlo::Add::NAME && init == 0.0);
    if !identity || !xt.is_static() || !out.is_static() || xt.rank() != Some(rank) || pads.iter().flatten().any(|&p| p < 0) {
        return Ok(None);
    }
    let count: i64 = window.iter().product();
    if count > 64 {
        return Ok(None);
    }
    let mut xp = x;
    if pads.iter().any(|p| *p != [0, 0]) {
        let paddings = paddings_const(rw, op, &pads);
        let fill = scalar_like(rw, op, x, init)?;
        let grown: Vec<i64> = xt.dims().iter().zip(&pads).map(|(&d, p)| d + p[0] + p[1]).collect();
        xp = emit(rw, op, tfl::Padv2::NAME, &[x, paddings, fill], tensor_type(&grown, elem_of(x)), &[]);
    }
    let o = out.dims().to_vec();
    let c = op.context();
    let slice_attrs = super::stablehlo_to_tfl::strided_slice_masks(c, 0, 0, 0);
    let none = ("fused_activation_function", c.string_attr("NONE"));
    let fused: &[_] = if combine == tfl::Mul::NAME || combine == tfl::Add::NAME { &[none] } else { &[] };
    let result = op.result(0).raw_type();
    let mut acc: Option<Value<'c>> = None;
    for mut k in 0..count {
        let mut at = vec![0i64; rank];
        for d in (0..rank).rev() {
            at[d] = k % window[d];
            k /= window[d];
        }
        let begin: Vec<i64> = (0..rank).map(|d| at[d] * dilations[d]).collect();
        let end: Vec<i64> = (0..rank).map(|d| begin[d] + (o[d] - 1) * strides[d] + 1).collect();
        let (b, e, s) = (
            super::stablehlo_to_tfl::i32_const(rw, op, &begin),
            super::stablehlo_to_tfl::i32_const(rw, op, &end),
            super::stablehlo_to_tfl::i32_const(rw, op, &strides),
        );
        let v = emit(rw, op, tfl::StridedSlice::NAME, &[xp, b, e, s], result, &slice_attrs);
        acc = Some(match acc {
            Some(a) => emit(rw, op, combine, &[a, v], result, fused),
            None => v,
        });
    }
    Ok(acc.and_then(|a| a.defining_op()))
}

//! `tfl-optimize`: local TFL rewrites that remove ops: constant scales and offsets
//! folded into the weights and bias of the convolution or fully-connected op before
//! them (so an inference batch norm disappears), `batch_matmul` by a constant matrix as
//! `fully_connected`, constant chains merged, and identities dropped.
//!
//! Input: TFL ops after `tfl-fold-constants` (constants folded, so a batch norm's
//! `rsqrt(var + eps)` is one constant) and, for the best result, after the layout pass
//! (NHWC around convolutions; a single-use `tfl.transpose` between a convolution and
//! its scale is looked through, so NCHW graphs fold too). Output: the same function,
//! numerically equal within f32 rounding, with the patterns below applied until none
//! matches; ops left unused are erased.
//!
//!   %0 = "tfl.conv_2d"(%x, %w, %none) {fused_activation_function = "NONE", ...}
//!   %1 = "tfl.mul"(%0, %scale) {fused_activation_function = "NONE"}   // %scale: [C]
//!   %2 = "tfl.add"(%1, %shift) {fused_activation_function = "RELU"}   // %shift: [C]
//! becomes
//!   %2 = "tfl.conv_2d"(%x, %w_scaled, %shift) {fused_activation_function = "RELU", ...}
//!
//! Transposes around matrix products (attention heads written as `view().transpose()`):
//! a transpose that swaps a `batch_matmul` operand's last two dims becomes its `adj_x` /
//! `adj_y` flag, transposes by one permutation of slices of one value (the q, k and v of
//! a fused projection) become one transpose of the value, sliced after, and a product's
//! matrices transposed after it are the product of its operands swapped.
//!
//! A constant "per output channel" broadcasts to the result varying only along the
//! channel dim: [C], [1, 1, 1, C], [1, C] (or [1, C, 1, 1] behind an NHWC->NCHW
//! transpose). Splats and `broadcast_to(constant)` count as constants.
//!
//! Patterns (`<Op><Effect>`), by anchor op:
//!   tfl.add            AddZeroNoop, AddIntoBias, AddConstChainFold
//!   tfl.batch_matmul   BatchMatmulToFullyConnected, BatchMatmulTransposeToAdj
//!   tfl.cast           CastNoop
//!   tfl.div            DivOneNoop, DivConstToMul
//!   tfl.expand_dims    ExpandDimsNoop, ExpandDimsReshapeFold
//!   tfl.mul            MulOneNoop, MulIntoWeights, MulConstChainFold, MulDistributeOverAdd
//!   tfl.reshape        ReshapeNoop, ReshapeReshapeFold
//!   tfl.squeeze        SqueezeNoop, SqueezeReshapeFold
//!   tfl.sub            SubZeroNoop, SubIntoBias, SubConstChainFold
//!   tfl.transpose      TransposeNoop, TransposeSlicesHoist, TransposeBatchMatmulSwap
//!
//! Kept on purpose: `add(mul(x, a), b)` (no single op does both); scales in front of a
//! convolution (they would need the padding to be zero-preserving); convolutions with
//! a fused activation or a second user.

use crate::legacy::constant::{
    broadcast_shapes, insert, insert_owned, read, read_compact, rewritable, strides, transpose_bytes, with_bytes, ConstTensor,
};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::catalog::Fold;
use edge_dialects::ir::{const_ints_of_value, type_from_mlir, Attr, ElemTy};
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-optimize",
    summary: "Fold scales and offsets into convolution weights and bias, batch_matmul by a constant into fully_connected, drop identities",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflOptimize))
}

struct TflOptimize;

/// A rewrite anchored at one op: on a match it edits the IR, erasing at most the
/// anchor (producers it leaves unused go at the end of the sweep), and returns true.
type Rewrite = fn(MlirOperation) -> bool;

/// Every pattern, by anchor op (sorted); within an op, tried in order.
const PATTERNS: &[(&str, &str, Rewrite)] = &[
    // ---- tfl.add ----------------------------------------------------------------
    ("tfl.add", "AddZeroNoop", |op| identity_operand(op, 0.0, true)),
    ("tfl.add", "AddIntoBias", |op| into_weights(op, Affine::Add)),
    ("tfl.add", "AddConstChainFold", const_chain_fold),
    // ---- tfl.batch_matmul -------------------------------------------------------
    ("tfl.batch_matmul", "BatchMatmulToFullyConnected", batch_matmul_to_fully_connected),
    ("tfl.batch_matmul", "BatchMatmulTransposeToAdj", batch_matmul_transpose_to_adj),
    // ---- tfl.cast ---------------------------------------------------------------
    ("tfl.cast", "CastNoop", same_type_noop),
    // ---- tfl.div ----------------------------------------------------------------
    ("tfl.div", "DivOneNoop", |op| identity_operand(op, 1.0, false)),
    ("tfl.div", "DivConstToMul", div_const_to_mul),
    // ---- tfl.expand_dims ----------------------------------------------------------
    ("tfl.expand_dims", "ExpandDimsNoop", same_type_noop),
    ("tfl.expand_dims", "ExpandDimsReshapeFold", reshape_reshape_fold),
    // ---- tfl.mul ----------------------------------------------------------------
    ("tfl.fully_connected", "FullyConnectedReshapeFold", fully_connected_reshape_fold),
    ("tfl.mul", "MulOneNoop", |op| identity_operand(op, 1.0, true)),
    ("tfl.mul", "MulIntoWeights", |op| into_weights(op, Affine::Mul)),
    ("tfl.mul", "MulConstChainFold", const_chain_fold),
    ("tfl.mul", "MulDistributeOverAdd", mul_distribute_over_add),
    // ---- tfl.reshape ------------------------------------------------------------
    ("tfl.reshape", "ReshapeNoop", same_type_noop),
    ("tfl.reshape", "ReshapeReshapeFold", reshape_reshape_fold),
    // ---- tfl.squeeze ------------------------------------------------------------
    ("tfl.squeeze", "SqueezeNoop", same_type_noop),
    ("tfl.squeeze", "SqueezeReshapeFold", reshape_reshape_fold),
    // ---- tfl.sub ----------------------------------------------------------------
    ("tfl.sub", "SubZeroNoop", |op| identity_operand(op, 0.0, false)),
    ("tfl.sub", "SubIntoBias", |op| into_weights(op, Affine::Sub)),
    ("tfl.sub", "SubConstChainFold", const_chain_fold),
    // ---- tfl.transpose ----------------------------------------------------------
    ("tfl.transpose", "TransposeNoop", transpose_noop),
    ("tfl.transpose", "TransposeSlicesHoist", transpose_slices_hoist),
    ("tfl.transpose", "TransposeBatchMatmulSwap", transpose_batch_matmul_swap),
];

/// Sweeps over the body until no pattern matches (bounded: each rewrite removes an op
/// or moves a constant towards a weight, so a few sweeps do).
const MAX_SWEEPS: usize = 16;

impl TflOptimize {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for _ in 0..MAX_SWEEPS {
            let mut changed = false;
            // Users before producers: a chain of scales merges (MulConstChainFold) before
            // it reaches the weights, so a filter is rewritten once, not once per scale.
            // Ops left unused by this sweep's rewrites wait for the next one.
            for op in body_ops(func).into_iter().rev() {
                if unsafe { mlirOperationGetNumResults(op) } == 1 && use_count(result(op, 0)) == 0 {
                    continue;
                }
                let op_name = name(op);
                for (_, _, rewrite) in PATTERNS.iter().filter(|(n, _, _)| *n == op_name) {
                    if rewrite(op) {
                        changed = true;
                        break;
                    }
                }
            }
            erase_dead_ops(func);
            if !changed {
                break;
            }
        }
        Ok(())
    }
}

// ---- Shared conditions ---------------------------------------------------------

fn value_type(v: MlirValue) -> MlirType {
    unsafe { mlirValueGetType(v) }
}

fn dims_of(v: MlirValue) -> Option<Vec<i64>> {
    let t = type_from_mlir(value_type(v));
    t.is_static().then(|| t.dims().to_vec())
}

fn is_f32(v: MlirValue) -> bool {
    type_from_mlir(value_type(v)).elem == ElemTy::F32
}

fn activation(op: MlirOperation) -> Option<String> {
    attr(op, "fused_activation_function").and_then(|a| a.as_str().map(str::to_string))
}

fn fused_none(op: MlirOperation) -> bool {
    activation(op).is_none_or(|a| a == "NONE")
}

/// An f32 constant (compact: splats and `broadcast_to(constant)` included).
fn f32_const(v: MlirValue) -> Option<(ConstTensor, Vec<f32>)> {
    let c = read_compact(v)?;
    let values = c.f32s()?;
    Some((c, values))
}

/// Whether `v` is a constant whose every element is `x`.
fn is_splat_of(v: MlirValue, x: f64) -> bool {
    let Some(c) = read_compact(v) else { return false };
    if let Some(f) = c.f32s() {
        return f.iter().all(|&a| a as f64 == x);
    }
    c.elem.is_int() && c.ints().is_some_and(|i| i.iter().all(|&a| a as f64 == x))
}

/// Element-wise f32 `f` of two constants broadcast together; the tensor has the
/// broadcast shape.
fn combine(ctx: MlirContext, a: &(ConstTensor, Vec<f32>), b: &(ConstTensor, Vec<f32>), f: impl Fn(f32, f32) -> f32) -> Option<ConstTensor> {
    let shape = broadcast_shapes(&a.0.shape, &b.0.shape)?;
    let ia = crate::legacy::constant::broadcast_indices(&a.0.shape, &shape);
    let ib = crate::legacy::constant::broadcast_indices(&b.0.shape, &shape);
    let values: Vec<f32> = ia.iter().zip(&ib).map(|(&i, &j)| f(a.1[i], b.1[j])).collect();
    Some(ConstTensor::from_f32(ctx, shape, &values))
}

fn context(op: MlirOperation) -> MlirContext {
    unsafe { mlirOperationGetContext(op) }
}

/// A new binary op `name(lhs, rhs)` replacing `op` (same result type), with `op`'s
/// fused activation.
fn replace_with_binary(op: MlirOperation, name: &str, lhs: MlirValue, rhs: MlirValue) {
    let act = activation(op).unwrap_or_else(|| "NONE".into());
    let new = insert_op_before(op, name, &[lhs, rhs], &result_types(op), &[("fused_activation_function", string_attr(op, &act))]);
    replace_op(op, new);
}

// ---- Identities ------------------------------------------------------------------

/// `op(x, c)` (or `op(c, x)` when `commutes`) with `c` all `identity` and the result
/// of `x`'s type: the result is `x`.
fn identity_operand(op: MlirOperation, identity: f64, commutes: bool) -> bool {
    if !fused_none(op) {
        return false;
    }
    let r = result(op, 0);
    let sides: &[(isize, isize)] = if commutes { &[(0, 1), (1, 0)] } else { &[(0, 1)] };
    for &(x, c) in sides {
        if is_splat_of(operand(op, c), identity) && same_type(operand(op, x), r) {
            replace_all_uses(r, operand(op, x));
            erase(op);
            return true;
        }
    }
    false
}

/// An op whose result has its input's type does nothing (reshape, squeeze,
/// expand_dims, cast).
fn same_type_noop(op: MlirOperation) -> bool {
    let (x, r) = (operand(op, 0), result(op, 0));
    if !same_type(x, r) || dims_of(r).is_none() {
        return false;
    }
    replace_all_uses(r, x);
    erase(op);
    true
}

fn transpose_noop(op: MlirOperation) -> bool {
    let Some(perm) = const_ints_of_value(operand(op, 1)) else { return false };
    if !perm.iter().enumerate().all(|(i, &p)| p == i as i64) || !same_type(operand(op, 0), result(op, 0)) {
        return false;
    }
    replace_all_uses(result(op, 0), operand(op, 0));
    erase(op);
    true
}

/// `reshape(reshape(x))` (squeeze and expand_dims alike) reads `x` directly; a static
/// result becomes one `tfl.reshape`.
fn reshape_reshape_fold(op: MlirOperation) -> bool {
    // The ops that only reshape (reshape, squeeze, expand_dims) fold as `Fold::Reshape`.
    let is_reshape =
        |d: &MlirOperation| edge_dialects::TFL.lookup(&name(*d)).is_some_and(|def| def.fold() == Some(Fold::Reshape));
    let Some(inner) = defining_op(operand(op, 0)).filter(is_reshape) else { return false };
    let Some(dims) = dims_of(result(op, 0)) else { return false };
    let x = operand(inner, 0);
    if dims_of(x).is_none() {
        return false;
    }
    let Ok(shape) = crate::legacy::constant::insert_i32(op, &dims) else { return false };
    let new = insert_op_before(op, "tfl.reshape", &[x, shape], &result_types(op), &[]);
    replace_op(op, new);
    true
}

/// `fully_connected(reshape(x) : [B, K])` without keep_num_dims -> `fully_connected(x)`
/// when x's last dim is K: the kernel flattens its input to [-1, K] by itself (the
/// flatten before a CNN's classifier).
fn fully_connected_reshape_fold(op: MlirOperation) -> bool {
    if attr(op, "keep_num_dims") == Some(Attr::Bool(true)) {
        return false;
    }
    let Some(reshape) = defining_op(operand(op, 0)).filter(|d| name(*d) == "tfl.reshape") else { return false };
    let x = operand(reshape, 0);
    let (Some(flat), Some(xd)) = (dims_of(result(reshape, 0)), dims_of(x)) else { return false };
    if flat.len() != 2 || xd.is_empty() || xd.last() != Some(&flat[1]) || xd.iter().product::<i64>() != flat[0] * flat[1] {
        return false;
    }
    set_operand(op, 0, x);
    true
}

// ---- Constant chains ---------------------------------------------------------------

/// `div(x, c)` -> `mul(x, 1/c)` for an f32 constant `c` that does not widen `x`.
/// 1/c is rounded once, so results may differ from a true quotient in the last bit.
fn div_const_to_mul(op: MlirOperation) -> bool {
    let (x, r) = (operand(op, 0), result(op, 0));
    let Some((c, values)) = f32_const(operand(op, 1)) else { return false };
    if !is_f32(x) || !same_type(x, r) {
        return false;
    }
    let recip: Vec<f32> = values.iter().map(|&v| 1.0 / v).collect();
    let k = insert(op, &ConstTensor::from_f32(context(op), c.shape, &recip));
    replace_with_binary(op, "tfl.mul", x, k);
    true
}

/// A value `x op c` seen as `x + sign * c` (add, sub) or `x * c` (mul), with `c` an
/// f32 constant: (x, constant, sign).
fn affine_parts(op: MlirOperation) -> Option<(MlirValue, (ConstTensor, Vec<f32>), f32)> {
    let n = name(op);
    let sides: &[(isize, isize, f32)] = match n.as_str() {
        "tfl.add" | "tfl.mul" => &[(0, 1, 1.0), (1, 0, 1.0)],
        "tfl.sub" => &[(0, 1, -1.0)],
        _ => return None,
    };
    for &(x, c, sign) in sides {
        if let Some(k) = f32_const(operand(op, c)) {
            if !crate::legacy::constant::is_constant(operand(op, x)) && defining_op(operand(op, x)).is_none_or(|d| name(d) != "tfl.broadcast_to") {
                return Some((operand(op, x), k, sign));
            }
        }
    }
    None
}

/// `(x ± a) ± b` -> `x + (±a ± b)` and `(x * a) * b` -> `x * (a * b)`, when the inner op
/// has no other user, no fused activation, and the merged constant widens nothing.
fn const_chain_fold(op: MlirOperation) -> bool {
    let outer_mul = name(op) == "tfl.mul";
    let Some((y, b, sb)) = affine_parts(op) else { return false };
    let Some(inner) = defining_op(y) else { return false };
    let inner_mul = name(inner) == "tfl.mul";
    if inner_mul != outer_mul || !fused_none(inner) || use_count(y) != 1 || !is_f32(y) {
        return false;
    }
    let Some((x, a, sa)) = affine_parts(inner) else { return false };
    let Some(k) = combine(context(op), &a, &b, |a, b| if outer_mul { a * b } else { sa * a + sb * b }) else { return false };
    let r = result(op, 0);
    let (Some(xd), Some(rd)) = (dims_of(x), dims_of(r)) else { return false };
    if broadcast_shapes(&xd, &k.shape).as_deref() != Some(&rd[..]) || !same_type(x, r) {
        return false;
    }
    let k = insert(op, &k);
    replace_with_binary(op, if outer_mul { "tfl.mul" } else { "tfl.add" }, x, k);
    true
}

/// `mul(x ± a, s)` -> `add(mul(x, s), ±a * s)` (inner op with no other user): moves the
/// offset past the scale so the scale can reach a weight and the offsets merge.
fn mul_distribute_over_add(op: MlirOperation) -> bool {
    let Some((y, s, _)) = affine_parts(op) else { return false };
    let Some(inner) = defining_op(y) else { return false };
    if name(inner) == "tfl.mul" || !fused_none(inner) || use_count(y) != 1 || !is_f32(y) {
        return false;
    }
    let Some((x, a, sa)) = affine_parts(inner) else { return false };
    let (Some(xd), Some(rd)) = (dims_of(x), dims_of(result(op, 0))) else { return false };
    if xd != rd || broadcast_shapes(&xd, &s.0.shape).as_deref() != Some(&rd[..]) {
        return false;
    }
    let Some(k) = combine(context(op), &a, &s, |a, s| sa * a * s) else { return false };
    if broadcast_shapes(&xd, &k.shape).as_deref() != Some(&rd[..]) {
        return false;
    }
    let ty = result_types(op);
    let scale = insert(op, &s.0);
    let none = string_attr(op, "NONE");
    let scaled = insert_op_before(op, "tfl.mul", &[x, scale], &ty, &[("fused_activation_function", none)]);
    let offset = insert(op, &k);
    replace_with_binary(op, "tfl.add", result(scaled, 0), offset);
    true
}

// ---- Weights and bias ------------------------------------------------------------

#[derive(Clone, Copy, PartialEq)]
enum Affine {
    Add,
    Sub,
    Mul,
}

/// The weighted op producing `v` (directly or through a single-use transpose), with
/// no fused activation and no other user; and the dim of `v` holding its channels.
/// Weighted ops have a constant per-output-channel filter and an optional bias, their
/// output channels last: the catalog's `OpDef::weighted` (conv_2d, depthwise_conv_2d,
/// fully_connected, transpose_conv) gives (filter operand, bias operand, filter's
/// output-channel dim).
fn weighted_producer(v: MlirValue) -> Option<(MlirOperation, (isize, isize, usize), usize)> {
    let def = defining_op(v)?;
    let (w, channel) = if name(def) == "tfl.transpose" {
        let perm = const_ints_of_value(operand(def, 1))?;
        let w = operand(def, 0);
        let last = perm.len() as i64 - 1;
        (w, perm.iter().position(|&p| p == last)?)
    } else {
        (v, dims_of(v)?.len().checked_sub(1)?)
    };
    if use_count(v) != 1 || use_count(w) != 1 {
        return None;
    }
    let conv = defining_op(w)?;
    let wd = edge_dialects::TFL.lookup(&name(conv))?.weighted()?;
    let entry = (wd.weight as isize, wd.bias as isize, wd.channel_dim);
    let single_result = unsafe { mlirOperationGetNumResults(conv) } == 1;
    (single_result && fused_none(conv) && is_f32(w)).then_some((conv, entry, channel))
}

/// The `channels` values of constant `c` when it broadcasts to `shape` and varies only
/// along `channel` (a size-1 channel dim repeats its one value). A materialized
/// constant of the full shape qualifies when its elements repeat across the other dims.
fn per_channel(c: &ConstTensor, values: &[f32], shape: &[i64], channel: usize) -> Option<Vec<f32>> {
    if c.shape.len() > shape.len() {
        return None;
    }
    let offset = shape.len() - c.shape.len();
    if c.shape.iter().enumerate().any(|(d, &n)| n != 1 && n != shape[d + offset]) {
        return None;
    }
    let channels = shape[channel] as usize;
    let (stride, size) = if channel >= offset { (strides(&c.shape)[channel - offset], c.shape[channel - offset]) } else { (1, 1) };
    let mut seen: Vec<Option<f32>> = vec![None; size as usize];
    for (i, &v) in values.iter().enumerate() {
        let ch = ((i as i64 / stride) % size) as usize;
        match seen[ch] {
            None => seen[ch] = Some(v),
            Some(x) if x.to_bits() == v.to_bits() => {}
            Some(_) => return None,
        }
    }
    let seen: Vec<f32> = seen.into_iter().collect::<Option<_>>()?;
    Some(if size == 1 { vec![seen[0]; channels] } else { seen })
}

/// `add(w(x), c)`, `sub(w(x), c)`, `mul(w(x), c)` with `w` a weighted op and `c` per
/// output channel: `c` goes into `w`'s bias (and, for mul, its filter), and the
/// anchor's fused activation moves to `w`.
fn into_weights(op: MlirOperation, kind: Affine) -> bool {
    let sides: &[(isize, isize)] = if kind == Affine::Sub { &[(0, 1)] } else { &[(0, 1), (1, 0)] };
    for &(x, c) in sides {
        let (xv, r) = (operand(op, x), result(op, 0));
        let Some((conv, (filter_at, bias_at, filter_channel), channel)) = weighted_producer(xv) else { continue };
        let Some((k, values)) = f32_const(operand(op, c)) else { continue };
        let Some(shape) = dims_of(xv) else { continue };
        if !same_type(xv, r) {
            continue;
        }
        let Some(v) = per_channel(&k, &values, &shape, channel) else { continue };
        if fold_into(conv, filter_at, bias_at, filter_channel, kind, &v).is_none() {
            continue;
        }
        if let Some(act) = activation(op) {
            set_string_attr(conv, "fused_activation_function", &act);
        }
        replace_all_uses(r, xv);
        erase(op);
        return true;
    }
    false
}

/// Rewrites `conv`'s filter and bias so its output is `out + v` / `out - v` / `out * v`
/// per output channel.
fn fold_into(conv: MlirOperation, filter_at: isize, bias_at: isize, filter_channel: usize, kind: Affine, v: &[f32]) -> Option<()> {
    let ctx = context(conv);
    let channels = v.len();
    let bias_value = operand(conv, bias_at);
    let bias: Option<Vec<f32>> = if type_from_mlir(value_type(bias_value)).elem == ElemTy::None {
        None
    } else {
        let b = read(bias_value)?.f32s()?;
        (b.len() == channels).then_some(b)?.into()
    };
    let new_bias: Option<Vec<f32>> = match (kind, bias) {
        (Affine::Add, b) => Some(b.map_or_else(|| v.to_vec(), |b| b.iter().zip(v).map(|(b, v)| b + v).collect())),
        (Affine::Sub, b) => Some(b.map_or_else(|| v.iter().map(|v| -v).collect(), |b| b.iter().zip(v).map(|(b, v)| b - v).collect())),
        (Affine::Mul, b) => b.map(|b| b.iter().zip(v).map(|(b, v)| b * v).collect()),
    };
    if kind == Affine::Mul {
        // One run of `inner` weights per channel step, each scaled by its channel's value.
        let filter = operand(conv, filter_at);
        let scale = |shape: &[i64], elem: &ElemTy, bytes: &mut [u8]| -> Option<()> {
            if *elem != ElemTy::F32 || shape.get(filter_channel).copied() != Some(channels as i64) {
                return None;
            }
            let run = shape[filter_channel + 1..].iter().product::<i64>().max(1) as usize * 4;
            for (block, run) in bytes.chunks_exact_mut(run).enumerate() {
                let scale = v[block % channels];
                for w in run.as_chunks_mut::<4>().0 {
                    *w = (f32::from_le_bytes(*w) * scale).to_le_bytes();
                }
            }
            Some(())
        };
        if let Some((c, shape, elem, bytes)) = rewritable(filter) {
            // A filter folded earlier and used here only: scaled where it lies, and put
            // where a new constant would go (the output names and orders it the same).
            scale(&shape, &elem, bytes)?;
            unsafe {
                mlirOperationMoveBefore(c, conv);
                mlirOperationSetLocation(c, mlirOperationGetLocation(conv));
            }
        } else {
            let mut f = read(filter)?;
            scale(&f.shape, &f.elem, &mut f.bytes)?;
            let c = insert_owned(conv, f);
            unsafe { mlirOperationSetOperand(conv, filter_at, c) };
        }
    }
    if let Some(b) = new_bias {
        let c = insert(conv, &ConstTensor::from_f32(ctx, vec![channels as i64], &b));
        unsafe { mlirOperationSetOperand(conv, bias_at, c) };
    }
    Some(())
}

// ---- Matrix products -------------------------------------------------------------

/// `batch_matmul(x, y)` with `y` a constant matrix ([K, N], or [N, K] with `adj_y`;
/// leading 1s allowed) and no `adj_x`: `fully_connected(x, W [N, K], none)`, keeping
/// x's leading dims (`keep_num_dims`) when x has more than two.
fn batch_matmul_to_fully_connected(op: MlirOperation) -> bool {
    let (x, y, r) = (operand(op, 0), operand(op, 1), result(op, 0));
    if attr(op, "adj_x") == Some(Attr::Bool(true)) || !is_f32(x) || !is_f32(r) {
        return false;
    }
    let (Some(xd), Some(rd)) = (dims_of(x), dims_of(r)) else { return false };
    let adj_y = attr(op, "adj_y") == Some(Attr::Bool(true));
    // The filter [N, K]: y's matrix, transposed unless `adj_y`, read from where it lies.
    let w = with_bytes(y, |shape, elem, elem_type, bytes| {
        let rank = shape.len();
        if rank < 2 || rank > xd.len() || xd.len() < 2 || shape[..rank - 2].iter().any(|&d| d != 1) {
            return None;
        }
        let matrix = &shape[rank - 2..];
        let (shape, bytes) = if adj_y {
            (matrix.to_vec(), bytes.to_vec())
        } else {
            (vec![matrix[1], matrix[0]], transpose_bytes(bytes, matrix, &[1, 0]))
        };
        Some(ConstTensor { shape, elem: elem.clone(), elem_type, bytes })
    });
    let filter: Box<dyn FnOnce() -> MlirValue> = match w {
        Some(Some(w)) => {
            let (n, k) = (w.shape[0], w.shape[1]);
            if !fits_fully_connected(&xd, &rd, n, k) {
                return false;
            }
            Box::new(move || insert_owned(op, w))
        }
        // An int8 weight stays int8: its dequantize moves with it.
        _ => {
            let Some(c) = crate::legacy::quant::dequantized_const(y) else { return false };
            let rank = c.shape.len();
            if rank < 2 || rank > xd.len() || c.shape[..rank - 2].iter().any(|&d| d != 1) {
                return false;
            }
            let Some(matrix) = c.reshaped(&c.shape[rank - 2..]) else { return false };
            let w = if adj_y { matrix } else { matrix.transposed(&[1, 0]) };
            if !fits_fully_connected(&xd, &rd, w.shape[0], w.shape[1]) {
                return false;
            }
            Box::new(move || w.insert(op))
        }
    };
    let ctx = context(op);
    let filter = filter();
    let none = unsafe {
        let unit = mlirUnitAttrGet(ctx);
        result(insert_op_before(op, "tfl.no_value", &[], &[mlirNoneTypeGet(ctx)], &[("value", unit)]), 0)
    };
    let keep = unsafe { mlirBoolAttrGet(ctx, (xd.len() > 2) as i32) };
    let fc = insert_op_before(
        op,
        "tfl.fully_connected",
        &[x, filter, none],
        &result_types(op),
        &[
            ("fused_activation_function", string_attr(op, "NONE")),
            ("keep_num_dims", keep),
            ("weights_format", string_attr(op, "DEFAULT")),
        ],
    );
    replace_op(op, fc);
    true
}

/// Whether `x [.., K]` times a filter `[N, K]` gives `r [.., N]`.
fn fits_fully_connected(xd: &[i64], rd: &[i64], n: i64, k: i64) -> bool {
    let mut expected = xd.to_vec();
    *expected.last_mut().unwrap() = n;
    xd.last() == Some(&k) && expected == rd
}

// ---- Transposes around matrix products ---------------------------------------------

/// A constant, valid permutation operand.
fn perm_of(v: MlirValue) -> Option<Vec<usize>> {
    let p = const_ints_of_value(v)?;
    let mut seen = vec![false; p.len()];
    p.iter()
        .map(|&d| {
            let d = usize::try_from(d).ok().filter(|&d| d < seen.len() && !seen[d])?;
            seen[d] = true;
            Some(d)
        })
        .collect()
}

fn is_identity(perm: &[usize]) -> bool {
    perm.iter().enumerate().all(|(i, &d)| i == d)
}

fn permuted<T: Copy>(values: &[T], perm: &[usize]) -> Vec<T> {
    perm.iter().map(|&p| values[p]).collect()
}

/// `tfl.transpose(x, perm)` before `anchor`.
fn insert_transpose(anchor: MlirOperation, x: MlirValue, perm: &[usize]) -> Option<MlirValue> {
    let dims = dims_of(x)?;
    let p = crate::legacy::constant::insert_i32(anchor, &perm.iter().map(|&d| d as i64).collect::<Vec<_>>()).ok()?;
    Some(result(insert_op_before(anchor, "tfl.transpose", &[x, p], &[ranked_like(x, &permuted(&dims, perm))], &[]), 0))
}

/// `batch_matmul(x, transpose(z, p))` where `p` puts its last two dims out of order:
/// with `p'`, `p` with its last two entries swapped, `transpose(z, p)` is `transpose(z,
/// p')` with its matrices transposed, which is what flipping `adj_y` does. So the
/// operand becomes `transpose(z, p')` (`z` when `p'` is the identity: a TRANSPOSE op
/// less) and `adj_y` flips. Transposes that keep the matrices' dims in order are the
/// ones sibling head splits share (see TransposeSlicesHoist). Taken on `y` when the
/// TRANSPOSE op goes or `adj_y` gets set (LiteRT's kernel's own layout; without it the
/// kernel transposes `y` itself); on `x`, whose `adj_x` costs the kernel a transpose,
/// only when the TRANSPOSE op goes.
///
///   %k = "tfl.transpose"(%z, [1, 2, 0]) : [T, H, D] -> [H, D, T]
///   "tfl.batch_matmul"(%q, %k) {adj_y = false}
/// becomes
///   %k = "tfl.transpose"(%z, [1, 0, 2]) : [T, H, D] -> [H, T, D]
///   "tfl.batch_matmul"(%q, %k) {adj_y = true}
fn batch_matmul_transpose_to_adj(op: MlirOperation) -> bool {
    for (i, flag) in [(1, "adj_y"), (0, "adj_x")] {
        let v = operand(op, i);
        let Some(t) = defining_op(v).filter(|d| name(*d) == "tfl.transpose") else { continue };
        let Some(mut perm) = perm_of(operand(t, 1)) else { continue };
        let rank = perm.len();
        if rank < 2 || perm[rank - 2] < perm[rank - 1] {
            continue;
        }
        perm.swap(rank - 2, rank - 1);
        let adj = attr(op, flag) == Some(Attr::Bool(true));
        let drops_op = is_identity(&perm);
        let sets_adj_y = flag == "adj_y" && !adj && use_count(v) == 1;
        if !(drops_op || sets_adj_y) {
            continue;
        }
        let z = operand(t, 0);
        let new = if drops_op { Some(z) } else { insert_transpose(op, z, &perm) };
        let Some(new) = new else { continue };
        set_operand(op, i as usize, new);
        set_bool_attr(op, flag, !adj);
        return true;
    }
    false
}

/// `transpose(batch_matmul(a, b), p)` where `p` swaps the last two dims only, and the
/// product has no other user: `(A B)^T = B^T A^T`, so `batch_matmul(b, a)` with the
/// flags swapped and flipped. A TRANSPOSE op less; LiteRT's kernel transposes no more
/// than before (its `adj_x` copy of `b` replaces the copy of `b` it made without
/// `adj_y`). Batch dims broadcast alike in either order.
///
///   %c = "tfl.batch_matmul"(%a, %b) {adj_x = false, adj_y = false}
///   %t = "tfl.transpose"(%c, [0, 2, 1])
/// becomes
///   %t = "tfl.batch_matmul"(%b, %a) {adj_x = true, adj_y = true}
fn transpose_batch_matmul_swap(op: MlirOperation) -> bool {
    let c = operand(op, 0);
    let Some(product) = defining_op(c).filter(|d| name(*d) == "tfl.batch_matmul") else { return false };
    let Some(perm) = perm_of(operand(op, 1)) else { return false };
    let rank = perm.len();
    let swaps_matrices = rank >= 2 && (0..rank).all(|i| perm[i] == if i + 2 < rank { i } else { 2 * rank - 3 - i });
    if !swaps_matrices || use_count(c) != 1 {
        return false;
    }
    let flag = |n: &str| attr(product, n) == Some(Attr::Bool(true));
    let ctx = context(op);
    let (adj_x, adj_y) = unsafe { (mlirBoolAttrGet(ctx, !flag("adj_y") as i32), mlirBoolAttrGet(ctx, !flag("adj_x") as i32)) };
    let mut attrs = vec![("adj_x", adj_x), ("adj_y", adj_y)];
    let asymmetric = raw_attr(product, "asymmetric_quantize_inputs");
    if let Some(a) = asymmetric {
        attrs.push(("asymmetric_quantize_inputs", a));
    }
    let swapped = insert_op_before(op, "tfl.batch_matmul", &[operand(product, 1), operand(product, 0)], &result_types(op), &attrs);
    replace_op(op, swapped);
    true
}

/// One `transpose(reshape?(slice(x)))` chain, seen as `slice(reshape(x, y), begin,
/// size)` transposed by `perm`.
struct SliceChain {
    transpose: MlirOperation,
    slice: MlirOperation,
    x: MlirValue,
    y: Vec<i64>,
    begin: Vec<i64>,
    size: Vec<i64>,
    perm: Vec<usize>,
}

/// The chain ending at transpose `t`: its operand a slice with no other user, possibly
/// through a reshape with no other user.
fn slice_chain(t: MlirOperation) -> Option<SliceChain> {
    if name(t) != "tfl.transpose" {
        return None;
    }
    let perm = perm_of(operand(t, 1))?;
    let r = operand(t, 0);
    let slice_value = match defining_op(r).filter(|d| name(*d) == "tfl.reshape") {
        Some(reshape) if use_count(r) == 1 => operand(reshape, 0),
        Some(_) => return None,
        None => r,
    };
    let slice = defining_op(slice_value).filter(|d| name(*d) == "tfl.slice" && use_count(slice_value) == 1)?;
    let x = operand(slice, 0);
    let begin = const_ints_of_value(operand(slice, 1))?;
    let (xd, sliced, size) = (dims_of(x)?, dims_of(slice_value)?, dims_of(r)?);
    if begin.len() != xd.len() || sliced.len() != xd.len() || size.len() != perm.len() {
        return None;
    }
    let (y, begin) = slice_through_reshape(&xd, &begin, &sliced, &size)?;
    Some(SliceChain { transpose: t, slice, x, y, begin, size, perm })
}

/// For `reshape(slice(x, begin, sliced), out)`: a shape `y` of x's elements and a begin
/// in it with `reshape(slice(x, begin, sliced), out) == slice(reshape(x, y), begin_y,
/// out)`. The reshape may split a dim of the slice (sliced or not: a sliced one splits
/// `x`'s dim alike, when the begin and the dim divide by the inner pieces) or merge dims
/// (all but the outermost unsliced, so the merged range is contiguous in `x`); `None`
/// for anything else, and for a slice that keeps one element of a dim (that dim has no
/// place in `out`).
fn slice_through_reshape(x: &[i64], begin: &[i64], sliced: &[i64], out: &[i64]) -> Option<(Vec<i64>, Vec<i64>)> {
    if (0..x.len()).any(|d| sliced[d] == 1 && x[d] != 1) {
        return None;
    }
    let sd: Vec<usize> = (0..x.len()).filter(|&d| sliced[d] != 1).collect();
    let od: Vec<usize> = (0..out.len()).filter(|&j| out[j] != 1).collect();
    let (mut y, mut begin_y) = (out.to_vec(), vec![0i64; out.len()]);
    let (mut i, mut j) = (0, 0);
    while i < sd.len() {
        // One block: consecutive dims of the slice and of `out` with equal products.
        let (mut a, mut b) = (vec![sd[i]], Vec::new());
        let (mut pa, mut pb) = (sliced[sd[i]], 1);
        i += 1;
        while pa != pb {
            if pb < pa {
                let o = *od.get(j)?;
                pb *= out[o];
                b.push(o);
                j += 1;
            } else {
                let d = *sd.get(i)?;
                pa *= sliced[d];
                a.push(d);
                i += 1;
            }
        }
        if a.len() > 1 && b.len() > 1 {
            return None;
        }
        if let [d] = a[..] {
            let inner: i64 = b[1..].iter().map(|&o| out[o]).product();
            if x[d] % inner != 0 || begin[d] % inner != 0 {
                return None;
            }
            y[b[0]] = x[d] / inner;
            begin_y[b[0]] = begin[d] / inner;
        } else {
            if a[1..].iter().any(|&d| sliced[d] != x[d]) {
                return None;
            }
            let inner: i64 = a[1..].iter().map(|&d| x[d]).product();
            y[b[0]] = x[a[0]] * inner;
            begin_y[b[0]] = begin[a[0]] * inner;
        }
    }
    (j == od.len()).then_some((y, begin_y))
}

/// `transpose(reshape?(slice(x)))` chains by one permutation, two or more, reading
/// together at least as many elements as `x` has: one reshape and one transpose of `x`,
/// then a slice per chain. N transposes (and reshapes) become one, moving no more data.
///
///   %q = "tfl.slice"(%qkv, [0, 0], [T, 192])     %k = ... [0, 192] ...   %v = ...
///   %qh = "tfl.transpose"("tfl.reshape"(%q) : [T, 3, 64], [1, 0, 2])     (k, v alike)
/// becomes
///   %t = "tfl.transpose"("tfl.reshape"(%qkv) : [T, 9, 64], [1, 0, 2]) : [9, T, 64]
///   %qh = "tfl.slice"(%t, [0, 0, 0], [3, T, 64])   %kh = ... [3, 0, 0] ...   %vh = ...
fn transpose_slices_hoist(op: MlirOperation) -> bool {
    let Some(me) = slice_chain(op) else { return false };
    let chains: Vec<SliceChain> = uses(me.x)
        .into_iter()
        .filter(|&(user, at)| at == 0 && name(user) == "tfl.slice")
        .filter_map(|(slice, _)| {
            let s = result(slice, 0);
            let next = uses(s).first().map(|u| u.0)?;
            let t = if name(next) == "tfl.reshape" { uses(result(next, 0)).first().map(|u| u.0)? } else { next };
            slice_chain(t)
        })
        .filter(|c| c.y == me.y && c.perm == me.perm)
        .collect();
    let Some(x_elements) = dims_of(me.x).map(|d| d.iter().product::<i64>()) else { return false };
    let read: i64 = chains.iter().map(|c| c.size.iter().product::<i64>()).sum();
    if chains.len() < 2 || read < x_elements || !chains.iter().any(|c| c.transpose.ptr == op.ptr) {
        return false;
    }
    // Before the first slice: after `x`, before every chain's transpose.
    let earlier = |a: MlirOperation, b: MlirOperation| if unsafe { mlirOperationIsBeforeInBlock(b, a) } { b } else { a };
    let Some(first) = chains.iter().map(|c| c.slice).reduce(earlier) else { return false };
    let reshaped = if dims_of(me.x).as_deref() == Some(&me.y[..]) {
        me.x
    } else {
        let Ok(shape) = crate::legacy::constant::insert_i32(first, &me.y) else { return false };
        result(insert_op_before(first, "tfl.reshape", &[me.x, shape], &[ranked_like(me.x, &me.y)], &[]), 0)
    };
    let Some(t) = insert_transpose(first, reshaped, &me.perm) else { return false };
    for c in &chains {
        let (Ok(begin), Ok(size)) = (
            crate::legacy::constant::insert_i32(c.transpose, &permuted(&c.begin, &c.perm)),
            crate::legacy::constant::insert_i32(c.transpose, &permuted(&c.size, &c.perm)),
        ) else {
            return false;
        };
        let slice = insert_op_before(c.transpose, "tfl.slice", &[t, begin, size], &result_types(c.transpose), &[]);
        replace_all_uses(result(c.transpose, 0), result(slice, 0));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flat indices a slice of a row-major tensor of `dims` reads, in order.
    fn slice_indices(dims: &[i64], begin: &[i64], size: &[i64]) -> Vec<i64> {
        let st = strides(dims);
        let n: i64 = size.iter().product();
        let mut index = vec![0i64; size.len()];
        let mut out = Vec::new();
        for _ in 0..n {
            out.push((0..dims.len()).map(|d| (begin[d] + index[d]) * st[d]).sum());
            for d in (0..size.len()).rev() {
                index[d] += 1;
                if index[d] < size[d] {
                    break;
                }
                index[d] = 0;
            }
        }
        out
    }

    /// `reshape(slice(x, begin, sliced), out) == slice(reshape(x, y), begin_y, out)`, when
    /// `slice_through_reshape` finds `y`.
    fn check(x: &[i64], begin: &[i64], sliced: &[i64], out: &[i64]) -> bool {
        let Some((y, begin_y)) = slice_through_reshape(x, begin, sliced, out) else { return false };
        assert_eq!(y.iter().product::<i64>(), x.iter().product::<i64>(), "y={y:?}");
        let (a, b) = (slice_indices(x, begin, sliced), slice_indices(&y, &begin_y, out));
        assert_eq!(a, b, "x={x:?} y={y:?} begin_y={begin_y:?}");
        true
    }

    #[test]
    fn slices_commute_with_reshapes() {
        // GPT's k: [1, T, 3 * 192] sliced at 192, viewed as [T, 3, 64].
        let k = slice_through_reshape(&[1, 64, 576], &[0, 0, 192], &[1, 64, 192], &[64, 3, 64]);
        assert_eq!(k, Some((vec![64, 9, 64], vec![0, 3, 0])));
        assert!(check(&[1, 64, 576], &[0, 0, 384], &[1, 64, 192], &[64, 3, 64]));
        // No reshape at all.
        assert!(check(&[4, 12], &[1, 4], &[2, 4], &[2, 4]));
        // Unit dims added.
        assert!(check(&[4, 12], &[0, 8], &[4, 4], &[1, 4, 2, 2]));
        // A merge of a sliced outer dim with whole inner dims.
        assert!(check(&[6, 2, 3], &[2, 0, 0], &[2, 2, 3], &[12]));
        // A begin that is a whole number of pieces; refused: one that is not, a sliced
        // inner dim merged, one element of a dim kept, a block that splits and merges.
        assert!(check(&[4, 12], &[0, 2], &[4, 4], &[4, 2, 2]));
        assert!(slice_through_reshape(&[4, 12], &[0, 1], &[4, 4], &[4, 2, 2]).is_none());
        assert!(slice_through_reshape(&[2, 6], &[0, 1], &[2, 4], &[8]).is_none());
        assert!(slice_through_reshape(&[3, 4], &[1, 0], &[1, 4], &[4]).is_none());
        assert!(slice_through_reshape(&[6, 4], &[0, 0], &[6, 4], &[4, 6]).is_none());
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflOptimize {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

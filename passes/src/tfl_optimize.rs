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
//! Patterns (`<Op><Effect>`), by root op, in the order they are tried:
//!   tfl.add              AddZeroNoop, AddIntoBias, AddConstChainFold
//!   tfl.batch_matmul     BatchMatmulToFullyConnected, BatchMatmulTransposeToAdj, BatchMatmulReshapedTransposeToAdj
//!   tfl.cast             CastNoop
//!   tfl.conv_2d          Conv2dPadToSame
//!   tfl.depthwise_conv_2d DepthwiseConv2dPadToSame
//!   tfl.div              DivOneNoop, DivConstToMul
//!   tfl.expand_dims      ExpandDimsNoop, ExpandDimsReshapeFold
//!   tfl.fully_connected  FullyConnectedReshapeFold
//!   tfl.max_pool_2d      MaxPool2dPadToSame
//!   tfl.mul              MulOneNoop, MulIntoWeights, MulConstChainFold, MulDistributeOverAdd
//!   tfl.pad, tfl.padv2   PadZeroNoop, PadV2ZeroNoop
//!   tfl.reshape          ReshapeNoop, ReshapeReshapeFold, ReshapeReductionDropDims, ReshapeGlobalPoolToMean
//!   tfl.squeeze          SqueezeNoop, SqueezeReshapeFold
//!   tfl.sub              SubZeroNoop, SubIntoBias, SubConstChainFold
//!   tfl.transpose        TransposeNoop, TransposePadSwap, TransposeSlicesHoist, TransposeBatchMatmulSwap,
//!                        TransposeScaleSwap, TransposeSqueezeSwap, TransposeReshapeReuse
//!
//! The greedy driver runs them bottom-up (users before producers): a chain of scales
//! merges (MulConstChainFold) before it reaches the weights, so a filter is rewritten
//! once, not once per scale. Ops left unused by a rewrite are not matched; they go at
//! the end of the driver's round.
//!
//! With unknown (`?`) dims, the rewrites that only compare dims or read static ones
//! (the channel count a bias folds along, a product's contracted dim) apply; none
//! computes with an unknown size (`ranked_dims_of`), and a reshape to its input's type
//! is dropped only with one unknown dim (the element count fixes it).
//!
//! Kept on purpose: `add(mul(x, a), b)` (no single op does both); scales in front of a
//! convolution (they would need the padding to be zero-preserving); convolutions with
//! a fused activation or a second user.

use crate::constant::{
    broadcast_indices, broadcast_shapes, insert, insert_i32, insert_owned, is_constant, read, read_compact, rewrite_in_place,
    strides, transpose_bytes, with_bytes, ConstTensor,
};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::catalog::{Fold, Permute, Weighted};
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter, Value};
use edge_dialects::tfl::op as tfl;
use std::sync::LazyLock;

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

/// Every pattern, by root op (sorted). Within a root, the benefits keep the order the
/// patterns are tried in: an identity goes before anything that would fold it, a
/// scale reaches the weights before it merges with another, and a pattern that removes
/// an op before one that only moves it.
const PATTERNS: &[Pattern] = &[
    // ---- tfl.add ----------------------------------------------------------------
    Pattern::new("AddZeroNoop", tfl::Add::NAME, |op, rw| identity_operand(op, rw, 0.0, true)).with_benefit(3),
    Pattern::new("AddIntoBias", tfl::Add::NAME, |op, rw| into_weights(op, rw, Affine::Add)).with_benefit(2),
    Pattern::new("AddConstChainFold", tfl::Add::NAME, const_chain_fold).with_benefit(1),
    // ---- tfl.batch_matmul -------------------------------------------------------
    Pattern::new("BatchMatmulToFullyConnected", tfl::BatchMatmul::NAME, batch_matmul_to_fully_connected).with_benefit(2),
    Pattern::new("BatchMatmulTransposeToAdj", tfl::BatchMatmul::NAME, batch_matmul_transpose_to_adj).with_benefit(1),
    Pattern::new("BatchMatmulReshapedTransposeToAdj", tfl::BatchMatmul::NAME, batch_matmul_reshaped_transpose_to_adj),
    // ---- tfl.cast ---------------------------------------------------------------
    Pattern::new("CastNoop", tfl::Cast::NAME, same_type_noop),
    // ---- tfl.conv_2d / tfl.depthwise_conv_2d ------------------------------------------
    Pattern::new("Conv2dPadToSame", tfl::Conv2d::NAME, pad_into_window),
    Pattern::new("DepthwiseConv2dPadToSame", tfl::DepthwiseConv2d::NAME, pad_into_window),
    // ---- tfl.div ----------------------------------------------------------------
    Pattern::new("DivOneNoop", tfl::Div::NAME, |op, rw| identity_operand(op, rw, 1.0, false)).with_benefit(2),
    Pattern::new("DivConstToMul", tfl::Div::NAME, div_const_to_mul).with_benefit(1),
    // ---- tfl.expand_dims ----------------------------------------------------------
    Pattern::new("ExpandDimsNoop", tfl::ExpandDims::NAME, same_type_noop).with_benefit(2),
    Pattern::new("ExpandDimsReshapeFold", tfl::ExpandDims::NAME, reshape_reshape_fold).with_benefit(1),
    // ---- tfl.fully_connected ------------------------------------------------------
    Pattern::new("FullyConnectedReshapeFold", tfl::FullyConnected::NAME, fully_connected_reshape_fold),
    // ---- tfl.max_pool_2d ------------------------------------------------------------
    Pattern::new("MaxPool2dPadToSame", tfl::MaxPool2d::NAME, pad_into_window),
    // ---- tfl.mul ----------------------------------------------------------------
    Pattern::new("MulOneNoop", tfl::Mul::NAME, |op, rw| identity_operand(op, rw, 1.0, true)).with_benefit(4),
    Pattern::new("MulIntoWeights", tfl::Mul::NAME, |op, rw| into_weights(op, rw, Affine::Mul)).with_benefit(3),
    Pattern::new("MulConstChainFold", tfl::Mul::NAME, const_chain_fold).with_benefit(2),
    Pattern::new("MulDistributeOverAdd", tfl::Mul::NAME, mul_distribute_over_add).with_benefit(1),
    // ---- tfl.pad / tfl.padv2 -------------------------------------------------------
    Pattern::new("PadZeroNoop", tfl::Pad::NAME, pad_zero_noop),
    Pattern::new("PadV2ZeroNoop", tfl::Padv2::NAME, pad_zero_noop),
    // ---- tfl.reshape ------------------------------------------------------------
    Pattern::new("ReshapeNoop", tfl::Reshape::NAME, same_type_noop).with_benefit(3),
    Pattern::new("ReshapeReshapeFold", tfl::Reshape::NAME, reshape_reshape_fold).with_benefit(2),
    Pattern::new("ReshapeReductionDropDims", tfl::Reshape::NAME, reshape_reduction_drop_dims).with_benefit(1),
    Pattern::new("ReshapeGlobalPoolToMean", tfl::Reshape::NAME, reshape_global_pool_to_mean),
    // ---- tfl.squeeze ------------------------------------------------------------
    Pattern::new("SqueezeNoop", tfl::Squeeze::NAME, same_type_noop).with_benefit(2),
    Pattern::new("SqueezeReshapeFold", tfl::Squeeze::NAME, reshape_reshape_fold).with_benefit(1),
    // ---- tfl.sub ----------------------------------------------------------------
    Pattern::new("SubZeroNoop", tfl::Sub::NAME, |op, rw| identity_operand(op, rw, 0.0, false)).with_benefit(3),
    Pattern::new("SubIntoBias", tfl::Sub::NAME, |op, rw| into_weights(op, rw, Affine::Sub)).with_benefit(2),
    Pattern::new("SubConstChainFold", tfl::Sub::NAME, const_chain_fold).with_benefit(1),
    // ---- tfl.transpose ----------------------------------------------------------
    Pattern::new("TransposeNoop", tfl::Transpose::NAME, transpose_noop).with_benefit(4),
    Pattern::new("TransposePadSwap", tfl::Transpose::NAME, transpose_pad_swap).with_benefit(3),
    Pattern::new("TransposeSlicesHoist", tfl::Transpose::NAME, transpose_slices_hoist).with_benefit(2),
    Pattern::new("TransposeBatchMatmulSwap", tfl::Transpose::NAME, transpose_batch_matmul_swap).with_benefit(1),
    Pattern::new("TransposeScaleSwap", tfl::Transpose::NAME, transpose_scale_swap),
    Pattern::new("TransposeSqueezeSwap", tfl::Transpose::NAME, transpose_squeeze_swap),
    Pattern::new("TransposeReshapeReuse", tfl::Transpose::NAME, transpose_reshape_reuse),
];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));

impl Pass for TflOptimize {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // Users before producers (see the header); unused ops wait for the end of the round.
        let config = GreedyConfig { bottom_up: true, skip_unused: true, ..GreedyConfig::default() };
        run_patterns(INFO.name, func, &PATTERN_SET, config, &mut rw)?;
        // Unused ops of the input go too, when no pattern applied.
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

// ---- Shared conditions ---------------------------------------------------------

/// The attribute every op this pass fuses an activation into carries.
const FUSED_ACTIVATION: &str = "fused_activation_function";

fn dims_of(v: Value) -> Option<Vec<i64>> {
    let t = v.ty();
    t.is_static().then(|| t.dims().to_vec())
}

/// Dims of a ranked `v`, -1 where unknown: for rewrites that only compare dims or read
/// static ones (a channel count), never compute with a size.
fn ranked_dims_of(v: Value) -> Option<Vec<i64>> {
    let t = v.ty();
    t.rank().map(|_| t.dims().to_vec())
}

fn is_f32(v: Value) -> bool {
    v.elem() == ElemTy::F32
}

fn activation(op: Op) -> Option<String> {
    op.str_attr(FUSED_ACTIVATION)
}

fn fused_none(op: Op) -> bool {
    activation(op).is_none_or(|a| a == "NONE")
}

/// An f32 constant (compact: splats and `broadcast_to(constant)` included).
fn f32_const(v: Value) -> Option<(ConstTensor, Vec<f32>)> {
    let c = read_compact(v)?;
    let values = c.f32s()?;
    Some((c, values))
}

/// Whether `v` is a constant whose every element is `x`.
fn is_splat_of(v: Value, x: f64) -> bool {
    let Some(c) = read_compact(v) else { return false };
    if let Some(f) = c.f32s() {
        return f.iter().all(|&a| a as f64 == x);
    }
    c.elem.is_int() && c.ints().is_some_and(|i| i.iter().all(|&a| a as f64 == x))
}

/// Element-wise f32 `f` of two constants broadcast together; the tensor has the
/// broadcast shape.
fn combine(a: &(ConstTensor, Vec<f32>), b: &(ConstTensor, Vec<f32>), f: impl Fn(f32, f32) -> f32) -> Option<ConstTensor> {
    let shape = broadcast_shapes(&a.0.shape, &b.0.shape)?;
    let ia = broadcast_indices(&a.0.shape, &shape);
    let ib = broadcast_indices(&b.0.shape, &shape);
    let values: Vec<f32> = ia.iter().zip(&ib).map(|(&i, &j)| f(a.1[i], b.1[j])).collect();
    Some(ConstTensor::from_f32(shape, &values))
}

/// `mul(lhs, rhs)` (or `add` when not `mul`) with `op`'s result type and fused
/// activation, at the insertion point, replacing `op`.
fn replace_with_binary<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, mul: bool, lhs: Value<'c>, rhs: Value<'c>) {
    let act = activation(op).unwrap_or_else(|| "NONE".into());
    let ty = op.result_types();
    let new = if mul {
        tfl::Mul::build(rw, &ty, lhs, rhs).fused_activation_function(&act).create().output()
    } else {
        tfl::Add::build(rw, &ty, lhs, rhs).fused_activation_function(&act).create().output()
    };
    rw.replace_op(op, &[new]);
}

// ---- Identities ------------------------------------------------------------------

/// `op(x, c)` (or `op(c, x)` when `commutes`) with `c` all `identity` and the result
/// of `x`'s type: the result is `x`.
fn identity_operand<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, identity: f64, commutes: bool) -> bool {
    if !fused_none(op) {
        return false;
    }
    let r = op.result(0);
    let sides: &[(usize, usize)] = if commutes { &[(0, 1), (1, 0)] } else { &[(0, 1)] };
    for &(x, c) in sides {
        if is_splat_of(op.operand(c), identity) && op.operand(x).same_type(r) {
            rw.replace_op(op, &[op.operand(x)]);
            return true;
        }
    }
    false
}

/// An op whose result has its input's type does nothing (reshape, squeeze,
/// expand_dims, cast).
fn same_type_noop<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let (x, r) = (op.operand(0), op.result(0));
    // One unknown dim: the element count fixes it, so it is the input's.
    let one_unknown = r.ty().rank().is_some() && r.ty().dims().iter().filter(|&&d| d < 0).count() <= 1;
    if !x.same_type(r) || !one_unknown {
        return false;
    }
    rw.replace_op(op, &[x]);
    true
}

/// TF's "same" padding written out (timm's `tf_` models, Keras ports): a float pad
/// of the spatial dims feeding a VALID convolution or depthwise convolution, by zeros,
/// or a max pool, by -inf, is the op with SAME padding when the pad is exactly what
/// SAME adds (total `(out - 1) * stride + (k - 1) * dilation + 1 - in`, the odd one
/// after, `out = ceil(in / stride)`). An average pool is left: SAME does not count
/// the padding.
fn pad_into_window<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    if op.str_attr("padding").as_deref() != Some("VALID") {
        return false;
    }
    let Some(pad) = op.operand(0).defining_op().filter(|p| p.isa::<tfl::Pad>() || p.isa::<tfl::Padv2>()) else { return false };
    let max_pool = op.isa::<tfl::MaxPool2d>();
    let fill = if pad.num_operands() > 2 { crate::constant::splat(pad.operand(2)) } else { Some(0.0) };
    if fill != Some(if max_pool { f64::NEG_INFINITY } else { 0.0 }) {
        return false;
    }
    let x = pad.operand(0);
    let (Some(xd), Some(pads)) = (dims_of(x), pad.operand(1).const_ints()) else { return false };
    if x.ty().elem != ElemTy::F32 || xd.len() != 4 || pads.len() != 8 || pads[..2] != [0, 0] || pads[6..] != [0, 0] {
        return false;
    }
    let (kh, kw, dh, dw) = if max_pool {
        let (Some(kh), Some(kw)) = (op.int_attr("filter_height"), op.int_attr("filter_width")) else { return false };
        (kh, kw, 1, 1)
    } else {
        let Some(fd) = dims_of(op.operand(1)).filter(|d| d.len() == 4) else { return false };
        (fd[1], fd[2], op.int_attr("dilation_h_factor").unwrap_or(1), op.int_attr("dilation_w_factor").unwrap_or(1))
    };
    let (Some(sh), Some(sw)) = (op.int_attr("stride_h"), op.int_attr("stride_w")) else { return false };
    let same = |size: i64, k: i64, s: i64, d: i64, before: i64, after: i64| {
        let out = (size + s - 1) / s;
        let total = ((out - 1) * s + (k - 1) * d + 1 - size).max(0);
        s > 0 && before == total / 2 && after == total - total / 2
    };
    if !same(xd[1], kh, sh, dh, pads[2], pads[3]) || !same(xd[2], kw, sw, dw, pads[4], pads[5]) {
        return false;
    }
    let same_attr = rw.context().string_attr("SAME");
    rw.set_operand(op, 0, x);
    rw.set_attr(op, "padding", same_attr);
    true
}

/// `transpose(pad(x))` -> `pad(transpose(x))`, the paddings permuted, when the
/// transpose feeds only convolutions and max pools: an NCHW input padded before the
/// layout transpose then meets them (`Conv2dPadToSame`).
fn transpose_pad_swap<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(t) = op.cast::<tfl::Transpose>() else { return false };
    let Some(pad) = t.input().defining_op().filter(|p| p.isa::<tfl::Pad>() || p.isa::<tfl::Padv2>()) else { return false };
    let windowed = |u: &Op| u.isa::<tfl::Conv2d>() || u.isa::<tfl::DepthwiseConv2d>() || u.isa::<tfl::MaxPool2d>();
    let users = t.output().users();
    if !pad.result(0).has_one_use() || users.is_empty() || !users.iter().all(windowed) {
        return false;
    }
    let (Some(perm), Some(pads), Some(xd)) = (t.perm().const_ints(), pad.operand(1).const_ints(), dims_of(pad.operand(0))) else {
        return false;
    };
    if perm.len() != xd.len() || pads.len() != 2 * xd.len() || perm.iter().any(|&p| p < 0 || p as usize >= xd.len()) {
        return false;
    }
    let moved_dims: Vec<i64> = perm.iter().map(|&p| xd[p as usize]).collect();
    let moved_pads: Vec<i64> = perm.iter().flat_map(|&p| [pads[2 * p as usize], pads[2 * p as usize + 1]]).collect();
    let elem = t.output().ty().elem;
    let ctx = rw.context();
    let Some(moved_ty) = ctx.tensor_type(&edge_dialects::ir::TensorTy::ranked(moved_dims, elem)) else { return false };
    rw.set_location(t.op().location());
    let moved = tfl::Transpose::build(rw, &[moved_ty], pad.operand(0), t.perm()).create().output();
    let Ok(paddings) = ConstTensor::from_i32(vec![xd.len() as i64, 2], &moved_pads) else { return false };
    let paddings = insert(rw, &paddings);
    let mut operands = vec![moved, paddings];
    operands.extend((2..pad.num_operands()).map(|i| pad.operand(i)));
    let new = rw.create(pad.name(), &operands, &[t.output().raw_type()], &[]);
    rw.replace_op(op, &[new.result(0)]);
    true
}

/// A pad by zero on every side (a shifted window's padding to a multiple of the window
/// when the size already is one) is its input.
fn pad_zero_noop<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(pads) = op.operand(1).const_ints() else { return false };
    if pads.iter().any(|&p| p != 0) || !op.operand(0).same_type(op.result(0)) {
        return false;
    }
    rw.replace_op(op, &[op.operand(0)]);
    true
}

fn transpose_noop<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(t) = op.cast::<tfl::Transpose>() else { return false };
    let Some(perm) = t.perm().const_ints() else { return false };
    if !perm.iter().enumerate().all(|(i, &p)| p == i as i64) || !t.input().same_type(t.output()) {
        return false;
    }
    rw.replace_op(op, &[t.input()]);
    true
}

/// Whether `op` only reshapes (reshape, squeeze, expand_dims: `Fold::Reshape` in the
/// catalog): its operand 0 is the input, its result the same bytes.
fn only_reshapes(op: &Op) -> bool {
    op.def().and_then(|d| d.fold()) == Some(Fold::Reshape)
}

/// `reshape(reshape(x))` (squeeze and expand_dims alike) reads `x` directly; a static
/// result becomes one `tfl.reshape`.
fn reshape_reshape_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(inner) = op.operand(0).defining_op().filter(only_reshapes) else { return false };
    let Some(dims) = dims_of(op.result(0)) else {
        // Unknown dims: an outer `tfl.reshape` keeps its own shape operand, which alone
        // says where the elements go.
        if !op.isa::<tfl::Reshape>() {
            return false;
        }
        rw.set_operand(op, 0, inner.operand(0));
        return true;
    };
    let x = inner.operand(0);
    if dims_of(x).is_none() {
        return false;
    }
    let Ok(shape) = insert_i32(rw, &dims) else { return false };
    let new = tfl::Reshape::build(rw, &op.result_types(), x, shape).create();
    rw.replace_op(op, &[new.output()]);
    true
}

/// `reshape(mean(x, axes) {keep_dims = true})` that only drops the reduced dims ->
/// `mean(x, axes) {keep_dims = false}`, for any reduction with `keep_dims` (a global
/// pool and flatten at the end of a CNN without a classifier, as in SqueezeNet).
fn reshape_reduction_drop_dims<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(reshape) = op.cast::<tfl::Reshape>() else { return false };
    let Some(red) = reshape.input().defining_op().filter(|r| r.bool_attr("keep_dims") == Some(true)) else { return false };
    let Some(Permute::AxesOperand(k)) = red.def().and_then(|d| d.layout()) else { return false };
    // One unknown dim at most: then the reshape cannot have moved it.
    let one_unknown = |d: &Vec<i64>| d.iter().filter(|&&n| n < 0).count() <= 1;
    let (Some(kept), Some(out), Some(axes)) =
        (ranked_dims_of(red.result(0)).filter(one_unknown), ranked_dims_of(reshape.output()), red.operand(k).const_ints())
    else {
        return false;
    };
    let rank = kept.len() as i64;
    let reduced: Vec<usize> = axes.iter().map(|&a| a.rem_euclid(rank.max(1)) as usize).collect();
    let dropped: Vec<i64> = kept.iter().enumerate().filter(|(d, _)| !reduced.contains(d)).map(|(_, &n)| n).collect();
    if dropped != out || !red.result(0).has_one_use() {
        return false;
    }
    let false_attr = rw.context().bool_attr(false);
    let mut attrs = red.attrs();
    attrs.retain(|(n, _)| n != "keep_dims");
    attrs.push(("keep_dims".to_string(), false_attr));
    let attrs: Vec<(&str, _)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    rw.set_location(red.location());
    let new = rw.create(red.name(), &red.operands(), &reshape.op().result_types(), &attrs);
    rw.replace_op(op, &[new.result(0)]);
    true
}

/// `reshape(average_pool_2d(x) : [N, 1, 1, C]) : [N, C]` of a pool over the whole
/// [N, H, W, C] image (adaptive average pooling to 1x1, then a flatten) is one
/// `mean(x, [1, 2])` without `keep_dims`, as litert-torch writes it.
fn reshape_global_pool_to_mean<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(reshape) = op.cast::<tfl::Reshape>() else { return false };
    let Some(pool) = reshape.input().defined_by::<tfl::AveragePool2d>() else { return false };
    let (Some(xd), Some(pd), Some(out)) = (dims_of(pool.input()), dims_of(pool.output()), dims_of(reshape.output())) else {
        return false;
    };
    let global = xd.len() == 4
        && pool.filter_height() == Some(xd[1])
        && pool.filter_width() == Some(xd[2])
        && pool.padding().as_deref() == Some("VALID")
        && pool.fused_activation_function().as_deref() == Some("NONE");
    if !global || pd != [xd[0], 1, 1, xd[3]] || out != [xd[0], xd[3]] || !pool.output().has_one_use() {
        return false;
    }
    let Ok(axes) = insert_i32(rw, &[1, 2]) else { return false };
    let ty = reshape.output().raw_type();
    rw.set_location(pool.op().location());
    let mean = tfl::Mean::build(rw, &[ty], pool.input(), axes).keep_dims(false).create().output();
    rw.replace_op(op, &[mean]);
    true
}

/// `fully_connected(reshape(x) : [B, K])` without keep_num_dims -> `fully_connected(x)`
/// when x's last dim is K: the kernel flattens its input to [-1, K] by itself (the
/// flatten before a CNN's classifier).
fn fully_connected_reshape_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(fc) = op.cast::<tfl::FullyConnected>() else { return false };
    if fc.keep_num_dims() == Some(true) {
        return false;
    }
    let Some(reshape) = fc.input().defined_by::<tfl::Reshape>() else { return false };
    let x = reshape.input();
    let (Some(flat), Some(xd)) = (ranked_dims_of(reshape.output()), ranked_dims_of(x)) else { return false };
    if flat.len() != 2 || xd.is_empty() || xd.last() != Some(&flat[1]) || flat[1] < 0 {
        return false;
    }
    // Static: the element counts agree. Unknown: [?, K] is the kernel's own [-1, K].
    let known = flat.iter().chain(&xd).all(|&d| d >= 0);
    if (known && xd.iter().product::<i64>() != flat[0] * flat[1]) || (!known && flat[0] >= 0) {
        return false;
    }
    rw.set_operand(op, 0, x);
    true
}

// ---- Constant chains ---------------------------------------------------------------

/// `div(x, c)` -> `mul(x, 1/c)` for an f32 constant `c` that does not widen `x`.
/// 1/c is rounded once, so results may differ from a true quotient in the last bit.
fn div_const_to_mul<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(div) = op.cast::<tfl::Div>() else { return false };
    let (x, r) = (div.lhs(), div.output());
    let Some((c, values)) = f32_const(div.rhs()) else { return false };
    if !is_f32(x) || !x.same_type(r) {
        return false;
    }
    let recip: Vec<f32> = values.iter().map(|&v| 1.0 / v).collect();
    let k = insert(rw, &ConstTensor::from_f32(c.shape, &recip));
    replace_with_binary(rw, op, true, x, k);
    true
}

/// A value `x op c` seen as `x + sign * c` (add, sub) or `x * c` (mul), with `c` an
/// f32 constant: (x, constant, sign).
fn affine_parts(op: Op) -> Option<(Value, (ConstTensor, Vec<f32>), f32)> {
    let sides: &[(usize, usize, f32)] = if op.isa::<tfl::Add>() || op.isa::<tfl::Mul>() {
        &[(0, 1, 1.0), (1, 0, 1.0)]
    } else if op.isa::<tfl::Sub>() {
        &[(0, 1, -1.0)]
    } else {
        return None;
    };
    for &(x, c, sign) in sides {
        if let Some(k) = f32_const(op.operand(c)) {
            let x = op.operand(x);
            if !is_constant(x) && x.defined_by::<tfl::BroadcastTo>().is_none() {
                return Some((x, k, sign));
            }
        }
    }
    None
}

/// `(x ± a) ± b` -> `x + (±a ± b)` and `(x * a) * b` -> `x * (a * b)`, when the inner op
/// has no other user, no fused activation, and the merged constant widens nothing.
fn const_chain_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let outer_mul = op.isa::<tfl::Mul>();
    let Some((y, b, sb)) = affine_parts(op) else { return false };
    let Some(inner) = y.defining_op() else { return false };
    let inner_mul = inner.isa::<tfl::Mul>();
    if inner_mul != outer_mul || !fused_none(inner) || y.use_count() != 1 || !is_f32(y) {
        return false;
    }
    let Some((x, a, sa)) = affine_parts(inner) else { return false };
    let Some(k) = combine(&a, &b, |a, b| if outer_mul { a * b } else { sa * a + sb * b }) else { return false };
    let r = op.result(0);
    let (Some(xd), Some(rd)) = (dims_of(x), dims_of(r)) else { return false };
    if broadcast_shapes(&xd, &k.shape).as_deref() != Some(&rd[..]) || !x.same_type(r) {
        return false;
    }
    let k = insert(rw, &k);
    replace_with_binary(rw, op, outer_mul, x, k);
    true
}

/// `mul(x ± a, s)` -> `add(mul(x, s), ±a * s)` (inner op with no other user): moves the
/// offset past the scale so the scale can reach a weight and the offsets merge.
fn mul_distribute_over_add<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some((y, s, _)) = affine_parts(op) else { return false };
    let Some(inner) = y.defining_op() else { return false };
    if inner.isa::<tfl::Mul>() || !fused_none(inner) || y.use_count() != 1 || !is_f32(y) {
        return false;
    }
    let Some((x, a, sa)) = affine_parts(inner) else { return false };
    let (Some(xd), Some(rd)) = (dims_of(x), dims_of(op.result(0))) else { return false };
    if xd != rd || broadcast_shapes(&xd, &s.0.shape).as_deref() != Some(&rd[..]) {
        return false;
    }
    let Some(k) = combine(&a, &s, |a, s| sa * a * s) else { return false };
    if broadcast_shapes(&xd, &k.shape).as_deref() != Some(&rd[..]) {
        return false;
    }
    let ty = op.result_types();
    let scale = insert(rw, &s.0);
    let scaled = tfl::Mul::build(rw, &ty, x, scale).fused_activation_function("NONE").create();
    let offset = insert(rw, &k);
    replace_with_binary(rw, op, false, scaled.output(), offset);
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
/// no fused activation and no other user; its operands (`OpDef::weighted`: a constant
/// per-output-channel filter and an optional bias, output channels last, as conv_2d,
/// depthwise_conv_2d, fully_connected and transpose_conv have); and the dim of `v`
/// holding its channels.
fn weighted_producer(v: Value) -> Option<(Op, Weighted, usize)> {
    let def = v.defining_op()?;
    let (w, channel) = if let Some(t) = def.cast::<tfl::Transpose>() {
        let perm = t.perm().const_ints()?;
        let last = perm.len() as i64 - 1;
        (t.input(), perm.iter().position(|&p| p == last)?)
    } else {
        (v, ranked_dims_of(v)?.len().checked_sub(1)?)
    };
    if v.use_count() != 1 || w.use_count() != 1 {
        return None;
    }
    let conv = w.defining_op()?;
    let weighted = conv.def()?.weighted()?;
    let single_result = conv.num_results() == 1;
    (single_result && fused_none(conv) && is_f32(w)).then_some((conv, weighted, channel))
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
/// root's fused activation moves to `w`.
fn into_weights<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, kind: Affine) -> bool {
    let sides: &[(usize, usize)] = if kind == Affine::Sub { &[(0, 1)] } else { &[(0, 1), (1, 0)] };
    for &(x, c) in sides {
        let (xv, r) = (op.operand(x), op.result(0));
        let Some((conv, weighted, channel)) = weighted_producer(xv) else { continue };
        let Some((k, values)) = f32_const(op.operand(c)) else { continue };
        // Unknown dims are fine (the constant is 1 there); the channel count is static.
        let Some(shape) = ranked_dims_of(xv).filter(|s| s.get(channel).is_some_and(|&c| c >= 0)) else { continue };
        if !xv.same_type(r) {
            continue;
        }
        let Some(v) = per_channel(&k, &values, &shape, channel) else { continue };
        if fold_into(rw, conv, weighted.weight, weighted.bias, weighted.channel_dim, kind, &v).is_none() {
            continue;
        }
        if let Some(act) = activation(op) {
            let a = rw.context().string_attr(&act);
            rw.set_attr(conv, FUSED_ACTIVATION, a);
        }
        rw.replace_op(op, &[xv]);
        return true;
    }
    false
}

/// Rewrites `conv`'s filter and bias so its output is `out + v` / `out - v` / `out * v`
/// per output channel. New constants go before `conv`, with its location.
fn fold_into<'c>(
    rw: &mut Rewriter<'c>,
    conv: Op<'c>,
    filter_at: usize,
    bias_at: usize,
    filter_channel: usize,
    kind: Affine,
    v: &[f32],
) -> Option<()> {
    let channels = v.len();
    let bias: Option<Vec<f32>> = match conv.optional_operand(bias_at) {
        None => None,
        Some(b) => {
            let b = read(b)?.f32s()?;
            (b.len() == channels).then_some(b)?.into()
        }
    };
    let new_bias: Option<Vec<f32>> = match (kind, bias) {
        (Affine::Add, b) => Some(b.map_or_else(|| v.to_vec(), |b| b.iter().zip(v).map(|(b, v)| b + v).collect())),
        (Affine::Sub, b) => Some(b.map_or_else(|| v.iter().map(|v| -v).collect(), |b| b.iter().zip(v).map(|(b, v)| b - v).collect())),
        (Affine::Mul, b) => b.map(|b| b.iter().zip(v).map(|(b, v)| b * v).collect()),
    };
    rw.set_insertion_before(conv);
    if kind == Affine::Mul {
        // One run of `inner` weights per channel step, each scaled by its channel's value.
        let filter = conv.operand(filter_at);
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
        if let Some((c, scaled)) = rewrite_in_place(filter, scale) {
            // A filter folded earlier and used here only: scaled where it lies, and put
            // where a new constant would go (the output names and orders it the same).
            scaled?;
            rw.move_before(c, conv);
            rw.set_op_location(c, conv.location());
        } else {
            let mut f = read(filter)?;
            scale(&f.shape, &f.elem, &mut f.bytes)?;
            let c = insert_owned(rw, f);
            rw.set_operand(conv, filter_at, c);
        }
    }
    if let Some(b) = new_bias {
        let c = insert(rw, &ConstTensor::from_f32(vec![channels as i64], &b));
        rw.set_operand(conv, bias_at, c);
    }
    Some(())
}

// ---- Matrix products -------------------------------------------------------------

/// `batch_matmul(x, y)` with `y` a constant matrix ([K, N], or [N, K] with `adj_y`;
/// leading 1s allowed) and no `adj_x`: `fully_connected(x, W [N, K], none)`, keeping
/// x's leading dims (`keep_num_dims`) when x has more than two.
fn batch_matmul_to_fully_connected<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(bmm) = op.cast::<tfl::BatchMatmul>() else { return false };
    let (x, y, r) = (bmm.x(), bmm.y(), bmm.output());
    if bmm.adj_x() == Some(true) || !is_f32(x) || !is_f32(r) {
        return false;
    }
    // Unknown leading dims are fine: they are x's and the result's alike.
    let (Some(xd), Some(rd)) = (ranked_dims_of(x), ranked_dims_of(r)) else { return false };
    if xd.last().is_none_or(|&k| k < 0) {
        return false;
    }
    let adj_y = bmm.adj_y() == Some(true);
    // A linear layer's weight is already the filter [N, K]: it is used as it is, so a
    // weight is neither read nor copied (a billion-parameter model's are most of its bytes).
    let y_dims = ranked_dims_of(y);
    if adj_y && is_f32(y) && is_constant(y) && y_dims.as_ref().is_some_and(|d| d.len() == 2 && d.iter().all(|&n| n >= 0)) {
        let (n, k) = (y_dims.as_ref().unwrap()[0], y_dims.as_ref().unwrap()[1]);
        if !fits_fully_connected(&xd, &rd, n, k) {
            return false;
        }
        replace_with_fully_connected(op, rw, x, y, xd.len() > 2);
        return true;
    }
    // The filter [N, K]: y's matrix, transposed unless `adj_y`, read from where it lies.
    let w = with_bytes(y, |shape, elem, bytes| {
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
        Some(ConstTensor { shape, elem: elem.clone(), bytes })
    });
    let filter = match w {
        Some(Some(w)) => {
            let (n, k) = (w.shape[0], w.shape[1]);
            if !fits_fully_connected(&xd, &rd, n, k) {
                return false;
            }
            insert_owned(rw, w)
        }
        // An int8 weight stays int8: its dequantize moves with it.
        _ => {
            let Some(c) = crate::quant::dequantized_const(y) else { return false };
            let rank = c.shape.len();
            if rank < 2 || rank > xd.len() || c.shape[..rank - 2].iter().any(|&d| d != 1) {
                return false;
            }
            let Some(matrix) = c.reshaped(&c.shape[rank - 2..]) else { return false };
            let w = if adj_y { matrix } else { matrix.transposed(&[1, 0]) };
            if !fits_fully_connected(&xd, &rd, w.shape[0], w.shape[1]) {
                return false;
            }
            w.insert(rw)
        }
    };
    replace_with_fully_connected(op, rw, x, filter, xd.len() > 2);
    true
}

/// Replaces `op` by `fully_connected(x, filter)` without a bias.
fn replace_with_fully_connected<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, x: Value<'c>, filter: Value<'c>, keep_num_dims: bool) {
    let ctx = rw.context();
    let none = tfl::NoValue::build(rw, &[ctx.none_type()]).value(ctx.unit_attr()).create().none_val();
    let fc = tfl::FullyConnected::build(rw, &op.result_types(), x, filter, none)
        .fused_activation_function("NONE")
        .keep_num_dims(keep_num_dims)
        .weights_format("DEFAULT")
        .create();
    rw.replace_op_with(op, fc.op());
}

/// Whether `x [.., K]` times a filter `[N, K]` gives `r [.., N]`.
fn fits_fully_connected(xd: &[i64], rd: &[i64], n: i64, k: i64) -> bool {
    let mut expected = xd.to_vec();
    *expected.last_mut().unwrap() = n;
    xd.last() == Some(&k) && expected == rd
}

// ---- Transposes around matrix products ---------------------------------------------

/// A constant, valid permutation operand.
fn perm_of(v: Value) -> Option<Vec<usize>> {
    let p = v.const_ints()?;
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

/// `tfl.transpose(x, perm)` at the insertion point.
fn insert_transpose<'c>(rw: &mut Rewriter<'c>, x: Value<'c>, perm: &[usize]) -> Option<Value<'c>> {
    let dims = dims_of(x)?;
    let p = insert_i32(rw, &perm.iter().map(|&d| d as i64).collect::<Vec<_>>()).ok()?;
    let ty = x.raw_type().with_shape(&permuted(&dims, perm));
    Some(tfl::Transpose::build(rw, &[ty], x, p).create().output())
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
fn batch_matmul_transpose_to_adj<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(bmm) = op.cast::<tfl::BatchMatmul>() else { return false };
    for (i, is_y) in [(1, true), (0, false)] {
        let v = op.operand(i);
        let Some(t) = v.defined_by::<tfl::Transpose>() else { continue };
        let Some(mut perm) = perm_of(t.perm()) else { continue };
        let rank = perm.len();
        if rank < 2 || perm[rank - 2] < perm[rank - 1] {
            continue;
        }
        perm.swap(rank - 2, rank - 1);
        let adj = if is_y { bmm.adj_y() } else { bmm.adj_x() } == Some(true);
        let drops_op = is_identity(&perm);
        let sets_adj_y = is_y && !adj && v.use_count() == 1;
        if !(drops_op || sets_adj_y) {
            continue;
        }
        let z = t.input();
        let new = if drops_op { Some(z) } else { insert_transpose(rw, z, &perm) };
        let Some(new) = new else { continue };
        rw.set_operand(op, i, new);
        let flag = rw.context().bool_attr(!adj);
        rw.set_attr(op, if is_y { "adj_y" } else { "adj_x" }, flag);
        return true;
    }
    false
}

/// `batch_matmul(x, reshape(transpose(z, p)))` where the reshape only merges or splits
/// batch dims (the matrices' dims stay the last two) and `p` puts the last two dims out
/// of order (attention's `k.transpose(-2, -1)` after the heads were split): as in
/// BatchMatmulTransposeToAdj, the transpose becomes `p'` (its last two entries
/// swapped), the reshape's matrices swap and `adj_y` flips, so the key's transpose is
/// the query's and value's (TransposeSlicesHoist then makes them one).
fn batch_matmul_reshaped_transpose_to_adj<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(bmm) = op.cast::<tfl::BatchMatmul>() else { return false };
    let v = bmm.y();
    let Some(reshape) = v.defined_by::<tfl::Reshape>().filter(|_| v.use_count() == 1 && bmm.adj_y() != Some(true)) else {
        return false;
    };
    let r = reshape.input();
    let Some(t) = r.defined_by::<tfl::Transpose>().filter(|_| r.use_count() == 1) else { return false };
    let (Some(mut perm), Some(td), Some(vd)) = (perm_of(t.perm()), dims_of(r), dims_of(v)) else { return false };
    let (rank, vr) = (perm.len(), vd.len());
    if rank < 2 || vr < 2 || perm[rank - 2] < perm[rank - 1] || td[rank - 2..] != vd[vr - 2..] {
        return false;
    }
    perm.swap(rank - 2, rank - 1);
    rw.set_insertion_before(op);
    let moved = if is_identity(&perm) { Some(t.input()) } else { insert_transpose(rw, t.input(), &perm) };
    let Some(moved) = moved else { return false };
    let mut swapped = vd.clone();
    swapped.swap(vr - 2, vr - 1);
    let Ok(shape) = insert_i32(rw, &swapped) else { return false };
    let ty = v.raw_type().with_shape(&swapped);
    let y = tfl::Reshape::build(rw, &[ty], moved, shape).create().output();
    rw.set_operand(op, 1, y);
    let flag = rw.context().bool_attr(true);
    rw.set_attr(op, "adj_y", flag);
    true
}

/// `transpose(mul(x, c))` with `c` one element (a splat of ones-shape, attention's
/// query scale) and the product used only here: `mul(transpose(x), c)`, so the
/// transpose meets the slices of a fused projection (TransposeSlicesHoist). Same ops.
fn transpose_scale_swap<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(t) = op.cast::<tfl::Transpose>() else { return false };
    let m = t.input();
    let Some(mul) = m.defined_by::<tfl::Mul>().filter(|_| m.use_count() == 1) else { return false };
    let one_element = |v: Value| is_constant(v) && v.ty().num_elements() == Some(1);
    let (x, c) = match (mul.lhs(), mul.rhs()) {
        (x, c) if one_element(c) => (x, c),
        (c, x) if one_element(c) => (x, c),
        _ => return false,
    };
    let (Some(perm), Some(xd), Some(cd)) = (perm_of(t.perm()), dims_of(x), dims_of(c)) else { return false };
    if xd != dims_of(m).unwrap_or_default() || cd.len() > xd.len() {
        return false;
    }
    rw.set_insertion_before(op);
    let Some(moved) = insert_transpose(rw, x, &perm) else { return false };
    let scaled = rw.create(mul.op().name(), &[moved, c], &[t.output().raw_type()], &attrs_of(mul.op()));
    rw.replace_op(op, &[scaled.result(0)]);
    true
}

/// `transpose(reshape(slice(x)))` where the reshape only drops size-1 dims (one of q,
/// k, v cut from a fused projection, `unbind` spelled as slices): the transpose moves
/// above the reshape, the dropped dims first, so the three transposes read the slices
/// directly with one permutation and TransposeSlicesHoist makes them one. Same ops.
fn transpose_squeeze_swap<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(t) = op.cast::<tfl::Transpose>() else { return false };
    let r = t.input();
    let Some(reshape) = r.defined_by::<tfl::Reshape>().filter(|_| r.use_count() == 1) else { return false };
    let y = reshape.input();
    if y.defined_by::<tfl::Slice>().is_none() {
        return false;
    }
    let (Some(perm), Some(yd), Some(rd)) = (perm_of(t.perm()), dims_of(y), dims_of(r)) else { return false };
    // Where each dim of the reshape's result sits in `y`; the others are dropped 1s.
    let (mut at, mut dropped) = (Vec::with_capacity(rd.len()), Vec::new());
    for (i, &d) in yd.iter().enumerate() {
        if at.len() < rd.len() && rd[at.len()] == d {
            at.push(i);
        } else if d == 1 {
            dropped.push(i);
        } else {
            return false;
        }
    }
    if at.len() != rd.len() || dropped.is_empty() || perm.len() != rd.len() {
        return false;
    }
    let moved: Vec<usize> = dropped.iter().copied().chain(perm.iter().map(|&p| at[p])).collect();
    rw.set_insertion_before(op);
    let Some(tr) = insert_transpose(rw, y, &moved) else { return false };
    let out = t.output();
    let Some(od) = dims_of(out) else { return false };
    let Ok(shape) = insert_i32(rw, &od) else { return false };
    let back = tfl::Reshape::build(rw, &[out.raw_type()], tr, shape).create().output();
    rw.replace_op(op, &[back]);
    true
}

/// Most elements TransposeReshapeReuse compares index by index.
const MAX_REUSE_ELEMENTS: usize = 1 << 20;

/// `transpose(reshape(x), p)` that moves the elements as an earlier `transpose(x, q)`
/// does, up to a reshape (an NCHW image read as [C, H*W] pixels, channel last, next to
/// the layout transpose of the same image): `reshape(transpose(x, q))`, one TRANSPOSE
/// fewer. The two are compared element by element (up to `MAX_REUSE_ELEMENTS`).
fn transpose_reshape_reuse<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(t) = op.cast::<tfl::Transpose>() else { return false };
    let Some(reshape) = t.input().defined_by::<tfl::Reshape>() else { return false };
    let x = reshape.input();
    let (Some(p), Some(rd), Some(xd), Some(od)) = (perm_of(t.perm()), dims_of(t.input()), dims_of(x), dims_of(t.output())) else {
        return false;
    };
    let n = od.iter().product::<i64>() as usize;
    if n > MAX_REUSE_ELEMENTS {
        return false;
    }
    // Source flat index of each result element of `transpose(y, perm)`, `y` of `dims`.
    let sources = |dims: &[i64], perm: &[usize]| -> Vec<i64> {
        let st = strides(dims);
        let out: Vec<i64> = permuted(dims, perm);
        let mut index = vec![0i64; out.len()];
        (0..n)
            .map(|_| {
                let s = (0..out.len()).map(|d| index[d] * st[perm[d]]).sum();
                for d in (0..out.len()).rev() {
                    index[d] += 1;
                    if index[d] < out[d] {
                        break;
                    }
                    index[d] = 0;
                }
                s
            })
            .collect()
    };
    let mine = sources(&rd, &p);
    for user in x.users() {
        let Some(other) = user.cast::<tfl::Transpose>().filter(|u| u.op() != op && u.op().is_before_in_block(op)) else { continue };
        let Some(q) = perm_of(other.perm()) else { continue };
        if q.len() != xd.len() || sources(&xd, &q) != mine {
            continue;
        }
        let Ok(shape) = insert_i32(rw, &od) else { return false };
        let y = tfl::Reshape::build(rw, &[t.output().raw_type()], other.output(), shape).create().output();
        rw.replace_op(op, &[y]);
        return true;
    }
    false
}

/// `op`'s discardable attributes, for a copy of it.
fn attrs_of<'c>(op: Op<'c>) -> Vec<(&'static str, edge_dialects::mlir::Attribute<'c>)> {
    op.attrs()
        .into_iter()
        .filter_map(|(n, a)| ["fused_activation_function"].into_iter().find(|k| *k == n).map(|k| (k, a)))
        .collect()
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
fn transpose_batch_matmul_swap<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(t) = op.cast::<tfl::Transpose>() else { return false };
    let c = t.input();
    let Some(product) = c.defined_by::<tfl::BatchMatmul>() else { return false };
    let Some(perm) = perm_of(t.perm()) else { return false };
    let rank = perm.len();
    let swaps_matrices = rank >= 2 && (0..rank).all(|i| perm[i] == if i + 2 < rank { i } else { 2 * rank - 3 - i });
    if !swaps_matrices || c.use_count() != 1 {
        return false;
    }
    let mut swapped = tfl::BatchMatmul::build(rw, &op.result_types(), product.y(), product.x())
        .adj_x(product.adj_y() != Some(true))
        .adj_y(product.adj_x() != Some(true));
    if let Some(a) = product.asymmetric_quantize_inputs() {
        swapped = swapped.asymmetric_quantize_inputs(a);
    }
    let swapped = swapped.create();
    rw.replace_op_with(op, swapped.op());
    true
}

/// One `transpose(reshape?(slice(x)))` chain, seen as `slice(reshape(x, y), begin,
/// size)` transposed by `perm`.
struct SliceChain<'c> {
    transpose: Op<'c>,
    slice: Op<'c>,
    x: Value<'c>,
    y: Vec<i64>,
    begin: Vec<i64>,
    size: Vec<i64>,
    perm: Vec<usize>,
}

/// The chain ending at transpose `t`: its operand a slice with no other user, possibly
/// through a reshape with no other user.
fn slice_chain(t: Op) -> Option<SliceChain> {
    let tr = t.cast::<tfl::Transpose>()?;
    let perm = perm_of(tr.perm())?;
    let r = tr.input();
    let slice_value = match r.defined_by::<tfl::Reshape>() {
        Some(reshape) if r.use_count() == 1 => reshape.input(),
        Some(_) => return None,
        None => r,
    };
    let slice = slice_value.defined_by::<tfl::Slice>().filter(|_| slice_value.use_count() == 1)?;
    let x = slice.input();
    let begin = slice.begin().const_ints()?;
    let (xd, sliced, size) = (dims_of(x)?, dims_of(slice_value)?, dims_of(r)?);
    if begin.len() != xd.len() || sliced.len() != xd.len() || size.len() != perm.len() {
        return None;
    }
    // No reshape between: the slice itself (it may keep one element of a dim).
    let (y, begin) = if sliced == size { (xd, begin) } else { slice_through_reshape(&xd, &begin, &sliced, &size)? };
    Some(SliceChain { transpose: t, slice: slice.op(), x, y, begin, size, perm })
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
fn transpose_slices_hoist<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(me) = slice_chain(op) else { return false };
    let chains: Vec<SliceChain> = me
        .x
        .uses()
        .into_iter()
        .filter(|&(user, at)| at == 0 && user.isa::<tfl::Slice>())
        .filter_map(|(slice, _)| {
            let s = slice.result(0);
            let next = s.users().first().copied()?;
            let t = if next.isa::<tfl::Reshape>() { next.result(0).users().first().copied()? } else { next };
            slice_chain(t)
        })
        .filter(|c| c.y == me.y && c.perm == me.perm)
        .collect();
    let Some(x_elements) = dims_of(me.x).map(|d| d.iter().product::<i64>()) else { return false };
    let read: i64 = chains.iter().map(|c| c.size.iter().product::<i64>()).sum();
    if chains.len() < 2 || read < x_elements || !chains.iter().any(|c| c.transpose == op) {
        return false;
    }
    // Before the first slice: after `x`, before every chain's transpose.
    let earlier = |a: Op<'c>, b: Op<'c>| if b.is_before_in_block(a) { b } else { a };
    let Some(first) = chains.iter().map(|c| c.slice).reduce(earlier) else { return false };
    rw.set_insertion_before(first);
    let reshaped = if dims_of(me.x).as_deref() == Some(&me.y[..]) {
        me.x
    } else {
        let Ok(shape) = insert_i32(rw, &me.y) else { return false };
        let ty = me.x.raw_type().with_shape(&me.y);
        tfl::Reshape::build(rw, &[ty], me.x, shape).create().output()
    };
    let Some(t) = insert_transpose(rw, reshaped, &me.perm) else { return false };
    for c in &chains {
        rw.set_insertion_before(c.transpose);
        let (Ok(begin), Ok(size)) = (insert_i32(rw, &permuted(&c.begin, &c.perm)), insert_i32(rw, &permuted(&c.size, &c.perm))) else {
            return false;
        };
        let slice = tfl::Slice::build(rw, &c.transpose.result_types(), t, begin, size).create();
        rw.replace_all_uses(c.transpose.result(0), slice.output());
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


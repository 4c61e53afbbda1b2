//! `tfl-layout-nhwc`: moves `tfl.transpose` ops down the graph until they meet their
//! inverse and cancel, so a model imported in PyTorch's NCHW runs in TFLite's NHWC.
//!
//! Legalization puts each NCHW convolution or pool between two transposes
//! (NCHW->NHWC before, NHWC->NCHW after). This pass sinks each transpose through the
//! ops that do not care about layout, rewriting them to work on the untransposed
//! value: element-wise ops (their constant operands are transposed at compile time),
//! reductions and pads (axes and paddings permuted), concatenation (axis permuted),
//! slice, and reshapes that only split or merge dimensions; the catalog's `ElementWise`
//! and `LayoutAgnostic` traits say which ops these are and what to permute. Two
//! transposes in a row fold into one, and one with the identity permutation
//! disappears; a transpose that only moves size-1 dimensions becomes a reshape.
//!
//!   %t = "tfl.transpose"(%conv, %to_nchw)      // NHWC -> NCHW
//!   %r = "tfl.relu"(%t)
//!   %u = "tfl.transpose"(%r, %to_nhwc)         // NCHW -> NHWC
//!   %c = "tfl.conv_2d"(%u, ...)
//! becomes
//!   %r = "tfl.relu"(%conv)
//!   %c = "tfl.conv_2d"(%r, ...)
//!
//! Patterns (`<Op><Effect>`), by root op, in the order they are tried:
//!   tfl.transpose                 TransposeIdentityErase, TransposeTransposeFold,
//!                                 TransposeReshapeTransposeFold
//!   `ElementWise`                 ElementwiseTransposeSink
//!   `LayoutAgnostic(Permute::..)`:
//!     `AxesOperand` (reductions)  ReductionTransposeSink
//!     `PaddingsOperand` (pads)    PadTransposeSink
//!     `AxisAttr` (concatenation)  ConcatenationTransposeSink
//!     `PerDimOperands` (slice)    SliceTransposeSink
//!   tfl.reshape                   ReshapeTransposeSink (with ReshapeTransposeSplit,
//!                                 when the transpose it sinks has an op below to go
//!                                 on through)
//! run by the greedy driver in program order until none applies (ops left unused are
//! not matched and go at the end of each round); then, once the transposes have
//! settled, TransposeUnitDimsToReshape (as a reshape, a transpose could no longer
//! cancel against another one).
//!
//! Unknown (`?`) dims are permuted like any other. Sinking through a reshape (and
//! folding one between transposes) matches dims by size: it takes one unknown dim on
//! each side with equal static element counts (they are then one size, -1 in the new
//! reshape's shape), and a transpose of unit dims becomes a reshape only with at most
//! one unknown dim.
//!
//! Input and output: TFL. Results
//! are unchanged; what remains is one transpose per value whose layout really
//! differs (typically the model's input and, for 4-D outputs, its output).

use crate::constant::{self, ConstTensor};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use crate::quant::quant_of;
use edge_dialects::catalog::{Permute, Trait};
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter, Value};
use edge_dialects::tfl::op as tfl;
use std::sync::LazyLock;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-layout-nhwc",
    summary: "Sink transposes through layout-agnostic ops and cancel them in pairs (NCHW graphs run as NHWC)",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflLayoutNhwc))
}

struct TflLayoutNhwc;

/// Sinking and cancelling, tried by decreasing benefit on each op.
const PATTERNS: &[Pattern] = &[
    // ---- tfl.transpose ----------------------------------------------------------
    Pattern::new("TransposeIdentityErase", tfl::Transpose::NAME, transpose_identity_erase).with_benefit(3),
    Pattern::new("TransposeTransposeFold", tfl::Transpose::NAME, transpose_transpose_fold).with_benefit(2),
    Pattern::new("TransposeReshapeTransposeFold", tfl::Transpose::NAME, transpose_reshape_transpose_fold).with_benefit(1),
    // ---- element-wise ops (`Trait::ElementWise`) --------------------------------
    Pattern::any_op("ElementwiseTransposeSink", elementwise_transpose_sink),
    // ---- reductions (`LayoutAgnostic(AxesOperand)`) -----------------------------
    Pattern::any_op("ReductionTransposeSink", reduction_transpose_sink),
    // ---- pads (`LayoutAgnostic(PaddingsOperand)`) -------------------------------
    Pattern::any_op("PadTransposeSink", pad_transpose_sink),
    // ---- concatenation (`LayoutAgnostic(AxisAttr)`) -----------------------------
    Pattern::any_op("ConcatenationTransposeSink", concatenation_transpose_sink),
    // ---- slice (`LayoutAgnostic(PerDimOperands)`) -------------------------------
    Pattern::any_op("SliceTransposeSink", slice_transpose_sink),
    // ---- tfl.reshape ------------------------------------------------------------
    Pattern::new("ReshapeTransposeSink", tfl::Reshape::NAME, reshape_transpose_sink),
];

/// Run once the patterns above have settled.
const FINAL_PATTERNS: &[Pattern] = &[Pattern::new("TransposeUnitDimsToReshape", tfl::Transpose::NAME, transpose_unit_dims_to_reshape)];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));
static FINAL_PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(FINAL_PATTERNS));

impl Pass for TflLayoutNhwc {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // In program order a transpose sinks down a chain of ops in one round; ops left
        // unused are not matched (they go at the end of the round).
        let config = GreedyConfig { skip_unused: true, ..GreedyConfig::default() };
        for set in [&*PATTERN_SET, &*FINAL_PATTERN_SET] {
            run_patterns(INFO.name, func, set, config, &mut rw)?;
            if rw.errors() > 0 {
                return Err(PassFailed);
            }
            // Unused ops of the input go too, when no pattern applied.
            rw.erase_dead_ops(func);
        }
        Ok(rw.changed())
    }
}

type Perm = Vec<usize>;

fn inverse(p: &[usize]) -> Perm {
    let mut inv = vec![0; p.len()];
    for (i, &d) in p.iter().enumerate() {
        inv[d] = i;
    }
    inv
}

fn is_identity(p: &[usize]) -> bool {
    p.iter().enumerate().all(|(i, &d)| i == d)
}

/// `transpose(transpose(x, first), second)` as one permutation of `x`.
fn compose(first: &[usize], second: &[usize]) -> Perm {
    second.iter().map(|&i| first[i]).collect()
}

fn permute<T: Copy>(values: &[T], perm: &[usize]) -> Vec<T> {
    perm.iter().map(|&p| values[p]).collect()
}

fn perm_i64(perm: &[usize]) -> Vec<i64> {
    perm.iter().map(|&p| p as i64).collect()
}

/// The permutation of a `tfl.transpose` with a constant, valid `perm` operand.
fn transpose_perm(op: Op) -> Option<Perm> {
    let perm = constant::read(op.cast::<tfl::Transpose>()?.perm())?.ints()?;
    let rank = perm.len();
    let mut seen = vec![false; rank];
    let mut out = Vec::with_capacity(rank);
    for p in perm {
        let p = usize::try_from(p).ok().filter(|&p| p < rank && !seen[p])?;
        seen[p] = true;
        out.push(p);
    }
    Some(out)
}

/// The (input, perm) of the transpose defining `v`, if one does.
fn transposed(v: Value) -> Option<(Value, Perm)> {
    let op = v.defining_op()?;
    let perm = transpose_perm(op)?;
    Some((op.operand(0), perm))
}

/// Static dims of `v`, if it has a static shape.
fn static_dims(v: Value) -> Option<Vec<i64>> {
    let t = v.ty();
    t.is_static().then(|| t.dims().to_vec())
}

/// Dims of `v` when it is ranked, -1 (`ir::DYN`) where unknown: a transpose only moves
/// dims, so the ops it sinks through need no sizes.
fn ranked_dims(v: Value) -> Option<Vec<i64>> {
    v.ty().rank().map(|_| v.ty().dims().to_vec())
}

/// A stand-in size for the one unknown dim on each side of a reshape: a prime no static
/// size reaches. With the same static element count on both sides the two unknown dims
/// are one size, so matching dims and blocks by their sizes sees them as one number.
const UNKNOWN: i64 = i32::MAX as i64;

/// The dims of `x` and of `out`, a reshape of it (up to transposes), for block
/// matching: static dims, or exactly one unknown dim on each side with equal static
/// element counts, written as `UNKNOWN`.
fn reshape_dims(x: Value, out: Value) -> Option<(Vec<i64>, Vec<i64>)> {
    let (xd, od) = (ranked_dims(x)?, ranked_dims(out)?);
    let unknown = |d: &[i64]| d.iter().filter(|&&n| n < 0).count();
    let known = |d: &[i64]| d.iter().filter(|&&n| n >= 0).try_fold(1i64, |a, &n| a.checked_mul(n));
    match (unknown(&xd), unknown(&od)) {
        (0, 0) => Some((xd, od)),
        (1, 1) if known(&xd)? == known(&od)? && xd.iter().chain(&od).all(|&n| n < UNKNOWN) => {
            let sym = |d: Vec<i64>| d.into_iter().map(|n| if n < 0 { UNKNOWN } else { n }).collect();
            Some((sym(xd), sym(od)))
        }
        _ => None,
    }
}

/// Dims with `UNKNOWN` (or a block holding it) back to -1.
fn concrete(dims: &[i64]) -> Vec<i64> {
    dims.iter().map(|&n| if n >= UNKNOWN { -1 } else { n }).collect()
}

/// What `op`'s catalog entry says to permute for it to run on a transposed input's
/// source (`Trait::LayoutAgnostic`).
fn layout(op: Op) -> Option<Permute> {
    op.def()?.layout()
}

/// A per-axis (de)quantize is tied to its dimension's position.
fn per_axis(v: Value) -> bool {
    quant_of(v).is_some_and(|q| q.axis.is_some())
}

/// `tfl.transpose(x, perm)` right after `at` (its perm constant first), with `at`'s
/// location.
fn transpose_after<'c>(rw: &mut Rewriter<'c>, at: Op<'c>, x: Value<'c>, perm: &[usize]) -> Option<Value<'c>> {
    let dims = ranked_dims(x)?;
    rw.set_insertion_after(at);
    let p = constant::insert_i32(rw, &perm_i64(perm)).ok()?;
    let ty = x.raw_type().with_shape(&permute(&dims, perm));
    Some(tfl::Transpose::build(rw, &[ty], x, p).create().output())
}

/// Gives `op` (already rewritten to compute in the untransposed layout, with result
/// dims `inner`) a transpose by `perm` that takes its place for every user.
fn reroute_through_transpose<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, inner: &[i64], perm: &[usize]) {
    let r = op.result(0);
    rw.set_type(r, r.raw_type().with_shape(inner));
    if is_identity(perm) {
        return;
    }
    let Some(t) = transpose_after(rw, op, r, perm) else {
        rw.error(op, "tfl-layout-nhwc: could not rebuild a transpose here");
        return;
    };
    rw.replace_all_uses_except(r, t, t.defining_op().expect("a transpose's result"));
}

// ---- tfl.transpose ------------------------------------------------------------------

/// A transpose by the identity permutation is its input.
fn transpose_identity_erase<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(perm) = transpose_perm(op) else { return false };
    let x = op.operand(0);
    if !is_identity(&perm) || !x.same_type(op.result(0)) {
        return false;
    }
    rw.replace_all_uses(op.result(0), x);
    true
}

/// `transpose(transpose(x, p), q)` -> `transpose(x, p then q)`, or `x` when that is
/// the identity.
fn transpose_transpose_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(perm) = transpose_perm(op) else { return false };
    let Some((inner, first)) = transposed(op.operand(0)) else { return false };
    if first.len() != perm.len() {
        return false;
    }
    let p = compose(&first, &perm);
    if is_identity(&p) && inner.same_type(op.result(0)) {
        rw.replace_all_uses(op.result(0), inner);
    } else {
        let Ok(c) = constant::insert_i32(rw, &perm_i64(&p)) else { return false };
        rw.set_operand(op, 0, inner);
        rw.set_operand(op, 1, c);
    }
    true
}

/// A transpose after a single-use reshape of a transposed value moves above the
/// reshape, where it folds with the first transpose (channel shuffles):
/// `transpose(reshape(z), perm)` -> `reshape(transpose(z, perm'))`.
fn transpose_reshape_transpose_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(perm) = transpose_perm(op) else { return false };
    let x = op.operand(0);
    let Some(reshape) = x.defined_by::<tfl::Reshape>().filter(|_| x.has_one_use()) else { return false };
    if transposed(reshape.input()).is_none() {
        return false;
    }
    let z = reshape.input();
    let Some((z_dims, w_dims)) = reshape_dims(z, op.result(0)) else { return false };
    // reshape(z) = transpose(w, perm^-1), so z = reshape(transpose(w, perm^-1)):
    // sink that transpose through the reshape back to z's shape.
    let Some((y, q)) = sink_through_reshape(&w_dims, &inverse(&perm), &z_dims) else { return false };
    // z = transpose(reshape(w, y), q) => reshape(w, y) = transpose(z, q^-1).
    let q_inv = inverse(&q);
    debug_assert_eq!(permute(&z_dims, &q_inv), y);
    let Ok(p) = constant::insert_i32(rw, &perm_i64(&q_inv)) else { return false };
    let t = tfl::Transpose::build(rw, &[z.raw_type().with_shape(&concrete(&y))], z, p).create();
    let Ok(shape) = constant::insert_i32(rw, &concrete(&w_dims)) else { return false };
    let r = tfl::Reshape::build(rw, &op.result_types(), t.output(), shape).create();
    rw.replace_all_uses(op.result(0), r.output());
    true
}

/// TransposeUnitDimsToReshape: only size-1 dims move, so the bytes keep their order and
/// a reshape does the same.
fn transpose_unit_dims_to_reshape<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(perm) = transpose_perm(op) else { return false };
    let x = op.operand(0);
    let (Some(dims), Some(out)) = (ranked_dims(x), ranked_dims(op.result(0))) else { return false };
    // An unknown dim counts as not 1; one of them is -1 in the reshape's shape.
    let order: Vec<usize> = perm.iter().copied().filter(|&p| dims[p] != 1).collect();
    if !order.windows(2).all(|w| w[0] < w[1]) || out.iter().filter(|&&d| d < 0).count() > 1 {
        return false;
    }
    let Ok(shape) = constant::insert_i32(rw, &out) else { return false };
    let r = tfl::Reshape::build(rw, &op.result_types(), x, shape).create();
    rw.replace_all_uses(op.result(0), r.output());
    true
}

// ---- Ops the transposes sink through ---------------------------------------------------

/// What an operand of a sunk op becomes.
enum Operand<'c> {
    Value(Value<'c>),
    Const(ConstTensor),
    /// A value with one non-unit dim, reshaped to the given dims (their i32 constant).
    Reshaped(Value<'c>, Vec<i64>, ConstTensor),
}

/// ElementwiseTransposeSink: every operand a transpose by the same perm, a constant
/// (transposed now), or all ones in shape.
fn elementwise_transpose_sink<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    if !op.def().is_some_and(|d| d.has(Trait::ElementWise)) || op.num_results() != 1 {
        return false;
    }
    let ins = op.operands();
    if per_axis(op.result(0)) || ins.iter().any(|&v| per_axis(v)) {
        return false;
    }
    let Some(perm) = ins.iter().find_map(|&v| transposed(v).map(|t| t.1)) else { return false };
    let rank = perm.len();
    let Some(out_dims) = ranked_dims(op.result(0)) else { return false };
    if out_dims.len() != rank {
        return false;
    }
    let inv = inverse(&perm);
    let mut new_operands = Vec::with_capacity(ins.len());
    for &v in &ins {
        if let Some((x, p)) = transposed(v) {
            if p == perm {
                new_operands.push(Operand::Value(x));
                continue;
            }
        }
        let Some(dims) = static_dims(v) else { return false };
        if dims.len() > rank {
            return false;
        }
        let mut expanded = vec![1i64; rank - dims.len()];
        expanded.extend(&dims);
        if dims.iter().all(|&d| d == 1) {
            new_operands.push(Operand::Value(v));
        } else if let Some(c) = constant::read(v) {
            new_operands.push(Operand::Const(c.into_shape(expanded).transposed(&inv)));
        } else if moves_only_unit_dims(&expanded, &inv) {
            // The non-unit dims keep their order (one of them, or a [1, 1, T, D] table
            // under [0, 2, 1, 3]): transposing moves no bytes, a reshape will do.
            let shape = permute(&expanded, &inv);
            let Ok(c) = ConstTensor::from_i32(vec![shape.len() as i64], &shape) else { return false };
            new_operands.push(Operand::Reshaped(v, shape, c));
        } else {
            return false;
        }
    }
    for (i, o) in new_operands.into_iter().enumerate() {
        let v = match o {
            Operand::Value(v) => v,
            Operand::Const(c) => constant::insert(rw, &c),
            Operand::Reshaped(v, shape, c) => {
                let s = constant::insert(rw, &c);
                tfl::Reshape::build(rw, &[v.raw_type().with_shape(&shape)], v, s).create().output()
            }
        };
        rw.set_operand(op, i, v);
    }
    reroute_through_transpose(rw, op, &permute(&out_dims, &inv), &perm);
    if op.isa::<tfl::Quantize>() {
        // `qtype` names the result type, which now has the untransposed shape.
        let qtype = rw.context().type_attr(op.result(0).raw_type());
        rw.set_attr(op, "qtype", qtype);
    }
    true
}

/// Whether permuting `dims` by `perm` (`permute(dims, perm)`) keeps the dims larger
/// than 1 in their order, so the transpose is a reshape.
fn moves_only_unit_dims(dims: &[i64], perm: &[usize]) -> bool {
    let order: Vec<usize> = perm.iter().copied().filter(|&p| dims[p] != 1).collect();
    order.windows(2).all(|w| w[0] < w[1])
}

/// ReductionTransposeSink: reduce the untransposed input over the permuted axes
/// (operand `axes_at`).
fn reduction_transpose_sink<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(Permute::AxesOperand(axes_at)) = layout(op) else { return false };
    let Some((x, perm)) = transposed(op.operand(0)) else { return false };
    let Some(axes) = constant::read(op.operand(axes_at)).and_then(|c| c.ints()) else { return false };
    let Some(out_dims) = ranked_dims(op.result(0)) else { return false };
    let rank = perm.len() as i64;
    let mut reduced = vec![false; perm.len()];
    for a in axes {
        let a = if a < 0 { a + rank } else { a };
        if !(0..rank).contains(&a) {
            return false;
        }
        reduced[a as usize] = true;
    }
    let keep_dims = op.bool_attr("keep_dims") == Some(true);
    let new_axes: Vec<i64> = (0..perm.len()).filter(|&i| reduced[i]).map(|i| perm[i] as i64).collect();
    let (inner, after): (Vec<i64>, Perm) = if keep_dims {
        (permute(&out_dims, &inverse(&perm)), perm.clone())
    } else {
        // Kept dims of the transposed input, by the input dim each comes from.
        let kept: Vec<usize> = (0..perm.len()).filter(|&i| !reduced[i]).map(|i| perm[i]).collect();
        let mut sorted = kept.clone();
        sorted.sort_unstable();
        let after: Perm = kept.iter().map(|k| sorted.iter().position(|s| s == k).unwrap()).collect();
        (permute(&out_dims, &inverse(&after)), after)
    };
    let Ok(axes_const) = ConstTensor::from_i32(vec![new_axes.len() as i64], &new_axes) else { return false };
    let axes_value = constant::insert(rw, &axes_const);
    rw.set_operand(op, 0, x);
    rw.set_operand(op, axes_at, axes_value);
    reroute_through_transpose(rw, op, &inner, &after);
    true
}

/// PadTransposeSink: pad the untransposed input with permuted paddings (operand
/// `paddings_at`).
fn pad_transpose_sink<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(Permute::PaddingsOperand(paddings_at)) = layout(op) else { return false };
    let Some((x, perm)) = transposed(op.operand(0)) else { return false };
    let Some(pads) = constant::read(op.operand(paddings_at)) else { return false };
    let Some(values) = pads.ints() else { return false };
    let Some(out_dims) = ranked_dims(op.result(0)) else { return false };
    if pads.shape != [perm.len() as i64, 2] {
        return false;
    }
    let mut new = vec![0i64; values.len()];
    for (i, &p) in perm.iter().enumerate() {
        new[2 * p] = values[2 * i];
        new[2 * p + 1] = values[2 * i + 1];
    }
    let Ok(c) = ConstTensor::from_i32(pads.shape.clone(), &new) else { return false };
    let c = constant::insert(rw, &c);
    rw.set_operand(op, 0, x);
    rw.set_operand(op, paddings_at, c);
    reroute_through_transpose(rw, op, &permute(&out_dims, &inverse(&perm)), &perm);
    true
}

/// ConcatenationTransposeSink: every input a transpose by the same perm or a constant;
/// the dim attribute `axis_attr` permuted.
fn concatenation_transpose_sink<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(Permute::AxisAttr(axis_attr)) = layout(op) else { return false };
    let ins = op.operands();
    if per_axis(op.result(0)) || ins.iter().any(|&v| per_axis(v)) {
        return false;
    }
    let Some(perm) = ins.iter().find_map(|&v| transposed(v).map(|t| t.1)) else { return false };
    let Some(out_dims) = ranked_dims(op.result(0)) else { return false };
    let Some(axis) = op.int_attr(axis_attr) else { return false };
    let rank = perm.len() as i64;
    let axis = if axis < 0 { axis + rank } else { axis };
    if !(0..rank).contains(&axis) || out_dims.len() != perm.len() {
        return false;
    }
    let inv = inverse(&perm);
    let mut new_operands = Vec::new();
    for &v in &ins {
        match transposed(v) {
            Some((x, p)) if p == perm => new_operands.push(Operand::Value(x)),
            _ => match constant::read(v) {
                Some(c) if c.shape.len() == perm.len() => new_operands.push(Operand::Const(c.transposed(&inv))),
                _ => return false,
            },
        }
    }
    for (i, o) in new_operands.into_iter().enumerate() {
        let v = match o {
            Operand::Value(v) => v,
            Operand::Const(c) => constant::insert(rw, &c),
            Operand::Reshaped(..) => unreachable!("concatenation operands are transposes or constants"),
        };
        rw.set_operand(op, i, v);
    }
    let a = rw.context().i32_attr(perm[axis as usize] as i64);
    rw.set_attr(op, axis_attr, a);
    reroute_through_transpose(rw, op, &permute(&out_dims, &inv), &perm);
    true
}

/// ReshapeTransposeSink: a reshape that splits or merges dims of a transposed value
/// becomes a reshape of the value and a transpose after it.
fn reshape_transpose_sink<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(reshape) = op.cast::<tfl::Reshape>() else { return false };
    let t = reshape.input();
    let Some((x, perm)) = transposed(t) else { return false };
    let Some((x_dims, out_dims)) = reshape_dims(x, reshape.output()) else { return false };
    let (x, x_dims, perm) = match sink_through_reshape(&x_dims, &perm, &out_dims) {
        Some(_) => (x, x_dims, perm),
        None => {
            // ReshapeTransposeSplit: the reshape merges dims that are adjacent in x but
            // out of order. Reorder them with a transpose that stays above, and sink
            // the rest (channel shuffles: the NCHW part sinks on to cancel).
            // One transpose becomes two, which pays off only when the one sunk below
            // can go on: left under the reshape (before a function result, say),
            // TransposeReshapeTransposeFold would hoist it back and the two would
            // take turns for ever.
            let Some(order) = merge_order(&x_dims, &perm, &out_dims) else { return false };
            let rest = compose(&inverse(&order), &perm);
            if is_identity(&rest) || !t.has_one_use() || !reshape.output().users().into_iter().any(takes_transpose) {
                return false;
            }
            let Ok(p) = constant::insert_i32(rw, &perm_i64(&order)) else { return false };
            let dims = permute(&x_dims, &order);
            let r = tfl::Transpose::build(rw, &[x.raw_type().with_shape(&concrete(&dims))], x, p).create();
            (r.output(), dims, rest)
        }
    };
    let Some((y, q)) = sink_through_reshape(&x_dims, &perm, &out_dims) else { return false };
    // Moving a transpose below a reshape is progress only when it leaves no copy
    // behind or disappears.
    if !t.has_one_use() && !is_identity(&q) {
        return false;
    }
    let y = concrete(&y);
    let Ok(shape) = constant::insert_i32(rw, &y) else { return false };
    rw.set_operand(op, 0, x);
    rw.set_operand(op, 1, shape);
    reroute_through_transpose(rw, op, &y, &q);
    true
}

/// Whether a transpose of `op`'s operand can go on from there: `op` is a transpose
/// (the two fold), a reshape, or an op whose catalog entry lets a pattern above sink
/// transposes through it (`ElementWise`, `LayoutAgnostic`).
fn takes_transpose(op: Op) -> bool {
    op.isa::<tfl::Transpose>()
        || op.isa::<tfl::Reshape>()
        || op.def().is_some_and(|d| d.has(Trait::ElementWise) || d.layout().is_some())
}

/// SliceTransposeSink: slice the untransposed input with permuted begin and size (the
/// one-entry-per-dim operands `per_dim`).
fn slice_transpose_sink<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(Permute::PerDimOperands(per_dim)) = layout(op) else { return false };
    let Some((x, perm)) = transposed(op.operand(0)) else { return false };
    let ints = |i: usize| constant::read(op.operand(i)).and_then(|c| c.ints());
    let Some(values) = per_dim.iter().map(|&i| ints(i)).collect::<Option<Vec<_>>>() else { return false };
    let Some(out_dims) = ranked_dims(op.result(0)) else { return false };
    if values.iter().any(|v| v.len() != perm.len()) {
        return false;
    }
    let inv = inverse(&perm);
    let inserted: Vec<_> = values.iter().map(|v| constant::insert_i32(rw, &permute(v, &inv))).collect();
    let Ok(permuted) = inserted.into_iter().collect::<Result<Vec<_>, _>>() else { return false };
    rw.set_operand(op, 0, x);
    for (&i, v) in per_dim.iter().zip(permuted) {
        rw.set_operand(op, i, v);
    }
    reroute_through_transpose(rw, op, &permute(&out_dims, &inv), &perm);
    true
}

/// The aligned blocks of `reshape(transpose(x, perm), out)`: (x dims in the order the
/// transposed tensor walks them, out dims) of equal element counts, size-1 dims left
/// out; `None` when a block both splits and merges.
fn reshape_blocks(x: &[i64], perm: &[usize], out: &[i64]) -> Option<Vec<(Vec<usize>, Vec<usize>)>> {
    let walk: Vec<usize> = perm.iter().copied().filter(|&d| x[d] != 1).collect();
    let out_nu: Vec<usize> = (0..out.len()).filter(|&i| out[i] != 1).collect();
    let mut blocks: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < walk.len() || j < out_nu.len() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let (mut pa, mut pb) = (1i64, 1i64);
        loop {
            if pa <= pb && i < walk.len() && (pa < pb || a.is_empty()) {
                pa *= x[walk[i]];
                a.push(walk[i]);
                i += 1;
            } else if j < out_nu.len() && (pb < pa || b.is_empty()) {
                pb *= out[out_nu[j]];
                b.push(out_nu[j]);
                j += 1;
            } else {
                break;
            }
            if pa == pb && !a.is_empty() && !b.is_empty() {
                break;
            }
        }
        if pa != pb || a.is_empty() || b.is_empty() || (a.len() > 1 && b.len() > 1) {
            return None;
        }
        blocks.push((a, b));
    }
    Some(blocks)
}

/// A permutation of `x` that puts the dims of each merged block of
/// `reshape(transpose(x, perm), out)` in the order the merge reads them, when each
/// block's dims are adjacent in `x` (size-1 dims aside).
fn merge_order(x: &[i64], perm: &[usize], out: &[i64]) -> Option<Perm> {
    let blocks = reshape_blocks(x, perm, out)?;
    let x_nu: Vec<usize> = (0..x.len()).filter(|&d| x[d] != 1).collect();
    let mut order: Perm = (0..x.len()).collect();
    for (a, _) in blocks.iter().filter(|(a, _)| a.len() > 1) {
        let mut pos: Vec<usize> = a.iter().map(|d| x_nu.iter().position(|e| e == d).unwrap()).collect();
        pos.sort_unstable();
        if pos.windows(2).any(|w| w[1] != w[0] + 1) {
            return None;
        }
        for (k, &p) in pos.iter().enumerate() {
            order[x_nu[p]] = a[k];
        }
    }
    Some(order)
}

/// For `reshape(transpose(x, perm), out)`: a shape `y` and permutation `q` with
/// `reshape(transpose(x, perm), out) == transpose(reshape(x, y), q)`, when the reshape
/// only splits single dims or merges dims that are adjacent and in order in `x`.
/// Size-1 dims are dropped and re-created where `out` has them.
pub fn sink_through_reshape(x: &[i64], perm: &[usize], out: &[i64]) -> Option<(Vec<i64>, Perm)> {
    let blocks = reshape_blocks(x, perm, out)?;
    // A merge needs its x dims adjacent (size-1 dims between them aside) and in order.
    let x_nu: Vec<usize> = (0..x.len()).filter(|&d| x[d] != 1).collect();
    for (a, _) in &blocks {
        if a.len() > 1 {
            let pos: Vec<usize> = a.iter().map(|d| x_nu.iter().position(|e| e == d).unwrap()).collect();
            if pos.windows(2).any(|w| w[1] != w[0] + 1) {
                return None;
            }
        }
    }
    // y: x's dims in x order, each non-unit one split or merged as its block says;
    // each piece remembers the out dim it becomes. Size-1 dims of the transposed
    // tensor pair up in order with those of `out` and keep their place in x, so an
    // NHWC batch dim stays first; unpaired ones of `out` go last.
    let walk_units: Vec<usize> = perm.iter().copied().filter(|&d| x[d] == 1).collect();
    let out_units: Vec<usize> = (0..out.len()).filter(|&o| out[o] == 1).collect();
    let mut y: Vec<i64> = Vec::new();
    let mut piece_of_out = vec![usize::MAX; out.len()];
    for d in 0..x.len() {
        if x[d] == 1 {
            let k = walk_units.iter().position(|&u| u == d).unwrap();
            if let Some(&o) = out_units.get(k) {
                piece_of_out[o] = y.len();
                y.push(1);
            }
            continue;
        }
        let (a, b) = blocks.iter().find(|(a, _)| a.contains(&d)).unwrap();
        if a.len() > 1 {
            if a[0] == d {
                piece_of_out[b[0]] = y.len();
                y.push(out[b[0]]);
            }
        } else {
            for &o in b {
                piece_of_out[o] = y.len();
                y.push(out[o]);
            }
        }
    }
    for &o in out_units.iter().skip(walk_units.len()) {
        piece_of_out[o] = y.len();
        y.push(1);
    }
    let q: Perm = piece_of_out;
    Some((y, q))
}


#[cfg(test)]
mod tests {
    use super::*;

    /// Checks `reshape(transpose(x, perm), out) == transpose(reshape(x, y), q)` on
    /// element indices.
    fn check(x: &[i64], perm: &[usize], out: &[i64]) -> bool {
        let Some((y, q)) = sink_through_reshape(x, perm, out) else { return false };
        let n: i64 = x.iter().product();
        let data: Vec<i64> = (0..n).collect();
        let t = transpose_vec(&data, x, perm);
        let r = transpose_vec(&data, &y, &q);
        assert_eq!(permute(&y, &q), out.to_vec());
        assert_eq!(t, r, "x={x:?} perm={perm:?} out={out:?} y={y:?} q={q:?}");
        true
    }

    fn transpose_vec(data: &[i64], dims: &[i64], perm: &[usize]) -> Vec<i64> {
        let strides = crate::constant::strides(dims);
        let out: Vec<i64> = permute(dims, perm);
        let mut idx = vec![0i64; dims.len()];
        let mut res = Vec::new();
        for _ in 0..data.len() {
            res.push(data[(0..dims.len()).map(|d| idx[d] * strides[perm[d]]).sum::<i64>() as usize]);
            for d in (0..dims.len()).rev() {
                idx[d] += 1;
                if idx[d] < out[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        res
    }

    #[test]
    fn reshapes_commute_with_transposes() {
        // NHWC -> NCHW, then split C (channel shuffle's first view).
        assert!(check(&[2, 3, 3, 6], &[0, 3, 1, 2], &[2, 2, 3, 3, 3]));
        // The batch dim stays first.
        assert_eq!(sink_through_reshape(&[1, 4, 4, 6], &[0, 3, 1, 2], &[1, 2, 3, 4, 4]).unwrap(), (vec![1, 4, 4, 2, 3], vec![0, 3, 4, 1, 2]));
        // NHWC -> NCHW of [N,1,1,C], flattened to [N, C].
        assert!(check(&[2, 1, 1, 8], &[0, 3, 1, 2], &[2, 8]));
        // Merge of dims not adjacent in x: refused.
        assert!(sink_through_reshape(&[2, 3, 4, 5], &[0, 3, 1, 2], &[2, 5 * 3, 4]).is_none());
        // Merge of H and W after NHWC -> NCHW: adjacent in x, allowed.
        assert!(check(&[2, 3, 4, 5], &[0, 3, 1, 2], &[2, 5, 12]));
        // Channel shuffle's last view: [1, 24, 2, H, W] from NHWC-split [1, H, W, 2, 24]
        // merges 24 and 2 out of order; reordering them first makes it sinkable.
        let (x, perm, out) = ([1, 5, 5, 2, 3], [0, 4, 3, 1, 2], [1, 6, 5, 5]);
        assert!(sink_through_reshape(&x, &perm, &out).is_none());
        let order = merge_order(&x, &perm, &out).unwrap();
        assert_eq!(order, vec![0, 1, 2, 4, 3]);
        let rest = compose(&inverse(&order), &perm);
        assert!(check(&permute(&x, &order), &rest, &out));
        // Identity perm, plain reshape.
        assert!(check(&[2, 3, 4], &[0, 1, 2], &[6, 4]));
    }

    #[test]
    fn reshapes_with_one_unknown_dim_match_it_as_one_size() {
        // transpose([?, 2, 32], [1, 0, 2]) reshaped to [2, ?, 4, 8]: the reshape goes
        // first ([?, 2, 4, 8]), the transpose after; the unknown dim is a block alone.
        let (y, q) = sink_through_reshape(&[UNKNOWN, 2, 32], &[1, 0, 2], &[2, UNKNOWN, 4, 8]).unwrap();
        assert_eq!(permute(&y, &q), vec![2, UNKNOWN, 4, 8]);
        assert_eq!(concrete(&y), vec![-1, 2, 4, 8]);
        // A block holding it (merged with a static dim) is unknown as a whole.
        assert_eq!(concrete(&[UNKNOWN, 2, UNKNOWN * 4]), vec![-1, 2, -1]);
        // The same reshape with a small stand-in, checked element by element.
        assert!(check(&[7, 2, 32], &[1, 0, 2], &[2, 7, 4, 8]));
    }

    #[test]
    fn permutations_compose() {
        let p = vec![0, 3, 1, 2];
        assert!(is_identity(&compose(&p, &inverse(&p))));
        assert_eq!(compose(&[1, 0, 2], &[0, 2, 1]), vec![1, 2, 0]);
    }
}


//! `tfl-recognize-patterns`: replaces subgraphs of legalized math that a model wrote by
//! hand (`x * torch.clamp(x + 3, 0, 6) / 6`, a GELU spelled out with `torch.erf`, a
//! softmax from `amax`, `exp` and `sum`) with the one TFL builtin XNNPACK runs fast. The
//! ATen ops that have such a builtin arrive as composites and are mapped by the
//! legalization (`legalize/composite.rs`); this pass is for the math around them.
//!
//! Input: legalized TFL (constants as `tfl.pseudo_const`, possibly behind
//! `tfl.reshape` / `tfl.broadcast_to` chains). Output: the same function with each
//! recognized subgraph replaced; every rewrite is exact up to f32 rounding, and the
//! matched intermediates are erased (a match whose intermediates have users outside
//! the subgraph is left alone, except where the pattern says otherwise). Runs before
//! `tfl-fuse-activation`, which then folds the relu/relu6 it produces.
//!
//! A hand-written exact GELU reads `aten.erf`, which edge lowers to an f32 rational
//! polynomial of plain ops (`edge_dialects::approximations`); `MulGelu` matches that.
//!
//!   %m = "tfl.maximum"(%x, %zero)        // %zero: splat 0
//!   %r = "tfl.minimum"(%m, %six)         // %six: splat 6
//!   %h = "tfl.div"(%r', %six)            // with %r' = relu6(x + 3)
//!   %y = "tfl.mul"(%x, %h)
//! becomes
//!   %y = "tfl.hard_swish"(%x)
//!
//! The patterns live in the table `PATTERNS`, one banner per root op, sorted; within a
//! root the first match wins (benefits in table order). The greedy driver visits ops in
//! block order, so patterns see the rewrites made earlier in the same round:
//! `MaximumRelu` runs before `MinimumRelu6`, and `MulHardSwish` matches the `tfl.relu6`
//! that produced. Rounds repeat until nothing matches; after each, unused `tfl` ops are
//! erased.
//!
//! Unknown (`?`) dims: a constant behind a broadcast to a run-time shape is still a
//! constant, a reshape's or broadcast's shape operand (run-time index arithmetic) is not
//! part of a match, a softmax's re-expanded max and sum compare unknown dims as the
//! input's own, and a mean's count may be computed at run time (`runtime_count`).
//!
//! Covered: relu (`maximum(x, 0)`: aten.relu), clamp to [0, 6] or [-1, 1], leaky relu
//! as a select or a maximum, hard swish (both placements of the `/ 6`), GELU with erf
//! or tanh (any association of `0.5 * x * (1 + ...)`, `x / sqrt(2)` or
//! `x * (1 / sqrt(2))`), softmax and log-softmax over the last dim, mean.dim and the
//! mean/variance of layer and group norm, pow by 1, 2, 3, 0.5, -0.5 and -1, and the
//! window sum * area / area of evenly dividing adaptive_avg_pool2d. Left as they are:
//! hardsigmoid alone (no builtin), silu (`x * logistic(x)` is fast already), softmax
//! over another dim, prelu and relu_0_to_1 (not in the TFL catalog).

use crate::constant::{self, ConstTensor};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::approximations::{ERF_ALPHA, ERF_BETA};
use edge_dialects::ir::{ElemTy, TensorTy};
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter, Type, Value};
use edge_dialects::tfl::op as tfl;
use std::sync::LazyLock;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-recognize-patterns",
    summary: "Replace subgraphs with TFL builtins: relu, relu6, leaky_relu, hard_swish, gelu, softmax, log_softmax, mean, squared_difference; expand pow by small constants",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflRecognizePatterns))
}

struct TflRecognizePatterns;

impl Pass for TflRecognizePatterns {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        run_patterns(INFO.name, func, &PATTERN_SET, GreedyConfig::default(), &mut rw)?;
        // Unused ops of the input go too, when no pattern applied.
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

/// Applies the match `matcher` finds at `op` (a `tfl` op with one f32 result): unless
/// `shared_ok`, only when the ops it replaces are used inside the match alone.
fn rewrite<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, matcher: for<'a> fn(Value<'a>) -> Option<Replacement<'a>>, shared_ok: bool) -> bool {
    if op.num_results() != 1 || op.result(0).elem() != ElemTy::F32 {
        return false;
    }
    let Some(r) = matcher(op.result(0)) else { return false };
    if !shared_ok && !closed(op, r.inputs()) {
        return false;
    }
    r.apply(op, rw);
    true
}

// ---------------------------------------------------------------------------------
// Replacements
// ---------------------------------------------------------------------------------

/// Builds the ops a match becomes, before the root, each with the root's result type
/// (given); returns the value that replaces the root.
type Build<'c> = Box<dyn FnOnce(&mut Rewriter<'c>, Type<'c>) -> Value<'c> + 'c>;

/// What a match becomes: an existing value, or new ops (reading `inputs`).
enum Replacement<'c> {
    Value(Value<'c>),
    Ops { inputs: Vec<Value<'c>>, build: Build<'c> },
}

/// New ops reading `inputs`, made by `build`.
fn ops<'c>(inputs: &[Value<'c>], build: impl FnOnce(&mut Rewriter<'c>, Type<'c>) -> Value<'c> + 'c) -> Replacement<'c> {
    Replacement::Ops { inputs: inputs.to_vec(), build: Box::new(build) }
}

impl<'c> Replacement<'c> {
    /// The existing values the replacement reads.
    fn inputs(&self) -> &[Value<'c>] {
        match self {
            Replacement::Value(v) => std::slice::from_ref(v),
            Replacement::Ops { inputs, .. } => inputs,
        }
    }

    fn apply(self, root: Op<'c>, rw: &mut Rewriter<'c>) {
        let new = match self {
            Replacement::Value(v) => v,
            Replacement::Ops { build, .. } => {
                rw.set_insertion_before(root);
                build(rw, root.result(0).raw_type())
            }
        };
        rw.replace_op(root, &[new]);
    }
}

/// A rank-0 f32 constant, at the insertion point.
fn f32_scalar<'c>(rw: &mut Rewriter<'c>, x: f32) -> Value<'c> {
    constant::insert(rw, &ConstTensor::from_f32(vec![], &[x]))
}

// ---------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------

/// A pattern rooted at `root` whose match `matcher` finds, replacing only ops used
/// inside the match.
macro_rules! closed_pattern {
    ($name:literal, $root:expr, $matcher:expr) => {
        Pattern::new($name, $root, |op, rw| rewrite(op, rw, $matcher, false))
    };
}

/// Sorted by root; within a root, the first match wins (more specific first), which
/// the benefits keep.
const PATTERNS: &[Pattern] = &[
    // ---- tfl.div ----------------------------------------------------------------
    closed_pattern!("DivAveragePoolScaleCancel", tfl::Div::NAME, div_average_pool_scale_cancel).with_benefit(4),
    closed_pattern!("DivSumToMean", tfl::Div::NAME, sum_to_mean).with_benefit(3),
    closed_pattern!("DivSoftmax", tfl::Div::NAME, div_softmax).with_benefit(2),
    closed_pattern!("DivHardSwish", tfl::Div::NAME, hard_swish).with_benefit(1),
    // ---- tfl.maximum ------------------------------------------------------------
    closed_pattern!("MaximumRelu6", tfl::Maximum::NAME, maximum_relu6).with_benefit(4),
    closed_pattern!("MaximumReluN1To1", tfl::Maximum::NAME, maximum_relu_n1_to_1).with_benefit(3),
    closed_pattern!("MaximumRelu", tfl::Maximum::NAME, maximum_relu).with_benefit(2),
    closed_pattern!("MaximumLeakyRelu", tfl::Maximum::NAME, maximum_leaky_relu).with_benefit(1),
    // ---- tfl.minimum ------------------------------------------------------------
    closed_pattern!("MinimumRelu6", tfl::Minimum::NAME, minimum_relu6).with_benefit(2),
    closed_pattern!("MinimumReluN1To1", tfl::Minimum::NAME, minimum_relu_n1_to_1).with_benefit(1),
    // ---- tfl.mul ----------------------------------------------------------------
    closed_pattern!("MulGelu", tfl::Mul::NAME, mul_gelu).with_benefit(5),
    closed_pattern!("MulGeluTanh", tfl::Mul::NAME, mul_gelu_tanh).with_benefit(4),
    closed_pattern!("MulHardSwish", tfl::Mul::NAME, hard_swish).with_benefit(3),
    closed_pattern!("MulSumToMean", tfl::Mul::NAME, sum_to_mean).with_benefit(2),
    // The sub may have other users: replacing the mul alone costs no more than it.
    Pattern::new("MulSquaredDifference", tfl::Mul::NAME, |op, rw| rewrite(op, rw, mul_squared_difference, true)).with_benefit(1),
    // ---- tfl.pow ----------------------------------------------------------------
    closed_pattern!("PowIdentity", tfl::Pow::NAME, |v| pow_by(v, 1.0).map(Replacement::Value)).with_benefit(6),
    closed_pattern!("PowSquare", tfl::Pow::NAME, |v| {
        let x = pow_by(v, 2.0)?;
        Some(ops(&[x], move |rw, ty| tfl::Mul::build(rw, &[ty], x, x).fused_activation_function("NONE").create().output()))
    })
    .with_benefit(5),
    closed_pattern!("PowCube", tfl::Pow::NAME, |v| {
        let x = pow_by(v, 3.0)?;
        Some(ops(&[x], move |rw, ty| {
            let sq = tfl::Mul::build(rw, &[ty], x, x).fused_activation_function("NONE").create().output();
            tfl::Mul::build(rw, &[ty], sq, x).fused_activation_function("NONE").create().output()
        }))
    })
    .with_benefit(4),
    closed_pattern!("PowSqrt", tfl::Pow::NAME, |v| {
        let x = pow_by(v, 0.5)?;
        Some(ops(&[x], move |rw, ty| tfl::Sqrt::build(rw, &[ty], x).create().y()))
    })
    .with_benefit(3),
    closed_pattern!("PowRsqrt", tfl::Pow::NAME, |v| {
        let x = pow_by(v, -0.5)?;
        Some(ops(&[x], move |rw, ty| tfl::Rsqrt::build(rw, &[ty], x).create().y()))
    })
    .with_benefit(2),
    closed_pattern!("PowReciprocal", tfl::Pow::NAME, |v| {
        let x = pow_by(v, -1.0)?;
        Some(ops(&[x], move |rw, ty| {
            let one = f32_scalar(rw, 1.0);
            tfl::Div::build(rw, &[ty], one, x).fused_activation_function("NONE").create().output()
        }))
    })
    .with_benefit(1),
    // ---- tfl.reshape ------------------------------------------------------------
    closed_pattern!("ReshapeMeanKeepDims", tfl::Reshape::NAME, reshape_mean_keep_dims),
    // ---- tfl.select_v2 ----------------------------------------------------------
    closed_pattern!("SelectV2LeakyRelu", tfl::SelectV2::NAME, select_leaky_relu),
    // ---- tfl.sub ----------------------------------------------------------------
    closed_pattern!("SubLogSoftmax", tfl::Sub::NAME, sub_log_softmax),
];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));

// ---------------------------------------------------------------------------------
// Matching helpers
// ---------------------------------------------------------------------------------

fn ty(v: Value) -> TensorTy {
    v.ty()
}

/// The op defining `v` when it is named `op_name` (a view's `NAME`).
fn def<'c>(v: Value<'c>, op_name: &str) -> Option<Op<'c>> {
    v.defining_op().filter(|d| d.name() == op_name)
}

/// Whether `op` has no fused activation (or no such attribute).
fn no_activation(op: Op) -> bool {
    op.attr("fused_activation_function").is_none_or(|a| a.as_str() == Some("NONE"))
}

/// The operand of the unary op `op_name` defining `v`.
fn unary<'c>(v: Value<'c>, op_name: &str) -> Option<Value<'c>> {
    def(v, op_name).map(|d| d.operand(0))
}

/// The operands of the binary op `op_name` (without fused activation) defining `v`.
fn binary<'c>(v: Value<'c>, op_name: &str) -> Option<(Value<'c>, Value<'c>)> {
    def(v, op_name).filter(|d| no_activation(*d)).map(|d| (d.operand(0), d.operand(1)))
}

/// `f(a, b)` or else `f(b, a)` for the commutative binary op `op_name` defining `v`.
fn commuted<'c, T>(v: Value<'c>, op_name: &str, f: impl Fn(Value<'c>, Value<'c>) -> Option<T>) -> Option<T> {
    let (a, b) = binary(v, op_name)?;
    f(a, b).or_else(|| f(b, a))
}

/// Ops whose result holds their operand 0's elements, so a splat stays the same splat.
const SPLAT_KEEPING: &[&str] = &[tfl::Reshape::NAME, tfl::BroadcastTo::NAME, tfl::ExpandDims::NAME];

/// The one value of a splat constant, also behind reshape / broadcast_to chains.
fn splat_of(v: Value) -> Option<f64> {
    if let Some(c) = constant::splat(v) {
        return Some(c);
    }
    let d = v.defining_op()?;
    SPLAT_KEEPING.contains(&d.name()).then(|| splat_of(d.operand(0)))?
}

/// Whether constant `c` is `target`: exactly for integral targets (0, 3, 6...),
/// within f32 rounding (relative 1e-6) for others (0.7071067811865476...).
fn is(c: f64, target: f64) -> bool {
    if target.fract() == 0.0 {
        c == target
    } else {
        ((c - target) / target).abs() <= 1e-6
    }
}

/// `(x, c)` for the commutative binary op `op_name` of `x` and a splat constant `c`.
fn with_const<'c>(v: Value<'c>, op_name: &str) -> Option<(Value<'c>, f64)> {
    commuted(v, op_name, |x, k| Some((x, splat_of(k)?)))
}

/// `x` for `op_name(x, c)` with constant `c` equal to `target`.
fn with_const_is<'c>(v: Value<'c>, op_name: &str, target: f64) -> Option<Value<'c>> {
    commuted(v, op_name, |x, k| splat_of(k).filter(|&c| is(c, target)).map(|_| x))
}

/// Whether `v` is a constant, possibly behind reshape / broadcast_to chains (to a
/// shape computed at run time, too: only the elements matter).
fn constant_like(v: Value) -> bool {
    constant::is_constant(v) || v.defining_op().is_some_and(|d| SPLAT_KEEPING.contains(&d.name()) && constant_like(d.operand(0)))
}

/// An op whose results are all unused, or used only by such ops (an intermediate of an
/// earlier rewrite in this round, not yet erased).
fn is_dead(op: Op, depth: usize) -> bool {
    op.dialect() == "tfl"
        && depth > 0
        && op.num_results() > 0
        && op.results().into_iter().all(|r| r.users().into_iter().all(|u| is_dead(u, depth - 1)))
}

/// Whether the ops between `inputs` (and constants) and `root` are used only inside
/// that subgraph, so replacing `root` leaves them all dead.
fn closed(root: Op, inputs: &[Value]) -> bool {
    let mut inner: Vec<Op> = Vec::new();
    let mut stack = root.operands();
    while let Some(v) = stack.pop() {
        if inputs.iter().any(|&i| i == v) || constant_like(v) {
            continue;
        }
        let Some(d) = v.defining_op() else { continue };
        if inner.contains(&d) {
            continue;
        }
        inner.push(d);
        // A shape operand (a reshape's or broadcast's, computed at run time) is index
        // arithmetic others may share: not part of the match.
        if d.isa::<tfl::Reshape>() || d.isa::<tfl::BroadcastTo>() {
            stack.push(d.operand(0));
        } else {
            stack.extend(d.operands());
        }
    }
    inner.iter().all(|&o| {
        o.results().into_iter().all(|r| r.users().into_iter().all(|u| u == root || inner.contains(&u) || is_dead(u, 8)))
    })
}

/// The reduction axes of `op` (operand 1 of sum, mean and reduce_max), normalized to
/// `0..rank` and sorted.
fn axes(op: Op, rank: usize) -> Option<Vec<i64>> {
    let mut a: Vec<i64> =
        op.operand(1).const_ints()?.into_iter().map(|d| if d < 0 { d + rank as i64 } else { d }).collect();
    if a.iter().any(|&d| d < 0 || d >= rank as i64) {
        return None;
    }
    a.sort_unstable();
    a.dedup();
    Some(a)
}

/// `x`'s dims with the `axes` set to 1 (the keep_dims shape).
fn keep_dims_shape(x: &[i64], axes: &[i64]) -> Vec<i64> {
    x.iter().enumerate().map(|(i, &d)| if axes.contains(&(i as i64)) { 1 } else { d }).collect()
}

/// `w` for `v` = `w` re-expanded to `x`'s shape, where `w` has `x`'s shape with the
/// last dim reduced: `w` of the keep_dims shape, or of the reduced shape and reshaped
/// to the keep_dims shape; then optionally `tfl.broadcast_to` `x`'s shape.
fn unexpand_last<'c>(v: Value<'c>, x: Value<'c>) -> Option<Value<'c>> {
    let xt = ty(x);
    if xt.rank().is_none() || xt.dims().is_empty() {
        return None;
    }
    let r = xt.dims().len();
    let keep = keep_dims_shape(xt.dims(), &[r as i64 - 1]);
    // Unknown dims compare as equal: they are `x`'s own, kept by the reduction; a
    // reshape keeps them in place only with one of them at most.
    let unknown = keep.iter().filter(|&&d| d < 0).count();
    let mut w = v;
    if let Some(b) = def(w, tfl::BroadcastTo::NAME) {
        if ty(w).dims() != xt.dims() {
            return None;
        }
        w = b.operand(0);
    }
    if ty(w).dims() != keep {
        return None;
    }
    if let Some(e) = def(w, tfl::ExpandDims::NAME).filter(|e| e.operand(1).const_ints().is_some_and(|a| a == [r as i64 - 1] || a == [-1])) {
        // A unit dim added last: the kept dims stay where they are, unknown or not.
        w = e.operand(0);
        if ty(w).dims() != &xt.dims()[..r - 1] {
            return None;
        }
    } else if let Some(rs) = def(w, tfl::Reshape::NAME) {
        if unknown > 1 {
            return None;
        }
        w = rs.operand(0);
        if ty(w).dims() != &xt.dims()[..r - 1] && ty(w).dims() != keep {
            return None;
        }
    }
    Some(w)
}

/// Whether `w` is the reduction `reduce` of `x` over its last dim.
fn reduces_last(w: Value, reduce: &str, x: Value) -> bool {
    let r = ty(x).dims().len();
    def(w, reduce).is_some_and(|d| d.operand(0) == x && axes(d, r).as_deref() == Some(&[r as i64 - 1][..]))
}

/// Whether `v` is `reduce(x)` over the last dim of `x`, re-expanded to `x`'s shape
/// (see `unexpand_last`).
fn reduced_over_last(v: Value, reduce: &str, x: Value) -> bool {
    let past_init = |w| if reduce == tfl::ReduceMax::NAME { past_max_with_neg_inf(w) } else { w };
    unexpand_last(v, x).is_some_and(|w| reduces_last(past_init(w), reduce, x))
}

/// `y` for `maximum(y, -inf)`, else `v`: JAX's softmax takes the max with its
/// reduction's init, -inf, after the reduction, which changes no value.
fn past_max_with_neg_inf(v: Value) -> Value {
    commuted(v, tfl::Maximum::NAME, |y, k| splat_of(k).filter(|&c| c == f64::NEG_INFINITY).map(|_| y)).unwrap_or(v)
}

// ---------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------

// ---- relu family ------------------------------------------------------------------

/// `maximum(x, 0)` -> `relu(x)` (aten.relu; the lower bound of clamp(0, ...)).
fn maximum_relu<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let x = with_const_is(v, tfl::Maximum::NAME, 0.0)?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::Relu::build(rw, &[ty], x).create().y()))
}

/// `minimum(relu(x), 6)` -> `relu6(x)` (aten.relu6 / hardtanh(0, 6) / clamp(0, 6),
/// after `MaximumRelu`).
fn minimum_relu6<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let r = with_const_is(v, tfl::Minimum::NAME, 6.0)?;
    let x = unary(r, tfl::Relu::NAME)?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::Relu6::build(rw, &[ty], x).create().y()))
}

/// `maximum(minimum(x, 6), 0)` -> `relu6(x)` (the clamp written the other way round).
fn maximum_relu6<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let m = with_const_is(v, tfl::Maximum::NAME, 0.0)?;
    let x = with_const_is(m, tfl::Minimum::NAME, 6.0)?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::Relu6::build(rw, &[ty], x).create().y()))
}

/// `minimum(maximum(x, -1), 1)` -> `relu_n1_to_1(x)` (hardtanh / clamp(-1, 1)).
fn minimum_relu_n1_to_1<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let m = with_const_is(v, tfl::Minimum::NAME, 1.0)?;
    let x = with_const_is(m, tfl::Maximum::NAME, -1.0)?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::ReluN1To1::build(rw, &[ty], x).create().y()))
}

/// `maximum(minimum(x, 1), -1)` -> `relu_n1_to_1(x)`.
fn maximum_relu_n1_to_1<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let m = with_const_is(v, tfl::Maximum::NAME, -1.0)?;
    let x = with_const_is(m, tfl::Minimum::NAME, 1.0)?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::ReluN1To1::build(rw, &[ty], x).create().y()))
}

fn leaky_relu<'c>(x: Value<'c>, alpha: f64) -> Replacement<'c> {
    ops(&[x], move |rw, ty| tfl::LeakyRelu::build(rw, &[ty], x).alpha(alpha).create().output())
}

/// `select(x > 0, x, x * a)` -> `leaky_relu(x){alpha = a}` (aten.leaky_relu). At
/// x = 0 both sides are 0, so `>` and TFLite's `>=` agree.
fn select_leaky_relu<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let s = def(v, tfl::SelectV2::NAME)?;
    let (cond, x, neg) = (s.operand(0), s.operand(1), s.operand(2));
    let c = def(cond, tfl::Greater::NAME).or_else(|| def(cond, tfl::GreaterEqual::NAME))?;
    let positive = c.operand(0) == x && splat_of(c.operand(1)) == Some(0.0);
    let (y, alpha) = with_const(neg, tfl::Mul::NAME)?;
    (positive && y == x && x.same_type(v)).then(|| leaky_relu(x, alpha))
}

/// `maximum(x, x * a)` with `0 <= a <= 1` -> `leaky_relu(x){alpha = a}`.
fn maximum_leaky_relu<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    commuted(v, tfl::Maximum::NAME, |x, s| {
        let (y, alpha) = with_const(s, tfl::Mul::NAME)?;
        (y == x && (0.0..=1.0).contains(&alpha) && x.same_type(v)).then(|| leaky_relu(x, alpha))
    })
}

// ---- hard_swish -------------------------------------------------------------------

/// `x` for `relu6(x + 3)`.
fn relu6_of_x_plus_3<'c>(r: Value<'c>) -> Option<Value<'c>> {
    with_const_is(unary(r, tfl::Relu6::NAME)?, tfl::Add::NAME, 3.0)
}

/// `r` for `r / 6` or `r * (1/6)`.
fn divided_by_6<'c>(v: Value<'c>) -> Option<Value<'c>> {
    if let Some((r, k)) = binary(v, tfl::Div::NAME) {
        return splat_of(k).is_some_and(|c| is(c, 6.0)).then_some(r);
    }
    with_const_is(v, tfl::Mul::NAME, 1.0 / 6.0)
}

/// `x * (relu6(x + 3) / 6)`, `(x * relu6(x + 3)) / 6` and the `* (1/6)` forms ->
/// `hard_swish(x)` (aten.hardswish; the root is the mul or the div).
fn hard_swish<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    // x * hardsigmoid(x)
    let inner = commuted(v, tfl::Mul::NAME, |x, h| relu6_of_x_plus_3(divided_by_6(h)?).filter(|&y| x == y));
    // (x * relu6(x + 3)) / 6
    let outer = || commuted(divided_by_6(v)?, tfl::Mul::NAME, |x, r| relu6_of_x_plus_3(r).filter(|&y| x == y));
    let x = inner.or_else(outer)?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::HardSwish::build(rw, &[ty], x).create().output()))
}

// ---- gelu -------------------------------------------------------------------------

/// `x` for the product `0.5 * x * (1 + t)` where `f(x, t)` holds, in any association:
/// `0.5 * (x * (1 + t))`, `(0.5 * x) * (1 + t)` (PyTorch evaluates `0.5 * x * (...)`
/// left to right), `x * (0.5 * (1 + t))`...
fn gelu_outer<'c>(v: Value<'c>, f: impl Fn(Value<'c>, Value<'c>) -> bool) -> Option<Value<'c>> {
    let (a, b) = binary(v, tfl::Mul::NAME)?;
    for (pair, single) in [(a, b), (b, a)] {
        let Some((p, q)) = binary(pair, tfl::Mul::NAME) else { continue };
        let factors = [p, q, single];
        for (h, x, s) in [(0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)] {
            if !splat_of(factors[h]).is_some_and(|c| is(c, 0.5)) {
                continue;
            }
            if with_const_is(factors[s], tfl::Add::NAME, 1.0).is_some_and(|t| f(factors[x], t)) {
                return Some(factors[x]);
            }
        }
    }
    None
}

/// Whether `v` is the Horner evaluation `((c0 * s + c1) * s + c2) ...` in `s`.
fn horner<'c>(v: Value<'c>, s: Value<'c>, coeffs: &[f64]) -> bool {
    let Some((&last, rest)) = coeffs.split_last() else { return false };
    if rest.is_empty() {
        return splat_of(v).is_some_and(|c| is(c, last));
    }
    let Some(m) = with_const_is(v, tfl::Add::NAME, last) else { return false };
    commuted(m, tfl::Mul::NAME, |p, q| (q == s && horner(p, s, rest)).then_some(())).is_some()
}

/// `z` for erf(z) as edge lowers `aten.erf`: `p(c^2) * c / q(c^2)` with
/// `c = clamp(z, -4, 4)`.
fn erf_input<'c>(t: Value<'c>) -> Option<Value<'c>> {
    let (p, q) = binary(t, tfl::Div::NAME)?;
    commuted(p, tfl::Mul::NAME, |pa, c| {
        let z = with_const_is(with_const_is(c, tfl::Minimum::NAME, 4.0)?, tfl::Maximum::NAME, -4.0)?;
        let s = square_in_horner(pa, c)?;
        (horner(pa, s, &ERF_ALPHA) && horner(q, s, &ERF_BETA)).then_some(z)
    })
}

/// The value `c * c` the Horner chain `v` multiplies by (read off its outer step).
fn square_in_horner<'c>(v: Value<'c>, c: Value<'c>) -> Option<Value<'c>> {
    let m = commuted(v, tfl::Add::NAME, |m, k| splat_of(k).map(|_| m))?;
    commuted(m, tfl::Mul::NAME, |_, s| binary(s, tfl::Mul::NAME).filter(|&(a, b)| a == c && b == c).map(|_| s))
}

/// `0.5 * x * (1 + erf(x / sqrt(2)))` (or `x * 0.7071067811865476`) ->
/// `gelu(x){approximate = false}`: GELU written with `torch.erf`.
fn mul_gelu<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let x = gelu_outer(v, |x, t| {
        erf_input(t)
            .and_then(|z| {
                with_const_is(z, tfl::Mul::NAME, std::f64::consts::FRAC_1_SQRT_2).or_else(|| {
                    binary(z, tfl::Div::NAME).and_then(|(y, k)| splat_of(k).filter(|&c| is(c, std::f64::consts::SQRT_2)).map(|_| y))
                })
            })
            .is_some_and(|y| y == x)
    })?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::Gelu::build(rw, &[ty], x).approximate(false).create().output()))
}

/// `0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))` with `x^3 = (x * x) * x`
/// (`PowCube` writes `pow(x, 3)` so) -> `gelu(x){approximate = true}`: GPT-2's GELU.
fn mul_gelu_tanh<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let k = (2.0 / std::f64::consts::PI).sqrt();
    let x = gelu_outer(v, |x, t| {
        let inner = || {
            let w = with_const_is(unary(t, tfl::Tanh::NAME)?, tfl::Mul::NAME, k)?;
            let cube =
                commuted(w, tfl::Add::NAME, |y, u| (y == x).then(|| with_const_is(u, tfl::Mul::NAME, 0.044715)).flatten())?;
            let sq = commuted(cube, tfl::Mul::NAME, |s, y| (y == x).then_some(s))?;
            binary(sq, tfl::Mul::NAME).filter(|&(a, b)| a == x && b == x)
        };
        inner().is_some()
    })?;
    x.same_type(v).then(|| ops(&[x], move |rw, ty| tfl::Gelu::build(rw, &[ty], x).approximate(true).create().output()))
}

// ---- softmax ----------------------------------------------------------------------

/// `e / sum(e)` with `e = exp(x - max(x))`, both reductions over the last dim ->
/// `softmax(x){beta = 1}`: a softmax written with amax, exp and sum.
fn div_softmax<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let (e, s) = binary(v, tfl::Div::NAME)?;
    let (x, m) = binary(unary(e, tfl::Exp::NAME)?, tfl::Sub::NAME)?;
    let ok = reduced_over_last(m, tfl::ReduceMax::NAME, x) && reduced_over_last(s, tfl::Sum::NAME, e) && x.same_type(v);
    ok.then(|| ops(&[x], move |rw, ty| tfl::Softmax::build(rw, &[ty], x).beta(1.0).create().output()))
}

/// `d - log(sum(exp(d)))` with `d = x - max(x)`, over the last dim -> `log_softmax(x)`;
/// the log may come before or after the sum is reshaped to keep its dim.
fn sub_log_softmax<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let (d, l) = binary(v, tfl::Sub::NAME)?;
    let (x, m) = binary(d, tfl::Sub::NAME)?;
    let s = unary(unexpand_last(l, x)?, tfl::Log::NAME)?;
    let s = def(s, tfl::Reshape::NAME).map_or(s, |r| r.operand(0));
    let ex = unary(s, tfl::Sum::NAME)?;
    let sum_ok = reduces_last(s, tfl::Sum::NAME, ex) && unary(ex, tfl::Exp::NAME).is_some_and(|e| e == d);
    let ok = sum_ok && reduced_over_last(m, tfl::ReduceMax::NAME, x) && x.same_type(v);
    ok.then(|| ops(&[x], move |rw, ty| tfl::LogSoftmax::build(rw, &[ty], x).create().output()))
}

// ---- mean -------------------------------------------------------------------------

/// `sum(x, axes) / n` or `sum(x, axes) * (1/n)`, `n` the number of reduced elements,
/// optionally through a reshape to the keep_dims shape -> `mean(x, axes)` with
/// keep_dims as the result has it (aten.mean; layer and group norm statistics). With
/// unknown reduced dims, `n` is the count computed at run time: a product of
/// `x`'s sizes (`tfl.shape(x)` elements) and constants, cast to f32 and possibly
/// broadcast (`runtime_count`).
fn sum_to_mean<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let (s, k, runtime) = match binary(v, tfl::Div::NAME).and_then(|(s, k)| Some((s, splat_of(k)?))).or_else(|| {
        let (s, r) = with_const(v, tfl::Mul::NAME)?;
        Some((s, 1.0 / r))
    }) {
        Some((s, k)) => (s, k, None),
        None => {
            let (s, k) = binary(v, tfl::Div::NAME)?;
            (s, 0.0, Some((k, runtime_count(k)?)))
        }
    };
    let (sum, reshaped) = match def(s, tfl::Reshape::NAME) {
        Some(r) => (def(r.operand(0), tfl::Sum::NAME)?, true),
        None => (def(s, tfl::Sum::NAME)?, false),
    };
    let x = sum.operand(0);
    let xt = ty(x);
    xt.rank()?;
    let a = axes(sum, xt.dims().len())?;
    let known: i64 = a.iter().map(|&d| xt.dims()[d as usize]).filter(|&n| n >= 0).product();
    let mut unknown: Vec<usize> = a.iter().map(|&d| d as usize).filter(|&d| xt.dims()[d] < 0).collect();
    let count_ok = match &runtime {
        None => unknown.is_empty() && known > 0 && ((k - known as f64) / known as f64).abs() <= 1e-6,
        Some((_, (factors, c))) => {
            // Each unknown reduced dim is one factor's size, every factor one of them.
            let mut left = factors.clone();
            unknown.sort_unstable();
            let all = unknown.iter().all(|&d| match left.iter().position(|&(y, e)| crate::legalize::dynamic::same_dim_size(x, d, y, e)) {
                Some(i) => {
                    left.remove(i);
                    true
                }
                None => false,
            });
            all && left.is_empty() && *c == known
        }
    };
    if !count_ok || !s.same_type(v) {
        return None;
    }
    let keep = keep_dims_shape(xt.dims(), &a);
    let keep_dims = if reshaped {
        let from_keep = keeps_dims(sum);
        if from_keep || ty(s).dims() != keep {
            return None;
        }
        true
    } else {
        keeps_dims(sum)
    };
    let axes_operand = sum.operand(1);
    // A run-time count is an input: its shape arithmetic may serve others too.
    let mut inputs = vec![x, axes_operand];
    inputs.extend(runtime.map(|(k, _)| k));
    Some(ops(&inputs, move |rw, ty| tfl::Mean::build(rw, &[ty], x, axes_operand).keep_dims(keep_dims).create().output()))
}

/// A count computed at run time as `(sizes, c)`: `v` is `c` times the sizes of the
/// `(value, dim)` pairs, each read from `tfl.shape(value)` (an element sliced out),
/// multiplied as integers, cast to f32, and possibly reshaped or broadcast.
fn runtime_count(v: Value) -> Option<(Vec<(Value, usize)>, i64)> {
    let mut v = v;
    while let Some(d) = v.defining_op().filter(|d| SPLAT_KEEPING.contains(&d.name())) {
        v = d.operand(0);
    }
    let cast = def(v, tfl::Cast::NAME)?;
    let mut dims = Vec::new();
    let mut c = 1i64;
    let mut stack = vec![cast.operand(0)];
    while let Some(f) = stack.pop() {
        if !matches!(ty(f).elem, ElemTy::I(32) | ElemTy::I(64)) || dims.len() + stack.len() > 16 {
            return None;
        }
        if let Some(n) = constant::splat(f) {
            c = c.checked_mul(n as i64)?;
            continue;
        }
        let d = f.defining_op()?;
        if d.isa::<tfl::Mul>() && d.str_attr("fused_activation_function").is_none_or(|a| a == "NONE") {
            stack.extend(d.operands());
        } else if d.isa::<tfl::Reshape>() || d.isa::<tfl::Cast>() {
            stack.push(d.operand(0));
        } else if d.isa::<tfl::StridedSlice>() {
            // shape(x)[i], one element: begin i, end i + 1, stride 1.
            let shape = def(d.operand(0), tfl::Shape::NAME)?;
            let (b, e, st) = (d.operand(1).const_ints()?, d.operand(2).const_ints()?, d.operand(3).const_ints()?);
            let masks_clear = ["begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask"].iter().all(|m| d.int_attr(m).unwrap_or(0) == 0);
            if b.len() != 1 || e != [b[0] + 1] || st != [1] || b[0] < 0 || !masks_clear || d.bool_attr("offset") == Some(true) {
                return None;
            }
            dims.push((shape.operand(0), b[0] as usize));
        } else {
            return None;
        }
    }
    Some((dims, c))
}

/// `transpose(average_pool_2d(x) * a) / a` -> `transpose(average_pool_2d(x))` (the
/// window sum legalization makes of an evenly dividing aten.adaptive_avg_pool2d /
/// avg_pool2d, divided by the window area again).
fn div_average_pool_scale_cancel<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let (t, k) = binary(v, tfl::Div::NAME)?;
    let a = splat_of(k)?;
    let (m, perm) = match def(t, tfl::Transpose::NAME) {
        Some(tr) => (tr.operand(0), Some(tr.operand(1))),
        None => (t, None),
    };
    let (p, b) = with_const(m, tfl::Mul::NAME)?;
    def(p, tfl::AveragePool2d::NAME)?;
    if a == 0.0 || a != b {
        return None;
    }
    Some(match perm {
        Some(perm) => ops(&[p, perm], move |rw, ty| tfl::Transpose::build(rw, &[ty], p, perm).create().output()),
        None if p.same_type(v) => Replacement::Value(p),
        None => return None,
    })
}

/// `reshape(mean(x, axes){keep_dims = false})` to the keep_dims shape ->
/// `mean(x, axes){keep_dims = true}` (layer norm re-expanding its mean).
fn reshape_mean_keep_dims<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let m = def(def(v, tfl::Reshape::NAME)?.operand(0), tfl::Mean::NAME)?;
    let x = m.operand(0);
    let xt = ty(x);
    let a = axes(m, xt.dims().len())?;
    let ok = xt.is_static() && !keeps_dims(m) && ty(v).dims() == keep_dims_shape(xt.dims(), &a);
    let axes_operand = m.operand(1);
    ok.then(|| ops(&[x, axes_operand], move |rw, ty| tfl::Mean::build(rw, &[ty], x, axes_operand).keep_dims(true).create().output()))
}

fn keeps_dims(op: Op) -> bool {
    op.bool_attr("keep_dims") == Some(true)
}

// ---- squared_difference -----------------------------------------------------------

/// `(a - b) * (a - b)` -> `squared_difference(a, b)` (layer norm's and aten.var's
/// variance). The sub may have other users (layer norm reuses it): it then stays and
/// the mul becomes a squared_difference, one op for one op.
fn mul_squared_difference<'c>(v: Value<'c>) -> Option<Replacement<'c>> {
    let (d, e) = binary(v, tfl::Mul::NAME)?;
    let (a, b) = binary(d, tfl::Sub::NAME)?;
    (d == e && d.same_type(v))
        .then(|| ops(&[a, b], move |rw, ty| tfl::SquaredDifference::build(rw, &[ty], a, b).create().output()))
}

// ---- pow --------------------------------------------------------------------------

/// `x` for `pow(x, c)` with constant exponent `c == e` and `x` of the result's type.
fn pow_by<'c>(v: Value<'c>, e: f64) -> Option<Value<'c>> {
    let (x, k) = binary(v, tfl::Pow::NAME)?;
    (splat_of(k).is_some_and(|c| is(c, e)) && x.same_type(v)).then_some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tfl.select_v2` -> `SelectV2`: the CamelCase every pattern name starts with.
    fn camel(root: &str) -> String {
        root.trim_start_matches("tfl.").split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect()
    }

    #[test]
    fn patterns_are_named_after_their_root_and_sorted() {
        for w in PATTERNS.windows(2) {
            assert!(w[0].root.unwrap() <= w[1].root.unwrap(), "{} must sort before {}", w[0].name, w[1].name);
            // Within a root, the benefits keep the table's order.
            assert!(w[0].root != w[1].root || w[0].benefit > w[1].benefit, "{} must be tried before {}", w[0].name, w[1].name);
        }
        let mut names: Vec<_> = PATTERNS.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PATTERNS.len(), "pattern names are unique");
        for p in PATTERNS {
            let root = p.root.expect("every pattern has a root op");
            assert!(p.name.starts_with(&camel(root)), "{} is rooted at {}", p.name, root);
            assert!(edge_dialects::TFL.lookup(root).is_some(), "{} is not in the TFL catalog", root);
        }
    }

    #[test]
    fn constants_compare_within_f32_rounding() {
        assert!(is(0.707_106_77_f32 as f64, std::f64::consts::FRAC_1_SQRT_2));
        assert!(is((1.0f32 / 6.0) as f64, 1.0 / 6.0));
        assert!(!is(1e-7, 0.0));
        assert!(!is(0.7072, std::f64::consts::FRAC_1_SQRT_2));
    }
}

//! `tfl-recognize-patterns`: replaces whole subgraphs, as the pt2 importer and
//! `legalize-stablehlo-to-tfl` emit them, with the one TFL builtin XNNPACK runs fast.
//!
//! Input: legalized TFL (constants as `tfl.pseudo_const`, possibly behind
//! `tfl.reshape` / `tfl.broadcast_to` chains). Output: the same function with each
//! recognized subgraph replaced; every rewrite is exact up to f32 rounding, and the
//! matched intermediates are erased (a match whose intermediates have users outside
//! the subgraph is left alone, except where the pattern says otherwise). Runs before
//! `tfl-fuse-activation`, which then folds the relu/relu6 it produces.
//!
//! Exact GELU needs no StableHLO-level pattern: the importer expands `erf` into an f32
//! rational polynomial of plain ops, which legalize, and `MulGelu` matches it here.
//!
//!   %m = "tfl.maximum"(%x, %zero)        // %zero: splat 0
//!   %r = "tfl.minimum"(%m, %six)         // %six: splat 6
//!   %h = "tfl.div"(%r', %six)            // with %r' = relu6(x + 3)
//!   %y = "tfl.mul"(%x, %h)
//! becomes
//!   %y = "tfl.hard_swish"(%x)
//!
//! The patterns live in the table `PATTERNS`, one banner per root op, sorted; within a
//! root the first match wins. Patterns see the rewrites made earlier in the same sweep
//! (ops are visited in block order), so `MaximumRelu` runs before `MinimumRelu6`, and
//! `MulHardSwish` matches the `tfl.relu6` that produced. Sweeps repeat until nothing
//! matches; after each, unused `tfl` ops are erased (`rewrite::erase_dead_ops`).
//!
//! Covered: aten.relu, relu6, hardtanh / clamp to [0, 6] or [-1, 1], leaky_relu,
//! hardswish, gelu (both forms), _softmax / _log_softmax over the last dim, mean.dim
//! and the mean/variance of layer and group norm, pow by 1, 2, 3, 0.5, -0.5 and -1,
//! and the window sum * area / area of evenly dividing adaptive_avg_pool2d. Left as
//! they are: hardsigmoid alone (no builtin), silu (`x * logistic(x)` is fast already),
//! softmax over another dim, prelu and relu_0_to_1 (not in the TFL catalog).

use crate::legacy::constant::{self, ConstTensor};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::approximations::{ERF_ALPHA, ERF_BETA};
use edge_dialects::ir::{const_ints_of_value, type_from_mlir, Attr, ElemTy, TensorTy};
use mlir_sys::*;

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

/// Sweeps are repeated until nothing matches; one sweep normally suffices.
const MAX_SWEEPS: usize = 4;

impl TflRecognizePatterns {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for _ in 0..MAX_SWEEPS {
            let mut changed = false;
            for op in body_ops(func) {
                changed |= rewrite_one(op);
            }
            erase_dead_ops(func);
            if !changed {
                break;
            }
        }
        Ok(())
    }
}

/// Tries the patterns rooted at `op`'s name, in table order; applies the first match.
fn rewrite_one(op: MlirOperation) -> bool {
    let op_name = name(op);
    if !op_name.starts_with("tfl.")
        || unsafe { mlirOperationGetNumResults(op) } != 1
        || ty(result(op, 0)).elem != ElemTy::F32
    {
        return false;
    }
    for p in PATTERNS.iter().filter(|p| p.root == op_name) {
        let Some(r) = (p.apply)(result(op, 0)) else { continue };
        if !p.shared_ok && !closed(op, &r.inputs()) {
            continue;
        }
        tracing::debug!(pattern = p.name, "tfl-recognize-patterns");
        r.apply(op);
        return true;
    }
    false
}

// ---------------------------------------------------------------------------------
// Replacements
// ---------------------------------------------------------------------------------

/// What a match becomes: an existing value, or new ops built before the root in
/// order, each with the root's result type; the last one replaces the root.
enum Replacement {
    Value(MlirValue),
    Ops(Vec<NewOp>),
}

struct NewOp {
    name: &'static str,
    operands: Vec<In>,
    attrs: Vec<(&'static str, AttrValue)>,
}

enum In {
    Value(MlirValue),
    /// The result of the previous new op.
    Prev,
    /// A rank-0 f32 constant.
    F32(f32),
}

enum AttrValue {
    F32(f64),
    Bool(bool),
    Str(&'static str),
}

/// `name(operands)` with attributes.
fn op(name: &'static str, operands: Vec<In>, attrs: Vec<(&'static str, AttrValue)>) -> NewOp {
    NewOp { name, operands, attrs }
}

/// A single unary op `name(x)`.
fn unary_op(name: &'static str, x: MlirValue) -> Replacement {
    Replacement::Ops(vec![op(name, vec![In::Value(x)], vec![])])
}

const NO_ACT: (&str, AttrValue) = ("fused_activation_function", AttrValue::Str("NONE"));

impl Replacement {
    /// The existing values the replacement reads.
    fn inputs(&self) -> Vec<MlirValue> {
        match self {
            Replacement::Value(v) => vec![*v],
            Replacement::Ops(ops) => ops
                .iter()
                .flat_map(|o| o.operands.iter())
                .filter_map(|i| if let In::Value(v) = i { Some(*v) } else { None })
                .collect(),
        }
    }

    fn apply(self, root: MlirOperation) {
        let out = result(root, 0);
        let new = match self {
            Replacement::Value(v) => v,
            Replacement::Ops(ops) => {
                let ctx = unsafe { mlirOperationGetContext(root) };
                let out_ty = unsafe { mlirValueGetType(out) };
                let mut prev = out;
                for o in ops {
                    let operands: Vec<MlirValue> = o
                        .operands
                        .iter()
                        .map(|i| match i {
                            In::Value(v) => *v,
                            In::Prev => prev,
                            In::F32(x) => constant::insert(root, &ConstTensor::from_f32(ctx, vec![], &[*x])),
                        })
                        .collect();
                    let attrs: Vec<(&str, MlirAttribute)> = o
                        .attrs
                        .iter()
                        .map(|(n, a)| {
                            let a = unsafe {
                                match a {
                                    AttrValue::F32(x) => mlirFloatAttrDoubleGet(ctx, mlirF32TypeGet(ctx), *x),
                                    AttrValue::Bool(b) => mlirBoolAttrGet(ctx, *b as i32),
                                    AttrValue::Str(s) => string_attr(root, s),
                                }
                            };
                            (*n, a)
                        })
                        .collect();
                    prev = result(insert_op_before(root, o.name, &operands, &[out_ty], &attrs), 0);
                }
                prev
            }
        };
        replace_all_uses(out, new);
        erase(root);
    }
}

// ---------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------

struct Pattern {
    name: &'static str,
    root: &'static str,
    /// Matches the subgraph ending in the given root result; `None` for no match.
    apply: fn(MlirValue) -> Option<Replacement>,
    /// Rewrite even when intermediates have other users (they then stay): only where
    /// the replacement costs no more than the op it replaces.
    shared_ok: bool,
}

const fn pattern(name: &'static str, root: &'static str, apply: fn(MlirValue) -> Option<Replacement>) -> Pattern {
    Pattern { name, root, apply, shared_ok: false }
}

/// Sorted by root; within a root, the first match wins (more specific first).
static PATTERNS: &[Pattern] = &[
    // ---- tfl.div ----------------------------------------------------------------
    pattern("DivAveragePoolScaleCancel", "tfl.div", div_average_pool_scale_cancel),
    pattern("DivSumToMean", "tfl.div", sum_to_mean),
    pattern("DivSoftmax", "tfl.div", div_softmax),
    pattern("DivHardSwish", "tfl.div", hard_swish),
    // ---- tfl.maximum ------------------------------------------------------------
    pattern("MaximumRelu6", "tfl.maximum", maximum_relu6),
    pattern("MaximumReluN1To1", "tfl.maximum", maximum_relu_n1_to_1),
    pattern("MaximumRelu", "tfl.maximum", maximum_relu),
    pattern("MaximumLeakyRelu", "tfl.maximum", maximum_leaky_relu),
    // ---- tfl.minimum ------------------------------------------------------------
    pattern("MinimumRelu6", "tfl.minimum", minimum_relu6),
    pattern("MinimumReluN1To1", "tfl.minimum", minimum_relu_n1_to_1),
    // ---- tfl.mul ----------------------------------------------------------------
    pattern("MulGelu", "tfl.mul", mul_gelu),
    pattern("MulGeluTanh", "tfl.mul", mul_gelu_tanh),
    pattern("MulHardSwish", "tfl.mul", hard_swish),
    pattern("MulSumToMean", "tfl.mul", sum_to_mean),
    Pattern { name: "MulSquaredDifference", root: "tfl.mul", apply: mul_squared_difference, shared_ok: true },
    // ---- tfl.pow ----------------------------------------------------------------
    pattern("PowIdentity", "tfl.pow", |v| pow_by(v, 1.0).map(Replacement::Value)),
    pattern("PowSquare", "tfl.pow", |v| {
        let x = pow_by(v, 2.0)?;
        Some(Replacement::Ops(vec![op("tfl.mul", vec![In::Value(x), In::Value(x)], vec![NO_ACT])]))
    }),
    pattern("PowCube", "tfl.pow", |v| {
        let x = pow_by(v, 3.0)?;
        Some(Replacement::Ops(vec![
            op("tfl.mul", vec![In::Value(x), In::Value(x)], vec![NO_ACT]),
            op("tfl.mul", vec![In::Prev, In::Value(x)], vec![NO_ACT]),
        ]))
    }),
    pattern("PowSqrt", "tfl.pow", |v| pow_by(v, 0.5).map(|x| unary_op("tfl.sqrt", x))),
    pattern("PowRsqrt", "tfl.pow", |v| pow_by(v, -0.5).map(|x| unary_op("tfl.rsqrt", x))),
    pattern("PowReciprocal", "tfl.pow", |v| {
        let x = pow_by(v, -1.0)?;
        Some(Replacement::Ops(vec![op("tfl.div", vec![In::F32(1.0), In::Value(x)], vec![NO_ACT])]))
    }),
    // ---- tfl.reshape ------------------------------------------------------------
    pattern("ReshapeMeanKeepDims", "tfl.reshape", reshape_mean_keep_dims),
    // ---- tfl.select_v2 ----------------------------------------------------------
    pattern("SelectV2LeakyRelu", "tfl.select_v2", select_leaky_relu),
    // ---- tfl.sub ----------------------------------------------------------------
    pattern("SubLogSoftmax", "tfl.sub", sub_log_softmax),
];

// ---------------------------------------------------------------------------------
// Matching helpers
// ---------------------------------------------------------------------------------

fn ty(v: MlirValue) -> TensorTy {
    type_from_mlir(unsafe { mlirValueGetType(v) })
}

fn eq(a: MlirValue, b: MlirValue) -> bool {
    unsafe { mlirValueEqual(a, b) }
}

/// The op defining `v` when it is named `op_name`.
fn def(v: MlirValue, op_name: &str) -> Option<MlirOperation> {
    defining_op(v).filter(|d| name(*d) == op_name)
}

/// Whether `op` has no fused activation (or no such attribute).
fn no_activation(op: MlirOperation) -> bool {
    attr(op, "fused_activation_function").is_none_or(|a| a.as_str() == Some("NONE"))
}

/// The operand of the unary op `op_name` defining `v`.
fn unary(v: MlirValue, op_name: &str) -> Option<MlirValue> {
    def(v, op_name).map(|d| operand(d, 0))
}

/// The operands of the binary op `op_name` (without fused activation) defining `v`.
fn binary(v: MlirValue, op_name: &str) -> Option<(MlirValue, MlirValue)> {
    def(v, op_name).filter(|d| no_activation(*d)).map(|d| (operand(d, 0), operand(d, 1)))
}

/// `f(a, b)` or else `f(b, a)` for the commutative binary op `op_name` defining `v`.
fn commuted<T>(v: MlirValue, op_name: &str, f: impl Fn(MlirValue, MlirValue) -> Option<T>) -> Option<T> {
    let (a, b) = binary(v, op_name)?;
    f(a, b).or_else(|| f(b, a))
}

/// The one value of a splat constant, also behind reshape / broadcast_to chains.
fn splat_of(v: MlirValue) -> Option<f64> {
    if let Some(c) = constant::splat(v) {
        return Some(c);
    }
    let d = defining_op(v)?;
    matches!(name(d).as_str(), "tfl.reshape" | "tfl.broadcast_to" | "tfl.expand_dims")
        .then(|| splat_of(operand(d, 0)))?
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
fn with_const(v: MlirValue, op_name: &str) -> Option<(MlirValue, f64)> {
    commuted(v, op_name, |x, k| Some((x, splat_of(k)?)))
}

/// `x` for `op_name(x, c)` with constant `c` equal to `target`.
fn with_const_is(v: MlirValue, op_name: &str, target: f64) -> Option<MlirValue> {
    commuted(v, op_name, |x, k| splat_of(k).filter(|&c| is(c, target)).map(|_| x))
}

/// Whether `v` is a constant, possibly behind reshape / broadcast_to chains.
fn constant_like(v: MlirValue) -> bool {
    constant::is_constant(v)
        || defining_op(v).is_some_and(|d| {
            matches!(name(d).as_str(), "tfl.reshape" | "tfl.broadcast_to" | "tfl.expand_dims")
                && operands(d).into_iter().all(constant_like)
        })
}

/// An op whose results are all unused, or used only by such ops (an intermediate of an
/// earlier rewrite in this sweep, not yet erased).
fn is_dead(op: MlirOperation, depth: usize) -> bool {
    let n = unsafe { mlirOperationGetNumResults(op) };
    name(op).starts_with("tfl.")
        && depth > 0
        && n > 0
        && (0..n).all(|i| uses(result(op, i)).into_iter().all(|(u, _)| is_dead(u, depth - 1)))
}

/// Whether the ops between `inputs` (and constants) and `root` are used only inside
/// that subgraph, so replacing `root` leaves them all dead.
fn closed(root: MlirOperation, inputs: &[MlirValue]) -> bool {
    let mut inner: Vec<MlirOperation> = Vec::new();
    let mut stack = operands(root);
    while let Some(v) = stack.pop() {
        if inputs.iter().any(|&i| eq(i, v)) || constant_like(v) {
            continue;
        }
        let Some(d) = defining_op(v) else { continue };
        if inner.iter().any(|o| o.ptr == d.ptr) {
            continue;
        }
        inner.push(d);
        stack.extend(operands(d));
    }
    inner.iter().all(|&o| {
        let n = unsafe { mlirOperationGetNumResults(o) };
        (0..n).all(|i| {
            uses(result(o, i))
                .into_iter()
                .all(|(u, _)| u.ptr == root.ptr || inner.iter().any(|w| w.ptr == u.ptr) || is_dead(u, 8))
        })
    })
}

/// The reduction axes of `op` (operand 1), normalized to `0..rank` and sorted.
fn axes(op: MlirOperation, rank: usize) -> Option<Vec<i64>> {
    let mut a: Vec<i64> =
        const_ints_of_value(operand(op, 1))?.into_iter().map(|d| if d < 0 { d + rank as i64 } else { d }).collect();
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
fn unexpand_last(v: MlirValue, x: MlirValue) -> Option<MlirValue> {
    let xt = ty(x);
    if !xt.is_static() || xt.dims().is_empty() {
        return None;
    }
    let r = xt.dims().len();
    let keep = keep_dims_shape(xt.dims(), &[r as i64 - 1]);
    let mut w = v;
    if let Some(b) = def(w, "tfl.broadcast_to") {
        if ty(w).dims() != xt.dims() {
            return None;
        }
        w = operand(b, 0);
    }
    if ty(w).dims() != keep {
        return None;
    }
    if let Some(rs) = def(w, "tfl.reshape") {
        w = operand(rs, 0);
        if ty(w).dims() != &xt.dims()[..r - 1] && ty(w).dims() != keep {
            return None;
        }
    }
    Some(w)
}

/// Whether `w` is the reduction `reduce` of `x` over its last dim.
fn reduces_last(w: MlirValue, reduce: &str, x: MlirValue) -> bool {
    let r = ty(x).dims().len();
    def(w, reduce).is_some_and(|d| eq(operand(d, 0), x) && axes(d, r).as_deref() == Some(&[r as i64 - 1][..]))
}

/// Whether `v` is `reduce(x)` over the last dim of `x`, re-expanded to `x`'s shape
/// (see `unexpand_last`).
fn reduced_over_last(v: MlirValue, reduce: &str, x: MlirValue) -> bool {
    unexpand_last(v, x).is_some_and(|w| reduces_last(w, reduce, x))
}

// ---------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------

// ---- relu family ------------------------------------------------------------------

/// `maximum(x, 0)` -> `relu(x)` (aten.relu; the lower bound of clamp(0, ...)).
fn maximum_relu(v: MlirValue) -> Option<Replacement> {
    let x = with_const_is(v, "tfl.maximum", 0.0)?;
    same_type(x, v).then(|| unary_op("tfl.relu", x))
}

/// `minimum(relu(x), 6)` -> `relu6(x)` (aten.relu6 / hardtanh(0, 6) / clamp(0, 6),
/// after `MaximumRelu`).
fn minimum_relu6(v: MlirValue) -> Option<Replacement> {
    let r = with_const_is(v, "tfl.minimum", 6.0)?;
    let x = unary(r, "tfl.relu")?;
    same_type(x, v).then(|| unary_op("tfl.relu6", x))
}

/// `maximum(minimum(x, 6), 0)` -> `relu6(x)` (the clamp written the other way round).
fn maximum_relu6(v: MlirValue) -> Option<Replacement> {
    let m = with_const_is(v, "tfl.maximum", 0.0)?;
    let x = with_const_is(m, "tfl.minimum", 6.0)?;
    same_type(x, v).then(|| unary_op("tfl.relu6", x))
}

/// `minimum(maximum(x, -1), 1)` -> `relu_n1_to_1(x)` (hardtanh / clamp(-1, 1)).
fn minimum_relu_n1_to_1(v: MlirValue) -> Option<Replacement> {
    let m = with_const_is(v, "tfl.minimum", 1.0)?;
    let x = with_const_is(m, "tfl.maximum", -1.0)?;
    same_type(x, v).then(|| unary_op("tfl.relu_n1_to_1", x))
}

/// `maximum(minimum(x, 1), -1)` -> `relu_n1_to_1(x)`.
fn maximum_relu_n1_to_1(v: MlirValue) -> Option<Replacement> {
    let m = with_const_is(v, "tfl.maximum", -1.0)?;
    let x = with_const_is(m, "tfl.minimum", 1.0)?;
    same_type(x, v).then(|| unary_op("tfl.relu_n1_to_1", x))
}

fn leaky_relu(x: MlirValue, alpha: f64) -> Replacement {
    Replacement::Ops(vec![op("tfl.leaky_relu", vec![In::Value(x)], vec![("alpha", AttrValue::F32(alpha))])])
}

/// `select(x > 0, x, x * a)` -> `leaky_relu(x){alpha = a}` (aten.leaky_relu). At
/// x = 0 both sides are 0, so `>` and TFLite's `>=` agree.
fn select_leaky_relu(v: MlirValue) -> Option<Replacement> {
    let s = def(v, "tfl.select_v2")?;
    let (cond, x, neg) = (operand(s, 0), operand(s, 1), operand(s, 2));
    let c = def(cond, "tfl.greater").or_else(|| def(cond, "tfl.greater_equal"))?;
    let positive = eq(operand(c, 0), x) && splat_of(operand(c, 1)) == Some(0.0);
    let (y, alpha) = with_const(neg, "tfl.mul")?;
    (positive && eq(y, x) && same_type(x, v)).then(|| leaky_relu(x, alpha))
}

/// `maximum(x, x * a)` with `0 <= a <= 1` -> `leaky_relu(x){alpha = a}`.
fn maximum_leaky_relu(v: MlirValue) -> Option<Replacement> {
    commuted(v, "tfl.maximum", |x, s| {
        let (y, alpha) = with_const(s, "tfl.mul")?;
        (eq(y, x) && (0.0..=1.0).contains(&alpha) && same_type(x, v)).then(|| leaky_relu(x, alpha))
    })
}

// ---- hard_swish -------------------------------------------------------------------

/// `x` for `relu6(x + 3)`.
fn relu6_of_x_plus_3(r: MlirValue) -> Option<MlirValue> {
    with_const_is(unary(r, "tfl.relu6")?, "tfl.add", 3.0)
}

/// `r` for `r / 6` or `r * (1/6)`.
fn divided_by_6(v: MlirValue) -> Option<MlirValue> {
    if let Some((r, k)) = binary(v, "tfl.div") {
        return splat_of(k).is_some_and(|c| is(c, 6.0)).then_some(r);
    }
    with_const_is(v, "tfl.mul", 1.0 / 6.0)
}

/// `x * (relu6(x + 3) / 6)`, `(x * relu6(x + 3)) / 6` and the `* (1/6)` forms ->
/// `hard_swish(x)` (aten.hardswish; the root is the mul or the div).
fn hard_swish(v: MlirValue) -> Option<Replacement> {
    // x * hardsigmoid(x)
    let inner = commuted(v, "tfl.mul", |x, h| relu6_of_x_plus_3(divided_by_6(h)?).filter(|&y| eq(x, y)));
    // (x * relu6(x + 3)) / 6
    let outer = || commuted(divided_by_6(v)?, "tfl.mul", |x, r| relu6_of_x_plus_3(r).filter(|&y| eq(x, y)));
    let x = inner.or_else(outer)?;
    same_type(x, v).then(|| unary_op("tfl.hard_swish", x))
}

// ---- gelu -------------------------------------------------------------------------

/// `t` for `0.5 * (x * (1 + t))` with the given `x` (the importer's outer GELU form).
fn gelu_outer(v: MlirValue, f: impl Fn(MlirValue, MlirValue) -> bool) -> Option<MlirValue> {
    let s = with_const_is(v, "tfl.mul", 0.5)?;
    commuted(s, "tfl.mul", |x, p| with_const_is(p, "tfl.add", 1.0).filter(|&t| f(x, t)).map(|_| x))
}

/// Whether `v` is the Horner evaluation `((c0 * s + c1) * s + c2) ...` in `s`.
fn horner(v: MlirValue, s: MlirValue, coeffs: &[f64]) -> bool {
    let Some((&last, rest)) = coeffs.split_last() else { return false };
    if rest.is_empty() {
        return splat_of(v).is_some_and(|c| is(c, last));
    }
    let Some(m) = with_const_is(v, "tfl.add", last) else { return false };
    commuted(m, "tfl.mul", |p, q| (eq(q, s) && horner(p, s, rest)).then_some(())).is_some()
}

/// `z` for the importer's erf(z): `p(c^2) * c / q(c^2)` with `c = clamp(z, -4, 4)`.
fn erf_input(t: MlirValue) -> Option<MlirValue> {
    let (p, q) = binary(t, "tfl.div")?;
    commuted(p, "tfl.mul", |pa, c| {
        let z = with_const_is(with_const_is(c, "tfl.minimum", 4.0)?, "tfl.maximum", -4.0)?;
        let s = square_in_horner(pa, c)?;
        (horner(pa, s, &ERF_ALPHA) && horner(q, s, &ERF_BETA)).then_some(z)
    })
}

/// The value `c * c` the Horner chain `v` multiplies by (read off its outer step).
fn square_in_horner(v: MlirValue, c: MlirValue) -> Option<MlirValue> {
    let m = commuted(v, "tfl.add", |m, k| splat_of(k).map(|_| m))?;
    commuted(m, "tfl.mul", |_, s| binary(s, "tfl.mul").filter(|&(a, b)| eq(a, c) && eq(b, c)).map(|_| s))
}

/// `0.5 * x * (1 + erf(x * 0.7071067811865476))` -> `gelu(x){approximate = false}`
/// (aten.gelu, approximate='none'; erf as the importer expands it).
fn mul_gelu(v: MlirValue) -> Option<Replacement> {
    let x = gelu_outer(v, |x, t| {
        erf_input(t)
            .and_then(|z| with_const_is(z, "tfl.mul", std::f64::consts::FRAC_1_SQRT_2))
            .is_some_and(|y| eq(y, x))
    })?;
    same_type(x, v).then(|| {
        Replacement::Ops(vec![op("tfl.gelu", vec![In::Value(x)], vec![("approximate", AttrValue::Bool(false))])])
    })
}

/// `0.5 * x * (1 + tanh(sqrt(2/pi) * (x + 0.044715 * x^3)))` with `x^3 = (x * x) * x`
/// -> `gelu(x){approximate = true}` (aten.gelu, approximate='tanh').
fn mul_gelu_tanh(v: MlirValue) -> Option<Replacement> {
    let k = (2.0 / std::f64::consts::PI).sqrt();
    let x = gelu_outer(v, |x, t| {
        let inner = || {
            let w = with_const_is(unary(t, "tfl.tanh")?, "tfl.mul", k)?;
            let cube =
                commuted(w, "tfl.add", |y, u| eq(y, x).then(|| with_const_is(u, "tfl.mul", 0.044715)).flatten())?;
            let sq = commuted(cube, "tfl.mul", |s, y| eq(y, x).then_some(s))?;
            binary(sq, "tfl.mul").filter(|&(a, b)| eq(a, x) && eq(b, x))
        };
        inner().is_some()
    })?;
    same_type(x, v).then(|| {
        Replacement::Ops(vec![op("tfl.gelu", vec![In::Value(x)], vec![("approximate", AttrValue::Bool(true))])])
    })
}

// ---- softmax ----------------------------------------------------------------------

/// `e / sum(e)` with `e = exp(x - max(x))`, both reductions over the last dim ->
/// `softmax(x){beta = 1}` (aten._softmax over the last dim).
fn div_softmax(v: MlirValue) -> Option<Replacement> {
    let (e, s) = binary(v, "tfl.div")?;
    let (x, m) = binary(unary(e, "tfl.exp")?, "tfl.sub")?;
    let ok = reduced_over_last(m, "tfl.reduce_max", x) && reduced_over_last(s, "tfl.sum", e) && same_type(x, v);
    ok.then(|| Replacement::Ops(vec![op("tfl.softmax", vec![In::Value(x)], vec![("beta", AttrValue::F32(1.0))])]))
}

/// `d - log(sum(exp(d)))` with `d = x - max(x)`, over the last dim -> `log_softmax(x)`
/// (aten._log_softmax over the last dim).
fn sub_log_softmax(v: MlirValue) -> Option<Replacement> {
    let (d, l) = binary(v, "tfl.sub")?;
    let (x, m) = binary(d, "tfl.sub")?;
    let s = unary(unexpand_last(l, x)?, "tfl.log")?;
    let ex = unary(s, "tfl.sum")?;
    let sum_ok = reduces_last(s, "tfl.sum", ex) && unary(ex, "tfl.exp").is_some_and(|e| eq(e, d));
    let ok = sum_ok && reduced_over_last(m, "tfl.reduce_max", x) && same_type(x, v);
    ok.then(|| unary_op("tfl.log_softmax", x))
}

// ---- mean -------------------------------------------------------------------------

/// `sum(x, axes) / n` or `sum(x, axes) * (1/n)`, `n` the number of reduced elements,
/// optionally through a reshape to the keep_dims shape -> `mean(x, axes)` with
/// keep_dims as the result has it (aten.mean; layer and group norm statistics).
fn sum_to_mean(v: MlirValue) -> Option<Replacement> {
    let (s, k) = binary(v, "tfl.div").and_then(|(s, k)| Some((s, splat_of(k)?))).or_else(|| {
        let (s, r) = with_const(v, "tfl.mul")?;
        Some((s, 1.0 / r))
    })?;
    let (sum, reshaped) = match def(s, "tfl.reshape") {
        Some(r) => (def(operand(r, 0), "tfl.sum")?, true),
        None => (def(s, "tfl.sum")?, false),
    };
    let x = operand(sum, 0);
    let xt = ty(x);
    if !xt.is_static() {
        return None;
    }
    let a = axes(sum, xt.dims().len())?;
    let count: i64 = a.iter().map(|&d| xt.dims()[d as usize]).product();
    if count <= 0 || ((k - count as f64) / count as f64).abs() > 1e-6 || !same_type(s, v) {
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
    Some(Replacement::Ops(vec![op(
        "tfl.mean",
        vec![In::Value(x), In::Value(operand(sum, 1))],
        vec![("keep_dims", AttrValue::Bool(keep_dims))],
    )]))
}

/// `transpose(average_pool_2d(x) * a) / a` -> `transpose(average_pool_2d(x))` (the
/// window sum legalization makes of an evenly dividing aten.adaptive_avg_pool2d /
/// avg_pool2d, divided by the window area again).
fn div_average_pool_scale_cancel(v: MlirValue) -> Option<Replacement> {
    let (t, k) = binary(v, "tfl.div")?;
    let a = splat_of(k)?;
    let (m, perm) = match def(t, "tfl.transpose") {
        Some(tr) => (operand(tr, 0), Some(operand(tr, 1))),
        None => (t, None),
    };
    let (p, b) = with_const(m, "tfl.mul")?;
    def(p, "tfl.average_pool_2d")?;
    if a == 0.0 || a != b {
        return None;
    }
    Some(match perm {
        Some(perm) => Replacement::Ops(vec![op("tfl.transpose", vec![In::Value(p), In::Value(perm)], vec![])]),
        None if same_type(p, v) => Replacement::Value(p),
        None => return None,
    })
}

/// `reshape(mean(x, axes){keep_dims = false})` to the keep_dims shape ->
/// `mean(x, axes){keep_dims = true}` (layer norm re-expanding its mean).
fn reshape_mean_keep_dims(v: MlirValue) -> Option<Replacement> {
    let m = def(operand(def(v, "tfl.reshape")?, 0), "tfl.mean")?;
    let x = operand(m, 0);
    let xt = ty(x);
    let a = axes(m, xt.dims().len())?;
    let ok = xt.is_static() && !keeps_dims(m) && ty(v).dims() == keep_dims_shape(xt.dims(), &a);
    ok.then(|| {
        Replacement::Ops(vec![op(
            "tfl.mean",
            vec![In::Value(x), In::Value(operand(m, 1))],
            vec![("keep_dims", AttrValue::Bool(true))],
        )])
    })
}

fn keeps_dims(op: MlirOperation) -> bool {
    matches!(attr(op, "keep_dims"), Some(Attr::Bool(true)))
}

// ---- squared_difference -----------------------------------------------------------

/// `(a - b) * (a - b)` -> `squared_difference(a, b)` (layer norm's and aten.var's
/// variance). The sub may have other users (layer norm reuses it): it then stays and
/// the mul becomes a squared_difference, one op for one op.
fn mul_squared_difference(v: MlirValue) -> Option<Replacement> {
    let (d, e) = binary(v, "tfl.mul")?;
    let (a, b) = binary(d, "tfl.sub")?;
    (eq(d, e) && same_type(d, v))
        .then(|| Replacement::Ops(vec![op("tfl.squared_difference", vec![In::Value(a), In::Value(b)], vec![])]))
}

// ---- pow --------------------------------------------------------------------------

/// `x` for `pow(x, c)` with constant exponent `c == e` and `x` of the result's type.
fn pow_by(v: MlirValue, e: f64) -> Option<MlirValue> {
    let (x, k) = binary(v, "tfl.pow")?;
    (splat_of(k).is_some_and(|c| is(c, e)) && same_type(x, v)).then_some(x)
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
            assert!(w[0].root <= w[1].root, "{} must sort before {}", w[0].name, w[1].name);
        }
        let mut names: Vec<_> = PATTERNS.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PATTERNS.len(), "pattern names are unique");
        for p in PATTERNS {
            assert!(p.name.starts_with(&camel(p.root)), "{} is rooted at {}", p.name, p.root);
            assert!(edge_dialects::TFL.lookup(p.root).is_some(), "{} is not in the TFL catalog", p.root);
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

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflRecognizePatterns {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

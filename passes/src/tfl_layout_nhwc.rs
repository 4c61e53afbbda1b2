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
//! Input and output: TFL with static shapes where transposes are involved. Results
//! are unchanged; what remains is one transpose per value whose layout really
//! differs (typically the model's input and, for 4-D outputs, its output).

use crate::legacy::constant::{self, ConstTensor};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::catalog::{Permute, Trait};
use edge_dialects::verify::emit_error;
use edge_dialects::TFL;
use mlir_sys::*;

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

/// Sweeps over the function before giving up on reaching a fixed point.
const MAX_SWEEPS: usize = 64;

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

/// The permutation of a `tfl.transpose` with a constant, valid `perm` operand.
fn transpose_perm(op: MlirOperation) -> Option<Perm> {
    if name(op) != "tfl.transpose" {
        return None;
    }
    let perm = constant::read(operand(op, 1))?.ints()?;
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
fn transposed(v: MlirValue) -> Option<(MlirValue, Perm)> {
    let op = defining_op(v)?;
    let perm = transpose_perm(op)?;
    Some((operand(op, 0), perm))
}

/// Static dims of `v`, if it has a static shape.
fn static_dims(v: MlirValue) -> Option<Vec<i64>> {
    let t = value_type(v);
    t.is_static().then(|| t.dims().to_vec())
}

/// Rewrites of one sweep; each returns whether it changed the IR.
struct Sweep {
    changed: bool,
    failed: bool,
}

impl Sweep {
    /// `tfl.transpose(x, perm)` at `at`'s location, inserted after `at`.
    fn transpose_after(&mut self, at: MlirOperation, x: MlirValue, perm: &[usize]) -> Option<MlirValue> {
        let dims = static_dims(x)?;
        let perm_i64: Vec<i64> = perm.iter().map(|&p| p as i64).collect();
        let p = constant::insert_i32(at, &perm_i64).ok()?;
        let t = insert_op_before(at, "tfl.transpose", &[x, p], &[ranked_like(x, &permute(&dims, perm))], &[]);
        unsafe {
            mlirOperationMoveAfter(defining_op(p).unwrap(), at);
            mlirOperationMoveAfter(t, defining_op(p).unwrap());
            Some(mlirOperationGetResult(t, 0))
        }
    }

    /// Gives `op` (already rewritten to compute in the untransposed layout, with result
    /// dims `inner`) a transpose by `perm` that takes its place for every user.
    fn reroute_through_transpose(&mut self, op: MlirOperation, inner: &[i64], perm: &[usize]) {
        let r = result(op, 0);
        unsafe { mlirValueSetType(r, ranked_like(r, inner)) };
        if is_identity(perm) {
            self.changed = true;
            return;
        }
        let Some(t) = self.transpose_after(op, r, perm) else {
            self.failed = true;
            return;
        };
        let mut t_op = defining_op(t).unwrap();
        unsafe { mlirValueReplaceAllUsesExcept(r, t, 1, &mut t_op) };
        self.changed = true;
    }

    fn visit(&mut self, op: MlirOperation) {
        let n = name(op);
        let n = n.as_str();
        // Element-wise and layout-agnostic ops are catalog traits.
        let def = TFL.lookup(n);
        if n == "tfl.transpose" {
            self.transpose(op);
        } else if def.is_some_and(|d| d.has(Trait::ElementWise)) {
            self.elementwise(op);
        } else if n == "tfl.reshape" {
            self.reshape(op);
        } else {
            match def.and_then(|d| d.layout()) {
                Some(Permute::AxesOperand(axes)) => self.reduction(op, axes),
                Some(Permute::PaddingsOperand(paddings)) => self.pad(op, paddings),
                Some(Permute::AxisAttr(axis)) => self.concatenation(op, axis),
                Some(Permute::PerDimOperands(per_dim)) => self.slice(op, per_dim),
                None => {}
            }
        }
    }

    /// TransposeTransposeFold, TransposeIdentityErase, TransposeUnitDimsToReshape,
    /// TransposeReshapeTransposeFold.
    fn transpose(&mut self, op: MlirOperation) {
        let Some(perm) = transpose_perm(op) else { return };
        let x = operand(op, 0);
        if is_identity(&perm) && same_type(x, result(op, 0)) {
            replace_all_uses(result(op, 0), x);
            self.changed = true;
            return;
        }
        if let Some((inner, first)) = transposed(x) {
            if first.len() == perm.len() {
                let p = compose(&first, &perm);
                if is_identity(&p) && same_type(inner, result(op, 0)) {
                    replace_all_uses(result(op, 0), inner);
                } else {
                    let perm_i64: Vec<i64> = p.iter().map(|&d| d as i64).collect();
                    let Ok(c) = constant::insert_i32(op, &perm_i64) else { return };
                    set_operand(op, 0, inner);
                    set_operand(op, 1, c);
                }
                self.changed = true;
                return;
            }
        }
        // A transpose after a reshape of a transposed value: move it above the reshape,
        // where it folds with the first transpose (channel shuffles).
        if let Some(reshape) = defining_op(x).filter(|r| name(*r) == "tfl.reshape" && use_count(x) == 1) {
            if transposed(operand(reshape, 0)).is_some() && self.hoist_over_reshape(op, reshape, &perm) {
                self.changed = true;
            }
        }
    }

    /// TransposeUnitDimsToReshape: only size-1 dims move, so the bytes keep their
    /// order and a reshape does the same. Run once the transposes have settled: as a
    /// reshape it could no longer cancel against another transpose.
    fn unit_dims_transpose(&mut self, op: MlirOperation) {
        let Some(perm) = transpose_perm(op) else { return };
        let x = operand(op, 0);
        let (Some(dims), Some(out)) = (static_dims(x), static_dims(result(op, 0))) else { return };
        let order: Vec<usize> = perm.iter().copied().filter(|&p| dims[p] != 1).collect();
        if order.windows(2).all(|w| w[0] < w[1]) {
            let Ok(shape) = constant::insert_i32(op, &out) else { return };
            let r = insert_op_before(op, "tfl.reshape", &[x, shape], &[unsafe { mlirValueGetType(result(op, 0)) }], &[]);
            replace_all_uses(result(op, 0), unsafe { mlirOperationGetResult(r, 0) });
            self.changed = true;
        }
    }

    /// `transpose(reshape(z), perm)` -> `reshape(transpose(z, perm'))`.
    fn hoist_over_reshape(&mut self, op: MlirOperation, reshape: MlirOperation, perm: &[usize]) -> bool {
        let z = operand(reshape, 0);
        let (Some(z_dims), Some(w_dims)) = (static_dims(z), static_dims(result(op, 0))) else { return false };
        // reshape(z) = transpose(w, perm^-1), so z = reshape(transpose(w, perm^-1)):
        // sink that transpose through the reshape back to z's shape.
        let Some((y, q)) = sink_through_reshape(&w_dims, &inverse(perm), &z_dims) else { return false };
        // z = transpose(reshape(w, y), q) => reshape(w, y) = transpose(z, q^-1).
        let q_inv = inverse(&q);
        debug_assert_eq!(permute(&z_dims, &q_inv), y);
        let perm_i64: Vec<i64> = q_inv.iter().map(|&d| d as i64).collect();
        let Ok(p) = constant::insert_i32(op, &perm_i64) else { return false };
        let t = insert_op_before(op, "tfl.transpose", &[z, p], &[ranked_like(z, &y)], &[]);
        let t = unsafe { mlirOperationGetResult(t, 0) };
        let Ok(shape) = constant::insert_i32(op, &w_dims) else { return false };
        let r = insert_op_before(op, "tfl.reshape", &[t, shape], &[unsafe { mlirValueGetType(result(op, 0)) }], &[]);
        replace_all_uses(result(op, 0), unsafe { mlirOperationGetResult(r, 0) });
        true
    }

    /// ElementwiseTransposeSink: every operand a transpose by the same perm, a
    /// constant (transposed now), or all ones in shape.
    fn elementwise(&mut self, op: MlirOperation) {
        if unsafe { mlirOperationGetNumResults(op) } != 1 {
            return;
        }
        let ins = operands(op);
        // A per-axis (de)quantize is tied to its dimension's position.
        let per_axis = |v: MlirValue| crate::legacy::quant::quant_of(v).is_some_and(|q| q.axis.is_some());
        if per_axis(result(op, 0)) || ins.iter().any(|&v| per_axis(v)) {
            return;
        }
        let Some(perm) = ins.iter().find_map(|&v| transposed(v).map(|t| t.1)) else { return };
        let rank = perm.len();
        let Some(out_dims) = static_dims(result(op, 0)) else { return };
        if out_dims.len() != rank {
            return;
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
            let Some(dims) = static_dims(v) else { return };
            if dims.len() > rank {
                return;
            }
            let mut expanded = vec![1i64; rank - dims.len()];
            expanded.extend(&dims);
            if dims.iter().all(|&d| d == 1) {
                new_operands.push(Operand::Value(v));
            } else if let Some(c) = constant::read(v) {
                new_operands.push(Operand::Const(c.into_shape(expanded).transposed(&inv)));
            } else if dims.iter().filter(|&&d| d != 1).count() == 1 {
                // One non-unit dim: transposing it moves no bytes, a reshape will do.
                new_operands.push(Operand::Reshaped(v, permute(&expanded, &inv)));
            } else {
                return;
            }
        }
        for (i, o) in new_operands.into_iter().enumerate() {
            let v = match o {
                Operand::Value(v) => v,
                Operand::Const(c) => constant::insert(op, &c),
                Operand::Reshaped(v, shape) => {
                    let Ok(s) = constant::insert_i32(op, &shape) else { return };
                    unsafe { mlirOperationGetResult(insert_op_before(op, "tfl.reshape", &[v, s], &[ranked_like(v, &shape)], &[]), 0) }
                }
            };
            set_operand(op, i, v);
        }
        self.reroute_through_transpose(op, &permute(&out_dims, &inv), &perm);
        if name(op) == "tfl.quantize" {
            // `qtype` names the result type, which now has the untransposed shape.
            unsafe { mlirOperationSetAttributeByName(op, edge_dialects::ir::str_ref("qtype"), mlirTypeAttrGet(mlirValueGetType(result(op, 0)))) };
        }
    }

    /// ReductionTransposeSink: reduce the untransposed input over the permuted axes
    /// (operand `axes_at`).
    fn reduction(&mut self, op: MlirOperation, axes_at: usize) {
        let Some((x, perm)) = transposed(operand(op, 0)) else { return };
        let Some(axes) = constant::read(operand(op, axes_at as isize)).and_then(|c| c.ints()) else { return };
        let Some(out_dims) = static_dims(result(op, 0)) else { return };
        let rank = perm.len() as i64;
        let mut reduced = vec![false; perm.len()];
        for a in axes {
            let a = if a < 0 { a + rank } else { a };
            if !(0..rank).contains(&a) {
                return;
            }
            reduced[a as usize] = true;
        }
        let keep_dims = matches!(attr(op, "keep_dims"), Some(edge_dialects::ir::Attr::Bool(true)));
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
        let Ok(axes_const) = ConstTensor::from_i32(unsafe { mlirOperationGetContext(op) }, vec![new_axes.len() as i64], &new_axes) else {
            return;
        };
        let axes_value = constant::insert(op, &axes_const);
        set_operand(op, 0, x);
        set_operand(op, axes_at, axes_value);
        self.reroute_through_transpose(op, &inner, &after);
    }

    /// PadTransposeSink: pad the untransposed input with permuted paddings (operand
    /// `paddings_at`).
    fn pad(&mut self, op: MlirOperation, paddings_at: usize) {
        let Some((x, perm)) = transposed(operand(op, 0)) else { return };
        let Some(pads) = constant::read(operand(op, paddings_at as isize)) else { return };
        let Some(values) = pads.ints() else { return };
        let Some(out_dims) = static_dims(result(op, 0)) else { return };
        if pads.shape != [perm.len() as i64, 2] {
            return;
        }
        let mut new = vec![0i64; values.len()];
        for (i, &p) in perm.iter().enumerate() {
            new[2 * p] = values[2 * i];
            new[2 * p + 1] = values[2 * i + 1];
        }
        let ctx = unsafe { mlirOperationGetContext(op) };
        let Ok(c) = ConstTensor::from_i32(ctx, pads.shape.clone(), &new) else { return };
        let c = constant::insert(op, &c);
        set_operand(op, 0, x);
        set_operand(op, paddings_at, c);
        self.reroute_through_transpose(op, &permute(&out_dims, &inverse(&perm)), &perm);
    }

    /// ConcatenationTransposeSink: every input a transpose by the same perm or a constant;
    /// the dim attribute `axis_attr` permuted.
    fn concatenation(&mut self, op: MlirOperation, axis_attr: &str) {
        let ins = operands(op);
        // A per-axis (de)quantize is tied to its dimension's position.
        let per_axis = |v: MlirValue| crate::legacy::quant::quant_of(v).is_some_and(|q| q.axis.is_some());
        if per_axis(result(op, 0)) || ins.iter().any(|&v| per_axis(v)) {
            return;
        }
        let Some(perm) = ins.iter().find_map(|&v| transposed(v).map(|t| t.1)) else { return };
        let Some(out_dims) = static_dims(result(op, 0)) else { return };
        let Some(axis) = attr(op, axis_attr).and_then(|a| a.as_int()) else { return };
        let rank = perm.len() as i64;
        let axis = if axis < 0 { axis + rank } else { axis };
        if !(0..rank).contains(&axis) || out_dims.len() != perm.len() {
            return;
        }
        let inv = inverse(&perm);
        let mut new_operands = Vec::new();
        for &v in &ins {
            match transposed(v) {
                Some((x, p)) if p == perm => new_operands.push(Operand::Value(x)),
                _ => match constant::read(v) {
                    Some(c) if c.shape.len() == perm.len() => new_operands.push(Operand::Const(c.transposed(&inv))),
                    _ => return,
                },
            }
        }
        for (i, o) in new_operands.into_iter().enumerate() {
            let v = match o {
                Operand::Value(v) => v,
                Operand::Const(c) => constant::insert(op, &c),
                Operand::Reshaped(..) => unreachable!("concatenation operands are transposes or constants"),
            };
            set_operand(op, i, v);
        }
        unsafe {
            let ctx = mlirOperationGetContext(op);
            let a = mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 32), perm[axis as usize] as i64);
            mlirOperationSetAttributeByName(op, string_ref(axis_attr), a);
        }
        self.reroute_through_transpose(op, &permute(&out_dims, &inv), &perm);
    }

    /// ReshapeTransposeSink: a reshape that splits or merges dims of a transposed
    /// value becomes a reshape of the value and a transpose after it.
    fn reshape(&mut self, op: MlirOperation) {
        let t = operand(op, 0);
        let Some((x, perm)) = transposed(t) else { return };
        let (Some(x_dims), Some(out_dims)) = (static_dims(x), static_dims(result(op, 0))) else { return };
        let (x, x_dims, perm) = match sink_through_reshape(&x_dims, &perm, &out_dims) {
            Some(_) => (x, x_dims, perm),
            None => {
                // ReshapeTransposeSplit: the reshape merges dims that are adjacent in x but
                // out of order. Reorder them with a transpose that stays above, and sink
                // the rest (channel shuffles: the NCHW part sinks on to cancel).
                let Some(order) = merge_order(&x_dims, &perm, &out_dims) else { return };
                let rest = compose(&inverse(&order), &perm);
                if is_identity(&rest) || use_count(t) != 1 {
                    return;
                }
                let order_i64: Vec<i64> = order.iter().map(|&d| d as i64).collect();
                let Ok(p) = constant::insert_i32(op, &order_i64) else { return };
                let dims = permute(&x_dims, &order);
                let r = insert_op_before(op, "tfl.transpose", &[x, p], &[ranked_like(x, &dims)], &[]);
                (unsafe { mlirOperationGetResult(r, 0) }, dims, rest)
            }
        };
        let Some((y, q)) = sink_through_reshape(&x_dims, &perm, &out_dims) else { return };
        // Moving a transpose below a reshape is progress only when it leaves no copy
        // behind or disappears.
        if use_count(t) != 1 && !is_identity(&q) {
            return;
        }
        let Ok(shape) = constant::insert_i32(op, &y) else { return };
        set_operand(op, 0, x);
        set_operand(op, 1, shape);
        self.reroute_through_transpose(op, &y, &q);
    }

    /// SliceTransposeSink: slice the untransposed input with permuted begin and size (the
    /// one-entry-per-dim operands `per_dim`).
    fn slice(&mut self, op: MlirOperation, per_dim: &[usize]) {
        let Some((x, perm)) = transposed(operand(op, 0)) else { return };
        let read = |i: usize| constant::read(operand(op, i as isize)).and_then(|c| c.ints());
        let Some(values) = per_dim.iter().map(|&i| read(i)).collect::<Option<Vec<_>>>() else { return };
        let Some(out_dims) = static_dims(result(op, 0)) else { return };
        if values.iter().any(|v| v.len() != perm.len()) {
            return;
        }
        let inv = inverse(&perm);
        let inserted: Vec<_> = values.iter().map(|v| constant::insert_i32(op, &permute(v, &inv))).collect();
        let Ok(permuted) = inserted.into_iter().collect::<Result<Vec<_>, _>>() else { return };
        set_operand(op, 0, x);
        for (&i, v) in per_dim.iter().zip(permuted) {
            set_operand(op, i, v);
        }
        self.reroute_through_transpose(op, &permute(&out_dims, &inv), &perm);
    }
}

enum Operand {
    Value(MlirValue),
    Const(ConstTensor),
    /// A value with one non-unit dim, reshaped to the given dims.
    Reshaped(MlirValue, Vec<i64>),
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

impl TflLayoutNhwc {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for _ in 0..MAX_SWEEPS {
            let mut sweep = Sweep { changed: false, failed: false };
            for op in body_ops(func) {
                let results = unsafe { mlirOperationGetNumResults(op) };
                // Dead ops (rewritten earlier in this sweep) wait for the cleanup below.
                if results == 0 || (0..results).all(|i| use_count(result(op, i)) == 0) {
                    continue;
                }
                sweep.visit(op);
                if sweep.failed {
                    emit_error(unsafe { mlirOperationGetLocation(op) }, "tfl-layout-nhwc: could not rebuild a transpose here");
                    return Err(PassFailed);
                }
            }
            erase_dead_ops(func);
            if !sweep.changed {
                break;
            }
        }
        let mut sweep = Sweep { changed: false, failed: false };
        for op in body_ops(func) {
            sweep.unit_dims_transpose(op);
        }
        erase_dead_ops(func);
        Ok(())
    }
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
        let strides = crate::legacy::constant::strides(dims);
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
    fn permutations_compose() {
        let p = vec![0, 3, 1, 2];
        assert!(is_identity(&compose(&p, &inverse(&p))));
        assert_eq!(compose(&[1, 0, 2], &[0, 2, 1]), vec![1, 2, 0]);
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflLayoutNhwc {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

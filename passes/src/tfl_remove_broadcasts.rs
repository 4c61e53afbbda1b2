//! `tfl-remove-broadcasts`: drops a `tfl.broadcast_to` that feeds an op which
//! broadcasts its operands itself (`Trait::Broadcasting` in the catalog), when the op's
//! result is the same without it.
//! StableHLO spells every broadcast out (`broadcast_in_dim`); TFLite's binary kernels
//! broadcast implicitly, so the explicit copy only costs memory and time.
//!
//!   %b = "tfl.broadcast_to"(%c, %shape) : (tensor<1x8x1x1xf32>, ...) -> tensor<2x8x4x4xf32>
//!   %r = "tfl.mul"(%x, %b) : (tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>) -> ...
//! becomes
//!   %r = "tfl.mul"(%x, %c) : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> ...
//!
//! A broadcast feeding an element-wise op (`Trait::ElementWise`) whose result would be
//! smaller without it moves below that op instead (BroadcastToSinkThroughElementwise),
//! so `rsqrt(x + eps)` over a broadcast vector is computed on the vector, and the
//! broadcast reaches a consumer that drops it.
//!
//! Input and output: TFL. A broadcast left with no user is erased; one with other
//! users (or a result of rank above 4, beyond every kernel's broadcasting) stays.

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::catalog::Trait::{Broadcasting, ElementWise};
use edge_dialects::TFL;
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-remove-broadcasts",
    summary: "Drop tfl.broadcast_to feeding ops that broadcast implicitly",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflRemoveBroadcasts))
}

/// Highest result rank the pass relies on kernels to broadcast.
const MAX_RANK: usize = 4;

struct TflRemoveBroadcasts;

/// The numpy broadcast of `shapes`, if they are compatible and static.
pub fn broadcast_shapes(shapes: &[Vec<i64>]) -> Option<Vec<i64>> {
    let rank = shapes.iter().map(Vec::len).max()?;
    let mut out = vec![1i64; rank];
    for s in shapes {
        for (i, &d) in s.iter().enumerate() {
            let o = &mut out[rank - s.len() + i];
            if d < 0 || (*o != 1 && d != 1 && d != *o) {
                return None;
            }
            if d != 1 {
                *o = d;
            }
        }
    }
    Some(out)
}

/// The source of `v` when a `tfl.broadcast_to` defines it.
fn broadcast_source(v: MlirValue) -> Option<MlirValue> {
    defining_op(v).filter(|op| name(*op) == "tfl.broadcast_to").map(|op| operand(op, 0))
}

/// `op(broadcast_to(a), b)` -> `broadcast_to(op(a, b))` when `op(a, b)` is smaller.
fn sink_broadcast(op: MlirOperation) {
    let n = name(op);
    if !TFL.lookup(&n).is_some_and(|d| d.has(ElementWise)) || unsafe { mlirOperationGetNumResults(op) } != 1 {
        return;
    }
    let ins = operands(op);
    if !ins.iter().any(|&v| broadcast_source(v).is_some()) {
        return;
    }
    let out = value_type(result(op, 0));
    if !out.is_static() || out.dims().len() > MAX_RANK {
        return;
    }
    let sources: Vec<MlirValue> = ins.iter().map(|&v| broadcast_source(v).unwrap_or(v)).collect();
    let shapes: Vec<Vec<i64>> = sources.iter().map(|&v| value_type(v).dims().to_vec()).collect();
    let Some(mut small) = broadcast_shapes(&shapes) else { return };
    if small.len() > out.dims().len() {
        return;
    }
    while small.len() < out.dims().len() {
        small.insert(0, 1);
    }
    if small == out.dims() || small.iter().zip(out.dims()).any(|(&s, &o)| s != 1 && s != o) {
        return;
    }
    let Ok(shape) = crate::legacy::constant::insert_i32(op, out.dims()) else { return };
    for (i, v) in sources.into_iter().enumerate() {
        set_operand(op, i, v);
    }
    let r = result(op, 0);
    let big = unsafe { mlirValueGetType(r) };
    unsafe {
        let elem = mlirShapedTypeGetElementType(big);
        mlirValueSetType(r, mlirRankedTensorTypeGet(small.len() as isize, small.as_ptr(), elem, mlirAttributeGetNull()));
        let b = insert_op_before(op, "tfl.broadcast_to", &[r, shape], &[big], &[]);
        mlirOperationMoveAfter(defining_op(shape).unwrap(), op);
        mlirOperationMoveAfter(b, defining_op(shape).unwrap());
        let mut except = b;
        mlirValueReplaceAllUsesExcept(r, mlirOperationGetResult(b, 0), 1, &mut except);
    }
}

impl TflRemoveBroadcasts {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        // In program order, so a broadcast sunk below one op is seen by the next.
        for op in body_ops(func) {
            sink_broadcast(op);
        }
        for op in body_ops(func) {
            if name(op) != "tfl.broadcast_to" {
                continue;
            }
            let source = operand(op, 0);
            for (user, index) in uses(result(op, 0)) {
                if !TFL.lookup(&name(user)).is_some_and(|d| d.has(Broadcasting)) {
                    continue;
                }
                let out = value_type(result(user, 0));
                if !out.is_static() || out.dims().len() > MAX_RANK {
                    continue;
                }
                let shapes: Vec<Vec<i64>> = operands(user)
                    .iter()
                    .enumerate()
                    .map(|(i, v)| value_type(if i == index { source } else { *v }).dims().to_vec())
                    .collect();
                if broadcast_shapes(&shapes).as_deref() == Some(out.dims()) {
                    set_operand(user, index, source);
                }
            }
            if use_count(result(op, 0)) == 0 {
                erase(op);
            }
        }
        erase_dead_ops(func);
        Ok(())
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflRemoveBroadcasts {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

//! Small safe helpers over MLIR's C API for passes that edit IR: walking ops,
//! reading and setting attributes, replacing uses and erasing ops.

use edge_dialects::ir::{attr_from_mlir, op_name, Attr};
use mlir_sys::*;

pub use edge_dialects::ir::str_ref as string_ref;

/// Every op nested under `root` (excluding `root`), in pre-order.
pub fn collect_ops(root: MlirOperation) -> Vec<MlirOperation> {
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut std::ffi::c_void) -> MlirWalkResult {
        (*(data as *mut Vec<MlirOperation>)).push(op);
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut ops: Vec<MlirOperation> = Vec::new();
    unsafe { mlirOperationWalk(root, Some(visit), &mut ops as *mut Vec<_> as *mut _, MlirWalkOrder_MlirWalkPreOrder) };
    ops.retain(|op| op.ptr != root.ptr);
    ops
}

pub fn name(op: MlirOperation) -> String {
    op_name(op)
}

pub fn attr(op: MlirOperation, name: &str) -> Option<Attr> {
    let a = unsafe { mlirOperationGetAttributeByName(op, string_ref(name)) };
    if a.ptr.is_null() { None } else { Some(attr_from_mlir(a)) }
}

pub fn set_string_attr(op: MlirOperation, name: &str, value: &str) {
    unsafe {
        let ctx = mlirOperationGetContext(op);
        let a = mlirStringAttrGet(ctx, string_ref(value));
        mlirOperationSetAttributeByName(op, string_ref(name), a);
    }
}

pub fn operand(op: MlirOperation, i: isize) -> MlirValue {
    unsafe { mlirOperationGetOperand(op, i) }
}

pub fn result(op: MlirOperation, i: isize) -> MlirValue {
    unsafe { mlirOperationGetResult(op, i) }
}

/// The op that defines `v`, if it is an op result.
pub fn defining_op(v: MlirValue) -> Option<MlirOperation> {
    unsafe { if mlirValueIsAOpResult(v) { Some(mlirOpResultGetOwner(v)) } else { None } }
}

/// Number of uses of `v`.
pub fn use_count(v: MlirValue) -> usize {
    let mut n = 0;
    unsafe {
        let mut u = mlirValueGetFirstUse(v);
        while !mlirOpOperandIsNull(u) {
            n += 1;
            u = mlirOpOperandGetNextUse(u);
        }
    }
    n
}

pub fn same_type(a: MlirValue, b: MlirValue) -> bool {
    unsafe { mlirTypeEqual(mlirValueGetType(a), mlirValueGetType(b)) }
}

pub fn replace_all_uses(of: MlirValue, with: MlirValue) {
    unsafe { mlirValueReplaceAllUsesOfWith(of, with) }
}

/// Erases an op whose results have no uses left.
pub fn erase(op: MlirOperation) {
    unsafe { mlirOperationDestroy(op) }
}

/// A new op `name` at `loc` with `operands`, `results` and `attrs`, inserted before
/// `anchor` in its block. Returns the new op.
pub fn insert_op_before(
    anchor: MlirOperation,
    name: &str,
    operands: &[MlirValue],
    results: &[MlirType],
    attrs: &[(&str, MlirAttribute)],
) -> MlirOperation {
    unsafe {
        let ctx = mlirOperationGetContext(anchor);
        let mut state = mlirOperationStateGet(string_ref(name), mlirOperationGetLocation(anchor));
        mlirOperationStateAddOperands(&mut state, operands.len() as isize, operands.as_ptr());
        mlirOperationStateAddResults(&mut state, results.len() as isize, results.as_ptr());
        let named: Vec<MlirNamedAttribute> =
            attrs.iter().map(|(n, a)| mlirNamedAttributeGet(mlirIdentifierGet(ctx, string_ref(n)), *a)).collect();
        mlirOperationStateAddAttributes(&mut state, named.len() as isize, named.as_ptr());
        let op = mlirOperationCreate(&mut state);
        mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(anchor), anchor, op);
        op
    }
}

/// Replaces every result of `old` with the matching result of `new` and erases `old`.
pub fn replace_op(old: MlirOperation, new: MlirOperation) {
    unsafe {
        for i in 0..mlirOperationGetNumResults(old) {
            mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(old, i), mlirOperationGetResult(new, i));
        }
        mlirOperationDestroy(old);
    }
}

/// The result types of `op`.
pub fn result_types(op: MlirOperation) -> Vec<MlirType> {
    unsafe { (0..mlirOperationGetNumResults(op)).map(|i| mlirValueGetType(mlirOperationGetResult(op, i))).collect() }
}

/// The operands of `op`.
pub fn operands(op: MlirOperation) -> Vec<MlirValue> {
    unsafe { (0..mlirOperationGetNumOperands(op)).map(|i| mlirOperationGetOperand(op, i)).collect() }
}

/// The raw attribute `name` of `op`, if set.
pub fn raw_attr(op: MlirOperation, name: &str) -> Option<MlirAttribute> {
    let a = unsafe { mlirOperationGetAttributeByName(op, string_ref(name)) };
    (!a.ptr.is_null()).then_some(a)
}

/// A string attribute in `op`'s context.
pub fn string_attr(op: MlirOperation, value: &str) -> MlirAttribute {
    unsafe { mlirStringAttrGet(mlirOperationGetContext(op), string_ref(value)) }
}

/// The ops of `func`'s body block, in order (not descending into their regions), so a
/// pass may replace a region-carrying op without visiting ops it destroyed.
pub fn body_ops(func: MlirOperation) -> Vec<MlirOperation> {
    let mut ops = Vec::new();
    unsafe {
        let block = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
        if block.ptr.is_null() {
            return ops;
        }
        let mut op = mlirBlockGetFirstOperation(block);
        while !op.ptr.is_null() {
            ops.push(op);
            op = mlirOperationGetNextInBlock(op);
        }
    }
    ops
}

/// Erases every op in `func`'s body whose results all go unused (tfl and stablehlo ops
/// have no side effects), users before producers so chains go in one sweep. Ops with
/// no results (`func.return`) stay. Returns how many were erased.
pub fn erase_dead_ops(func: MlirOperation) -> usize {
    let mut erased = 0;
    for op in body_ops(func).into_iter().rev() {
        let n = unsafe { mlirOperationGetNumResults(op) };
        let pure = name(op).starts_with("tfl.") || name(op).starts_with("stablehlo.");
        if pure && n > 0 && (0..n).all(|i| use_count(result(op, i)) == 0) {
            erase(op);
            erased += 1;
        }
    }
    erased
}

/// The uses of `v`: (user op, operand index), in use-list order.
pub fn uses(v: MlirValue) -> Vec<(MlirOperation, usize)> {
    let mut out = Vec::new();
    unsafe {
        let mut u = mlirValueGetFirstUse(v);
        while !mlirOpOperandIsNull(u) {
            out.push((mlirOpOperandGetOwner(u), mlirOpOperandGetOperandNumber(u) as usize));
            u = mlirOpOperandGetNextUse(u);
        }
    }
    out
}

/// Sets operand `i` of `op` to `v`.
pub fn set_operand(op: MlirOperation, i: usize, v: MlirValue) {
    unsafe { mlirOperationSetOperand(op, i as isize, v) }
}

/// A ranked tensor type of `shape` with `v`'s element type.
pub fn ranked_like(v: MlirValue, shape: &[i64]) -> MlirType {
    unsafe {
        let elem = mlirShapedTypeGetElementType(mlirValueGetType(v));
        mlirRankedTensorTypeGet(shape.len() as isize, shape.as_ptr(), elem, mlirAttributeGetNull())
    }
}

/// Sets the bool attribute `name` of `op`.
pub fn set_bool_attr(op: MlirOperation, name: &str, value: bool) {
    unsafe {
        let a = mlirBoolAttrGet(mlirOperationGetContext(op), value as i32);
        mlirOperationSetAttributeByName(op, string_ref(name), a);
    }
}

/// The tensor type of `v` as a plain value.
pub fn value_type(v: MlirValue) -> edge_dialects::ir::TensorTy {
    edge_dialects::ir::type_from_mlir(unsafe { mlirValueGetType(v) })
}

/// `op`'s attributes, by name, in order. Properties (`<{...}>`) are among them: parsing
/// made them attributes (`edge_dialects::ir::normalize_properties`).
pub fn attributes(op: MlirOperation) -> Vec<(String, MlirAttribute)> {
    unsafe {
        (0..mlirOperationGetNumAttributes(op))
            .map(|i| {
                let na = mlirOperationGetAttribute(op, i);
                let s = mlirIdentifierStr(na.name);
                (String::from_utf8_lossy(std::slice::from_raw_parts(s.data as *const u8, s.length)).into_owned(), na.attribute)
            })
            .collect()
    }
}

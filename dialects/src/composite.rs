//! `stablehlo.composite`: reading one (name, attributes, decomposition) and inlining its
//! decomposition function in its place. Passes that keep a composite whole map it to one
//! op; any other consumer inlines it here and sees ordinary ops. The raw MLIR calls live
//! here so passes stay free of `unsafe`.
//!
//! Spec (openxla/stablehlo `docs/spec.md`, composite): `name` is namespaced (C1), the
//! `decomposition` function is defined in a parent symbol table (C2) and its argument
//! and result types are the composite's operand and result types (C3, C4). Inlining
//! checks C2..C4 and refuses, with a message, a composite that breaks them.

use crate::ir::{attr_from_mlir, op_name, str_ref, type_from_mlir, Attr, TensorTy};
use mlir_sys::*;
use std::collections::{BTreeMap, HashMap};

/// The op name.
pub const COMPOSITE: &str = "stablehlo.composite";

/// A composite's name and attributes, as plain values.
#[derive(Clone, Debug, PartialEq)]
pub struct Composite {
    /// The op it stands for (`aten.gelu`).
    pub name: String,
    /// `composite_attributes`, by name.
    pub attrs: BTreeMap<String, Attr>,
    /// The decomposition function's symbol, without `@`.
    pub decomposition: String,
    /// `version` (0 when absent).
    pub version: i64,
    pub operands: Vec<TensorTy>,
    pub results: Vec<TensorTy>,
}

impl Composite {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.get(name)
    }
}

fn text(s: MlirStringRef) -> String {
    if s.data.is_null() {
        return String::new();
    }
    // SAFETY: MLIR hands out a pointer and length into storage it owns, valid here.
    let bytes = unsafe { std::slice::from_raw_parts(s.data as *const u8, s.length) };
    String::from_utf8_lossy(bytes).into_owned()
}

fn raw_attr(op: MlirOperation, name: &str) -> Option<MlirAttribute> {
    let a = unsafe { mlirOperationGetAttributeByName(op, str_ref(name)) };
    (!a.ptr.is_null()).then_some(a)
}

/// Reads composite `op`; `Err` says what is missing or malformed.
pub fn read(op: MlirOperation) -> Result<Composite, String> {
    if op_name(op) != COMPOSITE {
        return Err(format!("'{}' is not a {COMPOSITE}", op_name(op)));
    }
    let name = match raw_attr(op, "name").map(attr_from_mlir) {
        Some(Attr::Str(s)) => s,
        _ => return Err("a composite needs a string attribute 'name'".into()),
    };
    let decomposition = match raw_attr(op, "decomposition") {
        Some(a) if unsafe { mlirAttributeIsAFlatSymbolRef(a) } => text(unsafe { mlirFlatSymbolRefAttrGetValue(a) }),
        _ => return Err(format!("composite '{name}' needs a flat symbol reference 'decomposition'")),
    };
    let mut attrs = BTreeMap::new();
    if let Some(d) = raw_attr(op, "composite_attributes") {
        if !unsafe { mlirAttributeIsADictionary(d) } {
            return Err(format!("composite '{name}': 'composite_attributes' must be a dictionary"));
        }
        for i in 0..unsafe { mlirDictionaryAttrGetNumElements(d) } {
            let na = unsafe { mlirDictionaryAttrGetElement(d, i) };
            attrs.insert(text(unsafe { mlirIdentifierStr(na.name) }), attr_from_mlir(na.attribute));
        }
    }
    let version = raw_attr(op, "version").map(attr_from_mlir).and_then(|a| a.as_int()).unwrap_or(0);
    let operands = (0..unsafe { mlirOperationGetNumOperands(op) })
        .map(|i| type_from_mlir(unsafe { mlirValueGetType(mlirOperationGetOperand(op, i)) }))
        .collect();
    let results = (0..unsafe { mlirOperationGetNumResults(op) })
        .map(|i| type_from_mlir(unsafe { mlirValueGetType(mlirOperationGetResult(op, i)) }))
        .collect();
    Ok(Composite { name, attrs, decomposition, version, operands, results })
}

/// Whether `func` is a private function (`sym_visibility = "private"`). The converting
/// passes leave private functions alone: decompositions are reached through their
/// composites, and what is left unused is removed (`symbol-dce`).
pub fn is_private(func: MlirOperation) -> bool {
    matches!(raw_attr(func, "sym_visibility").map(attr_from_mlir), Some(Attr::Str(s)) if s == "private")
}

/// The function `symbol` names, looked up in the symbol tables around `op`, innermost
/// first (C2).
fn lookup_symbol(op: MlirOperation, symbol: &str) -> Option<MlirOperation> {
    let mut at = unsafe { mlirOperationGetParentOperation(op) };
    while !at.ptr.is_null() {
        let table = unsafe { mlirSymbolTableCreate(at) };
        if !table.ptr.is_null() {
            let found = unsafe { mlirSymbolTableLookup(table, str_ref(symbol)) };
            unsafe { mlirSymbolTableDestroy(table) };
            if !found.ptr.is_null() {
                return Some(found);
            }
        }
        at = unsafe { mlirOperationGetParentOperation(at) };
    }
    None
}

/// The decomposition function of composite `op`.
pub fn decomposition(op: MlirOperation) -> Result<MlirOperation, String> {
    let c = read(op)?;
    let f = lookup_symbol(op, &c.decomposition).ok_or_else(|| {
        format!("composite '{}': decomposition @{} is not defined (composite_c2)", c.name, c.decomposition)
    })?;
    if op_name(f) != "func.func" {
        return Err(format!("composite '{}': @{} is a '{}', not a func.func", c.name, c.decomposition, op_name(f)));
    }
    Ok(f)
}

/// Every op under `root`, `root` included, in pre-order.
fn walk(root: MlirOperation) -> Vec<MlirOperation> {
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut std::ffi::c_void) -> MlirWalkResult {
        (*(data as *mut Vec<MlirOperation>)).push(op);
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut ops: Vec<MlirOperation> = Vec::new();
    unsafe { mlirOperationWalk(root, Some(visit), &mut ops as *mut Vec<_> as *mut _, MlirWalkOrder_MlirWalkPreOrder) };
    ops
}

fn value_types(values: &[MlirValue]) -> Vec<MlirType> {
    values.iter().map(|&v| unsafe { mlirValueGetType(v) }).collect()
}

fn types_text(types: &[MlirType]) -> String {
    types.iter().map(|&t| crate::ir::print_type(t)).collect::<Vec<_>>().join(", ")
}

fn same_types(a: &[MlirType], b: &[MlirType]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| unsafe { mlirTypeEqual(x, y) })
}

/// The decomposition symbols the composites in `func`'s body name.
fn nested_decompositions(func: MlirOperation) -> Vec<(String, MlirOperation)> {
    walk(func)
        .into_iter()
        .filter(|&o| op_name(o) == COMPOSITE)
        .filter_map(|o| Some((read(o).ok()?.decomposition, o)))
        .collect()
}

/// `Err` when inlining `op` would never end: its decomposition reaches, through the
/// composites in the decompositions, a function already on the way.
fn check_not_recursive(op: MlirOperation, c: &Composite, func: MlirOperation) -> Result<(), String> {
    // Depth-first over the decompositions, with the path from `func`.
    let mut path: Vec<String> = vec![c.decomposition.clone()];
    let mut stack: Vec<Vec<(String, MlirOperation)>> = vec![nested_decompositions(func)];
    let mut done: Vec<String> = Vec::new();
    while let Some(top) = stack.last_mut() {
        let Some((symbol, site)) = top.pop() else {
            stack.pop();
            if let Some(finished) = path.pop() {
                done.push(finished);
            }
            continue;
        };
        if path.contains(&symbol) {
            return Err(format!(
                "composite '{}': decomposition @{} uses itself (through @{}), so it cannot be inlined",
                c.name,
                c.decomposition,
                path.iter().chain(std::iter::once(&symbol)).skip(1).cloned().collect::<Vec<_>>().join(", @")
            ));
        }
        if done.contains(&symbol) {
            continue;
        }
        let Some(f) = lookup_symbol(site, &symbol).or_else(|| lookup_symbol(op, &symbol)) else { continue };
        path.push(symbol);
        stack.push(nested_decompositions(f));
    }
    Ok(())
}

/// Replaces composite `op` by a copy of its decomposition's body: the function's
/// arguments become the composite's operands and what it returns replaces the
/// composite's results. The copies take the composite's location (they compute what it
/// computes, so diagnostics and tensor names point where it came from). Returns the new
/// ops in order; on `Err` nothing was changed.
pub fn inline(op: MlirOperation) -> Result<Vec<MlirOperation>, String> {
    let c = read(op)?;
    let func = decomposition(op)?;
    check_not_recursive(op, &c, func)?;
    let (block, args, ret) = unsafe {
        let region = mlirOperationGetRegion(func, 0);
        let block = mlirRegionGetFirstBlock(region);
        if block.ptr.is_null() || !mlirBlockGetNextInRegion(block).ptr.is_null() {
            return Err(format!("composite '{}': decomposition @{} must have one block", c.name, c.decomposition));
        }
        let args: Vec<MlirValue> =
            (0..mlirBlockGetNumArguments(block)).map(|i| mlirBlockGetArgument(block, i)).collect();
        let ret = mlirBlockGetTerminator(block);
        (block, args, ret)
    };
    if ret.ptr.is_null() || op_name(ret) != "func.return" {
        return Err(format!("composite '{}': decomposition @{} must end in func.return", c.name, c.decomposition));
    }
    let operands: Vec<MlirValue> =
        (0..unsafe { mlirOperationGetNumOperands(op) }).map(|i| unsafe { mlirOperationGetOperand(op, i) }).collect();
    let results: Vec<MlirValue> =
        (0..unsafe { mlirOperationGetNumResults(op) }).map(|i| unsafe { mlirOperationGetResult(op, i) }).collect();
    let returned: Vec<MlirValue> =
        (0..unsafe { mlirOperationGetNumOperands(ret) }).map(|i| unsafe { mlirOperationGetOperand(ret, i) }).collect();
    let (want_in, got_in) = (value_types(&operands), value_types(&args));
    if !same_types(&want_in, &got_in) {
        return Err(format!(
            "composite '{}' takes ({}) but its decomposition @{} takes ({}) (composite_c3)",
            c.name,
            types_text(&want_in),
            c.decomposition,
            types_text(&got_in)
        ));
    }
    let (want_out, got_out) = (value_types(&results), value_types(&returned));
    if !same_types(&want_out, &got_out) {
        return Err(format!(
            "composite '{}' returns ({}) but its decomposition @{} returns ({}) (composite_c4)",
            c.name,
            types_text(&want_out),
            c.decomposition,
            types_text(&got_out)
        ));
    }
    let mut map: HashMap<usize, MlirValue> = args.iter().zip(&operands).map(|(a, &o)| (a.ptr as usize, o)).collect();
    let loc = unsafe { mlirOperationGetLocation(op) };
    let anchor_block = unsafe { mlirOperationGetBlock(op) };
    let mut new_ops = Vec::new();
    let mut at = unsafe { mlirBlockGetFirstOperation(block) };
    while !at.ptr.is_null() && at.ptr != ret.ptr {
        let copy = unsafe { mlirOperationClone(at) };
        unsafe { mlirBlockInsertOwnedOperationBefore(anchor_block, op, copy) };
        for inner in walk(copy) {
            unsafe { mlirOperationSetLocation(inner, loc) };
            for i in 0..unsafe { mlirOperationGetNumOperands(inner) } {
                let v = unsafe { mlirOperationGetOperand(inner, i) };
                if let Some(&to) = map.get(&(v.ptr as usize)) {
                    unsafe { mlirOperationSetOperand(inner, i, to) };
                }
            }
        }
        for i in 0..unsafe { mlirOperationGetNumResults(at) } {
            let (from, to) = unsafe { (mlirOperationGetResult(at, i), mlirOperationGetResult(copy, i)) };
            map.insert(from.ptr as usize, to);
        }
        new_ops.push(copy);
        at = unsafe { mlirOperationGetNextInBlock(at) };
    }
    for (r, v) in results.iter().zip(&returned) {
        let to = map.get(&(v.ptr as usize)).copied().unwrap_or(*v);
        unsafe { mlirValueReplaceAllUsesOfWith(*r, to) };
    }
    unsafe { mlirOperationDestroy(op) };
    Ok(new_ops)
}

// ---- Small safe helpers for the passes that consume composites ------------------------

/// The op after `op` in its block, if any (to read before `op` is replaced).
pub fn next_op(op: MlirOperation) -> Option<MlirOperation> {
    let next = unsafe { mlirOperationGetNextInBlock(op) };
    (!next.ptr.is_null()).then_some(next)
}

/// Reports `message` as an error at `op`'s location.
pub fn error_at(op: MlirOperation, message: &str) {
    crate::verify::emit_error(unsafe { mlirOperationGetLocation(op) }, message);
}

// ---- Attributes of the TFL ops that replace composites ---------------------------------

/// An f32 float attribute in `anchor`'s context (`alpha`, `beta`).
pub fn f32_attr(anchor: MlirOperation, value: f64) -> MlirAttribute {
    unsafe {
        let ctx = mlirOperationGetContext(anchor);
        mlirFloatAttrDoubleGet(ctx, mlirF32TypeGet(ctx), value)
    }
}

/// A bool attribute in `anchor`'s context.
pub fn bool_attr(anchor: MlirOperation, value: bool) -> MlirAttribute {
    unsafe { mlirBoolAttrGet(mlirOperationGetContext(anchor), value as i32) }
}

//! Inlining `func.call`: JAX outlines functions (a `jax.custom_jvp` such as `relu`,
//! `argmax`, `sort`...) as private `func.func`s it calls, while edge's passes and the
//! flatbuffer writer work on one function. MLIR's own `inline` pass cannot do it: it
//! inlines only ops whose dialect has an inliner interface, which the unregistered
//! `stablehlo` and `tfl` lack.
//!
//! Every `func.call` in the module is replaced by a copy of its callee's body (one
//! block; the callee's block arguments become the call's operands and its
//! `func.return` operands the call's results), innermost calls included; then every
//! private function nothing refers to any more is erased. Public functions stay.

use crate::ir::{op_name, str_ref};
use mlir_sys::*;
use std::collections::HashMap;

/// Inlining failed; the reasons were emitted as errors at the calls' locations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InlineFailed;

/// What `inline_calls` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Inlined {
    pub calls: usize,
    pub functions_erased: usize,
}

fn walk(root: MlirOperation) -> Vec<MlirOperation> {
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut std::ffi::c_void) -> MlirWalkResult {
        (*(data as *mut Vec<MlirOperation>)).push(op);
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut ops: Vec<MlirOperation> = Vec::new();
    unsafe { mlirOperationWalk(root, Some(visit), &mut ops as *mut Vec<_> as *mut _, MlirWalkOrder_MlirWalkPreOrder) };
    ops
}

fn string_of(s: MlirStringRef) -> String {
    if s.data.is_null() {
        return String::new();
    }
    // SAFETY: MLIR string refs point at `length` valid bytes owned by the context.
    String::from_utf8_lossy(unsafe { std::slice::from_raw_parts(s.data as *const u8, s.length) }).into_owned()
}

/// The symbol a `func.call` calls.
fn callee(call: MlirOperation) -> Option<String> {
    unsafe {
        let a = mlirOperationGetAttributeByName(call, str_ref("callee"));
        (!a.ptr.is_null() && mlirAttributeIsAFlatSymbolRef(a)).then(|| string_of(mlirFlatSymbolRefAttrGetValue(a)))
    }
}

fn string_attr(op: MlirOperation, name: &str) -> Option<String> {
    unsafe {
        let a = mlirOperationGetAttributeByName(op, str_ref(name));
        (!a.ptr.is_null() && mlirAttributeIsAString(a)).then(|| string_of(mlirStringAttrGetValue(a)))
    }
}

/// The symbols `a` names (a flat symbol reference, or one inside arrays and
/// dictionaries).
fn symbols_in(a: MlirAttribute, out: &mut Vec<String>) {
    unsafe {
        if mlirAttributeIsAFlatSymbolRef(a) {
            out.push(string_of(mlirFlatSymbolRefAttrGetValue(a)));
        } else if mlirAttributeIsASymbolRef(a) {
            out.push(string_of(mlirSymbolRefAttrGetRootReference(a)));
        } else if mlirAttributeIsAArray(a) {
            for i in 0..mlirArrayAttrGetNumElements(a) {
                symbols_in(mlirArrayAttrGetElement(a, i), out);
            }
        } else if mlirAttributeIsADictionary(a) {
            for i in 0..mlirDictionaryAttrGetNumElements(a) {
                symbols_in(mlirDictionaryAttrGetElement(a, i).attribute, out);
            }
        }
    }
}

fn emit(op: MlirOperation, message: &str) {
    crate::verify::emit_error(unsafe { mlirOperationGetLocation(op) }, message);
}

/// The module's functions (the ops of its body), by name.
fn functions_of(module: MlirOperation) -> HashMap<String, MlirOperation> {
    let mut out = HashMap::new();
    unsafe {
        let block = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
        let mut op = if block.ptr.is_null() { MlirOperation { ptr: std::ptr::null_mut() } } else { mlirBlockGetFirstOperation(block) };
        while !op.ptr.is_null() {
            if op_name(op) == "func.func" {
                if let Some(name) = string_attr(op, "sym_name") {
                    out.insert(name, op);
                }
            }
            op = mlirOperationGetNextInBlock(op);
        }
    }
    out
}

fn calls_in(op: MlirOperation) -> Vec<MlirOperation> {
    walk(op).into_iter().filter(|o| op_name(*o) == "func.call").collect()
}

/// A call on a cycle of calls, if there is one (a function that reaches itself).
fn recursive_call(functions: &HashMap<String, MlirOperation>) -> Option<MlirOperation> {
    // Depth-first over the call graph; `on_path` holds the functions being visited.
    fn visit<'a>(
        name: &'a str,
        graph: &'a HashMap<String, Vec<(String, MlirOperation)>>,
        on_path: &mut Vec<&'a str>,
        finished: &mut Vec<&'a str>,
    ) -> Option<MlirOperation> {
        on_path.push(name);
        for (callee, call) in graph.get(name).into_iter().flatten() {
            if on_path.contains(&callee.as_str()) {
                return Some(*call);
            }
            if !finished.contains(&callee.as_str()) {
                if let Some(c) = visit(callee, graph, on_path, finished) {
                    return Some(c);
                }
            }
        }
        on_path.pop();
        finished.push(name);
        None
    }
    let graph: HashMap<String, Vec<(String, MlirOperation)>> = functions
        .iter()
        .map(|(n, f)| (n.clone(), calls_in(*f).into_iter().filter_map(|c| Some((callee(c)?, c))).collect()))
        .collect();
    let mut names: Vec<&String> = functions.keys().collect();
    names.sort();
    let mut finished = Vec::new();
    names.into_iter().find_map(|n| visit(n, &graph, &mut Vec::new(), &mut finished))
}

/// Inlines every `func.call` under `module` and erases the private functions left
/// unreferenced. A call to a function the module does not define (or only declares),
/// a callee of several blocks, and recursion are errors at the call.
pub fn inline_calls(module: crate::mlir::Op) -> Result<Inlined, InlineFailed> {
    let module = module.to_raw();
    let mut done = Inlined::default();
    let functions = functions_of(module);
    if let Some(call) = recursive_call(&functions) {
        let name = callee(call).unwrap_or_default();
        emit(call, &format!("cannot inline the call to '@{name}': it is recursive"));
        return Err(InlineFailed);
    }
    // Without cycles, each round removes a level of calls: at most one per function.
    for _ in 0..=functions.len() {
        let calls = calls_in(module);
        if calls.is_empty() {
            done.functions_erased = erase_unreferenced_private(module);
            return Ok(done);
        }
        let mut failed = false;
        for call in calls {
            let name = callee(call).unwrap_or_default();
            let Some(&f) = functions.get(&name) else {
                emit(call, &format!("cannot inline the call to '@{name}': the module has no such function"));
                failed = true;
                continue;
            };
            if let Err(why) = inline_call(call, f) {
                emit(call, &format!("cannot inline the call to '@{name}': {why}"));
                failed = true;
            } else {
                done.calls += 1;
            }
        }
        if failed {
            return Err(InlineFailed);
        }
    }
    // Unreachable without a cycle; kept as an error rather than a loop.
    for call in calls_in(module) {
        emit(call, "cannot inline the call: calls still nest after one round per function");
    }
    Err(InlineFailed)
}

/// Replaces `call` by a copy of `f`'s body.
fn inline_call(call: MlirOperation, f: MlirOperation) -> Result<(), String> {
    unsafe {
        let region = mlirOperationGetRegion(f, 0);
        let block = mlirRegionGetFirstBlock(region);
        if block.ptr.is_null() {
            return Err("it is only declared".into());
        }
        if !mlirBlockGetNextInRegion(block).ptr.is_null() {
            return Err("its body has several blocks; only single-block functions are inlined".into());
        }
        let n_args = mlirBlockGetNumArguments(block);
        if n_args != mlirOperationGetNumOperands(call) {
            return Err(format!(
                "it takes {n_args} arguments and the call passes {}",
                mlirOperationGetNumOperands(call)
            ));
        }
        let mut map: HashMap<*const std::ffi::c_void, MlirValue> = HashMap::new();
        for i in 0..n_args {
            map.insert(mlirBlockGetArgument(block, i).ptr, mlirOperationGetOperand(call, i));
        }
        let call_block = mlirOperationGetBlock(call);
        let call_loc = mlirOperationGetLocation(call);
        // The body as it is now: copies go into the caller, never back into it.
        let mut body = Vec::new();
        let mut next = mlirBlockGetFirstOperation(block);
        while !next.ptr.is_null() {
            body.push(next);
            next = mlirOperationGetNextInBlock(next);
        }
        let mut returned: Option<Vec<MlirValue>> = None;
        for op in body {
            if op_name(op) == "func.return" {
                let values = (0..mlirOperationGetNumOperands(op))
                    .map(|i| {
                        let v = mlirOperationGetOperand(op, i);
                        map.get(&v.ptr).copied().unwrap_or(v)
                    })
                    .collect();
                returned = Some(values);
                break;
            }
            let copy = mlirOperationClone(op);
            mlirBlockInsertOwnedOperationBefore(call_block, call, copy);
            // The copy and the ops nested in it may read the callee's values: point them
            // at the caller's (values defined inside the copy are already its own).
            for inner in walk(copy) {
                for i in 0..mlirOperationGetNumOperands(inner) {
                    if let Some(&v) = map.get(&mlirOperationGetOperand(inner, i).ptr) {
                        mlirOperationSetOperand(inner, i, v);
                    }
                }
                let loc = mlirLocationCallSiteGet(mlirOperationGetLocation(inner), call_loc);
                mlirOperationSetLocation(inner, loc);
            }
            for i in 0..mlirOperationGetNumResults(op) {
                map.insert(mlirOperationGetResult(op, i).ptr, mlirOperationGetResult(copy, i));
            }
        }
        let returned = returned.ok_or("its body does not end in func.return")?;
        if returned.len() != mlirOperationGetNumResults(call) as usize {
            return Err(format!(
                "it returns {} values and the call has {} results",
                returned.len(),
                mlirOperationGetNumResults(call)
            ));
        }
        for (i, v) in returned.into_iter().enumerate() {
            mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(call, i as isize), v);
        }
        mlirOperationDestroy(call);
        Ok(())
    }
}

/// Erases the private functions nothing refers to (by a symbol in any attribute of
/// any op), until none is left; returns how many.
fn erase_unreferenced_private(module: MlirOperation) -> usize {
    let mut erased = 0;
    let is_private = |f: MlirOperation| string_attr(f, "sym_visibility").as_deref() == Some("private");
    loop {
        // Most modules have none: no need to read every attribute.
        if !functions_of(module).values().any(|f| is_private(*f)) {
            return erased;
        }
        let mut referenced: Vec<String> = Vec::new();
        for op in walk(module) {
            unsafe {
                for i in 0..mlirOperationGetNumAttributes(op) {
                    let na = mlirOperationGetAttribute(op, i);
                    // A function's own name is no use of it.
                    if op_name(op) == "func.func" && string_of(mlirIdentifierStr(na.name)) == "sym_name" {
                        continue;
                    }
                    symbols_in(na.attribute, &mut referenced);
                }
            }
        }
        let dead: Vec<MlirOperation> = functions_of(module)
            .into_iter()
            .filter(|(n, f)| is_private(*f) && !referenced.contains(n))
            .map(|(_, f)| f)
            .collect();
        if dead.is_empty() {
            return erased;
        }
        // Erased functions may have held the last references to others: look again.
        for f in dead {
            unsafe { mlirOperationDestroy(f) };
            erased += 1;
        }
    }
}

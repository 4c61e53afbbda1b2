//! The verify step: MLIR cannot verify ops of unregistered dialects, so every `tfl.*`
//! and `stablehlo.*` op is checked here against its catalog entry. It runs after
//! parsing and after every pass; each problem is reported at the op's location.

use crate::catalog::{Arity, OpDef, Presence, ValueDef};
use crate::ir::{op_view, ElemTy, OpView, TensorTy};
use crate::{dialect_of, Dialect};
use mlir_sys::*;

/// Checks one op against its entry. Returns every problem found (messages without the
/// `'op' op` prefix).
pub fn check_op(def: &OpDef, op: &OpView) -> Vec<String> {
    let mut errors = Vec::new();
    match assign(def.operands, op.operands.len()) {
        Ok(groups) => check_values("operand", def.operands, &groups, &op.operands, &mut errors),
        Err(e) => errors.push(format!("expected {e} operands, got {}", op.operands.len())),
    }
    match assign(def.results, op.results.len()) {
        Ok(groups) => check_values("result", def.results, &groups, &op.results, &mut errors),
        Err(e) => errors.push(format!("expected {e} results, got {}", op.results.len())),
    }
    for a in def.attrs {
        match (op.attrs.get(a.name), a.presence) {
            (None, Presence::Required) => errors.push(format!("requires attribute '{}'", a.name)),
            (None, Presence::Optional) => {}
            (Some(v), _) => {
                if let Err(e) = a.kind.check(v) {
                    errors.push(format!("attribute '{}' {e}", a.name));
                }
            }
        }
    }
    if op.num_regions != def.regions {
        errors.push(format!("expected {} regions, got {}", def.regions, op.num_regions));
    }
    if !errors.is_empty() {
        return errors;
    }
    if let Some(verify) = def.verify {
        if let Err(e) = verify(op) {
            errors.push(e);
            return errors;
        }
    }
    if let Some(infer) = def.infer {
        match infer(op) {
            Ok(expected) => {
                for (i, (want, got)) in expected.iter().zip(&op.results).enumerate() {
                    if !want.compatible(got) {
                        errors.push(format!("result #{i} has type {got}, but the operands and attributes give {want}"));
                    }
                }
            }
            Err(e) => errors.push(e),
        }
    }
    errors
}

/// Splits `n` values over the slots; `Err` describes the expected count.
fn assign(defs: &[ValueDef], n: usize) -> Result<Vec<(usize, usize)>, String> {
    let ones = defs.iter().filter(|d| d.arity == Arity::One).count();
    let optionals = defs.iter().filter(|d| d.arity == Arity::Optional).count();
    let variadic = defs.iter().any(|d| d.arity == Arity::Variadic);
    let describe = || {
        if variadic {
            format!("at least {ones}")
        } else if optionals > 0 {
            format!("{ones} to {}", ones + optionals)
        } else {
            format!("{ones}")
        }
    };
    if n < ones || (!variadic && n > ones + optionals) {
        return Err(describe());
    }
    // Optionals are filled left to right; a variadic slot takes what remains.
    let mut spare = n - ones;
    let mut optional_fill = if variadic { 0 } else { spare };
    let mut groups = Vec::with_capacity(defs.len());
    let mut pos = 0;
    for d in defs {
        let take = match d.arity {
            Arity::One => 1,
            Arity::Optional => {
                if optional_fill > 0 {
                    optional_fill -= 1;
                    spare -= 1;
                    1
                } else {
                    0
                }
            }
            Arity::Variadic => std::mem::take(&mut spare),
        };
        groups.push((pos, take));
        pos += take;
    }
    Ok(groups)
}

fn check_values(what: &str, defs: &[ValueDef], groups: &[(usize, usize)], values: &[TensorTy], errors: &mut Vec<String>) {
    for (d, &(start, len)) in defs.iter().zip(groups) {
        for (k, v) in values[start..start + len].iter().enumerate() {
            if d.arity == Arity::Optional && v.elem == ElemTy::None {
                continue;
            }
            if !d.elems.iter().any(|e| e.accepts(&v.elem)) {
                let accepted: Vec<_> = d.elems.iter().map(|e| e.describe()).collect();
                let index = if d.arity == Arity::Variadic { format!(" #{k}") } else { String::new() };
                errors.push(format!(
                    "{what} '{}'{index} must have element type {}, got {v}",
                    d.name,
                    accepted.join(" or ")
                ));
            }
        }
    }
}

/// Verifies every catalogued op under `root` (walking nested regions), emitting each
/// problem as an MLIR error at the op's location. Returns the number of errors.
pub fn verify_operation(root: MlirOperation) -> usize {
    struct State {
        errors: usize,
    }
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut std::ffi::c_void) -> MlirWalkResult {
        let state = &mut *(data as *mut State);
        let name = crate::ir::op_name(op);
        let Some(dialect) = name.split_once('.').and_then(|(ns, _)| dialect_of(ns)) else {
            return MlirWalkResult_MlirWalkResultAdvance;
        };
        // A panic must not unwind into MLIR's walk: it becomes an error at the op.
        let Some(problems) = crate::guard::catch_at_op(op, &format!("the verifier of '{name}'"), || check_named(dialect, &name, op))
        else {
            state.errors += 1;
            return MlirWalkResult_MlirWalkResultAdvance;
        };
        for p in problems {
            emit_error(mlirOperationGetLocation(op), &format!("'{name}' op {p}"));
            state.errors += 1;
        }
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut state = State { errors: 0 };
    unsafe {
        mlirOperationWalk(root, Some(visit), &mut state as *mut State as *mut _, MlirWalkOrder_MlirWalkPreOrder);
    }
    state.errors
}

fn check_named(dialect: &Dialect, name: &str, op: MlirOperation) -> Vec<String> {
    match dialect.lookup(name) {
        None => vec![format!("is not a known {} operation", dialect.namespace)],
        Some(def) => {
            // Passes walk region bodies through raw block handles: their shape is checked
            // before any op rule reads them.
            let regions = check_regions(dialect, def, op);
            if !regions.is_empty() {
                return regions;
            }
            check_op(def, &op_view(op))
        }
    }
}

/// The number of block arguments a region of op `name` with `operands` operands takes,
/// for the ops whose regions passes read arguments of (StableHLO spec: reduce_c6,
/// reduce_window_c13, sort_c5, scatter_c6, select_and_scatter_c9..c10, map_c5, while_c1).
fn region_arguments(name: &str, region: usize, operands: usize) -> Option<usize> {
    match name {
        "stablehlo.reduce" | "stablehlo.reduce_window" | "stablehlo.map" | "stablehlo.while" => Some(operands),
        "stablehlo.sort" => Some(2 * operands),
        "stablehlo.scatter" => Some(operands.saturating_sub(1)),
        "stablehlo.select_and_scatter" => Some(2),
        "stablehlo.if" | "stablehlo.case" => Some(0),
        _ => {
            let _ = region;
            None
        }
    }
}

/// Each region of a catalogued op is one block that ends in its dialect's terminator and
/// takes the arguments the op gives it.
fn check_regions(dialect: &Dialect, def: &OpDef, op: MlirOperation) -> Vec<String> {
    if def.regions == 0 {
        return Vec::new();
    }
    let terminator = if dialect.namespace == "tfl" { "tfl.yield" } else { "stablehlo.return" };
    let mut errors = Vec::new();
    unsafe {
        let operands = mlirOperationGetNumOperands(op) as usize;
        for r in 0..(mlirOperationGetNumRegions(op) as usize).min(def.regions) {
            let region = mlirOperationGetRegion(op, r as isize);
            let block = mlirRegionGetFirstBlock(region);
            let mut blocks = 0;
            let mut b = block;
            while !b.ptr.is_null() {
                blocks += 1;
                b = mlirBlockGetNextInRegion(b);
            }
            if blocks != 1 {
                errors.push(format!("region #{r} must have one block, got {blocks}"));
                continue;
            }
            let last = mlirBlockGetTerminator(block);
            let last = if last.ptr.is_null() { mlirBlockGetFirstOperation(block) } else { last };
            let mut end = last;
            while !end.ptr.is_null() && !mlirOperationGetNextInBlock(end).ptr.is_null() {
                end = mlirOperationGetNextInBlock(end);
            }
            if end.ptr.is_null() || crate::ir::op_name(end) != terminator {
                errors.push(format!("region #{r} must end with '{terminator}'"));
            }
            let args = mlirBlockGetNumArguments(block) as usize;
            if let Some(want) = region_arguments(def.name, r, operands) {
                if args != want {
                    errors.push(format!("region #{r} must take {want} arguments, got {args}"));
                }
            }
        }
    }
    errors
}

/// Emits an error diagnostic at `loc` through the context's handlers.
pub fn emit_error(loc: MlirLocation, message: &str) {
    // Interior NULs cannot be passed to C; they never occur in our messages.
    let c = std::ffi::CString::new(message.replace('\0', " ")).unwrap_or_default();
    unsafe { mlirEmitError(loc, c.as_ptr()) };
}

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
        Some(def) => check_op(def, &op_view(op)),
    }
}

/// Emits an error diagnostic at `loc` through the context's handlers.
pub fn emit_error(loc: MlirLocation, message: &str) {
    // Interior NULs cannot be passed to C; they never occur in our messages.
    let c = std::ffi::CString::new(message.replace('\0', " ")).unwrap_or_default();
    unsafe { mlirEmitError(loc, c.as_ptr()) };
}

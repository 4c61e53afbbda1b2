//! `legalize-stablehlo-to-tfl`: rewrites StableHLO ops into TFL ops through the rule
//! table in `legalize/stablehlo_to_tfl.rs`.
//!
//! Input: a function of `stablehlo.*` ops (as the pt2 importer writes, or another
//! producer in generic form: JAX's layouts, either printed form of the dialect
//! attributes). Output: the same function where every op with a matching rule is a
//! `tfl.*` op. Every op left illegal is reported at its location, all at once, in
//! MLIR's wording (`failed to legalize operation 'stablehlo.foo'`), and the pass
//! fails; nothing is silently kept.
//!
//!   %0 = "stablehlo.add"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
//! becomes
//!   %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (...) -> tensor<4xf32>

use crate::legalize::stablehlo_to_tfl::{apply, lookup};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::verify::emit_error;
use mlir_sys::{
    mlirBlockGetFirstOperation, mlirOperationGetLocation, mlirOperationGetNextInBlock, mlirOperationGetRegion, mlirRegionGetFirstBlock,
    MlirOperation,
};

pub static INFO: PassInfo = PassInfo {
    name: "legalize-stablehlo-to-tfl",
    summary: "Rewrite StableHLO ops into TFL ops; report every op left illegal",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(LegalizeStablehloToTfl))
}

struct LegalizeStablehloToTfl;

/// What the TFL catalog says is wrong with `op` (empty when it is valid).
fn catalog_problems(op: MlirOperation) -> Vec<String> {
    let view = edge_dialects::ir::op_view(op);
    match edge_dialects::TFL.lookup(&view.name) {
        Some(def) => edge_dialects::verify::check_op(def, &view).into_iter().map(|p| format!("'{}' {p}", view.name)).collect(),
        None => vec![format!("'{}' is not a known tfl operation", view.name)],
    }
}

impl LegalizeStablehloToTfl {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        let mut illegal = 0;
        // Body ops only: a region-carrying op (reduce) is replaced or reported whole. The
        // walk reads the next op only after a rule has run: a rule may fold later ops
        // into its replacement (pooling takes the divide after its window sum) and erase
        // them.
        let mut op = unsafe { mlirBlockGetFirstOperation(mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0))) };
        while !op.ptr.is_null() {
            let op_name = name(op);
            if !op_name.starts_with("stablehlo.") {
                op = unsafe { mlirOperationGetNextInBlock(op) };
                continue;
            }
            let loc = unsafe { mlirOperationGetLocation(op) };
            let outcome = match lookup(&op_name) {
                Some(rule) => apply(rule, op),
                None => Ok(None),
            };
            let next = unsafe { mlirOperationGetNextInBlock(op) };
            match outcome {
                Ok(Some(new)) => {
                    // A rule fires only where the TFL op accepts the types (TFLite has no
                    // f16 or bf16 arithmetic kernels, for one); otherwise the op stays.
                    let problems = catalog_problems(new);
                    if problems.is_empty() {
                        replace_op(op, new);
                    } else {
                        erase(new);
                        emit_error(loc, &format!("failed to legalize operation '{op_name}': {}", problems.join("; ")));
                        illegal += 1;
                    }
                }
                Ok(None) => {
                    emit_error(loc, &format!("failed to legalize operation '{op_name}'"));
                    illegal += 1;
                }
                Err(e) => {
                    emit_error(loc, &format!("failed to legalize operation '{op_name}': {e}"));
                    illegal += 1;
                }
            }
            op = next;
        }
        if illegal > 0 { Err(PassFailed) } else { Ok(()) }
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for LegalizeStablehloToTfl {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

//! `edge-verify`: checks every `tfl.*` and `stablehlo.*` op against its catalog entry
//! (operands, attributes, result types) and fails with an error at each bad op. The
//! pipeline runner already verifies after each pass; this pass puts the check at an
//! explicit point of a pipeline. It never changes the IR.

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use mlir_sys::MlirOperation;

pub static INFO: PassInfo = PassInfo {
    name: "edge-verify",
    summary: "Check tfl and stablehlo ops against their catalogs",
    anchor: "builtin.module",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(EdgeVerify))
}

struct EdgeVerify;

impl EdgeVerify {
    fn run_legacy(&self, op: MlirOperation) -> Result<(), PassFailed> {
        if edge_dialects::verify::verify_operation(op) == 0 { Ok(()) } else { Err(PassFailed) }
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for EdgeVerify {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

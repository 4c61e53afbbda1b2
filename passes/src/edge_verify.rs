//! `edge-verify`: checks every `tfl.*` and `stablehlo.*` op against its catalog entry
//! (operands, attributes, result types) and fails with an error at each bad op. The
//! pipeline runner already verifies after each pass; this pass puts the check at an
//! explicit point of a pipeline. It never changes the IR.

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::mlir::func::Module;
use edge_dialects::mlir::Op;

pub static INFO: PassInfo = PassInfo {
    name: "edge-verify",
    summary: "Check tfl and stablehlo ops against their catalogs",
    anchor: Module::NAME,
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(EdgeVerify))
}

struct EdgeVerify;

impl Pass for EdgeVerify {
    fn run(&self, module: Op<'_>) -> Result<bool, PassFailed> {
        if module.verify_catalog() == 0 { Ok(false) } else { Err(PassFailed) }
    }
}

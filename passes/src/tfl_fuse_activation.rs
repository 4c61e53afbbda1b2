//! `tfl-fuse-activation`: folds an activation op whose catalog entry says which
//! `fused_activation_function` it becomes (`Trait::FusibleActivation`: `tfl.relu`,
//! `tfl.relu6`, `tfl.relu_n1_to_1`) into the op that produces its input, when that op
//! has `fused_activation_function = "NONE"`, its catalog entry admits the activation
//! (CONCATENATION's kernels, for one, do not), the same result type, and no other user.
//!
//!   %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"}
//!   %1 = "tfl.relu6"(%0)
//! becomes
//!   %1 = "tfl.add"(%a, %b) {fused_activation_function = "RELU6"}
//!
//! TANH is not fused: several TFLite kernels reject it as a fused activation.

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::ir::Attr;
use mlir_sys::MlirOperation;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-fuse-activation",
    summary: "Fuse relu, relu6 and relu_n1_to_1 into the producing op's fused_activation_function",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflFuseActivation))
}

struct TflFuseActivation;

/// Whether `op`'s catalog entry accepts `fused_activation_function = activation`.
fn admits(op: &str, activation: &str) -> bool {
    edge_dialects::TFL.lookup(op).is_some_and(|def| def.admits_fused_activation(activation))
}

impl TflFuseActivation {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for op in collect_ops(func) {
            let op_name = name(op);
            let fused = edge_dialects::TFL.lookup(&op_name).and_then(|d| d.fusible_activation());
            let Some(fused) = fused else { continue };
            let input = operand(op, 0);
            let Some(producer) = defining_op(input) else { continue };
            let fusible = admits(&name(producer), fused)
                && attr(producer, "fused_activation_function") == Some(Attr::Str("NONE".into()))
                && use_count(input) == 1
                && same_type(input, result(op, 0));
            if fusible {
                set_string_attr(producer, "fused_activation_function", fused);
                replace_all_uses(result(op, 0), input);
                erase(op);
            }
        }
        Ok(())
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflFuseActivation {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

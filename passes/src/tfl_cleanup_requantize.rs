//! `tfl-cleanup-requantize`: removes quantization round trips the other passes leave.
//! `quantize(dequantize(x))` is `x` when the types agree and one requantize of `x`
//! otherwise; a quantize to the type its input already has is that input.
//!
//!   %f = "tfl.dequantize"(%x : i8 s=0.02)
//!   %y = "tfl.quantize"(%f) {qtype = i8 s=0.02}
//! becomes %x; with qtype s=0.04, `%y = "tfl.quantize"(%x)` (an int8 -> int8 requantize).

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::legacy::quant::quant_of;
use crate::rewrite::*;
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-cleanup-requantize",
    summary: "Fold quantize(dequantize(x)) into x or one requantize; drop quantizes to the type a value already has",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflCleanupRequantize))
}

struct TflCleanupRequantize;

impl TflCleanupRequantize {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for op in body_ops(func) {
            if name(op) != "tfl.quantize" {
                continue;
            }
            let Some(want) = quant_of(result(op, 0)) else { continue };
            let mut input = operand(op, 0);
            if let Some(dq) = defining_op(input).filter(|d| name(*d) == "tfl.dequantize") {
                let src = operand(dq, 0);
                // Per-axis values (weights) do not requantize to a per-tensor type.
                if quant_of(src).is_some_and(|q| q.axis.is_none() && want.axis.is_none()) {
                    set_operand(op, 0, src);
                    input = src;
                }
            }
            if quant_of(input).as_ref() == Some(&want) {
                replace_all_uses(result(op, 0), input);
                erase(op);
            }
        }
        erase_dead_ops(func);
        Ok(())
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflCleanupRequantize {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

//! `tfl-cleanup-requantize`: removes quantization round trips the other passes leave.
//! `quantize(dequantize(x))` is `x` when the types agree and one requantize of `x`
//! otherwise; a quantize to the type its input already has is that input.
//!
//!   %f = "tfl.dequantize"(%x : i8 s=0.02)
//!   %y = "tfl.quantize"(%f) {qtype = i8 s=0.02}
//! becomes %x; with qtype s=0.04, `%y = "tfl.quantize"(%x)` (an int8 -> int8 requantize).
//!
//! Patterns (`<Op><Effect>`), rooted at `tfl.quantize`: QuantizeNoop (the input has
//! the type already), then QuantizeDequantizeFold (read the dequantize's input).
//! Ops left unused are erased.

use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use crate::quant::quant_of;
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter};
use edge_dialects::tfl::op as tfl;
use std::sync::LazyLock;

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

const PATTERNS: &[Pattern] = &[
    // ---- tfl.quantize -----------------------------------------------------------
    Pattern::new("QuantizeNoop", tfl::Quantize::NAME, quantize_noop).with_benefit(2),
    Pattern::new("QuantizeDequantizeFold", tfl::Quantize::NAME, quantize_dequantize_fold).with_benefit(1),
];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));

struct TflCleanupRequantize;

impl Pass for TflCleanupRequantize {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        run_patterns(INFO.name, func, &PATTERN_SET, GreedyConfig::default(), &mut rw)?;
        // Unused ops of the input go too, when no pattern applied.
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

/// `quantize(x)` to the quantized type `x` already has is `x`.
fn quantize_noop<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(q) = op.cast::<tfl::Quantize>() else { return false };
    let Some(want) = quant_of(q.output()) else { return false };
    if quant_of(q.input()).as_ref() != Some(&want) {
        return false;
    }
    rw.replace_op(op, &[q.input()]);
    true
}

/// `quantize(dequantize(x))` -> `quantize(x)`: one requantize of `x` (or nothing, once
/// QuantizeNoop sees the types agree). Per-axis values (weights) do not requantize to a
/// per-tensor type, so both types must be per-tensor.
fn quantize_dequantize_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(q) = op.cast::<tfl::Quantize>() else { return false };
    let Some(want) = quant_of(q.output()) else { return false };
    let Some(dq) = q.input().defined_by::<tfl::Dequantize>() else { return false };
    let src = dq.input();
    if !quant_of(src).is_some_and(|s| s.axis.is_none() && want.axis.is_none()) {
        return false;
    }
    rw.set_operand(op, 0, src);
    true
}

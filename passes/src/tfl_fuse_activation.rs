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
//! Pattern (`<Op><Effect>`): ActivationIntoProducer, rooted at each TFL op with the
//! trait (so a new activation needs only its catalog entry). Nothing else is erased.
//!
//! TANH is not fused: several TFLite kernels reject it as a fused activation.

use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::ir::Attr;
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter};
use edge_dialects::TFL;
use std::sync::LazyLock;

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

/// The attribute an activation is fused into.
const FUSED_ACTIVATION: &str = "fused_activation_function";

/// ActivationIntoProducer at every op whose catalog entry has
/// `Trait::FusibleActivation`.
static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| {
    let patterns: Vec<Pattern> = TFL
        .ops
        .iter()
        .filter(|def| def.fusible_activation().is_some())
        .map(|def| Pattern::new("ActivationIntoProducer", def.name, into_producer))
        .collect();
    PatternSet::new(&patterns)
});

struct TflFuseActivation;

/// Whether `op`'s catalog entry accepts `fused_activation_function = activation`.
fn admits(op: Op, activation: &str) -> bool {
    op.def().is_some_and(|def| def.admits_fused_activation(activation))
}

/// `act(producer(...))` -> `producer(...){fused_activation_function = ACT}`.
fn into_producer<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(fused) = op.def().and_then(|d| d.fusible_activation()) else { return false };
    let input = op.operand(0);
    let Some(producer) = input.defining_op() else { return false };
    let fusible = admits(producer, fused)
        && producer.attr(FUSED_ACTIVATION) == Some(Attr::Str("NONE".into()))
        && input.has_one_use()
        && input.same_type(op.result(0));
    if !fusible {
        return false;
    }
    let a = rw.context().string_attr(fused);
    rw.set_attr(producer, FUSED_ACTIVATION, a);
    rw.replace_op(op, &[input]);
    true
}

impl Pass for TflFuseActivation {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // Ops in regions too; the pass erases only the activations it fuses.
        let config = GreedyConfig { nested: true, erase_dead: false, ..GreedyConfig::default() };
        run_patterns(INFO.name, func, &PATTERN_SET, config, &mut rw)?;
        Ok(rw.changed())
    }
}

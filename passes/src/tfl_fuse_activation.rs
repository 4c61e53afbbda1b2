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
//!
//! Option `test-wrong-activation` (tests only): fuses RELU as RELU_N1_TO_1, a wrong
//! rewrite that still verifies and runs, so `edge-convert --bisect` has a real pass to
//! find. Never set it in a pipeline meant to convert a model.

use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptionInfo, PassOptions};
use edge_dialects::ir::Attr;
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter};
use edge_dialects::TFL;
use std::sync::LazyLock;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-fuse-activation",
    summary: "Fuse relu, relu6 and relu_n1_to_1 into the producing op's fused_activation_function",
    anchor: "func.func",
    options: &[PassOptionInfo {
        name: "test-wrong-activation",
        help: "TEST ONLY: fuse RELU as RELU_N1_TO_1 (a planted wrong rewrite for bisection tests)",
        default: "false",
    }],
    create,
};

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflFuseActivation { wrong: options.get_bool("test-wrong-activation")? }))
}

/// The attribute an activation is fused into.
const FUSED_ACTIVATION: &str = "fused_activation_function";

/// ActivationIntoProducer at every op whose catalog entry has
/// `Trait::FusibleActivation`.
static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| patterns("ActivationIntoProducer", into_producer));

/// The planted wrong rewrite of `test-wrong-activation`.
static WRONG_PATTERN_SET: LazyLock<PatternSet> =
    LazyLock::new(|| patterns("ActivationIntoProducerWrong", into_producer_wrong));

fn patterns(name: &'static str, rewrite: for<'c> fn(Op<'c>, &mut Rewriter<'c>) -> bool) -> PatternSet {
    let patterns: Vec<Pattern> = TFL
        .ops
        .iter()
        .filter(|def| def.fusible_activation().is_some())
        .map(|def| Pattern::new(name, def.name, rewrite))
        .collect();
    PatternSet::new(&patterns)
}

struct TflFuseActivation {
    /// `test-wrong-activation`: RELU fused as RELU_N1_TO_1.
    wrong: bool,
}

/// Whether `op`'s catalog entry accepts `fused_activation_function = activation`.
fn admits(op: Op, activation: &str) -> bool {
    op.def().is_some_and(|def| def.admits_fused_activation(activation))
}

/// `act(producer(...))` -> `producer(...){fused_activation_function = ACT}`.
fn into_producer<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    fuse(op, rw, false)
}

/// As `into_producer`, but RELU becomes RELU_N1_TO_1 (wrong on purpose, for tests).
fn into_producer_wrong<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    fuse(op, rw, true)
}

fn fuse<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, wrong: bool) -> bool {
    let Some(fused) = op.def().and_then(|d| d.fusible_activation()) else { return false };
    let fused = if wrong && fused == "RELU" { "RELU_N1_TO_1" } else { fused };
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
        let set = if self.wrong { &WRONG_PATTERN_SET } else { &PATTERN_SET };
        run_patterns(INFO.name, func, set, config, &mut rw)?;
        Ok(rw.changed())
    }
}

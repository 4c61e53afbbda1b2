//! `legalize-stablehlo-to-tfl`: rewrites StableHLO ops into TFL ops through the
//! conversion patterns in `legalize/stablehlo_to_tfl.rs`.
//!
//! Input: a function of `stablehlo.*` ops (as the pt2 importer writes, or another
//! producer in generic form: JAX's layouts, either printed form of the dialect
//! attributes). Output: the same function where every op with a matching pattern is a
//! `tfl.*` op. A `stablehlo.composite` becomes the TFL op of its row in
//! `legalize/composite.rs`, or else its decomposition is inlined and converted op by op.
//! Private functions (decompositions) are left alone: they are reached through their
//! composites. Legality: every `stablehlo` op is illegal; everything else (`tfl`, and
//! `func.return`) may stay. After the conversion one walk reports every op left
//! illegal at its location, all at once, in MLIR's wording (`failed to legalize
//! operation 'stablehlo.foo'`, with the reason a pattern gave, if any), and the pass
//! fails; nothing is silently kept.
//!
//!   %0 = "stablehlo.add"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
//! becomes
//!   %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (...) -> tensor<4xf32>
//!
//! Unknown (`?`) dims: StableHLO's dynamic-shape ops (`get_dimension_size`,
//! `dynamic_reshape`, `dynamic_broadcast_in_dim`, `dynamic_iota`, `real_dynamic_slice`,
//! `dynamic_slice`, `dynamic_pad`, `dynamic_conv`) become TFL shape computations in int32
//! (`legalize/dynamic.rs`), int64 size arithmetic is computed in int32, and the static
//! ops take unknown batch, sequence and spatial dims where TFLite's kernels size their
//! outputs at run time. A size known statically is a constant.
//!
//! Legalization is one conversion, not a fixpoint: the body's ops are visited once, in
//! order, each trying its patterns by decreasing benefit until one applies (each
//! application is reported as the greedy driver reports its own: `--debug-patterns`).
//! Body ops only: a region-carrying op (reduce) is replaced or reported whole. An op a
//! pattern erased before its turn (pooling takes the divide after its window sum) is
//! skipped; StableHLO ops a pattern made (a composite's inlined decomposition) are
//! converted right after it, in order, as if they had been there.

use crate::legalize::stablehlo_to_tfl::PATTERNS;
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::pattern::{application_location, report_application};
use edge_dialects::mlir::{Op, PatternSet, Rewriter};
use std::collections::VecDeque;

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

/// Whether `op` may stay after the conversion: anything but a StableHLO op.
fn is_legal(op: Op<'_>) -> bool {
    op.dialect() != "stablehlo"
}

impl Pass for LegalizeStablehloToTfl {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        if func.cast::<Func>().is_some_and(Func::is_private) {
            return Ok(false);
        }
        let patterns = PatternSet::new(PATTERNS);
        let mut rw = Rewriter::new(func.context());
        let mut work: VecDeque<Op> = func.body_ops().into();
        while let Some(op) = work.pop_front() {
            if rw.is_erased(op) || is_legal(op) {
                continue;
            }
            let name = op.name();
            for p in patterns.for_op(name) {
                let loc = application_location(op);
                rw.set_insertion_before(op);
                if (p.rewrite)(op, &mut rw) {
                    report_application(p, name, loc.as_deref().unwrap_or(""));
                    break;
                }
            }
            let made: Vec<Op> = rw.take_created().into_iter().filter(|&o| !rw.is_erased(o) && !is_legal(o)).collect();
            for o in made.into_iter().rev() {
                work.push_front(o);
            }
        }
        let mut illegal = 0;
        for op in func.body_ops().into_iter().filter(|op| !is_legal(*op)) {
            let message = match rw.match_failure(op) {
                Some(reason) => format!("failed to legalize operation '{}': {reason}", op.name()),
                None => format!("failed to legalize operation '{}'", op.name()),
            };
            op.emit_error(&message);
            illegal += 1;
        }
        if illegal > 0 {
            Err(PassFailed)
        } else {
            Ok(rw.changed())
        }
    }
}

//! `tfl-cse`: replaces each TFL op by an identical one before it (same name, operands,
//! attributes and result types), as upstream `cse` does for registered ops.
//!
//! Upstream's `cse` leaves TFL ops alone: edge registers no TFL dialect, and MLIR must
//! assume an unregistered op has side effects. Every TFL op edge writes computes its
//! results from its operands alone (recurrent state is written as fresh variables per
//! op, see the writer), so two identical ops are one. What this removes in practice:
//! the same causal mask or position table built from `input_pos` in every decoder
//! layer, the same reshape of an input in every attention block, constants legalized
//! once per use.
//!
//! MLIR uniques attributes and types, so ops are compared by handle: equal constants
//! (`dense<...>`) share an attribute; weights (`dense_resource`) are distinct blobs and
//! are never merged here (the writer stores equal bytes once). Ops with regions and
//! ops of other dialects are left alone.

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::mlir::{Op, Rewriter};
use std::collections::HashMap;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-cse",
    summary: "Merge identical TFL ops (same operands, attributes and result types)",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflCse))
}

struct TflCse;

/// What makes two ops the same: name, operand handles, sorted (name, attribute handle)
/// pairs and result type handles.
#[derive(PartialEq, Eq, Hash)]
struct Key {
    name: String,
    operands: Vec<usize>,
    attrs: Vec<(String, usize)>,
    results: Vec<usize>,
}

fn key(op: Op<'_>) -> Key {
    let mut attrs: Vec<(String, usize)> = op.attrs().into_iter().map(|(n, a)| (n, a.to_raw().ptr as usize)).collect();
    attrs.sort();
    Key {
        name: op.name().to_string(),
        operands: op.operands().iter().map(|v| v.to_raw().ptr as usize).collect(),
        attrs,
        results: op.result_types().iter().map(|t| t.to_raw().ptr as usize).collect(),
    }
}

impl Pass for TflCse {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        let Some(body) = func.body() else { return Ok(false) };
        let mut seen: HashMap<Key, Op> = HashMap::new();
        // In program order: the op kept comes first, so it dominates the ones it replaces,
        // and an op whose operands were merged meets its twin with the same operands.
        for op in body.ops() {
            if !op.name().starts_with("tfl.") || op.num_regions() > 0 || op.num_results() == 0 {
                continue;
            }
            match seen.entry(key(op)) {
                std::collections::hash_map::Entry::Occupied(first) => {
                    let kept = first.get().results();
                    rw.replace_op(op, &kept);
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(op);
                }
            }
        }
        Ok(rw.changed())
    }
}

//! edge-dialects: the `stablehlo` and `tfl` op catalogs and the verify step.
//!
//! MLIR parses both dialects as unregistered ops; this crate knows what each op must
//! look like (operands, attributes, result types) and, for TFL, how it maps to a TFLite
//! builtin. `verify::verify_operation` checks a module against the catalogs.

pub mod approximations;
pub mod catalog;
pub mod composite;
pub mod context;
pub mod elements;
pub mod mapped;
pub mod guard;
pub mod mlir;
pub mod ir;
pub mod remark;
pub mod rules;
pub mod stablehlo;
pub mod tfl;
pub mod inline;
pub mod verify;

pub use catalog::{Dialect, OpDef};

pub static TFL: Dialect = Dialect { namespace: "tfl", ops: tfl::OPS };
pub static STABLEHLO: Dialect = Dialect { namespace: "stablehlo", ops: stablehlo::OPS };

/// The catalog for a dialect namespace, if we own it.
pub fn dialect_of(namespace: &str) -> Option<&'static Dialect> {
    match namespace {
        "tfl" => Some(&TFL),
        "stablehlo" => Some(&STABLEHLO),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_are_sorted_unique_and_prefixed() {
        for d in [&TFL, &STABLEHLO] {
            for w in d.ops.windows(2) {
                assert!(w[0].name < w[1].name, "{} must sort before {}", w[0].name, w[1].name);
            }
            for op in d.ops {
                assert!(op.name.starts_with(&format!("{}.", d.namespace)), "{}", op.name);
            }
        }
    }
}

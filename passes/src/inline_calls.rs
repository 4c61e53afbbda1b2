//! `inline-calls`: replaces every `func.call` with a copy of its callee's body and
//! erases the private functions nothing refers to any more, so the module is one
//! function for legalization and the writer. JAX outlines some functions (`relu`,
//! `argmax`, `sort` as private `func.func`s it calls); the pt2 importer writes none, so
//! on its output the pass changes nothing. MLIR's `inline` cannot stand in: it inlines
//! only ops whose dialect has an inliner interface (unregistered `stablehlo` has none).
//!
//! Input: a module whose calls name single-block functions it defines, with no
//! recursion (an error at the call otherwise). Output: no `func.call`; public
//! functions and referenced private ones stay.
//!
//!   %0 = func.call @relu(%x) ...          func.func private @relu(%a) { max(%a, 0) }
//! becomes
//!   %0 = "stablehlo.maximum"(%x, %zero) ...   (and @relu is erased)

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::mlir::Op;

pub static INFO: PassInfo = PassInfo {
    name: "inline-calls",
    summary: "Inline every func.call; erase private functions left unreferenced",
    anchor: "builtin.module",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(InlineCalls))
}

struct InlineCalls;

impl Pass for InlineCalls {
    fn run(&self, module: Op<'_>) -> Result<bool, PassFailed> {
        edge_dialects::inline::inline_calls(module).map(|n| n.calls + n.functions_erased > 0).map_err(|_| PassFailed)
    }
}

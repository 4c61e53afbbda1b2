//! Builds MLIR pass managers from pipelines and runs them. Our passes enter MLIR's pass
//! manager through `melior::pass::create_external`; the bridge, not each pass, runs the
//! catalog verify step after the pass when `verify_each` is on. Names not in our
//! registry go to upstream MLIR's registry (`canonicalize`, `cse`, `inline`, ...).

use crate::pass::{Pass, PassInfo, PassOptions};
use crate::pipeline::{parse_pipeline, Element};
use crate::registry::{lookup, PASSES};
use melior::ir::r#type::TypeId;
use melior::ir::{Module, OperationRef};
use melior::pass::{create_external, ExternalPass, PassIrPrintingOptions, PassManager, RunExternalPass};
use melior::ir::operation::OperationPrintingFlags;
use melior::Context;
use edge_dialects::mlir::pass_manager::{enable_timing, OpPassManager};
use edge_dialects::mlir::func::{Func, Module as ModuleOp};
use edge_dialects::mlir::Op;
use std::sync::Arc;

/// How a pipeline is run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Run the catalog verify step after each of our passes (MLIR verifies registered
    /// ops after every pass on its own).
    pub verify_each: bool,
    /// Print the IR after every pass to stderr, as mlir-opt's `--mlir-print-ir-after-all`.
    pub print_ir_after_all: bool,
    /// Print the IR before every pass.
    pub print_ir_before_all: bool,
    /// Print MLIR's pass timing report to stderr when the run ends.
    pub timing: bool,
    /// Called with each edge pass's name as it starts (for progress displays).
    pub on_pass: Option<PassHook>,
}

/// A callback told the name of each pass as it starts.
#[derive(Clone)]
pub struct PassHook(pub Arc<dyn Fn(&'static str) + Send + Sync>);

impl std::fmt::Debug for PassHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PassHook")
    }
}

/// Upstream passes known to be registered (MLIR's Transforms library); listed by `--help`.
pub const UPSTREAM_PASSES: &[(&str, &str)] = &[
    ("canonicalize", "Canonicalize operations (MLIR)"),
    ("cse", "Eliminate common sub-expressions (MLIR)"),
    ("loop-invariant-code-motion", "Hoist loop invariant instructions outside of the loop (MLIR)"),
    ("sccp", "Sparse conditional constant propagation (MLIR)"),
    ("strip-debuginfo", "Strip debug info from all operations (MLIR)"),
    ("symbol-dce", "Eliminate dead symbols (MLIR)"),
    ("symbol-privatize", "Mark symbols private (MLIR)"),
    ("topological-sort", "Sort regions without SSA dominance in topological order (MLIR)"),
    ("view-op-graph", "Print Graphviz visualization of an operation (MLIR)"),
];

pub use edge_dialects::mlir::pass_manager::register_upstream_passes;

/// Adapts a Rust `Pass` to MLIR's external pass callbacks.
#[derive(Clone)]
struct Bridge {
    name: &'static str,
    pass: Arc<dyn Pass>,
    verify_each: bool,
    on_pass: Option<PassHook>,
}

impl<'c> RunExternalPass<'c> for Bridge {
    fn initialize(&mut self, _context: melior::ContextRef<'c>) {}

    fn run(&mut self, op: OperationRef<'c, '_>, pass: ExternalPass<'_>) {
        let anchor = Op::from_melior(&op);
        let _span = tracing::debug_span!("pass", name = self.name).entered();
        if let Some(hook) = &self.on_pass {
            (hook.0)(self.name);
        }
        // A panic must not unwind into MLIR's pass manager: it becomes an error at the op.
        let what = format!("pass '{}'", self.name);
        if !matches!(anchor.catch_panic(&what, || self.pass.run(anchor)), Some(Ok(_))) {
            pass.signal_failure();
            return;
        }
        if self.verify_each && anchor.verify_catalog() > 0 {
            pass.signal_failure();
        }
    }
}

fn make_pass(info: &'static PassInfo, options: &str, run: &RunOptions) -> Result<melior::pass::Pass, String> {
    let opts = PassOptions::parse(info, options)?;
    let pass: Arc<dyn Pass> = Arc::from((info.create)(&opts)?);
    Ok(create_external(
        Bridge { name: info.name, pass, verify_each: run.verify_each, on_pass: run.on_pass.clone() },
        TypeId::create(info),
        info.name,
        info.name,
        info.summary,
        info.anchor,
        &[],
    ))
}

/// A pipeline parsed and resolved into an MLIR pass manager.
pub struct Pipeline<'c> {
    pm: PassManager<'c>,
}

impl<'c> Pipeline<'c> {
    /// Parses `text` and builds the pass manager. A top-level list without an anchor
    /// is taken as nested in `builtin.module`; our `func.func` passes written directly
    /// under `builtin.module` are nested under `func.func` for the user.
    pub fn build(context: &'c Context, text: &str, options: &RunOptions) -> Result<Self, String> {
        register_upstream_passes();
        let mut elements = parse_pipeline(text)?;
        if let [Element::Nest { anchor, children }] = elements.as_mut_slice() {
            if anchor == ModuleOp::NAME {
                elements = std::mem::take(children);
            }
        }
        let pm = PassManager::new(context);
        pm.enable_verifier(true);
        let top = OpPassManager::of(&pm);
        add_elements(top, ModuleOp::NAME, &elements, options)?;
        if options.print_ir_after_all || options.print_ir_before_all {
            pm.enable_ir_printing(&PassIrPrintingOptions {
                before_all: options.print_ir_before_all,
                after_all: options.print_ir_after_all,
                module_scope: false,
                on_change: false,
                on_failure: false,
                flags: OperationPrintingFlags::new(),
                tree_printing_path: Default::default(),
            });
        }
        if options.timing {
            enable_timing(&pm);
        }
        Ok(Pipeline { pm })
    }

    /// Runs the pipeline; failures have been reported as diagnostics.
    pub fn run(&self, module: &mut Module<'c>) -> Result<(), ()> {
        self.pm.run(module).map_err(|_| ())
    }
}

fn add_elements(opm: OpPassManager,  anchor: &str, elements: &[Element], options: &RunOptions) -> Result<(), String> {
    for e in elements {
        match e {
            Element::Nest { anchor: inner, children } => {
                let nested = opm.nested_under(inner);
                add_elements(nested, inner, children, options)?;
            }
            Element::Pass { name, options: pass_options } => {
                if let Some(info) = lookup(name) {
                    let pass = make_pass(info, pass_options, options)?;
                    let target = if info.anchor == anchor {
                        opm
                    } else if anchor == ModuleOp::NAME && info.anchor == Func::NAME {
                        opm.nested_under(Func::NAME)
                    } else {
                        return Err(format!("pass '{name}' runs on '{}' ops and cannot be nested under '{anchor}'", info.anchor));
                    };
                    target.add_pass(pass);
                } else {
                    add_upstream(opm, name, pass_options)?;
                }
            }
        }
    }
    Ok(())
}

fn add_upstream(opm: OpPassManager, name: &str, options: &str) -> Result<(), String> {
    // MLIR 22's `inline` dereferences a null interface on an unregistered op with a
    // region (`stablehlo.reduce` in a callee) and takes the process down.
    if name == "inline" {
        return Err("MLIR's 'inline' cannot inline stablehlo/tfl ops (they are unregistered); use 'inline-calls'".into());
    }
    let text = if options.is_empty() { name.to_string() } else { format!("{name}{{{options}}}") };
    let message = match opm.add_pipeline(&text) {
        Ok(()) => return Ok(()),
        Err(message) => message,
    };
    if message.contains("does not refer to a registered pass") {
        let ours: Vec<_> = PASSES.iter().map(|p| p.name).collect();
        let upstream: Vec<_> = UPSTREAM_PASSES.iter().map(|p| p.0).collect();
        return Err(format!(
            "unknown pass '{name}'; edge passes: {}; upstream MLIR passes include: {}",
            ours.join(", "),
            upstream.join(", ")
        ));
    }
    Err(format!("invalid pipeline element '{text}': {}", message.trim()))
}


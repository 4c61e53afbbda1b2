//! Composites kept at import (`pt2::lower::as_composite`): which nodes become a
//! `stablehlo.composite`, and which keep their plain lowering. Archives are fixtures,
//! some edited in memory after loading.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use edge_compiler::pt2::{import_program, weights, ImportOptions};
use edge_dialects::context::{edge_context, DiagnosticCollector};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").join("fixtures").join(rel)
}

/// The module `program` imports to, as text.
fn imported_text(program: weights::Program) -> String {
    let context = edge_context();
    let _collector = DiagnosticCollector::attach(&context);
    let imported = import_program(&context, Arc::new(program), &ImportOptions::default()).expect("imports");
    imported.module.as_operation().to_string()
}

/// `aten.add.Tensor-dynamic` (a dynamic batch dim) with its add turned into a gelu.
fn dynamic_gelu() -> weights::Program {
    let mut program = weights::load(&fixture("ops/aten.add.Tensor-dynamic.pt2")).expect("loads");
    let node = &mut program.ep.graph_module.graph.nodes[0];
    assert_eq!(node.target, "torch.ops.aten.add.Tensor");
    node.target = "torch.ops.aten.gelu.default".into();
    node.inputs.retain(|a| a.name == "self");
    program
}

#[test]
fn a_dynamic_dim_keeps_the_plain_lowering() {
    // The body of a decomposition cannot read @main's size symbols.
    let text = imported_text(dynamic_gelu());
    assert!(!text.contains("stablehlo.composite"), "{text}");
    assert!(!text.contains("func.func private"), "{text}");
    assert!(text.contains("stablehlo.divide"), "the erf polynomial is inline:\n{text}");
}

#[test]
fn static_kept_ops_become_composites_with_one_function_per_body() {
    // modconv: three leaky_relus, two of one shape.
    let text = imported_text(weights::load(&fixture("models/modconv.pt2")).expect("loads"));
    assert_eq!(text.matches("\"stablehlo.composite\"").count(), 3, "{text}");
    assert_eq!(text.matches("func.func private @aten.leaky_relu.").count(), 2, "{text}");
    assert_eq!(text.matches("decomposition = @aten.leaky_relu.1").count(), 2, "{text}");
}

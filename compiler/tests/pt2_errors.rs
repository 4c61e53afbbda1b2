//! The pt2 importer's library API on archives it must refuse and on ones it must take:
//! `pt2::weights::load` + `pt2::import_program`.
//!
//! - `lit-tests/pt2-to-mlir/Inputs/unsupported.pt2` uses two operators edge has no
//!   lowering for, `aten.bucketize.Tensor` (twice) and `aten._fft_r2c.default`, exported
//!   with their stack traces from `/tmp/edge-lit-inputs/make_pt2_inputs.py` (lines
//!   113-115). `_fft_r2c` yields a complex64 tensor, a dtype edge cannot type: an
//!   importer that typed values or lowered nodes before checking every target would
//!   fail with another error. The import must report both targets at once, before
//!   doing anything else.
//! - every `fixtures/models/*.pt2` imports into a module that verifies.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use edge_compiler::pt2::lower::elem_of_scalar_type;
use edge_compiler::pt2::{import_program, weights, ImportError, ImportOptions};
use edge_dialects::context::{edge_context, verify_module, DiagnosticCollector};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

fn unsupported_archive() -> PathBuf {
    repo().join("lit-tests/pt2-to-mlir/Inputs/unsupported.pt2")
}

/// The script the unsupported archive was exported from, as its stack traces name it.
const SCRIPT: &str = "/tmp/edge-lit-inputs/make_pt2_inputs.py";

#[test]
fn unsupported_operators_are_all_reported_before_any_work() {
    let program = weights::load(&unsupported_archive()).expect("the archive itself is valid");

    // The premise: the graph holds a value whose dtype edge refuses, so typing values
    // (or lowering nodes) first would have failed with a different error.
    let graph = &program.ep.graph_module.graph;
    let untypable: Vec<&String> = graph
        .tensor_values
        .iter()
        .filter(|(_, meta)| elem_of_scalar_type(meta.dtype).is_err())
        .map(|(name, _)| name)
        .collect();
    assert_eq!(untypable, ["_fft_r2c"], "the archive should hold exactly one complex tensor");

    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let err = match import_program(&context, Arc::new(program), &ImportOptions::default()) {
        Ok(_) => panic!("an archive with unsupported operators imported"),
        Err(e) => e,
    };
    let ImportError::Unsupported(ops) = &err else {
        panic!("expected ImportError::Unsupported, got {err:?}");
    };

    // Every target once, sorted, with all of its nodes in graph order and the user's
    // source line of each.
    let summary: Vec<(&str, Vec<&str>)> =
        ops.iter().map(|o| (o.target.as_str(), o.nodes.iter().map(|(name, _)| name.as_str()).collect())).collect();
    assert_eq!(
        summary,
        [("aten._fft_r2c.default", vec!["_fft_r2c"]), ("aten.bucketize.Tensor", vec!["bucketize", "bucketize_1"])]
    );
    let sources: Vec<Vec<Option<String>>> =
        ops.iter().map(|o| o.nodes.iter().map(|(_, src)| src.clone()).collect()).collect();
    let at = |line: u32| Some(format!("{SCRIPT}:{line}"));
    assert_eq!(sources, [vec![at(114)], vec![at(113), at(115)]], "each node should carry the line of the user's call");

    // The message a user sees: the totals, then one line per target.
    let message = err.to_string();
    assert!(!message.ends_with('\n'), "the report should not end with a blank line: {message:?}");
    let lines: Vec<&str> = message.lines().collect();
    assert_eq!(
        lines,
        [
            "2 unsupported operator(s) in 3 node(s); nothing was converted:".to_string(),
            format!("  aten._fft_r2c.default x1: _fft_r2c (first at {SCRIPT}:114)"),
            format!("  aten.bucketize.Tensor x2: bucketize, bucketize_1 (first at {SCRIPT}:113)"),
        ]
    );

    // Nothing reached MLIR: no module was parsed or verified, so no diagnostics.
    let diags = collector.take();
    assert!(diags.is_empty(), "the import reported diagnostics: {diags:?}");
}

#[test]
fn model_fixtures_import_and_verify() {
    let dir = repo().join("fixtures/models");
    let mut archives: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pt2"))
        .collect();
    archives.sort();
    assert!(archives.iter().any(|p| p.ends_with("cnn.pt2")), "no model fixtures in {}", dir.display());

    for path in &archives {
        let name = path.file_stem().unwrap().to_string_lossy();
        let program = weights::load(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let context = edge_context();
        let collector = DiagnosticCollector::attach(&context);
        let imported = match import_program(&context, Arc::new(program), &ImportOptions::default()) {
            Ok(m) => m,
            Err(e) => panic!("{name}: {e}; diagnostics: {:?}", collector.take()),
        };
        assert!(verify_module(&imported.module), "{name}: the module does not verify: {:?}", collector.take());
        let diags = collector.take();
        assert!(diags.is_empty(), "{name}: diagnostics: {diags:?}");

        let text = imported.module.as_operation().to_string();
        assert!(text.contains("func.func @main("), "{name}: no @main");
        assert!(text.contains("\"stablehlo."), "{name}: no stablehlo ops");
        assert!(!text.contains("edge.weight"), "{name}: a weight placeholder was left unbound");
    }
}

#[test]
fn cnn_fixture_binds_its_weights_as_resources() {
    let path = repo().join("fixtures/models/cnn.pt2");
    let program = weights::load(&path).expect("cnn.pt2 loads");
    let fqns: Vec<String> = program.weights.values().map(|w| w.fqn.clone()).collect();
    let context = edge_context();
    let imported = import_program(&context, Arc::new(program), &ImportOptions::default()).expect("cnn.pt2 imports");
    assert!(verify_module(&imported.module));
    let text = imported.module.as_operation().to_string();
    assert!(text.contains("\"stablehlo.convolution\""));
    // Every parameter and buffer is a dense_resource constant named by its FQN.
    for fqn in &fqns {
        assert!(text.contains(&format!("dense_resource<{fqn}>")), "no dense_resource<{fqn}> in the module");
    }
}

//! The Dim ranges of a dynamic model as edge-convert's summary shows them: written from
//! `edge.dynamic_dims` into the file's metadata and read back with each input's shape
//! signature (`tflite::io_signature`), without the pt2 importer.

use edge_compiler::tflite::{io_signature, module_to_tflite, WriteOptions};
use edge_dialects::context::{edge_context, parse_module, verify_module};

const MODULE: &str = r#"
func.func @main(%x: tensor<?x3x?x?xf32>, %ids: tensor<?x?xi64>, %s: tensor<4xf32>) -> (tensor<?x3x?x?xf32>, tensor<?x?xi64>) attributes {
    edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s77", max = 16 : i64, min = 1 : i64}, {dim = 2 : i64, expr = "8*s39", max = 64 : i64, min = 16 : i64}, {dim = 3 : i64, expr = "8*s94", max = 64 : i64, min = 16 : i64}],
                         ids = [{dim = 0 : i64, expr = "s77", max = 16 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "s27", min = 2 : i64}]},
    tf.entry_function = {inputs = "x,ids,s", outputs = "y,z"}} {
  %0 = "tfl.relu"(%x) : (tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  return %0, %ids : tensor<?x3x?x?xf32>, tensor<?x?xi64>
}
"#;

#[test]
fn summary_lines_show_shape_signatures_and_ranges() {
    let context = edge_context();
    let module = parse_module(&context, MODULE, "dynamic.mlir").expect("parses");
    assert!(verify_module(&module));
    let bytes = module_to_tflite(&module, &WriteOptions::default()).unwrap();
    let (inputs, outputs) = io_signature(&bytes).unwrap();
    let lines: Vec<String> = inputs.iter().chain(&outputs).map(|io| io.line()).collect();
    assert_eq!(
        lines,
        [
            "x: f32[-1,3,-1,-1]  dim 0: s77 in [1, 16], dim 2: 8*s39 in [16, 64], dim 3: 8*s94 in [16, 64]",
            "ids: i64[-1,-1]  dim 0: s77 in [1, 16], dim 1: s27 >= 2",
            "s: f32[4]",
            "y: f32[-1,3,-1,-1]",
            "z: i64[-1,-1]",
        ]
    );
}

#[test]
fn static_models_have_no_range_metadata() {
    let context = edge_context();
    let text = MODULE.replace("edge.dynamic_dims", "unrelated.attr");
    let module = parse_module(&context, &text, "static.mlir").expect("parses");
    let bytes = module_to_tflite(&module, &WriteOptions::default()).unwrap();
    let dump = edge_compiler::tflite::dump_tflite(&bytes).unwrap();
    assert!(!dump.contains("edge_dynamic_dims"), "{dump}");
    let (inputs, _) = io_signature(&bytes).unwrap();
    assert_eq!(inputs[0].line(), "x: f32[-1,3,-1,-1]");
}

//! Every tensor of a subgraph has its own name, also when a suffixed name (`y_1`, the
//! second `y`) is some other op's own name; the file then reads back to MLIR that
//! writes the same bytes.

use edge_compiler::tflite::{dump_tflite, module_to_tflite, tflite_to_mlir, WriteOptions};
use edge_dialects::context::{edge_context, parse_module, verify_module};

const MODULE: &str = r#"
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = "tfl.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32> loc("y")
  %b = "tfl.relu"(%a) : (tensor<4xf32>) -> tensor<4xf32> loc("y")
  %c = "tfl.relu"(%b) : (tensor<4xf32>) -> tensor<4xf32> loc("y_1")
  %d = "tfl.relu"(%c) : (tensor<4xf32>) -> tensor<4xf32> loc("y_1")
  return %d : tensor<4xf32>
}
"#;

fn write(text: &str) -> Vec<u8> {
    let context = edge_context();
    let module = parse_module(&context, text, "names.mlir").unwrap();
    assert!(verify_module(&module));
    module_to_tflite(&module, &WriteOptions::default()).unwrap()
}

#[test]
fn names_are_unique_and_read_back_the_same() {
    let bytes = write(MODULE);
    let dump = dump_tflite(&bytes).unwrap();
    let names: Vec<&str> = dump.lines().filter(|l| l.starts_with("    ") && l.contains(": \"")).map(|l| l.split('"').nth(1).unwrap()).collect();
    assert_eq!(names, ["arg0", "y", "y_1", "y_1_1", "y_1_2"], "{dump}");
    assert_eq!(write(&tflite_to_mlir(&bytes).unwrap()), bytes);
}

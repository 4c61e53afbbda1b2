//! The whole dump of the example CNN's flatbuffer is the expectation: any change to
//! what the writer lays out (tensor order, names, buffers, options, versions,
//! signature, metadata) shows up as a snapshot diff.

use edge_compiler::tflite::{dump_tflite, module_to_tflite, WriteOptions};
use edge_dialects::context::{edge_context, parse_module, verify_module};

#[test]
fn small_cnn_flatbuffer_layout() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/small_cnn.mlir");
    let text = std::fs::read_to_string(path).unwrap();
    let context = edge_context();
    let module = parse_module(&context, &text, "small_cnn.mlir").expect("example parses");
    assert!(verify_module(&module), "example verifies");
    let options = WriteOptions { description: "edge".into(), ..Default::default() };
    let bytes = module_to_tflite(&module, &options).unwrap();
    assert_eq!(&bytes[4..8], b"TFL3");
    insta::assert_snapshot!(dump_tflite(&bytes).unwrap());
}

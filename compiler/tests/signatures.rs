//! Several signatures in one file from modules of one context
//! (`signatures_to_tflite_image`): one subgraph each, weights equal by content stored
//! once whichever module holds them, the summary per signature; and the large-model
//! layout read back through `TfliteImage::summaries`.

use edge_compiler::tflite::{
    dump_tflite, signature_summaries, signatures_to_tflite_image, BufferLayout, Signature, TranslateError, WriteOptions,
};
use edge_dialects::context::{edge_context, parse_module, verify_module};

/// A `@main` of `tokens` tokens through a 64x64 fully connected layer whose weights
/// are `seed`'s (not a splat, so each module holds its own copy of the bytes).
fn program(tokens: i64, seed: u32, extra: &str) -> String {
    let hex: String = (0..64 * 64 * 4u32).map(|i| format!("{:02X}", (i * 13 + seed) % 251)).collect();
    format!(
        r#"
func.func @main(%x: tensor<{tokens}x64xf32>) -> tensor<{tokens}x64xf32> attributes {{{extra}tf.entry_function = {{inputs = "x", outputs = "y"}}}} {{
  %w = "tfl.pseudo_const"() {{value = dense<"0x{hex}"> : tensor<64x64xf32>}} : () -> tensor<64x64xf32>
  %none = "tfl.no_value"() {{value}} : () -> none
  %y = "tfl.fully_connected"(%x, %w, %none) {{fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"}} : (tensor<{tokens}x64xf32>, tensor<64x64xf32>, none) -> tensor<{tokens}x64xf32>
  return %y : tensor<{tokens}x64xf32>
}}
"#
    )
}

#[test]
fn equal_weights_of_two_modules_are_stored_once() {
    let context = edge_context();
    let prefill = parse_module(&context, &program(8, 1, ""), "prefill.mlir").unwrap();
    let decode = parse_module(&context, &program(1, 1, ""), "decode.mlir").unwrap();
    let other = parse_module(&context, &program(1, 2, ""), "other.mlir").unwrap();
    assert!(verify_module(&prefill) && verify_module(&decode) && verify_module(&other));
    let entries = [
        Signature { key: "prefill".into(), module: &prefill, function: None },
        Signature { key: "decode".into(), module: &decode, function: None },
    ];
    let image = signatures_to_tflite_image(&entries, &WriteOptions::default()).unwrap();
    let dump = dump_tflite(&image.to_vec()).unwrap();
    assert_eq!(dump.matches(": 16384 bytes").count(), 1, "{dump}");
    assert!(dump.contains("subgraph 0 name=\"prefill\"") && dump.contains("subgraph 1 name=\"decode\""), "{dump}");
    assert_eq!(dump.matches("FULLY_CONNECTED version").count(), 1, "one shared operator code: {dump}");

    // Different weights: two buffers.
    let entries = [
        Signature { key: "decode".into(), module: &decode, function: None },
        Signature { key: "other".into(), module: &other, function: None },
    ];
    let image = signatures_to_tflite_image(&entries, &WriteOptions::default()).unwrap();
    assert_eq!(dump_tflite(&image.to_vec()).unwrap().matches(": 16384 bytes").count(), 2);
}

#[test]
fn summaries_are_per_signature() {
    let context = edge_context();
    let dims = r#"edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s0", max = 8 : i64, min = 1 : i64}]}, "#;
    let prefill = parse_module(&context, &program(8, 1, "").replace("tensor<8x64", "tensor<?x64").replace("attributes {", &format!("attributes {{{dims}")), "p.mlir").unwrap();
    let decode = parse_module(&context, &program(1, 1, ""), "d.mlir").unwrap();
    assert!(verify_module(&prefill) && verify_module(&decode));
    let entries = [
        Signature { key: "prefill".into(), module: &prefill, function: None },
        Signature { key: "decode".into(), module: &decode, function: Some("main".into()) },
    ];
    for layout in [BufferLayout::Auto, BufferLayout::External] {
        let image = signatures_to_tflite_image(&entries, &WriteOptions { layout, ..Default::default() }).unwrap();
        assert_eq!(image.is_external(), layout == BufferLayout::External);
        let summaries = image.summaries().unwrap();
        assert_eq!(summaries, signature_summaries(&image.to_vec()).unwrap());
        let lines: Vec<String> = summaries
            .iter()
            .map(|s| {
                let io: Vec<String> = s.inputs.iter().chain(&s.outputs).map(|io| io.line()).collect();
                format!("{} #{}: {} | {:?} {:?}", s.key, s.subgraph, io.join("; "), s.ops, s.weights)
            })
            .collect();
        assert_eq!(
            lines,
            [
                r#"prefill #0: x: f32[-1,64]  dim 0: s0 in [1, 8]; y: f32[-1,64] | {"FULLY_CONNECTED": 1} {"FLOAT32": 1}"#,
                r#"decode #1: x: f32[1,64]; y: f32[1,64] | {"FULLY_CONNECTED": 1} {"FLOAT32": 1}"#,
            ]
        );
    }
}

#[test]
fn keys_must_be_distinct_and_present() {
    let context = edge_context();
    let m = parse_module(&context, &program(1, 1, ""), "m.mlir").unwrap();
    let twice = [
        Signature { key: "a".into(), module: &m, function: None },
        Signature { key: "a".into(), module: &m, function: None },
    ];
    let message = |r: Result<_, TranslateError>| match r {
        Err(TranslateError::Message(m)) => m,
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("written"),
    };
    assert_eq!(message(signatures_to_tflite_image(&twice, &WriteOptions::default())), "signatures 0 and 1 have the same key 'a'");
    assert_eq!(message(signatures_to_tflite_image(&[], &WriteOptions::default())), "no signature to write");
    let missing = [Signature { key: "a".into(), module: &m, function: Some("decode".into()) }];
    assert_eq!(message(signatures_to_tflite_image(&missing, &WriteOptions::default())), "no function @decode in the module (it has @main)");
}

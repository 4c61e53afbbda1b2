//! The writer refuses a model whose flatbuffer would pass `WriteOptions::max_file_bytes`
//! (2 GB by default), from the constants' types, before building anything: tested here
//! with small limits; `lit-tests/translate/too-large.test` covers the real one.

use edge_compiler::tflite::{module_to_tflite_image, TranslateError, WriteOptions, FLATBUFFER_MAX_BYTES};
use edge_dialects::context::{edge_context, parse_module, verify_module, DiagnosticCollector};

/// Two distinct 4000-byte constants (1000 f32 each), returned.
const TWO_CONSTANTS: &str = r#"
func.func @main() -> (tensor<1000xf32>, tensor<1000xf32>) {
  %a = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1000xf32>} : () -> tensor<1000xf32>
  %b = "tfl.pseudo_const"() {value = dense<2.0> : tensor<1000xf32>} : () -> tensor<1000xf32>
  return %a, %b : tensor<1000xf32>, tensor<1000xf32>
}
"#;

/// Writes `text` with `limit`: the image's size, or the error and the diagnostics.
fn write(text: &str, limit: u64) -> Result<usize, (TranslateError, Vec<String>)> {
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let module = parse_module(&context, text, "limits.mlir").expect("parses");
    assert!(verify_module(&module));
    let options = WriteOptions { max_file_bytes: limit, ..Default::default() };
    let result = module_to_tflite_image(&module, &options).map(|image| image.len());
    result.map_err(|e| (e, collector.take().into_iter().map(|d| d.message).collect()))
}

#[test]
fn the_default_limit_is_a_signed_32_bit_offset() {
    assert_eq!(WriteOptions::default().max_file_bytes, FLATBUFFER_MAX_BYTES);
    assert_eq!(FLATBUFFER_MAX_BYTES, i32::MAX as u64);
}

#[test]
fn a_model_within_the_limit_is_written() {
    assert!(write(TWO_CONSTANTS, 1 << 20).unwrap() > 8000);
}

#[test]
fn constants_past_the_limit_in_all_are_refused() {
    let (err, diags) = write(TWO_CONSTANTS, 6000).unwrap_err();
    assert!(diags.is_empty(), "{diags:?}");
    let TranslateError::Message(m) = err else { panic!("{err:?}") };
    assert!(
        m.starts_with("the model's constants take 8000 bytes, more than the 6000 bytes a TFLite file can hold"),
        "{m}"
    );
    assert!(m.contains("nothing was written"), "{m}");
    assert!(m.contains("--quantize dynamic-int8") && m.contains("--quantize fp16"), "{m}");
}

#[test]
fn equal_constants_count_once() {
    // One attribute, one buffer: 4000 bytes, within 6000.
    let text = TWO_CONSTANTS.replace("dense<2.0>", "dense<1.0>");
    assert!(write(&text, 6000).is_ok());
}

#[test]
fn a_constant_past_the_limit_is_an_error_at_its_op() {
    let (err, diags) = write(TWO_CONSTANTS, 3000).unwrap_err();
    assert!(matches!(err, TranslateError::Diagnosed(2)), "{err:?}");
    assert_eq!(diags.len(), 2);
    assert!(
        diags[0].starts_with("'tfl.pseudo_const' op holds 4000 bytes (tensor<1000xf32>), more than the 3000 bytes"),
        "{diags:?}"
    );
}

#[test]
fn tables_past_the_limit_are_refused_too() {
    // The constants fit (8000 bytes); with the tables the file does not.
    let (err, _) = write(TWO_CONSTANTS, 8100).unwrap_err();
    let TranslateError::Message(m) = err else { panic!("{err:?}") };
    assert!(m.starts_with("the flatbuffer would take "), "{m}");
    assert!(m.contains("more than the 8100 a TFLite file can hold"), "{m}");
}

/// A splat of 1e10 elements is refused from its type: nothing is expanded (this would
/// abort on allocation otherwise).
#[test]
fn a_huge_splat_is_refused_without_expanding_it() {
    let text = r#"
func.func @main() -> tensor<100000x100000xf32> {
  %c = "tfl.pseudo_const"() {value = dense<1.0> : tensor<100000x100000xf32>} : () -> tensor<100000x100000xf32>
  return %c : tensor<100000x100000xf32>
}
"#;
    let (err, diags) = write(text, FLATBUFFER_MAX_BYTES).unwrap_err();
    assert!(matches!(err, TranslateError::Diagnosed(1)), "{err:?}");
    assert!(diags[0].starts_with("'tfl.pseudo_const' op holds 40000000000 bytes"), "{diags:?}");
}

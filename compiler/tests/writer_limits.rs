//! The writer's limits: constants it would expand in memory (splats) past
//! `WriteOptions::max_flatbuffer_bytes`, one by one or in all, are refused from their
//! types before anything is built; a file past the limit otherwise takes the
//! large-model layout (data after the flatbuffer). Tested with small limits;
//! `lit-tests/translate/too-large.test` covers the real one.

use edge_compiler::tflite::{
    dump_tflite, module_to_tflite_image, tflite_to_mlir, BufferLayout, TranslateError, WriteOptions, FLATBUFFER_MAX_BYTES,
};
use edge_dialects::context::{edge_context, parse_module, verify_module, DiagnosticCollector};

/// Two distinct 4000-byte splat constants (1000 f32 each), returned.
const TWO_CONSTANTS: &str = r#"
func.func @main() -> (tensor<1000xf32>, tensor<1000xf32>) {
  %a = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1000xf32>} : () -> tensor<1000xf32>
  %b = "tfl.pseudo_const"() {value = dense<2.0> : tensor<1000xf32>} : () -> tensor<1000xf32>
  return %a, %b : tensor<1000xf32>, tensor<1000xf32>
}
"#;

/// Two distinct 4000-byte constants that are not splats: written from where they lie.
fn two_dense() -> String {
    // Varied bytes: a hex literal of one repeated element would be a splat.
    let hex = |seed: u32| format!("0x{}", (0..4000u32).map(|i| format!("{:02X}", (i * 7 + seed) % 251)).collect::<String>());
    format!(
        r#"
func.func @main() -> (tensor<1000xf32>, tensor<1000xf32>) {{
  %a = "tfl.pseudo_const"() {{value = dense<"{}"> : tensor<1000xf32>}} : () -> tensor<1000xf32>
  %b = "tfl.pseudo_const"() {{value = dense<"{}"> : tensor<1000xf32>}} : () -> tensor<1000xf32>
  return %a, %b : tensor<1000xf32>, tensor<1000xf32>
}}
"#,
        hex(1),
        hex(2)
    )
}

/// Writes `text` with `limit`: the whole file, or the error and the diagnostics.
fn write(text: &str, limit: u64, layout: BufferLayout) -> Result<(Vec<u8>, bool), (TranslateError, Vec<String>)> {
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let module = parse_module(&context, text, "limits.mlir").expect("parses");
    assert!(verify_module(&module));
    let options = WriteOptions { max_flatbuffer_bytes: limit, layout, ..Default::default() };
    let result = module_to_tflite_image(&module, &options).map(|image| (image.to_vec(), image.is_external()));
    result.map_err(|e| (e, collector.take().into_iter().map(|d| d.message).collect()))
}

#[test]
fn the_default_limit_is_a_signed_32_bit_offset() {
    assert_eq!(WriteOptions::default().max_flatbuffer_bytes, FLATBUFFER_MAX_BYTES);
    assert_eq!(FLATBUFFER_MAX_BYTES, i32::MAX as u64);
    assert_eq!(WriteOptions::default().layout, BufferLayout::Auto);
}

#[test]
fn a_model_within_the_limit_is_written_inside_the_flatbuffer() {
    let (bytes, external) = write(&two_dense(), 1 << 20, BufferLayout::Auto).unwrap();
    assert!(bytes.len() > 8000 && !external);
}

#[test]
fn a_model_past_the_limit_takes_the_large_layout() {
    let (inline, _) = write(&two_dense(), 1 << 20, BufferLayout::Auto).unwrap();
    let (bytes, external) = write(&two_dense(), 6000, BufferLayout::Auto).unwrap();
    assert!(external);
    let dump = dump_tflite(&bytes).unwrap();
    // Both buffers after the flatbuffer, 64-byte aligned, and read back as they were.
    let offsets: Vec<u64> = dump
        .lines()
        .filter_map(|l| l.split("external offset=").nth(1))
        .map(|r| r.split(' ').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(offsets.len(), 2, "{dump}");
    assert!(offsets.iter().all(|o| o % 64 == 0 && (*o as usize) < bytes.len()), "{offsets:?}");
    assert!(dump.contains("size=4000"), "{dump}");
    assert_eq!(tflite_to_mlir(&bytes).unwrap(), tflite_to_mlir(&inline).unwrap());
}

#[test]
fn the_large_layout_can_be_forced() {
    let (bytes, external) = write(&two_dense(), FLATBUFFER_MAX_BYTES, BufferLayout::External).unwrap();
    assert!(external);
    assert!(bytes.len() > 8000 && bytes.len() < 9000, "{}", bytes.len());
}

#[test]
fn expanded_constants_past_the_limit_in_all_are_refused() {
    let (err, diags) = write(TWO_CONSTANTS, 6000, BufferLayout::Auto).unwrap_err();
    assert!(diags.is_empty(), "{diags:?}");
    let TranslateError::Message(m) = err else { panic!("{err:?}") };
    assert!(
        m.starts_with("the model's splat (or bool, or packed) constants take 8000 bytes once expanded, more than the 6000 bytes"),
        "{m}"
    );
    assert!(m.contains("nothing was written"), "{m}");
}

#[test]
fn equal_constants_count_once() {
    // One attribute, one buffer: 4000 bytes, within 6000.
    let text = TWO_CONSTANTS.replace("dense<2.0>", "dense<1.0>");
    assert!(write(&text, 6000, BufferLayout::Auto).is_ok());
}

#[test]
fn an_expanded_constant_past_the_limit_is_an_error_at_its_op() {
    let (err, diags) = write(TWO_CONSTANTS, 3000, BufferLayout::Auto).unwrap_err();
    assert!(matches!(err, TranslateError::Diagnosed(2)), "{err:?}");
    assert_eq!(diags.len(), 2);
    assert!(
        diags[0].starts_with("'tfl.pseudo_const' op holds 4000 bytes (tensor<1000xf32>), which edge would expand in memory"),
        "{diags:?}"
    );
}

#[test]
fn tables_past_the_limit_are_refused() {
    // Even with the data after it, the flatbuffer takes more than 200 bytes.
    let (err, diags) = write(&two_dense(), 200, BufferLayout::Auto).unwrap_err();
    assert!(diags.is_empty(), "{diags:?}");
    let TranslateError::Message(m) = err else { panic!("{err:?}") };
    assert!(m.starts_with("the flatbuffer without its constant data (written after it) would take "), "{m}");
    assert!(m.contains("more than the 200 a flatbuffer can hold"), "{m}");
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
    let (err, diags) = write(text, FLATBUFFER_MAX_BYTES, BufferLayout::Auto).unwrap_err();
    assert!(matches!(err, TranslateError::Diagnosed(1)), "{err:?}");
    assert!(diags[0].starts_with("'tfl.pseudo_const' op holds 40000000000 bytes"), "{diags:?}");
}

#[test]
fn a_dim_past_int32_is_refused() {
    let text = r#"
func.func @main() -> tensor<3000000000xi8> {
  %c = "tfl.pseudo_const"() {value = dense<1> : tensor<3000000000xi8>} : () -> tensor<3000000000xi8>
  return %c : tensor<3000000000xi8>
}
"#;
    let (err, diags) = write(text, FLATBUFFER_MAX_BYTES, BufferLayout::Auto).unwrap_err();
    assert!(matches!(err, TranslateError::Diagnosed(1)), "{err:?}");
    assert!(diags[0].contains("has a dim of 3000000000"), "{diags:?}");
}

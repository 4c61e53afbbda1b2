//! The StableHLO catalog on real MLIR: generic-form StableHLO, as stablehlo-opt,
//! torch-mlir and JAX print it, parsed with melior (the `stablehlo` dialect
//! unregistered) and checked by the verify step. Valid IR must give no error;
//! each negative case is named after the spec constraint it breaks.

use edge_dialects::verify::verify_operation;
use melior::dialect::DialectHandle;
use melior::ir::Module;
use melior::Context;
use std::cell::RefCell;
use std::rc::Rc;

/// Parses `src`, runs the verify step, returns the emitted error messages.
fn verify(src: &str) -> Vec<String> {
    let context = Context::new();
    DialectHandle::func().register_dialect(&context);
    DialectHandle::quant().register_dialect(&context);
    context.get_or_load_dialect("func");
    context.get_or_load_dialect("quant");
    context.set_allow_unregistered_dialects(true);
    let messages = Rc::new(RefCell::new(Vec::new()));
    let sink = messages.clone();
    let handler = context.attach_diagnostic_handler(move |d| {
        sink.borrow_mut().push(d.to_string());
        true
    });
    let module = Module::parse(&context, src);
    let Some(module) = module else {
        panic!("failed to parse:\n{src}\n{:?}", messages.borrow());
    };
    let errors = verify_operation(module.as_operation().to_raw());
    drop(module);
    context.detach_diagnostic_handler(handler);
    let messages = messages.borrow().clone();
    assert_eq!(errors, messages.len(), "each error is reported once: {messages:?}");
    messages
}

fn assert_valid(src: &str) {
    let errors = verify(src);
    assert!(errors.is_empty(), "unexpected errors: {errors:#?}");
}

/// Exactly one error, containing every `needle`.
fn assert_error(src: &str, needles: &[&str]) {
    let errors = verify(src);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    for n in needles {
        assert!(errors[0].contains(n), "error {:?} lacks {n:?}", errors[0]);
    }
}

/// `body` inside `func.func @main(<args>)`, ending in `return`.
fn func(args: &str, body: &str) -> String {
    format!("func.func @main({args}) {{\n{body}\n  return\n}}\n")
}

// ---------------------------------------------------------------------------------
// Valid IR.

#[test]
fn conv_net_verifies() {
    assert_valid(
        r#"
func.func @main(%arg0: tensor<1x3x8x8xf32>) -> tensor<1x10xf32> {
  %w = "stablehlo.constant"() {value = dense<1.000000e-01> : tensor<4x3x3x3xf32>} : () -> tensor<4x3x3x3xf32>
  %b = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "stablehlo.convolution"(%arg0, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %1 = "stablehlo.broadcast_in_dim"(%b) {broadcast_dimensions = array<i64: 1>} : (tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %2 = "stablehlo.add"(%0, %1) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %zero = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
  %3 = "stablehlo.broadcast_in_dim"(%zero) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x4x8x8xf32>
  %4 = "stablehlo.maximum"(%2, %3) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %5 = "stablehlo.reduce_window"(%4, %ninf) ({
  ^bb0(%a: tensor<f32>, %c: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %c) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<0> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  %6 = "stablehlo.reshape"(%5) : (tensor<1x4x4x4xf32>) -> tensor<1x64xf32>
  %fc = "stablehlo.constant"() {value = dense<1.000000e-02> : tensor<10x64xf32>} : () -> tensor<10x64xf32>
  %7 = "stablehlo.transpose"(%fc) {permutation = array<i64: 1, 0>} : (tensor<10x64xf32>) -> tensor<64x10xf32>
  %8 = "stablehlo.dot_general"(%6, %7) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<1x64xf32>, tensor<64x10xf32>) -> tensor<1x10xf32>
  return %8 : tensor<1x10xf32>
}
"#,
    );
}

#[test]
fn convolution_layouts_strides_groups_and_raw_form() {
    assert_valid(&func(
        "%x: tensor<2x9x9x8xf32>, %dw: tensor<3x3x1x8xf32>, %n: tensor<1x8x9x9xf32>, %k: tensor<16x8x3x3xf32>",
        r#"
  %0 = "stablehlo.convolution"(%x, %dw) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 8 : i64, padding = dense<[[1, 1], [0, 1]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 1>, window_strides = array<i64: 2, 2>} : (tensor<2x9x9x8xf32>, tensor<3x3x1x8xf32>) -> tensor<2x4x4x8xf32>
  %1 = "stablehlo.convolution"(%n, %k) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<raw input_batch_dimension = 0, input_feature_dimension = 1, input_spatial_dimensions = [2, 3], kernel_input_feature_dimension = 1, kernel_output_feature_dimension = 0, kernel_spatial_dimensions = [2, 3], output_batch_dimension = 0, output_feature_dimension = 1, output_spatial_dimensions = [2, 3]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]} : (tensor<1x8x9x9xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x15x15xf32>"#,
    ));
}

#[test]
fn dot_general_batched_and_mixed_precision() {
    assert_valid(&func(
        "%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>, %i: tensor<8x16xi8>, %j: tensor<16x4xi8>, %m: tensor<3x4xf32>, %v: tensor<4xf32>",
        r#"
  %0 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision HIGHEST>]} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  %1 = "stablehlo.dot_general"(%i, %j) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<8x16xi8>, tensor<16x4xi8>) -> tensor<8x4xi32>
  %2 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, algorithm = #stablehlo.dot_algorithm<lhs_precision_type = tf32, rhs_precision_type = tf32, accumulation_type = f32, lhs_component_count = 1, rhs_component_count = 1, num_primitive_operations = 1, allow_imprecise_accumulation = false>} : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  %3 = "stablehlo.dot"(%m, %v) : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<3xf32>"#,
    ));
}

#[test]
fn reduce_with_region_and_variadic_argmax() {
    assert_valid(&func(
        "%x: tensor<2x3xf32>",
        r#"
  %init = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
  %sum = "stablehlo.reduce"(%x, %init) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  %iota = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<2x3xi32>
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %zi = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %r:2 = "stablehlo.reduce"(%x, %iota, %ninf, %zi) ({
  ^bb0(%a: tensor<f32>, %ai: tensor<i32>, %b: tensor<f32>, %bi: tensor<i32>):
    %gt = "stablehlo.compare"(%a, %b) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction GT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v = "stablehlo.select"(%gt, %a, %b) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %i = "stablehlo.select"(%gt, %ai, %bi) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
    "stablehlo.return"(%v, %i) : (tensor<f32>, tensor<i32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<2x3xi32>, tensor<f32>, tensor<i32>) -> (tensor<2xf32>, tensor<2xi32>)"#,
    ));
}

#[test]
fn compare_select_and_broadcast_in_dim() {
    assert_valid(&func(
        "%x: tensor<2x3xf32>, %y: tensor<3xf32>, %p: tensor<i1>",
        r#"
  %0 = "stablehlo.broadcast_in_dim"(%y) {broadcast_dimensions = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x3xf32>
  %1 = "stablehlo.compare"(%x, %0) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %2 = "stablehlo.compare"(%x, %0) {comparison_direction = #stablehlo.comparison_direction<GE>, compare_type = #stablehlo<comparison_type TOTALORDER>} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %3 = "stablehlo.select"(%1, %x, %0) : (tensor<2x3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = "stablehlo.select"(%p, %x, %0) : (tensor<i1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 0, 2>} : (tensor<2x3xf32>) -> tensor<2x5x3xf32>
  %6 = "stablehlo.broadcast_in_dim"(%y) {broadcast_dimensions = dense<1> : tensor<1xi64>} : (tensor<3xf32>) -> tensor<4x3xf32>"#,
    ));
}

#[test]
fn gather_forms() {
    assert_valid(&func(
        "%table: tensor<100x16xf32>, %ids: tensor<2x5xi64>, %x: tensor<3x4xf32>, %i: tensor<2x1xi32>, %op: tensor<2x5x4xf32>, %bi: tensor<2x3x1xi32>",
        r#"
  %0 = "stablehlo.gather"(%table, %ids) {dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 16>} : (tensor<100x16xf32>, tensor<2x5xi64>) -> tensor<2x5x16xf32>
  %1 = "stablehlo.gather"(%x, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>} : (tensor<3x4xf32>, tensor<2x1xi32>) -> tensor<2x4xf32>
  %2 = "stablehlo.gather"(%op, %bi) {dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [1], operand_batching_dims = [0], start_indices_batching_dims = [0], start_index_map = [1], index_vector_dim = 2>, slice_sizes = array<i64: 1, 1, 4>} : (tensor<2x5x4xf32>, tensor<2x3x1xi32>) -> tensor<2x3x4xf32>"#,
    ));
}

#[test]
fn assorted_ops_verify() {
    assert_valid(
        r#"
func.func private @gelu_impl(%arg: tensor<2x3xf32>) -> tensor<2x3xf32> {
  return %arg : tensor<2x3xf32>
}
func.func @main(%x: tensor<2x3xf32>, %xi: tensor<2x3xi32>, %i: tensor<i64>, %p: tensor<i1>, %img: tensor<1x4x8x8xf32>, %v4: tensor<4xf32>, %st: tensor<2xui64>, %sig: tensor<4x8xf32>, %cx: tensor<2xcomplex<f32>>, %idx: tensor<2x1xi64>, %upd: tensor<2x3xf32>, %src: tensor<1x4x4x4xf32>) {
  %c0 = "stablehlo.convert"(%xi) : (tensor<2x3xi32>) -> tensor<2x3xf32>
  %sl = "stablehlo.slice"(%x) {limit_indices = array<i64: 2, 3>, start_indices = array<i64: 0, 1>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  %sl2 = "stablehlo.slice"(%x) {limit_indices = array<i64: 2, 3>, start_indices = array<i64: 0, 0>, strides = array<i64: 2, 2>} : (tensor<2x3xf32>) -> tensor<1x2xf32>
  %cat = "stablehlo.concatenate"(%x, %sl) {dimension = 1 : i64} : (tensor<2x3xf32>, tensor<2x2xf32>) -> tensor<2x5xf32>
  %zero = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
  %pad = "stablehlo.pad"(%x, %zero) {edge_padding_high = array<i64: 1, 0>, edge_padding_low = array<i64: 0, 1>, interior_padding = array<i64: 0, 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<3x6xf32>
  %ds = "stablehlo.dynamic_slice"(%x, %i, %i) {slice_sizes = array<i64: 1, 2>} : (tensor<2x3xf32>, tensor<i64>, tensor<i64>) -> tensor<1x2xf32>
  %dus = "stablehlo.dynamic_update_slice"(%x, %ds, %i, %i) : (tensor<2x3xf32>, tensor<1x2xf32>, tensor<i64>, tensor<i64>) -> tensor<2x3xf32>
  %one = "stablehlo.constant"() {value = dense<1.000000e+00> : tensor<f32>} : () -> tensor<f32>
  %cl = "stablehlo.clamp"(%zero, %x, %one) : (tensor<f32>, tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %rs = "stablehlo.rsqrt"(%cl) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %ex = "stablehlo.exponential"(%rs) {result_accuracy = #stablehlo.result_accuracy<atol = 0.000000e+00, rtol = 0.000000e+00, ulps = 1, mode = #stablehlo.result_accuracy_mode<DEFAULT>>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %fin = "stablehlo.is_finite"(%ex) : (tensor<2x3xf32>) -> tensor<2x3xi1>
  %nt = "stablehlo.not"(%fin) : (tensor<2x3xi1>) -> tensor<2x3xi1>
  %sh = "stablehlo.shift_left"(%xi, %xi) : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>
  %pc = "stablehlo.popcnt"(%sh) : (tensor<2x3xi32>) -> tensor<2x3xi32>
  %ab = "stablehlo.abs"(%cx) : (tensor<2xcomplex<f32>>) -> tensor<2xf32>
  %re = "stablehlo.real"(%cx) : (tensor<2xcomplex<f32>>) -> tensor<2xf32>
  %im = "stablehlo.imag"(%cx) : (tensor<2xcomplex<f32>>) -> tensor<2xf32>
  %cp = "stablehlo.complex"(%re, %im) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xcomplex<f32>>
  %bc = "stablehlo.bitcast_convert"(%x) : (tensor<2x3xf32>) -> tensor<2x3xi32>
  %bc8 = "stablehlo.bitcast_convert"(%x) : (tensor<2x3xf32>) -> tensor<2x3x4xi8>
  %rp = "stablehlo.reduce_precision"(%x) {exponent_bits = 5 : i32, mantissa_bits = 10 : i32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %rev = "stablehlo.reverse"(%x) {dimensions = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %gds = "stablehlo.get_dimension_size"(%x) {dimension = 1 : i64} : (tensor<2x3xf32>) -> tensor<i32>
  %bn = "stablehlo.batch_norm_inference"(%img, %v4, %v4, %v4, %v4) {epsilon = 1.000000e-05 : f32, feature_index = 1 : i64} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %bt:3 = "stablehlo.batch_norm_training"(%img, %v4, %v4) {epsilon = 1.000000e-05 : f32, feature_index = 1 : i64} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>)
  %sas = "stablehlo.select_and_scatter"(%img, %src, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %ge = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction GE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    "stablehlo.return"(%ge) : (tensor<i1>) -> ()
  }, {
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>, tensor<1x4x4x4xf32>, tensor<f32>) -> tensor<1x4x8x8xf32>
  %sc = "stablehlo.scatter"(%x, %idx, %upd) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    "stablehlo.return"(%b) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<2x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %iota = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<2x3xi32>
  %srt:2 = "stablehlo.sort"(%x, %iota) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<i32>, %d: tensor<i32>):
    %lt = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }) {dimension = 1 : i64, is_stable = true} : (tensor<2x3xf32>, tensor<2x3xi32>) -> (tensor<2x3xf32>, tensor<2x3xi32>)
  %n = "stablehlo.constant"() {value = dense<4> : tensor<i64>} : () -> tensor<i64>
  %w:2 = "stablehlo.while"(%i, %x) ({
  ^bb0(%k: tensor<i64>, %acc: tensor<2x3xf32>):
    %lt = "stablehlo.compare"(%k, %n) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }, {
  ^bb0(%k: tensor<i64>, %acc: tensor<2x3xf32>):
    %k1 = "stablehlo.add"(%k, %n) : (tensor<i64>, tensor<i64>) -> tensor<i64>
    %a1 = "stablehlo.multiply"(%acc, %acc) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    "stablehlo.return"(%k1, %a1) : (tensor<i64>, tensor<2x3xf32>) -> ()
  }) : (tensor<i64>, tensor<2x3xf32>) -> (tensor<i64>, tensor<2x3xf32>)
  %if = "stablehlo.if"(%p) ({
    "stablehlo.return"(%x) : (tensor<2x3xf32>) -> ()
  }, {
    "stablehlo.return"(%upd) : (tensor<2x3xf32>) -> ()
  }) : (tensor<i1>) -> tensor<2x3xf32>
  %idx32 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %case = "stablehlo.case"(%idx32) ({
    "stablehlo.return"(%x) : (tensor<2x3xf32>) -> ()
  }, {
    "stablehlo.return"(%upd) : (tensor<2x3xf32>) -> ()
  }) : (tensor<i32>) -> tensor<2x3xf32>
  %cc = "stablehlo.custom_call"(%x) {api_version = 2 : i32, backend_config = "cfg", call_target_name = "my_op", has_side_effect = false} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %cc4 = "stablehlo.custom_call"(%x, %i) {api_version = 4 : i32, backend_config = {alpha = 1.000000e+00 : f32}, call_target_name = "my_ffi_op", output_operand_aliases = [#stablehlo.output_operand_alias<output_tuple_indices = [], operand_index = 0, operand_tuple_indices = []>]} : (tensor<2x3xf32>, tensor<i64>) -> tensor<2x3xf32>
  %comp = "stablehlo.composite"(%x) {composite_attributes = {approximate = "tanh"}, decomposition = @gelu_impl, name = "my.gelu", version = 1 : i32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %tup = "stablehlo.tuple"(%x, %i) : (tensor<2x3xf32>, tensor<i64>) -> tuple<tensor<2x3xf32>, tensor<i64>>
  %gte = "stablehlo.get_tuple_element"(%tup) {index = 1 : i32} : (tuple<tensor<2x3xf32>, tensor<i64>>) -> tensor<i64>
  %ob:2 = "stablehlo.optimization_barrier"(%x, %i) : (tensor<2x3xf32>, tensor<i64>) -> (tensor<2x3xf32>, tensor<i64>)
  %tok = "stablehlo.create_token"() : () -> !stablehlo.token
  %tok2 = "stablehlo.after_all"(%tok) : (!stablehlo.token) -> !stablehlo.token
  %rbg:2 = "stablehlo.rng_bit_generator"(%st) {rng_algorithm = #stablehlo<rng_algorithm THREE_FRY>} : (tensor<2xui64>) -> (tensor<2xui64>, tensor<4xui32>)
  %shape = "stablehlo.constant"() {value = dense<[2, 3]> : tensor<2xi64>} : () -> tensor<2xi64>
  %rng = "stablehlo.rng"(%zero, %one, %shape) {rng_distribution = #stablehlo<rng_distribution UNIFORM>} : (tensor<f32>, tensor<f32>, tensor<2xi64>) -> tensor<2x3xf32>
  %fft = "stablehlo.fft"(%sig) {fft_length = array<i64: 8>, fft_type = #stablehlo<fft_type RFFT>} : (tensor<4x8xf32>) -> tensor<4x5xcomplex<f32>>
  %rid = "stablehlo.replica_id"() : () -> tensor<ui32>
  %map = "stablehlo.map"(%x, %upd) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.subtract"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0, 1>} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %ar = "stablehlo.all_reduce"(%x) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {channel_handle = #stablehlo.channel_handle<handle = 1, type = 1>, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %ag = "stablehlo.all_gather"(%x) {all_gather_dim = 1 : i64, replica_groups = dense<[[0, 1]]> : tensor<1x2xi64>} : (tensor<2x3xf32>) -> tensor<2x6xf32>
  %cperm = "stablehlo.collective_permute"(%x) {source_target_pairs = dense<[[0, 1], [1, 0]]> : tensor<2x2xi64>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}
"#,
    );
}

#[test]
fn dynamic_dims_match_anything() {
    assert_valid(&func(
        "%d: tensor<?x3xf32>, %s: tensor<2xindex>, %k: tensor<3x4xf32>, %img: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %e: tensor<3xf32>",
        r#"
  %0 = "stablehlo.add"(%d, %d) : (tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  %1 = "stablehlo.get_dimension_size"(%d) {dimension = 0 : i64} : (tensor<?x3xf32>) -> tensor<i32>
  %2 = "stablehlo.dynamic_broadcast_in_dim"(%e, %s) {broadcast_dimensions = array<i64: 1>} : (tensor<3xf32>, tensor<2xindex>) -> tensor<?x3xf32>
  %3 = "stablehlo.dynamic_reshape"(%d, %s) : (tensor<?x3xf32>, tensor<2xindex>) -> tensor<3x?xf32>
  %4 = "stablehlo.dynamic_iota"(%s) {iota_dimension = 0 : i64} : (tensor<2xindex>) -> tensor<?x?xi32>
  %5 = "stablehlo.transpose"(%d) {permutation = array<i64: 1, 0>} : (tensor<?x3xf32>) -> tensor<3x?xf32>
  %6 = "stablehlo.dot_general"(%d, %k) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<?x3xf32>, tensor<3x4xf32>) -> tensor<?x4xf32>
  %7 = "stablehlo.convolution"(%img, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64} : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x6x6xf32>
  %8 = "stablehlo.concatenate"(%d, %d) {dimension = 0 : i64} : (tensor<?x3xf32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  %9 = "stablehlo.broadcast_in_dim"(%d) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<?x3xf32>) -> tensor<5x3xf32>
  %10 = "stablehlo.slice"(%d) {limit_indices = array<i64: 1, 3>, start_indices = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<?x3xf32>) -> tensor<1x3xf32>
  %11 = "stablehlo.real_dynamic_slice"(%d, %s, %s, %s) : (tensor<?x3xf32>, tensor<2xindex>, tensor<2xindex>, tensor<2xindex>) -> tensor<?x?xf32>
  %12 = "stablehlo.reshape"(%d) : (tensor<?x3xf32>) -> tensor<6xf32>"#,
    ));
}

#[test]
fn quantized_ops_verify() {
    assert_valid(&func(
        "%x: tensor<2x3xf32>, %w: tensor<4x3x!quant.uniform<i8:f32:0, {0.1,0.2,0.3,0.4}>>",
        r#"
  %q = "stablehlo.uniform_quantize"(%x) : (tensor<2x3xf32>) -> tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>
  %a = "stablehlo.add"(%q, %q) : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<2x3x!quant.uniform<i8:f32, 2.000000e-01:0>>
  %d = "stablehlo.dot_general"(%q, %w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [1]>} : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>, tensor<4x3x!quant.uniform<i8:f32:0, {0.1,0.2,0.3,0.4}>>) -> tensor<2x4x!quant.uniform<i32:f32:1, {0.01,0.02,0.03,0.04}>>
  %t = "stablehlo.transpose"(%q) {permutation = array<i64: 1, 0>} : (tensor<2x3x!quant.uniform<i8:f32, 1.000000e-01:-3>>) -> tensor<3x2x!quant.uniform<i8:f32, 1.000000e-01:-3>>
  %f = "stablehlo.uniform_dequantize"(%a) : (tensor<2x3x!quant.uniform<i8:f32, 2.000000e-01:0>>) -> tensor<2x3xf32>"#,
    ));
}

// ---------------------------------------------------------------------------------
// Invalid IR: one error each, citing the constraint.

#[test]
fn transpose_c2_rejects_a_non_permutation() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>",
            r#"  %0 = "stablehlo.transpose"(%x) {permutation = array<i64: 0, 0>} : (tensor<2x3xf32>) -> tensor<2x2xf32>"#,
        ),
        &["'stablehlo.transpose' op", "permutation [0, 0]", "transpose_c2"],
    );
}

#[test]
fn transpose_c3_rejects_a_wrong_result_shape() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>",
            r#"  %0 = "stablehlo.transpose"(%x) {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<2x3xf32>"#,
        ),
        &["result #0 has type tensor<2x3xf32>", "tensor<3x2xf32>"],
    );
}

#[test]
fn broadcast_in_dim_c3_rejects_dims_out_of_range() {
    assert_error(
        &func(
            "%x: tensor<3xf32>",
            r#"  %0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 2>} : (tensor<3xf32>) -> tensor<2x3xf32>"#,
        ),
        &["'stablehlo.broadcast_in_dim' op", "broadcast_in_dim_c3"],
    );
}

#[test]
fn broadcast_in_dim_c5_rejects_mismatched_sizes() {
    assert_error(
        &func(
            "%x: tensor<3xf32>",
            r#"  %0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 0>} : (tensor<3xf32>) -> tensor<2x3xf32>"#,
        ),
        &["broadcast_in_dim_c5"],
    );
}

#[test]
fn concatenate_c2_rejects_mismatched_shapes() {
    assert_error(
        &func(
            "%a: tensor<2x3xf32>, %b: tensor<3x4xf32>",
            r#"  %0 = "stablehlo.concatenate"(%a, %b) {dimension = 0 : i64} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<5x3xf32>"#,
        ),
        &["'stablehlo.concatenate' op", "concatenate_c2"],
    );
}

#[test]
fn concatenate_c6_rejects_a_wrong_result_size() {
    assert_error(
        &func(
            "%a: tensor<2x3xf32>, %b: tensor<3x3xf32>",
            r#"  %0 = "stablehlo.concatenate"(%a, %b) {dimension = 0 : i64} : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<6x3xf32>"#,
        ),
        &["tensor<5x3xf32>"],
    );
}

#[test]
fn compare_requires_comparison_direction() {
    assert_error(
        &func(
            "%a: tensor<2xf32>",
            r#"  %0 = "stablehlo.compare"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>"#,
        ),
        &["'stablehlo.compare' op requires attribute 'comparison_direction'"],
    );
}

#[test]
fn compare_rejects_an_unknown_direction() {
    assert_error(
        &func(
            "%a: tensor<2xf32>",
            r#"  %0 = "stablehlo.compare"(%a, %a) {comparison_direction = #stablehlo<comparison_direction LTE>} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xi1>"#,
        ),
        &["comparison_direction", "LTE"],
    );
}

#[test]
fn convolution_requires_dimension_numbers_of_the_right_kind() {
    assert_error(
        &func(
            "%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>",
            r#"  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = "nchw", feature_group_count = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>"#,
        ),
        &["attribute 'dimension_numbers' must be a #stablehlo.conv attribute"],
    );
}

#[test]
fn convolution_c25_rejects_a_wrong_output_size() {
    assert_error(
        &func(
            "%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>",
            r#"  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, window_strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x7x7xf32>"#,
        ),
        &["tensor<1x4x8x8xf32>"],
    );
}

#[test]
fn convolution_c14_rejects_a_kernel_feature_mismatch() {
    assert_error(
        &func(
            "%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x3x3xf32>",
            r#"  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x6x6xf32>"#,
        ),
        &["convolution_c14"],
    );
}

#[test]
fn dot_general_c10_rejects_contracting_size_mismatch() {
    assert_error(
        &func(
            "%a: tensor<2x3x4xf32>, %b: tensor<2x5x6xf32>",
            r#"  %0 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<2x3x4xf32>, tensor<2x5x6xf32>) -> tensor<2x3x6xf32>"#,
        ),
        &["dot_general_c10"],
    );
}

#[test]
fn reshape_c2_rejects_a_different_element_count() {
    assert_error(
        &func("%x: tensor<2x3xf32>", r#"  %0 = "stablehlo.reshape"(%x) : (tensor<2x3xf32>) -> tensor<5xf32>"#),
        &["reshape_c2"],
    );
}

#[test]
fn slice_c3_rejects_a_limit_past_the_end() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>",
            r#"  %0 = "stablehlo.slice"(%x) {limit_indices = array<i64: 2, 4>, start_indices = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x4xf32>"#,
        ),
        &["slice_c3"],
    );
}

#[test]
fn reduce_c4_rejects_a_dimension_out_of_range() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>, %z: tensor<f32>",
            r#"  %0 = "stablehlo.reduce"(%x, %z) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 2>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>"#,
        ),
        &["'stablehlo.reduce' op", "reduce_c4"],
    );
}

#[test]
fn reduce_c7_rejects_a_wrong_result_shape() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>, %z: tensor<f32>",
            r#"  %0 = "stablehlo.reduce"(%x, %z) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<3xf32>"#,
        ),
        &["tensor<2xf32>"],
    );
}

#[test]
fn gather_c1_rejects_dims_not_covering_the_operand() {
    assert_error(
        &func(
            "%x: tensor<3x4xf32>, %i: tensor<2x1xi32>",
            r#"  %0 = "stablehlo.gather"(%x, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [1], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 4>} : (tensor<3x4xf32>, tensor<2x1xi32>) -> tensor<2x4xf32>"#,
        ),
        &["gather_c1"],
    );
}

#[test]
fn iota_c1_rejects_a_dimension_out_of_range() {
    assert_error(
        &func("", r#"  %0 = "stablehlo.iota"() {iota_dimension = 2 : i64} : () -> tensor<2x3xi32>"#),
        &["iota_c1"],
    );
}

#[test]
fn binary_ops_do_not_broadcast() {
    assert_error(
        &func(
            "%a: tensor<2x3xf32>, %b: tensor<3xf32>",
            r#"  %0 = "stablehlo.add"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>"#,
        ),
        &["same shape"],
    );
}

#[test]
fn element_classes_are_checked() {
    assert_error(
        &func("%a: tensor<2xi32>", r#"  %0 = "stablehlo.sqrt"(%a) : (tensor<2xi32>) -> tensor<2xi32>"#),
        &["floating-point, complex or quantized"],
    );
}

#[test]
fn region_count_is_checked() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>, %z: tensor<f32>",
            r#"  %0 = "stablehlo.reduce"(%x, %z) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>"#,
        ),
        &["expected 1 regions, got 0"],
    );
}

#[test]
fn unknown_ops_are_reported() {
    assert_error(
        &func("%x: tensor<2xf32>", r#"  %0 = "stablehlo.frobnicate"(%x) : (tensor<2xf32>) -> tensor<2xf32>"#),
        &["'stablehlo.frobnicate' op is not a known stablehlo operation"],
    );
}

#[test]
fn errors_inside_regions_are_found() {
    assert_error(
        &func(
            "%x: tensor<2x3xf32>, %z: tensor<f32>",
            r#"  %0 = "stablehlo.reduce"(%x, %z) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %x) : (tensor<f32>, tensor<2x3xf32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>"#,
        ),
        &["'stablehlo.add' op", "same shape"],
    );
}

/// One invalid op per constraint: (constraint label, function arguments, op, text the
/// error must contain).
#[test]
fn constraints_by_label() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "dot_general_c9",
            "%a: tensor<2x3x4xf32>, %b: tensor<3x4x5xf32>",
            r#"%0 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<2x3x4xf32>, tensor<3x4x5xf32>) -> tensor<2x3x5xf32>"#,
            "dot_general_c9",
        ),
        (
            "dot_general_c6",
            "%a: tensor<3x4xf32>, %b: tensor<4x5xf32>",
            r#"%0 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>"#,
            "dot_general_c6",
        ),
        (
            "pad_c3",
            "%x: tensor<2xf32>, %z: tensor<f32>",
            r#"%0 = "stablehlo.pad"(%x, %z) {edge_padding_high = array<i64: 0>, edge_padding_low = array<i64: 0>, interior_padding = array<i64: -1>} : (tensor<2xf32>, tensor<f32>) -> tensor<1xf32>"#,
            "pad_c3",
        ),
        (
            "pad_c4",
            "%x: tensor<2xf32>, %z: tensor<f32>",
            r#"%0 = "stablehlo.pad"(%x, %z) {edge_padding_high = array<i64: 1>, edge_padding_low = array<i64: -1>, interior_padding = array<i64: 2>} : (tensor<2xf32>, tensor<f32>) -> tensor<3xf32>"#,
            "tensor<4xf32>",
        ),
        (
            "dynamic_slice_c4",
            "%x: tensor<2x3xf32>, %i: tensor<i32>",
            r#"%0 = "stablehlo.dynamic_slice"(%x, %i, %i) {slice_sizes = array<i64: 1, 4>} : (tensor<2x3xf32>, tensor<i32>, tensor<i32>) -> tensor<1x4xf32>"#,
            "dynamic_slice_c4",
        ),
        (
            "dynamic_slice_c2",
            "%x: tensor<2x3xf32>, %i: tensor<i32>",
            r#"%0 = "stablehlo.dynamic_slice"(%x, %i) {slice_sizes = array<i64: 1, 2>} : (tensor<2x3xf32>, tensor<i32>) -> tensor<1x2xf32>"#,
            "dynamic_slice_c2",
        ),
        (
            "select_c1",
            "%p: tensor<3xi1>, %x: tensor<2x3xf32>",
            r#"%0 = "stablehlo.select"(%p, %x, %x) : (tensor<3xi1>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>"#,
            "select_c1",
        ),
        (
            "clamp_c1",
            "%lo: tensor<3xf32>, %x: tensor<2x3xf32>",
            r#"%0 = "stablehlo.clamp"(%lo, %x, %lo) : (tensor<3xf32>, tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>"#,
            "clamp_c1",
        ),
        (
            "compare_c2",
            "%x: tensor<2x3xf32>",
            r#"%0 = "stablehlo.compare"(%x, %x) {comparison_direction = #stablehlo<comparison_direction EQ>} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>"#,
            "i1",
        ),
        (
            "gather_c21",
            "%x: tensor<3x4xf32>, %i: tensor<2x1xi32>",
            r#"%0 = "stablehlo.gather"(%x, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 5>} : (tensor<3x4xf32>, tensor<2x1xi32>) -> tensor<2x5xf32>"#,
            "gather_c21",
        ),
        (
            "gather_c22",
            "%x: tensor<3x4xf32>, %i: tensor<2x1xi32>",
            r#"%0 = "stablehlo.gather"(%x, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>, slice_sizes = array<i64: 1, 2>} : (tensor<3x4xf32>, tensor<2x1xi32>) -> tensor<2x4xf32>"#,
            "tensor<2x2xf32>",
        ),
        (
            "scatter_c4",
            "%x: tensor<5x4xf32>, %i: tensor<2x1xi64>, %u: tensor<3x4xf32>",
            r#"%0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    "stablehlo.return"(%b) : (tensor<f32>) -> ()
  }) {scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>} : (tensor<5x4xf32>, tensor<2x1xi64>, tensor<3x4xf32>) -> tensor<5x4xf32>"#,
            "scatter_c4",
        ),
        (
            "reduce_window_c4",
            "%x: tensor<4x4xf32>, %z: tensor<f32>",
            r#"%0 = "stablehlo.reduce_window"(%x, %z) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    "stablehlo.return"(%a) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 2>} : (tensor<4x4xf32>, tensor<f32>) -> tensor<3x4xf32>"#,
            "reduce_window_c4",
        ),
        (
            "reduce_window_c15",
            "%x: tensor<4x4xf32>, %z: tensor<f32>",
            r#"%0 = "stablehlo.reduce_window"(%x, %z) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    "stablehlo.return"(%a) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 2, 2>, window_strides = array<i64: 2, 1>} : (tensor<4x4xf32>, tensor<f32>) -> tensor<2x2xf32>"#,
            "tensor<2x3xf32>",
        ),
        (
            "convolution_c23",
            "%x: tensor<4x4x8x8xf32>, %w: tensor<4x2x3x3xf32>",
            r#"%0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 2 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 2 : i64} : (tensor<4x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<2x4x6x6xf32>"#,
            "convolution_c23",
        ),
        (
            "convolution_c2",
            "%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>",
            r#"%0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, window_strides = array<i64: 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>"#,
            "convolution_c2",
        ),
        (
            "broadcast_in_dim_c4",
            "%x: tensor<1x3xf32>",
            r#"%0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 1, 1>} : (tensor<1x3xf32>) -> tensor<2x3xf32>"#,
            "broadcast_in_dim_c4",
        ),
        (
            "reverse_c2",
            "%x: tensor<2x3xf32>",
            r#"%0 = "stablehlo.reverse"(%x) {dimensions = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>"#,
            "reverse_c2",
        ),
        (
            "sort_c4",
            "%x: tensor<2x3xf32>",
            r#"%0 = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %lt = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }) {dimension = 2 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>"#,
            "sort_c4",
        ),
        (
            "composite_c1",
            "%x: tensor<2xf32>",
            r#"%0 = "stablehlo.composite"(%x) {decomposition = @impl, name = "gelu"} : (tensor<2xf32>) -> tensor<2xf32>"#,
            "composite_c1",
        ),
        (
            "custom_call backend_config",
            "%x: tensor<2xf32>",
            r#"%0 = "stablehlo.custom_call"(%x) {api_version = 4 : i32, backend_config = "cfg", call_target_name = "f"} : (tensor<2xf32>) -> tensor<2xf32>"#,
            "must be a dictionary",
        ),
        (
            "get_dimension_size_c1",
            "%x: tensor<2xf32>",
            r#"%0 = "stablehlo.get_dimension_size"(%x) {dimension = 1 : i64} : (tensor<2xf32>) -> tensor<i32>"#,
            "get_dimension_size_c1",
        ),
        (
            "batch_norm_inference_c3",
            "%x: tensor<1x4x2x2xf32>, %v: tensor<3xf32>",
            r#"%0 = "stablehlo.batch_norm_inference"(%x, %v, %v, %v, %v) {epsilon = 1.0e-05 : f32, feature_index = 1 : i64} : (tensor<1x4x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x4x2x2xf32>"#,
            "batch_norm_inference_c3",
        ),
        (
            "uniform_dequantize_c2",
            "%q: tensor<2x!quant.uniform<i8:f32, 0.5:1>>",
            r#"%0 = "stablehlo.uniform_dequantize"(%q) : (tensor<2x!quant.uniform<i8:f32, 0.5:1>>) -> tensor<2xf16>"#,
            "tensor<2xf32>",
        ),
    ];
    for (label, args, op, needle) in cases {
        let errors = verify(&func(args, &format!("  {op}")));
        assert_eq!(errors.len(), 1, "{label}: expected one error, got {errors:#?}");
        assert!(errors[0].contains(needle), "{label}: error {:?} lacks {needle:?}", errors[0]);
    }
}

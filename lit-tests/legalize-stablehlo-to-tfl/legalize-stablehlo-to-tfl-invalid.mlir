// Every op without a rule is reported at its location, all at once.
// RUN: edge-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))'

func.func @two_illegal(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.shift_left'}}
  %0 = "stablehlo.shift_left"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // expected-error@+1 {{failed to legalize operation 'stablehlo.popcnt'}}
  %1 = "stablehlo.popcnt"(%0) : (tensor<4xi32>) -> tensor<4xi32>
  return %1 : tensor<4xi32>
}

// -----

// A reduce whose body is not one op of the two block arguments has no TFL builtin.
func.func @reduce_two_op_body(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  // expected-error@+1 {{failed to legalize operation 'stablehlo.reduce'}}
  %s = "stablehlo.reduce"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %sq = "stablehlo.multiply"(%b, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %r = "stablehlo.add"(%a, %sq) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %s : tensor<2xf32>
}

// -----

// LiteRT has no bfloat16 kernels: a conversion to bf16 is not legalized.
func.func @to_bf16(%x: tensor<4xf32>) -> tensor<4xbf16> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.convert'}}
  %0 = "stablehlo.convert"(%x) : (tensor<4xf32>) -> tensor<4xbf16>
  return %0 : tensor<4xbf16>
}

// -----

// A pad of an unknown length has no static paddings.
func.func @dynamic_interior_pad(%x: tensor<?xf32>, %z: tensor<f32>) -> tensor<?xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.pad'}}
  %0 = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: 0>, edge_padding_high = array<i64: 0>, interior_padding = array<i64: 1>} : (tensor<?xf32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A rule fires only where the TFL op accepts the types: TFLite has no f16 arithmetic.
func.func @f16_add(%a: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.add': 'tfl.add' operand 'lhs' must have element type}}
  %0 = "stablehlo.add"(%a, %a) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// A gather whose slices are windows (slice size 2 of a dim of 4), not whole dims, has
// no TFL builtin here.
func.func @gather_window(%p: tensor<4x3xf32>, %i: tensor<2x1xi64>) -> tensor<2x2x3xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.gather'}}
  %0 = "stablehlo.gather"(%p, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [1, 2], start_index_map = [0], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 2, 3>} : (tensor<4x3xf32>, tensor<2x1xi64>) -> tensor<2x2x3xf32>
  return %0 : tensor<2x2x3xf32>
}

// -----

// A sort whose second operand is not an iota (a key-value sort) is not a top-k.
func.func @sort_pairs(%k: tensor<4xf32>, %v: tensor<4xi64>) -> tensor<4xi64> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.sort'}}
  %s:2 = "stablehlo.sort"(%k, %v) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %ai: tensor<i64>, %bi: tensor<i64>):
    %lt = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }) {dimension = 0 : i64, is_stable = true} : (tensor<4xf32>, tensor<4xi64>) -> (tensor<4xf32>, tensor<4xi64>)
  return %s#1 : tensor<4xi64>
}

// -----

// remainder on a type floor_mod has no kernel for (f16) stays illegal.
func.func @remainder_f16(%x: tensor<4xf16>, %y: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.remainder'}}
  %0 = "stablehlo.remainder"(%x, %y) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// A scatter whose window covers part of an operand dim (a dynamic_update_slice written
// as a scatter) is not one of the row forms.
func.func @scatter_partial_window(%x: tensor<8xf32>, %i: tensor<1xi64>, %u: tensor<3xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.scatter'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    "stablehlo.return"(%b) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 0>, unique_indices = false} : (tensor<8xf32>, tensor<1xi64>, tensor<3xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}

// -----

// TFLite's segment reductions take float32 and int32 only: an int64 minimum stays.
func.func @scatter_min_i64(%x: tensor<4xi64>, %i: tensor<3x1xi64>, %u: tensor<3xi64>) -> tensor<4xi64> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.scatter'}}
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<i64>, %b: tensor<i64>):
    %m = "stablehlo.minimum"(%a, %b) : (tensor<i64>, tensor<i64>) -> tensor<i64>
    "stablehlo.return"(%m) : (tensor<i64>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<4xi64>, tensor<3x1xi64>, tensor<3xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// Bitwise ops on unsigned 16- and 32-bit or 64-bit unsigned integers: no TFLite kernel
// takes them.
func.func @bitwise_ui32(%a: tensor<4xui32>, %b: tensor<4xui32>) -> tensor<4xui32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.xor'}}
  %0 = "stablehlo.xor"(%a, %b) : (tensor<4xui32>, tensor<4xui32>) -> tensor<4xui32>
  return %0 : tensor<4xui32>
}

// -----

// An unsigned comparison has no signed top-k.
func.func @sort_unsigned_compare(%x: tensor<5xi32>) -> tensor<5xi32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.sort'}}
  %s = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %lt = "stablehlo.compare"(%a, %b) {compare_type = #stablehlo<comparison_type UNSIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i32>, tensor<i32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }) {dimension = 0 : i64, is_stable = true} : (tensor<5xi32>) -> tensor<5xi32>
  return %s : tensor<5xi32>
}

// -----

// An iota is never materialized whole past 2^24 elements (a fuzz finding allocated
// 2^57 bytes); a dim past TFLite's 32-bit shapes is an error.
func.func @iota_too_large() -> tensor<2x9007199254740992xi64> {
  // expected-error@+1 {{'stablehlo.iota' of shape [2, 9007199254740992] is too large: TFLite shapes are 32-bit}}
  %0 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<2x9007199254740992xi64>
  return %0 : tensor<2x9007199254740992xi64>
}

// -----

// A composite whose decomposition is missing cannot be inlined (composite_c2).
func.func @composite_without_decomposition(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.composite': composite 'my.op': decomposition @nowhere is not defined (composite_c2)}}
  %0 = "stablehlo.composite"(%x) {name = "my.op", decomposition = @nowhere, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Nor one whose decomposition takes other types than the composite's operands
// (composite_c3).
func.func @composite_type_mismatch(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.composite': composite 'my.op' takes (tensor<4xf32>) but its decomposition @other_types takes (tensor<2xf32>) (composite_c3)}}
  %0 = "stablehlo.composite"(%x) {name = "my.op", decomposition = @other_types, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @other_types(%x: tensor<2xf32>) -> tensor<4xf32> {
  %y = "stablehlo.concatenate"(%x, %x) {dimension = 0 : i64} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// An f16 composite no row maps (TFLite has no f16 GELU) is inlined; its f16 ops do not
// legalize either and are reported at the composite's location (the conversion
// pipeline widens f16 first: see stablehlo-widen-f16).
func.func @f16_composite(%x: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.tanh'}}
  %0 = "stablehlo.composite"(%x) {name = "aten.gelu", composite_attributes = {approximate = "tanh"}, decomposition = @f16_body, version = 0 : i32} : (tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}
func.func private @f16_body(%x: tensor<4xf16>) -> tensor<4xf16> {
  %y = "stablehlo.tanh"(%x) : (tensor<4xf16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}

// -----

// A decomposition that reaches itself through composites would be inlined forever.
func.func @recursive_composite(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.composite': composite 'my.op': decomposition @ping uses itself (through @pong, @ping), so it cannot be inlined}}
  %0 = "stablehlo.composite"(%x) {name = "my.op", decomposition = @ping, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @ping(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.composite"(%x) {name = "my.pong", decomposition = @pong, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @pong(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.composite"(%x) {name = "my.ping", decomposition = @ping, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// A product over a window that is not a prefix or suffix has no rule (TFLite has no
// product pool).
func.func @window_product(%x: tensor<2x6xf32>) -> tensor<2x3xf32> {
  %one = "stablehlo.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  // expected-error@+1 {{failed to legalize operation 'stablehlo.reduce_window'}}
  %0 = "stablehlo.reduce_window"(%x, %one) <{window_dimensions = array<i64: 1, 2>, window_strides = array<i64: 1, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.multiply"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<2x6xf32>, tensor<f32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}

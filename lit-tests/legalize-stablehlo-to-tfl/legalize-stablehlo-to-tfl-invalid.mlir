// Every op without a rule is reported at its location, all at once.
// RUN: edge-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))'

func.func @two_illegal(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.and'}}
  %0 = "stablehlo.and"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // expected-error@+1 {{failed to legalize operation 'stablehlo.popcnt'}}
  %1 = "stablehlo.popcnt"(%0) : (tensor<4xi32>) -> tensor<4xi32>
  return %1 : tensor<4xi32>
}

// -----

// A reduce whose init is not its body's identity has no TFL builtin.
func.func @reduce_with_offset(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %one = "stablehlo.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  // expected-error@+1 {{failed to legalize operation 'stablehlo.reduce'}}
  %s = "stablehlo.reduce"(%x, %one) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
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

// Interior padding has no TFL builtin.
func.func @interior_pad(%x: tensor<3xf32>, %z: tensor<f32>) -> tensor<5xf32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.pad'}}
  %0 = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: 0>, edge_padding_high = array<i64: 0>, interior_padding = array<i64: 1>} : (tensor<3xf32>, tensor<f32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// -----

// A rule fires only where the TFL op accepts the types: TFLite has no f16 arithmetic.
func.func @f16_add(%a: tensor<4xf16>) -> tensor<4xf16> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.add': 'tfl.add' operand 'lhs' must have element type}}
  %0 = "stablehlo.add"(%a, %a) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// The catalog verify step runs right after parsing and reports every bad op at its
// location (tfl ops are unregistered, so MLIR alone would accept all of these).
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @unknown_op(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'tfl.frobnicate' op is not a known tfl operation}}
  %0 = "tfl.frobnicate"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @missing_attribute(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'tfl.add' op requires attribute 'fused_activation_function'}}
  %0 = "tfl.add"(%a, %a) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @bad_enum_value(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{attribute 'fused_activation_function' must be one of "NONE", "RELU"}}
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "SWISH"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @wrong_operand_count(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{'tfl.add' op expected 2 operands, got 1}}
  %0 = "tfl.add"(%a) {fused_activation_function = "NONE"} : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @wrong_result_shape(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<3x3xf32> {
  // expected-error@+1 {{'tfl.add' op result #0 has type tensor<3x3xf32>, but the operands and attributes give tensor<2x3xf32>}}
  %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

func.func @not_broadcastable(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{does not broadcast}}
  %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

func.func @mixed_element_types(%a: tensor<2xf32>, %b: tensor<2xi32>) -> tensor<2xf32> {
  // expected-error@+1 {{operand #1 has element type i32, but operand #0 has f32}}
  %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xi32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// LiteRT's kernels do not implement a fused TANH (they ignore it or refuse the model).
func.func @fused_tanh(%a: tensor<2xf32>) -> tensor<2xf32> {
  // expected-error@+1 {{attribute 'fused_activation_function' must be one of "NONE", "RELU", "RELU_N1_TO_1", "RELU6", got "TANH"}}
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "TANH"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

func.func @concatenation_with_activation(%a: tensor<2xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{attribute 'fused_activation_function' must be one of "NONE", got "RELU"}}
  %0 = "tfl.concatenation"(%a, %a) {axis = 0 : i32, fused_activation_function = "RELU"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Element counts from shapes are checked, not multiplied past i64 (a fuzz finding).
func.func @reshape_count_overflows(%x: tensor<4xf32>) -> tensor<?x?x?xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[2147483647, 2147483647, 2147483647]> : tensor<3xi32>} : () -> tensor<3xi32>
  // expected-error@+1 {{shape [2147483647, 2147483647, 2147483647] has more elements than a 64-bit count holds}}
  %0 = "tfl.reshape"(%x, %s) : (tensor<4xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

func.func @conv_without_input_channels(%x: tensor<1x4x4x0xf32>, %f: tensor<2x3x3x1xf32>, %b: tensor<2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error@+1 {{input has 0 channels; the filter needs a multiple of 1}}
  %0 = "tfl.conv_2d"(%x, %f, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x0xf32>, tensor<2x3x3x1xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// A run-time shape operand's length is the result's rank: a huge one is an error, not
// a result type of two billion dims (the fuzzer's 16 GB allocation).
func.func @huge_runtime_shape(%x: tensor<1xf32>, %s: tensor<2147483647xi32>) -> tensor<*xf32> {
  // expected-error@+1 {{'tfl.broadcast_to' op a shape operand of 2147483647 elements: results of more than 8 dims are not supported}}
  %0 = "tfl.broadcast_to"(%x, %s) : (tensor<1xf32>, tensor<2147483647xi32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

func.func @huge_runtime_reshape(%x: tensor<1xf32>, %s: tensor<4096xi32>) -> tensor<*xf32> {
  // expected-error@+1 {{'tfl.reshape' op a shape operand of 4096 elements: results of more than 8 dims are not supported}}
  %0 = "tfl.reshape"(%x, %s) : (tensor<1xf32>, tensor<4096xi32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fp16-weights))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fp16-weights))' --verify-diagnostics > /dev/null

// A weight and a bias: each an f16 constant read through one dequantize.
// CHECK-LABEL: func.func @weight_and_bias
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[WH:.*]] = "tfl.pseudo_const"() {value = dense<[{{\[}}1.000000e+00, -5.000000e-01, 2.500000e-01], [6.550400e+04, 0.000000e+00, 3.339840e-01]]> : tensor<2x3xf16>}
// CHECK-DAG: %[[W:.*]] = "tfl.dequantize"(%[[WH]]) : (tensor<2x3xf16>) -> tensor<2x3xf32>
// CHECK-DAG: %[[BH:.*]] = "tfl.pseudo_const"() {value = dense<[9.997550e-02, 2.000000e+00]> : tensor<2xf16>}
// CHECK-DAG: %[[B:.*]] = "tfl.dequantize"(%[[BH]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK: "tfl.fully_connected"(%[[X]], %[[W]], %[[B]])
// CHECK-NOT: xf32>}
func.func @weight_and_bias(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1.0, -0.5, 0.25], [65504.0, 0.0, 0.333984375]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.1, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// A constant read by several ops: one f16 constant, one dequantize for all of them.
// CHECK-LABEL: func.func @shared
// CHECK: %[[S:.*]] = "tfl.dequantize"
// CHECK-NOT: "tfl.dequantize"
// CHECK: "tfl.mul"(%{{.*}}, %[[S]])
// CHECK: "tfl.add"(%{{.*}}, %[[S]])
func.func @shared(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = "tfl.pseudo_const"() {value = dense<1.5> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "tfl.mul"(%x, %c) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.add"(%0, %c) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Constants float16 cannot stand for stay f32, with a remark saying why; integer and
// float16 constants are left as they are.
// CHECK-LABEL: func.func @kept
// CHECK: "tfl.pseudo_const"() {value = dense<[1.000000e+00, -3.40282347E+38]> : tensor<2xf32>}
// CHECK: "tfl.pseudo_const"() {value = dense<9.99999996E-13> : tensor<1xf32>}
// CHECK: "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>}
// CHECK: "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<2xf16>}
func.func @kept(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>) {
  // expected-remark@+1 {{kept float32: a value is beyond float16's range (65504)}}
  %mask = "tfl.pseudo_const"() {value = dense<[1.0, -3.40282347E+38]> : tensor<2xf32>} : () -> tensor<2xf32>
  // expected-remark@+1 {{kept float32: its one value is nonzero and below float16's smallest (6e-8), so it would become 0}}
  %eps = "tfl.pseudo_const"() {value = dense<1.0e-12> : tensor<1xf32>} : () -> tensor<1xf32>
  %i = "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %h = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2xf16>} : () -> tensor<2xf16>
  %hf = "tfl.dequantize"(%h) : (tensor<2xf16>) -> tensor<2xf32>
  %0 = "tfl.add"(%x, %mask) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.add"(%x, %eps) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
  return %0, %1, %i, %hf : tensor<2xf32>, tensor<2xf32>, tensor<2xi32>, tensor<2xf32>
}

// -----

// A constant the function returns is an output, not a weight.
// CHECK-LABEL: func.func @returned
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<2.000000e+00> : tensor<3xf32>}
// CHECK: return %{{.*}}, %[[C]]
func.func @returned(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  // expected-remark@+1 {{kept float32: the function returns this constant}}
  %c = "tfl.pseudo_const"() {value = dense<2.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tfl.mul"(%x, %c) {fused_activation_function = "NONE"} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0, %c : tensor<3xf32>, tensor<3xf32>
}

// -----

// A convolution without a bias gets a float16 zero one (LiteRT's kernel needs a bias),
// shared by the convolutions of one channel count.
// CHECK-LABEL: func.func @zero_bias
// CHECK: %[[ZH:.*]] = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<2xf16>}
// CHECK: %[[Z:.*]] = "tfl.dequantize"(%[[ZH]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK-NOT: tfl.no_value
// CHECK: "tfl.conv_2d"(%{{.*}}, %{{.*}}, %[[Z]])
// CHECK: "tfl.conv_2d"(%{{.*}}, %{{.*}}, %[[Z]])
func.func @zero_bias(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2x1x1x2xf32>} : () -> tensor<2x1x1x2xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, none) -> tensor<1x4x4x2xf32>
  %1 = "tfl.conv_2d"(%0, %w) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>) -> tensor<1x4x4x2xf32>
  return %1 : tensor<1x4x4x2xf32>
}

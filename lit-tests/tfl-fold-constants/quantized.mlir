// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fold-constants))' | FileCheck %s

// A transposed int8 weight stays int8: the constant is transposed and its per-axis
// dimension follows (0 -> 3 for a depthwise filter).
// CHECK-LABEL: func.func @transpose_dequantized
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}1, -2]]]]> : tensor<1x1x1x2xi8>} : () -> tensor<1x1x1x2x!quant.uniform<i8<-127:127>:f32:3, {1.000000e-02,2.000000e-02}>>
// CHECK: %[[D:.*]] = "tfl.dequantize"(%[[C]])
// CHECK-NOT: tfl.transpose
// CHECK: return %[[D]]
func.func @transpose_dequantized() -> tensor<1x1x1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1]]], [[[-2]]]]> : tensor<2x1x1x1xi8>} : () -> tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %f = "tfl.dequantize"(%w) : (tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x1x1x1xf32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 2, 3, 0]> : tensor<4xi32>} : () -> tensor<4xi32>
  %t = "tfl.transpose"(%f, %p) : (tensor<2x1x1x1xf32>, tensor<4xi32>) -> tensor<1x1x1x2xf32>
  return %t : tensor<1x1x1x2xf32>
}

// -----

// A reshape that splits the per-axis dimension cannot keep its scales: it stays.
// CHECK-LABEL: func.func @reshape_splits_axis
// CHECK: "tfl.reshape"
func.func @reshape_splits_axis() -> tensor<4xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>} : () -> tensor<2x2x!quant.uniform<i8:f32:0, {0.01:0, 0.02:0}>>
  %f = "tfl.dequantize"(%w) : (tensor<2x2x!quant.uniform<i8:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<4> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%f, %s) : (tensor<2x2xf32>, tensor<1xi32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// quantize of a float constant (a weight pt2e left unfolded) is the int8 constant:
// round(x / 0.5) + 1, clamped: [0.5, -1.0, 100.0] -> [2, -1, 127].
// CHECK-LABEL: func.func @quantize_constant
// CHECK: "tfl.pseudo_const"() {value = dense<[2, -1, 127]> : tensor<3xi8>} : () -> tensor<3x!quant.uniform<i8:f32, 5.000000e-01:1>>
// CHECK-NOT: tfl.quantize
func.func @quantize_constant() -> tensor<3x!quant.uniform<i8:f32, 0.5:1>> {
  %c = "tfl.pseudo_const"() {value = dense<[0.5, -1.0, 100.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %q = "tfl.quantize"(%c) {qtype = tensor<3x!quant.uniform<i8:f32, 0.5:1>>} : (tensor<3xf32>) -> tensor<3x!quant.uniform<i8:f32, 0.5:1>>
  return %q : tensor<3x!quant.uniform<i8:f32, 0.5:1>>
}

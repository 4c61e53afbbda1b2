// Valid StableHLO in generic form, as stablehlo-opt and torch exporters print it,
// passes the verify step unchanged.
// RUN: edge-opt %s --pass-pipeline='builtin.module(edge-verify)' | FileCheck %s

// CHECK-LABEL: func.func @conv_block
// CHECK: "stablehlo.convolution"
// CHECK: "stablehlo.reduce"
// CHECK: "stablehlo.dot_general"
func.func @conv_block(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %fc: tensor<4x10xf32>) -> tensor<1x10xf32> {
  %conv = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %zeros = "stablehlo.broadcast_in_dim"(%zero) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<1x4x8x8xf32>
  %relu = "stablehlo.maximum"(%conv, %zeros) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %sum = "stablehlo.reduce"(%relu, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 2, 3>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4xf32>
  %logits = "stablehlo.dot_general"(%sum, %fc) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<1x4xf32>, tensor<4x10xf32>) -> tensor<1x10xf32>
  return %logits : tensor<1x10xf32>
}

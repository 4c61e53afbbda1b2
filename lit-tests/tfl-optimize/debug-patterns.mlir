// RUN: edge-opt %s --debug-patterns --pass-pipeline='builtin.module(func.func(tfl-optimize))' -o %t 2>&1 | FileCheck %s --check-prefix=PATTERNS
// RUN: FileCheck %s --input-file=%t

// The greedy driver runs tfl-optimize's patterns bottom-up, users before producers:
// the second scale merges into the first (MulConstChainFold, rooted at the second
// tfl.mul) before the product reaches the weights (MulIntoWeights), so the filter is
// scaled once, by 3 * 0.5 and 4 * 0.25. --debug-patterns prints each application.
// PATTERNS: [pattern] MulConstChainFold on 'tfl.mul' at loc("second")
// PATTERNS-NEXT: [pattern] MulIntoWeights on 'tfl.mul' at loc("second")
// PATTERNS-NOT: [pattern]

// CHECK-LABEL: func.func @scale_chain
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}1.500000e+00]]], {{\[\[\[}}2.000000e+00]]]]> : tensor<2x1x1x1xf32>}
// CHECK-NOT: "tfl.mul"
func.func @scale_chain(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<[3.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.mul"(%0, %s) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32> loc("first")
  %t = "tfl.pseudo_const"() {value = dense<[0.5, 0.25]> : tensor<2xf32>} : () -> tensor<2xf32>
  %2 = "tfl.mul"(%1, %t) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32> loc("second")
  return %2 : tensor<1x4x4x2xf32>
}

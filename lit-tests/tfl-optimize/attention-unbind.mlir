// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// Windowed attention (torchvision's Swin): the fused projection [windows, tokens, 3,
// heads, d] is cut into q, k, v by slices that keep one element of dim 2, reshaped,
// q scaled, and each transposed to [windows, heads, tokens, d] (k to [.., d, tokens]).
// TransposeSqueezeSwap moves each transpose above its reshape, TransposeScaleSwap
// above q's scale, BatchMatmulReshapedTransposeToAdj turns k's into the others'
// permutation with adj_y; TransposeSlicesHoist then makes the three one transpose.
// CHECK-LABEL: func.func @swin_qkv
// CHECK: %[[T:.*]] = "tfl.transpose"(%arg0, %{{.*}}) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>) -> tensor<3x2x2x5x4xf32>
// CHECK-NOT: tfl.transpose
// CHECK: "tfl.batch_matmul"({{.*}}) {adj_x = false, adj_y = true}
// CHECK-NOT: tfl.transpose
// CHECK: return
func.func @swin_qkv(%qkv: tensor<2x5x3x2x4xf32>) -> (tensor<4x5x5xf32>, tensor<2x2x5x4xf32>) {
  %size = "tfl.pseudo_const"() {value = dense<[2, 5, 1, 2, 4]> : tensor<5xi32>} : () -> tensor<5xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<5xi32>} : () -> tensor<5xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 0, 1, 0, 0]> : tensor<5xi32>} : () -> tensor<5xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<[0, 0, 2, 0, 0]> : tensor<5xi32>} : () -> tensor<5xi32>
  %s4 = "tfl.pseudo_const"() {value = dense<[2, 5, 2, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q5 = "tfl.slice"(%qkv, %b0, %size) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>, tensor<5xi32>) -> tensor<2x5x1x2x4xf32>
  %q4 = "tfl.reshape"(%q5, %s4) : (tensor<2x5x1x2x4xf32>, tensor<4xi32>) -> tensor<2x5x2x4xf32>
  %k5 = "tfl.slice"(%qkv, %b1, %size) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>, tensor<5xi32>) -> tensor<2x5x1x2x4xf32>
  %k4 = "tfl.reshape"(%k5, %s4) : (tensor<2x5x1x2x4xf32>, tensor<4xi32>) -> tensor<2x5x2x4xf32>
  %v5 = "tfl.slice"(%qkv, %b2, %size) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>, tensor<5xi32>) -> tensor<2x5x1x2x4xf32>
  %v4 = "tfl.reshape"(%v5, %s4) : (tensor<2x5x1x2x4xf32>, tensor<4xi32>) -> tensor<2x5x2x4xf32>
  %scale = "tfl.pseudo_const"() {value = dense<0.5> : tensor<1x1x1x1xf32>} : () -> tensor<1x1x1x1xf32>
  %qs = "tfl.mul"(%q4, %scale) {fused_activation_function = "NONE"} : (tensor<2x5x2x4xf32>, tensor<1x1x1x1xf32>) -> tensor<2x5x2x4xf32>
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 1, 3]> : tensor<4xi32>} : () -> tensor<4xi32>
  %pk = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %qt = "tfl.transpose"(%qs, %p) : (tensor<2x5x2x4xf32>, tensor<4xi32>) -> tensor<2x2x5x4xf32>
  %kt = "tfl.transpose"(%k4, %pk) : (tensor<2x5x2x4xf32>, tensor<4xi32>) -> tensor<2x2x4x5xf32>
  %vt = "tfl.transpose"(%v4, %p) : (tensor<2x5x2x4xf32>, tensor<4xi32>) -> tensor<2x2x5x4xf32>
  %s3q = "tfl.pseudo_const"() {value = dense<[4, 5, 4]> : tensor<3xi32>} : () -> tensor<3xi32>
  %s3k = "tfl.pseudo_const"() {value = dense<[4, 4, 5]> : tensor<3xi32>} : () -> tensor<3xi32>
  %q3 = "tfl.reshape"(%qt, %s3q) : (tensor<2x2x5x4xf32>, tensor<3xi32>) -> tensor<4x5x4xf32>
  %k3 = "tfl.reshape"(%kt, %s3k) : (tensor<2x2x4x5xf32>, tensor<3xi32>) -> tensor<4x4x5xf32>
  %a = "tfl.batch_matmul"(%q3, %k3) {adj_x = false, adj_y = false} : (tensor<4x5x4xf32>, tensor<4x4x5xf32>) -> tensor<4x5x5xf32>
  return %a, %vt : tensor<4x5x5xf32>, tensor<2x2x5x4xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-remove-broadcasts))' | FileCheck %s

// A scale spelled out at the activation's shape is one element the kernel broadcasts.
// CHECK-LABEL: func.func @splat_scale
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<1.250000e-01> : tensor<1x1x1x1xf32>}
// CHECK: "tfl.mul"(%arg0, %[[C]]) {{.*}} : (tensor<64x3x49x32xf32>, tensor<1x1x1x1xf32>) -> tensor<64x3x49x32xf32>
func.func @splat_scale(%x: tensor<64x3x49x32xf32>) -> tensor<64x3x49x32xf32> {
  %c = "tfl.pseudo_const"() {value = dense<0.125> : tensor<64x3x49x32xf32>} : () -> tensor<64x3x49x32xf32>
  %0 = "tfl.mul"(%x, %c) {fused_activation_function = "NONE"} : (tensor<64x3x49x32xf32>, tensor<64x3x49x32xf32>) -> tensor<64x3x49x32xf32>
  return %0 : tensor<64x3x49x32xf32>
}

// -----

// The splat is kept when the other operand alone does not give the result's shape.
// CHECK-LABEL: func.func @splat_needed
// CHECK: dense<1.250000e-01> : tensor<2x3xf32>
func.func @splat_needed(%x: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %c = "tfl.pseudo_const"() {value = dense<0.125> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %0 = "tfl.mul"(%x, %c) {fused_activation_function = "NONE"} : (tensor<1x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A Swin window mask [1, windows, 1, 49, 49] broadcast over the heads: LiteRT's ADD
// broadcasts 5-D operands itself.
// CHECK-LABEL: func.func @mask_5d
// CHECK-NOT: tfl.broadcast_to
// CHECK: "tfl.add"(%arg0, %arg1) {{.*}} : (tensor<1x4x3x49x49xf32>, tensor<1x4x1x49x49xf32>) -> tensor<1x4x3x49x49xf32>
func.func @mask_5d(%x: tensor<1x4x3x49x49xf32>, %m: tensor<1x4x1x49x49xf32>) -> tensor<1x4x3x49x49xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[1, 4, 3, 49, 49]> : tensor<5xi32>} : () -> tensor<5xi32>
  %b = "tfl.broadcast_to"(%m, %s) : (tensor<1x4x1x49x49xf32>, tensor<5xi32>) -> tensor<1x4x3x49x49xf32>
  %0 = "tfl.add"(%x, %b) {fused_activation_function = "NONE"} : (tensor<1x4x3x49x49xf32>, tensor<1x4x3x49x49xf32>) -> tensor<1x4x3x49x49xf32>
  return %0 : tensor<1x4x3x49x49xf32>
}

// -----

// Other ops keep the rank-4 limit.
// CHECK-LABEL: func.func @select_5d
// CHECK: tfl.broadcast_to
func.func @select_5d(%c: tensor<1x4x3x5x5xi1>, %x: tensor<1x4x3x5x5xf32>, %m: tensor<1x4x1x5x5xf32>) -> tensor<1x4x3x5x5xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[1, 4, 3, 5, 5]> : tensor<5xi32>} : () -> tensor<5xi32>
  %b = "tfl.broadcast_to"(%m, %s) : (tensor<1x4x1x5x5xf32>, tensor<5xi32>) -> tensor<1x4x3x5x5xf32>
  %0 = "tfl.select_v2"(%c, %x, %b) : (tensor<1x4x3x5x5xi1>, tensor<1x4x3x5x5xf32>, tensor<1x4x3x5x5xf32>) -> tensor<1x4x3x5x5xf32>
  return %0 : tensor<1x4x3x5x5xf32>
}

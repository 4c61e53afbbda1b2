// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// A pad by zero on every side (Swin pads each window to a multiple of the window
// size, here already one) is its input.
// CHECK-LABEL: func.func @padv2_zero
// CHECK-NOT: tfl.padv2
// CHECK: return %arg0
func.func @padv2_zero(%x: tensor<1x56x56x96xf32>) -> tensor<1x56x56x96xf32> {
  %p = "tfl.pseudo_const"() {value = dense<0> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "tfl.padv2"(%x, %p, %z) : (tensor<1x56x56x96xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x56x56x96xf32>
  return %0 : tensor<1x56x56x96xf32>
}

// -----

// CHECK-LABEL: func.func @pad_zero
// CHECK-NOT: tfl.pad
// CHECK: return %arg0
func.func @pad_zero(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %p = "tfl.pseudo_const"() {value = dense<0> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %0 = "tfl.pad"(%x, %p) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A real pad stays.
// CHECK-LABEL: func.func @pad_kept
// CHECK: tfl.pad
func.func @pad_kept(%x: tensor<2x3xf32>) -> tensor<2x4xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %0 = "tfl.pad"(%x, %p) : (tensor<2x3xf32>, tensor<2x2xi32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

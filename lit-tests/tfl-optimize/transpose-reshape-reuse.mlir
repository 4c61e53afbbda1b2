// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// An NCHW image read as [C, H*W] and transposed to pixels x channels moves the
// elements as the layout transpose of the same image does: one reshape of it.
// CHECK-LABEL: func.func @pixels_channel_last
// CHECK: %[[T:.*]] = "tfl.transpose"(%arg0
// CHECK-NOT: tfl.transpose
// CHECK: %[[P:.*]] = "tfl.reshape"(%[[T]], %{{.*}}) : (tensor<1x4x4x3xf32>, tensor<2xi32>) -> tensor<16x3xf32>
// CHECK: return %[[T]], %[[P]]
func.func @pixels_channel_last(%x: tensor<1x3x4x4xf32>) -> (tensor<1x4x4x3xf32>, tensor<16x3xf32>) {
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x3x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x3xf32>
  %s = "tfl.pseudo_const"() {value = dense<[3, 16]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.reshape"(%x, %s) : (tensor<1x3x4x4xf32>, tensor<2xi32>) -> tensor<3x16xf32>
  %q = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %2 = "tfl.transpose"(%1, %q) : (tensor<3x16xf32>, tensor<2xi32>) -> tensor<16x3xf32>
  return %0, %2 : tensor<1x4x4x3xf32>, tensor<16x3xf32>
}

// -----

// A transpose that moves the elements otherwise stays.
// CHECK-LABEL: func.func @different
// CHECK: tfl.transpose
// CHECK: tfl.transpose
func.func @different(%x: tensor<1x3x4x4xf32>) -> (tensor<1x4x4x3xf32>, tensor<12x4xf32>) {
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x3x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x3xf32>
  %s = "tfl.pseudo_const"() {value = dense<[4, 12]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.reshape"(%x, %s) : (tensor<1x3x4x4xf32>, tensor<2xi32>) -> tensor<4x12xf32>
  %q = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %2 = "tfl.transpose"(%1, %q) : (tensor<4x12xf32>, tensor<2xi32>) -> tensor<12x4xf32>
  return %0, %2 : tensor<1x4x4x3xf32>, tensor<12x4xf32>
}

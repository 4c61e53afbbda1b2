// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// Adaptive average pooling to 1x1 then a flatten (SqueezeNet's head) is one mean
// without keep_dims.
// CHECK-LABEL: func.func @global_pool_flatten
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>}
// CHECK: %[[M:.*]] = "tfl.mean"(%arg0, %[[AX]]) {keep_dims = false} : (tensor<1x13x13x8xf32>, tensor<2xi32>) -> tensor<1x8xf32>
// CHECK-NOT: tfl.average_pool_2d
// CHECK-NOT: tfl.reshape
// CHECK: return %[[M]]
func.func @global_pool_flatten(%x: tensor<1x13x13x8xf32>) -> tensor<1x8xf32> {
  %0 = "tfl.average_pool_2d"(%x) {filter_height = 13 : i32, filter_width = 13 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 13 : i32, stride_w = 13 : i32} : (tensor<1x13x13x8xf32>) -> tensor<1x1x1x8xf32>
  %s = "tfl.pseudo_const"() {value = dense<[1, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.reshape"(%0, %s) : (tensor<1x1x1x8xf32>, tensor<2xi32>) -> tensor<1x8xf32>
  return %1 : tensor<1x8xf32>
}

// -----

// A pool over part of the image stays.
// CHECK-LABEL: func.func @partial_pool
// CHECK: tfl.average_pool_2d
// CHECK: tfl.reshape
func.func @partial_pool(%x: tensor<1x13x13x8xf32>) -> tensor<1x8xf32> {
  %0 = "tfl.average_pool_2d"(%x) {filter_height = 12 : i32, filter_width = 12 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 13 : i32, stride_w = 13 : i32} : (tensor<1x13x13x8xf32>) -> tensor<1x1x1x8xf32>
  %s = "tfl.pseudo_const"() {value = dense<[1, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.reshape"(%0, %s) : (tensor<1x1x1x8xf32>, tensor<2xi32>) -> tensor<1x8xf32>
  return %1 : tensor<1x8xf32>
}

// tfl.shape of a statically shaped value is its dims; the shape arithmetic on it folds
// too. A value with unknown dims keeps its tfl.shape.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fold-constants))' | FileCheck %s

// CHECK-LABEL: func.func @static_shape_folds
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<6> : tensor<i32>}
// CHECK-NOT: tfl.shape
// CHECK-NOT: tfl.strided_slice
// CHECK: return %[[C]]
func.func @static_shape_folds(%x: tensor<3x4xf32>) -> tensor<i32> {
  %s = "tfl.shape"(%x) : (tensor<3x4xf32>) -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %e = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %d = "tfl.strided_slice"(%s, %b, %e, %e) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %two = "tfl.pseudo_const"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
  %m = "tfl.mul"(%d, %two) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  return %m : tensor<i32>
}

// -----

// An int64 shape is folded in int64.
// CHECK-LABEL: func.func @static_shape_i64
// CHECK: "tfl.pseudo_const"() {value = dense<[3, 4]> : tensor<2xi64>}
func.func @static_shape_i64(%x: tensor<3x4xf32>) -> tensor<2xi64> {
  %s = "tfl.shape"(%x) : (tensor<3x4xf32>) -> tensor<2xi64>
  return %s : tensor<2xi64>
}

// -----

// CHECK-LABEL: func.func @unknown_shape_stays
// CHECK: "tfl.shape"
// CHECK: "tfl.strided_slice"
func.func @unknown_shape_stays(%x: tensor<?x4xf32>) -> tensor<i32> {
  %s = "tfl.shape"(%x) : (tensor<?x4xf32>) -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %e = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %d = "tfl.strided_slice"(%s, %b, %e, %e) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  return %d : tensor<i32>
}

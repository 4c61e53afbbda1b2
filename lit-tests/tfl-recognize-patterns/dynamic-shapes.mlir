// tfl-recognize-patterns with unknown (`?`) dims: a mean divided by the count computed
// at run time, a constant behind a broadcast to a run-time shape.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-recognize-patterns))' | FileCheck %s

// sum(x, [1]) / f32(shape(x)[1]), the count broadcast to the sum's shape: a mean.
// CHECK-LABEL: func.func @mean_runtime_count
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>}
// CHECK: %[[M:.*]] = "tfl.mean"(%[[X]], %[[AX]]) {keep_dims = false} : (tensor<2x?xf32>, tensor<1xi32>) -> tensor<2xf32>
// CHECK-NOT: tfl.sum
// CHECK-NOT: tfl.div
// CHECK: return %[[M]]
func.func @mean_runtime_count(%x: tensor<2x?xf32>) -> tensor<2xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<2x?xf32>, tensor<1xi32>) -> tensor<2xf32>
  %sh = "tfl.shape"(%x) : (tensor<2x?xf32>) -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %e = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %st = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%sh, %b, %e, %st) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %f = "tfl.cast"(%n) : (tensor<i32>) -> tensor<f32>
  %two = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %fb = "tfl.broadcast_to"(%f, %two) : (tensor<f32>, tensor<1xi32>) -> tensor<2xf32>
  %0 = "tfl.div"(%s, %fb) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Over two dims, one unknown and one static: the count is shape(x)[0] * 4.
// CHECK-LABEL: func.func @mean_runtime_count_product
// CHECK: "tfl.mean"(%{{.*}}, %{{.*}}) {keep_dims = false} : (tensor<?x4x3xf32>, tensor<2xi32>) -> tensor<3xf32>
func.func @mean_runtime_count_product(%x: tensor<?x4x3xf32>) -> tensor<3xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<?x4x3xf32>, tensor<2xi32>) -> tensor<3xf32>
  %sh = "tfl.shape"(%x) : (tensor<?x4x3xf32>) -> tensor<3xi32>
  %b = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %e = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%sh, %b, %e, %e) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<3xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %four = "tfl.pseudo_const"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
  %c = "tfl.mul"(%n, %four) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %f = "tfl.cast"(%c) : (tensor<i32>) -> tensor<f32>
  %0 = "tfl.div"(%s, %f) {fused_activation_function = "NONE"} : (tensor<3xf32>, tensor<f32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// A count of another dim (or another value's) is not the mean's.
// CHECK-LABEL: func.func @runtime_count_of_wrong_dim
// CHECK: tfl.sum
// CHECK: tfl.div
func.func @runtime_count_of_wrong_dim(%x: tensor<?x?xf32>) -> tensor<?xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<?x?xf32>, tensor<1xi32>) -> tensor<?xf32>
  %sh = "tfl.shape"(%x) : (tensor<?x?xf32>) -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %e = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%sh, %b, %e, %e) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %f = "tfl.cast"(%n) : (tensor<i32>) -> tensor<f32>
  %0 = "tfl.div"(%s, %f) {fused_activation_function = "NONE"} : (tensor<?xf32>, tensor<f32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// maximum(x, 0) with the zero broadcast to a run-time shape is a relu.
// CHECK-LABEL: func.func @relu_behind_runtime_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<?x8xf32>, %{{.*}}: tensor<2xi32>)
// CHECK: %[[R:.*]] = "tfl.relu"(%[[X]]) : (tensor<?x8xf32>) -> tensor<?x8xf32>
// CHECK: return %[[R]]
func.func @relu_behind_runtime_broadcast(%x: tensor<?x8xf32>, %s: tensor<2xi32>) -> tensor<?x8xf32> {
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %b = "tfl.broadcast_to"(%z, %s) : (tensor<1x1xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  %0 = "tfl.maximum"(%x, %b) : (tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// A softmax over an unknown last dim, its max and sum re-expanded through reshapes and
// broadcasts to a run-time shape (which other ops share): one tfl.softmax.
// CHECK-LABEL: func.func @softmax_unknown_last_dim
// CHECK-SAME: (%[[X:.*]]: tensor<1x?x?xf32>, %[[S:.*]]: tensor<3xi32>, %[[K:.*]]: tensor<3xi32>)
// CHECK: %[[Y:.*]] = "tfl.softmax"(%[[X]]) {beta = 1.000000e+00 : f32} : (tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
// CHECK: return %[[Y]], %[[S]]
func.func @softmax_unknown_last_dim(%x: tensor<1x?x?xf32>, %s: tensor<3xi32>, %k: tensor<3xi32>) -> (tensor<1x?x?xf32>, tensor<3xi32>) {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<1x?x?xf32>, tensor<1xi32>) -> tensor<1x?xf32>
  %mr = "tfl.reshape"(%m, %k) : (tensor<1x?xf32>, tensor<3xi32>) -> tensor<1x?x1xf32>
  %mb = "tfl.broadcast_to"(%mr, %s) : (tensor<1x?x1xf32>, tensor<3xi32>) -> tensor<1x?x?xf32>
  %d = "tfl.sub"(%x, %mb) {fused_activation_function = "NONE"} : (tensor<1x?x?xf32>, tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %e = "tfl.exp"(%d) : (tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %sum = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<1x?x?xf32>, tensor<1xi32>) -> tensor<1x?xf32>
  %sr = "tfl.reshape"(%sum, %k) : (tensor<1x?xf32>, tensor<3xi32>) -> tensor<1x?x1xf32>
  %sb = "tfl.broadcast_to"(%sr, %s) : (tensor<1x?x1xf32>, tensor<3xi32>) -> tensor<1x?x?xf32>
  %0 = "tfl.div"(%e, %sb) {fused_activation_function = "NONE"} : (tensor<1x?x?xf32>, tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  return %0, %s : tensor<1x?x?xf32>, tensor<3xi32>
}

// -----

// Over [?, ?] the kept dims [?, 1] come back through a reshape that could move them:
// not a softmax.
// CHECK-LABEL: func.func @softmax_two_unknown_kept_dims_stays
// CHECK-NOT: tfl.softmax
// CHECK: return
func.func @softmax_two_unknown_kept_dims_stays(%x: tensor<?x?x?xf32>, %s: tensor<3xi32>, %k: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<?x?x?xf32>, tensor<1xi32>) -> tensor<?x?xf32>
  %mr = "tfl.reshape"(%m, %k) : (tensor<?x?xf32>, tensor<3xi32>) -> tensor<?x?x1xf32>
  %mb = "tfl.broadcast_to"(%mr, %s) : (tensor<?x?x1xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
  %d = "tfl.sub"(%x, %mb) {fused_activation_function = "NONE"} : (tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %e = "tfl.exp"(%d) : (tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  %sum = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<?x?x?xf32>, tensor<1xi32>) -> tensor<?x?xf32>
  %sr = "tfl.reshape"(%sum, %k) : (tensor<?x?xf32>, tensor<3xi32>) -> tensor<?x?x1xf32>
  %sb = "tfl.broadcast_to"(%sr, %s) : (tensor<?x?x1xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
  %0 = "tfl.div"(%e, %sb) {fused_activation_function = "NONE"} : (tensor<?x?x?xf32>, tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

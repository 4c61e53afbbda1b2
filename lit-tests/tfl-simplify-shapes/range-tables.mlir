// tfl-simplify-shapes: a value computed from positions range(0, n, 1) only (a causal
// mask spelled out by a decomposed export) is the leading block of its value at the
// recorded maximum sizes: a constant table and a strided slice ending at the run-time
// sizes, which LiteRT computes once when tensors are allocated.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-simplify-shapes))' | FileCheck %s

// The additive causal mask over a sequence of at most 4: select(j <= i, 0, -inf) of
// casts of one range, with unit dims added; the table is [1, 1, 4, 4].
// CHECK-LABEL: func.func @main(%arg0: tensor<1x?xi64>, %arg1: tensor<1x2x?x?xf32>)
// CHECK-NOT: "tfl.range"
// CHECK-NOT: "tfl.less_equal"
// CHECK-NOT: "tfl.select_v2"
// CHECK-DAG: %[[T:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}0.000000e+00, 0xFF800000, 0xFF800000, 0xFF800000], [0.000000e+00, 0.000000e+00, 0xFF800000, 0xFF800000], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0xFF800000], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]]> : tensor<1x1x4x4xf32>}
// CHECK-DAG: %[[S:.*]] = "tfl.shape"(%arg0)
// CHECK-DAG: %[[N:.*]] = "tfl.strided_slice"(%[[S]], {{.*}}) {{.*}} -> tensor<1xi32>
// CHECK-DAG: %[[ONES:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<2xi32>}
// CHECK: %[[E:.*]] = "tfl.concatenation"(%[[ONES]], %[[N]], %[[N]]) {axis = 0 : i32, fused_activation_function = "NONE"}
// CHECK: %[[M:.*]] = "tfl.strided_slice"(%[[T]], %{{.*}}, %[[E]], %{{.*}}) {{.*}} -> tensor<1x1x?x?xf32>
// CHECK: "tfl.add"(%arg1, %[[M]])
func.func @main(%ids: tensor<1x?xi64>, %scores: tensor<1x2x?x?xf32>) -> tensor<1x2x?x?xf32> attributes {edge.dynamic_dims = {ids = [{dim = 1 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}]}, tf.entry_function = {inputs = "ids,scores", outputs = "out"}} {
  %s = "tfl.shape"(%ids) : (tensor<1x?xi64>) -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %zero = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %r = "tfl.range"(%zero, %n, %one) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  %r64 = "tfl.cast"(%r) : (tensor<?xi32>) -> tensor<?xi64>
  %row = "tfl.pseudo_const"() {value = dense<[1, -1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %col = "tfl.pseudo_const"() {value = dense<[-1, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %j = "tfl.reshape"(%r64, %row) : (tensor<?xi64>, tensor<2xi32>) -> tensor<1x?xi64>
  %i = "tfl.reshape"(%r64, %col) : (tensor<?xi64>, tensor<2xi32>) -> tensor<?x1xi64>
  %d = "tfl.sub"(%j, %i) {fused_activation_function = "NONE"} : (tensor<1x?xi64>, tensor<?x1xi64>) -> tensor<?x?xi64>
  %z = "tfl.pseudo_const"() {value = dense<0> : tensor<1x1xi64>} : () -> tensor<1x1xi64>
  %keep = "tfl.less_equal"(%d, %z) : (tensor<?x?xi64>, tensor<1x1xi64>) -> tensor<?x?xi1>
  %t = "tfl.pseudo_const"() {value = dense<true> : tensor<1x1xi1>} : () -> tensor<1x1xi1>
  %keep2 = "tfl.logical_and"(%keep, %t) : (tensor<?x?xi1>, tensor<1x1xi1>) -> tensor<?x?xi1>
  %f0 = "tfl.pseudo_const"() {value = dense<0.0> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %finf = "tfl.pseudo_const"() {value = dense<0xFF800000> : tensor<1x1xf32>} : () -> tensor<1x1xf32>
  %m = "tfl.select_v2"(%keep2, %f0, %finf) : (tensor<?x?xi1>, tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<?x?xf32>
  %a0 = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %m3 = "tfl.expand_dims"(%m, %a0) : (tensor<?x?xf32>, tensor<i32>) -> tensor<1x?x?xf32>
  %m4 = "tfl.expand_dims"(%m3, %a0) : (tensor<1x?x?xf32>, tensor<i32>) -> tensor<1x1x?x?xf32>
  %y = "tfl.add"(%scores, %m4) {fused_activation_function = "NONE"} : (tensor<1x2x?x?xf32>, tensor<1x1x?x?xf32>) -> tensor<1x2x?x?xf32>
  return %y : tensor<1x2x?x?xf32>
}

// -----

// Left alone: a sequence without a recorded maximum, and a value that reads the size
// itself (n - 1 - i depends on n, not on the position only).
// CHECK-LABEL: func.func @main(%arg0: tensor<1x?xi64>, %arg1: tensor<?x8xf32>)
// CHECK-COUNT-2: "tfl.range"
// CHECK-NOT: tensor<1x1x4x4xf32>
func.func @main(%ids: tensor<1x?xi64>, %x: tensor<?x8xf32>) -> (tensor<?xi32>, tensor<?xi32>) attributes {edge.dynamic_dims = {ids = [{dim = 1 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}], x = [{dim = 0 : i64, expr = "s1", min = 1 : i64}]}, tf.entry_function = {inputs = "ids,x", outputs = "a,b"}} {
  %s = "tfl.shape"(%ids) : (tensor<1x?xi64>) -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %zero = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %r = "tfl.range"(%zero, %n, %one) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  %last = "tfl.sub"(%n, %one) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %rev = "tfl.sub"(%last, %r) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<?xi32>) -> tensor<?xi32>
  %sx = "tfl.shape"(%x) : (tensor<?x8xf32>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.strided_slice"(%sx, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %r2 = "tfl.range"(%zero, %m, %one) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  %two = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %r3 = "tfl.mul"(%r2, %two) {fused_activation_function = "NONE"} : (tensor<?xi32>, tensor<1xi32>) -> tensor<?xi32>
  return %rev, %r3 : tensor<?xi32>, tensor<?xi32>
}

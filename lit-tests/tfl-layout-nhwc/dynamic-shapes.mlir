// tfl-layout-nhwc with unknown (`?`) dims: a transpose only moves dims, so it sinks
// through element-wise ops, reductions, pads and concatenations of any sizes and
// cancels with its inverse.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-layout-nhwc))' | FileCheck %s

// NCHW around a relu and a per-channel add with an unknown batch and height: both
// transposes cancel, the constant is permuted at compile time.
// CHECK-LABEL: func.func @cancels_through_elementwise
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x4x8xf32>)
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<{{.*}}> : tensor<1x1x1x8xf32>}
// CHECK: %[[A:.*]] = "tfl.add"(%[[X]], %[[C]]) {{.*}} -> tensor<?x?x4x8xf32>
// CHECK: %[[R:.*]] = "tfl.relu"(%[[A]]) : (tensor<?x?x4x8xf32>) -> tensor<?x?x4x8xf32>
// CHECK-NOT: tfl.transpose
// CHECK: return %[[R]]
func.func @cancels_through_elementwise(%x: tensor<?x?x4x8xf32>) -> tensor<?x?x4x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %t = "tfl.transpose"(%x, %p) : (tensor<?x?x4x8xf32>, tensor<4xi32>) -> tensor<?x8x?x4xf32>
  %c = "tfl.pseudo_const"() {value = dense<[[[[1.0]], [[2.0]], [[3.0]], [[4.0]], [[5.0]], [[6.0]], [[7.0]], [[8.0]]]]> : tensor<1x8x1x1xf32>} : () -> tensor<1x8x1x1xf32>
  %a = "tfl.add"(%t, %c) {fused_activation_function = "NONE"} : (tensor<?x8x?x4xf32>, tensor<1x8x1x1xf32>) -> tensor<?x8x?x4xf32>
  %r = "tfl.relu"(%a) : (tensor<?x8x?x4xf32>) -> tensor<?x8x?x4xf32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %u = "tfl.transpose"(%r, %q) : (tensor<?x8x?x4xf32>, tensor<4xi32>) -> tensor<?x?x4x8xf32>
  return %u : tensor<?x?x4x8xf32>
}

// -----

// A mean over H and W (axes permuted) and a concatenation over C (axis permuted).
// CHECK-LABEL: func.func @reduction_and_concatenation
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x?x8xf32>, %[[Y:.*]]: tensor<?x?x?x8xf32>)
// CHECK: %[[CAT:.*]] = "tfl.concatenation"(%[[X]], %[[Y]]) {axis = 3 : i32, {{.*}}} : {{.*}} -> tensor<?x?x?x16xf32>
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>}
// CHECK: %[[M:.*]] = "tfl.mean"(%[[CAT]], %[[AX]]) {keep_dims = true} : (tensor<?x?x?x16xf32>, tensor<2xi32>) -> tensor<?x1x1x16xf32>
// CHECK-NOT: tfl.transpose
// CHECK: return %[[M]]
func.func @reduction_and_concatenation(%x: tensor<?x?x?x8xf32>, %y: tensor<?x?x?x8xf32>) -> tensor<?x1x1x16xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %tx = "tfl.transpose"(%x, %p) : (tensor<?x?x?x8xf32>, tensor<4xi32>) -> tensor<?x8x?x?xf32>
  %ty = "tfl.transpose"(%y, %p) : (tensor<?x?x?x8xf32>, tensor<4xi32>) -> tensor<?x8x?x?xf32>
  %c = "tfl.concatenation"(%tx, %ty) {axis = 1 : i32, fused_activation_function = "NONE"} : (tensor<?x8x?x?xf32>, tensor<?x8x?x?xf32>) -> tensor<?x16x?x?xf32>
  %ax = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %m = "tfl.mean"(%c, %ax) {keep_dims = true} : (tensor<?x16x?x?xf32>, tensor<2xi32>) -> tensor<?x16x1x1xf32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %u = "tfl.transpose"(%m, %q) : (tensor<?x16x1x1xf32>, tensor<4xi32>) -> tensor<?x1x1x16xf32>
  return %u : tensor<?x1x1x16xf32>
}

// -----

// A transpose of unit dims with one unknown dim is a reshape (-1 at the unknown dim).
// CHECK-LABEL: func.func @unit_dims_to_reshape
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[-1, 8, 1, 1]> : tensor<4xi32>}
// CHECK: "tfl.reshape"(%{{.*}}, %[[S]]) : (tensor<?x1x1x8xf32>, tensor<4xi32>) -> tensor<?x8x1x1xf32>
func.func @unit_dims_to_reshape(%x: tensor<?x1x1x8xf32>) -> tensor<?x8x1x1xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %t = "tfl.transpose"(%x, %p) : (tensor<?x1x1x8xf32>, tensor<4xi32>) -> tensor<?x8x1x1xf32>
  return %t : tensor<?x8x1x1xf32>
}

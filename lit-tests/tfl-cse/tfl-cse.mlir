// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-cse))' | FileCheck %s

// The same mask built from the position in two layers is built once; the ops that
// read it merge in turn.
// CHECK-LABEL: func.func @mask_per_layer
// CHECK-COUNT-1: "tfl.less_equal"
// CHECK-NOT: "tfl.less_equal"
// CHECK: %[[S:.*]] = "tfl.select_v2"
// CHECK-NOT: "tfl.select_v2"
// CHECK: "tfl.add"(%[[S]], %[[S]])
func.func @mask_per_layer(%pos: tensor<1x1xi32>, %x: tensor<1x8xf32>) -> tensor<1x8xf32> {
  %r = "tfl.pseudo_const"() {value = dense<[[0, 1, 2, 3, 4, 5, 6, 7]]> : tensor<1x8xi32>} : () -> tensor<1x8xi32>
  %z = "tfl.pseudo_const"() {value = dense<-1.0e9> : tensor<1x8xf32>} : () -> tensor<1x8xf32>
  %m1 = "tfl.less_equal"(%r, %pos) : (tensor<1x8xi32>, tensor<1x1xi32>) -> tensor<1x8xi1>
  %a = "tfl.select_v2"(%m1, %x, %z) : (tensor<1x8xi1>, tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %r2 = "tfl.pseudo_const"() {value = dense<[[0, 1, 2, 3, 4, 5, 6, 7]]> : tensor<1x8xi32>} : () -> tensor<1x8xi32>
  %m2 = "tfl.less_equal"(%r2, %pos) : (tensor<1x8xi32>, tensor<1x1xi32>) -> tensor<1x8xi1>
  %b = "tfl.select_v2"(%m2, %x, %z) : (tensor<1x8xi1>, tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  %s = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<1x8xf32>, tensor<1x8xf32>) -> tensor<1x8xf32>
  func.return %s : tensor<1x8xf32>
}

// -----

// Different attributes, operands or result types keep both ops.
// CHECK-LABEL: func.func @different
// CHECK-COUNT-2: "tfl.add"
// CHECK: "tfl.sub"
// CHECK: "tfl.sub"
// CHECK: "tfl.reshape"
// CHECK: "tfl.reshape"
func.func @different(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2x2xf32>, tensor<4x1xf32>) {
  %a = "tfl.add"(%x, %y) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "tfl.add"(%x, %y) {fused_activation_function = "RELU"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %c = "tfl.sub"(%x, %y) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %d = "tfl.sub"(%y, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %s1 = "tfl.pseudo_const"() {value = dense<[2, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s2 = "tfl.pseudo_const"() {value = dense<[4, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %e = "tfl.reshape"(%x, %s1) : (tensor<4xf32>, tensor<2xi32>) -> tensor<2x2xf32>
  %f = "tfl.reshape"(%x, %s2) : (tensor<4xf32>, tensor<2xi32>) -> tensor<4x1xf32>
  func.return %a, %b, %c, %d, %e, %f : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<2x2xf32>, tensor<4x1xf32>
}

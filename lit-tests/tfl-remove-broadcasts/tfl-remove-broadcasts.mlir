// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-remove-broadcasts))' | FileCheck %s

// ===-- BroadcastToDrop ----------------------------------------------------===//

// CHECK-LABEL: func.func @drops_broadcast_before_mul
// CHECK-SAME: (%[[X:.*]]: tensor<2x8x4x4xf32>, %[[C:.*]]: tensor<1x8x1x1xf32>)
// CHECK: %[[M:.*]] = "tfl.mul"(%[[X]], %[[C]]) {{.*}} : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<2x8x4x4xf32>
// CHECK-NOT: tfl.broadcast_to
// CHECK: return %[[M]]
func.func @drops_broadcast_before_mul(%x: tensor<2x8x4x4xf32>, %c: tensor<1x8x1x1xf32>) -> tensor<2x8x4x4xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[2, 8, 4, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %b = "tfl.broadcast_to"(%c, %s) : (tensor<1x8x1x1xf32>, tensor<4xi32>) -> tensor<2x8x4x4xf32>
  %0 = "tfl.mul"(%x, %b) {fused_activation_function = "NONE"} : (tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %0 : tensor<2x8x4x4xf32>
}

// -----

// A broadcast feeding an op that does not broadcast (reshape) stays.
// CHECK-LABEL: func.func @keeps_broadcast_before_reshape
// CHECK: "tfl.broadcast_to"
func.func @keeps_broadcast_before_reshape(%c: tensor<1x8xf32>) -> tensor<32xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[4, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %r = "tfl.pseudo_const"() {value = dense<[32]> : tensor<1xi32>} : () -> tensor<1xi32>
  %b = "tfl.broadcast_to"(%c, %s) : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<4x8xf32>
  %0 = "tfl.reshape"(%b, %r) : (tensor<4x8xf32>, tensor<1xi32>) -> tensor<32xf32>
  return %0 : tensor<32xf32>
}

// -----

// ===-- ElementwiseBroadcastToSink ----------------------------------------===//

// rsqrt(var + eps) over a broadcast vector is computed on the vector; the broadcast
// then meets a mul, which broadcasts by itself.
// CHECK-LABEL: func.func @sinks_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x4x4xf32>, %[[V:.*]]: tensor<1x8x1x1xf32>, %[[E:.*]]: tensor<1x8x1x1xf32>)
// CHECK: %[[A:.*]] = "tfl.add"(%[[V]], %[[E]]) {{.*}} -> tensor<1x8x1x1xf32>
// CHECK: %[[R:.*]] = "tfl.rsqrt"(%[[A]]) : (tensor<1x8x1x1xf32>) -> tensor<1x8x1x1xf32>
// CHECK: "tfl.mul"(%[[X]], %[[R]]) {{.*}} : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
// CHECK-NOT: tfl.broadcast_to
func.func @sinks_broadcast(%x: tensor<1x8x4x4xf32>, %v: tensor<1x8x1x1xf32>, %e: tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[1, 8, 4, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %b = "tfl.broadcast_to"(%v, %s) : (tensor<1x8x1x1xf32>, tensor<4xi32>) -> tensor<1x8x4x4xf32>
  %0 = "tfl.add"(%b, %e) {fused_activation_function = "NONE"} : (tensor<1x8x4x4xf32>, tensor<1x8x1x1xf32>) -> tensor<1x8x4x4xf32>
  %1 = "tfl.rsqrt"(%0) : (tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %2 = "tfl.mul"(%x, %1) {fused_activation_function = "NONE"} : (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %2 : tensor<1x8x4x4xf32>
}

// tfl-remove-broadcasts with unknown (`?`) dims: a broadcast to a run-time shape is
// dropped only where another operand has the result's very type and the source
// broadcasts into it through static dims.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-remove-broadcasts))' | FileCheck %s

// A bias broadcast to the run-time shape of the other operand: the add broadcasts it.
// CHECK-LABEL: func.func @drops_runtime_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<?x8x?xf32>, %[[C:.*]]: tensor<1x8x1xf32>, %{{.*}}: tensor<3xi32>)
// CHECK: %[[A:.*]] = "tfl.add"(%[[X]], %[[C]]) {{.*}} : (tensor<?x8x?xf32>, tensor<1x8x1xf32>) -> tensor<?x8x?xf32>
// CHECK-NOT: tfl.broadcast_to
// CHECK: return %[[A]]
func.func @drops_runtime_broadcast(%x: tensor<?x8x?xf32>, %c: tensor<1x8x1xf32>, %s: tensor<3xi32>) -> tensor<?x8x?xf32> {
  %b = "tfl.broadcast_to"(%c, %s) : (tensor<1x8x1xf32>, tensor<3xi32>) -> tensor<?x8x?xf32>
  %0 = "tfl.add"(%x, %b) {fused_activation_function = "NONE"} : (tensor<?x8x?xf32>, tensor<?x8x?xf32>) -> tensor<?x8x?xf32>
  return %0 : tensor<?x8x?xf32>
}

// -----

// Both operands broadcast: one goes, the other is then all that holds the shape.
// CHECK-LABEL: func.func @drops_one_of_two
// CHECK-COUNT-1: tfl.broadcast_to
// CHECK-NOT: tfl.broadcast_to
// CHECK: return
func.func @drops_one_of_two(%c: tensor<1x8xf32>, %d: tensor<1x8xf32>, %s: tensor<2xi32>) -> tensor<?x8xf32> {
  %b = "tfl.broadcast_to"(%c, %s) : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  %e = "tfl.broadcast_to"(%d, %s) : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  %0 = "tfl.mul"(%b, %e) {fused_activation_function = "NONE"} : (tensor<?x8xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// The other operand is smaller than the result (an unknown dim of its own that may be
// 1): the broadcast stays.
// CHECK-LABEL: func.func @keeps_broadcast_other_operand_smaller
// CHECK: %[[B:.*]] = "tfl.broadcast_to"
// CHECK: "tfl.add"(%{{.*}}, %[[B]])
func.func @keeps_broadcast_other_operand_smaller(%x: tensor<?x1xf32>, %c: tensor<1x8xf32>, %s: tensor<2xi32>) -> tensor<?x8xf32> {
  %b = "tfl.broadcast_to"(%c, %s) : (tensor<1x8xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  %0 = "tfl.add"(%x, %b) {fused_activation_function = "NONE"} : (tensor<?x1xf32>, tensor<?x8xf32>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// A source with an unknown dim of its own (a reduction kept as [?, 1] of the other
// operand): the other operand has the target shape, the op broadcasts the source.
// CHECK-LABEL: func.func @drops_broadcast_of_unknown_source
// CHECK-SAME: (%[[X:.*]]: tensor<?x?xf32>, %[[C:.*]]: tensor<?x1xf32>, %{{.*}}: tensor<2xi32>)
// CHECK: "tfl.sub"(%[[X]], %[[C]]) {{.*}} : (tensor<?x?xf32>, tensor<?x1xf32>) -> tensor<?x?xf32>
// CHECK-NOT: tfl.broadcast_to
func.func @drops_broadcast_of_unknown_source(%x: tensor<?x?xf32>, %c: tensor<?x1xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %b = "tfl.broadcast_to"(%c, %s) : (tensor<?x1xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  %0 = "tfl.sub"(%x, %b) {fused_activation_function = "NONE"} : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// Two broadcasts of sources of the result's type (each may be 1 where the other is
// not): one goes, the other holds the shape.
// CHECK-LABEL: func.func @keeps_one_of_two_unknown_sources
// CHECK-COUNT-1: tfl.broadcast_to
// CHECK-NOT: tfl.broadcast_to
// CHECK: return
func.func @keeps_one_of_two_unknown_sources(%a: tensor<?x?xf32>, %c: tensor<?x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %b = "tfl.broadcast_to"(%a, %s) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  %e = "tfl.broadcast_to"(%c, %s) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  %0 = "tfl.add"(%b, %e) {fused_activation_function = "NONE"} : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

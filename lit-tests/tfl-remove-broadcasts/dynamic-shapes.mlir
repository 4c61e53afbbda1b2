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

// Sources of the result's very type (each may be 1 where the result is not) stay
// behind their broadcasts: an operand of the result's type always has its shape.
// CHECK-LABEL: func.func @keeps_sources_of_the_result_type
// CHECK-COUNT-2: tfl.broadcast_to
// CHECK: return
func.func @keeps_sources_of_the_result_type(%a: tensor<?x?xf32>, %c: tensor<?x?xf32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %b = "tfl.broadcast_to"(%a, %s) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  %e = "tfl.broadcast_to"(%c, %s) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  %0 = "tfl.add"(%b, %e) {fused_activation_function = "NONE"} : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A causal mask: columns [1, n] broadcast to [n, n] and compared with rows [n, 1], both
// ranges of one size n read from the input; the target [n, n] is that size twice, so
// the compare's own broadcasting gives it.
// CHECK-LABEL: func.func @drops_broadcast_proved_by_sizes
// CHECK-NOT: tfl.broadcast_to
// CHECK: "tfl.less_equal"(%{{.*}}, %{{.*}}) : (tensor<1x?xi32>, tensor<?x1xi32>) -> tensor<?x?xi1>
func.func @drops_broadcast_proved_by_sizes(%x: tensor<?xf32>) -> tensor<?x?xi1> {
  %sh = "tfl.shape"(%x) : (tensor<?xf32>) -> tensor<1xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%sh, %b0, %b1, %b1) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %z = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %r = "tfl.range"(%z, %n, %one) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  %rows_s = "tfl.pseudo_const"() {value = dense<[-1, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %rows = "tfl.reshape"(%r, %rows_s) : (tensor<?xi32>, tensor<2xi32>) -> tensor<?x1xi32>
  %cols_s = "tfl.pseudo_const"() {value = dense<[1, -1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %cols = "tfl.reshape"(%r, %cols_s) : (tensor<?xi32>, tensor<2xi32>) -> tensor<1x?xi32>
  %n1 = "tfl.reshape"(%n, %b1) : (tensor<i32>, tensor<1xi32>) -> tensor<1xi32>
  %nn = "tfl.concatenation"(%n1, %n1) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %cb = "tfl.broadcast_to"(%cols, %nn) : (tensor<1x?xi32>, tensor<2xi32>) -> tensor<?x?xi32>
  %0 = "tfl.less_equal"(%cb, %rows) : (tensor<?x?xi32>, tensor<?x1xi32>) -> tensor<?x?xi1>
  return %0 : tensor<?x?xi1>
}

// -----

// A weight expanded over a run-time batch for a batch_matmul (a decomposed bmm): the
// kernel broadcasts unit batch dims itself.
// CHECK-LABEL: func.func @drops_weight_broadcast_into_batch_matmul
// CHECK-SAME: (%[[X:.*]]: tensor<?x2x32xf32>, %[[W:.*]]: tensor<1x32x96xf32>, %{{.*}}: tensor<3xi32>)
// CHECK: "tfl.batch_matmul"(%[[X]], %[[W]]) {{.*}} : (tensor<?x2x32xf32>, tensor<1x32x96xf32>) -> tensor<?x2x96xf32>
// CHECK-NOT: tfl.broadcast_to
func.func @drops_weight_broadcast_into_batch_matmul(%x: tensor<?x2x32xf32>, %w: tensor<1x32x96xf32>, %s: tensor<3xi32>) -> tensor<?x2x96xf32> {
  %b = "tfl.broadcast_to"(%w, %s) : (tensor<1x32x96xf32>, tensor<3xi32>) -> tensor<?x32x96xf32>
  %0 = "tfl.batch_matmul"(%x, %b) {adj_x = false, adj_y = false} : (tensor<?x2x32xf32>, tensor<?x32x96xf32>) -> tensor<?x2x96xf32>
  return %0 : tensor<?x2x96xf32>
}

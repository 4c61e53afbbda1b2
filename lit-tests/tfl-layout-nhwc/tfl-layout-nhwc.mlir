// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-layout-nhwc))' | FileCheck %s

// ===-- TransposeTransposeFold ---------------------------------------------===//

// Inverse transposes cancel.
// CHECK-LABEL: func.func @cancels_inverse_pair
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x8xf32>)
// CHECK-NOT: tfl.transpose
// CHECK: return %[[X]]
func.func @cancels_inverse_pair(%x: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x4x4x8xf32>, tensor<4xi32>) -> tensor<1x8x4x4xf32>
  %1 = "tfl.transpose"(%0, %q) : (tensor<1x8x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x8xf32>
  return %1 : tensor<1x4x4x8xf32>
}

// -----

// Two transposes that do not cancel compose into one.
// CHECK-LABEL: func.func @composes_pair
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<[1, 2, 0]> : tensor<3xi32>}
// CHECK: "tfl.transpose"(%{{.*}}, %[[P]]) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>
// CHECK-NOT: tfl.transpose
func.func @composes_pair(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<3x2x4xf32>
  %1 = "tfl.transpose"(%0, %q) : (tensor<3x2x4xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>
  return %1 : tensor<3x4x2xf32>
}

// -----

// ===-- ElementwiseTransposeSink -------------------------------------------===//

// A conv's NHWC->NCHW transpose sinks through relu and a per-channel add (the
// constant is transposed at compile time) and cancels against the next NCHW->NHWC.
// CHECK-LABEL: func.func @sinks_through_elementwise
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x2xf32>)
// CHECK: %[[R:.*]] = "tfl.relu"(%[[X]]) : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}1.000000e+00, 2.000000e+00]]]]> : tensor<1x1x1x2xf32>}
// CHECK: %[[A:.*]] = "tfl.add"(%[[R]], %[[C]]) {{.*}} -> tensor<1x4x4x2xf32>
// CHECK-NOT: tfl.transpose
// CHECK: return %[[A]]
func.func @sinks_through_elementwise(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %c = "tfl.pseudo_const"() {value = dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>} : () -> tensor<1x2x1x1xf32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %1 = "tfl.relu"(%0) : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  %2 = "tfl.add"(%1, %c) {fused_activation_function = "NONE"} : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  %3 = "tfl.transpose"(%2, %q) : (tensor<1x2x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x2xf32>
  return %3 : tensor<1x4x4x2xf32>
}

// -----

// A residual add of two values transposed the same way runs untransposed; one
// transpose is left after it, for the NCHW result.
// CHECK-LABEL: func.func @sinks_through_residual_add
// CHECK-SAME: (%[[A:.*]]: tensor<1x4x4x2xf32>, %[[B:.*]]: tensor<1x4x4x2xf32>)
// CHECK: %[[S:.*]] = "tfl.add"(%[[A]], %[[B]]) {{.*}} -> tensor<1x4x4x2xf32>
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[S]], %{{.*}}) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
// CHECK: return %[[T]]
func.func @sinks_through_residual_add(%a: tensor<1x4x4x2xf32>, %b: tensor<1x4x4x2xf32>) -> tensor<1x2x4x4xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%a, %p) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %1 = "tfl.transpose"(%b, %p) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %2 = "tfl.add"(%0, %1) {fused_activation_function = "NONE"} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %2 : tensor<1x2x4x4xf32>
}

// -----

// An operand that is neither transposed nor constant and has several non-unit dims
// blocks the sink.
// CHECK-LABEL: func.func @keeps_mixed_operands
// CHECK: "tfl.transpose"
// CHECK: "tfl.mul"({{.*}}) {{.*}} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>)
func.func @keeps_mixed_operands(%a: tensor<1x4x4x2xf32>, %b: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%a, %p) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %1 = "tfl.mul"(%0, %b) {fused_activation_function = "NONE"} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %1 : tensor<1x2x4x4xf32>
}

// -----

// ===-- ReductionTransposeSink ---------------------------------------------===//

// mean over NCHW's H and W is mean over NHWC's 1 and 2; without keep_dims the
// result needs no transpose at all, and the dead one is removed.
// CHECK-LABEL: func.func @sinks_through_mean
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x4x8xf32>)
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>}
// CHECK: %[[M:.*]] = "tfl.mean"(%[[X]], %[[AX]]) {keep_dims = false} : (tensor<2x4x4x8xf32>, tensor<2xi32>) -> tensor<2x8xf32>
// CHECK-NOT: tfl.transpose
// CHECK: return %[[M]]
func.func @sinks_through_mean(%x: tensor<2x4x4x8xf32>) -> tensor<2x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %axes = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<2x4x4x8xf32>, tensor<4xi32>) -> tensor<2x8x4x4xf32>
  %1 = "tfl.mean"(%0, %axes) {keep_dims = false} : (tensor<2x8x4x4xf32>, tensor<2xi32>) -> tensor<2x8xf32>
  return %1 : tensor<2x8xf32>
}

// -----

// ===-- PadTransposeSink ---------------------------------------------------===//

// CHECK-LABEL: func.func @sinks_through_pad
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 0], [1, 1], [2, 2], [0, 0]]> : tensor<4x2xi32>}
// CHECK: "tfl.pad"(%{{.*}}, %[[P]]) : (tensor<1x4x4x8xf32>, tensor<4x2xi32>) -> tensor<1x6x8x8xf32>
// CHECK-NOT: tfl.transpose
func.func @sinks_through_pad(%x: tensor<1x4x4x8xf32>) -> tensor<1x6x8x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %pads = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 0], [1, 1], [2, 2]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x4x4x8xf32>, tensor<4xi32>) -> tensor<1x8x4x4xf32>
  %1 = "tfl.pad"(%0, %pads) : (tensor<1x8x4x4xf32>, tensor<4x2xi32>) -> tensor<1x8x6x8xf32>
  %2 = "tfl.transpose"(%1, %q) : (tensor<1x8x6x8xf32>, tensor<4xi32>) -> tensor<1x6x8x8xf32>
  return %2 : tensor<1x6x8x8xf32>
}

// -----

// ===-- ConcatenationTransposeSink -----------------------------------------===//

// CHECK-LABEL: func.func @sinks_through_concatenation
// CHECK: "tfl.concatenation"({{.*}}) {axis = 3 : i32, fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<1x4x4x3xf32>) -> tensor<1x4x4x5xf32>
// CHECK-NOT: tfl.transpose
func.func @sinks_through_concatenation(%a: tensor<1x4x4x2xf32>, %b: tensor<1x4x4x3xf32>) -> tensor<1x4x4x5xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%a, %p) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %1 = "tfl.transpose"(%b, %p) : (tensor<1x4x4x3xf32>, tensor<4xi32>) -> tensor<1x3x4x4xf32>
  %2 = "tfl.concatenation"(%0, %1) {axis = 1 : i32, fused_activation_function = "NONE"} : (tensor<1x2x4x4xf32>, tensor<1x3x4x4xf32>) -> tensor<1x5x4x4xf32>
  %3 = "tfl.transpose"(%2, %q) : (tensor<1x5x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x5xf32>
  return %3 : tensor<1x4x4x5xf32>
}

// -----

// ===-- ReshapeTransposeSink, ReshapeTransposeSplit ------------------------===//

// A channel shuffle between NHWC convolutions: view(N, g, C/g, H, W), swap the
// groups, view back. Only one transpose is left: the in-group swap, in NHWC.
// CHECK-LABEL: func.func @channel_shuffle
// CHECK: "tfl.reshape"{{.*}} -> tensor<1x4x4x2x3xf32>
// CHECK: "tfl.transpose"{{.*}} -> tensor<1x4x4x3x2xf32>
// CHECK: "tfl.reshape"{{.*}} -> tensor<1x4x4x6xf32>
// CHECK-NOT: "tfl.transpose"
// CHECK: return
func.func @channel_shuffle(%x: tensor<1x4x4x6xf32>) -> tensor<1x4x4x6xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %s5 = "tfl.pseudo_const"() {value = dense<[1, 2, 3, 4, 4]> : tensor<5xi32>} : () -> tensor<5xi32>
  %g = "tfl.pseudo_const"() {value = dense<[0, 2, 1, 3, 4]> : tensor<5xi32>} : () -> tensor<5xi32>
  %s4 = "tfl.pseudo_const"() {value = dense<[1, 6, 4, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x4x4x6xf32>, tensor<4xi32>) -> tensor<1x6x4x4xf32>
  %1 = "tfl.reshape"(%0, %s5) : (tensor<1x6x4x4xf32>, tensor<5xi32>) -> tensor<1x2x3x4x4xf32>
  %2 = "tfl.transpose"(%1, %g) : (tensor<1x2x3x4x4xf32>, tensor<5xi32>) -> tensor<1x3x2x4x4xf32>
  %3 = "tfl.reshape"(%2, %s4) : (tensor<1x3x2x4x4xf32>, tensor<4xi32>) -> tensor<1x6x4x4xf32>
  %4 = "tfl.transpose"(%3, %q) : (tensor<1x6x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x6xf32>
  return %4 : tensor<1x4x4x6xf32>
}

// -----

// The same shuffle as the function's NCHW result: the NHWC->NCHW transpose has no op
// below to go on through, so ReshapeTransposeSplit leaves it whole (split, it would be
// hoisted back by TransposeReshapeTransposeFold, and the two would take turns for
// ever). One transpose is left, the shuffle and the layout change in one.
// CHECK-LABEL: func.func @channel_shuffle_result
// CHECK: "tfl.reshape"{{.*}} -> tensor<1x4x4x2x3xf32>
// CHECK: "tfl.transpose"{{.*}} -> tensor<1x3x2x4x4xf32>
// CHECK: "tfl.reshape"{{.*}} -> tensor<1x6x4x4xf32>
// CHECK-NOT: "tfl.transpose"
// CHECK: return
func.func @channel_shuffle_result(%x: tensor<1x4x4x6xf32>) -> tensor<1x6x4x4xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %s5 = "tfl.pseudo_const"() {value = dense<[1, 2, 3, 4, 4]> : tensor<5xi32>} : () -> tensor<5xi32>
  %g = "tfl.pseudo_const"() {value = dense<[0, 2, 1, 3, 4]> : tensor<5xi32>} : () -> tensor<5xi32>
  %s4 = "tfl.pseudo_const"() {value = dense<[1, 6, 4, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x4x4x6xf32>, tensor<4xi32>) -> tensor<1x6x4x4xf32>
  %1 = "tfl.reshape"(%0, %s5) : (tensor<1x6x4x4xf32>, tensor<5xi32>) -> tensor<1x2x3x4x4xf32>
  %2 = "tfl.transpose"(%1, %g) : (tensor<1x2x3x4x4xf32>, tensor<5xi32>) -> tensor<1x3x2x4x4xf32>
  %3 = "tfl.reshape"(%2, %s4) : (tensor<1x3x2x4x4xf32>, tensor<4xi32>) -> tensor<1x6x4x4xf32>
  return %3 : tensor<1x6x4x4xf32>
}

// -----

// ===-- TransposeUnitDimsToReshape -----------------------------------------===//

// Moving only size-1 dims keeps the bytes in order: a reshape.
// CHECK-LABEL: func.func @unit_dims_transpose_is_reshape
// CHECK: "tfl.reshape"{{.*}} -> tensor<1x8x1x1xf32>
// CHECK-NOT: tfl.transpose
func.func @unit_dims_transpose_is_reshape(%x: tensor<1x1x1x8xf32>) -> tensor<1x8x1x1xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.transpose"(%x, %p) : (tensor<1x1x1x8xf32>, tensor<4xi32>) -> tensor<1x8x1x1xf32>
  return %0 : tensor<1x8x1x1xf32>
}

// -----

// Rotary embeddings: q [B, T, H, D] transposed to [B, H, T, D] and scaled by a
// run-time table [1, 1, T, D] (gathered at input_pos). The table's T and D keep their
// order under the permutation, so it is reshaped to [1, T, 1, D] and the transpose
// sinks below the scaling, where the rotate-half path's transpose meets it: one
// transpose for the sum, not one per path.
// CHECK-LABEL: func.func @rope_table_operand
// CHECK: %[[C:.*]] = "tfl.reshape"(%arg1, %{{.*}}) : (tensor<1x1x6x8xf32>, tensor<4xi32>) -> tensor<1x6x1x8xf32>
// CHECK: "tfl.mul"(%arg0, %[[C]]) {{.*}} : (tensor<1x6x4x8xf32>, tensor<1x6x1x8xf32>) -> tensor<1x6x4x8xf32>
// CHECK-COUNT-1: "tfl.transpose"
// CHECK-NOT: "tfl.transpose"
func.func @rope_table_operand(%q: tensor<1x6x4x8xf32>, %cos: tensor<1x1x6x8xf32>, %sin: tensor<1x1x6x8xf32>) -> tensor<1x4x6x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 1, 3]> : tensor<4xi32>} : () -> tensor<4xi32>
  %t = "tfl.transpose"(%q, %p) : (tensor<1x6x4x8xf32>, tensor<4xi32>) -> tensor<1x4x6x8xf32>
  %a = "tfl.mul"(%t, %cos) {fused_activation_function = "NONE"} : (tensor<1x4x6x8xf32>, tensor<1x1x6x8xf32>) -> tensor<1x4x6x8xf32>
  %n = "tfl.neg"(%q) : (tensor<1x6x4x8xf32>) -> tensor<1x6x4x8xf32>
  %u = "tfl.transpose"(%n, %p) : (tensor<1x6x4x8xf32>, tensor<4xi32>) -> tensor<1x4x6x8xf32>
  %b = "tfl.mul"(%u, %sin) {fused_activation_function = "NONE"} : (tensor<1x4x6x8xf32>, tensor<1x1x6x8xf32>) -> tensor<1x4x6x8xf32>
  %s = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<1x4x6x8xf32>, tensor<1x4x6x8xf32>) -> tensor<1x4x6x8xf32>
  func.return %s : tensor<1x4x6x8xf32>
}

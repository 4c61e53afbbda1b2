// tfl-simplify-shapes: run-time shape computations merged and folded, each pattern on
// its own, and what it must leave alone.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-simplify-shapes))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --debug-patterns --pass-pipeline='builtin.module(func.func(tfl-simplify-shapes))' 2>&1 >/dev/null | FileCheck %s --check-prefix=PAT

// Two reads of one size: one shape, one slice (merged), the shrink-then-reshape pair
// is one slice, and the reshape whose result has one unknown dim takes [-1, 4].
// CHECK-LABEL: func.func @merged_and_constant
// CHECK-COUNT-1: "tfl.shape"
// CHECK-NOT: "tfl.shape"
// CHECK-NOT: "tfl.concatenation"
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[-1, 4]> : tensor<2xi32>}
// CHECK: "tfl.reshape"(%arg0, %[[S]]) : (tensor<?x8xf32>, tensor<2xi32>) -> tensor<?x4xf32>
// PAT-DAG: [pattern] ReshapeShrunkSliceToSlice on 'tfl.reshape'
// PAT-DAG: [pattern] ReshapeRuntimeShapeToConstant on 'tfl.reshape'
func.func @merged_and_constant(%x: tensor<?x8xf32>) -> (tensor<?x4xf32>, tensor<1xi32>) {
  %s = "tfl.shape"(%x) : (tensor<?x8xf32>) -> tensor<2xi32>
  %s2 = "tfl.shape"(%x) : (tensor<?x8xf32>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %n1 = "tfl.reshape"(%n, %b1) : (tensor<i32>, tensor<1xi32>) -> tensor<1xi32>
  %two = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %four = "tfl.pseudo_const"() {value = dense<4> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.mul"(%n1, %two) {fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %c = "tfl.concatenation"(%m, %four) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %y = "tfl.reshape"(%x, %c) : (tensor<?x8xf32>, tensor<2xi32>) -> tensor<?x4xf32>
  %k = "tfl.strided_slice"(%s2, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  return %y, %k : tensor<?x4xf32>, tensor<1xi32>
}

// -----

// Two unknown dims: the run-time shape stays, but the pieces read in order from one
// shape are that shape, and the reshape to it is its input.
// CHECK-LABEL: func.func @whole_shape
// CHECK-NOT: "tfl.reshape"
// CHECK-NOT: "tfl.concatenation"
// CHECK: return %arg0
// PAT: [pattern] ConcatenationAdjacentSlices on 'tfl.concatenation'
// PAT: [pattern] ReshapeToOwnShape on 'tfl.reshape'
func.func @whole_shape(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %s = "tfl.shape"(%x) : (tensor<?x?xf32>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %d0 = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %d1 = "tfl.strided_slice"(%s, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %c = "tfl.concatenation"(%d0, %d1) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %y = "tfl.reshape"(%x, %c) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %y : tensor<?x?xf32>
}

// -----

// Positional ids: an i64 range of a cast size is a cast of an i32 range (LiteRT sizes
// that one before running), and gathering rows 0..n of a table is a slice of it,
// strided (end [n, to the end]) so that LiteRT sizes it when allocating.
// CHECK-LABEL: func.func @positions
// CHECK-NOT: "tfl.range"
// CHECK-NOT: "tfl.gather"
// CHECK: %[[N:.*]] = "tfl.strided_slice"(%{{.*}}) {{.*}} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
// CHECK: %[[END:.*]] = "tfl.concatenation"(%[[N]], %{{.*}}) {{.*}} -> tensor<2xi32>
// CHECK: "tfl.strided_slice"(%arg1, %{{.*}}, %[[END]], %{{.*}}) {{{.*}}end_mask = 2 : i32{{.*}}} : (tensor<64x32xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x32xf32>
// CHECK-NOT: "tfl.slice"
// PAT: [pattern] RangeOfCastsInI32 on 'tfl.range'
// PAT: [pattern] GatherOfRangeToSlice on 'tfl.gather'
// PAT: [pattern] SliceToStridedSlice on 'tfl.slice'
func.func @positions(%x: tensor<1x?xi64>, %w: tensor<64x32xf32>) -> tensor<?x32xf32> {
  %s = "tfl.shape"(%x) : (tensor<1x?xi64>) -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %n64 = "tfl.cast"(%n) : (tensor<i32>) -> tensor<i64>
  %zero = "tfl.pseudo_const"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
  %r = "tfl.range"(%zero, %n64, %one) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %g = "tfl.gather"(%w, %r) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<64x32xf32>, tensor<?xi64>) -> tensor<?x32xf32>
  return %g : tensor<?x32xf32>
}

// -----

// A range that does not start at 0 stays a gather (of i32 indices now); sizes the
// type knows become constants; a slice of a slice is one slice; a slice inside one
// piece of a concatenation slices that piece; cast round trips go.
// CHECK-LABEL: func.func @other_folds
// CHECK: %[[R:.*]] = "tfl.range"(%{{.*}}) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
// CHECK: "tfl.gather"(%arg1, %[[R]])
// CHECK: %[[EIGHT:.*]] = "tfl.pseudo_const"() {value = dense<8> : tensor<1xi32>}
// CHECK: return %{{.*}}, %[[EIGHT]], %{{.*}} : tensor<?x32xf32>, tensor<1xi32>, tensor<i32>
// PAT-DAG: [pattern] GatherIndicesCastFromI32 on 'tfl.gather'
// PAT-DAG: [pattern] StridedSliceOfStaticShape on 'tfl.strided_slice'
// PAT-DAG: [pattern] StridedSliceOfConcatenationPiece on 'tfl.strided_slice'
// PAT-DAG: [pattern] CastRoundTrip on 'tfl.cast'
func.func @other_folds(%x: tensor<?x8xi64>, %w: tensor<64x32xf32>) -> (tensor<?x32xf32>, tensor<1xi32>, tensor<i32>) {
  %s = "tfl.shape"(%x) : (tensor<?x8xi64>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %n64 = "tfl.cast"(%n) : (tensor<i32>) -> tensor<i64>
  %three = "tfl.pseudo_const"() {value = dense<3> : tensor<i64>} : () -> tensor<i64>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
  %r = "tfl.range"(%three, %n64, %one) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %g = "tfl.gather"(%w, %r) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<64x32xf32>, tensor<?xi64>) -> tensor<?x32xf32>
  %k = "tfl.strided_slice"(%s, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %n1 = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %cat = "tfl.concatenation"(%k, %n1) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %p = "tfl.strided_slice"(%cat, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %p64 = "tfl.cast"(%p) : (tensor<i32>) -> tensor<i64>
  %p32 = "tfl.cast"(%p64) : (tensor<i64>) -> tensor<i32>
  return %g, %k, %p32 : tensor<?x32xf32>, tensor<1xi32>, tensor<i32>
}

// -----

// A static function (no unknown dims, no tfl.shape) is not touched, duplicates included.
// CHECK-LABEL: func.func @static_untouched
// CHECK-COUNT-2: "tfl.reshape"
func.func @static_untouched(%x: tensor<2x8xf32>) -> (tensor<16xf32>, tensor<16xf32>) {
  %c = "tfl.pseudo_const"() {value = dense<16> : tensor<1xi32>} : () -> tensor<1xi32>
  %a = "tfl.reshape"(%x, %c) : (tensor<2x8xf32>, tensor<1xi32>) -> tensor<16xf32>
  %b = "tfl.reshape"(%x, %c) : (tensor<2x8xf32>, tensor<1xi32>) -> tensor<16xf32>
  return %a, %b : tensor<16xf32>, tensor<16xf32>
}

// -----

// JAX's `//` on sizes as legalization leaves it (truncating div, sign compare, the
// truncated remainder from floor_mod): one floor_div.
// CHECK-LABEL: func.func @jax_floor_division
// CHECK: %[[Q:.*]] = "tfl.floor_div"(%{{.*}}, %{{.*}}) : (tensor<i32>, tensor<i32>) -> tensor<i32>
// CHECK: return %[[Q]]
// CHECK-NOT: "tfl.sign"
// PAT: [pattern] SelectOfTruncatedDivisionToFloorDiv on 'tfl.select_v2'
func.func @jax_floor_division(%x: tensor<?x8xf32>) -> tensor<i32> {
  %s = "tfl.shape"(%x) : (tensor<?x8xf32>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %m1 = "tfl.pseudo_const"() {value = dense<-1> : tensor<i32>} : () -> tensor<i32>
  %x1 = "tfl.mul"(%n, %m1) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %y = "tfl.pseudo_const"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
  %zero = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %q = "tfl.div"(%x1, %y) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %sx = "tfl.sign"(%x1) : (tensor<i32>) -> tensor<i32>
  %sy = "tfl.sign"(%y) : (tensor<i32>) -> tensor<i32>
  %sd = "tfl.not_equal"(%sx, %sy) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %fm = "tfl.floor_mod"(%x1, %y) : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %lx = "tfl.less"(%x1, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %ly = "tfl.less"(%y, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %ld = "tfl.not_equal"(%lx, %ly) : (tensor<i1>, tensor<i1>) -> tensor<i1>
  %nz = "tfl.not_equal"(%fm, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %fix = "tfl.logical_and"(%ld, %nz) : (tensor<i1>, tensor<i1>) -> tensor<i1>
  %sh = "tfl.sub"(%fm, %y) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %rem = "tfl.select_v2"(%fix, %sh, %fm) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
  %rnz = "tfl.not_equal"(%rem, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %c = "tfl.logical_and"(%sd, %rnz) : (tensor<i1>, tensor<i1>) -> tensor<i1>
  %q1 = "tfl.sub"(%q, %one) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %r = "tfl.select_v2"(%c, %q1, %q) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
  return %r : tensor<i32>
}

// -----

// The same after tfl-fold-constants, which folds `y < 0` of a constant divisor to false
// and `sign(y)` to 1.
// CHECK-LABEL: func.func @jax_floor_division_folded
// CHECK: %[[Q:.*]] = "tfl.floor_div"(%{{.*}}, %{{.*}}) : (tensor<i32>, tensor<i32>) -> tensor<i32>
// CHECK: return %[[Q]]
// CHECK-NOT: "tfl.sign"
func.func @jax_floor_division_folded(%x: tensor<?x8xf32>) -> tensor<i32> {
  %s = "tfl.shape"(%x) : (tensor<?x8xf32>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 1 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
  %m1 = "tfl.pseudo_const"() {value = dense<-1> : tensor<i32>} : () -> tensor<i32>
  %x1 = "tfl.mul"(%n, %m1) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %y = "tfl.pseudo_const"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
  %zero = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %q = "tfl.div"(%x1, %y) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %sx = "tfl.sign"(%x1) : (tensor<i32>) -> tensor<i32>
  %sd = "tfl.not_equal"(%sx, %one) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %fm = "tfl.floor_mod"(%x1, %y) : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %lx = "tfl.less"(%x1, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %ly = "tfl.pseudo_const"() {value = dense<false> : tensor<i1>} : () -> tensor<i1>
  %ld = "tfl.not_equal"(%lx, %ly) : (tensor<i1>, tensor<i1>) -> tensor<i1>
  %nz = "tfl.not_equal"(%fm, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %fix = "tfl.logical_and"(%ld, %nz) : (tensor<i1>, tensor<i1>) -> tensor<i1>
  %sh = "tfl.sub"(%fm, %y) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %rem = "tfl.select_v2"(%fix, %sh, %fm) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
  %rnz = "tfl.not_equal"(%rem, %zero) : (tensor<i32>, tensor<i32>) -> tensor<i1>
  %c = "tfl.logical_and"(%sd, %rnz) : (tensor<i1>, tensor<i1>) -> tensor<i1>
  %q1 = "tfl.sub"(%q, %one) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<i32>) -> tensor<i32>
  %r = "tfl.select_v2"(%c, %q1, %q) : (tensor<i1>, tensor<i32>, tensor<i32>) -> tensor<i32>
  return %r : tensor<i32>
}

// stablehlo.scatter as TFL arithmetic over rows (passes/src/legalize/scatter.rs).
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// A KV-cache write, cache[:, :, pos] = new: the last in-bounds writer of each row
// (unsorted_segment_max of the update order), gathered along the indexed dim and
// selected where a row was written. No transposes.
// CHECK-LABEL: func.func @kv_cache_write
// CHECK-SAME: (%[[CACHE:.*]]: tensor<1x2x8x4xf32>, %[[POS:.*]]: tensor<3x1xi64>, %[[NEW:.*]]: tensor<1x2x3x4xf32>)
// CHECK: %[[INB:.*]] = "tfl.reduce_all"
// CHECK: %[[IDS:.*]] = "tfl.select_v2"(%[[INB]], %{{.*}}, %{{.*}}) : (tensor<3xi1>, tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
// CHECK: %[[IOTA:.*]] = "tfl.pseudo_const"() {value = dense<[0, 1, 2]> : tensor<3xi32>}
// CHECK: %[[ORDER:.*]] = "tfl.select_v2"(%[[INB]], %[[IOTA]], %{{.*}})
// CHECK: %[[LAST:.*]] = "tfl.unsorted_segment_max"(%[[ORDER]], %[[IDS]], %{{.*}}) : (tensor<3xi32>, tensor<3xi32>, tensor<1xi32>) -> tensor<8xi32>
// CHECK: %[[WRITTEN:.*]] = "tfl.greater_equal"(%[[LAST]],
// CHECK: %[[ROW:.*]] = "tfl.maximum"(%[[LAST]],
// CHECK: %[[MASK:.*]] = "tfl.reshape"(%[[WRITTEN]], %{{.*}}) : (tensor<8xi1>, tensor<4xi32>) -> tensor<1x1x8x1xi1>
// CHECK: %[[PICK:.*]] = "tfl.gather"(%[[NEW]], %[[ROW]]) {axis = 2 : i32, batch_dims = 0 : i32} : (tensor<1x2x3x4xf32>, tensor<8xi32>) -> tensor<1x2x8x4xf32>
// CHECK: %[[Y:.*]] = "tfl.select_v2"(%[[MASK]], %[[PICK]], %[[CACHE]])
// CHECK-NOT: tfl.transpose
// CHECK: return %[[Y]]
func.func @kv_cache_write(%cache: tensor<1x2x8x4xf32>, %pos: tensor<3x1xi64>, %new: tensor<1x2x3x4xf32>) -> tensor<1x2x8x4xf32> {
  %0 = "stablehlo.scatter"(%cache, %pos, %new) ({
  ^bb0(%old: tensor<f32>, %upd: tensor<f32>):
    "stablehlo.return"(%upd) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0, 1, 3], inserted_window_dims = [2], scatter_dims_to_operand_dims = [2], index_vector_dim = 1>, unique_indices = false} : (tensor<1x2x8x4xf32>, tensor<3x1xi64>, tensor<1x2x3x4xf32>) -> tensor<1x2x8x4xf32>
  return %0 : tensor<1x2x8x4xf32>
}

// -----

// Overwrite with one value (x.scatter(1, index, 1.5)): no gather, the value is selected.
// Full index vectors of two dims become row ids idx0 * 8 + idx1.
// CHECK-LABEL: func.func @overwrite_value
// CHECK: %[[STRIDES:.*]] = "tfl.pseudo_const"() {value = dense<[8, 1]> : tensor<2xi32>}
// CHECK: %[[SCALED:.*]] = "tfl.mul"(%{{.*}}, %[[STRIDES]])
// CHECK: "tfl.sum"(%[[SCALED]], %{{.*}}) {keep_dims = false} : (tensor<6x2xi32>, tensor<1xi32>) -> tensor<6xi32>
// CHECK: "tfl.unsorted_segment_max"
// CHECK-NOT: tfl.gather
// CHECK: %[[V:.*]] = "tfl.pseudo_const"() {value = dense<1.500000e+00> : tensor<f32>}
// CHECK: "tfl.select_v2"(%{{.*}}, %[[V]], %{{.*}}) : (tensor<32x1xi1>, tensor<f32>, tensor<32x1xf32>) -> tensor<32x1xf32>
// CHECK: "tfl.reshape"(%{{.*}}, %{{.*}}) : (tensor<32x1xf32>, tensor<2xi32>) -> tensor<4x8xf32>
func.func @overwrite_value(%x: tensor<4x8xf32>, %i: tensor<2x3x2xi64>) -> tensor<4x8xf32> {
  %v = "stablehlo.constant"() {value = dense<1.5> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %0 = "stablehlo.scatter"(%x, %i, %v) ({
  ^bb0(%old: tensor<f32>, %upd: tensor<f32>):
    "stablehlo.return"(%upd) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 2>, unique_indices = false} : (tensor<4x8xf32>, tensor<2x3x2xi64>, tensor<2x3xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// -----

// Add (index_add along dim 1): rows [S, R] by a transpose, x + scatter_nd(ids, updates),
// updates at out-of-bounds indices zeroed, then the transpose back.
// CHECK-LABEL: func.func @add_rows
// CHECK-SAME: (%[[X:.*]]: tensor<3x6xf32>, %[[I:.*]]: tensor<4x1xi32>, %[[U:.*]]: tensor<3x4xf32>)
// CHECK: %[[XT:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<3x6xf32>, tensor<2xi32>) -> tensor<6x3xf32>
// CHECK: %[[UT:.*]] = "tfl.transpose"(%[[U]], %{{.*}}) : (tensor<3x4xf32>, tensor<2xi32>) -> tensor<4x3xf32>
// CHECK: %[[ZERO:.*]] = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<f32>}
// CHECK: %[[MASKED:.*]] = "tfl.select_v2"(%{{.*}}, %[[UT]], %[[ZERO]]) : (tensor<4x1xi1>, tensor<4x3xf32>, tensor<f32>) -> tensor<4x3xf32>
// CHECK: %[[AT:.*]] = "tfl.reshape"(%{{.*}}, %{{.*}}) : (tensor<4xi32>, tensor<2xi32>) -> tensor<4x1xi32>
// CHECK: %[[SHAPE:.*]] = "tfl.pseudo_const"() {value = dense<[6, 3]> : tensor<2xi32>}
// CHECK: %[[SUMS:.*]] = "tfl.scatter_nd"(%[[AT]], %[[MASKED]], %[[SHAPE]]) : (tensor<4x1xi32>, tensor<4x3xf32>, tensor<2xi32>) -> tensor<6x3xf32>
// CHECK: %[[Y:.*]] = "tfl.add"(%[[XT]], %[[SUMS]])
// CHECK: "tfl.transpose"(%[[Y]], %{{.*}}) : (tensor<6x3xf32>, tensor<2xi32>) -> tensor<3x6xf32>
func.func @add_rows(%x: tensor<3x6xf32>, %i: tensor<4x1xi32>, %u: tensor<3x4xf32>) -> tensor<3x6xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0], inserted_window_dims = [1], scatter_dims_to_operand_dims = [1], index_vector_dim = 1>, unique_indices = false} : (tensor<3x6xf32>, tensor<4x1xi32>, tensor<3x4xf32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

// Maximum on floats: the segment max of the updates (out-of-bounds ones -inf), kept
// only where some update got past -inf (the kernel starts a row at -FLT_MAX).
// Known in-bounds indices make constant row ids and no mask.
// CHECK-LABEL: func.func @max_const_indices
// CHECK-SAME: (%[[X:.*]]: tensor<5x2xf32>, %[[U:.*]]: tensor<3x2xf32>)
// CHECK-NOT: tfl.reduce_all
// CHECK: %[[IDS:.*]] = "tfl.pseudo_const"() {value = dense<[4, 0, 4]> : tensor<3xi32>}
// CHECK: %[[R:.*]] = "tfl.unsorted_segment_max"(%[[U]], %[[IDS]], %{{.*}}) : (tensor<3x2xf32>, tensor<3xi32>, tensor<1xi32>) -> tensor<5x2xf32>
// CHECK: %[[M:.*]] = "tfl.maximum"(%[[X]], %[[R]])
// CHECK: %[[NINF:.*]] = "tfl.pseudo_const"() {value = dense<0xFF800000> : tensor<f32>}
// CHECK: %[[PASSED:.*]] = "tfl.greater"(%[[U]], %[[NINF]])
// CHECK: %[[FLAGS:.*]] = "tfl.cast"(%[[PASSED]]) : (tensor<3x2xi1>) -> tensor<3x2xi32>
// CHECK: %[[ANY:.*]] = "tfl.unsorted_segment_max"(%[[FLAGS]], %[[IDS]], %{{.*}}) : (tensor<3x2xi32>, tensor<3xi32>, tensor<1xi32>) -> tensor<5x2xi32>
// CHECK: %[[TOUCHED:.*]] = "tfl.greater"(%[[ANY]],
// CHECK: %[[Y:.*]] = "tfl.select_v2"(%[[TOUCHED]], %[[M]], %[[X]])
// CHECK: return %[[Y]]
func.func @max_const_indices(%x: tensor<5x2xf32>, %u: tensor<3x2xf32>) -> tensor<5x2xf32> {
  %i = "stablehlo.constant"() {value = dense<[[4], [0], [4]]> : tensor<3x1xi64>} : () -> tensor<3x1xi64>
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<5x2xf32>, tensor<3x1xi64>, tensor<3x2xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

// Multiply: x * unsorted_segment_prod(updates) (an empty row is 1).
// CHECK-LABEL: func.func @multiply_i32
// CHECK: %[[P:.*]] = "tfl.unsorted_segment_prod"(%{{.*}}, %{{.*}}, %{{.*}}) : (tensor<3x2xi32>, tensor<3xi32>, tensor<1xi32>) -> tensor<5x2xi32>
// CHECK: "tfl.mul"(%{{.*}}, %[[P]]) {fused_activation_function = "NONE"} : (tensor<5x2xi32>, tensor<5x2xi32>) -> tensor<5x2xi32>
func.func @multiply_i32(%x: tensor<5x2xi32>, %i: tensor<3x1xi64>, %u: tensor<3x2xi32>) -> tensor<5x2xi32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = "stablehlo.multiply"(%a, %b) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "stablehlo.return"(%m) : (tensor<i32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<5x2xi32>, tensor<3x1xi64>, tensor<3x2xi32>) -> tensor<5x2xi32>
  return %0 : tensor<5x2xi32>
}

// -----

// One index vector overwriting a block (cache[:, pos] = row): one dynamic_update_slice
// of the update (its scatter dim dropped, a unit dim at the indexed dim) at
// [pos, 0]; the int64 index cast to int32. No segment ops.
// CHECK-LABEL: func.func @one_block
// CHECK-SAME: (%[[X:.*]]: tensor<8x4xf32>, %[[I:.*]]: tensor<1xi64>, %[[U:.*]]: tensor<4xf32>)
// CHECK: %[[IV:.*]] = "tfl.cast"(%[[I]]) : (tensor<1xi64>) -> tensor<1xi32>
// CHECK: %[[Z:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>}
// CHECK: %[[AT:.*]] = "tfl.concatenation"(%[[IV]], %[[Z]]) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
// CHECK: %[[B:.*]] = "tfl.reshape"(%[[U]], %{{.*}}) : (tensor<4xf32>, tensor<2xi32>) -> tensor<1x4xf32>
// CHECK: %[[Y:.*]] = "tfl.dynamic_update_slice"(%[[X]], %[[B]], %[[AT]]) : (tensor<8x4xf32>, tensor<1x4xf32>, tensor<2xi32>) -> tensor<8x4xf32>
// CHECK-NOT: unsorted_segment
// CHECK: return %[[Y]]
func.func @one_block(%x: tensor<8x4xf32>, %i: tensor<1xi64>, %u: tensor<4xf32>) -> tensor<8x4xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%old: tensor<f32>, %upd: tensor<f32>):
    "stablehlo.return"(%upd) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 0>, unique_indices = false} : (tensor<8x4xf32>, tensor<1xi64>, tensor<4xf32>) -> tensor<8x4xf32>
  return %0 : tensor<8x4xf32>
}

// -----

// Add with unknown dims (x.index_add(0, i, u) over [?, 3]): the row count and the
// number of updates read at run time; the scatter_nd shape packs the row count with the
// row size; bounds checked against the run-time size.
// CHECK-LABEL: func.func @add_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>, %[[I:.*]]: tensor<?x1xi32>, %[[U:.*]]: tensor<?x3xf32>)
// CHECK: %[[SHAPE:.*]] = "tfl.shape"(%[[X]])
// CHECK: %[[S:.*]] = "tfl.strided_slice"(%[[SHAPE]], {{.*}}) {{.*}}shrink_axis_mask = 1 : i32} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
// CHECK: %[[HI:.*]] = "tfl.pack"(%[[S]]) {axis = 0 : i32, values_count = 1 : i32} : (tensor<i32>) -> tensor<1xi32>
// CHECK: "tfl.less"(%[[I]], %[[HI]]) : (tensor<?x1xi32>, tensor<1xi32>) -> tensor<?x1xi1>
// CHECK: %[[SZ:.*]] = "tfl.pack"(%[[S]], %{{.*}}) {axis = 0 : i32, values_count = 2 : i32} : (tensor<i32>, tensor<i32>) -> tensor<2xi32>
// CHECK: %[[SUMS:.*]] = "tfl.scatter_nd"(%{{.*}}, %{{.*}}, %[[SZ]]) : (tensor<?x1xi32>, tensor<?x3xf32>, tensor<2xi32>) -> tensor<?x3xf32>
// CHECK: %[[Y:.*]] = "tfl.add"(%[[X]], %[[SUMS]])
// CHECK: return %[[Y]]
func.func @add_dynamic(%x: tensor<?x3xf32>, %i: tensor<?x1xi32>, %u: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>, unique_indices = false} : (tensor<?x3xf32>, tensor<?x1xi32>, tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// Overwrite with unknown dims through two index dims (y[arange(B), idx] = v over
// [?, ?, 4]): row ids idx0 * S + idx1 with S read at run time, the update order a
// tfl.range over the run-time count, the rows [B*S, 4] and back by a packed shape.
// CHECK-LABEL: func.func @overwrite_dynamic
// CHECK: %[[ORDER:.*]] = "tfl.range"(%{{.*}}, %{{.*}}, %{{.*}}) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
// CHECK: "tfl.unsorted_segment_max"({{.*}}) : (tensor<?xi32>, tensor<?xi32>, tensor<1xi32>) -> tensor<?xi32>
// CHECK: "tfl.gather"({{.*}}) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<?x4xf32>, tensor<?xi32>) -> tensor<?x4xf32>
// CHECK: %[[BACK:.*]] = "tfl.pack"({{.*}}) {axis = 0 : i32, values_count = 3 : i32}
// CHECK: "tfl.reshape"(%{{.*}}, %[[BACK]]) : (tensor<?x4xf32>, tensor<3xi32>) -> tensor<?x?x4xf32>
func.func @overwrite_dynamic(%x: tensor<?x?x4xf32>, %i: tensor<?x2xi64>, %u: tensor<?x4xf32>) -> tensor<?x?x4xf32> {
  %0 = "stablehlo.scatter"(%x, %i, %u) ({
  ^bb0(%old: tensor<f32>, %upd: tensor<f32>):
    "stablehlo.return"(%upd) : (tensor<f32>) -> ()
  }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false} : (tensor<?x?x4xf32>, tensor<?x2xi64>, tensor<?x4xf32>) -> tensor<?x?x4xf32>
  return %0 : tensor<?x?x4xf32>
}

// -----

// dynamic_update_slice with constant starts: the starts are one constant vector.
// CHECK-LABEL: func.func @update_slice_const
// CHECK: %[[AT:.*]] = "tfl.pseudo_const"() {value = dense<[0, 2]> : tensor<2xi32>}
// CHECK: "tfl.dynamic_update_slice"(%{{.*}}, %{{.*}}, %[[AT]]) : (tensor<?x8xf32>, tensor<1x3xf32>, tensor<2xi32>) -> tensor<?x8xf32>
func.func @update_slice_const(%x: tensor<?x8xf32>, %u: tensor<1x3xf32>) -> tensor<?x8xf32> {
  %z = "stablehlo.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
  %t = "stablehlo.constant"() {value = dense<2> : tensor<i64>} : () -> tensor<i64>
  %0 = "stablehlo.dynamic_update_slice"(%x, %u, %z, %t) : (tensor<?x8xf32>, tensor<1x3xf32>, tensor<i64>, tensor<i64>) -> tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}

// -----

// dynamic_pad with interior padding 2 along an unknown dim of [3, ?] (a write with
// step 3): a unit dim after it, padv2 by 2 there, merged back (n * 3), the last 2 cut
// by a strided_slice ending at -2; then the edge padding by run-time amounts.
// CHECK-LABEL: func.func @pad_interior
// CHECK-SAME: (%[[X:.*]]: tensor<3x?xf32>, %[[LO:.*]]: tensor<2xi32>, %[[HI:.*]]: tensor<2xi32>)
// CHECK: %[[E:.*]] = "tfl.expand_dims"(%[[X]], %{{.*}}) : (tensor<3x?xf32>, tensor<i32>) -> tensor<3x?x1xf32>
// CHECK: %[[PADS:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 0], [0, 0], [0, 2]]> : tensor<3x2xi32>}
// CHECK: %[[P:.*]] = "tfl.padv2"(%[[E]], %[[PADS]], %{{.*}}) : (tensor<3x?x1xf32>, tensor<3x2xi32>, tensor<f32>) -> tensor<3x?x3xf32>
// CHECK: %[[M:.*]] = "tfl.reshape"(%[[P]], %{{.*}}) : (tensor<3x?x3xf32>, tensor<2xi32>) -> tensor<3x?xf32>
// CHECK: %[[END:.*]] = "tfl.pseudo_const"() {value = dense<[0, -2]> : tensor<2xi32>}
// CHECK: %[[C:.*]] = "tfl.strided_slice"(%[[M]], %{{.*}}, %[[END]], %{{.*}}) {begin_mask = 3 : i32, ellipsis_mask = 0 : i32, end_mask = 1 : i32, {{.*}}} : {{.*}} -> tensor<3x?xf32>
// CHECK: %[[PP:.*]] = "tfl.pack"(%[[LO]], %[[HI]]) {axis = 1 : i32, values_count = 2 : i32}
// CHECK: "tfl.padv2"(%[[C]], %[[PP]], %{{.*}}) : (tensor<3x?xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<?x?xf32>
func.func @pad_interior(%x: tensor<3x?xf32>, %lo: tensor<2xi32>, %hi: tensor<2xi32>) -> tensor<?x?xf32> {
  %v = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %in = "stablehlo.constant"() {value = dense<[0, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "stablehlo.dynamic_pad"(%x, %v, %lo, %hi, %in) : (tensor<3x?xf32>, tensor<f32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fold-constants))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fold-constants{max-growth=0 max-elements=4}))' | FileCheck %s --check-prefix=BUDGET

// Ops the catalog gives no Trait::Fold, evaluated by passes/src/fold_kernels.rs.

// ---- Comparisons, logical ops, select ------------------------------------------

// A NaN compares unequal to everything; a splat broadcasts.
// CHECK-LABEL: func.func @compare
// CHECK-DAG: dense<[false, true, false]> : tensor<3xi1>
// CHECK-DAG: dense<[true, false, true]> : tensor<3xi1>
// CHECK-DAG: dense<[true, false, false]> : tensor<3xi1>
// CHECK-NOT: tfl.less
// CHECK-NOT: tfl.equal
// CHECK-NOT: tfl.not_equal
func.func @compare() -> (tensor<3xi1>, tensor<3xi1>, tensor<3xi1>) {
  %a = "tfl.pseudo_const"() {value = dense<[1.0, 2.0, 0x7FC00000]> : tensor<3xf32>} : () -> tensor<3xf32>
  %b = "tfl.pseudo_const"() {value = dense<2.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tfl.equal"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %1 = "tfl.not_equal"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %2 = "tfl.less"(%a, %b) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  return %0, %1, %2 : tensor<3xi1>, tensor<3xi1>, tensor<3xi1>
}

// -----

// A causal mask: range, compare with broadcasting, select.
// CHECK-LABEL: func.func @causal_mask
// CHECK: %[[M:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[0.000000e+00, -1.000000e+09, -1.000000e+09], [0.000000e+00, 0.000000e+00, -1.000000e+09], [0.000000e+00, 0.000000e+00, 0.000000e+00]]> : tensor<3x3xf32>}
// CHECK-NOT: tfl.range
// CHECK-NOT: tfl.less_equal
// CHECK-NOT: tfl.select_v2
// CHECK: return %[[M]]
func.func @causal_mask() -> tensor<3x3xf32> {
  %start = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %limit = "tfl.pseudo_const"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
  %delta = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %r = "tfl.range"(%start, %limit, %delta) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<3xi32>
  %s = "tfl.pseudo_const"() {value = dense<[3, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %col = "tfl.reshape"(%r, %s) : (tensor<3xi32>, tensor<2xi32>) -> tensor<3x1xi32>
  %le = "tfl.less_equal"(%r, %col) : (tensor<3xi32>, tensor<3x1xi32>) -> tensor<3x3xi1>
  %zero = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %neg = "tfl.pseudo_const"() {value = dense<-1.0e9> : tensor<f32>} : () -> tensor<f32>
  %m = "tfl.select_v2"(%le, %zero, %neg) : (tensor<3x3xi1>, tensor<f32>, tensor<f32>) -> tensor<3x3xf32>
  return %m : tensor<3x3xf32>
}

// -----

// CHECK-LABEL: func.func @logical
// CHECK-DAG: dense<[false, false, false, true]> : tensor<4xi1>
// CHECK-DAG: dense<[false, true, true, true]> : tensor<4xi1>
// CHECK-DAG: dense<[true, true, false, false]> : tensor<4xi1>
// CHECK-NOT: tfl.logical
func.func @logical() -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %a = "tfl.pseudo_const"() {value = dense<[false, false, true, true]> : tensor<4xi1>} : () -> tensor<4xi1>
  %b = "tfl.pseudo_const"() {value = dense<[false, true, false, true]> : tensor<4xi1>} : () -> tensor<4xi1>
  %0 = "tfl.logical_and"(%a, %b) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %1 = "tfl.logical_or"(%a, %b) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %2 = "tfl.logical_not"(%a) : (tensor<4xi1>) -> tensor<4xi1>
  return %0, %1, %2 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// ---- Floor division: toward negative infinity ------------------------------------

// CHECK-LABEL: func.func @floor_div_mod
// CHECK-DAG: dense<[-4, 3, -4, 3]> : tensor<4xi32>
// CHECK-DAG: dense<[1, 1, -1, -1]> : tensor<4xi32>
// CHECK-NOT: tfl.floor_div
// CHECK-NOT: tfl.floor_mod
func.func @floor_div_mod() -> (tensor<4xi32>, tensor<4xi32>) {
  %a = "tfl.pseudo_const"() {value = dense<[-7, 7, 7, -7]> : tensor<4xi32>} : () -> tensor<4xi32>
  %b = "tfl.pseudo_const"() {value = dense<[2, 2, -2, -2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.floor_div"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = "tfl.floor_mod"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  return %0, %1 : tensor<4xi32>, tensor<4xi32>
}

// -----

// A zero divisor fails in LiteRT: kept.
// CHECK-LABEL: func.func @floor_div_by_zero
// CHECK: tfl.floor_div
func.func @floor_div_by_zero() -> tensor<2xi32> {
  %a = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.floor_div"(%a, %b) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}

// -----

// ---- Gathers ---------------------------------------------------------------------

// A relative-position bias table gathered by constant indices (i64).
// CHECK-LABEL: func.func @gather
// CHECK: %[[G:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[5.000000e+00, 6.000000e+00], [1.000000e+00, 2.000000e+00], [5.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>}
// CHECK-NOT: tfl.gather
// CHECK: return %[[G]]
func.func @gather() -> tensor<3x2xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>} : () -> tensor<3x2xf32>
  %i = "tfl.pseudo_const"() {value = dense<[2, 0, 2]> : tensor<3xi64>} : () -> tensor<3xi64>
  %0 = "tfl.gather"(%t, %i) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<3x2xf32>, tensor<3xi64>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// Over budget (12 elements from 10, beyond max-growth and max-elements): kept.
// BUDGET-LABEL: func.func @gather_budget
// BUDGET: tfl.gather
func.func @gather_budget() -> tensor<6x2xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %i = "tfl.pseudo_const"() {value = dense<[0, 1, 0, 1, 0, 1]> : tensor<6xi32>} : () -> tensor<6xi32>
  %0 = "tfl.gather"(%t, %i) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<2x2xf32>, tensor<6xi32>) -> tensor<6x2xf32>
  return %0 : tensor<6x2xf32>
}

// -----

// An index out of range fails in LiteRT: kept.
// CHECK-LABEL: func.func @gather_out_of_range
// CHECK: tfl.gather
func.func @gather_out_of_range() -> tensor<1x2xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %i = "tfl.pseudo_const"() {value = dense<[2]> : tensor<1xi32>} : () -> tensor<1xi32>
  %0 = "tfl.gather"(%t, %i) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<2x2xf32>, tensor<1xi32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// CHECK-LABEL: func.func @gather_nd
// CHECK: dense<[4.000000e+00, 1.000000e+00]> : tensor<2xf32>
// CHECK-NOT: tfl.gather_nd
func.func @gather_nd() -> tensor<2xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %i = "tfl.pseudo_const"() {value = dense<[[1, 1], [0, 0]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %0 = "tfl.gather_nd"(%t, %i) : (tensor<2x2xf32>, tensor<2x2xi32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// ---- Reductions, scans, packs ----------------------------------------------------

// CHECK-LABEL: func.func @reductions
// CHECK-DAG: dense<[true, false]> : tensor<2xi1>
// CHECK-DAG: dense<{{\[}}[3], [7]]> : tensor<2x1xi32>
// CHECK-DAG: dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf32>
// CHECK-NOT: tfl.reduce_any
// CHECK-NOT: tfl.sum
// CHECK-NOT: tfl.mean
func.func @reductions() -> (tensor<2xi1>, tensor<2x1xi32>, tensor<2xf32>) {
  %b = "tfl.pseudo_const"() {value = dense<[[false, true], [false, false]]> : tensor<2x2xi1>} : () -> tensor<2x2xi1>
  %i = "tfl.pseudo_const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %f = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %ax1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %ax0 = "tfl.pseudo_const"() {value = dense<-2> : tensor<1xi32>} : () -> tensor<1xi32>
  %0 = "tfl.reduce_any"(%b, %ax1) {keep_dims = false} : (tensor<2x2xi1>, tensor<1xi32>) -> tensor<2xi1>
  %1 = "tfl.sum"(%i, %ax1) {keep_dims = true} : (tensor<2x2xi32>, tensor<1xi32>) -> tensor<2x1xi32>
  %2 = "tfl.mean"(%f, %ax0) {keep_dims = false} : (tensor<2x2xf32>, tensor<1xi32>) -> tensor<2xf32>
  return %0, %1, %2 : tensor<2xi1>, tensor<2x1xi32>, tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @cumsum_pack_reverse
// CHECK-DAG: dense<[0, 1, 3]> : tensor<3xi32>
// CHECK-DAG: dense<{{\[}}[1, 2, 3], [3, 2, 1]]> : tensor<2x3xi32>
// CHECK-NOT: tfl.cumsum
// CHECK-NOT: tfl.pack
// CHECK-NOT: tfl.reverse_v2
func.func @cumsum_pack_reverse() -> (tensor<3xi32>, tensor<2x3xi32>) {
  %x = "tfl.pseudo_const"() {value = dense<[1, 2, 3]> : tensor<3xi32>} : () -> tensor<3xi32>
  %ax = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %axes = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %0 = "tfl.cumsum"(%x, %ax) {exclusive = true, reverse = false} : (tensor<3xi32>, tensor<i32>) -> tensor<3xi32>
  %r = "tfl.reverse_v2"(%x, %axes) : (tensor<3xi32>, tensor<1xi32>) -> tensor<3xi32>
  %1 = "tfl.pack"(%x, %r) {axis = 0 : i32, values_count = 2 : i32} : (tensor<3xi32>, tensor<3xi32>) -> tensor<2x3xi32>
  return %0, %1 : tensor<3xi32>, tensor<2x3xi32>
}

// -----

// ---- Splats padded, then selected (a shifted-window mask built by slice assignment) --

// CHECK-LABEL: func.func @pad_splat
// CHECK: dense<{{\[}}[1.000000e+00, 1.000000e+00, 0.000000e+00]]> : tensor<1x3xf32>
// CHECK-NOT: tfl.padv2
func.func @pad_splat() -> tensor<1x3xf32> {
  %x = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1x2xf32>} : () -> tensor<1x2xf32>
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "tfl.padv2"(%x, %p, %z) : (tensor<1x2xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

// A slice of a constant larger than max-elements (8 > 4 in the BUDGET run) that
// lives on (the add uses it) would be a second copy: kept there; folded by default.
// CHECK-LABEL: func.func @no_second_copy
// CHECK-NOT: tfl.slice
// BUDGET-LABEL: func.func @no_second_copy
// BUDGET: tfl.slice
func.func @no_second_copy(%x: tensor<2x4xf32>) -> (tensor<1x4xf32>, tensor<2x4xf32>) {
  %w = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]]> : tensor<2x4xf32>} : () -> tensor<2x4xf32>
  %b = "tfl.pseudo_const"() {value = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tfl.pseudo_const"() {value = dense<[1, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.slice"(%w, %b, %s) : (tensor<2x4xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<1x4xf32>
  %1 = "tfl.add"(%w, %x) {fused_activation_function = "NONE"} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0, %1 : tensor<1x4xf32>, tensor<2x4xf32>
}

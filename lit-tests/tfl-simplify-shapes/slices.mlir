// tfl-simplify-shapes: slices LiteRT would size at every invoke become strided slices
// it sizes when tensors are allocated (SLICE of an input with an unknown dim, or with a
// run-time size, is always re-sized; STRIDED_SLICE with constant or allocation-time
// bounds is not).
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-simplify-shapes))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --debug-patterns --pass-pipeline='builtin.module(func.func(tfl-simplify-shapes))' 2>&1 >/dev/null | FileCheck %s --check-prefix=PAT

// Constant bounds over an unknown dim: end = begin + size, -1 (to the end) as a mask
// bit. No tfl.shape in the function: its unknown dims are enough to run the pass.
// CHECK-LABEL: func.func @constant_bounds
// CHECK-DAG: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[0, 1, 0]> : tensor<3xi32>}
// CHECK-DAG: %[[E:.*]] = "tfl.pseudo_const"() {value = dense<[0, 2, 8]> : tensor<3xi32>}
// CHECK-DAG: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<3xi32>}
// CHECK: "tfl.strided_slice"(%arg0, %[[B]], %[[E]], %[[S]]) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 1 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 0 : i32} : (tensor<?x3x8xf32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x1x8xf32>
// CHECK-NOT: "tfl.slice"
// PAT: [pattern] SliceToStridedSlice on 'tfl.slice'
func.func @constant_bounds(%x: tensor<?x3x8xf32>) -> tensor<?x1x8xf32> {
  %b = "tfl.pseudo_const"() {value = dense<[0, 1, 0]> : tensor<3xi32>} : () -> tensor<3xi32>
  %n = "tfl.pseudo_const"() {value = dense<[-1, 1, 8]> : tensor<3xi32>} : () -> tensor<3xi32>
  %y = "tfl.slice"(%x, %b, %n) : (tensor<?x3x8xf32>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x1x8xf32>
  return %y : tensor<?x1x8xf32>
}

// -----

// A run-time size from 0 (the first n rows of a table): the size's pieces are the end,
// its constant -1 pieces mask bits.
// CHECK-LABEL: func.func @runtime_size
// CHECK-DAG: %[[Z:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>}
// CHECK-DAG: %[[N:.*]] = "tfl.strided_slice"(%{{.*}}) {{.*}} -> tensor<1xi32>
// CHECK: %[[E:.*]] = "tfl.concatenation"(%[[N]], %[[Z]]) {axis = 0 : i32, fused_activation_function = "NONE"}
// CHECK: "tfl.strided_slice"(%arg1, %{{.*}}, %[[E]], %{{.*}}) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 2 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 0 : i32} : (tensor<64x32xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x32xf32>
// CHECK-NOT: "tfl.slice"
// PAT: [pattern] SliceToStridedSlice on 'tfl.slice'
func.func @runtime_size(%x: tensor<1x?xi64>, %w: tensor<64x32xf32>) -> tensor<?x32xf32> {
  %s = "tfl.shape"(%x) : (tensor<1x?xi64>) -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %n = "tfl.strided_slice"(%s, %b1, %b2, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %m1 = "tfl.pseudo_const"() {value = dense<-1> : tensor<1xi32>} : () -> tensor<1xi32>
  %size = "tfl.concatenation"(%n, %m1) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %y = "tfl.slice"(%w, %b, %size) : (tensor<64x32xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x32xf32>
  return %y : tensor<?x32xf32>
}

// -----

// Left alone: constant bounds over static dims (LiteRT sizes that SLICE), and a
// run-time size from a begin that is not 0 (its end would need an ADD, which LiteRT
// does not compute at allocation either).
// CHECK-LABEL: func.func @kept
// CHECK-COUNT-2: "tfl.slice"
// PAT-NOT: SliceToStridedSlice
func.func @kept(%x: tensor<?x8xf32>, %w: tensor<64x32xf32>) -> (tensor<2x4xf32>, tensor<?x32xf32>) {
  %b = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %n = "tfl.pseudo_const"() {value = dense<[2, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %y = "tfl.slice"(%w, %b, %n) : (tensor<64x32xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x4xf32>
  %s = "tfl.shape"(%x) : (tensor<?x8xf32>) -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>} : () -> tensor<1xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.strided_slice"(%s, %b0, %b1, %b1) {begin_mask = 0 : i32, end_mask = 0 : i32, ellipsis_mask = 0 : i32, new_axis_mask = 0 : i32, shrink_axis_mask = 0 : i32, offset = false} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<1xi32>
  %m1 = "tfl.pseudo_const"() {value = dense<-1> : tensor<1xi32>} : () -> tensor<1xi32>
  %size = "tfl.concatenation"(%r, %m1) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %z = "tfl.slice"(%w, %b, %size) : (tensor<64x32xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x32xf32>
  return %y, %z : tensor<2x4xf32>, tensor<?x32xf32>
}

// -----

// A run-time begin with constant sizes (a dynamic_slice's clamped starts): an offset
// strided slice whose ends are the sizes, so the result is sized before the begin is
// known.
// CHECK-LABEL: func.func @runtime_begin
// CHECK: %[[E:.*]] = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>}
// CHECK: "tfl.strided_slice"(%arg0, %arg1, %[[E]], %{{.*}}) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = true, shrink_axis_mask = 0 : i32} : (tensor<?x6xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x3xf32>
// PAT: [pattern] SliceToStridedSlice on 'tfl.slice'
func.func @runtime_begin(%x: tensor<?x6xf32>, %b: tensor<2xi32>) -> tensor<2x3xf32> {
  %n = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %y = "tfl.slice"(%x, %b, %n) : (tensor<?x6xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

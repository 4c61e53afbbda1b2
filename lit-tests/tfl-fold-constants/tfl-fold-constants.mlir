// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fold-constants))' | FileCheck %s

// ---- Element-wise unary -------------------------------------------------------

// CHECK-LABEL: func.func @unary_f32
// CHECK-DAG: "tfl.pseudo_const"() {value = dense<[1.000000e+00, 5.000000e-01]> : tensor<2xf32>}
// CHECK-DAG: "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// CHECK-DAG: "tfl.pseudo_const"() {value = dense<[-1.000000e+00, -4.000000e+00]> : tensor<2xf32>}
// CHECK-DAG: "tfl.pseudo_const"() {value = dense<[2.71828175, 54.5981483]> : tensor<2xf32>}
// CHECK-NOT: tfl.rsqrt
// CHECK-NOT: tfl.sqrt
// CHECK-NOT: tfl.neg
// CHECK-NOT: tfl.exp
func.func @unary_f32() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  %c = "tfl.pseudo_const"() {value = dense<[1.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.rsqrt"(%c) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.sqrt"(%c) : (tensor<2xf32>) -> tensor<2xf32>
  %2 = "tfl.neg"(%c) : (tensor<2xf32>) -> tensor<2xf32>
  %3 = "tfl.exp"(%c) : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2, %3 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// ---- Element-wise binary --------------------------------------------------------

// NumPy broadcasting: [2, 1] + [3] is [2, 3].
// CHECK-LABEL: func.func @add_broadcasts
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[1.100000e+01, 2.100000e+01, 3.100000e+01], [1.200000e+01, 2.200000e+01, 3.200000e+01]]> : tensor<2x3xf32>}
// CHECK-NOT: tfl.add
// CHECK: return %[[C]]
func.func @add_broadcasts() -> tensor<2x3xf32> {
  %a = "tfl.pseudo_const"() {value = dense<[[1.0], [2.0]]> : tensor<2x1xf32>} : () -> tensor<2x1xf32>
  %b = "tfl.pseudo_const"() {value = dense<[10.0, 20.0, 30.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2x1xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @binary_f32
// CHECK-DAG: dense<[-3.000000e+00, 2.000000e+00]>
// CHECK-DAG: dense<[-2.000000e+00, 8.000000e+00]>
// CHECK-DAG: dense<[-5.000000e-01, 2.000000e+00]>
// CHECK-DAG: dense<[2.000000e+00, 4.000000e+00]>
// CHECK-DAG: dense<[-1.000000e+00, 2.000000e+00]>
// CHECK-NOT: "tfl.sub"
// CHECK-NOT: "tfl.mul"
// CHECK-NOT: "tfl.div"
// CHECK-NOT: "tfl.maximum"
// CHECK-NOT: "tfl.minimum"
func.func @binary_f32() -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) {
  %a = "tfl.pseudo_const"() {value = dense<[-1.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[2.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.sub"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.mul"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = "tfl.div"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %3 = "tfl.maximum"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %4 = "tfl.minimum"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2, %3, %4 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// Integers wrap at their width, as the kernels' C++ arithmetic does.
// CHECK-LABEL: func.func @binary_i32
// CHECK-DAG: dense<[-2147483648, 7]> : tensor<2xi32>
// CHECK-DAG: dense<[-3, -6]> : tensor<2xi32>
// CHECK-NOT: "tfl.add"
// CHECK-NOT: "tfl.mul"
func.func @binary_i32() -> (tensor<2xi32>, tensor<2xi32>) {
  %a = "tfl.pseudo_const"() {value = dense<[2147483647, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<[1, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %c = "tfl.pseudo_const"() {value = dense<2> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %m = "tfl.pseudo_const"() {value = dense<[-1, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.mul"(%a, %m) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %2 = "tfl.add"(%1, %c) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %3 = "tfl.sub"(%2, %c) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %4 = "tfl.add"(%3, %a) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %5 = "tfl.sub"(%4, %1) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %6 = "tfl.maximum"(%5, %b) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %7 = "tfl.minimum"(%6, %c) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %8 = "tfl.add"(%7, %0) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %9 = "tfl.sub"(%a, %8) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0, %9 : tensor<2xi32>, tensor<2xi32>
}

// -----

// Integer division is not folded (TFLite truncates, PyTorch floors); neither is an op
// with a fused activation or a non-constant operand.
// CHECK-LABEL: func.func @not_folded
// CHECK: "tfl.div"
// CHECK: "tfl.add"{{.*}}fused_activation_function = "RELU"
// CHECK: "tfl.mul"(%{{.*}}, %arg0)
func.func @not_folded(%arg0: tensor<2xf32>) -> (tensor<2xi32>, tensor<2xf32>, tensor<2xf32>) {
  %a = "tfl.pseudo_const"() {value = dense<[-7, 7]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b = "tfl.pseudo_const"() {value = dense<2> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.div"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  %f = "tfl.pseudo_const"() {value = dense<[-1.0, 1.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.add"(%f, %f) {fused_activation_function = "RELU"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = "tfl.mul"(%f, %arg0) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0, %1, %2 : tensor<2xi32>, tensor<2xf32>, tensor<2xf32>
}

// -----

// ---- Splats and broadcast_to ------------------------------------------------------

// A batch norm's `rsqrt(broadcast_to(var) + eps)`: computed on the [1, 4, 1, 1]
// vector, the result is one broadcast_to of it, not a 64 x 64 x 4 constant.
// CHECK-LABEL: func.func @batch_norm_inverse_std
// CHECK: %[[V:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}1.000000e+00]], {{\[\[}}5.000000e-01]], {{\[\[}}2.500000e-01]], {{\[\[}}1.250000e-01]]]]> : tensor<1x4x1x1xf32>}
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[1, 4, 64, 64]> : tensor<4xi32>}
// CHECK: %[[B:.*]] = "tfl.broadcast_to"(%[[V]], %[[S]])
// CHECK-NOT: tfl.rsqrt
// CHECK: return %[[B]]
func.func @batch_norm_inverse_std() -> tensor<1x4x64x64xf32> {
  %var = "tfl.pseudo_const"() {value = dense<[1.0, 4.0, 16.0, 64.0]> : tensor<4xf32>} : () -> tensor<4xf32>
  %s1 = "tfl.pseudo_const"() {value = dense<[1, 4, 1, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %0 = "tfl.reshape"(%var, %s1) : (tensor<4xf32>, tensor<4xi32>) -> tensor<1x4x1x1xf32>
  %s2 = "tfl.pseudo_const"() {value = dense<[1, 4, 64, 64]> : tensor<4xi32>} : () -> tensor<4xi32>
  %1 = "tfl.broadcast_to"(%0, %s2) : (tensor<1x4x1x1xf32>, tensor<4xi32>) -> tensor<1x4x64x64xf32>
  %eps = "tfl.pseudo_const"() {value = dense<0.0> : tensor<1x4x64x64xf32>} : () -> tensor<1x4x64x64xf32>
  %2 = "tfl.add"(%1, %eps) {fused_activation_function = "NONE"} : (tensor<1x4x64x64xf32>, tensor<1x4x64x64xf32>) -> tensor<1x4x64x64xf32>
  %3 = "tfl.rsqrt"(%2) : (tensor<1x4x64x64xf32>) -> tensor<1x4x64x64xf32>
  return %3 : tensor<1x4x64x64xf32>
}

// -----

// Splat in, splat out: no elements are materialized.
// CHECK-LABEL: func.func @splat_stays_splat
// CHECK: "tfl.pseudo_const"() {value = dense<3.000000e+00> : tensor<1x64x112x112xf32>}
// CHECK-NOT: tfl.add
func.func @splat_stays_splat() -> tensor<1x64x112x112xf32> {
  %a = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1x64x112x112xf32>} : () -> tensor<1x64x112x112xf32>
  %b = "tfl.pseudo_const"() {value = dense<2.0> : tensor<1x64x112x112xf32>} : () -> tensor<1x64x112x112xf32>
  %0 = "tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<1x64x112x112xf32>, tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32>
  return %0 : tensor<1x64x112x112xf32>
}

// -----

// A small broadcast_to folds; one that would grow by more than max-growth (1024)
// elements stays.
// CHECK-LABEL: func.func @broadcast_to_small_only
// CHECK: %[[SMALL:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[1, 2], [1, 2], [1, 2]]> : tensor<3x2xi32>}
// CHECK: %[[BIG:.*]] = "tfl.broadcast_to"
// CHECK: return %[[SMALL]], %[[BIG]]
func.func @broadcast_to_small_only() -> (tensor<3x2xi32>, tensor<1024x2xi32>) {
  %c = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tfl.pseudo_const"() {value = dense<[3, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.broadcast_to"(%c, %s) : (tensor<2xi32>, tensor<2xi32>) -> tensor<3x2xi32>
  %t = "tfl.pseudo_const"() {value = dense<[1024, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.broadcast_to"(%c, %t) : (tensor<2xi32>, tensor<2xi32>) -> tensor<1024x2xi32>
  return %0, %1 : tensor<3x2xi32>, tensor<1024x2xi32>
}

// -----

// ---- Shape ops ------------------------------------------------------------------

// CHECK-LABEL: func.func @transpose_reshape
// CHECK-DAG: dense<{{\[}}[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi32>
// CHECK-DAG: dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi32>
// CHECK-DAG: dense<{{\[\[\[}}1, 2, 3]], {{\[\[}}4, 5, 6]]]> : tensor<2x1x3xi32>
// CHECK-DAG: dense<{{\[}}[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
// CHECK-NOT: "tfl.transpose"
// CHECK-NOT: "tfl.reshape"
// CHECK-NOT: "tfl.expand_dims"
// CHECK-NOT: "tfl.squeeze"
func.func @transpose_reshape() -> (tensor<3x2xi32>, tensor<6xi32>, tensor<2x1x3xi32>, tensor<2x3xi32>) {
  %c = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>} : () -> tensor<2x3xi32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.transpose"(%c, %p) : (tensor<2x3xi32>, tensor<2xi32>) -> tensor<3x2xi32>
  %s = "tfl.pseudo_const"() {value = dense<6> : tensor<1xi32>} : () -> tensor<1xi32>
  %1 = "tfl.reshape"(%c, %s) : (tensor<2x3xi32>, tensor<1xi32>) -> tensor<6xi32>
  %d = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %2 = "tfl.expand_dims"(%c, %d) : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x1x3xi32>
  %3 = "tfl.squeeze"(%2) {squeeze_dims = [1]} : (tensor<2x1x3xi32>) -> tensor<2x3xi32>
  return %0, %1, %2, %3 : tensor<3x2xi32>, tensor<6xi32>, tensor<2x1x3xi32>, tensor<2x3xi32>
}

// -----

// CAST truncates toward zero, as static_cast does.
// CHECK-LABEL: func.func @cast
// CHECK-DAG: dense<[-1, 2, 0]> : tensor<3xi32>
// CHECK-DAG: dense<[true, true, false]> : tensor<3xi1>
// CHECK-DAG: dense<[-1.000000e+00, 2.000000e+00, 0.000000e+00]> : tensor<3xf32>
// CHECK-NOT: "tfl.cast"
func.func @cast() -> (tensor<3xi32>, tensor<3xi1>, tensor<3xf32>) {
  %c = "tfl.pseudo_const"() {value = dense<[-1.5, 2.7, 0.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tfl.cast"(%c) : (tensor<3xf32>) -> tensor<3xi32>
  %1 = "tfl.cast"(%c) : (tensor<3xf32>) -> tensor<3xi1>
  %2 = "tfl.cast"(%0) : (tensor<3xi32>) -> tensor<3xf32>
  return %0, %1, %2 : tensor<3xi32>, tensor<3xi1>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @pad
// CHECK-DAG: dense<{{\[}}[0.000000e+00, 1.000000e+00, 2.000000e+00, 0.000000e+00]]> : tensor<1x4xf32>
// CHECK-DAG: dense<{{\[}}[9.000000e+00, 9.000000e+00, 9.000000e+00], [1.000000e+00, 2.000000e+00, 9.000000e+00]]> : tensor<2x3xf32>
// CHECK-NOT: "tfl.pad"
// CHECK-NOT: "tfl.padv2"
func.func @pad() -> (tensor<1x4xf32>, tensor<2x3xf32>) {
  %c = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0]]> : tensor<1x2xf32>} : () -> tensor<1x2xf32>
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [1, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %0 = "tfl.pad"(%c, %p) : (tensor<1x2xf32>, tensor<2x2xi32>) -> tensor<1x4xf32>
  %q = "tfl.pseudo_const"() {value = dense<[[1, 0], [0, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %v = "tfl.pseudo_const"() {value = dense<9.0> : tensor<f32>} : () -> tensor<f32>
  %1 = "tfl.padv2"(%c, %q, %v) : (tensor<1x2xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<2x3xf32>
  return %0, %1 : tensor<1x4xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @concatenation
// CHECK: dense<{{\[}}[1, 2, 5], [3, 4, 6]]> : tensor<2x3xi32>
// CHECK-NOT: "tfl.concatenation"
func.func @concatenation() -> tensor<2x3xi32> {
  %a = "tfl.pseudo_const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %b = "tfl.pseudo_const"() {value = dense<[[5], [6]]> : tensor<2x1xi32>} : () -> tensor<2x1xi32>
  %0 = "tfl.concatenation"(%a, %b) {axis = -1 : i32, fused_activation_function = "NONE"} : (tensor<2x2xi32>, tensor<2x1xi32>) -> tensor<2x3xi32>
  return %0 : tensor<2x3xi32>
}

// -----

// CHECK-LABEL: func.func @slices
// CHECK-DAG: dense<{{\[}}[2, 3]]> : tensor<1x2xi32>
// CHECK-DAG: dense<[7, 6, 5]> : tensor<3xi32>
// CHECK-DAG: dense<[1, 5]> : tensor<2xi32>
// CHECK-NOT: "tfl.slice"
// CHECK-NOT: "tfl.strided_slice"
func.func @slices() -> (tensor<1x2xi32>, tensor<3xi32>, tensor<2xi32>) {
  %c = "tfl.pseudo_const"() {value = dense<[[0, 1, 2, 3], [4, 5, 6, 7]]> : tensor<2x4xi32>} : () -> tensor<2x4xi32>
  %begin = "tfl.pseudo_const"() {value = dense<[0, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %size = "tfl.pseudo_const"() {value = dense<[1, -1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "tfl.slice"(%c, %begin, %size) : (tensor<2x4xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<1x2xi32>
  // Row 1 backwards from its last element, the row dim shrunk.
  %b = "tfl.pseudo_const"() {value = dense<[1, -1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %e = "tfl.pseudo_const"() {value = dense<[2, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tfl.pseudo_const"() {value = dense<[1, -1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.strided_slice"(%c, %b, %e, %s) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<2x4xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3xi32>
  // Column 1 of every row.
  %b2 = "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %e2 = "tfl.pseudo_const"() {value = dense<[0, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s2 = "tfl.pseudo_const"() {value = dense<[1, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %2 = "tfl.strided_slice"(%c, %b2, %e2, %s2) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 1 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 2 : i32} : (tensor<2x4xi32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0, %1, %2 : tensor<1x2xi32>, tensor<3xi32>, tensor<2xi32>
}

// -----

// ---- Clean-up -----------------------------------------------------------------------

// Folded-away inputs are erased, and equal constants become one.
// CHECK-LABEL: func.func @merges_identical_constants
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>}
// CHECK-NOT: "tfl.pseudo_const"
// CHECK: return %[[C]], %[[C]]
func.func @merges_identical_constants() -> (tensor<4xi32>, tensor<4xi32>) {
  %dead = "tfl.pseudo_const"() {value = dense<[5, 6]> : tensor<2xi32>} : () -> tensor<2xi32>
  %a = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %b = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  return %a, %b : tensor<4xi32>, tensor<4xi32>
}

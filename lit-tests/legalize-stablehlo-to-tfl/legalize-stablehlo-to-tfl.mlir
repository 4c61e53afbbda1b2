// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// CHECK-LABEL: func.func @elementwise
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK: %[[ADD:.*]] = "tfl.add"(%[[A]], %[[B]]) {fused_activation_function = "NONE"}
// CHECK: %[[MAX:.*]] = "tfl.maximum"(%[[ADD]], %[[B]])
// CHECK: %[[EXP:.*]] = "tfl.exp"(%[[MAX]])
// CHECK: %[[MUL:.*]] = "tfl.mul"(%[[EXP]], %[[A]]) {fused_activation_function = "NONE"}
// CHECK-NOT: stablehlo.
// CHECK: return %[[MUL]]
func.func @elementwise(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.add"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "stablehlo.maximum"(%0, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = "stablehlo.exponential"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  %3 = "stablehlo.multiply"(%2, %a) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}

// -----

// Constants keep their value attribute, dense or dense_resource.
// CHECK-LABEL: func.func @constant
// CHECK: "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
func.func @constant() -> tensor<2xf32> {
  %0 = "stablehlo.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Shape operands become int32 constants.
// CHECK-LABEL: func.func @shapes
// CHECK: %[[PERM:.*]] = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>}
// CHECK: %[[T:.*]] = "tfl.transpose"(%{{.*}}, %[[PERM]])
// CHECK: %[[SHAPE:.*]] = "tfl.pseudo_const"() {value = dense<6> : tensor<1xi32>}
// CHECK: "tfl.reshape"(%[[T]], %[[SHAPE]])
func.func @shapes(%x: tensor<2x3xf32>) -> tensor<6xf32> {
  %0 = "stablehlo.transpose"(%x) {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = "stablehlo.reshape"(%0) : (tensor<3x2xf32>) -> tensor<6xf32>
  return %1 : tensor<6xf32>
}

// -----

// broadcast_in_dim: unit dims inserted by a reshape, then broadcast_to.
// CHECK-LABEL: func.func @broadcast
// CHECK: %[[R:.*]] = "tfl.reshape"(%{{.*}}, %{{.*}}) : (tensor<3xf32>, tensor<2xi32>) -> tensor<1x3xf32>
// CHECK: "tfl.broadcast_to"(%[[R]], %{{.*}}) : (tensor<1x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
func.func @broadcast(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// compare directions map to TFL's comparison ops; select to select_v2.
// CHECK-LABEL: func.func @compare_select
// CHECK: %[[LT:.*]] = "tfl.less"
// CHECK: "tfl.select_v2"(%[[LT]],
func.func @compare_select(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %1 = "stablehlo.select"(%0, %a, %b) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// A reduce whose body is one add of its arguments, with init 0, is tfl.sum over
// constant axes; maximum with init -inf is reduce_max.
// CHECK-LABEL: func.func @reductions
// CHECK: %[[AXES:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>}
// CHECK: "tfl.sum"(%{{.*}}, %[[AXES]]) {keep_dims = false} : (tensor<2x3xf32>, tensor<1xi32>) -> tensor<2xf32>
// CHECK: "tfl.reduce_max"(%{{.*}}, %{{.*}}) {keep_dims = false}
// CHECK-NOT: stablehlo.
func.func @reductions(%x: tensor<2x3xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %s = "stablehlo.reduce"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  %m = "stablehlo.reduce"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %s, %m : tensor<2xf32>, tensor<2xf32>
}

// -----

// dot_general with leading batch dims is batch_matmul; a contracting dim in the other
// minor position sets adj_x / adj_y.
// CHECK-LABEL: func.func @matmuls
// CHECK: "tfl.batch_matmul"(%{{.*}}, %{{.*}}) {adj_x = false, adj_y = false} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
// CHECK: "tfl.batch_matmul"(%{{.*}}, %{{.*}}) {adj_x = false, adj_y = true} : (tensor<5x2x3xf32>, tensor<5x4x3xf32>) -> tensor<5x2x4xf32>
func.func @matmuls(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<5x2x3xf32>, %d: tensor<5x4x3xf32>) -> (tensor<2x4xf32>, tensor<5x2x4xf32>) {
  %0 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>} : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = "stablehlo.dot_general"(%c, %d) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<5x2x3xf32>, tensor<5x4x3xf32>) -> tensor<5x2x4xf32>
  return %0, %1 : tensor<2x4xf32>, tensor<5x2x4xf32>
}

// -----

// concatenate, slice (unit strides -> tfl.slice; others -> strided_slice), pad, convert.
// CHECK-LABEL: func.func @data_movement
// CHECK: "tfl.concatenation"(%{{.*}}, %{{.*}}) {axis = 0 : i32, fused_activation_function = "NONE"}
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>}
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>}
// CHECK: "tfl.slice"(%{{.*}}, %[[B]], %[[S]])
// CHECK: "tfl.strided_slice"({{.*}}) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 0 : i32}
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 1], [2, 0]]> : tensor<2x2xi32>}
// CHECK: "tfl.padv2"(%{{.*}}, %[[P]], %{{.*}})
// CHECK: "tfl.cast"
func.func @data_movement(%a: tensor<2x3xf32>, %z: tensor<f32>) -> (tensor<4x3xf32>, tensor<2x3xf32>, tensor<2x2xf32>, tensor<3x5xf32>, tensor<2x3xi32>) {
  %0 = "stablehlo.concatenate"(%a, %a) {dimension = 0 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<4x3xf32>
  %1 = "stablehlo.slice"(%0) {start_indices = array<i64: 1, 0>, limit_indices = array<i64: 3, 3>, strides = array<i64: 1, 1>} : (tensor<4x3xf32>) -> tensor<2x3xf32>
  %2 = "stablehlo.slice"(%0) {start_indices = array<i64: 0, 0>, limit_indices = array<i64: 4, 3>, strides = array<i64: 2, 2>} : (tensor<4x3xf32>) -> tensor<2x2xf32>
  %3 = "stablehlo.pad"(%a, %z) {edge_padding_low = array<i64: 0, 2>, edge_padding_high = array<i64: 1, 0>, interior_padding = array<i64: 0, 0>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<3x5xf32>
  %4 = "stablehlo.convert"(%a) : (tensor<2x3xf32>) -> tensor<2x3xi32>
  return %0, %1, %2, %3, %4 : tensor<4x3xf32>, tensor<2x3xf32>, tensor<2x2xf32>, tensor<3x5xf32>, tensor<2x3xi32>
}

// -----

// NCHW convolution: NHWC transposes around conv_2d, OIHW filter to OHWI, explicit
// padding as tfl.pad before a VALID convolution, an absent bias as tfl.no_value.
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK: %[[XT:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<1x3x8x8xf32>, tensor<4xi32>) -> tensor<1x8x8x3xf32>
// CHECK: %[[XP:.*]] = "tfl.pad"(%[[XT]], %{{.*}}) : (tensor<1x8x8x3xf32>, tensor<4x2xi32>) -> tensor<1x10x10x3xf32>
// CHECK: %[[WT:.*]] = "tfl.transpose"(%[[W]], %{{.*}}) : (tensor<4x3x3x3xf32>, tensor<4xi32>) -> tensor<4x3x3x3xf32>
// CHECK: %[[NONE:.*]] = "tfl.no_value"() {value} : () -> none
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%[[XP]], %[[WT]], %[[NONE]]) {{{.*}}padding = "VALID"{{.*}}} : (tensor<1x10x10x3xf32>, tensor<4x3x3x3xf32>, none) -> tensor<1x8x8x4xf32>
// CHECK: "tfl.transpose"(%[[C]], %{{.*}}) : (tensor<1x8x8x4xf32>, tensor<4xi32>) -> tensor<1x4x8x8xf32>
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// One group per input channel: depthwise_conv_2d with the filter as [1, H, W, O].
// CHECK-LABEL: func.func @depthwise
// CHECK: "tfl.transpose"(%{{.*}}, %{{.*}}) : (tensor<6x1x3x3xf32>, tensor<4xi32>) -> tensor<1x3x3x6xf32>
// CHECK: "tfl.depthwise_conv_2d"({{.*}}) {depth_multiplier = 2 : i32{{.*}}stride_h = 2 : i32, stride_w = 2 : i32}
func.func @depthwise(%x: tensor<1x3x8x8xf32>, %w: tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 3 : i64, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x3x3xf32>
  return %0 : tensor<1x6x3x3xf32>
}

// -----

// reduce_window with a maximum body and -inf init over [1, 1, kh, kw] is max_pool_2d
// on NHWC.
// CHECK-LABEL: func.func @max_pool
// CHECK: %[[T:.*]] = "tfl.transpose"(%{{.*}}, %{{.*}}) : (tensor<1x4x8x8xf32>, tensor<4xi32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[P:.*]] = "tfl.max_pool_2d"(%[[T]]) {filter_height = 2 : i32, filter_width = 2 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
// CHECK: "tfl.transpose"(%[[P]], %{{.*}}) : (tensor<1x4x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x4xf32>
func.func @max_pool(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<0> : tensor<4x2xi64>, window_dilations = array<i64: 1, 1, 1, 1>, window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

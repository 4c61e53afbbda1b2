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

// NCHW convolution: NHWC transposes around conv_2d, OIHW filter to OHWI, an absent
// bias as tfl.no_value. Padding 1 around a 3x3 window at stride 1 is what SAME
// computes: no pad op.
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK: %[[XT:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<1x3x8x8xf32>, tensor<4xi32>) -> tensor<1x8x8x3xf32>
// CHECK-NOT: tfl.pad
// CHECK: %[[WT:.*]] = "tfl.transpose"(%[[W]], %{{.*}}) : (tensor<4x3x3x3xf32>, tensor<4xi32>) -> tensor<4x3x3x3xf32>
// CHECK: %[[NONE:.*]] = "tfl.no_value"() {value} : () -> none
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%[[XT]], %[[WT]], %[[NONE]]) {{{.*}}padding = "SAME"{{.*}}} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, none) -> tensor<1x8x8x4xf32>
// CHECK: "tfl.transpose"(%[[C]], %{{.*}}) : (tensor<1x8x8x4xf32>, tensor<4xi32>) -> tensor<1x4x8x8xf32>
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}

// -----

// PyTorch's padding 1 at stride 2 on an even size: the last window ends one short of
// the high padding, so it is [1, 0] where SAME pads [0, 1]: an explicit tfl.pad (of
// the padding a window reaches) before a VALID convolution.
// CHECK-LABEL: func.func @conv_explicit_pad
// CHECK: %[[PADS:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[0, 0], [1, 0], [1, 0], [0, 0]]> : tensor<4x2xi32>}
// CHECK: %[[XP:.*]] = "tfl.pad"(%{{.*}}, %[[PADS]]) : (tensor<1x8x8x3xf32>, tensor<4x2xi32>) -> tensor<1x9x9x3xf32>
// CHECK: "tfl.conv_2d"(%[[XP]], %{{.*}}, %{{.*}}) {{{.*}}padding = "VALID"{{.*}}} : (tensor<1x9x9x3xf32>, tensor<4x3x3x3xf32>, none) -> tensor<1x4x4x4xf32>
func.func @conv_explicit_pad(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Dilation 2 widens the 3x3 window to 5: padding 2 at stride 1 is SAME.
// CHECK-LABEL: func.func @conv_dilated_same
// CHECK-NOT: tfl.pad
// CHECK: "tfl.conv_2d"({{.*}}) {dilation_h_factor = 2 : i32, dilation_w_factor = 2 : i32, fused_activation_function = "NONE", padding = "SAME"{{.*}}} : (tensor<1x8x8x3xf32>, tensor<4x3x3x3xf32>, none) -> tensor<1x8x8x4xf32>
func.func @conv_dilated_same(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<2> : tensor<2x2xi64>, rhs_dilation = array<i64: 2, 2>, window_strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
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

// -----

// A 1-D max pool ([N, C, L], window [1, 1, k]) is max_pool_2d over a unit height.
// CHECK-LABEL: func.func @max_pool_1d
// CHECK: %[[R:.*]] = "tfl.reshape"(%{{.*}}, %{{.*}}) : (tensor<1x4x8xf32>, tensor<4xi32>) -> tensor<1x4x1x8xf32>
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[R]], %{{.*}}) : (tensor<1x4x1x8xf32>, tensor<4xi32>) -> tensor<1x1x8x4xf32>
// CHECK: %[[P:.*]] = "tfl.max_pool_2d"(%[[T]]) {filter_height = 1 : i32, filter_width = 2 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 2 : i32} : (tensor<1x1x8x4xf32>) -> tensor<1x1x4x4xf32>
// CHECK: %[[B:.*]] = "tfl.transpose"(%[[P]], %{{.*}}) : (tensor<1x1x4x4xf32>, tensor<4xi32>) -> tensor<1x4x1x4xf32>
// CHECK: "tfl.reshape"(%[[B]], %{{.*}}) : (tensor<1x4x1x4xf32>, tensor<3xi32>) -> tensor<1x4x4xf32>
func.func @max_pool_1d(%x: tensor<1x4x8xf32>) -> tensor<1x4x4xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<0> : tensor<3x2xi64>, window_dilations = array<i64: 1, 1, 1>, window_dimensions = array<i64: 1, 1, 2>, window_strides = array<i64: 1, 1, 2>} : (tensor<1x4x8xf32>, tensor<f32>) -> tensor<1x4x4xf32>
  return %0 : tensor<1x4x4xf32>
}

// -----

// ceil_mode max pooling (9 -> 5 at stride 2, one high padding): what SAME computes,
// so no padv2.
// CHECK-LABEL: func.func @max_pool_same
// CHECK-NOT: tfl.padv2
// CHECK: "tfl.max_pool_2d"(%{{.*}}) {filter_height = 2 : i32, filter_width = 2 : i32, fused_activation_function = "NONE", padding = "SAME", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x9x9x4xf32>) -> tensor<1x5x5x4xf32>
func.func @max_pool_same(%x: tensor<1x4x9x9xf32>) -> tensor<1x4x5x5xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 0], [0, 1], [0, 1]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x9x9xf32>, tensor<f32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// PyTorch's 3x3 stride-2 max pool with padding 1 on 8: [1, 0] is not SAME's [0, 1],
// so -inf padding (tfl.padv2) before a VALID pool.
// CHECK-LABEL: func.func @max_pool_padded
// CHECK: "tfl.transpose"
// CHECK: %[[NINF:.*]] = "tfl.pseudo_const"() {value = dense<0xFF800000> : tensor<f32>}
// CHECK: %[[P:.*]] = "tfl.padv2"(%{{.*}}, %{{.*}}, %[[NINF]]) : (tensor<1x8x8x4xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x9x9x4xf32>
// CHECK: "tfl.max_pool_2d"(%[[P]]) {{{.*}}padding = "VALID"{{.*}}} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
func.func @max_pool_padded(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 0], [1, 1], [1, 1]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 3, 3>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Average pooling without padding: the window sum divided by its area is one
// average_pool_2d; the divide is taken over.
// CHECK-LABEL: func.func @avg_pool
// CHECK: %[[P:.*]] = "tfl.average_pool_2d"(%{{.*}}) {{{.*}}padding = "VALID"{{.*}}} : (tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32>
// CHECK-NEXT: %[[PERM:.*]] = "tfl.pseudo_const"
// CHECK-NEXT: %[[Y:.*]] = "tfl.transpose"(%[[P]], %[[PERM]])
// CHECK-NOT: tfl.div
// CHECK-NOT: tfl.mul
// CHECK: return %[[Y]]
func.func @avg_pool(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  %area = "stablehlo.constant"() {value = dense<4.0> : tensor<1x4x4x4xf32>} : () -> tensor<1x4x4x4xf32>
  %1 = "stablehlo.divide"(%0, %area) : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %1 : tensor<1x4x4x4xf32>
}

// -----

// ceil_mode average pooling with count_include_pad=False: the importer divides by a
// window sum of ones over the input, which is what SAME divides by: one
// average_pool_2d, no pad, no rescale; the counting window sum goes too.
// CHECK-LABEL: func.func @avg_pool_same_exclude_pad
// CHECK-NOT: stablehlo.
// CHECK: %[[P:.*]] = "tfl.average_pool_2d"(%{{.*}}) {{{.*}}padding = "SAME"{{.*}}} : (tensor<1x9x9x4xf32>) -> tensor<1x5x5x4xf32>
// CHECK-NOT: tfl.div
// CHECK-NOT: tfl.mul
// CHECK-NOT: stablehlo.
func.func @avg_pool_same_exclude_pad(%x: tensor<1x4x9x9xf32>) -> tensor<1x4x5x5xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 0], [0, 1], [0, 1]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x9x9xf32>, tensor<f32>) -> tensor<1x4x5x5xf32>
  %ones = "stablehlo.constant"() {value = dense<1.0> : tensor<1x4x9x9xf32>} : () -> tensor<1x4x9x9xf32>
  %z2 = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %1 = "stablehlo.reduce_window"(%ones, %z2) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 0], [0, 1], [0, 1]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x9x9xf32>, tensor<f32>) -> tensor<1x4x5x5xf32>
  %2 = "stablehlo.divide"(%0, %1) : (tensor<1x4x5x5xf32>, tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  return %2 : tensor<1x4x5x5xf32>
}

// -----

// The same padding with count_include_pad=True (the ones span the padded input):
// SAME's divisor (1 at the edge) differs from PyTorch's (2), so the pool is rescaled
// by a [1, H, W, 1] constant.
// CHECK-LABEL: func.func @avg_pool_same_include_pad
// CHECK: %[[P:.*]] = "tfl.average_pool_2d"(%{{.*}}) {{{.*}}padding = "SAME"{{.*}}} : (tensor<1x3x3x4xf32>) -> tensor<1x2x2x4xf32>
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<{{.*}}1.000000e+00], [5.000000e-01]], {{.*}}5.000000e-01], [2.500000e-01]]]]> : tensor<1x2x2x1xf32>}
// CHECK: "tfl.mul"(%[[P]], %[[S]])
func.func @avg_pool_same_include_pad(%x: tensor<1x4x3x3xf32>) -> tensor<1x4x2x2xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 0], [0, 1], [0, 1]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x3x3xf32>, tensor<f32>) -> tensor<1x4x2x2xf32>
  %ones = "stablehlo.constant"() {value = dense<1.0> : tensor<1x4x4x4xf32>} : () -> tensor<1x4x4x4xf32>
  %z2 = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %1 = "stablehlo.reduce_window"(%ones, %z2) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x4x4xf32>, tensor<f32>) -> tensor<1x4x2x2xf32>
  %2 = "stablehlo.divide"(%0, %1) : (tensor<1x4x2x2xf32>, tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  return %2 : tensor<1x4x2x2xf32>
}

// -----

// A window sum with no divide is the average times the window area.
// CHECK-LABEL: func.func @window_sum
// CHECK: %[[P:.*]] = "tfl.average_pool_2d"
// CHECK: %[[A:.*]] = "tfl.pseudo_const"() {value = dense<4.000000e+00> : tensor<f32>}
// CHECK: "tfl.mul"(%[[P]], %[[A]])
func.func @window_sum(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// A window spanning one whole dim, padded by its size - 1 in front, sums each prefix
// (PyTorch's cumsum); padded behind, each suffix.
// CHECK-LABEL: func.func @cumsum
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>)
// CHECK: %[[A:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>}
// CHECK: "tfl.cumsum"(%[[X]], %[[A]]) {exclusive = false, reverse = false} : (tensor<2x8xf32>, tensor<i32>) -> tensor<2x8xf32>
// CHECK: "tfl.cumsum"(%[[X]], %{{.*}}) {exclusive = false, reverse = true}
func.func @cumsum(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [7, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 8>, window_strides = array<i64: 1, 1>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  %1 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 7]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 8>, window_strides = array<i64: 1, 1>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %0, %1 : tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// Groups that are neither 1 nor one per input channel: conv_2d with a filter of
// C / groups input channels (TFLite's grouped convolution).
// CHECK-LABEL: func.func @grouped_conv
// CHECK: %[[W:.*]] = "tfl.transpose"(%{{.*}}, %{{.*}}) : (tensor<8x2x3x3xf32>, tensor<4xi32>) -> tensor<8x3x3x2xf32>
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%{{.*}}, %[[W]], %{{.*}}) {{.*}} : (tensor<1x8x8x4xf32>, tensor<8x3x3x2xf32>, none) -> tensor<1x8x8x8xf32>
// CHECK: "tfl.transpose"(%[[C]], %{{.*}}) : (tensor<1x8x8x8xf32>, tensor<4xi32>) -> tensor<1x8x8x8xf32>
func.func @grouped_conv(%x: tensor<1x4x8x8xf32>, %w: tensor<8x2x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 2 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<8x2x3x3xf32>) -> tensor<1x8x8x8xf32>
  return %0 : tensor<1x8x8x8xf32>
}

// -----

// 1-D convolution: the 2-D form on a height of 1, between reshapes.
// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME: (%[[X:.*]]: tensor<2x4x16xf32>, %[[W:.*]]: tensor<8x4x3xf32>)
// CHECK: "tfl.reshape"(%[[X]], %{{.*}}) : (tensor<2x4x16xf32>, tensor<4xi32>) -> tensor<2x4x1x16xf32>
// CHECK: "tfl.reshape"(%[[W]], %{{.*}}) : (tensor<8x4x3xf32>, tensor<4xi32>) -> tensor<8x4x1x3xf32>
// CHECK: "tfl.conv_2d"({{.*}}) {{{.*}}padding = "SAME"{{.*}}} : (tensor<2x1x16x4xf32>, tensor<8x1x3x4xf32>, none) -> tensor<2x1x16x8xf32>
// CHECK: %[[T:.*]] = "tfl.transpose"
// CHECK: "tfl.reshape"(%[[T]], %{{.*}}) : (tensor<2x8x1x16xf32>, tensor<3xi32>) -> tensor<2x8x16xf32>
func.func @conv_1d(%x: tensor<2x4x16xf32>, %w: tensor<8x4x3xf32>) -> tensor<2x8x16xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0]x[o, i, 0]->[b, f, 0]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<1x2xi64>, rhs_dilation = array<i64: 1>, window_strides = array<i64: 1>} : (tensor<2x4x16xf32>, tensor<8x4x3xf32>) -> tensor<2x8x16xf32>
  return %0 : tensor<2x8x16xf32>
}

// -----

// Transposed convolution (input dilation 2, the importer's reversed [I, O, H, W]
// filter): the reverse is dropped and transpose_conv scatters with the OHWI filter; its
// VALID output (7 * 2 + 3 = 17) is cropped by k - 1 - low = 1 to StableHLO's 16.
// CHECK-LABEL: func.func @transposed_conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x8xf32>, %[[W:.*]]: tensor<8x4x3x3xf32>)
// CHECK-NOT: reverse
// CHECK: %[[F:.*]] = "tfl.transpose"(%[[W]], %{{.*}}) : (tensor<8x4x3x3xf32>, tensor<4xi32>) -> tensor<4x3x3x8xf32>
// CHECK: %[[SHAPE:.*]] = "tfl.pseudo_const"() {value = dense<[1, 17, 17, 4]> : tensor<4xi32>}
// CHECK: %[[TC:.*]] = "tfl.transpose_conv"(%[[SHAPE]], %[[F]], %{{.*}}, %{{.*}}) {fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<4xi32>, tensor<4x3x3x8xf32>, tensor<1x8x8x8xf32>, none) -> tensor<1x17x17x4xf32>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[0, 1, 1, 0]> : tensor<4xi32>}
// CHECK: "tfl.slice"(%[[TC]], %[[B]], %{{.*}}) : (tensor<1x17x17x4xf32>, tensor<4xi32>, tensor<4xi32>) -> tensor<1x16x16x4xf32>
func.func @transposed_conv(%x: tensor<1x8x8x8xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x4x16x16xf32> {
  %r = "stablehlo.reverse"(%w) {dimensions = array<i64: 2, 3>} : (tensor<8x4x3x3xf32>) -> tensor<8x4x3x3xf32>
  %0 = "stablehlo.convolution"(%x, %r) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[i, o, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[1, 2], [1, 2]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x8x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<1x4x16x16xf32>
  return %0 : tensor<1x4x16x16xf32>
}

// -----

// Bool reductions: or with init false is reduce_any, and with init true reduce_all;
// multiply with init 1 is reduce_prod.
// CHECK-LABEL: func.func @more_reductions
// CHECK: "tfl.reduce_any"(%{{.*}}, %{{.*}}) {keep_dims = false} : (tensor<2x3xi1>, tensor<1xi32>) -> tensor<2xi1>
// CHECK: "tfl.reduce_all"(%{{.*}}, %{{.*}}) {keep_dims = false} : (tensor<2x3xi1>, tensor<1xi32>) -> tensor<2xi1>
// CHECK: "tfl.reduce_prod"(%{{.*}}, %{{.*}}) {keep_dims = false} : (tensor<2x3xf32>, tensor<1xi32>) -> tensor<2xf32>
func.func @more_reductions(%b: tensor<2x3xi1>, %x: tensor<2x3xf32>) -> (tensor<2xi1>, tensor<2xi1>, tensor<2xf32>) {
  %f = "stablehlo.constant"() {value = dense<false> : tensor<i1>} : () -> tensor<i1>
  %t = "stablehlo.constant"() {value = dense<true> : tensor<i1>} : () -> tensor<i1>
  %one = "stablehlo.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %any = "stablehlo.reduce"(%b, %f) ({
  ^bb0(%p: tensor<i1>, %q: tensor<i1>):
    %r = "stablehlo.or"(%p, %q) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    "stablehlo.return"(%r) : (tensor<i1>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xi1>, tensor<i1>) -> tensor<2xi1>
  %all = "stablehlo.reduce"(%b, %t) ({
  ^bb0(%p: tensor<i1>, %q: tensor<i1>):
    %r = "stablehlo.and"(%p, %q) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    "stablehlo.return"(%r) : (tensor<i1>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xi1>, tensor<i1>) -> tensor<2xi1>
  %prod = "stablehlo.reduce"(%x, %one) ({
  ^bb0(%p: tensor<f32>, %q: tensor<f32>):
    %r = "stablehlo.multiply"(%p, %q) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %any, %all, %prod : tensor<2xi1>, tensor<2xi1>, tensor<2xf32>
}

// -----

// argmax as PyTorch exports it (a two-input reduce of the values and an iota): top-k
// with k = 1 on the values with NaN ranked +inf (PyTorch's NaN is the maximum),
// reshaped to drop the dim, the int32 index cast to i64.
// CHECK-LABEL: func.func @argmax
// CHECK: %[[NAN:.*]] = "tfl.not_equal"(%[[X:.*]], %[[X]])
// CHECK: %[[KEY:.*]] = "tfl.select_v2"(%[[NAN]], %{{.*}}, %[[X]])
// CHECK: %[[K:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>}
// CHECK: %[[TK:.*]]:2 = "tfl.topk_v2"(%[[KEY]], %[[K]]) : (tensor<2x16xf32>, tensor<i32>) -> (tensor<2x1xf32>, tensor<2x1xi32>)
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[TK]]#1, %{{.*}}) : (tensor<2x1xi32>, tensor<1xi32>) -> tensor<2xi32>
// CHECK: %[[C:.*]] = "tfl.cast"(%[[R]]) : (tensor<2xi32>) -> tensor<2xi64>
// CHECK: return %[[C]]
func.func @argmax(%x: tensor<2x16xf32>) -> tensor<2xi64> {
  %iota = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<2x16xi64>
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %zero = "stablehlo.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
  %r:2 = "stablehlo.reduce"(%x, %iota, %ninf, %zero) ({
  ^bb0(%a: tensor<f32>, %ai: tensor<i64>, %b: tensor<f32>, %bi: tensor<i64>):
    %gt = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %eq = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction EQ>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %lt = "stablehlo.compare"(%ai, %bi) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    %tie = "stablehlo.and"(%eq, %lt) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %take = "stablehlo.or"(%gt, %tie) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %v = "stablehlo.select"(%take, %a, %b) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
    %i = "stablehlo.select"(%take, %ai, %bi) : (tensor<i1>, tensor<i64>, tensor<i64>) -> tensor<i64>
    "stablehlo.return"(%v, %i) : (tensor<f32>, tensor<i64>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x16xf32>, tensor<2x16xi64>, tensor<f32>, tensor<i64>) -> (tensor<2xf32>, tensor<2xi64>)
  return %r#1 : tensor<2xi64>
}

// -----

// sort with an iota of indices, descending (GT): top-k over the whole dim, moved last.
// CHECK-LABEL: func.func @sort
// CHECK: %[[T:.*]] = "tfl.transpose"(%{{.*}}, %{{.*}}) : (tensor<4x3xf32>, tensor<2xi32>) -> tensor<3x4xf32>
// CHECK: %[[TK:.*]]:2 = "tfl.topk_v2"(%[[T]], %{{.*}}) : (tensor<3x4xf32>, tensor<i32>) -> (tensor<3x4xf32>, tensor<3x4xi32>)
// CHECK: "tfl.transpose"(%[[TK]]#0, %{{.*}}) : (tensor<3x4xf32>, tensor<2xi32>) -> tensor<4x3xf32>
// CHECK: "tfl.transpose"(%[[TK]]#1, %{{.*}}) : (tensor<3x4xi32>, tensor<2xi32>) -> tensor<4x3xi32>
// CHECK: "tfl.cast"
// CHECK-NOT: stablehlo.
func.func @sort(%x: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xi64>) {
  %iota = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<4x3xi64>
  %s:2 = "stablehlo.sort"(%x, %iota) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %ai: tensor<i64>, %bi: tensor<i64>):
    %gt = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    "stablehlo.return"(%gt) : (tensor<i1>) -> ()
  }) {dimension = 0 : i64, is_stable = true} : (tensor<4x3xf32>, tensor<4x3xi64>) -> (tensor<4x3xf32>, tensor<4x3xi64>)
  return %s#0, %s#1 : tensor<4x3xf32>, tensor<4x3xi64>
}

// -----

// iota of a static shape is a constant.
// CHECK-LABEL: func.func @iota
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 1, 2], [0, 1, 2]]> : tensor<2x3xi64>}
// CHECK: "tfl.pseudo_const"() {value = dense<[0.000000e+00, 1.000000e+00]> : tensor<2xf32>}
func.func @iota() -> (tensor<2x3xi64>, tensor<2xf32>) {
  %0 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<2x3xi64>
  %1 = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<2xf32>
  return %0, %1 : tensor<2x3xi64>, tensor<2xf32>
}

// -----

// remainder truncates, floor_mod floors: where the signs differ and floor_mod is not
// zero, the divisor is taken back off.
// CHECK-LABEL: func.func @remainder
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>, %[[Y:.*]]: tensor<4xi64>)
// CHECK: %[[R:.*]] = "tfl.floor_mod"(%[[X]], %[[Y]])
// CHECK: %[[XN:.*]] = "tfl.less"(%[[X]],
// CHECK: %[[YN:.*]] = "tfl.less"(%[[Y]],
// CHECK: %[[D:.*]] = "tfl.not_equal"(%[[XN]], %[[YN]])
// CHECK: %[[NZ:.*]] = "tfl.not_equal"(%[[R]],
// CHECK: %[[FIX:.*]] = "tfl.logical_and"(%[[D]], %[[NZ]])
// CHECK: %[[S:.*]] = "tfl.sub"(%[[R]], %[[Y]])
// CHECK: "tfl.select_v2"(%[[FIX]], %[[S]], %[[R]])
func.func @remainder(%x: tensor<4xi64>, %y: tensor<4xi64>) -> tensor<4xi64> {
  %0 = "stablehlo.remainder"(%x, %y) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// gather of whole slices along one dim (index_select) is tfl.gather on that axis.
// CHECK-LABEL: func.func @gather_axis
// CHECK-SAME: (%[[P:.*]]: tensor<1x56x56x96xf32>, %[[I:.*]]: tensor<56x1xi64>)
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[I]], %{{.*}}) : (tensor<56x1xi64>, tensor<1xi32>) -> tensor<56xi64>
// CHECK: "tfl.gather"(%[[P]], %[[R]]) {axis = 1 : i32, batch_dims = 0 : i32} : (tensor<1x56x56x96xf32>, tensor<56xi64>) -> tensor<1x56x56x96xf32>
func.func @gather_axis(%p: tensor<1x56x56x96xf32>, %i: tensor<56x1xi64>) -> tensor<1x56x56x96xf32> {
  %0 = "stablehlo.gather"(%p, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [0, 2, 3], collapsed_slice_dims = [1], start_index_map = [1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 56, 96>} : (tensor<1x56x56x96xf32>, tensor<56x1xi64>) -> tensor<1x56x56x96xf32>
  return %0 : tensor<1x56x56x96xf32>
}

// -----

// gather over two trailing dims: the indexed dims move first, gather_nd picks, and a
// transpose puts the whole dims back in front.
// CHECK-LABEL: func.func @gather_nd
// CHECK-SAME: (%[[P:.*]]: tensor<1x4x8x8xf32>, %[[I:.*]]: tensor<16x16x2xi64>)
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[P]], %{{.*}}) : (tensor<1x4x8x8xf32>, tensor<4xi32>) -> tensor<8x8x1x4xf32>
// CHECK: %[[G:.*]] = "tfl.gather_nd"(%[[T]], %[[I]]) : (tensor<8x8x1x4xf32>, tensor<16x16x2xi64>) -> tensor<16x16x1x4xf32>
// CHECK: "tfl.transpose"(%[[G]], %{{.*}}) : (tensor<16x16x1x4xf32>, tensor<4xi32>) -> tensor<1x4x16x16xf32>
func.func @gather_nd(%p: tensor<1x4x8x8xf32>, %i: tensor<16x16x2xi64>) -> tensor<1x4x16x16xf32> {
  %0 = "stablehlo.gather"(%p, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [0, 1], collapsed_slice_dims = [2, 3], start_index_map = [2, 3], index_vector_dim = 2>, indices_are_sorted = false, slice_sizes = array<i64: 1, 4, 1, 1>} : (tensor<1x4x8x8xf32>, tensor<16x16x2xi64>) -> tensor<1x4x16x16xf32>
  return %0 : tensor<1x4x16x16xf32>
}

// -----

// A bool gather_nd (TFLite's GATHER_ND has no bool kernel; BERT's attention mask picked
// over a dynamic batch and sequence) gathers int8 between casts.
// CHECK-LABEL: func.func @gather_nd_bool
// CHECK-SAME: (%[[P:.*]]: tensor<?x?xi1>, %[[I:.*]]: tensor<3x2xi32>)
// CHECK: %[[W:.*]] = "tfl.cast"(%[[P]]) : (tensor<?x?xi1>) -> tensor<?x?xi8>
// CHECK: %[[G:.*]] = "tfl.gather_nd"(%[[W]], %[[I]]) : (tensor<?x?xi8>, tensor<3x2xi32>) -> tensor<3xi8>
// CHECK: %[[B:.*]] = "tfl.cast"(%[[G]]) : (tensor<3xi8>) -> tensor<3xi1>
// CHECK: return %[[B]]
func.func @gather_nd_bool(%p: tensor<?x?xi1>, %i: tensor<3x2xi32>) -> tensor<3xi1> {
  %0 = "stablehlo.gather"(%p, %i) {dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [0, 1], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1>} : (tensor<?x?xi1>, tensor<3x2xi32>) -> tensor<3xi1>
  return %0 : tensor<3xi1>
}

// -----

// A bool pad runs on int32 between casts; negative padding is a crop (tfl.slice).
// CHECK-LABEL: func.func @pads
// CHECK: %[[C:.*]] = "tfl.cast"(%{{.*}}) : (tensor<3x3xi1>) -> tensor<3x3xi32>
// CHECK: %[[V:.*]] = "tfl.cast"(%{{.*}}) : (tensor<i1>) -> tensor<i32>
// CHECK: %[[P:.*]] = "tfl.padv2"(%[[C]], %{{.*}}, %[[V]]) : (tensor<3x3xi32>, tensor<2x2xi32>, tensor<i32>) -> tensor<3x5xi32>
// CHECK: "tfl.cast"(%[[P]]) : (tensor<3x5xi32>) -> tensor<3x5xi1>
// CHECK: %[[Q:.*]] = "tfl.padv2"(%{{.*}}, %{{.*}}, %{{.*}}) : (tensor<4x4xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<4x6xf32>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>}
// CHECK: "tfl.slice"(%[[Q]], %[[B]], %{{.*}}) : (tensor<4x6xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3x6xf32>
func.func @pads(%m: tensor<3x3xi1>, %f: tensor<i1>, %x: tensor<4x4xf32>, %z: tensor<f32>) -> (tensor<3x5xi1>, tensor<3x6xf32>) {
  %0 = "stablehlo.pad"(%m, %f) {edge_padding_low = array<i64: 0, 2>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 0>} : (tensor<3x3xi1>, tensor<i1>) -> tensor<3x5xi1>
  %1 = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: -1, 2>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 0>} : (tensor<4x4xf32>, tensor<f32>) -> tensor<3x6xf32>
  return %0, %1 : tensor<3x5xi1>, tensor<3x6xf32>
}

// -----

// Element-wise ops with a TFL builtin of the same meaning, and the composed ones:
// log_plus_one as log(x + 1), exponential_minus_one as exp(x) - 1, tan as sin / cos,
// bool xor as not_equal; reverse is reverse_v2.
// CHECK-LABEL: func.func @elementwise_more
// CHECK: "tfl.floor"
// CHECK: "tfl.ceil"
// CHECK: "tfl.cos"
// CHECK: "tfl.sin"
// CHECK: "tfl.sign"
// CHECK: "tfl.round"
// CHECK: "tfl.atan2"
// CHECK: %[[U:.*]] = "tfl.add"
// CHECK: "tfl.log"(%[[U]])
// CHECK: %[[E:.*]] = "tfl.exp"
// CHECK: "tfl.sub"(%[[E]],
// CHECK: %[[S:.*]] = "tfl.sin"
// CHECK: %[[C:.*]] = "tfl.cos"
// CHECK: "tfl.div"(%[[S]], %[[C]])
// CHECK: "tfl.not_equal"(%{{.*}}, %{{.*}}) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>}
// CHECK: "tfl.reverse_v2"(%{{.*}}, %[[AX]])
// CHECK-NOT: stablehlo.
func.func @elementwise_more(%x: tensor<4xf32>, %b: tensor<4xi1>) -> tensor<4xf32> {
  %0 = "stablehlo.floor"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "stablehlo.ceil"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "stablehlo.cosine"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  %3 = "stablehlo.sine"(%2) : (tensor<4xf32>) -> tensor<4xf32>
  %4 = "stablehlo.sign"(%3) : (tensor<4xf32>) -> tensor<4xf32>
  %5 = "stablehlo.round_nearest_even"(%4) : (tensor<4xf32>) -> tensor<4xf32>
  %6 = "stablehlo.atan2"(%5, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %7 = "stablehlo.log_plus_one"(%6) : (tensor<4xf32>) -> tensor<4xf32>
  %8 = "stablehlo.exponential_minus_one"(%7) : (tensor<4xf32>) -> tensor<4xf32>
  %9 = "stablehlo.tan"(%8) : (tensor<4xf32>) -> tensor<4xf32>
  %10 = "stablehlo.xor"(%b, %b) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  %11 = "stablehlo.reverse"(%9) {dimensions = array<i64: 0>} : (tensor<4xf32>) -> tensor<4xf32>
  %12 = "stablehlo.select"(%10, %11, %x) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %12 : tensor<4xf32>
}

// -----

// A splat constant of more than 1024 elements is a one-element constant under
// broadcast_to (tfl-remove-broadcasts drops it before ops that broadcast); a small
// one stays whole.
// CHECK-LABEL: func.func @splat_constants
// CHECK: %[[ONE:.*]] = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<1x1x1xf32>}
// CHECK: %[[SHAPE:.*]] = "tfl.pseudo_const"() {value = dense<[1, 64, 64]> : tensor<3xi32>}
// CHECK: "tfl.broadcast_to"(%[[ONE]], %[[SHAPE]]) : (tensor<1x1x1xf32>, tensor<3xi32>) -> tensor<1x64x64xf32>
// CHECK: "tfl.pseudo_const"() {value = dense<2.000000e+00> : tensor<4x4xf32>}
// CHECK-NOT: tfl.broadcast_to
func.func @splat_constants() -> (tensor<1x64x64xf32>, tensor<4x4xf32>) {
  %0 = "stablehlo.constant"() {value = dense<0.5> : tensor<1x64x64xf32>} : () -> tensor<1x64x64xf32>
  %1 = "stablehlo.constant"() {value = dense<2.0> : tensor<4x4xf32>} : () -> tensor<4x4xf32>
  return %0, %1 : tensor<1x64x64xf32>, tensor<4x4xf32>
}

// -----

// LiteRT's REVERSE_V2 takes one run of adjacent axes: dims 0 and 2 become two ops.
// CHECK-LABEL: func.func @reverse_non_adjacent
// CHECK: %[[A0:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>}
// CHECK: %[[R0:.*]] = "tfl.reverse_v2"(%{{.*}}, %[[A0]])
// CHECK: %[[A2:.*]] = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>}
// CHECK: "tfl.reverse_v2"(%[[R0]], %[[A2]])
func.func @reverse_non_adjacent(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = "stablehlo.reverse"(%x) {dimensions = array<i64: 2, 0>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// ABS has no i64 kernel: select(x < 0, -x, x).
// CHECK-LABEL: func.func @abs_i64
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK: %[[Z:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<i64>}
// CHECK: %[[L:.*]] = "tfl.less"(%[[X]], %[[Z]]) : (tensor<4xi64>, tensor<i64>) -> tensor<4xi1>
// CHECK: %[[N:.*]] = "tfl.neg"(%[[X]])
// CHECK: "tfl.select_v2"(%[[L]], %[[N]], %[[X]])
func.func @abs_i64(%x: tensor<4xi64>) -> tensor<4xi64> {
  %0 = "stablehlo.abs"(%x) : (tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// A reduce whose init is not the body's identity folds it in after the reduction:
// op(reduce(x), init) (PyTorch's median finds its first NaN as a minimum that starts at
// the dim size).
// CHECK-LABEL: func.func @reduce_with_init
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xi64>, %[[Y:.*]]: tensor<2x3xf32>)
// CHECK: %[[SIXTEEN:.*]] = "tfl.pseudo_const"() {value = dense<16> : tensor<i64>}
// CHECK: %[[MIN:.*]] = "tfl.reduce_min"(%[[X]], %{{.*}}) {keep_dims = false} : (tensor<2x3xi64>, tensor<1xi32>) -> tensor<2xi64>
// CHECK: "tfl.minimum"(%[[MIN]], %[[SIXTEEN]]) : (tensor<2xi64>, tensor<i64>) -> tensor<2xi64>
// CHECK: %[[ONE:.*]] = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<f32>}
// CHECK: %[[SUM:.*]] = "tfl.sum"(%[[Y]], %{{.*}}) {keep_dims = false}
// CHECK: "tfl.add"(%[[SUM]], %[[ONE]]) {fused_activation_function = "NONE"}
func.func @reduce_with_init(%x: tensor<2x3xi64>, %y: tensor<2x3xf32>) -> (tensor<2xi64>, tensor<2xf32>) {
  %n = "stablehlo.constant"() {value = dense<16> : tensor<i64>} : () -> tensor<i64>
  %0 = "stablehlo.reduce"(%x, %n) ({
  ^bb0(%a: tensor<i64>, %b: tensor<i64>):
    %m = "stablehlo.minimum"(%a, %b) : (tensor<i64>, tensor<i64>) -> tensor<i64>
    "stablehlo.return"(%m) : (tensor<i64>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xi64>, tensor<i64>) -> tensor<2xi64>
  %one = "stablehlo.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %1 = "stablehlo.reduce"(%y, %one) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xi64>, tensor<2xf32>
}

// -----

// PyTorch's float sort comparator (NaN above everything) sorts an int32 key of the
// total order (bits, negatives' magnitudes flipped, zeros 0, NaN INT_MAX) and gathers the
// values back; ascending reverses the key as -1 - key.
// CHECK-LABEL: func.func @sort_total_order
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>)
// CHECK: %[[BITS:.*]] = "tfl.bitcast"(%[[X]]) : (tensor<3x4xf32>) -> tensor<3x4xi32>
// CHECK: %[[MASK:.*]] = "tfl.pseudo_const"() {value = dense<2147483647> : tensor<i32>}
// CHECK: %[[FLIP:.*]] = "tfl.bitwise_xor"(%[[BITS]], %[[MASK]])
// CHECK: %[[NAN:.*]] = "tfl.not_equal"(%[[X]], %[[X]])
// CHECK: %[[ZERO:.*]] = "tfl.equal"(%[[X]],
// CHECK: %[[KEY:.*]] = "tfl.select_v2"(%[[ZERO]],
// CHECK: %[[REV:.*]] = "tfl.sub"(%{{.*}}, %[[KEY]])
// CHECK: %[[TK:.*]]:2 = "tfl.topk_v2"(%[[REV]], %{{.*}}) : (tensor<3x4xi32>, tensor<i32>) -> (tensor<3x4xi32>, tensor<3x4xi32>)
// CHECK: "tfl.gather"(%[[X]], %[[TK]]#1) {axis = 1 : i32, batch_dims = 1 : i32}
func.func @sort_total_order(%x: tensor<3x4xf32>) -> (tensor<3x4xf32>, tensor<3x4xi64>) {
  %iota = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<3x4xi64>
  %s:2 = "stablehlo.sort"(%x, %iota) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %i: tensor<i64>, %j: tensor<i64>):
    %lt = "stablehlo.compare"(%a, %b) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %an = "stablehlo.compare"(%a, %a) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %bn = "stablehlo.compare"(%b, %b) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %nan = "stablehlo.not"(%an) : (tensor<i1>) -> tensor<i1>
    %last = "stablehlo.and"(%bn, %nan) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    %r = "stablehlo.or"(%lt, %last) : (tensor<i1>, tensor<i1>) -> tensor<i1>
    "stablehlo.return"(%r) : (tensor<i1>) -> ()
  }) {dimension = 1 : i64, is_stable = true} : (tensor<3x4xf32>, tensor<3x4xi64>) -> (tensor<3x4xf32>, tensor<3x4xi64>)
  return %s#0, %s#1 : tensor<3x4xf32>, tensor<3x4xi64>
}

// -----

// Integers sort by their own value; ascending reverses it as -1 - x, which cannot
// overflow (negation of INT64_MIN would).
// CHECK-LABEL: func.func @argsort_i64
// CHECK-SAME: (%[[X:.*]]: tensor<5xi64>)
// CHECK: %[[M1:.*]] = "tfl.pseudo_const"() {value = dense<-1> : tensor<i64>}
// CHECK: %[[REV:.*]] = "tfl.sub"(%[[M1]], %[[X]])
// CHECK: %[[TK:.*]]:2 = "tfl.topk_v2"(%[[REV]], %{{.*}}) : (tensor<5xi64>, tensor<i32>) -> (tensor<5xi64>, tensor<5xi32>)
// CHECK: "tfl.cast"(%[[TK]]#1) : (tensor<5xi32>) -> tensor<5xi64>
func.func @argsort_i64(%x: tensor<5xi64>) -> tensor<5xi64> {
  %iota = "stablehlo.iota"() {iota_dimension = 0 : i64} : () -> tensor<5xi64>
  %s:2 = "stablehlo.sort"(%x, %iota) ({
  ^bb0(%a: tensor<i64>, %b: tensor<i64>, %i: tensor<i64>, %j: tensor<i64>):
    %lt = "stablehlo.compare"(%a, %b) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }) {dimension = 0 : i64, is_stable = true} : (tensor<5xi64>, tensor<5xi64>) -> (tensor<5xi64>, tensor<5xi64>)
  return %s#1 : tensor<5xi64>
}

// -----

// Other float dot_generals are one batch_matmul between reshapes: the lhs as
// [batch, free, contracting] (a product over a middle dim transposes it), the rhs as
// [batch, contracting, free], then StableHLO's [batch, lhs free, rhs free].
// CHECK-LABEL: func.func @dot_general_rows
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x6xf32>, %[[W:.*]]: tensor<8x3xf32>, %[[A:.*]]: tensor<2x5x3xf32>, %[[B:.*]]: tensor<3x2x4xf32>)
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<1x4x8x6xf32>, tensor<4xi32>) -> tensor<1x4x6x8xf32>
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[T]], %{{.*}}) : (tensor<1x4x6x8xf32>, tensor<2xi32>) -> tensor<24x8xf32>
// CHECK: %[[MM:.*]] = "tfl.batch_matmul"(%[[R]], %[[W]]) {adj_x = false, adj_y = false} : (tensor<24x8xf32>, tensor<8x3xf32>) -> tensor<24x3xf32>
// CHECK: "tfl.reshape"(%[[MM]], %{{.*}}) : (tensor<24x3xf32>, tensor<4xi32>) -> tensor<1x4x6x3xf32>
// CHECK: %[[BT:.*]] = "tfl.transpose"(%[[B]], %{{.*}}) : (tensor<3x2x4xf32>, tensor<3xi32>) -> tensor<2x3x4xf32>
// CHECK: "tfl.batch_matmul"(%[[A]], %[[BT]]) {adj_x = false, adj_y = false} : (tensor<2x5x3xf32>, tensor<2x3x4xf32>) -> tensor<2x5x4xf32>
func.func @dot_general_rows(%x: tensor<1x4x8x6xf32>, %w: tensor<8x3xf32>, %a: tensor<2x5x3xf32>, %b: tensor<3x2x4xf32>) -> (tensor<1x4x6x3xf32>, tensor<2x5x4xf32>) {
  %0 = "stablehlo.dot_general"(%x, %w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<1x4x8x6xf32>, tensor<8x3xf32>) -> tensor<1x4x6x3xf32>
  %1 = "stablehlo.dot_general"(%a, %b) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [1], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<2x5x3xf32>, tensor<3x2x4xf32>) -> tensor<2x5x4xf32>
  return %0, %1 : tensor<1x4x6x3xf32>, tensor<2x5x4xf32>
}

// -----

// Interior padding (slice_scatter with a step): along dim 1, the dims around it merged,
// [A, n, 1, B] padded by 2 after the unit dim, flattened and cut to n + (n - 1) * 2;
// then the edge padding.
// CHECK-LABEL: func.func @interior_pad
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>, %[[V:.*]]: tensor<f32>)
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[X]], %{{.*}}) : (tensor<2x5xf32>, tensor<4xi32>) -> tensor<2x5x1x1xf32>
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 0], [0, 0], [0, 2], [0, 0]]> : tensor<4x2xi32>}
// CHECK: %[[S:.*]] = "tfl.padv2"(%[[R]], %[[P]], %[[V]]) : (tensor<2x5x1x1xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<2x5x3x1xf32>
// CHECK: %[[F:.*]] = "tfl.reshape"(%[[S]], %{{.*}}) : (tensor<2x5x3x1xf32>, tensor<3xi32>) -> tensor<2x15x1xf32>
// CHECK: %[[C:.*]] = "tfl.slice"(%[[F]], %{{.*}}, %{{.*}}) : (tensor<2x15x1xf32>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x13x1xf32>
// CHECK: %[[B:.*]] = "tfl.reshape"(%[[C]], %{{.*}}) : (tensor<2x13x1xf32>, tensor<2xi32>) -> tensor<2x13xf32>
// CHECK: "tfl.padv2"(%[[B]], %{{.*}}, %[[V]]) : (tensor<2x13xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<2x16xf32>
func.func @interior_pad(%x: tensor<2x5xf32>, %v: tensor<f32>) -> tensor<2x16xf32> {
  %0 = "stablehlo.pad"(%x, %v) {edge_padding_low = array<i64: 0, 1>, edge_padding_high = array<i64: 0, 2>, interior_padding = array<i64: 0, 2>} : (tensor<2x5xf32>, tensor<f32>) -> tensor<2x16xf32>
  return %0 : tensor<2x16xf32>
}

// -----

// An f16 constant converted to f32 is TFLite's fp16-weight DEQUANTIZE, unless it is
// returned as it is (XNNPACK fails on that one); other f16 converts are casts.
// CHECK-LABEL: func.func @f16_weights
// CHECK: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf16>}
// CHECK: %[[D:.*]] = "tfl.dequantize"(%[[W]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK: "tfl.add"(%{{.*}}, %[[D]])
// CHECK: "tfl.cast"(%[[W]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK: "tfl.cast"(%{{.*}}) : (tensor<2xf32>) -> tensor<2xf16>
func.func @f16_weights(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf16>) {
  %w = "stablehlo.constant"() {value = dense<[1.5, -2.0]> : tensor<2xf16>} : () -> tensor<2xf16>
  %0 = "stablehlo.convert"(%w) : (tensor<2xf16>) -> tensor<2xf32>
  %1 = "stablehlo.add"(%x, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = "stablehlo.convert"(%w) : (tensor<2xf16>) -> tensor<2xf32>
  %3 = "stablehlo.convert"(%x) : (tensor<2xf32>) -> tensor<2xf16>
  return %1, %2, %3 : tensor<2xf32>, tensor<2xf32>, tensor<2xf16>
}

// Convolutions, pools and dots legalize from any dimension numbers: operands are
// transposed into TFLite's NHWC input and OHWI filter and the result back, with no
// transpose where a layout already is NHWC (JAX's `[b, 0, 1, f]x[0, 1, i, o]`).
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// NHWC input and output need no transpose; the HWIO filter is transposed to OHWI
// (a constant one is folded later).
// CHECK-LABEL: func.func @conv_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>)
// CHECK: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<3x3x3x4xf32>}
// CHECK: %[[PERM:.*]] = "tfl.pseudo_const"() {value = dense<[3, 0, 1, 2]> : tensor<4xi32>}
// CHECK: %[[OHWI:.*]] = "tfl.transpose"(%[[W]], %[[PERM]]) : (tensor<3x3x3x4xf32>, tensor<4xi32>) -> tensor<4x3x3x3xf32>
// CHECK: %[[Y:.*]] = "tfl.conv_2d"(%[[X]], %[[OHWI]], %{{.*}}) {{.*}}padding = "SAME", stride_h = 2 : i32, stride_w = 2 : i32}
// CHECK-NOT: tfl.transpose
// CHECK: return %[[Y]]
func.func @conv_nhwc(%x: tensor<1x8x8x3xf32>) -> tensor<1x4x4x4xf32> {
  %w = "stablehlo.constant"() <{value = dense<0.5> : tensor<3x3x3x4xf32>}> : () -> tensor<3x3x3x4xf32>
  %0 = "stablehlo.convolution"(%x, %w) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, padding = dense<[[0, 1], [0, 1]]> : tensor<2x2xi64>, window_strides = array<i64: 2, 2>}> : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%0) : (tensor<1x4x4x4xf32>) -> ()
}

// -----

// The raw form of the same dimension numbers reads the same.
// CHECK-LABEL: func.func @conv_raw
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x3xf32>, %[[W:.*]]: tensor<3x3x3x4xf32>)
// CHECK: %[[PERM:.*]] = "tfl.pseudo_const"() {value = dense<[3, 0, 1, 2]> : tensor<4xi32>}
// CHECK: %[[OHWI:.*]] = "tfl.transpose"(%[[W]], %[[PERM]])
// CHECK: %[[Y:.*]] = "tfl.conv_2d"(%[[X]], %[[OHWI]], %{{.*}}) {{.*}}padding = "SAME"
// CHECK: return %[[Y]]
func.func @conv_raw(%x: tensor<1x8x8x3xf32>, %w: tensor<3x3x3x4xf32>) -> tensor<1x8x8x4xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<raw input_batch_dimension = 0, input_feature_dimension = 3, input_spatial_dimensions = [1, 2], kernel_input_feature_dimension = 2, kernel_output_feature_dimension = 3, kernel_spatial_dimensions = [0, 1], output_batch_dimension = 0, output_feature_dimension = 3, output_spatial_dimensions = [1, 2]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>} : (tensor<1x8x8x3xf32>, tensor<3x3x3x4xf32>) -> tensor<1x8x8x4xf32>
  "func.return"(%0) : (tensor<1x8x8x4xf32>) -> ()
}

// -----

// One group per input channel: the [H, W, 1, C*m] filter becomes [1, H, W, C*m].
// CHECK-LABEL: func.func @depthwise_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x4xf32>, %[[W:.*]]: tensor<3x3x1x8xf32>)
// CHECK: %[[PERM:.*]] = "tfl.pseudo_const"() {value = dense<[2, 0, 1, 3]> : tensor<4xi32>}
// CHECK: %[[F:.*]] = "tfl.transpose"(%[[W]], %[[PERM]]) {{.*}} -> tensor<1x3x3x8xf32>
// CHECK: %[[Y:.*]] = "tfl.depthwise_conv_2d"(%[[X]], %[[F]], %{{.*}}) {depth_multiplier = 2 : i32
// CHECK: return %[[Y]]
func.func @depthwise_nhwc(%x: tensor<1x8x8x4xf32>, %w: tensor<3x3x1x8xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 4 : i64, padding = dense<1> : tensor<2x2xi64>} : (tensor<1x8x8x4xf32>, tensor<3x3x1x8xf32>) -> tensor<1x8x8x8xf32>
  "func.return"(%0) : (tensor<1x8x8x8xf32>) -> ()
}

// -----

// 1-D over NWC: a unit dim before the spatial one makes it NHWC with H = 1.
// CHECK-LABEL: func.func @conv_1d_nwc
// CHECK: "tfl.reshape"(%{{.*}}) : (tensor<1x10x3xf32>, tensor<4xi32>) -> tensor<1x1x10x3xf32>
// CHECK: "tfl.reshape"(%{{.*}}) : (tensor<3x3x4xf32>, tensor<4xi32>) -> tensor<1x3x3x4xf32>
// CHECK: "tfl.conv_2d"({{.*}}) {{.*}}: (tensor<1x1x10x3xf32>, tensor<4x1x3x3xf32>, none) -> tensor<1x1x8x4xf32>
// CHECK: "tfl.reshape"(%{{.*}}) : (tensor<1x1x8x4xf32>, tensor<3xi32>) -> tensor<1x8x4xf32>
func.func @conv_1d_nwc(%x: tensor<1x10x3xf32>, %w: tensor<3x3x4xf32>) -> tensor<1x8x4xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, f]x[0, i, o]->[b, 0, f]>, feature_group_count = 1 : i64} : (tensor<1x10x3xf32>, tensor<3x3x4xf32>) -> tensor<1x8x4xf32>
  "func.return"(%0) : (tensor<1x8x4xf32>) -> ()
}

// -----

// Input dilation is a transposed convolution: the (unreversed) filter is reversed for
// transpose_conv's scatter, and the VALID output cropped to StableHLO's window.
// CHECK-LABEL: func.func @transposed_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x3xf32>, %[[W:.*]]: tensor<3x3x3x2xf32>)
// CHECK: %[[AXES:.*]] = "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>}
// CHECK: %[[REV:.*]] = "tfl.reverse_v2"(%[[W]], %[[AXES]])
// CHECK: %[[F:.*]] = "tfl.transpose"(%[[REV]], %{{.*}}) {{.*}} -> tensor<2x3x3x3xf32>
// CHECK: %[[T:.*]] = "tfl.transpose_conv"(%{{.*}}, %[[F]], %[[X]], %{{.*}}) {{.*}}stride_h = 2 : i32, stride_w = 2 : i32} {{.*}} -> tensor<1x9x9x2xf32>
// CHECK: %[[Y:.*]] = "tfl.slice"(%[[T]], {{.*}} -> tensor<1x8x8x2xf32>
// CHECK: return %[[Y]]
func.func @transposed_nhwc(%x: tensor<1x4x4x3xf32>, %w: tensor<3x3x3x2xf32>) -> tensor<1x8x8x2xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[1, 2], [1, 2]]> : tensor<2x2xi64>} : (tensor<1x4x4x3xf32>, tensor<3x3x3x2xf32>) -> tensor<1x8x8x2xf32>
  "func.return"(%0) : (tensor<1x8x8x2xf32>) -> ()
}

// -----

// Any layout: [f, b, 0, 1] input, [i, o, 0, 1] kernel, [0, 1, b, f] output.
// CHECK-LABEL: func.func @odd_layout
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<[1, 2, 3, 0]> : tensor<4xi32>}
// CHECK: "tfl.transpose"(%{{.*}}, %[[P]]) : (tensor<3x1x8x8xf32>, tensor<4xi32>) -> tensor<1x8x8x3xf32>
// CHECK: "tfl.transpose"(%{{.*}}) : (tensor<3x4x3x3xf32>, tensor<4xi32>) -> tensor<4x3x3x3xf32>
// CHECK: %[[Y:.*]] = "tfl.conv_2d"({{.*}}) -> tensor<1x6x6x4xf32>
// CHECK: %[[BACK:.*]] = "tfl.pseudo_const"() {value = dense<[1, 2, 0, 3]> : tensor<4xi32>}
// CHECK: "tfl.transpose"(%[[Y]], %[[BACK]]) {{.*}} -> tensor<6x6x1x4xf32>
func.func @odd_layout(%x: tensor<3x1x8x8xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<6x6x1x4xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[f, b, 0, 1]x[i, o, 0, 1]->[0, 1, b, f]>, feature_group_count = 1 : i64} : (tensor<3x1x8x8xf32>, tensor<3x4x3x3xf32>) -> tensor<6x6x1x4xf32>
  "func.return"(%0) : (tensor<6x6x1x4xf32>) -> ()
}

// -----

// Pooling over dims 1 and 2 is NHWC already: no transpose.
// CHECK-LABEL: func.func @max_pool_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x4xf32>)
// CHECK-NOT: tfl.transpose
// CHECK: %[[Y:.*]] = "tfl.max_pool_2d"(%[[X]]) {filter_height = 3 : i32, filter_width = 3 : i32, fused_activation_function = "NONE", padding = "SAME", stride_h = 2 : i32, stride_w = 2 : i32}
// CHECK: return %[[Y]]
func.func @max_pool_nhwc(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %init = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{padding = dense<[[0, 0], [0, 1], [0, 1], [0, 0]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x8x8x4xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  "func.return"(%0) : (tensor<1x4x4x4xf32>) -> ()
}

// -----

// A window sum divided by its area is one average pool.
// CHECK-LABEL: func.func @avg_pool_nhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x4xf32>)
// CHECK: %[[Y:.*]] = "tfl.average_pool_2d"(%[[X]]) {filter_height = 2 : i32, filter_width = 2 : i32, fused_activation_function = "NONE", padding = "VALID"
// CHECK-NOT: tfl.div
// CHECK: return %[[Y]]
func.func @avg_pool_nhwc(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x4x4xf32> {
  %init = "stablehlo.constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 1, 2, 2, 1>, window_strides = array<i64: 1, 2, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x8x8x4xf32>, tensor<f32>) -> tensor<1x4x4x4xf32>
  %four = "stablehlo.constant"() <{value = dense<4.0> : tensor<1x4x4x4xf32>}> : () -> tensor<1x4x4x4xf32>
  %1 = "stablehlo.divide"(%0, %four) : (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%1) : (tensor<1x4x4x4xf32>) -> ()
}

// -----

// CHECK-LABEL: func.func @max_pool_1d_nwc
// CHECK: "tfl.reshape"({{.*}}) -> tensor<1x1x8x4xf32>
// CHECK: "tfl.max_pool_2d"({{.*}}) {filter_height = 1 : i32, filter_width = 2 : i32{{.*}}stride_w = 2 : i32} : (tensor<1x1x8x4xf32>) -> tensor<1x1x4x4xf32>
// CHECK-NOT: tfl.transpose
func.func @max_pool_1d_nwc(%x: tensor<1x8x4xf32>) -> tensor<1x4x4xf32> {
  %init = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) <{window_dimensions = array<i64: 1, 2, 1>, window_strides = array<i64: 1, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x8x4xf32>, tensor<f32>) -> tensor<1x4x4xf32>
  "func.return"(%0) : (tensor<1x4x4xf32>) -> ()
}

// -----

// CHECK-LABEL: func.func @dense
// CHECK: "tfl.batch_matmul"(%{{.*}}, %{{.*}}) {adj_x = false, adj_y = false} : (tensor<1x16xf32>, tensor<16x10xf32>) -> tensor<1x10xf32>
func.func @dense(%x: tensor<1x16xf32>, %w: tensor<16x10xf32>) -> tensor<1x10xf32> {
  %0 = "stablehlo.dot_general"(%x, %w) <{dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]}> : (tensor<1x16xf32>, tensor<16x10xf32>) -> tensor<1x10xf32>
  "func.return"(%0) : (tensor<1x10xf32>) -> ()
}


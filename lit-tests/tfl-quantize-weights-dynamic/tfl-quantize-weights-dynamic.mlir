// Small weights (min-elements=4) so the values can be read: per-channel symmetric int8
// along each op's quantized dimension, scale = max|w| / 127, zero point 0.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-dynamic{min-elements=4}))' | FileCheck %s

// fully_connected: channels are rows (dim 0); an all-zero row takes scale 1. The op
// reads the int8 constant directly and quantizes its input asymmetrically; the bias
// stays f32.
// CHECK-LABEL: func.func @fully_connected
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>)
// CHECK: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[127, -64, 0], [0, 0, 0]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.0099999997764825821,1.000000e+00}>>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.fully_connected"(%[[X]], %[[W]], %[[B]]) {asymmetric_quantize_inputs = true, {{.*}}} : (tensor<4x3xf32>, tensor<2x3x!quant.uniform<{{.*}}>>, tensor<2xf32>) -> tensor<4x2xf32>
func.func @fully_connected(%x: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1.27, -0.635, 0.0], [0.0, 0.0, 0.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %b = "tfl.pseudo_const"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<4x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// conv_2d along dim 0 (output channels), no asymmetric_quantize_inputs attribute (the
// per-channel kernel always quantizes its input so); depthwise_conv_2d along dim 3.
// CHECK-LABEL: func.func @convolutions
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}127, 64]]], {{\[\[\[}}-127, -64]]]]> : tensor<2x1x1x2xi8>} : () -> tensor<2x1x1x2x!quant.uniform<i8<-127:127>:f32:0, {0.0039370078593492508,0.0078740157186985015}>>
// CHECK: "tfl.conv_2d"(%{{.*}}) {dilation_h_factor = 1 : i32, {{.*}}} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2x!quant.uniform<{{.*}}>>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}127, 127], [127, 127]], {{\[\[}}-64, 32], [0, 0]]]]> : tensor<1x2x2x2xi8>} : () -> tensor<1x2x2x2x!quant.uniform<i8<-127:127>:f32:3, {0.0039370078593492508,0.031496062874794006}>>
// CHECK: "tfl.depthwise_conv_2d"(%{{.*}}) {depth_multiplier = 1 : i32, {{.*}}} : (tensor<1x4x4x2xf32>, tensor<1x2x2x2x!quant.uniform<{{.*}}>>, tensor<2xf32>) -> tensor<1x3x3x2xf32>
func.func @convolutions(%x: tensor<1x4x4x2xf32>) -> tensor<1x3x3x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[0.5, 0.25]]], [[[-1.0, -0.5]]]]> : tensor<2x1x1x2xf32>} : () -> tensor<2x1x1x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %d = "tfl.pseudo_const"() {value = dense<[[[[0.5, 4.0], [0.5, 4.0]], [[-0.25, 1.0], [0.0, 0.0]]]]> : tensor<1x2x2x2xf32>} : () -> tensor<1x2x2x2xf32>
  %1 = "tfl.depthwise_conv_2d"(%0, %d, %b) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<1x2x2x2xf32>, tensor<2xf32>) -> tensor<1x3x3x2xf32>
  return %1 : tensor<1x3x3x2xf32>
}

// -----

// batch_matmul with a constant y: along y's output columns, the last dim, or the one
// before it with adj_y.
// CHECK-LABEL: func.func @batch_matmul
// CHECK: tensor<2x2x3x!quant.uniform<i8<-127:127>:f32:2, {{.*}}>>
// CHECK: tensor<2x3x2x!quant.uniform<i8<-127:127>:f32:1, {{.*}}>>
// CHECK: "tfl.batch_matmul"{{.*}}asymmetric_quantize_inputs = true
// CHECK: "tfl.batch_matmul"{{.*}}adj_y = true, asymmetric_quantize_inputs = true
func.func @batch_matmul(%x: tensor<2x4x2xf32>) -> (tensor<2x4x3xf32>, tensor<2x4x3xf32>) {
  %y = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2x2x3xf32>} : () -> tensor<2x2x3xf32>
  %yt = "tfl.pseudo_const"() {value = dense<0.25> : tensor<2x3x2xf32>} : () -> tensor<2x3x2xf32>
  %0 = "tfl.batch_matmul"(%x, %y) : (tensor<2x4x2xf32>, tensor<2x2x3xf32>) -> tensor<2x4x3xf32>
  %1 = "tfl.batch_matmul"(%x, %yt) {adj_y = true} : (tensor<2x4x2xf32>, tensor<2x3x2xf32>) -> tensor<2x4x3xf32>
  return %0, %1 : tensor<2x4x3xf32>, tensor<2x4x3xf32>
}

// -----

// A weight two ops read is quantized once; a batch_matmul of two activations has no
// weight and is left alone.
// CHECK-LABEL: func.func @shared_and_activations
// CHECK: %[[Q:.*]] = "tfl.pseudo_const"() {{.*}} -> tensor<2x2x!quant.uniform
// CHECK-NOT: quant.uniform
// CHECK: "tfl.fully_connected"(%{{.*}}, %[[Q]],
// CHECK: "tfl.fully_connected"(%{{.*}}, %[[Q]],
// CHECK: "tfl.batch_matmul"(%{{.*}}, %{{.*}}) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
func.func @shared_and_activations(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<2x2xf32>, tensor<2x2xf32>, none) -> tensor<2x2xf32>
  %1 = "tfl.fully_connected"(%0, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<2x2xf32>, tensor<2x2xf32>, none) -> tensor<2x2xf32>
  %2 = "tfl.batch_matmul"(%0, %1) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %2 : tensor<2x2xf32>
}

// -----

// One constant read along two axes (fully_connected's rows, batch_matmul's columns):
// one int8 constant for each, and the f32 one goes.
// CHECK-LABEL: func.func @two_axes
// CHECK-DAG: tensor<2x2x!quant.uniform<i8<-127:127>:f32:0, {0.015748031437397003,0.031496062874794006}>>
// CHECK-DAG: tensor<2x2x!quant.uniform<i8<-127:127>:f32:1, {0.023622047156095505,0.031496062874794006}>>
// CHECK-NOT: xf32>}
func.func @two_axes(%x: tensor<2x2xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>) {
  %w = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<2x2xf32>, tensor<2x2xf32>, none) -> tensor<2x2xf32>
  %1 = "tfl.batch_matmul"(%x, %w) : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0, %1 : tensor<2x2xf32>, tensor<2x2xf32>
}

// -----

// GatherRowsEmbeddingLookup: a table that a gather picks rows from becomes int8 per row,
// read by embedding_lookup (LiteRT's GATHER gives wrong values for a quantized table);
// a tied head's fully_connected reads the same int8 constant.
// CHECK-LABEL: func.func @tied_embedding
// CHECK: %[[T:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[127, -64], [127, 127], [127, -127], [127, 64]]> : tensor<4x2xi8>} : () -> tensor<4x2x!quant.uniform<i8<-127:127>:f32:0,
// CHECK: %[[ROWS:.*]] = "tfl.embedding_lookup"(%{{.*}}, %[[T]]) : (tensor<3xi32>, tensor<4x2x!quant.uniform<{{.*}}>>) -> tensor<3x2xf32>
// CHECK: "tfl.fully_connected"(%[[ROWS]], %[[T]], %{{.*}}) {asymmetric_quantize_inputs = true
// CHECK-NOT: tfl.gather
func.func @tied_embedding(%ids: tensor<3xi32>) -> tensor<3x4xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[1.0, -0.5], [0.25, 0.25], [0.5, -0.5], [1.0, 0.5]]> : tensor<4x2xf32>} : () -> tensor<4x2xf32>
  %e = "tfl.gather"(%t, %ids) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<4x2xf32>, tensor<3xi32>) -> tensor<3x2xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%e, %t, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<3x2xf32>, tensor<4x2xf32>, none) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

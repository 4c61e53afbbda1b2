// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// ---- tfl.add / tfl.sub / tfl.mul into weights ----------------------------------------

// An inference batch norm after layout: conv -> mul(scale) -> add(shift) -> max(0)
// is one conv with a scaled filter and the shift as its bias.
// CHECK-LABEL: func.func @conv_batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x4x1xf32>)
// CHECK-DAG: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}3.000000e+00]]], {{\[\[\[}}8.000000e+00]]]]> : tensor<2x1x1x1xf32>}
// CHECK-DAG: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[5.000000e+00, 6.000000e+00]> : tensor<2xf32>}
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%[[X]], %[[W]], %[[B]]) {{.*}}fused_activation_function = "NONE"
// CHECK-NOT: "tfl.mul"
// CHECK-NOT: "tfl.add"
// CHECK: "tfl.maximum"(%[[C]],
func.func @conv_batch_norm(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<[3.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.mul"(%0, %s) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[[[[5.0, 6.0]]]]> : tensor<1x1x1x2xf32>} : () -> tensor<1x1x1x2xf32>
  %2 = "tfl.add"(%1, %b) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<1x1x1x2xf32>) -> tensor<1x4x4x2xf32>
  %zero = "tfl.pseudo_const"() {value = dense<0.0> : tensor<1x4x4x2xf32>} : () -> tensor<1x4x4x2xf32>
  %3 = "tfl.maximum"(%2, %zero) : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %3 : tensor<1x4x4x2xf32>
}

// -----

// sub(conv, c) subtracts from the bias; the add's fused activation moves to the conv.
// CHECK-LABEL: func.func @conv_sub_then_add_relu
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.500000e+00, 1.750000e+00]> : tensor<2xf32>}
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%{{.*}}, %{{.*}}, %[[B]]) {{.*}}fused_activation_function = "RELU"
// CHECK-NOT: "tfl.sub"
// CHECK-NOT: "tfl.add"
// CHECK: return %[[C]]
func.func @conv_sub_then_add_relu(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1.0]]], [[[2.0]]]]> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %bias = "tfl.pseudo_const"() {value = dense<[1.0, 1.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.conv_2d"(%x, %w, %bias) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %m = "tfl.pseudo_const"() {value = dense<[0.5, 0.25]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.sub"(%0, %m) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %one = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1x4x4x2xf32>} : () -> tensor<1x4x4x2xf32>
  %2 = "tfl.add"(%one, %1) {fused_activation_function = "RELU"} : (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %2 : tensor<1x4x4x2xf32>
}

// -----

// Depthwise filters are [1, H, W, C]: the scale runs along dim 3, and scales the bias.
// CHECK-LABEL: func.func @depthwise_scale
// CHECK-DAG: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[\[\[}}3.000000e+00, 8.000000e+00]]]]> : tensor<1x1x1x2xf32>}
// CHECK-DAG: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[3.000000e+00, 4.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.depthwise_conv_2d"(%{{.*}}, %[[W]], %[[B]])
// CHECK-NOT: "tfl.mul"
func.func @depthwise_scale(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1.0, 2.0]]]]> : tensor<1x1x1x2xf32>} : () -> tensor<1x1x1x2xf32>
  %bias = "tfl.pseudo_const"() {value = dense<[1.0, 1.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.depthwise_conv_2d"(%x, %w, %bias) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<1x1x1x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<[[[[3.0, 4.0]]]]> : tensor<1x1x1x2xf32>} : () -> tensor<1x1x1x2xf32>
  %1 = "tfl.mul"(%s, %0) {fused_activation_function = "NONE"} : (tensor<1x1x1x2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %1 : tensor<1x4x4x2xf32>
}

// -----

// fully_connected weights are [O, I]: the scale runs along rows.
// CHECK-LABEL: func.func @fully_connected_scale_and_bias
// CHECK-DAG: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[}}2.000000e+00, 2.000000e+00, 2.000000e+00], [3.000000e+00, 3.000000e+00, 3.000000e+00]]> : tensor<2x3xf32>}
// CHECK-DAG: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.fully_connected"(%{{.*}}, %[[W]], %[[B]])
// CHECK-NOT: "tfl.mul"
// CHECK-NOT: "tfl.add"
func.func @fully_connected_scale_and_bias(%x: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<4x3xf32>, tensor<2x3xf32>, none) -> tensor<4x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<[[2.0, 3.0]]> : tensor<1x2xf32>} : () -> tensor<1x2xf32>
  %1 = "tfl.mul"(%0, %s) {fused_activation_function = "NONE"} : (tensor<4x2xf32>, tensor<1x2xf32>) -> tensor<4x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %2 = "tfl.add"(%1, %b) {fused_activation_function = "NONE"} : (tensor<4x2xf32>, tensor<2xf32>) -> tensor<4x2xf32>
  return %2 : tensor<4x2xf32>
}

// -----

// transpose_conv's bias is operand 3.
// CHECK-LABEL: func.func @transpose_conv_bias
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[7.000000e+00, 8.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.transpose_conv"(%{{.*}}, %{{.*}}, %{{.*}}, %[[B]])
// CHECK-NOT: "tfl.add"
func.func @transpose_conv_bias(%x: tensor<1x2x2x1xf32>) -> tensor<1x2x2x2xf32> {
  %shape = "tfl.pseudo_const"() {value = dense<[1, 2, 2, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.transpose_conv"(%shape, %w, %x, %none) {fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<4xi32>, tensor<2x1x1x1xf32>, tensor<1x2x2x1xf32>, none) -> tensor<1x2x2x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[7.0, 8.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<1x2x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %1 : tensor<1x2x2x2xf32>
}

// -----

// Before layout: the batch norm sits behind the NHWC->NCHW transpose, its constants
// [1, C, 1, 1] (here broadcast_to of one); the channel dim is 1 there.
// CHECK-LABEL: func.func @through_transpose
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[-1.000000e+00, -2.000000e+00]> : tensor<2xf32>}
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%{{.*}}, %{{.*}}, %[[B]])
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[C]],
// CHECK-NOT: "tfl.sub"
// CHECK: return %[[T]]
func.func @through_transpose(%x: tensor<1x4x4x1xf32>) -> tensor<1x2x4x4xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %p = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %1 = "tfl.transpose"(%0, %p) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %m = "tfl.pseudo_const"() {value = dense<[[[[1.0]], [[2.0]]]]> : tensor<1x2x1x1xf32>} : () -> tensor<1x2x1x1xf32>
  %s = "tfl.pseudo_const"() {value = dense<[1, 2, 4, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %mb = "tfl.broadcast_to"(%m, %s) : (tensor<1x2x1x1xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
  %2 = "tfl.sub"(%1, %mb) {fused_activation_function = "NONE"} : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>
  return %2 : tensor<1x2x4x4xf32>
}

// -----

// The conv's result has a second user: folding would change what that user sees.
// CHECK-LABEL: func.func @conv_with_two_uses
// CHECK: "tfl.conv_2d"(%{{.*}}, %{{.*}}, %{{.*}}) {{.*}}: (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none)
// CHECK: "tfl.add"
func.func @conv_with_two_uses(%x: tensor<1x4x4x1xf32>) -> (tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>) {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[7.0, 8.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %0, %1 : tensor<1x4x4x2xf32>, tensor<1x4x4x2xf32>
}

// -----

// The constant varies along W, not only along channels.
// CHECK-LABEL: func.func @not_per_channel
// CHECK: "tfl.conv_2d"(%{{.*}}, %{{.*}}, %{{.*}}) {{.*}}: (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none)
// CHECK: "tfl.mul"
func.func @not_per_channel(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<[[1.0], [2.0], [3.0], [4.0]]> : tensor<4x1xf32>} : () -> tensor<4x1xf32>
  %1 = "tfl.mul"(%0, %s) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<4x1xf32>) -> tensor<1x4x4x2xf32>
  return %1 : tensor<1x4x4x2xf32>
}

// -----

// The conv already applies an activation: the offset comes after it.
// CHECK-LABEL: func.func @conv_with_fused_activation
// CHECK: "tfl.conv_2d"{{.*}}fused_activation_function = "RELU6"
// CHECK: "tfl.add"
func.func @conv_with_fused_activation(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU6", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[7.0, 8.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<1x4x4x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %1 : tensor<1x4x4x2xf32>
}

// -----

// sub(c, conv) is -conv + c: not a bias change, left alone.
// CHECK-LABEL: func.func @constant_minus_conv
// CHECK: "tfl.sub"
func.func @constant_minus_conv(%x: tensor<1x4x4x1xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x4x4x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[7.0, 8.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %1 = "tfl.sub"(%b, %0) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32>
  return %1 : tensor<1x4x4x2xf32>
}

// -----

// ---- tfl.batch_matmul -------------------------------------------------------------

// torch.nn.Linear as legalized: batch_matmul by the transposed weight, then the bias
// add; it becomes one fully_connected with the weight [O, I] and the bias.
// CHECK-LABEL: func.func @linear
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf32>}
// CHECK-DAG: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e+01, 2.000000e+01]> : tensor<2xf32>}
// CHECK: %[[FC:.*]] = "tfl.fully_connected"(%[[X]], %[[W]], %[[B]]) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"}
// CHECK-NOT: "tfl.batch_matmul"
// CHECK-NOT: "tfl.add"
// CHECK: return %[[FC]]
func.func @linear(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {
  %wt = "tfl.pseudo_const"() {value = dense<[[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]> : tensor<3x2xf32>} : () -> tensor<3x2xf32>
  %0 = "tfl.batch_matmul"(%x, %wt) {adj_x = false, adj_y = false} : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[[10.0, 20.0]]> : tensor<1x2xf32>} : () -> tensor<1x2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<2x2xf32>, tensor<1x2xf32>) -> tensor<2x2xf32>
  return %1 : tensor<2x2xf32>
}

// -----

// Rank-3 input keeps its leading dims; with adj_y the weight is already [O, I].
// CHECK-LABEL: func.func @batched_linear_adj_y
// CHECK: "tfl.fully_connected"(%{{.*}}, %{{.*}}, %{{.*}}) {fused_activation_function = "NONE", keep_num_dims = true, weights_format = "DEFAULT"} : (tensor<5x2x3xf32>, tensor<4x3xf32>, none) -> tensor<5x2x4xf32>
func.func @batched_linear_adj_y(%x: tensor<5x2x3xf32>) -> tensor<5x2x4xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1x4x3xf32>} : () -> tensor<1x4x3xf32>
  %0 = "tfl.batch_matmul"(%x, %w) {adj_x = false, adj_y = true} : (tensor<5x2x3xf32>, tensor<1x4x3xf32>) -> tensor<5x2x4xf32>
  return %0 : tensor<5x2x4xf32>
}

// -----

// A non-constant right-hand side stays a batch_matmul.
// CHECK-LABEL: func.func @batch_matmul_of_activations
// CHECK: "tfl.batch_matmul"
func.func @batch_matmul_of_activations(%x: tensor<2x3xf32>, %y: tensor<3x2xf32>) -> tensor<2x2xf32> {
  %0 = "tfl.batch_matmul"(%x, %y) {adj_x = false, adj_y = false} : (tensor<2x3xf32>, tensor<3x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// BatchMatmulTransposeToAdj: q @ k.transpose(-2, -1) on heads split from [T, H, D]:
// the transpose's last two dims out of order become adj_y, leaving the head split
// [1, 0, 2] that q and v share.
// CHECK-LABEL: func.func @scores_adj_y
// CHECK-SAME: (%[[Q:.*]]: tensor<3x4x2xf32>, %[[K:.*]]: tensor<4x3x2xf32>)
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>}
// CHECK: %[[KH:.*]] = "tfl.transpose"(%[[K]], %[[P]]) : (tensor<4x3x2xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>
// CHECK: "tfl.batch_matmul"(%[[Q]], %[[KH]]) {adj_x = false, adj_y = true}
func.func @scores_adj_y(%q: tensor<3x4x2xf32>, %k: tensor<4x3x2xf32>) -> tensor<3x4x4xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[1, 2, 0]> : tensor<3xi32>} : () -> tensor<3xi32>
  %kt = "tfl.transpose"(%k, %p) : (tensor<4x3x2xf32>, tensor<3xi32>) -> tensor<3x2x4xf32>
  %0 = "tfl.batch_matmul"(%q, %kt) {adj_x = false, adj_y = false} : (tensor<3x4x2xf32>, tensor<3x2x4xf32>) -> tensor<3x4x4xf32>
  return %0 : tensor<3x4x4xf32>
}

// -----

// A transpose of the matrices alone goes into the flag, on either side; a set flag
// clears.
// CHECK-LABEL: func.func @matrix_transposes_into_flags
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<2x3x5xf32>)
// CHECK-NOT: "tfl.transpose"
// CHECK: "tfl.batch_matmul"(%[[A]], %[[B]]) {adj_x = true, adj_y = false} : (tensor<2x3x4xf32>, tensor<2x3x5xf32>) -> tensor<2x4x5xf32>
func.func @matrix_transposes_into_flags(%a: tensor<2x3x4xf32>, %b: tensor<2x3x5xf32>) -> tensor<2x4x5xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %at = "tfl.transpose"(%a, %p) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<2x4x3xf32>
  %bt = "tfl.transpose"(%b, %p) : (tensor<2x3x5xf32>, tensor<3xi32>) -> tensor<2x5x3xf32>
  %0 = "tfl.batch_matmul"(%at, %bt) {adj_x = false, adj_y = true} : (tensor<2x4x3xf32>, tensor<2x5x3xf32>) -> tensor<2x4x5xf32>
  return %0 : tensor<2x4x5xf32>
}

// -----

// Kept: transposes that leave the matrices' dims in order (the head split of v), and
// on the left side one that would stay a TRANSPOSE (adj_x costs the kernel a copy).
// CHECK-LABEL: func.func @head_splits_stay
// CHECK: %[[VH:.*]] = "tfl.transpose"
// CHECK: "tfl.batch_matmul"(%{{.*}}, %[[VH]]) {adj_x = false, adj_y = false}
// CHECK: %[[QT:.*]] = "tfl.transpose"
// CHECK: "tfl.batch_matmul"(%[[QT]], %{{.*}}) {adj_x = false, adj_y = true}
func.func @head_splits_stay(%att: tensor<3x4x4xf32>, %v: tensor<4x3x2xf32>, %q: tensor<4x3x2xf32>, %k: tensor<3x5x4xf32>) -> (tensor<3x4x2xf32>, tensor<3x2x5xf32>) {
  %heads = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %vh = "tfl.transpose"(%v, %heads) : (tensor<4x3x2xf32>, tensor<3xi32>) -> tensor<3x4x2xf32>
  %0 = "tfl.batch_matmul"(%att, %vh) {adj_x = false, adj_y = false} : (tensor<3x4x4xf32>, tensor<3x4x2xf32>) -> tensor<3x4x2xf32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 2, 0]> : tensor<3xi32>} : () -> tensor<3xi32>
  %qt = "tfl.transpose"(%q, %p) : (tensor<4x3x2xf32>, tensor<3xi32>) -> tensor<3x2x4xf32>
  %1 = "tfl.batch_matmul"(%qt, %k) {adj_x = false, adj_y = true} : (tensor<3x2x4xf32>, tensor<3x5x4xf32>) -> tensor<3x2x5xf32>
  return %0, %1 : tensor<3x4x2xf32>, tensor<3x2x5xf32>
}

// -----

// ---- Constant chains ---------------------------------------------------------------

// CHECK-LABEL: func.func @div_by_constant
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[R:.*]] = "tfl.pseudo_const"() {value = dense<2.500000e-01> : tensor<1xf32>}
// CHECK: "tfl.mul"(%[[X]], %[[R]]) {fused_activation_function = "RELU"}
// CHECK-NOT: "tfl.div"
func.func @div_by_constant(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = "tfl.pseudo_const"() {value = dense<4.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "tfl.div"(%x, %c) {fused_activation_function = "RELU"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @mul_mul
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK: %[[K:.*]] = "tfl.pseudo_const"() {value = dense<[6.000000e+00, 1.000000e+01]> : tensor<2xf32>}
// CHECK: %[[M:.*]] = "tfl.mul"(%[[X]], %[[K]])
// CHECK-NOT: "tfl.mul"
// CHECK: return %[[M]]
func.func @mul_mul(%x: tensor<2xf32>) -> tensor<2xf32> {
  %a = "tfl.pseudo_const"() {value = dense<[2.0, 5.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[3.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.mul"(%x, %a) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.mul"(%b, %0) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----

// (x - a) + b is x + (b - a).
// CHECK-LABEL: func.func @sub_add
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK: %[[K:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e+00, -3.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.add"(%[[X]], %[[K]])
// CHECK-NOT: "tfl.sub"
func.func @sub_add(%x: tensor<2xf32>) -> tensor<2xf32> {
  %a = "tfl.pseudo_const"() {value = dense<[2.0, 5.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[3.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.sub"(%x, %a) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----

// A batch norm without a conv before it: (x - m) * s * w + b is one mul and one add.
// CHECK-LABEL: func.func @batch_norm_alone
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[6.000000e+00, 1.000000e+01]> : tensor<2xf32>}
// CHECK: %[[M:.*]] = "tfl.mul"(%[[X]], %[[S]])
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[-5.000000e+00, -4.900000e+01]> : tensor<2xf32>}
// CHECK: %[[A:.*]] = "tfl.add"(%[[M]], %[[B]])
// CHECK-NOT: "tfl.sub"
// CHECK-NOT: "tfl.mul"
// CHECK: return %[[A]]
func.func @batch_norm_alone(%x: tensor<2xf32>) -> tensor<2xf32> {
  %m = "tfl.pseudo_const"() {value = dense<[1.0, 5.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %s = "tfl.pseudo_const"() {value = dense<[2.0, 5.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %w = "tfl.pseudo_const"() {value = dense<[3.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[1.0, 1.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.sub"(%x, %m) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.mul"(%0, %s) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = "tfl.mul"(%1, %w) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %3 = "tfl.add"(%2, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %3 : tensor<2xf32>
}

// -----

// add(mul(x, a), b) has no one-op form: it stays.
// CHECK-LABEL: func.func @mul_add_stays
// CHECK: "tfl.mul"
// CHECK: "tfl.add"
func.func @mul_add_stays(%x: tensor<2xf32>) -> tensor<2xf32> {
  %a = "tfl.pseudo_const"() {value = dense<[2.0, 5.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.mul"(%x, %a) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.add"(%0, %a) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}

// -----

// ---- Identities ----------------------------------------------------------------------

// CHECK-LABEL: func.func @identities
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: "tfl.
// CHECK: return %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]], %[[X]]
func.func @identities(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %zero = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %one = "tfl.pseudo_const"() {value = dense<1.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tfl.add"(%zero, %x) {fused_activation_function = "NONE"} : (tensor<f32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "tfl.sub"(%x, %zero) {fused_activation_function = "NONE"} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2x3xf32>
  %2 = "tfl.mul"(%x, %one) {fused_activation_function = "NONE"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %3 = "tfl.div"(%x, %one) {fused_activation_function = "NONE"} : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %s = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %4 = "tfl.reshape"(%x, %s) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  %p = "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %5 = "tfl.transpose"(%x, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  %6 = "tfl.cast"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// An add of zero that broadcasts x to a larger shape is not an identity.
// CHECK-LABEL: func.func @add_zero_that_broadcasts
// CHECK: "tfl.add"
func.func @add_zero_that_broadcasts(%x: tensor<3xf32>) -> tensor<2x3xf32> {
  %zero = "tfl.pseudo_const"() {value = dense<0.0> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %0 = "tfl.add"(%x, %zero) {fused_activation_function = "NONE"} : (tensor<3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_of_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[3, 2]> : tensor<2xi32>}
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[X]], %[[S]])
// CHECK-NOT: "tfl.reshape"
// CHECK: return %[[R]]
func.func @reshape_of_reshape(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %s1 = "tfl.pseudo_const"() {value = dense<6> : tensor<1xi32>} : () -> tensor<1xi32>
  %0 = "tfl.reshape"(%x, %s1) : (tensor<2x3xf32>, tensor<1xi32>) -> tensor<6xf32>
  %s2 = "tfl.pseudo_const"() {value = dense<[3, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %1 = "tfl.reshape"(%0, %s2) : (tensor<6xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  return %1 : tensor<3x2xf32>
}

// -----

// A per-channel constant already expanded to the full shape (small tensors are
// materialized by tfl-fold-constants) still folds: its elements repeat along H and W.
// CHECK-LABEL: func.func @full_shape_per_channel
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[7.000000e+00, 8.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.conv_2d"(%{{.*}}, %{{.*}}, %[[B]])
// CHECK-NOT: "tfl.add"
func.func @full_shape_per_channel(%x: tensor<1x2x2x1xf32>) -> tensor<1x2x2x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x2x2x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x2x2x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[[[[7.0, 8.0], [7.0, 8.0]], [[7.0, 8.0], [7.0, 8.0]]]]> : tensor<1x2x2x2xf32>} : () -> tensor<1x2x2x2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %1 : tensor<1x2x2x2xf32>
}

// -----

// The same shape, but the values change along W: not per channel.
// CHECK-LABEL: func.func @full_shape_not_per_channel
// CHECK: "tfl.add"
func.func @full_shape_not_per_channel(%x: tensor<1x2x2x1xf32>) -> tensor<1x2x2x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x1xf32>} : () -> tensor<2x1x1x1xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.conv_2d"(%x, %w, %none) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x2x2x1xf32>, tensor<2x1x1x1xf32>, none) -> tensor<1x2x2x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[[[[7.0, 8.0], [7.0, 9.0]], [[7.0, 8.0], [7.0, 8.0]]]]> : tensor<1x2x2x2xf32>} : () -> tensor<1x2x2x2xf32>
  %1 = "tfl.add"(%0, %b) {fused_activation_function = "NONE"} : (tensor<1x2x2x2xf32>, tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32>
  return %1 : tensor<1x2x2x2xf32>
}

// -----

// ---- tfl.transpose -----------------------------------------------------------------

// TransposeSlicesHoist: the q, k and v of a fused projection [T, 3 * H * D], each
// viewed as [T, H, D] and transposed to heads: one view of the whole [T, 3 * H, D],
// one transpose, three slices of whole heads.
// CHECK-LABEL: func.func @qkv_heads
// CHECK-SAME: (%[[QKV:.*]]: tensor<4x12xf32>)
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[QKV]], %{{.*}}) : (tensor<4x12xf32>, tensor<3xi32>) -> tensor<4x6x2xf32>
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>}
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[R]], %[[P]]) : (tensor<4x6x2xf32>, tensor<3xi32>) -> tensor<6x4x2xf32>
// CHECK: %[[B0:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<3xi32>}
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[2, 4, 2]> : tensor<3xi32>}
// CHECK: %[[QH:.*]] = "tfl.slice"(%[[T]], %[[B0]], %[[S]]) : (tensor<6x4x2xf32>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x4x2xf32>
// CHECK: %[[B1:.*]] = "tfl.pseudo_const"() {value = dense<[2, 0, 0]> : tensor<3xi32>}
// CHECK: %[[KH:.*]] = "tfl.slice"(%[[T]], %[[B1]], %{{.*}})
// CHECK: %[[B2:.*]] = "tfl.pseudo_const"() {value = dense<[4, 0, 0]> : tensor<3xi32>}
// CHECK: %[[VH:.*]] = "tfl.slice"(%[[T]], %[[B2]], %{{.*}})
// CHECK-NOT: "tfl.transpose"
// CHECK: return %[[QH]], %[[KH]], %[[VH]]
func.func @qkv_heads(%qkv: tensor<4x12xf32>) -> (tensor<2x4x2xf32>, tensor<2x4x2xf32>, tensor<2x4x2xf32>) {
  %size = "tfl.pseudo_const"() {value = dense<[4, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<[0, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<[0, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %heads = "tfl.pseudo_const"() {value = dense<[4, 2, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %q = "tfl.slice"(%qkv, %b0, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %k = "tfl.slice"(%qkv, %b1, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %v = "tfl.slice"(%qkv, %b2, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %qr = "tfl.reshape"(%q, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %kr = "tfl.reshape"(%k, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %vr = "tfl.reshape"(%v, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %qh = "tfl.transpose"(%qr, %p) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  %kh = "tfl.transpose"(%kr, %p) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  %vh = "tfl.transpose"(%vr, %p) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  return %qh, %kh, %vh : tensor<2x4x2xf32>, tensor<2x4x2xf32>, tensor<2x4x2xf32>
}

// -----

// Without reshapes: slices along the last dim, each transposed alike, become slices
// of one transposed tensor.
// CHECK-LABEL: func.func @halves_transposed
// CHECK-SAME: (%[[X:.*]]: tensor<2x6xf32>)
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<2x6xf32>, tensor<2xi32>) -> tensor<6x2xf32>
// CHECK: "tfl.slice"(%[[T]], %{{.*}}, %{{.*}}) : (tensor<6x2xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3x2xf32>
// CHECK: "tfl.slice"(%[[T]], %{{.*}}, %{{.*}}) : (tensor<6x2xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<3x2xf32>
// CHECK-NOT: "tfl.transpose"
func.func @halves_transposed(%x: tensor<2x6xf32>) -> (tensor<3x2xf32>, tensor<3x2xf32>) {
  %size = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<[0, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %a = "tfl.slice"(%x, %b0, %size) : (tensor<2x6xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x3xf32>
  %b = "tfl.slice"(%x, %b1, %size) : (tensor<2x6xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x3xf32>
  %at = "tfl.transpose"(%a, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %bt = "tfl.transpose"(%b, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  return %at, %bt : tensor<3x2xf32>, tensor<3x2xf32>
}

// -----

// Kept: slices transposed by different permutations, and slices reading less than
// the whole value (one transpose of all of it would move more data than two of parts).
// CHECK-LABEL: func.func @slice_transposes_stay
// CHECK-COUNT-4: "tfl.transpose"
func.func @slice_transposes_stay(%x: tensor<4x12xf32>, %y: tensor<4x12xf32>) -> (tensor<2x4x2xf32>, tensor<2x2x4xf32>, tensor<2x4x2xf32>, tensor<2x4x2xf32>) {
  %size = "tfl.pseudo_const"() {value = dense<[4, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<[0, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %heads = "tfl.pseudo_const"() {value = dense<[4, 2, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %pk = "tfl.pseudo_const"() {value = dense<[1, 2, 0]> : tensor<3xi32>} : () -> tensor<3xi32>
  %q = "tfl.slice"(%x, %b0, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %k = "tfl.slice"(%x, %b1, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %qr = "tfl.reshape"(%q, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %kr = "tfl.reshape"(%k, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %qh = "tfl.transpose"(%qr, %p) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  %kh = "tfl.transpose"(%kr, %pk) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x2x4xf32>
  %c = "tfl.slice"(%y, %b0, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %d = "tfl.slice"(%y, %b1, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %cr = "tfl.reshape"(%c, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %dr = "tfl.reshape"(%d, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %ch = "tfl.transpose"(%cr, %p) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  %dh = "tfl.transpose"(%dr, %p) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  return %qh, %kh, %ch, %dh : tensor<2x4x2xf32>, tensor<2x2x4xf32>, tensor<2x4x2xf32>, tensor<2x4x2xf32>
}

// -----

// TransposeBatchMatmulSwap: a product's matrices transposed after it, (A B)^T, is
// B^T A^T: the operands swap, the flags swap and flip, and the transpose goes.
// CHECK-LABEL: func.func @transposed_product
// CHECK-SAME: (%[[A:.*]]: tensor<2x4x3xf32>, %[[B:.*]]: tensor<2x3x5xf32>)
// CHECK-NOT: "tfl.transpose"
// CHECK: %[[P:.*]] = "tfl.batch_matmul"(%[[B]], %[[A]]) {adj_x = true, adj_y = true} : (tensor<2x3x5xf32>, tensor<2x4x3xf32>) -> tensor<2x5x4xf32>
// CHECK: return %[[P]]
func.func @transposed_product(%a: tensor<2x4x3xf32>, %b: tensor<2x3x5xf32>) -> tensor<2x5x4xf32> {
  %0 = "tfl.batch_matmul"(%a, %b) {adj_x = false, adj_y = false} : (tensor<2x4x3xf32>, tensor<2x3x5xf32>) -> tensor<2x4x5xf32>
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %1 = "tfl.transpose"(%0, %p) : (tensor<2x4x5xf32>, tensor<3xi32>) -> tensor<2x5x4xf32>
  return %1 : tensor<2x5x4xf32>
}

// -----

// Kept: a transpose that moves a batch dim (heads merged back after attention), and a
// product with another user.
// CHECK-LABEL: func.func @product_transposes_stay
// CHECK-COUNT-2: "tfl.transpose"
func.func @product_transposes_stay(%a: tensor<2x4x3xf32>, %b: tensor<2x3x5xf32>, %c: tensor<2x3x4xf32>) -> (tensor<4x2x5xf32>, tensor<2x5x4xf32>, tensor<2x4x5xf32>) {
  %0 = "tfl.batch_matmul"(%a, %b) {adj_x = false, adj_y = false} : (tensor<2x4x3xf32>, tensor<2x3x5xf32>) -> tensor<2x4x5xf32>
  %heads = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %1 = "tfl.transpose"(%0, %heads) : (tensor<2x4x5xf32>, tensor<3xi32>) -> tensor<4x2x5xf32>
  %2 = "tfl.batch_matmul"(%c, %b) {adj_x = true, adj_y = false} : (tensor<2x3x4xf32>, tensor<2x3x5xf32>) -> tensor<2x4x5xf32>
  %p = "tfl.pseudo_const"() {value = dense<[0, 2, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %3 = "tfl.transpose"(%2, %p) : (tensor<2x4x5xf32>, tensor<3xi32>) -> tensor<2x5x4xf32>
  return %1, %3, %2 : tensor<4x2x5xf32>, tensor<2x5x4xf32>, tensor<2x4x5xf32>
}

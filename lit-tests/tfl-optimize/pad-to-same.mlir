// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// TF "same" padding written out: 112 -> 56 with k3 s2 pads 0 before, 1 after.
// CHECK-LABEL: func.func @depthwise_same
// CHECK-NOT: tfl.padv2
// CHECK: "tfl.depthwise_conv_2d"(%arg0, %{{.*}}, %{{.*}}) {{.*}}padding = "SAME"
func.func @depthwise_same(%x: tensor<1x112x112x8xf32>, %w: tensor<1x3x3x8xf32>) -> tensor<1x56x56x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 1], [0, 1], [0, 0]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "tfl.padv2"(%x, %p, %z) : (tensor<1x112x112x8xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x113x113x8xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %1 = "tfl.depthwise_conv_2d"(%0, %w, %n) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x113x113x8xf32>, tensor<1x3x3x8xf32>, none) -> tensor<1x56x56x8xf32>
  return %1 : tensor<1x56x56x8xf32>
}

// -----

// k5 s2 on 56: 1 before, 2 after.
// CHECK-LABEL: func.func @conv_same
// CHECK-NOT: tfl.pad
// CHECK: "tfl.conv_2d"(%arg0, %{{.*}}, %{{.*}}) {{.*}}padding = "SAME"
func.func @conv_same(%x: tensor<1x56x56x4xf32>, %w: tensor<8x5x5x4xf32>) -> tensor<1x28x28x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [1, 2], [1, 2], [0, 0]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %0 = "tfl.pad"(%x, %p) : (tensor<1x56x56x4xf32>, tensor<4x2xi32>) -> tensor<1x59x59x4xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %1 = "tfl.conv_2d"(%0, %w, %n) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x59x59x4xf32>, tensor<8x5x5x4xf32>, none) -> tensor<1x28x28x8xf32>
  return %1 : tensor<1x28x28x8xf32>
}

// -----

// PyTorch's symmetric padding (1, 1) is not SAME for k3 s2 on 56 (SAME pads 0, 1): kept.
// CHECK-LABEL: func.func @conv_symmetric_kept
// CHECK: tfl.pad
// CHECK: padding = "VALID"
func.func @conv_symmetric_kept(%x: tensor<1x56x56x4xf32>, %w: tensor<8x3x3x4xf32>) -> tensor<1x28x28x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [1, 1], [1, 1], [0, 0]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %0 = "tfl.pad"(%x, %p) : (tensor<1x56x56x4xf32>, tensor<4x2xi32>) -> tensor<1x58x58x4xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %1 = "tfl.conv_2d"(%0, %w, %n) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x58x58x4xf32>, tensor<8x3x3x4xf32>, none) -> tensor<1x28x28x8xf32>
  return %1 : tensor<1x28x28x8xf32>
}

// -----

// A max pool needs -inf padding for SAME; zeros are kept.
// CHECK-LABEL: func.func @max_pool
// CHECK: "tfl.max_pool_2d"(%arg0) {{.*}}padding = "SAME"
// CHECK: tfl.padv2
// CHECK: "tfl.max_pool_2d"(%{{.*}}) {{.*}}padding = "VALID"
func.func @max_pool(%x: tensor<1x8x8x4xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) {
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 1], [0, 1], [0, 0]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %inf = "tfl.pseudo_const"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "tfl.padv2"(%x, %p, %inf) : (tensor<1x8x8x4xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x9x9x4xf32>
  %1 = "tfl.max_pool_2d"(%0) {filter_height = 3 : i32, filter_width = 3 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
  %2 = "tfl.padv2"(%x, %p, %z) : (tensor<1x8x8x4xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x9x9x4xf32>
  %3 = "tfl.max_pool_2d"(%2) {filter_height = 3 : i32, filter_width = 3 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
  return %1, %3 : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>
}

// -----

// An NCHW input padded before the layout transpose: the pad moves after it, then
// into the convolution.
// CHECK-LABEL: func.func @nchw_input
// CHECK: %[[T:.*]] = "tfl.transpose"(%arg0
// CHECK-NOT: tfl.pad
// CHECK: "tfl.conv_2d"(%[[T]], %{{.*}}, %{{.*}}) {{.*}}padding = "SAME"
func.func @nchw_input(%x: tensor<1x3x224x224xf32>, %w: tensor<8x3x3x3xf32>) -> tensor<1x112x112x8xf32> {
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 0], [0, 1], [0, 1]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "tfl.padv2"(%x, %p, %z) : (tensor<1x3x224x224xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x3x225x225xf32>
  %perm = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %1 = "tfl.transpose"(%0, %perm) : (tensor<1x3x225x225xf32>, tensor<4xi32>) -> tensor<1x225x225x3xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %2 = "tfl.conv_2d"(%1, %w, %n) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x225x225x3xf32>, tensor<8x3x3x3xf32>, none) -> tensor<1x112x112x8xf32>
  return %2 : tensor<1x112x112x8xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize-bias))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize-bias))' --debug-patterns 2>&1 >/dev/null | FileCheck %s --check-prefix=DEBUG

// Per-channel weights: the bias is int32, per-axis at input scale x each weight scale
// (0.1 x 0.01, 0.1 x 0.02), its values rounded: 0.5 / 0.001 = 500, -0.5 / 0.002 = -250.
// CHECK-LABEL: func.func @per_channel
// DEBUG: [pattern] BiasToInt32 on 'tfl.conv_2d'
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[500, -250]> : tensor<2xi32>} : () -> tensor<2x!quant.uniform<i32:f32:0, {1.000000e-03,2.000000e-03}>>
// CHECK: "tfl.conv_2d"(%arg0, %{{.*}}, %[[B]])
func.func @per_channel(%x: tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:2>>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1]]], [[[-2]]]]> : tensor<2x1x1x1xi8>} : () -> tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %y = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:2>>, tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>, tensor<2xf32>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>
  return %y : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>
}

// -----

// Per-tensor weights give a per-tensor int32 bias.
// CHECK-LABEL: func.func @per_tensor
// DEBUG: [pattern] BiasToInt32 on 'tfl.fully_connected'
// DEBUG-NOT: [pattern]
// CHECK: "tfl.pseudo_const"() {value = dense<[100, -100]> : tensor<2xi32>} : () -> tensor<2x!quant.uniform<i32:f32, 5.000000e-03>>
func.func @per_tensor(%x: tensor<1x3x!quant.uniform<i8:f32, 0.5>>) -> tensor<1x2x!quant.uniform<i8:f32, 0.05>> {
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8:f32, 0.01>>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %y = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x3x!quant.uniform<i8:f32, 0.5>>, tensor<2x3x!quant.uniform<i8:f32, 0.01>>, tensor<2xf32>) -> tensor<1x2x!quant.uniform<i8:f32, 0.05>>
  return %y : tensor<1x2x!quant.uniform<i8:f32, 0.05>>
}

// -----

// A float op (hybrid: float input, int8 weight) keeps its float bias.
// CHECK-LABEL: func.func @hybrid_keeps_float
// CHECK: "tfl.fully_connected"{{.*}}tensor<2xf32>) -> tensor<1x2xf32>
func.func @hybrid_keeps_float(%x: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8:f32, 0.01>>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %y = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x3xf32>, tensor<2x3x!quant.uniform<i8:f32, 0.01>>, tensor<2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize))' | FileCheck %s

// A convolution between dequantize and quantize runs on the int8 values; its output
// takes the quantize's parameters, its float bias stays for tfl-quantize-bias.
// CHECK-LABEL: func.func @conv
// CHECK: %[[W:.*]] = "tfl.pseudo_const"(){{.*}}!quant.uniform<i8<-127:127>:f32:0, {1.000000e-02,2.000000e-02}>
// CHECK: %[[Y:.*]] = "tfl.conv_2d"(%arg0, %[[W]], %{{.*}}){{.*}} -> tensor<1x4x4x2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK-NOT: tfl.quantize
// CHECK: return %[[Y]]
func.func @conv(%x: tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:2>>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1]]], [[[-2]]]]> : tensor<2x1x1x1xi8>} : () -> tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %wf = "tfl.dequantize"(%w) : (tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x1x1x1xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %xf = "tfl.dequantize"(%x) : (tensor<1x4x4x1x!quant.uniform<i8:f32, 0.1:2>>) -> tensor<1x4x4x1xf32>
  %y = "tfl.conv_2d"(%xf, %wf, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x1xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  %q = "tfl.quantize"(%y) {qtype = tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>} : (tensor<1x4x4x2xf32>) -> tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>
  return %q : tensor<1x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>
}

// -----

// Ops that only move values run on the int8 input; the dequantize moves below them.
// CHECK-LABEL: func.func @moves
// CHECK: %[[R:.*]] = "tfl.reshape"(%arg0, %{{.*}}) : (tensor<2x2x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<1xi32>) -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK: %[[F:.*]] = "tfl.dequantize"(%[[R]])
// CHECK: "tfl.exp"(%[[F]])
func.func @moves(%x: tensor<2x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32> {
  %xf = "tfl.dequantize"(%x) : (tensor<2x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<4> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%xf, %s) : (tensor<2x2xf32>, tensor<1xi32>) -> tensor<4xf32>
  %e = "tfl.exp"(%r) : (tensor<4xf32>) -> tensor<4xf32>
  return %e : tensor<4xf32>
}

// -----

// Logistic's int8 kernel fixes its output at scale 1/256, zero point -128; a
// requantize gives the parameters the graph asked for.
// CHECK-LABEL: func.func @fixed_output
// CHECK: %[[L:.*]] = "tfl.logistic"(%arg0) : {{.*}} -> tensor<8x!quant.uniform<i8:f32, 3.906250e-03:-128>>
// CHECK: %[[Q:.*]] = "tfl.quantize"(%[[L]]) {{.*}} -> tensor<8x!quant.uniform<i8:f32, 5.000000e-03:-128>>
// CHECK: return %[[Q]]
func.func @fixed_output(%x: tensor<8x!quant.uniform<i8:f32, 0.1>>) -> tensor<8x!quant.uniform<i8:f32, 0.005:-128>> {
  %xf = "tfl.dequantize"(%x) : (tensor<8x!quant.uniform<i8:f32, 0.1>>) -> tensor<8xf32>
  %l = "tfl.logistic"(%xf) : (tensor<8xf32>) -> tensor<8xf32>
  %q = "tfl.quantize"(%l) {qtype = tensor<8x!quant.uniform<i8:f32, 0.005:-128>>} : (tensor<8xf32>) -> tensor<8x!quant.uniform<i8:f32, 0.005:-128>>
  return %q : tensor<8x!quant.uniform<i8:f32, 0.005:-128>>
}

// -----

// No quantize follows the add, so its output parameters are unknown: it stays float.
// CHECK-LABEL: func.func @free_needs_quantize
// CHECK: "tfl.add"{{.*}} -> tensor<4xf32>
func.func @free_needs_quantize(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32> {
  %xf = "tfl.dequantize"(%x) : (tensor<4x!quant.uniform<i8:f32, 0.1>>) -> tensor<4xf32>
  %a = "tfl.add"(%xf, %xf) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %a : tensor<4xf32>
}

// -----

// Concatenation requantizes inputs of other parameters to its output's.
// CHECK-LABEL: func.func @concat
// CHECK: %[[B:.*]] = "tfl.quantize"(%arg1) {{.*}} -> tensor<2x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK: "tfl.concatenation"(%arg0, %[[B]]) {{.*}} -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01>>
func.func @concat(%a: tensor<2x!quant.uniform<i8:f32, 0.1>>, %b: tensor<2x!quant.uniform<i8:f32, 0.2>>) -> tensor<4x!quant.uniform<i8:f32, 0.1>> {
  %af = "tfl.dequantize"(%a) : (tensor<2x!quant.uniform<i8:f32, 0.1>>) -> tensor<2xf32>
  %bf = "tfl.dequantize"(%b) : (tensor<2x!quant.uniform<i8:f32, 0.2>>) -> tensor<2xf32>
  %c = "tfl.concatenation"(%af, %bf) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  %q = "tfl.quantize"(%c) {qtype = tensor<4x!quant.uniform<i8:f32, 0.1>>} : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.1>>
}

// -----

// A float input with a dequantized int8 weight (dynamic quantization): the
// fully_connected reads the int8 weight directly (a hybrid kernel), quantizing its
// input with a zero point as pt2e's dynamic quantization does.
// CHECK-LABEL: func.func @hybrid
// CHECK: %[[W:.*]] = "tfl.pseudo_const"
// CHECK-NOT: tfl.dequantize
// CHECK: "tfl.fully_connected"(%arg0, %[[W]], %{{.*}}) {asymmetric_quantize_inputs = true, {{.*}} -> tensor<1x2xf32>
func.func @hybrid(%x: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %wf = "tfl.dequantize"(%w) : (tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x3xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %y = "tfl.fully_connected"(%x, %wf, %n) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x3xf32>, tensor<2x3xf32>, none) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

// depthwise_conv_2d's hybrid kernel reads one scale per channel: a per-tensor weight
// stays behind its dequantize.
// CHECK-LABEL: func.func @hybrid_depthwise_needs_channels
// CHECK: %[[F:.*]] = "tfl.dequantize"
// CHECK: "tfl.depthwise_conv_2d"(%arg0, %[[F]],
func.func @hybrid_depthwise_needs_channels(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<1x1x1x2xi8>} : () -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.01>>
  %wf = "tfl.dequantize"(%w) : (tensor<1x1x1x2x!quant.uniform<i8:f32, 0.01>>) -> tensor<1x1x1x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %y = "tfl.depthwise_conv_2d"(%x, %wf, %b) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<1x1x1x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %y : tensor<1x4x4x2xf32>
}

// tfl-quantize with unknown (`?`) dims: int8 types keep the unknown dims.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize))' | FileCheck %s

// A convolution over an unknown batch runs on the int8 values.
// CHECK-LABEL: func.func @conv_unknown_batch
// CHECK: %[[Y:.*]] = "tfl.conv_2d"(%arg0, {{.*}} -> tensor<?x4x4x2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK-NOT: tfl.quantize
// CHECK: return %[[Y]]
func.func @conv_unknown_batch(%x: tensor<?x4x4x1x!quant.uniform<i8:f32, 0.1:2>>) -> tensor<?x4x4x2x!quant.uniform<i8:f32, 0.05:-3>> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1]]], [[[-2]]]]> : tensor<2x1x1x1xi8>} : () -> tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %wf = "tfl.dequantize"(%w) : (tensor<2x1x1x1x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x1x1x1xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.5]> : tensor<2xf32>} : () -> tensor<2xf32>
  %xf = "tfl.dequantize"(%x) : (tensor<?x4x4x1x!quant.uniform<i8:f32, 0.1:2>>) -> tensor<?x4x4x1xf32>
  %y = "tfl.conv_2d"(%xf, %wf, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<?x4x4x1xf32>, tensor<2x1x1x1xf32>, tensor<2xf32>) -> tensor<?x4x4x2xf32>
  %q = "tfl.quantize"(%y) {qtype = tensor<?x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>} : (tensor<?x4x4x2xf32>) -> tensor<?x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>
  return %q : tensor<?x4x4x2x!quant.uniform<i8:f32, 0.05:-3>>
}

// -----

// A reshape to a run-time shape moves int8 values; the dequantize moves below it.
// CHECK-LABEL: func.func @runtime_reshape
// CHECK: %[[R:.*]] = "tfl.reshape"(%arg0, %arg1) : (tensor<?x2x!quant.uniform<i8:f32, 1.000000e-01>>, tensor<1xi32>) -> tensor<?x!quant.uniform<i8:f32, 1.000000e-01>>
// CHECK: "tfl.dequantize"(%[[R]]) {{.*}} -> tensor<?xf32>
func.func @runtime_reshape(%x: tensor<?x2x!quant.uniform<i8:f32, 0.1>>, %s: tensor<1xi32>) -> tensor<?xf32> {
  %xf = "tfl.dequantize"(%x) : (tensor<?x2x!quant.uniform<i8:f32, 0.1>>) -> tensor<?x2xf32>
  %r = "tfl.reshape"(%xf, %s) : (tensor<?x2xf32>, tensor<1xi32>) -> tensor<?xf32>
  return %r : tensor<?xf32>
}

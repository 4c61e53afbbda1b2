// TFL in generic form with properties (`<{...}>`, as TensorFlow's converter prints
// registered TFL ops with --mlir-print-op-generic) writes the same flatbuffer as the
// attribute-dictionary form.
// RUN: edge-translate --mlir-to-tflite %s -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s
// RUN: edge-opt %s -o %t.attrs.mlir
// RUN: edge-translate --mlir-to-tflite %t.attrs.mlir -o %t.attrs.tflite
// RUN: cmp %t.tflite %t.attrs.tflite

// CHECK: CONV_2D inputs=[0, 1, 2] outputs=[3] Conv2DOptions {padding = "SAME", stride_w = 1 : i32, stride_h = 1 : i32, fused_activation_function = "RELU6"
// CHECK: SOFTMAX inputs=[3] outputs=[4] SoftmaxOptions {beta = 0.5 : f32}
"builtin.module"() ({
  "func.func"() <{function_type = (tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32>, sym_name = "main"}> ({
  ^bb0(%x: tensor<1x4x4x2xf32>):
    %w = "tfl.pseudo_const"() <{value = dense<0.25> : tensor<3x3x3x2xf32>}> : () -> tensor<3x3x3x2xf32>
    %b = "tfl.pseudo_const"() <{value = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>}> : () -> tensor<3xf32>
    %c = "tfl.conv_2d"(%x, %w, %b) <{dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU6", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32}> : (tensor<1x4x4x2xf32>, tensor<3x3x3x2xf32>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
    %s = "tfl.softmax"(%c) <{beta = 5.000000e-01 : f32}> : (tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
    "func.return"(%s) : (tensor<1x4x4x3xf32>) -> ()
  }) : () -> ()
}) : () -> ()

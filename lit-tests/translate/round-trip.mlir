// MLIR -> .tflite -> MLIR -> .tflite gives the same bytes, and the MLIR read back is
// equivalent to the source (same ops, attributes, types and constant values).
// RUN: edge-translate --mlir-to-tflite %s -o %t.1.tflite
// RUN: edge-translate --tflite-to-mlir %t.1.tflite -o %t.mlir
// RUN: edge-opt %t.mlir | FileCheck %s
// RUN: edge-translate --mlir-to-tflite %t.mlir -o %t.2.tflite
// RUN: cmp %t.1.tflite %t.2.tflite

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[IN:.*]]: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32>
// CHECK-SAME: tf.entry_function = {inputs = "image", outputs = "features"}
// CHECK-DAG: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{.*}}> : tensor<3x1x1x2xf32>}
// CHECK-DAG: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e-01, 2.000000e-01, 3.000000e-01]> : tensor<3xf32>}
// CHECK: "tfl.conv_2d"(%[[IN]], %[[W]], %[[B]]) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU6", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32}
func.func @main(%image: tensor<1x4x4x2xf32>) -> tensor<1x4x4x3xf32> attributes {tf.entry_function = {inputs = "image", outputs = "features"}} {
  %w = "tfl.pseudo_const"() {value = dense<[[[[1.0, -1.0]]], [[[0.5, 0.5]]], [[[2.0, 0.0]]]]> : tensor<3x1x1x2xf32>} : () -> tensor<3x1x1x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.1, 0.2, 0.3]> : tensor<3xf32>} : () -> tensor<3xf32>
  %0 = "tfl.conv_2d"(%image, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU6", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<3x1x1x2xf32>, tensor<3xf32>) -> tensor<1x4x4x3xf32>
  return %0 : tensor<1x4x4x3xf32>
}

// The hybrid form in a flatbuffer and in LiteRT: conv_2d, depthwise_conv_2d,
// fully_connected and batch_matmul with int8 weights (min-elements=0 quantizes these
// small ones). The writer gives each weight its scales and quantized_dimension, and
// each op the version of its hybrid kernel; LiteRT runs the model within 2% of the
// float one's largest output (int8 weights and run-time int8 inputs: about 1% each).
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-dynamic{min-elements=0}))' -o %t.mlir
// RUN: edge-translate --mlir-to-tflite %t.mlir -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s
// RUN: edge-translate --tflite-to-mlir %t.tflite -o %t.back.mlir
// RUN: edge-translate --mlir-to-tflite %t.back.mlir -o %t.back.tflite
// RUN: cmp %t.tflite %t.back.tflite
// RUN: edge-translate --mlir-to-tflite %s -o %t.float.tflite
// RUN: %python -c "import numpy as np; r = np.random.default_rng(0); np.savez('%t.in.npz', x=r.standard_normal((1, 6, 6, 2), dtype=np.float32), rows=r.standard_normal((2, 4), dtype=np.float32))"
// RUN: %litert-check %t.float.tflite --inputs %t.in.npz --save-outputs %t.float.npz
// RUN: %litert-check %t.tflite --inputs %t.in.npz --expected %t.float.npz --rel-to-max 2e-2 | FileCheck %s --check-prefix=LITERT

// CHECK-DAG: CONV_2D version=5
// CHECK-DAG: DEPTHWISE_CONV_2D version=6
// CHECK-DAG: FULLY_CONNECTED version=12
// CHECK-DAG: BATCH_MATMUL version=4
// CHECK-DAG: tensor<4x3x3x2x!quant.uniform<i8:f32:0, {{.*}}>> shape=[4, 3, 3, 2] buffer={{[0-9]+}} quantized_dimension=0
// CHECK-DAG: tensor<1x3x3x4x!quant.uniform<i8:f32:3, {{.*}}>> shape=[1, 3, 3, 4] buffer={{[0-9]+}} quantized_dimension=3
// CHECK-DAG: tensor<8x4x!quant.uniform<i8:f32:0, {{.*}}>> shape=[8, 4] buffer={{[0-9]+}} quantized_dimension=0
// CHECK-DAG: tensor<4x3x!quant.uniform<i8:f32:1, {{.*}}>> shape=[4, 3] buffer={{[0-9]+}} quantized_dimension=1
// CHECK-DAG: FULLY_CONNECTED {{.*}} asymmetric_quantize_inputs = true
// CHECK-DAG: BATCH_MATMUL {{.*}} asymmetric_quantize_inputs = true
// LITERT: litert-check: PASS (2 of 2 outputs pass)

func.func @main(%x: tensor<1x6x6x2xf32>, %rows: tensor<2x4xf32>) -> (tensor<1x8xf32>, tensor<2x3xf32>) attributes {tf.entry_function = {inputs = "x,rows", outputs = "dense,matmul"}} {
  %w = "tfl.pseudo_const"() {value = dense<[[[[0.25, 0.48], [0.59, 0.88], [0.48, 0.84]], [[-0.94, -0.07], [0.89, 0.3], [0.8, -0.77]], [[-0.06, -0.51], [0.09, 0.15], [-0.97, -0.57]]], [[[-0.44, 0.83], [0.53, -0.68], [0.59, -0.72]], [[0.23, -0.75], [-1.0, 0.74], [-0.58, -0.57]], [[0.96, 0.74], [-0.42, 0.92], [0.08, 0.36]]], [[[-0.59, 0.88], [0.38, 0.93], [0.79, -0.4]], [[-0.28, -0.67], [-0.71, -0.87], [-0.4, 0.21]], [[-0.99, 0.36], [-0.32, -0.38], [0.64, -0.04]]], [[[-0.37, -0.04], [0.41, -0.89], [0.95, -0.95]], [[0.5, 0.69], [-0.96, 0.58], [-0.27, 0.16]], [[-0.98, -0.91], [-0.64, 0.91], [-0.61, 0.51]]]]> : tensor<4x3x3x2xf32>} : () -> tensor<4x3x3x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.86, 0.88, -0.31, -0.29]> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x6x6x2xf32>, tensor<4x3x3x2xf32>, tensor<4xf32>) -> tensor<1x6x6x4xf32>
  %d = "tfl.pseudo_const"() {value = dense<[[[[0.05, 0.55, -0.78, 0.5], [0.59, 0.72, -0.93, 0.89], [-0.82, -0.32, 0.22, 0.84]], [[-0.32, 0.85, 0.09, -0.38], [-0.37, -0.65, -0.84, -0.7], [0.38, 0.99, -0.68, -0.9]], [[0.97, 0.07, -0.19, -0.53], [0.19, 0.65, -0.09, -0.16], [-0.89, 0.83, -0.93, -0.01]]]]> : tensor<1x3x3x4xf32>} : () -> tensor<1x3x3x4xf32>
  %db = "tfl.pseudo_const"() {value = dense<[0.68, -0.74, 0.46, 0.9]> : tensor<4xf32>} : () -> tensor<4xf32>
  %1 = "tfl.depthwise_conv_2d"(%0, %d, %db) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x6x6x4xf32>, tensor<1x3x3x4xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  %axes = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %2 = "tfl.mean"(%1, %axes) {keep_dims = false} : (tensor<1x4x4x4xf32>, tensor<2xi32>) -> tensor<1x4xf32>
  %f = "tfl.pseudo_const"() {value = dense<[[0.26, 0.58, -0.79, -0.13], [-0.7, 0.69, -0.41, -0.09], [1.0, 0.7, 0.95, -0.09], [-0.02, 0.46, -0.04, -0.42], [-0.19, -0.71, -0.25, 0.98], [0.92, 0.25, -0.0, -0.32], [-0.82, -0.46, 0.56, 0.73], [-0.28, 0.57, 0.55, 0.39]]> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
  %fb = "tfl.pseudo_const"() {value = dense<[0.33, 0.52, -0.27, 0.41, -0.44, -0.03, 0.54, 0.38]> : tensor<8xf32>} : () -> tensor<8xf32>
  %3 = "tfl.fully_connected"(%2, %f, %fb) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x4xf32>, tensor<8x4xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  %y = "tfl.pseudo_const"() {value = dense<[[-0.41, 0.89, 0.3], [0.16, -0.98, 0.09], [-0.5, 0.34, -0.07], [0.63, 0.29, 0.6]]> : tensor<4x3xf32>} : () -> tensor<4x3xf32>
  %4 = "tfl.batch_matmul"(%rows, %y) : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  return %3, %4 : tensor<1x8xf32>, tensor<2x3xf32>
}

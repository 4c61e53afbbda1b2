// INT4 weights in a flatbuffer and in LiteRT: an embedding table picked by int64 ids
// and the tied head reading the same INT4 constant, then a fully_connected with its
// own INT4 weight. Every weight is a multiple of its row's max|w| / 7, so INT4 stores
// it exactly: the looked-up rows match the float model exactly, and the fully
// connected outputs within LiteRT's run-time int8 quantization of their inputs (about
// 1% of the largest output each). The writer packs two values a byte (a 4x8 table
// takes 16 bytes) and the reader unpacks them (the round trip writes the same file).
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-int4{min-elements=0}))' -o %t.mlir
// RUN: edge-translate --mlir-to-tflite %t.mlir -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s
// RUN: edge-translate --tflite-to-mlir %t.tflite -o %t.back.mlir
// RUN: edge-translate --mlir-to-tflite %t.back.mlir -o %t.back.tflite
// RUN: cmp %t.tflite %t.back.tflite
// RUN: edge-translate --mlir-to-tflite %s -o %t.float.tflite
// RUN: %python -c "import numpy as np; np.savez('%t.in.npz', ids=np.array([[3, 0, 7, 3, 5]], dtype=np.int64))"
// RUN: %litert-check %t.float.tflite --inputs %t.in.npz --save-outputs %t.float.npz
// RUN: %litert-check %t.tflite --inputs %t.in.npz --expected %t.float.npz --rel-to-max 3e-2 --save-outputs %t.int4.npz | FileCheck %s --check-prefix=LITERT
// RUN: %python -c "import numpy as np; a, b = np.load('%t.int4.npz'), np.load('%t.float.npz'); print('rows exact:', bool((a['rows'] == b['rows']).all()))" | FileCheck %s --check-prefix=EXACT
// The packed INT4 buffers in the large-model layout (data after the flatbuffer): the
// same outputs, bit for bit.
// RUN: edge-translate --mlir-to-tflite --large-layout %t.mlir -o %t.large.tflite
// RUN: %litert-check %t.large.tflite --inputs %t.in.npz --expected %t.int4.npz --atol 0 | FileCheck %s --check-prefix=LITERT

// CHECK-DAG: EMBEDDING_LOOKUP version=4
// CHECK-DAG: FULLY_CONNECTED version=5
// CHECK-DAG: tensor<8x4x!quant.uniform<i4:f32:0, {{.*}}>> shape=[8, 4] buffer=[[TABLE:[0-9]+]] quantized_dimension=0
// CHECK-DAG: [[TABLE]]: 16 bytes
// CHECK-DAG: tensor<6x8x!quant.uniform<i4:f32:0, {{.*}}>> shape=[6, 8] buffer={{[0-9]+}} quantized_dimension=0
// CHECK-DAG: FULLY_CONNECTED {{.*}} asymmetric_quantize_inputs = true
// CHECK-NOT: GATHER
// LITERT: litert-check: PASS (3 of 3 outputs pass)
// EXACT: rows exact: True

func.func @main(%ids: tensor<1x5xi64>) -> (tensor<1x5x4xf32>, tensor<1x5x8xf32>, tensor<1x5x6xf32>) attributes {tf.entry_function = {inputs = "ids", outputs = "rows,logits,dense"}} {
  %t = "tfl.pseudo_const"() {value = dense<[[0.875, -0.5, 0.25, 0.125], [-0.4375, 0.3125, 0.0625, -0.1875], [1.75, 1.0, -0.5, 0.25], [0.125, -0.875, 0.625, 0.375], [0.21875, -0.15625, 0.09375, 0.03125], [-3.5, 2.0, 1.5, -0.5], [0.0, 0.0, 0.0, 0.0], [0.625, 0.875, -0.375, -0.125]]> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
  %rows = "tfl.gather"(%t, %ids) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<8x4xf32>, tensor<1x5xi64>) -> tensor<1x5x4xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %logits = "tfl.fully_connected"(%rows, %t, %none) {fused_activation_function = "NONE", keep_num_dims = true, weights_format = "DEFAULT"} : (tensor<1x5x4xf32>, tensor<8x4xf32>, none) -> tensor<1x5x8xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[0.875, -0.625, 0.5, -0.375, 0.25, -0.125, 0.0, 0.125], [-0.4375, 0.25, 0.1875, 0.0625, -0.3125, 0.375, 0.125, 0.0], [0.75, 0.75, -0.75, 0.0, 0.5, -1.0, 1.75, 0.25], [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, -0.875], [-0.21875, 0.09375, 0.0, 0.0, 0.0, 0.0, 0.0, 0.03125], [0.3125, -0.3125, 0.4375, -0.4375, 0.0625, 0.0, 0.125, -0.1875]]> : tensor<6x8xf32>} : () -> tensor<6x8xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.5, 0.25, 0.0, 1.0, -1.0]> : tensor<6xf32>} : () -> tensor<6xf32>
  %dense = "tfl.fully_connected"(%logits, %w, %b) {fused_activation_function = "NONE", keep_num_dims = true, weights_format = "DEFAULT"} : (tensor<1x5x8xf32>, tensor<6x8xf32>, tensor<6xf32>) -> tensor<1x5x6xf32>
  return %rows, %logits, %dense : tensor<1x5x4xf32>, tensor<1x5x8xf32>, tensor<1x5x6xf32>
}

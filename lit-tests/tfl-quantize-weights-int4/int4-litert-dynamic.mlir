// An INT4 embedding table looked up by ids of a size known only at run time: the ids
// are flattened and the rows shaped back with their run-time shape (SHAPE,
// CONCATENATION, RESHAPE). LiteRT runs it at two lengths and gives the float model's
// rows exactly (every table value is a multiple of its row's max|w| / 7).
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-int4{min-elements=0}))' -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: edge-translate --mlir-to-tflite %t.mlir -o %t.tflite
// RUN: edge-translate --mlir-to-tflite %s -o %t.float.tflite
// RUN: %python -c "import numpy as np; np.savez('%t.a.npz', ids=np.array([[3, 0, 7]], dtype=np.int64)); np.savez('%t.b.npz', ids=np.array([[5, 1, 2, 6, 4, 7, 0]], dtype=np.int64))"
// RUN: %litert-check %t.float.tflite --inputs %t.a.npz --save-outputs %t.a.float.npz
// RUN: %litert-check %t.tflite --inputs %t.a.npz --expected %t.a.float.npz --atol 0 | FileCheck %s --check-prefix=LITERT
// RUN: %litert-check %t.float.tflite --inputs %t.b.npz --save-outputs %t.b.float.npz
// RUN: %litert-check %t.tflite --inputs %t.b.npz --expected %t.b.float.npz --atol 0 | FileCheck %s --check-prefix=LITERT

// CHECK: "tfl.shape"
// CHECK: "tfl.embedding_lookup"{{.*}} -> tensor<?x4xf32>
// CHECK: "tfl.reshape"{{.*}} -> tensor<1x?x4xf32>
// LITERT: litert-check: PASS (1 of 1 output pass)

func.func @main(%ids: tensor<1x?xi64>) -> tensor<1x?x4xf32> attributes {tf.entry_function = {inputs = "ids", outputs = "rows"}} {
  %t = "tfl.pseudo_const"() {value = dense<[[0.875, -0.5, 0.25, 0.125], [-0.4375, 0.3125, 0.0625, -0.1875], [1.75, 1.0, -0.5, 0.25], [0.125, -0.875, 0.625, 0.375], [0.21875, -0.15625, 0.09375, 0.03125], [-3.5, 2.0, 1.5, -0.5], [0.0, 0.0, 0.0, 0.0], [0.625, 0.875, -0.375, -0.125]]> : tensor<8x4xf32>} : () -> tensor<8x4xf32>
  %rows = "tfl.gather"(%t, %ids) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<8x4xf32>, tensor<1x?xi64>) -> tensor<1x?x4xf32>
  return %rows : tensor<1x?x4xf32>
}

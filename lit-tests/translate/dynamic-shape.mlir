// Dynamic dimensions: shape holds 1, shape_signature holds -1; reading back restores ?.
// RUN: edge-translate --mlir-to-tflite %s -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s --check-prefix=DUMP
// RUN: edge-translate --tflite-to-mlir %t.tflite | FileCheck %s --check-prefix=MLIR

// DUMP: 0: "arg0" tensor<?x4xf32> shape=[1, 4] buffer=0 shape_signature=[-1, 4]
// MLIR: func.func @main(%t0: tensor<?x4xf32>) -> (tensor<?x4xf32>)
func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %0 = "tfl.add"(%x, %x) {fused_activation_function = "NONE"} : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

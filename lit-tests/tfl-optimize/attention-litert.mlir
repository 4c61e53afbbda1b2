// The transposes around attention's products, rewritten by tfl-optimize
// (BatchMatmulTransposeToAdj, TransposeSlicesHoist, TransposeBatchMatmulSwap), give
// LiteRT the same numbers as before, bit for bit.
// RUN: edge-translate --mlir-to-tflite %s -o %t.before.tflite
// RUN: %litert-check %t.before.tflite --inputs %S/Inputs/attention.inputs.npz --save-outputs %t.before.npz
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-optimize))' -o %t.after.mlir
// RUN: FileCheck %s --check-prefix=IR --input-file %t.after.mlir
// RUN: edge-translate --mlir-to-tflite %t.after.mlir -o %t.after.tflite
// RUN: %litert-check %t.after.tflite --inputs %S/Inputs/attention.inputs.npz --expected %t.before.npz --atol 0 | FileCheck %s --check-prefix=LITERT

// IR-LABEL: func.func @main
// IR-COUNT-1: "tfl.transpose"
// IR-NOT: "tfl.transpose"
// IR: return

// LITERT: litert-check: PASS (2 of 2 outputs pass)

// Two heads of width 2 from a fused [T, 3 * 4] projection: softmax-free attention
// `(q @ k^T) @ v`, and `(v @ q^T)^T`.
func.func @main(%qkv: tensor<4x12xf32>) -> (tensor<2x4x2xf32>, tensor<2x4x4xf32>) {
  %size = "tfl.pseudo_const"() {value = dense<[4, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<[0, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<[0, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %heads = "tfl.pseudo_const"() {value = dense<[4, 2, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %split = "tfl.pseudo_const"() {value = dense<[1, 0, 2]> : tensor<3xi32>} : () -> tensor<3xi32>
  %split_t = "tfl.pseudo_const"() {value = dense<[1, 2, 0]> : tensor<3xi32>} : () -> tensor<3xi32>
  %swap = "tfl.pseudo_const"() {value = dense<[0, 2, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %q = "tfl.slice"(%qkv, %b0, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %k = "tfl.slice"(%qkv, %b1, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %v = "tfl.slice"(%qkv, %b2, %size) : (tensor<4x12xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<4x4xf32>
  %qr = "tfl.reshape"(%q, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %kr = "tfl.reshape"(%k, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %vr = "tfl.reshape"(%v, %heads) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x2x2xf32>
  %qh = "tfl.transpose"(%qr, %split) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  %kt = "tfl.transpose"(%kr, %split_t) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x2x4xf32>
  %vh = "tfl.transpose"(%vr, %split) : (tensor<4x2x2xf32>, tensor<3xi32>) -> tensor<2x4x2xf32>
  %s = "tfl.batch_matmul"(%qh, %kt) {adj_x = false, adj_y = false} : (tensor<2x4x2xf32>, tensor<2x2x4xf32>) -> tensor<2x4x4xf32>
  %o = "tfl.batch_matmul"(%s, %vh) {adj_x = false, adj_y = false} : (tensor<2x4x4xf32>, tensor<2x4x2xf32>) -> tensor<2x4x2xf32>
  %u = "tfl.batch_matmul"(%vh, %qh) {adj_x = false, adj_y = true} : (tensor<2x4x2xf32>, tensor<2x4x2xf32>) -> tensor<2x4x4xf32>
  %ut = "tfl.transpose"(%u, %swap) : (tensor<2x4x4xf32>, tensor<3xi32>) -> tensor<2x4x4xf32>
  return %o, %ut : tensor<2x4x2xf32>, tensor<2x4x4xf32>
}

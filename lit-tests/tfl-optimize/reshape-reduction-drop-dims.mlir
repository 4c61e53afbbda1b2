// ReshapeReductionDropDims: a reduction that keeps its reduced dims, followed by a
// reshape that only drops them, is the reduction without keep_dims (a global pool and
// flatten at the end of a CNN with no classifier, as in SqueezeNet: one op fewer).
// LiteRT gives the same numbers, bit for bit.
// RUN: edge-opt %s --split-input-file --debug-patterns --pass-pipeline='builtin.module(func.func(tfl-optimize))' -o %t.mlir 2>&1 | FileCheck %s --check-prefix=PATTERNS
// RUN: FileCheck %s --input-file=%t.mlir
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' -o - | edge-opt --split-input-file --verify-each=true -o /dev/null
// RUN: sed -n '/^func.func @main/,/^}/p' %s | edge-translate --mlir-to-tflite -o %t.before.tflite
// RUN: %litert-check %t.before.tflite --inputs %S/Inputs/pool_flatten.inputs.npz --save-outputs %t.before.npz
// RUN: sed -n '/^func.func @main/,/^}/p' %s | edge-opt --pass-pipeline='builtin.module(func.func(tfl-optimize))' | edge-translate --mlir-to-tflite -o %t.after.tflite
// RUN: %litert-check %t.after.tflite --inputs %S/Inputs/pool_flatten.inputs.npz --expected %t.before.npz --atol 0
func.func @main(%x: tensor<2x6x6x3xf32>) -> tensor<2x3xf32> {
  %axes = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %m = "tfl.mean"(%x, %axes) {keep_dims = true} : (tensor<2x6x6x3xf32>, tensor<2xi32>) -> tensor<2x1x1x3xf32> loc("pool")
  %shape = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %r = "tfl.reshape"(%m, %shape) : (tensor<2x1x1x3xf32>, tensor<2xi32>) -> tensor<2x3xf32> loc("flatten")
  return %r : tensor<2x3xf32>
}
// PATTERNS: [pattern] ReshapeReductionDropDims on 'tfl.reshape' at loc("flatten")
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<2x6x6x3xf32>)
// CHECK: %[[M:.*]] = "tfl.mean"(%[[X]], %{{.*}}) {keep_dims = false} : (tensor<2x6x6x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
// CHECK-NOT: "tfl.reshape"
// CHECK: return %[[M]]

// -----

// Any reduction with keep_dims, negative axes too.
// PATTERNS: [pattern] ReshapeReductionDropDims on 'tfl.reshape' at loc("sum_flatten")
// CHECK-LABEL: func.func @sum_negative_axis
// CHECK: "tfl.sum"({{.*}}) {keep_dims = false} : (tensor<4x5xf32>, tensor<1xi32>) -> tensor<4xf32>
// CHECK-NOT: "tfl.reshape"
func.func @sum_negative_axis(%x: tensor<4x5xf32>) -> tensor<4xf32> {
  %axes = "tfl.pseudo_const"() {value = dense<[-1]> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %axes) {keep_dims = true} : (tensor<4x5xf32>, tensor<1xi32>) -> tensor<4x1xf32>
  %shape = "tfl.pseudo_const"() {value = dense<[4]> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%s, %shape) : (tensor<4x1xf32>, tensor<1xi32>) -> tensor<4xf32> loc("sum_flatten")
  return %r : tensor<4xf32>
}

// -----

// Kept: the reshape does more than drop the reduced dims (here it merges the batch
// into them), and a reduction with a second user keeps its shape for that user.
// PATTERNS-NOT: [pattern]
// CHECK-LABEL: func.func @kept
// CHECK: "tfl.mean"({{.*}}) {keep_dims = true}
// CHECK: "tfl.reshape"
// CHECK: "tfl.mean"({{.*}}) {keep_dims = true}
// CHECK: "tfl.reshape"
func.func @kept(%x: tensor<2x6x6x3xf32>) -> (tensor<6xf32>, tensor<2x3xf32>, tensor<2x1x1x3xf32>) {
  %axes = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %m = "tfl.mean"(%x, %axes) {keep_dims = true} : (tensor<2x6x6x3xf32>, tensor<2xi32>) -> tensor<2x1x1x3xf32>
  %shape6 = "tfl.pseudo_const"() {value = dense<[6]> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%m, %shape6) : (tensor<2x1x1x3xf32>, tensor<1xi32>) -> tensor<6xf32>
  %m2 = "tfl.mean"(%x, %axes) {keep_dims = true} : (tensor<2x6x6x3xf32>, tensor<2xi32>) -> tensor<2x1x1x3xf32>
  %shape = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %r2 = "tfl.reshape"(%m2, %shape) : (tensor<2x1x1x3xf32>, tensor<2xi32>) -> tensor<2x3xf32>
  return %r, %r2, %m2 : tensor<6xf32>, tensor<2x3xf32>, tensor<2x1x1x3xf32>
}

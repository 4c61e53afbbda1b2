// tfl-fold-constants evaluates as LiteRT's kernels do: this model runs in LiteRT with
// its constant ops unfolded (outputs saved), then folded (compared exactly, bools and
// integers included): comparisons with a NaN, floor division and modulo of negative
// integers, a gather, a range, a cumsum, reductions, a select of a causal mask.
// RUN: %python -c "import numpy as np; np.savez('%t.in.npz', x=np.array([1.5, -2.0, 0.25], np.float32))"
// RUN: edge-translate --mlir-to-tflite %s -o %t.before.tflite
// RUN: %litert-check %t.before.tflite --inputs %t.in.npz --save-outputs %t.ref.npz
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-fold-constants))' -o %t.folded.mlir
// RUN: FileCheck %s --check-prefix=FOLDED --input-file=%t.folded.mlir
// RUN: edge-translate --mlir-to-tflite %t.folded.mlir -o %t.after.tflite
// RUN: %litert-check %t.after.tflite --inputs %t.in.npz --expected %t.ref.npz --atol 0 --rtol 0 | FileCheck %s

// FOLDED-NOT: tfl.less
// FOLDED-NOT: tfl.not_equal
// FOLDED-NOT: tfl.floor_div
// FOLDED-NOT: tfl.floor_mod
// FOLDED-NOT: tfl.gather
// FOLDED-NOT: tfl.range
// FOLDED-NOT: tfl.cumsum
// FOLDED-NOT: tfl.reduce_max
// FOLDED-NOT: tfl.sum
// FOLDED-NOT: tfl.select_v2
// CHECK: litert-check: PASS

func.func @main(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xi1>, tensor<3xi1>, tensor<4xi32>, tensor<4xi32>, tensor<3x2xf32>, tensor<5xf32>, tensor<4xi32>, tensor<2xf32>, tensor<2xi32>, tensor<3x3xf32>) attributes {tf.entry_function = {inputs = "x", outputs = "y,lt,ne,fdiv,fmod,g,r,cs,mx,sm,mask"}} {
  %f = "tfl.pseudo_const"() {value = dense<[1.0, 0x7FC00000, -3.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %two = "tfl.pseudo_const"() {value = dense<-3.0> : tensor<3xf32>} : () -> tensor<3xf32>
  %lt = "tfl.less"(%f, %two) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %ne = "tfl.not_equal"(%f, %two) : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
  %a = "tfl.pseudo_const"() {value = dense<[-7, 7, 7, -7]> : tensor<4xi32>} : () -> tensor<4xi32>
  %b = "tfl.pseudo_const"() {value = dense<[2, 2, -2, -2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %fdiv = "tfl.floor_div"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %fmod = "tfl.floor_mod"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %t = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]> : tensor<3x2xf32>} : () -> tensor<3x2xf32>
  %i = "tfl.pseudo_const"() {value = dense<[2, 0, 1]> : tensor<3xi64>} : () -> tensor<3xi64>
  %g = "tfl.gather"(%t, %i) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<3x2xf32>, tensor<3xi64>) -> tensor<3x2xf32>
  %r0 = "tfl.pseudo_const"() {value = dense<0.1> : tensor<f32>} : () -> tensor<f32>
  %r1 = "tfl.pseudo_const"() {value = dense<0.6> : tensor<f32>} : () -> tensor<f32>
  %rd = "tfl.pseudo_const"() {value = dense<0.1> : tensor<f32>} : () -> tensor<f32>
  %r = "tfl.range"(%r0, %r1, %rd) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<5xf32>
  %ax = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %cs = "tfl.cumsum"(%a, %ax) {exclusive = false, reverse = true} : (tensor<4xi32>, tensor<i32>) -> tensor<4xi32>
  %ax1 = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %t2 = "tfl.pseudo_const"() {value = dense<[[1.0, -2.0, 3.5], [-4.0, 0.5, -6.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %mx = "tfl.reduce_max"(%t2, %ax1) {keep_dims = false} : (tensor<2x3xf32>, tensor<1xi32>) -> tensor<2xf32>
  %a2 = "tfl.pseudo_const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %sm = "tfl.sum"(%a2, %ax1) {keep_dims = false} : (tensor<2x2xi32>, tensor<1xi32>) -> tensor<2xi32>
  %p0 = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %p3 = "tfl.pseudo_const"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
  %p1 = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
  %pos = "tfl.range"(%p0, %p3, %p1) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<3xi32>
  %s31 = "tfl.pseudo_const"() {value = dense<[3, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %col = "tfl.reshape"(%pos, %s31) : (tensor<3xi32>, tensor<2xi32>) -> tensor<3x1xi32>
  %le = "tfl.less_equal"(%pos, %col) : (tensor<3xi32>, tensor<3x1xi32>) -> tensor<3x3xi1>
  %zero = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %neg = "tfl.pseudo_const"() {value = dense<-1.0e9> : tensor<f32>} : () -> tensor<f32>
  %mask = "tfl.select_v2"(%le, %zero, %neg) : (tensor<3x3xi1>, tensor<f32>, tensor<f32>) -> tensor<3x3xf32>
  %y = "tfl.add"(%x, %f) {fused_activation_function = "NONE"} : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %y, %lt, %ne, %fdiv, %fmod, %g, %r, %cs, %mx, %sm, %mask : tensor<3xf32>, tensor<3xi1>, tensor<3xi1>, tensor<4xi32>, tensor<4xi32>, tensor<3x2xf32>, tensor<5xf32>, tensor<4xi32>, tensor<2xf32>, tensor<2xi32>, tensor<3x3xf32>
}

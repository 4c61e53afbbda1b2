// tfl-fold-constants on computations over constants (a recurrent layer's first step,
// the zero state times its weights; Swin V2's position-bias MLP over a constant table):
// FULLY_CONNECTED (with and without bias, a fused relu), the activations RELU, RELU6,
// LOGISTIC, TANH and the roundings FLOOR, CEIL, ROUND (halves to even), SIGN fold. The
// model runs in LiteRT unfolded (outputs saved), then folded: exact for the roundings
// and relus, within 2e-7 for the products and the transcendental functions (LiteRT's
// kernels round differently).
// RUN: %python -c "import numpy as np; np.savez('%t.in.npz', x=np.array([1.0, 2.0], np.float32))"
// RUN: edge-translate --mlir-to-tflite %s -o %t.before.tflite
// RUN: %litert-check %t.before.tflite --inputs %t.in.npz --save-outputs %t.ref.npz
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-fold-constants))' -o %t.folded.mlir
// RUN: FileCheck %s --check-prefix=FOLDED --input-file=%t.folded.mlir
// RUN: edge-translate --mlir-to-tflite %t.folded.mlir -o %t.after.tflite
// RUN: %litert-check %t.after.tflite --inputs %t.in.npz --expected %t.ref.npz --atol 2e-7 --rtol 2e-7 | FileCheck %s

// FOLDED-NOT: tfl.fully_connected
// FOLDED-NOT: tfl.relu
// FOLDED-NOT: tfl.logistic
// FOLDED-NOT: tfl.tanh
// FOLDED-NOT: tfl.floor
// FOLDED-NOT: tfl.ceil
// FOLDED-NOT: tfl.round
// FOLDED-NOT: tfl.sign
// FOLDED: tfl.add
// CHECK: litert-check: PASS

func.func @main(%x: tensor<2xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<2xf32>) attributes {tf.entry_function = {inputs = "x", outputs = "fc,fc_nobias,relu,relu6,sig,tanh,floor,ceil,round,sign,y"}} {
  %t = "tfl.pseudo_const"() {value = dense<[[0.5, -1.25, 2.0, 0.125], [-3.0, 0.75, 1.5, -0.5]]> : tensor<2x4xf32>} : () -> tensor<2x4xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[0.1, 0.2, -0.3, 0.4], [1.5, -2.5, 0.25, 0.0], [-0.7, 0.3, 0.9, -1.1]]> : tensor<3x4xf32>} : () -> tensor<3x4xf32>
  %b = "tfl.pseudo_const"() {value = dense<[0.5, -0.25, 1.0]> : tensor<3xf32>} : () -> tensor<3xf32>
  %fc = "tfl.fully_connected"(%t, %w, %b) {fused_activation_function = "RELU", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %fc2 = "tfl.fully_connected"(%t, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<2x4xf32>, tensor<3x4xf32>, none) -> tensor<2x3xf32>
  %v = "tfl.pseudo_const"() {value = dense<[-2.5, -0.5, 0.5, 1.5, 2.5, 7.25]> : tensor<6xf32>} : () -> tensor<6xf32>
  %relu = "tfl.relu"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %relu6 = "tfl.relu6"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %sig = "tfl.logistic"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %tanh = "tfl.tanh"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %floor = "tfl.floor"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %ceil = "tfl.ceil"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %round = "tfl.round"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %sign = "tfl.sign"(%v) : (tensor<6xf32>) -> tensor<6xf32>
  %one = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<2xf32>
  %y = "tfl.add"(%x, %one) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %fc, %fc2, %relu, %relu6, %sig, %tanh, %floor, %ceil, %round, %sign, %y : tensor<2x3xf32>, tensor<2x3xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<2xf32>
}

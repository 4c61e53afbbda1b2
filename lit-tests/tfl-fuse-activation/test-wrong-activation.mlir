// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fuse-activation{test-wrong-activation=true}))' | FileCheck %s

// The test-only option plants a wrong rewrite (for `edge-convert --bisect` tests):
// RELU is fused as RELU_N1_TO_1.
// CHECK-LABEL: func.func @fuses_relu_wrongly
// CHECK: "tfl.add"{{.*}}fused_activation_function = "RELU_N1_TO_1"
// CHECK-NOT: tfl.relu
func.func @fuses_relu_wrongly(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Other activations are fused as they are.
// CHECK-LABEL: func.func @fuses_relu6_rightly
// CHECK: "tfl.add"{{.*}}fused_activation_function = "RELU6"
func.func @fuses_relu6_rightly(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu6"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

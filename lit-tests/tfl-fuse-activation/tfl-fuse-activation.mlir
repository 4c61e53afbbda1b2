// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-fuse-activation))' | FileCheck %s

// CHECK-LABEL: func.func @fuses_relu6
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>)
// CHECK: %[[R:.*]] = "tfl.add"(%[[A]], %[[A]]) {fused_activation_function = "RELU6"}
// CHECK-NOT: tfl.relu6
// CHECK: return %[[R]]
func.func @fuses_relu6(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu6"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// The producer's result has another user: fusing would change that user's input.
// CHECK-LABEL: func.func @keeps_shared_producer
// CHECK: "tfl.add"{{.*}}fused_activation_function = "NONE"
// CHECK: "tfl.relu"
func.func @keeps_shared_producer(%a: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// -----

// An activation is already fused: the second one stays.
// CHECK-LABEL: func.func @keeps_already_fused
// CHECK: "tfl.add"{{.*}}fused_activation_function = "RELU"
// CHECK: "tfl.relu_n1_to_1"
func.func @keeps_already_fused(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "RELU"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu_n1_to_1"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// TANH is left alone on purpose.
// CHECK-LABEL: func.func @keeps_tanh
// CHECK: "tfl.tanh"
func.func @keeps_tanh(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.tanh"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// CONCATENATION's kernels do not apply a fused activation: the relu stays.
// CHECK-LABEL: func.func @keeps_concatenation
// CHECK: "tfl.concatenation"{{.*}}fused_activation_function = "NONE"
// CHECK: "tfl.relu"
func.func @keeps_concatenation(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<4xf32> {
  %0 = "tfl.concatenation"(%a, %b) {axis = 0 : i32, fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<4xf32>
  %1 = "tfl.relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

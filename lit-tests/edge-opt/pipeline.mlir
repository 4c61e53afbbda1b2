// Upstream passes alone, and mixed with edge passes, parse and run.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(canonicalize,cse))' | FileCheck %s --check-prefix=UPSTREAM
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,tfl-fuse-activation,canonicalize),edge-verify,symbol-dce)' | FileCheck %s --check-prefix=MIXED
// Our func-level passes written directly under builtin.module are nested for the user.
// RUN: edge-opt %s --pass-pipeline='builtin.module(tfl-fuse-activation)' | FileCheck %s --check-prefix=MIXED

// UPSTREAM-LABEL: func.func @main
// UPSTREAM-SAME: (%[[A:.*]]: tensor<4xf32>
// cse merges the two identical constants.
// UPSTREAM: arith.constant
// UPSTREAM-NOT: arith.constant
// UPSTREAM: %[[ADD:.*]] = "tfl.add"(%[[A]], %{{.*}}) {fused_activation_function = "NONE"}
// UPSTREAM: "tfl.relu"(%[[ADD]])

// MIXED-LABEL: func.func @main
// MIXED: "tfl.add"{{.*}}fused_activation_function = "RELU"
// MIXED-NOT: tfl.relu
// MIXED: return
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %c0 = arith.constant dense<1.0> : tensor<4xf32>
  %c1 = arith.constant dense<1.0> : tensor<4xf32>
  %0 = "tfl.add"(%a, %c0) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "tfl.add"(%1, %c1) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %2 : tensor<4xf32>
}

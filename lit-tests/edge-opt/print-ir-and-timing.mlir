// IR dumps and pass timing go to stderr in MLIR's own format.
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,tfl-fuse-activation))' --mlir-print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(cse,tfl-fuse-activation))' --mlir-timing -o /dev/null 2>&1 | FileCheck %s --check-prefix=TIME

// DUMP: IR Dump After CSE (cse)
// DUMP: IR Dump After tfl-fuse-activation (tfl-fuse-activation)
// DUMP: "tfl.add"{{.*}}RELU6
// TIME: Execution time report
// TIME: CSE
// TIME: tfl-fuse-activation
func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.add"(%a, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.relu6"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

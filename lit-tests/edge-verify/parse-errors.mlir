// Malformed MLIR: the parser's error with its location, exit code 1, no output file.
// RUN: not edge-opt %s -o %t.mlir 2>&1 | FileCheck %s
// RUN: not test -e %t.mlir

// CHECK: parse-errors.mlir:[[@LINE+2]]:{{[0-9]+}}: error: expected ')' to end operand list
func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "tfl.add"(%a, %a {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

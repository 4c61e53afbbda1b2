// Every op without a rule is reported at its location, all at once.
// RUN: edge-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))'

func.func @two_illegal(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  // expected-error@+1 {{failed to legalize operation 'stablehlo.and'}}
  %0 = "stablehlo.and"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // expected-error@+1 {{failed to legalize operation 'stablehlo.popcnt'}}
  %1 = "stablehlo.popcnt"(%0) : (tensor<4xi32>) -> tensor<4xi32>
  return %1 : tensor<4xi32>
}

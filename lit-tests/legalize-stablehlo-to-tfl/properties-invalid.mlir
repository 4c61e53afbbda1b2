// The verifier reads properties (`<{...}>`): a bad or missing one is reported at its op.
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @bad_property(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  // expected-error@+1 {{permutation [0, 0] is not a permutation of range(2) (transpose_c2)}}
  %0 = "stablehlo.transpose"(%x) <{permutation = array<i64: 0, 0>}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
  "func.return"(%0) : (tensor<3x2xf32>) -> ()
}

// -----

func.func @property_of_another_op(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  // expected-error@+1 {{requires attribute 'permutation'}}
  %0 = "stablehlo.transpose"(%x) <{dimensions = array<i64: 1, 0>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}

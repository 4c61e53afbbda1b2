// Regions of stablehlo ops are checked for their shape before any rule or pass reads
// them: one block, ending with stablehlo.return, taking the arguments the op gives it.
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @reduce_body_of_two_blocks(%x: tensor<2x3xf32>, %zero: tensor<f32>) -> tensor<2xf32> {
  // expected-error@+1 {{'stablehlo.reduce' op region #0 must have one block, got 2}}
  %s = "stablehlo.reduce"(%x, %zero) ({
    %c = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  ^bb1(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.multiply"(%b, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %s : tensor<2xf32>
}

// -----

func.func @reduce_body_without_return(%x: tensor<2x3xf32>, %zero: tensor<f32>) -> tensor<2xf32> {
  // expected-error@+1 {{'stablehlo.reduce' op region #0 must end with 'stablehlo.return'}}
  %s = "stablehlo.reduce"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %s : tensor<2xf32>
}

// -----

func.func @reduce_body_with_one_argument(%x: tensor<2x3xf32>, %zero: tensor<f32>) -> tensor<2xf32> {
  // expected-error@+1 {{'stablehlo.reduce' op region #0 must take 2 arguments, got 1}}
  %s = "stablehlo.reduce"(%x, %zero) ({
  ^bb0(%a: tensor<f32>):
    "stablehlo.return"(%a) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  return %s : tensor<2xf32>
}

// -----

func.func @sort_comparator_arguments(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error@+1 {{'stablehlo.sort' op region #0 must take 2 arguments, got 3}}
  %s = "stablehlo.sort"(%x) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>, %c: tensor<f32>):
    %lt = "stablehlo.compare"(%a, %b) {comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
    "stablehlo.return"(%lt) : (tensor<i1>) -> ()
  }) {dimension = 0 : i64, is_stable = true} : (tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}

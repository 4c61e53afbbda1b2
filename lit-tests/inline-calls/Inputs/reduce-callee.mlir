func.func private @sum(%a: tensor<4xf32>) -> tensor<f32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %s = "stablehlo.reduce"(%a, %zero) ({
  ^bb0(%l: tensor<f32>, %r: tensor<f32>):
    %t = "stablehlo.add"(%l, %r) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%t) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<4xf32>, tensor<f32>) -> tensor<f32>
  return %s : tensor<f32>
}
func.func @main(%x: tensor<4xf32>) -> tensor<f32> {
  %0 = func.call @sum(%x) : (tensor<4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

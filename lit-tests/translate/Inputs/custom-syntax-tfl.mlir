func.func @main(%a: tensor<2xf32>, %b: tensor<2xf32>) -> tensor<2xf32> {
  %0 = tfl.add %a, %b {fused_activation_function = "NONE"} : tensor<2xf32>
  return %0 : tensor<2xf32>
}

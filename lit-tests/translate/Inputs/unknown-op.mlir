// An op the tfl catalog does not have.
func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
  // A made-up op name.
  %0 = "tfl.frobnicate"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

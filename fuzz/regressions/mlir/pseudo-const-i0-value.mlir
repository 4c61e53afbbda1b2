func.func @halves_transposed(%x: tensor<2x6xf32>) -> (tensor<3x2xf32>, tensor<3x2xf32>) {
  %size = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<[0, 0]> : tensor<2xi0>} : () -> tensor<2xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %p = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %a = "tfl.slice"(%x, %b0, %size) : (tensor<2x6xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x3xf32>
  %b = "tfl.slice"(%x, %b1, %size) : (tensor<2x6xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x3xf32>
  %at = "tfl.transpose"(%a, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  %bt = "tfl.transpose"(%b, %p) : (tensor<2x3xf32>, tensor<2xi32>) -> tensor<3x2xf32>
  return %at, %bt : tensor<3x2xf32>, tensor<3x2xf32>
}
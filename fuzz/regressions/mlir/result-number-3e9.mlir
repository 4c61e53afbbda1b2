func.func @sort(%x: tensor<4x3xf32>) -> (tensor<4x3xf32>, tensor<4x3xi64>) {
  return %s#0, %s#3000000000 : tensor<4x3xf32>, tensor<4x3xi64>
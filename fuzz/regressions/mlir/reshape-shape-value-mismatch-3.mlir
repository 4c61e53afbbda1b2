func.func @reshape_splits_axis() -> tensor<4xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>} : () -> tensor<2x2x!quant.uniform<i8:f32:0, {0.01:0, 0.02:0}>>
  %f = "tfl.dequantize"(%w) : (tensor<2x2x!quant.uniform<i8:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<4> : tensor<1000xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%f, %s) : (tensor<2x2xf32>, tensor<1xi32>) -> tensor<4xf32>
}
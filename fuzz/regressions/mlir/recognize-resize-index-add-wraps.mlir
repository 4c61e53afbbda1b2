func.func @nearest_wrapped_w_only(%x: tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32> {
  %i = "tfl.pseudo_const"() {value = dense<[0, 0, 1, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %n = "tfl.pseudo_const"() {value = dense<9223372036854775807> : tensor<4xi64>} : () -> tensor<4xi64>
  %z = "tfl.pseudo_const"() {value = dense<0> : tensor<4xi64>} : () -> tensor<4xi64>
  %neg = "tfl.less"(%i, %z) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %up = "tfl.add"(%i, %n) {fused_activation_function = "NONE"} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %j = "tfl.select_v2"(%neg, %up, %i) : (tensor<4xi1>, tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %w = "tfl.gather"(%x, %j) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x2x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x4xf32>
  return %w : tensor<1x2x3x4xf32>
}
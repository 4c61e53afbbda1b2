func.func @iota() -> (tensor<2x3xi64>, tensor<2xf32>) {
  %0 = "stablehlo.iota"() {iota_dimension = 1 : i64} : () -> tensor<2x9007199254740992xi64>
}
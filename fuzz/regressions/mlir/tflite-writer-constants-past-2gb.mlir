// Three distinct 800 MB splats: 2.4 GB of constants, stored once each by MLIR.
func.func @main() -> (tensor<200000000xf32>, tensor<200000000xf32>, tensor<200000000xf32>) {
  %a = "tfl.pseudo_const"() {value = dense<1.0> : tensor<200000000xf32>} : () -> tensor<200000000xf32>
  %b = "tfl.pseudo_const"() {value = dense<2.0> : tensor<200000000xf32>} : () -> tensor<200000000xf32>
  %c = "tfl.pseudo_const"() {value = dense<3.0> : tensor<200000000xf32>} : () -> tensor<200000000xf32>
  return %a, %b, %c : tensor<200000000xf32>, tensor<200000000xf32>, tensor<200000000xf32>
}

// A 1e10-element splat (40 GB once expanded): aborted on allocation in --mlir-to-tflite.
func.func @main() -> tensor<100000x100000xf32> {
  %c = "tfl.pseudo_const"() {value = dense<1.0> : tensor<100000x100000xf32>} : () -> tensor<100000x100000xf32>
  return %c : tensor<100000x100000xf32>
}

// Names an input the function does not have.
func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {
    edge.dynamic_dims = {y = [{dim = 0 : i64, expr = "s0", min = 1 : i64}]}, tf.entry_function = {inputs = "x", outputs = "y"}} {
  return %x : tensor<?x4xf32>
}

// Says a static dim is dynamic.
func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {
    edge.dynamic_dims = {x = [{dim = 1 : i64, expr = "s0", min = 1 : i64}]}, tf.entry_function = {inputs = "x", outputs = "y"}} {
  return %x : tensor<?x4xf32>
}

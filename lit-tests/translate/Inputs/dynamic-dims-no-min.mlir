// A dim without its range.
func.func @main(%x: tensor<?x4xf32>) -> tensor<?x4xf32> attributes {
    edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s0"}]}, tf.entry_function = {inputs = "x", outputs = "y"}} {
  return %x : tensor<?x4xf32>
}

module {
  func.func @main(%arg0: tensor<1x2x?x4xf32>, %arg1: tensor<1x2x1x4xf32>, %arg2: tensor<1xi64>) -> tensor<1x2x?x4xf32> attributes {edge.dynamic_dims = {cache = [{dim = 2 : i64, expr = "s98", max = 32 : i64, min = 4 : i64}]}, tf.entry_function = {inputs = "cache,k,pos", outputs = "output_0"}} {
    %0 = "stablehlo.get_dimension_size"(%arg0) {dimension = 2 : i64} : (tensor<1x2x?x4xf32>) -> tensor<i32>
    %1 = "stablehlo.convert"(%0) : (tensor<i32>) -> tensor<i64>
    %2 = "stablehlo.broadcast_in_dim"(%1) {broadcast_dimensions = array<i64>} : (tensor<i64>) -> tensor<1xi64>
    %3 = "stablehlo.constant"() {value = dense<0> : tensor<1xi64>} : () -> tensor<1xi64>
    %4 = "stablehlo.compare"(%arg2, %3) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi1>
    %5 = "stablehlo.add"(%arg2, %2) : (tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
    %6 = "stablehlo.select"(%4, %5, %arg2) : (tensor<1xi1>, tensor<1xi64>, tensor<1xi64>) -> tensor<1xi64>
    %7 = "stablehlo.reshape"(%6) : (tensor<1xi64>) -> tensor<1x1xi64>
    %8 = "stablehlo.scatter"(%arg0, %7, %arg1) ({
    ^bb0(%arg3: tensor<f32>, %arg4: tensor<f32>):
      "stablehlo.return"(%arg4) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0, 1, 3], inserted_window_dims = [2], scatter_dims_to_operand_dims = [2], index_vector_dim = 1>, unique_indices = false} : (tensor<1x2x?x4xf32>, tensor<1x1xi64>, tensor<1x2x1x4xf32>) -> tensor<1x2x?x4xf32>
    return %8 : tensor<1x2x?x4xf32>
  }
}

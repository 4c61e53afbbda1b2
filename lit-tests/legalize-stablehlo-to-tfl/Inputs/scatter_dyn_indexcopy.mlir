module {
  func.func @main(%arg0: tensor<1x2x32x4xf32>, %arg1: tensor<1x2x?x4xf32>, %arg2: tensor<?xi64>) -> tensor<1x2x32x4xf32> attributes {edge.dynamic_dims = {ipos = [{dim = 0 : i64, expr = "s49", max = 16 : i64, min = 1 : i64}], k = [{dim = 2 : i64, expr = "s49", max = 16 : i64, min = 1 : i64}]}, tf.entry_function = {inputs = "cache,k,ipos", outputs = "output_0"}} {
    %0 = "stablehlo.get_dimension_size"(%arg1) {dimension = 2 : i64} : (tensor<1x2x?x4xf32>) -> tensor<i32>
    %1 = "stablehlo.constant"() {value = dense<32> : tensor<i64>} : () -> tensor<i64>
    %2 = "stablehlo.get_dimension_size"(%arg2) {dimension = 0 : i64} : (tensor<?xi64>) -> tensor<i32>
    %3 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %4 = "stablehlo.concatenate"(%3) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %5 = "stablehlo.dynamic_broadcast_in_dim"(%1, %4) {broadcast_dimensions = array<i64>} : (tensor<i64>, tensor<1xi32>) -> tensor<?xi64>
    %6 = "stablehlo.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
    %7 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %8 = "stablehlo.concatenate"(%7) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %9 = "stablehlo.dynamic_broadcast_in_dim"(%6, %8) {broadcast_dimensions = array<i64>} : (tensor<i64>, tensor<1xi32>) -> tensor<?xi64>
    %10 = "stablehlo.compare"(%arg2, %9) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi1>
    %11 = "stablehlo.add"(%arg2, %5) : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %12 = "stablehlo.select"(%10, %11, %arg2) : (tensor<?xi1>, tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %13 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %14 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %15 = "stablehlo.reshape"(%14) : (tensor<i32>) -> tensor<1xi32>
    %16 = "stablehlo.concatenate"(%13, %15) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %17 = "stablehlo.dynamic_reshape"(%12, %16) : (tensor<?xi64>, tensor<2xi32>) -> tensor<?x1xi64>
    %18 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %19 = "stablehlo.reshape"(%18) : (tensor<i32>) -> tensor<1xi32>
    %20 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %21 = "stablehlo.reshape"(%20) : (tensor<i32>) -> tensor<1xi32>
    %22 = "stablehlo.get_dimension_size"(%17) {dimension = 0 : i64} : (tensor<?x1xi64>) -> tensor<i32>
    %23 = "stablehlo.reshape"(%22) : (tensor<i32>) -> tensor<1xi32>
    %24 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %25 = "stablehlo.reshape"(%24) : (tensor<i32>) -> tensor<1xi32>
    %26 = "stablehlo.concatenate"(%19, %21, %23, %25) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %27 = "stablehlo.dynamic_broadcast_in_dim"(%arg1, %26) {broadcast_dimensions = array<i64: 0, 1, 2, 3>} : (tensor<1x2x?x4xf32>, tensor<4xi32>) -> tensor<1x2x?x4xf32>
    %28 = "stablehlo.scatter"(%arg0, %17, %27) ({
    ^bb0(%arg3: tensor<f32>, %arg4: tensor<f32>):
      "stablehlo.return"(%arg4) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [0, 1, 3], inserted_window_dims = [2], scatter_dims_to_operand_dims = [2], index_vector_dim = 1>, unique_indices = false} : (tensor<1x2x32x4xf32>, tensor<?x1xi64>, tensor<1x2x?x4xf32>) -> tensor<1x2x32x4xf32>
    return %28 : tensor<1x2x32x4xf32>
  }
}

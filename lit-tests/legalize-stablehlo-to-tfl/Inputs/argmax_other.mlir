module {
  func.func @main(%arg0: tensor<2x?x5xf32>) -> tensor<2x?xi64> attributes {edge.dynamic_dims = {x = [{dim = 1 : i64, expr = "s27", max = 32 : i64, min = 2 : i64}]}, tf.entry_function = {inputs = "x", outputs = "output_0"}} {
    %0 = "stablehlo.get_dimension_size"(%arg0) {dimension = 1 : i64} : (tensor<2x?x5xf32>) -> tensor<i32>
    %1 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %2 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %3 = "stablehlo.reshape"(%0) : (tensor<i32>) -> tensor<1xi32>
    %4 = "stablehlo.constant"() {value = dense<5> : tensor<i32>} : () -> tensor<i32>
    %5 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %6 = "stablehlo.concatenate"(%2, %3, %5) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %7 = "stablehlo.dynamic_iota"(%6) {iota_dimension = 2 : i64} : (tensor<3xi32>) -> tensor<2x?x5xi64>
    %8 = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
    %9 = "stablehlo.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
    %10:2 = "stablehlo.reduce"(%arg0, %7, %8, %9) ({
    ^bb0(%arg1: tensor<f32>, %arg2: tensor<i64>, %arg3: tensor<f32>, %arg4: tensor<i64>):
      %11 = "stablehlo.compare"(%arg1, %arg3) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction GT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %12 = "stablehlo.compare"(%arg1, %arg3) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction EQ>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %13 = "stablehlo.compare"(%arg1, %arg1) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %14 = "stablehlo.compare"(%arg3, %arg3) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %15 = "stablehlo.not"(%14) : (tensor<i1>) -> tensor<i1>
      %16 = "stablehlo.and"(%13, %15) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %17 = "stablehlo.or"(%11, %16) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %18 = "stablehlo.and"(%13, %14) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %19 = "stablehlo.or"(%12, %18) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %20 = "stablehlo.compare"(%arg2, %arg4) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
      %21 = "stablehlo.and"(%19, %20) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %22 = "stablehlo.or"(%17, %21) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %23 = "stablehlo.select"(%22, %arg1, %arg3) : (tensor<i1>, tensor<f32>, tensor<f32>) -> tensor<f32>
      %24 = "stablehlo.select"(%22, %arg2, %arg4) : (tensor<i1>, tensor<i64>, tensor<i64>) -> tensor<i64>
      "stablehlo.return"(%23, %24) : (tensor<f32>, tensor<i64>) -> ()
    }) {dimensions = array<i64: 2>} : (tensor<2x?x5xf32>, tensor<2x?x5xi64>, tensor<f32>, tensor<i64>) -> (tensor<2x?xf32>, tensor<2x?xi64>)
    return %10#1 : tensor<2x?xi64>
  }
}

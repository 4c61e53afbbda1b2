module {
  func.func @main(%arg0: tensor<?x?xf32>, %arg1: tensor<?x?xf32>) -> tensor<?x?xf32> attributes {edge.dynamic_dims = {v = [{dim = 0 : i64, expr = "s33", max = 8 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "s81", max = 32 : i64, min = 4 : i64}], x = [{dim = 0 : i64, expr = "s33", max = 8 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "2*s81", max = 64 : i64, min = 8 : i64}]}, tf.entry_function = {inputs = "x,v", outputs = "output_0"}} {
    %0 = "stablehlo.get_dimension_size"(%arg0) {dimension = 0 : i64} : (tensor<?x?xf32>) -> tensor<i32>
    %1 = "stablehlo.get_dimension_size"(%arg1) {dimension = 1 : i64} : (tensor<?x?xf32>) -> tensor<i32>
    %2 = "stablehlo.get_dimension_size"(%arg0) {dimension = 1 : i64} : (tensor<?x?xf32>) -> tensor<i32>
    %3 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %4 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %5 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %6 = "stablehlo.reshape"(%3) : (tensor<i32>) -> tensor<1xi32>
    %7 = "stablehlo.concatenate"(%5, %6) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %8 = "stablehlo.reshape"(%0) : (tensor<i32>) -> tensor<1xi32>
    %9 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %10 = "stablehlo.concatenate"(%8, %9) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %11 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %12 = "stablehlo.reshape"(%11) : (tensor<i32>) -> tensor<1xi32>
    %13 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %14 = "stablehlo.reshape"(%13) : (tensor<i32>) -> tensor<1xi32>
    %15 = "stablehlo.concatenate"(%12, %14) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %16 = "stablehlo.real_dynamic_slice"(%arg0, %7, %10, %15) : (tensor<?x?xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xf32>
    %17 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %18 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %19 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %20 = "stablehlo.subtract"(%1, %18) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %21 = "stablehlo.multiply"(%20, %19) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %22 = "stablehlo.add"(%17, %21) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %23 = "stablehlo.add"(%22, %18) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %24 = "stablehlo.subtract"(%2, %23) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    %25 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %26 = "stablehlo.reshape"(%25) : (tensor<i32>) -> tensor<1xi32>
    %27 = "stablehlo.reshape"(%17) : (tensor<i32>) -> tensor<1xi32>
    %28 = "stablehlo.concatenate"(%26, %27) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %29 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %30 = "stablehlo.reshape"(%29) : (tensor<i32>) -> tensor<1xi32>
    %31 = "stablehlo.reshape"(%24) : (tensor<i32>) -> tensor<1xi32>
    %32 = "stablehlo.concatenate"(%30, %31) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %33 = "stablehlo.constant"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
    %34 = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %35 = "stablehlo.dynamic_pad"(%arg1, %34, %28, %32, %33) : (tensor<?x?xf32>, tensor<f32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xf32>
    %36 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %37 = "stablehlo.get_dimension_size"(%arg1) {dimension = 0 : i64} : (tensor<?x?xf32>) -> tensor<i32>
    %38 = "stablehlo.reshape"(%37) : (tensor<i32>) -> tensor<1xi32>
    %39 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %40 = "stablehlo.concatenate"(%38, %39) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %41 = "stablehlo.dynamic_broadcast_in_dim"(%36, %40) {broadcast_dimensions = array<i64>} : (tensor<i32>, tensor<2xi32>) -> tensor<?x?xi32>
    %42 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %43 = "stablehlo.dynamic_pad"(%41, %42, %28, %32, %33) : (tensor<?x?xi32>, tensor<i32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xi32>
    %44 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %45 = "stablehlo.get_dimension_size"(%43) {dimension = 0 : i64} : (tensor<?x?xi32>) -> tensor<i32>
    %46 = "stablehlo.reshape"(%45) : (tensor<i32>) -> tensor<1xi32>
    %47 = "stablehlo.get_dimension_size"(%43) {dimension = 1 : i64} : (tensor<?x?xi32>) -> tensor<i32>
    %48 = "stablehlo.reshape"(%47) : (tensor<i32>) -> tensor<1xi32>
    %49 = "stablehlo.concatenate"(%46, %48) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %50 = "stablehlo.dynamic_broadcast_in_dim"(%44, %49) {broadcast_dimensions = array<i64>} : (tensor<i32>, tensor<2xi32>) -> tensor<?x?xi32>
    %51 = "stablehlo.compare"(%43, %50) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<?x?xi32>, tensor<?x?xi32>) -> tensor<?x?xi1>
    %52 = "stablehlo.select"(%51, %35, %arg0) : (tensor<?x?xi1>, tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    return %52 : tensor<?x?xf32>
  }
}

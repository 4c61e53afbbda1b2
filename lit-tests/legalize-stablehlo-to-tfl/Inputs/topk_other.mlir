module {
  func.func @main(%arg0: tensor<2x?x5xf32>) -> tensor<2x?x3xf32> attributes {edge.dynamic_dims = {x = [{dim = 1 : i64, expr = "s27", max = 32 : i64, min = 2 : i64}]}, tf.entry_function = {inputs = "x", outputs = "output_0"}} {
    %0 = "stablehlo.get_dimension_size"(%arg0) {dimension = 1 : i64} : (tensor<2x?x5xf32>) -> tensor<i32>
    %1 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %2 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %3 = "stablehlo.reshape"(%0) : (tensor<i32>) -> tensor<1xi32>
    %4 = "stablehlo.constant"() {value = dense<5> : tensor<i32>} : () -> tensor<i32>
    %5 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %6 = "stablehlo.concatenate"(%2, %3, %5) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %7 = "stablehlo.dynamic_iota"(%6) {iota_dimension = 2 : i64} : (tensor<3xi32>) -> tensor<2x?x5xi64>
    %8:2 = "stablehlo.sort"(%arg0, %7) ({
    ^bb0(%arg1: tensor<f32>, %arg2: tensor<f32>, %arg3: tensor<i64>, %arg4: tensor<i64>):
      %53 = "stablehlo.compare"(%arg1, %arg2) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction GT>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %54 = "stablehlo.compare"(%arg1, %arg1) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %55 = "stablehlo.compare"(%arg2, %arg2) {compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction NE>} : (tensor<f32>, tensor<f32>) -> tensor<i1>
      %56 = "stablehlo.not"(%55) : (tensor<i1>) -> tensor<i1>
      %57 = "stablehlo.and"(%54, %56) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      %58 = "stablehlo.or"(%53, %57) : (tensor<i1>, tensor<i1>) -> tensor<i1>
      "stablehlo.return"(%58) : (tensor<i1>) -> ()
    }) {dimension = 2 : i64, is_stable = true} : (tensor<2x?x5xf32>, tensor<2x?x5xi64>) -> (tensor<2x?x5xf32>, tensor<2x?x5xi64>)
    %9 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %10 = "stablehlo.reshape"(%9) : (tensor<i32>) -> tensor<1xi32>
    %11 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %12 = "stablehlo.reshape"(%11) : (tensor<i32>) -> tensor<1xi32>
    %13 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %14 = "stablehlo.reshape"(%13) : (tensor<i32>) -> tensor<1xi32>
    %15 = "stablehlo.concatenate"(%10, %12, %14) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %16 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %17 = "stablehlo.reshape"(%16) : (tensor<i32>) -> tensor<1xi32>
    %18 = "stablehlo.get_dimension_size"(%8#0) {dimension = 1 : i64} : (tensor<2x?x5xf32>) -> tensor<i32>
    %19 = "stablehlo.reshape"(%18) : (tensor<i32>) -> tensor<1xi32>
    %20 = "stablehlo.constant"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
    %21 = "stablehlo.reshape"(%20) : (tensor<i32>) -> tensor<1xi32>
    %22 = "stablehlo.concatenate"(%17, %19, %21) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %23 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %24 = "stablehlo.reshape"(%23) : (tensor<i32>) -> tensor<1xi32>
    %25 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %26 = "stablehlo.reshape"(%25) : (tensor<i32>) -> tensor<1xi32>
    %27 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %28 = "stablehlo.reshape"(%27) : (tensor<i32>) -> tensor<1xi32>
    %29 = "stablehlo.concatenate"(%24, %26, %28) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %30 = "stablehlo.real_dynamic_slice"(%8#0, %15, %22, %29) : (tensor<2x?x5xf32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x?x3xf32>
    %31 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %32 = "stablehlo.reshape"(%31) : (tensor<i32>) -> tensor<1xi32>
    %33 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %34 = "stablehlo.reshape"(%33) : (tensor<i32>) -> tensor<1xi32>
    %35 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %36 = "stablehlo.reshape"(%35) : (tensor<i32>) -> tensor<1xi32>
    %37 = "stablehlo.concatenate"(%32, %34, %36) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %38 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %39 = "stablehlo.reshape"(%38) : (tensor<i32>) -> tensor<1xi32>
    %40 = "stablehlo.get_dimension_size"(%8#1) {dimension = 1 : i64} : (tensor<2x?x5xi64>) -> tensor<i32>
    %41 = "stablehlo.reshape"(%40) : (tensor<i32>) -> tensor<1xi32>
    %42 = "stablehlo.constant"() {value = dense<3> : tensor<i32>} : () -> tensor<i32>
    %43 = "stablehlo.reshape"(%42) : (tensor<i32>) -> tensor<1xi32>
    %44 = "stablehlo.concatenate"(%39, %41, %43) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %45 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %46 = "stablehlo.reshape"(%45) : (tensor<i32>) -> tensor<1xi32>
    %47 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %48 = "stablehlo.reshape"(%47) : (tensor<i32>) -> tensor<1xi32>
    %49 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %50 = "stablehlo.reshape"(%49) : (tensor<i32>) -> tensor<1xi32>
    %51 = "stablehlo.concatenate"(%46, %48, %50) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %52 = "stablehlo.real_dynamic_slice"(%8#1, %37, %44, %51) : (tensor<2x?x5xi64>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<2x?x3xi64>
    return %30 : tensor<2x?x3xf32>
  }
}

module {
  func.func @main(%arg0: tensor<?x?xf32>, %arg1: tensor<?x?xi64>, %arg2: tensor<?x?xf32>) -> tensor<?x?xf32> attributes {edge.dynamic_dims = {idx = [{dim = 0 : i64, expr = "s44", max = 32 : i64, min = 4 : i64}, {dim = 1 : i64, expr = "s20", max = 16 : i64, min = 2 : i64}], u = [{dim = 0 : i64, expr = "s44", max = 32 : i64, min = 4 : i64}, {dim = 1 : i64, expr = "s20", max = 16 : i64, min = 2 : i64}], x = [{dim = 0 : i64, expr = "s44", max = 32 : i64, min = 4 : i64}, {dim = 1 : i64, expr = "s20", max = 16 : i64, min = 2 : i64}]}, tf.entry_function = {inputs = "x,idx,u", outputs = "output_0"}} {
    %0 = "stablehlo.get_dimension_size"(%arg0) {dimension = 0 : i64} : (tensor<?x?xf32>) -> tensor<i32>
    %1 = "stablehlo.get_dimension_size"(%arg0) {dimension = 1 : i64} : (tensor<?x?xf32>) -> tensor<i32>
    %2 = "stablehlo.get_dimension_size"(%arg1) {dimension = 0 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %3 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %4 = "stablehlo.get_dimension_size"(%arg1) {dimension = 1 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %5 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %6 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %7 = "stablehlo.reshape"(%6) : (tensor<i32>) -> tensor<1xi32>
    %8 = "stablehlo.concatenate"(%3, %5, %7) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %9 = "stablehlo.dynamic_reshape"(%arg1, %8) : (tensor<?x?xi64>, tensor<3xi32>) -> tensor<?x?x1xi64>
    %10 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %11 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %12 = "stablehlo.concatenate"(%10, %11) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %13 = "stablehlo.dynamic_iota"(%12) {iota_dimension = 1 : i64} : (tensor<2xi32>) -> tensor<?x?xi64>
    %14 = "stablehlo.get_dimension_size"(%13) {dimension = 0 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %15 = "stablehlo.reshape"(%14) : (tensor<i32>) -> tensor<1xi32>
    %16 = "stablehlo.get_dimension_size"(%13) {dimension = 1 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %17 = "stablehlo.reshape"(%16) : (tensor<i32>) -> tensor<1xi32>
    %18 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %19 = "stablehlo.reshape"(%18) : (tensor<i32>) -> tensor<1xi32>
    %20 = "stablehlo.concatenate"(%15, %17, %19) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %21 = "stablehlo.dynamic_reshape"(%13, %20) : (tensor<?x?xi64>, tensor<3xi32>) -> tensor<?x?x1xi64>
    %22 = "stablehlo.concatenate"(%9, %21) {dimension = 2 : i64} : (tensor<?x?x1xi64>, tensor<?x?x1xi64>) -> tensor<?x?x2xi64>
    %23 = "stablehlo.scatter"(%arg0, %22, %arg2) ({
    ^bb0(%arg3: tensor<f32>, %arg4: tensor<f32>):
      %78 = "stablehlo.maximum"(%arg3, %arg4) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%78) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 2>, unique_indices = false} : (tensor<?x?xf32>, tensor<?x?x2xi64>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %24 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %25 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %26 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %27 = "stablehlo.reshape"(%26) : (tensor<i32>) -> tensor<1xi32>
    %28 = "stablehlo.concatenate"(%24, %25, %27) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %29 = "stablehlo.dynamic_reshape"(%arg1, %28) : (tensor<?x?xi64>, tensor<3xi32>) -> tensor<?x?x1xi64>
    %30 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %31 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %32 = "stablehlo.concatenate"(%30, %31) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %33 = "stablehlo.dynamic_iota"(%32) {iota_dimension = 1 : i64} : (tensor<2xi32>) -> tensor<?x?xi64>
    %34 = "stablehlo.get_dimension_size"(%33) {dimension = 0 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %35 = "stablehlo.reshape"(%34) : (tensor<i32>) -> tensor<1xi32>
    %36 = "stablehlo.get_dimension_size"(%33) {dimension = 1 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %37 = "stablehlo.reshape"(%36) : (tensor<i32>) -> tensor<1xi32>
    %38 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %39 = "stablehlo.reshape"(%38) : (tensor<i32>) -> tensor<1xi32>
    %40 = "stablehlo.concatenate"(%35, %37, %39) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %41 = "stablehlo.dynamic_reshape"(%33, %40) : (tensor<?x?xi64>, tensor<3xi32>) -> tensor<?x?x1xi64>
    %42 = "stablehlo.concatenate"(%29, %41) {dimension = 2 : i64} : (tensor<?x?x1xi64>, tensor<?x?x1xi64>) -> tensor<?x?x2xi64>
    %43 = "stablehlo.scatter"(%arg0, %42, %arg2) ({
    ^bb0(%arg3: tensor<f32>, %arg4: tensor<f32>):
      %78 = "stablehlo.minimum"(%arg3, %arg4) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%78) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 2>, unique_indices = false} : (tensor<?x?xf32>, tensor<?x?x2xi64>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %44 = "stablehlo.constant"() {value = dense<-2.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %45 = "stablehlo.constant"() {value = dense<2.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %46 = "stablehlo.reshape"(%0) : (tensor<i32>) -> tensor<1xi32>
    %47 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %48 = "stablehlo.concatenate"(%46, %47) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %49 = "stablehlo.dynamic_broadcast_in_dim"(%44, %48) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<2xi32>) -> tensor<?x?xf32>
    %50 = "stablehlo.maximum"(%arg2, %49) : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %51 = "stablehlo.reshape"(%0) : (tensor<i32>) -> tensor<1xi32>
    %52 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %53 = "stablehlo.concatenate"(%51, %52) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %54 = "stablehlo.dynamic_broadcast_in_dim"(%45, %53) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<2xi32>) -> tensor<?x?xf32>
    %55 = "stablehlo.minimum"(%50, %54) : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %56 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %57 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %58 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %59 = "stablehlo.reshape"(%58) : (tensor<i32>) -> tensor<1xi32>
    %60 = "stablehlo.concatenate"(%56, %57, %59) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %61 = "stablehlo.dynamic_reshape"(%arg1, %60) : (tensor<?x?xi64>, tensor<3xi32>) -> tensor<?x?x1xi64>
    %62 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %63 = "stablehlo.reshape"(%4) : (tensor<i32>) -> tensor<1xi32>
    %64 = "stablehlo.concatenate"(%62, %63) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %65 = "stablehlo.dynamic_iota"(%64) {iota_dimension = 1 : i64} : (tensor<2xi32>) -> tensor<?x?xi64>
    %66 = "stablehlo.get_dimension_size"(%65) {dimension = 0 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %67 = "stablehlo.reshape"(%66) : (tensor<i32>) -> tensor<1xi32>
    %68 = "stablehlo.get_dimension_size"(%65) {dimension = 1 : i64} : (tensor<?x?xi64>) -> tensor<i32>
    %69 = "stablehlo.reshape"(%68) : (tensor<i32>) -> tensor<1xi32>
    %70 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %71 = "stablehlo.reshape"(%70) : (tensor<i32>) -> tensor<1xi32>
    %72 = "stablehlo.concatenate"(%67, %69, %71) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %73 = "stablehlo.dynamic_reshape"(%65, %72) : (tensor<?x?xi64>, tensor<3xi32>) -> tensor<?x?x1xi64>
    %74 = "stablehlo.concatenate"(%61, %73) {dimension = 2 : i64} : (tensor<?x?x1xi64>, tensor<?x?x1xi64>) -> tensor<?x?x2xi64>
    %75 = "stablehlo.scatter"(%arg0, %74, %55) ({
    ^bb0(%arg3: tensor<f32>, %arg4: tensor<f32>):
      %78 = "stablehlo.multiply"(%arg3, %arg4) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%78) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 2>, unique_indices = false} : (tensor<?x?xf32>, tensor<?x?x2xi64>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %76 = "stablehlo.add"(%23, %43) : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    %77 = "stablehlo.add"(%76, %75) : (tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
    return %77 : tensor<?x?xf32>
  }
}

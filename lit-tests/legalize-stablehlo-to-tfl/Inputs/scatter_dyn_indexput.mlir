module {
  func.func @main(%arg0: tensor<?x?x4xf32>, %arg1: tensor<?xi64>) -> tensor<?x?x4xf32> attributes {edge.dynamic_dims = {idx = [{dim = 0 : i64, expr = "s77", max = 8 : i64, min = 1 : i64}], x = [{dim = 0 : i64, expr = "s77", max = 8 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "s27", max = 64 : i64, min = 4 : i64}]}, tf.entry_function = {inputs = "x,idx", outputs = "output_0"}} {
    %0 = "stablehlo.constant"() {value = dense_resource<lifted_tensor_0> : tensor<f32>} : () -> tensor<f32>
    %1 = "stablehlo.get_dimension_size"(%arg0) {dimension = 0 : i64} : (tensor<?x?x4xf32>) -> tensor<i32>
    %2 = "stablehlo.get_dimension_size"(%arg0) {dimension = 1 : i64} : (tensor<?x?x4xf32>) -> tensor<i32>
    %3 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %4 = "stablehlo.concatenate"(%3) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %5 = "stablehlo.dynamic_iota"(%4) {iota_dimension = 0 : i64} : (tensor<1xi32>) -> tensor<?xi64>
    %6 = "stablehlo.convert"(%1) : (tensor<i32>) -> tensor<i64>
    %7 = "stablehlo.get_dimension_size"(%5) {dimension = 0 : i64} : (tensor<?xi64>) -> tensor<i32>
    %8 = "stablehlo.reshape"(%7) : (tensor<i32>) -> tensor<1xi32>
    %9 = "stablehlo.concatenate"(%8) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %10 = "stablehlo.dynamic_broadcast_in_dim"(%6, %9) {broadcast_dimensions = array<i64>} : (tensor<i64>, tensor<1xi32>) -> tensor<?xi64>
    %11 = "stablehlo.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
    %12 = "stablehlo.reshape"(%7) : (tensor<i32>) -> tensor<1xi32>
    %13 = "stablehlo.concatenate"(%12) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %14 = "stablehlo.dynamic_broadcast_in_dim"(%11, %13) {broadcast_dimensions = array<i64>} : (tensor<i64>, tensor<1xi32>) -> tensor<?xi64>
    %15 = "stablehlo.compare"(%5, %14) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi1>
    %16 = "stablehlo.add"(%5, %10) : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %17 = "stablehlo.select"(%15, %16, %5) : (tensor<?xi1>, tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %18 = "stablehlo.reshape"(%7) : (tensor<i32>) -> tensor<1xi32>
    %19 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %20 = "stablehlo.reshape"(%19) : (tensor<i32>) -> tensor<1xi32>
    %21 = "stablehlo.concatenate"(%18, %20) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %22 = "stablehlo.dynamic_reshape"(%17, %21) : (tensor<?xi64>, tensor<2xi32>) -> tensor<?x1xi64>
    %23 = "stablehlo.convert"(%2) : (tensor<i32>) -> tensor<i64>
    %24 = "stablehlo.get_dimension_size"(%arg1) {dimension = 0 : i64} : (tensor<?xi64>) -> tensor<i32>
    %25 = "stablehlo.reshape"(%24) : (tensor<i32>) -> tensor<1xi32>
    %26 = "stablehlo.concatenate"(%25) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %27 = "stablehlo.dynamic_broadcast_in_dim"(%23, %26) {broadcast_dimensions = array<i64>} : (tensor<i64>, tensor<1xi32>) -> tensor<?xi64>
    %28 = "stablehlo.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
    %29 = "stablehlo.reshape"(%24) : (tensor<i32>) -> tensor<1xi32>
    %30 = "stablehlo.concatenate"(%29) {dimension = 0 : i64} : (tensor<1xi32>) -> tensor<1xi32>
    %31 = "stablehlo.dynamic_broadcast_in_dim"(%28, %30) {broadcast_dimensions = array<i64>} : (tensor<i64>, tensor<1xi32>) -> tensor<?xi64>
    %32 = "stablehlo.compare"(%arg1, %31) {compare_type = #stablehlo<comparison_type SIGNED>, comparison_direction = #stablehlo<comparison_direction LT>} : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi1>
    %33 = "stablehlo.add"(%arg1, %27) : (tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %34 = "stablehlo.select"(%32, %33, %arg1) : (tensor<?xi1>, tensor<?xi64>, tensor<?xi64>) -> tensor<?xi64>
    %35 = "stablehlo.reshape"(%7) : (tensor<i32>) -> tensor<1xi32>
    %36 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %37 = "stablehlo.reshape"(%36) : (tensor<i32>) -> tensor<1xi32>
    %38 = "stablehlo.concatenate"(%35, %37) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %39 = "stablehlo.dynamic_reshape"(%34, %38) : (tensor<?xi64>, tensor<2xi32>) -> tensor<?x1xi64>
    %40 = "stablehlo.concatenate"(%22, %39) {dimension = 1 : i64} : (tensor<?x1xi64>, tensor<?x1xi64>) -> tensor<?x2xi64>
    %41 = "stablehlo.get_dimension_size"(%22) {dimension = 0 : i64} : (tensor<?x1xi64>) -> tensor<i32>
    %42 = "stablehlo.reshape"(%41) : (tensor<i32>) -> tensor<1xi32>
    %43 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %44 = "stablehlo.reshape"(%43) : (tensor<i32>) -> tensor<1xi32>
    %45 = "stablehlo.concatenate"(%42, %44) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %46 = "stablehlo.dynamic_broadcast_in_dim"(%0, %45) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<2xi32>) -> tensor<?x4xf32>
    %47 = "stablehlo.scatter"(%arg0, %40, %46) ({
    ^bb0(%arg2: tensor<f32>, %arg3: tensor<f32>):
      "stablehlo.return"(%arg3) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0, 1], scatter_dims_to_operand_dims = [0, 1], index_vector_dim = 1>, unique_indices = false} : (tensor<?x?x4xf32>, tensor<?x2xi64>, tensor<?x4xf32>) -> tensor<?x?x4xf32>
    %48 = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %49 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %50 = "stablehlo.reshape"(%2) : (tensor<i32>) -> tensor<1xi32>
    %51 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %52 = "stablehlo.reshape"(%51) : (tensor<i32>) -> tensor<1xi32>
    %53 = "stablehlo.concatenate"(%49, %50, %52) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %54 = "stablehlo.dynamic_broadcast_in_dim"(%48, %53) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<3xi32>) -> tensor<?x?x4xf32>
    %55 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %56 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %57 = "stablehlo.reshape"(%56) : (tensor<i32>) -> tensor<1xi32>
    %58 = "stablehlo.concatenate"(%55, %57) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
    %59 = "stablehlo.dynamic_reshape"(%arg1, %58) : (tensor<?xi64>, tensor<2xi32>) -> tensor<?x1xi64>
    %60 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %61 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %62 = "stablehlo.reshape"(%61) : (tensor<i32>) -> tensor<1xi32>
    %63 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %64 = "stablehlo.reshape"(%63) : (tensor<i32>) -> tensor<1xi32>
    %65 = "stablehlo.concatenate"(%60, %62, %64) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %66 = "stablehlo.dynamic_reshape"(%59, %65) : (tensor<?x1xi64>, tensor<3xi32>) -> tensor<?x1x1xi64>
    %67 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %68 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %69 = "stablehlo.reshape"(%68) : (tensor<i32>) -> tensor<1xi32>
    %70 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %71 = "stablehlo.reshape"(%70) : (tensor<i32>) -> tensor<1xi32>
    %72 = "stablehlo.concatenate"(%67, %69, %71) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %73 = "stablehlo.dynamic_broadcast_in_dim"(%66, %72) {broadcast_dimensions = array<i64: 0, 1, 2>} : (tensor<?x1x1xi64>, tensor<3xi32>) -> tensor<?x1x4xi64>
    %74 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %75 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %76 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %77 = "stablehlo.reshape"(%76) : (tensor<i32>) -> tensor<1xi32>
    %78 = "stablehlo.reshape"(%74) : (tensor<i32>) -> tensor<1xi32>
    %79 = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
    %80 = "stablehlo.reshape"(%79) : (tensor<i32>) -> tensor<1xi32>
    %81 = "stablehlo.concatenate"(%77, %78, %80) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %82 = "stablehlo.reshape"(%1) : (tensor<i32>) -> tensor<1xi32>
    %83 = "stablehlo.reshape"(%75) : (tensor<i32>) -> tensor<1xi32>
    %84 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %85 = "stablehlo.reshape"(%84) : (tensor<i32>) -> tensor<1xi32>
    %86 = "stablehlo.concatenate"(%82, %83, %85) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %87 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %88 = "stablehlo.reshape"(%87) : (tensor<i32>) -> tensor<1xi32>
    %89 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %90 = "stablehlo.reshape"(%89) : (tensor<i32>) -> tensor<1xi32>
    %91 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %92 = "stablehlo.reshape"(%91) : (tensor<i32>) -> tensor<1xi32>
    %93 = "stablehlo.concatenate"(%88, %90, %92) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %94 = "stablehlo.real_dynamic_slice"(%arg0, %81, %86, %93) : (tensor<?x?x4xf32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<?x1x4xf32>
    %95 = "stablehlo.get_dimension_size"(%73) {dimension = 0 : i64} : (tensor<?x1x4xi64>) -> tensor<i32>
    %96 = "stablehlo.reshape"(%95) : (tensor<i32>) -> tensor<1xi32>
    %97 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %98 = "stablehlo.reshape"(%97) : (tensor<i32>) -> tensor<1xi32>
    %99 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %100 = "stablehlo.reshape"(%99) : (tensor<i32>) -> tensor<1xi32>
    %101 = "stablehlo.concatenate"(%96, %98, %100) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %102 = "stablehlo.dynamic_iota"(%101) {iota_dimension = 0 : i64} : (tensor<3xi32>) -> tensor<?x1x4xi64>
    %103 = "stablehlo.get_dimension_size"(%102) {dimension = 0 : i64} : (tensor<?x1x4xi64>) -> tensor<i32>
    %104 = "stablehlo.reshape"(%103) : (tensor<i32>) -> tensor<1xi32>
    %105 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %106 = "stablehlo.reshape"(%105) : (tensor<i32>) -> tensor<1xi32>
    %107 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %108 = "stablehlo.reshape"(%107) : (tensor<i32>) -> tensor<1xi32>
    %109 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %110 = "stablehlo.reshape"(%109) : (tensor<i32>) -> tensor<1xi32>
    %111 = "stablehlo.concatenate"(%104, %106, %108, %110) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %112 = "stablehlo.dynamic_reshape"(%102, %111) : (tensor<?x1x4xi64>, tensor<4xi32>) -> tensor<?x1x4x1xi64>
    %113 = "stablehlo.reshape"(%95) : (tensor<i32>) -> tensor<1xi32>
    %114 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %115 = "stablehlo.reshape"(%114) : (tensor<i32>) -> tensor<1xi32>
    %116 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %117 = "stablehlo.reshape"(%116) : (tensor<i32>) -> tensor<1xi32>
    %118 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %119 = "stablehlo.reshape"(%118) : (tensor<i32>) -> tensor<1xi32>
    %120 = "stablehlo.concatenate"(%113, %115, %117, %119) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %121 = "stablehlo.dynamic_reshape"(%73, %120) : (tensor<?x1x4xi64>, tensor<4xi32>) -> tensor<?x1x4x1xi64>
    %122 = "stablehlo.reshape"(%95) : (tensor<i32>) -> tensor<1xi32>
    %123 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %124 = "stablehlo.reshape"(%123) : (tensor<i32>) -> tensor<1xi32>
    %125 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %126 = "stablehlo.reshape"(%125) : (tensor<i32>) -> tensor<1xi32>
    %127 = "stablehlo.concatenate"(%122, %124, %126) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
    %128 = "stablehlo.dynamic_iota"(%127) {iota_dimension = 2 : i64} : (tensor<3xi32>) -> tensor<?x1x4xi64>
    %129 = "stablehlo.get_dimension_size"(%128) {dimension = 0 : i64} : (tensor<?x1x4xi64>) -> tensor<i32>
    %130 = "stablehlo.reshape"(%129) : (tensor<i32>) -> tensor<1xi32>
    %131 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %132 = "stablehlo.reshape"(%131) : (tensor<i32>) -> tensor<1xi32>
    %133 = "stablehlo.constant"() {value = dense<4> : tensor<i32>} : () -> tensor<i32>
    %134 = "stablehlo.reshape"(%133) : (tensor<i32>) -> tensor<1xi32>
    %135 = "stablehlo.constant"() {value = dense<1> : tensor<i32>} : () -> tensor<i32>
    %136 = "stablehlo.reshape"(%135) : (tensor<i32>) -> tensor<1xi32>
    %137 = "stablehlo.concatenate"(%130, %132, %134, %136) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %138 = "stablehlo.dynamic_reshape"(%128, %137) : (tensor<?x1x4xi64>, tensor<4xi32>) -> tensor<?x1x4x1xi64>
    %139 = "stablehlo.concatenate"(%112, %121, %138) {dimension = 3 : i64} : (tensor<?x1x4x1xi64>, tensor<?x1x4x1xi64>, tensor<?x1x4x1xi64>) -> tensor<?x1x4x3xi64>
    %140 = "stablehlo.scatter"(%54, %139, %94) ({
    ^bb0(%arg2: tensor<f32>, %arg3: tensor<f32>):
      %142 = "stablehlo.add"(%arg2, %arg3) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%142) : (tensor<f32>) -> ()
    }) {indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<inserted_window_dims = [0, 1, 2], scatter_dims_to_operand_dims = [0, 1, 2], index_vector_dim = 3>, unique_indices = false} : (tensor<?x?x4xf32>, tensor<?x1x4x3xi64>, tensor<?x1x4xf32>) -> tensor<?x?x4xf32>
    %141 = "stablehlo.add"(%47, %140) : (tensor<?x?x4xf32>, tensor<?x?x4xf32>) -> tensor<?x?x4xf32>
    return %141 : tensor<?x?x4xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      lifted_tensor_0: "0x400000000000803F"
    }
  }
#-}

func.func @main(%cache: tensor<1x2x32x4xf32>, %k: tensor<1x2x?x4xf32>, %pos: tensor<i32>, %ids: tensor<?x32xi32>, %row: tensor<1x?xi32>, %mask: tensor<?x32xi1>, %on: tensor<1x?xi1>) -> (tensor<1x2x32x4xf32>, tensor<?x32xi32>, tensor<?x32xi1>) attributes {tf.entry_function = {inputs = "cache,k,pos,ids,row,mask,on", outputs = "cache_out,ids_out,mask_out"}} {
  %z = "stablehlo.constant"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %0 = "stablehlo.dynamic_update_slice"(%cache, %k, %z, %z, %pos, %z) : (tensor<1x2x32x4xf32>, tensor<1x2x?x4xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x2x32x4xf32>
  %p64 = "stablehlo.convert"(%pos) : (tensor<i32>) -> tensor<i64>
  %z64 = "stablehlo.constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
  %1 = "stablehlo.dynamic_update_slice"(%ids, %row, %z64, %p64) : (tensor<?x32xi32>, tensor<1x?xi32>, tensor<i64>, tensor<i64>) -> tensor<?x32xi32>
  %2 = "stablehlo.dynamic_update_slice"(%mask, %on, %z, %pos) : (tensor<?x32xi1>, tensor<1x?xi1>, tensor<i32>, tensor<i32>) -> tensor<?x32xi1>
  return %0, %1, %2 : tensor<1x2x32x4xf32>, tensor<?x32xi32>, tensor<?x32xi1>
}

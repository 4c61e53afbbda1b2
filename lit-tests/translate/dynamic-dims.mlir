// Dim ranges: the entry function's `edge.dynamic_dims` goes to the metadata entry
// "edge_dynamic_dims" as JSON (inputs in the function's order, keys dim/expr/min/max),
// reading the file back restores the attribute, and writing that gives the same bytes.
// RUN: edge-translate --mlir-to-tflite %s -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s --check-prefix=DUMP
// RUN: edge-translate --tflite-to-mlir %t.tflite -o %t.mlir
// RUN: edge-opt %t.mlir | FileCheck %s --check-prefix=MLIR
// RUN: edge-translate --mlir-to-tflite %t.mlir -o %t.2.tflite
// RUN: cmp %t.tflite %t.2.tflite

// DUMP: 0: "ids" tensor<?x?xi32> shape=[1, 1] buffer=0 shape_signature=[-1, -1]
// DUMP: 1: "x" tensor<?x3x?x?xf32> shape=[1, 3, 1, 1] buffer=0 shape_signature=[-1, 3, -1, -1]
// DUMP: metadata "edge_dynamic_dims" buffer={{[0-9]+}} value={"ids":[{"dim":0,"expr":"s0","min":1,"max":4},{"dim":1,"expr":"s1","min":1}],"x":[{"dim":0,"expr":"s0","min":1,"max":4},{"dim":2,"expr":"8*s2","min":16,"max":64},{"dim":3,"expr":"8*s3","min":16,"max":64}]}
// MLIR: func.func @main(%{{.*}}: tensor<?x?xi32>, %{{.*}}: tensor<?x3x?x?xf32>)
// MLIR-SAME: attributes {edge.dynamic_dims = {ids = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "s1", min = 1 : i64}], x = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}, {dim = 2 : i64, expr = "8*s2", max = 64 : i64, min = 16 : i64}, {dim = 3 : i64, expr = "8*s3", max = 64 : i64, min = 16 : i64}]}, tf.entry_function = {inputs = "ids,x", outputs = "y,z"}}
func.func @main(%ids: tensor<?x?xi32>, %x: tensor<?x3x?x?xf32>) -> (tensor<?x?xi32>, tensor<?x3x?x?xf32>) attributes {
    edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}, {dim = 2 : i64, expr = "8*s2", max = 64 : i64, min = 16 : i64}, {dim = 3 : i64, expr = "8*s3", max = 64 : i64, min = 16 : i64}],
                         ids = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "s1", min = 1 : i64}]},
    tf.entry_function = {inputs = "ids,x", outputs = "y,z"}} {
  %0 = "tfl.add"(%ids, %ids) {fused_activation_function = "NONE"} : (tensor<?x?xi32>, tensor<?x?xi32>) -> tensor<?x?xi32>
  %1 = "tfl.relu"(%x) : (tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  return %0, %1 : tensor<?x?xi32>, tensor<?x3x?x?xf32>
}

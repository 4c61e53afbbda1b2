// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-channel-last-io))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-channel-last-io,tfl-layout-nhwc))' | FileCheck %s --check-prefix=LAYOUT

// 4-D input and output become NHWC, transposed back to NCHW inside.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
// CHECK: %[[IN:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<1x4x5x3xf32>, tensor<4xi32>) -> tensor<1x3x4x5xf32>
// CHECK: %[[R:.*]] = "tfl.relu"(%[[IN]])
// CHECK: %[[OUT:.*]] = "tfl.transpose"(%[[R]], %{{.*}}) : (tensor<1x3x4x5xf32>, tensor<4xi32>) -> tensor<1x4x5x3xf32>
// CHECK: return %[[OUT]]
// The layout pass then sinks the input's transpose into the output's: none is left.
// LAYOUT-LABEL: func.func @main
// LAYOUT-NOT: tfl.transpose
// LAYOUT: "tfl.relu"(%{{.*}}) : (tensor<1x4x5x3xf32>) -> tensor<1x4x5x3xf32>
func.func @main(%x: tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32> {
  %0 = "tfl.relu"(%x) : (tensor<1x3x4x5xf32>) -> tensor<1x3x4x5xf32>
  return %0 : tensor<1x3x4x5xf32>
}

// -----

// Values of other ranks keep their types.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK-NOT: tfl.transpose
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "tfl.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Dynamic dims move with their dims, and `edge.dynamic_dims` follows: x's batch stays
// dim 0, its H (dim 2) and W (dim 3) become dims 1 and 2; the 2-D input keeps its dims.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x?x3xf32>, %{{.*}}: tensor<?x4xf32>) -> (tensor<?x?x?x3xf32>, tensor<?x4xf32>)
// CHECK-SAME: edge.dynamic_dims = {ids = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}], x = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}, {dim = 1 : i64, expr = "8*s1", max = 32 : i64, min = 16 : i64}, {dim = 2 : i64, expr = "8*s2", min = 16 : i64}]}
// CHECK: "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<?x?x?x3xf32>, tensor<4xi32>) -> tensor<?x3x?x?xf32>
// CHECK: "tfl.transpose"(%{{.*}}, %{{.*}}) : (tensor<?x3x?x?xf32>, tensor<4xi32>) -> tensor<?x?x?x3xf32>
func.func @main(%x: tensor<?x3x?x?xf32>, %ids: tensor<?x4xf32>) -> (tensor<?x3x?x?xf32>, tensor<?x4xf32>) attributes {
    edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}, {dim = 2 : i64, expr = "8*s1", max = 32 : i64, min = 16 : i64}, {dim = 3 : i64, expr = "8*s2", min = 16 : i64}],
                         ids = [{dim = 0 : i64, expr = "s0", max = 4 : i64, min = 1 : i64}]},
    tf.entry_function = {inputs = "x,ids", outputs = "y,z"}} {
  %0 = "tfl.relu"(%x) : (tensor<?x3x?x?xf32>) -> tensor<?x3x?x?xf32>
  return %0, %ids : tensor<?x3x?x?xf32>, tensor<?x4xf32>
}

// -----

// Without tf.entry_function the inputs are arg0, arg1... as the writer names them.
// CHECK-LABEL: func.func @main
// CHECK-SAME: (%{{.*}}: tensor<1x4x?x?xf32>)
// CHECK-SAME: edge.dynamic_dims = {arg0 = [{dim = 2 : i64, expr = "s1", min = 2 : i64}, {dim = 3 : i64, expr = "s0", min = 1 : i64}]}
func.func @main(%x: tensor<1x?x4x?xf32>) -> tensor<1x?x4x?xf32> attributes {
    edge.dynamic_dims = {arg0 = [{dim = 1 : i64, expr = "s0", min = 1 : i64}, {dim = 3 : i64, expr = "s1", min = 2 : i64}]}} {
  return %x : tensor<1x?x4x?xf32>
}

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

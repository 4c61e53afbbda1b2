// Small weights (min-elements=4) so the values can be read: fully_connected weights
// INT4 per output channel, symmetric, narrow range, scale = max|w| / 7, zero point 0;
// tables picked by row gathers INT4 per row, read by embedding_lookup.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-int4{min-elements=4}))' --verify-diagnostics | FileCheck %s

// FullyConnectedInt4: rows are channels; an all-zero row takes scale 1. The op reads
// the i4 constant and quantizes its input at run time; the bias stays f32.
// CHECK-LABEL: func.func @fully_connected
// CHECK-SAME: (%[[X:.*]]: tensor<4x3xf32>)
// CHECK: %[[W:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[7, -4, 0], [0, 0, 0]]> : tensor<2x3xi4>} : () -> tensor<2x3x!quant.uniform<i4<-7:7>:f32:0, {1.250000e-01,1.000000e+00}>>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.fully_connected"(%[[X]], %[[W]], %[[B]]) {asymmetric_quantize_inputs = true, {{.*}}} : (tensor<4x3xf32>, tensor<2x3x!quant.uniform<{{.*}}>>, tensor<2xf32>) -> tensor<4x2xf32>
func.func @fully_connected(%x: tensor<4x3xf32>) -> tensor<4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[0.875, -0.5, 0.0], [0.0, 0.0, 0.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %b = "tfl.pseudo_const"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %0 = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<4x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// GatherRowsEmbeddingLookup, tied head: the table a gather picks rows from is also a
// fully_connected weight (both per row, dim 0): one INT4 constant serves both. The
// int64 ids of two dims are cast to int32 and flattened; the rows take the gather's
// shape back. No f32 copy stays.
// CHECK-LABEL: func.func @tied_head
// CHECK-SAME: (%[[IDS:.*]]: tensor<1x3xi64>)
// CHECK: %[[T:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[7, -3], [7, 7], [7, -7], [7, 3], [0, 7]]> : tensor<5x2xi4>} : () -> tensor<5x2x!quant.uniform<i4<-7:7>:f32:0,
// CHECK: %[[I32:.*]] = "tfl.cast"(%[[IDS]]) : (tensor<1x3xi64>) -> tensor<1x3xi32>
// CHECK: %[[FLAT:.*]] = "tfl.reshape"(%[[I32]], %{{.*}}) : (tensor<1x3xi32>, tensor<1xi32>) -> tensor<3xi32>
// CHECK: %[[ROWS:.*]] = "tfl.embedding_lookup"(%[[FLAT]], %[[T]]) : (tensor<3xi32>, tensor<5x2x!quant.uniform<{{.*}}>>) -> tensor<3x2xf32>
// CHECK: %[[E:.*]] = "tfl.reshape"(%[[ROWS]], %{{.*}}) : (tensor<3x2xf32>, tensor<3xi32>) -> tensor<1x3x2xf32>
// CHECK: "tfl.fully_connected"(%[[E]], %[[T]], %{{.*}}) {asymmetric_quantize_inputs = true
// CHECK-NOT: xf32>}
// CHECK-NOT: tfl.gather
func.func @tied_head(%ids: tensor<1x3xi64>) -> tensor<1x3x5xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[0.7, -0.3], [0.25, 0.25], [0.5, -0.5], [1.0, 0.4375], [0.0, 0.25]]> : tensor<5x2xf32>} : () -> tensor<5x2xf32>
  %e = "tfl.gather"(%t, %ids) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<5x2xf32>, tensor<1x3xi64>) -> tensor<1x3x2xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%e, %t, %none) {fused_activation_function = "NONE", keep_num_dims = true, weights_format = "DEFAULT"} : (tensor<1x3x2xf32>, tensor<5x2xf32>, none) -> tensor<1x3x5xf32>
  return %0 : tensor<1x3x5xf32>
}

// -----

// One-dimensional int32 ids need neither a cast nor reshapes.
// CHECK-LABEL: func.func @lookup_ids
// CHECK-NOT: tfl.cast
// CHECK-NOT: tfl.reshape
// CHECK: "tfl.embedding_lookup"(%{{.*}}, %{{.*}}) : (tensor<3xi32>, tensor<4x2x!quant.uniform<i4<-7:7>:f32:0, {{.*}}>>) -> tensor<3x2xf32>
func.func @lookup_ids(%ids: tensor<3xi32>) -> tensor<3x2xf32> {
  %t = "tfl.pseudo_const"() {value = dense<[[0.7, -0.3], [0.25, 0.25], [0.5, -0.5], [1.0, 0.4375]]> : tensor<4x2xf32>} : () -> tensor<4x2xf32>
  %e = "tfl.gather"(%t, %ids) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<4x2xf32>, tensor<3xi32>) -> tensor<3x2xf32>
  return %e : tensor<3x2xf32>
}

// -----

// Gathers that do not pick rows stay float32 GATHERs, with a remark (LiteRT's GATHER
// gives wrong values for a quantized table with a float result).
// CHECK-LABEL: func.func @gather_columns
// CHECK: "tfl.gather"(%{{.*}}, %{{.*}}) {axis = 1 : i32, batch_dims = 0 : i32} : (tensor<4x2xf32>, tensor<1xi32>) -> tensor<4x1xf32>
func.func @gather_columns(%ids: tensor<1xi32>) -> tensor<4x1xf32> {
  // expected-remark@+1 {{kept float32: read by 'tfl.gather', whose rows cannot be looked up quantized: it does not pick rows (axis 0, no batch dims)}}
  %t = "tfl.pseudo_const"() {value = dense<[[0.7, -0.3], [0.25, 0.25], [0.5, -0.5], [1.0, 0.4375]]> : tensor<4x2xf32>} : () -> tensor<4x2xf32>
  %e = "tfl.gather"(%t, %ids) {axis = 1 : i32, batch_dims = 0 : i32} : (tensor<4x2xf32>, tensor<1xi32>) -> tensor<4x1xf32>
  return %e : tensor<4x1xf32>
}

// -----

// HybridOpInt8: conv_2d (and depthwise_conv_2d, batch_matmul) weights become int8, as
// in dynamic-range quantization, with a remark at the op.
// CHECK-LABEL: func.func @conv_stays_int8
// CHECK: tensor<2x1x1x2x!quant.uniform<i8<-127:127>:f32:0, {{.*}}>>
func.func @conv_stays_int8(%x: tensor<1x4x4x2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[[[0.5, 0.25]]], [[[-1.0, -0.5]]]]> : tensor<2x1x1x2xf32>} : () -> tensor<2x1x1x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<0.0> : tensor<2xf32>} : () -> tensor<2xf32>
  // expected-remark@+1 {{weight quantized to int8, not int4: LiteRT's int4 hybrid kernels were checked for fully_connected only}}
  %0 = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2xf32>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// tfl-optimize with unknown (`?`) dims: rewrites that only compare dims or read static
// ones (channels, the contracted dim) apply; none computes with an unknown size.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-optimize))' | FileCheck %s

// A per-channel add after a convolution with an unknown batch goes into its bias.
// CHECK-LABEL: func.func @add_into_bias_unknown_batch
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// CHECK: %[[C:.*]] = "tfl.conv_2d"(%{{.*}}, %{{.*}}, %[[B]]) {{.*}}fused_activation_function = "RELU"{{.*}} -> tensor<?x4x4x2xf32>
// CHECK-NOT: tfl.add
// CHECK: return %[[C]]
func.func @add_into_bias_unknown_batch(%x: tensor<?x4x4x3xf32>) -> tensor<?x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<2x1x1x3xf32>} : () -> tensor<2x1x1x3xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %c = "tfl.conv_2d"(%x, %w, %n) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<?x4x4x3xf32>, tensor<2x1x1x3xf32>, none) -> tensor<?x4x4x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<[[[[1.0, 2.0]]]]> : tensor<1x1x1x2xf32>} : () -> tensor<1x1x1x2xf32>
  %a = "tfl.add"(%c, %b) {fused_activation_function = "RELU"} : (tensor<?x4x4x2xf32>, tensor<1x1x1x2xf32>) -> tensor<?x4x4x2xf32>
  return %a : tensor<?x4x4x2xf32>
}

// -----

// A product by a constant matrix with unknown leading dims is a fully_connected that
// keeps them.
// CHECK-LABEL: func.func @batch_matmul_unknown_leading_dims
// CHECK: "tfl.fully_connected"({{.*}}) {{.*}}keep_num_dims = true{{.*}} : (tensor<?x?x4xf32>, tensor<3x4xf32>, none) -> tensor<?x?x3xf32>
// CHECK-NOT: tfl.batch_matmul
func.func @batch_matmul_unknown_leading_dims(%x: tensor<?x?x4xf32>) -> tensor<?x?x3xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<4x3xf32>} : () -> tensor<4x3xf32>
  %0 = "tfl.batch_matmul"(%x, %w) {adj_x = false, adj_y = false} : (tensor<?x?x4xf32>, tensor<4x3xf32>) -> tensor<?x?x3xf32>
  return %0 : tensor<?x?x3xf32>
}

// -----

// An unknown contracted dim is not a fully_connected's static K.
// CHECK-LABEL: func.func @batch_matmul_unknown_k_stays
// CHECK: tfl.batch_matmul
func.func @batch_matmul_unknown_k_stays(%x: tensor<2x?xf32>, %y: tensor<?x3xf32>) -> tensor<2x3xf32> {
  %0 = "tfl.batch_matmul"(%x, %y) {adj_x = false, adj_y = false} : (tensor<2x?xf32>, tensor<?x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// Flatten to [?, K] before a fully_connected: the kernel flattens by itself.
// CHECK-LABEL: func.func @fully_connected_flatten_unknown_batch
// CHECK-SAME: (%[[X:.*]]: tensor<?x1x1x8xf32>)
// CHECK: "tfl.fully_connected"(%[[X]], {{.*}} : (tensor<?x1x1x8xf32>, tensor<5x8xf32>, none) -> tensor<?x5xf32>
// CHECK-NOT: tfl.reshape
func.func @fully_connected_flatten_unknown_batch(%x: tensor<?x1x1x8xf32>) -> tensor<?x5xf32> {
  %s = "tfl.pseudo_const"() {value = dense<[-1, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %r = "tfl.reshape"(%x, %s) : (tensor<?x1x1x8xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<5x8xf32>} : () -> tensor<5x8xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%r, %w, %n) {asymmetric_quantize_inputs = false, fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<?x8xf32>, tensor<5x8xf32>, none) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// reshape(reshape(x)) reads x; the outer reshape's own shape says where elements go.
// A mean keeping dims then reshaped to drop them keeps no dims.
// CHECK-LABEL: func.func @reshapes_and_mean_unknown_batch
// CHECK-SAME: (%[[X:.*]]: tensor<?x4x4x8xf32>)
// CHECK: %[[M:.*]] = "tfl.mean"(%[[X]], %{{.*}}) {keep_dims = false} : (tensor<?x4x4x8xf32>, tensor<2xi32>) -> tensor<?x8xf32>
// CHECK-NOT: tfl.reshape
// CHECK: return %[[M]]
func.func @reshapes_and_mean_unknown_batch(%x: tensor<?x4x4x8xf32>) -> tensor<?x8xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %m = "tfl.mean"(%x, %ax) {keep_dims = true} : (tensor<?x4x4x8xf32>, tensor<2xi32>) -> tensor<?x1x1x8xf32>
  %s1 = "tfl.pseudo_const"() {value = dense<[-1, 8, 1, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %r1 = "tfl.reshape"(%m, %s1) : (tensor<?x1x1x8xf32>, tensor<4xi32>) -> tensor<?x8x1x1xf32>
  %s2 = "tfl.pseudo_const"() {value = dense<[-1, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %r2 = "tfl.reshape"(%r1, %s2) : (tensor<?x8x1x1xf32>, tensor<2xi32>) -> tensor<?x8xf32>
  return %r2 : tensor<?x8xf32>
}

// -----

// Two unknown dims: the mean's kept dims may not be where the reshape puts them.
// CHECK-LABEL: func.func @mean_two_unknown_dims_stays
// CHECK: "tfl.mean"({{.*}}) {keep_dims = true}
// CHECK: tfl.reshape
func.func @mean_two_unknown_dims_stays(%x: tensor<?x?x4x8xf32>, %s: tensor<3xi32>) -> tensor<?x?x8xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<[2]> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.mean"(%x, %ax) {keep_dims = true} : (tensor<?x?x4x8xf32>, tensor<1xi32>) -> tensor<?x?x1x8xf32>
  %r = "tfl.reshape"(%m, %s) : (tensor<?x?x1x8xf32>, tensor<3xi32>) -> tensor<?x?x8xf32>
  return %r : tensor<?x?x8xf32>
}

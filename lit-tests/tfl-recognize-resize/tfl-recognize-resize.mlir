// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-recognize-resize))' | FileCheck %s

// Inputs are resizes a model spells out by indexing with constant index tensors
// (upsample_nearest2d / upsample_bilinear2d themselves arrive as composites and are
// mapped by the legalization), as edge imports and legalizes them.

// Nearest 2x upsampling by hand, x[:, :, rows][:, :, :, cols] with rows = cols =
// [0, 0, 1, 1] (PyTorch's `nearest`: floor(d * in / out)): resize_nearest_neighbor
// without align_corners or half-pixel centers, on NHWC.
// CHECK-LABEL: func.func @nearest
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x2x2xf32>)
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<1x2x2x2xf32>, tensor<4xi32>) -> tensor<1x2x2x2xf32>
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<4> : tensor<2xi32>}
// CHECK: %[[R:.*]] = "tfl.resize_nearest_neighbor"(%[[T]], %[[S]]) {align_corners = false, half_pixel_centers = false} : (tensor<1x2x2x2xf32>, tensor<2xi32>) -> tensor<1x4x4x2xf32>
// CHECK: %[[Y:.*]] = "tfl.transpose"(%[[R]], %{{.*}}) : (tensor<1x4x4x2xf32>, tensor<4xi32>) -> tensor<1x2x4x4xf32>
// CHECK-NOT: tfl.gather
// CHECK: return %[[Y]]
func.func @nearest(%x: tensor<1x2x2x2xf32>) -> tensor<1x2x4x4xf32> {
  %i = "tfl.pseudo_const"() {value = dense<[0, 0, 1, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %h = "tfl.gather"(%x, %i) {axis = 2 : i32, batch_dims = 0 : i32} : (tensor<1x2x2x2xf32>, tensor<4xi64>) -> tensor<1x2x4x2xf32>
  %w = "tfl.gather"(%h, %i) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x2x4x2xf32>, tensor<4xi64>) -> tensor<1x2x4x4xf32>
  return %w : tensor<1x2x4x4xf32>
}

// -----

// Indices behind aten.index.Tensor's negative-index wrap (select(i < 0, i + n, i)) are
// evaluated; a resize along W only keeps H.
// CHECK-LABEL: func.func @nearest_wrapped_w_only
// CHECK: "tfl.resize_nearest_neighbor"({{.*}}) {align_corners = false, half_pixel_centers = false} : (tensor<1x3x2x2xf32>, tensor<2xi32>) -> tensor<1x3x4x2xf32>
// CHECK-NOT: tfl.gather
func.func @nearest_wrapped_w_only(%x: tensor<1x2x3x2xf32>) -> tensor<1x2x3x4xf32> {
  %i = "tfl.pseudo_const"() {value = dense<[0, 0, 1, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %n = "tfl.pseudo_const"() {value = dense<2> : tensor<4xi64>} : () -> tensor<4xi64>
  %z = "tfl.pseudo_const"() {value = dense<0> : tensor<4xi64>} : () -> tensor<4xi64>
  %neg = "tfl.less"(%i, %z) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %up = "tfl.add"(%i, %n) {fused_activation_function = "NONE"} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %j = "tfl.select_v2"(%neg, %up, %i) : (tensor<4xi1>, tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  %w = "tfl.gather"(%x, %j) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x2x3x2xf32>, tensor<4xi64>) -> tensor<1x2x3x4xf32>
  return %w : tensor<1x2x3x4xf32>
}

// -----

// Bilinear 2x along H by hand, a + (b - a) * w (PyTorch's align_corners=False: source (d + 0.5) / 2 - 0.5,
// clamped at 0): a + (b - a) * w is resize_bilinear with half-pixel centers.
// CHECK-LABEL: func.func @bilinear_half_pixel
// CHECK: "tfl.resize_bilinear"({{.*}}) {align_corners = false, half_pixel_centers = true} : (tensor<1x3x3x2xf32>, tensor<2xi32>) -> tensor<1x6x3x2xf32>
// CHECK-NOT: tfl.gather
func.func @bilinear_half_pixel(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x6x3xf32> {
  %i0 = "tfl.pseudo_const"() {value = dense<[0, 0, 0, 1, 1, 2]> : tensor<6xi64>} : () -> tensor<6xi64>
  %i1 = "tfl.pseudo_const"() {value = dense<[1, 1, 1, 2, 2, 2]> : tensor<6xi64>} : () -> tensor<6xi64>
  %a = "tfl.gather"(%x, %i0) {axis = 2 : i32, batch_dims = 0 : i32} : (tensor<1x2x3x3xf32>, tensor<6xi64>) -> tensor<1x2x6x3xf32>
  %b = "tfl.gather"(%x, %i1) {axis = 2 : i32, batch_dims = 0 : i32} : (tensor<1x2x3x3xf32>, tensor<6xi64>) -> tensor<1x2x6x3xf32>
  %wv = "tfl.pseudo_const"() {value = dense<[0.0, 0.25, 0.75, 0.25, 0.75, 0.0]> : tensor<6xf32>} : () -> tensor<6xf32>
  %s = "tfl.pseudo_const"() {value = dense<[1, 1, 6, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %wr = "tfl.reshape"(%wv, %s) : (tensor<6xf32>, tensor<4xi32>) -> tensor<1x1x6x1xf32>
  %bs = "tfl.pseudo_const"() {value = dense<[1, 2, 6, 3]> : tensor<4xi32>} : () -> tensor<4xi32>
  %w = "tfl.broadcast_to"(%wr, %bs) : (tensor<1x1x6x1xf32>, tensor<4xi32>) -> tensor<1x2x6x3xf32>
  %d = "tfl.sub"(%b, %a) {fused_activation_function = "NONE"} : (tensor<1x2x6x3xf32>, tensor<1x2x6x3xf32>) -> tensor<1x2x6x3xf32>
  %dw = "tfl.mul"(%d, %w) {fused_activation_function = "NONE"} : (tensor<1x2x6x3xf32>, tensor<1x2x6x3xf32>) -> tensor<1x2x6x3xf32>
  %y = "tfl.add"(%a, %dw) {fused_activation_function = "NONE"} : (tensor<1x2x6x3xf32>, tensor<1x2x6x3xf32>) -> tensor<1x2x6x3xf32>
  return %y : tensor<1x2x6x3xf32>
}

// -----

// Bilinear with align_corners=True (source d * (in - 1) / (out - 1)).
// CHECK-LABEL: func.func @bilinear_align_corners
// CHECK: "tfl.resize_bilinear"({{.*}}) {align_corners = true, half_pixel_centers = false} : (tensor<1x1x2x1xf32>, tensor<2xi32>) -> tensor<1x1x4x1xf32>
func.func @bilinear_align_corners(%x: tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32> {
  %i0 = "tfl.pseudo_const"() {value = dense<[0, 0, 0, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %i1 = "tfl.pseudo_const"() {value = dense<[1, 1, 1, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %a = "tfl.gather"(%x, %i0) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x1x1x2xf32>, tensor<4xi64>) -> tensor<1x1x1x4xf32>
  %b = "tfl.gather"(%x, %i1) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x1x1x2xf32>, tensor<4xi64>) -> tensor<1x1x1x4xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[[[0.0, 0.333333343, 0.666666686, 0.0]]]]> : tensor<1x1x1x4xf32>} : () -> tensor<1x1x1x4xf32>
  %d = "tfl.sub"(%b, %a) {fused_activation_function = "NONE"} : (tensor<1x1x1x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
  %dw = "tfl.mul"(%w, %d) {fused_activation_function = "NONE"} : (tensor<1x1x1x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
  %y = "tfl.add"(%dw, %a) {fused_activation_function = "NONE"} : (tensor<1x1x1x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
  return %y : tensor<1x1x1x4xf32>
}

// -----

// Indices no TFLite resize reads (a reversal) stay a gather.
// CHECK-LABEL: func.func @not_a_resize
// CHECK-NOT: resize
// CHECK: "tfl.gather"
func.func @not_a_resize(%x: tensor<1x2x2x2xf32>) -> tensor<1x2x4x2xf32> {
  %i = "tfl.pseudo_const"() {value = dense<[1, 1, 0, 0]> : tensor<4xi64>} : () -> tensor<4xi64>
  %h = "tfl.gather"(%x, %i) {axis = 2 : i32, batch_dims = 0 : i32} : (tensor<1x2x2x2xf32>, tensor<4xi64>) -> tensor<1x2x4x2xf32>
  return %h : tensor<1x2x4x2xf32>
}

// -----

// Bilinear weights that are not TFLite's (a quarter off) stay as they are.
// CHECK-LABEL: func.func @bilinear_other_weights
// CHECK-NOT: resize
// CHECK: "tfl.gather"
func.func @bilinear_other_weights(%x: tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32> {
  %i0 = "tfl.pseudo_const"() {value = dense<[0, 0, 0, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %i1 = "tfl.pseudo_const"() {value = dense<[1, 1, 1, 1]> : tensor<4xi64>} : () -> tensor<4xi64>
  %a = "tfl.gather"(%x, %i0) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x1x1x2xf32>, tensor<4xi64>) -> tensor<1x1x1x4xf32>
  %b = "tfl.gather"(%x, %i1) {axis = 3 : i32, batch_dims = 0 : i32} : (tensor<1x1x1x2xf32>, tensor<4xi64>) -> tensor<1x1x1x4xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[[[0.25, 0.333333343, 0.666666686, 0.0]]]]> : tensor<1x1x1x4xf32>} : () -> tensor<1x1x1x4xf32>
  %d = "tfl.sub"(%b, %a) {fused_activation_function = "NONE"} : (tensor<1x1x1x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
  %dw = "tfl.mul"(%d, %w) {fused_activation_function = "NONE"} : (tensor<1x1x1x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
  %y = "tfl.add"(%a, %dw) {fused_activation_function = "NONE"} : (tensor<1x1x1x4xf32>, tensor<1x1x1x4xf32>) -> tensor<1x1x1x4xf32>
  return %y : tensor<1x1x1x4xf32>
}

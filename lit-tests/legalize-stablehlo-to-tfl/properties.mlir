// Generic form with properties (`<{...}>`), as JAX, torch_xla and
// `stablehlo-opt --mlir-print-op-generic` print inherent attributes: parsing moves them
// into the attribute dictionary, so the verifier, legalization and the printer read
// them as they read edge's own form.
// RUN: edge-opt %s --split-input-file | FileCheck %s --check-prefix=PARSED
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// PARSED-LABEL: func.func @constant
// PARSED: "stablehlo.constant"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// PARSED: "stablehlo.iota"() {iota_dimension = 1 : i64}
// PARSED-NOT: <{
// CHECK-LABEL: func.func @constant
// CHECK: "tfl.pseudo_const"() {value = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>}
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 1, 2], [0, 1, 2]]> : tensor<2x3xi32>}
func.func @constant() -> (tensor<2xf32>, tensor<2x3xi32>) {
  %0 = "stablehlo.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %1 = "stablehlo.iota"() <{iota_dimension = 1 : i64}> : () -> tensor<2x3xi32>
  "func.return"(%0, %1) : (tensor<2xf32>, tensor<2x3xi32>) -> ()
}

// -----

// A discardable attribute beside the properties is kept; a unit property too.
// PARSED-LABEL: func.func @mixed
// PARSED: "stablehlo.transpose"(%{{.*}}) {mhlo.frontend_attributes = {a = "b"}, permutation = array<i64: 1, 0>}
// CHECK-LABEL: func.func @mixed
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>}
// CHECK: "tfl.transpose"(%{{.*}}, %[[P]])
func.func @mixed(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = "stablehlo.transpose"(%x) <{permutation = array<i64: 1, 0>}> {mhlo.frontend_attributes = {a = "b"}} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  "func.return"(%0) : (tensor<3x2xf32>) -> ()
}

// -----

// CHECK-LABEL: func.func @broadcast_slice_compare
// CHECK: "tfl.broadcast_to"
// CHECK: "tfl.slice"
// CHECK: "tfl.strided_slice"
// CHECK: "tfl.greater"
// CHECK-NOT: stablehlo.
func.func @broadcast_slice_compare(%x: tensor<3xf32>, %y: tensor<2x3xf32>) -> (tensor<2x2xf32>, tensor<1x2xf32>, tensor<2x3xi1>) {
  %b = "stablehlo.broadcast_in_dim"(%x) <{broadcast_dimensions = array<i64: 1>}> : (tensor<3xf32>) -> tensor<2x3xf32>
  %s = "stablehlo.slice"(%b) <{limit_indices = array<i64: 2, 3>, start_indices = array<i64: 0, 1>, strides = array<i64: 1, 1>}> : (tensor<2x3xf32>) -> tensor<2x2xf32>
  %t = "stablehlo.slice"(%y) <{limit_indices = array<i64: 1, 3>, start_indices = array<i64: 0, 0>, strides = array<i64: 1, 2>}> : (tensor<2x3xf32>) -> tensor<1x2xf32>
  %c = "stablehlo.compare"(%b, %y) <{compare_type = #stablehlo<comparison_type FLOAT>, comparison_direction = #stablehlo<comparison_direction GT>}> : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  "func.return"(%s, %t, %c) : (tensor<2x2xf32>, tensor<1x2xf32>, tensor<2x3xi1>) -> ()
}

// -----

// A reduce's body ops are rebuilt too (their region moves whole).
// CHECK-LABEL: func.func @reduce
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>}
// CHECK: "tfl.sum"(%{{.*}}, %[[AX]]) {keep_dims = false}
func.func @reduce(%x: tensor<2x3xf32>) -> tensor<2xf32> {
  %0 = "stablehlo.constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %1 = "stablehlo.reduce"(%x, %0) <{dimensions = array<i64: 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %2 = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%2) : (tensor<f32>) -> ()
  }) : (tensor<2x3xf32>, tensor<f32>) -> tensor<2xf32>
  "func.return"(%1) : (tensor<2xf32>) -> ()
}

// -----

// CHECK-LABEL: func.func @dot_general
// CHECK: "tfl.batch_matmul"(%{{.*}}, %{{.*}}) {adj_x = false, adj_y = false}
func.func @dot_general(%a: tensor<2x3x4xf32>, %b: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = "stablehlo.dot_general"(%a, %b) <{dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>, precision_config = [#stablehlo<precision DEFAULT>, #stablehlo<precision DEFAULT>]}> : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  "func.return"(%0) : (tensor<2x3x5xf32>) -> ()
}

// -----

// CHECK-LABEL: func.func @convolution
// CHECK: "tfl.conv_2d"
// CHECK-SAME: padding = "SAME"
// CHECK-NOT: stablehlo.
func.func @convolution(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>}> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  "func.return"(%0) : (tensor<1x4x8x8xf32>) -> ()
}

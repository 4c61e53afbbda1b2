// StableHLO's dynamic-shape forms (passes/src/legalize/dynamic.rs): run-time sizes
// become tfl.shape slices, shapes int32 tensors; a size known statically is a constant.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// ---- stablehlo.get_dimension_size
// An unknown dim is element 0 of tfl.shape (a strided slice that drops the axis); a
// static one is a constant.
// CHECK-LABEL: func.func @get_dimension_size
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>)
// CHECK: %[[S:.*]] = "tfl.shape"(%[[X]]) : (tensor<?x4xf32>) -> tensor<2xi32>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<1xi32>}
// CHECK: %[[E:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>}
// CHECK: %[[D0:.*]] = "tfl.strided_slice"(%[[S]], %[[B]], %[[E]], %{{.*}}) {{.*}}shrink_axis_mask = 1 : i32} : (tensor<2xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<i32>
// CHECK: %[[D1:.*]] = "tfl.pseudo_const"() {value = dense<4> : tensor<i32>}
// CHECK-NOT: tfl.shape
// CHECK: return %[[D0]], %[[D1]]
func.func @get_dimension_size(%x: tensor<?x4xf32>) -> (tensor<i32>, tensor<i32>) {
  %0 = "stablehlo.get_dimension_size"(%x) {dimension = 0 : i64} : (tensor<?x4xf32>) -> tensor<i32>
  %1 = "stablehlo.get_dimension_size"(%x) {dimension = 1 : i64} : (tensor<?x4xf32>) -> tensor<i32>
  return %0, %1 : tensor<i32>, tensor<i32>
}

// -----

// Two sizes of one value read one tfl.shape.
// CHECK-LABEL: func.func @one_shape_per_value
// CHECK-COUNT-1: tfl.shape
// CHECK-NOT: tfl.shape
// CHECK: return
func.func @one_shape_per_value(%x: tensor<?x?xf32>) -> (tensor<i32>, tensor<i32>) {
  %0 = "stablehlo.get_dimension_size"(%x) {dimension = 0 : i64} : (tensor<?x?xf32>) -> tensor<i32>
  %1 = "stablehlo.get_dimension_size"(%x) {dimension = 1 : i64} : (tensor<?x?xf32>) -> tensor<i32>
  return %0, %1 : tensor<i32>, tensor<i32>
}

// -----

// ---- stablehlo.dynamic_reshape
// One unknown result dim: a constant shape with -1 there (the run-time shape is unused).
// CHECK-LABEL: func.func @dynamic_reshape_one_unknown
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x16xf32>, %{{.*}}: tensor<2xi32>)
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<[-1, 16]> : tensor<2xi32>}
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[X]], %[[C]]) : (tensor<?x?x16xf32>, tensor<2xi32>) -> tensor<?x16xf32>
// CHECK: return %[[R]]
func.func @dynamic_reshape_one_unknown(%x: tensor<?x?x16xf32>, %s: tensor<2xi32>) -> tensor<?x16xf32> {
  %0 = "stablehlo.dynamic_reshape"(%x, %s) : (tensor<?x?x16xf32>, tensor<2xi32>) -> tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}

// -----

// Two unknown dims: the run-time shape, narrowed to int32 (RESHAPE takes no int64).
// CHECK-LABEL: func.func @dynamic_reshape_two_unknown
// CHECK-SAME: (%[[X:.*]]: tensor<?x16xf32>, %[[S:.*]]: tensor<3xi64>)
// CHECK: %[[S32:.*]] = "tfl.cast"(%[[S]]) : (tensor<3xi64>) -> tensor<3xi32>
// CHECK: "tfl.reshape"(%[[X]], %[[S32]]) : (tensor<?x16xf32>, tensor<3xi32>) -> tensor<?x?x4xf32>
func.func @dynamic_reshape_two_unknown(%x: tensor<?x16xf32>, %s: tensor<3xi64>) -> tensor<?x?x4xf32> {
  %0 = "stablehlo.dynamic_reshape"(%x, %s) : (tensor<?x16xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
  return %0 : tensor<?x?x4xf32>
}

// -----

// ---- stablehlo.dynamic_broadcast_in_dim
// The operand gets unit dims up to the result's rank (a constant reshape), then
// tfl.broadcast_to the run-time shape.
// CHECK-LABEL: func.func @dynamic_broadcast_in_dim
// CHECK-SAME: (%[[B:.*]]: tensor<8xf32>, %[[X:.*]]: tensor<?x8x?xf32>)
// CHECK: %[[SHAPE:.*]] = "tfl.concatenation"
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<[1, 8, 1]> : tensor<3xi32>}
// CHECK: %[[E:.*]] = "tfl.reshape"(%[[B]], %[[C]]) : (tensor<8xf32>, tensor<3xi32>) -> tensor<1x8x1xf32>
// CHECK: %[[BC:.*]] = "tfl.broadcast_to"(%[[E]], %[[SHAPE]]) : (tensor<1x8x1xf32>, tensor<3xi32>) -> tensor<?x8x?xf32>
// CHECK: "tfl.add"(%[[X]], %[[BC]])
func.func @dynamic_broadcast_in_dim(%b: tensor<8xf32>, %x: tensor<?x8x?xf32>) -> tensor<?x8x?xf32> {
  %s = "stablehlo.get_dimension_size"(%x) {dimension = 0 : i64} : (tensor<?x8x?xf32>) -> tensor<i32>
  %t = "stablehlo.get_dimension_size"(%x) {dimension = 2 : i64} : (tensor<?x8x?xf32>) -> tensor<i32>
  %s1 = "stablehlo.reshape"(%s) : (tensor<i32>) -> tensor<1xi32>
  %t1 = "stablehlo.reshape"(%t) : (tensor<i32>) -> tensor<1xi32>
  %c = "stablehlo.constant"() {value = dense<8> : tensor<1xi32>} : () -> tensor<1xi32>
  %shape = "stablehlo.concatenate"(%s1, %c, %t1) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
  %0 = "stablehlo.dynamic_broadcast_in_dim"(%b, %shape) {broadcast_dimensions = array<i64: 1>} : (tensor<8xf32>, tensor<3xi32>) -> tensor<?x8x?xf32>
  %1 = "stablehlo.add"(%x, %0) : (tensor<?x8x?xf32>, tensor<?x8x?xf32>) -> tensor<?x8x?xf32>
  return %1 : tensor<?x8x?xf32>
}

// -----

// Dims mapped out of order: a transpose first. Two unknown operand dims: expand_dims.
// CHECK-LABEL: func.func @dynamic_broadcast_in_dim_permuted
// CHECK-SAME: (%[[X:.*]]: tensor<?x?xf32>, %[[S:.*]]: tensor<3xi32>)
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[X]], %{{.*}}) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
// CHECK: %[[E:.*]] = "tfl.expand_dims"(%[[T]], %{{.*}}) : (tensor<?x?xf32>, tensor<i32>) -> tensor<?x1x?xf32>
// CHECK: "tfl.broadcast_to"(%[[E]], %[[S]]) : (tensor<?x1x?xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
func.func @dynamic_broadcast_in_dim_permuted(%x: tensor<?x?xf32>, %s: tensor<3xi32>) -> tensor<?x?x?xf32> {
  %0 = "stablehlo.dynamic_broadcast_in_dim"(%x, %s) {broadcast_dimensions = array<i64: 2, 0>} : (tensor<?x?xf32>, tensor<3xi32>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}

// -----

// ---- stablehlo.broadcast_in_dim (unknown dims)
// The unknown result dims are the operand's: the target joins its size there with the
// static dims.
// CHECK-LABEL: func.func @broadcast_in_dim_unknown
// CHECK-SAME: (%[[X:.*]]: tensor<?x1xf32>)
// CHECK: %[[S:.*]] = "tfl.shape"(%[[X]]) : (tensor<?x1xf32>) -> tensor<2xi32>
// CHECK: %[[N:.*]] = "tfl.strided_slice"(%[[S]],
// CHECK: %[[N1:.*]] = "tfl.reshape"(%[[N]],
// CHECK: %[[F:.*]] = "tfl.pseudo_const"() {value = dense<4> : tensor<1xi32>}
// CHECK: %[[M:.*]] = "tfl.concatenation"(%[[N1]], %[[F]])
// CHECK: "tfl.broadcast_to"(%[[X]], %[[M]]) : (tensor<?x1xf32>, tensor<2xi32>) -> tensor<?x4xf32>
func.func @broadcast_in_dim_unknown(%x: tensor<?x1xf32>) -> tensor<?x4xf32> {
  %0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<?x1xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// -----

// ---- stablehlo.dynamic_iota
// tfl.range(0, n, 1) along the iota dim, reshaped to the rank and broadcast.
// The size is the piece of the shape that holds it (no slice of the shape).
// CHECK-LABEL: func.func @dynamic_iota
// CHECK-SAME: (%[[N:.*]]: tensor<i32>)
// CHECK: %[[SHAPE:.*]] = "tfl.concatenation"
// CHECK-NOT: tfl.strided_slice
// CHECK: %[[Z:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>}
// CHECK: %[[ONE:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<i32>}
// CHECK: %[[R:.*]] = "tfl.range"(%[[Z]], %[[N]], %[[ONE]]) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
// CHECK: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<[1, -1]> : tensor<2xi32>}
// CHECK: %[[E:.*]] = "tfl.reshape"(%[[R]], %[[C]]) : (tensor<?xi32>, tensor<2xi32>) -> tensor<1x?xi32>
// CHECK: "tfl.broadcast_to"(%[[E]], %[[SHAPE]]) : (tensor<1x?xi32>, tensor<2xi32>) -> tensor<4x?xi32>
func.func @dynamic_iota(%n: tensor<i32>) -> tensor<4x?xi32> {
  %n1 = "stablehlo.reshape"(%n) : (tensor<i32>) -> tensor<1xi32>
  %c = "stablehlo.constant"() {value = dense<4> : tensor<1xi32>} : () -> tensor<1xi32>
  %shape = "stablehlo.concatenate"(%c, %n1) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %0 = "stablehlo.dynamic_iota"(%shape) {iota_dimension = 1 : i64} : (tensor<2xi32>) -> tensor<4x?xi32>
  return %0 : tensor<4x?xi32>
}

// -----

// A static result type is a constant, as for iota.
// CHECK-LABEL: func.func @dynamic_iota_static
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[}}[0.000000e+00, 1.000000e+00, 2.000000e+00]]> : tensor<1x3xf32>}
// CHECK-NOT: tfl.range
func.func @dynamic_iota_static(%s: tensor<2xi32>) -> tensor<1x3xf32> {
  %0 = "stablehlo.dynamic_iota"(%s) {iota_dimension = 1 : i64} : (tensor<2xi32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

// -----

// ---- stablehlo.real_dynamic_slice
// CHECK-LABEL: func.func @real_dynamic_slice
// CHECK-SAME: (%[[X:.*]]: tensor<?x8xf32>, %[[B:.*]]: tensor<2xi32>, %[[E:.*]]: tensor<2xi32>, %[[S:.*]]: tensor<2xi32>)
// CHECK: "tfl.strided_slice"(%[[X]], %[[B]], %[[E]], %[[S]]) {{.*}}shrink_axis_mask = 0 : i32} : {{.*}} -> tensor<?x?xf32>
func.func @real_dynamic_slice(%x: tensor<?x8xf32>, %b: tensor<2xi32>, %e: tensor<2xi32>, %s: tensor<2xi32>) -> tensor<?x?xf32> {
  %0 = "stablehlo.real_dynamic_slice"(%x, %b, %e, %s) : (tensor<?x8xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// ---- stablehlo.dynamic_slice
// Starts clamped to [0, dim - size] as the spec says (SLICE does not clamp), packed.
// CHECK-LABEL: func.func @dynamic_slice
// CHECK-SAME: (%[[X:.*]]: tensor<?x8xf32>, %[[I:.*]]: tensor<i64>, %[[J:.*]]: tensor<i64>)
// CHECK: %[[ZERO:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>}
// CHECK: %[[I32:.*]] = "tfl.cast"(%[[I]]) : (tensor<i64>) -> tensor<i32>
// CHECK: %[[D:.*]] = "tfl.strided_slice"
// CHECK: %[[HI:.*]] = "tfl.sub"(%[[D]], %{{.*}})
// CHECK: %[[LO:.*]] = "tfl.minimum"(%[[I32]], %[[HI]])
// CHECK: %[[B0:.*]] = "tfl.maximum"(%[[LO]], %[[ZERO]])
// CHECK: %[[J32:.*]] = "tfl.cast"(%[[J]])
// CHECK: %[[FOUR:.*]] = "tfl.pseudo_const"() {value = dense<4> : tensor<i32>}
// CHECK: %[[LO1:.*]] = "tfl.minimum"(%[[J32]], %[[FOUR]])
// CHECK: %[[B1:.*]] = "tfl.maximum"(%[[LO1]], %[[ZERO]])
// CHECK: %[[BEGIN:.*]] = "tfl.pack"(%[[B0]], %[[B1]]) {axis = 0 : i32, values_count = 2 : i32}
// CHECK: %[[SIZE:.*]] = "tfl.pseudo_const"() {value = dense<[2, 4]> : tensor<2xi32>}
// CHECK: "tfl.slice"(%[[X]], %[[BEGIN]], %[[SIZE]]) : (tensor<?x8xf32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2x4xf32>
func.func @dynamic_slice(%x: tensor<?x8xf32>, %i: tensor<i64>, %j: tensor<i64>) -> tensor<2x4xf32> {
  %0 = "stablehlo.dynamic_slice"(%x, %i, %j) {slice_sizes = array<i64: 2, 4>} : (tensor<?x8xf32>, tensor<i64>, tensor<i64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// ---- stablehlo.dynamic_pad
// CHECK-LABEL: func.func @dynamic_pad
// CHECK-SAME: (%[[X:.*]]: tensor<?x8xf32>, %[[V:.*]]: tensor<f32>, %[[LO:.*]]: tensor<2xi32>, %[[HI:.*]]: tensor<2xi32>)
// CHECK: %[[P:.*]] = "tfl.pack"(%[[LO]], %[[HI]]) {axis = 1 : i32, values_count = 2 : i32} : (tensor<2xi32>, tensor<2xi32>) -> tensor<2x2xi32>
// CHECK: "tfl.padv2"(%[[X]], %[[P]], %[[V]]) : (tensor<?x8xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<?x?xf32>
func.func @dynamic_pad(%x: tensor<?x8xf32>, %v: tensor<f32>, %lo: tensor<2xi32>, %hi: tensor<2xi32>) -> tensor<?x?xf32> {
  %z = "stablehlo.constant"() {value = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
  %0 = "stablehlo.dynamic_pad"(%x, %v, %lo, %hi, %z) : (tensor<?x8xf32>, tensor<f32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// ---- int64 shape arithmetic (JAX) and stablehlo.custom_call @shape_assertion
// Each int64 op on sizes is computed in int32 (TFLite has no int64 DIV), its int64
// cast unused; the assertion is dropped.
// CHECK-LABEL: func.func @i64_shape_arithmetic
// CHECK: %[[D:.*]] = "tfl.strided_slice"
// CHECK: %[[M:.*]] = "tfl.mul"(%[[D]], %{{.*}}) {{.*}} : (tensor<i32>, tensor<i32>) -> tensor<i32>
// CHECK: %[[H:.*]] = "tfl.div"(%[[M]], %{{.*}}) {{.*}} : (tensor<i32>, tensor<i32>) -> tensor<i32>
// CHECK: %[[H1:.*]] = "tfl.reshape"(%[[H]], %{{.*}}) : (tensor<i32>, tensor<1xi32>) -> tensor<1xi32>
// CHECK: %[[S:.*]] = "tfl.concatenation"(%[[H1]], %{{.*}}) {{.*}} : (tensor<1xi32>, tensor<2xi32>) -> tensor<3xi32>
// CHECK: "tfl.reshape"(%{{.*}}, %[[S]]) : (tensor<?x?xf32>, tensor<3xi32>) -> tensor<?x?x4xf32>
// CHECK-NOT: custom_call
func.func @i64_shape_arithmetic(%x: tensor<?x?xf32>) -> tensor<?x?x4xf32> {
  %d = "stablehlo.get_dimension_size"(%x) {dimension = 0 : i64} : (tensor<?x?xf32>) -> tensor<i32>
  %d64 = "stablehlo.convert"(%d) : (tensor<i32>) -> tensor<i64>
  %two = "stablehlo.constant"() {value = dense<2> : tensor<i64>} : () -> tensor<i64>
  %m = "stablehlo.multiply"(%d64, %two) : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %h = "stablehlo.divide"(%m, %two) : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %h1 = "stablehlo.reshape"(%h) : (tensor<i64>) -> tensor<1xi64>
  %c = "stablehlo.constant"() {value = dense<[-1, 4]> : tensor<2xi64>} : () -> tensor<2xi64>
  %shape = "stablehlo.concatenate"(%h1, %c) {dimension = 0 : i64} : (tensor<1xi64>, tensor<2xi64>) -> tensor<3xi64>
  %0 = "stablehlo.dynamic_reshape"(%x, %shape) : (tensor<?x?xf32>, tensor<3xi64>) -> tensor<?x?x4xf32>
  %ok = "stablehlo.compare"(%d64, %two) {comparison_direction = #stablehlo<comparison_direction GE>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
  "stablehlo.custom_call"(%ok, %d64) {call_target_name = "shape_assertion", error_message = "b >= 2", has_side_effect = true} : (tensor<i1>, tensor<i64>) -> ()
  return %0 : tensor<?x?x4xf32>
}

// -----

// An int64 value that is not a size (a function argument) is left in int64.
// CHECK-LABEL: func.func @i64_data_stays
// CHECK: "tfl.mul"(%{{.*}}, %{{.*}}) {{.*}} : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
func.func @i64_data_stays(%a: tensor<4xi64>) -> tensor<4xi64> {
  %0 = "stablehlo.multiply"(%a, %a) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// ---- unknown dims in static-shaped ops
// A convolution with an unknown batch and stride 1: explicit padding is SAME for every
// size.
// CHECK-LABEL: func.func @convolution_dynamic_batch
// CHECK: "tfl.conv_2d"({{.*}}) {{.*}}padding = "SAME"{{.*}} : (tensor<?x8x8x4xf32>, tensor<8x3x3x4xf32>, none) -> tensor<?x8x8x8xf32>
func.func @convolution_dynamic_batch(%x: tensor<?x4x8x8xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<?x8x8x8xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<?x4x8x8xf32>, tensor<8x4x3x3xf32>) -> tensor<?x8x8x8xf32>
  return %0 : tensor<?x8x8x8xf32>
}

// -----

// Stride 2 with unknown H and W: PyTorch's padding (1, 1) is not TFLite's SAME for
// even sizes, so it is a pad before a VALID convolution.
// CHECK-LABEL: func.func @convolution_dynamic_hw_stride_2
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<{{\[}}[0, 0], [1, 1], [1, 1], [0, 0]]> : tensor<4x2xi32>}
// CHECK: %[[X:.*]] = "tfl.pad"(%{{.*}}, %[[P]]) : (tensor<?x?x?x4xf32>, tensor<4x2xi32>) -> tensor<?x?x?x4xf32>
// CHECK: "tfl.conv_2d"(%[[X]], {{.*}}padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<?x?x?x4xf32>, tensor<8x3x3x4xf32>, none) -> tensor<?x?x?x8xf32>
func.func @convolution_dynamic_hw_stride_2(%x: tensor<?x4x?x?xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<?x8x?x?xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 2, 2>} : (tensor<?x4x?x?xf32>, tensor<8x4x3x3xf32>) -> tensor<?x8x?x?xf32>
  return %0 : tensor<?x8x?x?xf32>
}

// -----

// A depthwise convolution (JAX's NHWC) with unknown H and W, stride 1: SAME.
// CHECK-LABEL: func.func @depthwise_dynamic_hw
// CHECK: "tfl.depthwise_conv_2d"({{.*}}padding = "SAME"{{.*}} -> tensor<1x?x?x4xf32>
func.func @depthwise_dynamic_hw(%x: tensor<1x?x?x4xf32>, %w: tensor<3x3x1x4xf32>) -> tensor<1x?x?x4xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 4 : i64, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<1x?x?x4xf32>, tensor<3x3x1x4xf32>) -> tensor<1x?x?x4xf32>
  return %0 : tensor<1x?x?x4xf32>
}

// -----

// A 1-D convolution over an unknown length and batch: unit dims go in and out with
// expand_dims / squeeze (two unknown dims: no constant shape).
// CHECK-LABEL: func.func @convolution_1d_dynamic
// CHECK: "tfl.expand_dims"({{.*}}) : (tensor<?x4x?xf32>, tensor<i32>) -> tensor<?x4x1x?xf32>
// CHECK: "tfl.conv_2d"
// CHECK: "tfl.squeeze"({{.*}}) {squeeze_dims = array<i64: 2>} : (tensor<?x8x1x?xf32>) -> tensor<?x8x?xf32>
func.func @convolution_1d_dynamic(%x: tensor<?x4x?xf32>, %w: tensor<8x4x3xf32>) -> tensor<?x8x?xf32> {
  %0 = "stablehlo.convolution"(%x, %w) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0]x[o, i, 0]->[b, f, 0]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<1x2xi64>, rhs_dilation = array<i64: 1>, window_strides = array<i64: 1>} : (tensor<?x4x?xf32>, tensor<8x4x3xf32>) -> tensor<?x8x?xf32>
  return %0 : tensor<?x8x?xf32>
}

// -----

// Max pooling 2x2 stride 2 with unknown dims: VALID.
// CHECK-LABEL: func.func @max_pool_dynamic
// CHECK: "tfl.max_pool_2d"({{.*}}padding = "VALID"{{.*}} : (tensor<?x?x?x8xf32>) -> tensor<?x?x?x8xf32>
func.func @max_pool_dynamic(%x: tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32> {
  %init = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %init) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) {window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>} : (tensor<?x8x?x?xf32>, tensor<f32>) -> tensor<?x8x?x?xf32>
  return %0 : tensor<?x8x?x?xf32>
}

// -----

// Average pooling 3x3 stride 1 padding 1 with unknown H and W, divided by the window
// area (count_include_pad): a zero pad and a VALID average pool (TFLite's SAME would
// divide by the in-bounds count).
// CHECK-LABEL: func.func @average_pool_dynamic_include_pad
// CHECK: "tfl.pad"
// CHECK: "tfl.average_pool_2d"({{.*}}padding = "VALID"{{.*}} -> tensor<?x?x?x8xf32>
// CHECK-NOT: tfl.mul
// CHECK-NOT: tfl.div
// CHECK: return
func.func @average_pool_dynamic_include_pad(%x: tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {padding = dense<[[0, 0], [0, 0], [1, 1], [1, 1]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 3, 3>, window_strides = array<i64: 1, 1, 1, 1>} : (tensor<?x8x?x?xf32>, tensor<f32>) -> tensor<?x8x?x?xf32>
  %b = "stablehlo.get_dimension_size"(%x) {dimension = 0 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
  %h = "stablehlo.get_dimension_size"(%x) {dimension = 2 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
  %w = "stablehlo.get_dimension_size"(%x) {dimension = 3 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
  %b1 = "stablehlo.reshape"(%b) : (tensor<i32>) -> tensor<1xi32>
  %h1 = "stablehlo.reshape"(%h) : (tensor<i32>) -> tensor<1xi32>
  %w1 = "stablehlo.reshape"(%w) : (tensor<i32>) -> tensor<1xi32>
  %c8 = "stablehlo.constant"() {value = dense<8> : tensor<1xi32>} : () -> tensor<1xi32>
  %shape = "stablehlo.concatenate"(%b1, %c8, %h1, %w1) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
  %nine = "stablehlo.constant"() {value = dense<9.0> : tensor<f32>} : () -> tensor<f32>
  %n = "stablehlo.dynamic_broadcast_in_dim"(%nine, %shape) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<4xi32>) -> tensor<?x8x?x?xf32>
  %1 = "stablehlo.divide"(%0, %n) : (tensor<?x8x?x?xf32>, tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32>
  return %1 : tensor<?x8x?x?xf32>
}

// -----

// A linear layer over an unknown batch and sequence: one batch_matmul (its batch dims
// broadcast over the rank-2 weights), no reshapes.
// CHECK-LABEL: func.func @dot_general_unknown_leading_dims
// CHECK-SAME: (%[[X:.*]]: tensor<?x?x4xf32>, %[[W:.*]]: tensor<3x4xf32>)
// CHECK: "tfl.batch_matmul"(%[[X]], %[[W]]) {adj_x = false, adj_y = true} : (tensor<?x?x4xf32>, tensor<3x4xf32>) -> tensor<?x?x3xf32>
// CHECK-NOT: tfl.reshape
func.func @dot_general_unknown_leading_dims(%x: tensor<?x?x4xf32>, %w: tensor<3x4xf32>) -> tensor<?x?x3xf32> {
  %0 = "stablehlo.dot_general"(%x, %w) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<?x?x4xf32>, tensor<3x4xf32>) -> tensor<?x?x3xf32>
  return %0 : tensor<?x?x3xf32>
}

// -----

// An embedding lookup with unknown index dims: tfl.gather on axis 0.
// CHECK-LABEL: func.func @gather_unknown_indices
// CHECK: "tfl.gather"({{.*}}) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<10x4xf32>, tensor<?x?xi32>) -> tensor<?x?x4xf32>
func.func @gather_unknown_indices(%t: tensor<10x4xf32>, %i: tensor<?x?x1xi32>) -> tensor<?x?x4xf32> {
  %0 = "stablehlo.gather"(%t, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [2], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 2>, slice_sizes = array<i64: 1, 4>} : (tensor<10x4xf32>, tensor<?x?x1xi32>) -> tensor<?x?x4xf32>
  return %0 : tensor<?x?x4xf32>
}

// -----

// ---- stablehlo.composite aten.upsample_nearest2d / aten.upsample_bilinear2d
// Unknown H and W, integer scales: TFLite's resize to [H, W] * scale read from the
// NHWC input at run time (PyTorch's d / s is TFLite's d * in / out at every size).
// CHECK-LABEL: func.func @upsample_nearest2d_dynamic
// CHECK: %[[T:.*]] = "tfl.transpose"
// CHECK: %[[S:.*]] = "tfl.shape"(%[[T]]) : (tensor<1x?x?x4xf32>) -> tensor<4xi32>
// CHECK: %[[HW:.*]] = "tfl.strided_slice"(%[[S]], {{.*}} -> tensor<2xi32>
// CHECK: %[[K:.*]] = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>}
// CHECK: %[[SIZE:.*]] = "tfl.mul"(%[[HW]], %[[K]])
// CHECK: "tfl.resize_nearest_neighbor"(%[[T]], %[[SIZE]]) {align_corners = false, half_pixel_centers = false} : (tensor<1x?x?x4xf32>, tensor<2xi32>) -> tensor<1x?x?x4xf32>
func.func @upsample_nearest2d_dynamic(%x: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_nearest2d", composite_attributes = {scale_factors = array<f64: 2.0, 3.0>}, decomposition = @stand_in, version = 0 : i32} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %0 : tensor<1x4x?x?xf32>
}
func.func private @stand_in(%x: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  return %x : tensor<1x4x?x?xf32>
}

// -----

// Bilinear without align_corners, scale 2: half-pixel centers.
// CHECK-LABEL: func.func @upsample_bilinear2d_dynamic
// CHECK: "tfl.resize_bilinear"({{.*}}) {align_corners = false, half_pixel_centers = true} : (tensor<?x?x?x4xf32>, tensor<2xi32>) -> tensor<?x?x?x4xf32>
func.func @upsample_bilinear2d_dynamic(%x: tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_bilinear2d", composite_attributes = {align_corners = false, scale_factors = array<f64: 2.0, 2.0>}, decomposition = @stand_in, version = 0 : i32} : (tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  return %0 : tensor<?x4x?x?xf32>
}
func.func private @stand_in(%x: tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32> {
  return %x : tensor<?x4x?x?xf32>
}

// -----

// A scale of 1.5 reads d / 1.5 in PyTorch but d * in / out in TFLite, which differ at
// some sizes: the decomposition is inlined instead.
// CHECK-LABEL: func.func @upsample_nearest2d_fractional_scale_inlined
// CHECK-NOT: tfl.resize_nearest_neighbor
// CHECK: return
func.func @upsample_nearest2d_fractional_scale_inlined(%x: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_nearest2d", composite_attributes = {scale_factors = array<f64: 1.5, 1.5>}, decomposition = @stand_in, version = 0 : i32} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %0 : tensor<1x4x?x?xf32>
}
func.func private @stand_in(%x: tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32> {
  return %x : tensor<1x4x?x?xf32>
}

// -----

// A size of an intermediate is read from the model input it comes from (through an
// element-wise op, a transpose and a reduction), not from the intermediate.
// CHECK-LABEL: func.func @size_read_from_input
// CHECK-SAME: (%[[X:.*]]: tensor<?x8xf32>)
// CHECK: %[[S:.*]] = "tfl.shape"(%[[X]])
// CHECK-NOT: tfl.shape
// CHECK: %[[D:.*]] = "tfl.strided_slice"(%[[S]],
// CHECK: return %{{.*}}, %[[D]]
func.func @size_read_from_input(%x: tensor<?x8xf32>) -> (tensor<?xf32>, tensor<i32>) {
  %e = "stablehlo.exponential"(%x) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %t = "stablehlo.transpose"(%e) {permutation = array<i64: 1, 0>} : (tensor<?x8xf32>) -> tensor<8x?xf32>
  %z = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %r = "stablehlo.reduce"(%t, %z) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %s = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%s) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<8x?xf32>, tensor<f32>) -> tensor<?xf32>
  %n = "stablehlo.get_dimension_size"(%r) {dimension = 0 : i64} : (tensor<?xf32>) -> tensor<i32>
  return %r, %n : tensor<?xf32>, tensor<i32>
}

// -----

// A broadcast_in_dim to the operand's own unknown shape broadcasts nothing.
// CHECK-LABEL: func.func @broadcast_in_dim_identity_unknown
// CHECK-SAME: (%[[X:.*]]: tensor<?x?xf32>)
// CHECK: %[[S:.*]] = "tfl.shape"(%[[X]])
// CHECK: "tfl.reshape"(%[[X]], %[[S]]) : (tensor<?x?xf32>, tensor<2xi32>) -> tensor<?x?xf32>
func.func @broadcast_in_dim_identity_unknown(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = "stablehlo.broadcast_in_dim"(%x) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// ---- stablehlo.dynamic_conv
// The run-time padding rows go into a tfl.pad ([0, 0] at the batch and feature dims),
// then a convolution without padding: VALID.
// CHECK-LABEL: func.func @dynamic_conv
// CHECK-SAME: (%[[X:.*]]: tensor<1x?x?x3xf32>, %[[W:.*]]: tensor<3x3x3x4xf32>, %[[PAD:.*]]: tensor<2x2xi32>)
// CHECK: %[[H:.*]] = "tfl.slice"(%[[PAD]], {{.*}} -> tensor<1x2xi32>
// CHECK: %[[V:.*]] = "tfl.slice"(%[[PAD]], {{.*}} -> tensor<1x2xi32>
// CHECK: %[[ROWS:.*]] = "tfl.concatenation"(%{{.*}}, %[[H]], %[[V]], %{{.*}}) {{.*}} -> tensor<4x2xi32>
// CHECK: %[[P:.*]] = "tfl.pad"(%[[X]], %[[ROWS]]) : (tensor<1x?x?x3xf32>, tensor<4x2xi32>) -> tensor<1x?x?x3xf32>
// CHECK: "tfl.conv_2d"(%[[P]], {{.*}}padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : {{.*}} -> tensor<1x?x?x4xf32>
func.func @dynamic_conv(%x: tensor<1x?x?x3xf32>, %w: tensor<3x3x3x4xf32>, %pad: tensor<2x2xi32>) -> tensor<1x?x?x4xf32> {
  %0 = "stablehlo.dynamic_conv"(%x, %w, %pad) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>, feature_group_count = 1 : i64, window_strides = array<i64: 2, 2>} : (tensor<1x?x?x3xf32>, tensor<3x3x3x4xf32>, tensor<2x2xi32>) -> tensor<1x?x?x4xf32>
  return %0 : tensor<1x?x?x4xf32>
}

// -----

// ---- stablehlo.pad (unknown dims, negative padding)
// Positive entries pad, negative ones crop by a strided slice whose end counts from
// the dim's end: no size is needed.
// CHECK-LABEL: func.func @pad_crop_unknown
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x5xf32>, %[[V:.*]]: tensor<f32>)
// CHECK: %[[P:.*]] = "tfl.padv2"(%[[X]], %{{.*}}, %[[V]]) : (tensor<2x?x5xf32>, tensor<3x2xi32>, tensor<f32>) -> tensor<2x?x7xf32>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[0, 1, 0]> : tensor<3xi32>}
// CHECK: %[[E:.*]] = "tfl.pseudo_const"() {value = dense<[0, -2, 0]> : tensor<3xi32>}
// CHECK: "tfl.strided_slice"(%[[P]], %[[B]], %[[E]], %{{.*}}) {{.*}}end_mask = 5 : i32{{.*}} -> tensor<2x?x7xf32>
func.func @pad_crop_unknown(%x: tensor<2x?x5xf32>, %v: tensor<f32>) -> tensor<2x?x7xf32> {
  %0 = "stablehlo.pad"(%x, %v) {edge_padding_low = array<i64: 0, -1, 0>, edge_padding_high = array<i64: 0, -2, 2>, interior_padding = array<i64: 0, 0, 0>} : (tensor<2x?x5xf32>, tensor<f32>) -> tensor<2x?x7xf32>
  return %0 : tensor<2x?x7xf32>
}

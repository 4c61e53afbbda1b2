// What stays float32, each with a remark at the constant, under the default threshold
// of 1024 elements.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-dynamic))' --verify-diagnostics | FileCheck %s

// A weight of fewer than 1024 elements: int8 would save little.
// CHECK-LABEL: func.func @small_weight
// CHECK: "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<16x32xf32>}
// CHECK: "tfl.fully_connected"{{.*}} : (tensor<1x32xf32>, tensor<16x32xf32>, none) -> tensor<1x16xf32>
func.func @small_weight(%x: tensor<1x32xf32>) -> tensor<1x16xf32> {
  // expected-remark@+1 {{kept float32: the weight has fewer than 1024 elements}}
  %w = "tfl.pseudo_const"() {value = dense<0.5> : tensor<16x32xf32>} : () -> tensor<16x32xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x32xf32>, tensor<16x32xf32>, none) -> tensor<1x16xf32>
  return %0 : tensor<1x16xf32>
}

// -----

// A 1024-element weight is quantized; the same constant is also added to an
// activation, and tfl.add has no hybrid kernel, so an f32 copy stays for it.
// CHECK-LABEL: func.func @also_read_by_add
// CHECK-DAG: %[[Q:.*]] = "tfl.pseudo_const"() {value = dense<127> : tensor<32x32xi8>} : () -> tensor<32x32x!quant.uniform<i8<-127:127>:f32:0,
// CHECK-DAG: %[[F:.*]] = "tfl.pseudo_const"() {value = dense<2.500000e-01> : tensor<32x32xf32>}
// CHECK: "tfl.fully_connected"(%{{.*}}, %[[Q]],
// CHECK: "tfl.add"(%{{.*}}, %[[F]])
func.func @also_read_by_add(%x: tensor<32x32xf32>) -> tensor<32x32xf32> {
  // expected-remark@+1 {{kept float32: read by 'tfl.add', which has no hybrid kernel for it}}
  %w = "tfl.pseudo_const"() {value = dense<0.25> : tensor<32x32xf32>} : () -> tensor<32x32xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<32x32xf32>, tensor<32x32xf32>, none) -> tensor<32x32xf32>
  %1 = "tfl.add"(%0, %w) {fused_activation_function = "NONE"} : (tensor<32x32xf32>, tensor<32x32xf32>) -> tensor<32x32xf32>
  return %1 : tensor<32x32xf32>
}

// -----

// A large constant only an op without a hybrid kernel reads (transpose_conv's weights;
// LiteRT has no hybrid transposed convolution), and a large constant as batch_matmul's
// x, which the hybrid kernel takes as float.
// CHECK-LABEL: func.func @no_hybrid_kernel
// CHECK-NOT: quant.uniform
func.func @no_hybrid_kernel(%x: tensor<1x8x8x32xf32>, %y: tensor<32x8xf32>) -> (tensor<1x8x8x32xf32>, tensor<32x8xf32>) {
  %shape = "tfl.pseudo_const"() {value = dense<[1, 8, 8, 32]> : tensor<4xi32>} : () -> tensor<4xi32>
  // expected-remark@+1 {{kept float32: read by 'tfl.transpose_conv', which has no hybrid kernel for it}}
  %w = "tfl.pseudo_const"() {value = dense<0.5> : tensor<32x1x1x32xf32>} : () -> tensor<32x1x1x32xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.transpose_conv"(%shape, %w, %x, %none) {fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<4xi32>, tensor<32x1x1x32xf32>, tensor<1x8x8x32xf32>, none) -> tensor<1x8x8x32xf32>
  // expected-remark@+1 {{kept float32: read by 'tfl.batch_matmul', which has no hybrid kernel for it}}
  %a = "tfl.pseudo_const"() {value = dense<0.5> : tensor<32x32xf32>} : () -> tensor<32x32xf32>
  %1 = "tfl.batch_matmul"(%a, %y) : (tensor<32x32xf32>, tensor<32x8xf32>) -> tensor<32x8xf32>
  return %0, %1 : tensor<1x8x8x32xf32>, tensor<32x8xf32>
}

// -----

// A weight computed at run time (here cast up from float16, as in a model.half()
// archive) is no constant to quantize.
// CHECK-LABEL: func.func @computed_weight
// CHECK-NOT: quant.uniform
func.func @computed_weight(%x: tensor<1x32xf32>, %wh: tensor<64x32xf16>) -> tensor<1x64xf32> {
  %w = "tfl.cast"(%wh) : (tensor<64x32xf16>) -> tensor<64x32xf32>
  %none = "tfl.no_value"() {value} : () -> none
  // expected-remark@+1 {{kept float32: the weight is not a constant (it is computed at run time)}}
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x32xf32>, tensor<64x32xf32>, none) -> tensor<1x64xf32>
  return %0 : tensor<1x64xf32>
}

// A 3-D convolution (legalize/conv3d.rs) is one 2-D convolution over the depth taps
// stacked into channels: NCDHW -> NDHWC, a PAD of the depth, one strided slice per
// depth tap, a concatenation on channels, [N*OD, H, W, KD*C] under a [KD*C]-input
// filter, and back. A grouped one sums one grouped 2-D convolution per tap. The numbers:
// LiteRT against XLA on the same StableHLO (NCDHW with padding and strides; NDHWC
// grouped with depth dilation).
// RUN: edge-opt %s --split-input-file --debug-patterns --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' -o %t.mlir 2>&1 | FileCheck %s --check-prefix=PATTERNS
// RUN: FileCheck %s --input-file=%t.mlir
// RUN: edge-opt %S/Inputs/conv3d_litert.mlir --pass-pipeline='builtin.module(inline-calls,func.func(stablehlo-widen-f16,legalize-stablehlo-to-tfl),symbol-dce,func.func(tfl-recognize-resize,tfl-fold-constants,tfl-recognize-patterns,tfl-remove-broadcasts,tfl-layout-nhwc,tfl-fold-constants,tfl-optimize,tfl-fuse-activation,tfl-quantize,tfl-quantize-bias,tfl-cleanup-requantize,tfl-fuse-activation,tfl-fold-constants))' -o %t.tfl.mlir
// RUN: edge-translate --mlir-to-tflite %t.tfl.mlir -o %t.tflite
// RUN: %litert-check %t.tflite --inputs %S/Inputs/conv3d.inputs.npz --save-outputs %t.litert.npz
// RUN: %python %S/../../runtime-check/stablehlo_check.py %S/Inputs/conv3d_litert.mlir --inputs %S/Inputs/conv3d.inputs.npz --expected %t.litert.npz --atol 1e-4 --rtol 1e-4 | FileCheck %s --check-prefix=NUMBERS
// NUMBERS: stablehlo-check: PASS

// PATTERNS: ConvolutionToStackedConv2d on 'stablehlo.convolution'
// PATTERNS: ConvolutionToConv2d on 'stablehlo.convolution'
// CHECK-LABEL: func.func @conv3d_ncdhw
// CHECK: %[[T:.*]] = "tfl.transpose"(%arg0, {{.*}} -> tensor<1x4x6x6x2xf32>
// CHECK: %[[P:.*]] = "tfl.pad"(%[[T]], {{.*}} -> tensor<1x6x6x6x2xf32>
// CHECK-COUNT-3: "tfl.strided_slice"(%[[P]], {{.*}} -> tensor<1x4x6x6x2xf32>
// CHECK: %[[C:.*]] = "tfl.concatenation"({{.*}}) {axis = 4 : i32, fused_activation_function = "NONE"} : {{.*}} -> tensor<1x4x6x6x6xf32>
// CHECK: %[[X4:.*]] = "tfl.reshape"(%[[C]], {{.*}} -> tensor<4x6x6x6xf32>
// CHECK: %[[Y:.*]] = "tfl.conv_2d"(%[[X4]], {{.*}}padding = "SAME"{{.*}} -> tensor<4x6x6x3xf32>
// CHECK: %[[Y5:.*]] = "tfl.reshape"(%[[Y]], {{.*}} -> tensor<1x4x6x6x3xf32>
// CHECK: %[[R:.*]] = "tfl.transpose"(%[[Y5]], {{.*}} -> tensor<1x3x4x6x6xf32>
// CHECK: return %[[R]]
func.func @conv3d_ncdhw(%x: tensor<1x2x4x6x6xf32>, %w: tensor<3x2x3x3x3xf32>) -> tensor<1x3x4x6x6xf32> {
  %0 = "stablehlo.convolution"(%x, %w) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1, 2]x[o, i, 0, 1, 2]->[b, f, 0, 1, 2]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<3x2xi64>, window_strides = array<i64: 1, 1, 1>}> : (tensor<1x2x4x6x6xf32>, tensor<3x2x3x3x3xf32>) -> tensor<1x3x4x6x6xf32>
  "func.return"(%0) : (tensor<1x3x4x6x6xf32>) -> ()
}

// -----

// Grouped (2 groups), NDHWC in and out: per depth tap a slice of the filter and a
// grouped 2-D convolution, summed; no transpose of the input or the output.
// PATTERNS: ConvolutionToStackedConv2d on 'stablehlo.convolution'
// CHECK-LABEL: func.func @conv3d_grouped_ndhwc
// CHECK-NOT: "tfl.transpose"(%arg0
// CHECK: "tfl.strided_slice"(%arg0
// CHECK: "tfl.strided_slice"(%arg0
// CHECK: %[[S:.*]] = "tfl.add"
// CHECK: %[[Y:.*]] = "tfl.reshape"(%[[S]], {{.*}} -> tensor<1x3x6x6x4xf32>
// CHECK: return %[[Y]]
func.func @conv3d_grouped_ndhwc(%x: tensor<1x5x6x6x4xf32>, %w: tensor<2x3x3x2x4xf32>) -> tensor<1x3x6x6x4xf32> {
  %0 = "stablehlo.convolution"(%x, %w) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, 2, f]x[0, 1, 2, i, o]->[b, 0, 1, 2, f]>, feature_group_count = 2 : i64, padding = dense<[[0, 0], [1, 1], [1, 1]]> : tensor<3x2xi64>, rhs_dilation = array<i64: 2, 1, 1>, window_strides = array<i64: 1, 1, 1>}> : (tensor<1x5x6x6x4xf32>, tensor<2x3x3x2x4xf32>) -> tensor<1x3x6x6x4xf32>
  "func.return"(%0) : (tensor<1x3x6x6x4xf32>) -> ()
}

// -----

// An unknown batch: the rows of the 2-D convolution are -1 (TFLite infers N*OD), the
// slices take the batch whole (end_mask bit 0).
// PATTERNS: ConvolutionToStackedConv2d on 'stablehlo.convolution'
// CHECK-LABEL: func.func @conv3d_dynamic_batch
// CHECK: "tfl.strided_slice"({{.*}}end_mask = 1 : i32{{.*}} -> tensor<?x2x6x6x2xf32>
// CHECK: "tfl.reshape"({{.*}} -> tensor<?x6x6x4xf32>
// CHECK: "tfl.conv_2d"({{.*}} -> tensor<?x6x6x3xf32>
// CHECK: "tfl.reshape"({{.*}} -> tensor<?x2x6x6x3xf32>
func.func @conv3d_dynamic_batch(%x: tensor<?x2x3x6x6xf32>, %w: tensor<3x2x2x3x3xf32>) -> tensor<?x3x2x6x6xf32> {
  %0 = "stablehlo.convolution"(%x, %w) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1, 2]x[o, i, 0, 1, 2]->[b, f, 0, 1, 2]>, feature_group_count = 1 : i64, padding = dense<[[0, 0], [1, 1], [1, 1]]> : tensor<3x2xi64>, window_strides = array<i64: 1, 1, 1>}> : (tensor<?x2x3x6x6xf32>, tensor<3x2x2x3x3xf32>) -> tensor<?x3x2x6x6xf32>
  "func.return"(%0) : (tensor<?x3x2x6x6xf32>) -> ()
}

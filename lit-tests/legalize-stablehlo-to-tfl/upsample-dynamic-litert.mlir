// Upsampling by integer scales over unknown sizes (nearest, bilinear with half-pixel
// centers, bilinear with align_corners) through the default pipeline, in LiteRT at two
// sizes against PyTorch's F.interpolate (Inputs/upsample_dynamic.{a,b}.*.npz: x of
// [1, 4, 5, 7] and [1, 4, 8, 3], scale (2, 3)).
// RUN: edge-opt %s --pass-pipeline='builtin.module(inline-calls,func.func(stablehlo-widen-f16,legalize-stablehlo-to-tfl),symbol-dce,func.func(tfl-recognize-resize,tfl-fold-constants,tfl-recognize-patterns,tfl-remove-broadcasts,tfl-layout-nhwc,tfl-fold-constants,tfl-optimize,tfl-fuse-activation,tfl-quantize,tfl-quantize-bias,tfl-cleanup-requantize,tfl-fuse-activation,tfl-fold-constants))' -o %t.tfl.mlir
// RUN: edge-translate --mlir-to-tflite %t.tfl.mlir -o %t.tflite
// RUN: %litert-check %t.tflite --inputs %S/Inputs/upsample_dynamic.a.inputs.npz --expected %S/Inputs/upsample_dynamic.a.expected.npz --atol 1e-5 | FileCheck %s
// RUN: %litert-check %t.tflite --inputs %S/Inputs/upsample_dynamic.b.inputs.npz --expected %S/Inputs/upsample_dynamic.b.expected.npz --atol 1e-5 | FileCheck %s

// CHECK: litert-check: PASS (3 of 3 outputs pass)

func.func @main(%x: tensor<?x4x?x?xf32>) -> (tensor<?x4x?x?xf32>, tensor<?x4x?x?xf32>, tensor<?x4x?x?xf32>) attributes {tf.entry_function = {inputs = "x", outputs = "bil,near,ac"}} {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_bilinear2d", composite_attributes = {align_corners = false, scale_factors = array<f64: 2.0, 3.0>}, decomposition = @stand_in, version = 0 : i32} : (tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %1 = "stablehlo.composite"(%x) {name = "aten.upsample_nearest2d", composite_attributes = {scale_factors = array<f64: 2.0, 3.0>}, decomposition = @stand_in, version = 0 : i32} : (tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  %2 = "stablehlo.composite"(%x) {name = "aten.upsample_bilinear2d", composite_attributes = {align_corners = true, scale_factors = array<f64: 2.0, 3.0>}, decomposition = @stand_in, version = 0 : i32} : (tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32>
  return %0, %1, %2 : tensor<?x4x?x?xf32>, tensor<?x4x?x?xf32>, tensor<?x4x?x?xf32>
}
func.func private @stand_in(%x: tensor<?x4x?x?xf32>) -> tensor<?x4x?x?xf32> {
  return %x : tensor<?x4x?x?xf32>
}

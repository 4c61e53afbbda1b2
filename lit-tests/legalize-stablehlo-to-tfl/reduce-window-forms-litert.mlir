// The reduce_window forms TFLite has no one op for (legalize/window.rs), through the
// default pipeline, in LiteRT against XLA running the same StableHLO: a prefix product
// (log-step scan), an int32 suffix maximum, a 3-D max pool (NCDHW, padded), a 3-D
// average over NDHWC divided by a constant, a 3-D average divided by the count of
// covered elements (count_include_pad=False), and a dilated 2-D max pool.
// RUN: edge-opt %s --pass-pipeline='builtin.module(inline-calls,func.func(stablehlo-widen-f16,legalize-stablehlo-to-tfl),symbol-dce,func.func(tfl-recognize-resize,tfl-fold-constants,tfl-recognize-patterns,tfl-remove-broadcasts,tfl-layout-nhwc,tfl-fold-constants,tfl-optimize,tfl-fuse-activation,tfl-quantize,tfl-quantize-bias,tfl-cleanup-requantize,tfl-fuse-activation,tfl-fold-constants))' -o %t.tfl.mlir
// RUN: FileCheck %s --check-prefix=OPS --input-file=%t.tfl.mlir
// RUN: edge-translate --mlir-to-tflite %t.tfl.mlir -o %t.tflite
// RUN: %litert-check %t.tflite --inputs %S/Inputs/reduce_window_forms.inputs.npz --save-outputs %t.litert.npz
// RUN: %python %S/../../runtime-check/stablehlo_check.py %s --inputs %S/Inputs/reduce_window_forms.inputs.npz --expected %t.litert.npz --atol 1e-5 --rtol 1e-5 | FileCheck %s

// OPS-NOT: stablehlo.
// CHECK: stablehlo-check: PASS

func.func @main(%c: tensor<2x6xf32>, %ci: tensor<2x7xi32>, %v: tensor<1x2x5x7x8xf32>, %n: tensor<1x4x6x6x2xf32>, %d: tensor<1x2x9x9xf32>)
    -> (tensor<2x6xf32>, tensor<2x7xi32>, tensor<1x2x3x4x4xf32>, tensor<1x2x3x3x2xf32>, tensor<1x2x3x4x4xf32>, tensor<1x2x9x9xf32>)
    attributes {tf.entry_function = {inputs = "c,ci,v,n,d", outputs = "cumprod,cummax_rev,max3d,avg3d_ndhwc,avg3d_count,max_dilated"}} {
  %one = "stablehlo.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%c, %one) <{padding = dense<[[0, 0], [5, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 6>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.multiply"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<2x6xf32>, tensor<f32>) -> tensor<2x6xf32>
  %lowest = "stablehlo.constant"() <{value = dense<-2147483648> : tensor<i32>}> : () -> tensor<i32>
  %1 = "stablehlo.reduce_window"(%ci, %lowest) <{padding = dense<[[0, 0], [0, 6]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 7>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "stablehlo.return"(%m) : (tensor<i32>) -> ()
  }) : (tensor<2x7xi32>, tensor<i32>) -> tensor<2x7xi32>
  %ninf = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
  %2 = "stablehlo.reduce_window"(%v, %ninf) <{padding = dense<[[0, 0], [0, 0], [1, 1], [1, 1], [1, 1]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 3, 3, 3>, window_strides = array<i64: 1, 1, 2, 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x2x5x7x8xf32>, tensor<f32>) -> tensor<1x2x3x4x4xf32>
  %zero = "stablehlo.constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %3 = "stablehlo.reduce_window"(%n, %zero) <{window_dimensions = array<i64: 1, 2, 2, 2, 1>, window_strides = array<i64: 1, 2, 2, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x4x6x6x2xf32>, tensor<f32>) -> tensor<1x2x3x3x2xf32>
  %eight = "stablehlo.constant"() <{value = dense<8.0> : tensor<1x2x3x3x2xf32>}> : () -> tensor<1x2x3x3x2xf32>
  %4 = "stablehlo.divide"(%3, %eight) : (tensor<1x2x3x3x2xf32>, tensor<1x2x3x3x2xf32>) -> tensor<1x2x3x3x2xf32>
  %5 = "stablehlo.reduce_window"(%v, %zero) <{padding = dense<[[0, 0], [0, 0], [1, 1], [1, 1], [1, 1]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 3, 3, 3>, window_strides = array<i64: 1, 1, 2, 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x2x5x7x8xf32>, tensor<f32>) -> tensor<1x2x3x4x4xf32>
  %ones = "stablehlo.constant"() <{value = dense<1.0> : tensor<1x2x5x7x8xf32>}> : () -> tensor<1x2x5x7x8xf32>
  %6 = "stablehlo.reduce_window"(%ones, %zero) <{padding = dense<[[0, 0], [0, 0], [1, 1], [1, 1], [1, 1]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 3, 3, 3>, window_strides = array<i64: 1, 1, 2, 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x2x5x7x8xf32>, tensor<f32>) -> tensor<1x2x3x4x4xf32>
  %7 = "stablehlo.divide"(%5, %6) : (tensor<1x2x3x4x4xf32>, tensor<1x2x3x4x4xf32>) -> tensor<1x2x3x4x4xf32>
  %8 = "stablehlo.reduce_window"(%d, %ninf) <{padding = dense<[[0, 0], [0, 0], [2, 2], [2, 2]]> : tensor<4x2xi64>, window_dimensions = array<i64: 1, 1, 3, 3>, window_strides = array<i64: 1, 1, 1, 1>, window_dilations = array<i64: 1, 1, 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x2x9x9xf32>, tensor<f32>) -> tensor<1x2x9x9xf32>
  return %0, %1, %2, %4, %7, %8 : tensor<2x6xf32>, tensor<2x7xi32>, tensor<1x2x3x4x4xf32>, tensor<1x2x3x3x2xf32>, tensor<1x2x3x4x4xf32>, tensor<1x2x9x9xf32>
}

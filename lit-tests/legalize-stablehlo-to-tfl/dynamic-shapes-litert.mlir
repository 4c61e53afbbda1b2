// A JAX-style shape-polymorphic program (int64 shape arithmetic on
// get_dimension_size, dynamic_reshape / dynamic_iota / dynamic_broadcast_in_dim /
// real_dynamic_slice / dynamic_pad, a mean divided by a run-time count, a shape
// assertion) through the whole default pipeline, written with -1 in shape_signature
// and run in LiteRT at two batch sizes against NumPy (Inputs/jax_dynamic_ref.py).
// RUN: edge-opt %s --pass-pipeline='builtin.module(inline-calls,func.func(stablehlo-widen-f16,legalize-stablehlo-to-tfl),symbol-dce,func.func(tfl-recognize-resize,tfl-fold-constants,tfl-recognize-patterns,tfl-remove-broadcasts,tfl-layout-nhwc,tfl-fold-constants,tfl-optimize,tfl-fuse-activation,tfl-quantize,tfl-quantize-bias,tfl-cleanup-requantize,tfl-fuse-activation,tfl-fold-constants))' -o %t.tfl.mlir
// RUN: FileCheck %s --check-prefix=TFL --input-file=%t.tfl.mlir
// RUN: edge-translate --mlir-to-tflite %t.tfl.mlir -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s --check-prefix=DUMP
// RUN: %python %S/Inputs/jax_dynamic_ref.py %t.b3 3
// RUN: %python %S/Inputs/jax_dynamic_ref.py %t.b7 7
// RUN: %litert-check %t.tflite --inputs %t.b3.inputs.npz --expected %t.b3.expected.npz --atol 1e-5 | FileCheck %s
// RUN: %litert-check %t.tflite --inputs %t.b7.inputs.npz --expected %t.b7.expected.npz --atol 1e-5 | FileCheck %s

// No int64 value is left (TFLite has no int64 DIV), the mean is one op, the
// reshape's shape is a constant with -1.
// TFL-LABEL: func.func @main
// TFL-NOT: i64>
// TFL-DAG: %[[C:.*]] = "tfl.pseudo_const"() {value = dense<[-1, 4]> : tensor<2xi32>}
// TFL-DAG: "tfl.reshape"(%{{.*}}, %[[C]])
// TFL-DAG: "tfl.mean"
// TFL-DAG: "tfl.range"
// TFL: return

// DUMP: 0: "x" tensor<?x8xf32> shape=[1, 8] buffer=0 shape_signature=[-1, 8]

// CHECK: litert-check: PASS (4 of 4 outputs pass)

func.func @main(%x: tensor<?x8xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<4xf32>, tensor<?x?xf32>) attributes {tf.entry_function = {inputs = "x", outputs = "t,head,mean,padded"}} {
  %b32 = "stablehlo.get_dimension_size"(%x) {dimension = 0 : i64} : (tensor<?x8xf32>) -> tensor<i32>
  %b = "stablehlo.convert"(%b32) : (tensor<i32>) -> tensor<i64>
  %one = "stablehlo.constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
  %ok = "stablehlo.compare"(%b, %one) {comparison_direction = #stablehlo<comparison_direction GE>} : (tensor<i64>, tensor<i64>) -> tensor<i1>
  "stablehlo.custom_call"(%ok, %b) {call_target_name = "shape_assertion", error_message = "b >= 1", has_side_effect = true} : (tensor<i1>, tensor<i64>) -> ()
  %two = "stablehlo.constant"() {value = dense<2> : tensor<i64>} : () -> tensor<i64>
  %rows = "stablehlo.multiply"(%b, %two) : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %rows1 = "stablehlo.reshape"(%rows) : (tensor<i64>) -> tensor<1xi64>
  %four = "stablehlo.constant"() {value = dense<4> : tensor<1xi64>} : () -> tensor<1xi64>
  %shape = "stablehlo.concatenate"(%rows1, %four) {dimension = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %y = "stablehlo.dynamic_reshape"(%x, %shape) : (tensor<?x8xf32>, tensor<2xi64>) -> tensor<?x4xf32>
  %io = "stablehlo.dynamic_iota"(%shape) {iota_dimension = 0 : i64} : (tensor<2xi64>) -> tensor<?x4xf32>
  %c = "stablehlo.constant"() {value = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>} : () -> tensor<4xf32>
  %cb = "stablehlo.dynamic_broadcast_in_dim"(%c, %shape) {broadcast_dimensions = array<i64: 1>} : (tensor<4xf32>, tensor<2xi64>) -> tensor<?x4xf32>
  %s = "stablehlo.add"(%y, %io) : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  %t = "stablehlo.add"(%s, %cb) : (tensor<?x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  // The first rows / 2 rows.
  %half = "stablehlo.divide"(%rows, %two) : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %half1 = "stablehlo.reshape"(%half) : (tensor<i64>) -> tensor<1xi64>
  %limit = "stablehlo.concatenate"(%half1, %four) {dimension = 0 : i64} : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %zeros = "stablehlo.constant"() {value = dense<0> : tensor<2xi64>} : () -> tensor<2xi64>
  %ones = "stablehlo.constant"() {value = dense<1> : tensor<2xi64>} : () -> tensor<2xi64>
  %head = "stablehlo.real_dynamic_slice"(%t, %zeros, %limit, %ones) : (tensor<?x4xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x4xf32>
  // The mean over rows: a sum divided by the run-time row count.
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %sum = "stablehlo.reduce"(%t, %zero) ({
  ^bb0(%a: tensor<f32>, %e: tensor<f32>):
    %r = "stablehlo.add"(%a, %e) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<?x4xf32>, tensor<f32>) -> tensor<4xf32>
  %t0 = "stablehlo.get_dimension_size"(%t) {dimension = 0 : i64} : (tensor<?x4xf32>) -> tensor<i32>
  %n = "stablehlo.convert"(%t0) : (tensor<i32>) -> tensor<f32>
  %nb = "stablehlo.broadcast_in_dim"(%n) {broadcast_dimensions = array<i64>} : (tensor<f32>) -> tensor<4xf32>
  %mean = "stablehlo.divide"(%sum, %nb) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  // One row of -1 above, two columns after.
  %m1 = "stablehlo.constant"() {value = dense<-1.0> : tensor<f32>} : () -> tensor<f32>
  %lo = "stablehlo.constant"() {value = dense<[1, 0]> : tensor<2xi64>} : () -> tensor<2xi64>
  %hi = "stablehlo.constant"() {value = dense<[0, 2]> : tensor<2xi64>} : () -> tensor<2xi64>
  %padded = "stablehlo.dynamic_pad"(%t, %m1, %lo, %hi, %zeros) : (tensor<?x4xf32>, tensor<f32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> tensor<?x?xf32>
  return %t, %head, %mean, %padded : tensor<?x4xf32>, tensor<?x4xf32>, tensor<4xf32>, tensor<?x?xf32>
}

// Causal self-attention over an unknown sequence length, in the importer's style (int32
// sizes from get_dimension_size, dynamic_broadcast_in_dim to run-time shapes, a mask
// from two dynamic_iota): the default pipeline makes one softmax and drops the
// broadcasts the element-wise ops do themselves; LiteRT at T = 3 and T = 10 against
// NumPy (Inputs/causal_attention_ref.py).
// RUN: edge-opt %s --pass-pipeline='builtin.module(inline-calls,func.func(stablehlo-widen-f16,legalize-stablehlo-to-tfl),symbol-dce,func.func(tfl-recognize-resize,tfl-fold-constants,tfl-recognize-patterns,tfl-remove-broadcasts,tfl-layout-nhwc,tfl-fold-constants,tfl-optimize,tfl-fuse-activation,tfl-quantize,tfl-quantize-bias,tfl-cleanup-requantize,tfl-fuse-activation,tfl-fold-constants))' -o %t.tfl.mlir
// RUN: FileCheck %s --check-prefix=TFL --input-file=%t.tfl.mlir
// RUN: edge-translate --mlir-to-tflite %t.tfl.mlir -o %t.tflite
// RUN: %python %S/Inputs/causal_attention_ref.py %t.t3 3
// RUN: %python %S/Inputs/causal_attention_ref.py %t.t10 10
// RUN: %litert-check %t.tflite --inputs %t.t3.inputs.npz --expected %t.t3.expected.npz --atol 1e-5 | FileCheck %s
// RUN: %litert-check %t.tflite --inputs %t.t10.inputs.npz --expected %t.t10.expected.npz --atol 1e-5 | FileCheck %s

// TFL-LABEL: func.func @main
// TFL: "tfl.range"
// TFL: "tfl.range"
// TFL: "tfl.softmax"({{.*}}) {beta = 1.000000e+00 : f32} : (tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
// TFL-NOT: tfl.exp
// TFL-NOT: tfl.div
// TFL: return

// CHECK: litert-check: PASS (1 of 1 output pass)

func.func @main(%x: tensor<1x?x8xf32>, %wq: tensor<8x8xf32>, %wk: tensor<8x8xf32>, %wv: tensor<8x8xf32>) -> tensor<1x?x8xf32> attributes {tf.entry_function = {inputs = "x,wq,wk,wv", outputs = "y"}} {
  %t = "stablehlo.get_dimension_size"(%x) {dimension = 1 : i64} : (tensor<1x?x8xf32>) -> tensor<i32>
  %t1 = "stablehlo.reshape"(%t) : (tensor<i32>) -> tensor<1xi32>
  %one = "stablehlo.constant"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %s3 = "stablehlo.concatenate"(%one, %t1, %t1) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<3xi32>
  %s2 = "stablehlo.concatenate"(%t1, %t1) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>) -> tensor<2xi32>
  %q = "stablehlo.dot_general"(%x, %wq) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<1x?x8xf32>, tensor<8x8xf32>) -> tensor<1x?x8xf32>
  %k = "stablehlo.dot_general"(%x, %wk) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<1x?x8xf32>, tensor<8x8xf32>) -> tensor<1x?x8xf32>
  %v = "stablehlo.dot_general"(%x, %wv) {dot_dimension_numbers = #stablehlo.dot<lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [0]>} : (tensor<1x?x8xf32>, tensor<8x8xf32>) -> tensor<1x?x8xf32>
  %s = "stablehlo.dot_general"(%q, %k) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [2]>} : (tensor<1x?x8xf32>, tensor<1x?x8xf32>) -> tensor<1x?x?xf32>
  %scale = "stablehlo.constant"() {value = dense<0.353553385> : tensor<f32>} : () -> tensor<f32>
  %scaleb = "stablehlo.dynamic_broadcast_in_dim"(%scale, %s3) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<3xi32>) -> tensor<1x?x?xf32>
  %ss = "stablehlo.multiply"(%s, %scaleb) : (tensor<1x?x?xf32>, tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %rows = "stablehlo.dynamic_iota"(%s2) {iota_dimension = 0 : i64} : (tensor<2xi32>) -> tensor<?x?xi32>
  %cols = "stablehlo.dynamic_iota"(%s2) {iota_dimension = 1 : i64} : (tensor<2xi32>) -> tensor<?x?xi32>
  %causal = "stablehlo.compare"(%cols, %rows) {comparison_direction = #stablehlo<comparison_direction LE>} : (tensor<?x?xi32>, tensor<?x?xi32>) -> tensor<?x?xi1>
  %mask = "stablehlo.dynamic_broadcast_in_dim"(%causal, %s3) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<?x?xi1>, tensor<3xi32>) -> tensor<1x?x?xi1>
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %ninfb = "stablehlo.dynamic_broadcast_in_dim"(%ninf, %s3) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<3xi32>) -> tensor<1x?x?xf32>
  %masked = "stablehlo.select"(%mask, %ss, %ninfb) : (tensor<1x?x?xi1>, tensor<1x?x?xf32>, tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %m = "stablehlo.reduce"(%masked, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 2>} : (tensor<1x?x?xf32>, tensor<f32>) -> tensor<1x?xf32>
  %mb = "stablehlo.dynamic_broadcast_in_dim"(%m, %s3) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x?xf32>, tensor<3xi32>) -> tensor<1x?x?xf32>
  %d = "stablehlo.subtract"(%masked, %mb) : (tensor<1x?x?xf32>, tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %e = "stablehlo.exponential"(%d) : (tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %sum = "stablehlo.reduce"(%e, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 2>} : (tensor<1x?x?xf32>, tensor<f32>) -> tensor<1x?xf32>
  %sb = "stablehlo.dynamic_broadcast_in_dim"(%sum, %s3) {broadcast_dimensions = array<i64: 0, 1>} : (tensor<1x?xf32>, tensor<3xi32>) -> tensor<1x?x?xf32>
  %p = "stablehlo.divide"(%e, %sb) : (tensor<1x?x?xf32>, tensor<1x?x?xf32>) -> tensor<1x?x?xf32>
  %y = "stablehlo.dot_general"(%p, %v) {dot_dimension_numbers = #stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>} : (tensor<1x?x?xf32>, tensor<1x?x8xf32>) -> tensor<1x?x8xf32>
  return %y : tensor<1x?x8xf32>
}

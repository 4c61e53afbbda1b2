// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-widen-f16))' | FileCheck %s

// Inputs go up to f32 where the body starts; an op that can leave f16's values (add)
// rounds through f16; the f16 result is returned as it is.
// CHECK-LABEL: func.func @add
// CHECK-SAME: (%[[A:.*]]: tensor<4xf16>, %[[B:.*]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK: %[[A32:.*]] = "stablehlo.convert"(%[[A]]) : (tensor<4xf16>) -> tensor<4xf32>
// CHECK: %[[B32:.*]] = "stablehlo.convert"(%[[B]]) : (tensor<4xf16>) -> tensor<4xf32>
// CHECK: %[[S:.*]] = "stablehlo.add"(%[[A32]], %[[B32]]) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: %[[R:.*]] = "stablehlo.convert"(%[[S]]) : (tensor<4xf32>) -> tensor<4xf16>
// CHECK-NOT: stablehlo.convert
// CHECK: return %[[R]] : tensor<4xf16>
func.func @add(%a: tensor<4xf16>, %b: tensor<4xf16>) -> tensor<4xf16> {
  %0 = "stablehlo.add"(%a, %b) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// -----

// A max-reduction and a broadcast only pick f16 values: no rounding; the exponential and
// the sum-reduction round (the sum accumulates in f32 and rounds once). Splat constants
// become f32 splats; the reduce bodies compute in f32.
// CHECK-LABEL: func.func @softmax_parts
// CHECK: %[[X:.*]] = "stablehlo.convert"(%{{.*}}) : (tensor<2x3xf16>) -> tensor<2x3xf32>
// CHECK: %[[NINF:.*]] = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>}
// CHECK: %[[M:.*]] = "stablehlo.reduce"(%[[X]], %[[NINF]])
// CHECK: ^bb0(%{{.*}}: tensor<f32>, %{{.*}}: tensor<f32>):
// CHECK: "stablehlo.maximum"({{.*}}) : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: -> tensor<2xf32>
// CHECK-NEXT: %[[MB:.*]] = "stablehlo.broadcast_in_dim"(%[[M]]) {{.*}} -> tensor<2x3xf32>
// CHECK-NEXT: %[[D:.*]] = "stablehlo.subtract"(%[[X]], %[[MB]])
// CHECK-NEXT: %[[D16:.*]] = "stablehlo.convert"(%[[D]]) : (tensor<2x3xf32>) -> tensor<2x3xf16>
// CHECK-NEXT: %[[D32:.*]] = "stablehlo.convert"(%[[D16]]) : (tensor<2x3xf16>) -> tensor<2x3xf32>
// CHECK-NEXT: %[[E:.*]] = "stablehlo.exponential"(%[[D32]])
// CHECK: %[[SUM:.*]] = "stablehlo.reduce"
// CHECK: "stablehlo.add"({{.*}}) : (tensor<f32>, tensor<f32>) -> tensor<f32>
// CHECK: -> tensor<2xf32>
// CHECK-NEXT: %[[S16:.*]] = "stablehlo.convert"(%[[SUM]]) : (tensor<2xf32>) -> tensor<2xf16>
func.func @softmax_parts(%x: tensor<2x3xf16>) -> (tensor<2x3xf16>, tensor<2xf16>) {
  %ninf = "stablehlo.constant"() {value = dense<0xFC00> : tensor<f16>} : () -> tensor<f16>
  %m = "stablehlo.reduce"(%x, %ninf) ({
  ^bb0(%a: tensor<f16>, %b: tensor<f16>):
    %r = "stablehlo.maximum"(%a, %b) : (tensor<f16>, tensor<f16>) -> tensor<f16>
    "stablehlo.return"(%r) : (tensor<f16>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf16>, tensor<f16>) -> tensor<2xf16>
  %mb = "stablehlo.broadcast_in_dim"(%m) {broadcast_dimensions = array<i64: 0>} : (tensor<2xf16>) -> tensor<2x3xf16>
  %d = "stablehlo.subtract"(%x, %mb) : (tensor<2x3xf16>, tensor<2x3xf16>) -> tensor<2x3xf16>
  %e = "stablehlo.exponential"(%d) : (tensor<2x3xf16>) -> tensor<2x3xf16>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f16>} : () -> tensor<f16>
  %s = "stablehlo.reduce"(%e, %zero) ({
  ^bb0(%a: tensor<f16>, %b: tensor<f16>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f16>, tensor<f16>) -> tensor<f16>
    "stablehlo.return"(%r) : (tensor<f16>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x3xf16>, tensor<f16>) -> tensor<2xf16>
  return %e, %s : tensor<2x3xf16>, tensor<2xf16>
}

// -----

// Other f16 constants stay f16 (half the bytes) and go up where they are read; converts
// from f16 to f32 of a widened value disappear; a convert to f16 is the rounding.
// CHECK-LABEL: func.func @constants_and_converts
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK: %[[W:.*]] = "stablehlo.constant"() {value = dense<[1.500000e+00, -2.000000e+00]> : tensor<2xf16>}
// CHECK: %[[W32:.*]] = "stablehlo.convert"(%[[W]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK: %[[H:.*]] = "stablehlo.convert"(%[[X]]) : (tensor<2xf32>) -> tensor<2xf16>
// CHECK: %[[H32:.*]] = "stablehlo.convert"(%[[H]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK: %[[P:.*]] = "stablehlo.multiply"(%[[H32]], %[[W32]]) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
// CHECK: %[[P16:.*]] = "stablehlo.convert"(%[[P]]) : (tensor<2xf32>) -> tensor<2xf16>
// CHECK: %[[P32:.*]] = "stablehlo.convert"(%[[P16]]) : (tensor<2xf16>) -> tensor<2xf32>
// CHECK: return %[[P32]] : tensor<2xf32>
func.func @constants_and_converts(%x: tensor<2xf32>) -> tensor<2xf32> {
  %w = "stablehlo.constant"() {value = dense<[1.5, -2.0]> : tensor<2xf16>} : () -> tensor<2xf16>
  %h = "stablehlo.convert"(%x) : (tensor<2xf32>) -> tensor<2xf16>
  %p = "stablehlo.multiply"(%h, %w) : (tensor<2xf16>, tensor<2xf16>) -> tensor<2xf16>
  %r = "stablehlo.convert"(%p) : (tensor<2xf16>) -> tensor<2xf32>
  return %r : tensor<2xf32>
}

// -----

// An f16 op the pass does not know (f16 bits read as integers) leaves the function as
// it is.
// CHECK-LABEL: func.func @unknown_op
// CHECK: "stablehlo.add"(%{{.*}}, %{{.*}}) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
// CHECK: "stablehlo.bitcast_convert"(%{{.*}}) : (tensor<4xf16>) -> tensor<4xi16>
func.func @unknown_op(%a: tensor<4xf16>) -> tensor<4xi16> {
  %0 = "stablehlo.add"(%a, %a) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  %1 = "stablehlo.bitcast_convert"(%0) : (tensor<4xf16>) -> tensor<4xi16>
  return %1 : tensor<4xi16>
}

// -----

// A composite that touches f16 is inlined and its ops widened with the rest (TFLite has
// no f16 builtin for it, and its decomposition must keep the composite's f16 types).
// An f32 composite stays for the legalization; private functions (decompositions) are
// left as they are.
// CHECK-LABEL: func.func @composites
// CHECK-SAME: (%[[H:.*]]: tensor<4xf16>, %[[F:.*]]: tensor<4xf32>)
// CHECK: %[[H32:.*]] = "stablehlo.convert"(%[[H]]) : (tensor<4xf16>) -> tensor<4xf32>
// CHECK: %[[SIX:.*]] = "stablehlo.constant"() {value = dense<6.000000e+00> : tensor<4xf32>}
// CHECK: %[[D:.*]] = "stablehlo.divide"(%[[H32]], %[[SIX]]) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
// CHECK: "stablehlo.convert"(%[[D]]) : (tensor<4xf32>) -> tensor<4xf16>
// CHECK: %[[G:.*]] = "stablehlo.composite"(%[[F]]) {{.*}}name = "aten.gelu"{{.*}} : (tensor<4xf32>) -> tensor<4xf32>
// CHECK: return
// CHECK: func.func private @sixth(%[[X:.*]]: tensor<4xf16>) -> tensor<4xf16>
// CHECK: "stablehlo.divide"(%[[X]], %{{.*}}) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
func.func @composites(%h: tensor<4xf16>, %f: tensor<4xf32>) -> (tensor<4xf16>, tensor<4xf32>) {
  %0 = "stablehlo.composite"(%h) {name = "my.sixth", decomposition = @sixth, version = 0 : i32} : (tensor<4xf16>) -> tensor<4xf16>
  %1 = "stablehlo.composite"(%f) {name = "aten.gelu", composite_attributes = {approximate = "tanh"}, decomposition = @gelu_f32, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf16>, tensor<4xf32>
}
func.func private @sixth(%x: tensor<4xf16>) -> tensor<4xf16> {
  %six = "stablehlo.constant"() {value = dense<6.0> : tensor<4xf16>} : () -> tensor<4xf16>
  %y = "stablehlo.divide"(%x, %six) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
  return %y : tensor<4xf16>
}
func.func private @gelu_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = "stablehlo.tanh"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

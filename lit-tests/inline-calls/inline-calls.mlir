// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(inline-calls)' | FileCheck %s

// A private function called once, as JAX outlines relu: inlined and erased.
// CHECK-LABEL: func.func public @main
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<4xf32>}
// CHECK: %[[Y:.*]] = "stablehlo.maximum"(%[[X]], %[[ZERO]])
// CHECK: return %[[Y]]
// CHECK-NOT: func.call
// CHECK-NOT: @relu
func.func public @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "func.call"(%x) <{callee = @relu}> : (tensor<4xf32>) -> tensor<4xf32>
  "func.return"(%0) : (tensor<4xf32>) -> ()
}
func.func private @relu(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.constant"() <{value = dense<0.0> : tensor<4xf32>}> : () -> tensor<4xf32>
  %1 = "stablehlo.maximum"(%a, %0) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  "func.return"(%1) : (tensor<4xf32>) -> ()
}

// -----

// Nested calls, two call sites, several results, and a region that reads a value of
// the callee: every copy reads the caller's values.
// CHECK-LABEL: func.func @twice
// CHECK-SAME: (%[[X:.*]]: tensor<2xf32>)
// CHECK: %[[A:.*]] = "stablehlo.abs"(%[[X]])
// CHECK: %[[N:.*]] = "stablehlo.negate"(%[[A]])
// CHECK: %[[B:.*]] = "stablehlo.abs"(%[[N]])
// CHECK: %[[M:.*]] = "stablehlo.negate"(%[[B]])
// CHECK: %[[Z:.*]] = "stablehlo.constant"
// CHECK: %[[R:.*]] = "stablehlo.reduce"(%[[M]], %[[Z]])
// CHECK: %[[S:.*]] = "stablehlo.add"
// CHECK: "stablehlo.add"(%[[S]], %[[Z]])
// CHECK: return %[[N]], %[[R]]
// CHECK-NOT: func.func private
func.func @twice(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<f32>) {
  %0:2 = call @outer(%x) : (tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  %1:2 = call @outer(%0#1) : (tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  %2 = call @sum(%1#1) : (tensor<2xf32>) -> tensor<f32>
  return %0#1, %2 : tensor<2xf32>, tensor<f32>
}
func.func private @outer(%a: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>) {
  %0 = call @inner(%a) : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "stablehlo.negate"(%0) : (tensor<2xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2xf32>, tensor<2xf32>
}
func.func private @inner(%a: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "stablehlo.abs"(%a) : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
func.func private @sum(%a: tensor<2xf32>) -> tensor<f32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "stablehlo.reduce"(%a, %zero) ({
  ^bb0(%p: tensor<f32>, %q: tensor<f32>):
    %s = "stablehlo.add"(%p, %q) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    %t = "stablehlo.add"(%s, %zero) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%t) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<2xf32>, tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// Public functions stay, as do private ones something else names.
// CHECK-LABEL: func.func @keep
// CHECK: func.func public @api
// CHECK: func.func private @named
func.func @keep(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "stablehlo.custom_call"(%x) {call_target_name = "foo", called_computations = [@named]} : (tensor<2xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}
func.func public @api(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
func.func private @named(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

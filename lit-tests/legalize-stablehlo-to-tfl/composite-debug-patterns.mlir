// RUN: edge-opt %s --debug-patterns --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' -o %t 2>&1 | FileCheck %s
// RUN: FileCheck %s --check-prefix=IR --input-file=%t

// The two conversion patterns of a composite (passes/src/legalize/composite.rs): a
// composite its row maps is one application; one no row maps is inlined, and the
// inlined ops are converted right after it, before the ops that follow it.
// CHECK: [pattern] CompositeToTflBuiltin on 'stablehlo.composite' at loc("gelu")
// CHECK-NEXT: [pattern] CompositeToDecomposition on 'stablehlo.composite' at loc("sixth")
// CHECK-NEXT: [pattern] ConstantToPseudoConst on 'stablehlo.constant' at loc("sixth")
// CHECK-NEXT: [pattern] DivideToDiv on 'stablehlo.divide' at loc("sixth")
// CHECK-NEXT: [pattern] NegateToNeg on 'stablehlo.negate' at loc("after")
// CHECK-NOT: [pattern]

// IR-LABEL: func.func @composites
// IR: "tfl.gelu"
// IR: "tfl.div"
// IR: "tfl.neg"
// IR-NOT: stablehlo.composite
func.func @composites(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.gelu", composite_attributes = {approximate = "tanh"}, decomposition = @gelu, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32> loc("gelu")
  %1 = "stablehlo.composite"(%0) {name = "my.sixth", decomposition = @sixth, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32> loc("sixth")
  %2 = "stablehlo.negate"(%1) : (tensor<4xf32>) -> tensor<4xf32> loc("after")
  return %2 : tensor<4xf32>
}
func.func private @gelu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = "stablehlo.tanh"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
func.func private @sixth(%x: tensor<4xf32>) -> tensor<4xf32> {
  %six = "stablehlo.constant"() {value = dense<6.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %y = "stablehlo.divide"(%x, %six) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// stablehlo.sign of an integer type tfl.sign does not take (f32/i32 only): two compares
// against 0 and two selects, exact for any i64 (DeBERTa-v2's sign of relative
// positions, over a dynamic sequence).
// CHECK-LABEL: func.func @sign_i64
// CHECK-SAME: (%[[X:.*]]: tensor<?x?xi64>)
// CHECK-DAG: %[[ZERO:.*]] = "tfl.pseudo_const"() {value = dense<0> : tensor<i64>}
// CHECK-DAG: %[[ONE:.*]] = "tfl.pseudo_const"() {value = dense<1> : tensor<i64>}
// CHECK-DAG: %[[M1:.*]] = "tfl.pseudo_const"() {value = dense<-1> : tensor<i64>}
// CHECK: %[[POS:.*]] = "tfl.greater"(%[[X]], %[[ZERO]]) : (tensor<?x?xi64>, tensor<i64>) -> tensor<?x?xi1>
// CHECK-NEXT: %[[NEG:.*]] = "tfl.less"(%[[X]], %[[ZERO]]) : (tensor<?x?xi64>, tensor<i64>) -> tensor<?x?xi1>
// CHECK-NEXT: %[[LOW:.*]] = "tfl.select_v2"(%[[NEG]], %[[M1]], %[[ZERO]]) : (tensor<?x?xi1>, tensor<i64>, tensor<i64>) -> tensor<?x?xi64>
// CHECK-NEXT: %[[S:.*]] = "tfl.select_v2"(%[[POS]], %[[ONE]], %[[LOW]]) : (tensor<?x?xi1>, tensor<i64>, tensor<?x?xi64>) -> tensor<?x?xi64>
// CHECK-NEXT: return %[[S]]
func.func @sign_i64(%x: tensor<?x?xi64>) -> tensor<?x?xi64> {
  %0 = "stablehlo.sign"(%x) : (tensor<?x?xi64>) -> tensor<?x?xi64>
  return %0 : tensor<?x?xi64>
}

// -----

// i32 and f32 keep tfl.sign.
// CHECK-LABEL: func.func @sign_i32
// CHECK: "tfl.sign"(%{{.*}}) : (tensor<4xi32>) -> tensor<4xi32>
func.func @sign_i32(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = "stablehlo.sign"(%x) : (tensor<4xi32>) -> tensor<4xi32>
  return %0 : tensor<4xi32>
}

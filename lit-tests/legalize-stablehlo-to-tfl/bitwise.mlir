// Bitwise and/or/xor/not on integers: STABLEHLO_AND, BITWISE_XOR (8 to 32 bits) and
// identities that cannot overflow for the rest.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s

// 32 bits: and is STABLEHLO_AND, xor is BITWISE_XOR, or is (a ^ b) ^ (a & b), not is -1 - a.
// CHECK-LABEL: func.func @bitwise_i32
// CHECK-SAME: (%[[A:.*]]: tensor<4xi32>, %[[B:.*]]: tensor<4xi32>)
// CHECK: %[[AND:.*]] = "tfl.stablehlo_and"(%[[A]], %[[B]]) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
// CHECK: %[[AND2:.*]] = "tfl.stablehlo_and"(%[[A]], %[[B]])
// CHECK: %[[EITHER:.*]] = "tfl.bitwise_xor"(%[[A]], %[[B]])
// CHECK: %[[OR:.*]] = "tfl.bitwise_xor"(%[[EITHER]], %[[AND2]])
// CHECK: %[[XOR:.*]] = "tfl.bitwise_xor"(%[[A]], %[[B]])
// CHECK: %[[M1:.*]] = "tfl.pseudo_const"() {value = dense<-1> : tensor<i32>}
// CHECK: %[[NOT:.*]] = "tfl.sub"(%[[M1]], %[[A]]) {fused_activation_function = "NONE"} : (tensor<i32>, tensor<4xi32>) -> tensor<4xi32>
// CHECK: return %[[AND]], %[[OR]], %[[XOR]], %[[NOT]]
func.func @bitwise_i32(%a: tensor<4xi32>, %b: tensor<4xi32>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>) {
  %0 = "stablehlo.and"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %1 = "stablehlo.or"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %2 = "stablehlo.xor"(%a, %b) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  %3 = "stablehlo.not"(%a) : (tensor<4xi32>) -> tensor<4xi32>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<4xi32>, tensor<4xi32>, tensor<4xi32>
}

// -----

// 64 bits (no BITWISE_XOR kernel): or is (a - (a & b)) + b, xor is (a | b) - (a & b).
// CHECK-LABEL: func.func @bitwise_i64
// CHECK-SAME: (%[[A:.*]]: tensor<4xi64>, %[[B:.*]]: tensor<4xi64>)
// CHECK: %[[AND:.*]] = "tfl.stablehlo_and"(%[[A]], %[[B]])
// CHECK: %[[CLEARED:.*]] = "tfl.sub"(%[[A]], %[[AND]])
// CHECK: %[[OR:.*]] = "tfl.add"(%[[CLEARED]], %[[B]])
// CHECK: %[[AND2:.*]] = "tfl.stablehlo_and"(%[[A]], %[[B]])
// CHECK: %[[XOR:.*]] = "tfl.sub"(%[[OR]], %[[AND2]])
// CHECK: return %[[XOR]]
func.func @bitwise_i64(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = "stablehlo.xor"(%a, %b) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// -----

// 8 bits: not is a ^ -1 (SUB has no plain int8 kernel).
// CHECK-LABEL: func.func @not_i8
// CHECK: %[[M1:.*]] = "tfl.pseudo_const"() {value = dense<-1> : tensor<i8>}
// CHECK: "tfl.bitwise_xor"(%{{.*}}, %[[M1]]) : (tensor<4xi8>, tensor<i8>) -> tensor<4xi8>
func.func @not_i8(%a: tensor<4xi8>) -> tensor<4xi8> {
  %0 = "stablehlo.not"(%a) : (tensor<4xi8>) -> tensor<4xi8>
  return %0 : tensor<4xi8>
}

// -----

// bitcast_convert is BITCAST (signbit: the sign of the int32 view).
// CHECK-LABEL: func.func @signbit
// CHECK: %[[BITS:.*]] = "tfl.bitcast"(%{{.*}}) : (tensor<4xf32>) -> tensor<4xi32>
// CHECK: "tfl.less"(%[[BITS]],
// CHECK: "tfl.bitcast"(%{{.*}}) : (tensor<2xi64>) -> tensor<2x2xi32>
func.func @signbit(%x: tensor<4xf32>, %y: tensor<2xi64>) -> (tensor<4xi1>, tensor<2x2xi32>) {
  %0 = "stablehlo.bitcast_convert"(%x) : (tensor<4xf32>) -> tensor<4xi32>
  %z = "stablehlo.constant"() {value = dense<0> : tensor<4xi32>} : () -> tensor<4xi32>
  %1 = "stablehlo.compare"(%0, %z) {comparison_direction = #stablehlo<comparison_direction LT>, compare_type = #stablehlo<comparison_type SIGNED>} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>
  %2 = "stablehlo.bitcast_convert"(%y) : (tensor<2xi64>) -> tensor<2x2xi32>
  return %1, %2 : tensor<4xi1>, tensor<2x2xi32>
}

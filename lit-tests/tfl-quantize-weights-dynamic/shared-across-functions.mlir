// The same weight in two functions of one context (a prefill and a decode signature,
// imported from two archives that hold the same weights) is quantized once: the second
// function's constant reads the blob the first one made (one name, one copy in memory;
// the writer stores it once either way).
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-weights-dynamic))' | FileCheck %s

// CHECK-LABEL: func.func @prefill
// CHECK: "tfl.pseudo_const"() {value = dense_resource<[[BLOB:edge_const_[0-9]+]]> : tensor<128x64xi8>}
// CHECK-LABEL: func.func @decode
// CHECK: "tfl.pseudo_const"() {value = dense_resource<[[BLOB]]> : tensor<128x64xi8>}
func.func @prefill(%x: tensor<4x64xf32>) -> tensor<4x128xf32> {
  %w = "tfl.pseudo_const"() {value = dense<0.5> : tensor<128x64xf32>} : () -> tensor<128x64xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<4x64xf32>, tensor<128x64xf32>, none) -> tensor<4x128xf32>
  return %0 : tensor<4x128xf32>
}
func.func @decode(%x: tensor<1x64xf32>) -> tensor<1x128xf32> {
  %w = "tfl.pseudo_const"() {value = dense<0.5> : tensor<128x64xf32>} : () -> tensor<128x64xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %0 = "tfl.fully_connected"(%x, %w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x64xf32>, tensor<128x64xf32>, none) -> tensor<1x128xf32>
  return %0 : tensor<1x128xf32>
}

// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize))' | FileCheck %s
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-quantize))' --debug-patterns 2>&1 >/dev/null | FileCheck %s --check-prefix=DEBUG

// QuantizeHoistAboveMove: a quantize after a reshape climbs above it, so the
// fully_connected before the reshape meets it (DequantizedOpToInt8) and both run in int8.
// CHECK-LABEL: func.func @quantize_hoist_above_move
// CHECK: %[[Y:.*]] = "tfl.fully_connected"(%arg0, {{.*}} -> tensor<1x2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK: %[[R:.*]] = "tfl.reshape"(%[[Y]], {{.*}} -> tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>
// CHECK-NOT: tfl.quantize
// CHECK-NOT: tfl.dequantize
// CHECK: return %[[R]]
// DEBUG: [pattern] QuantizeHoistAboveMove on 'tfl.quantize'
// DEBUG: [pattern] DequantizedOpToInt8 on 'tfl.fully_connected'
func.func @quantize_hoist_above_move(%x: tensor<1x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<2x!quant.uniform<i8:f32, 0.05:-3>> {
  %xf = "tfl.dequantize"(%x) : (tensor<1x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x3xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %wf = "tfl.dequantize"(%w) : (tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x3xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %y = "tfl.fully_connected"(%xf, %wf, %n) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x3xf32>, tensor<2x3xf32>, none) -> tensor<1x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%y, %s) : (tensor<1x2xf32>, tensor<1xi32>) -> tensor<2xf32>
  %q = "tfl.quantize"(%r) {qtype = tensor<2x!quant.uniform<i8:f32, 0.05:-3>>} : (tensor<2xf32>) -> tensor<2x!quant.uniform<i8:f32, 0.05:-3>>
  return %q : tensor<2x!quant.uniform<i8:f32, 0.05:-3>>
}

// -----

// A reshape whose float result is also returned keeps the quantize below it: the
// fully_connected has no quantize to take parameters from, so it stays float (reading
// its int8 weight in the hybrid kernel).
// CHECK-LABEL: func.func @quantize_stays_below_shared_move
// CHECK: "tfl.fully_connected"{{.*}} -> tensor<1x2xf32>
// CHECK: %[[R:.*]] = "tfl.reshape"({{.*}} -> tensor<2xf32>
// CHECK: "tfl.quantize"(%[[R]])
// DEBUG-NOT: QuantizeHoistAboveMove
// DEBUG: [pattern] DequantizedWeightToHybrid on 'tfl.fully_connected'
// DEBUG-NOT: QuantizeHoistAboveMove
func.func @quantize_stays_below_shared_move(%x: tensor<1x3x!quant.uniform<i8:f32, 0.1>>) -> (tensor<2x!quant.uniform<i8:f32, 0.05:-3>>, tensor<2xf32>) {
  %xf = "tfl.dequantize"(%x) : (tensor<1x3x!quant.uniform<i8:f32, 0.1>>) -> tensor<1x3xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %wf = "tfl.dequantize"(%w) : (tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x3xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %y = "tfl.fully_connected"(%xf, %wf, %n) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x3xf32>, tensor<2x3xf32>, none) -> tensor<1x2xf32>
  %s = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %r = "tfl.reshape"(%y, %s) : (tensor<1x2xf32>, tensor<1xi32>) -> tensor<2xf32>
  %q = "tfl.quantize"(%r) {qtype = tensor<2x!quant.uniform<i8:f32, 0.05:-3>>} : (tensor<2xf32>) -> tensor<2x!quant.uniform<i8:f32, 0.05:-3>>
  return %q, %r : tensor<2x!quant.uniform<i8:f32, 0.05:-3>>, tensor<2xf32>
}

// -----

// DequantizedWeightToHybrid: a float input and a dequantized int8 weight.
// CHECK-LABEL: func.func @dequantized_weight_to_hybrid
// CHECK: "tfl.fully_connected"(%arg0, {{.*}} {asymmetric_quantize_inputs = true, {{.*}} -> tensor<1x2xf32>
// DEBUG: [pattern] DequantizedWeightToHybrid on 'tfl.fully_connected'
func.func @dequantized_weight_to_hybrid(%x: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>
  %wf = "tfl.dequantize"(%w) : (tensor<2x3x!quant.uniform<i8<-127:127>:f32:0, {0.01:0, 0.02:0}>>) -> tensor<2x3xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %y = "tfl.fully_connected"(%x, %wf, %n) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x3xf32>, tensor<2x3xf32>, none) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

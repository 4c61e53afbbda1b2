// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-cleanup-requantize))' | FileCheck %s

// A round trip to the same type is the value itself.
// CHECK-LABEL: func.func @same_type
// CHECK-NOT: tfl.quantize
// CHECK-NOT: tfl.dequantize
// CHECK: return %arg0
func.func @same_type(%x: tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.1:3>> {
  %f = "tfl.dequantize"(%x) : (tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4xf32>
  %q = "tfl.quantize"(%f) {qtype = tensor<4x!quant.uniform<i8:f32, 0.1:3>>} : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1:3>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.1:3>>
}

// -----

// To other parameters it is one int8 -> int8 requantize; the dequantize goes.
// CHECK-LABEL: func.func @other_type
// CHECK-NOT: tfl.dequantize
// CHECK: %[[Q:.*]] = "tfl.quantize"(%arg0) {{.*}} -> tensor<4x!quant.uniform<i8:f32, 2.000000e-01:-1>>
// CHECK: return %[[Q]]
func.func @other_type(%x: tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.2:-1>> {
  %f = "tfl.dequantize"(%x) : (tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4xf32>
  %q = "tfl.quantize"(%f) {qtype = tensor<4x!quant.uniform<i8:f32, 0.2:-1>>} : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.2:-1>>
  return %q : tensor<4x!quant.uniform<i8:f32, 0.2:-1>>
}

// -----

// A dequantize with a float user stays for that user.
// CHECK-LABEL: func.func @shared_dequantize
// CHECK: %[[F:.*]] = "tfl.dequantize"(%arg0)
// CHECK: "tfl.exp"(%[[F]])
// CHECK-NOT: tfl.quantize
func.func @shared_dequantize(%x: tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> (tensor<4x!quant.uniform<i8:f32, 0.1:3>>, tensor<4xf32>) {
  %f = "tfl.dequantize"(%x) : (tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4xf32>
  %e = "tfl.exp"(%f) : (tensor<4xf32>) -> tensor<4xf32>
  %q = "tfl.quantize"(%f) {qtype = tensor<4x!quant.uniform<i8:f32, 0.1:3>>} : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1:3>>
  return %q, %e : tensor<4x!quant.uniform<i8:f32, 0.1:3>>, tensor<4xf32>
}

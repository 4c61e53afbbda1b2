// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-io{type=int8}))' | FileCheck %s --check-prefix=INT8
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-io{type=uint8}))' | FileCheck %s --check-prefix=UINT8
// RUN: not edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-quantize-io{type=int4}))' 2>&1 | FileCheck %s --check-prefix=BAD

// The quantized input and output become int8; the float input `%y` that nothing
// quantizes stays float.
// INT8-LABEL: func.func @main
// INT8-SAME: (%arg0: tensor<4x!quant.uniform<i8:f32, 1.000000e-01:3>>, %arg1: tensor<4xf32>) -> (tensor<4x!quant.uniform<i8:f32, 5.000000e-02:-2>>, tensor<4xf32>)
// INT8-NOT: tfl.quantize
// INT8: %[[R:.*]] = "tfl.relu"(%arg0)
// INT8-NOT: tfl.dequantize
// INT8: return %[[R]], %arg1

// uint8: zero points + 128, one requantize on each side.
// UINT8-LABEL: func.func @main
// UINT8-SAME: (%arg0: tensor<4x!quant.uniform<u8:f32, 1.000000e-01:131>>, %arg1: tensor<4xf32>) -> (tensor<4x!quant.uniform<u8:f32, 5.000000e-02:126>>, tensor<4xf32>)
// UINT8: %[[I:.*]] = "tfl.quantize"(%arg0) {{.*}} -> tensor<4x!quant.uniform<i8:f32, 1.000000e-01:3>>
// UINT8: %[[R:.*]] = "tfl.relu"(%[[I]])
// UINT8: %[[O:.*]] = "tfl.quantize"(%[[R]]) {{.*}} -> tensor<4x!quant.uniform<u8:f32, 5.000000e-02:126>>
// UINT8: return %[[O]], %arg1

// BAD: option 'type' must be int8 or uint8, got 'int4'
func.func @main(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %q = "tfl.quantize"(%x) {qtype = tensor<4x!quant.uniform<i8:f32, 0.1:3>>} : (tensor<4xf32>) -> tensor<4x!quant.uniform<i8:f32, 0.1:3>>
  %r = "tfl.relu"(%q) : (tensor<4x!quant.uniform<i8:f32, 0.1:3>>) -> tensor<4x!quant.uniform<i8:f32, 0.05:-2>>
  %f = "tfl.dequantize"(%r) : (tensor<4x!quant.uniform<i8:f32, 0.05:-2>>) -> tensor<4xf32>
  return %f, %y : tensor<4xf32>, tensor<4xf32>
}

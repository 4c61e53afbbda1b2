// The writer's layout: buffer 0 empty, identical constants share a buffer, op codes
// with versions, names from locations and tf.entry_function, the serving_default
// signature and min_runtime_version metadata. Output is byte-identical across runs.
// RUN: edge-translate --mlir-to-tflite %s -o %t.tflite
// RUN: edge-translate --tflite-dump %t.tflite | FileCheck %s
// RUN: edge-translate --mlir-to-tflite %s -o %t.again.tflite
// RUN: cmp %t.tflite %t.again.tflite

// CHECK: model version=3
// CHECK: operator_codes:
// CHECK-NEXT: 0: ADD version=1 deprecated_code=0
// CHECK-NEXT: buffers:
// CHECK-NEXT: 0: empty
// CHECK-NEXT: 1: 24 bytes
// The second identical constant reuses buffer 1; buffer 2 holds the metadata.
// CHECK-NEXT: 2: 16 bytes
// CHECK-NEXT: subgraph 0 name="main" inputs=[0] outputs=[4]
// CHECK: 0: "x" tensor<2x3xf32> shape=[2, 3] buffer=0
// CHECK: 1: "bias" tensor<2x3xf32> shape=[2, 3] buffer=1
// CHECK: 2: "bias_again" tensor<2x3xf32> shape=[2, 3] buffer=1
// CHECK: 3: "sum" tensor<2x3xf32>
// CHECK: operators:
// CHECK-NEXT: 0: ADD inputs=[0, 1] outputs=[3] AddOptions {fused_activation_function = "NONE"}
// CHECK-NEXT: 1: ADD inputs=[3, 2] outputs=[4] AddOptions {fused_activation_function = "RELU"}
// CHECK: signature "serving_default" subgraph=0 inputs=[x=0] outputs=[y=4]
// CHECK: metadata "min_runtime_version" buffer=2 value="1.5.0"
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> attributes {tf.entry_function = {inputs = "x", outputs = "y"}} {
  %b0 = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32> loc("bias")
  %b1 = "tfl.pseudo_const"() {value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32> loc("bias_again")
  %0 = "tfl.add"(%x, %b0) {fused_activation_function = "NONE"} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32> loc("sum")
  %1 = "tfl.add"(%0, %b1) {fused_activation_function = "RELU"} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}

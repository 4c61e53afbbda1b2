// A recurrent op's state operands in the flatbuffer: each a variable tensor without a
// buffer (LiteRT 2.3 refuses one with a buffer), filled by an ADD of the operand's value
// and zeros just before the op, so every invoke starts from h0/c0; read back, the op
// takes the value itself and writing it again gives the same bytes.
// RUN: edge-translate --mlir-to-tflite %s -o %t.1.tflite
// RUN: edge-translate --tflite-dump %t.1.tflite | FileCheck %s --check-prefix=DUMP
// RUN: edge-translate --tflite-to-mlir %t.1.tflite -o %t.mlir
// RUN: edge-opt %t.mlir | FileCheck %s
// RUN: edge-translate --mlir-to-tflite %t.mlir -o %t.2.tflite
// RUN: cmp %t.1.tflite %t.2.tflite

// DUMP: 0: UNIDIRECTIONAL_SEQUENCE_LSTM version=1
// DUMP: 1: ADD version=1
// DUMP: [[H:[0-9]+]]: "lstm_state18" tensor<1x2xf32> shape=[1, 2] buffer=0 variable
// DUMP: [[C:[0-9]+]]: "lstm_state19" tensor<1x2xf32> shape=[1, 2] buffer=0 variable
// DUMP: operators:
// DUMP-NEXT: ADD inputs=[1, {{[0-9]+}}] outputs=[[[H]]] AddOptions {fused_activation_function = "NONE"
// DUMP-NEXT: ADD inputs=[2, {{[0-9]+}}] outputs=[[[C]]]
// DUMP-NEXT: UNIDIRECTIONAL_SEQUENCE_LSTM inputs=[0, {{([0-9]+, )+}}-1, -1, -1, {{([0-9]+, )+}}-1, -1, [[H]], [[C]], -1, -1, -1, -1] outputs=[{{[0-9]+}}] UnidirectionalSequenceLSTMOptions {fused_activation_function = "TANH", cell_clip = 0.0 : f32, proj_clip = 0.0 : f32, time_major = true, asymmetric_quantize_inputs = false, diagonal_recurrent_tensors = false}

// CHECK-LABEL: func.func @main
// CHECK-SAME: (%[[X:.*]]: tensor<3x1x2xf32>, %[[H0:.*]]: tensor<1x2xf32>, %[[C0:.*]]: tensor<1x2xf32>)
// CHECK-NOT: tfl.add
// CHECK: "tfl.unidirectional_sequence_lstm"(%[[X]], {{.*}}, %[[H0]], %[[C0]], {{.*}}) {asymmetric_quantize_inputs = false, cell_clip = 0.000000e+00 : f32, diagonal_recurrent_tensors = false, fused_activation_function = "TANH", proj_clip = 0.000000e+00 : f32, time_major = true}
func.func @main(%x: tensor<3x1x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> tensor<3x1x2xf32> attributes {tf.entry_function = {inputs = "x,h0,c0", outputs = "y"}} {
  %wii = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %wif = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %wic = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %wio = "tfl.pseudo_const"() {value = dense<0.5> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %whi = "tfl.pseudo_const"() {value = dense<0.25> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %whf = "tfl.pseudo_const"() {value = dense<0.25> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %whc = "tfl.pseudo_const"() {value = dense<0.25> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %who = "tfl.pseudo_const"() {value = dense<0.25> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
  %bi = "tfl.pseudo_const"() {value = dense<0.1> : tensor<2xf32>} : () -> tensor<2xf32>
  %bf = "tfl.pseudo_const"() {value = dense<0.1> : tensor<2xf32>} : () -> tensor<2xf32>
  %bc = "tfl.pseudo_const"() {value = dense<0.1> : tensor<2xf32>} : () -> tensor<2xf32>
  %bo = "tfl.pseudo_const"() {value = dense<0.1> : tensor<2xf32>} : () -> tensor<2xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %y = "tfl.unidirectional_sequence_lstm"(%x, %wii, %wif, %wic, %wio, %whi, %whf, %whc, %who, %none, %none, %none, %bi, %bf, %bc, %bo, %none, %none, %h0, %c0, %none, %none, %none, %none) {cell_clip = 0.0 : f32, fused_activation_function = "TANH", proj_clip = 0.0 : f32, time_major = true} : (tensor<3x1x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, none, none, none, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, none, none, tensor<1x2xf32>, tensor<1x2xf32>, none, none, none, none) -> tensor<3x1x2xf32> loc("lstm")
  return %y : tensor<3x1x2xf32>
}

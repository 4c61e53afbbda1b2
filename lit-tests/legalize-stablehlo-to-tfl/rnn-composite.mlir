// The edge.lstm_layer / edge.rnn_layer rows of passes/src/legalize/composite.rs on
// hand-written composites (the importer's forms: lit-tests/legalize-stablehlo-to-tfl/rnn.test).
// A composite whose operands are not a layer's is inlined, not mapped.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' 2>/dev/null | FileCheck %s
// The remarks (the summary's notes) say which layers were fused or unrolled, and why.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// REMARK: remark: LSTM layer fused: one UNIDIRECTIONAL_SEQUENCE_LSTM
// REMARK: remark: LSTM layer unrolled: its c_n is used (the fused op returns only the output sequence)
// REMARK: remark: RNN layer unrolled: its operands are not a layer's
// REMARK: remark: RNN layer fused: one UNIDIRECTIONAL_SEQUENCE_RNN

// A time-major LSTM layer, no biases: zeros for the four gate biases, gates sliced
// from the [4H, I] weights, h_n the last step of the output.
// CHECK-LABEL: func.func @lstm_no_bias
// CHECK: %[[Y:.*]] = "tfl.unidirectional_sequence_lstm"(%arg0, {{.*}}, %arg3, %arg4, {{.*}}) {cell_clip = 0.000000e+00 : f32, fused_activation_function = "TANH", proj_clip = 0.000000e+00 : f32, time_major = true}
// CHECK: %[[L:.*]] = "tfl.slice"(%[[Y]], {{.*}}) : (tensor<3x1x2xf32>, tensor<3xi32>, tensor<3xi32>) -> tensor<1x1x2xf32>
// CHECK: %[[H:.*]] = "tfl.reshape"(%[[L]], {{.*}}) -> tensor<1x2xf32>
// CHECK: return %[[Y]], %[[H]]
func.func @lstm_no_bias(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>) {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @lstm_decomposition, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#0, %y#1 : tensor<3x1x2xf32>, tensor<1x2xf32>
}
// Stands in for the unrolled steps (only its types matter here).
func.func private @lstm_decomposition(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  return %x, %h0, %c0 : tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// Its c_n used: inlined (the sequence op has no c_n).
// CHECK-LABEL: func.func @lstm_c_n_used
// CHECK-NOT: tfl.unidirectional_sequence_lstm
// CHECK-NOT: stablehlo.composite
func.func @lstm_c_n_used(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @lstm_decomposition, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#2 : tensor<1x2xf32>
}
func.func private @lstm_decomposition(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  return %x, %h0, %c0 : tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// A weight of the wrong rank: not a layer's operands, inlined.
// CHECK-LABEL: func.func @rnn_bad_rank
// CHECK-NOT: tfl.unidirectional_sequence_rnn
func.func @rnn_bad_rank(%x: tensor<3x1x2xf32>, %wi: tensor<2xf32>, %wh: tensor<2x2xf32>, %h0: tensor<1x2xf32>) -> tensor<3x1x2xf32> {
  %y:2 = "stablehlo.composite"(%x, %wi, %wh, %h0) {name = "edge.rnn_layer", composite_attributes = {activation = "tanh", batch_first = false, has_biases = false, reverse = false}, decomposition = @rnn_decomposition, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<2xf32>, tensor<2x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>)
  return %y#0 : tensor<3x1x2xf32>
}
func.func private @rnn_decomposition(%x: tensor<3x1x2xf32>, %wi: tensor<2xf32>, %wh: tensor<2x2xf32>, %h0: tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>) {
  return %x, %h0 : tensor<3x1x2xf32>, tensor<1x2xf32>
}

// -----

// A batch-first relu RNN in reverse: reverse_v2 over dim 1 around the op, time_major = false.
// CHECK-LABEL: func.func @rnn_batch_first_reverse
// CHECK: %[[R:.*]] = "tfl.reverse_v2"(%arg0, %[[AXIS:[0-9]+]])
// CHECK: %[[Y:.*]] = "tfl.unidirectional_sequence_rnn"(%[[R]], %arg1, %arg2, {{.*}}, %arg3) {fused_activation_function = "RELU", time_major = false} : (tensor<1x3x2xf32>, tensor<4x2xf32>, tensor<4x4xf32>, tensor<4xf32>, tensor<1x4xf32>) -> tensor<1x3x4xf32>
// CHECK: "tfl.reverse_v2"(%[[Y]], %[[AXIS]])
func.func @rnn_batch_first_reverse(%x: tensor<1x3x2xf32>, %wi: tensor<4x2xf32>, %wh: tensor<4x4xf32>, %h0: tensor<1x4xf32>) -> tensor<1x3x4xf32> {
  %y:2 = "stablehlo.composite"(%x, %wi, %wh, %h0) {name = "edge.rnn_layer", composite_attributes = {activation = "relu", batch_first = true, has_biases = false, reverse = true}, decomposition = @rnn_decomposition, version = 0 : i32} : (tensor<1x3x2xf32>, tensor<4x2xf32>, tensor<4x4xf32>, tensor<1x4xf32>) -> (tensor<1x3x4xf32>, tensor<1x4xf32>)
  return %y#0 : tensor<1x3x4xf32>
}
func.func private @rnn_decomposition(%x: tensor<1x3x2xf32>, %wi: tensor<4x2xf32>, %wh: tensor<4x4xf32>, %h0: tensor<1x4xf32>) -> (tensor<1x3x4xf32>, tensor<1x4xf32>) {
  %z = "stablehlo.constant"() {value = dense<0.0> : tensor<1x3x4xf32>} : () -> tensor<1x3x4xf32>
  return %z, %h0 : tensor<1x3x4xf32>, tensor<1x4xf32>
}

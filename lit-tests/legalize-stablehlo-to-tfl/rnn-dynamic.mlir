// Recurrent layers over an unknown sequence length (passes/src/legalize/composite.rs):
// the sequence ops take T at run time, and h_n, the last step, is a strided_slice
// whose begin -1 counts from the end (shrink_axis_mask drops the time dim).
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' 2>/dev/null | FileCheck %s
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// REMARK: remark: LSTM layer fused: one UNIDIRECTIONAL_SEQUENCE_LSTM
// REMARK: remark: RNN layer fused: one UNIDIRECTIONAL_SEQUENCE_RNN
// REMARK: remark: bidirectional LSTM layer fused: one BIDIRECTIONAL_SEQUENCE_LSTM

// A time-major LSTM layer.
// CHECK-LABEL: func.func @lstm_time_major
// CHECK: %[[Y:.*]] = "tfl.unidirectional_sequence_lstm"(%arg0, {{.*}}time_major = true} : {{.*}} -> tensor<?x1x2xf32>
// CHECK: %[[B:.*]] = "tfl.pseudo_const"() {value = dense<[-1, 0, 0]> : tensor<3xi32>}
// CHECK: %[[E:.*]] = "tfl.pseudo_const"() {value = dense<[0, 1, 2]> : tensor<3xi32>}
// CHECK: %[[H:.*]] = "tfl.strided_slice"(%[[Y]], %[[B]], %[[E]], {{.*}}) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 1 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<?x1x2xf32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<1x2xf32>
// CHECK: return %[[Y]], %[[H]]
func.func @lstm_time_major(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>) {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @unknown_steps, version = 0 : i32} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#0, %y#1 : tensor<?x1x2xf32>, tensor<1x2xf32>
}
// The importer's decomposition over an unknown T: nothing may inline it.
func.func private @unknown_steps(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %0:3 = "stablehlo.custom_call"(%x, %wi, %wh, %h0, %c0) {backend_config = "edge.lstm_layer", call_target_name = "edge.unknown_steps"} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %0#0, %0#1, %0#2 : tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// A batch-first relu RNN in reverse over [B, ?, I]: reverse_v2 over dim 1 around the op
// (the unknown dim), h_n the last step the op computed (dim 1, shrunk).
// CHECK-LABEL: func.func @rnn_batch_first_reverse
// CHECK: %[[R:.*]] = "tfl.reverse_v2"(%arg0, %[[AXIS:[0-9]+]]) : (tensor<3x?x2xf32>, tensor<1xi32>) -> tensor<3x?x2xf32>
// CHECK: %[[Y:.*]] = "tfl.unidirectional_sequence_rnn"(%[[R]], {{.*}}) {fused_activation_function = "RELU", time_major = false} : {{.*}} -> tensor<3x?x4xf32>
// CHECK: %[[O:.*]] = "tfl.reverse_v2"(%[[Y]], %[[AXIS]])
// CHECK: %[[H:.*]] = "tfl.strided_slice"(%[[Y]], {{.*}}end_mask = 2 : i32{{.*}}shrink_axis_mask = 2 : i32} : (tensor<3x?x4xf32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<3x4xf32>
// CHECK: return %[[O]], %[[H]]
func.func @rnn_batch_first_reverse(%x: tensor<3x?x2xf32>, %wi: tensor<4x2xf32>, %wh: tensor<4x4xf32>, %h0: tensor<3x4xf32>) -> (tensor<3x?x4xf32>, tensor<3x4xf32>) {
  %y:2 = "stablehlo.composite"(%x, %wi, %wh, %h0) {name = "edge.rnn_layer", composite_attributes = {activation = "relu", batch_first = true, has_biases = false, reverse = true}, decomposition = @rnn_steps, version = 0 : i32} : (tensor<3x?x2xf32>, tensor<4x2xf32>, tensor<4x4xf32>, tensor<3x4xf32>) -> (tensor<3x?x4xf32>, tensor<3x4xf32>)
  return %y#0, %y#1 : tensor<3x?x4xf32>, tensor<3x4xf32>
}
func.func private @rnn_steps(%x: tensor<3x?x2xf32>, %wi: tensor<4x2xf32>, %wh: tensor<4x4xf32>, %h0: tensor<3x4xf32>) -> (tensor<3x?x4xf32>, tensor<3x4xf32>) {
  %0:2 = "stablehlo.custom_call"(%x, %wi, %wh, %h0) {backend_config = "edge.rnn_layer", call_target_name = "edge.unknown_steps"} : (tensor<3x?x2xf32>, tensor<4x2xf32>, tensor<4x4xf32>, tensor<3x4xf32>) -> (tensor<3x?x4xf32>, tensor<3x4xf32>)
  return %0#0, %0#1 : tensor<3x?x4xf32>, tensor<3x4xf32>
}

// -----

// A time-major bidirectional LSTM layer: h_n forward the last step of the forward half
// (at run time), backward the first step of the backward half (a static slice).
// CHECK-LABEL: func.func @bilstm
// CHECK: %[[Y:.*]] = "tfl.bidirectional_sequence_lstm"(%arg0, {{.*}}) -> tensor<?x1x4xf32>
// CHECK: %[[F:.*]] = "tfl.strided_slice"(%[[Y]], {{.*}}shrink_axis_mask = 1 : i32} : (tensor<?x1x4xf32>, tensor<3xi32>, tensor<3xi32>, tensor<3xi32>) -> tensor<1x2xf32>
// CHECK: %[[L:.*]] = "tfl.slice"(%[[Y]], {{.*}}) : (tensor<?x1x4xf32>, tensor<3xi32>, tensor<3xi32>) -> tensor<1x1x2xf32>
// CHECK: %[[B:.*]] = "tfl.reshape"(%[[L]], {{.*}}) -> tensor<1x2xf32>
// CHECK: return %[[Y]], %[[F]], %[[B]]
func.func @bilstm(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<?x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %y:5 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0, %wi, %wh, %h0, %c0) {name = "edge.bilstm_layer", composite_attributes = {has_biases = false, proj = false}, decomposition = @bi_steps, version = 0 : i32} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#0, %y#1, %y#2 : tensor<?x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}
func.func private @bi_steps(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>, %wi2: tensor<8x2xf32>, %wh2: tensor<8x2xf32>, %h02: tensor<1x2xf32>, %c02: tensor<1x2xf32>) -> (tensor<?x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %0 = "stablehlo.custom_call"(%x) {call_target_name = "edge.unknown_steps"} : (tensor<?x1x2xf32>) -> tensor<?x1x4xf32>
  return %0, %h0, %h02, %c0, %c02 : tensor<?x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

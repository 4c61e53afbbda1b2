// A recurrent layer over an unknown sequence length that the sequence op cannot
// compute is an error naming the layer and why, never its steps inlined (they cannot
// be unrolled over an unknown T). The importer refuses these first
// (lit-tests/pt2-to-mlir/rnn-dynamic.test); this guards hand-written or later IR.
// RUN: not edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' 2>&1 | FileCheck %s

// CHECK: error: failed to legalize operation 'stablehlo.composite': LSTM layer over an unknown sequence length cannot be fused: its c_n is used (the fused op returns only the output sequence); its steps cannot be unrolled over an unknown length
// CHECK-NOT: remark: LSTM layer unrolled
func.func @lstm_c_n_used(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @unknown_steps, version = 0 : i32} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#2 : tensor<1x2xf32>
}
func.func private @unknown_steps(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %0:3 = "stablehlo.custom_call"(%x, %wi, %wh, %h0, %c0) {call_target_name = "edge.unknown_steps"} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %0#0, %0#1, %0#2 : tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// CHECK: error: failed to legalize operation 'stablehlo.composite': GRU layer over an unknown sequence length cannot be fused: TFLite has no GRU builtin; its steps cannot be unrolled over an unknown length
func.func @gru(%x: tensor<1x?x2xf32>, %wi: tensor<6x2xf32>, %wh: tensor<6x2xf32>, %h0: tensor<1x2xf32>) -> tensor<1x?x2xf32> {
  %y:2 = "stablehlo.composite"(%x, %wi, %wh, %h0) {name = "edge.gru_layer", composite_attributes = {batch_first = true, has_biases = false, reverse = false}, decomposition = @gru_steps, version = 0 : i32} : (tensor<1x?x2xf32>, tensor<6x2xf32>, tensor<6x2xf32>, tensor<1x2xf32>) -> (tensor<1x?x2xf32>, tensor<1x2xf32>)
  return %y#0 : tensor<1x?x2xf32>
}
func.func private @gru_steps(%x: tensor<1x?x2xf32>, %wi: tensor<6x2xf32>, %wh: tensor<6x2xf32>, %h0: tensor<1x2xf32>) -> (tensor<1x?x2xf32>, tensor<1x2xf32>) {
  %0:2 = "stablehlo.custom_call"(%x, %wi, %wh, %h0) {call_target_name = "edge.unknown_steps"} : (tensor<1x?x2xf32>, tensor<6x2xf32>, tensor<6x2xf32>, tensor<1x2xf32>) -> (tensor<1x?x2xf32>, tensor<1x2xf32>)
  return %0#0, %0#1 : tensor<1x?x2xf32>, tensor<1x2xf32>
}

// -----

// An unknown batch as well: the sequence op's state would need a run-time size.
// CHECK: error: failed to legalize operation 'stablehlo.composite': RNN layer over an unknown sequence length cannot be fused: its sizes other than the sequence length are not static; its steps cannot be unrolled over an unknown length
func.func @rnn_unknown_batch(%x: tensor<?x?x2xf32>, %wi: tensor<2x2xf32>, %wh: tensor<2x2xf32>, %h0: tensor<?x2xf32>) -> tensor<?x?x2xf32> {
  %y:2 = "stablehlo.composite"(%x, %wi, %wh, %h0) {name = "edge.rnn_layer", composite_attributes = {activation = "tanh", batch_first = false, has_biases = false, reverse = false}, decomposition = @rnn_steps, version = 0 : i32} : (tensor<?x?x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<?x2xf32>) -> (tensor<?x?x2xf32>, tensor<?x2xf32>)
  return %y#0 : tensor<?x?x2xf32>
}
func.func private @rnn_steps(%x: tensor<?x?x2xf32>, %wi: tensor<2x2xf32>, %wh: tensor<2x2xf32>, %h0: tensor<?x2xf32>) -> (tensor<?x?x2xf32>, tensor<?x2xf32>) {
  %0:2 = "stablehlo.custom_call"(%x, %wi, %wh, %h0) {call_target_name = "edge.unknown_steps"} : (tensor<?x?x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>, tensor<?x2xf32>) -> (tensor<?x?x2xf32>, tensor<?x2xf32>)
  return %0#0, %0#1 : tensor<?x?x2xf32>, tensor<?x2xf32>
}

// stablehlo-unroll-recurrent on hand-written layer composites: `auto` inlines a layer
// within its measured bounds (gate units <= 16384, per-step weights <= 8 MiB) and
// leaves a larger one for legalization to fuse; `fused` inlines none, `unrolled` all.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-unroll-recurrent))' 2>/dev/null | FileCheck %s --check-prefix=AUTO
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-unroll-recurrent{mode=fused}))' 2>/dev/null | FileCheck %s --check-prefix=FUSED
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-unroll-recurrent{mode=unrolled}))' 2>/dev/null | FileCheck %s --check-prefix=UNROLLED
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-unroll-recurrent))' 2>&1 >/dev/null | FileCheck %s --check-prefix=REMARK
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-unroll-recurrent{mode=unrolled}))' 2>&1 >/dev/null | FileCheck %s --check-prefix=UNROLLED-REMARK
// RUN: not edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(stablehlo-unroll-recurrent{mode=sometimes}))' 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: option 'mode' expects auto, fused or unrolled, got 'sometimes'

// 3 steps x 4 gates x 2 units, 96 bytes of per-step weights: unrolled by auto.
// REMARK: remark: LSTM layer unrolled: 24 gate units over its steps (<= 16384) and 0.0 MiB of per-step weights (<= 8 MiB)
// AUTO-LABEL: func.func @small_lstm
// AUTO-NOT: stablehlo.composite
// AUTO: "stablehlo.add"(%arg0, %arg0)
// FUSED-LABEL: func.func @small_lstm
// FUSED: "stablehlo.composite"
// UNROLLED-LABEL: func.func @small_lstm
// UNROLLED-NOT: stablehlo.composite
func.func @small_lstm(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> tensor<3x1x2xf32> {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @lstm_steps, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#0 : tensor<3x1x2xf32>
}
// Stands in for the unrolled steps.
func.func private @lstm_steps(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %0 = "stablehlo.add"(%x, %x) : (tensor<3x1x2xf32>, tensor<3x1x2xf32>) -> tensor<3x1x2xf32>
  return %0, %h0, %c0 : tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// 200 steps x 4 gates x 32 units = 25600 gate units: left fused by auto.
// AUTO-LABEL: func.func @long_lstm
// AUTO: "stablehlo.composite"
// UNROLLED-LABEL: func.func @long_lstm
// UNROLLED-NOT: stablehlo.composite
func.func @long_lstm(%x: tensor<200x1x8xf32>, %wi: tensor<128x8xf32>, %wh: tensor<128x32xf32>, %h0: tensor<1x32xf32>, %c0: tensor<1x32xf32>) -> tensor<200x1x32xf32> {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @long_steps, version = 0 : i32} : (tensor<200x1x8xf32>, tensor<128x8xf32>, tensor<128x32xf32>, tensor<1x32xf32>, tensor<1x32xf32>) -> (tensor<200x1x32xf32>, tensor<1x32xf32>, tensor<1x32xf32>)
  return %y#0 : tensor<200x1x32xf32>
}
func.func private @long_steps(%x: tensor<200x1x8xf32>, %wi: tensor<128x8xf32>, %wh: tensor<128x32xf32>, %h0: tensor<1x32xf32>, %c0: tensor<1x32xf32>) -> (tensor<200x1x32xf32>, tensor<1x32xf32>, tensor<1x32xf32>) {
  %0 = "stablehlo.broadcast_in_dim"(%h0) {broadcast_dimensions = array<i64: 1, 2>} : (tensor<1x32xf32>) -> tensor<200x1x32xf32>
  return %0, %h0, %c0 : tensor<200x1x32xf32>, tensor<1x32xf32>, tensor<1x32xf32>
}

// -----

// A bidirectional layer unrolls to its directions, each saying why.
// REMARK: remark: LSTM layer unrolled: 48 gate units over its steps
// REMARK: remark: LSTM layer unrolled: 48 gate units over its steps
// AUTO-LABEL: func.func @small_bilstm
// AUTO-NOT: stablehlo.composite
// AUTO: return
// UNROLLED-LABEL: func.func @small_bilstm
// UNROLLED-NOT: stablehlo.composite
// UNROLLED: return
func.func @small_bilstm(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> tensor<3x1x4xf32> {
  %y:5 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0, %wi, %wh, %h0, %c0) {name = "edge.bilstm_layer", composite_attributes = {has_biases = false, proj = false}, decomposition = @bi_steps, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#0 : tensor<3x1x4xf32>
}
func.func private @bi_steps(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>, %wi2: tensor<8x2xf32>, %wh2: tensor<8x2xf32>, %h02: tensor<1x2xf32>, %c02: tensor<1x2xf32>) -> (tensor<3x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %f:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @lstm_steps, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  %b:3 = "stablehlo.composite"(%x, %wi2, %wh2, %h02, %c02) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = true}, decomposition = @lstm_steps, version = 0 : i32} : (tensor<3x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  %y = "stablehlo.concatenate"(%f#0, %b#0) {dimension = 2 : i64} : (tensor<3x1x2xf32>, tensor<3x1x2xf32>) -> tensor<3x1x4xf32>
  return %y, %f#1, %f#2, %b#1, %b#2 : tensor<3x1x4xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}
func.func private @lstm_steps(%x: tensor<3x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %0 = "stablehlo.add"(%x, %x) : (tensor<3x1x2xf32>, tensor<3x1x2xf32>) -> tensor<3x1x2xf32>
  return %0, %h0, %c0 : tensor<3x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

// -----

// Over an unknown sequence length a layer is never unrolled (its steps cannot be):
// `auto` leaves it, `unrolled` too, saying so.
// UNROLLED-REMARK: remark: LSTM layer stays fused: its sizes are not all static (an unknown sequence length cannot be unrolled), so --recurrent unrolled does not apply
// AUTO-LABEL: func.func @unknown_length
// AUTO: "stablehlo.composite"
// UNROLLED-LABEL: func.func @unknown_length
// UNROLLED: "stablehlo.composite"{{.*}}name = "edge.lstm_layer"
func.func @unknown_length(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> tensor<?x1x2xf32> {
  %y:3 = "stablehlo.composite"(%x, %wi, %wh, %h0, %c0) {name = "edge.lstm_layer", composite_attributes = {batch_first = false, has_biases = false, proj = false, reverse = false}, decomposition = @unknown_steps, version = 0 : i32} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %y#0 : tensor<?x1x2xf32>
}
func.func private @unknown_steps(%x: tensor<?x1x2xf32>, %wi: tensor<8x2xf32>, %wh: tensor<8x2xf32>, %h0: tensor<1x2xf32>, %c0: tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) {
  %0:3 = "stablehlo.custom_call"(%x, %wi, %wh, %h0, %c0) {call_target_name = "edge.unknown_steps"} : (tensor<?x1x2xf32>, tensor<8x2xf32>, tensor<8x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>) -> (tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>)
  return %0#0, %0#1, %0#2 : tensor<?x1x2xf32>, tensor<1x2xf32>, tensor<1x2xf32>
}

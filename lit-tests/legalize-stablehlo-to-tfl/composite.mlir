// stablehlo.composite: one case per row of passes/src/legalize/composite.rs, then
// composites that no row maps (inlined, then legalized op by op).
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s
// Inlined ops take the composite's location.
// RUN: edge-opt %s --split-input-file --mlir-print-debuginfo --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' | FileCheck %s --check-prefix=LOC
// Private functions are left to symbol-dce, which removes the decompositions once no
// composite names them.
// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl),symbol-dce)' | FileCheck %s --check-prefix=DCE

// ==== aten._log_softmax ===========================================================

// CHECK-LABEL: func.func @log_softmax_last_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>)
// CHECK: %[[Y:.*]] = "tfl.log_softmax"(%[[X]]) : (tensor<2x8xf32>) -> tensor<2x8xf32>
// CHECK-NOT: stablehlo.composite
// CHECK: return %[[Y]]
// The decomposition stays, untouched, until symbol-dce.
// CHECK: func.func private @log_softmax_decomposition
// CHECK: stablehlo.subtract
// DCE-LABEL: func.func @log_softmax_last_dim
// DCE-NOT: func.func private
func.func @log_softmax_last_dim(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten._log_softmax", composite_attributes = {dim = 1 : i64, half_to_float = false}, decomposition = @log_softmax_decomposition, version = 0 : i32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}
func.func private @log_softmax_decomposition(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %m = "stablehlo.reduce"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = "stablehlo.broadcast_in_dim"(%m) {broadcast_dimensions = array<i64: 0>} : (tensor<2xf32>) -> tensor<2x8xf32>
  %d = "stablehlo.subtract"(%x, %mb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %e = "stablehlo.exponential"(%d) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %s = "stablehlo.reduce"(%e, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %l = "stablehlo.log"(%s) : (tensor<2xf32>) -> tensor<2xf32>
  %lb = "stablehlo.broadcast_in_dim"(%l) {broadcast_dimensions = array<i64: 0>} : (tensor<2xf32>) -> tensor<2x8xf32>
  %y = "stablehlo.subtract"(%d, %lb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// ==== aten._softmax ===============================================================

// CHECK-LABEL: func.func @softmax_last_dim
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>)
// CHECK: %[[Y:.*]] = "tfl.softmax"(%[[X]]) {beta = 1.000000e+00 : f32}
// CHECK: return %[[Y]]
func.func @softmax_last_dim(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten._softmax", composite_attributes = {dim = -1 : i64, half_to_float = false}, decomposition = @softmax_decomposition, version = 0 : i32} : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}
func.func private @softmax_decomposition(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %m = "stablehlo.reduce"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %mb = "stablehlo.broadcast_in_dim"(%m) {broadcast_dimensions = array<i64: 0>} : (tensor<2xf32>) -> tensor<2x8xf32>
  %d = "stablehlo.subtract"(%x, %mb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %e = "stablehlo.exponential"(%d) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %s = "stablehlo.reduce"(%e, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 1>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2xf32>
  %sb = "stablehlo.broadcast_in_dim"(%s) {broadcast_dimensions = array<i64: 0>} : (tensor<2xf32>) -> tensor<2x8xf32>
  %y = "stablehlo.divide"(%e, %sb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// Over another dim than the last, TFLite's softmax does not apply: the decomposition
// is inlined and legalized op by op, at the composite's location.
// CHECK-LABEL: func.func @softmax_first_dim
// CHECK-NOT: tfl.softmax
// CHECK: "tfl.reduce_max"
// CHECK: "tfl.exp"
// CHECK: "tfl.div"
// CHECK-NOT: stablehlo.composite
// CHECK: return
// LOC-LABEL: func.func @softmax_first_dim
// LOC: "tfl.reduce_max"{{.*}} loc([[SITE:#loc[0-9]+]])
// LOC: "tfl.exp"{{.*}} loc([[SITE]])
// LOC: "tfl.div"{{.*}} loc([[SITE]])
// LOC: [[SITE]] = loc("softmax_site")
func.func @softmax_first_dim(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten._softmax", composite_attributes = {dim = 0 : i64, half_to_float = false}, decomposition = @softmax_dim0, version = 0 : i32} : (tensor<2x8xf32>) -> tensor<2x8xf32> loc("softmax_site")
  return %0 : tensor<2x8xf32>
}
func.func private @softmax_dim0(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %ninf = "stablehlo.constant"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %m = "stablehlo.reduce"(%x, %ninf) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<8xf32>
  %mb = "stablehlo.broadcast_in_dim"(%m) {broadcast_dimensions = array<i64: 1>} : (tensor<8xf32>) -> tensor<2x8xf32>
  %d = "stablehlo.subtract"(%x, %mb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %e = "stablehlo.exponential"(%d) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %s = "stablehlo.reduce"(%e, %zero) ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %r = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%r) : (tensor<f32>) -> ()
  }) {dimensions = array<i64: 0>} : (tensor<2x8xf32>, tensor<f32>) -> tensor<8xf32>
  %sb = "stablehlo.broadcast_in_dim"(%s) {broadcast_dimensions = array<i64: 1>} : (tensor<8xf32>) -> tensor<2x8xf32>
  %y = "stablehlo.divide"(%e, %sb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %y : tensor<2x8xf32>
}

// -----

// ==== aten.gelu ===================================================================

// approximate = "none" and "tanh". The rows do not read the decomposition (here a
// stand-in of the right type).
// CHECK-LABEL: func.func @gelu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[E:.*]] = "tfl.gelu"(%[[X]]) {approximate = false}
// CHECK: %[[T:.*]] = "tfl.gelu"(%[[X]]) {approximate = true}
// CHECK: return %[[E]], %[[T]]
func.func @gelu(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = "stablehlo.composite"(%x) {name = "aten.gelu", composite_attributes = {approximate = "none"}, decomposition = @gelu_stand_in, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "stablehlo.composite"(%x) {name = "aten.gelu", composite_attributes = {approximate = "tanh"}, decomposition = @gelu_stand_in, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
func.func private @gelu_stand_in(%x: tensor<4xf32>) -> tensor<4xf32> {
  %k = "stablehlo.constant"() {value = dense<1.702> : tensor<4xf32>} : () -> tensor<4xf32>
  %kx = "stablehlo.multiply"(%k, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %s = "stablehlo.logistic"(%kx) : (tensor<4xf32>) -> tensor<4xf32>
  %y = "stablehlo.multiply"(%x, %s) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// ==== aten.hardswish ==============================================================

// CHECK-LABEL: func.func @hardswish
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>)
// CHECK: %[[Y:.*]] = "tfl.hard_swish"(%[[X]])
// CHECK: return %[[Y]]
func.func @hardswish(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.hardswish", decomposition = @hardswish_decomposition, version = 0 : i32} : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %0 : tensor<1x4x8x8xf32>
}
func.func private @hardswish_decomposition(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %three = "stablehlo.constant"() {value = dense<3.0> : tensor<1x4x8x8xf32>} : () -> tensor<1x4x8x8xf32>
  %six = "stablehlo.constant"() {value = dense<6.0> : tensor<1x4x8x8xf32>} : () -> tensor<1x4x8x8xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<1x4x8x8xf32>} : () -> tensor<1x4x8x8xf32>
  %a = "stablehlo.add"(%x, %three) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %lo = "stablehlo.maximum"(%a, %zero) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %hi = "stablehlo.minimum"(%lo, %six) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %h = "stablehlo.divide"(%hi, %six) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %y = "stablehlo.multiply"(%x, %h) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

// ==== aten.hardtanh ===============================================================

// Bounds (0, 6) and (-1, 1) have builtins; (-2, 2) has none and is inlined.
// CHECK-LABEL: func.func @hardtanh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[R6:.*]] = "tfl.relu6"(%[[X]])
// CHECK: %[[R1:.*]] = "tfl.relu_n1_to_1"(%[[X]])
// CHECK: %[[LO:.*]] = "tfl.maximum"(%[[X]],
// CHECK: %[[HI:.*]] = "tfl.minimum"(%[[LO]],
// CHECK-NOT: stablehlo.composite
// CHECK: return %[[R6]], %[[R1]], %[[HI]]
func.func @hardtanh(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = "stablehlo.composite"(%x) {name = "aten.hardtanh", composite_attributes = {min_val = 0.0 : f64, max_val = 6.0 : f64}, decomposition = @clamp_0_6, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "stablehlo.composite"(%x) {name = "aten.hardtanh", composite_attributes = {min_val = -1.0 : f64, max_val = 1.0 : f64}, decomposition = @clamp_n1_1, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "stablehlo.composite"(%x) {name = "aten.hardtanh", composite_attributes = {min_val = -2.0 : f64, max_val = 2.0 : f64}, decomposition = @clamp_n2_2, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
func.func private @clamp_0_6(%x: tensor<4xf32>) -> tensor<4xf32> {
  %lo = "stablehlo.constant"() {value = dense<0.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %hi = "stablehlo.constant"() {value = dense<6.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "stablehlo.maximum"(%x, %lo) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "stablehlo.minimum"(%a, %hi) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
func.func private @clamp_n1_1(%x: tensor<4xf32>) -> tensor<4xf32> {
  %lo = "stablehlo.constant"() {value = dense<-1.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %hi = "stablehlo.constant"() {value = dense<1.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "stablehlo.maximum"(%x, %lo) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "stablehlo.minimum"(%a, %hi) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}
func.func private @clamp_n2_2(%x: tensor<4xf32>) -> tensor<4xf32> {
  %lo = "stablehlo.constant"() {value = dense<-2.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %hi = "stablehlo.constant"() {value = dense<2.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "stablehlo.maximum"(%x, %lo) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "stablehlo.minimum"(%a, %hi) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}

// -----

// ==== aten.leaky_relu =============================================================

// CHECK-LABEL: func.func @leaky_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = "tfl.leaky_relu"(%[[X]]) {alpha = 2.000000e-01 : f32}
// CHECK: return %[[Y]]
func.func @leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.leaky_relu", composite_attributes = {negative_slope = 2.000000e-01 : f64}, decomposition = @leaky_relu_decomposition, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @leaky_relu_decomposition(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %k = "stablehlo.constant"() {value = dense<0.2> : tensor<4xf32>} : () -> tensor<4xf32>
  %pos = "stablehlo.compare"(%x, %zero) {comparison_direction = #stablehlo<comparison_direction GT>, compare_type = #stablehlo<comparison_type FLOAT>} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %neg = "stablehlo.multiply"(%x, %k) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "stablehlo.select"(%pos, %x, %neg) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// ==== aten.log_softmax ============================================================

// log_softmax.int (dim given positively).
// CHECK-LABEL: func.func @log_softmax_int
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x8xf32>)
// CHECK: %[[Y:.*]] = "tfl.log_softmax"(%[[X]])
// CHECK: return %[[Y]]
func.func @log_softmax_int(%x: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.log_softmax", composite_attributes = {dim = 2 : i64}, decomposition = @stand_in, version = 0 : i32} : (tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}
func.func private @stand_in(%x: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  return %x : tensor<2x3x8xf32>
}

// -----

// ==== aten.relu6 ==================================================================

// CHECK-LABEL: func.func @relu6
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = "tfl.relu6"(%[[X]])
// CHECK: return %[[Y]]
func.func @relu6(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.relu6", decomposition = @relu6_decomposition, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @relu6_decomposition(%x: tensor<4xf32>) -> tensor<4xf32> {
  %lo = "stablehlo.constant"() {value = dense<0.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %hi = "stablehlo.constant"() {value = dense<6.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "stablehlo.maximum"(%x, %lo) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "stablehlo.minimum"(%a, %hi) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}

// -----

// ==== aten.softmax ================================================================

// softmax.int over the last dim of a rank-1 tensor.
// CHECK-LABEL: func.func @softmax_int
// CHECK-SAME: (%[[X:.*]]: tensor<8xf32>)
// CHECK: %[[Y:.*]] = "tfl.softmax"(%[[X]]) {beta = 1.000000e+00 : f32}
// CHECK: return %[[Y]]
func.func @softmax_int(%x: tensor<8xf32>) -> tensor<8xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.softmax", composite_attributes = {dim = 0 : i64}, decomposition = @stand_in, version = 0 : i32} : (tensor<8xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
func.func private @stand_in(%x: tensor<8xf32>) -> tensor<8xf32> {
  return %x : tensor<8xf32>
}

// -----

// ==== aten.upsample_bilinear2d ====================================================

// align_corners=True reads what TFLite's align_corners resize reads: NCHW goes to NHWC
// and back around it.
// CHECK-LABEL: func.func @upsample_bilinear2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>)
// CHECK: %[[P:.*]] = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>}
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[X]], %[[P]]) : (tensor<1x4x8x8xf32>, tensor<4xi32>) -> tensor<1x8x8x4xf32>
// CHECK: %[[S:.*]] = "tfl.pseudo_const"() {value = dense<[16, 12]> : tensor<2xi32>}
// CHECK: %[[R:.*]] = "tfl.resize_bilinear"(%[[T]], %[[S]]) {align_corners = true, half_pixel_centers = false} : (tensor<1x8x8x4xf32>, tensor<2xi32>) -> tensor<1x16x12x4xf32>
// CHECK: %[[Q:.*]] = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>}
// CHECK: %[[Y:.*]] = "tfl.transpose"(%[[R]], %[[Q]]) : (tensor<1x16x12x4xf32>, tensor<4xi32>) -> tensor<1x4x16x12xf32>
// CHECK: return %[[Y]]
func.func @upsample_bilinear2d(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x16x12xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_bilinear2d", composite_attributes = {align_corners = true, output_size = array<i64: 16, 12>}, decomposition = @stand_in, version = 0 : i32} : (tensor<1x4x8x8xf32>) -> tensor<1x4x16x12xf32>
  return %0 : tensor<1x4x16x12xf32>
}
func.func private @stand_in(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x16x12xf32> {
  %z = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %1 = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 8, 4>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x16x12xf32>
  return %1 : tensor<1x4x16x12xf32>
}

// -----

// ==== aten.upsample_nearest2d =====================================================

// Scale 2 (PyTorch's nearest: floor(d / 2)): TFLite's resize without align_corners or
// half-pixel centers.
// CHECK-LABEL: func.func @upsample_nearest2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>)
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[X]],
// CHECK: %[[R:.*]] = "tfl.resize_nearest_neighbor"(%[[T]], %{{.*}}) {align_corners = false, half_pixel_centers = false} : (tensor<1x8x8x4xf32>, tensor<2xi32>) -> tensor<1x16x16x4xf32>
// CHECK: %[[Y:.*]] = "tfl.transpose"(%[[R]],
// CHECK: return %[[Y]]
func.func @upsample_nearest2d(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x16x16xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_nearest2d", composite_attributes = {scale_factors = array<f64: 2.0, 2.0>}, decomposition = @stand_in, version = 0 : i32} : (tensor<1x4x8x8xf32>) -> tensor<1x4x16x16xf32>
  return %0 : tensor<1x4x16x16xf32>
}
func.func private @stand_in(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x16x16xf32> {
  %z = "stablehlo.constant"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %1 = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: 0, 0, 0, 0>, edge_padding_high = array<i64: 0, 0, 8, 8>, interior_padding = array<i64: 0, 0, 0, 0>} : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x16x16xf32>
  return %1 : tensor<1x4x16x16xf32>
}

// -----

// Scale 1.3 on 5 rows (PyTorch reads floor(d / 1.3), TFLite floor(d * 5 / 6)): the last
// row differs, so no resize stands for it; the decomposition (a gather) is inlined.
// CHECK-LABEL: func.func @upsample_nearest2d_other_scale
// CHECK-NOT: resize
// CHECK: "tfl.gather"
// CHECK: return
func.func @upsample_nearest2d_other_scale(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x6x5xf32> {
  %0 = "stablehlo.composite"(%x) {name = "aten.upsample_nearest2d", composite_attributes = {output_size = array<i64: 6, 5>, scale_factors = array<f64: 1.3, 1.0>}, decomposition = @rows, version = 0 : i32} : (tensor<1x1x5x5xf32>) -> tensor<1x1x6x5xf32>
  return %0 : tensor<1x1x6x5xf32>
}
func.func private @rows(%x: tensor<1x1x5x5xf32>) -> tensor<1x1x6x5xf32> {
  %i = "stablehlo.constant"() {value = dense<[[0], [0], [1], [2], [3], [3]]> : tensor<6x1xi64>} : () -> tensor<6x1xi64>
  %y = "stablehlo.gather"(%x, %i) {dimension_numbers = #stablehlo.gather<offset_dims = [0, 1, 3], collapsed_slice_dims = [2], start_index_map = [2], index_vector_dim = 1>, indices_are_sorted = false, slice_sizes = array<i64: 1, 1, 1, 5>} : (tensor<1x1x5x5xf32>, tensor<6x1xi64>) -> tensor<1x1x6x5xf32>
  return %y : tensor<1x1x6x5xf32>
}

// -----

// ==== no row ======================================================================

// aten.hardsigmoid has no TFLite builtin: both sites inline the one decomposition they
// share, each at its own location, and the copies legalize like hand-written math.
// CHECK-LABEL: func.func @hardsigmoid_inlined
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[Y:.*]]: tensor<4xf32>)
// CHECK: "tfl.add"(%[[X]], %{{.*}}) {fused_activation_function = "NONE"}
// CHECK: "tfl.div"
// CHECK: "tfl.add"(%[[Y]], %{{.*}}) {fused_activation_function = "NONE"}
// CHECK: "tfl.div"
// CHECK-NOT: stablehlo.composite
// CHECK: return
// LOC-LABEL: func.func @hardsigmoid_inlined
// LOC: "tfl.add"{{.*}} loc([[FIRST:#loc[0-9]+]])
// LOC: "tfl.div"{{.*}} loc([[FIRST]])
// LOC: "tfl.add"{{.*}} loc([[SECOND:#loc[0-9]+]])
// LOC: "tfl.div"{{.*}} loc([[SECOND]])
// LOC-DAG: [[FIRST]] = loc("first")
// LOC-DAG: [[SECOND]] = loc("second")
// DCE-LABEL: func.func @hardsigmoid_inlined
// DCE-NOT: func.func private
func.func @hardsigmoid_inlined(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = "stablehlo.composite"(%x) {name = "aten.hardsigmoid", decomposition = @aten.hardsigmoid.0, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32> loc("first")
  %1 = "stablehlo.composite"(%y) {name = "aten.hardsigmoid", decomposition = @aten.hardsigmoid.0, version = 0 : i32} : (tensor<4xf32>) -> tensor<4xf32> loc("second")
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
func.func private @aten.hardsigmoid.0(%x: tensor<4xf32>) -> tensor<4xf32> {
  %three = "stablehlo.constant"() {value = dense<3.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %six = "stablehlo.constant"() {value = dense<6.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %zero = "stablehlo.constant"() {value = dense<0.0> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "stablehlo.add"(%x, %three) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %lo = "stablehlo.maximum"(%a, %zero) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %hi = "stablehlo.minimum"(%lo, %six) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %h = "stablehlo.divide"(%hi, %six) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %h : tensor<4xf32>
}

// -----

// A name no table knows: inlined, whatever producer wrote it.
// CHECK-LABEL: func.func @unknown_name
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[Y:.*]] = "tfl.mul"(%[[X]], %[[X]])
// CHECK: return %[[Y]]
func.func @unknown_name(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "stablehlo.composite"(%x) {name = "my.square", decomposition = @square, version = 1 : i32} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func private @square(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = "stablehlo.multiply"(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// float16: TFLite has no f16 GELU kernel (the catalog refuses tfl.gelu on f16), so the
// composite is inlined; its reshapes legalize in f16. (The conversion pipeline widens
// f16 composites before this pass: see stablehlo-widen-f16.)
// CHECK-LABEL: func.func @f16_inlined
// CHECK-NOT: tfl.gelu
// CHECK: "tfl.reshape"{{.*}} -> tensor<6xf16>
// CHECK: "tfl.reshape"{{.*}} -> tensor<2x3xf16>
// CHECK: return
func.func @f16_inlined(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %0 = "stablehlo.composite"(%x) {name = "aten.gelu", composite_attributes = {approximate = "none"}, decomposition = @f16_stand_in, version = 0 : i32} : (tensor<2x3xf16>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}
func.func private @f16_stand_in(%x: tensor<2x3xf16>) -> tensor<2x3xf16> {
  %f = "stablehlo.reshape"(%x) : (tensor<2x3xf16>) -> tensor<6xf16>
  %y = "stablehlo.reshape"(%f) : (tensor<6xf16>) -> tensor<2x3xf16>
  return %y : tensor<2x3xf16>
}

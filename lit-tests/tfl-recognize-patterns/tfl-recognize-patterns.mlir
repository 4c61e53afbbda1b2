// RUN: edge-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(tfl-recognize-patterns))' | FileCheck %s

// Inputs are math a model writes by hand, as edge imports and legalizes it (the ATen ops
// with a TFLite builtin arrive as composites and are mapped by the legalization).

// ==== tfl.div ====================================================================

// CHECK-LABEL: func.func @div_average_pool_scale_cancel
// CHECK-SAME: (%[[X:.*]]: tensor<1x8x8x4xf32>
// CHECK: %[[P:.*]] = "tfl.average_pool_2d"(%[[X]])
// CHECK: %[[T:.*]] = "tfl.transpose"(%[[P]],
// CHECK-NOT: tfl.mul
// CHECK-NOT: tfl.div
// CHECK: return %[[T]]
func.func @div_average_pool_scale_cancel(%x: tensor<1x8x8x4xf32>) -> tensor<1x4x2x2xf32> {
  %p = "tfl.average_pool_2d"(%x) {filter_height = 4 : i32, filter_width = 4 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 4 : i32, stride_w = 4 : i32} : (tensor<1x8x8x4xf32>) -> tensor<1x2x2x4xf32>
  %a = "tfl.pseudo_const"() {value = dense<1.600000e+01> : tensor<f32>} : () -> tensor<f32>
  %m = "tfl.mul"(%p, %a) {fused_activation_function = "NONE"} : (tensor<1x2x2x4xf32>, tensor<f32>) -> tensor<1x2x2x4xf32>
  %perm = "tfl.pseudo_const"() {value = dense<[0, 3, 1, 2]> : tensor<4xi32>} : () -> tensor<4xi32>
  %t = "tfl.transpose"(%m, %perm) : (tensor<1x2x2x4xf32>, tensor<4xi32>) -> tensor<1x4x2x2xf32>
  %b = "tfl.pseudo_const"() {value = dense<1.600000e+01> : tensor<1x4x2x2xf32>} : () -> tensor<1x4x2x2xf32>
  %d = "tfl.div"(%t, %b) {fused_activation_function = "NONE"} : (tensor<1x4x2x2xf32>, tensor<1x4x2x2xf32>) -> tensor<1x4x2x2xf32>
  return %d : tensor<1x4x2x2xf32>
}

// -----

// The divisor is not the scale: nothing cancels.
// CHECK-LABEL: func.func @div_average_pool_other_scale
// CHECK: tfl.mul
// CHECK: tfl.div
func.func @div_average_pool_other_scale(%x: tensor<1x8x8x4xf32>) -> tensor<1x2x2x4xf32> {
  %p = "tfl.average_pool_2d"(%x) {filter_height = 4 : i32, filter_width = 4 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 4 : i32, stride_w = 4 : i32} : (tensor<1x8x8x4xf32>) -> tensor<1x2x2x4xf32>
  %a = "tfl.pseudo_const"() {value = dense<1.600000e+01> : tensor<f32>} : () -> tensor<f32>
  %m = "tfl.mul"(%p, %a) {fused_activation_function = "NONE"} : (tensor<1x2x2x4xf32>, tensor<f32>) -> tensor<1x2x2x4xf32>
  %b = "tfl.pseudo_const"() {value = dense<8.000000e+00> : tensor<f32>} : () -> tensor<f32>
  %d = "tfl.div"(%m, %b) {fused_activation_function = "NONE"} : (tensor<1x2x2x4xf32>, tensor<f32>) -> tensor<1x2x2x4xf32>
  return %d : tensor<1x2x2x4xf32>
}

// -----

// aten.mean.dim(keepdim=True): sum, reshape to the keep_dims shape, divide by 64.
// CHECK-LABEL: func.func @div_sum_to_mean_keep_dims
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x8x8xf32>)
// CHECK: %[[AX:.*]] = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>}
// CHECK: %[[M:.*]] = "tfl.mean"(%[[X]], %[[AX]]) {keep_dims = true} : (tensor<1x4x8x8xf32>, tensor<2xi32>) -> tensor<1x4x1x1xf32>
// CHECK-NOT: tfl.sum
// CHECK: return %[[M]]
func.func @div_sum_to_mean_keep_dims(%x: tensor<1x4x8x8xf32>) -> tensor<1x4x1x1xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<[2, 3]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<1x4x8x8xf32>, tensor<2xi32>) -> tensor<1x4xf32>
  %shape = "tfl.pseudo_const"() {value = dense<[1, 4, 1, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %r = "tfl.reshape"(%s, %shape) : (tensor<1x4xf32>, tensor<4xi32>) -> tensor<1x4x1x1xf32>
  %n = "tfl.pseudo_const"() {value = dense<6.400000e+01> : tensor<1x4x1x1xf32>} : () -> tensor<1x4x1x1xf32>
  %d = "tfl.div"(%r, %n) {fused_activation_function = "NONE"} : (tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>) -> tensor<1x4x1x1xf32>
  return %d : tensor<1x4x1x1xf32>
}

// -----

// CHECK-LABEL: func.func @div_sum_to_mean(
// CHECK: "tfl.mean"(%{{.*}}, %{{.*}}) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
func.func @div_sum_to_mean(%x: tensor<2x8x16xf32>) -> tensor<2x8xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<-1> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %n = "tfl.pseudo_const"() {value = dense<1.600000e+01> : tensor<f32>} : () -> tensor<f32>
  %d = "tfl.div"(%s, %n) {fused_activation_function = "NONE"} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %d : tensor<2x8xf32>
}

// -----

// The count is wrong (16 elements, divided by 15: aten.var's unbiased divisor).
// CHECK-LABEL: func.func @div_sum_wrong_count
// CHECK: tfl.sum
// CHECK: tfl.div
// CHECK-NOT: tfl.mean
func.func @div_sum_wrong_count(%x: tensor<2x8x16xf32>) -> tensor<2x8xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %n = "tfl.pseudo_const"() {value = dense<1.500000e+01> : tensor<f32>} : () -> tensor<f32>
  %d = "tfl.div"(%s, %n) {fused_activation_function = "NONE"} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %d : tensor<2x8xf32>
}

// -----

// The sum is also returned: replacing the div would keep it, so nothing changes.
// CHECK-LABEL: func.func @div_sum_shared
// CHECK: tfl.sum
// CHECK: tfl.div
// CHECK-NOT: tfl.mean
func.func @div_sum_shared(%x: tensor<2x8x16xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %n = "tfl.pseudo_const"() {value = dense<1.600000e+01> : tensor<f32>} : () -> tensor<f32>
  %d = "tfl.div"(%s, %n) {fused_activation_function = "NONE"} : (tensor<2x8xf32>, tensor<f32>) -> tensor<2x8xf32>
  return %d, %s : tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// A softmax by hand: e = exp(x - x.amax(-1, keepdim=True)); e / e.sum(-1, keepdim=True).
// CHECK-LABEL: func.func @div_softmax(
// CHECK-SAME: %[[X:.*]]: tensor<2x8x16xf32>)
// CHECK: %[[S:.*]] = "tfl.softmax"(%[[X]]) {beta = 1.000000e+00 : f32}
// CHECK-NOT: tfl.exp
// CHECK: return %[[S]]
func.func @div_softmax(%x: tensor<2x8x16xf32>) -> tensor<2x8x16xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %k = "tfl.pseudo_const"() {value = dense<[2, 8, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %mr = "tfl.reshape"(%m, %k) : (tensor<2x8xf32>, tensor<3xi32>) -> tensor<2x8x1xf32>
  %full = "tfl.pseudo_const"() {value = dense<[2, 8, 16]> : tensor<3xi32>} : () -> tensor<3xi32>
  %mb = "tfl.broadcast_to"(%mr, %full) : (tensor<2x8x1xf32>, tensor<3xi32>) -> tensor<2x8x16xf32>
  %d = "tfl.sub"(%x, %mb) {fused_activation_function = "NONE"} : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %e = "tfl.exp"(%d) : (tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %sr = "tfl.reshape"(%s, %k) : (tensor<2x8xf32>, tensor<3xi32>) -> tensor<2x8x1xf32>
  %sb = "tfl.broadcast_to"(%sr, %full) : (tensor<2x8x1xf32>, tensor<3xi32>) -> tensor<2x8x16xf32>
  %y = "tfl.div"(%e, %sb) {fused_activation_function = "NONE"} : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  return %y : tensor<2x8x16xf32>
}

// -----

// JAX's softmax takes the max with -inf (its reduction's init) after the reduction:
// maximum(reduce_max(x), -inf) changes no value, and the softmax is still one op.
// CHECK-LABEL: func.func @div_softmax_jax(
// CHECK-SAME: %[[X:.*]]: tensor<1x10xf32>)
// CHECK: %[[S:.*]] = "tfl.softmax"(%[[X]]) {beta = 1.000000e+00 : f32}
// CHECK-NOT: tfl.exp
// CHECK: return %[[S]]
func.func @div_softmax_jax(%x: tensor<1x10xf32>) -> tensor<1x10xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<1x10xf32>, tensor<1xi32>) -> tensor<1xf32>
  %ninf = "tfl.pseudo_const"() {value = dense<0xFF800000> : tensor<1xf32>} : () -> tensor<1xf32>
  %mm = "tfl.maximum"(%ninf, %m) : (tensor<1xf32>, tensor<1xf32>) -> tensor<1xf32>
  %k = "tfl.pseudo_const"() {value = dense<1> : tensor<2xi32>} : () -> tensor<2xi32>
  %mr = "tfl.reshape"(%mm, %k) : (tensor<1xf32>, tensor<2xi32>) -> tensor<1x1xf32>
  %full = "tfl.pseudo_const"() {value = dense<[1, 10]> : tensor<2xi32>} : () -> tensor<2xi32>
  %mb = "tfl.broadcast_to"(%mr, %full) : (tensor<1x1xf32>, tensor<2xi32>) -> tensor<1x10xf32>
  %d = "tfl.sub"(%x, %mb) {fused_activation_function = "NONE"} : (tensor<1x10xf32>, tensor<1x10xf32>) -> tensor<1x10xf32>
  %e = "tfl.exp"(%d) : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<1x10xf32>, tensor<1xi32>) -> tensor<1xf32>
  %sr = "tfl.reshape"(%s, %k) : (tensor<1xf32>, tensor<2xi32>) -> tensor<1x1xf32>
  %sb = "tfl.broadcast_to"(%sr, %full) : (tensor<1x1xf32>, tensor<2xi32>) -> tensor<1x10xf32>
  %y = "tfl.div"(%e, %sb) {fused_activation_function = "NONE"} : (tensor<1x10xf32>, tensor<1x10xf32>) -> tensor<1x10xf32>
  return %y : tensor<1x10xf32>
}

// -----

// Softmax over dim 1 of 3: tfl.softmax works on the last dim only.
// CHECK-LABEL: func.func @div_softmax_not_last
// CHECK-NOT: tfl.softmax
// CHECK: tfl.exp
func.func @div_softmax_not_last(%x: tensor<2x8x16xf32>) -> tensor<2x8x16xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x16xf32>
  %k = "tfl.pseudo_const"() {value = dense<[2, 1, 16]> : tensor<3xi32>} : () -> tensor<3xi32>
  %mr = "tfl.reshape"(%m, %k) : (tensor<2x16xf32>, tensor<3xi32>) -> tensor<2x1x16xf32>
  %d = "tfl.sub"(%x, %mr) {fused_activation_function = "NONE"} : (tensor<2x8x16xf32>, tensor<2x1x16xf32>) -> tensor<2x8x16xf32>
  %e = "tfl.exp"(%d) : (tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x16xf32>
  %sr = "tfl.reshape"(%s, %k) : (tensor<2x16xf32>, tensor<3xi32>) -> tensor<2x1x16xf32>
  %y = "tfl.div"(%e, %sr) {fused_activation_function = "NONE"} : (tensor<2x8x16xf32>, tensor<2x1x16xf32>) -> tensor<2x8x16xf32>
  return %y : tensor<2x8x16xf32>
}

// -----

// The exponentials are also returned: the softmax would not remove them.
// CHECK-LABEL: func.func @div_softmax_shared_exp
// CHECK-NOT: tfl.softmax
func.func @div_softmax_shared_exp(%x: tensor<2x16xf32>) -> (tensor<2x16xf32>, tensor<2x16xf32>) {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = true} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2x1xf32>
  %d = "tfl.sub"(%x, %m) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  %e = "tfl.exp"(%d) : (tensor<2x16xf32>) -> tensor<2x16xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = true} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2x1xf32>
  %y = "tfl.div"(%e, %s) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  return %y, %e : tensor<2x16xf32>, tensor<2x16xf32>
}

// -----

// x * F.relu6(x + 3) / 6, evaluated as (x * relu6(x + 3)) / 6 (F.relu6 arrives as
// tfl.relu6).
// CHECK-LABEL: func.func @div_hard_swish
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[H:.*]] = "tfl.hard_swish"(%[[X]])
// CHECK-NOT: tfl.relu6
// CHECK: return %[[H]]
func.func @div_hard_swish(%x: tensor<4xf32>) -> tensor<4xf32> {
  %three = "tfl.pseudo_const"() {value = dense<3.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %six = "tfl.pseudo_const"() {value = dense<6.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "tfl.add"(%x, %three) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %r = "tfl.relu6"(%a) : (tensor<4xf32>) -> tensor<4xf32>
  %m = "tfl.mul"(%x, %r) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %d = "tfl.div"(%m, %six) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %d : tensor<4xf32>
}

// ==== tfl.maximum / tfl.minimum ==================================================

// -----

// torch.clamp(x, 0, 6): a maximum with a broadcast 0-d zero, then a minimum with 6.
// CHECK-LABEL: func.func @maximum_minimum_relu6
// CHECK-SAME: (%[[X:.*]]: tensor<2x8xf32>)
// CHECK: %[[R:.*]] = "tfl.relu6"(%[[X]])
// CHECK-NOT: tfl.maximum
// CHECK-NOT: tfl.minimum
// CHECK-NOT: tfl.broadcast_to
// CHECK: return %[[R]]
func.func @maximum_minimum_relu6(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
  %one = "tfl.pseudo_const"() {value = dense<1> : tensor<2xi32>} : () -> tensor<2xi32>
  %z1 = "tfl.reshape"(%zero, %one) : (tensor<f32>, tensor<2xi32>) -> tensor<1x1xf32>
  %shape = "tfl.pseudo_const"() {value = dense<[2, 8]> : tensor<2xi32>} : () -> tensor<2xi32>
  %zb = "tfl.broadcast_to"(%z1, %shape) : (tensor<1x1xf32>, tensor<2xi32>) -> tensor<2x8xf32>
  %m = "tfl.maximum"(%x, %zb) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  %six = "tfl.pseudo_const"() {value = dense<6.000000e+00> : tensor<2x8xf32>} : () -> tensor<2x8xf32>
  %r = "tfl.minimum"(%m, %six) : (tensor<2x8xf32>, tensor<2x8xf32>) -> tensor<2x8xf32>
  return %r : tensor<2x8xf32>
}

// -----

// CHECK-LABEL: func.func @maximum_relu_commuted
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[R:.*]] = "tfl.relu"(%[[X]])
// CHECK: return %[[R]]
func.func @maximum_relu_commuted(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %m = "tfl.maximum"(%zero, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %m : tensor<4xf32>
}

// -----

// maximum(x, 1e-7) is not a relu; maximum that broadcasts x is not element-wise on x.
// CHECK-LABEL: func.func @maximum_not_relu
// CHECK-NOT: tfl.relu
// CHECK: tfl.maximum
// CHECK: tfl.maximum
func.func @maximum_not_relu(%x: tensor<4xf32>, %y: tensor<1xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %eps = "tfl.pseudo_const"() {value = dense<1.000000e-07> : tensor<4xf32>} : () -> tensor<4xf32>
  %m = "tfl.maximum"(%x, %eps) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %b = "tfl.maximum"(%y, %zero) : (tensor<1xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %m, %b : tensor<4xf32>, tensor<4xf32>
}

// -----

// clamp(min=0, max=5): the relu stays, the minimum too.
// CHECK-LABEL: func.func @minimum_not_relu6
// CHECK: %[[R:.*]] = "tfl.relu"
// CHECK: "tfl.minimum"(%[[R]],
// CHECK-NOT: tfl.relu6
func.func @minimum_not_relu6(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %m = "tfl.maximum"(%x, %zero) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %five = "tfl.pseudo_const"() {value = dense<5.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %r = "tfl.minimum"(%m, %five) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// The relu is also returned: relu6 would not remove it.
// CHECK-LABEL: func.func @minimum_relu6_shared
// CHECK: "tfl.relu"
// CHECK: "tfl.minimum"
// CHECK-NOT: tfl.relu6
func.func @minimum_relu6_shared(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %m = "tfl.maximum"(%x, %zero) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %six = "tfl.pseudo_const"() {value = dense<6.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %r = "tfl.minimum"(%m, %six) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r, %m : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @maximum_relu6_min_first
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[R:.*]] = "tfl.relu6"(%[[X]])
// CHECK: return %[[R]]
func.func @maximum_relu6_min_first(%x: tensor<4xf32>) -> tensor<4xf32> {
  %six = "tfl.pseudo_const"() {value = dense<6.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %m = "tfl.minimum"(%x, %six) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %r = "tfl.maximum"(%m, %zero) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %r : tensor<4xf32>
}

// -----

// torch.clamp(x, -1, 1), and the clamp written the other way round.
// CHECK-LABEL: func.func @relu_n1_to_1
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[A:.*]] = "tfl.relu_n1_to_1"(%[[X]])
// CHECK: %[[B:.*]] = "tfl.relu_n1_to_1"(%[[X]])
// CHECK: return %[[A]], %[[B]]
func.func @relu_n1_to_1(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %lo = "tfl.pseudo_const"() {value = dense<-1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %hi = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %m = "tfl.maximum"(%x, %lo) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %a = "tfl.minimum"(%m, %hi) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %n = "tfl.minimum"(%hi, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "tfl.maximum"(%n, %lo) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %a, %b : tensor<4xf32>, tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @maximum_leaky_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[L:.*]] = "tfl.leaky_relu"(%[[X]]) {alpha = 1.000000e-01 : f32}
// CHECK: return %[[L]]
func.func @maximum_leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = "tfl.pseudo_const"() {value = dense<1.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %s = "tfl.mul"(%a, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %m = "tfl.maximum"(%s, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %m : tensor<4xf32>
}

// -----

// maximum(x, 2x) is not leaky_relu(alpha = 2): for x < 0 it picks x.
// CHECK-LABEL: func.func @maximum_not_leaky_relu
// CHECK-NOT: tfl.leaky_relu
// CHECK: tfl.maximum
func.func @maximum_not_leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %a = "tfl.pseudo_const"() {value = dense<2.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %s = "tfl.mul"(%x, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %m = "tfl.maximum"(%x, %s) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %m : tensor<4xf32>
}

// ==== tfl.mul ====================================================================

// -----

// GELU by hand (BERT's): x * 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0))), with
// torch.erf as edge lowers it (a rational polynomial).
// CHECK-LABEL: func.func @mul_gelu(
// CHECK-SAME: %[[X:.*]]: tensor<4xf32>)
// CHECK: %[[G:.*]] = "tfl.gelu"(%[[X]]) {approximate = false}
// CHECK-NOT: tfl.div
// CHECK-NOT: tfl.mul
// CHECK: return %[[G]]
func.func @mul_gelu(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %1 = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %h = "tfl.mul"(%arg0, %0) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %2 = "tfl.pseudo_const"() {value = dense<1.41421354> : tensor<4xf32>} : () -> tensor<4xf32>
  %3 = "tfl.div"(%arg0, %2) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %4 = "tfl.pseudo_const"() {value = dense<-4.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %5 = "tfl.pseudo_const"() {value = dense<4.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %6 = "tfl.maximum"(%3, %4) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %7 = "tfl.minimum"(%6, %5) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %8 = "tfl.mul"(%7, %7) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %9 = "tfl.pseudo_const"() {value = dense<-2.72614237E-10> : tensor<4xf32>} : () -> tensor<4xf32>
  %10 = "tfl.mul"(%9, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %11 = "tfl.pseudo_const"() {value = dense<2.77068146E-8> : tensor<4xf32>} : () -> tensor<4xf32>
  %12 = "tfl.add"(%10, %11) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %13 = "tfl.mul"(%12, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %14 = "tfl.pseudo_const"() {value = dense<-2.10102394E-6> : tensor<4xf32>} : () -> tensor<4xf32>
  %15 = "tfl.add"(%13, %14) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %16 = "tfl.mul"(%15, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %17 = "tfl.pseudo_const"() {value = dense<-5.69250624E-5> : tensor<4xf32>} : () -> tensor<4xf32>
  %18 = "tfl.add"(%16, %17) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %19 = "tfl.mul"(%18, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %20 = "tfl.pseudo_const"() {value = dense<-7.34990637E-4> : tensor<4xf32>} : () -> tensor<4xf32>
  %21 = "tfl.add"(%19, %20) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %22 = "tfl.mul"(%21, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %23 = "tfl.pseudo_const"() {value = dense<-2.954600e-03> : tensor<4xf32>} : () -> tensor<4xf32>
  %24 = "tfl.add"(%22, %23) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %25 = "tfl.mul"(%24, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %26 = "tfl.pseudo_const"() {value = dense<-0.0160960332> : tensor<4xf32>} : () -> tensor<4xf32>
  %27 = "tfl.add"(%25, %26) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %28 = "tfl.mul"(%27, %7) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %29 = "tfl.pseudo_const"() {value = dense<-1.45660715E-5> : tensor<4xf32>} : () -> tensor<4xf32>
  %30 = "tfl.mul"(%29, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %31 = "tfl.pseudo_const"() {value = dense<-2.13374049E-4> : tensor<4xf32>} : () -> tensor<4xf32>
  %32 = "tfl.add"(%30, %31) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %33 = "tfl.mul"(%32, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %34 = "tfl.pseudo_const"() {value = dense<-0.00168282702> : tensor<4xf32>} : () -> tensor<4xf32>
  %35 = "tfl.add"(%33, %34) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %36 = "tfl.mul"(%35, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %37 = "tfl.pseudo_const"() {value = dense<-0.00737332925> : tensor<4xf32>} : () -> tensor<4xf32>
  %38 = "tfl.add"(%36, %37) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %39 = "tfl.mul"(%38, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %40 = "tfl.pseudo_const"() {value = dense<-0.0142647391> : tensor<4xf32>} : () -> tensor<4xf32>
  %41 = "tfl.add"(%39, %40) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %42 = "tfl.div"(%28, %41) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %43 = "tfl.add"(%42, %1) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %45 = "tfl.mul"(%h, %43) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %45 : tensor<4xf32>
}

// -----

// GELU by hand as 0.5 * (x * (1 + erf(x * 0.70710678))), but one erf coefficient is off
// (-2.201e-6 for -2.101e-6): not GELU.
// CHECK-LABEL: func.func @mul_gelu_wrong_coefficient
// CHECK-NOT: tfl.gelu
// CHECK: tfl.div
func.func @mul_gelu_wrong_coefficient(%arg0: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %1 = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %2 = "tfl.pseudo_const"() {value = dense<0.707106769> : tensor<4xf32>} : () -> tensor<4xf32>
  %3 = "tfl.mul"(%arg0, %2) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %4 = "tfl.pseudo_const"() {value = dense<-4.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %5 = "tfl.pseudo_const"() {value = dense<4.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %6 = "tfl.maximum"(%3, %4) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %7 = "tfl.minimum"(%6, %5) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %8 = "tfl.mul"(%7, %7) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %9 = "tfl.pseudo_const"() {value = dense<-2.72614237E-10> : tensor<4xf32>} : () -> tensor<4xf32>
  %10 = "tfl.mul"(%9, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %11 = "tfl.pseudo_const"() {value = dense<2.77068146E-8> : tensor<4xf32>} : () -> tensor<4xf32>
  %12 = "tfl.add"(%10, %11) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %13 = "tfl.mul"(%12, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %14 = "tfl.pseudo_const"() {value = dense<-2.20102394E-6> : tensor<4xf32>} : () -> tensor<4xf32>
  %15 = "tfl.add"(%13, %14) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %16 = "tfl.mul"(%15, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %17 = "tfl.pseudo_const"() {value = dense<-5.69250624E-5> : tensor<4xf32>} : () -> tensor<4xf32>
  %18 = "tfl.add"(%16, %17) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %19 = "tfl.mul"(%18, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %20 = "tfl.pseudo_const"() {value = dense<-7.34990637E-4> : tensor<4xf32>} : () -> tensor<4xf32>
  %21 = "tfl.add"(%19, %20) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %22 = "tfl.mul"(%21, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %23 = "tfl.pseudo_const"() {value = dense<-2.954600e-03> : tensor<4xf32>} : () -> tensor<4xf32>
  %24 = "tfl.add"(%22, %23) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %25 = "tfl.mul"(%24, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %26 = "tfl.pseudo_const"() {value = dense<-0.0160960332> : tensor<4xf32>} : () -> tensor<4xf32>
  %27 = "tfl.add"(%25, %26) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %28 = "tfl.mul"(%27, %7) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %29 = "tfl.pseudo_const"() {value = dense<-1.45660715E-5> : tensor<4xf32>} : () -> tensor<4xf32>
  %30 = "tfl.mul"(%29, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %31 = "tfl.pseudo_const"() {value = dense<-2.13374049E-4> : tensor<4xf32>} : () -> tensor<4xf32>
  %32 = "tfl.add"(%30, %31) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %33 = "tfl.mul"(%32, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %34 = "tfl.pseudo_const"() {value = dense<-0.00168282702> : tensor<4xf32>} : () -> tensor<4xf32>
  %35 = "tfl.add"(%33, %34) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %36 = "tfl.mul"(%35, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %37 = "tfl.pseudo_const"() {value = dense<-0.00737332925> : tensor<4xf32>} : () -> tensor<4xf32>
  %38 = "tfl.add"(%36, %37) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %39 = "tfl.mul"(%38, %8) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %40 = "tfl.pseudo_const"() {value = dense<-0.0142647391> : tensor<4xf32>} : () -> tensor<4xf32>
  %41 = "tfl.add"(%39, %40) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %42 = "tfl.div"(%28, %41) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %43 = "tfl.add"(%1, %42) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %44 = "tfl.mul"(%arg0, %43) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %45 = "tfl.mul"(%0, %44) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %45 : tensor<4xf32>
}

// -----

// GPT-2's GELU by hand: 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x +
// 0.044715 * torch.pow(x, 3.0)))); the pow becomes x * x * x first (PowCube).
// CHECK-LABEL: func.func @mul_gelu_tanh
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[G:.*]] = "tfl.gelu"(%[[X]]) {approximate = true}
// CHECK-NOT: tfl.tanh
// CHECK-NOT: tfl.pow
// CHECK: return %[[G]]
func.func @mul_gelu_tanh(%x: tensor<4xf32>) -> tensor<4xf32> {
  %half = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %one = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %three = "tfl.pseudo_const"() {value = dense<3.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %k = "tfl.pseudo_const"() {value = dense<0.797884583> : tensor<4xf32>} : () -> tensor<4xf32>
  %c = "tfl.pseudo_const"() {value = dense<4.471500e-02> : tensor<4xf32>} : () -> tensor<4xf32>
  %hx = "tfl.mul"(%x, %half) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %x3 = "tfl.pow"(%x, %three) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t0 = "tfl.mul"(%x3, %c) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t1 = "tfl.add"(%x, %t0) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t2 = "tfl.mul"(%t1, %k) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t = "tfl.tanh"(%t2) : (tensor<4xf32>) -> tensor<4xf32>
  %s = "tfl.add"(%t, %one) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.mul"(%hx, %s) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// The same with the half applied last, x * (0.5 * (1 + tanh(...))), cube spelled out.
// CHECK-LABEL: func.func @mul_gelu_tanh_half_last
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[G:.*]] = "tfl.gelu"(%[[X]]) {approximate = true}
// CHECK: return %[[G]]
func.func @mul_gelu_tanh_half_last(%x: tensor<4xf32>) -> tensor<4xf32> {
  %half = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %one = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %k = "tfl.pseudo_const"() {value = dense<0.797884583> : tensor<4xf32>} : () -> tensor<4xf32>
  %c = "tfl.pseudo_const"() {value = dense<4.471500e-02> : tensor<4xf32>} : () -> tensor<4xf32>
  %x2 = "tfl.mul"(%x, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %x3 = "tfl.mul"(%x2, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t0 = "tfl.mul"(%c, %x3) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t1 = "tfl.add"(%x, %t0) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t2 = "tfl.mul"(%k, %t1) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t = "tfl.tanh"(%t2) : (tensor<4xf32>) -> tensor<4xf32>
  %s = "tfl.add"(%one, %t) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %h = "tfl.mul"(%half, %s) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.mul"(%x, %h) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// The cubic coefficient is 0.05, not 0.044715: not GELU.
// CHECK-LABEL: func.func @mul_gelu_tanh_wrong_constant
// CHECK-NOT: tfl.gelu
// CHECK: tfl.tanh
func.func @mul_gelu_tanh_wrong_constant(%x: tensor<4xf32>) -> tensor<4xf32> {
  %half = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %one = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %k = "tfl.pseudo_const"() {value = dense<0.797884583> : tensor<4xf32>} : () -> tensor<4xf32>
  %c = "tfl.pseudo_const"() {value = dense<5.000000e-02> : tensor<4xf32>} : () -> tensor<4xf32>
  %x2 = "tfl.mul"(%x, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %x3 = "tfl.mul"(%x2, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t0 = "tfl.mul"(%c, %x3) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t1 = "tfl.add"(%x, %t0) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t2 = "tfl.mul"(%k, %t1) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %t = "tfl.tanh"(%t2) : (tensor<4xf32>) -> tensor<4xf32>
  %s = "tfl.add"(%one, %t) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %p = "tfl.mul"(%x, %s) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.mul"(%half, %p) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// x * (F.relu6(x + 3) / 6) by hand, and (F.relu6(3 + x) * (1 / 6)) * x.
// CHECK-LABEL: func.func @mul_hard_swish
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[A:.*]] = "tfl.hard_swish"(%[[X]])
// CHECK: %[[B:.*]] = "tfl.hard_swish"(%[[X]])
// CHECK: return %[[A]], %[[B]]
func.func @mul_hard_swish(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %three = "tfl.pseudo_const"() {value = dense<3.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %six = "tfl.pseudo_const"() {value = dense<6.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %sixth = "tfl.pseudo_const"() {value = dense<0.166666672> : tensor<f32>} : () -> tensor<f32>
  %a = "tfl.add"(%x, %three) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %r = "tfl.relu6"(%a) : (tensor<4xf32>) -> tensor<4xf32>
  %h = "tfl.div"(%r, %six) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.mul"(%x, %h) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %a2 = "tfl.add"(%three, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %r2 = "tfl.relu6"(%a2) : (tensor<4xf32>) -> tensor<4xf32>
  %h2 = "tfl.mul"(%r2, %sixth) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  %z = "tfl.mul"(%h2, %x) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y, %z : tensor<4xf32>, tensor<4xf32>
}

// -----

// A hardsigmoid of another value (mobilenet_v3's squeeze-excite gate) is no hard_swish.
// CHECK-LABEL: func.func @mul_hard_sigmoid_gate
// CHECK-NOT: tfl.hard_swish
// CHECK: tfl.relu6
func.func @mul_hard_sigmoid_gate(%x: tensor<4xf32>, %g: tensor<4xf32>) -> tensor<4xf32> {
  %three = "tfl.pseudo_const"() {value = dense<3.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %six = "tfl.pseudo_const"() {value = dense<6.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "tfl.add"(%g, %three) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %r = "tfl.relu6"(%a) : (tensor<4xf32>) -> tensor<4xf32>
  %h = "tfl.div"(%r, %six) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.mul"(%x, %h) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// CHECK-LABEL: func.func @mul_sum_to_mean
// CHECK: "tfl.mean"(%{{.*}}, %{{.*}}) {keep_dims = true} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2x1xf32>
func.func @mul_sum_to_mean(%x: tensor<2x16xf32>) -> tensor<2x1xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %s = "tfl.sum"(%x, %ax) {keep_dims = true} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2x1xf32>
  %r = "tfl.pseudo_const"() {value = dense<6.250000e-02> : tensor<f32>} : () -> tensor<f32>
  %m = "tfl.mul"(%r, %s) {fused_activation_function = "NONE"} : (tensor<f32>, tensor<2x1xf32>) -> tensor<2x1xf32>
  return %m : tensor<2x1xf32>
}

// -----

// Layer norm's variance: the difference is reused, so it stays beside the new op.
// CHECK-LABEL: func.func @mul_squared_difference
// CHECK-SAME: (%[[X:.*]]: tensor<2x16xf32>, %[[M:.*]]: tensor<2x1xf32>)
// CHECK: %[[D:.*]] = "tfl.sub"(%[[X]], %[[M]])
// CHECK: %[[S:.*]] = "tfl.squared_difference"(%[[X]], %[[M]])
// CHECK: return %[[S]], %[[D]]
func.func @mul_squared_difference(%x: tensor<2x16xf32>, %m: tensor<2x1xf32>) -> (tensor<2x16xf32>, tensor<2x16xf32>) {
  %d = "tfl.sub"(%x, %m) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  %s = "tfl.mul"(%d, %d) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  return %s, %d : tensor<2x16xf32>, tensor<2x16xf32>
}

// -----

// A fused activation on the sub changes its value: no squared_difference.
// CHECK-LABEL: func.func @mul_squared_difference_fused
// CHECK-NOT: tfl.squared_difference
func.func @mul_squared_difference_fused(%x: tensor<4xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %d = "tfl.sub"(%x, %y) {fused_activation_function = "RELU"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %s = "tfl.mul"(%d, %d) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}

// ==== tfl.pow ====================================================================

// -----

// CHECK-LABEL: func.func @pow_by_constants
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[SQ:.*]] = "tfl.mul"(%[[X]], %[[X]])
// CHECK-DAG: %[[C2:.*]] = "tfl.mul"(%[[X]], %[[X]])
// CHECK-DAG: %[[CU:.*]] = "tfl.mul"(%[[C2]], %[[X]])
// CHECK-DAG: %[[RT:.*]] = "tfl.sqrt"(%[[X]])
// CHECK-DAG: %[[RS:.*]] = "tfl.rsqrt"(%[[X]])
// CHECK-DAG: %[[ONE:.*]] = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<f32>}
// CHECK-DAG: %[[RC:.*]] = "tfl.div"(%[[ONE]], %[[X]])
// CHECK-NOT: tfl.pow
// CHECK: return %[[SQ]], %[[CU]], %[[RT]], %[[RS]], %[[RC]], %[[X]]
func.func @pow_by_constants(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %c2 = "tfl.pseudo_const"() {value = dense<2.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %c3 = "tfl.pseudo_const"() {value = dense<3.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %ch = "tfl.pseudo_const"() {value = dense<5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %cmh = "tfl.pseudo_const"() {value = dense<-5.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %cm1 = "tfl.pseudo_const"() {value = dense<-1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %c1 = "tfl.pseudo_const"() {value = dense<1.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "tfl.pow"(%x, %c2) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "tfl.pow"(%x, %c3) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %c = "tfl.pow"(%x, %ch) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %d = "tfl.pow"(%x, %cmh) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %e = "tfl.pow"(%x, %cm1) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %f = "tfl.pow"(%x, %c1) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %a, %b, %c, %d, %e, %f : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Other exponents, a tensor exponent and a constant base stay tfl.pow.
// CHECK-LABEL: func.func @pow_kept
// CHECK-COUNT-3: "tfl.pow"
func.func @pow_kept(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %c = "tfl.pseudo_const"() {value = dense<2.500000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %two = "tfl.pseudo_const"() {value = dense<2.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "tfl.pow"(%x, %c) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %b = "tfl.pow"(%x, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %d = "tfl.pow"(%two, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %a, %b, %d : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// ==== tfl.reshape ================================================================

// -----

// Layer norm's mean, re-expanded for the subtraction: keep_dims instead of a reshape.
// CHECK-LABEL: func.func @reshape_mean_keep_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x8x16xf32>)
// CHECK: %[[M:.*]] = "tfl.mean"(%[[X]], %{{.*}}) {keep_dims = true} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8x1xf32>
// CHECK-NOT: tfl.reshape
// CHECK: return %[[M]]
func.func @reshape_mean_keep_dims(%x: tensor<2x8x16xf32>) -> tensor<2x8x1xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.mean"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %k = "tfl.pseudo_const"() {value = dense<[2, 8, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %r = "tfl.reshape"(%m, %k) : (tensor<2x8xf32>, tensor<3xi32>) -> tensor<2x8x1xf32>
  return %r : tensor<2x8x1xf32>
}

// -----

// A reshape to another shape than keep_dims' ([2, 1, 8] for [2, 8, 1]) stays.
// CHECK-LABEL: func.func @reshape_mean_other_shape
// CHECK: "tfl.mean"{{.*}}{keep_dims = false}
// CHECK: tfl.reshape
func.func @reshape_mean_other_shape(%x: tensor<2x8x16xf32>) -> tensor<2x1x8xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.mean"(%x, %ax) {keep_dims = false} : (tensor<2x8x16xf32>, tensor<1xi32>) -> tensor<2x8xf32>
  %k = "tfl.pseudo_const"() {value = dense<[2, 1, 8]> : tensor<3xi32>} : () -> tensor<3xi32>
  %r = "tfl.reshape"(%m, %k) : (tensor<2x8xf32>, tensor<3xi32>) -> tensor<2x1x8xf32>
  return %r : tensor<2x1x8xf32>
}

// ==== tfl.select_v2 ==============================================================

// -----

// torch.where(x > 0, x, x * 0.2) by hand.
// CHECK-LABEL: func.func @select_v2_leaky_relu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[L:.*]] = "tfl.leaky_relu"(%[[X]]) {alpha = 2.000000e-01 : f32}
// CHECK-NOT: tfl.select_v2
// CHECK: return %[[L]]
func.func @select_v2_leaky_relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "tfl.pseudo_const"() {value = dense<2.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %c = "tfl.greater"(%x, %zero) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %s = "tfl.mul"(%x, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.select_v2"(%c, %x, %s) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// The branches are swapped (x > 0 ? a*x : x): not a leaky relu.
// CHECK-LABEL: func.func @select_v2_swapped
// CHECK-NOT: tfl.leaky_relu
// CHECK: tfl.select_v2
func.func @select_v2_swapped(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = "tfl.pseudo_const"() {value = dense<0.000000e+00> : tensor<4xf32>} : () -> tensor<4xf32>
  %a = "tfl.pseudo_const"() {value = dense<2.000000e-01> : tensor<4xf32>} : () -> tensor<4xf32>
  %c = "tfl.greater"(%x, %zero) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  %s = "tfl.mul"(%x, %a) {fused_activation_function = "NONE"} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %y = "tfl.select_v2"(%c, %s, %x) : (tensor<4xi1>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// ==== tfl.sub ====================================================================

// -----

// A log-softmax by hand, the log taken of the reduced sum before it is re-expanded:
// d = x - x.amax(-1, keepdim=True); d - torch.log(torch.exp(d).sum(-1)).unsqueeze(-1).
// CHECK-LABEL: func.func @sub_log_softmax
// CHECK-SAME: (%[[X:.*]]: tensor<2x16xf32>)
// CHECK: %[[L:.*]] = "tfl.log_softmax"(%[[X]])
// CHECK-NOT: tfl.log"
// CHECK: return %[[L]]
func.func @sub_log_softmax(%x: tensor<2x16xf32>) -> tensor<2x16xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %k = "tfl.pseudo_const"() {value = dense<[2, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2xf32>
  %mr = "tfl.reshape"(%m, %k) : (tensor<2xf32>, tensor<2xi32>) -> tensor<2x1xf32>
  %d = "tfl.sub"(%x, %mr) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  %e = "tfl.exp"(%d) : (tensor<2x16xf32>) -> tensor<2x16xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2xf32>
  %l = "tfl.log"(%s) : (tensor<2xf32>) -> tensor<2xf32>
  %lr = "tfl.reshape"(%l, %k) : (tensor<2xf32>, tensor<2xi32>) -> tensor<2x1xf32>
  %y = "tfl.sub"(%d, %lr) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x1xf32>) -> tensor<2x16xf32>
  return %y : tensor<2x16xf32>
}

// -----

// The log taken of the kept-dim sum: d - torch.log(torch.exp(d).sum(-1, keepdim=True)).
// CHECK-LABEL: func.func @sub_log_softmax_keep_dims
// CHECK-SAME: (%[[X:.*]]: tensor<2x16xf32>)
// CHECK: %[[L:.*]] = "tfl.log_softmax"(%[[X]])
// CHECK-NOT: tfl.log"
// CHECK: return %[[L]]
func.func @sub_log_softmax_keep_dims(%x: tensor<2x16xf32>) -> tensor<2x16xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<1> : tensor<1xi32>} : () -> tensor<1xi32>
  %k = "tfl.pseudo_const"() {value = dense<[2, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %full = "tfl.pseudo_const"() {value = dense<[2, 16]> : tensor<2xi32>} : () -> tensor<2xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = false} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2xf32>
  %mr = "tfl.reshape"(%m, %k) : (tensor<2xf32>, tensor<2xi32>) -> tensor<2x1xf32>
  %mb = "tfl.broadcast_to"(%mr, %full) : (tensor<2x1xf32>, tensor<2xi32>) -> tensor<2x16xf32>
  %d = "tfl.sub"(%x, %mb) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  %e = "tfl.exp"(%d) : (tensor<2x16xf32>) -> tensor<2x16xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<2x16xf32>, tensor<1xi32>) -> tensor<2xf32>
  %sr = "tfl.reshape"(%s, %k) : (tensor<2xf32>, tensor<2xi32>) -> tensor<2x1xf32>
  %l = "tfl.log"(%sr) : (tensor<2x1xf32>) -> tensor<2x1xf32>
  %lb = "tfl.broadcast_to"(%l, %full) : (tensor<2x1xf32>, tensor<2xi32>) -> tensor<2x16xf32>
  %y = "tfl.sub"(%d, %lb) {fused_activation_function = "NONE"} : (tensor<2x16xf32>, tensor<2x16xf32>) -> tensor<2x16xf32>
  return %y : tensor<2x16xf32>
}

// -----

// The log-sum is re-expanded along the wrong dim ([4, 1, 4] broadcast to [4, 4, 4]):
// not a log_softmax.
// CHECK-LABEL: func.func @sub_log_softmax_wrong_expansion
// CHECK-NOT: tfl.log_softmax
// CHECK: tfl.log
func.func @sub_log_softmax_wrong_expansion(%x: tensor<4x4x4xf32>) -> tensor<4x4x4xf32> {
  %ax = "tfl.pseudo_const"() {value = dense<2> : tensor<1xi32>} : () -> tensor<1xi32>
  %m = "tfl.reduce_max"(%x, %ax) {keep_dims = true} : (tensor<4x4x4xf32>, tensor<1xi32>) -> tensor<4x4x1xf32>
  %d = "tfl.sub"(%x, %m) {fused_activation_function = "NONE"} : (tensor<4x4x4xf32>, tensor<4x4x1xf32>) -> tensor<4x4x4xf32>
  %e = "tfl.exp"(%d) : (tensor<4x4x4xf32>) -> tensor<4x4x4xf32>
  %s = "tfl.sum"(%e, %ax) {keep_dims = false} : (tensor<4x4x4xf32>, tensor<1xi32>) -> tensor<4x4xf32>
  %l = "tfl.log"(%s) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  %k = "tfl.pseudo_const"() {value = dense<[4, 1, 4]> : tensor<3xi32>} : () -> tensor<3xi32>
  %lr = "tfl.reshape"(%l, %k) : (tensor<4x4xf32>, tensor<3xi32>) -> tensor<4x1x4xf32>
  %full = "tfl.pseudo_const"() {value = dense<4> : tensor<3xi32>} : () -> tensor<3xi32>
  %lb = "tfl.broadcast_to"(%lr, %full) : (tensor<4x1x4xf32>, tensor<3xi32>) -> tensor<4x4x4xf32>
  %y = "tfl.sub"(%d, %lb) {fused_activation_function = "NONE"} : (tensor<4x4x4xf32>, tensor<4x4x4xf32>) -> tensor<4x4x4xf32>
  return %y : tensor<4x4x4xf32>
}

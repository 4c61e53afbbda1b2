// reduce_window forms without one TFL op (legalize/window.rs): prefix products as a
// log-step scan, pools over three dims as two rank-4 pools between reshapes (the dims
// around each pooled pair merged into N and C; NCDHW pooled as NDHWC), an average's
// divisor split per pool, and dilated windows as strided slices. The numbers are checked
// in reduce-window-forms-litert.mlir.
// RUN: edge-opt %s --split-input-file --debug-patterns --pass-pipeline='builtin.module(func.func(legalize-stablehlo-to-tfl))' -o %t.mlir 2>&1 | FileCheck %s --check-prefix=PATTERNS
// RUN: FileCheck %s --input-file=%t.mlir

// A prefix product: ceil(log2 5) = 3 rounds of PADV2 with ones, SLICE back to 5, MUL.
// PATTERNS: ReduceWindowToLogStepScan on 'stablehlo.reduce_window'
// CHECK-LABEL: func.func @cumprod
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 0], [1, 0]]> : tensor<2x2xi32>}
// CHECK: %[[P1:.*]] = "tfl.padv2"(%arg0, %{{.*}}, %{{.*}}) : (tensor<2x5xf32>, tensor<2x2xi32>, tensor<f32>) -> tensor<2x6xf32>
// CHECK: %[[S1:.*]] = "tfl.slice"(%[[P1]], {{.*}} -> tensor<2x5xf32>
// CHECK: %[[M1:.*]] = "tfl.mul"(%arg0, %[[S1]])
// CHECK: "tfl.padv2"(%[[M1]], {{.*}} -> tensor<2x7xf32>
// CHECK: "tfl.padv2"({{.*}} -> tensor<2x9xf32>
// CHECK: %[[M3:.*]] = "tfl.mul"
// CHECK-NOT: stablehlo
// CHECK: return %[[M3]]
func.func @cumprod(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %one = "stablehlo.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %one) <{padding = dense<[[0, 0], [4, 0]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 5>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.multiply"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<2x5xf32>, tensor<f32>) -> tensor<2x5xf32>
  "func.return"(%0) : (tensor<2x5xf32>) -> ()
}

// -----

// A suffix maximum over int32 pads with the lowest int32 after the data.
// PATTERNS: ReduceWindowToLogStepScan on 'stablehlo.reduce_window'
// CHECK-LABEL: func.func @cummax_reverse
// CHECK: "tfl.pseudo_const"() {value = dense<-2147483648> : tensor<i32>}
// CHECK: "tfl.pseudo_const"() {value = dense<{{\[\[}}0, 0], [0, 1]]> : tensor<2x2xi32>}
// CHECK: "tfl.padv2"
// CHECK: "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>}
// CHECK: "tfl.slice"
// CHECK: "tfl.maximum"
// CHECK-NOT: stablehlo
func.func @cummax_reverse(%x: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %lowest = "stablehlo.constant"() <{value = dense<-2147483648> : tensor<i32>}> : () -> tensor<i32>
  %0 = "stablehlo.reduce_window"(%x, %lowest) <{padding = dense<[[0, 0], [0, 2]]> : tensor<2x2xi64>, window_dimensions = array<i64: 1, 3>, window_strides = array<i64: 1, 1>}> ({
  ^bb0(%a: tensor<i32>, %b: tensor<i32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<i32>, tensor<i32>) -> tensor<i32>
    "stablehlo.return"(%m) : (tensor<i32>) -> ()
  }) : (tensor<2x3xi32>, tensor<i32>) -> tensor<2x3xi32>
  "func.return"(%0) : (tensor<2x3xi32>) -> ()
}

// -----

// NCDHW max pool 2x2x2, pooled as NDHWC (the transposes cancel with a Conv3d's in
// tfl-layout-nhwc): (H, W) over [N*D, H, W, C], then D over [N, D, 1, H*W*C].
// PATTERNS: ReduceWindowToSeparablePools on 'stablehlo.reduce_window'
// PATTERNS: ReduceWindowToPoolOrCumsum on 'stablehlo.reduce_window'
// PATTERNS: ReduceWindowToPoolOrCumsum on 'stablehlo.reduce_window'
// CHECK-LABEL: func.func @max_pool_3d_ncdhw
// CHECK: %[[T:.*]] = "tfl.transpose"(%arg0, {{.*}} -> tensor<1x4x6x6x2xf32>
// CHECK: "tfl.reshape"(%[[T]], {{.*}} -> tensor<4x6x6x2xf32>
// CHECK: "tfl.max_pool_2d"({{.*}}filter_height = 2 : i32, filter_width = 2 : i32{{.*}} -> tensor<4x3x3x2xf32>
// CHECK: "tfl.reshape"({{.*}} -> tensor<1x4x3x3x2xf32>
// CHECK: "tfl.reshape"({{.*}} -> tensor<1x4x1x18xf32>
// CHECK: "tfl.max_pool_2d"({{.*}}filter_height = 2 : i32, filter_width = 1 : i32{{.*}} -> tensor<1x2x1x18xf32>
// CHECK: %[[Y:.*]] = "tfl.reshape"({{.*}} -> tensor<1x2x3x3x2xf32>
// CHECK: %[[B:.*]] = "tfl.transpose"(%[[Y]], {{.*}} -> tensor<1x2x2x3x3xf32>
// CHECK: return %[[B]]
func.func @max_pool_3d_ncdhw(%x: tensor<1x2x4x6x6xf32>) -> tensor<1x2x2x3x3xf32> {
  %ninf = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%x, %ninf) <{window_dimensions = array<i64: 1, 1, 2, 2, 2>, window_strides = array<i64: 1, 1, 2, 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x2x4x6x6xf32>, tensor<f32>) -> tensor<1x2x2x3x3xf32>
  "func.return"(%0) : (tensor<1x2x2x3x3xf32>) -> ()
}

// -----

// NDHWC (JAX's layout) window sum divided by the window's volume: two average pools,
// each dividing by its own area, and no divide or multiply left.
// PATTERNS: ReduceWindowToSeparablePools on 'stablehlo.reduce_window'
// CHECK-LABEL: func.func @avg_pool_3d_ndhwc
// CHECK: "tfl.reshape"(%arg0, {{.*}} -> tensor<4x6x6x2xf32>
// CHECK: "tfl.average_pool_2d"({{.*}} -> tensor<4x3x3x2xf32>
// CHECK: "tfl.reshape"({{.*}} -> tensor<1x4x1x18xf32>
// CHECK: "tfl.average_pool_2d"({{.*}}filter_height = 2 : i32, filter_width = 1 : i32{{.*}} -> tensor<1x2x1x18xf32>
// CHECK-NOT: tfl.div
// CHECK-NOT: tfl.mul
// CHECK: return
func.func @avg_pool_3d_ndhwc(%n: tensor<1x4x6x6x2xf32>) -> tensor<1x2x3x3x2xf32> {
  %zero = "stablehlo.constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%n, %zero) <{window_dimensions = array<i64: 1, 2, 2, 2, 1>, window_strides = array<i64: 1, 2, 2, 2, 1>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.add"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x4x6x6x2xf32>, tensor<f32>) -> tensor<1x2x3x3x2xf32>
  %eight = "stablehlo.constant"() <{value = dense<8.0> : tensor<1x2x3x3x2xf32>}> : () -> tensor<1x2x3x3x2xf32>
  %1 = "stablehlo.divide"(%0, %eight) : (tensor<1x2x3x3x2xf32>, tensor<1x2x3x3x2xf32>) -> tensor<1x2x3x3x2xf32>
  "func.return"(%1) : (tensor<1x2x3x3x2xf32>) -> ()
}

// -----

// A dilated 2x2 max pool (dilation 2): four strided slices and three maximums.
// PATTERNS: ReduceWindowToSlicesCombined on 'stablehlo.reduce_window'
// CHECK-LABEL: func.func @max_pool_dilated
// CHECK-COUNT-4: "tfl.strided_slice"
// CHECK-NOT: stablehlo
// CHECK: %[[Y:.*]] = "tfl.maximum"
// CHECK: return %[[Y]]
func.func @max_pool_dilated(%d: tensor<1x2x6x6xf32>) -> tensor<1x2x2x2xf32> {
  %ninf = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
  %0 = "stablehlo.reduce_window"(%d, %ninf) <{window_dimensions = array<i64: 1, 1, 2, 2>, window_strides = array<i64: 1, 1, 2, 2>, window_dilations = array<i64: 1, 1, 2, 2>}> ({
  ^bb0(%a: tensor<f32>, %b: tensor<f32>):
    %m = "stablehlo.maximum"(%a, %b) : (tensor<f32>, tensor<f32>) -> tensor<f32>
    "stablehlo.return"(%m) : (tensor<f32>) -> ()
  }) : (tensor<1x2x6x6xf32>, tensor<f32>) -> tensor<1x2x2x2xf32>
  "func.return"(%0) : (tensor<1x2x2x2xf32>) -> ()
}

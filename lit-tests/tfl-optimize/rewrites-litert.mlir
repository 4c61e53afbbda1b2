// The rewrites of issue 14 give LiteRT's results: this model runs in LiteRT before
// tfl-optimize (its outputs saved) and after (compared with them): SAME padding
// folded into a depthwise convolution and a max pool (-inf), the global pool and
// flatten as MEAN, one q/k/v transpose with adj_y, a transpose reused through a
// reshape.
// RUN: %python -c "import numpy as np; r = np.random.default_rng(0); np.savez('%t.in.npz', x=r.standard_normal((1, 8, 8, 4)).astype(np.float32), qkv=r.standard_normal((2, 5, 3, 2, 4)).astype(np.float32), img=r.standard_normal((1, 3, 4, 4)).astype(np.float32))"
// RUN: edge-translate --mlir-to-tflite %s -o %t.before.tflite
// RUN: %litert-check %t.before.tflite --inputs %t.in.npz --save-outputs %t.ref.npz
// RUN: edge-opt %s --pass-pipeline='builtin.module(func.func(tfl-optimize))' -o %t.opt.mlir
// RUN: FileCheck %s --check-prefix=TFL --input-file=%t.opt.mlir
// RUN: edge-translate --mlir-to-tflite %t.opt.mlir -o %t.after.tflite
// RUN: %litert-check %t.after.tflite --inputs %t.in.npz --expected %t.ref.npz --rel-to-max 1e-5 | FileCheck %s

// TFL-NOT: tfl.pad
// TFL: "tfl.depthwise_conv_2d"(%arg0{{.*}}padding = "SAME"
// TFL: "tfl.max_pool_2d"(%arg0){{.*}}padding = "SAME"
// TFL: "tfl.mean"
// TFL: "tfl.batch_matmul"{{.*}}adj_y = true
// CHECK: litert-check: PASS

func.func @main(%x: tensor<1x8x8x4xf32>, %qkv: tensor<2x5x3x2x4xf32>, %img: tensor<1x3x4x4xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4xf32>, tensor<4x5x5xf32>, tensor<2x2x5x4xf32>, tensor<1x4x4x3xf32>, tensor<16x3xf32>) attributes {tf.entry_function = {inputs = "x,qkv,img", outputs = "dw,pool,mean,scores,v,nhwc,pixels"}} {
  // TF "same" padding: 8 -> 4 with k3 s2 pads 0 before, 1 after.
  %p = "tfl.pseudo_const"() {value = dense<[[0, 0], [0, 1], [0, 1], [0, 0]]> : tensor<4x2xi32>} : () -> tensor<4x2xi32>
  %z = "tfl.pseudo_const"() {value = dense<0.0> : tensor<f32>} : () -> tensor<f32>
  %inf = "tfl.pseudo_const"() {value = dense<0xFF800000> : tensor<f32>} : () -> tensor<f32>
  %xp = "tfl.padv2"(%x, %p, %z) : (tensor<1x8x8x4xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x9x9x4xf32>
  %w = "tfl.pseudo_const"() {value = dense<[[[[0.5, -1.0, 0.25, 2.0], [1.0, 0.5, -0.5, 0.75], [0.1, 0.2, 0.3, 0.4]], [[-0.3, 0.6, 0.9, -1.2], [1.5, -0.5, 0.5, 1.0], [0.7, -0.7, 0.2, -0.2]], [[0.05, 0.15, -0.25, 0.35], [1.1, -1.1, 0.6, -0.6], [0.8, 0.9, -0.4, 0.3]]]]> : tensor<1x3x3x4xf32>} : () -> tensor<1x3x3x4xf32>
  %n = "tfl.no_value"() {value} : () -> none
  %dw = "tfl.depthwise_conv_2d"(%xp, %w, %n) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x9x9x4xf32>, tensor<1x3x3x4xf32>, none) -> tensor<1x4x4x4xf32>
  %xi = "tfl.padv2"(%x, %p, %inf) : (tensor<1x8x8x4xf32>, tensor<4x2xi32>, tensor<f32>) -> tensor<1x9x9x4xf32>
  %pool = "tfl.max_pool_2d"(%xi) {filter_height = 3 : i32, filter_width = 3 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x9x9x4xf32>) -> tensor<1x4x4x4xf32>
  // Global average pool then flatten.
  %gp = "tfl.average_pool_2d"(%x) {filter_height = 8 : i32, filter_width = 8 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 8 : i32, stride_w = 8 : i32} : (tensor<1x8x8x4xf32>) -> tensor<1x1x1x4xf32>
  %s14 = "tfl.pseudo_const"() {value = dense<[1, 4]> : tensor<2xi32>} : () -> tensor<2xi32>
  %mean = "tfl.reshape"(%gp, %s14) : (tensor<1x1x1x4xf32>, tensor<2xi32>) -> tensor<1x4xf32>
  // Swin's q, k, v from one projection.
  %size = "tfl.pseudo_const"() {value = dense<[2, 5, 1, 2, 4]> : tensor<5xi32>} : () -> tensor<5xi32>
  %b0 = "tfl.pseudo_const"() {value = dense<0> : tensor<5xi32>} : () -> tensor<5xi32>
  %b1 = "tfl.pseudo_const"() {value = dense<[0, 0, 1, 0, 0]> : tensor<5xi32>} : () -> tensor<5xi32>
  %b2 = "tfl.pseudo_const"() {value = dense<[0, 0, 2, 0, 0]> : tensor<5xi32>} : () -> tensor<5xi32>
  %s4 = "tfl.pseudo_const"() {value = dense<[2, 5, 2, 4]> : tensor<4xi32>} : () -> tensor<4xi32>
  %q5 = "tfl.slice"(%qkv, %b0, %size) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>, tensor<5xi32>) -> tensor<2x5x1x2x4xf32>
  %q4 = "tfl.reshape"(%q5, %s4) : (tensor<2x5x1x2x4xf32>, tensor<4xi32>) -> tensor<2x5x2x4xf32>
  %k5 = "tfl.slice"(%qkv, %b1, %size) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>, tensor<5xi32>) -> tensor<2x5x1x2x4xf32>
  %k4 = "tfl.reshape"(%k5, %s4) : (tensor<2x5x1x2x4xf32>, tensor<4xi32>) -> tensor<2x5x2x4xf32>
  %v5 = "tfl.slice"(%qkv, %b2, %size) : (tensor<2x5x3x2x4xf32>, tensor<5xi32>, tensor<5xi32>) -> tensor<2x5x1x2x4xf32>
  %v4 = "tfl.reshape"(%v5, %s4) : (tensor<2x5x1x2x4xf32>, tensor<4xi32>) -> tensor<2x5x2x4xf32>
  %scale = "tfl.pseudo_const"() {value = dense<0.5> : tensor<1x1x1x1xf32>} : () -> tensor<1x1x1x1xf32>
  %qs = "tfl.mul"(%q4, %scale) {fused_activation_function = "NONE"} : (tensor<2x5x2x4xf32>, tensor<1x1x1x1xf32>) -> tensor<2x5x2x4xf32>
  %hp = "tfl.pseudo_const"() {value = dense<[0, 2, 1, 3]> : tensor<4xi32>} : () -> tensor<4xi32>
  %kp = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %qt = "tfl.transpose"(%qs, %hp) : (tensor<2x5x2x4xf32>, tensor<4xi32>) -> tensor<2x2x5x4xf32>
  %kt = "tfl.transpose"(%k4, %kp) : (tensor<2x5x2x4xf32>, tensor<4xi32>) -> tensor<2x2x4x5xf32>
  %vt = "tfl.transpose"(%v4, %hp) : (tensor<2x5x2x4xf32>, tensor<4xi32>) -> tensor<2x2x5x4xf32>
  %s3q = "tfl.pseudo_const"() {value = dense<[4, 5, 4]> : tensor<3xi32>} : () -> tensor<3xi32>
  %s3k = "tfl.pseudo_const"() {value = dense<[4, 4, 5]> : tensor<3xi32>} : () -> tensor<3xi32>
  %q3 = "tfl.reshape"(%qt, %s3q) : (tensor<2x2x5x4xf32>, tensor<3xi32>) -> tensor<4x5x4xf32>
  %k3 = "tfl.reshape"(%kt, %s3k) : (tensor<2x2x4x5xf32>, tensor<3xi32>) -> tensor<4x4x5xf32>
  %scores = "tfl.batch_matmul"(%q3, %k3) {adj_x = false, adj_y = false} : (tensor<4x5x4xf32>, tensor<4x4x5xf32>) -> tensor<4x5x5xf32>
  // An NCHW image's layout transpose and its pixels, channel last.
  %ip = "tfl.pseudo_const"() {value = dense<[0, 2, 3, 1]> : tensor<4xi32>} : () -> tensor<4xi32>
  %nhwc = "tfl.transpose"(%img, %ip) : (tensor<1x3x4x4xf32>, tensor<4xi32>) -> tensor<1x4x4x3xf32>
  %s316 = "tfl.pseudo_const"() {value = dense<[3, 16]> : tensor<2xi32>} : () -> tensor<2xi32>
  %flat = "tfl.reshape"(%img, %s316) : (tensor<1x3x4x4xf32>, tensor<2xi32>) -> tensor<3x16xf32>
  %sw = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %pixels = "tfl.transpose"(%flat, %sw) : (tensor<3x16xf32>, tensor<2xi32>) -> tensor<16x3xf32>
  return %dw, %pool, %mean, %scores, %vt, %nhwc, %pixels : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4xf32>, tensor<4x5x5xf32>, tensor<2x2x5x4xf32>, tensor<1x4x4x3xf32>, tensor<16x3xf32>
}

// The hybrid form (float input, int8 weight: tfl::hybrid) and what breaks it.
// RUN: edge-opt %s --split-input-file --verify-diagnostics

func.func @weight_zero_point(%x: tensor<1x2xf32>, %b: tensor<2xf32>) -> tensor<1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<2x2xi8>} : () -> tensor<2x2x!quant.uniform<i8:f32:0, {0.1:3, 0.2:3}>>
  // expected-error@+1 {{'tfl.fully_connected' op hybrid form needs a symmetric weight (zero points 0)}}
  %0 = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x2xf32>, tensor<2x2x!quant.uniform<i8:f32:0, {0.1:3, 0.2:3}>>, tensor<2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @depthwise_axis(%x: tensor<1x4x4x2xf32>, %b: tensor<2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<1x1x1x2xi8>} : () -> tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1}>>
  // expected-error@+1 {{'tfl.depthwise_conv_2d' op hybrid form needs the weight quantized along dim 3, got axis 0}}
  %0 = "tfl.depthwise_conv_2d"(%x, %w, %b) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<1x1x1x2x!quant.uniform<i8:f32:0, {0.1}>>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

func.func @scales_per_channel(%x: tensor<1x4x4x2xf32>, %b: tensor<2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<2x1x1x2xi8>} : () -> tensor<2x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>
  // expected-error@+1 {{'tfl.conv_2d' op weight has 3 scales for 2 slices along dim 0}}
  %0 = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2x!quant.uniform<i8:f32:0, {0.1, 0.2, 0.3}>>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

func.func @int16_weight(%x: tensor<1x2xf32>, %b: tensor<2xf32>) -> tensor<1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<2x2xi16>} : () -> tensor<2x2x!quant.uniform<i16:f32, 0.1>>
  // expected-error@+1 {{'tfl.fully_connected' op hybrid form needs an int8 or int4 weight quantized from f32}}
  %0 = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x2xf32>, tensor<2x2x!quant.uniform<i16:f32, 0.1>>, tensor<2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

// INT4 weights only where LiteRT's hybrid kernel reads them (fully_connected).
func.func @int4_conv_weight(%x: tensor<1x4x4x2xf32>, %b: tensor<2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<2x1x1x2xi4>} : () -> tensor<2x1x1x2x!quant.uniform<i4<-7:7>:f32:0, {0.1, 0.2}>>
  // expected-error@+1 {{'tfl.conv_2d' op hybrid form needs an int8 weight quantized from f32}}
  %0 = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<2x1x1x2x!quant.uniform<i4<-7:7>:f32:0, {0.1, 0.2}>>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

// -----

func.func @int32_bias(%x: tensor<1x2xf32>, %b: tensor<2xi32>) -> tensor<1x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<2x2xi8>} : () -> tensor<2x2x!quant.uniform<i8:f32, 0.1>>
  // expected-error@+1 {{'tfl.fully_connected' op hybrid form needs an f32 bias (or none)}}
  %0 = "tfl.fully_connected"(%x, %w, %b) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x2xf32>, tensor<2x2x!quant.uniform<i8:f32, 0.1>>, tensor<2xi32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}

// -----

func.func @batch_matmul_axis(%x: tensor<4x2xf32>) -> tensor<4x3xf32> {
  %y = "tfl.pseudo_const"() {value = dense<1> : tensor<2x3xi8>} : () -> tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>
  // expected-error@+1 {{'tfl.batch_matmul' op hybrid form needs the weight quantized along dim 1, got axis 0}}
  %0 = "tfl.batch_matmul"(%x, %y) : (tensor<4x2xf32>, tensor<2x3x!quant.uniform<i8:f32:0, {0.1, 0.2}>>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

func.func @depthwise_per_tensor(%x: tensor<1x4x4x2xf32>, %b: tensor<2xf32>) -> tensor<1x4x4x2xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1> : tensor<1x1x1x2xi8>} : () -> tensor<1x1x1x2x!quant.uniform<i8:f32, 0.1>>
  // expected-error@+1 {{'tfl.depthwise_conv_2d' op hybrid form needs one weight scale per channel along dim 3 (the kernel reads one each)}}
  %0 = "tfl.depthwise_conv_2d"(%x, %w, %b) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x4x4x2xf32>, tensor<1x1x1x2x!quant.uniform<i8:f32, 0.1>>, tensor<2xf32>) -> tensor<1x4x4x2xf32>
  return %0 : tensor<1x4x4x2xf32>
}

func.func @pads(%m: tensor<3x3xi1>, %f: tensor<i1>, %x: tensor<4x4xf32>, %z: tensor<f32>) -> (tensor<3x5xi1>, tensor<3x6xf32>) {
  %0 = "stablehlo.pad"(%m, %f) {edge_padding_low = array<i64: 0, -9223372036854775808>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 0>} : (tensor<3x3xi1>, tensor<i1>) -> tensor<3x5xi1>
  %1 = "stablehlo.pad"(%x, %z) {edge_padding_low = array<i64: -1, 2>, edge_padding_high = array<i64: 0, 0>, interior_padding = array<i64: 0, 0>} : (tensor<4x4xf32>, tensor<f32>) -> tensor<3x6xf32>
}
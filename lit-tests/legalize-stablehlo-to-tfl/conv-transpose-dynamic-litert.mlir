// Two transposed convolutions over an unknown batch, height and width (PyTorch's
// ConvTranspose2d(4, 8, 3, stride=2, padding=1, output_padding=1), then stride 1,
// padding 1, relu between; imported from torch.export): TFLite's transpose_conv with
// its output shape computed at run time, the window cut by a strided slice whose
// bounds do not depend on the size. LiteRT at [2, 4, 6, 5] and [3, 4, 9, 4] against
// PyTorch (Inputs/conv_transpose_dynamic.*.npz).
// RUN: edge-opt %s --pass-pipeline='builtin.module(inline-calls,func.func(stablehlo-widen-f16,legalize-stablehlo-to-tfl),symbol-dce,func.func(tfl-recognize-resize,tfl-fold-constants,tfl-recognize-patterns,tfl-remove-broadcasts,tfl-layout-nhwc,tfl-fold-constants,tfl-optimize,tfl-fuse-activation,tfl-quantize,tfl-quantize-bias,tfl-cleanup-requantize,tfl-fuse-activation,tfl-fold-constants))' -o %t.tfl.mlir
// RUN: FileCheck %s --check-prefix=TFL --input-file=%t.tfl.mlir
// RUN: edge-translate --mlir-to-tflite %t.tfl.mlir -o %t.tflite
// RUN: %litert-check %t.tflite --inputs %S/Inputs/conv_transpose_dynamic.a.inputs.npz --expected %S/Inputs/conv_transpose_dynamic.a.expected.npz --rel-to-max 1e-4 | FileCheck %s
// RUN: %litert-check %t.tflite --inputs %S/Inputs/conv_transpose_dynamic.b.inputs.npz --expected %S/Inputs/conv_transpose_dynamic.b.expected.npz --rel-to-max 1e-4 | FileCheck %s

// TFL-LABEL: func.func @main
// TFL: %[[S:.*]] = "tfl.shape"
// TFL: %[[M:.*]] = "tfl.mul"(%[[S]],
// TFL: %[[O:.*]] = "tfl.add"(%[[M]],
// TFL: %[[Y:.*]] = "tfl.transpose_conv"(%[[O]], {{.*}}padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : {{.*}} -> tensor<?x?x?x8xf32>
// The first crops 1 in front (padding 1) and nothing at the end (output_padding 1):
// every end is the dim's end. The second crops 1 on each side.
// TFL: "tfl.strided_slice"(%[[Y]], {{.*}}end_mask = 15 : i32{{.*}} -> tensor<?x?x?x8xf32>
// TFL: %[[Z:.*]] = "tfl.transpose_conv"({{.*}}stride_h = 1 : i32, stride_w = 1 : i32} : {{.*}} -> tensor<?x?x?x2xf32>
// TFL: "tfl.strided_slice"(%[[Z]], {{.*}}end_mask = 9 : i32{{.*}} -> tensor<?x?x?x2xf32>

// CHECK: litert-check: PASS (1 of 1 output pass)

module {
  func.func @main(%arg0: tensor<?x4x?x?xf32>) -> tensor<?x2x?x?xf32> attributes {edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s77", max = 8 : i64, min = 1 : i64}, {dim = 2 : i64, expr = "s53", max = 32 : i64, min = 2 : i64}, {dim = 3 : i64, expr = "s0", max = 32 : i64, min = 2 : i64}]}, tf.entry_function = {inputs = "x", outputs = "output_0"}} {
    %0 = "stablehlo.constant"() {value = dense_resource<a.weight> : tensor<4x8x3x3xf32>} : () -> tensor<4x8x3x3xf32>
    %1 = "stablehlo.constant"() {value = dense_resource<a.bias> : tensor<8xf32>} : () -> tensor<8xf32>
    %2 = "stablehlo.constant"() {value = dense_resource<b.weight> : tensor<8x2x3x3xf32>} : () -> tensor<8x2x3x3xf32>
    %3 = "stablehlo.constant"() {value = dense_resource<b.bias> : tensor<2xf32>} : () -> tensor<2xf32>
    %4 = "stablehlo.get_dimension_size"(%arg0) {dimension = 0 : i64} : (tensor<?x4x?x?xf32>) -> tensor<i32>
    %5 = "stablehlo.get_dimension_size"(%arg0) {dimension = 2 : i64} : (tensor<?x4x?x?xf32>) -> tensor<i32>
    %6 = "stablehlo.get_dimension_size"(%arg0) {dimension = 3 : i64} : (tensor<?x4x?x?xf32>) -> tensor<i32>
    %7 = "stablehlo.reverse"(%0) {dimensions = array<i64: 2, 3>} : (tensor<4x8x3x3xf32>) -> tensor<4x8x3x3xf32>
    %8 = "stablehlo.convolution"(%arg0, %7) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[i, o, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 2, 2>, padding = dense<[[1, 2], [1, 2]]> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<?x4x?x?xf32>, tensor<4x8x3x3xf32>) -> tensor<?x8x?x?xf32>
    %9 = "stablehlo.get_dimension_size"(%8) {dimension = 0 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
    %10 = "stablehlo.reshape"(%9) : (tensor<i32>) -> tensor<1xi32>
    %11 = "stablehlo.constant"() {value = dense<8> : tensor<i32>} : () -> tensor<i32>
    %12 = "stablehlo.reshape"(%11) : (tensor<i32>) -> tensor<1xi32>
    %13 = "stablehlo.get_dimension_size"(%8) {dimension = 2 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
    %14 = "stablehlo.reshape"(%13) : (tensor<i32>) -> tensor<1xi32>
    %15 = "stablehlo.get_dimension_size"(%8) {dimension = 3 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
    %16 = "stablehlo.reshape"(%15) : (tensor<i32>) -> tensor<1xi32>
    %17 = "stablehlo.concatenate"(%10, %12, %14, %16) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %18 = "stablehlo.dynamic_broadcast_in_dim"(%1, %17) {broadcast_dimensions = array<i64: 1>} : (tensor<8xf32>, tensor<4xi32>) -> tensor<?x8x?x?xf32>
    %19 = "stablehlo.add"(%8, %18) : (tensor<?x8x?x?xf32>, tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32>
    %20 = "stablehlo.constant"() {value = dense<0.000000e+00> : tensor<f32>} : () -> tensor<f32>
    %21 = "stablehlo.get_dimension_size"(%19) {dimension = 0 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
    %22 = "stablehlo.constant"() {value = dense<8> : tensor<i32>} : () -> tensor<i32>
    %23 = "stablehlo.get_dimension_size"(%19) {dimension = 2 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
    %24 = "stablehlo.get_dimension_size"(%19) {dimension = 3 : i64} : (tensor<?x8x?x?xf32>) -> tensor<i32>
    %25 = "stablehlo.reshape"(%21) : (tensor<i32>) -> tensor<1xi32>
    %26 = "stablehlo.reshape"(%22) : (tensor<i32>) -> tensor<1xi32>
    %27 = "stablehlo.reshape"(%23) : (tensor<i32>) -> tensor<1xi32>
    %28 = "stablehlo.reshape"(%24) : (tensor<i32>) -> tensor<1xi32>
    %29 = "stablehlo.concatenate"(%25, %26, %27, %28) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %30 = "stablehlo.dynamic_broadcast_in_dim"(%20, %29) {broadcast_dimensions = array<i64>} : (tensor<f32>, tensor<4xi32>) -> tensor<?x8x?x?xf32>
    %31 = "stablehlo.maximum"(%19, %30) : (tensor<?x8x?x?xf32>, tensor<?x8x?x?xf32>) -> tensor<?x8x?x?xf32>
    %32 = "stablehlo.reverse"(%2) {dimensions = array<i64: 2, 3>} : (tensor<8x2x3x3xf32>) -> tensor<8x2x3x3xf32>
    %33 = "stablehlo.convolution"(%31, %32) {batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, 0, 1]x[i, o, 0, 1]->[b, f, 0, 1]>, feature_group_count = 1 : i64, lhs_dilation = array<i64: 1, 1>, padding = dense<1> : tensor<2x2xi64>, rhs_dilation = array<i64: 1, 1>, window_strides = array<i64: 1, 1>} : (tensor<?x8x?x?xf32>, tensor<8x2x3x3xf32>) -> tensor<?x2x?x?xf32>
    %34 = "stablehlo.get_dimension_size"(%33) {dimension = 0 : i64} : (tensor<?x2x?x?xf32>) -> tensor<i32>
    %35 = "stablehlo.reshape"(%34) : (tensor<i32>) -> tensor<1xi32>
    %36 = "stablehlo.constant"() {value = dense<2> : tensor<i32>} : () -> tensor<i32>
    %37 = "stablehlo.reshape"(%36) : (tensor<i32>) -> tensor<1xi32>
    %38 = "stablehlo.get_dimension_size"(%33) {dimension = 2 : i64} : (tensor<?x2x?x?xf32>) -> tensor<i32>
    %39 = "stablehlo.reshape"(%38) : (tensor<i32>) -> tensor<1xi32>
    %40 = "stablehlo.get_dimension_size"(%33) {dimension = 3 : i64} : (tensor<?x2x?x?xf32>) -> tensor<i32>
    %41 = "stablehlo.reshape"(%40) : (tensor<i32>) -> tensor<1xi32>
    %42 = "stablehlo.concatenate"(%35, %37, %39, %41) {dimension = 0 : i64} : (tensor<1xi32>, tensor<1xi32>, tensor<1xi32>, tensor<1xi32>) -> tensor<4xi32>
    %43 = "stablehlo.dynamic_broadcast_in_dim"(%3, %42) {broadcast_dimensions = array<i64: 1>} : (tensor<2xf32>, tensor<4xi32>) -> tensor<?x2x?x?xf32>
    %44 = "stablehlo.add"(%33, %43) : (tensor<?x2x?x?xf32>, tensor<?x2x?x?xf32>) -> tensor<?x2x?x?xf32>
    return %44 : tensor<?x2x?x?xf32>
  }
}

{-#
  dialect_resources: {
    builtin: {
      a.weight: "0x400000002E4C67BABE79813D42A6C6BD27A0B1BDC9EB39BDC771013DE50619BB015FBF3D7D5A2BBC7477FF3C3EE211BD7AC5BDBC0295E6BD0BD99FBDD4FC46BD880D8F3BE4D53E3D2BD2903D94A0A3BDB23452BDDF542F3DF56BC83DDFAFC6BCA39CB43DBF9C9BBC47504C3C818BDA3DD6E6DFBDD9F197BD3B6AF4BCDE293CBDD388D03DAE719CBD09365EBD8D9FA8BD2B0CE2BD1EE48CBDC978CF3DD265573DD5F5693D6218CB3B4F7B77BD4A56A33C115BE1BDE065AEBD11DB78BD5A48983D94838D3D491556BD4C578BBB225D9A3D6EF1EF3D0F953F3D6F6C823CF7D3A13DE11C8EBD40E7B33C8620BBBD5C48A7BD435D79BDC06A5A3D5221423D3DF88EBD25D5113DD97F843DAEB573BC8A72933B39B2DF3CCABB953D69C0E73D3DFFB9BDD1E630BD8AB63D3D5BFAC73D5008D23D00F7D43DCA22C03CB7E1D1BD36A0313CDDFE96BD85EFE0BD1D72D63D0F85B73D31C3F0BDE6B3B43C2FA3A2BC93DF9EBCB4F75CBDDDA1393D36F58EBDD8F5303D511D743D3AC8AC3D657E343DB2E1EEBDA4919CBD4907713D3111CA3CC747BCBDB2FA8ABDF40EE33DD0A1A23D2F7A52BD55FCF2BC11EBE5BDB7D20ABBF4C1B5BD892CBABDDAC7D4BB9CF4903C0FB045BD93378F3D60E092BD8600DB3D4367A53DB688CBBD3148F0BC8A40AE3BB5DB8C3C08FAE43CAA6E3D3DB851E73B38886BBDBE6A643D0286E7BD1F0E8FBD75ADF1BC75236BBDF6DE28BDBBD2C5BDEB5CCDBC475ECE3CB93C9DBDAD2EC6BBF2C6AC3D857E46BC27A7563B049326BCE862C33C3577993D63A0E43DCB46993D4D26E53DD8A40BBC6ED1D8BD81D864BDBA57A43D034548BAEFEE6FBDD2F4B8BD5DE0E1BD86B5CBBD74D3C3BCE05C843D187D823D41C6E8BD348E963DA4DDBCBD6B1ACCBCA2BA43BD33F5B9BC718EBDBC6695D8BD0B66D0BD2D1297BC60C3C73A6A495BBDEED6353DBF3CD9BD2D4F02BC8341D43D9BE544BDB2F2D93D77D12E3D32D1D9BD10B5983DE3CF5EBC1D7D57BDED00C13D890AC3BD33314F3CD721CABC8B5BAC3D87BF063DDDF2673DEC792A3DBD29E8BC5B09CBBC4AE6C6BD6EC7823D44A2BF3DD724A53DDE3FAABDC33BAC3B6C24AABD48DD84BD2BA48CBD70F7243D3ED48FBD498128BBD774A23BED959B3DBD72B6BD2CB2A5BDE0258CBD70EFA83D33852DBD6C95CB3DF78D2E3DAE7F743CB6F965BA56D9BEBC7342723CC973DCBC0D1359BAAF5D763CD6CABCBDFF017DBD4FE5C23DCBDFC3BD0DA60ABC04C3EE3D2E602E3DF0AC5A3B092AD1BDC1206F3D5BEAABBDC60609BDB9F521BD0EF88EBCAAF6A83A2713C73D440C713C022FD83D73A4933D329798BD4880583DA69DAABD8F964CBD78FA0D3DC6631F3D0A13B53D08651BBDEED34539C483783DA06AE9BD7A7FAE3DD495C7BDE8E5D43AF023A4BC113C7EBD9A347F3C9995C73DA41B0DBD224B8FBD288732BD0239EFBD66E5593D01D567BD9411A1BD1E0C8BBD59C58A3D87A27F3D973FB93DD3172F3D5C3521BD0CE506BD039C0E3DD467C63D503F033D596564BD39EA62BD9432E4BDA394D03C4F7287BDA130D7BD63A4D33DC7BD9CBDBAA85BBCB04B0A3DB90E763BF967A2BD8718C3BD1362C03DDE359D3CC93CC83DA6D321BDF12F0E3D",
      a.bias: "0x40000000B8C5DCBC7BBCABBB95FF92BD7941233D7A9E183D19531FBBF520D9BCEDC794BD",
      b.weight: "0x400000001FE9263E6DAC33BEC4C0C53DD250A2BD67E5E8BD976F2D3D59C0FABDF6705E3DDE973D3DE43433BE67BE203D929ACD3D2813BF3D460EF3BCFCDC45BE72D314BDD9A6A73D0122B0BD103BB73D74BC203E560DFCBDE255183B7F9AC73D7156973CE949A13C6819F13C71BE3DBE71BE973C4822273EF57D593EEADB0D3E165F013DAF6FE13D25D5EABDF10248BEBF8C4FBE3EC8703E5236193EE8D526BE25DCBC3D3F44363E2344713E0E0B533E70FE3A3ED2555DBDEB67A9BDEA2A463EB340073EAE3E11BE6AFC583EBE3AE93DCC92033E374717BEE47D8A3D0F39A9BD68963C3EA0B82DBDA1EDBB3D8C7B2B3D9A61CD3D7C0AA4BD0E5CEB3D149528BE740C5A3D374D23BE1E1C6EBE28D341BEBA8B3E3E7A95023E6972623EA05B413E6E8B57BE02B624BE6BFF1BBD14BF1CBE5399273E297836BED884EBBDCA2C69BED30709BE2F83463E7E9D453E22C62C3E265C3A3EFF9C563E693677BDA465D43DC008573E37B19F3DF047713E395EFA3D5D0A163E96F2A8BD1A9FE73DB5DEDD3C1E9066BD780E08BE3C6E07BEA1B839BE1D08223EF8962B3E01C2DBBCD0AB0BBE3B8C3A3EB3581A3E91878F3C88E8E3BD11D25D3E3367C53D063A37BE2C00673E2348373E46F2AFBD5EAE073E3A2309BE374C17BD35F04C3E61901F3C8DB12ABE2057A1BD120883BDAF423ABD26C9B83C4F375F3E5CC24E3C570615BE54EE453C0B75E73D9A72EF3D5F965CBEEFC12CBD5D5D33BE0AF8CDBD91EBAD3D7B652BBE7870B33D3FDC4C3E1A497D3CE6DC20BE60F3ACBD12D1523D0EFE37BEC4D1EF3D631F5BBE",
      b.bias: "0x40000000540468BEE7846ABE"
    }
  }
#-}

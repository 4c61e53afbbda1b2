"builtin.module"() <{sym_name = "jit_f"}> ({
  "func.func"() <{function_type = (tensor<1x5x8x8x2xf32>) -> tensor<1x2x2x2x4xf32>, res_attrs = [{jax.result_info = "result"}], sym_name = "main", sym_visibility = "public"}> ({
  ^bb0(%arg7: tensor<1x5x8x8x2xf32>):
    %10 = "stablehlo.constant"() <{value = dense<1.000000e+00> : tensor<f32>}> : () -> tensor<f32>
    %11 = "stablehlo.constant"() <{value = dense<1.000000e-01> : tensor<f32>}> : () -> tensor<f32>
    %12 = "stablehlo.constant"() <{value = dense<8.000000e+00> : tensor<f32>}> : () -> tensor<f32>
    %13 = "stablehlo.constant"() <{value = dense<0.000000e+00> : tensor<f32>}> : () -> tensor<f32>
    %14 = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
    %15 = "stablehlo.constant"() <{value = dense<"0xF1D6C13D0E7D08BE90435BBEA6CBCBBECDE344BD36DA2D3EE379933B50A68E3D43960E3E12DAF5BDE2CBB83E6364F4BD7437503DEBE0BE3E22BC7EBC2AD47E3CD8A88EBDA1763A3DE42C94BE9543B4BDDC116C3E9295EB3C37FF05BD54DE4F3D8A19673D2E90A93C4140A13D434367BE08C8A43DD1B5BBBD5100DB3D1F7C3DBB75180BBE63D220BCDA550CBE771F0D3E670C7FBB29C1ED3DB5611BBEEEA9613E60CF27BD833F3E3EA005EE3D536A19BEEC1F343DF72D97BD7F2D643D359D473E4CEEBF3DC7D0143EBA4123BE275BE33C1225483D8DBC173EB9A1ACBDEE849E3D9A626F3D706954BE58E210BE77DB773D0AF423BE22F82ABE4C80F93D582C1F3D2D1303BDD7346B3C0D7B61BD11A495BD665D80BD6130573D3C1F383EE23283BDAF1319BC9155F3BC53952FBE4E6E0C3DBB90F13D0522EBBDA12EE83D84529FBDAA6E203EEA6D293EE18555BD0D6A8BBE90F741BDF1DC41BE673437BEAEEC0CBDB6933D3EDF5B4DBC26C9F4BCB1EE80BEE5ECA8BD316742BE9803913D813893BD86CCC3BBD80215BB5A54D1BC38BD043EF8AA873D9D2832BDBC68AB3C9C0E9A3D62183F3E22BB903C51B9493E6198A5BD2D5602BD7A3D4FBE720FE53D89E40FBE5FDF0FBE84B0EA3D5D7394BD25E4D1BD44CE043EC474CDBC7E3F003E087460BD1C85CA3D194B163EEF79373C34B07A3E87CE5CBDEB08ECBCC7F6303C371E0C3EA04D20BD9A5A73BD936E0D3D262A2E3E063168BD0C0A32BE30DF91BC5BD7AD3D554697BD6C828A3C733882BEC6C23D3B0010653C227DAD3D51632C3DAE17D73DA4900ABE5305B83DC01966BE7E57A6BD90191A3E0239ED3D8B1B81BE93FDA33D862070BD00CED8BD22ECE33C99B48F3C0C4C423EFFEF48BE55C66EBD71E89EBCAE3E80BE1D78233E58B5743E2738AEBD06AD543D9EFF15BD65B8163D5744BCBD80C0E73D206D22BE8FFC3D3E4BA2463D30F1A83EA51B66BE5FF754BCC92333BE6BFC9BBCCE87723D172200BEEAF947BE309971BE6034F63CC0E7313EE14C233E4083963BC20106BEF97F4ABD681F52BE71A95BBEBD89143EEB091BBDA4442F3D617318BD42A0383E4151483E2F50D8BD110F4CBD8A2EBCBDDAA0373E5FB62D3E13CE21BD7135A03E6F826B3B5B7029BEB3AB8DBE4B40A0BC271A333D247CA3BD3C634A3D9788263EA26105BC99E9EA3DDAF4673E52B68A3D9FCDA1BD7AAF703D"> : tensor<3x3x3x2x4xf32>}> : () -> tensor<3x3x3x2x4xf32>
    %16 = "stablehlo.convolution"(%arg7, %15) <{batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, 0, 1, 2, f]x[0, 1, 2, i, o]->[b, 0, 1, 2, f]>, feature_group_count = 1 : i64, padding = dense<1> : tensor<3x2xi64>}> : (tensor<1x5x8x8x2xf32>, tensor<3x3x3x2x4xf32>) -> tensor<1x5x8x8x4xf32>
    %17 = "func.call"(%16) <{callee = @relu}> : (tensor<1x5x8x8x4xf32>) -> tensor<1x5x8x8x4xf32>
    %18 = "stablehlo.broadcast_in_dim"(%14) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<f32>
    %19 = "stablehlo.reduce_window"(%17, %18) <{padding = dense<[[0, 0], [0, 1], [0, 1], [0, 1], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 2, 3, 3, 1>, window_strides = array<i64: 1, 2, 2, 2, 1>}> ({
    ^bb0(%arg10: tensor<f32>, %arg11: tensor<f32>):
      %33 = "stablehlo.maximum"(%arg10, %arg11) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%33) : (tensor<f32>) -> ()
    }) : (tensor<1x5x8x8x4xf32>, tensor<f32>) -> tensor<1x3x4x4x4xf32>
    %20 = "stablehlo.broadcast_in_dim"(%13) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<f32>
    %21 = "stablehlo.reduce_window"(%19, %20) <{window_dimensions = array<i64: 1, 2, 2, 2, 1>, window_strides = array<i64: 1, 1, 2, 2, 1>}> ({
    ^bb0(%arg8: tensor<f32>, %arg9: tensor<f32>):
      %32 = "stablehlo.add"(%arg8, %arg9) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%32) : (tensor<f32>) -> ()
    }) : (tensor<1x3x4x4x4xf32>, tensor<f32>) -> tensor<1x2x2x2x4xf32>
    %22 = "stablehlo.broadcast_in_dim"(%12) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<1x2x2x2x4xf32>
    %23 = "stablehlo.divide"(%21, %22) : (tensor<1x2x2x2x4xf32>, tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    %24 = "stablehlo.tanh"(%23) : (tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    %25 = "stablehlo.broadcast_in_dim"(%11) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<1x2x2x2x4xf32>
    %26 = "stablehlo.multiply"(%25, %24) : (tensor<1x2x2x2x4xf32>, tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    %27 = "stablehlo.broadcast_in_dim"(%10) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<1x2x2x2x4xf32>
    %28 = "stablehlo.add"(%27, %26) : (tensor<1x2x2x2x4xf32>, tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    %29 = "func.call"(%28) <{callee = @cumprod}> : (tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    %30 = "func.call"(%23) <{callee = @cummax}> : (tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    %31 = "stablehlo.add"(%29, %30) : (tensor<1x2x2x2x4xf32>, tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>
    "func.return"(%31) : (tensor<1x2x2x2x4xf32>) -> ()
  }) : () -> ()
  "func.func"() <{function_type = (tensor<1x5x8x8x4xf32>) -> tensor<1x5x8x8x4xf32>, sym_name = "relu", sym_visibility = "private"}> ({
  ^bb0(%arg6: tensor<1x5x8x8x4xf32>):
    %7 = "stablehlo.constant"() <{value = dense<0.000000e+00> : tensor<f32>}> : () -> tensor<f32>
    %8 = "stablehlo.broadcast_in_dim"(%7) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<1x5x8x8x4xf32>
    %9 = "stablehlo.maximum"(%arg6, %8) : (tensor<1x5x8x8x4xf32>, tensor<1x5x8x8x4xf32>) -> tensor<1x5x8x8x4xf32>
    "func.return"(%9) : (tensor<1x5x8x8x4xf32>) -> ()
  }) : () -> ()
  "func.func"() <{function_type = (tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>, sym_name = "cumprod", sym_visibility = "private"}> ({
  ^bb0(%arg3: tensor<1x2x2x2x4xf32>):
    %4 = "stablehlo.constant"() <{value = dense<1.000000e+00> : tensor<f32>}> : () -> tensor<f32>
    %5 = "stablehlo.reduce_window"(%arg3, %4) <{padding = dense<[[0, 0], [0, 0], [0, 0], [1, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 1, 2, 1>}> ({
    ^bb0(%arg4: tensor<f32>, %arg5: tensor<f32>):
      %6 = "stablehlo.multiply"(%arg4, %arg5) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%6) : (tensor<f32>) -> ()
    }) : (tensor<1x2x2x2x4xf32>, tensor<f32>) -> tensor<1x2x2x2x4xf32>
    "func.return"(%5) : (tensor<1x2x2x2x4xf32>) -> ()
  }) : () -> ()
  "func.func"() <{function_type = (tensor<1x2x2x2x4xf32>) -> tensor<1x2x2x2x4xf32>, sym_name = "cummax", sym_visibility = "private"}> ({
  ^bb0(%arg0: tensor<1x2x2x2x4xf32>):
    %0 = "stablehlo.constant"() <{value = dense<0xFF800000> : tensor<f32>}> : () -> tensor<f32>
    %1 = "stablehlo.broadcast_in_dim"(%0) <{broadcast_dimensions = array<i64>}> : (tensor<f32>) -> tensor<f32>
    %2 = "stablehlo.reduce_window"(%arg0, %1) <{padding = dense<[[0, 0], [0, 0], [0, 1], [0, 0], [0, 0]]> : tensor<5x2xi64>, window_dimensions = array<i64: 1, 1, 2, 1, 1>}> ({
    ^bb0(%arg1: tensor<f32>, %arg2: tensor<f32>):
      %3 = "stablehlo.maximum"(%arg1, %arg2) : (tensor<f32>, tensor<f32>) -> tensor<f32>
      "stablehlo.return"(%3) : (tensor<f32>) -> ()
    }) : (tensor<1x2x2x2x4xf32>, tensor<f32>) -> tensor<1x2x2x2x4xf32>
    "func.return"(%2) : (tensor<1x2x2x2x4xf32>) -> ()
  }) : () -> ()
}) {jax.uses_shape_polymorphism = false, mhlo.num_partitions = 1 : i32, mhlo.num_replicas = 1 : i32} : () -> ()

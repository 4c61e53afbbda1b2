//! Kernel versions of TFL ops, following TFLite's `GetBuiltinOperatorVersion`
//! (`tensorflow/compiler/mlir/lite/tools/versioning/op_version.cc`), and the minimum
//! runtime of each version from `FindMinimumRuntimeVersionForOp` (`runtime_version.cc`,
//! same commit). The TFLite code looks at the flatbuffer tensors: a quantized tensor has
//! its storage type, an absent optional input has no type, dynamic dims are 1.
//!
//! Cases that depend on things TFL IR does not carry are left out and noted at the op:
//! `quantized_bias_type`, sparse weights, string tensors, and `pot_scale_int16` (the TFL
//! dialect has no such attribute, so the schema default `true` is what gets written).

use crate::ir::{ElemTy, OpView, TensorTy, DYN};

/// A tensor's TFLite type as `op_version.cc` sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    F16,
    BF16,
    F32,
    F64,
    Bool,
    I4,
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    NoType,
    Other,
}

fn ty_of(e: &ElemTy) -> Ty {
    match e {
        ElemTy::F16 => Ty::F16,
        ElemTy::BF16 => Ty::BF16,
        ElemTy::F32 => Ty::F32,
        ElemTy::F64 => Ty::F64,
        ElemTy::I(1) => Ty::Bool,
        ElemTy::I(w) | ElemTy::U(w) => {
            let unsigned = matches!(e, ElemTy::U(_));
            int_ty(*w, !unsigned)
        }
        ElemTy::Quant(q) => int_ty(q.storage_bits, q.signed),
        ElemTy::None => Ty::NoType,
        ElemTy::Other(_) => Ty::Other,
    }
}

fn int_ty(bits: u32, signed: bool) -> Ty {
    match (bits, signed) {
        (4, true) => Ty::I4,
        (8, true) => Ty::I8,
        (8, false) => Ty::U8,
        (16, true) => Ty::I16,
        (16, false) => Ty::U16,
        (32, true) => Ty::I32,
        (32, false) => Ty::U32,
        (64, _) => Ty::I64,
        _ => Ty::Other,
    }
}

/// `op_sig.inputs.at(i).type`.
fn input(op: &OpView, i: usize) -> Ty {
    op.operands.get(i).map_or(Ty::NoType, |t| ty_of(&t.elem))
}

/// `op_sig.outputs.at(i).type`.
fn output(op: &OpView, i: usize) -> Ty {
    op.results.get(i).map_or(Ty::NoType, |t| ty_of(&t.elem))
}

fn is_quantized(t: Option<&TensorTy>) -> bool {
    t.is_some_and(|t| t.elem.is_quant())
}

/// More than one scale: TFLite's `is_per_channel_quantized`.
fn per_channel(t: Option<&TensorTy>) -> bool {
    matches!(t.map(|t| &t.elem), Some(ElemTy::Quant(q)) if q.scales.len() > 1)
}

/// One scale per slice of dim `dim` of operand `i`: how `op_signature.cc` decides that a
/// conv_2d, depthwise_conv_2d or fully_connected weight is per-channel (a single output
/// channel with its one scale counts).
fn per_channel_along(op: &OpView, i: usize, dim: usize) -> bool {
    match op.operands.get(i) {
        Some(t) => match (&t.elem, t.dims().get(dim)) {
            (ElemTy::Quant(q), Some(&n)) => n > 0 && q.scales.len() as i64 == n,
            _ => false,
        },
        None => false,
    }
}

fn first_scale(t: Option<&TensorTy>) -> f64 {
    match t.map(|t| &t.elem) {
        Some(ElemTy::Quant(q)) => q.scales.first().copied().unwrap_or(0.0),
        _ => 0.0,
    }
}

/// `op_sig.inputs.at(i).dims` (dynamic dims are written as 1).
fn dims(op: &OpView, i: usize) -> Vec<i64> {
    op.operands.get(i).map(|t| t.dims().iter().map(|&d| if d == DYN { 1 } else { d }).collect()).unwrap_or_default()
}

fn rank(op: &OpView, i: usize) -> usize {
    op.operands.get(i).map_or(0, |t| t.dims().len())
}

fn need_broadcast(op: &OpView) -> bool {
    op.operands.len() >= 2 && dims(op, 0) != dims(op, 1)
}

fn max_input_rank(op: &OpView) -> usize {
    (0..op.operands.len()).map(|i| rank(op, i)).max().unwrap_or(0)
}

fn flag(op: &OpView, name: &str) -> bool {
    op.int_attr(name).unwrap_or(0) != 0
}

fn hybrid(op: &OpView) -> bool {
    input(op, 0) == Ty::F32 && input(op, 1) == Ty::I8 && output(op, 0) == Ty::F32
}

/// Ops with a single version.
pub fn v1(_: &OpView) -> i32 {
    1
}

/// RANGE: version 2 takes int64.
pub fn range(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I64 {
        2
    } else {
        1
    }
}

/// int8 -> 2 (SUM, LOG_SOFTMAX, GREATER, LESS_EQUAL, SQUARED_DIFFERENCE).
pub fn int8_is_2(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

/// int16 -> 3, int8 -> 2 (SOFTMAX, MEAN, REDUCE_MAX, REDUCE_MIN, RELU6, RSQRT, LESS,
/// GREATER_EQUAL).
pub fn int16_is_3_int8_is_2(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I16 => 3,
        Ty::I8 => 2,
        _ => 1,
    }
}

/// int16 -> int16 is 3, int8 is 2 (TANH, LOGISTIC, MAX_POOL_2D, AVERAGE_POOL_2D).
pub fn int16x16_is_3_int8_is_2(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I16 && output(op, 0) == Ty::I16 {
        3
    } else if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

/// int8 or int16 -> 2 (EXP, LOG, SQRT).
pub fn int8_or_int16_is_2(op: &OpView) -> i32 {
    if matches!(input(op, 0), Ty::I8 | Ty::I16) {
        2
    } else {
        1
    }
}

pub fn abs(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I32 => 5,
        Ty::I16 => {
            if is_quantized(op.operands.first()) {
                3
            } else {
                4
            }
        }
        Ty::I8 | Ty::U8 => 2,
        _ => 1,
    }
}

/// ADD; the int16 `pot_scale_int16 = false` case (3) is never written (see module doc).
pub fn add(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::F16 => 6,
        Ty::I16 if !is_quantized(op.operands.first()) => 5,
        Ty::I64 => 4,
        Ty::I8 => 2,
        _ => 1,
    }
}

pub fn arg_max(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::Bool => 3,
        Ty::I8 => 2,
        _ => 1,
    }
}

pub fn batch_matmul(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I16 => 3,
        Ty::I8 => 2,
        _ if hybrid(op) && flag(op, "asymmetric_quantize_inputs") => 4,
        _ => 1,
    }
}

/// Version 1 of BROADCAST_TO was rolled back; the kernel starts at 2.
pub fn broadcast_to(op: &OpView) -> i32 {
    if matches!(input(op, 0), Ty::I8 | Ty::I16) {
        3
    } else {
        2
    }
}

pub fn cast(op: &OpView) -> i32 {
    let (i, o) = (input(op, 0), output(op, 0));
    let either = |t: Ty| i == t || o == t;
    if either(Ty::BF16) {
        7
    } else if i == Ty::I4 && o == Ty::F32 {
        6
    } else if either(Ty::F64) || either(Ty::F16) {
        5
    } else if either(Ty::U16) {
        4
    } else if either(Ty::I8) {
        3
    } else if either(Ty::U32) {
        2
    } else {
        1
    }
}

pub fn concatenation(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I4 => 5,
        Ty::U32 => 4,
        Ty::I16 => 3,
        Ty::I8 => 2,
        _ => 1,
    }
}

/// CONV_2D; `quantized_bias_type` (8) is not in TFL IR. TFLite tests `outputs.at(1)`
/// for the int16 case, which only one output can reach as output 0.
pub fn conv_2d(op: &OpView) -> i32 {
    let grouped = match (
        op.operands.first().and_then(|t| t.shape.as_deref()),
        op.operands.get(1).and_then(|t| t.shape.as_deref()),
    ) {
        (Some([_, _, _, c]), Some([_, _, _, fc])) => *c > 0 && *fc > 0 && c != fc,
        _ => false,
    };
    let (i, f, o) = (input(op, 0), input(op, 1), output(op, 0));
    if grouped {
        6
    } else if i == Ty::I16 && f == Ty::I16 && o == Ty::I16 {
        4
    } else if i == Ty::I8 && f == Ty::I8 && o == Ty::I8 {
        3
    } else if i == Ty::I8 && f == Ty::I4 && o == Ty::I8 {
        7
    } else if hybrid(op) {
        if per_channel_along(op, 1, 0) {
            5
        } else {
            2
        }
    } else {
        1
    }
}

pub fn depthwise_conv_2d(op: &OpView) -> i32 {
    let (i, f, o) = (input(op, 0), input(op, 1), output(op, 0));
    if i == Ty::I16 && f == Ty::I16 && o == Ty::I16 {
        5
    } else if hybrid(op) {
        if per_channel_along(op, 1, 3) {
            6
        } else {
            4
        }
    } else if i == Ty::I8 && f == Ty::I8 && o == Ty::I8 {
        3
    } else if i == Ty::I8 && f == Ty::I4 && o == Ty::I8 {
        7
    } else if op.int_attr("dilation_w_factor").unwrap_or(1) != 1 || op.int_attr("dilation_h_factor").unwrap_or(1) != 1 {
        2
    } else {
        1
    }
}

pub fn dequantize(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I4 => 6,
        Ty::I16 | Ty::F16 => 3,
        Ty::I8 if per_channel(op.operands.first()) => 5,
        Ty::I8 => 2,
        _ => 1,
    }
}

pub fn div(op: &OpView) -> i32 {
    if need_broadcast(op) && max_input_rank(op) > 4 {
        2
    } else {
        1
    }
}

pub fn embedding_lookup(op: &OpView) -> i32 {
    if input(op, 1) == Ty::I4 || per_channel(op.operands.get(1)) {
        4
    } else {
        1
    }
}

pub fn equal(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I16 => 5,
        Ty::I8 => 2,
        _ => 1,
    }
}

/// FULLY_CONNECTED; `quantized_bias_type` (11) and sparse weights (8) are not in TFL IR.
/// "Two inputs" (6) means no bias operand at all: a `none` bias is written as input -1.
pub fn fully_connected(op: &OpView) -> i32 {
    let (i, f, o) = (input(op, 0), input(op, 1), output(op, 0));
    if i == Ty::I16 && f == Ty::I4 && o == Ty::I16 {
        13
    } else if hybrid(op) && per_channel_along(op, 1, 0) {
        12
    } else if i == Ty::I16 && f == Ty::I16 && o == Ty::I16 {
        7
    } else if op.operands.len() == 2 {
        6
    } else if flag(op, "keep_num_dims") {
        5
    } else if i == Ty::I8 && f == Ty::I8 && o == Ty::I8 {
        4
    } else if i == Ty::I8 && f == Ty::I4 && o == Ty::I8 {
        10
    } else if hybrid(op) {
        if flag(op, "asymmetric_quantize_inputs") {
            9
        } else {
            3
        }
    } else if op.str_attr("weights_format") == Some("SHUFFLED4x16INT8") {
        2
    } else {
        1
    }
}

pub fn gather(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I4 {
        7
    } else if input(op, 1) == Ty::I16 {
        6
    } else if op.int_attr("batch_dims").unwrap_or(0) != 0 {
        5
    } else {
        match input(op, 0) {
            Ty::I16 => 4,
            Ty::Bool => 3,
            Ty::I8 => 2,
            _ => 1,
        }
    }
}

pub fn gelu(op: &OpView) -> i32 {
    if matches!(input(op, 0), Ty::I8 | Ty::U8) {
        2
    } else {
        1
    }
}

pub fn leaky_relu(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I16 {
        2
    } else {
        1
    }
}

/// MAXIMUM and MINIMUM.
pub fn maximum_minimum(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I16 && output(op, 0) == Ty::I16 {
        4
    } else if need_broadcast(op) && max_input_rank(op) > 4 {
        3
    } else if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

pub fn mul(op: &OpView) -> i32 {
    let i = input(op, 0);
    let (s1, s2, so) =
        (first_scale(op.operands.first()), first_scale(op.operands.get(1)), first_scale(op.results.first()));
    if i == Ty::F16 {
        8
    } else if (i == Ty::I16 && !is_quantized(op.operands.first())) || i == Ty::U32 {
        7
    } else if i == Ty::I64 {
        5
    } else if i == Ty::I16 {
        4
    } else if s1 != 0.0 && s2 != 0.0 && so != 0.0 && s1 * s2 / so >= 1.0 {
        3
    } else if i == Ty::I8 {
        2
    } else {
        1
    }
}

pub fn not_equal(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I16 => 4,
        Ty::I8 => 2,
        _ => 1,
    }
}

pub fn pack(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I8 => 2,
        Ty::I16 if output(op, 0) == Ty::I16 => 3,
        Ty::U32 => 4,
        _ => 1,
    }
}

/// PAD and PADV2.
pub fn pad(op: &OpView) -> i32 {
    if input(op, 0) == Ty::Bool {
        5
    } else if rank(op, 0) > 4 {
        4
    } else {
        match input(op, 0) {
            Ty::I16 => 3,
            Ty::I8 => 2,
            _ => 1,
        }
    }
}

pub fn quantize(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I4 || output(op, 0) == Ty::I4 {
        4
    } else if per_channel(op.results.first()) {
        3
    } else if output(op, 0) == Ty::I16 {
        2
    } else {
        1
    }
}

pub fn relu(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I16 => 3,
        Ty::I8 | Ty::U8 => 2,
        _ => 1,
    }
}

pub fn resize_bilinear(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I16 {
        4
    } else if flag(op, "half_pixel_centers") {
        3
    } else if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

pub fn resize_nearest_neighbor(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I16 {
        4
    } else if flag(op, "half_pixel_centers") || flag(op, "align_corners") {
        3
    } else if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

/// SELECT_V2 tests input 0 (the condition, always bool), as TFLite does.
pub fn select_v2(op: &OpView) -> i32 {
    if input(op, 0) == Ty::U32 {
        2
    } else {
        1
    }
}

pub fn slice(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I4 => 7,
        Ty::U32 => 6,
        _ if rank(op, 0) > 4 => 5,
        Ty::I16 => 4,
        Ty::I8 => 2,
        _ => 1,
    }
}

/// SPLIT looks at input 1 (input 0 is the axis).
pub fn split(op: &OpView) -> i32 {
    match input(op, 1) {
        Ty::I16 => 4,
        Ty::I32 => 3,
        Ty::I8 => 2,
        _ => 1,
    }
}

pub fn strided_slice(op: &OpView) -> i32 {
    if flag(op, "offset") {
        8
    } else if input(op, 0) == Ty::U32 {
        7
    } else if op.int_attr("ellipsis_mask").unwrap_or(0) != 0 || op.int_attr("new_axis_mask").unwrap_or(0) != 0 {
        6
    } else if rank(op, 0) > 4 {
        4
    } else {
        match input(op, 0) {
            Ty::Bool => 3,
            Ty::I8 => 2,
            _ => 1,
        }
    }
}

/// SUB; the int16 `pot_scale_int16 = false` case (5) is never written (see module doc).
pub fn sub(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I64 {
        4
    } else if need_broadcast(op) && max_input_rank(op) > 4 {
        3
    } else if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

/// GATHER_ND; only the float, int8, int32 and int64 forms are catalogued.
pub fn gather_nd(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

/// FLOOR_DIV; the int8 and int16 forms (version 3) are not catalogued.
pub fn floor_div(op: &OpView) -> i32 {
    if input(op, 0) == Ty::F32 {
        2
    } else {
        1
    }
}

/// FLOOR_MOD; the int16 form (version 2) is not catalogued.
pub fn floor_mod(_: &OpView) -> i32 {
    1
}

pub fn reverse_v2(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I8 => 3,
        Ty::Bool => 2,
        _ => 1,
    }
}

pub fn sign(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I32 {
        2
    } else {
        1
    }
}

/// TOPK_V2; the int16 forms (version 3) are not catalogued.
pub fn topk_v2(op: &OpView) -> i32 {
    if input(op, 0) == Ty::I8 {
        2
    } else {
        1
    }
}

pub fn transpose(op: &OpView) -> i32 {
    let (t, r) = (input(op, 0), rank(op, 0));
    if r > 6 || t == Ty::BF16 {
        8
    } else if t == Ty::I4 {
        7
    } else if r > 5 {
        6
    } else if t == Ty::I16 {
        5
    } else if r > 4 {
        4
    } else if t == Ty::Bool {
        3
    } else if t == Ty::I8 {
        2
    } else {
        1
    }
}

/// TRANSPOSE_CONV; `quantized_bias_type` (5) is not in TFL IR.
pub fn transpose_conv(op: &OpView) -> i32 {
    let activation = op.str_attr("fused_activation_function").is_some_and(|a| a != "NONE");
    if activation {
        4
    } else if op.operands.len() == 4 && input(op, 3) != Ty::NoType {
        3
    } else if input(op, 1) == Ty::I8 {
        2
    } else {
        1
    }
}

pub fn unpack(op: &OpView) -> i32 {
    match input(op, 0) {
        Ty::I8 | Ty::U8 => 2,
        Ty::Bool => 3,
        Ty::I16 if output(op, 0) == Ty::I16 => 4,
        Ty::F16 | Ty::BF16 => 5,
        _ => 1,
    }
}

// ---------------------------------------------------------------------------------
// Minimum runtime per version (index = version - 1), from `runtime_version.cc`.

pub const ABS: &[&str] = &["1.13.0", "2.4.0", "2.5.0", "2.6.0", "2.12.0"];
pub const ADD: &[&str] = &["1.5.0", "1.14.0", "2.4.0", "2.6.0", "2.13.0", "2.23.0"];
pub const ARG_MAX: &[&str] = &["1.9.0", "1.14.0", "2.9.0"];
pub const ATAN2: &[&str] = &["2.5.0"];
pub const AVERAGE_POOL_2D: &[&str] = &["1.5.0", "1.14.0", "2.3.0"];
pub const BATCH_MATMUL: &[&str] = &["2.3.0", "2.3.0", "2.4.0", "2.5.0"];
/// Version 1 has no entry (it was rolled back).
pub const BITCAST: &[&str] = &["2.13.0"];
pub const BITWISE_XOR: &[&str] = &["2.13.0"];
pub const BROADCAST_TO: &[&str] = &["", "2.5.0", "2.5.0"];
pub const CAST: &[&str] = &["1.5.0", "2.7.0", "2.8.0", "2.9.0", "2.12.0", "2.15.0", "2.17.0", "2.21.0"];
pub const CEIL: &[&str] = &["1.14.0"];
pub const CONCATENATION: &[&str] = &["1.5.0", "1.14.0", "2.3.0", "2.14.0", "2.21.0"];
pub const CONV_2D: &[&str] = &["1.5.0", "1.14.0", "1.14.0", "2.3.0", "2.4.0", "2.9.0", "2.11.0", "2.15.0"];
pub const COS: &[&str] = &["1.14.0"];
pub const CUMSUM: &[&str] = &["2.4.0"];
pub const DEPTHWISE_CONV_2D: &[&str] = &["1.5.0", "1.12.0", "1.14.0", "2.2.0", "2.3.0", "2.3.0", "2.11.0"];
pub const DEQUANTIZE: &[&str] = &["1.13.1", "1.14.0", "1.15.0", "2.2.0", "2.7.0", "2.18.0", "2.21.0", "2.22.0"];
pub const DIV: &[&str] = &["1.6.0", "2.3.0"];
pub const DYNAMIC_UPDATE_SLICE: &[&str] = &["2.9.0"];
pub const EMBEDDING_LOOKUP: &[&str] = &["1.13.0", "1.14.0", "1.14.0", "2.18.0", "2.21.0"];
pub const EQUAL: &[&str] = &["1.14.0", "1.14.0", "2.3.0", "2.13.0", "2.21.0"];
pub const EXP: &[&str] = &["1.7.0", "2.12.0"];
pub const EXPAND_DIMS: &[&str] = &["1.10.0"];
pub const FLOOR: &[&str] = &["1.9.0"];
pub const FLOOR_DIV: &[&str] = &["1.14.0", "1.14.0", "2.13.0"];
pub const FLOOR_MOD: &[&str] = &["1.13.0"];
pub const FULLY_CONNECTED: &[&str] = &[
    "1.5.0", "1.10.0", "1.14.0", "1.14.0", "2.0.0", "2.1.0", "2.3.0", "2.3.0", "2.3.0", "2.11.0", "2.15.0", "2.17.0",
    "2.18.0", "2.21.0",
];
pub const GATHER: &[&str] = &["1.6.0", "1.14.0", "1.15.0", "2.4.0", "2.5.0", "2.13.0", "2.15.0"];
pub const GATHER_ND: &[&str] = &["1.14.0", "2.3.0"];
pub const GELU: &[&str] = &["2.9.0", "2.9.0"];
pub const GREATER: &[&str] = &["1.14.0", "1.14.0"];
pub const GREATER_EQUAL: &[&str] = &["1.14.0", "1.14.0", "2.13.0"];
pub const HARD_SWISH: &[&str] = &["1.15.0"];
pub const LEAKY_RELU: &[&str] = &["1.13.1", "2.3.0"];
pub const LESS: &[&str] = &["1.14.0", "1.14.0", "2.13.0"];
pub const LESS_EQUAL: &[&str] = &["1.14.0", "1.14.0"];
pub const LOG: &[&str] = &["1.14.0", "2.15.0"];
pub const LOGICAL_AND: &[&str] = &["1.11.0"];
pub const LOGICAL_NOT: &[&str] = &["1.11.0"];
pub const LOGICAL_OR: &[&str] = &["1.11.0"];
pub const LOGISTIC: &[&str] = &["1.14.0", "1.14.0", "2.3.0"];
pub const LOG_SOFTMAX: &[&str] = &["1.14.0", "1.14.0"];
pub const MAXIMUM: &[&str] = &["1.14.0", "1.14.0", "2.3.0", "2.3.0"];
pub const MAX_POOL_2D: &[&str] = &["1.5.0", "1.14.0", "2.3.0"];
pub const MEAN: &[&str] = &["1.6.0", "1.14.0", "2.4.0"];
pub const MINIMUM: &[&str] = &["1.14.0", "1.14.0", "2.3.0", "2.3.0"];
pub const MUL: &[&str] = &["1.5.0", "1.14.0", "1.15.0", "2.3.0", "2.6.0", "2.11.0", "2.13.0", "2.23.0"];
pub const NEG: &[&str] = &["1.9.0"];
pub const NOT_EQUAL: &[&str] = &["1.14.0", "1.14.0", "2.3.0", "2.21.0"];
pub const PACK: &[&str] = &["1.11.0", "1.14.0", "2.3.0", "2.13.0"];
pub const PAD: &[&str] = &["1.5.0", "1.14.0", "2.4.0", "2.6.0", "2.20.0"];
pub const PADV2: &[&str] = &["1.9.0", "1.14.0", "2.4.0", "2.6.0", "2.20.0"];
pub const POW: &[&str] = &["1.10.0"];
pub const QUANTIZE: &[&str] = &["1.14.0", "1.15.0", "2.7.0", "2.21.0", "2.21.0", "2.21.0"];
pub const REDUCE_ALL: &[&str] = &["2.6.0"];
pub const REDUCE_ANY: &[&str] = &["1.11.0"];
pub const REDUCE_MAX: &[&str] = &["1.11.0", "1.14.0", "2.5.0"];
pub const REDUCE_MIN: &[&str] = &["1.11.0", "1.14.0", "2.5.0"];
pub const REDUCE_PROD: &[&str] = &["1.11.0", "2.6.0"];
pub const RELU: &[&str] = &["1.5.0", "2.1.0", "2.5.0"];
pub const RELU6: &[&str] = &["1.5.0", "1.14.0", "2.5.0"];
pub const RELU_N1_TO_1: &[&str] = &["1.5.0"];
pub const RESHAPE: &[&str] = &["1.5.0"];
pub const RESIZE_BILINEAR: &[&str] = &["1.7.0", "1.14.0", "2.2.0", "2.5.0"];
pub const RESIZE_NEAREST_NEIGHBOR: &[&str] = &["1.13.1", "1.14.0", "2.3.0", "2.4.0"];
pub const BIDIRECTIONAL_SEQUENCE_LSTM: &[&str] = &["1.14.0"];
pub const UNIDIRECTIONAL_SEQUENCE_LSTM: &[&str] = &["1.13.1"];
pub const UNIDIRECTIONAL_SEQUENCE_RNN: &[&str] = &["1.14.0"];
pub const REVERSE_V2: &[&str] = &["1.14.0", "2.2.0", "2.5.0"];
pub const ROUND: &[&str] = &["1.14.0"];
pub const RANGE: &[&str] = &["1.13.0", "2.14.0"];
pub const RSQRT: &[&str] = &["1.10.0", "2.5.0", "2.15.0"];
pub const SCATTER_ND: &[&str] = &["2.1.0"];
pub const SELECT_V2: &[&str] = &["2.2.0", "2.12.0"];
pub const SHAPE: &[&str] = &["1.13.0"];
pub const SIGN: &[&str] = &["2.11.0", "2.12.0"];
pub const SIN: &[&str] = &["1.9.0"];
pub const SLICE: &[&str] = &["1.14.0", "1.14.0", "1.14.0", "2.4.0", "2.5.0", "2.14.0", "2.21.0"];
pub const SOFTMAX: &[&str] = &["1.5.0", "1.14.0", "2.3.0"];
pub const SPLIT: &[&str] = &["1.5.0", "1.14.0", "1.14.0", "2.3.0"];
pub const SQRT: &[&str] = &["1.10.0", "2.21.0"];
pub const SQUARED_DIFFERENCE: &[&str] = &["1.13.1", "2.5.0"];
pub const SQUEEZE: &[&str] = &["1.6.0", "2.5.0"];
pub const STABLEHLO_AND: &[&str] = &["2.17.0"];
pub const STRIDED_SLICE: &[&str] = &["1.6.0", "1.14.0", "2.1.0", "2.2.0", "2.5.0", "2.6.0", "2.14.0", "2.14.0"];
pub const SUB: &[&str] = &["1.6.0", "1.14.0", "2.3.0", "2.4.0", "2.4.0"];
pub const SUM: &[&str] = &["1.10.0", "1.15.0"];
pub const TANH: &[&str] = &["1.14.0", "1.14.0", "2.3.0"];
pub const TOPK_V2: &[&str] = &["1.7.0", "1.14.0"];
pub const TRANSPOSE: &[&str] = &["1.6.0", "1.14.0", "1.15.0", "2.3.0", "2.4.0", "2.12.0", "2.14.4", "2.22.0"];
pub const TRANSPOSE_CONV: &[&str] = &["1.9.0", "2.2.0", "2.3.0", "2.13.0", "2.15.0"];
pub const UNPACK: &[&str] = &["1.11.0", "1.14.0", "2.2.0", "2.3.0", "2.22.0"];
pub const UNSORTED_SEGMENT_MAX: &[&str] = &["2.10.0"];
pub const UNSORTED_SEGMENT_MIN: &[&str] = &["2.11.0"];
pub const UNSORTED_SEGMENT_PROD: &[&str] = &["2.10.0"];
pub const UNSORTED_SEGMENT_SUM: &[&str] = &["2.10.0"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::QuantTy;
    use std::collections::BTreeMap;

    fn q8(scales: Vec<f64>) -> ElemTy {
        let n = scales.len();
        ElemTy::Quant(QuantTy {
            storage_bits: 8,
            signed: true,
            expressed: Box::new(ElemTy::F32),
            storage_min: -128,
            storage_max: 127,
            zero_points: vec![0; n],
            axis: if n > 1 { Some(0) } else { None },
            scales,
        })
    }

    fn view(operands: Vec<ElemTy>, result: ElemTy) -> OpView {
        OpView {
            name: "tfl.test".into(),
            operand_consts: vec![None; operands.len()],
            operands: operands.into_iter().map(|e| TensorTy::ranked(vec![1, 4, 4, 2], e)).collect(),
            results: vec![TensorTy::ranked(vec![1, 4, 4, 2], result)],
            attrs: BTreeMap::new(),
            num_regions: 0,
        }
    }

    /// `op` with weight (operand 1) shape `dims`.
    fn with_weight_dims(mut op: OpView, dims: Vec<i64>) -> OpView {
        op.operands[1].shape = Some(dims);
        op
    }

    #[test]
    fn conv_versions() {
        assert_eq!(conv_2d(&view(vec![ElemTy::F32, ElemTy::F32, ElemTy::F32], ElemTy::F32)), 1);
        assert_eq!(conv_2d(&view(vec![q8(vec![0.1]), q8(vec![0.1, 0.2]), ElemTy::I(32)], q8(vec![0.1]))), 3);
        let per_tensor = view(vec![ElemTy::F32, q8(vec![0.1]), ElemTy::F32], ElemTy::F32);
        assert_eq!(conv_2d(&with_weight_dims(per_tensor, vec![2, 3, 3, 2])), 2);
        let hybrid = view(vec![ElemTy::F32, q8(vec![0.1, 0.2]), ElemTy::F32], ElemTy::F32);
        assert_eq!(conv_2d(&with_weight_dims(hybrid, vec![2, 3, 3, 2])), 5);
        // One output channel with its one scale is per-channel too, as TFLite counts.
        let one_channel = view(vec![ElemTy::F32, q8(vec![0.1]), ElemTy::F32], ElemTy::F32);
        assert_eq!(conv_2d(&with_weight_dims(one_channel, vec![1, 3, 3, 2])), 5);
        let depthwise = view(vec![ElemTy::F32, q8(vec![0.1, 0.2]), ElemTy::F32], ElemTy::F32);
        assert_eq!(depthwise_conv_2d(&with_weight_dims(depthwise, vec![1, 3, 3, 2])), 6);
    }

    #[test]
    fn fully_connected_versions() {
        let mut fc = view(vec![ElemTy::F32, ElemTy::F32, ElemTy::None], ElemTy::F32);
        assert_eq!(fully_connected(&fc), 1);
        fc.operands.pop();
        assert_eq!(fully_connected(&fc), 6);
        let hybrid = view(vec![ElemTy::F32, q8(vec![0.5, 0.25]), ElemTy::F32], ElemTy::F32);
        assert_eq!(fully_connected(&with_weight_dims(hybrid, vec![2, 32])), 12);
        let mut per_tensor = view(vec![ElemTy::F32, q8(vec![0.5]), ElemTy::F32], ElemTy::F32);
        per_tensor = with_weight_dims(per_tensor, vec![2, 32]);
        assert_eq!(fully_connected(&per_tensor), 3);
        per_tensor.attrs.insert("asymmetric_quantize_inputs".into(), crate::ir::Attr::Bool(true));
        assert_eq!(fully_connected(&per_tensor), 9);
        let int8 = view(vec![q8(vec![0.1]), q8(vec![0.1]), ElemTy::I(32)], q8(vec![0.1]));
        assert_eq!(fully_connected(&int8), 4);
    }

    #[test]
    fn mul_rescale_and_runtime_tables_cover_versions() {
        // 0.5 * 4 / 1 >= 1: version 3.
        assert_eq!(mul(&view(vec![q8(vec![0.5]), q8(vec![4.0])], q8(vec![1.0]))), 3);
        assert_eq!(mul(&view(vec![q8(vec![0.5]), q8(vec![0.5])], q8(vec![1.0]))), 2);
        assert_eq!(ADD[0], "1.5.0");
        assert_eq!(FULLY_CONNECTED.len(), 14);
    }
}

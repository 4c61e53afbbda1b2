//! The table of TFL ops, sorted by name. One entry per op: operands (in TFLite's input
//! order), results, attributes (TensorFlow's `tfl_ops.td` names; `Optional` where it
//! gives a default), rules, and how the op is written to a flatbuffer: builtin code,
//! options table (field slots as in `schema.fbs`), kernel version and minimum runtimes.

use super::elems::*;
use super::rules as tfl;
use super::version as v;
use super::{FUSED_ACTIVATION, NO_FUSED_ACTIVATION, PADDING, WEIGHTS_FORMAT};
use crate::catalog::AttrKind as K;
use crate::catalog::Elem::*;
use crate::catalog::FieldTy as F;
use crate::catalog::*;
use crate::ir::OpView;
use crate::rules::*;

const fn tflite(
    builtin: &'static str,
    options: Option<OptionsDef>,
    version: fn(&OpView) -> i32,
    runtime_versions: &'static [&'static str],
) -> Option<TfliteDef> {
    Some(TfliteDef { builtin, options, version, runtime_versions })
}

/// A `BuiltinOptions` member.
const fn options(table: &'static str, fields: &'static [OptionField]) -> Option<OptionsDef> {
    Some(OptionsDef { table, union: 1, fields })
}

const fn from_operand_count(name: &'static str, slot: u16, ty: FieldTy) -> OptionField {
    OptionField { field: name, slot, ty, source: FieldSource::OperandCount }
}

const fn from_result_type(name: &'static str, slot: u16) -> OptionField {
    OptionField { field: name, slot, ty: F::Enum("TensorType"), source: FieldSource::ResultElemType }
}

/// `AddOptions`, `SubOptions`, `MulOptions`, `DivOptions`: the fused activation at slot 0
/// (`pot_scale_int16`, slot 1 of Add/Sub, has no TFL attribute and keeps its default).
const FUSED_ONLY: &[OptionField] = &[fused_activation_field(0)];
const CONV_2D_FIELDS: &[OptionField] = &[
    field("padding", 0, F::Enum("Padding")),
    field("stride_w", 1, F::Int),
    field("stride_h", 2, F::Int),
    fused_activation_field(3),
    field("dilation_w_factor", 4, F::Int),
    field("dilation_h_factor", 5, F::Int),
];
const POOL_2D_FIELDS: &[OptionField] = &[
    field("padding", 0, F::Enum("Padding")),
    field("stride_w", 1, F::Int),
    field("stride_h", 2, F::Int),
    field("filter_width", 3, F::Int),
    field("filter_height", 4, F::Int),
    fused_activation_field(5),
];
const REDUCER_FIELDS: &[OptionField] = &[field("keep_dims", 0, F::Bool)];
const CONV_ATTRS: &[AttrDef] = &[
    req("dilation_h_factor", K::Int),
    req("dilation_w_factor", K::Int),
    req("fused_activation_function", FUSED_ACTIVATION),
    req("padding", PADDING),
    req("stride_h", K::Int),
    req("stride_w", K::Int),
];
const POOL_ATTRS: &[AttrDef] = &[
    req("filter_height", K::Int),
    req("filter_width", K::Int),
    req("fused_activation_function", FUSED_ACTIVATION),
    req("padding", PADDING),
    req("stride_h", K::Int),
    req("stride_w", K::Int),
];
const KEEP_DIMS: &[AttrDef] = &[req("keep_dims", K::Bool)];
const RESIZE_ATTRS: &[AttrDef] = &[req("align_corners", K::Bool), optional("half_pixel_centers", K::Bool)];

pub static OPS: &[OpDef] = &[
    // ---- tfl.abs · element-wise unary -------------------------------------------
    OpDef {
        name: "tfl.abs",
        summary: "Element-wise absolute value.",
        operands: &[one("x", &[F32, I16, I32, QI8, QI16])],
        results: &[one("y", &[F32, I16, I32, QI8, QI16])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("ABS", None, v::abs, v::ABS),
    },
    // ---- tfl.add · element-wise binary ------------------------------------------
    OpDef {
        name: "tfl.add",
        summary: "Element-wise addition with broadcasting and a fused activation.",
        operands: &[
            one("lhs", &[F32, I16, I32, I64, QI8, QU8, QI16]),
            one("rhs", &[F32, I16, I32, I64, QI8, QU8, QI16]),
        ],
        results: &[one("output", &[F32, I16, I32, I64, QI8, QU8, QI16])],
        attrs: &[req("fused_activation_function", FUSED_ACTIVATION)],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("ADD", options("AddOptions", FUSED_ONLY), v::add, v::ADD),
    },
    // ---- tfl.arg_max · reduction ------------------------------------------------
    OpDef {
        name: "tfl.arg_max",
        summary: "Index of the largest value along the axis `dim`; the result drops that dim.",
        operands: &[one("input", &[Bool, F32, I32, I8, U8, QI8, QU8]), one("dim", INDEX)],
        results: &[one("output", INDEX)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::arg_max),
        infer: Some(tfl::infer_arg_max),
        tflite: tflite(
            "ARG_MAX",
            options("ArgMaxOptions", &[from_result_type("output_type", 0)]),
            v::arg_max,
            v::ARG_MAX,
        ),
    },
    // ---- tfl.atan2 · element-wise binary ----------------------------------------
    OpDef {
        name: "tfl.atan2",
        summary: "Element-wise arc tangent of y / x in the quadrant of (x, y).",
        operands: &[one("y", &[F32]), one("x", &[F32])],
        results: &[one("output", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("ATAN2", None, v::v1, v::ATAN2),
    },
    // ---- tfl.average_pool_2d · pooling ------------------------------------------
    OpDef {
        name: "tfl.average_pool_2d",
        summary: "2-D average pooling over NHWC input; SAME or VALID padding.",
        operands: &[one("input", ACT)],
        results: &[one("output", ACT)],
        attrs: POOL_ATTRS,
        regions: 0,
        verify: Some(tfl::pool_2d),
        infer: Some(tfl::infer_pool_2d),
        tflite: tflite(
            "AVERAGE_POOL_2D",
            options("Pool2DOptions", POOL_2D_FIELDS),
            v::int16x16_is_3_int8_is_2,
            v::AVERAGE_POOL_2D,
        ),
    },
    // ---- tfl.batch_matmul · matrix product --------------------------------------
    OpDef {
        name: "tfl.batch_matmul",
        summary: "Batched matrix product x [..., M, K] * y [..., K, N] with broadcast batch dims.",
        operands: &[one("x", &[F32, QI8, QI16, I8]), one("y", &[F32, QI8, QI16, I8])],
        results: &[one("output", &[F32, QI8, QI16, I32])],
        attrs: &[
            optional("adj_x", K::Bool),
            optional("adj_y", K::Bool),
            optional("asymmetric_quantize_inputs", K::Bool),
        ],
        regions: 0,
        verify: Some(tfl::batch_matmul),
        infer: Some(tfl::infer_batch_matmul),
        tflite: tflite(
            "BATCH_MATMUL",
            options(
                "BatchMatMulOptions",
                &[
                    field("adj_x", 0, F::Bool),
                    field("adj_y", 1, F::Bool),
                    field("asymmetric_quantize_inputs", 2, F::Bool),
                ],
            ),
            v::batch_matmul,
            v::BATCH_MATMUL,
        ),
    },
    // ---- tfl.bitcast · element types ---------------------------------------------
    OpDef {
        name: "tfl.bitcast",
        summary: "The input's bytes read as another element type: same width keeps the shape; a narrower type adds a last dim of width ratio, a wider one drops it.",
        operands: &[one("input", BITS)],
        results: &[one("output", BITS)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::bitcast),
        infer: None,
        tflite: tflite("BITCAST", options("BitcastOptions", &[]), v::v1, v::BITCAST),
    },
    // ---- tfl.bitwise_xor · element-wise binary ----------------------------------
    OpDef {
        name: "tfl.bitwise_xor",
        summary: "Element-wise bitwise exclusive or of 8-, 16- or 32-bit integers, with broadcasting (rank 4 at most).",
        operands: &[one("lhs", &[I8, U8, I16, I32]), one("rhs", &[I8, U8, I16, I32])],
        results: &[one("output", &[I8, U8, I16, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("BITWISE_XOR", options("BitwiseXorOptions", &[]), v::v1, v::BITWISE_XOR),
    },
    // ---- tfl.broadcast_to · shape -----------------------------------------------
    OpDef {
        name: "tfl.broadcast_to",
        summary: "Broadcasts the input to `shape` (NumPy rules).",
        operands: &[one("input", &[F32, I32, Bool, I8, QI8, U8, QU8, I16, QI16, I64]), one("shape", INDEX)],
        results: &[one("output", &[F32, I32, Bool, I8, QI8, U8, QU8, I16, QI16, I64])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::broadcast_to),
        infer: Some(tfl::infer_broadcast_to),
        tflite: tflite("BROADCAST_TO", None, v::broadcast_to, v::BROADCAST_TO),
    },
    // ---- tfl.cast · conversion --------------------------------------------------
    OpDef {
        name: "tfl.cast",
        summary: "Element-wise type conversion; the result type gives the target type.",
        operands: &[one("input", &[F16, F32, F64, BF16, Bool, AnyInt])],
        results: &[one("output", &[F16, F32, F64, BF16, Bool, AnyInt])],
        attrs: &[],
        regions: 0,
        verify: None,
        infer: Some(infer_same_shape),
        tflite: tflite("CAST", None, v::cast, v::CAST),
    },
    // ---- tfl.ceil · element-wise unary ------------------------------------------
    OpDef {
        name: "tfl.ceil",
        summary: "Element-wise ceiling.",
        operands: &[one("x", &[F32])],
        results: &[one("y", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("CEIL", None, v::v1, v::CEIL),
    },
    // ---- tfl.concatenation · shape ----------------------------------------------
    OpDef {
        name: "tfl.concatenation",
        summary: "Concatenates values along `axis`; the other dims agree.",
        operands: &[var("values", DATA)],
        results: &[one("output", DATA)],
        attrs: &[req("axis", K::Int), req("fused_activation_function", NO_FUSED_ACTIVATION)],
        regions: 0,
        verify: Some(tfl::concatenation),
        infer: Some(tfl::infer_concatenation),
        tflite: tflite(
            "CONCATENATION",
            options("ConcatenationOptions", &[field("axis", 0, F::Int), fused_activation_field(1)]),
            v::concatenation,
            v::CONCATENATION,
        ),
    },
    // ---- tfl.conv_2d · convolution ----------------------------------------------
    OpDef {
        name: "tfl.conv_2d",
        summary: "2-D convolution: input NHWC, filter OHWI, bias [O]; SAME or VALID padding.",
        operands: &[one("input", ACT), one("filter", WEIGHTS), opt("bias", BIAS)],
        results: &[one("output", ACT)],
        attrs: CONV_ATTRS,
        regions: 0,
        verify: Some(tfl::conv_2d),
        infer: Some(tfl::infer_conv_2d),
        tflite: tflite("CONV_2D", options("Conv2DOptions", CONV_2D_FIELDS), v::conv_2d, v::CONV_2D),
    },
    // ---- tfl.cos · element-wise unary -------------------------------------------
    OpDef {
        name: "tfl.cos",
        summary: "Element-wise cosine.",
        operands: &[one("x", &[F32])],
        results: &[one("y", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("COS", None, v::v1, v::COS),
    },
    // ---- tfl.cumsum · scan ------------------------------------------------------
    OpDef {
        name: "tfl.cumsum",
        summary: "Cumulative sum along a scalar `axis`, optionally exclusive or reversed.",
        operands: &[one("input", &[F32, I32, I64]), one("axis", INT32)],
        results: &[one("output", &[F32, I32, I64])],
        attrs: &[optional("exclusive", K::Bool), optional("reverse", K::Bool)],
        regions: 0,
        verify: Some(tfl::cumsum),
        infer: Some(infer_same_as_first),
        tflite: tflite(
            "CUMSUM",
            options("CumsumOptions", &[field("exclusive", 0, F::Bool), field("reverse", 1, F::Bool)]),
            v::v1,
            v::CUMSUM,
        ),
    },
    // ---- tfl.depthwise_conv_2d · convolution ------------------------------------
    OpDef {
        name: "tfl.depthwise_conv_2d",
        summary: "Depthwise 2-D convolution: input NHWC, filter [1, H, W, C * depth_multiplier].",
        operands: &[one("input", ACT), one("filter", WEIGHTS), opt("bias", BIAS)],
        results: &[one("output", ACT)],
        attrs: &[
            req("depth_multiplier", K::Int),
            req("dilation_h_factor", K::Int),
            req("dilation_w_factor", K::Int),
            req("fused_activation_function", FUSED_ACTIVATION),
            req("padding", PADDING),
            req("stride_h", K::Int),
            req("stride_w", K::Int),
        ],
        regions: 0,
        verify: Some(tfl::depthwise_conv_2d),
        infer: Some(tfl::infer_depthwise_conv_2d),
        tflite: tflite(
            "DEPTHWISE_CONV_2D",
            options(
                "DepthwiseConv2DOptions",
                &[
                    field("padding", 0, F::Enum("Padding")),
                    field("stride_w", 1, F::Int),
                    field("stride_h", 2, F::Int),
                    field("depth_multiplier", 3, F::Int),
                    fused_activation_field(4),
                    field("dilation_w_factor", 5, F::Int),
                    field("dilation_h_factor", 6, F::Int),
                ],
            ),
            v::depthwise_conv_2d,
            v::DEPTHWISE_CONV_2D,
        ),
    },
    // ---- tfl.dequantize · quantization ------------------------------------------
    OpDef {
        name: "tfl.dequantize",
        summary: "Converts quantized (or f16) values to f32 with the input's quantization parameters.",
        operands: &[one("input", &[AnyQuant, F16])],
        results: &[one("output", &[F32])],
        attrs: &[],
        regions: 0,
        verify: None,
        infer: Some(infer_same_shape),
        tflite: tflite("DEQUANTIZE", None, v::dequantize, v::DEQUANTIZE),
    },
    // ---- tfl.div · element-wise binary ------------------------------------------
    OpDef {
        name: "tfl.div",
        summary: "Element-wise division with broadcasting and a fused activation.",
        operands: &[one("lhs", &[F32, I32, QU8]), one("rhs", &[F32, I32, QU8])],
        results: &[one("output", &[F32, I32, QU8])],
        attrs: &[req("fused_activation_function", FUSED_ACTIVATION)],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("DIV", options("DivOptions", FUSED_ONLY), v::div, v::DIV),
    },
    // ---- tfl.embedding_lookup · lookup ------------------------------------------
    OpDef {
        name: "tfl.embedding_lookup",
        summary: "Rows of `value` [V, ...] selected by the ids in `lookup` [N]; hybrid tables give f32.",
        operands: &[one("lookup", INT32), one("value", &[F32, I8, U8, AnyQuant])],
        results: &[one("output", &[F32, I8, U8, AnyQuant])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::embedding_lookup),
        infer: Some(tfl::infer_embedding_lookup),
        tflite: tflite("EMBEDDING_LOOKUP", None, v::embedding_lookup, v::EMBEDDING_LOOKUP),
    },
    // ---- tfl.equal · comparison -------------------------------------------------
    OpDef {
        name: "tfl.equal",
        summary: "Element-wise x == y with broadcasting; i1 result.",
        operands: &[
            one("x", &[Bool, F32, I16, I32, I64, QI8, QU8, U8]),
            one("y", &[Bool, F32, I16, I32, I64, QI8, QU8, U8]),
        ],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::comparison),
        infer: Some(infer_broadcast_bool),
        tflite: tflite("EQUAL", None, v::equal, v::EQUAL),
    },
    // ---- tfl.exp · element-wise unary -------------------------------------------
    OpDef {
        name: "tfl.exp",
        summary: "Element-wise natural exponential.",
        operands: &[one("x", &[F32, QI8, QI16])],
        results: &[one("y", &[F32, QI8, QI16])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("EXP", options("ExpOptions", &[]), v::int8_or_int16_is_2, v::EXP),
    },
    // ---- tfl.expand_dims · shape ------------------------------------------------
    OpDef {
        name: "tfl.expand_dims",
        summary: "Inserts a dim of size 1 at index `dim` (in [-rank - 1, rank]).",
        operands: &[one("input", ANY), one("dim", INDEX)],
        results: &[one("output", ANY)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::expand_dims),
        infer: Some(tfl::infer_expand_dims),
        tflite: tflite("EXPAND_DIMS", options("ExpandDimsOptions", &[]), v::v1, v::EXPAND_DIMS),
    },
    // ---- tfl.floor · element-wise unary -----------------------------------------
    OpDef {
        name: "tfl.floor",
        summary: "Element-wise floor.",
        operands: &[one("x", &[F32])],
        results: &[one("y", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("FLOOR", None, v::v1, v::FLOOR),
    },
    // ---- tfl.floor_div · element-wise binary ------------------------------------
    OpDef {
        name: "tfl.floor_div",
        summary: "Element-wise division rounded toward negative infinity (floor(x / y) for floats), with broadcasting.",
        operands: &[one("lhs", &[F32, I32]), one("rhs", &[F32, I32])],
        results: &[one("output", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("FLOOR_DIV", options("FloorDivOptions", &[]), v::floor_div, v::FLOOR_DIV),
    },
    // ---- tfl.floor_mod · element-wise binary ------------------------------------
    OpDef {
        name: "tfl.floor_mod",
        summary: "Element-wise remainder of floored division (the result takes the divisor's sign).",
        operands: &[one("lhs", &[F32, I32, I64]), one("rhs", &[F32, I32, I64])],
        results: &[one("output", &[F32, I32, I64])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("FLOOR_MOD", options("FloorModOptions", &[]), v::floor_mod, v::FLOOR_MOD),
    },
    // ---- tfl.fully_connected · matrix product -----------------------------------
    OpDef {
        name: "tfl.fully_connected",
        summary: "Dense layer: rows of I input elements times filter [O, I]^T plus bias [O].",
        operands: &[one("input", &[F32, QI8, QU8, QI16]), one("filter", WEIGHTS), opt("bias", BIAS)],
        results: &[var("output", &[F32, QI8, QU8, QI16])],
        attrs: &[
            optional("asymmetric_quantize_inputs", K::Bool),
            req("fused_activation_function", FUSED_ACTIVATION),
            req("keep_num_dims", K::Bool),
            req("weights_format", WEIGHTS_FORMAT),
        ],
        regions: 0,
        verify: Some(tfl::fully_connected),
        infer: Some(tfl::infer_fully_connected),
        tflite: tflite(
            "FULLY_CONNECTED",
            options(
                "FullyConnectedOptions",
                &[
                    fused_activation_field(0),
                    field("weights_format", 1, F::Enum("FullyConnectedOptionsWeightsFormat")),
                    field("keep_num_dims", 2, F::Bool),
                    field("asymmetric_quantize_inputs", 3, F::Bool),
                ],
            ),
            v::fully_connected,
            v::FULLY_CONNECTED,
        ),
    },
    // ---- tfl.gather · indexing --------------------------------------------------
    OpDef {
        name: "tfl.gather",
        summary: "Slices of `params` along `axis` picked by `indices`, after `batch_dims` shared dims.",
        operands: &[one("params", DATA), one("indices", &[I16, I32, I64])],
        results: &[one("output", DATA)],
        attrs: &[req("axis", K::Int), optional("batch_dims", K::Int)],
        regions: 0,
        verify: Some(tfl::gather),
        infer: Some(tfl::infer_gather),
        tflite: tflite(
            "GATHER",
            options("GatherOptions", &[field("axis", 0, F::Int), field("batch_dims", 1, F::Int)]),
            v::gather,
            v::GATHER,
        ),
    },
    // ---- tfl.gather_nd · indexing -----------------------------------------------
    OpDef {
        name: "tfl.gather_nd",
        summary: "Slices of `params` picked by the index vectors in the last dim of `indices`.",
        operands: &[one("params", &[F32, I8, U8, I32, I64]), one("indices", &[I32, I64])],
        results: &[one("output", &[F32, I8, U8, I32, I64])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::gather_nd),
        infer: None,
        tflite: tflite("GATHER_ND", options("GatherNdOptions", &[]), v::gather_nd, v::GATHER_ND),
    },
    // ---- tfl.gelu · activation --------------------------------------------------
    OpDef {
        name: "tfl.gelu",
        summary: "Element-wise GELU, exact or tanh-approximated.",
        operands: &[one("input", ACT8)],
        results: &[one("output", ACT8)],
        attrs: &[optional("approximate", K::Bool)],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("GELU", options("GeluOptions", &[field("approximate", 0, F::Bool)]), v::gelu, v::GELU),
    },
    // ---- tfl.greater · comparison -----------------------------------------------
    OpDef {
        name: "tfl.greater",
        summary: "Element-wise lhs > rhs with broadcasting; i1 result.",
        operands: &[one("lhs", &[F32, I32, I64, QU8, QI8]), one("rhs", &[F32, I32, I64, QU8, QI8])],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::comparison),
        infer: Some(infer_broadcast_bool),
        tflite: tflite("GREATER", None, v::int8_is_2, v::GREATER),
    },
    // ---- tfl.greater_equal · comparison -----------------------------------------
    OpDef {
        name: "tfl.greater_equal",
        summary: "Element-wise lhs >= rhs with broadcasting; i1 result.",
        operands: &[one("lhs", &[F32, I16, I32, I64, QU8, QI8]), one("rhs", &[F32, I16, I32, I64, QU8, QI8])],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::comparison),
        infer: Some(infer_broadcast_bool),
        tflite: tflite("GREATER_EQUAL", None, v::int16_is_3_int8_is_2, v::GREATER_EQUAL),
    },
    // ---- tfl.hard_swish · activation --------------------------------------------
    OpDef {
        name: "tfl.hard_swish",
        summary: "Element-wise x * relu6(x + 3) / 6.",
        operands: &[one("input", ACT8)],
        results: &[one("output", ACT8)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("HARD_SWISH", None, v::v1, v::HARD_SWISH),
    },
    // ---- tfl.leaky_relu · activation --------------------------------------------
    OpDef {
        name: "tfl.leaky_relu",
        summary: "Element-wise x >= 0 ? x : alpha * x.",
        operands: &[one("input", ACT)],
        results: &[one("output", ACT)],
        attrs: &[req("alpha", K::Float)],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite(
            "LEAKY_RELU",
            options("LeakyReluOptions", &[field("alpha", 0, F::Float)]),
            v::leaky_relu,
            v::LEAKY_RELU,
        ),
    },
    // ---- tfl.less · comparison --------------------------------------------------
    OpDef {
        name: "tfl.less",
        summary: "Element-wise lhs < rhs with broadcasting; i1 result.",
        operands: &[one("lhs", &[F32, I16, I32, I64, QU8, QI8]), one("rhs", &[F32, I16, I32, I64, QU8, QI8])],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::comparison),
        infer: Some(infer_broadcast_bool),
        tflite: tflite("LESS", None, v::int16_is_3_int8_is_2, v::LESS),
    },
    // ---- tfl.less_equal · comparison --------------------------------------------
    OpDef {
        name: "tfl.less_equal",
        summary: "Element-wise lhs <= rhs with broadcasting; i1 result.",
        operands: &[one("lhs", &[F32, I32, I64, QI8, QU8]), one("rhs", &[F32, I32, I64, QI8, QU8])],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::comparison),
        infer: Some(infer_broadcast_bool),
        tflite: tflite("LESS_EQUAL", None, v::int8_is_2, v::LESS_EQUAL),
    },
    // ---- tfl.log · element-wise unary -------------------------------------------
    OpDef {
        name: "tfl.log",
        summary: "Element-wise natural logarithm.",
        operands: &[one("x", &[F32, QI8])],
        results: &[one("y", &[F32, QI8])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("LOG", None, v::int8_or_int16_is_2, v::LOG),
    },
    // ---- tfl.log_softmax · normalization ----------------------------------------
    OpDef {
        name: "tfl.log_softmax",
        summary: "input - log(sum(exp(input))) over the last dim.",
        operands: &[one("input", ACT8)],
        results: &[one("output", ACT8)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::softmax),
        infer: Some(infer_same_as_first),
        tflite: tflite("LOG_SOFTMAX", options("LogSoftmaxOptions", &[]), v::int8_is_2, v::LOG_SOFTMAX),
    },
    // ---- tfl.logical_and · logical ----------------------------------------------
    OpDef {
        name: "tfl.logical_and",
        summary: "Element-wise logical AND with broadcasting.",
        operands: &[one("lhs", BOOL), one("rhs", BOOL)],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: None,
        infer: Some(infer_broadcast_bool),
        tflite: tflite("LOGICAL_AND", None, v::v1, v::LOGICAL_AND),
    },
    // ---- tfl.logical_not · logical ----------------------------------------------
    OpDef {
        name: "tfl.logical_not",
        summary: "Element-wise logical NOT.",
        operands: &[one("lhs", BOOL)],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: None,
        infer: Some(infer_same_as_first),
        tflite: tflite("LOGICAL_NOT", None, v::v1, v::LOGICAL_NOT),
    },
    // ---- tfl.logical_or · logical -----------------------------------------------
    OpDef {
        name: "tfl.logical_or",
        summary: "Element-wise logical OR with broadcasting.",
        operands: &[one("lhs", BOOL), one("rhs", BOOL)],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: None,
        infer: Some(infer_broadcast_bool),
        tflite: tflite("LOGICAL_OR", None, v::v1, v::LOGICAL_OR),
    },
    // ---- tfl.logistic · activation ----------------------------------------------
    OpDef {
        name: "tfl.logistic",
        summary: "Element-wise sigmoid 1 / (1 + exp(-x)).",
        operands: &[one("x", ACT)],
        results: &[one("y", ACT)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("LOGISTIC", None, v::int16x16_is_3_int8_is_2, v::LOGISTIC),
    },
    // ---- tfl.max_pool_2d · pooling ----------------------------------------------
    OpDef {
        name: "tfl.max_pool_2d",
        summary: "2-D max pooling over NHWC input; SAME or VALID padding.",
        operands: &[one("input", ACT)],
        results: &[one("output", ACT)],
        attrs: POOL_ATTRS,
        regions: 0,
        verify: Some(tfl::pool_2d),
        infer: Some(tfl::infer_pool_2d),
        tflite: tflite(
            "MAX_POOL_2D",
            options("Pool2DOptions", POOL_2D_FIELDS),
            v::int16x16_is_3_int8_is_2,
            v::MAX_POOL_2D,
        ),
    },
    // ---- tfl.maximum · element-wise binary --------------------------------------
    OpDef {
        name: "tfl.maximum",
        summary: "Element-wise maximum with broadcasting.",
        operands: &[one("lhs", &[F32, I32, I64, QI8, QU8, QI16]), one("rhs", &[F32, I32, I64, QI8, QU8, QI16])],
        results: &[one("max", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("MAXIMUM", None, v::maximum_minimum, v::MAXIMUM),
    },
    // ---- tfl.mean · reduction ---------------------------------------------------
    OpDef {
        name: "tfl.mean",
        summary: "Mean over the dims in `axis`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", &[F32, I32, I64, QI8, QU8, U8, QI16]), one("axis", INT32)],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, U8, QI16])],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("MEAN", options("ReducerOptions", REDUCER_FIELDS), v::int16_is_3_int8_is_2, v::MEAN),
    },
    // ---- tfl.minimum · element-wise binary --------------------------------------
    OpDef {
        name: "tfl.minimum",
        summary: "Element-wise minimum with broadcasting.",
        operands: &[one("lhs", &[F32, I32, I64, QI8, QU8, QI16]), one("rhs", &[F32, I32, I64, QI8, QU8, QI16])],
        results: &[one("min", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("MINIMUM", None, v::maximum_minimum, v::MINIMUM),
    },
    // ---- tfl.mul · element-wise binary ------------------------------------------
    OpDef {
        name: "tfl.mul",
        summary: "Element-wise multiplication with broadcasting and a fused activation.",
        operands: &[
            one("lhs", &[F32, I16, I32, I64, QI8, QU8, QI16]),
            one("rhs", &[F32, I16, I32, I64, QI8, QU8, QI16]),
        ],
        results: &[one("output", &[F32, I16, I32, I64, QI8, QU8, QI16])],
        attrs: &[req("fused_activation_function", FUSED_ACTIVATION)],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("MUL", options("MulOptions", FUSED_ONLY), v::mul, v::MUL),
    },
    // ---- tfl.neg · element-wise unary -------------------------------------------
    OpDef {
        name: "tfl.neg",
        summary: "Element-wise negation.",
        operands: &[one("x", &[F32, I32, I64])],
        results: &[one("y", &[F32, I32, I64])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("NEG", options("NegOptions", &[]), v::v1, v::NEG),
    },
    // ---- tfl.no_value · absent operand ------------------------------------------
    OpDef {
        name: "tfl.no_value",
        summary: "The absent optional operand (`none`); written as tensor index -1, not as an operator.",
        operands: &[],
        results: &[one("none_val", ANY)],
        attrs: &[req("value", K::Any)],
        regions: 0,
        verify: Some(tfl::no_value),
        infer: None,
        tflite: None,
    },
    // ---- tfl.not_equal · comparison ---------------------------------------------
    OpDef {
        name: "tfl.not_equal",
        summary: "Element-wise lhs != rhs with broadcasting; i1 result.",
        operands: &[one("lhs", &[Bool, F32, I32, I64, QU8, QI8]), one("rhs", &[Bool, F32, I32, I64, QU8, QI8])],
        results: &[one("output", BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::comparison),
        infer: Some(infer_broadcast_bool),
        tflite: tflite("NOT_EQUAL", None, v::not_equal, v::NOT_EQUAL),
    },
    // ---- tfl.pack · shape -------------------------------------------------------
    OpDef {
        name: "tfl.pack",
        summary: "Stacks `values_count` same-shaped values along a new dim `axis`.",
        operands: &[var("values", DATA)],
        results: &[one("output", DATA)],
        attrs: &[req("axis", K::Int), req("values_count", K::Int)],
        regions: 0,
        verify: Some(tfl::pack),
        infer: Some(tfl::infer_pack),
        tflite: tflite(
            "PACK",
            options("PackOptions", &[from_operand_count("values_count", 0, F::Int), field("axis", 1, F::Int)]),
            v::pack,
            v::PACK,
        ),
    },
    // ---- tfl.pad · padding ------------------------------------------------------
    OpDef {
        name: "tfl.pad",
        summary: "Pads with zeros; `padding` [rank, 2] holds the (before, after) sizes per dim.",
        operands: &[one("input", &[F32, I32, I64, QI8, QU8, QI16]), one("padding", INDEX)],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::pad),
        infer: Some(tfl::infer_pad),
        tflite: tflite("PAD", options("PadOptions", &[]), v::pad, v::PAD),
    },
    // ---- tfl.padv2 · padding ----------------------------------------------------
    OpDef {
        name: "tfl.padv2",
        summary: "Pads with `constant_values`; `padding` [rank, 2] holds the sizes per dim.",
        operands: &[
            one("input", &[F32, I32, I64, U8, QI8, QU8]),
            one("padding", INDEX),
            one("constant_values", &[F32, I32, I64, U8, QI8, QU8]),
        ],
        results: &[one("output", &[F32, I32, I64, U8, QI8, QU8])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::pad),
        infer: Some(tfl::infer_pad),
        tflite: tflite("PADV2", options("PadV2Options", &[]), v::pad, v::PADV2),
    },
    // ---- tfl.pow · element-wise binary ------------------------------------------
    OpDef {
        name: "tfl.pow",
        summary: "Element-wise lhs ^ rhs with broadcasting.",
        operands: &[one("lhs", &[F32, I32]), one("rhs", &[F32, I32])],
        results: &[one("output", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("POW", None, v::v1, v::POW),
    },
    // ---- tfl.pseudo_const · constant --------------------------------------------
    OpDef {
        name: "tfl.pseudo_const",
        summary: "A constant tensor; written as a tensor with a buffer, not as an operator.",
        operands: &[],
        results: &[one("output", ANY)],
        attrs: &[req("value", K::Elements)],
        regions: 0,
        verify: Some(tfl::pseudo_const),
        infer: None,
        tflite: None,
    },
    // ---- tfl.quantize · quantization --------------------------------------------
    OpDef {
        name: "tfl.quantize",
        summary: "Quantizes (or requantizes) to the quantized tensor type `qtype`.",
        operands: &[one("input", &[F32, AnyQuant])],
        results: &[one("output", &[AnyQuant])],
        attrs: &[req("qtype", K::Type)],
        regions: 0,
        verify: Some(tfl::quantize),
        infer: Some(tfl::infer_quantize),
        tflite: tflite("QUANTIZE", None, v::quantize, v::QUANTIZE),
    },
    // ---- tfl.reduce_all · reduction ---------------------------------------------
    OpDef {
        name: "tfl.reduce_all",
        summary: "Logical AND over the dims in `axes`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", BOOL), one("axes", INT32)],
        results: &[one("output", BOOL)],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("REDUCE_ALL", options("ReducerOptions", REDUCER_FIELDS), v::v1, v::REDUCE_ALL),
    },
    // ---- tfl.reduce_any · reduction ---------------------------------------------
    OpDef {
        name: "tfl.reduce_any",
        summary: "Logical OR over the dims in `axes`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", BOOL), one("axes", INT32)],
        results: &[one("output", BOOL)],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("REDUCE_ANY", options("ReducerOptions", REDUCER_FIELDS), v::v1, v::REDUCE_ANY),
    },
    // ---- tfl.reduce_max · reduction ---------------------------------------------
    OpDef {
        name: "tfl.reduce_max",
        summary: "Maximum over the dims in `axes`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", &[F32, I32, I64, QI8, QU8, QI16]), one("axes", INT32)],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("REDUCE_MAX", options("ReducerOptions", REDUCER_FIELDS), v::int16_is_3_int8_is_2, v::REDUCE_MAX),
    },
    // ---- tfl.reduce_min · reduction ---------------------------------------------
    OpDef {
        name: "tfl.reduce_min",
        summary: "Minimum over the dims in `axes`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", &[F32, I32, I64, QI8, QU8, QI16]), one("axes", INT32)],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("REDUCE_MIN", options("ReducerOptions", REDUCER_FIELDS), v::int16_is_3_int8_is_2, v::REDUCE_MIN),
    },
    // ---- tfl.reduce_prod · reduction --------------------------------------------
    OpDef {
        name: "tfl.reduce_prod",
        summary: "Product over the dims in `axes`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", &[F32, I32, I64, QI8, QU8, QI16]), one("axes", INT32)],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("REDUCE_PROD", options("ReducerOptions", REDUCER_FIELDS), v::int8_is_2, v::REDUCE_PROD),
    },
    // ---- tfl.relu · activation --------------------------------------------------
    OpDef {
        name: "tfl.relu",
        summary: "Element-wise max(0, x).",
        operands: &[one("x", ACT)],
        results: &[one("y", ACT)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("RELU", None, v::relu, v::RELU),
    },
    // ---- tfl.relu6 · activation -------------------------------------------------
    OpDef {
        name: "tfl.relu6",
        summary: "Element-wise min(max(0, x), 6).",
        operands: &[one("x", ACT8)],
        results: &[one("y", ACT8)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("RELU6", None, v::int16_is_3_int8_is_2, v::RELU6),
    },
    // ---- tfl.relu_n1_to_1 · activation ------------------------------------------
    OpDef {
        name: "tfl.relu_n1_to_1",
        summary: "Element-wise min(max(-1, x), 1).",
        operands: &[one("x", ACT8)],
        results: &[one("y", ACT8)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("RELU_N1_TO_1", None, v::v1, v::RELU_N1_TO_1),
    },
    // ---- tfl.reshape · shape ----------------------------------------------------
    OpDef {
        name: "tfl.reshape",
        summary: "Same elements in a new shape given by the 1-D `shape` operand (one -1 allowed).",
        operands: &[one("input", ANY), one("shape", INT32)],
        results: &[one("output", ANY)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::reshape),
        infer: Some(tfl::infer_reshape),
        tflite: tflite("RESHAPE", None, v::v1, v::RESHAPE),
    },
    // ---- tfl.resize_bilinear · image --------------------------------------------
    OpDef {
        name: "tfl.resize_bilinear",
        summary: "Bilinear resize of NHWC images to `size` [H, W].",
        operands: &[one("input", ACT), one("size", INT32)],
        results: &[one("output", ACT)],
        attrs: RESIZE_ATTRS,
        regions: 0,
        verify: Some(tfl::resize),
        infer: Some(tfl::infer_resize),
        tflite: tflite(
            "RESIZE_BILINEAR",
            options(
                "ResizeBilinearOptions",
                &[field("align_corners", 2, F::Bool), field("half_pixel_centers", 3, F::Bool)],
            ),
            v::resize_bilinear,
            v::RESIZE_BILINEAR,
        ),
    },
    // ---- tfl.resize_nearest_neighbor · image ------------------------------------
    OpDef {
        name: "tfl.resize_nearest_neighbor",
        summary: "Nearest-neighbor resize of NHWC images to `size` [H, W].",
        operands: &[one("input", ACT), one("size", INT32)],
        results: &[one("output", ACT)],
        attrs: RESIZE_ATTRS,
        regions: 0,
        verify: Some(tfl::resize),
        infer: Some(tfl::infer_resize),
        tflite: tflite(
            "RESIZE_NEAREST_NEIGHBOR",
            options(
                "ResizeNearestNeighborOptions",
                &[field("align_corners", 0, F::Bool), field("half_pixel_centers", 1, F::Bool)],
            ),
            v::resize_nearest_neighbor,
            v::RESIZE_NEAREST_NEIGHBOR,
        ),
    },
    // ---- tfl.reverse_v2 · shape -------------------------------------------------
    OpDef {
        name: "tfl.reverse_v2",
        summary: "Reverses the dims listed in `axis`.",
        operands: &[one("input", &[F32, Bool, I8, U8, I32, I64, QI8, QU8]), one("axis", INT32)],
        results: &[one("output", &[F32, Bool, I8, U8, I32, I64, QI8, QU8])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("REVERSE_V2", options("ReverseV2Options", &[]), v::reverse_v2, v::REVERSE_V2),
    },
    // ---- tfl.round · element-wise unary -----------------------------------------
    OpDef {
        name: "tfl.round",
        summary: "Element-wise rounding to the nearest integer, halves to even.",
        operands: &[one("x", &[F32])],
        results: &[one("y", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("ROUND", None, v::v1, v::ROUND),
    },
    // ---- tfl.rsqrt · element-wise unary -----------------------------------------
    OpDef {
        name: "tfl.rsqrt",
        summary: "Element-wise 1 / sqrt(x).",
        operands: &[one("x", &[F32, QI8, QI16])],
        results: &[one("y", &[F32, QI8, QI16])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("RSQRT", None, v::int16_is_3_int8_is_2, v::RSQRT),
    },
    // ---- tfl.scatter_nd · indexing ----------------------------------------------
    OpDef {
        name: "tfl.scatter_nd",
        summary: "A zero tensor of `shape` with `updates` added at the index vectors in the last dim of `indices` (duplicates sum).",
        operands: &[one("indices", INT32), one("updates", &[F32, I8, U8, I32, I64]), one("shape", INT32)],
        results: &[one("output", &[F32, I8, U8, I32, I64])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::scatter_nd),
        infer: None,
        tflite: tflite("SCATTER_ND", options("ScatterNdOptions", &[]), v::v1, v::SCATTER_ND),
    },
    // ---- tfl.select_v2 · selection ----------------------------------------------
    OpDef {
        name: "tfl.select_v2",
        summary: "Element-wise condition ? x : y with broadcasting of all three.",
        operands: &[one("condition", BOOL), one("x", DATA), one("y", DATA)],
        results: &[one("output", DATA)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::select_v2),
        infer: Some(tfl::infer_select_v2),
        tflite: tflite("SELECT_V2", options("SelectV2Options", &[]), v::select_v2, v::SELECT_V2),
    },
    // ---- tfl.sign · element-wise unary ------------------------------------------
    OpDef {
        name: "tfl.sign",
        summary: "Element-wise sign: -1, 0 or 1.",
        operands: &[one("x", &[F32, I32])],
        results: &[one("y", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("SIGN", None, v::sign, v::SIGN),
    },
    // ---- tfl.sin · element-wise unary -------------------------------------------
    OpDef {
        name: "tfl.sin",
        summary: "Element-wise sine.",
        operands: &[one("x", &[F32])],
        results: &[one("y", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("SIN", None, v::v1, v::SIN),
    },
    // ---- tfl.slice · indexing ---------------------------------------------------
    OpDef {
        name: "tfl.slice",
        summary: "The block of `size` (-1: to the end) starting at `begin`.",
        operands: &[one("input", DATA), one("begin", INDEX), one("size", INDEX)],
        results: &[one("output", DATA)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::slice),
        infer: Some(tfl::infer_slice),
        tflite: tflite("SLICE", None, v::slice, v::SLICE),
    },
    // ---- tfl.softmax · normalization --------------------------------------------
    OpDef {
        name: "tfl.softmax",
        summary: "exp(beta * x) / sum(exp(beta * x)) over the last dim.",
        operands: &[one("input", ACT)],
        results: &[one("output", ACT)],
        attrs: &[req("beta", K::Float)],
        regions: 0,
        verify: Some(tfl::softmax),
        infer: Some(infer_same_as_first),
        tflite: tflite(
            "SOFTMAX",
            options("SoftmaxOptions", &[field("beta", 0, F::Float)]),
            v::int16_is_3_int8_is_2,
            v::SOFTMAX,
        ),
    },
    // ---- tfl.split · shape ------------------------------------------------------
    OpDef {
        name: "tfl.split",
        summary: "Splits `value` into `num_splits` equal parts along the scalar axis `split_dim`.",
        operands: &[one("split_dim", INT32), one("value", &[F32, I8, I16, I32, U8, QI8, QU8, QI16])],
        results: &[var("outputs", &[F32, I8, I16, I32, U8, QI8, QU8, QI16])],
        attrs: &[req("num_splits", K::Int)],
        regions: 0,
        verify: Some(tfl::split),
        infer: Some(tfl::infer_split),
        tflite: tflite("SPLIT", options("SplitOptions", &[field("num_splits", 0, F::Int)]), v::split, v::SPLIT),
    },
    // ---- tfl.sqrt · element-wise unary ------------------------------------------
    OpDef {
        name: "tfl.sqrt",
        summary: "Element-wise square root.",
        operands: &[one("x", &[F32])],
        results: &[one("y", &[F32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("SQRT", None, v::int8_or_int16_is_2, v::SQRT),
    },
    // ---- tfl.squared_difference · element-wise binary ---------------------------
    OpDef {
        name: "tfl.squared_difference",
        summary: "Element-wise (lhs - rhs)^2 with broadcasting.",
        operands: &[one("lhs", &[F32, I32, QI8]), one("rhs", &[F32, I32, QI8])],
        results: &[one("output", &[F32, I32, QI8])],
        attrs: &[],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("SQUARED_DIFFERENCE", None, v::int8_is_2, v::SQUARED_DIFFERENCE),
    },
    // ---- tfl.squeeze · shape ----------------------------------------------------
    OpDef {
        name: "tfl.squeeze",
        summary: "Removes the size-1 dims listed in `squeeze_dims` (all size-1 dims when empty).",
        operands: &[one("input", ANY)],
        results: &[one("output", ANY)],
        attrs: &[optional("squeeze_dims", K::Ints)],
        regions: 0,
        verify: Some(tfl::squeeze),
        infer: Some(tfl::infer_squeeze),
        tflite: tflite(
            "SQUEEZE",
            options("SqueezeOptions", &[field("squeeze_dims", 0, F::IntVector)]),
            v::v1,
            v::SQUEEZE,
        ),
    },
    // ---- tfl.stablehlo_and · element-wise binary --------------------------------
    OpDef {
        // TFLite's STABLEHLO_AND builtin; TensorFlow's converter reads it as
        // `vhlo.and_v1`, and the TFL dialect has no name for it.
        name: "tfl.stablehlo_and",
        summary: "Element-wise bitwise and (logical and on bools) of two tensors of one shape, no broadcasting.",
        operands: &[one("lhs", &[Bool, I8, U8, I16, I32, I64]), one("rhs", &[Bool, I8, U8, I16, I32, I64])],
        results: &[one("output", &[Bool, I8, U8, I16, I32, I64])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::same_shape_binary),
        infer: Some(infer_same_as_first),
        tflite: tflite("STABLEHLO_AND", None, v::v1, v::STABLEHLO_AND),
    },
    // ---- tfl.strided_slice · indexing -------------------------------------------
    OpDef {
        name: "tfl.strided_slice",
        summary: "TensorFlow strided slice: begin/end/strides with begin, end, ellipsis, new-axis and shrink masks.",
        operands: &[one("input", DATA), one("begin", INT32), one("end", INT32), one("strides", INT32)],
        results: &[one("output", DATA)],
        attrs: &[
            req("begin_mask", K::Int),
            req("ellipsis_mask", K::Int),
            req("end_mask", K::Int),
            req("new_axis_mask", K::Int),
            req("offset", K::Bool),
            req("shrink_axis_mask", K::Int),
        ],
        regions: 0,
        verify: Some(tfl::strided_slice),
        infer: Some(tfl::infer_strided_slice),
        tflite: tflite(
            "STRIDED_SLICE",
            options(
                "StridedSliceOptions",
                &[
                    field("begin_mask", 0, F::Int),
                    field("end_mask", 1, F::Int),
                    field("ellipsis_mask", 2, F::Int),
                    field("new_axis_mask", 3, F::Int),
                    field("shrink_axis_mask", 4, F::Int),
                    field("offset", 5, F::Bool),
                ],
            ),
            v::strided_slice,
            v::STRIDED_SLICE,
        ),
    },
    // ---- tfl.sub · element-wise binary ------------------------------------------
    OpDef {
        name: "tfl.sub",
        summary: "Element-wise subtraction with broadcasting and a fused activation.",
        operands: &[one("lhs", &[F32, I32, I64, QI8, QU8, QI16]), one("rhs", &[F32, I32, I64, QI8, QU8, QI16])],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: &[req("fused_activation_function", FUSED_ACTIVATION)],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: tflite("SUB", options("SubOptions", FUSED_ONLY), v::sub, v::SUB),
    },
    // ---- tfl.sum · reduction ----------------------------------------------------
    OpDef {
        name: "tfl.sum",
        summary: "Sum over the dims in `axes`, keeping them as size 1 with `keep_dims`.",
        operands: &[one("input", &[F32, I32, I64, QI8, QU8, QI16]), one("axes", INT32)],
        results: &[one("output", &[F32, I32, I64, QI8, QU8, QI16])],
        attrs: KEEP_DIMS,
        regions: 0,
        verify: Some(tfl::reduction),
        infer: Some(tfl::infer_reduction),
        tflite: tflite("SUM", options("ReducerOptions", REDUCER_FIELDS), v::int8_is_2, v::SUM),
    },
    // ---- tfl.tanh · activation --------------------------------------------------
    OpDef {
        name: "tfl.tanh",
        summary: "Element-wise hyperbolic tangent.",
        operands: &[one("input", ACT)],
        results: &[one("output", ACT)],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unary),
        infer: Some(infer_same_as_first),
        tflite: tflite("TANH", None, v::int16x16_is_3_int8_is_2, v::TANH),
    },
    // ---- tfl.topk_v2 · sorting --------------------------------------------------
    OpDef {
        name: "tfl.topk_v2",
        summary: "The `k` largest values along the last dim, sorted descending, and their indices.",
        operands: &[one("input", &[F32, I8, I32, I64, U8, QI8, QU8]), one("k", INT32)],
        results: &[one("values", &[F32, I8, I32, I64, U8, QI8, QU8]), one("indices", INT32)],
        attrs: &[],
        regions: 0,
        verify: None,
        infer: None,
        tflite: tflite("TOPK_V2", options("TopKV2Options", &[]), v::topk_v2, v::TOPK_V2),
    },
    // ---- tfl.transpose · shape --------------------------------------------------
    OpDef {
        name: "tfl.transpose",
        summary: "Permutes the input's dims: output dim i is input dim perm[i].",
        operands: &[one("input", &[F32, F16, Bool, AnyInt, AnyQuant]), one("perm", INT32)],
        results: &[one("output", &[F32, F16, Bool, AnyInt, AnyQuant])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::transpose),
        infer: Some(tfl::infer_transpose),
        tflite: tflite("TRANSPOSE", None, v::transpose, v::TRANSPOSE),
    },
    // ---- tfl.transpose_conv · convolution ---------------------------------------
    OpDef {
        name: "tfl.transpose_conv",
        summary: "Transposed 2-D convolution to `output_shape`: weights OHWI, input NHWC, bias [O].",
        operands: &[one("output_shape", INT32), one("weights", WEIGHTS), one("input", ACT), opt("bias", BIAS)],
        results: &[one("output", ACT)],
        attrs: &[
            req("fused_activation_function", FUSED_ACTIVATION),
            req("padding", PADDING),
            req("stride_h", K::Int),
            req("stride_w", K::Int),
        ],
        regions: 0,
        verify: Some(tfl::transpose_conv),
        infer: Some(tfl::infer_transpose_conv),
        tflite: tflite(
            "TRANSPOSE_CONV",
            options(
                "TransposeConvOptions",
                &[
                    field("padding", 0, F::Enum("Padding")),
                    field("stride_w", 1, F::Int),
                    field("stride_h", 2, F::Int),
                    fused_activation_field(3),
                ],
            ),
            v::transpose_conv,
            v::TRANSPOSE_CONV,
        ),
    },
    // ---- tfl.unpack · shape -----------------------------------------------------
    OpDef {
        name: "tfl.unpack",
        summary: "Splits the input along `axis` into `num` values without that dim.",
        operands: &[one("input", DATA)],
        results: &[var("outputs", DATA)],
        attrs: &[req("axis", K::Int), req("num", K::Int)],
        regions: 0,
        verify: Some(tfl::unpack),
        infer: Some(tfl::infer_unpack),
        tflite: tflite(
            "UNPACK",
            options("UnpackOptions", &[field("num", 0, F::Int), field("axis", 1, F::Int)]),
            v::unpack,
            v::UNPACK,
        ),
    },
    // ---- tfl.unsorted_segment_max · reduction ---------------------------------
    OpDef {
        name: "tfl.unsorted_segment_max",
        summary: "Per segment id, the largest of the input rows with that id (rows: the leading dims of `segment_ids`' rank); an empty segment is the type's lowest value.",
        operands: &[one("input", &[F32, I32]), one("segment_ids", INT32), one("num_segments", INT32)],
        results: &[one("output", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unsorted_segment),
        infer: Some(tfl::infer_unsorted_segment),
        tflite: tflite("UNSORTED_SEGMENT_MAX", options("UnsortedSegmentMaxOptions", &[]), v::v1, v::UNSORTED_SEGMENT_MAX),
    },
    // ---- tfl.unsorted_segment_min · reduction ---------------------------------
    OpDef {
        name: "tfl.unsorted_segment_min",
        summary: "Per segment id, the smallest of the input rows with that id; an empty segment is the type's largest value.",
        operands: &[one("input", &[F32, I32]), one("segment_ids", INT32), one("num_segments", INT32)],
        results: &[one("output", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unsorted_segment),
        infer: Some(tfl::infer_unsorted_segment),
        tflite: tflite("UNSORTED_SEGMENT_MIN", options("UnsortedSegmentMinOptions", &[]), v::v1, v::UNSORTED_SEGMENT_MIN),
    },
    // ---- tfl.unsorted_segment_prod · reduction ---------------------------------
    OpDef {
        name: "tfl.unsorted_segment_prod",
        summary: "Per segment id, the product of the input rows with that id; an empty segment is 1.",
        operands: &[one("input", &[F32, I32]), one("segment_ids", INT32), one("num_segments", INT32)],
        results: &[one("output", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unsorted_segment),
        infer: Some(tfl::infer_unsorted_segment),
        tflite: tflite("UNSORTED_SEGMENT_PROD", options("UnsortedSegmentProdOptions", &[]), v::v1, v::UNSORTED_SEGMENT_PROD),
    },
    // ---- tfl.unsorted_segment_sum · reduction ---------------------------------
    OpDef {
        name: "tfl.unsorted_segment_sum",
        summary: "Per segment id, the sum of the input rows with that id; an empty segment is 0.",
        operands: &[one("input", &[F32, I32]), one("segment_ids", INT32), one("num_segments", INT32)],
        results: &[one("output", &[F32, I32])],
        attrs: &[],
        regions: 0,
        verify: Some(tfl::unsorted_segment),
        infer: Some(tfl::infer_unsorted_segment),
        tflite: tflite("UNSORTED_SEGMENT_SUM", options("UnsortedSegmentSumOptions", &[]), v::v1, v::UNSORTED_SEGMENT_SUM),
    },
];

//! The table of StableHLO ops: every op of the spec (openxla/stablehlo `docs/spec.md`)
//! plus the ops StableHLO's ODS still defines outside it (`broadcast`, `dot`,
//! `create_token`, `cross-replica-sum`, `einsum`, `unary_einsum`,
//! `real_dynamic_slice`, `set_dimension_size`, `torch_index_select`, `return`).
//! Operand, result and attribute names are the spec's, attribute kinds and
//! presence follow the ODS (`stablehlo/dialect/StablehloOps.td`), which is what
//! generic-form IR from stablehlo-opt, torch-mlir and JAX carries.
//!
//! Entries are defined below grouped by kind of op, one banner per group; `OPS` lists
//! them sorted by name for lookup. Ops whose constraints the catalog cannot see
//! (region signatures, tuple and future types, process grids) get kind and count
//! checks only, and say so. `traits` holds the facts passes query (`catalog::Trait`):
//! here, how `stablehlo-widen-f16` treats each op computed in f32 on f16 values.

use super::rules as r;
use crate::catalog::{elems::*, AttrKind::*, Elem, *};
use Trait::{ConstantLike, F16ByBody, F16Exact, F16InBody, F16Rounds};
use crate::rules::{infer_same_as_first, infer_same_shape};

// Element classes `catalog::Elem` cannot express (complex numbers, f8/f6/f4 floats,
// `index`, tokens, tuples). These slots accept any element type; the op's rule checks
// the class of the same name in `stablehlo::rules` (`r::FP_Q`...).
/// Any tensor element type of the spec (HLO_Tensor): bool, int, float, complex, quant.
const TENSOR: &[Elem] = ANY;
/// Floating-point or per-tensor quantized.
const FP_Q: &[Elem] = ANY;
const FP: &[Elem] = ANY;
const FP_COMPLEX: &[Elem] = ANY;
const FP_COMPLEX_Q: &[Elem] = ANY;
const INT_FP_COMPLEX_Q: &[Elem] = ANY;
const SINT_FP_COMPLEX_Q: &[Elem] = ANY;
const PRED_INT_FP: &[Elem] = ANY;
const INT_FP: &[Elem] = ANY;
const NON_QUANT: &[Elem] = ANY;
/// 1-D shape tensors: integer or `index` elements.
const INT_OR_INDEX: &[Elem] = ANY;
const COMPLEX: &[Elem] = ANY;
/// `!stablehlo.token`, tuples, futures: not tensors.
const TOKEN: &[Elem] = ANY;
// Classes `Elem` expresses.
const PRED_INT: &[Elem] = &[Elem::Bool, Elem::AnyInt];
const QUANT: &[Elem] = &[Elem::AnyQuant];
const F32_F64: &[Elem] = &[Elem::F32, Elem::F64];

/// `#stablehlo.result_accuracy<...>` of the transcendental ops (default DEFAULT).
const RESULT_ACCURACY: AttrDef = optional("result_accuracy", Dialect("stablehlo.result_accuracy"));

/// An element-wise unary op: `operand` (class `$in`) -> `result` (class `$out`) of the
/// same shape; `traits = [...]` after the attributes lists its traits.
macro_rules! unary {
    ($name:literal, $summary:literal, $in:expr, $out:expr, $verify:expr, $infer:expr $(, $attr:expr)*
        $(; traits = [$($trait:expr),*])?) => {
        OpDef {
            name: $name,
            summary: $summary,
            operands: &[one("operand", $in)],
            results: &[one("result", $out)],
            attrs: &[$($attr),*],
            traits: &[$($($trait),*)?],
            regions: 0,
            verify: Some($verify),
            infer: Some($infer),
            tflite: None,
        }
    };
}

/// An element-wise binary op: `lhs`, `rhs` and `result` of one shape (no broadcasting);
/// `traits = [...]` lists its traits.
macro_rules! binary {
    ($name:literal, $summary:literal, $elems:expr, $verify:expr $(; traits = [$($trait:expr),*])?) => {
        OpDef {
            name: $name,
            summary: $summary,
            operands: &[one("lhs", $elems), one("rhs", $elems)],
            results: &[one("result", $elems)],
            attrs: &[],
            traits: &[$($($trait),*)?],
            regions: 0,
            verify: Some($verify),
            infer: Some(infer_same_as_first),
            tflite: None,
        }
    };
}

// =================================================================================
// Element-wise unary ops (spec: baseline_type(operand) = baseline_type(result)).

const ABS: OpDef = unary!(
    "stablehlo.abs",
    "Element-wise absolute value (spec: abs); complex operands give their component type (abs_c2).",
    SINT_FP_COMPLEX_Q,
    SINT_FP_COMPLEX_Q,
    r::abs,
    r::infer_component; traits = [F16Exact]
);
const CBRT: OpDef = unary!(
    "stablehlo.cbrt",
    "Element-wise cubic root (spec: cbrt).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const CEIL: OpDef =
    unary!("stablehlo.ceil", "Element-wise ceil (spec: ceil).", FP_Q, FP_Q, r::unary_fp_q, infer_same_as_first;
        traits = [F16Exact]);
const COUNT_LEADING_ZEROS: OpDef = unary!(
    "stablehlo.count_leading_zeros",
    "Element-wise count of leading zero bits (spec: count_leading_zeros).",
    INT,
    INT,
    r::unary_int,
    infer_same_as_first
);
const COSINE: OpDef = unary!(
    "stablehlo.cosine",
    "Element-wise cosine (spec: cosine).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const EXPONENTIAL: OpDef = unary!(
    "stablehlo.exponential",
    "Element-wise exponential (spec: exponential).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const EXPONENTIAL_MINUS_ONE: OpDef = unary!(
    "stablehlo.exponential_minus_one",
    "Element-wise exp(x) - 1 (spec: exponential_minus_one).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const FLOOR: OpDef =
    unary!("stablehlo.floor", "Element-wise floor (spec: floor).", FP_Q, FP_Q, r::unary_fp_q, infer_same_as_first;
        traits = [F16Exact]);
const IS_FINITE: OpDef = OpDef {
    name: "stablehlo.is_finite",
    summary: "Element-wise check that x is finite (spec: is_finite); y is i1 of x's shape (is_finite_c1).",
    operands: &[one("x", FP_Q)],
    results: &[one("y", BOOL)],
    attrs: &[],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::is_finite),
    infer: Some(r::infer_bool_like_first),
    tflite: None,
};
const LOG: OpDef = unary!(
    "stablehlo.log",
    "Element-wise natural logarithm (spec: log).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const LOG_PLUS_ONE: OpDef = unary!(
    "stablehlo.log_plus_one",
    "Element-wise log(1 + x) (spec: log_plus_one).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const LOGISTIC: OpDef = unary!(
    "stablehlo.logistic",
    "Element-wise logistic sigmoid (spec: logistic).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const NEGATE: OpDef = unary!(
    "stablehlo.negate",
    "Element-wise negation (spec: negate).",
    INT_FP_COMPLEX_Q,
    INT_FP_COMPLEX_Q,
    r::unary_int_fp_complex_q,
    infer_same_as_first; traits = [F16Exact]
);
const NOT: OpDef = unary!(
    "stablehlo.not",
    "Element-wise logical/bitwise NOT (spec: not); not_c1: same type.",
    PRED_INT,
    PRED_INT,
    r::unary_pred_int,
    infer_same_as_first; traits = [F16InBody]
);
const POPCNT: OpDef = unary!(
    "stablehlo.popcnt",
    "Element-wise count of set bits (spec: popcnt); popcnt_c1: same type.",
    INT,
    INT,
    r::unary_int,
    infer_same_as_first
);
const ROUND_NEAREST_AFZ: OpDef = unary!(
    "stablehlo.round_nearest_afz",
    "Element-wise rounding, ties away from zero (spec: round_nearest_afz).",
    FP_Q,
    FP_Q,
    r::unary_fp_q,
    infer_same_as_first; traits = [F16Exact]
);
const ROUND_NEAREST_EVEN: OpDef = unary!(
    "stablehlo.round_nearest_even",
    "Element-wise rounding, ties to even (spec: round_nearest_even).",
    FP_Q,
    FP_Q,
    r::unary_fp_q,
    infer_same_as_first; traits = [F16Exact]
);
const RSQRT: OpDef = unary!(
    "stablehlo.rsqrt",
    "Element-wise reciprocal square root (spec: rsqrt).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const SIGN: OpDef = unary!(
    "stablehlo.sign",
    "Element-wise sign (spec: sign).",
    SINT_FP_COMPLEX_Q,
    SINT_FP_COMPLEX_Q,
    r::unary_sint_fp_complex_q,
    infer_same_as_first; traits = [F16Exact]
);
const SINE: OpDef = unary!(
    "stablehlo.sine",
    "Element-wise sine (spec: sine).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const SQRT: OpDef = unary!(
    "stablehlo.sqrt",
    "Element-wise square root (spec: sqrt).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const TAN: OpDef = unary!(
    "stablehlo.tan",
    "Element-wise tangent (spec: tan).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);
const TANH: OpDef = unary!(
    "stablehlo.tanh",
    "Element-wise hyperbolic tangent (spec: tanh).",
    FP_COMPLEX_Q,
    FP_COMPLEX_Q,
    r::unary_fp_complex_q,
    infer_same_as_first,
    RESULT_ACCURACY; traits = [F16Rounds]
);

// =================================================================================
// Element-wise binary ops (spec: baseline_type(lhs) = baseline_type(rhs) =
// baseline_type(result); shapes equal, no implicit broadcasting).

const ADD: OpDef = binary!(
    "stablehlo.add",
    "Element-wise addition (spec: add); add_c1: one type (quantized: add_c2..c7).",
    TENSOR,
    r::binary_tensor; traits = [F16Rounds, F16InBody]
);
const AND: OpDef = binary!(
    "stablehlo.and",
    "Element-wise logical/bitwise AND (spec: and); and_c1: one type.",
    PRED_INT,
    r::binary_pred_int; traits = [F16InBody]
);
const ATAN2: OpDef =
    binary!("stablehlo.atan2", "Element-wise atan2(lhs, rhs) (spec: atan2).", FP_COMPLEX_Q, r::binary_fp_complex_q;
        traits = [F16Rounds]);
const DIVIDE: OpDef =
    binary!("stablehlo.divide", "Element-wise division (spec: divide).", INT_FP_COMPLEX_Q, r::binary_int_fp_complex_q;
        traits = [F16Rounds]);
const MAXIMUM: OpDef = binary!("stablehlo.maximum", "Element-wise maximum (spec: maximum).", TENSOR, r::binary_tensor;
    traits = [F16Exact, F16InBody]);
const MINIMUM: OpDef = binary!("stablehlo.minimum", "Element-wise minimum (spec: minimum).", TENSOR, r::binary_tensor;
    traits = [F16Exact, F16InBody]);
const MULTIPLY: OpDef =
    binary!("stablehlo.multiply", "Element-wise product (spec: multiply).", TENSOR, r::binary_tensor;
        traits = [F16Rounds, F16InBody]);
const OR: OpDef = binary!(
    "stablehlo.or",
    "Element-wise logical/bitwise OR (spec: or); or_c1: one type.",
    PRED_INT,
    r::binary_pred_int; traits = [F16InBody]
);
const POWER: OpDef = binary!(
    "stablehlo.power",
    "Element-wise exponentiation (spec: power).",
    INT_FP_COMPLEX_Q,
    r::binary_int_fp_complex_q; traits = [F16Rounds]
);
const REMAINDER: OpDef = binary!(
    "stablehlo.remainder",
    "Element-wise remainder with the dividend's sign (spec: remainder).",
    INT_FP_COMPLEX_Q,
    r::binary_int_fp_complex_q; traits = [F16Exact]
);
const SHIFT_LEFT: OpDef =
    binary!("stablehlo.shift_left", "Element-wise left shift (spec: shift_left).", INT, r::binary_int);
const SHIFT_RIGHT_ARITHMETIC: OpDef = binary!(
    "stablehlo.shift_right_arithmetic",
    "Element-wise arithmetic right shift (spec: shift_right_arithmetic).",
    INT,
    r::binary_int
);
const SHIFT_RIGHT_LOGICAL: OpDef = binary!(
    "stablehlo.shift_right_logical",
    "Element-wise logical right shift (spec: shift_right_logical).",
    INT,
    r::binary_int
);
const SUBTRACT: OpDef = binary!(
    "stablehlo.subtract",
    "Element-wise subtraction (spec: subtract).",
    INT_FP_COMPLEX_Q,
    r::binary_int_fp_complex_q; traits = [F16Rounds]
);
const XOR: OpDef = binary!(
    "stablehlo.xor",
    "Element-wise logical/bitwise XOR (spec: xor); xor_c1: one type.",
    PRED_INT,
    r::binary_pred_int
);

// =================================================================================
// Selection and comparison.

const CLAMP: OpDef = OpDef {
    name: "stablehlo.clamp",
    summary: "Element-wise min(max(operand, min), max) (spec: clamp); min/max scalars or of the operand's shape (clamp_c1, c2).",
    operands: &[one("min", TENSOR), one("operand", TENSOR), one("max", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::clamp),
    infer: Some(r::infer_operand1_type),
    tflite: None,
};
const COMPARE: OpDef = OpDef {
    name: "stablehlo.compare",
    summary: "Element-wise comparison by comparison_direction (spec: compare); i1 result of the operands' shape (compare_c2).",
    operands: &[one("lhs", TENSOR), one("rhs", TENSOR)],
    results: &[one("result", BOOL)],
    attrs: &[
        req("comparison_direction", Dialect("stablehlo.comparison_direction")),
        optional("compare_type", Dialect("stablehlo.comparison_type")),
    ],
    traits: &[F16Exact, F16InBody],
    regions: 0,
    verify: Some(r::compare),
    infer: Some(r::infer_bool_like_first),
    tflite: None,
};
const SELECT: OpDef = OpDef {
    name: "stablehlo.select",
    summary: "Element-wise pred ? on_true : on_false (spec: select); pred scalar or of on_true's shape (select_c1).",
    operands: &[one("pred", BOOL), one("on_true", TENSOR), one("on_false", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[F16Exact, F16InBody],
    regions: 0,
    verify: Some(r::select),
    infer: Some(r::infer_operand1_type),
    tflite: None,
};

// =================================================================================
// Conversions, complex parts and quantization.

const BITCAST_CONVERT: OpDef = OpDef {
    name: "stablehlo.bitcast_convert",
    summary: "Reinterprets the bits of operand as the result type (spec: bitcast_convert); shapes follow the bit widths (bitcast_convert_c1).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::bitcast_convert),
    infer: None,
    tflite: None,
};
const COMPLEX_OP: OpDef = OpDef {
    name: "stablehlo.complex",
    summary: "Element-wise complex(lhs, rhs) from real and imaginary parts (spec: complex; complex_c1..c3).",
    operands: &[one("lhs", F32_F64), one("rhs", F32_F64)],
    results: &[one("result", COMPLEX)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::complex),
    infer: Some(r::infer_complex),
    tflite: None,
};
const CONVERT: OpDef = OpDef {
    name: "stablehlo.convert",
    summary: "Element-wise conversion to the result's element type (spec: convert); convert_c1: same shape.",
    operands: &[one("operand", NON_QUANT)],
    results: &[one("result", NON_QUANT)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::convert),
    infer: Some(infer_same_shape),
    tflite: None,
};
const IMAG: OpDef = unary!(
    "stablehlo.imag",
    "Element-wise imaginary part (spec: imag; imag_c1, c2).",
    FP_COMPLEX,
    FP,
    r::real_imag,
    r::infer_component
);
const REAL: OpDef = unary!(
    "stablehlo.real",
    "Element-wise real part (spec: real; real_c1, c2).",
    FP_COMPLEX,
    FP,
    r::real_imag,
    r::infer_component
);
const REDUCE_PRECISION: OpDef = OpDef {
    name: "stablehlo.reduce_precision",
    summary: "Element-wise rounding to exponent_bits/mantissa_bits (spec: reduce_precision; c1..c3).",
    operands: &[one("operand", FP_Q)],
    results: &[one("output", FP_Q)],
    attrs: &[req("exponent_bits", Int), req("mantissa_bits", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::reduce_precision),
    infer: Some(infer_same_as_first),
    tflite: None,
};
const UNIFORM_DEQUANTIZE: OpDef = OpDef {
    name: "stablehlo.uniform_dequantize",
    summary: "Element-wise dequantization to the expressed type (spec: uniform_dequantize; c1, c2).",
    operands: &[one("operand", QUANT)],
    results: &[one("result", FP)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: None,
    infer: Some(r::infer_uniform_dequantize),
    tflite: None,
};
const UNIFORM_QUANTIZE: OpDef = OpDef {
    name: "stablehlo.uniform_quantize",
    summary: "Element-wise (re)quantization to the result's quantized type (spec: uniform_quantize; c1, c2).",
    operands: &[one("operand", FP_Q)],
    results: &[one("result", QUANT)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::uniform_quantize),
    infer: Some(infer_same_shape),
    tflite: None,
};

// =================================================================================
// Constants and iotas.

const CONSTANT: OpDef = OpDef {
    name: "stablehlo.constant",
    summary:
        "A constant tensor (spec: constant); constant_c1: type(value) = type(output) (quantized: its storage type).",
    operands: &[],
    results: &[one("output", TENSOR)],
    attrs: &[req("value", Elements)],
    traits: &[ConstantLike],
    regions: 0,
    verify: Some(r::constant),
    infer: None,
    tflite: None,
};
const DYNAMIC_IOTA: OpDef = OpDef {
    name: "stablehlo.dynamic_iota",
    summary: "iota with the shape given by output_shape (spec: dynamic_iota; c1, c2).",
    operands: &[one("output_shape", INT_OR_INDEX)],
    results: &[one("result", INT_FP_COMPLEX_Q)],
    attrs: &[req("iota_dimension", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_iota),
    infer: None,
    tflite: None,
};
const IOTA: OpDef = OpDef {
    name: "stablehlo.iota",
    summary:
        "Values counting up from 0 along iota_dimension (spec: iota); iota_c1: 0 <= iota_dimension < rank(output).",
    operands: &[],
    results: &[one("output", INT_FP_COMPLEX_Q)],
    attrs: &[req("iota_dimension", Int)],
    traits: &[F16Rounds],
    regions: 0,
    verify: Some(r::iota),
    infer: None,
    tflite: None,
};

// =================================================================================
// Shape ops: broadcast, reshape, transpose, slice, concatenate, pad.

const BROADCAST: OpDef = OpDef {
    name: "stablehlo.broadcast",
    summary: "Legacy (not in the spec): prepends broadcast_sizes dimensions to the operand.",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("broadcast_sizes", Ints)],
    traits: &[],
    regions: 0,
    verify: None,
    infer: Some(r::infer_broadcast_sizes),
    tflite: None,
};
const BROADCAST_IN_DIM: OpDef = OpDef {
    name: "stablehlo.broadcast_in_dim",
    summary: "Expands operand to the result shape, operand dimension i going to broadcast_dimensions[i] (spec: broadcast_in_dim; c1..c5).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("broadcast_dimensions", Ints)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::broadcast_in_dim),
    infer: None,
    tflite: None,
};
const CONCATENATE: OpDef = OpDef {
    name: "stablehlo.concatenate",
    summary: "Joins inputs along dimension (spec: concatenate; c1..c6).",
    operands: &[var("inputs", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("dimension", Int)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::concatenate),
    infer: Some(r::infer_concatenate),
    tflite: None,
};
const DYNAMIC_BROADCAST_IN_DIM: OpDef = OpDef {
    name: "stablehlo.dynamic_broadcast_in_dim",
    summary: "broadcast_in_dim to the shape given by output_dimensions (spec: dynamic_broadcast_in_dim; c1..c10).",
    operands: &[one("operand", TENSOR), one("output_dimensions", INT_OR_INDEX)],
    results: &[one("result", TENSOR)],
    attrs: &[
        req("broadcast_dimensions", Ints),
        optional("known_expanding_dimensions", Ints),
        optional("known_nonexpanding_dimensions", Ints),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_broadcast_in_dim),
    infer: None,
    tflite: None,
};
const DYNAMIC_PAD: OpDef = OpDef {
    name: "stablehlo.dynamic_pad",
    summary:
        "pad with the amounts given as operands (spec: dynamic_pad; c1..c4, shapes when the amounts are constants).",
    operands: &[
        one("operand", TENSOR),
        one("padding_value", TENSOR),
        one("edge_padding_low", INT_OR_INDEX),
        one("edge_padding_high", INT_OR_INDEX),
        one("interior_padding", INT_OR_INDEX),
    ],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_pad),
    infer: Some(r::infer_dynamic_pad),
    tflite: None,
};
const DYNAMIC_RESHAPE: OpDef = OpDef {
    name: "stablehlo.dynamic_reshape",
    summary: "reshape to the shape given by output_shape (spec: dynamic_reshape; c1, c2, c4).",
    operands: &[one("operand", TENSOR), one("output_shape", INT_OR_INDEX)],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_reshape),
    infer: None,
    tflite: None,
};
const DYNAMIC_SLICE: OpDef = OpDef {
    name: "stablehlo.dynamic_slice",
    summary: "A slice_sizes slice at run-time start_indices (spec: dynamic_slice; c1..c5).",
    operands: &[one("operand", TENSOR), var("start_indices", INT)],
    results: &[one("result", TENSOR)],
    attrs: &[req("slice_sizes", Ints)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::dynamic_slice),
    infer: Some(r::infer_dynamic_slice),
    tflite: None,
};
const DYNAMIC_UPDATE_SLICE: OpDef = OpDef {
    name: "stablehlo.dynamic_update_slice",
    summary: "operand with update written at run-time start_indices (spec: dynamic_update_slice; c1..c6).",
    operands: &[one("operand", TENSOR), one("update", TENSOR), var("start_indices", INT)],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_update_slice),
    infer: Some(infer_same_as_first),
    tflite: None,
};
const GET_DIMENSION_SIZE: OpDef = OpDef {
    name: "stablehlo.get_dimension_size",
    summary: "The size of operand's dimension as tensor<i32> (spec: get_dimension_size; c1).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", I32_ONLY)],
    attrs: &[req("dimension", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::get_dimension_size),
    infer: Some(r::infer_scalar_i32),
    tflite: None,
};
const PAD: OpDef = OpDef {
    name: "stablehlo.pad",
    summary: "Pads operand at the edges and between elements with padding_value (spec: pad; c1..c4).",
    operands: &[one("operand", TENSOR), one("padding_value", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("edge_padding_low", Ints), req("edge_padding_high", Ints), req("interior_padding", Ints)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::pad),
    infer: Some(r::infer_pad),
    tflite: None,
};
const REAL_DYNAMIC_SLICE: OpDef = OpDef {
    name: "stablehlo.real_dynamic_slice",
    summary:
        "Not in the spec: slice with run-time start/limit/strides tensors (shape inferred when they are constants).",
    operands: &[
        one("operand", TENSOR),
        one("start_indices", INT_OR_INDEX),
        one("limit_indices", INT_OR_INDEX),
        one("strides", INT_OR_INDEX),
    ],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::real_dynamic_slice),
    infer: Some(r::infer_real_dynamic_slice),
    tflite: None,
};
const RESHAPE: OpDef = OpDef {
    name: "stablehlo.reshape",
    summary: "Same elements in the result's shape (spec: reshape); reshape_c2: element counts equal.",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::reshape),
    infer: None,
    tflite: None,
};
const REVERSE: OpDef = OpDef {
    name: "stablehlo.reverse",
    summary: "Reverses operand along dimensions (spec: reverse; c1..c3).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("dimensions", Ints)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::reverse),
    infer: Some(infer_same_as_first),
    tflite: None,
};
const SET_DIMENSION_SIZE: OpDef = OpDef {
    name: "stablehlo.set_dimension_size",
    summary: "Not in the spec: marks dimension's run-time size (bounded dynamism); kind and range checks only.",
    operands: &[one("operand", TENSOR), one("size", I32_ONLY)],
    results: &[one("result", TENSOR)],
    attrs: &[req("dimension", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::set_dimension_size),
    infer: None,
    tflite: None,
};
const SLICE: OpDef = OpDef {
    name: "stablehlo.slice",
    summary: "Static strided slice [start_indices, limit_indices) by strides (spec: slice; c1..c5).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("start_indices", Ints), req("limit_indices", Ints), req("strides", Ints)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::slice),
    infer: Some(r::infer_slice),
    tflite: None,
};
const TRANSPOSE: OpDef = OpDef {
    name: "stablehlo.transpose",
    summary: "Permutes operand's dimensions (spec: transpose; c2 permutation, c3 shape).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("permutation", Ints)],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::transpose),
    infer: Some(r::infer_transpose),
    tflite: None,
};

// =================================================================================
// Gather and scatter.

const DYNAMIC_GATHER: OpDef = OpDef {
    name: "stablehlo.dynamic_gather",
    summary: "gather with slice_sizes as an operand (spec: dynamic_gather; c1..c14, sizes when constant).",
    operands: &[one("operand", TENSOR), one("start_indices", INT), one("slice_sizes", INT_OR_INDEX)],
    results: &[one("result", TENSOR)],
    attrs: &[req("dimension_numbers", Dialect("stablehlo.gather")), optional("indices_are_sorted", Bool)],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_gather),
    infer: Some(r::infer_dynamic_gather),
    tflite: None,
};
const GATHER: OpDef = OpDef {
    name: "stablehlo.gather",
    summary: "Gathers slice_sizes slices at start_indices (spec: gather; c1..c23).",
    operands: &[one("operand", TENSOR), one("start_indices", INT)],
    results: &[one("result", TENSOR)],
    attrs: &[
        req("dimension_numbers", Dialect("stablehlo.gather")),
        req("slice_sizes", Ints),
        optional("indices_are_sorted", Bool),
    ],
    traits: &[F16Exact],
    regions: 0,
    verify: Some(r::gather),
    infer: Some(r::infer_gather),
    tflite: None,
};
const SCATTER: OpDef = OpDef {
    name: "stablehlo.scatter",
    summary: "Scatters updates into inputs at scatter_indices, combined by update_computation (spec: scatter; c1..c22, c24; region signature c23 unchecked).",
    // Operands are `inputs..., scatter_indices, updates...`: the verify step hands all of
    // them to the first variadic slot and `r::scatter` splits them (scatter_c5).
    operands: &[var("inputs", TENSOR), var("scatter_indices", INT_OR_INDEX), var("updates", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("scatter_dimension_numbers", Dialect("stablehlo.scatter")),
        optional("indices_are_sorted", Bool),
        optional("unique_indices", Bool),
    ],
    traits: &[F16ByBody],
    regions: 1,
    verify: Some(r::scatter),
    infer: Some(r::infer_scatter),
    tflite: None,
};
const TORCH_INDEX_SELECT: OpDef = OpDef {
    name: "stablehlo.torch_index_select",
    summary: "Not in the spec: torch.index_select along dim; kind checks only.",
    operands: &[one("operand", TENSOR), one("index", INT)],
    results: &[one("result", TENSOR)],
    attrs: &[req("dim", Int), req("batch_dims", Int)],
    traits: &[],
    regions: 0,
    verify: None,
    infer: None,
    tflite: None,
};

// =================================================================================
// Contractions: dot products and convolutions.

const CONVOLUTION: OpDef = OpDef {
    name: "stablehlo.convolution",
    summary: "Windowed dot products of lhs windows and rhs kernels (spec: convolution; c1..c27; output spatial sizes by c25).",
    operands: &[one("lhs", TENSOR), one("rhs", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[
        optional("window_strides", Ints),
        optional("padding", Ints),
        optional("lhs_dilation", Ints),
        optional("rhs_dilation", Ints),
        optional("window_reversal", Ints),
        req("dimension_numbers", Dialect("stablehlo.conv")),
        req("feature_group_count", Int),
        req("batch_group_count", Int),
        optional("precision_config", Any),
    ],
    traits: &[F16Rounds],
    regions: 0,
    verify: Some(r::convolution),
    infer: Some(r::infer_convolution),
    tflite: None,
};
const DOT: OpDef = OpDef {
    name: "stablehlo.dot",
    summary: "Legacy (not in the spec): vector/matrix product of rank-1/2 operands.",
    operands: &[one("lhs", TENSOR), one("rhs", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[optional("precision_config", Any)],
    traits: &[],
    regions: 0,
    verify: Some(r::dot),
    infer: Some(r::infer_dot),
    tflite: None,
};
const DOT_GENERAL: OpDef = OpDef {
    name: "stablehlo.dot_general",
    summary: "Batched contraction over dot_dimension_numbers (spec: dot_general; c1..c12, c15, c16, c21).",
    operands: &[one("lhs", TENSOR), one("rhs", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[
        req("dot_dimension_numbers", Dialect("stablehlo.dot")),
        optional("precision_config", Any),
        optional("algorithm", Dialect("stablehlo.dot_algorithm")),
    ],
    traits: &[F16Rounds],
    regions: 0,
    verify: Some(r::dot_general),
    infer: Some(r::infer_dot_general),
    tflite: None,
};
const DYNAMIC_CONV: OpDef = OpDef {
    name: "stablehlo.dynamic_conv",
    summary: "convolution with padding as an operand (spec: dynamic_conv; spatial sizes when padding is constant).",
    operands: &[one("lhs", TENSOR), one("rhs", TENSOR), one("padding", INT)],
    results: &[one("result", TENSOR)],
    attrs: &[
        optional("window_strides", Ints),
        optional("lhs_dilation", Ints),
        optional("rhs_dilation", Ints),
        optional("window_reversal", Ints),
        req("dimension_numbers", Dialect("stablehlo.conv")),
        req("feature_group_count", Int),
        req("batch_group_count", Int),
        optional("precision_config", Any),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::dynamic_conv),
    infer: Some(r::infer_dynamic_conv),
    tflite: None,
};
const EINSUM: OpDef = OpDef {
    name: "stablehlo.einsum",
    summary: "Not in the spec: einsum of two operands by einsum_config; kind checks only.",
    operands: &[one("lhs", TENSOR), one("rhs", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("einsum_config", Str)],
    traits: &[],
    regions: 0,
    verify: None,
    infer: None,
    tflite: None,
};
const UNARY_EINSUM: OpDef = OpDef {
    name: "stablehlo.unary_einsum",
    summary: "Not in the spec: einsum of one operand by einsum_config; kind checks only.",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("einsum_config", Str)],
    traits: &[],
    regions: 0,
    verify: None,
    infer: None,
    tflite: None,
};

// =================================================================================
// Reductions, windows and other ops with a computation region. The region's
// signature (reduce_c6, sort_c5, map_c4...) is not visible to the catalog.

const MAP: OpDef = OpDef {
    name: "stablehlo.map",
    summary: "Applies computation element-wise over inputs (spec: map; c1..c3).",
    operands: &[var("inputs", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("dimensions", Ints)],
    traits: &[],
    regions: 1,
    verify: Some(r::map),
    infer: Some(r::infer_shape_of_first),
    tflite: None,
};
const REDUCE: OpDef = OpDef {
    name: "stablehlo.reduce",
    summary: "Reduces inputs over dimensions with body from init_values (spec: reduce; c1..c5, c7 drops dimensions).",
    // `inputs..., init_values...`: the first variadic slot receives all, `r::reduce`
    // splits them in half (reduce_c3).
    operands: &[var("inputs", TENSOR), var("init_values", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[req("dimensions", Ints)],
    traits: &[F16ByBody],
    regions: 1,
    verify: Some(r::reduce),
    infer: Some(r::infer_reduce),
    tflite: None,
};
const REDUCE_WINDOW: OpDef = OpDef {
    name: "stablehlo.reduce_window",
    summary: "Reduces windows of inputs with body (spec: reduce_window; c1..c12, c15 window counts).",
    operands: &[var("inputs", TENSOR), var("init_values", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("window_dimensions", Ints),
        optional("window_strides", Ints),
        optional("base_dilations", Ints),
        optional("window_dilations", Ints),
        optional("padding", Ints),
    ],
    traits: &[F16ByBody],
    regions: 1,
    verify: Some(r::reduce_window),
    infer: Some(r::infer_reduce_window),
    tflite: None,
};
const SELECT_AND_SCATTER: OpDef = OpDef {
    name: "stablehlo.select_and_scatter",
    summary: "Scatters source at the window elements chosen by select, combined by scatter (spec: select_and_scatter; c1..c8, c11).",
    operands: &[one("operand", TENSOR), one("source", TENSOR), one("init_value", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[optional("window_dimensions", Ints), optional("window_strides", Ints), optional("padding", Ints)],
    traits: &[],
    regions: 2,
    verify: Some(r::select_and_scatter),
    infer: Some(r::infer_shape_of_first),
    tflite: None,
};
const SORT: OpDef = OpDef {
    name: "stablehlo.sort",
    summary: "Sorts inputs together along dimension by comparator (spec: sort; c1..c4).",
    operands: &[var("inputs", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[optional("dimension", Int), optional("is_stable", Bool)],
    traits: &[F16ByBody],
    regions: 1,
    verify: Some(r::sort),
    infer: Some(r::infer_operand_types),
    tflite: None,
};

// =================================================================================
// Control flow and structure. Branch and body signatures (if_c1..c3, case_c1..c4,
// while_c1, c2) live in regions the catalog does not see.

const CASE: OpDef = OpDef {
    name: "stablehlo.case",
    summary: "Runs branches[index] (spec: case); branch signatures unchecked. The spec allows any number of branches, the catalog's fixed region count takes 2.",
    operands: &[one("index", I32_ONLY)],
    results: &[var("results", ANY)],
    attrs: &[],
    traits: &[],
    regions: 2,
    verify: Some(r::scalar_first_operand),
    infer: None,
    tflite: None,
};
const COMPOSITE: OpDef = OpDef {
    name: "stablehlo.composite",
    summary: "A named op with its decomposition function (spec: composite; c1 namespaced name; c2..c4 need the symbol table).",
    operands: &[var("inputs", ANY)],
    results: &[var("results", ANY)],
    attrs: &[
        req("name", Str),
        optional("composite_attributes", Any),
        req("decomposition", Any),
        optional("version", Int),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::composite),
    infer: None,
    tflite: None,
};
const CUSTOM_CALL: OpDef = OpDef {
    name: "stablehlo.custom_call",
    summary: "Calls the implementation-defined call_target_name (spec: custom_call); attribute consistency as the reference verifier.",
    operands: &[var("inputs", ANY)],
    results: &[var("results", ANY)],
    attrs: &[
        req("call_target_name", Str),
        optional("has_side_effect", Bool),
        optional("backend_config", Any),
        optional("api_version", Int),
        optional("called_computations", Any),
        optional("operand_layouts", Any),
        optional("result_layouts", Any),
        optional("output_operand_aliases", Any),
        optional("result_tilings", Any),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::custom_call),
    infer: None,
    tflite: None,
};
const GET_TUPLE_ELEMENT: OpDef = OpDef {
    name: "stablehlo.get_tuple_element",
    summary: "Element index of a tuple (spec: get_tuple_element; c1; the element type c2 is not compared).",
    operands: &[one("operand", TOKEN)],
    results: &[one("result", ANY)],
    attrs: &[req("index", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::get_tuple_element),
    infer: None,
    tflite: None,
};
const IF: OpDef = OpDef {
    name: "stablehlo.if",
    summary: "Runs true_branch or false_branch on a scalar pred (spec: if); branch signatures unchecked.",
    operands: &[one("pred", BOOL)],
    results: &[var("results", ANY)],
    attrs: &[],
    traits: &[],
    regions: 2,
    verify: Some(r::scalar_first_operand),
    infer: None,
    tflite: None,
};
const OPTIMIZATION_BARRIER: OpDef = OpDef {
    name: "stablehlo.optimization_barrier",
    summary: "Identity that orders computations (spec: optimization_barrier; c1: result types = operand types).",
    operands: &[var("operand", ANY)],
    results: &[var("result", ANY)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::one_result_per_operand),
    infer: Some(r::infer_operand_types),
    tflite: None,
};
const RETURN: OpDef = OpDef {
    name: "stablehlo.return",
    summary: "Terminator of StableHLO regions (reduce bodies, branches...); not a spec op.",
    operands: &[var("results", ANY)],
    results: &[],
    attrs: &[],
    traits: &[F16InBody],
    regions: 0,
    verify: None,
    infer: None,
    tflite: None,
};
const TUPLE: OpDef = OpDef {
    name: "stablehlo.tuple",
    summary: "Packs val into a tuple (spec: tuple; c1 element count).",
    operands: &[var("val", ANY)],
    results: &[one("result", TOKEN)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::tuple),
    infer: None,
    tflite: None,
};
const WHILE: OpDef = OpDef {
    name: "stablehlo.while",
    summary:
        "Runs body while cond holds (spec: while; c3: result types = operand types; cond/body signatures unchecked).",
    operands: &[var("operand", ANY)],
    results: &[var("results", ANY)],
    attrs: &[],
    traits: &[],
    regions: 2,
    verify: Some(r::one_result_per_operand),
    infer: Some(r::infer_operand_types),
    tflite: None,
};

// =================================================================================
// Normalization, random numbers, linear algebra, FFT.

const BATCH_NORM_GRAD: OpDef = OpDef {
    name: "stablehlo.batch_norm_grad",
    summary: "Gradients of batch_norm_training (spec: batch_norm_grad; c1..c5).",
    operands: &[
        one("operand", FP_Q),
        one("scale", FP_Q),
        one("mean", FP_Q),
        one("variance", FP_Q),
        one("grad_output", FP_Q),
    ],
    results: &[one("grad_operand", FP_Q), one("grad_scale", FP_Q), one("grad_offset", FP_Q)],
    attrs: &[req("epsilon", Float), req("feature_index", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::batch_norm_grad),
    infer: Some(r::infer_batch_norm_triple),
    tflite: None,
};
const BATCH_NORM_INFERENCE: OpDef = OpDef {
    name: "stablehlo.batch_norm_inference",
    summary: "Normalizes operand along feature_index with given mean/variance (spec: batch_norm_inference; c1..c7).",
    operands: &[
        one("operand", FP_Q),
        one("scale", FP_Q),
        one("offset", FP_Q),
        one("mean", FP_Q),
        one("variance", FP_Q),
    ],
    results: &[one("result", FP_Q)],
    attrs: &[req("epsilon", Float), req("feature_index", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::batch_norm_inference),
    infer: Some(infer_same_as_first),
    tflite: None,
};
const BATCH_NORM_TRAINING: OpDef = OpDef {
    name: "stablehlo.batch_norm_training",
    summary: "Normalizes operand along feature_index with batch statistics (spec: batch_norm_training; c1..c7).",
    operands: &[one("operand", FP_Q), one("scale", FP_Q), one("offset", FP_Q)],
    results: &[one("output", FP_Q), one("batch_mean", FP_Q), one("batch_var", FP_Q)],
    attrs: &[req("epsilon", Float), req("feature_index", Int)],
    traits: &[],
    regions: 0,
    verify: Some(r::batch_norm_training),
    infer: Some(r::infer_batch_norm_triple),
    tflite: None,
};
const CHOLESKY: OpDef = OpDef {
    name: "stablehlo.cholesky",
    summary: "Cholesky decomposition of a batch of matrices (spec: cholesky; c1..c3).",
    operands: &[one("a", FP_COMPLEX_Q)],
    results: &[one("result", FP_COMPLEX_Q)],
    attrs: &[optional("lower", Bool)],
    traits: &[],
    regions: 0,
    verify: Some(r::cholesky),
    infer: Some(infer_same_as_first),
    tflite: None,
};
const FFT: OpDef = OpDef {
    name: "stablehlo.fft",
    summary: "Forward/inverse (real) Fourier transform over fft_length (spec: fft; c1..c5).",
    operands: &[one("operand", FP_COMPLEX)],
    results: &[one("result", FP_COMPLEX)],
    attrs: &[req("fft_type", Dialect("stablehlo.fft_type")), req("fft_length", Ints)],
    traits: &[],
    regions: 0,
    verify: Some(r::fft),
    infer: Some(r::infer_fft),
    tflite: None,
};
const RNG: OpDef = OpDef {
    name: "stablehlo.rng",
    summary: "Random numbers of the given shape, UNIFORM in [a, b) or NORMAL(a, b) (spec: rng; c1..c3).",
    operands: &[one("a", PRED_INT_FP), one("b", PRED_INT_FP), one("shape", INT_OR_INDEX)],
    results: &[one("result", PRED_INT_FP)],
    attrs: &[req("rng_distribution", Dialect("stablehlo.rng_distribution"))],
    traits: &[],
    regions: 0,
    verify: Some(r::rng),
    infer: None,
    tflite: None,
};
const RNG_BIT_GENERATOR: OpDef = OpDef {
    name: "stablehlo.rng_bit_generator",
    summary: "Random bits and the next state from initial_state (spec: rng_bit_generator; c1, c2).",
    operands: &[one("initial_state", INT_FP)],
    results: &[one("output_state", INT_FP), one("output", INT_FP)],
    attrs: &[req("rng_algorithm", Dialect("stablehlo.rng_algorithm"))],
    traits: &[],
    regions: 0,
    verify: Some(r::rng_bit_generator),
    infer: None,
    tflite: None,
};
const TRIANGULAR_SOLVE: OpDef = OpDef {
    name: "stablehlo.triangular_solve",
    summary: "Solves triangular systems a x = b or x a = b (spec: triangular_solve; c1..c4).",
    operands: &[one("a", FP_COMPLEX_Q), one("b", FP_COMPLEX_Q)],
    results: &[one("result", FP_COMPLEX_Q)],
    attrs: &[
        req("left_side", Bool),
        req("lower", Bool),
        req("unit_diagonal", Bool),
        req("transpose_a", Dialect("stablehlo.transpose")),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::triangular_solve),
    infer: Some(r::infer_operand1_type),
    tflite: None,
};

// =================================================================================
// Collectives, communication and asynchrony. The process grid (num_replicas,
// num_partitions) is unknown here: replica groups and channels get shape checks only.

const AFTER_ALL: OpDef = OpDef {
    name: "stablehlo.after_all",
    summary: "A token that follows all input tokens (spec: after_all).",
    operands: &[var("inputs", TOKEN)],
    results: &[one("result", TOKEN)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::tokens),
    infer: None,
    tflite: None,
};
const ALL_GATHER: OpDef = OpDef {
    name: "stablehlo.all_gather",
    summary: "Concatenates operands across each process group along all_gather_dim (spec: all_gather; c1, c2, c6).",
    operands: &[var("operands", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("all_gather_dim", Int),
        req("replica_groups", Any),
        optional("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("use_global_device_ids", Any),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::all_gather),
    infer: None,
    tflite: None,
};
const ALL_REDUCE: OpDef = OpDef {
    name: "stablehlo.all_reduce",
    summary: "Reduces operands across each process group with computation (spec: all_reduce; c1, c6).",
    operands: &[var("operands", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("replica_groups", Any),
        optional("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("use_global_device_ids", Any),
    ],
    traits: &[],
    regions: 1,
    verify: Some(r::all_reduce),
    infer: Some(r::infer_operand_shapes),
    tflite: None,
};
const ALL_TO_ALL: OpDef = OpDef {
    name: "stablehlo.all_to_all",
    summary: "Splits along split_dimension, exchanges, concatenates along concat_dimension (spec: all_to_all; c1..c4, c8, c9).",
    operands: &[var("operands", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("split_dimension", Int),
        req("concat_dimension", Int),
        req("split_count", Int),
        req("replica_groups", Any),
        optional("channel_handle", Dialect("stablehlo.channel_handle")),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::all_to_all),
    infer: None,
    tflite: None,
};
const ASYNC_DONE: OpDef = OpDef {
    name: "stablehlo.async_done",
    summary: "Waits for an async_start future (spec: async_done); future types are opaque here: kind checks only.",
    operands: &[one("operand", TOKEN)],
    results: &[one("result", ANY)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: None,
    infer: None,
    tflite: None,
};
const ASYNC_START: OpDef = OpDef {
    name: "stablehlo.async_start",
    summary: "Starts the single op of body asynchronously (spec: async_start); body unchecked: kind checks only.",
    operands: &[var("operands", TENSOR)],
    results: &[one("result", TOKEN)],
    attrs: &[],
    traits: &[],
    regions: 1,
    verify: None,
    infer: None,
    tflite: None,
};
const COLLECTIVE_BROADCAST: OpDef = OpDef {
    name: "stablehlo.collective_broadcast",
    summary: "Broadcasts operands from each group's root (spec: collective_broadcast; c1, c3..c5).",
    operands: &[var("operands", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("replica_groups", Any),
        optional("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("has_dynamic_root", Any),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::collective_broadcast),
    infer: Some(r::infer_collective_broadcast),
    tflite: None,
};
const COLLECTIVE_PERMUTE: OpDef = OpDef {
    name: "stablehlo.collective_permute",
    summary: "Sends operand along source_target_pairs (spec: collective_permute; c1..c3, c5).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("source_target_pairs", Elements), optional("channel_handle", Dialect("stablehlo.channel_handle"))],
    traits: &[],
    regions: 0,
    verify: Some(r::collective_permute),
    infer: Some(infer_same_as_first),
    tflite: None,
};
const COLLECTIVE_REDUCE: OpDef = OpDef {
    name: "stablehlo.collective_reduce",
    summary: "Reduces operands to each group's root with computation (spec: collective_reduce; c1, c3).",
    operands: &[var("operands", TENSOR)],
    results: &[var("results", TENSOR)],
    attrs: &[
        req("replica_groups", Any),
        optional("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("use_global_device_ids", Any),
        optional("has_dynamic_root", Any),
    ],
    traits: &[],
    regions: 1,
    verify: Some(r::collective_broadcast),
    infer: Some(r::infer_collective_reduce),
    tflite: None,
};
const CREATE_TOKEN: OpDef = OpDef {
    name: "stablehlo.create_token",
    summary: "Legacy (not in the spec): a fresh token, like after_all with no inputs.",
    operands: &[],
    results: &[one("output", TOKEN)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: Some(r::tokens),
    infer: None,
    tflite: None,
};
const CROSS_REPLICA_SUM: OpDef = OpDef {
    name: "stablehlo.cross-replica-sum",
    summary: "Legacy (not in the spec): sum of operand across replica_groups.",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[req("replica_groups", Elements)],
    traits: &[],
    regions: 0,
    verify: None,
    infer: Some(infer_same_as_first),
    tflite: None,
};
const INFEED: OpDef = OpDef {
    name: "stablehlo.infeed",
    summary: "Reads values and a token from the infeed (spec: infeed; c1, c3).",
    operands: &[one("token", TOKEN)],
    results: &[var("results", ANY)],
    attrs: &[optional("infeed_config", Str), optional("layout", Any)],
    traits: &[],
    regions: 0,
    verify: Some(r::results_end_with_token),
    infer: None,
    tflite: None,
};
const OUTFEED: OpDef = OpDef {
    name: "stablehlo.outfeed",
    summary: "Writes inputs to the outfeed after token (spec: outfeed).",
    operands: &[var("inputs", TENSOR), one("token", TOKEN)],
    results: &[one("result", TOKEN)],
    attrs: &[optional("outfeed_config", Str)],
    traits: &[],
    regions: 0,
    verify: Some(r::last_operand_token),
    infer: None,
    tflite: None,
};
const PARTITION_ID: OpDef = OpDef {
    name: "stablehlo.partition_id",
    summary: "The current partition's id as tensor<ui32> (spec: partition_id).",
    operands: &[],
    results: &[one("result", ANY)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: None,
    infer: Some(r::infer_scalar_ui32),
    tflite: None,
};
const RECV: OpDef = OpDef {
    name: "stablehlo.recv",
    summary: "Receives values on channel_handle (spec: recv); the channel is not checked.",
    operands: &[one("token", TOKEN)],
    results: &[var("results", ANY)],
    attrs: &[
        req("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("is_host_transfer", Bool),
        optional("source_target_pairs", Elements),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::results_end_with_token),
    infer: None,
    tflite: None,
};
const REDUCE_SCATTER: OpDef = OpDef {
    name: "stablehlo.reduce_scatter",
    summary: "Reduces across each group with computation and scatters along scatter_dimension (spec: reduce_scatter; c1..c3, c8).",
    operands: &[one("operand", TENSOR)],
    results: &[one("result", TENSOR)],
    attrs: &[
        req("scatter_dimension", Int),
        req("replica_groups", Any),
        optional("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("use_global_device_ids", Any),
    ],
    traits: &[],
    regions: 1,
    verify: Some(r::reduce_scatter),
    infer: None,
    tflite: None,
};
const REPLICA_ID: OpDef = OpDef {
    name: "stablehlo.replica_id",
    summary: "The current replica's id as tensor<ui32> (spec: replica_id).",
    operands: &[],
    results: &[one("result", ANY)],
    attrs: &[],
    traits: &[],
    regions: 0,
    verify: None,
    infer: Some(r::infer_scalar_ui32),
    tflite: None,
};
const SEND: OpDef = OpDef {
    name: "stablehlo.send",
    summary: "Sends inputs on channel_handle after token (spec: send); the channel is not checked.",
    operands: &[var("inputs", TENSOR), one("token", TOKEN)],
    results: &[one("result", TOKEN)],
    attrs: &[
        req("channel_handle", Dialect("stablehlo.channel_handle")),
        optional("is_host_transfer", Bool),
        optional("source_target_pairs", Elements),
    ],
    traits: &[],
    regions: 0,
    verify: Some(r::last_operand_token),
    infer: None,
    tflite: None,
};

// =================================================================================
// The catalog, sorted by name (a test checks the order).

pub static OPS: &[OpDef] = &[
    ABS,
    ADD,
    AFTER_ALL,
    ALL_GATHER,
    ALL_REDUCE,
    ALL_TO_ALL,
    AND,
    ASYNC_DONE,
    ASYNC_START,
    ATAN2,
    BATCH_NORM_GRAD,
    BATCH_NORM_INFERENCE,
    BATCH_NORM_TRAINING,
    BITCAST_CONVERT,
    BROADCAST,
    BROADCAST_IN_DIM,
    CASE,
    CBRT,
    CEIL,
    CHOLESKY,
    CLAMP,
    COLLECTIVE_BROADCAST,
    COLLECTIVE_PERMUTE,
    COLLECTIVE_REDUCE,
    COMPARE,
    COMPLEX_OP,
    COMPOSITE,
    CONCATENATE,
    CONSTANT,
    CONVERT,
    CONVOLUTION,
    COSINE,
    COUNT_LEADING_ZEROS,
    CREATE_TOKEN,
    CROSS_REPLICA_SUM,
    CUSTOM_CALL,
    DIVIDE,
    DOT,
    DOT_GENERAL,
    DYNAMIC_BROADCAST_IN_DIM,
    DYNAMIC_CONV,
    DYNAMIC_GATHER,
    DYNAMIC_IOTA,
    DYNAMIC_PAD,
    DYNAMIC_RESHAPE,
    DYNAMIC_SLICE,
    DYNAMIC_UPDATE_SLICE,
    EINSUM,
    EXPONENTIAL,
    EXPONENTIAL_MINUS_ONE,
    FFT,
    FLOOR,
    GATHER,
    GET_DIMENSION_SIZE,
    GET_TUPLE_ELEMENT,
    IF,
    IMAG,
    INFEED,
    IOTA,
    IS_FINITE,
    LOG,
    LOG_PLUS_ONE,
    LOGISTIC,
    MAP,
    MAXIMUM,
    MINIMUM,
    MULTIPLY,
    NEGATE,
    NOT,
    OPTIMIZATION_BARRIER,
    OR,
    OUTFEED,
    PAD,
    PARTITION_ID,
    POPCNT,
    POWER,
    REAL,
    REAL_DYNAMIC_SLICE,
    RECV,
    REDUCE,
    REDUCE_PRECISION,
    REDUCE_SCATTER,
    REDUCE_WINDOW,
    REMAINDER,
    REPLICA_ID,
    RESHAPE,
    RETURN,
    REVERSE,
    RNG,
    RNG_BIT_GENERATOR,
    ROUND_NEAREST_AFZ,
    ROUND_NEAREST_EVEN,
    RSQRT,
    SCATTER,
    SELECT,
    SELECT_AND_SCATTER,
    SEND,
    SET_DIMENSION_SIZE,
    SHIFT_LEFT,
    SHIFT_RIGHT_ARITHMETIC,
    SHIFT_RIGHT_LOGICAL,
    SIGN,
    SINE,
    SLICE,
    SORT,
    SQRT,
    SUBTRACT,
    TAN,
    TANH,
    TORCH_INDEX_SELECT,
    TRANSPOSE,
    TRIANGULAR_SOLVE,
    TUPLE,
    UNARY_EINSUM,
    UNIFORM_DEQUANTIZE,
    UNIFORM_QUANTIZE,
    WHILE,
    XOR,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Attr, ElemTy, OpView, QuantTy, TensorTy, DYN};
    use crate::verify::check_op;

    /// Every op of the spec's op list (docs/spec.md, "Ops") has an entry.
    #[test]
    fn covers_the_spec_op_list() {
        const SPEC_OPS: &[&str] = &[
            "abs",
            "add",
            "after_all",
            "all_gather",
            "all_reduce",
            "all_to_all",
            "and",
            "async_done",
            "async_start",
            "atan2",
            "batch_norm_grad",
            "batch_norm_inference",
            "batch_norm_training",
            "bitcast_convert",
            "broadcast_in_dim",
            "case",
            "cbrt",
            "ceil",
            "cholesky",
            "clamp",
            "collective_broadcast",
            "collective_permute",
            "collective_reduce",
            "compare",
            "complex",
            "composite",
            "concatenate",
            "constant",
            "convert",
            "convolution",
            "cosine",
            "count_leading_zeros",
            "custom_call",
            "divide",
            "dot_general",
            "dynamic_broadcast_in_dim",
            "dynamic_conv",
            "dynamic_gather",
            "dynamic_iota",
            "dynamic_pad",
            "dynamic_reshape",
            "dynamic_slice",
            "dynamic_update_slice",
            "exponential",
            "exponential_minus_one",
            "fft",
            "floor",
            "gather",
            "get_dimension_size",
            "get_tuple_element",
            "if",
            "imag",
            "infeed",
            "iota",
            "is_finite",
            "log",
            "log_plus_one",
            "logistic",
            "map",
            "maximum",
            "minimum",
            "multiply",
            "negate",
            "not",
            "optimization_barrier",
            "or",
            "outfeed",
            "pad",
            "partition_id",
            "popcnt",
            "power",
            "real",
            "recv",
            "reduce",
            "reduce_precision",
            "reduce_scatter",
            "reduce_window",
            "remainder",
            "replica_id",
            "reshape",
            "reverse",
            "rng",
            "rng_bit_generator",
            "round_nearest_afz",
            "round_nearest_even",
            "rsqrt",
            "scatter",
            "select",
            "select_and_scatter",
            "send",
            "shift_left",
            "shift_right_arithmetic",
            "shift_right_logical",
            "sign",
            "sine",
            "slice",
            "sort",
            "sqrt",
            "subtract",
            "tan",
            "tanh",
            "transpose",
            "triangular_solve",
            "tuple",
            "uniform_dequantize",
            "uniform_quantize",
            "while",
            "xor",
        ];
        let names: Vec<&str> = OPS.iter().map(|o| o.name).collect();
        for op in SPEC_OPS {
            assert!(names.contains(&format!("stablehlo.{op}").as_str()), "no entry for stablehlo.{op}");
        }
        for op in OPS {
            assert!(op.tflite.is_none(), "{}: StableHLO ops are not written to flatbuffers", op.name);
        }
    }

    /// A plausible value for an attribute slot, or an odd one (`odd`).
    fn attr_value(kind: AttrKind, odd: bool) -> Attr {
        let dense = |shape: Vec<i64>, ints: Vec<i64>| Attr::Dense {
            ty: TensorTy::ranked(shape, ElemTy::I(64)),
            ints: Some(ints),
            floats: None,
        };
        let opaque = |data: &str| Attr::Opaque { dialect: "stablehlo".into(), data: data.into() };
        match kind {
            Int => Attr::Int(if odd { -7 } else { 1 }),
            Float => Attr::Float(1e-5),
            Bool => Attr::Bool(odd),
            Str => Attr::Str(if odd { String::new() } else { "my.op".into() }),
            Enum(v) => Attr::Str(v[0].into()),
            Ints => Attr::DenseArray(if odd { vec![9, -3, 0] } else { vec![0, 1] }),
            Elements => if odd { dense(vec![3], vec![0, 0, 9]) } else { dense(vec![2, 2], vec![0, 1, 1, 0]) },
            Type => Attr::Type(TensorTy::ranked(vec![], ElemTy::F32)),
            Dialect(m) => opaque(match (m, odd) {
                ("stablehlo.conv", false) => "conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>",
                ("stablehlo.conv", true) => "conv<raw input_spatial_dimensions = [7, 9], output_batch_dimension = 5>",
                ("stablehlo.dot", false) => "dot<lhs_contracting_dimensions = [1], rhs_contracting_dimensions = [0]>",
                ("stablehlo.dot", true) => "dot<lhs_batching_dimensions = [4], rhs_batching_dimensions = [0]>",
                ("stablehlo.gather", false) => {
                    "gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>"
                }
                ("stablehlo.gather", true) => "gather<offset_dims = [5], start_index_map = [0, 0], index_vector_dim = 9>",
                ("stablehlo.scatter", false) => {
                    "scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0], index_vector_dim = 1>"
                }
                ("stablehlo.scatter", true) => "scatter<update_window_dims = [3], index_vector_dim = -1>",
                ("stablehlo.comparison_direction", _) => "comparison_direction LT",
                ("stablehlo.comparison_type", _) => "comparison_type FLOAT",
                ("stablehlo.rng_distribution", _) => "rng_distribution NORMAL",
                ("stablehlo.rng_algorithm", _) => "rng_algorithm PHILOX",
                ("stablehlo.fft_type", _) => if odd { "fft_type IRFFT" } else { "fft_type RFFT" },
                ("stablehlo.transpose", _) => "transpose ADJOINT",
                _ => "channel_handle<handle = 1, type = 0>",
            }),
            Any => {
                if odd {
                    Attr::Array(vec![opaque("precision HIGH"), opaque("precision DEFAULT"), opaque("precision X")])
                } else {
                    Attr::Other("@f".into())
                }
            }
        }
    }

    /// No rule panics, whatever the operand shapes and attribute values: every entry is
    /// checked against views with the right arities and assorted types.
    #[test]
    fn rules_never_panic() {
        let quant = ElemTy::Quant(QuantTy {
            storage_bits: 8,
            signed: true,
            expressed: Box::new(ElemTy::F32),
            storage_min: -128,
            storage_max: 127,
            scales: vec![0.5],
            zero_points: vec![1],
            axis: None,
        });
        let types = [
            TensorTy { shape: None, elem: ElemTy::F32, is_tensor: true },
            TensorTy::ranked(vec![], ElemTy::F32),
            TensorTy::ranked(vec![], ElemTy::I(32)),
            TensorTy::ranked(vec![2], ElemTy::I(64)),
            TensorTy::ranked(vec![2, 3], ElemTy::F32),
            TensorTy::ranked(vec![DYN, 3], ElemTy::F32),
            TensorTy::ranked(vec![0, 1], ElemTy::I(1)),
            TensorTy::ranked(vec![1, 3, 8, 8], ElemTy::F32),
            TensorTy::ranked(vec![2, 3], quant),
            TensorTy::ranked(vec![2], ElemTy::Other("complex<f32>".into())),
            TensorTy { shape: None, elem: ElemTy::Other("!stablehlo.token".into()), is_tensor: false },
            TensorTy { shape: None, elem: ElemTy::Other("tuple<>".into()), is_tensor: false },
        ];
        let count = |defs: &[crate::catalog::ValueDef]| -> usize {
            defs.iter().map(|d| if d.arity == Arity::Variadic { 3 } else { 1 }).sum()
        };
        for def in OPS {
            for odd in [false, true] {
                for (i, t) in types.iter().enumerate() {
                    for (j, u) in types.iter().enumerate() {
                        let pick = |k: usize| if k % 2 == 0 { t.clone() } else { u.clone() };
                        let view = OpView {
                            name: def.name.into(),
                            operands: (0..count(def.operands)).map(pick).collect(),
                            operand_consts: (0..count(def.operands))
                                .map(|k| (k % 3 == 2).then(|| if odd { vec![-4, 9, 2] } else { vec![1, 1] }))
                                .collect(),
                            results: (0..count(def.results)).map(|k| pick(k + 1)).collect(),
                            attrs: def.attrs.iter().map(|a| (a.name.to_string(), attr_value(a.kind, odd))).collect(),
                            num_regions: def.regions,
                        };
                        let run = std::panic::catch_unwind(|| check_op(def, &view));
                        assert!(run.is_ok(), "{} panicked on types #{i}/#{j} (odd attributes: {odd})", def.name);
                    }
                }
            }
        }
    }
}

//! The table of TFL ops, sorted by name. One entry per op: operands, results,
//! attributes, rules, and how the op is written to a flatbuffer.

use super::{FUSED_ACTIVATION, PADDING};
use crate::catalog::{elems::*, AttrKind::*, *};
use crate::catalog::FieldTy as F;
use crate::ir::OpView;
use crate::rules::*;

/// Ops with a single kernel version for the types we emit.
#[allow(dead_code)]
fn v1(_: &OpView) -> i32 {
    1
}

/// int8/int16 kernels of element-wise arithmetic came in later versions.
fn version_by_quant(op: &OpView) -> i32 {
    match op.operands.first().map(|t| &t.elem) {
        Some(crate::ir::ElemTy::Quant(q)) if q.storage_bits == 16 => 3,
        Some(crate::ir::ElemTy::Quant(q)) if q.signed => 2,
        _ => 1,
    }
}

pub static OPS: &[OpDef] = &[
    OpDef {
        name: "tfl.add",
        summary: "Element-wise addition with broadcasting and a fused activation.",
        operands: &[one("lhs", FLOAT_QUANT_I32), one("rhs", FLOAT_QUANT_I32)],
        results: &[one("output", FLOAT_QUANT_I32)],
        attrs: &[req("fused_activation_function", FUSED_ACTIVATION)],
        regions: 0,
        verify: Some(binary_same_elem),
        infer: Some(infer_broadcast),
        tflite: Some(TfliteDef {
            builtin: "ADD",
            options: Some(OptionsDef {
                table: "AddOptions",
                union: 1,
                fields: &[fused_activation_field(0)],
            }),
            version: version_by_quant,
        }),
    },
    OpDef {
        name: "tfl.conv_2d",
        summary: "2-D convolution: input NHWC, filter OHWI, bias [O]; SAME or VALID padding.",
        operands: &[one("input", FLOAT_OR_QUANT), one("filter", WEIGHT), opt("bias", BIAS)],
        results: &[one("output", FLOAT_OR_QUANT)],
        attrs: &[
            req("dilation_h_factor", Int),
            req("dilation_w_factor", Int),
            req("fused_activation_function", FUSED_ACTIVATION),
            req("padding", PADDING),
            req("stride_h", Int),
            req("stride_w", Int),
        ],
        regions: 0,
        verify: Some(|op| {
            expect_rank(op, 0, 4, "input")?;
            expect_rank(op, 1, 4, "filter")?;
            Ok(())
        }),
        infer: None,
        tflite: Some(TfliteDef {
            builtin: "CONV_2D",
            options: Some(OptionsDef {
                table: "Conv2DOptions",
                union: 1,
                fields: &[
                    field("padding", 0, F::Enum("Padding")),
                    field("stride_w", 1, F::Int),
                    field("stride_h", 2, F::Int),
                    fused_activation_field(3),
                    field("dilation_w_factor", 4, F::Int),
                    field("dilation_h_factor", 5, F::Int),
                ],
            }),
            version: version_by_quant,
        }),
    },
    OpDef {
        name: "tfl.pseudo_const",
        summary: "A constant tensor; written as a tensor with a buffer, not as an operator.",
        operands: &[],
        results: &[one("output", ANY)],
        attrs: &[req("value", Elements)],
        regions: 0,
        verify: None,
        infer: None,
        tflite: None,
    },
];

//! The table of StableHLO ops, sorted by name.

use crate::catalog::{elems::*, AttrKind::*, *};
use crate::rules::*;

pub static OPS: &[OpDef] = &[
    OpDef {
        name: "stablehlo.add",
        summary: "Element-wise addition (spec: add). add_c1: operands and result have the same type.",
        operands: &[one("lhs", FLOAT_INT_BOOL), one("rhs", FLOAT_INT_BOOL)],
        results: &[one("result", FLOAT_INT_BOOL)],
        attrs: &[],
        regions: 0,
        verify: Some(same_operand_elems),
        infer: Some(infer_same_as_first),
        tflite: None,
    },
    OpDef {
        name: "stablehlo.constant",
        summary: "A constant tensor (spec: constant). constant_c1: type(value) = type(output).",
        operands: &[],
        results: &[one("output", ANY)],
        attrs: &[req("value", Elements)],
        regions: 0,
        verify: None,
        infer: None,
        tflite: None,
    },
];

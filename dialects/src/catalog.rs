//! The shape of an op catalog entry. Each dialect module (`tfl`, `stablehlo`) holds a
//! sorted static table of `OpDef`s; the verify step and the flatbuffer writer read them.

use crate::ir::{Attr, ElemTy, OpView, TensorTy};

/// One op: its operands, results, attributes, the rule that checks it and infers its
/// result types, and (for TFL) how it is written to a TFLite flatbuffer.
#[derive(Debug)]
pub struct OpDef {
    /// Full name, e.g. `tfl.conv_2d`.
    pub name: &'static str,
    /// One line: the semantics, citing the spec where it has numbered constraints.
    pub summary: &'static str,
    pub operands: &'static [ValueDef],
    pub results: &'static [ValueDef],
    pub attrs: &'static [AttrDef],
    /// Number of regions the op carries (reduce bodies, composites' decompositions...).
    pub regions: usize,
    /// Checks beyond operand/attribute kinds. `Err` carries the message (no op prefix).
    pub verify: Option<fn(&OpView) -> Result<(), String>>,
    /// Expected result types, when the operands and attributes determine them.
    pub infer: Option<fn(&OpView) -> Result<Vec<TensorTy>, String>>,
    pub tflite: Option<TfliteDef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arity {
    One,
    /// May be absent, or a value of type `none` (TFL's `tfl.no_value`).
    Optional,
    /// Any number, including zero.
    Variadic,
}

/// An operand or result slot.
#[derive(Debug)]
pub struct ValueDef {
    pub name: &'static str,
    pub arity: Arity,
    pub elems: &'static [Elem],
}

/// An accepted element type class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Elem {
    F32,
    F16,
    BF16,
    F64,
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    /// Any float type.
    AnyFloat,
    /// Any integer type (signless, signed or unsigned), excluding bool.
    AnyInt,
    /// Quantized with 8-bit signed / unsigned / 16-bit signed / 32-bit storage.
    QI8,
    QU8,
    QI16,
    QI32,
    AnyQuant,
    Any,
}

impl Elem {
    pub fn accepts(self, e: &ElemTy) -> bool {
        let q = |bits: u32, signed: bool| matches!(e, ElemTy::Quant(q) if q.storage_bits == bits && q.signed == signed);
        match self {
            Elem::F32 => *e == ElemTy::F32,
            Elem::F16 => *e == ElemTy::F16,
            Elem::BF16 => *e == ElemTy::BF16,
            Elem::F64 => *e == ElemTy::F64,
            Elem::Bool => *e == ElemTy::I(1),
            Elem::I8 => *e == ElemTy::I(8),
            Elem::I16 => *e == ElemTy::I(16),
            Elem::I32 => *e == ElemTy::I(32),
            Elem::I64 => *e == ElemTy::I(64),
            Elem::U8 => *e == ElemTy::U(8),
            Elem::AnyFloat => e.is_float(),
            Elem::AnyInt => e.is_int(),
            Elem::QI8 => q(8, true),
            Elem::QU8 => q(8, false),
            Elem::QI16 => q(16, true),
            Elem::QI32 => q(32, true),
            Elem::AnyQuant => e.is_quant(),
            Elem::Any => true,
        }
    }
    pub fn describe(self) -> &'static str {
        match self {
            Elem::F32 => "f32",
            Elem::F16 => "f16",
            Elem::BF16 => "bf16",
            Elem::F64 => "f64",
            Elem::Bool => "i1",
            Elem::I8 => "i8",
            Elem::I16 => "i16",
            Elem::I32 => "i32",
            Elem::I64 => "i64",
            Elem::U8 => "ui8",
            Elem::AnyFloat => "float",
            Elem::AnyInt => "integer",
            Elem::QI8 => "qi8",
            Elem::QU8 => "qu8",
            Elem::QI16 => "qi16",
            Elem::QI32 => "qi32",
            Elem::AnyQuant => "quantized",
            Elem::Any => "any",
        }
    }
}

/// Element classes used across both dialects.
pub mod elems {
    use super::Elem::{self, *};
    pub const ANY: &[Elem] = &[Any];
    pub const FLOAT: &[Elem] = &[AnyFloat];
    pub const F32_ONLY: &[Elem] = &[F32];
    pub const INT: &[Elem] = &[AnyInt];
    pub const I32_ONLY: &[Elem] = &[I32];
    pub const I32_I64: &[Elem] = &[I32, I64];
    pub const BOOL: &[Elem] = &[Bool];
    pub const NUMERIC: &[Elem] = &[AnyFloat, AnyInt, AnyQuant];
    pub const FLOAT_OR_QUANT: &[Elem] = &[AnyFloat, QI8, QU8, QI16];
    pub const FLOAT_QUANT_I32: &[Elem] = &[AnyFloat, QI8, QU8, QI16, I32];
    pub const FLOAT_INT_QUANT: &[Elem] = &[AnyFloat, AnyInt, AnyQuant];
    pub const FLOAT_INT: &[Elem] = &[AnyFloat, AnyInt];
    pub const FLOAT_INT_BOOL: &[Elem] = &[AnyFloat, AnyInt, Bool];
    pub const BIAS: &[Elem] = &[AnyFloat, QI32, I32, I64];
    pub const WEIGHT: &[Elem] = &[AnyFloat, AnyQuant, I8];
}

/// An attribute slot.
#[derive(Debug)]
pub struct AttrDef {
    pub name: &'static str,
    pub kind: AttrKind,
    pub presence: Presence,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Presence {
    Required,
    Optional,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AttrKind {
    Int,
    Float,
    Bool,
    Str,
    /// A string from a fixed set (TFL's `padding = "SAME"` etc.).
    Enum(&'static [&'static str]),
    /// Integer list: `array<i64: ...>`, `dense<...>` of ints, or an array of integers.
    Ints,
    /// `dense<...>` or `dense_resource<...>` elements.
    Elements,
    Type,
    /// A dialect attribute such as `#stablehlo.conv<...>`, named by its mnemonic
    /// (`stablehlo.conv`); an opaque attribute of that dialect is accepted.
    Dialect(&'static str),
    /// A symbol reference or anything else, checked by the op's rule.
    Any,
}

impl AttrKind {
    /// Whether `a` has this kind; `Err` explains a mismatch.
    pub fn check(self, a: &Attr) -> Result<(), String> {
        let ok = match (self, a) {
            (AttrKind::Int, Attr::Int(_)) => true,
            (AttrKind::Float, Attr::Float(_)) => true,
            (AttrKind::Bool, Attr::Bool(_)) => true,
            (AttrKind::Str, Attr::Str(_)) => true,
            (AttrKind::Enum(values), Attr::Str(s)) => {
                if values.contains(&s.as_str()) {
                    true
                } else {
                    return Err(format!("must be one of {}, got \"{s}\"", quoted_list(values)));
                }
            }
            (AttrKind::Ints, a) => a.as_ints().is_some(),
            (AttrKind::Elements, Attr::Dense { .. } | Attr::DenseResource { .. }) => true,
            (AttrKind::Type, Attr::Type(_)) => true,
            (AttrKind::Dialect(m), Attr::Opaque { dialect, data }) => {
                let (d, mnemonic) = m.split_once('.').unwrap_or((m, ""));
                dialect == d && data.starts_with(mnemonic)
            }
            (AttrKind::Dialect(_), Attr::Other(_)) => true,
            (AttrKind::Any, _) => true,
            _ => false,
        };
        if ok { Ok(()) } else { Err(format!("must be {}, got {}", self.describe(), a.kind_name())) }
    }

    pub fn describe(self) -> String {
        match self {
            AttrKind::Int => "an integer".into(),
            AttrKind::Float => "a float".into(),
            AttrKind::Bool => "a bool".into(),
            AttrKind::Str => "a string".into(),
            AttrKind::Enum(v) => format!("one of {}", quoted_list(v)),
            AttrKind::Ints => "an integer list".into(),
            AttrKind::Elements => "dense elements".into(),
            AttrKind::Type => "a type".into(),
            AttrKind::Dialect(m) => format!("a #{m} attribute"),
            AttrKind::Any => "an attribute".into(),
        }
    }
}

fn quoted_list(values: &[&str]) -> String {
    values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")
}

/// How a TFL op is written to a flatbuffer.
#[derive(Debug)]
pub struct TfliteDef {
    /// The `BuiltinOperator` enum name, e.g. `CONV_2D`.
    pub builtin: &'static str,
    pub options: Option<OptionsDef>,
    /// The kernel version the op's types and attributes require.
    pub version: fn(&OpView) -> i32,
    /// For each version (index = version - 1), the minimum TFLite runtime that has it,
    /// from TFLite's `runtime_version.cc` (`""` where that table has no entry).
    pub runtime_versions: &'static [&'static str],
}

/// A builtin options table and where each of its fields comes from.
#[derive(Debug)]
pub struct OptionsDef {
    /// The union member name, e.g. `Conv2DOptions`.
    pub table: &'static str,
    /// `BuiltinOptions` (1) or `BuiltinOptions2` (2).
    pub union: u8,
    pub fields: &'static [OptionField],
}

/// One field of an options table: its slot (field index in the schema), its wire type
/// and its source. The `tfl_options_match_schema` test checks slots and types
/// against `compiler/schema/tflite.fbs`.
#[derive(Debug)]
pub struct OptionField {
    pub field: &'static str,
    pub slot: u16,
    pub ty: FieldTy,
    pub source: FieldSource,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldTy {
    Bool,
    Int,
    Long,
    Float,
    /// A schema enum (stored as its underlying integer type), named as in the schema.
    Enum(&'static str),
    /// `[int]`.
    IntVector,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldSource {
    /// The op attribute of this name (absent optional attributes leave the field at its
    /// schema default).
    Attr(&'static str),
    /// The number of operands (e.g. `PackOptions.values_count`).
    OperandCount,
    /// Result #0's element type as a `TensorType` (e.g. `ArgMaxOptions.output_type`,
    /// which the TFL dialect derives from the result type instead of an attribute).
    ResultElemType,
}

/// A dialect's catalog.
pub struct Dialect {
    pub namespace: &'static str,
    /// Sorted by name.
    pub ops: &'static [OpDef],
}

impl Dialect {
    pub fn lookup(&self, name: &str) -> Option<&'static OpDef> {
        self.ops.binary_search_by(|op| op.name.cmp(name)).ok().map(|i| &self.ops[i])
    }
}

/// Shorthands that keep catalog tables one line per slot.
pub const fn one(name: &'static str, elems: &'static [Elem]) -> ValueDef {
    ValueDef { name, arity: Arity::One, elems }
}
pub const fn opt(name: &'static str, elems: &'static [Elem]) -> ValueDef {
    ValueDef { name, arity: Arity::Optional, elems }
}
pub const fn var(name: &'static str, elems: &'static [Elem]) -> ValueDef {
    ValueDef { name, arity: Arity::Variadic, elems }
}
pub const fn req(name: &'static str, kind: AttrKind) -> AttrDef {
    AttrDef { name, kind, presence: Presence::Required }
}
pub const fn optional(name: &'static str, kind: AttrKind) -> AttrDef {
    AttrDef { name, kind, presence: Presence::Optional }
}
/// An options field filled from the attribute of the same name.
pub const fn field(name: &'static str, slot: u16, ty: FieldTy) -> OptionField {
    OptionField { field: name, slot, ty, source: FieldSource::Attr(name) }
}
/// An options field filled from an attribute with another name.
pub const fn field_from(name: &'static str, slot: u16, ty: FieldTy, attr: &'static str) -> OptionField {
    OptionField { field: name, slot, ty, source: FieldSource::Attr(attr) }
}
/// The `fused_activation_function` field at `slot`.
pub const fn fused_activation_field(slot: u16) -> OptionField {
    field("fused_activation_function", slot, FieldTy::Enum("ActivationFunctionType"))
}

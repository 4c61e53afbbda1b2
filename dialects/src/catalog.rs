//! The shape of an op catalog entry. Each dialect module (`tfl`, `stablehlo`) holds a
//! sorted static table of `OpDef`s; the verify step, the passes and the flatbuffer writer
//! read them.
//!
//! Besides operands, attributes and rules, an entry lists its op's traits: the facts
//! passes and the writer rely on, so a new op gets them in its one entry instead of in
//! lists spread over the passes. Passes ask the entry (`def.has(Trait::ElementWise)`,
//! `def.quant_role(i)`, `def.hybrid()`...). The traits:
//!
//! | trait | meaning | read by |
//! | --- | --- | --- |
//! | `ElementWise` | each result element is a function of the operand elements at its position; layout-agnostic as is | `tfl-layout-nhwc`, `tfl-remove-broadcasts` |
//! | `Broadcasting` | element-wise over operands the kernel broadcasts numpy-style (rank 4 at most) | `tfl-remove-broadcasts` |
//! | `LayoutAgnostic(Permute)` | works in any layout once the operand or attribute `Permute` names is permuted (a reduction's axes, a pad's paddings, concatenation's `axis`, slice's begin and size) | `tfl-layout-nhwc` |
//! | `FusibleActivation(act)` | an activation that folds into its producer as `fused_activation_function = act` | `tfl-fuse-activation` |
//! | `Int8(Int8Kernel)` | has an int8 kernel: the quantization role of each operand slot (input, weight with its quantized dimension, bias, integer parameter...) and the output's parameters (own, the input's, shared with the inputs, fixed) | `tfl-quantize`, `tfl-quantize-bias`, `tfl-optimize`, `tfl-fp16-weights`, the writer |
//! | `Hybrid(HybridOp)` | has a LiteRT hybrid (dynamic-range) kernel: float input, int8 weight (`tfl::hybrid`) | `tfl-quantize`, `tfl-quantize-weights-dynamic`, the verifier |
//! | `RequiresBias` | LiteRT's kernel fails without a bias: an absent one is written as zeros | the writer, `tfl-fp16-weights` |
//! | `Fold(Fold)` | what `tfl-fold-constants` computes for it on constant operands | `tfl-fold-constants`, `tfl-optimize` (`Fold::Reshape`: only the shape changes) |
//! | `ConstantLike` | its one result is its `value` attribute | the passes' constant reader |
//! | `F16Exact`, `F16Rounds`, `F16ByBody`, `F16InBody` | StableHLO computed in f32 on f16 values: the result is an f16 value again / needs rounding to f16 / depends on its region body, which may hold only `F16InBody` ops | `stablehlo-widen-f16` |
//!
//! Fused-activation capability is not a trait: it is the op's `fused_activation_function`
//! attribute and the values its kind admits (`OpDef::admits_fused_activation`).
//! `tests` below checks the traits against the rest of each entry.

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
    /// Facts passes and the writer query (see the module header). A slice of values, not
    /// a bitflags set: several traits carry data (a weight's quantized dimension, a fixed
    /// output scale, the attribute a layout change permutes), and `&[ElementWise,
    /// Broadcasting]` reads as a list in a table. Queries scan a few entries.
    pub traits: &'static [Trait],
    /// Number of regions the op carries (reduce bodies, composites' decompositions...).
    pub regions: usize,
    /// Checks beyond operand/attribute kinds. `Err` carries the message (no op prefix).
    pub verify: Option<fn(&OpView) -> Result<(), String>>,
    /// Expected result types, when the operands and attributes determine them.
    pub infer: Option<fn(&OpView) -> Result<Vec<TensorTy>, String>>,
    pub tflite: Option<TfliteDef>,
}

// =================================================================================
// Traits.

/// A fact about an op (see the module header for who reads each).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trait {
    /// Each result element is a function of the operand elements at the same position
    /// (after broadcasting), so the op computes the same in any layout.
    ElementWise,
    /// Element-wise over several operands that the kernel broadcasts numpy-style, up to
    /// rank 4 in every kernel version edge writes: an explicit `broadcast_to` before it
    /// can go.
    Broadcasting,
    /// Works in any layout once `Permute`'s operand or attribute is permuted with it.
    LayoutAgnostic(Permute),
    /// An activation op that becomes `fused_activation_function = <this>` of the op
    /// producing its input.
    FusibleActivation(&'static str),
    /// Has an int8 kernel (`tfl-quantize`).
    Int8(Int8Kernel),
    /// Has a LiteRT hybrid kernel: float input and result, int8 weight (`tfl::hybrid`).
    Hybrid(HybridOp),
    /// LiteRT's kernel requires a bias tensor (an absent one fails at Prepare), so an
    /// absent bias is made zeros: one per output channel, the `Int8` weight's dim.
    RequiresBias,
    /// LiteRT's kernel requires these operands (the recurrent state) to be variable
    /// tensors and overwrites them with the final state: the writer gives each a fresh
    /// variable tensor (no buffer: LiteRT 2.3 refuses a variable tensor with one) that
    /// an ADD of the operand's value and zeros fills before the op, so every invoke
    /// starts from the operand's value, not from the previous invoke's final state.
    StateOperands(&'static [usize]),
    /// `tfl-fold-constants` evaluates it on constant operands this way.
    Fold(Fold),
    /// Its one result is the constant in its `value` attribute.
    ConstantLike,
    /// Computed in f32 on f16 values, the result is an f16 value again: the op moves,
    /// picks or compares values, or computes exactly (`remainder`). No rounding after it.
    F16Exact,
    /// Computed in f32 on f16 values, the result may fall between f16 values: it is
    /// rounded to f16 after the op, the rounding the f16 op does.
    F16Rounds,
    /// A region op (reduce, sort, scatter): the region computes in f32 too; the result is
    /// exact when every op of the body is `F16InBody` and not `F16Rounds`, and is rounded
    /// once otherwise (an f32 accumulator, as PyTorch's f16 CPU kernels have).
    F16ByBody,
    /// May appear in the body of an `F16ByBody` op widened to f32.
    F16InBody,
}

/// What a layout-agnostic op needs permuted to run on a transposed input's source
/// (operand indices and attribute names are the catalog entry's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permute {
    /// A 1-D integer operand listing dims (a reduction's `axes`); with `keep_dims`
    /// false the result's dims follow the kept ones.
    AxesOperand(usize),
    /// A `[rank, 2]` integer operand of (before, after) pairs per dim (a pad's `padding`).
    PaddingsOperand(usize),
    /// An integer attribute naming one dim (concatenation's `axis`).
    AxisAttr(&'static str),
    /// 1-D integer operands with one entry per dim (slice's `begin` and `size`).
    PerDimOperands(&'static [usize]),
}

/// An int8 kernel: how each operand slot is quantized and how the output's parameters
/// are chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Int8Kernel {
    /// One role per operand slot of the entry (a variadic slot's role covers each of its
    /// operands).
    pub operands: &'static [QuantRole],
    pub output: QuantOutput,
}

/// What an operand of an int8 kernel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantRole {
    /// A per-tensor quantized activation (a `tfl.dequantize`'s input).
    Input,
    /// A quantized constant, per tensor or per axis along this dim: TFLite's
    /// `quantized_dimension`, the dim that counts output channels.
    Weight(usize),
    /// A float bias (or none), made int32 at input scale x weight scale by
    /// `tfl-quantize-bias`.
    Bias,
    /// An integer operand (shape, permutation, axes, indices), kept as it is.
    Param,
    /// A float scalar constant in the input's units (padv2's pad value), quantized with
    /// the input's parameters.
    InputScaled,
}

/// How an int8 kernel's output parameters are chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum QuantOutput {
    /// Its own: those of the `tfl.quantize` that follows (required).
    Own,
    /// The input's: the op only moves values (reshape, transpose, max pool, pad...), so
    /// no quantize needs to follow.
    SameAsInput,
    /// Its own, and every input is requantized to them (concatenation); the inputs'
    /// when they agree and no quantize follows.
    SharedWithInputs,
    /// What TFLite's int8 kernel requires (logistic, softmax, tanh).
    Fixed { scale: f64, zero_point: i64 },
}

/// An op with a hybrid kernel: which operand is the weight and along which of its dims
/// a per-axis weight is quantized (`tfl::hybrid` has the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HybridOp {
    pub weight: usize,
    pub axis: QuantizedDim,
    /// Whether the op has `asymmetric_quantize_inputs` (quantize the input with a zero
    /// point, as TensorFlow's converter asks for dynamic range; conv and depthwise
    /// per-channel kernels always do).
    pub asymmetric_inputs_attr: bool,
    /// Whether the kernel reads one scale per channel whatever the weight holds
    /// (depthwise_conv_2d's hybrid kernel is per-channel only).
    pub per_channel_only: bool,
}

/// Where an op's per-axis weight scales run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantizedDim {
    /// A fixed dim: conv_2d and fully_connected 0 (output channels), depthwise_conv_2d 3.
    Dim(usize),
    /// batch_matmul's y: the output-column dim, last (rank - 1), or rank - 2 with `adj_y`.
    MatmulColumns,
}

/// What evaluates an op on constants (`tfl-fold-constants`, as LiteRT's kernel would).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    Binary(FoldBinary),
    Unary(FoldUnary),
    /// reshape, squeeze, expand_dims: the bytes take the result's shape (the op only
    /// reshapes).
    Reshape,
    Transpose,
    BroadcastTo,
    Cast,
    Pad,
    Concatenation,
    Slice,
    StridedSlice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldBinary {
    Add,
    Sub,
    Mul,
    Div,
    Maximum,
    Minimum,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldUnary {
    Abs,
    Neg,
    Rsqrt,
    Sqrt,
    Exp,
    Floor,
    Ceil,
    /// Halves to even, as TFLite's ROUND.
    Round,
    Sign,
    Relu,
    Relu6,
    ReluN1To1,
    Logistic,
    Tanh,
}

/// The operands of an op with a weight and a bias (conv, depthwise, fully_connected,
/// transpose_conv), from its `Int8` roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weighted {
    pub input: usize,
    pub weight: usize,
    /// The weight's dim that counts output channels.
    pub channel_dim: usize,
    pub bias: usize,
}

/// `Trait::Int8` in one line of a table.
pub const fn int8(operands: &'static [QuantRole], output: QuantOutput) -> Trait {
    Trait::Int8(Int8Kernel { operands, output })
}

impl OpDef {
    /// The operands `Trait::StateOperands` names, if the op has state.
    pub fn state_operands(&self) -> Option<&'static [usize]> {
        self.traits.iter().find_map(|t| match t {
            Trait::StateOperands(s) => Some(*s),
            _ => None,
        })
    }

    pub fn has(&self, t: Trait) -> bool {
        self.traits.contains(&t)
    }

    pub fn layout(&self) -> Option<Permute> {
        self.traits.iter().find_map(|t| if let Trait::LayoutAgnostic(p) = t { Some(*p) } else { None })
    }

    /// The `fused_activation_function` value this activation op becomes.
    pub fn fusible_activation(&self) -> Option<&'static str> {
        self.traits.iter().find_map(|t| if let Trait::FusibleActivation(a) = t { Some(*a) } else { None })
    }

    /// Whether the op has a `fused_activation_function` attribute that admits `act`.
    pub fn admits_fused_activation(&self, act: &str) -> bool {
        self.attrs
            .iter()
            .find(|a| a.name == "fused_activation_function")
            .is_some_and(|a| a.kind.check(&Attr::Str(act.into())).is_ok())
    }

    pub fn int8(&self) -> Option<Int8Kernel> {
        self.traits.iter().find_map(|t| if let Trait::Int8(k) = t { Some(*k) } else { None })
    }

    /// The quantization role of operand `i` (`Param` for an op without an int8 kernel).
    pub fn quant_role(&self, i: usize) -> QuantRole {
        let Some(k) = self.int8() else { return QuantRole::Param };
        self.operand_slot(i).and_then(|s| k.operands.get(s).copied()).unwrap_or(QuantRole::Param)
    }

    /// The slot of operand `i`: slots before a variadic one take one operand each (an
    /// absent optional one ends the list); a variadic last slot takes the rest.
    pub fn operand_slot(&self, i: usize) -> Option<usize> {
        match self.operands.iter().position(|v| v.arity == Arity::Variadic) {
            Some(v) if i >= v => (v + 1 == self.operands.len()).then_some(v),
            _ => (i < self.operands.len()).then_some(i),
        }
    }

    /// The input, weight (with its output-channel dim) and bias operands, for an op
    /// whose int8 kernel has all three.
    pub fn weighted(&self) -> Option<Weighted> {
        let roles = self.int8()?.operands;
        let input = roles.iter().position(|r| *r == QuantRole::Input)?;
        let (weight, channel_dim) =
            roles
                .iter()
                .enumerate()
                .find_map(|(i, r)| if let QuantRole::Weight(d) = r { Some((i, *d)) } else { None })?;
        let bias = roles.iter().position(|r| *r == QuantRole::Bias)?;
        Some(Weighted { input, weight, channel_dim, bias })
    }

    /// The op's hybrid kernel, if it has one.
    pub fn hybrid(&self) -> Option<&'static HybridOp> {
        self.traits.iter().find_map(|t| if let Trait::Hybrid(h) = t { Some(h) } else { None })
    }

    pub fn fold(&self) -> Option<Fold> {
        self.traits.iter().find_map(|t| if let Trait::Fold(f) = t { Some(*f) } else { None })
    }
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

/// The traits against the rest of each catalog entry, so a new op gets its facts in its
/// one entry and a wrong one fails here rather than in a pass.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{ElemTy, OpView, TensorTy};
    use crate::{STABLEHLO, TFL};
    use std::collections::BTreeMap;

    fn all_ops() -> impl Iterator<Item = &'static OpDef> {
        TFL.ops.iter().chain(STABLEHLO.ops.iter())
    }

    /// A concrete element type a slot accepts (floats first), for type rules that look
    /// at shapes.
    fn sample_elem(elems: &[Elem]) -> ElemTy {
        let order =
            [Elem::F32, Elem::AnyFloat, Elem::Any, Elem::I32, Elem::AnyInt, Elem::I64, Elem::I16, Elem::I8, Elem::U8];
        match order.iter().find(|e| elems.contains(e)).or(elems.first()) {
            Some(Elem::F32 | Elem::AnyFloat | Elem::Any) => ElemTy::F32,
            Some(Elem::F16) => ElemTy::F16,
            Some(Elem::BF16) => ElemTy::BF16,
            Some(Elem::F64) => ElemTy::F64,
            Some(Elem::Bool) => ElemTy::I(1),
            Some(Elem::I8) => ElemTy::I(8),
            Some(Elem::I16) => ElemTy::I(16),
            Some(Elem::I64) => ElemTy::I(64),
            Some(Elem::U8) => ElemTy::U(8),
            _ => ElemTy::I(32),
        }
    }

    /// `def`'s result types for operands of `shapes` (one per operand slot) and results
    /// of the first operand's shape, by its type rule.
    fn inferred(def: &OpDef, shapes: &[Vec<i64>]) -> Vec<TensorTy> {
        let operands: Vec<TensorTy> = def
            .operands
            .iter()
            .zip(shapes)
            .map(|(slot, s)| TensorTy::ranked(s.clone(), sample_elem(slot.elems)))
            .collect();
        let results = def.results.iter().map(|r| TensorTy::ranked(shapes[0].clone(), sample_elem(r.elems))).collect();
        let view = OpView {
            name: def.name.into(),
            operand_consts: vec![None; operands.len()],
            operands,
            results,
            attrs: BTreeMap::new(),
            num_regions: def.regions,
        };
        let infer = def.infer.unwrap_or_else(|| panic!("{}: an element-wise op needs a type rule", def.name));
        infer(&view).unwrap_or_else(|e| panic!("{}: {e}", def.name))
    }

    fn is_int(slot: &ValueDef) -> bool {
        let int = |e: &Elem| matches!(e, Elem::I8 | Elem::I16 | Elem::I32 | Elem::I64 | Elem::U8 | Elem::AnyInt);
        !slot.elems.is_empty() && slot.elems.iter().all(int)
    }

    fn accepts_quant(slot: &ValueDef) -> bool {
        slot.elems.iter().any(|e| matches!(e, Elem::QI8 | Elem::AnyQuant | Elem::Any))
    }

    fn attr<'a>(def: &'a OpDef, name: &str) -> Option<&'a AttrDef> {
        def.attrs.iter().find(|a| a.name == name)
    }

    #[test]
    fn element_wise_ops_keep_their_operands_shape_and_broadcasting_ones_broadcast() {
        for def in all_ops().filter(|d| d.has(Trait::ElementWise)) {
            assert_eq!(def.results.len(), 1, "{}: one result", def.name);
            assert!(def.operands.iter().all(|o| o.arity == Arity::One), "{}: fixed operands", def.name);
            let same = vec![vec![2, 3]; def.operands.len()];
            assert_eq!(inferred(def, &same)[0].shape, Some(vec![2, 3]), "{}: result shape", def.name);
            if def.has(Trait::Broadcasting) {
                assert!(def.operands.len() >= 2, "{}: broadcasting needs operands to broadcast", def.name);
                let mut shapes = vec![vec![1, 3]; def.operands.len()];
                shapes[0] = vec![2, 1];
                assert_eq!(inferred(def, &shapes)[0].shape, Some(vec![2, 3]), "{}: broadcast result shape", def.name);
            }
        }
        for def in all_ops().filter(|d| d.has(Trait::Broadcasting)) {
            assert!(def.has(Trait::ElementWise), "{}: broadcasting ops are element-wise", def.name);
        }
    }

    #[test]
    fn layout_traits_name_integer_operands_and_attributes() {
        for def in all_ops() {
            let Some(p) = def.layout() else { continue };
            assert!(
                !def.has(Trait::ElementWise),
                "{}: element-wise ops are layout-agnostic without saying how",
                def.name
            );
            let int_operand = |i: usize| def.operands.get(i).is_some_and(|s| s.arity == Arity::One && is_int(s));
            match p {
                Permute::AxesOperand(i) => {
                    assert!(int_operand(i), "{}: axes operand {i}", def.name);
                    assert!(attr(def, "keep_dims").is_some(), "{}: a reduction has keep_dims", def.name);
                }
                Permute::PaddingsOperand(i) => assert!(int_operand(i), "{}: paddings operand {i}", def.name),
                Permute::AxisAttr(a) => {
                    assert_eq!(attr(def, a).map(|a| a.kind), Some(AttrKind::Int), "{}: integer attribute {a}", def.name)
                }
                Permute::PerDimOperands(is) => {
                    assert!(
                        !is.is_empty() && is.iter().all(|&i| int_operand(i)),
                        "{}: per-dim operands {is:?}",
                        def.name
                    )
                }
            }
        }
    }

    #[test]
    fn int8_roles_name_the_operand_slots() {
        for def in all_ops() {
            let Some(k) = def.int8() else { continue };
            assert_eq!(k.operands.len(), def.operands.len(), "{}: one role per operand slot", def.name);
            assert!(k.operands.contains(&QuantRole::Input), "{}: an input", def.name);
            for (slot, role) in def.operands.iter().zip(k.operands) {
                let ok = match role {
                    QuantRole::Input | QuantRole::Weight(_) => accepts_quant(slot),
                    QuantRole::Bias => slot.arity == Arity::Optional && slot.elems.contains(&Elem::F32),
                    QuantRole::Param => is_int(slot),
                    QuantRole::InputScaled => slot.elems.contains(&Elem::F32),
                };
                assert!(ok, "{}: operand '{}' cannot be {role:?}", def.name, slot.name);
                if let QuantRole::Weight(d) = role {
                    assert!(*d < 4, "{}: weight dim {d}", def.name);
                }
            }
            match k.output {
                QuantOutput::SameAsInput => {
                    assert_eq!(k.operands[0], QuantRole::Input, "{}: moves operand 0", def.name)
                }
                QuantOutput::SharedWithInputs => {
                    assert!(def.operands.len() == 1 && def.operands[0].arity == Arity::Variadic, "{}", def.name)
                }
                QuantOutput::Fixed { scale, zero_point } => {
                    assert!(scale > 0.0 && (-128..=127).contains(&zero_point), "{}", def.name)
                }
                QuantOutput::Own => {}
            }
            if let Some(w) = def.weighted() {
                assert!(w.input != w.weight && w.weight != w.bias && w.input != w.bias, "{}", def.name);
            }
        }
    }

    #[test]
    fn hybrid_kernels_agree_with_the_int8_weight() {
        for def in all_ops() {
            let Some(h) = def.hybrid() else { continue };
            let slot =
                def.operands.get(h.weight).unwrap_or_else(|| panic!("{}: weight operand {}", def.name, h.weight));
            assert!(accepts_quant(slot), "{}: a quantized weight", def.name);
            match def.quant_role(h.weight) {
                QuantRole::Weight(d) => assert_eq!(h.axis, QuantizedDim::Dim(d), "{}: one quantized dim", def.name),
                _ => assert_eq!(h.axis, QuantizedDim::MatmulColumns, "{}", def.name),
            }
            assert_eq!(
                h.asymmetric_inputs_attr,
                attr(def, "asymmetric_quantize_inputs").is_some(),
                "{}: asymmetric_inputs_attr says whether the op has the attribute",
                def.name
            );
            assert!(def.results.iter().all(|r| r.elems.contains(&Elem::F32)), "{}: float results", def.name);
        }
    }

    #[test]
    fn other_traits_fit_their_ops() {
        for def in all_ops() {
            if def.has(Trait::RequiresBias) {
                assert!(
                    def.weighted().is_some() && def.tflite.is_some(),
                    "{}: a bias needs a weighted TFL op",
                    def.name
                );
            }
            if let Some(act) = def.fusible_activation() {
                assert!(crate::tfl::ACTIVATIONS.contains(&act) && act != "NONE", "{}: {act}", def.name);
                assert!(def.has(Trait::ElementWise) && def.operands.len() == 1, "{}: a unary activation", def.name);
            }
            match def.fold() {
                Some(Fold::Binary(_)) => assert!(def.has(Trait::Broadcasting), "{}", def.name),
                Some(Fold::Unary(_) | Fold::Cast) => {
                    assert!(def.has(Trait::ElementWise) && def.operands.len() == 1, "{}", def.name)
                }
                _ => {}
            }
            if def.has(Trait::ConstantLike) {
                assert!(def.operands.is_empty() && def.results.len() == 1, "{}", def.name);
                assert!(attr(def, "value").is_some(), "{}: the constant is its value attribute", def.name);
            }
            let f16 = [Trait::F16Exact, Trait::F16Rounds, Trait::F16ByBody].iter().filter(|t| def.has(**t)).count();
            assert!(f16 <= 1, "{}: one way to widen f16", def.name);
            if f16 + def.has(Trait::F16InBody) as usize > 0 {
                assert!(def.name.starts_with("stablehlo."), "{}: f16 widening is a StableHLO pass", def.name);
                assert_eq!(
                    def.regions > 0,
                    def.has(Trait::F16ByBody),
                    "{}: region ops and only they go by body",
                    def.name
                );
            }
            let mut seen = Vec::new();
            for t in def.traits {
                let kind = std::mem::discriminant(t);
                assert!(!seen.contains(&kind), "{}: {t:?} twice", def.name);
                seen.push(kind);
            }
        }
    }

    /// The ops the passes and the writer used to list by name have the trait that
    /// replaced the list.
    #[test]
    fn ops_once_listed_by_name_keep_their_traits() {
        let check = |dialect: &Dialect, names: &str, what: &str, test: &dyn Fn(&OpDef) -> bool| {
            for n in names.split_whitespace() {
                let def = dialect.lookup(&format!("{}.{n}", dialect.namespace)).unwrap_or_else(|| panic!("{n}"));
                assert!(test(def), "{n}: {what}");
            }
        };
        let ew = |d: &OpDef| d.has(Trait::ElementWise);
        // passes/src/op_classes.rs UNARY, BROADCASTING.
        check(&TFL, "abs cast ceil cos dequantize exp floor gelu hard_swish leaky_relu log logical_not logistic neg quantize relu relu6 relu_n1_to_1 round rsqrt sign sin sqrt tanh", "element-wise", &ew);
        check(&TFL, "add bitwise_xor div equal floor_div floor_mod greater greater_equal less less_equal logical_and logical_or maximum minimum mul not_equal pow select_v2 squared_difference sub", "broadcasting", &|d| ew(d) && d.has(Trait::Broadcasting));
        // tfl-layout-nhwc's REDUCTIONS, PADS, concatenation and slice.
        check(&TFL, "mean reduce_any reduce_max reduce_min reduce_prod sum", "axes", &|d| {
            d.layout() == Some(Permute::AxesOperand(1))
        });
        check(&TFL, "pad padv2", "paddings", &|d| d.layout() == Some(Permute::PaddingsOperand(1)));
        check(&TFL, "concatenation", "axis", &|d| d.layout() == Some(Permute::AxisAttr("axis")));
        check(&TFL, "slice", "begin, size", &|d| d.layout() == Some(Permute::PerDimOperands(&[1, 2])));
        // tfl-fuse-activation's FUSIBLE.
        check(&TFL, "relu relu6 relu_n1_to_1", "fusible", &|d| d.fusible_activation().is_some());
        // tfl-quantize's QUANTIZABLE; tfl-quantize-bias's BIASED and tfl-optimize's WEIGHTED.
        check(&TFL, "add average_pool_2d batch_matmul concatenation conv_2d depthwise_conv_2d expand_dims fully_connected gather gelu hard_swish leaky_relu logistic max_pool_2d mean mul pad padv2 relu relu6 reshape resize_nearest_neighbor slice softmax squeeze strided_slice sub tanh transpose transpose_conv", "int8", &|d| d.int8().is_some());
        check(&TFL, "conv_2d depthwise_conv_2d fully_connected transpose_conv", "weighted", &|d| {
            d.weighted().is_some()
        });
        // tfl::hybrid's HYBRID_OPS; the writer's ZERO_BIAS_OPS and tfl-fp16-weights' NEEDS_BIAS.
        check(&TFL, "batch_matmul conv_2d depthwise_conv_2d fully_connected", "hybrid", &|d| d.hybrid().is_some());
        check(&TFL, "conv_2d depthwise_conv_2d", "requires a bias", &|d| d.has(Trait::RequiresBias));
        // tfl-fold-constants' KERNELS; tfl-optimize's RESHAPES.
        check(&TFL, "abs add broadcast_to cast concatenation div exp expand_dims maximum minimum mul neg pad padv2 reshape rsqrt slice sqrt squeeze strided_slice sub transpose", "fold", &|d| d.fold().is_some());
        check(&TFL, "reshape squeeze expand_dims", "reshape", &|d| d.fold() == Some(Fold::Reshape));
        // passes/src/constant.rs CONSTANT_OPS.
        check(&TFL, "pseudo_const", "constant", &|d| d.has(Trait::ConstantLike));
        check(&STABLEHLO, "constant", "constant", &|d| d.has(Trait::ConstantLike));
        // stablehlo-widen-f16's KEEPS_F16_VALUES, ROUNDS, WITH_REGIONS, REGION_OPS.
        check(&STABLEHLO, "abs broadcast_in_dim ceil clamp compare concatenate dynamic_slice floor gather is_finite maximum minimum negate pad remainder reshape reverse round_nearest_afz round_nearest_even select sign slice transpose", "f16 exact", &|d| d.has(Trait::F16Exact));
        check(&STABLEHLO, "add atan2 cbrt convolution cosine divide dot_general exponential exponential_minus_one iota log log_plus_one logistic multiply power rsqrt sine sqrt subtract tan tanh", "f16 rounds", &|d| d.has(Trait::F16Rounds));
        check(&STABLEHLO, "reduce reduce_window scatter sort", "f16 by body", &|d| d.has(Trait::F16ByBody));
        check(&STABLEHLO, "add and compare maximum minimum multiply not or return select", "f16 in body", &|d| {
            d.has(Trait::F16InBody)
        });
    }
}

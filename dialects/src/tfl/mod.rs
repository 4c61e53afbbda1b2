//! The `tfl` dialect catalog: TensorFlow Lite ops under TensorFlow's TFL op and
//! attribute names, each with its TFLite builtin code, options table and version rule.
//! Semantics: the TFLite builtin op reference and `tensorflow/compiler/mlir/lite/ir/tfl_ops.td`;
//! options: `tensorflow/compiler/mlir/lite/schema/schema.fbs`; versions: TFLite's
//! `op_version.cc` and `runtime_version.cc`.

pub mod hybrid;
mod ops;
pub mod op;
pub mod rules;
pub mod version;

pub use ops::OPS;

use crate::catalog::AttrKind;

/// Fused activations LiteRT's kernels apply. The schema also has TANH and SIGN_BIT, but
/// the float conv, depthwise, element-wise and pool kernels silently treat them as NONE
/// and fully_connected rejects them (found by the conformance suite), so they are refused
/// here rather than written into a model that computes the wrong thing.
pub const ACTIVATIONS: &[&str] = &["NONE", "RELU", "RELU_N1_TO_1", "RELU6"];
pub const FUSED_ACTIVATION: AttrKind = AttrKind::Enum(ACTIVATIONS);
/// The recurrent kernels' activation (of the cell input and output, or the RNN's):
/// TANH is theirs, not a fused activation the other ops take.
pub const SEQUENCE_ACTIVATION: AttrKind = AttrKind::Enum(&["NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH"]);
/// CONCATENATION's kernels reject any fused activation (the XNNPACK path ignores it).
pub const NO_FUSED_ACTIVATION: AttrKind = AttrKind::Enum(&["NONE"]);
pub const PADDING: AttrKind = AttrKind::Enum(&["SAME", "VALID"]);
/// `FullyConnectedOptionsWeightsFormat`, as TFL's `weights_format` string.
pub const WEIGHTS_FORMAT: AttrKind = AttrKind::Enum(&["DEFAULT", "SHUFFLED4x16INT8"]);

/// Element classes shared by many TFL ops (the runtime types `tfl_ops.td` lists).
pub mod elems {
    use crate::catalog::Elem::{self, *};
    /// Float or 8/16-bit quantized activations.
    pub const ACT: &[Elem] = &[F32, QI8, QU8, QI16];
    /// Float or 8-bit quantized activations.
    pub const ACT8: &[Elem] = &[F32, QI8, QU8];
    /// Float or quantized (any storage) weights.
    pub const WEIGHTS: &[Elem] = &[F32, AnyQuant];
    /// Float, int32/int64, or quantized (32/64-bit storage) bias.
    pub const BIAS: &[Elem] = &[F32, I32, I64, AnyQuant];
    /// Data-movement ops: any float32, bool, integer or quantized data.
    pub const DATA: &[Elem] = &[F32, Bool, AnyInt, AnyQuant];
    pub const INT32: &[Elem] = &[I32];
    pub const INDEX: &[Elem] = &[I32, I64];
    /// What `bitcast` reinterprets: plain numbers (no quantized or bool views).
    pub const BITS: &[Elem] = &[F32, I8, U8, I16, I32, I64];
    pub const BOOL: &[Elem] = &[Bool];
    pub const ANY: &[Elem] = &[Any];
}

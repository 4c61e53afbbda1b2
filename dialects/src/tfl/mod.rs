//! The `tfl` dialect catalog: TensorFlow Lite ops under TensorFlow's TFL op and
//! attribute names, each with its TFLite builtin code, options table and version rule.
//! Semantics: the TFLite builtin op reference and `tensorflow/compiler/mlir/lite/ir/tfl_ops.td`.

mod ops;

pub use ops::OPS;

use crate::catalog::AttrKind;

pub const ACTIVATIONS: &[&str] = &["NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT"];
pub const FUSED_ACTIVATION: AttrKind = AttrKind::Enum(ACTIVATIONS);
pub const PADDING: AttrKind = AttrKind::Enum(&["SAME", "VALID"]);

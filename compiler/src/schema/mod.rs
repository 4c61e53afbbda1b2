//! The TFLite flatbuffer schema (`compiler/schema/tflite.fbs`) as Rust.
//!
//! `tflite_generated.rs` is produced by flatc 25.x through
//! `scripts/regen-schema.sh`; never edit it by hand. Everything in the
//! schema's `tflite` namespace is re-exported here, so callers write
//! `edge_compiler::schema::{Model, ModelArgs, BuiltinOperator, root_as_model}`.

#[allow(
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    dead_code,
    deprecated,
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals,
    unused_imports,
    unsafe_op_in_unsafe_fn,
    missing_docs,
    rustdoc::all
)]
#[rustfmt::skip]
pub mod tflite_generated;

pub use tflite_generated::tflite::*;

/// The file identifier every TFLite model carries at bytes 4..8.
pub const FILE_IDENTIFIER: &str = MODEL_IDENTIFIER;

/// The schema version written into `Model.version`.
pub const SCHEMA_VERSION: u32 = 3;

/// The value for `OperatorCode.deprecated_builtin_code` given the real code:
/// old readers only know codes below `PLACEHOLDER_FOR_GREATER_OP_CODES` (127).
pub fn deprecated_builtin_code(op: BuiltinOperator) -> i8 {
    op.0.min(BuiltinOperator::PLACEHOLDER_FOR_GREATER_OP_CODES.0) as i8
}

/// The operator an `OperatorCode` names, whichever of its two code fields
/// the writer filled in (older files only set the deprecated one).
pub fn builtin_code(code: &OperatorCode<'_>) -> BuiltinOperator {
    let deprecated = i32::from(code.deprecated_builtin_code());
    BuiltinOperator(code.builtin_code().0.max(deprecated))
}

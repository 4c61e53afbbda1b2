//! MLIR TFL modules <-> TFLite flatbuffers.

mod check;
mod dump;
pub mod dynamic_dims;
mod enums;
mod reader;
mod schema_defaults;
#[cfg(test)]
mod test_model;
mod writer;

pub use edge_dialects::elements::constant_bytes;
pub use enums::{elem_to_tensor_type, schema_enum_value};
pub use dump::{dump_tflite, io_signature, op_histogram, signature_summaries, weight_types, IoInfo, SignatureSummary};
pub use reader::{tflite_to_mlir, ReadError, MAX_TENSOR_ELEMENTS};
pub use writer::{
    module_signatures, module_to_tflite, module_to_tflite_image, signatures_to_tflite_image, BufferLayout, Signature,
    TfliteImage, WriteOptions, DEFAULT_SIGNATURE, FLATBUFFER_MAX_BYTES, TOO_LARGE_HINT,
};

/// A translation failed; the reasons were emitted as MLIR diagnostics at their locations
/// (or, for problems with no location, carried here).
#[derive(Debug, thiserror::Error)]
pub enum TranslateError {
    #[error("{0} error(s) reported")]
    Diagnosed(usize),
    #[error("{0}")]
    Message(String),
}

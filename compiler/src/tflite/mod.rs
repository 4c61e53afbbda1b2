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
pub use reader::{tflite_to_mlir, tflite_to_mlir_with, ReadError, ReadOptions, MAX_TENSOR_ELEMENTS};
pub use writer::{
    module_signatures, module_to_tflite, module_to_tflite_image, signatures_to_tflite_image, BufferLayout, Signature,
    TfliteImage, WriteOptions, DEFAULT_SIGNATURE, FLATBUFFER_MAX_BYTES,
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

/// A `.tflite` file's bytes: mapped (a large model's data is only touched where read:
/// the dump reads the tables alone), or read from standard input (`-`).
pub enum FileBytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(m) => m,
            FileBytes::Read(v) => v,
        }
    }
}

/// Maps `path` (or reads standard input for `-`).
pub fn read_file(path: &str) -> Result<FileBytes, String> {
    if path == "-" {
        return crate::driver::read_input_bytes(path).map(FileBytes::Read);
    }
    crate::driver::check_input_path(std::path::Path::new(path))?;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read '{path}': {e}"))?;
    if file.metadata().is_ok_and(|m| m.len() == 0) {
        // An empty map is an error on some systems; an empty file is the reader's to refuse.
        return Ok(FileBytes::Read(Vec::new()));
    }
    // SAFETY: the map is read-only. A file rewritten under it gives bytes the reader
    // checks like any others; one truncated under it faults, as it would in LiteRT.
    unsafe { memmap2::Mmap::map(&file) }.map(FileBytes::Mapped).map_err(|e| format!("cannot read '{path}': {e}"))
}

//! Errors from reading a `.pt2` archive: one variant per failure kind.
//!
//! Every message is lower-case, starts with the archive's path and names the entry
//! (a path inside the archive) or the FQN (a parameter, buffer or constant name) at
//! fault, so a user can find the problem without a debugger. Nothing in `pt2::archive`,
//! `pt2::schema` or `pt2::weights` panics on a malformed file: it returns one of these.

use std::path::PathBuf;

/// What torch versions this reader accepts, quoted in layout errors.
pub const SUPPORTED_TORCH: &str = "archives written by torch.export.save from torch 2.9 or newer are supported";

/// The `schema_version.major` of the ExportedProgram JSON this reader understands.
pub const SUPPORTED_SCHEMA_MAJOR: i64 = 8;

/// A stored tensor's view on its storage file, as quoted in [`Pt2Error::ShortStorage`]
/// and [`Pt2Error::AbsurdSizes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TensorView {
    /// torch's dtype name (`float32`).
    pub dtype: &'static str,
    pub sizes: Vec<i64>,
    pub strides: Vec<i64>,
    pub storage_offset: i64,
}

impl std::fmt::Display for TensorView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "dtype {}, sizes {:?}, strides {:?}, storage offset {}",
            self.dtype, self.sizes, self.strides, self.storage_offset
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Pt2Error {
    /// Opening, reading or mapping the file failed.
    #[error("{}: i/o error: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The input is a directory (worded as the tools word it for every input).
    #[error("cannot read '{}': it is a directory, not a file", path.display())]
    Directory { path: PathBuf },

    /// The file is not a zip archive at all (empty, wrong magic, no central directory).
    #[error("{}: not a valid zip archive: {reason}", path.display())]
    NotZip { path: PathBuf, reason: String },

    /// The zip structure points past the end of the file.
    #[error("{}: truncated archive: {what}", path.display())]
    Truncated { path: PathBuf, what: String },

    /// An entry is compressed; torch.export.save stores every entry, and edge maps
    /// entries in place.
    #[error("{}: entry '{entry}' is compressed ({method}); torch.export.save stores every entry uncompressed, and edge reads only stored entries", path.display())]
    CompressedEntry { path: PathBuf, entry: String, method: String },

    /// A required entry is absent.
    #[error("{}: missing entry '{entry}'", path.display())]
    MissingEntry { path: PathBuf, entry: String },

    /// The archive has a layout this reader does not read (older torch, big-endian,
    /// not a torch.export archive).
    #[error("{}: unsupported archive layout: {reason}; {}", path.display(), SUPPORTED_TORCH)]
    UnsupportedLayout { path: PathBuf, reason: String },

    /// `schema_version.major` is not the one this reader understands.
    #[error("{}: '{entry}' has schema version {found_major}.{found_minor}, but only schema major version {supported} is supported", path.display())]
    SchemaVersion { path: PathBuf, entry: String, found_major: i64, found_minor: i64, supported: i64 },

    /// A JSON entry does not parse, or does not have the expected structure.
    #[error("{}: invalid json in '{entry}' at line {line}, column {column}: {message}", path.display())]
    InvalidJson { path: PathBuf, entry: String, line: usize, column: usize, message: String },

    /// A tensor view reaches past the end of its storage file.
    #[error("{}: storage '{entry}' of '{fqn}' is too short: the view ({view}) needs {needed} bytes, but the entry has {present}", path.display())]
    ShortStorage { path: PathBuf, fqn: String, entry: String, view: Box<TensorView>, needed: u64, present: usize },

    /// Negative sizes, strides or offset, a rank mismatch, or an element or byte count
    /// that overflows.
    #[error("{}: '{fqn}' has an absurd tensor view ({view}): {reason}", path.display())]
    AbsurdSizes { path: PathBuf, fqn: String, view: Box<TensorView>, reason: String },

    /// A size, stride or offset of a stored tensor is symbolic.
    #[error("{}: '{fqn}' has a symbolic {what} ({expr}); stored tensors must have static sizes", path.display())]
    SymbolicWeightShape { path: PathBuf, fqn: String, what: &'static str, expr: String },

    /// A dtype code that torch's schema does not define.
    #[error("{}: '{fqn}' has unknown dtype code {code}", path.display())]
    UnknownDtype { path: PathBuf, fqn: String, code: i64 },

    /// A dtype torch defines but edge does not load (complex, float8, wide unsigned).
    #[error("{}: '{fqn}' has dtype {dtype} (code {code}), which edge does not support", path.display())]
    UnsupportedDtype { path: PathBuf, fqn: String, dtype: &'static str, code: i64 },

    /// The payload of a bound tensor is a pickle (a tensor subclass, or a custom object
    /// where a tensor was expected); edge reads raw storage only.
    #[error("{}: '{fqn}' is stored as a pickle in '{entry}' (a tensor subclass or custom object); edge reads raw tensor storage only", path.display())]
    PickledPayload { path: PathBuf, fqn: String, entry: String },

    /// A raw (not pickled) payload without the `tensor_meta` that says how to view it.
    #[error("{}: '{fqn}' in '{entry}' is a raw payload without tensor_meta", path.display())]
    MissingTensorMeta { path: PathBuf, fqn: String, entry: String },

    /// A graph input names a parameter, buffer or constant that no payload config lists.
    #[error("{}: graph input '{input}' is bound to '{fqn}', which neither '{weights_config}' nor '{constants_config}' lists", path.display())]
    UnboundInput { path: PathBuf, input: String, fqn: String, weights_config: String, constants_config: String },
}

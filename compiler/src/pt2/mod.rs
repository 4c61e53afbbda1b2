//! Importing torch.export archives (`.pt2`, torch 2.9+) into StableHLO.
//!
//! `archive` maps the zip, `schema` is the serialized ExportedProgram, `weights` binds
//! parameters/buffers/constants to graph inputs, `lower` is the ATen -> StableHLO table,
//! `emit` writes StableHLO in generic form, and `import` drives it all.

pub mod archive;
pub mod error;
pub mod schema;
pub mod weights;

mod emit;
mod import;
pub mod lower;
pub mod sym;

pub use error::Pt2Error;
pub use emit::{
    Limits, DEFAULT_MAX_CONSTANT_BYTES, DEFAULT_MAX_TENSOR_ELEMENTS, MAX_CONSTANT_BYTES_ENV, MAX_TENSOR_ELEMENTS_ENV,
};
pub use import::{import_program, BufferMutations, ImportError, ImportOptions, Imported};

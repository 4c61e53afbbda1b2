//! edge-compiler: translations between MLIR and TFLite flatbuffers, and the library API.

pub mod schema;

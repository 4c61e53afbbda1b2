//! edge-compiler: translations between MLIR and TFLite flatbuffers, and the library API.

pub mod driver;
pub mod pt2;
pub mod schema;
pub mod tflite;

//! The raw-handle versions of `constant` and `quant`, for passes not yet written
//! against `edge_dialects::mlir`. They go once the last pass is migrated.

pub mod constant;
pub mod quant;

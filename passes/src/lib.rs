//! edge-passes: the pass trait, the registry of edge's passes (one file each), the
//! pipeline-syntax parser, and the bridge that runs Rust passes inside MLIR's pass
//! manager beside upstream passes.

pub mod constant;
pub mod legalize;
pub mod manager;
pub mod pass;
pub mod pipeline;
pub mod pipelines;
pub mod quant;
pub mod registry;

mod edge_verify;
mod fold_kernels;
mod range_table;
mod inline_calls;
mod legalize_stablehlo_to_tfl;
mod stablehlo_unroll_recurrent;
mod stablehlo_widen_f16;
mod tfl_channel_last_io;
mod tfl_cleanup_requantize;
mod tfl_fold_constants;
mod tfl_fp16_weights;
mod tfl_cse;
mod tfl_fuse_activation;
mod tfl_layout_nhwc;
mod tfl_optimize;
mod tfl_quantize;
mod tfl_quantize_bias;
mod tfl_quantize_io;
mod tfl_quantize_weights_dynamic;
mod tfl_quantize_weights_int4;
mod tfl_recognize_patterns;
mod tfl_recognize_resize;
mod tfl_remove_broadcasts;
mod tfl_simplify_shapes;

pub use manager::{Pipeline, RunOptions};
pub use pass::{Pass, PassFailed, PassInfo};
pub use registry::PASSES;

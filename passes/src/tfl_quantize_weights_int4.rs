//! `tfl-quantize-weights-int4`: weight-only 4-bit quantization for LiteRT's hybrid
//! kernels. `tfl-quantize-weights-dynamic` with narrower weights where LiteRT runs
//! them: `fully_connected` weights become INT4 per output channel (symmetric, narrow
//! range [-7, 7], zero point 0, scale = r x max|w| / 7 with the clip ratio r of 1.0..0.5
//! that gives the least squared error: `quant::quantize_per_channel`) and the op
//! quantizes its float input at run time (`asymmetric_quantize_inputs`), and tables
//! that `tfl.gather` picks rows from become INT4 per row, read by
//! `tfl.embedding_lookup` (a tied head's weight is one INT4 constant for both). The
//! other hybrid ops (conv_2d, depthwise_conv_2d, batch_matmul) get int8 weights as in
//! dynamic-range quantization, with a remark.
//!
//! Why this form (measured in LiteRT 2.3 with `runtime-check/int4_kernels.py`, a
//! 2048 -> 5632 fully_connected, one thread): the per-channel INT4 hybrid kernel is the
//! fastest form under XNNPACK (0.09 ms a row against 0.14 for int8 and 1.6 for float)
//! and stays fast without it (0.35 ms); it computes exactly with the stored weights up to
//! the run-time input quantization, as int8 does. Blockwise INT4
//! (`BlockwiseQuantization`) runs only with float16 scales, under XNNPACK only (LiteRT's
//! own kernel is 100x slower; float32 scales make the delegate fail, so the model does
//! not load); DEQUANTIZE(int4) into a float fully_connected is not delegated (2 ms).
//! EMBEDDING_LOOKUP with an INT4 per-row table gives the dequantized rows exactly.
//!
//! Kept f32, with remarks, as in `tfl-quantize-weights-dynamic`. Input: TFL after the
//! last constant fold. Output: the hybrid form with INT4 fully_connected weights.
//!
//!   %w = "tfl.pseudo_const"() {value = dense<...> : tensor<16x64xf32>} : () -> tensor<16x64xf32>
//!   %y = "tfl.fully_connected"(%x, %w, %b) {...} : (tensor<4x64xf32>, tensor<16x64xf32>, tensor<16xf32>) -> tensor<4x16xf32>
//! becomes
//!   %q = "tfl.pseudo_const"() {value = dense<...> : tensor<16x64xi4>}
//!          : () -> tensor<16x64x!quant.uniform<i4<-7:7>:f32:0, {0.0123, ...}>>
//!   %y = "tfl.fully_connected"(%x, %q, %b) {asymmetric_quantize_inputs = true, ...} : (...) -> tensor<4x16xf32>

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::tfl_quantize_weights_dynamic::{min_elements, quantize_weights, WeightPolicy, MIN_ELEMENTS};
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::Op;
use edge_dialects::tfl::op as tfl;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-weights-int4",
    summary: "Weight-only int4: per-channel INT4 fully_connected weights and embedding tables read by hybrid kernels (int8 for other hybrid ops)",
    anchor: Func::NAME,
    options: &[MIN_ELEMENTS],
    create,
};

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflQuantizeWeightsInt4 { min_elements: min_elements(options)? }))
}

struct TflQuantizeWeightsInt4 {
    min_elements: usize,
}

/// INT4 for the ops whose INT4 hybrid kernel was measured in LiteRT; int8 otherwise.
fn hybrid_bits(op: Op) -> (u32, Option<&'static str>) {
    if op.isa::<tfl::FullyConnected>() {
        (4, None)
    } else {
        (8, Some("weight quantized to int8, not int4: LiteRT's int4 hybrid kernels were checked for fully_connected only"))
    }
}

impl Pass for TflQuantizeWeightsInt4 {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let policy = WeightPolicy { min_elements: self.min_elements, hybrid_bits, table_bits: 4 };
        Ok(quantize_weights(func, &policy))
    }
}

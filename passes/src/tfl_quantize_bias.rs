//! `tfl-quantize-bias`: the float bias of an int8 convolution or fully_connected
//! becomes int32 at scale input scale x weight scale (per output channel for per-axis
//! weights) and zero point 0, as TFLite's int8 kernels read it.
//!
//!   "tfl.conv_2d"(%x : i8 s=0.02, %w : i8 per-axis {0.001, 0.002}, %b : tensor<2xf32>)
//! becomes
//!   "tfl.conv_2d"(%x, %w, %b32 : tensor<2x!quant.uniform<i32:f32:0, {2.0e-05, 4.0e-05}>>)
//!
//! The ops are those whose int8 kernel (`Trait::Int8` in the catalog) has an input, a
//! weight and a bias operand (`OpDef::weighted`). One pattern, `BiasToInt32`, rooted at
//! each of them; float constants left unused are erased at the end.

use crate::constant::{is_constant, read};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use crate::quant::{insert_quant_const, quant_of};
use edge_dialects::ir::{ElemTy, QuantTy};
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter};

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-bias",
    summary: "Make the float bias of int8 conv/depthwise/fully_connected/transpose_conv ops int32 at input scale x weight scale",
    anchor: Func::NAME,
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    let patterns: Vec<Pattern> = edge_dialects::TFL
        .ops
        .iter()
        .filter(|def| def.weighted().is_some())
        .map(|def| Pattern::new("BiasToInt32", def.name, bias_to_int32))
        .collect();
    Ok(Box::new(TflQuantizeBias { patterns: PatternSet::new(&patterns) }))
}

struct TflQuantizeBias {
    patterns: PatternSet,
}

impl Pass for TflQuantizeBias {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // Dead ops go once at the end, as the rewrites leave them.
        let config = GreedyConfig { erase_dead: false, ..GreedyConfig::default() };
        run_patterns(INFO.name, func, &self.patterns, config, &mut rw)?;
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

/// The float constant bias of an op whose input and weight are quantized, as int32
/// constant at input scale x weight scale.
fn bias_to_int32<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    // The input, weight and bias operands: the roles of the op's int8 kernel.
    let Some(wd) = op.def().and_then(|d| d.weighted()) else { return false };
    let (x, w, b) = (wd.input, wd.weight, wd.bias);
    let Some(bias) = op.try_operand(b) else { return false };
    let (Some(xq), Some(wq)) = (quant_of(op.operand(x)), quant_of(op.operand(w))) else { return false };
    if !is_constant(bias) || bias.elem() != ElemTy::F32 {
        return false;
    }
    let Some(c) = read(bias) else { return false };
    let values: Vec<f32> = c.bytes.chunks_exact(4).map(|v| f32::from_le_bytes(v.try_into().unwrap())).collect();
    let Some(q) = bias_type(&xq, &wq, values.len()) else { return false };
    let ints: Vec<u8> = values
        .iter()
        .enumerate()
        .flat_map(|(i, &v)| {
            let s = q.scales[if q.scales.len() > 1 { i } else { 0 }];
            ((v as f64 / s).round().clamp(i32::MIN as f64, i32::MAX as f64) as i32).to_le_bytes()
        })
        .collect();
    rw.set_insertion_before(op);
    let new = insert_quant_const(rw, &c.shape, &q, ints);
    rw.set_operand(op, b, new);
    true
}

/// `QuantTy::bias_for`, when the weight has one scale or one per bias element.
fn bias_type(x: &QuantTy, w: &QuantTy, channels: usize) -> Option<QuantTy> {
    (w.scales.len() == 1 || w.scales.len() == channels).then(|| QuantTy::bias_for(x, w))
}

//! `tfl-quantize-bias`: the float bias of an int8 convolution or fully_connected
//! becomes int32 at scale input scale x weight scale (per output channel for per-axis
//! weights) and zero point 0, as TFLite's int8 kernels read it.
//!
//!   "tfl.conv_2d"(%x : i8 s=0.02, %w : i8 per-axis {0.001, 0.002}, %b : tensor<2xf32>)
//! becomes
//!   "tfl.conv_2d"(%x, %w, %b32 : tensor<2x!quant.uniform<i32:f32:0, {2.0e-05, 4.0e-05}>>)

use crate::legacy::constant::{is_constant, read};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::legacy::quant::{insert_quant_const, quant_of};
use crate::rewrite::*;
use edge_dialects::ir::{ElemTy, QuantTy};
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-bias",
    summary: "Make the float bias of int8 conv/depthwise/fully_connected/transpose_conv ops int32 at input scale x weight scale",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflQuantizeBias))
}

struct TflQuantizeBias;

impl TflQuantizeBias {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for op in body_ops(func) {
            let op_name = name(op);
            // The input, weight and bias operands: the roles of the op's int8 kernel.
            let Some(wd) = edge_dialects::TFL.lookup(&op_name).and_then(|d| d.weighted()) else { continue };
            let (x, w, b) = (wd.input as isize, wd.weight as isize, wd.bias as isize);
            if b >= unsafe { mlirOperationGetNumOperands(op) } {
                continue;
            }
            let (Some(xq), Some(wq)) = (quant_of(operand(op, x)), quant_of(operand(op, w))) else { continue };
            let bias = operand(op, b);
            if !is_constant(bias) || value_type(bias).elem != ElemTy::F32 {
                continue;
            }
            let Some(c) = read(bias) else { continue };
            let values: Vec<f32> = c.bytes.chunks_exact(4).map(|v| f32::from_le_bytes(v.try_into().unwrap())).collect();
            let Some(q) = bias_type(&xq, &wq, values.len()) else { continue };
            let ints: Vec<u8> = values
                .iter()
                .enumerate()
                .flat_map(|(i, &v)| {
                    let s = q.scales[if q.scales.len() > 1 { i } else { 0 }];
                    ((v as f64 / s).round().clamp(i32::MIN as f64, i32::MAX as f64) as i32).to_le_bytes()
                })
                .collect();
            let new = insert_quant_const(op, &c.shape, &q, ints);
            set_operand(op, b as usize, new);
        }
        erase_dead_ops(func);
        Ok(())
    }
}

/// `QuantTy::bias_for`, when the weight has one scale or one per bias element.
fn bias_type(x: &QuantTy, w: &QuantTy, channels: usize) -> Option<QuantTy> {
    (w.scales.len() == 1 || w.scales.len() == channels).then(|| QuantTy::bias_for(x, w))
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflQuantizeBias {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

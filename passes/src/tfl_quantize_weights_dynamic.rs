//! `tfl-quantize-weights-dynamic`: dynamic-range quantization. The f32 constant weight
//! of each op with a LiteRT hybrid kernel (`conv_2d`, `depthwise_conv_2d`,
//! `fully_connected`, and `batch_matmul` with a constant `y`) becomes an int8 constant
//! that the op reads directly: the hybrid form of `edge_dialects::tfl::hybrid`, where
//! LiteRT quantizes the float input at run time, multiplies in int8 and scales the sums
//! back to float. Weights are per-channel symmetric and narrow-range, as TensorFlow's
//! converter makes them: along the op's quantized dimension (conv_2d and
//! fully_connected 0, depthwise_conv_2d 3, batch_matmul the output columns), scale =
//! max|w| / 127, values round(w / scale) in [-127, 127], zero point 0. Biases,
//! activations and results stay f32. `fully_connected` and `batch_matmul` get
//! `asymmetric_quantize_inputs = true` (their inputs are quantized with a zero point,
//! which keeps the resolution of inputs that are not centred on 0, such as ReLU
//! outputs); conv_2d's and depthwise_conv_2d's per-channel kernels always do that.
//!
//! Kept f32, with a remark at the constant saying why: weights of fewer than
//! `min-elements` (1024, TensorFlow's threshold: the int8 copy would save little and the
//! run-time input quantization would cost more than it saves), and large constants that
//! an op without a hybrid kernel reads. A conv or fully_connected weight that is not a
//! constant (computed at run time, as in a float16 model) is remarked at the op. A
//! weight that several hybrid ops read is quantized once.
//!
//! Input: TFL after the last constant fold. Output: the hybrid form.
//!
//!   %w = "tfl.pseudo_const"() {value = dense<...> : tensor<16x64xf32>} : () -> tensor<16x64xf32>
//!   %y = "tfl.fully_connected"(%x, %w, %b) {...} : (tensor<4x64xf32>, tensor<16x64xf32>, tensor<16xf32>) -> tensor<4x16xf32>
//! becomes
//!   %q = "tfl.pseudo_const"() {value = dense<...> : tensor<16x64xi8>}
//!          : () -> tensor<16x64x!quant.uniform<i8<-127:127>:f32:0, {0.0123, ...}>>
//!   %y = "tfl.fully_connected"(%x, %q, %b) {asymmetric_quantize_inputs = true, ...} : (...) -> tensor<4x16xf32>

use crate::constant;
use crate::pass::{Pass, PassFailed, PassInfo, PassOptionInfo, PassOptions};
use crate::quant::{insert_quant_const, read_weight_in_hybrid_kernel};
use edge_dialects::catalog::QuantRole;
use edge_dialects::ir::{ElemTy, QuantTy};
use edge_dialects::mlir::func::{Func, Return};
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::tfl::hybrid;
use edge_dialects::tfl::op as tfl;
use std::collections::HashMap;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-weights-dynamic",
    summary: "Dynamic-range quantization: int8 per-channel weights read by hybrid conv/depthwise/fully_connected/batch_matmul",
    anchor: Func::NAME,
    options: &[PassOptionInfo {
        name: "min-elements",
        help: "weights with fewer elements stay f32",
        default: "1024",
    }],
    create,
};

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    let min_elements = options.get_i64("min-elements")?;
    if min_elements < 0 {
        return Err(format!("option 'min-elements' must not be negative, got {min_elements}"));
    }
    Ok(Box::new(TflQuantizeWeightsDynamic { min_elements: min_elements as usize }))
}

struct TflQuantizeWeightsDynamic {
    min_elements: usize,
}

/// The narrow signed 8-bit range TensorFlow gives weights: symmetric around 0.
const QMAX: i32 = 127;

/// Operands that are biases of hybrid ops (their catalog role): they stay f32 and need
/// no remark.
fn is_bias(op: Op, operand: usize) -> bool {
    op.def().is_some_and(|def| def.hybrid().is_some() && def.quant_role(operand) == QuantRole::Bias)
}

/// Per-channel symmetric int8 of an f32 tensor along `axis`: the scales and the
/// storage bytes.
fn quantize_per_channel(shape: &[i64], axis: usize, values: &[f32]) -> (Vec<f64>, Vec<u8>) {
    let channels = shape[axis] as usize;
    let inner: usize = shape[axis + 1..].iter().product::<i64>() as usize;
    let channel_of = |i: usize| (i / inner.max(1)) % channels.max(1);
    let mut max_abs = vec![0f32; channels];
    for (i, x) in values.iter().enumerate() {
        let m = &mut max_abs[channel_of(i)];
        *m = m.max(x.abs());
    }
    // An all-zero channel takes scale 1 (any scale gives zeros), as TensorFlow does.
    let scales: Vec<f32> =
        max_abs.iter().map(|&m| if m > 0.0 && m.is_finite() { m / QMAX as f32 } else { 1.0 }).collect();
    let bytes = values
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            let q = (x as f64 / scales[channel_of(i)] as f64).round();
            q.clamp(-QMAX as f64, QMAX as f64) as i8 as u8
        })
        .collect();
    // The stored f64 scales are the f32 values the bytes were computed with, so the
    // flatbuffer's f32 scales are exactly them.
    (scales.into_iter().map(f64::from).collect(), bytes)
}

/// Constant `w` quantized along `axis`, inserted before its constant op.
fn quantized_constant<'c>(rw: &mut Rewriter<'c>, w: Value<'c>, axis: usize) -> Option<Value<'c>> {
    let const_op = constant::constant_op(w)?;
    let (shape, scales, bytes) = constant::with_bytes(w, |shape, elem, bytes| {
        if *elem != ElemTy::F32 {
            return None;
        }
        let values: Vec<f32> = bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        let (scales, q) = quantize_per_channel(shape, axis, &values);
        Some((shape.to_vec(), scales, q))
    })??;
    let q = QuantTy::new(&ElemTy::I(8), (-QMAX as i64, QMAX as i64), scales, vec![0; shape[axis] as usize], Some(axis as i32))?;
    rw.set_insertion_before(const_op);
    Some(insert_quant_const(rw, &shape, &q, bytes))
}

impl Pass for TflQuantizeWeightsDynamic {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // (weight, axis) -> its int8 constant, for weights several ops read.
        let mut quantized: HashMap<(Value, usize), Value> = HashMap::new();
        let mut touched: Vec<Op> = Vec::new();
        for op in func.nested_ops() {
            let Some(h) = hybrid::lookup(op.name()) else { continue };
            let (x, w) = (op.operand(0), op.operand(h.weight));
            let (wt, xt, yt) = (w.ty(), x.ty(), op.result(0).ty());
            let float_op = xt.elem == ElemTy::F32 && yt.elem == ElemTy::F32 && wt.elem == ElemTy::F32;
            if !float_op || !wt.is_static() {
                continue;
            }
            let Some(const_op) = constant::constant_op(w) else {
                // A weight computed at run time (a float16 model's weights are cast up
                // where they are read); batch_matmul of two activations has none.
                if !op.isa::<tfl::BatchMatmul>() {
                    op.emit_remark("kept float32: the weight is not a constant (it is computed at run time)");
                }
                continue;
            };
            let elements = wt.num_elements().unwrap_or(0) as usize;
            if elements == 0 {
                continue;
            }
            if elements < self.min_elements {
                const_op.emit_remark(&format!("kept float32: the weight has fewer than {} elements", self.min_elements));
                continue;
            }
            let adj_y = op.cast::<tfl::BatchMatmul>().and_then(|m| m.adj_y()) == Some(true);
            let axis = h.quantized_dim(wt.dims().len(), adj_y);
            let q = match quantized.get(&(w, axis)) {
                Some(&q) => q,
                None => match quantized_constant(&mut rw, w, axis) {
                    Some(q) => {
                        quantized.insert((w, axis), q);
                        // Once per constant, though two ops may want it along two axes.
                        if !touched.contains(&const_op) {
                            touched.push(const_op);
                        }
                        q
                    }
                    None => {
                        const_op.emit_remark("kept float32: the weight's value cannot be read");
                        continue;
                    }
                },
            };
            read_weight_in_hybrid_kernel(&mut rw, op, h, q);
        }
        for const_op in touched {
            if const_op.result(0).use_count() == 0 {
                rw.erase_op(const_op);
            } else {
                remark_float_users(const_op);
            }
        }
        // Large float constants that no hybrid op reads: say why they stay f32.
        for op in func.nested_ops() {
            if op.isa::<tfl::PseudoConst>() && !quantized.keys().any(|k| k.0 == op.result(0)) {
                let t = op.result(0).ty();
                if t.elem == ElemTy::F32 && t.num_elements().is_some_and(|n| n as usize >= self.min_elements.max(1)) {
                    remark_float_users(op);
                }
            }
        }
        Ok(rw.changed())
    }
}

/// A remark for each kind of op that reads f32 constant `const_op` other than as a
/// bias: those ops have no hybrid kernel, or none for that operand.
fn remark_float_users(const_op: Op) {
    let mut kinds: Vec<&str> = const_op
        .result(0)
        .uses()
        .into_iter()
        .filter(|(user, i)| !is_bias(*user, *i) && !user.isa::<Return>())
        .map(|(user, _)| user.name())
        .collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        const_op.emit_remark(&format!("kept float32: read by '{kind}', which has no hybrid kernel for it"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn per_channel_symmetric_narrow_range() {
        // Two channels along dim 0 of [2, 3]; the second is all zeros.
        let (scales, q) = quantize_per_channel(&[2, 3], 0, &[1.27, -0.635, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(scales, vec![(1.27f32 / 127.0) as f64, 1.0]);
        assert_eq!(q.iter().map(|&b| b as i8).collect::<Vec<_>>(), vec![127, -64, 0, 0, 0, 0]);
        // Along the last dim of [2, 2]: channels are columns.
        let (scales, q) = quantize_per_channel(&[2, 2], 1, &[1.0, 4.0, -2.0, 2.0]);
        assert_eq!(scales, vec![(2.0f32 / 127.0) as f64, (4.0f32 / 127.0) as f64]);
        assert_eq!(q.iter().map(|&b| b as i8).collect::<Vec<_>>(), vec![64, 127, -127, 64]);
    }
}

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
//! Tables that `tfl.gather` picks rows from (embeddings; a tied head's weight is the
//! same constant, quantized once for both) become int8 per row too, read by
//! `tfl.embedding_lookup`, LiteRT's hybrid lookup that dequantizes the rows it picks
//! (GATHER itself returns wrong values for a quantized table with a float result in
//! LiteRT 2.3: `runtime-check/int4_kernels.py`).
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
use crate::quant::{embedding_lookup_refusal, lookup_rows, quantized_weight, read_weight_in_hybrid_kernel};
use edge_dialects::catalog::QuantRole;
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::func::{Func, Return};
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::tfl::hybrid;
use edge_dialects::tfl::op as tfl;
use std::collections::HashMap;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-weights-dynamic",
    summary: "Dynamic-range quantization: int8 per-channel weights read by hybrid conv/depthwise/fully_connected/batch_matmul and embedding lookups",
    anchor: Func::NAME,
    options: &[MIN_ELEMENTS],
    create,
};

/// The weight-quantizing passes' one option.
pub(crate) const MIN_ELEMENTS: PassOptionInfo =
    PassOptionInfo { name: "min-elements", help: "weights with fewer elements stay f32", default: "1024" };

/// `min-elements`, checked.
pub(crate) fn min_elements(options: &PassOptions) -> Result<usize, String> {
    let n = options.get_i64(MIN_ELEMENTS.name)?;
    usize::try_from(n).map_err(|_| format!("option '{}' must not be negative, got {n}", MIN_ELEMENTS.name))
}

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflQuantizeWeightsDynamic { min_elements: min_elements(options)? }))
}

struct TflQuantizeWeightsDynamic {
    min_elements: usize,
}

impl Pass for TflQuantizeWeightsDynamic {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let policy = WeightPolicy { min_elements: self.min_elements, hybrid_bits: |_| (8, None), table_bits: 8 };
        Ok(quantize_weights(func, &policy))
    }
}

/// What `quantize_weights` stores how: shared with `tfl-quantize-weights-int4`, which
/// differs only in the widths.
pub(crate) struct WeightPolicy {
    /// Weights with fewer elements stay f32.
    pub min_elements: usize,
    /// The storage bits of a hybrid op's weight, and a remark to leave at the op when it
    /// gets more bits than the policy's narrowest (no narrower kernel).
    pub hybrid_bits: fn(Op) -> (u32, Option<&'static str>),
    /// The storage bits of tables read by `tfl.embedding_lookup`.
    pub table_bits: u32,
}

/// Quantizes the weights of `func`'s hybrid ops and the tables its row gathers read, as
/// `policy` says; whether anything changed.
pub(crate) fn quantize_weights<'c>(func: Op<'c>, policy: &WeightPolicy) -> bool {
    let mut rw = Rewriter::new(func.context());
    // (weight, axis, bits) -> its quantized constant, for weights several ops read.
    let mut quantized: HashMap<(Value<'c>, usize, u32), Value<'c>> = HashMap::new();
    let mut touched: Vec<Op<'c>> = Vec::new();
    let mut quantize = |rw: &mut Rewriter<'c>, w: Value<'c>, axis: usize, bits: u32| -> Option<Value<'c>> {
        if let Some(&q) = quantized.get(&(w, axis, bits)) {
            return Some(q);
        }
        let q = quantized_weight(rw, w, axis, bits)?;
        quantized.insert((w, axis, bits), q);
        let const_op = constant::constant_op(w).expect("a constant");
        // Once per constant, though ops may want it along two axes.
        if !touched.contains(&const_op) {
            touched.push(const_op);
        }
        Some(q)
    };
    // A large enough f32 constant of static shape: its constant op.
    let weight_const = |w: Value<'c>| -> Option<Op<'c>> {
        let t = w.ty();
        if t.elem != ElemTy::F32 || !t.is_static() || t.num_elements().unwrap_or(0) == 0 {
            return None;
        }
        let const_op = constant::constant_op(w)?;
        if (t.num_elements().unwrap_or(0) as usize) < policy.min_elements {
            const_op.emit_remark(&format!("kept float32: the weight has fewer than {} elements", policy.min_elements));
            return None;
        }
        Some(const_op)
    };
    let ops = func.nested_ops();
    for &op in &ops {
        let Some(h) = hybrid::lookup(op.name()) else { continue };
        let (x, w) = (op.operand(0), op.operand(h.weight));
        let float_op = x.ty().elem == ElemTy::F32 && op.result(0).ty().elem == ElemTy::F32;
        if !float_op || w.ty().elem != ElemTy::F32 || !w.ty().is_static() {
            continue;
        }
        if constant::constant_op(w).is_none() {
            // A weight computed at run time (a float16 model's weights are cast up
            // where they are read); batch_matmul of two activations has none.
            if !op.isa::<tfl::BatchMatmul>() {
                op.emit_remark("kept float32: the weight is not a constant (it is computed at run time)");
            }
            continue;
        }
        let Some(const_op) = weight_const(w) else { continue };
        let adj_y = op.cast::<tfl::BatchMatmul>().and_then(|m| m.adj_y()) == Some(true);
        let axis = h.quantized_dim(w.ty().dims().len(), adj_y);
        let (bits, why_wider) = (policy.hybrid_bits)(op);
        let Some(q) = quantize(&mut rw, w, axis, bits) else {
            const_op.emit_remark("kept float32: the weight's value cannot be read");
            continue;
        };
        if let Some(why) = why_wider {
            op.emit_remark(why);
        }
        read_weight_in_hybrid_kernel(&mut rw, op, h, q);
    }
    for &op in &ops {
        let Some(g) = op.cast::<tfl::Gather>() else { continue };
        if g.output().ty().elem != ElemTy::F32 {
            continue;
        }
        let Some(const_op) = weight_const(g.params()) else { continue };
        if let Some(why) = embedding_lookup_refusal(op) {
            const_op.emit_remark(&format!("kept float32: read by 'tfl.gather', whose rows cannot be looked up quantized: {why}"));
            continue;
        }
        let Some(q) = quantize(&mut rw, g.params(), 0, policy.table_bits) else {
            const_op.emit_remark("kept float32: the weight's value cannot be read");
            continue;
        };
        lookup_rows(&mut rw, op, q);
    }
    for const_op in touched {
        if const_op.result(0).use_count() == 0 {
            rw.erase_op(const_op);
        } else {
            remark_float_users(const_op);
        }
    }
    // Large float constants that nothing quantized reads: say why they stay f32.
    for op in func.nested_ops() {
        if op.isa::<tfl::PseudoConst>() && !quantized.keys().any(|k| k.0 == op.result(0)) {
            let t = op.result(0).ty();
            if t.elem == ElemTy::F32 && t.num_elements().is_some_and(|n| n as usize >= policy.min_elements.max(1)) {
                remark_float_users(op);
            }
        }
    }
    rw.changed()
}

/// Operands that are biases of hybrid ops (their catalog role): they stay f32 and need
/// no remark.
fn is_bias(op: Op, operand: usize) -> bool {
    op.def().is_some_and(|def| def.hybrid().is_some() && def.quant_role(operand) == QuantRole::Bias)
}

/// A remark for each kind of op that reads f32 constant `const_op` other than as a
/// bias: those ops have no hybrid kernel, or none for that operand.
fn remark_float_users(const_op: Op) {
    let mut kinds: Vec<&str> = const_op
        .result(0)
        .uses()
        .into_iter()
        .filter(|(user, i)| !is_bias(*user, *i) && !user.isa::<Return>() && !user.isa::<tfl::Gather>())
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
    use crate::quant::quantize_per_channel;

    fn bytes(v: &[f32]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    #[test]
    fn per_channel_symmetric_narrow_range() {
        // Two channels along dim 0 of [2, 3]; the second is all zeros.
        let (scales, q) = quantize_per_channel(&[2, 3], 0, &bytes(&[1.27, -0.635, 0.0, 0.0, 0.0, 0.0]), 127, false);
        assert_eq!(scales, vec![(1.27f32 / 127.0) as f64, 1.0]);
        assert_eq!(q.iter().map(|&b| b as i8).collect::<Vec<_>>(), vec![127, -64, 0, 0, 0, 0]);
        // Along the last dim of [2, 2]: channels are columns.
        let (scales, q) = quantize_per_channel(&[2, 2], 1, &bytes(&[1.0, 4.0, -2.0, 2.0]), 127, false);
        assert_eq!(scales, vec![(2.0f32 / 127.0) as f64, (4.0f32 / 127.0) as f64]);
        assert_eq!(q.iter().map(|&b| b as i8).collect::<Vec<_>>(), vec![64, 127, -127, 64]);
        // 4 bits: [-7, 7].
        let (scales, q) = quantize_per_channel(&[1, 4], 0, &bytes(&[0.7, -0.375, 0.04, -0.7]), 7, false);
        assert_eq!(scales, vec![(0.7f32 / 7.0) as f64]);
        assert_eq!(q.iter().map(|&b| b as i8).collect::<Vec<_>>(), vec![7, -4, 0, -7]);
        // With the clip search: seven values of 3.5 fall between two steps of max|w| / 7
        // (error 1.75 in all); a scale of 0.9 x max|w| / 7 rounds them to 3.6 and the
        // 7.0 to 6.3 (error 0.56).
        let w = [7.0, 3.5, 3.5, -3.5, 3.5, 3.5, 3.5, 3.5];
        let (scales, q) = quantize_per_channel(&[1, 8], 0, &bytes(&w), 7, true);
        assert_eq!(scales, vec![(0.9f32 * 7.0 / 7.0) as f64]);
        assert_eq!(q.iter().map(|&b| b as i8).collect::<Vec<_>>(), vec![7, 4, 4, -4, 4, 4, 4, 4]);
        // Without it, and where no clipping helps, the scale is max|w| / 7.
        let (scales, _) = quantize_per_channel(&[1, 8], 0, &bytes(&w), 7, false);
        assert_eq!(scales, vec![1.0]);
        let (scales, _) = quantize_per_channel(&[1, 4], 0, &bytes(&[7.0, 1.0, -2.0, 3.0]), 7, true);
        assert_eq!(scales, vec![1.0]);
    }
}

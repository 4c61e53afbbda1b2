//! Hybrid ops: float activations, an int8 weight, float bias, float result. LiteRT's
//! hybrid kernels quantize the input to int8 at run time (per batch row), multiply in
//! integers and scale the sums back to float. This is the IR contract that
//! `tfl-quantize-weights-dynamic` produces, that pt2e dynamic graphs give once a
//! `tfl.dequantize` of a quantized constant is folded into its user, and that the
//! verifier, the op versions and the flatbuffer writer accept:
//!
//!   %w = "tfl.pseudo_const"() {value = dense<...> : tensor<16x64xi8>}
//!          : () -> tensor<16x64x!quant.uniform<i8<-127:127>:f32:0, {0.01, ...}>>
//!   %y = "tfl.fully_connected"(%x, %w, %b) {asymmetric_quantize_inputs = true, ...}
//!          : (tensor<4x64xf32>, tensor<16x64x!quant.uniform<...>>, tensor<16xf32>) -> tensor<4x16xf32>
//!
//! The weight is `!quant.uniform` with signed 8-bit storage (or 4-bit for the ops in
//! [`INT4_WEIGHTS`], as `tfl-quantize-weights-int4` writes them), f32 expressed type and
//! zero points 0, per tensor or per axis along the op's quantized dimension (one scale
//! per slice of that dimension); the bias is f32 or absent; the result is f32. Sources:
//! `conv.cc`, `depthwise_conv.cc`, `fully_connected.cc` and `batch_matmul.cc` in LiteRT's
//! `tflite/kernels` (their `Prepare` checks) and `tfl_ops.td`'s
//! `DynamicRangeQuantizedOpInterface`. Which ops have a hybrid kernel, their weight
//! operand and its quantized dimension are `Trait::Hybrid` in the TFL catalog.

use crate::ir::{ElemTy, OpView, QuantTy, TensorTy};

pub use crate::catalog::{HybridOp, QuantizedDim};

/// Hybrid ops whose LiteRT kernel also reads signed INT4 weights (two a byte in the
/// flatbuffer), per channel: measured in LiteRT 2.3, with and without XNNPACK, by
/// `runtime-check/int4_kernels.py`.
pub const INT4_WEIGHTS: &[&str] = &["tfl.fully_connected"];

/// The op's hybrid kernel: `Trait::Hybrid` of its catalog entry.
pub fn lookup(name: &str) -> Option<&'static HybridOp> {
    crate::TFL.lookup(name).and_then(|def| def.hybrid())
}

impl HybridOp {
    /// The weight's quantized dimension for a weight of `rank` dims (`adj_y` for
    /// batch_matmul).
    pub fn quantized_dim(&self, rank: usize, adj_y: bool) -> usize {
        match self.axis {
            QuantizedDim::Dim(d) => d,
            QuantizedDim::MatmulColumns => rank.saturating_sub(if adj_y { 2 } else { 1 }),
        }
    }

    /// The quantized dimension of `op`'s weight.
    pub fn quantized_dim_of(&self, op: &OpView) -> usize {
        let rank = op.operands.get(self.weight).map_or(0, |t| t.dims().len());
        self.quantized_dim(rank, op.int_attr("adj_y").unwrap_or(0) != 0)
    }
}

/// Whether `op` is in hybrid form: float input, quantized weight.
pub fn is_hybrid(op: &OpView) -> bool {
    lookup(&op.name).is_some_and(|h| {
        op.operands.first().is_some_and(|t| t.elem.is_float())
            && op.operands.get(h.weight).is_some_and(|t| t.elem.is_quant())
    })
}

/// The hybrid form's constraints, for an op in that form (others pass).
pub fn verify(op: &OpView) -> Result<(), String> {
    let Some(h) = lookup(&op.name).filter(|_| is_hybrid(op)) else { return Ok(()) };
    let input = &op.operands[0];
    if input.elem != ElemTy::F32 {
        return Err(format!("hybrid form needs an f32 input, got {input}"));
    }
    let weight = &op.operands[h.weight];
    let ElemTy::Quant(q) = &weight.elem else { return Ok(()) };
    let dim = h.quantized_dim_of(op);
    check_weight(q, weight, dim, INT4_WEIGHTS.contains(&op.name.as_str()))?;
    let channels = weight.dims().get(dim).copied().unwrap_or(-1);
    if h.per_channel_only && q.axis.is_none() && channels > 1 {
        return Err(format!(
            "hybrid form needs one weight scale per channel along dim {dim} (the kernel reads one each)"
        ));
    }
    let bias_at = crate::TFL.lookup(&op.name).and_then(|def| def.weighted()).map(|w| w.bias);
    if let Some(bias) = bias_at.and_then(|b| op.operands.get(b)) {
        if !matches!(bias.elem, ElemTy::F32 | ElemTy::None) {
            return Err(format!("hybrid form needs an f32 bias (or none), got {bias}"));
        }
    }
    match op.results.first() {
        Some(r) if r.elem != ElemTy::F32 => Err(format!("hybrid form needs an f32 result, got {r}")),
        _ => Ok(()),
    }
}

fn check_weight(q: &QuantTy, weight: &TensorTy, dim: usize, int4_ok: bool) -> Result<(), String> {
    let bits_ok = q.storage_bits == 8 || (int4_ok && q.storage_bits == 4);
    if !bits_ok || !q.signed || *q.expressed != ElemTy::F32 {
        let wanted = if int4_ok { "an int8 or int4" } else { "an int8" };
        return Err(format!("hybrid form needs {wanted} weight quantized from f32, got {weight}"));
    }
    if q.zero_points.iter().any(|&z| z != 0) {
        return Err("hybrid form needs a symmetric weight (zero points 0)".into());
    }
    if let Some(axis) = q.axis {
        if axis as usize != dim {
            return Err(format!("hybrid form needs the weight quantized along dim {dim}, got axis {axis}"));
        }
        if let Some(&n) = weight.dims().get(dim).filter(|&&n| n >= 0) {
            if q.scales.len() as i64 != n {
                return Err(format!("weight has {} scales for {n} slices along dim {dim}", q.scales.len()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn q8(axis: Option<i32>, scales: Vec<f64>, zp: i64) -> ElemTy {
        ElemTy::Quant(QuantTy {
            storage_bits: 8,
            signed: true,
            expressed: Box::new(ElemTy::F32),
            storage_min: -127,
            storage_max: 127,
            zero_points: vec![zp; scales.len()],
            axis,
            scales,
        })
    }

    fn fc(weight: ElemTy, bias: ElemTy) -> OpView {
        OpView {
            name: "tfl.fully_connected".into(),
            operands: vec![
                TensorTy::ranked(vec![4, 3], ElemTy::F32),
                TensorTy::ranked(vec![2, 3], weight),
                TensorTy::ranked(vec![2], bias),
            ],
            operand_consts: vec![None; 3],
            results: vec![TensorTy::ranked(vec![4, 2], ElemTy::F32)],
            attrs: BTreeMap::new(),
            num_regions: 0,
        }
    }

    #[test]
    fn hybrid_weights_are_symmetric_int8_along_the_ops_dim() {
        assert_eq!(verify(&fc(q8(Some(0), vec![0.1, 0.2], 0), ElemTy::F32)), Ok(()));
        assert_eq!(verify(&fc(q8(None, vec![0.1], 0), ElemTy::F32)), Ok(()));
        assert!(verify(&fc(q8(Some(1), vec![0.1, 0.2, 0.3], 0), ElemTy::F32)).unwrap_err().contains("along dim 0"));
        assert!(verify(&fc(q8(Some(0), vec![0.1, 0.2], 3), ElemTy::F32)).unwrap_err().contains("zero points 0"));
        assert!(verify(&fc(q8(Some(0), vec![0.1], 0), ElemTy::F32)).unwrap_err().contains("1 scales for 2"));
        assert!(verify(&fc(q8(Some(0), vec![0.1, 0.2], 0), ElemTy::I(32))).unwrap_err().contains("f32 bias"));
        assert_eq!(verify(&fc(ElemTy::F32, ElemTy::F32)), Ok(()));
        let bmm = lookup("tfl.batch_matmul").unwrap();
        assert_eq!((bmm.quantized_dim(3, false), bmm.quantized_dim(3, true)), (2, 1));
    }
}

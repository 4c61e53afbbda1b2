//! Quantized types and constants, shared by the passes that fold, move and create
//! them: reading a constant through `tfl.dequantize`, building quantized constants,
//! and where a per-axis dimension goes when a tensor is transposed or reshaped.

use super::constant::{read, transpose_bytes, value_attr, ConstTensor};
use crate::rewrite::*;
use edge_dialects::ir::{type_from_mlir, ElemTy, QuantTy};
use mlir_sys::*;

/// The quantized type of `v`'s elements, if any.
pub fn quant_of(v: MlirValue) -> Option<QuantTy> {
    match type_from_mlir(unsafe { mlirValueGetType(v) }).elem {
        ElemTy::Quant(q) => Some(q),
        _ => None,
    }
}

/// The MLIR element type `q` stands for.
pub fn quant_elem_type(ctx: MlirContext, q: &QuantTy) -> MlirType {
    let mut zero_points = q.zero_points.clone();
    let mut scales = q.scales.clone();
    unsafe {
        let flags = if q.signed { mlirQuantizedTypeGetSignedFlag() } else { 0 };
        let storage = mlirIntegerTypeGet(ctx, q.storage_bits);
        // pt2e graphs and TFLite quantize from f32 (or f16).
        let expressed = if *q.expressed == ElemTy::F16 { mlirF16TypeGet(ctx) } else { mlirF32TypeGet(ctx) };
        match q.axis {
            Some(axis) => mlirUniformQuantizedPerAxisTypeGet(
                flags,
                storage,
                expressed,
                scales.len() as isize,
                scales.as_mut_ptr(),
                zero_points.as_mut_ptr(),
                axis,
                q.storage_min,
                q.storage_max,
            ),
            None => mlirUniformQuantizedTypeGet(
                flags,
                storage,
                expressed,
                scales.first().copied().unwrap_or(1.0),
                zero_points.first().copied().unwrap_or(0),
                q.storage_min,
                q.storage_max,
            ),
        }
    }
}

/// `tensor<shape x q>`.
pub fn quant_tensor_type(ctx: MlirContext, shape: &[i64], q: &QuantTy) -> MlirType {
    let elem = quant_elem_type(ctx, q);
    unsafe { mlirRankedTensorTypeGet(shape.len() as isize, shape.as_ptr(), elem, mlirAttributeGetNull()) }
}

/// `tfl.quantize` of `v` to `q` (from float, or a requantize), inserted before `anchor`.
pub fn insert_quantize(anchor: MlirOperation, v: MlirValue, q: &QuantTy) -> MlirValue {
    let ty = quant_tensor_type(unsafe { mlirOperationGetContext(anchor) }, value_type(v).dims(), q);
    let qtype = unsafe { mlirTypeAttrGet(ty) };
    unsafe { mlirOperationGetResult(insert_op_before(anchor, "tfl.quantize", &[v], &[ty], &[("qtype", qtype)]), 0) }
}

/// A quantized `tfl.pseudo_const` of `shape` x `q` holding the storage integers
/// `bytes` (taken over without a copy), inserted before `anchor`, as TensorFlow's TFL
/// writes quantized constants.
pub fn insert_quant_const(anchor: MlirOperation, shape: &[i64], q: &QuantTy, bytes: Vec<u8>) -> MlirValue {
    let ctx = unsafe { mlirOperationGetContext(anchor) };
    let ty = quant_tensor_type(ctx, shape, q);
    let storage = ConstTensor { shape: shape.to_vec(), elem: q.storage(), elem_type: unsafe { mlirIntegerTypeGet(ctx, q.storage_bits) }, bytes };
    let attr = value_attr(storage);
    unsafe { mlirOperationGetResult(insert_op_before(anchor, "tfl.pseudo_const", &[], &[ty], &[("value", attr)]), 0) }
}

/// `op` reads the int8 constant `weight` directly: LiteRT's hybrid kernel, which
/// quantizes the float input at run time (`edge_dialects::tfl::hybrid` has the contract),
/// with a zero point where the op has the option.
pub fn read_weight_in_hybrid_kernel(op: MlirOperation, h: &edge_dialects::tfl::hybrid::HybridOp, weight: MlirValue) {
    set_operand(op, h.weight, weight);
    if h.asymmetric_inputs_attr {
        set_bool_attr(op, "asymmetric_quantize_inputs", true);
    }
}

/// A quantized constant seen through the `tfl.dequantize` that makes `v`: its shape,
/// quantized type and storage bytes.
pub struct DequantizedConst {
    pub shape: Vec<i64>,
    pub quant: QuantTy,
    pub bytes: Vec<u8>,
}

/// `v` when it is `tfl.dequantize` of a quantized constant of static shape.
pub fn dequantized_const(v: MlirValue) -> Option<DequantizedConst> {
    let dq = defining_op(v).filter(|d| name(*d) == "tfl.dequantize")?;
    let c = read(operand(dq, 0))?;
    let ElemTy::Quant(quant) = c.elem else { return None };
    Some(DequantizedConst { shape: c.shape, quant, bytes: c.bytes })
}

impl DequantizedConst {
    /// Transposed by `perm`; a per-axis dimension moves with its data.
    pub fn transposed(&self, perm: &[usize]) -> DequantizedConst {
        let shape = perm.iter().map(|&p| self.shape[p]).collect();
        let axis = self.quant.axis.map(|a| perm.iter().position(|&p| p == a as usize).expect("a permutation") as i32);
        let bytes = transpose_bytes(&self.bytes, &self.shape, perm);
        DequantizedConst { shape, quant: self.quant.with_axis(axis), bytes }
    }

    /// Reshaped to `shape`, when a per-axis dimension survives whole (see
    /// [`axis_after_reshape`]).
    pub fn reshaped(&self, shape: &[i64]) -> Option<DequantizedConst> {
        let axis = match self.quant.axis {
            Some(a) => Some(axis_after_reshape(&self.shape, shape, a as usize)? as i32),
            None => None,
        };
        Some(DequantizedConst { shape: shape.to_vec(), quant: self.quant.with_axis(axis), bytes: self.bytes.clone() })
    }

    /// `tfl.dequantize(constant)` of this value, inserted before `anchor`.
    pub fn insert(self, anchor: MlirOperation) -> MlirValue {
        let c = insert_quant_const(anchor, &self.shape, &self.quant, self.bytes);
        let ctx = unsafe { mlirOperationGetContext(anchor) };
        let f32_ty = unsafe {
            mlirRankedTensorTypeGet(self.shape.len() as isize, self.shape.as_ptr(), mlirF32TypeGet(ctx), mlirAttributeGetNull())
        };
        unsafe { mlirOperationGetResult(insert_op_before(anchor, "tfl.dequantize", &[c], &[f32_ty], &[]), 0) }
    }
}

/// Where dimension `axis` of `from` lies in `to` after a row-major reshape, if it
/// stays one whole dimension of the same size (the elements of each slice along it
/// then keep their slice); `None` if it is split or merged with others.
pub fn axis_after_reshape(from: &[i64], to: &[i64], axis: usize) -> Option<usize> {
    let before: i64 = from[..axis].iter().product();
    let size = from[axis];
    let mut acc = 1i64;
    for (j, &d) in to.iter().enumerate() {
        if acc == before && d == size {
            // Size-1 dims are ambiguous only when size is 1, which carries one scale.
            return Some(j);
        }
        acc *= d;
        if acc > before * size.max(1) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::axis_after_reshape;

    #[test]
    fn reshape_keeps_whole_axes() {
        assert_eq!(axis_after_reshape(&[8, 1, 3, 3], &[8, 9], 0), Some(0));
        assert_eq!(axis_after_reshape(&[1, 3, 3, 8], &[9, 8], 3), Some(1));
        assert_eq!(axis_after_reshape(&[4, 8], &[1, 4, 8], 0), Some(1));
        assert_eq!(axis_after_reshape(&[4, 8], &[32], 0), None);
        assert_eq!(axis_after_reshape(&[4, 8], &[2, 2, 8], 0), None);
    }
}


//! Quantized types and constants, shared by the passes that fold, move and create
//! them: reading a constant through `tfl.dequantize`, building quantized constants,
//! and where a per-axis dimension goes when a tensor is transposed or reshaped.

use crate::constant::{read, transpose_bytes, value_attr, ConstTensor};
use edge_dialects::ir::{ElemTy, QuantTy};
use edge_dialects::mlir::{Context, Op, Rewriter, Type, Value};
use edge_dialects::tfl::op as tfl;

/// The quantized type of `v`'s elements, if any.
pub fn quant_of(v: Value) -> Option<QuantTy> {
    match v.ty().elem {
        ElemTy::Quant(q) => Some(q),
        _ => None,
    }
}

/// `tensor<shape x q>`.
pub fn quant_tensor_type<'c>(ctx: Context<'c>, shape: &[i64], q: &QuantTy) -> Type<'c> {
    ctx.quant_type(q).tensor(shape)
}

/// `tfl.quantize` of `v` to `q` (from float, or a requantize), at `rw`'s insertion point.
pub fn insert_quantize<'c>(rw: &mut Rewriter<'c>, v: Value<'c>, q: &QuantTy) -> Value<'c> {
    let ty = quant_tensor_type(rw.context(), v.ty().dims(), q);
    tfl::Quantize::build(rw, &[ty], v).qtype(ty).create().output()
}

/// A quantized `tfl.pseudo_const` of `shape` x `q` holding the storage integers
/// `bytes` (taken over without a copy), at `rw`'s insertion point, as TensorFlow's TFL
/// writes quantized constants.
pub fn insert_quant_const<'c>(rw: &mut Rewriter<'c>, shape: &[i64], q: &QuantTy, bytes: Vec<u8>) -> Value<'c> {
    let ctx = rw.context();
    let ty = quant_tensor_type(ctx, shape, q);
    // The value holds the storage integers, signless (`tensor<..xi8>` for u8 storage too),
    // as the quantized type's storage type is.
    let storage = ConstTensor { shape: shape.to_vec(), elem: ElemTy::I(q.storage_bits), bytes };
    let attr = value_attr(ctx, storage);
    crate::constant::insert_attr(rw, ty, attr)
}

/// `op` reads the int8 constant `weight` directly: LiteRT's hybrid kernel, which
/// quantizes the float input at run time (`edge_dialects::tfl::hybrid` has the contract),
/// with a zero point where the op has the option.
pub fn read_weight_in_hybrid_kernel<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, h: &edge_dialects::tfl::hybrid::HybridOp, weight: Value<'c>) {
    rw.set_operand(op, h.weight, weight);
    if h.asymmetric_inputs_attr {
        let t = rw.context().bool_attr(true);
        rw.set_attr(op, "asymmetric_quantize_inputs", t);
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
pub fn dequantized_const(v: Value) -> Option<DequantizedConst> {
    let dq = v.defined_by::<tfl::Dequantize>()?;
    let c = read(dq.input())?;
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

    /// `tfl.dequantize(constant)` of this value, at `rw`'s insertion point.
    pub fn insert<'c>(self, rw: &mut Rewriter<'c>) -> Value<'c> {
        let f32_ty = rw.context().f32().tensor(&self.shape);
        let c = insert_quant_const(rw, &self.shape, &self.quant, self.bytes);
        tfl::Dequantize::build(rw, &[f32_ty], c).create().output()
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


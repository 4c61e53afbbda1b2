//! Verifier and result-type rules shared by many catalog entries (broadcasting,
//! same-type element-wise ops, axis checks). Each returns a message without the op
//! prefix; the verify step adds the op name and location.

use crate::ir::{ElemTy, OpView, TensorTy, DYN};

pub type Infer = Result<Vec<TensorTy>, String>;

/// NumPy-style broadcast of two shapes; `None` when incompatible.
pub fn broadcast_shapes(a: &[i64], b: &[i64]) -> Option<Vec<i64>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let x = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
        let y = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
        out[i] = match (x, y) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            (DYN, y) | (y, DYN) => y,
            _ => return None,
        };
    }
    Some(out)
}

/// Result of a broadcasting element-wise op over all operands, with element type `elem`
/// (the first operand's when `None`).
pub fn broadcast_result(op: &OpView, elem: Option<ElemTy>) -> Infer {
    let first = op.operands.first().ok_or("expected operands")?;
    let elem = elem.unwrap_or_else(|| first.elem.clone());
    let mut shape: Option<Vec<i64>> = Some(vec![]);
    for (i, t) in op.operands.iter().enumerate() {
        shape = match (shape, &t.shape) {
            (Some(s), Some(t_shape)) => Some(broadcast_shapes(&s, t_shape).ok_or_else(|| {
                format!("operand #{i} of shape {t} does not broadcast with the other operands")
            })?),
            _ => None,
        };
    }
    Ok(vec![TensorTy { shape, elem, is_tensor: true }])
}

/// Operands' element types all equal (quantized types compare by storage, since scales
/// legitimately differ between operands).
pub fn same_operand_elems(op: &OpView) -> Result<(), String> {
    let Some(first) = op.operands.first() else { return Ok(()) };
    for (i, t) in op.operands.iter().enumerate().skip(1) {
        if !same_elem_kind(&first.elem, &t.elem) {
            return Err(format!("operand #{i} has element type {}, but operand #0 has {}", t.elem, first.elem));
        }
    }
    Ok(())
}

/// Equal, or both quantized with the same storage and expressed types.
pub fn same_elem_kind(a: &ElemTy, b: &ElemTy) -> bool {
    match (a, b) {
        (ElemTy::Quant(x), ElemTy::Quant(y)) => x.storage_bits == y.storage_bits && x.signed == y.signed,
        _ => a == b,
    }
}

/// Element-wise binary op with broadcasting; the result keeps the operands' element type
/// (quantized results may carry their own scale).
pub fn binary_same_elem(op: &OpView) -> Result<(), String> {
    same_operand_elems(op)?;
    if let Some(r) = op.results.first() {
        if !same_elem_kind(&r.elem, &op.operands[0].elem) {
            return Err(format!("result element type {} differs from the operands' {}", r.elem, op.operands[0].elem));
        }
    }
    Ok(())
}

pub fn infer_broadcast(op: &OpView) -> Infer {
    let mut r = broadcast_result(op, None)?;
    if let Some(res) = op.results.first() {
        if res.elem.is_quant() {
            r[0].elem = res.elem.clone();
        }
    }
    Ok(r)
}

pub fn infer_broadcast_bool(op: &OpView) -> Infer {
    broadcast_result(op, Some(ElemTy::I(1)))
}

/// Result has the first operand's type (quantized results may carry their own scale).
pub fn infer_same_as_first(op: &OpView) -> Infer {
    let mut t = op.operands.first().ok_or("expected an operand")?.clone();
    if let Some(res) = op.results.first() {
        if res.elem.is_quant() && t.elem.is_quant() {
            t.elem = res.elem.clone();
        }
    }
    Ok(vec![t])
}

/// Result has the first operand's shape, element type taken from the declared result.
pub fn infer_same_shape(op: &OpView) -> Infer {
    let first = op.operands.first().ok_or("expected an operand")?;
    let elem = op.results.first().map(|r| r.elem.clone()).unwrap_or_else(|| first.elem.clone());
    Ok(vec![TensorTy { shape: first.shape.clone(), elem, is_tensor: true }])
}

/// Normalizes a possibly negative axis against `rank`.
pub fn normalize_axis(axis: i64, rank: usize, what: &str) -> Result<usize, String> {
    let r = rank as i64;
    if axis < -r || axis >= r.max(1) && !(r == 0 && axis == 0) {
        return Err(format!("{what} {axis} is out of range for rank {rank}"));
    }
    Ok(if axis < 0 { (axis + r) as usize } else { axis as usize })
}

/// A ranked operand's dims, or `Err` naming the operand.
pub fn ranked<'a>(op: &'a OpView, i: usize, what: &str) -> Result<&'a [i64], String> {
    op.operands
        .get(i)
        .and_then(|t| t.shape.as_deref())
        .ok_or_else(|| format!("{what} must be a ranked tensor"))
}

/// Requires operand `i` to have rank `rank` (when ranked).
pub fn expect_rank(op: &OpView, i: usize, rank: usize, what: &str) -> Result<(), String> {
    match op.operands.get(i).and_then(|t| t.rank()) {
        Some(r) if r != rank => Err(format!("{what} must have rank {rank}, got {}", op.operands[i])),
        _ => Ok(()),
    }
}

/// Output size of a windowed dimension for TFLite's SAME/VALID padding.
pub fn padded_out(input: i64, filter: i64, stride: i64, dilation: i64, padding: &str) -> i64 {
    if input < 0 || stride <= 0 {
        return DYN;
    }
    let effective = (filter - 1) * dilation + 1;
    match padding {
        "SAME" => (input + stride - 1) / stride,
        _ => (input - effective + stride) / stride,
    }
}

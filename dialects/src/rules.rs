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

// ---------------------------------------------------------------------------------
// Shape arithmetic and checks shared by the TFL catalog (and usable by StableHLO's).

/// Operand `i`'s integer contents when it is a small integer constant.
pub fn const_ints(op: &OpView, i: usize) -> Option<&[i64]> {
    op.operand_consts.get(i).and_then(|c| c.as_deref())
}

/// Operand `i` unless it is missing or `none` (an absent optional operand).
pub fn present(op: &OpView, i: usize) -> Option<&TensorTy> {
    op.operands.get(i).filter(|t| t.elem != ElemTy::None)
}

/// Requires operand `i` to have rank at least `rank` (when ranked).
pub fn expect_rank_at_least(op: &OpView, i: usize, rank: usize, what: &str) -> Result<(), String> {
    match op.operands.get(i).and_then(|t| t.rank()) {
        Some(r) if r < rank => Err(format!("{what} must have rank at least {rank}, got {}", op.operands[i])),
        _ => Ok(()),
    }
}

/// Requires operand `i` to have rank at most `rank` (when ranked).
pub fn expect_rank_at_most(op: &OpView, i: usize, rank: usize, what: &str) -> Result<(), String> {
    match op.operands.get(i).and_then(|t| t.rank()) {
        Some(r) if r > rank => Err(format!("{what} must have rank at most {rank}, got {}", op.operands[i])),
        _ => Ok(()),
    }
}

/// Requires operand `i` to hold exactly one element (rank 0, or a static shape of one
/// element) when its shape is static.
pub fn expect_single_element(op: &OpView, i: usize, what: &str) -> Result<(), String> {
    match op.operands.get(i) {
        Some(t) if t.num_elements().is_some_and(|n| n != 1) => {
            Err(format!("{what} must hold a single element, got {t}"))
        }
        _ => Ok(()),
    }
}

/// Result #`r` has operand #`i`'s element type (quantized types compare by storage).
pub fn result_elem_like_operand(op: &OpView, r: usize, i: usize) -> Result<(), String> {
    match (op.results.get(r), op.operands.get(i)) {
        (Some(res), Some(opd)) if !same_elem_kind(&res.elem, &opd.elem) => Err(format!(
            "result #{r} has element type {}, but operand #{i} has {}",
            res.elem, opd.elem
        )),
        _ => Ok(()),
    }
}

/// Operands #`a` and #`b` have the same element type (quantized types compare by
/// storage).
pub fn operands_same_elem(op: &OpView, a: usize, b: usize) -> Result<(), String> {
    match (op.operands.get(a), op.operands.get(b)) {
        (Some(x), Some(y)) if !same_elem_kind(&x.elem, &y.elem) => Err(format!(
            "operand #{b} has element type {}, but operand #{a} has {}",
            y.elem, x.elem
        )),
        _ => Ok(()),
    }
}

/// The element type to give an inferred result: the declared result's when it is of the
/// same kind as `elem` (a quantized result carries its own scale), else `elem`.
pub fn declared_elem(op: &OpView, r: usize, elem: &ElemTy) -> ElemTy {
    match op.results.get(r) {
        Some(res) if same_elem_kind(&res.elem, elem) => res.elem.clone(),
        _ => elem.clone(),
    }
}

/// A ranked tensor type.
pub fn tensor(shape: Vec<i64>, elem: ElemTy) -> TensorTy {
    TensorTy::ranked(shape, elem)
}

/// An unranked tensor type (compatible with any shape).
pub fn unranked(elem: ElemTy) -> TensorTy {
    TensorTy { shape: None, elem, is_tensor: true }
}

/// The integer attribute `name`, required to be positive.
pub fn positive_attr(op: &OpView, name: &str) -> Result<i64, String> {
    match op.int_attr(name) {
        Some(v) if v > 0 => Ok(v),
        Some(v) => Err(format!("attribute '{name}' must be positive, got {v}")),
        None => Err(format!("requires attribute '{name}'")),
    }
}

/// Whether `perm` is a permutation of `0..perm.len()`.
pub fn is_permutation(perm: &[i64]) -> bool {
    let mut seen = vec![false; perm.len()];
    perm.iter().all(|&p| {
        let ok = p >= 0 && (p as usize) < perm.len() && !seen[p as usize];
        if ok {
            seen[p as usize] = true;
        }
        ok
    })
}

/// `dims` permuted by `perm` (which must be a permutation of the same length).
pub fn permute_dims(dims: &[i64], perm: &[i64]) -> Vec<i64> {
    perm.iter().map(|&p| dims[p as usize]).collect()
}

/// Normalizes a list of possibly negative axes against `rank`, rejecting out-of-range
/// values; duplicates are kept once.
pub fn normalize_axes(axes: &[i64], rank: usize, what: &str) -> Result<Vec<usize>, String> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let n = normalize_axis(a, rank, what)?;
        if !out.contains(&n) {
            out.push(n);
        }
    }
    Ok(out)
}

/// Shape of a reduction of `dims` over `axes` (normalized).
pub fn reduce_dims(dims: &[i64], axes: &[usize], keep_dims: bool) -> Vec<i64> {
    dims.iter()
        .enumerate()
        .filter_map(|(i, &d)| match (axes.contains(&i), keep_dims) {
            (false, _) => Some(d),
            (true, true) => Some(1),
            (true, false) => None,
        })
        .collect()
}

/// Merges two dims that must agree: a dynamic dim takes the other's value.
pub fn merge_dim(a: i64, b: i64) -> Option<i64> {
    match (a, b) {
        (DYN, x) | (x, DYN) => Some(x),
        (x, y) if x == y => Some(x),
        _ => None,
    }
}

/// Shape of the concatenation of `shapes` (all of one rank) along `axis`; `Err` names
/// the first operand whose non-axis dims disagree.
pub fn concat_dims(shapes: &[&[i64]], axis: usize) -> Result<Vec<i64>, String> {
    let Some(first) = shapes.first() else { return Err("expected at least one operand".into()) };
    let mut out = first.to_vec();
    for (k, s) in shapes.iter().enumerate().skip(1) {
        if s.len() != out.len() {
            return Err(format!("operand #{k} has rank {}, but operand #0 has rank {}", s.len(), out.len()));
        }
        for (d, (&o, &x)) in out.clone().iter().zip(s.iter()).enumerate() {
            if d == axis {
                out[d] = if o < 0 || x < 0 { DYN } else { o + x };
            } else {
                out[d] = merge_dim(o, x).ok_or_else(|| {
                    format!("operand #{k} has size {x} in dimension {d}, but the other operands have {o}")
                })?;
            }
        }
    }
    Ok(out)
}

/// Whether `input` broadcasts (NumPy rules) to exactly `target`.
pub fn broadcasts_to(input: &[i64], target: &[i64]) -> bool {
    if input.len() > target.len() {
        return false;
    }
    let off = target.len() - input.len();
    input.iter().enumerate().all(|(i, &d)| d == 1 || d == DYN || target[off + i] == DYN || d == target[off + i])
}

/// Output size of one windowed dimension (SAME/VALID padding), or `DYN` when the input
/// or window size is unknown; `Err` when the size would be negative (as in TensorFlow's
/// `GetWindowedOutputSize`).
pub fn window_out(input: i64, window: i64, stride: i64, dilation: i64, padding: &str) -> Result<i64, String> {
    if input < 0 || window < 0 {
        return Ok(DYN);
    }
    let out = padded_out(input, window, stride, dilation, padding);
    if out < 0 {
        return Err(format!(
            "window of size {window} (dilation {dilation}) does not fit an input of size {input} with {padding} padding"
        ));
    }
    Ok(out)
}

/// Product of `dims`, or `None` when one is dynamic.
pub fn product(dims: &[i64]) -> Option<i64> {
    dims.iter().try_fold(1i64, |acc, &d| if d < 0 { None } else { acc.checked_mul(d) })
}

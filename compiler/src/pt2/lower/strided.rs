//! `as_strided(self, size, stride, storage_offset)`: a view defined by memory layout.
//! The archive records each tensor's strides; when the input is laid out row-major
//! (contiguous), element `i` of the result is element `offset + sum(i_k * stride_k)` of
//! the flattened input. That is a reshape when the indices run 0..N in order, and a
//! gather at constant indices otherwise. A non-contiguous input is refused: its
//! flattened values are not its memory.

use super::shape::take_along;
use super::{checked_count, Args, Ctx, LResult};
use crate::pt2::emit::Val;
use edge_dialects::ir::ElemTy;

/// Row-major strides of `shape`.
fn contiguous_strides(shape: &[i64]) -> Vec<i64> {
    let mut strides = vec![1; shape.len()];
    for i in (0..shape.len().saturating_sub(1)).rev() {
        strides[i] = strides[i + 1] * shape[i + 1].max(1);
    }
    strides
}

/// Largest index table emitted for a gathering `as_strided`.
const MAX_GATHERED: i64 = 1 << 22;

pub fn as_strided(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    if !x.ty.is_static() || !out.is_static() {
        let dims: Vec<String> = x.shape().iter().enumerate().filter(|(_, &d)| d < 0).map(|(i, _)| i.to_string()).collect();
        return Err(format!(
            "as_strided of {} (dynamic dim(s) {}) to {} is not supported: its strides are fixed for one size",
            x.ty,
            if dims.is_empty() { "none".to_string() } else { dims.join(", ") },
            out
        )
        .into());
    }
    let size = args.ints("size")?;
    let stride = args.ints("stride")?;
    let offset = args.opt_int("storage_offset")?.unwrap_or(0);
    if size.len() != stride.len() {
        return Err(format!("size has {} entries and stride {}", size.len(), stride.len()).into());
    }
    if size.iter().any(|&d| d < 0) {
        return Err(format!("as_strided to negative sizes {size:?}").into());
    }
    let input = match args.node.inputs.iter().find(|a| a.name == "self").and_then(|a| a.arg.as_tensor()) {
        Some(name) => name.to_string(),
        None => return Err("argument 'self' must be a tensor".into()),
    };
    let recorded = ctx.tensor_strides.get(&input).ok_or_else(|| format!("no recorded strides for '{input}'"))?;
    let dense = contiguous_strides(x.shape());
    let contiguous = x.shape().iter().zip(recorded.iter().zip(&dense)).all(|(&d, (&r, &c))| d <= 1 || r == c);
    if !contiguous {
        return Err(format!(
            "as_strided of a non-contiguous input (strides {recorded:?} for shape {:?}) is not supported",
            x.shape()
        )
        .into());
    }
    let numel: i64 = x.shape().iter().product();
    let count = checked_count("argument 'size'", &size)?;
    if count > MAX_GATHERED {
        return Err(format!("as_strided producing {count} elements is too large to gather").into());
    }
    ctx.reserve_constant("the as_strided index table", count as u128, &ElemTy::I(64))?;
    // The flat index of every output element, in row-major order of `size`.
    let mut indices = Vec::with_capacity(count as usize);
    let mut pos = vec![0i64; size.len()];
    for _ in 0..count {
        // In i128: strides and offset are archive integers.
        let flat = offset as i128 + pos.iter().zip(&stride).map(|(&i, &s)| i as i128 * s as i128).sum::<i128>();
        if flat < 0 || flat >= numel as i128 {
            return Err(format!("as_strided reads element {flat} of a {numel}-element input").into());
        }
        indices.push(flat as i64);
        for k in (0..pos.len()).rev() {
            pos[k] += 1;
            if pos[k] < size[k] {
                break;
            }
            pos[k] = 0;
        }
    }
    let flat_x = ctx.e.reshape(&x, &[numel]);
    let identity = count == numel && indices.iter().enumerate().all(|(i, &v)| v == i as i64);
    if identity {
        return Ok(vec![ctx.e.reshape(&flat_x, out.dims())]);
    }
    let idx = ctx.e.const_i64s_shaped(&indices, &size);
    let g = take_along(ctx, &flat_x, &idx, 0);
    Ok(vec![ctx.e.reshape(&g, out.dims())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_major_strides() {
        assert_eq!(contiguous_strides(&[2, 3, 4]), vec![12, 4, 1]);
        assert_eq!(contiguous_strides(&[5]), vec![1]);
        assert_eq!(contiguous_strides(&[]), Vec::<i64>::new());
    }
}

//! Sorting ATen ops: `sort` (default and stable), `topk`, `kthvalue` and `median.dim`,
//! all as one `stablehlo.sort` over the values and an iota of their positions. The
//! comparator orders NaN above every number (PyTorch's order, in both directions) and
//! the sort is always stable, which is what `stable=True` asks and a valid answer
//! where PyTorch leaves the order of ties open.

use super::region::region_op;
use super::{Args, Ctx, LResult};
use crate::pt2::emit::Val;
use edge_dialects::ir::ElemTy;

/// Sorts `x` along `dim`: (sorted values, their original positions as i64).
pub fn sort_along(ctx: &mut Ctx, x: &Val, dim: usize, descending: bool) -> LResult<(Val, Val)> {
    let ex = ctx.e.extents(x);
    let iota = ctx.e.iota_ext(&ex, dim, &ElemTy::I(64));
    let elem = x.elem().clone();
    let is_float = elem.is_float();
    let attrs = format!("dimension = {dim} : i64, is_stable = true");
    let results = [x.ty.clone(), iota.ty.clone()];
    let block_args = [elem.clone(), elem, ElemTy::I(64), ElemTy::I(64)];
    let mut out = region_op(ctx, "stablehlo.sort", &[x, &iota], &attrs, &results, &block_args, |b, a| {
        let (lhs, rhs) = (&a[0], &a[1]);
        let before = b.compare(if descending { "GT" } else { "LT" }, lhs, rhs);
        if !is_float {
            return vec![before];
        }
        // NaN is the largest value: last when ascending, first when descending.
        let lhs_nan = b.compare("NE", lhs, lhs);
        let rhs_nan = b.compare("NE", rhs, rhs);
        let nan_first = if descending {
            let rhs_num = b.not(&rhs_nan);
            b.binary("stablehlo.and", &lhs_nan, &rhs_num)
        } else {
            let lhs_num = b.not(&lhs_nan);
            b.binary("stablehlo.and", &rhs_nan, &lhs_num)
        };
        vec![b.binary("stablehlo.or", &before, &nan_first)]
    });
    let indices = out.pop().expect("two results");
    let values = out.pop().expect("two results");
    Ok((values, indices))
}

/// The (values, indices) outputs in the archive's types and shapes.
fn finish(ctx: &mut Ctx, values: Val, indices: Val) -> LResult<Vec<Val>> {
    let (tv, ti) = (ctx.out_ty(0)?, ctx.out_ty(1)?);
    let values = ctx.e.reshape(&values, tv.dims());
    let indices = ctx.e.convert(&indices, &ti.elem);
    Ok(vec![values, ctx.e.reshape(&indices, ti.dims())])
}

/// A dim the lowering slices at static positions must have a static size.
fn static_dim(x: &Val, dim: usize, what: &str) -> LResult<i64> {
    match x.shape()[dim] {
        n if n >= 0 => Ok(n),
        _ => Err(format!("{what} along a dynamic dim (dim {dim} of {}) is not supported; the other dims may be dynamic", x.ty).into()),
    }
}

/// `sort(self, dim=-1, descending=False)` and `sort.stable(self, *, stable, dim=-1,
/// descending=False)`: values sorted along `dim` and the positions they came from.
pub fn sort(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    if x.rank() == 0 {
        // A 0-d tensor sorts to itself, from position 0.
        let zero = ctx.e.splat(0.0, &ElemTy::I(64), &[]);
        return finish(ctx, x, zero);
    }
    let dim = args.dim("dim", x.rank())? as usize;
    let (values, indices) = sort_along(ctx, &x, dim, args.bool("descending")?)?;
    finish(ctx, values, indices)
}

/// `topk(self, k, dim=-1, largest=True, sorted=True)`: the `k` largest (or smallest)
/// values along `dim`, in sorted order (also when `sorted=False`, which leaves the
/// order open), and their positions.
pub fn topk(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let k = args.int("k")?;
    if x.rank() == 0 {
        if k > 1 {
            return Err(format!("topk k={k} is out of range for a 0-d tensor").into());
        }
        let zero = ctx.e.splat(0.0, &ElemTy::I(64), &[]);
        return finish(ctx, x, zero);
    }
    let dim = args.dim("dim", x.rank())? as usize;
    let n = static_dim(&x, dim, "topk")?;
    if k < 0 || k > n {
        return Err(format!("topk k={k} is out of range for a dimension of size {n}").into());
    }
    let (values, indices) = sort_along(ctx, &x, dim, args.bool("largest")?)?;
    let values = ctx.e.slice_dim_ext(&values, dim, 0, k);
    let indices = ctx.e.slice_dim_ext(&indices, dim, 0, k);
    finish(ctx, values, indices)
}

/// `kthvalue(self, k, dim=-1, keepdim=False)`: the k-th smallest value along `dim`
/// (1-based) and its position.
pub fn kthvalue(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let k = args.int("k")?;
    let x = if x.rank() == 0 { ctx.e.reshape(&x, &[1]) } else { x };
    let dim = args.dim("dim", x.rank())? as usize;
    let n = static_dim(&x, dim, "kthvalue")?;
    if k < 1 || k > n {
        return Err(format!("kthvalue k={k} is out of range for a dimension of size {n}").into());
    }
    let (values, indices) = sort_along(ctx, &x, dim, false)?;
    let values = ctx.e.slice_dim_ext(&values, dim, k - 1, 1);
    let indices = ctx.e.slice_dim_ext(&indices, dim, k - 1, 1);
    finish(ctx, values, indices)
}

/// `median.dim(self, dim, keepdim=False)`: the lower median along `dim` (element
/// `(n - 1) / 2` of the ascending order) and its position; NaN when a NaN is present.
pub fn median_dim(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let x = if x.rank() == 0 { ctx.e.reshape(&x, &[1]) } else { x };
    let dim = args.dim("dim", x.rank())? as usize;
    let n = static_dim(&x, dim, "median")?;
    if n <= 0 {
        return Err("median of an empty dimension is not defined".into());
    }
    let (values, indices) = sort_along(ctx, &x, dim, false)?;
    let mut v = ctx.e.slice_dim_ext(&values, dim, (n - 1) / 2, 1);
    let mut i = ctx.e.slice_dim_ext(&indices, dim, (n - 1) / 2, 1);
    if x.elem().is_float() {
        // NaNs sort last; if the last element is NaN the median is the first NaN.
        let last = ctx.e.slice_dim_ext(&values, dim, n - 1, 1);
        let has_nan = ctx.e.compare("NE", &last, &last);
        // Its position: the first NaN in the input (NaNs keep their order when sorted).
        let nan_mask = ctx.e.compare("NE", &values, &values);
        let none = ctx.e.splat_like(n as f64, &ElemTy::I(64), &x);
        let cand = ctx.e.select(&nan_mask, &indices, &none);
        let nan_idx = ctx.e.reduce(&cand, &[dim as i64], "stablehlo.minimum", n as f64);
        let nan_idx = ctx.e.reshape_ext(&nan_idx, &ctx.e.extents(&v));
        let nan = ctx.e.splat_like(f64::NAN, x.elem(), &v);
        v = ctx.e.select(&has_nan, &nan, &v);
        i = ctx.e.select(&has_nan, &nan_idx, &i);
    }
    finish(ctx, v, i)
}

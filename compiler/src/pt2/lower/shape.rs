//! Shape and data-movement ATen ops: views, permutes, concatenation, slicing, padding,
//! gathers and tensor factories. Result shapes come from the archive's metadata.

use super::{norm_dim, Args, Ctx, LResult};
use crate::pt2::emit::{i64_array, join, tensor, Extent, Val, SIZE};
use crate::pt2::schema::{Argument, SymIntArgument};
use crate::pt2::sym::Expr;
use edge_dialects::ir::{ElemTy, TensorTy};

/// `view`, `_unsafe_view`, `reshape`, `flatten`-style ops: a reshape to the result shape.
pub fn view(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    Ok(vec![ctx.e.reshape(&x, out.dims())])
}

pub fn permute(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let perm: Vec<i64> = args.ints("dims")?.iter().map(|&d| norm_dim(d, x.rank())).collect::<LResult<_>>()?;
    Ok(vec![ctx.e.transpose(&x, &perm)])
}

pub fn transpose_int(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let a = args.dim("dim0", x.rank())?;
    let b = args.dim("dim1", x.rank())?;
    let mut perm: Vec<i64> = (0..x.rank() as i64).collect();
    perm.swap(a as usize, b as usize);
    Ok(vec![ctx.e.transpose(&x, &perm)])
}

pub fn t(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let perm: Vec<i64> = (0..x.rank() as i64).rev().collect();
    Ok(vec![ctx.e.transpose(&x, &perm)])
}

/// `unsqueeze`, `squeeze.*`: reshapes to the result shape.
pub fn reshape_to_result(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    view(ctx, args)
}

pub fn expand(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    Ok(vec![ctx.e.broadcast_to(&x, out.dims())])
}

pub fn cat(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let xs = args.tensors(ctx, "tensors")?;
    let dim = args.dim_or("dim", 0, out.dims().len())?;
    // Legacy behaviour: 1-D empty tensors are skipped.
    let xs: Vec<Val> = xs
        .into_iter()
        .filter(|x| !(x.rank() == 1 && x.shape()[0] == 0 && out.dims().len() != 1))
        .map(|x| ctx.e.convert(&x, &out.elem))
        .collect();
    let refs: Vec<&Val> = xs.iter().collect();
    Ok(vec![ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {dim} : i64"), out)])
}

/// Clamps a Python-style slice bound into `[0, size]`.
fn clamp_bound(v: i64, size: i64) -> i64 {
    let v = if v < 0 { v + size } else { v };
    v.clamp(0, size)
}

/// An integer argument that may be a size computed at run time.
pub enum IntArg {
    Static(i64),
    /// A 0-d i32.
    Dynamic(Val),
}

/// Integer argument `name`, static or symbolic (a graph symbolic integer, evaluated).
pub fn int_arg(ctx: &mut Ctx, args: &Args, name: &str) -> LResult<Option<IntArg>> {
    if let Some(Argument::AsSymInt(SymIntArgument::AsName(n))) = args.get(name) {
        if let Some(Expr::Int(i)) = ctx.e.sym_ints.get(n) {
            return Ok(Some(IntArg::Static(*i)));
        }
        return Ok(Some(IntArg::Dynamic(ctx.e.sym_int(n)?)));
    }
    Ok(args.opt_int(name)?.map(IntArg::Static))
}

/// `item(self)` / `_local_scalar_dense(self)` of a one-element integer tensor: the
/// data-dependent symbol (`u0`) torch.export gives its result, defined at run time as
/// that element (`start = input_pos[0].item()`, then a slice or narrow at `start`).
/// Nothing tensor-valued results: later nodes read the symbol through their SymInt
/// arguments.
pub fn item(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    if !x.elem().is_int() {
        return Err(format!("item() of a {} tensor: edge reads integer scalars only (a run-time position)", x.elem()).into());
    }
    if !x.ty.is_static() || x.shape().iter().product::<i64>() != 1 {
        return Err(format!("item() of a tensor of shape {:?}: one element needed", x.shape()).into());
    }
    let Some(Argument::AsSymInt(SymIntArgument::AsName(out))) = args.node.outputs.first() else {
        return Err("item() without a symbolic integer result".into());
    };
    let symbol = match ctx.e.sym_ints.get(out) {
        Some(Expr::Sym(s)) => s.clone(),
        Some(Expr::Int(_)) => return Ok(vec![]),
        other => return Err(format!("item()'s result '{out}' is recorded as {other:?}, not as one symbol").into()),
    };
    let scalar = ctx.e.reshape(&x, &[]);
    let scalar = ctx.e.convert(&scalar, &SIZE);
    ctx.e.syms.insert(symbol, scalar);
    Ok(vec![])
}

/// A run-time size or index with what is known of its range.
struct Bounded {
    v: Val,
    lo: Option<i64>,
    hi: Option<i64>,
    /// `Some(k)`: the value is the dim's size plus `k`.
    off: Option<i64>,
}

/// A Python-style slice bound as a 0-d i32 clamped into `[0, n]` (`n`: the dim's
/// run-time size, within `n.lo..=n.hi` by the Dims' ranges); `None` is the start or
/// the end. Only the clamps the ranges do not rule out are emitted.
fn dynamic_bound(ctx: &mut Ctx, v: Option<IntArg>, n: &Bounded, at_end: bool) -> Bounded {
    let s32 = |ctx: &mut Ctx, v: i64| Bounded { v: ctx.e.splat(v as f64, &SIZE, &[]), lo: Some(v), hi: Some(v), off: None };
    let whole = || Bounded { v: n.v.clone(), lo: n.lo, hi: n.hi, off: Some(0) };
    match v {
        None if at_end => whole(),
        None | Some(IntArg::Static(0)) => s32(ctx, 0),
        // `x[i:]` records end as the largest i64.
        Some(IntArg::Static(e)) if e >= i32::MAX as i64 => whole(),
        Some(IntArg::Static(e)) if e < 0 => {
            let k = s32(ctx, e.max(i32::MIN as i64));
            let v = ctx.e.binary("stablehlo.add", &n.v, &k.v);
            let (lo, hi) = (n.lo.map(|l| l + e), n.hi.map(|h| h + e));
            if lo.is_some_and(|l| l >= 0) {
                return Bounded { v, lo, hi, off: Some(e) };
            }
            let zero = s32(ctx, 0);
            Bounded { v: ctx.e.binary("stablehlo.maximum", &v, &zero.v), lo: Some(lo.unwrap_or(0).max(0)), hi: hi.map(|h| h.max(0)), off: None }
        }
        Some(IntArg::Static(e)) => {
            if n.lo.is_some_and(|l| l >= e) {
                return s32(ctx, e);
            }
            if n.hi.is_some_and(|h| h <= e) {
                return whole();
            }
            let k = s32(ctx, e);
            Bounded { v: ctx.e.binary("stablehlo.minimum", &k.v, &n.v), lo: n.lo.map(|l| l.min(e)), hi: Some(e), off: None }
        }
        Some(IntArg::Dynamic(v)) => {
            let zero = s32(ctx, 0);
            let v = ctx.e.binary("stablehlo.maximum", &v, &zero.v);
            Bounded { v: ctx.e.binary("stablehlo.minimum", &v, &n.v), lo: Some(0), hi: n.hi, off: None }
        }
    }
}

/// Dim `d` of graph tensor `name` (the value `x`): its run-time size and range.
fn bounded_dim(ctx: &mut Ctx, name: Option<&str>, x: &Val, d: usize) -> Bounded {
    let v = ctx.e.dim_size(x, d);
    let (lo, hi) = match x.shape()[d] {
        n if n >= 0 => (Some(n), Some(n)),
        _ => name.map_or((None, None), |name| ctx.e.recorded_bounds(name, d)),
    };
    Bounded { v, lo, hi, off: Some(0) }
}

/// `stablehlo.real_dynamic_slice` of `x` along `dim` from `start` to `limit` (0-d
/// i32s) by `step`; the other dims whole.
pub(super) fn dynamic_slice_dim(ctx: &mut Ctx, x: &Val, dim: usize, start: &Val, limit: &Val, step: i64, out: TensorTy) -> Val {
    let mut starts = vec![Extent::Known(0); x.rank()];
    let mut limits = ctx.e.extents(x);
    let mut strides = vec![Extent::Known(1); x.rank()];
    starts[dim] = Extent::Run(start.clone());
    limits[dim] = Extent::Run(limit.clone());
    strides[dim] = Extent::Known(step);
    let starts = ctx.e.extents_tensor(&starts);
    let limits = ctx.e.extents_tensor(&limits);
    let strides = ctx.e.extents_tensor(&strides);
    ctx.e.op("stablehlo.real_dynamic_slice", &[x, &starts, &limits, &strides], "", out)
}

pub fn slice(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim_or("dim", 0, x.rank())? as usize;
    let size = x.shape()[dim];
    let step = args.opt_int("step")?.unwrap_or(1);
    if step <= 0 {
        return Err(format!("slice step must be positive, got {step}").into());
    }
    let start = int_arg(ctx, args, "start")?;
    let end = int_arg(ctx, args, "end")?;
    let symbolic = matches!(start, Some(IntArg::Dynamic(_))) || matches!(end, Some(IntArg::Dynamic(_)));
    if symbolic || !x.ty.is_static() {
        if !symbolic && size >= 0 {
            // A static dim of a dynamic tensor: static bounds.
            let start = clamp_bound(args.opt_int("start")?.unwrap_or(0), size);
            let end = clamp_bound(args.opt_int("end")?.unwrap_or(i64::MAX).min(size), size).max(start);
            let (s, e) = (ctx.e.splat(start as f64, &SIZE, &[]), ctx.e.splat(end as f64, &SIZE, &[]));
            return Ok(vec![dynamic_slice_dim(ctx, &x, dim, &s, &e, step, out)]);
        }
        let n = bounded_dim(ctx, args.tensor_name("self"), &x, dim);
        let start = dynamic_bound(ctx, start, &n, false);
        let mut end = dynamic_bound(ctx, end, &n, true);
        // An empty slice ends where it starts.
        let ordered = matches!((end.lo, start.hi), (Some(e), Some(s)) if e >= s)
            || matches!((end.off, start.off), (Some(e), Some(s)) if e >= s);
        if !ordered {
            end.v = ctx.e.binary("stablehlo.maximum", &end.v, &start.v);
        }
        return Ok(vec![dynamic_slice_dim(ctx, &x, dim, &start.v, &end.v, step, out)]);
    }
    let start = clamp_bound(args.opt_int("start")?.unwrap_or(0), size);
    let end = clamp_bound(args.opt_int("end")?.unwrap_or(i64::MAX).min(size), size).max(start);
    let mut starts = vec![0; x.rank()];
    let mut limits = x.shape().to_vec();
    let mut strides = vec![1; x.rank()];
    starts[dim] = start;
    limits[dim] = end;
    strides[dim] = step;
    let attrs = format!(
        "start_indices = {}, limit_indices = {}, strides = {}",
        i64_array(&starts),
        i64_array(&limits),
        i64_array(&strides)
    );
    Ok(vec![ctx.e.op("stablehlo.slice", &[&x], &attrs, out)])
}

pub fn select_int(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim("dim", x.rank())? as usize;
    let size = x.shape()[dim];
    let index = int_arg(ctx, args, "index")?;
    if matches!(index, Some(IntArg::Dynamic(_))) || !x.ty.is_static() {
        // A negative index counts from the run-time end.
        let (i, limit) = match index {
            Some(IntArg::Static(i)) if i >= 0 || size >= 0 => {
                let i = if i < 0 { i + size } else { i };
                (ctx.e.splat(i as f64, &SIZE, &[]), ctx.e.splat((i + 1) as f64, &SIZE, &[]))
            }
            Some(index) => {
                let i = match index {
                    IntArg::Dynamic(v) => v,
                    IntArg::Static(i) => {
                        let n = ctx.e.dim_size(&x, dim);
                        let k = ctx.e.splat(i as f64, &SIZE, &[]);
                        ctx.e.binary("stablehlo.add", &n, &k)
                    }
                };
                let one = ctx.e.splat(1.0, &SIZE, &[]);
                let limit = ctx.e.binary("stablehlo.add", &i, &one);
                (i, limit)
            }
            None => return Err("argument 'index' is missing".into()),
        };
        let mut kept = x.shape().to_vec();
        kept[dim] = 1;
        let s = dynamic_slice_dim(ctx, &x, dim, &i, &limit, 1, tensor(&kept, x.elem().clone()));
        let mut ex = ctx.e.extents(&x);
        ex.remove(dim);
        return Ok(vec![ctx.e.reshape_ext(&s, &ex)]);
    }
    let mut index = args.int("index")?;
    if index < 0 {
        index += size;
    }
    if index < 0 || index >= size {
        return Err(format!("index {} is out of range for a dimension of size {size}", args.int("index")?).into());
    }
    let s = ctx.e.slice_dim(&x, dim, index, 1);
    Ok(vec![ctx.e.reshape(&s, out.dims())])
}

/// `split_with_sizes` / `split.Tensor`: one slice per output.
pub fn split(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim_or("dim", 0, x.rank())? as usize;
    if !x.ty.is_static() {
        return split_dynamic(ctx, &x, dim);
    }
    let mut outs = Vec::new();
    let mut start = 0;
    for i in 0..ctx.outputs.len() {
        let out = ctx.out_ty(i)?;
        super::check_out_rank(&out, x.rank())?;
        let len = out.dims()[dim];
        outs.push(ctx.e.slice_dim(&x, dim, start, len));
        start += len;
    }
    Ok(outs)
}

/// `tensor_split.indices(self, indices, dim)`: piece `i` is `self[idx[i-1]:idx[i]]`
/// along `dim` (`idx[-1] = 0`, the last piece runs to the end), each bound clamped to
/// the size and a piece whose end is before its start empty, so a piece starts at its
/// own index, not where the previous one ended. `tensor_split.sections` pieces are
/// consecutive: `split` reads their lengths from the outputs.
pub fn tensor_split_indices(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim_or("dim", 0, x.rank())? as usize;
    let indices = args.ints("indices")?;
    let size = x.shape()[dim];
    if size < 0 {
        // Consecutive pieces whose lengths the outputs record, when the indices say so.
        if indices.iter().all(|&i| i >= 0) && indices.windows(2).all(|w| w[0] <= w[1]) {
            return split_dynamic(ctx, &x, dim);
        }
        return Err(format!("tensor_split over a dim of run-time size needs non-negative, non-decreasing indices, got {indices:?}").into());
    }
    if ctx.outputs.len() != indices.len() + 1 {
        return Err(format!("tensor_split with {} indices records {} outputs, not {}", indices.len(), ctx.outputs.len(), indices.len() + 1).into());
    }
    let bound = |i: i64| if i < 0 { (i + size).max(0) } else { i.min(size) };
    let mut outs = Vec::new();
    for i in 0..ctx.outputs.len() {
        let out = ctx.out_ty(i)?;
        super::check_out_rank(&out, x.rank())?;
        let start = if i == 0 { 0 } else { bound(indices[i - 1]) };
        let end = if i == indices.len() { size } else { bound(indices[i]).max(start) };
        if out.dims()[dim] != end - start {
            return Err(format!("tensor_split piece {i} is [{start}, {end}) but its output has {} elements along dim {dim}", out.dims()[dim]).into());
        }
        outs.push(ctx.e.slice_dim(&x, dim, start, end - start));
    }
    Ok(outs)
}

/// A split of a tensor with dynamic dims: each piece's length along `dim` is its
/// recorded size (run-time where symbolic), starting where the previous one ended.
fn split_dynamic(ctx: &mut Ctx, x: &Val, dim: usize) -> LResult<Vec<Val>> {
    let mut outs = Vec::new();
    // Static while every piece before is.
    let mut start = Extent::Known(0);
    for i in 0..ctx.outputs.len() {
        let out = ctx.out_ty(i)?;
        super::check_out_rank(&out, x.rank())?;
        let len = match (out.dims()[dim], ctx.outputs[i].clone()) {
            (n, _) if n >= 0 => Extent::Known(n),
            (_, Some(name)) => Extent::Run(
                ctx.e.recorded_size(&name, dim).unwrap_or_else(|| Err(format!("output '{name}' has no recorded sizes")))?,
            ),
            (_, None) => return Err(format!("output #{i} of a dynamic split has no name to read its size from").into()),
        };
        let limit = match (&start, &len) {
            (Extent::Known(a), Extent::Known(b)) => Extent::Known(a + b),
            _ => {
                let (a, b) = (ctx.e.extent_value(&start), ctx.e.extent_value(&len));
                Extent::Run(ctx.e.binary("stablehlo.add", &a, &b))
            }
        };
        let (s, l) = (ctx.e.extent_value(&start), ctx.e.extent_value(&limit));
        outs.push(dynamic_slice_dim(ctx, x, dim, &s, &l, 1, out));
        start = limit;
    }
    Ok(outs)
}

pub fn flip(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dims: Vec<i64> = args.ints("dims")?.iter().map(|&d| norm_dim(d, x.rank())).collect::<LResult<_>>()?;
    let t = x.ty.clone();
    Ok(vec![ctx.e.op("stablehlo.reverse", &[&x], &format!("dimensions = {}", i64_array(&dims)), t)])
}

/// `repeat(self, repeats)`: broadcast each dim into a new leading axis, then merge.
pub fn repeat(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    if let Some(Argument::AsSymInts(v)) = args.get("repeats") {
        if v.iter().any(|p| p.as_int().is_none()) {
            // A run-time count (`p.repeat(x.shape[0], 1, 1)`): the same broadcast and
            // merge with that size read from its input.
            if v.len() < x.rank() {
                return Err(format!("argument 'repeats' has {} entries for a rank-{} input; it needs at least one per dim", v.len(), x.rank()).into());
            }
            let mut reps = Vec::new();
            for p in v {
                reps.push(match p {
                    SymIntArgument::AsInt(n) if *n < 0 => return Err(format!("argument 'repeats' has a negative entry ({n})").into()),
                    SymIntArgument::AsInt(n) => Extent::Known(*n),
                    SymIntArgument::AsName(name) => Extent::Run(ctx.e.sym_int(name)?),
                });
            }
            return Ok(vec![repeat_dynamic(ctx, &x, &reps)]);
        }
    }
    let reps = args.ints("repeats")?;
    super::check_at_least("repeats", &reps, 0)?;
    let lead = reps.len().checked_sub(x.rank()).ok_or_else(|| {
        format!(
            "argument 'repeats' has {} entries for a rank-{} input; it needs at least one per dim",
            reps.len(),
            x.rank()
        )
    })?;
    let mut in_shape = vec![1; lead];
    in_shape.extend_from_slice(x.shape());
    if !x.ty.is_static() {
        let reps: Vec<Extent> = reps.iter().map(|&r| Extent::Known(r)).collect();
        return Ok(vec![repeat_dynamic(ctx, &x, &reps)]);
    }
    let x = ctx.e.reshape(&x, &in_shape);
    // [r0, s0, r1, s1, ...]
    let mut wide = Vec::new();
    let mut dims = Vec::new();
    for (i, (&r, &s)) in reps.iter().zip(&in_shape).enumerate() {
        wide.push(r);
        wide.push(s);
        dims.push((2 * i + 1) as i64);
    }
    let b = ctx.e.broadcast_in_dim(&x, &wide, &dims);
    Ok(vec![ctx.e.reshape(&b, out.dims())])
}

/// `repeat` of a tensor with dynamic dims: the same broadcast and merge, with each
/// size read at run time.
fn repeat_dynamic(ctx: &mut Ctx, x: &Val, reps: &[Extent]) -> Val {
    let lead = reps.len() - x.rank();
    let mut in_ex = vec![Extent::Known(1); lead];
    in_ex.extend(ctx.e.extents(x));
    let x = ctx.e.reshape_ext(x, &in_ex);
    let (mut wide, mut map, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for (i, (r, e)) in reps.iter().zip(&in_ex).enumerate() {
        wide.extend([r.clone(), e.clone()]);
        map.push((2 * i + 1) as i64);
        out.push(ctx.e.extent_product(&[r.clone(), e.clone()]));
    }
    let b = ctx.e.broadcast_in_dim_ext(&x, &wide, &map);
    ctx.e.reshape_ext(&b, &out)
}

/// `constant_pad_nd(self, pad, value)`: `pad` lists (low, high) pairs from the last dim
/// backwards; negative amounts crop.
pub fn constant_pad_nd(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    if let Some(Argument::AsSymInts(v)) = args.get("pad") {
        if v.iter().any(|p| p.as_int().is_none()) {
            return constant_pad_dynamic(ctx, args, &x, out, v);
        }
    }
    let pad = args.ints("pad")?;
    if pad.len() % 2 != 0 || pad.len() / 2 > x.rank() {
        return Err(format!("pad has {} entries for a rank-{} tensor", pad.len(), x.rank()).into());
    }
    let mut low = vec![0; x.rank()];
    let mut high = vec![0; x.rank()];
    for (i, pair) in pad.chunks(2).enumerate() {
        let d = x.rank() - 1 - i;
        low[d] = pair[0];
        high[d] = pair[1];
    }
    let value = args.opt_scalar("value")?.map(|s| s.as_f64()).unwrap_or(0.0);
    let v = ctx.e.splat(value, x.elem(), &[]);
    let attrs = format!(
        "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
        i64_array(&low),
        i64_array(&high),
        i64_array(&vec![0; x.rank()])
    );
    Ok(vec![ctx.e.op("stablehlo.pad", &[&x, &v], &attrs, out)])
}

/// `constant_pad_nd` whose amounts are run-time sizes (a UNet pads its upsampled map by
/// the difference to the skip's size): `stablehlo.dynamic_pad`. The amounts are taken
/// as non-negative (a crop by a run-time amount is not supported; TFLite's PADV2
/// rejects a negative one when it runs).
fn constant_pad_dynamic(ctx: &mut Ctx, args: &Args, x: &Val, out: TensorTy, pad: &[SymIntArgument]) -> LResult<Vec<Val>> {
    if pad.len() % 2 != 0 || pad.len() / 2 > x.rank() {
        return Err(format!("pad has {} entries for a rank-{} tensor", pad.len(), x.rank()).into());
    }
    let mut low = vec![Extent::Known(0); x.rank()];
    let mut high = vec![Extent::Known(0); x.rank()];
    for (i, pair) in pad.chunks(2).enumerate() {
        let d = x.rank() - 1 - i;
        for (side, p) in [(&mut low, &pair[0]), (&mut high, &pair[1])] {
            side[d] = match p {
                SymIntArgument::AsInt(n) if *n < 0 => {
                    return Err(format!("a negative pad ({n}) beside run-time pads is not supported").into())
                }
                SymIntArgument::AsInt(n) => Extent::Known(*n),
                SymIntArgument::AsName(name) => Extent::Run(ctx.e.sym_int(name)?),
            };
        }
    }
    let value = args.opt_scalar("value")?.map(|s| s.as_f64()).unwrap_or(0.0);
    let v = ctx.e.splat(value, x.elem(), &[]);
    let low = ctx.e.extents_tensor(&low);
    let high = ctx.e.extents_tensor(&high);
    let bytes = vec![0u8; 4 * x.rank()];
    let interior = ctx.e.constant_from_bytes(tensor(&[x.rank() as i64], SIZE), bytes);
    Ok(vec![ctx.e.op("stablehlo.dynamic_pad", &[x, &v, &low, &high, &interior], "", out)])
}

/// `full`, `full_like`, `zeros_like`, `ones_like`, `scalar_tensor`, `new_full`...: a splat
/// of the result type.
/// A dynamic shape is the result's recorded sizes (a `dynamic_broadcast_in_dim` of the
/// scalar).
pub fn full_with(ctx: &mut Ctx, value: f64) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    Ok(vec![ctx.e.splat(value, &out.elem, out.dims())])
}

/// `zeros_like(self)` and the like: a splat over `self`'s run-time shape; the other
/// factories sharing these lowerings take their recorded result shape.
fn full_like_self(ctx: &mut Ctx, args: &Args, value: f64) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    // `zeros`, `new_zeros(self, size)`...: the shape is the `size` argument's (recorded).
    if out.is_static() || !args.is_tensor("self") || args.defs.iter().any(|d| d.name == "size") {
        return full_with(ctx, value);
    }
    let x = args.tensor(ctx, "self")?;
    if x.shape() != out.dims() {
        return full_with(ctx, value);
    }
    Ok(vec![ctx.e.splat_like(value, &out.elem, &x)])
}

/// A factory whose value argument `name` is a run-time size (`torch.full((n, 1), T)`):
/// the size in the result's dtype, broadcast to the result's recorded shape.
fn full_of_size(ctx: &mut Ctx, args: &Args, name: &str) -> LResult<Option<Vec<Val>>> {
    if !matches!(args.get(name), Some(Argument::AsSymInt(SymIntArgument::AsName(_)))) {
        return Ok(None);
    }
    let Some(IntArg::Dynamic(v)) = int_arg(ctx, args, name)? else { return Ok(None) };
    let out = ctx.out_ty(0)?;
    let v = ctx.e.convert(&v, &out.elem);
    Ok(Some(vec![ctx.e.broadcast_in_dim(&v, out.dims(), &[])]))
}

pub fn full(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    if let Some(v) = full_of_size(ctx, args, "fill_value")? {
        return Ok(v);
    }
    full_with(ctx, args.float("fill_value")?)
}

pub fn scalar_tensor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    if let Some(v) = full_of_size(ctx, args, "s")? {
        return Ok(v);
    }
    full_with(ctx, args.float("s")?)
}

pub fn zeros_like(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    full_like_self(ctx, args, 0.0)
}

pub fn ones_like(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    full_like_self(ctx, args, 1.0)
}

pub fn full_like(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    if let Some(v) = full_of_size(ctx, args, "fill_value")? {
        return Ok(v);
    }
    let value = args.float("fill_value")?;
    full_like_self(ctx, args, value)
}

/// `arange(start, end, step)`: iota scaled and shifted, in the result's dtype.
pub fn arange(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    // A symbolic start (`arange(T - 4, T)`) is added at run time.
    let dynamic_start = match int_arg(ctx, args, "start") {
        Ok(Some(IntArg::Dynamic(v))) => Some(v),
        _ => None,
    };
    let start = if dynamic_start.is_some() { 0.0 } else { args.opt_scalar("start")?.map(|s| s.as_f64()).unwrap_or(0.0) };
    let step = args.opt_scalar("step")?.map(|s| s.as_f64()).unwrap_or(1.0);
    let mut r = ctx.e.iota(out.dims(), 0, &out.elem);
    if step != 1.0 {
        let k = ctx.e.splat_like(step, &out.elem, &r);
        r = ctx.e.binary("stablehlo.multiply", &r, &k);
    }
    if start != 0.0 {
        let k = ctx.e.splat_like(start, &out.elem, &r);
        r = ctx.e.binary("stablehlo.add", &r, &k);
    }
    if let Some(s) = dynamic_start {
        let s = ctx.e.convert(&s, &out.elem);
        let ex = ctx.e.extents(&r);
        let k = ctx.e.broadcast_to_ext(&s, &ex);
        r = ctx.e.binary("stablehlo.add", &r, &k);
    }
    Ok(vec![r])
}

/// `linspace(start, end, steps)`: a constant computed as PyTorch's CPU kernel does,
/// in the result's type (a float's step in that float, each term a fused multiply-add;
/// an integer's step in f64, each value truncated): `step = (end - start) / (steps - 1)`, the first
/// `steps / 2` values `start + step * i`, the rest `end - step * (steps - 1 - i)`, so
/// both ends are exact. One step is `[start]`.
pub fn linspace(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let steps = match out.dims() {
        [n] if *n >= 0 => *n,
        d => return Err(format!("linspace needs a static number of steps, got shape {d:?}").into()),
    };
    ctx.reserve_constant("the linspace values", steps as u128, &out.elem)?;
    let half = steps / 2;
    if args.is_tensor("start") || args.is_tensor("end") {
        return linspace_run_time(ctx, args, &out.elem, steps);
    }
    let (start, end) = (args.float("start")?, args.float("end")?);
    let values: Vec<f64> = match out.elem {
        ElemTy::F64 => {
            let step = (end - start) / (steps - 1) as f64;
            (0..steps).map(|i| if i < half { start + step * i as f64 } else { end - step * (steps - 1 - i) as f64 }).collect()
        }
        ref e if e.is_float() => {
            // f32 step; each value one fused multiply-add rounded once to f32 (PyTorch's
            // CPU build contracts `start + step * i`: this matches torch.linspace bit for
            // bit where the unfused form is off by an ulp in about a fifth of the values).
            // f16 and bf16 values are the f32 ones rounded.
            let (s, t) = (start as f32, end as f32);
            let step = ((t - s) / (steps - 1) as f32) as f64;
            let (s, t) = (s as f64, t as f64);
            (0..steps).map(|i| (if i < half { s + step * i as f64 } else { t - step * (steps - 1 - i) as f64 }) as f32 as f64).collect()
        }
        _ => {
            let (s, t) = (start.trunc(), end.trunc());
            let step = (t - s) / (steps - 1) as f64;
            (0..steps).map(|i| (if i < half { s + step * i as f64 } else { t - step * (steps - 1 - i) as f64 }).trunc()).collect()
        }
    };
    let values = if steps == 1 { vec![if out.elem.is_float() { start } else { start.trunc() }] } else { values };
    if out.elem.is_float() {
        return Ok(vec![ctx.e.const_floats(&values, &out.elem, &[steps])]);
    }
    let ints: Vec<i64> = values.iter().map(|&v| v as i64).collect();
    let c = ctx.e.const_i64s_shaped(&ints, &[steps]);
    Ok(vec![ctx.e.convert(&c, &out.elem)])
}

/// `linspace.Tensor_Tensor` and the mixed overloads (a 0-d tensor start or end, read
/// at run time): PyTorch's formula over the values, in the float result type.
fn linspace_run_time(ctx: &mut Ctx, args: &Args, elem: &ElemTy, steps: i64) -> LResult<Vec<Val>> {
    if !elem.is_float() {
        return Err(format!("linspace with a tensor start or end into {elem:?} is not supported (float results only)").into());
    }
    let s = args.tensor_or_scalar(ctx, "start", elem)?;
    let t = args.tensor_or_scalar(ctx, "end", elem)?;
    if s.rank() != 0 || t.rank() != 0 {
        return Err("linspace needs 0-d start and end tensors".into());
    }
    let s = ctx.e.convert(&s, elem);
    let t = ctx.e.convert(&t, elem);
    if steps == 1 {
        return Ok(vec![ctx.e.broadcast_in_dim(&s, &[1], &[])]);
    }
    let n = [steps];
    let k = ctx.e.splat((steps - 1) as f64, elem, &[]);
    let span = ctx.e.binary("stablehlo.subtract", &t, &s);
    let step = ctx.e.binary("stablehlo.divide", &span, &k);
    let step = ctx.e.broadcast_in_dim(&step, &n, &[]);
    let up: Vec<f64> = (0..steps).map(|i| i as f64).collect();
    let down: Vec<f64> = (0..steps).map(|i| (steps - 1 - i) as f64).collect();
    let up = ctx.e.const_floats(&up, elem, &n);
    let down = ctx.e.const_floats(&down, elem, &n);
    let sb = ctx.e.broadcast_in_dim(&s, &n, &[]);
    let tb = ctx.e.broadcast_in_dim(&t, &n, &[]);
    let a = ctx.e.binary("stablehlo.multiply", &step, &up);
    let lo = ctx.e.binary("stablehlo.add", &sb, &a);
    let b = ctx.e.binary("stablehlo.multiply", &step, &down);
    let hi = ctx.e.binary("stablehlo.subtract", &tb, &b);
    let first: Vec<i64> = (0..steps).map(|i| (i < steps / 2) as i64).collect();
    let first = ctx.e.const_i64s_shaped(&first, &n);
    let first = ctx.e.convert(&first, &ElemTy::I(1));
    Ok(vec![ctx.e.select(&first, &lo, &hi)])
}

/// `triu`/`tril(self, diagonal)`: keep elements where `col - row >= k` (triu) or
/// `<= k` (tril), zero elsewhere.
fn triangle(ctx: &mut Ctx, args: &Args, upper: bool) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let k = args.opt_int("diagonal")?.unwrap_or(0);
    let r = x.rank();
    if r < 2 {
        return Err("triu/tril need at least 2 dimensions".into());
    }
    let ex = ctx.e.extents(&x);
    let rows = ctx.e.iota_ext(&ex, r - 2, &ElemTy::I(64));
    let cols = ctx.e.iota_ext(&ex, r - 1, &ElemTy::I(64));
    let diff = ctx.e.binary("stablehlo.subtract", &cols, &rows);
    let kk = ctx.e.splat_like(k as f64, &ElemTy::I(64), &x);
    let keep = ctx.e.compare(if upper { "GE" } else { "LE" }, &diff, &kk);
    let zero = ctx.e.splat_like(0.0, x.elem(), &x);
    Ok(vec![ctx.e.select(&keep, &x, &zero)])
}

pub fn triu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    triangle(ctx, args, true)
}
pub fn tril(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    triangle(ctx, args, false)
}

/// `v` with a unit dim appended (`[..., 1]`: gather and scatter coordinates).
pub(super) fn unit_last(ctx: &mut Ctx, v: &Val) -> Val {
    let mut ex = ctx.e.extents(v);
    ex.push(Extent::Known(1));
    ctx.e.reshape_ext(v, &ex)
}

/// Gathers whole slices of `x` along `axis` at integer `indices` (any shape): the
/// result has shape `x.shape[:axis] + indices.shape + x.shape[axis+1:]`.
pub fn take_along(ctx: &mut Ctx, x: &Val, indices: &Val, axis: usize) -> Val {
    take_along_wrapping(ctx, x, indices, axis, true)
}

/// [`take_along`] for ops whose indices PyTorch requires in `[0, size)` (embedding,
/// index_select reject negative ones): no wrap, so a model's token lookup is one
/// GATHER, not GATHER + LESS + SELECT_V2 + ADD.
fn take_along_in_range(ctx: &mut Ctx, x: &Val, indices: &Val, axis: usize) -> Val {
    take_along_wrapping(ctx, x, indices, axis, false)
}

fn take_along_wrapping(ctx: &mut Ctx, x: &Val, indices: &Val, axis: usize, wrap: bool) -> Val {
    // Callers take `axis` from the archive's shapes; the driver reports the error.
    if axis >= x.rank() {
        ctx.e.errors.push(format!("cannot gather along dim {axis} of {}", x.ty));
        return x.clone();
    }
    let mut idx = ctx.e.convert(indices, &ElemTy::I(64));
    // Negative indices count from the end. (embedding and index_select, the users with
    // run-time indices, reject negative ones in PyTorch: no wrap for dynamic indices.)
    if wrap && idx.ty.is_static() {
        let size = ctx.e.splat(x.shape()[axis] as f64, &ElemTy::I(64), idx.shape());
        let zero = ctx.e.splat(0.0, &ElemTy::I(64), idx.shape());
        let neg = ctx.e.compare("LT", &idx, &zero);
        let wrapped = ctx.e.binary("stablehlo.add", &idx, &size);
        idx = ctx.e.select(&neg, &wrapped, &idx);
    }
    take_in_range(ctx, x, &idx, axis)
}

/// [`take_along`] for indices known to lie in `[0, size)` (no wrap of negative ones).
pub fn take_in_range(ctx: &mut Ctx, x: &Val, indices: &Val, axis: usize) -> Val {
    if axis >= x.rank() {
        ctx.e.errors.push(format!("cannot gather along dim {axis} of {}", x.ty));
        return x.clone();
    }
    let idx = ctx.e.convert(indices, &ElemTy::I(64));
    let ir = idx.rank();
    let idx = unit_last(ctx, &idx);
    let mut out_shape: Vec<i64> = x.shape()[..axis].to_vec();
    out_shape.extend_from_slice(&indices.shape()[..ir]);
    out_shape.extend_from_slice(&x.shape()[axis + 1..]);
    let mut slice_sizes = x.shape().to_vec();
    slice_sizes[axis] = 1;
    // The index dims land at `axis`; every other output dim is an offset dim.
    let batch: Vec<i64> = (axis as i64..(axis + ir) as i64).collect();
    let offset: Vec<i64> = (0..out_shape.len() as i64).filter(|d| !batch.contains(d)).collect();
    let numbers = format!(
        "dimension_numbers = #stablehlo.gather<offset_dims = [{}], collapsed_slice_dims = [{axis}], start_index_map = [{axis}], index_vector_dim = {ir}>, indices_are_sorted = false",
        join(&offset)
    );
    if slice_sizes.iter().any(|&d| d < 0) {
        return take_along_by_element(ctx, x, &idx, axis, ir, &out_shape);
    }
    let attrs = format!("{numbers}, slice_sizes = {}", i64_array(&slice_sizes));
    ctx.e.op("stablehlo.gather", &[x, &idx], &attrs, tensor(&out_shape, x.elem().clone()))
}

/// [`take_along`] where the slices have dynamic sizes (a gather's slice sizes are
/// static): one coordinate per result element, iotas over the result's run-time shape
/// and the index (`idx`, with its unit coordinate dim) at `axis`.
fn take_along_by_element(ctx: &mut Ctx, x: &Val, idx: &Val, axis: usize, ir: usize, out_shape: &[i64]) -> Val {
    let mut out_ex: Vec<Extent> = ctx.e.extents(x)[..axis].to_vec();
    out_ex.extend(ctx.e.extents(idx)[..ir].iter().cloned());
    out_ex.extend(ctx.e.extents(x)[axis + 1..].iter().cloned());
    let mut cols = Vec::new();
    for d in 0..x.rank() {
        let c = if d == axis {
            let map: Vec<i64> = (axis as i64..(axis + ir) as i64).chain([out_ex.len() as i64]).collect();
            let mut ex = out_ex.clone();
            ex.push(Extent::Known(1));
            ctx.e.broadcast_in_dim_ext(idx, &ex, &map)
        } else {
            let at = if d < axis { d } else { d - 1 + ir };
            let c = ctx.e.iota_ext(&out_ex, at, &ElemTy::I(64));
            unit_last(ctx, &c)
        };
        cols.push(c);
    }
    let refs: Vec<&Val> = cols.iter().collect();
    let mut coords = out_shape.to_vec();
    coords.push(x.rank() as i64);
    let coords = ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {} : i64", out_shape.len()), tensor(&coords, ElemTy::I(64)));
    let all: Vec<i64> = (0..x.rank() as i64).collect();
    let attrs = format!(
        "dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [{}], start_index_map = [{}], index_vector_dim = {}>, indices_are_sorted = false, slice_sizes = {}",
        join(&all),
        join(&all),
        out_shape.len(),
        i64_array(&vec![1; x.rank()])
    );
    ctx.e.op("stablehlo.gather", &[x, &coords], &attrs, tensor(out_shape, x.elem().clone()))
}

pub fn embedding(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let w = args.tensor(ctx, "weight")?;
    let idx = args.tensor(ctx, "indices")?;
    Ok(vec![take_along_in_range(ctx, &w, &idx, 0)])
}

pub fn index_select(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim("dim", x.rank())? as usize;
    let idx = args.tensor(ctx, "index")?;
    Ok(vec![take_along_in_range(ctx, &x, &idx, dim)])
}

/// `gather(self, dim, index)`: `out[i][j][k] = self[i][index[i][j][k]][k]` (dim = 1).
pub fn gather(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim("dim", x.rank())? as usize;
    let idx = args.tensor(ctx, "index")?;
    let idx = ctx.e.convert(&idx, &ElemTy::I(64));
    // Full coordinates: iota for every dim except `dim`, which takes `index`.
    let shape = idx.shape().to_vec();
    let mut coords = Vec::new();
    let mut one = shape.clone();
    one.push(1);
    let ex = ctx.e.extents(&idx);
    for d in 0..x.rank() {
        let c = if d == dim { idx.clone() } else { ctx.e.iota_ext(&ex, d, &ElemTy::I(64)) };
        coords.push(unit_last(ctx, &c));
    }
    let refs: Vec<&Val> = coords.iter().collect();
    let mut full = shape.clone();
    full.push(x.rank() as i64);
    let ix = ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {} : i64", shape.len()), tensor(&full, ElemTy::I(64)));
    let all: Vec<i64> = (0..x.rank() as i64).collect();
    let attrs = format!(
        "dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [{}], start_index_map = [{}], index_vector_dim = {}>, indices_are_sorted = false, slice_sizes = {}",
        join(&all),
        join(&all),
        shape.len(),
        i64_array(&vec![1; x.rank()])
    );
    Ok(vec![ctx.e.op("stablehlo.gather", &[&x, &ix], &attrs, out)])
}

/// `empty.memory_format` / `empty_strided`: zeros. The values of an empty tensor are
/// unspecified, so zeros are one valid choice; programs that read them before writing
/// have no defined result anyway (exported graphs overwrite them: circular padding
/// fills an `empty` with `slice_scatter`s).
pub fn empty(ctx: &mut Ctx, _args: &Args) -> LResult<Vec<Val>> {
    full_with(ctx, 0.0)
}

/// `fill.Scalar(self, value)`: a tensor like `self` holding `value`.
pub fn fill(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    if let Some(v) = full_of_size(ctx, args, "value")? {
        return Ok(v);
    }
    full_with(ctx, args.float("value")?)
}

/// `copy(self, src, non_blocking)`: `src` in `self`'s dtype, broadcast to its shape.
pub fn copy(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let src = args.tensor(ctx, "src")?;
    if src.rank() > x.rank() {
        return Err(format!("copy of a rank-{} source into a rank-{} tensor", src.rank(), x.rank()).into());
    }
    let v = if x.elem().is_bool() && !src.elem().is_bool() {
        let zero = ctx.e.splat_like(0.0, src.elem(), &src);
        ctx.e.compare("NE", &src, &zero)
    } else {
        ctx.e.convert(&src, x.elem())
    };
    Ok(vec![ctx.e.broadcast_to(&v, x.shape())])
}

/// Pads the last `pad.len() / 2` dims of `x` (pairs (low, high) from the last dim
/// backwards) by gathering, per dim, the source position of every output position.
fn pad_by_index(ctx: &mut Ctx, args: &Args, what: &str, source: fn(i64, i64) -> i64) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let pad = args.ints("padding")?;
    if pad.len() % 2 != 0 || pad.len() / 2 > x.rank() || !x.ty.is_static() {
        return Err(format!("{what} padding {pad:?} does not fit a static rank-{} tensor", x.rank()).into());
    }
    let mut y = x;
    for (i, pair) in pad.chunks(2).enumerate() {
        let axis = y.rank() - 1 - i;
        let size = y.shape()[axis];
        let (lo, hi) = (pair[0], pair[1]);
        if lo == 0 && hi == 0 {
            continue;
        }
        if what == "reflection" && (lo >= size || hi >= size) {
            return Err(format!("reflection padding ({lo}, {hi}) must be smaller than the dimension size {size}").into());
        }
        if size == 0 {
            return Err(format!("{what} padding of an empty dimension is not defined").into());
        }
        // A crop may take at most the whole dim; the table has one entry per output
        // position and is bounded before it is built (so `-lo..size + hi` cannot overflow).
        let len = size as i128 + lo as i128 + hi as i128;
        if lo < -size || hi < -size || len < 0 {
            return Err(format!("{what} padding ({lo}, {hi}) crops more than the dimension size {size}").into());
        }
        ctx.reserve_constant(&format!("the {what} padding index table of dim {axis}"), len as u128, &ElemTy::I(64))?;
        let idx: Vec<i64> = (-lo..size + hi).map(|j| source(j, size)).collect();
        let c = ctx.e.const_i64s(&idx);
        y = take_along(ctx, &y, &c, axis);
    }
    Ok(vec![y])
}

/// `reflection_pad{1,2,3}d(self, padding)`: position `j` outside `[0, n)` reads
/// `-j` (before) or `2(n - 1) - j` (after): the edge itself is not repeated.
pub fn reflection_pad(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    pad_by_index(ctx, args, "reflection", |j, n| if j < 0 { -j } else if j >= n { 2 * (n - 1) - j } else { j })
}

/// `replication_pad{1,2,3}d(self, padding)`: position `j` reads `clamp(j, 0, n - 1)`.
pub fn replication_pad(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    pad_by_index(ctx, args, "replication", |j, n| j.clamp(0, n - 1))
}

//! Reductions: sum/mean/amax/amin/any/var over dims, argmax, softmax and log-softmax,
//! and cumulative sums. `keepdim` results are reshaped to the archive's result shape.

use super::region::region_op;
use super::{norm_dim, Args, Ctx, LResult};
use crate::pt2::emit::{i64_array, tensor, Extent, Val};
use edge_dialects::ir::ElemTy;

/// The dims to reduce: `dim` (a list, possibly empty or absent = all dims).
fn reduce_dims(args: &Args, rank: usize) -> LResult<Vec<i64>> {
    let dims = args.opt_ints("dim")?.unwrap_or_default();
    if dims.is_empty() {
        return Ok((0..rank as i64).collect());
    }
    let mut d: Vec<i64> = dims.iter().map(|&x| norm_dim(x, rank)).collect::<LResult<_>>()?;
    if rank == 0 {
        // A 0-d tensor takes dim 0 or -1 and has nothing to reduce.
        return Ok(vec![]);
    }
    d.sort_unstable();
    d.dedup();
    Ok(d)
}

/// The smallest value of `elem` (-inf for floats): the identity of max.
pub fn lowest(elem: &ElemTy) -> f64 {
    match elem {
        e if e.is_float() => f64::NEG_INFINITY,
        ElemTy::I(1) => 0.0,
        ElemTy::I(w) => -(2f64.powi(*w as i32 - 1)),
        ElemTy::U(_) => 0.0,
        _ => f64::NEG_INFINITY,
    }
}

/// The largest value of `elem` (+inf for floats): the identity of min.
pub fn highest(elem: &ElemTy) -> f64 {
    match elem {
        e if e.is_float() => f64::INFINITY,
        ElemTy::I(1) => 1.0,
        ElemTy::I(w) => 2f64.powi(*w as i32 - 1) - 1.0,
        ElemTy::U(w) => 2f64.powi(*w as i32) - 1.0,
        _ => f64::INFINITY,
    }
}

/// Reduces `x` (converted to the result's dtype) and reshapes to the result shape.
fn reduce_to_result(ctx: &mut Ctx, x: &Val, dims: &[i64], body: &str, init: f64) -> LResult<Val> {
    let out = ctx.out_ty(0)?;
    let x = ctx.e.convert(x, &out.elem);
    let r = ctx.e.reduce(&x, dims, body, init);
    Ok(ctx.e.reshape(&r, out.dims()))
}

pub fn sum(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dims = reduce_dims(args, x.rank())?;
    Ok(vec![reduce_to_result(ctx, &x, &dims, "stablehlo.add", 0.0)?])
}

pub fn mean(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dims = reduce_dims(args, x.rank())?;
    if dims.iter().any(|&d| x.shape()[d as usize] < 0) {
        let s = reduce_to_result(ctx, &x, &dims, "stablehlo.add", 0.0)?;
        let n = run_time_count(ctx, &x, &dims, 0.0, &s);
        return Ok(vec![ctx.e.binary("stablehlo.divide", &s, &n)]);
    }
    let count: i64 = dims.iter().map(|&d| x.shape()[d as usize]).product();
    let s = reduce_to_result(ctx, &x, &dims, "stablehlo.add", 0.0)?;
    let n = ctx.e.splat(count as f64, s.elem(), s.shape());
    Ok(vec![ctx.e.binary("stablehlo.divide", &s, &n)])
}

/// The element count of dims `dims` of `x` minus `less`, as `like`'s element type and
/// shape: `convert(product of the sizes)` (the form legalization reads as a mean's
/// count), broadcast when `like` is not 0-d. For counts over unknown dims.
pub(super) fn run_time_count(ctx: &mut Ctx, x: &Val, dims: &[i64], less: f64, like: &Val) -> Val {
    let ex: Vec<Extent> = dims.iter().map(|&d| ctx.e.extent(x, d as usize)).collect();
    let n = ctx.e.extent_product(&ex);
    let n = ctx.e.extent_value(&n);
    let mut n = ctx.e.convert(&n, like.elem());
    if less != 0.0 {
        let c = ctx.e.splat(less, like.elem(), &[]);
        n = ctx.e.binary("stablehlo.subtract", &n, &c);
        let zero = ctx.e.splat(0.0, like.elem(), &[]);
        n = ctx.e.binary("stablehlo.maximum", &n, &zero);
    }
    if like.rank() == 0 {
        n
    } else {
        ctx.e.broadcast_like(&n, like, &[])
    }
}

pub fn amax(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dims = reduce_dims(args, x.rank())?;
    let init = lowest(x.elem());
    Ok(vec![reduce_to_result(ctx, &x, &dims, "stablehlo.maximum", init)?])
}

pub fn amin(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dims = reduce_dims(args, x.rank())?;
    let init = highest(x.elem());
    Ok(vec![reduce_to_result(ctx, &x, &dims, "stablehlo.minimum", init)?])
}

pub fn any(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let x = if x.elem().is_bool() {
        x
    } else {
        let zero = ctx.e.splat(0.0, x.elem(), x.shape());
        ctx.e.compare("NE", &x, &zero)
    };
    let dims = reduce_dims(args, x.rank())?;
    Ok(vec![reduce_to_result(ctx, &x, &dims, "stablehlo.or", 0.0)?])
}

/// `var.correction(self, dim, correction, keepdim)`: mean of squared deviations, divided
/// by `N - correction`.
pub fn var(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    let dims = reduce_dims(args, x.rank())?;
    let n: i64 = dims.iter().map(|&d| x.shape()[d as usize]).product();
    // var.correction: `correction` (default 1); var.dim: `unbiased` (default true).
    let correction = match args.opt_scalar("correction")? {
        Some(c) => c.as_f64(),
        None if args.defs.iter().any(|d| d.name == "unbiased") => args.bool("unbiased")? as i64 as f64,
        None => 1.0,
    };
    let dynamic = dims.iter().any(|&d| x.shape()[d as usize] < 0);
    let sum = ctx.e.reduce(&x, &dims, "stablehlo.add", 0.0);
    let count = if dynamic { run_time_count(ctx, &x, &dims, 0.0, &sum) } else { ctx.e.splat(n as f64, &out.elem, sum.shape()) };
    let m = ctx.e.binary("stablehlo.divide", &sum, &count);
    let kept: Vec<i64> = (0..x.rank() as i64).filter(|d| !dims.contains(d)).collect();
    let mb = ctx.e.broadcast_like(&m, &x, &kept);
    let d = ctx.e.binary("stablehlo.subtract", &x, &mb);
    let d2 = ctx.e.binary("stablehlo.multiply", &d, &d);
    let ss = ctx.e.reduce(&d2, &dims, "stablehlo.add", 0.0);
    let denom = if dynamic {
        run_time_count(ctx, &x, &dims, correction, &ss)
    } else {
        ctx.e.splat((n as f64 - correction).max(0.0), &out.elem, ss.shape())
    };
    let v = ctx.e.binary("stablehlo.divide", &ss, &denom);
    Ok(vec![ctx.e.reshape(&v, out.dims())])
}

/// `argmax(self, dim, keepdim)`: the first index of the maximum, as i64.
pub fn argmax(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (_, idx) = arg_extreme(ctx, args, "GT")?;
    let out = ctx.out_ty(0)?;
    let idx = ctx.e.convert(&idx, &out.elem);
    Ok(vec![ctx.e.reshape(&idx, out.dims())])
}

pub fn argmin(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (_, idx) = arg_extreme(ctx, args, "LT")?;
    let out = ctx.out_ty(0)?;
    let idx = ctx.e.convert(&idx, &out.elem);
    Ok(vec![ctx.e.reshape(&idx, out.dims())])
}

/// `max.dim` / `min.dim`: (values, indices) along `dim`.
fn extreme_dim(ctx: &mut Ctx, args: &Args, dir: &str) -> LResult<Vec<Val>> {
    let (vals, idx) = arg_extreme(ctx, args, dir)?;
    let (ov, oi) = (ctx.out_ty(0)?, ctx.out_ty(1)?);
    let vals = ctx.e.reshape(&vals, ov.dims());
    let idx = ctx.e.convert(&idx, &oi.elem);
    Ok(vec![vals, ctx.e.reshape(&idx, oi.dims())])
}

pub fn max_dim(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    extreme_dim(ctx, args, "GT")
}

pub fn min_dim(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    extreme_dim(ctx, args, "LT")
}

/// `prod.dim_int` / `prod.default`.
pub fn prod(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dims = match args.opt_int("dim")? {
        Some(d) => vec![norm_dim(d, x.rank())?],
        None => (0..x.rank() as i64).collect(),
    };
    Ok(vec![reduce_to_result(ctx, &x, &dims, "stablehlo.multiply", 1.0)?])
}

/// The first extreme value along `dim` (or over all elements) and its index (i64).
fn arg_extreme(ctx: &mut Ctx, args: &Args, dir: &str) -> LResult<(Val, Val)> {
    let mut x = args.tensor(ctx, "self")?;
    let dim = match args.opt_int("dim")? {
        Some(d) => norm_dim(d, x.rank())?,
        None => {
            let ex = ctx.e.extents(&x);
            let n = ctx.e.extent_product(&ex);
            x = ctx.e.reshape_ext(&x, &[n]);
            0
        }
    };
    let elem = x.elem().clone();
    let i64t = ElemTy::I(64);
    let ex = ctx.e.extents(&x);
    let idx = ctx.e.iota_ext(&ex, dim as usize, &i64t);
    let init_v = ctx.e.splat(if dir == "GT" { lowest(&elem) } else { highest(&elem) }, &elem, &[]);
    let init_i = ctx.e.splat(0.0, &i64t, &[]);
    let red_shape: Vec<i64> = x.shape().iter().enumerate().filter(|(i, _)| *i as i64 != dim).map(|(_, &d)| d).collect();
    let ft = if elem.is_float() { "FLOAT" } else { "SIGNED" };
    let results = [tensor(&red_shape, elem.clone()), tensor(&red_shape, i64t.clone())];
    let block_args = [elem.clone(), i64t.clone(), elem.clone(), i64t];
    let attrs = format!("dimensions = {}", i64_array(&[dim]));
    // The comparator keeps (a, ia) over (b, ib) when a is strictly better, or when they
    // tie (for floats: both NaN counts as a tie) and ia < ib, so the first index wins.
    // PyTorch treats NaN as the extreme for both argmax and argmin: a NaN a beats a
    // non-NaN b.
    let mut out = region_op(ctx, "stablehlo.reduce", &[&x, &idx, &init_v, &init_i], &attrs, &results, &block_args, |b, a| {
        let (av, ai, bv, bi) = (&a[0], &a[1], &a[2], &a[3]);
        let better = b.compare_as(dir, ft, av, bv);
        let tie = b.compare_as("EQ", ft, av, bv);
        let (better, tie) = if elem.is_float() {
            let a_nan = b.compare_as("NE", ft, av, av);
            let b_nan = b.compare_as("NE", ft, bv, bv);
            let b_num = b.not(&b_nan);
            let nan_wins = b.binary("stablehlo.and", &a_nan, &b_num);
            let better2 = b.binary("stablehlo.or", &better, &nan_wins);
            let both_nan = b.binary("stablehlo.and", &a_nan, &b_nan);
            let tie2 = b.binary("stablehlo.or", &tie, &both_nan);
            (better2, tie2)
        } else {
            (better, tie)
        };
        let lti = b.compare_as("LT", "SIGNED", ai, bi);
        let first = b.binary("stablehlo.and", &tie, &lti);
        let pick = b.binary("stablehlo.or", &better, &first);
        vec![b.select(&pick, av, bv), b.select(&pick, ai, bi)]
    });
    let indices = out.pop().expect("two results");
    let values = out.pop().expect("two results");
    Ok((values, indices))
}

/// `_softmax(self, dim, half_to_float)`: exp(x - max) / sum.
pub fn softmax(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (x, shifted, dim, kept) = softmax_parts(ctx, args)?;
    let e = ctx.e.unary("stablehlo.exponential", &shifted);
    let s = ctx.e.reduce(&e, &[dim], "stablehlo.add", 0.0);
    let sb = ctx.e.broadcast_like(&s, &x, &kept);
    Ok(vec![ctx.e.binary("stablehlo.divide", &e, &sb)])
}

/// `_log_softmax(self, dim, half_to_float)`: (x - max) - log(sum(exp(x - max))).
pub fn log_softmax(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (x, shifted, dim, kept) = softmax_parts(ctx, args)?;
    let e = ctx.e.unary("stablehlo.exponential", &shifted);
    let s = ctx.e.reduce(&e, &[dim], "stablehlo.add", 0.0);
    let l = ctx.e.unary("stablehlo.log", &s);
    let lb = ctx.e.broadcast_like(&l, &x, &kept);
    Ok(vec![ctx.e.binary("stablehlo.subtract", &shifted, &lb)])
}

fn softmax_parts(ctx: &mut Ctx, args: &Args) -> LResult<(Val, Val, i64, Vec<i64>)> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    let dim = args.dim("dim", x.rank())?;
    let kept: Vec<i64> = (0..x.rank() as i64).filter(|&d| d != dim).collect();
    let m = ctx.e.reduce(&x, &[dim], "stablehlo.maximum", f64::NEG_INFINITY);
    let mb = ctx.e.broadcast_like(&m, &x, &kept);
    let shifted = ctx.e.binary("stablehlo.subtract", &x, &mb);
    Ok((x, shifted, dim, kept))
}

/// `cumsum(self, dim)`: a reduce_window summing each prefix.
pub fn cumsum(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    cumulative(ctx, args, "stablehlo.add", 0.0)
}

/// `cumprod(self, dim)`: a reduce_window multiplying each prefix.
pub fn cumprod(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    cumulative(ctx, args, "stablehlo.multiply", 1.0)
}

/// A prefix reduction along `dim`: a window spanning the whole dim, padded in front
/// with `n - 1` identities.
fn cumulative(ctx: &mut Ctx, args: &Args, body: &str, identity: f64) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim("dim", x.rank())? as usize;
    if x.shape()[dim] < 0 {
        return prefix_sum_dynamic(ctx, &x, dim, body, &out.elem);
    }
    let x = ctx.e.convert(&x, &out.elem);
    let n = x.shape()[dim];
    let mut window = vec![1; x.rank()];
    window[dim] = n;
    let mut pad = vec![[0i64, 0]; x.rank()];
    pad[dim] = [n - 1, 0];
    let pad_text: Vec<String> = pad.iter().map(|p| format!("[{}, {}]", p[0], p[1])).collect();
    let init = ctx.e.splat(identity, &out.elem, &[]);
    let attrs = format!(
        "window_dimensions = {}, window_strides = {}, padding = dense<[{}]> : tensor<{}x2xi64>",
        i64_array(&window),
        i64_array(&vec![1; x.rank()]),
        pad_text.join(", "),
        x.rank()
    );
    let elem = out.elem.clone();
    Ok(ctx.e.op_with_scalar_body("stablehlo.reduce_window", &[&x, &init], &attrs, &[out], body, &elem))
}

/// A prefix sum along a dim of unknown size `n` (a window of `n` cannot be written):
/// a product with the `[n, n]` triangle `j <= i` built at run time, the summed dim
/// moved back in place. A bool input (a mask's running count, as Hugging Face's
/// masks compute) sums in f32, exact for dims under 2^24, then takes the result's type;
/// other integers and products other than sums are refused.
fn prefix_sum_dynamic(ctx: &mut Ctx, x: &Val, dim: usize, body: &str, out: &ElemTy) -> LResult<Vec<Val>> {
    let float_sum = body == "stablehlo.add" && (x.elem().is_bool() || out.is_float());
    if !float_sum {
        return Err(format!(
            "a cumulative '{body}' of {} over a dynamic dim is not supported (float or bool cumsum only)",
            x.ty
        )
        .into());
    }
    let x = if x.elem().is_bool() { ctx.e.convert(x, &ElemTy::F32) } else { ctx.e.convert(x, out) };
    let n = ctx.e.extent(&x, dim);
    let square = [n.clone(), n];
    let rows = ctx.e.iota_ext(&square, 0, &crate::pt2::emit::SIZE);
    let cols = ctx.e.iota_ext(&square, 1, &crate::pt2::emit::SIZE);
    let keep = ctx.e.compare("LE", &rows, &cols);
    let tri = ctx.e.convert(&keep, x.elem());
    let y = super::nn::dot_along(ctx, &x, &tri, dim, -1);
    Ok(vec![ctx.e.convert(&y, out)])
}

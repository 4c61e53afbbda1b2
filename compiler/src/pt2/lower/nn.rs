//! Neural-network ATen ops: convolution (plain, grouped, transposed), matrix products,
//! batch/layer normalization, pooling and upsampling. Layouts stay PyTorch's (NCHW,
//! OIHW); the TFL layout pass moves them to NHWC later.

use super::region::region_op;
use super::{check_at_least, Args, Ctx, LResult, Scalar};
use crate::pt2::emit::{i64_array, join, tensor, Extent, Val};
use edge_dialects::ir::{ElemTy, TensorTy};

fn spatial_letters(n: usize) -> String {
    (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

fn padding_attr(pads: &[[i64; 2]]) -> String {
    let rows: Vec<String> = pads.iter().map(|p| format!("[{}, {}]", p[0], p[1])).collect();
    format!("dense<[{}]> : tensor<{}x2xi64>", rows.join(", "), pads.len())
}

/// The extent of a dilated kernel, `dilation * (kernel - 1) + 1`, checked.
fn window_span(dilation: i64, kernel: i64) -> LResult<i64> {
    kernel
        .checked_sub(1)
        .and_then(|k| k.checked_mul(dilation))
        .and_then(|k| k.checked_add(1))
        .ok_or_else(|| format!("a kernel of size {kernel} with dilation {dilation} overflows").into())
}

/// Repeats a per-dimension list given once (`[1]`) to `n` entries.
pub(super) fn expand_list(v: Vec<i64>, n: usize, what: &str) -> LResult<Vec<i64>> {
    match v.len() {
        l if l == n => Ok(v),
        1 => Ok(vec![v[0]; n]),
        0 => Err(format!("{what} is empty").into()),
        l => Err(format!("{what} has {l} entries for {n} spatial dims").into()),
    }
}

fn add_channel_bias(ctx: &mut Ctx, y: Val, bias: Option<Val>) -> Val {
    match bias {
        Some(b) => {
            let b = ctx.e.convert(&b, y.elem());
            let bb = ctx.e.broadcast_like(&b, &y, &[1]);
            ctx.e.binary("stablehlo.add", &y, &bb)
        }
        None => y,
    }
}

pub fn convolution(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let w = args.tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let n = x.rank().checked_sub(2).filter(|&n| n >= 1).ok_or("convolution input must have rank 3 or more")?;
    let stride = expand_list(args.ints("stride")?, n, "stride")?;
    let padding = expand_list(args.ints("padding")?, n, "padding")?;
    let dilation = expand_list(args.ints("dilation")?, n, "dilation")?;
    let transposed = args.bool("transposed")?;
    let output_padding = expand_list(args.opt_ints("output_padding")?.unwrap_or_else(|| vec![0]), n, "output_padding")?;
    check_at_least("stride", &stride, 1)?;
    check_at_least("dilation", &dilation, 1)?;
    check_at_least("padding", &padding, 0)?;
    check_at_least("output_padding", &output_padding, 0)?;
    // The transposed lowering regroups the weight by `groups`: it divides by it.
    let groups = args.int_at_least("groups", 1)?;
    if w.rank() != x.rank() || !w.ty.is_static() {
        return Err(format!("convolution weight must be a static rank-{} tensor, got {}", x.rank(), w.ty).into());
    }
    let sp = spatial_letters(n);
    let kernel: Vec<i64> = w.shape()[2..].to_vec();
    let conv_out = TensorTy { elem: out.elem.clone(), ..out.clone() };

    let y = if !transposed {
        let pads: Vec<[i64; 2]> = padding.iter().map(|&p| [p, p]).collect();
        let attrs = format!(
            "batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, {sp}]x[o, i, {sp}]->[b, f, {sp}]>, feature_group_count = {groups} : i64, padding = {}, rhs_dilation = {}, window_strides = {}",
            padding_attr(&pads),
            i64_array(&dilation),
            i64_array(&stride)
        );
        ctx.e.op("stablehlo.convolution", &[&x, &w], &attrs, conv_out)
    } else {
        // A transposed convolution is a convolution of the stride-dilated input with the
        // spatially flipped kernel, padded by dilation*(k-1) - padding.
        let pads: Vec<[i64; 2]> = (0..n)
            .map(|i| {
                let k = window_span(dilation[i], kernel[i])? - 1;
                let lo = k.checked_sub(padding[i]).ok_or("transposed convolution padding overflows")?;
                Ok([lo, lo.checked_add(output_padding[i]).ok_or("transposed convolution padding overflows")?])
            })
            .collect::<LResult<_>>()?;
        let spatial: Vec<i64> = (2..2 + n as i64).collect();
        let flipped = ctx.e.op("stablehlo.reverse", &[&w], &format!("dimensions = {}", i64_array(&spatial)), w.ty.clone());
        // Weight is [in, out/groups, k...]; regroup to [out, in/groups, k...].
        let (cin, cout_g) = (w.shape()[0], w.shape()[1]);
        if cin % groups != 0 {
            return Err(format!(
                "argument 'groups' is {groups}, which does not divide the weight's {cin} input channels"
            )
            .into());
        }
        let kernel_w = if groups == 1 {
            flipped
        } else {
            let g = groups;
            let mut s1 = vec![g, cin / g, cout_g];
            s1.extend_from_slice(&kernel);
            let r = ctx.e.reshape(&flipped, &s1);
            let mut perm = vec![0, 2, 1];
            perm.extend((3..3 + n as i64).collect::<Vec<_>>());
            let t = ctx.e.transpose(&r, &perm);
            let mut s2 = vec![g * cout_g, cin / g];
            s2.extend_from_slice(&kernel);
            ctx.e.reshape(&t, &s2)
        };
        let layout = if groups == 1 { format!("[i, o, {sp}]") } else { format!("[o, i, {sp}]") };
        let attrs = format!(
            "batch_group_count = 1 : i64, dimension_numbers = #stablehlo.conv<[b, f, {sp}]x{layout}->[b, f, {sp}]>, feature_group_count = {groups} : i64, lhs_dilation = {}, padding = {}, rhs_dilation = {}, window_strides = {}",
            i64_array(&stride),
            padding_attr(&pads),
            i64_array(&dilation),
            i64_array(&vec![1; n])
        );
        ctx.e.op("stablehlo.convolution", &[&x, &kernel_w], &attrs, conv_out)
    };
    Ok(vec![add_channel_bias(ctx, y, bias)])
}

/// `dot_general` with the given batching and contracting dims.
pub(super) fn dot(ctx: &mut Ctx, a: &Val, b: &Val, batch: (&[i64], &[i64]), contract: (&[i64], &[i64]), out: TensorTy) -> Val {
    let mut fields = Vec::new();
    if !batch.0.is_empty() {
        fields.push(format!("lhs_batching_dimensions = [{}], rhs_batching_dimensions = [{}]", join(batch.0), join(batch.1)));
    }
    fields.push(format!("lhs_contracting_dimensions = [{}], rhs_contracting_dimensions = [{}]", join(contract.0), join(contract.1)));
    let attrs = format!("dot_dimension_numbers = #stablehlo.dot<{}>", fields.join(", "));
    ctx.e.op("stablehlo.dot_general", &[a, b], &attrs, out)
}

pub fn mm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let b = args.tensor(ctx, "mat2")?;
    Ok(vec![dot(ctx, &a, &b, (&[], &[]), (&[1], &[0]), out)])
}

pub fn bmm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let b = args.tensor(ctx, "mat2")?;
    Ok(vec![dot(ctx, &a, &b, (&[0], &[0]), (&[2], &[1]), out)])
}

/// `addmm(self, mat1, mat2, beta, alpha) = beta * self + alpha * (mat1 @ mat2)`.
pub fn addmm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let bias = args.tensor(ctx, "self")?;
    let a = args.tensor(ctx, "mat1")?;
    let b = args.tensor(ctx, "mat2")?;
    let mut p = dot(ctx, &a, &b, (&[], &[]), (&[1], &[0]), out.clone());
    let alpha = args.opt_scalar("alpha")?.unwrap_or(Scalar::Int(1)).as_f64();
    let beta = args.opt_scalar("beta")?.unwrap_or(Scalar::Int(1)).as_f64();
    if alpha != 1.0 {
        let k = ctx.e.splat(alpha, &out.elem, out.dims());
        p = ctx.e.binary("stablehlo.multiply", &p, &k);
    }
    if beta == 0.0 {
        return Ok(vec![p]);
    }
    let bias = ctx.e.convert(&bias, &out.elem);
    let mut bb = ctx.e.broadcast_to(&bias, out.dims());
    if beta != 1.0 {
        let k = ctx.e.splat(beta, &out.elem, out.dims());
        bb = ctx.e.binary("stablehlo.multiply", &bb, &k);
    }
    Ok(vec![ctx.e.binary("stablehlo.add", &p, &bb)])
}

/// `x * scale + shift` with per-channel vectors on dim 1, where
/// `scale = weight * rsqrt(var + eps)` and `shift = bias - mean * scale` are computed
/// on the `[C]` vectors (as PyTorch's CPU kernel does), so only the last multiply and
/// add touch the activation and the vectors fold into a preceding convolution.
pub fn batch_norm_inference(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &out.elem);
    let weight = args.opt_tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let mean = args.tensor(ctx, "running_mean")?;
    let var = args.tensor(ctx, "running_var")?;
    let eps = args.float("eps")?;
    let vector = |ctx: &mut Ctx, v: &Val| ctx.e.convert(v, &out.elem);
    let mean = vector(ctx, &mean);
    let var = vector(ctx, &var);
    let e = ctx.e.splat(eps, &out.elem, var.shape());
    let ve = ctx.e.binary("stablehlo.add", &var, &e);
    let mut scale = ctx.e.unary("stablehlo.rsqrt", &ve);
    if let Some(w) = weight {
        let w = vector(ctx, &w);
        scale = ctx.e.binary("stablehlo.multiply", &w, &scale);
    }
    let ms = ctx.e.binary("stablehlo.multiply", &mean, &scale);
    let shift = match bias {
        Some(b) => {
            let b = vector(ctx, &b);
            ctx.e.binary("stablehlo.subtract", &b, &ms)
        }
        None => ctx.e.unary("stablehlo.negate", &ms),
    };
    let scale = ctx.e.broadcast_like(&scale, &x, &[1]);
    let shift = ctx.e.broadcast_like(&shift, &x, &[1]);
    let y = ctx.e.binary("stablehlo.multiply", &x, &scale);
    let y = ctx.e.binary("stablehlo.add", &y, &shift);
    let mut outs = vec![y];
    // The saved mean/invstd outputs are empty in inference graphs.
    for i in 1..ctx.outputs.len() {
        if let Ok(t) = ctx.out_ty(i) {
            if t.is_static() {
                outs.push(ctx.e.splat(0.0, &t.elem, t.dims()));
            }
        }
    }
    Ok(outs)
}

/// `native_layer_norm(input, normalized_shape, weight, bias, eps)` -> (out, mean, rstd).
pub fn layer_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &out.elem);
    let norm = args.ints("normalized_shape")?;
    let weight = args.opt_tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let eps = args.float("eps")?;
    let r = x.rank();
    let k = norm.len();
    // The normalized dims are the input's trailing ones; the count divides the sums.
    if k > r || (x.ty.is_static() && x.shape()[r - k..] != norm[..]) {
        return Err(format!(
            "argument 'normalized_shape' is {norm:?}, which is not the trailing shape of the input {}",
            x.ty
        )
        .into());
    }
    let dims: Vec<i64> = ((r - k) as i64..r as i64).collect();
    let kept: Vec<i64> = (0..(r - k) as i64).collect();
    let count = super::checked_count("argument 'normalized_shape'", &norm)?;
    let s = ctx.e.reduce(&x, &dims, "stablehlo.add", 0.0);
    let n = ctx.e.splat_like(count as f64, &out.elem, &s);
    let mean = ctx.e.binary("stablehlo.divide", &s, &n);
    let mb = ctx.e.broadcast_like(&mean, &x, &kept);
    let c = ctx.e.binary("stablehlo.subtract", &x, &mb);
    let c2 = ctx.e.binary("stablehlo.multiply", &c, &c);
    let vs = ctx.e.reduce(&c2, &dims, "stablehlo.add", 0.0);
    let var = ctx.e.binary("stablehlo.divide", &vs, &n);
    let e = ctx.e.splat_like(eps, &out.elem, &var);
    let ve = ctx.e.binary("stablehlo.add", &var, &e);
    let rstd = ctx.e.unary("stablehlo.rsqrt", &ve);
    let rb = ctx.e.broadcast_like(&rstd, &x, &kept);
    let mut y = ctx.e.binary("stablehlo.multiply", &c, &rb);
    let trailing: Vec<i64> = ((r - k) as i64..r as i64).collect();
    if let Some(w) = weight {
        let w = ctx.e.convert(&w, &out.elem);
        let wb = ctx.e.broadcast_like(&w, &x, &trailing);
        y = ctx.e.binary("stablehlo.multiply", &y, &wb);
    }
    if let Some(b) = bias {
        let b = ctx.e.convert(&b, &out.elem);
        let bb = ctx.e.broadcast_like(&b, &x, &trailing);
        y = ctx.e.binary("stablehlo.add", &y, &bb);
    }
    let mut outs = vec![y];
    // The statistics keep the normalized dims as units.
    let mut stat: Vec<Extent> = ctx.e.extents(&x)[..r - k].to_vec();
    stat.extend(std::iter::repeat_n(Extent::Known(1), k));
    for (i, v) in [(1, mean), (2, rstd)] {
        if let Ok(t) = ctx.out_ty(i) {
            outs.push(if t.is_static() { ctx.e.reshape(&v, t.dims()) } else { ctx.e.reshape_ext(&v, &stat) });
        }
    }
    Ok(outs)
}

/// Normalizes `x` over `dims` with biased statistics: `(x - mean) * rsqrt(var + eps)`.
/// Returns (normalized, mean, rstd), the statistics with `dims` reduced away.
pub(super) fn normalize_over(ctx: &mut Ctx, x: &Val, dims: &[i64], eps: f64) -> (Val, Val, Val) {
    let shape = x.shape().to_vec();
    let elem = x.elem().clone();
    let kept: Vec<i64> = (0..x.rank() as i64).filter(|d| !dims.contains(d)).collect();
    let s = ctx.e.reduce(x, dims, "stablehlo.add", 0.0);
    let n = if dims.iter().any(|&d| shape[d as usize] < 0) {
        super::reduce::run_time_count(ctx, x, dims, 0.0, &s)
    } else {
        let count: i64 = dims.iter().map(|&d| shape[d as usize]).product();
        ctx.e.splat_like(count as f64, &elem, &s)
    };
    let mean = ctx.e.binary("stablehlo.divide", &s, &n);
    let mb = ctx.e.broadcast_like(&mean, x, &kept);
    let c = ctx.e.binary("stablehlo.subtract", x, &mb);
    let c2 = ctx.e.binary("stablehlo.multiply", &c, &c);
    let vs = ctx.e.reduce(&c2, dims, "stablehlo.add", 0.0);
    let var = ctx.e.binary("stablehlo.divide", &vs, &n);
    let e = ctx.e.splat_like(eps, &elem, &var);
    let ve = ctx.e.binary("stablehlo.add", &var, &e);
    let rstd = ctx.e.unary("stablehlo.rsqrt", &ve);
    let rb = ctx.e.broadcast_like(&rstd, x, &kept);
    (ctx.e.binary("stablehlo.multiply", &c, &rb), mean, rstd)
}

/// `y * weight + bias` with per-channel vectors on dim 1.
pub(super) fn channel_affine(ctx: &mut Ctx, mut y: Val, weight: Option<Val>, bias: Option<Val>) -> Val {
    if let Some(w) = weight {
        let w = ctx.e.convert(&w, y.elem());
        let wb = ctx.e.broadcast_like(&w, &y, &[1]);
        y = ctx.e.binary("stablehlo.multiply", &y, &wb);
    }
    if let Some(b) = bias {
        let b = ctx.e.convert(&b, y.elem());
        let bb = ctx.e.broadcast_like(&b, &y, &[1]);
        y = ctx.e.binary("stablehlo.add", &y, &bb);
    }
    y
}

/// `native_group_norm(input, weight, bias, N, C, HxW, group, eps)` -> (out, mean,
/// rstd): the channels split into `group` groups, each (sample, group) normalized over
/// its channels and spatial positions, then a per-channel affine; mean and rstd are
/// [N, group].
pub fn group_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &out.elem);
    let weight = args.opt_tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let group = args.int("group")?;
    let eps = args.float("eps")?;
    if x.rank() < 2 || x.shape()[1] < 0 {
        return Err(format!("group norm needs an input of rank 2 or more with static channels, got {}", x.ty).into());
    }
    let (n, c) = (x.shape()[0], x.shape()[1]);
    if group <= 0 || c % group != 0 {
        return Err(format!("group norm with {group} groups over {c} channels is not defined").into());
    }
    if !x.ty.is_static() {
        // [N, G, C/G, spatial...]: no unknown size is merged with another.
        let ex = ctx.e.extents(&x);
        let mut split = vec![ex[0].clone(), Extent::Known(group), Extent::Known(c / group)];
        split.extend_from_slice(&ex[2..]);
        let grouped = ctx.e.reshape_ext(&x, &split);
        let dims: Vec<i64> = (2..split.len() as i64).collect();
        let (y, mean, rstd) = normalize_over(ctx, &grouped, &dims, eps);
        let y = ctx.e.reshape_ext(&y, &ex);
        let mut outs = vec![channel_affine(ctx, y, weight, bias)];
        outs.extend([mean, rstd]);
        return Ok(outs);
    }
    let per_group: i64 = x.shape()[1..].iter().product::<i64>() / group;
    let grouped = ctx.e.reshape(&x, &[n, group, per_group]);
    let (y, mean, rstd) = normalize_over(ctx, &grouped, &[2], eps);
    let y = ctx.e.reshape(&y, x.shape());
    let mut outs = vec![channel_affine(ctx, y, weight, bias)];
    for (i, v) in [(1, mean), (2, rstd)] {
        // Every output position gets a value (unnamed ones are dropped by the driver).
        match ctx.out_ty(i) {
            Ok(t) => outs.push(ctx.e.reshape(&v, t.dims())),
            Err(_) => outs.push(v),
        }
    }
    Ok(outs)
}

/// `_native_batch_norm_legit.no_stats(input, weight, bias, training, momentum, eps)`
/// -> (out, mean, rstd): batch norm with the batch's own statistics (no running
/// stats), over every dim but the channel dim 1. This is what `InstanceNorm` (on a
/// [1, N*C, ...] view) and `BatchNorm(track_running_stats=False)` export to.
pub fn batch_norm_batch_stats(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &out.elem);
    let weight = args.opt_tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let eps = args.float("eps")?;
    if x.rank() < 2 {
        return Err("batch norm needs an input of rank 2 or more".into());
    }
    let dims: Vec<i64> = (0..x.rank() as i64).filter(|&d| d != 1).collect();
    let (y, mean, rstd) = normalize_over(ctx, &x, &dims, eps);
    let mut outs = vec![channel_affine(ctx, y, weight, bias)];
    for (i, v) in [(1, mean), (2, rstd)] {
        // Without training the saved statistics are empty; unnamed outputs are dropped.
        match ctx.out_ty(i) {
            Ok(t) if t.dims() != v.shape() && t.is_static() => outs.push(ctx.e.splat(0.0, &t.elem, t.dims())),
            _ => outs.push(v),
        }
    }
    Ok(outs)
}

/// Window parameters of an n-d pool over the last n dims (NCHW, CHW, NCDHW...).
struct Pool {
    window: Vec<i64>,
    strides: Vec<i64>,
    dilations: Vec<i64>,
    pads: Vec<[i64; 2]>,
}

/// The pool's window over the last `n` dims of `x`, and the dims whose result must be
/// cut to the recorded output size. The high padding is whatever gives the recorded
/// output size (ceil_mode adds some; windows that would start in the padding are
/// dropped). A dynamic dim with ceil_mode is padded `stride - 1` more on the high side
/// (what ceil adds at most; a window there sees only the pool's identity or, for
/// averages, counts nothing), which gives ceil's count; PyTorch drops a last window
/// that would start in the high padding, possible only when padding + stride exceeds
/// the window span: those dims are cut.
fn pool_params(x: &Val, out: &TensorTy, args: &Args, n: usize, with_dilation: bool) -> LResult<(Pool, Vec<usize>)> {
    let r = x.rank();
    if r < n + 1 || r > n + 2 || out.dims().len() != r {
        return Err(format!(
            "a {n}-d pool needs a rank-{} or rank-{} input and an output of its rank, got {} and {out}",
            n + 1,
            n + 2,
            x.ty
        )
        .into());
    }
    let ceil = args.opt_int("ceil_mode")?.unwrap_or(0) != 0;
    let kernel = expand_list(args.ints("kernel_size")?, n, "kernel_size")?;
    let stride = match args.opt_ints("stride")? {
        Some(s) if !s.is_empty() => expand_list(s, n, "stride")?,
        _ => kernel.clone(),
    };
    let padding = expand_list(args.opt_ints("padding")?.unwrap_or_else(|| vec![0]), n, "padding")?;
    let dilation =
        if with_dilation { expand_list(args.opt_ints("dilation")?.unwrap_or_else(|| vec![1]), n, "dilation")? } else { vec![1; n] };
    // The padding below is clamped to [needed, needed + stride - 1]: a stride under 1
    // would make that range empty.
    check_at_least("kernel_size", &kernel, 1)?;
    check_at_least("stride", &stride, 1)?;
    check_at_least("padding", &padding, 0)?;
    check_at_least("dilation", &dilation, 1)?;
    // As in PyTorch: padding at most half the (dilated) window, which also bounds the
    // padded sizes computed from it.
    for i in 0..n {
        let span = window_span(dilation[i], kernel[i])?;
        if padding[i] > span / 2 {
            return Err(format!(
                "argument 'padding' is {padding:?}; it must be at most half of the window ({span}) in each dim"
            )
            .into());
        }
    }
    let lead = r - n;
    let mut window = vec![1; lead];
    window.extend_from_slice(&kernel);
    let mut strides = vec![1; lead];
    strides.extend_from_slice(&stride);
    let mut dilations = vec![1; lead];
    dilations.extend_from_slice(&dilation);
    let mut pads = vec![[0, 0]; lead];
    let mut cut = Vec::new();
    for i in 0..n {
        let size = x.shape()[lead + i];
        let o = out.dims()[lead + i];
        if size < 0 || o < 0 {
            if !ceil {
                pads.push([padding[i], padding[i]]);
                continue;
            }
            pads.push([padding[i], padding[i] + stride[i] - 1]);
            if padding[i] + stride[i] > window_span(dilation[i], kernel[i])? {
                cut.push(lead + i);
            }
            continue;
        }
        // In i128: every term is an archive integer.
        let needed = (o as i128 - 1) * stride[i] as i128 + dilation[i] as i128 * (kernel[i] as i128 - 1) + 1
            - size as i128
            - padding[i] as i128;
        let high = (padding[i] as i128).clamp(needed, needed + stride[i] as i128 - 1);
        let high = i64::try_from(high).map_err(|_| format!("the pool's window (kernel_size {kernel:?}, stride {stride:?}, dilation {dilation:?}) does not fit its input and output sizes"))?;
        pads.push([padding[i], high]);
    }
    Ok((Pool { window, strides, dilations, pads }, cut))
}

/// `y` cut along `dims` to the recorded sizes of the node's first output (a ceil_mode
/// pool's last window dropped where PyTorch drops it).
fn cut_to_output(ctx: &mut Ctx, mut y: Val, dims: &[usize]) -> LResult<Val> {
    if dims.is_empty() {
        return Ok(y);
    }
    let recorded = ctx.outputs.first().cloned().flatten().and_then(|n| ctx.e.recorded_dims(&n));
    for &d in dims {
        let m = match recorded.as_ref().and_then(|r| r.get(d).cloned()) {
            Some(crate::pt2::sym::SymDim::Dynamic(e)) => Extent::Run(ctx.e.eval(&e)?),
            Some(crate::pt2::sym::SymDim::Static(m)) => Extent::Known(m),
            None => return Err(format!("the pool's output size along dim {d} is not recorded").into()),
        };
        y = ctx.e.slice_range_ext(&y, d, &Extent::Known(0), &m);
    }
    Ok(y)
}

fn window_attrs(p: &Pool) -> String {
    format!(
        "padding = {}, window_dilations = {}, window_dimensions = {}, window_strides = {}",
        padding_attr(&p.pads),
        i64_array(&p.dilations),
        i64_array(&p.window),
        i64_array(&p.strides)
    )
}

fn reduce_window(ctx: &mut Ctx, x: &Val, p: &Pool, body: &str, init: f64, out: TensorTy) -> Val {
    let init = ctx.e.splat(init, x.elem(), &[]);
    let attrs = window_attrs(p);
    let elem = x.elem().clone();
    ctx.e.op_with_scalar_body("stablehlo.reduce_window", &[x, &init], &attrs, &[out], body, &elem).pop().expect("one result")
}

/// `max_pool{2,3}d_with_indices(self, kernel_size, stride, padding, dilation,
/// ceil_mode)` -> (values, indices): the window maximum and, when the graph has an
/// indices output, the position of the first maximum within its (N, C) plane,
/// flattened row-major over the spatial dims (PyTorch's convention).
pub(super) fn max_pool(ctx: &mut Ctx, args: &Args, n: usize) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let (p, cut) = pool_params(&x, &out, args, n, true)?;
    let init = super::reduce::lowest(x.elem());
    let want_indices = ctx.output_used(1);
    if !want_indices {
        let y = reduce_window(ctx, &x, &p, "stablehlo.maximum", init, out);
        return Ok(vec![cut_to_output(ctx, y, &cut)?]);
    }
    let idx_ty = ctx.out_ty(1)?;
    if x.ty.is_static() && out.is_static() && cut.is_empty() {
        let y = reduce_window(ctx, &x, &p, "stablehlo.maximum", init, out.clone());
        let i = first_max_indices(ctx, &x, &y, &p, n);
        let i = ctx.e.convert(&i, &idx_ty.elem);
        return Ok(vec![y, i]);
    }
    // Each element's flat spatial position, broadcast over the leading dims.
    let lead = x.rank() - n;
    let spatial: Vec<Extent> = ctx.e.extents(&x)[lead..].to_vec();
    let count = ctx.e.extent_product(&spatial);
    let flat = ctx.e.iota_ext(&[count], 0, &ElemTy::I(64));
    let pos = ctx.e.reshape_ext(&flat, &spatial);
    let dims: Vec<i64> = (lead as i64..x.rank() as i64).collect();
    let pos = ctx.e.broadcast_like(&pos, &x, &dims);
    let init_v = ctx.e.splat(init, x.elem(), &[]);
    let init_i = ctx.e.splat(i64::MAX as f64, &ElemTy::I(64), &[]);
    let elem = x.elem().clone();
    let is_float = elem.is_float();
    let results = [out.clone(), tensor(out.dims(), ElemTy::I(64))];
    let block = [elem.clone(), ElemTy::I(64), elem, ElemTy::I(64)];
    let attrs = window_attrs(&p);
    let mut r = region_op(ctx, "stablehlo.reduce_window", &[&x, &pos, &init_v, &init_i], &attrs, &results, &block, |b, a| {
        let (av, ai, bv, bi) = (&a[0], &a[1], &a[2], &a[3]);
        // a wins if larger, or equal and earlier; a NaN beats any number.
        let gt = b.compare("GT", av, bv);
        let eq = b.compare("EQ", av, bv);
        let earlier = b.compare("LT", ai, bi);
        let tie = b.binary("stablehlo.and", &eq, &earlier);
        let mut pick = b.binary("stablehlo.or", &gt, &tie);
        if is_float {
            let a_nan = b.compare("NE", av, av);
            let b_nan = b.compare("NE", bv, bv);
            let b_num = b.not(&b_nan);
            let nan_wins = b.binary("stablehlo.and", &a_nan, &b_num);
            let both_nan = b.binary("stablehlo.and", &a_nan, &b_nan);
            let nan_tie = b.binary("stablehlo.and", &both_nan, &earlier);
            pick = b.binary("stablehlo.or", &pick, &nan_wins);
            pick = b.binary("stablehlo.or", &pick, &nan_tie);
        }
        vec![b.select(&pick, av, bv), b.select(&pick, ai, bi)]
    });
    let indices = r.pop().expect("two results");
    let values = r.pop().expect("two results");
    let indices = ctx.e.convert(&indices, &idx_ty.elem);
    Ok(vec![cut_to_output(ctx, values, &cut)?, cut_to_output(ctx, indices, &cut)?])
}

/// PyTorch's max pooling indices over static shapes: for each window, the flat
/// spatial position (`h * W + w` within its (N, C) plane) of the first element in
/// window scan order that equals the window's maximum `y`. One strided slice of `x`
/// per window offset (padded with NaN, which equals nothing, so padding never wins)
/// compared with `y`; the offsets are chosen last to first with selects between
/// scalars, then added to each window's (constant) start. Exact for inputs without
/// NaN (PyTorch takes the last NaN in a window; TFLite's max pool does not promise
/// NaN propagation).
fn first_max_indices(ctx: &mut Ctx, x: &Val, y: &Val, p: &Pool, n: usize) -> Val {
    let r = x.rank();
    let lead = r - n;
    let shape = x.shape().to_vec();
    let o = y.shape().to_vec();
    // Flat spatial stride of each pooled dim.
    let flat: Vec<i64> = (0..n).map(|i| shape[lead + i + 1..].iter().product()).collect();
    let pad_value = if x.elem().is_float() { f64::NAN } else { super::reduce::lowest(x.elem()) };
    let xp = if p.pads.iter().all(|q| *q == [0, 0]) {
        x.clone()
    } else {
        let fill = ctx.e.splat(pad_value, x.elem(), &[]);
        let lo: Vec<i64> = p.pads.iter().map(|q| q[0]).collect();
        let hi: Vec<i64> = p.pads.iter().map(|q| q[1]).collect();
        let grown: Vec<i64> = shape.iter().zip(&p.pads).map(|(&d, q)| d + q[0] + q[1]).collect();
        let attrs = format!(
            "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
            i64_array(&lo),
            i64_array(&hi),
            i64_array(&vec![0; r])
        );
        ctx.e.op("stablehlo.pad", &[x, &fill], &attrs, tensor(&grown, x.elem().clone()))
    };
    // Window offsets in scan order (row-major over the kernel).
    let count: i64 = p.window[lead..].iter().product();
    let offsets: Vec<Vec<i64>> = (0..count)
        .map(|mut k| {
            let mut at = vec![0; n];
            for i in (0..n).rev() {
                at[i] = k % p.window[lead + i];
                k /= p.window[lead + i];
            }
            at
        })
        .collect();
    let position = |at: &[i64]| -> i64 { (0..n).map(|i| at[i] * p.dilations[lead + i] * flat[i]).sum() };
    let i64t = ElemTy::I(64);
    let mut acc = ctx.e.splat(position(&offsets[count as usize - 1]) as f64, &i64t, &o);
    for at in offsets[..count as usize - 1].iter().rev() {
        let mut starts = vec![0i64; r];
        let mut limits = vec![0i64; r];
        let mut strides = vec![1i64; r];
        for d in 0..r {
            let (start, step) = if d < lead { (0, 1) } else { (at[d - lead] * p.dilations[d], p.strides[d]) };
            starts[d] = start;
            limits[d] = start + (o[d] - 1) * step + 1;
            strides[d] = step;
        }
        let attrs = format!(
            "start_indices = {}, limit_indices = {}, strides = {}",
            i64_array(&starts),
            i64_array(&limits),
            i64_array(&strides)
        );
        let v = ctx.e.op("stablehlo.slice", &[&xp], &attrs, tensor(&o, x.elem().clone()));
        let hit = ctx.e.compare("EQ", &v, y);
        let here = ctx.e.splat(position(at) as f64, &i64t, &o);
        acc = ctx.e.select(&hit, &here, &acc);
    }
    // Each window's first position: sum over dims of (o * stride - pad) * flat stride.
    let spatial = &o[lead..];
    let total: i64 = spatial.iter().product();
    let starts: Vec<i64> = (0..total)
        .map(|mut k| {
            let mut pos = 0;
            for i in (0..n).rev() {
                let oi = k % spatial[i];
                k /= spatial[i];
                pos += (oi * p.strides[lead + i] - p.pads[lead + i][0]) * flat[i];
            }
            pos
        })
        .collect();
    let base = ctx.e.const_i64s_shaped(&starts, spatial);
    let dims: Vec<i64> = (lead as i64..r as i64).collect();
    let base = ctx.e.broadcast_in_dim(&base, &o, &dims);
    ctx.e.binary("stablehlo.add", &base, &acc)
}

pub fn max_pool1d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    max_pool(ctx, args, 1)
}

pub fn max_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    max_pool(ctx, args, 2)
}

pub fn max_pool3d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    max_pool(ctx, args, 3)
}

/// `avg_pool{1,2,3}d(self, kernel_size, stride, padding, ceil_mode, count_include_pad,
/// divisor_override)`: a windowed sum divided by the element count PyTorch uses (the
/// window clipped to the input, or to the input plus its explicit padding with
/// `count_include_pad`), or by `divisor_override`.
fn avg_pool(ctx: &mut Ctx, args: &Args, n: usize) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    let (p, cut) = pool_params(&x, &out, args, n, false)?;
    let divisor = args.opt_int("divisor_override")?;
    let include_pad = args.bool("count_include_pad")?;
    if n != 1 {
        let y = avg_pool_of(ctx, &x, &p, n, out, divisor, include_pad);
        return Ok(vec![cut_to_output(ctx, y, &cut)?]);
    }
    // A 1-D pool as a 2-D one over a unit height (the form TFLite pools take).
    let at = x.rank() - 1;
    let unit = |v: &[i64], one: i64| {
        let mut v = v.to_vec();
        v.insert(at, one);
        v
    };
    let mut pads = p.pads.clone();
    pads.insert(at, [0, 0]);
    let p2 = Pool { window: unit(&p.window, 1), strides: unit(&p.strides, 1), dilations: unit(&p.dilations, 1), pads };
    let mut ex = ctx.e.extents(&x);
    ex.insert(at, Extent::Known(1));
    let x2 = ctx.e.reshape_ext(&x, &ex);
    let out2 = TensorTy::ranked(unit(out.dims(), 1), out.elem.clone());
    let y = avg_pool_of(ctx, &x2, &p2, 2, out2, divisor, include_pad);
    if !out.is_static() {
        let mut back = ctx.e.extents(&y);
        back.remove(at);
        let y = ctx.e.reshape_ext(&y, &back);
        return Ok(vec![cut_to_output(ctx, y, &cut)?]);
    }
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// The average pool of `x` over its last `n` dims with window `p`.
fn avg_pool_of(ctx: &mut Ctx, x: &Val, p: &Pool, n: usize, out: TensorTy, divisor: Option<i64>, include_pad: bool) -> Val {
    let lead = x.rank() - n;
    let spatial_pads = &p.pads[lead..];
    let full_cover = spatial_pads.iter().all(|pp| if include_pad { pp[1] <= pp[0] } else { pp[0] == 0 && pp[1] <= 0 });
    let counted = divisor.is_none() && !full_cover;
    if counted && !x.ty.is_static() {
        return avg_pool_counted_dynamic(ctx, x, p, n, out, include_pad);
    }
    let sum = reduce_window(ctx, x, p, "stablehlo.add", 0.0, out.clone());
    if let Some(d) = divisor {
        let k = ctx.e.splat_like(d as f64, &out.elem, &sum);
        return ctx.e.binary("stablehlo.divide", &sum, &k);
    }
    if full_cover {
        let window_area: i64 = p.window.iter().product();
        let k = ctx.e.splat_like(window_area as f64, &out.elem, &sum);
        return ctx.e.binary("stablehlo.divide", &sum, &k);
    }
    // Count what each window covers: a windowed sum of ones over the input (plus the
    // explicit padding when it counts), zeros beyond.
    let mut ones_shape = x.shape().to_vec();
    let mut count_pool = Pool { window: p.window.clone(), strides: p.strides.clone(), dilations: p.dilations.clone(), pads: p.pads.clone() };
    if include_pad {
        for i in 0..n {
            let [lo, hi] = p.pads[lead + i];
            ones_shape[lead + i] += 2 * lo;
            count_pool.pads[lead + i] = [0, hi - lo];
        }
    }
    let ones = ctx.e.splat(1.0, &out.elem, &ones_shape);
    let counts = reduce_window(ctx, &ones, &count_pool, "stablehlo.add", 0.0, out.clone());
    ctx.e.binary("stablehlo.divide", &sum, &counts)
}

/// The average pool of `x` (unknown sizes) whose windows count what they cover: the
/// windowed sums of `x` and of ones over `x`'s run-time shape (plus the explicit
/// padding when it counts), each padded first (`stablehlo.pad` takes unknown sizes)
/// and pooled without padding: TFLite's PAD and a VALID pool.
fn avg_pool_counted_dynamic(ctx: &mut Ctx, x: &Val, p: &Pool, n: usize, out: TensorTy, include_pad: bool) -> Val {
    let lead = x.rank() - n;
    let (xp, valid) = padded(ctx, x, p);
    let sum = reduce_window(ctx, &xp, &valid, "stablehlo.add", 0.0, out.clone());
    let mut ones_ex = ctx.e.extents(x);
    let mut count_pool = Pool { window: p.window.clone(), strides: p.strides.clone(), dilations: p.dilations.clone(), pads: p.pads.clone() };
    if include_pad {
        // The explicit padding counts: ones over it too (only ceil_mode leaves windows
        // beyond it).
        for i in 0..n {
            let [lo, hi] = p.pads[lead + i];
            ones_ex[lead + i] = ctx.e.extent_add(&ones_ex[lead + i], 2 * lo);
            count_pool.pads[lead + i] = [0, hi - lo];
        }
    }
    let ones = ctx.e.splat_ext(1.0, &out.elem, &ones_ex);
    let (op, valid) = padded(ctx, &ones, &count_pool);
    let counts = reduce_window(ctx, &op, &valid, "stablehlo.add", 0.0, out);
    ctx.e.binary("stablehlo.divide", &sum, &counts)
}

/// `x` zero-padded by `p`'s padding, and `p` without it.
fn padded(ctx: &mut Ctx, x: &Val, p: &Pool) -> (Val, Pool) {
    let zero = ctx.e.splat(0.0, x.elem(), &[]);
    let lo: Vec<i64> = p.pads.iter().map(|q| q[0]).collect();
    let hi: Vec<i64> = p.pads.iter().map(|q| q[1]).collect();
    let shape: Vec<i64> = x.shape().iter().zip(&p.pads).map(|(&d, q)| if d >= 0 { d + q[0] + q[1] } else { -1 }).collect();
    let attrs = format!(
        "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
        i64_array(&lo),
        i64_array(&hi),
        i64_array(&vec![0; x.rank()])
    );
    let xp = ctx.e.op("stablehlo.pad", &[x, &zero], &attrs, tensor(&shape, x.elem().clone()));
    let valid = Pool { window: p.window.clone(), strides: p.strides.clone(), dilations: p.dilations.clone(), pads: vec![[0, 0]; x.rank()] };
    (xp, valid)
}

pub fn avg_pool1d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    avg_pool(ctx, args, 1)
}

pub fn avg_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    avg_pool(ctx, args, 2)
}

pub fn avg_pool3d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    avg_pool(ctx, args, 3)
}

/// Adaptive average pooling over the last `n` dims: output element `i` of a dim of
/// size `I` pooled to `O` averages inputs `[floor(i*I/O), ceil((i+1)*I/O))`. When every
/// dim divides evenly that is one strided `reduce_window`; otherwise each uneven dim is
/// a product with a constant [I, O] averaging matrix.
fn adaptive_avg_pool(ctx: &mut Ctx, args: &Args, n: usize) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    let r = x.rank();
    if r < n + 1 || out.dims().len() != r || out.dims()[r - n..].iter().any(|&d| d < 0) {
        return Err(format!(
            "adaptive average pooling needs an input of rank {} or more and an output of its rank with static pooled sizes, got {} and {out}",
            n + 1,
            x.ty
        )
        .into());
    }
    let lead = r - n;
    let ins: Vec<i64> = x.shape()[lead..].to_vec();
    let outs: Vec<i64> = out.dims()[lead..].to_vec();
    if outs.iter().any(|&o| o <= 0) {
        return Err(format!("adaptive average pooling to an empty output {outs:?} is not supported").into());
    }
    if ins.iter().any(|&i| i < 0) {
        return Ok(vec![adaptive_dynamic(ctx, &x, &outs, "stablehlo.add", 0.0, true)?]);
    }
    if n == 3 && outs.iter().all(|&o| o == 1) {
        // A global 3-D average: one mean over the three dims (TFLite's MEAN), not two
        // separable pools.
        let dims: Vec<i64> = (lead as i64..r as i64).collect();
        let sum = ctx.e.reduce(&x, &dims, "stablehlo.add", 0.0);
        let k = ctx.e.splat_like(ins.iter().product::<i64>() as f64, &out.elem, &sum);
        let mean = ctx.e.binary("stablehlo.divide", &sum, &k);
        return Ok(vec![ctx.e.reshape(&mean, out.dims())]);
    }
    if n == 1 && ins[0] % outs[0] == 0 && ins[0] != outs[0] {
        // As a 2-D pool over a unit height (TFLite pools are 2-D).
        let k = ins[0] / outs[0];
        let mut ex = ctx.e.extents(&x);
        ex.insert(lead, Extent::Known(1));
        let x2 = ctx.e.reshape_ext(&x, &ex);
        let mut window = vec![1; lead + 1];
        window.push(k);
        let p = Pool { window: window.clone(), strides: window, dilations: vec![1; r + 1], pads: vec![[0, 0]; r + 1] };
        let mut dims2 = out.dims().to_vec();
        dims2.insert(lead, 1);
        let sum = reduce_window(ctx, &x2, &p, "stablehlo.add", 0.0, TensorTy::ranked(dims2, out.elem.clone()));
        let kv = ctx.e.splat_like(k as f64, &out.elem, &sum);
        let y = ctx.e.binary("stablehlo.divide", &sum, &kv);
        let mut back = ctx.e.extents(&y);
        back.remove(lead);
        return Ok(vec![ctx.e.reshape_ext(&y, &back)]);
    }
    if ins.iter().zip(&outs).all(|(&i, &o)| i % o == 0) {
        let mut window = vec![1; lead];
        window.extend(ins.iter().zip(&outs).map(|(&i, &o)| i / o));
        let p = Pool { window: window.clone(), strides: window.clone(), dilations: vec![1; r], pads: vec![[0, 0]; r] };
        let sum = reduce_window(ctx, &x, &p, "stablehlo.add", 0.0, out.clone());
        let k = ctx.e.splat_like(window.iter().product::<i64>() as f64, &out.elem, &sum);
        return Ok(vec![ctx.e.binary("stablehlo.divide", &sum, &k)]);
    }
    let mut y = x;
    for i in 0..n {
        let axis = lead + i;
        let (isz, osz) = (ins[i], outs[i]);
        if isz == osz {
            continue;
        }
        // W[j, k] = 1 / count_k where input j is in output k's window.
        ctx.reserve_constant(&format!("the averaging matrix of dim {axis}"), isz as u128 * osz as u128, &out.elem)?;
        let mut w = vec![0.0f64; (isz * osz) as usize];
        for k in 0..osz {
            let start = (k * isz) / osz;
            let end = ((k + 1) * isz + osz - 1) / osz;
            for j in start..end {
                w[(j * osz + k) as usize] = 1.0 / (end - start) as f64;
            }
        }
        let wv = ctx.e.const_floats(&w, &out.elem, &[isz, osz]);
        y = dot_along(ctx, &y, &wv, axis, osz);
    }
    Ok(vec![y])
}

/// `x` with dim `axis` (size `n_in`) replaced by its product with `w` [n_in, n_out].
/// Static: one `dot_general` over `axis` (it puts the new dim last) and a transpose
/// back. With unknown dims the dim is moved last first, so the product is the
/// `[..., K] x [K, N]` form legalization takes with unknown sizes.
pub(super) fn dot_along(ctx: &mut Ctx, x: &Val, w: &Val, axis: usize, n_out: i64) -> Val {
    let r = x.rank();
    let mut perm: Vec<i64> = (0..r as i64 - 1).collect();
    perm.insert(axis, r as i64 - 1);
    let mut shape: Vec<i64> = x.shape().iter().enumerate().filter(|(d, _)| *d != axis).map(|(_, &s)| s).collect();
    shape.push(n_out);
    let elem = x.elem().clone();
    // A run-time matrix (a static input resized to a dynamic size) also goes the
    // transposed way: TFLite's BATCH_MATMUL contracts the last dim.
    if x.ty.is_static() && w.ty.is_static() {
        let d = dot(ctx, x, w, (&[], &[]), (&[axis as i64], &[0]), tensor(&shape, elem));
        return ctx.e.transpose(&d, &perm);
    }
    let mut last: Vec<i64> = (0..r as i64).filter(|&d| d != axis as i64).collect();
    last.push(axis as i64);
    let xt = ctx.e.transpose(x, &last);
    let d = dot(ctx, &xt, w, (&[], &[]), (&[r as i64 - 1], &[0]), tensor(&shape, elem));
    ctx.e.transpose(&d, &perm)
}

/// Whether the size `e` is a multiple of `k` for every value of its symbols.
fn multiple_of(e: &crate::pt2::sym::Expr, k: i64) -> bool {
    use crate::pt2::sym::Expr;
    match e {
        Expr::Int(n) => n % k == 0,
        Expr::Mul(a, b) => multiple_of(a, k) || multiple_of(b, k),
        Expr::Add(a, b) | Expr::Sub(a, b) => multiple_of(a, k) && multiple_of(b, k),
        Expr::Neg(a) => multiple_of(a, k),
        _ => false,
    }
}

/// Adaptive pooling (`body` with identity `init`; a mean when `mean`) of the last
/// `outs.len()` dims of `x`, some of unknown size, to the fixed sizes `outs`. Pooling
/// to 1 everywhere is a reduction over those dims (a mean's count read at run time);
/// otherwise each dim of size `I` splits into `[o, I / o]` and the inner parts are
/// reduced, which is PyTorch's result only when `o` divides `I`: an unknown size must
/// be recorded as a multiple of `o` (`o*h`), else the node is refused.
pub(super) fn adaptive_dynamic(ctx: &mut Ctx, x: &Val, outs: &[i64], body: &str, init: f64, mean: bool) -> LResult<Val> {
    let (r, n) = (x.rank(), outs.len());
    let lead = r - n;
    let ex = ctx.e.extents(x);
    if outs.iter().all(|&o| o == 1) {
        let dims: Vec<i64> = (lead as i64..r as i64).collect();
        let mut y = ctx.e.reduce(x, &dims, body, init);
        if mean {
            let count = super::reduce::run_time_count(ctx, x, &dims, 0.0, &y);
            y = ctx.e.binary("stablehlo.divide", &y, &count);
        }
        let mut back = ex[..lead].to_vec();
        back.extend(std::iter::repeat_n(Extent::Known(1), n));
        return Ok(ctx.e.reshape_ext(&y, &back));
    }
    let sym = ctx.e.symbolic_dims(x);
    let mut split = ex[..lead].to_vec();
    let mut inner = Vec::new();
    for (i, &o) in outs.iter().enumerate() {
        let d = lead + i;
        let size = x.shape()[d];
        let even = match (size, sym.as_ref().and_then(|s| s.get(d))) {
            (s, _) if s >= 0 => s % o == 0,
            (_, Some(crate::pt2::sym::SymDim::Dynamic(e))) => o == 1 || multiple_of(e, o),
            _ => o == 1,
        };
        if !even {
            let what = match sym.as_ref().and_then(|s| s.get(d)) {
                Some(crate::pt2::sym::SymDim::Dynamic(e)) => format!("dynamic size {e}"),
                _ => format!("size {size}"),
            };
            return Err(format!(
                "adaptive pooling of dim {d} of {} ({what}) to {o}: with a dynamic input edge pools a dim to 1 or to a divisor of its size; export that dim as a multiple of {o} (e.g. {o}*Dim(...))",
                x.ty
            )
            .into());
        }
        split.push(Extent::Known(o));
        split.push(ctx.e.extent_div(&ex[d], o));
        inner.push((lead + 2 * i + 1) as i64);
    }
    let xs = ctx.e.reshape_ext(x, &split);
    let mut y = ctx.e.reduce(&xs, &inner, body, init);
    if mean {
        let count = super::reduce::run_time_count(ctx, &xs, &inner, 0.0, &y);
        y = ctx.e.binary("stablehlo.divide", &y, &count);
    }
    Ok(y)
}

pub fn adaptive_avg_pool1d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    adaptive_avg_pool(ctx, args, 1)
}

pub fn adaptive_avg_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    adaptive_avg_pool(ctx, args, 2)
}

pub fn adaptive_avg_pool3d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    adaptive_avg_pool(ctx, args, 3)
}

/// The input-to-output scale of spatial dim `i` (given scale factors win, as in PyTorch).
fn scale_of(args: &Args, i: usize, in_size: i64, out_size: i64) -> LResult<f64> {
    let scales = match args.node.inputs.iter().find(|a| a.name == "scale_factors").map(|a| &a.arg) {
        Some(crate::pt2::schema::Argument::AsFloats(v)) => v.iter().map(|f| f.0).collect::<Vec<f64>>(),
        _ => vec![],
    };
    Ok(match scales.get(i) {
        Some(&s) if s > 0.0 => 1.0 / s,
        _ => in_size as f64 / out_size as f64,
    })
}

/// A 2-D resize of `x` with unknown dims (nearest, or bilinear with `align_corners`
/// given). Dims of static size resize by a constant [in, out] matrix (one
/// `dot_general`: a gather's slice sizes cannot be unknown); a dynamic dim needs an
/// integer scale factor (its output size is `scale * size`): nearest repeats each
/// element (a broadcast and a reshape), bilinear builds its [in, out] interpolation
/// matrix at run time from iotas (the same source positions PyTorch computes).
fn resize_dynamic(ctx: &mut Ctx, args: &Args, x: &Val, out: &TensorTy, bilinear: Option<bool>) -> LResult<Val> {
    let r = x.rank();
    if r < 2 || out.dims().len() != r {
        return Err(format!("resizing the last 2 dims needs input and output of one rank 2 or more, got {} and {out}", x.ty).into());
    }
    let elem = out.elem.clone();
    if !elem.is_float() {
        return Err(format!("resizing a dynamic {} is supported for float tensors only", x.ty).into());
    }
    let mut y = ctx.e.convert(x, &elem);
    let mut spread: Vec<(usize, Extent)> = Vec::new();
    for i in 0..2 {
        let axis = r - 2 + i;
        let (n_in, n_out) = (y.shape()[axis], out.dims()[axis]);
        if n_in >= 0 && n_in == n_out {
            continue;
        }
        let (w, n_out) = if n_in >= 0 && n_out >= 0 {
            let scale = scale_of(args, i, n_in, n_out)?;
            ctx.reserve_constant(&format!("the resize matrix of dim {axis}"), n_in as u128 * n_out as u128, &elem)?;
            let mut w = vec![0.0f64; (n_in * n_out) as usize];
            for d in 0..n_out {
                for (j, f) in resize_taps(d, n_in, n_out, scale, bilinear) {
                    w[(j * n_out + d) as usize] += f;
                }
            }
            (ctx.e.const_floats(&w, &elem, &[n_in, n_out]), n_out)
        } else {
            let factor = match args.node.inputs.iter().find(|a| a.name == "scale_factors").map(|a| &a.arg) {
                Some(crate::pt2::schema::Argument::AsFloats(v)) => v.get(i).map(|f| f.0),
                _ => None,
            };
            let n = ctx.e.extent(&y, axis);
            let s = match factor {
                Some(f) if f >= 1.0 && f.fract() == 0.0 && f <= 1024.0 => f as i64,
                _ => {
                    // An output size (or a fractional factor): the output's recorded size,
                    // the source position scaled by the factor's inverse, else in / out.
                    let recorded = ctx.outputs.first().cloned().flatten().and_then(|n| ctx.e.recorded_dims(&n));
                    let m = match (n_out, recorded.and_then(|d| d.get(axis).cloned())) {
                        (m, _) if m >= 0 => Extent::Known(m),
                        (_, Some(crate::pt2::sym::SymDim::Dynamic(e))) => Extent::Run(ctx.e.eval(&e)?),
                        _ => return Err(format!("resizing dim {axis} of {}: the output's size is not known", x.ty).into()),
                    };
                    if n.known() == 1 {
                        // Every output reads the one input (nearest and bilinear alike):
                        // a broadcast (one for both dims, after the loop), as a global
                        // pool upsampled to a feature map.
                        spread.push((axis, m));
                        continue;
                    }
                    let ratio = match factor {
                        Some(f) if f > 0.0 => Ratio::Const(1.0 / f),
                        _ => {
                            let a = ctx.e.extent_value(&n);
                            let b = ctx.e.extent_value(&m);
                            let a = ctx.e.convert(&a, &elem);
                            let b = ctx.e.convert(&b, &elem);
                            Ratio::Run(ctx.e.binary("stablehlo.divide", &a, &b))
                        }
                    };
                    let w = interpolation_matrix(ctx, &n, &m, &ratio, bilinear, &elem);
                    y = dot_along(ctx, &y, &w, axis, m.known());
                    continue;
                }
            };
            if s == 1 {
                continue;
            }
            if bilinear.is_none() {
                // Output d reads input d / s: each element repeated s times.
                let mut wide = ctx.e.extents(&y);
                wide.insert(axis + 1, Extent::Known(s));
                let dims: Vec<i64> = (0..r as i64 + 1).filter(|&d| d != axis as i64 + 1).collect();
                let b = ctx.e.broadcast_in_dim_ext(&y, &wide, &dims);
                let mut merged = ctx.e.extents(&y);
                merged[axis] = ctx.e.extent_product(&[n, Extent::Known(s)]);
                y = ctx.e.reshape_ext(&b, &merged);
                continue;
            }
            let m = ctx.e.extent_product(&[n.clone(), Extent::Known(s)]);
            (interpolation_matrix(ctx, &n, &m, &Ratio::Const(1.0 / s as f64), bilinear, &elem), m.known())
        };
        y = dot_along(ctx, &y, &w, axis, n_out);
    }
    if !spread.is_empty() {
        let mut wide = ctx.e.extents(&y);
        for (axis, m) in spread {
            wide[axis] = m;
        }
        let dims: Vec<i64> = (0..r as i64).collect();
        y = ctx.e.broadcast_in_dim_ext(&y, &wide, &dims);
    }
    Ok(y)
}

/// The inputs output `d` of a resized dim reads and their weights (PyTorch's source
/// index: nearest `floor(d * scale)`, bilinear the two neighbours of the source
/// position, half-pixel or corner-aligned).
fn resize_taps(d: i64, n_in: i64, n_out: i64, scale: f64, bilinear: Option<bool>) -> Vec<(i64, f64)> {
    match bilinear {
        None => vec![(((d as f64 * scale).floor() as i64).min(n_in - 1), 1.0)],
        Some(align) => {
            let src = if align {
                if n_out > 1 { d as f64 * (n_in - 1) as f64 / (n_out - 1) as f64 } else { 0.0 }
            } else {
                ((d as f64 + 0.5) * scale - 0.5).max(0.0)
            };
            let lo = (src.floor() as i64).min(n_in - 1);
            let w1 = src - lo as f64;
            vec![(lo, 1.0 - w1), ((lo + 1).min(n_in - 1), w1)]
        }
    }
}

/// The input-to-output scale of a resized dim: a constant, or a 0-d value.
enum Ratio {
    Const(f64),
    Run(Val),
}

/// The [n_in, n_out] resize matrix of a dim whose sizes are known at run time only:
/// column `d` holds, for nearest (`bilinear` None), 1 at row `floor(d * scale)`; for
/// bilinear, `1 - w` at row `lo` and `w` at row `hi` (`resize_taps`). Built from iotas
/// and compares.
fn interpolation_matrix(ctx: &mut Ctx, n_in: &Extent, n_out: &Extent, scale: &Ratio, bilinear: Option<bool>, elem: &ElemTy) -> Val {
    let size = crate::pt2::emit::SIZE;
    let dst = ctx.e.iota_ext(std::slice::from_ref(n_out), 0, &size);
    let dst = ctx.e.convert(&dst, elem);
    let k = |ctx: &mut Ctx, v: f64, like: &Val| ctx.e.splat_like(v, elem, like);
    let last_i = {
        let n = ctx.e.extent_value(n_in);
        let one = ctx.e.splat(1.0, &size, &[]);
        let l = ctx.e.binary("stablehlo.subtract", &n, &one);
        let l = ctx.e.convert(&l, elem);
        ctx.e.broadcast_like(&l, &dst, &[])
    };
    let sc = match scale {
        Ratio::Const(v) => k(ctx, *v, &dst),
        Ratio::Run(v) => ctx.e.broadcast_like(v, &dst, &[]),
    };
    let Some(align) = bilinear else {
        // Nearest: row min(floor(d * scale), n_in - 1) gets 1.
        let p = ctx.e.binary("stablehlo.multiply", &dst, &sc);
        let lo = ctx.e.unary("stablehlo.floor", &p);
        let lo = ctx.e.binary("stablehlo.minimum", &lo, &last_i);
        let square = [n_in.clone(), n_out.clone()];
        let rows = ctx.e.iota_ext(&square, 0, &size);
        let rows = ctx.e.convert(&rows, elem);
        let at = ctx.e.broadcast_in_dim_ext(&lo, &square, &[1]);
        let hit = ctx.e.compare("EQ", &rows, &at);
        return ctx.e.convert(&hit, elem);
    };
    let src = if align {
        // d * (n_in - 1) / max(n_out - 1, 1)
        let m = ctx.e.extent_value(n_out);
        let one = ctx.e.splat(1.0, &size, &[]);
        let m1 = ctx.e.binary("stablehlo.subtract", &m, &one);
        let m1 = ctx.e.binary("stablehlo.maximum", &m1, &one);
        let m1 = ctx.e.convert(&m1, elem);
        let m1 = ctx.e.broadcast_like(&m1, &dst, &[]);
        let p = ctx.e.binary("stablehlo.multiply", &dst, &last_i);
        ctx.e.binary("stablehlo.divide", &p, &m1)
    } else {
        let half = k(ctx, 0.5, &dst);
        let zero = k(ctx, 0.0, &dst);
        let a = ctx.e.binary("stablehlo.add", &dst, &half);
        let a = ctx.e.binary("stablehlo.multiply", &a, &sc);
        let a = ctx.e.binary("stablehlo.subtract", &a, &half);
        ctx.e.binary("stablehlo.maximum", &a, &zero)
    };
    let lo = ctx.e.unary("stablehlo.floor", &src);
    let lo = ctx.e.binary("stablehlo.minimum", &lo, &last_i);
    let w1 = ctx.e.binary("stablehlo.subtract", &src, &lo);
    let one = k(ctx, 1.0, &dst);
    let hi = ctx.e.binary("stablehlo.add", &lo, &one);
    let hi = ctx.e.binary("stablehlo.minimum", &hi, &last_i);
    let w0 = ctx.e.binary("stablehlo.subtract", &one, &w1);
    let square = [n_in.clone(), n_out.clone()];
    let rows = ctx.e.iota_ext(&square, 0, &size);
    let rows = ctx.e.convert(&rows, elem);
    let zero = ctx.e.splat_ext(0.0, elem, &square);
    let mut acc: Option<Val> = None;
    for (at, w) in [(lo, w0), (hi, w1)] {
        let at = ctx.e.broadcast_in_dim_ext(&at, &square, &[1]);
        let w = ctx.e.broadcast_in_dim_ext(&w, &square, &[1]);
        let hit = ctx.e.compare("EQ", &rows, &at);
        let v = ctx.e.select(&hit, &w, &zero);
        acc = Some(match acc {
            Some(a) => ctx.e.binary("stablehlo.add", &a, &v),
            None => v,
        });
    }
    acc.expect("two taps")
}

/// Gathers `x` along `axis` at constant `idx`.
fn gather_const(ctx: &mut Ctx, x: &Val, idx: &[i64], axis: usize) -> Val {
    let c = ctx.e.const_i64s(idx);
    super::shape::take_along(ctx, x, &c, axis)
}

/// Checks that a resize of the last `n` dims of `x` to `out` has static sizes there and
/// keeps the rank (the lowerings index both shapes by axis).
fn check_resize(x: &Val, out: &TensorTy, n: usize) -> LResult<()> {
    let r = x.rank();
    if r < n || out.dims().len() != r {
        return Err(format!(
            "resizing the last {n} dims needs input and output of one rank {n} or more, got {} and {out}",
            x.ty
        )
        .into());
    }
    if x.shape()[r - n..].iter().chain(&out.dims()[r - n..]).any(|&d| d < 0) {
        return Err("resizing dynamic spatial dimensions is not supported".into());
    }
    Ok(())
}

/// PyTorch's cubic convolution weights (A = -0.75) of the four inputs around a source
/// position with fraction `t`: taps at floor - 1, floor, floor + 1, floor + 2.
fn cubic_weights(t: f64) -> [f64; 4] {
    const A: f64 = -0.75;
    let near = |x: f64| ((A + 2.0) * x - (A + 3.0)) * x * x + 1.0;
    let far = |x: f64| ((A * x - 5.0 * A) * x + 8.0 * A) * x - 4.0 * A;
    [far(t + 1.0), near(t), near(1.0 - t), far(2.0 - t)]
}

/// `upsample_bicubic2d.vec(input, output_size, align_corners, scale_factors)`: each of
/// the last two dims resized by an [in, out] matrix (one `dot_general`), built from
/// constants when both sizes are static, else at run time from iotas (as DINOv2's
/// position embeddings are resized to a dynamic number of patches). Source positions
/// as PyTorch computes them for cubic (not clamped at 0), taps clamped to the input.
pub fn upsample_bicubic2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let align = args.bool("align_corners")?;
    let x = args.tensor(ctx, "input")?;
    let r = x.rank();
    if r < 2 || out.dims().len() != r || !out.elem.is_float() {
        return Err(format!("bicubic resizing needs float input and output of one rank 2 or more, got {} and {out}", x.ty).into());
    }
    let elem = out.elem.clone();
    let mut y = ctx.e.convert(&x, &elem);
    let factors = match args.node.inputs.iter().find(|a| a.name == "scale_factors").map(|a| &a.arg) {
        Some(crate::pt2::schema::Argument::AsFloats(v)) => v.iter().map(|f| f.0).collect::<Vec<f64>>(),
        _ => vec![],
    };
    for i in 0..2 {
        let axis = r - 2 + i;
        let (n_in, n_out) = (y.shape()[axis], out.dims()[axis]);
        if n_in >= 0 && n_in == n_out && factors.get(i).is_none_or(|&f| f == 1.0) {
            continue;
        }
        let factor = factors.get(i).copied().filter(|&f| f > 0.0);
        let w = if n_in >= 0 && n_out >= 0 {
            let scale = factor.map_or(n_in as f64 / n_out as f64, |f| 1.0 / f);
            ctx.reserve_constant(&format!("the resize matrix of dim {axis}"), n_in as u128 * n_out as u128, &elem)?;
            let mut w = vec![0.0f64; (n_in * n_out) as usize];
            for d in 0..n_out {
                let src = if align {
                    if n_out > 1 { d as f64 * (n_in - 1) as f64 / (n_out - 1) as f64 } else { 0.0 }
                } else {
                    (d as f64 + 0.5) * scale - 0.5
                };
                let lo = src.floor();
                for (k, c) in cubic_weights(src - lo).into_iter().enumerate() {
                    let j = (lo as i64 - 1 + k as i64).clamp(0, n_in - 1);
                    w[(j * n_out + d) as usize] += c;
                }
            }
            ctx.e.const_floats(&w, &elem, &[n_in, n_out])
        } else {
            let n = ctx.e.extent(&y, axis);
            let recorded = ctx.outputs.first().cloned().flatten().and_then(|o| ctx.e.recorded_dims(&o));
            let m = match (n_out, recorded.and_then(|d| d.get(axis).cloned())) {
                (m, _) if m >= 0 => Extent::Known(m),
                (_, Some(crate::pt2::sym::SymDim::Dynamic(e))) => Extent::Run(ctx.e.eval(&e)?),
                _ => return Err(format!("resizing dim {axis} of {}: the output's size is not known", x.ty).into()),
            };
            cubic_matrix(ctx, &n, &m, factor, align, &elem)
        };
        y = dot_along(ctx, &y, &w, axis, n_out);
    }
    Ok(vec![y])
}

/// The [n_in, n_out] bicubic resize matrix of a dim with a run-time size: column `d`
/// holds the four cubic weights at rows `clamp(floor(src) - 1 + k, 0, n_in - 1)`.
fn cubic_matrix(ctx: &mut Ctx, n_in: &Extent, n_out: &Extent, factor: Option<f64>, align: bool, elem: &ElemTy) -> Val {
    let size = crate::pt2::emit::SIZE;
    let dst = ctx.e.iota_ext(std::slice::from_ref(n_out), 0, &size);
    let dst = ctx.e.convert(&dst, elem);
    let k = |ctx: &mut Ctx, v: f64, like: &Val| ctx.e.splat_like(v, elem, like);
    let as_float = |ctx: &mut Ctx, e: &Extent, like: &Val| {
        let v = ctx.e.extent_value(e);
        let v = ctx.e.convert(&v, elem);
        ctx.e.broadcast_like(&v, like, &[])
    };
    let n_in_f = as_float(ctx, n_in, &dst);
    let one = k(ctx, 1.0, &dst);
    let last = ctx.e.binary("stablehlo.subtract", &n_in_f, &one);
    let src = if align {
        let m = as_float(ctx, n_out, &dst);
        let m1 = ctx.e.binary("stablehlo.subtract", &m, &one);
        let m1 = ctx.e.binary("stablehlo.maximum", &m1, &one);
        let p = ctx.e.binary("stablehlo.multiply", &dst, &last);
        ctx.e.binary("stablehlo.divide", &p, &m1)
    } else {
        let sc = match factor {
            Some(f) => k(ctx, 1.0 / f, &dst),
            None => {
                let m = as_float(ctx, n_out, &dst);
                ctx.e.binary("stablehlo.divide", &n_in_f, &m)
            }
        };
        let half = k(ctx, 0.5, &dst);
        let a = ctx.e.binary("stablehlo.add", &dst, &half);
        let a = ctx.e.binary("stablehlo.multiply", &a, &sc);
        ctx.e.binary("stablehlo.subtract", &a, &half)
    };
    let lo = ctx.e.unary("stablehlo.floor", &src);
    let t = ctx.e.binary("stablehlo.subtract", &src, &lo);
    // The weights as polynomials in t (cubic_weights).
    let a = -0.75;
    let poly = |ctx: &mut Ctx, x: &Val, c: [f64; 4]| {
        // ((c0 * x + c1) * x + c2) * x + c3
        let mut acc = k(ctx, c[0], x);
        for &ci in &c[1..] {
            acc = ctx.e.binary("stablehlo.multiply", &acc, x);
            let cv = k(ctx, ci, x);
            acc = ctx.e.binary("stablehlo.add", &acc, &cv);
        }
        acc
    };
    let near = [a + 2.0, -(a + 3.0), 0.0, 1.0];
    let far = [a, -5.0 * a, 8.0 * a, -4.0 * a];
    let t1 = ctx.e.binary("stablehlo.add", &t, &one);
    let one_t = ctx.e.binary("stablehlo.subtract", &one, &t);
    let two = k(ctx, 2.0, &dst);
    let two_t = ctx.e.binary("stablehlo.subtract", &two, &t);
    let weights = [poly(ctx, &t1, far), poly(ctx, &t, near), poly(ctx, &one_t, near), poly(ctx, &two_t, far)];
    let square = [n_in.clone(), n_out.clone()];
    let rows = ctx.e.iota_ext(&square, 0, &size);
    let rows = ctx.e.convert(&rows, elem);
    let zero = ctx.e.splat_ext(0.0, elem, &square);
    let zero_v = k(ctx, 0.0, &dst);
    let mut acc: Option<Val> = None;
    for (i, w) in weights.iter().enumerate() {
        let off = k(ctx, i as f64 - 1.0, &dst);
        let at = ctx.e.binary("stablehlo.add", &lo, &off);
        let at = ctx.e.binary("stablehlo.maximum", &at, &zero_v);
        let at = ctx.e.binary("stablehlo.minimum", &at, &last);
        let at = ctx.e.broadcast_in_dim_ext(&at, &square, &[1]);
        let wb = ctx.e.broadcast_in_dim_ext(w, &square, &[1]);
        let hit = ctx.e.compare("EQ", &rows, &at);
        let v = ctx.e.select(&hit, &wb, &zero);
        acc = Some(match acc {
            Some(s) => ctx.e.binary("stablehlo.add", &s, &v),
            None => v,
        });
    }
    acc.expect("four taps")
}

pub fn upsample_nearest2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let mut y = args.tensor(ctx, "input")?;
    if !y.ty.is_static() || !out.is_static() {
        return Ok(vec![resize_dynamic(ctx, args, &y, &out, None)?]);
    }
    check_resize(&y, &out, 2)?;
    let r = y.rank();
    for i in 0..2 {
        let axis = r - 2 + i;
        let (n_in, n_out) = (y.shape()[axis], out.dims()[axis]);
        ctx.reserve_constant(&format!("the index table of dim {axis}"), n_out as u128, &ElemTy::I(64))?;
        let scale = scale_of(args, i, n_in, n_out)?;
        let idx: Vec<i64> = (0..n_out).map(|d| ((d as f64 * scale).floor() as i64).min(n_in - 1)).collect();
        if n_in != n_out {
            y = gather_const(ctx, &y, &idx, axis);
        }
    }
    Ok(vec![y])
}

pub fn upsample_bilinear2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let align = args.bool("align_corners")?;
    let mut y = args.tensor(ctx, "input")?;
    if !y.ty.is_static() || !out.is_static() {
        return Ok(vec![resize_dynamic(ctx, args, &y, &out, Some(align))?]);
    }
    check_resize(&y, &out, 2)?;
    let r = y.rank();
    for i in 0..2 {
        let axis = r - 2 + i;
        let (n_in, n_out) = (y.shape()[axis], out.dims()[axis]);
        if n_in == n_out {
            continue;
        }
        // Two index tables and a weight table of n_out entries each.
        ctx.reserve_constant(&format!("the interpolation tables of dim {axis}"), 3 * n_out as u128, &ElemTy::I(64))?;
        let scale = scale_of(args, i, n_in, n_out)?;
        let mut i0 = Vec::new();
        let mut i1 = Vec::new();
        let mut w1 = Vec::new();
        for d in 0..n_out {
            let src = if align {
                if n_out > 1 { d as f64 * (n_in - 1) as f64 / (n_out - 1) as f64 } else { 0.0 }
            } else {
                ((d as f64 + 0.5) * scale - 0.5).max(0.0)
            };
            let lo = (src.floor() as i64).min(n_in - 1);
            i0.push(lo);
            i1.push((lo + 1).min(n_in - 1));
            w1.push(src - lo as f64);
        }
        let a = gather_const(ctx, &y, &i0, axis);
        let b = gather_const(ctx, &y, &i1, axis);
        let w1v = ctx.e.const_floats(&w1, &y.elem().clone(), &[n_out]);
        let wb = ctx.e.broadcast_in_dim(&w1v, a.shape(), &[axis as i64]);
        let d = ctx.e.binary("stablehlo.subtract", &b, &a);
        let dw = ctx.e.binary("stablehlo.multiply", &d, &wb);
        y = ctx.e.binary("stablehlo.add", &a, &dw);
    }
    Ok(vec![y])
}


/// `affine_grid_generator(theta, size, align_corners)` (F.affine_grid): the base grid
/// of normalized coordinates (x over W, y over H(, z over D), then 1), a constant
/// computed as PyTorch's `linspace_from_neg_one` does in f32, times `theta`
/// ([N, n, n + 1]) transposed: [N, *S, n].
pub fn affine_grid_generator(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let theta = args.tensor(ctx, "theta")?;
    let size = args.ints("size")?;
    let align = args.bool("align_corners")?;
    let n = size.len().saturating_sub(2);
    let od = out.dims().to_vec();
    if !(n == 2 || n == 3) || theta.rank() != 3 || !theta.ty.is_static() || !out.is_static() || theta.shape()[1..] != [n as i64, n as i64 + 1] {
        return Err(format!("affine_grid_generator needs a static [N, {n}, {}] theta and a 4-D or 5-D size, got {} and {size:?}", n + 1, theta.ty).into());
    }
    let spatial: Vec<i64> = size[2..].to_vec();
    let points: i64 = spatial.iter().product();
    ctx.reserve_constant("the affine grid's base points", points as u128 * (n as u128 + 1), &out.elem)?;
    // PyTorch: linspace(-1, 1, k), times (k - 1) / k without align_corners, in f32.
    let axis = |k: i64| -> Vec<f32> {
        if k <= 1 {
            return vec![0.0; k.max(0) as usize];
        }
        // linspace's f32 step and fused multiply-adds (see `shape::linspace`).
        let step = (2.0f32 / (k - 1) as f32) as f64;
        let half = k / 2;
        (0..k)
            .map(|i| {
                let v = (if i < half { -1.0 + step * i as f64 } else { 1.0 - step * (k - 1 - i) as f64 }) as f32;
                if align { v } else { v * (k - 1) as f32 / k as f32 }
            })
            .collect()
    };
    let axes: Vec<Vec<f32>> = spatial.iter().map(|&k| axis(k)).collect();
    let mut base = Vec::with_capacity((points * (n as i64 + 1)) as usize);
    for mut p in 0..points {
        let mut at = vec![0usize; n];
        for d in (0..n).rev() {
            at[d] = (p % spatial[d]) as usize;
            p /= spatial[d];
        }
        // Coordinate j is spatial dim n - 1 - j (x is W).
        for j in 0..n {
            base.push(axes[n - 1 - j][at[n - 1 - j]] as f64);
        }
        base.push(1.0);
    }
    let elem = out.elem.clone();
    let b = ctx.e.const_floats(&base, &elem, &[points, n as i64 + 1]);
    let theta = ctx.e.convert(&theta, &elem);
    let nb = theta.shape()[0];
    // [N, n, n + 1] x [P, n + 1] -> [N, n, P] -> [N, P, n].
    let g = dot(ctx, &theta, &b, (&[], &[]), (&[2], &[1]), tensor(&[nb, n as i64, points], elem));
    let g = ctx.e.transpose(&g, &[0, 2, 1]);
    Ok(vec![ctx.e.reshape(&g, &od)])
}

/// `grid_sampler_2d(input, grid, interpolation_mode, padding_mode, align_corners)`.
pub fn grid_sampler_2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    grid_sample(ctx, args, 2)
}

/// `grid_sampler_3d(input, grid, interpolation_mode, padding_mode, align_corners)`.
pub fn grid_sampler_3d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    grid_sample(ctx, args, 3)
}

/// `grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners)`, what
/// `F.grid_sample` records before decomposition: 2-D or 3-D by the input's rank.
pub fn grid_sampler(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    match x.rank() {
        4 => grid_sample(ctx, args, 2),
        5 => grid_sample(ctx, args, 3),
        r => Err(format!("grid_sampler needs a 4-D or 5-D input, got rank {r}").into()),
    }
}

/// Samples `input` [N, C, *S] (S the `n` spatial sizes, H W or D H W) at the
/// normalized points of `grid` [N, *O, n] (coordinates x, y(, z): the last spatial dim
/// first) -> [N, C, *O]. Modes: bilinear (0; trilinear in 3-D), nearest (1) and
/// bicubic (2, 2-D only), with zeros (0), border (1) or reflection (2) padding, as
/// PyTorch's `grid_sampler_{2,3}d` CPU kernels compute them. Each tap is one gather
/// from the input as [N*prod(S), C] rows, or with one batch along the last dim of the
/// input as [1, C, prod(S)].
fn grid_sample(ctx: &mut Ctx, args: &Args, n: usize) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let grid = args.tensor(ctx, "grid")?;
    let mode = args.int("interpolation_mode")?;
    let padding = args.int("padding_mode")?;
    let align = args.bool("align_corners")?;
    if mode > 2 || (mode == 2 && n != 2) {
        return Err(format!("grid_sampler interpolation mode {mode} is not supported for {n}-D sampling").into());
    }
    if padding > 2 {
        return Err(format!("grid_sampler padding mode {padding} is not supported").into());
    }
    if x.rank() != n + 2 || grid.rank() != n + 2 || !x.ty.is_static() || !grid.ty.is_static() || grid.shape()[n + 1] != n as i64 {
        return Err(format!("grid_sampler needs static [N, C, *S] input and [N, *O, {n}] grid, got {} and {}", x.ty, grid.ty).into());
    }
    let elem = out.elem.clone();
    let x = ctx.e.convert(&x, &elem);
    let grid = ctx.e.convert(&grid, &elem);
    let (nb, c) = (x.shape()[0], x.shape()[1]);
    let sizes: Vec<i64> = x.shape()[2..].to_vec();
    let volume: i64 = sizes.iter().product();
    let mut pts = vec![nb];
    pts.extend_from_slice(&grid.shape()[1..=n]);
    // Spatial dim d (0 = D or H) reads grid coordinate n - 1 - d.
    let raw: Vec<Val> = (0..n)
        .map(|d| {
            let s = ctx.e.slice_dim(&grid, n + 1, (n - 1 - d) as i64, 1);
            ctx.e.reshape(&s, &pts)
        })
        .collect();
    // Input rows [N*prod(S), C]; a point (b, i...) is row b*prod(S) + row-major(i).
    // With one batch the input is read in place as [1, C, prod(S)] and each tap is a
    // gather along its last dim, already [N, C, *O]: no transpose in or out.
    let in_place = nb == 1;
    let rows = if in_place {
        ctx.e.reshape(&x, &[1, c, volume])
    } else if c == 1 {
        // One channel: the rows are the input as it is (no transpose).
        ctx.e.reshape(&x, &[nb * volume, 1])
    } else {
        let mut to_rows: Vec<i64> = vec![0];
        to_rows.extend(2..n as i64 + 2);
        to_rows.push(1);
        let rows = ctx.e.transpose(&x, &to_rows);
        ctx.e.reshape(&rows, &[nb * volume, c])
    };
    let batch = ctx.e.op("stablehlo.iota", &[], "iota_dimension = 0 : i64", tensor(&pts, ElemTy::I(64)));
    let vol = ctx.e.splat(volume as f64, &ElemTy::I(64), &pts);
    let base = ctx.e.binary("stablehlo.multiply", &batch, &vol);
    let mut sample_shape = pts.clone();
    let lead: Vec<i64> = if in_place {
        sample_shape.insert(1, c);
        std::iter::once(0).chain(2..n as i64 + 2).collect()
    } else {
        sample_shape.push(c);
        (0..=n as i64).collect()
    };
    // One coordinate choice of dim `d` (integer-valued floats `a`, weight `w`): its
    // row offset (clamped into the input, times the dim's flat stride) and its weight,
    // zero where `a` is outside the input under zeros padding (border and reflection
    // keep coordinates inside; a bilinear corner past the edge has weight 0 there).
    // Computed once per dim and choice, shared by the taps using it.
    let choice = |ctx: &mut Ctx, d: usize, a: &Val, w: Option<Val>| -> (Val, Option<Val>) {
        let zero = ctx.e.splat(0.0, &elem, &pts);
        let hi = ctx.e.splat((sizes[d] - 1) as f64, &elem, &pts);
        let ac = ctx.e.binary("stablehlo.maximum", a, &zero);
        let ac = ctx.e.binary("stablehlo.minimum", &ac, &hi);
        let weight = if padding == 0 {
            // Inside exactly when clamping leaves the coordinate as it is.
            let inside = ctx.e.compare("EQ", &ac, a);
            let w = w.unwrap_or_else(|| ctx.e.splat(1.0, &elem, &pts));
            Some(ctx.e.select(&inside, &w, &zero))
        } else {
            w
        };
        let ai = ctx.e.convert(&ac, &ElemTy::I(64));
        let stride: i64 = sizes[d + 1..].iter().product();
        let term = if stride == 1 {
            ai
        } else {
            let k = ctx.e.splat(stride as f64, &ElemTy::I(64), &pts);
            ctx.e.binary("stablehlo.multiply", &ai, &k)
        };
        // In place, indices are [*O] (the one batch dropped).
        let term = if in_place { ctx.e.reshape(&term, &pts[1..]) } else { term };
        (term, weight)
    };
    // The input at one choice per dim, times the choices' weights.
    let tap = |ctx: &mut Ctx, picks: &[&(Val, Option<Val>)]| -> Val {
        let mut row: Option<Val> = if in_place { None } else { Some(base.clone()) };
        let mut weight: Option<Val> = None;
        for (term, w) in picks {
            row = Some(match row {
                Some(r) => ctx.e.binary("stablehlo.add", &r, term),
                None => term.clone(),
            });
            if let Some(w) = w {
                weight = Some(match weight {
                    Some(acc) => ctx.e.binary("stablehlo.multiply", &acc, w),
                    None => w.clone(),
                });
            }
        }
        // Rows are clamped into the input: no wrap of negative indices.
        let row = row.expect("one spatial dim or more");
        let v = super::shape::take_in_range(ctx, &rows, &row, if in_place { 2 } else { 0 });
        match weight {
            Some(k) => {
                let kb = ctx.e.broadcast_in_dim(&k, &sample_shape, &lead);
                ctx.e.binary("stablehlo.multiply", &v, &kb)
            }
            None => v,
        }
    };
    let sum = |ctx: &mut Ctx, acc: Option<Val>, v: Val| -> Option<Val> {
        Some(match acc {
            Some(a) => ctx.e.binary("stablehlo.add", &a, &v),
            None => v,
        })
    };
    // Per dim, its choices (one for nearest, two for bilinear, four for bicubic).
    let mut per_dim: Vec<Vec<(Val, Option<Val>)>> = Vec::new();
    for d in 0..n {
        let mut options = Vec::new();
        match mode {
            1 => {
                let i = source_coordinate(ctx, &raw[d], sizes[d], align, padding);
                let a = ctx.e.unary("stablehlo.round_nearest_even", &i);
                options.push(choice(ctx, d, &a, None));
            }
            0 => {
                // The floor and the next integer, weighted (hi - i, i - lo).
                let i = source_coordinate(ctx, &raw[d], sizes[d], align, padding);
                let one = ctx.e.splat(1.0, &elem, &pts);
                let lo = ctx.e.unary("stablehlo.floor", &i);
                let hi = ctx.e.binary("stablehlo.add", &lo, &one);
                let w_lo = ctx.e.binary("stablehlo.subtract", &hi, &i);
                let w_hi = ctx.e.binary("stablehlo.subtract", &i, &lo);
                options.push(choice(ctx, d, &lo, Some(w_lo)));
                options.push(choice(ctx, d, &hi, Some(w_hi)));
            }
            _ => {
                // Bicubic (A = -0.75) over the 4 taps around the unpadded source
                // point; each tap's coordinate is padded on its own (PyTorch's
                // `get_value_bounded`), and zeros padding drops taps outside.
                let i = source_coordinate(ctx, &raw[d], sizes[d], align, 0);
                let f = ctx.e.unary("stablehlo.floor", &i);
                let t = ctx.e.binary("stablehlo.subtract", &i, &f);
                let ws = cubic_weights_of(ctx, &t);
                for (j, w) in ws.into_iter().enumerate() {
                    let off = ctx.e.splat(j as f64 - 1.0, &elem, &pts);
                    let at = ctx.e.binary("stablehlo.add", &f, &off);
                    let at = if padding == 0 { at } else { padded_coordinate(ctx, at, sizes[d], align, padding) };
                    options.push(choice(ctx, d, &at, Some(w)));
                }
            }
        }
        per_dim.push(options);
    }
    // Every combination of choices, the last spatial dim varying fastest (the order
    // PyTorch sums them in).
    let count: usize = per_dim.iter().map(|o| o.len()).product();
    let mut acc = None;
    for mut k in 0..count {
        let mut picks = vec![&per_dim[0][0]; n];
        for d in (0..n).rev() {
            picks[d] = &per_dim[d][k % per_dim[d].len()];
            k /= per_dim[d].len();
        }
        let v = tap(ctx, &picks);
        acc = sum(ctx, acc, v);
    }
    let sampled = acc.expect("one tap or more");
    if in_place {
        return Ok(vec![sampled]);
    }
    if c == 1 {
        let mut shape = vec![nb, 1];
        shape.extend_from_slice(&pts[1..]);
        return Ok(vec![ctx.e.reshape(&sampled, &shape)]);
    }
    let mut back: Vec<i64> = vec![0, n as i64 + 1];
    back.extend(1..=n as i64);
    Ok(vec![ctx.e.transpose(&sampled, &back)])
}

/// The cubic convolution weights (A = -0.75, PyTorch's `get_cubic_upsample_coefficients`)
/// of the taps at -1, 0, 1, 2 from the floor, for the fraction `t`.
fn cubic_weights_of(ctx: &mut Ctx, t: &Val) -> Vec<Val> {
    let e = t.elem().clone();
    let shape = t.shape().to_vec();
    let a = -0.75;
    let k = |ctx: &mut Ctx, v: f64| ctx.e.splat(v, &e, &shape);
    // ((A + 2) x - (A + 3)) x x + 1 for |x| <= 1.
    let near = |ctx: &mut Ctx, x: &Val| -> Val {
        let c1 = k(ctx, a + 2.0);
        let c2 = k(ctx, a + 3.0);
        let one = k(ctx, 1.0);
        let p = ctx.e.binary("stablehlo.multiply", &c1, x);
        let p = ctx.e.binary("stablehlo.subtract", &p, &c2);
        let p = ctx.e.binary("stablehlo.multiply", &p, x);
        let p = ctx.e.binary("stablehlo.multiply", &p, x);
        ctx.e.binary("stablehlo.add", &p, &one)
    };
    // ((A x - 5A) x + 8A) x - 4A for 1 < |x| < 2.
    let far = |ctx: &mut Ctx, x: &Val| -> Val {
        let ca = k(ctx, a);
        let c5 = k(ctx, 5.0 * a);
        let c8 = k(ctx, 8.0 * a);
        let c4 = k(ctx, 4.0 * a);
        let p = ctx.e.binary("stablehlo.multiply", &ca, x);
        let p = ctx.e.binary("stablehlo.subtract", &p, &c5);
        let p = ctx.e.binary("stablehlo.multiply", &p, x);
        let p = ctx.e.binary("stablehlo.add", &p, &c8);
        let p = ctx.e.binary("stablehlo.multiply", &p, x);
        ctx.e.binary("stablehlo.subtract", &p, &c4)
    };
    let one = k(ctx, 1.0);
    let two = k(ctx, 2.0);
    let tp1 = ctx.e.binary("stablehlo.add", t, &one);
    let omt = ctx.e.binary("stablehlo.subtract", &one, t);
    let tmt = ctx.e.binary("stablehlo.subtract", &two, t);
    vec![far(ctx, &tp1), near(ctx, t), near(ctx, &omt), far(ctx, &tmt)]
}

/// A normalized grid coordinate in [-1, 1] as a pixel coordinate of a dim of `size`,
/// with border or reflection padding applied (PyTorch's
/// `grid_sampler_compute_source_index`).
fn source_coordinate(ctx: &mut Ctx, g: &Val, size: i64, align: bool, padding: i64) -> Val {
    let e = g.elem().clone();
    let shape = g.shape().to_vec();
    let k = |ctx: &mut Ctx, v: f64| ctx.e.splat(v, &e, &shape);
    let one = k(ctx, 1.0);
    let gp1 = ctx.e.binary("stablehlo.add", g, &one);
    let c = if align {
        // (g + 1) / 2 * (size - 1)
        let s = k(ctx, (size - 1) as f64 / 2.0);
        ctx.e.binary("stablehlo.multiply", &gp1, &s)
    } else {
        // ((g + 1) * size - 1) / 2
        let s = k(ctx, size as f64);
        let t = ctx.e.binary("stablehlo.multiply", &gp1, &s);
        let t = ctx.e.binary("stablehlo.subtract", &t, &one);
        let half = k(ctx, 0.5);
        ctx.e.binary("stablehlo.multiply", &t, &half)
    };
    padded_coordinate(ctx, c, size, align, padding)
}

/// `c` with border (1: clipped to the input) or reflection (2: reflected about the
/// input's edges, then clipped) padding; zeros (0) leave it as it is.
fn padded_coordinate(ctx: &mut Ctx, mut c: Val, size: i64, align: bool, padding: i64) -> Val {
    let e = c.elem().clone();
    let shape = c.shape().to_vec();
    let k = |ctx: &mut Ctx, v: f64| ctx.e.splat(v, &e, &shape);
    let clip = |ctx: &mut Ctx, v: &Val| -> Val {
        let lo = k(ctx, 0.0);
        let hi = k(ctx, (size - 1) as f64);
        let v = ctx.e.binary("stablehlo.maximum", v, &lo);
        ctx.e.binary("stablehlo.minimum", &v, &hi)
    };
    match padding {
        1 => c = clip(ctx, &c),
        2 => {
            let (twice_low, twice_high) = if align { (0, 2 * (size - 1)) } else { (-1, 2 * size - 1) };
            c = if twice_low == twice_high {
                k(ctx, 0.0)
            } else {
                // Reflect about [low, high]: fold |c - low| by the span, mirroring odd folds.
                let min = k(ctx, twice_low as f64 / 2.0);
                let span = k(ctx, (twice_high - twice_low) as f64 / 2.0);
                let d = ctx.e.binary("stablehlo.subtract", &c, &min);
                let d = ctx.e.unary("stablehlo.abs", &d);
                let extra = ctx.e.binary("stablehlo.remainder", &d, &span);
                let flips = ctx.e.binary("stablehlo.divide", &d, &span);
                let flips = ctx.e.unary("stablehlo.floor", &flips);
                let two = k(ctx, 2.0);
                let half_flips = ctx.e.binary("stablehlo.divide", &flips, &two);
                let half_flips = ctx.e.unary("stablehlo.floor", &half_flips);
                let even_part = ctx.e.binary("stablehlo.multiply", &half_flips, &two);
                let parity = ctx.e.binary("stablehlo.subtract", &flips, &even_part);
                let zero = k(ctx, 0.0);
                let even = ctx.e.compare("EQ", &parity, &zero);
                let a = ctx.e.binary("stablehlo.add", &extra, &min);
                let b = ctx.e.binary("stablehlo.subtract", &span, &extra);
                let b = ctx.e.binary("stablehlo.add", &b, &min);
                ctx.e.select(&even, &a, &b)
            };
            c = clip(ctx, &c);
        }
        _ => {}
    }
    c
}

/// Pairwise p-norm distances between the rows of `a` [B..., P, M] and `b`
/// [B..., R, M] -> [B..., P, R] (`out` shape): p = 0 counts differing coordinates,
/// p = inf takes the largest difference, otherwise `sum(|d|^p)^(1/p)`.
fn pairwise_distance(ctx: &mut Ctx, a: &Val, b: &Val, p: f64, out: &TensorTy) -> LResult<Val> {
    let r = out.dims().len();
    if r < 2 || a.rank() < 2 || b.rank() < 2 || !out.is_static() {
        return Err("cdist needs static inputs of rank 2 or more".into());
    }
    let m = a.shape()[a.rank() - 1];
    let batch = &out.dims()[..r - 2];
    let (pn, rn) = (out.dims()[r - 2], out.dims()[r - 1]);
    let mut full: Vec<i64> = batch.to_vec();
    full.extend([pn, rn, m]);
    let nb = batch.len() as i64;
    let elem = out.elem.clone();
    let spread = |ctx: &mut Ctx, v: &Val, row_dim: i64| -> Val {
        let v = ctx.e.convert(v, &elem);
        let mut shape: Vec<i64> = batch.to_vec();
        shape.extend_from_slice(&v.shape()[v.rank() - 2..]);
        let v = ctx.e.broadcast_to(&v, &shape);
        let mut dims: Vec<i64> = (0..nb).collect();
        dims.extend([row_dim, nb + 2]);
        ctx.e.broadcast_in_dim(&v, &full, &dims)
    };
    let av = spread(ctx, a, nb);
    let bv = spread(ctx, b, nb + 1);
    let d = ctx.e.binary("stablehlo.subtract", &av, &bv);
    if !(p >= 0.0) {
        return Err(format!("cdist with p = {p} is not defined (p must be >= 0)").into());
    }
    Ok(p_norm(ctx, &d, &[nb + 2], p))
}

/// The p-norm of `x` over `dims`: p = 0 counts the nonzero elements, p = inf takes the
/// largest magnitude and p = -inf the smallest, otherwise `sum(|x|^p)^(1/p)`.
pub(super) fn p_norm(ctx: &mut Ctx, x: &Val, dims: &[i64], p: f64) -> Val {
    let a = ctx.e.unary("stablehlo.abs", x);
    if p == 0.0 {
        let zero = ctx.e.splat(0.0, x.elem(), x.shape());
        let nz = ctx.e.compare("NE", &a, &zero);
        let nz = ctx.e.convert(&nz, x.elem());
        ctx.e.reduce(&nz, dims, "stablehlo.add", 0.0)
    } else if p == 1.0 {
        ctx.e.reduce(&a, dims, "stablehlo.add", 0.0)
    } else if p == 2.0 {
        let sq = ctx.e.binary("stablehlo.multiply", &a, &a);
        let s = ctx.e.reduce(&sq, dims, "stablehlo.add", 0.0);
        ctx.e.unary("stablehlo.sqrt", &s)
    } else if p == f64::INFINITY {
        ctx.e.reduce(&a, dims, "stablehlo.maximum", 0.0)
    } else if p == f64::NEG_INFINITY {
        ctx.e.reduce(&a, dims, "stablehlo.minimum", f64::INFINITY)
    } else {
        let pk = ctx.e.splat(p, x.elem(), x.shape());
        let pw = ctx.e.binary("stablehlo.power", &a, &pk);
        let s = ctx.e.reduce(&pw, dims, "stablehlo.add", 0.0);
        let inv = ctx.e.splat(1.0 / p, x.elem(), s.shape());
        ctx.e.binary("stablehlo.power", &s, &inv)
    }
}

/// `_cdist_forward(x1, x2, p, compute_mode)`: the p-norm distance between every row of
/// `x1` and every row of `x2` (computed directly, whatever `compute_mode` says).
pub fn cdist(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "x1")?;
    let b = args.tensor(ctx, "x2")?;
    let p = args.float("p")?;
    Ok(vec![pairwise_distance(ctx, &a, &b, p, &out)?])
}

/// `_pdist_forward(self, p=2)`: the p-norm distances between rows `i < j` of `self`
/// [N, M], in row-major order of the pairs -> [N (N - 1) / 2].
pub fn pdist(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let p = args.float("p")?;
    if x.rank() != 2 || !x.ty.is_static() {
        return Err("pdist needs a static [N, M] input".into());
    }
    let n = x.shape()[0];
    // The pair index table is built on the host: bound it before anything else.
    ctx.reserve_constant("the pdist pair table", n as u128 * (n as u128).saturating_sub(1) / 2, &ElemTy::I(64))?;
    let all = tensor(&[n, n], out.elem.clone());
    let d = pairwise_distance(ctx, &x, &x, p, &all)?;
    let flat = ctx.e.reshape(&d, &[n * n]);
    let pairs: Vec<i64> = (0..n).flat_map(|i| (i + 1..n).map(move |j| i * n + j)).collect();
    if pairs.is_empty() {
        return Ok(vec![ctx.e.splat(0.0, &out.elem, out.dims())]);
    }
    let c = ctx.e.const_i64s(&pairs);
    Ok(vec![super::shape::take_along(ctx, &flat, &c, 0)])
}

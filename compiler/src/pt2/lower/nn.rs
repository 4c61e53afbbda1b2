//! Neural-network ATen ops: convolution (plain, grouped, transposed), matrix products,
//! batch/layer normalization, pooling and upsampling. Layouts stay PyTorch's (NCHW,
//! OIHW); the TFL layout pass moves them to NHWC later.

use super::{Args, Ctx, LResult, Scalar};
use crate::pt2::emit::{i64_array, join, tensor, Val};
use edge_dialects::ir::TensorTy;

fn spatial_letters(n: usize) -> String {
    (0..n).map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

fn padding_attr(pads: &[[i64; 2]]) -> String {
    let rows: Vec<String> = pads.iter().map(|p| format!("[{}, {}]", p[0], p[1])).collect();
    format!("dense<[{}]> : tensor<{}x2xi64>", rows.join(", "), pads.len())
}

/// Repeats a per-dimension list given once (`[1]`) to `n` entries.
fn expand_list(v: Vec<i64>, n: usize, what: &str) -> LResult<Vec<i64>> {
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
            let bb = ctx.e.broadcast_in_dim(&b, y.shape(), &[1]);
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
    let groups = args.int("groups")?;
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
                let k = dilation[i] * (kernel[i] - 1);
                [k - padding[i], k - padding[i] + output_padding[i]]
            })
            .collect();
        let spatial: Vec<i64> = (2..2 + n as i64).collect();
        let flipped = ctx.e.op("stablehlo.reverse", &[&w], &format!("dimensions = {}", i64_array(&spatial)), w.ty.clone());
        // Weight is [in, out/groups, k...]; regroup to [out, in/groups, k...].
        let (cin, cout_g) = (w.shape()[0], w.shape()[1]);
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
fn dot(ctx: &mut Ctx, a: &Val, b: &Val, batch: (&[i64], &[i64]), contract: (&[i64], &[i64]), out: TensorTy) -> Val {
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

/// `(x - mean) * rsqrt(var + eps) * weight + bias`, with per-channel vectors on dim 1.
pub fn batch_norm_inference(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &out.elem);
    let weight = args.opt_tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let mean = args.tensor(ctx, "running_mean")?;
    let var = args.tensor(ctx, "running_var")?;
    let eps = args.float("eps")?;
    let shape = x.shape().to_vec();
    let chan = |ctx: &mut Ctx, v: &Val| -> Val {
        let v = ctx.e.convert(v, &out.elem);
        ctx.e.broadcast_in_dim(&v, &shape, &[1])
    };
    let m = chan(ctx, &mean);
    let v = chan(ctx, &var);
    let e = ctx.e.splat(eps, &out.elem, &shape);
    let ve = ctx.e.binary("stablehlo.add", &v, &e);
    let inv = ctx.e.unary("stablehlo.rsqrt", &ve);
    let c = ctx.e.binary("stablehlo.subtract", &x, &m);
    let mut y = ctx.e.binary("stablehlo.multiply", &c, &inv);
    if let Some(w) = weight {
        let w = chan(ctx, &w);
        y = ctx.e.binary("stablehlo.multiply", &y, &w);
    }
    if let Some(b) = bias {
        let b = chan(ctx, &b);
        y = ctx.e.binary("stablehlo.add", &y, &b);
    }
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
    let dims: Vec<i64> = ((r - k) as i64..r as i64).collect();
    let kept: Vec<i64> = (0..(r - k) as i64).collect();
    let count: i64 = norm.iter().product();
    let shape = x.shape().to_vec();
    let s = ctx.e.reduce(&x, &dims, "stablehlo.add", 0.0);
    let n = ctx.e.splat(count as f64, &out.elem, s.shape());
    let mean = ctx.e.binary("stablehlo.divide", &s, &n);
    let mb = ctx.e.broadcast_in_dim(&mean, &shape, &kept);
    let c = ctx.e.binary("stablehlo.subtract", &x, &mb);
    let c2 = ctx.e.binary("stablehlo.multiply", &c, &c);
    let vs = ctx.e.reduce(&c2, &dims, "stablehlo.add", 0.0);
    let var = ctx.e.binary("stablehlo.divide", &vs, &n);
    let e = ctx.e.splat(eps, &out.elem, var.shape());
    let ve = ctx.e.binary("stablehlo.add", &var, &e);
    let rstd = ctx.e.unary("stablehlo.rsqrt", &ve);
    let rb = ctx.e.broadcast_in_dim(&rstd, &shape, &kept);
    let mut y = ctx.e.binary("stablehlo.multiply", &c, &rb);
    let trailing: Vec<i64> = ((r - k) as i64..r as i64).collect();
    if let Some(w) = weight {
        let w = ctx.e.convert(&w, &out.elem);
        let wb = ctx.e.broadcast_in_dim(&w, &shape, &trailing);
        y = ctx.e.binary("stablehlo.multiply", &y, &wb);
    }
    if let Some(b) = bias {
        let b = ctx.e.convert(&b, &out.elem);
        let bb = ctx.e.broadcast_in_dim(&b, &shape, &trailing);
        y = ctx.e.binary("stablehlo.add", &y, &bb);
    }
    let mut outs = vec![y];
    for (i, v) in [(1, mean), (2, rstd)] {
        if let Ok(t) = ctx.out_ty(i) {
            outs.push(ctx.e.reshape(&v, t.dims()));
        }
    }
    Ok(outs)
}

/// Window parameters of a 2-D pool over NCHW (or CHW) input.
struct Pool {
    window: Vec<i64>,
    strides: Vec<i64>,
    dilations: Vec<i64>,
    pads: Vec<[i64; 2]>,
}

fn pool_params(x: &Val, out: &TensorTy, args: &Args, with_dilation: bool) -> LResult<Pool> {
    let r = x.rank();
    if r < 3 {
        return Err("pooling needs a rank-3 or rank-4 input".into());
    }
    let n = 2;
    let kernel = expand_list(args.ints("kernel_size")?, n, "kernel_size")?;
    let stride = match args.opt_ints("stride")? {
        Some(s) if !s.is_empty() => expand_list(s, n, "stride")?,
        _ => kernel.clone(),
    };
    let padding = expand_list(args.opt_ints("padding")?.unwrap_or_else(|| vec![0]), n, "padding")?;
    let dilation =
        if with_dilation { expand_list(args.opt_ints("dilation")?.unwrap_or_else(|| vec![1]), n, "dilation")? } else { vec![1, 1] };
    let lead = r - n;
    let mut window = vec![1; lead];
    window.extend_from_slice(&kernel);
    let mut strides = vec![1; lead];
    strides.extend_from_slice(&stride);
    let mut dilations = vec![1; lead];
    dilations.extend_from_slice(&dilation);
    let mut pads = vec![[0, 0]; lead];
    for i in 0..n {
        let size = x.shape()[lead + i];
        let o = out.dims()[lead + i];
        // High padding that yields the recorded output size (ceil_mode adds some).
        let needed = (o - 1) * stride[i] + dilation[i] * (kernel[i] - 1) + 1 - size - padding[i];
        pads.push([padding[i], needed.max(padding[i]).max(0)]);
    }
    Ok(Pool { window, strides, dilations, pads })
}

fn reduce_window(ctx: &mut Ctx, x: &Val, p: &Pool, body: &str, init: f64, out: TensorTy) -> Val {
    let init = ctx.e.splat(init, x.elem(), &[]);
    let attrs = format!(
        "padding = {}, window_dilations = {}, window_dimensions = {}, window_strides = {}",
        padding_attr(&p.pads),
        i64_array(&p.dilations),
        i64_array(&p.window),
        i64_array(&p.strides)
    );
    let elem = x.elem().clone();
    ctx.e.op_with_scalar_body("stablehlo.reduce_window", &[x, &init], &attrs, &[out], body, &elem).pop().expect("one result")
}

/// `max_pool2d_with_indices`: the values; the indices output is not produced.
pub fn max_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let p = pool_params(&x, &out, args, true)?;
    let init = if x.elem().is_float() { f64::NEG_INFINITY } else { i64::MIN as f64 };
    Ok(vec![reduce_window(ctx, &x, &p, "stablehlo.maximum", init, out)])
}

/// `avg_pool2d(self, kernel_size, stride, padding, ceil_mode, count_include_pad,
/// divisor_override)`: a windowed sum divided by the element count PyTorch uses.
pub fn avg_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let p = pool_params(&x, &out, args, false)?;
    let sum = reduce_window(ctx, &x, &p, "stablehlo.add", 0.0, out.clone());
    if let Some(d) = args.opt_int("divisor_override")? {
        let k = ctx.e.splat(d as f64, &out.elem, out.dims());
        return Ok(vec![ctx.e.binary("stablehlo.divide", &sum, &k)]);
    }
    let include_pad = args.bool("count_include_pad")?;
    // Count the elements each window covers: ones over the input (plus the explicit
    // padding when it counts), zeros in the rest of the padding.
    let lead = x.rank() - 2;
    let mut ones_shape = x.shape().to_vec();
    let mut count_pool = Pool { window: p.window.clone(), strides: p.strides.clone(), dilations: p.dilations.clone(), pads: p.pads.clone() };
    if include_pad {
        for i in 0..2 {
            let pad = p.pads[lead + i][0];
            ones_shape[lead + i] += 2 * pad;
            count_pool.pads[lead + i] = [0, (p.pads[lead + i][1] - pad).max(0)];
        }
    }
    let window_area: i64 = p.window.iter().product();
    let full_cover = p.pads.iter().enumerate().all(|(i, pp)| i < lead || (include_pad && pp[1] == pp[0]) || (pp[0] == 0 && pp[1] == 0));
    if full_cover {
        let k = ctx.e.splat(window_area as f64, &out.elem, out.dims());
        return Ok(vec![ctx.e.binary("stablehlo.divide", &sum, &k)]);
    }
    let ones = ctx.e.splat(1.0, &out.elem, &ones_shape);
    let counts = reduce_window(ctx, &ones, &count_pool, "stablehlo.add", 0.0, out.clone());
    Ok(vec![ctx.e.binary("stablehlo.divide", &sum, &counts)])
}

/// `_adaptive_avg_pool2d(self, output_size)` where the input divides evenly.
pub fn adaptive_avg_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let r = x.rank();
    let (h, w) = (x.shape()[r - 2], x.shape()[r - 1]);
    let (oh, ow) = (out.dims()[r - 2], out.dims()[r - 1]);
    if oh <= 0 || ow <= 0 || h % oh != 0 || w % ow != 0 {
        return Err(format!("adaptive average pooling from {h}x{w} to {oh}x{ow} (not an even division) is not supported").into());
    }
    let (kh, kw) = (h / oh, w / ow);
    let mut window = vec![1; r - 2];
    window.extend([kh, kw]);
    let p = Pool { window: window.clone(), strides: window, dilations: vec![1; r], pads: vec![[0, 0]; r] };
    let sum = reduce_window(ctx, &x, &p, "stablehlo.add", 0.0, out.clone());
    let k = ctx.e.splat((kh * kw) as f64, &out.elem, out.dims());
    Ok(vec![ctx.e.binary("stablehlo.divide", &sum, &k)])
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

/// Gathers `x` along `axis` at constant `idx`.
fn gather_const(ctx: &mut Ctx, x: &Val, idx: &[i64], axis: usize) -> Val {
    let c = ctx.e.const_i64s(idx);
    super::shape::take_along(ctx, x, &c, axis)
}

pub fn upsample_nearest2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let mut y = args.tensor(ctx, "input")?;
    let r = y.rank();
    for i in 0..2 {
        let axis = r - 2 + i;
        let (n_in, n_out) = (y.shape()[axis], out.dims()[axis]);
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
    let r = y.rank();
    for i in 0..2 {
        let axis = r - 2 + i;
        let (n_in, n_out) = (y.shape()[axis], out.dims()[axis]);
        if n_in == n_out {
            continue;
        }
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
        let wt = tensor(&[n_out], y.elem().clone());
        let lit: Vec<String> = w1.iter().map(|w| crate::pt2::emit::float_literal(*w, y.elem())).collect();
        let w1v = ctx.e.op("stablehlo.constant", &[], &format!("value = dense<[{}]> : {}", lit.join(", "), crate::pt2::emit::ty(&wt)), wt);
        let wb = ctx.e.broadcast_in_dim(&w1v, a.shape(), &[axis as i64]);
        let d = ctx.e.binary("stablehlo.subtract", &b, &a);
        let dw = ctx.e.binary("stablehlo.multiply", &d, &wb);
        y = ctx.e.binary("stablehlo.add", &a, &dw);
    }
    Ok(vec![y])
}


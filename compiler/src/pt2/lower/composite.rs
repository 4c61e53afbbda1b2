//! Composite ATen ops: the ones `torch.export.export` keeps when the archive was saved
//! without `run_decompositions()` (`linear`, `conv2d`, `batch_norm`, `matmul`,
//! `scaled_dot_product_attention`...). Each is lowered here the way PyTorch's own
//! decomposition defines it, mostly by reusing the core lowerings, so an archive
//! converts the same whether or not it was decomposed first.

use super::nn::{channel_affine, dot, expand_list, max_pool, normalize_over, p_norm};
use super::elementwise::{float_operand, scaled};
use super::{elementwise, nn, norm_dim, reduce, shape, Args, Ctx, LResult, LowerError};
use crate::pt2::emit::{pattern, tensor, Extent, Val};
use crate::pt2::schema::Argument;
use edge_dialects::ir::ElemTy;

fn static_input(x: &Val, what: &str) -> LResult<()> {
    if x.ty.is_static() {
        Ok(())
    } else {
        Err(format!("{what} with dynamic dimensions is not supported yet").into())
    }
}

/// `linear(input, weight, bias)`: `input @ weight.T + bias`, as a 2-D product over the
/// flattened leading dims (the form `fully_connected` takes).
pub fn linear(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let w = args.tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    if w.rank() != 2 || x.rank() == 0 {
        return Err(format!("linear takes a 2-D weight and an input of rank 1 or more, got {} and {}", w.ty, x.ty).into());
    }
    if !x.ty.is_static() {
        return Ok(vec![linear_dynamic(ctx, &x, &w, bias, &out.elem)?]);
    }
    let (o, i) = (w.shape()[0], w.shape()[1]);
    let rows: i64 = x.shape()[..x.rank() - 1].iter().product();
    let x2 = ctx.e.reshape(&x, &[rows, i]);
    let y = dot(ctx, &x2, &w, (&[], &[]), (&[1], &[1]), tensor(&[rows, o], out.elem.clone()));
    let y = match bias {
        Some(b) => {
            let b = ctx.e.convert(&b, &out.elem);
            let bb = ctx.e.broadcast_in_dim(&b, &[rows, o], &[1]);
            ctx.e.binary("stablehlo.add", &y, &bb)
        }
        None => y,
    };
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `linear` over an input with unknown leading dims: one `dot_general` of the N-D
/// input, contracted over its last dim, by the 2-D weight (no reshape: TFLite's
/// FULLY_CONNECTED with keep_num_dims flattens the leading dims itself).
fn linear_dynamic(ctx: &mut Ctx, x: &Val, w: &Val, bias: Option<Val>, elem: &ElemTy) -> LResult<Val> {
    let r = x.rank();
    let (o, i) = (w.shape()[0], w.shape()[1]);
    if !w.ty.is_static() || x.shape()[r - 1] != i {
        return Err(format!("linear of {} by a weight {}: the input's last dim must be the weight's static {i}", x.ty, w.ty).into());
    }
    let mut shape = x.shape().to_vec();
    shape[r - 1] = o;
    let last = r as i64 - 1;
    let y = dot(ctx, x, w, (&[], &[]), (&[last], &[1]), tensor(&shape, elem.clone()));
    Ok(match bias {
        Some(b) => {
            let b = ctx.e.convert(&b, elem);
            let bb = ctx.e.broadcast_like(&b, &y, &[last]);
            ctx.e.binary("stablehlo.add", &y, &bb)
        }
        None => y,
    })
}

/// `conv{1,2,3}d(input, weight, bias, stride, padding, dilation, groups)`.
pub fn conv(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    nn::convolution(ctx, &args.with(vec![("transposed", Argument::AsBool(false))]))
}

/// `conv{1,2,3}d.padding`: padding `"valid"` (none) or `"same"` (the output keeps the
/// input's size; PyTorch puts the odd element of the total on the high side, which an
/// explicit pad of the input expresses when the two sides differ).
pub fn conv_padding_str(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let mode = args.opt_str("padding")?.unwrap_or("valid").to_string();
    let x = args.tensor(ctx, "input")?;
    let w = args.tensor(ctx, "weight")?;
    let n = x.rank().checked_sub(2).filter(|&n| n >= 1).ok_or("convolution input must have rank 3 or more")?;
    if w.rank() != x.rank() {
        return Err(format!("convolution weight {} must have the input's rank {}", w.ty, x.rank()).into());
    }
    match mode.as_str() {
        "valid" => conv(ctx, &args.with(vec![("padding", Argument::AsInts(vec![0; n]))])),
        "same" => {
            let dilation = expand_list(args.opt_ints("dilation")?.unwrap_or_else(|| vec![1]), n, "dilation")?;
            let totals: Vec<i64> = (0..n).map(|i| dilation[i] * (w.shape()[2 + i] - 1)).collect();
            if totals.iter().all(|t| t % 2 == 0) {
                let pads = totals.iter().map(|t| t / 2).collect();
                return conv(ctx, &args.with(vec![("padding", Argument::AsInts(pads))]));
            }
            // `stablehlo.pad` takes unknown sizes (the padding is static).
            let mut low = vec![0; x.rank()];
            let mut high = vec![0; x.rank()];
            let mut shape = x.shape().to_vec();
            for i in 0..n {
                low[2 + i] = totals[i] / 2;
                high[2 + i] = totals[i] - totals[i] / 2;
                if shape[2 + i] >= 0 {
                    shape[2 + i] += totals[i];
                }
            }
            let zero = ctx.e.splat(0.0, x.elem(), &[]);
            let attrs = format!(
                "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
                crate::pt2::emit::i64_array(&low),
                crate::pt2::emit::i64_array(&high),
                crate::pt2::emit::i64_array(&vec![0; x.rank()])
            );
            let padded = ctx.e.op("stablehlo.pad", &[&x, &zero], &attrs, tensor(&shape, x.elem().clone()));
            let name = ctx.e.fresh();
            ctx.env.insert(name.clone(), super::Value::Tensor(padded));
            let input = Argument::AsTensor(crate::pt2::schema::TensorArgument { name });
            conv(ctx, &args.with(vec![("input", input), ("padding", Argument::AsInts(vec![0; n]))]))
        }
        other => Err(format!("convolution padding '{other}' is not one of 'valid', 'same'").into()),
    }
}

/// `conv_transpose{1,2,3}d.input(input, weight, bias, stride, padding, output_padding,
/// groups, dilation)`.
pub fn conv_transpose(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    nn::convolution(ctx, &args.with(vec![("transposed", Argument::AsBool(true))]))
}

/// `batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps,
/// cudnn_enabled)`: inference with the running statistics, or the batch's own when
/// there are none.
pub fn batch_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let has_stats = !args.is_none("running_mean") && !args.is_none("running_var");
    match (args.bool("training")?, has_stats) {
        (false, true) => nn::batch_norm_inference(ctx, args),
        (_, false) => nn::batch_norm_batch_stats(ctx, args),
        (true, true) => Err("batch norm in training mode updates its running statistics; export the model in eval() mode".into()),
    }
}

/// `instance_norm(input, weight, bias, running_mean, running_var, use_input_stats,
/// momentum, eps, cudnn_enabled)`: each (sample, channel) normalized over its spatial
/// positions, then the per-channel affine.
pub fn instance_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    if !args.bool("use_input_stats")? {
        return nn::batch_norm_inference(ctx, args);
    }
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &out.elem);
    if x.rank() < 3 {
        return Err(format!("instance norm needs an input of rank 3 or more, got {}", x.ty).into());
    }
    let weight = args.opt_tensor(ctx, "weight")?;
    let bias = args.opt_tensor(ctx, "bias")?;
    let dims: Vec<i64> = (2..x.rank() as i64).collect();
    let (y, _, _) = normalize_over(ctx, &x, &dims, args.float("eps")?);
    Ok(vec![channel_affine(ctx, y, weight, bias)])
}

/// `group_norm(input, num_groups, weight, bias, eps, cudnn_enabled)`.
pub fn group_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let groups = args.int("num_groups")?;
    nn::group_norm(ctx, &args.with(vec![("group", Argument::AsInt(groups))]))
}

/// `dropout(input, p, train)` and its feature/alpha forms: the identity at inference.
pub fn dropout(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    if args.bool("train")? && args.float("p")? > 0.0 {
        return Err("dropout in training mode is random; export the model in eval() mode".into());
    }
    Ok(vec![args.tensor(ctx, "input")?])
}

/// `adaptive_max_pool{1,2,3}d(self, output_size)`: a max pool whose windows tile the
/// input when each output size divides the input size; else (values only) one gather
/// and reduction per dim (`uneven_adaptive_max`).
fn adaptive_max_pool(ctx: &mut Ctx, args: &Args, n: usize) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let out = expand_list(args.ints("output_size")?, n, "output_size")?;
    let lead = x.rank().checked_sub(n).ok_or("adaptive max pool input has too few dims")?;
    if x.shape()[lead..].iter().any(|&d| d < 0) {
        if ctx.output_used(1) {
            return Err("the indices of adaptive max pooling over a dynamic spatial dim are not supported".into());
        }
        let init = reduce::lowest(x.elem());
        return Ok(vec![nn::adaptive_dynamic(ctx, &x, &out, "stablehlo.maximum", init, false)?]);
    }
    let mut kernel = Vec::new();
    for (i, &o) in out.iter().enumerate() {
        let size = x.shape()[lead + i];
        if o <= 0 {
            return Err(format!("adaptive max pooling of size {size} to {o} is not supported").into());
        }
        if size % o != 0 {
            if ctx.output_used(1) {
                return Err(format!("the indices of adaptive max pooling from {size} to {o} (uneven windows) are not supported").into());
            }
            return Ok(vec![uneven_adaptive_max(ctx, &x, &out)?]);
        }
        kernel.push(size / o);
    }
    let set = vec![("kernel_size", Argument::AsInts(kernel.clone())), ("stride", Argument::AsInts(kernel))];
    max_pool(ctx, &args.with(set), n)
}
pub fn adaptive_max_pool1d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    adaptive_max_pool(ctx, args, 1)
}
pub fn adaptive_max_pool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    adaptive_max_pool(ctx, args, 2)
}
pub fn adaptive_max_pool3d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    adaptive_max_pool(ctx, args, 3)
}

/// Adaptive max pooling of the last `outs.len()` (static) dims of `x` where some output
/// size does not divide its input: output `j` of a dim of size `I` pooled to `O` is the
/// maximum of inputs `[floor(j*I/O), ceil((j+1)*I/O))`. The maximum over a box is
/// taken one dim at a time: the dim gathered to `[O, k]` (k the longest window, a
/// shorter window repeating its last input, which leaves its maximum as it is), then
/// reduced over `k`.
fn uneven_adaptive_max(ctx: &mut Ctx, x: &Val, outs: &[i64]) -> LResult<Val> {
    let lead = x.rank() - outs.len();
    let mut y = x.clone();
    for (i, &o) in outs.iter().enumerate() {
        let d = lead + i;
        let size = y.shape()[d];
        if size == o {
            continue;
        }
        let window = |j: i64| ((j * size) / o, ((j + 1) * size + o - 1) / o);
        let k = (0..o).map(|j| window(j).1 - window(j).0).max().unwrap_or(1);
        let table: Vec<i64> = (0..o)
            .flat_map(|j| {
                let (a, b) = window(j);
                (0..k).map(move |t| (a + t).min(b - 1))
            })
            .collect();
        ctx.reserve_constant("the adaptive max pool's window table", table.len() as u128, &ElemTy::I(64))?;
        let idx = ctx.e.const_i64s(&table);
        let g = super::shape::take_in_range(ctx, &y, &idx, d);
        let mut split = g.shape().to_vec();
        split.splice(d..=d, [o, k]);
        let g = ctx.e.reshape(&g, &split);
        y = ctx.e.reduce(&g, &[d as i64 + 1], "stablehlo.maximum", reduce::lowest(g.elem()));
    }
    Ok(y)
}

/// `a @ b` over equal leading (batch) dims: `a` is [..., m, k]; `b` is [..., k, n], or
/// [..., n, k] with `b_transposed`. Computed as one 3-D batched product.
fn batched_matmul(ctx: &mut Ctx, a: &Val, b: &Val, b_transposed: bool, elem: &ElemTy) -> Val {
    let r = a.rank();
    // The ranks come from the archive; the driver reports the error.
    if r < 2 || b.rank() != r {
        ctx.e
            .errors
            .push(format!("a batched matrix product needs operands of one rank, 2 or more; got {} and {}", a.ty, b.ty));
        return a.clone();
    }
    if !a.ty.is_static() || !b.ty.is_static() {
        // All batch dims at once (tfl.batch_matmul takes them): no reshape of unknown dims.
        let nb = r as i64 - 2;
        let batch: Vec<i64> = (0..nb).collect();
        let mut shape: Vec<i64> =
            (0..r - 2).map(|d| if a.shape()[d] >= 0 { a.shape()[d] } else { b.shape()[d] }).collect();
        shape.push(a.shape()[r - 2]);
        shape.push(if b_transposed { b.shape()[r - 2] } else { b.shape()[r - 1] });
        let contract = if b_transposed { nb + 1 } else { nb };
        return dot(ctx, a, b, (&batch, &batch), (&[nb + 1], &[contract]), tensor(&shape, elem.clone()));
    }
    let batch: Vec<i64> = a.shape()[..r - 2].to_vec();
    let count: i64 = batch.iter().product();
    let (m, k) = (a.shape()[r - 2], a.shape()[r - 1]);
    let n = if b_transposed { b.shape()[r - 2] } else { b.shape()[r - 1] };
    let a3 = ctx.e.reshape(a, &[count, m, k]);
    let b3 = ctx.e.reshape(b, &[count, b.shape()[r - 2], b.shape()[r - 1]]);
    let contract = if b_transposed { 2 } else { 1 };
    let y = dot(ctx, &a3, &b3, (&[0], &[0]), (&[2], &[contract]), tensor(&[count, m, n], elem.clone()));
    let mut shape = batch;
    shape.extend([m, n]);
    ctx.e.reshape(&y, &shape)
}

/// `matmul(self, other)` with NumPy semantics: 1-D operands gain a unit dim that the
/// result drops; batch dims broadcast; an N-D @ 2-D product folds the batch into rows.
pub fn matmul(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let b = args.tensor(ctx, "other")?;
    if a.rank() == 0 || b.rank() == 0 {
        return Err("matmul of a 0-d tensor is not defined".into());
    }
    if !a.ty.is_static() || !b.ty.is_static() {
        return Ok(vec![matmul_dynamic(ctx, &a, &b, &out.elem)?]);
    }
    let a = if a.rank() == 1 { ctx.e.reshape(&a, &[1, a.shape()[0]]) } else { a };
    let b = if b.rank() == 1 { ctx.e.reshape(&b, &[b.shape()[0], 1]) } else { b };
    let (ra, rb) = (a.rank(), b.rank());
    let (m, k, n) = (a.shape()[ra - 2], a.shape()[ra - 1], b.shape()[rb - 1]);
    if b.shape()[rb - 2] != k {
        return Err(format!("matmul of {} and {}: inner sizes differ", a.ty, b.ty).into());
    }
    let y = if rb == 2 {
        let rows: i64 = a.shape()[..ra - 1].iter().product();
        let a2 = ctx.e.reshape(&a, &[rows, k]);
        dot(ctx, &a2, &b, (&[], &[]), (&[1], &[0]), tensor(&[rows, n], out.elem.clone()))
    } else {
        let batch = broadcast_shapes(&a.shape()[..ra - 2], &b.shape()[..rb - 2])?;
        let full = |ctx: &mut Ctx, v: &Val, tail: [i64; 2]| {
            let mut s = batch.clone();
            s.extend(tail);
            ctx.e.broadcast_to(v, &s)
        };
        let a = full(ctx, &a, [m, k]);
        let b = full(ctx, &b, [k, n]);
        batched_matmul(ctx, &a, &b, false, &out.elem)
    };
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `matmul` with unknown dims: an N-D @ 2-D product is one `dot_general` over the
/// lhs's last dim (the `fully_connected` form, no reshape); otherwise batch dims broadcast
/// (a unit dim takes the other side's size, two unknown ones are the same size, as
/// torch.export guarantees) and one `dot_general` takes them all.
fn matmul_dynamic(ctx: &mut Ctx, a: &Val, b: &Val, elem: &ElemTy) -> LResult<Val> {
    let (a1, b1) = (a.rank() == 1, b.rank() == 1);
    let a = if a1 { ctx.e.reshape_ext(a, &[Extent::Known(1), ctx.e.extent(a, 0)]) } else { a.clone() };
    let b = if b1 { ctx.e.reshape_ext(b, &[ctx.e.extent(b, 0), Extent::Known(1)]) } else { b.clone() };
    let (ra, rb) = (a.rank(), b.rank());
    let (ka, kb) = (a.shape()[ra - 1], b.shape()[rb - 2]);
    if ka >= 0 && kb >= 0 && ka != kb {
        return Err(format!("matmul of {} and {}: inner sizes differ", a.ty, b.ty).into());
    }
    let mut result: Vec<Extent>;
    let y = if rb == 2 {
        // [..., K] x [K, N]: one dot_general, no reshape (a broadcasting batch_matmul).
        result = ctx.e.extents(&a)[..ra - 1].to_vec();
        let n = ctx.e.extent(&b, 1);
        result.push(n);
        dot(ctx, &a, &b, (&[], &[]), (&[ra as i64 - 1], &[0]), tensor(&pattern(&result), elem.clone()))
    } else {
        let (ea, eb) = (ctx.e.extents(&a), ctx.e.extents(&b));
        let nb = (ra - 2).max(rb - 2);
        let batch: Vec<Extent> = (0..nb)
            .map(|i| {
                let x = (i + ra - 2).checked_sub(nb).map(|j| ea[j].clone());
                let y = (i + rb - 2).checked_sub(nb).map(|j| eb[j].clone());
                match (x, y) {
                    (Some(x), None) => Ok(x),
                    (None, Some(y)) => Ok(y),
                    (Some(x), Some(y)) => match (x.known(), y.known()) {
                        (1, _) => Ok(y),
                        (_, 1) => Ok(x),
                        (p, q) if p >= 0 && q >= 0 && p != q => Err(LowerError::from(format!("matmul of {} and {}: batch sizes {p} and {q} do not broadcast", a.ty, b.ty))),
                        (p, _) if p >= 0 => Ok(x),
                        _ => Ok(y),
                    },
                    (None, None) => unreachable!("i < nb"),
                }
            })
            .collect::<LResult<_>>()?;
        let full = |ctx: &mut Ctx, v: &Val, e: &[Extent]| -> Val {
            let r = v.rank();
            let target = pattern(&batch);
            let same = r - 2 == nb && (0..nb).all(|i| v.shape()[i] == target[i] || (v.shape()[i] < 0 && target[i] < 0));
            if same {
                return v.clone();
            }
            let mut ex = batch.clone();
            ex.extend_from_slice(&e[r - 2..]);
            ctx.e.broadcast_to_ext(v, &ex)
        };
        let a = full(ctx, &a, &ea);
        let b = full(ctx, &b, &eb);
        result = batch;
        result.push(ea[ra - 2].clone());
        result.push(eb[rb - 1].clone());
        batched_matmul(ctx, &a, &b, false, elem)
    };
    // Drop the unit dims the 1-D operands gained.
    if a1 || b1 {
        let n = result.len();
        let keep: Vec<Extent> =
            result.into_iter().enumerate().filter(|(i, _)| !(b1 && *i == n - 1 || a1 && *i == n - 2)).map(|(_, e)| e).collect();
        return Ok(ctx.e.reshape_ext(&y, &keep));
    }
    Ok(y)
}

/// The NumPy broadcast of two shapes, or an error naming them.
fn broadcast_shapes(a: &[i64], b: &[i64]) -> LResult<Vec<i64>> {
    edge_dialects::rules::broadcast_shapes(a, b).ok_or_else(|| format!("shapes {a:?} and {b:?} do not broadcast").into())
}


/// Softmax over the last dim (max-shifted), in `x`'s type.
fn softmax_last(ctx: &mut Ctx, x: &Val) -> Val {
    let r = x.rank() as i64;
    let kept: Vec<i64> = (0..r - 1).collect();
    let m = ctx.e.reduce(x, &[r - 1], "stablehlo.maximum", f64::NEG_INFINITY);
    let mb = ctx.e.broadcast_like(&m, x, &kept);
    let shifted = ctx.e.binary("stablehlo.subtract", x, &mb);
    let e = ctx.e.unary("stablehlo.exponential", &shifted);
    let s = ctx.e.reduce(&e, &[r - 1], "stablehlo.add", 0.0);
    let sb = ctx.e.broadcast_like(&s, x, &kept);
    ctx.e.binary("stablehlo.divide", &e, &sb)
}

/// Softmax over the last dim as an `aten._softmax` composite (TFLite's SOFTMAX; the
/// decomposed form over unknown sizes has run-time broadcasts no pattern recognizes),
/// or decomposed when the composite cannot be built.
fn softmax_kept(ctx: &mut Ctx, x: &Val) -> Val {
    let name = ctx.e.fresh();
    let attrs = [format!("dim = {} : i64", x.rank() as i64 - 1), "half_to_float = false".to_string()];
    let build = |ctx: &mut Ctx| -> LResult<Vec<Val>> {
        let x = ctx.tensor(&name)?;
        Ok(vec![softmax_last(ctx, &x)])
    };
    match super::as_composite::composite(ctx, "aten._softmax", &attrs, &[name.as_str()], std::slice::from_ref(x), build) {
        Some(mut v) => v.remove(0),
        None => softmax_last(ctx, x),
    }
}

/// The most elements of the constant causal mask attention cuts to the run-time
/// lengths (1M floats: 4 MB); longer ranges build the mask at run time.
const MAX_CAUSAL_TABLE: i64 = 1 << 20;

/// The largest size dim `d` of tensor argument `name` takes: its recorded size's bound
/// under the export's ranges (`None` when unbounded or unknown).
pub(super) fn max_size(ctx: &Ctx, args: &Args, name: &str, d: usize) -> Option<i64> {
    use crate::pt2::sym::{self, Expr, SymDim};
    let dims = ctx.e.recorded_dims(args.tensor_name(name)?)?;
    let e = match dims.get(d)? {
        SymDim::Static(n) => return Some(*n),
        SymDim::Dynamic(e) => e,
    };
    let ranges = &ctx.program.ep.range_constraints;
    let recorded: Vec<(Expr, &crate::pt2::schema::RangeConstraint)> =
        ranges.iter().filter_map(|(k, r)| sym::parse(k).ok().map(|x| (x, r))).collect();
    if let Some((_, r)) = recorded.iter().find(|(x, _)| x == e) {
        return r.max_val;
    }
    let symbol = |s: &str| match recorded.iter().find(|(x, _)| matches!(x, Expr::Sym(n) if n == s)) {
        Some((_, r)) => (Some(r.min_val.unwrap_or(0)), r.max_val),
        None => (Some(0), None),
    };
    e.bounds(&symbol).1
}

/// `scaled_dot_product_attention(query, key, value, attn_mask, dropout_p, is_causal,
/// scale, enable_gqa)`: softmax(q k^T * scale + mask) v, PyTorch's math path.
pub fn scaled_dot_product_attention(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let q = args.tensor(ctx, "query")?;
    let mut k = args.tensor(ctx, "key")?;
    let mut v = args.tensor(ctx, "value")?;
    if args.float("dropout_p")? != 0.0 {
        return Err("scaled_dot_product_attention with dropout_p > 0 is random; export the model in eval() mode".into());
    }
    let r = q.rank();
    if r < 2 || k.rank() != r || v.rank() != r {
        return Err(format!("attention operands {}, {}, {} must have one rank of 2 or more", q.ty, k.ty, v.ty).into());
    }
    let e = q.shape()[r - 1];
    // Grouped-query attention: each key/value head serves a run of `g` adjacent query
    // heads; a single key/value head without enable_gqa is a broadcast batch dim
    // (multi-query attention; PyTorch's math path broadcasts it). Over static query
    // heads the run is folded into the query's rows ([.., Hk, g*L, E]), so both
    // products read k and v as they are (no broadcast); else k and v are repeated.
    let gqa = args.bool("enable_gqa")?;
    let mut fold = None;
    if r >= 3 && k.shape()[r - 3] != q.shape()[r - 3] && (gqa || q.shape()[r - 3] != 1) {
        let (hq, hk, hv) = (q.shape()[r - 3], k.shape()[r - 3], v.shape()[r - 3]);
        if (!gqa && hk != 1) || hk <= 0 || hq % hk != 0 || hv != hk {
            return Err(format!("attention with {hq} query heads and {hk} key heads needs enable_gqa and a divisor (or one key head, broadcast)").into());
        }
        if q.shape()[r - 3..].iter().all(|&d| d >= 0) {
            fold = Some((hk, hq / hk));
        } else {
            for t in [&mut k, &mut v] {
                let mut grouped = ctx.e.extents(t);
                grouped.insert(r - 2, Extent::Known(hq / hk));
                let dims: Vec<i64> = (0..r as i64 + 1).filter(|&d| d != r as i64 - 2).collect();
                let b = ctx.e.broadcast_in_dim_ext(t, &grouped, &dims);
                let mut merged = ctx.e.extents(t);
                merged[r - 3] = Extent::Known(hq);
                *t = ctx.e.reshape_ext(&b, &merged);
            }
        }
    }
    // q (heads folded) with its rows in place of its length and heads.
    let folded = |ctx: &mut Ctx, t: &Val, rows: i64| -> Val {
        let Some((hk, _)) = fold else { return t.clone() };
        let mut ex = ctx.e.extents(t);
        ex[r - 3] = Extent::Known(hk);
        ex[r - 2] = Extent::Known(rows);
        ctx.e.reshape_ext(t, &ex)
    };
    let l = q.shape()[r - 2];
    let q_rows = fold.map_or(l, |(_, g)| g * l);
    let qf = folded(ctx, &q, q_rows);
    // q, k and v over their common batch dims (a unit dim broadcast; unknown ones are
    // q's sizes).
    let mut batch: Vec<Extent> = ctx.e.extents(&qf)[..r - 2].to_vec();
    for t in [&k, &v] {
        for (i, e) in ctx.e.extents(t)[..r - 2].iter().enumerate() {
            if matches!(batch[i], Extent::Known(1)) && !matches!(e, Extent::Known(1)) {
                batch[i] = e.clone();
            }
        }
    }
    let over_batch = |ctx: &mut Ctx, t: &Val| -> Val {
        let mut ex = batch.clone();
        ex.extend(ctx.e.extents(t)[r - 2..].iter().cloned());
        let (have, want) = (t.shape(), pattern(&ex));
        if (0..r).all(|i| have[i] == want[i] || (have[i] < 0 && want[i] < 0)) && !(t.ty.is_static() && have != want.as_slice()) {
            return t.clone();
        }
        ctx.e.broadcast_to_ext(t, &ex)
    };
    let qf = over_batch(ctx, &qf);
    let k = over_batch(ctx, &k);
    let v = over_batch(ctx, &v);
    let scale = args.opt_scalar("scale")?.map(|s| s.as_f64()).unwrap_or(1.0 / (e as f64).sqrt());
    let elem = out.elem.clone();
    let qs = ctx.e.splat_like(scale, &elem, &qf);
    let qf = ctx.e.convert(&qf, &elem);
    let qf = ctx.e.binary("stablehlo.multiply", &qf, &qs);
    let mut scores = batched_matmul(ctx, &qf, &k, true, &elem);
    // Scores per query head ([.., Hq, L, S]) for the masks and the softmax.
    if let Some((hk, g)) = fold {
        let mut ex = ctx.e.extents(&scores);
        ex[r - 3] = Extent::Known(hk * g);
        ex[r - 2] = Extent::Known(l);
        scores = ctx.e.reshape_ext(&scores, &ex);
    }
    let score_ex = ctx.e.extents(&scores);
    let neg_inf = ctx.e.splat_ext(f64::NEG_INFINITY, &elem, &score_ex);
    let square = [ctx.e.extent(&q, r - 2), ctx.e.extent(&k, r - 2)];
    let causal = args.bool("is_causal")?;
    let bounded = match (max_size(ctx, args, "query", r - 2), max_size(ctx, args, "key", r - 2)) {
        (Some(ml), Some(ms)) if ml.saturating_mul(ms) <= MAX_CAUSAL_TABLE => Some((ml, ms)),
        _ => None,
    };
    if causal && pattern(&square).iter().any(|&d| d < 0) && bounded.is_some() {
        // Over lengths with a recorded maximum: the additive mask (0 where j <= i, -inf
        // elsewhere) of the longest sequences, cut to [L, S] at run time: one slice
        // instead of two ranges and a compare per run.
        let (ml, ms) = bounded.expect("checked");
        let table: Vec<f64> = (0..ml).flat_map(|i| (0..ms).map(move |j| if j <= i { 0.0 } else { f64::NEG_INFINITY })).collect();
        let c = ctx.e.const_floats(&table, &elem, &[ml, ms]);
        let zeros = [Extent::Known(0), Extent::Known(0)];
        let ones = [Extent::Known(1), Extent::Known(1)];
        let (st, lim, step) = (ctx.e.extents_tensor(&zeros), ctx.e.extents_tensor(&square), ctx.e.extents_tensor(&ones));
        let m = ctx.e.op("stablehlo.real_dynamic_slice", &[&c, &st, &lim, &step], "", tensor(&pattern(&square), elem.clone()));
        let m = ctx.e.broadcast_to_ext(&m, &score_ex);
        scores = ctx.e.binary("stablehlo.add", &scores, &m);
    } else if causal {
        // Row i keeps columns j <= i; over an unknown length the mask is built at run time.
        let index = if pattern(&square).iter().all(|&d| d >= 0) { ElemTy::I(64) } else { crate::pt2::emit::SIZE };
        let rows = ctx.e.iota_ext(&square, 0, &index);
        let cols = ctx.e.iota_ext(&square, 1, &index);
        let keep = ctx.e.compare("LE", &cols, &rows);
        let keep = ctx.e.broadcast_to_ext(&keep, &score_ex);
        scores = ctx.e.select(&keep, &scores, &neg_inf);
    }
    if let Some(mask) = args.opt_tensor(ctx, "attn_mask")? {
        let mask = ctx.e.broadcast_to_ext(&mask, &score_ex);
        scores = if mask.elem().is_bool() {
            ctx.e.select(&mask, &scores, &neg_inf)
        } else {
            let mask = ctx.e.convert(&mask, &elem);
            ctx.e.binary("stablehlo.add", &scores, &mask)
        };
    }
    let p = if scores.ty.is_static() { softmax_last(ctx, &scores) } else { softmax_kept(ctx, &scores) };
    let p = folded(ctx, &p, q_rows);
    let y = batched_matmul(ctx, &p, &v, false, &elem);
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `masked_fill(self, mask, value)`: `value` where `mask`, else `self`.
pub fn masked_fill(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let mask = args.tensor(ctx, "mask")?;
    let value = args.tensor_or_scalar(ctx, "value", &out.elem)?;
    let value = ctx.e.convert(&value, &out.elem);
    let value = ctx.e.broadcast_to(&value, out.dims());
    let mask = ctx.e.broadcast_to(&mask, out.dims());
    let x = ctx.e.convert(&x, &out.elem);
    let x = ctx.e.broadcast_to(&x, out.dims());
    Ok(vec![ctx.e.select(&mask, &value, &x)])
}

/// `fill.Tensor(self, value)`: `value` (a 0-d tensor) everywhere.
pub fn fill_tensor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let v = args.tensor(ctx, "value")?;
    let v = ctx.e.convert(&v, &out.elem);
    Ok(vec![ctx.e.broadcast_to(&v, out.dims())])
}

/// `narrow(self, dim, start, length)`: a slice.
pub fn narrow(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    if x.rank() == 0 {
        return Err("narrow needs a tensor of rank 1 or more".into());
    }
    let dim = args.dim("dim", x.rank())?;
    let size = x.shape()[dim as usize];
    if let Some(shape::IntArg::Dynamic(start)) = shape::int_arg(ctx, args, "start")? {
        // A run-time start (`cache.narrow(2, input_pos[0].item(), t)`): one
        // dynamic_slice of `length`, its start clamped into bounds as PyTorch checks it is.
        let length = args.int("length")?;
        if !x.ty.is_static() || length < 0 || length > size {
            return Err(format!("narrow at a run-time start needs static sizes and 0 <= length <= {size}, got {length}").into());
        }
        let zero = ctx.e.splat(0.0, &crate::pt2::emit::SIZE, &[]);
        let starts: Vec<Val> = (0..x.rank()).map(|d| if d == dim as usize { start.clone() } else { zero.clone() }).collect();
        let mut sizes = x.shape().to_vec();
        sizes[dim as usize] = length;
        let mut operands = vec![&x];
        operands.extend(starts.iter());
        let attrs = format!("slice_sizes = {}", crate::pt2::emit::i64_array(&sizes));
        return Ok(vec![ctx.e.op("stablehlo.dynamic_slice", &operands, &attrs, tensor(&sizes, x.elem().clone()))]);
    }
    let start = args.int("start")?;
    let start = if start < 0 { start + size } else { start };
    // The slice clamps both bounds to the dim; saturating keeps a huge length from overflowing.
    let end = start.saturating_add(args.int("length")?);
    let set = vec![("dim", Argument::AsInt(dim)), ("start", Argument::AsInt(start)), ("end", Argument::AsInt(end))];
    shape::slice(ctx, &args.with(set))
}

/// `stack(tensors, dim)`: each tensor with a unit dim at `dim`, concatenated.
pub fn stack(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let xs = args.tensors(ctx, "tensors")?;
    let dim = args.dim_or("dim", 0, out.dims().len())? as usize;
    if let Some(x) = xs.iter().find(|x| x.rank() + 1 != out.dims().len()) {
        return Err(format!("stacking {} into the recorded result {out} would not add one dim", x.ty).into());
    }
    let parts: Vec<Val> = xs
        .iter()
        .map(|x| {
            let x = ctx.e.convert(x, &out.elem);
            if !x.ty.is_static() {
                // Unknown sizes read from the tensor itself.
                let mut ex = ctx.e.extents(&x);
                ex.insert(dim, Extent::Known(1));
                return ctx.e.reshape_ext(&x, &ex);
            }
            let mut s = x.shape().to_vec();
            s.insert(dim, 1);
            ctx.e.reshape(&x, &s)
        })
        .collect();
    let refs: Vec<&Val> = parts.iter().collect();
    Ok(vec![ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {dim} : i64"), out)])
}

/// `unbind(self, dim)`: one `select` per output.
pub fn unbind(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim_or("dim", 0, x.rank())?;
    let n = x.shape()[dim as usize];
    if n < 0 {
        return Err("unbind over a dynamic dimension is not supported".into());
    }
    let all = ctx.outputs.clone();
    // One op per piece: the node's own output list bounds the work, not the archive's sizes.
    if n as usize > all.len() {
        return Err(format!("unbind into {n} pieces, but the node lists {} outputs", all.len()).into());
    }
    let mut outs = Vec::new();
    for i in 0..n as usize {
        ctx.outputs = vec![all.get(i).cloned().flatten()];
        let set = vec![("dim", Argument::AsInt(dim)), ("index", Argument::AsInt(i as i64))];
        let sel = shape::select_int(ctx, &args.with(set));
        outs.push(sel?.remove(0));
    }
    ctx.outputs = all;
    Ok(outs)
}

/// `roll(self, shifts, dims)`: per dim, the last `shift` elements moved to the front
/// (two slices and a concatenation); with no dims, over the flattened tensor.
pub fn roll(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let shifts = args.ints("shifts")?;
    if !x.ty.is_static() {
        return roll_dynamic(ctx, args, &x, &shifts);
    }
    let dims = args.opt_ints("dims")?.unwrap_or_default();
    let (mut y, dims) = if dims.is_empty() {
        if shifts.len() != 1 {
            return Err("roll without dims takes one shift".into());
        }
        let n: i64 = x.shape().iter().product();
        (ctx.e.reshape(&x, &[n]), vec![0])
    } else {
        if dims.len() != shifts.len() {
            return Err(format!("roll has {} shifts for {} dims", shifts.len(), dims.len()).into());
        }
        (x.clone(), dims)
    };
    for (&shift, &d) in shifts.iter().zip(&dims) {
        let d = norm_dim(d, y.rank())? as usize;
        let size = y.shape()[d];
        if size == 0 {
            continue;
        }
        let s = shift.rem_euclid(size);
        if s == 0 {
            continue;
        }
        let tail = ctx.e.slice_dim(&y, d, size - s, s);
        let head = ctx.e.slice_dim(&y, d, 0, size - s);
        y = ctx.e.op("stablehlo.concatenate", &[&tail, &head], &format!("dimension = {d} : i64"), y.ty.clone());
    }
    Ok(vec![ctx.e.reshape(&y, x.shape())])
}

/// `roll` over a tensor with unknown sizes: the same two slices and concatenation, the
/// split point `size - shift mod size` computed at run time for an unknown dim.
fn roll_dynamic(ctx: &mut Ctx, args: &Args, x: &Val, shifts: &[i64]) -> LResult<Vec<Val>> {
    let dims = args.opt_ints("dims")?.unwrap_or_default();
    let x_ex = ctx.e.extents(x);
    let (mut y, dims) = if dims.is_empty() {
        if shifts.len() != 1 {
            return Err("roll without dims takes one shift".into());
        }
        let n = ctx.e.extent_product(&x_ex);
        (ctx.e.reshape_ext(x, &[n]), vec![0])
    } else {
        if dims.len() != shifts.len() {
            return Err(format!("roll has {} shifts for {} dims", shifts.len(), dims.len()).into());
        }
        (x.clone(), dims)
    };
    for (&shift, &d) in shifts.iter().zip(&dims) {
        let d = norm_dim(d, y.rank())? as usize;
        let n = ctx.e.extent(&y, d);
        let split = match n.known() {
            0 => continue,
            k if k > 0 => match shift.rem_euclid(k) {
                0 => continue,
                s => Extent::Known(k - s),
            },
            _ => {
                // size - ((shift mod size) + size) mod size, as i32 sizes.
                let size = ctx.e.extent_value(&n);
                let sh = ctx.e.splat(shift as f64, &crate::pt2::emit::SIZE, &[]);
                let m = ctx.e.binary("stablehlo.remainder", &sh, &size);
                let m = ctx.e.binary("stablehlo.add", &m, &size);
                let m = ctx.e.binary("stablehlo.remainder", &m, &size);
                Extent::Run(ctx.e.binary("stablehlo.subtract", &size, &m))
            }
        };
        let tail = ctx.e.slice_range_ext(&y, d, &split, &n);
        let head = ctx.e.slice_range_ext(&y, d, &Extent::Known(0), &split);
        y = ctx.e.op("stablehlo.concatenate", &[&tail, &head], &format!("dimension = {d} : i64"), y.ty.clone());
    }
    Ok(vec![ctx.e.reshape_ext(&y, &x_ex)])
}

/// `pad(self, pad, mode, value)`: the constant, reflect and replicate modes.
pub fn pad(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let mode = args.opt_str("mode")?.unwrap_or("constant").to_string();
    let pad = args.ints("pad")?;
    if mode == "reflect" || mode == "replicate" {
        let x = args.tensor(ctx, "self")?;
        if !x.ty.is_static() {
            return Ok(vec![edge_pad_dynamic(ctx, &x, &pad, mode == "reflect")?]);
        }
    }
    let pads = Argument::AsInts(pad);
    match mode.as_str() {
        "constant" => shape::constant_pad_nd(ctx, args),
        "reflect" => shape::reflection_pad(ctx, &args.with(vec![("padding", pads)])),
        "replicate" => shape::replication_pad(ctx, &args.with(vec![("padding", pads)])),
        other => Err(format!("pad mode '{other}' is not supported yet").into()),
    }
}

/// Reflect (`reflect`) or replicate padding of `x` with unknown sizes, pairs (low, high)
/// from the last dim backwards: per dim, the low and high borders are slices of `x`
/// with run-time bounds, reversed (reflect: the edge itself not repeated) or broadcast
/// from the edge element (replicate), concatenated around it.
fn edge_pad_dynamic(ctx: &mut Ctx, x: &Val, pad: &[i64], reflect: bool) -> LResult<Val> {
    let what = if reflect { "reflection" } else { "replication" };
    if !pad.len().is_multiple_of(2) || pad.len() / 2 > x.rank() || pad.iter().any(|&p| p < 0) {
        return Err(format!("{what} padding {pad:?} does not fit {} (pairs of non-negative sizes)", x.ty).into());
    }
    let mut y = x.clone();
    for (i, pair) in pad.chunks(2).enumerate() {
        let axis = y.rank() - 1 - i;
        let (lo, hi) = (pair[0], pair[1]);
        if lo == 0 && hi == 0 {
            continue;
        }
        let n = ctx.e.extent(&y, axis);
        if reflect && n.known() >= 0 && (lo >= n.known() || hi >= n.known()) {
            return Err(format!("reflection padding ({lo}, {hi}) must be smaller than the dimension size {}", n.known()).into());
        }
        let border = |ctx: &mut Ctx, y: &Val, k: i64, low: bool| -> Val {
            if reflect {
                // Low: x[1 .. k + 1] reversed; high: x[n - 1 - k .. n - 1] reversed.
                let (a, b) = if low {
                    (Extent::Known(1), Extent::Known(k + 1))
                } else {
                    (ctx.e.extent_add(&n, -1 - k), ctx.e.extent_add(&n, -1))
                };
                let s = ctx.e.slice_range_ext(y, axis, &a, &b);
                ctx.e.op("stablehlo.reverse", &[&s], &format!("dimensions = array<i64: {axis}>"), s.ty.clone())
            } else {
                let (a, b) = if low { (Extent::Known(0), Extent::Known(1)) } else { (ctx.e.extent_add(&n, -1), n.clone()) };
                let s = ctx.e.slice_range_ext(y, axis, &a, &b);
                if k == 1 {
                    return s;
                }
                let mut wide = ctx.e.extents(y);
                wide[axis] = Extent::Known(k);
                let dims: Vec<i64> = (0..y.rank() as i64).collect();
                ctx.e.broadcast_in_dim_ext(&s, &wide, &dims)
            }
        };
        let mut parts = Vec::new();
        if lo > 0 {
            parts.push(border(ctx, &y, lo, true));
        }
        parts.push(y.clone());
        if hi > 0 {
            parts.push(border(ctx, &y, hi, false));
        }
        let mut shape = y.shape().to_vec();
        if shape[axis] >= 0 {
            shape[axis] += lo + hi;
        }
        let refs: Vec<&Val> = parts.iter().collect();
        y = ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {axis} : i64"), tensor(&shape, y.elem().clone()));
    }
    Ok(y)
}

/// `pixel_shuffle(self, upscale_factor)`: [.., C*r*r, H, W] -> [.., C, H*r, W*r].
pub fn pixel_shuffle(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let rf = args.int_at_least("upscale_factor", 1)?;
    let r = x.rank();
    if r < 3 || x.shape()[r - 3] < 0 {
        return Err(format!("pixel_shuffle needs rank 3 or more and static channels, got {}", x.ty).into());
    }
    let rr = rf.checked_mul(rf).filter(|&rr| x.shape()[r - 3] % rr == 0).ok_or_else(|| {
        format!("argument 'upscale_factor' is {rf}; its square must divide the {} channels", x.shape()[r - 3])
    })?;
    // Unknown batch or spatial sizes are read from the input (Extent::Dim).
    let ex = ctx.e.extents(&x);
    let lead = ex[..r - 3].to_vec();
    let (c, h, w) = (Extent::Known(x.shape()[r - 3] / rr), ex[r - 2].clone(), ex[r - 1].clone());
    let k = Extent::Known(rf);
    let split = [lead.clone(), vec![c.clone(), k.clone(), k.clone(), h.clone(), w.clone()]].concat();
    let y = ctx.e.reshape_ext(&x, &split);
    let l = lead.len() as i64;
    let mut perm: Vec<i64> = (0..l).collect();
    perm.extend([l, l + 3, l + 1, l + 4, l + 2]);
    let y = ctx.e.transpose(&y, &perm);
    if out.is_static() {
        return Ok(vec![ctx.e.reshape(&y, out.dims())]);
    }
    let (hr, wr) = (ctx.e.extent_product(&[h, k.clone()]), ctx.e.extent_product(&[w, k]));
    Ok(vec![ctx.e.reshape_ext(&y, &[lead, vec![c, hr, wr]].concat())])
}

/// `pixel_unshuffle(self, downscale_factor)`: [.., C, H*r, W*r] -> [.., C*r*r, H, W].
pub fn pixel_unshuffle(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let rf = args.int_at_least("downscale_factor", 1)?;
    let r = x.rank();
    if r < 3 || x.shape()[r - 3] < 0 {
        return Err(format!("pixel_unshuffle needs rank 3 or more and static channels, got {}", x.ty).into());
    }
    // Unknown sizes: the spatial ones divided by the factor at run time.
    let ex = ctx.e.extents(&x);
    let lead = ex[..r - 3].to_vec();
    let c = Extent::Known(x.shape()[r - 3]);
    let (h, w) = (ctx.e.extent_div(&ex[r - 2], rf), ctx.e.extent_div(&ex[r - 1], rf));
    let k = Extent::Known(rf);
    let y = ctx.e.reshape_ext(&x, &[lead.clone(), vec![c, h.clone(), k.clone(), w.clone(), k]].concat());
    let l = lead.len() as i64;
    let mut perm: Vec<i64> = (0..l).collect();
    perm.extend([l, l + 2, l + 4, l + 1, l + 3]);
    let y = ctx.e.transpose(&y, &perm);
    if out.is_static() {
        return Ok(vec![ctx.e.reshape(&y, out.dims())]);
    }
    let crr = Extent::Known(x.shape()[r - 3] * rf * rf);
    Ok(vec![ctx.e.reshape_ext(&y, &[lead, vec![crr, h, w]].concat())])
}

/// `std.*`: the square root of the matching `var`.
pub fn std(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let v = reduce::var(ctx, args)?.remove(0);
    Ok(vec![ctx.e.unary("stablehlo.sqrt", &v)])
}

/// `log1p(exp(beta * x)) / beta`, or `x` where `beta * x > threshold` (PyTorch's
/// linear region).
fn softplus_of(ctx: &mut Ctx, x: &Val, beta: f64, threshold: f64) -> Val {
    let (elem, shape) = (x.elem().clone(), x.shape().to_vec());
    let b = ctx.e.splat(beta, &elem, &shape);
    let bx = ctx.e.binary("stablehlo.multiply", x, &b);
    let t = ctx.e.splat(threshold, &elem, &shape);
    let linear = ctx.e.compare("GT", &bx, &t);
    let e = ctx.e.unary("stablehlo.exponential", &bx);
    let l = ctx.e.unary("stablehlo.log_plus_one", &e);
    let y = ctx.e.binary("stablehlo.divide", &l, &b);
    ctx.e.select(&linear, x, &y)
}

/// `softplus(self, beta, threshold)`.
pub fn softplus(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    Ok(vec![softplus_of(ctx, &x, args.float("beta")?, args.float("threshold")?)])
}

/// `mish(self)`: `x * tanh(softplus(x))`.
pub fn mish(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let sp = softplus_of(ctx, &x, 1.0, 20.0);
    let t = ctx.e.unary("stablehlo.tanh", &sp);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &x, &t)])
}

/// `log_sigmoid(self)`: `min(x, 0) - log1p(exp(-|x|))`, which neither overflows nor
/// loses the tail.
pub fn log_sigmoid(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let zero = ctx.e.splat(0.0, x.elem(), x.shape());
    let m = ctx.e.binary("stablehlo.minimum", &x, &zero);
    let a = ctx.e.unary("stablehlo.abs", &x);
    let na = ctx.e.unary("stablehlo.negate", &a);
    let e = ctx.e.unary("stablehlo.exponential", &na);
    let l = ctx.e.unary("stablehlo.log_plus_one", &e);
    Ok(vec![ctx.e.binary("stablehlo.subtract", &m, &l)])
}

/// `glu(self, dim)`: first half times the sigmoid of the second half.
pub fn glu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = float_operand(ctx, args)?;
    let dim = args.dim_or("dim", -1, x.rank())? as usize;
    super::check_out_rank(&out, x.rank())?;
    let half = out.dims()[dim];
    let (a, b) = if x.ty.is_static() {
        (ctx.e.slice_dim(&x, dim, 0, half), ctx.e.slice_dim(&x, dim, half, half))
    } else {
        // Unknown sizes: the halves' bounds read (or computed) at run time.
        let n = ctx.e.extent(&x, dim);
        let h = ctx.e.extent_div(&n, 2);
        (ctx.e.slice_range_ext(&x, dim, &Extent::Known(0), &h), ctx.e.slice_range_ext(&x, dim, &h, &n))
    };
    let s = ctx.e.unary("stablehlo.logistic", &b);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &a, &s)])
}

/// `linalg_vector_norm(self, ord, dim, keepdim, dtype)`.
pub fn vector_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    let ord = args.opt_scalar("ord")?.map(|s| s.as_f64()).unwrap_or(2.0);
    let dims: Vec<i64> = match args.opt_ints("dim")? {
        Some(d) if !d.is_empty() => d.iter().map(|&d| norm_dim(d, x.rank())).collect::<LResult<_>>()?,
        _ => (0..x.rank() as i64).collect(),
    };
    let y = p_norm(ctx, &x, &dims, ord);
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `einsum(equation, tensors)`: operands contracted pairwise, left to right; each pair
/// is one batched `dot_general` (shared letters kept by the output or a later operand
/// are batch dims, other shared letters contract), letters only one operand has and
/// nothing later needs are summed first.
pub fn einsum(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let equation = args.opt_str("equation")?.ok_or("einsum needs an equation")?.replace(' ', "");
    let xs = args.tensors(ctx, "tensors")?;
    let (lhs, rhs) = match equation.split_once("->") {
        Some((l, r)) => (l.to_string(), Some(r.to_string())),
        None => (equation.clone(), None),
    };
    let specs: Vec<&str> = lhs.split(',').collect();
    if specs.len() != xs.len() {
        return Err(format!("einsum '{equation}' names {} operands, got {}", specs.len(), xs.len()).into());
    }
    // Ellipses become letters no equation uses (upper case ones past those used).
    let ell_rank = specs.iter().zip(&xs).map(|(s, x)| x.rank().saturating_sub(s.chars().filter(|c| *c != '.').count())).max().unwrap_or(0);
    let spare: Vec<char> = ('A'..='Z').chain('a'..='z').filter(|c| !equation.contains(*c)).take(ell_rank).collect();
    let expand = |s: &str, rank: usize| -> LResult<Vec<char>> {
        let letters = s.chars().filter(|c| *c != '.').count();
        if s.contains("...") {
            let n = rank.checked_sub(letters).ok_or_else(|| format!("einsum term '{s}' has more letters than its operand's rank {rank}"))?;
            let (a, b) = s.split_once("...").ok_or("einsum: an ellipsis vanished")?;
            // The output's ellipsis may claim more dims than any operand's, and the
            // equation may leave too few spare letters: both are a bad equation.
            let tail = ell_rank.checked_sub(n).and_then(|k| spare.get(k..)).filter(|t| t.len() == n).ok_or_else(|| {
                format!("einsum term '{s}' has an ellipsis of {n} dims, which the operands' ellipses ({ell_rank} dims) do not cover")
            })?;
            Ok(a.chars().chain(tail.iter().copied()).chain(b.chars()).collect())
        } else if letters != rank {
            Err(format!("einsum term '{s}' has {letters} letters for a rank-{rank} operand").into())
        } else {
            Ok(s.chars().collect())
        }
    };
    let mut terms: Vec<Vec<char>> = specs.iter().zip(&xs).map(|(s, x)| expand(s, x.rank())).collect::<LResult<_>>()?;
    let output: Vec<char> = match rhs {
        Some(r) => expand(&r, out.dims().len())?,
        None => {
            let mut once: Vec<char> = terms.iter().flatten().copied().filter(|c| terms.iter().flatten().filter(|d| *d == c).count() == 1).collect();
            once.sort_by_key(|c| (!spare.contains(c), *c));
            once
        }
    };
    for t in &terms {
        if t.iter().enumerate().any(|(i, c)| t[..i].contains(c)) {
            return Err(format!("einsum '{equation}': a letter repeated within one operand (a diagonal) is not supported yet").into());
        }
    }
    let elem = out.elem.clone();
    let mut vals: Vec<Val> = xs.iter().map(|x| ctx.e.convert(x, &elem)).collect();
    let mut acc = vals.remove(0);
    let mut acc_t = terms.remove(0);
    let sum_unneeded = |ctx: &mut Ctx, v: Val, t: Vec<char>, keep: &dyn Fn(char) -> bool| -> (Val, Vec<char>) {
        let dims: Vec<i64> = t.iter().enumerate().filter(|(_, c)| !keep(**c)).map(|(i, _)| i as i64).collect();
        if dims.is_empty() {
            return (v, t);
        }
        let r = ctx.e.reduce(&v, &dims, "stablehlo.add", 0.0);
        (r, t.into_iter().filter(|c| keep(*c)).collect())
    };
    for (i, (b, bt)) in vals.into_iter().zip(terms.clone()).enumerate() {
        let later: Vec<char> = terms[i + 1..].iter().flatten().copied().chain(output.iter().copied()).collect();
        let needed = |c: char, other: &[char]| later.contains(&c) || other.contains(&c);
        let (a, at) = {
            let bt2 = bt.clone();
            sum_unneeded(ctx, acc, acc_t, &|c| needed(c, &bt2))
        };
        let (b, bt) = {
            let at2 = at.clone();
            sum_unneeded(ctx, b, bt, &|c| needed(c, &at2))
        };
        let size = |v: &Val, t: &[char], c: char| v.shape()[t.iter().position(|d| *d == c).expect("letter of term")];
        let batch: Vec<char> = at.iter().copied().filter(|c| bt.contains(c) && later.contains(c)).collect();
        let contract: Vec<char> = at.iter().copied().filter(|c| bt.contains(c) && !later.contains(c)).collect();
        let a_free: Vec<char> = at.iter().copied().filter(|c| !bt.contains(c)).collect();
        let b_free: Vec<char> = bt.iter().copied().filter(|c| !at.contains(c)).collect();
        for &c in batch.iter().chain(&contract) {
            let (sa, sb) = (size(&a, &at, c), size(&b, &bt, c));
            // Unknown sizes of one letter are equal (torch.export checked them).
            if sa != sb && sa >= 0 && sb >= 0 {
                return Err(format!("einsum '{equation}': letter '{c}' has sizes {sa} and {sb}").into());
            }
        }
        if !a.ty.is_static() || !b.ty.is_static() {
            let groups = EinsumPair { batch: &batch, contract: &contract, a_free: &a_free, b_free: &b_free };
            acc = einsum_pair_dynamic(ctx, (&a, &at), (&b, &bt), &groups, &elem);
            acc_t = batch.iter().chain(&a_free).chain(&b_free).copied().collect();
            continue;
        }
        let arrange = |ctx: &mut Ctx, v: &Val, t: &[char], groups: [&[char]; 3]| -> Val {
            let order: Vec<char> = groups.iter().flat_map(|g| g.iter().copied()).collect();
            let perm: Vec<i64> = order.iter().map(|c| t.iter().position(|d| d == c).expect("letter") as i64).collect();
            let v = if perm.iter().enumerate().all(|(i, &p)| p == i as i64) { v.clone() } else { ctx.e.transpose(v, &perm) };
            let shape: Vec<i64> = groups.iter().map(|g| g.iter().map(|&c| size(&v, &order, c)).product()).collect();
            ctx.e.reshape(&v, &shape)
        };
        let a3 = arrange(ctx, &a, &at, [&batch, &a_free, &contract]);
        let b3 = arrange(ctx, &b, &bt, [&batch, &contract, &b_free]);
        let (nb, m, n) = (a3.shape()[0], a3.shape()[1], b3.shape()[2]);
        let y = dot(ctx, &a3, &b3, (&[0], &[0]), (&[2], &[1]), tensor(&[nb, m, n], elem.clone()));
        let res_t: Vec<char> = batch.iter().chain(&a_free).chain(&b_free).copied().collect();
        let res_shape: Vec<i64> = res_t.iter().map(|&c| if at.contains(&c) { size(&a, &at, c) } else { size(&b, &bt, c) }).collect();
        acc = ctx.e.reshape(&y, &res_shape);
        acc_t = res_t;
    }
    let (acc, acc_t) = sum_unneeded(ctx, acc, acc_t, &|c| output.contains(&c));
    if acc_t.len() != output.len() {
        return Err(format!("einsum '{equation}': output letters {output:?} are not all in the operands").into());
    }
    let perm: Vec<i64> = output.iter().map(|c| acc_t.iter().position(|d| d == c).expect("letter") as i64).collect();
    let y = if perm.iter().enumerate().all(|(i, &p)| p == i as i64) { acc } else { ctx.e.transpose(&acc, &perm) };
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// The letters of one einsum contraction by role.
struct EinsumPair<'a> {
    batch: &'a [char],
    contract: &'a [char],
    a_free: &'a [char],
    b_free: &'a [char],
}

/// One einsum contraction over operands with unknown sizes: each operand transposed
/// to [batch..., free, contract] / [batch..., contract, free] (free and contracted
/// letters merged, their sizes multiplied at run time), one `dot_general` over the
/// batch dims kept apart (no unknown size merged with a batch size), and a reshape to
/// [batch..., a_free..., b_free...] when a group had other than one letter.
fn einsum_pair_dynamic(ctx: &mut Ctx, a: (&Val, &[char]), b: (&Val, &[char]), g: &EinsumPair, elem: &ElemTy) -> Val {
    let arrange = |ctx: &mut Ctx, v: &Val, t: &[char], groups: [&[char]; 3]| -> (Val, Vec<Extent>) {
        let order: Vec<char> = groups.iter().flat_map(|g| g.iter().copied()).collect();
        let perm: Vec<i64> = order.iter().map(|c| t.iter().position(|d| d == c).expect("letter") as i64).collect();
        let v = ctx.e.transpose(v, &perm);
        let ex = ctx.e.extents(&v);
        let nb = groups[0].len();
        let mut shape: Vec<Extent> = ex[..nb].to_vec();
        let mid = ctx.e.extent_product(&ex[nb..nb + groups[1].len()]);
        let last = ctx.e.extent_product(&ex[nb + groups[1].len()..]);
        shape.extend([mid, last]);
        (ctx.e.reshape_ext(&v, &shape), ex)
    };
    let (a3, aex) = arrange(ctx, a.0, a.1, [g.batch, g.a_free, g.contract]);
    let (b3, bex) = arrange(ctx, b.0, b.1, [g.batch, g.contract, g.b_free]);
    let nb = g.batch.len();
    let batch: Vec<i64> = (0..nb as i64).collect();
    let mut shape: Vec<i64> = (0..nb).map(|i| if a3.shape()[i] >= 0 { a3.shape()[i] } else { b3.shape()[i] }).collect();
    shape.extend([a3.shape()[nb], b3.shape()[nb + 1]]);
    let nbi = nb as i64;
    let y = dot(ctx, &a3, &b3, (&batch, &batch), (&[nbi + 1], &[nbi]), tensor(&shape, elem.clone()));
    if g.a_free.len() == 1 && g.b_free.len() == 1 {
        return y;
    }
    let mut res: Vec<Extent> = aex[..nb + g.a_free.len()].to_vec();
    res.extend_from_slice(&bex[nb + g.contract.len()..]);
    ctx.e.reshape_ext(&y, &res)
}

fn scalar_or(args: &Args, name: &str, default: f64) -> LResult<f64> {
    Ok(args.opt_scalar(name)?.map(|s| s.as_f64()).unwrap_or(default))
}

/// A tensor argument in the result's dtype, broadcast to the result's shape.
fn operand_as_out(ctx: &mut Ctx, args: &Args, name: &str) -> LResult<Val> {
    let out = ctx.out_ty(0)?;
    let v = args.tensor_or_scalar(ctx, name, &out.elem)?;
    let v = ctx.e.convert(&v, &out.elem);
    Ok(ctx.e.broadcast_to(&v, out.dims()))
}

/// `addcmul(self, tensor1, tensor2, value)` and `addcdiv`: `self + value * (t1 op t2)`.
fn add_combined(ctx: &mut Ctx, args: &Args, op: &str) -> LResult<Vec<Val>> {
    let x = operand_as_out(ctx, args, "self")?;
    let a = operand_as_out(ctx, args, "tensor1")?;
    let b = operand_as_out(ctx, args, "tensor2")?;
    let p = ctx.e.binary(op, &a, &b);
    let p = scaled(ctx, &p, args.opt_scalar("value")?);
    Ok(vec![ctx.e.binary("stablehlo.add", &x, &p)])
}
pub fn addcmul(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    add_combined(ctx, args, "stablehlo.multiply")
}
pub fn addcdiv(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    add_combined(ctx, args, "stablehlo.divide")
}

/// `beta * self + alpha * product` (addmv, baddbmm).
fn add_scaled_product(ctx: &mut Ctx, args: &Args, product: Val) -> LResult<Vec<Val>> {
    let p = scaled(ctx, &product, args.opt_scalar("alpha")?);
    let beta = args.opt_scalar("beta")?;
    if beta.map(|b| b.as_f64()) == Some(0.0) {
        return Ok(vec![p]);
    }
    let x = operand_as_out(ctx, args, "self")?;
    let x = scaled(ctx, &x, beta);
    Ok(vec![ctx.e.binary("stablehlo.add", &x, &p)])
}

/// `matrix @ vector` as a [m, k] x [k, 1] product.
fn matrix_vector(ctx: &mut Ctx, m: &Val, v: &Val, elem: &ElemTy) -> Val {
    if m.rank() != 2 || v.rank() != 1 {
        ctx.e.errors.push(format!("a matrix-vector product needs a matrix and a vector, got {} and {}", m.ty, v.ty));
        return v.clone();
    }
    let k = v.shape()[0];
    let col = ctx.e.reshape(v, &[k, 1]);
    let rows = m.shape()[0];
    let y = dot(ctx, m, &col, (&[], &[]), (&[1], &[0]), tensor(&[rows, 1], elem.clone()));
    ctx.e.reshape(&y, &[rows])
}

/// `mv(self, vec)`.
pub fn mv(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let m = args.tensor(ctx, "self")?;
    let v = args.tensor(ctx, "vec")?;
    Ok(vec![matrix_vector(ctx, &m, &v, &out.elem)])
}

/// `addmv(self, mat, vec, beta, alpha)`.
pub fn addmv(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let m = args.tensor(ctx, "mat")?;
    let v = args.tensor(ctx, "vec")?;
    let p = matrix_vector(ctx, &m, &v, &out.elem);
    add_scaled_product(ctx, args, p)
}

/// `baddbmm(self, batch1, batch2, beta, alpha)`.
pub fn baddbmm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "batch1")?;
    let b = args.tensor(ctx, "batch2")?;
    let p = batched_matmul(ctx, &a, &b, false, &out.elem);
    add_scaled_product(ctx, args, p)
}

/// `dot(self, tensor)`: the inner product of two vectors, as [1, n] x [n, 1].
pub fn vector_dot(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let b = args.tensor(ctx, "tensor")?;
    let n = a.shape()[0];
    let row = ctx.e.reshape(&a, &[1, n]);
    let y = matrix_vector(ctx, &row, &b, &out.elem);
    Ok(vec![ctx.e.reshape(&y, &[])])
}

/// `outer(self, vec2)`: a [n, 1] x [1, m] broadcast product.
pub fn outer(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let b = args.tensor(ctx, "vec2")?;
    let a = ctx.e.convert(&a, &out.elem);
    let b = ctx.e.convert(&b, &out.elem);
    let a = ctx.e.broadcast_in_dim(&a, out.dims(), &[0]);
    let b = ctx.e.broadcast_in_dim(&b, out.dims(), &[1]);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &a, &b)])
}

/// `all(self[, dim, keepdim])`: an and-reduction of `self != 0`.
pub fn all(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let b = if x.elem().is_bool() {
        x.clone()
    } else {
        let zero = ctx.e.splat(0.0, x.elem(), x.shape());
        ctx.e.compare("NE", &x, &zero)
    };
    let dims: Vec<i64> = match args.opt_ints("dim")? {
        Some(d) if !d.is_empty() => d.iter().map(|&d| norm_dim(d, x.rank())).collect::<LResult<_>>()?,
        _ => (0..x.rank() as i64).collect(),
    };
    let r = ctx.e.reduce(&b, &dims, "stablehlo.and", 1.0);
    let r = ctx.e.convert(&r, &out.elem);
    Ok(vec![ctx.e.reshape(&r, out.dims())])
}

/// `argsort(self, dim, descending)`: the indices output of `sort`.
pub fn argsort(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let all = ctx.outputs.clone();
    ctx.outputs = vec![all[0].clone(), all[0].clone()];
    let r = super::sort::sort(ctx, args);
    ctx.outputs = all;
    Ok(vec![r?.remove(1)])
}

/// `celu(self, alpha)`: `elu` with `input_scale = 1 / alpha`.
pub fn celu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let alpha = scalar_or(args, "alpha", 1.0)?;
    if alpha == 0.0 {
        return Err("celu with alpha = 0 is not defined".into());
    }
    let set = vec![("input_scale", Argument::AsFloat(crate::pt2::schema::F64(1.0 / alpha)))];
    elementwise::elu(ctx, &args.with(set))
}

/// `channel_shuffle(self, groups)`: [N, g*c, ...] -> [N, c, g, ...] -> [N, c*g, ...].
pub fn channel_shuffle(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let g = args.int("groups")?;
    if x.rank() < 2 || g <= 0 || x.shape()[1] < 0 || x.shape()[1] % g != 0 {
        return Err(format!("channel_shuffle of {} into {g} groups is not defined (static channels only)", x.ty).into());
    }
    // Unknown batch or spatial sizes are read from the input.
    let ex = ctx.e.extents(&x);
    let mut split = vec![ex[0].clone(), Extent::Known(g), Extent::Known(x.shape()[1] / g)];
    split.extend_from_slice(&ex[2..]);
    let y = ctx.e.reshape_ext(&x, &split);
    let mut perm: Vec<i64> = (0..split.len() as i64).collect();
    perm.swap(1, 2);
    let y = ctx.e.transpose(&y, &perm);
    Ok(vec![ctx.e.reshape_ext(&y, &ex)])
}

/// The 2-norm of `v` over `dim`, kept as a unit dim.
fn norm_keep(ctx: &mut Ctx, v: &Val, dim: i64) -> Val {
    let sq = ctx.e.binary("stablehlo.multiply", v, v);
    let s = ctx.e.reduce(&sq, &[dim], "stablehlo.add", 0.0);
    let n = ctx.e.unary("stablehlo.sqrt", &s);
    let kept: Vec<i64> = (0..v.rank() as i64).filter(|&d| d != dim).collect();
    ctx.e.broadcast_in_dim(&n, v.shape(), &kept)
}

/// `cosine_similarity(x1, x2, dim, eps)`: each operand divided by its norm (at least
/// eps), then the products summed, as PyTorch computes it.
pub fn cosine_similarity(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "x1")?;
    let b = args.tensor(ctx, "x2")?;
    let shape = broadcast_shapes(a.shape(), b.shape())?;
    let dim = args.dim_or("dim", 1, shape.len())?;
    let eps = scalar_or(args, "eps", 1e-8)?;
    let unit = |ctx: &mut Ctx, v: &Val| {
        let v = ctx.e.convert(v, &out.elem);
        let v = ctx.e.broadcast_to(&v, &shape);
        let n = norm_keep(ctx, &v, dim);
        let e = ctx.e.splat(eps, &out.elem, &shape);
        let n = ctx.e.binary("stablehlo.maximum", &n, &e);
        ctx.e.binary("stablehlo.divide", &v, &n)
    };
    let ua = unit(ctx, &a);
    let ub = unit(ctx, &b);
    let p = ctx.e.binary("stablehlo.multiply", &ua, &ub);
    let s = ctx.e.reduce(&p, &[dim], "stablehlo.add", 0.0);
    Ok(vec![ctx.e.reshape(&s, out.dims())])
}

/// `pairwise_distance(x1, x2, p, eps, keepdim)`: the p-norm of `x1 - x2 + eps` over
/// the last dim.
pub fn pairwise_distance(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "x1")?;
    let b = args.tensor(ctx, "x2")?;
    let shape = broadcast_shapes(a.shape(), b.shape())?;
    let (a, b) = (ctx.e.convert(&a, &out.elem), ctx.e.convert(&b, &out.elem));
    let (a, b) = (ctx.e.broadcast_to(&a, &shape), ctx.e.broadcast_to(&b, &shape));
    let d = ctx.e.binary("stablehlo.subtract", &a, &b);
    let e = ctx.e.splat(scalar_or(args, "eps", 1e-6)?, &out.elem, &shape);
    let d = ctx.e.binary("stablehlo.add", &d, &e);
    let last = shape.len() as i64 - 1;
    let y = p_norm(ctx, &d, &[last], scalar_or(args, "p", 2.0)?);
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `erfc(self)`: `1 - erf(x)`.
pub fn erfc(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let e = elementwise::erf(ctx, &x);
    let one = ctx.e.splat(1.0, x.elem(), x.shape());
    Ok(vec![ctx.e.binary("stablehlo.subtract", &one, &e)])
}

/// `frac(self)`: `x - trunc(x)`.
pub fn frac(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let t = elementwise::trunc(ctx, args)?.remove(0);
    Ok(vec![ctx.e.binary("stablehlo.subtract", &x, &t)])
}

/// `nan_to_num(self, nan, posinf, neginf)`: NaN and infinities replaced (by 0 and the
/// dtype's largest finite values unless given).
pub fn nan_to_num(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    if !x.elem().is_float() {
        return Ok(vec![x]);
    }
    let (elem, shape) = (x.elem().clone(), x.shape().to_vec());
    let big = match elem {
        ElemTy::F16 => 65504.0,
        ElemTy::BF16 => 3.3895313892515355e38,
        ElemTy::F64 => f64::MAX,
        _ => f32::MAX as f64,
    };
    let nan = ctx.e.splat(scalar_or(args, "nan", 0.0)?, &elem, &shape);
    let pos = ctx.e.splat(scalar_or(args, "posinf", big)?, &elem, &shape);
    let neg = ctx.e.splat(scalar_or(args, "neginf", -big)?, &elem, &shape);
    let inf = ctx.e.splat(f64::INFINITY, &elem, &shape);
    let ninf = ctx.e.splat(f64::NEG_INFINITY, &elem, &shape);
    let is_nan = ctx.e.compare("NE", &x, &x);
    let is_pos = ctx.e.compare("EQ", &x, &inf);
    let is_neg = ctx.e.compare("EQ", &x, &ninf);
    let y = ctx.e.select(&is_nan, &nan, &x);
    let y = ctx.e.select(&is_pos, &pos, &y);
    Ok(vec![ctx.e.select(&is_neg, &neg, &y)])
}

/// `floor_divide(self, other)`: division rounded down.
pub fn floor_divide(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    elementwise::div(ctx, &args.with(vec![("rounding_mode", Argument::AsString("floor".into()))]))
}

/// `x` where `keep`, else `value`.
fn keep_or(ctx: &mut Ctx, x: &Val, keep: &Val, value: f64) -> Val {
    let v = ctx.e.splat(value, x.elem(), x.shape());
    ctx.e.select(keep, x, &v)
}

/// `hardshrink(self, lambd)`: `x` where `|x| > lambd`, else 0.
pub fn hardshrink(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let a = ctx.e.unary("stablehlo.abs", &x);
    let l = ctx.e.splat(scalar_or(args, "lambd", 0.5)?, x.elem(), x.shape());
    let keep = ctx.e.compare("GT", &a, &l);
    Ok(vec![keep_or(ctx, &x, &keep, 0.0)])
}

/// `threshold(self, threshold, value)`: `x` where `x > threshold`, else `value`.
pub fn threshold(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let t = ctx.e.splat(args.float("threshold")?, x.elem(), x.shape());
    let keep = ctx.e.compare("GT", &x, &t);
    Ok(vec![keep_or(ctx, &x, &keep, args.float("value")?)])
}

/// `lerp(self, end, weight)`: `self + weight * (end - self)`.
pub fn lerp(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let a = operand_as_out(ctx, args, "self")?;
    let b = operand_as_out(ctx, args, "end")?;
    let w = operand_as_out(ctx, args, "weight")?;
    let d = ctx.e.binary("stablehlo.subtract", &b, &a);
    let d = ctx.e.binary("stablehlo.multiply", &w, &d);
    Ok(vec![ctx.e.binary("stablehlo.add", &a, &d)])
}

/// `logsumexp(self, dim, keepdim)`: `log(sum(exp(x - m))) + m` with `m` the maximum
/// (0 where it is infinite, so all -inf rows give -inf, not NaN).
pub fn logsumexp(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = float_operand(ctx, args)?;
    let dims: Vec<i64> = match args.opt_ints("dim")? {
        Some(d) if !d.is_empty() => d.iter().map(|&d| norm_dim(d, x.rank())).collect::<LResult<_>>()?,
        _ => (0..x.rank() as i64).collect(),
    };
    let kept: Vec<i64> = (0..x.rank() as i64).filter(|d| !dims.contains(d)).collect();
    let m = ctx.e.reduce(&x, &dims, "stablehlo.maximum", f64::NEG_INFINITY);
    let a = ctx.e.unary("stablehlo.abs", &m);
    let inf = ctx.e.splat(f64::INFINITY, x.elem(), m.shape());
    let finite = ctx.e.compare("LT", &a, &inf);
    let m = keep_or(ctx, &m, &finite, 0.0);
    let mb = ctx.e.broadcast_in_dim(&m, x.shape(), &kept);
    let d = ctx.e.binary("stablehlo.subtract", &x, &mb);
    let e = ctx.e.unary("stablehlo.exponential", &d);
    let s = ctx.e.reduce(&e, &dims, "stablehlo.add", 0.0);
    let l = ctx.e.unary("stablehlo.log", &s);
    let y = ctx.e.binary("stablehlo.add", &l, &m);
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `movedim(self, source, destination)` (int and list forms).
pub fn movedim(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let r = x.rank();
    let src: Vec<i64> = args.ints("source")?.iter().map(|&d| norm_dim(d, r)).collect::<LResult<_>>()?;
    let dst: Vec<i64> = args.ints("destination")?.iter().map(|&d| norm_dim(d, r)).collect::<LResult<_>>()?;
    if src.len() != dst.len() {
        return Err("movedim: source and destination differ in length".into());
    }
    let mut perm = vec![-1; r];
    for (&s, &d) in src.iter().zip(&dst) {
        perm[d as usize] = s;
    }
    let mut rest = (0..r as i64).filter(|d| !src.contains(d));
    for p in perm.iter_mut().filter(|p| **p < 0) {
        *p = rest.next().ok_or("movedim: repeated dims")?;
    }
    Ok(vec![ctx.e.transpose(&x, &perm)])
}

/// `swapaxes(self, axis0, axis1)`.
pub fn swapaxes(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let mut perm: Vec<i64> = (0..x.rank() as i64).collect();
    perm.swap(args.dim("axis0", x.rank())? as usize, args.dim("axis1", x.rank())? as usize);
    Ok(vec![ctx.e.transpose(&x, &perm)])
}

/// `prelu(self, weight)`: `x` where positive, else `weight * x`, one weight per channel
/// (dim 1) or one for all.
pub fn prelu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let w = args.tensor(ctx, "weight")?;
    let w = ctx.e.convert(&w, x.elem());
    let n: i64 = w.shape().iter().product();
    let wb = if n == 1 {
        let s = ctx.e.reshape(&w, &[]);
        ctx.e.broadcast_to(&s, x.shape())
    } else {
        let axis = if x.rank() >= 2 { 1 } else { 0 };
        let v = ctx.e.reshape(&w, &[n]);
        ctx.e.broadcast_in_dim(&v, x.shape(), &[axis])
    };
    let zero = ctx.e.splat(0.0, x.elem(), x.shape());
    let pos = ctx.e.compare("GT", &x, &zero);
    let neg = ctx.e.binary("stablehlo.multiply", &wb, &x);
    Ok(vec![ctx.e.select(&pos, &x, &neg)])
}

/// `repeat_interleave.self_int(self, repeats, dim, output_size)`: each element repeated
/// `repeats` times along `dim` (over the flattened tensor without one).
pub fn repeat_interleave(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let reps = args.int("repeats")?;
    if !x.ty.is_static() {
        return repeat_interleave_dynamic(ctx, &x, reps, args.opt_int("dim")?);
    }
    let (x, dim) = match args.opt_int("dim")? {
        Some(d) => {
            let d = norm_dim(d, x.rank())? as usize;
            (x, d)
        }
        None => {
            let n: i64 = x.shape().iter().product();
            (ctx.e.reshape(&x, &[n]), 0)
        }
    };
    let mut wide = x.shape().to_vec();
    wide.insert(dim + 1, reps);
    let dims: Vec<i64> = (0..wide.len() as i64).filter(|&d| d != dim as i64 + 1).collect();
    let b = ctx.e.broadcast_in_dim(&x, &wide, &dims);
    Ok(vec![ctx.e.reshape(&b, out.dims())])
}

/// `repeat_interleave` of `x` with unknown sizes: the same broadcast to a new axis after
/// `dim` and merge, with run-time sizes (over the flattened tensor when `dim` is None).
fn repeat_interleave_dynamic(ctx: &mut Ctx, x: &Val, reps: i64, dim: Option<i64>) -> LResult<Vec<Val>> {
    if reps < 0 {
        return Err(format!("argument 'repeats' is {reps}; it must not be negative").into());
    }
    let (x, dim) = match dim {
        Some(d) => (x.clone(), norm_dim(d, x.rank())? as usize),
        None => {
            let ex = ctx.e.extents(x);
            let n = ctx.e.extent_product(&ex);
            (ctx.e.reshape_ext(x, &[n]), 0)
        }
    };
    let mut wide = ctx.e.extents(&x);
    wide.insert(dim + 1, Extent::Known(reps));
    let dims: Vec<i64> = (0..wide.len() as i64).filter(|&d| d != dim as i64 + 1).collect();
    let b = ctx.e.broadcast_in_dim_ext(&x, &wide, &dims);
    let mut merged = ctx.e.extents(&x);
    merged[dim] = ctx.e.extent_product(&[merged[dim].clone(), Extent::Known(reps)]);
    Ok(vec![ctx.e.reshape_ext(&b, &merged)])
}

/// `square(self)`.
pub fn square(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &x, &x)])
}

/// `tile(self, dims)`: `repeat` with the dims padded on the left with 1.
pub fn tile(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let mut reps = args.ints("dims")?;
    while reps.len() < x.rank() {
        reps.insert(0, 1);
    }
    shape::repeat(ctx, &args.with(vec![("repeats", Argument::AsInts(reps))]))
}

/// `meshgrid(tensors, indexing)`: each 1-D input broadcast along its own axis (the
/// first two swapped with `xy` indexing).
pub fn meshgrid(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let xs = args.tensors(ctx, "tensors")?;
    let xy = args.opt_str("indexing")?.unwrap_or("ij") == "xy";
    let mut sizes: Vec<i64> = xs.iter().map(|x| x.shape().iter().product()).collect();
    if xy && sizes.len() >= 2 {
        sizes.swap(0, 1);
    }
    let mut outs = Vec::new();
    for (i, x) in xs.iter().enumerate() {
        let axis = match i {
            0 if xy && xs.len() >= 2 => 1,
            1 if xy => 0,
            _ => i,
        };
        let n = sizes[axis];
        let v = ctx.e.reshape(x, &[n]);
        outs.push(ctx.e.broadcast_in_dim(&v, &sizes, &[axis as i64]));
    }
    Ok(outs)
}

/// `bilinear(input1, input2, weight, bias)`: `y[.., o] = x1 W[o] x2 + b[o]`, as one
/// product of x1 with W viewed [i, o*j], then a multiply by x2 and a sum over j.
pub fn bilinear(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "input1")?;
    let b = args.tensor(ctx, "input2")?;
    let w = args.tensor(ctx, "weight")?;
    static_input(&a, "bilinear")?;
    if w.rank() != 3 || a.rank() == 0 || b.rank() == 0 {
        return Err(format!(
            "bilinear needs a 3-d weight and inputs of rank 1 or more, got {}, {} and {}",
            w.ty, a.ty, b.ty
        )
        .into());
    }
    let (o, i, j) = (w.shape()[0], w.shape()[1], w.shape()[2]);
    let rows: i64 = a.shape()[..a.rank() - 1].iter().product();
    let a2 = ctx.e.reshape(&a, &[rows, i]);
    let wt = ctx.e.transpose(&w, &[1, 0, 2]);
    let w2 = ctx.e.reshape(&wt, &[i, o * j]);
    let t = dot(ctx, &a2, &w2, (&[], &[]), (&[1], &[0]), tensor(&[rows, o * j], out.elem.clone()));
    let t = ctx.e.reshape(&t, &[rows, o, j]);
    let b2 = ctx.e.reshape(&b, &[rows, j]);
    let bb = ctx.e.broadcast_in_dim(&b2, &[rows, o, j], &[0, 2]);
    let p = ctx.e.binary("stablehlo.multiply", &t, &bb);
    let mut y = ctx.e.reduce(&p, &[2], "stablehlo.add", 0.0);
    if let Some(bias) = args.opt_tensor(ctx, "bias")? {
        let bias = ctx.e.broadcast_in_dim(&bias, &[rows, o], &[1]);
        y = ctx.e.binary("stablehlo.add", &y, &bias);
    }
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `diff(self, n, dim, prepend, append)`: `n` times, each element minus the one
/// before it along `dim` (after concatenating `prepend` and `append`).
/// The most orders `diff` unrolls (one op each).
const MAX_DIFF_STEPS: i64 = 4096;

pub fn diff(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let d = args.dim_or("dim", -1, x.rank())? as usize;
    let mut parts = Vec::new();
    if let Some(p) = args.opt_tensor(ctx, "prepend")? {
        parts.push(p);
    }
    parts.push(x.clone());
    if let Some(a) = args.opt_tensor(ctx, "append")? {
        parts.push(a);
    }
    if parts.iter().any(|p| p.rank() != x.rank()) {
        return Err(format!("diff's prepend and append must be tensors of the input's rank {}", x.rank()).into());
    }
    if parts.iter().any(|p| !p.ty.is_static()) {
        return diff_dynamic(ctx, args, parts, d);
    }
    let mut y = if parts.len() == 1 {
        x
    } else {
        let mut shape = x.shape().to_vec();
        shape[d] = parts
            .iter()
            .try_fold(0i64, |acc, p| acc.checked_add(p.shape()[d]))
            .ok_or("diff's concatenated size overflows")?;
        let refs: Vec<&Val> = parts.iter().collect();
        ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {d} : i64"), tensor(&shape, x.elem().clone()))
    };
    let n = args.int_at_least("n", 0)?;
    // Each order is one subtraction; past the length the result is empty anyway.
    let steps = n.min(y.shape()[d]);
    if steps > MAX_DIFF_STEPS {
        return Err(format!(
            "diff of order {n} over {} elements would emit {steps} subtractions; edge lowers at most {MAX_DIFF_STEPS}",
            y.shape()[d]
        )
        .into());
    }
    for _ in 0..steps {
        let len = y.shape()[d];
        if len == 0 {
            break;
        }
        let hi = ctx.e.slice_dim(&y, d, 1, len - 1);
        let lo = ctx.e.slice_dim(&y, d, 0, len - 1);
        y = if y.elem().is_bool() { ctx.e.binary("stablehlo.xor", &hi, &lo) } else { ctx.e.binary("stablehlo.subtract", &hi, &lo) };
    }
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `diff` over tensors with unknown dims: each order subtracts two run-time slices of
/// the dim (its length read at run time when unknown).
fn diff_dynamic(ctx: &mut Ctx, args: &Args, parts: Vec<Val>, d: usize) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = parts.iter().find(|p| p.rank() > d).cloned().ok_or("diff needs a tensor")?;
    let mut y = if parts.len() == 1 {
        x.clone()
    } else {
        let mut shape = x.shape().to_vec();
        let sizes: Vec<i64> = parts.iter().map(|p| p.shape()[d]).collect();
        shape[d] = if sizes.iter().all(|&s| s >= 0) { sizes.iter().sum() } else { -1 };
        let refs: Vec<&Val> = parts.iter().collect();
        ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {d} : i64"), tensor(&shape, x.elem().clone()))
    };
    let n = args.int_at_least("n", 0)?;
    if n > MAX_DIFF_STEPS {
        return Err(format!("diff of order {n} would emit {n} subtractions; edge lowers at most {MAX_DIFF_STEPS}").into());
    }
    for _ in 0..n {
        let len = ctx.e.extent(&y, d);
        if len.known() == 0 {
            break;
        }
        let shorter = match len.known() {
            k if k > 0 => Extent::Known(k - 1),
            _ => {
                let l = ctx.e.extent_value(&len);
                let one = ctx.e.splat(1.0, &crate::pt2::emit::SIZE, &[]);
                Extent::Run(ctx.e.binary("stablehlo.subtract", &l, &one))
            }
        };
        let hi = ctx.e.slice_range_ext(&y, d, &Extent::Known(1), &len);
        let lo = ctx.e.slice_range_ext(&y, d, &Extent::Known(0), &shorter);
        y = if y.elem().is_bool() { ctx.e.binary("stablehlo.xor", &hi, &lo) } else { ctx.e.binary("stablehlo.subtract", &hi, &lo) };
    }
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

/// `_weight_norm(v, g, dim)`: `v * g / ||v||`, the norm over every dim but `dim`
/// (over all of them when `dim` is -1).
pub fn weight_norm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let v = args.tensor(ctx, "v")?;
    let g = args.tensor(ctx, "g")?;
    let v = ctx.e.convert(&v, &out.elem);
    let g = ctx.e.convert(&g, &out.elem);
    let r = v.rank() as i64;
    let dim = args.opt_int("dim")?.unwrap_or(0);
    let keep: Vec<i64> = if dim == -1 { vec![] } else { vec![norm_dim(dim, v.rank())?] };
    let dims: Vec<i64> = (0..r).filter(|d| !keep.contains(d)).collect();
    let sq = ctx.e.binary("stablehlo.multiply", &v, &v);
    let s = ctx.e.reduce(&sq, &dims, "stablehlo.add", 0.0);
    let n = ctx.e.unary("stablehlo.sqrt", &s);
    let nb = ctx.e.broadcast_in_dim(&n, v.shape(), &keep);
    let gb = ctx.e.broadcast_to(&g, v.shape());
    let scale = ctx.e.binary("stablehlo.divide", &gb, &nb);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &v, &scale)])
}

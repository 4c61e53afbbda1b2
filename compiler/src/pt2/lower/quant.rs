//! pt2e quantization nodes (`quantized_decomposed.*`) as StableHLO quantized types.
//!
//! A `quantize_per_tensor` becomes `stablehlo.uniform_quantize` to a
//! `!quant.uniform<i8:f32, scale:zp>` tensor and its `dequantize_per_tensor` becomes
//! `stablehlo.uniform_dequantize`; an int8 weight read by a dequantize becomes a
//! constant of the quantized type (per-axis for `dequantize_per_channel`), so the
//! weights stay int8. Later passes fold these pairs into quantized TFL ops.
//!
//! Dynamic quantization (`choose_qparams` feeding `quantize_per_tensor.tensor` and
//! `dequantize_per_tensor.tensor`) computes its parameters at run time; TFLite's hybrid
//! kernels do that themselves, so the pair is imported as the float value it approximates.

use super::{Args, Ctx, LResult, Val};
use crate::pt2::emit::tensor;
use crate::pt2::weights::Weight;
use edge_dialects::ir::{ElemTy, QuantTy, TensorTy};

/// The values of a stored weight (scales and zero points), as f64.
fn weight_values(ctx: &Ctx, w: &Weight) -> LResult<Vec<f64>> {
    let bytes = w.bytes(&ctx.program.archive);
    let values: Vec<f64> = match w.dtype.0 {
        4 => bytes.chunks_exact(4).map(|c| i32::from_le_bytes(c.try_into().unwrap()) as f64).collect(),
        5 => bytes.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().unwrap()) as f64).collect(),
        6 => bytes.chunks_exact(2).map(|c| half::f16::from_le_bytes([c[0], c[1]]).to_f64()).collect(),
        7 => bytes.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap()) as f64).collect(),
        8 => bytes.chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap())).collect(),
        _ => return Err(format!("weight '{}' of dtype {} holds no quantization parameters", w.fqn, w.dtype.name()).into()),
    };
    Ok(values)
}

/// The weight an argument names directly, if any.
fn weight_arg<'p>(ctx: &Ctx<'p>, args: &Args, name: &str) -> Option<&'p Weight> {
    args.tensor_name(name).and_then(|n| ctx.program.weights.get(n))
}

/// A scale or zero-point argument: a number, or a stored tensor of them.
fn params(ctx: &Ctx, args: &Args, name: &str) -> LResult<Option<Vec<f64>>> {
    if args.is_tensor(name) {
        return match weight_arg(ctx, args, name) {
            Some(w) => weight_values(ctx, w).map(Some),
            None => Ok(None),
        };
    }
    if args.is_none(name) {
        return Ok(None);
    }
    Ok(Some(vec![args.scalar(name)?.as_f64()]))
}

/// The quantized element type a node's (scale, zero_point, quant_min, quant_max,
/// dtype) arguments describe; `axis` for per-channel nodes.
fn quant_type(ctx: &Ctx, args: &Args, scale: &str, zero_point: &str, axis: Option<i32>) -> LResult<Option<QuantTy>> {
    let Some(scales) = params(ctx, args, scale)? else { return Ok(None) };
    let zps = params(ctx, args, zero_point)?.unwrap_or_else(|| vec![0.0; scales.len()]);
    if zps.len() != scales.len() {
        return Err(format!("{} scales but {} zero points", scales.len(), zps.len()).into());
    }
    if let Some(bad) = scales.iter().find(|s| !(s.is_finite() && **s > 0.0)) {
        return Err(format!("quantization scale {bad} is not a positive number").into());
    }
    let storage = args.dtype("dtype")?.ok_or("the quantized dtype is missing")?;
    let range = (args.int("quant_min")?, args.int("quant_max")?);
    let q = QuantTy::new(&storage, range, scales.iter().map(|&s| s as f32 as f64).collect(), zps.iter().map(|&z| z as i64).collect(), axis)
        .ok_or_else(|| format!("quantization to {storage} is not supported; edge takes int8, uint8, int16 and int32"))?;
    let (lo, hi) = if q.signed { (-(1i64 << (q.storage_bits - 1)), (1i64 << (q.storage_bits - 1)) - 1) } else { (0, (1i64 << q.storage_bits) - 1) };
    if !(lo <= range.0 && range.0 < range.1 && range.1 <= hi) {
        return Err(format!("quant range [{}, {}] does not fit {storage}", range.0, range.1).into());
    }
    if let Some(z) = q.zero_points.iter().find(|&&z| z < range.0 || z > range.1) {
        return Err(format!("zero point {z} is outside the quant range [{}, {}]", range.0, range.1).into());
    }
    Ok(Some(q))
}

/// One scale per channel of `axis`: the per-axis type is indexed by channel later.
fn check_channels(x: &Val, q: &QuantTy, axis: i32) -> LResult<()> {
    let channels = x.shape()[axis as usize];
    if channels >= 0 && q.scales.len() as i64 != channels {
        return Err(format!("{} scales for the {channels} channels of axis {axis} of {}", q.scales.len(), x.ty).into());
    }
    Ok(())
}

fn with_elem(t: &TensorTy, q: &QuantTy) -> TensorTy {
    tensor(t.dims(), ElemTy::Quant(q.clone()))
}

/// `quantize_per_tensor` (`.default` and `.tensor`): float -> quantized tensor.
pub fn quantize_per_tensor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    let Some(q) = quant_type(ctx, args, "scale", "zero_point", None)? else {
        // Run-time parameters: the value is left in float (see the module comment).
        return Ok(vec![x]);
    };
    quantize(ctx, &x, &q)
}

/// `quantize_per_channel`: float -> per-axis quantized tensor.
pub fn quantize_per_channel(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    let axis = args.dim("axis", x.rank())? as i32;
    let q = quant_type(ctx, args, "scales", "zero_points", Some(axis))?
        .ok_or("quantize_per_channel with scales computed at run time is not supported")?;
    check_channels(&x, &q, axis)?;
    quantize(ctx, &x, &q)
}

fn quantize(ctx: &mut Ctx, x: &Val, q: &QuantTy) -> LResult<Vec<Val>> {
    if !x.elem().is_float() {
        return Err(format!("quantize takes a float tensor, got {}", x.elem()).into());
    }
    let x = if *x.elem() == ElemTy::F32 { x.clone() } else { ctx.e.convert(x, &ElemTy::F32) };
    Ok(vec![ctx.e.op("stablehlo.uniform_quantize", &[&x], "", with_elem(&x.ty, q))])
}

/// `dequantize_per_tensor` (`.default` and `.tensor`).
pub fn dequantize_per_tensor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let q = quant_type(ctx, args, "scale", "zero_point", None)?;
    dequantize(ctx, args, q)
}

/// `dequantize_per_channel`: per-axis, typically an int8 weight.
pub fn dequantize_per_channel(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    let axis = args.dim("axis", x.rank())? as i32;
    let q = quant_type(ctx, args, "scales", "zero_points", Some(axis))?
        .ok_or("dequantize_per_channel with scales computed at run time is not supported")?;
    check_channels(&x, &q, axis)?;
    dequantize(ctx, args, Some(q))
}

/// The float value of a quantized tensor: a quantized value from `quantize`, or a
/// stored integer weight given the quantized type `q`.
fn dequantize(ctx: &mut Ctx, args: &Args, q: Option<QuantTy>) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    let out_elem = args.dtype("out_dtype")?.unwrap_or(ElemTy::F32);
    let quantized = match (&x.ty.elem, q) {
        // Dynamic quantization left the value in float.
        (e, None) if e.is_float() => return Ok(vec![x]),
        (_, None) => return Err("dequantize with parameters computed at run time needs its quantize_per_tensor.tensor input".into()),
        (ElemTy::Quant(have), Some(q)) => {
            if *have == q {
                x
            } else {
                // Different parameters than the quantize used: requantize first.
                ctx.e.op("stablehlo.uniform_quantize", &[&x], "", with_elem(&x.ty, &q))
            }
        }
        (e, Some(q)) if *e == q.storage() => {
            weight_arg(ctx, args, "input").ok_or_else(|| {
                format!("dequantize reads a computed {e} tensor; edge takes quantized values from quantize_per_tensor or stored weights")
            })?;
            let key = args.tensor_name("input").unwrap_or_default().to_string();
            crate::pt2::import::weight_constant(ctx, &key, with_elem(&x.ty, &q))?
        }
        (e, Some(q)) => return Err(format!("dequantize of a {e} tensor as {}", q.storage()).into()),
    };
    let f = ctx.e.op("stablehlo.uniform_dequantize", &[&quantized], "", tensor(quantized.ty.dims(), ElemTy::F32));
    Ok(vec![if out_elem == ElemTy::F32 { f } else { ctx.e.convert(&f, &out_elem) }])
}

/// `choose_qparams.tensor`: the asymmetric (scale, zero_point) of a tensor's range,
/// as PyTorch's `determine_qparams` computes them: the range widened to hold 0,
/// scale = max(range / (qmax - qmin), eps), zero point rounded and clamped.
pub fn choose_qparams(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    let (qmin, qmax, eps) = (args.int("quant_min")? as f64, args.int("quant_max")? as f64, args.float("eps")?);
    let x = if *x.elem() == ElemTy::F32 { x } else { ctx.e.convert(&x, &ElemTy::F32) };
    let all: Vec<i64> = (0..x.rank() as i64).collect();
    let f = ElemTy::F32;
    let lo = ctx.e.reduce(&x, &all, "stablehlo.minimum", f64::INFINITY);
    let hi = ctx.e.reduce(&x, &all, "stablehlo.maximum", f64::NEG_INFINITY);
    let zero = ctx.e.splat(0.0, &f, &[]);
    let lo = ctx.e.binary("stablehlo.minimum", &lo, &zero);
    let hi = ctx.e.binary("stablehlo.maximum", &hi, &zero);
    let span = ctx.e.binary("stablehlo.subtract", &hi, &lo);
    let steps = ctx.e.splat(qmax - qmin, &f, &[]);
    let scale = ctx.e.binary("stablehlo.divide", &span, &steps);
    let eps = ctx.e.splat(eps, &f, &[]);
    let scale = ctx.e.binary("stablehlo.maximum", &scale, &eps);
    let ratio = ctx.e.binary("stablehlo.divide", &lo, &scale);
    let rounded = ctx.e.unary("stablehlo.round_nearest_even", &ratio);
    let qmin_v = ctx.e.splat(qmin, &f, &[]);
    let zp = ctx.e.binary("stablehlo.subtract", &qmin_v, &rounded);
    let qmax_v = ctx.e.splat(qmax, &f, &[]);
    let zp = ctx.e.binary("stablehlo.minimum", &zp, &qmax_v);
    let zp = ctx.e.binary("stablehlo.maximum", &zp, &qmin_v);
    let mut outs = Vec::new();
    for (i, v) in [scale, zp].into_iter().enumerate() {
        let t = ctx.out_ty(i)?;
        let v = if t.elem == *v.elem() { v } else { ctx.e.convert(&v, &t.elem) };
        outs.push(ctx.e.reshape(&v, t.dims()));
    }
    Ok(outs)
}

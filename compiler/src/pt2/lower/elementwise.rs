//! Element-wise ATen ops: arithmetic with type promotion and broadcasting, unary math,
//! comparisons, logic, activations and dtype conversion. Operands are converted to the
//! result's dtype (as recorded in the archive) and broadcast to its shape explicitly.

use super::{Args, Ctx, LResult, Scalar};
use crate::pt2::emit::Val;
use edge_dialects::ir::ElemTy;

/// The dtype both operands are computed in: the result's, except for comparisons
/// (bool result), where it is the promoted operand type.
pub fn promote(a: &ElemTy, b: &ElemTy) -> ElemTy {
    let rank = |e: &ElemTy| match e {
        ElemTy::I(1) => 0,
        ElemTy::U(w) | ElemTy::I(w) => 1 + *w as i32,
        ElemTy::BF16 | ElemTy::F16 => 100,
        ElemTy::F32 => 101,
        ElemTy::F64 => 102,
        _ => 50,
    };
    if a.is_float() && b.is_float() && a != b && rank(a) == rank(b) {
        return ElemTy::F32; // f16 with bf16 promotes to f32
    }
    if rank(a) >= rank(b) { a.clone() } else { b.clone() }
}

/// `lhs op rhs`, both converted to `compute` and broadcast to the result shape.
fn binary_as(ctx: &mut Ctx, name: &str, lhs: &Val, rhs: &Val, compute: &ElemTy) -> LResult<Val> {
    let out = ctx.out_ty(0)?;
    let a = ctx.e.convert(lhs, compute);
    let b = ctx.e.convert(rhs, compute);
    let a = ctx.e.broadcast_to(&a, out.dims());
    let b = ctx.e.broadcast_to(&b, out.dims());
    Ok(ctx.e.binary(name, &a, &b))
}

/// `self` and `other` (tensor or scalar) in the result's dtype.
fn operands(ctx: &mut Ctx, args: &Args, lhs: &str, rhs: &str) -> LResult<(Val, Val, ElemTy)> {
    let out = ctx.out_ty(0)?.elem;
    let a = args.tensor_or_scalar(ctx, lhs, &out)?;
    let b = args.tensor_or_scalar(ctx, rhs, &out)?;
    Ok((a, b, out))
}

/// `v * alpha`, or `v` when alpha is absent or 1.
pub(super) fn scaled(ctx: &mut Ctx, v: &Val, alpha: Option<Scalar>) -> Val {
    match alpha {
        Some(a) if a.as_f64() != 1.0 => {
            let s = ctx.e.splat_like(a.as_f64(), v.elem(), v);
            ctx.e.binary("stablehlo.multiply", v, &s)
        }
        _ => v.clone(),
    }
}

pub fn add(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let b = ctx.e.convert(&b, &out);
    let b = scaled(ctx, &b, args.opt_scalar("alpha")?);
    Ok(vec![binary_as(ctx, "stablehlo.add", &a, &b, &out)?])
}

pub fn sub(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let b = ctx.e.convert(&b, &out);
    let b = scaled(ctx, &b, args.opt_scalar("alpha")?);
    Ok(vec![binary_as(ctx, "stablehlo.subtract", &a, &b, &out)?])
}

/// `rsub(self, other, alpha) = other - alpha * self`.
pub fn rsub(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let a = ctx.e.convert(&a, &out);
    let a = scaled(ctx, &a, args.opt_scalar("alpha")?);
    Ok(vec![binary_as(ctx, "stablehlo.subtract", &b, &a, &out)?])
}

pub fn mul(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let op = if out.is_bool() { "stablehlo.and" } else { "stablehlo.multiply" };
    Ok(vec![binary_as(ctx, op, &a, &b, &out)?])
}

pub fn div(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let mode = args.opt_str("rounding_mode")?.map(str::to_string);
    let mode = mode.as_deref();
    match (mode, out.is_float()) {
        (None, _) | (Some("trunc"), false) => Ok(vec![binary_as(ctx, "stablehlo.divide", &a, &b, &out)?]),
        (Some("trunc"), true) => {
            let q = binary_as(ctx, "stablehlo.divide", &a, &b, &out)?;
            // trunc(x) = sign(x) * floor(|x|)
            let abs = ctx.e.unary("stablehlo.abs", &q);
            let fl = ctx.e.unary("stablehlo.floor", &abs);
            let sg = ctx.e.unary("stablehlo.sign", &q);
            Ok(vec![ctx.e.binary("stablehlo.multiply", &sg, &fl)])
        }
        (Some("floor"), true) => {
            let q = binary_as(ctx, "stablehlo.divide", &a, &b, &out)?;
            Ok(vec![ctx.e.unary("stablehlo.floor", &q)])
        }
        (Some("floor"), false) => {
            // Integer floor division: q = a / b (truncating); q -= 1 where the remainder
            // is non-zero and the signs of a and b differ.
            let q = binary_as(ctx, "stablehlo.divide", &a, &b, &out)?;
            let r = binary_as(ctx, "stablehlo.remainder", &a, &b, &out)?;
            let zero = ctx.e.splat_like(0.0, &out, &q);
            let one = ctx.e.splat_like(1.0, &out, &q);
            let nz = ctx.e.compare("NE", &r, &zero);
            let bb = ctx.e.convert(&b, &out);
            let bb = ctx.e.broadcast_to(&bb, q.shape());
            let rneg = ctx.e.compare("LT", &r, &zero);
            let bneg = ctx.e.compare("LT", &bb, &zero);
            let differ = ctx.e.compare("NE", &rneg, &bneg);
            let fix = ctx.e.binary("stablehlo.and", &nz, &differ);
            let q1 = ctx.e.binary("stablehlo.subtract", &q, &one);
            Ok(vec![ctx.e.select(&fix, &q1, &q)])
        }
        (Some(m), _) => Err(format!("rounding_mode '{m}' is not supported").into()),
    }
}

pub fn remainder(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    // Python semantics: the result takes the divisor's sign.
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let r = binary_as(ctx, "stablehlo.remainder", &a, &b, &out)?;
    let bb = ctx.e.convert(&b, &out);
    let bb = ctx.e.broadcast_to(&bb, r.shape());
    let zero = ctx.e.splat_like(0.0, &out, &r);
    let nz = ctx.e.compare("NE", &r, &zero);
    let rneg = ctx.e.compare("LT", &r, &zero);
    let bneg = ctx.e.compare("LT", &bb, &zero);
    let differ = ctx.e.compare("NE", &rneg, &bneg);
    let fix = ctx.e.binary("stablehlo.and", &nz, &differ);
    let shifted = ctx.e.binary("stablehlo.add", &r, &bb);
    Ok(vec![ctx.e.select(&fix, &shifted, &r)])
}

pub fn fmod(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    Ok(vec![binary_as(ctx, "stablehlo.remainder", &a, &b, &out)?])
}

pub fn pow(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "exponent")?;
    Ok(vec![binary_as(ctx, "stablehlo.power", &a, &b, &out)?])
}

pub fn maximum(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    Ok(vec![binary_as(ctx, "stablehlo.maximum", &a, &b, &out)?])
}

pub fn minimum(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    Ok(vec![binary_as(ctx, "stablehlo.minimum", &a, &b, &out)?])
}

pub fn atan2(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    Ok(vec![binary_as(ctx, "stablehlo.atan2", &a, &b, &out)?])
}

fn logical(ctx: &mut Ctx, args: &Args, op: &str) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let b = args.tensor(ctx, "other")?;
    let to_bool = |ctx: &mut Ctx, v: &Val| -> Val {
        if v.elem().is_bool() {
            return v.clone();
        }
        let zero = ctx.e.splat_like(0.0, v.elem(), v);
        ctx.e.compare("NE", v, &zero)
    };
    let a = to_bool(ctx, &a);
    let b = to_bool(ctx, &b);
    let a = ctx.e.broadcast_to(&a, out.dims());
    let b = ctx.e.broadcast_to(&b, out.dims());
    let r = ctx.e.binary(op, &a, &b);
    Ok(vec![ctx.e.convert(&r, &out.elem)])
}

pub fn logical_and(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    logical(ctx, args, "stablehlo.and")
}
pub fn logical_or(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    logical(ctx, args, "stablehlo.or")
}
pub fn logical_xor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    logical(ctx, args, "stablehlo.xor")
}

/// Bitwise ops on integers and bools.
fn bitwise(ctx: &mut Ctx, args: &Args, op: &str) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    Ok(vec![binary_as(ctx, op, &a, &b, &out)?])
}
pub fn bitwise_and(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    bitwise(ctx, args, "stablehlo.and")
}
pub fn bitwise_or(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    bitwise(ctx, args, "stablehlo.or")
}
pub fn bitwise_xor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    bitwise(ctx, args, "stablehlo.xor")
}

pub fn logical_not(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let zero = ctx.e.splat_like(0.0, a.elem(), &a);
    let r = ctx.e.compare("EQ", &a, &zero);
    Ok(vec![ctx.e.convert(&r, &out.elem)])
}

pub fn bitwise_not(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let a = args.tensor(ctx, "self")?;
    Ok(vec![ctx.e.unary("stablehlo.not", &a)])
}

fn compare(ctx: &mut Ctx, args: &Args, dir: &str) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    // A Python float compared with an integer tensor promotes the comparison to float
    // (`x_i32 < 0.5` must not become `x < 0`).
    let scalar_is_float = !args.is_tensor("other") && matches!(args.opt_scalar("other"), Ok(Some(Scalar::Float(_))));
    let b_elem = if scalar_is_float && !a.elem().is_float() { ElemTy::F32 } else { a.elem().clone() };
    let b = args.tensor_or_scalar(ctx, "other", &b_elem)?;
    let compute = promote(a.elem(), b.elem());
    let a = ctx.e.convert(&a, &compute);
    let b = ctx.e.convert(&b, &compute);
    let a = ctx.e.broadcast_to(&a, out.dims());
    let b = ctx.e.broadcast_to(&b, out.dims());
    Ok(vec![ctx.e.compare(dir, &a, &b)])
}

pub fn eq(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    compare(ctx, args, "EQ")
}
pub fn ne(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    compare(ctx, args, "NE")
}
pub fn lt(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    compare(ctx, args, "LT")
}
pub fn le(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    compare(ctx, args, "LE")
}
pub fn gt(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    compare(ctx, args, "GT")
}
pub fn ge(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    compare(ctx, args, "GE")
}

/// `where(condition, self, other)`.
pub fn where_self(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let c = args.tensor(ctx, "condition")?;
    let a = args.tensor_or_scalar(ctx, "self", &out.elem)?;
    let b = args.tensor_or_scalar(ctx, "other", &out.elem)?;
    let c = ctx.e.broadcast_to(&c, out.dims());
    let a = ctx.e.convert(&a, &out.elem);
    let b = ctx.e.convert(&b, &out.elem);
    let a = ctx.e.broadcast_to(&a, out.dims());
    let b = ctx.e.broadcast_to(&b, out.dims());
    Ok(vec![ctx.e.select(&c, &a, &b)])
}

/// A unary op computed in the result's dtype.
fn unary(ctx: &mut Ctx, args: &Args, op: &str) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let a = ctx.e.convert(&a, &out.elem);
    Ok(vec![ctx.e.unary(op, &a)])
}

macro_rules! unary_ops {
    ($($name:ident => $op:literal),* $(,)?) => {
        $(pub fn $name(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> { unary(ctx, args, $op) })*
    };
}

unary_ops! {
    abs => "stablehlo.abs",
    ceil => "stablehlo.ceil",
    cos => "stablehlo.cosine",
    exp => "stablehlo.exponential",
    expm1 => "stablehlo.exponential_minus_one",
    floor => "stablehlo.floor",
    log => "stablehlo.log",
    log1p => "stablehlo.log_plus_one",
    neg => "stablehlo.negate",
    round => "stablehlo.round_nearest_even",
    rsqrt => "stablehlo.rsqrt",
    sigmoid => "stablehlo.logistic",
    sign => "stablehlo.sign",
    sin => "stablehlo.sine",
    sqrt => "stablehlo.sqrt",
    tan => "stablehlo.tan",
    tanh => "stablehlo.tanh",
}

pub fn reciprocal(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let a = ctx.e.convert(&a, &out.elem);
    let one = ctx.e.splat_like(1.0, &out.elem, &a);
    Ok(vec![ctx.e.binary("stablehlo.divide", &one, &a)])
}

pub fn log2(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let a = args.tensor(ctx, "self")?;
    let a = ctx.e.convert(&a, &out.elem);
    let l = ctx.e.unary("stablehlo.log", &a);
    let k = ctx.e.splat_like(std::f64::consts::LOG2_E, &out.elem, &a);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &l, &k)])
}

/// `clamp(x, lo, hi)` with optional bounds given as scalars or tensors.
/// `min(max(x, lo), hi)` over the broadcast of `x` and the bounds (`shape`).
fn clamp_between(ctx: &mut Ctx, x: &Val, lo: Option<Val>, hi: Option<Val>, shape: &[i64]) -> Val {
    let mut r = ctx.e.broadcast_to(x, shape);
    let x = r.clone();
    if let Some(lo) = lo {
        let lo = ctx.e.convert(&lo, x.elem());
        let lo = ctx.e.broadcast_to(&lo, x.shape());
        r = ctx.e.binary("stablehlo.maximum", &r, &lo);
    }
    if let Some(hi) = hi {
        let hi = ctx.e.convert(&hi, x.elem());
        let hi = ctx.e.broadcast_to(&hi, x.shape());
        r = ctx.e.binary("stablehlo.minimum", &r, &hi);
    }
    r
}

pub fn clamp(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    let bound = |ctx: &mut Ctx, name: &str| -> LResult<Option<Val>> {
        if args.is_tensor(name) {
            return args.opt_tensor(ctx, name);
        }
        Ok(args.opt_scalar(name)?.map(|s| ctx.scalar_const(s, &out.elem)))
    };
    let lo = bound(ctx, "min")?;
    let hi = bound(ctx, "max")?;
    Ok(vec![clamp_between(ctx, &x, lo, hi, out.dims())])
}

pub fn relu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let zero = ctx.e.splat_like(0.0, x.elem(), &x);
    Ok(vec![ctx.e.binary("stablehlo.maximum", &x, &zero)])
}

pub fn hardtanh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let lo = args.scalar("min_val")?;
    let hi = args.scalar("max_val")?;
    let lo = ctx.scalar_const(lo, x.elem());
    let hi = ctx.scalar_const(hi, x.elem());
    Ok(vec![clamp_between(ctx, &x, Some(lo), Some(hi), &x.shape().to_vec())])
}

pub fn leaky_relu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let slope = args.float("negative_slope")?;
    let zero = ctx.e.splat_like(0.0, x.elem(), &x);
    let k = ctx.e.splat_like(slope, x.elem(), &x);
    let pos = ctx.e.compare("GT", &x, &zero);
    let scaled = ctx.e.binary("stablehlo.multiply", &x, &k);
    Ok(vec![ctx.e.select(&pos, &x, &scaled)])
}

/// `elu(x, alpha, scale, input_scale)`: `scale * x` for x > 0, else
/// `scale * alpha * (exp(x * input_scale) - 1)`.
pub fn elu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let (e, shape) = (x.elem().clone(), x.shape().to_vec());
    let alpha = args.float("alpha")?;
    let scale = args.float("scale")?;
    let input_scale = args.float("input_scale")?;
    let zero = ctx.e.splat(0.0, &e, &shape);
    let pos = ctx.e.compare("GT", &x, &zero);
    let is = ctx.e.splat(input_scale, &e, &shape);
    let xi = ctx.e.binary("stablehlo.multiply", &x, &is);
    let em1 = ctx.e.unary("stablehlo.exponential_minus_one", &xi);
    let a = ctx.e.splat(alpha * scale, &e, &shape);
    let neg = ctx.e.binary("stablehlo.multiply", &em1, &a);
    let s = ctx.e.splat(scale, &e, &shape);
    let posv = ctx.e.binary("stablehlo.multiply", &x, &s);
    Ok(vec![ctx.e.select(&pos, &posv, &neg)])
}

/// `relu6(x + 3) / 6`.
fn hard_sigmoid_of(ctx: &mut Ctx, x: &Val) -> Val {
    let three = ctx.e.splat_like(3.0, x.elem(), x);
    let six = ctx.e.splat_like(6.0, x.elem(), x);
    let zero = ctx.e.splat_like(0.0, x.elem(), x);
    let s = ctx.e.binary("stablehlo.add", x, &three);
    let s = ctx.e.binary("stablehlo.maximum", &s, &zero);
    let s = ctx.e.binary("stablehlo.minimum", &s, &six);
    ctx.e.binary("stablehlo.divide", &s, &six)
}

pub fn hardsigmoid(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    Ok(vec![hard_sigmoid_of(ctx, &x)])
}

pub fn hardswish(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let h = hard_sigmoid_of(ctx, &x);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &x, &h)])
}

pub fn silu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let s = ctx.e.unary("stablehlo.logistic", &x);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &x, &s)])
}

/// GELU: `approximate = "tanh"` uses the tanh form; otherwise the exact erf form, with
/// erf from an f32-accurate rational approximation (StableHLO has no erf op).
pub fn gelu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let approximate = match args.node.inputs.iter().find(|a| a.name == "approximate").map(|a| &a.arg) {
        Some(crate::pt2::schema::Argument::AsString(s)) => s.clone(),
        _ => "none".to_string(),
    };
    let (e, shape) = (x.elem().clone(), x.shape().to_vec());
    let c = |ctx: &mut Ctx, v: f64| ctx.e.splat(v, &e, &shape);
    let half = c(ctx, 0.5);
    let one = c(ctx, 1.0);
    let inner = match approximate.as_str() {
        "tanh" => {
            // tanh(sqrt(2/pi) * (x + 0.044715 x^3))
            let k = c(ctx, (2.0 / std::f64::consts::PI).sqrt());
            let a = c(ctx, 0.044715);
            let x2 = ctx.e.binary("stablehlo.multiply", &x, &x);
            let x3 = ctx.e.binary("stablehlo.multiply", &x2, &x);
            let t = ctx.e.binary("stablehlo.multiply", &a, &x3);
            let t = ctx.e.binary("stablehlo.add", &x, &t);
            let t = ctx.e.binary("stablehlo.multiply", &k, &t);
            ctx.e.unary("stablehlo.tanh", &t)
        }
        "none" => {
            let k = c(ctx, std::f64::consts::FRAC_1_SQRT_2);
            let t = ctx.e.binary("stablehlo.multiply", &x, &k);
            erf(ctx, &t)
        }
        other => return Err(format!("gelu approximate='{other}' is not supported").into()),
    };
    let s = ctx.e.binary("stablehlo.add", &one, &inner);
    let s = ctx.e.binary("stablehlo.multiply", &x, &s);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &half, &s)])
}

/// erf(x) for f32: clamp to [-4, 4] and evaluate Eigen's/XLA's rational approximation
/// (max error ~1e-7 over the range; coefficients in `edge_dialects::approximations`).
pub fn erf(ctx: &mut Ctx, x: &Val) -> Val {
    use edge_dialects::approximations::{ERF_ALPHA as ALPHA, ERF_BETA as BETA};
    let (e, shape) = (x.elem().clone(), x.shape().to_vec());
    let lo = ctx.e.splat(-4.0, &e, &shape);
    let hi = ctx.e.splat(4.0, &e, &shape);
    let xc = ctx.e.binary("stablehlo.maximum", x, &lo);
    let xc = ctx.e.binary("stablehlo.minimum", &xc, &hi);
    let x2 = ctx.e.binary("stablehlo.multiply", &xc, &xc);
    let poly = |ctx: &mut Ctx, coeffs: &[f64]| -> Val {
        let mut p = ctx.e.splat(coeffs[0], &e, &shape);
        for &k in &coeffs[1..] {
            p = ctx.e.binary("stablehlo.multiply", &p, &x2);
            let kk = ctx.e.splat(k, &e, &shape);
            p = ctx.e.binary("stablehlo.add", &p, &kk);
        }
        p
    };
    let p = poly(ctx, &ALPHA);
    let p = ctx.e.binary("stablehlo.multiply", &p, &xc);
    let q = poly(ctx, &BETA);
    ctx.e.binary("stablehlo.divide", &p, &q)
}

pub fn erf_op(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    Ok(vec![erf(ctx, &x)])
}

/// `_to_copy` / `to` / `clone`: a dtype conversion (or the value itself).
pub fn to_copy(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    if out.elem.is_bool() && !x.elem().is_bool() {
        let zero = ctx.e.splat_like(0.0, x.elem(), &x);
        return Ok(vec![ctx.e.compare("NE", &x, &zero)]);
    }
    Ok(vec![ctx.e.convert(&x, &out.elem)])
}

pub fn identity(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    Ok(vec![args.tensor(ctx, "self")?])
}

/// `self` converted to the result's (float) dtype.
pub(super) fn float_operand(ctx: &mut Ctx, args: &Args) -> LResult<Val> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    if !out.elem.is_float() {
        return Err(format!("this op needs a floating-point result, got {}", out.elem).into());
    }
    Ok(ctx.e.convert(&x, &out.elem))
}

fn splat_like(ctx: &mut Ctx, v: f64, x: &Val) -> Val {
    ctx.e.splat_like(v, x.elem(), x)
}

/// `sqrt((1 - x) * (1 + x))`, the cosine of asin(x) (NaN outside [-1, 1]).
fn sqrt_one_minus_square(ctx: &mut Ctx, x: &Val) -> Val {
    let one = splat_like(ctx, 1.0, x);
    let a = ctx.e.binary("stablehlo.subtract", &one, x);
    let b = ctx.e.binary("stablehlo.add", &one, x);
    let p = ctx.e.binary("stablehlo.multiply", &a, &b);
    ctx.e.unary("stablehlo.sqrt", &p)
}

/// `atan(x) = atan2(x, 1)`.
pub fn atan(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let one = splat_like(ctx, 1.0, &x);
    Ok(vec![ctx.e.binary("stablehlo.atan2", &x, &one)])
}

/// `asin(x) = atan2(x, sqrt((1 - x)(1 + x)))`.
pub fn asin(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let c = sqrt_one_minus_square(ctx, &x);
    Ok(vec![ctx.e.binary("stablehlo.atan2", &x, &c)])
}

/// `acos(x) = atan2(sqrt((1 - x)(1 + x)), x)`.
pub fn acos(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let s = sqrt_one_minus_square(ctx, &x);
    Ok(vec![ctx.e.binary("stablehlo.atan2", &s, &x)])
}

/// `sinh(x) = (expm1(x) - expm1(-x)) / 2` (accurate near 0; overflows about 0.7 before
/// PyTorch does, above |x| = 88.7 in f32).
pub fn sinh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let nx = ctx.e.unary("stablehlo.negate", &x);
    let a = ctx.e.unary("stablehlo.exponential_minus_one", &x);
    let b = ctx.e.unary("stablehlo.exponential_minus_one", &nx);
    let d = ctx.e.binary("stablehlo.subtract", &a, &b);
    let half = splat_like(ctx, 0.5, &x);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &d, &half)])
}

/// `cosh(x) = (exp(x) + exp(-x)) / 2`.
pub fn cosh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let nx = ctx.e.unary("stablehlo.negate", &x);
    let a = ctx.e.unary("stablehlo.exponential", &x);
    let b = ctx.e.unary("stablehlo.exponential", &nx);
    let s = ctx.e.binary("stablehlo.add", &a, &b);
    let half = splat_like(ctx, 0.5, &x);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &s, &half)])
}

/// Where `|x|` is beyond `1e18` (where squaring overflows or loses everything),
/// `log(|x|) + ln 2`; elsewhere `near`.
fn log_2x_when_huge(ctx: &mut Ctx, ax: &Val, near: Val) -> Val {
    let big = splat_like(ctx, 1e18, ax);
    let huge = ctx.e.compare("GT", ax, &big);
    let l = ctx.e.unary("stablehlo.log", ax);
    let ln2 = splat_like(ctx, std::f64::consts::LN_2, ax);
    let far = ctx.e.binary("stablehlo.add", &l, &ln2);
    ctx.e.select(&huge, &far, &near)
}

/// `asinh(x) = sign(x) * log1p(|x| + x^2 / (1 + sqrt(1 + x^2)))`.
pub fn asinh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let ax = ctx.e.unary("stablehlo.abs", &x);
    let one = splat_like(ctx, 1.0, &x);
    let x2 = ctx.e.binary("stablehlo.multiply", &ax, &ax);
    let s = ctx.e.binary("stablehlo.add", &one, &x2);
    let s = ctx.e.unary("stablehlo.sqrt", &s);
    let s = ctx.e.binary("stablehlo.add", &one, &s);
    let q = ctx.e.binary("stablehlo.divide", &x2, &s);
    let t = ctx.e.binary("stablehlo.add", &ax, &q);
    let near = ctx.e.unary("stablehlo.log_plus_one", &t);
    let r = log_2x_when_huge(ctx, &ax, near);
    let sg = ctx.e.unary("stablehlo.sign", &x);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &sg, &r)])
}

/// `acosh(x) = log1p(t + sqrt(t * (t + 2)))` with `t = x - 1` (NaN below 1).
pub fn acosh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let one = splat_like(ctx, 1.0, &x);
    let two = splat_like(ctx, 2.0, &x);
    let t = ctx.e.binary("stablehlo.subtract", &x, &one);
    let t2 = ctx.e.binary("stablehlo.add", &t, &two);
    let p = ctx.e.binary("stablehlo.multiply", &t, &t2);
    let s = ctx.e.unary("stablehlo.sqrt", &p);
    let u = ctx.e.binary("stablehlo.add", &t, &s);
    let near = ctx.e.unary("stablehlo.log_plus_one", &u);
    Ok(vec![log_2x_when_huge(ctx, &x, near)])
}

/// `atanh(x) = log1p(2x / (1 - x)) / 2` (+-inf at +-1, NaN beyond).
pub fn atanh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let one = splat_like(ctx, 1.0, &x);
    let two = splat_like(ctx, 2.0, &x);
    let half = splat_like(ctx, 0.5, &x);
    let num = ctx.e.binary("stablehlo.multiply", &two, &x);
    let den = ctx.e.binary("stablehlo.subtract", &one, &x);
    let q = ctx.e.binary("stablehlo.divide", &num, &den);
    let l = ctx.e.unary("stablehlo.log_plus_one", &q);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &l, &half)])
}

/// `log10(x) = log(x) * log10(e)`.
pub fn log10(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let l = ctx.e.unary("stablehlo.log", &x);
    let k = splat_like(ctx, std::f64::consts::LOG10_E, &x);
    Ok(vec![ctx.e.binary("stablehlo.multiply", &l, &k)])
}

/// `exp2(x) = 2 ** x`.
pub fn exp2(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let two = splat_like(ctx, 2.0, &x);
    Ok(vec![ctx.e.binary("stablehlo.power", &two, &x)])
}

/// `trunc(x)`: rounds toward zero (`ceil` below zero, `floor` above); integers are
/// already whole.
pub fn trunc(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let x = ctx.e.convert(&x, &out.elem);
    if !out.elem.is_float() {
        return Ok(vec![x]);
    }
    let zero = splat_like(ctx, 0.0, &x);
    let neg = ctx.e.compare("LT", &x, &zero);
    let c = ctx.e.unary("stablehlo.ceil", &x);
    let f = ctx.e.unary("stablehlo.floor", &x);
    Ok(vec![ctx.e.select(&neg, &c, &f)])
}

/// `round.decimals(self, decimals)`: round half to even at `10^-decimals`:
/// `round(x * 10^d) / 10^d` (for negative `d`, `round(x / 10^-d) * 10^-d`).
pub fn round_decimals(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = float_operand(ctx, args)?;
    let d = args.int("decimals")?;
    let k = splat_like(ctx, 10f64.powi(d.unsigned_abs() as i32), &x);
    let (scale, unscale) = if d >= 0 { ("stablehlo.multiply", "stablehlo.divide") } else { ("stablehlo.divide", "stablehlo.multiply") };
    let s = ctx.e.binary(scale, &x, &k);
    let r = ctx.e.unary("stablehlo.round_nearest_even", &s);
    Ok(vec![ctx.e.binary(unscale, &r, &k)])
}

/// `isnan(x)`: `x != x` (always false for integers).
pub fn isnan(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    if !x.elem().is_float() {
        return Ok(vec![ctx.e.splat_like(0.0, &ElemTy::I(1), &x)]);
    }
    Ok(vec![ctx.e.compare("NE", &x, &x)])
}

/// `isinf(x)`: `|x| == inf` (always false for integers).
pub fn isinf(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    if !x.elem().is_float() {
        return Ok(vec![ctx.e.splat_like(0.0, &ElemTy::I(1), &x)]);
    }
    let a = ctx.e.unary("stablehlo.abs", &x);
    let inf = splat_like(ctx, f64::INFINITY, &x);
    Ok(vec![ctx.e.compare("EQ", &a, &inf)])
}

/// `signbit(x)`: the sign bit (true for -0.0), read by bitcasting floats to integers of
/// the same width; `x < 0` for signed integers, false for unsigned ones and bools.
pub fn signbit(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let as_int = match x.elem() {
        ElemTy::F16 | ElemTy::BF16 => Some(ElemTy::I(16)),
        ElemTy::F32 => Some(ElemTy::I(32)),
        ElemTy::F64 => Some(ElemTy::I(64)),
        ElemTy::I(w) if *w > 1 => None,
        _ => return Ok(vec![ctx.e.splat_like(0.0, &ElemTy::I(1), &x)]),
    };
    let v = match as_int {
        Some(it) => {
            let t = edge_dialects::ir::TensorTy { elem: it, ..x.ty.clone() };
            ctx.e.op("stablehlo.bitcast_convert", &[&x], "", t)
        }
        None => x,
    };
    let zero = ctx.e.splat_like(0.0, v.elem(), &v);
    Ok(vec![ctx.e.compare("LT", &v, &zero)])
}

/// `hypot(a, b) = m * sqrt(1 + (n / m)^2)` with `m = max(|a|, |b|)`, `n = min(...)`:
/// no overflow in the squares; 0 when both are 0 and inf when either is inf.
pub fn hypot(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let (a, b, out) = operands(ctx, args, "self", "other")?;
    let shape = ctx.out_ty(0)?.dims().to_vec();
    let a = ctx.e.convert(&a, &out);
    let b = ctx.e.convert(&b, &out);
    let a = ctx.e.broadcast_to(&a, &shape);
    let b = ctx.e.broadcast_to(&b, &shape);
    let aa = ctx.e.unary("stablehlo.abs", &a);
    let ab = ctx.e.unary("stablehlo.abs", &b);
    let m = ctx.e.binary("stablehlo.maximum", &aa, &ab);
    let n = ctx.e.binary("stablehlo.minimum", &aa, &ab);
    let q = ctx.e.binary("stablehlo.divide", &n, &m);
    let q2 = ctx.e.binary("stablehlo.multiply", &q, &q);
    let one = splat_like(ctx, 1.0, &m);
    let s = ctx.e.binary("stablehlo.add", &one, &q2);
    let s = ctx.e.unary("stablehlo.sqrt", &s);
    let r = ctx.e.binary("stablehlo.multiply", &m, &s);
    let zero = splat_like(ctx, 0.0, &m);
    let is_zero = ctx.e.compare("EQ", &m, &zero);
    let r = ctx.e.select(&is_zero, &zero, &r);
    let inf = splat_like(ctx, f64::INFINITY, &m);
    let is_inf = ctx.e.compare("EQ", &m, &inf);
    Ok(vec![ctx.e.select(&is_inf, &inf, &r)])
}

/// `native_dropout(input, p, train)` -> (output, mask) outside training: the input and
/// an all-true mask. In training (`train` true or absent, with `p > 0`) dropout is
/// random, which edge does not convert.
pub fn native_dropout(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "input")?;
    let p = args.float("p")?;
    let train = args.opt_int("train")?.map(|t| t != 0).unwrap_or(true);
    if train && p > 0.0 {
        return Err("native_dropout in training mode is random; export the model in eval() mode".into());
    }
    let mut outs = vec![x.clone()];
    if let Ok(t) = ctx.out_ty(1) {
        outs.push(ctx.e.splat(1.0, &t.elem, t.dims()));
    }
    Ok(outs)
}

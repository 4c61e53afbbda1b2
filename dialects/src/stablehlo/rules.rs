//! Verifier and result-type rules of the StableHLO catalog. Each rule checks the
//! constraints of the spec (openxla/stablehlo `docs/spec.md`) that the op's operand
//! types and attributes can show, and cites the constraint label (`transpose_c2`) in
//! its message. Region bodies are not visible to the catalog, so constraints on them
//! (reduce_c6, while_c1...) are left to MLIR's region verifier and the passes.
//!
//! Leniency follows the reference verifier (`stablehlo/dialect/TypeInference.cpp`):
//! a dynamic dimension (`?`) matches any size, an unranked tensor skips shape checks,
//! and where the reference checks only shapes (dot_general, convolution, reduce...),
//! result element types are taken from the IR.

use super::attrs::{self, ComparisonDirection, ComparisonType, ConvDims, DotDims, GatherDims, Precision, ScatterDims};
use crate::ir::{Attr, ElemTy, OpView, TensorTy, DYN};
use crate::rules::{same_elem_kind, Infer};

pub type Check = Result<(), String>;

// ---------------------------------------------------------------------------------
// Element classes. `catalog::Elem` has no class for complex numbers, the 8/6/4-bit
// floats, `index` or tokens; slots that admit them accept any element type and these
// classes are checked by the rule.

/// An element class of the spec.
#[derive(Clone, Copy)]
pub struct Class {
    pub name: &'static str,
    pub accepts: fn(&ElemTy) -> bool,
}

pub fn is_float(e: &ElemTy) -> bool {
    e.is_float()
        || matches!(e, ElemTy::Other(s) if s == "tf32" || ["f8E", "f6E", "f4E"].iter().any(|p| s.starts_with(p)))
}
pub fn is_complex(e: &ElemTy) -> bool {
    matches!(e, ElemTy::Other(s) if s.starts_with("complex<"))
}
/// Signless or signed integer (StableHLO's signed integers are signless in MLIR).
pub fn is_sint(e: &ElemTy) -> bool {
    matches!(e, ElemTy::I(w) if *w > 1)
}
pub fn is_index(e: &ElemTy) -> bool {
    matches!(e, ElemTy::Other(s) if s == "index")
}
pub fn is_token(t: &TensorTy) -> bool {
    !t.is_tensor && matches!(&t.elem, ElemTy::Other(s) if s == "!stablehlo.token")
}
pub fn is_tuple(t: &TensorTy) -> bool {
    !t.is_tensor && matches!(&t.elem, ElemTy::Other(s) if s.starts_with("tuple<"))
}

pub const FP: Class = Class { name: "floating-point type", accepts: is_float };
pub const FP_Q: Class = Class { name: "floating-point or quantized type", accepts: |e| is_float(e) || e.is_quant() };
pub const FP_COMPLEX: Class =
    Class { name: "floating-point or complex type", accepts: |e| is_float(e) || is_complex(e) };
pub const FP_COMPLEX_Q: Class = Class {
    name: "floating-point, complex or quantized type",
    accepts: |e| is_float(e) || is_complex(e) || e.is_quant(),
};
pub const INT_FP_COMPLEX_Q: Class = Class {
    name: "integer, floating-point, complex or quantized type",
    accepts: |e| e.is_int() || is_float(e) || is_complex(e) || e.is_quant(),
};
pub const SINT_FP_COMPLEX_Q: Class = Class {
    name: "signed integer, floating-point, complex or quantized type",
    accepts: |e| is_sint(e) || is_float(e) || is_complex(e) || e.is_quant(),
};
pub const INT: Class = Class { name: "integer type", accepts: ElemTy::is_int };
pub const PRED_INT: Class = Class { name: "boolean or integer type", accepts: |e| e.is_bool() || e.is_int() };
pub const PRED_INT_FP: Class =
    Class { name: "boolean, integer or floating-point type", accepts: |e| e.is_bool() || e.is_int() || is_float(e) };
pub const INT_FP: Class = Class { name: "integer or floating-point type", accepts: |e| e.is_int() || is_float(e) };
pub const INT_OR_INDEX: Class = Class { name: "integer or index type", accepts: |e| e.is_int() || is_index(e) };
/// Any tensor element type of the spec (HLO_Tensor).
pub const TENSOR: Class = Class {
    name: "boolean, integer, floating-point, complex or quantized type",
    accepts: |e| e.is_bool() || e.is_int() || is_float(e) || is_complex(e) || e.is_quant(),
};
pub const NON_QUANT: Class = Class {
    name: "boolean, integer, floating-point or complex type",
    accepts: |e| e.is_bool() || e.is_int() || is_float(e) || is_complex(e),
};

/// `t` is a tensor whose element type is in `class`.
pub fn check_class(t: &TensorTy, what: &str, class: Class) -> Check {
    if t.is_tensor && (class.accepts)(&t.elem) {
        Ok(())
    } else {
        Err(format!("{what} must be a tensor of {}, got {t}", class.name))
    }
}

// ---------------------------------------------------------------------------------
// Small helpers.

fn operand(op: &OpView, i: usize) -> Result<&TensorTy, String> {
    op.operands.get(i).ok_or_else(|| format!("expected operand #{i}"))
}
fn result(op: &OpView, i: usize) -> Result<&TensorTy, String> {
    op.results.get(i).ok_or_else(|| format!("expected result #{i}"))
}
fn req_attr<'a>(op: &'a OpView, name: &str) -> Result<&'a Attr, String> {
    op.attr(name).ok_or_else(|| format!("requires attribute '{name}'"))
}
fn req_ints(op: &OpView, name: &str) -> Result<Vec<i64>, String> {
    req_attr(op, name)?.as_ints().ok_or_else(|| format!("attribute '{name}' must be an integer list"))
}
fn req_int(op: &OpView, name: &str) -> Result<i64, String> {
    op.int_attr(name).ok_or_else(|| format!("requires integer attribute '{name}'"))
}
fn flag(op: &OpView, name: &str) -> bool {
    matches!(op.attr(name), Some(Attr::Bool(true) | Attr::Unit))
}
fn list(v: &[i64]) -> String {
    let items: Vec<String> = v.iter().map(|d| if *d == DYN { "?".into() } else { d.to_string() }).collect();
    format!("[{}]", items.join(", "))
}
fn in_range(v: &[i64], n: usize) -> bool {
    v.iter().all(|&d| d >= 0 && (d as usize) < n)
}
fn unique(v: &[i64]) -> bool {
    v.iter().enumerate().all(|(i, x)| !v[..i].contains(x))
}
fn sorted(v: &[i64]) -> bool {
    v.windows(2).all(|w| w[0] <= w[1])
}
fn concat(a: &[i64], b: &[i64]) -> Vec<i64> {
    a.iter().chain(b).copied().collect()
}
/// Two sizes can be equal at run time.
fn dim_ok(a: i64, b: i64) -> bool {
    a < 0 || b < 0 || a == b
}
fn dims_ok(a: &[i64], b: &[i64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| dim_ok(x, y))
}
/// Shapes can be equal at run time (unranked matches anything).
fn shapes_ok(a: &TensorTy, b: &TensorTy) -> bool {
    match (&a.shape, &b.shape) {
        (Some(x), Some(y)) => dims_ok(x, y),
        _ => true,
    }
}
fn ranked_tensor(shape: Vec<i64>, elem: ElemTy) -> TensorTy {
    TensorTy::ranked(shape, elem)
}
/// `elem`, or result #i's element type when both are quantized (per-axis parameters
/// may legitimately change: broadcast_in_dim_c1, transpose_c1, reshape_c1...).
fn keep_quant(op: &OpView, i: usize, elem: &ElemTy) -> ElemTy {
    match op.results.get(i) {
        Some(r) if r.elem.is_quant() && elem.is_quant() => r.elem.clone(),
        _ => elem.clone(),
    }
}
/// Result #i's element type (for ops whose result element type the operands do not
/// determine), or `fallback`.
fn result_elem(op: &OpView, i: usize, fallback: &ElemTy) -> ElemTy {
    op.results.get(i).map(|r| r.elem.clone()).unwrap_or_else(|| fallback.clone())
}
/// The float type inside `complex<...>`, or `e` itself.
fn component(e: &ElemTy) -> ElemTy {
    match e {
        ElemTy::Other(s) if s.starts_with("complex<") => {
            match s.strip_prefix("complex<").and_then(|r| r.strip_suffix('>')).unwrap_or("") {
                "f16" => ElemTy::F16,
                "bf16" => ElemTy::BF16,
                "f32" => ElemTy::F32,
                "f64" => ElemTy::F64,
                other => ElemTy::Other(other.to_string()),
            }
        }
        _ => e.clone(),
    }
}
fn same_elems(a: &TensorTy, b: &TensorTy, what: &str, label: &str) -> Check {
    if same_elem_kind(&a.elem, &b.elem) {
        Ok(())
    } else {
        Err(format!("{what} have different element types, {} and {} ({label})", a.elem, b.elem))
    }
}
/// Number of bits of an element type, when known.
fn num_bits(e: &ElemTy) -> Option<u64> {
    match e {
        ElemTy::F16 | ElemTy::BF16 => Some(16),
        ElemTy::F32 => Some(32),
        ElemTy::F64 => Some(64),
        ElemTy::I(w) | ElemTy::U(w) => Some(*w as u64),
        ElemTy::Quant(q) => Some(q.storage_bits as u64),
        ElemTy::Other(s) if s.starts_with("complex<") => num_bits(&component(e)).map(|b| 2 * b),
        ElemTy::Other(s) if s.starts_with("f8E") => Some(8),
        ElemTy::Other(s) if s.starts_with("f6E") => Some(6),
        ElemTy::Other(s) if s.starts_with("f4E") => Some(4),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------
// Element-wise ops (spec: baseline_type(operand) = baseline_type(result); binary ops
// do not broadcast).

fn unary_same(op: &OpView, class: Class) -> Check {
    let x = operand(op, 0)?;
    check_class(x, "operand", class)?;
    if let Some(r) = op.results.first() {
        check_class(r, "result", class)?;
        same_elems(x, r, "operand and result", "baseline_type(operand) = baseline_type(result)")?;
    }
    Ok(())
}

fn binary_same(op: &OpView, class: Class) -> Check {
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    check_class(l, "lhs", class)?;
    check_class(r, "rhs", class)?;
    same_elems(l, r, "lhs and rhs", "baseline_type(lhs) = baseline_type(rhs)")?;
    if !shapes_ok(l, r) {
        return Err(format!("lhs {l} and rhs {r} must have the same shape (StableHLO does not broadcast)"));
    }
    if let Some(out) = op.results.first() {
        check_class(out, "result", class)?;
        same_elems(l, out, "operands and result", "baseline_type(lhs) = baseline_type(result)")?;
    }
    Ok(())
}

macro_rules! class_rules {
    ($($(#[$doc:meta])* $name:ident = $base:ident($class:expr);)*) => {
        $($(#[$doc])* pub fn $name(op: &OpView) -> Check { $base(op, $class) })*
    };
}

class_rules! {
    /// ceil, floor, round_nearest_*, reduce_precision (c1).
    unary_fp_q = unary_same(FP_Q);
    /// cbrt, cosine, exponential, log, logistic, rsqrt, sine, sqrt, tan, tanh (c1), cholesky_c1.
    unary_fp_complex_q = unary_same(FP_COMPLEX_Q);
    /// negate_c1.
    unary_int_fp_complex_q = unary_same(INT_FP_COMPLEX_Q);
    /// sign_c1.
    unary_sint_fp_complex_q = unary_same(SINT_FP_COMPLEX_Q);
    /// count_leading_zeros_c1, popcnt_c1.
    unary_int = unary_same(INT);
    /// not_c1.
    unary_pred_int = unary_same(PRED_INT);
    /// add, multiply, maximum, minimum (c1).
    binary_tensor = binary_same(TENSOR);
    /// divide, power, remainder, subtract (c1).
    binary_int_fp_complex_q = binary_same(INT_FP_COMPLEX_Q);
    /// atan2_c1.
    binary_fp_complex_q = binary_same(FP_COMPLEX_Q);
    /// shift_left, shift_right_arithmetic, shift_right_logical (c1).
    binary_int = binary_same(INT);
    /// and, or, xor (c1).
    binary_pred_int = binary_same(PRED_INT);
}

/// abs: complex operands give their component type (abs_c2).
pub fn abs(op: &OpView) -> Check {
    let x = operand(op, 0)?;
    check_class(x, "operand", SINT_FP_COMPLEX_Q)?;
    if let Some(r) = op.results.first() {
        if !same_elem_kind(&component(&x.elem), &r.elem) {
            return Err(format!("result element type {} must be {} (abs_c2)", r.elem, component(&x.elem)));
        }
    }
    Ok(())
}

/// abs, real, imag: the operand's shape with its component element type.
pub fn infer_component(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    Ok(vec![TensorTy { shape: x.shape.clone(), elem: keep_quant(op, 0, &component(&x.elem)), is_tensor: true }])
}

/// real, imag: floating-point or complex operand, floating-point result (real_c2).
pub fn real_imag(op: &OpView) -> Check {
    check_class(operand(op, 0)?, "operand", FP_COMPLEX)?;
    check_class(result(op, 0)?, "result", FP)
}

/// complex: `lhs`, `rhs` of one type (complex_c1).
pub fn complex(op: &OpView) -> Check {
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    if l.elem != r.elem || !shapes_ok(l, r) {
        return Err(format!("lhs {l} and rhs {r} must have the same type (complex_c1)"));
    }
    Ok(())
}

/// complex: `complex<E>` of the operands' shape (complex_c2, complex_c3).
pub fn infer_complex(op: &OpView) -> Infer {
    let l = operand(op, 0)?;
    Ok(vec![TensorTy { shape: l.shape.clone(), elem: ElemTy::Other(format!("complex<{}>", l.elem)), is_tensor: true }])
}

/// is_finite: `x` floating-point or quantized.
pub fn is_finite(op: &OpView) -> Check {
    check_class(operand(op, 0)?, "x", FP_Q)
}

/// Boolean tensor of the first operand's shape (is_finite_c1, compare_c2).
pub fn infer_bool_like_first(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    Ok(vec![TensorTy { shape: x.shape.clone(), elem: ElemTy::I(1), is_tensor: true }])
}

/// convert: non-quantized tensors (convert_c1 on shapes is checked by the result type).
pub fn convert(op: &OpView) -> Check {
    check_class(operand(op, 0)?, "operand", NON_QUANT)?;
    check_class(result(op, 0)?, "result", NON_QUANT)
}

/// bitcast_convert_c1: shapes related by the element bit widths.
pub fn bitcast_convert(op: &OpView) -> Check {
    let (x, r) = (operand(op, 0)?, result(op, 0)?);
    if is_complex(&x.elem) != is_complex(&r.elem) {
        return Err("operand and result must both be complex or both not complex (bitcast_convert_c2)".into());
    }
    let (Some(xs), Some(rs), Some(e), Some(e2)) = (
        x.shape.as_deref(),
        r.shape.as_deref(),
        num_bits(&x.elem).filter(|&b| b > 0),
        num_bits(&r.elem).filter(|&b| b > 0),
    ) else {
        return Ok(());
    };
    let ok = if e2 == e {
        dims_ok(xs, rs)
    } else if e2 < e {
        rs.len() == xs.len() + 1 && dims_ok(xs, &rs[..xs.len()]) && dim_ok(rs[xs.len()], (e / e2) as i64) && e % e2 == 0
    } else {
        xs.len() == rs.len() + 1 && dims_ok(&xs[..rs.len()], rs) && dim_ok(xs[rs.len()], (e2 / e) as i64) && e2 % e == 0
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "cannot bitcast {x} to {r}: shapes must agree up to the ratio of element bit widths (bitcast_convert_c1)"
        ))
    }
}

/// reduce_precision: exponent_bits >= 1, mantissa_bits >= 0 (c2, c3).
pub fn reduce_precision(op: &OpView) -> Check {
    unary_fp_q(op)?;
    let (e, m) = (req_int(op, "exponent_bits")?, req_int(op, "mantissa_bits")?);
    if e < 1 {
        return Err(format!("exponent_bits must be >= 1, got {e} (reduce_precision_c2)"));
    }
    if m < 0 {
        return Err(format!("mantissa_bits must be >= 0, got {m} (reduce_precision_c3)"));
    }
    Ok(())
}

/// uniform_quantize: float or quantized operand, quantized result expressing the
/// operand's float type (uniform_quantize_c2).
pub fn uniform_quantize(op: &OpView) -> Check {
    let (x, r) = (operand(op, 0)?, result(op, 0)?);
    check_class(x, "operand", FP_Q)?;
    let ElemTy::Quant(q) = &r.elem else {
        return Err(format!("result must be a quantized tensor, got {r}"));
    };
    let expressed = match &x.elem {
        ElemTy::Quant(xq) => (*xq.expressed).clone(),
        e => e.clone(),
    };
    if *q.expressed != expressed {
        return Err(format!(
            "result expresses {}, but the operand gives {expressed} (uniform_quantize_c2)",
            q.expressed
        ));
    }
    Ok(())
}

/// uniform_dequantize: the operand's shape, its expressed type (c1, c2).
pub fn infer_uniform_dequantize(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let ElemTy::Quant(q) = &x.elem else {
        return Err(format!("operand must be a quantized tensor, got {x}"));
    };
    Ok(vec![TensorTy { shape: x.shape.clone(), elem: (*q.expressed).clone(), is_tensor: true }])
}

/// clamp: `min`/`max` scalars or of the operand's shape, one baseline element type.
pub fn clamp(op: &OpView) -> Check {
    let (min, x, max) = (operand(op, 0)?, operand(op, 1)?, operand(op, 2)?);
    check_class(x, "operand", TENSOR)?;
    for (t, name, label) in [(min, "min", "clamp_c1"), (max, "max", "clamp_c2")] {
        if t.rank() != Some(0) && !shapes_ok(t, x) {
            return Err(format!("{name} {t} must be a scalar or have the operand's shape {x} ({label})"));
        }
        same_elems(t, x, &format!("{name} and operand"), "clamp_c3")?;
    }
    Ok(())
}

/// The type of operand #1 (clamp_c4, select_c2).
pub fn infer_operand1_type(op: &OpView) -> Infer {
    let x = operand(op, 1)?;
    Ok(vec![TensorTy { elem: keep_quant(op, 0, &x.elem), ..x.clone() }])
}

/// select: `pred` a scalar or of `on_true`'s shape; branches of one type.
pub fn select(op: &OpView) -> Check {
    let (p, t, f) = (operand(op, 0)?, operand(op, 1)?, operand(op, 2)?);
    if p.rank() != Some(0) && !shapes_ok(p, t) {
        return Err(format!("pred {p} must be a scalar or have on_true's shape {t} (select_c1)"));
    }
    same_elems(t, f, "on_true and on_false", "select_c2")?;
    if !shapes_ok(t, f) {
        return Err(format!("on_true {t} and on_false {f} must have the same shape (select_c2)"));
    }
    Ok(())
}


/// compare: one baseline element type and shape (c1, c2), known enum cases. compare_c3
/// (compare_type against the element type) is not enforced, like the reference
/// verifier.
pub fn compare(op: &OpView) -> Check {
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    check_class(l, "lhs", TENSOR)?;
    same_elems(l, r, "lhs and rhs", "compare_c1")?;
    if !shapes_ok(l, r) {
        return Err(format!("lhs {l} and rhs {r} must have the same shape (compare_c2)"));
    }
    ComparisonDirection::from_attr(req_attr(op, "comparison_direction")?, "comparison_direction")?;
    if let Some(t) = op.attr("compare_type") {
        ComparisonType::from_attr(t, "compare_type")?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------
// Constants and iota.

/// constant_c1: type(value) = type(output); a quantized output holds its storage type.
pub fn constant(op: &OpView) -> Check {
    let out = result(op, 0)?;
    let ty = match req_attr(op, "value")? {
        Attr::Dense { ty, .. } | Attr::DenseResource { ty } => ty,
        _ => return Ok(()),
    };
    let elem_ok = match &out.elem {
        ElemTy::Quant(q) => num_bits(&ty.elem) == Some(q.storage_bits as u64) || ty.elem == out.elem,
        e => *e == ty.elem,
    };
    if !elem_ok || !shapes_ok(ty, out) {
        return Err(format!("value has type {ty}, but the output is {out} (constant_c1)"));
    }
    Ok(())
}

/// iota_c1: 0 <= iota_dimension < rank(output).
pub fn iota(op: &OpView) -> Check {
    let out = result(op, 0)?;
    check_class(out, "output", INT_FP_COMPLEX_Q)?;
    let d = req_int(op, "iota_dimension")?;
    match out.rank() {
        Some(r) if d < 0 || d as usize >= r => {
            Err(format!("iota_dimension {d} is out of range for output rank {r} (iota_c1)"))
        }
        _ => Ok(()),
    }
}

/// A 1-D shape operand (`output_shape`, `output_dimensions`...): its static size and
/// constant contents when known.
fn shape_operand(op: &OpView, i: usize, what: &str) -> Result<(Option<i64>, Option<Vec<i64>>), String> {
    let t = operand(op, i)?;
    check_class(t, what, INT_OR_INDEX)?;
    match t.shape.as_deref() {
        Some([n]) => Ok(((*n >= 0).then_some(*n), op.operand_consts.get(i).cloned().flatten())),
        Some(s) => Err(format!("{what} must be a 1-dimensional tensor, got rank {}", s.len())),
        None => Ok((None, None)),
    }
}

/// Checks a result's rank and dims against a shape operand (`size(output_shape) =
/// rank(result)`; constant contents fix the dims).
fn check_shape_operand(op: &OpView, i: usize, what: &str, label: &str) -> Check {
    let (n, values) = shape_operand(op, i, what)?;
    let Some(rs) = result(op, 0)?.shape.as_deref() else { return Ok(()) };
    if let Some(n) = n {
        if n as usize != rs.len() {
            return Err(format!("{what} has {n} elements, but the result has rank {} ({label})", rs.len()));
        }
    }
    if let Some(v) = values {
        if !dims_ok(&v, rs) {
            return Err(format!("{what} is {}, but the result has shape {} ({label})", list(&v), list(rs)));
        }
    }
    Ok(())
}

/// dynamic_iota: size(output_shape) = rank(result) (c2), iota_dimension in range (c1).
pub fn dynamic_iota(op: &OpView) -> Check {
    check_shape_operand(op, 0, "output_shape", "dynamic_iota_c2")?;
    let d = req_int(op, "iota_dimension")?;
    match result(op, 0)?.rank() {
        Some(r) if d < 0 || d as usize >= r => {
            Err(format!("iota_dimension {d} is out of range for rank {r} (dynamic_iota_c1)"))
        }
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------
// Shape ops.

fn check_broadcast_dims(x: &TensorTy, out: &TensorTy, dims: &[i64], op: &str) -> Check {
    same_elems(x, out, "operand and result", &format!("{op}_c1"))?;
    if let Some(xs) = x.shape.as_deref() {
        if dims.len() != xs.len() {
            return Err(format!(
                "broadcast_dimensions {} must have one entry per operand dimension ({}) ({op}_c2)",
                list(dims),
                xs.len()
            ));
        }
    }
    if !unique(dims) {
        return Err(format!("broadcast_dimensions {} must not repeat ({op}_c4)", list(dims)));
    }
    let Some(rs) = out.shape.as_deref() else { return Ok(()) };
    if !in_range(dims, rs.len()) {
        return Err(format!(
            "broadcast_dimensions {} are out of range for result rank {} ({op}_c3)",
            list(dims),
            rs.len()
        ));
    }
    if let Some(xs) = x.shape.as_deref() {
        for (i, (&xd, &d)) in xs.iter().zip(dims).enumerate() {
            let rd = rs[d as usize];
            if xd != 1 && !dim_ok(xd, rd) {
                return Err(format!(
                    "operand dimension {i} of size {xd} must be 1 or match result dimension {d} of size {rd} ({op}_c5)"
                ));
            }
        }
    }
    Ok(())
}

/// broadcast_in_dim_c1..c5.
pub fn broadcast_in_dim(op: &OpView) -> Check {
    check_broadcast_dims(operand(op, 0)?, result(op, 0)?, &req_ints(op, "broadcast_dimensions")?, "broadcast_in_dim")
}

/// dynamic_broadcast_in_dim_c1..c5, c7..c10.
pub fn dynamic_broadcast_in_dim(op: &OpView) -> Check {
    let (x, out) = (operand(op, 0)?, result(op, 0)?);
    check_broadcast_dims(x, out, &req_ints(op, "broadcast_dimensions")?, "dynamic_broadcast_in_dim")?;
    check_shape_operand(op, 1, "output_dimensions", "dynamic_broadcast_in_dim_c7")?;
    let expanding = op.ints_attr("known_expanding_dimensions").unwrap_or_default();
    let nonexpanding = op.ints_attr("known_nonexpanding_dimensions").unwrap_or_default();
    if !unique(&concat(&expanding, &nonexpanding)) {
        return Err("known_expanding_dimensions and known_nonexpanding_dimensions must not overlap or repeat (dynamic_broadcast_in_dim_c8)".into());
    }
    if let Some(r) = x.rank() {
        if !in_range(&expanding, r) || !in_range(&nonexpanding, r) {
            return Err(format!(
                "known (non)expanding dimensions must be in [0, {r}) (dynamic_broadcast_in_dim_c9, c10)"
            ));
        }
    }
    Ok(())
}

/// broadcast (legacy, not in the spec): result shape = broadcast_sizes ++ shape(operand).
pub fn infer_broadcast_sizes(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let sizes = req_ints(op, "broadcast_sizes")?;
    Ok(vec![TensorTy {
        shape: x.shape.as_ref().map(|s| concat(&sizes, s)),
        elem: keep_quant(op, 0, &x.elem),
        is_tensor: true,
    }])
}

/// reshape_c1, reshape_c2: one element type, equal element counts when static.
pub fn reshape(op: &OpView) -> Check {
    let (x, out) = (operand(op, 0)?, result(op, 0)?);
    same_elems(x, out, "operand and result", "reshape_c1")?;
    if let (Some(a), Some(b)) = (x.num_elements(), out.num_elements()) {
        if a != b {
            return Err(format!("operand {x} has {a} elements, but result {out} has {b} (reshape_c2)"));
        }
    }
    Ok(())
}

/// dynamic_reshape_c1, c2, c4.
pub fn dynamic_reshape(op: &OpView) -> Check {
    let (x, out) = (operand(op, 0)?, result(op, 0)?);
    same_elems(x, out, "operand and result", "dynamic_reshape_c1")?;
    if let (Some(a), Some(b)) = (x.num_elements(), out.num_elements()) {
        if a != b {
            return Err(format!("operand {x} has {a} elements, but result {out} has {b} (dynamic_reshape_c2)"));
        }
    }
    check_shape_operand(op, 1, "output_shape", "dynamic_reshape_c4")
}

/// transpose_c2: `permutation` is a permutation of range(rank(operand)).
pub fn transpose(op: &OpView) -> Check {
    let perm = req_ints(op, "permutation")?;
    let Some(r) = operand(op, 0)?.rank() else { return Ok(()) };
    if perm.len() != r || !in_range(&perm, r) || !unique(&perm) {
        return Err(format!("permutation {} is not a permutation of range({r}) (transpose_c2)", list(&perm)));
    }
    Ok(())
}

/// transpose_c3: shape(result) = dim(operand, permutation...).
pub fn infer_transpose(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let perm = req_ints(op, "permutation")?;
    let shape = x.shape.as_ref().map(|s| perm.iter().map(|&p| s[p as usize]).collect());
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &x.elem), is_tensor: true }])
}

/// reverse_c2, c3: unique dimensions in range.
pub fn reverse(op: &OpView) -> Check {
    let dims = req_ints(op, "dimensions")?;
    if !unique(&dims) {
        return Err(format!("dimensions {} must not repeat (reverse_c2)", list(&dims)));
    }
    match operand(op, 0)?.rank() {
        Some(r) if !in_range(&dims, r) => {
            Err(format!("dimensions {} are out of range for rank {r} (reverse_c3)", list(&dims)))
        }
        _ => Ok(()),
    }
}

/// slice_c2..c4.
pub fn slice(op: &OpView) -> Check {
    let (start, limit, strides) =
        (req_ints(op, "start_indices")?, req_ints(op, "limit_indices")?, req_ints(op, "strides")?);
    let Some(xs) = operand(op, 0)?.shape.as_deref() else { return Ok(()) };
    let r = xs.len();
    if start.len() != r || limit.len() != r || strides.len() != r {
        return Err(format!(
            "start_indices, limit_indices and strides must have {r} entries, got {}, {} and {} (slice_c2)",
            start.len(),
            limit.len(),
            strides.len()
        ));
    }
    for i in 0..r {
        if start[i] < 0 || start[i] > limit[i] || (xs[i] >= 0 && limit[i] > xs[i]) {
            return Err(format!(
                "dimension {i}: need 0 <= start {} <= limit {} <= size {} (slice_c3)",
                start[i],
                limit[i],
                if xs[i] < 0 { "?".to_string() } else { xs[i].to_string() }
            ));
        }
        if strides[i] <= 0 {
            return Err(format!("stride {} in dimension {i} must be positive (slice_c4)", strides[i]));
        }
    }
    Ok(())
}

/// slice_c5: shape(result) = ceil((limit_indices - start_indices) / strides).
pub fn infer_slice(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let (start, limit, strides) =
        (req_ints(op, "start_indices")?, req_ints(op, "limit_indices")?, req_ints(op, "strides")?);
    // Checked by `slice` when the operand is ranked; otherwise only the rank is known.
    let shape =
        (start.len() == limit.len() && start.len() == strides.len() && strides.iter().all(|&s| s > 0)).then(|| {
            (0..start.len())
                .map(|i| (limit[i].saturating_sub(start[i]).max(0) as u64).div_ceil(strides[i] as u64) as i64)
                .collect()
        });
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &x.elem), is_tensor: true }])
}

fn check_start_indices(op: &OpView, first: usize, rank: Option<usize>, label_count: &str, label_same: &str) -> Check {
    let idx = &op.operands[first.min(op.operands.len())..];
    if let Some(r) = rank {
        if idx.len() != r {
            return Err(format!(
                "expected {r} start_indices (one per operand dimension), got {} ({label_count})",
                idx.len()
            ));
        }
    }
    for (k, t) in idx.iter().enumerate() {
        if t.rank().is_some_and(|r| r != 0) {
            return Err(format!("start_indices #{k} must be a 0-dimensional tensor, got {t}"));
        }
        if t.elem != idx[0].elem {
            return Err(format!("start_indices must all have one type, got {} and {t} ({label_same})", idx[0]));
        }
    }
    Ok(())
}

/// dynamic_slice_c2..c4.
pub fn dynamic_slice(op: &OpView) -> Check {
    let x = operand(op, 0)?;
    let sizes = req_ints(op, "slice_sizes")?;
    check_start_indices(op, 1, x.rank(), "dynamic_slice_c2", "dynamic_slice_c3")?;
    let Some(xs) = x.shape.as_deref() else { return Ok(()) };
    if sizes.len() != xs.len() {
        return Err(format!(
            "slice_sizes {} must have one entry per operand dimension ({}) (dynamic_slice_c2)",
            list(&sizes),
            xs.len()
        ));
    }
    for (i, (&s, &d)) in sizes.iter().zip(xs).enumerate() {
        if s < 0 || (d >= 0 && s > d) {
            return Err(format!(
                "slice size {s} is out of bounds for operand dimension {i} of size {d} (dynamic_slice_c4)"
            ));
        }
    }
    Ok(())
}

/// dynamic_slice_c1, c5: shape(result) = slice_sizes.
pub fn infer_dynamic_slice(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    Ok(vec![ranked_tensor(req_ints(op, "slice_sizes")?, keep_quant(op, 0, &x.elem))])
}

/// dynamic_update_slice_c2..c6 (c1 by the result type).
pub fn dynamic_update_slice(op: &OpView) -> Check {
    let (x, u) = (operand(op, 0)?, operand(op, 1)?);
    same_elems(x, u, "operand and update", "dynamic_update_slice_c2")?;
    check_start_indices(op, 2, x.rank(), "dynamic_update_slice_c4", "dynamic_update_slice_c5")?;
    if let (Some(xs), Some(us)) = (x.shape.as_deref(), u.shape.as_deref()) {
        if xs.len() != us.len() {
            return Err(format!("update {u} must have the operand's rank {} (dynamic_update_slice_c3)", xs.len()));
        }
        if xs.iter().zip(us).any(|(&a, &b)| a >= 0 && b > a) {
            return Err(format!("update {u} does not fit in operand {x} (dynamic_update_slice_c6)"));
        }
    }
    Ok(())
}

/// real_dynamic_slice (not in the spec): 1-D index operands of the operand's rank; with
/// constant operands the result shape is ceil((limit - start) / strides).
pub fn real_dynamic_slice(op: &OpView) -> Check {
    let r = operand(op, 0)?.rank();
    for (i, name) in [(1, "start_indices"), (2, "limit_indices"), (3, "strides")] {
        let (n, _) = shape_operand(op, i, name)?;
        if let (Some(n), Some(r)) = (n, r) {
            if n as usize != r {
                return Err(format!("{name} has {n} elements, but the operand has rank {r}"));
            }
        }
    }
    match (r, result(op, 0)?.rank()) {
        (Some(a), Some(b)) if a != b => Err(format!("result rank {b} must equal the operand rank {a}")),
        _ => Ok(()),
    }
}

pub fn infer_real_dynamic_slice(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let consts: Vec<_> = (1..4).map(|i| op.operand_consts.get(i).cloned().flatten()).collect();
    let shape = match (&consts[0], &consts[1], &consts[2]) {
        (Some(s), Some(l), Some(st)) if st.iter().all(|&v| v > 0) => {
            Some(s.iter().zip(l).zip(st).map(|((&s, &l), &st)| ((l - s).max(0) + st - 1) / st).collect())
        }
        _ => x.rank().map(|r| vec![DYN; r]),
    };
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &x.elem), is_tensor: true }])
}

/// concatenate_c1..c4.
pub fn concatenate(op: &OpView) -> Check {
    let dim = req_int(op, "dimension")?;
    let first = op.operands.first().ok_or("expects at least one input (concatenate_c3)")?;
    for (i, t) in op.operands.iter().enumerate().skip(1) {
        same_elems(first, t, &format!("inputs #0 and #{i}"), "concatenate_c1")?;
    }
    let Some(fs) = first.shape.as_deref() else { return Ok(()) };
    if dim < 0 || dim as usize >= fs.len() {
        return Err(format!("dimension {dim} is out of range for input rank {} (concatenate_c4)", fs.len()));
    }
    for (i, t) in op.operands.iter().enumerate().skip(1) {
        let Some(ts) = t.shape.as_deref() else { continue };
        let agree = ts.len() == fs.len() && (0..fs.len()).all(|d| d == dim as usize || dim_ok(fs[d], ts[d]));
        if !agree {
            return Err(format!(
                "inputs #0 {first} and #{i} {t} must have the same shape except in dimension {dim} (concatenate_c2)"
            ));
        }
    }
    Ok(())
}

/// concatenate_c5, c6: dimension sizes add up along `dimension`.
pub fn infer_concatenate(op: &OpView) -> Infer {
    let dim = req_int(op, "dimension")? as usize;
    let first = operand(op, 0)?;
    let mut shape: Option<Vec<i64>> = None;
    for t in &op.operands {
        let Some(ts) = t.shape.as_deref() else { continue };
        if dim >= ts.len() || shape.as_ref().is_some_and(|s| s.len() != ts.len()) {
            return Ok(vec![TensorTy { shape: None, elem: keep_quant(op, 0, &first.elem), is_tensor: true }]);
        }
        shape = Some(match shape {
            None => ts.to_vec(),
            Some(mut s) => {
                for d in 0..s.len() {
                    s[d] = if d == dim {
                        if s[d] < 0 || ts[d] < 0 {
                            DYN
                        } else {
                            s[d].saturating_add(ts[d])
                        }
                    } else if s[d] < 0 {
                        ts[d]
                    } else {
                        s[d]
                    };
                }
                s
            }
        });
    }
    if op.operands.iter().any(|t| t.shape.is_none()) {
        if let Some(s) = shape.as_mut() {
            s[dim] = DYN;
        }
    }
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &first.elem), is_tensor: true }])
}

/// pad_c1..c3.
pub fn pad(op: &OpView) -> Check {
    let (x, v) = (operand(op, 0)?, operand(op, 1)?);
    let (lo, hi, interior) =
        (req_ints(op, "edge_padding_low")?, req_ints(op, "edge_padding_high")?, req_ints(op, "interior_padding")?);
    same_elems(x, v, "operand and padding_value", "pad_c1")?;
    scalar_at(op, 1, "padding_value")?;
    if let Some(r) = x.rank() {
        if lo.len() != r || hi.len() != r || interior.len() != r {
            return Err(format!(
                "edge_padding_low, edge_padding_high and interior_padding must have {r} entries (pad_c2)"
            ));
        }
    }
    if interior.iter().any(|&p| p < 0) {
        return Err(format!("interior_padding {} must be non-negative (pad_c3)", list(&interior)));
    }
    if let Some(xs) = x.shape.as_deref() {
        let padded = padded_shape(xs, &lo, &hi, &interior);
        if xs.iter().zip(&padded).any(|(&d, &p)| d >= 0 && p < 0) {
            return Err(format!("padding {} .. {} makes a negative size from {} (pad_c4)", list(&lo), list(&hi), list(xs)));
        }
    }
    Ok(())
}

fn padded_shape(x: &[i64], lo: &[i64], hi: &[i64], interior: &[i64]) -> Vec<i64> {
    let at = |v: &[i64], i: usize| v.get(i).copied().unwrap_or(0);
    (0..x.len())
        .map(|i| {
            if x[i] < 0 {
                DYN
            } else {
                x[i].saturating_add(at(lo, i))
                    .saturating_add(at(hi, i))
                    .saturating_add((x[i] - 1).max(0).saturating_mul(at(interior, i)))
            }
        })
        .collect()
}

/// pad_c4: shape(operand) + low + max(shape - 1, 0) * interior + high.
pub fn infer_pad(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let (lo, hi, interior) =
        (req_ints(op, "edge_padding_low")?, req_ints(op, "edge_padding_high")?, req_ints(op, "interior_padding")?);
    let shape = x.shape.as_deref().map(|s| padded_shape(s, &lo, &hi, &interior));
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &x.elem), is_tensor: true }])
}

/// dynamic_pad_c1..c3 (padding amounts are operands; c3 checked when constant).
pub fn dynamic_pad(op: &OpView) -> Check {
    let (x, v) = (operand(op, 0)?, operand(op, 1)?);
    same_elems(x, v, "operand and padding_value", "dynamic_pad_c1")?;
    scalar_at(op, 1, "padding_value")?;
    for (i, name) in [(2, "edge_padding_low"), (3, "edge_padding_high"), (4, "interior_padding")] {
        let (n, _) = shape_operand(op, i, name)?;
        if let (Some(n), Some(r)) = (n, x.rank()) {
            if n as usize != r {
                return Err(format!("{name} has {n} elements, but the operand has rank {r} (dynamic_pad_c2)"));
            }
        }
    }
    match op.operand_consts.get(4).cloned().flatten() {
        Some(i) if i.iter().any(|&p| p < 0) => {
            Err(format!("interior_padding {} must be non-negative (dynamic_pad_c3)", list(&i)))
        }
        _ => Ok(()),
    }
}

/// dynamic_pad_c4 when all padding operands are constants.
pub fn infer_dynamic_pad(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let c = |i: usize| op.operand_consts.get(i).cloned().flatten();
    let shape = match (x.shape.as_deref(), c(2), c(3), c(4)) {
        (Some(s), Some(lo), Some(hi), Some(i)) => Some(padded_shape(s, &lo, &hi, &i)),
        (s, ..) => s.map(|s| vec![DYN; s.len()]),
    };
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &x.elem), is_tensor: true }])
}

// ---------------------------------------------------------------------------------
// Gather and scatter.

fn gather_dims(op: &OpView) -> Result<GatherDims, String> {
    GatherDims::from_attr(req_attr(op, "dimension_numbers")?).map_err(|e| format!("attribute 'dimension_numbers' {e}"))
}

/// gather_c1..c21 (dynamic_gather_c1..c12 with `slice_sizes` known when constant).
fn check_gather(op: &OpView, d: &GatherDims, sizes: Option<&[i64]>, name: &str) -> Check {
    let (x, idx) = (operand(op, 0)?, operand(op, 1)?);
    if let Some(r) = op.results.first() {
        same_elems(x, r, "operand and result", &format!("{name}_c23"))?;
    }
    let (Some(xs), Some(is)) = (x.shape.as_deref(), idx.shape.as_deref()) else { return Ok(()) };
    let (r, ir) = (xs.len(), is.len());
    let l = |c: u32| format!("{name}_c{c}");
    if d.offset_dims.len() + d.collapsed_slice_dims.len() + d.operand_batching_dims.len() != r {
        return Err(format!(
            "offset_dims, collapsed_slice_dims and operand_batching_dims must count the operand rank {r} ({})",
            l(1)
        ));
    }
    if d.index_vector_dim < 0 || d.index_vector_dim as usize > ir {
        return Err(format!("index_vector_dim {} must be in [0, {ir}] ({})", d.index_vector_dim, l(2)));
    }
    let ivd = d.index_vector_dim as usize;
    let index_size = if ivd < ir { is[ivd] } else { 1 };
    if !dim_ok(index_size, d.start_index_map.len() as i64) {
        return Err(format!(
            "start_index_map {} must have one entry per index ({index_size}) ({})",
            list(&d.start_index_map),
            l(3)
        ));
    }
    if !sorted(&d.offset_dims) || !unique(&d.offset_dims) {
        return Err(format!("offset_dims {} must be sorted and unique ({})", list(&d.offset_dims), l(4)));
    }
    if !unique(&concat(&d.collapsed_slice_dims, &d.operand_batching_dims)) {
        return Err(format!("collapsed_slice_dims and operand_batching_dims must not repeat ({})", l(6)));
    }
    if !sorted(&d.collapsed_slice_dims) || !in_range(&d.collapsed_slice_dims, r) {
        return Err(format!(
            "collapsed_slice_dims {} must be sorted and in [0, {r}) ({}, {})",
            list(&d.collapsed_slice_dims),
            l(7),
            l(8)
        ));
    }
    if !sorted(&d.operand_batching_dims) || !in_range(&d.operand_batching_dims, r) {
        return Err(format!(
            "operand_batching_dims {} must be sorted and in [0, {r}) ({}, {})",
            list(&d.operand_batching_dims),
            l(10),
            l(11)
        ));
    }
    let sib = &d.start_indices_batching_dims;
    if !unique(sib) || !in_range(sib, ir) || sib.contains(&d.index_vector_dim) {
        return Err(format!(
            "start_indices_batching_dims {} must be unique, in [0, {ir}) and exclude index_vector_dim ({}..{})",
            list(sib),
            l(13),
            l(15)
        ));
    }
    if sib.len() != d.operand_batching_dims.len() {
        return Err(format!(
            "operand_batching_dims and start_indices_batching_dims must have the same size ({})",
            l(16)
        ));
    }
    for (&a, &b) in d.operand_batching_dims.iter().zip(sib) {
        if !dim_ok(xs[a as usize], is[b as usize]) {
            return Err(format!(
                "operand batching dimension {a} and start_indices dimension {b} differ in size ({})",
                l(17)
            ));
        }
    }
    if !unique(&concat(&d.start_index_map, &d.operand_batching_dims)) || !in_range(&d.start_index_map, r) {
        return Err(format!(
            "start_index_map {} must be unique, disjoint from operand_batching_dims and in [0, {r}) ({}, {})",
            list(&d.start_index_map),
            l(18),
            l(19)
        ));
    }
    let result_rank = d.offset_dims.len() + ir + usize::from(ivd == ir) - 1;
    if !in_range(&d.offset_dims, result_rank) {
        return Err(format!(
            "offset_dims {} are out of range for result rank {result_rank} ({})",
            list(&d.offset_dims),
            l(5)
        ));
    }
    if let Some(sizes) = sizes {
        if sizes.len() != r {
            return Err(format!(
                "slice_sizes {} must have one entry per operand dimension ({r}) ({})",
                list(sizes),
                l(20)
            ));
        }
        for (i, (&s, &dim)) in sizes.iter().zip(xs).enumerate() {
            if s < 0 || (dim >= 0 && s > dim) {
                return Err(format!(
                    "slice size {s} is out of bounds for operand dimension {i} of size {dim} ({})",
                    l(21)
                ));
            }
        }
        for &c in d.collapsed_slice_dims.iter().chain(&d.operand_batching_dims) {
            if sizes[c as usize] > 1 {
                return Err(format!(
                    "slice_sizes[{c}] must be <= 1 for collapsed and batching dimensions, got {} ({}, {})",
                    sizes[c as usize],
                    l(9),
                    l(12)
                ));
            }
        }
    }
    Ok(())
}

/// gather_c22: batch dimensions from `start_indices`, offset dimensions from
/// `slice_sizes` (unknown sizes give `?`).
fn gather_shape(d: &GatherDims, is: &[i64], sizes: Option<&[i64]>, operand_rank: usize) -> Vec<i64> {
    let ivd = d.index_vector_dim as usize;
    let result_rank = d.offset_dims.len() + is.len() + usize::from(ivd == is.len()) - 1;
    let offset_sizes: Vec<i64> = (0..operand_rank)
        .filter(|i| !d.collapsed_slice_dims.contains(&(*i as i64)) && !d.operand_batching_dims.contains(&(*i as i64)))
        .map(|i| sizes.and_then(|s| s.get(i).copied()).unwrap_or(DYN))
        .collect();
    let batch_sizes: Vec<i64> = is.iter().enumerate().filter(|(i, _)| *i != ivd).map(|(_, &s)| s).collect();
    let (mut o, mut b) = (offset_sizes.into_iter(), batch_sizes.into_iter());
    (0..result_rank)
        .map(|i| if d.offset_dims.contains(&(i as i64)) { o.next() } else { b.next() }.unwrap_or(DYN))
        .collect()
}

fn infer_gather_with(op: &OpView, sizes: Option<&[i64]>) -> Infer {
    let d = gather_dims(op)?;
    let (x, idx) = (operand(op, 0)?, operand(op, 1)?);
    let shape = match (x.rank(), idx.shape.as_deref()) {
        (Some(r), Some(is)) => Some(gather_shape(&d, is, sizes, r)),
        _ => None,
    };
    Ok(vec![TensorTy { shape, elem: keep_quant(op, 0, &x.elem), is_tensor: true }])
}

pub fn gather(op: &OpView) -> Check {
    check_gather(op, &gather_dims(op)?, Some(&req_ints(op, "slice_sizes")?), "gather")
}

pub fn infer_gather(op: &OpView) -> Infer {
    infer_gather_with(op, Some(&req_ints(op, "slice_sizes")?))
}

/// dynamic_gather: `slice_sizes` is an operand, checked when constant.
pub fn dynamic_gather(op: &OpView) -> Check {
    let (n, sizes) = shape_operand(op, 2, "slice_sizes")?;
    if let (Some(n), Some(r)) = (n, operand(op, 0)?.rank()) {
        if n as usize != r {
            return Err(format!("slice_sizes has {n} elements, but the operand has rank {r} (dynamic_gather_c11)"));
        }
    }
    check_gather(op, &gather_dims(op)?, sizes.as_deref(), "dynamic_gather")
}

pub fn infer_dynamic_gather(op: &OpView) -> Infer {
    let sizes = op.operand_consts.get(2).cloned().flatten();
    infer_gather_with(op, sizes.as_deref())
}

/// scatter: operands are `inputs..., scatter_indices, updates...` (scatter_c1..c22).
pub fn scatter(op: &OpView) -> Check {
    let n = op.operands.len();
    if n < 3 || n.is_multiple_of(2) {
        return Err(format!("expects N inputs, scatter_indices and N updates (N > 0), got {n} operands (scatter_c5)"));
    }
    let k = (n - 1) / 2;
    let (inputs, idx, updates) = (&op.operands[..k], &op.operands[k], &op.operands[k + 1..]);
    if op.results.len() != k {
        return Err(format!("expects {k} results, one per input, got {} (scatter_c24)", op.results.len()));
    }
    check_class(idx, "scatter_indices", INT_OR_INDEX)?;
    for (i, (x, u)) in inputs.iter().zip(updates).enumerate() {
        if !shapes_ok(x, &inputs[0]) {
            return Err(format!("inputs #0 and #{i} must have the same shape (scatter_c1)"));
        }
        if !shapes_ok(u, &updates[0]) {
            return Err(format!("updates #0 and #{i} must have the same shape (scatter_c3)"));
        }
        same_elems(x, u, &format!("inputs #{i} and updates #{i}"), "scatter_c6")?;
    }
    let d = ScatterDims::from_attr(req_attr(op, "scatter_dimension_numbers")?)
        .map_err(|e| format!("attribute 'scatter_dimension_numbers' {e}"))?;
    let (Some(xs), Some(is), Some(us)) =
        (inputs[0].shape.as_deref(), idx.shape.as_deref(), updates[0].shape.as_deref())
    else {
        return Ok(());
    };
    let (r, ir) = (xs.len(), is.len());
    if d.update_window_dims.len() + d.inserted_window_dims.len() + d.input_batching_dims.len() != r {
        return Err(format!(
            "update_window_dims, inserted_window_dims and input_batching_dims must count the input rank {r} (scatter_c2)"
        ));
    }
    let uwd = &d.update_window_dims;
    if !sorted(uwd) || !unique(uwd) || !in_range(uwd, us.len()) {
        return Err(format!(
            "update_window_dims {} must be sorted, unique and in [0, {}) (scatter_c7, scatter_c8)",
            list(uwd),
            us.len()
        ));
    }
    if !unique(&concat(&d.inserted_window_dims, &d.input_batching_dims)) {
        return Err("inserted_window_dims and input_batching_dims must not repeat (scatter_c9)".into());
    }
    if !sorted(&d.inserted_window_dims) || !in_range(&d.inserted_window_dims, r) {
        return Err(format!(
            "inserted_window_dims {} must be sorted and in [0, {r}) (scatter_c10, scatter_c11)",
            list(&d.inserted_window_dims)
        ));
    }
    if !sorted(&d.input_batching_dims) || !in_range(&d.input_batching_dims, r) {
        return Err(format!(
            "input_batching_dims {} must be sorted and in [0, {r}) (scatter_c12, scatter_c13)",
            list(&d.input_batching_dims)
        ));
    }
    let sib = &d.scatter_indices_batching_dims;
    if !unique(sib) || !in_range(sib, ir) || sib.contains(&d.index_vector_dim) {
        return Err(format!(
            "scatter_indices_batching_dims {} must be unique, in [0, {ir}) and exclude index_vector_dim (scatter_c14..scatter_c16)",
            list(sib)
        ));
    }
    if sib.len() != d.input_batching_dims.len() {
        return Err(
            "input_batching_dims and scatter_indices_batching_dims must have the same size (scatter_c17)".into()
        );
    }
    for (&a, &b) in d.input_batching_dims.iter().zip(sib) {
        if !dim_ok(xs[a as usize], is[b as usize]) {
            return Err(format!(
                "input batching dimension {a} and scatter_indices dimension {b} differ in size (scatter_c18)"
            ));
        }
    }
    if d.index_vector_dim < 0 || d.index_vector_dim as usize > ir {
        return Err(format!("index_vector_dim {} must be in [0, {ir}] (scatter_c22)", d.index_vector_dim));
    }
    let ivd = d.index_vector_dim as usize;
    let index_size = if ivd < ir { is[ivd] } else { 1 };
    let sdod = &d.scatter_dims_to_operand_dims;
    if !dim_ok(index_size, sdod.len() as i64) {
        return Err(format!(
            "scatter_dims_to_operand_dims {} must have one entry per index ({index_size}) (scatter_c19)",
            list(sdod)
        ));
    }
    if !unique(&concat(sdod, &d.input_batching_dims)) || !in_range(sdod, r) {
        return Err(format!(
            "scatter_dims_to_operand_dims {} must be unique, disjoint from input_batching_dims and in [0, {r}) (scatter_c20, scatter_c21)",
            list(sdod)
        ));
    }
    // scatter_c4: update scatter dims follow scatter_indices, window dims fit the input.
    let scatter_sizes: Vec<i64> = is.iter().enumerate().filter(|(i, _)| *i != ivd).map(|(_, &s)| s).collect();
    if us.len() != uwd.len() + scatter_sizes.len() {
        return Err(format!(
            "updates {} must have rank {} (update_window_dims plus scatter_indices batch dimensions) (scatter_c4)",
            updates[0],
            uwd.len() + scatter_sizes.len()
        ));
    }
    let window_bounds: Vec<i64> = (0..r as i64)
        .filter(|i| !d.inserted_window_dims.contains(i) && !d.input_batching_dims.contains(i))
        .map(|i| xs[i as usize])
        .collect();
    let (mut w, mut s) = (window_bounds.iter(), scatter_sizes.iter());
    for (i, &u) in us.iter().enumerate() {
        if uwd.contains(&(i as i64)) {
            let bound = *w.next().unwrap_or(&DYN);
            if u >= 0 && bound >= 0 && u > bound {
                return Err(format!(
                    "updates dimension {i} of size {u} exceeds the input window bound {bound} (scatter_c4)"
                ));
            }
        } else {
            let expected = *s.next().unwrap_or(&DYN);
            if !dim_ok(u, expected) {
                return Err(format!(
                    "updates dimension {i} of size {u} must match scatter_indices ({expected}) (scatter_c4)"
                ));
            }
        }
    }
    Ok(())
}

/// scatter_c24, c25: results have the inputs' shapes (element types from the body).
pub fn infer_scatter(op: &OpView) -> Infer {
    let k = (op.operands.len() - 1) / 2;
    Ok(op.operands[..k]
        .iter()
        .enumerate()
        .map(|(i, x)| TensorTy { shape: x.shape.clone(), elem: result_elem(op, i, &x.elem), is_tensor: true })
        .collect())
}

// ---------------------------------------------------------------------------------
// Dot products.

/// `precision_config`: at most two `#stablehlo<precision ...>` (convolution_c24,
/// dot_general_c11; the reference verifier accepts 0 to 2 entries).
fn precision_config(op: &OpView, label: &str) -> Result<Vec<Precision>, String> {
    let Some(a) = op.attr("precision_config") else { return Ok(vec![]) };
    let config = attrs::precision_config(a)?;
    if config.len() > 2 {
        return Err(format!("precision_config must have at most 2 entries, got {} ({label})", config.len()));
    }
    Ok(config)
}

fn check_rhs_zero_points(rhs: &TensorTy, contracting: &[i64], op: &str) -> Check {
    if let ElemTy::Quant(q) = &rhs.elem {
        if q.zero_points.iter().any(|&z| z != 0) {
            return Err(format!("rhs zero points must be 0 ({op}_c15)"));
        }
        if let Some(axis) = q.axis {
            if contracting.contains(&(axis as i64)) {
                return Err(format!(
                    "rhs quantization dimension {axis} must not be a contracting dimension ({op}_c16)"
                ));
            }
        }
    }
    Ok(())
}

fn dot_dims(op: &OpView) -> Result<DotDims, String> {
    DotDims::from_attr(req_attr(op, "dot_dimension_numbers")?)
        .map_err(|e| format!("attribute 'dot_dimension_numbers' {e}"))
}

/// dot_general_c1..c11, c15, c16, c21 (c13 on element types is not enforced, like the
/// reference verifier: mixed-precision dots are common).
pub fn dot_general(op: &OpView) -> Check {
    let d = dot_dims(op)?;
    if d.lhs_batching.len() != d.rhs_batching.len() {
        return Err("lhs and rhs must have the same number of batching dimensions (dot_general_c1)".into());
    }
    if d.lhs_contracting.len() != d.rhs_contracting.len() {
        return Err("lhs and rhs must have the same number of contracting dimensions (dot_general_c2)".into());
    }
    if !unique(&concat(&d.lhs_batching, &d.lhs_contracting)) {
        return Err("lhs batching and contracting dimensions must not repeat (dot_general_c3)".into());
    }
    if !unique(&concat(&d.rhs_batching, &d.rhs_contracting)) {
        return Err("rhs batching and contracting dimensions must not repeat (dot_general_c4)".into());
    }
    let precision = precision_config(op, "dot_general_c11")?;
    if op.attr("algorithm").is_some() && precision.iter().any(|p| *p != Precision::Default) {
        return Err("precision_config must be DEFAULT when an algorithm is set (dot_general_c21)".into());
    }
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    check_rhs_zero_points(r, &d.rhs_contracting, "dot_general")?;
    let (Some(ls), Some(rs)) = (l.shape.as_deref(), r.shape.as_deref()) else { return Ok(()) };
    for (dims, n, name, label) in [
        (&d.lhs_batching, ls.len(), "lhs_batching_dimensions", "dot_general_c5"),
        (&d.lhs_contracting, ls.len(), "lhs_contracting_dimensions", "dot_general_c6"),
        (&d.rhs_batching, rs.len(), "rhs_batching_dimensions", "dot_general_c7"),
        (&d.rhs_contracting, rs.len(), "rhs_contracting_dimensions", "dot_general_c8"),
    ] {
        if !in_range(dims, n) {
            return Err(format!("{name} {} are out of range for rank {n} ({label})", list(dims)));
        }
    }
    for (pairs, what, label) in [
        (d.lhs_batching.iter().zip(&d.rhs_batching), "batching", "dot_general_c9"),
        (d.lhs_contracting.iter().zip(&d.rhs_contracting), "contracting", "dot_general_c10"),
    ] {
        for (&a, &b) in pairs {
            let (x, y) = (ls[a as usize], rs[b as usize]);
            if !dim_ok(x, y) {
                return Err(format!(
                    "{what} dimension sizes differ: lhs dimension {a} is {x}, rhs dimension {b} is {y} ({label})"
                ));
            }
        }
    }
    Ok(())
}

/// dot_general_c12: batch dims, then lhs free dims, then rhs free dims.
pub fn infer_dot_general(op: &OpView) -> Infer {
    let d = dot_dims(op)?;
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    let shape = match (l.shape.as_deref(), r.shape.as_deref()) {
        (Some(ls), Some(rs)) => {
            let free = |s: &[i64], b: &[i64], c: &[i64]| -> Vec<i64> {
                (0..s.len() as i64).filter(|i| !b.contains(i) && !c.contains(i)).map(|i| s[i as usize]).collect()
            };
            let batch: Vec<i64> = d.lhs_batching.iter().map(|&i| ls[i as usize]).collect();
            Some(
                [batch, free(ls, &d.lhs_batching, &d.lhs_contracting), free(rs, &d.rhs_batching, &d.rhs_contracting)]
                    .concat(),
            )
        }
        _ => None,
    };
    Ok(vec![TensorTy { shape, elem: result_elem(op, 0, &l.elem), is_tensor: true }])
}

fn dot_shape(ls: &[i64], rs: &[i64]) -> Option<Vec<i64>> {
    match (ls, rs) {
        ([k], [k2]) if dim_ok(*k, *k2) => Some(vec![]),
        ([m, k], [k2]) if dim_ok(*k, *k2) => Some(vec![*m]),
        ([k], [k2, n]) if dim_ok(*k, *k2) => Some(vec![*n]),
        ([m, k], [k2, n]) if dim_ok(*k, *k2) => Some(vec![*m, *n]),
        _ => None,
    }
}

/// dot (legacy, not in the spec): vector/matrix products of rank 1 or 2.
pub fn dot(op: &OpView) -> Check {
    precision_config(op, "dot")?;
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    match (l.shape.as_deref(), r.shape.as_deref()) {
        (Some(ls), Some(rs)) if dot_shape(ls, rs).is_none() => {
            Err(format!("lhs {l} and rhs {r} must have rank 1 or 2 with matching contracting sizes"))
        }
        _ => Ok(()),
    }
}

pub fn infer_dot(op: &OpView) -> Infer {
    let (l, r) = (operand(op, 0)?, operand(op, 1)?);
    let shape = match (l.shape.as_deref(), r.shape.as_deref()) {
        (Some(ls), Some(rs)) => dot_shape(ls, rs),
        _ => None,
    };
    Ok(vec![TensorTy { shape, elem: result_elem(op, 0, &l.elem), is_tensor: true }])
}

// ---------------------------------------------------------------------------------
// Windows: convolution, reduce_window, select_and_scatter.

/// An optional per-dimension window attribute, defaulting to `default`; `labels` cite
/// the size and positivity constraints.
fn window_attr(
    op: &OpView,
    name: &str,
    n: usize,
    default: i64,
    positive: bool,
    labels: (&str, &str),
) -> Result<Vec<i64>, String> {
    let Some(v) = op.ints_attr(name) else { return Ok(vec![default; n]) };
    if v.len() != n {
        return Err(format!("{name} {} must have {n} entries ({})", list(&v), labels.0));
    }
    if positive && v.iter().any(|&x| x <= 0) {
        return Err(format!("{name} {} must be positive ({})", list(&v), labels.1));
    }
    Ok(v)
}

/// `padding` as (low, high) pairs: an `n x 2` elements attribute, zeros when absent.
fn padding_attr(op: &OpView, n: usize, label: &str) -> Result<Vec<(i64, i64)>, String> {
    let Some(a) = op.attr("padding") else { return Ok(vec![(0, 0); n]) };
    if let Attr::Dense { ty, .. } = a {
        if ty.dims() != [n as i64, 2] {
            return Err(format!("padding must have shape [{n}, 2], got {ty} ({label})"));
        }
    }
    let v = a.as_ints().ok_or("attribute 'padding' must be integer elements")?;
    if v.len() != 2 * n {
        return Err(format!("padding must have {n} (low, high) pairs ({label})"));
    }
    Ok(v.chunks(2).map(|p| (p[0], p[1])).collect())
}

fn dilated(bound: i64, dilation: i64) -> i64 {
    if bound == 0 {
        0
    } else {
        (bound - 1).saturating_mul(dilation).saturating_add(1)
    }
}

/// Number of windows along one dimension (convolution_c25, reduce_window_c15,
/// select_and_scatter_c2).
fn num_windows(input: i64, window: i64, stride: i64, base_dilation: i64, window_dilation: i64, pad: (i64, i64)) -> i64 {
    if input < 0 || window < 0 {
        return DYN;
    }
    let padded = pad.0.saturating_add(dilated(input, base_dilation)).saturating_add(pad.1);
    let w = dilated(window, window_dilation);
    if padded <= 0 || w > padded {
        0
    } else {
        (padded - w) / stride + 1
    }
}

/// Convolution checks shared by `convolution` and `dynamic_conv`; returns the result
/// shape (convolution_c25) when the operands are ranked. `padding` is `None` when not
/// known (dynamic_conv with a non-constant padding operand).
fn conv_shape(op: &OpView, name: &str, padding: Option<Vec<(i64, i64)>>) -> Result<Option<Vec<i64>>, String> {
    let l = |c: u32| format!("{name}_c{c}");
    let d = ConvDims::from_attr(req_attr(op, "dimension_numbers")?)
        .map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let fgc = req_int(op, "feature_group_count")?;
    let bgc = req_int(op, "batch_group_count")?;
    if fgc <= 0 || bgc <= 0 {
        return Err(format!(
            "feature_group_count {fgc} and batch_group_count {bgc} must be positive ({}, {})",
            l(21),
            l(22)
        ));
    }
    if fgc != 1 && bgc != 1 {
        return Err(format!("feature_group_count {fgc} and batch_group_count {bgc} cannot both exceed 1 ({})", l(23)));
    }
    precision_config(op, &l(24))?;
    let (lhs, rhs) = (operand(op, 0)?, operand(op, 1)?);
    if !lhs.elem.is_quant() && !rhs.elem.is_quant() && lhs.elem != rhs.elem {
        return Err(format!("lhs and rhs element types differ, {} and {} ({})", lhs.elem, rhs.elem, l(27)));
    }
    let (Some(ls), Some(rs)) = (lhs.shape.as_deref(), rhs.shape.as_deref()) else { return Ok(None) };
    let n = ls.len();
    if n < 2 || rs.len() != n {
        return Err(format!("lhs {lhs} and rhs {rhs} must have one rank N >= 2 ({})", l(1)));
    }
    let s = n - 2;
    for (dims, what, label) in
        [(&d.input_spatial, "input", 12), (&d.kernel_spatial, "kernel", 17), (&d.output_spatial, "output", 19)]
    {
        if dims.len() != s {
            return Err(format!(
                "dimension_numbers has {} {what} spatial dimensions, expected {s} ({})",
                dims.len(),
                l(label)
            ));
        }
    }
    for (all, what, label) in [
        (concat(&[d.input_batch], &concat(&d.input_spatial, &[d.input_feature])), "input", 13),
        (concat(&d.kernel_spatial, &[d.kernel_input_feature, d.kernel_output_feature]), "kernel", 18),
        (concat(&[d.output_batch], &concat(&d.output_spatial, &[d.output_feature])), "output", 20),
    ] {
        if !unique(&all) || !in_range(&all, n) {
            return Err(format!("{what} dimensions {} must be unique and in [0, {n}) ({})", list(&all), l(label)));
        }
    }
    let strides = window_attr(op, "window_strides", s, 1, true, (&l(2), &l(3)))?;
    let lhs_dilation = window_attr(op, "lhs_dilation", s, 1, true, (&l(5), &l(6)))?;
    let rhs_dilation = window_attr(op, "rhs_dilation", s, 1, true, (&l(7), &l(8)))?;
    window_attr(op, "window_reversal", s, 0, false, (&l(9), &l(9)))?;
    let padding = match padding {
        Some(p) if p.len() != s => return Err(format!("padding must have {s} (low, high) pairs ({})", l(4))),
        p => p,
    };
    let (batch, in_features) = (ls[d.input_batch as usize], ls[d.input_feature as usize]);
    let (k_in, k_out) = (rs[d.kernel_input_feature as usize], rs[d.kernel_output_feature as usize]);
    if batch >= 0 && batch % bgc != 0 {
        return Err(format!("input batch size {batch} must be divisible by batch_group_count {bgc} ({})", l(10)));
    }
    if in_features >= 0 {
        if in_features % fgc != 0 {
            return Err(format!(
                "input feature size {in_features} must be divisible by feature_group_count {fgc} ({})",
                l(11)
            ));
        }
        if k_in >= 0 && in_features / fgc != k_in {
            return Err(format!(
                "kernel input feature size {k_in} must equal input feature size {in_features} / feature_group_count {fgc} ({})",
                l(14)
            ));
        }
    }
    if k_out >= 0 {
        if k_out % bgc != 0 {
            return Err(format!(
                "kernel output feature size {k_out} must be divisible by batch_group_count {bgc} ({})",
                l(15)
            ));
        }
        if k_out % fgc != 0 {
            return Err(format!(
                "kernel output feature size {k_out} must be divisible by feature_group_count {fgc} ({})",
                l(16)
            ));
        }
    }
    let mut out = vec![DYN; n];
    out[d.output_batch as usize] = if batch < 0 { DYN } else { batch / bgc };
    out[d.output_feature as usize] = k_out;
    for i in 0..s {
        out[d.output_spatial[i] as usize] = match &padding {
            Some(p) => num_windows(
                ls[d.input_spatial[i] as usize],
                rs[d.kernel_spatial[i] as usize],
                strides[i],
                lhs_dilation[i],
                rhs_dilation[i],
                p[i],
            ),
            None => DYN,
        };
    }
    Ok(Some(out))
}

fn conv_padding_attr(op: &OpView) -> Result<Vec<(i64, i64)>, String> {
    let n = operand(op, 0)?.rank().unwrap_or(2).max(2) - 2;
    padding_attr(op, n, "convolution_c4")
}

/// convolution_c1..c24, c27 (quantization constraints c28..c34 beyond element kinds
/// are not checked).
pub fn convolution(op: &OpView) -> Check {
    conv_shape(op, "convolution", Some(conv_padding_attr(op)?)).map(|_| ())
}

/// convolution_c25, c26 (element type from the IR: preferred element types vary).
pub fn infer_convolution(op: &OpView) -> Infer {
    let shape = conv_shape(op, "convolution", Some(conv_padding_attr(op)?))?;
    Ok(vec![TensorTy { shape, elem: result_elem(op, 0, &operand(op, 0)?.elem), is_tensor: true }])
}

/// dynamic_conv: `padding` is a 2-D operand, used when constant.
fn dynamic_conv_padding(op: &OpView) -> Result<Option<Vec<(i64, i64)>>, String> {
    let p = operand(op, 2)?;
    check_class(p, "padding", INT)?;
    if let Some(ps) = p.shape.as_deref() {
        if ps.len() != 2 || !dim_ok(ps[1], 2) {
            return Err(format!("padding must be an N x 2 tensor, got {p} (dynamic_conv_c4)"));
        }
    }
    Ok(op
        .operand_consts
        .get(2)
        .cloned()
        .flatten()
        .map(|v| v.chunks(2).map(|c| (c[0], *c.get(1).unwrap_or(&0))).collect()))
}

pub fn dynamic_conv(op: &OpView) -> Check {
    conv_shape(op, "dynamic_conv", dynamic_conv_padding(op)?).map(|_| ())
}

pub fn infer_dynamic_conv(op: &OpView) -> Infer {
    let shape = conv_shape(op, "dynamic_conv", dynamic_conv_padding(op)?)?;
    Ok(vec![TensorTy { shape, elem: result_elem(op, 0, &operand(op, 0)?.elem), is_tensor: true }])
}

/// Splits the operands of reduce / reduce_window into `inputs` and `init_values`
/// (reduce_c3, reduce_window_c1) and checks them against each other.
fn inputs_and_inits<'a>(op: &'a OpView, name: &str) -> Result<(&'a [TensorTy], &'a [TensorTy]), String> {
    let n = op.operands.len();
    if n == 0 || !n.is_multiple_of(2) || op.results.len() != n / 2 {
        return Err(format!(
            "expects N inputs, N init_values and N results (N > 0), got {n} operands and {} results ({name}_c{})",
            op.results.len(),
            if name == "reduce" { 3 } else { 1 }
        ));
    }
    let (inputs, inits) = op.operands.split_at(n / 2);
    for (i, (x, init)) in inputs.iter().zip(inits).enumerate() {
        if !shapes_ok(x, &inputs[0]) {
            return Err(format!(
                "inputs #0 and #{i} must have the same shape ({name}_c{})",
                if name == "reduce" { 1 } else { 2 }
            ));
        }
        if init.rank().is_some_and(|r| r != 0) {
            return Err(format!("init_values #{i} must be a 0-dimensional tensor, got {init}"));
        }
        same_elems(
            x,
            init,
            &format!("inputs #{i} and init_values #{i}"),
            &format!("{name}_c{}", if name == "reduce" { 2 } else { 3 }),
        )?;
    }
    Ok((inputs, inits))
}

/// reduce_c1..c5.
pub fn reduce(op: &OpView) -> Check {
    let (inputs, _) = inputs_and_inits(op, "reduce")?;
    let dims = req_ints(op, "dimensions")?;
    if let Some(r) = inputs[0].rank() {
        if !in_range(&dims, r) {
            return Err(format!("dimensions {} are out of range for input rank {r} (reduce_c4)", list(&dims)));
        }
    }
    if !unique(&dims) {
        return Err(format!("dimensions {} must not repeat (reduce_c5)", list(&dims)));
    }
    Ok(())
}

/// reduce_c7: the inputs' shape without `dimensions` (element types from the body).
pub fn infer_reduce(op: &OpView) -> Infer {
    let dims = req_ints(op, "dimensions")?;
    let n = op.operands.len() / 2;
    Ok(op.operands[..n]
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let shape = x
                .shape
                .as_ref()
                .map(|s| s.iter().enumerate().filter(|(d, _)| !dims.contains(&(*d as i64))).map(|(_, &v)| v).collect());
            TensorTy { shape, elem: result_elem(op, i, &x.elem), is_tensor: true }
        })
        .collect())
}

struct Window {
    dims: Vec<i64>,
    strides: Vec<i64>,
    base_dilations: Vec<i64>,
    window_dilations: Vec<i64>,
    padding: Vec<(i64, i64)>,
}

/// reduce_window_c4..c12.
fn reduce_window_window(op: &OpView, rank: usize) -> Result<Window, String> {
    let dims = req_ints(op, "window_dimensions")?;
    if dims.len() != rank {
        return Err(format!(
            "window_dimensions {} must have one entry per input dimension ({rank}) (reduce_window_c4)",
            list(&dims)
        ));
    }
    if dims.iter().any(|&d| d <= 0) {
        return Err(format!("window_dimensions {} must be positive (reduce_window_c5)", list(&dims)));
    }
    Ok(Window {
        dims,
        strides: window_attr(op, "window_strides", rank, 1, true, ("reduce_window_c6", "reduce_window_c7"))?,
        base_dilations: window_attr(op, "base_dilations", rank, 1, true, ("reduce_window_c8", "reduce_window_c9"))?,
        window_dilations: window_attr(
            op,
            "window_dilations",
            rank,
            1,
            true,
            ("reduce_window_c10", "reduce_window_c11"),
        )?,
        padding: padding_attr(op, rank, "reduce_window_c12")?,
    })
}

pub fn reduce_window(op: &OpView) -> Check {
    let (inputs, _) = inputs_and_inits(op, "reduce_window")?;
    if let Some(r) = inputs[0].rank() {
        reduce_window_window(op, r)?;
    }
    Ok(())
}

/// reduce_window_c14..c16: num_windows per dimension (element types from the body).
pub fn infer_reduce_window(op: &OpView) -> Infer {
    let n = op.operands.len() / 2;
    op.operands[..n]
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let shape = match x.shape.as_deref() {
                Some(s) => {
                    let w = reduce_window_window(op, s.len())?;
                    Some(
                        (0..s.len())
                            .map(|d| {
                                num_windows(
                                    s[d],
                                    w.dims[d],
                                    w.strides[d],
                                    w.base_dilations[d],
                                    w.window_dilations[d],
                                    w.padding[d],
                                )
                            })
                            .collect(),
                    )
                }
                None => None,
            };
            Ok(TensorTy { shape, elem: result_elem(op, i, &x.elem), is_tensor: true })
        })
        .collect()
}

/// select_and_scatter_c1..c8 (window attributes optional, as in the reference).
pub fn select_and_scatter(op: &OpView) -> Check {
    let (x, src, init) = (operand(op, 0)?, operand(op, 1)?, operand(op, 2)?);
    same_elems(x, src, "operand and source", "select_and_scatter_c1")?;
    same_elems(x, init, "operand and init_value", "select_and_scatter_c3")?;
    if init.rank().is_some_and(|r| r != 0) {
        return Err(format!("init_value must be a 0-dimensional tensor, got {init}"));
    }
    let Some(xs) = x.shape.as_deref() else { return Ok(()) };
    let r = xs.len();
    let Some(dims) = op.ints_attr("window_dimensions") else { return Ok(()) };
    if dims.len() != r {
        return Err(format!(
            "window_dimensions {} must have one entry per operand dimension ({r}) (select_and_scatter_c4)",
            list(&dims)
        ));
    }
    if dims.iter().any(|&d| d <= 0) {
        return Err(format!("window_dimensions {} must be positive (select_and_scatter_c5)", list(&dims)));
    }
    let strides = window_attr(op, "window_strides", r, 1, true, ("select_and_scatter_c6", "select_and_scatter_c7"))?;
    let padding = padding_attr(op, r, "select_and_scatter_c8")?;
    let expected: Vec<i64> = (0..r).map(|d| num_windows(xs[d], dims[d], strides[d], 1, 1, padding[d])).collect();
    if let Some(ss) = src.shape.as_deref() {
        if !dims_ok(ss, &expected) {
            return Err(format!(
                "source shape {} must be the window counts {} (select_and_scatter_c2)",
                list(ss),
                list(&expected)
            ));
        }
    }
    Ok(())
}

/// The first operand's shape with the result's element type (select_and_scatter_c11,
/// c12; map_c1; all_reduce_c6...).
pub fn infer_shape_of_first(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    Ok(vec![TensorTy { shape: x.shape.clone(), elem: result_elem(op, 0, &x.elem), is_tensor: x.is_tensor }])
}

// ---------------------------------------------------------------------------------
// Other ops with regions.

/// sort_c1, c3, c4.
pub fn sort(op: &OpView) -> Check {
    let first = op.operands.first().ok_or("expects at least one input (sort_c1)")?;
    if op.results.len() != op.operands.len() {
        return Err(format!(
            "expects one result per input, got {} and {} (sort_c2)",
            op.operands.len(),
            op.results.len()
        ));
    }
    if op.operands.iter().any(|t| !shapes_ok(t, first)) {
        return Err("inputs must all have the same shape (sort_c3)".into());
    }
    if let (Some(r), Some(d)) = (first.rank(), op.int_attr("dimension")) {
        let r = r as i64;
        if d < -r || d >= r.max(1) {
            return Err(format!("dimension {d} is out of range for rank {r} (sort_c4)"));
        }
    }
    Ok(())
}

/// The operands' types, one result each (sort_c2, optimization_barrier_c1, while_c3).
pub fn infer_operand_types(op: &OpView) -> Infer {
    Ok(op.operands.clone())
}

/// Every result count must equal the operand count (for `infer_operand_types`).
pub fn one_result_per_operand(op: &OpView) -> Check {
    if op.results.len() != op.operands.len() {
        return Err(format!(
            "expects one result per operand, got {} operands and {} results",
            op.operands.len(),
            op.results.len()
        ));
    }
    Ok(())
}

/// map_c1..c3.
pub fn map(op: &OpView) -> Check {
    let first = op.operands.first().ok_or("expects at least one input (map_c2)")?;
    if op.operands.iter().any(|t| !shapes_ok(t, first)) {
        return Err("inputs must all have the same shape (map_c1)".into());
    }
    let dims = req_ints(op, "dimensions")?;
    if let Some(r) = first.rank() {
        if dims != (0..r as i64).collect::<Vec<_>>() {
            return Err(format!("dimensions {} must be range(rank(inputs[0])) = [0, {r}) (map_c3)", list(&dims)));
        }
    }
    Ok(())
}

/// if / case: a 0-dimensional predicate or index.
pub fn scalar_first_operand(op: &OpView) -> Check {
    let p = operand(op, 0)?;
    if p.rank().is_some_and(|r| r != 0) {
        return Err(format!("operand #0 must be a 0-dimensional tensor, got {p}"));
    }
    Ok(())
}

/// composite_c1 (is_namespaced_op_name(name)), decomposition a symbol (composite_i4).
pub fn composite(op: &OpView) -> Check {
    let name = op.str_attr("name").unwrap_or_default();
    if !name.contains('.') || name.starts_with('.') || name.ends_with('.') {
        return Err(format!("name \"{name}\" must be a namespaced op name such as \"my.op\" (composite_c1)"));
    }
    match req_attr(op, "decomposition")? {
        Attr::Other(s) if s.starts_with('@') => Ok(()),
        a => Err(format!("attribute 'decomposition' must be a flat symbol reference, got {}", a.kind_name())),
    }
}

/// custom_call: api_version a known case, backend_config a dictionary exactly for
/// API_VERSION_TYPED_FFI (4), layouts for both operands and results or neither,
/// output_operand_aliases naming real operands (CustomCallOp::verify).
pub fn custom_call(op: &OpView) -> Check {
    let api = op.int_attr("api_version").unwrap_or(1);
    if !(0..=4).contains(&api) {
        return Err(format!("api_version {api} is not a known CustomCallApiVersion (0 to 4)"));
    }
    if let Some(cfg) = op.attr("backend_config") {
        let is_dict = matches!(cfg, Attr::Other(s) if s.starts_with('{'));
        match (api == 4, is_dict, cfg) {
            (true, false, _) => {
                return Err("backend_config for api_version 4 (API_VERSION_TYPED_FFI) must be a dictionary".into())
            }
            (false, _, Attr::Str(_)) | (true, true, _) => {}
            (false, ..) => return Err(format!("backend_config for api_version {api} must be a string")),
        }
    }
    if op.attr("operand_layouts").is_some() != op.attr("result_layouts").is_some() {
        return Err("operand_layouts and result_layouts must be given together".into());
    }
    if let Some(Attr::Array(aliases)) = op.attr("output_operand_aliases") {
        for a in aliases {
            let index = attrs::params(a, "output_operand_alias")
                .and_then(|p| attrs::parse_struct(p).ok())
                .and_then(|f| f.into_iter().find(|(k, _)| k == "operand_index"))
                .and_then(|(_, v)| match v {
                    attrs::Field::Int(i) => Some(i),
                    _ => None,
                });
            if let Some(i) = index {
                if i < 0 || i as usize >= op.operands.len() {
                    return Err(format!(
                        "output_operand_alias operand_index {i} is out of range [0, {})",
                        op.operands.len()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// get_dimension_size_c1.
pub fn get_dimension_size(op: &OpView) -> Check {
    let d = req_int(op, "dimension")?;
    match operand(op, 0)?.rank() {
        Some(r) if d < 0 || d as usize >= r => {
            Err(format!("dimension {d} is out of range for rank {r} (get_dimension_size_c1)"))
        }
        _ => Ok(()),
    }
}

/// A 0-dimensional tensor of `elem`.
fn scalar(elem: ElemTy) -> Infer {
    Ok(vec![ranked_tensor(vec![], elem)])
}
pub fn infer_scalar_i32(_: &OpView) -> Infer {
    scalar(ElemTy::I(32))
}
pub fn infer_scalar_ui32(_: &OpView) -> Infer {
    scalar(ElemTy::U(32))
}

/// set_dimension_size (not in the spec): `dimension` in range, `size` a scalar.
pub fn set_dimension_size(op: &OpView) -> Check {
    get_dimension_size(op)?;
    scalar_at(op, 1, "size")
}

fn scalar_at(op: &OpView, i: usize, what: &str) -> Check {
    let t = operand(op, i)?;
    if t.rank().is_some_and(|r| r != 0) {
        return Err(format!("{what} must be a 0-dimensional tensor, got {t}"));
    }
    Ok(())
}

/// The element types of a `tuple<...>` type, as printed.
fn tuple_elements(t: &TensorTy) -> Option<Vec<String>> {
    let ElemTy::Other(s) = &t.elem else { return None };
    let inner = s.strip_prefix("tuple<")?.strip_suffix('>')?;
    if inner.trim().is_empty() {
        return Some(vec![]);
    }
    Some(attrs::split_top(inner).into_iter().map(str::to_string).collect())
}

/// get_tuple_element_c1: 0 <= index < size(operand).
pub fn get_tuple_element(op: &OpView) -> Check {
    let t = operand(op, 0)?;
    let index = req_int(op, "index")?;
    let elems = tuple_elements(t).ok_or_else(|| format!("operand must be a tuple, got {t}"))?;
    if index < 0 || index as usize >= elems.len() {
        return Err(format!(
            "index {index} is out of range for a tuple of {} elements (get_tuple_element_c1)",
            elems.len()
        ));
    }
    Ok(())
}

/// tuple_c1: the result is a tuple of the operands.
pub fn tuple(op: &OpView) -> Check {
    let r = result(op, 0)?;
    let elems = tuple_elements(r).ok_or_else(|| format!("result must be a tuple, got {r}"))?;
    if elems.len() != op.operands.len() {
        return Err(format!("result {r} must have one element per operand ({}) (tuple_c1)", op.operands.len()));
    }
    Ok(())
}

/// Every operand and result a `!stablehlo.token` (after_all, create_token).
pub fn tokens(op: &OpView) -> Check {
    match op.operands.iter().chain(&op.results).find(|t| !is_token(t)) {
        Some(t) => Err(format!("operands and results must be !stablehlo.token, got {t}")),
        None => Ok(()),
    }
}

/// The last operand a `!stablehlo.token` (outfeed, send, infeed/recv's `token`).
pub fn last_operand_token(op: &OpView) -> Check {
    match op.operands.last() {
        Some(t) if is_token(t) => Ok(()),
        Some(t) => Err(format!("the last operand must be a !stablehlo.token, got {t}")),
        None => Err("expects a !stablehlo.token operand".into()),
    }
}

/// infeed_c1, c3 / recv: results end with a token.
pub fn results_end_with_token(op: &OpView) -> Check {
    last_operand_token(op)?;
    match op.results.last() {
        Some(t) if is_token(t) => Ok(()),
        _ => Err("the last result must be a !stablehlo.token (infeed_c3, recv)".into()),
    }
}

// ---------------------------------------------------------------------------------
// Normalization, RNG, linear algebra, FFT.

/// batch_norm_*: `feature_index` in range and 1-D operands sized like that dimension
/// (batch_norm_inference_c1..c6, batch_norm_training_c1..c6, batch_norm_grad_c1..c5).
fn batch_norm(op: &OpView, name: &str, vectors: &[(usize, &str)]) -> Check {
    let x = operand(op, 0)?;
    check_class(x, "operand", FP_Q)?;
    let fi = req_int(op, "feature_index")?;
    let Some(xs) = x.shape.as_deref() else { return Ok(()) };
    if fi < 0 || fi as usize >= xs.len() {
        return Err(format!("feature_index {fi} is out of range for rank {} ({name}_c1)", xs.len()));
    }
    let features = xs[fi as usize];
    for &(i, what) in vectors {
        let v = operand(op, i)?;
        same_elems(x, v, &format!("operand and {what}"), &format!("{name}_c2"))?;
        match v.shape.as_deref() {
            Some([n]) if !dim_ok(*n, features) => {
                return Err(format!("{what} has {n} elements, but operand dimension {fi} has {features} ({name}_c3..)"))
            }
            Some(s) if s.len() != 1 => return Err(format!("{what} must be 1-dimensional, got {v}")),
            _ => {}
        }
    }
    Ok(())
}

pub fn batch_norm_inference(op: &OpView) -> Check {
    batch_norm(op, "batch_norm_inference", &[(1, "scale"), (2, "offset"), (3, "mean"), (4, "variance")])
}
pub fn batch_norm_training(op: &OpView) -> Check {
    batch_norm(op, "batch_norm_training", &[(1, "scale"), (2, "offset")])
}
pub fn batch_norm_grad(op: &OpView) -> Check {
    batch_norm(op, "batch_norm_grad", &[(1, "scale"), (2, "mean"), (3, "variance")])?;
    if !shapes_ok(operand(op, 0)?, operand(op, 4)?) {
        return Err("grad_output must have the operand's shape (batch_norm_grad_c3)".into());
    }
    Ok(())
}

/// batch_norm_training / batch_norm_grad: the operand's type, then two vectors of the
/// feature size.
pub fn infer_batch_norm_triple(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let fi = req_int(op, "feature_index")? as usize;
    let features = x.shape.as_ref().map(|s| vec![s[fi]]);
    let v = |i: usize| TensorTy { shape: features.clone(), elem: result_elem(op, i, &x.elem), is_tensor: true };
    Ok(vec![TensorTy { elem: result_elem(op, 0, &x.elem), ..x.clone() }, v(1), v(2)])
}

pub const RNG_DISTRIBUTIONS: &[&str] = &["UNIFORM", "NORMAL"];
pub const RNG_ALGORITHMS: &[&str] = &["DEFAULT", "THREE_FRY", "PHILOX"];

/// rng_c1..c3.
pub fn rng(op: &OpView) -> Check {
    let (a, b) = (operand(op, 0)?, operand(op, 1)?);
    check_class(a, "a", PRED_INT_FP)?;
    for (t, name) in [(a, "a"), (b, "b")] {
        if t.rank().is_some_and(|r| r != 0) {
            return Err(format!("{name} must be a 0-dimensional tensor, got {t}"));
        }
    }
    let out = result(op, 0)?;
    if a.elem != b.elem || a.elem != out.elem {
        return Err(format!(
            "a, b and result must have one element type, got {}, {} and {} (rng_c1)",
            a.elem, b.elem, out.elem
        ));
    }
    let dist = attrs::check_enum(
        req_attr(op, "rng_distribution")?,
        "rng_distribution",
        "rng_distribution",
        RNG_DISTRIBUTIONS,
    )?;
    if dist == "NORMAL" && !is_float(&a.elem) {
        return Err(format!("NORMAL distribution needs floating-point a and b, got {} (rng_c2)", a.elem));
    }
    check_shape_operand(op, 2, "shape", "rng_c3")
}

/// rng_bit_generator_c1, c2 (sizes for THREE_FRY and PHILOX when static).
pub fn rng_bit_generator(op: &OpView) -> Check {
    let alg = attrs::check_enum(req_attr(op, "rng_algorithm")?, "rng_algorithm", "rng_algorithm", RNG_ALGORITHMS)?;
    let (state, out_state) = (operand(op, 0)?, result(op, 0)?);
    check_class(state, "initial_state", INT_FP)?;
    if state.elem != out_state.elem || !shapes_ok(state, out_state) {
        return Err(format!("output_state {out_state} must have initial_state's type {state} (rng_bit_generator_c1)"));
    }
    if let Some(&[n]) = state.shape.as_deref() {
        if state.elem == ElemTy::U(64) && n >= 0 {
            let ok = match alg.as_str() {
                "THREE_FRY" => n == 2,
                "PHILOX" => n == 2 || n == 3,
                _ => true,
            };
            if !ok {
                return Err(format!(
                    "initial_state of {alg} must have {} elements, got {n} (rng_bit_generator_c2)",
                    if alg == "PHILOX" { "2 or 3" } else { "2" }
                ));
            }
        }
    }
    Ok(())
}

/// cholesky_c1..c3.
pub fn cholesky(op: &OpView) -> Check {
    unary_fp_complex_q(op)?;
    match operand(op, 0)?.shape.as_deref() {
        Some(s) if s.len() < 2 => Err(format!("a must have rank >= 2, got {} (cholesky_c2)", s.len())),
        Some(s) if !dim_ok(s[s.len() - 2], s[s.len() - 1]) => {
            Err(format!("a must be square in its last two dimensions, got {} (cholesky_c3)", list(s)))
        }
        _ => Ok(()),
    }
}

pub const TRANSPOSE_A: &[&str] = &["NO_TRANSPOSE", "TRANSPOSE", "ADJOINT"];

/// triangular_solve_c1..c3.
pub fn triangular_solve(op: &OpView) -> Check {
    let (a, b) = (operand(op, 0)?, operand(op, 1)?);
    check_class(a, "a", FP_COMPLEX_Q)?;
    same_elems(a, b, "a and b", "triangular_solve_c1")?;
    attrs::check_enum(req_attr(op, "transpose_a")?, "transpose_a", "transpose", TRANSPOSE_A)?;
    let (Some(as_), Some(bs)) = (a.shape.as_deref(), b.shape.as_deref()) else { return Ok(()) };
    let r = as_.len();
    if r < 2 || bs.len() != r {
        return Err(format!("a {a} and b {b} must have one rank >= 2 (triangular_solve_c2)"));
    }
    let left = flag(op, "left_side");
    let k = if left { bs[r - 2] } else { bs[r - 1] };
    if !dims_ok(&as_[..r - 2], &bs[..r - 2]) || !dim_ok(as_[r - 2], as_[r - 1]) || !dim_ok(as_[r - 1], k) {
        return Err(format!(
            "a {a} must be square, match b {b} in batch dimensions and in its {} dimension (triangular_solve_c3)",
            if left { "row" } else { "column" }
        ));
    }
    Ok(())
}

pub const FFT_TYPES: &[&str] = &["FFT", "IFFT", "RFFT", "IRFFT"];

/// fft_c1..c3 (c4, c5 through the inferred type).
pub fn fft(op: &OpView) -> Check {
    let (x, r) = (operand(op, 0)?, result(op, 0)?);
    let t = attrs::check_enum(req_attr(op, "fft_type")?, "fft_type", "fft_type", FFT_TYPES)?;
    let len = req_ints(op, "fft_length")?;
    if len.is_empty() || len.len() > 3 {
        return Err(format!("fft_length {} must have 1 to 3 entries (fft_c3)", list(&len)));
    }
    if x.rank().is_some_and(|rank| len.len() > rank) {
        return Err(format!("fft_length {} is longer than the operand rank (fft_c1)", list(&len)));
    }
    let (xc, rc) = (is_complex(&x.elem), is_complex(&r.elem));
    let ok = match t.as_str() {
        "FFT" | "IFFT" => xc && rc,
        "RFFT" => !xc && rc,
        _ => xc && !rc,
    };
    if !ok {
        return Err(format!("{t} does not map element type {} to {} (fft_c2)", x.elem, r.elem));
    }
    Ok(())
}

/// fft_c2, c4, c5.
pub fn infer_fft(op: &OpView) -> Infer {
    let x = operand(op, 0)?;
    let t = attrs::enum_case(req_attr(op, "fft_type")?, "fft_type").unwrap_or("FFT");
    let len = req_ints(op, "fft_length")?;
    let last = *len.last().unwrap_or(&DYN);
    let (elem, last_dim) = match t {
        "RFFT" => (ElemTy::Other(format!("complex<{}>", x.elem)), Some(if last == 0 { 0 } else { last / 2 + 1 })),
        "IRFFT" => (component(&x.elem), Some(last)),
        _ => (x.elem.clone(), None),
    };
    let shape = x.shape.as_ref().map(|s| {
        let mut s = s.clone();
        if let (Some(d), Some(v)) = (last_dim, s.last_mut()) {
            *v = d;
        }
        s
    });
    Ok(vec![TensorTy { shape, elem, is_tensor: true }])
}

// ---------------------------------------------------------------------------------
// Collectives. Replica groups and channels are checked for shape only; the process
// grid (num_replicas, num_partitions) is not known to the catalog.

/// Size of each replica group: `dim(replica_groups, 1)` of a dense 2-D attribute.
fn replica_group_size(op: &OpView) -> Option<i64> {
    match op.attr("replica_groups") {
        Some(Attr::Dense { ty, .. }) => ty.dims().get(1).copied(),
        _ => None,
    }
}

fn check_replica_groups(op: &OpView, label: &str) -> Check {
    match op.attr("replica_groups") {
        Some(Attr::Dense { ty, ints, .. }) => {
            if ty.rank() != Some(2) {
                return Err(format!("replica_groups must be a 2-dimensional tensor, got {ty}"));
            }
            if let Some(v) = ints {
                let ids: Vec<i64> = v.iter().copied().filter(|&x| x >= 0).collect();
                if !unique(&ids) {
                    return Err(format!("replica_groups must not repeat a replica ({label})"));
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// all_gather_c1, c2, c6.
pub fn all_gather(op: &OpView) -> Check {
    check_replica_groups(op, "all_gather_c2")?;
    one_result_per_operand(op)?;
    let dim = req_int(op, "all_gather_dim")?;
    let group = replica_group_size(op);
    for (x, r) in op.operands.iter().zip(&op.results) {
        let (Some(xs), Some(rs)) = (x.shape.as_deref(), r.shape.as_deref()) else { continue };
        if dim < 0 || dim as usize >= xs.len() {
            return Err(format!("all_gather_dim {dim} is out of range for rank {} (all_gather_c1)", xs.len()));
        }
        let d = dim as usize;
        let gathered = match (xs[d], group) {
            (s, Some(g)) if s >= 0 && g >= 0 => s.saturating_mul(g),
            _ => DYN,
        };
        let ok = xs.len() == rs.len()
            && (0..xs.len()).all(|i| if i == d { dim_ok(rs[i], gathered) } else { dim_ok(xs[i], rs[i]) });
        if !ok || x.elem != r.elem {
            return Err(format!("result {r} must be operand {x} gathered along dimension {dim} (all_gather_c6)"));
        }
    }
    Ok(())
}

/// all_reduce_c1, c6 / collective_reduce: one result per operand, same shapes.
pub fn all_reduce(op: &OpView) -> Check {
    check_replica_groups(op, "all_reduce_c1")?;
    one_result_per_operand(op)
}

/// The operands' shapes with the results' element types (all_reduce_c6, c7).
pub fn infer_operand_shapes(op: &OpView) -> Infer {
    Ok(op
        .operands
        .iter()
        .enumerate()
        .map(|(i, x)| TensorTy { shape: x.shape.clone(), elem: result_elem(op, i, &x.elem), is_tensor: x.is_tensor })
        .collect())
}

/// all_to_all_c1..c4, c8, c9.
pub fn all_to_all(op: &OpView) -> Check {
    check_replica_groups(op, "all_to_all_c5")?;
    one_result_per_operand(op)?;
    let (split, concat_dim, count) =
        (req_int(op, "split_dimension")?, req_int(op, "concat_dimension")?, req_int(op, "split_count")?);
    if count <= 0 {
        return Err(format!("split_count {count} must be positive (all_to_all_c4)"));
    }
    if let Some(g) = replica_group_size(op) {
        if g >= 0 && g != count {
            return Err(format!("replica groups of size {g} must match split_count {count} (all_to_all_c8)"));
        }
    }
    for (x, r) in op.operands.iter().zip(&op.results) {
        let (Some(xs), Some(rs)) = (x.shape.as_deref(), r.shape.as_deref()) else { continue };
        let n = xs.len() as i64;
        if split < 0 || split >= n || concat_dim < 0 || concat_dim >= n {
            return Err(format!(
                "split_dimension {split} and concat_dimension {concat_dim} must be in [0, {n}) (all_to_all_c1, c3)"
            ));
        }
        let (s, c) = (split as usize, concat_dim as usize);
        if xs[s] >= 0 && xs[s] % count != 0 {
            return Err(format!(
                "operand dimension {split} of size {} must be divisible by split_count {count} (all_to_all_c2)",
                xs[s]
            ));
        }
        let mut expected = xs.to_vec();
        if s != c {
            expected[s] = if xs[s] < 0 { DYN } else { xs[s] / count };
            expected[c] = if xs[c] < 0 { DYN } else { xs[c].saturating_mul(count) };
        }
        if !dims_ok(&expected, rs) {
            return Err(format!("result {r} must have shape {} (all_to_all_c9)", list(&expected)));
        }
    }
    Ok(())
}

/// reduce_scatter_c1, c2, c8.
pub fn reduce_scatter(op: &OpView) -> Check {
    check_replica_groups(op, "reduce_scatter_c3")?;
    let (x, r) = (operand(op, 0)?, result(op, 0)?);
    let dim = req_int(op, "scatter_dimension")?;
    let (Some(xs), Some(rs)) = (x.shape.as_deref(), r.shape.as_deref()) else { return Ok(()) };
    if dim < 0 || dim as usize >= xs.len() {
        return Err(format!("scatter_dimension {dim} is out of range for rank {} (reduce_scatter_c2)", xs.len()));
    }
    let d = dim as usize;
    let mut expected = xs.to_vec();
    if let Some(g) = replica_group_size(op).filter(|&g| g > 0) {
        if xs[d] >= 0 && xs[d] % g != 0 {
            return Err(format!(
                "operand dimension {dim} of size {} must be divisible by the group size {g} (reduce_scatter_c1)",
                xs[d]
            ));
        }
        expected[d] = if xs[d] < 0 { DYN } else { xs[d] / g };
    } else {
        expected[d] = DYN;
    }
    if !dims_ok(&expected, rs) {
        return Err(format!("result {r} must have shape {} (reduce_scatter_c8)", list(&expected)));
    }
    Ok(())
}

/// collective_permute_c1..c3.
pub fn collective_permute(op: &OpView) -> Check {
    let Some(Attr::Dense { ty, ints, .. }) = op.attr("source_target_pairs") else { return Ok(()) };
    let dims = ty.dims();
    if dims.len() != 2 || (dims[1] != 2 && !(dims[0] == 0 && dims[1] == 0)) {
        return Err(format!("source_target_pairs must have shape [N, 2], got {ty} (collective_permute_c1)"));
    }
    if let Some(v) = ints {
        let sources: Vec<i64> = v.iter().step_by(2).copied().collect();
        let targets: Vec<i64> = v.iter().skip(1).step_by(2).copied().collect();
        if !unique(&sources) || !unique(&targets) {
            return Err("sources and targets in source_target_pairs must not repeat (collective_permute_c2, c3)".into());
        }
    }
    Ok(())
}

/// collective_broadcast_c3..c5 / collective_reduce_c3: with `has_dynamic_root`, the
/// last operand holds the root and has no result.
pub fn collective_broadcast(op: &OpView) -> Check {
    check_replica_groups(op, "collective_broadcast_c1")?;
    let dynamic_root = flag(op, "has_dynamic_root");
    let n = op.operands.len() - usize::from(dynamic_root && !op.operands.is_empty());
    if op.results.len() != n || (dynamic_root && op.operands.len() < 2) {
        return Err(format!(
            "expects {} results for {} operands (has_dynamic_root = {dynamic_root}) (collective_broadcast_c3..c5)",
            n,
            op.operands.len()
        ));
    }
    Ok(())
}

/// The operands' types, less a dynamic root (collective_broadcast_c3, c4).
pub fn infer_collective_broadcast(op: &OpView) -> Infer {
    let n = op.results.len().min(op.operands.len());
    Ok(op.operands[..n].to_vec())
}

pub fn infer_collective_reduce(op: &OpView) -> Infer {
    let n = op.results.len().min(op.operands.len());
    Ok(op.operands[..n]
        .iter()
        .enumerate()
        .map(|(i, x)| TensorTy { shape: x.shape.clone(), elem: result_elem(op, i, &x.elem), is_tensor: x.is_tensor })
        .collect())
}

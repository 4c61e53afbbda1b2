//! The StableHLO -> TFL rules, one per source op, sorted. A rule either renames the op
//! (same operands and results; the source's attributes are kept and `attrs` added) or
//! calls a function that builds the replacement. A function returning `Ok(None)` means
//! "no rule matched this form": the op stays and is reported as not legalized.

use crate::legacy::constant::splat;
use crate::rewrite::*;
use edge_dialects::ir::{elem_from_mlir, print_type, type_from_mlir, Attr, ElemTy, TensorTy};
use edge_dialects::stablehlo::attrs::{ComparisonDirection, ComparisonType, ConvDims, DotDims, GatherDims};
use mlir_sys::*;

pub enum Rule {
    Rename { to: &'static str, attrs: &'static [(&'static str, &'static str)] },
    Build(fn(MlirOperation) -> Result<Option<MlirOperation>, String>),
}

const NONE_ACT: &[(&str, &str)] = &[("fused_activation_function", "NONE")];

const fn rename(to: &'static str) -> Rule {
    Rule::Rename { to, attrs: &[] }
}
const fn fused(to: &'static str) -> Rule {
    Rule::Rename { to, attrs: NONE_ACT }
}

/// Sorted by source op (a test checks).
pub static RULES: &[(&str, Rule)] = &[
    ("stablehlo.abs", Rule::Build(abs)),
    ("stablehlo.add", fused("tfl.add")),
    ("stablehlo.and", Rule::Build(logical_and)),
    ("stablehlo.atan2", rename("tfl.atan2")),
    // Same bytes; both add a last dim for a narrower type and drop it for a wider one.
    ("stablehlo.bitcast_convert", rename("tfl.bitcast")),
    ("stablehlo.broadcast_in_dim", Rule::Build(broadcast_in_dim)),
    ("stablehlo.ceil", rename("tfl.ceil")),
    ("stablehlo.compare", Rule::Build(compare)),
    ("stablehlo.concatenate", Rule::Build(concatenate)),
    ("stablehlo.constant", Rule::Build(constant)),
    ("stablehlo.convert", Rule::Build(convert)),
    ("stablehlo.convolution", Rule::Build(convolution)),
    ("stablehlo.cosine", rename("tfl.cos")),
    ("stablehlo.divide", fused("tfl.div")),
    ("stablehlo.dot_general", Rule::Build(dot_general)),
    ("stablehlo.exponential", rename("tfl.exp")),
    ("stablehlo.exponential_minus_one", Rule::Build(exponential_minus_one)),
    ("stablehlo.floor", rename("tfl.floor")),
    ("stablehlo.gather", Rule::Build(gather)),
    ("stablehlo.iota", Rule::Build(iota)),
    ("stablehlo.log", rename("tfl.log")),
    ("stablehlo.log_plus_one", Rule::Build(log_plus_one)),
    ("stablehlo.logistic", rename("tfl.logistic")),
    ("stablehlo.maximum", rename("tfl.maximum")),
    ("stablehlo.minimum", rename("tfl.minimum")),
    ("stablehlo.multiply", fused("tfl.mul")),
    ("stablehlo.negate", rename("tfl.neg")),
    ("stablehlo.not", Rule::Build(logical_not)),
    ("stablehlo.or", Rule::Build(logical_or)),
    ("stablehlo.pad", Rule::Build(pad)),
    ("stablehlo.power", rename("tfl.pow")),
    ("stablehlo.reduce", Rule::Build(reduce)),
    ("stablehlo.reduce_window", Rule::Build(reduce_window)),
    ("stablehlo.remainder", Rule::Build(remainder)),
    ("stablehlo.reshape", Rule::Build(reshape)),
    ("stablehlo.reverse", Rule::Build(reverse)),
    ("stablehlo.round_nearest_even", rename("tfl.round")),
    ("stablehlo.rsqrt", rename("tfl.rsqrt")),
    ("stablehlo.scatter", Rule::Build(super::scatter::scatter)),
    ("stablehlo.select", rename("tfl.select_v2")),
    ("stablehlo.sign", rename("tfl.sign")),
    ("stablehlo.sine", rename("tfl.sin")),
    ("stablehlo.slice", Rule::Build(slice)),
    ("stablehlo.sort", Rule::Build(sort)),
    ("stablehlo.sqrt", rename("tfl.sqrt")),
    ("stablehlo.subtract", fused("tfl.sub")),
    ("stablehlo.tan", Rule::Build(tan)),
    ("stablehlo.tanh", rename("tfl.tanh")),
    ("stablehlo.transpose", Rule::Build(transpose)),
    ("stablehlo.uniform_dequantize", rename("tfl.dequantize")),
    ("stablehlo.uniform_quantize", Rule::Build(uniform_quantize)),
    ("stablehlo.xor", Rule::Build(logical_xor)),
];

pub fn lookup(op: &str) -> Option<&'static Rule> {
    RULES.binary_search_by(|(name, _)| name.cmp(&op)).ok().map(|i| &RULES[i].1)
}

/// Applies `rule` to `op`; returns the replacement (already inserted) or `None`.
pub fn apply(rule: &Rule, op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    match rule {
        Rule::Rename { to, attrs } => {
            let mut all = attributes(op);
            for (name, value) in *attrs {
                all.push((name.to_string(), string_attr(op, value)));
            }
            let refs: Vec<(&str, MlirAttribute)> = all.iter().map(|(n, a)| (n.as_str(), *a)).collect();
            Ok(Some(insert_op_before(op, to, &operands(op), &result_types(op), &refs)))
        }
        Rule::Build(f) => f(op),
    }
}

/// The one value every element of `v` has, when `v` is a splat constant or a
/// reshape or broadcast of one (JAX writes a reduction's init as a 0-d broadcast of a
/// constant, and a divisor as a broadcast to the divided shape).
pub(super) fn splat_through(v: MlirValue) -> Option<f64> {
    let mut v = v;
    for _ in 0..8 {
        if let Some(x) = splat(v) {
            return Some(x);
        }
        let def = defining_op(v)?;
        match name(def).as_str() {
            "tfl.reshape" | "tfl.broadcast_to" | "stablehlo.reshape" | "stablehlo.broadcast_in_dim" => v = operand(def, 0),
            _ => return None,
        }
    }
    None
}

pub(super) fn is_bool(v: MlirValue) -> bool {
    type_from_mlir(unsafe { mlirValueGetType(v) }).elem == ElemTy::I(1)
}

/// An int32 `tfl.pseudo_const` of `values`, inserted before `anchor`.
pub(super) fn i32_const(anchor: MlirOperation, values: &[i64]) -> MlirValue {
    unsafe {
        let ctx = mlirOperationGetContext(anchor);
        let i32t = mlirIntegerTypeGet(ctx, 32);
        let shape = [values.len() as i64];
        let ty = mlirRankedTensorTypeGet(1, shape.as_ptr(), i32t, mlirAttributeGetNull());
        let data: Vec<i32> = values.iter().map(|&v| v as i32).collect();
        let attr = mlirDenseElementsAttrInt32Get(ty, data.len() as isize, data.as_ptr());
        let c = insert_op_before(anchor, "tfl.pseudo_const", &[], &[ty], &[("value", attr)]);
        mlirOperationGetResult(c, 0)
    }
}

/// An int32 `[rows, 2]` `tfl.pseudo_const` of (low, high) padding pairs.
fn paddings_const(anchor: MlirOperation, pairs: &[[i64; 2]]) -> MlirValue {
    unsafe {
        let ctx = mlirOperationGetContext(anchor);
        let shape = [pairs.len() as i64, 2];
        let ty = mlirRankedTensorTypeGet(2, shape.as_ptr(), mlirIntegerTypeGet(ctx, 32), mlirAttributeGetNull());
        let data: Vec<i32> = pairs.iter().flatten().map(|&v| v as i32).collect();
        let attr = mlirDenseElementsAttrInt32Get(ty, data.len() as isize, data.as_ptr());
        mlirOperationGetResult(insert_op_before(anchor, "tfl.pseudo_const", &[], &[ty], &[("value", attr)]), 0)
    }
}

/// The tensor type of `v`.
pub(super) fn ty(v: MlirValue) -> TensorTy {
    type_from_mlir(unsafe { mlirValueGetType(v) })
}

/// The MLIR element type of `v`'s tensor type.
pub(super) fn elem_of(v: MlirValue) -> MlirType {
    unsafe { mlirShapedTypeGetElementType(mlirValueGetType(v)) }
}

/// A ranked tensor type of `shape` and element type `elem`.
pub(super) fn tensor_type(shape: &[i64], elem: MlirType) -> MlirType {
    unsafe { mlirRankedTensorTypeGet(shape.len() as isize, shape.as_ptr(), elem, mlirAttributeGetNull()) }
}

/// A one-result op `name` inserted before `anchor`; returns its result.
pub(super) fn emit(anchor: MlirOperation, name: &str, operands: &[MlirValue], result: MlirType, attrs: &[(&str, MlirAttribute)]) -> MlirValue {
    result_of(insert_op_before(anchor, name, operands, &[result], attrs))
}

pub(super) fn result_of(op: MlirOperation) -> MlirValue {
    unsafe { mlirOperationGetResult(op, 0) }
}

pub(super) fn ctx_of(op: MlirOperation) -> MlirContext {
    unsafe { mlirOperationGetContext(op) }
}

/// A `tfl.pseudo_const` holding `attr` (whose type is the constant's type).
pub(super) fn const_attr(anchor: MlirOperation, attr: MlirAttribute) -> MlirValue {
    let t = unsafe { mlirAttributeGetType(attr) };
    emit(anchor, "tfl.pseudo_const", &[], t, &[("value", attr)])
}

/// A `tfl.pseudo_const` of type `shape` x `elem` with the numbers `values` (one per
/// element, or one for a splat), converted to `elem` (float, bool or integer).
pub(super) fn number_const(anchor: MlirOperation, shape: &[i64], elem: MlirType, values: &[f64]) -> Result<MlirValue, String> {
    let t = tensor_type(shape, elem);
    let e = elem_from_mlir(elem);
    let splat = values.len() == 1;
    let n = values.len() as isize;
    let attr = unsafe {
        match e {
            ElemTy::F32 if splat => mlirDenseElementsAttrFloatSplatGet(t, values[0] as f32),
            ElemTy::F32 => {
                let v: Vec<f32> = values.iter().map(|&x| x as f32).collect();
                mlirDenseElementsAttrFloatGet(t, n, v.as_ptr())
            }
            ElemTy::I(1) if splat => mlirDenseElementsAttrBoolSplatGet(t, values[0] != 0.0),
            ElemTy::I(32) if splat => mlirDenseElementsAttrInt32SplatGet(t, values[0] as i32),
            ElemTy::I(32) => {
                let v: Vec<i32> = values.iter().map(|&x| x as i32).collect();
                mlirDenseElementsAttrInt32Get(t, n, v.as_ptr())
            }
            ElemTy::I(64) if splat => mlirDenseElementsAttrInt64SplatGet(t, values[0] as i64),
            ElemTy::I(64) => {
                let v: Vec<i64> = values.iter().map(|&x| x as i64).collect();
                mlirDenseElementsAttrInt64Get(t, n, v.as_ptr())
            }
            ElemTy::I(_) | ElemTy::U(_) if splat => mlirDenseElementsAttrSplatGet(t, mlirIntegerAttrGet(elem, values[0] as i64)),
            _ => return Err(format!("cannot build a constant of element type {}", print_type(elem))),
        }
    };
    Ok(const_attr(anchor, attr))
}

/// A 0-d constant `value` of `v`'s element type.
pub(super) fn scalar_like(anchor: MlirOperation, v: MlirValue, value: f64) -> Result<MlirValue, String> {
    number_const(anchor, &[], elem_of(v), &[value])
}

/// `tfl.reshape(v, shape)`; to a scalar, `tfl.squeeze` of every (unit) dim, which needs
/// no empty shape constant.
pub(super) fn reshape_to(anchor: MlirOperation, v: MlirValue, shape: &[i64]) -> MlirValue {
    if shape.is_empty() {
        let all: Vec<i64> = (0..ty(v).dims().len() as i64).collect();
        let dims = unsafe { mlirDenseI64ArrayGet(ctx_of(anchor), all.len() as isize, all.as_ptr()) };
        return emit(anchor, "tfl.squeeze", &[v], tensor_type(&[], elem_of(v)), &[("squeeze_dims", dims)]);
    }
    let s = i32_const(anchor, shape);
    emit(anchor, "tfl.reshape", &[v, s], tensor_type(shape, elem_of(v)), &[])
}

/// `tfl.cast(v)` to element type `elem`.
pub(super) fn cast_to(anchor: MlirOperation, v: MlirValue, elem: MlirType) -> MlirValue {
    emit(anchor, "tfl.cast", &[v], tensor_type(ty(v).dims(), elem), &[])
}

/// A fused-activation-free binary TFL op (`tfl.add`, `tfl.sub`, `tfl.mul`, `tfl.div`)
/// on operands of one shape.
pub(super) fn arith(anchor: MlirOperation, name: &str, a: MlirValue, b: MlirValue) -> MlirValue {
    let t = unsafe { mlirValueGetType(a) };
    emit(anchor, name, &[a, b], t, &[("fused_activation_function", string_attr(anchor, "NONE"))])
}

/// A TFL op whose result has `a`'s shape with element type `elem`.
pub(super) fn same_shape(anchor: MlirOperation, name: &str, operands: &[MlirValue], elem: MlirType) -> MlirValue {
    emit(anchor, name, operands, tensor_type(ty(operands[0]).dims(), elem), &[])
}

pub(super) fn bool_type(op: MlirOperation) -> MlirType {
    unsafe { mlirIntegerTypeGet(ctx_of(op), 1) }
}

pub(super) fn i32_type(op: MlirOperation) -> MlirType {
    unsafe { mlirIntegerTypeGet(ctx_of(op), 32) }
}

fn reshape(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let out = type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) });
    if !out.is_static() {
        return Ok(None);
    }
    let shape = i32_const(op, out.dims());
    Ok(Some(insert_op_before(op, "tfl.reshape", &[operand(op, 0), shape], &result_types(op), &[])))
}

/// `broadcast_in_dim(x, dims)`: operand dim `i` maps to result dim `dims[i]`. When the
/// dims are increasing, reshape `x` to the result's rank (1 in the unmapped dims) and
/// `tfl.broadcast_to` the result shape; other forms (permuting dims) are not matched.
fn broadcast_in_dim(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let x = operand(op, 0);
    let in_ty = type_from_mlir(unsafe { mlirValueGetType(x) });
    let out = type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) });
    let Some(dims) = attr(op, "broadcast_dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.broadcast_in_dim' op has no broadcast_dimensions".into());
    };
    if !out.is_static() || !in_ty.is_static() || dims.windows(2).any(|w| w[0] >= w[1]) {
        return Ok(None);
    }
    let mut expanded = vec![1i64; out.dims().len()];
    for (i, &d) in dims.iter().enumerate() {
        expanded[d as usize] = in_ty.dims()[i];
    }
    let mut source = x;
    if expanded != in_ty.dims() {
        let shape = i32_const(op, &expanded);
        let ty = unsafe {
            mlirRankedTensorTypeGet(expanded.len() as isize, expanded.as_ptr(), mlirShapedTypeGetElementType(mlirValueGetType(x)), mlirAttributeGetNull())
        };
        let r = insert_op_before(op, "tfl.reshape", &[x, shape], &[ty], &[]);
        source = unsafe { mlirOperationGetResult(r, 0) };
    }
    if expanded == out.dims() {
        // Only a reshape was needed: hand back the reshape itself.
        let def = defining_op(source).filter(|_| source.ptr != x.ptr);
        return Ok(match def {
            Some(r) => Some(r),
            None => {
                let shape = i32_const(op, out.dims());
                Some(insert_op_before(op, "tfl.reshape", &[x, shape], &result_types(op), &[]))
            }
        });
    }
    let shape = i32_const(op, out.dims());
    Ok(Some(insert_op_before(op, "tfl.broadcast_to", &[source, shape], &result_types(op), &[])))
}

/// Whether the TFL catalog accepts `op` (its operand and result types, attributes).
pub(super) fn catalog_accepts(op: MlirOperation) -> bool {
    let view = edge_dialects::ir::op_view(op);
    edge_dialects::TFL.lookup(&view.name).is_some_and(|def| edge_dialects::verify::check_op(def, &view).is_empty())
}

pub(super) fn bool_attr(op: MlirOperation, v: bool) -> MlirAttribute {
    unsafe { mlirBoolAttrGet(mlirOperationGetContext(op), v as i32) }
}


/// `reduce(x, init) dims { return op(a, b) }` with one input, a body of a single
/// add/multiply/maximum/minimum (or, on bools, or/and) of the block arguments, and
/// `init` that operation's identity: `tfl.sum` / `tfl.reduce_prod` / `tfl.reduce_max` /
/// `tfl.reduce_min` / `tfl.reduce_any` / `tfl.reduce_all` over constant axes.
fn reduce(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    if ins.len() == 4 {
        return reduce_arg(op, &ins);
    }
    if ins.len() != 2 {
        return Ok(None);
    }
    let body = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)) };
    let first = unsafe { mlirBlockGetFirstOperation(body) };
    if first.ptr.is_null() {
        return Ok(None);
    }
    let (a, b) = unsafe { (mlirBlockGetArgument(body, 0), mlirBlockGetArgument(body, 1)) };
    let uses_args = operands(first).len() == 2 && {
        let o = operands(first);
        unsafe { (mlirValueEqual(o[0], a) && mlirValueEqual(o[1], b)) || (mlirValueEqual(o[0], b) && mlirValueEqual(o[1], a)) }
    };
    let ret = unsafe { mlirOperationGetNextInBlock(first) };
    if !uses_args || ret.ptr.is_null() || name(ret) != "stablehlo.return" {
        return Ok(None);
    }
    let init = splat_through(ins[1]);
    let boolean = is_bool(ins[0]);
    // The TFL reduction, whether `init` is the body's identity, and the op that folds
    // in an `init` that is not.
    let (to, identity_ok, combine) = match name(first).as_str() {
        "stablehlo.add" => ("tfl.sum", init == Some(0.0), "tfl.add"),
        "stablehlo.multiply" => ("tfl.reduce_prod", init == Some(1.0), "tfl.mul"),
        "stablehlo.or" if boolean => ("tfl.reduce_any", init == Some(0.0), "tfl.logical_or"),
        "stablehlo.and" if boolean => ("tfl.reduce_all", init == Some(1.0), "tfl.logical_and"),
        "stablehlo.maximum" => {
            ("tfl.reduce_max", init.is_some_and(|v| v == f64::NEG_INFINITY || v <= -(2f64.powi(31))), "tfl.maximum")
        }
        "stablehlo.minimum" => {
            ("tfl.reduce_min", init.is_some_and(|v| v == f64::INFINITY || v >= 2f64.powi(31) - 1.0), "tfl.minimum")
        }
        _ => return Ok(None),
    };
    let Some(dims) = attr(op, "dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reduce' op has no dimensions".into());
    };
    let axes = i32_const(op, &dims);
    let keep = bool_attr(op, false);
    if identity_ok {
        return Ok(Some(insert_op_before(op, to, &[ins[0], axes], &result_types(op), &[("keep_dims", keep)])));
    }
    // Another init is one more operand of the body's op: op(reduce(x), init), the 0-d
    // init broadcast (a minimum over indices that starts at the dim size, say).
    let t = unsafe { mlirValueGetType(result(op, 0)) };
    let reduced = emit(op, to, &[ins[0], axes], t, &[("keep_dims", keep)]);
    // The pass checks the op a rule returns against the catalog; this one comes first.
    if let Some(r) = defining_op(reduced).filter(|r| !catalog_accepts(*r)) {
        erase(r);
        return Ok(None);
    }
    let attrs: &[(&str, MlirAttribute)] =
        if matches!(combine, "tfl.add" | "tfl.mul") { &[("fused_activation_function", string_attr(op, "NONE"))] } else { &[] };
    Ok(Some(insert_op_before(op, combine, &[reduced, ins[1]], &[t], attrs)))
}

/// `dot_general` with leading batch dims on both sides (in order) and one contracting
/// dim that is one of the two minor dims of each operand: `tfl.batch_matmul` with
/// `adj_x`/`adj_y` saying which side is transposed.
fn dot_general(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    let (lt, rt) = unsafe { (type_from_mlir(mlirValueGetType(ins[0])), type_from_mlir(mlirValueGetType(ins[1]))) };
    let (lr, rr) = (lt.dims().len(), rt.dims().len());
    let Some(dn) = attr(op, "dot_dimension_numbers") else { return Ok(None) };
    let dn = DotDims::from_attr(&dn).map_err(|e| format!("attribute 'dot_dimension_numbers' {e}"))?;
    let DotDims { lhs_batching: lb, rhs_batching: rb, lhs_contracting: lc, rhs_contracting: rc } = dn;
    let b = lb.len();
    let leading = |v: &[i64]| v.iter().enumerate().all(|(i, &d)| d == i as i64);
    if lb == rb && leading(&lb) && lc.len() == 1 && rc.len() == 1 && lr == b + 2 && rr == b + 2 {
        let adj_x = match lc[0] as usize {
            d if d == b + 1 => Some(false),
            d if d == b => Some(true),
            _ => None,
        };
        let adj_y = match rc[0] as usize {
            d if d == b => Some(false),
            d if d == b + 1 => Some(true),
            _ => None,
        };
        if let (Some(adj_x), Some(adj_y)) = (adj_x, adj_y) {
            let attrs = [("adj_x", bool_attr(op, adj_x)), ("adj_y", bool_attr(op, adj_y))];
            return Ok(Some(insert_op_before(op, "tfl.batch_matmul", &ins, &result_types(op), &attrs)));
        }
    }
    dot_general_as_matmul(op, [&lb, &rb], [&lc, &rc])
}

/// Any other float `dot_general`: each operand permuted to `[batch, free, contracting]`
/// (the rhs `[batch, contracting, free]`) and reshaped to `[B, M, K]` / `[B, K, N]` (no
/// `B` without batch dims), one `tfl.batch_matmul`, and a reshape to StableHLO's result
/// `[batch, lhs free, rhs free]` (adaptive average pooling's matrix of window weights,
/// a product over a middle dim).
fn dot_general_as_matmul(op: MlirOperation, [lb, rb]: [&[i64]; 2], [lc, rc]: [&[i64]; 2]) -> Result<Option<MlirOperation>, String> {
    let (l, r) = (operand(op, 0), operand(op, 1));
    let (lt, rt, out) = (ty(l), ty(r), ty(result(op, 0)));
    if [&lt, &rt, &out].iter().any(|t| !t.is_static() || t.elem != ElemTy::F32) || lb.len() != rb.len() || lc.len() != rc.len() {
        return Ok(None);
    }
    let free = |rank: usize, used: &[&[i64]]| -> Vec<i64> {
        (0..rank as i64).filter(|d| used.iter().all(|u| !u.contains(d))).collect()
    };
    let (lf, rf) = (free(lt.dims().len(), &[lb, lc]), free(rt.dims().len(), &[rb, rc]));
    let size = |dims: &[i64], of: &[i64]| -> i64 { of.iter().map(|&d| dims[d as usize]).product() };
    let (bsz, m, k, n) = (size(lt.dims(), lb), size(lt.dims(), &lf), size(lt.dims(), lc), size(rt.dims(), &rf));
    let batched = !lb.is_empty();
    let shape = |rows: i64, cols: i64| if batched { vec![bsz, rows, cols] } else { vec![rows, cols] };
    let permuted = |v: MlirValue, perm: Vec<i64>| {
        if perm.iter().enumerate().all(|(i, &p)| p == i as i64) { v } else { tfl_transpose(op, v, &perm) }
    };
    let lhs = permuted(l, lb.iter().chain(&lf).chain(lc).copied().collect());
    let rhs = permuted(r, rb.iter().chain(rc).chain(&rf).copied().collect());
    let lhs = if ty(lhs).dims() == shape(m, k) { lhs } else { reshape_to(op, lhs, &shape(m, k)) };
    let rhs = if ty(rhs).dims() == shape(k, n) { rhs } else { reshape_to(op, rhs, &shape(k, n)) };
    let attrs = [("adj_x", bool_attr(op, false)), ("adj_y", bool_attr(op, false))];
    let y = emit(op, "tfl.batch_matmul", &[lhs, rhs], like(l, &shape(m, n)), &attrs);
    if ty(y).dims() == out.dims() {
        return Ok(defining_op(y));
    }
    Ok(defining_op(reshape_to(op, y, out.dims())))
}

pub(super) fn i32_attr(op: MlirOperation, v: i64) -> MlirAttribute {
    unsafe {
        let ctx = mlirOperationGetContext(op);
        mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 32), v)
    }
}

/// `convert` is `tfl.cast` (f16 constants to f32: `tfl.dequantize`), except to or from
/// bfloat16: LiteRT has no bfloat16 kernels (its interpreter cannot even read such
/// tensors), so that form stays illegal.
fn convert(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let from = type_from_mlir(unsafe { mlirValueGetType(operand(op, 0)) }).elem;
    let to = type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) }).elem;
    if from == ElemTy::BF16 || to == ElemTy::BF16 {
        return Ok(None);
    }
    // Float16 weights read as float32 are TFLite's DEQUANTIZE of an f16 constant, which
    // the XNNPACK delegate unpacks once at load time (it fails on one that is a model
    // output by itself: that stays a cast).
    let returned = uses(result(op, 0)).iter().any(|(u, _)| name(*u) == "func.return");
    if from == ElemTy::F16 && to == ElemTy::F32 && crate::legacy::constant::is_constant(operand(op, 0)) && !returned {
        return Ok(Some(insert_op_before(op, "tfl.dequantize", &operands(op), &result_types(op), &[])));
    }
    Ok(Some(insert_op_before(op, "tfl.cast", &operands(op), &result_types(op), &[])))
}

/// `uniform_quantize` is `tfl.quantize`, which names its result type in `qtype`.
fn uniform_quantize(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let qtype = unsafe { mlirTypeAttrGet(mlirValueGetType(result(op, 0))) };
    Ok(Some(insert_op_before(op, "tfl.quantize", &operands(op), &result_types(op), &[("qtype", qtype)])))
}

/// A ranked tensor type of `shape` with `v`'s element type.
pub(super) fn like(v: MlirValue, shape: &[i64]) -> MlirType {
    unsafe {
        let elem = mlirShapedTypeGetElementType(mlirValueGetType(v));
        mlirRankedTensorTypeGet(shape.len() as isize, shape.as_ptr(), elem, mlirAttributeGetNull())
    }
}

/// `tfl.transpose(v, perm)` inserted before `anchor`.
pub(super) fn tfl_transpose(anchor: MlirOperation, v: MlirValue, perm: &[i64]) -> MlirValue {
    let dims = type_from_mlir(unsafe { mlirValueGetType(v) });
    let shape: Vec<i64> = perm.iter().map(|&p| dims.dims()[p as usize]).collect();
    let p = i32_const(anchor, perm);
    unsafe { mlirOperationGetResult(insert_op_before(anchor, "tfl.transpose", &[v, p], &[like(v, &shape)], &[]), 0) }
}

/// `convolution` with one or two spatial dims, in any dimension layout (PyTorch's
/// `[b, f, 0, 1]x[o, i, 0, 1]`, JAX's `[b, 0, 1, f]x[0, 1, i, o]`...), no batch groups.
/// The operands are transposed into TFLite's NHWC input and OHWI filter and the NHWC
/// result back into the output's layout; a transpose whose permutation is the identity
/// is not emitted, and `tfl-layout-nhwc` / `tfl-fold-constants` cancel the others
/// (PyTorch's NCHW) or fold them into the constant weights. 2-D: explicit padding
/// becomes a `tfl.pad` before a VALID convolution. One group per input channel is
/// `tfl.depthwise_conv_2d` (filter `[1, H, W, O]`); other group counts are
/// `tfl.conv_2d` with a filter of `C / groups` input channels (TFLite's grouped
/// convolution). 1-D is the 2-D form with a unit spatial dim before the one there is,
/// between reshapes. A transposed convolution (input dilation, or a filter that is a
/// reverse of the spatial dims, as the importer writes a stride-1 one) is
/// `tfl.transpose_conv`.
fn convolution(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(dn) = attr(op, "dimension_numbers") else { return Ok(None) };
    let dn = ConvDims::from_attr(&dn).map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let (x, w) = (operand(op, 0), operand(op, 1));
    let (xt, wt, out) = (ty(x), ty(w), ty(result(op, 0)));
    if !xt.is_static() || !wt.is_static() || !out.is_static() {
        return Ok(None);
    }
    let spatial = xt.dims().len().saturating_sub(2);
    let ints = |n: &str| attr(op, n).and_then(|a| a.as_ints()).unwrap_or_else(|| vec![1; spatial]);
    let (strides, lhs_dilation, rhs_dilation) = (ints("window_strides"), ints("lhs_dilation"), ints("rhs_dilation"));
    let groups = attr(op, "feature_group_count").and_then(|a| a.as_int()).unwrap_or(1);
    if attr(op, "batch_group_count").and_then(|a| a.as_int()).unwrap_or(1) != 1 || dn.spatial_rank() != spatial {
        return Ok(None);
    }
    let pads: Vec<i64> = match attr(op, "padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 2 * spatial => v,
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => vec![v[0]; 2 * spatial],
        None => vec![0; 2 * spatial],
        _ => return Ok(None),
    };
    if [&strides, &lhs_dilation, &rhs_dilation].iter().any(|v| v.len() != spatial) {
        return Ok(None);
    }
    let unit = |v: &[i64]| v.iter().all(|&d| d == 1);
    match spatial {
        2 => {
            // A reversed filter makes a plain convolution a transposed one where
            // `transpose_conv` can take it; otherwise it stays a plain one.
            let transposable = unit(&strides) && unit(&rhs_dilation) && groups == 1;
            let reversed_filter = transposable && reversed_source(w, &dn.kernel_spatial).is_some();
            if !unit(&lhs_dilation) || reversed_filter {
                let pads4 = [pads[0], pads[1], pads[2], pads[3]];
                let y = if transposable { transposed_conv(op, x, w, &dn, [lhs_dilation[0], lhs_dilation[1]], pads4, out.dims()) } else { None };
                if y.is_some() || !unit(&lhs_dilation) {
                    return Ok(y.and_then(defining_op));
                }
            }
            let y = conv_2d(op, x, w, &dn, [strides[0], strides[1]], [rhs_dilation[0], rhs_dilation[1]], [pads[0], pads[1], pads[2], pads[3]], groups, out.dims());
            Ok(y.and_then(defining_op))
        }
        1 if unit(&lhs_dilation) => {
            let Some((dn2, [xi, wi, oi])) = dn.with_leading_unit_spatial() else { return Ok(None) };
            let unit_at = |dims: &[i64], at: usize| -> Vec<i64> {
                let mut v = dims.to_vec();
                v.insert(at.min(v.len()), 1);
                v
            };
            let x2 = reshape_to(op, x, &unit_at(xt.dims(), xi));
            let w2 = reshape_to(op, w, &unit_at(wt.dims(), wi));
            let o2 = unit_at(out.dims(), oi);
            let Some(y) = conv_2d(op, x2, w2, &dn2, [1, strides[0]], [1, rhs_dilation[0]], [0, 0, pads[0], pads[1]], groups, &o2) else {
                return Ok(None);
            };
            Ok(defining_op(reshape_to(op, y, out.dims())))
        }
        _ => Ok(None),
    }
}

/// `tfl.no_value`, the absent optional operand.
fn no_value(op: MlirOperation) -> MlirValue {
    unsafe {
        let ctx = ctx_of(op);
        emit(op, "tfl.no_value", &[], mlirNoneTypeGet(ctx), &[("value", mlirUnitAttrGet(ctx))])
    }
}

/// How a TFLite window op (convolution, pooling) pads its 2-D spatial dims.
#[derive(Debug, Clone, PartialEq)]
enum WindowPadding {
    /// No padding.
    Valid,
    /// TFLite's SAME: out = ceil(in / stride), the total padding split with the odd
    /// element after.
    Same,
    /// Explicit `[lo, hi]` per spatial dim: a pad op before a VALID window op.
    Explicit([[i64; 2]; 2]),
}

/// TFLite's SAME padding `[before, after]` of one spatial dim, and its output size.
fn same_padding(input: i64, window: i64, stride: i64, dilation: i64) -> ([i64; 2], i64) {
    // In i128: sizes and attributes are whatever the verifier admits.
    let (input, window, stride, dilation) = (input as i128, window as i128, stride.max(1) as i128, dilation as i128);
    let out = (input + stride - 1) / stride;
    let total = ((out - 1) * stride + (window - 1) * dilation + 1 - input).max(0);
    let fit = |v: i128| v.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
    ([fit(total / 2), fit(total - total / 2)], fit(out))
}

/// The padding a TFLite window op needs to compute `out` from `input` as a window op
/// with explicit `pads` does, per spatial dim. High padding no window reaches is
/// dropped; what is left is SAME when it is what SAME computes, VALID when it is
/// zero. `None` for negative padding, or a window TFLite cannot reproduce.
fn window_padding(input: [i64; 2], window: [i64; 2], strides: [i64; 2], dilation: [i64; 2], pads: [[i64; 2]; 2], out: [i64; 2]) -> Option<WindowPadding> {
    let mut used = [[0i64; 2]; 2];
    for i in 0..2 {
        // In i128: sizes and attributes are whatever the verifier admits.
        let w = |v: i64| v as i128;
        let [lo, hi] = pads[i];
        if lo < 0 || hi < 0 || strides[i] < 1 {
            return None;
        }
        let span = (w(window[i]) - 1) * w(dilation[i]) + 1;
        // Between 0 and `hi`: it fits an i64.
        let hi = w(hi).min((w(out[i]) - 1) * w(strides[i]) + span - w(input[i]) - w(lo)).max(0);
        let padded = w(input[i]) + w(lo) + hi;
        if padded < span || (padded - span) / w(strides[i]) + 1 != w(out[i]) {
            return None;
        }
        used[i] = [lo, hi as i64];
    }
    if used == [[0, 0]; 2] {
        return Some(WindowPadding::Valid);
    }
    let same = (0..2).all(|i| same_padding(input[i], window[i], strides[i], dilation[i]) == (used[i], out[i]));
    Some(if same { WindowPadding::Same } else { WindowPadding::Explicit(used) })
}

/// The result of a 2-D convolution of `x` with `w` laid out as `dn` says (see
/// `convolution`), in the output's layout, or `None` for a group count TFLite has no
/// kernel for, or negative padding.
#[allow(clippy::too_many_arguments)]
fn conv_2d(op: MlirOperation, x: MlirValue, w: MlirValue, dn: &ConvDims, strides: [i64; 2], dilation: [i64; 2], pads: [i64; 4], groups: i64, out: &[i64]) -> Option<MlirValue> {
    let (xt, wt) = (ty(x), ty(w));
    let (xd, wd) = (xt.dims(), wt.dims());
    let at = |dims: &[i64], d: i64| dims.get(d as usize).copied();
    let (cin, cout, fin) = (at(xd, dn.input_feature)?, at(wd, dn.kernel_output_feature)?, at(wd, dn.kernel_input_feature)?);
    if groups < 1 || cin % groups != 0 || cout % groups != 0 || fin * groups != cin {
        return None;
    }
    // Each tensor's dims in NHWC (OHWI) order.
    let (xp, wp, op_) = (dn.input_channel_last(), dn.kernel_ohwi(), dn.output_channel_last());
    let size = |dims: &[i64], perm: &[i64], i: usize| at(dims, perm[i]);
    let input = [size(xd, &xp, 1)?, size(xd, &xp, 2)?];
    let window = [size(wd, &wp, 1)?, size(wd, &wp, 2)?];
    let out_nhwc_dims = [size(out, &op_, 0)?, size(out, &op_, 1)?, size(out, &op_, 2)?, size(out, &op_, 3)?];
    let padding = window_padding(input, window, strides, dilation, [[pads[0], pads[1]], [pads[2], pads[3]]], [out_nhwc_dims[1], out_nhwc_dims[2]])?;
    let depthwise = groups > 1 && groups == cin && fin == 1;
    let nhwc = padded_nhwc(op, x, &xp, &padding, None);
    // OHWI for conv_2d; [1, H, W, O] (the unit input feature first) for depthwise.
    let filter = if depthwise { permuted(op, w, &[dn.kernel_input_feature, wp[1], wp[2], dn.kernel_output_feature]) } else { permuted(op, w, &wp) };
    let none = no_value(op);
    let out_nhwc = like(x, &out_nhwc_dims);
    let mut attrs = vec![
        ("dilation_h_factor", i32_attr(op, dilation[0])),
        ("dilation_w_factor", i32_attr(op, dilation[1])),
        ("fused_activation_function", string_attr(op, "NONE")),
        ("padding", string_attr(op, padding_name(&padding))),
        ("stride_h", i32_attr(op, strides[0])),
        ("stride_w", i32_attr(op, strides[1])),
    ];
    let name = if depthwise {
        attrs.push(("depth_multiplier", i32_attr(op, cout / cin)));
        "tfl.depthwise_conv_2d"
    } else {
        "tfl.conv_2d"
    };
    let conv = emit(op, name, &[nhwc, filter, none], out_nhwc, &attrs);
    Some(permuted(op, conv, &inverse(&op_)))
}

/// The permutation that undoes `perm`.
pub(super) fn inverse(perm: &[i64]) -> Vec<i64> {
    let mut inv = vec![0; perm.len()];
    for (i, &p) in perm.iter().enumerate() {
        if let Some(slot) = inv.get_mut(p as usize) {
            *slot = i as i64;
        }
    }
    inv
}

/// `v` transposed by `perm`, or `v` itself when `perm` is the identity.
pub(super) fn permuted(anchor: MlirOperation, v: MlirValue, perm: &[i64]) -> MlirValue {
    if perm.iter().enumerate().all(|(i, &p)| p == i as i64) { v } else { tfl_transpose(anchor, v, perm) }
}

/// The `padding` attribute of a window op padded as `p` (explicit padding is a pad op
/// before a VALID window op).
fn padding_name(p: &WindowPadding) -> &'static str {
    if *p == WindowPadding::Same { "SAME" } else { "VALID" }
}

/// `x` transposed to NHWC by `to_nhwc`, then padded by the explicit padding of `p` if
/// any (with zeros, or with `value` through `tfl.padv2`).
fn padded_nhwc(op: MlirOperation, x: MlirValue, to_nhwc: &[i64], p: &WindowPadding, value: Option<f64>) -> MlirValue {
    let nhwc = permuted(op, x, to_nhwc);
    let WindowPadding::Explicit([[t, b], [l, r]]) = *p else { return nhwc };
    let paddings = paddings_const(op, &[[0, 0], [t, b], [l, r], [0, 0]]);
    let d = ty(nhwc);
    let padded = like(nhwc, &[d.dims()[0], d.dims()[1] + t + b, d.dims()[2] + l + r, d.dims()[3]]);
    match value {
        None => emit(op, "tfl.pad", &[nhwc, paddings], padded, &[]),
        Some(v) => {
            let scalar = tensor_type(&[], elem_of(x));
            let c = const_attr(op, unsafe { mlirDenseElementsAttrFloatSplatGet(scalar, v as f32) });
            emit(op, "tfl.padv2", &[nhwc, paddings, c], padded, &[])
        }
    }
}

/// The operand of a reverse over exactly `dims` that defines `v` (a `tfl.reverse_v2`
/// already legalized, or a `stablehlo.reverse`), if `v` is only used once.
fn reversed_source(v: MlirValue, dims: &[i64]) -> Option<(MlirOperation, MlirValue)> {
    let def = defining_op(v)?;
    if use_count(v) != 1 {
        return None;
    }
    let reversed = match name(def).as_str() {
        "tfl.reverse_v2" => edge_dialects::ir::const_ints_of_value(operand(def, 1))?,
        "stablehlo.reverse" => attr(def, "dimensions")?.as_ints()?,
        _ => return None,
    };
    (reversed == dims).then(|| (def, operand(def, 0)))
}

/// Erases `op` and then its operands' defining constants, when nothing uses them.
fn erase_dead(op: MlirOperation) {
    let ins = operands(op);
    if (0..unsafe { mlirOperationGetNumResults(op) }).any(|i| use_count(result(op, i)) > 0) {
        return;
    }
    erase(op);
    for v in ins {
        if let Some(d) = defining_op(v).filter(|d| name(*d) == "tfl.pseudo_const" && use_count(v) == 0) {
            erase(d);
        }
    }
}

/// The result of a transposed convolution as StableHLO writes it, in the output's
/// layout: input dilated by `s`, padded by `pads`, correlated with the spatially
/// reversed filter `w` (dims as `dn` says). TFLite's `transpose_conv` scatters with the
/// unreversed filter (OHWI), so the reverse is dropped (or, if `w` is not a reverse,
/// one is added); the VALID output of `(in - 1) * s + k` is then cropped (and
/// zero-padded at the end) to StableHLO's window.
fn transposed_conv(op: MlirOperation, x: MlirValue, w: MlirValue, dn: &ConvDims, s: [i64; 2], pads: [i64; 4], out: &[i64]) -> Option<MlirValue> {
    let (xd, wd) = (ty(x).dims().to_vec(), ty(w).dims().to_vec());
    let (xp, wp, op_) = (dn.input_channel_last(), dn.kernel_ohwi(), dn.output_channel_last());
    let at = |dims: &[i64], d: i64| dims.get(d as usize).copied();
    let (k, input) = ([at(&wd, wp[1])?, at(&wd, wp[2])?], [at(&xd, xp[1])?, at(&xd, xp[2])?]);
    let full = [(input[0] - 1) * s[0] + k[0], (input[1] - 1) * s[1] + k[1]];
    let top = [k[0] - 1 - pads[0], k[1] - 1 - pads[2]];
    let (n, o, oh, ow) = (at(out, op_[0])?, at(out, op_[3])?, at(out, op_[1])?, at(out, op_[2])?);
    // Nothing is changed before here: `None` leaves the op as it was.
    if top.iter().any(|&t| t < 0) || ty(x).elem != ElemTy::F32 {
        return None;
    }
    let unreversed = match reversed_source(w, &dn.kernel_spatial) {
        Some((rev, source)) => {
            // Point the convolution at the source so the reverse can go now.
            set_operand(op, 1, source);
            erase_dead(rev);
            source
        }
        None => reversed(op, w, &dn.kernel_spatial),
    };
    let filter = permuted(op, unreversed, &wp);
    let nhwc = permuted(op, x, &xp);
    let shape = i32_const(op, &[n, full[0], full[1], o]);
    let none = no_value(op);
    let attrs = [
        ("fused_activation_function", string_attr(op, "NONE")),
        ("padding", string_attr(op, "VALID")),
        ("stride_h", i32_attr(op, s[0])),
        ("stride_w", i32_attr(op, s[1])),
    ];
    let mut y = emit(op, "tfl.transpose_conv", &[shape, filter, nhwc, none], like(x, &[n, full[0], full[1], o]), &attrs);
    let extra = [(top[0] + oh - full[0]).max(0), (top[1] + ow - full[1]).max(0)];
    if extra.iter().any(|&e| e > 0) {
        let p = paddings_const(op, &[[0, 0], [0, extra[0]], [0, extra[1]], [0, 0]]);
        y = emit(op, "tfl.pad", &[y, p], like(x, &[n, full[0] + extra[0], full[1] + extra[1], o]), &[]);
    }
    if top != [0, 0] || oh != full[0] || ow != full[1] {
        let (b, sz) = (i32_const(op, &[0, top[0], top[1], 0]), i32_const(op, &[n, oh, ow, o]));
        y = emit(op, "tfl.slice", &[y, b, sz], like(x, &[n, oh, ow, o]), &[]);
    }
    Some(permuted(op, y, &inverse(&op_)))
}

/// `w` reversed along `axes`: a new constant when `w` is one (`tfl-fold-constants` has
/// no reverse, and LiteRT would reverse the weights at every run), else a
/// `tfl.reverse_v2`.
fn reversed(op: MlirOperation, w: MlirValue, axes: &[i64]) -> MlirValue {
    if let Some(r) = crate::legacy::constant::read(w).and_then(|c| reverse_const(&c, axes)) {
        return crate::legacy::constant::insert_owned(op, r);
    }
    let a = i32_const(op, axes);
    emit(op, "tfl.reverse_v2", &[w, a], like(w, ty(w).dims()), &[])
}

/// `c` with its elements in reverse order along `axes`.
fn reverse_const(c: &crate::legacy::constant::ConstTensor, axes: &[i64]) -> Option<crate::legacy::constant::ConstTensor> {
    let n = c.num_elements();
    let width = c.bytes.len().checked_div(n)?;
    if width * n != c.bytes.len() || axes.iter().any(|&a| a < 0 || a as usize >= c.shape.len()) {
        return None;
    }
    let strides = crate::legacy::constant::strides(&c.shape);
    let mut bytes = vec![0u8; c.bytes.len()];
    for i in 0..n {
        let mut j = 0i64;
        for (d, (&size, &stride)) in c.shape.iter().zip(&strides).enumerate() {
            let at = (i as i64 / stride) % size;
            j += if axes.contains(&(d as i64)) { size - 1 - at } else { at } * stride;
        }
        let j = j as usize;
        bytes[j * width..(j + 1) * width].copy_from_slice(&c.bytes[i * width..(i + 1) * width]);
    }
    Some(crate::legacy::constant::ConstTensor { bytes, ..c.clone() })
}

/// The single body op of a one-block region whose op combines the two block arguments
/// and is returned, e.g. `stablehlo.maximum`.
pub(super) fn binary_body(op: MlirOperation) -> Option<String> {
    unsafe {
        let body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
        let first = mlirBlockGetFirstOperation(body);
        if first.ptr.is_null() {
            return None;
        }
        let (a, b) = (mlirBlockGetArgument(body, 0), mlirBlockGetArgument(body, 1));
        let o = operands(first);
        let uses_args =
            o.len() == 2 && ((mlirValueEqual(o[0], a) && mlirValueEqual(o[1], b)) || (mlirValueEqual(o[0], b) && mlirValueEqual(o[1], a)));
        let ret = mlirOperationGetNextInBlock(first);
        (uses_args && !ret.ptr.is_null() && name(ret) == "stablehlo.return").then(|| name(first))
    }
}

/// `reduce_window` forms:
/// - 2-D pooling in any layout: the window, strides and padding are 1 / 1 / 0 in two
///   dims (batch and channel, whichever they are) and pool the other two (H, W), which
///   are moved into NHWC (no transpose when they already are, as in JAX's NHWC; NCHW
///   takes one each way, which `tfl-layout-nhwc` cancels). No dilation. A maximum body
///   with init -inf is `tfl.max_pool_2d`; an add body with init 0 is a window sum,
///   `tfl.average_pool_2d` (see `average_pool`). Padding is SAME when it is what SAME
///   computes, else a pad op (-inf for max pooling) before a VALID pool. A 1-D max pool
///   (rank 3) is the 2-D one with a unit dim inserted before the pooled dim.
/// - A prefix sum along one dim (window the dim's size, padded by size - 1 in front,
///   PyTorch's cumsum; or behind, a reversed cumsum) is `tfl.cumsum`.
fn reduce_window(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(body) = binary_body(op) else { return Ok(None) };
    let ints = |n: &str| attr(op, n).and_then(|a| a.as_ints());
    let (Some(window), Some(strides)) = (ints("window_dimensions"), ints("window_strides")) else { return Ok(None) };
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    if !unit(ints("window_dilations")) || !unit(ints("base_dilations")) {
        return Ok(None);
    }
    let rank = window.len();
    let Some(pads) = window_pads(op, rank) else { return Ok(None) };
    let (x, init) = (ins[0], splat_through(ins[1]));
    let (xt, out) = (ty(x), ty(result(op, 0)));
    if !xt.is_static() || !out.is_static() || xt.dims().len() != rank || strides.len() != rank {
        return Ok(None);
    }
    if body == "stablehlo.add" && init == Some(0.0) {
        if let Some(axis) = prefix_axis(xt.dims(), &window, &strides, &pads) {
            return cumsum(op, x, axis);
        }
    }
    if !(rank == 3 || rank == 4) || xt.elem != ElemTy::F32 {
        return Ok(None);
    }
    let pooled: Vec<usize> = (0..rank).filter(|&d| window[d] != 1 || strides[d] != 1 || pads[d] != [0, 0]).collect();
    if rank == 4 {
        let Some(to_nhwc) = pool_layout(&pooled) else { return Ok(None) };
        let [h, w] = [to_nhwc[1] as usize, to_nhwc[2] as usize];
        let (k, st) = ([window[h], window[w]], [strides[h], strides[w]]);
        return Ok(pool_2d(op, x, &to_nhwc, &body, init, k, st, [pads[h], pads[w]], out.dims())?.and_then(defining_op));
    }
    // A 1-D max pool is a 2-D one with a unit dim before the pooled one. (An average
    // pool's divisor is a separate op over the rank-3 result, which `average_pool` does
    // not follow.)
    let p = match pooled[..] {
        [] => 2,
        [p] => p,
        _ => return Ok(None),
    };
    if body != "stablehlo.maximum" {
        return Ok(None);
    }
    let unit_at = |dims: &[i64]| -> Vec<i64> {
        let mut v = dims.to_vec();
        v.insert(p, 1);
        v
    };
    let (x4, out4) = (reshape_to(op, x, &unit_at(xt.dims())), unit_at(out.dims()));
    let Some(to_nhwc) = pool_layout(&[p, p + 1]) else { return Ok(None) };
    let Some(y) = pool_2d(op, x4, &to_nhwc, &body, init, [1, window[p]], [1, strides[p]], [[0, 0], pads[p]], &out4)? else {
        return Ok(None);
    };
    Ok(defining_op(reshape_to(op, y, out.dims())))
}

/// The permutation taking a rank-4 pooling operand to NHWC, given the dims its window
/// pools: those are H and W (with a dim that is not pooled when fewer than two are;
/// NCHW's when they fit it), and the other two, in order, N and C. `None` when more
/// than two dims are pooled.
fn pool_layout(pooled: &[usize]) -> Option<[i64; 4]> {
    if pooled.len() > 2 {
        return None;
    }
    let spatial: Vec<usize> = if pooled.iter().all(|&d| d >= 2) {
        vec![2, 3]
    } else if pooled.iter().all(|&d| (1..=2).contains(&d)) {
        vec![1, 2]
    } else if pooled.len() == 2 {
        pooled.to_vec()
    } else {
        // One pooled dim outside both: pair it with the next free dim.
        let d = *pooled.first()?;
        let other = (0..4).find(|&o| o != d && (o > d || o == 3))?;
        let mut v = vec![d, other];
        v.sort_unstable();
        v
    };
    if spatial.len() != 2 || spatial.iter().any(|&d| d > 3) || spatial[0] == spatial[1] {
        return None;
    }
    let rest: Vec<usize> = (0..4).filter(|d| !spatial.contains(d)).collect();
    Some([rest[0] as i64, spatial[0] as i64, spatial[1] as i64, rest[1] as i64])
}

/// A max or average pool over H and W of `x` (`to_nhwc` takes it to NHWC; window `k`,
/// strides `st`, explicit `pads` of H and W) as the NHWC TFL pool; the result in `x`'s
/// layout.
#[allow(clippy::too_many_arguments)]
fn pool_2d(
    op: MlirOperation,
    x: MlirValue,
    to_nhwc: &[i64; 4],
    body: &str,
    init: Option<f64>,
    k: [i64; 2],
    st: [i64; 2],
    pads: [[i64; 2]; 2],
    od: &[i64],
) -> Result<Option<MlirValue>, String> {
    let xt = ty(x);
    let xd = xt.dims();
    let [n, h, w, c] = to_nhwc.map(|d| d as usize);
    let Some(padding) = window_padding([xd[h], xd[w]], k, st, [1, 1], pads, [od[h], od[w]]) else {
        return Ok(None);
    };
    let attrs = [
        ("filter_height", i32_attr(op, k[0])),
        ("filter_width", i32_attr(op, k[1])),
        ("fused_activation_function", string_attr(op, "NONE")),
        ("padding", string_attr(op, padding_name(&padding))),
        ("stride_h", i32_attr(op, st[0])),
        ("stride_w", i32_attr(op, st[1])),
    ];
    let out_nhwc = like(result(op, 0), &[od[n], od[h], od[w], od[c]]);
    match body {
        "stablehlo.maximum" if init == Some(f64::NEG_INFINITY) => {
            let nhwc = padded_nhwc(op, x, to_nhwc, &padding, Some(f64::NEG_INFINITY));
            let y = emit(op, "tfl.max_pool_2d", &[nhwc], out_nhwc, &attrs);
            Ok(Some(permuted(op, y, &inverse(to_nhwc))))
        }
        "stablehlo.add" if init == Some(0.0) => Ok(average_pool(op, x, to_nhwc, k, st, &padding, out_nhwc, &attrs).map(result_of)),
        _ => Ok(None),
    }
}

/// The `[lo, hi]` padding of each of `rank` dims of a window op (zero when absent).
fn window_pads(op: MlirOperation, rank: usize) -> Option<Vec<[i64; 2]>> {
    match attr(op, "padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 2 * rank => Some(v.chunks(2).map(|c| [c[0], c[1]]).collect()),
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => Some(vec![[v[0], v[0]]; rank]),
        None => Some(vec![[0, 0]; rank]),
        _ => None,
    }
}

/// The dim a window op sums every prefix (or suffix) of, as `(axis, reverse)`: the
/// window spans that whole dim of size > 1 and is padded by size - 1 on one side;
/// every other dim has window 1 and no padding; all strides 1.
fn prefix_axis(dims: &[i64], window: &[i64], strides: &[i64], pads: &[[i64; 2]]) -> Option<(usize, bool)> {
    if strides.iter().any(|&s| s != 1) {
        return None;
    }
    let mut found = None;
    for (d, &n) in dims.iter().enumerate() {
        if window[d] == 1 && pads[d] == [0, 0] {
            continue;
        }
        if found.is_some() || n < 2 || window[d] != n {
            return None;
        }
        found = Some(match pads[d] {
            p if p == [n - 1, 0] => (d, false),
            p if p == [0, n - 1] => (d, true),
            _ => return None,
        });
    }
    found
}

/// `tfl.cumsum(x, axis)`, reversed for a suffix sum.
fn cumsum(op: MlirOperation, x: MlirValue, (axis, reverse): (usize, bool)) -> Result<Option<MlirOperation>, String> {
    let a = number_const(op, &[], i32_type(op), &[axis as f64])?;
    let attrs = [("exclusive", bool_attr(op, false)), ("reverse", bool_attr(op, reverse))];
    Ok(Some(insert_op_before(op, "tfl.cumsum", &[x, a], &result_types(op), &attrs)))
}

/// A 2-D window sum `op` of `x` (`to_nhwc` takes it to NHWC) as
/// `tfl.average_pool_2d`, times a constant that
/// turns TFLite's divisor into the one the program divides by. TFLite divides by the
/// window area (VALID, or a zero pad before VALID) or by the number of in-bounds
/// elements (SAME). The program's divisor is that of the one divide using the sum:
/// by a constant (a window area, `divisor_override`), or by a window sum of ones
/// (PyTorch's count of the elements each window covers, with or without the explicit
/// padding: `count_include_pad`); with no such divide it is 1. A divide taken over is
/// erased, with the counting window sum, so SAME pooling with PyTorch's
/// `count_include_pad=False` is one op.
#[allow(clippy::too_many_arguments)]
fn average_pool(op: MlirOperation, x: MlirValue, to_nhwc: &[i64; 4], k: [i64; 2], st: [i64; 2], padding: &WindowPadding, out_nhwc: MlirType, attrs: &[(&str, MlirAttribute)]) -> Option<MlirOperation> {
    let (input, o) = (ty(x).dims().to_vec(), ty(result(op, 0)).dims().to_vec());
    let hw = [to_nhwc[1] as usize, to_nhwc[2] as usize];
    let (oh, ow) = (o[hw[0]], o[hw[1]]);
    let (divide, program) = match pool_divisor(op, hw, k, st, [oh, ow]) {
        Some((d, v)) => (Some(d), v),
        None => (None, vec![1.0; (oh * ow) as usize]),
    };
    let counts = |i: usize, n: i64| -> Vec<f64> {
        match padding {
            WindowPadding::Same => {
                let lo = same_padding(input[hw[i]], k[i], st[i], 1).0[0];
                (0..n).map(|j| covered(j * st[i] - lo, k[i], input[hw[i]]) as f64).collect()
            }
            _ => vec![k[i] as f64; n as usize],
        }
    };
    let (ch, cw) = (counts(0, oh), counts(1, ow));
    let scale: Vec<f64> = (0..(oh * ow) as usize).map(|p| ch[p / ow as usize] * cw[p % ow as usize] / program[p]).collect();
    let nhwc = padded_nhwc(op, x, to_nhwc, padding, None);
    let mut y = emit(op, "tfl.average_pool_2d", &[nhwc], out_nhwc, attrs);
    if scale.iter().any(|&s| s != 1.0) {
        let f32t = unsafe { mlirF32TypeGet(ctx_of(op)) };
        let c = if scale.iter().all(|&s| s == scale[0]) {
            number_const(op, &[], f32t, &scale[..1])
        } else {
            number_const(op, &[1, oh, ow, 1], f32t, &scale)
        }
        .ok()?;
        y = emit(op, "tfl.mul", &[y, c], out_nhwc, &[("fused_activation_function", string_attr(op, "NONE"))]);
    }
    let back = permuted(op, y, &inverse(to_nhwc));
    if let Some(d) = divide {
        replace_all_uses(result(d, 0), back);
        erase_with_dead_producers(d, op);
    }
    defining_op(back)
}

/// How many of the `k` positions from `start` lie in `[0, n)`.
fn covered(start: i64, k: i64, n: i64) -> i64 {
    ((start + k).min(n) - start.max(0)).max(0)
}

/// The one `stablehlo.divide` that divides the window sum `op` (window `k` and strides
/// `st` over dims `hw`, output `[oh, ow]` there), and its divisor at each output
/// position (row-major over `[oh, ow]`, the same for every batch and channel), if it is
/// a constant splat or a window sum of ones as the importer counts pooled elements.
fn pool_divisor(op: MlirOperation, hw: [usize; 2], k: [i64; 2], st: [i64; 2], o: [i64; 2]) -> Option<(MlirOperation, Vec<f64>)> {
    let sum = result(op, 0);
    let [(div, 0)] = uses(sum)[..] else { return None };
    if name(div) != "stablehlo.divide" || !same_type(sum, result(div, 0)) || !same_type(sum, operand(div, 1)) {
        return None;
    }
    let d = operand(div, 1);
    let n = (o[0] * o[1]) as usize;
    if let Some(v) = splat_through(d) {
        return Some((div, vec![v; n]));
    }
    let c = defining_op(d).filter(|c| name(*c) == "stablehlo.reduce_window")?;
    let ins = operands(c);
    let ints = |n: &str| attr(c, n).and_then(|a| a.as_ints());
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    // The same window over the same dims: `k` / `st` at H and W, 1 elsewhere.
    let rank = ty(sum).dims().len();
    let expected = |vals: [i64; 2]| -> Vec<i64> {
        (0..rank).map(|d| hw.iter().position(|&x| x == d).map_or(1, |i| vals[i])).collect()
    };
    let counting = ins.len() == 2
        && binary_body(c).as_deref() == Some("stablehlo.add")
        && splat_through(ins[1]) == Some(0.0)
        && splat_through(ins[0]) == Some(1.0)
        && ints("window_dimensions")? == expected(k)
        && ints("window_strides")? == expected(st)
        && unit(ints("window_dilations"))
        && unit(ints("base_dilations"));
    let pads = window_pads(c, rank)?;
    let ones = ty(ins[0]);
    let other_pads_zero = (0..rank).all(|d| hw.contains(&d) || pads[d] == [0, 0]);
    if !counting || !other_pads_zero || !ones.is_static() {
        return None;
    }
    let count = |i: usize| -> Vec<f64> { (0..o[i]).map(|j| covered(j * st[i] - pads[hw[i]][0], k[i], ones.dims()[hw[i]]) as f64).collect() };
    let (ch, cw) = (count(0), count(1));
    Some((div, (0..n).map(|p| ch[p / o[1] as usize] * cw[p % o[1] as usize]).collect()))
}

/// Erases `op` (whose results have no uses left), then each operand's producer that
/// is left unused, recursively, except `keep` (the op a rule is replacing).
fn erase_with_dead_producers(op: MlirOperation, keep: MlirOperation) {
    let ins = operands(op);
    erase(op);
    for v in ins {
        if let Some(d) = defining_op(v).filter(|d| !unsafe { mlirOperationEqual(*d, keep) }) {
            let n = unsafe { mlirOperationGetNumResults(d) };
            if (0..n).all(|i| use_count(result(d, i)) == 0) {
                erase_with_dead_producers(d, keep);
            }
        }
    }
}

/// Splat constants with more elements than this are a one-element constant broadcast
/// (the importer writes every splat at its full shape: GELU's coefficients in swin_t
/// made 150 MB of the flatbuffer). Smaller ones stay whole, so no broadcast_to op is
/// left where a consumer cannot broadcast.
const SPLAT_BROADCAST_MIN: i64 = 1024;

/// `constant` is `tfl.pseudo_const`; a large splat is a one-element `tfl.pseudo_const`
/// of the same rank under `tfl.broadcast_to`, which `tfl-remove-broadcasts` drops
/// where the consumer broadcasts itself.
fn constant(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let t = ty(result(op, 0));
    let Some(value) = raw_attr(op, "value") else { return Err("'stablehlo.constant' op has no value".into()) };
    let large_splat = t.is_static()
        && t.dims().iter().product::<i64>() > SPLAT_BROADCAST_MIN
        && unsafe { mlirAttributeIsADenseElements(value) && mlirDenseElementsAttrIsSplat(value) };
    if !large_splat {
        return apply(&rename("tfl.pseudo_const"), op);
    }
    let one = tensor_type(&vec![1; t.dims().len()], elem_of(result(op, 0)));
    let c = const_attr(op, unsafe { mlirDenseElementsAttrSplatGet(one, mlirDenseElementsAttrGetSplatValue(value)) });
    let shape = i32_const(op, t.dims());
    Ok(Some(insert_op_before(op, "tfl.broadcast_to", &[c, shape], &result_types(op), &[])))
}

/// `iota` of a static shape is a constant (TFLite has no op for it).
fn iota(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let out = ty(result(op, 0));
    let Some(d) = attr(op, "iota_dimension").and_then(|a| a.as_int()) else {
        return Err("'stablehlo.iota' op has no iota_dimension".into());
    };
    if !out.is_static() || d < 0 || d as usize >= out.dims().len() {
        return Ok(None);
    }
    let dims = out.dims();
    let d = d as usize;
    let count = dims.iter().try_fold(1i64, |acc, &x| acc.checked_mul(x));
    if let Some(n) = count.filter(|&n| n <= MAX_IOTA_CONSTANT) {
        let inner: i64 = dims[d + 1..].iter().product();
        let values: Vec<f64> = (0..n).map(|i| ((i / inner) % dims[d]) as f64).collect();
        return Ok(defining_op(number_const(op, dims, elem_of(result(op, 0)), &values)?));
    }
    // Larger: the range along `d`, broadcast at run time, so a declared size cannot make
    // the pass allocate the whole output.
    if dims[d] > MAX_IOTA_CONSTANT || dims.iter().any(|&x| x > i32::MAX as i64) {
        return Err(format!(
            "'stablehlo.iota' of shape {dims:?} is too large: TFLite shapes are 32-bit, and at most {MAX_IOTA_CONSTANT} values are materialized along the iota dimension"
        ));
    }
    let mut shape = vec![1; dims.len()];
    shape[d] = dims[d];
    let values: Vec<f64> = (0..dims[d]).map(|i| i as f64).collect();
    let range = number_const(op, &shape, elem_of(result(op, 0)), &values)?;
    let target = i32_const(op, dims);
    Ok(Some(insert_op_before(op, "tfl.broadcast_to", &[range, target], &result_types(op), &[])))
}

/// The most elements an iota becomes as one constant (64 MiB of f32).
const MAX_IOTA_CONSTANT: i64 = 1 << 24;

/// `remainder` truncates (C's `fmod`: the result takes the dividend's sign); TFLite's
/// `floor_mod` floors (the divisor's sign). With `r = floor_mod(x, y)`, the truncated
/// remainder is `r - y` where `r != 0` and `x`, `y` differ in sign, else `r`.
fn remainder(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let (x, y) = (operand(op, 0), operand(op, 1));
    if !matches!(ty(x).elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64)) {
        return Ok(None);
    }
    let b = bool_type(op);
    let r = same_shape(op, "tfl.floor_mod", &[x, y], elem_of(x));
    let zero = scalar_like(op, x, 0.0)?;
    let x_neg = same_shape(op, "tfl.less", &[x, zero], b);
    let y_neg = same_shape(op, "tfl.less", &[y, zero], b);
    let signs_differ = same_shape(op, "tfl.not_equal", &[x_neg, y_neg], b);
    let nonzero = same_shape(op, "tfl.not_equal", &[r, zero], b);
    let fix = same_shape(op, "tfl.logical_and", &[signs_differ, nonzero], b);
    let shifted = arith(op, "tfl.sub", r, y);
    Ok(Some(insert_op_before(op, "tfl.select_v2", &[fix, shifted, r], &result_types(op), &[])))
}

/// `gather` that picks whole slices: every indexed operand dim (`start_index_map`) is
/// collapsed with slice size 1 and every other dim is taken whole, no batching dims.
/// One indexed dim `d` whose batch dims land where `d` was is `tfl.gather` on axis `d`;
/// otherwise the operand is transposed to put the indexed dims first (in
/// `start_index_map` order), `tfl.gather_nd` picks, and a transpose puts the offset
/// dims where StableHLO wants them.
fn gather(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(dn) = attr(op, "dimension_numbers") else { return Ok(None) };
    let dn = GatherDims::from_attr(&dn).map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let (p, ix) = (operand(op, 0), operand(op, 1));
    let (pt, it, out) = (ty(p), ty(ix), ty(result(op, 0)));
    let Some(sizes) = attr(op, "slice_sizes").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.gather' op has no slice_sizes".into());
    };
    if !pt.is_static() || !it.is_static() || !out.is_static() {
        return Ok(None);
    }
    let GatherDims { offset_dims, collapsed_slice_dims: mut collapsed, start_index_map: start_map, index_vector_dim, .. } = dn.clone();
    let ivd = usize::try_from(index_vector_dim).map_err(|_| format!("index_vector_dim {index_vector_dim} is negative"))?;
    if !dn.operand_batching_dims.is_empty() || start_map.is_empty() {
        return Ok(None);
    }
    collapsed.sort();
    let mut indexed = start_map.clone();
    indexed.sort();
    let pd = pt.dims();
    let whole = (0..pd.len()).all(|d| if indexed.contains(&(d as i64)) { sizes[d] == 1 } else { sizes[d] == pd[d] });
    if collapsed != indexed || !whole || ivd > it.dims().len() {
        return Ok(None);
    }
    let vector_len = if ivd == it.dims().len() { 1 } else { it.dims()[ivd] };
    if vector_len != start_map.len() as i64 {
        return Ok(None);
    }
    let batch: Vec<i64> = it.dims().iter().enumerate().filter(|(i, _)| *i != ivd).map(|(_, &d)| d).collect();
    let rest: Vec<usize> = (0..pd.len()).filter(|d| !indexed.contains(&(*d as i64))).collect();
    if start_map.len() == 1 {
        let d = start_map[0] as usize;
        let expected: Vec<i64> = (0..d).chain(d + batch.len()..batch.len() + rest.len()).map(|i| i as i64).collect();
        if offset_dims == expected {
            let idx = if it.dims() == batch.as_slice() { ix } else { reshape_to(op, ix, &batch) };
            let attrs = [("axis", i32_attr(op, d as i64)), ("batch_dims", i32_attr(op, 0))];
            return Ok(Some(insert_op_before(op, "tfl.gather", &[p, idx], &result_types(op), &attrs)));
        }
    }
    // gather_nd: params [indexed..., rest...], indices [batch..., vector].
    let perm: Vec<i64> = start_map.iter().copied().chain(rest.iter().map(|&d| d as i64)).collect();
    let params = if perm.iter().enumerate().all(|(i, &d)| d == i as i64) { p } else { tfl_transpose(op, p, &perm) };
    let indices = if ivd == it.dims().len() {
        let mut s = it.dims().to_vec();
        s.push(1);
        reshape_to(op, ix, &s)
    } else if ivd + 1 == it.dims().len() {
        ix
    } else {
        let iperm: Vec<i64> = (0..it.dims().len() as i64).filter(|&i| i != ivd as i64).chain([ivd as i64]).collect();
        tfl_transpose(op, ix, &iperm)
    };
    let nd_shape: Vec<i64> = batch.iter().copied().chain(rest.iter().map(|&d| pd[d])).collect();
    let g = emit(op, "tfl.gather_nd", &[params, indices], like(p, &nd_shape), &[]);
    // Result dim j: the k-th offset dim is gather_nd's dim batch + k; the others are
    // batch dims in order.
    let (mut next_batch, mut out_perm) = (0i64, Vec::new());
    for j in 0..out.dims().len() as i64 {
        match offset_dims.iter().position(|&o| o == j) {
            Some(k) => out_perm.push(batch.len() as i64 + k as i64),
            None => {
                out_perm.push(next_batch);
                next_batch += 1;
            }
        }
    }
    if out_perm.iter().enumerate().all(|(i, &d)| d == i as i64) {
        return Ok(defining_op(g));
    }
    Ok(defining_op(tfl_transpose(op, g, &out_perm)))
}

/// `reverse(x, dims)`: `tfl.reverse_v2(x, dims)`.
fn reverse(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(dims) = attr(op, "dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reverse' op has no dimensions".into());
    };
    // LiteRT's REVERSE_V2 reverses one run of adjacent axes ("non-contiguous axes not
    // supported"): one op per run.
    let mut sorted = dims.clone();
    sorted.sort_unstable();
    let mut runs: Vec<Vec<i64>> = Vec::new();
    for d in sorted {
        match runs.last_mut() {
            Some(run) if run.last() == Some(&(d - 1)) => run.push(d),
            _ => runs.push(vec![d]),
        }
    }
    let mut x = operand(op, 0);
    let mut last = None;
    for run in &runs {
        let axes = i32_const(op, run);
        let r = insert_op_before(op, "tfl.reverse_v2", &[x, axes], &result_types(op), &[]);
        x = result(r, 0);
        last = Some(r);
    }
    Ok(last)
}

/// `log_plus_one(x)` as `log(x + 1)` (TFLite has no log1p).
fn log_plus_one(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let x = operand(op, 0);
    if ty(x).elem != ElemTy::F32 {
        return Ok(None);
    }
    let one = scalar_like(op, x, 1.0)?;
    let u = emit(op, "tfl.add", &[x, one], unsafe { mlirValueGetType(x) }, &[("fused_activation_function", string_attr(op, "NONE"))]);
    Ok(Some(insert_op_before(op, "tfl.log", &[u], &result_types(op), &[])))
}

/// `exponential_minus_one(x)` as `exp(x) - 1` (TFLite has no expm1).
fn exponential_minus_one(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let x = operand(op, 0);
    if ty(x).elem != ElemTy::F32 {
        return Ok(None);
    }
    let e = emit(op, "tfl.exp", &[x], unsafe { mlirValueGetType(x) }, &[]);
    let one = scalar_like(op, x, 1.0)?;
    Ok(Some(insert_op_before(op, "tfl.sub", &[e, one], &result_types(op), &[("fused_activation_function", string_attr(op, "NONE"))])))
}

/// `tan(x)` as `sin(x) / cos(x)`.
fn tan(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let x = operand(op, 0);
    let t = unsafe { mlirValueGetType(x) };
    let (s, c) = (emit(op, "tfl.sin", &[x], t, &[]), emit(op, "tfl.cos", &[x], t, &[]));
    Ok(Some(insert_op_before(op, "tfl.div", &[s, c], &result_types(op), &[("fused_activation_function", string_attr(op, "NONE"))])))
}

/// `xor` on bools is `tfl.not_equal`.
fn logical_xor(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.not_equal", Bitwise::Xor)
}

/// The comparison direction of a `stablehlo.compare`.
fn direction(cmp: MlirOperation) -> Option<ComparisonDirection> {
    ComparisonDirection::from_attr(&attr(cmp, "comparison_direction")?, "comparison_direction").ok()
}

/// Whether `v` is a constant (a legalized `iota`) counting 0, 1, ... along dim `d`.
fn is_iota_along(v: MlirValue, d: usize) -> bool {
    let dims = ty(v).dims().to_vec();
    if d >= dims.len() || !defining_op(v).is_some_and(|c| name(c) == "tfl.pseudo_const") {
        return false;
    }
    let inner: i64 = dims[d + 1..].iter().product();
    edge_dialects::ir::const_ints_of_value(v).is_some_and(|vals| {
        vals.len() as i64 == dims.iter().product::<i64>() && vals.iter().enumerate().all(|(i, &x)| x == (i as i64 / inner) % dims[d])
    })
}

/// The direction of a comparator region's first op when it compares the block's first
/// argument with `other`.
fn comparator(op: MlirOperation, other: isize) -> Option<ComparisonDirection> {
    unsafe {
        let body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
        let first = mlirBlockGetFirstOperation(body);
        if first.ptr.is_null() || name(first) != "stablehlo.compare" {
            return None;
        }
        let o = operands(first);
        let (a, b) = (mlirBlockGetArgument(body, 0), mlirBlockGetArgument(body, other));
        if !(mlirValueEqual(o[0], a) && mlirValueEqual(o[1], b)) {
            return None;
        }
        direction(first)
    }
}

/// `v` with its order reversed, exactly: `-v` for floats, `-1 - v` (bitwise not, which
/// cannot overflow) for integers.
fn reversed_order(op: MlirOperation, v: MlirValue) -> Result<MlirValue, String> {
    let t = unsafe { mlirValueGetType(v) };
    if ty(v).elem == ElemTy::F32 {
        return Ok(emit(op, "tfl.neg", &[v], t, &[]));
    }
    let minus_one = scalar_like(op, v, -1.0)?;
    Ok(emit(op, "tfl.sub", &[minus_one, v], t, &[("fused_activation_function", string_attr(op, "NONE"))]))
}

/// The `k` largest (or, not `descending`, smallest) values of `x` along dim `d` and
/// their int32 indices, in `x`'s layout, through `tfl.topk_v2` (which works on the last
/// dim, so `d` is moved there and back). Returns the values, the indices and the top-k op.
fn top_k(op: MlirOperation, x: MlirValue, d: usize, k: i64, descending: bool) -> Result<(MlirValue, MlirValue, MlirOperation), String> {
    let rank = ty(x).dims().len();
    let mut perm: Vec<i64> = (0..rank as i64).filter(|&i| i != d as i64).collect();
    perm.push(d as i64);
    let last = d + 1 == rank;
    let mut v = if last { x } else { tfl_transpose(op, x, &perm) };
    if !descending {
        v = reversed_order(op, v)?;
    }
    let kc = number_const(op, &[], i32_type(op), &[k as f64])?;
    let mut shape = ty(v).dims().to_vec();
    *shape.last_mut().unwrap() = k;
    let topk = insert_op_before(op, "tfl.topk_v2", &[v, kc], &[like(v, &shape), tensor_type(&shape, i32_type(op))], &[]);
    let (mut values, mut indices) = (result(topk, 0), result(topk, 1));
    if !descending {
        values = reversed_order(op, values)?;
    }
    if !last {
        let inverse: Vec<i64> = (0..rank as i64).map(|i| perm.iter().position(|&p| p == i).unwrap() as i64).collect();
        values = tfl_transpose(op, values, &inverse);
        indices = tfl_transpose(op, indices, &inverse);
    }
    Ok((values, indices, topk))
}

/// Replaces the uses of `op`'s result `i` with `v`, cast to the result's element type.
fn replace_result_cast(op: MlirOperation, i: isize, v: MlirValue) {
    let want = elem_of(result(op, i));
    let v = if unsafe { mlirTypeEqual(want, elem_of(v)) } { v } else { cast_to(op, v, want) };
    replace_all_uses(result(op, i), v);
}

/// How a sort comparator orders: its direction, and whether it is PyTorch's total
/// order on floats (NaN above everything).
struct SortOrder {
    descending: bool,
    nan_largest: bool,
}

/// The order of a sort comparator over the first two block arguments `a`, `b`: one
/// `compare(a, b, LT|GT)` returned, or PyTorch's float form
/// `or(compare(a, b, LT), and(isnan(b), not(isnan(a))))` (GT: `a` and `b` swapped in
/// the NaN clause), where `isnan(v)` is `compare(v, v, NE)`.
fn sort_order(op: MlirOperation) -> Option<SortOrder> {
    unsafe {
        let body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
        let (a, b) = (mlirBlockGetArgument(body, 0), mlirBlockGetArgument(body, 1));
        let mut ret = mlirBlockGetFirstOperation(body);
        while !ret.ptr.is_null() && name(ret) != "stablehlo.return" {
            ret = mlirOperationGetNextInBlock(ret);
        }
        if ret.ptr.is_null() || operands(ret).len() != 1 {
            return None;
        }
        let def = |v: MlirValue, n: &str| defining_op(v).filter(|d| name(*d) == n);
        let is = |v: MlirValue, w: MlirValue| mlirValueEqual(v, w);
        let compare_of = |v: MlirValue, x: MlirValue, y: MlirValue| -> Option<ComparisonDirection> {
            let c = def(v, "stablehlo.compare")?;
            let signed = match attr(c, "compare_type") {
                None => true,
                Some(t) => ComparisonType::from_attr(&t, "compare_type").is_ok_and(|t| t != ComparisonType::Unsigned),
            };
            (signed && is(operand(c, 0), x) && is(operand(c, 1), y)).then(|| direction(c)).flatten()
        };
        let descending = |d: ComparisonDirection| match d {
            ComparisonDirection::Gt => Some(true),
            ComparisonDirection::Lt => Some(false),
            _ => None,
        };
        let r = operand(ret, 0);
        if let Some(d) = compare_of(r, a, b) {
            return Some(SortOrder { descending: descending(d)?, nan_largest: false });
        }
        let or = def(r, "stablehlo.or")?;
        let isnan = |v: MlirValue, x: MlirValue| compare_of(v, x, x) == Some(ComparisonDirection::Ne);
        for (c, nan_clause) in [(operand(or, 0), operand(or, 1)), (operand(or, 1), operand(or, 0))] {
            let Some(desc) = compare_of(c, a, b).and_then(descending) else { continue };
            // Ascending: `a < b` also when only `b` is NaN; descending: when only `a` is.
            let (nan, not_nan) = if desc { (a, b) } else { (b, a) };
            let Some(and) = def(nan_clause, "stablehlo.and") else { continue };
            for (p, q) in [(operand(and, 0), operand(and, 1)), (operand(and, 1), operand(and, 0))] {
                if isnan(p, nan) && def(q, "stablehlo.not").is_some_and(|n| isnan(operand(n, 0), not_nan)) {
                    return Some(SortOrder { descending: desc, nan_largest: true });
                }
            }
        }
        None
    }
}

/// An int32 key of float32 `x` whose signed order is PyTorch's total order on floats:
/// the bits, negative ones with their magnitude bits flipped (`-1 - magnitude`), zeros
/// (either sign) 0, NaNs (any sign or payload) INT_MAX, above +inf.
fn float_order_key(op: MlirOperation, x: MlirValue) -> Result<MlirValue, String> {
    let (i32t, b) = (i32_type(op), bool_type(op));
    let bits = same_shape(op, "tfl.bitcast", &[x], i32t);
    let zero = scalar_like(op, bits, 0.0)?;
    let negative = same_shape(op, "tfl.less", &[bits, zero], b);
    let magnitude_mask = scalar_like(op, bits, i32::MAX as f64)?;
    let flipped = same_shape(op, "tfl.bitwise_xor", &[bits, magnitude_mask], i32t);
    let t = unsafe { mlirValueGetType(bits) };
    let key = emit(op, "tfl.select_v2", &[negative, flipped, bits], t, &[]);
    let nan = same_shape(op, "tfl.not_equal", &[x, x], b);
    let key = emit(op, "tfl.select_v2", &[nan, magnitude_mask, key], t, &[]);
    let fzero = scalar_like(op, x, 0.0)?;
    let is_zero = same_shape(op, "tfl.equal", &[x, fzero], b);
    Ok(emit(op, "tfl.select_v2", &[is_zero, zero, key], t, &[]))
}

/// `x` reordered along dim `d` by `indices` (`take_along_axis`): a gather over the last
/// dim with the others as batch dims, `d` moved last and back.
fn take_along(op: MlirOperation, x: MlirValue, indices: MlirValue, d: usize) -> MlirValue {
    let rank = ty(x).dims().len();
    let perm: Vec<i64> = (0..rank as i64).filter(|&i| i != d as i64).chain([d as i64]).collect();
    let last = d + 1 == rank;
    let (xl, il) = if last { (x, indices) } else { (tfl_transpose(op, x, &perm), tfl_transpose(op, indices, &perm)) };
    let attrs = [("axis", i32_attr(op, rank as i64 - 1)), ("batch_dims", i32_attr(op, rank as i64 - 1))];
    let g = emit(op, "tfl.gather", &[xl, il], unsafe { mlirValueGetType(xl) }, &attrs);
    if last {
        return g;
    }
    let inverse: Vec<i64> = (0..rank as i64).map(|i| perm.iter().position(|&p| p == i).unwrap() as i64).collect();
    tfl_transpose(op, g, &inverse)
}

/// `sort` along one dim, alone or with an `iota` along that dim (the indices), as
/// PyTorch's sort, argsort and topk export: `top_k` over the whole dim, whose ties keep
/// index order, as a stable sort does. The comparator is one GT (descending) or LT
/// (ascending) compare of float32, int32 or int64 values (signed), or PyTorch's float
/// total order (see `sort_order`), sorted by `float_order_key` with the values gathered
/// back, so NaNs come last ascending and first descending and -0.0 ties with 0.0.
fn sort(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    let Some(dim) = attr(op, "dimension").and_then(|a| a.as_int()) else {
        return Err("'stablehlo.sort' op has no dimension".into());
    };
    let x = ins[0];
    let xt = ty(x);
    let Some(order) = sort_order(op) else { return Ok(None) };
    let elem_ok = match xt.elem {
        ElemTy::F32 => true,
        ElemTy::I(32) | ElemTy::I(64) => !order.nan_largest,
        _ => false,
    };
    if ins.len() > 2 || !elem_ok || !xt.is_static() || xt.dims().is_empty() {
        return Ok(None);
    }
    let rank = xt.dims().len() as i64;
    let d = (if dim < 0 { dim + rank } else { dim }) as usize;
    if ins.len() == 2 && !is_iota_along(ins[1], d) {
        return Ok(None);
    }
    let n = xt.dims()[d];
    let (values, indices, topk) = if order.nan_largest {
        let key = float_order_key(op, x)?;
        let (_, indices, topk) = top_k(op, key, d, n, order.descending)?;
        (take_along(op, x, indices, d), indices, topk)
    } else {
        top_k(op, x, d, n, order.descending)?
    };
    replace_all_uses(result(op, 0), values);
    if ins.len() == 2 {
        replace_result_cast(op, 1, indices);
    }
    // The sort's results have no uses left; the top-k op goes to the catalog check (the
    // pass maps the unused results onto it and erases the sort).
    Ok(Some(topk))
}

/// PyTorch's argmax / argmin (`max.dim`, `min.dim`): a `reduce` over one dim of
/// `(x, iota along that dim)` with inits `(-inf or +inf, 0)` whose comparator's first op
/// compares the first value argument with the accumulator's, GT (max) or LT (min).
/// `top_k` with k = 1 gives the value and the first index of the extreme, as PyTorch
/// does; NaNs rank as +inf (max) or -inf (min), so the first NaN wins unless an equal
/// infinity comes before it; the reduced dim is then reshaped away.
fn reduce_arg(op: MlirOperation, ins: &[MlirValue]) -> Result<Option<MlirOperation>, String> {
    let Some(dims) = attr(op, "dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reduce' op has no dimensions".into());
    };
    let x = ins[0];
    let xt = ty(x);
    if dims.len() != 1 || xt.elem != ElemTy::F32 || !xt.is_static() || !is_iota_along(ins[1], dims[0] as usize) {
        return Ok(None);
    }
    let d = dims[0] as usize;
    let (init, index_init) = (splat_through(ins[2]), splat_through(ins[3]));
    let descending = match (comparator(op, 2), init) {
        (Some(ComparisonDirection::Gt), Some(v)) if v == f64::NEG_INFINITY => true,
        (Some(ComparisonDirection::Lt), Some(v)) if v == f64::INFINITY => false,
        _ => return Ok(None),
    };
    if index_init != Some(0.0) {
        return Ok(None);
    }
    // PyTorch ranks NaN above everything (max) or below (min): rank NaNs as +-inf, and
    // make the value NaN where the reduced row has one.
    let b = bool_type(op);
    let nan = same_shape(op, "tfl.not_equal", &[x, x], b);
    let extreme = scalar_like(op, x, if descending { f64::INFINITY } else { f64::NEG_INFINITY })?;
    let key = emit(op, "tfl.select_v2", &[nan, extreme, x], unsafe { mlirValueGetType(x) }, &[]);
    let (values, indices, topk) = top_k(op, key, d, 1, descending)?;
    let out = ty(result(op, 0)).dims().to_vec();
    let axes = i32_const(op, &[d as i64]);
    let any_nan = emit(op, "tfl.reduce_any", &[nan, axes], tensor_type(&out, b), &[("keep_dims", bool_attr(op, false))]);
    let nan_value = scalar_like(op, x, f64::NAN)?;
    let values = reshape_to(op, values, &out);
    let values = emit(op, "tfl.select_v2", &[any_nan, nan_value, values], unsafe { mlirValueGetType(values) }, &[]);
    replace_all_uses(result(op, 0), values);
    replace_result_cast(op, 1, reshape_to(op, indices, &out));
    Ok(Some(topk))
}

fn concatenate(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(dim) = attr(op, "dimension").and_then(|a| a.as_int()) else {
        return Err("'stablehlo.concatenate' op has no dimension".into());
    };
    let attrs = [("axis", i32_attr(op, dim)), ("fused_activation_function", string_attr(op, "NONE"))];
    Ok(Some(insert_op_before(op, "tfl.concatenation", &operands(op), &result_types(op), &attrs)))
}

/// `slice(start, limit, strides)`: `tfl.slice` (begin, size) when every stride is 1,
/// `tfl.strided_slice` otherwise.
fn slice(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let get = |n: &str| attr(op, n).and_then(|a| a.as_ints()).ok_or_else(|| format!("'stablehlo.slice' op has no {n}"));
    let (start, limit, strides) = (get("start_indices")?, get("limit_indices")?, get("strides")?);
    let x = operand(op, 0);
    if strides.iter().all(|&s| s == 1) {
        let size: Vec<i64> = start.iter().zip(&limit).map(|(s, l)| l - s).collect();
        let (b, sz) = (i32_const(op, &start), i32_const(op, &size));
        return Ok(Some(insert_op_before(op, "tfl.slice", &[x, b, sz], &result_types(op), &[])));
    }
    let (b, e, st) = (i32_const(op, &start), i32_const(op, &limit), i32_const(op, &strides));
    let zero = i32_attr(op, 0);
    let attrs = [
        ("begin_mask", zero),
        ("end_mask", zero),
        ("ellipsis_mask", zero),
        ("new_axis_mask", zero),
        ("shrink_axis_mask", zero),
        ("offset", bool_attr(op, false)),
    ];
    Ok(Some(insert_op_before(op, "tfl.strided_slice", &[x, b, e, st], &result_types(op), &attrs)))
}

/// `pad(x, value)`: interior padding first (see `interior_padded`), then
/// `tfl.padv2(x, [[low, high], ...], value)` for the non-negative edge padding and a
/// `tfl.slice` for the negative (a crop). TFLite pads no bools: a bool pad runs on int32
/// between casts.
fn pad(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let get = |n: &str| attr(op, n).and_then(|a| a.as_ints()).ok_or_else(|| format!("'stablehlo.pad' op has no {n}"));
    let (low, high, interior) = (get("edge_padding_low")?, get("edge_padding_high")?, get("interior_padding")?);
    let (x, value) = (operand(op, 0), operand(op, 1));
    let (xt, out) = (ty(x), ty(result(op, 0)));
    let crop = low.iter().chain(&high).any(|&p| p < 0);
    let inner = interior.iter().any(|&i| i != 0);
    let boolean = is_bool(x);
    if !crop && !boolean && !inner {
        let pairs: Vec<[i64; 2]> = low.iter().zip(&high).map(|(l, h)| [*l, *h]).collect();
        let paddings = paddings_const(op, &pairs);
        // TFLite's constant_values is a scalar of the input's type: the 0-d init works.
        return Ok(Some(insert_op_before(op, "tfl.padv2", &[x, paddings, value], &result_types(op), &[])));
    }
    // The pads below are intermediate ops: only the types PADV2 takes (bools are cast).
    let padded_elem_ok = boolean || matches!(xt.elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64) | ElemTy::U(8));
    if !xt.is_static() || !out.is_static() || interior.iter().any(|&i| i < 0) || !padded_elem_ok {
        return Ok(None);
    }
    let (mut x, mut value) = (x, value);
    if boolean {
        let i32t = i32_type(op);
        (x, value) = (cast_to(op, x, i32t), cast_to(op, value, i32t));
    }
    for (d, &i) in interior.iter().enumerate() {
        if i > 0 && ty(x).dims()[d] > 1 {
            x = interior_padded(op, x, value, d, i);
        }
    }
    let pairs: Vec<[i64; 2]> = low.iter().zip(&high).map(|(l, h)| [(*l).max(0), (*h).max(0)]).collect();
    let mut y = x;
    if pairs.iter().flatten().any(|&p| p > 0) {
        let padded: Vec<i64> = ty(x).dims().iter().zip(&pairs).map(|(d, p)| d + p[0] + p[1]).collect();
        let paddings = paddings_const(op, &pairs);
        y = emit(op, "tfl.padv2", &[x, paddings, value], like(x, &padded), &[]);
    }
    if crop {
        let begin: Vec<i64> = low.iter().map(|&l| l.saturating_neg().max(0)).collect();
        let (b, sz) = (i32_const(op, &begin), i32_const(op, out.dims()));
        y = emit(op, "tfl.slice", &[y, b, sz], like(y, out.dims()), &[]);
    }
    if boolean {
        y = cast_to(op, y, bool_type(op));
    }
    Ok(defining_op(y))
}

/// `x` with `i` copies of `value` between neighbours along dim `d` (StableHLO's
/// interior padding): as `[A, n, 1, B]` (the dims before and after `d` merged), padded
/// by `i` after the unit dim, flattened back to `n * (i + 1)` along `d` and cut to
/// `n + (n - 1) * i`.
fn interior_padded(op: MlirOperation, x: MlirValue, value: MlirValue, d: usize, i: i64) -> MlirValue {
    let dims = ty(x).dims().to_vec();
    let (a, n, b) = (dims[..d].iter().product::<i64>(), dims[d], dims[d + 1..].iter().product::<i64>());
    let spread = reshape_to(op, x, &[a, n, 1, b]);
    let paddings = paddings_const(op, &[[0, 0], [0, 0], [0, i], [0, 0]]);
    let spread = emit(op, "tfl.padv2", &[spread, paddings, value], like(x, &[a, n, 1 + i, b]), &[]);
    let flat = reshape_to(op, spread, &[a, n * (1 + i), b]);
    let len = n + (n - 1) * i;
    let (begin, size) = (i32_const(op, &[0, 0, 0]), i32_const(op, &[a, len, b]));
    let cut = emit(op, "tfl.slice", &[flat, begin, size], like(x, &[a, len, b]), &[]);
    let mut out = dims;
    out[d] = len;
    reshape_to(op, cut, &out)
}

fn transpose(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(perm) = attr(op, "permutation").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.transpose' op has no permutation".into());
    };
    let perm = i32_const(op, &perm);
    Ok(Some(insert_op_before(op, "tfl.transpose", &[operand(op, 0), perm], &result_types(op), &[])))
}

fn compare(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(direction) = attr(op, "comparison_direction") else {
        return Err("'stablehlo.compare' op has no comparison_direction".into());
    };
    let to = match ComparisonDirection::from_attr(&direction, "comparison_direction")? {
        ComparisonDirection::Eq => "tfl.equal",
        ComparisonDirection::Ne => "tfl.not_equal",
        ComparisonDirection::Ge => "tfl.greater_equal",
        ComparisonDirection::Gt => "tfl.greater",
        ComparisonDirection::Le => "tfl.less_equal",
        ComparisonDirection::Lt => "tfl.less",
    };
    Ok(Some(insert_op_before(op, to, &operands(op), &result_types(op), &[])))
}

/// The bool form of a logical op is `to`; integers take `bitwise`.
fn logical(op: MlirOperation, to: &str, which: Bitwise) -> Result<Option<MlirOperation>, String> {
    if !operands(op).into_iter().all(is_bool) {
        return bitwise(op, which);
    }
    Ok(Some(insert_op_before(op, to, &operands(op), &result_types(op), &[])))
}

fn logical_and(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.logical_and", Bitwise::And)
}
fn logical_or(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.logical_or", Bitwise::Or)
}

#[derive(Clone, Copy, PartialEq)]
enum Bitwise {
    And,
    Or,
    Xor,
    Not,
}

/// Bitwise and/or/xor/not on integers. TFLite has STABLEHLO_AND (every integer type)
/// and BITWISE_XOR (8 to 32 bits); the rest are identities none of whose steps can
/// overflow: `a | b = (a - (a & b)) + b` (the subtraction clears bits of `a`, the
/// addition sets bits disjoint from them), `a | b = (a ^ b) ^ (a & b)`,
/// `a ^ b = (a | b) - (a & b)` for 64 bits, `~a = -1 - a` (32 and 64 bits) or
/// `a ^ -1`.
fn bitwise(op: MlirOperation, which: Bitwise) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    let a = ins[0];
    let elem = ty(a).elem;
    let narrow = matches!(elem, ElemTy::I(8) | ElemTy::U(8) | ElemTy::I(16) | ElemTy::I(32));
    let wide = elem == ElemTy::I(64);
    if !narrow && !wide {
        return Ok(None);
    }
    let t = unsafe { mlirValueGetType(a) };
    let and = |x: MlirValue, y: MlirValue| emit(op, "tfl.stablehlo_and", &[x, y], t, &[]);
    let or = |x: MlirValue, y: MlirValue| -> MlirValue {
        let both = and(x, y);
        if narrow {
            let either = emit(op, "tfl.bitwise_xor", &[x, y], t, &[]);
            emit(op, "tfl.bitwise_xor", &[either, both], t, &[])
        } else {
            arith(op, "tfl.add", arith(op, "tfl.sub", x, both), y)
        }
    };
    let y = match which {
        Bitwise::And => and(a, ins[1]),
        Bitwise::Or => or(a, ins[1]),
        Bitwise::Xor if narrow => emit(op, "tfl.bitwise_xor", &[a, ins[1]], t, &[]),
        Bitwise::Xor => arith(op, "tfl.sub", or(a, ins[1]), and(a, ins[1])),
        Bitwise::Not if matches!(elem, ElemTy::I(32) | ElemTy::I(64)) => {
            let all_ones = scalar_like(op, a, -1.0)?;
            emit(op, "tfl.sub", &[all_ones, a], t, &[("fused_activation_function", string_attr(op, "NONE"))])
        }
        Bitwise::Not => {
            let ones = if elem == ElemTy::U(8) { 255.0 } else { -1.0 };
            let all_ones = scalar_like(op, a, ones)?;
            emit(op, "tfl.bitwise_xor", &[a, all_ones], t, &[])
        }
    };
    Ok(defining_op(y))
}
/// `abs(x)`: `tfl.abs` for the types ABS has kernels for; integers it lacks (i64,
/// index math of reflection pads) as `select_v2(x < 0, -x, x)`.
fn abs(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let x = operand(op, 0);
    let elem = ty(x).elem;
    if !matches!(elem, ElemTy::I(64) | ElemTy::I(8)) {
        return Ok(Some(insert_op_before(op, "tfl.abs", &[x], &result_types(op), &[])));
    }
    let zero = scalar_like(op, x, 0.0)?;
    let i1 = unsafe { mlirIntegerTypeGet(ctx_of(op), 1) };
    let negative = same_shape(op, "tfl.less", &[x, zero], i1);
    let negated = emit(op, "tfl.neg", &[x], unsafe { mlirValueGetType(x) }, &[]);
    Ok(Some(insert_op_before(op, "tfl.select_v2", &[negative, negated, x], &result_types(op), &[])))
}

fn logical_not(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.logical_not", Bitwise::Not)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_sorted_and_unique() {
        for w in RULES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} must sort before {}", w[0].0, w[1].0);
        }
    }

    #[test]
    fn pool_layouts() {
        // NCHW (and no pooled dim at all) keeps PyTorch's transposes; NHWC needs none.
        assert_eq!(pool_layout(&[2, 3]), Some([0, 2, 3, 1]));
        assert_eq!(pool_layout(&[]), Some([0, 2, 3, 1]));
        assert_eq!(pool_layout(&[3]), Some([0, 2, 3, 1]));
        assert_eq!(pool_layout(&[1, 2]), Some([0, 1, 2, 3]));
        assert_eq!(pool_layout(&[1]), Some([0, 1, 2, 3]));
        assert_eq!(pool_layout(&[0, 3]), Some([1, 0, 3, 2]));
        assert_eq!(pool_layout(&[0]), Some([2, 0, 1, 3]));
        assert_eq!(pool_layout(&[0, 1, 2]), None);
        assert_eq!(inverse(&[0, 2, 3, 1]), [0, 3, 1, 2]);
    }

    #[test]
    fn constants_reverse_along_axes() {
        let c = crate::legacy::constant::ConstTensor {
            shape: vec![2, 3],
            elem: ElemTy::I(8),
            elem_type: MlirType { ptr: std::ptr::null() },
            bytes: vec![1, 2, 3, 4, 5, 6],
        };
        assert_eq!(reverse_const(&c, &[1]).unwrap().bytes, [3, 2, 1, 6, 5, 4]);
        assert_eq!(reverse_const(&c, &[0, 1]).unwrap().bytes, [6, 5, 4, 3, 2, 1]);
        assert!(reverse_const(&c, &[2]).is_none());
    }

    #[test]
    fn renamed_targets_are_catalogued() {
        for (_, rule) in RULES {
            if let Rule::Rename { to, .. } = rule {
                assert!(edge_dialects::TFL.lookup(to).is_some(), "{to} is not in the TFL catalog");
            }
        }
    }
}

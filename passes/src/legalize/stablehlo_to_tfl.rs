//! The StableHLO -> TFL rules, one per source op, sorted. A rule either renames the op
//! (same operands and results; the source's attributes are kept and `attrs` added) or
//! calls a function that builds the replacement. A function returning `Ok(None)` means
//! "no rule matched this form": the op stays and is reported as not legalized.

use crate::rewrite::*;
use edge_dialects::ir::{attr_from_mlir, type_from_mlir, Attr, ElemTy};
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
    ("stablehlo.abs", rename("tfl.abs")),
    ("stablehlo.add", fused("tfl.add")),
    ("stablehlo.and", Rule::Build(logical_and)),
    ("stablehlo.broadcast_in_dim", Rule::Build(broadcast_in_dim)),
    ("stablehlo.compare", Rule::Build(compare)),
    ("stablehlo.concatenate", Rule::Build(concatenate)),
    ("stablehlo.constant", rename("tfl.pseudo_const")),
    ("stablehlo.convert", Rule::Build(convert)),
    ("stablehlo.convolution", Rule::Build(convolution)),
    ("stablehlo.divide", fused("tfl.div")),
    ("stablehlo.dot_general", Rule::Build(dot_general)),
    ("stablehlo.exponential", rename("tfl.exp")),
    ("stablehlo.log", rename("tfl.log")),
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
    ("stablehlo.reshape", Rule::Build(reshape)),
    ("stablehlo.rsqrt", rename("tfl.rsqrt")),
    ("stablehlo.select", rename("tfl.select_v2")),
    ("stablehlo.slice", Rule::Build(slice)),
    ("stablehlo.sqrt", rename("tfl.sqrt")),
    ("stablehlo.subtract", fused("tfl.sub")),
    ("stablehlo.tanh", rename("tfl.tanh")),
    ("stablehlo.transpose", Rule::Build(transpose)),
];

pub fn lookup(op: &str) -> Option<&'static Rule> {
    RULES.binary_search_by(|(name, _)| name.cmp(&op)).ok().map(|i| &RULES[i].1)
}

/// Applies `rule` to `op`; returns the replacement (already inserted) or `None`.
pub fn apply(rule: &Rule, op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    match rule {
        Rule::Rename { to, attrs } => {
            let mut all: Vec<(String, MlirAttribute)> = unsafe {
                (0..mlirOperationGetNumAttributes(op))
                    .map(|i| {
                        let na = mlirOperationGetAttribute(op, i);
                        let s = mlirIdentifierStr(na.name);
                        let name = String::from_utf8_lossy(std::slice::from_raw_parts(s.data as *const u8, s.length)).into_owned();
                        (name, na.attribute)
                    })
                    .collect()
            };
            for (name, value) in *attrs {
                all.push((name.to_string(), string_attr(op, value)));
            }
            let refs: Vec<(&str, MlirAttribute)> = all.iter().map(|(n, a)| (n.as_str(), *a)).collect();
            Ok(Some(insert_op_before(op, to, &operands(op), &result_types(op), &refs)))
        }
        Rule::Build(f) => f(op),
    }
}

fn is_bool(v: MlirValue) -> bool {
    type_from_mlir(unsafe { mlirValueGetType(v) }).elem == ElemTy::I(1)
}

/// An int32 `tfl.pseudo_const` of `values`, inserted before `anchor`.
fn i32_const(anchor: MlirOperation, values: &[i64]) -> MlirValue {
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

fn bool_attr(op: MlirOperation, v: bool) -> MlirAttribute {
    unsafe { mlirBoolAttrGet(mlirOperationGetContext(op), v as i32) }
}

/// The splat value of a constant-defined value, if it is one.
fn splat_value(v: MlirValue) -> Option<f64> {
    let def = defining_op(v)?;
    if !matches!(name(def).as_str(), "stablehlo.constant" | "tfl.pseudo_const") {
        return None;
    }
    match attr(def, "value")? {
        Attr::Dense { floats: Some(f), .. } if !f.is_empty() && f.iter().all(|x| x.to_bits() == f[0].to_bits()) => Some(f[0]),
        Attr::Dense { ints: Some(i), .. } if !i.is_empty() && i.iter().all(|x| *x == i[0]) => Some(i[0] as f64),
        _ => None,
    }
}

/// `reduce(x, init) dims { return op(a, b) }` with one input, a body of a single
/// add/maximum/minimum of the block arguments, and `init` that operation's identity:
/// `tfl.sum` / `tfl.reduce_max` / `tfl.reduce_min` over constant axes.
fn reduce(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
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
    let init = splat_value(ins[1]);
    let (to, identity_ok) = match name(first).as_str() {
        "stablehlo.add" => ("tfl.sum", init == Some(0.0)),
        "stablehlo.maximum" => ("tfl.reduce_max", init.is_some_and(|v| v == f64::NEG_INFINITY || v <= -(2f64.powi(31)))),
        "stablehlo.minimum" => ("tfl.reduce_min", init.is_some_and(|v| v == f64::INFINITY || v >= 2f64.powi(31) - 1.0)),
        _ => return Ok(None),
    };
    if !identity_ok {
        return Ok(None);
    }
    let Some(dims) = attr(op, "dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reduce' op has no dimensions".into());
    };
    let axes = i32_const(op, &dims);
    let keep = bool_attr(op, false);
    Ok(Some(insert_op_before(op, to, &[ins[0], axes], &result_types(op), &[("keep_dims", keep)])))
}

/// `dot_general` with leading batch dims on both sides (in order) and one contracting
/// dim that is one of the two minor dims of each operand: `tfl.batch_matmul` with
/// `adj_x`/`adj_y` saying which side is transposed.
fn dot_general(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    let (lt, rt) = unsafe { (type_from_mlir(mlirValueGetType(ins[0])), type_from_mlir(mlirValueGetType(ins[1]))) };
    let (lr, rr) = (lt.dims().len(), rt.dims().len());
    let Some(Attr::Opaque { data, .. }) = raw_attr(op, "dot_dimension_numbers").map(attr_from_mlir) else {
        return Ok(None);
    };
    let list = |key: &str| -> Vec<i64> {
        data.find(key)
            .and_then(|i| {
                let rest = &data[i + key.len()..];
                let start = rest.find('[')?;
                let end = rest.find(']')?;
                Some(rest[start + 1..end].split(',').filter_map(|x| x.trim().parse().ok()).collect())
            })
            .unwrap_or_default()
    };
    let (lb, rb) = (list("lhs_batching_dimensions"), list("rhs_batching_dimensions"));
    let (lc, rc) = (list("lhs_contracting_dimensions"), list("rhs_contracting_dimensions"));
    let b = lb.len();
    let leading = |v: &[i64]| v.iter().enumerate().all(|(i, &d)| d == i as i64);
    if lb != rb || !leading(&lb) || lc.len() != 1 || rc.len() != 1 || lr != b + 2 || rr != b + 2 {
        return Ok(None);
    }
    let adj_x = match lc[0] as usize {
        d if d == b + 1 => false,
        d if d == b => true,
        _ => return Ok(None),
    };
    let adj_y = match rc[0] as usize {
        d if d == b => false,
        d if d == b + 1 => true,
        _ => return Ok(None),
    };
    let attrs = [("adj_x", bool_attr(op, adj_x)), ("adj_y", bool_attr(op, adj_y))];
    Ok(Some(insert_op_before(op, "tfl.batch_matmul", &ins, &result_types(op), &attrs)))
}

fn i32_attr(op: MlirOperation, v: i64) -> MlirAttribute {
    unsafe {
        let ctx = mlirOperationGetContext(op);
        mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 32), v)
    }
}

/// `convert` is `tfl.cast`, except to or from bfloat16: LiteRT has no bfloat16 kernels
/// (its interpreter cannot even read such tensors), so that form stays illegal.
fn convert(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let from = type_from_mlir(unsafe { mlirValueGetType(operand(op, 0)) }).elem;
    let to = type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) }).elem;
    if from == ElemTy::BF16 || to == ElemTy::BF16 {
        return Ok(None);
    }
    Ok(Some(insert_op_before(op, "tfl.cast", &operands(op), &result_types(op), &[])))
}

/// A ranked tensor type of `shape` with `v`'s element type.
fn like(v: MlirValue, shape: &[i64]) -> MlirType {
    unsafe {
        let elem = mlirShapedTypeGetElementType(mlirValueGetType(v));
        mlirRankedTensorTypeGet(shape.len() as isize, shape.as_ptr(), elem, mlirAttributeGetNull())
    }
}

/// `tfl.transpose(v, perm)` inserted before `anchor`.
fn tfl_transpose(anchor: MlirOperation, v: MlirValue, perm: &[i64]) -> MlirValue {
    let dims = type_from_mlir(unsafe { mlirValueGetType(v) });
    let shape: Vec<i64> = perm.iter().map(|&p| dims.dims()[p as usize]).collect();
    let p = i32_const(anchor, perm);
    unsafe { mlirOperationGetResult(insert_op_before(anchor, "tfl.transpose", &[v, p], &[like(v, &shape)], &[]), 0) }
}

/// 2-D `convolution` in the importer's layout (`[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]`,
/// no input dilation, no batch groups): NCHW input and OIHW filter are transposed to
/// NHWC / OHWI (the layout pass cancels such transposes later), explicit padding
/// becomes a `tfl.pad` before a VALID convolution, and the NHWC result is transposed
/// back. One group is `tfl.conv_2d`; one group per input channel is
/// `tfl.depthwise_conv_2d` (filter `[1, H, W, O]`). Other forms are not matched.
fn convolution(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let dn = match raw_attr(op, "dimension_numbers").map(attr_from_mlir) {
        Some(Attr::Opaque { data, .. }) => data.replace(' ', ""),
        _ => return Ok(None),
    };
    if dn != "conv<[b,f,0,1]x[o,i,0,1]->[b,f,0,1]>" {
        return Ok(None);
    }
    let ints = |n: &str, default: i64| attr(op, n).and_then(|a| a.as_ints()).unwrap_or_else(|| vec![default; 2]);
    let strides = ints("window_strides", 1);
    let rhs_dilation = ints("rhs_dilation", 1);
    if ints("lhs_dilation", 1).iter().any(|&d| d != 1) || attr(op, "batch_group_count").and_then(|a| a.as_int()).unwrap_or(1) != 1 {
        return Ok(None);
    }
    let groups = attr(op, "feature_group_count").and_then(|a| a.as_int()).unwrap_or(1);
    let pads: Vec<i64> = match attr(op, "padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 4 => v,
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => vec![v[0]; 4],
        None => vec![0; 4],
        _ => return Ok(None),
    };
    if pads.iter().any(|&p| p < 0) {
        return Ok(None);
    }
    let (x, w) = (operand(op, 0), operand(op, 1));
    let (xt, wt) = unsafe { (type_from_mlir(mlirValueGetType(x)), type_from_mlir(mlirValueGetType(w))) };
    let out = type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) });
    if !xt.is_static() || !wt.is_static() || !out.is_static() || xt.dims().len() != 4 {
        return Ok(None);
    }
    let (cin, cout) = (xt.dims()[1], wt.dims()[0]);
    let depthwise = groups > 1 && groups == cin && wt.dims()[1] == 1;
    if groups != 1 && !depthwise {
        return Ok(None);
    }
    let mut nhwc = tfl_transpose(op, x, &[0, 2, 3, 1]);
    if pads.iter().any(|&p| p != 0) {
        let shape = paddings_const(op, &[[0, 0], [pads[0], pads[1]], [pads[2], pads[3]], [0, 0]]);
        let d = type_from_mlir(unsafe { mlirValueGetType(nhwc) });
        let padded = [d.dims()[0], d.dims()[1] + pads[0] + pads[1], d.dims()[2] + pads[2] + pads[3], d.dims()[3]];
        nhwc = unsafe { mlirOperationGetResult(insert_op_before(op, "tfl.pad", &[nhwc, shape], &[like(nhwc, &padded)], &[]), 0) };
    }
    // OIHW -> OHWI for conv_2d; [O, 1, H, W] -> [1, H, W, O] for depthwise.
    let filter = if depthwise { tfl_transpose(op, w, &[1, 2, 3, 0]) } else { tfl_transpose(op, w, &[0, 2, 3, 1]) };
    let none = unsafe {
        let ctx = mlirOperationGetContext(op);
        let unit = mlirUnitAttrGet(ctx);
        mlirOperationGetResult(insert_op_before(op, "tfl.no_value", &[], &[mlirNoneTypeGet(ctx)], &[("value", unit)]), 0)
    };
    let o = out.dims();
    let out_nhwc = like(result(op, 0), &[o[0], o[2], o[3], o[1]]);
    let mut attrs = vec![
        ("dilation_h_factor", i32_attr(op, rhs_dilation[0])),
        ("dilation_w_factor", i32_attr(op, rhs_dilation[1])),
        ("fused_activation_function", string_attr(op, "NONE")),
        ("padding", string_attr(op, "VALID")),
        ("stride_h", i32_attr(op, strides[0])),
        ("stride_w", i32_attr(op, strides[1])),
    ];
    let name = if depthwise {
        attrs.push(("depth_multiplier", i32_attr(op, cout / cin)));
        "tfl.depthwise_conv_2d"
    } else {
        "tfl.conv_2d"
    };
    let conv = insert_op_before(op, name, &[nhwc, filter, none], &[out_nhwc], &attrs);
    let back = tfl_transpose(op, unsafe { mlirOperationGetResult(conv, 0) }, &[0, 3, 1, 2]);
    Ok(defining_op(back))
}

/// The single body op of a one-block region whose op combines the two block arguments
/// and is returned, e.g. `stablehlo.maximum`.
fn binary_body(op: MlirOperation) -> Option<String> {
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

/// 2-D pooling over NCHW: `reduce_window` with window `[1, 1, kh, kw]`, strides
/// `[1, 1, sh, sw]`, no dilation. A maximum body with init -inf is `tfl.max_pool_2d`
/// (padding, if any, with -inf); an add body with init 0 and no padding is a window sum,
/// `tfl.average_pool_2d` times the window area. NHWC transposes as for convolution.
fn reduce_window(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let ins = operands(op);
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(body) = binary_body(op) else { return Ok(None) };
    let ints = |n: &str| attr(op, n).and_then(|a| a.as_ints());
    let (Some(window), Some(strides)) = (ints("window_dimensions"), ints("window_strides")) else { return Ok(None) };
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    if window.len() != 4 || window[..2] != [1, 1] || strides[..2] != [1, 1] || !unit(ints("window_dilations")) || !unit(ints("base_dilations")) {
        return Ok(None);
    }
    let pads: Vec<i64> = match attr(op, "padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 8 => v,
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => vec![v[0]; 8],
        None => vec![0; 8],
        _ => return Ok(None),
    };
    if pads[..4].iter().any(|&p| p != 0) || pads.iter().any(|&p| p < 0) {
        return Ok(None);
    }
    let init = splat_value(ins[1]);
    let (to, pad_value) = match body.as_str() {
        "stablehlo.maximum" if init == Some(f64::NEG_INFINITY) => ("tfl.max_pool_2d", f64::NEG_INFINITY),
        "stablehlo.add" if init == Some(0.0) && pads.iter().all(|&p| p == 0) => ("tfl.average_pool_2d", 0.0),
        _ => return Ok(None),
    };
    let x = ins[0];
    let xt = type_from_mlir(unsafe { mlirValueGetType(x) });
    let out = type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) });
    if !xt.is_static() || !out.is_static() || xt.elem != ElemTy::F32 {
        return Ok(None);
    }
    let mut nhwc = tfl_transpose(op, x, &[0, 2, 3, 1]);
    if pads.iter().any(|&p| p != 0) {
        let d = type_from_mlir(unsafe { mlirValueGetType(nhwc) });
        let padded = [d.dims()[0], d.dims()[1] + pads[4] + pads[5], d.dims()[2] + pads[6] + pads[7], d.dims()[3]];
        let paddings = paddings_const(op, &[[0, 0], [pads[4], pads[5]], [pads[6], pads[7]], [0, 0]]);
        let value = unsafe {
            let ctx = mlirOperationGetContext(op);
            let f32t = mlirF32TypeGet(ctx);
            let sty = mlirRankedTensorTypeGet(0, std::ptr::null(), f32t, mlirAttributeGetNull());
            let v = mlirDenseElementsAttrFloatSplatGet(sty, pad_value as f32);
            mlirOperationGetResult(insert_op_before(op, "tfl.pseudo_const", &[], &[sty], &[("value", v)]), 0)
        };
        nhwc = unsafe { mlirOperationGetResult(insert_op_before(op, "tfl.padv2", &[nhwc, paddings, value], &[like(nhwc, &padded)], &[]), 0) };
    }
    let o = out.dims();
    let out_nhwc = like(result(op, 0), &[o[0], o[2], o[3], o[1]]);
    let attrs = [
        ("filter_height", i32_attr(op, window[2])),
        ("filter_width", i32_attr(op, window[3])),
        ("fused_activation_function", string_attr(op, "NONE")),
        ("padding", string_attr(op, "VALID")),
        ("stride_h", i32_attr(op, strides[2])),
        ("stride_w", i32_attr(op, strides[3])),
    ];
    let pool = insert_op_before(op, to, &[nhwc], &[out_nhwc], &attrs);
    let mut y = unsafe { mlirOperationGetResult(pool, 0) };
    if to == "tfl.average_pool_2d" {
        // The window sum is the average times the window area.
        let area = unsafe {
            let ctx = mlirOperationGetContext(op);
            let sty = mlirRankedTensorTypeGet(0, std::ptr::null(), mlirF32TypeGet(ctx), mlirAttributeGetNull());
            let v = mlirDenseElementsAttrFloatSplatGet(sty, (window[2] * window[3]) as f32);
            mlirOperationGetResult(insert_op_before(op, "tfl.pseudo_const", &[], &[sty], &[("value", v)]), 0)
        };
        let none = string_attr(op, "NONE");
        y = unsafe { mlirOperationGetResult(insert_op_before(op, "tfl.mul", &[y, area], &[out_nhwc], &[("fused_activation_function", none)]), 0) };
    }
    let back = tfl_transpose(op, y, &[0, 3, 1, 2]);
    Ok(defining_op(back))
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

/// `pad(x, value)` with non-negative edge padding and no interior padding:
/// `tfl.padv2(x, [[low, high], ...], value)`.
fn pad(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let get = |n: &str| attr(op, n).and_then(|a| a.as_ints()).ok_or_else(|| format!("'stablehlo.pad' op has no {n}"));
    let (low, high, interior) = (get("edge_padding_low")?, get("edge_padding_high")?, get("interior_padding")?);
    if interior.iter().any(|&i| i != 0) || low.iter().chain(&high).any(|&p| p < 0) {
        return Ok(None);
    }
    let pairs: Vec<[i64; 2]> = low.iter().zip(&high).map(|(l, h)| [*l, *h]).collect();
    let paddings = paddings_const(op, &pairs);
    // TFLite's constant_values is a scalar of the input's type: the 0-d init works.
    Ok(Some(insert_op_before(op, "tfl.padv2", &[operand(op, 0), paddings, operand(op, 1)], &result_types(op), &[])))
}

fn transpose(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let Some(perm) = attr(op, "permutation").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.transpose' op has no permutation".into());
    };
    let perm = i32_const(op, &perm);
    Ok(Some(insert_op_before(op, "tfl.transpose", &[operand(op, 0), perm], &result_types(op), &[])))
}

fn compare(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    let direction = match raw_attr(op, "comparison_direction").map(attr_from_mlir) {
        Some(Attr::Opaque { data, .. }) => data,
        Some(Attr::Other(text)) => text,
        _ => return Err("'stablehlo.compare' op has no comparison_direction".into()),
    };
    let to = ["EQ", "NE", "GE", "GT", "LE", "LT"]
        .iter()
        .zip(["tfl.equal", "tfl.not_equal", "tfl.greater_equal", "tfl.greater", "tfl.less_equal", "tfl.less"])
        .find(|(d, _)| direction.trim_end_matches('>').ends_with(*d))
        .map(|(_, t)| t);
    let Some(to) = to else { return Ok(None) };
    Ok(Some(insert_op_before(op, to, &operands(op), &result_types(op), &[])))
}

fn logical(op: MlirOperation, to: &str) -> Result<Option<MlirOperation>, String> {
    // Bitwise and/or/not on integers have no TFL builtin here: only the bool forms.
    if !operands(op).into_iter().all(is_bool) {
        return Ok(None);
    }
    Ok(Some(insert_op_before(op, to, &operands(op), &result_types(op), &[])))
}

fn logical_and(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.logical_and")
}
fn logical_or(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.logical_or")
}
fn logical_not(op: MlirOperation) -> Result<Option<MlirOperation>, String> {
    logical(op, "tfl.logical_not")
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
    fn renamed_targets_are_catalogued() {
        for (_, rule) in RULES {
            if let Rule::Rename { to, .. } = rule {
                assert!(edge_dialects::TFL.lookup(to).is_some(), "{to} is not in the TFL catalog");
            }
        }
    }
}

//! Conversion of StableHLO's dynamic-shape forms (spec: `get_dimension_size`,
//! `dynamic_reshape`, `dynamic_broadcast_in_dim`, `dynamic_iota`, `real_dynamic_slice`,
//! `dynamic_slice`, `dynamic_pad`; the same forms JAX's shape polymorphism writes) and
//! of the integer shape arithmetic around them. Run-time sizes become TFLite shape
//! values: `tfl.shape` of a tensor and slices of it, 1-D int32 shape tensors fed to
//! `tfl.reshape` / `tfl.broadcast_to` / `tfl.strided_slice` / `tfl.padv2`.
//!
//! Shape values are int32, TFLite's shape type (RESHAPE takes no other; DIV and
//! FLOOR_DIV have no int64 kernel). A producer that computes shapes in int64 (JAX) gets
//! each such op computed in int32 between casts (`narrow_shape_arithmetic`), and a
//! consumer reads the int32 value before the cast (`as_i32`), so the casts end unused.
//! A size known statically is a constant: no shape op is made for it.

use super::stablehlo_to_tfl::{bool_attr, emit, i32_attr, i32_const, i32_type, number_const, tensor_type, ty};
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::{Attribute, Op, Rewriter, Type, Value};
use edge_dialects::stablehlo::op as hlo;
use edge_dialects::tfl::op as tfl;

type Built<'c> = Result<Option<Op<'c>>, String>;

/// `tfl.shape(x)` as int32, reusing one already made before `anchor` in its block.
pub(super) fn shape_of<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, x: Value<'c>) -> Value<'c> {
    for user in x.users() {
        if user.isa::<tfl::Shape>()
            && user.block() == anchor.block()
            && user.is_before_in_block(anchor)
            && user.result(0).ty().elem == ElemTy::I(32)
        {
            return user.result(0);
        }
    }
    let rank = ty(x).dims().len() as i64;
    let t = tensor_type(&[rank], i32_type(anchor));
    emit(rw, anchor, tfl::Shape::NAME, &[x], t, &[])
}

/// The 0-d int32 size of dim `d` of `x`: a constant when static, else sliced out of
/// `tfl.shape(x)`.
pub(super) fn dim_size<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, x: Value<'c>, d: usize) -> Value<'c> {
    let n = ty(x).dims()[d];
    if n >= 0 {
        return scalar_i32(rw, anchor, n);
    }
    let shape = shape_of(rw, anchor, x);
    element(rw, anchor, shape, d as i64)
}

/// Element `i` of the 1-D int32 `v` as a 0-d value (`strided_slice` that shrinks the
/// axis); a constant when `v` is one.
pub(super) fn element<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, i: i64) -> Value<'c> {
    if let Some(vals) = v.const_ints().filter(|c| c.len() as i64 > i) {
        return scalar_i32(rw, anchor, vals[i as usize]);
    }
    let (b, e, s) = (i32_const(rw, anchor, &[i]), i32_const(rw, anchor, &[i + 1]), i32_const(rw, anchor, &[1]));
    let zero = i32_attr(anchor, 0);
    let attrs = [
        ("begin_mask", zero),
        ("end_mask", zero),
        ("ellipsis_mask", zero),
        ("new_axis_mask", zero),
        ("shrink_axis_mask", i32_attr(anchor, 1)),
        ("offset", bool_attr(anchor, false)),
    ];
    emit(rw, anchor, tfl::StridedSlice::NAME, &[v, b, e, s], tensor_type(&[], i32_type(anchor)), &attrs)
}

/// A 0-d int32 constant.
pub(super) fn scalar_i32<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, n: i64) -> Value<'c> {
    let attr = rw.context().dense_i32(&[], &[n]);
    super::stablehlo_to_tfl::const_attr(rw, anchor, attr)
}

/// The int32 form of the integer shape value `v`: `v` itself, the int32 value a cast
/// widened, an int32 copy of a constant, or a `tfl.cast`.
pub(super) fn as_i32<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>) -> Result<Value<'c>, String> {
    let t = ty(v);
    if t.elem == ElemTy::I(32) {
        return Ok(v);
    }
    if !matches!(t.elem, ElemTy::I(_) | ElemTy::U(_)) || t.elem == ElemTy::I(1) {
        return Err(format!("a shape value must be an integer tensor, got {t}"));
    }
    if let Some(c) = v.defining_op().filter(|c| c.isa::<tfl::Cast>() || c.isa::<hlo::Convert>()) {
        if ty(c.operand(0)).elem == ElemTy::I(32) {
            return Ok(c.operand(0));
        }
    }
    if let Some(vals) = v.const_ints() {
        if t.is_static() && vals.len() as i64 == t.num_elements().unwrap_or(-1) {
            if vals.iter().any(|&x| i32::try_from(x).is_err()) {
                return Err(format!("shape value {vals:?} does not fit in int32"));
            }
            let attr = rw.context().dense_i32(t.dims(), &vals);
            return Ok(super::stablehlo_to_tfl::const_attr(rw, anchor, attr));
        }
    }
    let i32t = i32_type(anchor);
    Ok(emit(rw, anchor, tfl::Cast::NAME, &[v], tensor_type(t.dims(), i32t), &[]))
}

/// Whether `v` is a shape value: a 0-d or short 1-D integer computed only from dim
/// sizes (`tfl.shape`, `get_dimension_size`) and constants that fit in int32, through
/// slicing, packing and arithmetic. Its values are sizes of tensors, so int32 holds them
/// (TFLite's shapes are int32).
pub(super) fn is_shape_value(v: Value<'_>) -> bool {
    shape_value_depth(v, 0)
}

fn shape_value_depth(v: Value<'_>, depth: usize) -> bool {
    let t = ty(v);
    let small = t.dims().len() <= 1 && t.dims().iter().all(|&d| (0..=16).contains(&d));
    if depth > 64 || !small || !matches!(t.elem, ElemTy::I(32) | ElemTy::I(64)) {
        return false;
    }
    let Some(def) = v.defining_op() else { return false };
    if def.isa::<tfl::Shape>() || def.isa::<hlo::GetDimensionSize>() {
        return true;
    }
    if let Some(vals) = v.const_ints() {
        return vals.iter().all(|&x| i32::try_from(x).is_ok());
    }
    let through = [
        tfl::Cast::NAME,
        tfl::StridedSlice::NAME,
        tfl::Slice::NAME,
        tfl::Gather::NAME,
        tfl::Reshape::NAME,
        tfl::Squeeze::NAME,
        tfl::ExpandDims::NAME,
        tfl::Concatenation::NAME,
        tfl::Pack::NAME,
        tfl::Add::NAME,
        tfl::Sub::NAME,
        tfl::Mul::NAME,
        tfl::Div::NAME,
        tfl::FloorDiv::NAME,
        tfl::FloorMod::NAME,
        tfl::Maximum::NAME,
        tfl::Minimum::NAME,
        tfl::SelectV2::NAME,
        hlo::Convert::NAME,
        hlo::Reshape::NAME,
        hlo::Slice::NAME,
        hlo::Concatenate::NAME,
    ];
    if !through.contains(&def.name()) {
        return false;
    }
    // Every integer operand that is not a 1-D constant index (a slice's begin) is one.
    def.operands().into_iter().all(|o| {
        let ot = ty(o);
        ot.elem == ElemTy::I(1) || o.const_ints().is_some_and(|c| c.iter().all(|&x| i32::try_from(x).is_ok())) || shape_value_depth(o, depth + 1)
    })
}

// ---- stablehlo.get_dimension_size ------------------------------------------------

/// `get_dimension_size(x, d)`: a constant for a static dim, else the element `d` of
/// `tfl.shape(x)`.
pub(super) fn get_dimension_size<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let Some(d) = op.int_attr("dimension") else {
        return Err("'stablehlo.get_dimension_size' op has no dimension".into());
    };
    let x = op.operand(0);
    let rank = ty(x).dims().len() as i64;
    if !(0..rank).contains(&d) {
        return Err(format!("dimension {d} is out of range for rank {rank}"));
    }
    let v = dim_size(rw, op, x, d as usize);
    let v = match ty(op.result(0)).elem {
        ElemTy::I(32) => v,
        _ => emit(rw, op, tfl::Cast::NAME, &[v], op.result(0).raw_type(), &[]),
    };
    Ok(v.defining_op())
}

// ---- stablehlo.dynamic_reshape ---------------------------------------------------

/// The constant shape a reshape to `dims` can take: the dims, with -1 for the one
/// unknown dim (TFLite infers it from the element count); `None` with two or more.
pub(super) fn reshape_const_shape(dims: &[i64]) -> Option<Vec<i64>> {
    (dims.iter().filter(|&&d| d < 0).count() <= 1).then(|| dims.iter().map(|&d| if d < 0 { -1 } else { d }).collect())
}

/// `dynamic_reshape(x, shape)`: `tfl.reshape` with a constant shape when the result
/// type has at most one unknown dim (-1 there), else with the run-time shape in int32.
pub(super) fn dynamic_reshape<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let (x, s) = (op.operand(0), op.operand(1));
    let out = ty(op.result(0));
    let shape = match reshape_const_shape(out.dims()) {
        Some(c) if !c.is_empty() => i32_const(rw, op, &c),
        Some(_) => return Ok(super::stablehlo_to_tfl::reshape_to(rw, op, x, &[]).defining_op()),
        None => as_i32(rw, op, s)?,
    };
    Ok(Some(tfl::Reshape::build(rw, &[op.result(0).raw_type()], x, shape).create().op()))
}

/// `x` with unit dims inserted so that its dim `i` lands at `at[i]` (increasing) of a
/// rank-`rank` result: a reshape to a constant shape when `x` has at most one unknown
/// dim, else one `tfl.expand_dims` per inserted dim.
pub(super) fn unit_dims_inserted<'c>(
    rw: &mut Rewriter<'c>,
    anchor: Op<'c>,
    x: Value<'c>,
    at: &[i64],
    rank: usize,
) -> Value<'c> {
    let xd = ty(x).dims().to_vec();
    let mut expanded = vec![1i64; rank];
    for (i, &d) in at.iter().enumerate() {
        expanded[d as usize] = xd[i];
    }
    if expanded == xd {
        return x;
    }
    if let Some(shape) = reshape_const_shape(&expanded) {
        let s = i32_const(rw, anchor, &shape);
        let t = x.raw_type().with_shape(&expanded);
        return tfl::Reshape::build(rw, &[t], x, s).create().output();
    }
    let mut v = x;
    let mut dims = xd;
    for d in 0..rank {
        if !at.contains(&(d as i64)) {
            dims.insert(d, 1);
            let axis = scalar_i32(rw, anchor, d as i64);
            v = emit(rw, anchor, tfl::ExpandDims::NAME, &[v, axis], x.raw_type().with_shape(&dims), &[]);
        }
    }
    v
}

// ---- stablehlo.dynamic_broadcast_in_dim ------------------------------------------

/// `dynamic_broadcast_in_dim(x, shape, dims)`: `x` transposed so that `dims` increase,
/// given unit dims up to the result's rank, and `tfl.broadcast_to` the run-time shape
/// (a constant when the result type is static).
pub(super) fn dynamic_broadcast_in_dim<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let (x, s) = (op.operand(0), op.operand(1));
    let Some(dims) = op.ints_attr("broadcast_dimensions") else {
        return Err("'stablehlo.dynamic_broadcast_in_dim' op has no broadcast_dimensions".into());
    };
    let out = ty(op.result(0));
    let rank = out.dims().len();
    if dims.len() != ty(x).dims().len() || dims.iter().any(|&d| d < 0 || d as usize >= rank) {
        return Ok(None);
    }
    let target = broadcast_target(rw, op, x, s, &dims, out.dims())?;
    let Some(target) = target else { return Ok(None) };
    Ok(Some(tfl::BroadcastTo::build(rw, &[op.result(0).raw_type()], target.0, target.1).create().op()))
}

/// `x` (dims mapped to `dims` of a rank-`out.len()` result) transposed and given unit
/// dims to the result's rank, and the int32 shape to broadcast it to: `out` when static,
/// else the run-time `shape`.
fn broadcast_target<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    shape: Value<'c>,
    dims: &[i64],
    out: &[i64],
) -> Result<Option<(Value<'c>, Value<'c>)>, String> {
    let mut order: Vec<usize> = (0..dims.len()).collect();
    order.sort_by_key(|&i| dims[i]);
    let perm: Vec<i64> = order.iter().map(|&i| i as i64).collect();
    let sorted: Vec<i64> = order.iter().map(|&i| dims[i]).collect();
    if sorted.windows(2).any(|w| w[0] == w[1]) {
        return Ok(None);
    }
    let xt = super::stablehlo_to_tfl::permuted(rw, op, x, &perm);
    let xe = unit_dims_inserted(rw, op, xt, &sorted, out.len());
    let target = if out.iter().all(|&d| d >= 0) { i32_const(rw, op, out) } else { as_i32(rw, op, shape)? };
    Ok(Some((xe, target)))
}

/// `broadcast_in_dim` to a result with unknown dims: the unknown result dims are the
/// operand's own (a static broadcast only expands unit dims), so the target shape is
/// `maximum(shape(x expanded), out with 1 at the unknown dims)`.
pub(super) fn broadcast_in_dim_dynamic<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let x = op.operand(0);
    let Some(dims) = op.ints_attr("broadcast_dimensions") else {
        return Err("'stablehlo.broadcast_in_dim' op has no broadcast_dimensions".into());
    };
    let out = ty(op.result(0));
    if out.is_static() && ty(x).is_static() {
        return Ok(None);
    }
    let rank = out.dims().len();
    if dims.len() != ty(x).dims().len() || dims.iter().any(|&d| d < 0 || d as usize >= rank) {
        return Ok(None);
    }
    // An unknown result dim must be an unknown operand dim's: from a unit or unmapped
    // dim it could be any size, which only `dynamic_broadcast_in_dim` says.
    let from_unknown = |r: usize| dims.iter().position(|&d| d as usize == r).is_some_and(|i| ty(x).dims()[i] < 0);
    if (0..rank).any(|r| out.dims()[r] < 0 && !from_unknown(r)) {
        return Ok(None);
    }
    let mut order: Vec<usize> = (0..dims.len()).collect();
    order.sort_by_key(|&i| dims[i]);
    let perm: Vec<i64> = order.iter().map(|&i| i as i64).collect();
    let sorted: Vec<i64> = order.iter().map(|&i| dims[i]).collect();
    if sorted.windows(2).any(|w| w[0] == w[1]) {
        return Ok(None);
    }
    let xt = super::stablehlo_to_tfl::permuted(rw, op, x, &perm);
    let xe = unit_dims_inserted(rw, op, xt, &sorted, rank);
    let ed = ty(xe).dims().to_vec();
    // Where the expanded operand already has the result's size (or both are unknown),
    // no broadcast happens at that dim.
    if ed.iter().zip(out.dims()).all(|(&e, &o)| e == o) {
        if xe == x {
            return Ok(None);
        }
        // Same type: the reshape / transpose is the whole result.
        return Ok(xe.defining_op().filter(|d| d.result(0).same_type(op.result(0))));
    }
    let target = if out.is_static() {
        i32_const(rw, op, out.dims())
    } else {
        let s = shape_of(rw, op, xe);
        let floor: Vec<i64> = out.dims().iter().map(|&d| if d < 0 { 1 } else { d }).collect();
        let c = i32_const(rw, op, &floor);
        emit(rw, op, tfl::Maximum::NAME, &[s, c], s.raw_type(), &[])
    };
    Ok(Some(tfl::BroadcastTo::build(rw, &[op.result(0).raw_type()], xe, target).create().op()))
}

// ---- stablehlo.dynamic_iota ------------------------------------------------------

/// `dynamic_iota(shape)` along `d`: `tfl.range(0, shape[d], 1)` given unit dims to the
/// result's rank and broadcast to `shape`. A static result type is a constant (as
/// `iota`).
pub(super) fn dynamic_iota<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let out = ty(op.result(0));
    let Some(d) = op.int_attr("iota_dimension") else {
        return Err("'stablehlo.dynamic_iota' op has no iota_dimension".into());
    };
    let rank = out.dims().len();
    if d < 0 || d as usize >= rank {
        return Ok(None);
    }
    let d = d as usize;
    let elem = super::stablehlo_to_tfl::elem_of(op.result(0));
    if !matches!(out.elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64)) {
        return Ok(None);
    }
    let shape = as_i32(rw, op, op.operand(0))?;
    let n = if out.dims()[d] >= 0 { scalar_i32(rw, op, out.dims()[d]) } else { element(rw, op, shape, d as i64) };
    let n = if out.elem == ElemTy::I(32) { n } else { emit(rw, op, tfl::Cast::NAME, &[n], tensor_type(&[], elem), &[]) };
    let start = number_const(rw, op, &[], elem, &[0.0])?;
    let delta = number_const(rw, op, &[], elem, &[1.0])?;
    let range = emit(rw, op, tfl::Range::NAME, &[start, n, delta], tensor_type(&[out.dims()[d]], elem), &[]);
    if rank == 1 {
        return Ok(range.defining_op());
    }
    let mut unit = vec![1i64; rank];
    unit[d] = -1;
    let s = i32_const(rw, op, &unit);
    let mut shaped_dims = vec![1i64; rank];
    shaped_dims[d] = out.dims()[d];
    let shaped = tfl::Reshape::build(rw, &[tensor_type(&shaped_dims, elem)], range, s).create().output();
    let target = if out.is_static() { i32_const(rw, op, out.dims()) } else { shape };
    Ok(Some(tfl::BroadcastTo::build(rw, &[op.result(0).raw_type()], shaped, target).create().op()))
}

// ---- stablehlo.real_dynamic_slice / dynamic_slice --------------------------------

fn strided_slice_attrs<'c>(op: Op<'c>) -> [(&'static str, Attribute<'c>); 6] {
    let zero = i32_attr(op, 0);
    [
        ("begin_mask", zero),
        ("end_mask", zero),
        ("ellipsis_mask", zero),
        ("new_axis_mask", zero),
        ("shrink_axis_mask", zero),
        ("offset", bool_attr(op, false)),
    ]
}

/// `real_dynamic_slice(x, start, limit, strides)`: `tfl.strided_slice` with the
/// run-time (int32) bounds.
pub(super) fn real_dynamic_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let x = op.operand(0);
    let b = as_i32(rw, op, op.operand(1))?;
    let e = as_i32(rw, op, op.operand(2))?;
    let s = as_i32(rw, op, op.operand(3))?;
    let attrs = strided_slice_attrs(op);
    Ok(Some(rw.create(tfl::StridedSlice::NAME, &[x, b, e, s], &op.result_types(), &attrs)))
}

/// `dynamic_slice(x, starts..., slice_sizes)`: `tfl.slice` of the constant sizes at
/// the starts clamped to `[0, dim - size]` as the spec says (TFLite's SLICE does not
/// clamp), packed into one int32 vector.
pub(super) fn dynamic_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let ins = op.operands();
    let x = ins[0];
    let Some(sizes) = op.ints_attr("slice_sizes") else {
        return Err("'stablehlo.dynamic_slice' op has no slice_sizes".into());
    };
    let xd = ty(x).dims().to_vec();
    if sizes.len() != xd.len() || ins.len() != xd.len() + 1 {
        return Ok(None);
    }
    let starts = &ins[1..];
    // All starts constant and the dims static: one constant begin.
    let consts: Option<Vec<i64>> = starts.iter().map(|s| s.const_ints().and_then(|c| c.first().copied())).collect();
    let begin = match consts {
        Some(c) if xd.iter().all(|&d| d >= 0) => {
            let clamped: Vec<i64> = c.iter().zip(&xd).zip(&sizes).map(|((&s, &d), &n)| s.clamp(0, (d - n).max(0))).collect();
            i32_const(rw, op, &clamped)
        }
        _ => {
            let zero = scalar_i32(rw, op, 0);
            let mut parts = Vec::new();
            for (i, &s) in starts.iter().enumerate() {
                let s = as_i32(rw, op, s)?;
                let hi = if xd[i] >= 0 {
                    scalar_i32(rw, op, (xd[i] - sizes[i]).max(0))
                } else {
                    let dim = dim_size(rw, op, x, i);
                    let n = scalar_i32(rw, op, sizes[i]);
                    let none = ("fused_activation_function", rw.context().string_attr("NONE"));
                    emit(rw, op, tfl::Sub::NAME, &[dim, n], dim.raw_type(), &[none])
                };
                let t = s.raw_type();
                let lo = emit(rw, op, tfl::Minimum::NAME, &[s, hi], t, &[]);
                parts.push(emit(rw, op, tfl::Maximum::NAME, &[lo, zero], t, &[]));
            }
            pack(rw, op, &parts, 0)
        }
    };
    let size = i32_const(rw, op, &sizes);
    Ok(Some(rw.create(tfl::Slice::NAME, &[x, begin, size], &op.result_types(), &[])))
}

/// `tfl.pack` of same-shaped int32 values along a new dim `axis`.
fn pack<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, parts: &[Value<'c>], axis: i64) -> Value<'c> {
    let mut dims = ty(parts[0]).dims().to_vec();
    dims.insert(axis as usize, parts.len() as i64);
    let attrs = [("axis", i32_attr(op, axis)), ("values_count", i32_attr(op, parts.len() as i64))];
    emit(rw, op, tfl::Pack::NAME, parts, tensor_type(&dims, i32_type(op)), &attrs)
}

// ---- stablehlo.dynamic_pad -------------------------------------------------------

/// `dynamic_pad(x, value, low, high, interior)` without interior padding:
/// `tfl.padv2(x, pack([low, high], axis 1), value)`. The edge padding must not be
/// negative (TFLite's PADV2 rejects it at run time; a constant negative one is not
/// matched).
pub(super) fn dynamic_pad<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let ins = op.operands();
    let (x, value, low, high, interior) = (ins[0], ins[1], ins[2], ins[3], ins[4]);
    if !interior.const_ints().is_some_and(|c| c.iter().all(|&i| i == 0)) {
        return Ok(None);
    }
    let negative = |v: Value<'c>| v.const_ints().is_some_and(|c| c.iter().any(|&p| p < 0));
    if negative(low) || negative(high) || super::stablehlo_to_tfl::is_bool(x) {
        return Ok(None);
    }
    let (lo, hi) = (as_i32(rw, op, low)?, as_i32(rw, op, high)?);
    let paddings = match (lo.const_ints(), hi.const_ints()) {
        (Some(l), Some(h)) if l.len() == h.len() => {
            let data: Vec<i64> = l.iter().zip(&h).flat_map(|(a, b)| [*a, *b]).collect();
            let attr = rw.context().dense_i32(&[l.len() as i64, 2], &data);
            super::stablehlo_to_tfl::const_attr(rw, op, attr)
        }
        _ => pack(rw, op, &[lo, hi], 1),
    };
    Ok(Some(rw.create(tfl::Padv2::NAME, &[x, paddings, value], &op.result_types(), &[])))
}

// ---- stablehlo.custom_call @shape_assertion ----------------------------------------

/// JAX's `custom_call @shape_assertion(cond, dims...)` checks a symbolic-shape
/// constraint when the program runs; TFLite has no assertion op, so it is dropped (a
/// model run outside its constraints gives TFLite's own shape errors instead).
pub(super) fn drop_shape_assertion<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    if op.str_attr("call_target_name").as_deref() != Some("shape_assertion") || op.num_results() != 0 {
        return false;
    }
    rw.erase_op(op);
    true
}

// ---- int64 shape arithmetic ------------------------------------------------------

/// An int64 shape computation (`is_shape_value` operands, rank <= 1) computed in int32:
/// the same StableHLO op on int32 operands (which the pass converts next), its result
/// cast back to int64. TFLite lacks int64 DIV and FLOOR_DIV; consumers read the int32
/// value before the cast (`as_i32`).
pub(super) fn narrow_shape_arithmetic<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let out = op.result(0);
    let ot = ty(out);
    if ot.elem != ElemTy::I(64) || ot.dims().len() > 1 || op.num_results() != 1 {
        return Ok(None);
    }
    let ins = op.operands();
    if !ins.iter().all(|&v| ty(v).elem == ElemTy::I(64) && (is_shape_value(v) || v.const_ints().is_some())) {
        return Ok(None);
    }
    if !ins.iter().all(|&v| is_shape_value(v)) {
        return Ok(None);
    }
    let narrow: Vec<Value<'c>> = ins.iter().map(|&v| as_i32(rw, op, v)).collect::<Result<_, _>>()?;
    let i32t = i32_type(op);
    let attrs: Vec<(String, Attribute<'c>)> = op.attrs();
    let refs: Vec<(&str, Attribute<'c>)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    let t: Type<'c> = tensor_type(ot.dims(), i32t);
    let v = rw.create(op.name(), &narrow, &[t], &refs).result(0);
    Ok(Some(rw.create(tfl::Cast::NAME, &[v], &[out.raw_type()], &[])))
}

/// `v` reshaped to `target`, which may have unknown dims: a constant shape when at most
/// one is unknown (-1), else `tfl.expand_dims` / `tfl.squeeze` when `target` only adds
/// or drops unit dims. `None` for any other reshape (it needs shape arithmetic).
pub(super) fn reshape_any<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, target: &[i64]) -> Option<Value<'c>> {
    let vd = ty(v).dims().to_vec();
    if vd == target {
        return Some(v);
    }
    if reshape_const_shape(target).is_some() {
        return Some(super::stablehlo_to_tfl::reshape_to(rw, anchor, v, target));
    }
    // The positions of `small`'s dims in `big` when `big` is `small` with unit dims added.
    let units = |small: &[i64], big: &[i64]| -> Option<Vec<usize>> {
        let (mut i, mut added) = (0, Vec::new());
        for (j, &d) in big.iter().enumerate() {
            if i < small.len() && small[i] == d {
                i += 1;
            } else if d == 1 {
                added.push(j);
            } else {
                return None;
            }
        }
        (i == small.len()).then_some(added)
    };
    if let Some(added) = units(&vd, target) {
        let mut x = v;
        let mut dims = vd;
        for d in added {
            dims.insert(d, 1);
            let axis = scalar_i32(rw, anchor, d as i64);
            x = emit(rw, anchor, tfl::ExpandDims::NAME, &[x, axis], v.raw_type().with_shape(&dims), &[]);
        }
        return Some(x);
    }
    let dropped = units(target, &vd)?;
    let squeeze: Vec<i64> = dropped.iter().map(|&d| d as i64).collect();
    let attr = rw.context().i64_array_attr(&squeeze);
    Some(emit(rw, anchor, tfl::Squeeze::NAME, &[v], v.raw_type().with_shape(target), &[("squeeze_dims", attr)]))
}

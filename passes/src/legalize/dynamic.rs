//! Conversion of StableHLO's dynamic-shape forms (spec: `get_dimension_size`,
//! `dynamic_reshape`, `dynamic_broadcast_in_dim`, `dynamic_iota`, `real_dynamic_slice`,
//! `dynamic_slice`, `dynamic_pad`, `dynamic_conv`; the same forms JAX's shape
//! polymorphism writes, whose `shape_assertion` custom calls are dropped) and
//! of the integer shape arithmetic around them. Run-time sizes become TFLite shape
//! values: `tfl.shape` of a tensor and slices of it, 1-D int32 shape tensors fed to
//! `tfl.reshape` / `tfl.broadcast_to` / `tfl.strided_slice` / `tfl.padv2`.
//!
//! Shape values are int32, TFLite's shape type (RESHAPE takes no other; DIV and
//! FLOOR_DIV have no int64 kernel). A producer that computes shapes in int64 (JAX) gets
//! each such op computed in int32 between casts (`narrow_shape_arithmetic`), and a
//! consumer reads the int32 value before the cast (`as_i32`), so the casts end unused.
//! A size known statically is a constant: no shape op is made for it.
//!
//! An unknown size is read from where it comes from (`dim_origin`): back through the
//! legalized ops that keep the dim (element-wise ops, transposes, reductions, matrix
//! products, reshapes with one unknown dim...) to a model input, or to the piece of a
//! run-time shape that made it. So one `tfl.shape` of an input serves a whole model,
//! intermediates are not shape-read, and two sizes can be proved equal
//! (`same_dim_size`: a mean's run-time count, a slice to the end, a broadcast the
//! consumer does itself).

use super::stablehlo_to_tfl::{emit, i32_attr, i32_const, i32_type, number_const, strided_slice_masks, tensor_type, ty};
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
/// `tfl.shape` of the value the size comes from (`dim_origin`: a model input, mostly).
pub(super) fn dim_size<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, x: Value<'c>, d: usize) -> Value<'c> {
    let n = ty(x).dims()[d];
    if n >= 0 {
        return scalar_i32(rw, anchor, n);
    }
    match dim_origin(x, d) {
        Origin::Size(v) => v,
        Origin::Dim(y, e) => {
            let shape = shape_of(rw, anchor, y);
            element(rw, anchor, shape, e as i64)
        }
    }
}

/// Whether dim `da` of `a` and dim `db` of `b` have one size at run time: both static
/// and equal, or both unknown and traced to one origin (`dim_origin`).
pub(crate) fn same_dim_size(a: Value<'_>, da: usize, b: Value<'_>, db: usize) -> bool {
    let (na, nb) = (ty(a).dims().get(da).copied(), ty(b).dims().get(db).copied());
    match (na, nb) {
        (Some(x), Some(y)) if x >= 0 || y >= 0 => x == y,
        (Some(_), Some(_)) => match (dim_origin(a, da), dim_origin(b, db)) {
            (Origin::Dim(u, e), Origin::Dim(v, f)) => (u == v && e == f) || same_input_symbol(u, e, v, f),
            (Origin::Size(u), Origin::Size(v)) => u == v,
            _ => false,
        },
        _ => false,
    }
}

/// Whether dims `e` of `u` and `f` of `v` are inputs' dims the importer recorded with one
/// size expression (`edge.dynamic_dims`: `x` and its mask both of length `s27`).
fn same_input_symbol(u: Value<'_>, e: usize, v: Value<'_>, f: usize) -> bool {
    let (Some(bu), Some(bv)) = (u.owner_block(), v.owner_block()) else { return false };
    if bu != bv {
        return false;
    }
    let Some(func) = bu.parent_op() else { return false };
    let (Some(i), Some(j)) = (u.arg_number(), v.arg_number()) else { return false };
    match (input_dim_expr(func, i, e), input_dim_expr(func, j, f)) {
        (Some(x), Some(y)) => !x.is_empty() && x == y,
        _ => false,
    }
}

/// The size expression `edge.dynamic_dims` records for dim `d` of argument `arg`.
fn input_dim_expr(func: Op<'_>, arg: usize, d: usize) -> Option<String> {
    use edge_dialects::ir::Attr;
    let attr = func.raw_attr("edge.dynamic_dims")?;
    let entries = func.raw_attr("tf.entry_function").and_then(|a| a.dictionary_entries()).unwrap_or_default();
    let Some(Attr::Str(names)) = entries.iter().find(|(k, _)| *k == "inputs").map(|(_, v)| v.value()) else { return None };
    let name = names.split(',').nth(arg)?.trim().to_string();
    let (_, list) = attr.dictionary_entries()?.into_iter().find(|(n, _)| *n == name)?;
    let Attr::Array(items) = list.value() else { return None };
    for item in items {
        // Array elements come back as text; a dictionary is parsed again.
        let Attr::Other(text) = item else { continue };
        let fields = func.context().parse_attr(&text)?.dictionary_entries()?;
        let field = |k: &str| fields.iter().find(|(n, _)| *n == k).map(|(_, v)| v.value());
        if field("dim").and_then(|v| v.as_int()) == Some(d as i64) {
            return match field("expr") {
                Some(Attr::Str(s)) => Some(s),
                _ => None,
            };
        }
    }
    None
}

/// Where an unknown dim's size can be read.
enum Origin<'c> {
    /// Dim `.1` of this value.
    Dim(Value<'c>, usize),
    /// This 0-d int32 value (an element of a run-time shape that made the dim).
    Size(Value<'c>),
}

/// The earliest value whose dim has the size of `x`'s unknown dim `d`, following
/// legalized TFL ops back to a model input where the ops keep the dim: element-wise
/// ops (whose operands have the result's shape in StableHLO), casts, transposes,
/// reductions, concatenations off their axis, gathers of indices, the leading dims of
/// matrix products; a `tfl.broadcast_to` gives the element of its shape operand. Reading
/// one `tfl.shape` of the input, not of every intermediate, keeps the intermediates free
/// to fuse.
fn dim_origin(x: Value<'_>, d: usize) -> Origin<'_> {
    let (mut v, mut d) = (x, d);
    for _ in 0..256 {
        match dim_source(v, d) {
            Some((DimSource::Value(w), e)) => (v, d) = (w, e),
            // A size read from a shape: where that dim comes from.
            Some((DimSource::Size(s), _)) => match size_read(s) {
                Some((w, e)) if ty(w).dims().get(e) == Some(&-1) => (v, d) = (w, e),
                _ => return Origin::Size(s),
            },
            None => break,
        }
    }
    Origin::Dim(v, d)
}

enum DimSource<'c> {
    Value(Value<'c>),
    Size(Value<'c>),
}

/// One step of `dim_origin`: the operand (and its dim) that `v`'s dim `d` is, when `v`'s
/// defining op keeps it.
fn dim_source(v: Value<'_>, d: usize) -> Option<(DimSource<'_>, usize)> {
    let op = v.defining_op()?;
    let vt = ty(v);
    let rank = vt.dims().len();
    let same_dim = |o: Value<'_>, e: usize| ty(o).dims().len() == rank && ty(o).dims().get(e) == Some(&-1);
    let def = op.def()?;
    if op.num_results() != 1 {
        return None;
    }
    if def.has(edge_dialects::catalog::Trait::ElementWise) || op.isa::<tfl::SelectV2>() {
        // An operand of the result's very dims has the result's shape: a legalized
        // StableHLO element-wise op's operands all do, and tfl-remove-broadcasts never
        // puts a smaller value of that type in their place.
        let o = op.operands().into_iter().find(|&o| ty(o).dims() == vt.dims())?;
        return Some((DimSource::Value(o), d));
    }
    if let Some(t) = op.cast::<tfl::Transpose>() {
        let perm = t.perm().const_ints()?;
        let e = usize::try_from(*perm.get(d)?).ok()?;
        return ty(t.input()).dims().get(e).is_some_and(|&n| n < 0).then_some((DimSource::Value(t.input()), e));
    }
    if let Some(b) = op.cast::<tfl::BroadcastTo>() {
        // The size is the shape operand's element `d`, when that is a known piece.
        let piece = concat_piece(b.shape(), d)?;
        return Some((DimSource::Size(piece), d));
    }
    if let Some(edge_dialects::catalog::Permute::AxesOperand(k)) = def.layout() {
        let x = op.operand(0);
        let xr = ty(x).dims().len() as i64;
        let mut axes: Vec<usize> = op.operand(k).const_ints()?.iter().map(|&a| a.rem_euclid(xr.max(1)) as usize).collect();
        axes.sort_unstable();
        let e = if op.bool_attr("keep_dims") == Some(true) {
            d
        } else {
            (0..xr as usize).filter(|i| !axes.contains(i)).nth(d)?
        };
        return (ty(x).dims().get(e) == Some(&-1)).then_some((DimSource::Value(x), e));
    }
    if op.isa::<tfl::Concatenation>() {
        let axis = op.int_attr("axis")?.rem_euclid(rank.max(1) as i64) as usize;
        let o = op.operand(0);
        return (axis != d && same_dim(o, d)).then_some((DimSource::Value(o), d));
    }
    if let Some(g) = op.cast::<tfl::Gather>() {
        let (axis, idx) = (g.axis()?, g.indices());
        let ir = ty(idx).dims().len();
        if axis == 0 && g.batch_dims().unwrap_or(0) == 0 && d < ir {
            return (ty(idx).dims()[d] < 0).then_some((DimSource::Value(idx), d));
        }
        return None;
    }
    if let Some(m) = op.cast::<tfl::BatchMatmul>() {
        // Leading dims and the rows are x's (without adj_x).
        let x = m.x();
        let rows = rank.checked_sub(2)?;
        let fits = d < rows || (d == rows && m.adj_x() != Some(true));
        return (fits && same_dim(x, d)).then_some((DimSource::Value(x), d));
    }
    if op.isa::<tfl::Conv2d>() || op.isa::<tfl::DepthwiseConv2d>() || op.isa::<tfl::MaxPool2d>() || op.isa::<tfl::AveragePool2d>() {
        // The batch.
        let x = op.operand(0);
        return (d == 0 && same_dim(x, 0)).then_some((DimSource::Value(x), 0));
    }
    if let Some(r) = op.cast::<tfl::Range>() {
        // range(0, n, 1) has n elements.
        let (start, delta) = (scalar_const(r.start(), 0), scalar_const(r.delta(), 0));
        if start != Some(0) || delta != Some(1) || d != 0 {
            return None;
        }
        let n = r.limit();
        let n = n.defined_by::<tfl::Cast>().map(|c| c.input()).filter(|i| ty(*i).elem == ElemTy::I(32)).unwrap_or(n);
        return (ty(n).elem == ElemTy::I(32)).then_some((DimSource::Size(n), 0));
    }
    if let Some(p) = op.cast::<tfl::Reshape>().and_then(|r| concat_piece(r.shape(), d)) {
        // A run-time shape gives the size outright.
        return Some((DimSource::Size(p), d));
    }
    if let Some(r) = op.cast::<tfl::Reshape>() {
        // One unknown dim on each side and the same static elements: the same size.
        let x = r.input();
        let (xd, vd) = (ty(x).dims().to_vec(), vt.dims().to_vec());
        let unknown = |dims: &[i64]| dims.iter().filter(|&&n| n < 0).count();
        let known = |dims: &[i64]| dims.iter().filter(|&&n| n >= 0).product::<i64>();
        if unknown(&xd) == 1 && unknown(&vd) == 1 && known(&xd) == known(&vd) && known(&xd) > 0 {
            let e = xd.iter().position(|&n| n < 0)?;
            return Some((DimSource::Value(x), e));
        }
        return None;
    }
    if let Some(sl) = op.cast::<tfl::Slice>() {
        // Taken whole from 0 (size -1): the operand's dim.
        let (b, n) = (sl.begin().const_ints()?, sl.size().const_ints()?);
        let x = sl.input();
        return (b.get(d) == Some(&0) && n.get(d) == Some(&-1) && same_dim(x, d)).then_some((DimSource::Value(x), d));
    }
    if op.isa::<tfl::FullyConnected>() && op.bool_attr("keep_num_dims") == Some(true) {
        let x = op.operand(0);
        return (d + 1 < rank && same_dim(x, d)).then_some((DimSource::Value(x), d));
    }
    None
}

/// The 0-d int32 value that is element `i` of the 1-D int32 `v` when `v` is a
/// concatenation of one-element pieces (a run-time shape as the importer builds it):
/// the scalar a piece reshapes, or a constant piece's value is not returned (the
/// caller folds constants itself).
fn concat_piece(v: Value<'_>, i: usize) -> Option<Value<'_>> {
    let c = v.defined_by::<tfl::Concatenation>()?;
    if c.op().int_attr("axis") != Some(0) {
        return None;
    }
    let mut at = 0usize;
    for p in c.op().operands() {
        let n = *ty(p).dims().first()?;
        if n < 0 {
            return None;
        }
        if i < at + n as usize {
            if n != 1 || ty(p).elem != ElemTy::I(32) {
                return None;
            }
            // reshape(s : tensor<i32>) -> tensor<1xi32>
            let r = p.defined_by::<tfl::Reshape>()?;
            let s = r.input();
            return (ty(s).dims().is_empty() && ty(s).elem == ElemTy::I(32) && s.const_ints().is_none()).then_some(s);
        }
        at += n as usize;
    }
    None
}

/// Element `i` of the 1-D int32 `v` as a 0-d value (`strided_slice` that shrinks the
/// axis); a constant when `v` is one.
pub(super) fn element<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, i: i64) -> Value<'c> {
    if let Some(vals) = v.const_ints().filter(|c| c.len() as i64 > i) {
        return scalar_i32(rw, anchor, vals[i as usize]);
    }
    if let Some(s) = usize::try_from(i).ok().and_then(|i| concat_piece(v, i)) {
        return s;
    }
    // One slice per element: reuse one made before `anchor`.
    for user in v.users() {
        let earlier = user.block() == anchor.block() && user.is_before_in_block(anchor);
        if earlier && size_read(user.result(0)).is_some_and(|(_, e)| e as i64 == i) && user.operand(0) == v {
            return user.result(0);
        }
    }
    let (b, e, s) = (i32_const(rw, anchor, &[i]), i32_const(rw, anchor, &[i + 1]), i32_const(rw, anchor, &[1]));
    let attrs = strided_slice_masks(anchor.context(), 0, 0, 1);
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
        if xe != x {
            // Same type: the reshape / transpose is the whole result.
            return Ok(xe.defining_op().filter(|d| d.result(0).same_type(op.result(0))));
        }
        // Nothing to broadcast: a reshape to the operand's own shape (tfl-optimize drops
        // it where one unknown dim at most leaves no doubt).
        let shape = match reshape_const_shape(out.dims()) {
            Some(c) => i32_const(rw, op, &c),
            None => shape_of(rw, op, x),
        };
        return Ok(Some(tfl::Reshape::build(rw, &[op.result(0).raw_type()], x, shape).create().op()));
    }
    let target = if out.is_static() {
        i32_const(rw, op, out.dims())
    } else {
        // The static dims, and the operand's own sizes at the unknown ones, joined by a
        // concatenation: ops LiteRT evaluates when it allocates tensors, so the result
        // is sized then.
        let mut parts = Vec::new();
        for (i, &n) in out.dims().iter().enumerate() {
            if n >= 0 {
                parts.push(i32_const(rw, op, &[n]));
                continue;
            }
            let size = dim_size(rw, op, xe, i);
            let piece = p_reshape_1(rw, op, size);
            parts.push(piece);
        }
        let rank = out.dims().len() as i64;
        let attrs = [("axis", i32_attr(op, 0)), ("fused_activation_function", rw.context().string_attr("NONE"))];
        emit(rw, op, tfl::Concatenation::NAME, &parts, tensor_type(&[rank], i32_type(op)), &attrs)
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

/// `real_dynamic_slice(x, start, limit, strides)`: `tfl.strided_slice` with the
/// run-time (int32) bounds.
pub(super) fn real_dynamic_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    let x = op.operand(0);
    if let Some((begin, size)) = whole_or_constant_bounds(op) {
        let (b, n) = (i32_const(rw, op, &begin), i32_const(rw, op, &size));
        return Ok(Some(rw.create(tfl::Slice::NAME, &[x, b, n], &op.result_types(), &[])));
    }
    let b = as_i32(rw, op, op.operand(1))?;
    let e = as_i32(rw, op, op.operand(2))?;
    let s = as_i32(rw, op, op.operand(3))?;
    let attrs = strided_slice_masks(op.context(), 0, 0, 0);
    Ok(Some(rw.create(tfl::StridedSlice::NAME, &[x, b, e, s], &op.result_types(), &attrs)))
}

/// The constant `(begin, size)` of `tfl.slice` for a `real_dynamic_slice` whose strides
/// are 1 and whose every dim starts at a constant and ends at a constant or at the
/// operand's own size (the importer's full dims, read at run time): size -1 there
/// ("to the end"), so no shape arithmetic is left.
fn whole_or_constant_bounds(op: Op<'_>) -> Option<(Vec<i64>, Vec<i64>)> {
    let x = op.operand(0);
    let rank = ty(x).dims().len();
    let (mut begin, mut size) = (Vec::with_capacity(rank), Vec::with_capacity(rank));
    for i in 0..rank {
        let (b, l, st) = (piece(op.operand(1), i)?, piece(op.operand(2), i)?, piece(op.operand(3), i)?);
        let (Piece::Const(b), Piece::Const(1)) = (b, st) else { return None };
        match l {
            Piece::Const(l) if l >= b => size.push(l - b),
            Piece::Size(y, e) if same_dim_size(x, i, y, e) => size.push(-1),
            _ => return None,
        }
        if b < 0 {
            return None;
        }
        begin.push(b);
    }
    Some((begin, size))
}

/// What element `i` of a 1-D integer shape value is known to be.
pub(crate) enum Piece<'c> {
    Const(i64),
    /// The size of dim `.1` of `.0`.
    Size(Value<'c>, usize),
}

/// Element `i` of `v`: a constant, or the size a piece of a concatenation reads from a
/// `tfl.shape` (see `element`).
pub(crate) fn piece(v: Value<'_>, i: usize) -> Option<Piece<'_>> {
    let v = match v.defining_op().filter(|c| c.isa::<tfl::Cast>()) {
        Some(c) => c.operand(0),
        None => v,
    };
    if let Some(c) = v.const_ints() {
        return c.get(i).map(|&n| Piece::Const(n));
    }
    let c = v.defined_by::<tfl::Concatenation>()?;
    let mut at = 0usize;
    for p in c.op().operands() {
        let n = usize::try_from(*ty(p).dims().first()?).ok()?;
        if i < at + n {
            if let Some(k) = p.const_ints() {
                return k.get(i - at).map(|&n| Piece::Const(n));
            }
            // A one-element piece: reshape(s : tensor<i32>).
            let s = p.defined_by::<tfl::Reshape>().map(|r| r.input()).filter(|s| ty(*s).dims().is_empty() && n == 1)?;
            if let Some(n) = scalar_const(s, 8) {
                return Some(Piece::Const(n));
            }
            let (y, e) = size_read(s)?;
            return Some(Piece::Size(y, e));
        }
        at += n;
    }
    None
}

/// The value of a 0-d integer computed from constants by add, sub and mul (the
/// importer's `0 + 1` bounds, not yet folded while legalizing).
fn scalar_const(v: Value<'_>, depth: usize) -> Option<i64> {
    if let Some(c) = v.const_ints() {
        return (c.len() == 1).then(|| c[0]);
    }
    let op = v.defining_op().filter(|_| depth > 0 && ty(v).dims().is_empty())?;
    let fused_none = op.str_attr("fused_activation_function").is_none_or(|a| a == "NONE");
    let (a, b) = (scalar_const(op.try_operand(0)?, depth - 1)?, scalar_const(op.try_operand(1)?, depth - 1)?);
    if !fused_none {
        return None;
    }
    match op.name() {
        n if n == tfl::Add::NAME => a.checked_add(b),
        n if n == tfl::Sub::NAME => a.checked_sub(b),
        n if n == tfl::Mul::NAME => a.checked_mul(b),
        _ => None,
    }
}

/// `(y, e)` when the 0-d `s` is `tfl.shape(y)[e]` (the strided slice `element` makes).
fn size_read(s: Value<'_>) -> Option<(Value<'_>, usize)> {
    let sl = s.defined_by::<tfl::StridedSlice>()?;
    let shape = sl.input().defined_by::<tfl::Shape>()?;
    let (b, e, st) = (sl.begin().const_ints()?, sl.end().const_ints()?, sl.strides().const_ints()?);
    let masks_clear = ["begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask"].iter().all(|m| sl.op().int_attr(m).unwrap_or(0) == 0);
    let one = b.len() == 1 && e == [b[0] + 1] && st == [1] && sl.op().int_attr("shrink_axis_mask") == Some(1);
    (masks_clear && one && b[0] >= 0).then(|| (shape.input(), b[0] as usize))
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

/// A 0-d int32 size as the one-element 1-D piece of a shape (`tfl.reshape` to `[1]`,
/// reusing one made before `anchor`).
fn p_reshape_1<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, s: Value<'c>) -> Value<'c> {
    for user in s.users() {
        let earlier = user.block() == anchor.block() && user.is_before_in_block(anchor);
        if earlier && user.isa::<tfl::Reshape>() && ty(user.result(0)).dims() == [1] {
            return user.result(0);
        }
    }
    let one = i32_const(rw, anchor, &[1]);
    tfl::Reshape::build(rw, &[tensor_type(&[1], i32_type(anchor))], s, one).create().output()
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

// ---- stablehlo.dynamic_conv -------------------------------------------------------

/// `dynamic_conv(x, w, padding)` (JAX's SAME with strides over unknown sizes computes
/// the padding at run time): `x` padded with zeros by the run-time padding rows (a
/// `tfl.pad` whose paddings put `[0, 0]` at the batch and feature dims), then the same
/// `stablehlo.convolution` without padding, which the pass converts next. Input
/// dilation (a transposed convolution) is not matched: its padding applies to the
/// dilated input.
pub(super) fn dynamic_conv<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Built<'c> {
    use edge_dialects::stablehlo::attrs::ConvDims;
    let (x, w, padding) = (op.operand(0), op.operand(1), op.operand(2));
    let Some(dn) = op.attr("dimension_numbers") else { return Ok(None) };
    let dn = ConvDims::from_attr(&dn).map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let rank = ty(x).dims().len();
    let spatial = dn.input_spatial.len();
    let unit = |n: &str| op.ints_attr(n).is_none_or(|v| v.iter().all(|&d| d == 1));
    let reversed = op.ints_attr("window_reversal").is_some_and(|v| v.iter().any(|&d| d != 0));
    if !unit("lhs_dilation") || reversed || ty(padding).dims() != [spatial as i64, 2] || rank != spatial + 2 {
        return Ok(None);
    }
    let pad = as_i32(rw, op, padding)?;
    // One [1, 2] row per dim of x, in x's dim order.
    let i32t = i32_type(op);
    let mut rows = Vec::with_capacity(rank);
    for d in 0..rank as i64 {
        let row = match dn.input_spatial.iter().position(|&s| s == d) {
            Some(j) => {
                let (b, n) = (i32_const(rw, op, &[j as i64, 0]), i32_const(rw, op, &[1, 2]));
                emit(rw, op, tfl::Slice::NAME, &[pad, b, n], tensor_type(&[1, 2], i32t), &[])
            }
            None => {
                let attr = rw.context().dense_i32(&[1, 2], &[0, 0]);
                super::stablehlo_to_tfl::const_attr(rw, op, attr)
            }
        };
        rows.push(row);
    }
    let none = ("fused_activation_function", rw.context().string_attr("NONE"));
    let axis = ("axis", i32_attr(op, 0));
    let paddings = emit(rw, op, tfl::Concatenation::NAME, &rows, tensor_type(&[rank as i64, 2], i32t), &[axis, none]);
    let mut padded_dims = ty(x).dims().to_vec();
    for &d in &dn.input_spatial {
        padded_dims[d as usize] = -1;
    }
    let padded = emit(rw, op, tfl::Pad::NAME, &[x, paddings], x.raw_type().with_shape(&padded_dims), &[]);
    // The convolution of the padded input, every attribute kept but the padding.
    let attrs: Vec<(String, Attribute<'c>)> = op.attrs().into_iter().filter(|(n, _)| n != "padding" && n != "window_reversal").collect();
    let refs: Vec<(&str, Attribute<'c>)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    Ok(Some(rw.create(hlo::Convolution::NAME, &[padded, w], &op.result_types(), &refs)))
}

/// The `DynamicConvToPadConvolution` rewrite: the stablehlo.convolution made replaces the
/// op (a StableHLO op, not checked against the TFL catalog: the pass converts it next).
pub(super) fn dynamic_conv_rule<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    match dynamic_conv(op, rw) {
        Ok(Some(conv)) => {
            rw.replace_op_with(op, conv);
            true
        }
        Ok(None) => false,
        Err(e) => {
            rw.notify_match_failure(op, e);
            false
        }
    }
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
    if !ins.iter().all(|&v| ty(v).elem == ElemTy::I(64) && is_shape_value(v)) {
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

//! `tfl-simplify-shapes`: shrinks the run-time shape arithmetic of models with unknown
//! dims. Legalization computes each shape where it is needed (`tfl.shape`, a slice per
//! size, reshapes to `[1]`, a concatenation), so a layer reads the same size several
//! times and sizes travel through casts LiteRT cannot evaluate before running.
//!
//! That matters beyond the op count: LiteRT sizes every tensor when tensors are
//! allocated only if each shape operand is a constant or was computed then. SHAPE,
//! STRIDED_SLICE, SLICE, CONCATENATION, PACK, RESHAPE and MUL compute such values
//! early (checked in LiteRT 2.3); CAST, ADD, SUB, FLOOR_DIV, MAXIMUM and GATHER do not,
//! and one RANGE over a cast size makes every tensor after it dynamic: re-planned on
//! each invoke and kept out of XNNPACK.
//!
//!   %s = "tfl.shape"(%x)                          %s = "tfl.shape"(%x)
//!   %n = "tfl.strided_slice"(%s, [1], [2]) shrink  %n1 = "tfl.strided_slice"(%s, [1], [2])
//!   %n1 = "tfl.reshape"(%n, [1])             ->    (and one of each, however many read it)
//!   %m = "tfl.strided_slice"(%s, [1], [2]) shrink
//!
//! Identical shape ops are merged first (same operands and attributes; every op here is
//! pure). After the patterns, values computed from positions `range(0, n)` only (a
//! causal mask spelled out) become slices of constant tables at the inputs' recorded
//! maximum sizes (`range_table.rs`). Patterns (`<Op><Effect>`):
//! - on `tfl.reshape`: ReshapeShrunkSliceToSlice (`reshape(slice(v){shrink}, [1])` is the
//!   slice without shrink), ReshapeToOwnShape (`reshape(x, shape(x))` is `x`),
//!   ReshapeRank1Identity (1-D to 1-D), ReshapeRuntimeShapeToConstant (a result type
//!   with at most one unknown dim needs no run-time shape: -1 stands for it);
//! - on `tfl.concatenation`: ConcatenationSingleOperand, ConcatenationAdjacentSlices
//!   (slices of one vector that follow each other are one slice; all of `shape(x)` is
//!   `shape(x)`);
//! - on `tfl.strided_slice`: StridedSliceOfReshapedScalar (`slice(reshape(s, [1]))[0]`
//!   is `s`), StridedSliceOfSlice (one slice), StridedSliceOfConcatenationPiece (a range
//!   inside one piece slices that piece), StridedSliceOfStaticShape (sizes of
//!   `shape(x)` that the type knows);
//! - on `tfl.broadcast_to`: BroadcastToOwnShape;
//! - on `tfl.cast`: CastRoundTrip (`i32 -> i64 -> i32` is the i32 value);
//! - on `tfl.range`: RangeOfCastsInI32 (an i64 range of i32 sizes is a cast of an i32
//!   range: the range's size is then known when tensors are allocated);
//! - on `tfl.gather`: GatherIndicesCastFromI32 (gather takes i32 indices itself),
//!   GatherOfRangeToSlice (`gather(w, range(0, n, 1))` on axis 0 is `w[:n]`);
//! - on `tfl.select_v2`: SelectOfTruncatedDivisionToFloorDiv (JAX's integer floor
//!   division of sizes, `q = x / y` minus 1 where the signs differ and the truncated
//!   remainder is not 0, spelled out in 16 ops, is `floor_div(x, y)`);
//! - on `tfl.slice`: SliceToStridedSlice (LiteRT's SLICE of a value with an unknown dim,
//!   or with a run-time size, is re-sized at every invoke even when its bounds are
//!   known early; the same STRIDED_SLICE is sized at allocation).

use crate::constant::{insert_i32, read};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter, Type, Value};
use edge_dialects::tfl::op as tfl;
use std::collections::HashMap;
use std::sync::LazyLock;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-simplify-shapes",
    summary: "Merge and fold run-time shape computations (models with unknown dims), so LiteRT sizes tensors before running",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflSimplifyShapes))
}

const PATTERNS: &[Pattern] = &[
    // ---- tfl.reshape ------------------------------------------------------------
    Pattern::new("ReshapeToOwnShape", tfl::Reshape::NAME, reshape_to_own_shape).with_benefit(3),
    Pattern::new("ReshapeShrunkSliceToSlice", tfl::Reshape::NAME, reshape_shrunk_slice_to_slice).with_benefit(2),
    Pattern::new("ReshapeRank1Identity", tfl::Reshape::NAME, reshape_rank1_identity).with_benefit(2),
    Pattern::new("ReshapeRuntimeShapeToConstant", tfl::Reshape::NAME, reshape_runtime_shape_to_constant).with_benefit(1),
    // ---- tfl.concatenation ------------------------------------------------------
    Pattern::new("ConcatenationSingleOperand", tfl::Concatenation::NAME, concatenation_single_operand).with_benefit(2),
    Pattern::new("ConcatenationAdjacentSlices", tfl::Concatenation::NAME, concatenation_adjacent_slices).with_benefit(1),
    // ---- tfl.strided_slice ------------------------------------------------------
    Pattern::new("StridedSliceOfReshapedScalar", tfl::StridedSlice::NAME, strided_slice_of_reshaped_scalar).with_benefit(2),
    Pattern::new("StridedSliceOfSlice", tfl::StridedSlice::NAME, strided_slice_of_slice).with_benefit(2),
    Pattern::new("StridedSliceOfConcatenationPiece", tfl::StridedSlice::NAME, strided_slice_of_concatenation_piece).with_benefit(2),
    Pattern::new("StridedSliceOfStaticShape", tfl::StridedSlice::NAME, strided_slice_of_static_shape).with_benefit(1),
    // ---- tfl.broadcast_to -------------------------------------------------------
    Pattern::new("BroadcastToOwnShape", tfl::BroadcastTo::NAME, broadcast_to_own_shape),
    // ---- tfl.cast -----------------------------------------------------------------
    Pattern::new("CastRoundTrip", tfl::Cast::NAME, cast_round_trip),
    // ---- tfl.range ----------------------------------------------------------------
    Pattern::new("RangeOfCastsInI32", tfl::Range::NAME, range_of_casts_in_i32),
    // ---- tfl.gather ---------------------------------------------------------------
    Pattern::new("GatherOfRangeToSlice", tfl::Gather::NAME, gather_of_range_to_slice).with_benefit(2),
    Pattern::new("GatherIndicesCastFromI32", tfl::Gather::NAME, gather_indices_cast_from_i32).with_benefit(1),
    // ---- tfl.slice ------------------------------------------------------------------
    Pattern::new("SliceToStridedSlice", tfl::Slice::NAME, slice_to_strided_slice),
    // ---- tfl.select_v2 --------------------------------------------------------------
    Pattern::new("SelectOfTruncatedDivisionToFloorDiv", tfl::SelectV2::NAME, select_of_truncated_division_to_floor_div),
];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));

struct TflSimplifyShapes;

impl Pass for TflSimplifyShapes {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        let Some(body) = func.body() else { return Ok(false) };
        // A static model has no unknown dims and no shape computations: nothing here
        // may touch it.
        let unknown = |v: Value<'_>| v.ty().dims().iter().any(|&d| d < 0);
        let dynamic = body.arguments().into_iter().any(unknown)
            || body.ops().iter().any(|op| op.isa::<tfl::Shape>() || (0..op.num_results()).any(|i| unknown(op.result(i))));
        if !dynamic {
            return Ok(false);
        }
        merge_identical_shape_ops(func, &mut rw);
        run_patterns(INFO.name, func, &PATTERN_SET, GreedyConfig::default(), &mut rw)?;
        // Position-only values (a causal mask spelled out) become slices of tables; the
        // sizes their ends read are merged and folded next.
        if crate::range_table::fold_range_tables(func, &mut rw) {
            rw.erase_dead_ops(func);
            run_patterns(INFO.name, func, &PATTERN_SET, GreedyConfig::default(), &mut rw)?;
        }
        merge_identical_shape_ops(func, &mut rw);
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

/// Ops merged when identical: the ones shape computations are made of.
fn is_shape_op(op: Op<'_>) -> bool {
    let shape_kind = op.isa::<tfl::Shape>()
        || op.isa::<tfl::StridedSlice>()
        || op.isa::<tfl::Slice>()
        || op.isa::<tfl::Reshape>()
        || op.isa::<tfl::Concatenation>()
        || op.isa::<tfl::Pack>()
        || op.isa::<tfl::Cast>()
        || op.isa::<tfl::Mul>()
        || op.isa::<tfl::Add>()
        || op.isa::<tfl::Sub>()
        || op.isa::<tfl::FloorDiv>()
        || op.isa::<tfl::Range>();
    shape_kind && op.num_results() == 1 && {
        let t = op.result(0).ty();
        matches!(t.elem, ElemTy::I(32) | ElemTy::I(64)) && t.dims().len() <= 1
    }
}

/// Replaces each shape op by the first identical one before it (same name, operands,
/// attributes and result type); all of them are pure.
fn merge_identical_shape_ops<'c>(func: Op<'c>, rw: &mut Rewriter<'c>) {
    let Some(body) = func.body() else { return };
    let mut seen: HashMap<String, Op<'c>> = HashMap::new();
    for op in body.ops() {
        if !is_shape_op(op) {
            continue;
        }
        let operands: Vec<String> = op.operands().iter().map(|v| value_key(*v)).collect();
        let mut attrs: Vec<String> = op.attrs().into_iter().map(|(k, a)| format!("{k}={}", a.print())).collect();
        attrs.sort();
        let key = format!("{}({}){{{}}}:{}", op.name(), operands.join(","), attrs.join(","), op.result(0).raw_type().print());
        match seen.get(&key) {
            Some(&first) => rw.replace_op(op, &[first.result(0)]),
            None => {
                seen.insert(key, op);
            }
        }
    }
}

/// An identity for a value: its defining op and result number, or its block argument.
fn value_key(v: Value<'_>) -> String {
    match v.defining_op() {
        Some(op) => {
            // Constants are compared by value: legalization makes one per use.
            if let Some(c) = read(v) {
                if c.num_elements() <= 64 {
                    return format!("const:{:?}:{:?}:{:?}", c.elem, c.shape, c.bytes);
                }
            }
            format!("op{:x}#{}", op.to_raw().ptr as usize, v.result_number().unwrap_or(0))
        }
        None => format!("arg{}", v.arg_number().unwrap_or(usize::MAX)),
    }
}

fn i32_type<'c>(like: Value<'c>, shape: &[i64]) -> Type<'c> {
    like.context().integer(32).tensor(shape)
}

/// A unit-stride strided slice of a 1-D value with constant bounds and no masks other
/// than shrink: `(input, begin, end, shrink)`.
fn simple_slice(v: Value<'_>) -> Option<(Value<'_>, i64, i64, bool)> {
    let s = v.defined_by::<tfl::StridedSlice>()?;
    let input = s.input();
    if input.ty().dims().len() != 1 {
        return None;
    }
    let masks = [s.begin_mask(), s.end_mask(), s.ellipsis_mask(), s.new_axis_mask()];
    if masks.iter().any(|m| m.unwrap_or(0) != 0) || s.offset().unwrap_or(false) {
        return None;
    }
    let (b, e, st) = (s.begin().const_ints()?, s.end().const_ints()?, s.strides().const_ints()?);
    if b.len() != 1 || e.len() != 1 || st != [1] {
        return None;
    }
    let n = input.ty().dims()[0];
    let (b, e) = (b[0], e[0]);
    if b < 0 || e <= b || (n >= 0 && e > n) {
        return None;
    }
    let shrink = s.shrink_axis_mask().unwrap_or(0);
    if shrink & !1 != 0 || (shrink == 1 && e != b + 1) {
        return None;
    }
    Some((input, b, e, shrink == 1))
}

/// A `tfl.strided_slice` whose only masks are `end_mask` and `shrink` (axis 0).
#[allow(clippy::too_many_arguments)]
fn strided_slice<'c>(
    rw: &mut Rewriter<'c>,
    ty: Type<'c>,
    input: Value<'c>,
    begin: Value<'c>,
    end: Value<'c>,
    strides: Value<'c>,
    end_mask: i64,
    shrink: bool,
    offset: bool,
) -> Value<'c> {
    tfl::StridedSlice::build(rw, &[ty], input, begin, end, strides)
        .begin_mask(0)
        .end_mask(end_mask)
        .ellipsis_mask(0)
        .new_axis_mask(0)
        .shrink_axis_mask(shrink as i64)
        .offset(offset)
        .create()
        .output()
}

/// `input[begin:end]` as a new unit-stride strided slice (1-D, no shrink).
fn build_slice<'c>(rw: &mut Rewriter<'c>, at: Op<'c>, input: Value<'c>, begin: i64, end: i64) -> Option<Value<'c>> {
    rw.set_insertion_before(at);
    let b = insert_i32(rw, &[begin]).ok()?;
    let e = insert_i32(rw, &[end]).ok()?;
    let one = insert_i32(rw, &[1]).ok()?;
    let ty = input.raw_type().with_shape(&[end - begin]);
    Some(strided_slice(rw, ty, input, b, e, one, 0, false, false))
}

/// `reshape(slice(v, [i], [i+1]){shrink}, [1])` -> `slice(v, [i], [i+1])`.
fn reshape_shrunk_slice_to_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(r) = op.cast::<tfl::Reshape>() else { return false };
    if r.output().ty().dims() != [1] {
        return false;
    }
    let Some((input, b, e, true)) = simple_slice(r.input()) else { return false };
    if input.elem() != r.output().elem() {
        return false;
    }
    let Some(s) = build_slice(rw, op, input, b, e) else { return false };
    rw.replace_op(op, &[s]);
    true
}

/// `reshape(x, shape(x))` -> `x`.
fn reshape_to_own_shape<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(r) = op.cast::<tfl::Reshape>() else { return false };
    let Some(s) = r.shape().defined_by::<tfl::Shape>() else { return false };
    if s.input() != r.input() || !r.input().same_type(r.output()) {
        return false;
    }
    rw.replace_op(op, &[r.input()]);
    true
}

/// A reshape whose result has at most one unknown dim takes a constant shape, -1 there.
fn reshape_runtime_shape_to_constant<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(r) = op.cast::<tfl::Reshape>() else { return false };
    if r.shape().const_ints().is_some() || read(r.shape()).is_some() {
        return false;
    }
    let out = r.output().ty();
    let Some(dims) = out.rank().map(|_| out.dims().to_vec()) else { return false };
    if dims.iter().filter(|&&d| d < 0).count() > 1 || dims.is_empty() {
        return false;
    }
    let shape: Vec<i64> = dims.iter().map(|&d| if d < 0 { -1 } else { d }).collect();
    rw.set_insertion_before(op);
    let Ok(c) = insert_i32(rw, &shape) else { return false };
    rw.set_operand(op, 1, c);
    true
}

/// `concatenation(x)` -> `x`.
fn concatenation_single_operand<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(c) = op.cast::<tfl::Concatenation>() else { return false };
    let values = c.values();
    if values.len() != 1 || !values[0].same_type(c.output()) || c.fused_activation_function().is_some_and(|f| f != "NONE") {
        return false;
    }
    rw.replace_op(op, &[values[0]]);
    true
}

/// Adjacent pieces `v[a:b]`, `v[b:c]` of a 1-D concatenation become `v[a:c]`; the whole
/// of a vector is the vector.
fn concatenation_adjacent_slices<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(c) = op.cast::<tfl::Concatenation>() else { return false };
    if c.output().ty().dims().len() != 1 || c.fused_activation_function().is_some_and(|f| f != "NONE") {
        return false;
    }
    let values = c.values();
    // Runs of slices of one vector, each starting where the previous ended.
    let mut pieces: Vec<(Value<'c>, Option<(Value<'c>, i64, i64)>)> = Vec::new();
    let mut merged = false;
    for v in values {
        let slice = simple_slice(v).filter(|s| !s.3).map(|(input, b, e, _)| (input, b, e));
        if let (Some((input, b, e)), Some((_, Some((pin, pb, pe))))) = (slice, pieces.last()) {
            if input == *pin && b == *pe {
                let start = *pb;
                let last = pieces.last_mut().expect("checked");
                last.1 = Some((input, start, e));
                merged = true;
                continue;
            }
        }
        pieces.push((v, slice));
    }
    if !merged {
        return false;
    }
    let mut operands = Vec::with_capacity(pieces.len());
    for (v, slice) in pieces {
        match slice {
            Some((input, b, e)) if input.ty().dims() == [e - b] && b == 0 => operands.push(input),
            Some((input, b, e)) if v.ty().dims() != [e - b] => {
                let Some(s) = build_slice(rw, op, input, b, e) else { return false };
                operands.push(s);
            }
            _ => operands.push(v),
        }
    }
    if operands.len() == 1 && operands[0].same_type(c.output()) {
        rw.replace_op(op, &[operands[0]]);
        return true;
    }
    rw.set_insertion_before(op);
    let ty = c.output().raw_type();
    let new = tfl::Concatenation::build(rw, &[ty], &operands).axis(0).fused_activation_function("NONE").create();
    rw.replace_op(op, &[new.output()]);
    true
}

/// `slice(reshape(s, [1]), [0], [1]){shrink}` -> `s` (a 0-d size).
fn strided_slice_of_reshaped_scalar<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some((input, 0, 1, true)) = simple_slice(op.result(0)) else { return false };
    let Some(r) = input.defined_by::<tfl::Reshape>() else { return false };
    let s = r.input();
    if !s.ty().dims().is_empty() || s.elem() != op.result(0).elem() || s.ty().rank().is_none() {
        return false;
    }
    rw.replace_op(op, &[s]);
    true
}

/// Sizes of `shape(x)` that `x`'s type knows are constants.
fn strided_slice_of_static_shape<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some((input, b, e, shrink)) = simple_slice(op.result(0)) else { return false };
    let Some(s) = input.defined_by::<tfl::Shape>() else { return false };
    let dims = s.input().ty().dims().to_vec();
    if s.input().ty().rank().is_none() || e as usize > dims.len() || input.elem() != ElemTy::I(32) {
        return false;
    }
    let known = &dims[b as usize..e as usize];
    if known.iter().any(|&d| d < 0) {
        return false;
    }
    rw.set_insertion_before(op);
    let Ok(c) = insert_i32(rw, known) else { return false };
    let c = if shrink {
        let ty = i32_type(input, &[]);
        let Ok(scalar) = insert_i32(rw, &[]) else { return false };
        tfl::Reshape::build(rw, &[ty], c, scalar).create().output()
    } else {
        c
    };
    rw.replace_op(op, &[c]);
    true
}

/// `broadcast_to(x, shape(x))` -> `x`.
fn broadcast_to_own_shape<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(b) = op.cast::<tfl::BroadcastTo>() else { return false };
    let Some(s) = b.shape().defined_by::<tfl::Shape>() else { return false };
    if s.input() != b.input() || !b.input().same_type(b.output()) {
        return false;
    }
    rw.replace_op(op, &[b.input()]);
    true
}

/// `cast(cast(x: i32 -> i64) -> i32)` -> `x`: sizes fit either way.
fn cast_round_trip<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(c) = op.cast::<tfl::Cast>() else { return false };
    let Some(inner) = c.input().defined_by::<tfl::Cast>() else { return false };
    let x = inner.input();
    if x.elem() != ElemTy::I(32) || c.input().elem() != ElemTy::I(64) || !x.same_type(c.output()) {
        return false;
    }
    rw.replace_op(op, &[x]);
    true
}

/// The i32 value `v` holds when it is a cast of an i32 value or an i32-sized constant.
fn as_i32<'c>(rw: &mut Rewriter<'c>, v: Value<'c>) -> Option<Value<'c>> {
    if let Some(c) = v.defined_by::<tfl::Cast>() {
        return (c.input().elem() == ElemTy::I(32) && c.input().ty().dims().is_empty()).then(|| c.input());
    }
    let c = read(v)?;
    let ints = c.ints()?;
    if ints.len() != 1 || !c.shape.is_empty() {
        return None;
    }
    let value = i32::try_from(ints[0]).ok()?;
    let k = crate::constant::ConstTensor::from_i32(vec![], &[value as i64]).ok()?;
    Some(crate::constant::insert(rw, &k))
}

/// `range(a, b, c)` in i64 over i32 sizes -> `cast(range(a, b, c) in i32)`: LiteRT
/// sizes an i32 range of sizes computed early, never one behind a CAST.
fn range_of_casts_in_i32<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(r) = op.cast::<tfl::Range>() else { return false };
    if r.result().elem() != ElemTy::I(64) {
        return false;
    }
    // A constant range folds; this is for ranges of run-time sizes.
    if [r.start(), r.limit(), r.delta()].iter().all(|v| read(*v).is_some()) {
        return false;
    }
    rw.set_insertion_before(op);
    let (Some(a), Some(b), Some(c)) = (as_i32(rw, r.start()), as_i32(rw, r.limit()), as_i32(rw, r.delta())) else {
        return false;
    };
    let dims = r.result().ty().dims().to_vec();
    let ty = i32_type(a, &dims);
    let range = tfl::Range::build(rw, &[ty], a, b, c).create();
    let cast = tfl::Cast::build(rw, &[r.result().raw_type()], range.result()).create();
    rw.replace_op(op, &[cast.output()]);
    true
}

/// `gather(w, cast(i: i32 -> i64))` -> `gather(w, i)`.
fn gather_indices_cast_from_i32<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(g) = op.cast::<tfl::Gather>() else { return false };
    let Some(c) = g.indices().defined_by::<tfl::Cast>() else { return false };
    if c.input().elem() != ElemTy::I(32) || g.indices().elem() != ElemTy::I(64) {
        return false;
    }
    rw.set_operand(op, 1, c.input());
    true
}

/// `gather(w, range(0, n, 1))` on axis 0 -> `slice(w, 0, [n, -1, ...])`: the first `n`
/// rows (positional embeddings of a sequence of run-time length).
fn gather_of_range_to_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(g) = op.cast::<tfl::Gather>() else { return false };
    if g.axis().unwrap_or(0) != 0 || op.int_attr("batch_dims").unwrap_or(0) != 0 {
        return false;
    }
    let mut idx = g.indices();
    if let Some(c) = idx.defined_by::<tfl::Cast>() {
        idx = c.input();
    }
    let Some(r) = idx.defined_by::<tfl::Range>() else { return false };
    if r.result().elem() != ElemTy::I(32) || r.result().ty().dims().len() != 1 {
        return false;
    }
    let zero_start = read(r.start()).and_then(|c| c.ints()).is_some_and(|v| v == [0]);
    let unit_step = read(r.delta()).and_then(|c| c.ints()).is_some_and(|v| v == [1]);
    let w = g.params();
    let rank = w.ty().dims().len();
    if !zero_start || !unit_step || rank == 0 || r.limit().ty().dims().len() != 0 || r.limit().elem() != ElemTy::I(32) {
        return false;
    }
    rw.set_insertion_before(op);
    let Ok(begin) = insert_i32(rw, &vec![0; rank]) else { return false };
    let Ok(one) = insert_i32(rw, &[1]) else { return false };
    let n1 = tfl::Reshape::build(rw, &[i32_type(w, &[1])], r.limit(), one).create().output();
    let size = if rank == 1 {
        n1
    } else {
        let Ok(rest) = insert_i32(rw, &vec![-1; rank - 1]) else { return false };
        tfl::Concatenation::build(rw, &[i32_type(w, &[rank as i64])], &[n1, rest]).axis(0).fused_activation_function("NONE").create().output()
    };
    let s = tfl::Slice::build(rw, &[g.output().raw_type()], w, begin, size).create();
    rw.replace_op(op, &[s.output()]);
    true
}

/// `slice(x, begin, size)` over unknown dims or with a run-time size ->
/// `strided_slice(x, begin, begin + size)`, a size of -1 as an end mask bit. LiteRT's
/// SLICE sizes its result only when `x` has no unknown dim and `begin`/`size` are
/// constants (else the result, and every tensor computed from it, is re-sized at each
/// invoke); STRIDED_SLICE does with any input when its bounds are constants or were
/// computed at allocation. A run-time size is taken as the end where `begin` is 0; a
/// run-time begin with constant sizes is an `offset` slice (ends relative to begin).
fn slice_to_strided_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(sl) = op.cast::<tfl::Slice>() else { return false };
    let (x, out) = (sl.input(), sl.output());
    let rank = x.ty().dims().len();
    if x.ty().rank().is_none() || rank == 0 || rank > 5 {
        return false;
    }
    let size_const = sl.size().const_ints();
    let Some(begin) = sl.begin().const_ints() else {
        // A run-time begin with constant sizes (a dynamic_slice): with `offset` the
        // ends are the sizes, so LiteRT sizes the result before it knows the begin.
        let Some(size) = size_const.filter(|n| n.len() == rank && n.iter().all(|&x| x >= 0)) else { return false };
        if sl.begin().elem() != ElemTy::I(32) || sl.begin().ty().dims() != [rank as i64] {
            return false;
        }
        rw.set_insertion_before(op);
        let (Ok(end), Ok(strides)) = (insert_i32(rw, &size), insert_i32(rw, &vec![1; rank])) else { return false };
        let new = strided_slice(rw, out.raw_type(), x, sl.begin(), end, strides, 0, false, true);
        rw.replace_op(op, &[new]);
        return true;
    };
    if begin.len() != rank || begin.iter().any(|&b| b < 0) {
        return false;
    }
    let dynamic_input = x.ty().dims().iter().any(|&d| d < 0);
    if size_const.is_some() && !dynamic_input {
        return false;
    }
    // End of each dim: a constant, the run-time size (begin 0), or to the end (mask).
    let mut end_mask = 0i64;
    let end = match size_const {
        Some(size) => {
            if size.len() != rank {
                return false;
            }
            let mut end = Vec::with_capacity(rank);
            for (i, (&b, &n)) in begin.iter().zip(&size).enumerate() {
                match n {
                    -1 => {
                        end_mask |= 1 << i;
                        end.push(0);
                    }
                    n if n >= 0 => end.push(b + n),
                    _ => return false,
                }
            }
            rw.set_insertion_before(op);
            let Ok(e) = insert_i32(rw, &end) else { return false };
            e
        }
        None => {
            // Only a concatenation of pieces whose constant elements are not -1 where
            // the begin is not 0 (then the piece is the end).
            if begin.iter().any(|&b| b != 0) || sl.size().ty().dims() != [rank as i64] || sl.size().elem() != ElemTy::I(32) {
                return false;
            }
            let Some(c) = sl.size().defined_by::<tfl::Concatenation>() else { return false };
            let mut pieces = Vec::new();
            let mut at = 0usize;
            rw.set_insertion_before(op);
            for p in c.values() {
                let Some(&n) = p.ty().dims().first() else { return false };
                if n < 0 || p.ty().dims().len() != 1 {
                    return false;
                }
                match p.const_ints() {
                    Some(vals) => {
                        let mut k = Vec::with_capacity(vals.len());
                        for (j, &v) in vals.iter().enumerate() {
                            if v == -1 {
                                end_mask |= 1 << (at + j);
                                k.push(0);
                            } else if v >= 0 {
                                k.push(v);
                            } else {
                                return false;
                            }
                        }
                        let Ok(kv) = insert_i32(rw, &k) else { return false };
                        pieces.push(kv);
                    }
                    None => pieces.push(p),
                }
                at += n as usize;
            }
            if at != rank {
                return false;
            }
            let ty = sl.size().raw_type();
            tfl::Concatenation::build(rw, &[ty], &pieces).axis(0).fused_activation_function("NONE").create().output()
        }
    };
    let Ok(b) = insert_i32(rw, &begin) else { return false };
    let Ok(strides) = insert_i32(rw, &vec![1; rank]) else { return false };
    let new = strided_slice(rw, out.raw_type(), x, b, end, strides, end_mask, false, false);
    rw.replace_op(op, &[new]);
    true
}

/// A reshape of a 1-D value to 1-D is that value.
fn reshape_rank1_identity<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(r) = op.cast::<tfl::Reshape>() else { return false };
    let (x, out) = (r.input(), r.output());
    if x.ty().dims().len() != 1 || out.ty().dims().len() != 1 || x.ty().rank().is_none() || x.elem() != out.elem() {
        return false;
    }
    // A static size on one side only: keep the reshape, it carries the type.
    if !x.same_type(out) && !(x.ty().dims()[0] < 0 && out.ty().dims()[0] < 0) {
        return false;
    }
    rw.replace_op(op, &[x]);
    true
}

/// `slice(slice(v, [a], [b]), [c], [d])` -> `slice(v, [a + c], [a + d])`.
fn strided_slice_of_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some((mid, c, d, shrink)) = simple_slice(op.result(0)) else { return false };
    let Some((v, a, _, false)) = simple_slice(mid) else { return false };
    let s = op.cast::<tfl::StridedSlice>().expect("simple_slice matched");
    rw.set_insertion_before(op);
    let (Ok(b), Ok(e)) = (insert_i32(rw, &[a + c]), insert_i32(rw, &[a + d])) else { return false };
    let new = strided_slice(rw, op.result(0).raw_type(), v, b, e, s.strides(), 0, shrink, false);
    rw.replace_op(op, &[new]);
    true
}

/// `slice(concatenation(p0, p1, ...), [a], [b])` where `[a, b)` lies inside one piece
/// of static length -> the slice of that piece.
fn strided_slice_of_concatenation_piece<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some((cat, a, b, shrink)) = simple_slice(op.result(0)) else { return false };
    let Some(c) = cat.defined_by::<tfl::Concatenation>() else { return false };
    if c.axis().unwrap_or(0) != 0 {
        return false;
    }
    let mut start = 0;
    for piece in c.values() {
        let dims = piece.ty().dims().to_vec();
        if dims.len() != 1 || dims[0] < 0 {
            return false;
        }
        let end = start + dims[0];
        if a >= start && b <= end {
            let s = op.cast::<tfl::StridedSlice>().expect("simple_slice matched");
            rw.set_insertion_before(op);
            let (Ok(bv), Ok(ev)) = (insert_i32(rw, &[a - start]), insert_i32(rw, &[b - start])) else { return false };
            let new = strided_slice(rw, op.result(0).raw_type(), piece, bv, ev, s.strides(), 0, shrink, false);
            rw.replace_op(op, &[new]);
            return true;
        }
        start = end;
    }
    false
}

/// The operands of `v`'s defining op `name` (one result, no fused activation).
fn operands_of<'c>(v: Value<'c>, name: &str) -> Option<Vec<Value<'c>>> {
    let d = v.defining_op().filter(|d| d.name() == name && d.num_results() == 1)?;
    d.str_attr("fused_activation_function").is_none_or(|a| a == "NONE").then(|| d.operands())
}

/// Whether `v` is a constant whose elements are all `n`.
fn is_splat(v: Value<'_>, n: i64) -> bool {
    crate::constant::read_compact(v).and_then(|c| c.ints()).is_some_and(|c| !c.is_empty() && c.iter().all(|&x| x == n))
}

/// The one integer of a constant `v`.
fn constant_int(v: Value<'_>) -> Option<i64> {
    crate::constant::read_compact(v).and_then(|c| c.ints()).and_then(|k| (k.len() == 1).then(|| k[0]))
}

/// `a != b` in either order.
fn not_equal_of<'c>(v: Value<'c>) -> Option<(Value<'c>, Value<'c>)> {
    let o = operands_of(v, tfl::NotEqual::NAME)?;
    Some((o[0], o[1]))
}

/// Whether `c` is `(sign(x) != sign(y)) && (rem(x, y) != 0)`, `rem` truncated as
/// legalization writes StableHLO's remainder: `r = floor_mod(x, y)`, then `r - y`
/// where `r != 0` and `x < 0 != y < 0`, else `r`.
fn floor_division_fix(c: Value<'_>, x: Value<'_>, y: Value<'_>) -> Option<()> {
    let and = operands_of(c, tfl::LogicalAnd::NAME)?;
    let (sx, sy) = not_equal_of(and[0])?;
    let sx = operands_of(sx, tfl::Sign::NAME)?;
    // `sign(y)`, or its value when y is a constant (tfl-fold-constants folded it).
    let y_sign = match operands_of(sy, tfl::Sign::NAME) {
        Some(o) => o[0] == y,
        None => constant_int(y).is_some_and(|k| is_splat(sy, k.signum())),
    };
    if sx[0] != x || !y_sign {
        return None;
    }
    let (rem, zero) = not_equal_of(and[1])?;
    if !is_splat(zero, 0) {
        return None;
    }
    let sel = operands_of(rem, tfl::SelectV2::NAME)?;
    let fm = sel[2];
    let m = operands_of(fm, tfl::FloorMod::NAME)?;
    let shifted = operands_of(sel[1], tfl::Sub::NAME)?;
    if m[0] != x || m[1] != y || shifted[0] != fm || shifted[1] != y {
        return None;
    }
    let cond = operands_of(sel[0], tfl::LogicalAnd::NAME)?;
    let (lx, ly) = not_equal_of(cond[0])?;
    let lx = operands_of(lx, tfl::Less::NAME)?;
    // `y < 0`, or its value when y is a constant (tfl-fold-constants folded it).
    let y_negative = match operands_of(ly, tfl::Less::NAME) {
        Some(l) => l[0] == y && is_splat(l[1], 0),
        None => constant_int(y).is_some_and(|k| is_splat(ly, (k < 0) as i64)),
    };
    let (r, z) = not_equal_of(cond[1])?;
    let ok = lx[0] == x && y_negative && is_splat(lx[1], 0) && r == fm && is_splat(z, 0);
    ok.then_some(())
}

/// `select(sign(x) != sign(y) && rem(x, y) != 0, x / y - 1, x / y)` on integers ->
/// `floor_div(x, y)`: JAX's `//` on sizes (a strided SAME convolution's output size
/// and padding), one op instead of sixteen.
fn select_of_truncated_division_to_floor_div<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(s) = op.cast::<tfl::SelectV2>() else { return false };
    let out = s.output();
    if out.elem() != ElemTy::I(32) || out.ty().dims().len() > 1 {
        return false;
    }
    let Some(q) = operands_of(s.y(), tfl::Div::NAME) else { return false };
    let Some(minus) = operands_of(s.x(), tfl::Sub::NAME) else { return false };
    let (x, y) = (q[0], q[1]);
    if minus[0] != s.y() || !is_splat(minus[1], 1) || floor_division_fix(s.condition(), x, y).is_none() {
        return false;
    }
    if !x.same_type(out) && !(y.same_type(out) && x.ty().dims().is_empty()) {
        return false;
    }
    rw.set_insertion_before(op);
    let f = tfl::FloorDiv::build(rw, &[out.raw_type()], x, y).create();
    rw.replace_op(op, &[f.output()]);
    true
}

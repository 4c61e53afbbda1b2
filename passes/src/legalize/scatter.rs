//! `stablehlo.scatter` as TFL arithmetic. TFLite's only scatter builtin, SCATTER_ND,
//! writes into zeros and sums duplicates; the segment reductions
//! (UNSORTED_SEGMENT_MAX/MIN/PROD) reduce rows by id. The scatter is brought to rows:
//! the operand to `[S, R]` (the indexed dims flattened first, the window dims after),
//! the updates to `[N, R]`, the index vectors to one row id each; then per combiner:
//!
//! - add: `x + scatter_nd(ids, updates)`;
//! - multiply: `x * unsorted_segment_prod(updates, ids)` (an empty row is 1);
//! - maximum / minimum: `select(touched, max(x, unsorted_segment_max(updates, ids)), x)`;
//! - overwrite (`return %update`): the last update of each row wins, as a sequential
//!   loop over the updates (PyTorch's CPU kernels) writes: `last = unsorted_segment_max(
//!   iota(N), ids)` picks it and `select(last >= 0, gather(updates, last), x)` writes it.
//!   PyTorch leaves duplicate indices unspecified; StableHLO lets either win.
//!
//! An overwrite by one index vector (a decode step's KV-cache write) is one
//! `tfl.dynamic_update_slice` instead (`one_block`). With unknown dims every combiner
//! takes the same rows, sized at run time (`scatter_dynamic`). The importer's other
//! writes live here too: `stablehlo.dynamic_update_slice` (DYNAMIC_UPDATE_SLICE, a
//! contiguous block at a run-time offset) and `stablehlo.dynamic_pad` with interior
//! padding (a write with a step, `y[:, ::2] = v`).
//!
//! Updates at out-of-bounds index vectors are dropped, as StableHLO says (`one_block`
//! aside): they are masked
//! to the combiner's identity and sent to row 0. Differences left: the sums and products
//! of duplicates are formed before they meet `x` (`x + (u1 + u2)`), so floats may round
//! differently; an untouched `-0.0` comes back `+0.0` from the add form; NaN updates are
//! ignored by maximum and minimum (TFLite's segment kernels compare with `<`).

use super::stablehlo_to_tfl::*;
use crate::constant;
use edge_dialects::ir::{ElemTy, DYN};
use edge_dialects::mlir::{Op, Rewriter, Type, Value};
use edge_dialects::rules::broadcast_shapes;
use edge_dialects::stablehlo::attrs::ScatterDims;
use edge_dialects::stablehlo::op as hlo;
use edge_dialects::tfl::op as tfl;

/// How a scatter combines an update with the value it lands on.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Combiner {
    Overwrite,
    Add,
    Multiply,
    Maximum,
    Minimum,
}

/// The combiner of a scatter's `update_computation`: `return %update`, or one
/// add/multiply/maximum/minimum of the two block arguments that is returned.
fn combiner<'c>(op: Op<'c>) -> Option<Combiner> {
    let body = op.body()?;
    if body.num_arguments() != 2 {
        return None;
    }
    let first = body.first_op()?;
    if first.isa::<hlo::Return>() {
        let o = first.operands();
        return (o.len() == 1 && o[0] == body.argument(1)).then_some(Combiner::Overwrite);
    }
    let ret = first.next()?;
    if !ret.isa::<hlo::Return>()
        || ret.operands().len() != 1
        || first.num_results() == 0
        || ret.operand(0) != first.result(0)
    {
        return None;
    }
    let name = binary_body(op)?;
    Some(if name == hlo::Add::NAME {
        Combiner::Add
    } else if name == hlo::Multiply::NAME {
        Combiner::Multiply
    } else if name == hlo::Maximum::NAME {
        Combiner::Maximum
    } else if name == hlo::Minimum::NAME {
        Combiner::Minimum
    } else {
        return None;
    })
}

/// The scatter forms handled: one input, no batching dims, every indexed operand dim
/// inserted (a window of 1), every other operand dim a whole window.
struct Form {
    /// The indexed operand dims, in index-vector order (`scatter_dims_to_operand_dims`).
    indexed: Vec<usize>,
    /// The other operand dims, ascending: the window dims.
    rest: Vec<usize>,
    /// The index vector's dim in `scatter_indices` (its rank when implicit).
    index_vector_dim: usize,
    /// The dims of `scatter_indices` other than the index vector's.
    batch: Vec<i64>,
    /// The dims of `updates` that run over the index vectors, and the window dims.
    update_scatter_dims: Vec<usize>,
    update_window_dims: Vec<usize>,
}

impl Form {
    fn of(dn: &ScatterDims, x: &[i64], ix: &[i64], up: &[i64]) -> Option<Form> {
        if !dn.input_batching_dims.is_empty() || !dn.scatter_indices_batching_dims.is_empty() {
            return None;
        }
        let rank = x.len();
        let indexed: Vec<usize> = dn
            .scatter_dims_to_operand_dims
            .iter()
            .map(|&d| usize::try_from(d).ok().filter(|&d| d < rank))
            .collect::<Option<_>>()?;
        let (mut a, mut b) = (indexed.clone(), dn.inserted_window_dims.iter().map(|&d| d as usize).collect::<Vec<_>>());
        a.sort_unstable();
        b.sort_unstable();
        if a != b || a.windows(2).any(|w| w[0] == w[1]) || indexed.is_empty() {
            return None;
        }
        let rest: Vec<usize> = (0..rank).filter(|d| !indexed.contains(d)).collect();
        let update_window_dims: Vec<usize> = dn
            .update_window_dims
            .iter()
            .map(|&d| usize::try_from(d).ok().filter(|&d| d < up.len()))
            .collect::<Option<_>>()?;
        // An unknown size matches any: the verifier has checked what it can.
        let differ = |a: i64, b: i64| a != b && a != DYN && b != DYN;
        if update_window_dims.len() != rest.len()
            || update_window_dims.iter().zip(&rest).any(|(&w, &r)| differ(up[w], x[r]))
        {
            return None;
        }
        let index_vector_dim = usize::try_from(dn.index_vector_dim).ok().filter(|&d| d <= ix.len())?;
        let depth = if index_vector_dim == ix.len() { 1 } else { ix[index_vector_dim] };
        if depth != indexed.len() as i64 {
            return None;
        }
        let batch: Vec<i64> = ix.iter().enumerate().filter(|(i, _)| *i != index_vector_dim).map(|(_, &d)| d).collect();
        let update_scatter_dims: Vec<usize> = (0..up.len()).filter(|d| !update_window_dims.contains(d)).collect();
        if update_scatter_dims.len() != batch.len()
            || update_scatter_dims.iter().zip(&batch).any(|(&d, &b)| differ(up[d], b))
        {
            return None;
        }
        Some(Form { indexed, rest, index_vector_dim, batch, update_scatter_dims, update_window_dims })
    }
}

fn is_identity(perm: &[i64]) -> bool {
    perm.iter().enumerate().all(|(i, &p)| p == i as i64)
}

/// `v` transposed by `perm` unless `perm` is the identity.
fn permuted<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, v: Value<'c>, perm: &[i64]) -> Value<'c> {
    if is_identity(perm) {
        v
    } else {
        tfl_transpose(rw, op, v, perm)
    }
}

/// The inverse of permutation `perm`.
fn inverse(perm: &[i64]) -> Vec<i64> {
    (0..perm.len() as i64).map(|i| perm.iter().position(|&p| p == i).unwrap() as i64).collect()
}

/// A one-result TFL reduction of `x` over `axis` (keep_dims false) to `shape`.
fn reduce_axis<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, to: &str, x: Value<'c>, axis: i64, shape: &[i64]) -> Value<'c> {
    let axes = i32_const(rw, op, &[axis]);
    emit(rw, op, to, &[x, axes], tensor_type(shape, elem_of(x)), &[("keep_dims", bool_attr(op, false))])
}

/// `select_v2(cond, a, b)`: the operands broadcast (static shapes).
fn select<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    cond: Value<'c>,
    a: Value<'c>,
    b: Value<'c>,
) -> Result<Value<'c>, String> {
    let shapes = [ty(cond).dims().to_vec(), ty(a).dims().to_vec(), ty(b).dims().to_vec()];
    let shape = shapes
        .iter()
        .try_fold(Vec::new(), |acc, s| broadcast_shapes(&acc, s))
        .ok_or("select operands do not broadcast")?;
    Ok(emit(rw, op, tfl::SelectV2::NAME, &[cond, a, b], like(a, &shape), &[]))
}

/// `v` reshaped to `shape` unless it has that shape.
fn reshaped<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, v: Value<'c>, shape: &[i64]) -> Value<'c> {
    if ty(v).dims() == shape {
        v
    } else {
        reshape_to(rw, op, v, shape)
    }
}

/// The row ids of the index vectors: `[N]` int32 ids into the `[S]` rows of the indexed
/// dims (row-major in `indexed` order), and, unless every index vector is known to be in
/// bounds, an `[N]` bool mask of those that are (the others get id 0).
fn row_ids<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    ix: Value<'c>,
    form: &Form,
    x_dims: &[i64],
) -> Result<(Value<'c>, Option<Value<'c>>), String> {
    let k = form.indexed.len();
    let n: i64 = form.batch.iter().product();
    let bounds: Vec<i64> = form.indexed.iter().map(|&d| x_dims[d]).collect();
    let mut strides = vec![1i64; k];
    for i in (0..k.saturating_sub(1)).rev() {
        strides[i] = strides[i + 1] * bounds[i + 1];
    }
    let i32t = i32_type(op);
    if let Some(values) = constant::read(ix).and_then(|c| c.ints()) {
        // Known indices, all in bounds: the ids are a constant and nothing is masked.
        let irank = ty(ix).dims().len();
        let vectors = index_vectors(&values, ty(ix).dims(), form.index_vector_dim.min(irank), k);
        if vectors.iter().all(|v| v.iter().zip(&bounds).all(|(&i, &b)| 0 <= i && i < b)) {
            let ids: Vec<f64> =
                vectors.iter().map(|v| v.iter().zip(&strides).map(|(i, s)| i * s).sum::<i64>() as f64).collect();
            return Ok((number_const(rw, op, &[n], i32t, &ids)?, None));
        }
    }
    // [batch..., K] (the index vector last), then [N, K].
    let irank = ty(ix).dims().len();
    let mut v = ix;
    if form.index_vector_dim + 1 < irank {
        let perm: Vec<i64> = (0..irank as i64)
            .filter(|&i| i != form.index_vector_dim as i64)
            .chain([form.index_vector_dim as i64])
            .collect();
        v = tfl_transpose(rw, op, v, &perm);
    }
    v = reshaped(rw, op, v, &[n, k as i64]);
    // Bounds are checked in the indices' own type: a cast to int32 could wrap a far
    // index into range.
    let b = bool_type(op);
    let zero = scalar_like(rw, op, v, 0.0)?;
    let hi = number_const(rw, op, &[k as i64], elem_of(v), &bounds.iter().map(|&d| d as f64).collect::<Vec<_>>())?;
    let ge = same_shape(rw, op, tfl::GreaterEqual::NAME, &[v, zero], b);
    let lt = same_shape(rw, op, tfl::Less::NAME, &[v, hi], b);
    let ok = same_shape(rw, op, tfl::LogicalAnd::NAME, &[ge, lt], b);
    let inb = reduce_axis(rw, op, tfl::ReduceAll::NAME, ok, 1, &[n]);
    if ty(v).elem != ElemTy::I(32) {
        v = cast_to(rw, op, v, i32t);
    }
    let ids = if k == 1 {
        reshaped(rw, op, v, &[n])
    } else {
        let s = number_const(rw, op, &[k as i64], i32t, &strides.iter().map(|&d| d as f64).collect::<Vec<_>>())?;
        let scaled = arith(rw, op, tfl::Mul::NAME, v, s);
        reduce_axis(rw, op, tfl::Sum::NAME, scaled, 1, &[n])
    };
    let zero = scalar_like(rw, op, ids, 0.0)?;
    Ok((select(rw, op, inb, ids, zero)?, Some(inb)))
}

/// The index vectors of constant indices `values` (row-major over `dims`), the vector
/// along `ivd` (`dims.len()` for an implicit trailing 1).
fn index_vectors(values: &[i64], dims: &[i64], ivd: usize, k: usize) -> Vec<Vec<i64>> {
    let rank = dims.len();
    let mut strides = vec![1i64; rank];
    for i in (0..rank.saturating_sub(1)).rev() {
        strides[i] = strides[i + 1] * dims[i + 1];
    }
    let step = if ivd < rank { strides[ivd] } else { 0 };
    let mut out = Vec::new();
    for (flat, _) in values.iter().enumerate() {
        let at_zero = ivd >= rank || (flat as i64 / strides[ivd]) % dims[ivd] == 0;
        if at_zero {
            out.push((0..k as i64).map(|j| values[(flat as i64 + j * step) as usize]).collect());
        }
    }
    out
}

/// The one value every element of `v` has, as a one-element value, when `v` is a splat
/// constant or a broadcast (or reshape) of one element.
fn uniform_value<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, v: Value<'c>) -> Option<Value<'c>> {
    let mut src = v;
    loop {
        if ty(src).dims().iter().product::<i64>() == 1 {
            return Some(src);
        }
        match src.defining_op() {
            Some(d) if d.isa::<tfl::BroadcastTo>() || d.isa::<tfl::Reshape>() => src = d.operand(0),
            _ => break,
        }
    }
    let value = constant::splat(v)?;
    scalar_like(rw, op, v, value).ok()
}

/// `scatter` of the handled forms and combiners (see the module doc); others are left.
pub fn scatter<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 3 || op.num_results() != 1 {
        return Ok(None);
    }
    let (x, ix, up) = (ins[0], ins[1], ins[2]);
    let (xt, it, ut) = (ty(x), ty(ix), ty(up));
    // Index vectors are compared and cast in int32 or int64 only.
    if !matches!(it.elem, ElemTy::I(32) | ElemTy::I(64)) {
        return Ok(None);
    }
    let dynamic = !xt.is_static() || !it.is_static() || !ut.is_static();
    let Some(dn) = op.attr("scatter_dimension_numbers") else {
        return Err("'stablehlo.scatter' op has no scatter_dimension_numbers".into());
    };
    let dn = ScatterDims::from_attr(&dn).map_err(|e| format!("scatter_dimension_numbers {e}"))?;
    let (Some(comb), Some(form)) = (combiner(op), Form::of(&dn, xt.dims(), it.dims(), ut.dims())) else {
        return Ok(None);
    };
    if let Some(y) = one_block(op, rw, comb, &form)? {
        return Ok(Some(y));
    }
    if dynamic {
        return scatter_dynamic(op, rw, comb, &form);
    }
    let elem_ok = match comb {
        Combiner::Overwrite => true,
        Combiner::Add => matches!(xt.elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64)),
        _ => matches!(xt.elem, ElemTy::F32 | ElemTy::I(32)),
    };
    let xd = xt.dims();
    let s: i64 = form.indexed.iter().map(|&d| xd[d]).product();
    let r: i64 = form.rest.iter().map(|&d| xd[d]).product();
    let n: i64 = form.batch.iter().product();
    if !elem_ok || s == 0 || r == 0 || n == 0 || s > i32::MAX as i64 || n > i32::MAX as i64 {
        return Ok(None);
    }
    let (ids, inb) = row_ids(rw, op, ix, &form, xd)?;
    let i32t = i32_type(op);
    let b = bool_type(op);
    let num = i32_const(rw, op, &[s]);
    // Per row, the last in-bounds update that writes it (masked updates are -1; a row
    // nothing writes is INT_MIN), and whether there is one.
    let last_writer = |rw: &mut Rewriter<'c>| -> Result<(Value<'c>, Value<'c>), String> {
        let iota: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let mut order = number_const(rw, op, &[n], i32t, &iota)?;
        if let Some(m) = inb {
            let masked = scalar_like(rw, op, order, -1.0)?;
            order = select(rw, op, m, order, masked)?;
        }
        let last = emit(rw, op, tfl::UnsortedSegmentMax::NAME, &[order, ids, num], tensor_type(&[s], i32t), &[]);
        let zero = scalar_like(rw, op, last, 0.0)?;
        let written = same_shape(rw, op, tfl::GreaterEqual::NAME, &[last, zero], b);
        let row = emit(rw, op, tfl::Maximum::NAME, &[last, zero], last.raw_type(), &[]);
        Ok((row, written))
    };
    let gather = |rw: &mut Rewriter<'c>, from: Value<'c>, rows: Value<'c>, axis: usize, out: Type<'c>| -> Value<'c> {
        let attrs = [("axis", i32_attr(op, axis as i64)), ("batch_dims", i32_attr(op, 0))];
        emit(rw, op, tfl::Gather::NAME, &[from, rows], out, &attrs)
    };

    // Overwrite through one index dim `d` by updates in the operand's layout (a KV-cache
    // write `cache[:, :, pos] = new`): gather along `d` and select, no transposes.
    let d = form.indexed[0];
    if comb == Combiner::Overwrite && form.indexed.len() == 1 && form.update_scatter_dims == [d] && xd.len() <= 4 {
        let (row, written) = last_writer(rw)?;
        let mut shape = vec![1i64; xd.len()];
        shape[d] = s;
        let written = reshaped(rw, op, written, &shape);
        let picked = match uniform_value(rw, op, up) {
            Some(v) => v,
            None => gather(rw, up, row, d, x.raw_type()),
        };
        return Ok(defining_op(select(rw, op, written, picked, x)?));
    }

    // Rows: the operand as [S, R], the updates as [N, R].
    let x_perm: Vec<i64> = form.indexed.iter().chain(&form.rest).map(|&d| d as i64).collect();
    let x_permuted = permuted(rw, op, x, &x_perm);
    let x_rows = reshaped(rw, op, x_permuted, &[s, r]);
    let rows_type = x_rows.raw_type();
    let u_perm: Vec<i64> = form.update_scatter_dims.iter().chain(&form.update_window_dims).map(|&d| d as i64).collect();
    let u_rows = |rw: &mut Rewriter<'c>| {
        let u = permuted(rw, op, up, &u_perm);
        reshaped(rw, op, u, &[n, r])
    };
    // The update rows, those at out-of-bounds indices replaced by `identity` (which
    // leaves a row unchanged).
    let masked = |rw: &mut Rewriter<'c>, identity: f64| -> Result<Value<'c>, String> {
        let u = u_rows(rw);
        match inb {
            Some(m) => {
                let m = reshaped(rw, op, m, &[n, 1]);
                let fill = scalar_like(rw, op, u, identity)?;
                select(rw, op, m, u, fill)
            }
            None => Ok(u),
        }
    };
    let y_rows = match comb {
        Combiner::Add => {
            let u = masked(rw, 0.0)?;
            let at = reshaped(rw, op, ids, &[n, 1]);
            let shape = i32_const(rw, op, &[s, r]);
            let sums = emit(rw, op, tfl::ScatterNd::NAME, &[at, u, shape], rows_type, &[]);
            arith(rw, op, tfl::Add::NAME, x_rows, sums)
        }
        Combiner::Multiply => {
            let u = masked(rw, 1.0)?;
            let products = emit(rw, op, tfl::UnsortedSegmentProd::NAME, &[u, ids, num], rows_type, &[]);
            arith(rw, op, tfl::Mul::NAME, x_rows, products)
        }
        Combiner::Maximum | Combiner::Minimum => {
            let Extremum { max, float, identity, segment, pick } = Extremum::of(comb, &xt.elem);
            let u = masked(rw, identity)?;
            let reduced = emit(rw, op, segment, &[u, ids, num], rows_type, &[]);
            let combined = emit(rw, op, pick, &[x_rows, reduced], rows_type, &[]);
            if float {
                // The kernels start a float row at -FLT_MAX (max) or FLT_MAX (min), not at
                // the infinity: keep `x` where no update got past the infinity.
                let inf = scalar_like(rw, op, u, identity)?;
                let passed = same_shape(rw, op, if max { tfl::Greater::NAME } else { tfl::Less::NAME }, &[u, inf], b);
                let flags = cast_to(rw, op, passed, i32t);
                let any =
                    emit(rw, op, tfl::UnsortedSegmentMax::NAME, &[flags, ids, num], tensor_type(&[s, r], i32t), &[]);
                let zero = scalar_like(rw, op, any, 0.0)?;
                let touched = same_shape(rw, op, tfl::Greater::NAME, &[any, zero], b);
                select(rw, op, touched, combined, x_rows)?
            } else {
                combined
            }
        }
        Combiner::Overwrite => {
            let (row, written) = last_writer(rw)?;
            let written = reshaped(rw, op, written, &[s, 1]);
            let picked = match uniform_value(rw, op, up) {
                Some(v) => v,
                None => {
                    let u = u_rows(rw);
                    gather(rw, u, row, 0, rows_type)
                }
            };
            select(rw, op, written, picked, x_rows)?
        }
    };
    // Back to the operand's layout.
    let permuted_dims: Vec<i64> = x_perm.iter().map(|&d| xd[d as usize]).collect();
    let y = reshaped(rw, op, y_rows, &permuted_dims);
    Ok(defining_op(permuted(rw, op, y, &inverse(&x_perm))))
}

// ---- unknown dims ------------------------------------------------------------------

/// A size: known, or a 0-d int32 value computed at run time.
#[derive(Clone, Copy)]
enum Size<'c> {
    Known(i64),
    Run(Value<'c>),
}

impl Size<'_> {
    fn dim(self) -> i64 {
        match self {
            Size::Known(n) => n,
            Size::Run(_) => DYN,
        }
    }
}

/// The size of dim `d` of `v` (read from `tfl.shape` of where it comes from).
fn size_of<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, v: Value<'c>, d: usize) -> Size<'c> {
    match ty(v).dims()[d] {
        n if n >= 0 => Size::Known(n),
        _ => Size::Run(super::dynamic::dim_size(rw, op, v, d)),
    }
}

/// The product of `sizes`: known when all are, else `tfl.mul`s (LiteRT evaluates MUL
/// of shape values when it allocates tensors).
fn product<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, sizes: &[Size<'c>]) -> Size<'c> {
    let known: i64 = sizes.iter().map(|s| if let Size::Known(n) = s { *n } else { 1 }).product();
    let mut acc: Option<Value<'c>> = None;
    for s in sizes {
        if let Size::Run(v) = s {
            acc = Some(match acc {
                Some(a) => arith(rw, op, tfl::Mul::NAME, a, *v),
                None => *v,
            });
        }
    }
    match acc {
        None => Size::Known(known),
        Some(a) if known == 1 => Size::Run(a),
        Some(a) => {
            let k = super::dynamic::scalar_i32(rw, op, known);
            Size::Run(arith(rw, op, tfl::Mul::NAME, a, k))
        }
    }
}

/// The 0-d int32 value of a size.
fn size_value<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, s: Size<'c>) -> Value<'c> {
    match s {
        Size::Known(n) => super::dynamic::scalar_i32(rw, op, n),
        Size::Run(v) => v,
    }
}

/// `sizes` as a 1-D int32 shape: a constant when known, else `tfl.pack` of the sizes.
fn shape_value<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, sizes: &[Size<'c>]) -> Value<'c> {
    if sizes.iter().all(|s| matches!(s, Size::Known(_))) {
        return i32_const(rw, op, &sizes.iter().map(|s| s.dim()).collect::<Vec<_>>());
    }
    let parts: Vec<Value<'c>> = sizes.iter().map(|&s| size_value(rw, op, s)).collect();
    let attrs = [("axis", i32_attr(op, 0)), ("values_count", i32_attr(op, parts.len() as i64))];
    emit(rw, op, tfl::Pack::NAME, &parts, tensor_type(&[parts.len() as i64], i32_type(op)), &attrs)
}

/// `v` reshaped to `sizes`: a constant shape (-1 for the one unknown size) when it can
/// be, else the packed run-time shape.
fn reshaped_to<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, v: Value<'c>, sizes: &[Size<'c>]) -> Value<'c> {
    let dims: Vec<i64> = sizes.iter().map(|s| s.dim()).collect();
    if dims.iter().filter(|&&d| d == DYN).count() <= 1 {
        if ty(v).dims() == dims {
            return v;
        }
        return reshape_to(rw, op, v, &dims);
    }
    let shape = shape_value(rw, op, sizes);
    emit(rw, op, tfl::Reshape::NAME, &[v, shape], like(v, &dims), &[])
}

/// `scatter` with unknown dims: the same rows as the static form,
/// their sizes computed at run time from the operands' shapes, the update order a
/// `tfl.range` over the run-time count of index vectors.
fn scatter_dynamic<'c>(
    op: Op<'c>,
    rw: &mut Rewriter<'c>,
    comb: Combiner,
    form: &Form,
) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    let (x, ix, up) = (ins[0], ins[1], ins[2]);
    let xt = ty(x);
    let ok = match comb {
        Combiner::Overwrite => true,
        Combiner::Add => matches!(xt.elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64)),
        _ => matches!(xt.elem, ElemTy::F32 | ElemTy::I(32)),
    };
    if !ok {
        return Ok(None);
    }
    let xd = xt.dims().to_vec();
    let k = form.indexed.len();
    let bounds: Vec<Size<'c>> = form.indexed.iter().map(|&d| size_of(rw, op, x, d)).collect();
    let s = product(rw, op, &bounds);
    let rest: Vec<Size<'c>> = form.rest.iter().map(|&d| size_of(rw, op, x, d)).collect();
    let r = product(rw, op, &rest);
    let irank = ty(ix).dims().len();
    let batch: Vec<Size<'c>> =
        (0..irank).filter(|&d| d != form.index_vector_dim).map(|d| size_of(rw, op, ix, d)).collect();
    let n = product(rw, op, &batch);
    let i32t = i32_type(op);
    let b = bool_type(op);

    // Row ids: index vectors as [N, K], checked against the bounds in their own type.
    let mut v = ix;
    if form.index_vector_dim + 1 < irank {
        let perm: Vec<i64> = (0..irank as i64)
            .filter(|&i| i != form.index_vector_dim as i64)
            .chain([form.index_vector_dim as i64])
            .collect();
        v = tfl_transpose(rw, op, v, &perm);
    }
    v = reshaped_to(rw, op, v, &[n, Size::Known(k as i64)]);
    let mut hi = shape_value(rw, op, &bounds);
    if ty(v).elem != ElemTy::I(32) {
        hi = cast_to(rw, op, hi, elem_of(v));
    }
    let zero = scalar_like(rw, op, v, 0.0)?;
    let ge = same_shape(rw, op, tfl::GreaterEqual::NAME, &[v, zero], b);
    let lt = same_shape(rw, op, tfl::Less::NAME, &[v, hi], b);
    let both = same_shape(rw, op, tfl::LogicalAnd::NAME, &[ge, lt], b);
    let inb = reduce_axis(rw, op, tfl::ReduceAll::NAME, both, 1, &[n.dim()]);
    if ty(v).elem != ElemTy::I(32) {
        v = cast_to(rw, op, v, i32t);
    }
    let ids = if k == 1 {
        reshaped_to(rw, op, v, &[n])
    } else {
        let strides: Vec<Size<'c>> = (0..k).map(|i| product(rw, op, &bounds[i + 1..])).collect();
        let st = shape_value(rw, op, &strides);
        let scaled = arith(rw, op, tfl::Mul::NAME, v, st);
        reduce_axis(rw, op, tfl::Sum::NAME, scaled, 1, &[n.dim()])
    };
    let zero = scalar_like(rw, op, ids, 0.0)?;
    let ids = select(rw, op, inb, ids, zero)?;

    let num = match s {
        Size::Known(c) => i32_const(rw, op, &[c]),
        Size::Run(c) => reshape_to(rw, op, c, &[1]),
    };
    // Per row, the last in-bounds update that writes it, and whether there is one.
    let last_writer = |rw: &mut Rewriter<'c>| -> Result<(Value<'c>, Value<'c>), String> {
        let start = super::dynamic::scalar_i32(rw, op, 0);
        let step = super::dynamic::scalar_i32(rw, op, 1);
        let count = size_value(rw, op, n);
        let order = emit(rw, op, tfl::Range::NAME, &[start, count, step], tensor_type(&[n.dim()], i32t), &[]);
        let masked = scalar_like(rw, op, order, -1.0)?;
        let order = select(rw, op, inb, order, masked)?;
        let last = emit(rw, op, tfl::UnsortedSegmentMax::NAME, &[order, ids, num], tensor_type(&[s.dim()], i32t), &[]);
        let zero = scalar_like(rw, op, last, 0.0)?;
        let written = same_shape(rw, op, tfl::GreaterEqual::NAME, &[last, zero], b);
        let row = emit(rw, op, tfl::Maximum::NAME, &[last, zero], last.raw_type(), &[]);
        Ok((row, written))
    };
    let gather = |rw: &mut Rewriter<'c>, from: Value<'c>, rows: Value<'c>, axis: usize, out: Type<'c>| -> Value<'c> {
        let attrs = [("axis", i32_attr(op, axis as i64)), ("batch_dims", i32_attr(op, 0))];
        emit(rw, op, tfl::Gather::NAME, &[from, rows], out, &attrs)
    };

    // A cache write along one dim by updates in the operand's layout: no transposes.
    let d = form.indexed[0];
    if comb == Combiner::Overwrite && k == 1 && form.update_scatter_dims == [d] && xd.len() <= 4 {
        let (row, written) = last_writer(rw)?;
        let mut mask = vec![Size::Known(1); xd.len()];
        mask[d] = s;
        let written = reshaped_to(rw, op, written, &mask);
        let picked = match uniform_value(rw, op, up) {
            Some(v) => v,
            None => gather(rw, up, row, d, x.raw_type()),
        };
        return Ok(defining_op(select(rw, op, written, picked, x)?));
    }

    // Rows: the operand as [S, R], the updates as [N, R].
    let x_perm: Vec<i64> = form.indexed.iter().chain(&form.rest).map(|&d| d as i64).collect();
    let x_permuted = permuted(rw, op, x, &x_perm);
    let x_rows = reshaped_to(rw, op, x_permuted, &[s, r]);
    let rows_type = x_rows.raw_type();
    let u_perm: Vec<i64> = form.update_scatter_dims.iter().chain(&form.update_window_dims).map(|&d| d as i64).collect();
    // The update rows, those at out-of-bounds indices replaced by `identity`.
    let masked = |rw: &mut Rewriter<'c>, identity: f64| -> Result<Value<'c>, String> {
        let u = permuted(rw, op, up, &u_perm);
        let u = reshaped_to(rw, op, u, &[n, r]);
        let m = reshaped_to(rw, op, inb, &[n, Size::Known(1)]);
        let fill = scalar_like(rw, op, u, identity)?;
        select(rw, op, m, u, fill)
    };
    let y_rows = match comb {
        Combiner::Multiply => {
            let u = masked(rw, 1.0)?;
            let products = emit(rw, op, tfl::UnsortedSegmentProd::NAME, &[u, ids, num], rows_type, &[]);
            arith(rw, op, tfl::Mul::NAME, x_rows, products)
        }
        Combiner::Maximum | Combiner::Minimum => {
            // As the static form: see there for the float rows' start at -FLT_MAX.
            let Extremum { max, float, identity, segment, pick } = Extremum::of(comb, &xt.elem);
            let u = masked(rw, identity)?;
            let reduced = emit(rw, op, segment, &[u, ids, num], rows_type, &[]);
            let combined = emit(rw, op, pick, &[x_rows, reduced], rows_type, &[]);
            if float {
                let inf = scalar_like(rw, op, u, identity)?;
                let passed = same_shape(rw, op, if max { tfl::Greater::NAME } else { tfl::Less::NAME }, &[u, inf], b);
                let flags = cast_to(rw, op, passed, i32t);
                let any = emit(
                    rw,
                    op,
                    tfl::UnsortedSegmentMax::NAME,
                    &[flags, ids, num],
                    tensor_type(&[s.dim(), r.dim()], i32t),
                    &[],
                );
                let zero = scalar_like(rw, op, any, 0.0)?;
                let touched = same_shape(rw, op, tfl::Greater::NAME, &[any, zero], b);
                select(rw, op, touched, combined, x_rows)?
            } else {
                combined
            }
        }
        Combiner::Add => {
            let u = masked(rw, 0.0)?;
            let at = reshaped_to(rw, op, ids, &[n, Size::Known(1)]);
            let shape = shape_value(rw, op, &[s, r]);
            let sums = emit(rw, op, tfl::ScatterNd::NAME, &[at, u, shape], rows_type, &[]);
            arith(rw, op, tfl::Add::NAME, x_rows, sums)
        }
        _ => {
            let (row, written) = last_writer(rw)?;
            let written = reshaped_to(rw, op, written, &[s, Size::Known(1)]);
            let picked = match uniform_value(rw, op, up) {
                Some(v) => v,
                None => {
                    let u = permuted(rw, op, up, &u_perm);
                    let u = reshaped_to(rw, op, u, &[n, r]);
                    gather(rw, u, row, 0, rows_type)
                }
            };
            select(rw, op, written, picked, x_rows)?
        }
    };
    // Back to the operand's layout.
    let sizes: Vec<Size<'c>> = x_perm.iter().map(|&d| size_of(rw, op, x, d as usize)).collect();
    let y = reshaped_to(rw, op, y_rows, &sizes);
    Ok(defining_op(permuted(rw, op, y, &inverse(&x_perm))))
}

// ---- stablehlo.dynamic_pad with interior padding -----------------------------------

/// `x` with `i` copies of `value` between neighbours along dim `d`, sizes read at run
/// time: a unit dim inserted after `d` (`tfl.expand_dims`), padded by `i`, merged back
/// into `d` (`n * (i + 1)`: a MUL, which LiteRT evaluates when it allocates) and the
/// last `i` cut by a `tfl.strided_slice` ending at `-i`, so no other shape arithmetic
/// is made. PADV2 takes up to 5 dims: `x` of rank 4 at most.
fn interior_padded_dynamic<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    value: Value<'c>,
    d: usize,
    i: i64,
) -> Value<'c> {
    let dims = ty(x).dims().to_vec();
    let rank = dims.len();
    let mut spread_dims = dims.clone();
    spread_dims.insert(d + 1, 1);
    let axis = super::dynamic::scalar_i32(rw, op, d as i64 + 1);
    let spread = emit(rw, op, tfl::ExpandDims::NAME, &[x, axis], like(x, &spread_dims), &[]);
    let mut rows = vec![0i64; 2 * (rank + 1)];
    rows[2 * (d + 1) + 1] = i;
    let paddings = rw.context().dense_i32(&[rank as i64 + 1, 2], &rows);
    let paddings = const_attr(rw, op, paddings);
    spread_dims[d + 1] = 1 + i;
    let spread = emit(rw, op, tfl::Padv2::NAME, &[spread, paddings, value], like(x, &spread_dims), &[]);
    let mut sizes: Vec<Size<'c>> = (0..rank).map(|k| size_of(rw, op, x, k)).collect();
    sizes[d] = product(rw, op, &[sizes[d], Size::Known(1 + i)]);
    let flat = reshaped_to(rw, op, spread, &sizes);
    let mut end = vec![0i64; rank];
    end[d] = -i;
    let (begin, end, strides) =
        (i32_const(rw, op, &vec![0; rank]), i32_const(rw, op, &end), i32_const(rw, op, &vec![1; rank]));
    let all = (1i64 << rank) - 1;
    let attrs = strided_slice_masks(op.context(), all, all & !(1 << d), 0);
    let mut out = dims;
    if out[d] >= 0 {
        out[d] += (out[d] - 1).max(0) * i;
    }
    emit(rw, op, tfl::StridedSlice::NAME, &[flat, begin, end, strides], like(x, &out), &attrs)
}

/// `dynamic_pad(x, value, low, high, interior)` with a constant interior padding (a
/// write with a step, `y[:, ::2] = v`, pads `v` and its mask so): the interior padding
/// made per dim (`interior_padded_dynamic`), then the same `dynamic_pad` without it,
/// which `DynamicPadToPadv2` converts next.
pub(super) fn dynamic_pad_interior<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 5 {
        return Ok(None);
    }
    let (x, value, low, high, interior) = (ins[0], ins[1], ins[2], ins[3], ins[4]);
    let Some(inner) = interior.const_ints() else { return Ok(None) };
    let rank = ty(x).dims().len();
    if rank > 4 || inner.len() != rank || inner.iter().all(|&i| i == 0) || inner.iter().any(|&i| i < 0) || is_bool(x) {
        return Ok(None);
    }
    let mut v = x;
    for (d, &i) in inner.iter().enumerate() {
        if i > 0 {
            v = interior_padded_dynamic(rw, op, v, value, d, i);
        }
    }
    let zeros = number_const(rw, op, &[rank as i64], elem_of(interior), &vec![0.0; rank])?;
    Ok(Some(rw.create(hlo::DynamicPad::NAME, &[v, value, low, high, zeros], &op.result_types(), &[])))
}

/// The `DynamicPadToSpreadDynamicPad` rewrite: the `dynamic_pad` without interior padding
/// replaces the op (a StableHLO op, converted next).
pub(super) fn dynamic_pad_interior_rule<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    match dynamic_pad_interior(op, rw) {
        Ok(Some(pad)) => {
            rw.replace_op_with(op, pad);
            true
        }
        Ok(None) => false,
        Err(e) => {
            rw.notify_match_failure(op, e);
            false
        }
    }
}

// ---- stablehlo.dynamic_update_slice ------------------------------------------------

/// `dynamic_update_slice(x, update, starts...)`: `tfl.dynamic_update_slice` with the
/// starts packed into one int32 vector (a constant when known). Both clamp the starts
/// so the block fits, so this is exact; LiteRT's kernel writes in place when it can (a
/// KV-cache write at a run-time position).
pub(super) fn dynamic_update_slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() < 2 || op.num_results() != 1 {
        return Ok(None);
    }
    let (x, up, starts) = (ins[0], ins[1], &ins[2..]);
    if starts.len() != ty(x).dims().len() || !matches!(ty(x).elem, ElemTy::F32 | ElemTy::I(1) | ElemTy::I(32)) {
        return Ok(None);
    }
    let consts: Option<Vec<i64>> = starts.iter().map(|s| s.const_ints().and_then(|c| c.first().copied())).collect();
    let at = match consts {
        Some(c) => i32_const(rw, op, &c),
        None => {
            let parts: Vec<Value<'c>> =
                starts.iter().map(|&s| super::dynamic::as_i32(rw, op, s)).collect::<Result<_, _>>()?;
            let attrs = [("axis", i32_attr(op, 0)), ("values_count", i32_attr(op, parts.len() as i64))];
            emit(rw, op, tfl::Pack::NAME, &parts, tensor_type(&[parts.len() as i64], i32_type(op)), &attrs)
        }
    };
    Ok(Some(rw.create(tfl::DynamicUpdateSlice::NAME, &[x, up, at], &op.result_types(), &[])))
}

/// An overwrite by one index vector (a decode step's KV-cache write `cache[:, :, pos] =
/// k`, `index_copy` at one position): `tfl.dynamic_update_slice` of the update (its
/// scatter dims dropped, a unit dim at each indexed dim: the window dims keep their
/// order) at the index vector, 0 in the window dims. StableHLO drops an update whose
/// index is out of bounds where DYNAMIC_UPDATE_SLICE clamps it into bounds; PyTorch
/// raises on such an index, so no program it runs sees the difference.
fn one_block<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, comb: Combiner, form: &Form) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    let (x, ix, up) = (ins[0], ins[1], ins[2]);
    let xd = ty(x).dims().to_vec();
    let one = form.batch.iter().all(|&b| b == 1);
    if comb != Combiner::Overwrite || !one || !matches!(ty(x).elem, ElemTy::F32 | ElemTy::I(1) | ElemTy::I(32)) {
        return Ok(None);
    }
    let k = form.indexed.len();
    let mut v = reshaped(rw, op, ix, &[k as i64]);
    if ty(v).elem != ElemTy::I(32) {
        v = cast_to(rw, op, v, i32_type(op));
    }
    // The starts: 0 in a window dim, the index vector's entry in an indexed dim.
    let mut pieces = Vec::new();
    let mut zeros = 0i64;
    for d in 0..xd.len() {
        let Some(j) = form.indexed.iter().position(|&i| i == d) else {
            zeros += 1;
            continue;
        };
        if zeros > 0 {
            pieces.push(i32_const(rw, op, &vec![0; zeros as usize]));
            zeros = 0;
        }
        pieces.push(if k == 1 {
            v
        } else {
            let (b, n) = (i32_const(rw, op, &[j as i64]), i32_const(rw, op, &[1]));
            emit(rw, op, tfl::Slice::NAME, &[v, b, n], tensor_type(&[1], i32_type(op)), &[])
        });
    }
    if zeros > 0 {
        pieces.push(i32_const(rw, op, &vec![0; zeros as usize]));
    }
    let starts = if pieces.len() == 1 {
        pieces[0]
    } else {
        let attrs = [("axis", i32_attr(op, 0)), ("fused_activation_function", rw.context().string_attr("NONE"))];
        emit(rw, op, tfl::Concatenation::NAME, &pieces, tensor_type(&[xd.len() as i64], i32_type(op)), &attrs)
    };
    let mut window = form.update_window_dims.iter();
    let sizes: Vec<Size<'c>> = (0..xd.len())
        .map(|d| if form.indexed.contains(&d) { Size::Known(1) } else { size_of(rw, op, up, *window.next().unwrap()) })
        .collect();
    let block = reshaped_to(rw, op, up, &sizes);
    Ok(Some(rw.create(tfl::DynamicUpdateSlice::NAME, &[x, block, starts], &op.result_types(), &[])))
}

/// What a max or min scatter combines with: the identity its masked updates start
/// from, and the segment reduction and element-wise op over the rows.
struct Extremum {
    max: bool,
    float: bool,
    identity: f64,
    segment: &'static str,
    pick: &'static str,
}

impl Extremum {
    fn of(comb: Combiner, elem: &ElemTy) -> Extremum {
        let max = comb == Combiner::Maximum;
        let float = *elem == ElemTy::F32;
        let identity = match (max, float) {
            (true, true) => f64::NEG_INFINITY,
            (false, true) => f64::INFINITY,
            (true, false) => i32::MIN as f64,
            (false, false) => i32::MAX as f64,
        };
        let (segment, pick) = if max {
            (tfl::UnsortedSegmentMax::NAME, tfl::Maximum::NAME)
        } else {
            (tfl::UnsortedSegmentMin::NAME, tfl::Minimum::NAME)
        };
        Extremum { max, float, identity, segment, pick }
    }
}

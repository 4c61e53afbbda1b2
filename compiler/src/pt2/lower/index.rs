//! Indexing and scattering ATen ops: advanced indexing (`index.Tensor`, `index_put`),
//! the `scatter` family along one dim, `slice_scatter` / `select_scatter`, and
//! `masked_scatter`. Reads become one `stablehlo.gather`, writes one `stablehlo.scatter`
//! whose body replaces, adds or reduces.

use super::region::region_op;
use super::{shape, Args, Ctx, LResult};
use crate::pt2::emit::{i64_array, join, tensor, Extent, Val, SIZE};
use edge_dialects::ir::{ElemTy, TensorTy};

/// `name = [a, b]` for a non-empty list; nothing for an empty one (StableHLO omits
/// empty dimension lists).
fn dims_field(name: &str, v: &[i64]) -> Option<String> {
    (!v.is_empty()).then(|| format!("{name} = [{}]", join(v)))
}

fn gather_attr(
    offset: &[i64],
    collapsed: &[i64],
    start_map: &[i64],
    index_vector_dim: usize,
    slice_sizes: &[i64],
) -> String {
    let fields: Vec<String> = [
        dims_field("offset_dims", offset),
        dims_field("collapsed_slice_dims", collapsed),
        dims_field("start_index_map", start_map),
        Some(format!("index_vector_dim = {index_vector_dim}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!(
        "dimension_numbers = #stablehlo.gather<{}>, indices_are_sorted = false, slice_sizes = {}",
        fields.join(", "),
        i64_array(slice_sizes)
    )
}

/// How a scatter combines an update with the value already there.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Combine {
    Replace,
    Add,
    Multiply,
    Max,
    Min,
}

/// Where a scatter's updates go: dim `index_vector_dim` of the indices holds
/// coordinates into `operand_dims` of the operand; `window_dims` are the update dims
/// that span the operand dims not indexed.
struct Placement<'a> {
    window_dims: &'a [i64],
    operand_dims: &'a [i64],
    index_vector_dim: usize,
}

/// One update per index (no window): every operand dim is indexed.
fn pointwise(operand_dims: &[i64]) -> Placement<'_> {
    Placement { window_dims: &[], operand_dims, index_vector_dim: operand_dims.len() }
}

/// `stablehlo.scatter` of `updates` into `x` at `indices`, placed by `at`, combined
/// with the value already there by `combine`.
fn scatter(ctx: &mut Ctx, x: &Val, indices: &Val, updates: &Val, at: &Placement, combine: Combine) -> Val {
    let fields: Vec<String> = [
        dims_field("update_window_dims", at.window_dims),
        dims_field("inserted_window_dims", at.operand_dims),
        dims_field("scatter_dims_to_operand_dims", at.operand_dims),
        Some(format!("index_vector_dim = {}", at.index_vector_dim)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let attrs = format!(
        "indices_are_sorted = false, scatter_dimension_numbers = #stablehlo.scatter<{}>, unique_indices = false",
        fields.join(", ")
    );
    let elem = x.elem().clone();
    let is_bool = elem.is_bool();
    let body = move |b: &mut super::region::Block, a: &[Val]| -> Vec<Val> {
        let (old, new) = (&a[0], &a[1]);
        let r = match (combine, is_bool) {
            (Combine::Replace, _) => return vec![new.clone()],
            (Combine::Add, true) | (Combine::Max, true) => b.binary("stablehlo.or", old, new),
            (Combine::Multiply, true) | (Combine::Min, true) => b.binary("stablehlo.and", old, new),
            (Combine::Add, false) => b.binary("stablehlo.add", old, new),
            (Combine::Multiply, false) => b.binary("stablehlo.multiply", old, new),
            (Combine::Max, false) => b.binary("stablehlo.maximum", old, new),
            (Combine::Min, false) => b.binary("stablehlo.minimum", old, new),
        };
        vec![r]
    };
    region_op(
        ctx,
        "stablehlo.scatter",
        &[x, indices, updates],
        &attrs,
        std::slice::from_ref(&x.ty),
        &[elem.clone(), elem],
        body,
    )
    .pop()
    .expect("one result")
}

/// NumPy broadcasting of shapes.
fn broadcast_shapes(shapes: &[&[i64]]) -> LResult<Vec<i64>> {
    let rank = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1i64; rank];
    for s in shapes {
        for (i, &d) in s.iter().enumerate() {
            let o = &mut out[rank - s.len() + i];
            if d < 0 {
                return Err("index tensors with dynamic dimensions are not supported yet".into());
            }
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                return Err(format!("index shapes {shapes:?} do not broadcast together").into());
            }
        }
    }
    Ok(out)
}

/// Per result dim, the (shape, dim) a `?` is read from.
type DimSources = Vec<Option<(usize, usize)>>;

/// NumPy broadcasting of shapes with `?` dims: a `?` meets only itself, a 1 or a
/// static size (torch.export specializes a dim that could be 1). Also, per result
/// dim, which shape (and dim of it) a `?` comes from.
fn broadcast_shapes_dynamic(shapes: &[&[i64]]) -> LResult<(Vec<i64>, DimSources)> {
    let rank = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1i64; rank];
    let mut from = vec![None; rank];
    for (k, s) in shapes.iter().enumerate() {
        for (i, &d) in s.iter().enumerate() {
            let at = rank - s.len() + i;
            let o = &mut out[at];
            if d < 0 {
                if *o == 1 {
                    *o = d;
                    from[at] = Some((k, i));
                }
            } else if *o == 1 || (*o < 0 && d != 1) {
                *o = d;
                from[at] = None;
            } else if d != 1 && d != *o {
                return Err(format!("index shapes {shapes:?} do not broadcast together").into());
            }
        }
    }
    Ok((out, from))
}

/// Integer indices into a dim of size `size` with negative ones wrapped (`i + size`).
fn wrap_negative(ctx: &mut Ctx, idx: &Val, size: i64) -> Val {
    let idx = ctx.e.convert(idx, &ElemTy::I(64));
    let n = ctx.e.splat_like(size as f64, &ElemTy::I(64), &idx);
    let zero = ctx.e.splat_like(0.0, &ElemTy::I(64), &idx);
    let neg = ctx.e.compare("LT", &idx, &zero);
    let wrapped = ctx.e.binary("stablehlo.add", &idx, &n);
    ctx.e.select(&neg, &wrapped, &idx)
}

/// Advanced indexing of `x` by `indices` (PyTorch/NumPy rules): the present index
/// tensors broadcast to one shape B; if they index adjacent dims, B replaces those dims
/// in place, otherwise B goes first; the other dims follow in order.
struct Advanced {
    /// B + [k] coordinates (i64), k = the number of present indices.
    coords: Val,
    /// The dims of `x` the indices address, ascending.
    positions: Vec<i64>,
    /// The result shape and the result dims that come from `x` (not from B).
    result: Vec<i64>,
    window: Vec<i64>,
    /// Each index's coordinates (B + [1]), and where B's dims start in the result.
    cols: Vec<Val>,
    batch_at: usize,
}

fn advanced(ctx: &mut Ctx, x: &Val, indices: &[Option<Val>]) -> LResult<Advanced> {
    advanced_wrapped(ctx, x, indices, true)
}

/// [`advanced`], negative indices counted from the end only with `wrap` (an op that
/// refuses them, like `index_copy`, needs no wrapping ops).
fn advanced_wrapped(ctx: &mut Ctx, x: &Val, indices: &[Option<Val>], wrap: bool) -> LResult<Advanced> {
    if indices.len() > x.rank() {
        return Err(format!("{} indices for a rank-{} tensor", indices.len(), x.rank()).into());
    }
    let present: Vec<(usize, &Val)> =
        indices.iter().enumerate().filter_map(|(i, v)| v.as_ref().map(|v| (i, v))).collect();
    if present.is_empty() {
        return Err("indexing needs at least one index tensor".into());
    }
    for (_, v) in &present {
        if v.elem().is_bool() || matches!(v.elem(), ElemTy::U(8)) {
            return Err("boolean mask indices (a data-dependent result shape) are not supported".into());
        }
        if !v.elem().is_int() {
            return Err(format!("index tensors must be integers, got {}", v.elem()).into());
        }
    }
    let shapes: Vec<&[i64]> = present.iter().map(|(_, v)| v.shape()).collect();
    if !x.ty.is_static() || present.iter().any(|(_, v)| !v.ty.is_static()) {
        let (b, from) = broadcast_shapes_dynamic(&shapes)?;
        let b_ex: Vec<Extent> = b
            .iter()
            .zip(&from)
            .map(|(&d, f)| match f {
                Some((k, j)) => ctx.e.extent(present[*k].1, *j),
                None => Extent::Known(d),
            })
            .collect();
        let mut one_ex = b_ex.clone();
        one_ex.push(Extent::Known(1));
        let mut cols = Vec::new();
        for (pos, v) in &present {
            let w = if !wrap {
                ctx.e.convert(v, &ElemTy::I(64))
            } else if x.shape()[*pos] >= 0 {
                wrap_negative(ctx, v, x.shape()[*pos])
            } else {
                let idx = ctx.e.convert(v, &ElemTy::I(64));
                let n = ctx.e.dim_size(x, *pos);
                let n = ctx.e.convert(&n, &ElemTy::I(64));
                let ex = ctx.e.extents(&idx);
                let n = ctx.e.broadcast_to_ext(&n, &ex);
                let zero = ctx.e.splat_like(0.0, &ElemTy::I(64), &idx);
                let neg = ctx.e.compare("LT", &idx, &zero);
                let wrapped = ctx.e.binary("stablehlo.add", &idx, &n);
                ctx.e.select(&neg, &wrapped, &idx)
            };
            let w = if w.shape() == b.as_slice() {
                w
            } else {
                let offset = b.len() - w.rank();
                let map: Vec<i64> = (0..w.rank()).map(|i| (i + offset) as i64).collect();
                ctx.e.broadcast_in_dim_ext(&w, &b_ex, &map)
            };
            cols.push(ctx.e.reshape_ext(&w, &one_ex));
        }
        return Ok(finish_advanced(ctx, x, &present, b, cols));
    }
    let b = broadcast_shapes(&shapes)?;
    let mut one = b.clone();
    one.push(1);
    let mut cols = Vec::new();
    for (pos, v) in &present {
        let w = if wrap { wrap_negative(ctx, v, x.shape()[*pos]) } else { ctx.e.convert(v, &ElemTy::I(64)) };
        let w = ctx.e.broadcast_to(&w, &b);
        cols.push(ctx.e.reshape(&w, &one));
    }
    Ok(finish_advanced(ctx, x, &present, b, cols))
}

/// The coordinates (one `B + [1]` column per index, concatenated) and the result
/// layout of an advanced index.
fn finish_advanced(ctx: &mut Ctx, x: &Val, present: &[(usize, &Val)], b: Vec<i64>, cols: Vec<Val>) -> Advanced {
    let mut cshape = b.clone();
    cshape.push(present.len() as i64);
    let refs: Vec<&Val> = cols.iter().collect();
    let coords = if refs.len() == 1 {
        cols[0].clone()
    } else {
        ctx.e.op(
            "stablehlo.concatenate",
            &refs,
            &format!("dimension = {} : i64", b.len()),
            tensor(&cshape, ElemTy::I(64)),
        )
    };
    let positions: Vec<i64> = present.iter().map(|(p, _)| *p as i64).collect();
    let adjacent = positions.windows(2).all(|w| w[1] == w[0] + 1);
    let batch_at = if adjacent { positions[0] as usize } else { 0 };
    let rest: Vec<i64> = (0..x.rank()).filter(|d| !positions.contains(&(*d as i64))).map(|d| x.shape()[d]).collect();
    let mut result: Vec<i64> = rest[..batch_at].to_vec();
    result.extend_from_slice(&b);
    result.extend_from_slice(&rest[batch_at..]);
    let window: Vec<i64> =
        (0..result.len() as i64).filter(|&d| d < batch_at as i64 || d >= (batch_at + b.len()) as i64).collect();
    Advanced { coords, positions, result, window, cols, batch_at }
}

/// The sizes of an advanced index's result: `x`'s kept dims around B's.
fn result_extents(ctx: &mut Ctx, x: &Val, a: &Advanced) -> Vec<Extent> {
    let b_ex: Vec<Extent> = (0..a.cols[0].rank() - 1).map(|i| ctx.e.extent(&a.cols[0], i)).collect();
    let rest_ex: Vec<Extent> =
        (0..x.rank()).filter(|d| !a.positions.contains(&(*d as i64))).map(|d| ctx.e.extent(x, d)).collect();
    let mut out_ex = rest_ex[..a.batch_at].to_vec();
    out_ex.extend(b_ex);
    out_ex.extend(rest_ex[a.batch_at..].iter().cloned());
    out_ex
}

/// An advanced index whose slices of `x` have dynamic sizes (a gather's slice sizes
/// are static): one coordinate per result element, the indices broadcast over the
/// result's run-time shape and iotas along the dims `x` keeps.
fn gather_by_element(ctx: &mut Ctx, x: &Val, a: &Advanced) -> Val {
    let b_rank = a.cols[0].rank() - 1;
    let rest: Vec<usize> = (0..x.rank()).filter(|d| !a.positions.contains(&(*d as i64))).collect();
    let out_ex = result_extents(ctx, x, a);
    let r = out_ex.len();
    let mut with_unit = out_ex.clone();
    with_unit.push(Extent::Known(1));
    let mut cols = Vec::new();
    for d in 0..x.rank() {
        let c = match a.positions.iter().position(|&p| p as usize == d) {
            Some(j) => {
                let map: Vec<i64> = (a.batch_at..a.batch_at + b_rank).chain([r]).map(|i| i as i64).collect();
                ctx.e.broadcast_in_dim_ext(&a.cols[j], &with_unit, &map)
            }
            None => {
                let i = rest.iter().position(|&k| k == d).unwrap_or(0);
                let at = if i < a.batch_at { i } else { i + b_rank };
                let c = ctx.e.iota_ext(&out_ex, at, &ElemTy::I(64));
                shape::unit_last(ctx, &c)
            }
        };
        cols.push(c);
    }
    let refs: Vec<&Val> = cols.iter().collect();
    let mut cshape = a.result.clone();
    cshape.push(x.rank() as i64);
    let coords = ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {r} : i64"), tensor(&cshape, ElemTy::I(64)));
    let all: Vec<i64> = (0..x.rank() as i64).collect();
    let attrs = gather_attr(&[], &all, &all, r, &vec![1; x.rank()]);
    ctx.e.op("stablehlo.gather", &[x, &coords], &attrs, tensor(&a.result, x.elem().clone()))
}

/// `index.Tensor(self, indices)`: `self[i0, i1, ...]` with integer index tensors
/// (None entries keep their dim), as one gather.
pub fn index_tensor(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let indices = args.optional_tensors(ctx, "indices")?;
    if x.elem().is_bool() && !(x.ty.is_static() && indices.iter().flatten().all(|i| i.ty.is_static())) {
        // A mask gathered as i32 (TFLite's GATHER_ND takes no bool), compared back.
        let wide = ctx.e.convert(&x, &ElemTy::I(32));
        let r = index_gather(ctx, &wide, &indices, out.dims())?;
        let zero = ctx.e.splat_like(0.0, &ElemTy::I(32), &r);
        return Ok(vec![ctx.e.compare("NE", &r, &zero)]);
    }
    Ok(vec![index_gather(ctx, &x, &indices, out.dims())?])
}

/// `x[indices]` (advanced indexing) reshaped to `out`.
fn index_gather(ctx: &mut Ctx, x: &Val, indices: &[Option<Val>], out: &[i64]) -> LResult<Val> {
    let x = x.clone();
    let a = advanced(ctx, &x, indices)?;
    let sizes: Vec<i64> =
        (0..x.rank()).map(|d| if a.positions.contains(&(d as i64)) { 1 } else { x.shape()[d] }).collect();
    let b_rank = a.coords.rank() - 1;
    if sizes.iter().any(|&d| d < 0) {
        let r = gather_by_element(ctx, &x, &a);
        return Ok(ctx.e.reshape(&r, out));
    }
    let attrs = gather_attr(&a.window, &a.positions, &a.positions, b_rank, &sizes);
    let r = ctx.e.op("stablehlo.gather", &[&x, &a.coords], &attrs, tensor(&a.result, x.elem().clone()));
    Ok(ctx.e.reshape(&r, out))
}

/// `index_put(self, indices, values, accumulate=False)`: `self[indices] = values` (or
/// `+=` with `accumulate`), `values` broadcast to the indexed shape.
pub fn index_put(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let indices = args.optional_tensors(ctx, "indices")?;
    let values = args.tensor(ctx, "values")?;
    let accumulate = args.bool("accumulate")?;
    Ok(vec![put(ctx, &x, &indices, &values, accumulate, true)?])
}

/// `index_copy(self, dim, index, source)`: `self` with `self[..., index, ...] = source`
/// along `dim` (how a KV cache is written at `input_pos`), i.e. `index_put` with `None`
/// before `dim`. One index position becomes one `DYNAMIC_UPDATE_SLICE` downstream.
pub fn index_copy(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let dim = args.dim("dim", x.rank())? as usize;
    let mut index = args.tensor(ctx, "index")?;
    let mut source = args.tensor(ctx, "source")?;
    if index.rank() > 1 {
        return Err(format!("index_copy's index must be 0-d or 1-d, got shape {:?}", index.shape()).into());
    }
    if index.rank() == 0 {
        // One position: `source` may lack the indexed dim.
        index = ctx.e.reshape(&index, &[1]);
        if source.rank() + 1 == x.rank() {
            let mut ex = ctx.e.extents(&source);
            ex.insert(dim, Extent::Known(1));
            source = ctx.e.reshape_ext(&source, &ex);
        }
    }
    if source.rank() != x.rank() {
        return Err(format!("index_copy's source has rank {}, self rank {}", source.rank(), x.rank()).into());
    }
    let mut indices: Vec<Option<Val>> = vec![None; dim];
    indices.push(Some(index));
    // PyTorch refuses negative positions here: no wrapping.
    Ok(vec![put(ctx, &x, &indices, &source, false, false)?])
}

/// `x[indices] = values` (`+=` with `accumulate`) as one `stablehlo.scatter`.
fn put(ctx: &mut Ctx, x: &Val, indices: &[Option<Val>], values: &Val, accumulate: bool, wrap: bool) -> LResult<Val> {
    let (x, values) = (x.clone(), values.clone());
    let a = advanced_wrapped(ctx, &x, indices, wrap)?;
    if values.rank() > a.result.len() {
        return Err(format!(
            "values of shape {:?} do not broadcast to the indexed shape {:?}",
            values.shape(),
            a.result
        )
        .into());
    }
    let v = ctx.e.convert(&values, x.elem());
    let v = if a.result.iter().all(|&d| d >= 0) {
        ctx.e.broadcast_to(&v, &a.result)
    } else {
        let ex = result_extents(ctx, &x, &a);
        ctx.e.broadcast_to_ext(&v, &ex)
    };
    let b_rank = a.coords.rank() - 1;
    let combine = if accumulate { Combine::Add } else { Combine::Replace };
    Ok(scatter(
        ctx,
        &x,
        &a.coords,
        &v,
        &Placement { window_dims: &a.window, operand_dims: &a.positions, index_vector_dim: b_rank },
        combine,
    ))
}

/// Full coordinates for `scatter(self, dim, index, ...)`: for every element of `index`,
/// (i0, ..., index[...], ..., in) with `index` at `dim` and iotas elsewhere, as an
/// `index.shape + [rank]` i64 tensor.
fn along_dim_coords(ctx: &mut Ctx, index: &Val, dim: usize, rank: usize) -> Val {
    let idx = ctx.e.convert(index, &ElemTy::I(64));
    let shape = idx.shape().to_vec();
    let ex = ctx.e.extents(&idx);
    let mut cols = Vec::new();
    for d in 0..rank {
        let c = if d == dim { idx.clone() } else { ctx.e.iota_ext(&ex, d, &ElemTy::I(64)) };
        cols.push(shape::unit_last(ctx, &c));
    }
    let refs: Vec<&Val> = cols.iter().collect();
    let mut full = shape.clone();
    full.push(rank as i64);
    ctx.e.op(
        "stablehlo.concatenate",
        &refs,
        &format!("dimension = {} : i64", shape.len()),
        tensor(&full, ElemTy::I(64)),
    )
}

/// The leading `shape` block of `src` (scatter uses only the part of `src` that
/// `index` covers).
fn leading_block(ctx: &mut Ctx, src: &Val, shape: &[i64]) -> LResult<Val> {
    if src.shape() == shape {
        return Ok(src.clone());
    }
    if src.rank() != shape.len() || src.shape().iter().zip(shape).any(|(&s, &i)| s < i) {
        return Err(format!("src of shape {:?} is smaller than index of shape {shape:?}", src.shape()).into());
    }
    let attrs = format!(
        "start_indices = {}, limit_indices = {}, strides = {}",
        i64_array(&vec![0; shape.len()]),
        i64_array(shape),
        i64_array(&vec![1; shape.len()])
    );
    Ok(ctx.e.op("stablehlo.slice", &[src], &attrs, tensor(shape, src.elem().clone())))
}

/// The operands of the `scatter` family: self, the coordinates, and the updates
/// (`src` or the scalar `value`), all in self's dtype.
fn scatter_operands(ctx: &mut Ctx, args: &Args) -> LResult<(Val, Val, Val)> {
    let x = args.tensor(ctx, "self")?;
    if x.rank() == 0 {
        return Err("scatter into a 0-d tensor is not supported".into());
    }
    let dim = args.dim("dim", x.rank())? as usize;
    let index = args.tensor(ctx, "index")?;
    if index.rank() != x.rank() {
        return Err(format!("index has rank {}, self has rank {}", index.rank(), x.rank()).into());
    }
    if !index.ty.is_static() {
        return scatter_operands_dynamic(ctx, args, x, &index, dim);
    }
    let coords = along_dim_coords(ctx, &index, dim, x.rank());
    let updates = if args.is_tensor("src") {
        let src = args.tensor(ctx, "src")?;
        leading_block(ctx, &src, index.shape())?
    } else {
        let v = args.scalar("value")?;
        ctx.scalar_const(v, x.elem())
    };
    let updates = ctx.e.convert(&updates, x.elem());
    let updates = ctx.e.broadcast_to(&updates, index.shape());
    Ok((x, coords, updates))
}

/// [`scatter_operands`] with run-time sizes: the updates are `src`'s leading block of
/// the index's run-time shape (the whole `src` when the archive records the same
/// sizes), or the scalar broadcast to it.
fn scatter_operands_dynamic(ctx: &mut Ctx, args: &Args, x: Val, index: &Val, dim: usize) -> LResult<(Val, Val, Val)> {
    let coords = along_dim_coords(ctx, index, dim, x.rank());
    let index_ex = ctx.e.extents(index);
    let updates = if args.is_tensor("src") {
        let src = args.tensor(ctx, "src")?;
        if src.rank() != index.rank() {
            return Err(format!("src has rank {}, index has rank {}", src.rank(), index.rank()).into());
        }
        let recorded = |name: Option<&str>| name.and_then(|n| ctx.e.sym_sizes.get(n).cloned());
        let same = src.shape() == index.shape()
            && (src.ty.is_static() || recorded(args.tensor_name("src")) == recorded(args.tensor_name("index")));
        let src = ctx.e.convert(&src, x.elem());
        if same {
            src
        } else {
            let zeros = vec![Extent::Known(0); src.rank()];
            let ones = vec![Extent::Known(1); src.rank()];
            let (starts, limits, strides) =
                (ctx.e.extents_tensor(&zeros), ctx.e.extents_tensor(&index_ex), ctx.e.extents_tensor(&ones));
            let t = tensor(index.shape(), x.elem().clone());
            ctx.e.op("stablehlo.real_dynamic_slice", &[&src, &starts, &limits, &strides], "", t)
        }
    } else {
        let v = args.scalar("value")?;
        ctx.e.splat_ext(v.as_f64(), x.elem(), &index_ex)
    };
    Ok((x, coords, updates))
}

fn scatter_along(ctx: &mut Ctx, args: &Args, combine: Combine) -> LResult<Vec<Val>> {
    let (x, coords, updates) = scatter_operands(ctx, args)?;
    let all: Vec<i64> = (0..x.rank() as i64).collect();
    Ok(vec![scatter(ctx, &x, &coords, &updates, &pointwise(&all), combine)])
}

/// `scatter.src(self, dim, index, src)` / `scatter.value(self, dim, index, value)`:
/// `self[..., index[i, j, k], ...] = src[i, j, k]` (index at `dim`).
pub fn scatter_src(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    scatter_along(ctx, args, Combine::Replace)
}

/// `scatter_add(self, dim, index, src)`: like `scatter.src` with `+=`.
pub fn scatter_add(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    scatter_along(ctx, args, Combine::Add)
}

/// `scatter_reduce.two(self, dim, index, src, reduce, include_self=True)` with reduce
/// `sum`, `prod`, `amax`, `amin` or `mean`. Without `include_self`, the positions
/// written to start from the reduction's identity (mean: from the written values only).
pub fn scatter_reduce(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let reduce = args.opt_str("reduce")?.ok_or("argument 'reduce' must be a string")?;
    let include_self = args.bool("include_self")?;
    let (x, coords, updates) = scatter_operands(ctx, args)?;
    let all: Vec<i64> = (0..x.rank() as i64).collect();
    let elem = x.elem().clone();
    let (combine, identity) = match reduce {
        "sum" | "mean" => (Combine::Add, 0.0),
        "prod" => (Combine::Multiply, 1.0),
        "amax" => (Combine::Max, super::reduce::lowest(&elem)),
        "amin" => (Combine::Min, super::reduce::highest(&elem)),
        other => return Err(format!("scatter_reduce with reduce='{other}' is not supported").into()),
    };
    let base = if include_self {
        x.clone()
    } else {
        let id = ctx.e.splat_like(identity, &elem, &updates);
        scatter(ctx, &x, &coords, &id, &pointwise(&all), Combine::Replace)
    };
    let total = scatter(ctx, &base, &coords, &updates, &pointwise(&all), combine);
    if reduce != "mean" {
        return Ok(vec![total]);
    }
    // mean = total / count, where count is the number of values written (plus one for
    // self when included); positions never written keep self.
    let ones = ctx.e.splat_like(1.0, &elem, &updates);
    let start = ctx.e.splat_like(if include_self { 1.0 } else { 0.0 }, &elem, &x);
    let count = scatter(ctx, &start, &coords, &ones, &pointwise(&all), Combine::Add);
    let zero = ctx.e.splat_like(0.0, &elem, &x);
    let written = ctx.e.compare("GT", &count, &zero);
    let one = ctx.e.splat_like(1.0, &elem, &x);
    let safe = ctx.e.select(&written, &count, &one);
    let mut mean = ctx.e.binary("stablehlo.divide", &total, &safe);
    if !elem.is_float() {
        // Integer means round down, as PyTorch's floor division does.
        let rem = ctx.e.binary("stablehlo.remainder", &total, &safe);
        let nz = ctx.e.compare("NE", &rem, &zero);
        let neg = ctx.e.compare("LT", &rem, &zero);
        let fix = ctx.e.binary("stablehlo.and", &nz, &neg);
        let m1 = ctx.e.binary("stablehlo.subtract", &mean, &one);
        mean = ctx.e.select(&fix, &m1, &mean);
    }
    Ok(vec![ctx.e.select(&written, &mean, &x)])
}

/// Writes `src` into `x` at `start, start + step, ...` along `dim`: `src` and a mask are
/// spread out with `stablehlo.pad` (interior padding `step - 1`) and selected over `x`.
/// A start index along `dim` of `x` as a 0-d i32 (a negative one counts from the
/// run-time end).
pub(super) fn run_time_index(ctx: &mut Ctx, x: &Val, dim: usize, i: shape::IntArg) -> Val {
    match i {
        shape::IntArg::Dynamic(v) => v,
        shape::IntArg::Static(i) if i < 0 => {
            let n = ctx.e.dim_size(x, dim);
            let k = ctx.e.splat(i as f64, &SIZE, &[]);
            ctx.e.binary("stablehlo.add", &n, &k)
        }
        shape::IntArg::Static(i) => ctx.e.splat(i as f64, &SIZE, &[]),
    }
}

/// [`strided_write`] with run-time sizes: `stablehlo.dynamic_pad` spreads `src` over
/// `x`'s shape from `start` (a 0-d i32) by `step`, and a padded mask selects it.
pub(super) fn strided_write_dynamic(ctx: &mut Ctx, x: &Val, src: &Val, dim: usize, start: &Val, step: i64) -> LResult<Val> {
    if src.rank() != x.rank() || dim >= x.rank() {
        return Err(format!("the source {} does not match the destination {} along dim {dim}", src.ty, x.ty).into());
    }
    if step == 1 && matches!(x.elem(), ElemTy::F32 | ElemTy::I(32) | ElemTy::I(1)) {
        // One contiguous block at a run-time start (a KV-cache write at
        // `input_pos[0].item()`): one dynamic_update_slice, which clamps the start into
        // bounds where PyTorch's slice would refuse a block that does not fit.
        let src = ctx.e.convert(src, x.elem());
        let zero = ctx.e.splat(0.0, &SIZE, &[]);
        let starts: Vec<Val> = (0..x.rank()).map(|d| if d == dim { start.clone() } else { zero.clone() }).collect();
        let mut operands = vec![x, &src];
        operands.extend(starts.iter());
        return Ok(ctx.e.op("stablehlo.dynamic_update_slice", &operands, "", x.ty.clone()));
    }
    let one = ctx.e.splat(1.0, &SIZE, &[]);
    // end = start + (n - 1) * step + 1 (n >= 1: torch.export specializes empty slices).
    let n = ctx.e.dim_size(src, dim);
    let k = ctx.e.splat(step as f64, &SIZE, &[]);
    let n1 = ctx.e.binary("stablehlo.subtract", &n, &one);
    let span = ctx.e.binary("stablehlo.multiply", &n1, &k);
    let end = ctx.e.binary("stablehlo.add", start, &span);
    let end = ctx.e.binary("stablehlo.add", &end, &one);
    let size = ctx.e.dim_size(x, dim);
    let high_d = ctx.e.binary("stablehlo.subtract", &size, &end);
    let mut low = vec![Extent::Known(0); x.rank()];
    let mut high = vec![Extent::Known(0); x.rank()];
    low[dim] = Extent::Run(start.clone());
    high[dim] = Extent::Run(high_d);
    let low = ctx.e.extents_tensor(&low);
    let high = ctx.e.extents_tensor(&high);
    // A constant, so legalization sees the interior padding (TFLite pads none).
    let mut interior = vec![0; x.rank()];
    interior[dim] = step - 1;
    let bytes = interior.iter().flat_map(|&v| (v as i32).to_le_bytes()).collect();
    let interior = ctx.e.constant_from_bytes(tensor(&[x.rank() as i64], SIZE), bytes);
    let src = ctx.e.convert(src, x.elem());
    let pad_zero = ctx.e.splat(0.0, x.elem(), &[]);
    let spread = ctx.e.op("stablehlo.dynamic_pad", &[&src, &pad_zero, &low, &high, &interior], "", x.ty.clone());
    // The mask is padded as i32 ones (TFLite pads no bool tensor), then compared.
    let yes = ctx.e.splat_like(1.0, &SIZE, &src);
    let no = ctx.e.splat(0.0, &SIZE, &[]);
    let ones = ctx.e.op("stablehlo.dynamic_pad", &[&yes, &no, &low, &high, &interior], "", TensorTy { elem: SIZE, ..x.ty.clone() });
    let zeros = ctx.e.splat_like(0.0, &SIZE, &ones);
    let mask = ctx.e.compare("NE", &ones, &zeros);
    Ok(ctx.e.select(&mask, &spread, x))
}

pub(super) fn strided_write(ctx: &mut Ctx, x: &Val, src: &Val, dim: usize, start: i64, step: i64) -> LResult<Val> {
    if src.rank() != x.rank() || dim >= x.rank() {
        return Err(format!("the source {} does not match the destination {} along dim {dim}", src.ty, x.ty).into());
    }
    let n = src.shape()[dim];
    let size = x.shape()[dim];
    if step < 1 || start < 0 {
        return Err(format!("a strided write needs start >= 0 and step >= 1, got start {start} and step {step}").into());
    }
    let mut low = vec![0; x.rank()];
    let mut high = vec![0; x.rank()];
    let mut interior = vec![0; x.rank()];
    low[dim] = start;
    interior[dim] = step - 1;
    // In i128: start and step are archive integers.
    let end = if n == 0 { start as i128 } else { start as i128 + (n as i128 - 1) * step as i128 + 1 };
    high[dim] = i64::try_from(size as i128 - end).unwrap_or(-1);
    if high[dim] < 0 {
        return Err(format!(
            "a slice of {n} elements from {start} with step {step} does not fit a dimension of size {size}"
        )
        .into());
    }
    let attrs = format!(
        "edge_padding_low = {}, edge_padding_high = {}, interior_padding = {}",
        i64_array(&low),
        i64_array(&high),
        i64_array(&interior)
    );
    let src = ctx.e.convert(src, x.elem());
    let zero = ctx.e.splat(0.0, x.elem(), &[]);
    let spread = ctx.e.op("stablehlo.pad", &[&src, &zero], &attrs, x.ty.clone());
    let yes = ctx.e.splat_like(1.0, &ElemTy::I(1), &src);
    let no = ctx.e.splat(0.0, &ElemTy::I(1), &[]);
    let mask = ctx.e.op("stablehlo.pad", &[&yes, &no], &attrs, TensorTy { elem: ElemTy::I(1), ..x.ty.clone() });
    Ok(ctx.e.select(&mask, &spread, x))
}

/// `slice_scatter(self, src, dim=0, start=None, end=None, step=1)`: `self` with
/// `self[..., start:end:step, ...] = src`.
pub fn slice_scatter(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let src = args.tensor(ctx, "src")?;
    let dim = args.dim_or("dim", 0, x.rank())? as usize;
    let size = x.shape()[dim];
    let step = args.opt_int("step")?.unwrap_or(1);
    if step <= 0 {
        return Err(format!("slice_scatter step must be positive, got {step}").into());
    }
    let start_arg = shape::int_arg(ctx, args, "start")?;
    if !x.ty.is_static() || !src.ty.is_static() || matches!(start_arg, Some(shape::IntArg::Dynamic(_))) {
        let start = run_time_index(ctx, &x, dim, start_arg.unwrap_or(shape::IntArg::Static(0)));
        return Ok(vec![strided_write_dynamic(ctx, &x, &src, dim, &start, step)?]);
    }
    let start = args.opt_int("start")?.unwrap_or(0);
    let start = if start < 0 { start + size } else { start }.clamp(0, size);
    Ok(vec![strided_write(ctx, &x, &src, dim, start, step)?])
}

/// `select_scatter(self, src, dim, index)`: `self` with `self[..., index, ...] = src`.
pub fn select_scatter(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let src = args.tensor(ctx, "src")?;
    let index_arg = shape::int_arg(ctx, args, "index")?;
    if !x.ty.is_static() || matches!(index_arg, Some(shape::IntArg::Dynamic(_))) {
        let dim = args.dim("dim", x.rank())? as usize;
        let index = index_arg.ok_or("argument 'index' is missing")?;
        let i = run_time_index(ctx, &x, dim, index);
        let mut shape = x.shape().to_vec();
        shape[dim] = 1;
        let mut ex = ctx.e.extents(&src);
        ex.insert(dim.min(ex.len()), Extent::Known(1));
        let src = ctx.e.reshape_ext(&src, &ex);
        return Ok(vec![strided_write_dynamic(ctx, &x, &src, dim, &i, 1)?]);
    }
    let dim = args.dim("dim", x.rank())? as usize;
    let size = x.shape()[dim];
    let index = args.int("index")?;
    let i = if index < 0 { index + size } else { index };
    if i < 0 || i >= size {
        return Err(format!("index {index} is out of range for a dimension of size {size}").into());
    }
    let mut shape = x.shape().to_vec();
    shape[dim] = 1;
    let src = ctx.e.reshape(&src, &shape);
    Ok(vec![strided_write(ctx, &x, &src, dim, i, 1)?])
}

/// `masked_scatter(self, mask, source)`: the positions where `mask` (broadcast to
/// self) is true take `source`'s elements in order (row-major): the k-th true position
/// takes `source.flatten()[k]`.
pub fn masked_scatter(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let x = args.tensor(ctx, "self")?;
    let mask = args.tensor(ctx, "mask")?;
    let source = args.tensor(ctx, "source")?;
    if !x.ty.is_static() || !source.ty.is_static() {
        return Err("masked_scatter with dynamic dimensions is not supported yet".into());
    }
    let n: i64 = x.shape().iter().product();
    let m: i64 = source.shape().iter().product();
    let mask = ctx.e.broadcast_to(&mask, x.shape());
    if m == 0 {
        // An empty source can only fill an all-false mask.
        return Ok(vec![x]);
    }
    let flat_mask = ctx.e.reshape(&mask, &[n]);
    // The rank of each true position among the true positions: an inclusive prefix
    // count minus one.
    let counts = ctx.e.convert(&flat_mask, &ElemTy::I(64));
    let init = ctx.e.splat(0.0, &ElemTy::I(64), &[]);
    let attrs = format!(
        "padding = dense<[[{}, 0]]> : tensor<1x2xi64>, window_dimensions = array<i64: {n}>, window_strides = array<i64: 1>",
        n - 1
    );
    let prefix = ctx
        .e
        .op_with_scalar_body(
            "stablehlo.reduce_window",
            &[&counts, &init],
            &attrs,
            std::slice::from_ref(&counts.ty),
            "stablehlo.add",
            &ElemTy::I(64),
        )
        .pop()
        .expect("one result");
    let one = ctx.e.splat(1.0, &ElemTy::I(64), &[n]);
    let rank = ctx.e.binary("stablehlo.subtract", &prefix, &one);
    // Clamp into the source (positions past its end are never selected).
    let zero = ctx.e.splat(0.0, &ElemTy::I(64), &[n]);
    let last = ctx.e.splat((m - 1).max(0) as f64, &ElemTy::I(64), &[n]);
    let rank = ctx.e.binary("stablehlo.maximum", &rank, &zero);
    let rank = ctx.e.binary("stablehlo.minimum", &rank, &last);
    let flat_src = ctx.e.reshape(&source, &[m]);
    let flat_src = ctx.e.convert(&flat_src, x.elem());
    let taken = super::shape::take_along(ctx, &flat_src, &rank, 0);
    let taken = ctx.e.reshape(&taken, x.shape());
    Ok(vec![ctx.e.select(&mask, &taken, &x)])
}

/// `max_unpool2d(self, indices, output_size)` / `max_unpool3d(self, indices,
/// output_size, stride, padding)`: zeros of the output size with each value of `self`
/// written at its flat spatial position `indices` in its (N, C) plane (max pooling's
/// indices), a scatter with overwrite along the flattened plane (a position two
/// windows picked gets the same value twice). Static shapes.
fn max_unpool(ctx: &mut Ctx, args: &Args, n: usize) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let idx = args.tensor(ctx, "indices")?;
    let r = x.rank();
    if r != out.dims().len() || r <= n || idx.shape() != x.shape() || !x.ty.is_static() || !out.is_static() {
        return Err(format!("max_unpool needs static self and indices of one shape and an output of their rank, got {}, {} and {out}", x.ty, idx.ty).into());
    }
    let lead = r - n;
    let mut rows: Vec<i64> = x.shape()[..lead].to_vec();
    rows.push(x.shape()[lead..].iter().product());
    let mut plane: Vec<i64> = out.dims()[..lead].to_vec();
    plane.push(out.dims()[lead..].iter().product());
    let x = ctx.e.convert(&x, &out.elem);
    let xs = ctx.e.reshape(&x, &rows);
    let is = ctx.e.reshape(&idx, &rows);
    let zeros = ctx.e.splat(0.0, &out.elem, &plane);
    let coords = along_dim_coords(ctx, &is, lead, lead + 1);
    let all: Vec<i64> = (0..=lead as i64).collect();
    let y = scatter(ctx, &zeros, &coords, &xs, &pointwise(&all), Combine::Replace);
    Ok(vec![ctx.e.reshape(&y, out.dims())])
}

pub fn max_unpool2d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    max_unpool(ctx, args, 2)
}

pub fn max_unpool3d(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    max_unpool(ctx, args, 3)
}

/// `diagonal(self, offset=0, dim1=0, dim2=1)`: the diagonal of the (dim1, dim2) planes
/// as a new last dim, the other dims kept in order.
pub fn diagonal(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    let x = args.tensor(ctx, "self")?;
    let d1 = args.dim("dim1", x.rank())? as usize;
    let d2 = args.dim("dim2", x.rank())? as usize;
    if d1 == d2 {
        return Err(format!("diagonal dims must differ, got {d1} and {d2}").into());
    }
    let offset = args.int("offset")?;
    let (n1, n2) = (x.shape()[d1], x.shape()[d2]);
    let len = if offset >= 0 { n1.min(n2 - offset) } else { (n1 + offset).min(n2) }.max(0);
    ctx.reserve_constant("the diagonal's coordinate table", 2 * len as u128, &ElemTy::I(64))?;
    let rows: Vec<i64> = (0..len).map(|i| if offset >= 0 { i } else { i - offset }).collect();
    let cols: Vec<i64> = (0..len).map(|i| if offset >= 0 { i + offset } else { i }).collect();
    // Coordinates [len, 2] of (dim1, dim2); gather collapses both dims and appends the
    // diagonal as the batch dim at the end.
    let mut flat = Vec::new();
    for (r, c) in rows.iter().zip(&cols) {
        flat.push(*r);
        flat.push(*c);
    }
    let coords = ctx.e.const_i64s_shaped(&flat, &[len, 2]);
    let (lo, hi) = (d1.min(d2) as i64, d1.max(d2) as i64);
    let kept = x.rank() - 2;
    let offset_dims: Vec<i64> = (0..kept as i64).collect();
    let sizes: Vec<i64> = (0..x.rank()).map(|d| if d == d1 || d == d2 { 1 } else { x.shape()[d] }).collect();
    let attrs = gather_attr(&offset_dims, &[lo, hi], &[d1 as i64, d2 as i64], 1, &sizes);
    // The kept dims are the gather's offset dims 0..kept; its batch dim (the diagonal)
    // comes last.
    let mut shape: Vec<i64> = (0..x.rank()).filter(|&d| d != d1 && d != d2).map(|d| x.shape()[d]).collect();
    shape.push(len);
    let r = ctx.e.op("stablehlo.gather", &[&x, &coords], &attrs, tensor(&shape, x.elem().clone()));
    Ok(vec![ctx.e.reshape(&r, out.dims())])
}

/// `_embedding_bag(weight, indices, offsets, scale_grad_by_freq, mode, sparse,
/// per_sample_weights, include_last_offset, padding_idx)`: the rows of `weight` at
/// `indices`, pooled per bag (bag b holds `indices[offsets[b]:offsets[b + 1]]`) by sum
/// (mode 0, optionally weighted per sample), mean (1) or max (2); empty bags give
/// zeros and `padding_idx` rows are left out. Only the first output (the bags) is
/// produced: the others serve the backward pass.
pub fn embedding_bag(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    let out = ctx.out_ty(0)?;
    if (1..4).any(|i| ctx.output_used(i)) {
        return Err("_embedding_bag's offset2bag, bag_size and max_indices outputs are not supported".into());
    }
    let weight = args.tensor(ctx, "weight")?;
    let indices = args.tensor(ctx, "indices")?;
    let offsets = args.tensor(ctx, "offsets")?;
    let mode = args.int("mode")?;
    let per_sample = args.opt_tensor(ctx, "per_sample_weights")?;
    let padding_idx = args.int("padding_idx")?;
    if indices.rank() != 1
        || offsets.rank() != 1
        || weight.rank() != 2
        || out.dims().len() != 2
        || !out.is_static()
        || !indices.ty.is_static()
        || !offsets.ty.is_static()
    {
        return Err("_embedding_bag needs static 1-d indices and offsets, a 2-d weight and a static 2-d result".into());
    }
    if !(0..=2).contains(&mode) {
        return Err(format!("_embedding_bag mode {mode} is not supported").into());
    }
    let (l, nb, d) = (indices.shape()[0], out.dims()[0], out.dims()[1]);
    let no = offsets.shape()[0];
    let elem = out.elem.clone();
    let i64t = ElemTy::I(64);
    // bag[i] = #{offsets <= i} - 1.
    let offs = ctx.e.convert(&offsets, &i64t);
    let ob = ctx.e.broadcast_in_dim(&offs, &[no, l], &[0]);
    let pos = ctx.e.op("stablehlo.iota", &[], "iota_dimension = 1 : i64", tensor(&[no, l], i64t.clone()));
    let started = ctx.e.compare("LE", &ob, &pos);
    let started = ctx.e.convert(&started, &i64t);
    let count = ctx.e.reduce(&started, &[0], "stablehlo.add", 0.0);
    let one = ctx.e.splat(1.0, &i64t, &[l]);
    let bag = ctx.e.binary("stablehlo.subtract", &count, &one);
    // A row counts if it falls in a bag and is not padding.
    let zero = ctx.e.splat(0.0, &i64t, &[l]);
    let nbv = ctx.e.splat(nb as f64, &i64t, &[l]);
    let lo_ok = ctx.e.compare("GE", &bag, &zero);
    let hi_ok = ctx.e.compare("LT", &bag, &nbv);
    let mut valid = ctx.e.binary("stablehlo.and", &lo_ok, &hi_ok);
    let idx = ctx.e.convert(&indices, &i64t);
    if padding_idx >= 0 {
        let pad = ctx.e.splat(padding_idx as f64, &i64t, &[l]);
        let not_pad = ctx.e.compare("NE", &idx, &pad);
        valid = ctx.e.binary("stablehlo.and", &valid, &not_pad);
    }
    let last = ctx.e.splat((nb - 1).max(0) as f64, &i64t, &[l]);
    let bag = ctx.e.binary("stablehlo.maximum", &bag, &zero);
    let bag = ctx.e.binary("stablehlo.minimum", &bag, &last);
    let bag = ctx.e.reshape(&bag, &[l, 1]);
    // Row i of the updates goes to bag[i] (dim 0 of the result).
    let by_bag = |window_dims: &'static [i64]| Placement { window_dims, operand_dims: &[0], index_vector_dim: 1 };
    let w = ctx.e.convert(&weight, &elem);
    let rows = super::shape::take_along(ctx, &w, &idx, 0);
    let valid_rows = ctx.e.broadcast_in_dim(&valid, &[l, d], &[0]);
    // Rows per bag (for mean, and to zero empty bags under max).
    let onesf = ctx.e.splat(1.0, &elem, &[l]);
    let zerof = ctx.e.splat(0.0, &elem, &[l]);
    let vf = ctx.e.select(&valid, &onesf, &zerof);
    let empty_counts = ctx.e.splat(0.0, &elem, &[nb]);
    let counts = scatter(ctx, &empty_counts, &bag, &vf, &by_bag(&[]), Combine::Add);
    let counts_b = ctx.e.broadcast_in_dim(&counts, &[nb, d], &[0]);
    let zeros_out = ctx.e.splat(0.0, &elem, &[nb, d]);
    let r = if mode == 2 {
        let low = ctx.e.splat(f64::NEG_INFINITY, &elem, &[l, d]);
        let rows = ctx.e.select(&valid_rows, &rows, &low);
        let init = ctx.e.splat(f64::NEG_INFINITY, &elem, &[nb, d]);
        let m = scatter(ctx, &init, &bag, &rows, &by_bag(&[1]), Combine::Max);
        let zb = ctx.e.splat(0.0, &elem, &[nb, d]);
        let nonempty = ctx.e.compare("GT", &counts_b, &zb);
        ctx.e.select(&nonempty, &m, &zeros_out)
    } else {
        let zero_rows = ctx.e.splat(0.0, &elem, &[l, d]);
        let mut rows = ctx.e.select(&valid_rows, &rows, &zero_rows);
        if let Some(psw) = per_sample {
            if mode != 0 {
                return Err("per_sample_weights are only defined for mode 'sum'".into());
            }
            let psw = ctx.e.convert(&psw, &elem);
            let pb = ctx.e.broadcast_in_dim(&psw, &[l, d], &[0]);
            rows = ctx.e.binary("stablehlo.multiply", &rows, &pb);
        }
        let s = scatter(ctx, &zeros_out, &bag, &rows, &by_bag(&[1]), Combine::Add);
        if mode == 1 {
            let one_b = ctx.e.splat(1.0, &elem, &[nb, d]);
            let safe = ctx.e.binary("stablehlo.maximum", &counts_b, &one_b);
            ctx.e.binary("stablehlo.divide", &s, &safe)
        } else {
            s
        }
    };
    Ok(vec![r])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_shapes_broadcast_numpy_style() {
        assert_eq!(broadcast_shapes(&[&[3, 1], &[1, 4]]).unwrap(), vec![3, 4]);
        assert_eq!(broadcast_shapes(&[&[5], &[2, 1]]).unwrap(), vec![2, 5]);
        assert_eq!(broadcast_shapes(&[&[], &[2]]).unwrap(), vec![2]);
        assert!(broadcast_shapes(&[&[3], &[4]]).is_err());
        assert!(broadcast_shapes(&[&[-1], &[4]]).is_err());
    }

    #[test]
    fn empty_dim_lists_are_omitted() {
        assert_eq!(dims_field("offset_dims", &[]), None);
        assert_eq!(dims_field("offset_dims", &[0, 2]).as_deref(), Some("offset_dims = [0, 2]"));
        let a = gather_attr(&[], &[0, 1], &[1, 0], 1, &[1, 1]);
        assert!(a.starts_with("dimension_numbers = #stablehlo.gather<collapsed_slice_dims = [0, 1], start_index_map = [1, 0], index_vector_dim = 1>"), "{a}");
    }
}

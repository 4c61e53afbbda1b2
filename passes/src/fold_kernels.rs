//! What `tfl-fold-constants` computes for the TFL ops the catalog gives no
//! `Trait::Fold`: comparisons, logical ops, selects, floor division, gathers, ranges,
//! reductions, cumulative sums, packs and reverses whose operands are all
//! constants. Index tables and masks a model builds at run time from static shapes
//! (relative-position indices, causal and shifted-window masks) are chains of these.
//!
//! Each row of `KERNELS` names an op and how to evaluate it; every kernel follows
//! LiteRT's: comparisons are IEEE (a NaN compares unequal to everything), FLOOR_DIV and
//! FLOOR_MOD round toward negative infinity, RANGE accumulates `start += delta` in the
//! element type, float reductions accumulate in f32 in row-major order. An op whose
//! kernel would fail at run time (an index out of range, division by zero) is left
//! alone, so the model still reports it.
//!
//! A kernel returns the full result (`Value`) and says whether it only moves elements of
//! its inputs (`copies`): the pass does not make a second copy of a large constant that
//! lives on (see `tfl_fold_constants`).

use crate::constant::{broadcast_indices, broadcast_shapes, strides, ConstTensor};
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::Op;
use edge_dialects::tfl::op as tfl;

#[derive(Clone, Copy, Debug)]
enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug)]
enum Reduce {
    Any,
    All,
    Max,
    Min,
    Prod,
    Sum,
    Mean,
}

#[derive(Clone, Copy, Debug)]
enum Kernel {
    Compare(Cmp),
    LogicalAnd,
    LogicalOr,
    LogicalNot,
    SelectV2,
    FloorDiv,
    FloorMod,
    Gather,
    GatherNd,
    Range,
    Reduce(Reduce),
    Cumsum,
    Pack,
    ReverseV2,
    FullyConnected,
}

/// The ops evaluated here, by name (sorted).
const KERNELS: &[(&str, Kernel)] = &[
    (tfl::Cumsum::NAME, Kernel::Cumsum),
    (tfl::Equal::NAME, Kernel::Compare(Cmp::Eq)),
    (tfl::FloorDiv::NAME, Kernel::FloorDiv),
    (tfl::FloorMod::NAME, Kernel::FloorMod),
    (tfl::FullyConnected::NAME, Kernel::FullyConnected),
    (tfl::Gather::NAME, Kernel::Gather),
    (tfl::GatherNd::NAME, Kernel::GatherNd),
    (tfl::Greater::NAME, Kernel::Compare(Cmp::Gt)),
    (tfl::GreaterEqual::NAME, Kernel::Compare(Cmp::Ge)),
    (tfl::Less::NAME, Kernel::Compare(Cmp::Lt)),
    (tfl::LessEqual::NAME, Kernel::Compare(Cmp::Le)),
    (tfl::LogicalAnd::NAME, Kernel::LogicalAnd),
    (tfl::LogicalNot::NAME, Kernel::LogicalNot),
    (tfl::LogicalOr::NAME, Kernel::LogicalOr),
    (tfl::Mean::NAME, Kernel::Reduce(Reduce::Mean)),
    (tfl::NotEqual::NAME, Kernel::Compare(Cmp::Ne)),
    (tfl::Pack::NAME, Kernel::Pack),
    (tfl::Range::NAME, Kernel::Range),
    (tfl::ReduceAll::NAME, Kernel::Reduce(Reduce::All)),
    (tfl::ReduceAny::NAME, Kernel::Reduce(Reduce::Any)),
    (tfl::ReduceMax::NAME, Kernel::Reduce(Reduce::Max)),
    (tfl::ReduceMin::NAME, Kernel::Reduce(Reduce::Min)),
    (tfl::ReduceProd::NAME, Kernel::Reduce(Reduce::Prod)),
    (tfl::ReverseV2::NAME, Kernel::ReverseV2),
    (tfl::SelectV2::NAME, Kernel::SelectV2),
    (tfl::Sum::NAME, Kernel::Reduce(Reduce::Sum)),
];

/// One evaluated op: its full result and whether it only moves input elements.
pub struct Evaluated {
    pub value: ConstTensor,
    pub copies: bool,
}

/// Whether `op` has a kernel here.
pub fn has_kernel(op: Op) -> bool {
    KERNELS.iter().any(|(n, _)| op.is(n))
}

/// Numbers of one constant: f32, or integers (bools as 0/1).
enum Num {
    F(Vec<f32>),
    I(Vec<i64>),
}

fn nums(c: &ConstTensor) -> Option<Num> {
    if let Some(f) = c.f32s() {
        return Some(Num::F(f));
    }
    c.ints().map(Num::I)
}

/// A constant of `elem` holding `n` (cast only when the kinds agree).
fn tensor(shape: Vec<i64>, elem: &ElemTy, n: Num) -> Option<ConstTensor> {
    let bytes = match n {
        Num::F(v) if *elem == ElemTy::F32 => v.iter().flat_map(|x| x.to_le_bytes()).collect(),
        Num::I(v) if elem.is_int() || elem.is_bool() => int_bytes(elem, &v)?,
        _ => return None,
    };
    Some(ConstTensor { shape, elem: elem.clone(), bytes })
}

/// Little-endian bytes of `values` at `elem`'s width (two's complement, cut; bools 0/1).
pub(crate) fn int_bytes(elem: &ElemTy, values: &[i64]) -> Option<Vec<u8>> {
    if *elem == ElemTy::I(1) {
        return Some(values.iter().map(|&v| (v != 0) as u8).collect());
    }
    let width = match elem {
        ElemTy::I(w) | ElemTy::U(w) if [8, 16, 32, 64].contains(w) => *w as usize / 8,
        _ => return None,
    };
    Some(values.iter().flat_map(|v| v.to_le_bytes()[..width].to_vec()).collect())
}

/// Evaluates `op` (result `dims` / `elem`, static) from `inputs`, its operands as
/// compact constants (`read_compact`) and `full`, which expands operand `i` to its whole
/// shape. `None` when the op has no kernel here or its kernel does not apply.
pub fn evaluate(
    op: Op,
    dims: &[i64],
    elem: &ElemTy,
    inputs: &[ConstTensor],
    full: &dyn Fn(usize) -> Option<ConstTensor>,
) -> Option<Evaluated> {
    let kernel = KERNELS.iter().find(|(n, _)| op.is(n))?.1;
    if inputs.iter().any(|c| c.elem.is_quant()) {
        return None;
    }
    let computed = |value: ConstTensor| Some(Evaluated { value, copies: false });
    let copied = |value: ConstTensor| Some(Evaluated { value, copies: true });
    let value = match kernel {
        Kernel::Compare(c) => {
            let (shape, ia, ib) = broadcast2(&inputs[0], &inputs[1])?;
            let v: Vec<i64> = match (nums(&inputs[0])?, nums(&inputs[1])?) {
                (Num::F(a), Num::F(b)) => {
                    ia.iter().zip(&ib).map(|(&i, &j)| compare(c, a[i].partial_cmp(&b[j])) as i64).collect()
                }
                (Num::I(a), Num::I(b)) => {
                    ia.iter().zip(&ib).map(|(&i, &j)| compare(c, a[i].partial_cmp(&b[j])) as i64).collect()
                }
                _ => return None,
            };
            return computed(tensor(shape, elem, Num::I(v))?);
        }
        Kernel::LogicalAnd | Kernel::LogicalOr => {
            let (shape, ia, ib) = broadcast2(&inputs[0], &inputs[1])?;
            let (a, b) = (inputs[0].ints()?, inputs[1].ints()?);
            let and = matches!(kernel, Kernel::LogicalAnd);
            let v = ia
                .iter()
                .zip(&ib)
                .map(|(&i, &j)| if and { a[i] != 0 && b[j] != 0 } else { a[i] != 0 || b[j] != 0 } as i64)
                .collect();
            return computed(tensor(shape, elem, Num::I(v))?);
        }
        Kernel::LogicalNot => {
            let v = inputs[0].ints()?.iter().map(|&a| (a == 0) as i64).collect();
            return computed(tensor(inputs[0].shape.clone(), elem, Num::I(v))?);
        }
        Kernel::SelectV2 => {
            let (c, x, y) = (&inputs[0], &inputs[1], &inputs[2]);
            let shape = broadcast_shapes(&broadcast_shapes(&c.shape, &x.shape)?, &y.shape)?;
            if x.elem != *elem || y.elem != *elem {
                return None;
            }
            let cond = c.ints()?;
            let width = x.bytes.len() / x.num_elements().max(1);
            let (ic, ix, iy) = (
                broadcast_indices(&c.shape, &shape),
                broadcast_indices(&x.shape, &shape),
                broadcast_indices(&y.shape, &shape),
            );
            let mut bytes = Vec::with_capacity(ic.len() * width);
            for k in 0..ic.len() {
                let (t, i) = if cond[ic[k]] != 0 { (x, ix[k]) } else { (y, iy[k]) };
                bytes.extend_from_slice(&t.bytes[i * width..(i + 1) * width]);
            }
            return copied(ConstTensor { shape, elem: elem.clone(), bytes });
        }
        Kernel::FloorDiv | Kernel::FloorMod => {
            let (shape, ia, ib) = broadcast2(&inputs[0], &inputs[1])?;
            let div = matches!(kernel, Kernel::FloorDiv);
            let v = match (nums(&inputs[0])?, nums(&inputs[1])?) {
                (Num::F(a), Num::F(b)) => {
                    Num::F(ia.iter().zip(&ib).map(|(&i, &j)| floor_f32(div, a[i], b[j])).collect())
                }
                (Num::I(a), Num::I(b)) => {
                    Num::I(ia.iter().zip(&ib).map(|(&i, &j)| floor_int(div, a[i], b[j])).collect::<Option<_>>()?)
                }
                _ => return None,
            };
            return computed(tensor(shape, elem, v)?);
        }
        Kernel::Gather => gather(op, &full(0)?, &full(1)?, dims)?,
        Kernel::GatherNd => gather_nd(&full(0)?, &full(1)?, dims)?,
        Kernel::Range => return computed(range(inputs, dims, elem)?),
        Kernel::Reduce(r) => return computed(reduce(op, r, &full(0)?, dims, elem)?),
        Kernel::Cumsum => return computed(cumsum(op, &full(0)?, elem)?),
        Kernel::FullyConnected => return computed(fully_connected(op, inputs, full, dims, elem)?),
        Kernel::Pack => {
            let parts: Vec<ConstTensor> = (0..op.num_operands()).map(full).collect::<Option<_>>()?;
            let rank = dims.len() as i64;
            let axis = op.int_attr("axis")?;
            let axis = if axis < 0 { axis + rank } else { axis };
            if !(0..rank).contains(&axis) || parts.iter().any(|p| p.elem != *elem) {
                return None;
            }
            let outer: i64 = dims[..axis as usize].iter().product();
            let mut bytes = Vec::new();
            for o in 0..outer as usize {
                for p in &parts {
                    let chunk = p.bytes.len() / outer.max(1) as usize;
                    bytes.extend_from_slice(&p.bytes[o * chunk..(o + 1) * chunk]);
                }
            }
            ConstTensor { shape: dims.to_vec(), elem: elem.clone(), bytes }
        }
        Kernel::ReverseV2 => {
            let x = full(0)?;
            let rank = x.shape.len() as i64;
            let axes = full(1)?.ints()?;
            let mut flip = vec![false; rank as usize];
            for a in axes {
                let a = if a < 0 { a + rank } else { a };
                *flip.get_mut(usize::try_from(a).ok()?)? = true;
            }
            move_elements(&x, dims, |index, src| {
                for d in 0..rank as usize {
                    src[d] = if flip[d] { x.shape[d] - 1 - index[d] } else { index[d] };
                }
                true
            })
        }
    };
    if value.shape != dims || value.elem != *elem {
        return None;
    }
    copied(value)
}

/// Most multiply-adds a folded FULLY_CONNECTED may take (a fraction of a second).
const MAX_FC_WORK: i64 = 1 << 26;

/// FULLY_CONNECTED of constants: rows of the input times the filter `[N, K]`, plus the
/// bias, then the fused activation; float32 only. Each dot product is summed in f64
/// and rounded once (LiteRT's kernels sum in f32 in an order of their own: the two
/// agree to the last bits). A recurrent layer's first step (the zero initial state
/// times the recurrent weights) and a position-bias MLP over a constant table
/// (Swin V2) are such products.
fn fully_connected(
    op: Op,
    inputs: &[ConstTensor],
    full: &dyn Fn(usize) -> Option<ConstTensor>,
    dims: &[i64],
    elem: &ElemTy,
) -> Option<ConstTensor> {
    let (x, w) = (full(0)?.f32s()?, full(1)?);
    let (n, k) = match w.shape[..] {
        [n, k] if n > 0 && k > 0 => (n, k),
        _ => return None,
    };
    let w = w.f32s()?;
    let bias = match inputs.len() {
        2 => vec![0.0; n as usize],
        3 => full(2)?.f32s()?,
        _ => return None,
    };
    let m = x.len() as i64 / k;
    if *elem != ElemTy::F32 || x.len() as i64 != m * k || bias.len() as i64 != n || dims.iter().product::<i64>() != m * n {
        return None;
    }
    if m * n * k > MAX_FC_WORK {
        return None;
    }
    let act = op.str_attr("fused_activation_function")?;
    let (lo, hi) = match act.as_str() {
        "NONE" => (f32::NEG_INFINITY, f32::INFINITY),
        "RELU" => (0.0, f32::INFINITY),
        "RELU6" => (0.0, 6.0),
        "RELU_N1_TO_1" => (-1.0, 1.0),
        _ => return None,
    };
    let (k, n) = (k as usize, n as usize);
    let mut out = Vec::with_capacity(m as usize * n);
    for row in x.chunks(k) {
        for (j, wj) in w.chunks(k).enumerate() {
            let dot: f64 = row.iter().zip(wj).map(|(&a, &b)| a as f64 * b as f64).sum::<f64>() + bias[j] as f64;
            out.push((dot as f32).clamp(lo, hi));
        }
    }
    tensor(dims.to_vec(), elem, Num::F(out))
}

/// The broadcast shape of two operands and each one's source index per element.
fn broadcast2(a: &ConstTensor, b: &ConstTensor) -> Option<(Vec<i64>, Vec<usize>, Vec<usize>)> {
    let shape = broadcast_shapes(&a.shape, &b.shape)?;
    let (ia, ib) = (broadcast_indices(&a.shape, &shape), broadcast_indices(&b.shape, &shape));
    Some((shape, ia, ib))
}

/// A comparison's result from the operands' order (`None`: a NaN was compared, and
/// every comparison but "not equal" is false, as in C++).
fn compare(c: Cmp, o: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::*;
    match (c, o) {
        (Cmp::Ne, None) => true,
        (_, None) => false,
        (Cmp::Eq, Some(o)) => o == Equal,
        (Cmp::Ne, Some(o)) => o != Equal,
        (Cmp::Lt, Some(o)) => o == Less,
        (Cmp::Le, Some(o)) => o != Greater,
        (Cmp::Gt, Some(o)) => o == Greater,
        (Cmp::Ge, Some(o)) => o != Less,
    }
}

/// TFLite's FLOOR_DIV (`std::floor(x / y)`) and FLOOR_MOD (`std::fmod`, moved to the
/// divisor's sign) on floats.
fn floor_f32(div: bool, a: f32, b: f32) -> f32 {
    if div {
        (a / b).floor()
    } else {
        let m = a % b;
        if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
            m + b
        } else {
            m
        }
    }
}

/// FLOOR_DIV / FLOOR_MOD on integers; `None` for a zero divisor (LiteRT's kernel fails).
fn floor_int(div: bool, a: i64, b: i64) -> Option<i64> {
    if b == 0 {
        return None;
    }
    let (q, m) = (a.wrapping_div(b), a.wrapping_rem(b));
    let negative = m != 0 && ((b < 0) != (m < 0));
    Some(match (div, negative) {
        (true, true) => q - 1,
        (true, false) => q,
        (false, true) => m + b,
        (false, false) => m,
    })
}

/// The elements of a tensor of shape `out` whose index `where_from` maps to an index of
/// `x` (every index must map into `x`).
fn move_elements(x: &ConstTensor, out: &[i64], where_from: impl FnMut(&[i64], &mut [i64]) -> bool) -> ConstTensor {
    let bytes = crate::tfl_fold_constants::gather_elements(x, out, &[], where_from);
    ConstTensor { shape: out.to_vec(), elem: x.elem.clone(), bytes }
}

/// GATHER with `batch_dims` 0: params[..., indices[j], ...] along `axis`; indices
/// outside the dim (LiteRT fails on them) are not folded.
fn gather(op: Op, params: &ConstTensor, indices: &ConstTensor, dims: &[i64]) -> Option<ConstTensor> {
    let g = op.cast::<tfl::Gather>()?;
    if g.batch_dims().unwrap_or(0) != 0 {
        return None;
    }
    let rank = params.shape.len() as i64;
    let axis = g.axis()?;
    let axis = usize::try_from(if axis < 0 { axis + rank } else { axis }).ok()?;
    let n = *params.shape.get(axis)?;
    let idx = indices.ints()?;
    if idx.iter().any(|&i| !(0..n).contains(&i)) {
        return None;
    }
    let outer: usize = params.shape[..axis].iter().product::<i64>() as usize;
    let inner: usize = params.shape[axis + 1..].iter().product::<i64>() as usize;
    let width = params.bytes.len() / params.num_elements().max(1);
    let row = inner * width;
    let mut bytes = Vec::with_capacity(outer * idx.len() * row);
    for o in 0..outer {
        for &i in &idx {
            let s = (o * n as usize + i as usize) * row;
            bytes.extend_from_slice(&params.bytes[s..s + row]);
        }
    }
    let shape: Vec<i64> =
        params.shape[..axis].iter().chain(&indices.shape).chain(&params.shape[axis + 1..]).copied().collect();
    (shape == dims).then(|| ConstTensor { shape, elem: params.elem.clone(), bytes })
}

/// GATHER_ND: each index vector (the last dim of `indices`) picks a slice of `params`.
fn gather_nd(params: &ConstTensor, indices: &ConstTensor, dims: &[i64]) -> Option<ConstTensor> {
    let k = *indices.shape.last()? as usize;
    if k > params.shape.len() {
        return None;
    }
    let idx = indices.ints()?;
    let inner: usize = params.shape[k..].iter().product::<i64>() as usize;
    let width = params.bytes.len() / params.num_elements().max(1);
    let st = strides(&params.shape);
    let mut bytes = Vec::with_capacity(idx.len() / k.max(1) * inner * width);
    for vec in idx.chunks(k.max(1)) {
        let mut at = 0i64;
        for (d, &i) in vec.iter().enumerate().take(k) {
            if !(0..params.shape[d]).contains(&i) {
                return None;
            }
            at += i * st[d];
        }
        let s = at as usize * width;
        bytes.extend_from_slice(&params.bytes[s..s + inner * width]);
    }
    let shape: Vec<i64> = indices.shape[..indices.shape.len() - 1].iter().chain(&params.shape[k..]).copied().collect();
    (shape == dims).then(|| ConstTensor { shape, elem: params.elem.clone(), bytes })
}

/// RANGE as LiteRT computes it: `value = start; out[i] = value; value += delta`.
fn range(inputs: &[ConstTensor], dims: &[i64], elem: &ElemTy) -> Option<ConstTensor> {
    let n = *dims.first()? as usize;
    if dims.len() != 1 || inputs.iter().any(|c| c.num_elements() != 1) {
        return None;
    }
    let v = match (nums(&inputs[0])?, nums(&inputs[2])?) {
        (Num::F(s), Num::F(d)) => {
            let (mut value, mut out) = (s[0], Vec::with_capacity(n));
            for _ in 0..n {
                out.push(value);
                value += d[0];
            }
            Num::F(out)
        }
        (Num::I(s), Num::I(d)) => Num::I((0..n as i64).map(|i| s[0].wrapping_add(i.wrapping_mul(d[0]))).collect()),
        _ => return None,
    };
    tensor(dims.to_vec(), elem, v)
}

/// A reduction over the `axes` operand (negative axes wrap), `keep_dims` or not.
fn reduce(op: Op, r: Reduce, x: &ConstTensor, dims: &[i64], elem: &ElemTy) -> Option<ConstTensor> {
    let rank = x.shape.len() as i64;
    let axes = crate::constant::read(op.operand(1))?.ints()?;
    let mut reduced = vec![false; rank as usize];
    for a in axes {
        let a = if a < 0 { a + rank } else { a };
        *reduced.get_mut(usize::try_from(a).ok()?)? = true;
    }
    let kept: Vec<i64> = (0..rank as usize).map(|d| if reduced[d] { 1 } else { x.shape[d] }).collect();
    let out_n: usize = kept.iter().product::<i64>() as usize;
    if out_n != dims.iter().product::<i64>() as usize {
        return None;
    }
    // Each input element's output slot, in row-major order.
    let kept_strides = strides(&kept);
    let mut index = vec![0i64; rank as usize];
    let slots: Vec<usize> = (0..x.num_elements())
        .map(|_| {
            let s = (0..rank as usize).map(|d| if reduced[d] { 0 } else { index[d] * kept_strides[d] }).sum::<i64>()
                as usize;
            for d in (0..rank as usize).rev() {
                index[d] += 1;
                if index[d] < x.shape[d] {
                    break;
                }
                index[d] = 0;
            }
            s
        })
        .collect();
    let count = (x.num_elements() / out_n.max(1)) as f32;
    let v = match nums(x)? {
        Num::F(a) => {
            let (init, f): (f32, fn(f32, f32) -> f32) = match r {
                Reduce::Max => (f32::NEG_INFINITY, |a, b| if b > a { b } else { a }),
                Reduce::Min => (f32::INFINITY, |a, b| if b < a { b } else { a }),
                Reduce::Prod => (1.0, |a, b| a * b),
                Reduce::Sum | Reduce::Mean => (0.0, |a, b| a + b),
                Reduce::Any | Reduce::All => return None,
            };
            let mut out = vec![init; out_n];
            for (i, &s) in slots.iter().enumerate() {
                out[s] = f(out[s], a[i]);
            }
            if matches!(r, Reduce::Mean) {
                out.iter_mut().for_each(|o| *o /= count);
            }
            Num::F(out)
        }
        Num::I(a) => {
            let (init, f): (i64, fn(i64, i64) -> i64) = match r {
                Reduce::Any => (0, |a, b| (a != 0 || b != 0) as i64),
                Reduce::All => (1, |a, b| (a != 0 && b != 0) as i64),
                Reduce::Max => (i64::MIN, |a, b| a.max(b)),
                Reduce::Min => (i64::MAX, |a, b| a.min(b)),
                Reduce::Prod => (1, |a, b| a.wrapping_mul(b)),
                Reduce::Sum => (0, |a, b| a.wrapping_add(b)),
                // Integer means round as LiteRT's kernel does; not folded.
                Reduce::Mean => return None,
            };
            let mut out = vec![init; out_n];
            for (i, &s) in slots.iter().enumerate() {
                out[s] = f(out[s], a[i]);
            }
            Num::I(out)
        }
    };
    tensor(dims.to_vec(), elem, v)
}

/// CUMSUM along the scalar `axis` operand, `exclusive` and `reverse` as LiteRT reads them.
fn cumsum(op: Op, x: &ConstTensor, elem: &ElemTy) -> Option<ConstTensor> {
    let rank = x.shape.len() as i64;
    let axis = *crate::constant::read(op.operand(1))?.ints()?.first()?;
    let axis = usize::try_from(if axis < 0 { axis + rank } else { axis }).ok()?;
    let exclusive = op.bool_attr("exclusive").unwrap_or(false);
    let reverse = op.bool_attr("reverse").unwrap_or(false);
    let n = *x.shape.get(axis)? as usize;
    let inner: usize = x.shape[axis + 1..].iter().product::<i64>() as usize;
    let outer: usize = x.shape[..axis].iter().product::<i64>() as usize;
    let order: Vec<usize> = if reverse { (0..n).rev().collect() } else { (0..n).collect() };
    let at = |o: usize, k: usize, i: usize| (o * n + k) * inner + i;
    let v = match nums(x)? {
        Num::F(a) => {
            let mut out = vec![0f32; a.len()];
            for o in 0..outer {
                for i in 0..inner {
                    let mut acc = 0f32;
                    for &k in &order {
                        if exclusive {
                            out[at(o, k, i)] = acc;
                            acc += a[at(o, k, i)];
                        } else {
                            acc += a[at(o, k, i)];
                            out[at(o, k, i)] = acc;
                        }
                    }
                }
            }
            Num::F(out)
        }
        Num::I(a) => {
            let mut out = vec![0i64; a.len()];
            for o in 0..outer {
                for i in 0..inner {
                    let mut acc = 0i64;
                    for &k in &order {
                        if exclusive {
                            out[at(o, k, i)] = acc;
                            acc = acc.wrapping_add(a[at(o, k, i)]);
                        } else {
                            acc = acc.wrapping_add(a[at(o, k, i)]);
                            out[at(o, k, i)] = acc;
                        }
                    }
                }
            }
            Num::I(out)
        }
    };
    tensor(x.shape.clone(), elem, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_ops_round_down() {
        assert_eq!(floor_int(true, -7, 2), Some(-4));
        assert_eq!(floor_int(true, 7, -2), Some(-4));
        assert_eq!(floor_int(true, -7, -2), Some(3));
        assert_eq!(floor_int(false, -7, 2), Some(1));
        assert_eq!(floor_int(false, 7, -2), Some(-1));
        assert_eq!(floor_int(true, 1, 0), None);
        assert_eq!(floor_f32(false, -7.0, 2.0), 1.0);
        assert_eq!(floor_f32(true, -7.0, 2.0), -4.0);
    }

    #[test]
    fn nan_compares_unequal() {
        let nan = f32::NAN.partial_cmp(&1.0);
        assert!(!compare(Cmp::Eq, nan) && compare(Cmp::Ne, nan) && !compare(Cmp::Lt, nan) && !compare(Cmp::Ge, nan));
    }
}

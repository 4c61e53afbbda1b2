//! Range tables for `tfl-simplify-shapes`: values computed element-wise from positions
//! `range(0, n, 1)` (a causal mask `j <= i` spelled out by a decomposed export, its
//! `select` to 0 / -inf, casts and unit dims) depend on the positions only, not on `n`.
//! Where each `n` is an input size with a recorded maximum (`edge.dynamic_dims`), the
//! value at the largest sizes is a constant and the value at any size is its leading
//! block: a strided slice whose ends are the `n`s. LiteRT computes that slice of a
//! constant once, when tensors are allocated, as the static model has the whole value
//! folded; the ranges, casts, compares and selects no longer run at each invoke.
//!
//!   %r = range(0, %n, 1)                      %t = pseudo_const [L, L] (at the max L)
//!   %m = less_equal(reshape(%r, [1, -1]),  ->  %e = concatenation(reshape(%n, [1]), ...)
//!                   reshape(%r, [-1, 1]))      %m = strided_slice(%t, [0, 0], %e, [1, 1])
//!
//! Only ops that keep every element a function of its position are followed
//! (element-wise ops with broadcasting, casts, selects, transposes, reshapes that add or
//! drop unit dims); a table has at most `MAX_TABLE` elements (as the importer's causal
//! mask of the longest sequences).

use crate::constant::{broadcast_indices, broadcast_shapes, insert_i32, insert_owned, read_compact, ConstTensor};
use edge_dialects::ir::{Attr, ElemTy};
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::tfl::op as tfl;
use std::collections::HashMap;

/// The most elements a table has (4 MiB of f32).
const MAX_TABLE: i64 = 1 << 20;

/// Where a dim's size comes from.
#[derive(Clone, Copy, PartialEq)]
enum Dim<'c> {
    Static(i64),
    /// The length of a range: its run-time limit and that limit's maximum.
    Range(Value<'c>, i64),
}

impl Dim<'_> {
    fn max(&self) -> i64 {
        match *self {
            Dim::Static(n) | Dim::Range(_, n) => n,
        }
    }
}

/// Values during evaluation at the largest sizes.
#[derive(Clone)]
enum Data {
    F(Vec<f32>),
    I(Vec<i64>),
    B(Vec<bool>),
}

struct Tensor {
    shape: Vec<i64>,
    data: Data,
}

/// Replaces each maximal position-only value by a slice of its table; returns whether
/// anything changed.
pub(crate) fn fold_range_tables<'c>(func: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(body) = func.body() else { return false };
    let maxima = input_maxima(func);
    if maxima.is_empty() {
        return false;
    }
    // Dims of every position-only value, in body order.
    let mut dims: HashMap<Value<'c>, Vec<Dim<'c>>> = HashMap::new();
    let mut order: Vec<Op<'c>> = Vec::new();
    for op in body.ops() {
        if op.num_results() != 1 {
            continue;
        }
        if let Some(d) = follow(op, &dims, &maxima) {
            dims.insert(op.result(0), d);
            order.push(op);
        }
    }
    let mut changed = false;
    for &root in &order {
        let v = root.result(0);
        let d = &dims[&v];
        let escapes = v.users().iter().any(|u| u.num_results() != 1 || !dims.contains_key(&u.result(0)));
        if !escapes || root.isa::<tfl::Range>() || !d.iter().any(|x| matches!(x, Dim::Range(..))) {
            continue;
        }
        let size = d.iter().try_fold(1i64, |acc, x| acc.checked_mul(x.max()));
        if size.is_none_or(|n| n > MAX_TABLE) {
            continue;
        }
        let mut memo = HashMap::new();
        let Some(t) = eval(v, &dims, &mut memo) else { continue };
        let Some(c) = to_const(&t, &v.ty().elem) else { continue };
        rw.set_insertion_before(root);
        if let Some(s) = slice_of_table(rw, c, d, v) {
            rw.replace_all_uses(v, s);
            changed = true;
        }
    }
    changed
}

/// The recorded maximum of each dynamic input dim: (argument number, dim) -> max.
fn input_maxima(func: Op<'_>) -> HashMap<(usize, usize), i64> {
    let mut out = HashMap::new();
    let Some(attr) = func.raw_attr("edge.dynamic_dims") else { return out };
    let entries = func.raw_attr("tf.entry_function").and_then(|a| a.dictionary_entries()).unwrap_or_default();
    let names: Vec<String> = match entries.iter().find(|(k, _)| *k == "inputs").map(|(_, v)| v.value()) {
        Some(Attr::Str(s)) => s.split(',').map(|x| x.trim().to_string()).collect(),
        _ => return out,
    };
    let c = func.context();
    for (name, list) in attr.dictionary_entries().unwrap_or_default() {
        let Some(arg) = names.iter().position(|n| n == name) else { continue };
        let Attr::Array(items) = list.value() else { continue };
        for item in items {
            // Array elements come back as text; a dictionary is parsed again.
            let Attr::Other(text) = item else { continue };
            let Some(fields) = c.parse_attr(&text).and_then(|a| a.dictionary_entries()) else { continue };
            let int = |k: &str| fields.iter().find(|(n, _)| *n == k).and_then(|(_, v)| v.value().as_int());
            if let (Some(dim), Some(max)) = (int("dim"), int("max")) {
                out.insert((arg, dim as usize), max);
            }
        }
    }
    out
}

/// The maximum of a 0-d i32 size read from an input's shape.
fn size_max(v: Value<'_>, maxima: &HashMap<(usize, usize), i64>) -> Option<i64> {
    let sl = v.defined_by::<tfl::StridedSlice>()?;
    let shape = sl.input().defined_by::<tfl::Shape>()?;
    let (b, e) = (sl.begin().const_ints()?, sl.end().const_ints()?);
    let masks = [sl.begin_mask(), sl.end_mask(), sl.ellipsis_mask(), sl.new_axis_mask()];
    if b.len() != 1 || e != [b[0] + 1] || masks.iter().any(|m| m.unwrap_or(0) != 0) || sl.shrink_axis_mask() != Some(1) {
        return None;
    }
    let arg = shape.input().arg_number()?;
    maxima.get(&(arg, usize::try_from(b[0]).ok()?)).copied()
}

/// The dims of `op`'s result when it is computed from positions and constants only.
fn follow<'c>(op: Op<'c>, dims: &HashMap<Value<'c>, Vec<Dim<'c>>>, maxima: &HashMap<(usize, usize), i64>) -> Option<Vec<Dim<'c>>> {
    let out = op.result(0);
    let ot = out.ty();
    ot.rank()?;
    if let Some(r) = op.cast::<tfl::Range>() {
        let ints = |v: Value<'_>| read_compact(v).and_then(|c| c.ints());
        if ints(r.start())? != [0] || ints(r.delta())? != [1] || r.limit().elem() != ElemTy::I(32) {
            return None;
        }
        let max = size_max(r.limit(), maxima)?;
        return Some(vec![Dim::Range(r.limit(), max)]);
    }
    // Operands: followed values or small constants, at least one followed.
    let operand_dims = |v: Value<'c>| -> Option<Vec<Dim<'c>>> {
        if let Some(d) = dims.get(&v) {
            return Some(d.clone());
        }
        let c = read_compact(v)?;
        (c.num_elements() <= 4096).then(|| c.shape.iter().map(|&n| Dim::Static(n)).collect())
    };
    let fused_none = op.str_attr("fused_activation_function").is_none_or(|a| a == "NONE");
    let name = op.name();
    let data_operands: Vec<Value<'c>> = if is_elementwise(name) || op.isa::<tfl::SelectV2>() {
        op.operands()
    } else if op.isa::<tfl::Reshape>() || op.isa::<tfl::ExpandDims>() || op.isa::<tfl::Squeeze>() || op.isa::<tfl::Transpose>() {
        vec![op.operand(0)]
    } else {
        return None;
    };
    if !fused_none || !data_operands.iter().any(|v| dims.contains_key(v)) {
        return None;
    }
    let ins: Vec<Vec<Dim<'c>>> = data_operands.iter().map(|&v| operand_dims(v)).collect::<Option<_>>()?;
    if let Some(t) = op.cast::<tfl::Transpose>() {
        let perm = t.perm().const_ints()?;
        return perm.iter().map(|&p| ins[0].get(usize::try_from(p).ok()?).copied()).collect();
    }
    if data_operands.len() == 1 && !is_elementwise(name) {
        // Reshapes that add or drop unit dims: the other dims keep their order.
        let kept: Vec<Dim<'c>> = ins[0].iter().copied().filter(|d| *d != Dim::Static(1)).collect();
        let mut next = kept.iter();
        let mut res = Vec::with_capacity(ot.dims().len());
        for &n in ot.dims() {
            if n == 1 {
                res.push(Dim::Static(1));
                continue;
            }
            let d = *next.next()?;
            match d {
                Dim::Static(m) if m == n => res.push(d),
                Dim::Range(..) if n < 0 => res.push(d),
                _ => return None,
            }
        }
        return next.next().is_none().then_some(res);
    }
    // Broadcasting: each dim is the one operand dim that is not 1 (or equal ones).
    let rank = ot.dims().len();
    let mut res = Vec::with_capacity(rank);
    for k in 0..rank {
        let mut d = Dim::Static(1);
        for i in &ins {
            let Some(pos) = (k + i.len()).checked_sub(rank) else { continue };
            match (d, i[pos]) {
                (_, Dim::Static(1)) => {}
                (Dim::Static(1), x) => d = x,
                (a, b) if a == b => {}
                _ => return None,
            }
        }
        let n = ot.dims()[k];
        if (n >= 0 && d != Dim::Static(n)) || (n < 0 && !matches!(d, Dim::Range(..))) {
            return None;
        }
        res.push(d);
    }
    Some(res)
}

fn is_elementwise(name: &str) -> bool {
    [
        tfl::Add::NAME,
        tfl::Sub::NAME,
        tfl::Mul::NAME,
        tfl::Maximum::NAME,
        tfl::Minimum::NAME,
        tfl::Less::NAME,
        tfl::LessEqual::NAME,
        tfl::Greater::NAME,
        tfl::GreaterEqual::NAME,
        tfl::Equal::NAME,
        tfl::NotEqual::NAME,
        tfl::LogicalAnd::NAME,
        tfl::LogicalOr::NAME,
        tfl::LogicalNot::NAME,
        tfl::Neg::NAME,
        tfl::Cast::NAME,
    ]
    .contains(&name)
}

/// `v` at the largest sizes.
fn eval<'c>(v: Value<'c>, dims: &HashMap<Value<'c>, Vec<Dim<'c>>>, memo: &mut HashMap<Value<'c>, std::rc::Rc<Tensor>>) -> Option<std::rc::Rc<Tensor>> {
    if let Some(t) = memo.get(&v) {
        return Some(t.clone());
    }
    let t = std::rc::Rc::new(eval_uncached(v, dims, memo)?);
    memo.insert(v, t.clone());
    Some(t)
}

fn eval_uncached<'c>(v: Value<'c>, dims: &HashMap<Value<'c>, Vec<Dim<'c>>>, memo: &mut HashMap<Value<'c>, std::rc::Rc<Tensor>>) -> Option<Tensor> {
    let Some(d) = dims.get(&v) else {
        let c = read_compact(v)?;
        let data = match c.elem {
            ElemTy::F32 => Data::F(c.f32s()?),
            ElemTy::I(1) => Data::B(c.ints()?.iter().map(|&x| x != 0).collect()),
            _ => Data::I(c.ints()?),
        };
        return Some(Tensor { shape: c.shape, data });
    };
    let shape: Vec<i64> = d.iter().map(Dim::max).collect();
    let op = v.defining_op()?;
    let elem = v.ty().elem;
    if op.isa::<tfl::Range>() {
        return Some(Tensor { data: Data::I((0..shape[0]).collect()), shape });
    }
    if op.isa::<tfl::Reshape>() || op.isa::<tfl::ExpandDims>() || op.isa::<tfl::Squeeze>() {
        let x = eval(op.operand(0), dims, memo)?;
        return Some(Tensor { shape, data: x.data.clone() });
    }
    if let Some(t) = op.cast::<tfl::Transpose>() {
        let x = eval(t.input(), dims, memo)?;
        let perm: Vec<usize> = t.perm().const_ints()?.iter().map(|&p| p as usize).collect();
        let idx = transpose_indices(&x.shape, &perm);
        let data = match &x.data {
            Data::F(a) => Data::F(idx.iter().map(|&i| a[i]).collect()),
            Data::I(a) => Data::I(idx.iter().map(|&i| a[i]).collect()),
            Data::B(a) => Data::B(idx.iter().map(|&i| a[i]).collect()),
        };
        return Some(Tensor { shape, data });
    }
    let ins: Vec<std::rc::Rc<Tensor>> = op.operands().into_iter().map(|o| eval(o, dims, memo)).collect::<Option<_>>()?;
    let idx: Vec<Vec<usize>> = ins.iter().map(|t| broadcast_shapes(&t.shape, &shape).filter(|s| *s == shape).map(|_| broadcast_indices(&t.shape, &shape))).collect::<Option<_>>()?;
    let n = shape.iter().product::<i64>() as usize;
    let name = op.name();
    let data = if name == tfl::Cast::NAME {
        match (&ins[0].data, &elem) {
            (Data::F(a), ElemTy::F32) => Data::F(a.clone()),
            (Data::F(a), ElemTy::I(1)) => Data::B(a.iter().map(|&x| x != 0.0).collect()),
            (Data::F(a), _) => Data::I(a.iter().map(|&x| x as i64).collect()),
            (Data::I(a), ElemTy::F32) => Data::F(a.iter().map(|&x| x as f32).collect()),
            (Data::I(a), ElemTy::I(1)) => Data::B(a.iter().map(|&x| x != 0).collect()),
            (Data::I(a), _) => Data::I(a.clone()),
            (Data::B(a), ElemTy::F32) => Data::F(a.iter().map(|&x| x as u8 as f32).collect()),
            (Data::B(a), ElemTy::I(1)) => Data::B(a.clone()),
            (Data::B(a), _) => Data::I(a.iter().map(|&x| x as i64).collect()),
        }
    } else if op.isa::<tfl::SelectV2>() {
        let Data::B(c) = &ins[0].data else { return None };
        let pick = |k: usize| c[idx[0][k]];
        match (&ins[1].data, &ins[2].data) {
            (Data::F(a), Data::F(b)) => Data::F((0..n).map(|k| if pick(k) { a[idx[1][k]] } else { b[idx[2][k]] }).collect()),
            (Data::I(a), Data::I(b)) => Data::I((0..n).map(|k| if pick(k) { a[idx[1][k]] } else { b[idx[2][k]] }).collect()),
            (Data::B(a), Data::B(b)) => Data::B((0..n).map(|k| if pick(k) { a[idx[1][k]] } else { b[idx[2][k]] }).collect()),
            _ => return None,
        }
    } else if name == tfl::LogicalNot::NAME {
        let Data::B(a) = &ins[0].data else { return None };
        Data::B((0..n).map(|k| !a[idx[0][k]]).collect())
    } else if name == tfl::Neg::NAME {
        match &ins[0].data {
            Data::F(a) => Data::F((0..n).map(|k| -a[idx[0][k]]).collect()),
            Data::I(a) => Data::I((0..n).map(|k| -a[idx[0][k]]).collect()),
            Data::B(_) => return None,
        }
    } else {
        binary(name, &ins[0].data, &ins[1].data, &idx[0], &idx[1], n)?
    };
    Some(Tensor { shape, data })
}

/// A binary op as LiteRT computes it (f32 arithmetic on f32, exact on integers).
fn binary(name: &str, a: &Data, b: &Data, ia: &[usize], ib: &[usize], n: usize) -> Option<Data> {
    let cmp = |o: std::cmp::Ordering| -> Option<bool> {
        use std::cmp::Ordering::*;
        Some(match name {
            x if x == tfl::Less::NAME => o == Less,
            x if x == tfl::LessEqual::NAME => o != Greater,
            x if x == tfl::Greater::NAME => o == Greater,
            x if x == tfl::GreaterEqual::NAME => o != Less,
            x if x == tfl::Equal::NAME => o == Equal,
            x if x == tfl::NotEqual::NAME => o != Equal,
            _ => return None,
        })
    };
    Some(match (a, b) {
        (Data::F(a), Data::F(b)) => {
            let (x, y) = (|k: usize| a[ia[k]], |k: usize| b[ib[k]]);
            match name {
                s if s == tfl::Add::NAME => Data::F((0..n).map(|k| x(k) + y(k)).collect()),
                s if s == tfl::Sub::NAME => Data::F((0..n).map(|k| x(k) - y(k)).collect()),
                s if s == tfl::Mul::NAME => Data::F((0..n).map(|k| x(k) * y(k)).collect()),
                s if s == tfl::Maximum::NAME => Data::F((0..n).map(|k| if x(k) > y(k) { x(k) } else { y(k) }).collect()),
                s if s == tfl::Minimum::NAME => Data::F((0..n).map(|k| if x(k) < y(k) { x(k) } else { y(k) }).collect()),
                _ => Data::B((0..n).map(|k| x(k).partial_cmp(&y(k)).map_or(Some(name == tfl::NotEqual::NAME), cmp)).collect::<Option<_>>()?),
            }
        }
        (Data::I(a), Data::I(b)) => {
            let (x, y) = (|k: usize| a[ia[k]], |k: usize| b[ib[k]]);
            match name {
                s if s == tfl::Add::NAME => Data::I((0..n).map(|k| x(k) + y(k)).collect()),
                s if s == tfl::Sub::NAME => Data::I((0..n).map(|k| x(k) - y(k)).collect()),
                s if s == tfl::Mul::NAME => Data::I((0..n).map(|k| x(k) * y(k)).collect()),
                s if s == tfl::Maximum::NAME => Data::I((0..n).map(|k| x(k).max(y(k))).collect()),
                s if s == tfl::Minimum::NAME => Data::I((0..n).map(|k| x(k).min(y(k))).collect()),
                _ => Data::B((0..n).map(|k| cmp(x(k).cmp(&y(k)))).collect::<Option<_>>()?),
            }
        }
        (Data::B(a), Data::B(b)) => {
            let (x, y) = (|k: usize| a[ia[k]], |k: usize| b[ib[k]]);
            match name {
                s if s == tfl::LogicalAnd::NAME => Data::B((0..n).map(|k| x(k) && y(k)).collect()),
                s if s == tfl::LogicalOr::NAME => Data::B((0..n).map(|k| x(k) || y(k)).collect()),
                _ => Data::B((0..n).map(|k| cmp(x(k).cmp(&y(k)))).collect::<Option<_>>()?),
            }
        }
        _ => return None,
    })
}

/// For each flat index of the transposed tensor, the flat index it reads.
fn transpose_indices(shape: &[i64], perm: &[usize]) -> Vec<usize> {
    let out: Vec<i64> = perm.iter().map(|&p| shape[p]).collect();
    let st = crate::constant::strides(shape);
    let n = out.iter().product::<i64>() as usize;
    let mut res = Vec::with_capacity(n);
    let mut index = vec![0i64; out.len()];
    for _ in 0..n {
        res.push(index.iter().zip(perm).map(|(&i, &p)| i * st[p]).sum::<i64>() as usize);
        for d in (0..out.len()).rev() {
            index[d] += 1;
            if index[d] < out[d] {
                break;
            }
            index[d] = 0;
        }
    }
    res
}

/// The table as a constant of the value's element type.
fn to_const(t: &Tensor, elem: &ElemTy) -> Option<ConstTensor> {
    let bytes: Vec<u8> = match (&t.data, elem) {
        (Data::F(a), ElemTy::F32) => a.iter().flat_map(|x| x.to_le_bytes()).collect(),
        (Data::B(a), ElemTy::I(1)) => a.iter().map(|&x| x as u8).collect(),
        (Data::I(a), ElemTy::I(32)) => a.iter().map(|&x| i32::try_from(x).ok().map(i32::to_le_bytes)).collect::<Option<Vec<_>>>()?.concat(),
        (Data::I(a), ElemTy::I(64)) => a.iter().flat_map(|x| x.to_le_bytes()).collect(),
        _ => return None,
    };
    Some(ConstTensor { shape: t.shape.clone(), elem: elem.clone(), bytes })
}

/// `strided_slice(table, 0, ends)`: each range dim ends at its run-time limit, each
/// static dim at its size.
fn slice_of_table<'c>(rw: &mut Rewriter<'c>, table: ConstTensor, dims: &[Dim<'c>], like: Value<'c>) -> Option<Value<'c>> {
    let rank = dims.len();
    let ctx = like.context();
    let i32v = |n: i64| ctx.integer(32).tensor(&[n]);
    let t = insert_owned(rw, table);
    let mut pieces: Vec<Value<'c>> = Vec::new();
    let mut statics: Vec<i64> = Vec::new();
    for d in dims {
        match *d {
            Dim::Static(n) => statics.push(n),
            Dim::Range(limit, _) => {
                if !statics.is_empty() {
                    pieces.push(insert_i32(rw, &std::mem::take(&mut statics)).ok()?);
                }
                let one = insert_i32(rw, &[1]).ok()?;
                pieces.push(tfl::Reshape::build(rw, &[i32v(1)], limit, one).create().output());
            }
        }
    }
    if !statics.is_empty() {
        pieces.push(insert_i32(rw, &statics).ok()?);
    }
    let end = if pieces.len() == 1 {
        pieces[0]
    } else {
        tfl::Concatenation::build(rw, &[i32v(rank as i64)], &pieces).axis(0).fused_activation_function("NONE").create().output()
    };
    let begin = insert_i32(rw, &vec![0; rank]).ok()?;
    let strides = insert_i32(rw, &vec![1; rank]).ok()?;
    let s = tfl::StridedSlice::build(rw, &[like.raw_type()], t, begin, end, strides)
        .begin_mask(0)
        .end_mask(0)
        .ellipsis_mask(0)
        .new_axis_mask(0)
        .shrink_axis_mask(0)
        .offset(false)
        .create();
    Some(s.output())
}

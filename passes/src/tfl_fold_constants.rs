//! `tfl-fold-constants`: evaluates TFL ops whose operands are all constants and
//! replaces each with a `tfl.pseudo_const`, then erases the ops left dead and merges
//! identical constants.
//!
//! Input: a function of TFL ops (after `legalize-stablehlo-to-tfl`). Output: the same
//! function where every op with a `Trait::Fold` in the TFL catalog whose operands are
//! constants is a constant, computed as LiteRT's kernel would (f32 arithmetic for f32
//! ops, integer arithmetic wrapping at the element width).
//!
//! A constant operand may be a splat or `broadcast_to(constant)`: element-wise ops then
//! compute on the small tensor and give `broadcast_to(result)` (or a splat), so a
//! batch-norm chain `rsqrt(broadcast_to(var) + 1e-5)` folds without materializing a
//! full activation-sized tensor. A fold never makes a constant more than
//! `max-growth` elements (default 1024) larger than its constant inputs together: a
//! `broadcast_to` of a [64] vector to [1, 112, 112, 64] stays.
//!
//!   %0 = "tfl.pseudo_const"() {value = dense<[1.0, 4.0]> : tensor<2xf32>}
//!   %1 = "tfl.rsqrt"(%0) : (tensor<2xf32>) -> tensor<2xf32>
//! becomes
//!   %1 = "tfl.pseudo_const"() {value = dense<[1.0, 0.5]> : tensor<2xf32>}
//!
//! Transposes and reshapes of `dequantize(quantized constant)` move the quantized
//! constant (its per-axis scales follow their dimension) and keep the dequantize.
//!
//! `tfl.shape` of a statically shaped value is its dims (shape arithmetic of a model
//! whose unknown dims all became known folds away).
//!
//! Not folded: other ops on quantized constants, f16/bf16/f64 arithmetic, integer division, strided
//! slices with ellipsis or new-axis masks, and ops with dynamic result shapes.

use crate::constant::{
    constant_op, is_constant, broadcast_indices, broadcast_shapes, insert, insert_attr, insert_i32, insert_owned, permuted, read, read_compact, strides,
    transpose_bytes, with_bytes_in_place, ConstTensor,
};
use crate::fold_kernels::{self, int_bytes};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptionInfo, PassOptions};
use crate::quant::{dequantized_const, insert_quant_const, quant_of};
// What evaluates an op is its catalog entry's `Trait::Fold`, under this pass's names.
use edge_dialects::catalog::{Fold as Kernel, FoldBinary as BinaryOp, FoldUnary as UnaryOp};
use edge_dialects::elements::sample_hash;
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::{Attribute, Op, Rewriter, Type, Value};
use edge_dialects::tfl::op as tfl;
use std::collections::HashMap;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-fold-constants",
    summary: "Evaluate TFL ops whose operands are constants; erase dead ops; merge identical constants",
    anchor: "func.func",
    options: &[
        PassOptionInfo {
            name: "max-growth",
            help: "most elements a folded constant may have beyond its constant inputs together",
            default: "1024",
        },
        PassOptionInfo {
            name: "max-elements",
            help: "most elements of a folded constant that grows beyond max-growth (index tables, masks)",
            default: "524288",
        },
    ],
    create,
};

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    let max_growth = options.get_i64("max-growth")?;
    let max_growth = usize::try_from(max_growth).map_err(|_| format!("option 'max-growth' must not be negative, got {max_growth}"))?;
    let max_elements = options.get_i64("max-elements")?;
    let max_elements = usize::try_from(max_elements).map_err(|_| format!("option 'max-elements' must not be negative, got {max_elements}"))?;
    Ok(Box::new(TflFoldConstants { max_growth, max_elements }))
}

struct TflFoldConstants {
    max_growth: usize,
    max_elements: usize,
}

/// One op's folded value: a tensor of the result's shape, or a smaller one that
/// broadcasts to it.
struct Folded {
    value: ConstTensor,
    /// Elements of the constant inputs the fold read, together.
    input_elements: usize,
}

/// One forward walk, not a pattern set: an op is evaluated once its operands are (they
/// come before it in the block), the `max-growth` option bounds what a fold may make,
/// and dead ops and duplicate constants go in whole-function steps after it.
impl Pass for TflFoldConstants {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // Body order: an op's constant operands are folded before the op is reached.
        for op in func.body_ops() {
            rw.set_insertion_before(op);
            if let Some(q) = op.cast::<tfl::Quantize>() {
                if let Some(v) = quantize_constant(&mut rw, q) {
                    rw.replace_op(op, &[v]);
                }
                continue;
            }
            if let Some(v) = static_shape(&mut rw, op) {
                rw.replace_op(op, &[v]);
                continue;
            }
            if fold_kernels::has_kernel(op) {
                if let Some(v) = self.evaluate(op).and_then(|folded| self.materialize(&mut rw, op, folded)) {
                    rw.replace_op(op, &[v]);
                }
                continue;
            }
            let Some(kernel) = op.def().and_then(|d| d.fold()) else { continue };
            if let Some(v) = move_dequantized(&mut rw, kernel, op) {
                rw.replace_op(op, &[v]);
                continue;
            }
            if let Some(folded) = fold(kernel, op).filter(|f| self.within_budget(op, kernel, f)) {
                if let Some(v) = self.materialize(&mut rw, op, folded) {
                    rw.replace_op(op, &[v]);
                }
            }
        }
        rw.erase_dead_ops(func);
        merge_identical_constants(&mut rw, func);
        Ok(rw.changed())
    }
}

impl TflFoldConstants {
    /// `op` evaluated by its row in `fold_kernels`, within the budget.
    fn evaluate(&self, op: Op) -> Option<Folded> {
        let (dims, elem) = result_type(op)?;
        // An absent operand (a FULLY_CONNECTED without bias) is left out.
        let present: Vec<usize> = (0..op.num_operands()).filter(|&i| op.operand(i).defined_by::<tfl::NoValue>().is_none()).collect();
        // Every operand constant before any is read: a gather of run-time indices from a
        // weight-sized table must not copy the table to find out.
        if !present.iter().all(|&i| constant_like(op.operand(i))) {
            return None;
        }
        let inputs: Vec<ConstTensor> = present.iter().map(|&i| operand_const(op, i)).collect::<Option<_>>()?;
        let input_elements = inputs.iter().map(ConstTensor::num_elements).sum();
        let n = dims.iter().product::<i64>() as usize;
        if n > input_elements + self.max_growth && n > self.max_elements {
            return None;
        }
        let full = |i: usize| operand_full(op, i);
        let e = fold_kernels::evaluate(op, &dims, &elem, &inputs, &full)?;
        if e.copies && !self.may_copy(op, n) {
            return None;
        }
        Some(Folded { value: e.value, input_elements })
    }

    /// The budget of a fold: a constant grows at most `max-growth` elements beyond its
    /// inputs, or up to `max-elements` (524288: 2 MiB of f32, so the largest
    /// relative-position bias of common windowed attention, GCViT's 14x14 windows by 8
    /// heads at 307328 elements, folds) when it is computed (an index table, a mask)
    /// rather than broadcast, since it then saves work at every invoke. A transpose or
    /// reshape of a weight always folds: the weight then goes, or would be moved at
    /// every invoke.
    fn within_budget(&self, op: Op, kernel: Kernel, f: &Folded) -> bool {
        let n = f.value.num_elements();
        match kernel {
            Kernel::Transpose | Kernel::Reshape | Kernel::BroadcastTo => true,
            Kernel::Pad | Kernel::Slice | Kernel::StridedSlice | Kernel::Concatenation => {
                (n <= f.input_elements + self.max_growth || n <= self.max_elements) && self.may_copy(op, n)
            }
            _ => true,
        }
    }

    /// Whether a fold that moves `n` elements of `op`'s constant operands makes no second
    /// copy of a large one (a weight of more than `max-elements` elements) that lives on:
    /// each such operand has only users whose operands are all constants (they fold
    /// too, and it goes). Smaller constants (an index table, a mask on its way) may be
    /// copied: the copy is within the budget.
    fn may_copy(&self, op: Op, n: usize) -> bool {
        if n <= self.max_growth {
            return true;
        }
        (0..op.num_operands()).all(|i| {
            let v = op.operand(i);
            let large = stored_elements(v).is_none_or(|e| e > self.max_elements);
            !large || v.users().iter().all(|u| (0..u.num_operands()).all(|j| constant_like(u.operand(j))))
        })
    }

    /// The value replacing `op`'s result: a constant of its type, a splat, or
    /// `broadcast_to(small constant)` when the full tensor would grow too much. New ops
    /// go at `rw`'s insertion point (before `op`).
    fn materialize<'c>(&self, rw: &mut Rewriter<'c>, op: Op<'c>, folded: Folded) -> Option<Value<'c>> {
        let ty = op.result(0).raw_type();
        let dims = ty.value().dims().to_vec();
        let c = folded.value;
        if c.shape == dims {
            return Some(insert_owned(rw, c));
        }
        if c.num_elements() == 1 {
            // A one-element raw buffer makes a splat attribute of the full type.
            let attr = rw.context().dense_constant(ty, &c.bytes);
            return Some(insert_attr(rw, ty, attr));
        }
        let n = dims.iter().product::<i64>() as usize;
        if n <= folded.input_elements + self.max_growth {
            return Some(insert(rw, &c.broadcast_to(&dims)));
        }
        if op.isa::<tfl::BroadcastTo>() {
            return None;
        }
        let small = insert(rw, &c);
        let shape = insert_i32(rw, &dims).ok()?;
        Some(tfl::BroadcastTo::build(rw, &[ty], small, shape).create().output())
    }
}

/// `tfl.shape(x)` of a statically shaped `x`: its dims as a constant (the slices and
/// arithmetic on it then fold too).
fn static_shape<'c>(rw: &mut Rewriter<'c>, op: Op<'c>) -> Option<Value<'c>> {
    let shape = op.cast::<tfl::Shape>()?;
    let t = shape.input().ty();
    if !t.is_static() {
        return None;
    }
    let dims = t.dims().to_vec();
    let n = vec![dims.len() as i64];
    match shape.output().ty().elem {
        ElemTy::I(32) => insert_i32(rw, &dims).ok(),
        ElemTy::I(64) => {
            let bytes = dims.iter().flat_map(|d| d.to_le_bytes()).collect();
            Some(insert(rw, &ConstTensor { shape: n, elem: ElemTy::I(64), bytes }))
        }
        _ => None,
    }
}

/// The static shape and element type of `op`'s first result.
fn result_type(op: Op) -> Option<(Vec<i64>, ElemTy)> {
    let t = op.result(0).ty();
    if !t.is_static() || t.elem.is_quant() {
        return None;
    }
    Some((t.dims().to_vec(), t.elem))
}

/// The constant operand `i` of `op`, compact (see `read_compact`), never quantized.
fn operand_const(op: Op, i: usize) -> Option<ConstTensor> {
    read_compact(op.operand(i)).filter(|c| !c.elem.is_quant())
}

/// Most elements a splat or `broadcast_to(constant)` operand is expanded to.
const MAX_EXPANDED: usize = 1 << 18;

/// The constant operand `i` with every element present (its value's full shape; a
/// splat or broadcast expanded, up to `MAX_EXPANDED` elements).
fn operand_full(op: Op, i: usize) -> Option<ConstTensor> {
    let c = operand_const(op, i)?;
    let dims = op.operand(i).shape();
    if c.shape == dims {
        return Some(c);
    }
    let n = dims.iter().product::<i64>();
    (dims.iter().all(|&d| d >= 0) && n as usize <= MAX_EXPANDED).then(|| c.broadcast_to(&dims))
}

/// How many elements the constant defining `v` stores (a splat: one).
fn stored_elements(v: Value) -> Option<usize> {
    let splat = constant_op(v).and_then(|op| op.raw_attr("value")).is_some_and(|a| a.is_splat());
    if splat {
        return Some(1);
    }
    v.ty().num_elements().map(|e| e as usize)
}

/// Whether `v` is a constant, or a reshape or broadcast of one (what `read_compact` reads).
fn constant_like(v: Value) -> bool {
    if let Some(b) = v.defined_by::<tfl::BroadcastTo>() {
        return constant_like(b.input());
    }
    if let Some(r) = v.defined_by::<tfl::Reshape>() {
        return constant_like(r.input());
    }
    is_constant(v)
}

fn fold(kernel: Kernel, op: Op) -> Option<Folded> {
    let (dims, elem) = result_type(op)?;
    if let Some(folded) = fold_in_place(kernel, op, &dims, &elem) {
        return Some(folded);
    }
    let n_operands = op.num_operands();
    let inputs: Vec<ConstTensor> = match kernel {
        // Index operands (shape, perm, paddings) are read where they are used.
        Kernel::Binary(_) | Kernel::Concatenation => (0..n_operands).map(|i| operand_const(op, i)).collect::<Option<_>>()?,
        _ => vec![operand_const(op, 0)?],
    };
    let input_elements = inputs.iter().map(ConstTensor::num_elements).sum();
    let x = &inputs[0];
    let out = |shape: Vec<i64>, bytes: Vec<u8>| ConstTensor { shape, elem: elem.clone(), bytes };
    let value = match kernel {
        Kernel::Binary(f) => {
            if !fused_none(op) || inputs[0].elem != inputs[1].elem || inputs[0].elem != elem {
                return None;
            }
            let shape = broadcast_shapes(&inputs[0].shape, &inputs[1].shape)?;
            if broadcast_shapes(&shape, &dims)? != dims {
                return None;
            }
            let (a, b) = (&inputs[0], &inputs[1]);
            let (ia, ib) = (broadcast_indices(&a.shape, &shape), broadcast_indices(&b.shape, &shape));
            let bytes = if let (Some(a), Some(b)) = (a.f32s(), b.f32s()) {
                let v: Vec<f32> = ia.iter().zip(&ib).map(|(&i, &j)| binary_f32(f, a[i], b[j])).collect();
                v.iter().flat_map(|x| x.to_le_bytes()).collect()
            } else if elem.is_int() {
                let (a, b) = (a.ints()?, b.ints()?);
                let v: Vec<i64> = ia.iter().zip(&ib).map(|(&i, &j)| binary_int(f, a[i], b[j])).collect::<Option<_>>()?;
                int_bytes(&elem, &v)?
            } else {
                return None;
            };
            out(shape, bytes)
        }
        Kernel::Unary(f) => {
            if x.elem != elem {
                return None;
            }
            let bytes = if let Some(v) = x.f32s() {
                v.iter().map(|&a| unary_f32(f, a)).flat_map(|x| x.to_le_bytes()).collect()
            } else if elem.is_int() && matches!(f, UnaryOp::Neg | UnaryOp::Abs | UnaryOp::Sign) {
                let v: Vec<i64> = x
                    .ints()?
                    .iter()
                    .map(|&a| match f {
                        UnaryOp::Neg => a.wrapping_neg(),
                        UnaryOp::Sign => a.signum(),
                        _ => a.wrapping_abs(),
                    })
                    .collect();
                int_bytes(&elem, &v)?
            } else {
                return None;
            };
            out(x.shape.clone(), bytes)
        }
        Kernel::Cast => out(x.shape.clone(), cast(x, &elem)?),
        Kernel::Reshape => {
            if x.elem != elem {
                return None;
            }
            if x.num_elements() == 1 {
                out(vec![1; dims.len()], x.bytes.clone())
            } else {
                operand_full(op, 0)?.into_shape(dims.clone())
            }
        }
        Kernel::Transpose => {
            let perm: Vec<usize> = op.operand(1).const_ints()?.iter().map(|&p| usize::try_from(p).ok()).collect::<Option<_>>()?;
            if x.num_elements() == 1 {
                out(vec![1; dims.len()], x.bytes.clone())
            } else {
                let t = operand_full(op, 0)?;
                if perm.len() != t.shape.len() || perm.iter().any(|&p| p >= perm.len()) {
                    return None;
                }
                t.transposed(&perm)
            }
        }
        // The materializer expands it, or keeps the op when it would grow too much.
        Kernel::BroadcastTo => {
            broadcast_shapes(&x.shape, &dims).filter(|s| *s == dims)?;
            x.clone()
        }
        Kernel::Pad => {
            let x = operand_full(op, 0)?;
            let pads = op.operand(1).const_ints()?;
            let fill = if n_operands > 2 {
                let v = operand_const(op, 2)?;
                if v.num_elements() != 1 || v.elem != x.elem {
                    return None;
                }
                v.bytes
            } else {
                vec![0u8; x.bytes.len() / x.num_elements().max(1)]
            };
            let rank = x.shape.len();
            if pads.len() != 2 * rank || pads.iter().any(|&p| p < 0) {
                return None;
            }
            let padded: Vec<i64> = (0..rank).map(|d| x.shape[d] + pads[2 * d] + pads[2 * d + 1]).collect();
            if padded != dims {
                return None;
            }
            let bytes = gather_elements(&x, &dims, &fill, |index, src| {
                for d in 0..rank {
                    src[d] = index[d] - pads[2 * d];
                    if src[d] < 0 || src[d] >= x.shape[d] {
                        return false;
                    }
                }
                true
            });
            out(dims.clone(), bytes)
        }
        Kernel::Concatenation => {
            if !fused_none(op) {
                return None;
            }
            let rank = dims.len() as i64;
            let axis = op.cast::<tfl::Concatenation>()?.axis()?;
            let axis = if axis < 0 { axis + rank } else { axis };
            if !(0..rank).contains(&axis) {
                return None;
            }
            let parts: Vec<ConstTensor> = (0..n_operands).map(|i| operand_full(op, i)).collect::<Option<_>>()?;
            if parts.iter().any(|p| p.elem != elem || p.shape.len() != dims.len()) {
                return None;
            }
            let axis = axis as usize;
            let outer: i64 = dims[..axis].iter().product();
            let mut bytes = Vec::with_capacity(dims.iter().product::<i64>() as usize * elem.byte_width()?);
            for o in 0..outer as usize {
                for p in &parts {
                    let chunk = p.bytes.len() / outer.max(1) as usize;
                    bytes.extend_from_slice(&p.bytes[o * chunk..(o + 1) * chunk]);
                }
            }
            if bytes.len() != dims.iter().product::<i64>() as usize * elem.byte_width()? {
                return None;
            }
            out(dims.clone(), bytes)
        }
        Kernel::Slice => {
            let x = operand_full(op, 0)?;
            let slice = op.cast::<tfl::Slice>()?;
            let begin = slice.begin().const_ints()?;
            let size = slice.size().const_ints()?;
            let rank = x.shape.len();
            if begin.len() != rank || size.len() != rank {
                return None;
            }
            for d in 0..rank {
                let len = if size[d] == -1 { x.shape[d] - begin[d] } else { size[d] };
                if begin[d] < 0 || len < 0 || begin[d] + len > x.shape[d] || len != dims[d] {
                    return None;
                }
            }
            let bytes = gather_elements(&x, &dims, &[], |index, src| {
                for d in 0..rank {
                    src[d] = index[d] + begin[d];
                }
                true
            });
            out(dims.clone(), bytes)
        }
        Kernel::StridedSlice => {
            let x = operand_full(op, 0)?;
            let (begin, stride) = strided_slice_plan(op.cast::<tfl::StridedSlice>()?, &x.shape, &dims)?;
            let rank = x.shape.len();
            let bytes = gather_elements(&x, &begin.iter().map(|b| b.1).collect::<Vec<_>>(), &[], |index, src| {
                for d in 0..rank {
                    src[d] = begin[d].0 + index[d] * stride[d];
                }
                true
            });
            out(dims.clone(), bytes)
        }
    };
    Some(Folded { value, input_elements })
}

/// `quantize` of a float32 constant (a weight pt2e left unfolded) is the quantized
/// constant: round(x / scale) + zero point, clamped to the storage range.
fn quantize_constant<'c>(rw: &mut Rewriter<'c>, op: tfl::Quantize<'c>) -> Option<Value<'c>> {
    let q = quant_of(op.output())?;
    let c = read(op.input()).filter(|c| c.elem == ElemTy::F32)?;
    if q.storage_bits > 32 {
        return None;
    }
    let shape = c.shape.clone();
    let strides = strides(&shape);
    let width = q.storage_bits.div_ceil(8) as usize;
    let mut bytes = Vec::with_capacity(c.num_elements() * width);
    for (i, v) in c.bytes.chunks_exact(4).enumerate() {
        let x = f32::from_le_bytes(v.try_into().unwrap()) as f64;
        let k = match q.axis {
            Some(a) => (i as i64 / strides[a as usize] % shape[a as usize]) as usize,
            None => 0,
        };
        // PyTorch rounds half to even.
        let code = ((x / q.scales[k]).round_ties_even() + q.zero_points[k] as f64).clamp(q.storage_min as f64, q.storage_max as f64) as i64;
        bytes.extend_from_slice(&code.to_le_bytes()[..width]);
    }
    Some(insert_quant_const(rw, &shape, &q, bytes))
}

/// A transpose or reshape of a dequantized constant (an int8 weight on its way to a
/// convolution) is the dequantize of the moved quantized constant, so the weight stays
/// quantized and its per-axis scales follow their dimension.
fn move_dequantized<'c>(rw: &mut Rewriter<'c>, kernel: Kernel, op: Op<'c>) -> Option<Value<'c>> {
    let c = dequantized_const(op.operand(0))?;
    let dims = op.result(0).ty();
    if !dims.is_static() {
        return None;
    }
    let moved = match kernel {
        Kernel::Transpose => {
            let perm = op.cast::<tfl::Transpose>()?.perm().const_ints()?;
            let perm: Vec<usize> = perm.iter().map(|&p| usize::try_from(p).ok()).collect::<Option<_>>()?;
            if perm.len() != c.shape.len() || permuted(&c.shape, &perm) != dims.dims() {
                return None;
            }
            c.transposed(&perm)
        }
        Kernel::Reshape => c.reshaped(dims.dims())?,
        _ => return None,
    };
    Some(moved.insert(rw))
}

/// Transposes and reshapes of a constant whose attribute holds its bytes as they are (a
/// weight, a large folded constant), computed from those bytes without copying them
/// first; `None` leaves the op to `fold`'s general path.
fn fold_in_place(kernel: Kernel, op: Op, dims: &[i64], elem: &ElemTy) -> Option<Folded> {
    let perm: Option<Vec<usize>> = match kernel {
        Kernel::Transpose => {
            let perm = op.cast::<tfl::Transpose>()?.perm().const_ints()?;
            Some(perm.iter().map(|&p| usize::try_from(p).ok()).collect::<Option<_>>()?)
        }
        Kernel::Reshape => None,
        _ => return None,
    };
    with_bytes_in_place(op.operand(0), |shape, e, bytes| {
        let n = shape.iter().product::<i64>() as usize;
        if e != elem || n != dims.iter().product::<i64>() as usize {
            return None;
        }
        let bytes = match &perm {
            Some(perm) => {
                let valid = perm.len() == shape.len() && perm.iter().all(|&p| p < perm.len());
                if !valid || permuted(shape, perm) != dims {
                    return None;
                }
                transpose_bytes(bytes, shape, perm)
            }
            None => bytes.to_vec(),
        };
        let value = ConstTensor { shape: dims.to_vec(), elem: elem.clone(), bytes };
        Some(Folded { value, input_elements: n })
    })?
}

/// Whether the binary op or concatenation `op` has no fused activation.
fn fused_none(op: Op) -> bool {
    op.attr("fused_activation_function").is_none_or(|a| a.as_str() == Some("NONE"))
}

fn binary_f32(f: BinaryOp, a: f32, b: f32) -> f32 {
    match f {
        BinaryOp::Add => a + b,
        BinaryOp::Sub => a - b,
        BinaryOp::Mul => a * b,
        BinaryOp::Div => a / b,
        // TFLite's kernels: `a > b ? a : b` and `a < b ? a : b`.
        BinaryOp::Maximum => {
            if a > b {
                a
            } else {
                b
            }
        }
        BinaryOp::Minimum => {
            if a < b {
                a
            } else {
                b
            }
        }
    }
}

/// Integer arithmetic; wraps are cut to the element width when written. Division is
/// not folded (TFLite and PyTorch round integer quotients differently).
fn binary_int(f: BinaryOp, a: i64, b: i64) -> Option<i64> {
    Some(match f {
        BinaryOp::Add => a.wrapping_add(b),
        BinaryOp::Sub => a.wrapping_sub(b),
        BinaryOp::Mul => a.wrapping_mul(b),
        BinaryOp::Div => return None,
        BinaryOp::Maximum => a.max(b),
        BinaryOp::Minimum => a.min(b),
    })
}

fn unary_f32(f: UnaryOp, a: f32) -> f32 {
    match f {
        UnaryOp::Abs => a.abs(),
        UnaryOp::Neg => -a,
        // TFLite's RSQRT kernel: 1.f / std::sqrt(x).
        UnaryOp::Rsqrt => 1.0 / a.sqrt(),
        UnaryOp::Sqrt => a.sqrt(),
        UnaryOp::Exp => a.exp(),
        UnaryOp::Floor => a.floor(),
        UnaryOp::Ceil => a.ceil(),
        UnaryOp::Round => a.round_ties_even(),
        // TFLite's SIGN: (0 < x) - (x < 0), so NaN gives 0.
        UnaryOp::Sign => ((0.0 < a) as i32 - (a < 0.0) as i32) as f32,
        // TFLite's activations: std::max / std::min, so a NaN input gives the bound.
        UnaryOp::Relu => a.max(0.0),
        UnaryOp::Relu6 => a.max(0.0).min(6.0),
        UnaryOp::ReluN1To1 => a.max(-1.0).min(1.0),
        // Correctly rounded from f64; LiteRT's kernels approximate within a few ulps.
        UnaryOp::Logistic => (1.0 / (1.0 + (-(a as f64)).exp())) as f32,
        UnaryOp::Tanh => (a as f64).tanh() as f32,
    }
}

/// CAST as TFLite's kernel does it (`static_cast`): floats truncate toward zero, bools
/// are `x != 0`.
fn cast(x: &ConstTensor, to: &ElemTy) -> Option<Vec<u8>> {
    match (x.f32s(), to) {
        (Some(v), ElemTy::F32) => Some(v.iter().flat_map(|a| a.to_le_bytes()).collect()),
        (Some(v), ElemTy::I(1)) => Some(v.iter().map(|&a| (a != 0.0) as u8).collect()),
        (Some(v), to) if to.is_int() => int_bytes(to, &v.iter().map(|&a| a as i64).collect::<Vec<_>>()),
        (None, ElemTy::F32) => Some(x.ints()?.iter().flat_map(|&a| (a as f32).to_le_bytes()).collect()),
        (None, to) if to.is_int() || to.is_bool() => int_bytes(to, &x.ints()?),
        _ => None,
    }
}

/// The elements of a tensor of shape `out` whose index `where_from` maps to an index of
/// `x` (returning false for `fill`).
pub(crate) fn gather_elements(x: &ConstTensor, out: &[i64], fill: &[u8], mut where_from: impl FnMut(&[i64], &mut [i64]) -> bool) -> Vec<u8> {
    let width = x.bytes.len() / x.num_elements().max(1);
    let in_strides = strides(&x.shape);
    let n = out.iter().product::<i64>() as usize;
    let mut bytes = Vec::with_capacity(n * width);
    let mut index = vec![0i64; out.len()];
    let mut src = vec![0i64; x.shape.len()];
    for _ in 0..n {
        if where_from(&index, &mut src) {
            let s = src.iter().zip(&in_strides).map(|(a, b)| a * b).sum::<i64>() as usize * width;
            bytes.extend_from_slice(&x.bytes[s..s + width]);
        } else {
            bytes.extend_from_slice(fill);
        }
        for d in (0..out.len()).rev() {
            index[d] += 1;
            if index[d] < out[d] {
                break;
            }
            index[d] = 0;
        }
    }
    bytes
}

/// Per input dim: (first index, count) and stride of a STRIDED_SLICE without ellipsis
/// or new axes, following TFLite's `strided_slice::StartForAxis` / `StopForAxis`;
/// `None` when it does not give `result` (shrunk dims removed).
#[allow(clippy::type_complexity)]
fn strided_slice_plan(op: tfl::StridedSlice, shape: &[i64], result: &[i64]) -> Option<(Vec<(i64, i64)>, Vec<i64>)> {
    let (begin_mask, end_mask, shrink) = (op.begin_mask()?, op.end_mask()?, op.shrink_axis_mask()?);
    if op.ellipsis_mask()? != 0 || op.new_axis_mask()? != 0 || op.offset() == Some(true) {
        return None;
    }
    let begin = op.begin().const_ints()?;
    let end = op.end().const_ints()?;
    let stride = op.strides().const_ints()?;
    let rank = shape.len();
    if begin.len() > rank || end.len() != begin.len() || stride.len() != begin.len() {
        return None;
    }
    let mut plan = Vec::with_capacity(rank);
    let mut strides = Vec::with_capacity(rank);
    let mut kept = Vec::new();
    for (d, &dim) in shape.iter().enumerate() {
        if d >= begin.len() {
            plan.push((0, dim));
            strides.push(1);
            kept.push(dim);
            continue;
        }
        let s = stride[d];
        if s == 0 {
            return None;
        }
        let wrap = |i: i64| if i < 0 { i + dim } else { i };
        let clamp = |i: i64| if s > 0 { i.clamp(0, dim) } else { i.clamp(-1, dim - 1) };
        let b = if begin_mask >> d & 1 == 1 { if s > 0 { 0 } else { dim - 1 } } else { clamp(wrap(begin[d])) };
        if shrink >> d & 1 == 1 {
            let b = wrap(begin[d]);
            if !(0..dim).contains(&b) {
                return None;
            }
            plan.push((b, 1));
            strides.push(1);
            continue;
        }
        let e = if end_mask >> d & 1 == 1 { if s > 0 { dim } else { -1 } } else { clamp(wrap(end[d])) };
        let count = if s > 0 { (e - b + s - 1).div_euclid(s) } else { (b - e + (-s) - 1).div_euclid(-s) }.max(0);
        plan.push((b, count));
        strides.push(s);
        kept.push(count);
    }
    (kept == result).then_some((plan, strides))
}

/// Replaces each `tfl.pseudo_const` / `tfl.no_value` with the first earlier one of the
/// same value and type in the body block. `dense` attributes are uniqued, so equal
/// contents are one pointer; blobs this pass and others made (`insert_owned`) are
/// compared by their bytes, as they would be had they been `dense`. Returns how many
/// went.
fn merge_identical_constants<'c>(rw: &mut Rewriter<'c>, func: Op<'c>) -> usize {
    let mut first: HashMap<(&str, Attribute, Type), Value> = HashMap::new();
    // (type, length, sampled hash of the bytes) -> earlier blobs of that key.
    type Blobs<'a> = HashMap<(Type<'a>, usize, u64), Vec<(&'a [u8], Value<'a>)>>;
    let mut blobs: Blobs = HashMap::new();
    let mut merged = 0;
    for op in func.body_ops() {
        let value = if let Some(c) = op.cast::<tfl::PseudoConst>() {
            c.value()
        } else if let Some(n) = op.cast::<tfl::NoValue>() {
            n.value()
        } else {
            continue;
        };
        let Some(value) = value else { continue };
        let r = op.result(0);
        let ty = r.raw_type();
        let earlier = if let Some(bytes) = value.owned_bytes() {
            let same = blobs.entry((ty, bytes.len(), sample_hash(bytes))).or_default();
            match same.iter().find(|(b, _)| *b == bytes) {
                Some(&(_, v)) => Some(v),
                None => {
                    same.push((bytes, r));
                    None
                }
            }
        } else {
            let key = (op.name(), value, ty);
            match first.get(&key) {
                Some(&v) => Some(v),
                None => {
                    first.insert(key, r);
                    None
                }
            }
        };
        if let Some(v) = earlier {
            rw.replace_op(op, &[v]);
            merged += 1;
        }
    }
    merged
}

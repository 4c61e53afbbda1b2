//! `tfl-remove-broadcasts`: drops a `tfl.broadcast_to` that feeds an op which
//! broadcasts its operands itself (`Trait::Broadcasting` in the catalog), when the op's
//! result is the same without it.
//! StableHLO spells every broadcast out (`broadcast_in_dim`); TFLite's binary kernels
//! broadcast implicitly, so the explicit copy only costs memory and time.
//!
//!   %b = "tfl.broadcast_to"(%c, %shape) : (tensor<1x8x1x1xf32>, ...) -> tensor<2x8x4x4xf32>
//!   %r = "tfl.mul"(%x, %b) : (tensor<2x8x4x4xf32>, tensor<2x8x4x4xf32>) -> ...
//! becomes
//!   %r = "tfl.mul"(%x, %c) : (tensor<2x8x4x4xf32>, tensor<1x8x1x1xf32>) -> ...
//!
//! A broadcast feeding an element-wise op (`Trait::ElementWise`) whose result would be
//! smaller without it moves below that op instead, so `rsqrt(x + eps)` over a broadcast
//! vector is computed on the vector, and the broadcast reaches a consumer that drops it.
//!
//! A splat constant spelled out at the result's shape shrinks to one element of the
//! same rank when the other operands give the result's shape (SplatOperandShrink).
//!
//! Patterns (`<Op><Effect>`): ElementwiseBroadcastToSink (rooted at any element-wise
//! op, tried in program order so a broadcast sunk below one op is seen by the next),
//! BroadcastToDrop (rooted at `tfl.broadcast_to`) and SplatOperandShrink (rooted at any
//! broadcasting op).
//!
//! With unknown dims, a broadcast is dropped only where another operand has the
//! result's type and was not itself put there by the pass, or where the sizes are
//! proved to be the target's by where they come from (`drops_into_dynamic`); a weight
//! expanded over a run-time batch goes from a `tfl.batch_matmul`, which broadcasts
//! batch dims itself (`drops_into_batch_matmul`).
//!
//! Input and output: TFL. A broadcast left with no user is erased; one with other
//! users (or a result of rank above 4, or 6 for ADD/SUB/MUL/DIV/MAXIMUM/MINIMUM/
//! SQUARED_DIFFERENCE, beyond the kernel's broadcasting) stays.

use crate::constant::{constant_op, insert, read_compact, ConstTensor};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::catalog::Trait::{Broadcasting, ElementWise};
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter, Value};
use edge_dialects::tfl::op as tfl;
use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::LazyLock;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-remove-broadcasts",
    summary: "Drop tfl.broadcast_to feeding ops that broadcast implicitly",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflRemoveBroadcasts))
}

/// Highest result rank the pass relies on kernels to broadcast.
const MAX_RANK: usize = 4;

/// Ops whose LiteRT kernels broadcast up to rank 6 (checked in LiteRT 2.3: 5-D and 6-D
/// operands, size-1 dims on either side), so a broadcast into a Swin window mask
/// ([1, windows, 1, 49, 49] against [1, windows, heads, 49, 49]) goes too.
const RANK6_OPS: &[&str] = &[
    tfl::Add::NAME,
    tfl::Div::NAME,
    tfl::Maximum::NAME,
    tfl::Minimum::NAME,
    tfl::Mul::NAME,
    tfl::SquaredDifference::NAME,
    tfl::Sub::NAME,
];

/// Highest result rank `op`'s kernel broadcasts.
fn max_rank(op: Op) -> usize {
    if RANK6_OPS.iter().any(|n| op.is(n)) {
        6
    } else {
        MAX_RANK
    }
}

const PATTERNS: &[Pattern] = &[
    // ---- any element-wise op (`Trait::ElementWise`) -----------------------------
    Pattern::any_op("ElementwiseBroadcastToSink", sink_broadcast),
    // ---- tfl.broadcast_to -------------------------------------------------------
    Pattern::new("BroadcastToDrop", tfl::BroadcastTo::NAME, drop_broadcast),
    // ---- any broadcasting op (`Trait::Broadcasting`) ----------------------------
    Pattern::any_op("SplatOperandShrink", shrink_splat_operand),
];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));

struct TflRemoveBroadcasts;

impl Pass for TflRemoveBroadcasts {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        DROPPED_INTO.with(|d| d.borrow_mut().clear());
        run_patterns(INFO.name, func, &PATTERN_SET, GreedyConfig::default(), &mut rw)?;
        // Unused ops of the input go too, when no pattern applied.
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

/// The numpy broadcast of `shapes`, if they are compatible and static.
pub fn broadcast_shapes(shapes: &[Vec<i64>]) -> Option<Vec<i64>> {
    let rank = shapes.iter().map(Vec::len).max()?;
    let mut out = vec![1i64; rank];
    for s in shapes {
        for (i, &d) in s.iter().enumerate() {
            let o = &mut out[rank - s.len() + i];
            if d < 0 || (*o != 1 && d != 1 && d != *o) {
                return None;
            }
            if d != 1 {
                *o = d;
            }
        }
    }
    Some(out)
}

/// A splat constant operand of the result's size (`mul(x, 0.17)` with the scale spelled
/// out at x's shape) becomes a splat of ones-shape, when the other operands give the
/// result's shape by themselves: the kernel broadcasts it, and the file holds one
/// element instead of a buffer of the activation's size.
fn shrink_splat_operand<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    if !op.def().is_some_and(|d| d.has(Broadcasting)) || op.num_results() != 1 || op.num_operands() < 2 {
        return false;
    }
    let out = op.result(0).ty();
    if !out.is_static() || out.dims().len() > max_rank(op) {
        return false;
    }
    for i in 0..op.num_operands() {
        let v = op.operand(i);
        let t = v.ty();
        let splat = constant_op(v).and_then(|c| c.raw_attr("value")).is_some_and(|a| a.is_splat());
        if !splat || t.elem.is_quant() || !t.is_static() || t.num_elements().is_none_or(|n| n <= 1) {
            continue;
        }
        let others: Vec<Vec<i64>> = (0..op.num_operands()).filter(|&j| j != i).map(|j| op.operand(j).shape()).collect();
        let Some(mut shape) = broadcast_shapes(&others) else { continue };
        while shape.len() < out.dims().len() {
            shape.insert(0, 1);
        }
        if shape != out.dims() {
            continue;
        }
        let Some(one) = read_compact(v) else { continue };
        rw.set_insertion_before(op);
        let small = insert(rw, &one);
        rw.set_operand(op, i, small);
        return true;
    }
    false
}

/// The source of `v` when a `tfl.broadcast_to` defines it.
fn broadcast_source(v: Value) -> Option<Value> {
    v.defined_by::<tfl::BroadcastTo>().map(|b| b.input())
}

/// `op(broadcast_to(a), b)` -> `broadcast_to(op(a, b))` when `op(a, b)` is smaller.
fn sink_broadcast<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    if !op.def().is_some_and(|d| d.has(ElementWise)) || op.num_results() != 1 {
        return false;
    }
    let ins = op.operands();
    if !ins.iter().any(|&v| broadcast_source(v).is_some()) {
        return false;
    }
    let out = op.result(0).ty();
    if !out.is_static() || out.dims().len() > max_rank(op) {
        return false;
    }
    let sources: Vec<Value> = ins.iter().map(|&v| broadcast_source(v).unwrap_or(v)).collect();
    let shapes: Vec<Vec<i64>> = sources.iter().map(|v| v.shape()).collect();
    let Some(mut small) = broadcast_shapes(&shapes) else { return false };
    if small.len() > out.dims().len() {
        return false;
    }
    while small.len() < out.dims().len() {
        small.insert(0, 1);
    }
    if small == out.dims() || small.iter().zip(out.dims()).any(|(&s, &o)| s != 1 && s != o) {
        return false;
    }
    let Ok(shape) = ConstTensor::from_i32(vec![out.dims().len() as i64], out.dims()) else { return false };
    for (i, v) in sources.into_iter().enumerate() {
        rw.set_operand(op, i, v);
    }
    let r = op.result(0);
    let big = r.raw_type();
    rw.set_type(r, big.with_shape(&small));
    // After `op`: its shape operand, then the broadcast its users read instead.
    rw.set_insertion_after(op);
    let shape = insert(rw, &shape);
    let b = tfl::BroadcastTo::build(rw, &[big], r, shape).create();
    rw.replace_all_uses_except(r, b.output(), b.op());
    true
}

thread_local! {
    /// The (user, operand) pairs this run of the pass gave a broadcast's source: values
    /// that may be smaller than the user's result. Cleared when a run starts.
    static DROPPED_INTO: RefCell<HashSet<(usize, usize)>> = RefCell::new(HashSet::new());
}

fn op_key(op: Op<'_>) -> usize {
    op.to_raw().ptr as usize
}

/// Whether `user`'s result of unknown dims `out` stays the same with its operand
/// `index` (a broadcast) replaced by the broadcast's `source`. Element-wise operands
/// have one shape in StableHLO, which legalization keeps, so another operand of the
/// result's very type that this pass did not replace has the broadcast's target shape
/// at run time, and the op broadcasts `source` to it just as the broadcast did.
fn drops_into_dynamic(user: Op<'_>, index: usize, source: Value<'_>, out: &[i64]) -> bool {
    let replaced = |i: usize| DROPPED_INTO.with(|d| d.borrow().contains(&(op_key(user), i)));
    let full = user.operands().iter().enumerate().any(|(i, v)| i != index && v.shape() == out && !replaced(i));
    // A source of the result's very type stays behind its broadcast: an operand of the
    // result's type then always has the result's run-time shape (`dim_origin` reads
    // sizes from such operands).
    if source.shape() == out {
        // Unless its sizes are proved to be the target's.
        return sizes_prove(user, index, source);
    }
    (full && source.shape().len() <= out.len()) || sizes_prove(user, index, source)
}

/// Whether a broadcast that only adds batch dims to a `tfl.batch_matmul` operand can go
/// (a weight expanded over a run-time batch, as decomposed `bmm`s do): its source has
/// unit batch dims and the same matrix, and the other operand, of the result's rank and
/// batch dims and not replaced by this pass, has the batch dims the kernel broadcasts to.
fn drops_into_batch_matmul(user: Op<'_>, index: usize, source: Value<'_>) -> bool {
    let (b, other) = (user.operand(index).shape(), user.operand(1 - index.min(1)).shape());
    let (s, out) = (source.shape(), user.result(0).shape());
    let r = out.len();
    let replaced = DROPPED_INTO.with(|d| d.borrow().contains(&(op_key(user), 1 - index.min(1))));
    let matrix_kept = s.len() == b.len() && s.len() >= 2 && s[s.len() - 2..] == b[b.len() - 2..] && s[s.len() - 2..].iter().all(|&n| n >= 0);
    let unit_batch = s[..s.len().saturating_sub(2)].iter().all(|&n| n == 1);
    let other_full = other.len() == r && r >= 2 && other[..r - 2] == out[..r - 2] && !replaced;
    index <= 1 && matrix_kept && unit_batch && other_full
}

/// Whether `user`, with operand `index` (a broadcast to a run-time shape) replaced by
/// its `source`, still has the broadcast's target shape, by where the sizes come from:
/// at every dim the source already has the target's size (the same constant, or an
/// unknown dim read from the same place as the target's piece), or the source is 1 there
/// and another operand has the target's size (two iotas of one length compared across
/// rows and columns; a padding mask [N, 1, 1, S] added to scores [N, H, L, S] it was
/// expanded over the heads for). The other operands broadcast with the target's size
/// as they did before.
fn sizes_prove(user: Op<'_>, index: usize, source: Value<'_>) -> bool {
    use crate::legalize::dynamic::{piece, same_dim_size, Piece};
    let Some(b) = user.operand(index).defined_by::<tfl::BroadcastTo>() else { return false };
    let out = user.result(0).shape();
    if b.output().shape().len() != out.len() || source.shape().len() > out.len() {
        return false;
    }
    let is_target = |v: Value, a: usize, target: &Piece| {
        let n = v.shape()[a];
        match *target {
            Piece::Const(c) => n == c,
            Piece::Size(y, e) => n < 0 && same_dim_size(v, a, y, e),
        }
    };
    (0..out.len()).all(|d| {
        let Some(target) = piece(b.shape(), d) else { return false };
        let sd = source.shape();
        let s = (d + sd.len()).checked_sub(out.len());
        if s.is_some_and(|a| is_target(source, a, &target)) || matches!(target, Piece::Const(1)) {
            return true;
        }
        if s.is_some_and(|a| sd[a] != 1) {
            return false;
        }
        user.operands().iter().enumerate().any(|(i, &v)| {
            let vd = v.shape();
            i != index && (d + vd.len()).checked_sub(out.len()).is_some_and(|a| is_target(v, a, &target))
        })
    })
}

/// `op(broadcast_to(a), b)` -> `op(a, b)` for each user `op` that broadcasts its
/// operands itself and whose result stays the same; the broadcast goes when no user
/// is left.
fn drop_broadcast<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(b) = op.cast::<tfl::BroadcastTo>() else { return false };
    let source = b.input();
    let mut changed = false;
    for (user, index) in b.output().uses() {
        if user.isa::<tfl::BatchMatmul>() && !user.result(0).ty().is_static() {
            if drops_into_batch_matmul(user, index, source) {
                DROPPED_INTO.with(|d| d.borrow_mut().insert((op_key(user), index)));
                rw.set_operand(user, index, source);
                changed = true;
            }
            continue;
        }
        if !user.def().is_some_and(|d| d.has(Broadcasting)) {
            continue;
        }
        let out = user.result(0).ty();
        if out.rank().is_none_or(|r| r > max_rank(user)) {
            continue;
        }
        if !out.is_static() {
            if drops_into_dynamic(user, index, source, out.dims()) {
                DROPPED_INTO.with(|d| d.borrow_mut().insert((op_key(user), index)));
                rw.set_operand(user, index, source);
                changed = true;
            }
            continue;
        }
        let shapes: Vec<Vec<i64>> =
            user.operands().iter().enumerate().map(|(i, v)| if i == index { source } else { *v }.shape()).collect();
        if broadcast_shapes(&shapes).as_deref() == Some(out.dims()) {
            rw.set_operand(user, index, source);
            changed = true;
        }
    }
    if b.output().use_count() == 0 {
        rw.erase_op(op);
        changed = true;
    }
    changed
}

//! `tfl-recognize-resize`: turns upsampling written as indexing with constant indices
//! into `tfl.resize_nearest_neighbor` / `tfl.resize_bilinear`. (`upsample_nearest2d`
//! and `upsample_bilinear2d` themselves arrive as composites, mapped by the
//! legalization; this is for a model that spells the resize out.)
//!
//! Input: TFL as `legalize-stablehlo-to-tfl` writes it, before `tfl-remove-broadcasts`,
//! of an NCHW tensor resized one spatial dim at a time (H, then W, or one of them):
//! - nearest: `x[:, :, rows]` is `tfl.gather(y, idx, axis)` with constant indices;
//! - bilinear: `a + (b - a) * w` with `a`, `b` such gathers of `y` along the dim and
//!   `w` a constant weight per output position along it (possibly reshaped and
//!   broadcast).
//! Indices may be computed from constants (aten.index.Tensor wraps negative indices
//! with `select(less(i, 0), i + n, i)`); they are evaluated here.
//!
//! Output: where the gathers along H and W (or along one of them, the other kept)
//! compute exactly what TFLite's kernel computes for some `align_corners` /
//! `half_pixel_centers` (same source rows and, for bilinear, the same weights to 1e-5),
//! a resize on NHWC between transposes (which `tfl-layout-nhwc` cancels). The gathers
//! are erased when nothing else uses them; anything else is left as it is.
//!
//! Patterns (`<Op><Effect>`), rooted at the last step, tried from the last op up:
//! GatherToResizeNearestNeighbor, AddToResizeBilinear.
//!
//!   %h = "tfl.gather"(%x, %ih) {axis = 2 : i32, ...} : (tensor<1x4x8x8xf32>, ...) -> tensor<1x4x16x8xf32>
//!   %w = "tfl.gather"(%h, %iw) {axis = 3 : i32, ...} : (...) -> tensor<1x4x16x16xf32>
//! becomes
//!   %t = "tfl.transpose"(%x, [0, 2, 3, 1])
//!   %r = "tfl.resize_nearest_neighbor"(%t, [16, 16]) {align_corners = false, half_pixel_centers = false}
//!   %w = "tfl.transpose"(%r, [0, 3, 1, 2])

use crate::constant::{self, insert_i32, ConstTensor};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::ir::{Attr, ElemTy};
use edge_dialects::mlir::{GreedyConfig, Op, Pattern, PatternSet, Rewriter, Value};
use edge_dialects::tfl::op as tfl;
use std::sync::LazyLock;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-recognize-resize",
    summary: "Recognize gather-based nearest / bilinear upsampling as tfl.resize_*",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflRecognizeResize))
}

/// Rooted at the op making the resized value: the last gather of a nearest resize, the
/// last `a + (b - a) * w` of a bilinear one.
const PATTERNS: &[Pattern] = &[
    Pattern::new("AddToResizeBilinear", tfl::Add::NAME, to_resize),
    Pattern::new("GatherToResizeNearestNeighbor", tfl::Gather::NAME, to_resize),
];

static PATTERN_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(PATTERNS));

struct TflRecognizeResize;

impl Pass for TflRecognizeResize {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // Last op first: the W step is matched before the H step it consumes, which is
        // then left unused and not matched.
        let config = GreedyConfig { bottom_up: true, skip_unused: true, ..GreedyConfig::default() };
        run_patterns(INFO.name, func, &PATTERN_SET, config, &mut rw)?;
        Ok(rw.changed())
    }
}

/// The resize whose last step `op` is, on NHWC between transposes, replacing `op`.
fn to_resize<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    if op.num_results() != 1 {
        return false;
    }
    let Some(r) = match_resize(op.result(0)) else { return false };
    let Some(new) = emit_resize(rw, &r) else { return false };
    rw.replace_all_uses(op.result(0), new);
    true
}

/// Which input positions (with weights) make each output position along one dim.
pub(crate) type Taps = Vec<Vec<(i64, f64)>>;

/// A resize of NCHW `input` to `[oh, ow]`.
struct Resize<'c> {
    input: Value<'c>,
    bilinear: bool,
    align_corners: bool,
    half_pixel_centers: bool,
    out: [i64; 2],
}

/// One resize step along `axis` (2 or 3) that defines `v`: its input and taps.
fn step(v: Value, axis: i64) -> Option<(Value, Taps, bool)> {
    let def = v.defining_op()?;
    if let Some(g) = def.cast::<tfl::Gather>() {
        let (y, idx) = gather_along(g, axis)?;
        return Some((y, idx.iter().map(|&i| vec![(i, 1.0)]).collect(), false));
    }
    let add = def.cast::<tfl::Add>()?;
    let (p, q) = (add.lhs(), add.rhs());
    for (a, m) in [(p, q), (q, p)] {
        let (Some(ga), Some(mul)) = (a.defined_by::<tfl::Gather>(), m.defined_by::<tfl::Mul>()) else { continue };
        if !fused_none(def) || !fused_none(mul.op()) {
            continue;
        }
        for (d, w) in [(mul.lhs(), mul.rhs()), (mul.rhs(), mul.lhs())] {
            let Some(sub) = d.defined_by::<tfl::Sub>().filter(|s| fused_none(s.op())) else { continue };
            if sub.rhs() != a {
                continue;
            }
            let Some(gb) = sub.lhs().defined_by::<tfl::Gather>() else { continue };
            let (Some((ya, i0)), Some((yb, i1))) = (gather_along(ga, axis), gather_along(gb, axis)) else { continue };
            let n = v.ty().dims()[axis as usize];
            let Some(wt) = profile(w, axis as usize, n) else { continue };
            if ya != yb || d.ty().dims() != v.ty().dims() {
                continue;
            }
            let taps = (0..n as usize).map(|k| vec![(i0[k], 1.0 - wt[k]), (i1[k], wt[k])]).collect();
            return Some((ya, taps, true));
        }
    }
    None
}

/// Whether `op` has no fused activation.
fn fused_none(op: Op) -> bool {
    match op.attr("fused_activation_function") {
        None => true,
        Some(Attr::Str(s)) => s == "NONE",
        _ => false,
    }
}

/// `(input, indices)` of a `tfl.gather` along `axis` of a static rank-4 f32 input with
/// constant in-range indices and as many as the result has along `axis`.
fn gather_along(g: tfl::Gather, axis: i64) -> Option<(Value, Vec<i64>)> {
    if g.axis()? != axis || g.batch_dims().unwrap_or(0) != 0 {
        return None;
    }
    let (y, out) = (g.params(), g.output().ty());
    let yt = y.ty();
    if !yt.is_static() || yt.dims().len() != 4 || yt.elem != ElemTy::F32 {
        return None;
    }
    let idx = eval_ints(g.indices())?;
    let n = yt.dims()[axis as usize];
    (idx.len() as i64 == out.dims()[axis as usize] && idx.iter().all(|&i| (0..n).contains(&i))).then_some((y, idx))
}

/// Ops whose integer result holds their operand 0's values (in another shape or type).
const SAME_VALUES: &[&str] = &[tfl::Reshape::NAME, tfl::Cast::NAME, tfl::Squeeze::NAME, tfl::ExpandDims::NAME];

/// The values of an integer tensor computed from constants by reshape, cast, less,
/// add and select_v2 (element-wise on equal sizes, or with a splat); integers wrap as
/// the kernels' do.
fn eval_ints(v: Value) -> Option<Vec<i64>> {
    if let Some(c) = constant::read(v) {
        return c.ints();
    }
    let def = v.defining_op()?;
    let arg = |i: usize| eval_ints(def.operand(i));
    let zip = |a: Vec<i64>, b: Vec<i64>, f: &dyn Fn(i64, i64) -> i64| -> Option<Vec<i64>> {
        let n = a.len().max(b.len());
        if (a.len() != n && a.len() != 1) || (b.len() != n && b.len() != 1) {
            return None;
        }
        Some((0..n).map(|i| f(a[if a.len() == 1 { 0 } else { i }], b[if b.len() == 1 { 0 } else { i }])).collect())
    };
    if SAME_VALUES.contains(&def.name()) {
        arg(0)
    } else if let Some(less) = def.cast::<tfl::Less>() {
        zip(eval_ints(less.lhs())?, eval_ints(less.rhs())?, &|a, b| (a < b) as i64)
    } else if let Some(add) = def.cast::<tfl::Add>().filter(|_| fused_none(def)) {
        zip(eval_ints(add.lhs())?, eval_ints(add.rhs())?, &|a, b| a.wrapping_add(b))
    } else if let Some(select) = def.cast::<tfl::SelectV2>() {
        let (c, a, b) = (eval_ints(select.condition())?, eval_ints(select.x())?, eval_ints(select.y())?);
        let n = c.len().max(a.len()).max(b.len());
        let at = |v: &Vec<i64>, i: usize| if v.len() == 1 { Some(v[0]) } else { v.get(i).copied() };
        (0..n).map(|i| Some(if at(&c, i)? != 0 { at(&a, i)? } else { at(&b, i)? })).collect()
    } else {
        None
    }
}

/// The `n` values of a constant that varies along `axis` only (a `[n]` vector,
/// reshaped to ones but `axis`, possibly broadcast), as f64.
fn profile(v: Value, axis: usize, n: i64) -> Option<Vec<f64>> {
    let mut v = v;
    if let Some(b) = v.defined_by::<tfl::BroadcastTo>() {
        v = b.input();
    }
    let dims = v.shape();
    if dims.len() != 4 || dims.iter().enumerate().any(|(d, &s)| if d == axis { s != n } else { s != 1 }) {
        return None;
    }
    if let Some(r) = v.defined_by::<tfl::Reshape>() {
        v = r.input();
    }
    let c = constant::read(v)?;
    let f = c.f32s()?;
    (f.len() as i64 == n).then(|| f.iter().map(|&x| x as f64).collect())
}

/// A resize defining `v`: a step along W on a step along H, or a step along one of them.
fn match_resize(v: Value) -> Option<Resize> {
    let t = v.ty();
    if !t.is_static() || t.dims().len() != 4 || t.elem != ElemTy::F32 {
        return None;
    }
    let (input, th, tw, bilinear) = if let Some((y, tw, bw)) = step(v, 3) {
        match step(y, 2) {
            Some((x, th, bh)) if bh == bw => (x, Some(th), Some(tw), bw),
            _ => (y, None, Some(tw), bw),
        }
    } else {
        let (x, th, bh) = step(v, 2)?;
        (x, Some(th), None, bh)
    };
    let xd = input.shape();
    let od = t.dims();
    let (ih, iw, oh, ow) = (xd[2], xd[3], od[2], od[3]);
    if xd[..2] != od[..2] || (th.is_none() && ih != oh) || (tw.is_none() && iw != ow) {
        return None;
    }
    for (align, half) in [(false, false), (false, true), (true, false)] {
        let fits = |taps: &Option<Taps>, i: i64, o: i64| match taps {
            Some(t) => same_taps(t, &tflite_taps(bilinear, align, half, i, o)),
            None => true,
        };
        if fits(&th, ih, oh) && fits(&tw, iw, ow) {
            return Some(Resize { input, bilinear, align_corners: align, half_pixel_centers: half, out: [oh, ow] });
        }
    }
    None
}

/// What TFLite's reference kernel reads for each output position along a dim of `i`
/// resized to `o` (computed in f32, as the kernel does).
pub(crate) fn tflite_taps(bilinear: bool, align: bool, half: bool, i: i64, o: i64) -> Taps {
    let scale = if align && o > 1 { (i - 1) as f32 / (o - 1) as f32 } else { i as f32 / o as f32 };
    (0..o)
        .map(|d| {
            if bilinear {
                let s = if half { (d as f32 + 0.5) * scale - 0.5 } else { d as f32 * scale };
                let lo = (s.floor() as i64).max(0);
                let hi = (s.ceil() as i64).min(i - 1);
                let w = (s - s.floor()) as f64;
                vec![(lo, 1.0 - w), (hi, w)]
            } else {
                let offset = if half { 0.5 } else { 0.0 };
                let x = (d as f32 + offset) * scale;
                let mut k = (if align { x.round() } else { x.floor() } as i64).min(i - 1);
                if half {
                    k = k.max(0);
                }
                vec![(k, 1.0)]
            }
        })
        .collect()
}

/// Whether two tap lists compute the same weighted sums (weights to 1e-5).
pub(crate) fn same_taps(a: &Taps, b: &Taps) -> bool {
    let norm = |t: &Vec<(i64, f64)>| {
        let mut m: Vec<(i64, f64)> = Vec::new();
        for &(i, w) in t {
            match m.iter_mut().find(|(j, _)| *j == i) {
                Some(e) => e.1 += w,
                None => m.push((i, w)),
            }
        }
        m.retain(|(_, w)| w.abs() > 1e-6);
        m.sort_by_key(|(i, _)| *i);
        m
    };
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            let (x, y) = (norm(x), norm(y));
            x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.0 == q.0 && (p.1 - q.1).abs() <= 1e-5)
        })
}

/// The resize `r` at `rw`'s insertion point, on NHWC between transposes; returns the
/// NCHW result. `None` (and nothing made) when a size does not fit in i32.
fn emit_resize<'c>(rw: &mut Rewriter<'c>, r: &Resize<'c>) -> Option<Value<'c>> {
    let xd = r.input.shape();
    let (n, c, [oh, ow]) = (xd[0], xd[1], r.out);
    let size = ConstTensor::from_i32(vec![2], &[oh, ow]).ok()?;
    let input_ty = r.input.raw_type();
    let transpose = |rw: &mut Rewriter<'c>, v: Value<'c>, perm: &[i64], shape: &[i64]| {
        let p = insert_i32(rw, perm).expect("a permutation fits in i32");
        tfl::Transpose::build(rw, &[input_ty.with_shape(shape)], v, p).create().output()
    };
    let nhwc = transpose(rw, r.input, &[0, 2, 3, 1], &[n, xd[2], xd[3], c]);
    let size = constant::insert(rw, &size);
    let ty = input_ty.with_shape(&[n, oh, ow, c]);
    let y = if r.bilinear {
        let b = tfl::ResizeBilinear::build(rw, &[ty], nhwc, size);
        b.align_corners(r.align_corners).half_pixel_centers(r.half_pixel_centers).create().output()
    } else {
        let b = tfl::ResizeNearestNeighbor::build(rw, &[ty], nhwc, size);
        b.align_corners(r.align_corners).half_pixel_centers(r.half_pixel_centers).create().output()
    };
    Some(transpose(rw, y, &[0, 3, 1, 2], &[n, c, oh, ow]))
}

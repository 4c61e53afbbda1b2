//! `tfl-recognize-resize`: turns the gathers PyTorch's `upsample_nearest2d` and
//! `upsample_bilinear2d` import as into `tfl.resize_nearest_neighbor` /
//! `tfl.resize_bilinear`.
//!
//! Input: TFL as `legalize-stablehlo-to-tfl` writes it, before `tfl-remove-broadcasts`.
//! The importer resizes an NCHW tensor one spatial dim at a time (H, then W):
//! - nearest: `tfl.gather(y, idx, axis)` with constant indices;
//! - bilinear: `a + (b - a) * w` with `a`, `b` gathers of `y` along the dim at constant
//!   indices and `w` a constant weight per output position along it (possibly
//!   reshaped and broadcast).
//! Indices may be computed from constants (the importer wraps negative indices with
//! `select(less(i, 0), i + n, i)`); they are evaluated here.
//!
//! Output: where the gathers along H and W (or along one of them, the other kept)
//! compute exactly what TFLite's kernel computes for some `align_corners` /
//! `half_pixel_centers` (same source rows and, for bilinear, the same weights to 1e-5),
//! a resize on NHWC between transposes (which `tfl-layout-nhwc` cancels). The gathers
//! are erased when nothing else uses them; anything else is left as it is.
//!
//!   %h = "tfl.gather"(%x, %ih) {axis = 2 : i32, ...} : (tensor<1x4x8x8xf32>, ...) -> tensor<1x4x16x8xf32>
//!   %w = "tfl.gather"(%h, %iw) {axis = 3 : i32, ...} : (...) -> tensor<1x4x16x16xf32>
//! becomes
//!   %t = "tfl.transpose"(%x, [0, 2, 3, 1])
//!   %r = "tfl.resize_nearest_neighbor"(%t, [16, 16]) {align_corners = false, half_pixel_centers = false}
//!   %w = "tfl.transpose"(%r, [0, 3, 1, 2])

use crate::legacy::constant;
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::ir::ElemTy;
use mlir_sys::*;

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

struct TflRecognizeResize;

impl TflRecognizeResize {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        // Last op first: the W step is matched before the H step it consumes, which is
        // then left unused and skipped.
        let mut changed = false;
        for op in body_ops(func).into_iter().rev() {
            if unsafe { mlirOperationGetNumResults(op) } != 1 || use_count(result(op, 0)) == 0 {
                continue;
            }
            if let Some(r) = match_resize(result(op, 0)) {
                let new = emit_resize(op, &r);
                replace_all_uses(result(op, 0), new);
                changed = true;
            }
        }
        if changed {
            erase_dead_ops(func);
        }
        Ok(())
    }
}

/// Which input positions (with weights) make each output position along one dim.
type Taps = Vec<Vec<(i64, f64)>>;

/// A resize of NCHW `input` to `[oh, ow]`.
struct Resize {
    input: MlirValue,
    bilinear: bool,
    align_corners: bool,
    half_pixel_centers: bool,
    out: [i64; 2],
}

/// One resize step along `axis` (2 or 3) that defines `v`: its input and taps.
fn step(v: MlirValue, axis: i64) -> Option<(MlirValue, Taps, bool)> {
    let def = defining_op(v)?;
    match name(def).as_str() {
        "tfl.gather" => {
            let (y, idx) = gather_along(def, axis)?;
            Some((y, idx.iter().map(|&i| vec![(i, 1.0)]).collect(), false))
        }
        "tfl.add" => {
            let (p, q) = (operand(def, 0), operand(def, 1));
            for (a, m) in [(p, q), (q, p)] {
                let (Some(ga), Some(mul)) = (defining_op(a), defining_op(m)) else { continue };
                if name(ga) != "tfl.gather" || name(mul) != "tfl.mul" || !fused_none(def) || !fused_none(mul) {
                    continue;
                }
                for (d, w) in [(operand(mul, 0), operand(mul, 1)), (operand(mul, 1), operand(mul, 0))] {
                    let Some(sub) = defining_op(d).filter(|s| name(*s) == "tfl.sub" && fused_none(*s)) else { continue };
                    if !unsafe { mlirValueEqual(operand(sub, 1), a) } {
                        continue;
                    }
                    let Some(gb) = defining_op(operand(sub, 0)).filter(|g| name(*g) == "tfl.gather") else { continue };
                    let (Some((ya, i0)), Some((yb, i1))) = (gather_along(ga, axis), gather_along(gb, axis)) else { continue };
                    let n = value_type(v).dims()[axis as usize];
                    let Some(wt) = profile(w, axis as usize, n) else { continue };
                    if !unsafe { mlirValueEqual(ya, yb) } || value_type(d).dims() != value_type(v).dims() {
                        continue;
                    }
                    let taps = (0..n as usize).map(|k| vec![(i0[k], 1.0 - wt[k]), (i1[k], wt[k])]).collect();
                    return Some((ya, taps, true));
                }
            }
            None
        }
        _ => None,
    }
}

/// Whether `op` has no fused activation.
fn fused_none(op: MlirOperation) -> bool {
    match attr(op, "fused_activation_function") {
        None => true,
        Some(edge_dialects::ir::Attr::Str(s)) => s == "NONE",
        _ => false,
    }
}

/// `(input, indices)` of a `tfl.gather` along `axis` of a static rank-4 f32 input with
/// constant in-range indices and as many as the result has along `axis`.
fn gather_along(g: MlirOperation, axis: i64) -> Option<(MlirValue, Vec<i64>)> {
    let int = |n: &str| attr(g, n).and_then(|a| a.as_int());
    if int("axis")? != axis || int("batch_dims").unwrap_or(0) != 0 {
        return None;
    }
    let (y, out) = (operand(g, 0), value_type(result(g, 0)));
    let yt = value_type(y);
    if !yt.is_static() || yt.dims().len() != 4 || yt.elem != ElemTy::F32 {
        return None;
    }
    let idx = eval_ints(operand(g, 1))?;
    let n = yt.dims()[axis as usize];
    (idx.len() as i64 == out.dims()[axis as usize] && idx.iter().all(|&i| (0..n).contains(&i))).then_some((y, idx))
}

/// The values of an integer tensor computed from constants by reshape, cast, less,
/// add and select_v2 (element-wise on equal sizes, or with a splat); integers wrap as
/// the kernels' do.
fn eval_ints(v: MlirValue) -> Option<Vec<i64>> {
    if let Some(c) = constant::read(v) {
        return c.ints();
    }
    let def = defining_op(v)?;
    let arg = |i: isize| eval_ints(operand(def, i));
    let zip = |a: Vec<i64>, b: Vec<i64>, f: &dyn Fn(i64, i64) -> i64| -> Option<Vec<i64>> {
        let n = a.len().max(b.len());
        if (a.len() != n && a.len() != 1) || (b.len() != n && b.len() != 1) {
            return None;
        }
        Some((0..n).map(|i| f(a[if a.len() == 1 { 0 } else { i }], b[if b.len() == 1 { 0 } else { i }])).collect())
    };
    match name(def).as_str() {
        "tfl.reshape" | "tfl.cast" | "tfl.squeeze" | "tfl.expand_dims" => arg(0),
        "tfl.less" => zip(arg(0)?, arg(1)?, &|a, b| (a < b) as i64),
        "tfl.add" if fused_none(def) => zip(arg(0)?, arg(1)?, &|a, b| a.wrapping_add(b)),
        "tfl.select_v2" => {
            let (c, a, b) = (arg(0)?, arg(1)?, arg(2)?);
            let n = c.len().max(a.len()).max(b.len());
            let at = |v: &Vec<i64>, i: usize| if v.len() == 1 { Some(v[0]) } else { v.get(i).copied() };
            (0..n).map(|i| Some(if at(&c, i)? != 0 { at(&a, i)? } else { at(&b, i)? })).collect()
        }
        _ => None,
    }
}

/// The `n` values of a constant that varies along `axis` only (a `[n]` vector,
/// reshaped to ones but `axis`, possibly broadcast), as f64.
fn profile(v: MlirValue, axis: usize, n: i64) -> Option<Vec<f64>> {
    let mut v = v;
    if let Some(b) = defining_op(v).filter(|b| name(*b) == "tfl.broadcast_to") {
        v = operand(b, 0);
    }
    let dims = value_type(v).dims().to_vec();
    if dims.len() != 4 || dims.iter().enumerate().any(|(d, &s)| if d == axis { s != n } else { s != 1 }) {
        return None;
    }
    if let Some(r) = defining_op(v).filter(|r| name(*r) == "tfl.reshape") {
        v = operand(r, 0);
    }
    let c = constant::read(v)?;
    let f = c.f32s()?;
    (f.len() as i64 == n).then(|| f.iter().map(|&x| x as f64).collect())
}

/// A resize defining `v`: a step along W on a step along H, or a step along one of them.
fn match_resize(v: MlirValue) -> Option<Resize> {
    let t = value_type(v);
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
    let xd = value_type(input).dims().to_vec();
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
fn tflite_taps(bilinear: bool, align: bool, half: bool, i: i64, o: i64) -> Taps {
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
fn same_taps(a: &Taps, b: &Taps) -> bool {
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

/// The resize `r` before `anchor`, on NHWC between transposes; returns the NCHW result.
fn emit_resize(anchor: MlirOperation, r: &Resize) -> MlirValue {
    let xd = value_type(r.input).dims().to_vec();
    let elem = unsafe { mlirShapedTypeGetElementType(mlirValueGetType(r.input)) };
    let ctx = unsafe { mlirOperationGetContext(anchor) };
    let tensor = |shape: &[i64]| unsafe { mlirRankedTensorTypeGet(shape.len() as isize, shape.as_ptr(), elem, mlirAttributeGetNull()) };
    let transpose = |v: MlirValue, perm: &[i64], shape: &[i64]| {
        let p = constant::insert_i32(anchor, perm).expect("small permutation");
        result(insert_op_before(anchor, "tfl.transpose", &[v, p], &[tensor(shape)], &[]), 0)
    };
    let (n, c, [oh, ow]) = (xd[0], xd[1], r.out);
    let nhwc = transpose(r.input, &[0, 2, 3, 1], &[n, xd[2], xd[3], c]);
    let size = constant::insert_i32(anchor, &[oh, ow]).expect("small size");
    let bool_attr = |b: bool| unsafe { mlirBoolAttrGet(ctx, b as i32) };
    let name = if r.bilinear { "tfl.resize_bilinear" } else { "tfl.resize_nearest_neighbor" };
    let attrs = [("align_corners", bool_attr(r.align_corners)), ("half_pixel_centers", bool_attr(r.half_pixel_centers))];
    let y = result(insert_op_before(anchor, name, &[nhwc, size], &[tensor(&[n, oh, ow, c])], &attrs), 0);
    transpose(y, &[0, 3, 1, 2], &[n, c, oh, ow])
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflRecognizeResize {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

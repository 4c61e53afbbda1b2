//! `stablehlo.composite` -> TFL: one row per composite name (an ATen op's name, as the
//! pt2 importer writes them) with the TFL op it becomes, a side condition where the
//! builtin's meaning is narrower than the op's, and the attribute mapping. A row
//! applies when its side condition holds and the TFL catalog accepts what it builds
//! (element types TFLite computes in, for one: an f16 or bf16 composite does not map).
//! A composite with no row, or whose rows do not apply, is inlined: its decomposition
//! function's body takes its place and legalizes op by op.
//!
//!   %y = "stablehlo.composite"(%x) {composite_attributes = {approximate = "tanh"},
//!          decomposition = @aten.gelu.0, name = "aten.gelu", version = 0 : i32}
//! becomes
//!   %y = "tfl.gelu"(%x) {approximate = true}
//!
//! No row (inlined): `aten.hardsigmoid` (TFLite has no builtin), `aten.prelu` (no
//! `tfl.prelu` in the catalog yet).
//!
//! Two conversion patterns of the legalization's table do it: `CompositeToTflBuiltin`
//! (benefit 2: the row) and `CompositeToDecomposition` (1: inlining; the pass converts
//! the inlined ops next).

use super::stablehlo_to_tfl::catalog_problems;
use crate::constant;
use crate::tfl_recognize_resize::{same_taps, tflite_taps, Taps};
use edge_dialects::composite::{self as comp, Composite};
use edge_dialects::ir::{Attr, ElemTy};
use edge_dialects::mlir::{Attribute, Op, Rewriter, Type, Value};

/// A TFL attribute value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TflAttr {
    Bool(bool),
    F32(f64),
}

/// The shape of what a row builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `to(x)` on the composite's one operand, with its result type (which must be the
    /// operand's: these ops keep shape and element type).
    Unary,
    /// A resize of an NCHW image: `transpose(to(transpose(x) to NHWC, [oh, ow])) to
    /// NCHW`; `tfl-layout-nhwc` cancels the transposes between such ops.
    ResizeNchw,
    /// A recurrent layer (`edge.lstm_layer`, `edge.rnn_layer`, `edge.bilstm_layer` from
    /// the pt2 importer) as one sequence op (`time_major = false` for a batch-first layer): weights split per gate, `b_ih + b_hh` per gate (zeros
    /// without biases), the initial states as the state operands (the writer gives each
    /// a variable tensor filled before the op on every invoke), the reverse direction
    /// between two `reverse_v2` over time, `h_n` the op's last step. LSTM's `c_n` is not
    /// an output of the op: a layer whose `c_n` is used stays unrolled.
    Sequence,
}

pub struct Row {
    /// The composite name.
    pub name: &'static str,
    /// The TFL op it becomes.
    pub to: &'static str,
    pub form: Form,
    /// Where the row applies.
    pub when: fn(&Composite) -> bool,
    /// The TFL op's attributes (called only where `when` holds).
    pub attrs: fn(&Composite) -> Vec<(&'static str, TflAttr)>,
}

const fn row(
    name: &'static str,
    to: &'static str,
    form: Form,
    when: fn(&Composite) -> bool,
    attrs: fn(&Composite) -> Vec<(&'static str, TflAttr)>,
) -> Row {
    Row { name, to, form, when, attrs }
}

/// Sorted by name; rows of one name must not both apply to a composite (a test checks).
#[rustfmt::skip]
pub static ROWS: &[Row] = &[
    row("aten._log_softmax", "tfl.log_softmax", Form::Unary, over_last_dim, no_attrs),
    row("aten._softmax", "tfl.softmax", Form::Unary, over_last_dim, beta_one),
    row("aten.gelu", "tfl.gelu", Form::Unary, gelu_known, gelu_approximate),
    row("aten.hardswish", "tfl.hard_swish", Form::Unary, always, no_attrs),
    row("aten.hardtanh", "tfl.relu6", Form::Unary, |c| bounds(c, 0.0, 6.0), no_attrs),
    row("aten.hardtanh", "tfl.relu_n1_to_1", Form::Unary, |c| bounds(c, -1.0, 1.0), no_attrs),
    row("aten.leaky_relu", "tfl.leaky_relu", Form::Unary, has_slope, leaky_alpha),
    row("aten.log_softmax", "tfl.log_softmax", Form::Unary, over_last_dim, no_attrs),
    row("aten.relu6", "tfl.relu6", Form::Unary, always, no_attrs),
    row("aten.softmax", "tfl.softmax", Form::Unary, over_last_dim, beta_one),
    row("aten.upsample_bilinear2d", "tfl.resize_bilinear", Form::ResizeNchw, |c| resize_mode(c, true).is_some(), |c| resize_attrs(c, true)),
    row("aten.upsample_nearest2d", "tfl.resize_nearest_neighbor", Form::ResizeNchw, |c| resize_mode(c, false).is_some(), |c| resize_attrs(c, false)),
    row("edge.bilstm_layer", "tfl.bidirectional_sequence_lstm", Form::Sequence, |c| sequence_fits(c).is_ok(), no_attrs),
    row("edge.lstm_layer", "tfl.unidirectional_sequence_lstm", Form::Sequence, |c| sequence_fits(c).is_ok(), no_attrs),
    row("edge.rnn_layer", "tfl.unidirectional_sequence_rnn", Form::Sequence, |c| sequence_fits(c).is_ok(), no_attrs),
];

/// `sequence_fits` of a time-major bidirectional LSTM layer: input, then each
/// direction's weights, biases, projection and states; results out, h_n and c_n per
/// direction.
fn bidirectional_fits(c: &Composite) -> Result<(), &'static str> {
    let flag = |n: &str| matches!(c.attr(n), Some(Attr::Bool(true)));
    let all = c.operands.iter().chain(&c.results);
    if all.clone().any(|t| t.elem != ElemTy::F32) || !static_but_time(c, 0) {
        return Err("it is not float32 with static sizes");
    }
    let per: &[usize] = &[&[2, 2][..], if flag("has_biases") { &[1, 1] } else { &[] }, if flag("proj") { &[2] } else { &[] }, &[2, 2]].concat();
    let want: Vec<usize> = [&[3][..], per, per].concat();
    let ranks = |ts: &[edge_dialects::ir::TensorTy], r: &[usize]| ts.len() == r.len() && ts.iter().zip(r).all(|(t, &r)| t.dims().len() == r);
    if !ranks(&c.operands, &want) || !ranks(&c.results, &[3, 2, 2, 2, 2]) {
        return Err("its operands are not a layer's");
    }
    let rows = c.operands[1].dims()[0];
    if rows <= 0 || rows % 4 != 0 || c.operands[1 + per.len()].dims()[0] != rows {
        return Err("its operands are not a layer's");
    }
    Ok(())
}

/// What the summary says of a recurrent layer: the builtin it became, or why it stays
/// unrolled (`None` for other composites).
fn layer_kind(name: &str) -> Option<(&'static str, &'static str)> {
    match name {
        "edge.lstm_layer" => Some(("LSTM", "UNIDIRECTIONAL_SEQUENCE_LSTM")),
        "edge.rnn_layer" => Some(("RNN", "UNIDIRECTIONAL_SEQUENCE_RNN")),
        "edge.gru_layer" => Some(("GRU", "")),
        "edge.bilstm_layer" => Some(("bidirectional LSTM", "BIDIRECTIONAL_SEQUENCE_LSTM")),
        _ => None,
    }
}

/// Whether a recurrent layer's composite has the form its sequence op computes: f32
/// with static sizes, operands as the importer lays them out.
fn sequence_fits(c: &Composite) -> Result<(), &'static str> {
    if c.name == "edge.gru_layer" {
        return Err("TFLite has no GRU builtin");
    }
    if c.name == "edge.bilstm_layer" {
        return bidirectional_fits(c);
    }
    let all = c.operands.iter().chain(&c.results);
    if all.clone().any(|t| t.elem != ElemTy::F32) {
        return Err("it is not float32");
    }
    let flag = |n: &str| matches!(c.attr(n), Some(Attr::Bool(true)));
    if !static_but_time(c, flag("batch_first") as usize) {
        return Err("its sizes other than the sequence length are not static");
    }
    let lstm = c.name == "edge.lstm_layer";
    let want = 3 + 2 * flag("has_biases") as usize + (lstm && flag("proj")) as usize + 1 + lstm as usize;
    if c.operands.len() != want || c.results.len() != 2 + lstm as usize {
        return Err("its operands are not a layer's");
    }
    // The shapes the importer gives a layer (the sequence op's verifier checks the rest).
    let ranks = |ts: &[edge_dialects::ir::TensorTy], r: &[usize]| ts.iter().zip(r).all(|(t, &r)| t.dims().len() == r);
    let biases = if flag("has_biases") { [1, 1].as_slice() } else { &[] };
    let proj = if lstm && flag("proj") { [2].as_slice() } else { &[] };
    let states = if lstm { [2, 2].as_slice() } else { &[2] };
    let operand_ranks = [&[3, 2, 2][..], biases, proj, states].concat();
    let result_ranks = [&[3, 2][..], if lstm { &[2] } else { &[] }].concat();
    if !ranks(&c.operands, &operand_ranks) || !ranks(&c.results, &result_ranks) {
        return Err("its operands are not a layer's");
    }
    let gates = if lstm { 4 } else { 1 };
    if c.operands[1].dims()[0] % gates != 0 || c.operands[1].dims()[0] <= 0 {
        return Err("its operands are not a layer's");
    }
    Ok(())
}

/// Whether a layer's sizes are static but for the sequence length (dim `td` of its
/// input and output sequence), which the sequence ops take at run time.
fn static_but_time(c: &Composite, td: usize) -> bool {
    let seq = |t: Option<&edge_dialects::ir::TensorTy>| {
        t.is_some_and(|t| t.dims().len() == 3 && t.dims().iter().enumerate().all(|(i, &d)| d >= 0 || i == td))
    };
    let rest = c.operands.iter().skip(1).chain(c.results.iter().skip(1));
    seq(c.operands.first()) && seq(c.results.first()) && rest.clone().all(|t| t.is_static())
}

/// Whether a layer's sequence length is unknown: its steps cannot be unrolled.
pub fn unknown_steps(c: &Composite) -> bool {
    let td = if c.name == "edge.bilstm_layer" { 0 } else { matches!(c.attr("batch_first"), Some(Attr::Bool(true))) as usize };
    layer_kind(&c.name).is_some() && c.operands.first().is_some_and(|x| x.dims().get(td).is_none_or(|&d| d < 0))
}

// ---- side conditions and attribute mappings ------------------------------------------

fn always(_: &Composite) -> bool {
    true
}

fn no_attrs(_: &Composite) -> Vec<(&'static str, TflAttr)> {
    Vec::new()
}

fn float(c: &Composite, name: &str) -> Option<f64> {
    c.attr(name).and_then(Attr::as_float)
}

/// `dim` is the operand's last dim (TFLite's softmax kernels reduce over the last dim).
fn over_last_dim(c: &Composite) -> bool {
    let (Some(x), Some(d)) = (c.operands.first(), c.attr("dim").and_then(Attr::as_int)) else { return false };
    let Some(r) = x.rank().filter(|&r| r > 0) else { return false };
    d == r as i64 - 1 || d == -1
}

fn beta_one(_: &Composite) -> Vec<(&'static str, TflAttr)> {
    vec![("beta", TflAttr::F32(1.0))]
}

fn gelu_known(c: &Composite) -> bool {
    matches!(c.attr("approximate").and_then(Attr::as_str), Some("none" | "tanh"))
}

fn gelu_approximate(c: &Composite) -> Vec<(&'static str, TflAttr)> {
    vec![("approximate", TflAttr::Bool(c.attr("approximate").and_then(Attr::as_str) == Some("tanh")))]
}

/// hardtanh clamps to `[min_val, max_val]`; the relu builtins to fixed bounds.
fn bounds(c: &Composite, lo: f64, hi: f64) -> bool {
    float(c, "min_val") == Some(lo) && float(c, "max_val") == Some(hi)
}

fn has_slope(c: &Composite) -> bool {
    float(c, "negative_slope").is_some_and(f64::is_finite)
}

/// `x >= 0 ? x : alpha * x`: at 0 both sides are 0, so PyTorch's `>` and TFLite's `>=`
/// agree.
fn leaky_alpha(c: &Composite) -> Vec<(&'static str, TflAttr)> {
    vec![("alpha", TflAttr::F32(float(c, "negative_slope").unwrap_or(0.0)))]
}

/// What PyTorch's upsampling reads for each output position along one dim of `n_in`
/// resized to `n_out` (as the decomposition computes it), or `None` for a dim the
/// resize leaves alone.
fn pytorch_taps(c: &Composite, bilinear: bool, dim: usize, n_in: i64, n_out: i64) -> Option<Taps> {
    if n_in == n_out {
        return None;
    }
    let scale = match c.attr("scale_factors") {
        Some(Attr::Other(text)) => array_f64(text).and_then(|v| v.get(dim).copied()),
        _ => None,
    }
    .filter(|&s| s > 0.0)
    .map_or(n_in as f64 / n_out as f64, |s| 1.0 / s);
    let align = matches!(c.attr("align_corners"), Some(Attr::Bool(true)));
    Some(
        (0..n_out)
            .map(|d| {
                if !bilinear {
                    return vec![(((d as f64 * scale).floor() as i64).min(n_in - 1), 1.0)];
                }
                let src = if align {
                    if n_out > 1 {
                        d as f64 * (n_in - 1) as f64 / (n_out - 1) as f64
                    } else {
                        0.0
                    }
                } else {
                    ((d as f64 + 0.5) * scale - 0.5).max(0.0)
                };
                let lo = (src.floor() as i64).min(n_in - 1);
                let w = src - lo as f64;
                vec![(lo, 1.0 - w), ((lo + 1).min(n_in - 1), w)]
            })
            .collect(),
    )
}

/// The values of an `array<f64: ...>` as MLIR prints it.
fn array_f64(text: &str) -> Option<Vec<f64>> {
    let inner = text.strip_prefix("array<f64")?.strip_suffix('>')?;
    let inner = inner.trim_start_matches(':').trim();
    if inner.is_empty() {
        return Some(Vec::new());
    }
    inner.split(',').map(|s| s.trim().parse().ok()).collect()
}

/// The largest spatial size a resize row compares taps for (TFLite sizes are int32;
/// a hostile type could declare 2^40).
const MAX_RESIZED_SIZE: i64 = 1 << 24;

/// `(align_corners, half_pixel_centers)` of the TFLite resize that reads exactly what
/// the upsampling reads (same source positions and, for bilinear, the same weights to
/// 1e-5), for a static rank-4 f32 NCHW image; `None` when no mode does.
fn resize_mode(c: &Composite, bilinear: bool) -> Option<(bool, bool)> {
    let (x, y) = (c.operands.first()?, c.results.first()?);
    if c.operands.len() != 1 || c.results.len() != 1 {
        return None;
    }
    if !x.is_static() || !y.is_static() {
        return dynamic_resize_mode(c, bilinear);
    }
    let (xd, yd) = (x.dims(), y.dims());
    if xd.len() != 4 || yd.len() != 4 || xd[..2] != yd[..2] || x.elem != ElemTy::F32 || y.elem != ElemTy::F32 {
        return None;
    }
    // The taps are built per output position: a declared size past this is not read.
    if xd[2..].iter().chain(&yd[2..]).any(|&d| d > MAX_RESIZED_SIZE) {
        return None;
    }
    let taps = [pytorch_taps(c, bilinear, 0, xd[2], yd[2]), pytorch_taps(c, bilinear, 1, xd[3], yd[3])];
    [(false, false), (false, true), (true, false)].into_iter().find(|&(align, half)| {
        taps.iter().zip([(xd[2], yd[2]), (xd[3], yd[3])]).all(|(t, (i, o))| match t {
            Some(t) => same_taps(t, &tflite_taps(bilinear, align, half, i, o)),
            None => true,
        })
    })
}

/// The integer scale factors of an upsampling to `in * s` (both spatial dims), where
/// PyTorch's source positions (`d / s`) are TFLite's (`d * in / out`) at every size.
fn integer_scales(c: &Composite) -> Option<[i64; 2]> {
    let Some(Attr::Other(text)) = c.attr("scale_factors") else { return None };
    let v = array_f64(text)?;
    let s: Vec<i64> = v.iter().map(|&f| (f >= 1.0 && f.fract() == 0.0 && f <= 1024.0).then_some(f as i64)).collect::<Option<_>>()?;
    let (x, y) = (c.operands.first()?, c.results.first()?);
    let (xd, yd) = (x.dims(), y.dims());
    // A static size must be what the scale gives.
    let fits = |i: usize| xd[2 + i] < 0 || yd[2 + i] < 0 || xd[2 + i] * s[i] == yd[2 + i];
    (s.len() == 2 && fits(0) && fits(1)).then(|| [s[0], s[1]])
}

/// `resize_mode` with unknown sizes, where no taps can be compared: bilinear with
/// `align_corners` reads `d * (in - 1) / (out - 1)` in both; otherwise an integer scale
/// makes nearest floor(d / s) and bilinear the half-pixel `(d + 0.5) / s - 0.5` (PyTorch
/// clamps it at 0; TFLite's lower and upper index both clamp to 0 there) in both.
fn dynamic_resize_mode(c: &Composite, bilinear: bool) -> Option<(bool, bool)> {
    let (x, y) = (c.operands.first()?, c.results.first()?);
    let (xd, yd) = (x.dims(), y.dims());
    if xd.len() != 4 || yd.len() != 4 || xd[..2] != yd[..2] || xd[1] < 0 || x.elem != ElemTy::F32 || y.elem != ElemTy::F32 {
        return None;
    }
    let align = matches!(c.attr("align_corners"), Some(Attr::Bool(true)));
    if bilinear && align {
        return Some((true, false));
    }
    integer_scales(c)?;
    Some((false, bilinear))
}

fn resize_attrs(c: &Composite, bilinear: bool) -> Vec<(&'static str, TflAttr)> {
    let (align, half) = resize_mode(c, bilinear).unwrap_or((false, false));
    vec![("align_corners", TflAttr::Bool(align)), ("half_pixel_centers", TflAttr::Bool(half))]
}

// ---- applying the table --------------------------------------------------------------

/// The row that applies to `c`, if any.
pub fn row_for(c: &Composite) -> Option<&'static Row> {
    ROWS.iter().filter(|r| r.name == c.name).find(|r| (r.when)(c))
}

/// `CompositeToTflBuiltin`: the composite becomes the TFL ops of the row that applies
/// to it, where the TFL catalog accepts them. Otherwise nothing is left of the attempt
/// and no reason is recorded: `CompositeToDecomposition` comes next.
pub fn to_builtin<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some((c, row)) = comp::read(op).ok().and_then(|c| row_for(&c).map(|row| (c, row))) else { return false };
    let mut b = Builder { rw: &mut *rw, anchor: op, built: Vec::new() };
    match build(&mut b, row, &c) {
        Some(v) if b.built.iter().all(|&o| catalog_problems(o).is_empty()) => {
            if let Some((layer, builtin)) = layer_kind(&c.name) {
                op.emit_remark(&format!("{layer} layer fused: one {builtin}"));
            }
            rw.replace_op(op, &v);
            true
        }
        _ => {
            let built = std::mem::take(&mut b.built);
            built.into_iter().rev().for_each(|o| rw.erase_op(o));
            false
        }
    }
}

/// `CompositeToDecomposition`: the composite's decomposition inlined in its place (the
/// conversion then converts the inlined ops); why it cannot be is the reason the
/// composite stays.
pub fn to_decomposition<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    // A bidirectional layer inlines to its directions' composites, which say their own.
    if let Some(c) = comp::read(op).ok().filter(|c| c.name != "edge.bilstm_layer") {
        if let Some((layer, _)) = layer_kind(&c.name) {
            let why = match sequence_fits(&c) {
                Err(why) => why,
                Ok(()) if c.name == "edge.lstm_layer" && !op.result(2).uses().is_empty() => {
                    "its c_n is used (the fused op returns only the output sequence)"
                }
                Ok(()) => "TFLite's op does not accept its types",
            };
            if unknown_steps(&c) {
                // The reason the composite stays: the conversion's error.
                rw.notify_match_failure(
                    op,
                    format!("{layer} layer over an unknown sequence length cannot be fused: {why}; its steps cannot be unrolled over an unknown length"),
                );
                return false;
            }
            op.emit_remark(&format!("{layer} layer unrolled: {why}"));
        }
    }
    match comp::inline(rw, op) {
        Ok(_) => true,
        Err(e) => {
            rw.notify_match_failure(op, e);
            false
        }
    }
}

/// Builds `row` before the composite, recording each op made; returns the value that
/// replaces the composite's result.
fn build<'c>(b: &mut Builder<'_, 'c>, row: &Row, c: &Composite) -> Option<Vec<Value<'c>>> {
    if row.form == Form::Sequence {
        return sequence(b, row, c);
    }
    if c.operands.len() != 1 || c.results.len() != 1 {
        return None;
    }
    let x = b.anchor.operand(0);
    let ctx = b.rw.context();
    let attrs: Vec<(&str, Attribute<'c>)> = (row.attrs)(c)
        .into_iter()
        .map(|(n, a)| {
            (
                n,
                match a {
                    TflAttr::Bool(v) => ctx.bool_attr(v),
                    TflAttr::F32(f) => ctx.f32_attr(f),
                },
            )
        })
        .collect();
    match row.form {
        Form::Unary => {
            if c.operands[0] != c.results[0] {
                return None;
            }
            let ty = b.anchor.result(0).raw_type();
            Some(vec![b.op(row.to, &[x], ty, &attrs)])
        }
        Form::ResizeNchw => {
            let (xd, yd) = (c.operands[0].dims().to_vec(), c.results[0].dims().to_vec());
            let (n, ch, (oh, ow)) = (xd[0], xd[1], (yd[2], yd[3]));
            // The results take the operand's element type.
            let like = |shape: &[i64]| x.raw_type().with_shape(shape);
            let perm = b.i32s(&[0, 2, 3, 1])?;
            let nhwc = b.op("tfl.transpose", &[x, perm], like(&[n, xd[2], xd[3], ch]), &[]);
            let size = if oh >= 0 && ow >= 0 {
                b.i32s(&[oh, ow])?
            } else {
                // Unknown sizes: [H, W] of the input times the scale, at run time.
                let i32t = ctx.integer(32);
                // Of the NHWC value, so the transposes around it can still cancel.
                let shape = b.op("tfl.shape", &[nhwc], i32t.tensor(&[4]), &[]);
                let (begin, end, one) = (b.i32s(&[1])?, b.i32s(&[3])?, b.i32s(&[1])?);
                let masks = super::stablehlo_to_tfl::strided_slice_masks(ctx, 0, 0, 0);
                let hw = b.op("tfl.strided_slice", &[shape, begin, end, one], i32t.tensor(&[2]), &masks);
                // Only an integer scale says the output size (a `size` given outright is
                // not the input's times a constant).
                let s = b.i32s(&integer_scales(c)?)?;
                b.op("tfl.mul", &[hw, s], i32t.tensor(&[2]), &[("fused_activation_function", ctx.string_attr("NONE"))])
            };
            let resized = b.op(row.to, &[nhwc, size], like(&[n, oh, ow, ch]), &attrs);
            let back = b.i32s(&[0, 3, 1, 2])?;
            Some(vec![b.op("tfl.transpose", &[resized, back], like(&[n, ch, oh, ow]), &[])])
        }
        Form::Sequence => None,
    }
}

/// `Form::Sequence`: the layer's sequence op (operands as `sequence_fits` checked).
fn sequence<'c>(b: &mut Builder<'_, 'c>, row: &Row, c: &Composite) -> Option<Vec<Value<'c>>> {
    if c.name == "edge.bilstm_layer" {
        return bidirectional(b, row, c);
    }
    let lstm = c.name == "edge.lstm_layer";
    if lstm && !b.anchor.result(2).uses().is_empty() {
        return None;
    }
    let ctx = b.rw.context();
    let flag = |n: &str| matches!(c.attr(n), Some(Attr::Bool(true)));
    let anchor = b.anchor;
    let operand = |i: usize| anchor.operand(i);
    // The time dim: 1 for a batch-first layer (`time_major = false`).
    let td = flag("batch_first") as usize;
    let x_dims = c.operands[0].dims();
    let (t, batch, n_in) = (x_dims[td], x_dims[1 - td], x_dims[2]);
    let gates: i64 = if lstm { 4 } else { 1 };
    let rows = c.operands[1].dims()[0];
    let hidden = rows / gates;
    let hout = c.results[0].dims()[2];
    let mut next = 3;
    let bias = if flag("has_biases") {
        next += 2;
        let ty = operand(3).raw_type();
        Some(b.op("tfl.add", &[operand(3), operand(4)], ty, &[("fused_activation_function", ctx.string_attr("NONE"))]))
    } else {
        None
    };
    let w_hr = (lstm && flag("proj")).then(|| {
        next += 1;
        operand(next - 1)
    });
    let f32t = ctx.f32();
    // A zero initial state (PyTorch's default) as its own constant, not a slice of the
    // layers' stacked zeros.
    let state = |b: &mut Builder<'_, 'c>, v: Value<'c>, n: i64| if is_zero(v) { b.f32_zeros(&[batch, n]) } else { Some(v) };
    let h0 = state(b, operand(next), hout)?;
    let mut x = operand(0);
    let reverse = flag("reverse");
    let time = b.i32s(&[td as i64])?;
    if reverse {
        x = b.op("tfl.reverse_v2", &[x, time], x.raw_type(), &[]);
    }
    let mut biases = Vec::new();
    for k in 0..gates {
        biases.push(match bias {
            Some(bv) => b.gate(bv, k, hidden, None)?,
            None => b.f32_zeros(&[hidden])?,
        });
    }
    let (w_ih, w_hh) = (operand(1), operand(2));
    let act = |name: &str| ("fused_activation_function", ctx.string_attr(name));
    let seq_ty = f32t.tensor(&[x_dims[0], x_dims[1], hout]);
    let y = if lstm {
        let none = b.none();
        let c0 = state(b, operand(next + 1), hidden)?;
        let mut ops = vec![x];
        for k in 0..4 {
            ops.push(b.gate(w_ih, k, hidden, Some(n_in))?);
        }
        for k in 0..4 {
            ops.push(b.gate(w_hh, k, hidden, Some(hout))?);
        }
        ops.extend([none, none, none]);
        ops.extend(biases);
        ops.extend([w_hr.unwrap_or(none), none, h0, c0, none, none, none, none]);
        let attrs = [
            act("TANH"),
            ("cell_clip", ctx.f32_attr(0.0)),
            ("proj_clip", ctx.f32_attr(0.0)),
            ("time_major", ctx.bool_attr(td == 0)),
        ];
        b.op(row.to, &ops, seq_ty, &attrs)
    } else {
        let activation = match c.attr("activation").and_then(Attr::as_str) {
            Some("relu") => "RELU",
            Some("tanh") => "TANH",
            _ => return None,
        };
        let attrs = [act(activation), ("time_major", ctx.bool_attr(td == 0))];
        b.op(row.to, &[x, w_ih, w_hh, biases[0], h0], seq_ty, &attrs)
    };
    let out = if reverse { b.op("tfl.reverse_v2", &[y, time], y.raw_type(), &[]) } else { y };
    // The last step computed is the final state.
    let h_n = last_step(b, y, td, t, batch, hout)?;
    let mut results = vec![out, h_n];
    if lstm {
        // Unused (checked above): any value of its type stands for it.
        results.push(operand(next + 1));
    }
    Some(results)
}

/// A time-major bidirectional LSTM layer as one `bidirectional_sequence_lstm` with
/// merged outputs (forward then backward on the last dim, both in input time order):
/// h_n forward is the last step of the forward half, backward the first step of the
/// backward half. Its c_n (results 3 and 4) must be unused.
fn bidirectional<'c>(b: &mut Builder<'_, 'c>, row: &Row, c: &Composite) -> Option<Vec<Value<'c>>> {
    if !b.anchor.result(3).uses().is_empty() || !b.anchor.result(4).uses().is_empty() {
        return None;
    }
    let ctx = b.rw.context();
    let f32t = ctx.f32();
    let flag = |n: &str| matches!(c.attr(n), Some(Attr::Bool(true)));
    let anchor = b.anchor;
    let x_dims = c.operands[0].dims();
    let (t, batch, n_in) = (x_dims[0], x_dims[1], x_dims[2]);
    let hidden = c.operands[1].dims()[0] / 4;
    let hout = c.results[1].dims()[1];
    let per = 4 + 2 * flag("has_biases") as usize + flag("proj") as usize;
    let none = b.none();
    let (mut weights, mut states) = (Vec::new(), Vec::new());
    for d in 0..2 {
        let at = |k: usize| anchor.operand(1 + d * per + k);
        let bias = if flag("has_biases") {
            let ty = at(2).raw_type();
            Some(b.op("tfl.add", &[at(2), at(3)], ty, &[("fused_activation_function", ctx.string_attr("NONE"))]))
        } else {
            None
        };
        let w_hr = flag("proj").then(|| at(per - 3));
        weights.extend(lstm_gates(b, at(0), at(1), bias, w_hr, none, hidden, n_in, hout)?);
        for (v, n) in [(at(per - 2), hout), (at(per - 1), hidden)] {
            states.push(if is_zero(v) { b.f32_zeros(&[batch, n])? } else { v });
        }
    }
    let operands: Vec<Value<'c>> = [&[anchor.operand(0)][..], &weights, &states, &[none; 9]].concat();
    let attrs = [
        ("fused_activation_function", ctx.string_attr("TANH")),
        ("cell_clip", ctx.f32_attr(0.0)),
        ("proj_clip", ctx.f32_attr(0.0)),
        ("merge_outputs", ctx.bool_attr(true)),
        ("time_major", ctx.bool_attr(true)),
    ];
    let y = b.op(row.to, &operands, f32t.tensor(&[t, batch, 2 * hout]), &attrs);
    let mut results = vec![y];
    results.push(last_step(b, y, 0, t, batch, hout)?);
    let (begin, size) = (b.i32s(&[0, 0, hout])?, b.i32s(&[1, batch, hout])?);
    let first = b.op("tfl.slice", &[y, begin, size], f32t.tensor(&[1, batch, hout]), &[]);
    let shape = b.i32s(&[batch, hout])?;
    results.push(b.op("tfl.reshape", &[first, shape], f32t.tensor(&[batch, hout]), &[]));
    // Unused (checked above): the initial cell states stand for them.
    results.extend([anchor.operand(per), anchor.operand(2 * per)]);
    Some(results)
}

/// `[B, Hout]` of the last step of the sequence `y` (time dim `td`, `t` steps, -1 when
/// unknown), its first `hout` features. An unknown `t` takes the step at -1: a
/// `tfl.strided_slice` counts a negative begin from the end at run time.
fn last_step<'c>(b: &mut Builder<'_, 'c>, y: Value<'c>, td: usize, t: i64, batch: i64, hout: i64) -> Option<Value<'c>> {
    let ctx = b.rw.context();
    let f32t = ctx.f32();
    let mut size = [batch, batch, hout];
    size[td] = 1;
    let mut begin = [0, 0, 0];
    if t >= 0 {
        begin[td] = t - 1;
        let (begin_v, size_v) = (b.i32s(&begin)?, b.i32s(&size)?);
        let last = b.op("tfl.slice", &[y, begin_v, size_v], f32t.tensor(&size), &[]);
        let shape = b.i32s(&[batch, hout])?;
        return Some(b.op("tfl.reshape", &[last, shape], f32t.tensor(&[batch, hout]), &[]));
    }
    begin[td] = -1;
    let mut end = [batch, batch, hout];
    end[td] = 0;
    let (begin_v, end_v, strides) = (b.i32s(&begin)?, b.i32s(&end)?, b.i32s(&[1, 1, 1])?);
    // The time dim runs to the end; the step is then dropped.
    let attrs = super::stablehlo_to_tfl::strided_slice_masks(ctx, 0, 1 << td, 1 << td);
    Some(b.op("tfl.strided_slice", &[y, begin_v, end_v, strides], f32t.tensor(&[batch, hout]), &attrs))
}

/// Operands 1-17 of an LSTM sequence op for one direction: the gates (i, f, g, o) of
/// `w_ih [4H, I]` and `w_hh [4H, Hout]`, no peepholes, the bias per gate (zeros
/// without one), the projection weights or none, no projection bias.
#[allow(clippy::too_many_arguments)]
fn lstm_gates<'c>(
    b: &mut Builder<'_, 'c>,
    w_ih: Value<'c>,
    w_hh: Value<'c>,
    bias: Option<Value<'c>>,
    w_hr: Option<Value<'c>>,
    none: Value<'c>,
    hidden: i64,
    n_in: i64,
    hout: i64,
) -> Option<Vec<Value<'c>>> {
    let mut ops = Vec::new();
    for k in 0..4 {
        ops.push(b.gate(w_ih, k, hidden, Some(n_in))?);
    }
    for k in 0..4 {
        ops.push(b.gate(w_hh, k, hidden, Some(hout))?);
    }
    ops.extend([none, none, none]);
    for k in 0..4 {
        ops.push(match bias {
            Some(bv) => b.gate(bv, k, hidden, None)?,
            None => b.f32_zeros(&[hidden])?,
        });
    }
    ops.extend([w_hr.unwrap_or(none), none]);
    Some(ops)
}

/// Whether `v` is zeros: a zero splat constant, or a slice or reshape of one.
fn is_zero(mut v: Value) -> bool {
    for _ in 0..4 {
        if constant::splat(v) == Some(0.0) {
            return true;
        }
        match v.defining_op() {
            Some(op) if matches!(op.name(), "stablehlo.reshape" | "stablehlo.slice" | "tfl.reshape" | "tfl.slice") => v = op.operand(0),
            _ => return false,
        }
    }
    false
}

/// Inserts ops before `anchor` (the composite), recording each in `built`.
struct Builder<'r, 'c> {
    rw: &'r mut Rewriter<'c>,
    anchor: Op<'c>,
    built: Vec<Op<'c>>,
}

impl<'c> Builder<'_, 'c> {
    /// An int32 constant.
    fn i32s(&mut self, values: &[i64]) -> Option<Value<'c>> {
        self.rw.set_insertion_before(self.anchor);
        let v = constant::insert_i32(self.rw, values).ok()?;
        self.built.push(v.defining_op()?);
        Some(v)
    }

    /// An f32 zeros tensor.
    fn f32_zeros(&mut self, shape: &[i64]) -> Option<Value<'c>> {
        self.rw.set_insertion_before(self.anchor);
        let n = usize::try_from(shape.iter().product::<i64>()).ok()?;
        let v = constant::insert(self.rw, &constant::ConstTensor::from_f32(shape.to_vec(), &vec![0.0; n]));
        self.built.push(v.defining_op()?);
        Some(v)
    }

    /// Rows [k * hidden, (k + 1) * hidden) of an f32 weight (`cols` columns) or bias
    /// (`None`): gate `k` of a recurrent layer's stacked gates.
    fn gate(&mut self, v: Value<'c>, k: i64, hidden: i64, cols: Option<i64>) -> Option<Value<'c>> {
        let (begin, size, shape) = match cols {
            Some(n) => (self.i32s(&[k * hidden, 0])?, self.i32s(&[hidden, n])?, vec![hidden, n]),
            None => (self.i32s(&[k * hidden])?, self.i32s(&[hidden])?, vec![hidden]),
        };
        let ty = self.rw.context().f32().tensor(&shape);
        Some(self.op("tfl.slice", &[v, begin, size], ty, &[]))
    }

    /// `tfl.no_value`, an absent operand.
    fn none(&mut self) -> Value<'c> {
        let c = self.rw.context();
        self.op("tfl.no_value", &[], c.none_type(), &[("value", c.unit_attr())])
    }

    /// `name(operands)` with one result of type `ty`.
    fn op(&mut self, name: &str, operands: &[Value<'c>], ty: Type<'c>, attrs: &[(&str, Attribute<'c>)]) -> Value<'c> {
        self.rw.set_insertion_before(self.anchor);
        let new = self.rw.create(name, operands, &[ty], attrs);
        self.built.push(new);
        new.result(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use edge_dialects::ir::TensorTy;
    use std::collections::BTreeMap;

    fn composite(name: &str, attrs: &[(&str, Attr)], x: &[i64], y: &[i64]) -> Composite {
        Composite {
            name: name.into(),
            attrs: attrs.iter().map(|(n, a)| (n.to_string(), a.clone())).collect::<BTreeMap<_, _>>(),
            decomposition: "d".into(),
            version: 0,
            operands: vec![TensorTy::ranked(x.to_vec(), ElemTy::F32)],
            results: vec![TensorTy::ranked(y.to_vec(), ElemTy::F32)],
        }
    }

    #[test]
    fn rows_are_sorted_and_map_to_catalog_ops() {
        for w in ROWS.windows(2) {
            assert!(w[0].name <= w[1].name, "{} must sort before {}", w[0].name, w[1].name);
        }
        for r in ROWS {
            assert!(edge_dialects::TFL.lookup(r.to).is_some(), "{} is not in the TFL catalog", r.to);
        }
    }

    /// Rows of one name are exclusive: on every sample composite, at most one applies.
    #[test]
    fn rows_of_one_name_do_not_overlap() {
        let f = Attr::Float;
        let samples = [
            composite("aten.hardtanh", &[("min_val", f(0.0)), ("max_val", f(6.0))], &[4], &[4]),
            composite("aten.hardtanh", &[("min_val", f(-1.0)), ("max_val", f(1.0))], &[4], &[4]),
            composite("aten.hardtanh", &[("min_val", f(-2.0)), ("max_val", f(2.0))], &[4], &[4]),
            composite("aten.hardtanh", &[("min_val", f(0.0)), ("max_val", f(1.0))], &[4], &[4]),
        ];
        for c in &samples {
            let n = ROWS.iter().filter(|r| r.name == c.name && (r.when)(c)).count();
            assert!(n <= 1, "{n} rows apply to {c:?}");
        }
        assert_eq!(row_for(&samples[0]).map(|r| r.to), Some("tfl.relu6"));
        assert_eq!(row_for(&samples[1]).map(|r| r.to), Some("tfl.relu_n1_to_1"));
        assert!(row_for(&samples[2]).is_none());
    }

    fn layer(name: &str, attrs: &[(&str, bool)], operands: &[&[i64]], results: &[&[i64]]) -> Composite {
        let ty = |d: &&[i64]| TensorTy::ranked(d.to_vec(), ElemTy::F32);
        Composite {
            name: name.into(),
            attrs: attrs.iter().map(|(n, b)| (n.to_string(), Attr::Bool(*b))).collect(),
            decomposition: "d".into(),
            version: 0,
            operands: operands.iter().map(ty).collect(),
            results: results.iter().map(ty).collect(),
        }
    }

    #[test]
    fn recurrent_layers_map_in_the_importers_form_only() {
        let flags = [("has_biases", true), ("proj", false), ("reverse", false), ("batch_first", false)];
        let lstm = layer(
            "edge.lstm_layer",
            &flags,
            &[&[5, 2, 3], &[16, 3], &[16, 4], &[16], &[16], &[2, 4], &[2, 4]],
            &[&[5, 2, 4], &[2, 4], &[2, 4]],
        );
        assert_eq!(row_for(&lstm).map(|r| r.to), Some("tfl.unidirectional_sequence_lstm"));
        // The biases the attributes promise are missing.
        let short = layer("edge.lstm_layer", &flags, &[&[5, 2, 3], &[16, 3], &[16, 4], &[2, 4], &[2, 4]], &[&[5, 2, 4], &[2, 4], &[2, 4]]);
        assert_eq!(sequence_fits(&short), Err("its operands are not a layer's"));
        // A bias of rank 0.
        let bad = layer(
            "edge.lstm_layer",
            &flags,
            &[&[5, 2, 3], &[16, 3], &[16, 4], &[], &[16], &[2, 4], &[2, 4]],
            &[&[5, 2, 4], &[2, 4], &[2, 4]],
        );
        assert!(row_for(&bad).is_none());
        let gru = layer("edge.gru_layer", &flags, &[&[5, 2, 3], &[12, 3], &[12, 4], &[2, 4]], &[&[5, 2, 4], &[2, 4]]);
        assert_eq!(sequence_fits(&gru), Err("TFLite has no GRU builtin"));
        let bi = layer(
            "edge.bilstm_layer",
            &[("has_biases", false), ("proj", false)],
            &[&[5, 2, 3], &[16, 3], &[16, 4], &[2, 4], &[2, 4], &[16, 3], &[16, 4], &[2, 4], &[2, 4]],
            &[&[5, 2, 8], &[2, 4], &[2, 4], &[2, 4], &[2, 4]],
        );
        assert_eq!(row_for(&bi).map(|r| r.to), Some("tfl.bidirectional_sequence_lstm"));
        let rnn = layer("edge.rnn_layer", &[("has_biases", false)], &[&[5, 2, 3], &[4, 3], &[4, 4], &[2, 4]], &[&[5, 2, 4], &[2, 4]]);
        assert_eq!(row_for(&rnn).map(|r| r.to), Some("tfl.unidirectional_sequence_rnn"));
    }

    /// An unknown sequence length (dim 1 batch-first, else 0) maps; any other unknown
    /// size does not, and only an unknown T makes the steps impossible to inline.
    #[test]
    fn layers_over_an_unknown_sequence_length_map_with_the_rest_static() {
        let rnn = |bf: bool, x: &[i64], y: &[i64], h: &[i64]| {
            layer("edge.rnn_layer", &[("has_biases", false), ("batch_first", bf)], &[x, &[4, 3], &[4, 4], h], &[y, h])
        };
        let time_major = rnn(false, &[-1, 2, 3], &[-1, 2, 4], &[2, 4]);
        assert_eq!(row_for(&time_major).map(|r| r.to), Some("tfl.unidirectional_sequence_rnn"));
        assert!(unknown_steps(&time_major));
        let batch_first = rnn(true, &[2, -1, 3], &[2, -1, 4], &[2, 4]);
        assert_eq!(row_for(&batch_first).map(|r| r.to), Some("tfl.unidirectional_sequence_rnn"));
        assert!(unknown_steps(&batch_first));
        // The batch unknown (the dim that is not the time dim).
        let batch = rnn(true, &[-1, 5, 3], &[-1, 5, 4], &[-1, 4]);
        assert_eq!(sequence_fits(&batch), Err("its sizes other than the sequence length are not static"));
        assert!(!unknown_steps(&batch));
        let bi = layer(
            "edge.bilstm_layer",
            &[("has_biases", false), ("proj", false)],
            &[&[-1, 2, 3], &[16, 3], &[16, 4], &[2, 4], &[2, 4], &[16, 3], &[16, 4], &[2, 4], &[2, 4]],
            &[&[-1, 2, 8], &[2, 4], &[2, 4], &[2, 4], &[2, 4]],
        );
        assert_eq!(row_for(&bi).map(|r| r.to), Some("tfl.bidirectional_sequence_lstm"));
        assert!(unknown_steps(&bi));
        let gru = layer("edge.gru_layer", &[("batch_first", false)], &[&[-1, 2, 3], &[12, 3], &[12, 4], &[2, 4]], &[&[-1, 2, 4], &[2, 4]]);
        assert!(row_for(&gru).is_none() && unknown_steps(&gru));
    }

    #[test]
    fn softmax_maps_over_the_last_dim_only() {
        let last = composite("aten._softmax", &[("dim", Attr::Int(-1))], &[2, 8], &[2, 8]);
        let last_pos = composite("aten._softmax", &[("dim", Attr::Int(1))], &[2, 8], &[2, 8]);
        let first = composite("aten._softmax", &[("dim", Attr::Int(0))], &[2, 8], &[2, 8]);
        assert!(row_for(&last).is_some() && row_for(&last_pos).is_some());
        assert!(row_for(&first).is_none());
    }

    #[test]
    fn resizes_map_where_tflite_reads_the_same_positions() {
        let nearest = |attrs: &[(&str, Attr)], y: &[i64]| resize_mode(&composite("n", attrs, &[1, 4, 8, 8], y), false);
        let bilinear = |attrs: &[(&str, Attr)], y: &[i64]| resize_mode(&composite("b", attrs, &[1, 4, 8, 8], y), true);
        assert_eq!(nearest(&[], &[1, 4, 16, 16]), Some((false, false)));
        assert_eq!(nearest(&[], &[1, 4, 12, 10]), Some((false, false)));
        assert_eq!(bilinear(&[("align_corners", Attr::Bool(false))], &[1, 4, 16, 16]), Some((false, true)));
        assert_eq!(bilinear(&[("align_corners", Attr::Bool(true))], &[1, 4, 16, 16]), Some((true, false)));
        // PyTorch reads with the given scale (1 / 1.3), TFLite with in / out (5 / 6):
        // the last row is 3 for one and 4 for the other.
        let odd = composite(
            "n",
            &[("scale_factors", Attr::Other("array<f64: 1.3, 1.3>".into()))],
            &[1, 1, 5, 5],
            &[1, 1, 6, 6],
        );
        assert_eq!(resize_mode(&odd, false), None);
        // A declared 2^40 columns is not compared tap by tap.
        assert_eq!(nearest(&[], &[1, 4, 16, 1 << 40]), None);
    }

    #[test]
    fn resizes_of_unknown_sizes_need_integer_scales() {
        let scales = |s: &str| ("scale_factors", Attr::Other(format!("array<f64: {s}>")));
        let nearest = |attrs: &[(&str, Attr)]| resize_mode(&composite("n", attrs, &[-1, 4, -1, -1], &[-1, 4, -1, -1]), false);
        let bilinear = |attrs: &[(&str, Attr)]| resize_mode(&composite("b", attrs, &[1, 4, -1, 8], &[1, 4, -1, 16]), true);
        assert_eq!(nearest(&[scales("2.0, 3.0")]), Some((false, false)));
        assert_eq!(nearest(&[scales("1.5, 1.5")]), None);
        assert_eq!(nearest(&[]), None);
        assert_eq!(bilinear(&[scales("2.0, 2.0")]), Some((false, true)));
        // A static width that the scale does not give.
        assert_eq!(bilinear(&[scales("2.0, 3.0")]), None);
        assert_eq!(bilinear(&[("align_corners", Attr::Bool(true))]), Some((true, false)));
    }
}

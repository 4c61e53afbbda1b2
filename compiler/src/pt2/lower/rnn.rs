//! Recurrent layers as PyTorch records them without decomposition: `aten.lstm.input`,
//! `aten.gru.input`, `aten.rnn_tanh.input`, `aten.rnn_relu.input`. Each layer and
//! direction is one `stablehlo.composite` over `x [T, B, I]` (`[B, T, I]` with
//! `batch_first`, as the layer reads it: no transposes), its weights, biases and
//! initial state:
//!
//!   %out, %h, %c = "stablehlo.composite"(%x, %w_ih, %w_hh, %b_ih, %b_hh, %h0, %c0)
//!       {name = "edge.lstm_layer", composite_attributes = {batch_first = false,
//!        has_biases = true, proj = false, reverse = false},
//!        decomposition = @edge.lstm_layer.0, ...}
//!
//! results `out [T, B, Hout]` (or `[B, T, Hout]`), `h_n [B, Hout]` and (LSTM) `c_n [B, H]`, whose
//! decomposition is the per-step math (one input product for all steps, then per step
//! the recurrent product and the gates, in PyTorch's gate order: LSTM (i, f, g, o), GRU
//! (r, z, n)). `passes/src/legalize/composite.rs` maps an LSTM or RNN layer to TFLite's
//! fused sequence op where it computes the same thing, else inlines the steps. Layers
//! stack on the concatenated directions.
//! Dropout between layers only applies in training (`train = true` is refused).
//! Sizes must be static, except the sequence length of an LSTM or RNN layer: over an
//! unknown T the layer can only be TFLite's fused op (its steps cannot be unrolled), so
//! its decomposition is `unknown_steps`, which legalization refuses to inline; a layer
//! the fused op cannot compute (GRU, LSTM with c_n used) is refused here.

use super::as_composite::composite;
use super::nn::dot;
use super::{Args, Ctx, LResult, Value};
use crate::pt2::emit::{tensor, Val};
use edge_dialects::ir::ElemTy;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Lstm,
    Gru,
    RnnTanh,
    RnnRelu,
}

impl Cell {
    /// Gates stacked in the weights' rows.
    fn gates(self) -> i64 {
        match self {
            Cell::Lstm => 4,
            Cell::Gru => 3,
            Cell::RnnTanh | Cell::RnnRelu => 1,
        }
    }

    fn composite(self) -> &'static str {
        match self {
            Cell::Lstm => "edge.lstm_layer",
            Cell::Gru => "edge.gru_layer",
            Cell::RnnTanh | Cell::RnnRelu => "edge.rnn_layer",
        }
    }
}

pub fn lstm(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    recurrent(ctx, args, Cell::Lstm)
}

pub fn gru(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    recurrent(ctx, args, Cell::Gru)
}

pub fn rnn_tanh(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    recurrent(ctx, args, Cell::RnnTanh)
}

pub fn rnn_relu(ctx: &mut Ctx, args: &Args) -> LResult<Vec<Val>> {
    recurrent(ctx, args, Cell::RnnRelu)
}

/// One layer's and direction's weights.
struct Weights {
    w_ih: Val,
    w_hh: Val,
    /// `(b_ih, b_hh)`.
    biases: Option<(Val, Val)>,
    /// LSTM `proj_size`: `w_hr [Hout, H]`.
    w_hr: Option<Val>,
}

fn recurrent(ctx: &mut Ctx, args: &Args, cell: Cell) -> LResult<Vec<Val>> {
    let out_ty = ctx.out_ty(0)?;
    let elem = out_ty.elem.clone();
    if !elem.is_float() {
        return Err(format!("recurrent layer over {elem} (needs a float type)").into());
    }
    let x = args.tensor(ctx, "input")?;
    let x = ctx.e.convert(&x, &elem);
    let hx: Vec<Val> = match cell {
        Cell::Lstm => args.tensors(ctx, "hx")?,
        _ => vec![args.tensor(ctx, "hx")?],
    };
    let params = args.tensors(ctx, "params")?;
    let has_biases = args.bool("has_biases")?;
    let layers = args.int("num_layers")?;
    if args.bool("train")? && args.float("dropout")? != 0.0 {
        return Err("recurrent layer with dropout in training mode (export the model in eval mode)".into());
    }
    let dirs: i64 = if args.bool("bidirectional")? { 2 } else { 1 };
    let mut batch_first = args.bool("batch_first")?;
    let kind = match cell {
        Cell::Lstm => "LSTM",
        Cell::Gru => "GRU",
        Cell::RnnTanh | Cell::RnnRelu => "RNN",
    };
    let td = batch_first as usize;
    if x.rank() != 3 || x.shape()[1 - td] < 0 || x.shape()[2] < 0 {
        return Err(format!(
            "{kind} layer input must be 3-D with static batch and feature sizes (only the sequence length may vary), got {:?}",
            x.shape()
        )
        .into());
    }
    // Over an unknown T only TFLite's fused op can run the layer.
    let unknown_t = x.shape()[td] < 0;
    if unknown_t {
        let why = if cell == Cell::Gru {
            Some("TFLite has no GRU builtin")
        } else if cell == Cell::Lstm && ctx.output_used(2) {
            Some("its c_n is used (the fused op returns only the output sequence)")
        } else if elem != ElemTy::F32 {
            Some("it is not float32 (the fused op's type)")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(format!(
                "{kind} layer over an unknown sequence length cannot be fused: {why}, and its steps cannot be unrolled over an unknown length (export it with a static sequence length)"
            )
            .into());
        }
    }
    if hx.len() != if cell == Cell::Lstm { 2 } else { 1 } || hx.iter().any(|h| h.rank() != 3) {
        return Err("recurrent layer initial state must be [layers * directions, B, H] tensors".into());
    }
    let per: usize = 2 + if has_biases { 2 } else { 0 };
    let groups = (layers * dirs) as usize;
    let proj = if params.len() == groups * per {
        false
    } else if cell == Cell::Lstm && params.len() == groups * (per + 1) {
        true
    } else {
        return Err(
            format!("recurrent layer has {} parameters for {layers} layers x {dirs} directions", params.len()).into()
        );
    };
    let stride = per + proj as usize;
    let h0_all = ctx.e.convert(&hx[0], &elem);
    let c0_all = hx.get(1).map(|c| ctx.e.convert(c, &elem));

    // A batch of one is time-major as it is ([1, T, I] and [T, 1, I] hold the same
    // elements): reshaped, it can take the time-major forms (one bidirectional op).
    let one_batch = batch_first && x.shape()[0] == 1 && !unknown_t;
    let mut seq = if one_batch {
        batch_first = false;
        ctx.e.reshape(&x, &[x.shape()[1], 1, x.shape()[2]])
    } else {
        x
    };
    let (mut h_n, mut c_n) = (Vec::new(), Vec::new());
    for l in 0..layers {
        let mut outs = Vec::new();
        let mut directions = Vec::new();
        for d in 0..dirs {
            let g = (l * dirs + d) as usize;
            let p = &params[g * stride..(g + 1) * stride];
            let conv = |ctx: &mut Ctx, v: &Val| ctx.e.convert(v, &elem);
            let w = Weights {
                w_ih: conv(ctx, &p[0]),
                w_hh: conv(ctx, &p[1]),
                biases: if has_biases { Some((conv(ctx, &p[2]), conv(ctx, &p[3]))) } else { None },
                w_hr: if proj { Some(conv(ctx, &p[per])) } else { None },
            };
            let state = |ctx: &mut Ctx, all: &Val| {
                let s = ctx.e.slice_dim(all, 0, g as i64, 1);
                let dims = [s.shape()[1], s.shape()[2]];
                ctx.e.reshape(&s, &dims)
            };
            let h0 = state(ctx, &h0_all);
            let c0 = c0_all.as_ref().map(|c| state(ctx, c));
            directions.push((w, h0, c0));
        }
        if let ([(wf, hf, Some(cf)), (wb, hb, Some(cb))], false) = (directions.as_slice(), batch_first) {
            // TFLite's bidirectional op is time-major only (its batch-major form did not
            // match in LiteRT 2.3).
            let (out, h, c) = bidirectional_lstm(ctx, &seq, [(wf, hf, cf), (wb, hb, cb)])?;
            h_n.extend(h);
            c_n.extend(c);
            seq = out;
            continue;
        }
        for (d, (w, h0, c0)) in directions.iter().enumerate() {
            let run = Run { cell, reverse: d == 1, batch_first, x: &seq, w, h0, c0: c0.as_ref() };
            let (out, h, c) = layer(ctx, run)?;
            outs.push(out);
            h_n.push(h);
            if let Some(c) = c {
                c_n.push(c);
            }
        }
        seq = concat(ctx, &outs, 2);
    }
    let out = if one_batch { ctx.e.reshape(&seq, &[1, seq.shape()[0], seq.shape()[2]]) } else { seq };
    let stack = |ctx: &mut Ctx, states: &[Val]| {
        let rows: Vec<Val> = states.iter().map(|s| ctx.e.reshape(s, &[1, s.shape()[0], s.shape()[1]])).collect();
        concat(ctx, &rows, 0)
    };
    // An unused state is not stacked, so the layers' results stay unused (a fused
    // LSTM has no c_n); a dead constant stands for it.
    let mut results = vec![out];
    for (i, states) in [(1, &h_n), (2, &c_n)] {
        if i == 1 || cell == Cell::Lstm {
            results.push(if ctx.output_used(i) {
                stack(ctx, states)
            } else {
                let ty = ctx.out_ty(i)?;
                ctx.e.splat(0.0, &elem, ty.dims())
            });
        }
    }
    Ok(results)
}

fn concat(ctx: &mut Ctx, vs: &[Val], dim: usize) -> Val {
    if vs.len() == 1 {
        return vs[0].clone();
    }
    let mut shape = vs[0].shape().to_vec();
    shape[dim] = vs.iter().map(|v| v.shape()[dim]).sum();
    let refs: Vec<&Val> = vs.iter().collect();
    ctx.e.op("stablehlo.concatenate", &refs, &format!("dimension = {dim} : i64"), tensor(&shape, vs[0].elem().clone()))
}

/// The names a layer's operands are bound to in its decomposition: `w_ih`, `w_hh`,
/// `b_ih`, `b_hh`, `w_hr`, `h0`, `c0` (per direction of a bidirectional layer).
type Names = [&'static str; 7];
const ONE: Names = ["w_ih", "w_hh", "b_ih", "b_hh", "w_hr", "h0", "c0"];
const FORWARD: Names = ["f.w_ih", "f.w_hh", "f.b_ih", "f.b_hh", "f.w_hr", "f.h0", "f.c0"];
const BACKWARD: Names = ["b.w_ih", "b.w_hh", "b.b_ih", "b.b_hh", "b.w_hr", "b.h0", "b.c0"];

/// Appends a direction's weights and state, in the layer's operand order.
fn push_direction(names: &mut Vec<&'static str>, operands: &mut Vec<Val>, n: &Names, w: &Weights, h0: &Val, c0: Option<&Val>) {
    let mut add = |name, v: &Val| {
        names.push(name);
        operands.push(v.clone());
    };
    add(n[0], &w.w_ih);
    add(n[1], &w.w_hh);
    if let Some((b_ih, b_hh)) = &w.biases {
        add(n[2], b_ih);
        add(n[3], b_hh);
    }
    if let Some(w_hr) = &w.w_hr {
        add(n[4], w_hr);
    }
    add(n[5], h0);
    if let Some(c0) = c0 {
        add(n[6], c0);
    }
}

/// A direction's weights and state read back from the decomposition's arguments.
fn read_direction(ctx: &Ctx, n: &Names, has_biases: bool, proj: bool, with_c: bool) -> LResult<(Weights, Val, Option<Val>)> {
    let w = Weights {
        w_ih: ctx.tensor(n[0])?,
        w_hh: ctx.tensor(n[1])?,
        biases: if has_biases { Some((ctx.tensor(n[2])?, ctx.tensor(n[3])?)) } else { None },
        w_hr: if proj { Some(ctx.tensor(n[4])?) } else { None },
    };
    let c0 = if with_c { Some(ctx.tensor(n[6])?) } else { None };
    Ok((w, ctx.tensor(n[5])?, c0))
}

/// `name` kept whole as a composite over `operands` (bound to `names`) whose
/// decomposition is `body`; where no composite can stand for it, `body` inlined on the
/// operands themselves.
fn kept(
    ctx: &mut Ctx,
    name: &'static str,
    attrs: &[String],
    names: &[&str],
    operands: &[Val],
    body: &dyn Fn(&mut Ctx) -> LResult<Vec<Val>>,
) -> LResult<Vec<Val>> {
    if let Some(v) = composite(ctx, name, attrs, names, operands, |c| body(c)) {
        return Ok(v);
    }
    let saved: Vec<_> = names.iter().map(|n| ctx.env.get(*n).cloned()).collect();
    for (n, v) in names.iter().zip(operands) {
        ctx.env.insert(n.to_string(), Value::Tensor(v.clone()));
    }
    let r = body(ctx);
    for (n, s) in names.iter().zip(saved) {
        match s {
            Some(s) => ctx.env.insert(n.to_string(), s),
            None => ctx.env.remove(*n),
        };
    }
    r
}

/// One layer in one direction: its cell, direction and layout, input, weights and
/// initial state.
#[derive(Clone, Copy)]
struct Run<'a> {
    cell: Cell,
    reverse: bool,
    batch_first: bool,
    x: &'a Val,
    w: &'a Weights,
    h0: &'a Val,
    c0: Option<&'a Val>,
}

/// A layer's results: `(out [T, B, Hout], h_n [B, Hout], c_n [B, H])`.
type Ran = LResult<(Val, Val, Option<Val>)>;

/// One layer in one direction as a composite (the unrolled steps inlined when the
/// composite cannot be built; over an unknown T, `unknown_steps`).
fn layer(ctx: &mut Ctx, run: Run) -> Ran {
    let Run { cell, reverse, batch_first, x, w, h0, c0 } = run;
    let (mut names, mut operands) = (vec!["x"], vec![x.clone()]);
    push_direction(&mut names, &mut operands, &ONE, w, h0, c0);
    let mut attrs = vec![
        format!("batch_first = {batch_first}"),
        format!("reverse = {reverse}"),
        format!("has_biases = {}", w.biases.is_some()),
    ];
    match cell {
        Cell::Lstm => attrs.push(format!("proj = {}", w.w_hr.is_some())),
        Cell::RnnTanh => attrs.push("activation = \"tanh\"".into()),
        Cell::RnnRelu => attrs.push("activation = \"relu\"".into()),
        Cell::Gru => {}
    }
    let (has_biases, proj, with_c) = (w.biases.is_some(), w.w_hr.is_some(), c0.is_some());
    let body = |ctx: &mut Ctx| -> LResult<Vec<Val>> {
        let (w, h0, c0) = read_direction(ctx, &ONE, has_biases, proj, with_c)?;
        let x = ctx.tensor("x")?;
        let run = Run { cell, reverse, batch_first, x: &x, w: &w, h0: &h0, c0: c0.as_ref() };
        let (out, h, c) = if x.shape()[batch_first as usize] < 0 { unknown_steps(ctx, run) } else { steps(ctx, run) }?;
        Ok([out, h].into_iter().chain(c).collect())
    };
    let values = kept(ctx, cell.composite(), &attrs, &names, &operands, &body)?;
    let mut it = values.into_iter();
    let (out, h) = (it.next().ok_or("recurrent layer lost its output")?, it.next().ok_or("recurrent layer lost h_n")?);
    Ok((out, h, it.next()))
}

/// A time-major bidirectional LSTM layer as one `edge.bilstm_layer` composite whose
/// decomposition is its two directions' `edge.lstm_layer` composites and their
/// concatenation: `(out [T, B, 2 Hout], [h_n fw, bw], [c_n fw, bw])`. Legalization maps
/// it to one BIDIRECTIONAL_SEQUENCE_LSTM, or inlines it (each direction then fused or
/// unrolled on its own).
fn bidirectional_lstm(ctx: &mut Ctx, x: &Val, dirs: [(&Weights, &Val, &Val); 2]) -> LResult<(Val, [Val; 2], [Val; 2])> {
    let (mut names, mut operands) = (vec!["x"], vec![x.clone()]);
    for ((w, h0, c0), n) in dirs.iter().zip([&FORWARD, &BACKWARD]) {
        push_direction(&mut names, &mut operands, n, w, h0, Some(c0));
    }
    let (has_biases, proj) = (dirs[0].0.biases.is_some(), dirs[0].0.w_hr.is_some());
    let attrs = [format!("has_biases = {has_biases}"), format!("proj = {proj}")];
    let body = |ctx: &mut Ctx| -> LResult<Vec<Val>> {
        let x = ctx.tensor("x")?;
        let (mut outs, mut hs, mut cs) = (Vec::new(), Vec::new(), Vec::new());
        for (n, reverse) in [(&FORWARD, false), (&BACKWARD, true)] {
            let (w, h0, c0) = read_direction(ctx, n, has_biases, proj, true)?;
            let run = Run { cell: Cell::Lstm, reverse, batch_first: false, x: &x, w: &w, h0: &h0, c0: c0.as_ref() };
            let (out, h, c) = layer(ctx, run)?;
            outs.push(out);
            hs.push(h);
            cs.push(c.ok_or("LSTM layer without a cell state")?);
        }
        Ok([concat(ctx, &outs, 2)].into_iter().chain(hs).chain(cs).collect())
    };
    let v = kept(ctx, "edge.bilstm_layer", &attrs, &names, &operands, &body)?;
    match <[Val; 5]>::try_from(v) {
        Ok([out, hf, hb, cf, cb]) => Ok((out, [hf, hb], [cf, cb])),
        Err(_) => Err("bidirectional LSTM layer lost a result".into()),
    }
}

/// The decomposition of a layer over an unknown T: a `stablehlo.custom_call
/// @edge.unknown_steps` of the layer's result types, which nothing legalizes (the
/// composite must become the fused op; see `passes/src/legalize/composite.rs`).
fn unknown_steps(ctx: &mut Ctx, run: Run) -> Ran {
    let Run { cell, x, w, h0, c0, .. } = run;
    let (elem, hout) = (x.elem().clone(), h0.shape().get(1).copied().unwrap_or(-1));
    let mut out = x.shape().to_vec();
    out[2] = hout;
    let mut types = vec![tensor(&out, elem.clone()), h0.ty.clone()];
    types.extend(c0.map(|c| c.ty.clone()));
    let mut operands = vec![x, &w.w_ih, &w.w_hh, h0];
    operands.extend(c0);
    let attrs = format!("call_target_name = \"edge.unknown_steps\", backend_config = \"{}\"", cell.composite());
    let mut r = ctx.e.op_multi("stablehlo.custom_call", &operands, &attrs, &types).into_iter();
    let (out, h) = (r.next().ok_or("recurrent layer lost its output")?, r.next().ok_or("recurrent layer lost h_n")?);
    Ok((out, h, r.next()))
}

/// The unrolled steps of one layer and direction.
fn steps(ctx: &mut Ctx, run: Run) -> Ran {
    let Run { cell, reverse, batch_first, x, w, h0, c0 } = run;
    // The time dim: 1 with `batch_first`.
    let td = batch_first as usize;
    let (t_len, batch) = (x.shape()[td], x.shape()[1 - td]);
    if t_len < 0 {
        return Err("recurrent layer steps over an unknown sequence length".into());
    }
    // The shapes PyTorch's layer has (an archive may say otherwise).
    let (n_in, rows, hout) = (x.shape()[2], w.w_ih.shape().first().copied().unwrap_or(-1), h0.shape().get(1).copied().unwrap_or(-1));
    let hidden = rows / cell.gates();
    let cell_state = if cell == Cell::Lstm { vec![batch, hidden] } else { Vec::new() };
    let fits = rows > 0
        && rows % cell.gates() == 0
        && w.w_ih.shape() == [rows, n_in]
        && w.w_hh.shape() == [rows, hout]
        && h0.shape() == [batch, hout]
        && c0.is_none_or(|c| c.shape() == cell_state.as_slice())
        && w.biases.as_ref().is_none_or(|(a, b)| a.shape() == [rows] && b.shape() == [rows])
        && match &w.w_hr {
            Some(p) => p.shape() == [hout, hidden],
            None => hout == hidden,
        };
    if !fits {
        let shapes: Vec<String> = [&w.w_ih, &w.w_hh, h0].iter().map(|v| format!("{:?}", v.shape())).collect();
        return Err(format!(
            "recurrent layer over [{t_len}, {batch}, {n_in}] has weights and state of shapes {} that do not fit {} gates",
            shapes.join(", "),
            cell.gates()
        )
        .into());
    }
    let elem = x.elem().clone();
    // x @ w_ih^T (+ b_ih, and b_hh where it is not inside a gate) for every step at once:
    // time-major as [T * B, rows], so step t is rows [t * B, (t + 1) * B) as they are.
    let x2 = if batch_first { x.clone() } else { ctx.e.reshape(x, &[t_len * batch, n_in]) };
    let xw_shape = if batch_first { vec![batch, t_len, rows] } else { vec![t_len * batch, rows] };
    let contract = [x2.rank() as i64 - 1];
    let mut xw = dot(ctx, &x2, &w.w_ih, (&[], &[]), (&contract, &[1]), tensor(&xw_shape, elem.clone()));
    let mut b_hh_row = None;
    if let Some((b_ih, b_hh)) = &w.biases {
        let b = if cell == Cell::Gru {
            // GRU's n gate multiplies (h @ W_hn^T + b_hn) by r: b_hh stays with h.
            b_hh_row = Some(ctx.e.broadcast_in_dim(b_hh, &[batch, rows], &[1]));
            b_ih.clone()
        } else {
            ctx.e.binary("stablehlo.add", b_ih, b_hh)
        };
        let b = ctx.e.broadcast_in_dim(&b, &xw_shape, &[xw_shape.len() as i64 - 1]);
        xw = ctx.e.binary("stablehlo.add", &xw, &b);
    }
    let gate = |ctx: &mut Ctx, v: &Val, k: i64| ctx.e.slice_dim(v, 1, k * hidden, hidden);
    let (mut h, mut c) = (h0.clone(), c0.cloned());
    let mut outs: Vec<Option<Val>> = vec![None; t_len as usize];
    let order: Vec<i64> = if reverse { (0..t_len).rev().collect() } else { (0..t_len).collect() };
    for t in order {
        let xt = if batch_first {
            let xt = ctx.e.slice_dim(&xw, 1, t, 1);
            ctx.e.reshape(&xt, &[batch, rows])
        } else {
            ctx.e.slice_dim(&xw, 0, t * batch, batch)
        };
        let mut hw = dot(ctx, &h, &w.w_hh, (&[], &[]), (&[1], &[1]), tensor(&[batch, rows], elem.clone()));
        if let Some(b) = &b_hh_row {
            hw = ctx.e.binary("stablehlo.add", &hw, b);
        }
        match cell {
            Cell::Lstm => {
                let z = ctx.e.binary("stablehlo.add", &xt, &hw);
                // One logistic over all four gates (g's share is not read): fewer ops.
                let s = ctx.e.unary("stablehlo.logistic", &z);
                let (i, f, o) = (gate(ctx, &s, 0), gate(ctx, &s, 1), gate(ctx, &s, 3));
                let g = gate(ctx, &z, 2);
                let g = ctx.e.unary("stablehlo.tanh", &g);
                let prev = c.as_ref().ok_or("LSTM layer without a cell state")?;
                let fc = ctx.e.binary("stablehlo.multiply", &f, prev);
                let ig = ctx.e.binary("stablehlo.multiply", &i, &g);
                let c_t = ctx.e.binary("stablehlo.add", &fc, &ig);
                let tc = ctx.e.unary("stablehlo.tanh", &c_t);
                let mut h_t = ctx.e.binary("stablehlo.multiply", &o, &tc);
                if let Some(w_hr) = &w.w_hr {
                    h_t = dot(ctx, &h_t, w_hr, (&[], &[]), (&[1], &[1]), tensor(&[batch, hout], elem.clone()));
                }
                c = Some(c_t);
                h = h_t;
            }
            Cell::Gru => {
                // r and z together: one add and one logistic over [B, 2H].
                let (x_rz, h_rz) = (ctx.e.slice_dim(&xt, 1, 0, 2 * hidden), ctx.e.slice_dim(&hw, 1, 0, 2 * hidden));
                let rz = ctx.e.binary("stablehlo.add", &x_rz, &h_rz);
                let rz = ctx.e.unary("stablehlo.logistic", &rz);
                let (r, z) = (gate(ctx, &rz, 0), gate(ctx, &rz, 1));
                let (xn, hn) = (gate(ctx, &xt, 2), gate(ctx, &hw, 2));
                let rn = ctx.e.binary("stablehlo.multiply", &r, &hn);
                let n = ctx.e.binary("stablehlo.add", &xn, &rn);
                let n = ctx.e.unary("stablehlo.tanh", &n);
                // h' = n + z * (h - n) = (1 - z) * n + z * h
                let d = ctx.e.binary("stablehlo.subtract", &h, &n);
                let zd = ctx.e.binary("stablehlo.multiply", &z, &d);
                h = ctx.e.binary("stablehlo.add", &n, &zd);
            }
            Cell::RnnTanh | Cell::RnnRelu => {
                let z = ctx.e.binary("stablehlo.add", &xt, &hw);
                h = if cell == Cell::RnnTanh {
                    ctx.e.unary("stablehlo.tanh", &z)
                } else {
                    let zero = ctx.e.splat(0.0, &elem, &[batch, hidden]);
                    ctx.e.binary("stablehlo.maximum", &z, &zero)
                };
            }
        }
        // Time-major steps stack as rows [T * B, Hout], reshaped once.
        outs[t as usize] = Some(if batch_first { ctx.e.reshape(&h, &[batch, 1, hout]) } else { h.clone() });
    }
    let outs: Vec<Val> = outs.into_iter().collect::<Option<_>>().ok_or("recurrent layer over an empty sequence")?;
    let out = if batch_first {
        concat(ctx, &outs, 1)
    } else {
        let rows = concat(ctx, &outs, 0);
        ctx.e.reshape(&rows, &[t_len, batch, hout])
    };
    Ok((out, h, c))
}

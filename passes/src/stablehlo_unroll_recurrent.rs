//! `stablehlo-unroll-recurrent`: chooses, per recurrent layer, between TFLite's fused
//! sequence op and the unrolled steps, by inlining the layers that should run unrolled
//! (their `stablehlo.composite`'s decomposition is the steps). The layers it leaves
//! become `UNIDIRECTIONAL_SEQUENCE_LSTM`, `BIDIRECTIONAL_SEQUENCE_LSTM` or
//! `UNIDIRECTIONAL_SEQUENCE_RNN` in `legalize-stablehlo-to-tfl` where those compute the
//! same thing (`passes/src/legalize/composite.rs`).
//!
//! Why a choice: LiteRT runs the fused ops on its builtin kernel, which XNNPACK does not
//! take, while the unrolled steps (one input product for all steps, then per step a
//! small FULLY_CONNECTED and the gates) run under XNNPACK. Measured with LiteRT 2.3 on
//! this project's x86 machine (1 thread, batch 1, input width 64, T in {8, 32, 128},
//! H in {16, ..., 256}; LSTM uni- and bidirectional, RNN; the table is in the README):
//! the unrolled layer is 1.2-3.3x faster while its gate units over all steps
//! (`T * directions * gates * H`, gates 4 for LSTM, 1 for RNN) are at most 16384 and
//! the recurrent weights of all steps (XNNPACK packs one copy per step) stay within
//! 8 MiB; past either, the fused op is 1.4-3.7x faster, and it keeps one op and one copy
//! of the weights.
//!
//! Option `mode`: `auto` (the measured rule above), `fused` (unroll none: every layer
//! TFLite can fuse is fused, the memory-lean form), `unrolled` (unroll every layer).
//! Each layer this pass unrolls gets a remark saying why (the summary's notes); GRU
//! layers (no TFLite builtin) and the layers legalization cannot fuse are left to it.
//! A layer over an unknown sequence length is never unrolled (its steps cannot be):
//! under `unrolled` it gets a remark saying it stays fused.
//!
//!   %y, %h, %c = "stablehlo.composite"(%x, ...) {name = "edge.lstm_layer", ...}
//! becomes, when unrolled, the steps of @edge.lstm_layer.N in its place.

use crate::pass::{Pass, PassFailed, PassInfo, PassOptionInfo, PassOptions};
use edge_dialects::composite::{self as comp, Composite};
use edge_dialects::ir::Attr;
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::{Op, Rewriter};

pub static INFO: PassInfo = PassInfo {
    name: "stablehlo-unroll-recurrent",
    summary: "Unroll the recurrent layers that run faster as steps than as TFLite's fused sequence ops",
    anchor: Func::NAME,
    options: &[PassOptionInfo {
        name: "mode",
        help: "auto (unroll short, narrow layers: measured faster under XNNPACK), fused (unroll none), unrolled (unroll all)",
        default: "auto",
    }],
    create,
};

/// `auto`'s bounds (see the module comment for the measurements).
const MAX_GATE_UNITS: i64 = 16384;
const MAX_STEP_WEIGHT_BYTES: i64 = 8 << 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Auto,
    Fused,
    Unrolled,
}

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    let mode = match options.get("mode") {
        Some("auto") | None => Mode::Auto,
        Some("fused") => Mode::Fused,
        Some("unrolled") => Mode::Unrolled,
        Some(other) => return Err(format!("option 'mode' expects auto, fused or unrolled, got '{other}'")),
    };
    Ok(Box::new(StablehloUnrollRecurrent { mode }))
}

struct StablehloUnrollRecurrent {
    mode: Mode,
}

/// A layer's size as the rule reads it.
struct LayerSize {
    kind: &'static str,
    steps: i64,
    directions: i64,
    gates: i64,
    hidden: i64,
    /// Bytes of one step's recurrent weight (`w_hh`), per direction.
    step_weight_bytes: i64,
}

/// A fusable layer's kind, gates and directions; `None` for other composites.
fn layer_kind(c: &Composite) -> Option<(&'static str, i64, i64)> {
    match c.name.as_str() {
        "edge.lstm_layer" => Some(("LSTM", 4, 1)),
        "edge.bilstm_layer" => Some(("LSTM", 4, 2)),
        "edge.rnn_layer" => Some(("RNN", 1, 1)),
        _ => None,
    }
}

/// The size of a fusable layer (`edge.lstm_layer`, `edge.rnn_layer`,
/// `edge.bilstm_layer`) with static sizes; `None` for anything else (a layer over an
/// unknown sequence length among them: it cannot be unrolled).
fn layer_size(c: &Composite) -> Option<LayerSize> {
    let (kind, gates, directions) = layer_kind(c)?;
    let (x, w_hh) = (c.operands.first()?, c.operands.get(2)?);
    if !x.is_static() || !w_hh.is_static() || x.dims().len() != 3 || w_hh.dims().len() != 2 {
        return None;
    }
    let batch_first = matches!(c.attr("batch_first"), Some(Attr::Bool(true)));
    let steps = x.dims()[batch_first as usize];
    let hidden = w_hh.dims()[0] / gates;
    let step_weight_bytes = w_hh.dims()[0] * w_hh.dims()[1] * 4;
    Some(LayerSize { kind, steps, directions, gates, hidden, step_weight_bytes })
}

/// Why `auto` unrolls a layer of size `s`, or `None` to leave it fused.
fn auto_reason(s: &LayerSize) -> Option<String> {
    let units = s.steps * s.directions * s.gates * s.hidden;
    let bytes = s.steps * s.directions * s.step_weight_bytes;
    (units <= MAX_GATE_UNITS && bytes <= MAX_STEP_WEIGHT_BYTES).then(|| {
        format!(
            "{units} gate units over its steps (<= {MAX_GATE_UNITS}) and {:.1} MiB of per-step weights (<= 8 MiB): \
             measured faster under XNNPACK than the fused kernel (--recurrent fused keeps one op)",
            bytes as f64 / (1 << 20) as f64
        )
    })
}

impl Pass for StablehloUnrollRecurrent {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        if self.mode == Mode::Fused || func.cast::<Func>().is_some_and(Func::is_private) {
            return Ok(false);
        }
        let mut rw = Rewriter::new(func.context());
        let mut changed = false;
        let mut work: Vec<(Op, Option<String>)> = func.body_ops().into_iter().rev().map(|op| (op, None)).collect();
        while let Some((op, inherited)) = work.pop() {
            let Ok(c) = comp::read(op) else { continue };
            let Some(size) = layer_size(&c) else {
                if let (Mode::Unrolled, Some((kind, ..))) = (self.mode, layer_kind(&c)) {
                    op.emit_remark(&format!(
                        "{kind} layer stays fused: its sizes are not all static (an unknown sequence length cannot be unrolled), so --recurrent unrolled does not apply"
                    ));
                }
                continue;
            };
            let why = match (self.mode, inherited) {
                (_, Some(why)) => why,
                (Mode::Unrolled, None) => "--recurrent unrolled".to_string(),
                _ => match auto_reason(&size) {
                    Some(why) => why,
                    None => continue,
                },
            };
            // A bidirectional layer inlines to its directions' composites, which take
            // its reason and say it themselves.
            if c.name != "edge.bilstm_layer" {
                op.emit_remark(&format!("{} layer unrolled: {why}", size.kind));
            }
            rw.set_insertion_before(op);
            match comp::inline(&mut rw, op) {
                Ok(made) => {
                    changed = true;
                    work.extend(made.into_iter().rev().map(|o| (o, Some(why.clone()))));
                }
                Err(e) => {
                    op.emit_error(&format!("stablehlo-unroll-recurrent: {e}"));
                    return Err(PassFailed);
                }
            }
        }
        Ok(changed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(gates: i64, steps: i64, directions: i64, hidden: i64) -> LayerSize {
        LayerSize { kind: "", steps, directions, gates, hidden, step_weight_bytes: gates * hidden * hidden * 4 }
    }

    /// The rule against the sweep it was read from: unrolled was faster on the first
    /// list, fused on the second.
    #[test]
    fn auto_matches_the_measured_sweep() {
        let unrolled_faster = [(4, 8, 1, 256), (4, 8, 2, 128), (4, 32, 1, 128), (4, 32, 2, 64), (4, 128, 2, 16), (4, 128, 1, 32)];
        let rnn_unrolled_faster = [(1, 8, 1, 256), (1, 32, 1, 256), (1, 128, 1, 128), (1, 128, 1, 32)];
        for (g, t, d, h) in unrolled_faster.into_iter().chain(rnn_unrolled_faster) {
            assert!(auto_reason(&size(g, t, d, h)).is_some(), "gates={g} T={t} dirs={d} H={h} should unroll");
        }
        let fused_faster = [(4, 8, 2, 256), (4, 32, 2, 128), (4, 32, 1, 256), (4, 128, 2, 32), (4, 128, 1, 64), (4, 128, 2, 256)];
        for (g, t, d, h) in fused_faster.into_iter().chain([(1, 128, 1, 256)]) {
            assert!(auto_reason(&size(g, t, d, h)).is_none(), "gates={g} T={t} dirs={d} H={h} should stay fused");
        }
    }
}

//! `tfl-quantize`: TFL ops that compute between `tfl.dequantize` and `tfl.quantize`
//! become int8 ops on the quantized values, the way a pt2e graph means them.
//!
//! The ops are those whose catalog entry has `Trait::Int8`: a role per operand (input,
//! weight, bias, integer parameter...) and a rule for the output's parameters: `Own`
//! (conv, fully_connected, add, mean...) takes the parameters of the quantize after the
//! op and needs one; `SameAsInput` (reshape, transpose, max pool, pad...) only moves
//! values, so the op runs on the quantized input and the dequantize moves below it;
//! `Fixed` (logistic, softmax, tanh) has the output parameters TFLite's kernels require,
//! and a requantize follows when the graph asked for others; `SharedWithInputs`
//! (concatenation) requantizes its inputs to its own. Weights must be dequantized
//! constants (per-axis on the op's TFLite quantized dimension); float biases stay float
//! here and `tfl-quantize-bias` makes them int32.
//!
//!   %x = "tfl.dequantize"(%xq)    %w = "tfl.dequantize"(%wq)
//!   %y = "tfl.conv_2d"(%x, %w, %b)
//!   %yq = "tfl.quantize"(%y) {qtype = tensor<..x!quant.uniform<i8:f32, 0.02:-3>>}
//! becomes
//!   %yq = "tfl.conv_2d"(%xq, %wq, %b) : (..) -> tensor<..x!quant.uniform<i8:f32, 0.02:-3>>
//!
//! An op with a dequantized int8 weight but a float input (a dynamic-quantization
//! graph) reads the int8 weight directly: TFLite's hybrid kernel, for the ops and in
//! the form `edge_dialects::tfl::hybrid` states (as `tfl-quantize-weights-dynamic` makes them). Any other op stays
//! in float between its dequantize and quantize, and the pass notes it.
//!
//! Patterns, in two greedy runs: first `QuantizeHoistAboveMove` (rooted at
//! `tfl.quantize`) lifts each quantize over the chain of moves above it; then
//! `DequantizedOpToInt8` (rooted at each op with `Trait::Int8`) makes the int8 op, and
//! where it does not apply `DequantizedWeightToHybrid` (rooted at each op with
//! `Trait::Hybrid`) reads the int8 weight. Ops left unused are erased at the end, then
//! the notes are written.

use crate::constant::{constant_op, is_constant, read};
use crate::pass::{run_patterns, Pass, PassFailed, PassInfo, PassOptions};
use crate::quant::{insert_quant_const, insert_quantize, quant_of, quant_tensor_type, read_weight_in_hybrid_kernel};
use edge_dialects::catalog::{QuantOutput, QuantRole};
use edge_dialects::ir::{ElemTy, QuantTy};
use edge_dialects::mlir::func::{Func, Return};
use edge_dialects::mlir::{Attribute, GreedyConfig, Op, Pattern, PatternSet, Rewriter, Type, Value};
use edge_dialects::tfl::hybrid::{self, HybridOp};
use edge_dialects::tfl::op as tfl;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize",
    summary: "Make TFL ops between dequantize and quantize int8 ops (pt2e graphs); int8 weights of float ops feed hybrid kernels",
    anchor: Func::NAME,
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    let hoist = [Pattern::new("QuantizeHoistAboveMove", tfl::Quantize::NAME, hoist_quantize)];
    // An op with an int8 kernel and a hybrid one becomes int8 when it can.
    let ops = edge_dialects::TFL.ops;
    let quantize: Vec<Pattern> = ops
        .iter()
        .filter(|def| def.int8().is_some())
        .map(|def| Pattern::new("DequantizedOpToInt8", def.name, quantize_op).with_benefit(2))
        .chain(
            ops.iter()
                .filter(|def| def.hybrid().is_some())
                .map(|def| Pattern::new("DequantizedWeightToHybrid", def.name, use_hybrid_kernel)),
        )
        .collect();
    Ok(Box::new(TflQuantize { hoist: PatternSet::new(&hoist), quantize: PatternSet::new(&quantize) }))
}

struct TflQuantize {
    hoist: PatternSet,
    quantize: PatternSet,
}

impl Pass for TflQuantize {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        // Dead ops go once at the end, as the rewrites leave them: until then an op's
        // users are the graph's.
        let config = GreedyConfig { erase_dead: false, ..GreedyConfig::default() };
        // Quantizes climb first, so the op before a move meets its quantize.
        for patterns in [&self.hoist, &self.quantize] {
            run_patterns(INFO.name, func, patterns, config, &mut rw)?;
        }
        rw.erase_dead_ops(func);
        for op in func.body_ops() {
            note_float_between_quantized(op);
        }
        Ok(rw.changed())
    }
}

/// Whether `op` only moves the values of its data operand 0, its other operands being
/// integer parameters: its int8 kernel's output is `SameAsInput`, its roles `Input`
/// then `Param`s.
fn only_moves(op: Op) -> bool {
    op.def().and_then(|d| d.int8()).is_some_and(|k| {
        k.output == QuantOutput::SameAsInput
            && k.operands.first() == Some(&QuantRole::Input)
            && k.operands[1..].iter().all(|r| *r == QuantRole::Param)
    })
}

/// `quantize(move(y))` -> `move(quantize(y))` for an op that only moves values (its
/// data operand 0) and has no other user: rounding commutes with moving, and the op
/// before the move (a fully_connected before its reshape) then meets its quantize. The
/// quantize climbs the whole chain of such moves.
fn hoist_quantize<'c>(q: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(target) = quant_of(q.result(0)).filter(|t| t.axis.is_none()) else { return false };
    let mut q = q;
    let mut hoisted = false;
    loop {
        let v = q.operand(0);
        let Some(mv) = v.defining_op().filter(|mv| only_moves(*mv)) else { break };
        let x = mv.operand(0);
        if v.use_count() != 1 || mv.num_results() != 1 || x.elem() != ElemTy::F32 {
            break;
        }
        rw.set_insertion_before(mv);
        let new_q = insert_quantize(rw, x, &target);
        let mut ins = mv.operands();
        ins[0] = new_q;
        let moved = rebuild(rw, mv, &ins, &[q.result(0).raw_type()]);
        rw.replace_all_uses(q.result(0), moved.result(0));
        rw.erase_op(q);
        rw.erase_op(mv);
        q = new_q.defining_op().expect("a quantize");
        hoisted = true;
    }
    hoisted
}

/// The quantized value a `tfl.dequantize` makes `v` from, if per-tensor int8/uint8.
fn per_tensor_source(v: Value) -> Option<(Value, QuantTy)> {
    let src = v.defined_by::<tfl::Dequantize>()?.input();
    let q = quant_of(src)?;
    (q.axis.is_none() && q.storage_bits == 8).then_some((src, q))
}

/// The quantized constant behind a dequantized weight, if its per-axis dim is `axis`
/// (or it is per-tensor) and it is 8-bit with zero points 0 (TFLite's int8 weights).
fn weight_source(v: Value, axis: usize) -> Option<Value> {
    let src = v.defined_by::<tfl::Dequantize>()?.input();
    constant_op(src)?;
    let q = quant_of(src)?;
    let axis_ok = q.axis.is_none_or(|a| a as usize == axis);
    (axis_ok && q.storage_bits == 8 && q.signed && q.zero_points.iter().all(|&z| z == 0)).then_some(src)
}

/// The common qtype of `v`'s users when every one is a `tfl.quantize`.
fn quantize_users(v: Value) -> Option<(Vec<Op>, QuantTy)> {
    let users = v.users();
    if users.is_empty() || users.iter().any(|u| !u.isa::<tfl::Quantize>()) {
        return None;
    }
    let q = quant_of(users[0].result(0))?;
    users.iter().all(|u| quant_of(u.result(0)).as_ref() == Some(&q)).then_some((users, q))
}

/// `tfl.quantize(v)` to `q` before `anchor` (a requantize), unless `v` already has it.
fn requantize<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, q: &QuantTy) -> Value<'c> {
    if quant_of(v).as_ref() == Some(q) {
        return v;
    }
    rw.set_insertion_before(anchor);
    insert_quantize(rw, v, q)
}

/// `op` with `operands` and result types `results`, its attributes kept, at the
/// rewriter's insertion point.
fn rebuild<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, operands: &[Value<'c>], results: &[Type<'c>]) -> Op<'c> {
    let attrs = op.attrs();
    let refs: Vec<(&str, Attribute<'c>)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    rw.create(op.name(), operands, results, &refs)
}

/// Rewrites `op` (an op with `Trait::Int8`) on quantized operands if the roles of its
/// int8 kernel are met.
fn quantize_op<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    use QuantOutput::*;
    use QuantRole::*;
    let Some((def, kernel)) = op.def().and_then(|d| Some((d, d.int8()?))) else { return false };
    let output = kernel.output;
    if op.num_results() != 1 || !op.result(0).elem().is_float() {
        return false;
    }
    let n = op.num_operands();
    let role = |i: usize| def.quant_role(i);
    let followers = quantize_users(op.result(0));
    // Concatenation takes its output's parameters, so inputs are requantized to them.
    let all_act = output == SharedWithInputs;
    let mut new_operands = Vec::with_capacity(n);
    let mut input_q: Option<QuantTy> = None;
    let mut inputs_agree = true;
    let mut pad_value = None;
    for (i, v) in op.operands().into_iter().enumerate() {
        match role(i) {
            Input => {
                let Some((src, q)) = per_tensor_source(v) else { return false };
                inputs_agree &= input_q.as_ref().is_none_or(|first| *first == q);
                input_q.get_or_insert(q);
                new_operands.push(src);
            }
            Weight(axis) => {
                let Some(src) = weight_source(v, axis) else { return false };
                new_operands.push(src);
            }
            Bias => {
                let t = v.ty();
                let none = t.elem == ElemTy::None || !t.is_tensor;
                let float_constant = t.elem == ElemTy::F32 && is_constant(v);
                if !none && !float_constant {
                    return false;
                }
                new_operands.push(v);
            }
            InputScaled => {
                let Some(c) = read(v).filter(|c| c.elem == ElemTy::F32 && c.num_elements() == 1) else { return false };
                new_operands.push(v);
                pad_value = Some((i, f32::from_le_bytes(c.bytes[..4].try_into().unwrap())));
            }
            Param => new_operands.push(v),
        }
    }
    let Some(input_q) = input_q else { return false };
    if let Some((i, value)) = pad_value {
        // Below the range (max pool's -inf) clamps to the lowest code, as it should.
        let code = ((value as f64 / input_q.scales[0]).round() + input_q.zero_points[0] as f64)
            .clamp(input_q.storage_min as f64, input_q.storage_max as f64) as i64;
        let shape = new_operands[i].shape();
        let byte = if input_q.signed { (code as i8) as u8 } else { code as u8 };
        rw.set_insertion_before(op);
        new_operands[i] = insert_quant_const(rw, &shape, &input_q, vec![byte]);
    }
    let out_q = match output {
        Own | SharedWithInputs => match &followers {
            Some((_, q)) => q.clone(),
            // Concatenating values of one type only moves them.
            None if all_act && inputs_agree => input_q.clone(),
            None => return false,
        },
        SameAsInput => input_q.clone(),
        Fixed { scale, zero_point: zp } => {
            // Only where the graph quantizes the result anyway (no error added).
            if followers.is_none() {
                return false;
            }
            QuantTy { scales: vec![scale], zero_points: vec![zp], storage_min: -128, storage_max: 127, ..input_q.clone() }
        }
    };
    if !input_q.signed && !matches!(output, SameAsInput) {
        // uint8 compute kernels are legacy in TFLite; edge makes int8 ones only.
        return false;
    }
    if all_act {
        for v in new_operands.iter_mut() {
            *v = requantize(rw, op, *v, &out_q);
        }
    }
    let float_result = op.result(0);
    let ty = quant_tensor_type(rw.context(), &float_result.shape(), &out_q);
    rw.set_insertion_before(op);
    let y = rebuild(rw, op, &new_operands, &[ty]).result(0);
    match followers {
        Some((users, _)) => {
            for u in users {
                let v = requantize(rw, u, y, &quant_of(u.result(0)).expect("a quantize"));
                rw.replace_all_uses(u.result(0), v);
                rw.erase_op(u);
            }
        }
        None => {
            // The float value is still needed: dequantize after the quantized op.
            rw.set_insertion_before(op);
            let dq = tfl::Dequantize::build(rw, &[float_result.raw_type()], y).create();
            rw.replace_all_uses(float_result, dq.output());
        }
    }
    if float_result.use_count() == 0 {
        rw.erase_op(op);
    }
    true
}

/// A float op (with a hybrid kernel) whose weight is a dequantized int8 constant reads
/// the constant directly (TFLite's hybrid kernels quantize the input at run time).
fn use_hybrid_kernel<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
    let Some(h) = hybrid::lookup(op.name()) else { return false };
    if op.operand(0).elem() != ElemTy::F32 || op.result(0).elem() != ElemTy::F32 {
        return false;
    }
    let w = op.operand(h.weight);
    let dims = w.shape();
    let adj_y = op.cast::<tfl::BatchMatmul>().and_then(|m| m.adj_y()) == Some(true);
    let axis = h.quantized_dim(dims.len(), adj_y);
    let Some(src) = weight_source(w, axis) else { return false };
    if !reads_weight_as_is(h, src, &dims, axis) {
        return false;
    }
    read_weight_in_hybrid_kernel(rw, op, h, src);
    true
}

/// Whether `h`'s kernel reads int8 weight `src` (of shape `dims`) as it is: a kernel
/// that reads one scale per channel needs them.
fn reads_weight_as_is(h: &HybridOp, src: Value, dims: &[i64], axis: usize) -> bool {
    !(h.per_channel_only && quant_of(src).is_some_and(|q| q.axis.is_none()) && dims.get(axis).is_some_and(|&c| c > 1))
}

/// A float op that reads a dequantized activation or feeds a quantize stays float:
/// say so, since the user asked for an int8 model.
fn note_float_between_quantized(op: Op) {
    if op.isa::<tfl::Quantize>() || op.isa::<tfl::Dequantize>() || op.isa::<tfl::PseudoConst>() || op.isa::<Return>() {
        return;
    }
    let reads_dq =
        op.operands().into_iter().any(|v| v.defined_by::<tfl::Dequantize>().is_some_and(|d| !is_constant(d.input())));
    let has_result = op.num_results() > 0;
    let feeds_q = has_result && op.result(0).users().iter().any(|u| u.isa::<tfl::Quantize>());
    if (reads_dq || feeds_q) && has_result && op.result(0).elem().is_float() {
        op.emit_remark("left in float between quantized ops (the quantizer did not annotate it, or edge has no int8 form for it): dequantize/quantize around it");
    }
}

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

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::legacy::quant::{insert_quantize, quant_of, quant_tensor_type};
use crate::rewrite::*;
use edge_dialects::catalog::{Int8Kernel, OpDef, QuantOutput, QuantRole};
use edge_dialects::ir::{type_from_mlir, ElemTy, QuantTy};
use edge_dialects::tfl::hybrid::{self, HybridOp};
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize",
    summary: "Make TFL ops between dequantize and quantize int8 ops (pt2e graphs); int8 weights of float ops feed hybrid kernels",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflQuantize))
}

struct TflQuantize;

impl TflQuantize {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        // Last to first, so a quantize climbs a whole chain of moves.
        for op in body_ops(func).into_iter().rev() {
            if name(op) == "tfl.quantize" {
                hoist_quantize(op);
            }
        }
        for op in body_ops(func) {
            let op_name = name(op);
            let def = edge_dialects::TFL.lookup(&op_name);
            if let Some((def, kernel)) = def.and_then(|d| Some((d, d.int8()?))) {
                if quantize_op(op, def, kernel) {
                    continue;
                }
            }
            if let Some(h) = hybrid::lookup(&op_name) {
                use_hybrid_kernel(op, h);
            }
        }
        erase_dead_ops(func);
        for op in body_ops(func) {
            note_float_between_quantized(op);
        }
        Ok(())
    }
}

/// `quantize(move(y))` -> `move(quantize(y))` for an op that only moves values (its
/// data operand 0) and has no other user: rounding commutes with moving, and the op
/// before the move (a fully_connected before its reshape) then meets its quantize.
fn hoist_quantize(q: MlirOperation) {
    let Some(target) = quant_of(result(q, 0)).filter(|t| t.axis.is_none()) else { return };
    let mut q = q;
    loop {
        let v = operand(q, 0);
        let Some(mv) = defining_op(v) else { return };
        let moves = edge_dialects::TFL.lookup(&name(mv)).and_then(|d| d.int8()).is_some_and(|k| {
            k.output == QuantOutput::SameAsInput
                && k.operands.first() == Some(&QuantRole::Input)
                && k.operands[1..].iter().all(|r| *r == QuantRole::Param)
        });
        let x = operand(mv, 0);
        if !moves || use_count(v) != 1 || unsafe { mlirOperationGetNumResults(mv) } != 1 || value_type(x).elem != ElemTy::F32 {
            return;
        }
        let new_q = insert_quantize(mv, x, &target);
        let mut ins = operands(mv);
        ins[0] = new_q;
        let moved = rebuild(mv, &ins, &[unsafe { mlirValueGetType(result(q, 0)) }]);
        replace_all_uses(result(q, 0), result(moved, 0));
        erase(q);
        erase(mv);
        q = defining_op(new_q).expect("a quantize");
    }
}

/// The quantized value a `tfl.dequantize` makes `v` from, if per-tensor int8/uint8.
fn per_tensor_source(v: MlirValue) -> Option<(MlirValue, QuantTy)> {
    let dq = defining_op(v).filter(|d| name(*d) == "tfl.dequantize")?;
    let src = operand(dq, 0);
    let q = quant_of(src)?;
    (q.axis.is_none() && q.storage_bits == 8).then_some((src, q))
}

/// The quantized constant behind a dequantized weight, if its per-axis dim is `axis`
/// (or it is per-tensor) and it is 8-bit with zero points 0 (TFLite's int8 weights).
fn weight_source(v: MlirValue, axis: usize) -> Option<MlirValue> {
    let dq = defining_op(v).filter(|d| name(*d) == "tfl.dequantize")?;
    let src = operand(dq, 0);
    crate::legacy::constant::constant_op(src)?;
    let q = quant_of(src)?;
    let axis_ok = q.axis.is_none_or(|a| a as usize == axis);
    (axis_ok && q.storage_bits == 8 && q.signed && q.zero_points.iter().all(|&z| z == 0)).then_some(src)
}

/// The common qtype of `v`'s users when every one is a `tfl.quantize`.
fn quantize_users(v: MlirValue) -> Option<(Vec<MlirOperation>, QuantTy)> {
    let users: Vec<MlirOperation> = uses(v).into_iter().map(|(u, _)| u).collect();
    if users.is_empty() || users.iter().any(|u| name(*u) != "tfl.quantize") {
        return None;
    }
    let q = quant_of(result(users[0], 0))?;
    users.iter().all(|u| quant_of(result(*u, 0)).as_ref() == Some(&q)).then_some((users, q))
}

/// `tfl.quantize(v)` to `q` (a requantize), unless `v` already has it.
fn requantize(anchor: MlirOperation, v: MlirValue, q: &QuantTy) -> MlirValue {
    if quant_of(v).as_ref() == Some(q) {
        return v;
    }
    insert_quantize(anchor, v, q)
}

/// `op` with `operands` and result types `results`, its attributes kept, before `op`.
fn rebuild(op: MlirOperation, operands: &[MlirValue], results: &[MlirType]) -> MlirOperation {
    let attrs = attributes(op);
    let refs: Vec<(&str, MlirAttribute)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
    insert_op_before(op, &name(op), operands, results, &refs)
}

/// Rewrites `op` (of catalog entry `def`) on quantized operands if the roles of its int8
/// kernel are met; true when done.
fn quantize_op(op: MlirOperation, def: &OpDef, kernel: Int8Kernel) -> bool {
    use QuantOutput::*;
    use QuantRole::*;
    let output = kernel.output;
    if unsafe { mlirOperationGetNumResults(op) } != 1 || !value_type(result(op, 0)).elem.is_float() {
        return false;
    }
    let n = unsafe { mlirOperationGetNumOperands(op) } as usize;
    let role = |i: usize| def.quant_role(i);
    let followers = quantize_users(result(op, 0));
    // Concatenation takes its output's parameters, so inputs are requantized to them.
    let all_act = output == SharedWithInputs;
    let mut new_operands = Vec::with_capacity(n);
    let mut input_q: Option<QuantTy> = None;
    let mut inputs_agree = true;
    let mut pad_value = None;
    for i in 0..n {
        let v = operand(op, i as isize);
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
                let t = value_type(v);
                let none = t.elem == ElemTy::None || !t.is_tensor;
                let float_constant = t.elem == ElemTy::F32 && crate::legacy::constant::is_constant(v);
                if !none && !float_constant {
                    return false;
                }
                new_operands.push(v);
            }
            InputScaled => {
                let Some(c) = crate::legacy::constant::read(v).filter(|c| c.elem == ElemTy::F32 && c.num_elements() == 1) else { return false };
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
        let shape = value_type(new_operands[i]).dims().to_vec();
        let byte = if input_q.signed { (code as i8) as u8 } else { code as u8 };
        new_operands[i] = crate::legacy::quant::insert_quant_const(op, &shape, &input_q, vec![byte]);
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
            *v = requantize(op, *v, &out_q);
        }
    }
    let shape = value_type(result(op, 0)).dims().to_vec();
    let ty = quant_tensor_type(unsafe { mlirOperationGetContext(op) }, &shape, &out_q);
    let new = rebuild(op, &new_operands, &[ty]);
    let y = result(new, 0);
    match followers {
        Some((users, _)) => {
            for u in users {
                let v = requantize(u, y, &quant_of(result(u, 0)).expect("a quantize"));
                replace_all_uses(result(u, 0), v);
                erase(u);
            }
        }
        None => {
            // The float value is still needed: dequantize after the quantized op.
            let f32_ty = unsafe { mlirValueGetType(result(op, 0)) };
            let dq = insert_op_before(op, "tfl.dequantize", &[y], &[f32_ty], &[]);
            replace_all_uses(result(op, 0), result(dq, 0));
        }
    }
    if use_count(result(op, 0)) == 0 {
        erase(op);
    }
    true
}

/// A float `op` whose weight is a dequantized int8 constant reads the constant
/// directly (TFLite's hybrid kernels quantize the input at run time).
fn use_hybrid_kernel(op: MlirOperation, h: &HybridOp) {
    let x = operand(op, 0);
    if value_type(x).elem != ElemTy::F32 || value_type(result(op, 0)).elem != ElemTy::F32 {
        return;
    }
    let w = operand(op, h.weight as isize);
    let dims = value_type(w).dims().to_vec();
    let axis = h.quantized_dim(dims.len(), attr(op, "adj_y").and_then(|a| a.as_int()) == Some(1));
    let Some(src) = weight_source(w, axis) else { return };
    // A kernel that reads one scale per channel needs them.
    if h.per_channel_only && quant_of(src).is_some_and(|q| q.axis.is_none()) && dims.get(axis).is_some_and(|&c| c > 1) {
        return;
    }
    crate::legacy::quant::read_weight_in_hybrid_kernel(op, h, src);
}

/// A float op that reads a dequantized activation or feeds a quantize stays float:
/// say so, since the user asked for an int8 model.
fn note_float_between_quantized(op: MlirOperation) {
    let n = name(op);
    if matches!(n.as_str(), "tfl.quantize" | "tfl.dequantize" | "tfl.pseudo_const" | "func.return") {
        return;
    }
    let reads_dq = operands(op).into_iter().any(|v| {
        defining_op(v).is_some_and(|d| name(d) == "tfl.dequantize" && !crate::legacy::constant::is_constant(operand(d, 0)))
    });
    let feeds_q = unsafe { mlirOperationGetNumResults(op) } > 0 && uses(result(op, 0)).iter().any(|(u, _)| name(*u) == "tfl.quantize");
    let has_result = unsafe { mlirOperationGetNumResults(op) } > 0;
    if (reads_dq || feeds_q) && has_result && type_from_mlir(unsafe { mlirValueGetType(result(op, 0)) }).elem.is_float() {
        edge_dialects::remark::remark_at(op, "left in float between quantized ops (the quantizer did not annotate it, or edge has no int8 form for it): dequantize/quantize around it");
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflQuantize {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

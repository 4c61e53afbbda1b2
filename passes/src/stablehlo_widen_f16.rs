//! `stablehlo-widen-f16`: computes a float16 program in float32, rounding to float16
//! where the program does. LiteRT has float16 kernels for almost nothing (CAST, and ADD
//! and MUL in its newest versions), but its CAST converts both ways, so f16 tensors
//! become f32 ones: f16 inputs are cast up where the body starts, f16 constants where
//! they are read (splats become f32 splats), every op computes in f32, and an op whose result can leave
//! float16's values (add, exp, divide, a matrix product, ...) is followed by a round
//! trip through f16 (`convert` to f16 and back), which is the rounding the f16 op does.
//! Ops that only move or pick f16 values (reshape, transpose, select, maximum, compare,
//! a max-reduction, ...) need no rounding; f16 results are cast down before the return.
//!
//! Input: StableHLO, before `legalize-stablehlo-to-tfl` (which then sees f32 ops and
//! f16<->f32 converts only). Output: the same function with f16 only at its edges and in
//! the rounding converts. For one add, rounding in f32 is exact: f32 carries more than
//! twice f16's 11 significant bits, so a correctly rounded f32 result rounds to the
//! correctly rounded f16 one. Reductions (a sum, a matrix product) accumulate in f32
//! and round once, as PyTorch's CPU kernels do for f16; an f16 accumulator would round
//! at every step. A `stablehlo.composite` that touches f16 is inlined first (no TFL
//! builtin computes in f16, and its decomposition must keep the composite's f16 types),
//! and its ops are widened with the rest. Private functions (decompositions) are left
//! alone. A function with an f16 op this pass does not know (a bitcast of f16 bits, a
//! call) is left as it is, whole.
//!
//!   %0 = "stablehlo.add"(%a, %b) : (tensor<4xf16>, tensor<4xf16>) -> tensor<4xf16>
//!   return %0 : tensor<4xf16>
//! becomes
//!   %a32 = "stablehlo.convert"(%a) ...  %b32 = "stablehlo.convert"(%b) ...
//!   %0 = "stablehlo.add"(%a32, %b32) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
//!   %1 = "stablehlo.convert"(%0) : (tensor<4xf32>) -> tensor<4xf16>
//!   %2 = "stablehlo.convert"(%1) : (tensor<4xf16>) -> tensor<4xf32>
//!   %3 = "stablehlo.convert"(%2) : (tensor<4xf32>) -> tensor<4xf16>
//!   return %3 : tensor<4xf16>

use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::catalog::Trait;
use edge_dialects::composite;
use edge_dialects::mlir::func::{Func, Return};
use edge_dialects::mlir::{Block, Op, Rewriter, Type, Value};
use edge_dialects::stablehlo::op as hlo;

pub static INFO: PassInfo = PassInfo {
    name: "stablehlo-widen-f16",
    summary: "Compute float16 StableHLO in float32, rounding to float16 where the program does",
    anchor: Func::NAME,
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(StablehloWidenF16))
}

struct StablehloWidenF16;

/// How the pass treats an op is its StableHLO catalog entry's trait: `F16Exact` ops
/// move, pick or compare values (or compute exactly, as `remainder`), so their f32
/// result on f16 values is again an f16 value and needs no rounding; `F16Rounds` ops'
/// result may; `F16ByBody` ops (reduce, reduce_window, scatter, sort) compute their
/// region in f32 too, which may hold only `F16InBody` ops, and round unless every body
/// op is exact (not `F16Rounds`).
fn has(op: Op, t: Trait) -> bool {
    op.def().is_some_and(|def| def.has(t))
}

fn is_f16(t: Type) -> bool {
    t.is_shaped() && t.element_type().is_f16()
}

fn value_is_f16(v: Value) -> bool {
    is_f16(v.raw_type())
}

/// `t` (an f16 tensor type) with f32 elements.
fn widened(t: Type) -> Type {
    t.with_element(t.context().f32())
}

/// `t` (an f32 tensor type) with f16 elements.
fn narrowed(t: Type) -> Type {
    t.context().f16().tensor(&t.value().shape.unwrap_or_default())
}

/// The blocks of `op`'s regions (not those nested deeper).
fn region_blocks(op: Op) -> Vec<Block> {
    (0..op.num_regions()).flat_map(|r| op.region(r).blocks()).collect()
}

/// Whether `op` touches f16: an f16 operand, result or region argument.
fn touches_f16(op: Op) -> bool {
    op.operands().into_iter().any(value_is_f16)
        || op.result_types().into_iter().any(is_f16)
        || region_blocks(op).into_iter().any(|b| b.arguments().into_iter().any(value_is_f16))
}

/// How the pass treats an op that touches f16, or `None` for one it does not know.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Constant,
    Convert,
    Return,
    Keeps,
    Rounds,
}

fn kind(op: Op) -> Option<Kind> {
    Some(if op.isa::<hlo::Constant>() {
        Kind::Constant
    } else if op.isa::<hlo::Convert>() {
        Kind::Convert
    } else if op.isa::<Return>() || op.isa::<hlo::Return>() {
        Kind::Return
    } else if has(op, Trait::F16Exact) {
        Kind::Keeps
    } else if has(op, Trait::F16Rounds) {
        Kind::Rounds
    } else if has(op, Trait::F16ByBody) {
        // The ops of every block of its regions, nested ones included.
        let inner = op.nested_ops();
        if !inner.iter().all(|&o| has(o, Trait::F16InBody)) {
            return None;
        }
        if inner.iter().all(|&o| !has(o, Trait::F16Rounds)) {
            Kind::Keeps
        } else {
            Kind::Rounds
        }
    } else {
        return None;
    })
}

/// Gives `op`'s f16 results, and the f16 block arguments and results inside its
/// regions, f32 element types. Returns the indices of the results it changed.
fn widen_in_place<'c>(rw: &mut Rewriter<'c>, op: Op<'c>) -> Vec<usize> {
    let mut changed = Vec::new();
    for (i, r) in op.results().into_iter().enumerate() {
        if value_is_f16(r) {
            rw.set_type(r, widened(r.raw_type()));
            changed.push(i);
        }
    }
    for b in region_blocks(op) {
        for a in b.arguments() {
            if value_is_f16(a) {
                rw.set_type(a, widened(a.raw_type()));
            }
        }
    }
    for inner in op.nested_ops() {
        for r in inner.results() {
            if value_is_f16(r) {
                rw.set_type(r, widened(r.raw_type()));
            }
        }
    }
    changed
}

/// A `stablehlo.convert` of `v` to `to`, right after `after` (with its location).
fn convert_after<'c>(rw: &mut Rewriter<'c>, after: Op<'c>, v: Value<'c>, to: Type<'c>) -> hlo::Convert<'c> {
    rw.set_insertion_after(after);
    hlo::Convert::build(rw, &[to], v).create()
}

/// f16 constant `op` in f32: a splat becomes an f32 splat; other values stay f16 (half
/// the bytes in the model) and are converted where they are read, which the
/// legalization writes as TFLite's float16-weight `DEQUANTIZE`.
fn widened_constant<'c>(rw: &mut Rewriter<'c>, op: Op<'c>) -> Value<'c> {
    let v = op.result(0);
    let t = widened(v.raw_type());
    let splat = op.raw_attr("value").filter(|_| splat_attr(op)).and_then(|a| a.splat_value()?.value().as_float());
    if let Some(x) = splat {
        let attr = rw.context().float_splat(t, x as f32);
        rw.set_insertion_before(op);
        return hlo::Constant::build(rw, &[t]).value(attr).create().output();
    }
    convert_after(rw, op, v, t).result()
}

impl Pass for StablehloWidenF16 {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let (Some(f), Some(block)) = (func.cast::<Func>(), func.body()) else { return Ok(false) };
        if f.is_private() {
            return Ok(false);
        }
        let mut rw = Rewriter::new(func.context());
        // f16 composites first (those their decompositions hold too): their ops are
        // widened with the rest.
        let mut composites: Vec<Op> = func.body_ops().into_iter().filter(|&op| op.isa::<hlo::Composite>()).collect();
        while let Some(op) = composites.pop() {
            if !touches_f16(op) {
                continue;
            }
            match composite::inline(&mut rw, op) {
                Ok(inlined) => composites.extend(inlined.into_iter().filter(|o| o.isa::<hlo::Composite>())),
                Err(e) => {
                    rw.error(op, &e);
                    return Err(PassFailed);
                }
            }
        }
        let args: Vec<Value> = block.arguments().into_iter().filter(|&a| value_is_f16(a)).collect();
        let touching: Vec<Op> = func.body_ops().into_iter().filter(|&op| touches_f16(op)).collect();
        // All or nothing: an op it does not know, or an f16 constant whose bytes cannot
        // be read (a dense_resource parsed from text: MLIR's C API reads no f16 blob),
        // leaves the function as it is, for the legalization to report.
        let known = touching.iter().all(|&op| match kind(op) {
            None => false,
            // The flatbuffer writer must be able to read the f16 bytes it keeps.
            Some(Kind::Constant) => splat_attr(op) || crate::constant::read(op.result(0)).is_some(),
            Some(_) => true,
        });
        let Some(first) = block.first_op().filter(|_| !touching.is_empty() && known) else { return Ok(rw.changed()) };
        for a in args {
            rw.set_insertion_before(first);
            let up = hlo::Convert::build(&mut rw, &[widened(a.raw_type())], a).create();
            rw.replace_all_uses_except(a, up.result(), up.op());
        }
        for op in touching {
            match kind(op) {
                Some(Kind::Constant) => {
                    let up = widened_constant(&mut rw, op);
                    match up.defined_by::<hlo::Convert>() {
                        Some(conv) => rw.replace_all_uses_except(op.result(0), up, conv.op()),
                        None => {
                            rw.replace_all_uses(op.result(0), up);
                            rw.erase_op(op);
                        }
                    }
                }
                Some(Kind::Convert) => {
                    let (x, y) = (op.operand(0), op.result(0));
                    let to = y.raw_type();
                    if is_f16(to) {
                        // To f16 is the rounding; the users read it back in f32.
                        let up = convert_after(&mut rw, op, y, widened(to));
                        rw.replace_all_uses_except(y, up.result(), up.op());
                    } else if x.same_type(y) {
                        // f16 -> f32 of a value now in f32: the value itself.
                        rw.replace_all_uses(y, x);
                        rw.erase_op(op);
                    }
                    // f16 -> another type: the operand holds the same value in f32.
                }
                Some(Kind::Return) => {
                    let want = f.result_types();
                    for (i, v) in op.operands().into_iter().enumerate() {
                        if !want.get(i).is_some_and(|&t| is_f16(t)) || value_is_f16(v) {
                            continue;
                        }
                        // An f16 value read back up is returned as it was; others go down.
                        let up_of = v.defined_by::<hlo::Convert>().filter(|d| value_is_f16(d.operand_operand()));
                        let down = match up_of {
                            Some(d) => d.operand_operand(),
                            None => {
                                rw.set_insertion_before(op);
                                hlo::Convert::build(&mut rw, &[want[i]], v).create().result()
                            }
                        };
                        rw.set_operand(op, i, down);
                        if let Some(d) = up_of.filter(|d| d.result().use_count() == 0) {
                            rw.erase_op(d.op());
                        }
                    }
                }
                Some(kind @ (Kind::Keeps | Kind::Rounds)) => {
                    let changed = widen_in_place(&mut rw, op);
                    if kind == Kind::Rounds {
                        for i in changed {
                            let r = op.result(i);
                            let t = r.raw_type();
                            let down = convert_after(&mut rw, op, r, narrowed(t));
                            let up = convert_after(&mut rw, down.op(), down.result(), t);
                            rw.replace_all_uses_except(r, up.result(), down.op());
                        }
                    }
                }
                None => {}
            }
        }
        Ok(rw.changed())
    }
}

/// Whether constant `op`'s value is a dense splat.
fn splat_attr(op: Op) -> bool {
    op.raw_attr("value").is_some_and(|a| a.is_splat())
}

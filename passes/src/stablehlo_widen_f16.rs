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
//! at every step. A function with an f16 op this pass does not know (a bitcast of f16
//! bits, a call) is left as it is, whole.
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
use crate::rewrite::*;
use edge_dialects::catalog::Trait;
use edge_dialects::ir::type_from_mlir;
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "stablehlo-widen-f16",
    summary: "Compute float16 StableHLO in float32, rounding to float16 where the program does",
    anchor: "func.func",
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
fn has(op_name: &str, t: Trait) -> bool {
    edge_dialects::STABLEHLO.lookup(op_name).is_some_and(|def| def.has(t))
}

fn is_f16(t: MlirType) -> bool {
    unsafe { mlirTypeIsAShaped(t) && mlirTypeIsAF16(mlirShapedTypeGetElementType(t)) }
}

fn value_is_f16(v: MlirValue) -> bool {
    is_f16(unsafe { mlirValueGetType(v) })
}

/// `t` (an f16 tensor type) with f32 elements.
fn widened(t: MlirType) -> MlirType {
    let tt = type_from_mlir(t);
    unsafe {
        let f32t = mlirF32TypeGet(mlirTypeGetContext(t));
        match tt.shape {
            Some(dims) => mlirRankedTensorTypeGet(dims.len() as isize, dims.as_ptr(), f32t, mlirAttributeGetNull()),
            None => mlirUnrankedTensorTypeGet(f32t),
        }
    }
}

/// The ops of every block of `op`'s regions, nested ones included.
fn region_ops(op: MlirOperation) -> Vec<MlirOperation> {
    collect_ops(op)
}

/// Whether `op` touches f16: an f16 operand, result or region argument.
fn touches_f16(op: MlirOperation) -> bool {
    operands(op).into_iter().any(value_is_f16)
        || result_types(op).into_iter().any(is_f16)
        || region_blocks(op).into_iter().any(|b| block_args(b).into_iter().any(value_is_f16))
}

fn region_blocks(op: MlirOperation) -> Vec<MlirBlock> {
    let mut blocks = Vec::new();
    unsafe {
        for r in 0..mlirOperationGetNumRegions(op) {
            let mut b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r));
            while !b.ptr.is_null() {
                blocks.push(b);
                b = mlirBlockGetNextInRegion(b);
            }
        }
    }
    blocks
}

fn block_args(b: MlirBlock) -> Vec<MlirValue> {
    unsafe { (0..mlirBlockGetNumArguments(b)).map(|i| mlirBlockGetArgument(b, i)).collect() }
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

fn kind(op: MlirOperation) -> Option<Kind> {
    let n = name(op);
    Some(match n.as_str() {
        "stablehlo.constant" => Kind::Constant,
        "stablehlo.convert" => Kind::Convert,
        "func.return" | "stablehlo.return" => Kind::Return,
        n if has(n, Trait::F16Exact) => Kind::Keeps,
        n if has(n, Trait::F16Rounds) => Kind::Rounds,
        n if has(n, Trait::F16ByBody) => {
            let inner: Vec<String> = region_ops(op).into_iter().map(name).collect();
            if !inner.iter().all(|o| has(o, Trait::F16InBody)) {
                return None;
            }
            if inner.iter().all(|o| !has(o, Trait::F16Rounds)) {
                Kind::Keeps
            } else {
                Kind::Rounds
            }
        }
        _ => return None,
    })
}

/// `t` (an f32 tensor type) with f16 elements.
fn narrowed(t: MlirType) -> MlirType {
    let dims = type_from_mlir(t).shape.unwrap_or_default();
    unsafe {
        mlirRankedTensorTypeGet(
            dims.len() as isize,
            dims.as_ptr(),
            mlirF16TypeGet(mlirTypeGetContext(t)),
            mlirAttributeGetNull(),
        )
    }
}

/// The result types of function `func`.
fn function_results(func: MlirOperation) -> Vec<MlirType> {
    unsafe {
        let a = mlirOperationGetAttributeByName(func, string_ref("function_type"));
        if a.ptr.is_null() || !mlirAttributeIsAType(a) {
            return Vec::new();
        }
        let t = mlirTypeAttrGetValue(a);
        (0..mlirFunctionTypeGetNumResults(t)).map(|i| mlirFunctionTypeGetResult(t, i)).collect()
    }
}

/// Gives `op`'s f16 results, and the f16 block arguments and results inside its
/// regions, f32 element types. Returns the indices of the results it changed.
fn widen_in_place(op: MlirOperation) -> Vec<isize> {
    let mut changed = Vec::new();
    unsafe {
        for i in 0..mlirOperationGetNumResults(op) {
            let r = result(op, i);
            if value_is_f16(r) {
                mlirValueSetType(r, widened(mlirValueGetType(r)));
                changed.push(i);
            }
        }
        for b in region_blocks(op) {
            for a in block_args(b) {
                if value_is_f16(a) {
                    mlirBlockArgumentSetType(a, widened(mlirValueGetType(a)));
                }
            }
        }
        for inner in region_ops(op) {
            for i in 0..mlirOperationGetNumResults(inner) {
                let r = result(inner, i);
                if value_is_f16(r) {
                    mlirValueSetType(r, widened(mlirValueGetType(r)));
                }
            }
        }
    }
    changed
}

/// A `stablehlo.convert` of `v` to `to`, inserted right after `after`.
fn convert_after(after: MlirOperation, v: MlirValue, to: MlirType) -> MlirOperation {
    unsafe {
        let c = insert_op_before(after, "stablehlo.convert", &[v], &[to], &[]);
        mlirOperationMoveAfter(c, after);
        c
    }
}

/// Replaces the uses of `of` with `with`, except in `keep` (the op that reads `of` to
/// make `with`).
fn replace_uses_except(of: MlirValue, with: MlirValue, keep: MlirOperation) {
    for (user, i) in uses(of) {
        if !unsafe { mlirOperationEqual(user, keep) } {
            set_operand(user, i, with);
        }
    }
}

/// f16 constant `op` in f32: a splat becomes an f32 splat; other values stay f16 (half
/// the bytes in the model) and are converted where they are read, which the
/// legalization writes as TFLite's float16-weight `DEQUANTIZE`.
fn widened_constant(op: MlirOperation) -> MlirValue {
    let v = result(op, 0);
    let t = widened(unsafe { mlirValueGetType(v) });
    if let Some(value) = raw_attr(op, "value").filter(|_| splat_attr(op)) {
        let attr = unsafe {
            let x = mlirFloatAttrGetValueDouble(mlirDenseElementsAttrGetSplatValue(value));
            mlirDenseElementsAttrFloatSplatGet(t, x as f32)
        };
        return result(insert_op_before(op, "stablehlo.constant", &[], &[t], &[("value", attr)]), 0);
    }
    result(convert_after(op, v, t), 0)
}

impl StablehloWidenF16 {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        let block = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)) };
        if block.ptr.is_null() {
            return Ok(());
        }
        let args: Vec<MlirValue> = block_args(block).into_iter().filter(|&a| value_is_f16(a)).collect();
        let touching: Vec<MlirOperation> = body_ops(func).into_iter().filter(|&op| touches_f16(op)).collect();
        // All or nothing: an op it does not know, or an f16 constant whose bytes cannot
        // be read (a dense_resource parsed from text: MLIR's C API reads no f16 blob),
        // leaves the function as it is, for the legalization to report.
        let known = touching.iter().all(|&op| match kind(op) {
            None => false,
            // The flatbuffer writer must be able to read the f16 bytes it keeps.
            Some(Kind::Constant) => splat_attr(op) || crate::legacy::constant::read(result(op, 0)).is_some(),
            Some(_) => true,
        });
        if touching.is_empty() || !known {
            return Ok(());
        }
        let first = unsafe { mlirBlockGetFirstOperation(block) };
        for a in args {
            let up =
                insert_op_before(first, "stablehlo.convert", &[a], &[widened(unsafe { mlirValueGetType(a) })], &[]);
            replace_uses_except(a, result(up, 0), up);
        }
        for op in touching {
            match kind(op) {
                Some(Kind::Constant) => {
                    let up = widened_constant(op);
                    match defining_op(up).filter(|d| name(*d) == "stablehlo.convert") {
                        Some(conv) => replace_uses_except(result(op, 0), up, conv),
                        None => {
                            replace_all_uses(result(op, 0), up);
                            erase(op);
                        }
                    }
                }
                Some(Kind::Convert) => {
                    let (x, y) = (operand(op, 0), result(op, 0));
                    let to = unsafe { mlirValueGetType(y) };
                    if is_f16(to) {
                        // To f16 is the rounding; the users read it back in f32.
                        let up = convert_after(op, y, widened(to));
                        replace_uses_except(y, result(up, 0), up);
                    } else if same_type(x, y) {
                        // f16 -> f32 of a value now in f32: the value itself.
                        replace_all_uses(y, x);
                        erase(op);
                    }
                    // f16 -> another type: the operand holds the same value in f32.
                }
                Some(Kind::Return) => {
                    let want = function_results(func);
                    for (i, v) in operands(op).into_iter().enumerate() {
                        if !want.get(i).is_some_and(|&t| is_f16(t)) || value_is_f16(v) {
                            continue;
                        }
                        // An f16 value read back up is returned as it was; others go down.
                        let up_of =
                            defining_op(v).filter(|d| name(*d) == "stablehlo.convert" && value_is_f16(operand(*d, 0)));
                        let down = match up_of {
                            Some(d) => operand(d, 0),
                            None => result(insert_op_before(op, "stablehlo.convert", &[v], &[want[i]], &[]), 0),
                        };
                        set_operand(op, i, down);
                        if let Some(d) = up_of.filter(|d| use_count(result(*d, 0)) == 0) {
                            erase(d);
                        }
                    }
                }
                Some(kind @ (Kind::Keeps | Kind::Rounds)) => {
                    let changed = widen_in_place(op);
                    if kind == Kind::Rounds {
                        for i in changed {
                            let r = result(op, i);
                            let t = unsafe { mlirValueGetType(r) };
                            let down = convert_after(op, r, narrowed(t));
                            let up = convert_after(down, result(down, 0), t);
                            replace_uses_except(r, result(up, 0), down);
                        }
                    }
                }
                None => {}
            }
        }
        Ok(())
    }
}

/// Whether constant `op`'s value is a dense splat.
fn splat_attr(op: MlirOperation) -> bool {
    raw_attr(op, "value")
        .is_some_and(|a| unsafe { mlirAttributeIsADenseElements(a) && mlirDenseElementsAttrIsSplat(a) })
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for StablehloWidenF16 {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

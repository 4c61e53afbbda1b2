//! Ops with a region (sort comparators, scatter and reduce bodies, select_and_scatter):
//! `region_op` creates the op with one region of one block, whose ops the `build`
//! closure creates through a `Block`, and ends the block with `stablehlo.return`.

use super::Ctx;
use crate::pt2::emit::{tensor, Emitter, Val};
use edge_dialects::ir::{ElemTy, TensorTy};

/// The block of a region under construction: ops made here go into it.
pub struct Block<'e, 'c> {
    e: &'e mut Emitter<'c>,
}

impl Block<'_, '_> {
    /// `"name"(operands) {attrs} : (types) -> result` inside the block.
    pub fn op(&mut self, name: &str, operands: &[&Val], attrs: &str, result: TensorTy) -> Val {
        self.e.op(name, operands, attrs, result)
    }

    pub fn binary(&mut self, name: &str, a: &Val, b: &Val) -> Val {
        let t = a.ty.clone();
        self.op(name, &[a, b], "", t)
    }

    /// `stablehlo.compare` of two scalars (FLOAT, SIGNED or UNSIGNED by element type).
    pub fn compare(&mut self, dir: &str, a: &Val, b: &Val) -> Val {
        let kind = compare_type(a.elem());
        self.compare_as(dir, kind, a, b)
    }

    /// `stablehlo.compare` of two scalars with an explicit `compare_type`.
    pub fn compare_as(&mut self, dir: &str, kind: &str, a: &Val, b: &Val) -> Val {
        let attrs = format!(
            "comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type {kind}>"
        );
        self.op("stablehlo.compare", &[a, b], &attrs, tensor(&[], ElemTy::I(1)))
    }

    pub fn select(&mut self, p: &Val, a: &Val, b: &Val) -> Val {
        let t = a.ty.clone();
        self.op("stablehlo.select", &[p, a, b], "", t)
    }

    pub fn not(&mut self, a: &Val) -> Val {
        let t = a.ty.clone();
        self.op("stablehlo.not", &[a], "", t)
    }
}

/// The `compare_type` StableHLO wants for an element type.
pub fn compare_type(e: &ElemTy) -> &'static str {
    if e.is_float() {
        "FLOAT"
    } else if matches!(e, ElemTy::U(_)) || e.is_bool() {
        "UNSIGNED"
    } else {
        "SIGNED"
    }
}

/// Creates `name(operands)` with one region whose block takes `block_args` (0-d tensors
/// of these element types) and returns what `build` returns.
pub fn region_op<'c>(
    ctx: &mut Ctx<'c>,
    name: &str,
    operands: &[&Val],
    attrs: &str,
    results: &[TensorTy],
    block_args: &[ElemTy],
    build: impl FnOnce(&mut Block<'_, 'c>, &[Val]) -> Vec<Val>,
) -> Vec<Val> {
    let args: Vec<TensorTy> = block_args.iter().map(|el| tensor(&[], el.clone())).collect();
    ctx.e.op_with_region(name, operands, attrs, results, &args, |e, a| build(&mut Block { e }, a))
}

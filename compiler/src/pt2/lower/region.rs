//! Ops with a region (sort comparators, scatter and reduce bodies, select_and_scatter):
//! `region_op` writes the op, its one-block region and the block's ops in generic
//! form. The block's ops take fresh names from the function's emitter, so no name in
//! the region shadows one outside it.

use super::Ctx;
use crate::pt2::emit::{tensor, ty, Emitter, Val};
use edge_dialects::ir::{ElemTy, TensorTy};
use std::fmt::Write;

/// The ops of a region's block under construction.
pub struct Block<'e> {
    e: &'e mut Emitter,
    text: String,
}

impl Block<'_> {
    /// `"name"(operands) {attrs} : (types) -> result` inside the block.
    pub fn op(&mut self, name: &str, operands: &[&Val], attrs: &str, result: TensorTy) -> Val {
        let r = self.e.fresh();
        let ops: Vec<&str> = operands.iter().map(|v| v.name.as_str()).collect();
        let tys: Vec<String> = operands.iter().map(|v| ty(&v.ty)).collect();
        let attrs = if attrs.is_empty() { String::new() } else { format!(" {{{attrs}}}") };
        writeln!(
            self.text,
            "      {r} = \"{name}\"({}){attrs} : ({}) -> {} {}",
            ops.join(", "),
            tys.join(", "),
            ty(&result),
            self.e.loc
        )
        .unwrap();
        Val { name: r, ty: result }
    }

    pub fn binary(&mut self, name: &str, a: &Val, b: &Val) -> Val {
        let t = a.ty.clone();
        self.op(name, &[a, b], "", t)
    }

    /// `stablehlo.compare` of two scalars (FLOAT, SIGNED or UNSIGNED by element type).
    pub fn compare(&mut self, dir: &str, a: &Val, b: &Val) -> Val {
        let kind = compare_type(a.elem());
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

/// Emits `name(operands)` with one region whose block takes `block_args` (0-d tensors
/// of these element types) and returns what `build` returns.
pub fn region_op(
    ctx: &mut Ctx,
    name: &str,
    operands: &[&Val],
    attrs: &str,
    results: &[TensorTy],
    block_args: &[ElemTy],
    build: impl FnOnce(&mut Block, &[Val]) -> Vec<Val>,
) -> Vec<Val> {
    let names: Vec<String> = results.iter().map(|_| ctx.e.fresh()).collect();
    let args: Vec<Val> = block_args.iter().map(|el| Val { name: ctx.e.fresh(), ty: tensor(&[], el.clone()) }).collect();
    let mut block = Block { e: &mut ctx.e, text: String::new() };
    let rets = build(&mut block, &args);
    let mut body = block.text;
    let loc = ctx.e.loc.clone();
    let ret_names: Vec<&str> = rets.iter().map(|v| v.name.as_str()).collect();
    let ret_tys: Vec<String> = rets.iter().map(|v| ty(&v.ty)).collect();
    writeln!(body, "      \"stablehlo.return\"({}) : ({}) -> () {loc}", ret_names.join(", "), ret_tys.join(", "))
        .unwrap();
    let arg_text: Vec<String> = args.iter().map(|a| format!("{}: {}", a.name, ty(&a.ty))).collect();
    let ops: Vec<&str> = operands.iter().map(|v| v.name.as_str()).collect();
    let tys: Vec<String> = operands.iter().map(|v| ty(&v.ty)).collect();
    let res: Vec<String> = results.iter().map(ty).collect();
    let res_text = if res.len() == 1 { res[0].clone() } else { format!("({})", res.join(", ")) };
    let attrs = if attrs.is_empty() { String::new() } else { format!(" {{{attrs}}}") };
    let text = format!(
        "{} = \"{name}\"({}) ({{\n    ^bb0({}):\n{body}    }}){attrs} : ({}) -> {res_text} {loc}",
        names.join(", "),
        ops.join(", "),
        arg_text.join(", "),
        tys.join(", "),
    );
    ctx.e.raw(&text);
    names.into_iter().zip(results).map(|(name, t)| Val { name, ty: t.clone() }).collect()
}

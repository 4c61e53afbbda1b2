//! ATen ops kept whole at import: each becomes a `stablehlo.composite` named after the
//! op (`aten.gelu`), carrying the op's non-tensor arguments as `composite_attributes`
//! (defaults filled in) and a private decomposition function that holds the table's
//! ordinary lowering. Legalization maps a composite to its TFLite builtin
//! (`passes/src/legalize/composite.rs`) or inlines the decomposition, so nothing has to
//! recognize the decomposed math again.
//!
//!   %y = "stablehlo.composite"(%x) {composite_attributes = {approximate = "tanh"},
//!          decomposition = @aten.gelu.0, name = "aten.gelu", version = 0 : i32}
//!   ...
//!   func.func private @aten.gelu.0(%arg0: tensor<2x8xf32>) -> tensor<2x8xf32> { ... }
//!
//! Decompositions are deduplicated by content: one function per distinct body, named
//! `@<name>.<n>` in order of first use. Their ops carry no location (an inlined copy
//! takes the composite's). A node keeps its plain lowering when a composite cannot
//! stand for it: a dynamic dim (the body cannot read the entry's size symbols), an
//! argument the attributes cannot hold, or a lowering error (reported by the plain
//! lowering, as before).

use super::{Args, Ctx, LResult, Lowering, Value};
use crate::pt2::emit::{float_literal, i64_array, join, ty, Emitter, Val};
use crate::pt2::schema::Argument;
use edge_dialects::ir::{string_literal as quote, ElemTy};
use std::collections::HashMap;

/// How one ATen argument becomes a composite attribute.
#[derive(Debug, Clone, Copy)]
pub enum AttrKind {
    /// A string, with the meaning of an omitted one.
    Str(&'static str),
    Int,
    /// A number, as f64 (PyTorch scalars may be recorded as ints).
    Float,
    Bool,
    /// An optional int list (`array<i64: ...>`), left out when absent.
    Ints,
    /// An optional float list (`array<f64: ...>`), left out when absent.
    Floats,
    /// An optional dtype (a type attribute), left out when absent.
    Dtype,
}

pub struct Kept {
    /// The overload, as in the lowering table.
    pub target: &'static str,
    /// The composite's name: the ATen op without its overload.
    pub name: &'static str,
    /// The tensor arguments that become operands, in order.
    pub operands: &'static [&'static str],
    pub attrs: &'static [(&'static str, AttrKind)],
}

use AttrKind::*;

/// Sorted by target (a test checks). Every op here has a TFLite builtin of the same
/// meaning for some of its forms, except `hardsigmoid` and `prelu`, kept for passes
/// that map them later (legalization inlines them today).
#[rustfmt::skip]
pub static KEPT: &[Kept] = &[
    Kept { target: "aten._log_softmax.default", name: "aten._log_softmax", operands: &["self"], attrs: &[("dim", Int), ("half_to_float", Bool)] },
    Kept { target: "aten._softmax.default", name: "aten._softmax", operands: &["self"], attrs: &[("dim", Int), ("half_to_float", Bool)] },
    Kept { target: "aten.gelu.default", name: "aten.gelu", operands: &["self"], attrs: &[("approximate", Str("none"))] },
    Kept { target: "aten.hardsigmoid.default", name: "aten.hardsigmoid", operands: &["self"], attrs: &[] },
    Kept { target: "aten.hardswish.default", name: "aten.hardswish", operands: &["self"], attrs: &[] },
    Kept { target: "aten.hardtanh.default", name: "aten.hardtanh", operands: &["self"], attrs: &[("min_val", Float), ("max_val", Float)] },
    Kept { target: "aten.leaky_relu.default", name: "aten.leaky_relu", operands: &["self"], attrs: &[("negative_slope", Float)] },
    Kept { target: "aten.log_softmax.int", name: "aten.log_softmax", operands: &["self"], attrs: &[("dim", Int), ("dtype", Dtype)] },
    Kept { target: "aten.prelu.default", name: "aten.prelu", operands: &["self", "weight"], attrs: &[] },
    Kept { target: "aten.relu6.default", name: "aten.relu6", operands: &["self"], attrs: &[] },
    Kept { target: "aten.softmax.int", name: "aten.softmax", operands: &["self"], attrs: &[("dim", Int), ("dtype", Dtype)] },
    Kept {
        target: "aten.upsample_bilinear2d.vec",
        name: "aten.upsample_bilinear2d",
        operands: &["input"],
        attrs: &[("output_size", Ints), ("align_corners", Bool), ("scale_factors", Floats)],
    },
    Kept { target: "aten.upsample_nearest2d.vec", name: "aten.upsample_nearest2d", operands: &["input"], attrs: &[("output_size", Ints), ("scale_factors", Floats)] },
];

pub fn lookup(target: &str) -> Option<&'static Kept> {
    KEPT.binary_search_by(|k| k.target.cmp(target)).ok().map(|i| &KEPT[i])
}

/// The decomposition functions made so far, deduplicated by their text.
#[derive(Default)]
pub struct Decompositions {
    /// Function text with the symbol left as `@{}` -> the symbol.
    by_body: HashMap<String, String>,
    /// How many functions each composite name has.
    per_name: HashMap<&'static str, usize>,
    /// The functions, in order of first use, as MLIR text.
    pub functions: Vec<String>,
}

impl Decompositions {
    /// The symbol of the function `template` (with `@{}` for its name) describes,
    /// adding it if it is new.
    fn symbol(&mut self, name: &'static str, template: String) -> String {
        if let Some(s) = self.by_body.get(&template) {
            return s.clone();
        }
        let n = self.per_name.entry(name).or_insert(0);
        let symbol = format!("{name}.{n}");
        *n += 1;
        self.functions.push(template.replacen("@{}", &format!("@{symbol}"), 1));
        self.by_body.insert(template, symbol.clone());
        symbol
    }
}

/// The attribute dictionary's entries as MLIR text, or `None` when an argument does not
/// fit its kind (the plain lowering then reports it).
fn attr_entries(args: &Args, kept: &Kept) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for &(name, kind) in kept.attrs {
        let value = match kind {
            Str(default) => Some(quote(args.opt_str(name).ok()?.unwrap_or(default))),
            Int => Some(format!("{} : i64", args.int(name).ok()?)),
            Float => Some(format!("{} : f64", float_literal(args.float(name).ok()?, &ElemTy::F64))),
            Bool => Some(args.bool(name).ok()?.to_string()),
            Ints => args.opt_ints(name).ok()?.map(|v| i64_array(&v)),
            Floats => floats(args, name)?.map(|v| {
                let lits: Vec<String> = v.iter().map(|&x| float_literal(x, &ElemTy::F64)).collect();
                if lits.is_empty() {
                    "array<f64>".to_string()
                } else {
                    format!("array<f64: {}>", lits.join(", "))
                }
            }),
            Dtype => args.dtype(name).ok()?.map(|e| e.to_string()),
        };
        if let Some(v) = value {
            out.push(format!("{name} = {v}"));
        }
    }
    Some(out)
}

/// An optional float-list argument: `Some(None)` when absent, `None` when malformed.
fn floats(args: &Args, name: &str) -> Option<Option<Vec<f64>>> {
    match args.node.inputs.iter().find(|a| a.name == name).map(|a| &a.arg) {
        None | Some(Argument::AsNone(_)) => Some(None),
        Some(Argument::AsFloats(v)) => Some(Some(v.iter().map(|f| f.0).collect())),
        Some(_) => None,
    }
}

/// Lowers the node as a composite standing for `kept`, or with `lowering` alone when a
/// composite cannot stand for it.
pub fn lower(ctx: &mut Ctx, args: &Args, lowering: &Lowering, kept: &'static Kept) -> LResult<Vec<Val>> {
    match as_composite(ctx, args, lowering, kept) {
        Some(values) => Ok(values),
        None => (lowering.lower)(ctx, args),
    }
}

fn as_composite(ctx: &mut Ctx, args: &Args, lowering: &Lowering, kept: &'static Kept) -> Option<Vec<Val>> {
    // Operands: each tensor once, in argument order.
    let mut names: Vec<&str> = Vec::new();
    for &a in kept.operands {
        let n = args.tensor_name(a)?;
        if !names.contains(&n) {
            names.push(n);
        }
    }
    let operands: Vec<Val> = names.iter().map(|n| ctx.tensor(n).ok()).collect::<Option<_>>()?;
    let outputs_static = (0..ctx.outputs.len()).all(|i| ctx.out_ty(i).map_or(true, |t| t.is_static()));
    if !outputs_static || operands.iter().any(|v| !v.ty.is_static()) {
        return None;
    }
    let attrs = attr_entries(args, kept)?;

    // The body: the plain lowering, on the function's arguments only.
    let env: HashMap<String, Value> = names
        .iter()
        .zip(&operands)
        .enumerate()
        .map(|(i, (n, v))| (n.to_string(), Value::Tensor(Val { name: format!("%arg{i}"), ty: v.ty.clone() })))
        .collect();
    let body_emitter = Emitter::with_limits(ctx.e.limits);
    let outer = std::mem::replace(&mut ctx.e, body_emitter);
    let outer_env = std::mem::replace(&mut ctx.env, env);
    let lowered = (lowering.lower)(ctx, args);
    let body = std::mem::replace(&mut ctx.e, outer);
    ctx.env = outer_env;
    let results = lowered.ok()?;
    if results.is_empty() || !body.errors.is_empty() {
        return None;
    }

    let arg_text: Vec<String> = operands.iter().enumerate().map(|(i, v)| format!("%arg{i}: {}", ty(&v.ty))).collect();
    let res_types: Vec<String> = results.iter().map(|v| ty(&v.ty)).collect();
    let res_names: Vec<&str> = results.iter().map(|v| v.name.as_str()).collect();
    let template = format!(
        "  func.func private @{{}}({}) -> ({}) {{\n{}    func.return {} : {}\n  }}\n",
        arg_text.join(", "),
        res_types.join(", "),
        body.body(),
        res_names.join(", "),
        res_types.join(", ")
    );
    let symbol = ctx.decompositions.symbol(kept.name, template);
    let mut attr_text = vec![
        format!("name = {}", quote(kept.name)),
        format!("decomposition = @{symbol}"),
        "version = 0 : i32".to_string(),
    ];
    if !attrs.is_empty() {
        attr_text.insert(1, format!("composite_attributes = {{{}}}", join(&attrs)));
    }
    let refs: Vec<&Val> = operands.iter().collect();
    let types: Vec<_> = results.iter().map(|v| v.ty.clone()).collect();
    Some(ctx.e.op_multi("stablehlo.composite", &refs, &attr_text.join(", "), &types))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_ops_are_sorted_and_in_the_lowering_table() {
        for w in KEPT.windows(2) {
            assert!(w[0].target < w[1].target, "{} must sort before {}", w[0].target, w[1].target);
        }
        for k in KEPT {
            let l = super::super::lookup(k.target).unwrap_or_else(|| panic!("{} has no lowering", k.target));
            for a in k.operands.iter().chain(k.attrs.iter().map(|(n, _)| n)) {
                assert!(l.args.iter().any(|d| d.name == *a), "{}: '{a}' is not an argument", k.target);
            }
            assert!(k.target.starts_with(&format!("{}.", k.name)), "{} is not named after {}", k.name, k.target);
        }
    }

    #[test]
    fn decompositions_are_shared_by_content_and_numbered_per_name() {
        let mut d = Decompositions::default();
        assert_eq!(d.symbol("aten.gelu", "@{} a".into()), "aten.gelu.0");
        assert_eq!(d.symbol("aten.gelu", "@{} b".into()), "aten.gelu.1");
        assert_eq!(d.symbol("aten.gelu", "@{} a".into()), "aten.gelu.0");
        assert_eq!(d.symbol("aten.relu6", "@{} c".into()), "aten.relu6.0");
        assert_eq!(d.functions, vec!["@aten.gelu.0 a", "@aten.gelu.1 b", "@aten.relu6.0 c"]);
    }
}

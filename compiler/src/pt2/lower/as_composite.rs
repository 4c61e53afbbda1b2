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
//! Decompositions are built through the IR layer like `@main` (a second `Emitter` on
//! the body of a private `func.func` made after `@main`) and deduplicated by content:
//! one function per distinct body (compared as printed, `Op::print_exact`), named
//! `@<name>.<n>` in order of first use; a body seen before is erased and the first
//! one's symbol used. Their ops carry no location (an inlined copy takes the
//! composite's). A composite's operands and results may have dynamic dims: the body
//! reads sizes from its arguments (`get_dimension_size`); a lowering that needs the
//! entry's size symbols fails in the body. A node keeps its plain lowering when a
//! composite cannot stand for it: a body that cannot be built, an argument the
//! attributes cannot hold, or a lowering error (reported by the plain lowering, as
//! before).

use super::{Args, Ctx, LResult, Lowering, Value};
use crate::pt2::emit::{float_literal, i64_array, join, Emitter, Val};
use crate::pt2::schema::Argument;
use edge_dialects::ir::{string_literal as quote, ElemTy};
use edge_dialects::mlir::{Block, Op, Rewriter, Type};
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

/// The decomposition functions made so far: where they go, and their symbols by
/// content.
pub struct Decompositions<'c> {
    /// The module's body: functions are appended to it, after `@main`.
    module_body: Block<'c>,
    symbols: Symbols,
}

impl<'c> Decompositions<'c> {
    pub fn new(module_body: Block<'c>) -> Self {
        Decompositions { module_body, symbols: Symbols::default() }
    }
}

/// The symbol given to each distinct function, deduplicated by its printed form.
#[derive(Default)]
struct Symbols {
    /// A function as printed under the placeholder name -> its symbol.
    by_body: HashMap<String, String>,
    /// How many functions each composite name has.
    per_name: HashMap<&'static str, usize>,
}

impl Symbols {
    /// The symbol of the function printed as `key` (under the placeholder name), and
    /// whether it is new: then it is `<name>.<n>`, the next number of `name`.
    fn symbol(&mut self, name: &'static str, key: String) -> (String, bool) {
        if let Some(s) = self.by_body.get(&key) {
            return (s.clone(), false);
        }
        let n = self.per_name.entry(name).or_insert(0);
        let symbol = format!("{name}.{n}");
        *n += 1;
        self.by_body.insert(key, symbol.clone());
        (symbol, true)
    }
}

/// The name a decomposition is printed under while it is compared with the others (the
/// same for every composite name, so equal bodies are shared whatever op they stand for).
const PLACEHOLDER: &str = "decomposition";

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
    let attrs = attr_entries(args, kept)?;
    composite(ctx, kept.name, &attrs, &names, &operands, |ctx| (lowering.lower)(ctx, args))
}

/// A `stablehlo.composite` named `name` with attributes `attrs` (entries' text) over
/// `operands`, whose decomposition is what `build` lowers with each of `names` bound
/// to the matching argument of the function; `None` (nothing emitted) when the body
/// cannot be built. Lowerings use it for a part of their result a builtin computes
/// (attention's softmax over unknown sizes).
pub fn composite(
    ctx: &mut Ctx,
    name: &'static str,
    attrs: &[String],
    names: &[&str],
    operands: &[Val],
    build: impl FnOnce(&mut Ctx) -> LResult<Vec<Val>>,
) -> Option<Vec<Val>> {
    // The body: the plain lowering, on the function's arguments only, built by a
    // second emitter into a private function after `@main`.
    let c = ctx.e.context();
    let mut rw = Rewriter::new(c);
    rw.set_insertion_end(ctx.decompositions.module_body);
    let private = [("sym_visibility", c.string_attr("private"))];
    let func = rw.create_func(c.unknown_location(), PLACEHOLDER, &[], &[], &private);
    let body = func.body().expect("a function has a body");
    let mut body_emitter = Emitter::new(c, body, ctx.e.limits);
    let env: HashMap<String, Value> = names
        .iter()
        .zip(operands)
        .map(|(n, v)| (n.to_string(), Value::Tensor(body_emitter.argument(&v.ty, c.unknown_location()))))
        .collect();
    let outer = std::mem::replace(&mut ctx.e, body_emitter);
    let outer_env = std::mem::replace(&mut ctx.env, env);
    let lowered = build(ctx);
    let mut body_emitter = std::mem::replace(&mut ctx.e, outer);
    ctx.env = outer_env;
    let results = match lowered {
        Ok(results) if !results.is_empty() && body_emitter.errors.is_empty() => results,
        _ => {
            rw.erase_op(func);
            return None;
        }
    };
    let refs: Vec<&Val> = results.iter().collect();
    body_emitter.op_multi("func.return", &refs, "", &[]);
    if !body_emitter.errors.is_empty() {
        rw.erase_op(func);
        return None;
    }
    let in_types: Vec<Type> = body.arguments().into_iter().map(|a| a.raw_type()).collect();
    let res_types: Vec<Type> = results.iter().map(|v| body_emitter.value(v).raw_type()).collect();
    func.set_attr("function_type", c.type_attr(c.function_type(&in_types, &res_types)));

    let symbol = share(ctx, &mut rw, func, name);
    let mut attr_text = vec![
        format!("name = {}", quote(name)),
        format!("decomposition = @{symbol}"),
        "version = 0 : i32".to_string(),
    ];
    if !attrs.is_empty() {
        attr_text.insert(1, format!("composite_attributes = {{{}}}", join(attrs)));
    }
    let refs: Vec<&Val> = operands.iter().collect();
    let types: Vec<_> = results.iter().map(|v| v.ty.clone()).collect();
    Some(ctx.e.op_multi("stablehlo.composite", &refs, &attr_text.join(", "), &types))
}

/// The symbol of the decomposition `func` (named `PLACEHOLDER` while built): the first
/// function with the same body, `func` then erased, or `func` itself, named
/// `<name>.<n>`.
fn share<'c>(ctx: &mut Ctx<'c>, rw: &mut Rewriter<'c>, func: Op<'c>, name: &'static str) -> String {
    let (symbol, new) = ctx.decompositions.symbols.symbol(name, func.print_exact());
    if new {
        func.set_attr("sym_name", ctx.e.context().string_attr(&symbol));
    } else {
        rw.erase_op(func);
    }
    symbol
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
        let mut d = Symbols::default();
        assert_eq!(d.symbol("aten.gelu", "a".into()), ("aten.gelu.0".to_string(), true));
        assert_eq!(d.symbol("aten.gelu", "b".into()), ("aten.gelu.1".to_string(), true));
        assert_eq!(d.symbol("aten.gelu", "a".into()), ("aten.gelu.0".to_string(), false));
        assert_eq!(d.symbol("aten.relu6", "c".into()), ("aten.relu6.0".to_string(), true));
        // A body already made for another name is shared too.
        assert_eq!(d.symbol("aten.hardtanh", "c".into()), ("aten.relu6.0".to_string(), false));
    }
}

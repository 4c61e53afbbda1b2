//! `stablehlo.composite`: reading one (name, attributes, decomposition) and inlining its
//! decomposition function in its place. Passes that keep a composite whole map it to one
//! op; any other consumer inlines it here and sees ordinary ops. Written on the typed
//! layer (`crate::mlir`); every edit goes through the caller's `Rewriter`.
//!
//! Spec (openxla/stablehlo `docs/spec.md`, composite): `name` is namespaced (C1), the
//! `decomposition` function is defined in a parent symbol table (C2) and its argument
//! and result types are the composite's operand and result types (C3, C4). Inlining
//! checks C2..C4 and refuses, with a message, a composite that breaks them.

use crate::ir::{Attr, TensorTy};
use crate::mlir::func::{Func, Return};
use crate::mlir::{Op, Rewriter, Type, Value};
use crate::stablehlo::op::Composite as CompositeOp;
use std::collections::{BTreeMap, HashMap};

/// The op name.
pub const COMPOSITE: &str = CompositeOp::NAME;

/// A composite's name and attributes, as plain values.
#[derive(Clone, Debug, PartialEq)]
pub struct Composite {
    /// The op it stands for (`aten.gelu`).
    pub name: String,
    /// `composite_attributes`, by name.
    pub attrs: BTreeMap<String, Attr>,
    /// The decomposition function's symbol, without `@`.
    pub decomposition: String,
    /// `version` (0 when absent).
    pub version: i64,
    pub operands: Vec<TensorTy>,
    pub results: Vec<TensorTy>,
}

impl Composite {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.get(name)
    }
}

/// Reads composite `op`; `Err` says what is missing or malformed.
pub fn read(op: Op) -> Result<Composite, String> {
    let Some(view) = op.cast::<CompositeOp>() else {
        return Err(format!("'{}' is not a {COMPOSITE}", op.name()));
    };
    let Some(Attr::Str(name)) = op.attr("name") else {
        return Err("a composite needs a string attribute 'name'".into());
    };
    let Some(decomposition) = view.decomposition().and_then(|a| a.flat_symbol()) else {
        return Err(format!("composite '{name}' needs a flat symbol reference 'decomposition'"));
    };
    let attrs = match view.composite_attributes() {
        None => BTreeMap::new(),
        Some(d) => match d.dictionary_entries() {
            Some(entries) => entries.into_iter().map(|(n, a)| (n.to_string(), a.value())).collect(),
            None => return Err(format!("composite '{name}': 'composite_attributes' must be a dictionary")),
        },
    };
    let version = view.version().unwrap_or(0);
    let operands = op.operands().into_iter().map(Value::ty).collect();
    let results = op.results().into_iter().map(Value::ty).collect();
    Ok(Composite { name, attrs, decomposition: decomposition.to_string(), version, operands, results })
}

/// The decomposition function of composite `op`.
pub fn decomposition<'c>(op: Op<'c>) -> Result<Func<'c>, String> {
    let c = read(op)?;
    let f = op.lookup_symbol(&c.decomposition).ok_or_else(|| {
        format!("composite '{}': decomposition @{} is not defined (composite_c2)", c.name, c.decomposition)
    })?;
    f.cast::<Func>()
        .ok_or_else(|| format!("composite '{}': @{} is a '{}', not a func.func", c.name, c.decomposition, f.name()))
}

fn types_text(types: &[Type]) -> String {
    types.iter().map(|t| t.print()).collect::<Vec<_>>().join(", ")
}

fn value_types<'c>(values: &[Value<'c>]) -> Vec<Type<'c>> {
    values.iter().map(|v| v.raw_type()).collect()
}

/// The decomposition symbols the composites in `func` name, each with the composite.
fn nested_decompositions(func: Op) -> Vec<(String, Op)> {
    let composites = func.nested_ops().into_iter().filter(|o| o.isa::<CompositeOp>());
    composites.filter_map(|o| Some((read(o).ok()?.decomposition, o))).collect()
}

/// `Err` when inlining `op` would never end: its decomposition reaches, through the
/// composites in the decompositions, a function already on the way.
fn check_not_recursive(op: Op, c: &Composite, func: Func) -> Result<(), String> {
    // Depth-first over the decompositions, with the path from `func`.
    let mut path: Vec<String> = vec![c.decomposition.clone()];
    let mut stack: Vec<Vec<(String, Op)>> = vec![nested_decompositions(func.op())];
    let mut done: Vec<String> = Vec::new();
    while let Some(top) = stack.last_mut() {
        let Some((symbol, site)) = top.pop() else {
            stack.pop();
            if let Some(finished) = path.pop() {
                done.push(finished);
            }
            continue;
        };
        if path.contains(&symbol) {
            return Err(format!(
                "composite '{}': decomposition @{} uses itself (through @{}), so it cannot be inlined",
                c.name,
                c.decomposition,
                path.iter().chain(std::iter::once(&symbol)).skip(1).cloned().collect::<Vec<_>>().join(", @")
            ));
        }
        if done.contains(&symbol) {
            continue;
        }
        let Some(f) = site.lookup_symbol(&symbol).or_else(|| op.lookup_symbol(&symbol)) else { continue };
        path.push(symbol);
        stack.push(nested_decompositions(f));
    }
    Ok(())
}

/// Replaces composite `op` by a copy of its decomposition's body, made at `op` through
/// `rw`: the function's arguments become the composite's operands and what it returns
/// replaces the composite's results. The copies take the composite's location (they
/// compute what it computes, so diagnostics and tensor names point where it came from).
/// Returns the new ops in order; on `Err` nothing was changed.
pub fn inline<'c>(rw: &mut Rewriter<'c>, op: Op<'c>) -> Result<Vec<Op<'c>>, String> {
    let c = read(op)?;
    let func = decomposition(op)?;
    check_not_recursive(op, &c, func)?;
    let blocks = func.op().region(0).blocks();
    let [block] = blocks[..] else {
        return Err(format!("composite '{}': decomposition @{} must have one block", c.name, c.decomposition));
    };
    let Some(ret) = block.terminator().filter(|t| t.isa::<Return>()) else {
        return Err(format!("composite '{}': decomposition @{} must end in func.return", c.name, c.decomposition));
    };
    let (operands, args) = (op.operands(), block.arguments());
    let (want_in, got_in) = (value_types(&operands), value_types(&args));
    if want_in != got_in {
        return Err(format!(
            "composite '{}' takes ({}) but its decomposition @{} takes ({}) (composite_c3)",
            c.name,
            types_text(&want_in),
            c.decomposition,
            types_text(&got_in)
        ));
    }
    let (results, returned) = (op.results(), ret.operands());
    let (want_out, got_out) = (value_types(&results), value_types(&returned));
    if want_out != got_out {
        return Err(format!(
            "composite '{}' returns ({}) but its decomposition @{} returns ({}) (composite_c4)",
            c.name,
            types_text(&want_out),
            c.decomposition,
            types_text(&got_out)
        ));
    }
    let mut map: HashMap<Value<'c>, Value<'c>> = args.into_iter().zip(operands).collect();
    let loc = op.location();
    rw.set_insertion_before(op);
    let mut new_ops = Vec::new();
    for at in block.ops().into_iter().take_while(|&o| o != ret) {
        let copy = rw.clone_op(at);
        // The copy and the ops in its regions read the copies of what they read.
        for inner in std::iter::once(copy).chain(copy.nested_ops()) {
            rw.set_op_location(inner, loc);
            for (i, v) in inner.operands().into_iter().enumerate() {
                if let Some(&to) = map.get(&v) {
                    inner.set_operand(i, to);
                }
            }
        }
        map.extend(at.results().into_iter().zip(copy.results()));
        new_ops.push(copy);
    }
    let replacements: Vec<Value<'c>> = returned.iter().map(|v| map.get(v).copied().unwrap_or(*v)).collect();
    rw.replace_op(op, &replacements);
    Ok(new_ops)
}

//! Typed op views generated from the catalogs: for each `OpDef`, a struct such as
//! `tfl::op::Conv2d<'c>` with its name (`Conv2d::NAME`), one accessor per operand,
//! result and attribute, and a builder with one setter per attribute. The generated
//! files (`tfl/op.rs`, `stablehlo/op.rs`) are committed; the `views_are_current` test
//! fails when the catalog changed and they were not regenerated, and
//! `UPDATE_VIEWS=1 cargo test -p edge-dialects views_are_current` rewrites them.
//! The catalog stays the one place an op's facts are written.

use super::{Attribute, Op, Rewriter, Type, Value};
use crate::catalog::{Arity, AttrKind, Dialect, OpDef};
use std::fmt::Write;

/// Accumulates a new op's operands and attributes; generated builders wrap it with
/// one typed setter per catalog attribute.
pub struct OpBuilder<'r, 'c> {
    rw: &'r mut Rewriter<'c>,
    name: &'static str,
    operands: Vec<Value<'c>>,
    results: Vec<Type<'c>>,
    attrs: Vec<(&'static str, Attribute<'c>)>,
}

impl<'r, 'c> OpBuilder<'r, 'c> {
    pub fn new(rw: &'r mut Rewriter<'c>, name: &'static str, results: &[Type<'c>]) -> Self {
        OpBuilder { rw, name, operands: Vec::new(), results: results.to_vec(), attrs: Vec::new() }
    }
    pub fn operand(mut self, v: Value<'c>) -> Self {
        self.operands.push(v);
        self
    }
    pub fn operands(mut self, vs: &[Value<'c>]) -> Self {
        self.operands.extend_from_slice(vs);
        self
    }
    /// Sets attribute `name` (replacing an earlier value).
    pub fn attr(mut self, name: &'static str, a: Attribute<'c>) -> Self {
        self.attrs.retain(|(n, _)| *n != name);
        self.attrs.push((name, a));
        self
    }
    /// An integer attribute: i32 in TFL (as `tfl_ops.td` declares them), i64 in StableHLO.
    pub fn int(self, name: &'static str, v: i64) -> Self {
        let c = self.rw.context();
        let a = if self.name.starts_with("tfl.") { c.i32_attr(v) } else { c.i64_attr(v) };
        self.attr(name, a)
    }
    pub fn float(self, name: &'static str, v: f64) -> Self {
        let a = self.rw.context().f32_attr(v);
        self.attr(name, a)
    }
    pub fn bool(self, name: &'static str, v: bool) -> Self {
        let a = self.rw.context().bool_attr(v);
        self.attr(name, a)
    }
    pub fn string(self, name: &'static str, v: &str) -> Self {
        let a = self.rw.context().string_attr(v);
        self.attr(name, a)
    }
    /// An integer list: `array<i64: ...>` in StableHLO, an array of i64 in TFL.
    pub fn ints(self, name: &'static str, v: &[i64]) -> Self {
        let c = self.rw.context();
        let a = if self.name.starts_with("tfl.") {
            let text: Vec<String> = v.iter().map(|x| format!("{x} : i64")).collect();
            c.parse_attr(&format!("[{}]", text.join(", "))).expect("an i64 array parses")
        } else {
            c.i64_array_attr(v)
        };
        self.attr(name, a)
    }
    pub fn type_attr(self, name: &'static str, t: Type<'c>) -> Self {
        let a = self.rw.context().type_attr(t);
        self.attr(name, a)
    }
    /// Creates the op at the rewriter's insertion point.
    pub fn create(self) -> Op<'c> {
        self.rw.create(self.name, &self.operands, &self.results, &self.attrs)
    }
}

/// `conv_2d` -> `Conv2d`, `dot_general` -> `DotGeneral`.
pub fn type_name(op_name: &str) -> String {
    let short = op_name.split_once('.').map_or(op_name, |(_, s)| s);
    short
        .split(['_', '-'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

const KEYWORDS: &[&str] = &["type", "in", "fn", "match", "ref", "move", "loop", "use", "mod", "impl", "self", "where", "as", "break"];
/// Method names the views define themselves.
const RESERVED: &[&str] = &["op", "def", "build", "create", "attr", "operand", "operands"];

fn method(name: &str, taken: &mut Vec<String>, suffix: &str) -> String {
    let mut m = name.to_string();
    if RESERVED.contains(&m.as_str()) || taken.contains(&m) {
        m = format!("{m}_{suffix}");
    }
    taken.push(m.clone());
    if KEYWORDS.contains(&m.as_str()) { format!("r#{m}") } else { m }
}

/// The Rust source of the views of `dialect`'s ops.
pub fn generate(dialect: &Dialect) -> String {
    let mut s = String::new();
    let ns = dialect.namespace;
    let _ = writeln!(
        s,
        "//! Typed views of the `{ns}` ops, generated from the catalog in `ops.rs` by\n\
         //! `UPDATE_VIEWS=1 cargo test -p edge-dialects views_are_current`. Do not edit.\n\
         #![allow(clippy::all)]\n\n\
         use crate::catalog::OpDef;\n\
         use crate::mlir::views::OpBuilder;\n\
         use crate::mlir::{{slot_range, Attribute, Op, OpKind, Rewriter, Type, Value}};\n"
    );
    for (index, def) in dialect.ops.iter().enumerate() {
        generate_op(&mut s, def, index);
    }
    s
}

fn generate_op(s: &mut String, def: &OpDef, index: usize) {
    let ty = type_name(def.name);
    let name = def.name;
    let variadic = def.operands.iter().any(|o| o.arity == Arity::Variadic);
    let summary = def.summary.replace('\n', " ");
    let _ = writeln!(s, "/// `{name}`: {summary}");
    let _ = writeln!(s, "#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]\npub struct {ty}<'c>(Op<'c>);\n");
    let _ = writeln!(
        s,
        "impl<'c> OpKind<'c> for {ty}<'c> {{\n    const NAME: &'static str = \"{name}\";\n    fn wrap(op: Op<'c>) -> Self {{\n        {ty}(op)\n    }}\n    fn op(self) -> Op<'c> {{\n        self.0\n    }}\n}}\n"
    );
    let _ = writeln!(s, "impl<'c> {ty}<'c> {{\n    pub const NAME: &'static str = \"{name}\";");
    let _ = writeln!(s, "    /// The catalog entry.\n    pub fn def() -> &'static OpDef {{\n        &super::OPS[{index}]\n    }}");
    let _ = writeln!(s, "    pub fn op(self) -> Op<'c> {{\n        self.0\n    }}");
    let mut taken: Vec<String> = Vec::new();
    for (k, o) in def.operands.iter().enumerate() {
        let m = method(o.name, &mut taken, "operand");
        match (o.arity, variadic) {
            (Arity::One, false) => {
                let _ = writeln!(s, "    pub fn {m}(self) -> Value<'c> {{\n        self.0.operand({k})\n    }}");
            }
            (Arity::Optional, false) => {
                let _ = writeln!(s, "    pub fn {m}(self) -> Option<Value<'c>> {{\n        self.0.optional_operand({k})\n    }}");
            }
            (Arity::Variadic, _) => {
                let _ = writeln!(
                    s,
                    "    pub fn {m}(self) -> Vec<Value<'c>> {{\n        let all = self.0.operands();\n        all[slot_range(Self::def().operands, {k}, all.len())].to_vec()\n    }}"
                );
            }
            (arity, true) => {
                let ret = if arity == Arity::One { "Value<'c>" } else { "Option<Value<'c>>" };
                let get = if arity == Arity::One {
                    "self.0.operand(r.start)"
                } else {
                    "if r.is_empty() { None } else { self.0.optional_operand(r.start) }"
                };
                let _ = writeln!(
                    s,
                    "    pub fn {m}(self) -> {ret} {{\n        let r = slot_range(Self::def().operands, {k}, self.0.num_operands());\n        {get}\n    }}"
                );
            }
        }
    }
    let results_variadic = def.results.iter().any(|r| r.arity == Arity::Variadic);
    for (k, r) in def.results.iter().enumerate() {
        let m = method(r.name, &mut taken, "result");
        if results_variadic {
            let _ = writeln!(
                s,
                "    pub fn {m}(self) -> Vec<Value<'c>> {{\n        let all = self.0.results();\n        all[slot_range(Self::def().results, {k}, all.len())].to_vec()\n    }}"
            );
        } else {
            let _ = writeln!(s, "    pub fn {m}(self) -> Value<'c> {{\n        self.0.result({k})\n    }}");
        }
    }
    for a in def.attrs {
        let m = method(a.name, &mut taken, "attr");
        let (ret, get) = match a.kind {
            AttrKind::Int => ("Option<i64>", "int_attr"),
            AttrKind::Float => ("Option<f64>", "float_attr"),
            AttrKind::Bool => ("Option<bool>", "bool_attr"),
            AttrKind::Str | AttrKind::Enum(_) => ("Option<String>", "str_attr"),
            AttrKind::Ints => ("Option<Vec<i64>>", "ints_attr"),
            _ => ("Option<Attribute<'c>>", "raw_attr"),
        };
        let _ = writeln!(s, "    pub fn {m}(self) -> {ret} {{\n        self.0.{get}(\"{}\")\n    }}", a.name);
    }
    // The builder: one argument per operand slot, one setter per attribute.
    let mut params = String::new();
    let mut pushes = String::new();
    for o in def.operands {
        let p = match o.name {
            n if KEYWORDS.contains(&n) => format!("r#{n}"),
            "results" | "rw" => format!("{}_operand", o.name),
            n => n.to_string(),
        };
        match o.arity {
            Arity::Variadic => {
                let _ = write!(params, ", {p}: &[Value<'c>]");
                let _ = write!(pushes, ".operands({p})");
            }
            _ => {
                let _ = write!(params, ", {p}: Value<'c>");
                let _ = write!(pushes, ".operand({p})");
            }
        }
    }
    let _ = writeln!(
        s,
        "    /// Starts a `{name}` at `rw`'s insertion point; set attributes, then `create`.\n    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]{params}) -> {ty}Builder<'r, 'c> {{\n        {ty}Builder(OpBuilder::new(rw, Self::NAME, result_types){pushes})\n    }}\n}}\n"
    );
    let _ = writeln!(s, "pub struct {ty}Builder<'r, 'c>(OpBuilder<'r, 'c>);\n\nimpl<'r, 'c> {ty}Builder<'r, 'c> {{");
    let mut taken: Vec<String> = Vec::new();
    for a in def.attrs {
        let m = method(a.name, &mut taken, "attr");
        let (arg, set) = match a.kind {
            AttrKind::Int => ("i64", "int"),
            AttrKind::Float => ("f64", "float"),
            AttrKind::Bool => ("bool", "bool"),
            AttrKind::Str | AttrKind::Enum(_) => ("&str", "string"),
            AttrKind::Ints => ("&[i64]", "ints"),
            AttrKind::Type => ("Type<'c>", "type_attr"),
            _ => ("Attribute<'c>", "attr"),
        };
        let _ = writeln!(s, "    pub fn {m}(self, v: {arg}) -> Self {{\n        {ty}Builder(self.0.{set}(\"{}\", v))\n    }}", a.name);
    }
    let _ = writeln!(
        s,
        "    /// Any attribute, by name.\n    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {{\n        {ty}Builder(self.0.attr(name, v))\n    }}\n    pub fn create(self) -> {ty}<'c> {{\n        {ty}(self.0.create())\n    }}\n}}\n"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_are_current() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        for (dialect, file) in [(&crate::TFL, "tfl/op.rs"), (&crate::STABLEHLO, "stablehlo/op.rs")] {
            let path = root.join(file);
            let want = generate(dialect);
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            if have != want {
                if std::env::var_os("UPDATE_VIEWS").is_some() {
                    std::fs::write(&path, want).unwrap();
                } else {
                    panic!("{} is stale: run `UPDATE_VIEWS=1 cargo test -p edge-dialects views_are_current`", path.display());
                }
            }
        }
    }

    #[test]
    fn type_names() {
        assert_eq!(type_name("tfl.conv_2d"), "Conv2d");
        assert_eq!(type_name("stablehlo.dot_general"), "DotGeneral");
        assert_eq!(type_name("tfl.pseudo_const"), "PseudoConst");
    }
}

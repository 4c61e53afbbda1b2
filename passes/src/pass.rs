//! The pass trait and the static description each pass registers.

use edge_dialects::mlir::Op;
use std::collections::BTreeMap;

/// A pass failed; its diagnostics have already been emitted at their locations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassFailed;

/// A Rust pass. It runs on one anchor op at a time (a `func.func` or the
/// `builtin.module`, as its `PassInfo` says), reports problems as MLIR diagnostics and
/// returns whether it changed the IR.
pub trait Pass: Send + Sync {
    fn run(&self, op: Op<'_>) -> Result<bool, PassFailed>;
}

/// What a pass is and how to make one. `#[repr(align(8))]` because its address is the
/// pass's MLIR TypeID.
#[repr(align(8))]
pub struct PassInfo {
    /// The pipeline name, e.g. `tfl-fuse-activation`.
    pub name: &'static str,
    pub summary: &'static str,
    /// The op the pass runs on: `func.func` or `builtin.module`.
    pub anchor: &'static str,
    pub options: &'static [PassOptionInfo],
    pub create: fn(&PassOptions) -> Result<Box<dyn Pass>, String>,
}

pub struct PassOptionInfo {
    pub name: &'static str,
    pub help: &'static str,
    pub default: &'static str,
}

/// Options as written in a pipeline (`pass{a=1 b=true}`), checked against the pass's
/// declared options.
#[derive(Debug, Default, Clone)]
pub struct PassOptions {
    values: BTreeMap<String, String>,
}

impl PassOptions {
    /// Parses `a=1 b=true` (space- or comma-separated) for `info`.
    pub fn parse(info: &PassInfo, text: &str) -> Result<Self, String> {
        let mut values = BTreeMap::new();
        for item in text.split(|c: char| c.is_whitespace() || c == ',').filter(|s| !s.is_empty()) {
            let (key, value) = item.split_once('=').unwrap_or((item, "true"));
            if !info.options.iter().any(|o| o.name == key) {
                let known: Vec<_> = info.options.iter().map(|o| o.name).collect();
                return Err(if known.is_empty() {
                    format!("pass '{}' takes no options, got '{key}'", info.name)
                } else {
                    format!("unknown option '{key}' for pass '{}'; it takes: {}", info.name, known.join(", "))
                });
            }
            values.insert(key.to_string(), value.to_string());
        }
        for o in info.options {
            values.entry(o.name.to_string()).or_insert_with(|| o.default.to_string());
        }
        Ok(PassOptions { values })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    pub fn get_bool(&self, name: &str) -> Result<bool, String> {
        match self.get(name) {
            Some("true" | "1") => Ok(true),
            Some("false" | "0") | None => Ok(false),
            Some(v) => Err(format!("option '{name}' expects true or false, got '{v}'")),
        }
    }

    pub fn get_i64(&self, name: &str) -> Result<i64, String> {
        let v = self.get(name).ok_or_else(|| format!("missing option '{name}'"))?;
        v.parse().map_err(|_| format!("option '{name}' expects an integer, got '{v}'"))
    }
}

/// Runs `patterns` on `func` with the greedy driver; a driver that does not converge
/// is an error at the function, naming `pass` and the patterns still applying.
pub fn run_patterns<'c>(
    pass: &str,
    func: edge_dialects::mlir::Op<'c>,
    patterns: &edge_dialects::mlir::PatternSet,
    config: edge_dialects::mlir::GreedyConfig,
    rw: &mut edge_dialects::mlir::Rewriter<'c>,
) -> Result<bool, PassFailed> {
    edge_dialects::mlir::apply_patterns_greedily(func, patterns, config, rw).map_err(|e| {
        func.emit_error(&format!("{pass}: {e}"));
        PassFailed
    })
}

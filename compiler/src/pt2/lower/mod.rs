//! The ATen -> StableHLO lowering table. One entry per ATen overload: its schema's
//! arguments with their defaults (the archive omits arguments left at their default)
//! and the function that emits StableHLO for it. `table.rs` holds the entries, sorted;
//! the functions live beside it by op family.

pub mod as_composite;
mod composite;
mod elementwise;
mod index;
mod nn;
mod quant;
mod reduce;
mod region;
mod rnn;
mod shape;
mod strided;
mod sort;
mod table;
pub mod views;

pub use table::TABLE;

use super::emit::{Emitter, Val};
use super::schema::{Argument, NamedArgument, Node, ScalarType, SymIntArgument};
use super::weights::Program;
use edge_dialects::ir::{ElemTy, TensorTy};
use std::collections::HashMap;
use std::sync::Arc;

/// A schema argument and its default.
#[derive(Debug, Clone, Copy)]
pub struct ArgDef {
    pub name: &'static str,
    pub default: Default,
}

/// What an omitted argument means.
#[derive(Debug, Clone, Copy)]
pub enum Default {
    /// The argument has no default: it must be present.
    Required,
    None,
    Int(i64),
    Float(f64),
    Bool(bool),
    Ints(&'static [i64]),
}

pub const fn req(name: &'static str) -> ArgDef {
    ArgDef { name, default: Default::Required }
}
pub const fn def(name: &'static str, default: Default) -> ArgDef {
    ArgDef { name, default }
}

/// One lowering rule.
pub struct Lowering {
    /// The overload, as the archive names it without `torch.ops.` (`aten.add.Tensor`).
    pub target: &'static str,
    pub args: &'static [ArgDef],
    pub lower: fn(&mut Ctx, &Args) -> Result<Vec<Val>, LowerError>,
}

/// The names of a node's outputs, flattened (`None` for a non-tensor output).
pub fn output_names(node: &Node) -> Vec<Option<String>> {
    node.outputs
        .iter()
        .flat_map(|o| match o {
            Argument::AsTensor(t) => vec![Some(t.name.clone())],
            Argument::AsTensors(ts) => ts.iter().map(|t| Some(t.name.clone())).collect(),
            _ => vec![None],
        })
        .collect()
}

pub fn lookup(target: &str) -> Option<&'static Lowering> {
    TABLE.binary_search_by(|l| l.target.cmp(target)).ok().map(|i| &TABLE[i])
}

/// Why a node could not be lowered (reported at the node's location).
#[derive(Debug, Clone)]
pub struct LowerError(pub String);

impl<T: Into<String>> From<T> for LowerError {
    fn from(s: T) -> Self {
        LowerError(s.into())
    }
}

pub type LResult<T> = Result<T, LowerError>;

/// A scalar argument.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Scalar {
    pub fn as_f64(self) -> f64 {
        match self {
            Scalar::Int(i) => i as f64,
            Scalar::Float(f) => f,
            Scalar::Bool(b) => b as i64 as f64,
        }
    }
}

/// A value in the lowering environment.
#[derive(Debug, Clone)]
pub enum Value {
    Tensor(Val),
    /// A symbolic integer (a dynamic size), as a 0-d i64 tensor.
    SymInt(Val),
}

/// The state lowerings share: the emitter, values by name, and the node being lowered.
pub struct Ctx<'a> {
    pub e: Emitter<'a>,
    pub env: HashMap<String, Value>,
    pub tensor_types: &'a HashMap<String, TensorTy>,
    /// The recorded strides of each tensor value (static ones only), for ops whose
    /// meaning depends on memory layout (`as_strided`).
    pub tensor_strides: &'a HashMap<String, Vec<i64>>,
    /// Every tensor name some node or graph output reads.
    pub read: &'a std::collections::HashSet<String>,
    /// Output argument names of the current node.
    pub outputs: Vec<Option<String>>,
    /// The archive: stored values some lowerings read at import time (quantization
    /// scales and zero points).
    pub program: &'a Arc<Program>,
    /// The decomposition functions of the composites emitted so far.
    pub decompositions: as_composite::Decompositions<'a>,
}

impl Ctx<'_> {
    /// The declared type of the current node's output `i`.
    pub fn out_ty(&self, i: usize) -> LResult<TensorTy> {
        let name = self.outputs.get(i).and_then(|o| o.as_ref()).ok_or_else(|| format!("output #{i} is not a tensor"))?;
        self.tensor_types.get(name).cloned().ok_or_else(|| format!("no tensor metadata for output '{name}'").into())
    }

    /// Whether output `i` of the current node is read by a later node or is a graph
    /// output (the archive may also name an unread output `<node>_unused_<i>`).
    pub fn output_used(&self, i: usize) -> bool {
        matches!(self.outputs.get(i), Some(Some(n)) if !n.contains("_unused_") && self.read.contains(n))
    }

    pub fn tensor(&self, name: &str) -> LResult<Val> {
        match self.env.get(name) {
            Some(Value::Tensor(v)) => Ok(v.clone()),
            Some(Value::SymInt(_)) => Err(format!("'{name}' is a symbolic integer where a tensor is expected").into()),
            None => Err(format!("value '{name}' is not defined").into()),
        }
    }

    /// Checks, before it is built, a host-side table of `count` elements of `elem` that
    /// becomes a constant (resize indices, pooling matrices): `what` names it.
    pub fn reserve_constant(&self, what: &str, count: u128, elem: &ElemTy) -> LResult<()> {
        self.e.limits.check_constant(what, count, elem).map_err(LowerError)
    }

    /// A 0-d tensor of `elem` holding `s`.
    pub fn scalar_const(&mut self, s: Scalar, elem: &ElemTy) -> Val {
        self.e.splat(s.as_f64(), elem, &[])
    }
}

/// A node's arguments by schema name, with the overload's defaults.
pub struct Args<'n> {
    pub node: &'n Node,
    pub defs: &'static [ArgDef],
    given: HashMap<&'n str, &'n Argument>,
    /// Arguments a composite lowering sets for the lowering it reuses (first in lookup).
    set: Vec<(&'static str, Argument)>,
}

impl<'n> Args<'n> {
    pub fn new(node: &'n Node, defs: &'static [ArgDef]) -> LResult<Self> {
        Self::bind(node, defs, false)
    }

    /// The arguments of an in-place node (`relu_`) for its functional lowering (`relu`),
    /// whose first argument may be named differently (`dropout_(self)`, `dropout(input)`).
    pub fn new_in_place(node: &'n Node, defs: &'static [ArgDef]) -> LResult<Self> {
        Self::bind(node, defs, true)
    }

    fn bind(node: &'n Node, defs: &'static [ArgDef], in_place: bool) -> LResult<Self> {
        let mut given = HashMap::new();
        for NamedArgument { name, arg, .. } in &node.inputs {
            let name = match defs.first() {
                Some(first) if in_place && name == "self" => first.name,
                _ => name.as_str(),
            };
            if !defs.iter().any(|d| d.name == name) {
                return Err(format!("argument '{name}' is not in edge's schema for {}", node.target).into());
            }
            given.insert(name, arg);
        }
        for d in defs {
            if matches!(d.default, Default::Required) && !given.contains_key(d.name) {
                return Err(format!("required argument '{}' is missing", d.name).into());
            }
        }
        Ok(Args { node, defs, given, set: Vec::new() })
    }

    /// These arguments with `set` added (or replacing given ones).
    pub fn with(&self, set: Vec<(&'static str, Argument)>) -> Args<'n> {
        let kept: Vec<_> = self.set.iter().filter(|(n, _)| !set.iter().any(|(m, _)| m == n)).cloned().collect();
        let mut all = set;
        all.extend(kept);
        Args { node: self.node, defs: self.defs, given: self.given.clone(), set: all }
    }

    fn default_of(&self, name: &str) -> Default {
        self.defs.iter().find(|d| d.name == name).map(|d| d.default).unwrap_or(Default::None)
    }

    pub fn get(&self, name: &str) -> Option<&Argument> {
        let set = self.set.iter().find(|(n, _)| *n == name).map(|(_, a)| a);
        set.or_else(|| self.given.get(name).copied()).filter(|a| !matches!(a, Argument::AsNone(_)))
    }

    pub fn is_none(&self, name: &str) -> bool {
        self.get(name).is_none() && matches!(self.default_of(name), Default::None)
    }

    pub fn tensor(&self, ctx: &Ctx, name: &str) -> LResult<Val> {
        self.opt_tensor(ctx, name)?.ok_or_else(|| format!("argument '{name}' must be a tensor").into())
    }

    pub fn opt_tensor(&self, ctx: &Ctx, name: &str) -> LResult<Option<Val>> {
        match self.get(name) {
            Some(Argument::AsTensor(t)) => Ok(Some(ctx.tensor(&t.name)?)),
            Some(Argument::AsOptionalTensor(o)) => match o.as_tensor() {
                Some(t) => Ok(Some(ctx.tensor(t)?)),
                None => Ok(None),
            },
            None => Ok(None),
            Some(other) => Err(format!("argument '{name}' must be a tensor, got {}", other.kind()).into()),
        }
    }

    pub fn tensors(&self, ctx: &Ctx, name: &str) -> LResult<Vec<Val>> {
        match self.get(name) {
            Some(Argument::AsTensors(ts)) => ts.iter().map(|t| ctx.tensor(&t.name)).collect(),
            Some(other) => Err(format!("argument '{name}' must be a tensor list, got {}", other.kind()).into()),
            None => Err(format!("argument '{name}' is missing").into()),
        }
    }

    /// A list of optional tensors (`Tensor?[]`, e.g. `index.Tensor` indices).
    pub fn optional_tensors(&self, ctx: &Ctx, name: &str) -> LResult<Vec<Option<Val>>> {
        match self.get(name) {
            Some(Argument::AsOptionalTensors(ts)) => {
                ts.iter().map(|t| t.as_tensor().map(|n| ctx.tensor(n)).transpose()).collect()
            }
            Some(Argument::AsTensors(ts)) => ts.iter().map(|t| ctx.tensor(&t.name).map(Some)).collect(),
            Some(other) => Err(format!("argument '{name}' must be a list of optional tensors, got {}", other.kind()).into()),
            None => Err(format!("argument '{name}' is missing").into()),
        }
    }

    pub fn int(&self, name: &str) -> LResult<i64> {
        self.opt_int(name)?.ok_or_else(|| format!("argument '{name}' must be an integer").into())
    }

    pub fn opt_int(&self, name: &str) -> LResult<Option<i64>> {
        match self.get(name) {
            Some(Argument::AsInt(i)) => Ok(Some(*i)),
            Some(Argument::AsSymInt(s)) => match s.as_int() {
                Some(i) => Ok(Some(i)),
                None => Err(format!("argument '{name}' is a symbolic integer; edge needs it static here").into()),
            },
            Some(Argument::AsBool(b)) => Ok(Some(*b as i64)),
            None => match self.default_of(name) {
                Default::Int(i) => Ok(Some(i)),
                Default::Bool(b) => Ok(Some(b as i64)),
                _ => Ok(None),
            },
            Some(other) => Err(format!("argument '{name}' must be an integer, got {}", other.kind()).into()),
        }
    }

    /// An integer argument that must be at least `min` (`groups >= 1`): the lowering
    /// divides by it or sizes something with it.
    pub fn int_at_least(&self, name: &str, min: i64) -> LResult<i64> {
        let v = self.int(name)?;
        if v < min {
            return Err(format!("argument '{name}' must be at least {min}, got {v}").into());
        }
        Ok(v)
    }

    /// A dim argument normalized against `rank`, or an error naming the argument. The
    /// lowerings that take one index the shape with it, so a 0-d tensor (which PyTorch
    /// lets take dim 0 or -1) is refused here too.
    pub fn dim(&self, name: &str, rank: usize) -> LResult<i64> {
        index_dim(name, self.int(name)?, rank)
    }

    /// Like [`Args::dim`], with `default` when the argument is omitted.
    pub fn dim_or(&self, name: &str, default: i64, rank: usize) -> LResult<i64> {
        index_dim(name, self.opt_int(name)?.unwrap_or(default), rank)
    }

    pub fn ints(&self, name: &str) -> LResult<Vec<i64>> {
        self.opt_ints(name)?.ok_or_else(|| format!("argument '{name}' must be an integer list").into())
    }

    pub fn opt_ints(&self, name: &str) -> LResult<Option<Vec<i64>>> {
        match self.get(name) {
            Some(Argument::AsInts(v)) => Ok(Some(v.clone())),
            Some(Argument::AsInt(i)) => Ok(Some(vec![*i])),
            Some(Argument::AsSymInts(v)) => v
                .iter()
                .map(|s| s.as_int().ok_or_else(|| LowerError::from(format!("argument '{name}' has a symbolic size; edge needs it static here"))))
                .collect::<LResult<Vec<_>>>()
                .map(Some),
            None => match self.default_of(name) {
                Default::Ints(v) => Ok(Some(v.to_vec())),
                Default::Int(i) => Ok(Some(vec![i])),
                _ => Ok(None),
            },
            Some(other) => Err(format!("argument '{name}' must be an integer list, got {}", other.kind()).into()),
        }
    }

    pub fn float(&self, name: &str) -> LResult<f64> {
        Ok(self.scalar(name)?.as_f64())
    }

    pub fn bool(&self, name: &str) -> LResult<bool> {
        match self.get(name) {
            Some(Argument::AsBool(b)) => Ok(*b),
            Some(Argument::AsInt(i)) => Ok(*i != 0),
            None => match self.default_of(name) {
                Default::Bool(b) => Ok(b),
                Default::Int(i) => Ok(i != 0),
                _ => Err(format!("argument '{name}' must be a bool").into()),
            },
            Some(other) => Err(format!("argument '{name}' must be a bool, got {}", other.kind()).into()),
        }
    }

    /// A string argument (`reduce`, `approximate`, `rounding_mode`...), if given.
    pub fn opt_str(&self, name: &str) -> LResult<Option<&str>> {
        match self.get(name) {
            Some(Argument::AsString(s)) => Ok(Some(s.as_str())),
            None => Ok(None),
            Some(other) => Err(format!("argument '{name}' must be a string, got {}", other.kind()).into()),
        }
    }

    pub fn opt_scalar(&self, name: &str) -> LResult<Option<Scalar>> {
        match self.get(name) {
            Some(Argument::AsInt(i)) => Ok(Some(Scalar::Int(*i))),
            Some(Argument::AsFloat(f)) => Ok(Some(Scalar::Float(f.0))),
            Some(Argument::AsBool(b)) => Ok(Some(Scalar::Bool(*b))),
            Some(Argument::AsSymInt(s)) => match s.as_int() {
                Some(i) => Ok(Some(Scalar::Int(i))),
                None => Err(format!("argument '{name}' is symbolic; edge needs it static here").into()),
            },
            None => match self.default_of(name) {
                Default::Int(i) => Ok(Some(Scalar::Int(i))),
                Default::Float(f) => Ok(Some(Scalar::Float(f))),
                Default::Bool(b) => Ok(Some(Scalar::Bool(b))),
                _ => Ok(None),
            },
            Some(other) => Err(format!("argument '{name}' must be a number, got {}", other.kind()).into()),
        }
    }

    pub fn scalar(&self, name: &str) -> LResult<Scalar> {
        self.opt_scalar(name)?.ok_or_else(|| format!("argument '{name}' must be a number").into())
    }

    /// A tensor argument, or a scalar argument turned into a 0-d tensor of `elem`.
    pub fn tensor_or_scalar(&self, ctx: &mut Ctx, name: &str, elem: &ElemTy) -> LResult<Val> {
        match self.get(name) {
            Some(Argument::AsTensor(_) | Argument::AsOptionalTensor(_)) => self.tensor(ctx, name),
            // A size computed at run time (`x * x.shape[1]`).
            Some(Argument::AsSymInt(SymIntArgument::AsName(n))) => {
                let v = ctx.e.sym_int(n)?;
                Ok(ctx.e.convert(&v, elem))
            }
            _ => {
                let s = self.scalar(name)?;
                Ok(ctx.scalar_const(s, elem))
            }
        }
    }

    /// Whether argument `name` is given as a tensor (not a Python scalar).
    /// The graph name of a tensor argument (`p_conv_weight`).
    pub fn tensor_name(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Some(Argument::AsTensor(t)) => Some(&t.name),
            Some(Argument::AsOptionalTensor(o)) => o.as_tensor(),
            _ => None,
        }
    }

    pub fn is_tensor(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Argument::AsTensor(_) | Argument::AsOptionalTensor(_)))
    }

    pub fn dtype(&self, name: &str) -> LResult<Option<ElemTy>> {
        match self.get(name) {
            Some(Argument::AsScalarType(t)) => elem_of_scalar_type(*t).map(Some),
            None => Ok(None),
            Some(other) => Err(format!("argument '{name}' must be a dtype, got {}", other.kind()).into()),
        }
    }
}

/// The MLIR element type of a torch dtype code.
pub fn elem_of_scalar_type(t: ScalarType) -> LResult<ElemTy> {
    Ok(match t.0 {
        1 => ElemTy::U(8),
        2 => ElemTy::I(8),
        3 => ElemTy::I(16),
        4 => ElemTy::I(32),
        5 => ElemTy::I(64),
        6 => ElemTy::F16,
        7 => ElemTy::F32,
        8 => ElemTy::F64,
        12 => ElemTy::I(1),
        13 => ElemTy::BF16,
        _ => return Err(format!("dtype {} is not supported", t.name()).into()),
    })
}

/// Normalizes a possibly negative dim against `rank`. A 0-d tensor takes dim 0 or -1
/// (as in PyTorch); callers that index its shape must handle rank 0 themselves.
pub fn norm_dim(d: i64, rank: usize) -> LResult<i64> {
    let r = rank as i64;
    let n = if d < 0 { d.saturating_add(r) } else { d };
    if n < 0 || n >= r.max(1) {
        let r = r.max(1);
        return Err(format!("dim {d} is out of range for a rank-{rank} tensor (valid: {}..={})", -r, r - 1).into());
    }
    Ok(n)
}

/// Dim `d` of argument `name` normalized against `rank`, for indexing a shape.
fn index_dim(name: &str, d: i64, rank: usize) -> LResult<i64> {
    if rank == 0 {
        return Err(format!(
            "argument '{name}' is {d}, but the tensor is 0-d; edge lowers this op for tensors of rank 1 or more"
        )
        .into());
    }
    norm_dim(d, rank).map_err(|e| format!("argument '{name}': {}", e.0).into())
}

/// Checks that the recorded result type `out` has rank `rank` (the input's, for ops that
/// keep it): lowerings index both shapes with the same dims.
pub fn check_out_rank(out: &TensorTy, rank: usize) -> LResult<()> {
    if out.dims().len() != rank {
        return Err(format!("the recorded result type {out} should have rank {rank}").into());
    }
    Ok(())
}

/// Checks that every entry of list argument `name` is at least `min` (kernel sizes,
/// strides and dilations >= 1, paddings >= 0): the arithmetic that follows divides by
/// them or clamps with them.
pub fn check_at_least(name: &str, v: &[i64], min: i64) -> LResult<()> {
    match v.iter().find(|&&x| x < min) {
        Some(bad) => Err(format!("argument '{name}' must have entries of at least {min}, got {bad} (in {v:?})").into()),
        None => Ok(()),
    }
}

/// The element count of a static `shape`, checked: no negative size, no overflow of
/// i64. `what` names the tensor in the message.
pub fn checked_count(what: &str, shape: &[i64]) -> LResult<i64> {
    shape.iter().try_fold(1i64, |acc, &d| {
        if d < 0 {
            return Err(LowerError(format!("{what} has negative size {d} in shape {shape:?}")));
        }
        acc.checked_mul(d)
            .ok_or_else(|| LowerError(format!("{what} has shape {shape:?}, whose element count overflows i64")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dims_and_sizes_from_the_archive_are_checked() {
        assert_eq!(norm_dim(-1, 2).unwrap(), 1);
        assert_eq!(norm_dim(7, 2).unwrap_err().0, "dim 7 is out of range for a rank-2 tensor (valid: -2..=1)");
        assert_eq!(norm_dim(-3, 2).unwrap_err().0, "dim -3 is out of range for a rank-2 tensor (valid: -2..=1)");
        assert!(norm_dim(i64::MIN, 2).is_err());
        assert_eq!(
            index_dim("dim", 0, 0).unwrap_err().0,
            "argument 'dim' is 0, but the tensor is 0-d; edge lowers this op for tensors of rank 1 or more"
        );
        assert_eq!(
            index_dim("dim", 7, 2).unwrap_err().0,
            "argument 'dim': dim 7 is out of range for a rank-2 tensor (valid: -2..=1)"
        );
        assert_eq!(
            check_at_least("stride", &[1, 0], 1).unwrap_err().0,
            "argument 'stride' must have entries of at least 1, got 0 (in [1, 0])"
        );
        assert!(check_at_least("padding", &[0, 3], 0).is_ok());
        assert_eq!(checked_count("x", &[2, 3]).unwrap(), 6);
        assert_eq!(
            checked_count("x", &[1 << 62, 4]).unwrap_err().0,
            "x has shape [4611686018427387904, 4], whose element count overflows i64"
        );
        assert_eq!(checked_count("x", &[2, -1]).unwrap_err().0, "x has negative size -1 in shape [2, -1]");
    }

    #[test]
    fn table_is_sorted_and_unique() {
        for w in TABLE.windows(2) {
            assert!(w[0].target < w[1].target, "{} must sort before {}", w[0].target, w[1].target);
        }
        for l in TABLE {
            assert!(l.target.starts_with("aten.") || l.target.contains('.'), "{}", l.target);
        }
    }
}

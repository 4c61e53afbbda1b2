//! Writes StableHLO in MLIR's generic form, one op per line, with typed SSA values.
//! Lowerings call the builders here; each op carries the location of the ATen node
//! being lowered. Weights are emitted as constants that name their graph input and get
//! their `dense_resource` value after parsing (so no weight bytes pass through text).

use super::sym::{Expr, SymDim};
use edge_dialects::ir::{ElemTy, TensorTy};
use std::collections::HashMap;
use std::fmt::Write;

/// An SSA value and its type.
#[derive(Debug, Clone)]
pub struct Val {
    pub name: String,
    pub ty: TensorTy,
}

impl Val {
    pub fn shape(&self) -> &[i64] {
        self.ty.dims()
    }
    pub fn rank(&self) -> usize {
        self.ty.dims().len()
    }
    pub fn elem(&self) -> &ElemTy {
        &self.ty.elem
    }
}

pub fn tensor(shape: &[i64], elem: ElemTy) -> TensorTy {
    TensorTy::ranked(shape.to_vec(), elem)
}

/// MLIR text of a type.
pub fn ty(t: &TensorTy) -> String {
    t.to_string()
}

/// An `array<i64: ...>` attribute.
pub fn i64_array(v: &[i64]) -> String {
    if v.is_empty() {
        "array<i64>".into()
    } else {
        format!("array<i64: {}>", join(v))
    }
}

pub fn join<T: std::fmt::Display>(v: &[T]) -> String {
    v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
}

/// A float literal MLIR parses back to the same value (hex for non-finite values).
pub fn float_literal(v: f64, elem: &ElemTy) -> String {
    if v.is_finite() {
        // MLIR wants a '.' in float literals: `1e-5` must be `1.0e-5`.
        let s = format!("{v:?}");
        match (s.contains('.'), s.find('e')) {
            (true, _) => s,
            (false, Some(e)) => format!("{}.0{}", &s[..e], &s[e..]),
            (false, None) => format!("{s}.0"),
        }
    } else {
        // IEEE bit patterns for inf/nan in the element's width.
        match elem {
            ElemTy::F16 => format!("0x{:04X}", half::f16::from_f64(v).to_bits()),
            ElemTy::BF16 => format!("0x{:04X}", half::bf16::from_f64(v).to_bits()),
            ElemTy::F64 => format!("0x{:016X}", v.to_bits()),
            _ => format!("0x{:08X}", (v as f32).to_bits()),
        }
    }
}

/// A scalar literal of element type `elem`.
pub fn scalar_literal(v: f64, elem: &ElemTy) -> String {
    match elem {
        e if e.is_float() => float_literal(v, e),
        ElemTy::I(1) => (v != 0.0).to_string(),
        _ => format!("{}", v as i64),
    }
}

/// The most elements one tensor built at import may have (2^31), unless raised.
pub const DEFAULT_MAX_TENSOR_ELEMENTS: u64 = 1 << 31;
/// The most bytes of constant data the importer may materialize for one constant
/// (64 MiB), unless raised. Weights are mapped from the archive, not materialized. Such a
/// constant passes through MLIR text, so it costs 20-30 times its bytes in memory while
/// it is built (a 384 MiB averaging matrix peaked at 7.8 GB): the default keeps one
/// under about 2 GB.
pub const DEFAULT_MAX_CONSTANT_BYTES: u64 = 64 << 20;
/// The environment variables that raise the limits (read when `ImportOptions` leaves
/// them unset).
pub const MAX_TENSOR_ELEMENTS_ENV: &str = "EDGE_MAX_TENSOR_ELEMENTS";
pub const MAX_CONSTANT_BYTES_ENV: &str = "EDGE_MAX_CONSTANT_BYTES";

/// What one archive may make the importer build: sizes come from the archive, so a
/// hostile one could otherwise ask for 2^63 elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_tensor_elements: u64,
    pub max_constant_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_tensor_elements: DEFAULT_MAX_TENSOR_ELEMENTS, max_constant_bytes: DEFAULT_MAX_CONSTANT_BYTES }
    }
}

/// The product of the static dims of `shape` (dynamic ones count as 1), or `None` if it
/// does not fit in a u128.
pub fn static_count(shape: &[i64]) -> Option<u128> {
    shape.iter().filter(|&&d| d >= 0).try_fold(1u128, |acc, &d| acc.checked_mul(d as u128))
}

fn count_text(count: Option<u128>) -> String {
    count.map_or_else(|| "more than 2^128".to_string(), |c| c.to_string())
}

impl Limits {
    /// Checks a tensor type the importer is about to create; `what` names the tensor.
    pub fn check_type(&self, what: &str, t: &TensorTy) -> Result<(), String> {
        self.check_shape(t).map_err(|e| format!("{what} {e}"))
    }

    /// [`Limits::check_type`] with a message whose subject the caller supplies.
    pub fn check_shape(&self, t: &TensorTy) -> Result<(), String> {
        let count = static_count(t.dims());
        if count.is_none_or(|c| c > self.max_tensor_elements as u128) {
            return Err(format!(
                "would have {} elements ({t}), more than the limit of {} elements per tensor built at import; if the model really needs it, raise the limit with {MAX_TENSOR_ELEMENTS_ENV}=<n>",
                count_text(count),
                self.max_tensor_elements
            ));
        }
        Ok(())
    }

    /// Checks a constant of `count` elements of `elem` that the importer is about to
    /// materialize (index tables, weight matrices it computes); `what` names it.
    pub fn check_constant(&self, what: &str, count: u128, elem: &ElemTy) -> Result<(), String> {
        if count > self.max_tensor_elements as u128 {
            return Err(format!(
                "{what} would have {count} elements, more than the limit of {} elements per tensor built at import; if the model really needs it, raise the limit with {MAX_TENSOR_ELEMENTS_ENV}=<n>",
                self.max_tensor_elements
            ));
        }
        let bytes = count.saturating_mul(elem.byte_width().unwrap_or(8) as u128);
        if bytes > self.max_constant_bytes as u128 {
            return Err(format!(
                "{what} would take {bytes} bytes, more than the limit of {} bytes per constant built at import; if the model really needs it, raise the limit with {MAX_CONSTANT_BYTES_ENV}=<n>",
                self.max_constant_bytes
            ));
        }
        Ok(())
    }
}

/// The text of a function body under construction.
pub struct Emitter {
    body: String,
    next: usize,
    /// The current location, as MLIR text (`loc(...)`).
    pub loc: String,
    /// Size symbols (`s77`) as 0-d i64 values read from the inputs that define them.
    pub syms: HashMap<String, Val>,
    /// The symbolic sizes of the current node's tensors, by their static pattern
    /// (`[-1, 8]`): what a `?` dimension of a shape the lowering asks for stands for.
    dynamic_shapes: Vec<(Vec<i64>, Vec<SymDim>)>,
    /// Problems found while emitting the current node (a dynamic shape with no known
    /// size, a tensor over the size limit); the driver turns them into a lowering error.
    pub errors: Vec<String>,
    /// Bounds on what the importer builds; every result type is checked against them.
    pub limits: Limits,
}

impl Default for Emitter {
    fn default() -> Self {
        Self::new()
    }
}

impl Emitter {
    pub fn new() -> Self {
        Emitter {
            body: String::new(),
            next: 0,
            loc: "loc(unknown)".into(),
            syms: HashMap::new(),
            dynamic_shapes: Vec::new(),
            errors: Vec::new(),
            limits: Limits::default(),
        }
    }

    pub fn with_limits(limits: Limits) -> Self {
        Emitter { limits, ..Self::new() }
    }

    pub fn body(&self) -> &str {
        &self.body
    }

    pub fn fresh(&mut self) -> String {
        self.next += 1;
        format!("%v{}", self.next)
    }

    /// Emits `"name"(operands) {attrs} : (types) -> result` and returns the result.
    pub fn op(&mut self, name: &str, operands: &[&Val], attrs: &str, result: TensorTy) -> Val {
        self.op_multi(name, operands, attrs, &[result]).pop().expect("one result")
    }

    /// Like `op` with any number of results.
    pub fn op_multi(&mut self, name: &str, operands: &[&Val], attrs: &str, results: &[TensorTy]) -> Vec<Val> {
        self.check_results(name, results);
        let names: Vec<String> = results.iter().map(|_| self.fresh()).collect();
        let lhs = if names.is_empty() { String::new() } else { format!("{} = ", names.join(", ")) };
        let ops: Vec<&str> = operands.iter().map(|v| v.name.as_str()).collect();
        let tys: Vec<String> = operands.iter().map(|v| ty(&v.ty)).collect();
        let res: Vec<String> = results.iter().map(ty).collect();
        let attrs = if attrs.is_empty() { String::new() } else { format!(" {{{attrs}}}") };
        let res_text = if res.len() == 1 { res[0].clone() } else { format!("({})", res.join(", ")) };
        writeln!(
            self.body,
            "    {lhs}\"{name}\"({}){attrs} : ({}) -> {res_text} {}",
            ops.join(", "),
            tys.join(", "),
            self.loc
        )
        .unwrap();
        names.into_iter().zip(results).map(|(name, ty)| Val { name, ty: ty.clone() }).collect()
    }

    /// Emits an op with one region whose block takes scalar arguments and returns the
    /// result of `body_op` applied to them (reduce/reduce_window bodies).
    pub fn op_with_scalar_body(
        &mut self,
        name: &str,
        operands: &[&Val],
        attrs: &str,
        results: &[TensorTy],
        body_op: &str,
        scalar: &ElemTy,
    ) -> Vec<Val> {
        self.check_results(name, results);
        let names: Vec<String> = results.iter().map(|_| self.fresh()).collect();
        let s = ty(&tensor(&[], scalar.clone()));
        let ops: Vec<&str> = operands.iter().map(|v| v.name.as_str()).collect();
        let tys: Vec<String> = operands.iter().map(|v| ty(&v.ty)).collect();
        let res: Vec<String> = results.iter().map(ty).collect();
        let (a, b, r) = (self.fresh(), self.fresh(), self.fresh());
        let res_text = if res.len() == 1 { res[0].clone() } else { format!("({})", res.join(", ")) };
        writeln!(
            self.body,
            "    {} = \"{name}\"({}) ({{\n    ^bb0({a}: {s}, {b}: {s}):\n      {r} = \"{body_op}\"({a}, {b}) : ({s}, {s}) -> {s} {loc}\n      \"stablehlo.return\"({r}) : ({s}) -> () {loc}\n    }}) {{{attrs}}} : ({}) -> {res_text} {loc}",
            names.join(", "),
            ops.join(", "),
            tys.join(", "),
            loc = self.loc
        )
        .unwrap();
        names.into_iter().zip(results).map(|(name, ty)| Val { name, ty: ty.clone() }).collect()
    }

    /// Records an error for each result over the size limit (the one place every type
    /// a lowering builds passes through).
    fn check_results(&mut self, name: &str, results: &[TensorTy]) {
        for t in results {
            if let Err(e) = self.limits.check_type(&format!("a '{name}' result"), t) {
                self.errors.push(e);
            }
        }
    }

    /// Emits a raw line (already formatted) into the body.
    pub fn raw(&mut self, line: &str) {
        self.body.push_str("    ");
        self.body.push_str(line);
        self.body.push('\n');
    }

    // ----- builders -------------------------------------------------------------------

    /// A scalar constant broadcast to `shape` (a splat `dense` when the shape is static).
    pub fn splat(&mut self, v: f64, elem: &ElemTy, shape: &[i64]) -> Val {
        if shape.iter().all(|&d| d >= 0) {
            let t = tensor(shape, elem.clone());
            let attrs = format!("value = dense<{}> : {}", scalar_literal(v, elem), ty(&t));
            return self.op("stablehlo.constant", &[], &attrs, t);
        }
        let s = self.splat(v, elem, &[]);
        self.broadcast_in_dim(&s, shape, &[])
    }

    /// A rank-1 i64 constant.
    pub fn const_i64s(&mut self, v: &[i64]) -> Val {
        if let Err(e) = self.limits.check_constant("an index constant", v.len() as u128, &ElemTy::I(64)) {
            self.errors.push(e);
        }
        let t = tensor(&[v.len() as i64], ElemTy::I(64));
        let attrs = format!("value = dense<[{}]> : {}", join(v), ty(&t));
        self.op("stablehlo.constant", &[], &attrs, t)
    }

    pub fn convert(&mut self, v: &Val, elem: &ElemTy) -> Val {
        if v.elem() == elem {
            return v.clone();
        }
        let t = TensorTy { elem: elem.clone(), ..v.ty.clone() };
        self.op("stablehlo.convert", &[v], "", t)
    }

    pub fn broadcast_in_dim(&mut self, v: &Val, shape: &[i64], dims: &[i64]) -> Val {
        let t = tensor(shape, v.elem().clone());
        let attrs = format!("broadcast_dimensions = {}", i64_array(dims));
        if let Some(sizes) = self.dynamic_sizes(shape) {
            return self.op("stablehlo.dynamic_broadcast_in_dim", &[v, &sizes], &attrs, t);
        }
        self.op("stablehlo.broadcast_in_dim", &[v], &attrs, t)
    }

    /// NumPy-style broadcast of `v` to `shape` (trailing alignment).
    pub fn broadcast_to(&mut self, v: &Val, shape: &[i64]) -> Val {
        if v.shape() == shape {
            return v.clone();
        }
        let Some(offset) = shape.len().checked_sub(v.rank()) else {
            self.errors.push(format!("cannot broadcast a rank-{} value to rank {}", v.rank(), shape.len()));
            return v.clone();
        };
        let dims: Vec<i64> = (0..v.rank()).map(|i| (i + offset) as i64).collect();
        self.broadcast_in_dim(v, shape, &dims)
    }

    pub fn reshape(&mut self, v: &Val, shape: &[i64]) -> Val {
        if v.shape() == shape {
            return v.clone();
        }
        let t = tensor(shape, v.elem().clone());
        if let Some(sizes) = self.dynamic_sizes(shape) {
            return self.op("stablehlo.dynamic_reshape", &[v, &sizes], "", t);
        }
        self.op("stablehlo.reshape", &[v], "", t)
    }

    /// Elements `[start, start + len)` of `v` along `dim`.
    pub fn slice_dim(&mut self, v: &Val, dim: usize, start: i64, len: i64) -> Val {
        let mut starts = vec![0; v.rank()];
        let mut limits = v.shape().to_vec();
        starts[dim] = start;
        limits[dim] = start + len;
        let mut shape = v.shape().to_vec();
        shape[dim] = len;
        let attrs = format!(
            "start_indices = {}, limit_indices = {}, strides = {}",
            i64_array(&starts),
            i64_array(&limits),
            i64_array(&vec![1; v.rank()])
        );
        self.op("stablehlo.slice", &[v], &attrs, tensor(&shape, v.elem().clone()))
    }

    pub fn transpose(&mut self, v: &Val, perm: &[i64]) -> Val {
        if perm.iter().enumerate().all(|(i, &p)| i as i64 == p) {
            return v.clone();
        }
        let shape: Vec<i64> = perm.iter().map(|&p| v.shape()[p as usize]).collect();
        let t = tensor(&shape, v.elem().clone());
        self.op("stablehlo.transpose", &[v], &format!("permutation = {}", i64_array(perm)), t)
    }

    /// Element-wise binary op on operands of identical type.
    pub fn binary(&mut self, name: &str, a: &Val, b: &Val) -> Val {
        let t = a.ty.clone();
        self.op(name, &[a, b], "", t)
    }

    pub fn unary(&mut self, name: &str, a: &Val) -> Val {
        let t = a.ty.clone();
        self.op(name, &[a], "", t)
    }

    /// `stablehlo.compare` producing i1.
    pub fn compare(&mut self, dir: &str, a: &Val, b: &Val) -> Val {
        let kind = if a.elem().is_float() {
            "FLOAT"
        } else if matches!(a.elem(), ElemTy::U(_)) || a.elem().is_bool() {
            "UNSIGNED"
        } else {
            "SIGNED"
        };
        let t = TensorTy { elem: ElemTy::I(1), ..a.ty.clone() };
        let attrs = format!("comparison_direction = #stablehlo<comparison_direction {dir}>, compare_type = #stablehlo<comparison_type {kind}>");
        self.op("stablehlo.compare", &[a, b], &attrs, t)
    }

    pub fn select(&mut self, pred: &Val, a: &Val, b: &Val) -> Val {
        let t = a.ty.clone();
        self.op("stablehlo.select", &[pred, a, b], "", t)
    }

    /// A reduction over `dims` with `body` (`stablehlo.add`, `stablehlo.maximum`, ...) and
    /// scalar init `init`; the reduced dims are dropped.
    pub fn reduce(&mut self, v: &Val, dims: &[i64], body: &str, init: f64) -> Val {
        let elem = v.elem().clone();
        let init = self.splat(init, &elem, &[]);
        let shape: Vec<i64> =
            v.shape().iter().enumerate().filter(|(i, _)| !dims.contains(&(*i as i64))).map(|(_, &d)| d).collect();
        let mut sorted = dims.to_vec();
        sorted.sort_unstable();
        let attrs = format!("dimensions = {}", i64_array(&sorted));
        self.op_with_scalar_body("stablehlo.reduce", &[v, &init], &attrs, &[tensor(&shape, elem.clone())], body, &elem)
            .pop()
            .expect("one result")
    }
}

// ----- dynamic shapes ----------------------------------------------------------------

impl Emitter {
    /// Starts a node: its tensors' symbolic sizes, keyed by their static patterns.
    pub fn set_dynamic_shapes(&mut self, shapes: Vec<(Vec<i64>, Vec<SymDim>)>) {
        self.dynamic_shapes = shapes;
        self.errors.clear();
    }

    /// For a shape with `?` dims, the run-time sizes as a `tensor<Nxi64>`; `None` for a
    /// static shape. A `?` with no known meaning is recorded in `errors`.
    fn dynamic_sizes(&mut self, shape: &[i64]) -> Option<Val> {
        if shape.iter().all(|&d| d >= 0) {
            return None;
        }
        let mut candidates = self.dynamic_shapes.iter().filter(|(pattern, _)| pattern.as_slice() == shape).map(|(_, s)| s);
        let Some(first) = candidates.next().cloned() else {
            self.errors.push(format!("a tensor of shape {} has dynamic sizes this lowering cannot compute", ty(&tensor(shape, ElemTy::F32)).replace("xf32", "")));
            return None;
        };
        if candidates.any(|other| *other != first) {
            self.errors.push(format!("two tensors of this node share the dynamic pattern {shape:?} with different sizes"));
            return None;
        }
        match self.shape_tensor(&first) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// A `tensor<Nxi64>` of the sizes `dims` describe.
    pub fn shape_tensor(&mut self, dims: &[SymDim]) -> Result<Val, String> {
        let mut parts = Vec::with_capacity(dims.len());
        for d in dims {
            let v = match d {
                SymDim::Static(n) => self.splat(*n as f64, &ElemTy::I(64), &[]),
                SymDim::Dynamic(e) => self.eval(e)?,
            };
            parts.push(self.reshape(&v, &[1]));
        }
        let refs: Vec<&Val> = parts.iter().collect();
        Ok(self.op("stablehlo.concatenate", &refs, "dimension = 0 : i64", tensor(&[dims.len() as i64], ElemTy::I(64))))
    }

    /// Emits the value of a size expression as a 0-d i64.
    pub fn eval(&mut self, e: &Expr) -> Result<Val, String> {
        let i64t = ElemTy::I(64);
        Ok(match e {
            Expr::Int(n) => self.splat(*n as f64, &i64t, &[]),
            Expr::Sym(s) => {
                self.syms.get(s).cloned().ok_or_else(|| format!("size symbol '{s}' is not the size of any input"))?
            }
            Expr::Neg(a) => {
                let a = self.eval(a)?;
                self.unary("stablehlo.negate", &a)
            }
            Expr::Add(a, b) | Expr::Sub(a, b) | Expr::Mul(a, b) | Expr::Max(a, b) | Expr::Min(a, b) => {
                let (a, b) = (self.eval(a)?, self.eval(b)?);
                let op = match e {
                    Expr::Add(..) => "stablehlo.add",
                    Expr::Sub(..) => "stablehlo.subtract",
                    Expr::Mul(..) => "stablehlo.multiply",
                    Expr::Max(..) => "stablehlo.maximum",
                    _ => "stablehlo.minimum",
                };
                self.binary(op, &a, &b)
            }
            Expr::FloorDiv(a, b) | Expr::Mod(a, b) => {
                // Sizes are non-negative and divisors positive: truncation is floor here.
                let (a, b) = (self.eval(a)?, self.eval(b)?);
                let op = if matches!(e, Expr::FloorDiv(..)) { "stablehlo.divide" } else { "stablehlo.remainder" };
                self.binary(op, &a, &b)
            }
        })
    }
}

//! Builds StableHLO through the IR layer (`edge_dialects::mlir`): lowerings call the
//! builders here, which create ops at the end of the function's body block, each at
//! the location of the ATen node being lowered. Attribute dictionaries are passed as
//! text (`dimensions = array<i64: 0>`) and parsed once per distinct text; constants are
//! built from bytes, never from text; weights are `dense_resource` constants over the
//! archive's bytes.

use super::sym::{Expr, SymDim};
use edge_dialects::ir::{ElemTy, TensorTy, DYN};
use edge_dialects::mlir::{Attribute, Block, Context, Location, Op, Rewriter, Type, Value};
use std::collections::HashMap;

/// A value the emitter made, and its type. Lifetime-free: it indexes the emitter's
/// table of MLIR values (`Emitter::value`).
#[derive(Debug, Clone)]
pub struct Val {
    id: usize,
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

/// A float literal MLIR parses back to the same value (hex for non-finite values), for
/// float attributes written as text.
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

/// The bytes of `v` as one element of `elem` (`elements::constant_bytes` layout), the
/// value MLIR's parser gave the literal the importer used to write (`float_literal`, or
/// the integer `v as i64`, or `true`/`false`): floats rounded to nearest, ties to even
/// (non-finite ones with the bits `float_literal` spells); integers truncated toward
/// zero and required to fit (a signless iN holds -2^(N-1)..2^N-1, an unsigned one
/// 0..2^N-1); bools true for any non-zero value.
pub fn scalar_bytes(v: f64, elem: &ElemTy) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(8);
    push_scalar(&mut out, v, elem)?;
    Ok(out)
}

/// Appends `scalar_bytes(v, elem)` to `out`.
fn push_scalar(out: &mut Vec<u8>, v: f64, elem: &ElemTy) -> Result<(), String> {
    match elem {
        ElemTy::F32 => out.extend_from_slice(&(v as f32).to_le_bytes()),
        ElemTy::F64 => out.extend_from_slice(&v.to_le_bytes()),
        ElemTy::F16 if v.is_finite() => out.extend_from_slice(&(round_float(v, 5, 10) as u16).to_le_bytes()),
        ElemTy::F16 => out.extend_from_slice(&half::f16::from_f64(v).to_bits().to_le_bytes()),
        ElemTy::BF16 if v.is_finite() => out.extend_from_slice(&(round_float(v, 8, 7) as u16).to_le_bytes()),
        ElemTy::BF16 => out.extend_from_slice(&half::bf16::from_f64(v).to_bits().to_le_bytes()),
        ElemTy::I(1) => out.push((v != 0.0) as u8),
        ElemTy::I(w) | ElemTy::U(w) if matches!(w, 8 | 16 | 32 | 64) => {
            let i = v as i64;
            let unsigned = matches!(elem, ElemTy::U(_));
            let fits = match *w {
                64 => !unsigned || i >= 0,
                w if unsigned => i >= 0 && i < 1 << w,
                w => i >= -(1 << (w - 1)) && i < 1 << w,
            };
            if !fits {
                return Err(format!("the constant {i} does not fit in {elem}"));
            }
            out.extend_from_slice(&i.to_le_bytes()[..*w as usize / 8]);
        }
        other => return Err(format!("a constant of element type {other} cannot be built from a number")),
    }
    Ok(())
}

/// The bits of the finite `v` in the binary floating-point format with `exp_bits`
/// exponent and `man_bits` mantissa bits (f16: 5, 10; bf16: 8, 7), rounded to nearest,
/// ties to even, overflowing to infinity: what LLVM's `APFloat::convert` gives, with one
/// rounding (`half`'s `from_f64` may round twice, through f32).
pub fn round_float(v: f64, exp_bits: u32, man_bits: u32) -> u64 {
    let sign = (v.to_bits() >> 63) << (exp_bits + man_bits);
    let a = v.abs();
    if a == 0.0 {
        return sign;
    }
    let bias = (1i64 << (exp_bits - 1)) - 1;
    let min_exp = 1 - bias;
    // floor(log2 a), exact from the bits (a subnormal f64 is far below any target's range).
    let biased = ((a.to_bits() >> 52) & 0x7FF) as i64;
    let e = if biased == 0 { -1023 } else { biased - 1023 };
    // The target's unit in the last place at a's binade (the subnormal one below min_exp).
    let ulp_exp = e.max(min_exp) - man_bits as i64;
    // a / 2^ulp_exp and its rounding are exact in f64: a power-of-two scaling, then an
    // integer below 2^54.
    let q = (a * 2f64.powi(-ulp_exp as i32)).round_ties_even() as u64;
    if q == 0 {
        return sign;
    }
    // q * 2^ulp_exp: q has man_bits + 1 bits for a normal result, man_bits + 2 after
    // rounding up to the next binade, fewer for a subnormal one.
    let top = 63 - q.leading_zeros() as i64;
    let exp = top + ulp_exp;
    let max_field = (1i64 << exp_bits) - 1;
    if exp < min_exp {
        return sign | q;
    }
    let field = exp + bias;
    if field >= max_field {
        return sign | ((max_field as u64) << man_bits);
    }
    // The implicit leading bit goes (q is exactly 2^(man_bits + 1) when top is one more).
    sign | ((field as u64) << man_bits) | (q & ((1 << man_bits) - 1))
}

/// Bytes a static tensor of type `t` holds.
fn expected_bytes(t: &TensorTy) -> Option<usize> {
    (t.num_elements()? as usize).checked_mul(t.elem.byte_width()?)
}

/// The most elements one tensor built at import may have (2^31), unless raised.
pub const DEFAULT_MAX_TENSOR_ELEMENTS: u64 = 1 << 31;
/// The most bytes of constant data the importer may materialize for one constant
/// (64 MiB), unless raised. Weights are mapped from the archive, not materialized. Such a
/// constant is built from bytes: while it is built it costs the lowering's table (f64
/// values for float tables, i64 for index tables) plus its bytes, which the context
/// takes over without a copy from `OWNED_CONSTANT_BYTES` on: at most about 3 times its
/// bytes (the 192 MiB averaging matrix of
/// `fuzz/regressions/pt2/adaptive-pool2d-averaging-matrix-192mb.pt2` imports at a peak
/// of 0.6 GB; through MLIR text it took 5.6 GB, and a 384 MiB one 7.8 GB). The default
/// bounds what one archive can make the importer compute.
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

/// Constants of at least this many bytes are `dense_resource` blobs the context takes
/// over (`Context::owned_constant`: no copy, no hash); smaller ones are `dense`
/// attributes (copied once into the context, printed inline).
pub const OWNED_CONSTANT_BYTES: usize = 1 << 20;

/// Builds a function body through the IR layer: each op is created at the end of the
/// current block (the function's body, or a region's block while `op_with_region`
/// builds it) with the current location, and its results enter the emitter's table of
/// values, which `Val`s index.
pub struct Emitter<'c> {
    context: Context<'c>,
    rw: Rewriter<'c>,
    /// Where new ops go.
    block: Block<'c>,
    /// Every value made so far; `Val::id` indexes it.
    values: Vec<Value<'c>>,
    /// MLIR types by their text (`None`: the text does not parse).
    types: HashMap<String, Option<Type<'c>>>,
    /// Parsed attribute dictionaries by their text (`None`: it does not parse).
    attrs: HashMap<String, Option<Vec<(&'c str, Attribute<'c>)>>>,
    next: usize,
    /// The location new ops get: the ATen node being lowered (`loc("relu"("m.py":3:1))`).
    pub loc: Location<'c>,
    /// Size symbols (`s77`) as 0-d i32 values read from the inputs that define them.
    pub syms: HashMap<String, Val>,
    /// The size expression of each named symbolic integer of the graph (`sym_size_int_1`,
    /// the result of `_operator.mul`...): what a node argument naming one stands for.
    pub sym_ints: HashMap<String, Expr>,
    /// Input dims whose size is a derived expression (`8*s39`), read from the input:
    /// that expression is evaluated as the read, not rebuilt from its symbol.
    pub input_sizes: Vec<(Expr, Val)>,
    /// Each size symbol's range (torch.export's range constraints).
    pub sym_ranges: HashMap<String, (Option<i64>, Option<i64>)>,
    /// The recorded symbolic sizes of every tensor of the graph with a dynamic dim.
    pub sym_sizes: HashMap<String, Vec<SymDim>>,
    /// `get_dimension_size` results by (value, dim).
    dim_sizes: HashMap<(usize, usize), Val>,
    /// The symbolic sizes of the current node's tensors, by their static pattern
    /// (`[-1, 8]`): what a `?` dimension of a shape the lowering asks for stands for.
    dynamic_shapes: Vec<(Vec<i64>, Vec<SymDim>)>,
    /// Per entry of `dynamic_shapes`: the tensor's name and whether it is a result.
    dynamic_names: Vec<(String, bool)>,
    /// Problems found while emitting the current node (a dynamic shape with no known
    /// size, a tensor over the size limit, a constant its type cannot hold); the driver
    /// turns them into a lowering error.
    pub errors: Vec<String>,
    /// Bounds on what the importer builds; every result type is checked against them.
    pub limits: Limits,
}

impl<'c> Emitter<'c> {
    /// An emitter appending to `block` (a function's body).
    pub fn new(context: Context<'c>, block: Block<'c>, limits: Limits) -> Self {
        let mut rw = Rewriter::new(context);
        rw.set_insertion_end(block);
        Emitter {
            context,
            rw,
            block,
            values: Vec::new(),
            types: HashMap::new(),
            attrs: HashMap::new(),
            next: 0,
            loc: context.unknown_location(),
            syms: HashMap::new(),
            sym_ints: HashMap::new(),
            sym_sizes: HashMap::new(),
            input_sizes: Vec::new(),
            sym_ranges: HashMap::new(),
            dim_sizes: HashMap::new(),
            dynamic_shapes: Vec::new(),
            dynamic_names: Vec::new(),
            errors: Vec::new(),
            limits,
        }
    }

    pub fn context(&self) -> Context<'c> {
        self.context
    }

    /// A name no graph value has (`%v7`), for values a lowering adds to the environment.
    pub fn fresh(&mut self) -> String {
        self.next += 1;
        format!("%v{}", self.next)
    }

    /// `loc("name")`.
    pub fn name_loc(&self, name: &str) -> Location<'c> {
        self.context.name_location(name, self.context.unknown_location())
    }

    /// `loc("name"("file":line:1))`.
    pub fn source_loc(&self, name: &str, file: &str, line: u32) -> Location<'c> {
        self.context.name_location(name, self.context.file_line_col(file, line, 1))
    }

    /// The MLIR value `v` stands for.
    pub fn value(&self, v: &Val) -> Value<'c> {
        *self.values.get(v.id).unwrap_or_else(|| panic!("value #{} is not from this emitter", v.id))
    }

    fn push(&mut self, value: Value<'c>, ty: TensorTy) -> Val {
        self.values.push(value);
        Val { id: self.values.len() - 1, ty }
    }

    /// Appends an argument of type `ty` at `loc` to the current block (a function's
    /// input; the caller sets the function's type once all are known).
    pub fn argument(&mut self, ty: &TensorTy, loc: Location<'c>) -> Val {
        let t = self.mlir_type(ty);
        let arg = self.block.add_argument(t, loc);
        self.push(arg, ty.clone())
    }

    /// The MLIR type of `t`; one that cannot be built is recorded in `errors` and stands
    /// in as `none`, so the node still lowers to the end and reports it.
    pub fn mlir_type(&mut self, t: &TensorTy) -> Type<'c> {
        self.try_type(t).unwrap_or_else(|| {
            self.errors.push(format!("the type {t} cannot be built"));
            self.context.none_type()
        })
    }

    /// The MLIR type of `t`, if it can be built (a quantized type's parameters come
    /// from the archive).
    fn try_type(&mut self, t: &TensorTy) -> Option<Type<'c>> {
        let context = self.context;
        *self.types.entry(t.to_string()).or_insert_with_key(|text| context.parse_type(text))
    }

    /// The entries of the attribute dictionary `{text}`; text that does not parse is
    /// recorded in `errors`.
    fn attributes(&mut self, name: &str, text: &str) -> Vec<(&'c str, Attribute<'c>)> {
        if text.is_empty() {
            return Vec::new();
        }
        if let Some(known) = self.attrs.get(text) {
            if let Some(entries) = known {
                return entries.clone();
            }
            self.errors.push(format!("the attributes of '{name}' do not parse: {{{text}}}"));
            return Vec::new();
        }
        let dict = format!("{{{text}}}");
        // The checks `parse_module` makes on text before MLIR's parser sees it.
        let parsed = match edge_dialects::context::precheck(&dict) {
            Ok(()) => self.context.parse_attr(&dict).and_then(|a| a.dictionary_entries()),
            Err(_) => None,
        };
        self.attrs.insert(text.to_string(), parsed);
        self.attributes(name, text)
    }

    /// Creates op `name` with `regions` empty regions at the end of the current block.
    fn create(&mut self, name: &str, operands: &[&Val], attrs: &str, results: &[TensorTy], regions: usize) -> Op<'c> {
        self.check_results(name, results);
        let operands: Vec<Value<'c>> = operands.iter().map(|v| self.value(v)).collect();
        let types: Vec<Type<'c>> = results.iter().map(|t| self.mlir_type(t)).collect();
        let attrs = self.attributes(name, attrs);
        self.rw.create_with_regions(self.loc, name, &operands, &types, &attrs, regions)
    }

    fn results_of(&mut self, op: Op<'c>, results: &[TensorTy]) -> Vec<Val> {
        results.iter().enumerate().map(|(i, t)| self.push(op.result(i), t.clone())).collect()
    }

    /// Creates `"name"(operands) {attrs} : (types) -> result` and returns the result.
    /// `attrs` is the text of the attribute dictionary's entries
    /// (`dimensions = array<i64: 0>`).
    pub fn op(&mut self, name: &str, operands: &[&Val], attrs: &str, result: TensorTy) -> Val {
        self.op_multi(name, operands, attrs, &[result]).pop().expect("one result")
    }

    /// Like `op` with any number of results.
    pub fn op_multi(&mut self, name: &str, operands: &[&Val], attrs: &str, results: &[TensorTy]) -> Vec<Val> {
        let op = self.create(name, operands, attrs, results, 0);
        self.results_of(op, results)
    }

    /// Creates an op with one region of one block taking `block_args`; `build` fills
    /// the block (ops it creates go there) and returns what the block's
    /// `stablehlo.return` returns.
    pub fn op_with_region(
        &mut self,
        name: &str,
        operands: &[&Val],
        attrs: &str,
        results: &[TensorTy],
        block_args: &[TensorTy],
        build: impl FnOnce(&mut Self, &[Val]) -> Vec<Val>,
    ) -> Vec<Val> {
        let op = self.create(name, operands, attrs, results, 1);
        let outer = self.block;
        let arg_types: Vec<(Type<'c>, Location<'c>)> = block_args.iter().map(|t| (self.mlir_type(t), self.loc)).collect();
        let block = op.region(0).append_block(&arg_types);
        let args: Vec<Val> = block_args.iter().enumerate().map(|(i, t)| self.push(block.argument(i), t.clone())).collect();
        self.block = block;
        self.rw.set_insertion_end(block);
        let rets = build(self, &args);
        let refs: Vec<&Val> = rets.iter().collect();
        self.op_multi("stablehlo.return", &refs, "", &[]);
        self.block = outer;
        self.rw.set_insertion_end(outer);
        self.results_of(op, results)
    }

    /// An op with one region whose block takes two scalar arguments and returns the
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
        let s = tensor(&[], scalar.clone());
        self.op_with_region(name, operands, attrs, results, &[s.clone(), s.clone()], |e, args| {
            vec![e.op(body_op, &[&args[0], &args[1]], "", s)]
        })
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

    // ----- constants ------------------------------------------------------------------

    /// A `stablehlo.constant` of type `t` holding `bytes` (`elements::constant_bytes`
    /// layout; one element's bytes make a splat). Large ones become blobs the context
    /// takes over (see `OWNED_CONSTANT_BYTES`).
    pub fn constant_from_bytes(&mut self, t: TensorTy, bytes: Vec<u8>) -> Val {
        self.check_results("stablehlo.constant", std::slice::from_ref(&t));
        let Some(ty) = self.try_type(&t) else {
            return self.failed_constant(t.clone(), format!("the type {t} cannot be built"));
        };
        let value = if t.elem.is_bool() {
            // Only splats: MLIR packs bool tensors by the bit.
            match bytes.as_slice() {
                [b] => Some(self.context.bool_splat(ty, *b != 0)),
                _ => None,
            }
        } else if bytes.len() >= OWNED_CONSTANT_BYTES && expected_bytes(&t) == Some(bytes.len()) {
            Some(self.context.owned_constant(ty, bytes))
        } else {
            self.context.dense_from_bytes(ty, &bytes)
        };
        let value = value.unwrap_or_else(|| {
            self.errors.push(format!("a constant of type {t} cannot hold the values it was given"));
            self.context.unit_attr()
        });
        self.constant(ty, value, t)
    }

    fn constant(&mut self, ty: Type<'c>, value: Attribute<'c>, t: TensorTy) -> Val {
        let op = self.rw.create_at(self.loc, "stablehlo.constant", &[], &[ty], &[("value", value)]);
        self.push(op.result(0), t)
    }

    /// A constant standing in for one that could not be built (the error is recorded):
    /// the node still lowers to its end and reports every error it finds.
    fn failed_constant(&mut self, t: TensorTy, error: String) -> Val {
        self.errors.push(error);
        let ty = self.try_type(&t).unwrap_or_else(|| self.context.none_type());
        let unit = self.context.unit_attr();
        self.constant(ty, unit, t)
    }

    /// A constant of `elem` and `shape` holding `values` (row-major), each rounded to
    /// `elem` as MLIR rounds a float literal.
    pub fn const_floats(&mut self, values: &[f64], elem: &ElemTy, shape: &[i64]) -> Val {
        let t = tensor(shape, elem.clone());
        if !elem.is_float() {
            return self.failed_constant(t.clone(), format!("a table of floats cannot be a constant of type {t}"));
        }
        let mut bytes = Vec::with_capacity(values.len() * elem.byte_width().unwrap_or(0));
        for &v in values {
            if let Err(e) = push_scalar(&mut bytes, v, elem) {
                return self.failed_constant(t, e);
            }
        }
        self.constant_from_bytes(t, bytes)
    }

    /// An i64 constant of `shape` holding `values` (row-major).
    pub fn const_i64s_shaped(&mut self, values: &[i64], shape: &[i64]) -> Val {
        let bytes: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        self.constant_from_bytes(tensor(shape, ElemTy::I(64)), bytes)
    }

    /// A constant named after graph input `input` whose value is a `dense_resource` over
    /// the stored bytes `bytes` holds (the archive's map, or a gathered copy), which
    /// the context keeps. `ty` is the constant's type; a quantized one stores its
    /// integers.
    pub fn weight(&mut self, resource: &str, ty: TensorTy, bytes: impl AsRef<[u8]> + Send + 'static) -> Val {
        let stored = match &ty.elem {
            ElemTy::Quant(q) => TensorTy { elem: q.storage(), ..ty.clone() },
            _ => ty.clone(),
        };
        let (Some(result), Some(stored)) = (self.try_type(&ty), self.try_type(&stored)) else {
            return self.failed_constant(ty.clone(), format!("the type {ty} cannot be built"));
        };
        let value = self.context.resource_constant(stored, resource, bytes);
        self.constant(result, value, ty)
    }

    // ----- builders -------------------------------------------------------------------

    /// A scalar constant broadcast to `shape` (a splat `dense` when the shape is static).
    pub fn splat(&mut self, v: f64, elem: &ElemTy, shape: &[i64]) -> Val {
        if shape.iter().all(|&d| d >= 0) {
            let t = tensor(shape, elem.clone());
            return match scalar_bytes(v, elem) {
                Ok(bytes) => self.constant_from_bytes(t, bytes),
                Err(e) => self.failed_constant(t, e),
            };
        }
        let s = self.splat(v, elem, &[]);
        self.broadcast_in_dim(&s, shape, &[])
    }

    /// A rank-1 i64 constant.
    pub fn const_i64s(&mut self, v: &[i64]) -> Val {
        if let Err(e) = self.limits.check_constant("an index constant", v.len() as u128, &ElemTy::I(64)) {
            self.errors.push(e);
        }
        self.const_i64s_shaped(v, &[v.len() as i64])
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

/// A tensor of the node being lowered that has dynamic dims: its graph name, recorded
/// sizes, and whether it is one of the node's results.
#[derive(Debug, Clone)]
pub struct NodeShape {
    pub name: String,
    pub dims: Vec<SymDim>,
    pub output: bool,
}

impl NodeShape {
    /// The static pattern (`[-1, 8]`) the sizes stand for.
    fn pattern(&self) -> Vec<i64> {
        self.dims.iter().map(|d| if let SymDim::Static(v) = d { *v } else { DYN }).collect()
    }
}

/// `[1, s27, 32]`.
pub fn dims_text(dims: &[SymDim]) -> String {
    let parts: Vec<String> = dims
        .iter()
        .map(|d| match d {
            SymDim::Static(n) => n.to_string(),
            SymDim::Dynamic(e) => e.sympy_text(),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// The element type of run-time sizes and shape tensors.
pub const SIZE: ElemTy = ElemTy::I(32);

impl Emitter<'_> {
    /// Starts a node: the symbolic sizes of its tensors with dynamic dims.
    pub fn set_dynamic_shapes(&mut self, shapes: Vec<NodeShape>) {
        self.dynamic_names = shapes.iter().map(|s| (s.name.clone(), s.output)).collect();
        self.dynamic_shapes = shapes.into_iter().map(|s| (s.pattern(), s.dims)).collect();
        self.errors.clear();
    }

    /// For a shape with `?` dims, the run-time sizes as a `tensor<Nxi64>`; `None` for a
    /// static shape. A `?` with no known meaning is recorded in `errors`.
    fn dynamic_sizes(&mut self, shape: &[i64]) -> Option<Val> {
        if shape.iter().all(|&d| d >= 0) {
            return None;
        }
        // A lowering builds towards its results: a pattern that both a result and an
        // operand have (a conv's `1x8x?x?` in and out) stands for the result's sizes.
        let matching = |outputs: bool| {
            self.dynamic_shapes
                .iter()
                .zip(&self.dynamic_names)
                .filter(move |((pattern, _), (_, output))| *output == outputs && pattern.as_slice() == shape)
                .map(|((_, dims), _)| dims)
        };
        let mut candidates = if matching(true).next().is_some() { matching(true) } else { matching(false) };
        let Some(first) = candidates.next().cloned() else {
            let dynamic: Vec<String> = shape.iter().enumerate().filter(|(_, &d)| d < 0).map(|(i, _)| i.to_string()).collect();
            let known: Vec<String> = self
                .dynamic_shapes
                .iter()
                .zip(&self.dynamic_names)
                .map(|((_, dims), (name, output))| format!("{} '{name}' {}", if *output { "result" } else { "operand" }, dims_text(dims)))
                .collect();
            self.errors.push(format!(
                "this lowering needs a tensor of shape {} whose dynamic dim(s) {} match none of the node's recorded shapes ({}); edge cannot compute its sizes here",
                ty(&tensor(shape, ElemTy::F32)).replace("xf32", ""),
                dynamic.join(", "),
                known.join(", ")
            ));
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

    /// A `tensor<Nxi32>` of the sizes `dims` describe. Sizes are i32 as in TFLite's
    /// shapes (its FLOOR_DIV, RESHAPE and SHAPE kernels have no i64 form for them).
    pub fn shape_tensor(&mut self, dims: &[SymDim]) -> Result<Val, String> {
        let mut parts = Vec::with_capacity(dims.len());
        for d in dims {
            let v = match d {
                SymDim::Static(n) => self.splat(*n as f64, &SIZE, &[]),
                SymDim::Dynamic(e) => self.eval(e)?,
            };
            parts.push(self.reshape(&v, &[1]));
        }
        let refs: Vec<&Val> = parts.iter().collect();
        Ok(self.op("stablehlo.concatenate", &refs, "dimension = 0 : i64", tensor(&[dims.len() as i64], SIZE)))
    }

    /// The run-time size of dimension `d` of `v`, a 0-d i32 (a constant when static).
    /// Each dynamic size is read once (values live in one block: the first read
    /// dominates every later use).
    pub fn dim_size(&mut self, v: &Val, d: usize) -> Val {
        match v.shape().get(d) {
            Some(&n) if n >= 0 => self.splat(n as f64, &SIZE, &[]),
            _ => {
                if let Some(s) = self.dim_sizes.get(&(v.id, d)) {
                    return s.clone();
                }
                let s = self.op("stablehlo.get_dimension_size", &[v], &format!("dimension = {d} : i64"), tensor(&[], SIZE));
                self.dim_sizes.insert((v.id, d), s.clone());
                s
            }
        }
    }

    /// `stablehlo.iota` along `dim` of a tensor of `shape` and `elem`; a shape with `?`
    /// dims is one of the node's recorded tensors (`dynamic_iota` of its sizes).
    pub fn iota(&mut self, shape: &[i64], dim: usize, elem: &ElemTy) -> Val {
        let t = tensor(shape, elem.clone());
        let attrs = format!("iota_dimension = {dim} : i64");
        match self.dynamic_sizes(shape) {
            Some(sizes) => self.op("stablehlo.dynamic_iota", &[&sizes], &attrs, t),
            None => self.op("stablehlo.iota", &[], &attrs, t),
        }
    }

    /// The run-time size of dim `d` of graph tensor `name` as recorded (a constant when
    /// static); `None` when the tensor has no dynamic dim recorded.
    pub fn recorded_size(&mut self, name: &str, d: usize) -> Option<Result<Val, String>> {
        let dim = self.sym_sizes.get(name)?.get(d)?.clone();
        Some(match dim {
            SymDim::Static(n) => Ok(self.splat(n as f64, &SIZE, &[])),
            SymDim::Dynamic(e) => self.eval(&e),
        })
    }

    /// The smallest and largest size of dim `d` of graph tensor `name` by the Dims'
    /// ranges (`None`: not known).
    pub fn recorded_bounds(&self, name: &str, d: usize) -> (Option<i64>, Option<i64>) {
        match self.sym_sizes.get(name).and_then(|dims| dims.get(d)) {
            Some(SymDim::Static(n)) => (Some(*n), Some(*n)),
            Some(SymDim::Dynamic(e)) => e.bounds(&|s: &str| self.sym_ranges.get(s).copied().unwrap_or((None, None))),
            None => (None, None),
        }
    }

    /// The value of the graph's symbolic integer `name` as a 0-d i32.
    pub fn sym_int(&mut self, name: &str) -> Result<Val, String> {
        let e = self.sym_ints.get(name).cloned().ok_or_else(|| format!("symbolic integer '{name}' has no recorded value"))?;
        self.eval(&e)
    }

    /// Emits the value of a size expression as a 0-d i32.
    pub fn eval(&mut self, e: &Expr) -> Result<Val, String> {
        // Parts without symbols are folded here (`-2 + s27`: one constant).
        if let Some(n) = e.constant() {
            return Ok(self.splat(n as f64, &SIZE, &[]));
        }
        if let Some((_, v)) = self.input_sizes.iter().find(|(k, _)| k == e) {
            return Ok(v.clone());
        }
        Ok(match e {
            Expr::Int(n) => self.splat(*n as f64, &SIZE, &[]),
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
            Expr::Real(..) => return Err(format!("size expression '{e}' is not an integer")),
        })
    }
}

// ----- dynamic shapes: shapes built from values -------------------------------------
// For intermediate tensors no node tensor describes (attention scores, a flattened
// matrix product, pooled means): their sizes are read from the values they come from,
// and nothing is emitted for a static shape (the static builders are used as before).

/// One size of a shape a lowering builds.
#[derive(Debug, Clone)]
pub enum Extent {
    Known(i64),
    /// Size `d` of a value, read when needed.
    Dim(Val, usize),
    /// A 0-d i32 computed at run time.
    Run(Val),
}

impl Extent {
    /// The static size, or `DYN`.
    pub fn known(&self) -> i64 {
        match self {
            Extent::Known(n) => *n,
            Extent::Dim(v, d) => v.shape().get(*d).copied().unwrap_or(-1),
            Extent::Run(_) => -1,
        }
    }
}

/// The static pattern of `ex` (`-1` for run-time sizes).
pub fn pattern(ex: &[Extent]) -> Vec<i64> {
    ex.iter().map(Extent::known).collect()
}

impl Emitter<'_> {
    /// Size `d` of `v` as an extent (known when static).
    pub fn extent(&self, v: &Val, d: usize) -> Extent {
        match v.shape().get(d) {
            Some(&n) if n >= 0 => Extent::Known(n),
            _ => Extent::Dim(v.clone(), d),
        }
    }

    /// Every size of `v` as extents.
    pub fn extents(&self, v: &Val) -> Vec<Extent> {
        (0..v.rank()).map(|d| self.extent(v, d)).collect()
    }

    /// The 0-d i32 value of `e`.
    pub fn extent_value(&mut self, e: &Extent) -> Val {
        match e {
            Extent::Known(n) => self.splat(*n as f64, &SIZE, &[]),
            Extent::Dim(v, d) => self.dim_size(v, *d),
            Extent::Run(v) => v.clone(),
        }
    }

    /// The product of `ex`: known when all are, else computed (the static factors
    /// folded into one constant).
    pub fn extent_product(&mut self, ex: &[Extent]) -> Extent {
        let known: i64 = ex.iter().map(Extent::known).filter(|&n| n >= 0).product();
        let dynamic: Vec<&Extent> = ex.iter().filter(|e| e.known() < 0).collect();
        if dynamic.is_empty() {
            return Extent::Known(known);
        }
        if dynamic.len() == 1 && known == 1 {
            return dynamic[0].clone();
        }
        let mut acc = self.extent_value(dynamic[0]);
        for e in &dynamic[1..] {
            let v = self.extent_value(e);
            acc = self.binary("stablehlo.multiply", &acc, &v);
        }
        if known != 1 {
            let k = self.splat(known as f64, &SIZE, &[]);
            acc = self.binary("stablehlo.multiply", &acc, &k);
        }
        Extent::Run(acc)
    }

    /// `a / k` for a positive constant `k` (sizes are non-negative: truncation is floor).
    pub fn extent_div(&mut self, a: &Extent, k: i64) -> Extent {
        match a.known() {
            n if n >= 0 => Extent::Known(n / k),
            _ if k == 1 => a.clone(),
            _ => {
                let v = self.extent_value(a);
                let kv = self.splat(k as f64, &SIZE, &[]);
                Extent::Run(self.binary("stablehlo.divide", &v, &kv))
            }
        }
    }

    /// A `tensor<Nxi32>` of the sizes `ex`.
    pub fn extents_tensor(&mut self, ex: &[Extent]) -> Val {
        let mut parts = Vec::with_capacity(ex.len());
        for e in ex {
            let v = self.extent_value(e);
            parts.push(self.reshape(&v, &[1]));
        }
        let refs: Vec<&Val> = parts.iter().collect();
        self.op("stablehlo.concatenate", &refs, "dimension = 0 : i64", tensor(&[ex.len() as i64], SIZE))
    }

    /// `v` reshaped to `ex` (`stablehlo.reshape` when static).
    pub fn reshape_ext(&mut self, v: &Val, ex: &[Extent]) -> Val {
        let shape = pattern(ex);
        if shape.iter().all(|&d| d >= 0) {
            return self.reshape(v, &shape);
        }
        // `v`'s own sizes: nothing to do.
        let own = |(i, e): (usize, &Extent)| match e {
            Extent::Known(n) => v.shape().get(i) == Some(n),
            Extent::Dim(w, d) => w.id == v.id && *d == i,
            Extent::Run(_) => false,
        };
        if ex.len() == v.rank() && ex.iter().enumerate().all(own) {
            return v.clone();
        }
        let sizes = self.extents_tensor(ex);
        self.op("stablehlo.dynamic_reshape", &[v, &sizes], "", tensor(&shape, v.elem().clone()))
    }

    /// `broadcast_in_dim` of `v` to `ex`.
    pub fn broadcast_in_dim_ext(&mut self, v: &Val, ex: &[Extent], dims: &[i64]) -> Val {
        let shape = pattern(ex);
        if shape.iter().all(|&d| d >= 0) {
            return self.broadcast_in_dim(v, &shape, dims);
        }
        let sizes = self.extents_tensor(ex);
        let attrs = format!("broadcast_dimensions = {}", i64_array(dims));
        self.op("stablehlo.dynamic_broadcast_in_dim", &[v, &sizes], &attrs, tensor(&shape, v.elem().clone()))
    }

    /// NumPy-style (trailing) broadcast of `v` to `ex`.
    pub fn broadcast_to_ext(&mut self, v: &Val, ex: &[Extent]) -> Val {
        let shape = pattern(ex);
        if v.shape() == shape.as_slice() && v.ty.is_static() {
            return v.clone();
        }
        let Some(offset) = ex.len().checked_sub(v.rank()) else {
            self.errors.push(format!("cannot broadcast a rank-{} value to rank {}", v.rank(), ex.len()));
            return v.clone();
        };
        let dims: Vec<i64> = (0..v.rank()).map(|i| (i + offset) as i64).collect();
        self.broadcast_in_dim_ext(v, ex, &dims)
    }

    /// A scalar broadcast to `ex`.
    pub fn splat_ext(&mut self, value: f64, elem: &ElemTy, ex: &[Extent]) -> Val {
        let shape = pattern(ex);
        if shape.iter().all(|&d| d >= 0) {
            return self.splat(value, elem, &shape);
        }
        let s = self.splat(value, elem, &[]);
        self.broadcast_in_dim_ext(&s, ex, &[])
    }

    /// A scalar of `elem` with `like`'s shape (read from `like` where dynamic).
    pub fn splat_like(&mut self, value: f64, elem: &ElemTy, like: &Val) -> Val {
        let ex = self.extents(like);
        self.splat_ext(value, elem, &ex)
    }

    /// `broadcast_in_dim` of `v` to `like`'s shape.
    pub fn broadcast_like(&mut self, v: &Val, like: &Val, dims: &[i64]) -> Val {
        let ex = self.extents(like);
        self.broadcast_in_dim_ext(v, &ex, dims)
    }

    /// An iota of `elem` along `dim` over `ex` (`stablehlo.dynamic_iota` when dynamic).
    pub fn iota_ext(&mut self, ex: &[Extent], dim: usize, elem: &ElemTy) -> Val {
        let shape = pattern(ex);
        let attrs = format!("iota_dimension = {dim} : i64");
        if shape.iter().all(|&d| d >= 0) {
            return self.op("stablehlo.iota", &[], &attrs, tensor(&shape, elem.clone()));
        }
        let sizes = self.extents_tensor(ex);
        self.op("stablehlo.dynamic_iota", &[&sizes], &attrs, tensor(&shape, elem.clone()))
    }

    /// Elements `[start, start + len)` of `v` along `dim` (`stablehlo.slice` when `v` is
    /// static, else `stablehlo.real_dynamic_slice` with the other dims' sizes read
    /// from `v`).
    pub fn slice_dim_ext(&mut self, v: &Val, dim: usize, start: i64, len: i64) -> Val {
        if v.ty.is_static() {
            return self.slice_dim(v, dim, start, len);
        }
        self.slice_range_ext(v, dim, &Extent::Known(start), &Extent::Known(start + len))
    }

    /// Elements `[start, limit)` of `v` along `dim`, bounds known or read at run time
    /// (`stablehlo.real_dynamic_slice`; the other dims whole).
    pub fn slice_range_ext(&mut self, v: &Val, dim: usize, start: &Extent, limit: &Extent) -> Val {
        let mut starts = vec![Extent::Known(0); v.rank()];
        starts[dim] = start.clone();
        let mut limits = self.extents(v);
        limits[dim] = limit.clone();
        let strides = vec![Extent::Known(1); v.rank()];
        let (s, l, st) = (self.extents_tensor(&starts), self.extents_tensor(&limits), self.extents_tensor(&strides));
        let mut shape = v.shape().to_vec();
        shape[dim] = match (start.known(), limit.known()) {
            (a, b) if a >= 0 && b >= 0 => b - a,
            _ => -1,
        };
        self.op("stablehlo.real_dynamic_slice", &[v, &s, &l, &st], "", tensor(&shape, v.elem().clone()))
    }

    /// The recorded symbolic sizes of the node tensor whose pattern is `v`'s, if one
    /// tensor (or several that agree) has it.
    pub fn symbolic_dims(&self, v: &Val) -> Option<Vec<SymDim>> {
        self.symbolic_dims_of(v.shape())
    }

    /// The recorded symbolic sizes of the node's tensor named `name` (an operand or a
    /// result with dynamic dims).
    pub fn recorded_dims(&self, name: &str) -> Option<Vec<SymDim>> {
        self.dynamic_names.iter().position(|(n, _)| n == name).map(|i| self.dynamic_shapes[i].1.clone())
    }

    /// The recorded symbolic sizes of the node tensor with static pattern `shape`, if
    /// one tensor (or several that agree) has it.
    pub fn symbolic_dims_of(&self, shape: &[i64]) -> Option<Vec<SymDim>> {
        let mut found = self.dynamic_shapes.iter().filter(|(p, _)| p.as_slice() == shape).map(|(_, s)| s);
        let first = found.next()?.clone();
        found.all(|s| *s == first).then_some(first)
    }

    /// `a + k` (known when `a` is).
    pub fn extent_add(&mut self, a: &Extent, k: i64) -> Extent {
        match a.known() {
            n if n >= 0 => Extent::Known(n + k),
            _ if k == 0 => a.clone(),
            _ => {
                let v = self.extent_value(a);
                let kv = self.splat(k as f64, &SIZE, &[]);
                Extent::Run(self.binary("stablehlo.add", &v, &kv))
            }
        }
    }
}

#[cfg(test)]
mod extent_tests {
    use super::*;
    use edge_dialects::context::edge_context;

    /// Runs `f` with an emitter on a fresh `@main` and returns the names of the ops it
    /// made, in order.
    fn emitted(f: impl for<'c> FnOnce(&mut Emitter<'c>, Context<'c>)) -> Vec<String> {
        let context = edge_context();
        let c = Context::of(&context);
        let module = melior::ir::Module::new(melior::ir::Location::unknown(&context));
        let mut rw = Rewriter::new(c);
        rw.set_insertion_end(Op::of_module(&module).body().expect("a module has a body"));
        let func = rw.create_func(c.unknown_location(), "main", &[], &[], &[]);
        let body = func.body().expect("a function has a body");
        let mut e = Emitter::new(c, body, Limits::default());
        f(&mut e, c);
        assert!(e.errors.is_empty(), "{:?}", e.errors);
        body.ops().into_iter().map(|o| o.name().to_string()).collect()
    }

    fn arg<'c>(e: &mut Emitter<'c>, c: Context<'c>, shape: &[i64]) -> Val {
        e.argument(&tensor(shape, ElemTy::F32), c.unknown_location())
    }

    /// Static shapes go through the static builders: the same ops as before, and no
    /// size is read.
    #[test]
    fn static_extents_emit_the_static_forms() {
        let ops = emitted(|e, c| {
            let x = arg(e, c, &[2, 3]);
            let ex = e.extents(&x);
            assert!(matches!(e.extent_product(&ex), Extent::Known(6)));
            let flat = e.reshape_ext(&x, &[Extent::Known(6)]);
            assert_eq!(flat.shape(), &[6]);
            let same = e.reshape_ext(&x, &ex);
            assert_eq!(same.shape(), x.shape());
            e.splat_like(1.0, &ElemTy::F32, &x);
            e.iota_ext(&ex, 1, &ElemTy::I(64));
        });
        assert_eq!(ops, ["stablehlo.reshape", "stablehlo.constant", "stablehlo.iota"]);
    }

    /// Unknown sizes are read from the value once; a shape of one's own sizes needs
    /// no op; the others are the dynamic StableHLO forms.
    #[test]
    fn dynamic_extents_read_sizes_from_values() {
        let ops = emitted(|e, c| {
            let x = arg(e, c, &[-1, 3]);
            let ex = e.extents(&x);
            assert!(matches!(ex[0], Extent::Dim(_, 0)) && matches!(ex[1], Extent::Known(3)));
            // One unknown factor and 1: that factor itself (no multiply).
            assert!(matches!(e.extent_product(&ex[..1]), Extent::Dim(_, 0)));
            let own = e.reshape_ext(&x, &ex);
            assert_eq!(own.shape(), x.shape());
            let n = e.extent_product(&ex);
            let flat = e.reshape_ext(&x, &[n]);
            assert_eq!(flat.shape(), &[-1]);
            let m = e.slice_dim_ext(&x, 1, 1, 2);
            assert_eq!(m.shape(), &[-1, 2]);
        });
        let count = |name: &str| ops.iter().filter(|o| *o == name).count();
        assert_eq!(count("stablehlo.get_dimension_size"), 1, "{ops:?}");
        assert_eq!(count("stablehlo.multiply"), 1, "{ops:?}");
        assert_eq!(count("stablehlo.dynamic_reshape"), 1, "{ops:?}");
        assert_eq!(count("stablehlo.real_dynamic_slice"), 1, "{ops:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use edge_dialects::context::edge_context;

    /// Values around the float formats' edges: ties, the double-rounding trap of going
    /// through f32 (1 + 2^-11 + 2^-40 is just above a tie of f16), subnormals,
    /// overflow, non-finite values, and pseudo-random ones.
    fn float_samples() -> Vec<f64> {
        let mut v = vec![
            0.0, -0.0, 1.0, -1.5, 0.1, 1e-5, 1.0 / 3.0, 65504.0, 65519.99, 65520.0, -65520.0, 1e10, 3.4e38, 1e39,
            5.960464477539063e-8, 2.9802322387695312e-8, 2.99e-8, 8.940696716308594e-8, 1e-40, 1e-300,
            1.0 + 2f64.powi(-11) + 2f64.powi(-40), 1.0 + 2f64.powi(-8) + 2f64.powi(-40),
            f64::INFINITY, f64::NEG_INFINITY, f64::NAN, f64::MAX, f64::MIN_POSITIVE,
        ];
        for m in 1024..1040 {
            v.push((m as f64 + 0.5) * 2f64.powi(-10));
            v.push((m as f64 + 0.5) * 2f64.powi(-24 - 10));
            v.push((m as f64 + 0.5) * 2f64.powi(-7));
        }
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Exponents within +-150 of 1: every format's range and beyond.
            let e = (x >> 52) % 300;
            v.push(f64::from_bits((x & 0x800F_FFFF_FFFF_FFFF) | ((873 + e) << 52)));
        }
        v
    }

    /// A constant built from `scalar_bytes` is the attribute MLIR's parser made of the
    /// literal the text importer wrote, or both fail.
    #[test]
    fn constants_from_bytes_are_the_parsed_literals() {
        let context = edge_context();
        // Out-of-range literals are parse errors: collected, not printed.
        let _quiet = edge_dialects::context::DiagnosticCollector::attach(&context);
        let c = Context::of(&context);
        for elem in [ElemTy::F16, ElemTy::BF16, ElemTy::F32, ElemTy::F64] {
            let ty = c.parse_type(&format!("tensor<{elem}>")).unwrap();
            for v in float_samples() {
                let parsed = c.parse_attr(&format!("dense<{}> : tensor<{elem}>", float_literal(v, &elem))).unwrap();
                let built = c.dense_from_bytes(ty, &scalar_bytes(v, &elem).unwrap()).unwrap();
                assert!(built == parsed, "{elem} {v:e}: built {built}, parsed {parsed}");
            }
        }
        let ints = [0i64, 1, -1, 127, 128, 255, 256, -128, -129, 65535, 65536, -32768, -32769, i32::MAX as i64, 1 << 31, 1 << 32, -(1 << 31), -(1 << 31) - 1, i64::MAX, i64::MIN];
        for elem in [ElemTy::I(8), ElemTy::U(8), ElemTy::I(16), ElemTy::U(16), ElemTy::I(32), ElemTy::U(32), ElemTy::I(64), ElemTy::U(64)] {
            let ty = c.parse_type(&format!("tensor<{elem}>")).unwrap();
            for &i in &ints {
                let parsed = c.parse_attr(&format!("dense<{i}> : tensor<{elem}>"));
                let built = scalar_bytes(i as f64, &elem).ok().map(|b| c.dense_from_bytes(ty, &b).unwrap());
                // `i as f64` rounds the largest ones: compare with the literal of the value passed.
                let parsed = if i as f64 as i64 == i { parsed } else { c.parse_attr(&format!("dense<{}> : tensor<{elem}>", i as f64 as i64)) };
                let show = |a: Option<Attribute>| a.map_or("an error".to_string(), |a| a.print());
                assert!(built == parsed, "{elem} {i}: built {}, parsed {}", show(built), show(parsed));
            }
        }
        let bool_ty = c.parse_type("tensor<2x3xi1>").unwrap();
        for (v, lit) in [(0.0, "false"), (1.0, "true"), (-2.5, "true"), (f64::NAN, "true")] {
            let bytes = scalar_bytes(v, &ElemTy::I(1)).unwrap();
            assert!(c.bool_splat(bool_ty, bytes[0] != 0) == c.parse_attr(&format!("dense<{lit}> : tensor<2x3xi1>")).unwrap(), "{v}");
        }
        assert!(scalar_bytes(1.0, &ElemTy::None).is_err());
    }

    #[test]
    fn f16_rounding_is_one_rounding_to_nearest_even() {
        // Just above the tie between 1 and 1 + 2^-10: up (through f32 it would tie down).
        assert_eq!(round_float(1.0 + 2f64.powi(-11) + 2f64.powi(-40), 5, 10), 0x3C01);
        assert_eq!(round_float(1.0 + 2f64.powi(-11), 5, 10), 0x3C00);
        assert_eq!(round_float(65520.0, 5, 10), 0x7C00);
        assert_eq!(round_float(-65519.0, 5, 10), 0xFBFF);
        assert_eq!(round_float(2f64.powi(-24), 5, 10), 0x0001);
        assert_eq!(round_float(2f64.powi(-25), 5, 10), 0x0000);
        assert_eq!(round_float(-3.0 * 2f64.powi(-25), 5, 10), 0x8002);
        assert_eq!(round_float(1.0, 8, 7), 0x3F80);
    }
}

//! `--mlir-to-tflite`: writes a module whose entry function holds `tfl.*` ops as a
//! TFLite flatbuffer.
//!
//! The layout follows the published format: `buffers[0]` is the empty sentinel,
//! identical constant data shares one buffer, operator codes carry the version each
//! op's types require (`deprecated_builtin_code = min(code, 127)`), every tensor is
//! named, a `serving_default` signature maps the entry function's inputs and outputs,
//! and `min_runtime_version` metadata holds the newest runtime any kernel needs; the
//! entry function's `edge.dynamic_dims` (Dim ranges) goes to `edge_dynamic_dims`.
//! The output depends only on the module, so the same module gives the same bytes.
//! Large buffers are not copied into the flatbuffer: `module_to_tflite_image` leaves
//! their place untouched and the file is written from the tables and the weights where
//! they lie.

use edge_dialects::elements::{constant_bytes, constant_bytes_in_place, sample_hash};
use std::borrow::Cow;
use super::dynamic_dims;
use super::enums::{elem_to_tensor_type, schema_enum_value};
use super::TranslateError;
use crate::schema::*;
use edge_dialects::catalog::{FieldSource, FieldTy, OptionsDef, TfliteDef, Trait, Weighted};
use edge_dialects::ir::{self, op_view, print_location, str_ref as sref, Attr, ElemTy, OpView, TensorTy};
use edge_dialects::verify::emit_error;
use edge_dialects::TFL;
use flatbuffers::{FlatBufferBuilder, UnionWIPOffset, WIPOffset};
use melior::ir::Module;
use mlir_sys::*;
use std::collections::HashMap;

/// What to write.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// The entry function; `main`, or the only function when there is one.
    pub entry: Option<String>,
    /// `Model.description`.
    pub description: String,
    /// The most bytes the file may take: `FLATBUFFER_MAX_BYTES`; lower only in tests.
    pub max_file_bytes: u64,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            entry: None,
            description: concat!("edge ", env!("CARGO_PKG_VERSION")).into(),
            max_file_bytes: FLATBUFFER_MAX_BYTES,
        }
    }
}

/// The most bytes a flatbuffer may take in the layout edge writes (all data inside the
/// flatbuffer): its offsets are signed 32-bit. Files past it (data after the flatbuffer,
/// `Buffer.offset`) are not written yet.
pub const FLATBUFFER_MAX_BYTES: u64 = (1 << 31) - 1;

/// What to do about a model too large for one flatbuffer.
pub const TOO_LARGE_HINT: &str = "shrink the weights with `edge-convert --quantize dynamic-int8` (int8, about a quarter \
     of the size) or `--quantize fp16` (about half); files past 2 GB are not supported yet (planned)";

/// Translates `module` to flatbuffer bytes. Problems are emitted as diagnostics at the
/// offending op and counted in the error.
pub fn module_to_tflite(module: &Module, options: &WriteOptions) -> Result<Vec<u8>, TranslateError> {
    module_to_tflite_image(module, options).map(|image| image.to_vec())
}

/// `module_to_tflite` without assembling the file in memory: the flatbuffer's tables,
/// and the weights borrowed from the module where they lie. Writing a model this way
/// copies each weight once (into the file) instead of three times.
pub fn module_to_tflite_image<'m>(
    module: &'m Module,
    options: &WriteOptions,
) -> Result<TfliteImage<'m>, TranslateError> {
    let func = entry_function(module.as_operation().to_raw(), options.entry.as_deref())?;
    // Before any constant is expanded or copied: a splat states a size it does not take.
    check_constant_sizes(func, options.max_file_bytes)?;
    let mut w = Writer::new(options);
    w.function(func)?;
    if w.errors > 0 {
        return Err(TranslateError::Diagnosed(w.errors));
    }
    tracing::debug!(
        tensors = w.tensors.len(),
        operators = w.operators.len(),
        buffers = w.buffers.len(),
        "writing flatbuffer"
    );
    let image = w.finish().map_err(|e| TranslateError::Message(format!("cannot allocate the flatbuffer: {e}")))?;
    // The tables and alignment come on top of the constants counted above.
    if image.len() as u64 > options.max_file_bytes {
        return Err(TranslateError::Message(format!(
            "the flatbuffer would take {} bytes, more than the {} a TFLite file can hold (its offsets are signed \
             32-bit); nothing was written: {TOO_LARGE_HINT}",
            image.len(),
            options.max_file_bytes
        )));
    }
    Ok(image)
}

/// The bytes constant type `ty` takes in a buffer (bools one byte each), `None` when its
/// shape is not static; `u64::MAX` stands for any size that overflows.
fn constant_byte_size(ty: &TensorTy) -> Option<u64> {
    let shape = ty.shape.as_ref()?;
    let elem = match &ty.elem {
        ElemTy::Quant(q) => if q.signed { ElemTy::I(q.storage_bits) } else { ElemTy::U(q.storage_bits) },
        e => e.clone(),
    };
    let width = elem.byte_width()? as u64;
    let mut n = width;
    for &d in shape {
        n = n.saturating_mul(u64::try_from(d).ok()?);
    }
    // INT4 is packed two a byte.
    if elem == ElemTy::I(4) && n != u64::MAX {
        n = n.div_ceil(2);
    }
    Some(n)
}

fn bytes_text(n: u64) -> String {
    if n == u64::MAX { "more than 2^64 bytes".into() } else { format!("{n} bytes") }
}

/// Refuses a constant, or constants in all, past `limit` bytes, from the types alone
/// (nothing is expanded): each too-large constant gets an error at its op; a total past
/// the limit is one error for the model.
fn check_constant_sizes(func: MlirOperation, limit: u64) -> Result<(), TranslateError> {
    let body = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)) };
    if body.ptr.is_null() {
        return Ok(());
    }
    let mut errors = 0;
    let mut total = 0u64;
    // Equal constants share an attribute (MLIR uniques them) and one buffer: count once.
    let mut seen = std::collections::HashSet::new();
    let mut op = unsafe { mlirBlockGetFirstOperation(body) };
    while !op.ptr.is_null() {
        let name = ir::op_name(op);
        if matches!(name.as_str(), "tfl.pseudo_const" | "arith.constant") && unsafe { mlirOperationGetNumResults(op) } == 1 {
            let ty = ir::type_from_mlir(unsafe { mlirValueGetType(mlirOperationGetResult(op, 0)) });
            let attr = unsafe { mlirOperationGetAttributeByName(op, sref("value")) };
            if let Some(size) = constant_byte_size(&ty) {
                if size > limit {
                    let loc = unsafe { mlirOperationGetLocation(op) };
                    emit_error(
                        loc,
                        &format!(
                            "'{name}' op holds {} ({ty}), more than the {limit} bytes a TFLite file can hold (its \
                             offsets are signed 32-bit, so no constant nor the whole file may pass 2 GB): {TOO_LARGE_HINT}",
                            bytes_text(size)
                        ),
                    );
                    errors += 1;
                } else if seen.insert(attr.ptr as usize) {
                    total = total.saturating_add(size);
                }
            }
        }
        op = unsafe { mlirOperationGetNextInBlock(op) };
    }
    if errors > 0 {
        return Err(TranslateError::Diagnosed(errors));
    }
    if total > limit {
        return Err(TranslateError::Message(format!(
            "the model's constants take {}, more than the {limit} bytes a TFLite file can hold (its offsets are \
             signed 32-bit, so the whole file may not pass 2 GB); nothing was written: {TOO_LARGE_HINT}",
            bytes_text(total)
        )));
    }
    Ok(())
}

/// A written flatbuffer: its tables, with the data of large buffers left out (zeros)
/// and kept beside them, borrowed from the module, to be put in place when the file is
/// written (`pieces`) or assembled (`to_vec`).
pub struct TfliteImage<'m> {
    tables: Anonymous,
    /// Where the flatbuffer starts in `tables`.
    head: usize,
    /// (offset in the flatbuffer, bytes) of each buffer left out, by offset.
    holes: Vec<(usize, Cow<'m, [u8]>)>,
}

impl TfliteImage<'_> {
    /// The flatbuffer's size in bytes.
    pub fn len(&self) -> usize {
        self.tables.len() - self.head
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The flatbuffer with the large buffers' data zeroed: every table and every small
    /// buffer is in place, so it parses and lists as the real file does.
    pub fn tables(&self) -> &[u8] {
        &self.tables[self.head..]
    }

    /// Consecutive pieces of the file: tables and buffer data, in order.
    pub fn pieces(&self) -> Vec<&[u8]> {
        let tables = self.tables();
        let mut out = Vec::with_capacity(2 * self.holes.len() + 1);
        let mut at = 0;
        for (offset, bytes) in &self.holes {
            out.push(&tables[at..*offset]);
            out.push(&bytes[..]);
            at = offset + bytes.len();
        }
        out.push(&tables[at..]);
        out
    }

    /// The whole file.
    pub fn to_vec(&self) -> Vec<u8> {
        self.pieces().concat()
    }
}

fn entry_function(module: MlirOperation, wanted: Option<&str>) -> Result<MlirOperation, TranslateError> {
    let mut funcs = Vec::new();
    unsafe {
        let body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
        let mut op = mlirBlockGetFirstOperation(body);
        while !op.ptr.is_null() {
            if ir::op_name(op) == "func.func" {
                let name = match ir::attr_from_mlir(mlirOperationGetAttributeByName(op, sref("sym_name"))) {
                    Attr::Str(s) => s,
                    _ => String::new(),
                };
                funcs.push((name, op));
            }
            op = mlirOperationGetNextInBlock(op);
        }
    }
    let names = || funcs.iter().map(|(n, _)| format!("@{n}")).collect::<Vec<_>>().join(", ");
    let want = wanted.unwrap_or("main");
    if let Some((_, f)) = funcs.iter().find(|(n, _)| n == want) {
        return Ok(*f);
    }
    match (wanted, funcs.as_slice()) {
        (None, [(_, f)]) => Ok(*f),
        (_, []) => Err(TranslateError::Message("the module has no func.func to translate".into())),
        _ => Err(TranslateError::Message(format!("no function @{want} in the module (it has {})", names()))),
    }
}


struct TensorInfo {
    name: String,
    ty: TensorTy,
    buffer: u32,
    /// A recurrent op's state (`Trait::StateOperands`).
    variable: bool,
}

struct OperatorInfo {
    opcode: u32,
    inputs: Vec<i32>,
    outputs: Vec<i32>,
    view: OpView,
    def: &'static TfliteDef,
}

struct Writer<'o, 'm> {
    options: &'o WriteOptions,
    /// Buffer contents (weights borrowed from the module where possible); index 0 is
    /// the empty sentinel.
    buffers: Vec<Cow<'m, [u8]>>,
    buffer_index: HashMap<u64, Vec<u32>>,
    tensors: Vec<TensorInfo>,
    tensor_of: HashMap<usize, i32>,
    opcodes: Vec<(BuiltinOperator, i32)>,
    operators: Vec<OperatorInfo>,
    inputs: Vec<(String, i32)>,
    outputs: Vec<(String, i32)>,
    min_runtime: Option<&'static str>,
    /// `edge.dynamic_dims` as the metadata's JSON.
    dynamic_dims: Option<String>,
    names: HashMap<String, usize>,
    errors: usize,
}

impl<'o, 'm> Writer<'o, 'm> {
    fn new(options: &'o WriteOptions) -> Self {
        Writer {
            options,
            buffers: vec![Cow::Borrowed(&[])],
            buffer_index: HashMap::new(),
            tensors: Vec::new(),
            tensor_of: HashMap::new(),
            opcodes: Vec::new(),
            operators: Vec::new(),
            inputs: Vec::new(),
            outputs: Vec::new(),
            min_runtime: None,
            dynamic_dims: None,
            names: HashMap::new(),
            errors: 0,
        }
    }

    fn error(&mut self, loc: MlirLocation, msg: &str) {
        emit_error(loc, msg);
        self.errors += 1;
    }

    /// A unique tensor name: `base`, or `base_1`, `base_2`... when taken.
    fn unique_name(&mut self, base: String) -> String {
        let n = self.names.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}_{}", *n - 1) }
    }

    fn add_buffer(&mut self, bytes: Cow<'m, [u8]>) -> u32 {
        let key = sample_hash(&bytes);
        let candidates = self.buffer_index.entry(key).or_default();
        if let Some(&i) = candidates.iter().find(|&&i| *self.buffers[i as usize] == *bytes) {
            return i;
        }
        let i = self.buffers.len() as u32;
        candidates.push(i);
        self.buffers.push(bytes);
        i
    }

    fn add_tensor(&mut self, value: MlirValue, name: String, buffer: u32, loc: MlirLocation) -> i32 {
        let ty = ir::type_from_mlir(unsafe { mlirValueGetType(value) });
        if !ty.is_tensor || ty.shape.is_none() || elem_to_tensor_type(&ty.elem).is_none() {
            self.error(loc, &format!("cannot write a value of type {ty} to a TFLite tensor: it must be a ranked tensor of a TFLite element type"));
        }
        let index = self.tensors.len() as i32;
        let name = self.unique_name(name);
        self.tensors.push(TensorInfo { name, ty, buffer, variable: false });
        self.tensor_of.insert(value.ptr as usize, index);
        index
    }

    fn function(&mut self, func: MlirOperation) -> Result<(), TranslateError> {
        let (in_names, out_names) = entry_names(func);
        let body = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)) };
        if body.ptr.is_null() {
            return Err(TranslateError::Message("the entry function has no body".into()));
        }
        let func_loc = unsafe { mlirOperationGetLocation(func) };
        for i in 0..unsafe { mlirBlockGetNumArguments(body) } {
            let arg = unsafe { mlirBlockGetArgument(body, i) };
            let name = in_names.get(i as usize).cloned().unwrap_or_else(|| format!("arg{i}"));
            let t = self.add_tensor(arg, name.clone(), 0, func_loc);
            self.inputs.push((name, t));
        }
        match dynamic_dims::from_function(func) {
            Ok(Some(dims)) => self.dynamic_dims(func_loc, &dims),
            Ok(None) => {}
            Err(e) => self.error(func_loc, &e),
        }
        let mut op = unsafe { mlirBlockGetFirstOperation(body) };
        let mut counter = 0usize;
        while !op.ptr.is_null() {
            self.operation(op, &out_names, &mut counter);
            op = unsafe { mlirOperationGetNextInBlock(op) };
        }
        if self.outputs.is_empty() && self.errors == 0 {
            return Err(TranslateError::Message("the entry function has no func.return".into()));
        }
        Ok(())
    }

    /// Checks the Dim ranges against the inputs (each names an input and one of its
    /// dynamic dims) and keeps them for the metadata.
    fn dynamic_dims(&mut self, loc: MlirLocation, dims: &dynamic_dims::DynamicDims) {
        let attr = dynamic_dims::ATTR;
        let names: Vec<String> = self.inputs.iter().map(|(n, _)| n.clone()).collect();
        for (name, ds) in dims {
            let Some(&(_, t)) = self.inputs.iter().find(|(n, _)| n == name) else {
                let inputs = names.join(", ");
                let message = format!("'{attr}' names input '{name}', which the function does not have (inputs: {inputs})");
                self.error(loc, &message);
                continue;
            };
            let shape = self.tensors[t as usize].ty.dims().to_vec();
            for d in ds {
                let (dim, expr, rank) = (d.dim, &d.expr, shape.len());
                match usize::try_from(dim).ok().and_then(|i| shape.get(i)) {
                    Some(&size) if size < 0 => {}
                    Some(&size) => self.error(
                        loc,
                        &format!("'{attr}' says dim {dim} of input '{name}' is dynamic ({expr}), but its type has {size} there"),
                    ),
                    None => self.error(loc, &format!("'{attr}' names dim {dim} of input '{name}', which has rank {rank}")),
                }
            }
        }
        self.dynamic_dims = Some(dynamic_dims::to_json(dims, &names));
    }

    fn operation(&mut self, op: MlirOperation, out_names: &[String], counter: &mut usize) {
        let name = ir::op_name(op);
        let loc = unsafe { mlirOperationGetLocation(op) };
        let n_results = unsafe { mlirOperationGetNumResults(op) };
        match name.as_str() {
            "func.return" => {
                for i in 0..unsafe { mlirOperationGetNumOperands(op) } {
                    let v = unsafe { mlirOperationGetOperand(op, i) };
                    let Some(&t) = self.tensor_of.get(&(v.ptr as usize)) else {
                        self.error(loc, "returns a value that is not a tensor of the function");
                        continue;
                    };
                    if t < 0 {
                        self.error(loc, "cannot return 'tfl.no_value'");
                        continue;
                    }
                    let out = out_names.get(i as usize).cloned().unwrap_or_else(|| format!("output_{i}"));
                    self.outputs.push((out, t));
                }
                return;
            }
            "tfl.no_value" => {
                let r = unsafe { mlirOperationGetResult(op, 0) };
                self.tensor_of.insert(r.ptr as usize, -1);
                return;
            }
            "tfl.pseudo_const" | "arith.constant" => {
                let r = unsafe { mlirOperationGetResult(op, 0) };
                let attr = unsafe { mlirOperationGetAttributeByName(op, sref("value")) };
                let ty = ir::type_from_mlir(unsafe { mlirValueGetType(r) });
                let bytes = if attr.ptr.is_null() {
                    Err("requires attribute 'value'".to_string())
                } else if elem_to_tensor_type(&ty.elem) == Some(TensorType::INT4) {
                    // MLIR holds an i4 a byte; TFLite packs two a byte.
                    constant_bytes(attr, &ty).map(|b| Cow::Owned(pack_int4(&b)))
                } else {
                    // SAFETY: the module (and the context holding its attributes) outlives
                    // the writer.
                    match unsafe { constant_bytes_in_place(attr, &ty) } {
                        Some(b) => Ok(Cow::Borrowed(b)),
                        None => constant_bytes(attr, &ty).map(Cow::Owned),
                    }
                };
                match bytes {
                    Ok(bytes) => {
                        let buffer = self.add_buffer(bytes);
                        *counter += 1;
                        let tname = value_name(loc).unwrap_or_else(|| format!("const_{counter}"));
                        self.add_tensor(r, tname, buffer, loc);
                    }
                    Err(e) => self.error(loc, &format!("'{name}' op {e}")),
                }
                return;
            }
            _ => {}
        }
        let Some(def) = TFL.lookup(&name) else {
            self.error(loc, &format!("'{name}' op cannot be written to a TFLite flatbuffer: only tfl ops can (run the legalization passes first)"));
            return;
        };
        let Some(tfl) = def.tflite.as_ref() else {
            self.error(loc, &format!("'{name}' op has no TFLite builtin"));
            return;
        };
        let Some(builtin) = BuiltinOperator::ENUM_VALUES.iter().copied().find(|b| b.variant_name() == Some(tfl.builtin)) else {
            self.error(loc, &format!("'{name}' op names unknown builtin '{}'", tfl.builtin));
            return;
        };
        let view = op_view(op);
        let version = (tfl.version)(&view);
        if let Some(rt) = tfl.runtime_versions.get((version - 1).max(0) as usize) {
            if self.min_runtime.is_none_or(|m| version_less(m, rt)) {
                self.min_runtime = Some(rt);
            }
        }
        let opcode = match self.opcodes.iter().position(|&(b, v)| b == builtin && v == version) {
            Some(i) => i as u32,
            None => {
                self.opcodes.push((builtin, version));
                (self.opcodes.len() - 1) as u32
            }
        };
        let mut inputs = Vec::new();
        for i in 0..unsafe { mlirOperationGetNumOperands(op) } {
            let v = unsafe { mlirOperationGetOperand(op, i) };
            match self.tensor_of.get(&(v.ptr as usize)) {
                Some(&t) => inputs.push(t),
                None => {
                    self.error(loc, &format!("'{name}' op operand #{i} is not defined by an op of the entry block"));
                    return;
                }
            }
        }
        // Kernels that require a bias (an absent one fails at Prepare) get zeros.
        let needs_bias = def.weighted().filter(|_| def.has(Trait::RequiresBias));
        if let Some(w) = needs_bias.filter(|w| inputs.get(w.bias).is_none_or(|&b| b < 0)) {
            match zero_bias(&view, w) {
                Ok((ty, bytes)) => {
                    let buffer = self.add_buffer(Cow::Owned(bytes));
                    let tname = self.unique_name(format!("{}_zero_bias", value_name(loc).unwrap_or_else(|| "conv".into())));
                    inputs.truncate(w.bias);
                    inputs.push(self.tensors.len() as i32);
                    self.tensors.push(TensorInfo { name: tname, ty, buffer, variable: false });
                }
                Err(e) => {
                    self.error(loc, &format!("'{name}' op {e}"));
                    return;
                }
            }
        }
        if let Some(states) = def.state_operands() {
            for &k in states {
                if let Err(e) = self.fresh_state(&mut inputs, k, loc) {
                    self.error(loc, &format!("'{name}' op {e}"));
                    return;
                }
            }
        }
        let base = value_name(loc);
        let mut outputs = Vec::new();
        for i in 0..n_results {
            *counter += 1;
            let r = unsafe { mlirOperationGetResult(op, i) };
            let short = name.trim_start_matches("tfl.");
            let tname = match (&base, n_results) {
                (Some(b), 1) => b.clone(),
                (Some(b), _) => format!("{b}:{i}"),
                (None, _) => format!("{short}_{counter}"),
            };
            outputs.push(self.add_tensor(r, tname, 0, loc));
        }
        self.operators.push(OperatorInfo { opcode, inputs, outputs, view, def: tfl });
    }

    /// Makes state operand `k` a fresh variable tensor that `ADD(value, zeros)` fills
    /// just before the op (`Trait::StateOperands`): LiteRT's kernel overwrites the
    /// variable with the final state, and the ADD runs first on every invoke.
    fn fresh_state(&mut self, inputs: &mut [i32], k: usize, loc: MlirLocation) -> Result<(), String> {
        let src = *inputs.get(k).filter(|&&t| t >= 0).ok_or_else(|| format!("state operand #{k} must be a tensor"))?;
        let ty = self.tensors[src as usize].ty.clone();
        let count = ty.dims().iter().try_fold(1u64, |n, &d| u64::try_from(d).ok().and_then(|d| n.checked_mul(d))).ok_or_else(|| format!("state operand #{k} must have a static shape, got {ty}"))?;
        if ty.elem != ElemTy::F32 {
            return Err(format!("state operand #{k} must be f32, got {ty}"));
        }
        let add = TFL.lookup("tfl.add").and_then(|d| d.tflite.as_ref()).ok_or("has no tfl.add to fill its state with")?;
        let bytes = usize::try_from(count).ok().and_then(|n| n.checked_mul(4)).ok_or("has a state too large")?;
        let zeros = self.add_buffer(Cow::Owned(vec![0u8; bytes]));
        let base = value_name(loc).unwrap_or_else(|| "state".into());
        let zero_t = self.tensors.len() as i32;
        let name = self.unique_name(format!("{base}_state{k}_zeros"));
        self.tensors.push(TensorInfo { name, ty: ty.clone(), buffer: zeros, variable: false });
        let var_t = self.tensors.len() as i32;
        let name = self.unique_name(format!("{base}_state{k}"));
        self.tensors.push(TensorInfo { name, ty: ty.clone(), buffer: 0, variable: true });
        let opcode = match self.opcodes.iter().position(|&(b, v)| b == BuiltinOperator::ADD && v == 1) {
            Some(i) => i as u32,
            None => {
                self.opcodes.push((BuiltinOperator::ADD, 1));
                (self.opcodes.len() - 1) as u32
            }
        };
        let view = OpView {
            name: "tfl.add".into(),
            operands: vec![ty.clone(), ty.clone()],
            operand_consts: vec![None, None],
            results: vec![ty],
            attrs: [("fused_activation_function".to_string(), Attr::Str("NONE".into()))].into_iter().collect(),
            num_regions: 0,
        };
        self.operators.push(OperatorInfo { opcode, inputs: vec![src, zero_t], outputs: vec![var_t], view, def: add });
        inputs[k] = var_t;
        Ok(())
    }

    fn finish(self) -> std::io::Result<TfliteImage<'m>> {
        // Room for every buffer, its alignment and length, and the tables: untouched
        // pages of an anonymous map cost nothing, so a generous guess is free, while a
        // short one would copy everything written so far.
        let data: usize = self.buffers.iter().map(|b| b.len() + 32).sum();
        let names: usize = self.names.keys().map(String::len).sum();
        let tables = 256 * (self.tensors.len() + self.operators.len()) + 64 * names;
        let mut fbb = FlatBufferBuilder::new_in(Anonymous::new(data + tables + (1 << 20))?);

        // Buffers: data aligned to 16 bytes so runtimes can use it in place. Large ones
        // are left as holes, filled from the module when the file is written.
        let mut buffers = Vec::with_capacity(self.buffers.len() + 1);
        let mut holes = Vec::new();
        for (i, b) in self.buffers.iter().enumerate() {
            let data = if b.is_empty() {
                None
            } else if b.len() >= HOLE_MIN_BYTES {
                let v = fbb.create_vector(Hole::slice(b.len()));
                holes.push((v.value() as usize, i));
                Some(v)
            } else {
                Some(fbb.create_vector(AlignedByte::slice(b)))
            };
            buffers.push(Buffer::create(&mut fbb, &BufferArgs { data, ..Default::default() }));
        }
        let mut metadata = Vec::new();
        if let Some(rt) = self.min_runtime {
            let mut bytes = rt.as_bytes().to_vec();
            bytes.resize(16.max(bytes.len()), 0);
            let data = Some(fbb.create_vector(&bytes));
            let index = buffers.len() as u32;
            buffers.push(Buffer::create(&mut fbb, &BufferArgs { data, ..Default::default() }));
            let name = Some(fbb.create_string("min_runtime_version"));
            metadata.push(Metadata::create(&mut fbb, &MetadataArgs { name, buffer: index }));
        }
        if let Some(json) = &self.dynamic_dims {
            let data = Some(fbb.create_vector(json.as_bytes()));
            let index = buffers.len() as u32;
            buffers.push(Buffer::create(&mut fbb, &BufferArgs { data, ..Default::default() }));
            let name = Some(fbb.create_string(dynamic_dims::METADATA));
            metadata.push(Metadata::create(&mut fbb, &MetadataArgs { name, buffer: index }));
        }

        let tensors: Vec<_> = self.tensors.iter().map(|t| tensor(&mut fbb, t)).collect();
        let operators: Vec<_> = self
            .operators
            .iter()
            .map(|o| {
                let inputs = Some(fbb.create_vector(&o.inputs));
                let outputs = Some(fbb.create_vector(&o.outputs));
                let (kind1, kind2, opts) = match &o.def.options {
                    Some(def) => {
                        let table = options_table(&mut fbb, def, &o.view);
                        let (k1, k2) = union_kinds(def);
                        (k1, k2, Some(table))
                    }
                    None => (BuiltinOptions::NONE, BuiltinOptions2::NONE, None),
                };
                let (builtin_options, builtin_options_2) = match &o.def.options {
                    Some(d) if d.union == 2 => (None, opts),
                    _ => (opts, None),
                };
                Operator::create(
                    &mut fbb,
                    &OperatorArgs {
                        opcode_index: o.opcode,
                        inputs,
                        outputs,
                        builtin_options_type: kind1,
                        builtin_options,
                        builtin_options_2_type: kind2,
                        builtin_options_2,
                        ..Default::default()
                    },
                )
            })
            .collect();
        let opcodes: Vec<_> = self
            .opcodes
            .iter()
            .map(|&(b, version)| {
                OperatorCode::create(
                    &mut fbb,
                    &OperatorCodeArgs { deprecated_builtin_code: deprecated_builtin_code(b), builtin_code: b, version, custom_code: None },
                )
            })
            .collect();

        let in_idx: Vec<i32> = self.inputs.iter().map(|x| x.1).collect();
        let out_idx: Vec<i32> = self.outputs.iter().map(|x| x.1).collect();
        let subgraph = SubGraphArgs {
            tensors: Some(fbb.create_vector(&tensors)),
            inputs: Some(fbb.create_vector(&in_idx)),
            outputs: Some(fbb.create_vector(&out_idx)),
            operators: Some(fbb.create_vector(&operators)),
            name: Some(fbb.create_string("main")),
            ..Default::default()
        };
        let subgraph = SubGraph::create(&mut fbb, &subgraph);

        let sig_inputs = Some(tensor_maps(&mut fbb, &self.inputs));
        let sig_outputs = Some(tensor_maps(&mut fbb, &self.outputs));
        let signature_key = Some(fbb.create_string("serving_default"));
        let signature = SignatureDef::create(
            &mut fbb,
            &SignatureDefArgs { inputs: sig_inputs, outputs: sig_outputs, signature_key, subgraph_index: 0 },
        );

        let model = ModelArgs {
            version: SCHEMA_VERSION,
            operator_codes: Some(fbb.create_vector(&opcodes)),
            subgraphs: Some(fbb.create_vector(&[subgraph])),
            description: Some(fbb.create_string(&self.options.description)),
            buffers: Some(fbb.create_vector(&buffers)),
            metadata: if metadata.is_empty() { None } else { Some(fbb.create_vector(&metadata)) },
            signature_defs: Some(fbb.create_vector(&[signature])),
            ..Default::default()
        };
        let model = Model::create(&mut fbb, &model);
        fbb.finish(model, Some(FILE_IDENTIFIER));
        let (tables, head) = fbb.collapse_in();
        // A vector's offset counts from the end of the buffer to its length field; the
        // data follows that field.
        let len = tables.len() - head;
        let mut buffers: Vec<Option<Cow<'m, [u8]>>> = self.buffers.into_iter().map(Some).collect();
        let mut holes: Vec<(usize, Cow<'m, [u8]>)> = holes
            .into_iter()
            .map(|(from_end, i)| (len - from_end + 4, buffers[i].take().unwrap_or_default()))
            .collect();
        holes.sort_by_key(|h| h.0);
        Ok(TfliteImage { tables, head, holes })
    }
}

/// Signed 4-bit values, one a byte (MLIR's storage), packed two a byte as TFLite's
/// INT4 tensors hold them: element 2i in the low nibble, 2i+1 in the high one (the
/// layout LiteRT's DEQUANTIZE reads back exactly: `runtime-check/int4_kernels.py`).
pub(crate) fn pack_int4(values: &[u8]) -> Vec<u8> {
    values.chunks(2).map(|p| (p[0] & 0x0F) | (p.get(1).copied().unwrap_or(0) << 4)).collect()
}

/// A zero bias for an op whose LiteRT kernel requires one (`Trait::RequiresBias`: conv,
/// depthwise) and that has none (`tfl.no_value` or no operand): one per output channel
/// (`w.channel_dim` of the filter), in the output's float type, or int32 at input scale x
/// filter scale for quantized ops.
fn zero_bias(view: &OpView, w: Weighted) -> Result<(TensorTy, Vec<u8>), String> {
    let (input, filter) = (&view.operands[w.input], &view.operands[w.weight]);
    let channel_dim = w.channel_dim;
    let channels = *filter.dims().get(channel_dim).ok_or("has a filter of unknown rank")?;
    if channels < 0 {
        return Err("has a filter with a dynamic channel count and no bias".into());
    }
    let elem = match (&input.elem, &filter.elem) {
        (ElemTy::Quant(i), ElemTy::Quant(w)) => ElemTy::Quant(ir::QuantTy::bias_for(i, w)),
        (e, _) if e.is_float() => view.results.first().map(|r| r.elem.clone()).unwrap_or(e.clone()),
        (e, w) => return Err(format!("has no bias and input/filter types {e}/{w} that edge cannot make one for")),
    };
    let width = elem.byte_width().ok_or("has a bias type without a byte width")?;
    // The channel count comes from the filter's type, which may be an argument's.
    let bytes = usize::try_from(channels)
        .ok()
        .and_then(|c| c.checked_mul(width))
        .filter(|&n| n as u64 <= FLATBUFFER_MAX_BYTES)
        .ok_or_else(|| format!("has no bias and {channels} output channels, too many to write a zero bias for"))?;
    Ok((TensorTy::ranked(vec![channels], elem), vec![0u8; bytes]))
}

/// Input and output names from TensorFlow's `tf.entry_function = {inputs = "a,b",
/// outputs = "y"}` attribute, when present.
fn entry_names(func: MlirOperation) -> (Vec<String>, Vec<String>) {
    let a = unsafe { mlirOperationGetAttributeByName(func, sref("tf.entry_function")) };
    if a.ptr.is_null() || !unsafe { mlirAttributeIsADictionary(a) } {
        return (vec![], vec![]);
    }
    let get = |key: &str| -> Vec<String> {
        let v = unsafe { mlirDictionaryAttrGetElementByName(a, sref(key)) };
        match (!v.ptr.is_null()).then(|| ir::attr_from_mlir(v)) {
            Some(Attr::Str(s)) if !s.is_empty() => s.split(',').map(|x| x.trim().to_string()).collect(),
            _ => vec![],
        }
    };
    (get("inputs"), get("outputs"))
}

/// The name in a `loc("name")` or `loc("name"(...))` location.
fn value_name(loc: MlirLocation) -> Option<String> {
    let printed = print_location(loc);
    let rest = printed.strip_prefix("loc(\"")?;
    let end = rest.find('"')?;
    let after = &rest[end + 1..];
    (after.starts_with('(') || after.starts_with(')')).then(|| rest[..end].to_string())
}

/// Compares dotted version strings numerically.
fn version_less(a: &str, b: &str) -> bool {
    let parse = |s: &str| s.split('.').map(|p| p.parse::<u32>().unwrap_or(0)).collect::<Vec<_>>();
    parse(a) < parse(b)
}

fn tensor<'b>(fbb: &mut Builder<'b>, t: &TensorInfo) -> WIPOffset<Tensor<'b>> {
    let dims = t.ty.dims();
    let dynamic = dims.iter().any(|&d| d < 0);
    let shape: Vec<i32> = dims.iter().map(|&d| if d < 0 { 1 } else { d as i32 }).collect();
    let shape = Some(fbb.create_vector(&shape));
    let shape_signature = if dynamic {
        let sig: Vec<i32> = dims.iter().map(|&d| if d < 0 { -1 } else { d as i32 }).collect();
        Some(fbb.create_vector(&sig))
    } else {
        None
    };
    let quantization = match &t.ty.elem {
        ElemTy::Quant(q) => {
            let scales: Vec<f32> = q.scales.iter().map(|&s| s as f32).collect();
            let scale = Some(fbb.create_vector(&scales));
            let zero_point = Some(fbb.create_vector(&q.zero_points));
            Some(QuantizationParameters::create(
                fbb,
                &QuantizationParametersArgs { scale, zero_point, quantized_dimension: q.axis.unwrap_or(0), ..Default::default() },
            ))
        }
        _ => None,
    };
    let name = Some(fbb.create_string(&t.name));
    Tensor::create(
        fbb,
        &TensorArgs {
            shape,
            type_: elem_to_tensor_type(&t.ty.elem).unwrap_or(TensorType::FLOAT32),
            buffer: t.buffer,
            name,
            quantization,
            shape_signature,
            is_variable: t.variable,
            has_rank: true,
            ..Default::default()
        },
    )
}

fn tensor_maps<'b>(
    fbb: &mut Builder<'b>,
    items: &[(String, i32)],
) -> WIPOffset<flatbuffers::Vector<'b, flatbuffers::ForwardsUOffset<TensorMap<'b>>>> {
    let maps: Vec<_> = items
        .iter()
        .map(|(name, index)| {
            let name = Some(fbb.create_string(name));
            TensorMap::create(fbb, &TensorMapArgs { name, tensor_index: *index as u32 })
        })
        .collect();
    fbb.create_vector(&maps)
}

pub(super) fn union_kinds(def: &OptionsDef) -> (BuiltinOptions, BuiltinOptions2) {
    if def.union == 2 {
        let k = BuiltinOptions2::ENUM_VALUES.iter().copied().find(|v| v.variant_name() == Some(def.table));
        (BuiltinOptions::NONE, k.unwrap_or(BuiltinOptions2::NONE))
    } else {
        let k = BuiltinOptions::ENUM_VALUES.iter().copied().find(|v| v.variant_name() == Some(def.table));
        (k.unwrap_or(BuiltinOptions::NONE), BuiltinOptions2::NONE)
    }
}

/// The flatbuffer vtable offset of field `slot`.
fn voffset(slot: u16) -> flatbuffers::VOffsetT {
    4 + 2 * slot
}

/// Builds an options table from the catalog's field list: each field is written at its
/// schema slot from its source (missing optional attributes keep the schema default).
fn options_table(fbb: &mut Builder<'_>, def: &OptionsDef, view: &OpView) -> WIPOffset<UnionWIPOffset> {
    // Vectors must be built before the table.
    let vectors: Vec<Option<WIPOffset<flatbuffers::Vector<i32>>>> = def
        .fields
        .iter()
        .map(|f| match (f.ty, field_attr(f.source, view)) {
            (FieldTy::IntVector, Some(a)) => a.as_ints().map(|v| {
                let v: Vec<i32> = v.iter().map(|&x| x as i32).collect();
                fbb.create_vector(&v)
            }),
            _ => None,
        })
        .collect();
    let start = fbb.start_table();
    for (f, vector) in def.fields.iter().zip(vectors) {
        let slot = voffset(f.slot);
        let value = match f.source {
            FieldSource::OperandCount => Some(Attr::Int(view.operands.len() as i64)),
            FieldSource::ResultElemType => view
                .results
                .first()
                .and_then(|r| elem_to_tensor_type(&r.elem))
                .map(|t| Attr::Int(t.0 as i64)),
            FieldSource::Attr(_) => field_attr(f.source, view).cloned(),
        };
        // Absent optional attributes are written with the schema's default, so every
        // table has the same fields whether or not the source spelled them out.
        let value = value.or_else(|| schema_default_attr(def.table, f.field, f.ty));
        match (f.ty, value) {
            (FieldTy::Bool, Some(a)) => fbb.push_slot_always::<bool>(slot, a.as_int().unwrap_or(0) != 0),
            (FieldTy::Int, Some(a)) => fbb.push_slot_always::<i32>(slot, a.as_int().unwrap_or(0) as i32),
            (FieldTy::Long, Some(a)) => fbb.push_slot_always::<i64>(slot, a.as_int().unwrap_or(0)),
            (FieldTy::Float, Some(a)) => fbb.push_slot_always::<f32>(slot, a.as_float().unwrap_or(0.0) as f32),
            (FieldTy::Enum(e), Some(a)) => {
                let raw = match &a {
                    Attr::Str(s) => schema_enum_value(e, s).unwrap_or(0),
                    other => other.as_int().unwrap_or(0),
                };
                fbb.push_slot_always::<i8>(slot, raw as i8)
            }
            (FieldTy::IntVector, _) => {
                if let Some(v) = vector {
                    fbb.push_slot_always(slot, v);
                }
            }
            (_, None) => {}
        }
    }
    let end = fbb.end_table(start);
    WIPOffset::new(end.value())
}

fn schema_default_attr(table: &str, field: &str, ty: FieldTy) -> Option<Attr> {
    let literal = super::schema_defaults::field_default(table, field);
    Some(match ty {
        FieldTy::Bool => Attr::Bool(literal == Some("true")),
        FieldTy::Int | FieldTy::Long => Attr::Int(literal.and_then(|l| l.parse().ok()).unwrap_or(0)),
        FieldTy::Float => Attr::Float(literal.and_then(|l| l.parse().ok()).unwrap_or(0.0)),
        FieldTy::Enum(e) => Attr::Int(literal.and_then(|l| schema_enum_value(e, l)).unwrap_or(0)),
        FieldTy::IntVector => return None,
    })
}

fn field_attr<'v>(source: FieldSource, view: &'v OpView) -> Option<&'v Attr> {
    match source {
        FieldSource::Attr(name) => view.attr(name),
        FieldSource::OperandCount | FieldSource::ResultElemType => None,
    }
}

type Builder<'b> = FlatBufferBuilder<'b, Anonymous>;

/// Buffers of at least this many bytes are written from where they lie rather than
/// copied into the flatbuffer's tables.
const HOLE_MIN_BYTES: usize = 64 << 10;

/// Stands for a byte of a buffer left out of the tables: pushing it writes nothing, so
/// a vector of holes takes its place (16-byte aligned, like `AlignedByte`) untouched.
#[derive(Clone, Copy)]
struct Hole;

impl Hole {
    fn slice(len: usize) -> &'static [Hole] {
        // SAFETY: `Hole` has size zero: any length of them fits at a dangling address.
        unsafe { std::slice::from_raw_parts(std::ptr::NonNull::<Hole>::dangling().as_ptr(), len) }
    }
}

impl flatbuffers::Push for Hole {
    type Output = u8;
    unsafe fn push(&self, _dst: &mut [u8], _written_len: usize) {}
    fn alignment() -> flatbuffers::PushAlignment {
        flatbuffers::PushAlignment::new(16)
    }
}

/// The builder's memory: an anonymous map, whose pages are zero until written and cost
/// nothing until touched (holes never are).
struct Anonymous(memmap2::MmapMut);

impl Anonymous {
    fn new(len: usize) -> std::io::Result<Self> {
        memmap2::MmapMut::map_anon(len.max(1)).map(Anonymous)
    }
}

impl std::ops::Deref for Anonymous {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl std::ops::DerefMut for Anonymous {
    fn deref_mut(&mut self) -> &mut [u8] {
        &mut self.0
    }
}

// SAFETY: `grow_downwards` doubles the buffer and moves the old contents to its end, as
// the trait asks.
unsafe impl flatbuffers::Allocator for Anonymous {
    type Error = std::io::Error;
    fn grow_downwards(&mut self) -> std::io::Result<()> {
        let old = self.0.len();
        let mut grown = Anonymous::new(2 * old)?;
        grown[old..].copy_from_slice(&self.0);
        *self = grown;
        Ok(())
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

/// A byte whose vector is laid out 16-byte aligned, as TFLite wants constant data
/// (kernels and weight caches read it in place).
#[repr(transparent)]
struct AlignedByte(u8);

impl AlignedByte {
    fn slice(bytes: &[u8]) -> &[AlignedByte] {
        // SAFETY: `AlignedByte` is a transparent wrapper of `u8`.
        unsafe { std::slice::from_raw_parts(bytes.as_ptr() as *const AlignedByte, bytes.len()) }
    }
}

impl flatbuffers::Push for AlignedByte {
    type Output = u8;
    unsafe fn push(&self, dst: &mut [u8], _written_len: usize) {
        dst[0] = self.0;
    }
    fn alignment() -> flatbuffers::PushAlignment {
        flatbuffers::PushAlignment::new(16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_numerically() {
        assert!(version_less("1.5.0", "1.14.0"));
        assert!(!version_less("2.3.0", "1.14.0"));
    }
}

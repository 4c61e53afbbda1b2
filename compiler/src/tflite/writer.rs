//! `--mlir-to-tflite`: writes functions holding `tfl.*` ops as a TFLite flatbuffer, one
//! subgraph and one `SignatureDef` per signature.
//!
//! The layout follows the published format: `buffers[0]` is the empty sentinel,
//! identical constant data shares one buffer (across subgraphs too: that is how prefill
//! and decode share their weights), operator codes are shared and carry the version each
//! op's types require (`deprecated_builtin_code = min(code, 127)`), every tensor is
//! named, each signature maps its function's inputs and outputs by name, and
//! `min_runtime_version` metadata holds the newest runtime any kernel needs; a
//! function's `edge.dynamic_dims` (Dim ranges) goes to `edge_dynamic_dims`
//! (`edge_dynamic_dims.<key>` per signature when the file has several).
//! The output depends only on the modules, so the same modules give the same bytes.
//! Large buffers are not copied into the flatbuffer: the image leaves their place
//! untouched and the file is written from the tables and the weights where they lie.
//! A file past 2 GB (or any file with `BufferLayout::External`) uses TFLite's large-model
//! layout: every constant's data follows the flatbuffer, 64-byte aligned, and its
//! `Buffer` holds `offset` (from the file's start) and `size` instead of `data`.

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

/// Where constant data goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BufferLayout {
    /// Inside the flatbuffer while the file fits `max_flatbuffer_bytes`; after it
    /// (`External`) when it would not.
    #[default]
    Auto,
    /// TFLite's large-model layout whatever the size: data after the flatbuffer, each
    /// `Buffer` pointing at it with `offset`/`size`.
    External,
}

/// What to write.
#[derive(Debug, Clone)]
pub struct WriteOptions {
    /// The entry function of `module_to_tflite_image`; `main`, or the only function
    /// when there is one.
    pub entry: Option<String>,
    /// `Model.description`.
    pub description: String,
    /// The most bytes the flatbuffer itself may take: `FLATBUFFER_MAX_BYTES`; lower only
    /// in tests. With `BufferLayout::Auto`, a file that would pass it puts its data after
    /// the flatbuffer; the tables alone past it cannot be written.
    pub max_flatbuffer_bytes: u64,
    pub layout: BufferLayout,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            entry: None,
            description: concat!("edge ", env!("CARGO_PKG_VERSION")).into(),
            max_flatbuffer_bytes: FLATBUFFER_MAX_BYTES,
            layout: BufferLayout::Auto,
        }
    }
}

/// The most bytes a flatbuffer may take: its offsets are signed 32-bit. Data past it
/// goes after the flatbuffer (`BufferLayout`).
pub const FLATBUFFER_MAX_BYTES: u64 = (1 << 31) - 1;

/// Where external data is aligned in the large-model layout (cache lines; TFLite asks 16).
const EXTERNAL_ALIGN: u64 = 64;

/// One signature of a file: function `function` of `module` (`main`, or the module's
/// only function, when `None`) becomes subgraph `key` with `SignatureDef` `key`.
#[derive(Clone)]
pub struct Signature<'m> {
    pub key: String,
    pub module: &'m Module<'m>,
    pub function: Option<String>,
}

/// The key of the signature `module_to_tflite_image` writes. Its subgraph is named
/// `main`, as TensorFlow's converter names it; other subgraphs take their key.
pub const DEFAULT_SIGNATURE: &str = "serving_default";

/// Translates `module` to flatbuffer bytes. Problems are emitted as diagnostics at the
/// offending op and counted in the error.
pub fn module_to_tflite(module: &Module, options: &WriteOptions) -> Result<Vec<u8>, TranslateError> {
    module_to_tflite_image(module, options).map(|image| image.to_vec())
}

/// `module_to_tflite` without assembling the file in memory: the flatbuffer's tables,
/// and the weights borrowed from the module where they lie. Writing a model this way
/// copies each weight once (into the file) instead of three times. One signature,
/// `serving_default`, from the entry function (`WriteOptions::entry`).
pub fn module_to_tflite_image<'m>(
    module: &'m Module<'m>,
    options: &WriteOptions,
) -> Result<TfliteImage<'m>, TranslateError> {
    let entry = Signature { key: DEFAULT_SIGNATURE.into(), module, function: options.entry.clone() };
    signatures_to_tflite_image(&[entry], options)
}

/// One signature per public function of `module`, in module order, keyed by its
/// `sym_name` (edge-translate's rule for a module with several public functions).
pub fn module_signatures<'m>(module: &'m Module<'m>) -> Vec<Signature<'m>> {
    functions(module.as_operation().to_raw())
        .into_iter()
        .filter(|(_, f)| is_public(*f))
        .map(|(name, _)| Signature { key: name.clone(), module, function: Some(name) })
        .collect()
}

/// Writes several signatures into one file: one subgraph each (in the order given),
/// operator codes shared and identical constant data stored once whichever module it
/// comes from. The modules must live in one MLIR context.
pub fn signatures_to_tflite_image<'m>(
    entries: &[Signature<'m>],
    options: &WriteOptions,
) -> Result<TfliteImage<'m>, TranslateError> {
    if entries.is_empty() {
        return Err(TranslateError::Message("no signature to write".into()));
    }
    let mut funcs = Vec::with_capacity(entries.len());
    for (k, e) in entries.iter().enumerate() {
        if e.key.is_empty() {
            return Err(TranslateError::Message(format!("signature {k} has an empty key")));
        }
        if let Some(first) = entries[..k].iter().position(|o| o.key == e.key) {
            return Err(TranslateError::Message(format!("signatures {first} and {k} have the same key '{}'", e.key)));
        }
        funcs.push(entry_function(e.module.as_operation().to_raw(), e.function.as_deref())?);
    }
    // Before any constant is expanded or copied: a splat states a size it does not take.
    check_constant_sizes(&funcs, options.max_flatbuffer_bytes)?;
    let mut w = Writer::new(options);
    for (e, &func) in entries.iter().zip(&funcs) {
        let name = if entries.len() == 1 && e.key == DEFAULT_SIGNATURE { "main".to_string() } else { e.key.clone() };
        w.function(func, e.key.clone(), name)?;
    }
    if w.errors > 0 {
        return Err(TranslateError::Diagnosed(w.errors));
    }
    tracing::debug!(
        subgraphs = w.subgraphs.len(),
        tensors = w.subgraphs.iter().map(|s| s.tensors.len()).sum::<usize>(),
        buffers = w.buffers.len(),
        "writing flatbuffer"
    );
    let alloc = |e: std::io::Error| TranslateError::Message(format!("cannot allocate the flatbuffer: {e}"));
    let limit = options.max_flatbuffer_bytes;
    let data: u64 = w.buffers.iter().map(|b| b.len() as u64 + 16).sum();
    let mut external = options.layout == BufferLayout::External || data > limit;
    let mut built = w.build(external).map_err(alloc)?;
    if !external && built.len() as u64 > limit {
        // The data fit; with the tables it does not.
        external = true;
        built = w.build(true).map_err(alloc)?;
    }
    if built.len() as u64 > limit {
        let what = if external { "without its constant data (written after it)" } else { "" };
        return Err(TranslateError::Message(format!(
            "the flatbuffer {what} would take {} bytes, more than the {limit} a flatbuffer can hold (its offsets are \
             signed 32-bit): the model has too many tensors or operators for one TFLite file; nothing was written",
            built.len()
        )));
    }
    Ok(w.into_image(built))
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

/// Refuses, from the types alone (nothing is expanded), the constants TFLite cannot
/// hold (a dim past its int32 shape) and those edge would have to expand in memory
/// (splats, bools, packed types) past `limit` bytes, one by one or in all. Constants
/// written from where they lie have no size limit: past 2 GB the file takes the
/// large-model layout.
fn check_constant_sizes(funcs: &[MlirOperation], limit: u64) -> Result<(), TranslateError> {
    let mut errors = 0;
    let mut expanded = 0u64;
    // Equal constants share an attribute (MLIR uniques them) and one buffer: count once.
    let mut seen = std::collections::HashSet::new();
    for op in funcs.iter().flat_map(|&f| body_ops(f)) {
        let name = ir::op_name(op);
        if !matches!(name.as_str(), "tfl.pseudo_const" | "arith.constant") || unsafe { mlirOperationGetNumResults(op) } != 1 {
            continue;
        }
        let ty = ir::type_from_mlir(unsafe { mlirValueGetType(mlirOperationGetResult(op, 0)) });
        let attr = unsafe { mlirOperationGetAttributeByName(op, sref("value")) };
        let loc = unsafe { mlirOperationGetLocation(op) };
        if let Some(&d) = ty.dims().iter().find(|&&d| d > i32::MAX as i64) {
            emit_error(loc, &format!("'{name}' op has a dim of {d} ({ty}), past the int32 a TFLite shape holds"));
            errors += 1;
            continue;
        }
        let Some(size) = constant_byte_size(&ty) else { continue };
        // SAFETY: only asks where the data lies; nothing is kept.
        if !attr.ptr.is_null() && unsafe { constant_bytes_in_place(attr, &ty) }.is_some() {
            // Written from where it lies: no copy, no limit.
            continue;
        }
        if size > limit {
            emit_error(
                loc,
                &format!(
                    "'{name}' op holds {} ({ty}), which edge would expand in memory to write it: more than the \
                     {limit} bytes it expands (a weight read from an archive is written from where it lies, at any \
                     size)",
                    bytes_text(size)
                ),
            );
            errors += 1;
        } else if seen.insert(attr.ptr as usize) {
            expanded = expanded.saturating_add(size);
        }
    }
    if errors > 0 {
        return Err(TranslateError::Diagnosed(errors));
    }
    if expanded > limit {
        return Err(TranslateError::Message(format!(
            "the model's splat (or bool, or packed) constants take {} once expanded, more than the {limit} bytes \
             edge expands in memory; nothing was written",
            bytes_text(expanded)
        )));
    }
    Ok(())
}

/// A written model: the flatbuffer's tables, with the data of large buffers left out
/// (zeros) and kept beside them, borrowed from the modules, to be put in place when the
/// file is written (`pieces`) or assembled (`to_vec`); in the large-model layout, the
/// data that follows the flatbuffer.
pub struct TfliteImage<'m> {
    tables: Anonymous,
    /// Where the flatbuffer starts in `tables`.
    head: usize,
    /// (offset in the flatbuffer, bytes) of each buffer left out, by offset.
    holes: Vec<(usize, Cow<'m, [u8]>)>,
    /// (offset in the file, bytes) of each buffer after the flatbuffer, by offset.
    tail: Vec<(u64, Cow<'m, [u8]>)>,
}

/// Padding between pieces of the large-model layout.
static ZEROS: [u8; EXTERNAL_ALIGN as usize] = [0; EXTERNAL_ALIGN as usize];

impl TfliteImage<'_> {
    /// The file's size in bytes (the flatbuffer and, in the large-model layout, the data
    /// after it).
    pub fn len(&self) -> usize {
        match self.tail.last() {
            Some((offset, bytes)) => *offset as usize + bytes.len(),
            None => self.tables().len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the data follows the flatbuffer (TFLite's large-model layout).
    pub fn is_external(&self) -> bool {
        !self.tail.is_empty()
    }

    /// The flatbuffer with the large buffers' data zeroed: every table and every small
    /// buffer is in place, so it parses and lists as the real file does (in the
    /// large-model layout the data after it is not part of it: use `summaries`).
    pub fn tables(&self) -> &[u8] {
        &self.tables[self.head..]
    }

    /// Consecutive pieces of the file: tables and buffer data, in order.
    pub fn pieces(&self) -> Vec<&[u8]> {
        let tables = self.tables();
        let mut out = Vec::with_capacity(2 * (self.holes.len() + self.tail.len()) + 1);
        let mut at = 0;
        for (offset, bytes) in &self.holes {
            out.push(&tables[at..*offset]);
            out.push(&bytes[..]);
            at = offset + bytes.len();
        }
        out.push(&tables[at..]);
        let mut end = tables.len() as u64;
        for (offset, bytes) in &self.tail {
            out.push(&ZEROS[..(offset - end) as usize]);
            out.push(&bytes[..]);
            end = offset + bytes.len() as u64;
        }
        out
    }

    /// The whole file.
    pub fn to_vec(&self) -> Vec<u8> {
        self.pieces().concat()
    }

    /// Each signature's inputs, outputs, operators and weights, read back from the
    /// tables (the data after them is not needed).
    pub fn summaries(&self) -> Result<Vec<super::SignatureSummary>, super::ReadError> {
        super::dump::summaries_with_len(self.tables(), self.len())
    }
}

/// The ops of `func`'s body, in order.
fn body_ops(func: MlirOperation) -> Vec<MlirOperation> {
    let mut ops = Vec::new();
    let body = unsafe { mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)) };
    if body.ptr.is_null() {
        return ops;
    }
    let mut op = unsafe { mlirBlockGetFirstOperation(body) };
    while !op.ptr.is_null() {
        ops.push(op);
        op = unsafe { mlirOperationGetNextInBlock(op) };
    }
    ops
}

/// The module's `func.func`s with their names, in order.
fn functions(module: MlirOperation) -> Vec<(String, MlirOperation)> {
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
    funcs
}

/// A function without `sym_visibility` or with `"public"`.
fn is_public(func: MlirOperation) -> bool {
    let v = unsafe { mlirOperationGetAttributeByName(func, sref("sym_visibility")) };
    v.ptr.is_null() || matches!(ir::attr_from_mlir(v), Attr::Str(s) if s == "public")
}

fn entry_function(module: MlirOperation, wanted: Option<&str>) -> Result<MlirOperation, TranslateError> {
    let funcs = functions(module);
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

/// One written function: its subgraph's tensors and operators.
struct SubgraphInfo {
    key: String,
    name: String,
    tensors: Vec<TensorInfo>,
    operators: Vec<OperatorInfo>,
    inputs: Vec<(String, i32)>,
    outputs: Vec<(String, i32)>,
    /// `edge.dynamic_dims` as the metadata's JSON.
    dynamic_dims: Option<String>,
}

struct Writer<'o, 'm> {
    options: &'o WriteOptions,
    /// Buffer contents (weights borrowed from the modules where possible); index 0 is
    /// the empty sentinel. Shared by all subgraphs.
    buffers: Vec<Cow<'m, [u8]>>,
    buffer_index: HashMap<u64, Vec<u32>>,
    opcodes: Vec<(BuiltinOperator, i32)>,
    min_runtime: Option<&'static str>,
    /// The subgraphs written so far.
    subgraphs: Vec<SubgraphInfo>,
    // The function being written.
    tensors: Vec<TensorInfo>,
    tensor_of: HashMap<usize, i32>,
    operators: Vec<OperatorInfo>,
    inputs: Vec<(String, i32)>,
    outputs: Vec<(String, i32)>,
    dynamic_dims: Option<String>,
    /// Per base name, the next suffix to try.
    names: HashMap<String, usize>,
    /// The names given in this subgraph.
    taken: std::collections::HashSet<String>,
    /// Bytes of all tensor names, for sizing the builder.
    name_bytes: usize,
    errors: usize,
}

impl<'o, 'm> Writer<'o, 'm> {
    fn new(options: &'o WriteOptions) -> Self {
        Writer {
            options,
            buffers: vec![Cow::Borrowed(&[])],
            buffer_index: HashMap::new(),
            opcodes: Vec::new(),
            min_runtime: None,
            subgraphs: Vec::new(),
            tensors: Vec::new(),
            tensor_of: HashMap::new(),
            operators: Vec::new(),
            inputs: Vec::new(),
            outputs: Vec::new(),
            dynamic_dims: None,
            names: HashMap::new(),
            taken: Default::default(),
            name_bytes: 0,
            errors: 0,
        }
    }

    fn error(&mut self, loc: MlirLocation, msg: &str) {
        emit_error(loc, msg);
        self.errors += 1;
    }

    /// A unique tensor name: `base`, or `base_1`, `base_2`... when taken.
    /// A name another base already took (`conv_1`, the second `conv`, then an op named
    /// `conv_1`) is skipped: every tensor of a subgraph has its own name, so the file
    /// reads back to locations that write the same names again.
    fn unique_name(&mut self, base: String) -> String {
        self.name_bytes += base.len() + 8;
        let mut n = self.names.get(&base).copied().unwrap_or(0);
        loop {
            let name = if n == 0 { base.clone() } else { format!("{base}_{n}") };
            n += 1;
            if self.taken.insert(name.clone()) {
                self.names.insert(base, n);
                return name;
            }
        }
    }

    fn add_buffer(&mut self, bytes: Cow<'m, [u8]>) -> u32 {
        let key = sample_hash(&bytes);
        let candidates = self.buffer_index.entry(key).or_default();
        let same = |b: &[u8]| {
            let equal = std::ptr::eq(b, &*bytes) || *b == *bytes;
            // Weights compared in place (two archives holding the same weights) are read
            // again only when written.
            edge_dialects::mapped::release(b);
            edge_dialects::mapped::release(&bytes);
            equal
        };
        if let Some(&i) = candidates.iter().find(|&&i| same(&self.buffers[i as usize])) {
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

    /// Writes `func` as subgraph `name` of signature `key`.
    fn function(&mut self, func: MlirOperation, key: String, name: String) -> Result<(), TranslateError> {
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
            return Err(TranslateError::Message(format!("the function of signature '{key}' has no func.return")));
        }
        self.tensor_of.clear();
        self.names.clear();
        self.taken.clear();
        self.subgraphs.push(SubgraphInfo {
            key,
            name,
            tensors: std::mem::take(&mut self.tensors),
            operators: std::mem::take(&mut self.operators),
            inputs: std::mem::take(&mut self.inputs),
            outputs: std::mem::take(&mut self.outputs),
            dynamic_dims: self.dynamic_dims.take(),
        });
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

    /// Builds the flatbuffer: constant data inside it (large buffers as holes), or, when
    /// `external`, after it.
    fn build(&self, external: bool) -> std::io::Result<Built> {
        // Room for every buffer, its alignment and length, and the tables: untouched
        // pages of an anonymous map cost nothing, so a generous guess is free, while a
        // short one would copy everything written so far.
        let data: usize = if external { 0 } else { self.buffers.iter().map(|b| b.len() + 32).sum() };
        let items: usize = self.subgraphs.iter().map(|s| s.tensors.len() + s.operators.len()).sum();
        let tables = 256 * (items + self.buffers.len()) + 64 * self.name_bytes;
        let mut fbb = FlatBufferBuilder::new_in(Anonymous::new(data + tables + (1 << 20))?);

        // Buffers: data aligned to 16 bytes so runtimes can use it in place. Large ones
        // are left as holes, filled from the modules when the file is written. In the
        // large-model layout each holds a placeholder offset, set once the flatbuffer's
        // size is known.
        let mut buffers = Vec::with_capacity(self.buffers.len() + 2);
        let mut holes = Vec::new();
        let mut outside = Vec::new();
        for (i, b) in self.buffers.iter().enumerate() {
            if external && !b.is_empty() {
                let t = Buffer::create(&mut fbb, &BufferArgs { data: None, offset: 1, size: b.len() as u64 });
                outside.push((t.value() as usize, i));
                buffers.push(t);
                continue;
            }
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
        fn add_metadata<'b>(
            fbb: &mut Builder<'b>,
            buffers: &mut Vec<WIPOffset<Buffer<'b>>>,
            metadata: &mut Vec<WIPOffset<Metadata<'b>>>,
            name: &str,
            bytes: &[u8],
        ) {
            let data = Some(fbb.create_vector(bytes));
            let index = buffers.len() as u32;
            buffers.push(Buffer::create(fbb, &BufferArgs { data, ..Default::default() }));
            let name = Some(fbb.create_string(name));
            metadata.push(Metadata::create(fbb, &MetadataArgs { name, buffer: index }));
        }
        if let Some(rt) = self.min_runtime {
            let mut bytes = rt.as_bytes().to_vec();
            bytes.resize(16.max(bytes.len()), 0);
            add_metadata(&mut fbb, &mut buffers, &mut metadata, "min_runtime_version", &bytes);
        }
        let several = self.subgraphs.len() > 1;
        for sg in &self.subgraphs {
            if let Some(json) = &sg.dynamic_dims {
                let name = dynamic_dims::metadata_name(several.then_some(sg.key.as_str()));
                add_metadata(&mut fbb, &mut buffers, &mut metadata, &name, json.as_bytes());
            }
        }

        // Tensors and operators before the operator codes, subgraphs after (the order
        // single-signature files have always had).
        let items: Vec<_> = self.subgraphs.iter().map(|sg| subgraph_items(&mut fbb, sg)).collect();
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
        let mut subgraphs = Vec::with_capacity(self.subgraphs.len());
        let mut signatures = Vec::with_capacity(self.subgraphs.len());
        for (index, (sg, items)) in self.subgraphs.iter().zip(items).enumerate() {
            let (subgraph, signature) = subgraph_tables(&mut fbb, sg, items, index as u32);
            subgraphs.push(subgraph);
            signatures.push(signature);
        }

        let model = ModelArgs {
            version: SCHEMA_VERSION,
            operator_codes: Some(fbb.create_vector(&opcodes)),
            subgraphs: Some(fbb.create_vector(&subgraphs)),
            description: Some(fbb.create_string(&self.options.description)),
            buffers: Some(fbb.create_vector(&buffers)),
            metadata: if metadata.is_empty() { None } else { Some(fbb.create_vector(&metadata)) },
            signature_defs: Some(fbb.create_vector(&signatures)),
            ..Default::default()
        };
        let model = Model::create(&mut fbb, &model);
        fbb.finish(model, Some(FILE_IDENTIFIER));
        let (mut tables, head) = fbb.collapse_in();
        // A vector's offset counts from the end of the buffer to its length field; the
        // data follows that field.
        let len = tables.len() - head;
        let mut holes: Vec<(usize, u32)> = holes.into_iter().map(|(from_end, i)| (len - from_end + 4, i as u32)).collect();
        holes.sort_by_key(|h| h.0);
        // The data after the flatbuffer, in buffer order, each start aligned; the
        // placeholder offsets become the real ones.
        let mut tail = Vec::with_capacity(outside.len());
        let mut at = len as u64;
        for (from_end, i) in outside {
            at = at.next_multiple_of(EXTERNAL_ALIGN);
            set_buffer_offset(&mut tables[head..], len - from_end, at);
            tail.push((at, i as u32));
            at += self.buffers[i].len() as u64;
        }
        Ok(Built { tables, head, holes, tail })
    }

    /// The image of `built`, the buffers' bytes moved into it.
    fn into_image(self, built: Built) -> TfliteImage<'m> {
        let mut buffers: Vec<Option<Cow<'m, [u8]>>> = self.buffers.into_iter().map(Some).collect();
        let mut take = |i: u32| buffers[i as usize].take().unwrap_or_default();
        let holes = built.holes.into_iter().map(|(at, i)| (at, take(i))).collect();
        let tail = built.tail.into_iter().map(|(at, i)| (at, take(i))).collect();
        TfliteImage { tables: built.tables, head: built.head, holes, tail }
    }
}

/// A built flatbuffer, with the places of the buffers not copied into it.
struct Built {
    tables: Anonymous,
    head: usize,
    /// (offset in the flatbuffer, buffer index), by offset.
    holes: Vec<(usize, u32)>,
    /// (offset in the file, buffer index), by offset.
    tail: Vec<(u64, u32)>,
}

impl Built {
    /// The flatbuffer's size.
    fn len(&self) -> usize {
        self.tables.len() - self.head
    }
}

/// Sets `Buffer.offset` of the table at `table` (from the flatbuffer's start), written
/// with a placeholder so the field is present.
fn set_buffer_offset(flatbuffer: &mut [u8], table: usize, offset: u64) {
    let read_i32 = |at: usize| i32::from_le_bytes(flatbuffer[at..at + 4].try_into().unwrap());
    let vtable = (table as i64 - read_i32(table) as i64) as usize;
    let slot = vtable + Buffer::VT_OFFSET as usize;
    let field = u16::from_le_bytes(flatbuffer[slot..slot + 2].try_into().unwrap()) as usize;
    debug_assert!(field != 0, "the placeholder offset is written");
    flatbuffer[table + field..table + field + 8].copy_from_slice(&offset.to_le_bytes());
}

type Items<'b> = (Vec<WIPOffset<Tensor<'b>>>, Vec<WIPOffset<Operator<'b>>>);

/// A subgraph's tensors and operators.
fn subgraph_items<'b>(fbb: &mut Builder<'b>, sg: &SubgraphInfo) -> Items<'b> {
    let tensors: Vec<_> = sg.tensors.iter().map(|t| tensor(fbb, t)).collect();
    let operators: Vec<_> = sg
        .operators
        .iter()
        .map(|o| {
            let inputs = Some(fbb.create_vector(&o.inputs));
            let outputs = Some(fbb.create_vector(&o.outputs));
            let (kind1, kind2, opts) = match &o.def.options {
                Some(def) => {
                    let table = options_table(fbb, def, &o.view);
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
                fbb,
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
    (tensors, operators)
}

/// A subgraph's table and its signature.
fn subgraph_tables<'b>(
    fbb: &mut Builder<'b>,
    sg: &SubgraphInfo,
    (tensors, operators): Items<'b>,
    index: u32,
) -> (WIPOffset<SubGraph<'b>>, WIPOffset<SignatureDef<'b>>) {
    let in_idx: Vec<i32> = sg.inputs.iter().map(|x| x.1).collect();
    let out_idx: Vec<i32> = sg.outputs.iter().map(|x| x.1).collect();
    let args = SubGraphArgs {
        tensors: Some(fbb.create_vector(&tensors)),
        inputs: Some(fbb.create_vector(&in_idx)),
        outputs: Some(fbb.create_vector(&out_idx)),
        operators: Some(fbb.create_vector(&operators)),
        name: Some(fbb.create_string(&sg.name)),
        ..Default::default()
    };
    let subgraph = SubGraph::create(fbb, &args);
    let sig_inputs = Some(tensor_maps(fbb, &sg.inputs));
    let sig_outputs = Some(tensor_maps(fbb, &sg.outputs));
    let signature_key = Some(fbb.create_string(&sg.key));
    let signature = SignatureDef::create(
        fbb,
        &SignatureDefArgs { inputs: sig_inputs, outputs: sig_outputs, signature_key, subgraph_index: index },
    );
    (subgraph, signature)
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

//! `--tflite-to-mlir`: reads a TFLite flatbuffer back into a TFL module (generic form),
//! using the same catalog tables the writer uses, so writing and reading are inverses.
//! Subgraph 0 becomes `func.func @main`; constants become `tfl.pseudo_const` with their
//! bytes as a hex `dense` literal, so values round-trip bit-exactly.

use super::enums::schema_enum_name;
use super::schema_defaults::field_default;
use crate::schema::*;
use edge_dialects::catalog::{FieldSource, FieldTy, OpDef, OptionsDef};
use edge_dialects::ir::string_literal as quote;
use edge_dialects::TFL;
use std::collections::HashMap;
use std::fmt::Write;

/// Why a flatbuffer cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a TFLite flatbuffer: {0}")]
    Invalid(String),
    /// The framing is sound but the contents contradict themselves: an index past its
    /// table, a negative dimension, data whose size disagrees with its tensor. The
    /// message names the subgraph, operator or tensor.
    #[error("invalid TFLite model: {0}")]
    Malformed(String),
    #[error("{0}")]
    Unsupported(String),
}

/// The most elements one tensor may declare: 2^40 (4 TiB of f32), far past any model a
/// flatbuffer can describe, and small enough that no size computed from it overflows.
pub const MAX_TENSOR_ELEMENTS: u64 = 1 << 40;

/// Parses and verifies the flatbuffer framing.
pub fn parse_model(bytes: &[u8]) -> Result<Model<'_>, ReadError> {
    parse_model_in(bytes, bytes.len())
}

/// `parse_model` of a flatbuffer that is the start of a `file_len`-byte file (the rest:
/// the data of the large-model layout, which external buffers may point into).
pub fn parse_model_in(bytes: &[u8], file_len: usize) -> Result<Model<'_>, ReadError> {
    if bytes.len() < 8 {
        return Err(ReadError::Invalid(format!("the file has {} bytes, too few for a flatbuffer", bytes.len())));
    }
    if !flatbuffers::buffer_has_identifier(bytes, FILE_IDENTIFIER, false) {
        return Err(ReadError::Invalid(format!(
            "file identifier is {:?}, expected \"TFL3\"",
            String::from_utf8_lossy(&bytes[4..8])
        )));
    }
    let model =
        root_as_model(bytes).map_err(|e| ReadError::Invalid(e.to_string().split_whitespace().collect::<Vec<_>>().join(" ")))?;
    super::check::check_model(&model, file_len.max(bytes.len()))?;
    Ok(model)
}

/// MLIR type text for tensor `t`.
pub fn tensor_type_text(t: &Tensor) -> Result<String, ReadError> {
    let elem = element_type_text(t)?;
    let dims: Vec<i32> = match (t.shape_signature(), t.shape()) {
        (Some(sig), _) if !sig.is_empty() => sig.iter().collect(),
        (_, Some(shape)) => shape.iter().collect(),
        (_, None) if t.has_rank() => vec![],
        _ => return Ok(format!("tensor<*x{elem}>")),
    };
    let mut s = String::from("tensor<");
    for d in dims {
        if d < 0 { s.push_str("?x") } else { write!(s, "{d}x").unwrap() }
    }
    s.push_str(&elem);
    s.push('>');
    Ok(s)
}

/// MLIR's name for a TFLite tensor type's storage (`f32`, `i8`, `ui8`...).
pub(super) fn storage_type_name(ty: TensorType) -> Option<&'static str> {
    Some(match ty {
        TensorType::FLOAT32 => "f32",
        TensorType::FLOAT16 => "f16",
        TensorType::BFLOAT16 => "bf16",
        TensorType::FLOAT64 => "f64",
        TensorType::BOOL => "i1",
        TensorType::INT4 => "i4",
        TensorType::INT8 => "i8",
        TensorType::INT16 => "i16",
        TensorType::INT32 => "i32",
        TensorType::INT64 => "i64",
        TensorType::UINT8 => "ui8",
        TensorType::UINT16 => "ui16",
        TensorType::UINT32 => "ui32",
        TensorType::UINT64 => "ui64",
        _ => return None,
    })
}

fn element_type_text(t: &Tensor) -> Result<String, ReadError> {
    let Some(storage) = storage_type_name(t.type_()) else {
        return Err(ReadError::Unsupported(format!(
            "tensor '{}' has type {}, which edge does not read",
            t.name().unwrap_or(""),
            t.type_().variant_name().unwrap_or("?")
        )));
    };
    let Some(q) = t.quantization() else { return Ok(storage.to_string()) };
    let (Some(scales), Some(zps)) = (q.scale(), q.zero_point()) else { return Ok(storage.to_string()) };
    if scales.is_empty() {
        return Ok(storage.to_string());
    }
    // The quant dialect spells unsigned storage `u8`, signed `i8`.
    let qstorage = storage.replace("ui", "u");
    let zp = |i: usize| if zps.is_empty() { 0 } else { zps.get(i.min(zps.len() - 1)) };
    if scales.len() == 1 {
        return Ok(format!("!quant.uniform<{qstorage}:f32, {:?}:{}>", scales.get(0) as f64, zp(0)));
    }
    let params: Vec<String> = (0..scales.len()).map(|i| format!("{:?}:{}", scales.get(i) as f64, zp(i))).collect();
    Ok(format!("!quant.uniform<{qstorage}:f32:{}, {{{}}}>", q.quantized_dimension(), params.join(", ")))
}

pub(super) fn catalog_entry(builtin: BuiltinOperator) -> Option<&'static OpDef> {
    let name = builtin.variant_name()?;
    TFL.ops.iter().find(|op| op.tflite.as_ref().is_some_and(|t| t.builtin == name))
}

/// Translates a TFLite flatbuffer into MLIR text: one function per subgraph, `@main`
/// when the file has one, else named by the subgraph's signature key (its name, or
/// `subgraph_N`, without one). Constants in the large-model layout are read from
/// where their `Buffer.offset` points.
pub fn tflite_to_mlir(bytes: &[u8]) -> Result<String, ReadError> {
    tflite_to_mlir_with(bytes, &ReadOptions::default())
}

/// How `tflite_to_mlir_with` prints.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Print constants of more than `ELIDED_MIN_BYTES` bytes as `dense_resource<__elided__>`
    /// (MLIR's form for left-out blobs): for reading a large model's structure; the
    /// result cannot be translated back.
    pub elide_large_constants: bool,
}

/// Constants of more bytes than this are left out by `ReadOptions::elide_large_constants`.
pub const ELIDED_MIN_BYTES: usize = 1024;

/// `tflite_to_mlir` with `options`.
pub fn tflite_to_mlir_with(bytes: &[u8], options: &ReadOptions) -> Result<String, ReadError> {
    let model = parse_model(bytes)?;
    let subgraphs = model.subgraphs().ok_or_else(|| ReadError::Invalid("the model has no subgraphs".into()))?;
    if subgraphs.is_empty() {
        return Err(ReadError::Invalid("the model has no subgraphs".into()));
    }
    let mut text = String::from("module {\n");
    for g in 0..subgraphs.len() {
        let key = model
            .signature_defs()
            .and_then(|v| v.iter().find(|s| s.subgraph_index() as usize == g))
            .and_then(|s| s.signature_key().map(str::to_string));
        let name = match (&key, subgraphs.len()) {
            (_, 1) => "main".to_string(),
            (Some(k), _) => k.clone(),
            (None, _) => subgraphs.get(g).name().filter(|n| !n.is_empty()).map(str::to_string).unwrap_or_else(|| format!("subgraph_{g}")),
        };
        subgraph_to_mlir(bytes, &model, g, key.as_deref().unwrap_or(""), &name, options, &mut text)?;
    }
    text.push_str("}\n");
    Ok(text)
}

/// The data of buffer `b`: inside the flatbuffer, or at `offset` in the file (bounds
/// checked by `check_model`); `None` when empty or out of range.
pub(super) fn buffer_data<'a>(file: &'a [u8], model: &Model<'a>, b: usize) -> Option<&'a [u8]> {
    let buffer = model.buffers().filter(|bs| b > 0 && b < bs.len())?.get(b);
    let data = if buffer.offset() > 1 {
        let start = usize::try_from(buffer.offset()).ok()?;
        file.get(start..start.checked_add(usize::try_from(buffer.size()).ok()?)?)?
    } else {
        buffer.data()?.bytes()
    };
    (!data.is_empty()).then_some(data)
}

/// Appends subgraph `g` as `func.func @name`, its inputs and outputs named by signature
/// `key`'s maps.
fn subgraph_to_mlir(
    bytes: &[u8],
    model: &Model,
    g: usize,
    key: &str,
    func_name: &str,
    options: &ReadOptions,
    text: &mut String,
) -> Result<(), ReadError> {
    let sg = model.subgraphs().map(|s| s.get(g)).ok_or_else(|| ReadError::Invalid("the model has no subgraphs".into()))?;
    let tensors = sg.tensors().ok_or_else(|| ReadError::Invalid(format!("subgraph {g} has no tensors")))?;
    let opcodes = model.operator_codes();
    let data_of = |b: usize| buffer_data(bytes, model, b);
    let tensor = |i: i32| -> Result<Tensor, ReadError> {
        if i < 0 || i as usize >= tensors.len() {
            return Err(ReadError::Invalid(format!("tensor index {i} is out of range ({} tensors)", tensors.len())));
        }
        Ok(tensors.get(i as usize))
    };
    let ty = |i: i32| -> Result<String, ReadError> { tensor_type_text(&tensor(i)?) };
    let inputs: Vec<i32> = sg.inputs().map(|v| v.iter().collect()).unwrap_or_default();
    let outputs: Vec<i32> = sg.outputs().map(|v| v.iter().collect()).unwrap_or_default();

    // Signature names, in subgraph input/output order.
    let sig_name = |index: i32, outputs_side: bool| -> Option<String> {
        let sig = model.signature_defs()?.iter().find(|s| s.subgraph_index() as usize == g && s.signature_key().unwrap_or("") == key)?;
        let maps = if outputs_side { sig.outputs()? } else { sig.inputs()? };
        maps.iter().find(|m| m.tensor_index() as i32 == index).and_then(|m| m.name().map(str::to_string))
    };

    let mut body = String::new();
    let mut defined = vec![false; tensors.len()];
    for &i in &inputs {
        tensor(i)?;
        defined[i as usize] = true;
    }
    let need_const = |i: i32, body: &mut String, defined: &mut Vec<bool>| -> Result<(), ReadError> {
        if i < 0 {
            return Ok(());
        }
        // Checked before `defined` is indexed (check_model has too; this keeps the
        // closure safe on its own).
        let t = tensor(i)?;
        if defined[i as usize] {
            return Ok(());
        }
        let data = data_of(t.buffer() as usize);
        if data.is_none() && t.is_variable() {
            // A state no operator fills: the zeros LiteRT starts it from.
            let ty_text = ty(i)?;
            writeln!(
                body,
                "    %t{i} = \"tfl.pseudo_const\"() {{value = dense<0.0> : {ty_text}}} : () -> {ty_text} loc({})",
                quote(t.name().unwrap_or(""))
            )
            .unwrap();
            defined[i as usize] = true;
            return Ok(());
        }
        let Some(data) = data else {
            return Err(ReadError::Invalid(format!(
                "tensor {i} ('{}') is used before any operator produces it and has no constant data",
                t.name().unwrap_or("")
            )));
        };
        // INT4 is packed two a byte (low nibble first); MLIR holds an i4 a byte.
        let unpacked;
        let bytes = if t.type_() == TensorType::INT4 {
            let n = t.shape().map_or(1, |s| s.iter().map(|d| d.max(0) as usize).product());
            let byte = |i: usize| data.get(i / 2).copied().unwrap_or(0);
            unpacked = (0..n).map(|i| (((byte(i) >> (4 * (i % 2))) << 4) as i8 >> 4) as u8).collect::<Vec<u8>>();
            &unpacked[..]
        } else {
            data
        };
        let ty_text = ty(i)?;
        // Quantized constants keep their storage values; the dense literal uses the storage type.
        let value_ty = storage_type_text(&ty_text);
        let loc = quote(t.name().unwrap_or(""));
        if options.elide_large_constants && bytes.len() > ELIDED_MIN_BYTES {
            writeln!(
                body,
                "    %t{i} = \"tfl.pseudo_const\"() {{value = dense_resource<__elided__> : {value_ty}}} : () -> {ty_text} loc({loc})"
            )
            .unwrap();
        } else {
            write!(body, "    %t{i} = \"tfl.pseudo_const\"() {{value = dense<\"0x").unwrap();
            push_hex(body, bytes);
            writeln!(body, "\"> : {value_ty}}} : () -> {ty_text} loc({loc})").unwrap();
        }
        defined[i as usize] = true;
        Ok(())
    };

    let operators = sg.operators().map(|o| o.iter().collect::<Vec<_>>()).unwrap_or_default();
    // The writer fills a recurrent op's state with ADD(value, zeros) into a variable
    // tensor (`Trait::StateOperands`): read back, the op takes the value itself.
    let zero_data = |i: i32| {
        let b = tensor(i).map(|t| t.buffer() as usize).unwrap_or(0);
        data_of(b).is_some_and(|d| d.iter().all(|&x| x == 0))
    };
    let mut state_of: HashMap<i32, i32> = HashMap::new();
    let mut state_fills = Vec::new();
    for (k, op) in operators.iter().enumerate() {
        let index = op.opcode_index() as usize;
        let is_add = opcodes.filter(|c| index < c.len()).is_some_and(|c| builtin_code(&c.get(index)) == BuiltinOperator::ADD);
        let ins: Vec<i32> = op.inputs().map(|v| v.iter().collect()).unwrap_or_default();
        let outs: Vec<i32> = op.outputs().map(|v| v.iter().collect()).unwrap_or_default();
        if let ([x, z], [o]) = (ins.as_slice(), outs.as_slice()) {
            if is_add && *x >= 0 && tensor(*o).is_ok_and(|t| t.is_variable()) && zero_data(*z) && ty(*x)? == ty(*o)? {
                state_of.insert(*o, *x);
                state_fills.push(k);
            }
        }
    }
    let operand = |i: i32| state_of.get(&i).copied().unwrap_or(i);
    // The fills' zeros, unless something else reads them.
    let mut fill_zeros: Vec<i32> = state_fills.iter().filter_map(|&k| operators[k].inputs().and_then(|v| v.iter().nth(1))).collect();
    for (k, op) in operators.iter().enumerate() {
        if !state_fills.contains(&k) {
            let ins: Vec<i32> = op.inputs().map(|v| v.iter().collect()).unwrap_or_default();
            fill_zeros.retain(|z| !ins.contains(z) && !outputs.contains(z));
        }
    }
    let order = emission_order(&operators, tensors.len(), &inputs, |i| {
        let b = tensor(i).map(|t| t.buffer() as usize).unwrap_or(0);
        data_of(b).is_some()
    });
    let mut uses_no_value = false;
    for item in order {
        let k = match item {
            Item::Const(i) if fill_zeros.contains(&i) => continue,
            Item::Const(i) => {
                need_const(i, &mut body, &mut defined)?;
                continue;
            }
            Item::Op(k) if state_fills.contains(&k) => continue,
            Item::Op(k) => k,
        };
        let op = &operators[k];
        let index = op.opcode_index() as usize;
        let code = opcodes
            .filter(|c| index < c.len())
            .map(|c| c.get(index))
            .ok_or_else(|| ReadError::Invalid(format!("operator {k} has opcode index {index}, out of range")))?;
        let builtin = builtin_code(&code);
        let def = catalog_entry(builtin).ok_or_else(|| {
            ReadError::Unsupported(format!(
                "operator {k} is {}, which edge's tfl catalog does not have",
                builtin.variant_name().map(str::to_string).unwrap_or_else(|| format!("builtin code {}", builtin.0))
            ))
        })?;
        let ins: Vec<i32> = op.inputs().map(|v| v.iter().map(operand).collect()).unwrap_or_default();
        let outs: Vec<i32> = op.outputs().map(|v| v.iter().collect()).unwrap_or_default();
        for &i in &ins {
            need_const(i, &mut body, &mut defined)?;
        }
        let mut operands = Vec::new();
        let mut operand_types = Vec::new();
        for &i in &ins {
            if i < 0 {
                uses_no_value = true;
                operands.push("%none".to_string());
                operand_types.push("none".to_string());
            } else {
                operands.push(format!("%t{i}"));
                operand_types.push(ty(i)?);
            }
        }
        let attrs = match &def.tflite.as_ref().and_then(|t| t.options.as_ref()) {
            Some(opts) => options_attrs(opts, super::check::options_table(op, opts))?,
            None => String::new(),
        };
        let result_types: Vec<String> = outs.iter().map(|&i| ty(i)).collect::<Result<_, _>>()?;
        let results: Vec<String> = outs.iter().map(|i| format!("%t{i}")).collect();
        for &o in &outs {
            tensor(o)?;
            defined[o as usize] = true;
        }
        let lhs = if results.is_empty() { String::new() } else { format!("{} = ", results.join(", ")) };
        let loc = outs.first().map(|&o| tensor(o).map(|t| quote(t.name().unwrap_or("")))).transpose()?.unwrap_or_else(|| "unknown".into());
        writeln!(
            body,
            "    {lhs}\"{}\"({}){attrs} : ({}) -> ({}) loc({loc})",
            def.name,
            operands.join(", "),
            operand_types.join(", "),
            result_types.join(", ")
        )
        .unwrap();
    }
    for &o in &outputs {
        need_const(o, &mut body, &mut defined)?;
    }

    let args: Vec<String> = inputs.iter().map(|&i| Ok(format!("%t{i}: {}", ty(i)?))).collect::<Result<_, ReadError>>()?;
    let out_types: Vec<String> = outputs.iter().map(|&o| ty(o)).collect::<Result<_, _>>()?;
    let in_names: Vec<String> =
        inputs.iter().map(|&i| sig_name(i, false).or_else(|| tensor(i).ok().and_then(|t| t.name().map(str::to_string))).unwrap_or_default()).collect();
    let out_names: Vec<String> =
        outputs.iter().map(|&o| sig_name(o, true).or_else(|| tensor(o).ok().and_then(|t| t.name().map(str::to_string))).unwrap_or_default()).collect();
    let dims = super::dump::signature_dynamic_dims(model, key)?;
    let dims = if dims.is_empty() {
        String::new()
    } else {
        format!("{} = {}, ", super::dynamic_dims::ATTR, super::dynamic_dims::attr_text(&dims))
    };
    writeln!(
        text,
        "  func.func @{}({}) -> ({}) attributes {{{dims}tf.entry_function = {{inputs = {}, outputs = {}}}}} {{",
        symbol(func_name),
        args.join(", "),
        out_types.join(", "),
        quote(&in_names.join(",")),
        quote(&out_names.join(","))
    )
    .unwrap();
    if uses_no_value {
        text.push_str("    %none = \"tfl.no_value\"() {value} : () -> none\n");
    }
    text.push_str(&body);
    let rets: Vec<String> = outputs.iter().map(|o| format!("%t{o}")).collect();
    writeln!(text, "    func.return {} : {}", rets.join(", "), out_types.join(", ")).unwrap();
    text.push_str("  }\n");
    Ok(())
}

/// A symbol name as MLIR spells it: bare when it is an identifier, quoted otherwise.
fn symbol(name: &str) -> String {
    let bare = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "_$.".contains(c));
    if bare { name.to_string() } else { quote(name) }
}

/// The text of metadata entry `name` (trailing NULs dropped), when the model has it.
pub(super) fn metadata_string(model: &Model, name: &str) -> Option<String> {
    let m = model.metadata()?.iter().find(|m| m.name() == Some(name))?;
    let data = model.buffers().and_then(|b| b.iter().nth(m.buffer() as usize)).and_then(|b| b.data())?;
    Some(String::from_utf8_lossy(data.bytes()).trim_end_matches('\0').to_string())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Const(i32),
    Op(usize),
}

/// Constants and operators in the order their tensors were numbered (a topological
/// order, smallest first tensor index first). For files edge wrote this is the source
/// order, so writing the module read back gives the same bytes.
fn emission_order(operators: &[Operator], n_tensors: usize, inputs: &[i32], has_data: impl Fn(i32) -> bool) -> Vec<Item> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut producer = vec![usize::MAX; n_tensors];
    for (k, op) in operators.iter().enumerate() {
        for o in op.outputs().iter().flatten() {
            if o >= 0 && (o as usize) < n_tensors {
                producer[o as usize] = k;
            }
        }
    }
    let mut waiting = vec![0usize; operators.len()];
    let mut users: Vec<Vec<usize>> = vec![Vec::new(); operators.len()];
    for (k, op) in operators.iter().enumerate() {
        for i in op.inputs().iter().flatten() {
            if i >= 0 && (i as usize) < n_tensors && producer[i as usize] != usize::MAX {
                waiting[k] += 1;
                users[producer[i as usize]].push(k);
            }
        }
    }
    let key = |k: usize| operators[k].outputs().and_then(|o| o.iter().filter(|&x| x >= 0).min()).unwrap_or(i32::MAX);
    let mut heap = BinaryHeap::new();
    for i in 0..n_tensors as i32 {
        if producer[i as usize] == usize::MAX && !inputs.contains(&i) && has_data(i) {
            heap.push(Reverse((i, Item::Const(i))));
        }
    }
    for k in 0..operators.len() {
        if waiting[k] == 0 {
            heap.push(Reverse((key(k), Item::Op(k))));
        }
    }
    let mut order = Vec::with_capacity(heap.len());
    while let Some(Reverse((_, item))) = heap.pop() {
        order.push(item);
        if let Item::Op(k) = item {
            for &u in &users[k] {
                waiting[u] -= 1;
                if waiting[u] == 0 {
                    heap.push(Reverse((key(u), Item::Op(u))));
                }
            }
        }
    }
    // Operators left waiting are part of a cycle: emit them anyway so the MLIR verifier
    // reports the broken dominance at their location.
    order.extend((0..operators.len()).filter(|&k| waiting[k] > 0).map(Item::Op));
    order
}

/// `tensor<4x!quant.uniform<i8:f32, ...>>` -> `tensor<4xi8>` (the dense literal's type).
fn storage_type_text(ty: &str) -> String {
    match ty.find("!quant.uniform<") {
        Some(start) => {
            let rest = &ty[start + "!quant.uniform<".len()..];
            let storage = rest.split(':').next().unwrap_or("i8");
            let storage = storage.strip_prefix('u').map(|w| format!("ui{w}")).unwrap_or_else(|| storage.to_string());
            format!("{}{}>", &ty[..start], storage)
        }
        None => ty.to_string(),
    }
}

/// The attribute dictionary (` {a = ..., b = ...}`) for an options table.
pub(super) fn options_attrs(def: &OptionsDef, table: Option<flatbuffers::Table>) -> Result<String, ReadError> {
    let mut attrs = Vec::new();
    for f in def.fields {
        let FieldSource::Attr(attr) = f.source else { continue };
        let slot = 4 + 2 * f.slot;
        let default = field_default(def.table, f.field);
        // SAFETY: the model passed the flatbuffer verifier; the slot's type comes from the
        // catalog, which a test checks against the schema.
        let text = unsafe {
            match f.ty {
                FieldTy::Bool => {
                    let d = default == Some("true");
                    let v = table.and_then(|t| t.get::<bool>(slot, Some(d))).unwrap_or(d);
                    v.to_string()
                }
                FieldTy::Int => {
                    let d = default.and_then(|s| s.parse().ok()).unwrap_or(0);
                    format!("{} : i32", table.and_then(|t| t.get::<i32>(slot, Some(d))).unwrap_or(d))
                }
                FieldTy::Long => {
                    let d = default.and_then(|s| s.parse().ok()).unwrap_or(0);
                    format!("{} : i64", table.and_then(|t| t.get::<i64>(slot, Some(d))).unwrap_or(d))
                }
                FieldTy::Float => {
                    let d = default.and_then(|s| s.parse().ok()).unwrap_or(0.0);
                    let v = table.and_then(|t| t.get::<f32>(slot, Some(d))).unwrap_or(d);
                    format!("{v:?} : f32")
                }
                FieldTy::Enum(e) => {
                    let d = default.and_then(|s| super::enums::schema_enum_value(e, s)).unwrap_or(0) as i8;
                    let raw = table.and_then(|t| t.get::<i8>(slot, Some(d))).unwrap_or(d);
                    let name = schema_enum_name(e, raw as i64)
                        .ok_or_else(|| ReadError::Invalid(format!("{}.{} has value {raw}, not a {e}", def.table, f.field)))?;
                    quote(name)
                }
                FieldTy::IntVector => {
                    let v = table.and_then(|t| t.get::<flatbuffers::ForwardsUOffset<flatbuffers::Vector<i32>>>(slot, None));
                    let items: Vec<String> = v.map(|v| v.iter().map(|x| format!("{x} : i64")).collect()).unwrap_or_default();
                    format!("[{}]", items.join(", "))
                }
            }
        };
        attrs.push(format!("{attr} = {text}"));
    }
    Ok(if attrs.is_empty() { String::new() } else { format!(" {{{}}}", attrs.join(", ")) })
}

/// Appends `bytes` as upper-case hex digits (a weight of gigabytes: no string per byte).
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.reserve(2 * bytes.len());
    for &b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
}


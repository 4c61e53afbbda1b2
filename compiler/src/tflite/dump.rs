//! `--tflite-dump`: a readable listing of a flatbuffer (operator codes with versions,
//! buffers, tensors with types/shapes/quantization, operators with their options,
//! signatures, metadata), stable enough to check with FileCheck.

use super::dynamic_dims::{self, DynDim};
use super::reader::{
    catalog_entry, metadata_string, options_attrs, parse_model, parse_model_in, storage_type_name, tensor_type_text,
    ReadError,
};
use crate::schema::*;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn dump_tflite(bytes: &[u8]) -> Result<String, ReadError> {
    let model = parse_model(bytes)?;
    let mut s = String::new();
    writeln!(s, "model version={} description={:?}", model.version(), model.description().unwrap_or("")).unwrap();
    writeln!(s, "operator_codes:").unwrap();
    for (i, c) in model.operator_codes().iter().flatten().enumerate() {
        let b = builtin_code(&c);
        let name = b.variant_name().map(str::to_string).unwrap_or_else(|| format!("BUILTIN_{}", b.0));
        writeln!(s, "  {i}: {name} version={} deprecated_code={}", c.version(), c.deprecated_builtin_code()).unwrap();
    }
    writeln!(s, "buffers:").unwrap();
    for (i, b) in model.buffers().iter().flatten().enumerate() {
        let n = b.data().map(|d| d.len()).unwrap_or(0);
        if n == 0 && b.size() == 0 {
            writeln!(s, "  {i}: empty").unwrap();
        } else if n == 0 {
            writeln!(s, "  {i}: external offset={} size={}", b.offset(), b.size()).unwrap();
        } else {
            writeln!(s, "  {i}: {n} bytes").unwrap();
        }
    }
    for (g, sg) in model.subgraphs().iter().flatten().enumerate() {
        let list = |v: Option<flatbuffers::Vector<i32>>| v.map(|v| v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")).unwrap_or_default();
        writeln!(s, "subgraph {g} name={:?} inputs=[{}] outputs=[{}]", sg.name().unwrap_or(""), list(sg.inputs()), list(sg.outputs())).unwrap();
        writeln!(s, "  tensors:").unwrap();
        for (i, t) in sg.tensors().iter().flatten().enumerate() {
            let ty = tensor_type_text(&t).unwrap_or_else(|e| format!("<{e}>"));
            let shape = list(t.shape());
            write!(s, "    {i}: {:?} {ty} shape=[{shape}] buffer={}", t.name().unwrap_or(""), t.buffer()).unwrap();
            if let Some(sig) = t.shape_signature() {
                write!(s, " shape_signature=[{}]", sig.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")).unwrap();
            }
            if t.is_variable() {
                s.push_str(" variable");
            }
            if let Some(q) = t.quantization() {
                if q.scale().is_some_and(|v| !v.is_empty()) {
                    write!(s, " quantized_dimension={}", q.quantized_dimension()).unwrap();
                }
            }
            s.push('\n');
        }
        writeln!(s, "  operators:").unwrap();
        for (i, op) in sg.operators().iter().flatten().enumerate() {
            let code = opcode(&model, &op);
            let builtin = code.map(|c| builtin_code(&c)).unwrap_or(BuiltinOperator(-1));
            let name = builtin.variant_name().unwrap_or("?");
            write!(s, "    {i}: {name} inputs=[{}] outputs=[{}]", list(op.inputs()), list(op.outputs())).unwrap();
            if let Some(opts) = catalog_entry(builtin).and_then(|d| d.tflite.as_ref()).and_then(|t| t.options.as_ref()) {
                write!(s, " {}{}", opts.table, options_attrs(opts, super::check::options_table(&op, opts))?).unwrap();
            }
            s.push('\n');
        }
    }
    for sig in model.signature_defs().iter().flatten() {
        let maps = |v: Option<flatbuffers::Vector<flatbuffers::ForwardsUOffset<TensorMap>>>| {
            v.map(|v| v.iter().map(|m| format!("{}={}", m.name().unwrap_or(""), m.tensor_index())).collect::<Vec<_>>().join(", ")).unwrap_or_default()
        };
        writeln!(
            s,
            "signature {:?} subgraph={} inputs=[{}] outputs=[{}]",
            sig.signature_key().unwrap_or(""),
            sig.subgraph_index(),
            maps(sig.inputs()),
            maps(sig.outputs())
        )
        .unwrap();
    }
    for m in model.metadata().iter().flatten() {
        let data = model.buffers().and_then(|b| b.iter().nth(m.buffer() as usize)).and_then(|b| b.data());
        let text = data.map(|d| String::from_utf8_lossy(d.bytes()).trim_end_matches('\0').to_string()).unwrap_or_default();
        if m.name().is_some_and(|n| n.starts_with(dynamic_dims::METADATA)) && !text.chars().any(char::is_control) {
            // JSON: shown as it is, quotes unescaped (one line: any control character
            // and it is quoted like the others).
            writeln!(s, "metadata {:?} buffer={} value={text}", m.name().unwrap_or(""), m.buffer()).unwrap();
        } else {
            writeln!(s, "metadata {:?} buffer={} value={text:?}", m.name().unwrap_or(""), m.buffer()).unwrap();
        }
    }
    Ok(s)
}

/// One input or output of a model as the summary shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct IoInfo {
    /// The signature's name for it (the tensor's name without a signature).
    pub name: String,
    /// Element type, `f32`, `i64`, `i8`... (the storage type of a quantized tensor).
    pub elem: String,
    /// `shape_signature` (or `shape` when the tensor has none): -1 is dynamic.
    pub shape: Vec<i32>,
    /// The Dim range of each dynamic dim, from `edge_dynamic_dims` (inputs only).
    pub dims: Vec<DynDim>,
}

impl IoInfo {
    /// `x: f32[-1,3,16,16]  dim 0: s77 in [1, 16]`.
    pub fn line(&self) -> String {
        let shape: Vec<String> = self.shape.iter().map(|d| d.to_string()).collect();
        let mut s = format!("{}: {}[{}]", self.name, self.elem, shape.join(","));
        if !self.dims.is_empty() {
            let dims: Vec<String> = self.dims.iter().map(DynDim::describe).collect();
            s.push_str("  ");
            s.push_str(&dims.join(", "));
        }
        s
    }
}

/// One signature of a file as the summary shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureSummary {
    /// The signature's key (empty for a file without signatures).
    pub key: String,
    pub subgraph: usize,
    pub inputs: Vec<IoInfo>,
    pub outputs: Vec<IoInfo>,
    /// How many times each builtin operator occurs in its subgraph.
    pub ops: BTreeMap<String, usize>,
    /// Its subgraph's weights by type (see `weight_types`).
    pub weights: BTreeMap<String, usize>,
}

/// Every signature of a whole file, in file order (subgraph 0 alone, keyed "", when the
/// file has no signatures).
pub fn signature_summaries(bytes: &[u8]) -> Result<Vec<SignatureSummary>, ReadError> {
    summaries_with_len(bytes, bytes.len())
}

/// `signature_summaries` of a flatbuffer that is the start of a `file_len`-byte file.
pub(super) fn summaries_with_len(flatbuffer: &[u8], file_len: usize) -> Result<Vec<SignatureSummary>, ReadError> {
    let model = parse_model_in(flatbuffer, file_len)?;
    let n = model.subgraphs().map(|s| s.len()).unwrap_or(0);
    let mut sigs: Vec<(String, usize)> =
        model.signature_defs().iter().flatten().map(|s| (s.signature_key().unwrap_or("").to_string(), s.subgraph_index() as usize)).collect();
    if sigs.is_empty() && n > 0 {
        sigs.push((String::new(), 0));
    }
    sigs.into_iter()
        .map(|(key, g)| {
            let (inputs, outputs) = subgraph_io(&model, g, &key)?;
            let sg = model.subgraphs().map(|s| s.get(g));
            Ok(SignatureSummary {
                ops: sg.map(|sg| subgraph_ops(&model, &sg)).unwrap_or_default(),
                weights: sg.map(|sg| subgraph_weights(&model, &sg)).unwrap_or_default(),
                key,
                subgraph: g,
                inputs,
                outputs,
            })
        })
        .collect()
}

/// The Dim ranges of signature `key`'s inputs: `edge_dynamic_dims.<key>`, or in a file
/// with one subgraph, `edge_dynamic_dims`.
pub(super) fn signature_dynamic_dims(model: &Model, key: &str) -> Result<dynamic_dims::DynamicDims, ReadError> {
    let one = model.subgraphs().is_some_and(|s| s.len() == 1);
    let json = metadata_string(model, &dynamic_dims::metadata_name(Some(key)))
        .or_else(|| one.then(|| metadata_string(model, dynamic_dims::METADATA)).flatten());
    match json {
        Some(json) => dynamic_dims::from_json(&json).map_err(ReadError::Malformed),
        None => Ok(vec![]),
    }
}

/// The inputs and outputs of subgraph 0 with their shape signatures, and each input's
/// Dim ranges when the file has them.
pub fn io_signature(bytes: &[u8]) -> Result<(Vec<IoInfo>, Vec<IoInfo>), ReadError> {
    let model = parse_model(bytes)?;
    if model.subgraphs().is_none_or(|s| s.is_empty()) {
        return Ok((vec![], vec![]));
    }
    let key = model.signature_defs().and_then(|v| v.iter().find(|s| s.subgraph_index() == 0)).and_then(|s| s.signature_key()).unwrap_or("");
    subgraph_io(&model, 0, key)
}

/// Subgraph `g`'s inputs and outputs, named by signature `key`'s maps where it has them.
fn subgraph_io(model: &Model, g: usize, key: &str) -> Result<(Vec<IoInfo>, Vec<IoInfo>), ReadError> {
    let Some(sg) = model.subgraphs().filter(|s| g < s.len()).map(|s| s.get(g)) else {
        return Ok((vec![], vec![]));
    };
    let dims = signature_dynamic_dims(model, key)?;
    let sig = model.signature_defs().and_then(|v| v.iter().find(|s| s.subgraph_index() as usize == g && s.signature_key().unwrap_or("") == key));
    let tensors = sg.tensors();
    let side = |indices: Option<flatbuffers::Vector<i32>>, outputs: bool| -> Vec<IoInfo> {
        let maps = sig.and_then(|s| if outputs { s.outputs() } else { s.inputs() });
        indices
            .iter()
            .flatten()
            .filter_map(|i| {
                let t = tensors.filter(|ts| i >= 0 && (i as usize) < ts.len())?.get(i as usize);
                let name = maps
                    .and_then(|m| m.iter().find(|m| m.tensor_index() as i32 == i).and_then(|m| m.name()))
                    .or(t.name())
                    .unwrap_or("")
                    .to_string();
                let shape: Vec<i32> = match (t.shape_signature(), t.shape()) {
                    (Some(sig), _) if !sig.is_empty() => sig.iter().collect(),
                    (_, Some(shape)) => shape.iter().collect(),
                    _ => vec![],
                };
                let elem = storage_type_name(t.type_()).unwrap_or("?").to_string();
                let ds = if outputs { vec![] } else { dims.iter().find(|(n, _)| *n == name).map(|(_, d)| d.clone()).unwrap_or_default() };
                Some(IoInfo { name, elem, shape, dims: ds })
            })
            .collect()
    };
    Ok((side(sg.inputs(), false), side(sg.outputs(), true)))
}

/// The operator's code; `check_model` has checked the index, this does not rely on it.
fn opcode<'a>(model: &Model<'a>, op: &Operator) -> Option<OperatorCode<'a>> {
    let i = op.opcode_index() as usize;
    model.operator_codes().filter(|c| i < c.len()).map(|c| c.get(i))
}

/// How many times each builtin operator occurs in a flatbuffer's subgraphs, by name.
pub fn op_histogram(bytes: &[u8]) -> Result<BTreeMap<String, usize>, ReadError> {
    let model = parse_model(bytes)?;
    let mut counts = BTreeMap::new();
    for sg in model.subgraphs().iter().flatten() {
        for (name, n) in subgraph_ops(&model, &sg) {
            *counts.entry(name).or_insert(0) += n;
        }
    }
    Ok(counts)
}

fn subgraph_ops(model: &Model, sg: &SubGraph) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for op in sg.operators().iter().flatten() {
        let code = opcode(model, &op);
        let builtin = code.map(|c| builtin_code(&c)).unwrap_or(BuiltinOperator(-1));
        let name = builtin.variant_name().map(str::to_string).unwrap_or_else(|| format!("BUILTIN_{}", builtin.0));
        *counts.entry(name).or_insert(0) += 1;
    }
    counts
}

/// How many weights a flatbuffer holds of each type (`FLOAT32`, `FLOAT16`, `INT8`...):
/// the constant tensors (those with data) that are float or quantized, over all
/// subgraphs. Integer constants that are not quantized (shapes, permutations, indices)
/// are not weights.
pub fn weight_types(bytes: &[u8]) -> Result<BTreeMap<String, usize>, ReadError> {
    let model = parse_model(bytes)?;
    let mut counts = BTreeMap::new();
    for sg in model.subgraphs().iter().flatten() {
        for (name, n) in subgraph_weights(&model, &sg) {
            *counts.entry(name).or_insert(0) += n;
        }
    }
    Ok(counts)
}

fn subgraph_weights(model: &Model, sg: &SubGraph) -> BTreeMap<String, usize> {
    let buffers = model.buffers();
    let has_data = |b: u32| {
        buffers.filter(|bs| b > 0 && (b as usize) < bs.len()).is_some_and(|bs| {
            let buffer = bs.get(b as usize);
            buffer.data().is_some_and(|d| !d.is_empty()) || buffer.size() > 0
        })
    };
    let mut counts = BTreeMap::new();
    for t in sg.tensors().iter().flatten() {
        let ty = t.type_();
        let float = matches!(ty, TensorType::FLOAT32 | TensorType::FLOAT16 | TensorType::BFLOAT16 | TensorType::FLOAT64);
        let quantized = t.quantization().is_some_and(|q| q.scale().is_some_and(|s| !s.is_empty()));
        if (float || quantized) && has_data(t.buffer()) {
            let name = ty.variant_name().map(str::to_string).unwrap_or_else(|| format!("TYPE_{}", ty.0));
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    counts
}

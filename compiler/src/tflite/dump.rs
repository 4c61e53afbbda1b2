//! `--tflite-dump`: a readable listing of a flatbuffer (operator codes with versions,
//! buffers, tensors with types/shapes/quantization, operators with their options,
//! signatures, metadata), stable enough to check with FileCheck.

use super::reader::{catalog_entry, options_attrs, parse_model, tensor_type_text, ReadError};
use crate::schema::*;
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
        writeln!(s, "metadata {:?} buffer={} value={text:?}", m.name().unwrap_or(""), m.buffer()).unwrap();
    }
    Ok(s)
}

/// The operator's code; `check_model` has checked the index, this does not rely on it.
fn opcode<'a>(model: &Model<'a>, op: &Operator) -> Option<OperatorCode<'a>> {
    let i = op.opcode_index() as usize;
    model.operator_codes().filter(|c| i < c.len()).map(|c| c.get(i))
}

/// How many times each builtin operator occurs in a flatbuffer's subgraphs, by name.
pub fn op_histogram(bytes: &[u8]) -> Result<std::collections::BTreeMap<String, usize>, ReadError> {
    let model = parse_model(bytes)?;
    let mut counts = std::collections::BTreeMap::new();
    for sg in model.subgraphs().iter().flatten() {
        for op in sg.operators().iter().flatten() {
            let code = opcode(&model, &op);
            let builtin = code.map(|c| builtin_code(&c)).unwrap_or(BuiltinOperator(-1));
            let name = builtin.variant_name().map(str::to_string).unwrap_or_else(|| format!("BUILTIN_{}", builtin.0));
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    Ok(counts)
}

/// How many weights a flatbuffer holds of each type (`FLOAT32`, `FLOAT16`, `INT8`...):
/// the constant tensors (those with data) that are float or quantized. Integer
/// constants that are not quantized (shapes, permutations, indices) are not weights.
pub fn weight_types(bytes: &[u8]) -> Result<std::collections::BTreeMap<String, usize>, ReadError> {
    let model = parse_model(bytes)?;
    let buffers = model.buffers();
    let has_data = |b: u32| {
        buffers.filter(|bs| b > 0 && (b as usize) < bs.len()).is_some_and(|bs| {
            let buffer = bs.get(b as usize);
            buffer.data().is_some_and(|d| !d.is_empty()) || buffer.size() > 0
        })
    };
    let mut counts = std::collections::BTreeMap::new();
    for sg in model.subgraphs().iter().flatten() {
        for t in sg.tensors().iter().flatten() {
            let ty = t.type_();
            let float = matches!(ty, TensorType::FLOAT32 | TensorType::FLOAT16 | TensorType::BFLOAT16 | TensorType::FLOAT64);
            let quantized = t.quantization().is_some_and(|q| q.scale().is_some_and(|s| !s.is_empty()));
            if (float || quantized) && has_data(t.buffer()) {
                let name = ty.variant_name().map(str::to_string).unwrap_or_else(|| format!("TYPE_{}", ty.0));
                *counts.entry(name).or_insert(0) += 1;
            }
        }
    }
    Ok(counts)
}

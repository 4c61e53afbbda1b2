//! Checks every index and size a `.tflite` file states before anything reads through
//! them: the flatbuffer verifier only proves that tables and vectors lie inside the
//! file, not that a tensor index names a tensor or that a buffer's size fits its tensor.
//! The reader, the dump and the summaries all go through `check_model` (from
//! `parse_model`), so none of them indexes with an unchecked number from the file.

use super::reader::{catalog_entry, ReadError, MAX_TENSOR_ELEMENTS};
use crate::schema::*;
use edge_dialects::catalog::{Arity, OpDef, OptionsDef};

fn bad(msg: String) -> ReadError {
    ReadError::Malformed(msg)
}

/// Checks the model's cross-references and sizes; `file_len` bounds external buffers.
pub(super) fn check_model(model: &Model, file_len: usize) -> Result<(), ReadError> {
    let n_buffers = model.buffers().map(|b| b.len()).unwrap_or(0);
    if let Some(buffers) = model.buffers() {
        for (i, b) in buffers.iter().enumerate() {
            // TFLite's convention: an offset above 1 places the data outside the
            // flatbuffer, `size` bytes at `offset` from the file's start.
            if b.offset() > 1 && b.data().is_some_and(|d| !d.is_empty()) {
                // Which would a runtime read? TensorFlow's tools refuse it too.
                return Err(bad(format!(
                    "buffer {i} has both data ({} bytes) and an offset ({}) outside the flatbuffer",
                    b.data().map_or(0, |d| d.len()),
                    b.offset()
                )));
            }
            if b.offset() > 1 && b.offset().checked_add(b.size()).is_none_or(|end| end > file_len as u64) {
                return Err(bad(format!(
                    "buffer {i} points at bytes {}..{}+{} past the end of the file ({file_len} bytes)",
                    b.offset(),
                    b.offset(),
                    b.size()
                )));
            }
        }
    }
    let opcodes: Vec<BuiltinOperator> = model.operator_codes().iter().flatten().map(|c| builtin_code(&c)).collect();
    // Catalog entries by opcode index, looked up once.
    let defs: Vec<Option<&'static OpDef>> = opcodes.iter().map(|&b| catalog_entry(b)).collect();
    let subgraphs = model.subgraphs();
    let n_subgraphs = subgraphs.map(|s| s.len()).unwrap_or(0);
    for (g, sg) in subgraphs.iter().flatten().enumerate() {
        let n_tensors = sg.tensors().map(|t| t.len()).unwrap_or(0);
        let index = |what: String, i: i32| -> Result<(), ReadError> {
            if i < 0 || i as usize >= n_tensors {
                return Err(bad(format!(
                    "subgraph {g}: {what} is tensor {i}, out of range (the subgraph has {n_tensors} tensors)"
                )));
            }
            Ok(())
        };
        for (k, i) in sg.inputs().iter().flatten().enumerate() {
            index(format!("input {k}"), i)?;
        }
        for (k, o) in sg.outputs().iter().flatten().enumerate() {
            index(format!("output {k}"), o)?;
        }
        for (i, t) in sg.tensors().iter().flatten().enumerate() {
            check_tensor(model, g, i, &t, n_buffers)?;
        }
        for (k, op) in sg.operators().iter().flatten().enumerate() {
            let code = op.opcode_index() as usize;
            if code >= opcodes.len() {
                return Err(bad(format!(
                    "subgraph {g}, operator {k}: opcode index {code} is out of range (the model has {} operator codes)",
                    opcodes.len()
                )));
            }
            let def = defs[code];
            let name = opcodes[code]
                .variant_name()
                .map(str::to_string)
                .unwrap_or_else(|| format!("builtin code {}", opcodes[code].0));
            let at = format!("subgraph {g}, operator {k} ({name})");
            for (j, i) in op.inputs().iter().flatten().enumerate() {
                // -1 marks an absent optional input; only slots the op declares optional
                // (or any slot of an op edge does not know) may hold it.
                if i == -1 && def.is_none_or(|d| optional_operand(d, j)) {
                    continue;
                }
                if i < 0 || i as usize >= n_tensors {
                    let why = if i == -1 {
                        "an absent input (-1), but that input is not optional".to_string()
                    } else {
                        format!("tensor {i}, out of range (the subgraph has {n_tensors} tensors)")
                    };
                    return Err(bad(format!("{at}: input {j} is {why}")));
                }
            }
            for (j, o) in op.outputs().iter().flatten().enumerate() {
                if o < 0 || o as usize >= n_tensors {
                    return Err(bad(format!(
                        "{at}: output {j} is tensor {o}, out of range (the subgraph has {n_tensors} tensors)"
                    )));
                }
            }
            for (j, o) in op.intermediates().iter().flatten().enumerate() {
                if o < 0 || o as usize >= n_tensors {
                    return Err(bad(format!(
                        "{at}: intermediate {j} is tensor {o}, out of range (the subgraph has {n_tensors} tensors)"
                    )));
                }
            }
            if let Some(opts) = def.and_then(|d| d.tflite.as_ref()).and_then(|t| t.options.as_ref()) {
                check_options_kind(&op, opts)
                    .map_err(|found| bad(format!("{at}: has options of type {found}, expected {}", opts.table)))?;
            }
        }
    }
    for (s, sig) in model.signature_defs().iter().flatten().enumerate() {
        let key = sig.signature_key().unwrap_or("");
        let g = sig.subgraph_index() as usize;
        let Some(sg) = subgraphs.filter(|_| g < n_subgraphs).map(|v| v.get(g)) else {
            return Err(bad(format!(
                "signature {s} ('{key}'): subgraph index {g} is out of range (the model has {n_subgraphs} subgraphs)"
            )));
        };
        let n_tensors = sg.tensors().map(|t| t.len()).unwrap_or(0);
        for (side, maps) in [("input", sig.inputs()), ("output", sig.outputs())] {
            for m in maps.iter().flatten() {
                let i = m.tensor_index() as usize;
                if i >= n_tensors {
                    return Err(bad(format!(
                        "signature {s} ('{key}'): {side} '{}' is tensor {i}, out of range (subgraph {g} has {n_tensors} tensors)",
                        m.name().unwrap_or("")
                    )));
                }
            }
        }
    }
    for (k, m) in model.metadata().iter().flatten().enumerate() {
        let b = m.buffer() as usize;
        if b >= n_buffers {
            return Err(bad(format!(
                "metadata {k} ('{}'): buffer index {b} is out of range (the model has {n_buffers} buffers)",
                m.name().unwrap_or("")
            )));
        }
    }
    Ok(())
}

/// Whether operand slot `j` of `def` may be absent: an `Optional` slot not preceded by
/// a variadic one (after a variadic slot, positions no longer map to slots).
fn optional_operand(def: &OpDef, j: usize) -> bool {
    def.operands.iter().take(j).all(|v| v.arity != Arity::Variadic)
        && def.operands.get(j).is_some_and(|v| v.arity == Arity::Optional)
}

/// `Ok` when the operator's options union holds `opts.table` or nothing; otherwise the
/// name of what it holds. The verifier checks a union's table against the type the file
/// states, so reading it as another table could read past it.
fn check_options_kind(op: &Operator, opts: &OptionsDef) -> Result<(), String> {
    let (k1, k2) = super::writer::union_kinds(opts);
    if opts.union == 2 {
        let t = op.builtin_options_2_type();
        if t == k2 || t == BuiltinOptions2::NONE {
            return Ok(());
        }
        Err(t.variant_name().map(str::to_string).unwrap_or_else(|| format!("BuiltinOptions2 {}", t.0)))
    } else {
        let t = op.builtin_options_type();
        if t == k1 || t == BuiltinOptions::NONE {
            return Ok(());
        }
        Err(t.variant_name().map(str::to_string).unwrap_or_else(|| format!("BuiltinOptions {}", t.0)))
    }
}

/// The operator's options table, when its union holds `opts.table` (otherwise the
/// schema defaults apply). `check_model` has rejected any other kind.
pub(super) fn options_table<'a>(op: &Operator<'a>, opts: &OptionsDef) -> Option<flatbuffers::Table<'a>> {
    let (k1, k2) = super::writer::union_kinds(opts);
    if opts.union == 2 {
        (op.builtin_options_2_type() == k2).then(|| op.builtin_options_2()).flatten()
    } else {
        (op.builtin_options_type() == k1).then(|| op.builtin_options()).flatten()
    }
}

/// Bytes per element of a TFLite type, when it has a fixed width (INT4 is packed two a
/// byte in TFLite files and one a byte as edge writes them: both are accepted).
fn type_width(t: TensorType) -> Option<u64> {
    Some(match t {
        TensorType::BOOL | TensorType::INT8 | TensorType::UINT8 | TensorType::INT4 => 1,
        TensorType::FLOAT16 | TensorType::BFLOAT16 | TensorType::INT16 | TensorType::UINT16 => 2,
        TensorType::FLOAT32 | TensorType::INT32 | TensorType::UINT32 => 4,
        TensorType::FLOAT64 | TensorType::INT64 | TensorType::UINT64 | TensorType::COMPLEX64 => 8,
        TensorType::COMPLEX128 => 16,
        _ => return None,
    })
}

fn check_tensor(model: &Model, g: usize, i: usize, t: &Tensor, n_buffers: usize) -> Result<(), ReadError> {
    let at = || format!("subgraph {g}, tensor {i} ('{}')", t.name().unwrap_or(""));
    let shape: Vec<i32> = t.shape().map(|s| s.iter().collect()).unwrap_or_default();
    if let Some(d) = shape.iter().find(|&&d| d < 0) {
        return Err(bad(format!("{}: shape [{}] has negative dimension {d}", at(), join(&shape))));
    }
    let sig: Vec<i32> = t.shape_signature().map(|s| s.iter().collect()).unwrap_or_default();
    if let Some(d) = sig.iter().find(|&&d| d < -1) {
        return Err(bad(format!(
            "{}: shape_signature [{}] has dimension {d} (only -1, dynamic, may be negative)",
            at(),
            join(&sig)
        )));
    }
    if !sig.is_empty() && sig.len() != shape.len() {
        return Err(bad(format!(
            "{}: shape_signature [{}] and shape [{}] differ in rank",
            at(),
            join(&sig),
            join(&shape)
        )));
    }
    // Dynamic dimensions count as 1, as in `shape`.
    let count = |dims: &[i32]| {
        dims.iter().try_fold(1u64, |n, &d| n.checked_mul(d.max(1) as u64)).filter(|&n| n <= MAX_TENSOR_ELEMENTS)
    };
    let (Some(elements), Some(_)) = (count(&shape), count(&sig)) else {
        return Err(bad(format!(
            "{}: shape [{}] has more than {MAX_TENSOR_ELEMENTS} elements (2^40), the most edge reads",
            at(),
            join(if sig.is_empty() { &shape } else { &sig })
        )));
    };
    let b = t.buffer() as usize;
    if b != 0 && b >= n_buffers {
        return Err(bad(format!("{}: buffer index {b} is out of range (the model has {n_buffers} buffers)", at())));
    }
    let buffer = model.buffers().filter(|_| b != 0).map(|bs| bs.get(b));
    let stored = buffer.map(|buf| match buf.data() {
        Some(d) if !d.is_empty() => d.len() as u64,
        _ => buf.size(),
    });
    if let (Some(stored), Some(width)) = (stored.filter(|&n| n > 0), type_width(t.type_())) {
        if sig.contains(&-1) {
            return Err(bad(format!(
                "{}: has constant data ({stored} bytes) but a dynamic shape [{}]",
                at(),
                join(&sig)
            )));
        }
        // `elements` is at most 2^40 and `width` at most 16: no overflow.
        let expected = elements * width;
        let packed = t.type_() == TensorType::INT4 && stored == elements.div_ceil(2);
        if stored != expected && !packed {
            let ty = t.type_().variant_name().unwrap_or("?");
            return Err(bad(format!(
                "{}: buffer {b} holds {stored} bytes, but a {ty} tensor of shape [{}] takes {expected}",
                at(),
                join(&shape)
            )));
        }
    }
    if let Some(q) = t.quantization() {
        let scales = q.scale().map(|s| s.len()).unwrap_or(0);
        let qdim = q.quantized_dimension();
        if scales > 1 {
            let dims = if sig.is_empty() { &shape } else { &sig };
            if qdim < 0 || qdim as usize >= dims.len() {
                return Err(bad(format!(
                    "{}: quantized_dimension {qdim} is out of range for rank {}",
                    at(),
                    dims.len()
                )));
            }
            let d = dims[qdim as usize];
            if d >= 0 && d as usize != scales {
                return Err(bad(format!("{}: {scales} scales for dimension {qdim} of size {d}", at())));
            }
        }
    }
    Ok(())
}

fn join(v: &[i32]) -> String {
    v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::test_model::{TestModel, TestTensor};
    use super::super::{dump_tflite, op_histogram, tflite_to_mlir, weight_types};
    use crate::schema::*;

    /// Each bad file: its name under `fuzz/regressions/tflite/`, how it differs from the
    /// good model, and the message every reader gives.
    fn cases() -> Vec<(&'static str, TestModel, &'static str)> {
        let m = |f: &dyn Fn(&mut TestModel)| {
            let mut m = TestModel::default();
            f(&mut m);
            m
        };
        vec![
            (
                "operator-input-out-of-range",
                m(&|m| m.ops[0].inputs = vec![0, 7]),
                "subgraph 0, operator 0 (ADD): input 1 is tensor 7, out of range (the subgraph has 3 tensors)",
            ),
            (
                "operator-input-negative",
                m(&|m| m.ops[0].inputs = vec![-5, 1]),
                "subgraph 0, operator 0 (ADD): input 0 is tensor -5, out of range (the subgraph has 3 tensors)",
            ),
            (
                "operator-input-absent-not-optional",
                m(&|m| m.ops[0].inputs = vec![0, -1]),
                "subgraph 0, operator 0 (ADD): input 1 is an absent input (-1), but that input is not optional",
            ),
            (
                "operator-output-out-of-range",
                m(&|m| m.ops[0].outputs = vec![9]),
                "subgraph 0, operator 0 (ADD): output 0 is tensor 9, out of range (the subgraph has 3 tensors)",
            ),
            (
                "operator-intermediate-out-of-range",
                m(&|m| m.ops[0].intermediates = Some(vec![3])),
                "subgraph 0, operator 0 (ADD): intermediate 0 is tensor 3, out of range (the subgraph has 3 tensors)",
            ),
            (
                "opcode-index-out-of-range",
                m(&|m| m.ops[0].opcode = 5),
                "subgraph 0, operator 0: opcode index 5 is out of range (the model has 1 operator codes)",
            ),
            (
                "options-of-another-op",
                m(&|m| m.ops[0].options_type = BuiltinOptions::Conv2DOptions),
                "subgraph 0, operator 0 (ADD): has options of type Conv2DOptions, expected AddOptions",
            ),
            (
                "subgraph-input-out-of-range",
                m(&|m| m.inputs = vec![3]),
                "subgraph 0: input 0 is tensor 3, out of range (the subgraph has 3 tensors)",
            ),
            (
                "subgraph-output-negative",
                m(&|m| m.outputs = vec![-2]),
                "subgraph 0: output 0 is tensor -2, out of range (the subgraph has 3 tensors)",
            ),
            (
                "tensor-buffer-out-of-range",
                m(&|m| m.tensors[1].buffer = 9),
                "subgraph 0, tensor 1 ('c'): buffer index 9 is out of range (the model has 2 buffers)",
            ),
            (
                "shape-negative",
                m(&|m| m.tensors[0].shape = vec![-3]),
                "subgraph 0, tensor 0 ('x'): shape [-3] has negative dimension -3",
            ),
            (
                "shape-signature-below-minus-one",
                m(&|m| m.tensors[0].shape_signature = Some(vec![-2])),
                "subgraph 0, tensor 0 ('x'): shape_signature [-2] has dimension -2 (only -1, dynamic, may be negative)",
            ),
            (
                "shape-signature-rank",
                m(&|m| m.tensors[0].shape_signature = Some(vec![-1, 2])),
                "subgraph 0, tensor 0 ('x'): shape_signature [-1, 2] and shape [2] differ in rank",
            ),
            (
                "shape-overflowing",
                m(&|m| m.tensors[2].shape = vec![i32::MAX, i32::MAX, i32::MAX]),
                "subgraph 0, tensor 2 ('y'): shape [2147483647, 2147483647, 2147483647] has more than 1099511627776 \
                 elements (2^40), the most edge reads",
            ),
            (
                "shape-too-large",
                m(&|m| m.tensors[2].shape = vec![65536, 65536, 65536]),
                "subgraph 0, tensor 2 ('y'): shape [65536, 65536, 65536] has more than 1099511627776 elements (2^40), \
                 the most edge reads",
            ),
            (
                "buffer-size-mismatch",
                m(&|m| m.tensors[1].shape = vec![3]),
                "subgraph 0, tensor 1 ('c'): buffer 1 holds 8 bytes, but a FLOAT32 tensor of shape [3] takes 12",
            ),
            (
                "constant-dynamic-shape",
                m(&|m| m.tensors[1].shape_signature = Some(vec![-1])),
                "subgraph 0, tensor 1 ('c'): has constant data (8 bytes) but a dynamic shape [-1]",
            ),
            (
                "external-buffer-past-end",
                m(&|m| m.buffers[1] = (vec![], 1 << 20, 8)),
                "buffer 1 points at bytes 1048576..1048576+8 past the end of the file",
            ),
            (
                "external-buffer-with-data",
                m(&|m| m.buffers[1].1 = 8),
                "buffer 1 has both data (8 bytes) and an offset (8) outside the flatbuffer",
            ),
            (
                "quantized-dimension-out-of-range",
                m(&|m| m.tensors[0].quant = Some((vec![0.5, 0.25], 3))),
                "subgraph 0, tensor 0 ('x'): quantized_dimension 3 is out of range for rank 1",
            ),
            (
                "signature-tensor-out-of-range",
                m(&|m| m.signature.2 = vec![5]),
                "signature 0 ('serving_default'): output 'out0' is tensor 5, out of range (subgraph 0 has 3 tensors)",
            ),
            (
                "signature-subgraph-out-of-range",
                m(&|m| m.signature.0 = 3),
                "signature 0 ('serving_default'): subgraph index 3 is out of range (the model has 1 subgraphs)",
            ),
            (
                "metadata-buffer-out-of-range",
                m(&|m| m.metadata = vec![("min_runtime_version", 7)]),
                "metadata 0 ('min_runtime_version'): buffer index 7 is out of range (the model has 2 buffers)",
            ),
        ]
    }

    /// Every reader of a file: each must refuse a bad one with the same message.
    fn read_all(bytes: &[u8]) -> Vec<Result<(), String>> {
        vec![
            tflite_to_mlir(bytes).map(drop).map_err(|e| e.to_string()),
            dump_tflite(bytes).map(drop).map_err(|e| e.to_string()),
            op_histogram(bytes).map(drop).map_err(|e| e.to_string()),
            weight_types(bytes).map(drop).map_err(|e| e.to_string()),
        ]
    }

    #[test]
    fn the_good_model_reads() {
        let bytes = TestModel::default().bytes();
        assert!(read_all(&bytes).iter().all(Result::is_ok), "{:?}", read_all(&bytes));
    }

    #[test]
    fn bad_indices_and_sizes_are_errors_naming_where() {
        for (name, model, message) in cases() {
            for result in read_all(&model.bytes()) {
                let err = result.expect_err(name);
                assert!(err.starts_with("invalid TFLite model: "), "{name}: {err}");
                assert!(err.contains(message), "{name}:\n  got  {err}\n  want {message}");
            }
        }
    }

    /// An absent (-1) input is fine where the op declares it optional.
    #[test]
    fn absent_optional_inputs_are_accepted() {
        let mut m = TestModel::default();
        m.opcodes = vec![BuiltinOperator::FULLY_CONNECTED];
        let t = |name, shape, buffer| TestTensor {
            name,
            ty: TensorType::FLOAT32,
            shape,
            shape_signature: None,
            buffer,
            quant: None,
        };
        m.buffers[1].0 = [1.0f32, 0.0, 0.0, 1.0].iter().flat_map(|x| x.to_le_bytes()).collect();
        m.tensors = vec![t("x", vec![1, 2], 0), t("w", vec![2, 2], 1), t("y", vec![1, 2], 0)];
        m.ops[0].inputs = vec![0, 1, -1];
        m.ops[0].options_type = BuiltinOptions::FullyConnectedOptions;
        let text = tflite_to_mlir(&m.bytes()).unwrap();
        assert!(text.contains("\"tfl.fully_connected\"(%t0, %t1, %none)"), "{text}");
    }

    /// The regression corpus: every file there once crashed a reader or was read as if
    /// it were sound; each must now be refused.
    #[test]
    fn regressions_are_refused() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions/tflite");
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            for result in read_all(&bytes) {
                assert!(result.is_err(), "{} was accepted", entry.path().display());
            }
        }
    }

    /// Writes the corpus: `cargo test -p edge-compiler --lib write_tflite_regressions -- --ignored`.
    #[test]
    #[ignore]
    fn write_tflite_regressions() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions/tflite");
        std::fs::create_dir_all(dir).unwrap();
        for (name, model, _) in cases() {
            std::fs::write(format!("{dir}/{name}.tflite"), model.bytes()).unwrap();
        }
    }
}

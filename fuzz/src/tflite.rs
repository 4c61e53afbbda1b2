//! The `tflite` target: `--tflite-dump`, the summary's readers and `--tflite-to-mlir`,
//! then the module read back through the verifier and the writer. Seeds are the TFL
//! modules of the lit tests, written with edge's writer. Mutations are field-aware: the
//! places of the integer fields the readers index with (tensor, buffer and opcode
//! indices, shapes, types, sizes, vector lengths) are found once per seed through the
//! generated accessors, and overwritten with edge values, so most inputs still pass the
//! flatbuffer verifier and reach the code behind it.

use crate::mutate::{self, interesting_float, interesting_int};
use crate::Outcome;
use edge_compiler::schema::*;
use flatbuffers::{Table, VOffsetT, Vector};
use rand::Rng;
use std::path::Path;

/// A field in the flatbuffer: where it is and how it is read.
#[derive(Debug, Clone, Copy)]
struct Slot {
    at: usize,
    width: usize,
    float: bool,
}

struct Seed {
    bytes: Vec<u8>,
    slots: Vec<Slot>,
}

pub struct Seeds {
    seeds: Vec<Seed>,
}

impl Seeds {
    pub fn load(root: &Path) -> Result<Seeds, String> {
        let mut seeds = Vec::new();
        for text in crate::mlir::lit_cases(root)? {
            if let Some(bytes) = write_tfl_module(&text) {
                let slots = slots(&bytes);
                seeds.push(Seed { bytes, slots });
            }
        }
        if seeds.is_empty() {
            return Err("no lit-test case is a TFL module that edge writes".into());
        }
        Ok(Seeds { seeds })
    }

    pub fn generate(&self, rng: &mut impl Rng) -> Vec<u8> {
        let seed = &self.seeds[rng.random_range(0..self.seeds.len())];
        let mut bytes = seed.bytes.clone();
        let kind = rng.random_range(0..100);
        if kind < 85 && !seed.slots.is_empty() {
            for _ in 0..rng.random_range(1..=3) {
                let slot = seed.slots[rng.random_range(0..seed.slots.len())];
                if slot.float {
                    let v = interesting_float(rng) as f32;
                    bytes[slot.at..slot.at + 4].copy_from_slice(&v.to_le_bytes());
                } else {
                    mutate::write_int(&mut bytes, slot.at, slot.width, interesting_int(rng));
                }
            }
        }
        if kind >= 70 {
            let donor = &self.seeds[rng.random_range(0..self.seeds.len())].bytes;
            mutate::bytes(rng, &mut bytes, donor);
        }
        bytes
    }
}

/// The flatbuffer of a TFL module in MLIR text, if it is one edge writes.
fn write_tfl_module(text: &str) -> Option<Vec<u8>> {
    use edge_dialects::context::{edge_context, parse_module, verify_module, DiagnosticCollector};
    if !text.contains("\"tfl.") {
        return None;
    }
    let context = edge_context();
    let _quiet = DiagnosticCollector::attach(&context);
    let module = parse_module(&context, text, "seed.mlir")?;
    if !verify_module(&module) {
        return None;
    }
    let image = edge_compiler::tflite::module_to_tflite_image(&module, &Default::default()).ok()?;
    Some(image.pieces().concat())
}

/// The integer and float fields of a model that its readers index or size with.
fn slots(bytes: &[u8]) -> Vec<Slot> {
    let mut out = Vec::new();
    let Ok(model) = root_as_model(bytes) else { return out };
    let base = bytes.as_ptr() as usize;
    let scalar = |out: &mut Vec<Slot>, tab: &Table, field: VOffsetT, width: usize| {
        let o = tab.vtable().get(field);
        if o != 0 {
            out.push(Slot { at: tab.loc() + o as usize, width, float: false });
        }
    };
    fn vector<T>(out: &mut Vec<Slot>, base: usize, v: Option<Vector<T>>, width: usize, float: bool) {
        let Some(v) = v else { return };
        let start = v.bytes().as_ptr() as usize - base;
        // The length prefix, then each element.
        out.push(Slot { at: start - 4, width: 4, float: false });
        for i in 0..v.len() {
            out.push(Slot { at: start + i * width, width, float });
        }
    }
    for code in model.operator_codes().iter().flatten() {
        scalar(&mut out, &code._tab, OperatorCode::VT_BUILTIN_CODE, 4);
        scalar(&mut out, &code._tab, OperatorCode::VT_DEPRECATED_BUILTIN_CODE, 1);
        scalar(&mut out, &code._tab, OperatorCode::VT_VERSION, 4);
    }
    for buffer in model.buffers().iter().flatten() {
        scalar(&mut out, &buffer._tab, Buffer::VT_OFFSET, 8);
        scalar(&mut out, &buffer._tab, Buffer::VT_SIZE, 8);
        if let Some(data) = buffer.data() {
            let start = data.bytes().as_ptr() as usize - base;
            out.push(Slot { at: start - 4, width: 4, float: false });
        }
    }
    for sg in model.subgraphs().iter().flatten() {
        vector(&mut out, base, sg.inputs(), 4, false);
        vector(&mut out, base, sg.outputs(), 4, false);
        for t in sg.tensors().iter().flatten() {
            vector(&mut out, base, t.shape(), 4, false);
            vector(&mut out, base, t.shape_signature(), 4, false);
            scalar(&mut out, &t._tab, Tensor::VT_TYPE_, 1);
            scalar(&mut out, &t._tab, Tensor::VT_BUFFER, 4);
            if let Some(q) = t.quantization() {
                vector(&mut out, base, q.scale(), 4, true);
                vector(&mut out, base, q.zero_point(), 8, false);
                scalar(&mut out, &q._tab, QuantizationParameters::VT_QUANTIZED_DIMENSION, 4);
            }
        }
        for op in sg.operators().iter().flatten() {
            scalar(&mut out, &op._tab, Operator::VT_OPCODE_INDEX, 4);
            vector(&mut out, base, op.inputs(), 4, false);
            vector(&mut out, base, op.outputs(), 4, false);
            // Options: every field of the table, read as 4-byte integers (enums and
            // bools are one byte, but a wider edge value still lands in them).
            for tab in [op.builtin_options(), op.builtin_options_2()].into_iter().flatten() {
                let vt = tab.vtable();
                for i in 0..vt.num_fields() {
                    let o = vt.get_field(i);
                    if o != 0 {
                        let at = tab.loc() + o as usize;
                        let width = if at + 4 <= bytes.len() { 4 } else { 1 };
                        out.push(Slot { at, width, float: false });
                    }
                }
            }
        }
    }
    for sig in model.signature_defs().iter().flatten() {
        scalar(&mut out, &sig._tab, SignatureDef::VT_SUBGRAPH_INDEX, 4);
        for map in sig.inputs().iter().flatten().chain(sig.outputs().iter().flatten()) {
            scalar(&mut out, &map._tab, TensorMap::VT_TENSOR_INDEX, 4);
        }
    }
    for m in model.metadata().iter().flatten() {
        scalar(&mut out, &m._tab, Metadata::VT_BUFFER, 4);
    }
    out.retain(|s| s.at + s.width <= bytes.len());
    out
}

/// What the tools do with a `.tflite`: dump it, count its ops and weights, read it back
/// as MLIR, verify that, and write it again.
pub fn execute(input: &[u8]) -> Outcome {
    use edge_compiler::tflite;
    use edge_dialects::context::{edge_context, parse_module, verify_module, DiagnosticCollector};
    let dumped = tflite::dump_tflite(input);
    let _ = tflite::op_histogram(input);
    let _ = tflite::weight_types(input);
    let text = match tflite::tflite_to_mlir(input) {
        Ok(t) => t,
        Err(e) => return Outcome::Error(e.to_string()),
    };
    if let Err(e) = dumped {
        return Outcome::Error(format!("the dump refuses what the reader reads: {e}"));
    }
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let result = (|| {
        let module = parse_module(&context, &text, "read-back.mlir").ok_or("parse")?;
        if !verify_module(&module) {
            return Err("verify".to_string());
        }
        match tflite::module_to_tflite_image(&module, &Default::default()) {
            Ok(_) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    })();
    crate::outcome_of(&collector.take(), result)
}

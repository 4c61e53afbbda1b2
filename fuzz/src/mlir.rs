//! The `mlir` target: MLIR text through what `edge-opt` and `edge-translate
//! --mlir-to-tflite` run: parsing, the verifier, edge-convert's default pipeline, the
//! verifier again and the flatbuffer writer. Seeds are the cases of every `.mlir` lit
//! test. Mutations know MLIR's tokens: numbers (shape dims, attribute values, indices)
//! become edge values, op names become other catalogued ops, element types other
//! types, lines are dropped, repeated or spliced from other seeds.

use crate::mutate::{self, interesting_int};
use crate::Outcome;
use rand::Rng;
use std::path::Path;

pub struct Seeds {
    cases: Vec<String>,
    /// `tfl.*` and `stablehlo.*` op names from the catalogs.
    op_names: Vec<&'static str>,
}

const ELEMENT_TYPES: &[&str] = &[
    "f32",
    "f16",
    "bf16",
    "f64",
    "i1",
    "i4",
    "i8",
    "i16",
    "i32",
    "i64",
    "ui8",
    "index",
    "none",
    "complex<f32>",
    "!quant.uniform<i8:f32, 0.5:-3>",
    "!quant.uniform<i8:f32:0, {0.5, 0.25}>",
    "f8E4M3FN",
    "i0",
    "i65535",
];

/// Every `// -----` case of every `.mlir` file under `lit-tests/`, in path order.
pub fn lit_cases(root: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(list) = std::fs::read_dir(dir) else { return };
        for e in list.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "mlir") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root.join("lit-tests"), &mut files);
    files.sort();
    let mut cases = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        for chunk in edge_compiler::driver::split_input(&text, true) {
            let case = chunk.text.trim_start_matches('\n').to_string();
            if case.contains("func.func") {
                cases.push(case);
            }
        }
    }
    if cases.is_empty() {
        return Err(format!("no MLIR cases under {}/lit-tests", root.display()));
    }
    Ok(cases)
}

impl Seeds {
    pub fn load(root: &Path) -> Result<Seeds, String> {
        let op_names = edge_dialects::TFL.ops.iter().chain(edge_dialects::STABLEHLO.ops).map(|o| o.name).collect();
        Ok(Seeds { cases: lit_cases(root)?, op_names })
    }

    pub fn generate(&self, rng: &mut impl Rng) -> Vec<u8> {
        let mut text = self.cases[rng.random_range(0..self.cases.len())].clone();
        for _ in 0..rng.random_range(1..=3) {
            self.mutate(rng, &mut text);
        }
        text.into_bytes()
    }

    fn mutate(&self, rng: &mut impl Rng, text: &mut String) {
        match rng.random_range(0..100) {
            0..40 => replace_number(rng, text),
            40..55 => {
                let spans = quoted_op_names(text);
                if !spans.is_empty() {
                    let (start, end) = spans[rng.random_range(0..spans.len())];
                    let name = self.op_names[rng.random_range(0..self.op_names.len())];
                    text.replace_range(start..end, name);
                }
            }
            55..65 => {
                let spans = element_types(text);
                if !spans.is_empty() {
                    let (start, end) = spans[rng.random_range(0..spans.len())];
                    text.replace_range(start..end, ELEMENT_TYPES[rng.random_range(0..ELEMENT_TYPES.len())]);
                }
            }
            65..85 => {
                let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                if lines.is_empty() {
                    return;
                }
                let at = rng.random_range(0..lines.len());
                match rng.random_range(0..3) {
                    0 => {
                        lines.remove(at);
                    }
                    1 => {
                        let copy = lines[at].clone();
                        lines.insert(at, copy);
                    }
                    _ => {
                        let donor = &self.cases[rng.random_range(0..self.cases.len())];
                        let donor_lines: Vec<&str> = donor.lines().collect();
                        if !donor_lines.is_empty() {
                            lines.insert(at, donor_lines[rng.random_range(0..donor_lines.len())].to_string());
                        }
                    }
                }
                *text = lines.join("\n");
            }
            _ => {
                let mut bytes = std::mem::take(text).into_bytes();
                let donor = self.cases[rng.random_range(0..self.cases.len())].as_bytes();
                mutate::bytes(rng, &mut bytes, donor);
                *text = String::from_utf8_lossy(&bytes).into_owned();
            }
        }
    }
}

/// Replaces one run of digits (a dim, an attribute value, an index, a type width).
fn replace_number(rng: &mut impl Rng, text: &mut String) {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            spans.push((start, i));
        } else {
            i += 1;
        }
    }
    if spans.is_empty() {
        return;
    }
    let (start, end) = spans[rng.random_range(0..spans.len())];
    let value = interesting_int(rng);
    // In a shape, `-1` would not lex; a dynamic dim `?` and zero do.
    let replacement = if text[end..].starts_with('x') && value < 0 { "?".to_string() } else { value.to_string() };
    text.replace_range(start..end, &replacement);
}

/// Spans of `"tfl.xxx"` / `"stablehlo.xxx"` op names (without the quotes).
fn quoted_op_names(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for prefix in ["\"tfl.", "\"stablehlo."] {
        let mut from = 0;
        while let Some(at) = text[from..].find(prefix) {
            let start = from + at + 1;
            let end = text[start..].find('"').map(|e| start + e).unwrap_or(text.len());
            spans.push((start, end));
            from = end;
        }
    }
    spans
}

/// Spans of element types after the last `x` of a shape (`tensor<2x3xf32>`).
fn element_types(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("xf32").or_else(|| text[from..].find("xi32")) {
        let start = from + at + 1;
        spans.push((start, start + 3));
        from = start + 3;
    }
    spans
}

/// Parses, verifies, runs edge-convert's default pipeline and writes a flatbuffer.
pub fn execute(input: &[u8]) -> Outcome {
    use edge_dialects::context::{edge_context, parse_module, verify_module, DiagnosticCollector};
    let Ok(text) = std::str::from_utf8(input) else { return Outcome::Error("not UTF-8".into()) };
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let result = (|| {
        let mut module = parse_module(&context, text, "fuzz.mlir").ok_or_else(|| "parse".to_string())?;
        if !verify_module(&module) {
            return Err("verify".to_string());
        }
        crate::convert_module(&context, &collector, &mut module)
    })();
    crate::outcome_of(&collector.take(), result)
}

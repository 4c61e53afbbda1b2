//! The `pt2` target: the `.pt2` reader, the importer and, for an archive that imports,
//! the default pipeline and the writer, as `edge-convert` runs them. Seeds are the archives under `fixtures/`; an input is one
//! of them with its JSON (the ExportedProgram, the payload configs) edited as JSON,
//! its entries removed, renamed or cut short, or its zip records (central directory,
//! end record, local headers) overwritten with edge values.

use crate::mutate::{self, interesting_float, interesting_int};
use crate::Outcome;
use rand::Rng;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;

/// One seed archive: its entries in order, and its bytes as written by torch.
pub struct Archive {
    pub entries: Vec<(String, Vec<u8>)>,
    pub bytes: Vec<u8>,
}

pub struct Seeds {
    archives: Vec<Archive>,
    /// Every node target and string the seeds' programs hold, for swapping in.
    targets: Vec<String>,
}

/// Sympy strings the importer parses (`as_expr.expr_str`) at their edges.
const EXPRESSIONS: &[&str] = &[
    "s0",
    "-s0",
    "s0*s1",
    "s0//0",
    "Mod(s0, 0)",
    "s0**100",
    "10**100",
    "9223372036854775807*s0",
    "(((((((((((((((((((((((((((((((((s0)))))))))))))))))))))))))))))))))",
    "Symbol('s0', integer=True, positive=True)",
    "Max(s0, s1) + Min(s0, 2)",
    "floor(s0/2) + 1",
    "s0 + ",
    "",
];

impl Seeds {
    pub fn load(root: &Path) -> Result<Seeds, String> {
        let mut paths = Vec::new();
        for dir in ["fixtures/ops", "fixtures/models", "fixtures/quant"] {
            let Ok(list) = std::fs::read_dir(root.join(dir)) else { continue };
            paths.extend(list.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "pt2")));
        }
        paths.sort();
        let mut archives = Vec::new();
        let mut targets = std::collections::BTreeSet::new();
        for p in &paths {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let entries = unpack(&bytes).map_err(|e| format!("{}: {e}", p.display()))?;
            for (name, data) in &entries {
                if name.ends_with("models/model.json") {
                    if let Ok(v) = serde_json::from_slice::<Value>(data) {
                        collect_targets(&v, &mut targets);
                    }
                }
            }
            archives.push(Archive { entries, bytes });
        }
        if archives.is_empty() {
            return Err(format!("no .pt2 seeds under {}/fixtures", root.display()));
        }
        Ok(Seeds { archives, targets: targets.into_iter().collect() })
    }

    pub fn generate(&self, rng: &mut impl Rng) -> Vec<u8> {
        let seed = &self.archives[rng.random_range(0..self.archives.len())];
        let mut entries = seed.entries.clone();
        let kind = rng.random_range(0..100);
        match kind {
            0..50 => self.mutate_json(rng, &mut entries, "models/model.json"),
            50..62 => {
                let which = if rng.random_bool(0.6) { "weights_config.json" } else { "constants_config.json" };
                self.mutate_json(rng, &mut entries, which)
            }
            62..70 => mutate_payload(rng, &mut entries),
            70..78 => mutate_entries(rng, &mut entries),
            _ => {}
        }
        let mut bytes = pack(&entries);
        if kind >= 78 {
            if rng.random_bool(0.6) {
                mutate_zip_records(rng, &mut bytes);
            } else {
                let donor = &self.archives[rng.random_range(0..self.archives.len())].bytes;
                mutate::bytes(rng, &mut bytes, donor);
            }
        }
        bytes
    }

    fn mutate_json(&self, rng: &mut impl Rng, entries: &mut [(String, Vec<u8>)], suffix: &str) {
        let Some((_, data)) = entries.iter_mut().find(|(n, _)| n.ends_with(suffix)) else { return };
        let Ok(mut doc) = serde_json::from_slice::<Value>(data) else { return };
        for _ in 0..rng.random_range(1..=3) {
            let count = count_nodes(&doc);
            let pick = rng.random_range(0..count);
            if let Some(node) = nth_node(&mut doc, pick) {
                self.mutate_value(rng, node);
            }
        }
        *data = serde_json::to_vec(&doc).unwrap_or_default();
    }

    fn mutate_value(&self, rng: &mut impl Rng, v: &mut Value) {
        if rng.random_bool(0.05) {
            *v = [
                Value::Null,
                Value::Bool(true),
                Value::Array(vec![]),
                Value::Object(Default::default()),
                Value::from(-1),
            ][rng.random_range(0..5)]
            .clone();
            return;
        }
        match v {
            Value::Number(_) => {
                *v = match rng.random_range(0..10) {
                    0..7 => Value::from(interesting_int(rng)),
                    7..9 => serde_json::Number::from_f64(interesting_float(rng))
                        .map(Value::Number)
                        .unwrap_or(Value::from(0)),
                    _ => Value::from(["Infinity", "-Infinity", "NaN"][rng.random_range(0..3)]),
                }
            }
            Value::String(s) => {
                *s = match rng.random_range(0..10) {
                    0..5 if !self.targets.is_empty() => self.targets[rng.random_range(0..self.targets.len())].clone(),
                    5..8 => EXPRESSIONS[rng.random_range(0..EXPRESSIONS.len())].to_string(),
                    8 => String::new(),
                    _ => format!("{s}{s}"),
                }
            }
            Value::Array(items) => match rng.random_range(0..5) {
                0 if !items.is_empty() => {
                    items.remove(rng.random_range(0..items.len()));
                }
                1 if !items.is_empty() => {
                    let at = rng.random_range(0..items.len());
                    items.insert(at, items[at].clone());
                }
                2 if items.len() > 1 => {
                    let (a, b) = (rng.random_range(0..items.len()), rng.random_range(0..items.len()));
                    items.swap(a, b);
                }
                3 => items.clear(),
                _ => {
                    // Deep nesting: the JSON parser must refuse it, not overflow.
                    let mut deep = Value::from(1);
                    for _ in 0..rng.random_range(100..3000) {
                        deep = Value::Array(vec![deep]);
                    }
                    items.push(deep);
                }
            },
            Value::Object(map) => {
                if !map.is_empty() && rng.random_bool(0.7) {
                    let key = map.keys().nth(rng.random_range(0..map.len())).cloned().unwrap_or_default();
                    map.remove(&key);
                } else {
                    map.insert("as_int".into(), Value::from(interesting_int(rng)));
                }
            }
            Value::Bool(b) => *b = !*b,
            Value::Null => *v = Value::from(interesting_int(rng)),
        }
    }
}

fn collect_targets(v: &Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(t)) = map.get("target") {
                out.insert(t.clone());
            }
            map.values().for_each(|x| collect_targets(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| collect_targets(x, out)),
        _ => {}
    }
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Object(map) => map.values().map(count_nodes).sum(),
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        _ => 0,
    }
}

/// The `n`th node of `v` in pre-order.
fn nth_node(v: &mut Value, mut n: usize) -> Option<&mut Value> {
    fn go(v: &mut Value, n: &mut usize) -> Option<*mut Value> {
        if *n == 0 {
            return Some(v as *mut Value);
        }
        *n -= 1;
        match v {
            Value::Object(map) => map.values_mut().find_map(|x| go(x, n)),
            Value::Array(items) => items.iter_mut().find_map(|x| go(x, n)),
            _ => None,
        }
    }
    // SAFETY: the pointer comes from a unique borrow of `v` that ends here.
    go(v, &mut n).map(|p| unsafe { &mut *p })
}

/// Cuts a storage file short, grows it, or edits its bytes.
fn mutate_payload(rng: &mut impl Rng, entries: &mut [(String, Vec<u8>)]) {
    let payloads: Vec<usize> =
        (0..entries.len()).filter(|&i| !entries[i].0.ends_with(".json") && entries[i].0.contains("/data/")).collect();
    if payloads.is_empty() {
        return;
    }
    let data = &mut entries[payloads[rng.random_range(0..payloads.len())]].1;
    match rng.random_range(0..3) {
        0 => {
            let keep = rng.random_range(0..=data.len());
            data.truncate(keep);
        }
        1 => data.extend(std::iter::repeat_n(0u8, rng.random_range(1..64))),
        _ => mutate::bytes(rng, data, &[]),
    }
}

/// Removes, renames or duplicates an entry.
fn mutate_entries(rng: &mut impl Rng, entries: &mut Vec<(String, Vec<u8>)>) {
    if entries.is_empty() {
        return;
    }
    let at = rng.random_range(0..entries.len());
    match rng.random_range(0..4) {
        0 => {
            entries.remove(at);
        }
        1 => entries[at].0 = entries[at].0.split_once('/').map(|(_, rel)| rel.to_string()).unwrap_or_default(),
        2 => entries[at].0 = format!("other/{}", entries[at].0),
        _ => {
            let copy = entries[at].clone();
            entries.push(copy);
        }
    }
}

/// Overwrites a field of a zip record (central directory entry, end record, local
/// header) with an edge value: sizes, offsets, name lengths, entry counts.
fn mutate_zip_records(rng: &mut impl Rng, bytes: &mut [u8]) {
    const CENTRAL: &[u8] = b"PK\x01\x02";
    const END: &[u8] = b"PK\x05\x06";
    const LOCAL: &[u8] = b"PK\x03\x04";
    let find = |magic: &[u8]| -> Vec<usize> {
        bytes.windows(4).enumerate().filter(|(_, w)| *w == magic).map(|(i, _)| i).collect()
    };
    let (records, fields): (Vec<usize>, &[(usize, usize)]) = match rng.random_range(0..3) {
        // compressed size, uncompressed size, name length, extra length, local offset
        0 => (find(CENTRAL), &[(20, 4), (24, 4), (28, 2), (30, 2), (42, 4)]),
        // entries on disk, entries, directory size, directory offset, comment length
        1 => (find(END), &[(8, 2), (10, 2), (12, 4), (16, 4), (20, 2)]),
        // compressed size, uncompressed size, name length, extra length
        _ => (find(LOCAL), &[(18, 4), (22, 4), (26, 2), (28, 2)]),
    };
    if records.is_empty() {
        return;
    }
    let at = records[rng.random_range(0..records.len())];
    let (offset, width) = fields[rng.random_range(0..fields.len())];
    mutate::write_int(bytes, at + offset, width, interesting_int(rng));
}

/// The entries of a zip, in order.
pub fn unpack(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| e.to_string())?;
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| e.to_string())?;
        out.push((f.name().to_string(), data));
    }
    Ok(out)
}

/// A zip as `torch.export.save` writes one: stored entries, data 64-byte aligned, and
/// fixed timestamps so equal entries give equal bytes.
pub fn pack(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .with_alignment(64)
        .last_modified_time(zip::DateTime::default());
    for (name, data) in entries {
        // A duplicate name is refused by the writer: skip it.
        if zip.start_file(name.as_str(), options).is_ok() {
            let _ = zip.write_all(data);
        }
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// Reads, imports and converts an archive, as `edge-convert` does: the import, the
/// default pipeline and the flatbuffer writer (an archive that imports is converted).
pub fn execute(input: &[u8]) -> Outcome {
    use edge_compiler::pt2::{archive::Archive, import_program, weights, ImportError, ImportOptions};
    use edge_dialects::context::{edge_context, DiagnosticCollector};
    let program = match Archive::from_bytes("fuzz.pt2", input).and_then(weights::load_archive) {
        Ok(p) => p,
        Err(e) => return Outcome::Error(e.to_string()),
    };
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let result = (|| {
        let mut imported = match import_program(&context, std::sync::Arc::new(program), &ImportOptions::default()) {
            Ok(m) => m,
            Err(ImportError::Diagnosed) => return Err("diagnosed".to_string()),
            Err(e) => return Err(e.to_string()),
        };
        crate::convert_module(&context, &collector, &mut imported.module)
    })();
    crate::outcome_of(&collector.take(), result)
}

//! The `.pt2` reader (`pt2::archive`, `pt2::schema`, `pt2::weights`) on real archives
//! and on malformed ones built here from them.
//!
//! Fixtures in `tests/data/pt2/`, written by `torch.export.save` (torch 2.14.1):
//! - `mixed.pt2`: parameters, a weight tied between `nn.Embedding` and `nn.Linear`, a
//!   transposed (strided) buffer, a sliced buffer (storage offset 2), a non-persistent
//!   buffer, a lifted tensor constant, bf16/f16/i64/bool/u8/i8 buffers, a 0-d buffer and
//!   a zero-size buffer;
//! - `conv_bn_fc.pt2`: Conv2d + BatchNorm2d + Linear after `run_decompositions()`;
//! - `dynamic.pt2`: a dynamic batch dim, `-inf` float arguments, a SymInt output and a
//!   multi-output `split`.
//!
//! Each has `<name>.expected.json` beside it: for every bound graph input, what torch
//! says about it (FQN, kind, dtype, sizes, strides, offset, contiguity) and its values
//! flattened row-major.
//!
//! Malformed archives are rebuilt from `mixed.pt2` with the `zip` writer or by byte
//! surgery; each must give its own `Pt2Error` variant, never a panic.

use std::borrow::Cow;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use edge_compiler::pt2::archive::Archive;
use edge_compiler::pt2::schema::{
    Argument, InputSpec, OutputSpec, RangeConstraint, ScalarType, SymInt, SymIntArgument,
};
use edge_compiler::pt2::weights::{self, WeightKind};
use edge_compiler::pt2::Pt2Error;
use serde_json::Value;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pt2").join(name)
}

/// An entry of a rebuilt archive: full name, data, compression.
struct Entry {
    name: String,
    data: Vec<u8>,
    method: CompressionMethod,
}

/// The entries of a real archive, in order.
fn entries_of(path: &Path) -> Vec<Entry> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            Entry { name: f.name().to_string(), data, method: CompressionMethod::Stored }
        })
        .collect()
}

fn write_zip(path: &Path, entries: &[Entry]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for e in entries {
        let options = SimpleFileOptions::default().compression_method(e.method).with_alignment(64);
        zip.start_file(e.name.as_str(), options).unwrap();
        zip.write_all(&e.data).unwrap();
    }
    zip.finish().unwrap();
}

/// A scratch file in its own temporary directory (kept alive with it).
struct Scratch {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn scratch(file_name: &str) -> Scratch {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(file_name);
    Scratch { _dir: dir, path }
}

/// `mixed.pt2` rebuilt after `edit` changes its entries.
fn rebuilt(edit: impl FnOnce(&mut Vec<Entry>)) -> Scratch {
    let mut entries = entries_of(&fixture("mixed.pt2"));
    edit(&mut entries);
    let s = scratch("mixed.pt2");
    write_zip(&s.path, &entries);
    s
}

/// A file with exactly `bytes`.
fn raw_file(bytes: &[u8]) -> Scratch {
    let s = scratch("mixed.pt2");
    std::fs::write(&s.path, bytes).unwrap();
    s
}

fn entry<'e>(entries: &'e mut [Entry], name: &str) -> &'e mut Entry {
    entries.iter_mut().find(|e| e.name == name).unwrap_or_else(|| panic!("no entry {name}"))
}

/// Applies `edit` to the JSON entry `name`.
fn edit_json(entries: &mut [Entry], name: &str, edit: impl FnOnce(&mut Value)) {
    let e = entry(entries, name);
    let mut v: Value = serde_json::from_slice(&e.data).unwrap();
    edit(&mut v);
    e.data = serde_json::to_vec(&v).unwrap();
}

const WEIGHTS_CONFIG: &str = "mixed/data/weights/model_weights_config.json";
const CONSTANTS_CONFIG: &str = "mixed/data/constants/model_constants_config.json";
const MODEL_JSON: &str = "mixed/models/model.json";

/// Loads `path`, expecting an error; checks the message names the archive.
fn load_err(path: &Path) -> Pt2Error {
    let err = weights::load(path).expect_err("the archive should be refused");
    let msg = err.to_string();
    let rest = msg
        .strip_prefix(&format!("{}: ", path.display()))
        .unwrap_or_else(|| panic!("message does not start with the path: {msg}"));
    assert!(rest.starts_with(|c: char| c.is_lowercase() || c == '\''), "message is not lower-case: {msg}");
    err
}

/// Encodes expected values (JSON numbers / bools) as little-endian `dtype` bytes.
fn encode(dtype: &str, values: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in values {
        let f = || v.as_f64().unwrap();
        let i = || v.as_i64().unwrap();
        match dtype {
            "float32" => out.extend((f() as f32).to_le_bytes()),
            "float64" => out.extend(f().to_le_bytes()),
            "float16" => out.extend(half::f16::from_f64(f()).to_le_bytes()),
            "bfloat16" => out.extend(half::bf16::from_f64(f()).to_le_bytes()),
            "int64" => out.extend(i().to_le_bytes()),
            "int32" => out.extend((i() as i32).to_le_bytes()),
            "int16" => out.extend((i() as i16).to_le_bytes()),
            "int8" => out.extend((i() as i8).to_le_bytes()),
            "uint8" => out.push(i() as u8),
            "bool" => out.push(v.as_bool().unwrap() as u8),
            other => panic!("dtype {other} not handled"),
        }
    }
    out
}

/// Loads fixture `name` and checks every bound weight against `<name>.expected.json`.
fn check_against_expected(name: &str) -> weights::Program {
    let program = weights::load(&fixture(&format!("{name}.pt2"))).unwrap();
    let expected: Value =
        serde_json::from_slice(&std::fs::read(fixture(&format!("{name}.expected.json"))).unwrap()).unwrap();
    let expected = expected["inputs"].as_object().unwrap();
    assert_eq!(program.weights.keys().collect::<Vec<_>>(), expected.keys().collect::<Vec<_>>(), "bound graph inputs");
    let map = program.archive.bytes().as_ptr_range();
    for (input, exp) in expected {
        let w = &program.weights[input];
        let ints = |k: &str| exp[k].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect::<Vec<_>>();
        assert_eq!(w.fqn, exp["fqn"].as_str().unwrap(), "{input}");
        let kind = match exp["kind"].as_str().unwrap() {
            "parameter" => WeightKind::Parameter,
            "buffer" => WeightKind::Buffer { persistent: exp["persistent"].as_bool().unwrap() },
            "constant" => WeightKind::Constant,
            k => panic!("{k}"),
        };
        assert_eq!(w.kind, kind, "{input}");
        assert_eq!(w.dtype.name(), exp["dtype"].as_str().unwrap(), "{input}");
        assert_eq!(w.sizes, ints("sizes"), "{input}");
        assert_eq!(w.strides, ints("strides"), "{input}");
        assert_eq!(w.storage_offset, exp["storage_offset"].as_i64().unwrap(), "{input}");
        assert_eq!(w.is_contiguous(), exp["contiguous"].as_bool().unwrap(), "{input}");
        let want = encode(exp["dtype"].as_str().unwrap(), exp["values"].as_array().unwrap());
        assert_eq!(w.byte_len(), want.len(), "{input}");
        let got = w.bytes(&program.archive);
        assert_eq!(&got[..], &want[..], "{input}: bytes");
        match &got {
            Cow::Borrowed(s) => {
                assert!(w.is_contiguous(), "{input}: borrowed but strided");
                if !s.is_empty() {
                    assert!(map.contains(&s.as_ptr()), "{input}: borrowed slice is not in the map");
                }
            }
            Cow::Owned(_) => assert!(!w.is_contiguous(), "{input}: copied although contiguous"),
        }
    }
    program
}

// ---------------------------------------------------------------------------
// Real archives
// ---------------------------------------------------------------------------

#[test]
fn mixed_binds_every_weight_with_torch_values() {
    let program = check_against_expected("mixed");
    let w = &program.weights;

    // Tied: both graph inputs view the same storage file.
    assert_eq!(w["p_emb_weight"].storage, w["p_head_weight"].storage);
    assert_ne!(w["p_emb_weight"].storage, w["p_fc_weight"].storage);
    // The transposed buffer is a strided view, gathered into a copy.
    assert!(matches!(program.weight_bytes("b_bt"), Some(Cow::Owned(_))));
    // The sliced buffer's file holds the whole storage; the view starts at element 2.
    assert_eq!(w["b_bs"].storage.len(), 10 * 4);
    assert!(matches!(program.weight_bytes("b_bs"), Some(Cow::Borrowed(_))));
    // 0-d and zero-size.
    assert_eq!(w["b_b_scalar"].sizes, Vec::<i64>::new());
    assert_eq!(w["b_b_scalar"].byte_len(), 4);
    assert_eq!(w["b_b_empty"].byte_len(), 0);
    assert!(program.weight_bytes("b_b_empty").unwrap().is_empty());
    // Non-persistent buffers and lifted constants come from data/constants.
    let constants = program.archive.entry_range("data/constants/tensor_0").unwrap().start
        ..program.archive.entry_range("data/constants/tensor_1").unwrap().end;
    assert!(constants.contains(&w["b_np_scale"].storage.start));
    assert!(constants.contains(&w["c_lifted"].storage.start));
    assert_eq!(w["c_lifted"].kind, WeightKind::Constant);
    assert_eq!(w["b_np_scale"].kind, WeightKind::Buffer { persistent: false });
    assert!(program.constants.is_empty());
    assert_eq!(w["b_b_bf16"].dtype, ScalarType::BF16);
    assert_eq!(w["b_b_bool"].dtype, ScalarType::BOOL);
}

#[test]
fn mixed_program_parses() {
    let program = weights::load(&fixture("mixed.pt2")).unwrap();
    let ep = &program.ep;
    assert_eq!(ep.schema_version.major, 8);
    assert!(ep.torch_version.starts_with("2.14"), "{}", ep.torch_version);
    let specs = &ep.graph_module.signature.input_specs;
    assert_eq!(specs.len(), 18);
    assert!(
        matches!(&specs[0], InputSpec::Parameter(p) if p.arg.name == "p_emb_weight" && p.parameter_name == "emb.weight")
    );
    let users: Vec<_> = specs
        .iter()
        .filter_map(|s| match s {
            InputSpec::UserInput(u) => u.arg.as_tensor(),
            _ => None,
        })
        .collect();
    assert_eq!(users, ["idx", "x"]);
    let graph = &ep.graph_module.graph;
    assert_eq!(graph.inputs.len(), specs.len());
    for input in program.weights.keys() {
        assert!(graph.tensor_values.contains_key(input), "no tensor_values for {input}");
    }
    // The tied weight feeds the embedding under one of its two names.
    let embedding = graph.nodes.iter().find(|n| n.target == "torch.ops.aten.embedding.default").unwrap();
    assert_eq!(embedding.inputs[0].name, "weight");
    assert_eq!(embedding.inputs[0].arg.as_tensor(), Some("p_head_weight"));
    assert_eq!(embedding.inputs[0].kind, Some(1));
    assert!(embedding.metadata.contains_key("stack_trace"));
}

/// The archive `/tmp/pt2/m.pt2` of the importer's bring-up (same module, same export):
/// nine weight inputs, bound in graph input order.
#[test]
fn conv_bn_fc_binds_all_nine_weights() {
    let program = check_against_expected("conv_bn_fc");
    let names: Vec<_> = program.weights.keys().map(String::as_str).collect();
    assert_eq!(names.len(), 9);
    for n in [
        "p_conv_weight",
        "p_conv_bias",
        "p_bn_weight",
        "p_bn_bias",
        "p_fc_weight",
        "p_fc_bias",
        "b_bn_running_mean",
        "b_bn_running_var",
        "b_bn_num_batches_tracked",
    ] {
        assert!(names.contains(&n), "{n} not bound");
    }
    let tracked = &program.weights["b_bn_num_batches_tracked"];
    assert_eq!((tracked.dtype, tracked.sizes.len()), (ScalarType::I64, 0));
    assert_eq!(program.weights["p_conv_weight"].sizes, [8, 3, 3, 3]);
}

#[test]
fn dynamic_program_parses_symbols_and_non_finite_floats() {
    let program = check_against_expected("dynamic");
    let ep = &program.ep;
    // One symbol for the batch, bounded below only (torch's int_oo is null).
    assert_eq!(ep.range_constraints.len(), 1);
    let (symbol, range) = ep.range_constraints.iter().next().unwrap();
    assert_eq!(range, &RangeConstraint { min_val: Some(2), max_val: None });
    let graph = &ep.graph_module.graph;
    match &graph.tensor_values["x"].sizes[..] {
        [SymInt::AsExpr(e), SymInt::AsInt(4)] => {
            assert!(e.expr_str.contains(&format!("Symbol('{symbol}'")), "{}", e.expr_str)
        }
        other => panic!("{other:?}"),
    }
    let node = |target: &str| graph.nodes.iter().find(|n| n.target == target).unwrap_or_else(|| panic!("no {target}"));
    let arg = |target: &str, name: &str| node(target).inputs.iter().find(|a| a.name == name).unwrap().arg.clone();
    match arg("torch.ops.aten.masked_fill.Scalar", "value") {
        Argument::AsFloat(f) => assert_eq!(f.0, f64::NEG_INFINITY),
        other => panic!("{other:?}"),
    }
    match arg("torch.ops.aten.clamp.default", "max") {
        Argument::AsFloat(f) => assert_eq!(f.0, 1e30),
        other => panic!("{other:?}"),
    }
    let split = node("torch.ops.aten.split.Tensor");
    assert!(matches!(&split.outputs[..], [Argument::AsTensors(ts)] if ts.len() == 2));
    let outputs = &ep.graph_module.signature.output_specs;
    assert_eq!(outputs.len(), 4);
    assert!(
        matches!(&outputs[1], OutputSpec::UserOutput(o) if matches!(&o.arg, Argument::AsSymInt(SymIntArgument::AsName(_))))
    );
}

#[test]
fn archive_maps_stored_aligned_entries() {
    let archive = Archive::open(fixture("mixed.pt2")).unwrap();
    assert_eq!(archive.root(), "mixed");
    assert_eq!(archive.path(), fixture("mixed.pt2"));
    assert!(archive.has("models/model.json"));
    assert!(!archive.has("mixed/models/model.json"));
    assert_eq!(archive.entry("archive_format").unwrap(), b"pt2");
    assert_eq!(archive.entry("byteorder").unwrap(), b"little");
    let names: Vec<_> = archive.names().collect();
    assert!(names.contains(&"data/weights/weight_0"));
    assert!(names.contains(&"data/sample_inputs/model.pt"));
    for name in names {
        let r = archive.entry_range(name).unwrap();
        assert!(r.end <= archive.bytes().len());
        assert_eq!(archive.entry(name).unwrap(), &archive.bytes()[r.clone()]);
        // torch.export.save aligns every entry's data to 64 bytes.
        assert_eq!(r.start % 64, 0, "{name} at {}", r.start);
    }
    let json = archive.entry("models/model.json").unwrap();
    assert!(json.starts_with(b"{"));
    match archive.entry("models/other.json") {
        Err(Pt2Error::MissingEntry { entry, .. }) => assert_eq!(entry, "mixed/models/other.json"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn root_folder_may_be_archive() {
    let s = rebuilt(|es| {
        for e in es.iter_mut() {
            e.name = e.name.replacen("mixed/", "archive/", 1);
        }
    });
    let program = weights::load(&s.path).unwrap();
    assert_eq!(program.archive.root(), "archive");
    assert_eq!(program.weights.len(), 16);
}

// ---------------------------------------------------------------------------
// Not a zip, truncated, corrupt
// ---------------------------------------------------------------------------

#[test]
fn empty_file_is_not_a_zip() {
    let s = raw_file(b"");
    match load_err(&s.path) {
        Pt2Error::NotZip { reason, .. } => assert!(reason.contains("empty"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn non_zip_file_is_not_a_zip() {
    let model_json = Archive::open(fixture("mixed.pt2")).unwrap().entry("models/model.json").unwrap().to_vec();
    let s = raw_file(&model_json);
    let err = load_err(&s.path);
    assert!(matches!(err, Pt2Error::NotZip { .. }), "{err:?}");
    assert!(err.to_string().contains("not a valid zip archive"), "{err}");
}

#[test]
fn missing_file_is_an_io_error() {
    let s = scratch("absent.pt2");
    let err = load_err(&s.path);
    assert!(matches!(err, Pt2Error::Io { .. }), "{err:?}");
}

#[test]
fn truncated_zip_is_refused() {
    let bytes = std::fs::read(fixture("mixed.pt2")).unwrap();
    for keep in [bytes.len() / 2, bytes.len() - 10, 30] {
        let s = raw_file(&bytes[..keep]);
        match load_err(&s.path) {
            Pt2Error::Truncated { what, .. } => assert!(what.contains("central directory"), "{what}"),
            other => panic!("keeping {keep} bytes: {other:?}"),
        }
    }
}

/// Byte offset of the end-of-central-directory record and the central directory.
fn central_directory(bytes: &[u8]) -> (usize, usize) {
    let eocd = bytes.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
    let cd = u32::from_le_bytes(bytes[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    (cd, eocd)
}

#[test]
fn entry_past_the_end_is_truncated() {
    let mut bytes = std::fs::read(fixture("mixed.pt2")).unwrap();
    let (cd, _) = central_directory(&bytes);
    assert_eq!(&bytes[cd..cd + 4], b"PK\x01\x02");
    // First central header: compressed size at +20, uncompressed size at +24.
    bytes[cd + 20..cd + 24].copy_from_slice(&0x7fff_0000u32.to_le_bytes());
    bytes[cd + 24..cd + 28].copy_from_slice(&0x7fff_0000u32.to_le_bytes());
    let s = raw_file(&bytes);
    match load_err(&s.path) {
        Pt2Error::Truncated { what, .. } => {
            assert!(what.contains("mixed/data/weights/weight_0"), "{what}");
            assert!(what.contains(&format!("the file has {} bytes", bytes.len())), "{what}");
        }
        other => panic!("{other:?}"),
    }
}

/// Overwriting any byte of the central directory or its end record with 0x00 or 0xff
/// gives an error or a still-valid archive, never a panic.
#[test]
fn corrupt_central_directory_never_panics() {
    let bytes = std::fs::read(fixture("mixed.pt2")).unwrap();
    let (cd, _) = central_directory(&bytes);
    let s = scratch("corrupt.pt2");
    let mut refused = 0;
    for at in cd..bytes.len() {
        for value in [0x00u8, 0xff] {
            if bytes[at] == value {
                continue;
            }
            let mut corrupt = bytes.clone();
            corrupt[at] = value;
            std::fs::write(&s.path, &corrupt).unwrap();
            if let Err(e) = weights::load(&s.path) {
                assert!(e.to_string().starts_with(&s.path.display().to_string()));
                refused += 1;
            }
        }
    }
    assert!(refused > 100, "only {refused} corruptions were noticed");
}

#[test]
fn compressed_entry_is_refused() {
    let s = rebuilt(|es| entry(es, MODEL_JSON).method = CompressionMethod::Deflated);
    match load_err(&s.path) {
        Pt2Error::CompressedEntry { entry, method, .. } => {
            assert_eq!(entry, MODEL_JSON);
            assert_eq!(method, "deflated");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_root_folders_are_refused() {
    let s = rebuilt(|es| es.push(Entry { name: "other/x".into(), data: vec![1], method: CompressionMethod::Stored }));
    match load_err(&s.path) {
        Pt2Error::UnsupportedLayout { reason, .. } => assert!(reason.contains("two root folders"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn big_endian_archive_is_refused() {
    let s = rebuilt(|es| entry(es, "mixed/byteorder").data = b"big".to_vec());
    match load_err(&s.path) {
        Pt2Error::UnsupportedLayout { reason, .. } => assert!(reason.contains("little-endian"), "{reason}"),
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Layout and JSON
// ---------------------------------------------------------------------------

#[test]
fn missing_model_json_is_refused() {
    let s = rebuilt(|es| es.retain(|e| e.name != MODEL_JSON));
    match load_err(&s.path) {
        Pt2Error::MissingEntry { entry, .. } => assert_eq!(entry, MODEL_JSON),
        other => panic!("{other:?}"),
    }
}

/// torch 2.6-2.8 keep model.json but pickle the weights into `data/weights/model.pt`.
#[test]
fn older_layout_with_pickled_weights_is_refused() {
    let s = rebuilt(|es| {
        es.retain(|e| !e.name.starts_with("mixed/data/weights/") && !e.name.starts_with("mixed/data/constants/"));
        es.push(Entry {
            name: "mixed/data/weights/model.pt".into(),
            data: b"PK fake pickle".to_vec(),
            method: CompressionMethod::Stored,
        });
    });
    let err = load_err(&s.path);
    assert!(
        matches!(&err, Pt2Error::UnsupportedLayout { reason, .. } if reason.contains("data/weights/model.pt")),
        "{err:?}"
    );
    assert!(err.to_string().contains("torch 2.9 or newer"), "{err}");
}

#[test]
fn missing_weights_config_is_an_older_layout() {
    let s = rebuilt(|es| es.retain(|e| e.name != WEIGHTS_CONFIG));
    let err = load_err(&s.path);
    assert!(
        matches!(&err, Pt2Error::UnsupportedLayout { reason, .. } if reason.contains("model_weights_config.json")),
        "{err:?}"
    );
    assert!(err.to_string().contains("torch 2.9 or newer"), "{err}");
}

#[test]
fn schema_major_9_is_refused() {
    let s = rebuilt(|es| edit_json(es, MODEL_JSON, |v| v["schema_version"]["major"] = 9.into()));
    let err = load_err(&s.path);
    match &err {
        Pt2Error::SchemaVersion { found_major, found_minor, supported, entry, .. } => {
            assert_eq!((*found_major, *found_minor, *supported), (9, 20, 8));
            assert_eq!(entry, MODEL_JSON);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("schema version 9.20"), "{err}");
}

#[test]
fn invalid_json_reports_line_and_column() {
    let s = rebuilt(|es| entry(es, MODEL_JSON).data = b"{\n  \"graph_module\": {\n    oops\n}".to_vec());
    match load_err(&s.path) {
        Pt2Error::InvalidJson { entry, line, column, .. } => {
            assert_eq!(entry, MODEL_JSON);
            assert_eq!((line, column), (3, 5));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_json_structure_names_the_entry() {
    let s =
        rebuilt(|es| edit_json(es, WEIGHTS_CONFIG, |v| v["config"]["fc.bias"]["tensor_meta"]["sizes"] = "four".into()));
    let err = load_err(&s.path);
    match &err {
        Pt2Error::InvalidJson { entry, line, .. } => {
            assert_eq!(entry, WEIGHTS_CONFIG);
            assert_eq!(*line, 1);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("invalid json in 'mixed/data/weights/model_weights_config.json'"), "{err}");
}

#[test]
fn unknown_json_fields_are_ignored() {
    let s = rebuilt(|es| {
        edit_json(es, MODEL_JSON, |v| {
            v["a_field_from_the_future"] = 1.into();
            v["graph_module"]["graph"]["nodes"][0]["new_node_field"] = "x".into();
            v["schema_version"]["minor"] = 99.into();
        });
        edit_json(es, WEIGHTS_CONFIG, |v| v["config"]["fc.bias"]["new_meta_field"] = true.into());
    });
    let program = weights::load(&s.path).unwrap();
    assert_eq!(program.ep.schema_version.minor, 99);
}

// ---------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------

#[test]
fn short_weight_file_is_refused() {
    // fc.weight: 4x4 float32 = 64 bytes in weight_1.
    let s = rebuilt(|es| entry(es, "mixed/data/weights/weight_1").data.truncate(60));
    let err = load_err(&s.path);
    match &err {
        Pt2Error::ShortStorage { fqn, entry, needed, present, .. } => {
            assert_eq!(fqn, "fc.weight");
            assert_eq!(entry, "mixed/data/weights/weight_1");
            assert_eq!((*needed, *present), (64, 60));
        }
        other => panic!("{other:?}"),
    }
    let msg = err.to_string();
    for part in ["dtype float32", "sizes [4, 4]", "strides [4, 1]", "storage offset 0", "needs 64 bytes", "has 60"] {
        assert!(msg.contains(part), "{part:?} not in {msg}");
    }
}

#[test]
fn view_past_its_storage_is_refused() {
    // bs views elements 2..8 of a 10-element storage; offset 5 would need 11 elements.
    let s = rebuilt(|es| {
        edit_json(es, WEIGHTS_CONFIG, |v| {
            v["config"]["bs"]["tensor_meta"]["storage_offset"] = serde_json::json!({"as_int": 5})
        })
    });
    match load_err(&s.path) {
        Pt2Error::ShortStorage { fqn, needed, present, .. } => {
            assert_eq!((fqn.as_str(), needed, present), ("bs", 44, 40))
        }
        other => panic!("{other:?}"),
    }
}

fn with_sizes(sizes: Value, strides: Value) -> Scratch {
    rebuilt(|es| {
        edit_json(es, WEIGHTS_CONFIG, |v| {
            let tm = &mut v["config"]["fc.bias"]["tensor_meta"];
            tm["sizes"] = sizes;
            tm["strides"] = strides;
        })
    })
}

#[test]
fn negative_size_is_absurd() {
    let s = with_sizes(serde_json::json!([{"as_int": -1}]), serde_json::json!([{"as_int": 1}]));
    match load_err(&s.path) {
        Pt2Error::AbsurdSizes { fqn, reason, .. } => {
            assert_eq!(fqn, "fc.bias");
            assert!(reason.contains("negative size -1"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn overflowing_element_count_is_absurd() {
    let s = with_sizes(
        serde_json::json!([{"as_int": 1i64 << 62}, {"as_int": 1i64 << 62}]),
        serde_json::json!([{"as_int": 1i64 << 62}, {"as_int": 1}]),
    );
    let err = load_err(&s.path);
    match &err {
        Pt2Error::AbsurdSizes { reason, .. } => assert!(reason.contains("element count overflows"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("sizes [4611686018427387904, 4611686018427387904]"), "{err}");
}

#[test]
fn symbolic_weight_size_is_refused() {
    let s = with_sizes(
        serde_json::json!([{"as_expr": {"expr_str": "s0", "hint": {"as_int": 4}}}]),
        serde_json::json!([{"as_int": 1}]),
    );
    match load_err(&s.path) {
        Pt2Error::SymbolicWeightShape { fqn, what, expr, .. } => {
            assert_eq!((fqn.as_str(), what, expr.as_str()), ("fc.bias", "size", "s0"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_dtype_code_is_refused() {
    let s = rebuilt(|es| edit_json(es, WEIGHTS_CONFIG, |v| v["config"]["fc.bias"]["tensor_meta"]["dtype"] = 99.into()));
    let err = load_err(&s.path);
    assert!(matches!(&err, Pt2Error::UnknownDtype { fqn, code: 99, .. } if fqn == "fc.bias"), "{err:?}");
    assert!(err.to_string().contains("unknown dtype code 99"), "{err}");
}

#[test]
fn unsupported_dtype_is_refused() {
    let s = rebuilt(|es| edit_json(es, WEIGHTS_CONFIG, |v| v["config"]["fc.bias"]["tensor_meta"]["dtype"] = 10.into()));
    let err = load_err(&s.path);
    assert!(matches!(&err, Pt2Error::UnsupportedDtype { dtype: "complex64", code: 10, .. }), "{err:?}");
}

#[test]
fn pickled_payload_is_refused() {
    let s = rebuilt(|es| edit_json(es, WEIGHTS_CONFIG, |v| v["config"]["fc.weight"]["use_pickle"] = true.into()));
    let err = load_err(&s.path);
    match &err {
        Pt2Error::PickledPayload { fqn, entry, .. } => {
            assert_eq!(fqn, "fc.weight");
            assert_eq!(entry, "mixed/data/weights/weight_1");
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("pickle"), "{err}");
}

#[test]
fn pickled_constant_is_refused() {
    let s = rebuilt(|es| edit_json(es, CONSTANTS_CONFIG, |v| v["config"]["lifted"]["use_pickle"] = true.into()));
    assert!(matches!(load_err(&s.path), Pt2Error::PickledPayload { fqn, .. } if fqn == "lifted"));
}

#[test]
fn missing_storage_file_is_refused() {
    let s = rebuilt(|es| es.retain(|e| e.name != "mixed/data/weights/weight_2"));
    match load_err(&s.path) {
        Pt2Error::MissingEntry { entry, .. } => assert_eq!(entry, "mixed/data/weights/weight_2"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unlisted_fqn_is_unbound() {
    let s =
        rebuilt(|es| edit_json(es, CONSTANTS_CONFIG, |v| _ = v["config"].as_object_mut().unwrap().remove("lifted")));
    match load_err(&s.path) {
        Pt2Error::UnboundInput { input, fqn, .. } => assert_eq!((input.as_str(), fqn.as_str()), ("c_lifted", "lifted")),
        other => panic!("{other:?}"),
    }
}

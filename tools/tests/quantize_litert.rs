//! Weight quantization end to end: committed fixtures converted with `edge-convert
//! --quantize`, the files' tensors checked, and the models run in LiteRT against the
//! PyTorch outputs stored beside the fixtures.
//!
//! Tolerances, as a fraction of each output's largest magnitude:
//! - fp16: 1e-2. A float16 weight is within 2^-11 (0.05%) of the float32 one, and the
//!   compute stays float32; the fixtures land near 1e-4.
//! - dynamic-int8: 2e-2. Per layer, the int8 weight is off by up to half a step (1/254
//!   of its channel's largest value) and the run-time int8 input by half of 1/255 of
//!   its range: about 0.4% per layer, compounding over a few layers (and over the
//!   recurrences of the LSTM/GRU fixtures). With every weight quantized (no 1024-element
//!   threshold) the fixtures measured at most 0.9% (shuffle_block).

#[allow(dead_code)] // the Python-runner helpers are for the other tests
mod common;

use edge_compiler::schema::{root_as_model, TensorType};
use edge_runtime_check::{check, Tolerance};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Fixtures covering conv, depthwise conv, fully_connected and batch_matmul.
const FIXTURES: &[&str] = &["cnn", "mobile_block", "encoder_layer"];

fn fixture(name: &str, ext: &str) -> PathBuf {
    common::repo().join("fixtures/models").join(format!("{name}.{ext}"))
}

fn run(tool: &str, args: &[&std::ffi::OsStr]) {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
    assert!(out.status.success(), "{tool} {args:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
}

/// The file's tensors: (type, has constant data) for each.
fn tensors(path: &Path) -> Vec<(TensorType, bool)> {
    let bytes = std::fs::read(path).unwrap();
    let model = root_as_model(&bytes).unwrap();
    let buffers = model.buffers().unwrap();
    let has_data = |b: u32| b > 0 && buffers.get(b as usize).data().is_some_and(|d| !d.is_empty());
    let sg = model.subgraphs().unwrap().get(0);
    sg.tensors().unwrap().iter().map(|t| (t.type_(), has_data(t.buffer()))).collect()
}

/// `edge-convert <fixture>.pt2 -o out --quantize mode`.
fn convert(name: &str, out: &Path, mode: &str) {
    let pt2 = fixture(name, "pt2");
    let args = [pt2.as_os_str(), "-o".as_ref(), out.as_os_str(), "--quantize".as_ref(), mode.as_ref(), "-q".as_ref()];
    run(env!("CARGO_BIN_EXE_edge-convert"), &args);
}

fn litert(model: &Path, name: &str, tolerance: f64) {
    let report = check(
        model,
        &fixture(name, "inputs.npz"),
        Some(&fixture(name, "expected.npz")),
        Tolerance::rel_to_max(tolerance),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.passed(), "{name}: {report}");
}

#[test]
fn fp16_weights_are_float16_and_match_pytorch() {
    let work = common::work_dir("quantize_fp16");
    for name in FIXTURES {
        let out = work.join(format!("{name}.tflite"));
        convert(name, &out, "fp16");
        let tensors = tensors(&out);
        let mut weights: BTreeMap<String, usize> = BTreeMap::new();
        for (ty, constant) in &tensors {
            assert_ne!(*ty, TensorType::INT8, "{name}: an int8 tensor in an fp16 model");
            if *constant && matches!(*ty, TensorType::FLOAT32 | TensorType::FLOAT16) {
                *weights.entry(format!("{ty:?}")).or_default() += 1;
            }
        }
        assert_eq!(weights.keys().collect::<Vec<_>>(), ["FLOAT16"], "{name}: weights by type {weights:?}");
        litert(&out, name, 1e-2);
    }
}

#[test]
fn dynamic_int8_weights_run_in_hybrid_kernels() {
    let work = common::work_dir("quantize_dynamic");
    for name in FIXTURES {
        // As edge-convert does it (weights of 1024 elements or more).
        let out = work.join(format!("{name}.tflite"));
        convert(name, &out, "dynamic-int8");
        litert(&out, name, 2e-2);

        // Every weight quantized, so each hybrid kernel the fixture has is run.
        let pipeline = edge_passes::pipelines::convert_pipeline(&Default::default());
        let pipeline = format!("{},tfl-quantize-weights-dynamic{{min-elements=0}}))", pipeline.trim_end_matches("))"));
        let (shlo, tfl, all) = (
            work.join(format!("{name}.mlir")),
            work.join(format!("{name}.tfl.mlir")),
            work.join(format!("{name}.all.tflite")),
        );
        run(
            env!("CARGO_BIN_EXE_edge-translate"),
            &["--pt2-to-mlir".as_ref(), fixture(name, "pt2").as_os_str(), "-o".as_ref(), shlo.as_os_str()],
        );
        run(
            env!("CARGO_BIN_EXE_edge-opt"),
            &[shlo.as_os_str(), "--pass-pipeline".as_ref(), pipeline.as_ref(), "-o".as_ref(), tfl.as_os_str()],
        );
        run(
            env!("CARGO_BIN_EXE_edge-translate"),
            &["--mlir-to-tflite".as_ref(), tfl.as_os_str(), "-o".as_ref(), all.as_os_str()],
        );
        let int8 = tensors(&all).iter().filter(|(ty, constant)| *constant && *ty == TensorType::INT8).count();
        assert!(int8 > 0, "{name}: no int8 weight");
        litert(&all, name, 2e-2);
    }
}

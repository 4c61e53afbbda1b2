//! `edge-convert --bisect` on a real archive (fixtures/models/cnn.pt2, with the inputs
//! and PyTorch outputs stored beside it): the default pipeline keeps every snapshot
//! within tolerance, XLA row included; a pipeline with a planted wrong rewrite
//! (`tfl-fuse-activation{test-wrong-activation=true}`) is named, with the ops it changed.
//! Then what else a user meets: source lines, run-time dims, no jax, a crashing runtime,
//! data that do not fit, a Python without LiteRT.

#[allow(dead_code)] // the runner helper is for the Python runners
mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs `edge-convert --bisect` on the cnn fixture with `extra` arguments; returns the
/// output and the `--report-json` report.
fn bisect(name: &str, extra: &[&str]) -> (Output, serde_json::Value) {
    bisect_model(name, &common::repo().join("fixtures/models/cnn"), extra, &[])
}

/// `--bisect` on `base`.pt2 with `base`.inputs.npz and `base`.expected.npz, `env` set.
fn bisect_model(
    name: &str,
    base: &std::path::Path,
    extra: &[&str],
    env: &[(&str, &str)],
) -> (Output, serde_json::Value) {
    let work = common::work_dir(name);
    let file = |ext: &str| base.with_file_name(format!("{}.{ext}", base.file_name().unwrap().to_string_lossy()));
    let report: PathBuf = work.join("report.json");
    let out = Command::new(env!("CARGO_BIN_EXE_edge-convert"))
        .arg(file("pt2"))
        .arg("--bisect")
        .arg("--inputs")
        .arg(file("inputs.npz"))
        .arg("--expected")
        .arg(file("expected.npz"))
        .envs(env.iter().copied())
        .arg("--python")
        .arg(common::python())
        .arg("--keep-intermediates")
        .arg(work.join("snapshots"))
        .arg("--report-json")
        .arg(&report)
        .args(extra)
        .output()
        .expect("run edge-convert");
    let text = std::fs::read_to_string(&report).unwrap_or_else(|e| {
        panic!("no report ({e})\n--- stdout\n{}\n--- stderr\n{}", stdout(&out), String::from_utf8_lossy(&out.stderr))
    });
    (out, serde_json::from_str(&text).expect("report is JSON"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn default_pipeline_stays_within_tolerance() {
    let (out, report) = bisect("bisect_default", &[]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("every row that ran is within tolerance"), "{text}");
    let rows = report["rows"].as_array().unwrap();
    let passes = edge_passes::pipeline::flatten(
        &edge_passes::pipeline::parse_pipeline(&edge_passes::pipelines::convert_pipeline(&Default::default())).unwrap(),
    );
    assert_eq!(rows.len(), passes.len() + 1, "one row for the import, one per pass");
    // The import runs under XLA (jax is in the test venv), the TFL snapshots in LiteRT.
    assert_eq!(rows[0]["pass"], "import");
    assert_eq!(rows[0]["runtime"], "xla", "{text}");
    let legalized = rows.iter().position(|r| r["pass"] == "legalize-stablehlo-to-tfl").unwrap();
    assert!(rows[..legalized].iter().all(|r| r["runtime"] == "xla"), "{text}");
    assert!(rows[legalized..].iter().all(|r| r["runtime"] == "litert" && r["stage"] == "tfl"), "{text}");
    for r in rows {
        assert_eq!(r["within"], true, "{r}");
        assert!(r["relative_error"].as_f64().unwrap() <= 1e-4, "{r}");
    }
    assert!(report["first_past_tolerance"].is_null());
    // A pass that changes nothing is said so, and not run again.
    let note = |pass: &str| rows.iter().find(|r| r["pass"] == pass).unwrap()["note"].as_str().unwrap().to_string();
    assert_eq!(note("inline-calls"), "no change");
    assert_eq!(note("tfl-optimize"), "");
    let snapshots = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bisect_default/snapshots");
    assert!(snapshots.join("00-import.mlir").is_file() && snapshots.join("13-tfl-optimize.tflite").is_file());
    assert!(!snapshots.join("01-inline-calls.mlir").exists());
}

#[test]
fn planted_wrong_rewrite_is_named_with_its_ops() {
    let planted = planted_pipeline();
    let (out, report) = bisect("bisect_planted", &["--pass-pipeline", &planted]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    let name = "tfl-fuse-activation{test-wrong-activation=true}";
    assert!(text.contains(&format!("first past tolerance: pass 16 {name}")), "{text}");
    let first = &report["first_past_tolerance"];
    assert_eq!(first["pass"], name);
    assert_eq!(first["index"], 16);
    assert!(first["relative_error"].as_f64().unwrap() > 1e-2, "{first}");
    // Every row before it is within tolerance.
    let rows = report["rows"].as_array().unwrap();
    assert!(rows[..16].iter().all(|r| r["within"] == true), "{text}");
    // Its ops: both convolutions changed their activation, both relus went.
    let ops: Vec<(String, String, String)> = first["changed_ops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["change"].as_str().unwrap().into(),
                c["op"].as_str().unwrap().into(),
                c["node"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let has = |change: &str, op: &str, node: &str| ops.iter().any(|o| o.0 == change && o.1 == op && o.2 == node);
    assert!(has("changed", "tfl.conv_2d", "convolution") && has("changed", "tfl.conv_2d", "convolution_1"), "{ops:?}");
    assert!(has("removed", "tfl.relu", "relu") && has("removed", "tfl.relu", "relu_1"), "{ops:?}");
    assert_eq!(ops.len(), 4, "{ops:?}");
    assert!(text.contains("RELU_N1_TO_1"), "{text}");
}

/// The planted pipeline: the first tfl-fuse-activation, the one that fuses relus, made wrong.
fn planted_pipeline() -> String {
    let pipeline = edge_passes::pipelines::convert_pipeline(&Default::default());
    pipeline.replacen("tfl-fuse-activation", "tfl-fuse-activation{test-wrong-activation=true}", 1)
}

/// A runtime that crashes (here LiteRT, made to by a test shim) takes the runner down:
/// the snapshot it crashed on is named, the rows before it keep their numbers.
#[test]
fn a_runtime_crash_names_its_snapshot() {
    let shim = common::work_dir("bisect_crash_shim");
    let crash = "import os, signal\nimport ai_edge_litert.interpreter as i\n\
                 i.Interpreter.invoke = lambda self: os.kill(os.getpid(), signal.SIGSEGV)\n";
    std::fs::write(shim.join("sitecustomize.py"), crash).unwrap();
    let shim = shim.to_str().unwrap();
    let cnn = common::repo().join("fixtures/models/cnn");
    let (out, report) = bisect_model("bisect_crash", &cnn, &[], &[("PYTHONPATH", shim)]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    let first = &report["first_past_tolerance"];
    assert_eq!(first["pass"], "legalize-stablehlo-to-tfl", "{text}");
    let rows = report["rows"].as_array().unwrap();
    assert!(rows[..4].iter().all(|r| r["runtime"] == "xla" && r["within"] == true), "{text}");
    assert!(rows[4]["note"].as_str().unwrap().contains("the runner crashed on this snapshot (signal 11)"), "{text}");
    assert!(rows[7]["note"].as_str().unwrap().contains("not run: the runner crashed"), "{text}");
}

/// A program over run-time dims (fixtures/dynamic/cnn_batch, batch `?`): the inputs bind
/// to the `?` dims under XLA and in LiteRT alike.
#[test]
fn dynamic_dims_take_the_inputs_shapes() {
    let base = common::repo().join("fixtures/dynamic/cnn_batch");
    let work = common::work_dir("bisect_dynamic_inputs");
    // The fixture keeps its data per size: `cnn_batch.mid.*.npz`.
    for what in ["inputs", "expected"] {
        std::fs::copy(
            base.with_file_name(format!("cnn_batch.mid.{what}.npz")),
            work.join(format!("cnn_batch.{what}.npz")),
        )
        .unwrap();
    }
    std::fs::copy(base.with_file_name("cnn_batch.pt2"), work.join("cnn_batch.pt2")).unwrap();
    let (out, report) = bisect_model("bisect_dynamic", &work.join("cnn_batch"), &[], &[]);
    assert!(out.status.success(), "{}\n{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert_eq!(report["rows"][0]["runtime"], "xla");
    assert!(report["rows"].as_array().unwrap().iter().all(|r| r["within"] == true), "{}", stdout(&out));
}

/// An archive saved with its stack traces (compiler/tests/data/pt2/conv_bn_fc.pt2; its
/// npz files are the archive run by torch 2.14.1): changed ops name their source line.
#[test]
fn changed_ops_carry_their_source_line() {
    let base = common::repo().join("compiler/tests/data/pt2/conv_bn_fc");
    let (out, report) = bisect_model("bisect_source", &base, &["--pass-pipeline", &planted_pipeline()], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let changed = &report["first_past_tolerance"]["changed_ops"];
    let conv = changed.as_array().unwrap().iter().find(|c| c["op"] == "tfl.conv_2d").expect("the conv changed");
    assert_eq!(conv["node"], "convolution");
    assert_eq!(conv["source"], "/tmp/pt2gen/fixture.py:40", "{conv}");
    assert!(stdout(&out).contains("at convolution (/tmp/pt2gen/fixture.py:40)"), "{}", stdout(&out));
}

/// Without jax the StableHLO rows are skipped with a note saying so; the TFL rows still
/// run and decide the exit code.
#[test]
fn without_jax_the_stablehlo_rows_are_skipped() {
    let work = common::work_dir("bisect_no_jax_shim");
    // A `jax` that fails to import, first on the path.
    std::fs::create_dir_all(work.join("jax")).unwrap();
    std::fs::write(work.join("jax/__init__.py"), "raise ImportError('no jax here (test shim)')\n").unwrap();
    let shim = work.to_str().unwrap();
    let (out, report) =
        bisect_model("bisect_no_jax", &common::repo().join("fixtures/models/cnn"), &[], &[("PYTHONPATH", shim)]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(rows[0]["runtime"], "skipped", "{text}");
    assert!(rows[0]["within"].is_null());
    assert!(rows[0]["note"].as_str().unwrap().contains("jax does not import"), "{text}");
    assert!(rows.iter().filter(|r| r["runtime"] == "litert").all(|r| r["within"] == true), "{text}");
    assert!(text.contains("every row that ran is within tolerance; 4 not run: see their notes"), "{text}");
}

/// `--bisect` on cnn.pt2 with `inputs` (a file of fixtures/models) and `python`, which
/// must fail: its stderr.
fn bisect_error(inputs: &str, python: &std::ffi::OsStr, env: &[(&str, &std::path::Path)]) -> String {
    let models = common::repo().join("fixtures/models");
    let out = Command::new(env!("CARGO_BIN_EXE_edge-convert"))
        .arg(models.join("cnn.pt2"))
        .arg("--bisect")
        .arg("--python")
        .arg(python)
        .arg("--inputs")
        .arg(models.join(inputs))
        .arg("--expected")
        .arg(models.join("cnn.expected.npz"))
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "no table: {}", stdout(&out));
    stderr
}

/// Inputs that do not fit the model are the caller's mistake: an error naming the array.
#[test]
fn data_that_does_not_fit_is_a_clear_error() {
    let stderr = bisect_error("decoder.inputs.npz", common::python().as_os_str(), &[]);
    let what = "do not fit the model: input 'ids' has shape [2, 8], the module takes [2, 3, 16, 16]";
    assert!(stderr.contains(what), "{stderr}");
}

/// A Python that cannot run the snapshots is a clear error, not a table of failures.
#[test]
fn missing_python_is_a_clear_error() {
    let stderr = bisect_error("cnn.inputs.npz", "/nonexistent/python".as_ref(), &[]);
    assert!(stderr.contains("cannot run the Python '/nonexistent/python'") && stderr.contains("--python"), "{stderr}");
    // A Python in which LiteRT does not import (a shim that fails, first on the path).
    let shim = common::work_dir("bisect_no_litert_shim");
    std::fs::create_dir_all(shim.join("ai_edge_litert")).unwrap();
    std::fs::write(shim.join("ai_edge_litert/__init__.py"), "raise ImportError('no litert here (test shim)')\n")
        .unwrap();
    let stderr = bisect_error("cnn.inputs.npz", common::python().as_os_str(), &[("PYTHONPATH", &shim)]);
    assert!(stderr.contains("cannot import numpy and ai_edge_litert (no litert here (test shim))"), "{stderr}");
    assert!(stderr.contains("name a Python with numpy and ai-edge-litert by --python or EDGE_PYTHON"), "{stderr}");
}

/// A float16 model: one float16 step (2^-10 of max|out|) is coarser than 1e-4, so the
/// default tolerance rises to it and says why; an explicit --tolerance is kept.
#[test]
fn float16_outputs_get_a_float16_tolerance() {
    let base = common::repo().join("fixtures/ops/aten._softmax.default-f16");
    let (out, report) = bisect_model("bisect_f16", &base, &[], &[]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("tolerance 9.765625e-4 of max|out| (one float16 step: an expected output is float16)"), "{text}");
    assert_eq!(report["tolerance"], 2f64.powi(-10));
    let (out, report) = bisect_model("bisect_f16_explicit", &base, &["--tolerance", "1e-4"], &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(report["tolerance"], 1e-4);
    assert!(stdout(&out).contains("past tolerance already after import"), "{}", stdout(&out));
}

/// An archive of several programs (torch's package_pt2): `--program` picks the one to
/// bisect; without it, or with a name it lacks, the error lists the programs. The
/// decode program's data were made by running it in torch 2.14.1 on random caches.
#[test]
fn program_of_a_multi_program_archive() {
    let data = |what: &str| common::repo().join(format!("compiler/tests/data/pt2/decoder_gqa-package.decode.{what}.npz"));
    let archive = common::repo().join("fixtures/decoder/decoder_gqa-package.pt2");
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_edge-convert"))
            .arg(&archive)
            .args(["--bisect", "--python"])
            .arg(common::python())
            .arg("--inputs")
            .arg(data("inputs"))
            .arg("--expected")
            .arg(data("expected"))
            .args(extra)
            .output()
            .expect("run edge-convert")
    };
    let out = run(&["--program", "decode"]);
    assert!(out.status.success(), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("every row that ran is within tolerance"), "{}", stdout(&out));
    let out = run(&[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the archive holds 2 (decode, prefill): choose one with --program NAME"), "{err}");
    let out = run(&["--program", "x"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--program x: no such program in the archive (it holds decode, prefill)"), "{err}");
}

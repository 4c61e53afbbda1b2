//! StableHLO from other producers converts with the default pipeline and matches in
//! LiteRT:
//! - JAX's exports (`fixtures/jax`, made by `fixtures/make_jax_fixtures.py`): generic
//!   form with properties, NHWC/HWIO layouts, an outlined function. Run as a user
//!   would: `edge-opt --pass-pipeline="$(edge-convert --print-pipeline)"`, then
//!   `edge-translate --mlir-to-tflite`; within 1e-4 of max|out| of JAX's output, and no
//!   TRANSPOSE left (the model is NHWC already).
//! - JAX's shape-polymorphic exports (`mlp_batch`, `cnn_hw`, `attn_seq`): the same
//!   pipeline, then LiteRT resized to each of three sizes.
//! - Imported PyTorch fixtures with convolutions whose dimension numbers are rewritten
//!   in the `#stablehlo.conv<raw ...>` form convert to the same bytes as the compact
//!   form.

#[allow(dead_code)] // run_runner is for the Python runners, which this test does not use.
mod common;

use edge_dialects::stablehlo::attrs::ConvDims;
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("cannot run {tool}: {e}"))
}

fn ok(tool: &str, args: &[&std::ffi::OsStr]) -> std::process::Output {
    let out = run(tool, args);
    assert!(
        out.status.success(),
        "{tool} {args:?} failed ({})\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The default pipeline as `edge-convert --print-pipeline` prints it.
fn printed_pipeline() -> String {
    let out = ok(env!("CARGO_BIN_EXE_edge-convert"), &["--print-pipeline".as_ref()]);
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `input` (MLIR text) through the default pipeline and the writer; the .tflite path,
/// or the tools' stderr when one fails.
fn convert(input: &Path, work: &Path, stem: &str, pipeline: &str) -> Result<PathBuf, String> {
    let tfl = work.join(format!("{stem}.tfl.mlir"));
    let tflite = work.join(format!("{stem}.tflite"));
    let opt = run(
        env!("CARGO_BIN_EXE_edge-opt"),
        &[input.as_os_str(), format!("--pass-pipeline={pipeline}").as_ref(), "-o".as_ref(), tfl.as_os_str()],
    );
    if !opt.status.success() {
        return Err(String::from_utf8_lossy(&opt.stderr).into_owned());
    }
    let write = run(
        env!("CARGO_BIN_EXE_edge-translate"),
        &["--mlir-to-tflite".as_ref(), tfl.as_os_str(), "-o".as_ref(), tflite.as_os_str()],
    );
    if !write.status.success() {
        return Err(String::from_utf8_lossy(&write.stderr).into_owned());
    }
    Ok(tflite)
}

/// How many operators of `tflite` run `opcode` (from `edge-translate --tflite-dump`).
fn count_ops(tflite: &Path, opcode: &str) -> usize {
    let out = ok(env!("CARGO_BIN_EXE_edge-translate"), &["--tflite-dump".as_ref(), tflite.as_os_str()]);
    let dump = String::from_utf8(out.stdout).unwrap();
    // Operator lines read `    3: CONV_2D inputs=[...] ...`.
    dump.lines()
        .filter(|l| l.starts_with("    ") && l.contains(" inputs="))
        .filter(|l| l.split_whitespace().nth(1) == Some(opcode))
        .count()
}

fn litert_check(tflite: &Path, inputs: &Path, expected: &Path, tolerance: &[&str]) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        tflite.as_os_str(),
        "--inputs".as_ref(),
        inputs.as_os_str(),
        "--expected".as_ref(),
        expected.as_os_str(),
    ];
    args.extend(tolerance.iter().map(|t| std::ffi::OsStr::new(t)));
    let checker = common::repo().join("runtime-check/litert_check.py");
    let out = Command::new(common::python()).arg(&checker).args(&args).output().expect("run litert_check.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("litert-check: PASS"),
        "{} does not match {}:\n{stdout}\n{}",
        tflite.display(),
        expected.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn jax_exports_convert_and_match_jax_in_litert() {
    let repo = common::repo();
    let work = common::work_dir("producers_jax");
    let pipeline = printed_pipeline();
    for name in ["cnn_nhwc", "layouts"] {
        let dir = repo.join("fixtures/jax");
        let text = std::fs::read_to_string(dir.join(format!("{name}.mlir"))).unwrap();
        assert!(text.contains("<{"), "{name}.mlir should hold properties as JAX prints them");
        let tflite = convert(&dir.join(format!("{name}.mlir")), &work, name, &pipeline)
            .unwrap_or_else(|e| panic!("{name} does not convert:\n{e}"));
        litert_check(
            &tflite,
            &dir.join(format!("{name}.inputs.npz")),
            &dir.join(format!("{name}.expected.npz")),
            &["--rel-to-max", "1e-4"],
        );
        assert_eq!(count_ops(&tflite, "TRANSPOSE"), 0, "{name}: an NHWC model needs no TRANSPOSE");
        if name == "cnn_nhwc" {
            // JAX's tanh gelu and its softmax (max with -inf after the reduction) are
            // recognized whole: conv, conv, mean, fully_connected, gelu, softmax.
            assert_eq!(count_ops(&tflite, "GELU"), 1, "{name}: one GELU");
            assert_eq!(count_ops(&tflite, "SOFTMAX"), 1, "{name}: one SOFTMAX");
            assert_eq!(count_ops(&tflite, "EXP"), 0, "{name}: no softmax left in pieces");
        }
    }
}

/// JAX's shape-polymorphic exports (symbolic batch; symbolic H and W with a strided SAME
/// convolution, a `stablehlo.dynamic_conv`; symbolic sequence length with a causal
/// mask), converted once with the default pipeline and run in LiteRT resized to the
/// min, mid and max sizes of `make_jax_fixtures.py`, within 1e-4 of max|out| of JAX.
#[test]
fn jax_dynamic_exports_run_at_three_sizes_in_litert() {
    let repo = common::repo();
    let work = common::work_dir("producers_jax_dynamic");
    let pipeline = printed_pipeline();
    let dir = repo.join("fixtures/jax");
    for name in ["mlp_batch", "cnn_hw", "attn_seq"] {
        let tflite = convert(&dir.join(format!("{name}.mlir")), &work, name, &pipeline)
            .unwrap_or_else(|e| panic!("{name} does not convert:\n{e}"));
        let tfl = std::fs::read_to_string(work.join(format!("{name}.tfl.mlir"))).unwrap();
        assert!(tfl.contains("?x"), "{name}: the converted model should keep its unknown dims");
        for size in ["min", "mid", "max"] {
            litert_check(
                &tflite,
                &dir.join(format!("{name}.{size}.inputs.npz")),
                &dir.join(format!("{name}.{size}.expected.npz")),
                &["--rel-to-max", "1e-4"],
            );
        }
        if name == "cnn_hw" {
            // JAX's `//` on sizes is one FLOOR_DIV each, not sixteen ops.
            assert_eq!(count_ops(&tflite, "SIGN"), 0, "{name}: floor divisions left in pieces");
        }
    }
}

/// `text` with each `#stablehlo.conv<...>` in the compact form rewritten in the raw
/// form; returns the text and how many were rewritten.
fn conv_dims_raw(text: &str) -> (String, usize) {
    const OPEN: &str = "#stablehlo.conv<";
    let (mut out, mut rest, mut count) = (String::new(), text, 0);
    while let Some(i) = rest.find(OPEN) {
        out.push_str(&rest[..i]);
        let body_start = i + OPEN.len();
        // The closing `>`: depth counts `[`/`]`; `->` is no bracket.
        let b = rest.as_bytes();
        let mut j = body_start;
        while !(b[j] == b'>' && b[j - 1] != b'-') {
            j += 1;
        }
        let dims = ConvDims::parse(&rest[body_start..j]).expect("the importer's conv dimension numbers parse");
        out.push_str(&dims.raw_text());
        count += 1;
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    (out, count)
}

#[test]
fn raw_conv_dimension_numbers_convert_to_the_same_bytes() {
    let repo = common::repo();
    let work = common::work_dir("producers_raw_conv");
    let pipeline = printed_pipeline();
    let mut archives = vec![repo.join("fixtures/models/cnn.pt2"), repo.join("fixtures/models/mobile_block.pt2")];
    let mut ops: Vec<PathBuf> = std::fs::read_dir(repo.join("fixtures/ops"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("aten.convolution.default") && n.ends_with(".pt2")
        })
        .collect();
    ops.sort();
    archives.extend(ops);
    let mut converted = 0;
    for archive in &archives {
        let stem = archive.file_stem().unwrap().to_string_lossy().into_owned();
        let compact = work.join(format!("{stem}.mlir"));
        ok(
            env!("CARGO_BIN_EXE_edge-translate"),
            &["--pt2-to-mlir".as_ref(), archive.as_os_str(), "-o".as_ref(), compact.as_os_str()],
        );
        let (raw_text, rewritten) = conv_dims_raw(&std::fs::read_to_string(&compact).unwrap());
        assert!(rewritten > 0, "{stem} has no convolution");
        let raw = work.join(format!("{stem}.raw.mlir"));
        std::fs::write(&raw, raw_text).unwrap();
        let a = convert(&compact, &work, &stem, &pipeline);
        let b = convert(&raw, &work, &format!("{stem}.raw"), &pipeline);
        match (a, b) {
            (Ok(a), Ok(b)) => {
                assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap(), "{stem}: raw and compact forms differ");
                converted += 1;
            }
            // A fixture edge cannot convert (bf16, dynamic shapes) fails alike.
            (Err(_), Err(_)) => {}
            (a, b) => panic!("{stem}: compact form {:?}, raw form {:?}", a.map(|_| "converts"), b.map(|_| "converts")),
        }
    }
    assert!(converted >= 10, "only {converted} of {} archives converted", archives.len());
    // One of them in LiteRT too (the others are the compact form's bytes, which the pt2
    // fixture tests check).
    let dir = repo.join("fixtures/models");
    litert_check(
        &work.join("cnn.raw.tflite"),
        &dir.join("cnn.inputs.npz"),
        &dir.join("cnn.expected.npz"),
        &["--atol", "1e-4", "--rtol", "1e-4"],
    );
}

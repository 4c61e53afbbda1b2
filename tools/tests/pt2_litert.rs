//! PyTorch to LiteRT: every fixture that legalizes to TFL, through edge-convert's
//! default pipeline, must load in LiteRT and match the PyTorch outputs stored beside it
//! (`runtime-check/conformance/run_pt2_litert.py`). Fixtures with an op that has no
//! TFL rule yet are listed as TODO, not failed. Dynamic fixtures (`fixtures/dynamic`)
//! run at the min, a middle and the max size of their Dims, within 1e-4 of max|out|,
//! and must carry -1 dims and the Dim ranges; one the importer cannot lower yet is TODO.

mod common;

#[test]
fn legalized_fixtures_match_pytorch_in_litert() {
    let work = common::work_dir("pt2_litert");
    let pipeline = edge_passes::pipelines::convert_pipeline(&Default::default());
    let summary = run_fixtures(&work, &pipeline, "");
    eprintln!("{summary}");
}

/// `run_pt2_litert.py` on the fixtures whose name starts with `only` (all for ""),
/// converted with `pipeline`; its summary line (the runner fails on any FAIL).
fn run_fixtures(work: &std::path::Path, pipeline: &str, only: &str) -> String {
    common::run_fixture_runner(
        "runtime-check/conformance/run_pt2_litert.py",
        &[("--edge-translate", env!("CARGO_BIN_EXE_edge-translate")), ("--edge-opt", env!("CARGO_BIN_EXE_edge-opt"))],
        work,
        &["--pipeline".as_ref(), pipeline.as_ref(), "--only".as_ref(), only.as_ref()],
    )
}

/// The recurrent fixtures (`plain/rnn_*`) in both forms `--recurrent` chooses between:
/// TFLite's fused sequence ops and the unrolled steps each match PyTorch in LiteRT (the
/// default, `auto`, picks one of the two per layer, and these small layers unroll).
/// The fused run must hold the sequence ops, else it would test the unrolled form twice.
#[test]
fn recurrent_fixtures_match_pytorch_fused_and_unrolled() {
    use edge_passes::pipelines::{convert_pipeline, ConvertPipelineOptions, Recurrent};
    for (label, recurrent) in [("fused", Recurrent::Fused), ("unrolled", Recurrent::Unrolled)] {
        let work = common::work_dir(&format!("pt2_litert_rnn_{label}"));
        let pipeline = convert_pipeline(&ConvertPipelineOptions { recurrent, ..Default::default() });
        let summary = run_fixtures(&work, &pipeline, "rnn_");
        assert!(summary.starts_with("10 passed"), "{label}: {summary}");
        // The dynamic fixtures (`rnn_*_seq`, over a run-time sequence length) stay fused
        // either way: their steps cannot be unrolled.
        let fused = |dynamic: bool| -> usize {
            std::fs::read_dir(&work)
                .unwrap()
                .filter_map(|e| e.ok())
                .filter(|e| e.path().extension().is_some_and(|x| x == "mlir"))
                .filter(|e| e.file_name().to_string_lossy().contains("_seq.") == dynamic)
                .map(|e| std::fs::read_to_string(e.path()).unwrap_or_default())
                .map(|m| {
                    ["tfl.unidirectional_sequence_lstm", "tfl.bidirectional_sequence_lstm", "tfl.unidirectional_sequence_rnn"]
                        .iter()
                        .map(|op| m.matches(op).count())
                        .sum::<usize>()
                })
                .sum()
        };
        // 4 unidirectional LSTMs in the tagger; 2 bidirectional LSTMs and an RNN in the stack.
        assert_eq!(fused(true), 7, "{label}: the dynamic fixtures' sequence ops");
        if recurrent == Recurrent::Fused {
            assert!(fused(false) >= 8, "{label}: only {} sequence ops in the converted fixtures", fused(false));
        } else {
            assert_eq!(fused(false), 0, "{label}: sequence ops left in the unrolled fixtures");
        }
    }
}

/// The runner's verdicts on a dynamic model, without the importer: a hand-written TFL
/// model with a dynamic batch passes at every size when right, fails naming the size
/// when one size is wrong, and fails when the file lacks -1 dims or the Dim ranges.
#[test]
fn dynamic_fixtures_fail_when_wrong_at_any_size() {
    let work = common::work_dir("pt2_litert_dynamic");
    let translate = env!("CARGO_BIN_EXE_edge-translate");
    let module = |attr: &str, ty: &str| {
        format!(
            "func.func @main(%x: {ty}) -> {ty} attributes {{{attr}tf.entry_function = {{inputs = \"x\", outputs = \"output_0\"}}}} {{\n\
             %0 = \"tfl.add\"(%x, %x) {{fused_activation_function = \"NONE\"}} : ({ty}, {ty}) -> {ty}\n  return %0 : {ty}\n}}\n"
        )
    };
    let ranges = "edge.dynamic_dims = {x = [{dim = 0 : i64, expr = \"s0\", max = 8 : i64, min = 1 : i64}]}, ";
    for (name, text) in [
        ("good", module(ranges, "tensor<?x4xf32>")),
        ("no_ranges", module("", "tensor<?x4xf32>")),
        ("static", module("", "tensor<4x4xf32>")),
    ] {
        let mlir = work.join(format!("{name}.mlir"));
        std::fs::write(&mlir, text).unwrap();
        let out = std::process::Command::new(translate)
            .args([
                "--mlir-to-tflite".as_ref(),
                mlir.as_os_str(),
                "-o".as_ref(),
                work.join(format!("{name}.tflite")).as_os_str(),
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let script = r#"
import sys, types, numpy as np
work, conformance, translate = sys.argv[1:4]
sys.path.insert(0, conformance)
import run_pt2_litert as r
sizes = {}
for label, b in (("min", 1), ("mid", 4), ("max", 8)):
    x = np.arange(b * 4, dtype=np.float32).reshape(b, 4)
    np.savez(f"{work}/{label}.inputs.npz", x=x)
    np.savez(f"{work}/{label}.expected.npz", out0=2 * x)
    wrong = 2 * x
    wrong[-1, -1] += 1.0
    np.savez(f"{work}/{label}.wrong.npz", out0=wrong)
    sizes[label] = {"dims": {"batch": b}, "inputs_npz": f"{label}.inputs.npz", "expected_npz": f"{label}.expected.npz"}
entry = {"sizes": sizes, "dynamic_dims": {"x": [{"dim": 0, "expr": "s0", "min": 1, "max": 8}]}}
args = types.SimpleNamespace(fixtures=work, edge_translate=translate)
def run(model, e=entry):
    return r.run_sizes("t", f"{work}/{model}.tflite", args, e)
assert run("good") == ("PASS", ""), run("good")
assert r.resize_problems(f"{work}/good.tflite", entry, work) == []
status, reason = run("good", {**entry, "sizes": {**sizes, "max": {**sizes["max"], "inputs_npz": "mid.inputs.npz"}}})
assert status == "FAIL" and "max (batch=8)" in reason, reason
bad = {**entry, "sizes": {**sizes, "max": {**sizes["max"], "expected_npz": "max.wrong.npz"}}}
status, reason = run("good", bad)
assert status == "FAIL" and reason.startswith("litert: max (batch=8): ") and "min" not in reason, reason
status, reason = run("good", {**entry, "dynamic_dims": {"x": [{"dim": 0, "expr": "s0", "min": 1, "max": 16}]}})
assert status == "FAIL" and "metadata 'edge_dynamic_dims' is" in reason, reason
status, reason = run("no_ranges")
assert status == "FAIL" and "no metadata 'edge_dynamic_dims'" in reason, reason
status, reason = run("static")
assert status == "FAIL" and "dims [0] should be -1" in reason, reason
print("ok")
"#;
    let repo = common::repo();
    let out = std::process::Command::new(common::python())
        .args([
            "-c".as_ref(),
            script.as_ref(),
            work.as_os_str(),
            repo.join("runtime-check/conformance").as_os_str(),
            translate.as_ref(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).contains("ok"),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

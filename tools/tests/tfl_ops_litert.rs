//! Every catalogued TFL op runs in LiteRT: writes the ops of `edge_dialects::TFL` that
//! have a `tflite` entry to a file and runs `runtime-check/conformance/run_tfl_ops.py`
//! with this build's `edge-translate`. The runner fails when an op has no case or a
//! case's model does not match its NumPy reference.

#[allow(dead_code)] // run_fixture_runner: this runner reads no fixtures
mod common;

#[test]
fn every_tfl_op_runs_in_litert() {
    let ops: Vec<&str> = edge_dialects::TFL.ops.iter().filter(|op| op.tflite.is_some()).map(|op| op.name).collect();
    assert!(!ops.is_empty(), "the TFL catalog has no op with a tflite entry");
    // Kept after the run: the cases' .mlir and .tflite files and support.md.
    let work = common::work_dir("tfl_ops_litert");
    let ops_file = work.join("ops.txt");
    std::fs::write(&ops_file, ops.join("\n") + "\n").unwrap();
    let summary = common::run_runner(
        &common::repo().join("runtime-check/conformance/run_tfl_ops.py"),
        &[
            "--edge-translate".as_ref(),
            env!("CARGO_BIN_EXE_edge-translate").as_ref(),
            "--work".as_ref(),
            work.as_os_str(),
            "--ops-from".as_ref(),
            ops_file.as_os_str(),
        ],
        &work,
    );
    eprintln!("{summary} ({} catalogued ops); support table {}", ops.len(), work.join("support.md").display());
}

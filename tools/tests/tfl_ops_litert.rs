//! Every catalogued TFL op runs in LiteRT: writes the ops of `edge_dialects::TFL` that
//! have a `tflite` entry to a file and runs `runtime-check/conformance/run_tfl_ops.py`
//! with this build's `edge-translate`. The runner fails when an op has no case or a
//! case's model does not match its NumPy reference.
//!
//! Python: `EDGE_PYTHON`, or `<repo>/.venv/bin/python` (made by `scripts/setup.sh`).

use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn every_tfl_op_runs_in_litert() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let python: PathBuf = match std::env::var_os("EDGE_PYTHON") {
        Some(p) => p.into(),
        None => repo.join(".venv/bin/python"),
    };
    assert!(
        python.exists(),
        "no Python at {} (set EDGE_PYTHON, or run `bash scripts/setup.sh` to create the venv \
         with ai-edge-litert and numpy)",
        python.display()
    );

    let ops: Vec<&str> = edge_dialects::TFL.ops.iter().filter(|op| op.tflite.is_some()).map(|op| op.name).collect();
    assert!(!ops.is_empty(), "the TFL catalog has no op with a tflite entry");

    // Kept after the run: the cases' .mlir and .tflite files and support.md.
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tfl_ops_litert");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let ops_file = work.join("ops.txt");
    std::fs::write(&ops_file, ops.join("\n") + "\n").unwrap();

    let runner = repo.join("runtime-check/conformance/run_tfl_ops.py");
    let out = Command::new(&python)
        .arg(&runner)
        .arg("--edge-translate")
        .arg(env!("CARGO_BIN_EXE_edge-translate"))
        .arg("--work")
        .arg(&work)
        .arg("--ops-from")
        .arg(&ops_file)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run {} {} ({e}); run `bash scripts/setup.sh`", python.display(), runner.display())
        });
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "run_tfl_ops.py failed ({}); work dir {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        out.status,
        work.display()
    );
    // The runner's last line is the summary.
    let summary = stdout.lines().last().unwrap_or("");
    assert!(summary.ends_with(" 0 failed"), "unexpected summary line {summary:?}\n{stdout}");
    eprintln!("{summary} ({} catalogued ops); support table {}", ops.len(), work.join("support.md").display());
}

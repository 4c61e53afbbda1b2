//! Every fixture archive (`fixtures/models`, `fixtures/ops`) imports with
//! `edge-translate --pt2-to-mlir`, passes the stablehlo verify step, and its StableHLO,
//! run by XLA, matches the PyTorch outputs stored beside it
//! (`runtime-check/conformance/run_pt2_fixtures.py`). Known gaps are listed in the
//! runner with their reason; one that starts passing fails the run until it is removed.
//!
//! Python: `EDGE_PYTHON`, or `<repo>/.venv/bin/python` (made by `scripts/setup.sh`).

use std::path::{Path, PathBuf};
use std::process::Command;

#[test]
fn every_fixture_imports_and_matches_pytorch() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let python: PathBuf = match std::env::var_os("EDGE_PYTHON") {
        Some(p) => p.into(),
        None => repo.join(".venv/bin/python"),
    };
    assert!(python.exists(), "no Python at {} (set EDGE_PYTHON, or run `bash scripts/setup.sh`)", python.display());
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pt2_fixtures");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let runner = repo.join("runtime-check/conformance/run_pt2_fixtures.py");
    let out = Command::new(&python)
        .arg(&runner)
        .arg("--edge-translate")
        .arg(env!("CARGO_BIN_EXE_edge-translate"))
        .arg("--fixtures")
        .arg(repo.join("fixtures"))
        .arg("--work")
        .arg(&work)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} ({e}); run `bash scripts/setup.sh`", python.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "run_pt2_fixtures.py failed ({}); work dir {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        out.status,
        work.display()
    );
    let summary = stdout.lines().last().unwrap_or("");
    assert!(summary.ends_with(" 0 failed"), "unexpected summary line {summary:?}\n{stdout}");
    eprintln!("{summary}; support table {}", work.join("pt2-support.md").display());
}

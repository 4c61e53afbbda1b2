//! Every fixture archive (`fixtures/models`, `fixtures/ops`) imports with
//! `edge-translate --pt2-to-mlir`, passes the stablehlo verify step, and its StableHLO,
//! run by XLA, matches the PyTorch outputs stored beside it
//! (`runtime-check/conformance/run_pt2_fixtures.py`). Known gaps are listed in the
//! runner with their reason; one that starts passing fails the run until it is removed.

mod common;

#[test]
fn every_fixture_imports_and_matches_pytorch() {
    let work = common::work_dir("pt2_fixtures");
    let summary = common::run_fixture_runner(
        "runtime-check/conformance/run_pt2_fixtures.py",
        &[("--edge-translate", env!("CARGO_BIN_EXE_edge-translate"))],
        &work,
        &[],
    );
    eprintln!("{summary}; support table {}", work.join("pt2-support.md").display());
}

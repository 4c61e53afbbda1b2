//! Every fixture archive (`fixtures/models`, `fixtures/ops`) imports with
//! `edge-translate --pt2-to-mlir`, passes the stablehlo verify step, and its StableHLO,
//! run by XLA, matches the PyTorch outputs stored beside it
//! (`runtime-check/conformance/run_pt2_fixtures.py`). Known gaps are listed in the
//! runner with their reason; one that starts passing fails the run until it is removed.

mod common;

#[test]
fn every_fixture_imports_and_matches_pytorch() {
    let repo = common::repo();
    let work = common::work_dir("pt2_fixtures");
    let summary = common::run_runner(
        &repo.join("runtime-check/conformance/run_pt2_fixtures.py"),
        &[
            "--edge-translate".as_ref(),
            env!("CARGO_BIN_EXE_edge-translate").as_ref(),
            "--fixtures".as_ref(),
            repo.join("fixtures").as_os_str(),
            "--work".as_ref(),
            work.as_os_str(),
        ],
        &work,
    );
    eprintln!("{summary}; support table {}", work.join("pt2-support.md").display());
}

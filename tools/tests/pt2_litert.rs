//! PyTorch to LiteRT: every fixture that legalizes to TFL, through edge-convert's
//! default pipeline, must load in LiteRT and match the PyTorch outputs stored beside it
//! (`runtime-check/conformance/run_pt2_litert.py`). Fixtures with an op that has no
//! TFL rule yet are listed as TODO, not failed. Dynamic fixtures (`fixtures/dynamic`)
//! run at the min, a middle and the max size of their Dims, within 1e-4 of max|out|,
//! and must carry -1 dims and the Dim ranges; one the importer cannot lower yet is TODO.

mod common;

#[test]
fn legalized_fixtures_match_pytorch_in_litert() {
    let repo = common::repo();
    let work = common::work_dir("pt2_litert");
    let pipeline = edge_passes::pipelines::convert_pipeline(&Default::default());
    let summary = common::run_runner(
        &repo.join("runtime-check/conformance/run_pt2_litert.py"),
        &[
            "--edge-translate".as_ref(),
            env!("CARGO_BIN_EXE_edge-translate").as_ref(),
            "--edge-opt".as_ref(),
            env!("CARGO_BIN_EXE_edge-opt").as_ref(),
            "--fixtures".as_ref(),
            repo.join("fixtures").as_os_str(),
            "--work".as_ref(),
            work.as_os_str(),
            "--pipeline".as_ref(),
            pipeline.as_ref(),
        ],
        &work,
    );
    eprintln!("{summary}");
}

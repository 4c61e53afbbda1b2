//! pt2e-quantized fixtures (`fixtures/quant`) through edge-convert, in float, int8 and
//! uint8 I/O, must load in LiteRT and match the quantized PyTorch graph's outputs
//! within the quantization-step tolerances `run_quant_litert.py` states.

mod common;

#[test]
fn quantized_fixtures_match_pytorch_in_litert() {
    let repo = common::repo();
    let work = common::work_dir("quant_litert");
    let summary = common::run_runner(
        &repo.join("runtime-check/conformance/run_quant_litert.py"),
        &[
            "--edge-convert".as_ref(),
            env!("CARGO_BIN_EXE_edge-convert").as_ref(),
            "--fixtures".as_ref(),
            repo.join("fixtures").as_os_str(),
            "--work".as_ref(),
            work.as_os_str(),
        ],
        &work,
    );
    eprintln!("{summary}");
}

//! Quantized decoders end to end: the `decoder` fixtures converted with `--quantize
//! dynamic-int8` and `--quantize int4` (prefill and decode signatures sharing the
//! quantized weights), run in LiteRT as `decoder_litert.rs` runs the float ones: the
//! prefill, then chained decode steps on the caches each call returned. The bounds are
//! the weight forms' errors against PyTorch's float model (measured: int8 0.5-1.6% of
//! max|logits| per call, int4 10-19%), with room; a wrong scale, axis or INT4 packing
//! gives errors of the order of max|logits| itself.

mod common;

fn run(name: &str, flags: &str, tol: &str) {
    let repo = common::repo();
    let work = common::work_dir(name);
    let summary = common::run_runner(
        &repo.join("runtime-check/run_decoder_litert.py"),
        &[
            "--edge-convert".as_ref(),
            env!("CARGO_BIN_EXE_edge-convert").as_ref(),
            "--fixtures".as_ref(),
            repo.join("fixtures").as_os_str(),
            "--work".as_ref(),
            work.as_os_str(),
            format!("--flags={flags}").as_ref(),
            "--tol".as_ref(),
            tol.as_ref(),
        ],
        &work,
    );
    assert!(summary.starts_with("7 passed"), "{summary}");
}

#[test]
fn dynamic_int8_decoders_stay_within_5_percent_of_pytorch_float() {
    run("decoder_litert_dynamic_int8", "--quantize dynamic-int8", "0.05");
}

#[test]
fn int4_decoders_stay_within_30_percent_of_pytorch_float() {
    run("decoder_litert_int4", "--quantize int4", "0.3");
}

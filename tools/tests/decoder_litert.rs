//! Decoders end to end: the `decoder` fixtures (a prefill and a decode archive of one
//! small Llama-style model each: grouped-query, multi-query, tied-head multi-head, caches
//! in registered buffers written in place, and two decomposed exports: index_put writes,
//! buffer-mutation outputs; and one archive holding both programs) converted by
//! edge-convert into one .tflite with a `prefill` and a `decode` signature, then run in
//! LiteRT: the prefill, then chained decode steps, each on the caches the call before
//! returned, against PyTorch's eager model chained the same way
//! (`runtime-check/run_decoder_litert.py`, references beside the fixtures).
//!
//! Float: every call's logits within 1e-4 of max|logits|. Quantized (`--quantize
//! dynamic-int8`, `--quantize int4`; the signatures share the quantized weights): the
//! bounds are the weight forms' errors against PyTorch's float model (measured: int8
//! 0.5-1.6% of max|logits| per call, int4 10-19%), with room; a wrong scale, axis or
//! INT4 packing gives errors of the order of max|logits| itself.

mod common;

/// Runs every decoder fixture with edge-convert `flags`, each call within `tol` of
/// max|logits|.
fn run(name: &str, flags: &str, tol: &str) {
    let work = common::work_dir(name);
    let summary = common::run_fixture_runner(
        "runtime-check/run_decoder_litert.py",
        &[("--edge-convert", env!("CARGO_BIN_EXE_edge-convert"))],
        &work,
        &[format!("--flags={flags}").as_ref(), "--tol".as_ref(), tol.as_ref()],
    );
    assert!(summary.starts_with("7 passed"), "{summary}");
}

#[test]
fn decoder_fixtures_prefill_and_chained_decode_match_pytorch_in_litert() {
    run("decoder_litert", "", "1e-4");
}

#[test]
fn dynamic_int8_decoders_stay_within_5_percent_of_pytorch_float() {
    run("decoder_litert_dynamic_int8", "--quantize dynamic-int8", "0.05");
}

#[test]
fn int4_decoders_stay_within_30_percent_of_pytorch_float() {
    run("decoder_litert_int4", "--quantize int4", "0.3");
}

//! Decoders end to end: the `decoder` fixtures (a prefill and a decode archive of one
//! small Llama-style model each: grouped-query, multi-query, tied-head multi-head, caches
//! in registered buffers written in place, and two decomposed exports: index_put writes,
//! buffer-mutation outputs; and one archive holding both programs) converted by
//! edge-convert into one .tflite with a `prefill` and a `decode` signature, then run in
//! LiteRT: the prefill, then chained decode steps, each on the caches the call before
//! returned; every call's logits within 1e-4 of max|logits| of PyTorch's eager model
//! chained the same way (`runtime-check/run_decoder_litert.py`, references beside the
//! fixtures).

mod common;

#[test]
fn decoder_fixtures_prefill_and_chained_decode_match_pytorch_in_litert() {
    let repo = common::repo();
    let work = common::work_dir("decoder_litert");
    let summary = common::run_runner(
        &repo.join("runtime-check/run_decoder_litert.py"),
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
    assert!(summary.starts_with("7 passed"), "{summary}");
}

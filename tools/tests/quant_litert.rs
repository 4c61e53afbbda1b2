//! Quantized PyTorch to LiteRT: every pt2e archive in `fixtures/quant` converts with
//! `edge-convert` (float I/O, and `--io-type int8` / `uint8` where the graph quantizes
//! every input), loads in LiteRT and matches the quantized graph's outputs within the
//! manifest's tolerance in quantization steps; and a few float archives converted with
//! `--quantize fp16` and `--quantize dynamic-int8` hold float16 / int8 tensors and match
//! the float outputs within 2e-3 / 3e-2 of their largest value
//! (`runtime-check/conformance/run_quant_litert.py`).

mod common;

#[test]
fn quantized_fixtures_match_pytorch_in_litert() {
    let work = common::work_dir("quant_litert");
    let summary = common::run_fixture_runner(
        "runtime-check/conformance/run_quant_litert.py",
        &[("--edge-convert", env!("CARGO_BIN_EXE_edge-convert"))],
        &work,
        &["--results".as_ref(), work.join("results.json").as_os_str()],
    );
    eprintln!("{summary}");
}

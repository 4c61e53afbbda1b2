//! A float model past TFLite's 2 GB limit is refused before any work, exit 1, with
//! nothing at the output path (issue: no corrupt output past 2 GB).

#[allow(dead_code)]
mod common;

use std::process::Command;

#[test]
fn a_2_9_gb_float_model_is_refused_up_front() {
    let dir = tempfile::tempdir_in(common::repo().join("target")).unwrap();
    let model = dir.path().join("big.pt2");
    let out = Command::new(common::python())
        .arg(common::repo().join("benchmarks/make_large_model.py"))
        .arg(&model)
        .args(["--gib", "2.9"])
        .output()
        .expect("the generator runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tflite = dir.path().join("big.tflite");
    let run = Command::new(env!("CARGO_BIN_EXE_edge-convert")).arg(&model).arg("-o").arg(&tflite).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the model's float32 weights take 3113851288 bytes, more than the 2147483647 bytes a TFLite file can hold"), "{stderr}");
    assert!(stderr.contains("--quantize dynamic-int8"), "{stderr}");
    // Refused before the import: the passes never ran on the weights.
    assert!(stderr.contains("nothing was converted or written"), "{stderr}");
    assert!(!tflite.exists(), "nothing may be written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(leftovers.len(), 1, "only the model itself: {leftovers:?}");
}

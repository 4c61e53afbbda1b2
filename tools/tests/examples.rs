//! The command-line example in the README, `examples/cli_walkthrough.sh`, runs as it
//! says with the binaries under test: import, edge-opt, write and dump, LiteRT, and
//! bisection naming the planted rewrite (it prints PASS and exits 0).

#[allow(dead_code)]
mod common;

use std::process::Command;

#[test]
fn cli_walkthrough_passes() {
    let bin_dir = std::path::Path::new(env!("CARGO_BIN_EXE_edge-convert")).parent().unwrap();
    let work = common::work_dir("cli_walkthrough");
    let out = Command::new("bash")
        .arg(common::repo().join("examples/cli_walkthrough.sh"))
        .arg(&work)
        .env("EDGE_BIN_DIR", bin_dir)
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "--- stdout\n{stdout}\n--- stderr\n{stderr}");
    assert!(stdout.trim_end().ends_with("PASS"), "{stdout}");
    assert!(stdout.contains("first past tolerance: pass 16 tfl-fuse-activation{test-wrong-activation=true}"), "{stdout}");
    assert!(work.join("cnn.tflite").is_file());
}

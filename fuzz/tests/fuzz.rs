//! The fuzz harness in `cargo test`: every saved finding replays without a panic, abort,
//! signal or hang, and a short seeded pass of each target finds nothing.

use std::process::Command;

fn edge_fuzz(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_edge-fuzz")).args(args).output().expect("edge-fuzz runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

#[test]
fn regression_corpus_replays_cleanly() {
    let (ok, text) = edge_fuzz(&["replay"]);
    println!("{text}");
    assert!(ok, "saved fuzz findings fail again:\n{text}");
    assert!(text.contains("saved inputs replayed"), "{text}");
}

/// Inputs 0..20000 of seed 7 (about a minute in a debug build): a fixed set, so a
/// failure here is a regression that
/// `edge-fuzz run TARGET --runs 20000 --seed 7` reproduces and minimizes.
#[test]
fn short_seeded_pass_finds_nothing() {
    let (ok, text) = edge_fuzz(&["run", "pt2", "tflite", "mlir", "--runs", "20000", "--seed", "7", "--no-save"]);
    println!("{text}");
    assert!(ok, "the seeded fuzz pass found failures:\n{text}");
    for target in ["pt2", "tflite", "mlir"] {
        assert!(text.contains(&format!("{target}: 20000 executions")), "{text}");
    }
}

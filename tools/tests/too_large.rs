//! A float model past TFLite's 2 GB flatbuffer limit converts: the writer takes TFLite's
//! large-model layout (constant data after the flatbuffer, `Buffer.offset`/`size`),
//! LiteRT 2.3 loads the file and runs it exactly, and the dump reads it back. A
//! conversion of it that fails leaves nothing at the output path.
//!
//! The model is `embedding(table, indices)` with a 2.2 GB float32 table (from
//! `benchmarks/make_large_model.py --table`): LiteRT reads only the rows it gathers, so
//! the check needs little memory. The archive and the .tflite (2.2 GB each) go to
//! `EDGE_LARGE_TMP`, else /dev/shm when it exists (memory, not the disk), else target/.

#[allow(dead_code)]
mod common;

use std::path::PathBuf;
use std::process::Command;

/// Rows x columns of the table: 8500 x 65536 float32 = 2 228 224 000 bytes.
const ROWS: usize = 8500;
const COLS: usize = 65536;

fn large_tmp() -> PathBuf {
    match std::env::var_os("EDGE_LARGE_TMP") {
        Some(p) => p.into(),
        None if std::path::Path::new("/dev/shm").is_dir() => "/dev/shm".into(),
        None => common::repo().join("target"),
    }
}

#[test]
fn a_2_2_gb_float_model_converts_into_the_large_layout_and_runs() {
    let dir = tempfile::tempdir_in(large_tmp()).unwrap();
    let path = |name: &str| dir.path().join(name);
    let out = Command::new(common::python())
        .arg(common::repo().join("benchmarks/make_large_model.py"))
        .arg(path("big.pt2"))
        .args(["--table", &ROWS.to_string(), &COLS.to_string(), "--inputs"])
        .arg(path("inputs.npz"))
        .arg("--expected")
        .arg(path("expected.npz"))
        .output()
        .expect("the generator runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let tflite = path("big.tflite");
    let run = Command::new(env!("CARGO_BIN_EXE_edge-convert")).arg(path("big.pt2")).arg("-o").arg(&tflite).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let table_bytes = (ROWS * COLS * 4) as u64;
    let size = std::fs::metadata(&tflite).unwrap().len();
    assert!(table_bytes > i32::MAX as u64 && size > table_bytes && size < table_bytes + 4096, "{size}");

    // The table lies after the flatbuffer, aligned, and reads back from there.
    let dump = Command::new(env!("CARGO_BIN_EXE_edge-translate")).arg("--tflite-dump").arg(&tflite).output().unwrap();
    let dump = String::from_utf8_lossy(&dump.stdout);
    let line = dump.lines().find(|l| l.contains(&format!("size={table_bytes}"))).unwrap_or_else(|| panic!("{dump}"));
    let offset: u64 = line.split("external offset=").nth(1).and_then(|r| r.split(' ').next()).unwrap().parse().unwrap();
    assert!(offset % 64 == 0 && offset + table_bytes == size, "{line} in a {size}-byte file");

    let check = Command::new(common::python())
        .arg(common::repo().join("runtime-check/litert_check.py"))
        .arg(&tflite)
        .arg("--inputs")
        .arg(path("inputs.npz"))
        .arg("--expected")
        .arg(path("expected.npz"))
        .args(["--atol", "0", "--rtol", "0"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success() && stdout.contains("litert-check: PASS"), "{stdout}{}", String::from_utf8_lossy(&check.stderr));

    // A conversion that fails once the work is done (its output's directory is missing)
    // leaves nothing behind.
    let before = std::fs::read_dir(dir.path()).unwrap().count();
    let missing = path("missing/big.tflite");
    let run = Command::new(env!("CARGO_BIN_EXE_edge-convert")).arg(path("big.pt2")).arg("-o").arg(&missing).output().unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before, "nothing may be left behind");
}

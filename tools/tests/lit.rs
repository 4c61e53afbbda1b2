//! Runs the lit suite in `lit-tests/` against the binaries this package just built, so
//! `cargo test` covers the FileCheck tests too.

use std::path::Path;
use std::process::Command;

#[test]
fn lit_suite() {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_edge-opt")).parent().unwrap();
    let suite = Path::new(env!("CARGO_MANIFEST_DIR")).join("../lit-tests");
    let lit = std::env::var("EDGE_LIT").unwrap_or_else(|_| "/usr/lib/llvm-22/bin/lit".into());
    let status = Command::new(&lit)
        .arg("-sv")
        .arg(&suite)
        .env("EDGE_BIN_DIR", bin_dir)
        .status()
        .unwrap_or_else(|e| panic!("cannot run lit at '{lit}' ({e}); run scripts/setup.sh"));
    assert!(status.success(), "lit tests failed");
}

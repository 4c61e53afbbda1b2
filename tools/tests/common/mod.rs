//! What the integration tests that drive Python runners share.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The Python with LiteRT, numpy and jax: `EDGE_PYTHON`, or `<repo>/.venv/bin/python`.
pub fn python() -> PathBuf {
    let python: PathBuf = match std::env::var_os("EDGE_PYTHON") {
        Some(p) => p.into(),
        None => repo().join(".venv/bin/python"),
    };
    assert!(
        python.exists(),
        "no Python at {} (set EDGE_PYTHON, or run `bash scripts/setup.sh` to create the venv)",
        python.display()
    );
    python
}

/// Runs a runner script; fails the test unless it exits 0 and its last line reports
/// no failure. Returns that summary line.
pub fn run_runner(runner: &Path, args: &[&std::ffi::OsStr], work: &Path) -> String {
    let python = python();
    let out = Command::new(&python).arg(runner).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {} {} ({e}); run `bash scripts/setup.sh`", python.display(), runner.display())
    });
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{} failed ({}); work dir {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        runner.display(),
        out.status,
        work.display()
    );
    let summary = stdout.lines().last().unwrap_or("").to_string();
    assert!(summary.ends_with(" 0 failed"), "unexpected summary line {summary:?}\n{stdout}");
    summary
}

/// Runs a runner script over the repository's fixtures (`--fixtures <repo>/fixtures
/// --work WORK`) with the edge binaries it names (`--edge-convert PATH`, ...) and
/// `extra` arguments; see `run_runner`.
pub fn run_fixture_runner(script: &str, tools: &[(&str, &str)], work: &Path, extra: &[&std::ffi::OsStr]) -> String {
    use std::ffi::OsStr;
    let fixtures = repo().join("fixtures");
    let mut args: Vec<&OsStr> = Vec::new();
    for (flag, path) in tools {
        args.extend([OsStr::new(flag), OsStr::new(path)]);
    }
    args.extend([OsStr::new("--fixtures"), fixtures.as_os_str(), OsStr::new("--work"), work.as_os_str()]);
    args.extend(extra);
    run_runner(&repo().join(script), &args, work)
}

/// A fresh work directory under the test target's temporary dir.
pub fn work_dir(name: &str) -> PathBuf {
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    work
}

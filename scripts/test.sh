#!/usr/bin/env bash
# The whole test suite: setup (idempotent), then every Rust unit and integration test,
# the lit/FileCheck suite and the LiteRT checks, all driven by `cargo test`; then the
# Python package's tests on the wheel, in a venv with torch and without LLVM or Rust
# (scripts/test-python.sh). Arguments go to `cargo test`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
status=0
cargo test --workspace --all-targets --no-fail-fast "$@" || status=$?
bash scripts/test-python.sh || status=$?
exit "$status"

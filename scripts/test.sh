#!/usr/bin/env bash
# The whole test suite: setup (idempotent), then every Rust unit and integration test,
# the lit/FileCheck suite and the LiteRT checks, all driven by `cargo test`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
cargo test --workspace --all-targets --no-fail-fast "$@"

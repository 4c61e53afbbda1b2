#!/usr/bin/env bash
# Fuzz edge's readers, importer and passes (see fuzz/src/lib.rs).
#
#   scripts/fuzz.sh TARGET [--runs N] [--seed S] [--max-seconds T] [...]   TARGET: pt2, tflite, mlir or all
#   scripts/fuzz.sh replay                                                 the regression corpus
#
# Input i of a run is the same for the same seed on every machine. Findings (panics,
# aborts, signals, hangs) are minimized into fuzz/regressions/<target>/, which
# `cargo test` replays; the exit status is 1 when a run found anything.
# Built with the `fuzz` profile (optimized, with debug assertions and overflow checks).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ $# -lt 1 ]]; then
  sed -n '2,6p' "$0" >&2
  exit 2
fi
target="$1"
shift
cargo build -q --profile fuzz -p edge-fuzz
bin="$root/target/fuzz/edge-fuzz"
case "$target" in
  replay) exec "$bin" replay "$@" ;;
  all) exec "$bin" run pt2 tflite mlir "$@" ;;
  *) exec "$bin" run "$target" "$@" ;;
esac

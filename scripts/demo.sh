#!/usr/bin/env bash
# The main job on a model shipped in the repo: translate a small TFL CNN
# (examples/small_cnn.mlir) into a .tflite, show what was written, run it in LiteRT on
# the shipped inputs and compare with the NumPy reference outputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
echo "demo: building edge"
cargo build --quiet -p edge-tools
out="$root/target/demo"
mkdir -p "$out"
echo "demo: edge-translate --mlir-to-tflite examples/small_cnn.mlir -o target/demo/small_cnn.tflite"
target/debug/edge-translate --mlir-to-tflite examples/small_cnn.mlir -o "$out/small_cnn.tflite"
target/debug/edge-translate --tflite-dump "$out/small_cnn.tflite" | sed -n '/operators:/,$p'
echo "demo: running in LiteRT"
.venv/bin/python runtime-check/litert_check.py "$out/small_cnn.tflite" \
  --inputs examples/small_cnn.inputs.npz --expected examples/small_cnn.expected.npz \
  --rel-to-max 1e-5 --print-outputs

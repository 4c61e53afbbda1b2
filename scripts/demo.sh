#!/usr/bin/env bash
# The main job on a model shipped in the repo: convert a PyTorch model exported with
# torch.export (fixtures/models/mobile_block.pt2: conv, batch norm, hardswish, depthwise
# conv, squeeze-excite, residual add) into a .tflite with edge-convert, then run it in
# LiteRT on the stored inputs and compare with PyTorch's stored outputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
echo "demo: building edge"
cargo build --quiet --release -p edge-tools
out="$root/target/demo"
mkdir -p "$out"
model=fixtures/models/mobile_block
echo "demo: edge-convert $model.pt2 -o target/demo/mobile_block.tflite"
target/release/edge-convert "$model.pt2" -o "$out/mobile_block.tflite"
echo "demo: running in LiteRT against PyTorch's outputs"
.venv/bin/python runtime-check/litert_check.py "$out/mobile_block.tflite" \
  --inputs "$model.inputs.npz" --expected "$model.expected.npz" --rel-to-max 1e-4

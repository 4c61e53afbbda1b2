#!/usr/bin/env bash
# edge from the command line, as a compiler engineer uses it: import a torch.export
# archive to StableHLO, run the default pipeline with edge-opt, write the flatbuffer
# and read it back, check it in LiteRT, then bisect the numbers pass by pass (on the
# default pipeline, and on one with a planted wrong rewrite, which bisection names).
#
#   bash examples/cli_walkthrough.sh [WORK_DIR]     (EDGE_BIN_DIR: default target/release)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin="${EDGE_BIN_DIR:-target/release}"
work="${1:-target/cli-walkthrough}"
python=.venv/bin/python
model=fixtures/models/cnn
mkdir -p "$work"
step() { printf '\n== %s\n' "$*"; }

step "import: the archive as StableHLO; each op's location names its torch.export node (and source line, when the archive has stack traces)"
"$bin/edge-translate" --pt2-to-mlir "$model.pt2" --mlir-print-debuginfo --mlir-elide-resources | grep -m4 -E 'stablehlo.convolution|^#loc[0-9]+ = loc\("[a-z_]+"\)'
"$bin/edge-translate" --pt2-to-mlir "$model.pt2" -o "$work/cnn.mlir"

step "the pipeline edge-convert runs, run by edge-opt"
pipeline="$("$bin/edge-convert" --print-pipeline)"
echo "$pipeline"
"$bin/edge-opt" "$work/cnn.mlir" --pass-pipeline="$pipeline" -o "$work/cnn.tfl.mlir"

step "the flatbuffer, read back"
"$bin/edge-translate" --mlir-to-tflite "$work/cnn.tfl.mlir" -o "$work/cnn.tflite"
"$bin/edge-translate" --tflite-dump "$work/cnn.tflite" | head -12

step "LiteRT against PyTorch's outputs"
"$python" runtime-check/litert_check.py "$work/cnn.tflite" --inputs "$model.inputs.npz" --expected "$model.expected.npz" --rel-to-max 1e-4

step "bisection of the default pipeline: every stage within 1e-4"
"$bin/edge-convert" "$model.pt2" --bisect --inputs "$model.inputs.npz" --expected "$model.expected.npz" --python "$python"

step "bisection with a planted wrong rewrite (tfl-fuse-activation's test-only option)"
planted="${pipeline/tfl-fuse-activation/tfl-fuse-activation\{test-wrong-activation=true\}}"
if "$bin/edge-convert" "$model.pt2" --bisect --inputs "$model.inputs.npz" --expected "$model.expected.npz" \
    --python "$python" --pass-pipeline "$planted"; then
  echo "FAIL: bisection did not find the planted rewrite" >&2
  exit 1
fi
echo "PASS"

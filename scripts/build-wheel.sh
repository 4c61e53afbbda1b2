#!/usr/bin/env bash
# Builds the Python wheel edge_tflite (distribution edge-tflite) into target/wheels:
# the package in python/ and edge's three binaries, built in release mode by maturin
# (pinned in python/build-requirements.txt, installed in target/wheel-build-venv).
# The binaries link MLIR statically, so the wheel installs where there is no LLVM.
# Extra arguments go to `maturin build` (e.g. --sdist). Prints the wheel's path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# LLVM/MLIR 22 and the C libraries the binaries are built against (idempotent).
bash scripts/setup.sh >&2
source scripts/venv.sh
venv="$root/target/wheel-build-venv"
ensure_venv build-wheel "$venv" "$root/python/build-requirements.txt"
rm -f target/wheels/edge_tflite-*.whl
"$venv/bin/maturin" build --release --locked -o target/wheels "$@" >&2
ls target/wheels/edge_tflite-*.whl

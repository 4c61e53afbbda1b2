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
venv="$root/target/wheel-build-venv"
requirements="$root/python/build-requirements.txt"
stamp="$venv/.edge-requirements.sha256"

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ ! -x "$venv/bin/python" ]] || [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  echo "build-wheel: pip install -r python/build-requirements.txt into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input -r "$requirements"
  echo "$want" >"$stamp"
fi
rm -f target/wheels/edge_tflite-*.whl
"$venv/bin/maturin" build --release --locked -o target/wheels "$@" >&2
ls target/wheels/edge_tflite-*.whl

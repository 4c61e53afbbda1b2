#!/usr/bin/env bash
# The Python package's tests, run the way a user runs the package: the wheel
# (scripts/build-wheel.sh) installed into a venv with torch and no LLVM or Rust
# (target/py-venv, from python/test-requirements.txt), then pytest on python/tests.
# Where it can (root, unshare), it runs them in a mount namespace in which
# /usr/lib/llvm-22, ~/.cargo and ~/.rustup are empty and PATH holds only the venv and
# /usr/bin:/bin, so a binary that still needed LLVM or a Rust toolchain would fail.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
wheel="$(bash scripts/build-wheel.sh)"
source scripts/venv.sh
venv="$root/target/py-venv"
ensure_venv test-python "$venv" "$root/python/test-requirements.txt"
echo "test-python: installing $wheel"
pip_install "$venv" --force-reinstall --no-deps "$wheel"
# The wheel's own dependencies (numpy, ai-edge-litert), as pip resolves them.
pip_install "$venv" "$wheel"

# `pip install .` from the repository (the README's source install): maturin as the
# PEP 517 backend builds the same binaries into a venv of its own, with no torch; the
# package converts a shipped archive there.
src_venv="$root/target/py-src-venv"
[[ -x "$src_venv/bin/python" ]] || python3 -m venv "$src_venv"
echo "test-python: pip install . into $src_venv"
pip_install "$src_venv" --force-reinstall "$root"
"$src_venv/bin/python" - "$root" <<'PY'
import sys, tempfile, numpy as np, edge_tflite
root = sys.argv[1]
model = edge_tflite.convert_file(f"{root}/fixtures/models/mobile_block.pt2", tempfile.mktemp(suffix=".tflite"))
inputs = np.load(f"{root}/fixtures/models/mobile_block.inputs.npz")
expected = np.load(f"{root}/fixtures/models/mobile_block.expected.npz")
want = expected[expected.files[0]]
err = float(np.abs(model(*[inputs[k] for k in inputs.files]) - want).max() / np.abs(want).max())
assert err <= 1e-4 and "py-src-venv" in edge_tflite.tool("edge-convert"), (err, edge_tflite.tool("edge-convert"))
print(f"test-python: pip install . works: {edge_tflite.tool('edge-convert')}, mobile_block within {err:.1e} of max|out|")
PY

run=("$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests "$@")
if [[ $(id -u) -eq 0 ]] && unshare -m true 2>/dev/null; then
  empty="$(mktemp -d)"
  hide=""
  for dir in /usr/lib/llvm-22 "$HOME/.cargo" "$HOME/.rustup"; do
    [[ -d "$dir" ]] && hide+="mount --bind '$empty' '$dir' && "
  done
  echo "test-python: running without LLVM and Rust (hidden: /usr/lib/llvm-22, ~/.cargo, ~/.rustup)"
  unshare -m sh -c "${hide}exec env -i HOME='$HOME' PATH='$venv/bin:/usr/bin:/bin' \"\$@\"" sh "${run[@]}"
  rmdir "$empty"
else
  echo "test-python: not root or no unshare: running with LLVM and Rust visible"
  PATH="$venv/bin:/usr/bin:/bin" "${run[@]}"
fi

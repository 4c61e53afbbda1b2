#!/usr/bin/env bash
# Create <repo>/.venv-bench for benchmarks/bench_convert.py: litert-torch (Google's
# Python PyTorch -> TFLite converter, formerly ai-edge-torch) from PyPI, with the torch
# and torchvision that edge's fixtures use (litert-torch 0.10 accepts torch < 2.15, so
# the .pt2 archives edge reads and the models litert-torch converts come from the same
# torch 2.14.1).
#
#   bash benchmarks/setup-litert-torch.sh      # idempotent; prints the versions at the end
#
# Plain PyPI: the torch wheel pulls the CUDA libraries (several GB) although everything
# runs on CPU; litert-torch pulls jax, transformers, torchao, ai-edge-quantizer and
# litert-converter. Expect minutes; the install time is part of what we compare.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-bench"
stamp="$venv/.edge-bench-packages"

packages=(
  litert-torch==0.10.0
  torch==2.14.1
  torchvision==0.29.2
)

say() { echo "setup-litert-torch: $*"; }

if [[ -e "$venv" ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  say "removing broken venv $venv"
  rm -rf "$venv"
fi
if [[ ! -x "$venv/bin/python" ]]; then
  say "creating venv $venv ($(python3 --version 2>&1))"
  python3 -m venv "$venv"
fi

if [[ "$(cat "$stamp" 2>/dev/null || true)" == "${packages[*]}" ]]; then
  say "venv up to date, skipping pip"
else
  rm -f "$stamp"
  say "pip install ${packages[*]} (slow: torch with CUDA libraries, jax, transformers, ...)"
  start=$SECONDS
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input "${packages[@]}"
  say "pip took $((SECONDS - start)) s"
  echo "${packages[*]}" >"$stamp"
fi

"$venv/bin/python" - <<'EOF'
import importlib.metadata as md
import litert_torch, torch, torchvision
from ai_edge_litert.interpreter import Interpreter
v = {p: md.version(p) for p in ("litert-torch", "torch", "torchvision", "ai-edge-litert", "litert-converter", "numpy")}
print("setup-litert-torch: ok:", ", ".join(f"{k} {x}" for k, x in v.items()))
EOF
du -sh "$venv" | sed 's/^/setup-litert-torch: venv size /'

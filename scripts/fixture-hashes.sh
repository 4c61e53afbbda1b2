#!/usr/bin/env bash
# Converts every .pt2 fixture with edge-convert (default options, and fp16 /
# dynamic-int8 weights) and prints "sha256 options path" lines, or "FAILED" for a
# fixture that does not convert. Diff two runs to see which outputs a change moved:
#   scripts/fixture-hashes.sh > before.txt; ...; scripts/fixture-hashes.sh > after.txt
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${EDGE_CONVERT:-$root/target/release/edge-convert}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
find "$root/fixtures" -name '*.pt2' | sort | while read -r f; do
  rel="${f#"$root"/}"
  for opts in "" "--quantize fp16" "--quantize dynamic-int8"; do
    # shellcheck disable=SC2086
    if "$bin" "$f" -o "$out/m.tflite" $opts >/dev/null 2>&1; then
      echo "$(sha256sum "$out/m.tflite" | cut -c1-16) [${opts:-default}] $rel"
    else
      echo "FAILED [${opts:-default}] $rel"
    fi
  done
done

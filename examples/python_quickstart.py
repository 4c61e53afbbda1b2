#!/usr/bin/env python3
"""edge from Python, as a model owner uses it: convert a torchvision model, run it in
LiteRT, compare with PyTorch, export it; then dynamic-int8 weights, two signatures in
one file, and a numerical bisection. Needs the wheel (scripts/build-wheel.sh, then
`pip install target/wheels/edge_tflite-*.whl`) and torch + torchvision:

    python examples/python_quickstart.py [--model mobilenet_v3_small] [--out DIR]

Random weights (nothing is downloaded). Exits 1 when an output is off by more than
the stated tolerance."""

import argparse
import sys
import time
from pathlib import Path

import torch
import torchvision

import edge_tflite


def rel_err(got, expected) -> float:
    return float((got - expected).abs().max() / expected.abs().max())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="mobilenet_v3_small", help="a torchvision.models name")
    parser.add_argument("--out", default="target/quickstart", help="where the .tflite files go")
    args = parser.parse_args()
    out = Path(args.out)
    torch.manual_seed(0)

    model = getattr(torchvision.models, args.model)().eval()
    x = torch.randn(1, 3, 224, 224)
    with torch.no_grad():
        expected = model(x)
    failed = False

    # 1. Convert, call, compare, export.
    start = time.perf_counter()
    edge_model = edge_tflite.convert(model, (x,))
    seconds = time.perf_counter() - start
    err = rel_err(edge_model(x), expected)
    path = edge_model.export(out / f"{args.model}.tflite")
    print(f"float:        {edge_model} in {seconds:.2f} s (torch.export included); "
          f"error {err:.1e} of max|out| (tolerance 1e-4) -> {path}")
    failed |= err > 1e-4

    # 2. Weights as int8, read by LiteRT's hybrid kernels.
    int8_model = edge_tflite.convert(model, (x,), quantize="dynamic-int8")
    err8 = rel_err(int8_model(x), expected)
    path8 = int8_model.export(out / f"{args.model}.dynamic-int8.tflite")
    print(f"dynamic-int8: {int8_model}, weights {int8_model.summary['weights']}; "
          f"error {err8:.1e} of max|out| (tolerance 5e-2) -> {path8}")
    failed |= err8 > 5e-2

    # 3. Two signatures over one copy of the weights: one image, and a batch of 8.
    batch = torch.randn(8, 3, 224, 224)
    both = (
        edge_tflite.signature("single", model, (x,))
        .signature("batch8", model, (batch,))
        .convert()
    )
    with torch.no_grad():
        err_batch = rel_err(both(batch, signature="batch8"), model(batch))
    err_single = rel_err(both(x, signature="single"), expected)
    print(f"signatures:   {both}; errors {err_single:.1e} (single), {err_batch:.1e} (batch8)")
    failed |= max(err_single, err_batch) > 1e-4
    both.export(out / f"{args.model}.two-signatures.tflite")

    # 4. Which pass (if any) moves the numbers: every stage within 1e-4 here.
    report = edge_tflite.bisect(model, (x,))
    print(report)
    failed |= not report.ok

    print("FAIL" if failed else "PASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

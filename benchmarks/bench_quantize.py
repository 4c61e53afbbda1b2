#!/usr/bin/env python3
"""Benchmark: edge-convert --quantize fp16 / dynamic-int8 against float32.

For each torchvision model (random weights, seed 0, BatchNorm statistics measured on a
random batch so biases are not all zero, eval mode):

  1. export with torch.export.export and torch.export.save to MODEL.pt2;
  2. convert with `edge-convert` three times: float32, `--quantize fp16` and
     `--quantize dynamic-int8` (the summary's weights line and notes are printed);
  3. print each file's size against the float32 file's;
  4. run each file in LiteRT on --inputs random images and compare with the PyTorch
     float model: max|d| / max|y| and relative L2 (mean and worst over the inputs);
  5. for dynamic-int8, the same figures for a PyTorch reference that does what LiteRT's
     hybrid kernels do: weights of 1024 elements or more (conv, linear) fake-quantized
     per output channel, symmetric int8 in [-127, 127]; the input of each such layer
     fake-quantized per batch item to int8 [-128, 127] with a zero point (TFLite's
     AsymmetricQuantizeFloats). LiteRT's error should be that reference's.

Run with the benchmark venv (torch, torchvision, ai-edge-litert; see
setup-litert-torch.sh):

    .venv-bench/bin/python benchmarks/bench_quantize.py [--models resnet18]
        [--inputs 8] [--edge-bin target/release/edge-convert] [--keep DIR]

The figures come from this machine and this run; they are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torchvision
from ai_edge_litert import interpreter as lite

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODES = [("float32", []), ("fp16", ["--quantize", "fp16"]), ("dynamic-int8", ["--quantize", "dynamic-int8"])]


def make_model(name: str) -> torch.nn.Module:
    torch.manual_seed(0)
    model = getattr(torchvision.models, name)(weights=None)
    for m in model.modules():
        if isinstance(m, torch.nn.Linear):
            torch.nn.init.normal_(m.weight, std=m.in_features ** -0.5)
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
            m.momentum = None  # the statistics of the batch below, not a running mix
    model.train()
    with torch.no_grad():
        model(torch.randn(8, 3, 224, 224))
    return model.eval()


def fake_quant_weight(w: torch.Tensor) -> torch.Tensor:
    """Per-output-channel (dim 0) symmetric narrow-range int8."""
    m = w.abs().amax(dim=tuple(range(1, w.dim())), keepdim=True)
    scale = torch.where(m > 0, m / 127.0, torch.ones_like(m))
    return torch.clamp(torch.round(w / scale), -127, 127) * scale


def fake_quant_input(x: torch.Tensor) -> torch.Tensor:
    """TFLite's AsymmetricQuantizeFloats on each batch item: int8 [-128, 127]."""
    flat = x.reshape(x.shape[0], -1).double()
    rmin = torch.clamp(flat.min(dim=1, keepdim=True).values, max=0)
    rmax = torch.clamp(flat.max(dim=1, keepdim=True).values, min=0)
    scale = (rmax - rmin) / 255.0
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    zero_point = torch.clamp(torch.round(-128 - rmin / scale), -128, 127)
    q = torch.clamp(torch.round(flat / scale) + zero_point, -128, 127)
    return ((q - zero_point) * scale).float().reshape(x.shape)


def dynamic_reference(model: torch.nn.Module, name: str) -> torch.nn.Module:
    ref = getattr(torchvision.models, name)(weights=None).eval()
    ref.load_state_dict(model.state_dict())
    for m in ref.modules():
        if isinstance(m, (torch.nn.Conv2d, torch.nn.Linear)) and m.weight.numel() >= 1024:
            with torch.no_grad():
                m.weight.copy_(fake_quant_weight(m.weight))
            m.register_forward_pre_hook(lambda mod, args: (fake_quant_input(args[0]),))
    return ref


def errors(got: np.ndarray, want: np.ndarray) -> tuple[float, float]:
    d = got.astype(np.float64) - want.astype(np.float64)
    return float(np.abs(d).max() / np.abs(want).max()), float(np.linalg.norm(d) / np.linalg.norm(want))


def summary(rows: list[tuple[float, float]]) -> str:
    a = np.array(rows)
    return (f"max|d|/max|y| mean {a[:, 0].mean():.3e} worst {a[:, 0].max():.3e}; "
            f"relative L2 mean {a[:, 1].mean():.3e} worst {a[:, 1].max():.3e}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default="resnet18", help="comma-separated torchvision model names")
    p.add_argument("--inputs", type=int, default=8, help="random images to compare on")
    p.add_argument("--edge-bin", default=os.path.join(ROOT, "target", "release", "edge-convert"))
    p.add_argument("--keep", help="directory for the archives and .tflite files (default: a temporary one)")
    args = p.parse_args()
    if not os.path.exists(args.edge_bin):
        sys.exit(f"no edge-convert at {args.edge_bin}: `cargo build --release -p edge-tools`, or pass --edge-bin")
    work = args.keep or tempfile.mkdtemp(prefix="bench_quantize_")
    os.makedirs(work, exist_ok=True)
    for name in args.models.split(","):
        model = make_model(name)
        x0 = torch.randn(1, 3, 224, 224)
        archive = os.path.join(work, f"{name}.pt2")
        torch.export.save(torch.export.export(model, (x0,)), archive)
        print(f"== {name}")
        files, sizes = {}, {}
        for mode, flags in MODES:
            files[mode] = os.path.join(work, f"{name}.{mode}.tflite")
            report = os.path.join(work, f"{name}.{mode}.json")
            subprocess.run([args.edge_bin, archive, "-o", files[mode], "-q", "--report-json", report, *flags], check=True)
            r = json.load(open(report))
            sizes[mode] = os.path.getsize(files[mode])
            notes = "; ".join(f"{n['count']}x {n['message']}" for n in r["notes"]) or "no notes"
            print(f"  {mode:13} {sizes[mode] / 1e6:7.2f} MB  {sizes[mode] / sizes['float32']:.3f}x  weights {r['weights']}  ({notes})")
        ref = dynamic_reference(model, name)
        runners = {}
        for mode, path in files.items():
            it = lite.Interpreter(model_path=path)
            it.allocate_tensors()
            runners[mode] = it
        rows: dict[str, list[tuple[float, float]]] = {mode: [] for mode in [*files, "dynamic reference"]}
        g = torch.Generator().manual_seed(1)
        for _ in range(args.inputs):
            x = torch.randn(1, 3, 224, 224, generator=g)
            with torch.no_grad():
                y = model(x).numpy()
                rows["dynamic reference"].append(errors(ref(x).numpy(), y))
            for mode, it in runners.items():
                it.set_tensor(it.get_input_details()[0]["index"], x.numpy())
                it.invoke()
                rows[mode].append(errors(it.get_tensor(it.get_output_details()[0]["index"]), y))
        for mode, r in rows.items():
            print(f"  {mode:17} vs PyTorch float over {args.inputs} inputs: {summary(r)}")


if __name__ == "__main__":
    main()

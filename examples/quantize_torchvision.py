#!/usr/bin/env python3
"""Quantize a torchvision model to int8 with PyTorch's pt2e flow, convert it with
edge, and check the .tflite in LiteRT against the quantized PyTorch model.

    .venv-bench/bin/python examples/quantize_torchvision.py [--model resnet18]
        [--edge-convert target/release/edge-convert] [--work DIR]
        [--calibration 16] [--images 16] [--io-type int8|uint8]

What it does, step by step (each step prints what it did):

  1. the model: torchvision's, with its pretrained weights when they are already in
     torch's cache (nothing is downloaded); otherwise random weights, with every
     Linear at N(0, 1/in_features) and the BatchNorm statistics measured on random
     images, so that the outputs depend on the input (the initial statistics would
     shrink the MobileNets' activations to nothing);
  2. quantization: `torch.export.export(model, (x,)).module()`, `prepare_pt2e` with
     torchao's XNNPACKQuantizer (int8, per-channel symmetric weights, per-tensor
     affine activations), --calibration images through it, `convert_pt2e`;
  3. the archive: `torch.export.export` of the quantized module, `torch.export.save`
     to WORK/<model>.int8.pt2 (as a user saves it);
  4. `edge-convert WORK/<model>.int8.pt2 -o WORK/<model>.int8.tflite --io-type int8`:
     int8 input and output tensors that carry their scale and zero point;
  5. LiteRT: each of --images random images is quantized with the input tensor's
     scale and zero point (read from the interpreter), the model runs, the int8
     output is dequantized with the output tensor's;
  6. against the quantized PyTorch model on the same images: the error in output
     quantization steps and the top-1 agreement. PASS when every image's top-1 class
     agrees (images whose two best PyTorch logits are within 2 x --max-steps output
     steps of each other may flip; they are counted apart) and the error is within
     --max-steps (3) steps for 99% of the logits.

The last line is `PASS ...` or `FAIL ...` (exit status 0 or 1).

How much two correct int8 implementations of one quantized graph differ depends on the
model: measured with litert-torch 0.10's own int8 conversion of the same quantized graph
(random weights, 16 images), resnet18 is off by p99 2 / max 4 output steps with top-1
15/16 (the other one a near tie) and passes; random-weight mobilenet_v2 is off by p99 29
steps, top-1 5/16, about as far as quantization itself moves it from the float model
(p99 20 steps, top-1 9/16; printed as "for scale"), so with random weights it fails for
any converter and only says something with pretrained weights.

Images are random (seeded), not photographs: the point is that edge's int8 model
computes what the quantized PyTorch model computes, not the model's accuracy.
Set up the Python once with `bash benchmarks/setup-litert-torch.sh` (torch 2.14.1,
torchvision 0.29.2, torchao 0.18.0, ai-edge-litert); build edge with
`cargo build --release`.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 0


def log(msg: str) -> None:
    print(msg, flush=True)


# --- 1. the model -----------------------------------------------------------------


def cached_weights(name: str):
    """torchvision's default weights for `name` when the file is already in torch's
    hub cache, else None. Never downloads."""
    import torch
    import torchvision

    try:
        weights = torchvision.models.get_model_weights(name).DEFAULT
    except (ValueError, KeyError, AttributeError):
        return None, None
    path = os.path.join(torch.hub.get_dir(), "checkpoints", os.path.basename(weights.url))
    return (weights, path) if os.path.isfile(path) else (weights, None)


def build_model(name: str, image_shape):
    """(model in eval mode, description of its weights)."""
    import torch
    import torchvision

    torch.manual_seed(SEED)
    model = torchvision.models.get_model(name, weights=None)
    weights, path = cached_weights(name)
    if path is not None:
        model.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
        return model.eval(), f"pretrained {weights} (from {path})"
    g = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.Linear):
                m.weight.copy_(torch.randn(m.weight.shape, generator=g) / math.sqrt(m.in_features))
                if m.bias is not None:
                    m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.01)
    bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # a plain average over what it sees
    model.train()
    with torch.no_grad():
        model(torch.randn(8, *image_shape[1:], generator=torch.Generator().manual_seed(SEED + 2)))
    why = "no cached pretrained weights" if weights is not None else "no pretrained weights known"
    return model.eval(), f"random weights ({why}; BatchNorm statistics measured on random images)"


def images(n: int, shape, seed: int):
    """n random images [1, 3, H, W] (normalized-image statistics: mean 0, std 1)."""
    import torch

    g = torch.Generator().manual_seed(seed)
    return [torch.randn(*shape, generator=g) for _ in range(n)]


# --- 2./3. quantize and save ----------------------------------------------------------


def quantize(model, example, calibration, fold_quantize: bool = True):
    """The pt2e flow: export, prepare with XNNPACKQuantizer (per-channel symmetric
    int8), calibrate, convert. Returns the quantized torch.fx.GraphModule."""
    import torch
    from torchao.quantization.pt2e.quantize_pt2e import convert_pt2e, prepare_pt2e
    from torchao.testing.pt2e._xnnpack_quantizer import XNNPACKQuantizer, get_symmetric_quantization_config

    quantizer = XNNPACKQuantizer().set_global(get_symmetric_quantization_config(is_per_channel=True))
    with torch.no_grad():
        m = torch.export.export(model, (example,)).module()
        m = prepare_pt2e(m, quantizer)
        for x in calibration:
            m(x)
        return convert_pt2e(m, fold_quantize=fold_quantize)


def save_archive(quantized, example, path: str):
    """torch.export.export of the quantized module, saved; returns the ExportedProgram."""
    import torch

    ep = torch.export.export(quantized, (example,))
    torch.export.save(ep, path)
    return ep


def output_qparams(ep):
    """(scale, zero point) of the dequantize that produces the graph's first output, or None."""
    out = next(n for n in ep.graph.nodes if n.op == "output")
    node = out.args[0][0] if isinstance(out.args[0], (tuple, list)) else out.args[0]
    if "dequantize_per_tensor" in str(node.target) and not hasattr(node.args[1], "op"):
        return float(node.args[1]), int(node.args[2])
    return None


# --- 4. edge-convert -----------------------------------------------------------------------


def edge_convert(exe: str, pt2: str, out: str, io_type: str) -> tuple[bool, str, float]:
    cmd = [exe, pt2, "-o", out, "--io-type", io_type]
    log("$ " + " ".join(cmd))
    if os.path.exists(out):
        os.remove(out)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return False, f"cannot run {exe}: {e} (build it: cargo build --release)", 0.0
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        lines = [l for l in (p.stderr or p.stdout).strip().splitlines() if l.strip()]
        return False, "\n".join(lines[:8]) or f"exit status {p.returncode}", dt
    if not os.path.exists(out):
        return False, f"exit status 0 but no {out}", dt
    return True, "", dt


# --- 5. LiteRT -------------------------------------------------------------------------------


class LiteRTModel:
    """One .tflite in LiteRT; run(x) takes a float NCHW image and returns float logits,
    quantizing and dequantizing with the model's own tensor parameters."""

    def __init__(self, path: str):
        from ai_edge_litert.interpreter import Interpreter

        self.interp = Interpreter(model_path=path, num_threads=1)
        self.interp.allocate_tensors()
        (self.inp,) = self.interp.get_input_details()
        self.outs = self.interp.get_output_details()

    @staticmethod
    def qparams(d):
        scale, zp = d["quantization"]
        return (float(scale), int(zp)) if scale else None

    def describe(self) -> str:
        def one(d):
            q = self.qparams(d)
            return f"{d['dtype'].__name__}{list(d['shape'])}" + (f" scale {q[0]:.6g} zero point {q[1]}" if q else "")

        return f"input {one(self.inp)}; output " + ", ".join(one(d) for d in self.outs)

    def run(self, x):
        import numpy as np

        a = x.numpy()
        shape = tuple(self.inp["shape"])
        if a.shape != shape:
            if a.transpose(0, 2, 3, 1).shape == shape:  # an NHWC input
                a = a.transpose(0, 2, 3, 1)
            else:
                raise ValueError(f"the model's input is {list(shape)}, the image {list(a.shape)}")
        dtype = np.dtype(self.inp["dtype"])
        q = self.qparams(self.inp)
        if dtype.kind in "iu":
            if q is None:
                raise ValueError(f"the input is {dtype.name} without a scale and zero point")
            info = np.iinfo(dtype)
            a = np.clip(np.round(a / q[0]) + q[1], info.min, info.max).astype(dtype)
        else:
            a = a.astype(dtype)
        self.interp.set_tensor(self.inp["index"], np.ascontiguousarray(a))
        self.interp.invoke()
        d = self.outs[0]
        y = np.array(self.interp.get_tensor(d["index"]))
        q = self.qparams(d)
        if y.dtype.kind in "iu":
            y = (y.astype(np.float64) - q[1]) * q[0]
        return y.astype(np.float64)


# --- 6. comparing --------------------------------------------------------------------------


def compare(got: list, want: list, scale: float, max_steps: float) -> dict:
    """Error in output steps and top-1 agreement of two lists of [1, classes] logits."""
    import numpy as np

    g, w = np.concatenate(got), np.concatenate(want)
    steps = np.abs(g - w) / scale
    top_g, top_w = g.argmax(1), w.argmax(1)
    srt = np.sort(w, axis=1)
    margin = (srt[:, -1] - srt[:, -2]) / scale  # in steps
    close = margin <= 2 * max_steps
    agree = top_g == top_w
    return {
        "images": len(g),
        "max_steps": float(steps.max()),
        "mean_steps": float(steps.mean()),
        "p99_steps": float(np.quantile(steps, 0.99)),
        "within_max_steps": float(np.mean(steps <= max_steps + 1e-6)),
        "top1_agree": int(agree.sum()),
        "top1_disagree_clear": int((~agree & ~close).sum()),
        "top1_disagree_close": int((~agree & close).sum()),
    }


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", default="resnet18", help="a torchvision classification model (default resnet18)")
    p.add_argument("--edge-convert", default=os.path.join(ROOT, "target", "release", "edge-convert"))
    p.add_argument("--work", default=os.path.join(ROOT, "target", "examples", "quantize_torchvision"))
    p.add_argument("--calibration", type=int, default=16, help="calibration images (default 16)")
    p.add_argument("--images", type=int, default=16, help="images compared (default 16)")
    p.add_argument("--size", type=int, default=224, help="image height and width (default 224)")
    p.add_argument("--io-type", choices=("int8", "uint8"), default="int8")
    p.add_argument("--max-steps", type=float, default=3.0,
                   help="allowed error in output quantization steps for 99%% of the logits (default 3)")
    args = p.parse_args(argv)

    import numpy as np
    import torch

    torch.manual_seed(SEED)
    os.makedirs(args.work, exist_ok=True)
    shape = (1, 3, args.size, args.size)

    model, how = build_model(args.model, shape)
    log(f"1. {args.model}: {how}")

    calibration = images(args.calibration, shape, SEED + 10)
    evaluation = images(args.images, shape, SEED + 20)
    t0 = time.perf_counter()
    quantized = quantize(model, evaluation[0], calibration)
    log(f"2. quantized with XNNPACKQuantizer (per-channel symmetric int8), {args.calibration} calibration images, "
        f"{time.perf_counter() - t0:.1f} s")

    pt2 = os.path.join(args.work, f"{args.model}.int8.pt2")
    ep = save_archive(quantized, evaluation[0], pt2)
    oq = output_qparams(ep)
    log(f"3. saved {pt2} ({os.path.getsize(pt2) / 1e6:.1f} MB); the graph's output quantization: "
        + (f"scale {oq[0]:.6g} zero point {oq[1]}" if oq else "none (float output)"))

    with torch.no_grad():
        want = [quantized(x).numpy().astype(np.float64) for x in evaluation]
        float_out = [model(x).numpy().astype(np.float64) for x in evaluation]

    tflite = os.path.join(args.work, f"{args.model}.int8.tflite")
    ok, err, dt = edge_convert(args.edge_convert, pt2, tflite, args.io_type)
    if not ok:
        log("4. edge-convert failed:\n" + "\n".join("   | " + l for l in err.splitlines()))
        log(f"FAIL {args.model}: edge-convert could not convert the quantized archive")
        return 1
    log(f"4. converted in {dt:.2f} s: {tflite} ({os.path.getsize(tflite) / 1e6:.2f} MB)")

    try:
        lm = LiteRTModel(tflite)
        log(f"5. LiteRT: {lm.describe()}")
        got = [lm.run(x) for x in evaluation]
    except Exception as e:
        log(f"FAIL {args.model}: LiteRT could not run {tflite}: {type(e).__name__}: {e}")
        return 1
    if lm.inp["dtype"] != np.dtype(args.io_type):
        log(f"   note: --io-type {args.io_type} but the model's input is {np.dtype(lm.inp['dtype']).name}")
    scale = oq[0] if oq else (LiteRTModel.qparams(lm.outs[0]) or (None,))[0]
    if scale is None:
        log(f"FAIL {args.model}: neither the graph nor the model quantizes the output; no step to compare in")
        return 1
    if got[0].shape != want[0].shape:
        log(f"FAIL {args.model}: output shape {list(got[0].shape)} != PyTorch's {list(want[0].shape)}")
        return 1

    r = compare(got, want, scale, args.max_steps)
    f = compare(want, float_out, scale, args.max_steps)
    log(f"6. edge int8 vs quantized PyTorch on {r['images']} images: error in output steps "
        f"max {r['max_steps']:.2f}, p99 {r['p99_steps']:.2f}, mean {r['mean_steps']:.3f}; "
        f"top-1 agrees on {r['top1_agree']}/{r['images']}"
        + (f" ({r['top1_disagree_close']} differ where PyTorch's two best logits are within "
           f"{2 * args.max_steps:g} steps)" if r["top1_disagree_close"] else ""))
    log(f"   (for scale: quantized PyTorch vs float PyTorch: max {f['max_steps']:.1f} steps, "
        f"top-1 agrees on {f['top1_agree']}/{f['images']})")
    ok = r["top1_disagree_clear"] == 0 and r["p99_steps"] <= args.max_steps + 1e-6
    verdict = "PASS" if ok else "FAIL"
    log(f"{verdict} {args.model}: edge int8 ({args.io_type} I/O) top-1 {r['top1_agree']}/{r['images']}, "
        f"p99 error {r['p99_steps']:.2f} steps (allowed {args.max_steps:g}), max {r['max_steps']:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

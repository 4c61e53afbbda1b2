"""Helpers shared by the zoo scripts (dynamic_zoo.py, zoo14.py): models that are not
fixtures, with random weights, converted by edge-convert and checked in LiteRT against
the eager model. Needs torch (benchmarks/setup-litert-torch.sh's venv)."""
from __future__ import annotations

import numpy as np
import torch
import torch.nn as nn

TOL = 1e-4  # max|err| / max|out|: the issues' bar


def tv(name, **kw):
    """A torchvision model (classification, video or optical flow) with PyTorch's default init (some torchvision inits give
    classifier outputs under 1e-6, which compare nothing)."""
    import torchvision.models as m
    module = next(mod for mod in (m, m.video, m.optical_flow) if hasattr(mod, name))
    return torch_init(getattr(module, name)(weights=None, **kw))


def torch_init(m):
    """PyTorch's default initialization for every layer (some zoo inits give near-zero outputs)."""
    for mod in m.modules():
        if mod is not m and hasattr(mod, "reset_parameters"):
            mod.reset_parameters()
    return m


def calibrate_batch_norm(m, args):
    """Sets BatchNorm running statistics from one batch (random weights with fresh
    statistics let activations vanish through deep CNNs: outputs ~1e-7 compare nothing)."""
    bns = [b for b in m.modules() if isinstance(b, nn.modules.batchnorm._BatchNorm)]
    if not bns:
        return
    for b in bns:
        b.reset_running_stats()
        b.momentum = None  # a cumulative average: this batch's statistics
    m.train()
    try:
        with torch.no_grad():
            m(*args)
    except Exception:  # noqa: BLE001 (a batch of one cannot give statistics: keep the init)
        for b in bns:
            b.reset_running_stats()
    m.eval()


def run_litert(path, inputs):
    """Runs a .tflite once in LiteRT (1 thread), each input resized to its array's shape."""
    from ai_edge_litert.interpreter import Interpreter
    it = Interpreter(model_path=path, num_threads=1)
    ins = it.get_input_details()
    for d, a in zip(ins, inputs):
        it.resize_tensor_input(d["index"], list(a.shape))
    it.allocate_tensors()
    for d, a in zip(it.get_input_details(), inputs):
        it.set_tensor(d["index"], a.astype(d["dtype"]))
    it.invoke()
    return [it.get_tensor(d["index"]) for d in it.get_output_details()]


def tensors(out):
    """The tensors of a model's output, in order (a tensor, or nested tuples, lists, dicts)."""
    if isinstance(out, torch.Tensor):
        return [out]
    if isinstance(out, dict):
        out = list(out.values())
    if isinstance(out, (tuple, list)):
        return [t for o in out for t in tensors(o)]
    return []


def compare(got, want):
    """(worst max|err| / max|out| over the outputs, whether an output is ~0 and compares
    nothing); inf when the output count or a shape differs."""
    if len(got) != len(want):
        return float("inf"), False
    worst, degenerate = 0.0, False
    for gv, wv in zip(got, want):
        wv = wv.numpy() if isinstance(wv, torch.Tensor) else wv
        if gv.shape != wv.shape:
            return float("inf"), degenerate
        degenerate |= wv.dtype.kind == "f" and float(np.max(np.abs(wv))) < 1e-6
        err = float(np.max(np.abs(gv.astype(np.float64) - wv.astype(np.float64)))) if wv.size else 0.0
        worst = max(worst, (float("inf") if np.isnan(err) else err) / max(float(np.max(np.abs(wv))) if wv.size else 0.0, 1e-12))
    return worst, degenerate

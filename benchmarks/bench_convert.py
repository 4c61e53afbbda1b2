#!/usr/bin/env python3
"""Benchmark: converting PyTorch models to TFLite with edge and with litert-torch.

For each model (random weights, fixed seed, eval mode) in one run:

  1. export: torch.export.export (as a user saves it; --decompose adds
     run_decompositions(), as edge's fixtures do) and torch.export.save to MODEL.pt2; the weights (state_dict), fixed random inputs and
     PyTorch's outputs are saved next to it;
  2. edge: `edge-convert MODEL.pt2 -o MODEL.edge.tflite` as a process, timed whole
     (wall time and peak RSS from GNU time);
  3. litert-torch: a child Python loads the same weights and inputs and calls
     `litert_torch.convert(model, (x,))` then `.export(MODEL.litert-torch.tflite)`;
     the convert call is timed inside, the child's peak RSS by GNU time;
  4. both .tflite files: operators counted from the flatbuffer (every subgraph, the
     same code for both), TRANSPOSE count, file size, LiteRT latency with 1 thread
     (median of --runs invokes after warmup, the two models timed alternately on the
     same inputs) and the max abs error against PyTorch's outputs (also divided by
     max|out|).

Quantized modes (--quantize none,int8,dynamic-int8,fp16; each mode is one more row per
model with the same columns, plus the top-1 agreement with the mode's reference on 8
more inputs for the classifiers and the I/O dtypes):

  * int8: static int8 from a pt2e graph. The model is quantized twice with the same
    scheme (int8 per-channel symmetric weights, per-tensor affine activations,
    HistogramObserver) on the same 8 calibration inputs, each for its converter as it
    documents it: torchao's XNNPACKQuantizer, `convert_pt2e` (weights folded to int8),
    saved as a user saves it, for `edge-convert --io-type int8`; litert-torch's
    PT2EQuantizer, `convert_pt2e(fold_quantize=False)`, saved, reloaded by the child and
    converted with `quant_config=QuantConfig(pt2e_quantizer=...)` (int8 I/O too). Errors
    and top-1 are against each converter's own quantized PyTorch model.
  * dynamic-int8 / fp16: the float archive with `edge-convert --quantize dynamic-int8`
    / `--quantize fp16`; litert-torch with its ai-edge-quantizer recipes
    `quant_recipes.full_dynamic_recipe()` / `full_fp16_recipe()` (litert-torch 0.10
    has no converter flags for these outside its experimental v2 path). Errors and
    top-1 are against the float PyTorch model.
  Quantizing is not timed as conversion: both converters get a quantized graph.

Set up once with `bash benchmarks/setup-litert-torch.sh` (creates .venv-bench with
litert-torch, torch 2.14.1, torchvision 0.29.2; torchao and ai-edge-quantizer come with
litert-torch), then:

    .venv-bench/bin/python benchmarks/bench_convert.py [--models resnet18,vit_tiny]
        [--quantize none,int8,dynamic-int8,fp16] [--runs 50] [--keep DIR] [--json PATH]
        [--edge-bin PATH] [--no-build] [--reuse-litert]

Models: resnet18, mobilenet_v2, mobilenet_v3_small, efficientnet_b0,
shufflenet_v2_x0_5 (torchvision, 1000 classes) and vit_tiny: torchvision's
VisionTransformer with ViT-Ti widths (patch 16, hidden 192, 3 heads, MLP 768) but 4
encoder layers instead of 12; and gpt_block, one GPT-2-style decoder block (width 192,
3 heads, causal mask, tanh GELU) on float32 [1, 64, 192] hidden states. Issue 14's
families: swin_t (torchvision Swin-T, windowed attention with a relative-position bias);
tf_efficientnet_lite0 (timm, TF-"same" padding: an explicit pad before each strided conv;
timm's efficientnet_lite0 pads symmetrically and has none); squeezenet1_1 (torchvision,
MEAN head); gpt2_6l (HF GPT-2, 6 layers, width 192, 3 heads, causal mask built at run
time, token ids [1, 64], vocab 1000); lstm_tagger (embedding, one bidirectional
batch-first nn.LSTM of 64, a 17-tag linear head, ids [1, 32]); flow_warp (convs predict a
flow added to a linspace/meshgrid grid, F.grid_sample warps the [1, 3, 64, 64] input);
video3d (C3D-style: Conv3d + BatchNorm3d, MaxPool3d, AvgPool3d, AdaptiveAvgPool3d on a
[1, 3, 8, 64, 64] clip); mqa_block (a transformer block whose SDPA has 4 query heads and one
key/value head broadcast to them, [1, 64, 192]). Every other input is one float32
[1, 3, 224, 224] image. Random
weights (seed 0): every Linear gets N(0, 1/in_features) weights (torchvision's ViT head
starts at zero), and BatchNorm statistics are measured on a random batch, so that the
outputs depend on the input (std and max|out| are printed).

The summary ends with the rows where edge is behind litert-torch (issue 14's bar: more
ops, more TRANSPOSE, or latency above 1.05x), the rows either converter fails, and the
float rows either gets wrong (error above 1e-3 of max|out|). litert-torch takes 3-250 s per
model and does not change between runs: `--keep DIR --reuse-litert` converts with edge
anew and takes litert-torch's .tflite and conversion figures from the earlier run in DIR
(both models are still timed in LiteRT together).

A model (or mode) that a converter cannot convert is reported with the first lines of
its error and the run goes on. Without --edge-bin, edge-tools is built in release mode first.

The figures come from this machine and this run; they are printed, never asserted.
On a shared machine (other builds running) timings are noisy: compare ratios, rerun.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Issue 14's families: windowed attention, TF-"same" padding, MEAN + RESHAPE, run-time causal
# masks over several layers, LSTM, grid_sample, 3-D conv and pooling, multi-query attention.
FAMILIES = ["swin_t", "tf_efficientnet_lite0", "squeezenet1_1", "gpt2_6l", "lstm_tagger", "flow_warp", "video3d", "mqa_block"]
MODELS = ["resnet18", "mobilenet_v2", "mobilenet_v3_small", "efficientnet_b0", "shufflenet_v2_x0_5", "vit_tiny", "gpt_block",
          *FAMILIES]

# Input shape per model: [1, 3, 224, 224] images, except as listed.
INPUT_SHAPES = {"gpt_block": (1, 64, 192), "mqa_block": (1, 64, 192), "gpt2_6l": (1, 64), "lstm_tagger": (1, 32),
                "flow_warp": (1, 3, 64, 64), "video3d": (1, 3, 8, 64, 64)}
# Integer token ids in [0, vocab) instead of float32 N(0, 1): the models that start with an embedding.
TOKEN_VOCAB = {"gpt2_6l": 1000, "lstm_tagger": 1000}
SEED = 0
ERROR_LINES = 8  # lines of a converter's error kept in the report
CONVERT_TIMEOUT = 1800  # seconds, per converter and model
LATENCY_BAR = 1.05  # issue 14: edge's LiteRT latency within 1.05x of litert-torch's
WRONG = 1e-3  # a float conversion off PyTorch by more than this much of max|out| is called wrong
# Quantized modes (--quantize). "none" is the float conversion. int8: static int8 from a
# pt2e-quantized graph (edge: torchao's XNNPACKQuantizer, the archive saved as users
# save it, `edge-convert --io-type int8`; litert-torch: its own PT2EQuantizer with the
# same scheme, `convert_pt2e(fold_quantize=False)` as it requires, `quant_config=
# QuantConfig(pt2e_quantizer=...)`); dynamic-int8 and fp16 quantize the float model at
# conversion (edge: `--quantize dynamic-int8|fp16` on the float archive; litert-torch:
# its ai-edge-quantizer recipes full_dynamic_recipe() / full_fp16_recipe()).
QUANT_MODES = ["none", "int8", "dynamic-int8", "fp16"]
EDGE_FLAGS = {"none": [], "int8": ["--io-type", "int8"], "dynamic-int8": ["--quantize", "dynamic-int8"],
              "fp16": ["--quantize", "fp16"]}
CALIBRATION_IMAGES = 8  # int8: calibration inputs, batch 1, seeded
EVAL_IMAGES = 8  # classifiers: top-1 agreement with the mode's PyTorch reference on these
CLASSIFIERS = ["resnet18", "mobilenet_v2", "mobilenet_v3_small", "efficientnet_b0", "shufflenet_v2_x0_5", "vit_tiny",
               "swin_t", "tf_efficientnet_lite0", "squeezenet1_1", "video3d"]


# --- the models (used by the child processes, which import torch) --------------------


def build_model(name: str, calibrate: bool = True):
    """The model with its random weights; calibrate=False when a state_dict is loaded next."""
    import torch
    import torchvision

    torch.manual_seed(SEED)
    if name == "gpt_block":
        model = gpt_block()
    elif name in FAMILIES:
        model = family_models()[name]()
    elif name == "vit_tiny":
        model = torchvision.models.VisionTransformer(
            image_size=224, patch_size=16, num_layers=4, num_heads=3, hidden_dim=192, mlp_dim=768
        )
    elif name in MODELS:
        model = getattr(torchvision.models, name)(weights=None)
    else:
        raise SystemExit(f"unknown model {name!r} (known: {', '.join(MODELS)})")
    # Every Linear (the classification head above all: torchvision's ViT head starts at
    # zero, the MobileNets' at N(0, 0.01)) gets weights N(0, 1/in_features), so that
    # features reach the output instead of the output being (near) the head's bias.
    g = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.Linear):
                m.weight.copy_(torch.randn(m.weight.shape, generator=g) / math.sqrt(m.in_features))
                if m.bias is not None:
                    m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.01)
    if calibrate:
        calibrate_batchnorm(model, name)
    return model.eval()


def gpt_block():
    """One GPT-2-style decoder block (width 192, 3 heads): pre-norm causal self-attention
    written out as GPT code does (fused qkv, split heads, masked scores, softmax), then
    a tanh-GELU MLP, each with its residual."""
    import torch
    from torch import nn

    class Block(nn.Module):
        def __init__(self, d=192, heads=3, tokens=64):
            super().__init__()
            self.heads = heads
            self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
            self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
            self.fc, self.out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)
            self.register_buffer("mask", torch.tril(torch.ones(tokens, tokens, dtype=torch.bool)))

        def forward(self, x):
            b, t, d = x.shape
            q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
            q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
            att = (q @ k.transpose(-2, -1)) / math.sqrt(d // self.heads)
            att = att.masked_fill(~self.mask[:t, :t], float("-inf")).softmax(dim=-1)
            y = (att @ v).transpose(1, 2).reshape(b, t, d)
            x = x + self.proj(y)
            return x + self.out(nn.functional.gelu(self.fc(self.ln2(x)), approximate="tanh"))

    return Block()


def family_models():
    """Issue 14's families, name -> factory (torch imported by the caller's child process)."""
    import torch
    import torch.nn.functional as F
    import torchvision
    from torch import nn

    class GPT2Logits(nn.Module):
        """HF GPT-2 (6 layers, width 192, 3 heads, 64 positions, vocab 1000) over token ids:
        its causal mask is built at run time from static shapes in every layer."""

        def __init__(self):
            super().__init__()
            import transformers

            cfg = transformers.GPT2Config(n_layer=6, n_embd=192, n_head=3, n_positions=64, vocab_size=1000)
            self.m = transformers.GPT2LMHeadModel(cfg)

        def forward(self, ids):
            return self.m(input_ids=ids, use_cache=False).logits

    class LSTMTagger(nn.Module):
        """Embedding (1000 x 64), one bidirectional batch-first LSTM layer (hidden 64), a
        linear tag head (17 tags) at every token."""

        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(1000, 64)
            self.lstm = nn.LSTM(64, 64, batch_first=True, bidirectional=True)
            self.head = nn.Linear(128, 17)

        def forward(self, ids):
            return self.head(self.lstm(self.emb(ids))[0])

    class FlowWarp(nn.Module):
        """Three convs predict a flow (tanh, in normalized coordinates) that offsets a
        linspace/meshgrid base grid; F.grid_sample (bilinear, zeros, align_corners=True, as
        RAFT's sampler) warps the input by it."""

        def __init__(self):
            super().__init__()
            self.c1, self.c2 = nn.Conv2d(3, 16, 3, padding=1), nn.Conv2d(16, 16, 3, padding=1)
            self.flow = nn.Conv2d(16, 2, 3, padding=1)

        def forward(self, x):
            _, _, h, w = x.shape
            f = torch.tanh(self.flow(F.relu(self.c2(F.relu(self.c1(x)))))) * 0.2
            gy, gx = torch.meshgrid(torch.linspace(-1, 1, h), torch.linspace(-1, 1, w), indexing="ij")
            grid = torch.stack((gx, gy), -1).unsqueeze(0) + f.permute(0, 2, 3, 1)
            return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=True)

    def video3d():
        """A C3D-style clip classifier on [1, 3, 8, 64, 64]: Conv3d + BatchNorm3d + ReLU
        stages with MaxPool3d (1x2x2, then 2x2x2), AvgPool3d and AdaptiveAvgPool3d, 10 classes."""

        def stage(i, o):
            return [nn.Conv3d(i, o, 3, padding=1), nn.BatchNorm3d(o), nn.ReLU()]

        return nn.Sequential(*stage(3, 16), nn.MaxPool3d((1, 2, 2)), *stage(16, 32), nn.MaxPool3d(2),
                             *stage(32, 64), nn.AvgPool3d(2), nn.AdaptiveAvgPool3d(1), nn.Flatten(), nn.Linear(64, 10))

    class MQABlock(nn.Module):
        """A pre-norm transformer block (width 192) whose attention has 4 query heads and one
        key/value head that F.scaled_dot_product_attention broadcasts to them (multi-query
        attention, as MobileNetV4-hybrid's), then a GELU MLP."""

        def __init__(self, d=192, heads=4):
            super().__init__()
            self.heads, self.hd = heads, d // heads
            self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
            self.q, self.kv, self.proj = nn.Linear(d, d), nn.Linear(d, 2 * self.hd), nn.Linear(d, d)
            self.fc, self.out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

        def forward(self, x):
            b, t, d = x.shape
            h = self.ln1(x)
            q = self.q(h).view(b, t, self.heads, self.hd).transpose(1, 2)
            k, v = (z.view(b, t, 1, self.hd).transpose(1, 2) for z in self.kv(h).split(self.hd, dim=2))
            y = F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, t, d)
            x = x + self.proj(y)
            return x + self.out(F.gelu(self.fc(self.ln2(x))))

    def timm_model(name):
        import timm

        return timm.create_model(name, pretrained=False)

    return {
        "swin_t": lambda: torchvision.models.swin_t(weights=None),
        "tf_efficientnet_lite0": lambda: timm_model("tf_efficientnet_lite0"),
        "squeezenet1_1": lambda: torchvision.models.squeezenet1_1(weights=None),
        "gpt2_6l": GPT2Logits,
        "lstm_tagger": LSTMTagger,
        "flow_warp": FlowWarp,
        "video3d": video3d,
        "mqa_block": MQABlock,
    }


def calibrate_batchnorm(model, name: str) -> None:
    """BatchNorm running statistics measured on a random batch. With the initial ones
    (mean 0, variance 1) the activations of the randomly initialised MobileNets and
    EfficientNet shrink to ~1e-8 and the output is the head's bias alone, which any
    converter reproduces; after this each BatchNorm normalises what it really sees."""
    import torch

    bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not bns:
        return
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # a plain average over the batches seen
    model.train()
    with torch.no_grad():
        model(torch.cat(random_inputs(name, 8, SEED + 3)))
    for m in bns:
        m.momentum = 0.1


def random_inputs(name: str, n: int, seed: int):
    """n seeded random inputs of the model's input shape (batch 1)."""
    import torch

    g = torch.Generator().manual_seed(seed)
    shape = INPUT_SHAPES.get(name, (1, 3, 224, 224))
    if name in TOKEN_VOCAB:
        return [torch.randint(0, TOKEN_VOCAB[name], shape, generator=g) for _ in range(n)]
    return [torch.randn(*shape, generator=g) for _ in range(n)]


def child_export(name: str, work: str, decompose: bool = False) -> None:
    """Builds the model, saves weights, inputs and PyTorch's outputs, exports the .pt2.
    The inputs npz holds arg0 (timed and compared) and eval (EVAL_IMAGES more inputs
    for top-1 agreement); the expected npz out0 and eval_out."""
    import numpy as np
    import torch

    model = build_model(name)
    x = random_inputs(name, 1, SEED + 2)[0]
    ev = random_inputs(name, EVAL_IMAGES, SEED + 4)
    with torch.no_grad():
        y = model(x)
        ev_out = [model(e) for e in ev]
    torch.save(model.state_dict(), os.path.join(work, f"{name}.state.pt"))
    np.savez(os.path.join(work, f"{name}.inputs.npz"), arg0=x.numpy(), eval=torch.cat(ev).numpy())
    np.savez(os.path.join(work, f"{name}.expected.npz"), out0=y.numpy(), eval_out=torch.cat(ev_out).numpy())
    t0 = time.perf_counter()
    ep = torch.export.export(model, (x,))
    if decompose:
        ep = ep.run_decompositions()
    t1 = time.perf_counter()
    torch.export.save(ep, os.path.join(work, f"{name}.pt2"))
    t2 = time.perf_counter()
    info = {
        "torch": torch.__version__,
        "export_s": t1 - t0,
        "save_s": t2 - t1,
        "decomposed": decompose,
        "out_max_abs": float(y.abs().max()),
        "out_std": float(y.std()),
    }
    with open(os.path.join(work, f"{name}.export.json"), "w") as f:
        json.dump(info, f)


def load_model_and_inputs(name: str, work: str):
    """The benchmark's model (its saved weights) and (arg0, eval inputs)."""
    import numpy as np
    import torch

    model = build_model(name, calibrate=False)
    model.load_state_dict(torch.load(os.path.join(work, f"{name}.state.pt")))
    with np.load(os.path.join(work, f"{name}.inputs.npz")) as z:
        x = torch.from_numpy(z["arg0"])
        ev = list(torch.from_numpy(z["eval"]).split(1))
    return model, x, ev


def child_quantize(name: str, work: str) -> None:
    """Quantizes the model twice with the same int8 scheme and calibration inputs, for
    each converter the way it documents: torchao's XNNPACKQuantizer (weights folded to
    int8, the default) saved as NAME.int8.pt2 for edge, and litert-torch's PT2EQuantizer
    with fold_quantize=False (what litert-torch converts) saved as NAME.int8.lt.pt2.
    Each quantized module's outputs are that converter's reference."""
    import numpy as np
    import torch
    from torchao.quantization.pt2e.quantize_pt2e import convert_pt2e, prepare_pt2e
    from torchao.testing.pt2e._xnnpack_quantizer import XNNPACKQuantizer, get_symmetric_quantization_config

    model, x, ev = load_model_and_inputs(name, work)
    calibration = random_inputs(name, CALIBRATION_IMAGES, SEED + 5)
    quantizers = [("int8", XNNPACKQuantizer().set_global(get_symmetric_quantization_config(is_per_channel=True)), True)]
    try:
        import litert_torch.quantize.pt2e_quantizer as ltq

        quantizers.append(
            ("int8.lt", ltq.PT2EQuantizer().set_global(ltq.get_symmetric_quantization_config(is_per_channel=True)), False))
    except ImportError:
        pass  # the litert-torch child reports the missing package
    info = {"calibration_inputs": CALIBRATION_IMAGES}
    for tag, quantizer, fold in quantizers:
        t0 = time.perf_counter()
        with torch.no_grad():
            m = torch.export.export(model, (x,)).module()
            m = prepare_pt2e(m, quantizer)
            for c in calibration:
                m(c)
            m = convert_pt2e(m, fold_quantize=fold)
            y = m(x)
            ev_out = [m(e) for e in ev]
        ep = torch.export.export(m, (x,))
        torch.export.save(ep, os.path.join(work, f"{name}.{tag}.pt2"))
        info[tag] = {"quantize_s": time.perf_counter() - t0, "pt2_size": os.path.getsize(os.path.join(work, f"{name}.{tag}.pt2"))}
        np.savez(os.path.join(work, f"{name}.{tag}.expected.npz"), out0=y.numpy(), eval_out=torch.cat(ev_out).numpy())
    with open(os.path.join(work, f"{name}.quantize.json"), "w") as f:
        json.dump(info, f)


def child_litert(name: str, work: str, mode: str = "none") -> None:
    """Converts the saved model with litert-torch, timing the convert call; int8 from
    the saved PT2EQuantizer archive, dynamic-int8 / fp16 with its quantization recipes."""
    import resource

    import numpy as np
    import torch

    try:
        import litert_torch as lt
    except ImportError as e1:
        try:
            import ai_edge_torch as lt  # the package's former name
        except ImportError:
            raise SystemExit(f"cannot import litert_torch ({e1}) nor ai_edge_torch: "
                             "run bash benchmarks/setup-litert-torch.sh, use .venv-bench/bin/python") from None
    kwargs = {}
    if mode == "int8":
        import torchao.quantization.pt2e.quantize_pt2e  # noqa: F401  (registers quantized_decomposed)
        from litert_torch.quantize import pt2e_quantizer as ltq
        from litert_torch.quantize.quant_config import QuantConfig

        model = torch.export.load(os.path.join(work, f"{name}.int8.lt.pt2")).module()
        with np.load(os.path.join(work, f"{name}.inputs.npz")) as z:
            x = torch.from_numpy(z["arg0"])
        quantizer = ltq.PT2EQuantizer().set_global(ltq.get_symmetric_quantization_config(is_per_channel=True))
        kwargs["quant_config"] = QuantConfig(pt2e_quantizer=quantizer)
    else:
        model, x, _ = load_model_and_inputs(name, work)
        if mode in ("dynamic-int8", "fp16"):
            from litert_torch.generative.quantize import quant_recipes

            kwargs["quant_config"] = (quant_recipes.full_dynamic_recipe() if mode == "dynamic-int8"
                                      else quant_recipes.full_fp16_recipe())
    tag = "" if mode == "none" else f".{mode}"
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    converted = lt.convert(model, (x,), **kwargs)
    t1 = time.perf_counter()
    converted.export(os.path.join(work, f"{name}{tag}.litert-torch.tflite"))
    t2 = time.perf_counter()
    info = {
        "package": lt.__name__,
        "version": getattr(lt, "__version__", None),
        "torch": torch.__version__,
        "convert_s": t1 - t0,
        "write_s": t2 - t1,
        "peak_rss_before_convert": rss_before,
    }
    with open(os.path.join(work, f"{name}{tag}.litert-torch.json"), "w") as f:
        json.dump(info, f)


# --- running processes ----------------------------------------------------------------


def timed(cmd: list[str], timeout: int) -> dict[str, Any]:
    """Runs cmd under GNU time: {ok, wall_s, peak_rss, error}. This process never
    imports torch, so the child's high-water mark is its own."""
    fmt = "EDGE-BENCH-TIME %e %M"
    t0 = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-f", fmt, *cmd], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"ok": False, "wall_s": time.perf_counter() - t0, "peak_rss": None, "error": f"timed out after {timeout} s"}
    wall, rss, lines = time.perf_counter() - t0, None, []
    for line in p.stderr.splitlines():
        if line.startswith("EDGE-BENCH-TIME "):
            _, w, kb = line.split()
            wall, rss = float(w), int(kb) * 1024
        elif not line.startswith("Command exited with non-zero status"):
            lines.append(line)
    r: dict[str, Any] = {"ok": p.returncode == 0, "wall_s": wall, "peak_rss": rss, "error": None}
    if p.returncode != 0:
        r["error"] = first_lines(lines, p.returncode)
    return r


def first_lines(lines: list[str], code: int) -> str:
    """The head of an error output (a Python traceback: its last lines, where the error is)."""
    lines = [l for l in lines if l.strip()]
    more = max(0, len(lines) - ERROR_LINES)
    if any(l.startswith("Traceback (most recent call last)") for l in lines):
        lines = lines[-ERROR_LINES:]
        if more:
            lines.insert(0, f"... ({more} lines before)")
    else:
        lines = lines[:ERROR_LINES]
        if more:
            lines.append(f"... ({more} more lines)")
    return "\n".join(lines) or f"exit status {code}, no output"


# --- looking at a .tflite ---------------------------------------------------------------


def count_ops(path: str) -> dict[str, Any]:
    """Operators of every subgraph, by name, read from the flatbuffer."""
    from ai_edge_litert import schema_py_generated as fb

    with open(path, "rb") as f:
        buf = f.read()
    m = fb.Model.GetRootAsModel(buf, 0)
    names = {v: k for k, v in vars(fb.BuiltinOperator).items() if not k.startswith("_")}
    codes = []
    for i in range(m.OperatorCodesLength()):
        c = m.OperatorCodes(i)
        code = max(c.BuiltinCode(), c.DeprecatedBuiltinCode())
        name = names.get(code, f"BUILTIN_{code}")
        if name == "CUSTOM":
            name = "CUSTOM:" + (c.CustomCode() or b"").decode()
        codes.append(name)
    by_name: dict[str, int] = {}
    for s in range(m.SubgraphsLength()):
        sg = m.Subgraphs(s)
        for o in range(sg.OperatorsLength()):
            n = codes[sg.Operators(o).OpcodeIndex()]
            by_name[n] = by_name.get(n, 0) + 1
    return {
        "ops": sum(by_name.values()),
        "transposes": by_name.get("TRANSPOSE", 0),
        "subgraphs": m.SubgraphsLength(),
        "by_name": dict(sorted(by_name.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


class Runner:
    """One model in LiteRT (1 thread, the default CPU kernels), inputs bound by position.
    Integer inputs and outputs with a scale (int8 I/O) are quantized with the input
    tensor's scale and zero point and dequantized with the output's, as a user does."""

    def __init__(self, path: str, inputs: list):
        from ai_edge_litert.interpreter import Interpreter

        self.interp = Interpreter(model_path=path, num_threads=1)
        self.ins = self.interp.get_input_details()
        if len(self.ins) != len(inputs):
            raise ValueError(f"the model has {len(self.ins)} inputs, PyTorch's model {len(inputs)}")
        for d, a in zip(self.ins, inputs):
            if tuple(d["shape"]) != a.shape:
                raise ValueError(f"input shape {list(d['shape'])} != PyTorch's {list(a.shape)}")
        self.interp.allocate_tensors()
        self.outs = self.interp.get_output_details()
        self.set_inputs(inputs)

    def io(self) -> str:
        """The I/O dtypes, e.g. f32 -> f32 or i8 -> i8."""
        import numpy as np

        short = {"float32": "f32", "float16": "f16", "int8": "i8", "uint8": "u8", "int32": "i32", "int64": "i64"}

        def names(ds):
            return ",".join(sorted({short.get(np.dtype(d["dtype"]).name, np.dtype(d["dtype"]).name) for d in ds}))

        return f"{names(self.ins)} -> {names(self.outs)}"

    def set_inputs(self, inputs: list) -> None:
        import numpy as np

        for d, a in zip(self.ins, inputs):
            dtype = np.dtype(d["dtype"])
            scale, zp = d["quantization"]
            if dtype.kind in "iu" and scale and a.dtype.kind == "f":
                info = np.iinfo(dtype)
                a = np.clip(np.round(a.astype(np.float64) / scale) + zp, info.min, info.max)
            self.interp.set_tensor(d["index"], np.ascontiguousarray(a.astype(dtype)))

    def invoke(self) -> float:
        t0 = time.perf_counter()
        self.interp.invoke()
        return time.perf_counter() - t0

    def outputs(self) -> list:
        import numpy as np

        res = []
        for d in self.outs:
            y = np.array(self.interp.get_tensor(d["index"]))
            scale, zp = d["quantization"]
            if y.dtype.kind in "iu" and scale:
                y = ((y.astype(np.float64) - zp) * scale).astype(np.float32)
            res.append(y)
        return res


def errors(got: list, expected: list) -> dict[str, Any]:
    import numpy as np

    if len(got) != len(expected):
        return {"error": f"{len(got)} outputs, PyTorch has {len(expected)}"}
    worst_abs, worst_rel = 0.0, 0.0
    for g, e in zip(got, expected):
        if g.shape != e.shape:
            return {"error": f"output shape {list(g.shape)} != PyTorch's {list(e.shape)}"}
        d = float(np.max(np.abs(g.astype(np.float64) - e.astype(np.float64))))
        d = math.inf if math.isnan(d) else d
        scale = float(np.max(np.abs(e)))
        worst_abs = max(worst_abs, d)
        worst_rel = max(worst_rel, d / scale if scale > 0 else (0.0 if d == 0 else math.inf))
    return {"max_abs_error": worst_abs, "max_error_rel_to_max_out": worst_rel}


def top1(got, want) -> int:
    """How many rows of two [N, classes] arrays have the same argmax."""
    import numpy as np

    return int(np.sum(np.asarray(got).reshape(len(want), -1).argmax(1) == np.asarray(want).reshape(len(want), -1).argmax(1)))


def measure(paths: dict[str, str], inputs: list, expected: dict[str, dict], runs: int, warmup: int, res: dict,
            eval_inputs=None) -> None:
    """Fills res[conv] with ops, size, error and latency of each converter's .tflite;
    expected[conv] holds that converter's PyTorch reference ("out0", "eval_out").
    With eval_inputs (classifiers), also the top-1 agreement with the reference on them.
    The models are invoked alternately so that load from other processes hits both alike."""
    import numpy as np

    runners = {}
    for conv, path in paths.items():
        r = res[conv]
        try:
            r.update(count_ops(path))
            r["size"] = os.path.getsize(path)
            runner = Runner(path, inputs)
            r["io"] = runner.io()
            runner.invoke()
            r.update(errors(runner.outputs(), [expected[conv]["out0"]]))
            if eval_inputs is not None:
                outs = []
                for e in eval_inputs:
                    runner.set_inputs([e])
                    runner.invoke()
                    outs.append(runner.outputs()[0])
                r["top1_agree"] = top1(np.concatenate(outs), expected[conv]["eval_out"])
                r["top1_of"] = len(eval_inputs)
                runner.set_inputs(inputs)
            runners[conv] = runner
        except Exception as e:  # LiteRT refuses to load or run the model
            r["run_error"] = f"{type(e).__name__}: {e}".strip()[:2000]
    for _ in range(warmup):
        for runner in runners.values():
            runner.invoke()
    times: dict[str, list[float]] = {c: [] for c in runners}
    for _ in range(runs):
        for conv, runner in runners.items():
            times[conv].append(runner.invoke())
    for conv, t in times.items():
        res[conv]["latency_ms"] = statistics.median(t) * 1e3
        res[conv]["latency_min_ms"] = min(t) * 1e3


# --- one model --------------------------------------------------------------------------


def bench_model(name: str, args, work: str) -> list[dict[str, Any]]:
    """Exports the model once, then one result per --quantize mode."""
    import numpy as np

    print(f"[{name}] export", file=sys.stderr, flush=True)
    r = timed([args.python, os.path.abspath(__file__), "_export", name, work] + (["decompose"] if args.decompose else []), CONVERT_TIMEOUT)
    if not r["ok"]:
        return [{"model": name, "mode": m, "export": {"error": r["error"]}, "edge": {}, "litert_torch": {}}
                for m in args.modes]
    with open(os.path.join(work, f"{name}.export.json")) as f:
        export = json.load(f)
    export["pt2_size"] = os.path.getsize(os.path.join(work, f"{name}.pt2"))
    with np.load(os.path.join(work, f"{name}.inputs.npz")) as z:
        inputs = [z["arg0"]]
        eval_inputs = list(np.split(z["eval"], len(z["eval"]))) if name in CLASSIFIERS else None
    with np.load(os.path.join(work, f"{name}.expected.npz")) as z:
        float_ref = {k: z[k] for k in z.files}

    quant: dict[str, Any] = {}
    if "int8" in args.modes:
        print(f"[{name}] quantize (XNNPACKQuantizer for edge, PT2EQuantizer for litert-torch)", file=sys.stderr, flush=True)
        r = timed([args.python, os.path.abspath(__file__), "_quantize", name, work], CONVERT_TIMEOUT)
        if r["ok"]:
            with open(os.path.join(work, f"{name}.quantize.json")) as f:
                quant = json.load(f)
        else:
            quant = {"error": r["error"]}

    results = []
    for mode in args.modes:
        res: dict[str, Any] = {"model": name, "mode": mode, "export": dict(export), "edge": {}, "litert_torch": {}}
        tag = "" if mode == "none" else f".{mode}"
        pt2 = os.path.join(work, f"{name}.pt2")
        expected = {"edge": float_ref, "litert_torch": float_ref}
        if mode == "int8":
            res["quantize"] = quant
            if "error" in quant:
                res["export"]["error"] = "quantization failed:\n" + quant["error"]
                results.append(res)
                continue
            pt2 = os.path.join(work, f"{name}.int8.pt2")
            res["export"]["pt2_size"] = os.path.getsize(pt2)
            for conv, t in (("edge", "int8"), ("litert_torch", "int8.lt")):
                path = os.path.join(work, f"{name}.{t}.expected.npz")
                if os.path.exists(path):
                    with np.load(path) as z:
                        expected[conv] = {k: z[k] for k in z.files}

        paths = {}
        out = os.path.join(work, f"{name}{tag}.edge.tflite")
        if os.path.exists(out):
            os.remove(out)
        print(f"[{name}] [{mode}] edge-convert", file=sys.stderr, flush=True)
        if not os.access(args.edge_bin, os.X_OK):
            res["edge"] = {"error": f"{args.edge_bin} not found or not executable"}
        else:
            r = timed([args.edge_bin, pt2, "-o", out, *EDGE_FLAGS[mode]], CONVERT_TIMEOUT)
            res["edge"] = {"convert_s": r["wall_s"], "peak_rss": r["peak_rss"], "flags": EDGE_FLAGS[mode]}
            if not r["ok"]:
                res["edge"]["error"] = r["error"]
            elif not os.path.exists(out):
                res["edge"]["error"] = f"exit status 0 but no {out}"
            else:
                paths["edge"] = out

        out = os.path.join(work, f"{name}{tag}.litert-torch.tflite")
        lt_json = os.path.join(work, f"{name}{tag}.litert-torch.json")
        if args.reuse_litert and os.path.exists(lt_json + ".process"):
            # litert-torch does not change between runs: its earlier conversion of the same
            # (seeded) model in --keep DIR stands, with the figures measured then.
            print(f"[{name}] [{mode}] litert-torch: reusing the earlier run's", file=sys.stderr, flush=True)
            with open(lt_json + ".process") as f:
                r = json.load(f)
        else:
            for stale in (out, lt_json, lt_json + ".process"):
                if os.path.exists(stale):
                    os.remove(stale)
            print(f"[{name}] [{mode}] litert-torch", file=sys.stderr, flush=True)
            r = timed([args.python, os.path.abspath(__file__), "_litert", name, work, mode], CONVERT_TIMEOUT)
            with open(lt_json + ".process", "w") as f:
                json.dump(r, f)
        res["litert_torch"] = {"process_s": r["wall_s"], "peak_rss": r["peak_rss"]}
        if r["ok"]:
            with open(os.path.join(work, f"{name}{tag}.litert-torch.json")) as f:
                res["litert_torch"].update(json.load(f))
            paths["litert_torch"] = out
        else:
            res["litert_torch"]["error"] = r["error"]

        print(f"[{name}] [{mode}] LiteRT: ops, errors, latency ({args.runs} runs)", file=sys.stderr, flush=True)
        measure(paths, inputs, expected, args.runs, args.warmup, res, eval_inputs)
        results.append(res)
    return results


# --- report -------------------------------------------------------------------------------


def mb(x) -> str:
    return "-" if x is None else f"{x / 1e6:.1f}"


def num(x, f="{:.3g}") -> str:
    return "-" if x is None else f.format(x)


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def print_model(res: dict[str, Any]) -> None:
    e, l = res["edge"], res["litert_torch"]
    x = res["export"]
    mode = res.get("mode", "none")
    print(f"\n== {res['model']}{'' if mode == 'none' else f' [{mode}]'} ==")
    if "error" in x:
        print("  export FAILED:\n" + indent(x["error"]))
        return
    how = "torch.export + run_decompositions" if x.get("decomposed") else "torch.export"
    print(f"  {how} {x['export_s']:.2f} s, save {x['save_s']:.2f} s, .pt2 {mb(x['pt2_size'])} MB; "
          f"PyTorch output max|out| {x['out_max_abs']:.3g}, std {x['out_std']:.3g}")
    if mode == "int8":
        q = res.get("quantize", {})
        print(f"  int8: edge converts torchao XNNPACKQuantizer's graph (`edge-convert --io-type int8`), litert-torch "
              f"its PT2EQuantizer's (same scheme, same {q.get('calibration_inputs', '?')} calibration inputs); "
              "errors and top-1 are against each one's quantized PyTorch model")
    elif mode != "none":
        print(f"  {mode}: both quantize the float model while converting (edge `{' '.join(EDGE_FLAGS[mode])}`, "
              f"litert-torch {'full_dynamic_recipe()' if mode == 'dynamic-int8' else 'full_fp16_recipe()'}); "
              "errors and top-1 are against the float PyTorch model")
    rows = [
        ("convert s", e.get("convert_s"), l.get("convert_s"), "{:.2f}", "lt/edge"),
        ("process peak RSS MB", e.get("peak_rss"), l.get("peak_rss"), "MB", "lt/edge"),
        ("ops", e.get("ops"), l.get("ops"), "{}", "edge/lt"),
        ("TRANSPOSE ops", e.get("transposes"), l.get("transposes"), "{}", "edge/lt"),
        ("size MB", e.get("size"), l.get("size"), "MB", "edge/lt"),
        ("latency ms (1 thread)", e.get("latency_ms"), l.get("latency_ms"), "{:.2f}", "edge/lt"),
        ("max abs error", e.get("max_abs_error"), l.get("max_abs_error"), "{:.3g}", None),
        ("max error / max|out|", e.get("max_error_rel_to_max_out"), l.get("max_error_rel_to_max_out"), "{:.3g}", None),
    ]
    if e.get("top1_of") or l.get("top1_of"):
        n = e.get("top1_of") or l.get("top1_of")
        rows.append((f"top-1 agree ({n} inputs)", e.get("top1_agree"), l.get("top1_agree"), "{}", None))
    rows.append(("I/O", e.get("io"), l.get("io"), "str", None))
    print(f"  {'':<24}{'edge':>12}{'litert-torch':>14}{'ratio':>18}")
    for label, a, b, f, rdir in rows:
        fa = mb(a) if f == "MB" else (a or "-") if f == "str" else num(a, f)
        fb_ = mb(b) if f == "MB" else (b or "-") if f == "str" else num(b, f)
        both = "error" not in e and "error" not in l
        rr = (ratio(b, a) if rdir == "lt/edge" else ratio(a, b)) if rdir and both else None
        print(f"  {label:<24}{fa:>12}{fb_:>14}{num(rr, '{:.2f}') + (' ' + rdir if rr is not None else ''):>18}")
    if l.get("process_s") is not None and "error" not in l:
        print(f"  litert-torch child process in all (python + torch import, build, convert, write): {l['process_s']:.1f} s")
    for who, r in (("edge", e), ("litert-torch", l)):
        for k in ("error", "run_error"):
            if r.get(k):
                print(f"  {who} {'FAILED to convert' if k == 'error' else 'model FAILED in LiteRT'}:\n" + indent(r[k]))


def indent(s: str) -> str:
    return "\n".join("    | " + line for line in s.splitlines())


def print_summary(results: list[dict[str, Any]], runs: int) -> float | None:
    print(f"\n== summary (latency: median of {runs} runs, 1 thread) ==")
    hdr = (f"{'model':<24}{'mode':<13}{'edge s':>8}{'lt s':>8}{'speedup':>8}{'ops e/lt':>10}{'T e/lt':>8}"
           f"{'MB e/lt':>12}{'lat ms e/lt':>14}{'lat e/lt':>9}{'err e':>9}{'err lt':>9}{'top1 e/lt':>11}")
    print(hdr)
    lat_ratios = []
    by_mode: dict[str, list[float]] = {}
    for res in results:
        e, l = res["edge"], res["litert_torch"]

        def pair(k, f="{}", m=False):
            g = (lambda v: mb(v)) if m else (lambda v: num(v, f))
            return f"{g(e.get(k))}/{g(l.get(k))}"

        def status(r):
            return "FAIL" if "error" in r else ("RUNFAIL" if "run_error" in r else None)

        lr = ratio(e.get("latency_ms"), l.get("latency_ms"))
        if lr is not None:
            lat_ratios.append(lr)
            by_mode.setdefault(res.get("mode", "none"), []).append(lr)
        es = status(e) or num(e.get("convert_s"), "{:.2f}")
        ls = status(l) or num(l.get("convert_s"), "{:.2f}")
        print(
            f"{res['model']:<24}{res.get('mode', 'none'):<13}{es:>8}{ls:>8}{num(ratio(l.get('convert_s'), e.get('convert_s')) if 'error' not in e else None, '{:.1f}x'):>8}"
            f"{pair('ops'):>10}{pair('transposes'):>8}{pair('size', m=True):>12}{pair('latency_ms', '{:.1f}'):>14}"
            f"{num(lr, '{:.2f}'):>9}{num(e.get('max_error_rel_to_max_out'), '{:.1e}'):>9}"
            f"{num(l.get('max_error_rel_to_max_out'), '{:.1e}'):>9}"
            f"{(pair('top1_agree') if e.get('top1_of') or l.get('top1_of') else '-'):>11}"
        )
    med = statistics.median(lat_ratios) if lat_ratios else None
    print(f"median latency ratio edge/litert-torch: {num(med, '{:.2f}')} (over {len(lat_ratios)} rows)")
    print_behind(results)
    if len(by_mode) > 1:
        print("  by mode: " + ", ".join(f"{m} {statistics.median(v):.2f} ({len(v)})" for m, v in by_mode.items()))
    print("speedup = litert-torch convert call / edge-convert process; err = max abs error / max|reference out| "
          "(reference: float PyTorch; int8: each converter's quantized PyTorch model); "
          f"top1 = top-1 agreement with the reference on {EVAL_IMAGES} inputs (classifiers)")
    return med


def behind(results: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The rows where edge is not at or below litert-torch (issue 14's bar: ops and
    TRANSPOSE count at or below, latency within LATENCY_BAR), and where edge or
    litert-torch fails to convert or run."""
    out: dict[str, list[str]] = {"more ops": [], "more TRANSPOSE": [], f"latency > {LATENCY_BAR}x": [],
                                 "edge fails": [], "litert-torch fails": [], "edge wrong": [], "litert-torch wrong": [],
                                 "compared": []}
    for res in results:
        e, l = res["edge"], res["litert_torch"]
        row = res["model"] + ("" if res.get("mode", "none") == "none" else f" [{res['mode']}]")
        if "error" in res["export"]:
            out["edge fails"].append(f"{row} (export)")
            continue
        for who, r in (("edge", e), ("litert-torch", l)):
            if "error" in r or "run_error" in r:
                out[f"{who} fails"].append(row + (" (in LiteRT)" if "error" not in r else ""))
            elif res.get("mode", "none") == "none" and r.get("max_error_rel_to_max_out", 0) > WRONG:
                out[f"{who} wrong"].append(f"{row} {r['max_error_rel_to_max_out']:.1e}")
        if e.get("ops") is not None and l.get("ops") is not None:
            out["compared"].append(row)
            if e["ops"] > l["ops"]:
                out["more ops"].append(f"{row} {e['ops']}/{l['ops']}")
            if e["transposes"] > l["transposes"]:
                out["more TRANSPOSE"].append(f"{row} {e['transposes']}/{l['transposes']}")
        lr = ratio(e.get("latency_ms"), l.get("latency_ms"))
        if lr is not None and lr > LATENCY_BAR:
            out[f"latency > {LATENCY_BAR}x"].append(f"{row} {lr:.3f}")
    return out


def print_behind(results: list[dict[str, Any]]) -> None:
    rows = behind(results)
    gaps = [k for k in ("more ops", "more TRANSPOSE", f"latency > {LATENCY_BAR}x") if rows[k]]
    n = len(rows["compared"])
    print(f"edge behind litert-torch ({n} rows both convert): "
          + ("; ".join(f"{k}: {', '.join(rows[k])}" for k in gaps) if gaps else
             f"none (ops and TRANSPOSE at or below, latency within {LATENCY_BAR}x)" if n else "-"))
    for k in ("edge fails", "litert-torch fails", "edge wrong", "litert-torch wrong"):
        if rows[k]:
            print(f"{k}{f' (float, error > {WRONG:g} of max|out|)' if 'wrong' in k else ''}: {', '.join(rows[k])}")


def jsonable(x):
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    if isinstance(x, dict):
        return {k: jsonable(v) for k, v in x.items()}
    if isinstance(x, list):
        return [jsonable(v) for v in x]
    return x


def main() -> int:
    if len(sys.argv) in (4, 5) and sys.argv[1] == "_export":
        child_export(sys.argv[2], sys.argv[3], decompose=sys.argv[4:] == ["decompose"])
        return 0
    if len(sys.argv) in (4, 5) and sys.argv[1] == "_litert":
        child_litert(sys.argv[2], sys.argv[3], *sys.argv[4:])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "_quantize":
        child_quantize(sys.argv[2], sys.argv[3])
        return 0
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default=",".join(MODELS), help=f"comma-separated (default: all {len(MODELS)})")
    p.add_argument("--runs", type=int, default=50, help="timed LiteRT invokes per model (default 50)")
    p.add_argument("--warmup", type=int, default=5, help="untimed invokes first (default 5)")
    p.add_argument("--keep", metavar="DIR", help="keep .pt2, .tflite, inputs and outputs in DIR")
    p.add_argument("--json", metavar="PATH", default=os.path.join(ROOT, "target", "bench", "bench_convert.json"),
                   help="write every figure here (default target/bench/bench_convert.json)")
    p.add_argument("--edge-bin", metavar="PATH", help="edge-convert to run (default: target/release/edge-convert, built first)")
    p.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    p.add_argument("--reuse-litert", action="store_true",
                   help="with --keep DIR: take litert-torch's .tflite and figures from an earlier run in DIR instead of "
                        "converting again (it takes 10-250 s per model and does not change; edge is converted anew)")
    p.add_argument("--decompose", action="store_true", help="save the .pt2 after run_decompositions() (default: as torch.export.export returns it)")
    p.add_argument("--quantize", default="none", metavar="MODES",
                   help=f"comma-separated conversion modes, each a row per model: {', '.join(QUANT_MODES)} "
                        "(default none, the float conversion)")
    p.add_argument("--python", default=sys.executable,
                   help="Python with torch, torchvision and litert-torch for the child processes (default: this one)")
    args = p.parse_args()
    names = [n for n in args.models.split(",") if n]
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        p.error(f"unknown models {unknown}; known: {', '.join(MODELS)}")
    if args.runs < 1:
        p.error("--runs must be >= 1")
    if args.reuse_litert and not args.keep:
        p.error("--reuse-litert needs --keep DIR (where the earlier run left its files)")
    args.modes = [m for m in args.quantize.split(",") if m]
    bad = [m for m in args.modes if m not in QUANT_MODES]
    if bad or not args.modes:
        p.error(f"unknown --quantize modes {bad}; known: {', '.join(QUANT_MODES)}")
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("benchmarks need GNU time: apt-get install time")
    try:
        import numpy  # noqa: F401
        from ai_edge_litert.interpreter import Interpreter  # noqa: F401
    except ImportError as e:
        raise SystemExit(f"needs numpy and ai-edge-litert ({e}); run with .venv-bench/bin/python "
                         "after bash benchmarks/setup-litert-torch.sh")
    if args.edge_bin is None:
        args.edge_bin = os.path.join(ROOT, "target", "release", "edge-convert")
        if not args.no_build:
            print("building edge-tools (release)...", file=sys.stderr)
            b = subprocess.run(["cargo", "build", "--release", "-q", "-p", "edge-tools"], cwd=ROOT)
            if b.returncode != 0:
                print("cargo build failed; going on with what is in target/release", file=sys.stderr)
    args.edge_bin = os.path.abspath(args.edge_bin)

    tmp = None
    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="edge-bench-convert-")
        work = tmp.name

    versions = subprocess.run(
        [args.python, "-c",
         "import importlib.metadata as m, json\n"
         "v = {}\n"
         "for p in ('litert-torch', 'ai-edge-torch', 'torch', 'torchvision', 'ai-edge-litert', 'litert-converter', 'numpy'):\n"
         "    try: v[p] = m.version(p)\n"
         "    except m.PackageNotFoundError: pass\n"
         "print(json.dumps(v))"],
        capture_output=True, text=True,
    )
    report: dict[str, Any] = {
        "edge_bin": args.edge_bin,
        "python": args.python,
        "versions": json.loads(versions.stdout) if versions.returncode == 0 else {},
        "runs": args.runs,
        "modes": args.modes,
        "warmup": args.warmup,
        "threads": 1,
        "cpu_count": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "models": [],
    }
    print("versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()))
    print(f"edge-convert: {args.edge_bin}; load average at start {report['loadavg_start'][0]:.2f} on {os.cpu_count()} cores")
    for name in names:
        try:
            rows = bench_model(name, args, work)
        except Exception as e:  # a bug here must not lose the other models
            import traceback

            rows = [{"model": name, "mode": m, "export": {"error": traceback.format_exc()[-2000:]}, "edge": {},
                     "litert_torch": {}} for m in args.modes]
            print(f"[{name}] benchmark error: {e}", file=sys.stderr)
        for res in rows:
            report["models"].append(res)
            print_model(res)
        sys.stdout.flush()
    report["loadavg_end"] = os.getloadavg()
    report["median_latency_ratio_edge_over_litert_torch"] = print_summary(report["models"], args.runs)
    print(f"load average at end {report['loadavg_end'][0]:.2f} on {os.cpu_count()} cores "
          "(other processes on the machine make timings noisy)")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(jsonable(report), f, indent=2)
        print(f"figures written to {args.json}")
    if args.keep:
        print(f"files kept in {work}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

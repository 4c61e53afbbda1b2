#!/usr/bin/env python3
"""Weight quantization of a small Llama-style decoder: error against PyTorch's float
model and file size, for each `edge-convert --quantize` mode.

    .venv-bench/bin/python benchmarks/quant_decoder.py [--out DIR] [--edge-convert BIN]
        [--layers 4] [--dim 256] [--heads 8] [--kv-heads 2] [--ffn 704] [--vocab 4096]
        [--seq 16] [--tied] [--modes none,fp16,dynamic-int8,int4] [--markdown]

The decoder is `benchmarks/llama_model.py`'s (RMSNorm, RoPE, grouped-query attention
through SDPA, SwiGLU, tied or untied head; random weights from a fixed seed, never saved
beside the script), run as a causal forward over `--seq` tokens from empty caches: the
weight forms are what this measures, not the cache handling. It is exported with torch.export, converted once
per mode by `edge-convert` (a process), run in LiteRT (default kernels + XNNPACK, 1
thread) on the same tokens, and compared with PyTorch's float logits: max|diff| /
max|logits|, mean|diff| / mean|logits| and the top-1 agreement over the positions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def decoder_class():
    """`benchmarks/llama_model.py`'s decoder as a causal forward over `seq` tokens: caches
    of that length start empty and are filled and read within the call (torch is imported
    here: the LiteRT half runs without it)."""
    import torch

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import llama_model

    class Decoder(torch.nn.Module):
        def __init__(self, vocab, d, layers, h, kvh, ff, seq, tied):
            super().__init__()
            self.config = llama_model.Config(layers=layers, dim=d, heads=h, kv_heads=kvh, ffn=ff, vocab=vocab,
                                             max_len=seq, tied=tied)
            self.llama = llama_model.Llama(self.config)

        def forward(self, tokens):
            c = self.config
            caches = [torch.zeros(c.cache_shape()) for _ in range(c.layers)]
            return self.llama(tokens, torch.arange(c.max_len), caches, caches)["logits"]

    return Decoder


def run_litert(model: str, tokens: np.ndarray) -> np.ndarray:
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_path=model, num_threads=1)
    runner = it.get_signature_runner()
    (name,) = runner.get_input_details().keys()
    out = runner(**{name: tokens})
    return next(iter(out.values()))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", help="directory for the archive and the .tflite files (default: a temporary one)")
    p.add_argument("--edge-convert", default=os.path.join(REPO, "target/debug/edge-convert"))
    p.add_argument("--litert-python", default=os.path.join(REPO, ".venv/bin/python"),
                   help="a Python with ai-edge-litert (the check runs there)")
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--heads", type=int, default=8)
    p.add_argument("--kv-heads", type=int, default=2)
    p.add_argument("--ffn", type=int, default=704)
    p.add_argument("--vocab", type=int, default=4096)
    p.add_argument("--seq", type=int, default=16)
    p.add_argument("--tied", action="store_true")
    p.add_argument("--modes", default="none,fp16,dynamic-int8,int4")
    p.add_argument("--markdown", action="store_true", help="print a README table row per mode")
    p.add_argument("--run-litert", nargs=3, metavar=("MODEL", "TOKENS", "OUT"), help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.run_litert:
        model, tokens, out = a.run_litert
        np.save(out, run_litert(model, np.load(tokens)))
        return 0
    out_dir = a.out or tempfile.mkdtemp(prefix="quant-decoder-")
    os.makedirs(out_dir, exist_ok=True)
    import torch

    Decoder = decoder_class()
    torch.manual_seed(0)
    m = Decoder(a.vocab, a.dim, a.layers, a.heads, a.kv_heads, a.ffn, a.seq, a.tied).eval()
    tokens = torch.randint(0, a.vocab, (1, a.seq))
    with torch.no_grad():
        ref = m(tokens).numpy().astype(np.float64)
    pt2 = os.path.join(out_dir, "decoder.pt2")
    torch.export.save(torch.export.export(m, (tokens,)), pt2)
    tok_path = os.path.join(out_dir, "tokens.npy")
    np.save(tok_path, tokens.numpy())
    # Tied weights are one tensor: count each storage once.
    params = sum({t.data_ptr(): t.numel() for t in m.state_dict().values() if t.dtype == torch.float32}.values())
    rows = []
    for mode in a.modes.split(","):
        model = os.path.join(out_dir, f"decoder.{mode}.tflite")
        cmd = [a.edge_convert, pt2, "-o", model, "-q", "--report-json", model + ".json"]
        if mode != "none":
            cmd += ["--quantize", mode]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            rows.append({"mode": mode, "error": r.stderr.strip()[-400:]})
            continue
        got_path = os.path.join(out_dir, f"logits.{mode}.npy")
        r = subprocess.run([a.litert_python, os.path.abspath(__file__), "--run-litert", model, tok_path, got_path],
                           capture_output=True, text=True)
        if r.returncode != 0:
            rows.append({"mode": mode, "error": r.stderr.strip()[-400:]})
            continue
        got = np.load(got_path).astype(np.float64)
        diff = np.abs(got - ref)
        rows.append({
            "mode": mode,
            "bytes": os.path.getsize(model),
            "max_rel": float(diff.max() / np.abs(ref).max()),
            "mean_rel": float(diff.mean() / np.abs(ref).mean()),
            "top1": float((got.argmax(-1) == ref.argmax(-1)).mean()),
        })
    shape = (f"{a.layers} layers, dim {a.dim}, {a.heads} heads ({a.kv_heads} kv), ffn {a.ffn}, vocab {a.vocab}, "
             f"{'tied' if a.tied else 'untied'} head, {a.seq} tokens, {params / 1e6:.2f}M float32 parameters")
    if a.markdown:
        print(f"<!-- {shape} -->")
        print("| --quantize | file | max\\|diff\\| / max\\|logits\\| | mean\\|diff\\| / mean\\|logits\\| | top-1 agreement |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for r in rows:
            if "error" in r:
                print(f"| {r['mode']} | error | | | |")
            else:
                print(f"| {r['mode']} | {r['bytes'] / 1e6:.2f} MB | {r['max_rel']:.2e} | {r['mean_rel']:.2e} | {r['top1'] * 100:.1f}% |")
    else:
        print(json.dumps({"model": shape, "out": out_dir, "rows": rows}, indent=1))
    return 0 if all("error" not in r for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

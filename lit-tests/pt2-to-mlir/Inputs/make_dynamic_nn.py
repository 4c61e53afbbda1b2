"""Writes the dynamic-shape archives of lit-tests/pt2-to-mlir/dynamic-nn.test (torch.export
with Dim ranges, saved without run_decompositions() so the composite ATen ops are
kept). Run from the repository root with the torch venv:

    .venv-bench/bin/python lit-tests/pt2-to-mlir/Inputs/make_dynamic_nn.py
"""
import os
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.export import Dim

torch.manual_seed(0)
HERE = os.path.dirname(os.path.abspath(__file__))
B = Dim("b", min=1, max=16)
S = Dim("s", min=2, max=64)
H = Dim("h", min=4, max=32)
W = Dim("w", min=4, max=32)


class Attention(nn.Module):
    """linear over [b, s, 8]; causal SDPA over [b, 2, s, 4]; a 4-D matmul."""

    def __init__(self):
        super().__init__()
        self.l = nn.Linear(8, 4)

    def forward(self, x, q, k, v):
        return self.l(x), F.scaled_dot_product_attention(q, k, v, is_causal=True), q @ k.transpose(-1, -2)


class ConvPool(nn.Module):
    """[b, 3, h, w]: strided conv, max/avg pools with padding, adaptive pool to 1,
    nearest and bilinear upsampling by 2."""

    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 4, 3, stride=2, padding=1)

    def forward(self, x):
        return (
            self.c(x),
            F.max_pool2d(x, 3, 2, 1),
            F.avg_pool2d(x, 3, 2, 1, count_include_pad=False),
            F.adaptive_avg_pool2d(x, 1),
            F.interpolate(x, scale_factor=2, mode="nearest"),
            F.interpolate(x, scale_factor=2, mode="bilinear"),
        )


class NormReduce(nn.Module):
    """[b, s, 8]: layer norm, softmax / mean / var / cumsum over the dynamic dim."""

    def __init__(self):
        super().__init__()
        self.n = nn.LayerNorm(8)

    def forward(self, x):
        return self.n(x), F.softmax(x, 1), x.mean(1), x.var(1), x.cumsum(1)


class UnevenPool(nn.Module):
    """Adaptive pooling of a dynamic h (not recorded as a multiple of 2) to 2: refused."""

    def forward(self, x):
        return F.adaptive_avg_pool2d(x, 2)


class Misc(nn.Module):
    """topk over a static last dim of [b, 8]; group norm over [b, 4, h, w]; causal SDPA
    over a sequence with no maximum ([1, 2, t, 4]); an einsum over it."""

    def __init__(self):
        super().__init__()
        self.g = nn.GroupNorm(2, 4)

    def forward(self, x, y, q):
        top, norm = torch.topk(x, 2)[0], self.g(y)
        return top, norm, F.scaled_dot_product_attention(q, q, q, is_causal=True), torch.einsum("bqhd,bkhd->bhqk", q, q)


def save(name, m, args, dyn):
    ep = torch.export.export(m.eval(), args, dynamic_shapes=dyn)
    torch.export.save(ep, os.path.join(HERE, name))


r = torch.randn
save("dynamic-attention.pt2", Attention(), (r(2, 3, 8), r(2, 2, 3, 4), r(2, 2, 3, 4), r(2, 2, 3, 4)),
     {"x": {0: B, 1: S}, "q": {0: B, 2: S}, "k": {0: B, 2: S}, "v": {0: B, 2: S}})
save("dynamic-conv-pool.pt2", ConvPool(), (r(2, 3, 8, 10),), {"x": {0: B, 2: H, 3: W}})
save("dynamic-norm-reduce.pt2", NormReduce(), (r(2, 3, 8),), {"x": {0: B, 1: S}})
save("dynamic-uneven-pool.pt2", UnevenPool(), (r(2, 3, 8, 10),), {"x": {0: B, 2: H, 3: W}})
save("dynamic-misc.pt2", Misc(), (r(2, 8), r(2, 4, 6, 6), r(1, 2, 5, 4)), {"x": {0: B}, "y": {0: B, 2: H, 3: W}, "q": {2: Dim("t", min=2)}})

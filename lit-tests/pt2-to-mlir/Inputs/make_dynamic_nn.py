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


class PoolBroadcastScan(nn.Module):
    """[b, 4, h, w]: a global pool resized back to (h, w), bilinear and nearest (a
    size-1 dim resized to a run-time size); [b, s] integer ids: a running count of
    non-padding ids (RoBERTa's position ids) and a running product over s (no max)."""

    def forward(self, x, ids, t):
        p = F.adaptive_avg_pool2d(x, 1)
        up = F.interpolate(p, size=x.shape[-2:], mode="bilinear", align_corners=False)
        near = F.interpolate(p, size=x.shape[-2:], mode="nearest")
        return up, near, (ids != 1).int().cumsum(1) * (ids != 1).int(), t.cumprod(1)


class CeilPool(nn.Module):
    """ceil_mode pools over dynamic sizes (torch.export accepts them only for sizes it can
    reason about: 2*h, 2*w+1, 2*u-1): max 3/2 (SqueezeNet, GoogLeNet), avg 3/2/1 counting
    the padding, max 2/2/1 (its last window can start in the padding: cut)."""

    def forward(self, x, z):
        return (F.max_pool2d(x, 3, 2, ceil_mode=True), F.avg_pool2d(x, 3, 2, 1, ceil_mode=True, count_include_pad=True),
                F.max_pool2d(z, 2, 2, 1, ceil_mode=True))


class Composites(nn.Module):
    """Composite ops over unknown sizes: glu over a static and over a dynamic dim (2*t),
    repeat_interleave along a static and a dynamic dim, stack, reflect and replicate
    padding of [b, 3, h, w] (GPT-J's rotary, Speech2Text's GLU, style-transfer padding),
    a convolution with padding="valid" (SigLIP's patch embedding), adaptive_avg_pool1d of
    [b, s, 8] to 2 (a static pooled dim: Swin's pooler), x.T (aten.numpy_T: Falcon)."""

    def __init__(self):
        super().__init__()
        # padding="valid" is aten.conv2d.padding with the padding left out (its default).
        self.valid = nn.Conv2d(3, 4, 2, stride=2, padding="valid")

    def forward(self, x, y, img):
        return (F.glu(x, 1), F.glu(y, 2), x.repeat_interleave(2, dim=1), x.repeat_interleave(3, dim=2),
                torch.stack([x, x], dim=2), F.pad(img, (2, 1, 1, 2), mode="reflect"), F.pad(img, (1, 2, 0, 3), mode="replicate"),
                self.valid(img), F.adaptive_avg_pool1d(x.transpose(1, 2), 2), x.T)


class IntArg(nn.Module):
    """argmax / max.dim of integer ids [b, s] over s (CLIP's end-of-text pooling)."""

    def forward(self, ids):
        v, i = ids.max(1)
        return (ids == 2).int().argmax(-1), v, i


class Bicubic(nn.Module):
    """Bicubic resizes: a [1, 4, 5, 5] position table to x's (h, w) (DINOv2's
    interpolate_pos_encoding), x [b, 4, h, w] to a fixed 7x3 with align_corners, and
    the table to a fixed 7x3 (static)."""

    def __init__(self):
        super().__init__()
        self.pos = nn.Parameter(torch.randn(1, 4, 5, 5))

    def forward(self, x):
        return (F.interpolate(self.pos, size=x.shape[-2:], mode="bicubic", align_corners=False),
                F.interpolate(x, size=(7, 3), mode="bicubic", align_corners=True),
                F.interpolate(self.pos, size=(7, 3), mode="bicubic", align_corners=False))


class Scale15(nn.Module):
    """A fractional scale factor over dynamic h and w: the output sizes are sympy
    TruncToInt(Float('1.5') * h) (bilinear and nearest)."""

    def forward(self, x):
        return (F.interpolate(x, scale_factor=1.5, mode="bilinear"),
                F.interpolate(x, scale_factor=1.5, mode="nearest"))


class Repeat(nn.Module):
    """A parameter repeated a run-time number of times (SigLIP's pooling probe)."""

    def __init__(self):
        super().__init__()
        self.p = nn.Parameter(torch.randn(1, 1, 8))

    def forward(self, x):
        return self.p.repeat(x.shape[0], 2, 1) + x


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
save("dynamic-pool-broadcast-scan.pt2", PoolBroadcastScan(), (r(2, 4, 6, 8), torch.randint(0, 5, (2, 7)), torch.randint(1, 3, (1, 5))),
     {"x": {0: B, 2: H, 3: W}, "ids": {0: B, 1: S}, "t": {1: Dim("u", min=2)}})
save("dynamic-ceil-pool.pt2", CeilPool(), (r(2, 3, 10, 11), r(1, 2, 9, 5)),
     {"x": {0: B, 2: 2 * Dim("h2", min=2, max=16), 3: 2 * Dim("w2", min=2, max=16) + 1}, "z": {2: 2 * Dim("u", min=3, max=16) - 1}})
save("dynamic-composites.pt2", Composites(), (r(2, 8, 5), r(2, 3, 6), r(2, 3, 6, 7)),
     {"x": {0: B, 2: S}, "y": {0: B, 2: 2 * Dim("t", min=1, max=32)}, "img": {0: B, 2: H, 3: W}})
save("dynamic-int-arg.pt2", IntArg(), (torch.randint(0, 5, (2, 7)),), {"ids": {0: B, 1: S}})
save("dynamic-bicubic.pt2", Bicubic(), (r(2, 4, 6, 9),), {"x": {0: B, 2: H, 3: W}})
save("dynamic-scale15.pt2", Scale15(), (r(1, 2, 6, 7),), {"x": {2: Dim("h", min=2, max=16), 3: Dim("w", min=2, max=16)}})
save("dynamic-repeat.pt2", Repeat(), (r(2, 2, 8),), {"x": {0: B}})

"""Writes the small dynamic-shape archives the pt2-to-mlir lit tests read (dynamic.test):

    .venv-bench/bin/python lit-tests/pt2-to-mlir/Inputs/make_dynamic.py lit-tests/pt2-to-mlir/Inputs

Each is saved after run_decompositions(), as the converter's users save them
(`dyn-writes-plain.pt2` also before, with its in-place writes through views).
`dyn-unsolvable.pt2` is `dyn-derived.pt2` with its input's size rewritten to `s39*s39`,
which no input size defines (torch.export writes no such input; the importer must
still refuse it before lowering anything).
"""
import io, json, os, sys, zipfile
import torch, torch.nn as nn, torch.nn.functional as F
from torch.export import Dim

torch.manual_seed(0)
out = sys.argv[1]


class Derived(nn.Module):  # input dim 8*h: h = dim // 8
    def forward(s, x):  # [1, 3, 8h]
        return x.reshape(1, 3, x.shape[2] // 8, 8).sum(-1) + x[..., ::8]


class Embed(nn.Module):  # token + positional embedding over a dynamic batch and sequence
    def __init__(s):
        super().__init__(); s.tok = nn.Embedding(16, 4); s.pos = nn.Embedding(32, 4)

    def forward(s, ids):  # [B, T]
        return s.tok(ids) + s.pos(torch.arange(ids.shape[1]))


class Slices(nn.Module):  # bounds relative to a dynamic size, split, select, cat
    def forward(s, x):  # [T, 6]
        a, b = x.split(3, dim=1)
        return torch.cat([x[1:] + x[:-1], x[-1:]], 0) + torch.cat([b, a], 1)[:, None, 0] * x.select(0, -1)


class Factories(nn.Module):  # factories and masks over dynamic shapes
    def forward(s, x):  # [B, T]
        i = torch.arange(x.shape[1])
        causal = i[:, None] >= i[None, :]
        z = torch.where(x > 0, x, torch.zeros_like(x))
        return torch.where(causal, z[:, None, :], torch.full_like(x, -1.0)[:, None, :])


class SymInt(nn.Module):  # a size as an operand; a second input sized s + 1
    def forward(s, x, y):  # [B, T], [B, T + 1]
        return x * x.shape[1] + y[:, 1:]


class Index(nn.Module):  # gathers over dynamic tensors; a bool mask indexed by run-time iotas
    def forward(s, x, idx, mask):  # [B, T, 4], [B, T] in [0, 4), [B, T] bool
        a = torch.gather(x, 2, idx.unsqueeze(-1)).squeeze(-1)
        b, t = mask.shape
        m = mask[torch.arange(b)[:, None], torch.arange(t)[None, :]]
        c = x.index_select(2, torch.tensor([3, 0])).sum(-1)
        return torch.where(m, a, x[:, :, 0]) + c


class Writes(nn.Module):  # writes into a dynamic tensor: a row, a slice, the last column
    def forward(s, x):  # [B, T, 4]
        y = x.clone()
        y[:, 0] = 0.0
        y[:, 2:, 1:3] *= 2.0
        y[..., -1] = 1.0
        return y


class Scatter(nn.Module):  # index_put and scatter_add with run-time index shapes
    def forward(s, x, idx):  # [B, T, 4], [B] in [0, T)
        y = x.clone()
        y[torch.arange(x.shape[0]), idx] = 1.0
        return y + torch.zeros_like(x).scatter_add(1, idx[:, None, None].expand(-1, 1, 4), x[:, :1])


class Pad(nn.Module):  # pad by a run-time amount: back to an odd length after halving
    def forward(s, x):  # [B, T]
        h = F.max_pool2d(x[:, None, None], (1, 2))[:, 0, 0]
        u = torch.cat([h, h], 1)
        return x + F.pad(u, [0, x.shape[1] - u.shape[1]], value=-1.0)


t = Dim("t", min=4, max=32)
b = Dim("b", min=1, max=8)
h = Dim("h", min=2, max=16)
specs = {
    "dyn-derived": (Derived(), (torch.randn(1, 3, 24),), {"x": {2: 8 * h}}),
    "dyn-embed": (Embed(), (torch.randint(0, 16, (2, 5)),), {"ids": {0: b, 1: t}}),
    "dyn-slices": (Slices(), (torch.randn(5, 6),), {"x": {0: t}}),
    "dyn-factories": (Factories(), (torch.randn(2, 5),), {"x": {0: b, 1: t}}),
    "dyn-symint": (SymInt(), (torch.randn(2, 5), torch.randn(2, 6)), {"x": {0: b, 1: t}, "y": {0: b, 1: t + 1}}),
    "dyn-index": (Index(), (torch.randn(2, 5, 4), torch.randint(0, 4, (2, 5)), torch.rand(2, 5) > 0.5),
                  {"x": {0: b, 1: t}, "idx": {0: b, 1: t}, "mask": {0: b, 1: t}}),
    "dyn-writes": (Writes(), (torch.randn(2, 5, 4),), {"x": {0: b, 1: t}}),
    "dyn-pad": (Pad(), (torch.randn(2, 5),), {"x": {0: b, 1: t}}),
    "dyn-scatter": (Scatter(), (torch.randn(2, 5, 4), torch.randint(0, 4, (2,))), {"x": {0: b, 1: t}, "idx": {0: b}}),
}
for name, (m, args, dyn) in specs.items():
    ep = torch.export.export(m.eval(), args, dynamic_shapes=dyn)
    if name == "dyn-writes":
        # Also as saved without decompositions: in-place writes through views.
        torch.export.save(ep, os.path.join(out, f"{name}-plain.pt2"))
    torch.export.save(ep.run_decompositions(), os.path.join(out, f"{name}.pt2"))

# The unsolvable variant: same archive, the input's size expression replaced.
src = os.path.join(out, "dyn-derived.pt2")
buf = io.BytesIO()
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename.endswith("models/model.json"):
            ep = json.loads(data)
            size = ep["graph_module"]["graph"]["tensor_values"]["x"]["sizes"][2]["as_expr"]
            size["expr_str"] = "Mul(Symbol('s39', positive=True, integer=True), Symbol('s39', positive=True, integer=True))"
            data = json.dumps(ep).encode()
        zout.writestr(item, data)
with open(os.path.join(out, "dyn-unsolvable.pt2"), "wb") as f:
    f.write(buf.getvalue())

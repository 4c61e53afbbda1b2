"""Writes over unknown dims, exported with torch.export and run_decompositions(): the
StableHLO the importer makes (scatter_dyn_<name>.mlir, via edge-translate) and PyTorch's
outputs at three sizes (scatter_dyn_<name>.{a,b,c}.{inputs,expected}.npz).

usage (torch in .venv-bench): scatter_dynamic_ref.py OUTDIR EDGE_TRANSLATE
"""
import os, subprocess, sys

import numpy as np
import torch
from torch.export import Dim

out, translate = sys.argv[1], sys.argv[2]
torch.manual_seed(0)
T = Dim("t", min=1, max=16); S = Dim("s", min=4, max=32); B = Dim("b", min=1, max=8); S4 = Dim("s4", min=4, max=64)


class IndexPut(torch.nn.Module):  # index_put of one value per row, and a scatter_add
    def forward(s, x, idx):  # x [B, S, 4], idx [B] in [0, S)
        y = x.clone()
        y[torch.arange(x.shape[0]), idx] = 1.0
        return y + torch.zeros_like(x).scatter_add(1, idx[:, None, None].expand(-1, 1, 4), x[:, :1])


class IndexCopy(torch.nn.Module):  # a prefill's cache write at T run-time positions
    def forward(s, cache, k, ipos):  # cache [1, 2, 32, 4], k [1, 2, T, 4], ipos [T]
        return cache.index_copy(2, ipos, k)


class DecodeWrite(torch.nn.Module):  # a decode step's write at one position, cache length unknown
    def forward(s, cache, k, pos):  # cache [1, 2, S, 4], k [1, 2, 1, 4], pos [1]
        return cache.index_copy(2, pos, k)


class Strided(torch.nn.Module):  # a write with step 2 over an unknown dim
    def forward(s, x, v):  # x [B, 2S], v [B, S]
        y = x.clone()
        y[:, ::2] = v
        return y


class Reduce(torch.nn.Module):  # scatter_reduce amax / amin / prod over unknown dims
    def forward(s, x, idx, u):  # x [S, D], idx [S, D] in [0, S), u [S, D]
        a = x.scatter_reduce(0, idx, u, "amax")
        b = x.scatter_reduce(0, idx, u, "amin")
        c = x.scatter_reduce(0, idx, u.clamp(-2, 2), "prod")
        return a + b + c


D = Dim("d", min=2, max=16)
specs = {
    "indexput": (IndexPut(), (torch.randn(2, 10, 4), torch.randint(0, 4, (2,))), {"x": {0: B, 1: S4}, "idx": {0: B}},
                 [[(1, 4, 4), (1,)], [(3, 9, 4), (3,)], [(8, 64, 4), (8,)]]),
    "indexcopy": (IndexCopy(), (torch.randn(1, 2, 32, 4), torch.randn(1, 2, 5, 4), torch.arange(3, 8)),
                  {"cache": None, "k": {2: T}, "ipos": {0: T}},
                  [[(1, 2, 32, 4), (1, 2, 1, 4), [5]], [(1, 2, 32, 4), (1, 2, 7, 4), list(range(9, 16))],
                   [(1, 2, 32, 4), (1, 2, 16, 4), list(range(16, 32))]]),
    "decode": (DecodeWrite(), (torch.randn(1, 2, 10, 4), torch.randn(1, 2, 1, 4), torch.tensor([3])),
               {"cache": {2: S}, "k": None, "pos": None},
               [[(1, 2, 4, 4), (1, 2, 1, 4), [0]], [(1, 2, 9, 4), (1, 2, 1, 4), [8]], [(1, 2, 32, 4), (1, 2, 1, 4), [17]]]),
    "strided": (Strided(), (torch.randn(2, 10), torch.randn(2, 5)), {"x": {0: B, 1: 2 * S}, "v": {0: B, 1: S}},
                [[(1, 8), (1, 4)], [(3, 18), (3, 9)], [(8, 64), (8, 32)]]),
    "reduce": (Reduce(), (torch.randn(6, 3), torch.randint(0, 6, (6, 3)), torch.randn(6, 3)),
               {"x": {0: S, 1: D}, "idx": {0: S, 1: D}, "u": {0: S, 1: D}},
               [[(4, 2), ("i", 4, (4, 2)), (4, 2)], [(9, 5), ("i", 9, (9, 5)), (9, 5)], [(32, 16), ("i", 32, (32, 16)), (32, 16)]]),
}
for name, (m, args, dyn, sizes) in specs.items():
    ep = torch.export.export(m.eval(), args, dynamic_shapes=dyn).run_decompositions()
    pt2 = f"{out}/scatter_dyn_{name}.pt2"
    torch.export.save(ep, pt2)
    subprocess.run([translate, "--pt2-to-mlir", pt2, "-o", f"{out}/scatter_dyn_{name}.mlir"], check=True)
    os.remove(pt2)
    for tag, shapes in zip("abc", sizes):
        ins = []
        for a, sh in zip(args, shapes):
            if isinstance(sh, tuple) and sh and sh[0] == "i":
                ins.append(torch.randint(0, sh[1], sh[2]))
            elif isinstance(sh, list):
                ins.append(torch.tensor(sh))
            elif a.dtype == torch.int64:
                ins.append(torch.randint(0, 4, sh))
            else:
                ins.append(torch.randn(sh))
        with torch.no_grad():
            r = m(*ins)
        np.savez(f"{out}/scatter_dyn_{name}.{tag}.inputs.npz", **{n: t.numpy() for n, t in zip(dyn, ins)})
        np.savez(f"{out}/scatter_dyn_{name}.{tag}.expected.npz", output_0=r.numpy())

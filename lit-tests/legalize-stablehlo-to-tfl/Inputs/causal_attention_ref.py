"""Inputs and NumPy outputs of dynamic-attention-litert.mlir at one sequence length.

usage: causal_attention_ref.py PREFIX T -> PREFIX.inputs.npz, PREFIX.expected.npz
"""
import sys, numpy as np
prefix, t = sys.argv[1], int(sys.argv[2])
r = np.random.default_rng(t)
x = r.standard_normal((1, t, 8)).astype(np.float32)
w = [r.standard_normal((8, 8)).astype(np.float32) * 0.5 for _ in range(3)]
q, k, v = (x @ wi for wi in w)
s = q @ k.transpose(0, 2, 1) * np.float32(0.353553385)
mask = np.arange(t)[None, :] <= np.arange(t)[:, None]
s = np.where(mask[None], s, -np.inf)
p = np.exp(s - s.max(-1, keepdims=True)); p /= p.sum(-1, keepdims=True)
np.savez(f"{prefix}.inputs.npz", x=x, wq=w[0], wk=w[1], wv=w[2])
np.savez(f"{prefix}.expected.npz", y=(p @ v).astype(np.float32))

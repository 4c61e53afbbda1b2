"""Inputs and NumPy outputs of dynamic-shapes-litert.mlir at one batch size.

usage: jax_dynamic_ref.py PREFIX BATCH -> PREFIX.inputs.npz, PREFIX.expected.npz
"""
import sys

import numpy as np

prefix, b = sys.argv[1], int(sys.argv[2])
x = np.random.default_rng(b).standard_normal((b, 8)).astype(np.float32)
t = x.reshape(2 * b, 4) + np.arange(2 * b, dtype=np.float32)[:, None] + np.array([1, 2, 3, 4], np.float32)
np.savez(f"{prefix}.inputs.npz", x=x)
np.savez(f"{prefix}.expected.npz", t=t, head=t[:b], mean=t.mean(0), padded=np.pad(t, ((1, 0), (0, 2)), constant_values=-1.0))

"""Repeats every array of an inputs/expected .npz pair K times along dim 0.

Batch elements are independent in these models, so the outputs of a batch of K copies
are K copies of the outputs: a reference at another batch size without PyTorch.
usage: tile_batch.py INPUTS EXPECTED K PREFIX -> PREFIX.inputs.npz, PREFIX.expected.npz
"""
import sys

import numpy as np

inputs, expected, k, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
for src, kind in [(inputs, "inputs"), (expected, "expected")]:
    with np.load(src) as z:
        np.savez(f"{prefix}.{kind}.npz", **{n: np.concatenate([z[n]] * k, axis=0) for n in z.files})

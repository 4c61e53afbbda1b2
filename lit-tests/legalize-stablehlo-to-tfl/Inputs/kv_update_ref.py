# Inputs and expected outputs of kv_update.mlir (dynamic_update_slice with a run-time
# start and an update of run-time size), computed with numpy: XLA's semantics, starts
# clamped so the block fits. Sizes: a (T=1, pos 0), b (T=7, pos 9), c (T=16, pos 20:
# clamped to 16).
import numpy as np, sys, os
rng = np.random.default_rng(0)
out = os.path.dirname(os.path.abspath(__file__))
def dus(x, u, starts):
    s = [min(max(p, 0), a - b) for p, a, b in zip(starts, x.shape, u.shape)]
    y = x.copy(); y[tuple(slice(p, p + n) for p, n in zip(s, u.shape))] = u; return y
for name, t, pos, b in [("a", 1, 0, 2), ("b", 7, 9, 3), ("c", 16, 20, 4)]:
    cache = rng.standard_normal((1, 2, 32, 4)).astype(np.float32)
    k = rng.standard_normal((1, 2, t, 4)).astype(np.float32)
    ids = rng.integers(-9, 9, (b, 32)).astype(np.int32)
    row = rng.integers(100, 200, (1, t)).astype(np.int32)
    mask = rng.random((b, 32)) > 0.5
    on = np.ones((1, t), bool)
    p = np.array(pos, np.int32)
    np.savez(f"{out}/kv_update.{name}.inputs.npz", cache=cache, k=k, pos=p, ids=ids, row=row, mask=mask, on=on)
    np.savez(f"{out}/kv_update.{name}.expected.npz", cache_out=dus(cache, k, [0, 0, pos, 0]),
             ids_out=dus(ids, row, [1, pos]), mask_out=dus(mask, on, [0, pos]))

"""Runs the > 2 GB file compiler/tests/large_file.rs writes in LiteRT and compares it
with NumPy (the same weight formula), e.g.
  .venv/bin/python runtime-check/large_file_check.py /tmp/large.tflite [--layers 9 --n 8192]
Prints the file size, load and invoke times, the peak RSS, and the error."""
import argparse
import os
import resource
import sys
import time

import numpy as np
from ai_edge_litert.interpreter import Interpreter


def weight(k, n):
    i = np.arange(n, dtype=np.uint32)[:, None]
    j = np.arange(n, dtype=np.uint32)[None, :]
    v = (i * np.uint32(31) + j * np.uint32(17) + np.uint32(k * 7)) % np.uint32(97)
    return ((v.astype(np.float32) - 48.0) / np.float32(48.0 * np.sqrt(np.float32(n)))).astype(np.float32)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("--layers", type=int, default=9)
    p.add_argument("--n", type=int, default=8192)
    a = p.parse_args()
    interp = None
    t = time.time()
    interp = Interpreter(model_path=a.model)
    loaded = time.time() - t
    sigs = sorted(interp.get_signature_list())
    rng = np.random.default_rng(0)
    ok = True
    for key in sigs:
        runner = interp.get_signature_runner(key)
        tokens = runner.get_input_details()["x"]["shape"][0]
        x = rng.standard_normal((tokens, a.n)).astype(np.float32)
        t = time.time()
        y = runner(x=x)["y"]
        ran = time.time() - t
        ref, ref32 = x.astype(np.float64), x
        for k in range(a.layers):
            w = weight(k, a.n)
            ref, ref32 = ref @ w.T.astype(np.float64), ref32 @ w.T
        err = float(np.max(np.abs(y - ref)) / np.max(np.abs(ref)))
        # NumPy's own float32 error, for scale: nine chained 8192-term sums.
        err32 = float(np.max(np.abs(ref32 - ref)) / np.max(np.abs(ref)))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{key}: {tokens} tokens, invoke {ran:.2f} s, peak RSS so far {rss:.0f} MB; "
              f"max|y - numpy| / max|numpy| = {err:.3g} (NumPy float32 itself: {err32:.3g})")
        ok = ok and err < 1e-4
    print(f"file {os.path.getsize(a.model)} bytes, signatures {sigs}, load {loaded:.2f} s")
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

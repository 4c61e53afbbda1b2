#!/usr/bin/env python3
"""Benchmark: the Python call a model owner makes, `edge_tflite.convert(model, (x,))`
against `litert_torch.convert(model, (x,))`, on the same models in one run.

For each model (bench_convert.py's: random weights, fixed seed, eval mode):

  1. a child saves the weights, a fixed input and PyTorch's output
     (bench_convert.child_export);
  2. edge: a fresh child Python loads the weights and calls `edge_tflite.convert(model,
     (x,))` (torch.export included, as the call does it) and `.export(...)`; the call is
     timed inside, the child's peak RSS by GNU time (the largest process of its tree:
     the Python child or the edge-convert it starts);
  3. litert-torch: a fresh child calls `litert_torch.convert(model, (x,))` and
     `.export(...)` (bench_convert.child_litert), timed and measured alike;
  4. both files run in LiteRT on the input; the error is max|got - PyTorch| / max|PyTorch|.

edge_tflite is taken from this repository (`python/`) with the binaries of
--edge-bin-dir (default target/release: `cargo build --release -p edge-tools`), which
is what the wheel holds. Needs .venv-bench (`bash benchmarks/setup-litert-torch.sh`):

    .venv-bench/bin/python benchmarks/bench_python_api.py [--models resnet18,mobilenet_v3_small]
        [--work DIR] [--edge-bin-dir target/release]

Prints a table and the ratios (edge / litert-torch); asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_convert as bc  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MODELS = "resnet18,mobilenet_v2,mobilenet_v3_small,efficientnet_b0,vit_tiny"


def child_edge(name: str, work: str) -> None:
    """Converts the saved model with edge_tflite.convert, timing the call."""
    import torch

    import edge_tflite

    model, x, _ = bc.load_model_and_inputs(name, work)
    t0 = time.perf_counter()
    converted = edge_tflite.convert(model, (x,))
    t1 = time.perf_counter()
    converted.export(os.path.join(work, f"{name}.edge.tflite"))
    info = {"convert_s": t1 - t0, "write_s": time.perf_counter() - t1, "torch": torch.__version__}
    with open(os.path.join(work, f"{name}.edge.json"), "w") as f:
        json.dump(info, f)


def run_tflite(path: str, x):
    from ai_edge_litert.interpreter import Interpreter

    runner = Interpreter(model_path=path, num_threads=1).get_signature_runner()
    (name,) = runner.get_input_details()
    out = runner(**{name: x})
    return [out[k] for k in sorted(out)]


def bench(name: str, args, work: str) -> dict:
    import numpy as np

    py = args.python
    r: dict = {"model": name}
    export = bc.timed([py, __file__, "_export", name, work], 1800)
    if not export["ok"]:
        return {**r, "error": f"export: {export['error']}"}
    edge_env = ["env", f"PYTHONPATH={os.path.join(REPO, 'python')}", f"EDGE_TFLITE_BIN_DIR={args.edge_bin_dir}"]
    for who, cmd in (("edge", [*edge_env, py, __file__, "_edge", name, work]),
                     ("litert-torch", [py, os.path.join(REPO, "benchmarks/bench_convert.py"), "_litert", name, work])):
        t = bc.timed(cmd, 3600)
        if not t["ok"]:
            r[who] = {"error": t["error"]}
            continue
        with open(os.path.join(work, f"{name}.{who}.json")) as f:
            info = json.load(f)
        path = os.path.join(work, f"{name}.{who}.tflite")
        with np.load(os.path.join(work, f"{name}.inputs.npz")) as z:
            x = z["arg0"]
        with np.load(os.path.join(work, f"{name}.expected.npz")) as z:
            want = [z["out0"]]
        r[who] = {"convert_s": info["convert_s"], "peak_rss": t["peak_rss"], "bytes": os.path.getsize(path),
                  **bc.errors(run_tflite(path, x), want)}
    return r


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "_export":
        bc.child_export(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "_edge":
        child_edge(sys.argv[2], sys.argv[3])
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--models", default=DEFAULT_MODELS)
    p.add_argument("--work", default=None, help="keep the files here (default: a temporary directory)")
    p.add_argument("--edge-bin-dir", default=os.path.join(REPO, "target/release"))
    p.add_argument("--python", default=sys.executable, help="Python with torch, torchvision and litert-torch")
    args = p.parse_args()
    args.edge_bin_dir = os.path.abspath(args.edge_bin_dir)
    if not os.path.isfile(os.path.join(args.edge_bin_dir, "edge-convert")):
        raise SystemExit(f"no edge-convert in {args.edge_bin_dir}: cargo build --release -p edge-tools")
    work = args.work or tempfile.mkdtemp(prefix="edge-bench-python-")
    os.makedirs(work, exist_ok=True)
    rows = [bench(m, args, work) for m in args.models.split(",")]

    print(f"\nedge_tflite.convert vs litert_torch.convert (module in, .tflite out; files in {work})")
    head = f"{'model':<20} {'edge s':>8} {'l-t s':>8} {'ratio':>7} {'edge RSS':>9} {'l-t RSS':>9} {'ratio':>7} {'edge err':>9} {'l-t err':>9}"
    print(head)
    print("-" * len(head))
    ratios_t, ratios_m = [], []
    for r in rows:
        e, l = r.get("edge", {}), r.get("litert-torch", {})
        if "error" in r or "error" in e or "error" in l or "convert_s" not in e or "convert_s" not in l:
            print(f"{r['model']:<20} error: {r.get('error') or e.get('error') or l.get('error')}")
            continue
        rt, rm = e["convert_s"] / l["convert_s"], e["peak_rss"] / l["peak_rss"]
        ratios_t.append(rt)
        ratios_m.append(rm)
        print(f"{r['model']:<20} {e['convert_s']:>8.2f} {l['convert_s']:>8.2f} {rt:>7.3f} "
              f"{e['peak_rss'] / 1e9:>8.2f}G {l['peak_rss'] / 1e9:>8.2f}G {rm:>7.3f} "
              f"{e['max_error_rel_to_max_out']:>9.1e} {l['max_error_rel_to_max_out']:>9.1e}")
    if ratios_t:
        gm = lambda xs: __import__("math").prod(xs) ** (1 / len(xs))  # noqa: E731
        print(f"geometric mean ratio (edge / litert-torch): time {gm(ratios_t):.3f}, peak RSS {gm(ratios_m):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

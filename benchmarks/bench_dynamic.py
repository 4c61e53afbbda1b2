#!/usr/bin/env python3
"""Benchmark: LiteRT latency of a dynamic-shape model against the same model exported
static, at the min, a middle and the max size of its Dims.

For each family of the dynamic fixtures (fixtures/make_fixtures.py `dynamic_specs`:
cnn_batch, poolhead_batch, fcn_hw, enc_seq, dec_seq, dec_batch_seq; same modules, same
seeds, same Dim ranges and sizes):

  1. export (a child process with torch): the model once with `dynamic_shapes=` (as a
     user saves it; --decompose adds run_decompositions()), and once static at each of
     the three sizes; inputs and PyTorch's outputs at each size;
  2. edge: `edge-convert` on every archive (timed whole, as bench_convert.py does);
  3. LiteRT, 1 thread: the dynamic model resized to each size (`resize_tensor_input`
     + `allocate_tensors`) and the static model of that size, invoked alternately on
     the same inputs, --runs times after --warmup; the median latency of each, the
     ratio dynamic / static (issue 13 asks for <= 1.10x) and both models' max error
     against PyTorch divided by max|out|. Latencies are printed in microseconds (the
     JSON keeps milliseconds, as bench_convert.py's).

    .venv-bench/bin/python benchmarks/bench_dynamic.py [--models cnn_batch,dec_seq]
        [--runs 200] [--warmup 20] [--keep DIR] [--json PATH] [--edge-bin PATH] [--decompose]
        [--seed N] [--no-xnnpack]

--seed N (not 0) draws other weights and inputs: models of the same families that are
not in the repository, checked against PyTorch at the same sizes. --no-xnnpack runs
both models on LiteRT's builtin kernels only: the part of a gap that XNNPACK (the
default delegate) makes, by taking more of the static model than of the dynamic one,
goes away.

Default --edge-bin is target/debug/edge-convert (the converter's build does not change
LiteRT's latency). A family that edge cannot convert yet is reported with the first
lines of its error and the run goes on. The fixtures are small (microseconds per
invoke), so fixed per-invoke costs weigh more than in real models; figures come from
this machine and run and are printed, never asserted. On a shared machine compare
ratios and rerun.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bench_convert as bc  # noqa: E402  (timing and LiteRT helpers; imports no torch)

FAMILIES = ["cnn_batch", "poolhead_batch", "fcn_hw", "enc_seq", "dec_seq", "dec_batch_seq"]
SIZES = ("min", "mid", "max")
TARGET_RATIO = 1.10


# --- child: exports (imports torch and the fixture generator) -------------------------


def child_export(name: str, work: str, decompose: bool, seed: int) -> None:
    """Writes NAME.dynamic.pt2, NAME.<size>.static.pt2 and NAME.<size>.{inputs,expected}.npz.
    Seed 0 gives the fixture's weights and data; another seed a model that is not in the
    repository (same family, other weights and inputs)."""
    import numpy as np
    import torch
    from torch.export import Dim

    sys.path.insert(0, os.path.join(ROOT, "fixtures"))
    import make_fixtures as mf

    spec = {s[0]: s for s in mf.dynamic_specs()}[name]
    _, make_module, dims, make_inputs, make_dynamic = spec
    tag = name if seed == 0 else f"{name}#{seed}"
    seed = mf.seed_of(tag)
    torch.manual_seed(seed)
    module = make_module()
    mf.randomize_norms(module, torch.Generator().manual_seed(seed + 1))
    module.eval()
    at = {label: {k: v[i] for k, v in dims.items()} for i, label in enumerate(SIZES)}
    r = mf.Rand(tag)
    inputs = {label: make_inputs(r, at[label]) for label in SIZES}
    dim_objs = {k: Dim(k, min=lo, max=hi) for k, (lo, _, hi) in dims.items()}

    def save(ep, path):
        if decompose:
            ep = ep.run_decompositions()
        torch.export.save(ep, path)

    save(torch.export.export(module, tuple(inputs["mid"].values()), dynamic_shapes=make_dynamic(dim_objs)),
         os.path.join(work, f"{name}.dynamic.pt2"))
    info = {"dims": dims, "sizes": {}}
    for label in SIZES:
        args = tuple(inputs[label].values())
        with torch.no_grad():
            outs = mf.flat_tensors(module(*args))
        np.savez(os.path.join(work, f"{name}.{label}.inputs.npz"), *[a.numpy() for a in args])
        np.savez(os.path.join(work, f"{name}.{label}.expected.npz"), *[o.numpy() for o in outs])
        save(torch.export.export(module, args), os.path.join(work, f"{name}.{label}.static.pt2"))
        info["sizes"][label] = {"dims": at[label], "inputs": [list(a.shape) for a in args]}
    with open(os.path.join(work, f"{name}.export.json"), "w") as f:
        json.dump(info, f)


# --- parent: converting and timing (no torch) -----------------------------------------


class ResizedRunner(bc.Runner):
    """bench_convert's Runner, with the inputs resized to the arrays' shapes first (a
    dynamic model's file shapes hold 1 where its dims are dynamic)."""

    def __init__(self, path: str, inputs: list, xnnpack: bool = True):
        from ai_edge_litert.interpreter import Interpreter, OpResolverType

        # Without XNNPACK (LiteRT's default delegate) every op runs in the builtin kernels.
        kw = {} if xnnpack else {"experimental_op_resolver_type": OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES}
        self.interp = Interpreter(model_path=path, num_threads=1, **kw)
        self.ins = self.interp.get_input_details()
        if len(self.ins) != len(inputs):
            raise ValueError(f"the model has {len(self.ins)} inputs, PyTorch's model {len(inputs)}")
        for d, a in zip(self.ins, inputs):
            if tuple(d["shape"]) != a.shape:
                self.interp.resize_tensor_input(d["index"], list(a.shape), strict=True)
        self.interp.allocate_tensors()
        self.ins = self.interp.get_input_details()
        self.outs = self.interp.get_output_details()
        self.set_inputs(inputs)


def load_npz(path: str) -> list:
    import numpy as np

    with np.load(path) as z:
        return [z[f"arr_{i}"] for i in range(len(z.files))]


def convert(edge_bin: str, pt2: str) -> dict[str, Any]:
    out = pt2[: -len(".pt2")] + ".tflite"
    r = bc.timed([edge_bin, pt2, "-o", out, "-q"], bc.CONVERT_TIMEOUT)
    r["path"] = out
    return r


def bench_family(name: str, args, work: str) -> dict[str, Any]:
    res: dict[str, Any] = {"family": name, "sizes": {}}
    cmd = [args.python, os.path.abspath(__file__), "_export", name, work, str(args.seed)] + (["decompose"] if args.decompose else [])
    r = bc.timed(cmd, bc.CONVERT_TIMEOUT)
    if not r["ok"]:
        res["error"] = "export: " + (r["error"] or "")
        return res
    with open(os.path.join(work, f"{name}.export.json")) as f:
        res.update(json.load(f))
    dyn = convert(args.edge_bin, os.path.join(work, f"{name}.dynamic.pt2"))
    res["dynamic_convert"] = {k: dyn[k] for k in ("ok", "wall_s", "error")}
    for label in SIZES:
        row = res["sizes"].setdefault(label, {})
        inputs = load_npz(os.path.join(work, f"{name}.{label}.inputs.npz"))
        expected = load_npz(os.path.join(work, f"{name}.{label}.expected.npz"))
        static = convert(args.edge_bin, os.path.join(work, f"{name}.{label}.static.pt2"))
        paths = {}
        for kind, conv in (("static", static), ("dynamic", dyn)):
            row[kind] = {"convert_ok": conv["ok"]}
            if conv["ok"]:
                paths[kind] = conv["path"]
            else:
                row[kind]["error"] = conv["error"]
        runners = {}
        for kind, path in paths.items():
            try:
                runner = ResizedRunner(path, inputs, xnnpack=not args.no_xnnpack)
                runner.invoke()
                row[kind].update(bc.errors(runner.outputs(), expected))
                counted = bc.count_ops(path)
                row[kind]["ops"] = counted["ops"]
                row[kind]["ops_by_name"] = counted["by_name"]
                runners[kind] = runner
            except Exception as e:  # LiteRT refuses to load, resize or run the model
                row[kind]["run_error"] = f"{type(e).__name__}: {e}".strip()[:2000]
        for _ in range(args.warmup):
            for runner in runners.values():
                runner.invoke()
        times: dict[str, list[float]] = {k: [] for k in runners}
        for _ in range(args.runs):
            for kind, runner in runners.items():
                times[kind].append(runner.invoke())
        for kind, t in times.items():
            row[kind]["latency_ms"] = statistics.median(t) * 1e3
            row[kind]["latency_min_ms"] = min(t) * 1e3
        if "static" in times and "dynamic" in times:
            row["ratio"] = row["dynamic"]["latency_ms"] / row["static"]["latency_ms"]
    return res


def print_family(res: dict[str, Any]) -> None:
    print(f"\n{res['family']}  dims {res.get('dims', '?')}")
    if "error" in res:
        print(bc.indent(res["error"]))
        return
    if not res["dynamic_convert"]["ok"]:
        print("  dynamic export does not convert yet:")
        print(bc.indent(res["dynamic_convert"]["error"] or ""))
    print(f"  {'size':18s} {'static us':>10s} {'dynamic us':>11s} {'ratio':>7s} {'ops s/d':>8s} {'err/max s':>10s} {'err/max d':>10s}")
    for label, row in res["sizes"].items():
        dims = ",".join(f"{k}={v}" for k, v in row.get("dims", {}).items())
        s, d = row.get("static", {}), row.get("dynamic", {})
        ratio = row.get("ratio")
        flag = "" if ratio is None else ("  ok" if ratio <= TARGET_RATIO else f"  > {TARGET_RATIO}x")
        us = [None if x.get("latency_ms") is None else x["latency_ms"] * 1e3 for x in (s, d)]
        print(f"  {label + ' ' + dims:18s} {bc.num(us[0], '{:.1f}'):>10s} {bc.num(us[1], '{:.1f}'):>11s} "
              f"{bc.num(ratio, '{:.2f}x'):>7s} {str(s.get('ops', '-')) + '/' + str(d.get('ops', '-')):>8s} "
              f"{bc.num(s.get('max_error_rel_to_max_out'), '{:.1e}'):>10s} {bc.num(d.get('max_error_rel_to_max_out'), '{:.1e}'):>10s}{flag}")
        for kind in ("static", "dynamic"):
            err = row.get(kind, {}).get("run_error") or (row.get(kind, {}).get("error") if kind == "static" else None)
            if err:
                print(f"    {kind}: " + err.splitlines()[0])
    # Where the time goes: the ops the dynamic model has beyond the static one (at mid).
    mid = res["sizes"].get("mid", {})
    s_ops, d_ops = (mid.get(k, {}).get("ops_by_name") for k in ("static", "dynamic"))
    if s_ops is not None and d_ops is not None:
        diff = {n: d_ops.get(n, 0) - s_ops.get(n, 0) for n in sorted(set(s_ops) | set(d_ops))}
        diff = {n: k for n, k in diff.items() if k}
        if diff:
            print("  ops dynamic - static (mid): " + ", ".join(f"{n} {k:+d}" for n, k in sorted(diff.items(), key=lambda kv: (-kv[1], kv[0]))))


def main() -> int:
    if len(sys.argv) in (5, 6) and sys.argv[1] == "_export":
        child_export(sys.argv[2], sys.argv[3], decompose=sys.argv[5:] == ["decompose"], seed=int(sys.argv[4]))
        return 0
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default=",".join(FAMILIES), help="comma-separated families (default: all six)")
    p.add_argument("--runs", type=int, default=200, help="timed invokes per model and size (default 200)")
    p.add_argument("--warmup", type=int, default=20, help="untimed invokes first (default 20)")
    p.add_argument("--keep", metavar="DIR", help="keep the archives, .tflite files and npz in DIR")
    p.add_argument("--json", metavar="PATH", default=os.path.join(ROOT, "target", "bench", "bench_dynamic.json"),
                   help="write every figure here (default target/bench/bench_dynamic.json)")
    p.add_argument("--edge-bin", metavar="PATH", default=os.path.join(ROOT, "target", "debug", "edge-convert"),
                   help="edge-convert to run (default target/debug/edge-convert)")
    p.add_argument("--decompose", action="store_true", help="save the archives after run_decompositions()")
    p.add_argument("--no-xnnpack", action="store_true",
                   help="run without LiteRT's default XNNPACK delegate (builtin kernels only)")
    p.add_argument("--seed", type=int, default=0,
                   help="0: the fixtures' weights and inputs; other values: other weights and inputs (default 0)")
    p.add_argument("--python", default=sys.executable, help="Python with torch for the export child (default: this one)")
    args = p.parse_args()
    names = [n for n in args.models.split(",") if n]
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        p.error(f"unknown families {unknown}; known: {', '.join(FAMILIES)}")
    if args.runs < 1:
        p.error("--runs must be >= 1")
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("benchmarks need GNU time: apt-get install time")
    if not os.path.exists(args.edge_bin):
        raise SystemExit(f"no edge-convert at {args.edge_bin}: cargo build -p edge-tools, or give --edge-bin")
    args.edge_bin = os.path.abspath(args.edge_bin)
    tmp = None
    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="edge-bench-dynamic-")
        work = tmp.name
    results = []
    for name in names:
        res = bench_family(name, args, work)
        results.append(res)
        print_family(res)
    ratios = [row["ratio"] for r in results for row in r["sizes"].values() if row.get("ratio") is not None]
    if ratios:
        print(f"\ndynamic / static latency over {len(ratios)} sizes: median {statistics.median(ratios):.2f}x, "
              f"worst {max(ratios):.2f}x (target <= {TARGET_RATIO}x); {args.runs} runs each, 1 thread")
    else:
        print("\nno family converts both ways yet: no ratio to report")
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as f:
        json.dump({"runs": args.runs, "warmup": args.warmup, "decompose": args.decompose, "seed": args.seed,
                   "xnnpack": not args.no_xnnpack,
                   "families": bc.jsonable(results)}, f, indent=1)
        f.write("\n")
    print(f"figures in {args.json}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

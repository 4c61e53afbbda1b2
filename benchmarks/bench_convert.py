#!/usr/bin/env python3
"""Benchmark: converting PyTorch models to TFLite with edge and with litert-torch.

For each model (random weights, fixed seed, eval mode) in one run:

  1. export: torch.export.export (as a user saves it; --decompose adds
     run_decompositions(), as edge's fixtures do) and torch.export.save to MODEL.pt2; the weights (state_dict), fixed random inputs and
     PyTorch's outputs are saved next to it;
  2. edge: `edge-convert MODEL.pt2 -o MODEL.edge.tflite` as a process, timed whole
     (wall time and peak RSS from GNU time);
  3. litert-torch: a child Python loads the same weights and inputs and calls
     `litert_torch.convert(model, (x,))` then `.export(MODEL.litert-torch.tflite)`;
     the convert call is timed inside, the child's peak RSS by GNU time;
  4. both .tflite files: operators counted from the flatbuffer (every subgraph, the
     same code for both), TRANSPOSE count, file size, LiteRT latency with 1 thread
     (median of --runs invokes after warmup, the two models timed alternately on the
     same inputs) and the max abs error against PyTorch's outputs (also divided by
     max|out|).

Set up once with `bash benchmarks/setup-litert-torch.sh` (creates .venv-bench with
litert-torch, torch 2.14.1, torchvision 0.29.2), then:

    .venv-bench/bin/python benchmarks/bench_convert.py [--models resnet18,vit_tiny]
        [--runs 50] [--keep DIR] [--json PATH] [--edge-bin PATH] [--no-build]

Models: resnet18, mobilenet_v2, mobilenet_v3_small, efficientnet_b0,
shufflenet_v2_x0_5 (torchvision, 1000 classes) and vit_tiny: torchvision's
VisionTransformer with ViT-Ti widths (patch 16, hidden 192, 3 heads, MLP 768) but 4
encoder layers instead of 12; and gpt_block, one GPT-2-style decoder block (width 192,
3 heads, causal mask, tanh GELU) on float32 [1, 64, 192] hidden states. Every other
input is one float32 [1, 3, 224, 224] image. Random
weights (seed 0): every Linear gets N(0, 1/in_features) weights (torchvision's ViT head
starts at zero), and BatchNorm statistics are measured on a random batch, so that the
outputs depend on the input (std and max|out| are printed).

A model that a converter cannot convert is reported with the first lines of its error
and the run goes on. Without --edge-bin, edge-tools is built in release mode first.

The figures come from this machine and this run; they are printed, never asserted.
On a shared machine (other builds running) timings are noisy: compare ratios, rerun.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODELS = ["resnet18", "mobilenet_v2", "mobilenet_v3_small", "efficientnet_b0", "shufflenet_v2_x0_5", "vit_tiny", "gpt_block"]

# Input shape per model: images, except gpt_block's hidden states [batch, tokens, width].
INPUT_SHAPES = {"gpt_block": (1, 64, 192)}
SEED = 0
ERROR_LINES = 8  # lines of a converter's error kept in the report
CONVERT_TIMEOUT = 1800  # seconds, per converter and model


# --- the models (used by the child processes, which import torch) --------------------


def build_model(name: str, calibrate: bool = True):
    """The model with its random weights; calibrate=False when a state_dict is loaded next."""
    import torch
    import torchvision

    torch.manual_seed(SEED)
    if name == "gpt_block":
        model = gpt_block()
    elif name == "vit_tiny":
        model = torchvision.models.VisionTransformer(
            image_size=224, patch_size=16, num_layers=4, num_heads=3, hidden_dim=192, mlp_dim=768
        )
    elif name in MODELS:
        model = getattr(torchvision.models, name)(weights=None)
    else:
        raise SystemExit(f"unknown model {name!r} (known: {', '.join(MODELS)})")
    # Every Linear (the classification head above all: torchvision's ViT head starts at
    # zero, the MobileNets' at N(0, 0.01)) gets weights N(0, 1/in_features), so that
    # features reach the output instead of the output being (near) the head's bias.
    g = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.Linear):
                m.weight.copy_(torch.randn(m.weight.shape, generator=g) / math.sqrt(m.in_features))
                if m.bias is not None:
                    m.bias.copy_(torch.randn(m.bias.shape, generator=g) * 0.01)
    if calibrate:
        calibrate_batchnorm(model)
    return model.eval()


def gpt_block():
    """One GPT-2-style decoder block (width 192, 3 heads): pre-norm causal self-attention
    written out as GPT code does (fused qkv, split heads, masked scores, softmax), then
    a tanh-GELU MLP, each with its residual."""
    import torch
    from torch import nn

    class Block(nn.Module):
        def __init__(self, d=192, heads=3, tokens=64):
            super().__init__()
            self.heads = heads
            self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
            self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
            self.fc, self.out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)
            self.register_buffer("mask", torch.tril(torch.ones(tokens, tokens, dtype=torch.bool)))

        def forward(self, x):
            b, t, d = x.shape
            q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
            q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
            att = (q @ k.transpose(-2, -1)) / math.sqrt(d // self.heads)
            att = att.masked_fill(~self.mask[:t, :t], float("-inf")).softmax(dim=-1)
            y = (att @ v).transpose(1, 2).reshape(b, t, d)
            x = x + self.proj(y)
            return x + self.out(nn.functional.gelu(self.fc(self.ln2(x)), approximate="tanh"))

    return Block()


def calibrate_batchnorm(model) -> None:
    """BatchNorm running statistics measured on a random batch. With the initial ones
    (mean 0, variance 1) the activations of the randomly initialised MobileNets and
    EfficientNet shrink to ~1e-8 and the output is the head's bias alone, which any
    converter reproduces; after this each BatchNorm normalises what it really sees."""
    import torch

    bns = [m for m in model.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm)]
    if not bns:
        return
    for m in bns:
        m.reset_running_stats()
        m.momentum = None  # a plain average over the batches seen
    model.train()
    with torch.no_grad():
        model(torch.randn(8, 3, 224, 224, generator=torch.Generator().manual_seed(SEED + 3)))
    for m in bns:
        m.momentum = 0.1


def child_export(name: str, work: str, decompose: bool = False) -> None:
    """Builds the model, saves weights, inputs and PyTorch's outputs, exports the .pt2."""
    import numpy as np
    import torch

    model = build_model(name)
    x = torch.randn(*INPUT_SHAPES.get(name, (1, 3, 224, 224)), generator=torch.Generator().manual_seed(SEED + 2))
    with torch.no_grad():
        y = model(x)
    torch.save(model.state_dict(), os.path.join(work, f"{name}.state.pt"))
    np.savez(os.path.join(work, f"{name}.inputs.npz"), arg0=x.numpy())
    np.savez(os.path.join(work, f"{name}.expected.npz"), out0=y.numpy())
    t0 = time.perf_counter()
    ep = torch.export.export(model, (x,))
    if decompose:
        ep = ep.run_decompositions()
    t1 = time.perf_counter()
    torch.export.save(ep, os.path.join(work, f"{name}.pt2"))
    t2 = time.perf_counter()
    info = {
        "torch": torch.__version__,
        "export_s": t1 - t0,
        "save_s": t2 - t1,
        "decomposed": decompose,
        "out_max_abs": float(y.abs().max()),
        "out_std": float(y.std()),
    }
    with open(os.path.join(work, f"{name}.export.json"), "w") as f:
        json.dump(info, f)


def child_litert(name: str, work: str) -> None:
    """Converts the saved model with litert-torch, timing the convert call."""
    import resource

    import numpy as np
    import torch

    try:
        import litert_torch as lt
    except ImportError as e1:
        try:
            import ai_edge_torch as lt  # the package's former name
        except ImportError:
            raise SystemExit(f"cannot import litert_torch ({e1}) nor ai_edge_torch: "
                             "run bash benchmarks/setup-litert-torch.sh, use .venv-bench/bin/python") from None
    model = build_model(name, calibrate=False)
    model.load_state_dict(torch.load(os.path.join(work, f"{name}.state.pt")))
    with np.load(os.path.join(work, f"{name}.inputs.npz")) as z:
        x = torch.from_numpy(z["arg0"])
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t0 = time.perf_counter()
    converted = lt.convert(model, (x,))
    t1 = time.perf_counter()
    converted.export(os.path.join(work, f"{name}.litert-torch.tflite"))
    t2 = time.perf_counter()
    info = {
        "package": lt.__name__,
        "version": getattr(lt, "__version__", None),
        "torch": torch.__version__,
        "convert_s": t1 - t0,
        "write_s": t2 - t1,
        "peak_rss_before_convert": rss_before,
    }
    with open(os.path.join(work, f"{name}.litert-torch.json"), "w") as f:
        json.dump(info, f)


# --- running processes ----------------------------------------------------------------


def timed(cmd: list[str], timeout: int) -> dict[str, Any]:
    """Runs cmd under GNU time: {ok, wall_s, peak_rss, error}. This process never
    imports torch, so the child's high-water mark is its own."""
    fmt = "EDGE-BENCH-TIME %e %M"
    t0 = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-f", fmt, *cmd], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"ok": False, "wall_s": time.perf_counter() - t0, "peak_rss": None, "error": f"timed out after {timeout} s"}
    wall, rss, lines = time.perf_counter() - t0, None, []
    for line in p.stderr.splitlines():
        if line.startswith("EDGE-BENCH-TIME "):
            _, w, kb = line.split()
            wall, rss = float(w), int(kb) * 1024
        elif not line.startswith("Command exited with non-zero status"):
            lines.append(line)
    r: dict[str, Any] = {"ok": p.returncode == 0, "wall_s": wall, "peak_rss": rss, "error": None}
    if p.returncode != 0:
        r["error"] = first_lines(lines, p.returncode)
    return r


def first_lines(lines: list[str], code: int) -> str:
    """The head of an error output (a Python traceback: its last lines, where the error is)."""
    lines = [l for l in lines if l.strip()]
    more = max(0, len(lines) - ERROR_LINES)
    if any(l.startswith("Traceback (most recent call last)") for l in lines):
        lines = lines[-ERROR_LINES:]
        if more:
            lines.insert(0, f"... ({more} lines before)")
    else:
        lines = lines[:ERROR_LINES]
        if more:
            lines.append(f"... ({more} more lines)")
    return "\n".join(lines) or f"exit status {code}, no output"


# --- looking at a .tflite ---------------------------------------------------------------


def count_ops(path: str) -> dict[str, Any]:
    """Operators of every subgraph, by name, read from the flatbuffer."""
    from ai_edge_litert import schema_py_generated as fb

    with open(path, "rb") as f:
        buf = f.read()
    m = fb.Model.GetRootAsModel(buf, 0)
    names = {v: k for k, v in vars(fb.BuiltinOperator).items() if not k.startswith("_")}
    codes = []
    for i in range(m.OperatorCodesLength()):
        c = m.OperatorCodes(i)
        code = max(c.BuiltinCode(), c.DeprecatedBuiltinCode())
        name = names.get(code, f"BUILTIN_{code}")
        if name == "CUSTOM":
            name = "CUSTOM:" + (c.CustomCode() or b"").decode()
        codes.append(name)
    by_name: dict[str, int] = {}
    for s in range(m.SubgraphsLength()):
        sg = m.Subgraphs(s)
        for o in range(sg.OperatorsLength()):
            n = codes[sg.Operators(o).OpcodeIndex()]
            by_name[n] = by_name.get(n, 0) + 1
    return {
        "ops": sum(by_name.values()),
        "transposes": by_name.get("TRANSPOSE", 0),
        "subgraphs": m.SubgraphsLength(),
        "by_name": dict(sorted(by_name.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


class Runner:
    """One model in LiteRT (1 thread, the default CPU kernels), inputs bound by position."""

    def __init__(self, path: str, inputs: list):
        import numpy as np
        from ai_edge_litert.interpreter import Interpreter

        self.interp = Interpreter(model_path=path, num_threads=1)
        ins = self.interp.get_input_details()
        if len(ins) != len(inputs):
            raise ValueError(f"the model has {len(ins)} inputs, PyTorch's model {len(inputs)}")
        for d, a in zip(ins, inputs):
            if tuple(d["shape"]) != a.shape:
                raise ValueError(f"input shape {list(d['shape'])} != PyTorch's {list(a.shape)}")
        self.interp.allocate_tensors()
        for d, a in zip(ins, inputs):
            self.interp.set_tensor(d["index"], a.astype(np.dtype(d["dtype"])))
        self.outs = self.interp.get_output_details()

    def invoke(self) -> float:
        t0 = time.perf_counter()
        self.interp.invoke()
        return time.perf_counter() - t0

    def outputs(self) -> list:
        import numpy as np

        return [np.array(self.interp.get_tensor(d["index"])) for d in self.outs]


def errors(got: list, expected: list) -> dict[str, Any]:
    import numpy as np

    if len(got) != len(expected):
        return {"error": f"{len(got)} outputs, PyTorch has {len(expected)}"}
    worst_abs, worst_rel = 0.0, 0.0
    for g, e in zip(got, expected):
        if g.shape != e.shape:
            return {"error": f"output shape {list(g.shape)} != PyTorch's {list(e.shape)}"}
        d = float(np.max(np.abs(g.astype(np.float64) - e.astype(np.float64))))
        d = math.inf if math.isnan(d) else d
        scale = float(np.max(np.abs(e)))
        worst_abs = max(worst_abs, d)
        worst_rel = max(worst_rel, d / scale if scale > 0 else (0.0 if d == 0 else math.inf))
    return {"max_abs_error": worst_abs, "max_error_rel_to_max_out": worst_rel}


def measure(paths: dict[str, str], inputs: list, expected: list, runs: int, warmup: int, res: dict) -> None:
    """Fills res[conv] with ops, size, error and latency of each converter's .tflite.
    The models are invoked alternately so that load from other processes hits both alike."""
    runners = {}
    for conv, path in paths.items():
        r = res[conv]
        try:
            r.update(count_ops(path))
            r["size"] = os.path.getsize(path)
            runner = Runner(path, inputs)
            runner.invoke()
            r.update(errors(runner.outputs(), expected))
            runners[conv] = runner
        except Exception as e:  # LiteRT refuses to load or run the model
            r["run_error"] = f"{type(e).__name__}: {e}".strip()[:2000]
    for _ in range(warmup):
        for runner in runners.values():
            runner.invoke()
    times: dict[str, list[float]] = {c: [] for c in runners}
    for _ in range(runs):
        for conv, runner in runners.items():
            times[conv].append(runner.invoke())
    for conv, t in times.items():
        res[conv]["latency_ms"] = statistics.median(t) * 1e3
        res[conv]["latency_min_ms"] = min(t) * 1e3


# --- one model --------------------------------------------------------------------------


def bench_model(name: str, args, work: str) -> dict[str, Any]:
    import numpy as np

    res: dict[str, Any] = {"model": name, "export": {}, "edge": {}, "litert_torch": {}}
    print(f"[{name}] export", file=sys.stderr, flush=True)
    r = timed([args.python, os.path.abspath(__file__), "_export", name, work] + (["decompose"] if args.decompose else []), CONVERT_TIMEOUT)
    if not r["ok"]:
        res["export"] = {"error": r["error"]}
        return res
    with open(os.path.join(work, f"{name}.export.json")) as f:
        res["export"] = json.load(f)
    pt2 = os.path.join(work, f"{name}.pt2")
    res["export"]["pt2_size"] = os.path.getsize(pt2)
    with np.load(os.path.join(work, f"{name}.inputs.npz")) as z:
        inputs = [z["arg0"]]
    with np.load(os.path.join(work, f"{name}.expected.npz")) as z:
        expected = [z["out0"]]

    paths = {}
    out = os.path.join(work, f"{name}.edge.tflite")
    if os.path.exists(out):
        os.remove(out)
    print(f"[{name}] edge-convert", file=sys.stderr, flush=True)
    if not os.access(args.edge_bin, os.X_OK):
        res["edge"] = {"error": f"{args.edge_bin} not found or not executable"}
    else:
        r = timed([args.edge_bin, pt2, "-o", out], CONVERT_TIMEOUT)
        res["edge"] = {"convert_s": r["wall_s"], "peak_rss": r["peak_rss"]}
        if not r["ok"]:
            res["edge"]["error"] = r["error"]
        elif not os.path.exists(out):
            res["edge"]["error"] = f"exit status 0 but no {out}"
        else:
            paths["edge"] = out

    out = os.path.join(work, f"{name}.litert-torch.tflite")
    if os.path.exists(out):
        os.remove(out)
    print(f"[{name}] litert-torch", file=sys.stderr, flush=True)
    r = timed([args.python, os.path.abspath(__file__), "_litert", name, work], CONVERT_TIMEOUT)
    res["litert_torch"] = {"process_s": r["wall_s"], "peak_rss": r["peak_rss"]}
    if r["ok"]:
        with open(os.path.join(work, f"{name}.litert-torch.json")) as f:
            res["litert_torch"].update(json.load(f))
        paths["litert_torch"] = out
    else:
        res["litert_torch"]["error"] = r["error"]

    print(f"[{name}] LiteRT: ops, errors, latency ({args.runs} runs)", file=sys.stderr, flush=True)
    measure(paths, inputs, expected, args.runs, args.warmup, res)
    return res


# --- report -------------------------------------------------------------------------------


def mb(x) -> str:
    return "-" if x is None else f"{x / 1e6:.1f}"


def num(x, f="{:.3g}") -> str:
    return "-" if x is None else f.format(x)


def ratio(a, b) -> float | None:
    return a / b if a is not None and b else None


def print_model(res: dict[str, Any]) -> None:
    e, l = res["edge"], res["litert_torch"]
    x = res["export"]
    print(f"\n== {res['model']} ==")
    if "error" in x:
        print("  export FAILED:\n" + indent(x["error"]))
        return
    how = "torch.export + run_decompositions" if x.get("decomposed") else "torch.export"
    print(f"  {how} {x['export_s']:.2f} s, save {x['save_s']:.2f} s, .pt2 {mb(x['pt2_size'])} MB; "
          f"PyTorch output max|out| {x['out_max_abs']:.3g}, std {x['out_std']:.3g}")
    rows = [
        ("convert s", e.get("convert_s"), l.get("convert_s"), "{:.2f}", "lt/edge"),
        ("process peak RSS MB", e.get("peak_rss"), l.get("peak_rss"), "MB", "lt/edge"),
        ("ops", e.get("ops"), l.get("ops"), "{}", "edge/lt"),
        ("TRANSPOSE ops", e.get("transposes"), l.get("transposes"), "{}", "edge/lt"),
        ("size MB", e.get("size"), l.get("size"), "MB", "edge/lt"),
        ("latency ms (1 thread)", e.get("latency_ms"), l.get("latency_ms"), "{:.2f}", "edge/lt"),
        ("max abs error", e.get("max_abs_error"), l.get("max_abs_error"), "{:.3g}", None),
        ("max error / max|out|", e.get("max_error_rel_to_max_out"), l.get("max_error_rel_to_max_out"), "{:.3g}", None),
    ]
    print(f"  {'':<24}{'edge':>12}{'litert-torch':>14}{'ratio':>18}")
    for label, a, b, f, rdir in rows:
        fa = mb(a) if f == "MB" else num(a, f)
        fb_ = mb(b) if f == "MB" else num(b, f)
        rr = (ratio(b, a) if rdir == "lt/edge" else ratio(a, b)) if rdir else None
        print(f"  {label:<24}{fa:>12}{fb_:>14}{num(rr, '{:.2f}') + (' ' + rdir if rr is not None else ''):>18}")
    if l.get("process_s") is not None and "error" not in l:
        print(f"  litert-torch child process in all (python + torch import, build, convert, write): {l['process_s']:.1f} s")
    for who, r in (("edge", e), ("litert-torch", l)):
        for k in ("error", "run_error"):
            if r.get(k):
                print(f"  {who} {'FAILED to convert' if k == 'error' else 'model FAILED in LiteRT'}:\n" + indent(r[k]))


def indent(s: str) -> str:
    return "\n".join("    | " + line for line in s.splitlines())


def print_summary(results: list[dict[str, Any]], runs: int) -> float | None:
    print(f"\n== summary (latency: median of {runs} runs, 1 thread) ==")
    hdr = (f"{'model':<20}{'edge s':>8}{'lt s':>8}{'speedup':>8}{'ops e/lt':>10}{'T e/lt':>8}"
           f"{'MB e/lt':>12}{'lat ms e/lt':>14}{'lat e/lt':>9}{'err e':>9}{'err lt':>9}")
    print(hdr)
    lat_ratios = []
    for res in results:
        e, l = res["edge"], res["litert_torch"]

        def pair(k, f="{}", m=False):
            g = (lambda v: mb(v)) if m else (lambda v: num(v, f))
            return f"{g(e.get(k))}/{g(l.get(k))}"

        def status(r):
            return "FAIL" if "error" in r else ("RUNFAIL" if "run_error" in r else None)

        lr = ratio(e.get("latency_ms"), l.get("latency_ms"))
        if lr is not None:
            lat_ratios.append(lr)
        es = status(e) or num(e.get("convert_s"), "{:.2f}")
        ls = status(l) or num(l.get("convert_s"), "{:.2f}")
        print(
            f"{res['model']:<20}{es:>8}{ls:>8}{num(ratio(l.get('convert_s'), e.get('convert_s')) if 'error' not in e else None, '{:.1f}x'):>8}"
            f"{pair('ops'):>10}{pair('transposes'):>8}{pair('size', m=True):>12}{pair('latency_ms', '{:.1f}'):>14}"
            f"{num(lr, '{:.2f}'):>9}{num(e.get('max_error_rel_to_max_out'), '{:.1e}'):>9}"
            f"{num(l.get('max_error_rel_to_max_out'), '{:.1e}'):>9}"
        )
    med = statistics.median(lat_ratios) if lat_ratios else None
    print(f"median latency ratio edge/litert-torch: {num(med, '{:.2f}')} (over {len(lat_ratios)} models)")
    print("speedup = litert-torch convert call / edge-convert process; err = max abs error / max|PyTorch out|")
    return med


def jsonable(x):
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    if isinstance(x, dict):
        return {k: jsonable(v) for k, v in x.items()}
    if isinstance(x, list):
        return [jsonable(v) for v in x]
    return x


def main() -> int:
    if len(sys.argv) in (4, 5) and sys.argv[1] == "_export":
        child_export(sys.argv[2], sys.argv[3], decompose=sys.argv[4:] == ["decompose"])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "_litert":
        child_litert(sys.argv[2], sys.argv[3])
        return 0
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--models", default=",".join(MODELS), help="comma-separated (default: all seven)")
    p.add_argument("--runs", type=int, default=50, help="timed LiteRT invokes per model (default 50)")
    p.add_argument("--warmup", type=int, default=5, help="untimed invokes first (default 5)")
    p.add_argument("--keep", metavar="DIR", help="keep .pt2, .tflite, inputs and outputs in DIR")
    p.add_argument("--json", metavar="PATH", default=os.path.join(ROOT, "target", "bench", "bench_convert.json"),
                   help="write every figure here (default target/bench/bench_convert.json)")
    p.add_argument("--edge-bin", metavar="PATH", help="edge-convert to run (default: target/release/edge-convert, built first)")
    p.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    p.add_argument("--decompose", action="store_true", help="save the .pt2 after run_decompositions() (default: as torch.export.export returns it)")
    p.add_argument("--python", default=sys.executable,
                   help="Python with torch, torchvision and litert-torch for the child processes (default: this one)")
    args = p.parse_args()
    names = [n for n in args.models.split(",") if n]
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        p.error(f"unknown models {unknown}; known: {', '.join(MODELS)}")
    if args.runs < 1:
        p.error("--runs must be >= 1")
    if not os.path.exists("/usr/bin/time"):
        raise SystemExit("benchmarks need GNU time: apt-get install time")
    try:
        import numpy  # noqa: F401
        from ai_edge_litert.interpreter import Interpreter  # noqa: F401
    except ImportError as e:
        raise SystemExit(f"needs numpy and ai-edge-litert ({e}); run with .venv-bench/bin/python "
                         "after bash benchmarks/setup-litert-torch.sh")
    if args.edge_bin is None:
        args.edge_bin = os.path.join(ROOT, "target", "release", "edge-convert")
        if not args.no_build:
            print("building edge-tools (release)...", file=sys.stderr)
            b = subprocess.run(["cargo", "build", "--release", "-q", "-p", "edge-tools"], cwd=ROOT)
            if b.returncode != 0:
                print("cargo build failed; going on with what is in target/release", file=sys.stderr)
    args.edge_bin = os.path.abspath(args.edge_bin)

    tmp = None
    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="edge-bench-convert-")
        work = tmp.name

    versions = subprocess.run(
        [args.python, "-c",
         "import importlib.metadata as m, json\n"
         "v = {}\n"
         "for p in ('litert-torch', 'ai-edge-torch', 'torch', 'torchvision', 'ai-edge-litert', 'litert-converter', 'numpy'):\n"
         "    try: v[p] = m.version(p)\n"
         "    except m.PackageNotFoundError: pass\n"
         "print(json.dumps(v))"],
        capture_output=True, text=True,
    )
    report: dict[str, Any] = {
        "edge_bin": args.edge_bin,
        "python": args.python,
        "versions": json.loads(versions.stdout) if versions.returncode == 0 else {},
        "runs": args.runs,
        "warmup": args.warmup,
        "threads": 1,
        "cpu_count": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "models": [],
    }
    print("versions: " + ", ".join(f"{k} {v}" for k, v in report["versions"].items()))
    print(f"edge-convert: {args.edge_bin}; load average at start {report['loadavg_start'][0]:.2f} on {os.cpu_count()} cores")
    for name in names:
        try:
            res = bench_model(name, args, work)
        except Exception as e:  # a bug here must not lose the other models
            import traceback

            res = {"model": name, "export": {"error": traceback.format_exc()[-2000:]}, "edge": {}, "litert_torch": {}}
            print(f"[{name}] benchmark error: {e}", file=sys.stderr)
        report["models"].append(res)
        print_model(res)
        sys.stdout.flush()
    report["loadavg_end"] = os.getloadavg()
    report["median_latency_ratio_edge_over_litert_torch"] = print_summary(report["models"], args.runs)
    print(f"load average at end {report['loadavg_end'][0]:.2f} on {os.cpu_count()} cores "
          "(other processes on the machine make timings noisy)")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(jsonable(report), f, indent=2)
        print(f"figures written to {args.json}")
    if args.keep:
        print(f"files kept in {work}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())

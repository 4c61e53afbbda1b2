#!/usr/bin/env python3
"""Decoder fixtures in LiteRT: each `decoder` entry of fixtures/manifest.json (a prefill and
a decode archive of one model, fixtures/decoder/, or one archive holding both programs) is
converted by edge-convert into one .tflite with a `prefill` and a `decode` signature
(`--signature prefill=P --signature decode=D`, or the archive alone), then run: the prefill on the stored tokens at positions 0..T-1, then the
stored decode tokens one by one at positions T, T+1, ..., each call on the state the call
before returned. The logits of every call must be within 1e-4 of max|logits| of PyTorch's
(the .reference.npz beside the archives, from the eager model chained the same way).

State: every signature input other than `tokens` and `input_pos` (the caches, passed in
and returned, or a mutated buffer as an extra input and output) starts at zeros and is fed
from the output of the same name of the call before; resource variables need nothing.

    .venv/bin/python runtime-check/run_decoder_litert.py --edge-convert target/debug/edge-convert \\
        --fixtures fixtures --work /tmp/dec [--only decoder_mqa] [--flags="--quantize dynamic-int8" --tol 0.05]

Prints `PASS|FAIL decoder/<name> <worst error> [reason]` per fixture and a last line
`N passed, M failed`; exits 1 when one fails. Needs numpy and ai-edge-litert only
(benchmarks/llama_decoder.py uses `run_chain` too).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shlex
import subprocess
import sys
import time

import numpy as np

FIXED_INPUTS = ("tokens", "input_pos")
TOL = 1e-4


def signature_runners(files: list[str]) -> dict:
    """{"prefill": runner, "decode": runner} from one .tflite with both signatures, or
    from `prefill=PATH decode=PATH` (one model each, its one signature)."""
    from ai_edge_litert.interpreter import Interpreter

    if len(files) == 1:
        it = Interpreter(model_path=files[0], num_threads=1)
        keys = it.get_signature_list()
        missing = [k for k in ("prefill", "decode") if k not in keys]
        if missing:
            raise ValueError(f"{files[0]}: signatures {sorted(keys)}, no {missing}")
        return {k: it.get_signature_runner(k) for k in ("prefill", "decode")}
    runners = {}
    for spec in files:
        k, path = spec.split("=", 1)
        it = Interpreter(model_path=path, num_threads=1)
        runners[k] = it.get_signature_runner(next(iter(it.get_signature_list())))
    return runners


def rel_error(got, want) -> float:
    d = float(np.max(np.abs(got.astype(np.float64) - want.astype(np.float64))))
    return math.inf if math.isnan(d) else d / float(np.max(np.abs(want)))


def run_chain(runners: dict, ref: dict) -> dict:
    """The prefill and the chained decode steps of ref (tokens [1, T], decode_tokens
    [S, 1, 1], prefill_logits, decode_logits_<s>): per-call errors, top-1 agreement and
    the call times."""
    state = {}
    for k in ("prefill", "decode"):
        ins = runners[k].get_input_details()
        for n, d in ins.items():
            if n not in FIXED_INPUTS:
                state.setdefault(n, np.zeros(d["shape"], d["dtype"]))
        for n in FIXED_INPUTS:
            if n not in ins:
                raise ValueError(f"{k}: no input {n!r} among {sorted(ins)}")
    outs = {k: set(r.get_output_details()) for k, r in runners.items()}
    for k, names in outs.items():
        lost = [n for n in state if n not in names and n in runners[k].get_input_details()]
        if lost or "logits" not in names:
            raise ValueError(f"{k}: outputs {sorted(names)} lack logits or the state {lost} (fed back by name)")

    def call(k, tokens, pos):
        r = runners[k]
        d = r.get_input_details()
        feed = {n: state[n] for n in d if n not in FIXED_INPUTS}
        feed["tokens"] = tokens.astype(d["tokens"]["dtype"])
        feed["input_pos"] = pos.astype(d["input_pos"]["dtype"])
        t0 = time.perf_counter()
        out = r(**feed)
        dt = time.perf_counter() - t0
        for n in feed:
            if n in state:
                state[n] = out[n]
        return out["logits"], dt

    t_len = ref["tokens"].shape[1]
    logits, dt = call("prefill", ref["tokens"], np.arange(t_len))
    errors, times = [rel_error(logits, ref["prefill_logits"])], [dt]
    agree = [int(x) for x in (logits.argmax(-1) == ref["prefill_logits"].argmax(-1)).ravel()]
    steps = ref["decode_tokens"].shape[0]
    for s in range(steps):
        logits, dt = call("decode", ref["decode_tokens"][s], np.array([t_len + s]))
        want = ref[f"decode_logits_{s}"]
        errors.append(rel_error(logits, want))
        times.append(dt)
        agree.append(int(logits.argmax(-1).item() == want.argmax(-1).item()))
    return {"errors": errors, "max_error": max(errors), "times": times, "top1_agree": sum(agree),
            "top1_of": len(agree), "decode_top1_agree": sum(agree[t_len:]), "decode_top1_of": steps,
            "state_inputs": sorted(state)}


def has_signature_flag(edge_convert: str) -> bool:
    return "--signature" in subprocess.run([edge_convert, "--help"], capture_output=True, text=True).stdout


def convert(edge_convert: str, archives: dict, out: str, flags: list[str]) -> list[str]:
    """The converted files (see signature_runners); raises with edge-convert's message.
    archives: {"prefill": P, "decode": D}, or {"package": A} (one archive holding both
    programs, each a signature named after its program)."""
    if "package" in archives:
        cmd, files = [edge_convert, archives["package"], "-o", out, "-q", *flags], [out]
    elif has_signature_flag(edge_convert):
        cmd = [edge_convert, *(a for k in ("prefill", "decode") for a in ("--signature", f"{k}={archives[k]}")),
               "-o", out, "-q", *flags]
        files = [out]
    else:  # one file per archive until edge-convert takes several signatures
        cmd, files = None, []
        for k in ("prefill", "decode"):
            o = out.replace(".tflite", f".{k}.tflite")
            p = subprocess.run([edge_convert, archives[k], "-o", o, "-q", *flags], capture_output=True, text=True)
            if p.returncode:
                raise RuntimeError(p.stderr.strip() or f"exit status {p.returncode}")
            files.append(f"{k}={o}")
    if cmd:
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode:
            raise RuntimeError(p.stderr.strip() or f"exit status {p.returncode}")
    return files


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--edge-convert", required=True)
    p.add_argument("--fixtures", required=True, help="the fixtures directory (with manifest.json)")
    p.add_argument("--work", required=True)
    p.add_argument("--only", default="", help="fixtures whose name starts with this")
    p.add_argument("--flags", default="", help="more edge-convert flags, e.g. '--quantize dynamic-int8'")
    p.add_argument("--tol", type=float, default=TOL, help="max|err| / max|logits| per call (default %(default)s)")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    manifest = json.load(open(os.path.join(args.fixtures, "manifest.json")))["archives"]
    entries = {n: e for n, e in manifest.items() if e["kind"] == "decoder" and n.startswith(args.only)}
    if not entries:
        print(f"no decoder fixtures matching {args.only!r}")
        print("0 passed, 1 failed")
        return 1
    passed = failed = 0
    for name, e in entries.items():
        archives = {k: os.path.join(args.fixtures, v) for k, v in e["archives"].items()}
        with np.load(os.path.join(args.fixtures, e["reference_npz"])) as z:
            ref = {k: z[k] for k in z.files}
        try:
            files = convert(args.edge_convert, archives, os.path.join(args.work, name + ".tflite"),
                            shlex.split(args.flags))
            r = run_chain(signature_runners(files), ref)
            ok = r["max_error"] <= args.tol
            reason = "" if ok else f"call {int(np.argmax(r['errors']))} off by {r['max_error']:.3g} of max|logits|"
            line = f"{r['max_error']:.3g} top-1 {r['top1_agree']}/{r['top1_of']} state {len(r['state_inputs'])}"
        except Exception as ex:  # noqa: BLE001 (conversion or LiteRT refused: report, go on)
            ok, line, reason = False, "-", f"{type(ex).__name__}: {ex}".replace("\n", " | ")[:600]
        passed += ok
        failed += not ok
        print(f"{'PASS' if ok else 'FAIL'} decoder/{name} {line}" + (f"  # {reason}" if reason else ""), flush=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Which tensors of a .tflite LiteRT leaves dynamic after resizing and allocating: those
it re-plans on every invoke and keeps out of XNNPACK. A well-converted dynamic model has
none; each op printed is where dynamic tensors start (its inputs are all sized).

    .venv/bin/python runtime-check/dynamic_tensors.py MODEL.tflite --inputs IN.npz

Inputs are resized to the npz's shapes (keys in input order). A tensor counts as dynamic
when LiteRT has no data for it right after `allocate_tensors` (interpreter built with
`experimental_preserve_all_tensors`, so every allocated tensor is readable). Exit 0
with none, 1 with some, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
import warnings

import numpy as np


def dynamic_origins(model: str, feeds: list) -> tuple[int, int, list[str]]:
    """(dynamic tensors, all tensors, "op N NAME -> tensors" where dynamic ones start)
    for `model` resized to the shapes of `feeds` (arrays in input order)."""
    warnings.filterwarnings("ignore")
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_path=model, experimental_preserve_all_tensors=True, num_threads=1)
    for d, x in zip(it.get_input_details(), feeds):
        it.resize_tensor_input(d["index"], list(x.shape))
    it.allocate_tensors()
    tensors = it.get_tensor_details()
    dynamic = set()
    for t in tensors:
        try:
            it.get_tensor(t["index"])
        except ValueError:
            dynamic.add(t["index"])
    origins = []
    for op in it._get_ops_details():  # noqa: SLF001 (the only per-op listing LiteRT's Python API has)
        if any(o in dynamic for o in op["outputs"]) and not any(i in dynamic for i in op["inputs"]):
            names = [tensors[i]["name"] for i in op["outputs"] if i in dynamic]
            origins.append(f"op {op['index']} {op['op_name']} -> {', '.join(names)}")
    return len(dynamic), len(tensors), origins


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model")
    ap.add_argument("--inputs", required=True)
    a = ap.parse_args()
    feeds = np.load(a.inputs)
    from ai_edge_litert.interpreter import Interpreter

    n_inputs = len(Interpreter(model_path=a.model).get_input_details())
    if n_inputs != len(feeds.files):
        print(f"dynamic-tensors: the model has {n_inputs} inputs, the npz {len(feeds.files)}", file=sys.stderr)
        return 2
    n, total, origins = dynamic_origins(a.model, [feeds[k] for k in feeds.files])
    for o in origins:
        print(f"  {o}")
    print(f"dynamic-tensors: {n} of {total} tensors dynamic after allocate_tensors")
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main())

"""Writes a torch.export archive with one float32 parameter of a given size, without
torch. For what no fixture may hold (weights past TFLite's 2 GB limit):

    python benchmarks/make_large_model.py OUT.pt2 --gib 2.9
        `y = x + p`, from the committed `aten.add.Tensor-alpha` fixture with its second
        input made a parameter; the parameter's storage is zeros, written in chunks (the
        archive takes that much disk).

    python benchmarks/make_large_model.py OUT.pt2 --table V D --inputs IN.npz --expected OUT.npz
        `embedding(table, indices)` from the `aten.embedding.default` fixture with a V x D
        float32 table whose element k (row-major) is (k % 1000003) * 1e-6 (rows differ, so
        a row read from a wrong place shows), written in chunks (the archive takes V * D * 4
        bytes). Writes indices (the fixture's shape, values spread over [0, V)) and NumPy's
        outputs for them (needs numpy). LiteRT runs it reading only the rows it gathers.
"""
import argparse
import json
import os
import zipfile

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ops", "aten.add.Tensor-alpha.pt2")
ROOT = "aten.add.Tensor-alpha"
TABLE_FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ops", "aten.embedding.default")


def tensor_meta(n, sizes=None, strides=None):
    return {
        "dtype": 7,
        "sizes": [{"as_int": d} for d in (sizes or [n])],
        "requires_grad": False,
        "device": {"type": "cpu", "index": None},
        "strides": [{"as_int": d} for d in (strides or [1])],
        "storage_offset": {"as_int": 0},
        "layout": 7,
    }


def table(out, v, d, inputs, expected):
    import numpy as np

    root = os.path.basename(TABLE_FIXTURE)
    src = zipfile.ZipFile(TABLE_FIXTURE + ".pt2")
    program = json.loads(src.read(f"{root}/models/model.json"))
    graph = program["graph_module"]["graph"]
    meta = tensor_meta(None, [v, d], [d, 1])
    graph["tensor_values"]["p_weight"].update({k: meta[k] for k in ("sizes", "strides")})
    emb = graph["tensor_values"]["embedding"]
    n, t = (s["as_int"] for s in emb["sizes"][:2])
    emb["sizes"] = [{"as_int": n}, {"as_int": t}, {"as_int": d}]
    emb["strides"] = [{"as_int": t * d}, {"as_int": d}, {"as_int": 1}]
    weights = json.loads(src.read(f"{root}/data/weights/model_weights_config.json"))
    weights["config"]["weight"]["tensor_meta"] = meta

    def rows(first, count):
        k = np.arange(first * d, (first + count) * d, dtype=np.int64)
        return ((k % 1000003).astype(np.float32) * np.float32(1e-6)).reshape(count, d)

    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED, allowZip64=True) as dst:
        for info in src.infolist():
            if info.filename.endswith("models/model.json"):
                dst.writestr(info.filename, json.dumps(program))
            elif info.filename.endswith("model_weights_config.json"):
                dst.writestr(info.filename, json.dumps(weights))
            elif info.filename.endswith("data/weights/weight_0"):
                step = max(1, (1 << 24) // (4 * d))
                with dst.open(info.filename, "w", force_zip64=True) as f:
                    for r in range(0, v, step):
                        f.write(rows(r, min(step, v - r)).tobytes())
            else:
                dst.writestr(info.filename, src.read(info.filename))
    shape = np.load(TABLE_FIXTURE + ".inputs.npz")["input"].shape
    indices = np.random.default_rng(15).integers(0, v, size=shape, dtype=np.int64)
    indices.flat[0], indices.flat[-1] = 0, v - 1
    np.savez(inputs, input=indices)
    np.savez(expected, output_0=np.stack([rows(int(i), 1)[0] for i in indices.flat]).reshape(*shape, d))
    print(f"{out}: float32 table {v} x {d} ({v * d * 4} bytes)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--gib", type=float, help="size of the float32 parameter, in GiB")
    ap.add_argument("--table", type=int, nargs=2, metavar=("V", "D"), help="an embedding table instead (see above)")
    ap.add_argument("--inputs", help="with --table: the .npz of indices to write")
    ap.add_argument("--expected", help="with --table: the .npz of outputs to write")
    args = ap.parse_args()
    if args.table:
        if not (args.inputs and args.expected):
            ap.error("--table needs --inputs and --expected")
        return table(args.out, *args.table, args.inputs, args.expected)
    if args.gib is None:
        ap.error("give --gib or --table")
    n = int(args.gib * (1 << 30)) // 4
    src = zipfile.ZipFile(FIXTURE)
    program = json.loads(src.read(f"{ROOT}/models/model.json"))
    graph = program["graph_module"]["graph"]
    for name in ("x", "y", "add"):
        graph["tensor_values"][name].update({k: v for k, v in tensor_meta(n).items() if k in ("sizes", "strides")})
    # The second input becomes the parameter `p` (graph inputs keep their order).
    graph["inputs"][1] = {"as_tensor": {"name": "p_p"}}
    graph["tensor_values"]["p_p"] = graph["tensor_values"].pop("y")
    graph["nodes"][0]["inputs"][1]["arg"] = {"as_tensor": {"name": "p_p"}}
    program["graph_module"]["signature"]["input_specs"][1] = {
        "parameter": {"arg": {"name": "p_p"}, "parameter_name": "p"}
    }
    weights = {"config": {"p": {"path_name": "weight_0", "is_param": True, "use_pickle": False, "tensor_meta": tensor_meta(n)}}}
    with zipfile.ZipFile(args.out, "w", zipfile.ZIP_STORED, allowZip64=True) as out:
        for info in src.infolist():
            if info.filename.endswith("models/model.json"):
                out.writestr(info.filename, json.dumps(program))
            elif info.filename.endswith("model_weights_config.json"):
                out.writestr(info.filename, json.dumps(weights))
            else:
                out.writestr(info.filename, src.read(info.filename))
        chunk = bytes(1 << 24)
        left = n * 4
        with out.open(f"{ROOT}/data/weights/weight_0", "w", force_zip64=True) as f:
            while left:
                f.write(chunk[: min(left, len(chunk))])
                left -= min(left, len(chunk))
    print(f"{args.out}: float32 parameter of {n} elements ({n * 4} bytes)")


if __name__ == "__main__":
    main()

"""Writes a torch.export archive with one float32 parameter of a given size, without
torch: `y = x + p`, from the committed `aten.add.Tensor-alpha` fixture with its second
input made a parameter. For what no fixture may hold (weights past TFLite's 2 GB limit):

    python benchmarks/make_large_model.py OUT.pt2 --gib 2.9

The parameter's storage is zeros, written in chunks (the archive takes that much disk).
"""
import argparse
import json
import os
import zipfile

FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "ops", "aten.add.Tensor-alpha.pt2")
ROOT = "aten.add.Tensor-alpha"


def tensor_meta(n):
    return {
        "dtype": 7,
        "sizes": [{"as_int": n}],
        "requires_grad": False,
        "device": {"type": "cpu", "index": None},
        "strides": [{"as_int": 1}],
        "storage_offset": {"as_int": 0},
        "layout": 7,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--gib", type=float, required=True, help="size of the float32 parameter, in GiB")
    args = ap.parse_args()
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

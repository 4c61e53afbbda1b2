"""EdgeModel: a converted .tflite, callable in LiteRT."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any

from ._errors import EdgeError


class EdgeModel:
    """A converted model: the .tflite file edge wrote and its summary.

    `model(*args)` runs it in LiteRT (ai-edge-litert) and returns numpy arrays (torch
    tensors when given torch tensors): one output as itself, several as a tuple, or as
    a dict by name when the program's outputs are named (a module that returns a dict;
    a written buffer's output).
    `model.export(path)` writes the file; `model.summary` is edge-convert's
    `--report-json` (ops, weights, inputs, outputs per signature);
    `model.signatures` names the signatures (`serving_default` for one program)."""

    def __init__(self, path: str | os.PathLike, summary: dict | None = None, *, _owned_dir: str | None = None):
        self._path = Path(path)
        self._summary = summary
        self._interpreter = None
        self._runners: dict[str, Any] = {}
        if _owned_dir is not None:
            # The temporary directory goes with the model.
            self._cleanup = weakref.finalize(self, shutil.rmtree, _owned_dir, True)

    @classmethod
    def load(cls, path: str | os.PathLike, summary_json: str | os.PathLike | None = None) -> "EdgeModel":
        """An EdgeModel for a .tflite file on disk (and its --report-json, if kept)."""
        summary = json.loads(Path(summary_json).read_text()) if summary_json else None
        if not Path(path).is_file():
            raise EdgeError(f"{path}: no such file")
        return cls(path, summary)

    @property
    def path(self) -> str:
        """Where the .tflite is now (a temporary file until exported)."""
        return str(self._path)

    @property
    def summary(self) -> dict:
        return dict(self._summary or {})

    @property
    def signatures(self) -> list[str]:
        if self._summary and self._summary.get("signatures"):
            return [s["key"] for s in self._summary["signatures"]]
        return list(self._interp().get_signature_list())

    def tflite_bytes(self) -> bytes:
        return self._path.read_bytes()

    def export(self, path: str | os.PathLike) -> str:
        """Writes the .tflite to `path` (atomically: a failed write leaves no file)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        os.close(fd)
        try:
            shutil.copyfile(self._path, tmp)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return str(path)

    def __call__(self, *args: Any, signature: str | None = None, **kwargs: Any):
        """Runs one signature in LiteRT. Positional arguments bind to the signature's
        inputs in order (the program's inputs, flattened as torch.export flattens them);
        keyword arguments by input name, a list or dict argument as torch.export names
        its elements (`k_caches=[a, b]` gives `k_caches_0`, `k_caches_1`), so the
        keyword arguments of the PyTorch call work as they are. An extra input of a
        written buffer is named by its buffer."""
        key = self._signature_key(signature)
        runner = self._runner(key)
        names = self._input_names(key)
        flat = _flatten(args)
        if len(flat) > len(names):
            raise EdgeError(f"signature '{key}' takes {len(names)} inputs ({', '.join(names)}), got {len(flat)}")
        feeds = dict(zip(names, flat))
        for name, value in _flatten_named(kwargs, set(names)).items():
            if name not in names:
                raise EdgeError(f"signature '{key}' has no input '{name}' (it has {', '.join(names)})")
            if name in feeds:
                raise EdgeError(f"input '{name}' given both by position and by name")
            feeds[name] = value
        missing = [n for n in names if n not in feeds]
        if missing:
            raise EdgeError(f"signature '{key}' is missing inputs {missing} (it takes {', '.join(names)})")
        as_torch = any(_is_torch(v) for v in feeds.values())
        details = runner.get_input_details()
        arrays = {n: _array(n, v, details[n]) for n, v in feeds.items()}
        try:
            out = runner(**arrays)
        except Exception as e:  # LiteRT raises RuntimeError/ValueError with its message
            raise EdgeError(f"LiteRT failed to run signature '{key}': {e}") from e
        output_names = self._output_names(key)
        results = [out[n] for n in output_names]
        if as_torch:
            import torch

            results = [torch.from_numpy(r.copy()) for r in results]
        if not all(re.fullmatch(r"output_\d+", n) for n in output_names):
            return dict(zip(output_names, results))
        return results[0] if len(results) == 1 else tuple(results)

    def __repr__(self) -> str:
        size = self._path.stat().st_size if self._path.exists() else 0
        ops = self._summary.get("op_count") if self._summary else None
        parts = [f"{size / 1e6:.2f} MB", f"signatures {self.signatures}"]
        if ops is not None:
            parts.insert(1, f"{ops} ops")
        return f"EdgeModel({', '.join(parts)})"

    # --- LiteRT -----------------------------------------------------------------

    def _interp(self):
        if self._interpreter is None:
            try:
                from ai_edge_litert.interpreter import Interpreter
            except ImportError as e:
                raise EdgeError(f"running a model needs ai-edge-litert ({e})") from None
            self._interpreter = Interpreter(model_path=str(self._path))
        return self._interpreter

    def _signature_key(self, signature: str | None) -> str:
        keys = list(self._interp().get_signature_list())
        if signature is None:
            if len(keys) == 1:
                return keys[0]
            raise EdgeError(f"the model has signatures {keys}: choose one with signature=")
        if signature not in keys:
            raise EdgeError(f"the model has no signature '{signature}' (it has {keys})")
        return signature

    def _runner(self, key: str):
        if key not in self._runners:
            self._runners[key] = self._interp().get_signature_runner(key)
        return self._runners[key]

    def _summary_signature(self, key: str) -> dict | None:
        for s in (self._summary or {}).get("signatures", []):
            if s.get("key") == key:
                return s
        return None

    def _input_names(self, key: str) -> list[str]:
        s = self._summary_signature(key)
        if s is not None:
            return [i["name"] for i in s["inputs"]]
        return list(self._interp().get_signature_list()[key]["inputs"])

    def _output_names(self, key: str) -> list[str]:
        s = self._summary_signature(key)
        if s is not None:
            return [o["name"] for o in s["outputs"]]
        return list(self._interp().get_signature_list()[key]["outputs"])


def _is_torch(value: Any) -> bool:
    return type(value).__module__.startswith("torch") and hasattr(value, "detach")


def _flatten(args: tuple) -> list:
    """Arguments flattened as torch.export flattens a program's inputs (nested tuples,
    lists and dicts, in order; dicts by insertion order)."""
    flat: list = []
    for a in args:
        if isinstance(a, (list, tuple)):
            flat += _flatten(tuple(a))
        elif isinstance(a, dict):
            flat += _flatten(tuple(a.values()))
        else:
            flat.append(a)
    return flat


def _flatten_named(kwargs: dict, names: set[str]) -> dict:
    """Keyword arguments with lists, tuples and dicts spread into the inputs
    torch.export makes of them (`name_0`, `name_1`, ...; `name_key`), unless the
    signature has an input of that very name."""
    flat: dict = {}
    for name, value in kwargs.items():
        if name in names or not isinstance(value, (list, tuple, dict)):
            flat[name] = value
            continue
        items = value.items() if isinstance(value, dict) else enumerate(value)
        flat.update(_flatten_named({f"{name}_{k}": v for k, v in items}, names))
    return flat


def _array(name: str, value: Any, detail: dict):
    import numpy as np

    if _is_torch(value):
        value = value.detach().cpu().numpy()
    array = np.asarray(value)
    want = np.dtype(detail["dtype"])
    if array.dtype != want:
        same_kind = array.dtype.kind == want.kind or (array.dtype.kind in "iu" and want.kind in "iu")
        if not same_kind:
            raise EdgeError(f"input '{name}' is {array.dtype.name}; the model takes {want.name}")
        array = array.astype(want)
    return np.ascontiguousarray(array)

"""convert(), convert_file() and signature(): PyTorch modules or saved archives in,
EdgeModel out, through edge-convert."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

from ._errors import EdgeError
from ._model import EdgeModel
from ._progress import Progress, wanted
from ._run import run_convert

QUANTIZE = (None, "fp16", "dynamic-int8", "int4")
IO_TYPES = ("float", "int8", "uint8")
RECURRENT = ("auto", "fused", "unrolled")


def options_args(
    *,
    quantize: str | None = None,
    io_type: str = "float",
    channel_last_io: bool = False,
    recurrent: str = "auto",
) -> list[str]:
    """edge-convert's flags for the conversion options."""
    if quantize not in QUANTIZE:
        raise EdgeError(f"quantize={quantize!r}: choose one of {QUANTIZE} (int8 models come quantized from pt2e)")
    if io_type not in IO_TYPES:
        raise EdgeError(f"io_type={io_type!r}: choose one of {IO_TYPES}")
    if recurrent not in RECURRENT:
        raise EdgeError(f"recurrent={recurrent!r}: choose one of {RECURRENT}")
    args = ["--io-type", io_type, "--recurrent", recurrent]
    if quantize:
        args += ["--quantize", quantize]
    if channel_last_io:
        args.append("--channel-last-io")
    return args


def pipeline(**options) -> str:
    """The pass pipeline edge-convert runs with `convert`'s options (quantize, io_type,
    channel_last_io, recurrent), as `--print-pipeline` prints it: the text
    `bisect(pass_pipeline=...)` and `edge-opt --pass-pipeline` take."""
    import subprocess

    from ._tools import tool

    flags = options_args(**options)
    out = subprocess.run([tool("edge-convert"), "--print-pipeline", *flags], capture_output=True, text=True)
    if out.returncode != 0:
        raise EdgeError(f"edge-convert --print-pipeline failed: {out.stderr.strip()}")
    return out.stdout.strip()


def as_args(sample_args: Any) -> tuple:
    """The positional arguments as torch.export takes them: a tuple (a list becomes one,
    a single value a tuple of it)."""
    if isinstance(sample_args, tuple):
        return sample_args
    return tuple(sample_args) if isinstance(sample_args, list) else (sample_args,)


def export(module: Any, sample_args: Any, sample_kwargs: dict | None = None, *, dynamic_shapes: Any = None):
    """`module` as a torch.export ExportedProgram (given one, it is returned as is).

    A module in training mode is exported in eval mode (and put back): a converted
    model is for inference, and training mode would write batch-norm statistics."""
    import torch

    if isinstance(module, torch.export.ExportedProgram):
        return module
    sample_args = as_args(sample_args)
    training = isinstance(module, torch.nn.Module) and module.training
    if training:
        warnings.warn("the module is in training mode; exporting it in eval mode (call .eval() first to silence this)")
        module.eval()
    try:
        with torch.no_grad():
            return torch.export.export(module, sample_args, sample_kwargs, dynamic_shapes=dynamic_shapes)
    finally:
        if training:
            module.train()


def convert(
    module: Any,
    sample_args: Any,
    sample_kwargs: dict | None = None,
    *,
    dynamic_shapes: Any = None,
    quantize: str | None = None,
    io_type: str = "float",
    channel_last_io: bool = False,
    recurrent: str = "auto",
    verbose: bool | None = None,
) -> EdgeModel:
    """Converts a PyTorch module (or an ExportedProgram) to a TFLite model.

    Runs `torch.export.export(module, sample_args, sample_kwargs,
    dynamic_shapes=dynamic_shapes)` (no decompositions needed), then edge-convert.
    `quantize`: None, "fp16", "dynamic-int8" or "int4" (weights); `io_type`: the
    inputs and outputs of a pt2e-quantized model ("float", "int8", "uint8");
    `channel_last_io`: 4-D inputs and outputs NHWC. `verbose`: show the step being
    run (default: in notebooks and interactive shells only).
    Raises ConversionError (message, diagnostics with node and source line)."""
    program = export(module, sample_args, sample_kwargs, dynamic_shapes=dynamic_shapes)
    return _convert_programs([("serving_default", program)], options_args(
        quantize=quantize, io_type=io_type, channel_last_io=channel_last_io, recurrent=recurrent
    ), verbose)


def convert_file(
    archive: str | os.PathLike,
    output: str | os.PathLike | None = None,
    *,
    verbose: bool | None = None,
    **options,
) -> EdgeModel:
    """Converts a saved torch.export archive (.pt2) to `output` (default: beside it,
    .tflite), with `convert`'s options (quantize, io_type, channel_last_io,
    recurrent). An archive of several programs (torch's package_pt2) gives one
    signature each. Needs no torch."""
    archive = Path(archive)
    if not archive.is_file():
        raise EdgeError(f"{archive}: no such file")
    output = Path(output) if output is not None else archive.with_suffix(".tflite")
    report = Path(tempfile.mkdtemp(prefix="edge-tflite-")) / "report.json"
    try:
        args = [archive, "-o", output, "-q", "--report-json", report]
        args += options_args(**options)
        run_convert(args, progress=Progress(wanted(verbose), f"converting {archive.name}"))
        summary = json.loads(report.read_text())
    finally:
        report.unlink(missing_ok=True)
        report.parent.rmdir()
    return EdgeModel(output, summary)


class SignatureSet:
    """Programs that become one model with a signature each: built by
    `edge_tflite.signature(name, module, args)` and `.signature(...)`, converted by
    `.convert(**options)`. Weights equal across signatures are stored once."""

    def __init__(self):
        self._programs: list[tuple[str, Any]] = []

    def signature(
        self,
        name: str,
        module: Any,
        sample_args: Any,
        sample_kwargs: dict | None = None,
        *,
        dynamic_shapes: Any = None,
    ) -> "SignatureSet":
        if not name or "=" in name:
            raise EdgeError(f"signature name {name!r}: give a non-empty name without '='")
        if any(n == name for n, _ in self._programs):
            raise EdgeError(f"signature '{name}' is given twice; each signature needs its own name")
        self._programs.append((name, export(module, sample_args, sample_kwargs, dynamic_shapes=dynamic_shapes)))
        return self

    def convert(self, *, verbose: bool | None = None, **options) -> EdgeModel:
        """One model, a signature each, with `convert`'s options (quantize, io_type,
        channel_last_io, recurrent)."""
        if not self._programs:
            raise EdgeError("no signatures: add one with .signature(name, module, sample_args)")
        return _convert_programs(self._programs, options_args(**options), verbose, named=True)


def signature(name: str, module: Any, sample_args: Any, sample_kwargs: dict | None = None, *, dynamic_shapes: Any = None) -> SignatureSet:
    """Starts a model of several signatures: `edge_tflite.signature("prefill", m, a)
    .signature("decode", m2, b).convert()`."""
    return SignatureSet().signature(name, module, sample_args, sample_kwargs, dynamic_shapes=dynamic_shapes)


def _convert_programs(programs: list[tuple[str, Any]], option_flags: list[str], verbose: bool | None, named: bool = False) -> EdgeModel:
    """Saves each program to a temporary archive, runs edge-convert on them and returns
    the model, whose file lives in that temporary directory until exported."""
    import torch

    workdir = tempfile.mkdtemp(prefix="edge-tflite-")
    try:
        archives = []
        for i, (name, program) in enumerate(programs):
            path = Path(workdir) / f"program{i}.pt2"
            torch.export.save(program, str(path))
            archives.append((name, path))
        output = Path(workdir) / "model.tflite"
        report = Path(workdir) / "report.json"
        if named:
            inputs = [a for name, path in archives for a in ("--signature", f"{name}={path}")]
        else:
            inputs = [archives[0][1]]
        what = ", ".join(n for n, _ in programs) if named else "the model"
        run_convert(
            [*inputs, "-o", output, "-q", "--report-json", report, *option_flags],
            progress=Progress(wanted(verbose), f"converting {what}"),
        )
        summary = json.loads(report.read_text())
        for _, path in archives:
            path.unlink()
        report.unlink()
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return EdgeModel(output, summary, _owned_dir=workdir)

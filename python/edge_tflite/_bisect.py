"""bisect(): which pass moves a model's numbers away from PyTorch's."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._convert import as_args, export, options_args
from ._errors import ConversionError
from ._progress import Progress, wanted
from ._run import run_convert


@dataclass
class BisectReport:
    """What `edge-convert --bisect` found: one row per stage (after import under XLA,
    then after each pass: StableHLO under XLA, TFL in LiteRT) with its op count and
    error against PyTorch, and the first pass past the tolerance with the ops it
    changed (None when every stage is within it). `str(report)` is the table."""

    tolerance: float
    rows: list[dict[str, Any]]
    first_past_tolerance: dict[str, Any] | None
    table: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return self.first_past_tolerance is None

    @property
    def culprit(self) -> str | None:
        """The name of the first pass past the tolerance."""
        return self.first_past_tolerance["pass"] if self.first_past_tolerance else None

    def __str__(self) -> str:
        return self.table

    def _repr_pretty_(self, printer, cycle) -> None:  # IPython shows the table
        printer.text(self.table)


def bisect(
    module: Any,
    sample_args: Any,
    sample_kwargs: dict | None = None,
    *,
    dynamic_shapes: Any = None,
    tolerance: float | None = None,
    pass_pipeline: str | None = None,
    quantize: str | None = None,
    io_type: str = "float",
    recurrent: str = "auto",
    keep_intermediates: str | os.PathLike | None = None,
    verbose: bool | None = None,
) -> BisectReport:
    """Runs the model after import and after every pass of the pipeline on
    `sample_args`, against PyTorch's outputs on them, and returns the report.

    The error of a stage is max|got - expected| / max|expected| over the outputs; a
    stage is within `tolerance` when it is at most that (default 1e-4, or one float16
    step, 2^-10, when an output is float16). `pass_pipeline` replaces the
    default pipeline (as `edge-convert --print-pipeline` prints it);
    `keep_intermediates` keeps each stage's .mlir/.tflite in that directory.
    Needs torch, numpy and ai-edge-litert; jax for the StableHLO stages (skipped with a
    note without it). Prints the table when `verbose` (default: interactively)."""
    import numpy as np
    import torch
    from torch.utils import _pytree as pytree

    program = export(module, sample_args, sample_kwargs, dynamic_shapes=dynamic_shapes)
    args = as_args(sample_args)
    kwargs = sample_kwargs or {}
    reference = program.module() if isinstance(module, torch.export.ExportedProgram) else module
    with torch.no_grad():
        expected = reference(*args, **kwargs)
    flat_in = [a for a in pytree.tree_flatten((args, kwargs))[0] if isinstance(a, torch.Tensor)]
    names = list(program.graph_signature.user_inputs)
    if len(names) != len(flat_in):
        names = [f"arg{i}" for i in range(len(flat_in))]
    flat_out = [o for o in pytree.tree_flatten(expected)[0] if isinstance(o, torch.Tensor)]

    workdir = Path(tempfile.mkdtemp(prefix="edge-tflite-bisect-"))
    try:
        archive = workdir / "model.pt2"
        torch.export.save(program, str(archive))
        np.savez(workdir / "in.npz", **{n: t.detach().cpu().numpy() for n, t in zip(names, flat_in)})
        np.savez(workdir / "out.npz", **{f"out{i}": t.detach().cpu().numpy() for i, t in enumerate(flat_out)})
        report_path = workdir / "bisect.json"
        command = [
            archive, "--bisect",
            "--inputs", workdir / "in.npz",
            "--expected", workdir / "out.npz",
            "--python", sys.executable,
            "--report-json", report_path,
            *options_args(quantize=quantize, io_type=io_type, recurrent=recurrent),
        ]
        if tolerance is not None:
            command += ["--tolerance", repr(float(tolerance))]
        if pass_pipeline is not None:
            command += ["--pass-pipeline", pass_pipeline]
        if keep_intermediates is not None:
            command += ["--keep-intermediates", keep_intermediates]
        _, table = run_convert(command, progress=Progress(wanted(verbose), "bisecting"), ok_codes=(0, 1))
        if not report_path.is_file():
            raise ConversionError(f"edge-convert --bisect wrote no report; it printed:\n{table}")
        raw = json.loads(report_path.read_text())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = BisectReport(
        tolerance=raw["tolerance"],
        rows=raw.get("rows", []),
        first_past_tolerance=raw.get("first_past_tolerance"),
        table=table,
        raw=raw,
    )
    if wanted(verbose):
        print(report.table)
    return report

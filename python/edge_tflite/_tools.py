"""Where the edge binaries are: installed with the wheel (its scripts), or named by
EDGE_TFLITE_BIN_DIR (a cargo target directory when working on edge itself)."""

from __future__ import annotations

import os
import shutil
import sysconfig
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ._errors import EdgeError

DISTRIBUTION = "edge-tflite"


@lru_cache(maxsize=None)
def tool(name: str) -> str:
    """The path of edge binary `name` (`edge-convert`, `edge-opt`, `edge-translate`)."""
    override = os.environ.get("EDGE_TFLITE_BIN_DIR")
    if override:
        path = Path(override) / name
        if not path.is_file():
            raise EdgeError(f"EDGE_TFLITE_BIN_DIR={override} has no {name}")
        return str(path)
    # The wheel installs the binaries as scripts; its RECORD says where they went,
    # whatever the install scheme (venv, --user, --prefix).
    try:
        for f in metadata.distribution(DISTRIBUTION).files or []:
            if f.name == name and f.parent.name in ("bin", "scripts", "Scripts"):
                path = Path(f.locate()).resolve()
                if path.is_file():
                    return str(path)
    except metadata.PackageNotFoundError:
        pass
    for candidate in (Path(sysconfig.get_path("scripts")) / name, shutil.which(name)):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise EdgeError(
        f"{name} not found: install the edge-tflite wheel (it carries the binaries), or "
        "point EDGE_TFLITE_BIN_DIR at a directory holding them (e.g. target/release)"
    )

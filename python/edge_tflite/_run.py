"""Running edge's binaries: arguments in, JSON messages out, errors as exceptions."""

from __future__ import annotations

import json
import subprocess
import threading
from typing import Sequence

from ._errors import ConversionError, Diagnostic, diagnostics_of
from ._progress import Progress
from ._tools import tool


def run_convert(args: Sequence[str], *, progress: Progress, ok_codes: Sequence[int] = (0,)) -> tuple[int, str]:
    """Runs `edge-convert ARGS --message-format json`, showing its progress; returns
    (exit code, stdout). Raises ConversionError with edge's message and diagnostics
    when it exits with a code not in `ok_codes`."""
    command = [tool("edge-convert"), *map(str, args), "--message-format", "json"]
    errors: list[str] = []
    diagnostics: list[Diagnostic] = []
    other: list[str] = []
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace"
    ) as process:
        assert process.stderr is not None and process.stdout is not None
        # stdout is read beside stderr, so neither pipe can fill and stall the tool.
        out: list[str] = []
        reader = threading.Thread(target=lambda: out.append(process.stdout.read()), daemon=True)
        reader.start()
        try:
            for line in process.stderr:
                event = _event(line)
                if event is None:
                    other.append(line.rstrip("\n"))
                elif event.get("type") == "progress":
                    progress.update(event["step"], event["total"], event["message"])
                else:
                    if event.get("type") == "error":
                        errors.append(event.get("message", ""))
                    diagnostics += diagnostics_of(event)
            reader.join()
            stdout = "".join(out)
        finally:
            progress.close()
        code = process.wait()
    if code not in ok_codes:
        message = "\n".join(e for e in errors if e) or "\n".join(other) or f"edge-convert exited with code {code}"
        raise ConversionError(message, diagnostics, log="\n".join(other))
    return code, stdout


def _event(line: str) -> dict | None:
    text = line.strip()
    if not text.startswith("{"):
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) and "type" in value else None

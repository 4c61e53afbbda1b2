"""Errors edge reports, as Python exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class EdgeError(Exception):
    """An error of edge_tflite itself (a missing binary, a bad argument)."""


@dataclass
class Diagnostic:
    """One problem edge found: what, and where in the model.

    `node` is the torch.export node (or op) it concerns, `source` the user's source line
    (`model.py:12`) when the archive recorded one, `target` the ATen operator."""

    message: str
    severity: str = "error"
    node: str | None = None
    source: str | None = None
    target: str | None = None
    location: str | None = None
    notes: list["Diagnostic"] = field(default_factory=list)

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"node '{self.node}'" if self.node else "", self.source or "") if p)
        head = f"{self.severity}: {self.message}"
        return f"{head} ({where})" if where else head


class ConversionError(EdgeError):
    """edge-convert refused or failed to convert the model.

    `message` is edge's message; `diagnostics` lists each problem with its node and
    source line (every unsupported operator at once); `node` and `source` are the first
    one's, for the common case of one problem."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None, log: str = ""):
        self.message = message
        self.diagnostics = diagnostics or []
        self.log = log
        super().__init__(self._text())

    @property
    def node(self) -> str | None:
        return next((d.node for d in self.diagnostics if d.node), None)

    @property
    def source(self) -> str | None:
        return next((d.source for d in self.diagnostics if d.source), None)

    def _text(self) -> str:
        lines = [self.message]
        shown = [d for d in self.diagnostics if str(d) not in self.message]
        lines += [f"  {d}" for d in shown]
        return "\n".join(lines)


def diagnostics_of(event: dict[str, Any]) -> list[Diagnostic]:
    """The diagnostics one `--message-format json` event of edge-convert names."""
    kind = event.get("type")
    if kind == "diagnostic":
        source = None
        if event.get("file"):
            source = f"{event['file']}:{event['line']}:{event['column']}"
        return [
            Diagnostic(
                message=event.get("message", ""),
                severity=event.get("severity", "error"),
                node=event.get("node"),
                source=source,
                location=event.get("location"),
                notes=[d for n in event.get("notes", []) for d in diagnostics_of({**n, "type": "diagnostic"})],
            )
        ]
    if kind == "error" and event.get("kind") == "unsupported":
        return [
            Diagnostic(
                message=f"unsupported operator {op['target']}",
                node=n["node"],
                source=n.get("source"),
                target=op["target"],
            )
            for op in event.get("unsupported", [])
            for n in op.get("nodes", [])
        ]
    if kind == "error" and event.get("kind") == "lowering":
        return [
            Diagnostic(
                message=event.get("reason", event.get("message", "")),
                node=event.get("node"),
                source=event.get("source"),
                target=event.get("target"),
            )
        ]
    return []

"""edge_tflite: PyTorch models to TFLite with edge, a native compiler on MLIR.

    import edge_tflite
    model = edge_tflite.convert(torch_module.eval(), (example_input,))
    model(example_input)             # runs in LiteRT
    model.export("model.tflite")

`convert_file` converts a saved torch.export archive; `signature(...).signature(...)
.convert()` makes one model with several signatures; `bisect` finds the pass that
moves a model's numbers. The wheel carries edge's binaries (`edge-convert`,
`edge-opt`, `edge-translate`), which are also on PATH in the environment it is
installed in."""

from ._bisect import BisectReport, bisect
from ._convert import SignatureSet, convert, convert_file, pipeline, signature
from ._errors import ConversionError, Diagnostic, EdgeError
from ._model import EdgeModel
from ._tools import tool

try:
    from importlib.metadata import version as _version

    __version__ = _version("edge-tflite")
except Exception:  # running from a source tree
    __version__ = "0.0.0+source"

__all__ = [
    "BisectReport",
    "ConversionError",
    "Diagnostic",
    "EdgeError",
    "EdgeModel",
    "SignatureSet",
    "bisect",
    "convert",
    "convert_file",
    "pipeline",
    "signature",
    "tool",
]

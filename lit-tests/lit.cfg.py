# lit configuration for edge: FileCheck tests of passes, translations and diagnostics.
import os
import lit.formats

config.name = "edge"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.test_source_root, "..", "target", "lit")

repo = os.path.abspath(os.path.join(config.test_source_root, ".."))
bin_dir = os.environ.get("EDGE_BIN_DIR", os.path.join(repo, "target", "debug"))
llvm_bin = os.environ.get("EDGE_LLVM_BIN", "/usr/lib/llvm-22/bin")
python = os.environ.get("EDGE_PYTHON", os.path.join(repo, ".venv", "bin", "python"))

for tool in ["edge-convert", "edge-opt", "edge-translate"]:
    path = os.path.join(bin_dir, tool)
    if not os.path.exists(path):
        lit_config.fatal(f"{path} not found: build with `cargo build` (or set EDGE_BIN_DIR)")

config.substitutions.append(("%litert-check", f"{python} {os.path.join(repo, 'runtime-check', 'litert_check.py')}"))
config.substitutions.append(("%python", python))
config.environment["PATH"] = os.pathsep.join([bin_dir, llvm_bin, os.environ.get("PATH", "")])

#!/usr/bin/env python3
"""Writes docs/aten-support.md: every core ATen overload of the pinned torch, plus every
other overload the importer lowers, with whether edge lowers it, its one-op fixtures,
their status under the fixture runner (StableHLO run by XLA against PyTorch) and under
the LiteRT runner (converted with the default pipeline, `edge-convert --print-pipeline`,
and run by LiteRT against PyTorch), with the tolerance each used.

    .venv/bin/python scripts/gen-aten-support.py --edge-translate target/debug/edge-translate
    .venv/bin/python scripts/gen-aten-support.py --work /tmp/w --litert-results /tmp/w/litert-results.json

With --edge-translate it runs both runners (edge-opt and edge-convert default to the
binaries beside edge-translate) and keeps their output in a temporary work dir, whose
path it prints. --work reads a finished fixture runner's work dir instead, and
--litert-results a finished `run_pt2_litert.py --results FILE`.

Inputs: fixtures/core_aten_ops.txt (the core overloads), the `target: "..."` entries of
compiler/src/pt2/lower/table.rs (plus the few targets compiler/src/pt2/import.rs
handles itself), fixtures/manifest.json (which graphs contain which overloads, and why
some overloads have no fixture), the runner's pt2-support.md and the LiteRT runner's results JSON. Needs no torch.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORE = os.path.join(ROOT, "fixtures", "core_aten_ops.txt")
TABLE = os.path.join(ROOT, "compiler", "src", "pt2", "lower", "table.rs")
IMPORT = os.path.join(ROOT, "compiler", "src", "pt2", "import.rs")
RUNNER = os.path.join(ROOT, "runtime-check", "conformance", "run_pt2_fixtures.py")
LITERT_RUNNER = os.path.join(ROOT, "runtime-check", "conformance", "run_pt2_litert.py")
OUT = os.path.join(ROOT, "docs", "aten-support.md")

# Why a core overload has no lowering. Every core overload that is not lowered must
# have an entry here (the script fails otherwise), so a gap is always a decision.
NOT_LOWERED = {
    "aten._adaptive_avg_pool2d_backward.default": "backward op (training); edge converts inference graphs",
    "aten.avg_pool2d_backward.default": "backward op (training); edge converts inference graphs",
    "aten.convolution_backward.default": "backward op (training); edge converts inference graphs",
    "aten.embedding_dense_backward.default": "backward op (training); edge converts inference graphs",
    "aten.max_pool2d_with_indices_backward.default": "backward op (training); edge converts inference graphs",
    "aten.native_group_norm_backward.default": "backward op (training); edge converts inference graphs",
    "aten.native_layer_norm_backward.default": "backward op (training); edge converts inference graphs",
    "aten._fft_c2r.default": "complex tensors are not supported",
    "aten._fft_r2c.default": "complex tensors are not supported",
    "aten._native_batch_norm_legit.default": "training-mode batch norm that updates running statistics "
    "(a buffer mutation); export in eval() mode",
    "aten.as_strided.default": "views of the underlying storage: the lowering would need the input's strides, "
    "which lowerings do not see",
    "aten.atan2.out": "an out= variant; exported graphs use aten.atan2.default",
    "aten.col2im.default": "torch.export decomposes F.fold (into index_put), so no graph has it",
    "aten.nonzero.default": "data-dependent output shape",
    "aten.rand.default": "random; edge converts deterministic programs",
    "aten.randn.default": "random; edge converts deterministic programs",
    "aten.randperm.default": "random; edge converts deterministic programs",
    "aten.resize_.default": "in-place resize (a mutation)",
    "aten.sym_is_contiguous.default": "symbolic-shape query; the importer evaluates only sym_size.int",
    "aten.sym_numel.default": "symbolic-shape query; the importer evaluates only sym_size.int",
    "aten.sym_storage_offset.default": "symbolic-shape query; the importer evaluates only sym_size.int",
    "aten.sym_stride.int": "symbolic-shape query; the importer evaluates only sym_size.int",
}


def read_core() -> list[str]:
    with open(CORE) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def read_table() -> set[str]:
    with open(TABLE) as f:
        return set(re.findall(r'target:\s*"([^"]+)"', f.read()))


def read_driver_targets() -> set[str]:
    """The aten targets import.rs handles itself (`matches!(target, "..." | ...)`)."""
    if not os.path.exists(IMPORT):
        return set()
    with open(IMPORT) as f:
        text = f.read()
    found = set()
    for m in re.finditer(r"matches!\(\s*target\s*,([^)]*)\)", text):
        found |= set(re.findall(r'"(aten\.[^"]+)"', m.group(1)))
    for m in re.finditer(r"DRIVER_TARGETS[^=]*=\s*&\[([^\]]*)\]", text):
        found |= set(re.findall(r'"(aten\.[^"]+)"', m.group(1)))
    return found


def read_manifest(fixtures: str) -> dict:
    path = os.path.join(fixtures, "manifest.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def run_runner(edge_translate: str, fixtures: str) -> str:
    work = tempfile.mkdtemp(prefix="aten-support-")
    print(f"work dir: {work}", file=sys.stderr)
    cmd = [sys.executable, RUNNER, "--edge-translate", edge_translate, "--fixtures", fixtures, "--work", work]
    p = subprocess.run(cmd, capture_output=True, text=True)
    summary = (p.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"fixture runner: {summary}", file=sys.stderr)
    return work


def sibling(edge_translate: str, name: str) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(edge_translate)), name)


def run_litert(edge_translate: str, edge_opt: str, edge_convert: str, fixtures: str, work: str) -> str:
    """Runs run_pt2_litert.py with the default pipeline; returns its results file."""
    p = subprocess.run([edge_convert, "--print-pipeline"], capture_output=True, text=True)
    if p.returncode != 0 or not p.stdout.strip():
        raise SystemExit(f"{edge_convert} --print-pipeline failed: {p.stderr.strip()}")
    pipeline = p.stdout.strip()
    litert_work = os.path.join(work, "litert")
    results = os.path.join(work, "litert-results.json")
    cmd = [sys.executable, LITERT_RUNNER, "--edge-translate", edge_translate, "--edge-opt", edge_opt,
           "--fixtures", fixtures, "--work", litert_work, "--pipeline", pipeline, "--results", results]
    p = subprocess.run(cmd, capture_output=True, text=True)
    summary = (p.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"LiteRT runner: {summary} (results: {results})", file=sys.stderr)
    if not os.path.exists(results):
        raise SystemExit(f"the LiteRT runner wrote no results: {p.stderr.strip()[-2000:]}")
    return results


def read_litert(path: str) -> tuple[dict[str, dict], dict[str, dict], str, float]:
    """The LiteRT runner's verdicts: one-op fixtures grouped by overload, the models by
    name, the pipeline they were converted with and the tolerance floor."""
    with open(path) as f:
        data = json.load(f)
    by_op: dict[str, dict] = {}
    models: dict[str, dict] = {}
    for name, r in data.get("fixtures", {}).items():
        if r.get("kind") == "dynamic":  # whole models at several sizes, not one overload's
            continue
        if r.get("kind") in ("models", "plain"):
            models[name] = r
            continue
        op, _, variant = name.partition("-")
        by_op.setdefault(op, {})[variant or "(plain)"] = r
    return by_op, models, data.get("pipeline", ""), float(data.get("floor", 0.0))


def short_op(op: str) -> str:
    return op[len("stablehlo."):] if op.startswith("stablehlo.") else op


def litert_tolerance(rows: dict[str, dict]) -> str:
    """The tolerances the compared fixtures were checked with (TODO fixtures never ran)."""
    used = {(r["atol"], r["rtol"]) for r in rows.values()
            if r["status"] == "PASS" or (r["status"] == "FAIL" and r.get("reason", "").startswith("litert"))}
    return ", ".join(f"atol {a:g} + rtol {r:g}" for a, r in sorted(used))


def litert_word(rows: dict[str, dict]) -> tuple[str, str]:
    """(category, cell text) over one overload's fixtures. Categories: pass (every fixture
    converts and matches), fail (some fixture converts wrongly or does not load/run),
    partial (the rest pass, some do not legalize), todo (none legalizes)."""
    n = len(rows)
    ok = sum(r["status"] == "PASS" for r in rows.values())
    failed = sorted(v for v, r in rows.items() if r["status"] == "FAIL")
    todo = sorted(v for v, r in rows.items() if r["status"] == "TODO")
    ops = sorted({short_op(o) for r in rows.values() for o in r.get("missing_ops", [])})
    missing = f"`{'`, `'.join(ops)}`" if ops else "?"
    if ok == n:
        return "pass", "pass"
    if failed:
        text = f"fail ({ok}/{n} pass): {', '.join(failed)}"
        if todo:
            text += f"; not legalized: {', '.join(todo)} ({missing})"
        return "fail", text
    if ok == 0:
        return "todo", f"not legalized: {missing}"
    return "partial", f"{ok}/{n} pass; not legalized: {', '.join(todo)} ({missing})"


def read_support(work: str) -> tuple[dict[str, dict], list[str]]:
    """The runner's per-overload rows (fixtures, status, tolerance) and model rows."""
    path = os.path.join(work, "pt2-support.md")
    if not os.path.exists(path):
        raise SystemExit(f"{path} not found: run the fixture runner with --work {work}, or pass --edge-translate")
    rows, models = {}, []
    with open(path) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 4 and cells[0].startswith("`aten."):
                rows[cells[0].strip("`")] = {"fixtures": int(cells[1]), "status": cells[2], "tolerance": cells[3]}
            elif len(cells) == 3 and cells[0].startswith("`") and cells[0] != "`model`":
                models.append(line.rstrip("\n"))
    return rows, models


def status_word(runner_status: str) -> str:
    """pass / fail / known gap from the runner's 'pass' or 'k/n pass (g known gaps)'."""
    if runner_status == "pass":
        return "pass"
    m = re.match(r"(\d+)/(\d+) pass(?: \((\d+) known gaps\))?", runner_status)
    if m:
        ok, n, gaps = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if gaps and ok + gaps == n:
            return f"known gap ({runner_status})"
    return f"fail ({runner_status})"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", help="a finished fixture runner's work dir holding pt2-support.md")
    p.add_argument("--edge-translate", help="run the runners with this edge-translate (the fixture runner "
                   "only without --work, the LiteRT runner only without --litert-results)")
    p.add_argument("--edge-opt", help="for the LiteRT runner (default: beside --edge-translate)")
    p.add_argument("--edge-convert", help="prints the default pipeline (default: beside --edge-translate)")
    p.add_argument("--litert-results", help="a finished `run_pt2_litert.py --results FILE`")
    p.add_argument("--fixtures", default=os.path.join(ROOT, "fixtures"))
    p.add_argument("--out", default=OUT)
    args = p.parse_args(argv)
    if not args.edge_translate and not (args.work and args.litert_results):
        p.error("pass --edge-translate, or both --work and --litert-results")

    work = args.work or run_runner(args.edge_translate, args.fixtures)
    runner, models = read_support(work)
    litert_path = args.litert_results or run_litert(
        args.edge_translate, args.edge_opt or sibling(args.edge_translate, "edge-opt"),
        args.edge_convert or sibling(args.edge_translate, "edge-convert"), args.fixtures,
        work if not args.work else tempfile.mkdtemp(prefix="aten-support-litert-"))
    litert, litert_models, pipeline, floor = read_litert(litert_path)
    core = read_core()
    core_set = set(core)
    table = read_table()
    driver = read_driver_targets()
    manifest = read_manifest(args.fixtures)
    in_graphs: dict[str, int] = {}
    for e in manifest.get("archives", {}).values():
        for t in e.get("targets", {}):
            in_graphs[t] = in_graphs.get(t, 0) + 1
    skipped = {s["overload"]: s["reason"] for s in manifest.get("skipped", [])}

    missing_reason = sorted(o for o in core if o not in table and o not in driver and o not in NOT_LOWERED)
    if missing_reason:
        raise SystemExit(f"core overloads neither lowered nor explained in NOT_LOWERED: {missing_reason}")

    overloads = sorted(core_set | table)
    lines = []
    counts = {"core": len(core), "core_lowered": 0, "core_checked": 0, "core_pass": 0,
              "other_lowered": 0, "other_checked": 0, "other_pass": 0}
    lcounts = {k: {"pass": 0, "partial": 0, "todo": 0, "fail": 0} for k in ("core", "other")}
    for o in overloads:
        is_core = o in core_set
        lowered = "yes" if o in table else ("driver" if o in driver else "no")
        r = runner.get(o)
        n_fix = r["fixtures"] if r else 0
        others = in_graphs.get(o, 0) - n_fix
        fix_text = str(n_fix) + (f" (+{others} graphs)" if others > 0 else "")
        tol = r["tolerance"] if r else ""
        if lowered == "no":
            status = f"not lowered: {NOT_LOWERED.get(o, 'no lowering yet')}"
        elif r:
            status = status_word(r["status"])
        elif others > 0:
            status = "no fixture of its own; in other fixtures' graphs"
        elif o in skipped:
            status = f"unchecked: {skipped[o]}"
        else:
            status = "unchecked: no fixture"
        key = "core" if is_core else "other"
        if lowered != "no":
            counts[f"{key}_lowered"] += 1
            if r:
                counts[f"{key}_checked"] += 1
                counts[f"{key}_pass"] += status == "pass"
        lt = litert.get(o)
        if lt:
            category, lt_text = litert_word(lt)
            lcounts[key][category] += 1
            lt_tol = litert_tolerance(lt)
        else:
            lt_text = lt_tol = ""
        lines.append(f"| `{o}` | {'yes' if is_core else ''} | {lowered} | {fix_text} | {status} | {tol} "
                     f"| {lt_text} | {lt_tol} |")

    base_names = len({o.split(".")[1] for o in core})
    lt_all = {c: lcounts["core"][c] + lcounts["other"][c] for c in lcounts["core"]}
    lt_n = sum(lt_all.values())
    lt_core_n = sum(lcounts["core"].values())
    lt_other_n = sum(lcounts["other"].values())
    model_pass = sum(r["status"] == "PASS" for r in litert_models.values())
    out = [
        "# ATen support of the pt2 importer",
        "",
        "<!-- Generated by scripts/gen-aten-support.py; do not edit by hand. -->",
        f"**LiteRT: {lt_all['pass']} of the {lt_n} overloads with one-op fixtures convert with the default "
        f"pipeline and match PyTorch in LiteRT on every fixture** (core {lcounts['core']['pass']}/{lt_core_n}, "
        f"other {lcounts['other']['pass']}/{lt_other_n}); {lt_all['partial']} pass on some fixtures while "
        f"others are not legalized yet, {lt_all['todo']} are not legalized on any, {lt_all['fail']} fail. "
        f"Models (fixtures/models and the un-decomposed fixtures/plain): {model_pass}/{len(litert_models)} pass in LiteRT.",
        "",
        "Generated by `scripts/gen-aten-support.py` from `fixtures/core_aten_ops.txt`, the lowering",
        "table (`compiler/src/pt2/lower/table.rs`), `fixtures/manifest.json`, the fixture runner",
        "(`runtime-check/conformance/run_pt2_fixtures.py`, which imports every fixture and runs the",
        "StableHLO with XLA against the PyTorch outputs) and the LiteRT runner",
        "(`runtime-check/conformance/run_pt2_litert.py`, which converts every fixture with the default",
        "pipeline of `edge-convert --print-pipeline` and runs the .tflite with LiteRT against the same",
        "PyTorch outputs). Regenerate it after adding a lowering, a TFL rule or a fixture, or after",
        "upgrading torch (then regenerate `fixtures/core_aten_ops.txt` first):",
        "",
        "    cargo build -p edge-tools",
        "    .venv/bin/python scripts/gen-aten-support.py --edge-translate target/debug/edge-translate",
        "",
        "## Counts",
        "",
        f"- Core ATen overloads (torch 2.14.1, `torch.Tag.core`): **{counts['core']}** ({base_names} base names).",
        f"- Core overloads lowered: **{counts['core_lowered']}** (table or importer driver); "
        f"checked by a one-op fixture: **{counts['core_checked']}**, of which passing: {counts['core_pass']}.",
        f"- Other (non-core) overloads lowered: **{counts['other_lowered']}**; checked by a one-op fixture: "
        f"**{counts['other_checked']}**, of which passing: {counts['other_pass']}.",
        f"- LiteRT, over the overloads with one-op fixtures: **{lt_all['pass']}** of {lt_n} pass every fixture "
        f"(core {lcounts['core']['pass']} of {lt_core_n}, other {lcounts['other']['pass']} of {lt_other_n}); "
        f"{lt_all['partial']} partly not legalized, {lt_all['todo']} not legalized, {lt_all['fail']} failing.",
        "",
        "## Overloads",
        "",
        "*lowered*: `yes` = an entry of the lowering table, `driver` = handled by the import driver.",
        "*fixtures*: one-op fixtures named for the overload (`+N graphs`: other fixtures whose graphs",
        "also contain it). *status*: the runner's verdict over those fixtures (`pass` = every one",
        "matches PyTorch within the tolerance); `unchecked` = lowered, but no archive exported by",
        "torch 2.14.1 keeps the overload (the reason comes from the manifest's skipped list).",
        "*tolerance*: |got - want| <= atol + rtol * |want| per element; integer outputs are exact.",
        "*LiteRT*: the same one-op fixtures converted to .tflite with the default pipeline and run by",
        "LiteRT: `pass` = every one converts and matches PyTorch; `k/n pass; not legalized: ...` = the",
        "named fixtures (by their name's suffix after the overload; `(plain)` = no suffix) stop in",
        "legalization, at the StableHLO ops in parentheses (`stablehlo.` dropped); `fail` = a fixture",
        "converts but does not load, run or match.",
        "*LiteRT tolerance*: as *tolerance*, from the manifest but each at least "
        f"{floor:g} (TFLite's kernels round",
        "differently from PyTorch's); only fixtures that ran in LiteRT count.",
        "",
        "The pipeline:",
        "",
        f"    {pipeline}",
        "",
        "| overload | core? | lowered | fixtures | status | tolerance | LiteRT | LiteRT tolerance |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *lines,
    ]
    if models:
        rows = []
        for line in models:
            name = line.strip().strip("|").split("|")[0].strip().strip("`")
            r = litert_models.get(name)
            if r is None:
                cell = ""
            elif r["status"] == "TODO":
                cell = "not legalized: `" + "`, `".join(short_op(o) for o in r.get("missing_ops", [])) + "`"
            else:
                cell = r["status"].lower()
            rows.append(f"{line.rstrip().rstrip('|').rstrip()} | {cell} |")
        out += ["", "## Models", "", "| model | status | max abs error | LiteRT |", "| --- | --- | --- | --- |", *rows]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {os.path.relpath(args.out, ROOT)}: {counts}; LiteRT: {lcounts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

//! `edge-convert --bisect`: runs the model after import and after every pass of the
//! pipeline, measures each snapshot against the expected outputs, and names the first
//! pass that moves the numbers past the tolerance, with the ops it changed.
//!
//! The pipeline is flattened into its passes (`pipeline::flatten`) and run one pass at a
//! time on the same module; after each, the module is snapshotted: StableHLO as MLIR
//! text for XLA, TFL as a .tflite for LiteRT. Every snapshot runs in one Python process
//! (`python/edge_tflite/bisect_runner.py`, embedded here), started first so its imports
//! overlap the import, and fed each snapshot as it is written, so it runs one while the
//! next pass runs. A pass that changed nothing is not run again.

use super::{import_options, jobs, Args, Messages};
use edge_compiler::driver::{self, PrintOptions};
use edge_compiler::pt2::import_program;
use edge_compiler::tflite::{self, TranslateError, WriteOptions};
use edge_dialects::context::{edge_context, parse_source_pos, verify_module, DiagnosticCollector};
use edge_dialects::mlir::{Attribute, Op, Type};
use edge_passes::pipeline::{flatten, parse_pipeline};
use edge_passes::{Pipeline, RunOptions};
use melior::ir::Module;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Arc;
use std::sync::{mpsc, Mutex};
use std::thread::JoinHandle;

const RUNNER: &str = include_str!("../../../../python/edge_tflite/bisect_runner.py");

/// The runner's exit code when numpy or ai_edge_litert does not import.
const EXIT_IMPORT: i32 = 3;

/// `--tolerance`'s default: the project's usual bound, relative to max|out|.
const DEFAULT_TOLERANCE: f64 = 1e-4;

/// The tolerance a run applies, and whether it was raised above the default for the
/// expected outputs' float type.
#[derive(Clone, Copy)]
struct Tolerance {
    value: f64,
    raised: bool,
}

/// Changed ops listed under the first pass past tolerance; the rest are counted.
const LISTED_CHANGES: usize = 20;

/// Where a snapshot runs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Runtime {
    Xla,
    Litert,
    Skipped,
}

impl Runtime {
    fn name(self) -> &'static str {
        match self {
            Runtime::Xla => "xla",
            Runtime::Litert => "litert",
            Runtime::Skipped => "skipped",
        }
    }
}

/// One op as the diff sees it: matched across a pass by name and location, compared by
/// attributes and result types (uniqued in the context: equal ones are one handle, and
/// printed only for the ops the report lists).
#[derive(PartialEq)]
struct OpInfo<'c> {
    name: String,
    location: String,
    /// Where each operand comes from: (the defining op's index in the module walk, result
    /// number), or (the owning block's parent op index + `BLOCK_ARG`, argument number).
    operands: Vec<(usize, usize)>,
    attrs: Vec<(String, Attribute<'c>)>,
    results: Vec<Type<'c>>,
}

/// The module after import or after one pass.
struct Snapshot<'c> {
    /// `None` for the import.
    pass: Option<String>,
    /// `stablehlo` or `tfl` (or `mixed`, `other`): what the entry function holds.
    stage: &'static str,
    runtime: Runtime,
    path: PathBuf,
    ops: usize,
    note: String,
    summary: Vec<OpInfo<'c>>,
    /// The earlier snapshot this one equals (the pass changed nothing): not run again.
    same_as: Option<usize>,
}

/// Marks an operand that is a block argument (see `OpInfo::operands`).
const BLOCK_ARG: usize = 1 << (usize::BITS - 1);

/// One row of the table.
struct Row {
    runtime: Runtime,
    max_abs: Option<f64>,
    relative: Option<f64>,
    /// `None` when not run or not runnable.
    within: Option<bool>,
    /// The runtime refused or failed to run the snapshot (the note says why).
    failed: bool,
    note: String,
}

/// What one op change was, for the report.
struct Change {
    change: &'static str,
    op: String,
    node: Option<String>,
    source: Option<String>,
    location: String,
    detail: String,
}

/// Runs the bisection; `Ok(true)` when every row that ran is within tolerance.
pub fn run(args: &Args, pipeline_text: &str, messages: &Messages) -> Result<bool, String> {
    let inputs = args.inputs.as_deref().ok_or("--bisect needs --inputs IN.npz")?;
    let expected = args.expected.as_deref().ok_or("--bisect needs --expected OUT.npz")?;
    for (flag, path) in [("--inputs", inputs), ("--expected", expected)] {
        if !path.is_file() {
            return Err(format!("{flag} {}: no such file", path.display()));
        }
    }
    if let Some(t) = args.tolerance.filter(|t| !(*t >= 0.0 && t.is_finite())) {
        return Err(format!("--tolerance must be a finite number >= 0, got {t}"));
    }
    let steps = flatten(&parse_pipeline(pipeline_text)?);

    let temp;
    let work: PathBuf = match &args.keep_intermediates {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| format!("--keep-intermediates {}: {e}", dir.display()))?;
            remove_old_snapshots(dir)?;
            dir.clone()
        }
        None => {
            temp = tempfile::Builder::new()
                .prefix("edge-bisect")
                .tempdir()
                .map_err(|e| format!("cannot make a temporary directory: {e}"))?;
            temp.path().to_path_buf()
        }
    };
    let python = args
        .python
        .clone()
        .or_else(|| std::env::var("EDGE_PYTHON").ok().filter(|p| !p.is_empty()))
        .unwrap_or_else(|| "python3".to_string());
    let mut runner = Runner::spawn(&python, &work, args.keep_intermediates.is_some())?;

    let (mut jobs, _) = jobs(args)?;
    let names: Vec<String> = jobs.iter().map(|j| j.key.clone()).collect();
    if let Some(program) = &args.program {
        jobs.retain(|j| &j.key == program);
        if jobs.is_empty() {
            return Err(format!("--program {program}: no such program in the archive (it holds {})", names.join(", ")));
        }
    }
    if jobs.len() != 1 {
        return Err(format!(
            "--bisect runs one program; the archive holds {} ({}): choose one with --program NAME",
            jobs.len(),
            names.join(", ")
        ));
    }
    let job = jobs.remove(0);
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    // Diagnostics are printed here; the error's own message then says what failed.
    let diagnosed = |what: String| {
        messages.diagnostics(collector.take());
        what
    };
    // Every pass is resolved before any work, so a misspelt one costs nothing.
    let options = RunOptions { verify_each: true, ..RunOptions::default() };
    let pipelines = steps
        .iter()
        .map(|step| Pipeline::build(&context, &step.pipeline(), &options))
        .collect::<Result<Vec<_>, _>>()?;
    // The import, a step per pass, and the wait for the last snapshots.
    messages.set_total(steps.len() + 2);
    messages.progress("bisect: importing".into());
    let mut module = match import_program(&context, Arc::new(job.program), &import_options(args)) {
        Ok(m) => m.module,
        Err(e) => return Err(messages.import_failed(&job.origin, &e, &collector)),
    };

    runner.start(inputs, expected)?;
    let mut snapshots = vec![snapshot(&module, &collector, &work, 0, None, None)?];
    runner.submit(&snapshots[0])?;
    // A pass that fails ends the run; the rows before it are still measured and shown.
    let mut failed = None;
    // Data that do not fit the imported model are the caller's mistake, not a pass's.
    let misfit = |e: String| format!("{} and {} do not fit the model: {e}", inputs.display(), expected.display());
    for (i, (step, pipeline)) in steps.iter().zip(&pipelines).enumerate() {
        if let Some(e) = runner.misfit() {
            return Err(misfit(e));
        }
        let label = step.label();
        messages.progress(format!("bisect: pass {}/{} {label}", i + 1, steps.len()));
        if pipeline.run(&mut module).is_err() || collector.has_errors() || !verify_module(&module) {
            failed = Some(diagnosed(format!("pass {} '{label}' failed; the errors above say where", i + 1)));
            break;
        }
        // Remarks (what a pass kept and why) are the conversion's business, not ours.
        collector.take();
        let next = snapshot(&module, &collector, &work, i + 1, Some(label), snapshots.last())?;
        if next.same_as.is_none() {
            runner.submit(&next)?;
        }
        snapshots.push(next);
    }

    messages.progress("bisect: running the last snapshots".into());
    let results = runner.finish(&snapshots, &work)?;
    messages.finish();
    if let Some(r) = results.iter().find(|r| r["runtime"] != "skipped") {
        if r["data_error"] == true {
            return Err(misfit(r["error"].as_str().unwrap_or("").to_string()));
        }
    }
    // Without --tolerance: 1e-4, or one step of the expected outputs' float type when
    // coarser (a float16 output cannot come closer than that to PyTorch's).
    let resolution = results.iter().filter_map(|r| r["resolution"].as_f64()).fold(0.0, f64::max);
    let tolerance = Tolerance {
        value: args.tolerance.unwrap_or(DEFAULT_TOLERANCE.max(resolution)),
        raised: args.tolerance.is_none() && resolution > DEFAULT_TOLERANCE,
    };
    let rows: Vec<Row> = snapshots.iter().zip(results).map(|(s, r)| row(s, r, tolerance.value)).collect();
    let past = first_past(&rows);
    let changes = past.map(|k| {
        // Against the last snapshot measured within tolerance: the passes between (their
        // rows skipped) are suspects too, and the text says so.
        let base = rows[..k].iter().rposition(|r| r.within == Some(true)).unwrap_or(k.saturating_sub(1));
        (base, if k == 0 { Vec::new() } else { diff(&snapshots[base].summary, &snapshots[k].summary) })
    });

    let mut text = table(args, tolerance, &snapshots, &rows, past, changes.as_ref());
    if failed.is_some() {
        text.push_str(&format!("pass {} failed: no rows after it (the error says why)\n", snapshots.len()));
    }
    print!("{text}");
    if let Some(path) = &args.report_json {
        let json = report_json(tolerance.value, &snapshots, &rows, past, changes.as_ref());
        driver::write_atomically(path, format!("{json:#}\n").as_bytes())?;
    }
    match failed {
        Some(error) => Err(error),
        None => Ok(past.is_none()),
    }
}

/// Removes the snapshots of an earlier run from DIR (`NN-pass.mlir` / `.tflite`), so what
/// is there after the run is this run's.
fn remove_old_snapshots(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("--keep-intermediates {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let numbered = name.split_once('-').is_some_and(|(n, _)| n.len() >= 2 && n.bytes().all(|b| b.is_ascii_digit()));
        if numbered && (name.ends_with(".mlir") || name.ends_with(".tflite")) {
            std::fs::remove_file(entry.path()).map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Writes the module for its runtime and summarizes it.
fn snapshot<'c>(
    module: &Module<'c>,
    collector: &DiagnosticCollector,
    work: &Path,
    index: usize,
    pass: Option<String>,
    previous: Option<&Snapshot<'c>>,
) -> Result<Snapshot<'c>, String> {
    let root = Op::of_module(module);
    let summary = summarize(root);
    if let Some(p) = previous.filter(|p| p.summary == summary) {
        // Same ops, attributes, types and wiring: the same numbers, measured once.
        let same_as = Some(p.same_as.unwrap_or(index - 1));
        let (stage, runtime, path, ops, note) = (p.stage, p.runtime, p.path.clone(), p.ops, p.note.clone());
        return Ok(Snapshot { pass, stage, runtime, path, ops, note, summary, same_as });
    }
    // The entry: the public function (as the writer takes it), else @main, else the first.
    let funcs: Vec<Op> = root.body_ops().into_iter().filter(|f| f.is("func.func")).collect();
    let entry = funcs
        .iter()
        .find(|f| f.str_attr("sym_visibility").as_deref() != Some("private"))
        .or_else(|| funcs.iter().find(|f| f.str_attr("sym_name").as_deref() == Some("main")))
        .or(funcs.first())
        .copied();
    let body = entry.map(Op::nested_ops).unwrap_or_default();
    let has = |dialect: &str| body.iter().any(|op| op.dialect() == dialect);
    let stage = match (has("stablehlo"), has("tfl")) {
        (true, false) => "stablehlo",
        (false, true) => "tfl",
        (true, true) => "mixed",
        (false, false) => "other",
    };
    // Constants are data, not work, and every function has a return.
    let ops = body
        .iter()
        .filter(|op| {
            !matches!(
                op.name(),
                "func.return"
                    | "stablehlo.constant"
                    | "tfl.pseudo_const"
                    | "tfl.pseudo_qconst"
                    | "tfl.no_value"
                    | "arith.constant"
            )
        })
        .count();
    let name = pass.as_deref().map(|p| p.split('{').next().unwrap_or(p)).unwrap_or("import");
    let stem = work.join(format!("{index:02}-{name}"));
    let (runtime, path, note) = if stage == "stablehlo" || stage == "other" && index == 0 {
        let path = stem.with_extension("mlir");
        let text = driver::print_operation(
            &module.as_operation(),
            PrintOptions { generic: false, debug_info: false, elide_resources: false },
        )?;
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        (Runtime::Xla, path, String::new())
    } else {
        let path = stem.with_extension("tflite");
        match tflite::module_to_tflite_image(module, &WriteOptions::default()) {
            Ok(image) => {
                driver::write_pieces_atomically(&path, &image.pieces())?;
                (Runtime::Litert, path, String::new())
            }
            // A snapshot the writer cannot write (ops not legalized yet) is not measured.
            Err(e) => {
                let why = match e {
                    TranslateError::Diagnosed(_) => {
                        collector.take().first().map(|d| d.message.clone()).unwrap_or_default()
                    }
                    TranslateError::Message(m) => m,
                };
                (Runtime::Skipped, path, format!("the tflite writer cannot write this {stage} module: {why}"))
            }
        }
    };
    Ok(Snapshot { pass, stage, runtime, path, ops, note, summary, same_as: None })
}

/// Every op of the module in walk order, as the diff and the no-change test see it.
fn summarize<'c>(root: Op<'c>) -> Vec<OpInfo<'c>> {
    let ops = root.nested_ops();
    let index: HashMap<_, usize> = ops.iter().enumerate().map(|(i, op)| (op.to_raw().ptr, i)).collect();
    let slot = |op: Option<Op>| op.and_then(|o| index.get(&o.to_raw().ptr).copied()).unwrap_or(usize::MAX >> 1);
    ops.iter()
        .map(|&op| OpInfo {
            name: op.name().to_string(),
            location: edge_dialects::ir::print_location(op.location().to_raw()),
            operands: op
                .operands()
                .into_iter()
                .map(|v| match (v.result_number(), v.arg_number()) {
                    (Some(n), _) => (slot(v.defining_op()), n),
                    (None, Some(n)) => (BLOCK_ARG | slot(v.owner_block().and_then(|b| b.parent_op())), n),
                    (None, None) => (usize::MAX, 0),
                })
                .collect(),
            attrs: op.attrs(),
            results: op.result_types(),
        })
        .collect()
}

/// An attribute's text when short (a changed op's listing shows it), else `None`.
fn short_attr(a: Attribute) -> Option<String> {
    // Large constants are not printed: printing one costs as much as its data.
    if a.ty().value().num_elements().is_some_and(|n| n > 8) {
        return None;
    }
    Some(a.print()).filter(|text| text.len() <= 60)
}

/// The Python process that runs every snapshot, as they come: it runs one while the
/// next pass runs here (two cores), and each snapshot can go once it has run.
struct Runner {
    python: String,
    child: Child,
    stdin: Option<ChildStdin>,
    /// To the thread reading results: each submitted snapshot's path (`None`: keep it).
    paths: Option<mpsc::Sender<Option<PathBuf>>>,
    results: Option<JoinHandle<Vec<serde_json::Value>>>,
    stderr: Option<JoinHandle<String>>,
    /// What was sent, kept for a rerun by hand: `PY bisect_runner.py < manifest.jsonl`.
    manifest: String,
    keep: bool,
    /// The first snapshot that ran found that the data do not fit the model: why.
    misfit: Arc<Mutex<Option<String>>>,
    /// The runner died on a snapshot (a runtime that crashes on a broken model): how.
    crashed: Option<String>,
}

impl Runner {
    /// Starts the runner: it imports numpy, LiteRT and jax while the import runs here.
    fn spawn(python: &str, work: &Path, keep: bool) -> Result<Runner, String> {
        let script = work.join("bisect_runner.py");
        std::fs::write(&script, RUNNER).map_err(|e| format!("cannot write {}: {e}", script.display()))?;
        let mut child = Command::new(python)
            .arg(&script)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run the Python '{python}' ({e}); name one with numpy and ai-edge-litert by --python or EDGE_PYTHON"))?;
        let (stdout, mut stderr) = (child.stdout.take(), child.stderr.take());
        let (paths, done) = mpsc::channel::<Option<PathBuf>>();
        // One result line per snapshot, in order; a snapshot not kept goes once it ran.
        let misfit = Arc::new(Mutex::new(None));
        let seen = Arc::clone(&misfit);
        let results = std::thread::spawn(move || {
            let mut rows = Vec::new();
            for line in BufReader::new(stdout.expect("piped")).lines().map_while(Result::ok) {
                let Ok(row) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
                if row["data_error"] == true && rows.iter().all(|r: &serde_json::Value| r["runtime"] == "skipped") {
                    *seen.lock().unwrap_or_else(|e| e.into_inner()) = row["error"].as_str().map(str::to_string);
                }
                if let Ok(Some(path)) = done.recv() {
                    let _ = std::fs::remove_file(path);
                }
                rows.push(row);
            }
            rows
        });
        // Drained as it comes, so a talkative runtime never blocks on a full pipe.
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            if let Some(e) = stderr.as_mut() {
                let _ = e.read_to_string(&mut text);
            }
            text
        });
        Ok(Runner {
            python: python.to_string(),
            stdin: child.stdin.take(),
            child,
            paths: Some(paths),
            results: Some(results),
            stderr: Some(stderr),
            manifest: String::new(),
            keep,
            misfit,
            crashed: None,
        })
    }

    /// Why the data do not fit the model, once the first snapshot that ran said so.
    fn misfit(&self) -> Option<String> {
        self.misfit.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Sends one line; a runner that is gone says why by its exit code. One that
    /// crashed takes no more: its rows say so.
    fn send(&mut self, value: serde_json::Value) -> Result<(), String> {
        let line = format!("{value}\n");
        self.manifest.push_str(&line);
        if self.crashed.is_some() {
            return Ok(());
        }
        let sent = self.stdin.as_mut().map(|stdin| stdin.write_all(line.as_bytes()).and_then(|()| stdin.flush()));
        match sent {
            Some(Ok(())) => Ok(()),
            _ if self.check_crash() => Ok(()),
            _ => Err(self.failure()),
        }
    }

    /// Whether the runner is gone by a signal (a runtime's crash, not an error it
    /// reported); remembered in `crashed`.
    fn check_crash(&mut self) -> bool {
        if self.crashed.is_none() {
            if let Ok(status) = self.child.wait() {
                self.crashed = signal(&status);
            }
        }
        self.crashed.is_some()
    }

    /// The data every snapshot runs on; sent first.
    fn start(&mut self, inputs: &Path, expected: &Path) -> Result<(), String> {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        self.send(serde_json::json!({ "inputs": absolute(inputs), "expected": absolute(expected) }))
    }

    /// Hands one snapshot over (one the runner does not run too: its row keeps the order).
    fn submit(&mut self, snapshot: &Snapshot) -> Result<(), String> {
        let runs = snapshot.runtime != Runtime::Skipped;
        let gone = (!self.keep && runs).then(|| snapshot.path.clone());
        if let Some(paths) = &self.paths {
            let _ = paths.send(gone);
        }
        self.send(
            serde_json::json!({ "path": snapshot.path, "runtime": snapshot.runtime.name(), "note": snapshot.note }),
        )
    }

    /// Waits for the runner; one result per snapshot (an unchanged one repeats the one it
    /// equals).
    fn finish(mut self, snapshots: &[Snapshot], work: &Path) -> Result<Vec<serde_json::Value>, String> {
        if self.keep {
            let _ = std::fs::write(work.join("manifest.jsonl"), &self.manifest);
        }
        self.stdin = None;
        self.paths = None;
        let measured = self.results.take().map(|t| t.join().unwrap_or_default()).unwrap_or_default();
        let distinct = snapshots.iter().filter(|s| s.same_as.is_none()).count();
        let mut measured = if measured.len() == distinct {
            // Every snapshot has its answer: how the runner ends after that changes none.
            let _ = self.child.wait();
            measured
        } else if self.check_crash() {
            // The snapshot it died on is past any tolerance; the ones after it did not run.
            let how = self.crashed.clone().unwrap_or_default();
            let mut rows = measured;
            let mut runs = snapshots.iter().filter(|s| s.same_as.is_none()).skip(rows.len());
            if let Some(s) = runs.next() {
                let error = format!("the runner crashed on this snapshot ({how})");
                rows.push(serde_json::json!({ "runtime": s.runtime.name(), "error": error, "crashed": true }));
            }
            let note = "not run: the runner crashed on an earlier snapshot";
            rows.extend(runs.map(|_| serde_json::json!({ "runtime": "skipped", "note": note })));
            rows
        } else {
            return Err(self.failure());
        }
        .into_iter();
        let mut rows: Vec<serde_json::Value> = Vec::with_capacity(snapshots.len());
        for s in snapshots {
            let row = match s.same_as {
                Some(k) => rows[k].clone(),
                None => measured.next().unwrap_or_default(),
            };
            rows.push(row);
        }
        Ok(rows)
    }

    /// Why the runner stopped early, from its exit code and stderr.
    fn failure(&mut self) -> String {
        self.stdin = None;
        let status = self.child.wait().map(|s| s.code());
        let stderr = self.stderr.take().map(|t| t.join().unwrap_or_default()).unwrap_or_default();
        let last = stderr.lines().filter(|l| !l.trim().is_empty()).last().unwrap_or("").trim().to_string();
        match status {
            Ok(Some(EXIT_IMPORT)) => {
                format!("{last}; name a Python with numpy and ai-edge-litert by --python or EDGE_PYTHON")
            }
            Ok(code) => format!(
                "the bisect runner ({}) stopped (exit code {}): {}",
                self.python,
                code.map_or("none".into(), |c| c.to_string()),
                stderr.trim()
            ),
            Err(e) => format!("waiting for the runner: {e}"),
        }
    }
}

impl Drop for Runner {
    fn drop(&mut self) {
        // An error on the way (a pass, a write): the runner is ours to stop.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The first row past tolerance; else, when the last snapshots cannot run, the first of
/// them. A snapshot that cannot run but is followed by one that can is a state between
/// passes that work together (`tfl-quantize` leaves float biases on int8 convolutions
/// for `tfl-quantize-bias`), not a fault.
fn first_past(rows: &[Row]) -> Option<usize> {
    rows.iter().position(|r| r.within == Some(false)).or_else(|| {
        let runs = rows.iter().rposition(|r| !r.failed);
        match runs {
            Some(i) if i + 1 < rows.len() => Some(i + 1),
            None if !rows.is_empty() => Some(0),
            _ => None,
        }
    })
}

/// How a process that stopped by a signal stopped (`None`: it exited).
fn signal(status: &std::process::ExitStatus) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal().map(|n| format!("signal {n}"))
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        None
    }
}

/// A snapshot's row from the runner's result.
fn row(s: &Snapshot, r: serde_json::Value, tolerance: f64) -> Row {
    let note = r["note"].as_str().unwrap_or("").to_string();
    let error = r["error"].as_str().map(str::to_string);
    let runtime = match r["runtime"].as_str() {
        Some("xla") => Runtime::Xla,
        Some("litert") => Runtime::Litert,
        _ => Runtime::Skipped,
    };
    let (max_abs, relative) = (r["max_abs_error"].as_f64(), r["relative_error"].as_f64());
    let join = |a: String, b: String| {
        if a.is_empty() {
            b
        } else if b.is_empty() {
            a
        } else {
            format!("{a}; {b}")
        }
    };
    // A pass that changed nothing is worth knowing when a pipeline is being tuned.
    let note = if s.same_as.is_some() { join("no change".into(), note) } else { note };
    if r["crashed"] == true {
        // A model that takes the runtime down is as wrong as one past tolerance.
        let note = join(note, error.unwrap_or_default());
        return Row { runtime, max_abs: None, relative: None, within: Some(false), failed: false, note };
    }
    match (runtime, error) {
        (Runtime::Skipped, _) => Row {
            runtime,
            max_abs: None,
            relative: None,
            within: None,
            failed: false,
            note: join(s.note.clone(), note),
        },
        // XLA is the reference before legalization, not the target: a module its parser
        // or compiler refuses is not measured rather than wrong.
        (Runtime::Xla, Some(e)) => Row {
            runtime: Runtime::Skipped,
            max_abs: None,
            relative: None,
            within: None,
            failed: false,
            note: join(note, e),
        },
        (_, Some(e)) => Row { runtime, max_abs, relative, within: None, failed: true, note: join(note, e) },
        (_, None) => {
            let within = Some(relative.is_some_and(|x| x <= tolerance));
            Row { runtime, max_abs, relative, within, failed: false, note }
        }
    }
}

/// The `node` of a location (`loc("conv1"(...))`) and its `file.py:line`.
fn node_and_source(location: &str) -> (Option<String>, Option<String>) {
    let node = edge_dialects::remark::location_name(location);
    let source = parse_source_pos(location).map(|p| format!("{}:{}", p.file, p.line));
    // A bare `loc("file":3:1)` names no node.
    let node = node.filter(|n| source.as_deref().is_none_or(|s| !s.starts_with(n.as_str())));
    (node, source)
}

/// The ops a pass added, removed or changed (attributes), matched by name and location:
/// ops a pass keeps keep both.
fn diff(before: &[OpInfo], after: &[OpInfo]) -> Vec<Change> {
    let key = |o: &OpInfo| (o.name.clone(), o.location.clone());
    let mut unmatched: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, o) in before.iter().enumerate().rev() {
        unmatched.entry(key(o)).or_default().push(i);
    }
    let mut changes = Vec::new();
    let mut matched = vec![false; before.len()];
    for o in after {
        match unmatched.get_mut(&key(o)).and_then(Vec::pop) {
            Some(i) => {
                matched[i] = true;
                let old = &before[i];
                let mut detail: Vec<String> = Vec::new();
                for (name, a) in o.attrs.iter().filter(|a| !old.attrs.contains(a)) {
                    match old.attrs.iter().find(|b| &b.0 == name) {
                        Some((_, b)) => match (short_attr(*b), short_attr(*a)) {
                            (Some(b), Some(a)) => detail.push(format!("{name}: {b} -> {a}")),
                            _ => detail.push(format!("{name} changed")),
                        },
                        None => detail.push(format!("{name} added: {}", short_attr(*a).unwrap_or_else(|| "...".into()))),
                    }
                }
                for (name, _) in old.attrs.iter().filter(|b| !o.attrs.iter().any(|a| a.0 == b.0)) {
                    detail.push(format!("{name} removed"));
                }
                if o.results != old.results {
                    let types =
                        |ts: &[Type]| first_line(&ts.iter().map(Type::to_string).collect::<Vec<_>>().join(", "), 100);
                    detail.push(format!("result types: {} -> {}", types(&old.results), types(&o.results)));
                }
                if !detail.is_empty() {
                    changes.push(change("changed", o, detail.join(", ")));
                }
            }
            None => changes.push(change("added", o, String::new())),
        }
    }
    for (i, o) in before.iter().enumerate() {
        if !matched[i] {
            changes.push(change("removed", o, String::new()));
        }
    }
    // Computation first: constants a pass folds or moves are many and seldom the story.
    let constant = |c: &Change| c.op.ends_with("constant") || c.op.starts_with("tfl.pseudo_");
    changes.sort_by_key(|c| (constant(c), ["changed", "removed", "added"].iter().position(|k| *k == c.change)));
    changes
}

fn change(kind: &'static str, o: &OpInfo, detail: String) -> Change {
    let (node, source) = node_and_source(&o.location);
    Change { change: kind, op: o.name.clone(), node, source, location: o.location.clone(), detail }
}

fn number(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.3e}")).unwrap_or_else(|| "-".into())
}

fn pass_name<'s>(s: &'s Snapshot) -> &'s str {
    s.pass.as_deref().unwrap_or("import")
}

/// The table, the verdict and the changed ops, as printed.
fn table(
    args: &Args,
    tolerance: Tolerance,
    snapshots: &[Snapshot],
    rows: &[Row],
    past: Option<usize>,
    changes: Option<&(usize, Vec<Change>)>,
) -> String {
    let input = args.input.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
    let why = if tolerance.raised { " (one float16 step: an expected output is float16)" } else { "" };
    let mut s = format!("edge-convert --bisect {input}: tolerance {:e} of max|out|{why}\n", tolerance.value);
    let width = snapshots.iter().map(|s| pass_name(s).len()).max().unwrap_or(6).max(9);
    let header = format!(
        "{:>3}  {:<width$}  {:<9}  {:<7}  {:>5}  {:>11}  {:>11}",
        "#", "pass", "stage", "runtime", "ops", "max abs err", "rel err"
    );
    s.push_str(&format!("{}\n", header.trim_end()));
    for (i, (snap, r)) in snapshots.iter().zip(rows).enumerate() {
        let verdict = match (r.within, r.failed) {
            (Some(true), _) => "ok",
            (Some(false), _) => "PAST",
            (None, true) => "error",
            (None, false) => "",
        };
        let note = if r.note.is_empty() { String::new() } else { format!("  ({})", first_line(&r.note, 100)) };
        let line = format!(
            "{i:>3}  {:<width$}  {:<9}  {:<7}  {:>5}  {:>11}  {:>11}  {verdict}{note}",
            pass_name(snap),
            snap.stage,
            r.runtime.name(),
            snap.ops,
            number(r.max_abs),
            number(r.relative),
        );
        s.push_str(&format!("{}\n", line.trim_end()));
    }
    let skipped = rows.iter().filter(|r| r.within.is_none() && !r.failed).count();
    let failed = rows.iter().filter(|r| r.failed).count();
    let skipped = match (skipped, failed) {
        (0, 0) => String::new(),
        (n, 0) => format!("; {n} not run: see their notes"),
        (0, f) => format!("; {f} could not run, but a later one did: see their notes"),
        (n, f) => format!("; {n} not run, {f} could not run but a later one did: see their notes"),
    };
    let (Some(k), Some((base, changes))) = (past, changes) else {
        s.push_str(&format!("every row that ran is within tolerance{skipped}\n"));
        return s;
    };
    let what = match rows[k].relative {
        Some(x) if rows[k].max_abs.is_some() => format!("relative error {x:.3e} > {:e}", tolerance.value),
        _ => first_line(&rows[k].note, 200),
    };
    if k == 0 {
        // Numbers past tolerance there are the importer's; a crash need not be.
        let whose = if rows[0].relative.is_some() { "the importer's lowering, not a pass" } else { "before any pass" };
        s.push_str(&format!("past tolerance already after import ({what}): {whose}\n"));
        return s;
    }
    if rows[k].failed {
        s.push_str(&format!("from pass {k} {} on, the model does not run ({what})\n", pass_name(&snapshots[k])));
    } else {
        s.push_str(&format!("first past tolerance: pass {k} {} ({what})\n", pass_name(&snapshots[k])));
    }
    if *base + 1 < k {
        let between: Vec<_> = snapshots[base + 1..k].iter().map(pass_name).collect();
        s.push_str(&format!(
            "  (rows {}..{} were not measured: {} may be at fault too; ops compared with row {base})\n",
            base + 1,
            k - 1,
            between.join(", ")
        ));
    }
    s.push_str(&format!("  it changed {} op(s):\n", changes.len()));
    for c in changes.iter().take(LISTED_CHANGES) {
        let place = match (&c.node, &c.source) {
            (Some(n), Some(src)) => format!("{n} ({src})"),
            (Some(n), None) => n.clone(),
            (None, Some(src)) => src.clone(),
            (None, None) => c.location.clone(),
        };
        let detail = if c.detail.is_empty() { String::new() } else { format!("  {}", c.detail) };
        s.push_str(&format!("    {:<8} {:<24} at {place}{detail}\n", c.change, c.op));
    }
    if changes.len() > LISTED_CHANGES {
        s.push_str(&format!("    ... and {} more (--report-json lists them all)\n", changes.len() - LISTED_CHANGES));
    }
    s
}

fn first_line(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > max {
        format!("{}...", line.chars().take(max).collect::<String>())
    } else {
        line.to_string()
    }
}

fn report_json(
    tolerance: f64,
    snapshots: &[Snapshot],
    rows: &[Row],
    past: Option<usize>,
    changes: Option<&(usize, Vec<Change>)>,
) -> serde_json::Value {
    let rows_json: Vec<_> = snapshots
        .iter()
        .zip(rows)
        .map(|(s, r)| {
            serde_json::json!({
                "stage": s.stage,
                "pass": pass_name(s),
                "runtime": r.runtime.name(),
                "ops": s.ops,
                "max_abs_error": r.max_abs,
                "relative_error": r.relative,
                "within": r.within,
                "note": r.note,
            })
        })
        .collect();
    let first = past.zip(changes).map(|(k, (_, changes))| {
        serde_json::json!({
            "pass": pass_name(&snapshots[k]),
            "index": k,
            "relative_error": rows[k].relative,
            "changed_ops": changes.iter().map(|c| serde_json::json!({
                "change": c.change,
                "op": c.op,
                "node": c.node,
                "source": c.source,
                "location": c.location,
                "detail": c.detail,
            })).collect::<Vec<_>>(),
        })
    });
    serde_json::json!({ "tolerance": tolerance, "rows": rows_json, "first_past_tolerance": first })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(within: Option<bool>, failed: bool) -> Row {
        Row { runtime: Runtime::Litert, max_abs: None, relative: None, within, failed, note: String::new() }
    }

    #[test]
    fn first_past_is_the_first_row_past_tolerance() {
        let ok = || row(Some(true), false);
        assert_eq!(first_past(&[ok(), ok()]), None);
        assert_eq!(first_past(&[ok(), row(Some(false), false), row(Some(false), false)]), Some(1));
        // A row that cannot run between rows that can is a state between passes.
        assert_eq!(first_past(&[ok(), row(None, true), ok()]), None);
        // From the first of the last rows that cannot run on, the model is broken.
        assert_eq!(first_past(&[ok(), row(None, true), ok(), row(None, true), row(None, true)]), Some(3));
        // Skipped rows (no jax) are neither.
        assert_eq!(first_past(&[row(None, false), ok()]), None);
    }

    fn op<'c>(cx: edge_dialects::mlir::Context<'c>, name: &str, location: &str, attrs: &[(&str, &str)]) -> OpInfo<'c> {
        let attrs = attrs.iter().map(|(n, text)| (n.to_string(), cx.parse_attr(text).expect(text))).collect();
        let results = vec![cx.parse_type("tensor<4xf32>").unwrap()];
        OpInfo { name: name.into(), location: location.into(), operands: Vec::new(), attrs, results }
    }

    #[test]
    fn diff_matches_ops_by_name_and_location() {
        let context = edge_context();
        let cx = edge_dialects::mlir::Context::of(&context);
        let conv = "loc(\"conv\"(\"m.py\":3:1))";
        let before = [
            op(cx, "tfl.pseudo_const", "loc(\"w\")", &[("value", "dense<1.0> : tensor<16xf32>")]),
            op(cx, "tfl.conv_2d", conv, &[("fused_activation_function", "\"NONE\"")]),
            op(cx, "tfl.relu", "loc(\"relu\"(\"m.py\":4:1))", &[]),
        ];
        let mut retyped = op(cx, "tfl.relu", "loc(\"relu\"(\"m.py\":4:1))", &[]);
        retyped.results = vec![cx.parse_type("tensor<4xf16>").unwrap()];
        let after = [
            op(cx, "tfl.pseudo_const", "loc(\"w\")", &[("value", "dense<2.0> : tensor<16xf32>")]),
            op(cx, "tfl.conv_2d", conv, &[("fused_activation_function", "\"RELU\"")]),
            op(cx, "tfl.mean", "loc(\"mean\")", &[]),
        ];
        let changes = diff(&before, &after);
        let got: Vec<_> = changes.iter().map(|c| (c.change, c.op.as_str(), c.detail.as_str())).collect();
        assert_eq!(
            got,
            [
                ("changed", "tfl.conv_2d", "fused_activation_function: \"NONE\" -> \"RELU\""),
                ("removed", "tfl.relu", ""),
                ("added", "tfl.mean", ""),
                // Constants last; a large value is said to change, not printed.
                ("changed", "tfl.pseudo_const", "value changed"),
            ]
        );
        assert_eq!(changes[0].node.as_deref(), Some("conv"));
        assert_eq!(changes[0].source.as_deref(), Some("m.py:3"));
        // Identical ops are no change at all; a retyped one says how.
        assert!(diff(&before, &before).is_empty());
        let changes = diff(&before[2..], &[retyped]);
        assert_eq!(changes[0].detail, "result types: tensor<4xf32> -> tensor<4xf16>");
    }

    #[test]
    fn locations_give_node_and_source() {
        assert_eq!(node_and_source("loc(\"relu\")"), (Some("relu".into()), None));
        assert_eq!(node_and_source("loc(\"add\"(\"/a/m.py\":12:5))"), (Some("add".into()), Some("/a/m.py:12".into())));
        assert_eq!(node_and_source("loc(\"m.py\":3:1)"), (None, Some("m.py:3".into())));
        assert_eq!(node_and_source("loc(unknown)"), (None, None));
    }
}

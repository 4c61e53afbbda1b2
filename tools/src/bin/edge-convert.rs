//! edge-convert: a torch.export archive (.pt2) in, a .tflite flatbuffer out, through the
//! default pipeline (`--print-pipeline` shows it), with a summary of what came out.
//! `--bisect` measures the model after every pass instead (`bisect`).

#[path = "edge-convert/bisect.rs"]
mod bisect;

use clap::Parser;
use edge_compiler::driver::{self, Output};
use edge_compiler::pt2::archive::Archive;
use edge_compiler::pt2::{import_program, weights, BufferMutations, ImportError, ImportOptions};
use edge_compiler::tflite::{self, TranslateError, WriteOptions};
use edge_dialects::context::{edge_context, verify_module, DiagnosticCollector};
use edge_dialects::context::{Diag, Severity};
use serde_json::json;
use edge_passes::manager::PassHook;
use edge_passes::pipelines::{convert_pipeline, ConvertPipelineOptions, IoType, Recurrent, WeightQuantization};
use edge_passes::{Pipeline, RunOptions};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum IoTypeArg {
    Float,
    Int8,
    Uint8,
}

/// How LSTM and RNN layers are written.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum RecurrentArg {
    /// Unrolled steps for short, narrow layers (measured faster under XNNPACK), TFLite's
    /// fused sequence ops for the others.
    Auto,
    /// One fused sequence op per layer wherever it computes the same thing: fewest ops,
    /// one copy of the weights.
    Fused,
    /// The unrolled steps for every layer.
    Unrolled,
}

/// How progress and errors are printed.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum MessageFormat {
    /// A spinner naming the step (on a terminal) and errors as text.
    Human,
    /// One JSON object per line on stderr, for programs that drive edge-convert:
    /// `{"type": "progress", "step", "total", "message"}`, `{"type": "diagnostic",
    /// "severity", "message", "node", "file", "line", "column", "location", "notes"}`
    /// and `{"type": "error", "message", ...}` (an import error also names its
    /// `kind` and the unsupported operators or the node, with source lines).
    Json,
}

/// What buffers the program writes become.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum BufferMutationsArg {
    /// An extra input (the value before the call) and output (after it) per buffer.
    InputsOutputs,
    /// Refuse the program (one exported in training mode writes batch-norm statistics).
    Refuse,
}

#[derive(Parser, Debug)]
#[command(
    name = "edge-convert",
    version,
    about = "Convert a torch.export archive (.pt2) into a TFLite flatbuffer (.tflite)",
    after_help = "The pipeline it runs is printed by --print-pipeline; each pass can be rerun on MLIR text with\n`edge-opt --pass-pipeline=...` after `edge-translate --pt2-to-mlir`."
)]
struct Args {
    /// The .pt2 archive (from torch.export.save, torch 2.9 or newer); `-` reads it from
    /// standard input (then name the output with -o).
    /// An archive holding several programs (`package_pt2`) gives one signature per
    /// program, keyed by its name.
    #[arg(required_unless_present_any = ["print_pipeline", "signatures"], conflicts_with = "signatures")]
    input: Option<PathBuf>,
    /// A signature of the output: NAME=ARCHIVE (repeatable), e.g. `--signature
    /// prefill=prefill.pt2 --signature decode=decode.pt2`. Each becomes one subgraph with
    /// a SignatureDef named NAME; weights equal across them are stored once.
    #[arg(long = "signature", value_name = "NAME=ARCHIVE", value_parser = parse_signature)]
    signatures: Vec<(String, PathBuf)>,
    /// Output .tflite (default: the input's name, or the first --signature archive's,
    /// with .tflite). Written only when the
    /// conversion succeeds; `-` writes to standard output.
    #[arg(short = 'o', value_name = "FILE")]
    output: Option<String>,
    /// Make 4-D inputs and outputs channel-last (NHWC) instead of PyTorch's NCHW, so
    /// the model has no transpose at its edges. Feed it NHWC data.
    #[arg(long = "channel-last-io")]
    channel_last_io: bool,
    /// Inputs and outputs of a quantized (pt2e) model: float (quantize and dequantize
    /// ops at the edges), or int8 / uint8 with each tensor's scale and zero point in
    /// the file. Float inputs and outputs of a model that quantizes none stay float.
    #[arg(long = "io-type", value_enum, default_value_t = IoTypeArg::Float)]
    io_type: IoTypeArg,
    /// Store the weights quantized. The summary says how many weights of each type the
    /// file holds and, in its notes, which stayed float32 and why.
    #[arg(long = "quantize", value_enum, value_name = "MODE")]
    quantize: Option<QuantizeMode>,
    /// LSTM and RNN layers as TFLite's fused sequence ops or as unrolled steps (GRU
    /// layers are always unrolled: TFLite has no GRU op). The summary says which each
    /// layer became and why.
    #[arg(long = "recurrent", value_enum, value_name = "MODE", default_value_t = RecurrentArg::Auto)]
    recurrent: RecurrentArg,
    /// Buffers the program writes (KV caches registered as buffers and updated in
    /// place): an extra input and output each, named by the buffer (the caller carries
    /// the state, as with caches passed in and returned), or refused.
    #[arg(long = "buffer-mutations", value_enum, value_name = "MODE", default_value_t = BufferMutationsArg::InputsOutputs)]
    buffer_mutations: BufferMutationsArg,
    /// Print the pass pipeline and exit.
    #[arg(long = "print-pipeline")]
    print_pipeline: bool,
    /// Print the IR after every pass (to stderr).
    #[arg(long = "mlir-print-ir-after-all")]
    print_ir_after_all: bool,
    /// Print the IR before every pass (to stderr).
    #[arg(long = "mlir-print-ir-before-all")]
    print_ir_before_all: bool,
    /// Print MLIR's pass timing report (to stderr).
    #[arg(long = "mlir-timing")]
    timing: bool,
    /// Write the summary as JSON to FILE as well.
    #[arg(long = "report-json", value_name = "FILE")]
    report_json: Option<PathBuf>,
    /// Print no summary.
    #[arg(short, long)]
    quiet: bool,
    /// The pass pipeline to run instead of the default (MLIR's syntax, as
    /// --print-pipeline prints it); the options that shape the default one (--quantize,
    /// --channel-last-io, --io-type, --recurrent) then change nothing.
    #[arg(long = "pass-pipeline", value_name = "TEXT")]
    pass_pipeline: Option<String>,
    /// Numerical bisection: run the model after import (StableHLO under XLA) and after
    /// every pass (LiteRT from legalization on), print each one's error against
    /// --expected and the first pass past --tolerance with the ops it changed. Writes no
    /// .tflite; exits 1 when a pass is past tolerance.
    #[arg(long, requires_all = ["inputs", "expected"], conflicts_with_all = ["signatures", "output"])]
    bisect: bool,
    /// --bisect: the model's inputs, keyed by input name (or in order).
    #[arg(long, value_name = "IN.npz", requires = "bisect")]
    inputs: Option<PathBuf>,
    /// --bisect: the expected outputs, keyed by output name or `out0`, `out1`, ... (or in order).
    #[arg(long, value_name = "OUT.npz", requires = "bisect")]
    expected: Option<PathBuf>,
    /// --bisect: the largest error allowed, relative to max|expected| of each output
    /// (default 1e-4; 2^-10 when an expected output is float16, whose one step is
    /// coarser than 1e-4).
    #[arg(long, value_name = "F", requires = "bisect")]
    tolerance: Option<f64>,
    /// --bisect: the program to bisect in an archive of several (torch's package_pt2),
    /// by name.
    #[arg(long, value_name = "NAME", requires = "bisect")]
    program: Option<String>,
    /// --bisect: the Python with numpy and ai-edge-litert (jax for the StableHLO rows)
    /// that runs the snapshots (default: $EDGE_PYTHON, else python3).
    #[arg(long, value_name = "PY", requires = "bisect")]
    python: Option<String>,
    /// --bisect: keep the snapshots (NN-pass.mlir / .tflite, replacing an earlier run's)
    /// and the runner's files in DIR.
    #[arg(long = "keep-intermediates", value_name = "DIR", requires = "bisect")]
    keep_intermediates: Option<PathBuf>,
    /// How progress and errors are printed on stderr: `human`, or `json` (one object
    /// per line: progress steps, diagnostics with node and source line, errors), which
    /// the Python package reads.
    #[arg(long = "message-format", value_enum, value_name = "FORMAT", default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
}

/// How the programs are imported, from the arguments.
fn import_options(args: &Args) -> ImportOptions {
    let buffer_mutations = match args.buffer_mutations {
        BufferMutationsArg::InputsOutputs => BufferMutations::InputsOutputs,
        BufferMutationsArg::Refuse => BufferMutations::Refuse,
    };
    ImportOptions { buffer_mutations, ..ImportOptions::default() }
}

/// `NAME=ARCHIVE` of `--signature`.
fn parse_signature(text: &str) -> Result<(String, PathBuf), String> {
    match text.split_once('=') {
        Some((name, path)) if !name.is_empty() && !path.is_empty() => Ok((name.to_string(), PathBuf::from(path))),
        _ => Err(format!("'{text}' is not NAME=ARCHIVE (e.g. prefill=prefill.pt2)")),
    }
}

/// How `--quantize` stores a float model's weights.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum QuantizeMode {
    /// float16 weights (every float32 constant) read through DEQUANTIZE: about half the
    /// size, float32 compute
    Fp16,
    /// int8 per-channel weights of conv, depthwise conv, fully connected and batch
    /// matmul (of 1024 elements or more) read by LiteRT's hybrid kernels, which quantize
    /// the activations at run time: about a quarter of the size; embedding tables int8
    /// per row, read by EMBEDDING_LOOKUP
    DynamicInt8,
    /// int4 per-channel fully connected weights and embedding tables (int8 for conv,
    /// depthwise conv and batch matmul) read by LiteRT's hybrid kernels: about an eighth
    /// of the size, a larger error (see the README)
    Int4,
}

impl QuantizeMode {
    fn name(self) -> &'static str {
        match self {
            QuantizeMode::Fp16 => "fp16",
            QuantizeMode::DynamicInt8 => "dynamic-int8",
            QuantizeMode::Int4 => "int4",
        }
    }
}

impl From<QuantizeMode> for WeightQuantization {
    fn from(m: QuantizeMode) -> Self {
        match m {
            QuantizeMode::Fp16 => WeightQuantization::Fp16,
            QuantizeMode::DynamicInt8 => WeightQuantization::DynamicInt8,
            QuantizeMode::Int4 => WeightQuantization::Int4,
        }
    }
}

/// Keeps freed memory in the process for reuse: a conversion allocates and frees many
/// weight-sized buffers, and glibc's default hands each large one back to the kernel,
/// so the next one pays page faults again (most of the time spent on resnet18).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_memory() {
    const BYTES: i32 = 1 << 30;
    // SAFETY: mallopt only tunes glibc's allocator; called before any threads start.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, BYTES);
        libc::mallopt(libc::M_TRIM_THRESHOLD, BYTES);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_memory() {}

/// Weight-sized allocations on transparent huge pages: a conversion writes each weight
/// into fresh memory once or twice, and on 4 KiB pages the page faults cost more than
/// the arithmetic (resnet18: 12k faults of its 14k). Allocations of at least one huge
/// page get their own 2 MiB-aligned map with `MADV_HUGEPAGE`; the rest go to malloc.
#[cfg(target_os = "linux")]
mod huge_pages {
    use std::alloc::{GlobalAlloc, Layout, System};

    const HUGE: usize = 2 << 20;

    pub struct HugePages;

    fn is_huge(layout: &Layout) -> bool {
        layout.size() >= HUGE && layout.align() <= HUGE
    }

    fn rounded(size: usize) -> usize {
        size.div_ceil(HUGE) * HUGE
    }

    /// A fresh, zeroed, 2 MiB-aligned map of `rounded(size)` bytes; null on failure.
    unsafe fn map(size: usize) -> *mut u8 {
        let len = rounded(size);
        let (prot, flags) = (libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS);
        let raw = libc::mmap(std::ptr::null_mut(), len + HUGE, prot, flags, -1, 0);
        if raw == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        // Trim the map to an aligned `len` bytes: huge pages need aligned addresses.
        let start = raw as usize;
        let aligned = start.next_multiple_of(HUGE);
        if aligned > start {
            libc::munmap(raw, aligned - start);
        }
        let tail = start + len + HUGE - (aligned + len);
        if tail > 0 {
            libc::munmap((aligned + len) as *mut libc::c_void, tail);
        }
        // Advice only: without huge pages the map still works.
        libc::madvise(aligned as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
        aligned as *mut u8
    }

    // SAFETY: huge blocks are maps of `rounded(size)` bytes made by `map` and unmapped
    // with the same length; everything else is the system allocator's.
    unsafe impl GlobalAlloc for HugePages {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if is_huge(&layout) { map(layout.size()) } else { System.alloc(layout) }
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            // A fresh map is zero already.
            if is_huge(&layout) { map(layout.size()) } else { System.alloc_zeroed(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if is_huge(&layout) {
                libc::munmap(ptr as *mut libc::c_void, rounded(layout.size()));
            } else {
                System.dealloc(ptr, layout)
            }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let new = Layout::from_size_align_unchecked(new_size, layout.align());
            if !is_huge(&layout) && !is_huge(&new) {
                return System.realloc(ptr, layout, new_size);
            }
            if is_huge(&layout) && is_huge(&new) && rounded(layout.size()) == rounded(new_size) {
                return ptr;
            }
            let moved = self.alloc(new);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}

#[cfg(target_os = "linux")]
#[global_allocator]
static ALLOCATOR: huge_pages::HugePages = huge_pages::HugePages;

fn main() -> ExitCode {
    keep_freed_memory();
    edge_dialects::guard::run_tool("edge-convert", convert_main)
}

fn convert_main() -> ExitCode {
    driver::init_logging();
    let args = Args::parse();
    let io_type = match args.io_type {
        IoTypeArg::Float => IoType::Float,
        IoTypeArg::Int8 => IoType::Int8,
        IoTypeArg::Uint8 => IoType::Uint8,
    };
    let recurrent = match args.recurrent {
        RecurrentArg::Auto => Recurrent::Auto,
        RecurrentArg::Fused => Recurrent::Fused,
        RecurrentArg::Unrolled => Recurrent::Unrolled,
    };
    let options =
        ConvertPipelineOptions { channel_last_io: args.channel_last_io, io_type, weights: args.quantize.map(Into::into), recurrent };
    let pipeline = args.pass_pipeline.clone().unwrap_or_else(|| convert_pipeline(&options));
    if args.print_pipeline {
        println!("{pipeline}");
        return ExitCode::SUCCESS;
    }
    let messages = Arc::new(Messages::new(args.message_format, &pipeline));
    // Bisection succeeds when every row is within tolerance.
    let outcome =
        if args.bisect { bisect::run(&args, &pipeline, &messages) } else { run(&args, &pipeline, &messages).map(|()| true) };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            if !e.is_empty() {
                messages.error(&e);
            }
            ExitCode::FAILURE
        }
    }
}

/// Where progress, diagnostics and errors go: a spinner and text on stderr, or one JSON
/// object per line (`--message-format json`).
struct Messages {
    json: bool,
    /// Hidden in JSON mode.
    bar: ProgressBar,
    step: AtomicUsize,
    /// Steps of one program: its import and the edge passes of the pipeline (each
    /// reports when it starts); the write is one more.
    steps_per_program: usize,
    total: AtomicUsize,
}

impl Messages {
    fn new(format: MessageFormat, pipeline: &str) -> Self {
        let json = format == MessageFormat::Json;
        let bar = if json { ProgressBar::hidden() } else { progress_bar() };
        let steps_per_program = 1 + edge_pass_count(pipeline);
        Messages { json, bar, step: AtomicUsize::new(0), steps_per_program, total: AtomicUsize::new(steps_per_program + 1) }
    }

    /// Sets how many programs are converted (each runs the pipeline).
    fn programs(&self, n: usize) {
        self.set_total(n * self.steps_per_program + 1);
    }

    fn set_total(&self, steps: usize) {
        self.total.store(steps, Ordering::Relaxed);
    }

    fn progress(&self, message: String) {
        if self.json {
            let step = self.step.fetch_add(1, Ordering::Relaxed) + 1;
            let total = self.total.load(Ordering::Relaxed).max(step);
            eprintln!("{}", json!({"type": "progress", "step": step, "total": total, "message": message}));
        } else {
            self.bar.set_message(message);
        }
    }

    fn diagnostics(&self, diags: Vec<Diag>) {
        self.bar.finish_and_clear();
        for d in diags {
            if self.json {
                let mut value = driver::diag_json(&d);
                value["type"] = json!("diagnostic");
                eprintln!("{value}");
            } else {
                eprint!("{}", driver::render_diag(&d, None));
            }
        }
    }

    /// An import failure of the program from `origin`, with what it names; the
    /// diagnostics first when the error is that they were reported. Returns the text to
    /// print as the error (empty in JSON mode: the error went out with what it names).
    fn import_failed(&self, origin: &str, error: &ImportError, collector: &DiagnosticCollector) -> String {
        if matches!(error, ImportError::Diagnosed) {
            self.diagnostics(collector.take());
        }
        let message = format!("{origin}: {error}");
        if self.json {
            let mut value = error.to_json();
            value["type"] = json!("error");
            value["origin"] = json!(origin);
            value["message"] = json!(message);
            eprintln!("{value}");
            String::new()
        } else {
            message
        }
    }

    fn error(&self, message: &str) {
        self.bar.finish_and_clear();
        if self.json {
            eprintln!("{}", json!({"type": "error", "message": message}));
        } else {
            eprintln!("edge-convert: error: {message}");
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// How many of `pipeline`'s passes are edge's (each reports when it starts).
fn edge_pass_count(pipeline: &str) -> usize {
    let steps = edge_passes::pipeline::parse_pipeline(pipeline).map(|e| edge_passes::pipeline::flatten(&e));
    steps.map(|s| s.iter().filter(|step| edge_passes::registry::lookup(&step.name).is_some()).count()).unwrap_or(0)
}

/// What a conversion produced, for the summary.
struct Report {
    /// What was converted: the archive, or `name=archive` per signature.
    input: String,
    output: String,
    bytes: usize,
    /// Each signature's ops, weights, inputs and outputs (one, keyed `serving_default`,
    /// for a plain archive).
    signatures: Vec<tflite::SignatureSummary>,
    quantize: Option<QuantizeMode>,
    /// The file keeps its data after the flatbuffer (TFLite's large-model layout).
    external: bool,
    notes: Vec<Note>,
    phases: Vec<(&'static str, Duration)>,
}

/// What the passes remarked with one message, and where.
struct Note {
    message: String,
    places: Vec<String>,
}

/// Diagnostics of a conversion that succeeded (the passes' remarks: what they kept as
/// it was, and why), grouped by message in the order each message first came.
fn notes(diags: &[Diag]) -> Vec<Note> {
    let mut notes: Vec<Note> = Vec::new();
    for d in diags {
        let message = match d.severity {
            Severity::Remark => d.message.clone(),
            other => format!("{other}: {}", d.message),
        };
        let place = edge_dialects::remark::place(d);
        match notes.iter_mut().find(|n| n.message == message) {
            Some(n) => n.places.push(place),
            None => notes.push(Note { message, places: vec![place] }),
        }
    }
    notes
}

/// One program to convert: the signature it becomes and where it comes from.
struct Job {
    /// The signature key (`serving_default` for a plain archive).
    key: String,
    /// `archive` or `archive` + program name, for messages.
    origin: String,
    program: weights::Program,
}

/// The programs `args` names: one per `--signature`, one per program of a multi-program
/// archive, or the archive's one program. The second value says whether the file gets
/// named signatures (else one `serving_default`).
fn jobs(args: &Args) -> Result<(Vec<Job>, bool), String> {
    if !args.signatures.is_empty() {
        let mut jobs: Vec<Job> = Vec::new();
        for (key, path) in &args.signatures {
            if jobs.iter().any(|j| &j.key == key) {
                return Err(format!("--signature {key} is given twice; each signature needs its own name"));
            }
            let program = weights::load(path).map_err(|e| e.to_string())?;
            jobs.push(Job { key: key.clone(), origin: path.display().to_string(), program });
        }
        return Ok((jobs, true));
    }
    let input = args.input.as_ref().ok_or("no input archive")?;
    let archive = Arc::new(Archive::open(input).map_err(|e| e.to_string())?);
    let names = weights::program_names(&archive);
    if names.len() > 1 {
        let mut jobs = Vec::new();
        for name in names {
            let program = weights::load_named(Arc::clone(&archive), &name).map_err(|e| e.to_string())?;
            jobs.push(Job { key: name.clone(), origin: format!("{} (program {name})", input.display()), program });
        }
        return Ok((jobs, true));
    }
    let program = weights::load_shared(archive).map_err(|e| e.to_string())?;
    Ok((vec![Job { key: tflite::DEFAULT_SIGNATURE.to_string(), origin: input.display().to_string(), program }], false))
}

fn run(args: &Args, pipeline_text: &str, messages: &Arc<Messages>) -> Result<(), String> {
    let first = match (&args.input, args.signatures.first()) {
        (Some(input), _) => input.clone(),
        (None, Some((_, path))) => path.clone(),
        (None, None) => return Err("no input archive".into()),
    };
    let output_name = match &args.output {
        Some(o) => o.clone(),
        None => default_output(&first)?,
    };
    let mut phases = Vec::new();
    let started = Instant::now();

    messages.bar.set_message("reading the archive");
    let (jobs, named) = jobs(args)?;
    messages.programs(jobs.len());
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let report_diags = || messages.diagnostics(collector.take());

    // Every program is imported into one context, so the writer can store the weights
    // they share once.
    let import_options = import_options(args);
    // Every program is tried, so one run lists what each lacks.
    let mut modules = Vec::with_capacity(jobs.len());
    let mut keys = Vec::with_capacity(jobs.len());
    let mut failed = Vec::new();
    for job in jobs {
        messages.progress(format!("importing {}", job.key));
        match import_program(&context, Arc::new(job.program), &import_options) {
            Ok(m) => {
                modules.push(m);
                keys.push((job.key, job.origin));
            }
            Err(e) => failed.push(messages.import_failed(&job.origin, &e, &collector)),
        }
    }
    if !failed.is_empty() {
        messages.finish();
        failed.retain(|m| !m.is_empty());
        return Err(failed.join("\nedge-convert: error: "));
    }
    phases.push(("import", started.elapsed()));

    let mark = Instant::now();
    for (imported, (key, origin)) in modules.iter_mut().zip(&keys) {
        let label = if named { format!(" ({key})") } else { String::new() };
        let run_options = RunOptions {
            verify_each: true,
            print_ir_after_all: args.print_ir_after_all,
            print_ir_before_all: args.print_ir_before_all,
            timing: args.timing,
            on_pass: Some(PassHook(Arc::new({
                let messages = Arc::clone(messages);
                move |name| messages.progress(format!("pass {name}{label}"))
            }))),
        };
        let pipeline = Pipeline::build(&context, pipeline_text, &run_options)?;
        let module = &mut imported.module;
        if pipeline.run(module).is_err() || collector.has_errors() || !verify_module(module) {
            report_diags();
            return Err(format!("{origin}: conversion failed; the errors above say where"));
        }
    }
    let notes = notes(&collector.take());
    phases.push(("passes", mark.elapsed()));

    let mark = Instant::now();
    messages.progress("writing the flatbuffer".to_string());
    let written = if named {
        let entries: Vec<tflite::Signature> = modules
            .iter()
            .zip(&keys)
            .map(|(m, (key, _))| tflite::Signature { key: key.clone(), module: &m.module, function: None })
            .collect();
        tflite::signatures_to_tflite_image(&entries, &WriteOptions::default())
    } else {
        tflite::module_to_tflite_image(&modules[0].module, &WriteOptions::default())
    };
    let image = match written {
        Ok(image) => image,
        Err(TranslateError::Diagnosed(_)) => {
            report_diags();
            return Err(String::new());
        }
        Err(TranslateError::Message(m)) => {
            report_diags();
            return Err(m);
        }
    };
    Output::from_arg(Some(&output_name)).write_pieces(&image.pieces())?;
    phases.push(("write", mark.elapsed()));
    messages.finish();

    let signatures = image.summaries().map_err(|e| format!("reading back '{output_name}': {e}"))?;
    let input = match (&args.input, named) {
        (Some(input), _) => input.display().to_string(),
        (None, _) => args.signatures.iter().map(|(k, p)| format!("{k}={}", p.display())).collect::<Vec<_>>().join(", "),
    };
    let report = Report {
        input,
        output: output_name,
        bytes: image.len(),
        signatures,
        quantize: args.quantize,
        external: image.is_external(),
        notes,
        phases,
    };
    if let Some(path) = &args.report_json {
        driver::write_atomically(path, report.json().as_bytes())?;
    }
    if !args.quiet {
        eprint!("{}", report.text());
    }
    Ok(())
}

/// An input or output for `--report-json`: name, type, shape signature (-1 dynamic)
/// and, for a dynamic input, its Dim ranges (`max` null when unbounded).
fn io_json(io: &tflite::IoInfo) -> serde_json::Value {
    serde_json::json!({
        "name": io.name,
        "type": io.elem,
        "shape_signature": io.shape,
        "dynamic_dims": io.dims.iter().map(|d| serde_json::json!({
            "dim": d.dim,
            "expr": d.expr,
            "min": d.min,
            "max": d.max,
        })).collect::<Vec<_>>(),
    })
}

/// `model.pt2` -> `model.tflite`, beside the input. Standard input, a pipe or a device
/// has no "beside": the output must be named.
fn default_output(input: &Path) -> Result<String, String> {
    let regular = input.as_os_str() != "-" && std::fs::metadata(input).map(|m| m.is_file()).unwrap_or(true);
    if !regular {
        return Err(format!("{}: reading a stream, so there is no default output name: give one with -o", input.display()));
    }
    Ok(input.with_extension("tflite").to_string_lossy().into_owned())
}

/// A spinner on stderr naming the current step; hidden when stderr is not a terminal.
fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template("{spinner} {elapsed} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()));
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

impl Report {
    fn op_count(&self) -> usize {
        self.signatures.iter().map(|s| s.ops.values().sum::<usize>()).sum()
    }

    fn transposes(&self) -> usize {
        self.signatures.iter().map(|s| s.ops.get("TRANSPOSE").copied().unwrap_or(0)).sum()
    }

    fn total(&self) -> Duration {
        self.phases.iter().map(|p| p.1).sum()
    }

    fn text(&self) -> String {
        let layout = if self.external { ", data after the flatbuffer" } else { "" };
        let mut s = format!("edge-convert: {} -> {} ({:.2} MB{layout})\n", self.input, self.output, self.bytes as f64 / 1e6);
        let named = self.signatures.len() > 1 || self.signatures.iter().any(|g| g.key != tflite::DEFAULT_SIGNATURE);
        for sig in &self.signatures {
            // One signature keeps the flat layout; several get a section each.
            let indent = if named {
                s.push_str(&format!("  signature '{}':\n", sig.key));
                "    "
            } else {
                "  "
            };
            let ops: usize = sig.ops.values().sum();
            let transposes = sig.ops.get("TRANSPOSE").copied().unwrap_or(0);
            s.push_str(&format!("{indent}ops: {ops} ({transposes} TRANSPOSE)\n"));
            let mut by_count: Vec<_> = sig.ops.iter().collect();
            by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (name, n) in by_count {
                s.push_str(&format!("{indent}  {n:>5}  {name}\n"));
            }
            let weights: Vec<String> = sig.weights.iter().map(|(ty, n)| format!("{n} {ty}")).collect();
            let weights = if weights.is_empty() { "none".to_string() } else { weights.join(", ") };
            match self.quantize {
                Some(mode) => s.push_str(&format!("{indent}weights: {weights} (--quantize {})\n", mode.name())),
                None => s.push_str(&format!("{indent}weights: {weights}\n")),
            }
            if !named {
                s.push_str(&self.notes_text());
            }
            for (what, list) in [("inputs", &sig.inputs), ("outputs", &sig.outputs)] {
                s.push_str(&format!("{indent}{what}:\n"));
                for io in list {
                    s.push_str(&format!("{indent}  {}\n", io.line()));
                }
            }
        }
        if named {
            s.push_str(&self.notes_text());
        }
        let phases: Vec<String> = self.phases.iter().map(|(n, d)| format!("{n} {:.3}s", d.as_secs_f64())).collect();
        s.push_str(&format!("  time: {:.3}s ({})\n", self.total().as_secs_f64(), phases.join(", ")));
        s
    }

    /// The notes section (empty without notes).
    fn notes_text(&self) -> String {
        let mut s = String::new();
        if !self.notes.is_empty() {
            s.push_str("  notes:\n");
            for n in &self.notes {
                const SHOWN: usize = 4;
                let mut places = n.places.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
                if n.places.len() > SHOWN {
                    places.push_str(&format!(", ... ({} more)", n.places.len() - SHOWN));
                }
                s.push_str(&format!("    {:>5}x {}: {places}\n", n.places.len(), n.message));
            }
        }
        s
    }

    fn json(&self) -> String {
        let seconds: serde_json::Map<String, serde_json::Value> =
            self.phases.iter().map(|(n, d)| (n.to_string(), d.as_secs_f64().into())).collect();
        let signature_json = |sig: &tflite::SignatureSummary| {
            serde_json::json!({
                "key": sig.key,
                "op_count": sig.ops.values().sum::<usize>(),
                "transposes": sig.ops.get("TRANSPOSE").copied().unwrap_or(0),
                "ops": sig.ops,
                "weights": sig.weights,
                "inputs": sig.inputs.iter().map(io_json).collect::<Vec<_>>(),
                "outputs": sig.outputs.iter().map(io_json).collect::<Vec<_>>(),
            })
        };
        // The first signature's fields stay at the top level, as for a one-signature file.
        let first = self.signatures.first();
        let report = serde_json::json!({
            "input": self.input,
            "output": self.output,
            "bytes": self.bytes,
            "external_data": self.external,
            "op_count": self.op_count(),
            "transposes": self.transposes(),
            "ops": first.map(|s| s.ops.clone()).unwrap_or_default(),
            "weights": first.map(|s| s.weights.clone()).unwrap_or_default(),
            "quantize": self.quantize.map(QuantizeMode::name),
            "inputs": first.map(|s| s.inputs.iter().map(io_json).collect::<Vec<_>>()).unwrap_or_default(),
            "outputs": first.map(|s| s.outputs.iter().map(io_json).collect::<Vec<_>>()).unwrap_or_default(),
            "signatures": self.signatures.iter().map(signature_json).collect::<Vec<_>>(),
            "notes": self.notes.iter().map(|n| serde_json::json!({
                "message": n.message,
                "count": n.places.len(),
                "places": n.places,
            })).collect::<Vec<_>>(),
            "seconds": seconds,
            "total_seconds": self.total().as_secs_f64(),
        });
        format!("{report:#}\n")
    }
}

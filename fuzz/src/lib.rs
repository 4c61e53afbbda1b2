//! edge's fuzz harness, on stable Rust and without instrumentation: each target takes
//! seeds from the repository, mutates them with structure-aware mutators, and runs the
//! result in-process through what edge's tools run on it. Input `i` of a run is a pure
//! function of (target, seed, i, seeds), so a finding is reproduced by its index alone;
//! a supervisor process (`supervisor`) runs the inputs in a worker process, so an
//! abort, a signal or a hang is caught, minimized and saved like a panic.
//!
//! Targets:
//! - `pt2`: the `.pt2` reader, the importer, and the default pipeline and the writer
//!   for what imports (zip-structure, JSON-aware mutations of `models/model.json` and
//!   the weights config, and byte-level ones);
//! - `tflite`: the `.tflite` reader, `--tflite-dump`, and the module read back through
//!   the verifier and the writer (flatbuffer-field-aware mutations);
//! - `mlir`: MLIR text through parsing, the verifier, edge-convert's default pipeline
//!   and the flatbuffer writer (token-aware mutations).

pub mod minimize;
pub mod mlir;
pub mod mutate;
pub mod pt2;
pub mod supervisor;
pub mod tflite;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::path::{Path, PathBuf};

/// What a fuzz target exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Pt2,
    Tflite,
    Mlir,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Pt2, Target::Tflite, Target::Mlir];

    pub fn name(self) -> &'static str {
        match self {
            Target::Pt2 => "pt2",
            Target::Tflite => "tflite",
            Target::Mlir => "mlir",
        }
    }

    /// The extension of a saved input.
    pub fn extension(self) -> &'static str {
        match self {
            Target::Pt2 => "pt2",
            Target::Tflite => "tflite",
            Target::Mlir => "mlir",
        }
    }
}

/// How one input ended. `Error` is a clean refusal, which is what bad input must get.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Error(String),
    /// A panic, caught where it happened or at an FFI boundary (an `internal error`
    /// diagnostic): a bug.
    Panic(String),
}

/// The repository root (this crate lives in `<root>/fuzz`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("fuzz/ has a parent").to_path_buf()
}

/// Where findings of `target` are saved and replayed from by `cargo test`.
pub fn regressions_dir(target: Target) -> PathBuf {
    repo_root().join("fuzz").join("regressions").join(target.name())
}

/// The seeds of a target, loaded and pre-analysed once per process.
pub enum Seeds {
    Pt2(pt2::Seeds),
    Tflite(tflite::Seeds),
    Mlir(mlir::Seeds),
}

impl Seeds {
    pub fn load(target: Target) -> Result<Seeds, String> {
        let root = repo_root();
        Ok(match target {
            Target::Pt2 => Seeds::Pt2(pt2::Seeds::load(&root)?),
            Target::Tflite => Seeds::Tflite(tflite::Seeds::load(&root)?),
            Target::Mlir => Seeds::Mlir(mlir::Seeds::load(&root)?),
        })
    }

    /// Input `index` of the run seeded with `seed`.
    pub fn generate(&self, seed: u64, index: u64) -> Vec<u8> {
        let mut rng = input_rng(seed, index);
        match self {
            Seeds::Pt2(s) => s.generate(&mut rng),
            Seeds::Tflite(s) => s.generate(&mut rng),
            Seeds::Mlir(s) => s.generate(&mut rng),
        }
    }
}

/// The random stream of one input: independent of every other input of the run.
pub fn input_rng(seed: u64, index: u64) -> ChaCha8Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&index.to_le_bytes());
    key[16..24].copy_from_slice(b"edgefuzz");
    ChaCha8Rng::from_seed(key)
}

/// Runs one input through `target` in this process. Panics are caught and returned as
/// [`Outcome::Panic`]; aborts and signals are the supervisor's to see.
pub fn execute(target: Target, input: &[u8]) -> Outcome {
    edge_dialects::guard::install_panic_hook();
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match target {
        Target::Pt2 => pt2::execute(input),
        Target::Tflite => tflite::execute(input),
        Target::Mlir => mlir::execute(input),
    }));
    match run {
        Ok(outcome) => outcome,
        Err(payload) => Outcome::Panic(edge_dialects::guard::take_panic(payload.as_ref())),
    }
}

/// The outcome of a run whose errors were reported as MLIR diagnostics: a panic caught
/// at an FFI boundary shows as an `internal error` diagnostic.
pub fn outcome_of(diags: &[edge_dialects::context::Diag], fallback: Result<(), String>) -> Outcome {
    if let Some(d) = diags.iter().find(|d| d.message.starts_with("internal error in ")) {
        return Outcome::Panic(d.message.clone());
    }
    match fallback {
        Ok(()) => Outcome::Ok,
        Err(e) => Outcome::Error(
            diags
                .iter()
                .find(|d| d.severity == edge_dialects::context::Severity::Error)
                .map(|d| d.message.clone())
                .unwrap_or(e),
        ),
    }
}

/// What `edge-convert` does to an imported or parsed module: the default pipeline,
/// the verify step, and the flatbuffer writer (in memory). Errors were reported to
/// `collector`; the `Err` text is a fallback for [`outcome_of`].
pub fn convert_module<'c>(
    context: &'c melior::Context,
    collector: &edge_dialects::context::DiagnosticCollector,
    module: &mut melior::ir::Module<'c>,
) -> Result<(), String> {
    use edge_passes::pipelines::{convert_pipeline, ConvertPipelineOptions};
    use edge_passes::{Pipeline, RunOptions};
    let options = RunOptions { verify_each: true, ..Default::default() };
    let pipeline = Pipeline::build(context, &convert_pipeline(&ConvertPipelineOptions::default()), &options)?;
    if pipeline.run(module).is_err() || collector.has_errors() || !edge_dialects::context::verify_module(module) {
        return Err("pipeline".to_string());
    }
    drop(pipeline);
    edge_compiler::tflite::module_to_tflite_image(module, &Default::default()).map(|_| ()).map_err(|e| e.to_string())
}

/// FNV-1a, 64-bit: names saved findings by content, the same on every Rust version
/// (std's hasher makes no such promise).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Caps the address space of this process, so an unbounded allocation in the code under
/// test fails (an abort the supervisor sees) instead of taking the machine's memory.
pub fn limit_memory(bytes: u64) {
    let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
    // SAFETY: setrlimit only reads the struct.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
}

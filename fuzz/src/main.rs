//! edge-fuzz: the fuzz harness's command line (`scripts/fuzz.sh` runs it).
//!
//!   edge-fuzz run pt2 --runs 1000000 --seed 1   mutate and run, in a supervised worker
//!   edge-fuzz replay [TARGET...]               the regression corpus, in workers
//!   edge-fuzz exec --target T FILE...          saved inputs, in this process

use clap::{Parser, Subcommand};
use edge_fuzz::supervisor::{self, RunConfig, Verdict};
use edge_fuzz::Target;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "edge-fuzz",
    version,
    about = "Fuzz edge's readers, importer and passes with seeded, structure-aware mutations"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run inputs FROM..RUNS of each target named in a supervised worker; findings (panics,
    /// aborts, signals, hangs) are minimized into fuzz/regressions/<target>/.
    Run {
        #[arg(value_enum, required = true)]
        targets: Vec<Target>,
        /// Inputs per target.
        #[arg(long, default_value_t = 10_000)]
        runs: u64,
        /// The first input to run (to reproduce input N alone: --from N --runs N+1).
        #[arg(long, default_value_t = 0)]
        from: u64,
        /// The run's seed: input i is the same for the same seed, on every machine.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Stop a target after this many seconds (the inputs run so far count).
        #[arg(long = "max-seconds")]
        max_seconds: Option<u64>,
        /// One input running longer than this many seconds is a hang.
        #[arg(long, default_value_t = 60)]
        timeout: u64,
        /// The worker's address-space limit, in MiB: an input that makes edge allocate
        /// past it is a crash.
        #[arg(long = "memory-limit-mb", default_value_t = DEFAULT_MEMORY_MB)]
        memory_limit_mb: u64,
        /// Report findings without saving them.
        #[arg(long = "no-save")]
        no_save: bool,
    },
    /// Replay the regression corpus of the targets (all when none is named).
    Replay {
        #[arg(value_enum)]
        targets: Vec<Target>,
    },
    /// Run saved inputs in this process (what workers and replays run).
    Exec {
        #[arg(long, value_enum)]
        target: Target,
        files: Vec<PathBuf>,
        #[arg(long = "memory-limit-mb", default_value_t = DEFAULT_MEMORY_MB)]
        memory_limit_mb: u64,
    },
    /// The worker a run supervises (internal).
    #[command(hide = true)]
    Worker {
        #[arg(long, value_enum)]
        target: Target,
        #[arg(long)]
        seed: u64,
        #[arg(long)]
        from: u64,
        #[arg(long)]
        to: u64,
        #[arg(long = "memory-limit-mb", default_value_t = DEFAULT_MEMORY_MB)]
        memory_limit_mb: u64,
    },
}

/// The address-space limit of the processes that run inputs: far above what any seed
/// needs, far below the machine's memory.
const DEFAULT_MEMORY_MB: u64 = 4096;

/// The stack of the thread that runs inputs: as deep as the tools' (see
/// `edge_dialects::guard::TOOL_STACK_BYTES`).
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(edge_dialects::guard::TOOL_STACK_BYTES)
        .spawn(f)
        .expect("a thread for the inputs")
        .join()
        .unwrap_or_else(|_| std::process::exit(edge_dialects::guard::INTERNAL_ERROR_EXIT as i32))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Cmd::Run { targets, runs, from, seed, max_seconds, timeout, memory_limit_mb, no_save } => {
            let mut failed = false;
            for target in targets {
                let config = RunConfig {
                    target,
                    seed,
                    from,
                    runs,
                    max_time: max_seconds.map(Duration::from_secs),
                    timeout: Duration::from_secs(timeout),
                    memory_limit: memory_limit_mb << 20,
                    save: !no_save,
                };
                match supervisor::run(&config) {
                    Ok(report) => {
                        println!("{}", report.summary(target, seed));
                        for f in &report.findings {
                            let saved = f.saved.as_ref().map(|p| format!(" -> {}", p.display())).unwrap_or_default();
                            println!("  input {}: {:?}{saved}", f.index, f.verdict);
                        }
                        failed |= !report.findings.is_empty();
                    }
                    Err(e) => {
                        eprintln!("edge-fuzz: {}: {e}", target.name());
                        failed = true;
                    }
                }
            }
            if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Cmd::Replay { targets } => {
            let targets = if targets.is_empty() { Target::ALL.to_vec() } else { targets };
            let mut bad = 0;
            for target in targets {
                match supervisor::replay(target, Duration::from_secs(120)) {
                    Ok(verdicts) => {
                        let failing: Vec<_> = verdicts.iter().filter(|(_, v)| *v != Verdict::Fine).collect();
                        println!("{}: {} saved inputs replayed, {} fail", target.name(), verdicts.len(), failing.len());
                        for (file, verdict) in failing {
                            println!("  {}: {verdict:?}", file.display());
                        }
                        bad += verdicts.iter().filter(|(_, v)| *v != Verdict::Fine).count();
                    }
                    Err(e) => {
                        eprintln!("edge-fuzz: {}: {e}", target.name());
                        bad += 1;
                    }
                }
            }
            if bad == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Cmd::Exec { target, files, memory_limit_mb } => {
            edge_fuzz::limit_memory(memory_limit_mb << 20);
            on_big_stack(move || match supervisor::exec_files(target, &files) {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(3),
                Err(e) => {
                    eprintln!("edge-fuzz: {e}");
                    ExitCode::FAILURE
                }
            })
        }
        Cmd::Worker { target, seed, from, to, memory_limit_mb } => {
            edge_fuzz::limit_memory(memory_limit_mb << 20);
            on_big_stack(move || match supervisor::worker(target, seed, from, to) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("edge-fuzz worker: {e}");
                    ExitCode::FAILURE
                }
            })
        }
    }
}

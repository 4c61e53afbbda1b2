//! Runs a target's inputs in a worker process and watches it. The worker announces each
//! input before running it (`S <index>`) and its outcome after (`D <index> <ok|err|panic>
//! <message>`); a worker that dies in between crashed on that input (abort, signal,
//! allocation failure), one that stays silent past the timeout hung on it. Either way
//! the supervisor regenerates the input from its index, minimizes it, saves it to the
//! regression corpus, and starts a new worker after it.

use crate::minimize::{minimize, same_failure};
use crate::{content_hash, regressions_dir, Seeds, Target};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// What a run is asked to do.
#[derive(Debug, Clone)]
pub struct RunConfig {
    pub target: Target,
    pub seed: u64,
    /// Inputs `from..runs`.
    pub from: u64,
    pub runs: u64,
    /// Stop early after this long (the inputs run so far count).
    pub max_time: Option<Duration>,
    /// One input taking longer than this is a hang.
    pub timeout: Duration,
    /// The worker's address-space limit.
    pub memory_limit: u64,
    /// Save findings to the regression corpus.
    pub save: bool,
}

/// How one input ended, as the supervisor sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Fine,
    Panic(String),
    /// The worker died: how (`signal 11`, `exit status 134`), and the end of its stderr.
    Crash(String),
    Hang,
}

/// A failure found, and where its minimized input was saved.
#[derive(Debug, Clone)]
pub struct Finding {
    pub index: u64,
    pub verdict: Verdict,
    pub saved: Option<PathBuf>,
}

#[derive(Debug, Default)]
pub struct Report {
    pub executions: u64,
    pub ok: u64,
    pub errors: u64,
    pub distinct_errors: usize,
    pub seconds: f64,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn count(&self, kind: fn(&Verdict) -> bool) -> usize {
        self.findings.iter().filter(|f| kind(&f.verdict)).count()
    }

    pub fn summary(&self, target: Target, seed: u64) -> String {
        let per_second = self.executions as f64 / self.seconds.max(1e-9);
        format!(
            "{}: {} executions in {:.1}s ({:.0}/s), seed {seed}: {} ok, {} refused ({} distinct messages); {} panics, {} crashes (aborts/signals), {} hangs",
            target.name(),
            self.executions,
            self.seconds,
            per_second,
            self.ok,
            self.errors,
            self.distinct_errors,
            self.count(|v| matches!(v, Verdict::Panic(_))),
            self.count(|v| matches!(v, Verdict::Crash(_))),
            self.count(|v| matches!(v, Verdict::Hang)),
        )
    }
}

enum Line {
    Start(u64),
    Done(u64, String, String),
    Eof,
}

/// Runs `config` to the end; progress goes to stderr every ten seconds.
pub fn run(config: &RunConfig) -> Result<Report, String> {
    let seeds = Seeds::load(config.target)?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the edge-fuzz binary: {e}"))?;
    let stderr_path =
        std::env::temp_dir().join(format!("edge-fuzz-{}-{}.stderr", config.target.name(), std::process::id()));
    let started = Instant::now();
    let mut report = Report::default();
    let mut errors = std::collections::HashSet::new();
    let mut next = config.from;
    let mut last_progress = Instant::now();
    'workers: while next < config.runs {
        let mut child = spawn_worker(&exe, config, next, &stderr_path)?;
        let rx = read_lines(&mut child);
        let mut current: Option<u64> = None;
        loop {
            let out_of_time = config.max_time.is_some_and(|t| started.elapsed() > t);
            if out_of_time {
                let _ = child.kill();
                let _ = child.wait();
                break 'workers;
            }
            match rx.recv_timeout(config.timeout) {
                Ok(Line::Start(i)) => current = Some(i),
                Ok(Line::Done(i, status, message)) => {
                    current = None;
                    report.executions += 1;
                    match status.as_str() {
                        "ok" => report.ok += 1,
                        "err" => {
                            report.errors += 1;
                            if errors.len() < 100_000 {
                                errors.insert(message);
                            }
                        }
                        _ => {
                            let finding = record(config, &seeds, &exe, i, Verdict::Panic(message));
                            report.findings.push(finding);
                        }
                    }
                    if last_progress.elapsed() > Duration::from_secs(10) {
                        last_progress = Instant::now();
                        report.seconds = started.elapsed().as_secs_f64();
                        report.distinct_errors = errors.len();
                        eprintln!("  {}", report.summary(config.target, config.seed));
                    }
                }
                Ok(Line::Eof) => {
                    let status = child.wait().map_err(|e| e.to_string())?;
                    match current {
                        Some(i) => {
                            report.executions += 1;
                            let how = format!("{}; stderr ends: {}", describe(&status), stderr_tail(&stderr_path));
                            report.findings.push(record(config, &seeds, &exe, i, Verdict::Crash(how)));
                            next = i + 1;
                        }
                        None if status.success() => next = config.runs,
                        None => {
                            return Err(format!(
                                "the worker failed before any input: {}: {}",
                                describe(&status),
                                stderr_tail(&stderr_path)
                            ))
                        }
                    }
                    continue 'workers;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(i) = current {
                        let _ = child.kill();
                        let _ = child.wait();
                        report.executions += 1;
                        report.findings.push(record(config, &seeds, &exe, i, Verdict::Hang));
                        next = i + 1;
                        continue 'workers;
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err("lost the worker's output".into()),
            }
        }
    }
    let _ = std::fs::remove_file(&stderr_path);
    report.seconds = started.elapsed().as_secs_f64();
    report.distinct_errors = errors.len();
    Ok(report)
}

fn spawn_worker(exe: &Path, config: &RunConfig, from: u64, stderr_path: &Path) -> Result<Child, String> {
    let stderr = std::fs::File::create(stderr_path).map_err(|e| format!("{}: {e}", stderr_path.display()))?;
    Command::new(exe)
        .args(["worker", "--target", config.target.name()])
        .args(["--seed", &config.seed.to_string(), "--from", &from.to_string(), "--to", &config.runs.to_string()])
        .args(["--memory-limit-mb", &(config.memory_limit >> 20).to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|e| format!("cannot start a worker: {e}"))
}

fn read_lines(child: &mut Child) -> mpsc::Receiver<Line> {
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().expect("the worker's stdout is piped");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let mut parts = line.splitn(4, ' ');
            let parsed = match (parts.next(), parts.next().and_then(|i| i.parse().ok())) {
                (Some("S"), Some(i)) => Line::Start(i),
                (Some("D"), Some(i)) => {
                    Line::Done(i, parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string())
                }
                _ => continue,
            };
            if tx.send(parsed).is_err() {
                return;
            }
        }
        let _ = tx.send(Line::Eof);
    });
    rx
}

fn describe(status: &std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status.signal() {
        Some(s) => format!("killed by signal {s}"),
        None => format!("{status}"),
    }
}

/// What a dead worker said last: its first line (MLIR's or Rust's message) and the
/// innermost frame of edge's code in a backtrace, when it printed one.
fn stderr_tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("S "));
    let first = lines.next().unwrap_or("(nothing)").to_string();
    let frame =
        text.lines().map(str::trim).find(|l| l.contains("edge_") && !l.contains("edge_fuzz") && !l.starts_with("at "));
    let mut out = first;
    if let Some(f) = frame {
        out.push_str(" | in ");
        out.push_str(f.split_once(": ").map_or(f, |(_, name)| name));
    }
    out.chars().take(400).collect()
}

/// Regenerates input `index`, minimizes it and saves it.
fn record(config: &RunConfig, seeds: &Seeds, exe: &Path, index: u64, verdict: Verdict) -> Finding {
    let input = seeds.generate(config.seed, index);
    eprintln!("  finding at input {index}: {verdict:?}");
    if !config.save {
        return Finding { index, verdict, saved: None };
    }
    let minimized = if verdict == Verdict::Hang {
        input
    } else {
        let mut fails = |bytes: &[u8]| same_failure(&verdict, &judge(exe, config.target, bytes, config.timeout));
        minimize(config.target, &input, &mut fails)
    };
    let kind = match verdict {
        Verdict::Panic(_) => "panic",
        Verdict::Crash(_) => "crash",
        Verdict::Hang => "hang",
        Verdict::Fine => "fine",
    };
    let dir = regressions_dir(config.target);
    let path = dir.join(format!("{kind}-{:016x}.{}", content_hash(&minimized), config.target.extension()));
    let saved = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, &minimized)).ok().map(|_| path);
    if let Some(p) = &saved {
        eprintln!("  saved {} ({} bytes)", p.display(), minimized.len());
    }
    Finding { index, verdict, saved }
}

/// Runs one input in a fresh `edge-fuzz exec` process and says how it ended.
pub fn judge(exe: &Path, target: Target, input: &[u8], timeout: Duration) -> Verdict {
    let Ok(mut file) = tempfile_in_tmp() else { return Verdict::Fine };
    if file.1.write_all(input).is_err() {
        return Verdict::Fine;
    }
    let path = file.0.clone();
    let child = Command::new(exe)
        .args(["exec", "--target", target.name()])
        .arg(&path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else { return Verdict::Fine };
    let rx = read_lines(&mut child);
    let mut verdict = Verdict::Fine;
    let mut started = false;
    loop {
        match rx.recv_timeout(timeout) {
            Ok(Line::Start(_)) => started = true,
            Ok(Line::Done(_, status, message)) => {
                started = false;
                if status == "panic" {
                    verdict = Verdict::Panic(message);
                }
            }
            Ok(Line::Eof) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = child.wait();
                if started {
                    verdict = Verdict::Crash(status.map(|s| describe(&s)).unwrap_or_default());
                }
                break;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                verdict = Verdict::Hang;
                break;
            }
        }
    }
    let _ = std::fs::remove_file(&path);
    file.1.flush().ok();
    verdict
}

fn tempfile_in_tmp() -> std::io::Result<(PathBuf, std::fs::File)> {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("edge-fuzz-trial-{}-{n}", std::process::id()));
    let file = std::fs::File::create(&path)?;
    Ok((path, file))
}

/// The worker's loop: announce, generate, run, report; one line each, flushed.
pub fn worker(target: Target, seed: u64, from: u64, to: u64) -> Result<(), String> {
    let seeds = Seeds::load(target)?;
    let mut out = std::io::stdout().lock();
    for i in from..to {
        writeln!(out, "S {i}").and_then(|_| out.flush()).map_err(|e| e.to_string())?;
        let input = seeds.generate(seed, i);
        let (status, message) = status_line(crate::execute(target, &input));
        writeln!(out, "D {i} {status} {message}").and_then(|_| out.flush()).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Runs saved inputs (`exec`, and the regression replay): the same protocol, with the
/// file's position for the index. Returns how many panicked.
pub fn exec_files(target: Target, files: &[PathBuf]) -> Result<usize, String> {
    let mut out = std::io::stdout().lock();
    let mut panics = 0;
    for (i, f) in files.iter().enumerate() {
        let input = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        writeln!(out, "S {i} {}", f.display()).and_then(|_| out.flush()).map_err(|e| e.to_string())?;
        let (status, message) = status_line(crate::execute(target, &input));
        panics += (status == "panic") as usize;
        writeln!(out, "D {i} {status} {message}").and_then(|_| out.flush()).map_err(|e| e.to_string())?;
    }
    Ok(panics)
}

fn status_line(outcome: crate::Outcome) -> (&'static str, String) {
    let one_line = |s: String| s.replace(['\n', '\r'], " ").chars().take(300).collect::<String>();
    match outcome {
        crate::Outcome::Ok => ("ok", String::new()),
        crate::Outcome::Error(e) => ("err", one_line(e)),
        crate::Outcome::Panic(p) => ("panic", one_line(p)),
    }
}

/// Replays every saved input of `target`'s regression corpus in worker processes (a
/// crash ends one worker; the next goes on after the file): each file and its verdict.
pub fn replay(target: Target, timeout: Duration) -> Result<Vec<(PathBuf, Verdict)>, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let dir = regressions_dir(target);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(list) => list.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect(),
        Err(_) => Vec::new(),
    };
    files.retain(|p| p.extension().is_some_and(|e| e == target.extension()));
    files.sort();
    replay_files(&exe, target, &files, timeout)
}

/// [`replay`] of the given files.
pub fn replay_files(
    exe: &Path,
    target: Target,
    files: &[PathBuf],
    timeout: Duration,
) -> Result<Vec<(PathBuf, Verdict)>, String> {
    let mut verdicts = Vec::new();
    let mut rest = files;
    while !rest.is_empty() {
        let mut child = Command::new(exe)
            .args(["exec", "--target", target.name()])
            .args(rest)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start edge-fuzz exec: {e}"))?;
        let rx = read_lines(&mut child);
        let mut current: Option<usize> = None;
        let mut done = 0usize;
        loop {
            match rx.recv_timeout(timeout) {
                Ok(Line::Start(i)) => current = Some(i as usize),
                Ok(Line::Done(i, status, message)) => {
                    current = None;
                    done = i as usize + 1;
                    let verdict = if status == "panic" { Verdict::Panic(message) } else { Verdict::Fine };
                    verdicts.push((rest[i as usize].clone(), verdict));
                }
                Ok(Line::Eof) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let status = child.wait().map_err(|e| e.to_string())?;
                    if let Some(i) = current {
                        verdicts.push((rest[i].clone(), Verdict::Crash(describe(&status))));
                        done = i + 1;
                    } else if !status.success() && done < rest.len() {
                        return Err(format!("edge-fuzz exec failed: {}", describe(&status)));
                    }
                    break;
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    if let Some(i) = current {
                        verdicts.push((rest[i].clone(), Verdict::Hang));
                        done = i + 1;
                    }
                    break;
                }
            }
        }
        rest = &rest[done.max(1).min(rest.len())..];
    }
    Ok(verdicts)
}

//! Panics are bugs in edge, and they must never take the process down without a word.
//!
//! - [`run_tool`] runs a tool's body on a thread with a large stack (MLIR's parser and
//!   printer recurse once per nesting level) and turns a panic that reaches it into one
//!   line that says it is a bug in edge and where to report it, exit code
//!   [`INTERNAL_ERROR_EXIT`], never a raw backtrace (`EDGE_BACKTRACE=1` shows one). A
//!   run in which a panic was stopped at an FFI boundary exits with that code too.
//! - A panic cannot unwind through MLIR's C++ frames: Rust aborts the process when one
//!   reaches an `extern "C"` callback (a pass, a walk, a diagnostic handler). Every
//!   callback body runs inside [`catch_at_op`] or [`catch_in_callback`], which stop the
//!   panic at the boundary and report it as an error diagnostic at the op instead.
//! - [`install_panic_hook`] keeps the message and place of the last panic of each thread
//!   for those reports, and prints nothing itself.

use mlir_sys::*;
use std::any::Any;
use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

/// Where users report bugs, quoted in every internal-error message.
pub const REPORT_AT: &str = "please report it with the input that caused it (see README, 'Reporting bugs')";

/// The exit code of a run that hit a bug in edge (`EX_SOFTWARE`), distinct from 1 (bad
/// input, an error the user can act on).
pub const INTERNAL_ERROR_EXIT: u8 = 70;

/// The stack of the thread a tool runs on. Deep but legal IR (the nesting limit of
/// [`crate::context::MAX_NESTING`]) needs far less; the rest is address space only.
pub const TOOL_STACK_BYTES: usize = 512 << 20;

thread_local! {
    /// Panics this thread stopped at an FFI boundary (MLIR calls back on the thread that
    /// called it): they were reported as diagnostics, and the exit code says so too.
    static CAUGHT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replaces the default panic hook (which prints the message and a backtrace hint) by
/// one that records `message (file:line)` for the thread's next [`take_panic`]. With
/// `EDGE_BACKTRACE=1` the default hook runs as well. Idempotent.
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        let verbose = std::env::var_os("EDGE_BACKTRACE").is_some_and(|v| v != "0");
        panic::set_hook(Box::new(move |info| {
            let mut place = info.location().map(|l| format!(" ({}:{})", l.file(), l.line())).unwrap_or_default();
            // A panic inside std or a crate (an overflow in `product`, an index in
            // `Vec`) is located by the first frame of edge's own code that called it.
            if info.location().is_some_and(|l| !is_edge_source(l.file())) {
                if let Some(frame) = first_edge_frame() {
                    place.push_str(&format!(" called from {frame}"));
                }
            }
            let text = format!("{}{place}", payload_text(info.payload()));
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
            if verbose {
                default(info);
            }
        }));
    });
}

/// Whether `file` (as a panic location or a backtrace prints it) is in one of edge's
/// crates: they are compiled from paths relative to the workspace.
fn is_edge_source(file: &str) -> bool {
    let file = file.trim_start_matches("./");
    ["compiler/", "dialects/", "passes/", "tools/", "fuzz/", "runtime-check/"].iter().any(|c| file.starts_with(c))
}

/// `file:line` of the innermost frame of edge's own code, outside this module.
fn first_edge_frame() -> Option<String> {
    let trace = std::backtrace::Backtrace::force_capture().to_string();
    trace
        .lines()
        .filter_map(|l| l.trim().strip_prefix("at "))
        .find(|at| is_edge_source(at) && !at.contains("guard.rs"))
        .map(|at| at.rsplit_once(':').map_or(at, |(file_line, _col)| file_line).to_string())
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_string()
    }
}

/// The message of the panic just caught on this thread (from the hook when installed,
/// else from the payload).
pub fn take_panic(payload: &(dyn Any + Send)) -> String {
    LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| payload_text(payload))
}

/// The one-line report of a bug: what panicked, where, and what to do.
pub fn internal_error(what: &str, panic: &str) -> String {
    format!("internal error in {what}: {panic}; this is a bug in edge, not in the input: {REPORT_AT}")
}

/// Runs `body` (a tool's `main`) on a thread with a [`TOOL_STACK_BYTES`] stack. A panic
/// is printed as one `tool: internal error ...` line with exit code
/// [`INTERNAL_ERROR_EXIT`].
pub fn run_tool(tool: &'static str, body: impl FnOnce() -> ExitCode + Send + 'static) -> ExitCode {
    install_panic_hook();
    let thread = std::thread::Builder::new().name(tool.into()).stack_size(TOOL_STACK_BYTES).spawn(move || {
        let code = panic::catch_unwind(AssertUnwindSafe(body)).map_err(|payload| take_panic(payload.as_ref()));
        if CAUGHT.with(|c| c.get()) > 0 {
            return code.map(|_| ExitCode::from(INTERNAL_ERROR_EXIT));
        }
        code
    });
    let outcome = match thread {
        Ok(handle) => handle.join().unwrap_or_else(|payload| Err(payload_text(payload.as_ref()))),
        Err(e) => {
            eprintln!("{tool}: error: cannot start a thread with a {} MiB stack: {e}", TOOL_STACK_BYTES >> 20);
            return ExitCode::FAILURE;
        }
    };
    match outcome {
        Ok(code) => code,
        Err(panic) => {
            eprintln!("{tool}: {}", internal_error(tool, &panic));
            ExitCode::from(INTERNAL_ERROR_EXIT)
        }
    }
}

/// Runs `body` inside an MLIR callback on `op`; a panic becomes an error diagnostic at
/// `op`'s location (`internal error in <what>: ...`) and `None`.
pub fn catch_at_op<R>(op: MlirOperation, what: &str, body: impl FnOnce() -> R) -> Option<R> {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => Some(r),
        Err(payload) => {
            CAUGHT.with(|c| c.set(c.get() + 1));
            let message = internal_error(what, &take_panic(payload.as_ref()));
            crate::verify::emit_error(unsafe { mlirOperationGetLocation(op) }, &message);
            None
        }
    }
}

/// Runs `body` inside an MLIR callback that has no op to report at (diagnostic handlers,
/// release callbacks); a panic is logged and `fallback` returned.
pub fn catch_in_callback<R>(what: &str, fallback: R, body: impl FnOnce() -> R) -> R {
    match panic::catch_unwind(AssertUnwindSafe(body)) {
        Ok(r) => r,
        Err(payload) => {
            CAUGHT.with(|c| c.set(c.get() + 1));
            eprintln!("edge: {}", internal_error(what, &take_panic(payload.as_ref())));
            fallback
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{edge_context, parse_module, DiagnosticCollector};

    #[test]
    fn a_panic_in_a_walk_becomes_a_diagnostic_at_the_op() {
        install_panic_hook();
        let context = edge_context();
        let collector = DiagnosticCollector::attach(&context);
        let module = parse_module(&context, "func.func @f() { func.return }", "t.mlir").unwrap();
        let op = module.as_operation().to_raw();
        let got = catch_at_op(op, "the test walk", || -> u32 { panic!("boom {}", 7) });
        assert!(got.is_none());
        let diags = collector.take();
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.starts_with("internal error in the test walk: boom 7 ("), "{}", diags[0].message);
        assert!(diags[0].message.contains("this is a bug in edge"), "{}", diags[0].message);
        assert_eq!(catch_at_op(op, "x", || 3), Some(3));
    }

    #[test]
    fn run_tool_reports_one_line_and_exit_code_70() {
        assert_eq!(run_tool("edge-test", || ExitCode::SUCCESS), ExitCode::SUCCESS);
        assert_eq!(run_tool("edge-test", || panic!("deliberate")), ExitCode::from(INTERNAL_ERROR_EXIT));
    }
}

//! What the command-line tools share: reading input, splitting `// -----` cases,
//! rendering diagnostics with their source line, checking `expected-*` annotations,
//! and writing output files atomically (no half-written file on failure).

mod expected;
mod output;
mod source;

pub use expected::{check_expected_diagnostics, Expectation};
pub use output::{write_atomically, Output};
pub use source::{read_input, split_input, Chunk, Source};

use edge_dialects::context::{Diag, Severity};

/// Renders a diagnostic the way mlir-opt does: `file:line:col: error: message`, then
/// the source line and a caret when the source is known.
pub fn render_diag(d: &Diag, source: Option<&Source>) -> String {
    let mut out = String::new();
    match &d.pos {
        Some(p) => {
            out.push_str(&format!("{}:{}:{}: {}: {}\n", p.file, p.line, p.col, d.severity, d.message));
            if let Some(line) = source.filter(|s| s.name == p.file).and_then(|s| s.text.lines().nth(p.line.saturating_sub(1))) {
                out.push_str(line);
                out.push('\n');
                out.push_str(&" ".repeat(p.col.saturating_sub(1)));
                out.push_str("^\n");
            }
        }
        None => out.push_str(&format!("{}: {}: {}\n", d.location, d.severity, d.message)),
    }
    for n in &d.notes {
        out.push_str(&render_diag(n, source));
    }
    out
}

/// Sends `tracing` events to stderr, filtered by `EDGE_LOG` (e.g. `EDGE_LOG=debug`);
/// silent when it is unset.
pub fn init_logging() {
    if let Ok(filter) = std::env::var("EDGE_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .without_time()
            .try_init();
    }
}

pub fn has_errors(diags: &[Diag]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

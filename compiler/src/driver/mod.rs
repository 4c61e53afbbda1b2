//! What the command-line tools share: reading input, splitting `// -----` cases,
//! rendering diagnostics with their source line, checking `expected-*` annotations,
//! and writing output files atomically (no half-written file on failure).

mod expected;
mod output;
mod source;

pub use expected::{check_expected_diagnostics, Expectation};
pub use output::{write_atomically, write_pieces_atomically, Output};
pub use source::{check_input_path, read_input, read_input_bytes, split_input, Chunk, Source};

use edge_dialects::context::{Diag, Severity};

/// Renders a diagnostic the way mlir-opt does: `file:line:col: error: message`, then
/// the source line and a caret when the source is known.
pub fn render_diag(d: &Diag, source: Option<&Source>) -> String {
    let mut out = String::new();
    match &d.pos {
        Some(p) => {
            out.push_str(&format!("{}:{}:{}: {}: {}\n", p.file, p.line, p.col, d.severity, d.message));
            if let Some(line) = source.filter(|s| s.name == p.file).and_then(|s| s.text.lines().nth(p.line.saturating_sub(1))) {
                let (shown, caret) = source_window(line, p.col.saturating_sub(1));
                out.push_str(&shown);
                out.push('\n');
                out.push_str(&" ".repeat(caret));
                out.push_str("^\n");
            }
        }
        None => out.push_str(&format!("{}: {}: {}\n", d.location, d.severity, d.message)),
    }
    for n in &d.notes {
        out.push_str(&render_diag(n, source));
    }
    if let Some(hint) = generic_form_hint(&d.message) {
        let at = match &d.pos {
            Some(p) => format!("{}:{}:{}", p.file, p.line, p.col),
            None => d.location.clone(),
        };
        out.push_str(&format!("{at}: note: {hint}\n"));
    }
    out
}

/// A diagnostic as one JSON object (`--message-format json`): severity, message, the
/// location as MLIR prints it, the node it names (torch.export's node name for imported
/// ops) and the first `file:line:col` in it, with its notes.
pub fn diag_json(d: &Diag) -> serde_json::Value {
    serde_json::json!({
        "severity": d.severity.to_string(),
        "message": d.message,
        "location": d.location,
        "node": edge_dialects::remark::location_name(&d.location),
        "file": d.pos.as_ref().map(|p| p.file.clone()),
        "line": d.pos.as_ref().map(|p| p.line),
        "column": d.pos.as_ref().map(|p| p.col),
        "notes": d.notes.iter().map(diag_json).collect::<Vec<_>>(),
    })
}

/// At most this many characters of a source line are echoed under a diagnostic.
const SOURCE_WINDOW: usize = 120;

/// The part of `line` echoed under a diagnostic at 0-based character `col`, and the
/// caret's column in it: the whole line when short, else a window around `col` marked
/// with `...` (a one-line module of megabytes must not be printed whole).
fn source_window(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= SOURCE_WINDOW {
        return (line.to_string(), col);
    }
    let col = col.min(chars.len());
    let start = col.saturating_sub(SOURCE_WINDOW / 2);
    let end = (start + SOURCE_WINDOW).min(chars.len());
    let mut shown = String::new();
    let mut caret = col - start;
    if start > 0 {
        shown.push_str("...");
        caret += 3;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push_str("...");
    }
    (shown, caret)
}

/// For MLIR's ``Dialect `stablehlo' not found for custom op``: edge registers no
/// stablehlo or tfl dialect, so it reads their ops only in the generic form; say so and
/// how to get it, instead of leaving the reader to guess from the registry's list.
fn generic_form_hint(message: &str) -> Option<String> {
    let dialect = message.strip_prefix("Dialect `")?.split_once('\'')?.0;
    if !message.contains("not found for custom op") || !matches!(dialect, "stablehlo" | "tfl") {
        return None;
    }
    let example = if dialect == "tfl" {
        r#""tfl.add"(%a, %b) {fused_activation_function = "NONE"} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>"#
    } else {
        r#""stablehlo.add"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>"#
    };
    let tool = if dialect == "tfl" { "tf-opt" } else { "stablehlo-opt" };
    // Only a tool that registers the dialect can parse its custom syntax: plain mlir-opt
    // fails on it just as edge does.
    Some(format!(
        "edge reads {dialect} ops in MLIR's generic form ({example}), not in their custom syntax; print the \
         module in generic form with `{tool} --mlir-print-op-generic` (from Python bindings: \
         `print(module.operation.get_asm(print_generic_op_form=True))`)"
    ))
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

/// How a tool prints MLIR.
#[derive(Debug, Clone, Copy, Default)]
pub struct PrintOptions {
    /// Every op in generic form (tfl/stablehlo ops always print generically).
    pub generic: bool,
    /// Locations (`loc(...)`) after each op, as mlir-opt's `--mlir-print-debuginfo`.
    pub debug_info: bool,
    /// Leave `dense_resource` blobs (weights) out of the printed module.
    pub elide_resources: bool,
}

/// Prints `op` with `options`.
pub fn print_operation(op: &melior::ir::operation::OperationRef, options: PrintOptions) -> Result<String, String> {
    use melior::ir::operation::{OperationLike, OperationPrintingFlags};
    let mut flags = OperationPrintingFlags::new();
    if options.generic {
        flags = flags.print_generic_operation_form();
    }
    if options.debug_info {
        flags = flags.enable_debug_info(true, false);
    }
    if options.elide_resources {
        // SAFETY: `flags` owns a live printing-flags object; the call only sets a limit.
        unsafe { mlir_sys::mlirOpPrintingFlagsElideLargeResourceString(flags.to_raw(), 0) };
    }
    op.to_string_with_flags(flags).map_err(|e| e.to_string())
}

pub fn has_errors(diags: &[Diag]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_source_lines_are_echoed_around_the_column() {
        assert_eq!(source_window("abc", 1), ("abc".to_string(), 1));
        let line = "x".repeat(1000);
        let (shown, caret) = source_window(&line, 500);
        assert_eq!(shown.len(), 3 + super::SOURCE_WINDOW + 3);
        assert!(shown.starts_with("...") && shown.ends_with("..."));
        assert_eq!(caret, 3 + super::SOURCE_WINDOW / 2);
    }

    #[test]
    fn custom_syntax_of_our_dialects_gets_a_hint() {
        let m = "Dialect `stablehlo' not found for custom op 'stablehlo.add' ";
        let hint = generic_form_hint(m).unwrap();
        assert!(hint.starts_with("edge reads stablehlo ops in MLIR's generic form (\"stablehlo.add\"(%a, %b)"), "{hint}");
        assert!(hint.contains("stablehlo-opt --mlir-print-op-generic"), "{hint}");
        assert!(generic_form_hint("Dialect `tfl' not found for custom op 'tfl.add' ").unwrap().contains("\"tfl.add\"(%a, %b)"));
        assert!(generic_form_hint("Dialect `foo' not found for custom op 'foo.bar' ").is_none());
        assert!(generic_form_hint("custom op 'stablehlo.add' is unknown").is_none());
    }
}

//! The one place an MLIR context is made: registered dialects, unregistered
//! `tfl`/`stablehlo`, and a diagnostic collector. Nothing else builds a context by hand.

use melior::dialect::DialectHandle;
use melior::diagnostic::DiagnosticSeverity;
use melior::ir::Module;
use melior::Context;
use mlir_sys::*;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

/// A context ready for edge's IR: `func`, `arith` and `quant` registered and loaded,
/// unregistered dialects (`tfl`, `stablehlo`) allowed, single-threaded so diagnostics
/// and output stay deterministic.
pub fn edge_context() -> Context {
    let context = Context::new_with_threading(false);
    for handle in [DialectHandle::func(), DialectHandle::arith(), DialectHandle::quant()] {
        handle.register_dialect(&context);
        handle.load_dialect(&context);
    }
    context.set_allow_unregistered_dialects(true);
    context
}

/// Severity of a collected diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Note,
    Remark,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
            Severity::Remark => "remark",
        })
    }
}

/// A source position: file, 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcePos {
    pub file: String,
    pub line: usize,
    pub col: usize,
}

/// One diagnostic MLIR or a pass reported.
#[derive(Clone, Debug)]
pub struct Diag {
    pub severity: Severity,
    pub message: String,
    /// The location as MLIR prints it (`loc("m.mlir":3:5)`, `loc("conv1"(...))`).
    pub location: String,
    /// The first file:line:col inside the location, if any.
    pub pos: Option<SourcePos>,
    pub notes: Vec<Diag>,
}

impl Diag {
    /// Renders as `file:line:col: error: message` (the location's text when it has no
    /// file position), followed by notes.
    pub fn render(&self) -> String {
        let mut out = match &self.pos {
            Some(p) => format!("{}:{}:{}: {}: {}", p.file, p.line, p.col, self.severity, self.message),
            None => format!("{}: {}: {}", self.location, self.severity, self.message),
        };
        for n in &self.notes {
            out.push('\n');
            out.push_str(&n.render());
        }
        out
    }
}

/// Parses the first `"file":line:col` in a printed location.
pub fn parse_source_pos(location: &str) -> Option<SourcePos> {
    let start = location.find('"')?;
    let rest = &location[start + 1..];
    // Names (`loc("conv1"("m.py":3:1))`) are quoted too: take the first quoted string
    // that is followed by `:line:col`.
    let mut search = rest;
    let mut offset = 0;
    loop {
        let end = search.find('"')?;
        let file = &search[..end];
        let after = &search[end + 1..];
        if let Some(pos) = line_col(after) {
            return Some(SourcePos { file: file.to_string(), line: pos.0, col: pos.1 });
        }
        offset += end + 1;
        let next = rest[offset..].find('"')?;
        offset += next + 1;
        search = &rest[offset..];
    }
}

fn line_col(s: &str) -> Option<(usize, usize)> {
    let s = s.strip_prefix(':')?;
    let line_end = s.find(|c: char| !c.is_ascii_digit())?;
    let line = s[..line_end].parse().ok()?;
    let s = s[line_end..].strip_prefix(':')?;
    let col_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let col = s[..col_end].parse().ok()?;
    Some((line, col))
}

fn diag_from(d: &melior::diagnostic::Diagnostic) -> Diag {
    let severity = match d.severity() {
        DiagnosticSeverity::Error => Severity::Error,
        DiagnosticSeverity::Warning => Severity::Warning,
        DiagnosticSeverity::Note => Severity::Note,
        DiagnosticSeverity::Remark => Severity::Remark,
    };
    let location = crate::ir::print_location(d.location().to_raw());
    let notes = (0..d.note_count()).filter_map(|i| d.note(i).ok()).map(|n| diag_from(&n)).collect();
    Diag { severity, message: d.to_string(), pos: parse_source_pos(&location), location, notes }
}

/// Collects every diagnostic the context reports, in order, while it is alive: MLIR's
/// (errors, with their notes) and the remarks passes emit (`crate::remark`).
pub struct DiagnosticCollector<'c> {
    context: &'c Context,
    id: Option<melior::diagnostic::DiagnosticHandlerId>,
    remarks: u64,
    diags: crate::remark::Sink,
}

impl<'c> DiagnosticCollector<'c> {
    pub fn attach(context: &'c Context) -> Self {
        let diags = crate::remark::Sink::default();
        let sink = diags.clone();
        let id = context.attach_diagnostic_handler(move |d| {
            crate::guard::catch_in_callback("the diagnostic handler", true, || {
                sink.lock().unwrap_or_else(|e| e.into_inner()).push(diag_from(&d));
                true
            })
        });
        let remarks = crate::remark::attach(context.to_raw(), diags.clone());
        DiagnosticCollector { context, id: Some(id), remarks, diags }
    }
    /// Takes what was collected so far.
    pub fn take(&self) -> Vec<Diag> {
        std::mem::take(&mut self.diags.lock().unwrap_or_else(|e| e.into_inner()))
    }
    /// Whether an error was collected (remarks, warnings and notes are not errors).
    pub fn has_errors(&self) -> bool {
        self.diags.lock().unwrap_or_else(|e| e.into_inner()).iter().any(|d| d.severity == Severity::Error)
    }
}

impl Drop for DiagnosticCollector<'_> {
    fn drop(&mut self) {
        crate::remark::detach(self.context.to_raw(), self.remarks);
        if let Some(id) = self.id.take() {
            self.context.detach_diagnostic_handler(id);
        }
    }
}

/// Parses MLIR text as a module; locations name `filename`. Like mlir-opt, top-level
/// ops other than a single `builtin.module` are wrapped in an implicit module. Errors go
/// to the context's diagnostic handlers and `None` is returned. Properties of
/// unregistered ops (`<{...}>`, as JAX prints) become ordinary attributes
/// (`crate::ir::normalize_properties` says why).
pub fn parse_module<'c>(context: &'c Context, source: &str, filename: &str) -> Option<Module<'c>> {
    let module = parse_module_as_written(context, source, filename)?;
    // Generic form prints properties as `<{`: text without it has none to move.
    if source.contains("<{") {
        crate::ir::normalize_properties(module.as_operation().to_raw());
    }
    Some(module)
}

fn parse_module_as_written<'c>(context: &'c Context, source: &str, filename: &str) -> Option<Module<'c>> {
    if let Err(bad) = precheck(source) {
        let loc = unsafe {
            mlirLocationFileLineColGet(context.to_raw(), crate::ir::str_ref(filename), bad.line as u32, bad.col as u32)
        };
        crate::verify::emit_error(loc, &bad.message);
        return None;
    }
    const SEVERAL_OPS: &str = "source must contain a single top-level operation";
    // First attempt with diagnostics held back: several top-level ops are not an error
    // for us, just a reason to parse again inside an implicit module.
    let held = Rc::new(RefCell::new(Vec::<String>::new()));
    let sink = held.clone();
    let id = context.attach_diagnostic_handler(move |d| {
        crate::guard::catch_in_callback("the diagnostic handler", true, || {
            sink.borrow_mut().push(d.to_string());
            true
        })
    });
    let op = parse_op(context, source, filename);
    context.detach_diagnostic_handler(id);
    unsafe {
        if let Some(op) = op {
            if crate::ir::op_name(op) == "builtin.module" {
                return Some(Module::from_raw(mlirModuleFromOperation(op)));
            }
            let module = mlirModuleCreateEmpty(mlirOperationGetLocation(op));
            mlirBlockAppendOwnedOperation(mlirModuleGetBody(module), op);
            return Some(Module::from_raw(module));
        }
        if held.borrow().iter().any(|m| m.contains(SEVERAL_OPS)) {
            // `module {` on the first line keeps every line number of the source.
            let wrapped = format!("module {{{source}\n}}");
            let op = parse_op(context, &wrapped, filename)?;
            return Some(Module::from_raw(mlirModuleFromOperation(op)));
        }
        // Parse again so the errors reach the caller's handlers with their notes.
        parse_op(context, source, filename);
        None
    }
}

/// How deeply brackets (`(`, `[`, `{`, `<`) may nest in MLIR text. MLIR's parser
/// recurses once per level, so unbounded nesting overflows any stack; real modules stay
/// below 50 (a region in a function in a module, attributes a few levels deep).
pub const MAX_NESTING: usize = 1000;

/// How many results one op may have (`%x#N` with N below this).
pub const MAX_RESULTS: u64 = 1 << 20;

/// Why text was refused before MLIR's parser saw it, and where (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Checks MLIR text for what crashes MLIR 22's own parser instead of making it report
/// an error: nesting past [`MAX_NESTING`], result numbers past [`MAX_RESULTS`], and dense arrays whose element type is not
/// an integer or float type written out (`array<index: 1>` dereferences a null type,
/// an upstream bug; an alias may stand for `index`, so aliases are refused too). String
/// literals and `//` comments are skipped.
pub fn precheck(text: &str) -> Result<(), Refused> {
    let bytes = text.as_bytes();
    let (mut line, mut line_start, mut depth, mut i) = (1usize, 0usize, 0usize, 0usize);
    let at = |i: usize, line: usize, line_start: usize| (line, text[line_start..i].chars().count() + 1);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'"' => {
                // A string literal: skip to the closing quote, past escapes.
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    } else if bytes[i] == b'\n' {
                        // An unterminated string: the parser reports it.
                        break;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' | b'<' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let (line, col) = at(i, line, line_start);
                    return Err(Refused {
                        line,
                        col,
                        message: format!("brackets nest more than {MAX_NESTING} levels deep here; edge refuses such input rather than overflow the parser's stack"),
                    });
                }
                if bytes[i] == b'<' && i >= 5 && &bytes[i - 5..i] == b"array" && !is_ident(bytes.get(i.wrapping_sub(6)).copied()) {
                    if let Err(message) = check_dense_array_type(&text[i + 1..]) {
                        let (line, col) = at(i + 1, line, line_start);
                        return Err(Refused { line, col, message });
                    }
                }
            }
            b'%' => {
                // `%name#N` names result N of a multi-result op; for a forward reference
                // MLIR 22 makes N + 1 placeholders first (`%x#3000000000`: out of memory).
                let mut j = i + 1;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || b"_$.-".contains(&bytes[j])) {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'#') {
                    let digits = bytes[j + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
                    let number = text[j + 1..j + 1 + digits].parse::<u64>().unwrap_or(u64::MAX);
                    if digits > 0 && number >= MAX_RESULTS {
                        let (line, col) = at(i, line, line_start);
                        return Err(Refused {
                            line,
                            col,
                            message: format!("result number {} is past the {MAX_RESULTS} results edge accepts on one op", &text[j + 1..j + 1 + digits]),
                        });
                    }
                }
                i = j;
                continue;
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            // `->` is an arrow, not a closing bracket.
            b'>' if i == 0 || bytes[i - 1] != b'-' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

fn is_ident(c: Option<u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'$' || c == b'#' || c == b'!')
}

/// The element type that opens a dense array (`i32: 1, 2>`, `f32>`) must be a builtin
/// integer or float type spelled out.
fn check_dense_array_type(rest: &str) -> Result<(), String> {
    let rest = rest.trim_start();
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
    let word = &rest[..end];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let integer = ["i", "si", "ui"].iter().any(|p| word.strip_prefix(p).is_some_and(digits));
    let float = word.starts_with('f') || word.starts_with("bf") || word.starts_with("tf");
    let closed = rest[end..].trim_start().starts_with([':', '>']);
    if (integer || float) && closed {
        return Ok(());
    }
    let shown: String = rest.chars().take_while(|&c| c != ':' && c != '>' && c != '\n').take(40).collect();
    Err(format!(
        "dense array element type '{}' is not supported: write an integer or float type such as `array<i64: 1, 2>` (MLIR 22's parser crashes on `array<index: ...>`)",
        shown.trim()
    ))
}

fn parse_op(context: &Context, source: &str, filename: &str) -> Option<MlirOperation> {
    unsafe {
        let op = mlirOperationCreateParse(context.to_raw(), crate::ir::str_ref(source), crate::ir::str_ref(filename));
        (!op.ptr.is_null()).then_some(op)
    }
}

/// Runs MLIR's verifier and then the catalog verify step on `module`; problems are
/// reported as diagnostics. Returns whether the module is valid.
pub fn verify_module(module: &Module) -> bool {
    let op = module.as_operation().to_raw();
    // MLIR's own verifier first: catalog rules assume well-formed SSA.
    if !unsafe { mlirOperationVerify(op) } {
        return false;
    }
    crate::verify::verify_operation(op) == 0
}

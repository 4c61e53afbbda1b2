//! `--verify-diagnostics`: the diagnostics a run produced must match the
//! `// expected-error@+1 {{text}}` annotations in the source exactly (every one
//! produced, none unexpected), as in mlir-opt.

use edge_dialects::context::{Diag, Severity};

/// One `expected-<severity>` annotation.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub severity: Severity,
    /// The line the diagnostic must be reported on.
    pub line: usize,
    /// Text the diagnostic's message must contain.
    pub text: String,
    /// Where the annotation itself is.
    pub annotation_line: usize,
    matched: bool,
}

fn parse_expectations(text: &str) -> Result<Vec<Expectation>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let mut rest = line;
        while let Some(at) = rest.find("expected-") {
            rest = &rest[at + "expected-".len()..];
            let (severity, tail) = if let Some(t) = rest.strip_prefix("error") {
                (Severity::Error, t)
            } else if let Some(t) = rest.strip_prefix("warning") {
                (Severity::Warning, t)
            } else if let Some(t) = rest.strip_prefix("remark") {
                (Severity::Remark, t)
            } else if let Some(t) = rest.strip_prefix("note") {
                (Severity::Note, t)
            } else {
                continue;
            };
            let (target, tail) = if let Some(t) = tail.strip_prefix('@') {
                let end = t.find(|c: char| c.is_whitespace() || c == '{').unwrap_or(t.len());
                let spec = &t[..end];
                let target = match spec {
                    "above" => lineno.checked_sub(1),
                    "below" => Some(lineno + 1),
                    s if s.starts_with('+') => s[1..].parse::<usize>().ok().map(|n| lineno + n),
                    s if s.starts_with('-') => s[1..].parse::<usize>().ok().and_then(|n| lineno.checked_sub(n)),
                    s => s.parse::<usize>().ok(),
                };
                (target.ok_or_else(|| format!("line {lineno}: bad expected-* line offset '@{spec}'"))?, &t[end..])
            } else {
                (lineno, tail)
            };
            let tail = tail.trim_start();
            let Some(body) = tail.strip_prefix("{{") else {
                return Err(format!("line {lineno}: expected '{{{{' after expected-{severity}"));
            };
            let end = body.find("}}").ok_or_else(|| format!("line {lineno}: unterminated '{{{{'"))?;
            out.push(Expectation { severity, line: target, text: body[..end].to_string(), annotation_line: lineno, matched: false });
            rest = &body[end + 2..];
        }
    }
    Ok(out)
}

fn flatten(diags: &[Diag]) -> Vec<&Diag> {
    let mut out = Vec::new();
    for d in diags {
        out.push(d);
        out.extend(flatten(&d.notes));
    }
    out
}

/// Checks `diags` against the annotations in `text` (a case whose lines are numbered as
/// in `file`). Returns the problems, each rendered as `file:line: error: ...`.
pub fn check_expected_diagnostics(text: &str, file: &str, diags: &[Diag]) -> Vec<String> {
    let mut expectations = match parse_expectations(text) {
        Ok(e) => e,
        Err(e) => return vec![format!("{file}: error: {e}")],
    };
    let mut problems = Vec::new();
    for d in flatten(diags) {
        let line = d.pos.as_ref().filter(|p| p.file == file).map(|p| p.line);
        let found = expectations
            .iter_mut()
            .find(|e| !e.matched && e.severity == d.severity && Some(e.line) == line && d.message.contains(&e.text));
        match found {
            Some(e) => e.matched = true,
            None => problems.push(match line {
                Some(l) => format!("{file}:{l}: error: unexpected {}: {}", d.severity, d.message),
                None => format!("{file}: error: unexpected {} at {}: {}", d.severity, d.location, d.message),
            }),
        }
    }
    for e in expectations.iter().filter(|e| !e.matched) {
        problems.push(format!(
            "{file}:{}: error: expected {} \"{}\" on line {} was not produced",
            e.annotation_line, e.severity, e.text, e.line
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use edge_dialects::context::SourcePos;

    fn diag(line: usize, msg: &str) -> Diag {
        Diag {
            severity: Severity::Error,
            message: msg.into(),
            location: String::new(),
            pos: Some(SourcePos { file: "t.mlir".into(), line, col: 1 }),
            notes: vec![],
        }
    }

    #[test]
    fn matches_offsets_and_reports_both_directions() {
        let text = "// expected-error@+1 {{bad op}}\nop\nop // expected-error {{other}}\n";
        assert!(check_expected_diagnostics(text, "t.mlir", &[diag(2, "a bad op here"), diag(3, "other")]).is_empty());
        let p = check_expected_diagnostics(text, "t.mlir", &[diag(2, "a bad op here"), diag(4, "surprise")]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].contains("unexpected error: surprise"));
        assert!(p[1].contains("\"other\" on line 3 was not produced"));
    }
}

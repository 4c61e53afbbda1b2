//! Input text and `--split-input-file` cases.

use std::io::Read;

/// A named input text.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name diagnostics use (`-` for stdin).
    pub name: String,
    pub text: String,
}

/// Reads a file, or stdin for `-`.
pub fn read_input(path: &str) -> Result<Source, String> {
    let text = if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read '{path}': {e}"))?
    };
    Ok(Source { name: if path == "-" { "<stdin>".into() } else { path.to_string() }, text })
}

/// One case of a split input.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// The case's text, preceded by blank lines so that line numbers match the file.
    pub text: String,
    /// 1-based line of the case's first line in the file.
    pub first_line: usize,
}

/// Splits on lines that are exactly `// -----` (as mlir-opt does), or returns the whole
/// text as one case.
pub fn split_input(text: &str, split: bool) -> Vec<Chunk> {
    if !split {
        return vec![Chunk { text: text.to_string(), first_line: 1 }];
    }
    let mut chunks = Vec::new();
    let mut current = String::new();
    let mut first_line = 1;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_end() == "// -----" {
            chunks.push(Chunk { text: std::mem::take(&mut current), first_line });
            first_line = i + 2;
            current = "\n".repeat(i + 1);
        } else {
            current.push_str(line);
        }
    }
    chunks.push(Chunk { text: current, first_line });
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_line_numbers() {
        let chunks = split_input("a\n// -----\nb\nc\n// -----\nd", true);
        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks[1].first_line, 3);
        assert_eq!(chunks[1].text.lines().nth(2), Some("b"));
        assert_eq!(chunks[2].text.lines().nth(5), Some("d"));
        assert_eq!(split_input("a\n// -----\nb", false).len(), 1);
    }
}

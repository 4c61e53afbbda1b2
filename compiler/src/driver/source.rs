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
        check_input_path(std::path::Path::new(path))?;
        std::fs::read_to_string(path).map_err(|e| format!("cannot read '{path}': {e}"))?
    };
    Ok(Source { name: if path == "-" { "<stdin>".into() } else { path.to_string() }, text })
}

/// Reads a binary input (a `.tflite`): a file, or stdin for `-`.
pub fn read_input_bytes(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    check_input_path(std::path::Path::new(path))?;
    std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}"))
}

/// Refuses a directory by name: opening or mapping one fails with an OS error that does
/// not say so (`No such device`, `Is a directory`). Other problems are left to the read.
pub fn check_input_path(path: &std::path::Path) -> Result<(), String> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(format!("cannot read '{}': it is a directory, not a file", path.display())),
        _ => Ok(()),
    }
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

    #[test]
    fn directories_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_str().unwrap();
        let want = format!("cannot read '{path}': it is a directory, not a file");
        assert_eq!(read_input(path).unwrap_err(), want);
        assert_eq!(read_input_bytes(path).unwrap_err(), want);
        assert_eq!(check_input_path(dir.path()).unwrap_err(), want);
        assert!(check_input_path(std::path::Path::new("/nonexistent/x.pt2")).is_ok());
    }
}

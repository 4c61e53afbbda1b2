//! Field defaults of the schema's tables, read from `compiler/schema/tflite.fbs` itself
//! so that a reader of files written by other tools (which omit fields equal to their
//! default) fills absent option fields exactly as the schema says.

use std::collections::HashMap;
use std::sync::OnceLock;

const SCHEMA: &str = include_str!("../../schema/tflite.fbs");

/// `(table, field)` -> default literal as written in the schema (`1`, `true`, `SAME`).
fn defaults() -> &'static HashMap<(String, String), String> {
    static DEFAULTS: OnceLock<HashMap<(String, String), String>> = OnceLock::new();
    DEFAULTS.get_or_init(|| {
        let mut out = HashMap::new();
        let mut table: Option<String> = None;
        for raw in SCHEMA.lines() {
            let line = raw.split("//").next().unwrap_or("").trim();
            if let Some(rest) = line.strip_prefix("table ") {
                table = rest.split(|c: char| c.is_whitespace() || c == '{').next().map(str::to_string);
                continue;
            }
            if line.starts_with('}') {
                table = None;
                continue;
            }
            let Some(t) = &table else { continue };
            let Some((name, rest)) = line.split_once(':') else { continue };
            let Some((_, default)) = rest.split_once('=') else { continue };
            let default = default.split(|c| c == ';' || c == '(').next().unwrap_or("").trim();
            out.insert((t.clone(), name.trim().to_string()), default.to_string());
        }
        out
    })
}

/// The default literal of `table.field`, if the schema gives one.
pub fn field_default(table: &str, field: &str) -> Option<&'static str> {
    defaults().get(&(table.to_string(), field.to_string())).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_non_zero_defaults() {
        assert_eq!(field_default("Conv2DOptions", "dilation_w_factor"), Some("1"));
        assert_eq!(field_default("Model", "nonexistent"), None);
    }
}

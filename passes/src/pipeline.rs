//! A parser for MLIR's textual pipeline syntax:
//! `builtin.module(func.func(canonicalize, tfl-fuse-activation), symbol-dce{opt=1})`.
//! It only builds a tree; `manager` resolves names (ours first, then upstream's).

/// One element of a pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// `anchor(children)`: run `children` on every `anchor` op nested in the current op.
    Nest { anchor: String, children: Vec<Element> },
    /// `name{options}`.
    Pass { name: String, options: String },
}

/// Parses a pipeline string into its elements.
pub fn parse_pipeline(text: &str) -> Result<Vec<Element>, String> {
    let mut p = Parser { s: text.as_bytes(), pos: 0 };
    let elements = p.list()?;
    p.skip_ws();
    if p.pos != p.s.len() {
        return Err(p.error("expected ',' or end of pipeline"));
    }
    Ok(elements)
}

/// One pass of a pipeline with the op anchors it runs under (outermost first), so a
/// pipeline can be run a pass at a time, as `edge-convert --bisect` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub anchors: Vec<String>,
    pub name: String,
    pub options: String,
}

impl Step {
    /// `name{options}`, as written in the pipeline.
    pub fn label(&self) -> String {
        if self.options.is_empty() { self.name.clone() } else { format!("{}{{{}}}", self.name, self.options) }
    }

    /// A pipeline of this pass alone, nested as it was: `builtin.module(func.func(x))`.
    pub fn pipeline(&self) -> String {
        let mut text = self.label();
        for anchor in self.anchors.iter().rev() {
            text = format!("{anchor}({text})");
        }
        text
    }
}

/// Every pass of `elements` in run order, with its anchors. A pass in a nest runs on
/// each anchor op before the next pass starts (MLIR runs a nested pass list op by op,
/// but our passes do not look outside their anchor, so the results are the same).
pub fn flatten(elements: &[Element]) -> Vec<Step> {
    fn walk(elements: &[Element], anchors: &mut Vec<String>, out: &mut Vec<Step>) {
        for e in elements {
            match e {
                Element::Nest { anchor, children } => {
                    anchors.push(anchor.clone());
                    walk(children, anchors, out);
                    anchors.pop();
                }
                Element::Pass { name, options } => {
                    out.push(Step { anchors: anchors.clone(), name: name.clone(), options: options.clone() })
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(elements, &mut Vec::new(), &mut out);
    out
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let text = String::from_utf8_lossy(self.s);
        format!("invalid pass pipeline at column {}: {what}\n  {text}\n  {}^", self.pos + 1, " ".repeat(self.pos))
    }

    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn list(&mut self) -> Result<Vec<Element>, String> {
        let mut out = Vec::new();
        if matches!(self.peek(), None | Some(b')')) {
            return Ok(out);
        }
        loop {
            out.push(self.element()?);
            if self.peek() == Some(b',') {
                self.pos += 1;
            } else {
                return Ok(out);
            }
        }
    }

    fn element(&mut self) -> Result<Element, String> {
        self.skip_ws();
        let start = self.pos;
        while self.pos < self.s.len() && (self.s[self.pos].is_ascii_alphanumeric() || b"_-.".contains(&self.s[self.pos])) {
            self.pos += 1;
        }
        if start == self.pos {
            return Err(self.error("expected a pass or op name"));
        }
        let name = String::from_utf8_lossy(&self.s[start..self.pos]).into_owned();
        let mut options = String::new();
        if self.peek() == Some(b'{') {
            options = self.braced()?;
        }
        if self.peek() == Some(b'(') {
            if !options.is_empty() {
                return Err(self.error("an op anchor takes no options"));
            }
            self.pos += 1;
            let children = self.list()?;
            if self.peek() != Some(b')') {
                return Err(self.error("expected ')'"));
            }
            self.pos += 1;
            return Ok(Element::Nest { anchor: name, children });
        }
        Ok(Element::Pass { name, options })
    }

    /// `{...}` with nested braces and quoted strings; returns the inside.
    fn braced(&mut self) -> Result<String, String> {
        let open = self.pos;
        let mut depth = 0;
        let mut quoted = false;
        while self.pos < self.s.len() {
            let c = self.s[self.pos];
            self.pos += 1;
            match c {
                b'"' => quoted = !quoted,
                b'{' if !quoted => depth += 1,
                b'}' if !quoted => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(String::from_utf8_lossy(&self.s[open + 1..self.pos - 1]).trim().to_string());
                    }
                }
                _ => {}
            }
        }
        self.pos = open;
        Err(self.error("unterminated '{'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(name: &str, options: &str) -> Element {
        Element::Pass { name: name.into(), options: options.into() }
    }

    #[test]
    fn parses_nested_pipelines_with_options() {
        let p = parse_pipeline("builtin.module(func.func(canonicalize{max-iterations=3}, cse), symbol-dce)").unwrap();
        assert_eq!(
            p,
            vec![Element::Nest {
                anchor: "builtin.module".into(),
                children: vec![
                    Element::Nest {
                        anchor: "func.func".into(),
                        children: vec![pass("canonicalize", "max-iterations=3"), pass("cse", "")]
                    },
                    pass("symbol-dce", ""),
                ]
            }]
        );
    }

    #[test]
    fn options_may_nest_braces_and_quotes() {
        let p = parse_pipeline("a{x={1,2} y=\"}\"}").unwrap();
        assert_eq!(p, vec![pass("a", "x={1,2} y=\"}\"")]);
    }

    #[test]
    fn reports_the_column_of_errors() {
        let e = parse_pipeline("builtin.module(cse").unwrap_err();
        assert!(e.contains("expected ')'"), "{e}");
        let e = parse_pipeline("cse,,").unwrap_err();
        assert!(e.contains("column 5"), "{e}");
        assert!(parse_pipeline("a{x").unwrap_err().contains("unterminated"));
        assert!(parse_pipeline("f{a}(b)").unwrap_err().contains("no options"));
    }

    #[test]
    fn flattens_into_one_pass_pipelines() {
        let steps = flatten(&parse_pipeline("builtin.module(inline-calls,func.func(a{x=1},b),c)").unwrap());
        let texts: Vec<_> = steps.iter().map(Step::pipeline).collect();
        assert_eq!(
            texts,
            ["builtin.module(inline-calls)", "builtin.module(func.func(a{x=1}))", "builtin.module(func.func(b))", "builtin.module(c)"]
        );
        assert_eq!(steps[1].label(), "a{x=1}");
    }

    #[test]
    fn empty_pipeline_is_empty() {
        assert_eq!(parse_pipeline("builtin.module()").unwrap(), vec![Element::Nest { anchor: "builtin.module".into(), children: vec![] }]);
    }
}

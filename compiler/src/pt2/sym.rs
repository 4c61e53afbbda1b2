//! Symbolic sizes. torch.export records a dynamic dimension as a sympy expression over
//! size symbols, in `srepr` form (`Symbol('s77', positive=True, integer=True)`,
//! `Mul(Integer(2), Symbol('s77', ...))`) or printed form (`2*s77`, `((s77 - 1)//2) + 1`);
//! this module parses both so the importer can compute them at run time from the sizes
//! of the inputs that define each symbol.

use std::fmt;

/// One dimension of a tensor's recorded size.
#[derive(Debug, Clone, PartialEq)]
pub enum SymDim {
    Static(i64),
    Dynamic(Expr),
}

/// A parsed size expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Int(i64),
    Sym(String),
    Add(Box<Expr>, Box<Expr>),
    Sub(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    FloorDiv(Box<Expr>, Box<Expr>),
    Mod(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
    Max(Box<Expr>, Box<Expr>),
    Min(Box<Expr>, Box<Expr>),
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Int(i) => write!(f, "{i}"),
            Expr::Sym(s) => write!(f, "{s}"),
            Expr::Add(a, b) => write!(f, "({a} + {b})"),
            Expr::Sub(a, b) => write!(f, "({a} - {b})"),
            Expr::Mul(a, b) => write!(f, "({a}*{b})"),
            Expr::FloorDiv(a, b) => write!(f, "({a}//{b})"),
            Expr::Mod(a, b) => write!(f, "({a} % {b})"),
            Expr::Neg(a) => write!(f, "-{a}"),
            Expr::Max(a, b) => write!(f, "Max({a}, {b})"),
            Expr::Min(a, b) => write!(f, "Min({a}, {b})"),
        }
    }
}

/// Parses a sympy-printed size expression.
pub fn parse(text: &str) -> Result<Expr, String> {
    let tokens = tokenize(text)?;
    let head: String = text.chars().take(60).collect();
    let mut open = 0usize;
    for t in &tokens {
        match t {
            Tok::Op("(") => open += 1,
            Tok::Op(")") => open = open.saturating_sub(1),
            _ => {}
        }
        if open > MAX_DEPTH {
            return Err(format!("size expression '{head}...' nests deeper than {MAX_DEPTH} levels"));
        }
    }
    // A long flat chain (`s0 + s0 + ...`) parses in a loop but builds a tree as deep as
    // it is long, which dropping, printing and emitting then walk recursively.
    if tokens.len() > MAX_TOKENS {
        return Err(format!(
            "size expression '{head}...' has {} tokens, more than the {MAX_TOKENS} edge reads",
            tokens.len()
        ));
    }
    let mut p = Parser { t: &tokens, i: 0, text, depth: 0 };
    let e = p.sum()?;
    if let Some(extra) = tokens.get(p.i) {
        return Err(format!("unexpected '{extra}' in size expression '{text}'"));
    }
    Ok(e)
}

/// How deeply a size expression may nest (parentheses, calls, unary minus). Real ones
/// nest a few levels; the parser, and every walk over the tree, recurse once per level.
pub const MAX_DEPTH: usize = 64;
/// How many tokens a size expression may have.
pub const MAX_TOKENS: usize = 1024;

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Int(i64),
    Ident(String),
    Str(String),
    Op(&'static str),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Int(i) => write!(f, "{i}"),
            Tok::Ident(s) => write!(f, "{s}"),
            Tok::Str(s) => write!(f, "'{s}'"),
            Tok::Op(o) => write!(f, "{o}"),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<Tok>, String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(Tok::Int(text[start..i].parse().map_err(|_| format!("integer too large in '{text}'"))?));
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Ident(text[start..i].to_string()));
        } else if c == '\'' || c == '"' {
            let end = text[i + 1..].find(c).ok_or_else(|| format!("unterminated string in '{text}'"))?;
            out.push(Tok::Str(text[i + 1..i + 1 + end].to_string()));
            i += end + 2;
        } else if text[i..].starts_with("//") {
            out.push(Tok::Op("//"));
            i += 2;
        } else {
            let op = match c {
                '+' => "+",
                '-' => "-",
                '*' => "*",
                '%' => "%",
                '(' => "(",
                ')' => ")",
                ',' => ",",
                '=' => "=",
                _ => return Err(format!("unexpected '{c}' in size expression '{text}'")),
            };
            out.push(Tok::Op(op));
            i += 1;
        }
    }
    Ok(out)
}

struct Parser<'a> {
    t: &'a [Tok],
    i: usize,
    text: &'a str,
    depth: usize,
}

impl Parser<'_> {
    /// Runs `f` one nesting level deeper, refusing to go past [`MAX_DEPTH`].
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, String>) -> Result<T, String> {
        if self.depth >= MAX_DEPTH {
            let head: String = self.text.chars().take(60).collect();
            return Err(format!("size expression '{head}...' nests deeper than {MAX_DEPTH} levels"));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn peek_op(&self, op: &str) -> bool {
        matches!(self.t.get(self.i), Some(Tok::Op(o)) if *o == op)
    }

    fn expect(&mut self, op: &str) -> Result<(), String> {
        if self.peek_op(op) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected '{op}' in size expression '{}'", self.text))
        }
    }

    /// Arguments of a call up to its `)`: expressions, string literals (a Symbol's name),
    /// and `key=value` assumptions, which are skipped.
    fn call_args(&mut self) -> Result<(Vec<Expr>, Vec<String>), String> {
        let mut exprs = Vec::new();
        let mut strings = Vec::new();
        if self.peek_op(")") {
            self.i += 1;
            return Ok((exprs, strings));
        }
        loop {
            match (self.t.get(self.i), self.t.get(self.i + 1)) {
                (Some(Tok::Str(s)), _) => {
                    strings.push(s.clone());
                    self.i += 1;
                }
                (Some(Tok::Ident(_)), Some(Tok::Op("="))) => {
                    self.i += 3; // key = value
                }
                _ => exprs.push(self.sum()?),
            }
            if self.peek_op(",") {
                self.i += 1;
                continue;
            }
            self.expect(")")?;
            return Ok((exprs, strings));
        }
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut e = self.product()?;
        loop {
            if self.peek_op("+") {
                self.i += 1;
                e = Expr::Add(Box::new(e), Box::new(self.product()?));
            } else if self.peek_op("-") {
                self.i += 1;
                e = Expr::Sub(Box::new(e), Box::new(self.product()?));
            } else {
                return Ok(e);
            }
        }
    }

    fn product(&mut self) -> Result<Expr, String> {
        let mut e = self.unary()?;
        loop {
            if self.peek_op("*") {
                self.i += 1;
                e = Expr::Mul(Box::new(e), Box::new(self.unary()?));
            } else if self.peek_op("//") {
                self.i += 1;
                e = Expr::FloorDiv(Box::new(e), Box::new(self.unary()?));
            } else if self.peek_op("%") {
                self.i += 1;
                e = Expr::Mod(Box::new(e), Box::new(self.unary()?));
            } else {
                return Ok(e);
            }
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.peek_op("-") {
            self.i += 1;
            return Ok(Expr::Neg(Box::new(self.nested(Self::unary)?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Expr, String> {
        match self.t.get(self.i).cloned() {
            Some(Tok::Int(v)) => {
                self.i += 1;
                Ok(Expr::Int(v))
            }
            Some(Tok::Op("(")) => {
                self.i += 1;
                let e = self.nested(Self::sum)?;
                self.expect(")")?;
                Ok(e)
            }
            Some(Tok::Ident(name)) => {
                self.i += 1;
                if !self.peek_op("(") {
                    return Ok(Expr::Sym(name));
                }
                self.i += 1;
                let (args, strings) = self.nested(Self::call_args)?;
                let two = |args: Vec<Expr>| -> Result<(Box<Expr>, Box<Expr>), String> {
                    match <[Expr; 2]>::try_from(args) {
                        Ok([a, b]) => Ok((Box::new(a), Box::new(b))),
                        Err(_) => Err(format!("'{name}' takes two arguments in '{}'", self.text)),
                    }
                };
                let fold = |args: Vec<Expr>, f: fn(Box<Expr>, Box<Expr>) -> Expr| -> Result<Expr, String> {
                    let mut it = args.into_iter();
                    let first = it.next().ok_or_else(|| format!("'{name}' needs arguments in '{}'", self.text))?;
                    Ok(it.fold(first, |acc, e| f(Box::new(acc), Box::new(e))))
                };
                match name.as_str() {
                    "Symbol" => strings.into_iter().next().map(Expr::Sym).ok_or_else(|| format!("Symbol without a name in '{}'", self.text)),
                    "Integer" => match args.as_slice() {
                        [Expr::Int(v)] => Ok(Expr::Int(*v)),
                        [Expr::Neg(b)] if matches!(**b, Expr::Int(_)) => Ok(Expr::Neg(b.clone())),
                        _ => Err(format!("bad Integer in '{}'", self.text)),
                    },
                    "Add" => fold(args, Expr::Add),
                    "Mul" => fold(args, Expr::Mul),
                    "Max" => fold(args, Expr::Max),
                    "Min" => fold(args, Expr::Min),
                    "FloorDiv" => two(args).map(|(a, b)| Expr::FloorDiv(a, b)),
                    "Mod" | "PythonMod" => two(args).map(|(a, b)| Expr::Mod(a, b)),
                    other => Err(format!("function '{other}' in size expression '{}' is not supported", self.text)),
                }
            }
            _ => Err(format!("incomplete size expression '{}'", self.text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sympy_size_expressions() {
        assert_eq!(parse("s77").unwrap(), Expr::Sym("s77".into()));
        assert_eq!(parse("2*s77").unwrap().to_string(), "(2*s77)");
        assert_eq!(parse("((s77 - 1)//2) + 1").unwrap().to_string(), "(((s77 - 1)//2) + 1)");
        assert_eq!(parse("Max(1, s0)").unwrap().to_string(), "Max(1, s0)");
        assert_eq!(parse("-s3 + 8").unwrap().to_string(), "(-s3 + 8)");
        assert!(parse("s0 +").is_err());
        assert!(parse("sqrt(s0, 1)").is_err());
        assert!(parse("s0 $ 1").is_err());
        assert_eq!(parse("Symbol('s17', positive=True, integer=True)").unwrap(), Expr::Sym("s17".into()));
        assert_eq!(
            parse("Mul(Integer(2), Symbol('s27', positive=True, integer=True), Symbol('s77', integer=True))").unwrap().to_string(),
            "((2*s27)*s77)"
        );
        assert_eq!(parse("Add(Symbol('s1'), Integer(-1))").unwrap().to_string(), "(s1 + -1)");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = |open: &str, close: &str, n: usize| format!("{}s0{}", open.repeat(n), close.repeat(n));
        for text in [deep("(", ")", 10_000), deep("Max(1, ", ")", 10_000), deep("-", "", 1_000)] {
            let e = parse(&text).unwrap_err();
            assert!(e.ends_with(&format!("nests deeper than {MAX_DEPTH} levels")), "{e}");
        }
        assert!(parse(&deep("-", "", 10_000)).unwrap_err().contains("more than the 1024 edge reads"));
        assert!(parse(&deep("(", ")", MAX_DEPTH - 1)).is_ok());
        assert!(parse(&deep("-", "", MAX_DEPTH)).is_ok());
        let long = vec!["s0"; 100_000].join(" + ");
        assert!(parse(&long).unwrap_err().contains("more than the 1024 edge reads"));
    }
}

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
    /// A real `num / den` (sympy's `Float`, `ToFloat`, `IntTrueDiv`); only the parser
    /// builds it, and only an enclosing `TruncToInt`/`FloorToInt`/`CeilToInt` (which
    /// turns it into a `FloorDiv`) may hold it.
    Real(Box<Expr>, Box<Expr>),
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
            Expr::Real(a, b) => write!(f, "({a}/{b})"),
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
    if e.has_real() {
        return Err(format!("size expression '{text}' is not an integer (a real outside TruncToInt/FloorToInt/CeilToInt)"));
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
                let one = |args: Vec<Expr>| -> Result<Expr, String> {
                    match <[Expr; 1]>::try_from(args) {
                        Ok([a]) => Ok(a),
                        Err(_) => Err(format!("'{name}' takes one argument in '{}'", self.text)),
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
                    "Add" => fold(args, add),
                    "Mul" => fold(args, mul),
                    "ToFloat" => one(args),
                    "Float" => float(strings.first().map(String::as_str), self.text),
                    "IntTrueDiv" | "FloatTrueDiv" => two(args).map(|(a, b)| div(*a, *b)),
                    "TruncToInt" | "FloorToInt" => one(args).map(|e| to_int(e, false)),
                    "CeilToInt" => one(args).map(|e| to_int(e, true)),
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

/// `a / b` as a real.
fn div(a: Expr, b: Expr) -> Expr {
    let (an, ad) = as_real(a);
    let (bn, bd) = as_real(b);
    Expr::Real(Box::new(times(an, bd)), Box::new(times(ad, bn)))
}

/// `e` as `(num, den)`.
fn as_real(e: Expr) -> (Expr, Expr) {
    match e {
        Expr::Real(n, d) => (*n, *d),
        e => (e, Expr::Int(1)),
    }
}

/// `a * b`, real when either is.
fn mul(a: Box<Expr>, b: Box<Expr>) -> Expr {
    if !matches!(*a, Expr::Real(..)) && !matches!(*b, Expr::Real(..)) {
        return Expr::Mul(a, b);
    }
    let (an, ad) = as_real(*a);
    let (bn, bd) = as_real(*b);
    Expr::Real(Box::new(times(an, bn)), Box::new(times(ad, bd)))
}

/// `a + b`, real when either is.
fn add(a: Box<Expr>, b: Box<Expr>) -> Expr {
    if !matches!(*a, Expr::Real(..)) && !matches!(*b, Expr::Real(..)) {
        return Expr::Add(a, b);
    }
    let (an, ad) = as_real(*a);
    let (bn, bd) = as_real(*b);
    let num = Expr::Add(Box::new(times(an, bd.clone())), Box::new(times(bn, ad.clone())));
    Expr::Real(Box::new(num), Box::new(times(ad, bd)))
}

/// `a * b`, dropping a factor 1.
fn times(a: Expr, b: Expr) -> Expr {
    match (a, b) {
        (Expr::Int(1), e) | (e, Expr::Int(1)) => e,
        (a, b) => Expr::Mul(Box::new(a), Box::new(b)),
    }
}

/// A sympy `Float('1.5', precision=53)`: the exact fraction of its decimal text. Only
/// fractions with a power-of-two denominator (1.5, 0.25, 2.0) are taken: those are
/// exactly the double PyTorch multiplies by, so `floor(n * p / q)` in integers equals
/// PyTorch's `trunc(double(n) * 1.5)` for every size; a factor like 1.1 is not.
fn float(text: Option<&str>, whole: &str) -> Result<Expr, String> {
    let t = text.ok_or_else(|| format!("Float without a value in '{whole}'"))?;
    let bad = || format!("Float('{t}') in size expression '{whole}' is not a decimal edge reads");
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() && frac.is_empty() || !int.bytes().chain(frac.bytes()).all(|c| c.is_ascii_digit()) || frac.len() > 18 {
        return Err(bad());
    }
    let frac = frac.trim_end_matches('0');
    let mut num: i64 = format!("{int}{frac}").parse().map_err(|_| bad())?;
    let mut den: i64 = 10i64.pow(frac.len() as u32);
    let g = gcd(num, den);
    if g > 1 {
        num /= g;
        den /= g;
    }
    if den & (den - 1) != 0 {
        return Err(format!(
            "Float('{t}') in size expression '{whole}' is not exact in binary; edge computes such sizes only for factors like 1.5 or 0.25"
        ));
    }
    Ok(Expr::Real(Box::new(Expr::Int(num)), Box::new(Expr::Int(den))))
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

/// `TruncToInt`/`FloorToInt` (`ceil` false) or `CeilToInt` of `e`. Sizes are
/// non-negative, so truncation is the floor.
fn to_int(e: Expr, ceil: bool) -> Expr {
    match e {
        Expr::Real(n, d) => {
            let n = if ceil { Box::new(Expr::Add(n, Box::new(Expr::Sub(d.clone(), Box::new(Expr::Int(1)))))) } else { n };
            Expr::FloorDiv(n, d)
        }
        e => e,
    }
}

/// The smallest and largest value of a size (`None`: not bounded, or not known).
pub type Range = (Option<i64>, Option<i64>);

impl Expr {
    /// The value of `self` when it reads no symbol (`None` also on overflow or a
    /// division by zero).
    pub fn constant(&self) -> Option<i64> {
        Some(match self {
            Expr::Int(n) => *n,
            Expr::Sym(_) => return None,
            Expr::Neg(a) => a.constant()?.checked_neg()?,
            Expr::Add(a, b) => a.constant()?.checked_add(b.constant()?)?,
            Expr::Sub(a, b) => a.constant()?.checked_sub(b.constant()?)?,
            Expr::Mul(a, b) => a.constant()?.checked_mul(b.constant()?)?,
            Expr::FloorDiv(a, b) => a.constant()?.checked_div_euclid(b.constant()?)?,
            Expr::Mod(a, b) => a.constant()?.checked_rem_euclid(b.constant()?)?,
            Expr::Max(a, b) => a.constant()?.max(b.constant()?),
            Expr::Min(a, b) => a.constant()?.min(b.constant()?),
            Expr::Real(..) => return None,
        })
    }

    /// Whether a real (not turned into an integer) is left anywhere in `self`.
    fn has_real(&self) -> bool {
        match self {
            Expr::Int(_) | Expr::Sym(_) => false,
            Expr::Real(..) => true,
            Expr::Neg(a) => a.has_real(),
            Expr::Add(a, b)
            | Expr::Sub(a, b)
            | Expr::Mul(a, b)
            | Expr::FloorDiv(a, b)
            | Expr::Mod(a, b)
            | Expr::Max(a, b)
            | Expr::Min(a, b) => a.has_real() || b.has_real(),
        }
    }

    /// The symbols `self` reads, in first-use order.
    pub fn symbols(&self) -> Vec<String> {
        fn walk(e: &Expr, out: &mut Vec<String>) {
            match e {
                Expr::Int(_) => {}
                Expr::Sym(s) => {
                    if !out.contains(s) {
                        out.push(s.clone())
                    }
                }
                Expr::Neg(a) => walk(a, out),
                Expr::Add(a, b)
                | Expr::Sub(a, b)
                | Expr::Mul(a, b)
                | Expr::FloorDiv(a, b)
                | Expr::Mod(a, b)
                | Expr::Max(a, b)
                | Expr::Min(a, b)
                | Expr::Real(a, b) => {
                    walk(a, out);
                    walk(b, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(self, &mut out);
        out
    }

    /// `self` as `a*s + b` in one symbol `s` (`a != 0`), if it is one.
    pub fn affine(&self) -> Option<(String, i64, i64)> {
        // (symbol, coefficient, constant); the symbol is None for a constant.
        fn form(e: &Expr) -> Option<(Option<String>, i64, i64)> {
            let join = |a: Option<String>, b: Option<String>| match (a, b) {
                (Some(x), Some(y)) if x != y => Err(()),
                (x, y) => Ok(x.or(y)),
            };
            Some(match e {
                Expr::Int(n) => (None, 0, *n),
                Expr::Sym(s) => (Some(s.clone()), 1, 0),
                Expr::Neg(a) => {
                    let (s, k, c) = form(a)?;
                    (s, k.checked_neg()?, c.checked_neg()?)
                }
                Expr::Add(a, b) | Expr::Sub(a, b) => {
                    let (sa, ka, ca) = form(a)?;
                    let (sb, kb, cb) = form(b)?;
                    let (kb, cb) = if matches!(e, Expr::Sub(..)) { (kb.checked_neg()?, cb.checked_neg()?) } else { (kb, cb) };
                    (join(sa, sb).ok()?, ka.checked_add(kb)?, ca.checked_add(cb)?)
                }
                Expr::Mul(a, b) => {
                    let (sa, ka, ca) = form(a)?;
                    let (sb, kb, cb) = form(b)?;
                    match (sa, sb) {
                        (s, None) => (s, ka.checked_mul(cb)?, ca.checked_mul(cb)?),
                        (None, s) => (s, kb.checked_mul(ca)?, cb.checked_mul(ca)?),
                        _ => return None,
                    }
                }
                _ => return None,
            })
        }
        match form(self)? {
            (Some(s), a, b) if a != 0 => Some((s, a, b)),
            _ => None,
        }
    }

    /// For a size `self` that is `a*s + b` in one symbol: the symbol, and `s` written
    /// over `size` (the size's run-time value): `(size - b) // a`. torch.export only
    /// lets an input dim be such a function of a Dim (`8*h`, `h + 1`, `2*h - 1`).
    pub fn solve(&self, size: Expr) -> Option<(String, Expr)> {
        let (s, a, b) = self.affine()?;
        if a < 0 {
            return None;
        }
        let mut e = size;
        if b > 0 {
            e = Expr::Sub(Box::new(e), Box::new(Expr::Int(b)));
        } else if b < 0 {
            e = Expr::Add(Box::new(e), Box::new(Expr::Int(b.checked_neg()?)));
        }
        if a != 1 {
            e = Expr::FloorDiv(Box::new(e), Box::new(Expr::Int(a)));
        }
        Some((s, e))
    }

    /// The smallest and largest values of `self` for symbols in `ranges` (`None`: not
    /// bounded, or not known). Sizes are non-negative, so products and quotients of
    /// non-negative bounds are monotone; anything else gives `None`.
    pub fn bounds(&self, ranges: &dyn Fn(&str) -> Range) -> Range {
        type B = Range;
        let nonneg = |b: &B| b.0.is_some_and(|v| v >= 0);
        let both = |a: B, b: B, f: fn(i64, i64) -> Option<i64>| -> B {
            (a.0.zip(b.0).and_then(|(x, y)| f(x, y)), a.1.zip(b.1).and_then(|(x, y)| f(x, y)))
        };
        match self {
            Expr::Int(n) => (Some(*n), Some(*n)),
            Expr::Sym(s) => ranges(s),
            Expr::Neg(a) => {
                let (lo, hi) = a.bounds(ranges);
                (hi.and_then(i64::checked_neg), lo.and_then(i64::checked_neg))
            }
            Expr::Add(a, b) => both(a.bounds(ranges), b.bounds(ranges), i64::checked_add),
            Expr::Sub(a, b) => {
                let (a, b) = (a.bounds(ranges), b.bounds(ranges));
                (a.0.zip(b.1).and_then(|(x, y)| x.checked_sub(y)), a.1.zip(b.0).and_then(|(x, y)| x.checked_sub(y)))
            }
            Expr::Max(a, b) => both(a.bounds(ranges), b.bounds(ranges), |x, y| Some(x.max(y))),
            Expr::Min(a, b) => both(a.bounds(ranges), b.bounds(ranges), |x, y| Some(x.min(y))),
            Expr::Mul(a, b) | Expr::FloorDiv(a, b) => {
                let (a, b) = (a.bounds(ranges), b.bounds(ranges));
                if !nonneg(&a) || !nonneg(&b) {
                    return (None, None);
                }
                if matches!(self, Expr::Mul(..)) {
                    both(a, b, i64::checked_mul)
                } else {
                    // Smallest over the largest divisor, largest over the smallest.
                    let lo = a.0.zip(b.1).and_then(|(x, y)| x.checked_div(y));
                    let hi = match (a.1, b.0) {
                        (Some(x), Some(y)) if y > 0 => Some(x / y),
                        _ => None,
                    };
                    (lo, hi)
                }
            }
            Expr::Mod(_, b) => match b.bounds(ranges) {
                (_, Some(hi)) if hi > 0 => (Some(0), Some(hi - 1)),
                _ => (None, None),
            },
            Expr::Real(..) => (None, None),
        }
    }

    /// The expression in sympy's printed style (`8*s39`, `s0 + 1`): for messages and
    /// the range attribute when torch.export did not record the text itself.
    pub fn sympy_text(&self) -> String {
        let s = self.to_string();
        match s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
            // Only strip a pair that encloses the whole text.
            Some(inner) if balanced(inner) => inner.to_string(),
            _ => s,
        }
    }
}

fn balanced(s: &str) -> bool {
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
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
    fn reals_inside_to_int_are_exact_floor_divisions() {
        let s = "Symbol('s0', positive=True, integer=True)";
        let e = |f: &str| parse(&f.replace("S", s));
        assert_eq!(e("TruncToInt(Mul(Float('1.5', precision=53), ToFloat(S)))").unwrap().to_string(), "((3*s0)//2)");
        assert_eq!(e("FloorToInt(Mul(Float('0.25', precision=53), ToFloat(S)))").unwrap().to_string(), "(s0//4)");
        assert_eq!(e("CeilToInt(Mul(Float('1.5', precision=53), ToFloat(S)))").unwrap().to_string(), "(((3*s0) + (2 - 1))//2)");
        assert_eq!(e("TruncToInt(IntTrueDiv(S, Integer(3)))").unwrap().to_string(), "(s0//3)");
        // 1.1 is not exact in binary: floor(11 * s0 / 10) is not PyTorch's double product.
        assert!(e("TruncToInt(Mul(Float('1.1', precision=53), ToFloat(S)))").unwrap_err().contains("not exact in binary"));
        // A real left outside a *ToInt is not a size.
        assert!(e("Mul(Float('1.5', precision=53), ToFloat(S))").unwrap_err().contains("not an integer"));
        let v = e("Max(Integer(1), TruncToInt(Mul(Float('1.5', precision=53), ToFloat(S))))").unwrap();
        assert_eq!(v.bounds(&|_| (Some(2), Some(16))), (Some(3), Some(24)));
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

    #[test]
    fn derived_input_dims_are_solved_for_their_symbol() {
        let size = || Expr::Sym("n".into());
        let solve = |t: &str| parse(t).unwrap().solve(size()).map(|(s, e)| (s, e.to_string()));
        assert_eq!(solve("Symbol('s39', positive=True, integer=True)"), Some(("s39".into(), "n".into())));
        assert_eq!(solve("Mul(Integer(8), Symbol('s39', positive=True, integer=True))"), Some(("s39".into(), "(n//8)".into())));
        assert_eq!(solve("8*s39"), Some(("s39".into(), "(n//8)".into())));
        assert_eq!(solve("s0 + 1"), Some(("s0".into(), "(n - 1)".into())));
        assert_eq!(solve("2*s0 - 1"), Some(("s0".into(), "((n + 1)//2)".into())));
        assert_eq!(solve("Add(Mul(Integer(4), Symbol('s1')), Integer(2))"), Some(("s1".into(), "((n - 2)//4)".into())));
        assert_eq!(solve("2*(s3 + 1)"), Some(("s3".into(), "((n - 2)//2)".into())));
        // Not invertible: two symbols, a product of symbols, a quotient, a constant.
        assert_eq!(solve("s0 + s1"), None);
        assert_eq!(solve("s0*s0"), None);
        assert_eq!(solve("s0//2"), None);
        assert_eq!(solve("3"), None);
        assert_eq!(solve("s0 - s0"), None);
        assert_eq!(solve("-s0 + 8"), None);
    }

    #[test]
    fn bounds_follow_the_symbol_ranges() {
        let ranges = |s: &str| match s {
            "h" => (Some(2), Some(32)),
            "w" => (Some(1), None),
            _ => (None, None),
        };
        let b = |t: &str| parse(t).unwrap().bounds(&ranges);
        assert_eq!(b("8*h"), (Some(16), Some(256)));
        assert_eq!(b("h//2 + 1"), (Some(2), Some(17)));
        assert_eq!(b("h - 1"), (Some(1), Some(31)));
        assert_eq!(b("h + w"), (Some(3), None));
        assert_eq!(b("Max(1, h - 4)"), (Some(1), Some(28)));
        assert_eq!(b("h % 4"), (Some(0), Some(3)));
        assert_eq!(b("q*2"), (None, None));
    }

    #[test]
    fn sympy_text_drops_only_the_outer_parentheses() {
        assert_eq!(parse("8*s39").unwrap().sympy_text(), "8*s39");
        assert_eq!(parse("s0").unwrap().sympy_text(), "s0");
        assert_eq!(parse("(s0 + 1)*(s1 + 1)").unwrap().sympy_text(), "(s0 + 1)*(s1 + 1)");
        assert_eq!(parse("Max(1, s0)").unwrap().sympy_text(), "Max(1, s0)");
        assert_eq!(parse("Symbol('s1') + 1").unwrap().symbols(), vec!["s1".to_string()]);
        assert_eq!(parse("-(2) + 7//2*3").unwrap().constant(), Some(7));
        assert_eq!(parse("s0 + 1").unwrap().constant(), None);
        assert_eq!(parse("1//0").unwrap().constant(), None);
    }
}

//! Readers for StableHLO's dialect attributes. Without a registered `stablehlo`
//! dialect, MLIR keeps them as opaque attributes holding the text after the namespace:
//!
//! | written                                    | `Attr::Opaque` data                      |
//! | ------------------------------------------ | ---------------------------------------- |
//! | `#stablehlo.conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>` | `conv<[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]>` |
//! | `#stablehlo.conv<raw input_batch_dimension = 0, ...>` | `conv<raw input_batch_dimension = 0, ...>` |
//! | `#stablehlo.dot<lhs_batching_dimensions = [0], ...>` | `dot<lhs_batching_dimensions = [0], ...>` |
//! | `#stablehlo<comparison_direction LT>`      | `comparison_direction LT`                |
//! | `#stablehlo.comparison_direction<LT>`      | `comparison_direction<LT>`               |
//!
//! The data is the source text as written (not re-printed), so the readers here accept
//! any spacing. Struct-like attributes (`dot`, `gather`, `scatter`, `conv<raw ...>`)
//! take their fields in any order, absent fields meaning empty lists or 0, as
//! StableHLO's own parser does.
//!
//! Each typed value (`ConvDims`, `DotDims`, `GatherDims`, `ScatterDims`,
//! `ComparisonDirection`, `ComparisonType`, `Precision`) reads every form above and
//! prints one, StableHLO's own printer's (`Display`): the compact `conv<[b, f, 0, 1]x...>`
//! (the raw form only for dimension numbers the compact one cannot show), struct fields
//! in the spec's order with empty ones left out, enums as `#stablehlo<name CASE>`.
//! Verifier and legalization read attributes through these types only.

use crate::ir::Attr;
use std::fmt;

/// The text of a `stablehlo` dialect attribute after `#stablehlo.` or inside
/// `#stablehlo<...>`: `conv<...>`, `comparison_direction LT`. Also reads the printed
/// form, should the dialect ever be registered (`Attr::Other`).
pub fn dialect_text(a: &Attr) -> Option<&str> {
    match a {
        Attr::Opaque { dialect, data } if dialect == "stablehlo" => Some(data.trim()),
        Attr::Other(s) => s
            .strip_prefix("#stablehlo.")
            .or_else(|| s.strip_prefix("#stablehlo<").and_then(|r| r.strip_suffix('>')))
            .map(str::trim),
        _ => None,
    }
}

/// The parameters of the dialect attribute named `mnemonic`: the text inside
/// `mnemonic<...>`, or after the space in the enum form `mnemonic VALUE`. `None` when
/// the attribute is not a `#stablehlo.<mnemonic>` (`dot` does not match
/// `dot_algorithm<...>`).
pub fn params<'a>(a: &'a Attr, mnemonic: &str) -> Option<&'a str> {
    let rest = dialect_text(a)?.strip_prefix(mnemonic)?;
    let trimmed = rest.trim_start();
    if let Some(inner) = trimmed.strip_prefix('<') {
        return inner.strip_suffix('>').map(str::trim);
    }
    if rest.starts_with(char::is_whitespace) {
        return Some(trimmed);
    }
    None
}

/// The case of an enum attribute (`#stablehlo<comparison_direction LT>` or
/// `#stablehlo.comparison_direction<LT>` give `LT`).
pub fn enum_case<'a>(a: &'a Attr, mnemonic: &str) -> Option<&'a str> {
    params(a, mnemonic).filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

/// Checks that `a` is the enum attribute `mnemonic` with one of `cases`.
pub fn check_enum(a: &Attr, attr_name: &str, mnemonic: &str, cases: &[&str]) -> Result<String, String> {
    match enum_case(a, mnemonic) {
        Some(v) if cases.contains(&v) => Ok(v.to_string()),
        Some(v) => Err(format!("attribute '{attr_name}' must be one of {}, got {v}", cases.join(", "))),
        None => Err(format!("attribute '{attr_name}' must be a #stablehlo<{mnemonic} ...> attribute")),
    }
}

/// A StableHLO enum attribute (`#stablehlo<mnemonic CASE>`): its cases, read from
/// either printed form and printed in the first.
macro_rules! stablehlo_enum {
    ($(#[$doc:meta])* $name:ident, $mnemonic:literal, [$($case:ident = $text:literal),+ $(,)?]) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($case),+
        }

        impl $name {
            /// Every case, in the spec's order.
            pub const ALL: &'static [$name] = &[$($name::$case),+];
            /// The attribute's mnemonic (`comparison_direction`).
            pub const MNEMONIC: &'static str = $mnemonic;

            /// The case as written (`LT`).
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$case => $text),+
                }
            }

            /// Reads `a`; `attr_name` names it in the message of a bad value.
            pub fn from_attr(a: &Attr, attr_name: &str) -> Result<Self, String> {
                match enum_case(a, $mnemonic) {
                    Some(v) => Self::ALL.iter().copied().find(|c| c.name() == v).ok_or_else(|| {
                        let names: Vec<&str> = Self::ALL.iter().map(|c| c.name()).collect();
                        format!("attribute '{attr_name}' must be one of {}, got {v}", names.join(", "))
                    }),
                    None => Err(format!("attribute '{attr_name}' must be a #stablehlo<{} ...> attribute", $mnemonic)),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "#stablehlo<{} {}>", $mnemonic, self.name())
            }
        }
    };
}

stablehlo_enum!(
    /// compare's `comparison_direction` (spec: compare).
    ComparisonDirection,
    "comparison_direction",
    [Eq = "EQ", Ne = "NE", Ge = "GE", Gt = "GT", Le = "LE", Lt = "LT"]
);

stablehlo_enum!(
    /// compare's `compare_type` (spec: compare; absent means the element type's default).
    ComparisonType,
    "comparison_type",
    [NoType = "NOTYPE", Float = "FLOAT", TotalOrder = "TOTALORDER", Signed = "SIGNED", Unsigned = "UNSIGNED"]
);

stablehlo_enum!(
    /// One entry of `precision_config` (spec: dot_general, convolution).
    Precision,
    "precision",
    [Default = "DEFAULT", High = "HIGH", Highest = "HIGHEST"]
);

/// `precision_config = [#stablehlo<precision DEFAULT>, ...]`: the entries, as written
/// (the count is the verifier's to check).
pub fn precision_config(a: &Attr) -> Result<Vec<Precision>, String> {
    let Attr::Array(items) = a else {
        return Err(format!(
            "attribute 'precision_config' must be an array of #stablehlo<precision ...>, got {}",
            a.kind_name()
        ));
    };
    items.iter().map(|p| Precision::from_attr(p, "precision_config")).collect()
}

/// A field value in a struct-like attribute.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Int(i64),
    Ints(Vec<i64>),
    /// Anything else (a type such as `tf32`, `true`), as written.
    Word(String),
}

/// Splits `s` at top-level commas (outside `[]`, `<>`, `()`, `{}`).
pub(crate) fn split_top(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '[' | '<' | '(' | '{' => depth += 1,
            ']' | '>' | ')' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = s[start..].trim();
    if !last.is_empty() || !parts.is_empty() {
        parts.push(last);
    }
    parts
}

fn parse_int(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

fn parse_int_list(s: &str) -> Option<Vec<i64>> {
    let inner = s.trim().strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(vec![]);
    }
    inner.split(',').map(parse_int).collect()
}

/// Parses `key = value, key = [1, 2], ...`.
pub fn parse_struct(s: &str) -> Result<Vec<(String, Field)>, String> {
    let mut out = Vec::new();
    for part in split_top(s) {
        let (key, value) = part.split_once('=').ok_or_else(|| format!("expected 'key = value', got '{part}'"))?;
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("bad field name '{key}'"));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(format!("duplicated '{key}' entry"));
        }
        let field = if value.starts_with('[') {
            Field::Ints(
                parse_int_list(value).ok_or_else(|| format!("'{key}' must be a list of integers, got '{value}'"))?,
            )
        } else if let Some(v) = parse_int(value) {
            Field::Int(v)
        } else {
            Field::Word(value.to_string())
        };
        out.push((key.to_string(), field));
    }
    Ok(out)
}

/// Reads the fields named in `ints` / `lists` from a struct-like attribute; any other
/// field is an error, absent ones are 0 / empty.
fn read_fields(s: &str, ints: &mut [(&str, &mut i64)], lists: &mut [(&str, &mut Vec<i64>)]) -> Result<(), String> {
    for (key, value) in parse_struct(s)? {
        if let Some((_, slot)) = ints.iter_mut().find(|(k, _)| *k == key) {
            match value {
                Field::Int(v) => **slot = v,
                _ => return Err(format!("'{key}' must be an integer")),
            }
        } else if let Some((_, slot)) = lists.iter_mut().find(|(k, _)| *k == key) {
            match value {
                Field::Ints(v) => **slot = v,
                _ => return Err(format!("'{key}' must be a list of integers")),
            }
        } else {
            return Err(format!("unknown field '{key}'"));
        }
    }
    Ok(())
}

/// Prints `#stablehlo.<name><k = v, ...>` as StableHLO does: fields in order, empty
/// lists and zero integers left out.
fn print_struct(f: &mut fmt::Formatter<'_>, name: &str, lists: &[(&str, &[i64])], ints: &[(&str, i64)]) -> fmt::Result {
    let mut parts: Vec<String> = lists.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k} = {}", list(v))).collect();
    parts.extend(ints.iter().filter(|(_, v)| *v != 0).map(|(k, v)| format!("{k} = {v}")));
    write!(f, "#stablehlo.{name}<{}>", parts.join(", "))
}

fn list(v: &[i64]) -> String {
    let items: Vec<String> = v.iter().map(i64::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// `#stablehlo.dot<...>` (spec: dot_general's `lhs_batching_dimensions` etc.).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DotDims {
    pub lhs_batching: Vec<i64>,
    pub rhs_batching: Vec<i64>,
    pub lhs_contracting: Vec<i64>,
    pub rhs_contracting: Vec<i64>,
}

impl DotDims {
    pub fn from_attr(a: &Attr) -> Result<Self, String> {
        let p = params(a, "dot").ok_or("must be a #stablehlo.dot<...> attribute")?;
        let mut d = DotDims::default();
        read_fields(
            p,
            &mut [],
            &mut [
                ("lhs_batching_dimensions", &mut d.lhs_batching),
                ("rhs_batching_dimensions", &mut d.rhs_batching),
                ("lhs_contracting_dimensions", &mut d.lhs_contracting),
                ("rhs_contracting_dimensions", &mut d.rhs_contracting),
            ],
        )?;
        Ok(d)
    }
}

impl fmt::Display for DotDims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print_struct(
            f,
            "dot",
            &[
                ("lhs_batching_dimensions", &self.lhs_batching),
                ("rhs_batching_dimensions", &self.rhs_batching),
                ("lhs_contracting_dimensions", &self.lhs_contracting),
                ("rhs_contracting_dimensions", &self.rhs_contracting),
            ],
            &[],
        )
    }
}

/// `#stablehlo.gather<...>` (spec: gather's `offset_dims` ... `index_vector_dim`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GatherDims {
    pub offset_dims: Vec<i64>,
    pub collapsed_slice_dims: Vec<i64>,
    pub operand_batching_dims: Vec<i64>,
    pub start_indices_batching_dims: Vec<i64>,
    pub start_index_map: Vec<i64>,
    pub index_vector_dim: i64,
}

impl GatherDims {
    pub fn from_attr(a: &Attr) -> Result<Self, String> {
        let p = params(a, "gather").ok_or("must be a #stablehlo.gather<...> attribute")?;
        let mut d = GatherDims::default();
        read_fields(
            p,
            &mut [("index_vector_dim", &mut d.index_vector_dim)],
            &mut [
                ("offset_dims", &mut d.offset_dims),
                ("collapsed_slice_dims", &mut d.collapsed_slice_dims),
                ("operand_batching_dims", &mut d.operand_batching_dims),
                ("start_indices_batching_dims", &mut d.start_indices_batching_dims),
                ("start_index_map", &mut d.start_index_map),
            ],
        )?;
        Ok(d)
    }
}

impl fmt::Display for GatherDims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print_struct(
            f,
            "gather",
            &[
                ("offset_dims", &self.offset_dims),
                ("collapsed_slice_dims", &self.collapsed_slice_dims),
                ("operand_batching_dims", &self.operand_batching_dims),
                ("start_indices_batching_dims", &self.start_indices_batching_dims),
                ("start_index_map", &self.start_index_map),
            ],
            &[("index_vector_dim", self.index_vector_dim)],
        )
    }
}

/// `#stablehlo.scatter<...>` (spec: scatter's `update_window_dims` ... `index_vector_dim`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScatterDims {
    pub update_window_dims: Vec<i64>,
    pub inserted_window_dims: Vec<i64>,
    pub input_batching_dims: Vec<i64>,
    pub scatter_indices_batching_dims: Vec<i64>,
    pub scatter_dims_to_operand_dims: Vec<i64>,
    pub index_vector_dim: i64,
}

impl ScatterDims {
    pub fn from_attr(a: &Attr) -> Result<Self, String> {
        let p = params(a, "scatter").ok_or("must be a #stablehlo.scatter<...> attribute")?;
        let mut d = ScatterDims::default();
        read_fields(
            p,
            &mut [("index_vector_dim", &mut d.index_vector_dim)],
            &mut [
                ("update_window_dims", &mut d.update_window_dims),
                ("inserted_window_dims", &mut d.inserted_window_dims),
                ("input_batching_dims", &mut d.input_batching_dims),
                ("scatter_indices_batching_dims", &mut d.scatter_indices_batching_dims),
                ("scatter_dims_to_operand_dims", &mut d.scatter_dims_to_operand_dims),
            ],
        )?;
        Ok(d)
    }
}

impl fmt::Display for ScatterDims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print_struct(
            f,
            "scatter",
            &[
                ("update_window_dims", &self.update_window_dims),
                ("inserted_window_dims", &self.inserted_window_dims),
                ("input_batching_dims", &self.input_batching_dims),
                ("scatter_indices_batching_dims", &self.scatter_indices_batching_dims),
                ("scatter_dims_to_operand_dims", &self.scatter_dims_to_operand_dims),
            ],
            &[("index_vector_dim", self.index_vector_dim)],
        )
    }
}

/// `#stablehlo.conv<...>` (spec: convolution's `input_batch_dimension` ...
/// `output_spatial_dimensions`), from either the compact form
/// `[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]` (position = tensor dimension; `b`/`f`
/// batch/feature, `i`/`o` kernel input/output feature, `k` = k-th spatial dimension)
/// or the `raw input_batch_dimension = 0, ...` form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConvDims {
    pub input_batch: i64,
    pub input_feature: i64,
    pub input_spatial: Vec<i64>,
    pub kernel_input_feature: i64,
    pub kernel_output_feature: i64,
    pub kernel_spatial: Vec<i64>,
    pub output_batch: i64,
    pub output_feature: i64,
    pub output_spatial: Vec<i64>,
}

impl ConvDims {
    pub fn from_attr(a: &Attr) -> Result<Self, String> {
        let p = params(a, "conv").ok_or("must be a #stablehlo.conv<...> attribute")?;
        Self::parse(p)
    }

    /// Parses the text inside `#stablehlo.conv<...>`.
    pub fn parse(p: &str) -> Result<Self, String> {
        let p = p.trim();
        if let Some(raw) = p.strip_prefix("raw").filter(|r| r.starts_with(char::is_whitespace)) {
            let mut d = ConvDims::default();
            read_fields(
                raw,
                &mut [
                    ("input_batch_dimension", &mut d.input_batch),
                    ("input_feature_dimension", &mut d.input_feature),
                    ("kernel_input_feature_dimension", &mut d.kernel_input_feature),
                    ("kernel_output_feature_dimension", &mut d.kernel_output_feature),
                    ("output_batch_dimension", &mut d.output_batch),
                    ("output_feature_dimension", &mut d.output_feature),
                ],
                &mut [
                    ("input_spatial_dimensions", &mut d.input_spatial),
                    ("kernel_spatial_dimensions", &mut d.kernel_spatial),
                    ("output_spatial_dimensions", &mut d.output_spatial),
                ],
            )?;
            return Ok(d);
        }
        let compact: String = p.chars().filter(|c| !c.is_whitespace()).collect();
        let (input, rest) = compact.split_once("]x[").ok_or("expected '[...]x[...]->[...]'")?;
        let (kernel, output) = rest.split_once("]->[").ok_or("expected '[...]x[...]->[...]'")?;
        let input = input.strip_prefix('[').ok_or("expected '[' at the start")?;
        let output = output.strip_suffix(']').ok_or("expected ']' at the end")?;
        let (input_spatial, ib) = layout(input, ['b', 'f'])?;
        let (kernel_spatial, kb) = layout(kernel, ['i', 'o'])?;
        let (output_spatial, ob) = layout(output, ['b', 'f'])?;
        Ok(ConvDims {
            input_batch: ib[0],
            input_feature: ib[1],
            input_spatial,
            kernel_input_feature: kb[0],
            kernel_output_feature: kb[1],
            kernel_spatial,
            output_batch: ob[0],
            output_feature: ob[1],
            output_spatial,
        })
    }
}

impl ConvDims {
    /// How many spatial dimensions the convolution has.
    pub fn spatial_rank(&self) -> usize {
        self.input_spatial.len()
    }

    /// The input's dims in channel-last order, `[batch, spatial..., feature]`: the
    /// permutation that takes the input to NHWC (for two spatial dims).
    pub fn input_channel_last(&self) -> Vec<i64> {
        channel_last(self.input_batch, &self.input_spatial, self.input_feature)
    }

    /// The kernel's dims as `[output feature, spatial..., input feature]`: the
    /// permutation that takes the kernel to TFLite's OHWI.
    pub fn kernel_ohwi(&self) -> Vec<i64> {
        channel_last(self.kernel_output_feature, &self.kernel_spatial, self.kernel_input_feature)
    }

    /// The output's dims in channel-last order, `[batch, spatial..., feature]`.
    pub fn output_channel_last(&self) -> Vec<i64> {
        channel_last(self.output_batch, &self.output_spatial, self.output_feature)
    }

    /// The same convolution with a unit spatial dimension inserted before the first
    /// spatial dimension of each tensor (a 1-D convolution as a 2-D one of height 1),
    /// and where that dimension goes in the input, kernel and output.
    pub fn with_leading_unit_spatial(&self) -> Option<(ConvDims, [usize; 3])> {
        let at = |v: &[i64]| v.first().map(|&d| d as usize);
        let (xi, ki, oi) = (at(&self.input_spatial)?, at(&self.kernel_spatial)?, at(&self.output_spatial)?);
        let shift = |d: i64, at: usize| if d as usize >= at { d + 1 } else { d };
        let spatial = |v: &[i64], at: usize| -> Vec<i64> { [at as i64].into_iter().chain(v.iter().map(|&d| shift(d, at))).collect() };
        let d = ConvDims {
            input_batch: shift(self.input_batch, xi),
            input_feature: shift(self.input_feature, xi),
            input_spatial: spatial(&self.input_spatial, xi),
            kernel_input_feature: shift(self.kernel_input_feature, ki),
            kernel_output_feature: shift(self.kernel_output_feature, ki),
            kernel_spatial: spatial(&self.kernel_spatial, ki),
            output_batch: shift(self.output_batch, oi),
            output_feature: shift(self.output_feature, oi),
            output_spatial: spatial(&self.output_spatial, oi),
        };
        Some((d, [xi, ki, oi]))
    }

    /// The compact form of one tensor's dims (`b, 0, 1, f`), if they are a permutation
    /// of its rank.
    fn compact(spatial: &[i64], named: [(i64, char); 2]) -> Option<String> {
        let rank = spatial.len() + 2;
        let mut slots: Vec<Option<String>> = vec![None; rank];
        let entries = spatial.iter().enumerate().map(|(k, &d)| (d, k.to_string())).chain(named.iter().map(|&(d, c)| (d, c.to_string())));
        for (d, text) in entries {
            let slot = slots.get_mut(usize::try_from(d).ok()?)?;
            if slot.replace(text).is_some() {
                return None;
            }
        }
        let parts: Option<Vec<String>> = slots.into_iter().collect();
        Some(format!("[{}]", parts?.join(", ")))
    }
}

fn channel_last(batch: i64, spatial: &[i64], feature: i64) -> Vec<i64> {
    std::iter::once(batch).chain(spatial.iter().copied()).chain([feature]).collect()
}

/// StableHLO's compact form, or the raw form when the dims are not a permutation of
/// each tensor's rank (the compact form cannot show them).
impl fmt::Display for ConvDims {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let compact = (|| {
            let i = Self::compact(&self.input_spatial, [(self.input_batch, 'b'), (self.input_feature, 'f')])?;
            let k = Self::compact(
                &self.kernel_spatial,
                [(self.kernel_input_feature, 'i'), (self.kernel_output_feature, 'o')],
            )?;
            let o = Self::compact(&self.output_spatial, [(self.output_batch, 'b'), (self.output_feature, 'f')])?;
            Some(format!("{i}x{k}->{o}"))
        })();
        match compact {
            Some(c) => write!(f, "#stablehlo.conv<{c}>"),
            None => f.write_str(&self.raw_text()),
        }
    }
}

impl ConvDims {
    /// The raw form, `#stablehlo.conv<raw input_batch_dimension = 0, ...>`, which
    /// says any dimension numbers (`Display` uses it only where the compact form
    /// cannot).
    pub fn raw_text(&self) -> String {
        format!(
            "#stablehlo.conv<raw input_batch_dimension = {}, input_feature_dimension = {}, input_spatial_dimensions = {}, \
             kernel_input_feature_dimension = {}, kernel_output_feature_dimension = {}, kernel_spatial_dimensions = {}, \
             output_batch_dimension = {}, output_feature_dimension = {}, output_spatial_dimensions = {}>",
            self.input_batch,
            self.input_feature,
            list(&self.input_spatial),
            self.kernel_input_feature,
            self.kernel_output_feature,
            list(&self.kernel_spatial),
            self.output_batch,
            self.output_feature,
            list(&self.output_spatial)
        )
    }
}

/// One compact layout such as `b,0,1,f`: the tensor dimension of each spatial
/// dimension, and of the two named dimensions.
fn layout(s: &str, names: [char; 2]) -> Result<(Vec<i64>, [i64; 2]), String> {
    let mut spatial: Vec<Option<i64>> = Vec::new();
    let mut named = [None, None];
    let count = s.split(',').count();
    for (pos, tok) in s.split(',').enumerate() {
        let pos = pos as i64;
        if let Ok(k) = tok.parse::<usize>() {
            if k >= count {
                return Err(format!("spatial dimension {k} is out of range for {count} dimensions"));
            }
            if spatial.len() <= k {
                spatial.resize(k + 1, None);
            }
            if spatial[k].replace(pos).is_some() {
                return Err(format!("duplicate entries for spatial dimension {k}"));
            }
        } else if let Some(n) = names.iter().position(|c| tok.len() == 1 && tok.starts_with(*c)) {
            if named[n].replace(pos).is_some() {
                return Err(format!("duplicate dimension '{tok}'"));
            }
        } else {
            return Err(format!(
                "unexpected dimension '{tok}', expecting {} {} or a spatial index",
                names[0], names[1]
            ));
        }
    }
    let spatial = spatial
        .iter()
        .enumerate()
        .map(|(k, p)| p.ok_or_else(|| format!("spatial dimension {k} not specified")))
        .collect::<Result<Vec<_>, _>>()?;
    match named {
        [Some(a), Some(b)] => Ok((spatial, [a, b])),
        _ => Err(format!("dimensions {} and {} must both be specified", names[0], names[1])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opaque(data: &str) -> Attr {
        Attr::Opaque { dialect: "stablehlo".into(), data: data.into() }
    }

    #[test]
    fn conv_compact_and_raw_agree() {
        let compact = ConvDims::from_attr(&opaque("conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>")).unwrap();
        let raw = ConvDims::from_attr(&opaque(
            "conv<raw input_batch_dimension = 0, input_feature_dimension = 3, input_spatial_dimensions = [1, 2], \
             kernel_input_feature_dimension = 2, kernel_output_feature_dimension = 3, kernel_spatial_dimensions = [0, 1], \
             output_batch_dimension = 0, output_feature_dimension = 3, output_spatial_dimensions = [1, 2]>",
        ))
        .unwrap();
        assert_eq!(compact, raw);
        let nchw = ConvDims::parse("[b,f,0,1]x[o,i,0,1]->[b,f,0,1]").unwrap();
        assert_eq!((nchw.input_feature, nchw.kernel_output_feature, nchw.kernel_spatial.clone()), (1, 0, vec![2, 3]));
        assert!(ConvDims::parse("[b, f, 1]x[o, i, 0]->[b, f, 0]").is_err());
        assert!(ConvDims::parse("[b, b, 0]x[o, i, 0]->[b, f, 0]").is_err());
    }

    /// The text of `a` as MLIR would hold it unregistered (after `#stablehlo.` or
    /// inside `#stablehlo<...>`).
    fn reread(printed: &str) -> Attr {
        let data = printed
            .strip_prefix("#stablehlo.")
            .or_else(|| printed.strip_prefix("#stablehlo<").and_then(|r| r.strip_suffix('>')))
            .unwrap();
        opaque(data)
    }

    #[test]
    fn conv_prints_compact_and_reads_back() {
        let nhwc = ConvDims::parse("[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]").unwrap();
        let text = nhwc.to_string();
        assert_eq!(text, "#stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>");
        assert_eq!(ConvDims::from_attr(&reread(&text)).unwrap(), nhwc);
        // Not a permutation: only the raw form can say it.
        let bad = ConvDims { input_spatial: vec![5], kernel_spatial: vec![2], output_spatial: vec![2], ..nhwc.clone() };
        let text = bad.to_string();
        assert!(text.starts_with("#stablehlo.conv<raw input_batch_dimension = 0,"), "{text}");
        assert_eq!(ConvDims::from_attr(&reread(&text)).unwrap(), bad);
        assert_eq!(nhwc.input_channel_last(), [0, 1, 2, 3]);
        assert_eq!(nhwc.kernel_ohwi(), [3, 0, 1, 2]);
        let nchw = ConvDims::parse("[b, f, 0, 1]x[o, i, 0, 1]->[b, f, 0, 1]").unwrap();
        assert_eq!((nchw.input_channel_last(), nchw.kernel_ohwi()), (vec![0, 2, 3, 1], vec![0, 2, 3, 1]));
        let (d2, at) = ConvDims::parse("[b, f, 0]x[o, i, 0]->[b, f, 0]").unwrap().with_leading_unit_spatial().unwrap();
        assert_eq!((d2, at), (nchw, [2, 2, 2]));
        let (d2, at) = ConvDims::parse("[b, 0, f]x[0, i, o]->[b, 0, f]").unwrap().with_leading_unit_spatial().unwrap();
        assert_eq!((d2.to_string(), at), ("#stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>".to_string(), [1, 0, 1]));
    }

    #[test]
    fn structs_print_as_stablehlo_and_read_back() {
        let d = DotDims { lhs_batching: vec![0], rhs_batching: vec![0], lhs_contracting: vec![2], rhs_contracting: vec![1] };
        let text = d.to_string();
        assert_eq!(
            text,
            "#stablehlo.dot<lhs_batching_dimensions = [0], rhs_batching_dimensions = [0], lhs_contracting_dimensions = [2], rhs_contracting_dimensions = [1]>"
        );
        assert_eq!(DotDims::from_attr(&reread(&text)).unwrap(), d);
        let g = GatherDims { offset_dims: vec![1], collapsed_slice_dims: vec![0], start_index_map: vec![0], index_vector_dim: 1, ..Default::default() };
        assert_eq!(
            g.to_string(),
            "#stablehlo.gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>"
        );
        assert_eq!(GatherDims::from_attr(&reread(&g.to_string())).unwrap(), g);
        let s = ScatterDims { update_window_dims: vec![1], inserted_window_dims: vec![0], scatter_dims_to_operand_dims: vec![0], ..Default::default() };
        assert_eq!(s.to_string(), "#stablehlo.scatter<update_window_dims = [1], inserted_window_dims = [0], scatter_dims_to_operand_dims = [0]>");
        assert_eq!(ScatterDims::from_attr(&reread(&s.to_string())).unwrap(), s);
    }

    #[test]
    fn enums_read_both_forms_and_print_one() {
        for form in ["comparison_direction LT", "comparison_direction<LT>"] {
            assert_eq!(ComparisonDirection::from_attr(&opaque(form), "d"), Ok(ComparisonDirection::Lt));
        }
        assert_eq!(ComparisonDirection::Ge.to_string(), "#stablehlo<comparison_direction GE>");
        assert_eq!(ComparisonType::from_attr(&reread(&ComparisonType::TotalOrder.to_string()), "t"), Ok(ComparisonType::TotalOrder));
        assert_eq!(
            ComparisonDirection::from_attr(&opaque("comparison_direction LTE"), "comparison_direction"),
            Err("attribute 'comparison_direction' must be one of EQ, NE, GE, GT, LE, LT, got LTE".into())
        );
        assert!(ComparisonDirection::from_attr(&opaque("comparison_type FLOAT"), "d").is_err());
        let pc = Attr::Array(vec![opaque("precision DEFAULT"), opaque("precision<HIGHEST>")]);
        assert_eq!(precision_config(&pc), Ok(vec![Precision::Default, Precision::Highest]));
        assert!(precision_config(&Attr::Int(1)).is_err());
    }

    #[test]
    fn enum_forms() {
        assert_eq!(enum_case(&opaque("comparison_direction LT"), "comparison_direction"), Some("LT"));
        assert_eq!(enum_case(&opaque("comparison_direction<GE>"), "comparison_direction"), Some("GE"));
        assert_eq!(enum_case(&opaque("comparison_type FLOAT"), "comparison_direction"), None);
        assert_eq!(params(&opaque("dot_algorithm<lhs_precision_type = tf32>"), "dot"), None);
    }

    #[test]
    fn struct_fields_any_order_and_defaults() {
        let d = DotDims::from_attr(&opaque("dot<rhs_contracting_dimensions = [0], lhs_contracting_dimensions=[1]>"))
            .unwrap();
        assert_eq!(d, DotDims { lhs_contracting: vec![1], rhs_contracting: vec![0], ..Default::default() });
        let g = GatherDims::from_attr(&opaque(
            "gather<offset_dims = [1], collapsed_slice_dims = [0], start_index_map = [0], index_vector_dim = 1>",
        ))
        .unwrap();
        assert_eq!(g.index_vector_dim, 1);
        assert!(DotDims::from_attr(&opaque("dot<lhs_batching_dimensions = [0], bogus = 1>")).is_err());
    }
}

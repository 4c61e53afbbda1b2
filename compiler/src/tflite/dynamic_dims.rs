//! The ranges of an entry function's dynamic input dims: the `edge.dynamic_dims`
//! function attribute the pt2 importer sets (one dict per dynamic dim of an input, in
//! dim order; `max` absent when unbounded), and its form in a .tflite file, JSON in the
//! metadata entry `edge_dynamic_dims`:
//!
//!   edge.dynamic_dims = {x = [{dim = 0 : i64, expr = "s77", max = 16 : i64, min = 1 : i64}]}
//!   {"x":[{"dim":0,"expr":"s77","min":1,"max":16}]}
//!
//! The JSON lists inputs in the entry function's order and each dim's keys as above,
//! so the same module gives the same bytes. A file with several signatures has one
//! entry per signature with dynamic inputs, `edge_dynamic_dims.<signature key>`, each
//! in the same form.

use edge_dialects::ir::{self, str_ref as sref, string_literal as quote, Attr};
use mlir_sys::*;
use std::borrow::Cow;

/// The attribute's name on the entry function.
pub const ATTR: &str = "edge.dynamic_dims";
/// The metadata entry's name in the flatbuffer.
pub const METADATA: &str = "edge_dynamic_dims";

/// The metadata entry of signature `key` in a file with several signatures
/// (`edge_dynamic_dims.<key>`), or of the only one (`None`: `edge_dynamic_dims`).
pub fn metadata_name(key: Option<&str>) -> String {
    match key {
        Some(k) => format!("{METADATA}.{k}"),
        None => METADATA.to_string(),
    }
}

/// One dynamic dim of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynDim {
    pub dim: i64,
    /// torch.export's sympy text for the size, e.g. `s77` or `8*s39`.
    pub expr: String,
    pub min: i64,
    pub max: Option<i64>,
}

impl DynDim {
    /// `dim 0: s77 in [1, 16]` (`>= 1` when unbounded).
    pub fn describe(&self) -> String {
        match self.max {
            Some(max) => format!("dim {}: {} in [{}, {max}]", self.dim, self.expr, self.min),
            None => format!("dim {}: {} >= {}", self.dim, self.expr, self.min),
        }
    }
}

/// Input name -> its dynamic dims, in the order given.
pub type DynamicDims = Vec<(String, Vec<DynDim>)>;

/// Reads `edge.dynamic_dims` from function `func`; `Ok(None)` when it has none.
pub fn from_function(func: MlirOperation) -> Result<Option<DynamicDims>, String> {
    let a = unsafe { mlirOperationGetAttributeByName(func, sref(ATTR)) };
    if a.ptr.is_null() {
        return Ok(None);
    }
    from_attribute(a).map(Some)
}

/// Reads an `edge.dynamic_dims` attribute value.
pub fn from_attribute(a: MlirAttribute) -> Result<DynamicDims, String> {
    let bad = |what: &str| format!("'{ATTR}' {what}; it must map input names to arrays of {{dim, expr, min[, max]}}");
    if !unsafe { mlirAttributeIsADictionary(a) } {
        return Err(bad("is not a dictionary"));
    }
    let mut out = Vec::new();
    for i in 0..unsafe { mlirDictionaryAttrGetNumElements(a) } {
        let named = unsafe { mlirDictionaryAttrGetElement(a, i) };
        let name = string_of(unsafe { mlirIdentifierStr(named.name) }).into_owned();
        let list = named.attribute;
        if !unsafe { mlirAttributeIsAArray(list) } {
            return Err(bad(&format!("has a non-array entry for input '{name}'")));
        }
        let mut dims = Vec::new();
        for k in 0..unsafe { mlirArrayAttrGetNumElements(list) } {
            let d = unsafe { mlirArrayAttrGetElement(list, k) };
            if !unsafe { mlirAttributeIsADictionary(d) } {
                return Err(bad(&format!("has a non-dictionary dim for input '{name}'")));
            }
            let field = |key: &str| {
                let v = unsafe { mlirDictionaryAttrGetElementByName(d, sref(key)) };
                (!v.ptr.is_null()).then(|| ir::attr_from_mlir(v))
            };
            let int = |key: &str| field(key).and_then(|v| v.as_int());
            let (Some(dim), Some(min)) = (int("dim"), int("min")) else {
                return Err(bad(&format!("has a dim of input '{name}' without integer 'dim' and 'min'")));
            };
            let expr = match field("expr") {
                Some(Attr::Str(s)) => s,
                None => String::new(),
                Some(_) => return Err(bad(&format!("has a non-string 'expr' for input '{name}' dim {dim}"))),
            };
            let max = match field("max") {
                None => None,
                Some(v) => Some(
                    v.as_int().ok_or_else(|| bad(&format!("has a non-integer 'max' for input '{name}' dim {dim}")))?,
                ),
            };
            dims.push(DynDim { dim, expr, min, max });
        }
        out.push((name, dims));
    }
    Ok(out)
}

fn string_of<'a>(s: MlirStringRef) -> Cow<'a, str> {
    if s.data.is_null() {
        return Cow::Borrowed("");
    }
    // SAFETY: MLIR string refs point at `length` valid bytes owned by the context.
    let bytes = unsafe { std::slice::from_raw_parts(s.data as *const u8, s.length) };
    String::from_utf8_lossy(bytes)
}

/// The JSON for the metadata entry, inputs in the order of `order` (names not in it
/// follow, in their own order).
pub fn to_json(dims: &DynamicDims, order: &[String]) -> String {
    let rank = |n: &str| order.iter().position(|o| o == n).unwrap_or(usize::MAX);
    let mut sorted: Vec<&(String, Vec<DynDim>)> = dims.iter().collect();
    sorted.sort_by_key(|(n, _)| rank(n));
    let js = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let inputs: Vec<String> = sorted
        .iter()
        .map(|(name, ds)| {
            let items: Vec<String> = ds
                .iter()
                .map(|d| {
                    let max = d.max.map(|m| format!(",\"max\":{m}")).unwrap_or_default();
                    format!("{{\"dim\":{},\"expr\":{},\"min\":{}{max}}}", d.dim, js(&d.expr), d.min)
                })
                .collect();
            format!("{}:[{}]", js(name), items.join(","))
        })
        .collect();
    format!("{{{}}}", inputs.join(","))
}

/// Parses the metadata entry's JSON.
pub fn from_json(text: &str) -> Result<DynamicDims, String> {
    let bad = |what: String| format!("metadata '{METADATA}' {what}");
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| bad(format!("is not JSON: {e}")))?;
    let obj = value.as_object().ok_or_else(|| bad("is not a JSON object".into()))?;
    let mut out = Vec::new();
    for (name, list) in obj {
        let list = list.as_array().ok_or_else(|| bad(format!("has a non-array entry for input '{name}'")))?;
        let mut dims = Vec::new();
        for d in list {
            let int = |k: &str| d.get(k).and_then(serde_json::Value::as_i64);
            let (Some(dim), Some(min)) = (int("dim"), int("min")) else {
                return Err(bad(format!("has a dim of input '{name}' without integer 'dim' and 'min'")));
            };
            let expr = d.get("expr").and_then(serde_json::Value::as_str).unwrap_or("").to_string();
            dims.push(DynDim { dim, expr, min, max: int("max") });
        }
        out.push((name.clone(), dims));
    }
    Ok(out)
}

/// The attribute's MLIR text (a dictionary; MLIR sorts its keys).
pub fn attr_text(dims: &DynamicDims) -> String {
    let inputs: Vec<String> = dims
        .iter()
        .map(|(name, ds)| {
            let items: Vec<String> = ds
                .iter()
                .map(|d| {
                    let max = d.max.map(|m| format!(", max = {m} : i64")).unwrap_or_default();
                    format!("{{dim = {} : i64, expr = {}{max}, min = {} : i64}}", d.dim, quote(&d.expr), d.min)
                })
                .collect();
            format!("{} = [{}]", quote(name), items.join(", "))
        })
        .collect();
    format!("{{{}}}", inputs.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> DynamicDims {
        vec![
            ("x".into(), vec![DynDim { dim: 0, expr: "s77".into(), min: 1, max: Some(16) }]),
            ("a\"b".into(), vec![DynDim { dim: 2, expr: "8*s39".into(), min: 16, max: None }]),
        ]
    }

    #[test]
    fn json_follows_the_input_order_and_reads_back() {
        let order = vec!["a\"b".to_string(), "x".to_string()];
        let json = to_json(&sample(), &order);
        assert_eq!(
            json,
            r#"{"a\"b":[{"dim":2,"expr":"8*s39","min":16}],"x":[{"dim":0,"expr":"s77","min":1,"max":16}]}"#
        );
        let mut back = from_json(&json).unwrap();
        back.sort_by(|a, b| b.0.cmp(&a.0));
        assert_eq!(back, sample());
        assert!(from_json("[1]").unwrap_err().contains("not a JSON object"));
        assert!(from_json(r#"{"x":[{"expr":"s0"}]}"#).unwrap_err().contains("without integer 'dim' and 'min'"));
    }

    #[test]
    fn describes_ranges() {
        assert_eq!(sample()[0].1[0].describe(), "dim 0: s77 in [1, 16]");
        assert_eq!(sample()[1].1[0].describe(), "dim 2: 8*s39 >= 16");
        assert_eq!(
            attr_text(&sample()[..1].to_vec()),
            r#"{"x" = [{dim = 0 : i64, expr = "s77", max = 16 : i64, min = 1 : i64}]}"#
        );
    }
}

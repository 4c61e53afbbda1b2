//! A plain-Rust view of the MLIR an op catalog looks at: tensor types, element types,
//! attribute values and one op's operands/results/attributes. Verifiers, result-type
//! rules and the flatbuffer writer work on these values, not on raw MLIR handles, so
//! they can be unit-tested without a context.

use mlir_sys::*;
use std::collections::BTreeMap;
use std::fmt;

/// Element type of a tensor.
#[derive(Clone, Debug, PartialEq)]
pub enum ElemTy {
    F16,
    BF16,
    F32,
    F64,
    /// Signless or signed integer of the given width (`i1` is bool).
    I(u32),
    /// Unsigned integer of the given width.
    U(u32),
    Quant(QuantTy),
    /// `none` (TFL's absent optional operand).
    None,
    /// Anything else, as MLIR prints it.
    Other(String),
}

/// A uniform quantized element type (`!quant.uniform<...>`).
#[derive(Clone, Debug, PartialEq)]
pub struct QuantTy {
    /// Storage width in bits.
    pub storage_bits: u32,
    pub signed: bool,
    pub expressed: Box<ElemTy>,
    pub storage_min: i64,
    pub storage_max: i64,
    pub scales: Vec<f64>,
    pub zero_points: Vec<i64>,
    /// `Some(axis)` for per-axis quantization.
    pub axis: Option<i32>,
}

impl ElemTy {
    pub fn is_float(&self) -> bool {
        matches!(self, ElemTy::F16 | ElemTy::BF16 | ElemTy::F32 | ElemTy::F64)
    }
    pub fn is_int(&self) -> bool {
        matches!(self, ElemTy::I(w) | ElemTy::U(w) if *w > 1)
    }
    pub fn is_bool(&self) -> bool {
        *self == ElemTy::I(1)
    }
    pub fn is_quant(&self) -> bool {
        matches!(self, ElemTy::Quant(_))
    }
    /// Size in bytes of one element in a flatbuffer/storage (bool takes a byte).
    pub fn byte_width(&self) -> Option<usize> {
        Some(match self {
            ElemTy::F16 | ElemTy::BF16 => 2,
            ElemTy::F32 => 4,
            ElemTy::F64 => 8,
            ElemTy::I(1) => 1,
            ElemTy::I(w) | ElemTy::U(w) => (*w as usize).div_ceil(8),
            ElemTy::Quant(q) => (q.storage_bits as usize).div_ceil(8),
            _ => return None,
        })
    }
}

impl fmt::Display for ElemTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElemTy::F16 => write!(f, "f16"),
            ElemTy::BF16 => write!(f, "bf16"),
            ElemTy::F32 => write!(f, "f32"),
            ElemTy::F64 => write!(f, "f64"),
            ElemTy::I(w) => write!(f, "i{w}"),
            ElemTy::U(w) => write!(f, "ui{w}"),
            ElemTy::Quant(q) => write!(f, "{q}"),
            ElemTy::None => write!(f, "none"),
            ElemTy::Other(s) => write!(f, "{s}"),
        }
    }
}

impl QuantTy {
    /// An 8-bit (or other width) quantization of f32: one (scale, zero point) pair, or
    /// one per slice along `axis`.
    pub fn new(storage: &ElemTy, range: (i64, i64), scales: Vec<f64>, zero_points: Vec<i64>, axis: Option<i32>) -> Option<QuantTy> {
        let (storage_bits, signed) = match storage {
            ElemTy::I(w) if *w > 1 => (*w, true),
            ElemTy::U(w) => (*w, false),
            _ => return None,
        };
        Some(QuantTy {
            storage_bits,
            signed,
            expressed: Box::new(ElemTy::F32),
            storage_min: range.0,
            storage_max: range.1,
            scales,
            zero_points,
            axis,
        })
    }

    /// The integer type the values are stored in.
    pub fn storage(&self) -> ElemTy {
        if self.signed { ElemTy::I(self.storage_bits) } else { ElemTy::U(self.storage_bits) }
    }

    /// The int32 bias type of an int8 op with `input` and `weight`: scale input scale
    /// x weight scale (one per output channel for a per-axis weight), zero point 0.
    pub fn bias_for(input: &QuantTy, weight: &QuantTy) -> QuantTy {
        let in_scale = input.scales.first().copied().unwrap_or(1.0);
        let scales: Vec<f64> = weight.scales.iter().map(|s| s * in_scale).collect();
        QuantTy {
            storage_bits: 32,
            signed: true,
            expressed: input.expressed.clone(),
            storage_min: i32::MIN as i64,
            storage_max: i32::MAX as i64,
            zero_points: vec![0; scales.len()],
            axis: (scales.len() > 1).then_some(0),
            scales,
        }
    }

    /// The same quantization with the per-axis dimension moved to `axis`.
    pub fn with_axis(&self, axis: Option<i32>) -> QuantTy {
        QuantTy { axis, ..self.clone() }
    }
}

/// MLIR's spelling, which parses back to the same type: the storage range only when
/// it is narrower than the storage type's, scales exactly.
impl fmt::Display for QuantTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = if self.signed { "i" } else { "u" };
        let bits = self.storage_bits;
        let (lo, hi) = if self.signed { (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1) } else { (0, (1i64 << bits) - 1) };
        write!(f, "!quant.uniform<{s}{bits}")?;
        if (self.storage_min, self.storage_max) != (lo, hi) {
            write!(f, "<{}:{}>", self.storage_min, self.storage_max)?;
        }
        write!(f, ":{}", self.expressed)?;
        let pair = |i: usize| format!("{}:{}", float_text(self.scales.get(i).copied().unwrap_or(1.0)), self.zero_points.get(i).copied().unwrap_or(0));
        match self.axis {
            Some(a) => {
                let pairs: Vec<String> = (0..self.scales.len()).map(pair).collect();
                write!(f, ":{a}, {{{}}}>", pairs.join(","))
            }
            None => write!(f, ", {}>", pair(0)),
        }
    }
}

/// `v` as an MLIR float literal that parses back to the same f64 (MLIR wants a
/// decimal point: `1.0e-05`, not Rust's `1e-5`).
pub fn float_text(v: f64) -> String {
    let s = format!("{v:?}");
    if s.contains('.') || !v.is_finite() {
        return s;
    }
    match s.find('e') {
        Some(i) => format!("{}.0{}", &s[..i], &s[i..]),
        None => format!("{s}.0"),
    }
}

/// A value's type: a ranked or unranked tensor, or a non-tensor type.
#[derive(Clone, Debug, PartialEq)]
pub struct TensorTy {
    /// `None` for unranked tensors; `-1` marks a dynamic dimension.
    pub shape: Option<Vec<i64>>,
    pub elem: ElemTy,
    /// False for a value that is not a tensor at all (e.g. `none`, `index`).
    pub is_tensor: bool,
}

pub const DYN: i64 = -1;

impl TensorTy {
    pub fn ranked(shape: Vec<i64>, elem: ElemTy) -> Self {
        TensorTy { shape: Some(shape), elem, is_tensor: true }
    }
    pub fn rank(&self) -> Option<usize> {
        self.shape.as_ref().map(|s| s.len())
    }
    pub fn dims(&self) -> &[i64] {
        self.shape.as_deref().unwrap_or(&[])
    }
    pub fn is_static(&self) -> bool {
        self.shape.as_ref().is_some_and(|s| s.iter().all(|&d| d >= 0))
    }
    pub fn num_elements(&self) -> Option<i64> {
        let s = self.shape.as_ref()?;
        s.iter().try_fold(1i64, |acc, &d| if d < 0 { None } else { acc.checked_mul(d) })
    }
    /// Whether `other` can describe the same runtime value (dynamic dims match anything).
    pub fn compatible(&self, other: &TensorTy) -> bool {
        if self.elem != other.elem || self.is_tensor != other.is_tensor {
            return false;
        }
        match (&self.shape, &other.shape) {
            (Some(a), Some(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(&x, &y)| x < 0 || y < 0 || x == y)
            }
            _ => true,
        }
    }
}

impl fmt::Display for TensorTy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.is_tensor {
            return write!(f, "{}", self.elem);
        }
        match &self.shape {
            None => write!(f, "tensor<*x{}>", self.elem),
            Some(s) => {
                write!(f, "tensor<")?;
                for d in s {
                    if *d < 0 { write!(f, "?x")? } else { write!(f, "{d}x")? }
                }
                write!(f, "{}>", self.elem)
            }
        }
    }
}

/// An attribute value, decoded as far as catalogs need.
#[derive(Clone, Debug, PartialEq)]
pub enum Attr {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
    Unit,
    Array(Vec<Attr>),
    /// `array<i32: ...>` / `array<i64: ...>` / `array<i1: ...>`.
    DenseArray(Vec<i64>),
    /// `dense<...>` elements; `ints` holds the values when they are integers (or bools)
    /// and the tensor is small, `floats` likewise for float data.
    Dense { ty: TensorTy, ints: Option<Vec<i64>>, floats: Option<Vec<f64>> },
    /// `dense_resource<...>` elements.
    DenseResource { ty: TensorTy },
    Type(TensorTy),
    /// A dialect attribute with no registered dialect, e.g. `#stablehlo.conv<...>`.
    Opaque { dialect: String, data: String },
    /// Anything else, as MLIR prints it.
    Other(String),
}

impl Attr {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Attr::Int(v) => Some(*v),
            Attr::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }
    pub fn as_float(&self) -> Option<f64> {
        match self {
            Attr::Float(v) => Some(*v),
            Attr::Int(v) => Some(*v as f64),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Attr::Str(s) => Some(s),
            _ => None,
        }
    }
    /// Integer list from `array<i64: ...>`, `[1, 2]` or an integer `dense<...>`.
    pub fn as_ints(&self) -> Option<Vec<i64>> {
        match self {
            Attr::DenseArray(v) => Some(v.clone()),
            Attr::Dense { ints: Some(v), .. } => Some(v.clone()),
            Attr::Array(items) => items.iter().map(Attr::as_int).collect(),
            _ => None,
        }
    }
    pub fn kind_name(&self) -> &'static str {
        match self {
            Attr::Int(_) => "integer",
            Attr::Float(_) => "float",
            Attr::Bool(_) => "bool",
            Attr::Str(_) => "string",
            Attr::Unit => "unit",
            Attr::Array(_) => "array",
            Attr::DenseArray(_) => "dense array",
            Attr::Dense { .. } => "dense elements",
            Attr::DenseResource { .. } => "dense resource elements",
            Attr::Type(_) => "type",
            Attr::Opaque { .. } => "dialect attribute",
            Attr::Other(_) => "attribute",
        }
    }
}

/// One operation as the catalogs see it.
#[derive(Clone, Debug)]
pub struct OpView {
    pub name: String,
    pub operands: Vec<TensorTy>,
    /// For each operand, its integer contents when it is a small integer constant.
    pub operand_consts: Vec<Option<Vec<i64>>>,
    pub results: Vec<TensorTy>,
    pub attrs: BTreeMap<String, Attr>,
    pub num_regions: usize,
}

impl OpView {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.get(name)
    }
    pub fn int_attr(&self, name: &str) -> Option<i64> {
        self.attr(name).and_then(Attr::as_int)
    }
    pub fn str_attr(&self, name: &str) -> Option<&str> {
        self.attr(name).and_then(Attr::as_str)
    }
    pub fn ints_attr(&self, name: &str) -> Option<Vec<i64>> {
        self.attr(name).and_then(Attr::as_ints)
    }
    pub fn operand(&self, i: usize) -> Option<&TensorTy> {
        self.operands.get(i)
    }
}

// ---------------------------------------------------------------------------------
// Decoding from MLIR handles.

/// Largest constant (in elements) whose values are decoded into `Attr::Dense`.
const MAX_DECODED_ELEMENTS: isize = 4096;

fn string_ref(s: MlirStringRef) -> String {
    if s.data.is_null() {
        return String::new();
    }
    // SAFETY: MLIR string refs point at `length` valid bytes owned by the context.
    let bytes = unsafe { std::slice::from_raw_parts(s.data as *const u8, s.length) };
    String::from_utf8_lossy(bytes).into_owned()
}

/// A borrowed `MlirStringRef` of `s` (valid while `s` is).
pub fn str_ref(s: &str) -> MlirStringRef {
    MlirStringRef { data: s.as_ptr() as *const _, length: s.len() }
}

/// `s` as an MLIR string literal (`"..."`, with `"`, `\` and control characters escaped).
pub fn string_literal(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An `MlirStringCallback` that appends to the `String` behind `data`.
///
/// # Safety
/// `data` must point to a live `String`.
pub unsafe extern "C" fn append_to_string(s: MlirStringRef, data: *mut std::ffi::c_void) {
    let out = &mut *(data as *mut String);
    out.push_str(&string_ref(s));
}

/// MLIR's printed form of a type.
pub fn print_type(t: MlirType) -> String {
    let mut s = String::new();
    unsafe { mlirTypePrint(t, Some(append_to_string), &mut s as *mut String as *mut _) };
    s
}

/// MLIR's printed form of an attribute.
pub fn print_attr(a: MlirAttribute) -> String {
    let mut s = String::new();
    unsafe { mlirAttributePrint(a, Some(append_to_string), &mut s as *mut String as *mut _) };
    s
}

/// MLIR's printed form of a location.
pub fn print_location(l: MlirLocation) -> String {
    let mut s = String::new();
    unsafe { mlirLocationPrint(l, Some(append_to_string), &mut s as *mut String as *mut _) };
    s
}

pub fn elem_from_mlir(t: MlirType) -> ElemTy {
    unsafe {
        if mlirTypeIsAF32(t) {
            ElemTy::F32
        } else if mlirTypeIsAF16(t) {
            ElemTy::F16
        } else if mlirTypeIsABF16(t) {
            ElemTy::BF16
        } else if mlirTypeIsAF64(t) {
            ElemTy::F64
        } else if mlirTypeIsAInteger(t) {
            let w = mlirIntegerTypeGetWidth(t);
            if mlirIntegerTypeIsUnsigned(t) { ElemTy::U(w) } else { ElemTy::I(w) }
        } else if mlirTypeIsANone(t) {
            ElemTy::None
        } else if mlirTypeIsAQuantizedType(t) {
            quant_from_mlir(t).map(ElemTy::Quant).unwrap_or_else(|| ElemTy::Other(print_type(t)))
        } else {
            ElemTy::Other(print_type(t))
        }
    }
}

fn quant_from_mlir(t: MlirType) -> Option<QuantTy> {
    unsafe {
        let (scales, zero_points, axis) = if mlirTypeIsAUniformQuantizedType(t) {
            (vec![mlirUniformQuantizedTypeGetScale(t)], vec![mlirUniformQuantizedTypeGetZeroPoint(t)], None)
        } else if mlirTypeIsAUniformQuantizedPerAxisType(t) {
            let n = mlirUniformQuantizedPerAxisTypeGetNumDims(t);
            let scales = (0..n).map(|i| mlirUniformQuantizedPerAxisTypeGetScale(t, i)).collect();
            let zps = (0..n).map(|i| mlirUniformQuantizedPerAxisTypeGetZeroPoint(t, i)).collect();
            (scales, zps, Some(mlirUniformQuantizedPerAxisTypeGetQuantizedDimension(t)))
        } else {
            return None;
        };
        Some(QuantTy {
            storage_bits: mlirQuantizedTypeGetStorageTypeIntegralWidth(t),
            signed: mlirQuantizedTypeIsSigned(t),
            expressed: Box::new(elem_from_mlir(mlirQuantizedTypeGetExpressedType(t))),
            storage_min: mlirQuantizedTypeGetStorageTypeMin(t),
            storage_max: mlirQuantizedTypeGetStorageTypeMax(t),
            scales,
            zero_points,
            axis,
        })
    }
}

pub fn type_from_mlir(t: MlirType) -> TensorTy {
    unsafe {
        if mlirTypeIsARankedTensor(t) {
            let rank = mlirShapedTypeGetRank(t);
            let shape = (0..rank)
                .map(|i| {
                    let d = mlirShapedTypeGetDimSize(t, i as isize);
                    if mlirShapedTypeIsDynamicSize(d) { DYN } else { d }
                })
                .collect();
            TensorTy { shape: Some(shape), elem: elem_from_mlir(mlirShapedTypeGetElementType(t)), is_tensor: true }
        } else if mlirTypeIsAUnrankedTensor(t) {
            TensorTy { shape: None, elem: elem_from_mlir(mlirShapedTypeGetElementType(t)), is_tensor: true }
        } else {
            TensorTy { shape: None, elem: elem_from_mlir(t), is_tensor: false }
        }
    }
}

pub fn attr_from_mlir(a: MlirAttribute) -> Attr {
    unsafe {
        if mlirAttributeIsABool(a) {
            Attr::Bool(mlirBoolAttrGetValue(a))
        } else if mlirAttributeIsAInteger(a) {
            let t = mlirAttributeGetType(a);
            if mlirTypeIsAInteger(t) && mlirIntegerTypeIsUnsigned(t) {
                Attr::Int(mlirIntegerAttrGetValueUInt(a) as i64)
            } else {
                Attr::Int(mlirIntegerAttrGetValueInt(a))
            }
        } else if mlirAttributeIsAFloat(a) {
            Attr::Float(mlirFloatAttrGetValueDouble(a))
        } else if mlirAttributeIsAString(a) {
            Attr::Str(string_ref(mlirStringAttrGetValue(a)))
        } else if mlirAttributeIsAUnit(a) {
            Attr::Unit
        } else if mlirAttributeIsAArray(a) {
            let n = mlirArrayAttrGetNumElements(a);
            Attr::Array((0..n).map(|i| attr_from_mlir(mlirArrayAttrGetElement(a, i))).collect())
        } else if mlirAttributeIsADenseI64Array(a) {
            let n = mlirDenseArrayGetNumElements(a);
            Attr::DenseArray((0..n).map(|i| mlirDenseI64ArrayGetElement(a, i)).collect())
        } else if mlirAttributeIsADenseI32Array(a) {
            let n = mlirDenseArrayGetNumElements(a);
            Attr::DenseArray((0..n).map(|i| mlirDenseI32ArrayGetElement(a, i) as i64).collect())
        } else if mlirAttributeIsADenseBoolArray(a) {
            let n = mlirDenseArrayGetNumElements(a);
            Attr::DenseArray((0..n).map(|i| mlirDenseBoolArrayGetElement(a, i) as i64).collect())
        } else if mlirAttributeIsADenseElements(a) {
            let ty = type_from_mlir(mlirAttributeGetType(a));
            let (ints, floats) = decode_dense(a, &ty);
            Attr::Dense { ty, ints, floats }
        } else if mlirAttributeIsADenseResourceElements(a) {
            Attr::DenseResource { ty: type_from_mlir(mlirAttributeGetType(a)) }
        } else if mlirAttributeIsAType(a) {
            Attr::Type(type_from_mlir(mlirTypeAttrGetValue(a)))
        } else if mlirAttributeIsAOpaque(a) {
            Attr::Opaque {
                dialect: string_ref(mlirOpaqueAttrGetDialectNamespace(a)),
                data: string_ref(mlirOpaqueAttrGetData(a)),
            }
        } else {
            Attr::Other(print_attr(a))
        }
    }
}

/// Decodes small dense int/float elements (splats are expanded), from the raw data
/// (one call per element costs more than the verifier's other work on a weight-heavy
/// model, which decodes every constant after each pass).
unsafe fn decode_dense(a: MlirAttribute, ty: &TensorTy) -> (Option<Vec<i64>>, Option<Vec<f64>>) {
    let n = mlirElementsAttrGetNumElements(a) as isize;
    // MLIR multiplies the dims in an i64 without checking: a huge shape wraps negative.
    if !(0..=MAX_DECODED_ELEMENTS).contains(&n) || ty.num_elements().is_none_or(|c| c as isize != n) {
        return (None, None);
    }
    let splat = mlirDenseElementsAttrIsSplat(a);
    if ty.elem == ElemTy::I(1) {
        // Packed bits: read through MLIR.
        let v = (0..n)
            .map(|i| {
                if splat { mlirDenseElementsAttrGetBoolSplatValue(a) as i64 } else { mlirDenseElementsAttrGetBoolValue(a, i) as i64 }
            })
            .collect();
        return (Some(v), None);
    }
    let width = match &ty.elem {
        ElemTy::I(w) | ElemTy::U(w) if [8, 16, 32, 64].contains(w) => *w as usize / 8,
        ElemTy::F32 => 4,
        ElemTy::F64 => 8,
        _ => return (None, None),
    };
    let n = n as usize;
    // Host-endian elements, one of them for a splat; an empty tensor may have no data.
    let raw: &[u8] = match (n, splat) {
        (0, _) => &[],
        (_, true) => std::slice::from_raw_parts(mlirDenseElementsAttrGetRawData(a) as *const u8, width),
        (_, false) => std::slice::from_raw_parts(mlirDenseElementsAttrGetRawData(a) as *const u8, n * width),
    };
    let elems = (0..n).map(|i| if splat { &raw[..width] } else { &raw[i * width..(i + 1) * width] });
    match &ty.elem {
        ElemTy::F32 => (None, Some(elems.map(|b| f32::from_ne_bytes(b.try_into().unwrap()) as f64).collect())),
        ElemTy::F64 => (None, Some(elems.map(|b| f64::from_ne_bytes(b.try_into().unwrap())).collect())),
        ElemTy::I(_) => (Some(elems.map(signed).collect()), None),
        _ => (Some(elems.map(|b| unsigned(b) as i64).collect()), None),
    }
}

/// A host-endian two's complement integer of 1, 2, 4 or 8 bytes.
fn signed(b: &[u8]) -> i64 {
    match b.len() {
        1 => b[0] as i8 as i64,
        2 => i16::from_ne_bytes([b[0], b[1]]) as i64,
        4 => i32::from_ne_bytes(b.try_into().unwrap()) as i64,
        _ => i64::from_ne_bytes(b.try_into().unwrap()),
    }
}

/// A host-endian unsigned integer of 1, 2, 4 or 8 bytes.
fn unsigned(b: &[u8]) -> u64 {
    match b.len() {
        1 => b[0] as u64,
        2 => u16::from_ne_bytes([b[0], b[1]]) as u64,
        4 => u32::from_ne_bytes(b.try_into().unwrap()) as u64,
        _ => u64::from_ne_bytes(b.try_into().unwrap()),
    }
}

/// Ops whose single result is a constant held in their `value` attribute.
pub const CONSTANT_OPS: &[&str] = &["tfl.pseudo_const", "arith.constant", "stablehlo.constant", "tfl.no_value"];

/// The integer contents of `v` when it is produced by a small integer constant.
pub fn const_ints_of_value(v: MlirValue) -> Option<Vec<i64>> {
    unsafe {
        if !mlirValueIsAOpResult(v) {
            return None;
        }
        let def = mlirOpResultGetOwner(v);
        let name = op_name(def);
        if !CONSTANT_OPS.contains(&name.as_str()) {
            return None;
        }
        let attr = mlirOperationGetAttributeByName(def, str_ref("value"));
        if attr.ptr.is_null() {
            return None;
        }
        match attr_from_mlir(attr) {
            Attr::Dense { ints: Some(v), .. } => Some(v),
            _ => None,
        }
    }
}

pub fn op_name(op: MlirOperation) -> String {
    unsafe { string_ref(mlirIdentifierStr(mlirOperationGetName(op))) }
}

/// Builds the catalog view of one operation.
pub fn op_view(op: MlirOperation) -> OpView {
    unsafe {
        let n_operands = mlirOperationGetNumOperands(op);
        let mut operands = Vec::with_capacity(n_operands as usize);
        let mut operand_consts = Vec::with_capacity(n_operands as usize);
        for i in 0..n_operands {
            let v = mlirOperationGetOperand(op, i);
            operands.push(type_from_mlir(mlirValueGetType(v)));
            operand_consts.push(const_ints_of_value(v));
        }
        let results = (0..mlirOperationGetNumResults(op))
            .map(|i| type_from_mlir(mlirValueGetType(mlirOperationGetResult(op, i))))
            .collect();
        let attrs = (0..mlirOperationGetNumAttributes(op))
            .map(|i| {
                let na = mlirOperationGetAttribute(op, i);
                (string_ref(mlirIdentifierStr(na.name)), attr_from_mlir(na.attribute))
            })
            .collect();
        OpView {
            name: op_name(op),
            operands,
            operand_consts,
            results,
            attrs,
            num_regions: mlirOperationGetNumRegions(op) as usize,
        }
    }
}

// ---------------------------------------------------------------------------------
// Properties.
//
// JAX, torch_xla and `stablehlo-opt --mlir-print-op-generic` print an op's inherent
// attributes as properties: `"stablehlo.constant"() <{value = dense<1.0> : tensor<f32>}>`.
// On an unregistered op MLIR keeps them in one DictionaryAttr beside the discardable
// attribute list; `mlirOperationGetAttributeByName` finds them, but
// `mlirOperationGetNumAttributes`/`GetAttribute` (what `op_view`, the writer and
// legalization's renames enumerate) list only the discardable ones, and the C API has
// no call that lists properties or removes one. So right after parsing, every
// unregistered op holding properties is rebuilt with them as ordinary attributes
// (`normalize_properties`): everything downstream, the printer included, then sees one
// form, with no per-reader special case to forget. Registered ops (`func.func`,
// `builtin.module`) already list their inherent attributes and are left alone.

/// The property names of an op printed in generic form
/// (`%0 = "name"(%a) [^bb1] <{k = v, "q k" = w, unit}> ...`), in order; empty when it
/// has none. Values are not needed (they are read by name), so large ones may be elided.
pub fn property_names(printed: &str) -> Vec<String> {
    let b = printed.as_bytes();
    let Some(start) = printed.find('"') else { return vec![] };
    let mut i = skip_string(b, start);
    let skip_ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    i = skip_ws(i);
    for open in [b'(', b'['] {
        if b.get(i) == Some(&open) {
            i = skip_balanced(b, i);
            i = skip_ws(i);
        }
    }
    if !printed[i..].starts_with("<{") {
        return vec![];
    }
    let body_start = i + 2;
    let body_end = skip_balanced(b, i + 1) - 1;
    if body_end < body_start {
        return vec![];
    }
    split_entries(&printed[body_start..body_end])
        .into_iter()
        .filter_map(|e| {
            let e = e.trim();
            if e.starts_with('"') {
                let end = skip_string(e.as_bytes(), 0);
                return Some(unescape(&e[1..end.saturating_sub(1).max(1)]));
            }
            let key: String = e.chars().take_while(|c| !c.is_whitespace() && *c != '=').collect();
            (!key.is_empty()).then_some(key)
        })
        .collect()
}

/// The index just past the string literal that opens at `b[i]` (`"`).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    (i + 1).min(b.len())
}

/// The index just past the bracket that closes the one at `b[i]`; `(`, `[`, `{` and `<`
/// nest (`->` is an arrow), strings are skipped.
fn skip_balanced(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                continue;
            }
            b'(' | b'[' | b'{' | b'<' => depth += 1,
            b'>' if i > 0 && b[i - 1] == b'-' => {}
            b')' | b']' | b'}' | b'>' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// The top-level comma-separated entries of a dictionary's body.
fn split_entries(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let (mut out, mut start, mut i) = (Vec::new(), 0, 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                i = skip_string(b, i);
                continue;
            }
            b'(' | b'[' | b'{' | b'<' => {
                i = skip_balanced(b, i);
                continue;
            }
            b',' => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if !s[start..].trim().is_empty() {
        out.push(&s[start..]);
    }
    out
}

/// A string literal's body with MLIR's escapes (`\"`, `\\`, `\n`, `\XX`) undone.
fn unescape(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            let hex = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok());
            match (b[i + 1], hex) {
                (_, Some(v)) => {
                    out.push(v);
                    i += 3;
                    continue;
                }
                (b'n', _) => out.push(b'\n'),
                (b't', _) => out.push(b'\t'),
                (c, _) => out.push(c),
            }
            i += 2;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `op` printed alone in generic form, without regions, large constants elided: enough
/// to read its property names, at a cost that does not grow with the module.
fn print_generic_header(op: MlirOperation) -> String {
    let mut s = String::new();
    unsafe {
        let flags = mlirOpPrintingFlagsCreate();
        mlirOpPrintingFlagsPrintGenericOpForm(flags);
        mlirOpPrintingFlagsSkipRegions(flags);
        mlirOpPrintingFlagsUseLocalScope(flags);
        mlirOpPrintingFlagsAssumeVerified(flags);
        mlirOpPrintingFlagsElideLargeElementsAttrs(flags, 16);
        mlirOpPrintingFlagsElideLargeResourceString(flags, 16);
        mlirOperationPrintWithFlags(op, flags, Some(append_to_string), &mut s as *mut String as *mut _);
        mlirOpPrintingFlagsDestroy(flags);
    }
    s
}

/// Rebuilds every unregistered op under `root` that holds properties with them as
/// discardable attributes (a property wins over a discardable attribute of the same
/// name, as in MLIR's `getAttr`). Operands, result types, successors, location and
/// regions are kept; uses move to the new results. Returns how many ops were rebuilt.
pub fn normalize_properties(root: MlirOperation) -> usize {
    unsafe extern "C" fn visit(op: MlirOperation, data: *mut std::ffi::c_void) -> MlirWalkResult {
        (*(data as *mut Vec<MlirOperation>)).push(op);
        MlirWalkResult_MlirWalkResultAdvance
    }
    let mut ops: Vec<MlirOperation> = Vec::new();
    let mut rebuilt = 0;
    unsafe {
        mlirOperationWalk(root, Some(visit), &mut ops as *mut Vec<_> as *mut _, MlirWalkOrder_MlirWalkPreOrder);
        let ctx = mlirOperationGetContext(root);
        // Pre-order: a parent is rebuilt first and its regions move whole, so the
        // nested ops collected here stay valid.
        for op in ops {
            let block = mlirOperationGetBlock(op);
            if block.ptr.is_null() || mlirContextIsRegisteredOperation(ctx, mlirIdentifierStr(mlirOperationGetName(op))) {
                continue;
            }
            let names = property_names(&print_generic_header(op));
            if names.is_empty() {
                continue;
            }
            let mut attrs: Vec<MlirNamedAttribute> = Vec::new();
            for n in &names {
                let a = mlirOperationGetInherentAttributeByName(op, str_ref(n));
                if !a.ptr.is_null() {
                    attrs.push(mlirNamedAttributeGet(mlirIdentifierGet(ctx, str_ref(n)), a));
                }
            }
            for i in 0..mlirOperationGetNumDiscardableAttributes(op) {
                let na = mlirOperationGetDiscardableAttribute(op, i);
                if !names.iter().any(|n| *n == string_ref(mlirIdentifierStr(na.name))) {
                    attrs.push(na);
                }
            }
            let mut state = mlirOperationStateGet(mlirIdentifierStr(mlirOperationGetName(op)), mlirOperationGetLocation(op));
            let operands: Vec<MlirValue> = (0..mlirOperationGetNumOperands(op)).map(|i| mlirOperationGetOperand(op, i)).collect();
            let results: Vec<MlirType> = (0..mlirOperationGetNumResults(op)).map(|i| mlirValueGetType(mlirOperationGetResult(op, i))).collect();
            let successors: Vec<MlirBlock> = (0..mlirOperationGetNumSuccessors(op)).map(|i| mlirOperationGetSuccessor(op, i)).collect();
            let regions: Vec<MlirRegion> = (0..mlirOperationGetNumRegions(op))
                .map(|i| {
                    let r = mlirRegionCreate();
                    mlirRegionTakeBody(r, mlirOperationGetRegion(op, i));
                    r
                })
                .collect();
            mlirOperationStateAddOperands(&mut state, operands.len() as isize, operands.as_ptr());
            mlirOperationStateAddResults(&mut state, results.len() as isize, results.as_ptr());
            mlirOperationStateAddSuccessors(&mut state, successors.len() as isize, successors.as_ptr());
            mlirOperationStateAddOwnedRegions(&mut state, regions.len() as isize, regions.as_ptr());
            mlirOperationStateAddAttributes(&mut state, attrs.len() as isize, attrs.as_ptr());
            let new = mlirOperationCreate(&mut state);
            mlirBlockInsertOwnedOperationBefore(block, op, new);
            for i in 0..results.len() as isize {
                mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(op, i), mlirOperationGetResult(new, i));
            }
            mlirOperationDestroy(op);
            rebuilt += 1;
        }
    }
    rebuilt
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(text: &str) -> Attr {
        unsafe {
            let ctx = mlirContextCreate();
            let a = mlirAttributeParseGet(ctx, str_ref(text));
            assert!(!a.ptr.is_null(), "{text} does not parse");
            let d = attr_from_mlir(a);
            mlirContextDestroy(ctx);
            d
        }
    }

    #[test]
    fn dense_elements_decode_from_raw_data() {
        let ints = |text: &str| match decoded(text) {
            Attr::Dense { ints, .. } => ints,
            other => panic!("{text}: {other:?}"),
        };
        let floats = |text: &str| match decoded(text) {
            Attr::Dense { floats, .. } => floats,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(ints("dense<[1, -2, 127]> : tensor<3xi8>"), Some(vec![1, -2, 127]));
        assert_eq!(ints("dense<[255, 1]> : tensor<2xui8>"), Some(vec![255, 1]));
        assert_eq!(ints("dense<-3> : tensor<2x2xi16>"), Some(vec![-3; 4]));
        assert_eq!(ints("dense<[4, -5]> : tensor<2xi64>"), Some(vec![4, -5]));
        assert_eq!(ints("dense<[true, false, true]> : tensor<3xi1>"), Some(vec![1, 0, 1]));
        assert_eq!(floats("dense<[1.5, -2.0]> : tensor<2xf32>"), Some(vec![1.5, -2.0]));
        assert_eq!(floats("dense<0.25> : tensor<3xf64>"), Some(vec![0.25; 3]));
        // Empty tensors have no data at all.
        assert_eq!(floats("dense<> : tensor<0xf32>"), Some(vec![]));
        assert_eq!(ints("dense<> : tensor<0x4xi32>"), Some(vec![]));
    }

    #[test]
    fn property_names_from_generic_form() {
        let names = |t: &str| property_names(t);
        assert_eq!(names(r#"%0 = "stablehlo.constant"() <{value = dense<1.0> : tensor<f32>}> : () -> tensor<f32>"#), ["value"]);
        assert_eq!(
            names(r#"%1:2 = "a.b"(%x, %y#1) [^bb1] <{"odd \"key\"" = "}>,", c = #stablehlo.conv<[b, f, 0]x[o, i, 0]->[b, f, 0]>, u, f = (i32) -> i32}> ({...}) {d = 1} : () -> ()"#),
            ["odd \"key\"", "c", "u", "f"]
        );
        assert!(names(r#""stablehlo.add"(%a, %b) {x = 1} : (tensor<f32>, tensor<f32>) -> tensor<f32>"#).is_empty());
        assert!(names("garbage <{").is_empty());
    }

    #[test]
    fn properties_become_attributes_after_parsing() {
        let ctx = crate::context::edge_context();
        let src = r#"func.func @f(%a: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "stablehlo.constant"() <{value = dense<1.0> : tensor<2xf32>}> {value = dense<2.0> : tensor<2xf32>, x = 1 : i64} : () -> tensor<2xf32>
  %1 = "stablehlo.add"(%a, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %1 : tensor<2xf32>
}"#;
        let m = crate::context::parse_module(&ctx, src, "t.mlir").unwrap();
        let view = unsafe {
            let func = mlirBlockGetFirstOperation(mlirModuleGetBody(m.to_raw()));
            let c = mlirBlockGetFirstOperation(mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)));
            op_view(c)
        };
        // The property wins over the discardable attribute of the same name.
        assert_eq!(view.attrs.keys().collect::<Vec<_>>(), ["value", "x"]);
        match view.attr("value") {
            Some(Attr::Dense { floats: Some(v), .. }) => assert_eq!(v, &[1.0, 1.0]),
            other => panic!("{other:?}"),
        }
        assert!(crate::context::verify_module(&m));
    }

    #[test]
    fn dense_splat_whose_element_count_wraps_i64_is_not_decoded() {
        // 3037000500^2 > 2^63: MLIR's i64 element count wraps negative.
        match decoded("dense<1.0> : tensor<3037000500x3037000500xf32>") {
            Attr::Dense { ints: None, floats: None, .. } => {}
            other => panic!("{other:?}"),
        }
    }
}

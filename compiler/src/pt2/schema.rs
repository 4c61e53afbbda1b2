//! The serialized ExportedProgram (`models/model.json`) and the payload configs,
//! as serde types.
//!
//! Mirrors torch's `torch/_export/serde/schema.py`, schema major version 8 (torch 2.14.1
//! writes 8.20), for the subset edge reads. The serializer's conventions:
//! - dataclasses are JSON objects with every field present;
//! - unions are one-key objects, `{"as_tensor": {"name": "x"}}` (serde's externally
//!   tagged enums);
//! - enums (`ScalarType`, `Layout`, `MemoryFormat`, `ArgumentKind`) are integers;
//! - floats that are not finite are the strings `"Infinity"`, `"-Infinity"`, `"NaN"`.
//!
//! Fields this module does not name are ignored, so any 8.x minor version reads.
//! [`Argument`] also tolerates union members added after 8.20 ([`Argument::Unknown`]),
//! so the importer, not the parser, reports an argument kind it cannot lower.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::error::{Pt2Error, SUPPORTED_SCHEMA_MAJOR};

// ---------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------

/// A float as torch serializes it: a JSON number, or `"Infinity"`, `"-Infinity"`, `"NaN"`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct F64(pub f64);

impl<'de> Deserialize<'de> for F64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = F64;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or \"Infinity\", \"-Infinity\", \"NaN\"")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<F64, E> {
                Ok(F64(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<F64, E> {
                Ok(F64(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<F64, E> {
                Ok(F64(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<F64, E> {
                match v {
                    "Infinity" => Ok(F64(f64::INFINITY)),
                    "-Infinity" => Ok(F64(f64::NEG_INFINITY)),
                    "NaN" => Ok(F64(f64::NAN)),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A torch dtype code (`ScalarType` in the schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(transparent)]
pub struct ScalarType(pub i64);

impl ScalarType {
    pub const U8: ScalarType = ScalarType(1);
    pub const I8: ScalarType = ScalarType(2);
    pub const I16: ScalarType = ScalarType(3);
    pub const I32: ScalarType = ScalarType(4);
    pub const I64: ScalarType = ScalarType(5);
    pub const F16: ScalarType = ScalarType(6);
    pub const F32: ScalarType = ScalarType(7);
    pub const F64: ScalarType = ScalarType(8);
    pub const BOOL: ScalarType = ScalarType(12);
    pub const BF16: ScalarType = ScalarType(13);

    /// torch's name of the dtype (`torch.float32` is "float32"); "unknown" for a code
    /// the schema does not define.
    pub fn name(self) -> &'static str {
        match self.0 {
            1 => "uint8",
            2 => "int8",
            3 => "int16",
            4 => "int32",
            5 => "int64",
            6 => "float16",
            7 => "float32",
            8 => "float64",
            9 => "complex32",
            10 => "complex64",
            11 => "complex128",
            12 => "bool",
            13 => "bfloat16",
            28 => "uint16",
            29 => "float8_e4m3fn",
            30 => "float8_e5m2",
            31 => "float8_e4m3fnuz",
            32 => "float8_e5m2fnuz",
            33 => "float8_e8m0fnu",
            34 => "uint32",
            35 => "uint64",
            _ => "unknown",
        }
    }

    /// Whether the schema defines this code (0, `UNKNOWN`, is not a dtype).
    pub fn is_known(self) -> bool {
        self.name() != "unknown"
    }

    /// Bytes per element for the dtypes edge supports; `None` for the others.
    pub fn byte_width(self) -> Option<usize> {
        match self.0 {
            1 | 2 | 12 => Some(1),
            3 | 6 | 13 => Some(2),
            4 | 7 => Some(4),
            5 | 8 => Some(8),
            _ => None,
        }
    }
}

impl fmt::Display for ScalarType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `Device` in the schema.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Device {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub index: Option<i64>,
}

// ---------------------------------------------------------------------------
// Symbolic values
// ---------------------------------------------------------------------------

/// `SymExprHint`: the example value behind a symbolic expression.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymExprHint {
    AsInt(i64),
    AsBool(bool),
    AsFloat(F64),
}

/// `SymExpr`: a sympy expression string such as `"Symbol('s23', ...)"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SymExpr {
    pub expr_str: String,
    #[serde(default)]
    pub hint: Option<SymExprHint>,
}

/// `SymInt`: a size, stride or offset that is static or symbolic.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymInt {
    AsExpr(SymExpr),
    AsInt(i64),
}

impl SymInt {
    /// The value if static.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            SymInt::AsInt(i) => Some(*i),
            SymInt::AsExpr(_) => None,
        }
    }
}

/// `SymFloat`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymFloat {
    AsExpr(SymExpr),
    AsFloat(F64),
}

/// `SymBool`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymBool {
    AsExpr(SymExpr),
    AsBool(bool),
}

/// `SymIntArgument`: a graph value name holding a SymInt, or a literal.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymIntArgument {
    AsName(String),
    AsInt(i64),
}

impl SymIntArgument {
    pub fn as_int(&self) -> Option<i64> {
        match self {
            SymIntArgument::AsInt(i) => Some(*i),
            SymIntArgument::AsName(_) => None,
        }
    }
}

/// `SymFloatArgument`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymFloatArgument {
    AsName(String),
    AsFloat(F64),
}

/// `SymBoolArgument`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SymBoolArgument {
    AsName(String),
    AsBool(bool),
}

// ---------------------------------------------------------------------------
// Tensors and arguments
// ---------------------------------------------------------------------------

/// `TensorMeta`: dtype, sizes and strides of a graph value or stored tensor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TensorMeta {
    pub dtype: ScalarType,
    pub sizes: Vec<SymInt>,
    pub strides: Vec<SymInt>,
    pub storage_offset: SymInt,
    #[serde(default)]
    pub requires_grad: bool,
    pub device: Device,
    /// `Layout` code; 7 is strided (dense).
    pub layout: i64,
}

/// `TensorArgument`: a reference to a graph value by name.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TensorArgument {
    pub name: String,
}

/// `TokenArgument`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TokenArgument {
    pub name: String,
}

/// `OptionalTensorArgument`: an element of a `Tensor?[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptionalTensorArgument {
    AsTensor(TensorArgument),
    AsNone(#[serde(deserialize_with = "de_none")] bool),
}

impl OptionalTensorArgument {
    /// The tensor's name, or `None` for an absent tensor.
    pub fn as_tensor(&self) -> Option<&str> {
        match self {
            OptionalTensorArgument::AsTensor(t) => Some(&t.name),
            OptionalTensorArgument::AsNone(_) => None,
        }
    }
}

/// `GraphArgument`: a subgraph (for higher-order ops).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GraphArgument {
    pub name: String,
    pub graph: Graph,
}

/// `CustomObjArgument`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CustomObjArgument {
    pub name: String,
    pub class_fqn: String,
}

/// `ComplexValue`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ComplexValue {
    pub real: F64,
    pub imag: F64,
}

/// `Argument`: the union of everything a node input or output can be.
///
/// Enum-valued members (`as_scalar_type`, `as_memory_format`, `as_layout`) carry the
/// integer code. A member this reader does not know (added in a later 8.x) parses as
/// [`Argument::Unknown`] with its key.
#[derive(Debug, Clone, PartialEq)]
pub enum Argument {
    /// `as_none` (the payload is `true` in schema 8; any value is accepted).
    AsNone(bool),
    AsTensor(TensorArgument),
    AsTensors(Vec<TensorArgument>),
    AsInt(i64),
    AsInts(Vec<i64>),
    AsFloat(F64),
    AsFloats(Vec<F64>),
    AsString(String),
    AsStrings(Vec<String>),
    AsSymInt(SymIntArgument),
    AsSymInts(Vec<SymIntArgument>),
    AsScalarType(ScalarType),
    AsMemoryFormat(i64),
    AsLayout(i64),
    AsDevice(Device),
    AsBool(bool),
    AsBools(Vec<bool>),
    AsSymBool(SymBoolArgument),
    AsSymBools(Vec<SymBoolArgument>),
    AsGraph(Box<GraphArgument>),
    AsOptionalTensors(Vec<OptionalTensorArgument>),
    AsCustomObj(CustomObjArgument),
    AsOperator(String),
    AsSymFloat(SymFloatArgument),
    AsSymFloats(Vec<SymFloatArgument>),
    AsOptionalTensor(OptionalTensorArgument),
    AsComplex(ComplexValue),
    AsNestedTensors(Vec<Vec<TensorArgument>>),
    AsIntLists(Vec<Vec<i64>>),
    AsStringToArgument(BTreeMap<String, Argument>),
    AsFloatLists(Vec<Vec<F64>>),
    /// A union member this reader does not know; holds its key.
    Unknown(String),
}

/// The JSON keys of [`Argument`]'s members, in declaration order.
const ARGUMENT_KEYS: &[&str] = &[
    "as_none",
    "as_tensor",
    "as_tensors",
    "as_int",
    "as_ints",
    "as_float",
    "as_floats",
    "as_string",
    "as_strings",
    "as_sym_int",
    "as_sym_ints",
    "as_scalar_type",
    "as_memory_format",
    "as_layout",
    "as_device",
    "as_bool",
    "as_bools",
    "as_sym_bool",
    "as_sym_bools",
    "as_graph",
    "as_optional_tensors",
    "as_custom_obj",
    "as_operator",
    "as_sym_float",
    "as_sym_floats",
    "as_optional_tensor",
    "as_complex",
    "as_nested_tensors",
    "as_int_lists",
    "as_string_to_argument",
    "as_float_lists",
];

impl Argument {
    /// The union key (`"as_tensor"`, ...), for messages.
    pub fn kind(&self) -> &str {
        let i = match self {
            Argument::AsNone(_) => 0,
            Argument::AsTensor(_) => 1,
            Argument::AsTensors(_) => 2,
            Argument::AsInt(_) => 3,
            Argument::AsInts(_) => 4,
            Argument::AsFloat(_) => 5,
            Argument::AsFloats(_) => 6,
            Argument::AsString(_) => 7,
            Argument::AsStrings(_) => 8,
            Argument::AsSymInt(_) => 9,
            Argument::AsSymInts(_) => 10,
            Argument::AsScalarType(_) => 11,
            Argument::AsMemoryFormat(_) => 12,
            Argument::AsLayout(_) => 13,
            Argument::AsDevice(_) => 14,
            Argument::AsBool(_) => 15,
            Argument::AsBools(_) => 16,
            Argument::AsSymBool(_) => 17,
            Argument::AsSymBools(_) => 18,
            Argument::AsGraph(_) => 19,
            Argument::AsOptionalTensors(_) => 20,
            Argument::AsCustomObj(_) => 21,
            Argument::AsOperator(_) => 22,
            Argument::AsSymFloat(_) => 23,
            Argument::AsSymFloats(_) => 24,
            Argument::AsOptionalTensor(_) => 25,
            Argument::AsComplex(_) => 26,
            Argument::AsNestedTensors(_) => 27,
            Argument::AsIntLists(_) => 28,
            Argument::AsStringToArgument(_) => 29,
            Argument::AsFloatLists(_) => 30,
            Argument::Unknown(key) => return key,
        };
        ARGUMENT_KEYS[i]
    }

    /// The tensor name of an `as_tensor` argument.
    pub fn as_tensor(&self) -> Option<&str> {
        match self {
            Argument::AsTensor(t) => Some(&t.name),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Argument {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Argument;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an Argument (an object with one key such as \"as_tensor\")")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Argument, A::Error> {
                let Some(key) = map.next_key::<String>()? else {
                    return Err(de::Error::invalid_length(0, &self));
                };
                let arg = match key.as_str() {
                    "as_none" => Argument::AsNone(map.next_value::<IgnoredAny>().map(|_| true)?),
                    "as_tensor" => Argument::AsTensor(map.next_value()?),
                    "as_tensors" => Argument::AsTensors(map.next_value()?),
                    "as_int" => Argument::AsInt(map.next_value()?),
                    "as_ints" => Argument::AsInts(map.next_value()?),
                    "as_float" => Argument::AsFloat(map.next_value()?),
                    "as_floats" => Argument::AsFloats(map.next_value()?),
                    "as_string" => Argument::AsString(map.next_value()?),
                    "as_strings" => Argument::AsStrings(map.next_value()?),
                    "as_sym_int" => Argument::AsSymInt(map.next_value()?),
                    "as_sym_ints" => Argument::AsSymInts(map.next_value()?),
                    "as_scalar_type" => Argument::AsScalarType(map.next_value()?),
                    "as_memory_format" => Argument::AsMemoryFormat(map.next_value()?),
                    "as_layout" => Argument::AsLayout(map.next_value()?),
                    "as_device" => Argument::AsDevice(map.next_value()?),
                    "as_bool" => Argument::AsBool(map.next_value()?),
                    "as_bools" => Argument::AsBools(map.next_value()?),
                    "as_sym_bool" => Argument::AsSymBool(map.next_value()?),
                    "as_sym_bools" => Argument::AsSymBools(map.next_value()?),
                    "as_graph" => Argument::AsGraph(map.next_value()?),
                    "as_optional_tensors" => Argument::AsOptionalTensors(map.next_value()?),
                    "as_custom_obj" => Argument::AsCustomObj(map.next_value()?),
                    "as_operator" => Argument::AsOperator(map.next_value()?),
                    "as_sym_float" => Argument::AsSymFloat(map.next_value()?),
                    "as_sym_floats" => Argument::AsSymFloats(map.next_value()?),
                    "as_optional_tensor" => Argument::AsOptionalTensor(map.next_value()?),
                    "as_complex" => Argument::AsComplex(map.next_value()?),
                    "as_nested_tensors" => Argument::AsNestedTensors(map.next_value()?),
                    "as_int_lists" => Argument::AsIntLists(map.next_value()?),
                    "as_string_to_argument" => Argument::AsStringToArgument(map.next_value()?),
                    "as_float_lists" => Argument::AsFloatLists(map.next_value()?),
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                        Argument::Unknown(key)
                    }
                };
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::custom(format!(
                        "an Argument has exactly one key, found '{}' and '{extra}'",
                        arg.kind()
                    )));
                }
                Ok(arg)
            }
        }
        d.deserialize_map(V)
    }
}

/// Accepts any value for an `as_none` member (`true` in schema 8, `[]` in older ones).
fn de_none<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    IgnoredAny::deserialize(d).map(|_| true)
}

/// `NamedArgument`: a node input with its operator-schema name.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NamedArgument {
    pub name: String,
    pub arg: Argument,
    /// `ArgumentKind`: 1 positional, 2 keyword.
    #[serde(default)]
    pub kind: Option<i64>,
}

/// `Node`: one operator call.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Node {
    /// e.g. `torch.ops.aten.convolution.default`.
    pub target: String,
    pub inputs: Vec<NamedArgument>,
    pub outputs: Vec<Argument>,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    #[serde(default)]
    pub name: Option<String>,
}

/// `Graph`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Graph {
    pub inputs: Vec<Argument>,
    pub outputs: Vec<Argument>,
    pub nodes: Vec<Node>,
    pub tensor_values: BTreeMap<String, TensorMeta>,
    #[serde(default)]
    pub sym_int_values: BTreeMap<String, SymInt>,
    #[serde(default)]
    pub sym_bool_values: BTreeMap<String, SymBool>,
    #[serde(default)]
    pub sym_float_values: BTreeMap<String, SymFloat>,
    #[serde(default)]
    pub is_single_tensor_return: bool,
}

// ---------------------------------------------------------------------------
// Signature
// ---------------------------------------------------------------------------

/// `ConstantValue`: the value of a `constant_input` spec.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConstantValue {
    AsNone(#[serde(deserialize_with = "de_none")] bool),
    AsInt(i64),
    AsFloat(F64),
    AsString(String),
    AsBool(bool),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserInputSpec {
    pub arg: Argument,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InputToParameterSpec {
    pub arg: TensorArgument,
    pub parameter_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InputToBufferSpec {
    pub arg: TensorArgument,
    pub buffer_name: String,
    pub persistent: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InputToTensorConstantSpec {
    pub arg: TensorArgument,
    pub tensor_constant_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InputToCustomObjSpec {
    pub arg: CustomObjArgument,
    pub custom_obj_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InputTokenSpec {
    pub arg: TokenArgument,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InputToConstantInputSpec {
    pub name: String,
    pub value: ConstantValue,
}

/// `InputSpec`: what a graph input is bound to, in graph input order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputSpec {
    UserInput(UserInputSpec),
    Parameter(InputToParameterSpec),
    Buffer(InputToBufferSpec),
    TensorConstant(InputToTensorConstantSpec),
    CustomObj(InputToCustomObjSpec),
    Token(InputTokenSpec),
    ConstantInput(InputToConstantInputSpec),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserOutputSpec {
    pub arg: Argument,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LossOutputSpec {
    pub arg: TensorArgument,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BufferMutationSpec {
    pub arg: TensorArgument,
    pub buffer_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ParameterMutationSpec {
    pub arg: TensorArgument,
    pub parameter_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GradientToParameterSpec {
    pub arg: TensorArgument,
    pub parameter_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GradientToUserInputSpec {
    pub arg: TensorArgument,
    pub user_input_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserInputMutationSpec {
    pub arg: TensorArgument,
    pub user_input_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OutputTokenSpec {
    pub arg: TokenArgument,
}

/// `OutputSpec`: what a graph output is, in graph output order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputSpec {
    UserOutput(UserOutputSpec),
    LossOutput(LossOutputSpec),
    BufferMutation(BufferMutationSpec),
    GradientToParameter(GradientToParameterSpec),
    GradientToUserInput(GradientToUserInputSpec),
    UserInputMutation(UserInputMutationSpec),
    Token(OutputTokenSpec),
    ParameterMutation(ParameterMutationSpec),
}

/// `GraphSignature`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GraphSignature {
    pub input_specs: Vec<InputSpec>,
    pub output_specs: Vec<OutputSpec>,
}

/// `GraphModule`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GraphModule {
    pub graph: Graph,
    pub signature: GraphSignature,
    /// The call signatures of the module and its submodules; edge reads the root's
    /// output pytree (`fqn` empty) to name the outputs.
    #[serde(default)]
    pub module_call_graph: Vec<ModuleCallEntry>,
}

/// `ModuleCallEntry` (only what edge reads).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ModuleCallEntry {
    pub fqn: String,
    #[serde(default)]
    pub signature: Option<ModuleCallSignature>,
}

/// `ModuleCallSignature` (only what edge reads): `out_spec` is the serialized pytree
/// spec of the outputs (`[1, {"type", "context", "children_spec"}]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ModuleCallSignature {
    #[serde(default)]
    pub out_spec: Option<String>,
}

/// `RangeConstraint`: bounds of a symbol; `None` is unbounded.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct RangeConstraint {
    pub min_val: Option<i64>,
    pub max_val: Option<i64>,
}

/// `SchemaVersion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct SchemaVersion {
    pub major: i64,
    pub minor: i64,
}

/// `ExportedProgram`: the top level of `models/<name>.json`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ExportedProgram {
    pub graph_module: GraphModule,
    pub opset_version: BTreeMap<String, i64>,
    pub range_constraints: BTreeMap<String, RangeConstraint>,
    pub schema_version: SchemaVersion,
    #[serde(default = "default_torch_version")]
    pub torch_version: String,
}

fn default_torch_version() -> String {
    "<=2.4".into()
}

// ---------------------------------------------------------------------------
// Payload configs (data/weights/model_weights_config.json,
// data/constants/model_constants_config.json)
// ---------------------------------------------------------------------------

/// `PayloadMeta`: where one FQN's payload is stored, and the view on it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PayloadMeta {
    /// File name under the config's folder, e.g. `weight_0`, `tensor_1`.
    pub path_name: String,
    #[serde(default)]
    pub is_param: bool,
    /// A pickle (tensor subclass or custom object) rather than raw storage.
    #[serde(default)]
    pub use_pickle: bool,
    /// `None` for custom objects.
    #[serde(default)]
    pub tensor_meta: Option<TensorMeta>,
}

/// `PayloadConfig`: FQN -> payload.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PayloadConfig {
    pub config: BTreeMap<String, PayloadMeta>,
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// Parses JSON entry `entry` of archive `path` as `T`, mapping serde's errors to
/// [`Pt2Error::InvalidJson`] with line and column.
pub fn parse_json<T: for<'de> Deserialize<'de>>(path: &Path, entry: &str, bytes: &[u8]) -> Result<T, Pt2Error> {
    serde_json::from_slice(bytes).map_err(|e| Pt2Error::InvalidJson {
        path: path.to_path_buf(),
        entry: entry.to_string(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e),
    })
}

/// serde_json's message without its trailing " at line L column C".
fn strip_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) if e.line() > 0 => text[..i].to_string(),
        _ => text,
    }
}

/// Parses an ExportedProgram from `bytes`, the entry `entry_name` of the archive at
/// `path` (both only for messages). Checks `schema_version.major` first, so a file
/// from an incompatible schema reports its version rather than a parse error.
pub fn parse_exported_program(path: &Path, entry_name: &str, bytes: &[u8]) -> Result<ExportedProgram, Pt2Error> {
    #[derive(Deserialize)]
    struct VersionOnly {
        schema_version: SchemaVersion,
    }
    let version: VersionOnly = parse_json(path, entry_name, bytes)?;
    let v = version.schema_version;
    if v.major != SUPPORTED_SCHEMA_MAJOR {
        return Err(Pt2Error::SchemaVersion {
            path: path.to_path_buf(),
            entry: entry_name.to_string(),
            found_major: v.major,
            found_minor: v.minor,
            supported: SUPPORTED_SCHEMA_MAJOR,
        });
    }
    parse_json(path, entry_name, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(json: &str) -> Argument {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn floats_accept_non_finite_strings() {
        assert_eq!(arg(r#"{"as_float": 1.5}"#), Argument::AsFloat(F64(1.5)));
        assert_eq!(arg(r#"{"as_float": 2}"#), Argument::AsFloat(F64(2.0)));
        assert_eq!(arg(r#"{"as_float": "-Infinity"}"#), Argument::AsFloat(F64(f64::NEG_INFINITY)));
        match arg(r#"{"as_floats": ["NaN", "Infinity", 0.25]}"#) {
            Argument::AsFloats(v) => {
                assert!(v[0].0.is_nan());
                assert_eq!(v[1].0, f64::INFINITY);
                assert_eq!(v[2].0, 0.25);
            }
            other => panic!("{other:?}"),
        }
        assert!(serde_json::from_str::<Argument>(r#"{"as_float": "inf"}"#).is_err());
    }

    #[test]
    fn unions_are_one_key_objects() {
        assert_eq!(arg(r#"{"as_none": true}"#), Argument::AsNone(true));
        assert_eq!(arg(r#"{"as_tensor": {"name": "x", "extra": 1}}"#).as_tensor(), Some("x"));
        assert_eq!(arg(r#"{"as_scalar_type": 7}"#), Argument::AsScalarType(ScalarType::F32));
        assert_eq!(arg(r#"{"as_future_thing": [1, {"a": 2}]}"#), Argument::Unknown("as_future_thing".into()));
        assert_eq!(arg(r#"{"as_future_thing": 1}"#).kind(), "as_future_thing");
        match arg(r#"{"as_optional_tensors": [{"as_tensor": {"name": "i"}}, {"as_none": true}]}"#) {
            Argument::AsOptionalTensors(v) => {
                assert_eq!(v[0].as_tensor(), Some("i"));
                assert_eq!(v[1].as_tensor(), None);
            }
            other => panic!("{other:?}"),
        }
        match arg(r#"{"as_sym_ints": [{"as_int": 3}, {"as_name": "sym_size_int"}]}"#) {
            Argument::AsSymInts(v) => {
                assert_eq!(v[0].as_int(), Some(3));
                assert_eq!(v[1].as_int(), None);
            }
            other => panic!("{other:?}"),
        }
        assert!(serde_json::from_str::<Argument>(r#"{}"#).is_err());
        assert!(serde_json::from_str::<Argument>(r#"{"as_int": 1, "as_bool": true}"#).is_err());
    }

    #[test]
    fn every_union_member_parses_to_its_key() {
        let samples = [
            ("as_none", "true"),
            ("as_tensor", r#"{"name": "x"}"#),
            ("as_tensors", r#"[{"name": "x"}]"#),
            ("as_int", "1"),
            ("as_ints", "[1, 2]"),
            ("as_float", "1.5"),
            ("as_floats", "[1.5, \"NaN\"]"),
            ("as_string", "\"s\""),
            ("as_strings", "[\"s\"]"),
            ("as_sym_int", r#"{"as_name": "sym_size_int"}"#),
            ("as_sym_ints", r#"[{"as_int": 1}, {"as_name": "s"}]"#),
            ("as_scalar_type", "7"),
            ("as_memory_format", "1"),
            ("as_layout", "7"),
            ("as_device", r#"{"type": "cpu", "index": null}"#),
            ("as_bool", "true"),
            ("as_bools", "[true, false]"),
            ("as_sym_bool", r#"{"as_bool": true}"#),
            ("as_sym_bools", r#"[{"as_name": "b"}]"#),
            ("as_graph", r#"{"name": "g", "graph": {"inputs": [], "outputs": [], "nodes": [], "tensor_values": {}}}"#),
            ("as_optional_tensors", r#"[{"as_tensor": {"name": "x"}}, {"as_none": true}]"#),
            ("as_custom_obj", r#"{"name": "o", "class_fqn": "__torch__.C"}"#),
            ("as_operator", "\"aten.add.Tensor\""),
            ("as_sym_float", r#"{"as_float": "Infinity"}"#),
            ("as_sym_floats", r#"[{"as_name": "f"}]"#),
            ("as_optional_tensor", r#"{"as_none": true}"#),
            ("as_complex", r#"{"real": 1, "imag": "-Infinity"}"#),
            ("as_nested_tensors", r#"[[{"name": "x"}], []]"#),
            ("as_int_lists", "[[1, 2], []]"),
            ("as_string_to_argument", r#"{"k": {"as_int": 1}}"#),
            ("as_float_lists", "[[1.5], [\"NaN\"]]"),
        ];
        assert_eq!(samples.map(|(k, _)| k), ARGUMENT_KEYS, "samples follow ARGUMENT_KEYS");
        for (key, payload) in samples {
            let parsed = serde_json::from_str::<Argument>(&format!(r#"{{"{key}": {payload}}}"#))
                .unwrap_or_else(|e| panic!("{key}: {e}"));
            assert!(!matches!(parsed, Argument::Unknown(_)), "{key}");
            assert_eq!(parsed.kind(), key);
        }
    }

    #[test]
    fn scalar_types() {
        assert_eq!(ScalarType::BF16.name(), "bfloat16");
        assert_eq!(ScalarType::BF16.byte_width(), Some(2));
        assert_eq!(ScalarType(10).name(), "complex64");
        assert_eq!(ScalarType(10).byte_width(), None);
        assert!(ScalarType(10).is_known());
        assert!(!ScalarType(99).is_known());
        assert!(!ScalarType(0).is_known());
    }
}

//! Names and element types <-> the schema's enums.

use crate::schema::*;
use edge_dialects::ir::ElemTy;

/// The TFLite tensor type for an element type (quantized types by their storage).
pub fn elem_to_tensor_type(e: &ElemTy) -> Option<TensorType> {
    Some(match e {
        ElemTy::F32 => TensorType::FLOAT32,
        ElemTy::F16 => TensorType::FLOAT16,
        ElemTy::BF16 => TensorType::BFLOAT16,
        ElemTy::F64 => TensorType::FLOAT64,
        ElemTy::I(1) => TensorType::BOOL,
        ElemTy::I(4) => TensorType::INT4,
        ElemTy::I(8) => TensorType::INT8,
        ElemTy::I(16) => TensorType::INT16,
        ElemTy::I(32) => TensorType::INT32,
        ElemTy::I(64) => TensorType::INT64,
        ElemTy::U(8) => TensorType::UINT8,
        ElemTy::U(16) => TensorType::UINT16,
        ElemTy::U(32) => TensorType::UINT32,
        ElemTy::U(64) => TensorType::UINT64,
        ElemTy::Quant(q) => match (q.storage_bits, q.signed) {
            (4, true) => TensorType::INT4,
            (8, true) => TensorType::INT8,
            (8, false) => TensorType::UINT8,
            (16, true) => TensorType::INT16,
            (32, true) => TensorType::INT32,
            _ => return None,
        },
        _ => return None,
    })
}

/// The integer value of `value` in the schema enum `enum_name` (both as the schema
/// spells them), e.g. (`Padding`, `SAME`) -> 0.
pub fn schema_enum_value(enum_name: &str, value: &str) -> Option<i64> {
    fn find<T: Copy>(values: &[T], name: impl Fn(T) -> Option<&'static str>, raw: impl Fn(T) -> i64, value: &str) -> Option<i64> {
        values.iter().copied().find(|v| name(*v) == Some(value)).map(raw)
    }
    match enum_name {
        "ActivationFunctionType" => find(ActivationFunctionType::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        "Padding" => find(Padding::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        "TensorType" => find(TensorType::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        "MirrorPadMode" => find(MirrorPadMode::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        "FullyConnectedOptionsWeightsFormat" => {
            find(FullyConnectedOptionsWeightsFormat::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value)
        }
        "CombinerType" => find(CombinerType::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        "LSHProjectionType" => find(LSHProjectionType::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        "LSTMKernelType" => find(LSTMKernelType::ENUM_VALUES, |v| v.variant_name(), |v| v.0 as i64, value),
        _ => None,
    }
}

/// The name of enum value `raw` in `enum_name` (the inverse of `schema_enum_value`).
pub fn schema_enum_name(enum_name: &str, raw: i64) -> Option<&'static str> {
    match enum_name {
        "ActivationFunctionType" => ActivationFunctionType(raw as i8).variant_name(),
        "Padding" => Padding(raw as i8).variant_name(),
        "TensorType" => TensorType(raw as i8).variant_name(),
        "MirrorPadMode" => MirrorPadMode(raw as i8).variant_name(),
        "FullyConnectedOptionsWeightsFormat" => FullyConnectedOptionsWeightsFormat(raw as i8).variant_name(),
        "CombinerType" => CombinerType(raw as i8).variant_name(),
        "LSHProjectionType" => LSHProjectionType(raw as i8).variant_name(),
        "LSTMKernelType" => LSTMKernelType(raw as i8).variant_name(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_names_round_trip() {
        assert_eq!(schema_enum_value("Padding", "VALID"), Some(1));
        assert_eq!(schema_enum_value("ActivationFunctionType", "RELU6"), Some(3));
        assert_eq!(schema_enum_name("ActivationFunctionType", 3), Some("RELU6"));
        assert_eq!(schema_enum_value("Padding", "FULL"), None);
    }
}

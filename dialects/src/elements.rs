//! The little-endian bytes of a constant's `dense` / `dense_resource` attribute, laid
//! out as a TFLite buffer (bools one byte each, splats expanded).

use crate::ir::{ElemTy, TensorTy};
use mlir_sys::*;

/// Bytes of elements attribute `attr` whose type is `ty`; `Err` names what is unsupported.
pub fn constant_bytes(attr: MlirAttribute, ty: &TensorTy) -> Result<Vec<u8>, String> {
    let n = ty.num_elements().ok_or_else(|| format!("constant of type {ty} has no static shape"))? as usize;
    let elem = match &ty.elem {
        ElemTy::Quant(q) => if q.signed { ElemTy::I(q.storage_bits) } else { ElemTy::U(q.storage_bits) },
        e => e.clone(),
    };
    let width = elem.byte_width().ok_or_else(|| format!("constants of element type {} are not supported", ty.elem))?;
    if n == 0 {
        return Ok(Vec::new());
    }
    unsafe {
        if mlirAttributeIsADenseElements(attr) {
            if elem == ElemTy::I(1) {
                let splat = mlirDenseElementsAttrIsSplat(attr);
                return Ok((0..n)
                    .map(|i| {
                        if splat { mlirDenseElementsAttrGetBoolSplatValue(attr) as u8 } else { mlirDenseElementsAttrGetBoolValue(attr, i as isize) as u8 }
                    })
                    .collect());
            }
            let raw = mlirDenseElementsAttrGetRawData(attr) as *const u8;
            if mlirDenseElementsAttrIsSplat(attr) {
                let one = std::slice::from_raw_parts(raw, width);
                return Ok(one.repeat(n));
            }
            return Ok(std::slice::from_raw_parts(raw, n * width).to_vec());
        }
        if mlirAttributeIsADenseResourceElements(attr) {
            return resource_bytes(attr, &elem, n);
        }
    }
    Err("constant value must be dense or dense_resource elements".into())
}

unsafe fn resource_bytes(attr: MlirAttribute, elem: &ElemTy, n: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(n * elem.byte_width().unwrap_or(1));
    macro_rules! each {
        ($get:ident) => {
            for i in 0..n {
                out.extend_from_slice(&$get(attr, i as isize).to_le_bytes());
            }
        };
    }
    match elem {
        ElemTy::F32 => each!(mlirDenseFloatResourceElementsAttrGetValue),
        ElemTy::F64 => each!(mlirDenseDoubleResourceElementsAttrGetValue),
        ElemTy::I(1) => {
            for i in 0..n {
                out.push(mlirDenseBoolResourceElementsAttrGetValue(attr, i as isize) as u8);
            }
        }
        ElemTy::I(8) => each!(mlirDenseInt8ResourceElementsAttrGetValue),
        ElemTy::U(8) => each!(mlirDenseUInt8ResourceElementsAttrGetValue),
        ElemTy::I(16) => each!(mlirDenseInt16ResourceElementsAttrGetValue),
        ElemTy::U(16) => each!(mlirDenseUInt16ResourceElementsAttrGetValue),
        ElemTy::I(32) => each!(mlirDenseInt32ResourceElementsAttrGetValue),
        ElemTy::U(32) => each!(mlirDenseUInt32ResourceElementsAttrGetValue),
        ElemTy::I(64) => each!(mlirDenseInt64ResourceElementsAttrGetValue),
        ElemTy::U(64) => each!(mlirDenseUInt64ResourceElementsAttrGetValue),
        e => return Err(format!("dense_resource constants of element type {e} are not supported")),
    }
    Ok(out)
}

/// A `dense` elements attribute of type `ty` (a ranked tensor type) holding `bytes`, laid
/// out as `constant_bytes` returns them (bools one byte each).
pub fn dense_attr_from_bytes(ty: MlirType, bytes: &[u8]) -> MlirAttribute {
    unsafe {
        let elem = mlirShapedTypeGetElementType(ty);
        if mlirTypeIsAInteger(elem) && mlirIntegerTypeGetWidth(elem) == 1 {
            let bools: Vec<std::ffi::c_int> = bytes.iter().map(|&b| (b != 0) as std::ffi::c_int).collect();
            return mlirDenseElementsAttrBoolGet(ty, bools.len() as isize, bools.as_ptr());
        }
        mlirDenseElementsAttrRawBufferGet(ty, bytes.len(), bytes.as_ptr() as *const _)
    }
}

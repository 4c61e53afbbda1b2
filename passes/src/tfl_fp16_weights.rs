//! `tfl-fp16-weights`: stores float32 constants as float16, read back through one
//! `tfl.dequantize` to float32: TFLite's float16 weights, half the bytes with the same
//! float32 compute. Every f32 `tfl.pseudo_const` that ops read (weights, biases, scalar
//! operands) becomes an f16 constant and a dequantize that all its users read; nothing
//! else changes. LiteRT dequantizes a constant once and keeps the result.
//!
//! A constant stays float32, with a remark at its location saying why, when float16
//! cannot stand for it:
//!   - a finite value beyond float16's range (|x| >= 65520 rounds to infinity; masks
//!     built from `finfo(float32).min` are the usual case);
//!   - every nonzero value below float16's smallest (about 6e-8), so the whole constant
//!     would become zeros (an epsilon such as 1e-12 added before a square root);
//!   - the function returns it (it is an output, not a weight).
//! No LiteRT kernel needs a float operand to be a file constant to work (those that
//! compute at prepare time check for constant or persistent read-only tensors, which a
//! dequantize result is not, and then compute at run time), so no user forces float32.
//!
//! Input: TFL after the last constant fold (folding would undo the dequantize). Output:
//! no f32 `tfl.pseudo_const` left but those remarked.
//!
//!   %w = "tfl.pseudo_const"() {value = dense<...> : tensor<8x3xf32>} : () -> tensor<8x3xf32>
//!   %y = "tfl.fully_connected"(%x, %w, %b) ...
//! becomes
//!   %h = "tfl.pseudo_const"() {value = dense<...> : tensor<8x3xf16>} : () -> tensor<8x3xf16>
//!   %w = "tfl.dequantize"(%h) : (tensor<8x3xf16>) -> tensor<8x3xf32>
//!   %y = "tfl.fully_connected"(%x, %w, %b) ...        (%b likewise)

use crate::constant::{self, ConstTensor};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::ir::ElemTy;
use edge_dialects::remark::remark_at;
use half::f16;
use half::slice::HalfFloatSliceExt;
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-fp16-weights",
    summary: "Store f32 constants as f16 read through tfl.dequantize (float16 weights)",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflFp16Weights))
}

struct TflFp16Weights;

/// Why a constant stays float32.
const OUT_OF_RANGE: &str = "kept float32: a value is beyond float16's range (65504)";
const ALL_UNDERFLOW: &str = "kept float32: every nonzero value is below float16's smallest (6e-8) and would become 0";
const RETURNED: &str = "kept float32: the function returns this constant";
const UNREADABLE: &str = "kept float32: the constant's value cannot be read";

/// `bytes` (little-endian f32) as float16 bytes, or why float16 cannot hold them.
fn to_f16(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    // SAFETY: any bit pattern is an f32; only the aligned middle is viewed.
    let (head, aligned, tail) = unsafe { bytes.align_to::<f32>() };
    let copied: Vec<f32>;
    let floats: &[f32] = if head.is_empty() && tail.is_empty() && cfg!(target_endian = "little") {
        aligned
    } else {
        copied = bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        &copied
    };
    let mut halves = vec![f16::ZERO; floats.len()];
    halves.convert_from_f32_slice(floats);
    let overflows = floats.iter().zip(&halves).any(|(x, h)| x.is_finite() && h.is_infinite());
    if overflows {
        return Err(OUT_OF_RANGE);
    }
    let mut nonzero = floats.iter().zip(&halves).filter(|(x, _)| **x != 0.0).peekable();
    if nonzero.peek().is_some() && nonzero.all(|(_, h)| *h == f16::ZERO || *h == f16::NEG_ZERO) {
        return Err(ALL_UNDERFLOW);
    }
    if cfg!(target_endian = "little") {
        // SAFETY: `halves` is initialized memory of 2 bytes per element.
        return Ok(unsafe { std::slice::from_raw_parts(halves.as_ptr() as *const u8, 2 * halves.len()) }.to_vec());
    }
    Ok(halves.iter().flat_map(|h| h.to_le_bytes()).collect())
}

impl Pass for TflFp16Weights {
    fn run(&self, func: MlirOperation) -> Result<(), PassFailed> {
        for op in collect_ops(func) {
            if name(op) != "tfl.pseudo_const" {
                continue;
            }
            let v = result(op, 0);
            if value_type(v).elem != ElemTy::F32 || use_count(v) == 0 {
                continue;
            }
            if uses(v).iter().any(|(user, _)| name(*user) == "func.return") {
                remark_at(op, RETURNED);
                continue;
            }
            let converted = constant::with_bytes(v, |shape, _, _, bytes| to_f16(bytes).map(|b| (shape.to_vec(), b)));
            let (shape, bytes) = match converted {
                Some(Ok(c)) => c,
                Some(Err(why)) => {
                    remark_at(op, why);
                    continue;
                }
                None => {
                    remark_at(op, UNREADABLE);
                    continue;
                }
            };
            let ctx = unsafe { mlirOperationGetContext(op) };
            let half = ConstTensor { shape, elem: ElemTy::F16, elem_type: unsafe { mlirF16TypeGet(ctx) }, bytes };
            let h = constant::insert_owned(op, half);
            let dequantized = insert_op_before(op, "tfl.dequantize", &[h], &[unsafe { mlirValueGetType(v) }], &[]);
            replace_all_uses(v, result(dequantized, 0));
            erase(op);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(xs: &[f32]) -> Vec<u8> {
        xs.iter().flat_map(|x| x.to_le_bytes()).collect()
    }

    #[test]
    fn float16_holds_what_it_can() {
        let h = to_f16(&bytes(&[1.0, -0.5, 65504.0, 0.0])).unwrap();
        assert_eq!(h, [0x00, 0x3c, 0x00, 0xb8, 0xff, 0x7b, 0x00, 0x00]);
        assert_eq!(to_f16(&bytes(&[1.0, 70000.0])), Err(OUT_OF_RANGE));
        assert_eq!(to_f16(&bytes(&[-3.4e38])), Err(OUT_OF_RANGE));
        // Infinities and NaN are float16 values too.
        assert!(to_f16(&bytes(&[f32::NEG_INFINITY, f32::NAN])).is_ok());
        assert_eq!(to_f16(&bytes(&[1e-12, 0.0])), Err(ALL_UNDERFLOW));
        // Some tiny values among normal ones flush to zero, as float16 weights do.
        assert!(to_f16(&bytes(&[1e-12, 0.5])).is_ok());
        assert!(to_f16(&bytes(&[0.0, 0.0])).is_ok());
        // Unaligned bytes are read as well.
        let mut off = vec![0u8];
        off.extend(bytes(&[2.0]));
        assert_eq!(to_f16(&off[1..]).unwrap(), [0x00, 0x40]);
    }
}

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
//!   - one value repeated (a scalar, a splat) that is nonzero and below float16's
//!     smallest (about 6e-8), so it would become 0: an epsilon such as 1e-12 added
//!     before a square root or a division. Tensors of varied values (a bias folded
//!     from batch norm statistics can be all near 1e-8) lose those to zero, as float16
//!     weights do;
//!   - the function returns it (it is an output, not a weight).
//!
//! A `conv_2d` or `depthwise_conv_2d` without a bias gets a float16 zero bias (one
//! constant and dequantize per channel count): LiteRT's kernels need a bias, which the
//! flatbuffer writer would otherwise add as float32 zeros.
//!
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

use crate::legacy::constant::{self, ConstTensor};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::catalog::Trait;
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
const ALL_UNDERFLOW: &str =
    "kept float32: its one value is nonzero and below float16's smallest (6e-8), so it would become 0";
const RETURNED: &str = "kept float32: the function returns this constant";
const UNREADABLE: &str = "kept float32: the constant's value cannot be read";

/// Gives each op whose LiteRT kernel needs a bias (`Trait::RequiresBias`, as the writer
/// reads it) and has none a float16 zero one, shared by the ops of one channel count (the
/// filter's output-channel dim, `OpDef::weighted`) and inserted at the start of the body
/// so it precedes them all.
fn add_zero_biases(func: MlirOperation) {
    let mut biases: std::collections::HashMap<i64, MlirValue> = Default::default();
    for op in collect_ops(func) {
        let op_name = name(op);
        let needs_bias = edge_dialects::TFL.lookup(&op_name).filter(|d| d.has(Trait::RequiresBias));
        let Some(dim) = needs_bias.and_then(|d| d.weighted()).map(|w| w.channel_dim) else { continue };
        let ops = operands(op);
        let absent = ops.len() < 3 || defining_op(ops[2]).is_some_and(|d| name(d) == "tfl.no_value");
        let channels = value_type(ops[1]).dims().get(dim).copied().filter(|&c| c > 0);
        let (true, Some(channels)) = (absent && value_type(ops[0]).elem == ElemTy::F32, channels) else { continue };
        let bias = *biases.entry(channels).or_insert_with(|| {
            let first = body_ops(func)[0];
            let ctx = unsafe { mlirOperationGetContext(op) };
            let zeros = ConstTensor {
                shape: vec![channels],
                elem: ElemTy::F16,
                elem_type: unsafe { mlirF16TypeGet(ctx) },
                bytes: vec![0; 2 * channels as usize],
            };
            let h = constant::insert_owned(first, zeros);
            let f32_type =
                unsafe { mlirRankedTensorTypeGet(1, [channels].as_ptr(), mlirF32TypeGet(ctx), mlirAttributeGetNull()) };
            result(insert_op_before(first, "tfl.dequantize", &[h], &[f32_type], &[]), 0)
        });
        let with_bias = [ops[0], ops[1], bias];
        unsafe { mlirOperationSetOperands(op, 3, with_bias.as_ptr()) };
        if let Some(none) = ops.get(2).and_then(|&v| defining_op(v)).filter(|_| use_count(ops[2]) == 0) {
            erase(none);
        }
    }
}

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
    let splat = floats.first().filter(|first| floats.iter().all(|x| x.to_bits() == first.to_bits()));
    if let (Some(&x), Some(h)) = (splat, halves.first()) {
        if x != 0.0 && h.to_f32() == 0.0 {
            return Err(ALL_UNDERFLOW);
        }
    }
    if cfg!(target_endian = "little") {
        // SAFETY: `halves` is initialized memory of 2 bytes per element.
        return Ok(unsafe { std::slice::from_raw_parts(halves.as_ptr() as *const u8, 2 * halves.len()) }.to_vec());
    }
    Ok(halves.iter().flat_map(|h| h.to_le_bytes()).collect())
}

impl TflFp16Weights {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
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
        add_zero_biases(func);
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
        assert_eq!(to_f16(&bytes(&[1e-12])), Err(ALL_UNDERFLOW));
        assert_eq!(to_f16(&bytes(&[-1e-9, -1e-9])), Err(ALL_UNDERFLOW));
        // Varied tiny values flush to zero, as float16 weights do.
        assert!(to_f16(&bytes(&[1e-12, 0.5])).is_ok());
        assert!(to_f16(&bytes(&[1e-9, 2e-9])).is_ok());
        assert!(to_f16(&bytes(&[0.0, 0.0])).is_ok());
        // Unaligned bytes are read as well.
        let mut off = vec![0u8];
        off.extend(bytes(&[2.0]));
        assert_eq!(to_f16(&off[1..]).unwrap(), [0x00, 0x40]);
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflFp16Weights {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

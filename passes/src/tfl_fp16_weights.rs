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

use crate::constant::{self, ConstTensor};
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::catalog::Trait;
use edge_dialects::elements::{le_bytes_of_u16s, le_f32s};
use edge_dialects::ir::ElemTy;
use edge_dialects::mlir::func::{Func, Return};
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::tfl::op as tfl;
use half::f16;
use half::slice::HalfFloatSliceExt;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-fp16-weights",
    summary: "Store f32 constants as f16 read through tfl.dequantize (float16 weights)",
    anchor: Func::NAME,
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
fn add_zero_biases<'c>(rw: &mut Rewriter<'c>, func: Op<'c>) {
    let mut biases: std::collections::HashMap<i64, Value<'c>> = Default::default();
    for op in func.nested_ops() {
        let needs_bias = op.def().filter(|d| d.has(Trait::RequiresBias));
        let Some(dim) = needs_bias.and_then(|d| d.weighted()).map(|w| w.channel_dim) else { continue };
        let ops = op.operands();
        let absent = ops.len() < 3 || ops[2].defined_by::<tfl::NoValue>().is_some();
        let channels = ops[1].shape().get(dim).copied().filter(|&c| c > 0);
        let (true, Some(channels)) = (absent && ops[0].elem() == ElemTy::F32, channels) else { continue };
        let bias = match biases.get(&channels) {
            Some(&bias) => bias,
            None => {
                let Some(first) = func.body().and_then(|b| b.first_op()) else { continue };
                let zeros = ConstTensor { shape: vec![channels], elem: ElemTy::F16, bytes: vec![0; 2 * channels as usize] };
                rw.set_insertion_before(first);
                let h = constant::insert_owned(rw, zeros);
                let f32_type = rw.context().f32().tensor(&[channels]);
                let bias = tfl::Dequantize::build(rw, &[f32_type], h).create().output();
                biases.insert(channels, bias);
                bias
            }
        };
        rw.set_operands(op, &[ops[0], ops[1], bias]);
        if let Some(none) = ops.get(2).and_then(|v| v.defining_op()).filter(|_| ops[2].use_count() == 0) {
            rw.erase_op(none);
        }
    }
}

/// `bytes` (little-endian f32) as float16 bytes, or why float16 cannot hold them.
fn to_f16(bytes: &[u8]) -> Result<Vec<u8>, &'static str> {
    let floats = le_f32s(bytes);
    let mut halves = vec![f16::ZERO; floats.len()];
    halves.convert_from_f32_slice(&floats);
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
    Ok(le_bytes_of_u16s(halves.reinterpret_cast()))
}

impl Pass for TflFp16Weights {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let mut rw = Rewriter::new(func.context());
        for op in func.nested_ops() {
            if !op.isa::<tfl::PseudoConst>() {
                continue;
            }
            let v = op.result(0);
            if v.elem() != ElemTy::F32 || v.use_count() == 0 {
                continue;
            }
            if v.users().iter().any(|user| user.isa::<Return>()) {
                op.emit_remark(RETURNED);
                continue;
            }
            let converted = constant::with_bytes(v, |shape, _, bytes| to_f16(bytes).map(|b| (shape.to_vec(), b)));
            let (shape, bytes) = match converted {
                Some(Ok(c)) => c,
                Some(Err(why)) => {
                    op.emit_remark(why);
                    continue;
                }
                None => {
                    op.emit_remark(UNREADABLE);
                    continue;
                }
            };
            let half = ConstTensor { shape, elem: ElemTy::F16, bytes };
            rw.set_insertion_before(op);
            let h = constant::insert_owned(&mut rw, half);
            let dequantized = tfl::Dequantize::build(&mut rw, &[v.raw_type()], h).create();
            rw.replace_all_uses(v, dequantized.output());
            rw.erase_op(op);
        }
        add_zero_biases(&mut rw, func);
        Ok(rw.changed())
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

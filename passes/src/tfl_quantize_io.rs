//! `tfl-quantize-io`: gives a quantized model int8 (or uint8) inputs and outputs
//! instead of float ones, so callers feed and read the integers with the scale and zero
//! point recorded on each tensor. An input read only by `tfl.quantize` ops of one type
//! takes that type (uint8: the same scale, zero point + 128, then one requantize to
//! int8); an output made by `tfl.dequantize` returns the quantized value instead.
//! Inputs and outputs that are not quantized stay as they are.
//!
//!   func @main(%x: tensor<4xf32>) { %q = "tfl.quantize"(%x) {qtype = i8 s=0.1} ...
//! becomes
//!   func @main(%x: tensor<4x!quant.uniform<i8:f32, 0.1>>) { ... uses of %q read %x

use crate::pass::{Pass, PassFailed, PassInfo, PassOptionInfo, PassOptions};
use crate::legacy::quant::{insert_quantize, quant_of, quant_tensor_type};
use crate::rewrite::*;
use edge_dialects::ir::{str_ref, QuantTy};
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-io",
    summary: "Make a quantized model's float inputs and outputs int8 or uint8 (scale and zero point on the tensors)",
    anchor: "func.func",
    options: &[PassOptionInfo { name: "type", help: "int8 or uint8", default: "int8" }],
    create,
};

fn create(options: &PassOptions) -> Result<Box<dyn Pass>, String> {
    let unsigned = match options.get("type").unwrap_or("int8") {
        "int8" => false,
        "uint8" => true,
        other => return Err(format!("option 'type' must be int8 or uint8, got '{other}'")),
    };
    Ok(Box::new(TflQuantizeIo { unsigned }))
}

struct TflQuantizeIo {
    unsigned: bool,
}

/// The uint8 twin of an int8 per-tensor type: same scale, zero point + 128.
fn as_uint8(q: &QuantTy) -> QuantTy {
    QuantTy {
        signed: false,
        storage_min: q.storage_min + 128,
        storage_max: q.storage_max + 128,
        zero_points: q.zero_points.iter().map(|z| z + 128).collect(),
        ..q.clone()
    }
}

impl TflQuantizeIo {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        if !crate::tfl_channel_last_io::is_entry(func) {
            return Ok(());
        }
        unsafe {
            let block = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
            if block.ptr.is_null() {
                return Ok(());
            }
            let mut inputs = Vec::new();
            for i in 0..mlirBlockGetNumArguments(block) {
                let arg = mlirBlockGetArgument(block, i);
                let users: Vec<MlirOperation> = uses(arg).into_iter().map(|(u, _)| u).collect();
                let quantized_only = !users.is_empty() && users.iter().all(|u| name(*u) == "tfl.quantize");
                let q = users.first().filter(|_| quantized_only).and_then(|u| quant_of(result(*u, 0)));
                let quantized_only = quantized_only && users.iter().all(|u| quant_of(result(*u, 0)) == q);
                match q.filter(|q| quantized_only && q.axis.is_none() && q.signed && q.storage_bits == 8) {
                    Some(q) => {
                        let int8 = mlirValueGetType(result(users[0], 0));
                        let shape = value_type(arg).dims().to_vec();
                        let arg_ty = if self.unsigned { quant_tensor_type(mlirValueGetContext(arg), &shape, &as_uint8(&q)) } else { int8 };
                        mlirBlockArgumentSetType(arg, arg_ty);
                        let value = if self.unsigned { insert_quantize(users[0], arg, &q) } else { arg };
                        for u in users {
                            replace_all_uses(result(u, 0), value);
                            erase(u);
                        }
                        inputs.push(arg_ty);
                    }
                    None => inputs.push(mlirValueGetType(arg)),
                }
            }
            let ret = mlirBlockGetTerminator(block);
            let mut outputs = Vec::new();
            for (i, v) in operands(ret).into_iter().enumerate() {
                let source = defining_op(v).filter(|d| name(*d) == "tfl.dequantize").map(|d| operand(d, 0));
                let q = source.and_then(quant_of).filter(|q| q.axis.is_none() && q.signed && q.storage_bits == 8);
                match (source, q) {
                    (Some(x), Some(q)) => {
                        let out = if self.unsigned { insert_quantize(ret, x, &as_uint8(&q)) } else { x };
                        set_operand(ret, i, out);
                        outputs.push(mlirValueGetType(out));
                    }
                    _ => outputs.push(mlirValueGetType(v)),
                }
            }
            let ctx = mlirOperationGetContext(func);
            let fty = mlirFunctionTypeGet(ctx, inputs.len() as isize, inputs.as_ptr(), outputs.len() as isize, outputs.as_ptr());
            mlirOperationSetAttributeByName(func, str_ref("function_type"), mlirTypeAttrGet(fty));
        }
        erase_dead_ops(func);
        Ok(())
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflQuantizeIo {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

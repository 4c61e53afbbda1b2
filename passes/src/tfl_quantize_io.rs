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
use crate::quant::{insert_quantize, quant_of, quant_tensor_type};
use edge_dialects::ir::QuantTy;
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::tfl::op as tfl;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-quantize-io",
    summary: "Make a quantized model's float inputs and outputs int8 or uint8 (scale and zero point on the tensors)",
    anchor: Func::NAME,
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

/// The common type of the `tfl.quantize` ops that are `arg`'s only users, when it is
/// per-tensor int8: (those users, the type).
fn quantized_only(arg: Value) -> Option<(Vec<Op>, QuantTy)> {
    let users = arg.users();
    if users.is_empty() || !users.iter().all(|u| u.isa::<tfl::Quantize>()) {
        return None;
    }
    let q = quant_of(users[0].result(0))?;
    let agree = users.iter().all(|u| quant_of(u.result(0)).as_ref() == Some(&q));
    (agree && q.axis.is_none() && q.signed && q.storage_bits == 8).then_some((users, q))
}

impl Pass for TflQuantizeIo {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let (true, Some(f), Some(block)) = (crate::tfl_channel_last_io::is_entry(func), func.cast::<Func>(), func.body()) else {
            return Ok(false);
        };
        let mut rw = Rewriter::new(func.context());
        let mut inputs = Vec::new();
        for arg in block.arguments() {
            match quantized_only(arg) {
                Some((users, q)) => {
                    let int8 = users[0].result(0).raw_type();
                    let arg_ty = if self.unsigned { quant_tensor_type(rw.context(), &arg.shape(), &as_uint8(&q)) } else { int8 };
                    rw.set_type(arg, arg_ty);
                    let value = if self.unsigned {
                        rw.set_insertion_before(users[0]);
                        insert_quantize(&mut rw, arg, &q)
                    } else {
                        arg
                    };
                    for u in users {
                        rw.replace_all_uses(u.result(0), value);
                        rw.erase_op(u);
                    }
                    inputs.push(arg_ty);
                }
                None => inputs.push(arg.raw_type()),
            }
        }
        let Some(ret) = block.terminator() else { return Ok(rw.changed()) };
        let mut outputs = Vec::new();
        for (i, v) in ret.operands().into_iter().enumerate() {
            let source = v.defined_by::<tfl::Dequantize>().map(|d| d.input());
            let q = source.and_then(quant_of).filter(|q| q.axis.is_none() && q.signed && q.storage_bits == 8);
            match (source, q) {
                (Some(x), Some(q)) => {
                    let out = if self.unsigned {
                        rw.set_insertion_before(ret);
                        insert_quantize(&mut rw, x, &as_uint8(&q))
                    } else {
                        x
                    };
                    rw.set_operand(ret, i, out);
                    outputs.push(out.raw_type());
                }
                _ => outputs.push(v.raw_type()),
            }
        }
        f.set_function_type(&mut rw, &inputs, &outputs);
        rw.erase_dead_ops(func);
        Ok(rw.changed())
    }
}

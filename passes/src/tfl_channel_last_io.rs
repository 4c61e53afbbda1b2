//! `tfl-channel-last-io`: gives the entry function channel-last (NHWC) 4-D inputs and
//! outputs in place of PyTorch's NCHW. Each 4-D argument becomes NHWC and is
//! transposed back to NCHW where the body starts; each 4-D result is transposed to
//! NHWC before the return. `tfl-layout-nhwc`, run after it, cancels these transposes
//! against the ones around convolutions, so a CNN keeps none at its edges.
//!
//!   func.func @main(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32>
//! becomes
//!   func.func @main(%x: tensor<1x8x8x3xf32>) -> tensor<1x8x8x4xf32> {
//!     %0 = "tfl.transpose"(%x, [0, 3, 1, 2])  ...  "tfl.transpose"(%r, [0, 2, 3, 1])
//!
//! Only the entry function (`@main`, or a module's only public function) changes;
//! inputs and outputs of other ranks keep their types.

use crate::constant;
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::{Op, Rewriter, Type};
use edge_dialects::tfl::op as tfl;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-channel-last-io",
    summary: "Make the entry function's 4-D inputs and outputs NHWC",
    anchor: Func::NAME,
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflChannelLastIo))
}

struct TflChannelLastIo;

const TO_NCHW: [i64; 4] = [0, 3, 1, 2];
const TO_NHWC: [i64; 4] = [0, 2, 3, 1];

/// Whether `func` is the module's entry function: `@main`, or the only public function.
pub(crate) fn is_entry(func: Op) -> bool {
    let Some(f) = func.cast::<Func>() else { return false };
    if f.sym_name().as_deref() == Some("main") {
        return true;
    }
    let Some(module) = func.parent_op().filter(|_| !f.is_private()) else { return false };
    let publics = module.nested_ops().into_iter().filter_map(Op::cast::<Func>).filter(|g| !g.is_private()).count();
    publics == 1
}

/// The static dims of a 4-D tensor type.
fn four_d(t: Type) -> Option<[i64; 4]> {
    let ty = t.value();
    (ty.is_static() && ty.dims().len() == 4).then(|| [ty.dims()[0], ty.dims()[1], ty.dims()[2], ty.dims()[3]])
}

impl Pass for TflChannelLastIo {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let (true, Some(f), Some(block)) = (is_entry(func), func.cast::<Func>(), func.body()) else { return Ok(false) };
        let mut rw = Rewriter::new(func.context());
        let first = block.first_op();
        let mut inputs = Vec::new();
        for arg in block.arguments() {
            let t = arg.raw_type();
            let (Some([n, c, h, w]), Some(first)) = (four_d(t), first) else {
                inputs.push(t);
                continue;
            };
            let nhwc = t.with_shape(&[n, h, w, c]);
            rw.set_type(arg, nhwc);
            rw.set_insertion_before(first);
            let perm = constant::insert_i32(&mut rw, &TO_NCHW).map_err(|_| PassFailed)?;
            let tr = tfl::Transpose::build(&mut rw, &[t], arg, perm).create();
            rw.replace_all_uses_except(arg, tr.output(), tr.op());
            inputs.push(nhwc);
        }
        let Some(ret) = block.terminator() else { return Ok(rw.changed()) };
        let mut outputs = Vec::new();
        for (i, v) in ret.operands().into_iter().enumerate() {
            let t = v.raw_type();
            let Some([n, c, h, w]) = four_d(t) else {
                outputs.push(t);
                continue;
            };
            let nhwc = t.with_shape(&[n, h, w, c]);
            rw.set_insertion_before(ret);
            let perm = constant::insert_i32(&mut rw, &TO_NHWC).map_err(|_| PassFailed)?;
            let tr = tfl::Transpose::build(&mut rw, &[nhwc], v, perm).create();
            rw.set_operand(ret, i, tr.output());
            outputs.push(nhwc);
        }
        f.set_function_type(&mut rw, &inputs, &outputs);
        Ok(rw.changed())
    }
}

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

use crate::legacy::constant;
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use crate::rewrite::*;
use edge_dialects::ir::str_ref;
use mlir_sys::*;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-channel-last-io",
    summary: "Make the entry function's 4-D inputs and outputs NHWC",
    anchor: "func.func",
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflChannelLastIo))
}

struct TflChannelLastIo;

const TO_NCHW: [i64; 4] = [0, 3, 1, 2];
const TO_NHWC: [i64; 4] = [0, 2, 3, 1];

pub(crate) fn is_entry(func: MlirOperation) -> bool {
    let sym = attr(func, "sym_name").and_then(|a| a.as_str().map(str::to_string)).unwrap_or_default();
    let private = attr(func, "sym_visibility").and_then(|a| a.as_str().map(|s| s == "private")).unwrap_or(false);
    if sym == "main" {
        return true;
    }
    // The only public function of its module.
    let module = unsafe { mlirOperationGetParentOperation(func) };
    !private && !module.ptr.is_null() && {
        let publics = collect_ops(module)
            .into_iter()
            .filter(|o| name(*o) == "func.func" && attr(*o, "sym_visibility").and_then(|a| a.as_str().map(|s| s == "private")) != Some(true))
            .count();
        publics == 1
    }
}

fn four_d(t: MlirType) -> Option<[i64; 4]> {
    let ty = edge_dialects::ir::type_from_mlir(t);
    (ty.is_static() && ty.dims().len() == 4).then(|| [ty.dims()[0], ty.dims()[1], ty.dims()[2], ty.dims()[3]])
}

fn with_dims(t: MlirType, dims: &[i64]) -> MlirType {
    unsafe { mlirRankedTensorTypeGet(4, dims.as_ptr(), mlirShapedTypeGetElementType(t), mlirAttributeGetNull()) }
}

impl TflChannelLastIo {
    fn run_legacy(&self, func: MlirOperation) -> Result<(), PassFailed> {
        if !is_entry(func) {
            return Ok(());
        }
        unsafe {
            let block = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
            if block.ptr.is_null() {
                return Ok(());
            }
            let first = mlirBlockGetFirstOperation(block);
            let mut inputs = Vec::new();
            for i in 0..mlirBlockGetNumArguments(block) {
                let arg = mlirBlockGetArgument(block, i);
                let t = mlirValueGetType(arg);
                let Some([n, c, h, w]) = four_d(t) else {
                    inputs.push(t);
                    continue;
                };
                let nhwc = with_dims(t, &[n, h, w, c]);
                mlirBlockArgumentSetType(arg, nhwc);
                let perm = constant::insert_i32(first, &TO_NCHW).map_err(|_| PassFailed)?;
                let tr = insert_op_before(first, "tfl.transpose", &[arg, perm], &[t], &[]);
                let mut except = tr;
                mlirValueReplaceAllUsesExcept(arg, mlirOperationGetResult(tr, 0), 1, &mut except);
                inputs.push(nhwc);
            }
            let ret = mlirBlockGetTerminator(block);
            let mut outputs = Vec::new();
            for (i, v) in operands(ret).into_iter().enumerate() {
                let t = mlirValueGetType(v);
                let Some([n, c, h, w]) = four_d(t) else {
                    outputs.push(t);
                    continue;
                };
                let nhwc = with_dims(t, &[n, h, w, c]);
                let perm = constant::insert_i32(ret, &TO_NHWC).map_err(|_| PassFailed)?;
                let tr = insert_op_before(ret, "tfl.transpose", &[v, perm], &[nhwc], &[]);
                set_operand(ret, i, mlirOperationGetResult(tr, 0));
                outputs.push(nhwc);
            }
            let ctx = mlirOperationGetContext(func);
            let fty = mlirFunctionTypeGet(ctx, inputs.len() as isize, inputs.as_ptr(), outputs.len() as isize, outputs.as_ptr());
            mlirOperationSetAttributeByName(func, str_ref("function_type"), mlirTypeAttrGet(fty));
        }
        Ok(())
    }
}

// Transitional: the typed rewrite below replaces `run_legacy`.
impl Pass for TflChannelLastIo {
    fn run(&self, anchor: edge_dialects::mlir::Op<'_>) -> Result<bool, PassFailed> {
        self.run_legacy(anchor.to_raw()).map(|()| true)
    }
}

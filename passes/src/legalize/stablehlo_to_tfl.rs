//! The StableHLO -> TFL conversion patterns, one banner per source op, sorted by source
//! op. Each pattern is named `<SourceOp><Effect>`, rooted at its StableHLO op (from the
//! views) and has an explicit benefit; a source op may have several patterns, the more
//! specific one with the higher benefit (a test rejects two of equal benefit on one
//! root, Cranelift ISLE's overlap rule). A pattern either renames the op (same operands
//! and results; the source's attributes are kept and extra ones added: `rename!`) or
//! runs a function that builds the replacement (`build!`). A build function returning
//! `Ok(None)` means "this pattern does not match this form"; `Err` says why the form
//! cannot be converted. Either way the op stays, and the next pattern is tried; an op
//! no pattern converts is reported by the pass, quoting the first reason given
//! (`Rewriter::notify_match_failure`). A built TFL op is checked against the TFL
//! catalog before it replaces the source (TFLite has no f16 or bf16 arithmetic kernels,
//! for one): a rejected one is dropped and its problems are the reason.

use crate::constant::splat;
use edge_dialects::ir::{Attr, ElemTy, TensorTy};
use edge_dialects::mlir::func::Return;
use edge_dialects::mlir::{Attribute, Context, Op, Pattern, Rewriter, Type, Value};
use edge_dialects::stablehlo::attrs::{ComparisonDirection, ComparisonType, ConvDims, DotDims, GatherDims};
use edge_dialects::stablehlo::op as hlo;
use edge_dialects::tfl::op as tfl;

/// A build function: the replacement of the root op (inserted before it, not yet
/// substituted for it), `None` when the pattern does not match, or why the op cannot
/// be converted.
pub type BuildFn = for<'c> fn(Op<'c>, &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String>;

/// What the TFL catalog says is wrong with `op` (empty when it is valid).
pub fn catalog_problems(op: Op<'_>) -> Vec<String> {
    let view = op.view();
    match edge_dialects::TFL.lookup(&view.name) {
        Some(def) => {
            edge_dialects::verify::check_op(def, &view).into_iter().map(|p| format!("'{}' {p}", view.name)).collect()
        }
        None => vec![format!("'{}' is not a known tfl operation", view.name)],
    }
}

/// Runs `build` on `op` as a conversion pattern: a built op the TFL catalog accepts
/// replaces `op` (result for result; a built op may have more results, unused), one it
/// rejects is erased and its problems recorded as the reason `op` stays.
pub fn convert<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, build: BuildFn) -> bool {
    match build(op, rw) {
        Ok(Some(new)) => {
            let problems = catalog_problems(new);
            if problems.is_empty() {
                for i in 0..op.num_results() {
                    rw.replace_all_uses(op.result(i), new.result(i));
                }
                rw.erase_op(op);
                true
            } else {
                if new.is_unused() {
                    rw.erase_op(new);
                }
                rw.notify_match_failure(op, problems.join("; "));
                false
            }
        }
        Ok(None) => false,
        Err(e) => {
            rw.notify_match_failure(op, e);
            false
        }
    }
}

/// `op` renamed to `to` with `extra` string attributes added (operands, results and
/// the source's attributes kept), as a conversion (see `convert`).
pub fn convert_rename<'c>(
    op: Op<'c>,
    rw: &mut Rewriter<'c>,
    to: &'static str,
    extra: &[(&'static str, &'static str)],
) -> bool {
    fn renamed<'c>(
        op: Op<'c>,
        rw: &mut Rewriter<'c>,
        to: &'static str,
        extra: &[(&'static str, &'static str)],
    ) -> Op<'c> {
        let c = op.context();
        let mut all = op.attrs();
        for (name, value) in extra {
            all.push((name.to_string(), c.string_attr(value)));
        }
        let refs: Vec<(&str, Attribute<'c>)> = all.iter().map(|(n, a)| (n.as_str(), *a)).collect();
        rw.create(to, &op.operands(), &op.result_types(), &refs)
    }
    let new = renamed(op, rw, to, extra);
    let problems = catalog_problems(new);
    if problems.is_empty() {
        rw.replace_op_with(op, new);
        true
    } else {
        rw.erase_op(new);
        rw.notify_match_failure(op, problems.join("; "));
        false
    }
}

/// A rename pattern's rewrite: the op becomes `tfl::$to` with the extra attributes.
macro_rules! rename {
    ($to:ident) => {
        rename!($to, &[])
    };
    ($to:ident, $attrs:expr) => {{
        fn rule<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
            convert_rename(op, rw, tfl::$to::NAME, $attrs)
        }
        rule
    }};
}

/// A build pattern's rewrite: `$f`, a `BuildFn`, run through `convert`.
macro_rules! build {
    ($f:path) => {{
        fn rule<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
            convert(op, rw, $f)
        }
        rule
    }};
}

const NONE_ACT: &[(&str, &str)] = &[("fused_activation_function", "NONE")];

const fn p(
    name: &'static str,
    root: &'static str,
    benefit: u16,
    rewrite: edge_dialects::mlir::pattern::RewriteFn,
) -> Pattern {
    Pattern::new(name, root, rewrite).with_benefit(benefit)
}

/// Every conversion pattern, sorted by root op (a test checks), then by decreasing
/// benefit.
pub static PATTERNS: &[Pattern] = &[
    // ---- stablehlo.abs
    p("AbsToTflAbs", hlo::Abs::NAME, 1, build!(abs)),
    // ---- stablehlo.add
    p("AddToI32ShapeArithmetic", hlo::Add::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("AddToTflAdd", hlo::Add::NAME, 1, rename!(Add, NONE_ACT)),
    // ---- stablehlo.and
    p("AndToLogicalAnd", hlo::And::NAME, 1, build!(logical_and)),
    // ---- stablehlo.atan2
    p("Atan2ToTflAtan2", hlo::Atan2::NAME, 1, rename!(Atan2)),
    // ---- stablehlo.bitcast_convert
    // Same bytes; both add a last dim for a narrower type and drop it for a wider one.
    p("BitcastConvertToBitcast", hlo::BitcastConvert::NAME, 1, rename!(Bitcast)),
    // ---- stablehlo.broadcast_in_dim
    // Unknown result dims are the operand's own: the target shape is read from it.
    p("BroadcastInDimToRuntimeBroadcastTo", hlo::BroadcastInDim::NAME, 2, build!(super::dynamic::broadcast_in_dim_dynamic)),
    p("BroadcastInDimToBroadcastTo", hlo::BroadcastInDim::NAME, 1, build!(broadcast_in_dim)),
    // ---- stablehlo.ceil
    p("CeilToTflCeil", hlo::Ceil::NAME, 1, rename!(Ceil)),
    // ---- stablehlo.compare
    p("CompareToTflComparison", hlo::Compare::NAME, 1, build!(compare)),
    // ---- stablehlo.composite (legalize/composite.rs): its row's builtin, else its
    // decomposition inlined (whose ops the pass converts next)
    p("CompositeToTflBuiltin", hlo::Composite::NAME, 2, super::composite::to_builtin),
    p("CompositeToDecomposition", hlo::Composite::NAME, 1, super::composite::to_decomposition),
    // ---- stablehlo.concatenate
    p("ConcatenateToI32ShapeArithmetic", hlo::Concatenate::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("ConcatenateToConcatenation", hlo::Concatenate::NAME, 1, build!(concatenate)),
    // ---- stablehlo.constant
    p("ConstantToPseudoConst", hlo::Constant::NAME, 1, build!(constant)),
    // ---- stablehlo.convert
    p("ConvertToCast", hlo::Convert::NAME, 1, build!(convert_op)),
    // ---- stablehlo.convolution
    // A transposed convolution first: a reversed filter makes a plain convolution a
    // transposed one where `transpose_conv` can take it; otherwise it stays a plain one.
    p("ConvolutionToStackedConv2d", hlo::Convolution::NAME, 4, build!(super::conv3d::conv_3d)),
    p("ConvolutionToTransposeConv", hlo::Convolution::NAME, 3, build!(convolution_transposed)),
    p("ConvolutionToDepthwiseConv2d", hlo::Convolution::NAME, 2, build!(convolution_depthwise)),
    p("ConvolutionToConv2d", hlo::Convolution::NAME, 1, build!(convolution_plain)),
    // ---- stablehlo.cosine
    p("CosineToCos", hlo::Cosine::NAME, 1, rename!(Cos)),
    // ---- stablehlo.custom_call
    // JAX's shape assertions: dropped (TFLite has no assertion op).
    p("CustomCallToNothingForShapeAssertion", hlo::CustomCall::NAME, 1, super::dynamic::drop_shape_assertion),
    // ---- stablehlo.divide
    p("DivideToI32ShapeArithmetic", hlo::Divide::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("DivideToDiv", hlo::Divide::NAME, 1, rename!(Div, NONE_ACT)),
    // ---- stablehlo.dot_general
    p("DotGeneralToBatchMatmul", hlo::DotGeneral::NAME, 2, build!(dot_general)),
    p("DotGeneralToReshapedBatchMatmul", hlo::DotGeneral::NAME, 1, build!(dot_general_as_matmul)),
    // ---- stablehlo.dynamic_broadcast_in_dim
    p("DynamicBroadcastInDimToBroadcastTo", hlo::DynamicBroadcastInDim::NAME, 1, build!(super::dynamic::dynamic_broadcast_in_dim)),
    // ---- stablehlo.dynamic_conv
    // A run-time padding: a pad before the same convolution without padding.
    p("DynamicConvToPadConvolution", hlo::DynamicConv::NAME, 1, super::dynamic::dynamic_conv_rule),
    // ---- stablehlo.dynamic_iota
    p("DynamicIotaToConstant", hlo::DynamicIota::NAME, 2, build!(iota)),
    p("DynamicIotaToRange", hlo::DynamicIota::NAME, 1, build!(super::dynamic::dynamic_iota)),
    // ---- stablehlo.dynamic_pad
    // Interior padding (a write with a step): spread per dim, then the pad below.
    p("DynamicPadToSpreadDynamicPad", hlo::DynamicPad::NAME, 2, super::scatter::dynamic_pad_interior_rule),
    p("DynamicPadToPadv2", hlo::DynamicPad::NAME, 1, build!(super::dynamic::dynamic_pad)),
    // ---- stablehlo.dynamic_reshape
    p("DynamicReshapeToReshape", hlo::DynamicReshape::NAME, 1, build!(super::dynamic::dynamic_reshape)),
    // ---- stablehlo.dynamic_slice
    p("DynamicSliceToSlice", hlo::DynamicSlice::NAME, 1, build!(super::dynamic::dynamic_slice)),
    // ---- stablehlo.dynamic_update_slice
    p(
        "DynamicUpdateSliceToDynamicUpdateSlice",
        hlo::DynamicUpdateSlice::NAME,
        1,
        build!(super::scatter::dynamic_update_slice),
    ),
    // ---- stablehlo.exponential
    p("ExponentialToExp", hlo::Exponential::NAME, 1, rename!(Exp)),
    // ---- stablehlo.exponential_minus_one
    p("ExponentialMinusOneToExpSub", hlo::ExponentialMinusOne::NAME, 1, build!(exponential_minus_one)),
    // ---- stablehlo.floor
    p("FloorToTflFloor", hlo::Floor::NAME, 1, rename!(Floor)),
    // ---- stablehlo.gather
    p("GatherToTflGather", hlo::Gather::NAME, 1, build!(gather)),
    // ---- stablehlo.get_dimension_size
    p("GetDimensionSizeToShapeSlice", hlo::GetDimensionSize::NAME, 1, build!(super::dynamic::get_dimension_size)),
    // ---- stablehlo.iota
    p("IotaToConstant", hlo::Iota::NAME, 1, build!(iota)),
    // ---- stablehlo.log
    p("LogToTflLog", hlo::Log::NAME, 1, rename!(Log)),
    // ---- stablehlo.log_plus_one
    p("LogPlusOneToAddLog", hlo::LogPlusOne::NAME, 1, build!(log_plus_one)),
    // ---- stablehlo.logistic
    p("LogisticToTflLogistic", hlo::Logistic::NAME, 1, rename!(Logistic)),
    // ---- stablehlo.maximum
    p("MaximumToI32ShapeArithmetic", hlo::Maximum::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("MaximumToTflMaximum", hlo::Maximum::NAME, 1, rename!(Maximum)),
    // ---- stablehlo.minimum
    p("MinimumToI32ShapeArithmetic", hlo::Minimum::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("MinimumToTflMinimum", hlo::Minimum::NAME, 1, rename!(Minimum)),
    // ---- stablehlo.multiply
    p("MultiplyToI32ShapeArithmetic", hlo::Multiply::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("MultiplyToMul", hlo::Multiply::NAME, 1, rename!(Mul, NONE_ACT)),
    // ---- stablehlo.negate
    p("NegateToNeg", hlo::Negate::NAME, 1, rename!(Neg)),
    // ---- stablehlo.not
    p("NotToLogicalNot", hlo::Not::NAME, 1, build!(logical_not)),
    // ---- stablehlo.or
    p("OrToLogicalOr", hlo::Or::NAME, 1, build!(logical_or)),
    // ---- stablehlo.pad
    p("PadToPadv2", hlo::Pad::NAME, 1, build!(pad)),
    // ---- stablehlo.power
    p("PowerToPow", hlo::Power::NAME, 1, rename!(Pow)),
    // ---- stablehlo.real_dynamic_slice
    p("RealDynamicSliceToStridedSlice", hlo::RealDynamicSlice::NAME, 1, build!(super::dynamic::real_dynamic_slice)),
    // ---- stablehlo.reduce
    // Two disjoint forms: (values, indices) with four operands, one value with two.
    p("ReduceToTopK", hlo::Reduce::NAME, 2, build!(reduce_arg)),
    p("ReduceToTflReduction", hlo::Reduce::NAME, 1, build!(reduce)),
    // ---- stablehlo.reduce_window
    // Disjoint forms: a dilated window, a product/max/min scan along one dim, a pool
    // over 3+ dims (or any rank-5 pool), the 2-D pools and cumsum.
    p("ReduceWindowToSlicesCombined", hlo::ReduceWindow::NAME, 4, build!(super::window::dilated)),
    p("ReduceWindowToLogStepScan", hlo::ReduceWindow::NAME, 3, build!(super::window::scan)),
    p("ReduceWindowToSeparablePools", hlo::ReduceWindow::NAME, 2, build!(super::window::pool_3d)),
    p("ReduceWindowToPoolOrCumsum", hlo::ReduceWindow::NAME, 1, build!(reduce_window)),
    // ---- stablehlo.remainder
    p("RemainderToI32ShapeArithmetic", hlo::Remainder::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("RemainderToFloorModSelect", hlo::Remainder::NAME, 1, build!(remainder)),
    // ---- stablehlo.reshape
    p("ReshapeToI32ShapeArithmetic", hlo::Reshape::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("ReshapeToTflReshape", hlo::Reshape::NAME, 1, build!(reshape)),
    // ---- stablehlo.reverse
    p("ReverseToReverseV2", hlo::Reverse::NAME, 1, build!(reverse)),
    // ---- stablehlo.round_nearest_even
    p("RoundNearestEvenToRound", hlo::RoundNearestEven::NAME, 1, rename!(Round)),
    // ---- stablehlo.rsqrt
    p("RsqrtToTflRsqrt", hlo::Rsqrt::NAME, 1, rename!(Rsqrt)),
    // ---- stablehlo.scatter
    p("ScatterToSegmentOps", hlo::Scatter::NAME, 1, build!(super::scatter::scatter)),
    // ---- stablehlo.select
    p("SelectToSelectV2", hlo::Select::NAME, 1, rename!(SelectV2)),
    // ---- stablehlo.sign
    p("SignToCompareSelectForIntegers", hlo::Sign::NAME, 2, build!(integer_sign)),
    p("SignToTflSign", hlo::Sign::NAME, 1, rename!(Sign)),
    // ---- stablehlo.sine
    p("SineToSin", hlo::Sine::NAME, 1, rename!(Sin)),
    // ---- stablehlo.slice
    p("SliceToI32ShapeArithmetic", hlo::Slice::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("SliceToTflSlice", hlo::Slice::NAME, 1, build!(slice)),
    // ---- stablehlo.sort
    p("SortToTopK", hlo::Sort::NAME, 1, build!(sort)),
    // ---- stablehlo.sqrt
    p("SqrtToTflSqrt", hlo::Sqrt::NAME, 1, rename!(Sqrt)),
    // ---- stablehlo.subtract
    p("SubtractToI32ShapeArithmetic", hlo::Subtract::NAME, 2, build!(super::dynamic::narrow_shape_arithmetic)),
    p("SubtractToSub", hlo::Subtract::NAME, 1, rename!(Sub, NONE_ACT)),
    // ---- stablehlo.tan
    p("TanToSinDivCos", hlo::Tan::NAME, 1, build!(tan)),
    // ---- stablehlo.tanh
    p("TanhToTflTanh", hlo::Tanh::NAME, 1, rename!(Tanh)),
    // ---- stablehlo.transpose
    p("TransposeToTflTranspose", hlo::Transpose::NAME, 1, build!(transpose)),
    // ---- stablehlo.uniform_dequantize
    p("UniformDequantizeToDequantize", hlo::UniformDequantize::NAME, 1, rename!(Dequantize)),
    // ---- stablehlo.uniform_quantize
    p("UniformQuantizeToQuantize", hlo::UniformQuantize::NAME, 1, build!(uniform_quantize)),
    // ---- stablehlo.xor
    p("XorToNotEqual", hlo::Xor::NAME, 1, build!(logical_xor)),
];

/// The one value every element of `v` has, when `v` is a splat constant or a
/// reshape or broadcast of one (JAX writes a reduction's init as a 0-d broadcast of a
/// constant, and a divisor as a broadcast to the divided shape).
pub(super) fn splat_through(v: Value<'_>) -> Option<f64> {
    let mut v = v;
    for _ in 0..8 {
        if let Some(x) = splat(v) {
            return Some(x);
        }
        let def = v.defining_op()?;
        if def.isa::<tfl::Reshape>()
            || def.isa::<tfl::BroadcastTo>()
            || def.isa::<hlo::Reshape>()
            || def.isa::<hlo::BroadcastInDim>()
            || def.isa::<hlo::DynamicBroadcastInDim>()
        {
            v = def.operand(0);
        } else {
            return None;
        }
    }
    None
}

pub(super) fn is_bool(v: Value<'_>) -> bool {
    v.ty().elem == ElemTy::I(1)
}

/// An int32 `tfl.pseudo_const` of `values`.
pub(super) fn i32_const<'c>(rw: &mut Rewriter<'c>, _anchor: Op<'c>, values: &[i64]) -> Value<'c> {
    let attr = rw.context().dense_i32(&[values.len() as i64], values);
    const_attr(rw, _anchor, attr)
}

/// An int32 `[rows, 2]` `tfl.pseudo_const` of (low, high) padding pairs.
pub(super) fn paddings_const<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, pairs: &[[i64; 2]]) -> Value<'c> {
    let data: Vec<i64> = pairs.iter().flatten().copied().collect();
    let attr = rw.context().dense_i32(&[pairs.len() as i64, 2], &data);
    const_attr(rw, anchor, attr)
}

/// The tensor type of `v`.
pub(super) fn ty(v: Value<'_>) -> TensorTy {
    v.ty()
}

/// The MLIR element type of `v`'s tensor type.
pub(super) fn elem_of(v: Value<'_>) -> Type<'_> {
    v.raw_type().element_type()
}

/// A ranked tensor type of `shape` and element type `elem`.
pub(super) fn tensor_type<'c>(shape: &[i64], elem: Type<'c>) -> Type<'c> {
    elem.tensor(shape)
}

/// A one-result op `name` at the insertion point; returns its result.
pub(super) fn emit<'c>(
    rw: &mut Rewriter<'c>,
    _anchor: Op<'c>,
    name: &str,
    operands: &[Value<'c>],
    result: Type<'c>,
    attrs: &[(&str, Attribute<'c>)],
) -> Value<'c> {
    rw.create(name, operands, &[result], attrs).result(0)
}

/// A `tfl.pseudo_const` holding `attr` (whose type is the constant's type).
pub(super) fn const_attr<'c>(rw: &mut Rewriter<'c>, _anchor: Op<'c>, attr: Attribute<'c>) -> Value<'c> {
    crate::constant::insert_attr(rw, attr.ty(), attr)
}

/// A `tfl.pseudo_const` of type `shape` x `elem` with the numbers `values` (one per
/// element, or one for a splat), converted to `elem` (float, bool or integer).
pub(super) fn number_const<'c>(
    rw: &mut Rewriter<'c>,
    anchor: Op<'c>,
    shape: &[i64],
    elem: Type<'c>,
    values: &[f64],
) -> Result<Value<'c>, String> {
    let c = rw.context();
    let t = tensor_type(shape, elem);
    let splat = values.len() == 1;
    let attr = match elem.elem() {
        ElemTy::F32 if splat => c.float_splat(t, values[0] as f32),
        ElemTy::F32 => {
            let v: Vec<f32> = values.iter().map(|&x| x as f32).collect();
            c.dense_f32(shape, &v)
        }
        ElemTy::I(1) if splat => c.bool_splat(t, values[0] != 0.0),
        ElemTy::I(32) if splat => c.i32_splat(t, values[0] as i32),
        ElemTy::I(32) => c.dense_i32(shape, &values.iter().map(|&x| x as i64).collect::<Vec<_>>()),
        ElemTy::I(64) if splat => c.i64_splat(t, values[0] as i64),
        ElemTy::I(64) => c.dense_i64(shape, &values.iter().map(|&x| x as i64).collect::<Vec<_>>()),
        ElemTy::I(_) | ElemTy::U(_) if splat => c.splat(t, c.integer_attr(elem, values[0] as i64)),
        _ => return Err(format!("cannot build a constant of element type {}", elem.print())),
    };
    Ok(const_attr(rw, anchor, attr))
}

/// A 0-d constant `value` of `v`'s element type.
pub(super) fn scalar_like<'c>(
    rw: &mut Rewriter<'c>,
    anchor: Op<'c>,
    v: Value<'c>,
    value: f64,
) -> Result<Value<'c>, String> {
    number_const(rw, anchor, &[], elem_of(v), &[value])
}

/// `tfl.reshape(v, shape)`; to a scalar, `tfl.squeeze` of every (unit) dim, which needs
/// no empty shape constant.
pub(super) fn reshape_to<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, shape: &[i64]) -> Value<'c> {
    if shape.is_empty() {
        let all: Vec<i64> = (0..ty(v).dims().len() as i64).collect();
        let dims = rw.context().i64_array_attr(&all);
        return emit(rw, anchor, tfl::Squeeze::NAME, &[v], tensor_type(&[], elem_of(v)), &[("squeeze_dims", dims)]);
    }
    let s = i32_const(rw, anchor, shape);
    tfl::Reshape::build(rw, &[tensor_type(shape, elem_of(v))], v, s).create().output()
}

/// `tfl.cast(v)` to element type `elem`.
pub(super) fn cast_to<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, elem: Type<'c>) -> Value<'c> {
    emit(rw, anchor, tfl::Cast::NAME, &[v], tensor_type(ty(v).dims(), elem), &[])
}

/// A fused-activation-free binary TFL op (`tfl.add`, `tfl.sub`, `tfl.mul`, `tfl.div`)
/// on operands of one shape.
pub(super) fn arith<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, name: &str, a: Value<'c>, b: Value<'c>) -> Value<'c> {
    let t = a.raw_type();
    emit(rw, anchor, name, &[a, b], t, &[("fused_activation_function", anchor.context().string_attr("NONE"))])
}

/// A TFL op whose result has `a`'s shape with element type `elem`.
pub(super) fn same_shape<'c>(
    rw: &mut Rewriter<'c>,
    anchor: Op<'c>,
    name: &str,
    operands: &[Value<'c>],
    elem: Type<'c>,
) -> Value<'c> {
    emit(rw, anchor, name, operands, tensor_type(ty(operands[0]).dims(), elem), &[])
}

pub(super) fn bool_type(op: Op<'_>) -> Type<'_> {
    op.context().integer(1)
}

pub(super) fn i32_type(op: Op<'_>) -> Type<'_> {
    op.context().integer(32)
}

fn reshape<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let op = op.cast::<hlo::Reshape>().expect("rooted at stablehlo.reshape");
    let out = op.result().ty();
    // One unknown dim is -1 (TFLite infers it from the element count).
    let Some(dims) = super::dynamic::reshape_const_shape(out.dims()) else { return Ok(None) };
    // A size made a 1-D piece of a shape, once per size (the importer writes one per use).
    let x = op.operand_operand();
    if x.ty().dims().is_empty() && x.ty().elem == ElemTy::I(32) && super::dynamic::is_shape_value(x) {
        let earlier = x.users().into_iter().find(|u| {
            u.isa::<tfl::Reshape>() && u.block() == op.op().block() && u.is_before_in_block(op.op()) && u.result(0).same_type(op.result())
        });
        if earlier.is_some() {
            return Ok(earlier);
        }
    }
    let shape = i32_const(rw, op.op(), &dims);
    Ok(Some(tfl::Reshape::build(rw, &[op.result().raw_type()], op.operand_operand(), shape).create().op()))
}

/// `broadcast_in_dim(x, dims)`: operand dim `i` maps to result dim `dims[i]`. When the
/// dims are increasing, reshape `x` to the result's rank (1 in the unmapped dims) and
/// `tfl.broadcast_to` the result shape; other forms (permuting dims) are not matched.
fn broadcast_in_dim<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let b = op.cast::<hlo::BroadcastInDim>().expect("rooted at stablehlo.broadcast_in_dim");
    let x = b.operand_operand();
    let in_ty = x.ty();
    let out = b.result().ty();
    let Some(dims) = b.broadcast_dimensions() else {
        return Err("'stablehlo.broadcast_in_dim' op has no broadcast_dimensions".into());
    };
    if !out.is_static() || !in_ty.is_static() || dims.windows(2).any(|w| w[0] >= w[1]) {
        return Ok(None);
    }
    let mut expanded = vec![1i64; out.dims().len()];
    for (i, &d) in dims.iter().enumerate() {
        expanded[d as usize] = in_ty.dims()[i];
    }
    let mut source = x;
    if expanded != in_ty.dims() {
        let shape = i32_const(rw, op, &expanded);
        let ty = x.raw_type().with_shape(&expanded);
        source = tfl::Reshape::build(rw, &[ty], x, shape).create().output();
    }
    if expanded == out.dims() {
        // Only a reshape was needed: hand back the reshape itself.
        let def = source.defining_op().filter(|_| source != x);
        return Ok(match def {
            Some(r) => Some(r),
            None => {
                let shape = i32_const(rw, op, out.dims());
                Some(tfl::Reshape::build(rw, &[b.result().raw_type()], x, shape).create().op())
            }
        });
    }
    let shape = i32_const(rw, op, out.dims());
    Ok(Some(tfl::BroadcastTo::build(rw, &[b.result().raw_type()], source, shape).create().op()))
}

/// Whether the TFL catalog accepts `op` (its operand and result types, attributes).
pub(super) fn catalog_accepts(op: Op<'_>) -> bool {
    catalog_problems(op).is_empty()
}

/// The op defining `v` (a built replacement's result: its op).
pub(super) fn defining_op(v: Value<'_>) -> Option<Op<'_>> {
    v.defining_op()
}

pub(super) fn result_of(op: Op<'_>) -> Value<'_> {
    op.result(0)
}

pub(super) fn bool_attr(op: Op<'_>, v: bool) -> Attribute<'_> {
    op.context().bool_attr(v)
}

/// `reduce(x, init) dims { return op(a, b) }` with one input, a body of a single
/// add/multiply/maximum/minimum (or, on bools, or/and) of the block arguments, and
/// `init` that operation's identity: `tfl.sum` / `tfl.reduce_prod` / `tfl.reduce_max` /
/// `tfl.reduce_min` / `tfl.reduce_any` / `tfl.reduce_all` over constant axes.
fn reduce<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(first) = op.body().and_then(|b| b.first_op()) else { return Ok(None) };
    let Some(name) = binary_body(op) else { return Ok(None) };
    let init = splat_through(ins[1]);
    let boolean = is_bool(ins[0]);
    // The TFL reduction, whether `init` is the body's identity, and the op that folds
    // in an `init` that is not.
    let _ = first;
    let (to, identity_ok, combine) = match name {
        hlo::Add::NAME => (tfl::Sum::NAME, init == Some(0.0), tfl::Add::NAME),
        hlo::Multiply::NAME => (tfl::ReduceProd::NAME, init == Some(1.0), tfl::Mul::NAME),
        hlo::Or::NAME if boolean => (tfl::ReduceAny::NAME, init == Some(0.0), tfl::LogicalOr::NAME),
        hlo::And::NAME if boolean => (tfl::ReduceAll::NAME, init == Some(1.0), tfl::LogicalAnd::NAME),
        hlo::Maximum::NAME => (
            tfl::ReduceMax::NAME,
            init.is_some_and(|v| v == f64::NEG_INFINITY || v <= -(2f64.powi(31))),
            tfl::Maximum::NAME,
        ),
        hlo::Minimum::NAME => (
            tfl::ReduceMin::NAME,
            init.is_some_and(|v| v == f64::INFINITY || v >= 2f64.powi(31) - 1.0),
            tfl::Minimum::NAME,
        ),
        _ => return Ok(None),
    };
    let Some(dims) = op.attr("dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reduce' op has no dimensions".into());
    };
    let axes = i32_const(rw, op, &dims);
    let keep = bool_attr(op, false);
    if identity_ok {
        return Ok(Some(rw.create(to, &[ins[0], axes], &op.result_types(), &[("keep_dims", keep)])));
    }
    // Another init is one more operand of the body's op: op(reduce(x), init), the 0-d
    // init broadcast (a minimum over indices that starts at the dim size, say).
    let t = op.result(0).raw_type();
    let reduced = emit(rw, op, to, &[ins[0], axes], t, &[("keep_dims", keep)]);
    // The pass checks the op a rule returns against the catalog; this one comes first.
    if let Some(r) = reduced.defining_op().filter(|r| !catalog_accepts(*r)) {
        rw.erase_op(r);
        return Ok(None);
    }
    let attrs: &[(&str, Attribute<'c>)] = if matches!(combine, tfl::Add::NAME | tfl::Mul::NAME) {
        &[("fused_activation_function", op.context().string_attr("NONE"))]
    } else {
        &[]
    };
    Ok(Some(rw.create(combine, &[reduced, ins[1]], &[t], attrs)))
}

/// `dot_general` with leading batch dims on both sides (in order) and one contracting
/// dim that is one of the two minor dims of each operand: `tfl.batch_matmul` with
/// `adj_x`/`adj_y` saying which side is transposed.
fn dot_general<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    let (lt, rt) = (ins[0].ty(), ins[1].ty());
    let (lr, rr) = (lt.dims().len(), rt.dims().len());
    let Some(dn) = op.attr("dot_dimension_numbers") else { return Ok(None) };
    let dn = DotDims::from_attr(&dn).map_err(|e| format!("attribute 'dot_dimension_numbers' {e}"))?;
    let DotDims { lhs_batching: lb, rhs_batching: rb, lhs_contracting: lc, rhs_contracting: rc } = dn;
    let b = lb.len();
    let leading = |v: &[i64]| v.iter().enumerate().all(|(i, &d)| d == i as i64);
    if lb == rb && leading(&lb) && lc.len() == 1 && rc.len() == 1 && lr == b + 2 && rr == b + 2 {
        let adj_x = match lc[0] as usize {
            d if d == b + 1 => Some(false),
            d if d == b => Some(true),
            _ => None,
        };
        let adj_y = match rc[0] as usize {
            d if d == b => Some(false),
            d if d == b + 1 => Some(true),
            _ => None,
        };
        if let (Some(adj_x), Some(adj_y)) = (adj_x, adj_y) {
            let attrs = [("adj_x", bool_attr(op, adj_x)), ("adj_y", bool_attr(op, adj_y))];
            return Ok(Some(rw.create(tfl::BatchMatmul::NAME, &ins, &op.result_types(), &attrs)));
        }
    }
    Ok(None)
}

/// Any other float `dot_general`: each operand permuted to `[batch, free, contracting]`
/// (the rhs `[batch, contracting, free]`) and reshaped to `[B, M, K]` / `[B, K, N]` (no
/// `B` without batch dims), one `tfl.batch_matmul`, and a reshape to StableHLO's result
/// `[batch, lhs free, rhs free]` (adaptive average pooling's matrix of window weights,
/// a product over a middle dim).
fn dot_general_as_matmul<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let Some(dn) = op.attr("dot_dimension_numbers") else { return Ok(None) };
    let dn = DotDims::from_attr(&dn).map_err(|e| format!("attribute 'dot_dimension_numbers' {e}"))?;
    let DotDims { lhs_batching: lb, rhs_batching: rb, lhs_contracting: lc, rhs_contracting: rc } = dn;
    let (lb, rb, lc, rc) = (lb.as_slice(), rb.as_slice(), lc.as_slice(), rc.as_slice());
    let (l, r) = (op.operand(0), op.operand(1));
    let (lt, rt, out) = (ty(l), ty(r), ty(op.result(0)));
    if [&lt, &rt, &out].iter().any(|t| t.rank().is_none() || t.elem != ElemTy::F32) || lb.len() != rb.len() || lc.len() != rc.len()
    {
        return Ok(None);
    }
    if [&lt, &rt, &out].iter().any(|t| !t.is_static()) {
        return Ok(matrix_times_weights(rw, op, lb, lc, rc));
    }
    let free = |rank: usize, used: &[&[i64]]| -> Vec<i64> {
        (0..rank as i64).filter(|d| used.iter().all(|u| !u.contains(d))).collect()
    };
    let (lf, rf) = (free(lt.dims().len(), &[lb, lc]), free(rt.dims().len(), &[rb, rc]));
    let size = |dims: &[i64], of: &[i64]| -> i64 { of.iter().map(|&d| dims[d as usize]).product() };
    let (bsz, m, k, n) = (size(lt.dims(), lb), size(lt.dims(), &lf), size(lt.dims(), lc), size(rt.dims(), &rf));
    let batched = !lb.is_empty();
    let shape = |rows: i64, cols: i64| if batched { vec![bsz, rows, cols] } else { vec![rows, cols] };
    let lhs = permuted(rw, op, l, &lb.iter().chain(&lf).chain(lc).copied().collect::<Vec<_>>());
    let rhs = permuted(rw, op, r, &rb.iter().chain(rc).chain(&rf).copied().collect::<Vec<_>>());
    let lhs = if ty(lhs).dims() == shape(m, k) { lhs } else { reshape_to(rw, op, lhs, &shape(m, k)) };
    let rhs = if ty(rhs).dims() == shape(k, n) { rhs } else { reshape_to(rw, op, rhs, &shape(k, n)) };
    let attrs = [("adj_x", bool_attr(op, false)), ("adj_y", bool_attr(op, false))];
    let y = emit(rw, op, tfl::BatchMatmul::NAME, &[lhs, rhs], like(l, &shape(m, n)), &attrs);
    if ty(y).dims() == out.dims() {
        return Ok(y.defining_op());
    }
    Ok(defining_op(reshape_to(rw, op, y, out.dims())))
}

/// A `dot_general` with unknown dims of the one form that needs no reshape: no batch
/// dims, the lhs contracted over its last dim, a rank-2 rhs (`[K, N]`, or `[N, K]`
/// with `adj_y`): `tfl.batch_matmul`, whose batch dims broadcast, gives `[lhs free...,
/// N]`, StableHLO's result (`tfl-optimize` makes a constant rhs a fully_connected).
fn matrix_times_weights<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, lb: &[i64], lc: &[i64], rc: &[i64]) -> Option<Op<'c>> {
    let (l, r) = (op.operand(0), op.operand(1));
    let (lrank, rt) = (ty(l).dims().len(), ty(r));
    if !lb.is_empty() || lc != [lrank as i64 - 1] || rt.dims().len() != 2 || lrank < 2 || rc.len() != 1 {
        return None;
    }
    let attrs = [("adj_x", bool_attr(op, false)), ("adj_y", bool_attr(op, rc[0] == 1))];
    Some(rw.create(tfl::BatchMatmul::NAME, &[l, r], &op.result_types(), &attrs))
}

pub(super) fn i32_attr<'c>(op: Op<'c>, v: i64) -> Attribute<'c> {
    op.context().i32_attr(v)
}

/// The attributes of a `tfl.strided_slice` with these begin, end and shrink-axis masks
/// (no ellipsis, no new axes, no offset).
pub(super) fn strided_slice_masks<'c>(ctx: Context<'c>, begin: i64, end: i64, shrink: i64) -> [(&'static str, Attribute<'c>); 6] {
    let zero = ctx.i32_attr(0);
    [
        ("begin_mask", ctx.i32_attr(begin)),
        ("end_mask", ctx.i32_attr(end)),
        ("ellipsis_mask", zero),
        ("new_axis_mask", zero),
        ("shrink_axis_mask", ctx.i32_attr(shrink)),
        ("offset", ctx.bool_attr(false)),
    ]
}

/// `convert` is `tfl.cast` (f16 constants to f32: `tfl.dequantize`), except to or from
/// bfloat16: LiteRT has no bfloat16 kernels (its interpreter cannot even read such
/// tensors), so that form stays illegal.
fn convert_op<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let c = op.cast::<hlo::Convert>().expect("rooted at stablehlo.convert");
    let from = c.operand_operand().elem();
    let to = c.result().elem();
    if from == ElemTy::BF16 || to == ElemTy::BF16 {
        return Ok(None);
    }
    // Float16 weights read as float32 are TFLite's DEQUANTIZE of an f16 constant, which
    // the XNNPACK delegate unpacks once at load time (it fails on one that is a model
    // output by itself: that stays a cast).
    let returned = op.result(0).uses().iter().any(|(u, _)| u.name() == Return::NAME);
    if from == ElemTy::F16 && to == ElemTy::F32 && crate::constant::is_constant(op.operand(0)) && !returned {
        return Ok(Some(rw.create(tfl::Dequantize::NAME, &op.operands(), &op.result_types(), &[])));
    }
    Ok(Some(rw.create(tfl::Cast::NAME, &op.operands(), &op.result_types(), &[])))
}

/// `uniform_quantize` is `tfl.quantize`, which names its result type in `qtype`.
fn uniform_quantize<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let qtype = op.context().type_attr(op.result(0).raw_type());
    Ok(Some(rw.create(tfl::Quantize::NAME, &op.operands(), &op.result_types(), &[("qtype", qtype)])))
}

/// A ranked tensor type of `shape` with `v`'s element type.
pub(super) fn like<'c>(v: Value<'c>, shape: &[i64]) -> Type<'c> {
    v.raw_type().with_shape(shape)
}

/// `tfl.transpose(v, perm)` inserted before `anchor`.
pub(super) fn tfl_transpose<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, perm: &[i64]) -> Value<'c> {
    let dims = v.ty();
    let shape: Vec<i64> = perm.iter().map(|&p| dims.dims()[p as usize]).collect();
    let p = i32_const(rw, anchor, perm);
    tfl::Transpose::build(rw, &[like(v, &shape)], v, p).create().output()
}

/// `convolution` with one or two spatial dims, in any dimension layout (PyTorch's
/// `[b, f, 0, 1]x[o, i, 0, 1]`, JAX's `[b, 0, 1, f]x[0, 1, i, o]`...), no batch groups.
/// The operands are transposed into TFLite's NHWC input and OHWI filter and the NHWC
/// result back into the output's layout; a transpose whose permutation is the identity
/// is not emitted, and `tfl-layout-nhwc` / `tfl-fold-constants` cancel the others
/// (PyTorch's NCHW) or fold them into the constant weights. 2-D: explicit padding
/// becomes a `tfl.pad` before a VALID convolution. One group per input channel is
/// `tfl.depthwise_conv_2d` (filter `[1, H, W, O]`); other group counts are
/// `tfl.conv_2d` with a filter of `C / groups` input channels (TFLite's grouped
/// convolution). 1-D is the 2-D form with a unit spatial dim before the one there is,
/// between reshapes. A transposed convolution (input dilation, or a filter that is a
/// reverse of the spatial dims, as the importer writes a stride-1 one) is
/// `tfl.transpose_conv`.
fn convolution_transposed<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    convolution(op, rw, ConvForm::Transposed)
}
fn convolution_depthwise<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    convolution(op, rw, ConvForm::Depthwise)
}
fn convolution_plain<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    convolution(op, rw, ConvForm::Plain)
}

/// The TFL op a `convolution` pattern makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ConvForm {
    /// `tfl.transpose_conv`: input dilation, or a reversed filter.
    Transposed,
    /// `tfl.depthwise_conv_2d`: one group per input channel.
    Depthwise,
    /// `tfl.conv_2d`, grouped or not.
    Plain,
}

fn convolution<'c>(op: Op<'c>, rw: &mut Rewriter<'c>, form: ConvForm) -> Result<Option<Op<'c>>, String> {
    let conv = op.cast::<hlo::Convolution>().expect("rooted at stablehlo.convolution");
    let Some(dn) = conv.dimension_numbers() else { return Ok(None) };
    let dn = ConvDims::from_attr(&dn.value()).map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let (x, w) = (conv.lhs(), conv.rhs());
    let (xt, wt, out) = (ty(x), ty(w), ty(op.result(0)));
    // Unknown batch and spatial dims are fine (TFLite sizes the output at Prepare); the
    // filter and the feature dims are static.
    let dynamic = !xt.is_static() || !out.is_static();
    if !wt.is_static() || xt.rank().is_none() || out.rank().is_none() {
        return Ok(None);
    }
    let spatial = xt.dims().len().saturating_sub(2);
    let ints = |n: &str| op.attr(n).and_then(|a| a.as_ints()).unwrap_or_else(|| vec![1; spatial]);
    let (strides, lhs_dilation, rhs_dilation) = (ints("window_strides"), ints("lhs_dilation"), ints("rhs_dilation"));
    let groups = conv.feature_group_count().unwrap_or(1);
    if conv.batch_group_count().unwrap_or(1) != 1 || dn.spatial_rank() != spatial {
        return Ok(None);
    }
    // One group per input channel is depthwise (the 1-D form's reshapes keep the
    // feature dims).
    let feature = |dims: &[i64], d: i64| dims.get(d as usize).copied();
    let (cin, fin) = (feature(xt.dims(), dn.input_feature), feature(wt.dims(), dn.kernel_input_feature));
    if cin.is_none_or(|c| c < 0) {
        return Ok(None);
    }
    let depthwise = groups > 1 && Some(groups) == cin && fin == Some(1);
    let wanted = if depthwise { ConvForm::Depthwise } else { ConvForm::Plain };
    let pads: Vec<i64> = match op.attr("padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 2 * spatial => v,
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => vec![v[0]; 2 * spatial],
        None => vec![0; 2 * spatial],
        _ => return Ok(None),
    };
    if [&strides, &lhs_dilation, &rhs_dilation].iter().any(|v| v.len() != spatial) {
        return Ok(None);
    }
    let unit = |v: &[i64]| v.iter().all(|&d| d == 1);
    match spatial {
        2 if form == ConvForm::Transposed => {
            // A reversed filter makes a plain convolution a transposed one where
            // `transpose_conv` can take it; otherwise it stays a plain one.
            let transposable = unit(&strides) && unit(&rhs_dilation) && groups == 1;
            let reversed_filter = transposable && reversed_source(w, &dn.kernel_spatial).is_some();
            if !transposable || !(!unit(&lhs_dilation) || reversed_filter) {
                return Ok(None);
            }
            let pads4 = [pads[0], pads[1], pads[2], pads[3]];
            let y = if dynamic {
                transposed_conv_dynamic(rw, op, x, w, &dn, [lhs_dilation[0], lhs_dilation[1]], pads4)
            } else {
                transposed_conv(rw, op, x, w, &dn, [lhs_dilation[0], lhs_dilation[1]], pads4, out.dims())
            };
            Ok(y.and_then(|v| v.defining_op()))
        }
        // Input dilation is a transposed convolution or nothing.
        2 if form == wanted && unit(&lhs_dilation) => {
            let y = conv_2d(
                rw,
                op,
                x,
                w,
                &dn,
                [strides[0], strides[1]],
                [rhs_dilation[0], rhs_dilation[1]],
                [pads[0], pads[1], pads[2], pads[3]],
                groups,
                out.dims(),
            );
            Ok(y.and_then(|v| v.defining_op()))
        }
        1 if form == wanted && unit(&lhs_dilation) => {
            let Some((dn2, [xi, wi, oi])) = dn.with_leading_unit_spatial() else { return Ok(None) };
            let unit_at = |dims: &[i64], at: usize| -> Vec<i64> {
                let mut v = dims.to_vec();
                v.insert(at.min(v.len()), 1);
                v
            };
            let Some(x2) = super::dynamic::reshape_any(rw, op, x, &unit_at(xt.dims(), xi)) else { return Ok(None) };
            let w2 = reshape_to(rw, op, w, &unit_at(wt.dims(), wi));
            let o2 = unit_at(out.dims(), oi);
            let Some(y) = conv_2d(
                rw,
                op,
                x2,
                w2,
                &dn2,
                [1, strides[0]],
                [1, rhs_dilation[0]],
                [0, 0, pads[0], pads[1]],
                groups,
                &o2,
            ) else {
                return Ok(None);
            };
            Ok(super::dynamic::reshape_any(rw, op, y, out.dims()).and_then(|v| v.defining_op()))
        }
        _ => Ok(None),
    }
}

/// `tfl.no_value`, the absent optional operand.
fn no_value<'c>(rw: &mut Rewriter<'c>, op: Op<'c>) -> Value<'c> {
    let c = op.context();
    emit(rw, op, tfl::NoValue::NAME, &[], c.none_type(), &[("value", c.unit_attr())])
}

/// How a TFLite window op (convolution, pooling) pads its 2-D spatial dims.
#[derive(Debug, Clone, PartialEq)]
enum WindowPadding {
    /// No padding.
    Valid,
    /// TFLite's SAME: out = ceil(in / stride), the total padding split with the odd
    /// element after.
    Same,
    /// Explicit `[lo, hi]` per spatial dim: a pad op before a VALID window op.
    Explicit([[i64; 2]; 2]),
}

/// TFLite's SAME padding `[before, after]` of one spatial dim, and its output size.
fn same_padding(input: i64, window: i64, stride: i64, dilation: i64) -> ([i64; 2], i64) {
    // In i128: sizes and attributes are whatever the verifier admits.
    let (input, window, stride, dilation) = (input as i128, window as i128, stride.max(1) as i128, dilation as i128);
    let out = (input + stride - 1) / stride;
    let total = ((out - 1) * stride + (window - 1) * dilation + 1 - input).max(0);
    let fit = |v: i128| v.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
    ([fit(total / 2), fit(total - total / 2)], fit(out))
}

/// The padding a TFLite window op needs to compute `out` from `input` as a window op
/// with explicit `pads` does, per spatial dim. High padding no window reaches is
/// dropped; what is left is SAME when it is what SAME computes, VALID when it is
/// zero. `None` for negative padding, or a window TFLite cannot reproduce.
fn window_padding(
    input: [i64; 2],
    window: [i64; 2],
    strides: [i64; 2],
    dilation: [i64; 2],
    pads: [[i64; 2]; 2],
    out: [i64; 2],
) -> Option<WindowPadding> {
    if input.iter().chain(&out).all(|&d| d >= 0) {
        return window_padding_static(input, window, strides, dilation, pads, out);
    }
    // An unknown size: StableHLO's output, floor((in + lo + hi - span) / stride) + 1, is
    // a VALID window over the padded input; explicit padding is what SAME computes for
    // every size only with stride 1 (total (k - 1) * d, the odd element after).
    let mut same = true;
    for i in 0..2 {
        let [lo, hi] = pads[i];
        if lo < 0 || hi < 0 || strides[i] < 1 || window[i] < 1 || dilation[i] < 1 {
            return None;
        }
        if input[i] >= 0 && out[i] >= 0 {
            let one = window_padding_static([input[i]; 2], [window[i]; 2], [strides[i]; 2], [dilation[i]; 2], [pads[i]; 2], [out[i]; 2])?;
            same &= one == WindowPadding::Same || (one == WindowPadding::Valid && same_padding(input[i], window[i], strides[i], dilation[i]).0 == [0, 0]);
        } else {
            let total = (window[i] - 1) * dilation[i];
            same &= strides[i] == 1 && [lo, hi] == [total / 2, total - total / 2];
        }
    }
    Some(if pads == [[0, 0]; 2] {
        WindowPadding::Valid
    } else if same {
        WindowPadding::Same
    } else {
        WindowPadding::Explicit(pads)
    })
}

/// `window_padding` of static sizes.
fn window_padding_static(
    input: [i64; 2],
    window: [i64; 2],
    strides: [i64; 2],
    dilation: [i64; 2],
    pads: [[i64; 2]; 2],
    out: [i64; 2],
) -> Option<WindowPadding> {
    let mut used = [[0i64; 2]; 2];
    for i in 0..2 {
        // In i128: sizes and attributes are whatever the verifier admits.
        let w = |v: i64| v as i128;
        let [lo, hi] = pads[i];
        if lo < 0 || hi < 0 || strides[i] < 1 {
            return None;
        }
        let span = (w(window[i]) - 1) * w(dilation[i]) + 1;
        // Between 0 and `hi`: it fits an i64.
        let hi = w(hi).min((w(out[i]) - 1) * w(strides[i]) + span - w(input[i]) - w(lo)).max(0);
        let padded = w(input[i]) + w(lo) + hi;
        if padded < span || (padded - span) / w(strides[i]) + 1 != w(out[i]) {
            return None;
        }
        used[i] = [lo, hi as i64];
    }
    if used == [[0, 0]; 2] {
        return Some(WindowPadding::Valid);
    }
    let same = (0..2).all(|i| same_padding(input[i], window[i], strides[i], dilation[i]) == (used[i], out[i]));
    Some(if same { WindowPadding::Same } else { WindowPadding::Explicit(used) })
}

/// The result of a 2-D convolution of `x` with `w` laid out as `dn` says (see
/// `convolution`), in the output's layout, or `None` for a group count TFLite has no
/// kernel for, or negative padding.
#[allow(clippy::too_many_arguments)]
fn conv_2d<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    w: Value<'c>,
    dn: &ConvDims,
    strides: [i64; 2],
    dilation: [i64; 2],
    pads: [i64; 4],
    groups: i64,
    out: &[i64],
) -> Option<Value<'c>> {
    let (xt, wt) = (ty(x), ty(w));
    let (xd, wd) = (xt.dims(), wt.dims());
    let at = |dims: &[i64], d: i64| dims.get(d as usize).copied();
    let (cin, cout, fin) =
        (at(xd, dn.input_feature)?, at(wd, dn.kernel_output_feature)?, at(wd, dn.kernel_input_feature)?);
    if groups < 1 || cin % groups != 0 || cout % groups != 0 || fin * groups != cin {
        return None;
    }
    // Each tensor's dims in NHWC (OHWI) order.
    let (xp, wp, op_) = (dn.input_channel_last(), dn.kernel_ohwi(), dn.output_channel_last());
    let size = |dims: &[i64], perm: &[i64], i: usize| at(dims, perm[i]);
    let input = [size(xd, &xp, 1)?, size(xd, &xp, 2)?];
    let window = [size(wd, &wp, 1)?, size(wd, &wp, 2)?];
    let out_nhwc_dims = [size(out, &op_, 0)?, size(out, &op_, 1)?, size(out, &op_, 2)?, size(out, &op_, 3)?];
    let padding = window_padding(
        input,
        window,
        strides,
        dilation,
        [[pads[0], pads[1]], [pads[2], pads[3]]],
        [out_nhwc_dims[1], out_nhwc_dims[2]],
    )?;
    let depthwise = groups > 1 && groups == cin && fin == 1;
    let nhwc = padded_nhwc(rw, op, x, &xp, &padding, None);
    // OHWI for conv_2d; [1, H, W, O] (the unit input feature first) for depthwise.
    let filter = if depthwise {
        permuted(rw, op, w, &[dn.kernel_input_feature, wp[1], wp[2], dn.kernel_output_feature])
    } else {
        permuted(rw, op, w, &wp)
    };
    let none = no_value(rw, op);
    let out_nhwc = like(x, &out_nhwc_dims);
    let mut attrs = vec![
        ("dilation_h_factor", i32_attr(op, dilation[0])),
        ("dilation_w_factor", i32_attr(op, dilation[1])),
        ("fused_activation_function", op.context().string_attr("NONE")),
        ("padding", op.context().string_attr(padding_name(&padding))),
        ("stride_h", i32_attr(op, strides[0])),
        ("stride_w", i32_attr(op, strides[1])),
    ];
    let name = if depthwise {
        attrs.push(("depth_multiplier", i32_attr(op, cout / cin)));
        tfl::DepthwiseConv2d::NAME
    } else {
        tfl::Conv2d::NAME
    };
    let conv = emit(rw, op, name, &[nhwc, filter, none], out_nhwc, &attrs);
    Some(permuted(rw, op, conv, &inverse(&op_)))
}

/// The permutation that undoes `perm`.
pub(super) fn inverse(perm: &[i64]) -> Vec<i64> {
    let mut inv = vec![0; perm.len()];
    for (i, &p) in perm.iter().enumerate() {
        if let Some(slot) = inv.get_mut(p as usize) {
            *slot = i as i64;
        }
    }
    inv
}

/// `v` transposed by `perm`, or `v` itself when `perm` is the identity.
pub(super) fn permuted<'c>(rw: &mut Rewriter<'c>, anchor: Op<'c>, v: Value<'c>, perm: &[i64]) -> Value<'c> {
    if perm.iter().enumerate().all(|(i, &p)| p == i as i64) {
        v
    } else {
        tfl_transpose(rw, anchor, v, perm)
    }
}

/// The `padding` attribute of a window op padded as `p` (explicit padding is a pad op
/// before a VALID window op).
fn padding_name(p: &WindowPadding) -> &'static str {
    if *p == WindowPadding::Same {
        "SAME"
    } else {
        "VALID"
    }
}

/// `x` transposed to NHWC by `to_nhwc`, then padded by the explicit padding of `p` if
/// any (with zeros, or with `value` through `tfl.padv2`).
fn padded_nhwc<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    to_nhwc: &[i64],
    p: &WindowPadding,
    value: Option<f64>,
) -> Value<'c> {
    let nhwc = permuted(rw, op, x, to_nhwc);
    let WindowPadding::Explicit([[t, b], [l, r]]) = *p else { return nhwc };
    let paddings = paddings_const(rw, op, &[[0, 0], [t, b], [l, r], [0, 0]]);
    let d = ty(nhwc);
    let grown = |n: i64, p: i64| if n < 0 { n } else { n + p };
    let padded = like(nhwc, &[d.dims()[0], grown(d.dims()[1], t + b), grown(d.dims()[2], l + r), d.dims()[3]]);
    match value {
        None => emit(rw, op, tfl::Pad::NAME, &[nhwc, paddings], padded, &[]),
        Some(v) => {
            let scalar = tensor_type(&[], elem_of(x));
            let c = {
                let a = op.context().float_splat(scalar, v as f32);
                const_attr(rw, op, a)
            };
            emit(rw, op, tfl::Padv2::NAME, &[nhwc, paddings, c], padded, &[])
        }
    }
}

/// A transposed convolution's filter un-reversed: the source of the reverse that made
/// it (the convolution is pointed at the source, so the reverse can go now), else a
/// reverse of it.
fn unreversed_filter<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, w: Value<'c>, spatial: &[i64]) -> Value<'c> {
    match reversed_source(w, spatial) {
        Some((rev, source)) => {
            rw.set_operand(op, 1, source);
            erase_dead(rw, rev);
            source
        }
        None => reversed(rw, op, w, spatial),
    }
}

/// The operand of a reverse over exactly `dims` that defines `v` (a `tfl.reverse_v2`
/// already legalized, or a `stablehlo.reverse`), if `v` is only used once.
fn reversed_source<'c>(v: Value<'c>, dims: &[i64]) -> Option<(Op<'c>, Value<'c>)> {
    let def = v.defining_op()?;
    if v.use_count() != 1 {
        return None;
    }
    let reversed = if def.isa::<tfl::ReverseV2>() {
        def.operand(1).const_ints()?
    } else if def.isa::<hlo::Reverse>() {
        def.attr("dimensions")?.as_ints()?
    } else {
        return None;
    };
    (reversed == dims).then(|| (def, def.operand(0)))
}

/// Erases `op` and then its operands' defining constants, when nothing uses them.
fn erase_dead<'c>(rw: &mut Rewriter<'c>, op: Op<'c>) {
    let ins = op.operands();
    if !op.is_unused() {
        return;
    }
    rw.erase_op(op);
    for v in ins {
        if let Some(d) = v.defining_op().filter(|d| d.name() == tfl::PseudoConst::NAME && v.use_count() == 0) {
            rw.erase_op(d);
        }
    }
}

/// The result of a transposed convolution as StableHLO writes it, in the output's
/// layout: input dilated by `s`, padded by `pads`, correlated with the spatially
/// reversed filter `w` (dims as `dn` says). TFLite's `transpose_conv` scatters with the
/// unreversed filter (OHWI), so the reverse is dropped (or, if `w` is not a reverse,
/// one is added); the VALID output of `(in - 1) * s + k` is then cropped (and
/// zero-padded at the end) to StableHLO's window.
fn transposed_conv<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    w: Value<'c>,
    dn: &ConvDims,
    s: [i64; 2],
    pads: [i64; 4],
    out: &[i64],
) -> Option<Value<'c>> {
    let (xd, wd) = (ty(x).dims().to_vec(), ty(w).dims().to_vec());
    let (xp, wp, op_) = (dn.input_channel_last(), dn.kernel_ohwi(), dn.output_channel_last());
    let at = |dims: &[i64], d: i64| dims.get(d as usize).copied();
    let (k, input) = ([at(&wd, wp[1])?, at(&wd, wp[2])?], [at(&xd, xp[1])?, at(&xd, xp[2])?]);
    let full = [(input[0] - 1) * s[0] + k[0], (input[1] - 1) * s[1] + k[1]];
    let top = [k[0] - 1 - pads[0], k[1] - 1 - pads[2]];
    let (n, o, oh, ow) = (at(out, op_[0])?, at(out, op_[3])?, at(out, op_[1])?, at(out, op_[2])?);
    // Nothing is changed before here: `None` leaves the op as it was.
    if top.iter().any(|&t| t < 0) || ty(x).elem != ElemTy::F32 {
        return None;
    }
    let unreversed = unreversed_filter(rw, op, w, &dn.kernel_spatial);
    let filter = permuted(rw, op, unreversed, &wp);
    let nhwc = permuted(rw, op, x, &xp);
    let shape = i32_const(rw, op, &[n, full[0], full[1], o]);
    let none = no_value(rw, op);
    let attrs = [
        ("fused_activation_function", op.context().string_attr("NONE")),
        ("padding", op.context().string_attr("VALID")),
        ("stride_h", i32_attr(op, s[0])),
        ("stride_w", i32_attr(op, s[1])),
    ];
    let mut y = emit(
        rw,
        op,
        tfl::TransposeConv::NAME,
        &[shape, filter, nhwc, none],
        like(x, &[n, full[0], full[1], o]),
        &attrs,
    );
    let extra = [(top[0] + oh - full[0]).max(0), (top[1] + ow - full[1]).max(0)];
    if extra.iter().any(|&e| e > 0) {
        let p = paddings_const(rw, op, &[[0, 0], [0, extra[0]], [0, extra[1]], [0, 0]]);
        y = emit(rw, op, tfl::Pad::NAME, &[y, p], like(x, &[n, full[0] + extra[0], full[1] + extra[1], o]), &[]);
    }
    if top != [0, 0] || oh != full[0] || ow != full[1] {
        let (b, sz) = (i32_const(rw, op, &[0, top[0], top[1], 0]), i32_const(rw, op, &[n, oh, ow, o]));
        y = emit(rw, op, tfl::Slice::NAME, &[y, b, sz], like(x, &[n, oh, ow, o]), &[]);
    }
    Some(permuted(rw, op, y, &inverse(&op_)))
}

/// `transposed_conv` with unknown batch or spatial sizes: SAME padding when the window
/// lies inside SAME's output (`in * s`, its shape a product LiteRT computes when
/// allocating), else the output shape operand is
/// `shape(x) * [1, s, s, 0] + [0, k - s, k - s, O]` at run time, and the window is cut
/// with sizes that do not depend on the input's: `k - 1 - lo` in front and
/// `k - 1 - hi` at the end (a negative cut is a zero pad, as in the static form).
fn transposed_conv_dynamic<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    w: Value<'c>,
    dn: &ConvDims,
    s: [i64; 2],
    pads: [i64; 4],
) -> Option<Value<'c>> {
    let wd = ty(w).dims().to_vec();
    let (xp, wp, op_) = (dn.input_channel_last(), dn.kernel_ohwi(), dn.output_channel_last());
    let at = |dims: &[i64], d: i64| dims.get(d as usize).copied();
    let k = [at(&wd, wp[1])?, at(&wd, wp[2])?];
    let o = at(&wd, wp[0])?;
    let top = [k[0] - 1 - pads[0], k[1] - 1 - pads[2]];
    let cut = [k[0] - 1 - pads[1], k[1] - 1 - pads[3]];
    if top.iter().any(|&t| t < 0) || ty(x).elem != ElemTy::F32 || o < 0 || k.iter().any(|&n| n < 1) {
        return None;
    }
    let unreversed = unreversed_filter(rw, op, w, &dn.kernel_spatial);
    let filter = permuted(rw, op, unreversed, &wp);
    let nhwc = permuted(rw, op, x, &xp);
    let nd = ty(nhwc).dims().to_vec();
    let none_act = ("fused_activation_function", op.context().string_attr("NONE"));
    // SAME's output, `in * s`, is the full one from `max(k - s, 0) / 2` on: when the
    // window lies inside it, the output shape needs no ADD (which LiteRT computes at
    // every run, re-sizing everything after it): `shape(x)[:3] * [1, s, s]` and `O`.
    let same_from = [(k[0] - s[0]).max(0) / 2, (k[1] - s[1]).max(0) / 2];
    let same = (0..2).all(|i| top[i] >= same_from[i] && k[i] - s[i] - cut[i] <= same_from[i]);
    if same {
        let sh = super::dynamic::shape_of(rw, op, nhwc);
        let i32t = i32_type(op);
        let (b, e, one) = (i32_const(rw, op, &[0]), i32_const(rw, op, &[3]), i32_const(rw, op, &[1]));
        let sattrs = strided_slice_masks(op.context(), 0, 0, 0);
        let lead = emit(rw, op, tfl::StridedSlice::NAME, &[sh, b, e, one], tensor_type(&[3], i32t), &sattrs);
        let scale = i32_const(rw, op, &[1, s[0], s[1]]);
        let lead = emit(rw, op, tfl::Mul::NAME, &[lead, scale], tensor_type(&[3], i32t), &[none_act]);
        let oc = i32_const(rw, op, &[o]);
        let axis = ("axis", i32_attr(op, 0));
        let shape = emit(rw, op, tfl::Concatenation::NAME, &[lead, oc], tensor_type(&[4], i32t), &[axis, none_act]);
        let times = |n: i64, i: usize| if n < 0 { -1 } else { n * s[i] };
        let dims = [nd[0], times(nd[1], 0), times(nd[2], 1), o];
        let none = no_value(rw, op);
        let attrs = [
            ("fused_activation_function", op.context().string_attr("NONE")),
            ("padding", op.context().string_attr("SAME")),
            ("stride_h", i32_attr(op, s[0])),
            ("stride_w", i32_attr(op, s[1])),
        ];
        let mut y = emit(rw, op, tfl::TransposeConv::NAME, &[shape, filter, nhwc, none], like(x, &dims), &attrs);
        // The window inside SAME's: `top - from` in front, what is left at the end.
        let front = [top[0] - same_from[0], top[1] - same_from[1]];
        let back = [same_from[0] + s[0] - k[0] + cut[0], same_from[1] + s[1] - k[1] + cut[1]];
        if front != [0, 0] || back != [0, 0] {
            y = cropped_hw(rw, op, y, x, [dims[0], dims[1], dims[2], o], front, back);
        }
        return Some(permuted(rw, op, y, &inverse(&op_)));
    }
    let grown = |n: i64, i: usize| if n < 0 { -1 } else { (n - 1) * s[i] + k[i] };
    let full = [nd[0], grown(nd[1], 0), grown(nd[2], 1), o];
    let shape = {
        let sh = super::dynamic::shape_of(rw, op, nhwc);
        let scale = i32_const(rw, op, &[1, s[0], s[1], 0]);
        let offset = i32_const(rw, op, &[0, k[0] - s[0], k[1] - s[1], o]);
        let t = sh.raw_type();
        let m = emit(rw, op, tfl::Mul::NAME, &[sh, scale], t, &[none_act]);
        emit(rw, op, tfl::Add::NAME, &[m, offset], t, &[none_act])
    };
    let none = no_value(rw, op);
    let attrs = [
        ("fused_activation_function", op.context().string_attr("NONE")),
        ("padding", op.context().string_attr("VALID")),
        ("stride_h", i32_attr(op, s[0])),
        ("stride_w", i32_attr(op, s[1])),
    ];
    let mut y = emit(rw, op, tfl::TransposeConv::NAME, &[shape, filter, nhwc, none], like(x, &full), &attrs);
    let extra = [(-cut[0]).max(0), (-cut[1]).max(0)];
    let mut dims = full;
    if extra.iter().any(|&e| e > 0) {
        let p = paddings_const(rw, op, &[[0, 0], [0, extra[0]], [0, extra[1]], [0, 0]]);
        dims = [dims[0], if dims[1] < 0 { -1 } else { dims[1] + extra[0] }, if dims[2] < 0 { -1 } else { dims[2] + extra[1] }, o];
        y = emit(rw, op, tfl::Pad::NAME, &[y, p], like(x, &dims), &[]);
    }
    let cut = [cut[0].max(0), cut[1].max(0)];
    if top != [0, 0] || cut != [0, 0] {
        y = cropped_hw(rw, op, y, x, dims, top, cut);
    }
    Some(permuted(rw, op, y, &inverse(&op_)))
}

/// NHWC `y` (`dims`, sizes known or -1) without `front` rows/columns at the start and
/// `back` at the end of H and W: a `tfl.strided_slice` whose end indices count from the
/// end (negative), so no size is needed; a dim cut by nothing at the end takes its end.
/// The element type is `x`'s.
fn cropped_hw<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, y: Value<'c>, x: Value<'c>, dims: [i64; 4], front: [i64; 2], back: [i64; 2]) -> Value<'c> {
    let end_mask = 1 | 8 | if back[0] == 0 { 2 } else { 0 } | if back[1] == 0 { 4 } else { 0 };
    let (b, e, st) = (i32_const(rw, op, &[0, front[0], front[1], 0]), i32_const(rw, op, &[0, -back[0], -back[1], 0]), i32_const(rw, op, &[1, 1, 1, 1]));
    let size = |n: i64, i: usize| if n < 0 { -1 } else { n - front[i] - back[i] };
    let sliced = [dims[0], size(dims[1], 0), size(dims[2], 1), dims[3]];
    let sattrs = strided_slice_masks(op.context(), 0, end_mask, 0);
    emit(rw, op, tfl::StridedSlice::NAME, &[y, b, e, st], like(x, &sliced), &sattrs)
}

/// `w` reversed along `axes`: a new constant when `w` is one (`tfl-fold-constants` has
/// no reverse, and LiteRT would reverse the weights at every run), else a
/// `tfl.reverse_v2`.
fn reversed<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, w: Value<'c>, axes: &[i64]) -> Value<'c> {
    if let Some(r) = crate::constant::read(w).and_then(|c| reverse_const(&c, axes)) {
        return crate::constant::insert_owned(rw, r);
    }
    let a = i32_const(rw, op, axes);
    emit(rw, op, tfl::ReverseV2::NAME, &[w, a], like(w, ty(w).dims()), &[])
}

/// `c` with its elements in reverse order along `axes`.
fn reverse_const(c: &crate::constant::ConstTensor, axes: &[i64]) -> Option<crate::constant::ConstTensor> {
    let n = c.num_elements();
    let width = c.bytes.len().checked_div(n)?;
    if width * n != c.bytes.len() || axes.iter().any(|&a| a < 0 || a as usize >= c.shape.len()) {
        return None;
    }
    let strides = crate::constant::strides(&c.shape);
    let mut bytes = vec![0u8; c.bytes.len()];
    for i in 0..n {
        let mut j = 0i64;
        for (d, (&size, &stride)) in c.shape.iter().zip(&strides).enumerate() {
            let at = (i as i64 / stride) % size;
            j += if axes.contains(&(d as i64)) { size - 1 - at } else { at } * stride;
        }
        let j = j as usize;
        bytes[j * width..(j + 1) * width].copy_from_slice(&c.bytes[i * width..(i + 1) * width]);
    }
    Some(crate::constant::ConstTensor { bytes, ..c.clone() })
}

/// The single body op of a one-block region whose op combines the two block arguments
/// and is returned, e.g. `stablehlo.maximum`.
pub(super) fn binary_body<'c>(op: Op<'c>) -> Option<&'c str> {
    let body = op.body()?;
    let first = body.first_op()?;
    if body.num_arguments() < 2 {
        return None;
    }
    let (a, b) = (body.argument(0), body.argument(1));
    let o = first.operands();
    let uses_args = o.len() == 2 && ((o[0] == a && o[1] == b) || (o[0] == b && o[1] == a));
    let ret = first.next()?;
    (uses_args && ret.isa::<hlo::Return>()).then(|| first.name())
}

/// `reduce_window` forms:
/// - 2-D pooling in any layout: the window, strides and padding are 1 / 1 / 0 in two
///   dims (batch and channel, whichever they are) and pool the other two (H, W), which
///   are moved into NHWC (no transpose when they already are, as in JAX's NHWC; NCHW
///   takes one each way, which `tfl-layout-nhwc` cancels). No dilation. A maximum body
///   with init -inf is `tfl.max_pool_2d`; an add body with init 0 is a window sum,
///   `tfl.average_pool_2d` (see `average_pool`). Padding is SAME when it is what SAME
///   computes, else a pad op (-inf for max pooling) before a VALID pool. A 1-D max pool
///   (rank 3) is the 2-D one with a unit dim inserted before the pooled dim.
/// - A prefix sum along one dim (window the dim's size, padded by size - 1 in front,
///   PyTorch's cumsum; or behind, a reversed cumsum) is `tfl.cumsum`.
fn reduce_window<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 2 {
        return Ok(None);
    }
    let Some(body) = binary_body(op) else { return Ok(None) };
    let ints = |n: &str| op.attr(n).and_then(|a| a.as_ints());
    let (Some(window), Some(strides)) = (ints("window_dimensions"), ints("window_strides")) else { return Ok(None) };
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    if !unit(ints("window_dilations")) || !unit(ints("base_dilations")) {
        return Ok(None);
    }
    let rank = window.len();
    let Some(pads) = window_pads(op, rank) else { return Ok(None) };
    let (x, init) = (ins[0], splat_through(ins[1]));
    let (xt, out) = (ty(x), ty(op.result(0)));
    // Unknown dims are fine: TFLite's pools size their output at Prepare.
    if xt.rank() != Some(rank) || out.rank() != Some(rank) || strides.len() != rank {
        return Ok(None);
    }
    if body == hlo::Add::NAME && init == Some(0.0) {
        if let Some(axis) = prefix_axis(xt.dims(), &window, &strides, &pads) {
            return cumsum(rw, op, x, axis);
        }
    }
    if !(rank == 3 || rank == 4) || xt.elem != ElemTy::F32 {
        return Ok(None);
    }
    let pooled: Vec<usize> = (0..rank).filter(|&d| window[d] != 1 || strides[d] != 1 || pads[d] != [0, 0]).collect();
    if rank == 4 {
        let Some(to_nhwc) = pool_layout(&pooled) else { return Ok(None) };
        let [h, w] = [to_nhwc[1] as usize, to_nhwc[2] as usize];
        let (k, st) = ([window[h], window[w]], [strides[h], strides[w]]);
        return Ok(
            pool_2d(rw, op, x, &to_nhwc, &body, init, k, st, [pads[h], pads[w]], out.dims())?.and_then(defining_op)
        );
    }
    // A 1-D max pool is a 2-D one with a unit dim before the pooled one. (An average
    // pool's divisor is a separate op over the rank-3 result, which `average_pool` does
    // not follow.)
    let p = match pooled[..] {
        [] => 2,
        [p] => p,
        _ => return Ok(None),
    };
    if body != hlo::Maximum::NAME {
        return Ok(None);
    }
    let unit_at = |dims: &[i64]| -> Vec<i64> {
        let mut v = dims.to_vec();
        v.insert(p, 1);
        v
    };
    let Some(x4) = super::dynamic::reshape_any(rw, op, x, &unit_at(xt.dims())) else { return Ok(None) };
    let out4 = unit_at(out.dims());
    let Some(to_nhwc) = pool_layout(&[p, p + 1]) else { return Ok(None) };
    let Some(y) =
        pool_2d(rw, op, x4, &to_nhwc, &body, init, [1, window[p]], [1, strides[p]], [[0, 0], pads[p]], &out4)?
    else {
        return Ok(None);
    };
    Ok(super::dynamic::reshape_any(rw, op, y, out.dims()).and_then(defining_op))
}

/// The permutation taking a rank-4 pooling operand to NHWC, given the dims its window
/// pools: those are H and W (with a dim that is not pooled when fewer than two are;
/// NCHW's when they fit it), and the other two, in order, N and C. `None` when more
/// than two dims are pooled.
fn pool_layout(pooled: &[usize]) -> Option<[i64; 4]> {
    if pooled.len() > 2 {
        return None;
    }
    let spatial: Vec<usize> = if pooled.iter().all(|&d| d >= 2) {
        vec![2, 3]
    } else if pooled.iter().all(|&d| (1..=2).contains(&d)) {
        vec![1, 2]
    } else if pooled.len() == 2 {
        pooled.to_vec()
    } else {
        // One pooled dim outside both: pair it with the next free dim.
        let d = *pooled.first()?;
        let other = (0..4).find(|&o| o != d && (o > d || o == 3))?;
        let mut v = vec![d, other];
        v.sort_unstable();
        v
    };
    if spatial.len() != 2 || spatial.iter().any(|&d| d > 3) || spatial[0] == spatial[1] {
        return None;
    }
    let rest: Vec<usize> = (0..4).filter(|d| !spatial.contains(d)).collect();
    Some([rest[0] as i64, spatial[0] as i64, spatial[1] as i64, rest[1] as i64])
}

/// A max or average pool over H and W of `x` (`to_nhwc` takes it to NHWC; window `k`,
/// strides `st`, explicit `pads` of H and W) as the NHWC TFL pool; the result in `x`'s
/// layout.
#[allow(clippy::too_many_arguments)]
fn pool_2d<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    to_nhwc: &[i64; 4],
    body: &str,
    init: Option<f64>,
    k: [i64; 2],
    st: [i64; 2],
    pads: [[i64; 2]; 2],
    od: &[i64],
) -> Result<Option<Value<'c>>, String> {
    let pads_hw = pads;
    let xt = ty(x);
    let xd = xt.dims();
    let [n, h, w, c] = to_nhwc.map(|d| d as usize);
    let Some(padding) = window_padding([xd[h], xd[w]], k, st, [1, 1], pads, [od[h], od[w]]) else {
        return Ok(None);
    };
    let attrs = [
        ("filter_height", i32_attr(op, k[0])),
        ("filter_width", i32_attr(op, k[1])),
        ("fused_activation_function", op.context().string_attr("NONE")),
        ("padding", op.context().string_attr(padding_name(&padding))),
        ("stride_h", i32_attr(op, st[0])),
        ("stride_w", i32_attr(op, st[1])),
    ];
    let out_nhwc = like(op.result(0), &[od[n], od[h], od[w], od[c]]);
    if body == hlo::Maximum::NAME && init == Some(f64::NEG_INFINITY) {
        let nhwc = padded_nhwc(rw, op, x, to_nhwc, &padding, Some(f64::NEG_INFINITY));
        let y = emit(rw, op, tfl::MaxPool2d::NAME, &[nhwc], out_nhwc, &attrs);
        Ok(Some(permuted(rw, op, y, &inverse(to_nhwc))))
    } else if body == hlo::Add::NAME && init == Some(0.0) {
        let hw_known = [xd[h], xd[w], od[h], od[w]].iter().all(|&d| d >= 0);
        if !hw_known {
            return Ok(average_pool_dynamic(rw, op, x, to_nhwc, k, st, pads_hw, &padding, out_nhwc, &attrs).map(result_of));
        }
        Ok(average_pool(rw, op, x, to_nhwc, k, st, &padding, out_nhwc, &attrs).map(result_of))
    } else {
        Ok(None)
    }
}

/// The `[lo, hi]` padding of each of `rank` dims of a window op (zero when absent).
pub(super) fn window_pads<'c>(op: Op<'c>, rank: usize) -> Option<Vec<[i64; 2]>> {
    match op.attr("padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 2 * rank => {
            Some(v.chunks(2).map(|c| [c[0], c[1]]).collect())
        }
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => Some(vec![[v[0], v[0]]; rank]),
        None => Some(vec![[0, 0]; rank]),
        _ => None,
    }
}

/// The dim a window op sums every prefix (or suffix) of, as `(axis, reverse)`: the
/// window spans that whole dim of size > 1 and is padded by size - 1 on one side;
/// every other dim has window 1 and no padding; all strides 1.
pub(super) fn prefix_axis(dims: &[i64], window: &[i64], strides: &[i64], pads: &[[i64; 2]]) -> Option<(usize, bool)> {
    if strides.iter().any(|&s| s != 1) {
        return None;
    }
    let mut found = None;
    for (d, &n) in dims.iter().enumerate() {
        if window[d] == 1 && pads[d] == [0, 0] {
            continue;
        }
        if found.is_some() || n < 2 || window[d] != n {
            return None;
        }
        found = Some(match pads[d] {
            p if p == [n - 1, 0] => (d, false),
            p if p == [0, n - 1] => (d, true),
            _ => return None,
        });
    }
    found
}

/// `tfl.cumsum(x, axis)`, reversed for a suffix sum.
fn cumsum<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    (axis, reverse): (usize, bool),
) -> Result<Option<Op<'c>>, String> {
    let a = number_const(rw, op, &[], i32_type(op), &[axis as f64])?;
    let attrs = [("exclusive", bool_attr(op, false)), ("reverse", bool_attr(op, reverse))];
    Ok(Some(rw.create(tfl::Cumsum::NAME, &[x, a], &op.result_types(), &attrs)))
}

/// A 2-D window sum `op` of `x` (`to_nhwc` takes it to NHWC) as
/// `tfl.average_pool_2d`, times a constant that
/// turns TFLite's divisor into the one the program divides by. TFLite divides by the
/// window area (VALID, or a zero pad before VALID) or by the number of in-bounds
/// elements (SAME). The program's divisor is that of the one divide using the sum:
/// by a constant (a window area, `divisor_override`), or by a window sum of ones
/// (PyTorch's count of the elements each window covers, with or without the explicit
/// padding: `count_include_pad`); with no such divide it is 1. A divide taken over is
/// erased, with the counting window sum, so SAME pooling with PyTorch's
/// `count_include_pad=False` is one op.
#[allow(clippy::too_many_arguments)]
fn average_pool<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    to_nhwc: &[i64; 4],
    k: [i64; 2],
    st: [i64; 2],
    padding: &WindowPadding,
    out_nhwc: Type<'c>,
    attrs: &[(&str, Attribute<'c>)],
) -> Option<Op<'c>> {
    let (input, o) = (ty(x).dims().to_vec(), ty(op.result(0)).dims().to_vec());
    let hw = [to_nhwc[1] as usize, to_nhwc[2] as usize];
    let (oh, ow) = (o[hw[0]], o[hw[1]]);
    let (divide, program) = match pool_divisor(op, hw, k, st, [oh, ow]) {
        Some((d, v)) => (Some(d), v),
        None => (None, vec![1.0; (oh * ow) as usize]),
    };
    let counts = |i: usize, n: i64| -> Vec<f64> {
        match padding {
            WindowPadding::Same => {
                let lo = same_padding(input[hw[i]], k[i], st[i], 1).0[0];
                (0..n).map(|j| covered(j * st[i] - lo, k[i], input[hw[i]]) as f64).collect()
            }
            _ => vec![k[i] as f64; n as usize],
        }
    };
    let (ch, cw) = (counts(0, oh), counts(1, ow));
    let scale: Vec<f64> =
        (0..(oh * ow) as usize).map(|p| ch[p / ow as usize] * cw[p % ow as usize] / program[p]).collect();
    let nhwc = padded_nhwc(rw, op, x, to_nhwc, padding, None);
    let mut y = emit(rw, op, tfl::AveragePool2d::NAME, &[nhwc], out_nhwc, attrs);
    if scale.iter().any(|&s| s != 1.0) {
        let f32t = op.context().f32();
        let c = if scale.iter().all(|&s| s == scale[0]) {
            number_const(rw, op, &[], f32t, &scale[..1])
        } else {
            number_const(rw, op, &[1, oh, ow, 1], f32t, &scale)
        }
        .ok()?;
        y = emit(
            rw,
            op,
            tfl::Mul::NAME,
            &[y, c],
            out_nhwc,
            &[("fused_activation_function", op.context().string_attr("NONE"))],
        );
    }
    let back = permuted(rw, op, y, &inverse(to_nhwc));
    if let Some(d) = divide {
        rw.replace_all_uses(d.result(0), back);
        erase_with_dead_producers(rw, d, op);
    }
    back.defining_op()
}

/// `average_pool` with unknown H or W, where the divisor cannot vary by position at
/// compile time: TFLite's divisor (the window area, or with SAME the in-bounds count)
/// must be the program's up to one constant factor. The program divides by a constant
/// (SAME padding is then an explicit zero pad, so TFLite divides by the area), by the
/// count of a window sum of ones with the same padding (what SAME or VALID divide by),
/// or not at all.
#[allow(clippy::too_many_arguments)]
fn average_pool_dynamic<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    to_nhwc: &[i64; 4],
    k: [i64; 2],
    st: [i64; 2],
    pads: [[i64; 2]; 2],
    padding: &WindowPadding,
    out_nhwc: Type<'c>,
    attrs: &[(&str, Attribute<'c>)],
) -> Option<Op<'c>> {
    let hw = [to_nhwc[1] as usize, to_nhwc[2] as usize];
    let area = (k[0] * k[1]) as f64;
    let explicit = || if pads == [[0, 0]; 2] { WindowPadding::Valid } else { WindowPadding::Explicit(pads) };
    let (divide, padding, scale) = match dynamic_pool_divisor(op, hw, k, st, pads) {
        Some((d, None)) if !matches!(padding, WindowPadding::Explicit(_)) => (Some(d), padding.clone(), 1.0),
        Some((_, None)) => return None,
        Some((d, Some(v))) => (Some(d), explicit(), area / v),
        None => (None, explicit(), area),
    };
    let attrs: Vec<(&str, Attribute<'c>)> = attrs
        .iter()
        .map(|&(n, a)| if n == "padding" { (n, op.context().string_attr(padding_name(&padding))) } else { (n, a) })
        .collect();
    let nhwc = padded_nhwc(rw, op, x, to_nhwc, &padding, None);
    let mut y = emit(rw, op, tfl::AveragePool2d::NAME, &[nhwc], out_nhwc, &attrs);
    if scale != 1.0 {
        let c = number_const(rw, op, &[], op.context().f32(), &[scale]).ok()?;
        let none = ("fused_activation_function", op.context().string_attr("NONE"));
        y = emit(rw, op, tfl::Mul::NAME, &[y, c], out_nhwc, &[none]);
    }
    let back = permuted(rw, op, y, &inverse(to_nhwc));
    if let Some(d) = divide {
        rw.replace_all_uses(d.result(0), back);
        erase_with_dead_producers(rw, d, op);
    }
    back.defining_op()
}

/// The one `stablehlo.divide` of the window sum `op` (see `pool_divisor`) when its
/// divisor is a constant (`Some(v)`) or a window sum of ones with the same window,
/// strides and padding (`None`: the count of pooled elements), for unknown sizes.
fn dynamic_pool_divisor<'c>(
    op: Op<'c>,
    hw: [usize; 2],
    k: [i64; 2],
    st: [i64; 2],
    pads: [[i64; 2]; 2],
) -> Option<(Op<'c>, Option<f64>)> {
    let rank = ty(op.result(0)).dims().len();
    let expected = |vals: [i64; 2]| -> Vec<i64> {
        (0..rank).map(|d| hw.iter().position(|&x| x == d).map_or(1, |i| vals[i])).collect()
    };
    match super::window::divisor_of(op, &expected(k), &expected(st))? {
        (div, super::window::Divisor::Constant(v)) => Some((div, Some(v))),
        (div, super::window::Divisor::Count { pads: cpads, .. }) => {
            let same_pads = (0..rank).all(|d| match hw.iter().position(|&x| x == d) {
                Some(i) => cpads[d] == pads[i],
                None => cpads[d] == [0, 0],
            });
            same_pads.then_some((div, None))
        }
    }
}

/// How many of the `k` positions from `start` lie in `[0, n)`.
fn covered(start: i64, k: i64, n: i64) -> i64 {
    ((start + k).min(n) - start.max(0)).max(0)
}

/// The one `stablehlo.divide` that divides the window sum `op` (window `k` and strides
/// `st` over dims `hw`, output `[oh, ow]` there), and its divisor at each output
/// position (row-major over `[oh, ow]`, the same for every batch and channel), if it is
/// a constant splat or a window sum of ones (the count of pooled elements, without
/// padding).
fn pool_divisor<'c>(op: Op<'c>, hw: [usize; 2], k: [i64; 2], st: [i64; 2], o: [i64; 2]) -> Option<(Op<'c>, Vec<f64>)> {
    let sum = op.result(0);
    let [(div, 0)] = sum.uses()[..] else { return None };
    if !div.isa::<hlo::Divide>() || !sum.same_type(div.result(0)) || !sum.same_type(div.operand(1)) {
        return None;
    }
    let d = div.operand(1);
    let n = (o[0] * o[1]) as usize;
    if let Some(v) = splat_through(d) {
        return Some((div, vec![v; n]));
    }
    let c = d.defining_op().filter(|c| c.isa::<hlo::ReduceWindow>())?;
    let ins = c.operands();
    let ints = |n: &str| c.attr(n).and_then(|a| a.as_ints());
    let unit = |v: Option<Vec<i64>>| v.is_none_or(|v| v.iter().all(|&d| d == 1));
    // The same window over the same dims: `k` / `st` at H and W, 1 elsewhere.
    let rank = ty(sum).dims().len();
    let expected = |vals: [i64; 2]| -> Vec<i64> {
        (0..rank).map(|d| hw.iter().position(|&x| x == d).map_or(1, |i| vals[i])).collect()
    };
    let counting = ins.len() == 2
        && binary_body(c) == Some(hlo::Add::NAME)
        && splat_through(ins[1]) == Some(0.0)
        && splat_through(ins[0]) == Some(1.0)
        && ints("window_dimensions")? == expected(k)
        && ints("window_strides")? == expected(st)
        && unit(ints("window_dilations"))
        && unit(ints("base_dilations"));
    let pads = window_pads(c, rank)?;
    let ones = ty(ins[0]);
    let other_pads_zero = (0..rank).all(|d| hw.contains(&d) || pads[d] == [0, 0]);
    // Only the pooled dims' sizes count (a batch may be unknown).
    if !counting || !other_pads_zero || hw.iter().any(|&d| ones.dims().get(d).is_none_or(|&n| n < 0)) {
        return None;
    }
    let count = |i: usize| -> Vec<f64> {
        (0..o[i]).map(|j| covered(j * st[i] - pads[hw[i]][0], k[i], ones.dims()[hw[i]]) as f64).collect()
    };
    let (ch, cw) = (count(0), count(1));
    Some((div, (0..n).map(|p| ch[p / o[1] as usize] * cw[p % o[1] as usize]).collect()))
}

/// Erases `op` (whose results have no uses left), then each operand's producer that
/// is left unused, recursively, except `keep` (the op a rule is replacing).
fn erase_with_dead_producers<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, keep: Op<'c>) {
    let ins = op.operands();
    rw.erase_op(op);
    for v in ins {
        if let Some(d) = v.defining_op().filter(|d| *d != keep) {
            if d.is_unused() {
                erase_with_dead_producers(rw, d, keep);
            }
        }
    }
}

/// Splat constants with more elements than this are a one-element constant broadcast
/// (StableHLO element-wise ops take splats at their full shape: the full-shape
/// coefficients of swin_t's GELUs once made 150 MB of the flatbuffer). Smaller ones
/// stay whole, so no broadcast_to op is left where a consumer cannot broadcast.
const SPLAT_BROADCAST_MIN: i64 = 1024;

/// `constant` is `tfl.pseudo_const`; a large splat is a one-element `tfl.pseudo_const`
/// of the same rank under `tfl.broadcast_to`, which `tfl-remove-broadcasts` drops
/// where the consumer broadcasts itself.
fn constant<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let t = ty(op.result(0));
    let Some(value) = op.raw_attr("value") else { return Err("'stablehlo.constant' op has no value".into()) };
    let large_splat = t.is_static() && t.dims().iter().product::<i64>() > SPLAT_BROADCAST_MIN && value.is_splat();
    if !large_splat {
        let attrs: Vec<(String, Attribute<'c>)> = op.attrs();
        let refs: Vec<(&str, Attribute<'c>)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
        return Ok(Some(rw.create(tfl::PseudoConst::NAME, &op.operands(), &op.result_types(), &refs)));
    }
    let one = tensor_type(&vec![1; t.dims().len()], elem_of(op.result(0)));
    let Some(one_value) = value.splat_reshaped(one) else { return Ok(None) };
    let c = const_attr(rw, op, one_value);
    let shape = i32_const(rw, op, t.dims());
    Ok(Some(rw.create(tfl::BroadcastTo::NAME, &[c, shape], &op.result_types(), &[])))
}

/// `iota` of a static shape is a constant (TFLite has no op for it).
fn iota<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let out = ty(op.result(0));
    let Some(d) = op.attr("iota_dimension").and_then(|a| a.as_int()) else {
        return Err("'stablehlo.iota' op has no iota_dimension".into());
    };
    if !out.is_static() || d < 0 || d as usize >= out.dims().len() {
        return Ok(None);
    }
    let dims = out.dims();
    let d = d as usize;
    let count = dims.iter().try_fold(1i64, |acc, &x| acc.checked_mul(x));
    if let Some(n) = count.filter(|&n| n <= MAX_IOTA_CONSTANT) {
        let inner: i64 = dims[d + 1..].iter().product();
        let values: Vec<f64> = (0..n).map(|i| ((i / inner) % dims[d]) as f64).collect();
        return Ok(defining_op(number_const(rw, op, dims, elem_of(op.result(0)), &values)?));
    }
    // Larger: the range along `d`, broadcast at run time, so a declared size cannot make
    // the pass allocate the whole output.
    if dims[d] > MAX_IOTA_CONSTANT || dims.iter().any(|&x| x > i32::MAX as i64) {
        return Err(format!(
            "'stablehlo.iota' of shape {dims:?} is too large: TFLite shapes are 32-bit, and at most {MAX_IOTA_CONSTANT} values are materialized along the iota dimension"
        ));
    }
    let mut shape = vec![1; dims.len()];
    shape[d] = dims[d];
    let values: Vec<f64> = (0..dims[d]).map(|i| i as f64).collect();
    let range = number_const(rw, op, &shape, elem_of(op.result(0)), &values)?;
    let target = i32_const(rw, op, dims);
    Ok(Some(rw.create(tfl::BroadcastTo::NAME, &[range, target], &op.result_types(), &[])))
}

/// The most elements an iota becomes as one constant (64 MiB of f32).
const MAX_IOTA_CONSTANT: i64 = 1 << 24;

/// `remainder` truncates (C's `fmod`: the result takes the dividend's sign); TFLite's
/// `floor_mod` floors (the divisor's sign). With `r = floor_mod(x, y)`, the truncated
/// remainder is `r - y` where `r != 0` and `x`, `y` differ in sign, else `r`.
fn remainder<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let (x, y) = (op.operand(0), op.operand(1));
    if !matches!(ty(x).elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64)) {
        return Ok(None);
    }
    let b = bool_type(op);
    let r = same_shape(rw, op, tfl::FloorMod::NAME, &[x, y], elem_of(x));
    let zero = scalar_like(rw, op, x, 0.0)?;
    let x_neg = same_shape(rw, op, tfl::Less::NAME, &[x, zero], b);
    let y_neg = same_shape(rw, op, tfl::Less::NAME, &[y, zero], b);
    let signs_differ = same_shape(rw, op, tfl::NotEqual::NAME, &[x_neg, y_neg], b);
    let nonzero = same_shape(rw, op, tfl::NotEqual::NAME, &[r, zero], b);
    let fix = same_shape(rw, op, tfl::LogicalAnd::NAME, &[signs_differ, nonzero], b);
    let shifted = arith(rw, op, tfl::Sub::NAME, r, y);
    Ok(Some(rw.create(tfl::SelectV2::NAME, &[fix, shifted, r], &op.result_types(), &[])))
}

/// `sign` of an integer type `tfl.sign` does not take (it takes i32 and f32): two
/// compares against 0 and two selects, exact for any width (`x > 0 ? 1 : x < 0 ? -1 : 0`).
fn integer_sign<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let x = op.operand(0);
    if !matches!(ty(x).elem, ElemTy::I(n) if n != 32 && n != 1) {
        return Ok(None);
    }
    let b = bool_type(op);
    let zero = scalar_like(rw, op, x, 0.0)?;
    let one = scalar_like(rw, op, x, 1.0)?;
    let minus_one = scalar_like(rw, op, x, -1.0)?;
    let pos = same_shape(rw, op, tfl::Greater::NAME, &[x, zero], b);
    let neg = same_shape(rw, op, tfl::Less::NAME, &[x, zero], b);
    let low = same_shape(rw, op, tfl::SelectV2::NAME, &[neg, minus_one, zero], elem_of(x));
    Ok(Some(rw.create(tfl::SelectV2::NAME, &[pos, one, low], &op.result_types(), &[])))
}

/// `gather` that picks whole slices: every indexed operand dim (`start_index_map`) is
/// collapsed with slice size 1 and every other dim is taken whole, no batching dims.
/// One indexed dim `d` whose batch dims land where `d` was is `tfl.gather` on axis `d`;
/// otherwise the operand is transposed to put the indexed dims first (in
/// `start_index_map` order), `tfl.gather_nd` picks, and a transpose puts the offset
/// dims where StableHLO wants them.
fn gather<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let Some(dn) = op.attr("dimension_numbers") else { return Ok(None) };
    let dn = GatherDims::from_attr(&dn).map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let (p, ix) = (op.operand(0), op.operand(1));
    let (pt, it, out) = (ty(p), ty(ix), ty(op.result(0)));
    let Some(sizes) = op.attr("slice_sizes").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.gather' op has no slice_sizes".into());
    };
    // Unknown dims are fine (index batch dims, a table's rows); the slice sizes say
    // which dims are taken whole.
    if pt.rank().is_none() || it.rank().is_none() || out.rank().is_none() {
        return Ok(None);
    }
    let GatherDims {
        offset_dims,
        collapsed_slice_dims: mut collapsed,
        start_index_map: start_map,
        index_vector_dim,
        ..
    } = dn.clone();
    let ivd =
        usize::try_from(index_vector_dim).map_err(|_| format!("index_vector_dim {index_vector_dim} is negative"))?;
    if !dn.operand_batching_dims.is_empty() || start_map.is_empty() {
        return Ok(None);
    }
    collapsed.sort();
    let mut indexed = start_map.clone();
    indexed.sort();
    let pd = pt.dims();
    let whole = (0..pd.len()).all(|d| if indexed.contains(&(d as i64)) { sizes[d] == 1 } else { sizes[d] == pd[d] });
    if collapsed != indexed || !whole || ivd > it.dims().len() {
        return Ok(None);
    }
    let vector_len = if ivd == it.dims().len() { 1 } else { it.dims()[ivd] };
    if vector_len != start_map.len() as i64 {
        return Ok(None);
    }
    let batch: Vec<i64> = it.dims().iter().enumerate().filter(|(i, _)| *i != ivd).map(|(_, &d)| d).collect();
    let rest: Vec<usize> = (0..pd.len()).filter(|d| !indexed.contains(&(*d as i64))).collect();
    if start_map.len() == 1 {
        let d = start_map[0] as usize;
        let expected: Vec<i64> = (0..d).chain(d + batch.len()..batch.len() + rest.len()).map(|i| i as i64).collect();
        if offset_dims == expected {
            let idx = if it.dims() == batch.as_slice() {
                ix
            } else {
                let Some(v) = super::dynamic::reshape_any(rw, op, ix, &batch) else { return Ok(None) };
                v
            };
            let attrs = [("axis", i32_attr(op, d as i64)), ("batch_dims", i32_attr(op, 0))];
            return Ok(Some(rw.create(tfl::Gather::NAME, &[p, idx], &op.result_types(), &attrs)));
        }
    }
    // gather_nd: params [indexed..., rest...], indices [batch..., vector].
    let perm: Vec<i64> = start_map.iter().copied().chain(rest.iter().map(|&d| d as i64)).collect();
    let params = if perm.iter().enumerate().all(|(i, &d)| d == i as i64) { p } else { tfl_transpose(rw, op, p, &perm) };
    let indices = if ivd == it.dims().len() {
        let mut s = it.dims().to_vec();
        s.push(1);
        let Some(v) = super::dynamic::reshape_any(rw, op, ix, &s) else { return Ok(None) };
        v
    } else if ivd + 1 == it.dims().len() {
        ix
    } else {
        let iperm: Vec<i64> = (0..it.dims().len() as i64).filter(|&i| i != ivd as i64).chain([ivd as i64]).collect();
        tfl_transpose(rw, op, ix, &iperm)
    };
    let nd_shape: Vec<i64> = batch.iter().copied().chain(rest.iter().map(|&d| pd[d])).collect();
    // TFLite's GATHER_ND has no bool kernel: bools are gathered as int8 (a mask picked
    // by positions) and cast back.
    let g = if is_bool(params) {
        let i8t = rw.context().integer(8);
        let wide = emit(rw, op, tfl::Cast::NAME, &[params], params.raw_type().with_element(i8t), &[]);
        let picked = emit(rw, op, tfl::GatherNd::NAME, &[wide, indices], like(wide, &nd_shape), &[]);
        emit(rw, op, tfl::Cast::NAME, &[picked], like(p, &nd_shape), &[])
    } else {
        emit(rw, op, tfl::GatherNd::NAME, &[params, indices], like(p, &nd_shape), &[])
    };
    // Result dim j: the k-th offset dim is gather_nd's dim batch + k; the others are
    // batch dims in order.
    let (mut next_batch, mut out_perm) = (0i64, Vec::new());
    for j in 0..out.dims().len() as i64 {
        match offset_dims.iter().position(|&o| o == j) {
            Some(k) => out_perm.push(batch.len() as i64 + k as i64),
            None => {
                out_perm.push(next_batch);
                next_batch += 1;
            }
        }
    }
    if out_perm.iter().enumerate().all(|(i, &d)| d == i as i64) {
        return Ok(g.defining_op());
    }
    Ok(defining_op(tfl_transpose(rw, op, g, &out_perm)))
}

/// `reverse(x, dims)`: `tfl.reverse_v2(x, dims)`.
fn reverse<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let Some(dims) = op.attr("dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reverse' op has no dimensions".into());
    };
    // LiteRT's REVERSE_V2 reverses one run of adjacent axes ("non-contiguous axes not
    // supported"): one op per run.
    let mut sorted = dims.clone();
    sorted.sort_unstable();
    let mut runs: Vec<Vec<i64>> = Vec::new();
    for d in sorted {
        match runs.last_mut() {
            Some(run) if run.last() == Some(&(d - 1)) => run.push(d),
            _ => runs.push(vec![d]),
        }
    }
    let mut x = op.operand(0);
    let mut last = None;
    for run in &runs {
        let axes = i32_const(rw, op, run);
        let r = rw.create(tfl::ReverseV2::NAME, &[x, axes], &op.result_types(), &[]);
        x = r.result(0);
        last = Some(r);
    }
    Ok(last)
}

/// `log_plus_one(x)` as `log(x + 1)` (TFLite has no log1p).
fn log_plus_one<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let x = op.operand(0);
    if ty(x).elem != ElemTy::F32 {
        return Ok(None);
    }
    let one = scalar_like(rw, op, x, 1.0)?;
    let u = emit(
        rw,
        op,
        tfl::Add::NAME,
        &[x, one],
        x.raw_type(),
        &[("fused_activation_function", op.context().string_attr("NONE"))],
    );
    Ok(Some(rw.create(tfl::Log::NAME, &[u], &op.result_types(), &[])))
}

/// `exponential_minus_one(x)` as `exp(x) - 1` (TFLite has no expm1).
fn exponential_minus_one<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let x = op.operand(0);
    if ty(x).elem != ElemTy::F32 {
        return Ok(None);
    }
    let e = emit(rw, op, tfl::Exp::NAME, &[x], x.raw_type(), &[]);
    let one = scalar_like(rw, op, x, 1.0)?;
    Ok(Some(rw.create(
        tfl::Sub::NAME,
        &[e, one],
        &op.result_types(),
        &[("fused_activation_function", op.context().string_attr("NONE"))],
    )))
}

/// `tan(x)` as `sin(x) / cos(x)`.
fn tan<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let x = op.operand(0);
    let t = x.raw_type();
    let (s, c) = (emit(rw, op, tfl::Sin::NAME, &[x], t, &[]), emit(rw, op, tfl::Cos::NAME, &[x], t, &[]));
    Ok(Some(rw.create(
        tfl::Div::NAME,
        &[s, c],
        &op.result_types(),
        &[("fused_activation_function", op.context().string_attr("NONE"))],
    )))
}

/// `xor` on bools is `tfl.not_equal`.
fn logical_xor<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    logical(rw, op, tfl::NotEqual::NAME, Bitwise::Xor)
}

/// The comparison direction of a `stablehlo.compare`.
fn direction<'c>(cmp: Op<'c>) -> Option<ComparisonDirection> {
    ComparisonDirection::from_attr(&cmp.attr("comparison_direction")?, "comparison_direction").ok()
}

/// Whether `v` is a constant (a legalized `iota`) counting 0, 1, ... along dim `d`, or,
/// with unknown dims, a legalized `dynamic_iota`: `range(0, n, 1)` given unit dims but
/// `d` and broadcast (its `n` is the broadcast's size at `d`, as legalization makes it).
fn is_iota_along<'c>(v: Value<'c>, d: usize) -> bool {
    let dims = ty(v).dims().to_vec();
    if !ty(v).is_static() {
        return d < dims.len() && is_dynamic_iota_along(v, d);
    }
    if d >= dims.len() || !v.defining_op().is_some_and(|c| c.isa::<tfl::PseudoConst>()) {
        return false;
    }
    let inner: i64 = dims[d + 1..].iter().product();
    v.const_ints().is_some_and(|vals| {
        vals.len() as i64 == dims.iter().product::<i64>()
            && vals.iter().enumerate().all(|(i, &x)| x == (i as i64 / inner) % dims[d])
    })
}

fn is_dynamic_iota_along(v: Value<'_>, d: usize) -> bool {
    let Some(b) = v.defined_by::<tfl::BroadcastTo>() else { return false };
    let Some(r) = b.input().defined_by::<tfl::Reshape>() else { return false };
    let rd = ty(r.output()).dims().to_vec();
    let unit_but_d = rd.len() == ty(v).dims().len() && rd.iter().enumerate().all(|(i, &n)| i == d || n == 1);
    let Some(range) = r.input().defined_by::<tfl::Range>() else { return false };
    let one = |x: Value<'_>, k: i64| x.const_ints().is_some_and(|c| c == [k]);
    unit_but_d && one(range.start(), 0) && one(range.delta(), 1)
}

/// The direction of a comparator region's first op when it compares the block's first
/// argument with `other`.
fn comparator<'c>(op: Op<'c>, other: usize) -> Option<ComparisonDirection> {
    {
        let body = op.body()?;
        let first = body.first_op()?;
        if !first.isa::<hlo::Compare>() {
            return None;
        }
        let o = first.operands();
        let (a, b) = (body.argument(0), body.argument(other));
        if !(o[0] == a && o[1] == b) {
            return None;
        }
        direction(first)
    }
}

/// `v` with its order reversed, exactly: `-v` for floats, `-1 - v` (bitwise not, which
/// cannot overflow) for integers.
fn reversed_order<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, v: Value<'c>) -> Result<Value<'c>, String> {
    let t = v.raw_type();
    if ty(v).elem == ElemTy::F32 {
        return Ok(emit(rw, op, tfl::Neg::NAME, &[v], t, &[]));
    }
    let minus_one = scalar_like(rw, op, v, -1.0)?;
    Ok(emit(
        rw,
        op,
        tfl::Sub::NAME,
        &[minus_one, v],
        t,
        &[("fused_activation_function", op.context().string_attr("NONE"))],
    ))
}

/// The `k` largest (or, not `descending`, smallest) values of `x` along dim `d` and
/// their int32 indices, in `x`'s layout, through `tfl.topk_v2` (which works on the last
/// dim, so `d` is moved there and back). Returns the values, the indices and the top-k op.
fn top_k<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    d: usize,
    k: i64,
    descending: bool,
) -> Result<(Value<'c>, Value<'c>, Op<'c>), String> {
    let rank = ty(x).dims().len();
    let mut perm: Vec<i64> = (0..rank as i64).filter(|&i| i != d as i64).collect();
    perm.push(d as i64);
    let last = d + 1 == rank;
    let mut v = if last { x } else { tfl_transpose(rw, op, x, &perm) };
    if !descending {
        v = reversed_order(rw, op, v)?;
    }
    let kc = number_const(rw, op, &[], i32_type(op), &[k as f64])?;
    let mut shape = ty(v).dims().to_vec();
    *shape.last_mut().unwrap() = k;
    let topk = rw.create(tfl::TopkV2::NAME, &[v, kc], &[like(v, &shape), tensor_type(&shape, i32_type(op))], &[]);
    let (mut values, mut indices) = (topk.result(0), topk.result(1));
    if !descending {
        values = reversed_order(rw, op, values)?;
    }
    if !last {
        let inverse: Vec<i64> = (0..rank as i64).map(|i| perm.iter().position(|&p| p == i).unwrap() as i64).collect();
        values = tfl_transpose(rw, op, values, &inverse);
        indices = tfl_transpose(rw, op, indices, &inverse);
    }
    Ok((values, indices, topk))
}

/// Replaces the uses of `op`'s result `i` with `v`, cast to the result's element type.
fn replace_result_cast<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, i: usize, v: Value<'c>) {
    let want = elem_of(op.result(i));
    let v = if want == elem_of(v) { v } else { cast_to(rw, op, v, want) };
    rw.replace_all_uses(op.result(i), v);
}

/// How a sort comparator orders: its direction, and whether it is PyTorch's total
/// order on floats (NaN above everything).
struct SortOrder {
    descending: bool,
    nan_largest: bool,
}

/// The order of a sort comparator over the first two block arguments `a`, `b`: one
/// `compare(a, b, LT|GT)` returned, or PyTorch's float form
/// `or(compare(a, b, LT), and(isnan(b), not(isnan(a))))` (GT: `a` and `b` swapped in
/// the NaN clause), where `isnan(v)` is `compare(v, v, NE)`.
fn sort_order<'c>(op: Op<'c>) -> Option<SortOrder> {
    {
        let body = op.body()?;
        let (a, b) = (body.argument(0), body.argument(1));
        let mut ret = body.first_op();
        while let Some(r) = ret.filter(|r| !r.isa::<hlo::Return>()) {
            ret = r.next();
        }
        let ret = ret?;
        if ret.operands().len() != 1 {
            return None;
        }
        let def = |v: Value<'c>, n: &str| v.defining_op().filter(|d| d.name() == n);
        let is = |v: Value<'c>, w: Value<'c>| v == w;
        let compare_of = |v: Value<'c>, x: Value<'c>, y: Value<'c>| -> Option<ComparisonDirection> {
            let c = def(v, hlo::Compare::NAME)?;
            let signed = match c.attr("compare_type") {
                None => true,
                Some(t) => ComparisonType::from_attr(&t, "compare_type").is_ok_and(|t| t != ComparisonType::Unsigned),
            };
            (signed && is(c.operand(0), x) && is(c.operand(1), y)).then(|| direction(c)).flatten()
        };
        let descending = |d: ComparisonDirection| match d {
            ComparisonDirection::Gt => Some(true),
            ComparisonDirection::Lt => Some(false),
            _ => None,
        };
        let r = ret.operand(0);
        if let Some(d) = compare_of(r, a, b) {
            return Some(SortOrder { descending: descending(d)?, nan_largest: false });
        }
        let or = def(r, hlo::Or::NAME)?;
        let isnan = |v: Value<'c>, x: Value<'c>| compare_of(v, x, x) == Some(ComparisonDirection::Ne);
        for (c, nan_clause) in [(or.operand(0), or.operand(1)), (or.operand(1), or.operand(0))] {
            let Some(desc) = compare_of(c, a, b).and_then(descending) else { continue };
            // Ascending: `a < b` also when only `b` is NaN; descending: when only `a` is.
            let (nan, not_nan) = if desc { (a, b) } else { (b, a) };
            let Some(and) = def(nan_clause, hlo::And::NAME) else { continue };
            for (p, q) in [(and.operand(0), and.operand(1)), (and.operand(1), and.operand(0))] {
                if isnan(p, nan) && def(q, hlo::Not::NAME).is_some_and(|n| isnan(n.operand(0), not_nan)) {
                    return Some(SortOrder { descending: desc, nan_largest: true });
                }
            }
        }
        None
    }
}

/// An int32 key of float32 `x` whose signed order is PyTorch's total order on floats:
/// the bits, negative ones with their magnitude bits flipped (`-1 - magnitude`), zeros
/// (either sign) 0, NaNs (any sign or payload) INT_MAX, above +inf.
fn float_order_key<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, x: Value<'c>) -> Result<Value<'c>, String> {
    let (i32t, b) = (i32_type(op), bool_type(op));
    let bits = same_shape(rw, op, tfl::Bitcast::NAME, &[x], i32t);
    let zero = scalar_like(rw, op, bits, 0.0)?;
    let negative = same_shape(rw, op, tfl::Less::NAME, &[bits, zero], b);
    let magnitude_mask = scalar_like(rw, op, bits, i32::MAX as f64)?;
    let flipped = same_shape(rw, op, tfl::BitwiseXor::NAME, &[bits, magnitude_mask], i32t);
    let t = bits.raw_type();
    let key = emit(rw, op, tfl::SelectV2::NAME, &[negative, flipped, bits], t, &[]);
    let nan = same_shape(rw, op, tfl::NotEqual::NAME, &[x, x], b);
    let key = emit(rw, op, tfl::SelectV2::NAME, &[nan, magnitude_mask, key], t, &[]);
    let fzero = scalar_like(rw, op, x, 0.0)?;
    let is_zero = same_shape(rw, op, tfl::Equal::NAME, &[x, fzero], b);
    Ok(emit(rw, op, tfl::SelectV2::NAME, &[is_zero, zero, key], t, &[]))
}

/// `x` reordered along dim `d` by `indices` (`take_along_axis`): a gather over the last
/// dim with the others as batch dims, `d` moved last and back.
fn take_along<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, x: Value<'c>, indices: Value<'c>, d: usize) -> Value<'c> {
    let rank = ty(x).dims().len();
    let perm: Vec<i64> = (0..rank as i64).filter(|&i| i != d as i64).chain([d as i64]).collect();
    let last = d + 1 == rank;
    let (xl, il) =
        if last { (x, indices) } else { (tfl_transpose(rw, op, x, &perm), tfl_transpose(rw, op, indices, &perm)) };
    let attrs = [("axis", i32_attr(op, rank as i64 - 1)), ("batch_dims", i32_attr(op, rank as i64 - 1))];
    let g = emit(rw, op, tfl::Gather::NAME, &[xl, il], xl.raw_type(), &attrs);
    if last {
        return g;
    }
    let inverse: Vec<i64> = (0..rank as i64).map(|i| perm.iter().position(|&p| p == i).unwrap() as i64).collect();
    tfl_transpose(rw, op, g, &inverse)
}

/// `sort` along one dim, alone or with an `iota` along that dim (the indices), as
/// PyTorch's sort, argsort and topk export: `top_k` over the whole dim, whose ties keep
/// index order, as a stable sort does. The comparator is one GT (descending) or LT
/// (ascending) compare of float32, int32 or int64 values (signed), or PyTorch's float
/// total order (see `sort_order`), sorted by `float_order_key` with the values gathered
/// back, so NaNs come last ascending and first descending and -0.0 ties with 0.0.
fn sort<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    let Some(dim) = op.attr("dimension").and_then(|a| a.as_int()) else {
        return Err("'stablehlo.sort' op has no dimension".into());
    };
    let x = ins[0];
    let xt = ty(x);
    let Some(order) = sort_order(op) else { return Ok(None) };
    let elem_ok = match xt.elem {
        ElemTy::F32 => true,
        ElemTy::I(32) | ElemTy::I(64) => !order.nan_largest,
        _ => false,
    };
    // Unknown dims other than the sorted one are fine (TOPK_V2 sorts the last dim of
    // any shape).
    if ins.len() > 2 || !elem_ok || xt.rank().is_none() || xt.dims().is_empty() {
        return Ok(None);
    }
    let rank = xt.dims().len() as i64;
    let d = (if dim < 0 { dim + rank } else { dim }) as usize;
    if xt.dims().get(d).is_none_or(|&n| n < 0) {
        return Ok(None);
    }
    if ins.len() == 2 && !is_iota_along(ins[1], d) {
        return Ok(None);
    }
    let n = xt.dims()[d];
    let (values, indices, topk) = if order.nan_largest {
        let key = float_order_key(rw, op, x)?;
        let (_, indices, topk) = top_k(rw, op, key, d, n, order.descending)?;
        (take_along(rw, op, x, indices, d), indices, topk)
    } else {
        top_k(rw, op, x, d, n, order.descending)?
    };
    rw.replace_all_uses(op.result(0), values);
    if ins.len() == 2 {
        replace_result_cast(rw, op, 1, indices);
    }
    // The sort's results have no uses left; the top-k op goes to the catalog check (the
    // pass maps the unused results onto it and erases the sort).
    Ok(Some(topk))
}

/// PyTorch's argmax / argmin (`max.dim`, `min.dim`): a `reduce` over one dim of
/// `(x, iota along that dim)` with inits `(-inf or +inf, 0)` whose comparator's first op
/// compares the first value argument with the accumulator's, GT (max) or LT (min).
/// `top_k` with k = 1 gives the value and the first index of the extreme, as PyTorch
/// does; NaNs rank as +inf (max) or -inf (min), so the first NaN wins unless an equal
/// infinity comes before it; the reduced dim is then reshaped away.
fn reduce_arg<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    if ins.len() != 4 {
        return Ok(None);
    }
    let Some(dims) = op.attr("dimensions").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.reduce' op has no dimensions".into());
    };
    let x = ins[0];
    let xt = ty(x);
    if dims.len() != 1 || xt.elem != ElemTy::F32 || xt.rank().is_none() || !is_iota_along(ins[1], dims[0] as usize) {
        return Ok(None);
    }
    let d = dims[0] as usize;
    let (init, index_init) = (splat_through(ins[2]), splat_through(ins[3]));
    let descending = match (comparator(op, 2), init) {
        (Some(ComparisonDirection::Gt), Some(v)) if v == f64::NEG_INFINITY => true,
        (Some(ComparisonDirection::Lt), Some(v)) if v == f64::INFINITY => false,
        _ => return Ok(None),
    };
    if index_init != Some(0.0) {
        return Ok(None);
    }
    // PyTorch ranks NaN above everything (max) or below (min): rank NaNs as +-inf, and
    // make the value NaN where the reduced row has one.
    let b = bool_type(op);
    let nan = same_shape(rw, op, tfl::NotEqual::NAME, &[x, x], b);
    let extreme = scalar_like(rw, op, x, if descending { f64::INFINITY } else { f64::NEG_INFINITY })?;
    let key = emit(rw, op, tfl::SelectV2::NAME, &[nan, extreme, x], x.raw_type(), &[]);
    let (values, indices, topk) = top_k(rw, op, key, d, 1, descending)?;
    let out = ty(op.result(0)).dims().to_vec();
    let axes = i32_const(rw, op, &[d as i64]);
    let any_nan =
        emit(rw, op, tfl::ReduceAny::NAME, &[nan, axes], tensor_type(&out, b), &[("keep_dims", bool_attr(op, false))]);
    let nan_value = scalar_like(rw, op, x, f64::NAN)?;
    let Some(values) = super::dynamic::reshape_any(rw, op, values, &out) else { return Ok(None) };
    let values = emit(rw, op, tfl::SelectV2::NAME, &[any_nan, nan_value, values], values.raw_type(), &[]);
    rw.replace_all_uses(op.result(0), values);
    let Some(indices) = super::dynamic::reshape_any(rw, op, indices, &out) else { return Ok(None) };
    replace_result_cast(rw, op, 1, indices);
    Ok(Some(topk))
}

fn concatenate<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let Some(dim) = op.attr("dimension").and_then(|a| a.as_int()) else {
        return Err("'stablehlo.concatenate' op has no dimension".into());
    };
    let attrs = [("axis", i32_attr(op, dim)), ("fused_activation_function", op.context().string_attr("NONE"))];
    Ok(Some(rw.create(tfl::Concatenation::NAME, &op.operands(), &op.result_types(), &attrs)))
}

/// `slice(start, limit, strides)`: `tfl.slice` (begin, size) when every stride is 1,
/// `tfl.strided_slice` otherwise.
fn slice<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let get = |n: &str| op.attr(n).and_then(|a| a.as_ints()).ok_or_else(|| format!("'stablehlo.slice' op has no {n}"));
    let (start, limit, strides) = (get("start_indices")?, get("limit_indices")?, get("strides")?);
    let x = op.operand(0);
    if strides.iter().all(|&s| s == 1) {
        let size: Vec<i64> = start.iter().zip(&limit).map(|(s, l)| l - s).collect();
        let (b, sz) = (i32_const(rw, op, &start), i32_const(rw, op, &size));
        return Ok(Some(rw.create(tfl::Slice::NAME, &[x, b, sz], &op.result_types(), &[])));
    }
    let (b, e, st) = (i32_const(rw, op, &start), i32_const(rw, op, &limit), i32_const(rw, op, &strides));
    let attrs = strided_slice_masks(op.context(), 0, 0, 0);
    Ok(Some(rw.create(tfl::StridedSlice::NAME, &[x, b, e, st], &op.result_types(), &attrs)))
}

/// `pad(x, value)`: interior padding first (see `interior_padded`), then
/// `tfl.padv2(x, [[low, high], ...], value)` for the non-negative edge padding and a
/// `tfl.slice` for the negative (a crop). TFLite pads no bools: a bool pad runs on int32
/// between casts.
fn pad<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let get = |n: &str| op.attr(n).and_then(|a| a.as_ints()).ok_or_else(|| format!("'stablehlo.pad' op has no {n}"));
    let (low, high, interior) = (get("edge_padding_low")?, get("edge_padding_high")?, get("interior_padding")?);
    let (x, value) = (op.operand(0), op.operand(1));
    let (xt, out) = (ty(x), ty(op.result(0)));
    let crop = low.iter().chain(&high).any(|&p| p < 0);
    let inner = interior.iter().any(|&i| i != 0);
    let boolean = is_bool(x);
    if !crop && !boolean && !inner {
        let pairs: Vec<[i64; 2]> = low.iter().zip(&high).map(|(l, h)| [*l, *h]).collect();
        let paddings = paddings_const(rw, op, &pairs);
        // TFLite's constant_values is a scalar of the input's type: the 0-d init works.
        return Ok(Some(rw.create(tfl::Padv2::NAME, &[x, paddings, value], &op.result_types(), &[])));
    }
    // The pads below are intermediate ops: only the types PADV2 takes (bools are cast).
    let padded_elem_ok = boolean || matches!(xt.elem, ElemTy::F32 | ElemTy::I(32) | ElemTy::I(64) | ElemTy::U(8));
    if (!xt.is_static() || !out.is_static()) && crop && !inner && !boolean && padded_elem_ok {
        return Ok(pad_crop_dynamic(rw, op, x, value, &low, &high).and_then(|v| v.defining_op()));
    }
    if !xt.is_static() || !out.is_static() || interior.iter().any(|&i| i < 0) || !padded_elem_ok {
        return Ok(None);
    }
    let (mut x, mut value) = (x, value);
    if boolean {
        let i32t = i32_type(op);
        (x, value) = (cast_to(rw, op, x, i32t), cast_to(rw, op, value, i32t));
    }
    for (d, &i) in interior.iter().enumerate() {
        if i > 0 && ty(x).dims()[d] > 1 {
            x = interior_padded(rw, op, x, value, d, i);
        }
    }
    let pairs: Vec<[i64; 2]> = low.iter().zip(&high).map(|(l, h)| [(*l).max(0), (*h).max(0)]).collect();
    let mut y = x;
    if pairs.iter().flatten().any(|&p| p > 0) {
        let padded: Vec<i64> = ty(x).dims().iter().zip(&pairs).map(|(d, p)| d + p[0] + p[1]).collect();
        let paddings = paddings_const(rw, op, &pairs);
        y = emit(rw, op, tfl::Padv2::NAME, &[x, paddings, value], like(x, &padded), &[]);
    }
    if crop {
        let begin: Vec<i64> = low.iter().map(|&l| l.saturating_neg().max(0)).collect();
        let (b, sz) = (i32_const(rw, op, &begin), i32_const(rw, op, out.dims()));
        y = emit(rw, op, tfl::Slice::NAME, &[y, b, sz], like(y, out.dims()), &[]);
    }
    if boolean {
        y = cast_to(rw, op, y, bool_type(op));
    }
    Ok(y.defining_op())
}

/// Edge padding with negative (cropping) entries over unknown sizes: `tfl.padv2` by the
/// positive entries, then a `tfl.strided_slice` that drops `-low` in front and `-high`
/// at the end of each cropped dim (an end counted from the dim's end), so no size is
/// needed.
fn pad_crop_dynamic<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    value: Value<'c>,
    low: &[i64],
    high: &[i64],
) -> Option<Value<'c>> {
    let rank = low.len();
    let grow = |n: i64, p: i64| if n < 0 { -1 } else { n + p };
    let pairs: Vec<[i64; 2]> = low.iter().zip(high).map(|(l, h)| [(*l).max(0), (*h).max(0)]).collect();
    let mut y = x;
    if pairs.iter().flatten().any(|&p| p > 0) {
        let padded: Vec<i64> = ty(x).dims().iter().zip(&pairs).map(|(&d, p)| grow(d, p[0] + p[1])).collect();
        let paddings = paddings_const(rw, op, &pairs);
        y = emit(rw, op, tfl::Padv2::NAME, &[x, paddings, value], like(x, &padded), &[]);
    }
    let begin: Vec<i64> = low.iter().map(|&l| (-l).max(0)).collect();
    let end: Vec<i64> = high.iter().map(|&h| h.min(0)).collect();
    let end_mask = (0..rank).filter(|&i| end[i] == 0).fold(0i64, |m, i| m | (1 << i));
    let out = ty(op.result(0)).dims().to_vec();
    let (b, e, st) = (i32_const(rw, op, &begin), i32_const(rw, op, &end), i32_const(rw, op, &vec![1; rank]));
    let attrs = strided_slice_masks(op.context(), 0, end_mask, 0);
    Some(emit(rw, op, tfl::StridedSlice::NAME, &[y, b, e, st], like(x, &out), &attrs))
}

/// `x` with `i` copies of `value` between neighbours along dim `d` (StableHLO's
/// interior padding): as `[A, n, 1, B]` (the dims before and after `d` merged), padded
/// by `i` after the unit dim, flattened back to `n * (i + 1)` along `d` and cut to
/// `n + (n - 1) * i`.
fn interior_padded<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    value: Value<'c>,
    d: usize,
    i: i64,
) -> Value<'c> {
    let dims = ty(x).dims().to_vec();
    let (a, n, b) = (dims[..d].iter().product::<i64>(), dims[d], dims[d + 1..].iter().product::<i64>());
    let spread = reshape_to(rw, op, x, &[a, n, 1, b]);
    let paddings = paddings_const(rw, op, &[[0, 0], [0, 0], [0, i], [0, 0]]);
    let spread = emit(rw, op, tfl::Padv2::NAME, &[spread, paddings, value], like(x, &[a, n, 1 + i, b]), &[]);
    let flat = reshape_to(rw, op, spread, &[a, n * (1 + i), b]);
    let len = n + (n - 1) * i;
    let (begin, size) = (i32_const(rw, op, &[0, 0, 0]), i32_const(rw, op, &[a, len, b]));
    let cut = emit(rw, op, tfl::Slice::NAME, &[flat, begin, size], like(x, &[a, len, b]), &[]);
    let mut out = dims;
    out[d] = len;
    reshape_to(rw, op, cut, &out)
}

fn transpose<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let Some(perm) = op.attr("permutation").and_then(|a| a.as_ints()) else {
        return Err("'stablehlo.transpose' op has no permutation".into());
    };
    let perm = i32_const(rw, op, &perm);
    Ok(Some(rw.create(tfl::Transpose::NAME, &[op.operand(0), perm], &op.result_types(), &[])))
}

fn compare<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let Some(direction) = op.attr("comparison_direction") else {
        return Err("'stablehlo.compare' op has no comparison_direction".into());
    };
    let to = match ComparisonDirection::from_attr(&direction, "comparison_direction")? {
        ComparisonDirection::Eq => tfl::Equal::NAME,
        ComparisonDirection::Ne => tfl::NotEqual::NAME,
        ComparisonDirection::Ge => tfl::GreaterEqual::NAME,
        ComparisonDirection::Gt => tfl::Greater::NAME,
        ComparisonDirection::Le => tfl::LessEqual::NAME,
        ComparisonDirection::Lt => tfl::Less::NAME,
    };
    Ok(Some(rw.create(to, &op.operands(), &op.result_types(), &[])))
}

/// The bool form of a logical op is `to`; integers take `bitwise`.
fn logical<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, to: &str, which: Bitwise) -> Result<Option<Op<'c>>, String> {
    if !op.operands().into_iter().all(is_bool) {
        return bitwise(rw, op, which);
    }
    Ok(Some(rw.create(to, &op.operands(), &op.result_types(), &[])))
}

fn logical_and<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    logical(rw, op, tfl::LogicalAnd::NAME, Bitwise::And)
}
fn logical_or<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    logical(rw, op, tfl::LogicalOr::NAME, Bitwise::Or)
}

#[derive(Clone, Copy, PartialEq)]
enum Bitwise {
    And,
    Or,
    Xor,
    Not,
}

/// Bitwise and/or/xor/not on integers. TFLite has STABLEHLO_AND (every integer type)
/// and BITWISE_XOR (8 to 32 bits); the rest are identities none of whose steps can
/// overflow: `a | b = (a - (a & b)) + b` (the subtraction clears bits of `a`, the
/// addition sets bits disjoint from them), `a | b = (a ^ b) ^ (a & b)`,
/// `a ^ b = (a | b) - (a & b)` for 64 bits, `~a = -1 - a` (32 and 64 bits) or
/// `a ^ -1`.
fn bitwise<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, which: Bitwise) -> Result<Option<Op<'c>>, String> {
    let ins = op.operands();
    let a = ins[0];
    let elem = ty(a).elem;
    let narrow = matches!(elem, ElemTy::I(8) | ElemTy::U(8) | ElemTy::I(16) | ElemTy::I(32));
    let wide = elem == ElemTy::I(64);
    if !narrow && !wide {
        return Ok(None);
    }
    let t = a.raw_type();
    let and =
        |rw: &mut Rewriter<'c>, x: Value<'c>, y: Value<'c>| emit(rw, op, tfl::StablehloAnd::NAME, &[x, y], t, &[]);
    let or = |rw: &mut Rewriter<'c>, x: Value<'c>, y: Value<'c>| -> Value<'c> {
        let both = and(rw, x, y);
        if narrow {
            let either = emit(rw, op, tfl::BitwiseXor::NAME, &[x, y], t, &[]);
            emit(rw, op, tfl::BitwiseXor::NAME, &[either, both], t, &[])
        } else {
            let cleared = arith(rw, op, tfl::Sub::NAME, x, both);
            arith(rw, op, tfl::Add::NAME, cleared, y)
        }
    };
    let y = match which {
        Bitwise::And => and(rw, a, ins[1]),
        Bitwise::Or => or(rw, a, ins[1]),
        Bitwise::Xor if narrow => emit(rw, op, tfl::BitwiseXor::NAME, &[a, ins[1]], t, &[]),
        Bitwise::Xor => {
            let either = or(rw, a, ins[1]);
            let both = and(rw, a, ins[1]);
            arith(rw, op, tfl::Sub::NAME, either, both)
        }
        Bitwise::Not if matches!(elem, ElemTy::I(32) | ElemTy::I(64)) => {
            let all_ones = scalar_like(rw, op, a, -1.0)?;
            emit(
                rw,
                op,
                tfl::Sub::NAME,
                &[all_ones, a],
                t,
                &[("fused_activation_function", op.context().string_attr("NONE"))],
            )
        }
        Bitwise::Not => {
            let ones = if elem == ElemTy::U(8) { 255.0 } else { -1.0 };
            let all_ones = scalar_like(rw, op, a, ones)?;
            emit(rw, op, tfl::BitwiseXor::NAME, &[a, all_ones], t, &[])
        }
    };
    Ok(y.defining_op())
}
/// `abs(x)`: `tfl.abs` for the types ABS has kernels for; integers it lacks (i64,
/// index math of reflection pads) as `select_v2(x < 0, -x, x)`.
fn abs<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let x = op.operand(0);
    let elem = ty(x).elem;
    if !matches!(elem, ElemTy::I(64) | ElemTy::I(8)) {
        return Ok(Some(rw.create(tfl::Abs::NAME, &[x], &op.result_types(), &[])));
    }
    let zero = scalar_like(rw, op, x, 0.0)?;
    let i1 = op.context().integer(1);
    let negative = same_shape(rw, op, tfl::Less::NAME, &[x, zero], i1);
    let negated = emit(rw, op, tfl::Neg::NAME, &[x], x.raw_type(), &[]);
    Ok(Some(rw.create(tfl::SelectV2::NAME, &[negative, negated, x], &op.result_types(), &[])))
}

fn logical_not<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    logical(rw, op, tfl::LogicalNot::NAME, Bitwise::Not)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_are_sorted_and_unique() {
        for w in PATTERNS.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let key = |p: &Pattern| (p.root, std::cmp::Reverse(p.benefit));
            assert!(key(a) < key(b), "{a:?} must sort before {b:?} (by root, then by decreasing benefit)");
        }
        let mut names: Vec<&str> = PATTERNS.iter().map(|p| p.name).collect();
        names.sort_unstable();
        for w in names.windows(2) {
            assert_ne!(w[0], w[1], "two patterns are named {}", w[0]);
        }
    }

    #[test]
    fn patterns_are_unambiguous() {
        // Cranelift ISLE's overlap rule: two patterns on one root need different
        // benefits, the more specific one higher.
        let pairs = edge_dialects::mlir::pattern::ambiguous_pairs(PATTERNS);
        assert!(pairs.is_empty(), "patterns of equal benefit on one root: {pairs:?}");
    }

    #[test]
    fn patterns_are_rooted_at_stablehlo_ops_and_named_after_them() {
        for p in PATTERNS {
            let root = p.root.expect("a conversion pattern has a root op");
            assert!(edge_dialects::STABLEHLO.lookup(root).is_some(), "{root} is not in the StableHLO catalog");
            let source = edge_dialects::mlir::views::type_name(root);
            assert!(p.name.starts_with(&format!("{source}To")), "{} must be named {source}To<Effect>", p.name);
        }
    }

    #[test]
    fn pool_layouts() {
        // NCHW (and no pooled dim at all) keeps PyTorch's transposes; NHWC needs none.
        assert_eq!(pool_layout(&[2, 3]), Some([0, 2, 3, 1]));
        assert_eq!(pool_layout(&[]), Some([0, 2, 3, 1]));
        assert_eq!(pool_layout(&[3]), Some([0, 2, 3, 1]));
        assert_eq!(pool_layout(&[1, 2]), Some([0, 1, 2, 3]));
        assert_eq!(pool_layout(&[1]), Some([0, 1, 2, 3]));
        assert_eq!(pool_layout(&[0, 3]), Some([1, 0, 3, 2]));
        assert_eq!(pool_layout(&[0]), Some([2, 0, 1, 3]));
        assert_eq!(pool_layout(&[0, 1, 2]), None);
        assert_eq!(inverse(&[0, 2, 3, 1]), [0, 3, 1, 2]);
    }

    #[test]
    fn constants_reverse_along_axes() {
        let c = crate::constant::ConstTensor { shape: vec![2, 3], elem: ElemTy::I(8), bytes: vec![1, 2, 3, 4, 5, 6] };
        assert_eq!(reverse_const(&c, &[1]).unwrap().bytes, [3, 2, 1, 6, 5, 4]);
        assert_eq!(reverse_const(&c, &[0, 1]).unwrap().bytes, [6, 5, 4, 3, 2, 1]);
        assert!(reverse_const(&c, &[2]).is_none());
    }
}

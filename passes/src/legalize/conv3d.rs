//! A convolution over three spatial dims (PyTorch's Conv3d: video nets) as one 2-D
//! convolution over the depth taps stacked into channels. TFLite's CONV_3D has no
//! XNNPACK path; CONV_2D does. With the input as NDHWC, tap `kd` of the depth window
//! reads the strided slice `x[:, kd*dd : : sd]` ([N, OD, H, W, C]); the taps
//! concatenated on channels ([N, OD, H, W, KD*C], merged to [N*OD, H, W, KD*C]) under
//! a filter reshaped to [KH, KW, KD*Cin, Cout] sum exactly what the 3-D window sums.
//! Grouped convolutions (the stacked channels would cross groups) sum one 2-D grouped
//! convolution per tap instead. The 2-D convolutions are `stablehlo.convolution` ops
//! in `[b, 0, 1, f]x[0, 1, i, o]` form that the 2-D rules then take (H and W padding,
//! strides and dilation go with them); depth padding is a PAD. Static shapes but for
//! the batch.

use super::stablehlo_to_tfl::{elem_of, emit, i32_const, inverse, paddings_const, permuted, reshape_to, strided_slice_masks, tensor_type, ty};
use edge_dialects::ir::Attr;
use edge_dialects::mlir::{Op, Rewriter, Value};
use edge_dialects::stablehlo::attrs::ConvDims;
use edge_dialects::stablehlo::op as hlo;
use edge_dialects::tfl::op as tfl;

pub(super) fn conv_3d<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> Result<Option<Op<'c>>, String> {
    let conv = op.cast::<hlo::Convolution>().expect("rooted at stablehlo.convolution");
    let Some(dn) = conv.dimension_numbers() else { return Ok(None) };
    let dn = ConvDims::from_attr(&dn.value()).map_err(|e| format!("attribute 'dimension_numbers' {e}"))?;
    let (x, w) = (conv.lhs(), conv.rhs());
    let (xt, wt, out) = (ty(x), ty(w), ty(op.result(0)));
    // Static but for the batch (a -1 in the reshapes; the slices take it whole).
    let batch_only = |dims: &[i64], b: i64| dims.iter().enumerate().all(|(i, &d)| d >= 0 || i as i64 == b);
    if dn.spatial_rank() != 3
        || xt.rank() != Some(5)
        || out.rank() != Some(5)
        || !wt.is_static()
        || !batch_only(xt.dims(), dn.input_batch)
        || !batch_only(out.dims(), dn.output_batch)
    {
        return Ok(None);
    }
    let ints = |n: &str| op.attr(n).and_then(|a| a.as_ints()).unwrap_or_else(|| vec![1; 3]);
    let (strides, lhs_dilation, rhs_dilation) = (ints("window_strides"), ints("lhs_dilation"), ints("rhs_dilation"));
    let groups = conv.feature_group_count().unwrap_or(1);
    if conv.batch_group_count().unwrap_or(1) != 1 || lhs_dilation.iter().any(|&d| d != 1) {
        return Ok(None);
    }
    let pads: Vec<i64> = match op.attr("padding") {
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 6 => v,
        Some(Attr::Dense { ints: Some(v), .. }) if v.len() == 1 => vec![v[0]; 6],
        None => vec![0; 6],
        _ => return Ok(None),
    };
    if strides.len() != 3 || rhs_dilation.len() != 3 || pads.iter().any(|&p| p < 0) {
        return Ok(None);
    }
    let (xd, wd, od) = (xt.dims(), wt.dims(), out.dims());
    let at = |d: i64| d as usize;
    // NDHWC input, [KD, KH, KW, I, O] filter, output in NDHWC order.
    let to_ndhwc = [dn.input_batch, dn.input_spatial[0], dn.input_spatial[1], dn.input_spatial[2], dn.input_feature];
    let w_perm = [dn.kernel_spatial[0], dn.kernel_spatial[1], dn.kernel_spatial[2], dn.kernel_input_feature, dn.kernel_output_feature];
    let out_perm = [dn.output_batch, dn.output_spatial[0], dn.output_spatial[1], dn.output_spatial[2], dn.output_feature];
    let (n, d, h, wdt, c) = (xd[at(to_ndhwc[0])], xd[at(to_ndhwc[1])], xd[at(to_ndhwc[2])], xd[at(to_ndhwc[3])], xd[at(to_ndhwc[4])]);
    let (kd, kh, kw, ci, co) = (wd[at(w_perm[0])], wd[at(w_perm[1])], wd[at(w_perm[2])], wd[at(w_perm[3])], wd[at(w_perm[4])]);
    let (o_d, o_h, o_w) = (od[at(out_perm[1])], od[at(out_perm[2])], od[at(out_perm[3])]);
    if groups < 1 || c != ci * groups || co % groups != 0 || kd > 64 {
        return Ok(None);
    }
    let elem = elem_of(x);
    let mut xn = permuted(rw, op, x, &to_ndhwc);
    let (pd_lo, pd_hi) = (pads[0], pads[1]);
    let dp = d + pd_lo + pd_hi;
    if pd_lo != 0 || pd_hi != 0 {
        let p = paddings_const(rw, op, &[[0, 0], [pd_lo, pd_hi], [0, 0], [0, 0], [0, 0]]);
        xn = emit(rw, op, tfl::Pad::NAME, &[xn, p], tensor_type(&[n, dp, h, wdt, c], elem), &[]);
    }
    let c_ctx = op.context();
    // The batch's end is the whole dim (end_mask bit 0), known or not.
    let slice_attrs = strided_slice_masks(c_ctx, 0, 1, 0);
    let tap = |rw: &mut Rewriter<'c>, k: i64| -> Value<'c> {
        let start = k * rhs_dilation[0];
        if kd == 1 && strides[0] == 1 && o_d == dp {
            return xn;
        }
        let b = i32_const(rw, op, &[0, start, 0, 0, 0]);
        let e = i32_const(rw, op, &[n.max(1), start + (o_d - 1) * strides[0] + 1, h, wdt, c]);
        let s = i32_const(rw, op, &[1, strides[0], 1, 1, 1]);
        emit(rw, op, tfl::StridedSlice::NAME, &[xn, b, e, s], tensor_type(&[n, o_d, h, wdt, c], elem), &slice_attrs)
    };
    // The filter as [KD, KH, KW, I, O] (a constant's transposes fold).
    let wk = permuted(rw, op, w, &w_perm);
    let none = ("fused_activation_function", c_ctx.string_attr("NONE"));
    // N*OD rows: -1 (any) with an unknown batch.
    let rows = if n < 0 { -1 } else { n * o_d };
    let out2 = [rows, o_h, o_w, co];
    let y = if groups == 1 {
        let taps: Vec<Value<'c>> = (0..kd).map(|k| tap(rw, k)).collect();
        let stacked = if taps.len() == 1 {
            taps[0]
        } else {
            let axis = ("axis", c_ctx.integer_attr(c_ctx.integer(32), 4));
            emit(rw, op, tfl::Concatenation::NAME, &taps, tensor_type(&[n, o_d, h, wdt, kd * c], elem), &[axis, none])
        };
        let x4 = reshape_to(rw, op, stacked, &[rows, h, wdt, kd * c]);
        // [KD, KH, KW, I, O] -> [KH, KW, KD, I, O] -> [KH, KW, KD*I, O].
        let wt2 = permuted(rw, op, wk, &[1, 2, 0, 3, 4]);
        let w4 = reshape_to(rw, op, wt2, &[kh, kw, kd * ci, co]);
        conv_2d(rw, op, x4, w4, &strides, &rhs_dilation, &pads, 1, &out2)?
    } else {
        let mut acc: Option<Value<'c>> = None;
        for k in 0..kd {
            let t = tap(rw, k);
            let x4 = reshape_to(rw, op, t, &[rows, h, wdt, c]);
            let b = i32_const(rw, op, &[k, 0, 0, 0, 0]);
            let s = i32_const(rw, op, &[1, kh, kw, ci, co]);
            let wk1 = emit(rw, op, tfl::Slice::NAME, &[wk, b, s], tensor_type(&[1, kh, kw, ci, co], elem), &[]);
            let w4 = reshape_to(rw, op, wk1, &[kh, kw, ci, co]);
            let y = conv_2d(rw, op, x4, w4, &strides, &rhs_dilation, &pads, groups, &out2)?;
            acc = Some(match acc {
                Some(a) => emit(rw, op, tfl::Add::NAME, &[a, y], tensor_type(&out2, elem), &[none]),
                None => y,
            });
        }
        acc.expect("one depth tap or more")
    };
    let y5 = reshape_to(rw, op, y, &[n, o_d, o_h, o_w, co]);
    let back = permuted(rw, op, y5, &inverse(&out_perm));
    if back == y5 {
        // Already in the output's layout: the reshape is the replacement.
        return Ok(y5.defining_op());
    }
    Ok(back.defining_op())
}

/// A `stablehlo.convolution` of NHWC `x` and HWIO `w` over H and W with the 3-D
/// convolution's H and W strides, dilation and padding, `groups` feature groups.
#[allow(clippy::too_many_arguments)]
fn conv_2d<'c>(
    rw: &mut Rewriter<'c>,
    op: Op<'c>,
    x: Value<'c>,
    w: Value<'c>,
    strides: &[i64],
    dilation: &[i64],
    pads: &[i64],
    groups: i64,
    out: &[i64],
) -> Result<Value<'c>, String> {
    let c = op.context();
    let dn = c
        .parse_attr("#stablehlo.conv<[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]>")
        .ok_or("cannot build the 2-D convolution's dimension numbers")?;
    let i64t = c.integer(64);
    let attrs = [
        ("dimension_numbers", dn),
        ("window_strides", c.i64_array_attr(&strides[1..])),
        ("rhs_dilation", c.i64_array_attr(&dilation[1..])),
        ("padding", c.dense_i64(&[2, 2], &pads[2..])),
        ("feature_group_count", c.integer_attr(i64t, groups)),
        ("batch_group_count", c.integer_attr(i64t, 1)),
    ];
    Ok(rw.create(hlo::Convolution::NAME, &[x, w], &[tensor_type(out, elem_of(x))], &attrs).result(0))
}

//! Verifier and result-type rules of TFL ops: the constraints of `tfl_ops.td` and of the
//! TFLite kernels' `Prepare` checks. Shape arithmetic shared with other dialects lives
//! in `crate::rules`. A rule only rejects what is wrong whatever the unknown dims and
//! non-constant operands turn out to be; where those decide a shape it infers `?` dims
//! or an unranked type.

use crate::ir::{Attr, ElemTy, OpView, TensorTy, DYN};
use crate::rules::*;

fn flag(op: &OpView, name: &str) -> bool {
    op.int_attr(name).unwrap_or(0) != 0
}

fn padding(op: &OpView) -> &str {
    op.str_attr("padding").unwrap_or("VALID")
}

fn int(op: &OpView, name: &str, default: i64) -> i64 {
    op.int_attr(name).unwrap_or(default)
}

/// Operand `i`'s dims when ranked.
fn shape(op: &OpView, i: usize) -> Option<&[i64]> {
    op.operands.get(i).and_then(|t| t.shape.as_deref())
}

/// Operand `i`'s dims when it has rank `rank`.
fn shape_of_rank(op: &OpView, i: usize, rank: usize) -> Option<&[i64]> {
    shape(op, i).filter(|s| s.len() == rank)
}

fn elem(op: &OpView, i: usize) -> ElemTy {
    op.operands.get(i).map(|t| t.elem.clone()).unwrap_or(ElemTy::None)
}

/// The element type of an inferred result that takes operand `i`'s element type.
fn result_elem(op: &OpView, r: usize, i: usize) -> ElemTy {
    declared_elem(op, r, &elem(op, i))
}

/// Dims `a` and `b` agree (either may be dynamic).
fn dims_agree(a: i64, b: i64) -> bool {
    merge_dim(a, b).is_some()
}

/// An optional bias (operand `i`) is a vector of `channels` elements.
fn check_bias(op: &OpView, i: usize, channels: i64) -> Result<(), String> {
    let Some(bias) = present(op, i) else { return Ok(()) };
    match bias.shape.as_deref() {
        Some([n]) if !dims_agree(*n, channels) => {
            Err(format!("bias has {n} elements, but the filter has {channels} output channels"))
        }
        Some(s) if s.len() != 1 => Err(format!("bias must have rank 1, got {bias}")),
        _ => Ok(()),
    }
}

/// Every result has operand `i`'s element type.
fn results_like_operand(op: &OpView, i: usize) -> Result<(), String> {
    (0..op.results.len()).try_for_each(|r| result_elem_like_operand(op, r, i))
}

// ---------------------------------------------------------------------------------
// Element-wise ops.

/// Unary element-wise op (result #0 has operand #0's element type).
pub fn unary(op: &OpView) -> Result<(), String> {
    result_elem_like_operand(op, 0, 0)
}

/// Comparison: both operands have one element type; the result is `i1`.
pub fn comparison(op: &OpView) -> Result<(), String> {
    same_operand_elems(op)
}

/// `select_v2`: `x` and `y` agree and give the result's element type.
pub fn select_v2(op: &OpView) -> Result<(), String> {
    operands_same_elem(op, 1, 2)?;
    result_elem_like_operand(op, 0, 1)
}

pub fn infer_select_v2(op: &OpView) -> Infer {
    broadcast_result(op, Some(result_elem(op, 0, 1)))
}

// ---------------------------------------------------------------------------------
// Convolutions and pooling (NHWC).

fn positive_window_attrs(op: &OpView, names: &[&str]) -> Result<(), String> {
    names.iter().try_for_each(|n| positive_attr(op, n).map(|_| ()))
}

/// `conv_2d`: input [N, H, W, C], filter [O, KH, KW, C / groups], bias [O].
pub fn conv_2d(op: &OpView) -> Result<(), String> {
    expect_rank(op, 0, 4, "input")?;
    expect_rank(op, 1, 4, "filter")?;
    positive_window_attrs(op, &["stride_h", "stride_w", "dilation_h_factor", "dilation_w_factor"])?;
    if let (Some(x), Some(f)) = (shape_of_rank(op, 0, 4), shape_of_rank(op, 1, 4)) {
        let (c, fc, o) = (x[3], f[3], f[0]);
        if fc == 0 {
            return Err("filter has 0 input channels".into());
        }
        if c >= 0 && fc > 0 {
            if c % fc != 0 {
                return Err(format!(
                    "input has {c} channels, which is not a multiple of the filter's {fc} input channels"
                ));
            }
            let groups = c / fc;
            if groups == 0 {
                return Err(format!("input has {c} channels; the filter needs a multiple of {fc}"));
            }
            if o >= 0 && o % groups != 0 {
                return Err(format!("filter has {o} output channels, which is not a multiple of the {groups} groups"));
            }
        }
        check_bias(op, 2, o)?;
    }
    super::hybrid::verify(op)?;
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_conv_2d(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let (Some(x), Some(f)) = (shape_of_rank(op, 0, 4), shape_of_rank(op, 1, 4)) else {
        return Ok(vec![tensor(vec![DYN; 4], out_elem)]);
    };
    let h = window_out(x[1], f[1], int(op, "stride_h", 1), int(op, "dilation_h_factor", 1), padding(op))?;
    let w = window_out(x[2], f[2], int(op, "stride_w", 1), int(op, "dilation_w_factor", 1), padding(op))?;
    Ok(vec![tensor(vec![x[0], h, w, f[0]], out_elem)])
}

/// `depthwise_conv_2d`: input [N, H, W, C], filter [1, KH, KW, C * depth_multiplier].
pub fn depthwise_conv_2d(op: &OpView) -> Result<(), String> {
    expect_rank(op, 0, 4, "input")?;
    expect_rank(op, 1, 4, "filter")?;
    positive_window_attrs(op, &["stride_h", "stride_w", "dilation_h_factor", "dilation_w_factor"])?;
    if let (Some(x), Some(f)) = (shape_of_rank(op, 0, 4), shape_of_rank(op, 1, 4)) {
        if !dims_agree(f[0], 1) {
            return Err(format!("filter must have shape [1, H, W, C * multiplier], got {}", op.operands[1]));
        }
        let (c, oc, m) = (x[3], f[3], int(op, "depth_multiplier", 0));
        if c > 0 && oc >= 0 {
            if oc % c != 0 {
                return Err(format!("filter has {oc} channels, which is not a multiple of the input's {c} channels"));
            }
            if m > 0 && oc != c * m {
                return Err(format!(
                    "filter has {oc} channels, but input channels {c} x depth_multiplier {m} is {}",
                    c * m
                ));
            }
        }
        check_bias(op, 2, oc)?;
    }
    super::hybrid::verify(op)?;
    result_elem_like_operand(op, 0, 0)
}

/// Same as `conv_2d`: the output has the filter's last dim as channels.
pub fn infer_depthwise_conv_2d(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let (Some(x), Some(f)) = (shape_of_rank(op, 0, 4), shape_of_rank(op, 1, 4)) else {
        return Ok(vec![tensor(vec![DYN; 4], out_elem)]);
    };
    let h = window_out(x[1], f[1], int(op, "stride_h", 1), int(op, "dilation_h_factor", 1), padding(op))?;
    let w = window_out(x[2], f[2], int(op, "stride_w", 1), int(op, "dilation_w_factor", 1), padding(op))?;
    Ok(vec![tensor(vec![x[0], h, w, f[3]], out_elem)])
}

/// `transpose_conv`: output_shape [4], weights [O, KH, KW, C], input [N, H, W, C].
pub fn transpose_conv(op: &OpView) -> Result<(), String> {
    expect_rank(op, 0, 1, "output_shape")?;
    expect_rank(op, 1, 4, "weights")?;
    expect_rank(op, 2, 4, "input")?;
    positive_window_attrs(op, &["stride_h", "stride_w"])?;
    if let Some([n]) = shape(op, 0) {
        if !dims_agree(*n, 4) {
            return Err(format!("output_shape must have 4 elements, got {n}"));
        }
    }
    if let Some(s) = const_ints(op, 0) {
        if s.len() != 4 {
            return Err(format!("output_shape must have 4 elements, got {}", s.len()));
        }
    }
    if let (Some(w), Some(x)) = (shape_of_rank(op, 1, 4), shape_of_rank(op, 2, 4)) {
        if !dims_agree(w[3], x[3]) {
            return Err(format!("weights have {} input channels, but the input has {}", w[3], x[3]));
        }
        if let Some(s) = const_ints(op, 0).filter(|s| s.len() == 4) {
            if !dims_agree(s[3], w[0]) {
                return Err(format!("output_shape has {} channels, but the weights have {}", s[3], w[0]));
            }
        }
        check_bias(op, 3, w[0])?;
    }
    result_elem_like_operand(op, 0, 2)
}

pub fn infer_transpose_conv(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 2);
    match const_ints(op, 0) {
        Some(s) if s.len() == 4 => Ok(vec![tensor(s.to_vec(), out_elem)]),
        _ => Ok(vec![tensor(vec![DYN; 4], out_elem)]),
    }
}

/// `max_pool_2d` / `average_pool_2d` on NHWC input.
pub fn pool_2d(op: &OpView) -> Result<(), String> {
    expect_rank(op, 0, 4, "input")?;
    positive_window_attrs(op, &["stride_h", "stride_w", "filter_height", "filter_width"])?;
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_pool_2d(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape_of_rank(op, 0, 4) else { return Ok(vec![tensor(vec![DYN; 4], out_elem)]) };
    let h = window_out(x[1], int(op, "filter_height", 1), int(op, "stride_h", 1), 1, padding(op))?;
    let w = window_out(x[2], int(op, "filter_width", 1), int(op, "stride_w", 1), 1, padding(op))?;
    Ok(vec![tensor(vec![x[0], h, w, x[3]], out_elem)])
}

// ---------------------------------------------------------------------------------
// Matrix products.

/// `fully_connected`: filter [O, I]; the input's elements form rows of I (or, with
/// `keep_num_dims`, its last dim is I); bias [O].
pub fn fully_connected(op: &OpView) -> Result<(), String> {
    if op.results.is_empty() {
        return Err("expected at least 1 result".into());
    }
    expect_rank_at_least(op, 0, 1, "input")?;
    expect_rank(op, 1, 2, "filter")?;
    if let Some(f) = shape_of_rank(op, 1, 2) {
        let (o, i) = (f[0], f[1]);
        if let Some(x) = shape(op, 0) {
            if flag(op, "keep_num_dims") {
                if let Some(&last) = x.last() {
                    if !dims_agree(last, i) {
                        return Err(format!("input's last dim {last} differs from the filter's input size {i}"));
                    }
                }
            } else if let Some(n) = product(x) {
                if i > 0 && n % i != 0 {
                    return Err(format!(
                        "input has {n} elements, which is not a multiple of the filter's input size {i}"
                    ));
                }
                // TensorFlow's own check, which also covers results that are not 2-D.
                if let Some(m) = op.results.first().and_then(|r| r.num_elements()) {
                    if i > 0 && o > 0 && (m % o != 0 || n / i != m / o) {
                        return Err(format!("input has {} rows of {i}, but the result has {m} elements", n / i));
                    }
                }
            }
        }
        check_bias(op, 2, o)?;
    }
    super::hybrid::verify(op)?;
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_fully_connected(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let o = shape_of_rank(op, 1, 2).map_or(DYN, |f| f[0]);
    let i = shape_of_rank(op, 1, 2).map_or(DYN, |f| f[1]);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    if flag(op, "keep_num_dims") {
        let mut dims = x.to_vec();
        if let Some(last) = dims.last_mut() {
            *last = o;
        }
        return Ok(vec![tensor(dims, out_elem)]);
    }
    // TensorFlow accepts any result shape with the right element count (checked by the
    // verifier); TFLite computes [rows, O], which is what a 2-D result must be.
    if op.results.first().and_then(|r| r.rank()).is_some_and(|r| r != 2) {
        return Ok(vec![unranked(out_elem)]);
    }
    let batch = match product(x) {
        Some(n) if i > 0 => n / i,
        _ => DYN,
    };
    Ok(vec![tensor(vec![batch, o], out_elem)])
}

/// `batch_matmul`: x [..., M, K] times y [..., K, N] (before `adj_x` / `adj_y`),
/// batch dims broadcast; int8 x int8 may give int32.
pub fn batch_matmul(op: &OpView) -> Result<(), String> {
    expect_rank_at_least(op, 0, 2, "x")?;
    expect_rank_at_least(op, 1, 2, "y")?;
    let int8_to_int32 = elem(op, 0) == ElemTy::I(8)
        && elem(op, 1) == ElemTy::I(8)
        && op.results.first().is_some_and(|r| r.elem == ElemTy::I(32));
    if !int8_to_int32 {
        result_elem_like_operand(op, 0, 0)?;
    }
    if let (Some(x), Some(y)) = (shape(op, 0), shape(op, 1)) {
        let kx = if flag(op, "adj_x") { x[x.len() - 2] } else { x[x.len() - 1] };
        let ky = if flag(op, "adj_y") { y[y.len() - 1] } else { y[y.len() - 2] };
        if !dims_agree(kx, ky) {
            return Err(format!("x's contracting dim {kx} differs from y's {ky}"));
        }
        if broadcast_shapes(&x[..x.len() - 2], &y[..y.len() - 2]).is_none() {
            return Err(format!("batch dims of {} and {} do not broadcast", op.operands[0], op.operands[1]));
        }
    }
    super::hybrid::verify(op)
}

pub fn infer_batch_matmul(op: &OpView) -> Infer {
    let out_elem = match op.results.first() {
        Some(r) if r.elem == ElemTy::I(32) && elem(op, 0) == ElemTy::I(8) => r.elem.clone(),
        _ => result_elem(op, 0, 0),
    };
    let (Some(x), Some(y)) = (shape(op, 0), shape(op, 1)) else { return Ok(vec![unranked(out_elem)]) };
    if x.len() < 2 || y.len() < 2 {
        return Ok(vec![unranked(out_elem)]);
    }
    let m = if flag(op, "adj_x") { x[x.len() - 1] } else { x[x.len() - 2] };
    let n = if flag(op, "adj_y") { y[y.len() - 2] } else { y[y.len() - 1] };
    let mut dims = broadcast_shapes(&x[..x.len() - 2], &y[..y.len() - 2]).ok_or("batch dims do not broadcast")?;
    dims.extend([m, n]);
    Ok(vec![tensor(dims, out_elem)])
}

// ---------------------------------------------------------------------------------
// Reductions and normalizations.

/// `mean`, `sum`, `reduce_max`, `reduce_min`: constant axes (operand 1) are in range.
pub fn reduction(op: &OpView) -> Result<(), String> {
    expect_rank_at_most(op, 1, 1, "axes")?;
    if let (Some(x), Some(axes)) = (shape(op, 0), const_ints(op, 1)) {
        normalize_axes(axes, x.len(), "axis")?;
    }
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_reduction(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let keep = flag(op, "keep_dims");
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    match const_ints(op, 1) {
        Some(axes) => {
            let axes = normalize_axes(axes, x.len(), "axis")?;
            Ok(vec![tensor(reduce_dims(x, &axes, keep), out_elem)])
        }
        None if keep => Ok(vec![tensor(vec![DYN; x.len()], out_elem)]),
        None => Ok(vec![unranked(out_elem)]),
    }
}

/// `softmax`: rank at least 1, result like input.
pub fn softmax(op: &OpView) -> Result<(), String> {
    expect_rank_at_least(op, 0, 1, "input")?;
    result_elem_like_operand(op, 0, 0)
}

/// `cumsum`: a scalar axis in range.
pub fn cumsum(op: &OpView) -> Result<(), String> {
    expect_single_element(op, 1, "axis")?;
    if let (Some(x), Some([a])) = (shape(op, 0), const_ints(op, 1)) {
        normalize_axis(*a, x.len(), "axis")?;
    }
    result_elem_like_operand(op, 0, 0)
}

/// `arg_max`: a single axis in range; the result drops that dim.
pub fn arg_max(op: &OpView) -> Result<(), String> {
    expect_single_element(op, 1, "dim")?;
    if let (Some(x), Some([a])) = (shape(op, 0), const_ints(op, 1)) {
        normalize_axis(*a, x.len(), "dim")?;
    }
    Ok(())
}

pub fn infer_arg_max(op: &OpView) -> Infer {
    let out_elem = op.results.first().map_or(ElemTy::I(64), |r| r.elem.clone());
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    match const_ints(op, 1) {
        Some([a]) => {
            let axis = normalize_axis(*a, x.len(), "dim")?;
            Ok(vec![tensor(reduce_dims(x, &[axis], false), out_elem)])
        }
        _ => Ok(vec![tensor(vec![DYN; x.len().saturating_sub(1)], out_elem)]),
    }
}

// ---------------------------------------------------------------------------------
// Shape manipulation.

/// `reshape`: a 1-D shape with at most one -1; element counts agree.
pub fn reshape(op: &OpView) -> Result<(), String> {
    expect_rank_at_most(op, 1, 1, "shape")?;
    result_elem_like_operand(op, 0, 0)?;
    let input_count = op.operands.first().and_then(|t| t.num_elements());
    if let Some(s) = const_ints(op, 1) {
        if s.iter().filter(|&&d| d == -1).count() > 1 {
            return Err("shape has more than one -1".into());
        }
        if let Some(d) = s.iter().find(|&&d| d < -1) {
            return Err(format!("shape has a negative size {d}"));
        }
        let Some(known) = s.iter().filter(|&&d| d != -1).try_fold(1i64, |acc, &d| acc.checked_mul(d)) else {
            return Err(format!("shape {s:?} has more elements than a 64-bit count holds"));
        };
        if let Some(n) = input_count {
            let fits = if s.contains(&-1) { known == 0 && n == 0 || known > 0 && n % known == 0 } else { n == known };
            if !fits {
                return Err(format!("cannot reshape {} elements to shape {s:?}", n));
            }
        }
    }
    if let (Some(n), Some(m)) = (input_count, op.results.first().and_then(|t| t.num_elements())) {
        if n != m {
            return Err(format!("input has {n} elements, but the result has {m}"));
        }
    }
    Ok(())
}

/// The largest rank a run-time shape operand may give a result. LiteRT's kernels take
/// at most 6 (8 for BROADCAST_TO); a `tensor<2147483647xi32>` shape must not become a
/// result type of that many dims.
const MAX_RUNTIME_SHAPE_RANK: i64 = 8;

/// A result rank given by the length of a 1-D shape operand, when it is a sane one.
fn runtime_shape_rank(op: &OpView, i: usize) -> Result<Option<usize>, String> {
    match shape(op, i) {
        Some([n]) if *n > MAX_RUNTIME_SHAPE_RANK => {
            Err(format!("a shape operand of {n} elements: results of more than {MAX_RUNTIME_SHAPE_RANK} dims are not supported"))
        }
        Some([n]) if *n >= 0 => Ok(Some(*n as usize)),
        _ => Ok(None),
    }
}

pub fn infer_reshape(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    if let Some(s) = const_ints(op, 1) {
        let known = s.iter().filter(|&&d| d != -1).try_fold(1i64, |acc, &d| acc.checked_mul(d)).unwrap_or(0);
        let fill = match op.operands.first().and_then(|t| t.num_elements()) {
            Some(n) if known > 0 => n / known,
            _ => DYN,
        };
        return Ok(vec![tensor(s.iter().map(|&d| if d == -1 { fill } else { d }).collect(), out_elem)]);
    }
    match runtime_shape_rank(op, 1)? {
        Some(n) => Ok(vec![tensor(vec![DYN; n], out_elem)]),
        None => Ok(vec![unranked(out_elem)]),
    }
}

/// `transpose`: a constant `perm` is a permutation of the input's dims.
pub fn transpose(op: &OpView) -> Result<(), String> {
    expect_rank(op, 1, 1, "perm")?;
    if let (Some(x), Some([n])) = (shape(op, 0), shape(op, 1)) {
        if *n >= 0 && *n as usize != x.len() {
            return Err(format!("perm has {n} elements, but the input has rank {}", x.len()));
        }
    }
    if let Some(p) = const_ints(op, 1) {
        if !is_permutation(p) {
            return Err(format!("perm {p:?} is not a permutation"));
        }
        if let Some(x) = shape(op, 0) {
            if p.len() != x.len() {
                return Err(format!("perm {p:?} has {} elements, but the input has rank {}", p.len(), x.len()));
            }
        }
    }
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_transpose(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    match const_ints(op, 1) {
        Some(p) if p.len() == x.len() && is_permutation(p) => Ok(vec![tensor(permute_dims(x, p), out_elem)]),
        _ => Ok(vec![tensor(vec![DYN; x.len()], out_elem)]),
    }
}

/// `concatenation`: one element type and rank; `axis` in range; other dims agree.
pub fn concatenation(op: &OpView) -> Result<(), String> {
    if op.operands.is_empty() {
        return Err("expected at least 1 operand".into());
    }
    same_operand_elems(op)?;
    result_elem_like_operand(op, 0, 0)?;
    let shapes: Vec<&[i64]> = op.operands.iter().filter_map(|t| t.shape.as_deref()).collect();
    if let Some(first) = shapes.first() {
        let axis = normalize_axis(int(op, "axis", 0), first.len(), "axis")?;
        concat_dims(&shapes, axis)?;
    }
    Ok(())
}

pub fn infer_concatenation(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let shapes: Option<Vec<&[i64]>> = op.operands.iter().map(|t| t.shape.as_deref()).collect();
    match shapes {
        Some(shapes) if !shapes.is_empty() => {
            let axis = normalize_axis(int(op, "axis", 0), shapes[0].len(), "axis")?;
            Ok(vec![tensor(concat_dims(&shapes, axis)?, out_elem)])
        }
        _ => Ok(vec![unranked(out_elem)]),
    }
}

/// `pad` / `padv2`: paddings [rank, 2] of non-negative sizes; padv2's constant is one
/// element of the input's type.
pub fn pad(op: &OpView) -> Result<(), String> {
    expect_rank(op, 1, 2, "padding")?;
    if let (Some(x), Some(p)) = (shape(op, 0), shape_of_rank(op, 1, 2)) {
        if !dims_agree(p[0], x.len() as i64) || !dims_agree(p[1], 2) {
            return Err(format!("padding must have shape [{}, 2], got {}", x.len(), op.operands[1]));
        }
    }
    if let Some(p) = const_ints(op, 1) {
        if let Some(v) = p.iter().find(|&&v| v < 0) {
            return Err(format!("padding sizes must be non-negative, got {v}"));
        }
    }
    if op.operands.len() > 2 {
        operands_same_elem(op, 0, 2)?;
        expect_single_element(op, 2, "constant_values")?;
    }
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_pad(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    match const_ints(op, 1) {
        Some(p) if p.len() == 2 * x.len() => {
            let dims = x.iter().enumerate().map(|(i, &d)| if d < 0 { DYN } else { d + p[2 * i] + p[2 * i + 1] });
            Ok(vec![tensor(dims.collect(), out_elem)])
        }
        _ => Ok(vec![tensor(vec![DYN; x.len()], out_elem)]),
    }
}

/// `slice`: begin and size have one entry per input dim; constant ones stay in bounds
/// (size -1 means "to the end").
pub fn slice(op: &OpView) -> Result<(), String> {
    expect_rank(op, 1, 1, "begin")?;
    expect_rank(op, 2, 1, "size")?;
    result_elem_like_operand(op, 0, 0)?;
    let Some(x) = shape(op, 0) else { return Ok(()) };
    for (i, what) in [(1, "begin"), (2, "size")] {
        if let Some([n]) = shape(op, i) {
            if *n >= 0 && *n as usize != x.len() {
                return Err(format!("{what} has {n} elements, but the input has rank {}", x.len()));
            }
        }
    }
    let begin = const_ints(op, 1).filter(|b| b.len() == x.len());
    let size = const_ints(op, 2).filter(|s| s.len() == x.len());
    for (i, &d) in x.iter().enumerate() {
        let b = begin.map(|b| b[i]);
        let s = size.map(|s| s[i]);
        if let Some(b) = b {
            if b < 0 || (d >= 0 && b > d) {
                return Err(format!("begin {b} is out of bounds for dimension {i} of size {d}"));
            }
        }
        if let Some(s) = s {
            if s < -1 {
                return Err(format!("size {s} in dimension {i} must be -1 or non-negative"));
            }
            if s >= 0 && d >= 0 && b.unwrap_or(0) + s > d {
                return Err(format!("slice of size {s} from {} exceeds dimension {i} of size {d}", b.unwrap_or(0)));
            }
        }
    }
    Ok(())
}

pub fn infer_slice(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    let Some(size) = const_ints(op, 2).filter(|s| s.len() == x.len()) else {
        return Ok(vec![tensor(vec![DYN; x.len()], out_elem)]);
    };
    let begin = const_ints(op, 1).filter(|b| b.len() == x.len());
    let dims = size.iter().enumerate().map(|(i, &s)| match (s, begin) {
        (-1, Some(b)) if x[i] >= 0 => x[i] - b[i],
        (-1, _) => DYN,
        (s, _) => s,
    });
    Ok(vec![tensor(dims.collect(), out_elem)])
}

/// `strided_slice`: begin, end and strides are vectors of one length; strides are
/// non-zero; at most one ellipsis.
pub fn strided_slice(op: &OpView) -> Result<(), String> {
    for (i, what) in [(1, "begin"), (2, "end"), (3, "strides")] {
        expect_rank(op, i, 1, what)?;
    }
    let lens: Vec<i64> =
        (1..4).filter_map(|i| shape(op, i).and_then(|s| s.first().copied())).filter(|&n| n >= 0).collect();
    if lens.windows(2).any(|w| w[0] != w[1]) {
        return Err(format!("begin, end and strides must have one length, got {lens:?}"));
    }
    if let Some(s) = const_ints(op, 3) {
        if s.contains(&0) {
            return Err("strides must be non-zero".into());
        }
    }
    if int(op, "ellipsis_mask", 0).count_ones() > 1 {
        return Err("ellipsis_mask may have at most one bit set".into());
    }
    result_elem_like_operand(op, 0, 0)
}

/// Canonical start of one strided-slice dimension (TensorFlow's rules).
fn strided_bound(x: i64, masked: bool, is_begin: bool, stride: i64, dim: i64) -> i64 {
    let (lo, hi) = if stride > 0 { (0, dim) } else { (-1, dim - 1) };
    if masked {
        return if (stride > 0) == is_begin { lo } else { hi };
    }
    let x = if x < 0 { x + dim } else { x };
    x.clamp(lo, hi)
}

pub fn infer_strided_slice(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    let (begin_mask, end_mask) = (int(op, "begin_mask", 0), int(op, "end_mask", 0));
    let shrink = int(op, "shrink_axis_mask", 0);
    if int(op, "ellipsis_mask", 0) != 0 || int(op, "new_axis_mask", 0) != 0 {
        return Ok(vec![unranked(out_elem)]);
    }
    let bit = |mask: i64, i: usize| i < 63 && (mask >> i) & 1 == 1;
    let (Some(b), Some(e), Some(s)) = (const_ints(op, 1), const_ints(op, 2), const_ints(op, 3)) else {
        let kept = (0..x.len()).filter(|&i| !bit(shrink, i)).count();
        return Ok(vec![tensor(vec![DYN; kept], out_elem)]);
    };
    if b.len() != e.len() || b.len() != s.len() || b.len() > x.len() {
        return Err(format!("begin, end and strides must have one length of at most the input rank {}", x.len()));
    }
    let mut dims = Vec::with_capacity(x.len());
    for (i, &d) in x.iter().enumerate() {
        if i >= b.len() {
            dims.push(d);
            continue;
        }
        if bit(shrink, i) {
            continue;
        }
        let stride = s[i];
        if stride == 0 {
            return Err("strides must be non-zero".into());
        }
        if d < 0 {
            dims.push(DYN);
            continue;
        }
        let end_raw = if flag(op, "offset") { b[i] + e[i] } else { e[i] };
        let lo = strided_bound(b[i], bit(begin_mask, i), true, stride, d);
        let hi = strided_bound(end_raw, bit(end_mask, i), false, stride, d);
        let span = if stride > 0 { hi - lo } else { lo - hi };
        let step = stride.abs();
        dims.push(((span + step - 1) / step).max(0));
    }
    Ok(vec![tensor(dims, out_elem)])
}

/// `gather`: `axis` and `batch_dims` in range; batch dims of params and indices agree.
pub fn gather(op: &OpView) -> Result<(), String> {
    expect_rank_at_least(op, 0, 1, "params")?;
    result_elem_like_operand(op, 0, 0)?;
    let (Some(p), Some(ix)) = (shape(op, 0), shape(op, 1)) else { return Ok(()) };
    let axis = normalize_axis(int(op, "axis", 0), p.len(), "axis")?;
    let bd = gather_batch_dims(op, ix.len())?;
    if bd > axis {
        return Err(format!("batch_dims {bd} must not exceed axis {axis}"));
    }
    for i in 0..bd {
        if !dims_agree(p[i], ix[i]) {
            return Err(format!("batch dim {i} differs: params has {}, indices has {}", p[i], ix[i]));
        }
    }
    Ok(())
}

/// `dynamic_update_slice`: `update` has `operand`'s rank and element type and is no
/// larger in any dim; `start_indices` has one entry per dim; the result is `operand`.
pub fn dynamic_update_slice(op: &OpView) -> Result<(), String> {
    result_elem_like_operand(op, 0, 0)?;
    result_elem_like_operand(op, 0, 1)?;
    expect_rank(op, 2, 1, "start_indices")?;
    let (Some(x), Some(u)) = (shape(op, 0), shape(op, 1)) else { return Ok(()) };
    if x.len() != u.len() {
        return Err(format!("update of rank {} into an operand of rank {}", u.len(), x.len()));
    }
    if x.iter().zip(u).any(|(&a, &b)| a != DYN && b != DYN && b > a) {
        return Err(format!("update {u:?} does not fit operand {x:?}"));
    }
    if let Some(s) = shape(op, 2) {
        if s[0] != DYN && s[0] as usize != x.len() {
            return Err(format!("{} start indices for an operand of rank {}", s[0], x.len()));
        }
    }
    if let Some(r) = op.results.first().and_then(|t| t.shape.as_deref()) {
        if r.len() != x.len() || !r.iter().zip(x).all(|(&a, &b)| dims_agree(a, b)) {
            return Err(format!("result shape {r:?} is not the operand's {x:?}"));
        }
    }
    Ok(())
}

/// `gather_nd`: the index vectors (last dim of `indices`) are no longer than `params`'
/// rank; the result is `indices.shape[:-1] + params.shape[depth:]`.
pub fn gather_nd(op: &OpView) -> Result<(), String> {
    expect_rank_at_least(op, 0, 1, "params")?;
    expect_rank_at_least(op, 1, 1, "indices")?;
    result_elem_like_operand(op, 0, 0)?;
    let (Some(p), Some(ix)) = (shape(op, 0), shape(op, 1)) else { return Ok(()) };
    let depth = ix[ix.len() - 1];
    if depth != DYN && (depth < 1 || depth as usize > p.len()) {
        return Err(format!("index vectors of length {depth} do not fit params of rank {}", p.len()));
    }
    if let (Some(out), true) = (op.results.first().and_then(|t| t.shape.as_deref()), depth != DYN) {
        let want: Vec<i64> = ix[..ix.len() - 1].iter().chain(&p[depth as usize..]).copied().collect();
        if !out.iter().zip(&want).all(|(&a, &b)| dims_agree(a, b)) || out.len() != want.len() {
            return Err(format!("result shape {out:?} is not {want:?}"));
        }
    }
    Ok(())
}

fn gather_batch_dims(op: &OpView, indices_rank: usize) -> Result<usize, String> {
    let bd = int(op, "batch_dims", 0);
    let n = if bd < 0 { bd + indices_rank as i64 } else { bd };
    if n < 0 || n > indices_rank as i64 {
        return Err(format!("batch_dims {bd} is out of range for indices of rank {indices_rank}"));
    }
    Ok(n as usize)
}

pub fn infer_gather(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let (Some(p), Some(ix)) = (shape(op, 0), shape(op, 1)) else { return Ok(vec![unranked(out_elem)]) };
    let axis = normalize_axis(int(op, "axis", 0), p.len(), "axis")?;
    let bd = gather_batch_dims(op, ix.len())?;
    let dims = p[..axis].iter().chain(&ix[bd..]).chain(&p[axis + 1..]).copied().collect();
    Ok(vec![tensor(dims, out_elem)])
}

fn squeeze_dims(op: &OpView) -> Vec<i64> {
    op.ints_attr("squeeze_dims").unwrap_or_default()
}

/// `squeeze`: listed dims are in range and (when known) of size 1.
pub fn squeeze(op: &OpView) -> Result<(), String> {
    result_elem_like_operand(op, 0, 0)?;
    let Some(x) = shape(op, 0) else { return Ok(()) };
    for a in normalize_axes(&squeeze_dims(op), x.len(), "squeeze dim")? {
        if x[a] >= 0 && x[a] != 1 {
            return Err(format!("cannot squeeze dimension {a} of size {}", x[a]));
        }
    }
    Ok(())
}

pub fn infer_squeeze(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    let listed = normalize_axes(&squeeze_dims(op), x.len(), "squeeze dim")?;
    if listed.is_empty() && x.contains(&DYN) {
        return Ok(vec![unranked(out_elem)]);
    }
    let dims = x.iter().enumerate().filter(|&(i, &d)| if listed.is_empty() { d != 1 } else { !listed.contains(&i) });
    Ok(vec![tensor(dims.map(|(_, &d)| d).collect(), out_elem)])
}

/// `expand_dims`: one axis in [-rank - 1, rank].
pub fn expand_dims(op: &OpView) -> Result<(), String> {
    expect_single_element(op, 1, "dim")?;
    if let (Some(x), Some([a])) = (shape(op, 0), const_ints(op, 1)) {
        normalize_axis(*a, x.len() + 1, "dim")?;
    }
    result_elem_like_operand(op, 0, 0)
}

/// `range`: 0-d start, limit and delta of one element type, which the result has.
pub fn range(op: &OpView) -> Result<(), String> {
    for (i, what) in [(0, "start"), (1, "limit"), (2, "delta")] {
        expect_rank(op, i, 0, what)?;
    }
    same_operand_elems(op)?;
    result_elem_like_operand(op, 0, 0)
}

/// A constant range has its length; otherwise it is `[?]`.
pub fn infer_range(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    if let (Some([a]), Some([b]), Some([d])) = (const_ints(op, 0), const_ints(op, 1), const_ints(op, 2)) {
        if *d != 0 && matches!(out_elem, ElemTy::I(_)) {
            let n = if *d > 0 { (b - a + d - 1) / d } else { (a - b - d - 1) / -d };
            return Ok(vec![tensor(vec![n.max(0)], out_elem)]);
        }
    }
    Ok(vec![tensor(vec![DYN], out_elem)])
}

/// `shape`: `[rank]` of the declared index type.
pub fn infer_shape(op: &OpView) -> Infer {
    let out_elem = op.results.first().map(|r| r.elem.clone()).unwrap_or(ElemTy::I(32));
    Ok(vec![tensor(vec![shape(op, 0).map_or(DYN, |s| s.len() as i64)], out_elem)])
}

pub fn infer_expand_dims(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(x) = shape(op, 0) else { return Ok(vec![unranked(out_elem)]) };
    match const_ints(op, 1) {
        Some([a]) => {
            let axis = normalize_axis(*a, x.len() + 1, "dim")?;
            let mut dims = x.to_vec();
            dims.insert(axis, 1);
            Ok(vec![tensor(dims, out_elem)])
        }
        _ => Ok(vec![tensor(vec![DYN; x.len() + 1], out_elem)]),
    }
}

/// The common shape of `pack`'s values.
fn pack_shape(op: &OpView) -> Result<Option<Vec<i64>>, String> {
    let mut merged: Option<Vec<i64>> = None;
    for (k, t) in op.operands.iter().enumerate() {
        let Some(s) = t.shape.as_deref() else { continue };
        merged = Some(match merged {
            None => s.to_vec(),
            Some(m) if m.len() == s.len() => m
                .iter()
                .zip(s)
                .map(|(&a, &b)| merge_dim(a, b))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| format!("value #{k} has shape {t}, unlike the other values"))?,
            Some(m) => {
                return Err(format!("value #{k} has rank {}, but the other values have rank {}", s.len(), m.len()))
            }
        });
    }
    Ok(merged)
}

/// `pack`: values of one type and shape; `values_count` is their number; `axis` in
/// [-rank - 1, rank].
pub fn pack(op: &OpView) -> Result<(), String> {
    if op.operands.is_empty() {
        return Err("expected at least 1 operand".into());
    }
    let count = int(op, "values_count", 0);
    if count != op.operands.len() as i64 {
        return Err(format!("values_count is {count}, but there are {} values", op.operands.len()));
    }
    same_operand_elems(op)?;
    result_elem_like_operand(op, 0, 0)?;
    if let Some(s) = pack_shape(op)? {
        normalize_axis(int(op, "axis", 0), s.len() + 1, "axis")?;
    }
    Ok(())
}

pub fn infer_pack(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let Some(mut dims) = pack_shape(op)? else { return Ok(vec![unranked(out_elem)]) };
    let axis = normalize_axis(int(op, "axis", 0), dims.len() + 1, "axis")?;
    dims.insert(axis, op.operands.len() as i64);
    Ok(vec![tensor(dims, out_elem)])
}

/// `unpack`: `num` results, each the input without dim `axis` (of size `num`).
pub fn unpack(op: &OpView) -> Result<(), String> {
    let num = int(op, "num", 0);
    if num != op.results.len() as i64 {
        return Err(format!("num is {num}, but there are {} results", op.results.len()));
    }
    if let Some(x) = shape(op, 0) {
        let axis = normalize_axis(int(op, "axis", 0), x.len(), "axis")?;
        if !dims_agree(x[axis], num) {
            return Err(format!("dimension {axis} has size {}, but num is {num}", x[axis]));
        }
    }
    results_like_operand(op, 0)
}

pub fn infer_unpack(op: &OpView) -> Infer {
    let out = |r: usize, dims: Option<Vec<i64>>| TensorTy { shape: dims, elem: result_elem(op, r, 0), is_tensor: true };
    let dims = match shape(op, 0) {
        Some(x) => {
            let axis = normalize_axis(int(op, "axis", 0), x.len(), "axis")?;
            Some(reduce_dims(x, &[axis], false))
        }
        None => None,
    };
    Ok((0..op.results.len()).map(|r| out(r, dims.clone())).collect())
}

/// `split`: `num_splits` results; a constant axis (operand 0) in range whose size
/// `num_splits` divides.
pub fn split(op: &OpView) -> Result<(), String> {
    expect_single_element(op, 0, "split_dim")?;
    let n = positive_attr(op, "num_splits")?;
    if n != op.results.len() as i64 {
        return Err(format!("num_splits is {n}, but there are {} results", op.results.len()));
    }
    if let (Some(x), Some([a])) = (shape(op, 1), const_ints(op, 0)) {
        let axis = normalize_axis(*a, x.len(), "split_dim")?;
        if x[axis] >= 0 && x[axis] % n != 0 {
            return Err(format!("dimension {axis} of size {} does not split into {n} equal parts", x[axis]));
        }
    }
    results_like_operand(op, 1)
}

pub fn infer_split(op: &OpView) -> Infer {
    let n = int(op, "num_splits", 1).max(1);
    let dims = match (shape(op, 1), const_ints(op, 0)) {
        (Some(x), Some([a])) => {
            let axis = normalize_axis(*a, x.len(), "split_dim")?;
            let mut d = x.to_vec();
            if d[axis] >= 0 {
                d[axis] /= n;
            }
            Some(d)
        }
        (Some(x), _) => Some(vec![DYN; x.len()]),
        (None, _) => None,
    };
    Ok((0..op.results.len())
        .map(|r| TensorTy { shape: dims.clone(), elem: result_elem(op, r, 1), is_tensor: true })
        .collect())
}

/// `broadcast_to`: a 1-D shape to which the input broadcasts.
pub fn broadcast_to(op: &OpView) -> Result<(), String> {
    expect_rank(op, 1, 1, "shape")?;
    if let (Some(x), Some(s)) = (shape(op, 0), const_ints(op, 1)) {
        if !broadcasts_to(x, s) {
            return Err(format!("{} does not broadcast to shape {s:?}", op.operands[0]));
        }
    }
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_broadcast_to(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    match (const_ints(op, 1), shape(op, 1)) {
        (Some(s), _) => Ok(vec![tensor(s.to_vec(), out_elem)]),
        (None, _) => match runtime_shape_rank(op, 1)? {
            Some(n) => Ok(vec![tensor(vec![DYN; n], out_elem)]),
            None => Ok(vec![unranked(out_elem)]),
        },
    }
}

// ---------------------------------------------------------------------------------
// Images, lookups, quantization.

/// `resize_bilinear` / `resize_nearest_neighbor`: NHWC input, size [2] of positive
/// values; `align_corners` and `half_pixel_centers` exclude each other.
pub fn resize(op: &OpView) -> Result<(), String> {
    expect_rank(op, 0, 4, "input")?;
    expect_rank(op, 1, 1, "size")?;
    if let Some([n]) = shape(op, 1) {
        if !dims_agree(*n, 2) {
            return Err(format!("size must have 2 elements, got {n}"));
        }
    }
    if let Some(s) = const_ints(op, 1) {
        if s.len() != 2 || s.iter().any(|&v| v <= 0) {
            return Err(format!("size must be 2 positive values, got {s:?}"));
        }
    }
    if flag(op, "align_corners") && flag(op, "half_pixel_centers") {
        return Err("align_corners and half_pixel_centers cannot both be true".into());
    }
    result_elem_like_operand(op, 0, 0)
}

pub fn infer_resize(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let (n, c) = shape_of_rank(op, 0, 4).map_or((DYN, DYN), |x| (x[0], x[3]));
    let (h, w) = match const_ints(op, 1) {
        Some([h, w]) => (*h, *w),
        _ => (DYN, DYN),
    };
    Ok(vec![tensor(vec![n, h, w, c], out_elem)])
}

/// `embedding_lookup`: ids [N] into a table [V, ...]; the result has the table's
/// element type, or float for a quantized (hybrid) table.
pub fn embedding_lookup(op: &OpView) -> Result<(), String> {
    expect_rank(op, 0, 1, "lookup")?;
    expect_rank_at_least(op, 1, 2, "value")?;
    let value = elem(op, 1);
    let hybrid = (value.is_quant() || matches!(value, ElemTy::I(8) | ElemTy::U(8)))
        && op.results.first().is_some_and(|r| r.elem.is_float());
    if hybrid {
        Ok(())
    } else {
        result_elem_like_operand(op, 0, 1)
    }
}

pub fn infer_embedding_lookup(op: &OpView) -> Infer {
    let out_elem = op.results.first().map_or_else(|| elem(op, 1), |r| r.elem.clone());
    let (Some(ids), Some(v)) = (shape(op, 0), shape(op, 1)) else { return Ok(vec![unranked(out_elem)]) };
    let dims = ids.iter().take(1).chain(v.iter().skip(1)).copied().collect();
    Ok(vec![tensor(dims, out_elem)])
}

fn qtype(op: &OpView) -> Option<&TensorTy> {
    match op.attr("qtype") {
        Some(Attr::Type(t)) => Some(t),
        _ => None,
    }
}

/// `quantize`: `qtype` is the quantized result type.
pub fn quantize(op: &OpView) -> Result<(), String> {
    let q = qtype(op).ok_or("attribute 'qtype' must be a tensor type")?;
    if !q.elem.is_quant() {
        return Err(format!("qtype must have a quantized element type, got {q}"));
    }
    Ok(())
}

/// The input's shape with `qtype`'s element type.
pub fn infer_quantize(op: &OpView) -> Infer {
    let elem = qtype(op).map_or_else(|| elem(op, 0), |q| q.elem.clone());
    let shape = op.operands.first().and_then(|t| t.shape.clone());
    Ok(vec![TensorTy { shape, elem, is_tensor: true }])
}

/// `pseudo_const`: the result has the shape of `value`.
pub fn pseudo_const(op: &OpView) -> Result<(), String> {
    let value_ty = match op.attr("value") {
        Some(Attr::Dense { ty, .. } | Attr::DenseResource { ty }) => ty,
        _ => return Ok(()),
    };
    // The writer reads the value's bytes in the result's layout: the element types must
    // agree (a quantized result holds its storage integers).
    if let Some(r) = op.results.first() {
        let elem_ok = match &r.elem {
            ElemTy::Quant(q) => {
                value_ty.elem == r.elem
                    || matches!(value_ty.elem, ElemTy::I(w) | ElemTy::U(w) if w == q.storage_bits)
            }
            e => *e == value_ty.elem,
        };
        if !elem_ok {
            return Err(format!("result type {r} does not match the value's type {value_ty}"));
        }
    }
    match (op.results.first(), &value_ty.shape) {
        (Some(r), Some(vs))
            if r.shape
                .as_ref()
                .is_some_and(|rs| rs.len() != vs.len() || rs.iter().zip(vs).any(|(&a, &b)| !dims_agree(a, b))) =>
        {
            Err(format!("result type {r} does not match the value's type {value_ty}"))
        }
        _ => Ok(()),
    }
}

/// `no_value`: a unit `value` and a `none` result.
pub fn no_value(op: &OpView) -> Result<(), String> {
    if op.attr("value") != Some(&Attr::Unit) {
        return Err("attribute 'value' must be a unit attribute".into());
    }
    match op.results.first() {
        Some(r) if !r.is_tensor && r.elem == ElemTy::None => Ok(()),
        Some(r) => Err(format!("result must have type none, got {r}")),
        None => Err("expected 1 result".into()),
    }
}

// ---------------------------------------------------------------------------------
// Bit views, scatter and segment reductions.

/// `bitcast`: the same bytes. Equal widths keep the shape; a narrower result adds a last
/// dim of the width ratio; a wider one consumes a last dim of that size.
pub fn bitcast(op: &OpView) -> Result<(), String> {
    let (Some(input), Some(output)) = (op.operands.first(), op.results.first()) else { return Ok(()) };
    let (Some(a), Some(b)) = (input.elem.byte_width(), output.elem.byte_width()) else { return Ok(()) };
    let (Some(i), Some(o)) = (input.shape.as_deref(), output.shape.as_deref()) else { return Ok(()) };
    let want: Vec<i64> = if a == b {
        i.to_vec()
    } else if a > b && a % b == 0 {
        i.iter().copied().chain([(a / b) as i64]).collect()
    } else if b > a && b % a == 0 && i.last().is_some_and(|&l| l == (b / a) as i64 || l == DYN) {
        i[..i.len() - 1].to_vec()
    } else {
        return Err(format!("cannot view {input} as {}", output.elem));
    };
    if o.len() != want.len() || !o.iter().zip(&want).all(|(&x, &y)| dims_agree(x, y)) {
        return Err(format!("result shape {o:?} is not {want:?}"));
    }
    Ok(())
}

/// Two operands and the result of one shape (kernels that do not broadcast).
pub fn same_shape_binary(op: &OpView) -> Result<(), String> {
    binary_same_elem(op)?;
    let shapes: Vec<&[i64]> = op.operands.iter().chain(&op.results).filter_map(|t| t.shape.as_deref()).collect();
    for s in &shapes[1..] {
        if s.len() != shapes[0].len() || !s.iter().zip(shapes[0]).all(|(&x, &y)| dims_agree(x, y)) {
            return Err(format!("operands and result must have one shape, got {:?} and {s:?}", shapes[0]));
        }
    }
    Ok(())
}

/// `scatter_nd`: `shape` is a vector; `updates` is `indices.shape[:-1] + shape[depth:]`;
/// the result has `shape` (when constant) and the updates' element type.
pub fn scatter_nd(op: &OpView) -> Result<(), String> {
    expect_rank_at_least(op, 0, 1, "indices")?;
    expect_rank(op, 2, 1, "shape")?;
    result_elem_like_operand(op, 0, 1)?;
    let Some(out) = const_ints(op, 2) else { return Ok(()) };
    if let Some(r) = op.results.first().and_then(|t| t.shape.as_deref()) {
        if r.len() != out.len() || !r.iter().zip(out).all(|(&x, &y)| dims_agree(x, y)) {
            return Err(format!("result shape {r:?} is not the shape operand {out:?}"));
        }
    }
    let (Some(ix), Some(up)) = (shape(op, 0), shape(op, 1)) else { return Ok(()) };
    let depth = ix[ix.len() - 1];
    if depth == DYN {
        return Ok(());
    }
    if depth < 1 || depth as usize > out.len() {
        return Err(format!("index vectors of length {depth} do not fit a result of rank {}", out.len()));
    }
    let want: Vec<i64> = ix[..ix.len() - 1].iter().chain(&out[depth as usize..]).copied().collect();
    if up.len() != want.len() || !up.iter().zip(&want).all(|(&x, &y)| dims_agree(x, y)) {
        return Err(format!("updates shape {up:?} is not {want:?}"));
    }
    Ok(())
}

/// `unsorted_segment_*`: `segment_ids` covers leading dims of `input`; `num_segments`
/// is a single element.
pub fn unsorted_segment(op: &OpView) -> Result<(), String> {
    result_elem_like_operand(op, 0, 0)?;
    expect_single_element(op, 2, "num_segments")?;
    let (Some(x), Some(ids)) = (shape(op, 0), shape(op, 1)) else { return Ok(()) };
    if ids.len() > x.len() || !ids.iter().zip(x).all(|(&a, &b)| dims_agree(a, b)) {
        return Err(format!("segment_ids {ids:?} are not leading dims of the input {x:?}"));
    }
    Ok(())
}

/// `unsorted_segment_*`: `[num_segments] + input.shape[rank(segment_ids):]`.
pub fn infer_unsorted_segment(op: &OpView) -> Infer {
    let out_elem = result_elem(op, 0, 0);
    let (Some(x), Some(ids)) = (shape(op, 0), shape(op, 1)) else { return Ok(vec![unranked(out_elem)]) };
    let n = const_ints(op, 2).and_then(|v| v.first().copied()).unwrap_or(DYN);
    let dims = std::iter::once(n).chain(x.get(ids.len()..).unwrap_or(&[]).iter().copied()).collect();
    Ok(vec![tensor(dims, out_elem)])
}

// ---------------------------------------------------------------------------------
// Recurrent sequence ops.

/// `[d0, d1]` of a rank-2 operand, or why not.
fn matrix(op: &OpView, i: usize, what: &str) -> Result<(i64, i64), String> {
    match op.operands.get(i).map(|t| t.dims()) {
        Some(&[a, b]) => Ok((a, b)),
        _ => Err(format!("'{what}' (operand #{i}) must be rank 2")),
    }
}

/// `(batch, time)` of a rank-3 sequence input laid out by `time_major`.
fn sequence_dims(op: &OpView) -> Result<(i64, i64, i64), String> {
    let x = op.operands.first().ok_or("expected an input")?.dims();
    let [a, b, n_input] = x else { return Err(format!("input must be rank 3, got rank {}", x.len())) };
    let time_major = matches!(op.attr("time_major"), Some(Attr::Bool(true)));
    Ok(if time_major { (*b, *a, *n_input) } else { (*a, *b, *n_input) })
}

/// `unidirectional_sequence_lstm`: gate weights `[n_cell, n_input]` and `[n_cell,
/// n_output]`, states of `batch * n_output` and `batch * n_cell` elements, output
/// `input` with its last dim `n_output` (LiteRT's Prepare checks).
pub fn sequence_lstm(op: &OpView) -> Result<(), String> {
    if op.operands.len() != 24 {
        return Err(format!("expected 24 operands (absent ones as none), got {}", op.operands.len()));
    }
    let (batch, time, n_input) = sequence_dims(op)?;
    let (n_cell, i) = matrix(op, 4, "input_to_output_weights")?;
    let (_, n_output) = matrix(op, 8, "recurrent_to_output_weights")?;
    for (k, what) in [(2, "input_to_forget_weights"), (3, "input_to_cell_weights")] {
        if matrix(op, k, what)? != (n_cell, n_input) {
            return Err(format!("'{what}' must be [{n_cell}, {n_input}]"));
        }
    }
    if i != n_input {
        return Err(format!("'input_to_output_weights' must be [{n_cell}, {n_input}]"));
    }
    for (k, what) in [(6, "recurrent_to_forget_weights"), (7, "recurrent_to_cell_weights")] {
        if matrix(op, k, what)? != (n_cell, n_output) {
            return Err(format!("'{what}' must be [{n_cell}, {n_output}]"));
        }
    }
    for k in [13, 14, 15] {
        if op.operands[k].dims() != [n_cell] {
            return Err(format!("gate bias (operand #{k}) must be [{n_cell}]"));
        }
    }
    let count = |k: usize| op.operands[k].dims().iter().product::<i64>();
    if batch >= 0 && (count(18) != batch * n_output || count(19) != batch * n_cell) {
        return Err(format!("states must hold {batch} x {n_output} and {batch} x {n_cell} elements"));
    }
    check_sequence_result(op, batch, time, n_output)
}

/// `bidirectional_sequence_lstm` with `merge_outputs`: each direction's operands as
/// `sequence_lstm` checks them (forward 1-17 with states 35/36, backward 18-34 with
/// 37/38), one output `[.., 2 * n_output]`; no auxiliary input.
pub fn bidirectional_sequence_lstm(op: &OpView) -> Result<(), String> {
    if op.operands.len() != 48 {
        return Err(format!("expected 48 operands (absent ones as none), got {}", op.operands.len()));
    }
    if !matches!(op.attr("merge_outputs"), Some(Attr::Bool(true))) {
        return Err("edge writes merge_outputs = true only (one output)".into());
    }
    if op.operands[39..].iter().any(|t| t.elem != ElemTy::None) {
        return Err("auxiliary inputs are not supported".into());
    }
    let (batch, time, _) = sequence_dims(op)?;
    let mut n_out = 0;
    for (first, states) in [(1usize, [35usize, 36]), (18, [37, 38])] {
        // The direction as a unidirectional op's operands.
        let mut one = op.clone();
        one.operands = [&op.operands[..1], &op.operands[first..first + 17], &op.operands[states[0]..states[1] + 1], &op.operands[44..48]].concat();
        let (_, n_output) = matrix(&one, 8, "recurrent_to_output_weights")?;
        one.results = vec![TensorTy::ranked(
            if matches!(op.attr("time_major"), Some(Attr::Bool(true))) { vec![time, batch, n_output] } else { vec![batch, time, n_output] },
            ElemTy::F32,
        )];
        sequence_lstm(&one)?;
        n_out += n_output;
    }
    check_sequence_result(op, batch, time, n_out)
}

/// `unidirectional_sequence_rnn`: weights `[units, n_input]`, recurrent `[units,
/// units]`, bias `[units]`, a state of `batch * units` elements.
pub fn sequence_rnn(op: &OpView) -> Result<(), String> {
    if op.operands.len() != 5 {
        return Err(format!("expected 5 operands, got {}", op.operands.len()));
    }
    let (batch, time, n_input) = sequence_dims(op)?;
    let (units, i) = matrix(op, 1, "input_to_input_weights")?;
    if i != n_input || matrix(op, 2, "recurrent_to_input_weights")? != (units, units) || op.operands[3].dims() != [units] {
        return Err(format!("weights must be [{units}, {n_input}], [{units}, {units}] and bias [{units}]"));
    }
    if batch >= 0 && op.operands[4].dims().iter().product::<i64>() != batch * units {
        return Err(format!("state must hold {batch} x {units} elements"));
    }
    check_sequence_result(op, batch, time, units)
}

fn check_sequence_result(op: &OpView, batch: i64, time: i64, n_output: i64) -> Result<(), String> {
    let time_major = matches!(op.attr("time_major"), Some(Attr::Bool(true)));
    let want = if time_major { [time, batch, n_output] } else { [batch, time, n_output] };
    match op.results.first() {
        Some(r) if r.dims().len() == 3 && r.dims().iter().zip(&want).all(|(&a, &b)| dims_agree(a, b)) => Ok(()),
        Some(r) => Err(format!("result must be {want:?}, got {r}")),
        None => Err("expected 1 result".into()),
    }
}

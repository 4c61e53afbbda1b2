//! Quantized types and constants, shared by the passes that fold, move and create
//! them: reading a constant through `tfl.dequantize`, building quantized constants,
//! and where a per-axis dimension goes when a tensor is transposed or reshaped.

use crate::constant::{self, read, transpose_bytes, value_attr, ConstTensor};
use edge_dialects::ir::{ElemTy, QuantTy};
use edge_dialects::mlir::{Context, Op, Rewriter, Type, Value};
use edge_dialects::tfl::op as tfl;

/// The quantized type of `v`'s elements, if any.
pub fn quant_of(v: Value) -> Option<QuantTy> {
    match v.ty().elem {
        ElemTy::Quant(q) => Some(q),
        _ => None,
    }
}

/// `tensor<shape x q>`.
pub fn quant_tensor_type<'c>(ctx: Context<'c>, shape: &[i64], q: &QuantTy) -> Type<'c> {
    ctx.quant_type(q).tensor(shape)
}

/// `tfl.quantize` of `v` to `q` (from float, or a requantize), at `rw`'s insertion point.
pub fn insert_quantize<'c>(rw: &mut Rewriter<'c>, v: Value<'c>, q: &QuantTy) -> Value<'c> {
    let ty = quant_tensor_type(rw.context(), v.ty().dims(), q);
    tfl::Quantize::build(rw, &[ty], v).qtype(ty).create().output()
}

/// A quantized `tfl.pseudo_const` of `shape` x `q` holding the storage integers
/// `bytes` (taken over without a copy), at `rw`'s insertion point, as TensorFlow's TFL
/// writes quantized constants.
pub fn insert_quant_const<'c>(rw: &mut Rewriter<'c>, shape: &[i64], q: &QuantTy, bytes: Vec<u8>) -> Value<'c> {
    let ctx = rw.context();
    let ty = quant_tensor_type(ctx, shape, q);
    // The value holds the storage integers, signless (`tensor<..xi8>` for u8 storage too),
    // as the quantized type's storage type is.
    let storage = ConstTensor { shape: shape.to_vec(), elem: ElemTy::I(q.storage_bits), bytes };
    let attr = value_attr(ctx, storage);
    crate::constant::insert_attr(rw, ty, attr)
}

/// `op` reads the int8 constant `weight` directly: LiteRT's hybrid kernel, which
/// quantizes the float input at run time (`edge_dialects::tfl::hybrid` has the contract),
/// with a zero point where the op has the option.
pub fn read_weight_in_hybrid_kernel<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, h: &edge_dialects::tfl::hybrid::HybridOp, weight: Value<'c>) {
    rw.set_operand(op, h.weight, weight);
    if h.asymmetric_inputs_attr {
        let t = rw.context().bool_attr(true);
        rw.set_attr(op, "asymmetric_quantize_inputs", t);
    }
}

/// The largest magnitude of a symmetric narrow-range signed `bits`-bit weight, as
/// TensorFlow quantizes weights: 127 for int8, 7 for int4.
pub fn narrow_qmax(bits: u32) -> i32 {
    (1 << (bits - 1)) - 1
}

/// Per-channel symmetric quantization of the f32 values in `f32_bytes` (little-endian,
/// row-major `shape`) along `axis`, to integers in [-qmax, qmax]: the scales and one
/// byte per value (the storage MLIR's dense attributes hold for 8-bit and narrower
/// integers; the flatbuffer writer packs 4-bit ones). The values are read from the
/// bytes as they lie, so a weight is never copied to quantize it (and `with_bytes`
/// gives a memory-mapped weight's pages back once read).
///
/// With `clip_search`, each channel's scale is the one of `CLIP_RATIOS` x max|w| / qmax
/// that gives the least squared error over the channel, instead of max|w| / qmax: with
/// 15 levels, clipping a few large values buys a finer step for all the others (on
/// Gaussian weights of 2048 a row, 23% less RMS output error; 35% on heavier-tailed
/// ones). Eight bits have steps fine enough that TensorFlow's max|w| / 127 is kept.
pub fn quantize_per_channel(shape: &[i64], axis: usize, f32_bytes: &[u8], qmax: i32, clip_search: bool) -> (Vec<f64>, Vec<u8>) {
    let channels = shape[axis].max(0) as usize;
    let inner = shape[axis + 1..].iter().product::<i64>().max(1) as usize;
    // The values lie as [outer][channels][inner]: walked run by run, so no element needs
    // a division to find its channel (a billion-parameter model has a billion of them).
    let runs = || f32_bytes.chunks_exact(4 * inner).zip((0..channels.max(1)).cycle());
    let mut max_abs = vec![0f32; channels];
    for (run, c) in runs() {
        let m = f32_values(run).fold(max_abs[c], |m, x| m.max(x.abs()));
        max_abs[c] = m;
    }
    let ratios: &[f32] = if clip_search { &CLIP_RATIOS } else { &[1.0] };
    // Squared error of each channel at each ratio, over about CLIP_SAMPLES of its values
    // (every stride-th value: the best ratio is a property of the distribution, and
    // trying every ratio on every value of a billion-weight model would take minutes).
    let mut best = vec![0usize; channels];
    if ratios.len() > 1 {
        let per_channel = f32_bytes.len() / 4 / channels.max(1);
        let stride = (per_channel / CLIP_SAMPLES).max(1);
        let steps: Vec<(f32, f32)> = max_abs
            .iter()
            .flat_map(|&m| ratios.iter().map(move |&r| r * m / qmax as f32))
            .map(|s| (s, if s > 0.0 { 1.0 / s } else { 0.0 }))
            .collect();
        let mut err = vec![0f64; channels * ratios.len()];
        for (j, (run, c)) in runs().enumerate() {
            // Every stride-th value of the whole weight: the first of this run at offset
            // `skip`.
            let skip = (stride - (j * inner) % stride) % stride;
            let range = c * ratios.len()..(c + 1) * ratios.len();
            for x in f32_values(run).skip(skip).step_by(stride) {
                for (e, &(s, inv)) in err[range.clone()].iter_mut().zip(&steps[range.clone()]) {
                    let d = x - s * (x * inv).round().clamp(-qmax as f32, qmax as f32);
                    *e += (d * d) as f64;
                }
            }
        }
        for (c, b) in best.iter_mut().enumerate() {
            let e = &err[c * ratios.len()..(c + 1) * ratios.len()];
            // The first least error: ties keep the larger ratio (no clipping).
            *b = (0..e.len()).fold(0, |k, r| if e[r] < e[k] { r } else { k });
        }
    }
    // An all-zero channel takes scale 1 (any scale gives zeros), as TensorFlow does.
    let scales: Vec<f32> = max_abs
        .iter()
        .zip(&best)
        .map(|(&m, &b)| if m > 0.0 && m.is_finite() { ratios[b] * m / qmax as f32 } else { 1.0 })
        .collect();
    let mut bytes = vec![0u8; f32_bytes.len() / 4];
    for ((run, c), out) in runs().zip(bytes.chunks_exact_mut(inner)) {
        let scale = scales[c] as f64;
        let inverse = 1.0 / scale;
        for (o, x) in out.iter_mut().zip(f32_values(run)) {
            *o = quantize_value(x, scale, inverse, qmax) as u8;
        }
    }
    // The stored f64 scales are the f32 values the bytes were computed with, so the
    // flatbuffer's f32 scales are exactly them.
    (scales.into_iter().map(f64::from).collect(), bytes)
}

/// The fractions of max|w| a 4-bit channel's scale may clip to (`quantize_per_channel`).
const CLIP_RATIOS: [f32; 11] = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5];

/// About how many values of a channel the clip search tries each ratio on.
const CLIP_SAMPLES: usize = 256;

/// The little-endian f32 values of `bytes`.
fn f32_values(bytes: &[u8]) -> impl Iterator<Item = f32> + '_ {
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// `round(x / scale)` (halves away from zero) clamped to [-qmax, qmax], NaN to 0. A
/// product with `inverse` is within a few ulps of the quotient, so it rounds the same
/// unless it lies next to a half; only there is the division done.
#[inline(always)]
fn quantize_value(x: f32, scale: f64, inverse: f64, qmax: i32) -> i8 {
    // Branches only on the rare cases (NaN, next to a half), so random weights do not
    // mispredict: the rounding itself is arithmetic.
    let v = x as f64 * inverse;
    if v.is_nan() {
        return 0;
    }
    let limit = qmax as f64 + 1.0;
    let v = v.clamp(-limit, limit);
    // `as` truncates toward zero without a libm call (`f64::round` is one).
    let t = v as i32;
    let f = v - t as f64;
    if (f.abs() - 0.5).abs() < 1e-9 {
        return ((x as f64 / scale).round() as i32).clamp(-qmax, qmax) as i8;
    }
    let r = t + (f > 0.5) as i32 - (f < -0.5) as i32;
    r.clamp(-qmax, qmax) as i8
}

/// f32 constant `w` quantized per channel along `axis` to signed `bits`-bit integers
/// (symmetric, narrow range, zero points 0), inserted before its constant op; `None`
/// when `w` is not an f32 constant whose value can be read.
pub fn quantized_weight<'c>(rw: &mut Rewriter<'c>, w: Value<'c>, axis: usize, bits: u32) -> Option<Value<'c>> {
    let const_op = constant::constant_op(w)?;
    let qmax = narrow_qmax(bits);
    // A weight several functions read (a prefill and a decode signature) is quantized
    // once: the first quantization's blob is reused.
    let source = const_op.raw_attr("value")?.to_raw();
    let what = format!("quantized axis={axis} bits={bits}");
    rw.set_insertion_before(const_op);
    if let Some((attr, q)) = edge_dialects::elements::derived::<QuantTy>(source, &what) {
        let ty = quant_tensor_type(rw.context(), w.ty().dims(), &q);
        // SAFETY: `derived` returns a live attribute of this context.
        let attr = unsafe { edge_dialects::mlir::Attribute::from_raw(attr) };
        return Some(constant::insert_attr(rw, ty, attr));
    }
    let (shape, scales, bytes) = constant::with_bytes(w, |shape, elem, bytes| {
        if *elem != ElemTy::F32 {
            return None;
        }
        // Narrower than 8 bits, the scale is searched (see `quantize_per_channel`).
        let (scales, q) = quantize_per_channel(shape, axis, bytes, qmax, bits < 8);
        Some((shape.to_vec(), scales, q))
    })??;
    let zero_points = vec![0; shape[axis] as usize];
    let q = QuantTy::new(&ElemTy::I(bits), (-qmax as i64, qmax as i64), scales, zero_points, Some(axis as i32))?;
    let v = insert_quant_const(rw, &shape, &q, bytes);
    if let Some(attr) = constant::constant_op(v).and_then(|c| c.raw_attr("value")) {
        edge_dialects::elements::record_derived(source, &what, attr.to_raw(), q);
    }
    Some(v)
}

/// Why `tfl.gather` `op` cannot read its table through `tfl.embedding_lookup` (LiteRT's
/// GATHER gives wrong values for a quantized table with a float result, measured in
/// LiteRT 2.3; EMBEDDING_LOOKUP dequantizes the rows it picks): `None` when it can.
/// EMBEDDING_LOOKUP takes int32 ids in one dimension and picks rows of a 2-D table.
pub fn embedding_lookup_refusal(op: Op) -> Option<&'static str> {
    let g = op.cast::<tfl::Gather>()?;
    let (table, ids, out) = (g.params().ty(), g.indices().ty(), g.output().ty());
    if table.dims().len() != 2 || !table.is_static() {
        return Some("its table is not a 2-D tensor of static shape");
    }
    let axis = g.axis().unwrap_or(0);
    if (axis != 0 && axis != -2) || g.batch_dims().unwrap_or(0) != 0 {
        return Some("it does not pick rows (axis 0, no batch dims)");
    }
    if !matches!(ids.elem, ElemTy::I(32) | ElemTy::I(64)) {
        return Some("its indices are not int32 or int64");
    }
    // Ids of several dimensions are flattened and the rows shaped back, at run time when
    // their sizes are unknown: that needs their rank.
    if ids.rank().is_none() || out.rank().is_none() {
        return Some("its indices have no known rank");
    }
    None
}

/// `tfl.gather` `op` (accepted by [`embedding_lookup_refusal`]) rewritten to
/// `tfl.embedding_lookup` of the quantized table `table`: the ids cast to int32 and
/// flattened, the rows reshaped back to the gather's result (to `shape(ids) ++ [width]`
/// computed at run time when the ids' sizes are unknown).
pub fn lookup_rows<'c>(rw: &mut Rewriter<'c>, op: Op<'c>, table: Value<'c>) {
    let g = op.cast::<tfl::Gather>().expect("a tfl.gather");
    let ctx = rw.context();
    let (ids, out) = (g.indices(), g.output().ty());
    rw.set_insertion_before(op);
    let mut ids32 = ids;
    if ids.ty().elem != ElemTy::I(32) {
        let ty = ctx.integer(32).tensor(ids.ty().dims());
        ids32 = tfl::Cast::build(rw, &[ty], ids).create().output();
    }
    let ids_dims = ids.ty().dims().to_vec();
    let static_ids = ids_dims.iter().all(|&d| d >= 0);
    // The ids' shape, read before they are flattened when it is only known at run time.
    let ids_shape = (ids_dims.len() != 1 && !static_ids)
        .then(|| tfl::Shape::build(rw, &[ctx.integer(32).tensor(&[ids_dims.len() as i64])], ids32).create().output());
    if ids_dims.len() != 1 {
        let n: i64 = if static_ids { ids_dims.iter().product() } else { -1 };
        let shape = constant::insert_i32(rw, &[n]).expect("an element count fits in i32");
        let ty = ctx.integer(32).tensor(&[n]);
        ids32 = tfl::Reshape::build(rw, &[ty], ids32, shape).create().output();
    }
    let n = ids32.ty().dims()[0];
    let width = table.ty().dims()[1];
    let rows_ty = ctx.f32().tensor(&[n, width]);
    let mut rows = tfl::EmbeddingLookup::build(rw, &[rows_ty], ids32, table).create().output();
    if ids_dims.len() != 1 {
        let shape = match ids_shape {
            None => constant::insert_i32(rw, out.dims()).expect("a static shape fits in i32"),
            Some(ids_shape) => {
                let width = constant::insert_i32(rw, &[width]).expect("a table width fits in i32");
                let ty = ctx.integer(32).tensor(&[ids_dims.len() as i64 + 1]);
                tfl::Concatenation::build(rw, &[ty], &[ids_shape, width]).axis(0).fused_activation_function("NONE").create().output()
            }
        };
        rows = tfl::Reshape::build(rw, &[ctx.f32().tensor(out.dims())], rows, shape).create().output();
    }
    rw.replace_op(op, &[rows]);
}

/// A quantized constant seen through the `tfl.dequantize` that makes `v`: its shape,
/// quantized type and storage bytes.
pub struct DequantizedConst {
    pub shape: Vec<i64>,
    pub quant: QuantTy,
    pub bytes: Vec<u8>,
}

/// `v` when it is `tfl.dequantize` of a quantized constant of static shape.
pub fn dequantized_const(v: Value) -> Option<DequantizedConst> {
    let dq = v.defined_by::<tfl::Dequantize>()?;
    let c = read(dq.input())?;
    let ElemTy::Quant(quant) = c.elem else { return None };
    Some(DequantizedConst { shape: c.shape, quant, bytes: c.bytes })
}

impl DequantizedConst {
    /// Transposed by `perm`; a per-axis dimension moves with its data.
    pub fn transposed(&self, perm: &[usize]) -> DequantizedConst {
        let shape = perm.iter().map(|&p| self.shape[p]).collect();
        let axis = self.quant.axis.map(|a| perm.iter().position(|&p| p == a as usize).expect("a permutation") as i32);
        let bytes = transpose_bytes(&self.bytes, &self.shape, perm);
        DequantizedConst { shape, quant: self.quant.with_axis(axis), bytes }
    }

    /// Reshaped to `shape`, when a per-axis dimension survives whole (see
    /// [`axis_after_reshape`]).
    pub fn reshaped(&self, shape: &[i64]) -> Option<DequantizedConst> {
        let axis = match self.quant.axis {
            Some(a) => Some(axis_after_reshape(&self.shape, shape, a as usize)? as i32),
            None => None,
        };
        Some(DequantizedConst { shape: shape.to_vec(), quant: self.quant.with_axis(axis), bytes: self.bytes.clone() })
    }

    /// `tfl.dequantize(constant)` of this value, at `rw`'s insertion point.
    pub fn insert<'c>(self, rw: &mut Rewriter<'c>) -> Value<'c> {
        let f32_ty = rw.context().f32().tensor(&self.shape);
        let c = insert_quant_const(rw, &self.shape, &self.quant, self.bytes);
        tfl::Dequantize::build(rw, &[f32_ty], c).create().output()
    }
}

/// Where dimension `axis` of `from` lies in `to` after a row-major reshape, if it
/// stays one whole dimension of the same size (the elements of each slice along it
/// then keep their slice); `None` if it is split or merged with others.
pub fn axis_after_reshape(from: &[i64], to: &[i64], axis: usize) -> Option<usize> {
    let before: i64 = from[..axis].iter().product();
    let size = from[axis];
    let mut acc = 1i64;
    for (j, &d) in to.iter().enumerate() {
        if acc == before && d == size {
            // Size-1 dims are ambiguous only when size is 1, which carries one scale.
            return Some(j);
        }
        acc *= d;
        if acc > before * size.max(1) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::axis_after_reshape;

    #[test]
    fn reshape_keeps_whole_axes() {
        assert_eq!(axis_after_reshape(&[8, 1, 3, 3], &[8, 9], 0), Some(0));
        assert_eq!(axis_after_reshape(&[1, 3, 3, 8], &[9, 8], 3), Some(1));
        assert_eq!(axis_after_reshape(&[4, 8], &[1, 4, 8], 0), Some(1));
        assert_eq!(axis_after_reshape(&[4, 8], &[32], 0), None);
        assert_eq!(axis_after_reshape(&[4, 8], &[2, 2, 8], 0), None);
    }
}

#[cfg(test)]
mod quantize_value_tests {
    use super::*;

    /// The fast path gives what `round(x / scale)` gives, halves included.
    #[test]
    fn matches_the_division() {
        let reference = |x: f32, s: f64, qmax: i32| -> i8 {
            let q = (x as f64 / s).round();
            q.clamp(-qmax as f64, qmax as f64) as i8
        };
        let mut state = 0x9e3779b97f4a7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let scale = ((next() % 10_000) as f32 + 1.0) / 12_345.0;
            let qmax = if next() % 2 == 0 { 127 } else { 7 };
            // Halves exactly, and values around them.
            let k = (next() % (2 * qmax as u64 + 3)) as i64 - qmax as i64 - 1;
            let x = match next() % 3 {
                0 => ((k as f64 + 0.5) * scale as f64) as f32,
                1 => (k as f64 * scale as f64) as f32,
                _ => f32::from_bits(next() as u32 & 0x3fff_ffff) * if next() % 2 == 0 { 1.0 } else { -1.0 },
            };
            let s = scale as f64;
            assert_eq!(quantize_value(x, s, 1.0 / s, qmax), reference(x, s, qmax), "x {x:e} scale {s:e} qmax {qmax}");
        }
        assert_eq!(quantize_value(f32::NAN, 0.5, 2.0, 127), 0);
        assert_eq!(quantize_value(f32::INFINITY, 1.0, 1.0, 127), 127);
        assert_eq!(quantize_value(f32::NEG_INFINITY, 1.0, 1.0, 7), -7);
    }
}

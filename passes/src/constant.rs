//! Constant tensors for passes that fold or rewrite: read a `tfl.pseudo_const` (dense or
//! dense_resource) into plain bytes, look at it as numbers, and insert a new constant.
//! Weight-sized constants are read where they lie (`with_bytes*`), inserted as blobs the
//! context owns (`insert_owned`), and a blob with one use may be rewritten in place
//! (`rewritable`): converting a model copies each weight as few times as it can.

use edge_dialects::ir::{Attr, ElemTy, TensorTy};
use edge_dialects::mlir::{Attribute, Context, Op, Rewriter, Type, Value};
use edge_dialects::catalog::Trait;
use edge_dialects::tfl::op as tfl;

/// Whether `op` has its one result in its `value` attribute: `Trait::ConstantLike` in
/// the catalogs (`tfl.pseudo_const`, `stablehlo.constant`), or upstream's
/// `arith.constant`.
fn is_constant_op(op: Op) -> bool {
    op.is("arith.constant") || op.def().is_some_and(|def| def.has(Trait::ConstantLike))
}

/// A constant tensor: static shape, element type and little-endian bytes (bools one
/// byte each, as in a TFLite buffer).
#[derive(Clone, Debug)]
pub struct ConstTensor {
    pub shape: Vec<i64>,
    pub elem: ElemTy,
    pub bytes: Vec<u8>,
}

impl ConstTensor {
    pub fn num_elements(&self) -> usize {
        self.shape.iter().product::<i64>() as usize
    }

    /// The elements as f32 (f32 constants only).
    pub fn f32s(&self) -> Option<Vec<f32>> {
        (self.elem == ElemTy::F32)
            .then(|| self.bytes.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect())
    }

    /// The elements as i64 (signed and unsigned integers and bools).
    pub fn ints(&self) -> Option<Vec<i64>> {
        let b = &self.bytes;
        Some(match self.elem {
            ElemTy::I(1) | ElemTy::U(8) => b.iter().map(|&x| x as i64).collect(),
            ElemTy::I(8) => b.iter().map(|&x| x as i8 as i64).collect(),
            ElemTy::I(16) => b.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]]) as i64).collect(),
            ElemTy::I(32) => b.chunks_exact(4).map(|c| i32::from_le_bytes(c.try_into().unwrap()) as i64).collect(),
            ElemTy::U(32) => b.chunks_exact(4).map(|c| u32::from_le_bytes(c.try_into().unwrap()) as i64).collect(),
            ElemTy::I(64) => b.chunks_exact(8).map(|c| i64::from_le_bytes(c.try_into().unwrap())).collect(),
            _ => return None,
        })
    }

    /// An f32 constant.
    pub fn from_f32(shape: Vec<i64>, values: &[f32]) -> Self {
        debug_assert_eq!(shape.iter().product::<i64>() as usize, values.len());
        let mut bytes = Vec::with_capacity(values.len() * 4);
        for v in values {
            bytes.extend_from_slice(&v.to_le_bytes());
        }
        ConstTensor { shape, elem: ElemTy::F32, bytes }
    }

    /// An i32 constant; `Err` names a value that does not fit in 32 bits.
    pub fn from_i32(shape: Vec<i64>, values: &[i64]) -> Result<Self, String> {
        let mut bytes = Vec::with_capacity(values.len() * 4);
        for &v in values {
            let narrow = i32::try_from(v).map_err(|_| format!("value {v} does not fit in i32"))?;
            bytes.extend_from_slice(&narrow.to_le_bytes());
        }
        Ok(ConstTensor { shape, elem: ElemTy::I(32), bytes })
    }

    /// The same bytes with another shape (a reshape).
    pub fn reshaped(&self, shape: Vec<i64>) -> Self {
        ConstTensor { shape, ..self.clone() }
    }

    /// This tensor with another shape, without copying the bytes.
    pub fn into_shape(self, shape: Vec<i64>) -> Self {
        ConstTensor { shape, ..self }
    }

    /// The tensor type of this constant.
    pub fn mlir_type<'c>(&self, ctx: Context<'c>) -> Type<'c> {
        elem_type(ctx, &self.elem).tensor(&self.shape)
    }

    /// Element permutation: result dim `i` is this tensor's dim `perm[i]`.
    pub fn transposed(&self, perm: &[usize]) -> Self {
        let out_shape: Vec<i64> = perm.iter().map(|&p| self.shape[p]).collect();
        let bytes = transpose_bytes(&self.bytes, &self.shape, perm);
        ConstTensor { shape: out_shape, bytes, elem: self.elem.clone() }
    }
}

/// The MLIR type of an element type.
pub fn elem_type<'c>(ctx: Context<'c>, elem: &ElemTy) -> Type<'c> {
    match elem {
        ElemTy::F32 => ctx.f32(),
        ElemTy::F16 => ctx.f16(),
        ElemTy::I(w) => ctx.integer(*w),
        ElemTy::Quant(q) => ctx.quant_type(q),
        other => ctx.elem_type(other).unwrap_or_else(|| panic!("element type {other} has no MLIR form")),
    }
}

/// The bytes of a row-major tensor of shape `shape` (elements of equal width), permuted:
/// result dim `i` is dim `perm[i]`.
pub fn transpose_bytes(bytes: &[u8], shape: &[i64], perm: &[usize]) -> Vec<u8> {
    let n = shape.iter().product::<i64>() as usize;
    let width = bytes.len() / n.max(1);
    let out_shape: Vec<i64> = perm.iter().map(|&p| shape[p]).collect();
    let in_strides = strides(shape);
    let src_strides: Vec<usize> = perm.iter().map(|&p| in_strides[p] as usize).collect();
    if let (4, Some((batch, rows, cols))) = (width, as_batched_matrix_transpose(shape, perm)) {
        let matrix = rows * cols * 4;
        let mut out = vec![0u8; batch * matrix];
        for (src, dst) in bytes.chunks_exact(matrix).zip(out.chunks_exact_mut(matrix)) {
            transpose_matrix::<4>(src, dst, rows, cols);
        }
        return out;
    }
    match width {
        1 => permute_elements::<1>(bytes, &out_shape, &src_strides),
        2 => permute_elements::<2>(bytes, &out_shape, &src_strides),
        4 => permute_elements::<4>(bytes, &out_shape, &src_strides),
        8 => permute_elements::<8>(bytes, &out_shape, &src_strides),
        _ => bytes.to_vec(),
    }
}

/// `perm` as `batch` transposes of `rows x cols` matrices, when it keeps leading dims
/// in place and rotates the rest (`[1, 0]`, OIHW -> OHWI's `[0, 2, 3, 1]`, `[0, 3, 1, 2]`).
fn as_batched_matrix_transpose(shape: &[i64], perm: &[usize]) -> Option<(usize, usize, usize)> {
    let p = perm.iter().enumerate().position(|(i, &d)| i != d)?;
    let a = perm[p] - p;
    let rank = perm.len();
    let rotated = (p..rank).all(|i| perm[i] == if i < rank - a { i + a } else { i + a - rank + p });
    if !rotated || a == 0 {
        return None;
    }
    let prod = |r: std::ops::Range<usize>| shape[r].iter().product::<i64>() as usize;
    Some((prod(0..p), prod(p..p + a), prod(p + a..rank)))
}

/// A `rows x cols` matrix of `W`-byte elements, transposed into `dst`: eight source
/// rows at a time, each output row getting eight contiguous elements, over a band of
/// columns at a time so the rows written stay in the cache (weights are tens of
/// megabytes; element by element, every access would miss it).
fn transpose_matrix<const W: usize>(bytes: &[u8], dst: &mut [u8], rows: usize, cols: usize) {
    const ROWS: usize = 8;
    const COLS: usize = 64;
    let (src, _) = bytes.as_chunks::<W>();
    let (dst, _) = dst.as_chunks_mut::<W>();
    let whole = rows / ROWS * ROWS;
    for c0 in (0..cols).step_by(COLS) {
        for r0 in (0..whole).step_by(ROWS) {
            let block = &src[r0 * cols..(r0 + ROWS) * cols];
            for c in c0..(c0 + COLS).min(cols) {
                let out: &mut [[u8; W]; ROWS] = (&mut dst[c * rows + r0..c * rows + r0 + ROWS]).try_into().unwrap();
                for (k, o) in out.iter_mut().enumerate() {
                    *o = block[k * cols + c];
                }
            }
        }
    }
    for r in whole..rows {
        for c in 0..cols {
            dst[c * rows + r] = src[r * cols + c];
        }
    }
}

/// The elements of `W` bytes each of a tensor walked in row-major order of `out`, where
/// a step in out dim `d` moves `src_strides[d]` elements in `bytes`.
fn permute_elements<const W: usize>(bytes: &[u8], out: &[i64], src_strides: &[usize]) -> Vec<u8> {
    let (src, _) = bytes.as_chunks::<W>();
    let n = src.len();
    let mut dst: Vec<[u8; W]> = Vec::with_capacity(n);
    if n > 0 {
        let rank = out.len();
        let (inner, inner_stride) = if rank == 0 { (1, 0) } else { (out[rank - 1] as usize, src_strides[rank - 1]) };
        let mut index = vec![0usize; rank.saturating_sub(1)];
        let mut base = 0usize;
        for _ in 0..n / inner.max(1) {
            let mut at = base;
            for _ in 0..inner {
                dst.push(src[at]);
                at += inner_stride;
            }
            // Advance the outer dims' odometer and the source offset with it.
            for d in (0..index.len()).rev() {
                index[d] += 1;
                base += src_strides[d];
                if index[d] < out[d] as usize {
                    break;
                }
                base -= src_strides[d] * index[d];
                index[d] = 0;
            }
        }
    }
    dst.into_flattened()
}

/// `shape` permuted: result dim `i` is dim `perm[i]`.
pub fn permuted(shape: &[i64], perm: &[usize]) -> Vec<i64> {
    perm.iter().map(|&p| shape[p]).collect()
}

/// Row-major strides of `shape`, in elements.
pub fn strides(shape: &[i64]) -> Vec<i64> {
    let mut s = vec![1i64; shape.len()];
    for d in (0..shape.len().saturating_sub(1)).rev() {
        s[d] = s[d + 1] * shape[d + 1];
    }
    s
}

/// The op defining `v` when it is a constant op.
pub fn constant_op(v: Value) -> Option<Op> {
    v.defining_op().filter(|op| is_constant_op(*op))
}

/// Whether `v` is produced by a constant op.
pub fn is_constant(v: Value) -> bool {
    constant_op(v).is_some()
}

/// The contents of `v` when a constant op with a static shape defines it, directly or
/// through reshapes (which keep the bytes).
pub fn read(v: Value) -> Option<ConstTensor> {
    if let Some(r) = v.defined_by::<tfl::Reshape>() {
        let ty = v.ty();
        let inner = read(r.input())?;
        return ty.is_static().then(|| inner.into_shape(ty.dims().to_vec()));
    }
    let op = constant_op(v)?;
    let attr = op.raw_attr("value")?;
    let ty = v.ty();
    if !ty.is_static() {
        return None;
    }
    let bytes = attr.constant_bytes(&ty).ok()?;
    Some(ConstTensor { shape: ty.dims().to_vec(), elem: ty.elem, bytes })
}

/// The one value every element of constant `v` has, as f64 (dense splats and small
/// dense constants of equal elements).
pub fn splat(v: Value) -> Option<f64> {
    let op = constant_op(v)?;
    let a = op.raw_attr("value")?;
    if let Some(s) = a.splat_value() {
        return match s.value() {
            Attr::Float(f) => Some(f),
            Attr::Int(i) => Some(i as f64),
            Attr::Bool(b) => Some(b as i64 as f64),
            _ => None,
        };
    }
    match a.value() {
        Attr::Dense { floats: Some(f), .. } if !f.is_empty() && f.iter().all(|x| x.to_bits() == f[0].to_bits()) => Some(f[0]),
        Attr::Dense { ints: Some(i), .. } if !i.is_empty() && i.iter().all(|x| *x == i[0]) => Some(i[0] as f64),
        _ => None,
    }
}

/// Constants of more elements than this are held as `dense_resource` blobs the context
/// owns (`Context::owned_constant`): a `dense` attribute copies and hashes its bytes,
/// which for weights costs more than computing them. Smaller ones stay `dense`, printed
/// with their values (and decoded by `attr_from_mlir`, which stops at the same size).
const RESOURCE_MIN_ELEMENTS: usize = 4096;

/// The `value` attribute for `c`: `dense`, or for a large int or float tensor a blob
/// that takes `c`'s bytes over without copying them.
pub(crate) fn value_attr<'c>(ctx: Context<'c>, c: ConstTensor) -> Attribute<'c> {
    let ty = c.mlir_type(ctx);
    let blob = c.num_elements() > RESOURCE_MIN_ELEMENTS && (c.elem.is_float() || c.elem.is_int());
    if blob { ctx.owned_constant(ty, c.bytes) } else { ctx.dense_constant(ty, &c.bytes) }
}

/// A `tfl.pseudo_const` of `ty` holding `value`, at `rw`'s insertion point.
pub fn insert_attr<'c>(rw: &mut Rewriter<'c>, ty: Type<'c>, value: Attribute<'c>) -> Value<'c> {
    tfl::PseudoConst::build(rw, &[ty]).value(value).create().output()
}

/// Inserts `tfl.pseudo_const` holding `c` at `rw`'s insertion point; returns its result.
pub fn insert<'c>(rw: &mut Rewriter<'c>, c: &ConstTensor) -> Value<'c> {
    if c.num_elements() > RESOURCE_MIN_ELEMENTS {
        return insert_owned(rw, c.clone());
    }
    let ctx = rw.context();
    let ty = c.mlir_type(ctx);
    let attr = ctx.dense_constant(ty, &c.bytes);
    insert_attr(rw, ty, attr)
}

/// `insert`, handing `c`'s bytes to the constant without a copy.
pub fn insert_owned<'c>(rw: &mut Rewriter<'c>, c: ConstTensor) -> Value<'c> {
    let ctx = rw.context();
    let ty = c.mlir_type(ctx);
    let attr = value_attr(ctx, c);
    insert_attr(rw, ty, attr)
}

/// `f` applied to constant `v`'s shape, element type and bytes (as `read` gives them),
/// when its attribute holds the bytes in that layout (weights, large folded constants):
/// they are borrowed, not copied. `None` otherwise (splats, bools, reshapes of
/// constants): `read` those.
pub fn with_bytes_in_place<R>(v: Value, f: impl FnOnce(&[i64], &ElemTy, &[u8]) -> R) -> Option<R> {
    let op = constant_op(v)?;
    let attr = op.raw_attr("value")?;
    let ty = v.ty();
    if !ty.is_static() {
        return None;
    }
    let bytes = attr.constant_bytes_in_place(&ty)?;
    let r = f(ty.dims(), &ty.elem, bytes);
    // Read through once; a weight mapped from an archive is paged in again if needed.
    edge_dialects::mapped::release(bytes);
    Some(r)
}

/// `with_bytes_in_place`, or `f` on a copy `read` makes.
pub fn with_bytes<R>(v: Value, f: impl FnOnce(&[i64], &ElemTy, &[u8]) -> R) -> Option<R> {
    // `with_bytes_in_place` calls `f` only when it returns `Some`.
    let mut f = Some(f);
    with_bytes_in_place(v, |s, e, b| (f.take().unwrap())(s, e, b)).or_else(|| {
        let c = read(v)?;
        Some((f.take()?)(&c.shape, &c.elem, &c.bytes))
    })
}

/// Rewrites constant `v`'s bytes in place with `f(shape, elem, bytes)`, when it is a
/// blob made by `insert_owned` and has one use, the caller's: rewriting it is then as
/// good as replacing it, without making another weight-sized blob. Returns `f`'s
/// result and the constant op; `None` (and `f` not called) otherwise.
pub fn rewrite_in_place<'c, R>(v: Value<'c>, f: impl FnOnce(&[i64], &ElemTy, &mut [u8]) -> R) -> Option<(Op<'c>, R)> {
    let op = constant_op(v).filter(|_| v.use_count() == 1)?;
    let ty = v.ty();
    let attr = op.raw_attr("value")?;
    let whole = ty.is_static() && ty.elem.byte_width()? * ty.num_elements()? as usize == attr.owned_bytes()?.len();
    if !whole {
        return None;
    }
    attr.with_owned_bytes_mut(|bytes| (op, f(ty.dims(), &ty.elem, bytes)))
}

/// An i32 `tfl.pseudo_const` of `values` (a 1-D shape or permutation operand); `Err`
/// when a value does not fit in i32.
pub fn insert_i32<'c>(rw: &mut Rewriter<'c>, values: &[i64]) -> Result<Value<'c>, String> {
    let c = ConstTensor::from_i32(vec![values.len() as i64], values)?;
    Ok(insert(rw, &c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transposes_bytes() {
                let c = ConstTensor::from_f32(vec![2, 3], &[0., 1., 2., 3., 4., 5.]);
        let t = c.transposed(&[1, 0]);
        assert_eq!(t.shape, vec![3, 2]);
        assert_eq!(t.f32s().unwrap(), vec![0., 3., 1., 4., 2., 5.]);
        let big = ConstTensor::from_f32(vec![40, 70], &(0..2800).map(|x| x as f32).collect::<Vec<_>>());
        let bt = big.transposed(&[1, 0]).f32s().unwrap();
        assert!((0..40).all(|r| (0..70).all(|c| bt[c * 40 + r] == (r * 70 + c) as f32)));
        // Rows beyond the last whole block of eight, columns beyond the last band.
        let odd = ConstTensor::from_f32(vec![13, 70], &(0..910).map(|x| x as f32).collect::<Vec<_>>());
        let ot = odd.transposed(&[1, 0]).f32s().unwrap();
        assert!((0..13).all(|r| (0..70).all(|c| ot[c * 13 + r] == (r * 70 + c) as f32)));
        let c3 = ConstTensor::from_f32(vec![2, 3, 2], &(0..12).map(|x| x as f32).collect::<Vec<_>>());
        let t3 = c3.transposed(&[2, 0, 1]);
        let ohwi = ConstTensor::from_f32(vec![2, 3, 2, 2], &(0..24).map(|x| x as f32).collect::<Vec<_>>()).transposed(&[0, 2, 3, 1]);
        assert_eq!(ohwi.shape, vec![2, 2, 2, 3]);
        assert_eq!(&ohwi.f32s().unwrap()[..6], &[0., 4., 8., 1., 5., 9.]);
        assert_eq!(as_batched_matrix_transpose(&[8, 4, 3, 3], &[0, 2, 3, 1]), Some((8, 4, 9)));
        assert_eq!(as_batched_matrix_transpose(&[8, 4, 3, 3], &[0, 3, 1, 2]), Some((8, 12, 3)));
        assert_eq!(as_batched_matrix_transpose(&[8, 4, 3, 3], &[1, 0, 2, 3]), None);
        assert_eq!(t3.shape, vec![2, 2, 3]);
        assert_eq!(t3.f32s().unwrap(), vec![0., 2., 4., 6., 8., 10., 1., 3., 5., 7., 9., 11.]);
        assert_eq!(strides(&[2, 3, 4]), vec![12, 4, 1]);
    }
}

/// NumPy broadcasting of two static shapes; `None` when they do not broadcast.
pub fn broadcast_shapes(a: &[i64], b: &[i64]) -> Option<Vec<i64>> {
    let rank = a.len().max(b.len());
    let dim = |s: &[i64], d: usize| if d + s.len() < rank { 1 } else { s[d + s.len() - rank] };
    (0..rank)
        .map(|d| match (dim(a, d), dim(b, d)) {
            (x, y) if x == y => Some(x),
            (1, y) => Some(y),
            (x, 1) => Some(x),
            _ => None,
        })
        .collect()
}

/// For each flat index of `out` (row-major), the flat index of the element of a tensor
/// of shape `input` that NumPy broadcasting reads there. `input` must broadcast to `out`.
pub fn broadcast_indices(input: &[i64], out: &[i64]) -> Vec<usize> {
    let pad = out.len() - input.len();
    let in_strides = strides(input);
    let steps: Vec<i64> = (0..out.len()).map(|d| if d < pad || input[d - pad] == 1 { 0 } else { in_strides[d - pad] }).collect();
    let n = out.iter().product::<i64>() as usize;
    let mut indices = Vec::with_capacity(n);
    let mut index = vec![0i64; out.len()];
    let mut src = 0i64;
    for _ in 0..n {
        indices.push(src as usize);
        for d in (0..out.len()).rev() {
            index[d] += 1;
            src += steps[d];
            if index[d] < out[d] {
                break;
            }
            src -= steps[d] * out[d];
            index[d] = 0;
        }
    }
    indices
}

impl ConstTensor {
    /// This tensor broadcast (NumPy rules) to `shape`; the caller checks that it broadcasts.
    pub fn broadcast_to(&self, shape: &[i64]) -> Self {
        let width = self.bytes.len() / self.num_elements().max(1);
        let mut bytes = Vec::with_capacity(shape.iter().product::<i64>() as usize * width);
        for i in broadcast_indices(&self.shape, shape) {
            bytes.extend_from_slice(&self.bytes[i * width..(i + 1) * width]);
        }
        ConstTensor { shape: shape.to_vec(), bytes, elem: self.elem.clone() }
    }
}

/// The smallest constant that broadcasts to `v`'s value, without expanding anything: a
/// splat reads as one element (shape all ones, `v`'s rank), `broadcast_to(c, shape)`
/// reads as `c`, any other constant as itself. `None` when `v` is none of these.
pub fn read_compact(v: Value) -> Option<ConstTensor> {
    let rank = v.ty().rank()?;
    if let Some(b) = v.defined_by::<tfl::BroadcastTo>() {
        let mut c = read_compact(b.input())?;
        if c.shape.len() > rank {
            return None;
        }
        c.shape.splice(0..0, std::iter::repeat_n(1, rank - c.shape.len()));
        return Some(c);
    }
    let op = constant_op(v)?;
    let attr = op.raw_attr("value")?;
    let ty = v.ty();
    if ty.is_static() && ty.num_elements()? > 1 && attr.is_splat() {
        let one = ty.dims().iter().map(|_| 1).collect::<Vec<i64>>();
        let bytes = attr.constant_bytes(&TensorTy::ranked(vec![], ty.elem.clone())).ok()?;
        return Some(ConstTensor { shape: one, elem: ty.elem, bytes });
    }
    read(v)
}

#[cfg(test)]
mod broadcast_tests {
    use super::*;

    #[test]
    fn broadcasts_like_numpy() {
        assert_eq!(broadcast_shapes(&[2, 1], &[3]), Some(vec![2, 3]));
        assert_eq!(broadcast_shapes(&[1, 4, 1, 1], &[1, 4, 8, 8]), Some(vec![1, 4, 8, 8]));
        assert_eq!(broadcast_shapes(&[2], &[3]), None);
        assert_eq!(broadcast_indices(&[2, 1], &[2, 3]), vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(broadcast_indices(&[3], &[2, 3]), vec![0, 1, 2, 0, 1, 2]);
                let c = ConstTensor::from_f32(vec![2, 1], &[1., 2.]);
        assert_eq!(c.broadcast_to(&[2, 2]).f32s().unwrap(), vec![1., 1., 2., 2.]);
    }
}

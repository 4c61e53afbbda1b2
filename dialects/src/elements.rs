//! The little-endian bytes of a constant's `dense` / `dense_resource` attribute, laid
//! out as a TFLite buffer (bools one byte each, splats expanded).

use crate::ir::{ElemTy, TensorTy};
use mlir_sys::*;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, RwLock};

/// `dense_resource` attribute -> (address, length, made by `owned_resource_attr`) of the
/// bytes it was made over. MLIR's C API reads such an attribute one element per call;
/// with the bytes at hand, a constant is one copy (resnet18's 11M weights: milliseconds
/// instead of a second).
static RESOURCE_BYTES: LazyLock<RwLock<HashMap<usize, Registered>>> = LazyLock::new(Default::default);

#[derive(Clone, Copy)]
struct Registered {
    ptr: usize,
    len: usize,
    owned: bool,
}

/// (name asked for, type, length, sample hash) -> the `shared_resource_attr` attributes
/// with those, so the same weight imported again (from a prefill and a decode archive:
/// same FQN, equal bytes) is the attribute already made: one blob, and whatever a pass
/// derives from it is derived once (`derived`). Equal weights of other names stay
/// apart, so the module names each by its own FQN (the writer stores equal bytes once).
type ContentKey = (String, usize, usize, u64);
static SHARED_BY_CONTENT: LazyLock<RwLock<HashMap<ContentKey, Vec<usize>>>> = LazyLock::new(Default::default);

/// (source attribute, what was derived) -> (derived attribute, its context, what the
/// deriving pass keeps beside it), for passes that turn a weight into another
/// (quantization): a weight two functions read is derived once. Entries go when either
/// blob goes, and all of a context's when the context goes (`watch_context`): a later
/// context's attribute at the same address must not find them.
type DerivedKey = (usize, String);
type Derived = (usize, usize, Arc<dyn std::any::Any + Send + Sync>);
static DERIVED: LazyLock<Mutex<HashMap<DerivedKey, Derived>>> = LazyLock::new(Default::default);

/// Contexts with a sentinel blob whose release (when the context goes) drops their
/// `DERIVED` entries. `dense` attributes, or blobs parsed from text, give no notice of
/// their own.
static WATCHED: LazyLock<Mutex<HashSet<usize>>> = LazyLock::new(Default::default);

/// Makes sure `context`'s `DERIVED` entries go with it.
fn watch_context(context: MlirContext) {
    /// Called by MLIR when the sentinel's blob goes, with its context.
    unsafe extern "C" fn release(user: *mut std::ffi::c_void, data: *const std::ffi::c_void, len: usize, _align: usize) {
        let context = *Box::from_raw(user as *mut usize);
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(data as *mut u8, len)));
        WATCHED.lock().unwrap_or_else(|e| e.into_inner()).remove(&context);
        DERIVED.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, v| v.1 != context);
    }
    let key = context.ptr as usize;
    if !WATCHED.lock().unwrap_or_else(|e| e.into_inner()).insert(key) {
        return;
    }
    let data = Box::into_raw(vec![0u8].into_boxed_slice()) as *mut u8;
    let user = Box::into_raw(Box::new(key));
    // SAFETY: a one-byte blob owned by the context from here on; MLIR hands `user` and
    // `data` to `release` once, when the context destroys its blobs.
    unsafe {
        let shape = [1i64];
        let ty = mlirRankedTensorTypeGet(1, shape.as_ptr(), mlirIntegerTypeGet(context, 8), mlirAttributeGetNull());
        let name = format!("edge_derived_sentinel_{}", NEXT_OWNED.fetch_add(1, Ordering::Relaxed));
        mlirUnmanagedDenseResourceElementsAttrGet(
            ty,
            crate::ir::str_ref(&name),
            data as *mut std::ffi::c_void,
            1,
            1,
            false,
            Some(release),
            user as *mut std::ffi::c_void,
        );
    }
}

/// Forgets every record of `attr` (its blob is going).
fn forget(attr: usize) {
    RESOURCE_BYTES.write().unwrap_or_else(|e| e.into_inner()).remove(&attr);
    let mut derived = DERIVED.lock().unwrap_or_else(|e| e.into_inner());
    if !derived.is_empty() {
        derived.retain(|k, v| k.0 != attr && v.0 != attr);
    }
}

/// What `derive` made from `source` under `what` before, when `source` and that result
/// still live: the result attribute and the value kept beside it.
pub fn derived<T: std::any::Any + Send + Sync + Clone>(source: MlirAttribute, what: &str) -> Option<(MlirAttribute, T)> {
    let derived = DERIVED.lock().unwrap_or_else(|e| e.into_inner());
    let (attr, _, extra) = derived.get(&(source.ptr as usize, what.to_string()))?;
    let extra = extra.downcast_ref::<T>()?.clone();
    Some((MlirAttribute { ptr: *attr as *const std::ffi::c_void }, extra))
}

/// Records that `result` (with `extra`) is what `what` makes of `source`; `result` is
/// from then on read-only (`owned_resource_bytes_mut` refuses it), since several ops
/// may hold it.
pub fn record_derived<T: std::any::Any + Send + Sync>(source: MlirAttribute, what: &str, result: MlirAttribute, extra: T) {
    if let Some(r) = RESOURCE_BYTES.write().unwrap_or_else(|e| e.into_inner()).get_mut(&(result.ptr as usize)) {
        r.owned = false;
    }
    // SAFETY: `source` is a live attribute; its context outlives this call.
    let context = unsafe { mlirAttributeGetContext(source) };
    watch_context(context);
    let mut derived = DERIVED.lock().unwrap_or_else(|e| e.into_inner());
    derived.insert((source.ptr as usize, what.to_string()), (result.ptr as usize, context.ptr as usize, Arc::new(extra)));
}

fn registered(attr: MlirAttribute) -> Option<Registered> {
    RESOURCE_BYTES.read().unwrap_or_else(|e| e.into_inner()).get(&(attr.ptr as usize)).copied()
}

/// The registered bytes of `attr`, when they are exactly `len` long.
fn registered_bytes(attr: MlirAttribute, len: usize) -> Option<Vec<u8>> {
    let r = registered(attr).filter(|r| r.len == len)?;
    // SAFETY: registered bytes stay alive while registered (`owned_resource_attr`,
    // `shared_resource_attr`).
    let bytes = unsafe { std::slice::from_raw_parts(r.ptr as *const u8, r.len) };
    let copy = bytes.to_vec();
    // The copy is what the caller works on; a weight read in place from an archive is
    // read again, if ever, only when written.
    crate::mapped::release(bytes);
    Some(copy)
}

/// Names of the resources `owned_resource_attr` makes: unique per process, so MLIR's
/// blob manager never has to search for a free name.
static NEXT_OWNED: AtomicUsize = AtomicUsize::new(0);

/// A `dense_resource` attribute of type `ty` (a ranked tensor type of a non-bool int or
/// float element) over `bytes`, laid out as `constant_bytes` returns them. The context
/// takes the bytes over and frees them when it goes; nothing is copied or hashed, which
/// a `dense` attribute of a weight-sized tensor would do. Unlike `dense` attributes,
/// equal contents make distinct attributes: compare them with `owned_resource_bytes`.
pub fn owned_resource_attr(ty: MlirType, bytes: Vec<u8>) -> MlirAttribute {
    /// Called by MLIR when the blob goes (with its context): forgets and frees the bytes.
    unsafe extern "C" fn release(
        user: *mut std::ffi::c_void,
        data: *const std::ffi::c_void,
        len: usize,
        _align: usize,
    ) {
        let attr = Box::from_raw(user as *mut usize);
        forget(*attr);
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(data as *mut u8, len)));
    }
    let bytes = bytes.into_boxed_slice();
    let (len, align) = (bytes.len(), 1usize << (bytes.as_ptr() as usize).trailing_zeros().min(6));
    let data = Box::into_raw(bytes) as *mut u8;
    let name = format!("edge_const_{}", NEXT_OWNED.fetch_add(1, Ordering::Relaxed));
    // Filled in once the attribute exists; `release` reads it to forget the record.
    let user = Box::into_raw(Box::new(0usize));
    unsafe {
        let attr = mlirUnmanagedDenseResourceElementsAttrGet(
            ty,
            crate::ir::str_ref(&name),
            data as *mut std::ffi::c_void,
            len,
            align,
            true,
            Some(release),
            user as *mut std::ffi::c_void,
        );
        *user = attr.ptr as usize;
        let entry = Registered { ptr: data as usize, len, owned: true };
        RESOURCE_BYTES.write().unwrap_or_else(|e| e.into_inner()).insert(attr.ptr as usize, entry);
        attr
    }
}

/// What holds the bytes of a `dense_resource` attribute made by `shared_resource_attr`:
/// a memory map of an archive, a buffer. `bytes` must return the same bytes (address and
/// length) every time, which safe code does: the owner is never moved or written once
/// the attribute holds it.
pub trait ResourceBytes: Send + 'static {
    fn bytes(&self) -> &[u8];
}

impl ResourceBytes for Box<[u8]> {
    fn bytes(&self) -> &[u8] {
        self
    }
}

impl ResourceBytes for Vec<u8> {
    fn bytes(&self) -> &[u8] {
        self
    }
}

/// A `dense_resource` attribute of type `ty` (a ranked tensor type of a non-bool int or
/// float element; a quantized constant's storage type), named `name` (MLIR makes the
/// name unique), over the bytes `owner` holds, laid out as `constant_bytes` returns them.
/// An equal blob of the same name and type made before (the same weight in a second
/// archive converted into the same context) is returned instead, and `owner` dropped.
/// Nothing is copied: the context keeps `owner` until the blob goes with it, so the
/// bytes outlive every use of the attribute, and it registers them for
/// `constant_bytes_in_place`. The bytes are read-only (`owned_resource_bytes_mut`
/// refuses them).
pub fn shared_resource_attr(ty: MlirType, name: &str, owner: Box<dyn ResourceBytes>) -> MlirAttribute {
    struct Keep {
        attr: usize,
        content: ContentKey,
        _owner: Box<dyn ResourceBytes>,
    }
    /// Called by MLIR when the blob goes (with its context): forgets the record and
    /// drops the owner.
    unsafe extern "C" fn release(user: *mut std::ffi::c_void, _data: *const std::ffi::c_void, _len: usize, _align: usize) {
        let keep = Box::from_raw(user as *mut Keep);
        forget(keep.attr);
        let mut index = SHARED_BY_CONTENT.write().unwrap_or_else(|e| e.into_inner());
        if let Some(list) = index.get_mut(&keep.content) {
            list.retain(|&a| a != keep.attr);
            if list.is_empty() {
                index.remove(&keep.content);
            }
        }
    }
    let (data, len) = {
        let b = owner.bytes();
        (b.as_ptr(), b.len())
    };
    let content = (name.to_string(), ty.ptr as usize, len, sample_hash(owner.bytes()));
    // An equal blob of the same type (so of this context) already made: that attribute.
    let same = SHARED_BY_CONTENT.read().unwrap_or_else(|e| e.into_inner()).get(&content).and_then(|list| {
        list.iter().copied().find(|&a| {
            registered(MlirAttribute { ptr: a as *const std::ffi::c_void }).is_some_and(|r| {
                // SAFETY: registered bytes stay alive while registered.
                let theirs = unsafe { std::slice::from_raw_parts(r.ptr as *const u8, r.len) };
                let equal = theirs == owner.bytes();
                // Compared in place: read again only when used.
                crate::mapped::release(theirs);
                crate::mapped::release(owner.bytes());
                equal
            })
        })
    });
    if let Some(a) = same {
        return MlirAttribute { ptr: a as *const std::ffi::c_void };
    }
    let align = 1usize << (data as usize).trailing_zeros().min(6);
    // Filled in once the attribute exists; `release` reads it to forget the record.
    let user = Box::into_raw(Box::new(Keep { attr: 0, content: content.clone(), _owner: owner }));
    // SAFETY: `data` points at `len` bytes that `owner` keeps unchanged at one place
    // (`ResourceBytes`); `owner` now lives in `user`, which MLIR hands to `release` once,
    // when the blob is destroyed, and nothing else frees.
    unsafe {
        let attr = mlirUnmanagedDenseResourceElementsAttrGet(
            ty,
            crate::ir::str_ref(name),
            data as *mut std::ffi::c_void,
            len,
            align,
            false,
            Some(release),
            user as *mut std::ffi::c_void,
        );
        (*user).attr = attr.ptr as usize;
        let entry = Registered { ptr: data as usize, len, owned: false };
        RESOURCE_BYTES.write().unwrap_or_else(|e| e.into_inner()).insert(attr.ptr as usize, entry);
        SHARED_BY_CONTENT.write().unwrap_or_else(|e| e.into_inner()).entry(content).or_default().push(attr.ptr as usize);
        attr
    }
}

/// The bytes of an attribute made by `owned_resource_attr`.
///
/// # Safety
/// The slice is valid while `attr`'s context lives; the caller picks a lifetime within
/// that.
pub unsafe fn owned_resource_bytes<'a>(attr: MlirAttribute) -> Option<&'a [u8]> {
    let r = registered(attr).filter(|r| r.owned)?;
    Some(std::slice::from_raw_parts(r.ptr as *const u8, r.len))
}

/// The bytes of an attribute made by `owned_resource_attr`, to rewrite in place: a
/// pass that replaces the one use of a constant by a function of it (a filter scaled
/// by a batch norm) saves making a weight-sized blob. MLIR keys such an attribute by
/// its blob, never by its contents, so nothing it keeps goes stale.
///
/// # Safety
/// As `owned_resource_bytes`, and the attribute must be the value of one op only,
/// whose result has one use, the one being rewritten; no other slice of the bytes may
/// be alive. Constants made by `edge_passes::constant::insert*` each get their own
/// attribute, which no pass copies to another op.
pub unsafe fn owned_resource_bytes_mut<'a>(attr: MlirAttribute) -> Option<&'a mut [u8]> {
    let r = registered(attr).filter(|r| r.owned)?;
    Some(std::slice::from_raw_parts_mut(r.ptr as *mut u8, r.len))
}

/// The bytes of `attr` in place, when they already have `constant_bytes`'s layout: a
/// non-splat `dense` attribute of a non-bool type, or a registered `dense_resource`.
///
/// # Safety
/// The slice is valid while `attr`'s context lives (and, for a resource, while its
/// bytes stay registered); the caller picks a lifetime within that.
pub unsafe fn constant_bytes_in_place<'a>(attr: MlirAttribute, ty: &TensorTy) -> Option<&'a [u8]> {
    let n = ty.num_elements()? as usize;
    let width = ty.elem.byte_width()?;
    // Quantized constants hold their storage integers; sub-byte storage is packed.
    if n == 0 || ty.elem == ElemTy::I(1) || matches!(&ty.elem, ElemTy::Quant(q) if q.storage_bits % 8 != 0) {
        return None;
    }
    if mlirAttributeIsADenseElements(attr) && !mlirDenseElementsAttrIsSplat(attr) {
        return Some(std::slice::from_raw_parts(mlirDenseElementsAttrGetRawData(attr) as *const u8, n * width));
    }
    if mlirAttributeIsADenseResourceElements(attr) {
        let r = registered(attr).filter(|r| r.len == n * width)?;
        return Some(std::slice::from_raw_parts(r.ptr as *const u8, r.len));
    }
    None
}

/// Bytes of elements attribute `attr` whose type is `ty`; `Err` names what is unsupported.
pub fn constant_bytes(attr: MlirAttribute, ty: &TensorTy) -> Result<Vec<u8>, String> {
    let n = ty.num_elements().ok_or_else(|| format!("constant of type {ty} has no static shape"))? as usize;
    let elem = match &ty.elem {
        ElemTy::Quant(q) => if q.signed { ElemTy::I(q.storage_bits) } else { ElemTy::U(q.storage_bits) },
        e => e.clone(),
    };
    let width = elem.byte_width().ok_or_else(|| format!("constants of element type {} are not supported", ty.elem))?;
    if n == 0 {
        return Ok(Vec::new());
    }
    unsafe {
        if mlirAttributeIsADenseElements(attr) {
            if elem == ElemTy::I(1) {
                let splat = mlirDenseElementsAttrIsSplat(attr);
                return Ok((0..n)
                    .map(|i| {
                        if splat { mlirDenseElementsAttrGetBoolSplatValue(attr) as u8 } else { mlirDenseElementsAttrGetBoolValue(attr, i as isize) as u8 }
                    })
                    .collect());
            }
            let raw = mlirDenseElementsAttrGetRawData(attr) as *const u8;
            if mlirDenseElementsAttrIsSplat(attr) {
                let one = std::slice::from_raw_parts(raw, width);
                return Ok(one.repeat(n));
            }
            return Ok(std::slice::from_raw_parts(raw, n * width).to_vec());
        }
        if mlirAttributeIsADenseResourceElements(attr) {
            if let Some(bytes) = registered_bytes(attr, n * width) {
                return Ok(bytes);
            }
            return resource_bytes(attr, &elem, n);
        }
    }
    Err("constant value must be dense or dense_resource elements".into())
}

unsafe fn resource_bytes(attr: MlirAttribute, elem: &ElemTy, n: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(n * elem.byte_width().unwrap_or(1));
    macro_rules! each {
        ($get:ident) => {
            for i in 0..n {
                out.extend_from_slice(&$get(attr, i as isize).to_le_bytes());
            }
        };
    }
    match elem {
        ElemTy::F32 => each!(mlirDenseFloatResourceElementsAttrGetValue),
        ElemTy::F64 => each!(mlirDenseDoubleResourceElementsAttrGetValue),
        ElemTy::I(1) => {
            for i in 0..n {
                out.push(mlirDenseBoolResourceElementsAttrGetValue(attr, i as isize) as u8);
            }
        }
        ElemTy::I(8) => each!(mlirDenseInt8ResourceElementsAttrGetValue),
        ElemTy::U(8) => each!(mlirDenseUInt8ResourceElementsAttrGetValue),
        ElemTy::I(16) => each!(mlirDenseInt16ResourceElementsAttrGetValue),
        ElemTy::U(16) => each!(mlirDenseUInt16ResourceElementsAttrGetValue),
        ElemTy::I(32) => each!(mlirDenseInt32ResourceElementsAttrGetValue),
        ElemTy::U(32) => each!(mlirDenseUInt32ResourceElementsAttrGetValue),
        ElemTy::I(64) => each!(mlirDenseInt64ResourceElementsAttrGetValue),
        ElemTy::U(64) => each!(mlirDenseUInt64ResourceElementsAttrGetValue),
        e => return Err(format!("dense_resource constants of element type {e} are not supported")),
    }
    Ok(out)
}

/// A `dense` elements attribute of type `ty` (a ranked tensor type) holding `bytes`, laid
/// out as `constant_bytes` returns them (bools one byte each).
pub fn dense_attr_from_bytes(ty: MlirType, bytes: &[u8]) -> MlirAttribute {
    unsafe {
        let elem = mlirShapedTypeGetElementType(ty);
        if mlirTypeIsAInteger(elem) && mlirIntegerTypeGetWidth(elem) == 1 {
            let bools: Vec<std::ffi::c_int> = bytes.iter().map(|&b| (b != 0) as std::ffi::c_int).collect();
            return mlirDenseElementsAttrBoolGet(ty, bools.len() as isize, bools.as_ptr());
        }
        mlirDenseElementsAttrRawBufferGet(ty, bytes.len(), bytes.as_ptr() as *const _)
    }
}

/// Little-endian f32 bytes as values: borrowed in place when they are 4-byte aligned
/// (on a little-endian target), copied otherwise. A trailing partial value is ignored.
pub fn le_f32s(bytes: &[u8]) -> std::borrow::Cow<'_, [f32]> {
    // SAFETY: every bit pattern is an f32; only the aligned middle is viewed.
    let (head, aligned, tail) = unsafe { bytes.align_to::<f32>() };
    if head.is_empty() && tail.is_empty() && cfg!(target_endian = "little") {
        return std::borrow::Cow::Borrowed(aligned);
    }
    bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// The little-endian bytes of `values`: one copy.
pub fn le_bytes_of_u16s(values: &[u16]) -> Vec<u8> {
    if cfg!(target_endian = "little") {
        // SAFETY: `values` is initialized memory of 2 bytes per element, any of which is a u8.
        return unsafe { std::slice::from_raw_parts(values.as_ptr() as *const u8, 2 * values.len()) }.to_vec();
    }
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A hash of a byte string's length and of bytes sampled across it, for tables of
/// constants: hashing every byte of a model's weights costs more than the rest of a
/// pass, and equal keys are compared in full anyway.
pub fn sample_hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    const EDGE: usize = 256;
    const SAMPLES: usize = 64;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.len().hash(&mut h);
    if bytes.len() <= 2 * EDGE + SAMPLES * 8 {
        bytes.hash(&mut h);
    } else {
        bytes[..EDGE].hash(&mut h);
        bytes[bytes.len() - EDGE..].hash(&mut h);
        let step = (bytes.len() - 2 * EDGE) / SAMPLES;
        for i in 0..SAMPLES {
            let at = EDGE + i * step;
            bytes[at..at + 8].hash(&mut h);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A blob handed to the context is readable while it lives and forgotten (and
    /// freed) when it goes.
    #[test]
    fn owned_blobs_live_as_long_as_their_context() {
        unsafe {
            let ctx = mlirContextCreate();
            let shape = [2i64, 2];
            let ty = mlirRankedTensorTypeGet(2, shape.as_ptr(), mlirF32TypeGet(ctx), mlirAttributeGetNull());
            let bytes: Vec<u8> = [1.0f32, 2.0, 3.0, 4.0].iter().flat_map(|x| x.to_le_bytes()).collect();
            let attr = owned_resource_attr(ty, bytes.clone());
            assert!(mlirAttributeIsADenseResourceElements(attr));
            assert_eq!(owned_resource_bytes(attr), Some(&bytes[..]));
            let t = crate::ir::type_from_mlir(ty);
            assert_eq!(constant_bytes(attr, &t).unwrap(), bytes);
            assert_eq!(constant_bytes_in_place(attr, &t), Some(&bytes[..]));
            mlirContextDestroy(ctx);
            // Only the table is consulted: the dangling handle is never dereferenced.
            assert_eq!(owned_resource_bytes(attr), None);
        }
    }

    /// The same weight (name, type, bytes) imported twice into one context is one
    /// attribute; a different one (bytes, type or name) is not. What is derived from it is found again until
    /// the context goes.
    #[test]
    fn equal_shared_blobs_are_one_attribute_and_derive_once() {
        let f32s = |v: &[f32]| -> Vec<u8> { v.iter().flat_map(|x| x.to_le_bytes()).collect() };
        unsafe {
            let ctx = mlirContextCreate();
            let shape = [3i64];
            let f32_ty = mlirRankedTensorTypeGet(1, shape.as_ptr(), mlirF32TypeGet(ctx), mlirAttributeGetNull());
            let i32_ty = mlirRankedTensorTypeGet(1, shape.as_ptr(), mlirIntegerTypeGet(ctx, 32), mlirAttributeGetNull());
            let a = shared_resource_attr(f32_ty, "w", Box::new(f32s(&[1.0, 2.0, 3.0])));
            let b = shared_resource_attr(f32_ty, "w", Box::new(f32s(&[1.0, 2.0, 3.0])));
            let c = shared_resource_attr(f32_ty, "w", Box::new(f32s(&[1.0, 2.0, 4.0])));
            let d = shared_resource_attr(i32_ty, "w", Box::new(f32s(&[1.0, 2.0, 3.0])));
            let e = shared_resource_attr(f32_ty, "other", Box::new(f32s(&[1.0, 2.0, 3.0])));
            assert_eq!(a.ptr, b.ptr);
            assert_ne!(a.ptr, c.ptr);
            assert_ne!(a.ptr, d.ptr);
            assert_ne!(a.ptr, e.ptr);
            let q = owned_resource_attr(i32_ty, vec![7; 12]);
            assert!(owned_resource_bytes_mut(q).is_some());
            record_derived(a, "twice", q, 2.5f64);
            let (got, extra) = derived::<f64>(b, "twice").expect("derived from the same attribute");
            assert_eq!((got.ptr, extra), (q.ptr, 2.5));
            assert!(derived::<f64>(c, "twice").is_none());
            assert!(derived::<f64>(a, "other").is_none());
            // Several ops may hold a derived blob: it is never rewritten in place.
            assert!(owned_resource_bytes_mut(q).is_none());
            mlirContextDestroy(ctx);
            assert!(derived::<f64>(a, "twice").is_none());
        }
    }

    /// A `dense` attribute gives no notice when it goes: its records go with its
    /// context, so a later context's attribute at the same address finds none
    /// (edge-opt --split-input-file, a context per case, crashed on such a stale hit).
    #[test]
    fn derived_records_of_dense_attributes_go_with_their_context() {
        unsafe {
            let ctx = mlirContextCreate();
            let shape = [2i64];
            let f32_ty = mlirRankedTensorTypeGet(1, shape.as_ptr(), mlirF32TypeGet(ctx), mlirAttributeGetNull());
            let dense = mlirDenseElementsAttrSplatGet(f32_ty, mlirFloatAttrDoubleGet(ctx, mlirF32TypeGet(ctx), 1.5));
            let result = mlirDenseElementsAttrSplatGet(f32_ty, mlirFloatAttrDoubleGet(ctx, mlirF32TypeGet(ctx), 3.0));
            record_derived(dense, "dense twice", result, 1u8);
            assert_eq!(derived::<u8>(dense, "dense twice").map(|(a, x)| (a.ptr, x)), Some((result.ptr, 1)));
            mlirContextDestroy(ctx);
            assert!(derived::<u8>(dense, "dense twice").is_none());
        }
    }

    /// A shared blob's owner lives as long as the context, its bytes are read in place
    /// and never handed out for writing.
    #[test]
    fn shared_blobs_keep_their_owner_until_the_context_goes() {
        use std::sync::atomic::AtomicBool;
        use std::sync::Arc;
        struct Owner(Vec<u8>, Arc<AtomicBool>);
        impl ResourceBytes for Owner {
            fn bytes(&self) -> &[u8] {
                &self.0
            }
        }
        impl Drop for Owner {
            fn drop(&mut self) {
                self.1.store(true, Ordering::SeqCst);
            }
        }
        let dropped = Arc::new(AtomicBool::new(false));
        let bytes: Vec<u8> = [1.0f32, 2.0].iter().flat_map(|x| x.to_le_bytes()).collect();
        unsafe {
            let ctx = mlirContextCreate();
            let shape = [2i64];
            let ty = mlirRankedTensorTypeGet(1, shape.as_ptr(), mlirF32TypeGet(ctx), mlirAttributeGetNull());
            let attr = shared_resource_attr(ty, "w", Box::new(Owner(bytes.clone(), dropped.clone())));
            assert!(mlirAttributeIsADenseResourceElements(attr));
            let t = crate::ir::type_from_mlir(ty);
            assert_eq!(constant_bytes_in_place(attr, &t), Some(&bytes[..]));
            assert_eq!(constant_bytes(attr, &t).unwrap(), bytes);
            assert_eq!(owned_resource_bytes_mut(attr), None);
            assert!(!dropped.load(Ordering::SeqCst));
            mlirContextDestroy(ctx);
            assert!(dropped.load(Ordering::SeqCst));
            assert!(registered(attr).is_none());
        }
    }
}

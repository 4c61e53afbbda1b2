//! The IR layer passes and lowerings are written in: typed, lifetime-bound handles over
//! MLIR (`Op`, `Value`, `Block`, `Region`, `Type`, `Attribute`, `Location`), one
//! `Rewriter` through which every edit goes, and one greedy pattern driver.
//!
//! This module (with `ir.rs`, `context.rs` and `verify.rs`) is where `unsafe` and
//! `mlir_sys` live. A handle is valid while its context lives and the IR it points at
//! has not been erased; `'c` ties it to the context. Indexing past an op's operands or
//! results is a bug in the caller and panics (the pass bridge turns a panic into an
//! error at the op), never undefined behaviour.

pub mod build;
pub mod func;
pub mod pass_manager;
pub mod pattern;
pub mod rewriter;
pub mod views;

pub use pattern::{apply_patterns_greedily, GreedyConfig, Pattern, PatternSet};
pub use rewriter::Rewriter;

use crate::catalog::{Arity, OpDef, ValueDef};
use crate::ir::{attr_from_mlir, str_ref, type_from_mlir, Attr, ElemTy, OpView, TensorTy};
use mlir_sys::*;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

fn str_of<'a>(s: MlirStringRef) -> &'a str {
    if s.data.is_null() || s.length == 0 {
        return "";
    }
    // SAFETY: MLIR string refs point at `length` bytes owned by the context (identifiers)
    // or by the attribute's storage, both alive for the context's lifetime.
    let bytes = unsafe { std::slice::from_raw_parts(s.data as *const u8, s.length) };
    std::str::from_utf8(bytes).unwrap_or("")
}

macro_rules! handle {
    ($(#[$m:meta])* $name:ident, $raw:ty) => {
        $(#[$m])*
        #[derive(Clone, Copy)]
        pub struct $name<'c> {
            raw: $raw,
            _context: PhantomData<&'c ()>,
        }
        impl<'c> $name<'c> {
            /// Wraps a raw handle.
            ///
            /// # Safety
            /// `raw` must be a valid, non-null handle whose context outlives `'c`.
            pub unsafe fn from_raw(raw: $raw) -> Self {
                $name { raw, _context: PhantomData }
            }
            pub fn to_raw(self) -> $raw {
                self.raw
            }
        }
        impl PartialEq for $name<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.raw.ptr == other.raw.ptr
            }
        }
        impl Eq for $name<'_> {}
        impl Hash for $name<'_> {
            fn hash<H: Hasher>(&self, state: &mut H) {
                (self.raw.ptr as usize).hash(state)
            }
        }
    };
}

handle!(
    /// An operation.
    Op,
    MlirOperation
);
handle!(
    /// An SSA value: an op result or a block argument.
    Value,
    MlirValue
);
handle!(
    /// A block of a region.
    Block,
    MlirBlock
);
handle!(
    /// A region of an op.
    Region,
    MlirRegion
);
handle!(
    /// An MLIR type.
    Type,
    MlirType
);
handle!(
    /// An MLIR attribute.
    Attribute,
    MlirAttribute
);
handle!(
    /// A source location.
    Location,
    MlirLocation
);
handle!(
    /// The MLIR context the IR lives in; makes types and attributes.
    Context,
    MlirContext
);

impl std::fmt::Debug for Op<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Op({})", self.name())
    }
}

impl std::fmt::Debug for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Value({})", self.ty())
    }
}

fn nonnull<T>(ptr: *const T) -> bool {
    !ptr.is_null()
}

// ---- Op -----------------------------------------------------------------------------

impl<'c> Op<'c> {
    /// The op melior hands a pass (or holds in a module).
    pub fn from_melior(op: &melior::ir::OperationRef<'c, '_>) -> Op<'c> {
        // SAFETY: melior's handle is live and tied to the context's lifetime.
        unsafe { Op::from_raw(op.to_raw()) }
    }
    /// A module's top-level op.
    pub fn of_module(module: &melior::ir::Module<'c>) -> Op<'c> {
        unsafe { Op::from_raw(module.as_operation().to_raw()) }
    }
    /// The op's full name, e.g. `tfl.conv_2d`.
    pub fn name(self) -> &'c str {
        unsafe { str_of(mlirIdentifierStr(mlirOperationGetName(self.raw))) }
    }
    /// Whether the op is `name`.
    pub fn is(self, name: &str) -> bool {
        self.name() == name
    }
    /// Whether the op is of the typed view `V`.
    pub fn isa<V: OpKind<'c>>(self) -> bool {
        self.name() == V::NAME
    }
    /// The op as the typed view `V`, when it is one.
    pub fn cast<V: OpKind<'c>>(self) -> Option<V> {
        self.isa::<V>().then(|| V::wrap(self))
    }
    /// The op's dialect namespace (`tfl`, `stablehlo`, `func`...).
    pub fn dialect(self) -> &'c str {
        self.name().split('.').next().unwrap_or("")
    }
    /// The catalog entry of a `tfl` or `stablehlo` op.
    pub fn def(self) -> Option<&'static OpDef> {
        crate::dialect_of(self.dialect())?.lookup(self.name())
    }
    pub fn context(self) -> Context<'c> {
        unsafe { Context::from_raw(mlirOperationGetContext(self.raw)) }
    }
    pub fn location(self) -> Location<'c> {
        unsafe { Location::from_raw(mlirOperationGetLocation(self.raw)) }
    }
    pub fn set_location(self, loc: Location<'c>) {
        unsafe { mlirOperationSetLocation(self.raw, loc.raw) }
    }

    pub fn num_operands(self) -> usize {
        unsafe { mlirOperationGetNumOperands(self.raw) as usize }
    }
    /// Operand `i`; panics past the last operand.
    pub fn operand(self, i: usize) -> Value<'c> {
        self.try_operand(i).unwrap_or_else(|| panic!("'{}' has no operand #{i}", self.name()))
    }
    pub fn try_operand(self, i: usize) -> Option<Value<'c>> {
        (i < self.num_operands()).then(|| unsafe { Value::from_raw(mlirOperationGetOperand(self.raw, i as isize)) })
    }
    pub fn operands(self) -> Vec<Value<'c>> {
        (0..self.num_operands()).map(|i| self.operand(i)).collect()
    }
    /// Operand `i` when present and not of type `none` (TFL's absent optional operand).
    pub fn optional_operand(self, i: usize) -> Option<Value<'c>> {
        self.try_operand(i).filter(|v| !v.is_none())
    }
    pub fn set_operand(self, i: usize, v: Value<'c>) {
        assert!(i < self.num_operands(), "'{}' has no operand #{i}", self.name());
        unsafe { mlirOperationSetOperand(self.raw, i as isize, v.raw) }
    }
    pub fn set_operands(self, values: &[Value<'c>]) {
        let raw: Vec<MlirValue> = values.iter().map(|v| v.raw).collect();
        unsafe { mlirOperationSetOperands(self.raw, raw.len() as isize, raw.as_ptr()) }
    }

    pub fn num_results(self) -> usize {
        unsafe { mlirOperationGetNumResults(self.raw) as usize }
    }
    /// Result `i`; panics past the last result.
    pub fn result(self, i: usize) -> Value<'c> {
        assert!(i < self.num_results(), "'{}' has no result #{i}", self.name());
        unsafe { Value::from_raw(mlirOperationGetResult(self.raw, i as isize)) }
    }
    pub fn results(self) -> Vec<Value<'c>> {
        (0..self.num_results()).map(|i| self.result(i)).collect()
    }
    pub fn result_types(self) -> Vec<Type<'c>> {
        self.results().into_iter().map(Value::raw_type).collect()
    }
    /// Whether no result has a use.
    pub fn is_unused(self) -> bool {
        self.results().into_iter().all(|v| v.use_count() == 0)
    }

    /// The attribute `name` (a discardable attribute or, on ops that carry them, a
    /// property: MLIR's `getAttr` reads both).
    pub fn raw_attr(self, name: &str) -> Option<Attribute<'c>> {
        let a = unsafe { mlirOperationGetAttributeByName(self.raw, str_ref(name)) };
        nonnull(a.ptr).then(|| unsafe { Attribute::from_raw(a) })
    }
    /// The attribute `name` as a plain value.
    pub fn attr(self, name: &str) -> Option<Attr> {
        self.raw_attr(name).map(Attribute::value)
    }
    pub fn int_attr(self, name: &str) -> Option<i64> {
        self.attr(name)?.as_int()
    }
    pub fn float_attr(self, name: &str) -> Option<f64> {
        self.attr(name)?.as_float()
    }
    pub fn bool_attr(self, name: &str) -> Option<bool> {
        match self.attr(name)? {
            Attr::Bool(b) => Some(b),
            _ => None,
        }
    }
    pub fn str_attr(self, name: &str) -> Option<String> {
        self.attr(name)?.as_str().map(str::to_string)
    }
    pub fn ints_attr(self, name: &str) -> Option<Vec<i64>> {
        self.attr(name)?.as_ints()
    }
    pub fn has_attr(self, name: &str) -> bool {
        self.raw_attr(name).is_some()
    }
    /// The op's discardable attributes, by name, in order.
    pub fn attrs(self) -> Vec<(String, Attribute<'c>)> {
        unsafe {
            (0..mlirOperationGetNumAttributes(self.raw))
                .map(|i| {
                    let na = mlirOperationGetAttribute(self.raw, i);
                    (str_of(mlirIdentifierStr(na.name)).to_string(), Attribute::from_raw(na.attribute))
                })
                .collect()
        }
    }
    pub fn set_attr(self, name: &str, value: Attribute<'c>) {
        unsafe { mlirOperationSetAttributeByName(self.raw, str_ref(name), value.raw) }
    }
    pub fn remove_attr(self, name: &str) -> bool {
        unsafe { mlirOperationRemoveAttributeByName(self.raw, str_ref(name)) }
    }

    pub fn num_regions(self) -> usize {
        unsafe { mlirOperationGetNumRegions(self.raw) as usize }
    }
    pub fn region(self, i: usize) -> Region<'c> {
        assert!(i < self.num_regions(), "'{}' has no region #{i}", self.name());
        unsafe { Region::from_raw(mlirOperationGetRegion(self.raw, i as isize)) }
    }
    /// The first block of region 0 (a function's body).
    pub fn body(self) -> Option<Block<'c>> {
        (self.num_regions() > 0).then(|| self.region(0).first_block()).flatten()
    }
    /// The ops of region 0's first block, in order.
    pub fn body_ops(self) -> Vec<Op<'c>> {
        self.body().map(Block::ops).unwrap_or_default()
    }

    pub fn block(self) -> Option<Block<'c>> {
        let b = unsafe { mlirOperationGetBlock(self.raw) };
        nonnull(b.ptr).then(|| unsafe { Block::from_raw(b) })
    }
    pub fn parent_op(self) -> Option<Op<'c>> {
        let p = unsafe { mlirOperationGetParentOperation(self.raw) };
        nonnull(p.ptr).then(|| unsafe { Op::from_raw(p) })
    }
    pub fn next(self) -> Option<Op<'c>> {
        let n = unsafe { mlirOperationGetNextInBlock(self.raw) };
        nonnull(n.ptr).then(|| unsafe { Op::from_raw(n) })
    }
    /// Whether `self` comes before `other` in their (shared) block.
    pub fn is_before_in_block(self, other: Op<'c>) -> bool {
        unsafe { mlirOperationIsBeforeInBlock(self.raw, other.raw) }
    }
    pub fn move_before(self, other: Op<'c>) {
        unsafe { mlirOperationMoveBefore(self.raw, other.raw) }
    }
    pub fn move_after(self, other: Op<'c>) {
        unsafe { mlirOperationMoveAfter(self.raw, other.raw) }
    }

    /// Every op nested under `self` (not `self`), in pre-order.
    pub fn nested_ops(self) -> Vec<Op<'c>> {
        unsafe extern "C" fn visit(op: MlirOperation, data: *mut std::ffi::c_void) -> MlirWalkResult {
            (*(data as *mut Vec<MlirOperation>)).push(op);
            MlirWalkResult_MlirWalkResultAdvance
        }
        let mut ops: Vec<MlirOperation> = Vec::new();
        unsafe { mlirOperationWalk(self.raw, Some(visit), &mut ops as *mut Vec<_> as *mut _, MlirWalkOrder_MlirWalkPreOrder) };
        ops.into_iter().filter(|op| op.ptr != self.raw.ptr).map(|op| unsafe { Op::from_raw(op) }).collect()
    }

    /// The plain-Rust view the catalogs' rules read.
    pub fn view(self) -> OpView {
        crate::ir::op_view(self.raw)
    }
    /// The op printed in generic form, large constants elided.
    pub fn print(self) -> String {
        let mut out = String::new();
        unsafe {
            let flags = mlirOpPrintingFlagsCreate();
            mlirOpPrintingFlagsPrintGenericOpForm(flags);
            mlirOpPrintingFlagsElideLargeElementsAttrs(flags, 16);
            mlirOperationPrintWithFlags(self.raw, flags, Some(crate::ir::append_to_string), &mut out as *mut String as *mut _);
            mlirOpPrintingFlagsDestroy(flags);
        }
        out
    }
    pub fn emit_error(self, message: &str) {
        crate::verify::emit_error(self.location().raw, message)
    }
    pub fn emit_remark(self, message: &str) {
        crate::remark::emit_remark(self.location().raw, message)
    }

    /// The operands of catalog slot `k` of `def` (a variadic slot may hold several).
    pub fn slot(self, defs: &[ValueDef], k: usize, count: usize) -> std::ops::Range<usize> {
        slot_range(defs, k, count)
    }
}

/// Positions of slot `k` among `count` values described by `defs`: slots before a
/// variadic one take one value each, slots after it count from the end.
pub fn slot_range(defs: &[ValueDef], k: usize, count: usize) -> std::ops::Range<usize> {
    match defs.iter().position(|d| d.arity == Arity::Variadic) {
        Some(v) if k == v => v.min(count)..count.saturating_sub(defs.len() - v - 1).max(v.min(count)),
        Some(v) if k > v => {
            let from_end = defs.len() - k;
            let i = count.checked_sub(from_end);
            i.map_or(0..0, |i| i..i + 1)
        }
        _ => {
            if k < count {
                k..k + 1
            } else {
                0..0
            }
        }
    }
}

/// A typed op view generated from a catalog entry (`tfl::op::Conv2d`...).
pub trait OpKind<'c>: Copy {
    const NAME: &'static str;
    /// Wraps `op` without checking its name.
    fn wrap(op: Op<'c>) -> Self;
    fn op(self) -> Op<'c>;
}

// ---- Value --------------------------------------------------------------------------

impl<'c> Value<'c> {
    /// The value's type as a plain value.
    pub fn ty(self) -> TensorTy {
        type_from_mlir(self.raw_type().raw)
    }
    pub fn raw_type(self) -> Type<'c> {
        unsafe { Type::from_raw(mlirValueGetType(self.raw)) }
    }
    pub fn set_type(self, t: Type<'c>) {
        unsafe { mlirValueSetType(self.raw, t.raw) }
    }
    pub fn elem(self) -> ElemTy {
        self.ty().elem
    }
    pub fn shape(self) -> Vec<i64> {
        self.ty().dims().to_vec()
    }
    /// Whether the value has type `none` (an absent TFL operand).
    pub fn is_none(self) -> bool {
        unsafe { mlirTypeIsANone(mlirValueGetType(self.raw)) }
    }
    pub fn context(self) -> Context<'c> {
        unsafe { Context::from_raw(mlirValueGetContext(self.raw)) }
    }
    /// The op that defines the value, if it is an op result.
    pub fn defining_op(self) -> Option<Op<'c>> {
        unsafe { mlirValueIsAOpResult(self.raw).then(|| Op::from_raw(mlirOpResultGetOwner(self.raw))) }
    }
    /// The op result number, if it is an op result.
    pub fn result_number(self) -> Option<usize> {
        unsafe { mlirValueIsAOpResult(self.raw).then(|| mlirOpResultGetResultNumber(self.raw) as usize) }
    }
    /// The defining op when it is the view `V`.
    pub fn defined_by<V: OpKind<'c>>(self) -> Option<V> {
        self.defining_op()?.cast::<V>()
    }
    pub fn is_block_argument(self) -> bool {
        unsafe { mlirValueIsABlockArgument(self.raw) }
    }
    /// The block that owns the value, if it is a block argument.
    pub fn owner_block(self) -> Option<Block<'c>> {
        unsafe { mlirValueIsABlockArgument(self.raw).then(|| Block::from_raw(mlirBlockArgumentGetOwner(self.raw))) }
    }
    /// The argument number, if the value is a block argument.
    pub fn arg_number(self) -> Option<usize> {
        unsafe { mlirValueIsABlockArgument(self.raw).then(|| mlirBlockArgumentGetArgNumber(self.raw) as usize) }
    }
    /// The uses: (user op, operand index), in use-list order.
    pub fn uses(self) -> Vec<(Op<'c>, usize)> {
        let mut out = Vec::new();
        unsafe {
            let mut u = mlirValueGetFirstUse(self.raw);
            while !mlirOpOperandIsNull(u) {
                out.push((Op::from_raw(mlirOpOperandGetOwner(u)), mlirOpOperandGetOperandNumber(u) as usize));
                u = mlirOpOperandGetNextUse(u);
            }
        }
        out
    }
    /// The user ops (one entry per use).
    pub fn users(self) -> Vec<Op<'c>> {
        self.uses().into_iter().map(|(op, _)| op).collect()
    }
    pub fn use_count(self) -> usize {
        let mut n = 0;
        unsafe {
            let mut u = mlirValueGetFirstUse(self.raw);
            while !mlirOpOperandIsNull(u) {
                n += 1;
                u = mlirOpOperandGetNextUse(u);
            }
        }
        n
    }
    pub fn has_one_use(self) -> bool {
        self.use_count() == 1
    }
    /// The integer values of a constant defining `self`, if it is one.
    pub fn const_ints(self) -> Option<Vec<i64>> {
        crate::ir::const_ints_of_value(self.raw)
    }
    pub fn same_type(self, other: Value<'c>) -> bool {
        self.raw_type() == other.raw_type()
    }
}

// ---- Block and Region ---------------------------------------------------------------

impl<'c> Block<'c> {
    pub fn first_op(self) -> Option<Op<'c>> {
        let op = unsafe { mlirBlockGetFirstOperation(self.raw) };
        nonnull(op.ptr).then(|| unsafe { Op::from_raw(op) })
    }
    /// The block's ops, in order.
    pub fn ops(self) -> Vec<Op<'c>> {
        let mut out = Vec::new();
        let mut op = self.first_op();
        while let Some(o) = op {
            out.push(o);
            op = o.next();
        }
        out
    }
    pub fn terminator(self) -> Option<Op<'c>> {
        let op = unsafe { mlirBlockGetTerminator(self.raw) };
        nonnull(op.ptr).then(|| unsafe { Op::from_raw(op) })
    }
    pub fn num_arguments(self) -> usize {
        unsafe { mlirBlockGetNumArguments(self.raw) as usize }
    }
    pub fn argument(self, i: usize) -> Value<'c> {
        assert!(i < self.num_arguments(), "block has no argument #{i}");
        unsafe { Value::from_raw(mlirBlockGetArgument(self.raw, i as isize)) }
    }
    pub fn arguments(self) -> Vec<Value<'c>> {
        (0..self.num_arguments()).map(|i| self.argument(i)).collect()
    }
    /// Sets the type of block argument `i`.
    pub fn set_argument_type(self, i: usize, t: Type<'c>) {
        unsafe { mlirBlockArgumentSetType(self.argument(i).raw, t.raw) }
    }
    pub fn parent_op(self) -> Option<Op<'c>> {
        let p = unsafe { mlirBlockGetParentOperation(self.raw) };
        nonnull(p.ptr).then(|| unsafe { Op::from_raw(p) })
    }
}

impl<'c> Region<'c> {
    pub fn first_block(self) -> Option<Block<'c>> {
        let b = unsafe { mlirRegionGetFirstBlock(self.raw) };
        nonnull(b.ptr).then(|| unsafe { Block::from_raw(b) })
    }
    pub fn blocks(self) -> Vec<Block<'c>> {
        let mut out = Vec::new();
        let mut b = self.first_block();
        while let Some(block) = b {
            out.push(block);
            let n = unsafe { mlirBlockGetNextInRegion(block.raw) };
            b = nonnull(n.ptr).then(|| unsafe { Block::from_raw(n) });
        }
        out
    }
}

// ---- Type ---------------------------------------------------------------------------

impl<'c> Type<'c> {
    /// The type as a plain value.
    pub fn value(self) -> TensorTy {
        type_from_mlir(self.raw)
    }
    pub fn context(self) -> Context<'c> {
        unsafe { Context::from_raw(mlirTypeGetContext(self.raw)) }
    }
    /// The element type of a shaped type (`self` otherwise).
    pub fn element_type(self) -> Type<'c> {
        unsafe {
            if mlirTypeIsAShaped(self.raw) {
                Type::from_raw(mlirShapedTypeGetElementType(self.raw))
            } else {
                self
            }
        }
    }
    pub fn is_f16(self) -> bool {
        unsafe { mlirTypeIsAF16(self.raw) }
    }
    pub fn is_f32(self) -> bool {
        unsafe { mlirTypeIsAF32(self.raw) }
    }
    pub fn is_integer(self) -> bool {
        unsafe { mlirTypeIsAInteger(self.raw) }
    }
    pub fn integer_width(self) -> Option<u32> {
        self.is_integer().then(|| unsafe { mlirIntegerTypeGetWidth(self.raw) })
    }
    /// The plain element type of a shaped type (of `self` otherwise).
    pub fn elem(self) -> ElemTy {
        crate::ir::elem_from_mlir(self.element_type().raw)
    }
    pub fn is_quantized(self) -> bool {
        unsafe { mlirTypeIsAQuantizedType(self.raw) }
    }
    /// The storage type of a quantized type.
    pub fn quant_storage_type(self) -> Option<Type<'c>> {
        self.is_quantized().then(|| unsafe { Type::from_raw(mlirQuantizedTypeGetStorageType(self.raw)) })
    }
    /// A ranked tensor of `shape` with this element type; a negative dim (`ir::DYN`) is
    /// dynamic (`?`: MLIR's own sentinel, never a size).
    pub fn tensor(self, shape: &[i64]) -> Type<'c> {
        let dims: Vec<i64> = shape.iter().map(|&d| if d < 0 { unsafe { mlirShapedTypeGetDynamicSize() } } else { d }).collect();
        unsafe { Type::from_raw(mlirRankedTensorTypeGet(dims.len() as isize, dims.as_ptr(), self.raw, mlirAttributeGetNull())) }
    }
    /// An unranked tensor with this element type.
    pub fn unranked_tensor(self) -> Type<'c> {
        unsafe { Type::from_raw(mlirUnrankedTensorTypeGet(self.raw)) }
    }
    /// The same tensor type with element type `elem` (shape kept, unranked stays so).
    pub fn with_element(self, elem: Type<'c>) -> Type<'c> {
        match self.value().shape {
            Some(shape) => elem.tensor(&shape),
            None => elem.unranked_tensor(),
        }
    }
    /// The same element type with `shape`.
    pub fn with_shape(self, shape: &[i64]) -> Type<'c> {
        self.element_type().tensor(shape)
    }
    pub fn print(self) -> String {
        crate::ir::print_type(self.raw)
    }
    /// Results of a function type.
    pub fn function_results(self) -> Vec<Type<'c>> {
        unsafe {
            if !mlirTypeIsAFunction(self.raw) {
                return Vec::new();
            }
            (0..mlirFunctionTypeGetNumResults(self.raw)).map(|i| Type::from_raw(mlirFunctionTypeGetResult(self.raw, i))).collect()
        }
    }
}

impl std::fmt::Display for Type<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.print())
    }
}

// ---- Attribute ----------------------------------------------------------------------

impl<'c> Attribute<'c> {
    /// The attribute as a plain value.
    pub fn value(self) -> Attr {
        attr_from_mlir(self.raw)
    }
    pub fn ty(self) -> Type<'c> {
        unsafe { Type::from_raw(mlirAttributeGetType(self.raw)) }
    }
    pub fn is_dense_elements(self) -> bool {
        unsafe { mlirAttributeIsADenseElements(self.raw) }
    }
    pub fn is_splat(self) -> bool {
        self.is_dense_elements() && unsafe { mlirDenseElementsAttrIsSplat(self.raw) }
    }
    /// The splat value of a splat dense elements attribute.
    pub fn splat_value(self) -> Option<Attribute<'c>> {
        self.is_splat().then(|| unsafe { Attribute::from_raw(mlirDenseElementsAttrGetSplatValue(self.raw)) })
    }
    /// The type held by a type attribute.
    pub fn type_value(self) -> Option<Type<'c>> {
        unsafe { mlirAttributeIsAType(self.raw).then(|| Type::from_raw(mlirTypeAttrGetValue(self.raw))) }
    }
    /// A new dense elements attribute of `ty` with the same splat value.
    pub fn splat_reshaped(self, ty: Type<'c>) -> Option<Attribute<'c>> {
        let v = self.splat_value()?;
        Some(unsafe { Attribute::from_raw(mlirDenseElementsAttrSplatGet(ty.raw, v.raw)) })
    }
    /// The element bytes of a constant's `dense` or `dense_resource` value laid out as
    /// `elements::constant_bytes` gives them (a copy; splats expanded).
    pub fn constant_bytes(self, ty: &TensorTy) -> Result<Vec<u8>, String> {
        crate::elements::constant_bytes(self.raw, ty)
    }
    /// The element bytes in place, when the attribute already holds them in that
    /// layout (non-splat `dense`, registered `dense_resource`): borrowed, not copied.
    pub fn constant_bytes_in_place(self, ty: &TensorTy) -> Option<&'c [u8]> {
        // SAFETY: the bytes live as long as the context (`'c`) and stay registered
        // while the attribute does.
        unsafe { crate::elements::constant_bytes_in_place(self.raw, ty) }
    }
    /// The bytes of a blob made by `Context::owned_constant`.
    pub fn owned_bytes(self) -> Option<&'c [u8]> {
        // SAFETY: owned blobs live as long as their context.
        unsafe { crate::elements::owned_resource_bytes(self.raw) }
    }
    /// Runs `f` on the bytes of a blob made by `Context::owned_constant`, to rewrite them
    /// in place. The caller must be the only reader of the blob: the constant holding it
    /// has one use, the op being rewritten (constants made by `Context::owned_constant`
    /// each get their own blob, which no pass copies to another op).
    pub fn with_owned_bytes_mut<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
        // SAFETY: see above; the slice does not outlive `f`.
        let bytes = unsafe { crate::elements::owned_resource_bytes_mut(self.raw) }?;
        Some(f(bytes))
    }
    pub fn print(self) -> String {
        crate::ir::print_attr(self.raw)
    }
}

impl std::fmt::Display for Attribute<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.print())
    }
}

impl<'c> Location<'c> {
    pub fn print(self) -> String {
        crate::ir::print_location(self.raw)
    }
}

// ---- Context: types and attributes --------------------------------------------------

impl<'c> Context<'c> {
    /// The context of a melior context.
    pub fn of(context: &'c melior::Context) -> Context<'c> {
        unsafe { Context::from_raw(context.to_raw()) }
    }
    pub fn f16(self) -> Type<'c> {
        unsafe { Type::from_raw(mlirF16TypeGet(self.raw)) }
    }
    pub fn f32(self) -> Type<'c> {
        unsafe { Type::from_raw(mlirF32TypeGet(self.raw)) }
    }
    pub fn integer(self, width: u32) -> Type<'c> {
        unsafe { Type::from_raw(mlirIntegerTypeGet(self.raw, width)) }
    }
    pub fn none_type(self) -> Type<'c> {
        unsafe { Type::from_raw(mlirNoneTypeGet(self.raw)) }
    }
    /// The MLIR type of a plain element type (quantized types included).
    pub fn elem_type(self, elem: &ElemTy) -> Option<Type<'c>> {
        self.parse_type(&elem.to_string())
    }
    /// The MLIR type of a plain tensor type.
    pub fn tensor_type(self, t: &TensorTy) -> Option<Type<'c>> {
        self.parse_type(&t.to_string())
    }
    /// Parses a type written in MLIR syntax.
    pub fn parse_type(self, text: &str) -> Option<Type<'c>> {
        let t = unsafe { mlirTypeParseGet(self.raw, str_ref(text)) };
        nonnull(t.ptr).then(|| unsafe { Type::from_raw(t) })
    }
    /// Parses an attribute written in MLIR syntax.
    pub fn parse_attr(self, text: &str) -> Option<Attribute<'c>> {
        let a = unsafe { mlirAttributeParseGet(self.raw, str_ref(text)) };
        nonnull(a.ptr).then(|| unsafe { Attribute::from_raw(a) })
    }
    /// A uniform quantized type (per-tensor or per-axis) over `storage`, expressed in f32.
    pub fn quant_type(self, q: &crate::ir::QuantTy) -> Type<'c> {
        let flags = if q.signed { 1 } else { 0 };
        let storage = self.integer(q.storage_bits);
        let expressed = match *q.expressed {
            ElemTy::F16 => self.f16(),
            _ => self.f32(),
        };
        unsafe {
            Type::from_raw(match q.axis {
                Some(axis) => {
                    let mut scales = q.scales.clone();
                    let mut zps = q.zero_points.clone();
                    mlirUniformQuantizedPerAxisTypeGet(
                        flags,
                        storage.raw,
                        expressed.raw,
                        scales.len() as isize,
                        scales.as_mut_ptr(),
                        zps.as_mut_ptr(),
                        axis,
                        q.storage_min,
                        q.storage_max,
                    )
                }
                None => mlirUniformQuantizedTypeGet(
                    flags,
                    storage.raw,
                    expressed.raw,
                    q.scales.first().copied().unwrap_or(1.0),
                    q.zero_points.first().copied().unwrap_or(0),
                    q.storage_min,
                    q.storage_max,
                ),
            })
        }
    }
    pub fn function_type(self, inputs: &[Type<'c>], results: &[Type<'c>]) -> Type<'c> {
        let i: Vec<MlirType> = inputs.iter().map(|t| t.raw).collect();
        let r: Vec<MlirType> = results.iter().map(|t| t.raw).collect();
        unsafe { Type::from_raw(mlirFunctionTypeGet(self.raw, i.len() as isize, i.as_ptr(), r.len() as isize, r.as_ptr())) }
    }

    pub fn string_attr(self, s: &str) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirStringAttrGet(self.raw, str_ref(s))) }
    }
    pub fn bool_attr(self, b: bool) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirBoolAttrGet(self.raw, b as i32)) }
    }
    pub fn unit_attr(self) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirUnitAttrGet(self.raw)) }
    }
    pub fn i32_attr(self, v: i64) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirIntegerAttrGet(self.integer(32).raw, v)) }
    }
    pub fn i64_attr(self, v: i64) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirIntegerAttrGet(self.integer(64).raw, v)) }
    }
    pub fn f32_attr(self, v: f64) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirFloatAttrDoubleGet(self.raw, self.f32().raw, v)) }
    }
    pub fn type_attr(self, t: Type<'c>) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirTypeAttrGet(t.raw)) }
    }
    pub fn i64_array_attr(self, values: &[i64]) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirDenseI64ArrayGet(self.raw, values.len() as isize, values.as_ptr())) }
    }
    /// A dense i32 tensor attribute of `shape` (values truncated to 32 bits: callers
    /// check ranges where values come from input).
    pub fn dense_i32(self, shape: &[i64], values: &[i64]) -> Attribute<'c> {
        let ty = self.integer(32).tensor(shape);
        let data: Vec<i32> = values.iter().map(|&v| v as i32).collect();
        unsafe { Attribute::from_raw(mlirDenseElementsAttrInt32Get(ty.raw, data.len() as isize, data.as_ptr())) }
    }
    pub fn dense_i64(self, shape: &[i64], values: &[i64]) -> Attribute<'c> {
        let ty = self.integer(64).tensor(shape);
        unsafe { Attribute::from_raw(mlirDenseElementsAttrInt64Get(ty.raw, values.len() as isize, values.as_ptr())) }
    }
    pub fn dense_f32(self, shape: &[i64], values: &[f32]) -> Attribute<'c> {
        let ty = self.f32().tensor(shape);
        unsafe { Attribute::from_raw(mlirDenseElementsAttrFloatGet(ty.raw, values.len() as isize, values.as_ptr())) }
    }
    /// An integer attribute of integer type `ty` (any width).
    pub fn integer_attr(self, ty: Type<'c>, v: i64) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirIntegerAttrGet(ty.raw, v)) }
    }
    /// A splat over tensor type `ty` of `element`, an attribute of `ty`'s element type.
    pub fn splat(self, ty: Type<'c>, element: Attribute<'c>) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirDenseElementsAttrSplatGet(ty.raw, element.raw)) }
    }
    /// A splat of the float `v` over tensor type `ty`.
    pub fn float_splat(self, ty: Type<'c>, v: f32) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirDenseElementsAttrFloatSplatGet(ty.raw, v)) }
    }
    pub fn i32_splat(self, ty: Type<'c>, v: i32) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirDenseElementsAttrInt32SplatGet(ty.raw, v)) }
    }
    pub fn i64_splat(self, ty: Type<'c>, v: i64) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirDenseElementsAttrInt64SplatGet(ty.raw, v)) }
    }
    pub fn bool_splat(self, ty: Type<'c>, v: bool) -> Attribute<'c> {
        unsafe { Attribute::from_raw(mlirDenseElementsAttrBoolSplatGet(ty.raw, v)) }
    }
    /// A dense elements attribute of `ty` over `bytes` (the storage layout of the
    /// element type; MLIR copies them).
    pub fn dense_from_bytes(self, ty: Type<'c>, bytes: &[u8]) -> Option<Attribute<'c>> {
        let a = unsafe { mlirDenseElementsAttrRawBufferGet(ty.raw, bytes.len(), bytes.as_ptr() as *const _) };
        nonnull(a.ptr).then(|| unsafe { Attribute::from_raw(a) })
    }
    /// A `dense_resource` attribute of `ty` that takes `bytes` over without copying
    /// (see `elements::owned_resource_attr`).
    pub fn owned_constant(self, ty: Type<'c>, bytes: Vec<u8>) -> Attribute<'c> {
        unsafe { Attribute::from_raw(crate::elements::owned_resource_attr(ty.raw, bytes)) }
    }
    /// A `dense` attribute of `ty` over `bytes` in `elements::constant_bytes` layout.
    pub fn dense_constant(self, ty: Type<'c>, bytes: &[u8]) -> Attribute<'c> {
        unsafe { Attribute::from_raw(crate::elements::dense_attr_from_bytes(ty.raw, bytes)) }
    }
    pub fn unknown_location(self) -> Location<'c> {
        unsafe { Location::from_raw(mlirLocationUnknownGet(self.raw)) }
    }
}

// ---- Checks and guards at an op, and shared constants ------------------------------

impl<'c> Op<'c> {
    /// Runs the catalog verify step on this op and every op nested in it, reporting each
    /// problem as an error at its op. Returns the number of errors.
    pub fn verify_catalog(self) -> usize {
        crate::verify::verify_operation(self.raw)
    }
    /// Runs `body` inside an MLIR callback on this op: a panic stops here and becomes an
    /// error diagnostic at the op (`None`), as `guard::catch_at_op` says.
    pub fn catch_panic<R>(self, what: &str, body: impl FnOnce() -> R) -> Option<R> {
        crate::guard::catch_at_op(self.raw, what, body)
    }
}

impl<'c> Type<'c> {
    /// Whether the type is shaped (a tensor, ranked or not, a vector or a memref).
    pub fn is_shaped(self) -> bool {
        unsafe { mlirTypeIsAShaped(self.raw) }
    }
}

impl<'c> Context<'c> {
    /// A `dense_resource` attribute of `ty` named `name` over the bytes `owner` holds,
    /// without copying them (a weight in a memory-mapped archive). The context keeps
    /// `owner` until the blob goes with it, so the attribute never outlives its bytes;
    /// they are never written (see `elements::shared_resource_attr`).
    pub fn shared_constant(self, ty: Type<'c>, name: &str, owner: Box<dyn crate::elements::ResourceBytes>) -> Attribute<'c> {
        unsafe { Attribute::from_raw(crate::elements::shared_resource_attr(ty.raw, name, owner)) }
    }
}

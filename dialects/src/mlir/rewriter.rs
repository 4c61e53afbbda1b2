//! `Rewriter`: every IR edit a pass or pattern makes goes through it, so the pattern
//! driver knows which ops were created, changed or erased and what to look at next.

use super::{Attribute, Block, Context, Location, Op, Type, Value};
use crate::ir::str_ref;
use mlir_sys::*;
use std::collections::HashSet;

/// Where `Rewriter::create` puts new ops.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InsertPoint<'c> {
    Before(Op<'c>),
    End(Block<'c>),
}

pub struct Rewriter<'c> {
    context: Context<'c>,
    point: Option<InsertPoint<'c>>,
    /// Location of new ops: the op the insertion point was last set at.
    location: Option<Location<'c>>,
    changed: bool,
    errors: usize,
    /// Why patterns did not match an op, as they said (`notify_match_failure`).
    failures: Vec<(Op<'c>, String)>,
    /// Ops created since the driver last looked.
    pub(crate) created: Vec<Op<'c>>,
    /// Ops whose operands, attributes or operand producers changed.
    pub(crate) touched: Vec<Op<'c>>,
    /// Ops erased (their handles dangle; the driver must not visit them).
    pub(crate) erased: HashSet<Op<'c>>,
}

impl<'c> Rewriter<'c> {
    pub fn new(context: Context<'c>) -> Self {
        Rewriter {
            context,
            point: None,
            location: None,
            changed: false,
            errors: 0,
            failures: Vec::new(),
            created: Vec::new(),
            touched: Vec::new(),
            erased: HashSet::new(),
        }
    }
    /// A rewriter inserting before `op`, with `op`'s location.
    pub fn before(op: Op<'c>) -> Self {
        let mut rw = Rewriter::new(op.context());
        rw.set_insertion_before(op);
        rw
    }

    pub fn context(&self) -> Context<'c> {
        self.context
    }
    /// Whether any edit was made.
    pub fn changed(&self) -> bool {
        self.changed
    }
    /// Marks the IR changed (for edits made outside the rewriter's methods).
    pub fn mark_changed(&mut self) {
        self.changed = true;
    }
    /// Number of errors reported with `error`.
    pub fn errors(&self) -> usize {
        self.errors
    }
    /// Reports `message` at `op`; the pass fails once it finishes.
    pub fn error(&mut self, op: Op<'c>, message: &str) {
        op.emit_error(message);
        self.errors += 1;
    }

    /// Records why a pattern did not match `op` (MLIR's `notifyMatchFailure`); a
    /// conversion quotes it when it reports `op` left illegal. The first reason given
    /// for an op is kept.
    pub fn notify_match_failure(&mut self, op: Op<'c>, reason: impl Into<String>) {
        if !self.failures.iter().any(|(o, _)| *o == op) {
            self.failures.push((op, reason.into()));
        }
    }
    /// The reason recorded for `op` by `notify_match_failure`, if any.
    pub fn match_failure(&self, op: Op<'c>) -> Option<&str> {
        self.failures.iter().find(|(o, _)| *o == op).map(|(_, r)| r.as_str())
    }
    /// The ops created or cloned since the last call, in order, for a pass that visits
    /// what its rewrites made (a conversion converts the ops a rewrite produced, such as
    /// an inlined body). Some may have been erased since: check `is_erased` before
    /// touching one. Not for patterns under the greedy driver, which collects them itself.
    pub fn take_created(&mut self) -> Vec<Op<'c>> {
        std::mem::take(&mut self.created)
    }
    /// A new op (and the ops in its regions) may sit where an erased one was: it is
    /// live, whatever `erased` remembers of that address.
    fn revive(&mut self, op: Op<'c>) {
        if self.erased.is_empty() {
            return;
        }
        self.erased.remove(&op);
        for nested in op.nested_ops() {
            self.erased.remove(&nested);
        }
    }

    /// Whether `op` was erased through this rewriter (its handle dangles).
    pub fn is_erased(&self, op: Op<'c>) -> bool {
        self.erased.contains(&op)
    }

    /// New ops go before `op` and get its location.
    pub fn set_insertion_before(&mut self, op: Op<'c>) {
        self.point = Some(InsertPoint::Before(op));
        self.location = Some(op.location());
    }
    /// New ops go after `op` and get its location.
    pub fn set_insertion_after(&mut self, op: Op<'c>) {
        self.point = Some(match (op.next(), op.block()) {
            (Some(next), _) => InsertPoint::Before(next),
            (None, Some(block)) => InsertPoint::End(block),
            (None, None) => panic!("'{}' is not in a block", op.name()),
        });
        self.location = Some(op.location());
    }
    /// New ops go at the end of `block`.
    pub fn set_insertion_end(&mut self, block: Block<'c>) {
        self.point = Some(InsertPoint::End(block));
    }
    /// The location new ops get.
    pub fn set_location(&mut self, loc: Location<'c>) {
        self.location = Some(loc);
    }

    /// Creates op `name` at the insertion point.
    pub fn create(&mut self, name: &str, operands: &[Value<'c>], results: &[Type<'c>], attrs: &[(&str, Attribute<'c>)]) -> Op<'c> {
        let loc = self.location.unwrap_or_else(|| self.context.unknown_location());
        self.create_at(loc, name, operands, results, attrs)
    }

    /// Creates op `name` at the insertion point with location `loc`.
    pub fn create_at(
        &mut self,
        loc: Location<'c>,
        name: &str,
        operands: &[Value<'c>],
        results: &[Type<'c>],
        attrs: &[(&str, Attribute<'c>)],
    ) -> Op<'c> {
        self.create_with_regions(loc, name, operands, results, attrs, 0)
    }

    /// Creates op `name` with `regions` empty regions at the insertion point with
    /// location `loc`; fill a region with `Region::append_block` and ops inserted at the
    /// block's end.
    pub fn create_with_regions(
        &mut self,
        loc: Location<'c>,
        name: &str,
        operands: &[Value<'c>],
        results: &[Type<'c>],
        attrs: &[(&str, Attribute<'c>)],
        regions: usize,
    ) -> Op<'c> {
        let point = self.point.expect("Rewriter::create needs an insertion point");
        let op = unsafe {
            let mut state = mlirOperationStateGet(str_ref(name), loc.to_raw());
            let ops: Vec<MlirValue> = operands.iter().map(|v| v.to_raw()).collect();
            let res: Vec<MlirType> = results.iter().map(|t| t.to_raw()).collect();
            mlirOperationStateAddOperands(&mut state, ops.len() as isize, ops.as_ptr());
            mlirOperationStateAddResults(&mut state, res.len() as isize, res.as_ptr());
            let ctx = self.context.to_raw();
            let named: Vec<MlirNamedAttribute> =
                attrs.iter().map(|(n, a)| mlirNamedAttributeGet(mlirIdentifierGet(ctx, str_ref(n)), a.to_raw())).collect();
            mlirOperationStateAddAttributes(&mut state, named.len() as isize, named.as_ptr());
            // The op takes the new regions over.
            let owned: Vec<MlirRegion> = (0..regions).map(|_| mlirRegionCreate()).collect();
            mlirOperationStateAddOwnedRegions(&mut state, owned.len() as isize, owned.as_ptr());
            mlirOperationCreate(&mut state)
        };
        self.insert_new(op, point)
    }

    /// Inserts the new, unowned op `raw` at `point` and records it as created.
    fn insert_new(&mut self, raw: MlirOperation, point: InsertPoint<'c>) -> Op<'c> {
        // SAFETY: `raw` was just created and is owned by no block; the block takes it.
        let op = unsafe {
            match point {
                InsertPoint::Before(anchor) => {
                    let block = mlirOperationGetBlock(anchor.to_raw());
                    mlirBlockInsertOwnedOperationBefore(block, anchor.to_raw(), raw);
                }
                InsertPoint::End(block) => mlirBlockAppendOwnedOperation(block.to_raw(), raw),
            }
            Op::from_raw(raw)
        };
        self.revive(op);
        self.created.push(op);
        self.changed = true;
        op
    }

    /// Creates a copy of `op` at the insertion point: its operands, attributes,
    /// location and regions (whose ops are copied too; values they read from outside
    /// `op` are read as they are), with new results. Returns the copy.
    pub fn clone_op(&mut self, op: Op<'c>) -> Op<'c> {
        let point = self.point.expect("Rewriter::clone_op needs an insertion point");
        let copy = unsafe { mlirOperationClone(op.to_raw()) };
        self.insert_new(copy, point)
    }

    /// Creates op `name` with `like`'s operands, result types and attributes plus
    /// `extra` attributes (a rename).
    pub fn create_like(&mut self, name: &str, like: Op<'c>, extra: &[(&str, Attribute<'c>)]) -> Op<'c> {
        let mut attrs = like.attrs();
        for (n, a) in extra {
            attrs.retain(|(k, _)| k != n);
            attrs.push((n.to_string(), *a));
        }
        let refs: Vec<(&str, Attribute<'c>)> = attrs.iter().map(|(n, a)| (n.as_str(), *a)).collect();
        self.create(name, &like.operands(), &like.result_types(), &refs)
    }

    /// Replaces every use of `from` by `to`.
    pub fn replace_all_uses(&mut self, from: Value<'c>, to: Value<'c>) {
        if from == to {
            return;
        }
        self.touched.extend(from.users());
        unsafe { mlirValueReplaceAllUsesOfWith(from.to_raw(), to.to_raw()) };
        self.changed = true;
    }

    /// Replaces every use of `from` by `to` except those in `except`.
    pub fn replace_all_uses_except(&mut self, from: Value<'c>, to: Value<'c>, except: Op<'c>) {
        self.touched.extend(from.users().into_iter().filter(|u| *u != except));
        unsafe { mlirValueReplaceAllUsesExcept(from.to_raw(), to.to_raw(), 1, &mut except.to_raw()) };
        self.changed = true;
    }

    /// Replaces `op`'s results by `values` (one each) and erases `op`.
    pub fn replace_op(&mut self, op: Op<'c>, values: &[Value<'c>]) {
        assert_eq!(op.num_results(), values.len(), "replacing '{}' needs one value per result", op.name());
        for (r, v) in op.results().into_iter().zip(values) {
            self.replace_all_uses(r, *v);
        }
        self.erase_op(op);
    }

    /// Replaces `op` by `new`, result for result.
    pub fn replace_op_with(&mut self, op: Op<'c>, new: Op<'c>) {
        self.replace_op(op, &new.results());
    }

    /// Erases `op`, whose results must have no uses left.
    pub fn erase_op(&mut self, op: Op<'c>) {
        assert!(op.is_unused(), "erasing '{}' whose results are still used", op.name());
        for operand in op.operands() {
            if let Some(def) = operand.defining_op() {
                self.touched.push(def);
            }
        }
        for nested in op.nested_ops() {
            self.erased.insert(nested);
        }
        self.erased.insert(op);
        unsafe { mlirOperationDestroy(op.to_raw()) };
        self.changed = true;
    }

    /// Sets operand `i` of `op` to `v`.
    pub fn set_operand(&mut self, op: Op<'c>, i: usize, v: Value<'c>) {
        if let Some(def) = op.operand(i).defining_op() {
            self.touched.push(def);
        }
        op.set_operand(i, v);
        self.modified(op);
    }
    pub fn set_operands(&mut self, op: Op<'c>, values: &[Value<'c>]) {
        for def in op.operands().into_iter().filter_map(Value::defining_op) {
            self.touched.push(def);
        }
        op.set_operands(values);
        self.modified(op);
    }
    pub fn set_attr(&mut self, op: Op<'c>, name: &str, value: Attribute<'c>) {
        op.set_attr(name, value);
        self.modified(op);
    }
    pub fn remove_attr(&mut self, op: Op<'c>, name: &str) {
        if op.remove_attr(name) {
            self.modified(op);
        }
    }
    /// Sets the type of `v` (an op result or block argument) in place.
    pub fn set_type(&mut self, v: Value<'c>, t: Type<'c>) {
        v.set_type(t);
        self.touched.extend(v.users());
        if let Some(def) = v.defining_op() {
            self.modified(def);
        }
        self.changed = true;
    }
    /// Sets the location of `op`.
    pub fn set_op_location(&mut self, op: Op<'c>, loc: Location<'c>) {
        op.set_location(loc);
        self.changed = true;
    }
    pub fn move_before(&mut self, op: Op<'c>, anchor: Op<'c>) {
        op.move_before(anchor);
        self.modified(op);
    }
    pub fn move_after(&mut self, op: Op<'c>, anchor: Op<'c>) {
        op.move_after(anchor);
        self.modified(op);
    }
    /// Records that `op` was changed in place.
    pub fn modified(&mut self, op: Op<'c>) {
        self.touched.push(op);
        self.touched.extend(op.results().into_iter().flat_map(Value::users));
        self.changed = true;
    }

    /// Erases every op in `func`'s body whose results all go unused and that has no
    /// side effects (`tfl` and `stablehlo` ops), users before producers so chains go in
    /// one sweep. Returns how many were erased.
    pub fn erase_dead_ops(&mut self, func: Op<'c>) -> usize {
        let mut erased = 0;
        for op in func.body_ops().into_iter().rev() {
            let pure = matches!(op.dialect(), "tfl" | "stablehlo");
            if pure && op.num_results() > 0 && op.is_unused() {
                self.erase_op(op);
                erased += 1;
            }
        }
        erased
    }

    /// Forgets what the driver has not yet collected (for passes without a driver).
    pub(crate) fn take_notifications(&mut self) -> (Vec<Op<'c>>, Vec<Op<'c>>) {
        (std::mem::take(&mut self.created), std::mem::take(&mut self.touched))
    }
}

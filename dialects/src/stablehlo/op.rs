//! Typed views of the `stablehlo` ops, generated from the catalog in `ops.rs` by
//! `UPDATE_VIEWS=1 cargo test -p edge-dialects views_are_current`. Do not edit.
#![allow(clippy::all)]

use crate::catalog::OpDef;
use crate::mlir::views::OpBuilder;
use crate::mlir::{slot_range, Attribute, Op, OpKind, Rewriter, Type, Value};

/// `stablehlo.abs`: Element-wise absolute value (spec: abs); complex operands give their component type (abs_c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Abs<'c>(Op<'c>);

impl<'c> OpKind<'c> for Abs<'c> {
    const NAME: &'static str = "stablehlo.abs";
    fn wrap(op: Op<'c>) -> Self {
        Abs(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Abs<'c> {
    pub const NAME: &'static str = "stablehlo.abs";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[0]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.abs` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> AbsBuilder<'r, 'c> {
        AbsBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct AbsBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AbsBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AbsBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Abs<'c> {
        Abs(self.0.create())
    }
}

/// `stablehlo.add`: Element-wise addition (spec: add); add_c1: one type (quantized: add_c2..c7).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Add<'c>(Op<'c>);

impl<'c> OpKind<'c> for Add<'c> {
    const NAME: &'static str = "stablehlo.add";
    fn wrap(op: Op<'c>) -> Self {
        Add(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Add<'c> {
    pub const NAME: &'static str = "stablehlo.add";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[1]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.add` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> AddBuilder<'r, 'c> {
        AddBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct AddBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AddBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AddBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Add<'c> {
        Add(self.0.create())
    }
}

/// `stablehlo.after_all`: A token that follows all input tokens (spec: after_all).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AfterAll<'c>(Op<'c>);

impl<'c> OpKind<'c> for AfterAll<'c> {
    const NAME: &'static str = "stablehlo.after_all";
    fn wrap(op: Op<'c>) -> Self {
        AfterAll(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AfterAll<'c> {
    pub const NAME: &'static str = "stablehlo.after_all";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[2]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.after_all` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>]) -> AfterAllBuilder<'r, 'c> {
        AfterAllBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs))
    }
}

pub struct AfterAllBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AfterAllBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AfterAllBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AfterAll<'c> {
        AfterAll(self.0.create())
    }
}

/// `stablehlo.all_gather`: Concatenates operands across each process group along all_gather_dim (spec: all_gather; c1, c2, c6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AllGather<'c>(Op<'c>);

impl<'c> OpKind<'c> for AllGather<'c> {
    const NAME: &'static str = "stablehlo.all_gather";
    fn wrap(op: Op<'c>) -> Self {
        AllGather(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AllGather<'c> {
    pub const NAME: &'static str = "stablehlo.all_gather";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[3]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operands_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn all_gather_dim(self) -> Option<i64> {
        self.0.int_attr("all_gather_dim")
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn use_global_device_ids(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("use_global_device_ids")
    }
    /// Starts a `stablehlo.all_gather` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operands: &[Value<'c>]) -> AllGatherBuilder<'r, 'c> {
        AllGatherBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operands))
    }
}

pub struct AllGatherBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AllGatherBuilder<'r, 'c> {
    pub fn all_gather_dim(self, v: i64) -> Self {
        AllGatherBuilder(self.0.int("all_gather_dim", v))
    }
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        AllGatherBuilder(self.0.attr("replica_groups", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        AllGatherBuilder(self.0.attr("channel_handle", v))
    }
    pub fn use_global_device_ids(self, v: Attribute<'c>) -> Self {
        AllGatherBuilder(self.0.attr("use_global_device_ids", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AllGatherBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AllGather<'c> {
        AllGather(self.0.create())
    }
}

/// `stablehlo.all_reduce`: Reduces operands across each process group with computation (spec: all_reduce; c1, c6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AllReduce<'c>(Op<'c>);

impl<'c> OpKind<'c> for AllReduce<'c> {
    const NAME: &'static str = "stablehlo.all_reduce";
    fn wrap(op: Op<'c>) -> Self {
        AllReduce(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AllReduce<'c> {
    pub const NAME: &'static str = "stablehlo.all_reduce";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[4]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operands_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn use_global_device_ids(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("use_global_device_ids")
    }
    /// Starts a `stablehlo.all_reduce` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operands: &[Value<'c>]) -> AllReduceBuilder<'r, 'c> {
        AllReduceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operands))
    }
}

pub struct AllReduceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AllReduceBuilder<'r, 'c> {
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        AllReduceBuilder(self.0.attr("replica_groups", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        AllReduceBuilder(self.0.attr("channel_handle", v))
    }
    pub fn use_global_device_ids(self, v: Attribute<'c>) -> Self {
        AllReduceBuilder(self.0.attr("use_global_device_ids", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AllReduceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AllReduce<'c> {
        AllReduce(self.0.create())
    }
}

/// `stablehlo.all_to_all`: Splits along split_dimension, exchanges, concatenates along concat_dimension (spec: all_to_all; c1..c4, c8, c9).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AllToAll<'c>(Op<'c>);

impl<'c> OpKind<'c> for AllToAll<'c> {
    const NAME: &'static str = "stablehlo.all_to_all";
    fn wrap(op: Op<'c>) -> Self {
        AllToAll(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AllToAll<'c> {
    pub const NAME: &'static str = "stablehlo.all_to_all";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[5]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operands_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn split_dimension(self) -> Option<i64> {
        self.0.int_attr("split_dimension")
    }
    pub fn concat_dimension(self) -> Option<i64> {
        self.0.int_attr("concat_dimension")
    }
    pub fn split_count(self) -> Option<i64> {
        self.0.int_attr("split_count")
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    /// Starts a `stablehlo.all_to_all` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operands: &[Value<'c>]) -> AllToAllBuilder<'r, 'c> {
        AllToAllBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operands))
    }
}

pub struct AllToAllBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AllToAllBuilder<'r, 'c> {
    pub fn split_dimension(self, v: i64) -> Self {
        AllToAllBuilder(self.0.int("split_dimension", v))
    }
    pub fn concat_dimension(self, v: i64) -> Self {
        AllToAllBuilder(self.0.int("concat_dimension", v))
    }
    pub fn split_count(self, v: i64) -> Self {
        AllToAllBuilder(self.0.int("split_count", v))
    }
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        AllToAllBuilder(self.0.attr("replica_groups", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        AllToAllBuilder(self.0.attr("channel_handle", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AllToAllBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AllToAll<'c> {
        AllToAll(self.0.create())
    }
}

/// `stablehlo.and`: Element-wise logical/bitwise AND (spec: and); and_c1: one type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct And<'c>(Op<'c>);

impl<'c> OpKind<'c> for And<'c> {
    const NAME: &'static str = "stablehlo.and";
    fn wrap(op: Op<'c>) -> Self {
        And(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> And<'c> {
    pub const NAME: &'static str = "stablehlo.and";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[6]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.and` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> AndBuilder<'r, 'c> {
        AndBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct AndBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AndBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AndBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> And<'c> {
        And(self.0.create())
    }
}

/// `stablehlo.async_done`: Waits for an async_start future (spec: async_done); future types are opaque here: kind checks only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AsyncDone<'c>(Op<'c>);

impl<'c> OpKind<'c> for AsyncDone<'c> {
    const NAME: &'static str = "stablehlo.async_done";
    fn wrap(op: Op<'c>) -> Self {
        AsyncDone(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AsyncDone<'c> {
    pub const NAME: &'static str = "stablehlo.async_done";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[7]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.async_done` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> AsyncDoneBuilder<'r, 'c> {
        AsyncDoneBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct AsyncDoneBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AsyncDoneBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AsyncDoneBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AsyncDone<'c> {
        AsyncDone(self.0.create())
    }
}

/// `stablehlo.async_start`: Starts the single op of body asynchronously (spec: async_start); body unchecked: kind checks only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AsyncStart<'c>(Op<'c>);

impl<'c> OpKind<'c> for AsyncStart<'c> {
    const NAME: &'static str = "stablehlo.async_start";
    fn wrap(op: Op<'c>) -> Self {
        AsyncStart(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AsyncStart<'c> {
    pub const NAME: &'static str = "stablehlo.async_start";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[8]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operands_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.async_start` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operands: &[Value<'c>]) -> AsyncStartBuilder<'r, 'c> {
        AsyncStartBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operands))
    }
}

pub struct AsyncStartBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AsyncStartBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AsyncStartBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AsyncStart<'c> {
        AsyncStart(self.0.create())
    }
}

/// `stablehlo.atan2`: Element-wise atan2(lhs, rhs) (spec: atan2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atan2<'c>(Op<'c>);

impl<'c> OpKind<'c> for Atan2<'c> {
    const NAME: &'static str = "stablehlo.atan2";
    fn wrap(op: Op<'c>) -> Self {
        Atan2(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Atan2<'c> {
    pub const NAME: &'static str = "stablehlo.atan2";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[9]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.atan2` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> Atan2Builder<'r, 'c> {
        Atan2Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct Atan2Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> Atan2Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        Atan2Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> Atan2<'c> {
        Atan2(self.0.create())
    }
}

/// `stablehlo.batch_norm_grad`: Gradients of batch_norm_training (spec: batch_norm_grad; c1..c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BatchNormGrad<'c>(Op<'c>);

impl<'c> OpKind<'c> for BatchNormGrad<'c> {
    const NAME: &'static str = "stablehlo.batch_norm_grad";
    fn wrap(op: Op<'c>) -> Self {
        BatchNormGrad(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BatchNormGrad<'c> {
    pub const NAME: &'static str = "stablehlo.batch_norm_grad";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[10]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn scale(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn mean(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn variance(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn grad_output(self) -> Value<'c> {
        self.0.operand(4)
    }
    pub fn grad_operand(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn grad_scale(self) -> Value<'c> {
        self.0.result(1)
    }
    pub fn grad_offset(self) -> Value<'c> {
        self.0.result(2)
    }
    pub fn epsilon(self) -> Option<f64> {
        self.0.float_attr("epsilon")
    }
    pub fn feature_index(self) -> Option<i64> {
        self.0.int_attr("feature_index")
    }
    /// Starts a `stablehlo.batch_norm_grad` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, scale: Value<'c>, mean: Value<'c>, variance: Value<'c>, grad_output: Value<'c>) -> BatchNormGradBuilder<'r, 'c> {
        BatchNormGradBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(scale).operand(mean).operand(variance).operand(grad_output))
    }
}

pub struct BatchNormGradBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BatchNormGradBuilder<'r, 'c> {
    pub fn epsilon(self, v: f64) -> Self {
        BatchNormGradBuilder(self.0.float("epsilon", v))
    }
    pub fn feature_index(self, v: i64) -> Self {
        BatchNormGradBuilder(self.0.int("feature_index", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BatchNormGradBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BatchNormGrad<'c> {
        BatchNormGrad(self.0.create())
    }
}

/// `stablehlo.batch_norm_inference`: Normalizes operand along feature_index with given mean/variance (spec: batch_norm_inference; c1..c7).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BatchNormInference<'c>(Op<'c>);

impl<'c> OpKind<'c> for BatchNormInference<'c> {
    const NAME: &'static str = "stablehlo.batch_norm_inference";
    fn wrap(op: Op<'c>) -> Self {
        BatchNormInference(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BatchNormInference<'c> {
    pub const NAME: &'static str = "stablehlo.batch_norm_inference";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[11]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn scale(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn offset(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn mean(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn variance(self) -> Value<'c> {
        self.0.operand(4)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn epsilon(self) -> Option<f64> {
        self.0.float_attr("epsilon")
    }
    pub fn feature_index(self) -> Option<i64> {
        self.0.int_attr("feature_index")
    }
    /// Starts a `stablehlo.batch_norm_inference` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, scale: Value<'c>, offset: Value<'c>, mean: Value<'c>, variance: Value<'c>) -> BatchNormInferenceBuilder<'r, 'c> {
        BatchNormInferenceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(scale).operand(offset).operand(mean).operand(variance))
    }
}

pub struct BatchNormInferenceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BatchNormInferenceBuilder<'r, 'c> {
    pub fn epsilon(self, v: f64) -> Self {
        BatchNormInferenceBuilder(self.0.float("epsilon", v))
    }
    pub fn feature_index(self, v: i64) -> Self {
        BatchNormInferenceBuilder(self.0.int("feature_index", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BatchNormInferenceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BatchNormInference<'c> {
        BatchNormInference(self.0.create())
    }
}

/// `stablehlo.batch_norm_training`: Normalizes operand along feature_index with batch statistics (spec: batch_norm_training; c1..c7).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BatchNormTraining<'c>(Op<'c>);

impl<'c> OpKind<'c> for BatchNormTraining<'c> {
    const NAME: &'static str = "stablehlo.batch_norm_training";
    fn wrap(op: Op<'c>) -> Self {
        BatchNormTraining(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BatchNormTraining<'c> {
    pub const NAME: &'static str = "stablehlo.batch_norm_training";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[12]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn scale(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn offset(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn batch_mean(self) -> Value<'c> {
        self.0.result(1)
    }
    pub fn batch_var(self) -> Value<'c> {
        self.0.result(2)
    }
    pub fn epsilon(self) -> Option<f64> {
        self.0.float_attr("epsilon")
    }
    pub fn feature_index(self) -> Option<i64> {
        self.0.int_attr("feature_index")
    }
    /// Starts a `stablehlo.batch_norm_training` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, scale: Value<'c>, offset: Value<'c>) -> BatchNormTrainingBuilder<'r, 'c> {
        BatchNormTrainingBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(scale).operand(offset))
    }
}

pub struct BatchNormTrainingBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BatchNormTrainingBuilder<'r, 'c> {
    pub fn epsilon(self, v: f64) -> Self {
        BatchNormTrainingBuilder(self.0.float("epsilon", v))
    }
    pub fn feature_index(self, v: i64) -> Self {
        BatchNormTrainingBuilder(self.0.int("feature_index", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BatchNormTrainingBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BatchNormTraining<'c> {
        BatchNormTraining(self.0.create())
    }
}

/// `stablehlo.bitcast_convert`: Reinterprets the bits of operand as the result type (spec: bitcast_convert); shapes follow the bit widths (bitcast_convert_c1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BitcastConvert<'c>(Op<'c>);

impl<'c> OpKind<'c> for BitcastConvert<'c> {
    const NAME: &'static str = "stablehlo.bitcast_convert";
    fn wrap(op: Op<'c>) -> Self {
        BitcastConvert(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BitcastConvert<'c> {
    pub const NAME: &'static str = "stablehlo.bitcast_convert";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[13]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.bitcast_convert` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> BitcastConvertBuilder<'r, 'c> {
        BitcastConvertBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct BitcastConvertBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BitcastConvertBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BitcastConvertBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BitcastConvert<'c> {
        BitcastConvert(self.0.create())
    }
}

/// `stablehlo.broadcast`: Legacy (not in the spec): prepends broadcast_sizes dimensions to the operand.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Broadcast<'c>(Op<'c>);

impl<'c> OpKind<'c> for Broadcast<'c> {
    const NAME: &'static str = "stablehlo.broadcast";
    fn wrap(op: Op<'c>) -> Self {
        Broadcast(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Broadcast<'c> {
    pub const NAME: &'static str = "stablehlo.broadcast";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[14]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn broadcast_sizes(self) -> Option<Vec<i64>> {
        self.0.ints_attr("broadcast_sizes")
    }
    /// Starts a `stablehlo.broadcast` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> BroadcastBuilder<'r, 'c> {
        BroadcastBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct BroadcastBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BroadcastBuilder<'r, 'c> {
    pub fn broadcast_sizes(self, v: &[i64]) -> Self {
        BroadcastBuilder(self.0.ints("broadcast_sizes", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BroadcastBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Broadcast<'c> {
        Broadcast(self.0.create())
    }
}

/// `stablehlo.broadcast_in_dim`: Expands operand to the result shape, operand dimension i going to broadcast_dimensions[i] (spec: broadcast_in_dim; c1..c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BroadcastInDim<'c>(Op<'c>);

impl<'c> OpKind<'c> for BroadcastInDim<'c> {
    const NAME: &'static str = "stablehlo.broadcast_in_dim";
    fn wrap(op: Op<'c>) -> Self {
        BroadcastInDim(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BroadcastInDim<'c> {
    pub const NAME: &'static str = "stablehlo.broadcast_in_dim";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[15]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn broadcast_dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("broadcast_dimensions")
    }
    /// Starts a `stablehlo.broadcast_in_dim` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> BroadcastInDimBuilder<'r, 'c> {
        BroadcastInDimBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct BroadcastInDimBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BroadcastInDimBuilder<'r, 'c> {
    pub fn broadcast_dimensions(self, v: &[i64]) -> Self {
        BroadcastInDimBuilder(self.0.ints("broadcast_dimensions", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BroadcastInDimBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BroadcastInDim<'c> {
        BroadcastInDim(self.0.create())
    }
}

/// `stablehlo.case`: Runs branches[index] (spec: case); branch signatures unchecked. The spec allows any number of branches, the catalog's fixed region count takes 2.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Case<'c>(Op<'c>);

impl<'c> OpKind<'c> for Case<'c> {
    const NAME: &'static str = "stablehlo.case";
    fn wrap(op: Op<'c>) -> Self {
        Case(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Case<'c> {
    pub const NAME: &'static str = "stablehlo.case";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[16]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn index(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    /// Starts a `stablehlo.case` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], index: Value<'c>) -> CaseBuilder<'r, 'c> {
        CaseBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(index))
    }
}

pub struct CaseBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CaseBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CaseBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Case<'c> {
        Case(self.0.create())
    }
}

/// `stablehlo.cbrt`: Element-wise cubic root (spec: cbrt).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cbrt<'c>(Op<'c>);

impl<'c> OpKind<'c> for Cbrt<'c> {
    const NAME: &'static str = "stablehlo.cbrt";
    fn wrap(op: Op<'c>) -> Self {
        Cbrt(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Cbrt<'c> {
    pub const NAME: &'static str = "stablehlo.cbrt";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[17]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.cbrt` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> CbrtBuilder<'r, 'c> {
        CbrtBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct CbrtBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CbrtBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        CbrtBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CbrtBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Cbrt<'c> {
        Cbrt(self.0.create())
    }
}

/// `stablehlo.ceil`: Element-wise ceil (spec: ceil).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Ceil<'c>(Op<'c>);

impl<'c> OpKind<'c> for Ceil<'c> {
    const NAME: &'static str = "stablehlo.ceil";
    fn wrap(op: Op<'c>) -> Self {
        Ceil(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Ceil<'c> {
    pub const NAME: &'static str = "stablehlo.ceil";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[18]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.ceil` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> CeilBuilder<'r, 'c> {
        CeilBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct CeilBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CeilBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CeilBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Ceil<'c> {
        Ceil(self.0.create())
    }
}

/// `stablehlo.cholesky`: Cholesky decomposition of a batch of matrices (spec: cholesky; c1..c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cholesky<'c>(Op<'c>);

impl<'c> OpKind<'c> for Cholesky<'c> {
    const NAME: &'static str = "stablehlo.cholesky";
    fn wrap(op: Op<'c>) -> Self {
        Cholesky(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Cholesky<'c> {
    pub const NAME: &'static str = "stablehlo.cholesky";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[19]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn a(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn lower(self) -> Option<bool> {
        self.0.bool_attr("lower")
    }
    /// Starts a `stablehlo.cholesky` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], a: Value<'c>) -> CholeskyBuilder<'r, 'c> {
        CholeskyBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(a))
    }
}

pub struct CholeskyBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CholeskyBuilder<'r, 'c> {
    pub fn lower(self, v: bool) -> Self {
        CholeskyBuilder(self.0.bool("lower", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CholeskyBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Cholesky<'c> {
        Cholesky(self.0.create())
    }
}

/// `stablehlo.clamp`: Element-wise min(max(operand, min), max) (spec: clamp); min/max scalars or of the operand's shape (clamp_c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Clamp<'c>(Op<'c>);

impl<'c> OpKind<'c> for Clamp<'c> {
    const NAME: &'static str = "stablehlo.clamp";
    fn wrap(op: Op<'c>) -> Self {
        Clamp(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Clamp<'c> {
    pub const NAME: &'static str = "stablehlo.clamp";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[20]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn min(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn max(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.clamp` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], min: Value<'c>, operand: Value<'c>, max: Value<'c>) -> ClampBuilder<'r, 'c> {
        ClampBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(min).operand(operand).operand(max))
    }
}

pub struct ClampBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ClampBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ClampBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Clamp<'c> {
        Clamp(self.0.create())
    }
}

/// `stablehlo.collective_broadcast`: Broadcasts operands from each group's root (spec: collective_broadcast; c1, c3..c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CollectiveBroadcast<'c>(Op<'c>);

impl<'c> OpKind<'c> for CollectiveBroadcast<'c> {
    const NAME: &'static str = "stablehlo.collective_broadcast";
    fn wrap(op: Op<'c>) -> Self {
        CollectiveBroadcast(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CollectiveBroadcast<'c> {
    pub const NAME: &'static str = "stablehlo.collective_broadcast";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[21]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operands_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn has_dynamic_root(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("has_dynamic_root")
    }
    /// Starts a `stablehlo.collective_broadcast` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operands: &[Value<'c>]) -> CollectiveBroadcastBuilder<'r, 'c> {
        CollectiveBroadcastBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operands))
    }
}

pub struct CollectiveBroadcastBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CollectiveBroadcastBuilder<'r, 'c> {
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        CollectiveBroadcastBuilder(self.0.attr("replica_groups", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        CollectiveBroadcastBuilder(self.0.attr("channel_handle", v))
    }
    pub fn has_dynamic_root(self, v: Attribute<'c>) -> Self {
        CollectiveBroadcastBuilder(self.0.attr("has_dynamic_root", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CollectiveBroadcastBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CollectiveBroadcast<'c> {
        CollectiveBroadcast(self.0.create())
    }
}

/// `stablehlo.collective_permute`: Sends operand along source_target_pairs (spec: collective_permute; c1..c3, c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CollectivePermute<'c>(Op<'c>);

impl<'c> OpKind<'c> for CollectivePermute<'c> {
    const NAME: &'static str = "stablehlo.collective_permute";
    fn wrap(op: Op<'c>) -> Self {
        CollectivePermute(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CollectivePermute<'c> {
    pub const NAME: &'static str = "stablehlo.collective_permute";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[22]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn source_target_pairs(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("source_target_pairs")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    /// Starts a `stablehlo.collective_permute` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> CollectivePermuteBuilder<'r, 'c> {
        CollectivePermuteBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct CollectivePermuteBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CollectivePermuteBuilder<'r, 'c> {
    pub fn source_target_pairs(self, v: Attribute<'c>) -> Self {
        CollectivePermuteBuilder(self.0.attr("source_target_pairs", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        CollectivePermuteBuilder(self.0.attr("channel_handle", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CollectivePermuteBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CollectivePermute<'c> {
        CollectivePermute(self.0.create())
    }
}

/// `stablehlo.collective_reduce`: Reduces operands to each group's root with computation (spec: collective_reduce; c1, c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CollectiveReduce<'c>(Op<'c>);

impl<'c> OpKind<'c> for CollectiveReduce<'c> {
    const NAME: &'static str = "stablehlo.collective_reduce";
    fn wrap(op: Op<'c>) -> Self {
        CollectiveReduce(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CollectiveReduce<'c> {
    pub const NAME: &'static str = "stablehlo.collective_reduce";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[23]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operands_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn use_global_device_ids(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("use_global_device_ids")
    }
    pub fn has_dynamic_root(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("has_dynamic_root")
    }
    /// Starts a `stablehlo.collective_reduce` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operands: &[Value<'c>]) -> CollectiveReduceBuilder<'r, 'c> {
        CollectiveReduceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operands))
    }
}

pub struct CollectiveReduceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CollectiveReduceBuilder<'r, 'c> {
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        CollectiveReduceBuilder(self.0.attr("replica_groups", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        CollectiveReduceBuilder(self.0.attr("channel_handle", v))
    }
    pub fn use_global_device_ids(self, v: Attribute<'c>) -> Self {
        CollectiveReduceBuilder(self.0.attr("use_global_device_ids", v))
    }
    pub fn has_dynamic_root(self, v: Attribute<'c>) -> Self {
        CollectiveReduceBuilder(self.0.attr("has_dynamic_root", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CollectiveReduceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CollectiveReduce<'c> {
        CollectiveReduce(self.0.create())
    }
}

/// `stablehlo.compare`: Element-wise comparison by comparison_direction (spec: compare); i1 result of the operands' shape (compare_c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Compare<'c>(Op<'c>);

impl<'c> OpKind<'c> for Compare<'c> {
    const NAME: &'static str = "stablehlo.compare";
    fn wrap(op: Op<'c>) -> Self {
        Compare(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Compare<'c> {
    pub const NAME: &'static str = "stablehlo.compare";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[24]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn comparison_direction(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("comparison_direction")
    }
    pub fn compare_type(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("compare_type")
    }
    /// Starts a `stablehlo.compare` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> CompareBuilder<'r, 'c> {
        CompareBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct CompareBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CompareBuilder<'r, 'c> {
    pub fn comparison_direction(self, v: Attribute<'c>) -> Self {
        CompareBuilder(self.0.attr("comparison_direction", v))
    }
    pub fn compare_type(self, v: Attribute<'c>) -> Self {
        CompareBuilder(self.0.attr("compare_type", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CompareBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Compare<'c> {
        Compare(self.0.create())
    }
}

/// `stablehlo.complex`: Element-wise complex(lhs, rhs) from real and imaginary parts (spec: complex; complex_c1..c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Complex<'c>(Op<'c>);

impl<'c> OpKind<'c> for Complex<'c> {
    const NAME: &'static str = "stablehlo.complex";
    fn wrap(op: Op<'c>) -> Self {
        Complex(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Complex<'c> {
    pub const NAME: &'static str = "stablehlo.complex";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[25]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.complex` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> ComplexBuilder<'r, 'c> {
        ComplexBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct ComplexBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ComplexBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ComplexBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Complex<'c> {
        Complex(self.0.create())
    }
}

/// `stablehlo.composite`: A named op with its decomposition function (spec: composite; c1 namespaced name; c2..c4 need the symbol table).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Composite<'c>(Op<'c>);

impl<'c> OpKind<'c> for Composite<'c> {
    const NAME: &'static str = "stablehlo.composite";
    fn wrap(op: Op<'c>) -> Self {
        Composite(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Composite<'c> {
    pub const NAME: &'static str = "stablehlo.composite";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[26]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn name(self) -> Option<String> {
        self.0.str_attr("name")
    }
    pub fn composite_attributes(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("composite_attributes")
    }
    pub fn decomposition(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("decomposition")
    }
    pub fn version(self) -> Option<i64> {
        self.0.int_attr("version")
    }
    /// Starts a `stablehlo.composite` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>]) -> CompositeBuilder<'r, 'c> {
        CompositeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs))
    }
}

pub struct CompositeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CompositeBuilder<'r, 'c> {
    pub fn name(self, v: &str) -> Self {
        CompositeBuilder(self.0.string("name", v))
    }
    pub fn composite_attributes(self, v: Attribute<'c>) -> Self {
        CompositeBuilder(self.0.attr("composite_attributes", v))
    }
    pub fn decomposition(self, v: Attribute<'c>) -> Self {
        CompositeBuilder(self.0.attr("decomposition", v))
    }
    pub fn version(self, v: i64) -> Self {
        CompositeBuilder(self.0.int("version", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CompositeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Composite<'c> {
        Composite(self.0.create())
    }
}

/// `stablehlo.concatenate`: Joins inputs along dimension (spec: concatenate; c1..c6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Concatenate<'c>(Op<'c>);

impl<'c> OpKind<'c> for Concatenate<'c> {
    const NAME: &'static str = "stablehlo.concatenate";
    fn wrap(op: Op<'c>) -> Self {
        Concatenate(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Concatenate<'c> {
    pub const NAME: &'static str = "stablehlo.concatenate";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[27]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimension(self) -> Option<i64> {
        self.0.int_attr("dimension")
    }
    /// Starts a `stablehlo.concatenate` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>]) -> ConcatenateBuilder<'r, 'c> {
        ConcatenateBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs))
    }
}

pub struct ConcatenateBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ConcatenateBuilder<'r, 'c> {
    pub fn dimension(self, v: i64) -> Self {
        ConcatenateBuilder(self.0.int("dimension", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ConcatenateBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Concatenate<'c> {
        Concatenate(self.0.create())
    }
}

/// `stablehlo.constant`: A constant tensor (spec: constant); constant_c1: type(value) = type(output) (quantized: its storage type).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Constant<'c>(Op<'c>);

impl<'c> OpKind<'c> for Constant<'c> {
    const NAME: &'static str = "stablehlo.constant";
    fn wrap(op: Op<'c>) -> Self {
        Constant(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Constant<'c> {
    pub const NAME: &'static str = "stablehlo.constant";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[28]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn value(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("value")
    }
    /// Starts a `stablehlo.constant` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> ConstantBuilder<'r, 'c> {
        ConstantBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct ConstantBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ConstantBuilder<'r, 'c> {
    pub fn value(self, v: Attribute<'c>) -> Self {
        ConstantBuilder(self.0.attr("value", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ConstantBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Constant<'c> {
        Constant(self.0.create())
    }
}

/// `stablehlo.convert`: Element-wise conversion to the result's element type (spec: convert); convert_c1: same shape.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Convert<'c>(Op<'c>);

impl<'c> OpKind<'c> for Convert<'c> {
    const NAME: &'static str = "stablehlo.convert";
    fn wrap(op: Op<'c>) -> Self {
        Convert(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Convert<'c> {
    pub const NAME: &'static str = "stablehlo.convert";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[29]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.convert` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ConvertBuilder<'r, 'c> {
        ConvertBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ConvertBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ConvertBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ConvertBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Convert<'c> {
        Convert(self.0.create())
    }
}

/// `stablehlo.convolution`: Windowed dot products of lhs windows and rhs kernels (spec: convolution; c1..c27; output spatial sizes by c25).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Convolution<'c>(Op<'c>);

impl<'c> OpKind<'c> for Convolution<'c> {
    const NAME: &'static str = "stablehlo.convolution";
    fn wrap(op: Op<'c>) -> Self {
        Convolution(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Convolution<'c> {
    pub const NAME: &'static str = "stablehlo.convolution";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[30]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn window_strides(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_strides")
    }
    pub fn padding(self) -> Option<Vec<i64>> {
        self.0.ints_attr("padding")
    }
    pub fn lhs_dilation(self) -> Option<Vec<i64>> {
        self.0.ints_attr("lhs_dilation")
    }
    pub fn rhs_dilation(self) -> Option<Vec<i64>> {
        self.0.ints_attr("rhs_dilation")
    }
    pub fn window_reversal(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_reversal")
    }
    pub fn dimension_numbers(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("dimension_numbers")
    }
    pub fn feature_group_count(self) -> Option<i64> {
        self.0.int_attr("feature_group_count")
    }
    pub fn batch_group_count(self) -> Option<i64> {
        self.0.int_attr("batch_group_count")
    }
    pub fn precision_config(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("precision_config")
    }
    /// Starts a `stablehlo.convolution` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> ConvolutionBuilder<'r, 'c> {
        ConvolutionBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct ConvolutionBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ConvolutionBuilder<'r, 'c> {
    pub fn window_strides(self, v: &[i64]) -> Self {
        ConvolutionBuilder(self.0.ints("window_strides", v))
    }
    pub fn padding(self, v: &[i64]) -> Self {
        ConvolutionBuilder(self.0.ints("padding", v))
    }
    pub fn lhs_dilation(self, v: &[i64]) -> Self {
        ConvolutionBuilder(self.0.ints("lhs_dilation", v))
    }
    pub fn rhs_dilation(self, v: &[i64]) -> Self {
        ConvolutionBuilder(self.0.ints("rhs_dilation", v))
    }
    pub fn window_reversal(self, v: &[i64]) -> Self {
        ConvolutionBuilder(self.0.ints("window_reversal", v))
    }
    pub fn dimension_numbers(self, v: Attribute<'c>) -> Self {
        ConvolutionBuilder(self.0.attr("dimension_numbers", v))
    }
    pub fn feature_group_count(self, v: i64) -> Self {
        ConvolutionBuilder(self.0.int("feature_group_count", v))
    }
    pub fn batch_group_count(self, v: i64) -> Self {
        ConvolutionBuilder(self.0.int("batch_group_count", v))
    }
    pub fn precision_config(self, v: Attribute<'c>) -> Self {
        ConvolutionBuilder(self.0.attr("precision_config", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ConvolutionBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Convolution<'c> {
        Convolution(self.0.create())
    }
}

/// `stablehlo.cosine`: Element-wise cosine (spec: cosine).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cosine<'c>(Op<'c>);

impl<'c> OpKind<'c> for Cosine<'c> {
    const NAME: &'static str = "stablehlo.cosine";
    fn wrap(op: Op<'c>) -> Self {
        Cosine(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Cosine<'c> {
    pub const NAME: &'static str = "stablehlo.cosine";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[31]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.cosine` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> CosineBuilder<'r, 'c> {
        CosineBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct CosineBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CosineBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        CosineBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CosineBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Cosine<'c> {
        Cosine(self.0.create())
    }
}

/// `stablehlo.count_leading_zeros`: Element-wise count of leading zero bits (spec: count_leading_zeros).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CountLeadingZeros<'c>(Op<'c>);

impl<'c> OpKind<'c> for CountLeadingZeros<'c> {
    const NAME: &'static str = "stablehlo.count_leading_zeros";
    fn wrap(op: Op<'c>) -> Self {
        CountLeadingZeros(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CountLeadingZeros<'c> {
    pub const NAME: &'static str = "stablehlo.count_leading_zeros";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[32]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.count_leading_zeros` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> CountLeadingZerosBuilder<'r, 'c> {
        CountLeadingZerosBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct CountLeadingZerosBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CountLeadingZerosBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CountLeadingZerosBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CountLeadingZeros<'c> {
        CountLeadingZeros(self.0.create())
    }
}

/// `stablehlo.create_token`: Legacy (not in the spec): a fresh token, like after_all with no inputs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CreateToken<'c>(Op<'c>);

impl<'c> OpKind<'c> for CreateToken<'c> {
    const NAME: &'static str = "stablehlo.create_token";
    fn wrap(op: Op<'c>) -> Self {
        CreateToken(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CreateToken<'c> {
    pub const NAME: &'static str = "stablehlo.create_token";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[33]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.create_token` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> CreateTokenBuilder<'r, 'c> {
        CreateTokenBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct CreateTokenBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CreateTokenBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CreateTokenBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CreateToken<'c> {
        CreateToken(self.0.create())
    }
}

/// `stablehlo.cross-replica-sum`: Legacy (not in the spec): sum of operand across replica_groups.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CrossReplicaSum<'c>(Op<'c>);

impl<'c> OpKind<'c> for CrossReplicaSum<'c> {
    const NAME: &'static str = "stablehlo.cross-replica-sum";
    fn wrap(op: Op<'c>) -> Self {
        CrossReplicaSum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CrossReplicaSum<'c> {
    pub const NAME: &'static str = "stablehlo.cross-replica-sum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[34]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    /// Starts a `stablehlo.cross-replica-sum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> CrossReplicaSumBuilder<'r, 'c> {
        CrossReplicaSumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct CrossReplicaSumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CrossReplicaSumBuilder<'r, 'c> {
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        CrossReplicaSumBuilder(self.0.attr("replica_groups", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CrossReplicaSumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CrossReplicaSum<'c> {
        CrossReplicaSum(self.0.create())
    }
}

/// `stablehlo.custom_call`: Calls the implementation-defined call_target_name (spec: custom_call); attribute consistency as the reference verifier.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CustomCall<'c>(Op<'c>);

impl<'c> OpKind<'c> for CustomCall<'c> {
    const NAME: &'static str = "stablehlo.custom_call";
    fn wrap(op: Op<'c>) -> Self {
        CustomCall(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> CustomCall<'c> {
    pub const NAME: &'static str = "stablehlo.custom_call";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[35]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn call_target_name(self) -> Option<String> {
        self.0.str_attr("call_target_name")
    }
    pub fn has_side_effect(self) -> Option<bool> {
        self.0.bool_attr("has_side_effect")
    }
    pub fn backend_config(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("backend_config")
    }
    pub fn api_version(self) -> Option<i64> {
        self.0.int_attr("api_version")
    }
    pub fn called_computations(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("called_computations")
    }
    pub fn operand_layouts(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("operand_layouts")
    }
    pub fn result_layouts(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_layouts")
    }
    pub fn output_operand_aliases(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("output_operand_aliases")
    }
    pub fn result_tilings(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_tilings")
    }
    /// Starts a `stablehlo.custom_call` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>]) -> CustomCallBuilder<'r, 'c> {
        CustomCallBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs))
    }
}

pub struct CustomCallBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CustomCallBuilder<'r, 'c> {
    pub fn call_target_name(self, v: &str) -> Self {
        CustomCallBuilder(self.0.string("call_target_name", v))
    }
    pub fn has_side_effect(self, v: bool) -> Self {
        CustomCallBuilder(self.0.bool("has_side_effect", v))
    }
    pub fn backend_config(self, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr("backend_config", v))
    }
    pub fn api_version(self, v: i64) -> Self {
        CustomCallBuilder(self.0.int("api_version", v))
    }
    pub fn called_computations(self, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr("called_computations", v))
    }
    pub fn operand_layouts(self, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr("operand_layouts", v))
    }
    pub fn result_layouts(self, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr("result_layouts", v))
    }
    pub fn output_operand_aliases(self, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr("output_operand_aliases", v))
    }
    pub fn result_tilings(self, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr("result_tilings", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CustomCallBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> CustomCall<'c> {
        CustomCall(self.0.create())
    }
}

/// `stablehlo.divide`: Element-wise division (spec: divide).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Divide<'c>(Op<'c>);

impl<'c> OpKind<'c> for Divide<'c> {
    const NAME: &'static str = "stablehlo.divide";
    fn wrap(op: Op<'c>) -> Self {
        Divide(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Divide<'c> {
    pub const NAME: &'static str = "stablehlo.divide";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[36]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.divide` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> DivideBuilder<'r, 'c> {
        DivideBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct DivideBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DivideBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DivideBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Divide<'c> {
        Divide(self.0.create())
    }
}

/// `stablehlo.dot`: Legacy (not in the spec): vector/matrix product of rank-1/2 operands.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Dot<'c>(Op<'c>);

impl<'c> OpKind<'c> for Dot<'c> {
    const NAME: &'static str = "stablehlo.dot";
    fn wrap(op: Op<'c>) -> Self {
        Dot(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Dot<'c> {
    pub const NAME: &'static str = "stablehlo.dot";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[37]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn precision_config(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("precision_config")
    }
    /// Starts a `stablehlo.dot` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> DotBuilder<'r, 'c> {
        DotBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct DotBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DotBuilder<'r, 'c> {
    pub fn precision_config(self, v: Attribute<'c>) -> Self {
        DotBuilder(self.0.attr("precision_config", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DotBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Dot<'c> {
        Dot(self.0.create())
    }
}

/// `stablehlo.dot_general`: Batched contraction over dot_dimension_numbers (spec: dot_general; c1..c12, c15, c16, c21).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DotGeneral<'c>(Op<'c>);

impl<'c> OpKind<'c> for DotGeneral<'c> {
    const NAME: &'static str = "stablehlo.dot_general";
    fn wrap(op: Op<'c>) -> Self {
        DotGeneral(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DotGeneral<'c> {
    pub const NAME: &'static str = "stablehlo.dot_general";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[38]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dot_dimension_numbers(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("dot_dimension_numbers")
    }
    pub fn precision_config(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("precision_config")
    }
    pub fn algorithm(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("algorithm")
    }
    /// Starts a `stablehlo.dot_general` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> DotGeneralBuilder<'r, 'c> {
        DotGeneralBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct DotGeneralBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DotGeneralBuilder<'r, 'c> {
    pub fn dot_dimension_numbers(self, v: Attribute<'c>) -> Self {
        DotGeneralBuilder(self.0.attr("dot_dimension_numbers", v))
    }
    pub fn precision_config(self, v: Attribute<'c>) -> Self {
        DotGeneralBuilder(self.0.attr("precision_config", v))
    }
    pub fn algorithm(self, v: Attribute<'c>) -> Self {
        DotGeneralBuilder(self.0.attr("algorithm", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DotGeneralBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DotGeneral<'c> {
        DotGeneral(self.0.create())
    }
}

/// `stablehlo.dynamic_broadcast_in_dim`: broadcast_in_dim to the shape given by output_dimensions (spec: dynamic_broadcast_in_dim; c1..c10).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicBroadcastInDim<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicBroadcastInDim<'c> {
    const NAME: &'static str = "stablehlo.dynamic_broadcast_in_dim";
    fn wrap(op: Op<'c>) -> Self {
        DynamicBroadcastInDim(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicBroadcastInDim<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_broadcast_in_dim";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[39]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output_dimensions(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn broadcast_dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("broadcast_dimensions")
    }
    pub fn known_expanding_dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("known_expanding_dimensions")
    }
    pub fn known_nonexpanding_dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("known_nonexpanding_dimensions")
    }
    /// Starts a `stablehlo.dynamic_broadcast_in_dim` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, output_dimensions: Value<'c>) -> DynamicBroadcastInDimBuilder<'r, 'c> {
        DynamicBroadcastInDimBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(output_dimensions))
    }
}

pub struct DynamicBroadcastInDimBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicBroadcastInDimBuilder<'r, 'c> {
    pub fn broadcast_dimensions(self, v: &[i64]) -> Self {
        DynamicBroadcastInDimBuilder(self.0.ints("broadcast_dimensions", v))
    }
    pub fn known_expanding_dimensions(self, v: &[i64]) -> Self {
        DynamicBroadcastInDimBuilder(self.0.ints("known_expanding_dimensions", v))
    }
    pub fn known_nonexpanding_dimensions(self, v: &[i64]) -> Self {
        DynamicBroadcastInDimBuilder(self.0.ints("known_nonexpanding_dimensions", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicBroadcastInDimBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicBroadcastInDim<'c> {
        DynamicBroadcastInDim(self.0.create())
    }
}

/// `stablehlo.dynamic_conv`: convolution with padding as an operand (spec: dynamic_conv; spatial sizes when padding is constant).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicConv<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicConv<'c> {
    const NAME: &'static str = "stablehlo.dynamic_conv";
    fn wrap(op: Op<'c>) -> Self {
        DynamicConv(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicConv<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_conv";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[40]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn padding(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn window_strides(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_strides")
    }
    pub fn lhs_dilation(self) -> Option<Vec<i64>> {
        self.0.ints_attr("lhs_dilation")
    }
    pub fn rhs_dilation(self) -> Option<Vec<i64>> {
        self.0.ints_attr("rhs_dilation")
    }
    pub fn window_reversal(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_reversal")
    }
    pub fn dimension_numbers(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("dimension_numbers")
    }
    pub fn feature_group_count(self) -> Option<i64> {
        self.0.int_attr("feature_group_count")
    }
    pub fn batch_group_count(self) -> Option<i64> {
        self.0.int_attr("batch_group_count")
    }
    pub fn precision_config(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("precision_config")
    }
    /// Starts a `stablehlo.dynamic_conv` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>, padding: Value<'c>) -> DynamicConvBuilder<'r, 'c> {
        DynamicConvBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs).operand(padding))
    }
}

pub struct DynamicConvBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicConvBuilder<'r, 'c> {
    pub fn window_strides(self, v: &[i64]) -> Self {
        DynamicConvBuilder(self.0.ints("window_strides", v))
    }
    pub fn lhs_dilation(self, v: &[i64]) -> Self {
        DynamicConvBuilder(self.0.ints("lhs_dilation", v))
    }
    pub fn rhs_dilation(self, v: &[i64]) -> Self {
        DynamicConvBuilder(self.0.ints("rhs_dilation", v))
    }
    pub fn window_reversal(self, v: &[i64]) -> Self {
        DynamicConvBuilder(self.0.ints("window_reversal", v))
    }
    pub fn dimension_numbers(self, v: Attribute<'c>) -> Self {
        DynamicConvBuilder(self.0.attr("dimension_numbers", v))
    }
    pub fn feature_group_count(self, v: i64) -> Self {
        DynamicConvBuilder(self.0.int("feature_group_count", v))
    }
    pub fn batch_group_count(self, v: i64) -> Self {
        DynamicConvBuilder(self.0.int("batch_group_count", v))
    }
    pub fn precision_config(self, v: Attribute<'c>) -> Self {
        DynamicConvBuilder(self.0.attr("precision_config", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicConvBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicConv<'c> {
        DynamicConv(self.0.create())
    }
}

/// `stablehlo.dynamic_gather`: gather with slice_sizes as an operand (spec: dynamic_gather; c1..c14, sizes when constant).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicGather<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicGather<'c> {
    const NAME: &'static str = "stablehlo.dynamic_gather";
    fn wrap(op: Op<'c>) -> Self {
        DynamicGather(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicGather<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_gather";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[41]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn start_indices(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn slice_sizes(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimension_numbers(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("dimension_numbers")
    }
    pub fn indices_are_sorted(self) -> Option<bool> {
        self.0.bool_attr("indices_are_sorted")
    }
    /// Starts a `stablehlo.dynamic_gather` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, start_indices: Value<'c>, slice_sizes: Value<'c>) -> DynamicGatherBuilder<'r, 'c> {
        DynamicGatherBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(start_indices).operand(slice_sizes))
    }
}

pub struct DynamicGatherBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicGatherBuilder<'r, 'c> {
    pub fn dimension_numbers(self, v: Attribute<'c>) -> Self {
        DynamicGatherBuilder(self.0.attr("dimension_numbers", v))
    }
    pub fn indices_are_sorted(self, v: bool) -> Self {
        DynamicGatherBuilder(self.0.bool("indices_are_sorted", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicGatherBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicGather<'c> {
        DynamicGather(self.0.create())
    }
}

/// `stablehlo.dynamic_iota`: iota with the shape given by output_shape (spec: dynamic_iota; c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicIota<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicIota<'c> {
    const NAME: &'static str = "stablehlo.dynamic_iota";
    fn wrap(op: Op<'c>) -> Self {
        DynamicIota(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicIota<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_iota";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[42]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn output_shape(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn iota_dimension(self) -> Option<i64> {
        self.0.int_attr("iota_dimension")
    }
    /// Starts a `stablehlo.dynamic_iota` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], output_shape: Value<'c>) -> DynamicIotaBuilder<'r, 'c> {
        DynamicIotaBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(output_shape))
    }
}

pub struct DynamicIotaBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicIotaBuilder<'r, 'c> {
    pub fn iota_dimension(self, v: i64) -> Self {
        DynamicIotaBuilder(self.0.int("iota_dimension", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicIotaBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicIota<'c> {
        DynamicIota(self.0.create())
    }
}

/// `stablehlo.dynamic_pad`: pad with the amounts given as operands (spec: dynamic_pad; c1..c4, shapes when the amounts are constants).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicPad<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicPad<'c> {
    const NAME: &'static str = "stablehlo.dynamic_pad";
    fn wrap(op: Op<'c>) -> Self {
        DynamicPad(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicPad<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_pad";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[43]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn padding_value(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn edge_padding_low(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn edge_padding_high(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn interior_padding(self) -> Value<'c> {
        self.0.operand(4)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.dynamic_pad` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, padding_value: Value<'c>, edge_padding_low: Value<'c>, edge_padding_high: Value<'c>, interior_padding: Value<'c>) -> DynamicPadBuilder<'r, 'c> {
        DynamicPadBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(padding_value).operand(edge_padding_low).operand(edge_padding_high).operand(interior_padding))
    }
}

pub struct DynamicPadBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicPadBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicPadBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicPad<'c> {
        DynamicPad(self.0.create())
    }
}

/// `stablehlo.dynamic_reshape`: reshape to the shape given by output_shape (spec: dynamic_reshape; c1, c2, c4).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicReshape<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicReshape<'c> {
    const NAME: &'static str = "stablehlo.dynamic_reshape";
    fn wrap(op: Op<'c>) -> Self {
        DynamicReshape(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicReshape<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_reshape";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[44]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output_shape(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.dynamic_reshape` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, output_shape: Value<'c>) -> DynamicReshapeBuilder<'r, 'c> {
        DynamicReshapeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(output_shape))
    }
}

pub struct DynamicReshapeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicReshapeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicReshapeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicReshape<'c> {
        DynamicReshape(self.0.create())
    }
}

/// `stablehlo.dynamic_slice`: A slice_sizes slice at run-time start_indices (spec: dynamic_slice; c1..c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicSlice<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicSlice<'c> {
    const NAME: &'static str = "stablehlo.dynamic_slice";
    fn wrap(op: Op<'c>) -> Self {
        DynamicSlice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicSlice<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[45]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        let r = slot_range(Self::def().operands, 0, self.0.num_operands());
        self.0.operand(r.start)
    }
    pub fn start_indices(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 1, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn slice_sizes(self) -> Option<Vec<i64>> {
        self.0.ints_attr("slice_sizes")
    }
    /// Starts a `stablehlo.dynamic_slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, start_indices: &[Value<'c>]) -> DynamicSliceBuilder<'r, 'c> {
        DynamicSliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operands(start_indices))
    }
}

pub struct DynamicSliceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicSliceBuilder<'r, 'c> {
    pub fn slice_sizes(self, v: &[i64]) -> Self {
        DynamicSliceBuilder(self.0.ints("slice_sizes", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicSliceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicSlice<'c> {
        DynamicSlice(self.0.create())
    }
}

/// `stablehlo.dynamic_update_slice`: operand with update written at run-time start_indices (spec: dynamic_update_slice; c1..c6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicUpdateSlice<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicUpdateSlice<'c> {
    const NAME: &'static str = "stablehlo.dynamic_update_slice";
    fn wrap(op: Op<'c>) -> Self {
        DynamicUpdateSlice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicUpdateSlice<'c> {
    pub const NAME: &'static str = "stablehlo.dynamic_update_slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[46]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        let r = slot_range(Self::def().operands, 0, self.0.num_operands());
        self.0.operand(r.start)
    }
    pub fn update(self) -> Value<'c> {
        let r = slot_range(Self::def().operands, 1, self.0.num_operands());
        self.0.operand(r.start)
    }
    pub fn start_indices(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 2, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.dynamic_update_slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, update: Value<'c>, start_indices: &[Value<'c>]) -> DynamicUpdateSliceBuilder<'r, 'c> {
        DynamicUpdateSliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(update).operands(start_indices))
    }
}

pub struct DynamicUpdateSliceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DynamicUpdateSliceBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DynamicUpdateSliceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DynamicUpdateSlice<'c> {
        DynamicUpdateSlice(self.0.create())
    }
}

/// `stablehlo.einsum`: Not in the spec: einsum of two operands by einsum_config; kind checks only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Einsum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Einsum<'c> {
    const NAME: &'static str = "stablehlo.einsum";
    fn wrap(op: Op<'c>) -> Self {
        Einsum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Einsum<'c> {
    pub const NAME: &'static str = "stablehlo.einsum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[47]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn einsum_config(self) -> Option<String> {
        self.0.str_attr("einsum_config")
    }
    /// Starts a `stablehlo.einsum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> EinsumBuilder<'r, 'c> {
        EinsumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct EinsumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> EinsumBuilder<'r, 'c> {
    pub fn einsum_config(self, v: &str) -> Self {
        EinsumBuilder(self.0.string("einsum_config", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        EinsumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Einsum<'c> {
        Einsum(self.0.create())
    }
}

/// `stablehlo.exponential`: Element-wise exponential (spec: exponential).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Exponential<'c>(Op<'c>);

impl<'c> OpKind<'c> for Exponential<'c> {
    const NAME: &'static str = "stablehlo.exponential";
    fn wrap(op: Op<'c>) -> Self {
        Exponential(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Exponential<'c> {
    pub const NAME: &'static str = "stablehlo.exponential";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[48]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.exponential` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ExponentialBuilder<'r, 'c> {
        ExponentialBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ExponentialBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ExponentialBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        ExponentialBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ExponentialBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Exponential<'c> {
        Exponential(self.0.create())
    }
}

/// `stablehlo.exponential_minus_one`: Element-wise exp(x) - 1 (spec: exponential_minus_one).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ExponentialMinusOne<'c>(Op<'c>);

impl<'c> OpKind<'c> for ExponentialMinusOne<'c> {
    const NAME: &'static str = "stablehlo.exponential_minus_one";
    fn wrap(op: Op<'c>) -> Self {
        ExponentialMinusOne(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ExponentialMinusOne<'c> {
    pub const NAME: &'static str = "stablehlo.exponential_minus_one";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[49]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.exponential_minus_one` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ExponentialMinusOneBuilder<'r, 'c> {
        ExponentialMinusOneBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ExponentialMinusOneBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ExponentialMinusOneBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        ExponentialMinusOneBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ExponentialMinusOneBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ExponentialMinusOne<'c> {
        ExponentialMinusOne(self.0.create())
    }
}

/// `stablehlo.fft`: Forward/inverse (real) Fourier transform over fft_length (spec: fft; c1..c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Fft<'c>(Op<'c>);

impl<'c> OpKind<'c> for Fft<'c> {
    const NAME: &'static str = "stablehlo.fft";
    fn wrap(op: Op<'c>) -> Self {
        Fft(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Fft<'c> {
    pub const NAME: &'static str = "stablehlo.fft";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[50]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn fft_type(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("fft_type")
    }
    pub fn fft_length(self) -> Option<Vec<i64>> {
        self.0.ints_attr("fft_length")
    }
    /// Starts a `stablehlo.fft` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> FftBuilder<'r, 'c> {
        FftBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct FftBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> FftBuilder<'r, 'c> {
    pub fn fft_type(self, v: Attribute<'c>) -> Self {
        FftBuilder(self.0.attr("fft_type", v))
    }
    pub fn fft_length(self, v: &[i64]) -> Self {
        FftBuilder(self.0.ints("fft_length", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        FftBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Fft<'c> {
        Fft(self.0.create())
    }
}

/// `stablehlo.floor`: Element-wise floor (spec: floor).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Floor<'c>(Op<'c>);

impl<'c> OpKind<'c> for Floor<'c> {
    const NAME: &'static str = "stablehlo.floor";
    fn wrap(op: Op<'c>) -> Self {
        Floor(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Floor<'c> {
    pub const NAME: &'static str = "stablehlo.floor";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[51]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.floor` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> FloorBuilder<'r, 'c> {
        FloorBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct FloorBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> FloorBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        FloorBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Floor<'c> {
        Floor(self.0.create())
    }
}

/// `stablehlo.gather`: Gathers slice_sizes slices at start_indices (spec: gather; c1..c23).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Gather<'c>(Op<'c>);

impl<'c> OpKind<'c> for Gather<'c> {
    const NAME: &'static str = "stablehlo.gather";
    fn wrap(op: Op<'c>) -> Self {
        Gather(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Gather<'c> {
    pub const NAME: &'static str = "stablehlo.gather";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[52]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn start_indices(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimension_numbers(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("dimension_numbers")
    }
    pub fn slice_sizes(self) -> Option<Vec<i64>> {
        self.0.ints_attr("slice_sizes")
    }
    pub fn indices_are_sorted(self) -> Option<bool> {
        self.0.bool_attr("indices_are_sorted")
    }
    /// Starts a `stablehlo.gather` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, start_indices: Value<'c>) -> GatherBuilder<'r, 'c> {
        GatherBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(start_indices))
    }
}

pub struct GatherBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GatherBuilder<'r, 'c> {
    pub fn dimension_numbers(self, v: Attribute<'c>) -> Self {
        GatherBuilder(self.0.attr("dimension_numbers", v))
    }
    pub fn slice_sizes(self, v: &[i64]) -> Self {
        GatherBuilder(self.0.ints("slice_sizes", v))
    }
    pub fn indices_are_sorted(self, v: bool) -> Self {
        GatherBuilder(self.0.bool("indices_are_sorted", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GatherBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Gather<'c> {
        Gather(self.0.create())
    }
}

/// `stablehlo.get_dimension_size`: The size of operand's dimension as tensor<i32> (spec: get_dimension_size; c1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GetDimensionSize<'c>(Op<'c>);

impl<'c> OpKind<'c> for GetDimensionSize<'c> {
    const NAME: &'static str = "stablehlo.get_dimension_size";
    fn wrap(op: Op<'c>) -> Self {
        GetDimensionSize(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> GetDimensionSize<'c> {
    pub const NAME: &'static str = "stablehlo.get_dimension_size";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[53]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimension(self) -> Option<i64> {
        self.0.int_attr("dimension")
    }
    /// Starts a `stablehlo.get_dimension_size` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> GetDimensionSizeBuilder<'r, 'c> {
        GetDimensionSizeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct GetDimensionSizeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GetDimensionSizeBuilder<'r, 'c> {
    pub fn dimension(self, v: i64) -> Self {
        GetDimensionSizeBuilder(self.0.int("dimension", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GetDimensionSizeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> GetDimensionSize<'c> {
        GetDimensionSize(self.0.create())
    }
}

/// `stablehlo.get_tuple_element`: Element index of a tuple (spec: get_tuple_element; c1; the element type c2 is not compared).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GetTupleElement<'c>(Op<'c>);

impl<'c> OpKind<'c> for GetTupleElement<'c> {
    const NAME: &'static str = "stablehlo.get_tuple_element";
    fn wrap(op: Op<'c>) -> Self {
        GetTupleElement(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> GetTupleElement<'c> {
    pub const NAME: &'static str = "stablehlo.get_tuple_element";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[54]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn index(self) -> Option<i64> {
        self.0.int_attr("index")
    }
    /// Starts a `stablehlo.get_tuple_element` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> GetTupleElementBuilder<'r, 'c> {
        GetTupleElementBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct GetTupleElementBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GetTupleElementBuilder<'r, 'c> {
    pub fn index(self, v: i64) -> Self {
        GetTupleElementBuilder(self.0.int("index", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GetTupleElementBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> GetTupleElement<'c> {
        GetTupleElement(self.0.create())
    }
}

/// `stablehlo.if`: Runs true_branch or false_branch on a scalar pred (spec: if); branch signatures unchecked.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct If<'c>(Op<'c>);

impl<'c> OpKind<'c> for If<'c> {
    const NAME: &'static str = "stablehlo.if";
    fn wrap(op: Op<'c>) -> Self {
        If(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> If<'c> {
    pub const NAME: &'static str = "stablehlo.if";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[55]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn pred(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    /// Starts a `stablehlo.if` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], pred: Value<'c>) -> IfBuilder<'r, 'c> {
        IfBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(pred))
    }
}

pub struct IfBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> IfBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        IfBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> If<'c> {
        If(self.0.create())
    }
}

/// `stablehlo.imag`: Element-wise imaginary part (spec: imag; imag_c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Imag<'c>(Op<'c>);

impl<'c> OpKind<'c> for Imag<'c> {
    const NAME: &'static str = "stablehlo.imag";
    fn wrap(op: Op<'c>) -> Self {
        Imag(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Imag<'c> {
    pub const NAME: &'static str = "stablehlo.imag";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[56]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.imag` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ImagBuilder<'r, 'c> {
        ImagBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ImagBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ImagBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ImagBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Imag<'c> {
        Imag(self.0.create())
    }
}

/// `stablehlo.infeed`: Reads values and a token from the infeed (spec: infeed; c1, c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Infeed<'c>(Op<'c>);

impl<'c> OpKind<'c> for Infeed<'c> {
    const NAME: &'static str = "stablehlo.infeed";
    fn wrap(op: Op<'c>) -> Self {
        Infeed(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Infeed<'c> {
    pub const NAME: &'static str = "stablehlo.infeed";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[57]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn token(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn infeed_config(self) -> Option<String> {
        self.0.str_attr("infeed_config")
    }
    pub fn layout(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("layout")
    }
    /// Starts a `stablehlo.infeed` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], token: Value<'c>) -> InfeedBuilder<'r, 'c> {
        InfeedBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(token))
    }
}

pub struct InfeedBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> InfeedBuilder<'r, 'c> {
    pub fn infeed_config(self, v: &str) -> Self {
        InfeedBuilder(self.0.string("infeed_config", v))
    }
    pub fn layout(self, v: Attribute<'c>) -> Self {
        InfeedBuilder(self.0.attr("layout", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        InfeedBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Infeed<'c> {
        Infeed(self.0.create())
    }
}

/// `stablehlo.iota`: Values counting up from 0 along iota_dimension (spec: iota); iota_c1: 0 <= iota_dimension < rank(output).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Iota<'c>(Op<'c>);

impl<'c> OpKind<'c> for Iota<'c> {
    const NAME: &'static str = "stablehlo.iota";
    fn wrap(op: Op<'c>) -> Self {
        Iota(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Iota<'c> {
    pub const NAME: &'static str = "stablehlo.iota";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[58]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn iota_dimension(self) -> Option<i64> {
        self.0.int_attr("iota_dimension")
    }
    /// Starts a `stablehlo.iota` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> IotaBuilder<'r, 'c> {
        IotaBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct IotaBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> IotaBuilder<'r, 'c> {
    pub fn iota_dimension(self, v: i64) -> Self {
        IotaBuilder(self.0.int("iota_dimension", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        IotaBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Iota<'c> {
        Iota(self.0.create())
    }
}

/// `stablehlo.is_finite`: Element-wise check that x is finite (spec: is_finite); y is i1 of x's shape (is_finite_c1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct IsFinite<'c>(Op<'c>);

impl<'c> OpKind<'c> for IsFinite<'c> {
    const NAME: &'static str = "stablehlo.is_finite";
    fn wrap(op: Op<'c>) -> Self {
        IsFinite(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> IsFinite<'c> {
    pub const NAME: &'static str = "stablehlo.is_finite";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[59]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn x(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn y(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.is_finite` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> IsFiniteBuilder<'r, 'c> {
        IsFiniteBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct IsFiniteBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> IsFiniteBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        IsFiniteBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> IsFinite<'c> {
        IsFinite(self.0.create())
    }
}

/// `stablehlo.log`: Element-wise natural logarithm (spec: log).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Log<'c>(Op<'c>);

impl<'c> OpKind<'c> for Log<'c> {
    const NAME: &'static str = "stablehlo.log";
    fn wrap(op: Op<'c>) -> Self {
        Log(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Log<'c> {
    pub const NAME: &'static str = "stablehlo.log";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[60]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.log` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> LogBuilder<'r, 'c> {
        LogBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct LogBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        LogBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Log<'c> {
        Log(self.0.create())
    }
}

/// `stablehlo.log_plus_one`: Element-wise log(1 + x) (spec: log_plus_one).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LogPlusOne<'c>(Op<'c>);

impl<'c> OpKind<'c> for LogPlusOne<'c> {
    const NAME: &'static str = "stablehlo.log_plus_one";
    fn wrap(op: Op<'c>) -> Self {
        LogPlusOne(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LogPlusOne<'c> {
    pub const NAME: &'static str = "stablehlo.log_plus_one";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[61]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.log_plus_one` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> LogPlusOneBuilder<'r, 'c> {
        LogPlusOneBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct LogPlusOneBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogPlusOneBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        LogPlusOneBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogPlusOneBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LogPlusOne<'c> {
        LogPlusOne(self.0.create())
    }
}

/// `stablehlo.logistic`: Element-wise logistic sigmoid (spec: logistic).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Logistic<'c>(Op<'c>);

impl<'c> OpKind<'c> for Logistic<'c> {
    const NAME: &'static str = "stablehlo.logistic";
    fn wrap(op: Op<'c>) -> Self {
        Logistic(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Logistic<'c> {
    pub const NAME: &'static str = "stablehlo.logistic";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[62]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.logistic` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> LogisticBuilder<'r, 'c> {
        LogisticBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct LogisticBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogisticBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        LogisticBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogisticBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Logistic<'c> {
        Logistic(self.0.create())
    }
}

/// `stablehlo.map`: Applies computation element-wise over inputs (spec: map; c1..c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Map<'c>(Op<'c>);

impl<'c> OpKind<'c> for Map<'c> {
    const NAME: &'static str = "stablehlo.map";
    fn wrap(op: Op<'c>) -> Self {
        Map(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Map<'c> {
    pub const NAME: &'static str = "stablehlo.map";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[63]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("dimensions")
    }
    /// Starts a `stablehlo.map` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>]) -> MapBuilder<'r, 'c> {
        MapBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs))
    }
}

pub struct MapBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MapBuilder<'r, 'c> {
    pub fn dimensions(self, v: &[i64]) -> Self {
        MapBuilder(self.0.ints("dimensions", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MapBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Map<'c> {
        Map(self.0.create())
    }
}

/// `stablehlo.maximum`: Element-wise maximum (spec: maximum).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Maximum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Maximum<'c> {
    const NAME: &'static str = "stablehlo.maximum";
    fn wrap(op: Op<'c>) -> Self {
        Maximum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Maximum<'c> {
    pub const NAME: &'static str = "stablehlo.maximum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[64]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.maximum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> MaximumBuilder<'r, 'c> {
        MaximumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct MaximumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MaximumBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MaximumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Maximum<'c> {
        Maximum(self.0.create())
    }
}

/// `stablehlo.minimum`: Element-wise minimum (spec: minimum).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Minimum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Minimum<'c> {
    const NAME: &'static str = "stablehlo.minimum";
    fn wrap(op: Op<'c>) -> Self {
        Minimum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Minimum<'c> {
    pub const NAME: &'static str = "stablehlo.minimum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[65]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.minimum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> MinimumBuilder<'r, 'c> {
        MinimumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct MinimumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MinimumBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MinimumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Minimum<'c> {
        Minimum(self.0.create())
    }
}

/// `stablehlo.multiply`: Element-wise product (spec: multiply).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Multiply<'c>(Op<'c>);

impl<'c> OpKind<'c> for Multiply<'c> {
    const NAME: &'static str = "stablehlo.multiply";
    fn wrap(op: Op<'c>) -> Self {
        Multiply(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Multiply<'c> {
    pub const NAME: &'static str = "stablehlo.multiply";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[66]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.multiply` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> MultiplyBuilder<'r, 'c> {
        MultiplyBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct MultiplyBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MultiplyBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MultiplyBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Multiply<'c> {
        Multiply(self.0.create())
    }
}

/// `stablehlo.negate`: Element-wise negation (spec: negate).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Negate<'c>(Op<'c>);

impl<'c> OpKind<'c> for Negate<'c> {
    const NAME: &'static str = "stablehlo.negate";
    fn wrap(op: Op<'c>) -> Self {
        Negate(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Negate<'c> {
    pub const NAME: &'static str = "stablehlo.negate";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[67]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.negate` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> NegateBuilder<'r, 'c> {
        NegateBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct NegateBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> NegateBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        NegateBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Negate<'c> {
        Negate(self.0.create())
    }
}

/// `stablehlo.not`: Element-wise logical/bitwise NOT (spec: not); not_c1: same type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Not<'c>(Op<'c>);

impl<'c> OpKind<'c> for Not<'c> {
    const NAME: &'static str = "stablehlo.not";
    fn wrap(op: Op<'c>) -> Self {
        Not(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Not<'c> {
    pub const NAME: &'static str = "stablehlo.not";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[68]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.not` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> NotBuilder<'r, 'c> {
        NotBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct NotBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> NotBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        NotBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Not<'c> {
        Not(self.0.create())
    }
}

/// `stablehlo.optimization_barrier`: Identity that orders computations (spec: optimization_barrier; c1: result types = operand types).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct OptimizationBarrier<'c>(Op<'c>);

impl<'c> OpKind<'c> for OptimizationBarrier<'c> {
    const NAME: &'static str = "stablehlo.optimization_barrier";
    fn wrap(op: Op<'c>) -> Self {
        OptimizationBarrier(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> OptimizationBarrier<'c> {
    pub const NAME: &'static str = "stablehlo.optimization_barrier";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[69]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn result(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    /// Starts a `stablehlo.optimization_barrier` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: &[Value<'c>]) -> OptimizationBarrierBuilder<'r, 'c> {
        OptimizationBarrierBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operand))
    }
}

pub struct OptimizationBarrierBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> OptimizationBarrierBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        OptimizationBarrierBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> OptimizationBarrier<'c> {
        OptimizationBarrier(self.0.create())
    }
}

/// `stablehlo.or`: Element-wise logical/bitwise OR (spec: or); or_c1: one type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Or<'c>(Op<'c>);

impl<'c> OpKind<'c> for Or<'c> {
    const NAME: &'static str = "stablehlo.or";
    fn wrap(op: Op<'c>) -> Self {
        Or(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Or<'c> {
    pub const NAME: &'static str = "stablehlo.or";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[70]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.or` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> OrBuilder<'r, 'c> {
        OrBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct OrBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> OrBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        OrBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Or<'c> {
        Or(self.0.create())
    }
}

/// `stablehlo.outfeed`: Writes inputs to the outfeed after token (spec: outfeed).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Outfeed<'c>(Op<'c>);

impl<'c> OpKind<'c> for Outfeed<'c> {
    const NAME: &'static str = "stablehlo.outfeed";
    fn wrap(op: Op<'c>) -> Self {
        Outfeed(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Outfeed<'c> {
    pub const NAME: &'static str = "stablehlo.outfeed";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[71]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn token(self) -> Value<'c> {
        let r = slot_range(Self::def().operands, 1, self.0.num_operands());
        self.0.operand(r.start)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn outfeed_config(self) -> Option<String> {
        self.0.str_attr("outfeed_config")
    }
    /// Starts a `stablehlo.outfeed` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>], token: Value<'c>) -> OutfeedBuilder<'r, 'c> {
        OutfeedBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs).operand(token))
    }
}

pub struct OutfeedBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> OutfeedBuilder<'r, 'c> {
    pub fn outfeed_config(self, v: &str) -> Self {
        OutfeedBuilder(self.0.string("outfeed_config", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        OutfeedBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Outfeed<'c> {
        Outfeed(self.0.create())
    }
}

/// `stablehlo.pad`: Pads operand at the edges and between elements with padding_value (spec: pad; c1..c4).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Pad<'c>(Op<'c>);

impl<'c> OpKind<'c> for Pad<'c> {
    const NAME: &'static str = "stablehlo.pad";
    fn wrap(op: Op<'c>) -> Self {
        Pad(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Pad<'c> {
    pub const NAME: &'static str = "stablehlo.pad";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[72]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn padding_value(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn edge_padding_low(self) -> Option<Vec<i64>> {
        self.0.ints_attr("edge_padding_low")
    }
    pub fn edge_padding_high(self) -> Option<Vec<i64>> {
        self.0.ints_attr("edge_padding_high")
    }
    pub fn interior_padding(self) -> Option<Vec<i64>> {
        self.0.ints_attr("interior_padding")
    }
    /// Starts a `stablehlo.pad` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, padding_value: Value<'c>) -> PadBuilder<'r, 'c> {
        PadBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(padding_value))
    }
}

pub struct PadBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PadBuilder<'r, 'c> {
    pub fn edge_padding_low(self, v: &[i64]) -> Self {
        PadBuilder(self.0.ints("edge_padding_low", v))
    }
    pub fn edge_padding_high(self, v: &[i64]) -> Self {
        PadBuilder(self.0.ints("edge_padding_high", v))
    }
    pub fn interior_padding(self, v: &[i64]) -> Self {
        PadBuilder(self.0.ints("interior_padding", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PadBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Pad<'c> {
        Pad(self.0.create())
    }
}

/// `stablehlo.partition_id`: The current partition's id as tensor<ui32> (spec: partition_id).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PartitionId<'c>(Op<'c>);

impl<'c> OpKind<'c> for PartitionId<'c> {
    const NAME: &'static str = "stablehlo.partition_id";
    fn wrap(op: Op<'c>) -> Self {
        PartitionId(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> PartitionId<'c> {
    pub const NAME: &'static str = "stablehlo.partition_id";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[73]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.partition_id` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> PartitionIdBuilder<'r, 'c> {
        PartitionIdBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct PartitionIdBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PartitionIdBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PartitionIdBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> PartitionId<'c> {
        PartitionId(self.0.create())
    }
}

/// `stablehlo.popcnt`: Element-wise count of set bits (spec: popcnt); popcnt_c1: same type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Popcnt<'c>(Op<'c>);

impl<'c> OpKind<'c> for Popcnt<'c> {
    const NAME: &'static str = "stablehlo.popcnt";
    fn wrap(op: Op<'c>) -> Self {
        Popcnt(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Popcnt<'c> {
    pub const NAME: &'static str = "stablehlo.popcnt";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[74]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.popcnt` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> PopcntBuilder<'r, 'c> {
        PopcntBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct PopcntBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PopcntBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PopcntBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Popcnt<'c> {
        Popcnt(self.0.create())
    }
}

/// `stablehlo.power`: Element-wise exponentiation (spec: power).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Power<'c>(Op<'c>);

impl<'c> OpKind<'c> for Power<'c> {
    const NAME: &'static str = "stablehlo.power";
    fn wrap(op: Op<'c>) -> Self {
        Power(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Power<'c> {
    pub const NAME: &'static str = "stablehlo.power";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[75]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.power` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> PowerBuilder<'r, 'c> {
        PowerBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct PowerBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PowerBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PowerBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Power<'c> {
        Power(self.0.create())
    }
}

/// `stablehlo.real`: Element-wise real part (spec: real; real_c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Real<'c>(Op<'c>);

impl<'c> OpKind<'c> for Real<'c> {
    const NAME: &'static str = "stablehlo.real";
    fn wrap(op: Op<'c>) -> Self {
        Real(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Real<'c> {
    pub const NAME: &'static str = "stablehlo.real";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[76]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.real` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> RealBuilder<'r, 'c> {
        RealBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct RealBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RealBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RealBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Real<'c> {
        Real(self.0.create())
    }
}

/// `stablehlo.real_dynamic_slice`: Not in the spec: slice with run-time start/limit/strides tensors (shape inferred when they are constants).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RealDynamicSlice<'c>(Op<'c>);

impl<'c> OpKind<'c> for RealDynamicSlice<'c> {
    const NAME: &'static str = "stablehlo.real_dynamic_slice";
    fn wrap(op: Op<'c>) -> Self {
        RealDynamicSlice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> RealDynamicSlice<'c> {
    pub const NAME: &'static str = "stablehlo.real_dynamic_slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[77]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn start_indices(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn limit_indices(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn strides(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.real_dynamic_slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, start_indices: Value<'c>, limit_indices: Value<'c>, strides: Value<'c>) -> RealDynamicSliceBuilder<'r, 'c> {
        RealDynamicSliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(start_indices).operand(limit_indices).operand(strides))
    }
}

pub struct RealDynamicSliceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RealDynamicSliceBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RealDynamicSliceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> RealDynamicSlice<'c> {
        RealDynamicSlice(self.0.create())
    }
}

/// `stablehlo.recv`: Receives values on channel_handle (spec: recv); the channel is not checked.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Recv<'c>(Op<'c>);

impl<'c> OpKind<'c> for Recv<'c> {
    const NAME: &'static str = "stablehlo.recv";
    fn wrap(op: Op<'c>) -> Self {
        Recv(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Recv<'c> {
    pub const NAME: &'static str = "stablehlo.recv";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[78]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn token(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn is_host_transfer(self) -> Option<bool> {
        self.0.bool_attr("is_host_transfer")
    }
    pub fn source_target_pairs(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("source_target_pairs")
    }
    /// Starts a `stablehlo.recv` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], token: Value<'c>) -> RecvBuilder<'r, 'c> {
        RecvBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(token))
    }
}

pub struct RecvBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RecvBuilder<'r, 'c> {
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        RecvBuilder(self.0.attr("channel_handle", v))
    }
    pub fn is_host_transfer(self, v: bool) -> Self {
        RecvBuilder(self.0.bool("is_host_transfer", v))
    }
    pub fn source_target_pairs(self, v: Attribute<'c>) -> Self {
        RecvBuilder(self.0.attr("source_target_pairs", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RecvBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Recv<'c> {
        Recv(self.0.create())
    }
}

/// `stablehlo.reduce`: Reduces inputs over dimensions with body from init_values (spec: reduce; c1..c5, c7 drops dimensions).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Reduce<'c>(Op<'c>);

impl<'c> OpKind<'c> for Reduce<'c> {
    const NAME: &'static str = "stablehlo.reduce";
    fn wrap(op: Op<'c>) -> Self {
        Reduce(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Reduce<'c> {
    pub const NAME: &'static str = "stablehlo.reduce";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[79]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn init_values(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 1, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("dimensions")
    }
    /// Starts a `stablehlo.reduce` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>], init_values: &[Value<'c>]) -> ReduceBuilder<'r, 'c> {
        ReduceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs).operands(init_values))
    }
}

pub struct ReduceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceBuilder<'r, 'c> {
    pub fn dimensions(self, v: &[i64]) -> Self {
        ReduceBuilder(self.0.ints("dimensions", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Reduce<'c> {
        Reduce(self.0.create())
    }
}

/// `stablehlo.reduce_precision`: Element-wise rounding to exponent_bits/mantissa_bits (spec: reduce_precision; c1..c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReducePrecision<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReducePrecision<'c> {
    const NAME: &'static str = "stablehlo.reduce_precision";
    fn wrap(op: Op<'c>) -> Self {
        ReducePrecision(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReducePrecision<'c> {
    pub const NAME: &'static str = "stablehlo.reduce_precision";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[80]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn exponent_bits(self) -> Option<i64> {
        self.0.int_attr("exponent_bits")
    }
    pub fn mantissa_bits(self) -> Option<i64> {
        self.0.int_attr("mantissa_bits")
    }
    /// Starts a `stablehlo.reduce_precision` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ReducePrecisionBuilder<'r, 'c> {
        ReducePrecisionBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ReducePrecisionBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReducePrecisionBuilder<'r, 'c> {
    pub fn exponent_bits(self, v: i64) -> Self {
        ReducePrecisionBuilder(self.0.int("exponent_bits", v))
    }
    pub fn mantissa_bits(self, v: i64) -> Self {
        ReducePrecisionBuilder(self.0.int("mantissa_bits", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReducePrecisionBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReducePrecision<'c> {
        ReducePrecision(self.0.create())
    }
}

/// `stablehlo.reduce_scatter`: Reduces across each group with computation and scatters along scatter_dimension (spec: reduce_scatter; c1..c3, c8).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceScatter<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceScatter<'c> {
    const NAME: &'static str = "stablehlo.reduce_scatter";
    fn wrap(op: Op<'c>) -> Self {
        ReduceScatter(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceScatter<'c> {
    pub const NAME: &'static str = "stablehlo.reduce_scatter";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[81]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn scatter_dimension(self) -> Option<i64> {
        self.0.int_attr("scatter_dimension")
    }
    pub fn replica_groups(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("replica_groups")
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn use_global_device_ids(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("use_global_device_ids")
    }
    /// Starts a `stablehlo.reduce_scatter` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ReduceScatterBuilder<'r, 'c> {
        ReduceScatterBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ReduceScatterBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceScatterBuilder<'r, 'c> {
    pub fn scatter_dimension(self, v: i64) -> Self {
        ReduceScatterBuilder(self.0.int("scatter_dimension", v))
    }
    pub fn replica_groups(self, v: Attribute<'c>) -> Self {
        ReduceScatterBuilder(self.0.attr("replica_groups", v))
    }
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        ReduceScatterBuilder(self.0.attr("channel_handle", v))
    }
    pub fn use_global_device_ids(self, v: Attribute<'c>) -> Self {
        ReduceScatterBuilder(self.0.attr("use_global_device_ids", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceScatterBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceScatter<'c> {
        ReduceScatter(self.0.create())
    }
}

/// `stablehlo.reduce_window`: Reduces windows of inputs with body (spec: reduce_window; c1..c12, c15 window counts).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceWindow<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceWindow<'c> {
    const NAME: &'static str = "stablehlo.reduce_window";
    fn wrap(op: Op<'c>) -> Self {
        ReduceWindow(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceWindow<'c> {
    pub const NAME: &'static str = "stablehlo.reduce_window";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[82]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn init_values(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 1, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn window_dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_dimensions")
    }
    pub fn window_strides(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_strides")
    }
    pub fn base_dilations(self) -> Option<Vec<i64>> {
        self.0.ints_attr("base_dilations")
    }
    pub fn window_dilations(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_dilations")
    }
    pub fn padding(self) -> Option<Vec<i64>> {
        self.0.ints_attr("padding")
    }
    /// Starts a `stablehlo.reduce_window` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>], init_values: &[Value<'c>]) -> ReduceWindowBuilder<'r, 'c> {
        ReduceWindowBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs).operands(init_values))
    }
}

pub struct ReduceWindowBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceWindowBuilder<'r, 'c> {
    pub fn window_dimensions(self, v: &[i64]) -> Self {
        ReduceWindowBuilder(self.0.ints("window_dimensions", v))
    }
    pub fn window_strides(self, v: &[i64]) -> Self {
        ReduceWindowBuilder(self.0.ints("window_strides", v))
    }
    pub fn base_dilations(self, v: &[i64]) -> Self {
        ReduceWindowBuilder(self.0.ints("base_dilations", v))
    }
    pub fn window_dilations(self, v: &[i64]) -> Self {
        ReduceWindowBuilder(self.0.ints("window_dilations", v))
    }
    pub fn padding(self, v: &[i64]) -> Self {
        ReduceWindowBuilder(self.0.ints("padding", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceWindowBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceWindow<'c> {
        ReduceWindow(self.0.create())
    }
}

/// `stablehlo.remainder`: Element-wise remainder with the dividend's sign (spec: remainder).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Remainder<'c>(Op<'c>);

impl<'c> OpKind<'c> for Remainder<'c> {
    const NAME: &'static str = "stablehlo.remainder";
    fn wrap(op: Op<'c>) -> Self {
        Remainder(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Remainder<'c> {
    pub const NAME: &'static str = "stablehlo.remainder";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[83]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.remainder` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> RemainderBuilder<'r, 'c> {
        RemainderBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct RemainderBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RemainderBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RemainderBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Remainder<'c> {
        Remainder(self.0.create())
    }
}

/// `stablehlo.replica_id`: The current replica's id as tensor<ui32> (spec: replica_id).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReplicaId<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReplicaId<'c> {
    const NAME: &'static str = "stablehlo.replica_id";
    fn wrap(op: Op<'c>) -> Self {
        ReplicaId(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReplicaId<'c> {
    pub const NAME: &'static str = "stablehlo.replica_id";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[84]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.replica_id` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> ReplicaIdBuilder<'r, 'c> {
        ReplicaIdBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct ReplicaIdBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReplicaIdBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReplicaIdBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReplicaId<'c> {
        ReplicaId(self.0.create())
    }
}

/// `stablehlo.reshape`: Same elements in the result's shape (spec: reshape); reshape_c2: element counts equal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Reshape<'c>(Op<'c>);

impl<'c> OpKind<'c> for Reshape<'c> {
    const NAME: &'static str = "stablehlo.reshape";
    fn wrap(op: Op<'c>) -> Self {
        Reshape(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Reshape<'c> {
    pub const NAME: &'static str = "stablehlo.reshape";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[85]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.reshape` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ReshapeBuilder<'r, 'c> {
        ReshapeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ReshapeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReshapeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReshapeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Reshape<'c> {
        Reshape(self.0.create())
    }
}

/// `stablehlo.return`: Terminator of StableHLO regions (reduce bodies, branches...); not a spec op.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Return<'c>(Op<'c>);

impl<'c> OpKind<'c> for Return<'c> {
    const NAME: &'static str = "stablehlo.return";
    fn wrap(op: Op<'c>) -> Self {
        Return(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Return<'c> {
    pub const NAME: &'static str = "stablehlo.return";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[86]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    /// Starts a `stablehlo.return` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], results_operand: &[Value<'c>]) -> ReturnBuilder<'r, 'c> {
        ReturnBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(results_operand))
    }
}

pub struct ReturnBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReturnBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReturnBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Return<'c> {
        Return(self.0.create())
    }
}

/// `stablehlo.reverse`: Reverses operand along dimensions (spec: reverse; c1..c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Reverse<'c>(Op<'c>);

impl<'c> OpKind<'c> for Reverse<'c> {
    const NAME: &'static str = "stablehlo.reverse";
    fn wrap(op: Op<'c>) -> Self {
        Reverse(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Reverse<'c> {
    pub const NAME: &'static str = "stablehlo.reverse";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[87]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("dimensions")
    }
    /// Starts a `stablehlo.reverse` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> ReverseBuilder<'r, 'c> {
        ReverseBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct ReverseBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReverseBuilder<'r, 'c> {
    pub fn dimensions(self, v: &[i64]) -> Self {
        ReverseBuilder(self.0.ints("dimensions", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReverseBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Reverse<'c> {
        Reverse(self.0.create())
    }
}

/// `stablehlo.rng`: Random numbers of the given shape, UNIFORM in [a, b) or NORMAL(a, b) (spec: rng; c1..c3).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Rng<'c>(Op<'c>);

impl<'c> OpKind<'c> for Rng<'c> {
    const NAME: &'static str = "stablehlo.rng";
    fn wrap(op: Op<'c>) -> Self {
        Rng(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Rng<'c> {
    pub const NAME: &'static str = "stablehlo.rng";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[88]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn a(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn b(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn shape(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn rng_distribution(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("rng_distribution")
    }
    /// Starts a `stablehlo.rng` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], a: Value<'c>, b: Value<'c>, shape: Value<'c>) -> RngBuilder<'r, 'c> {
        RngBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(a).operand(b).operand(shape))
    }
}

pub struct RngBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RngBuilder<'r, 'c> {
    pub fn rng_distribution(self, v: Attribute<'c>) -> Self {
        RngBuilder(self.0.attr("rng_distribution", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RngBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Rng<'c> {
        Rng(self.0.create())
    }
}

/// `stablehlo.rng_bit_generator`: Random bits and the next state from initial_state (spec: rng_bit_generator; c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RngBitGenerator<'c>(Op<'c>);

impl<'c> OpKind<'c> for RngBitGenerator<'c> {
    const NAME: &'static str = "stablehlo.rng_bit_generator";
    fn wrap(op: Op<'c>) -> Self {
        RngBitGenerator(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> RngBitGenerator<'c> {
    pub const NAME: &'static str = "stablehlo.rng_bit_generator";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[89]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn initial_state(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output_state(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(1)
    }
    pub fn rng_algorithm(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("rng_algorithm")
    }
    /// Starts a `stablehlo.rng_bit_generator` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], initial_state: Value<'c>) -> RngBitGeneratorBuilder<'r, 'c> {
        RngBitGeneratorBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(initial_state))
    }
}

pub struct RngBitGeneratorBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RngBitGeneratorBuilder<'r, 'c> {
    pub fn rng_algorithm(self, v: Attribute<'c>) -> Self {
        RngBitGeneratorBuilder(self.0.attr("rng_algorithm", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RngBitGeneratorBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> RngBitGenerator<'c> {
        RngBitGenerator(self.0.create())
    }
}

/// `stablehlo.round_nearest_afz`: Element-wise rounding, ties away from zero (spec: round_nearest_afz).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RoundNearestAfz<'c>(Op<'c>);

impl<'c> OpKind<'c> for RoundNearestAfz<'c> {
    const NAME: &'static str = "stablehlo.round_nearest_afz";
    fn wrap(op: Op<'c>) -> Self {
        RoundNearestAfz(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> RoundNearestAfz<'c> {
    pub const NAME: &'static str = "stablehlo.round_nearest_afz";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[90]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.round_nearest_afz` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> RoundNearestAfzBuilder<'r, 'c> {
        RoundNearestAfzBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct RoundNearestAfzBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RoundNearestAfzBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RoundNearestAfzBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> RoundNearestAfz<'c> {
        RoundNearestAfz(self.0.create())
    }
}

/// `stablehlo.round_nearest_even`: Element-wise rounding, ties to even (spec: round_nearest_even).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct RoundNearestEven<'c>(Op<'c>);

impl<'c> OpKind<'c> for RoundNearestEven<'c> {
    const NAME: &'static str = "stablehlo.round_nearest_even";
    fn wrap(op: Op<'c>) -> Self {
        RoundNearestEven(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> RoundNearestEven<'c> {
    pub const NAME: &'static str = "stablehlo.round_nearest_even";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[91]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.round_nearest_even` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> RoundNearestEvenBuilder<'r, 'c> {
        RoundNearestEvenBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct RoundNearestEvenBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RoundNearestEvenBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RoundNearestEvenBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> RoundNearestEven<'c> {
        RoundNearestEven(self.0.create())
    }
}

/// `stablehlo.rsqrt`: Element-wise reciprocal square root (spec: rsqrt).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Rsqrt<'c>(Op<'c>);

impl<'c> OpKind<'c> for Rsqrt<'c> {
    const NAME: &'static str = "stablehlo.rsqrt";
    fn wrap(op: Op<'c>) -> Self {
        Rsqrt(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Rsqrt<'c> {
    pub const NAME: &'static str = "stablehlo.rsqrt";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[92]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.rsqrt` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> RsqrtBuilder<'r, 'c> {
        RsqrtBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct RsqrtBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RsqrtBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        RsqrtBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RsqrtBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Rsqrt<'c> {
        Rsqrt(self.0.create())
    }
}

/// `stablehlo.scatter`: Scatters updates into inputs at scatter_indices, combined by update_computation (spec: scatter; c1..c22, c24; region signature c23 unchecked).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Scatter<'c>(Op<'c>);

impl<'c> OpKind<'c> for Scatter<'c> {
    const NAME: &'static str = "stablehlo.scatter";
    fn wrap(op: Op<'c>) -> Self {
        Scatter(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Scatter<'c> {
    pub const NAME: &'static str = "stablehlo.scatter";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[93]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn scatter_indices(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 1, all.len())].to_vec()
    }
    pub fn updates(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 2, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn scatter_dimension_numbers(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("scatter_dimension_numbers")
    }
    pub fn indices_are_sorted(self) -> Option<bool> {
        self.0.bool_attr("indices_are_sorted")
    }
    pub fn unique_indices(self) -> Option<bool> {
        self.0.bool_attr("unique_indices")
    }
    /// Starts a `stablehlo.scatter` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>], scatter_indices: &[Value<'c>], updates: &[Value<'c>]) -> ScatterBuilder<'r, 'c> {
        ScatterBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs).operands(scatter_indices).operands(updates))
    }
}

pub struct ScatterBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ScatterBuilder<'r, 'c> {
    pub fn scatter_dimension_numbers(self, v: Attribute<'c>) -> Self {
        ScatterBuilder(self.0.attr("scatter_dimension_numbers", v))
    }
    pub fn indices_are_sorted(self, v: bool) -> Self {
        ScatterBuilder(self.0.bool("indices_are_sorted", v))
    }
    pub fn unique_indices(self, v: bool) -> Self {
        ScatterBuilder(self.0.bool("unique_indices", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ScatterBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Scatter<'c> {
        Scatter(self.0.create())
    }
}

/// `stablehlo.select`: Element-wise pred ? on_true : on_false (spec: select); pred scalar or of on_true's shape (select_c1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Select<'c>(Op<'c>);

impl<'c> OpKind<'c> for Select<'c> {
    const NAME: &'static str = "stablehlo.select";
    fn wrap(op: Op<'c>) -> Self {
        Select(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Select<'c> {
    pub const NAME: &'static str = "stablehlo.select";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[94]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn pred(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn on_true(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn on_false(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.select` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], pred: Value<'c>, on_true: Value<'c>, on_false: Value<'c>) -> SelectBuilder<'r, 'c> {
        SelectBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(pred).operand(on_true).operand(on_false))
    }
}

pub struct SelectBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SelectBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SelectBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Select<'c> {
        Select(self.0.create())
    }
}

/// `stablehlo.select_and_scatter`: Scatters source at the window elements chosen by select, combined by scatter (spec: select_and_scatter; c1..c8, c11).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SelectAndScatter<'c>(Op<'c>);

impl<'c> OpKind<'c> for SelectAndScatter<'c> {
    const NAME: &'static str = "stablehlo.select_and_scatter";
    fn wrap(op: Op<'c>) -> Self {
        SelectAndScatter(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> SelectAndScatter<'c> {
    pub const NAME: &'static str = "stablehlo.select_and_scatter";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[95]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn source(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn init_value(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn window_dimensions(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_dimensions")
    }
    pub fn window_strides(self) -> Option<Vec<i64>> {
        self.0.ints_attr("window_strides")
    }
    pub fn padding(self) -> Option<Vec<i64>> {
        self.0.ints_attr("padding")
    }
    /// Starts a `stablehlo.select_and_scatter` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, source: Value<'c>, init_value: Value<'c>) -> SelectAndScatterBuilder<'r, 'c> {
        SelectAndScatterBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(source).operand(init_value))
    }
}

pub struct SelectAndScatterBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SelectAndScatterBuilder<'r, 'c> {
    pub fn window_dimensions(self, v: &[i64]) -> Self {
        SelectAndScatterBuilder(self.0.ints("window_dimensions", v))
    }
    pub fn window_strides(self, v: &[i64]) -> Self {
        SelectAndScatterBuilder(self.0.ints("window_strides", v))
    }
    pub fn padding(self, v: &[i64]) -> Self {
        SelectAndScatterBuilder(self.0.ints("padding", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SelectAndScatterBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> SelectAndScatter<'c> {
        SelectAndScatter(self.0.create())
    }
}

/// `stablehlo.send`: Sends inputs on channel_handle after token (spec: send); the channel is not checked.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Send<'c>(Op<'c>);

impl<'c> OpKind<'c> for Send<'c> {
    const NAME: &'static str = "stablehlo.send";
    fn wrap(op: Op<'c>) -> Self {
        Send(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Send<'c> {
    pub const NAME: &'static str = "stablehlo.send";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[96]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn token(self) -> Value<'c> {
        let r = slot_range(Self::def().operands, 1, self.0.num_operands());
        self.0.operand(r.start)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn channel_handle(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("channel_handle")
    }
    pub fn is_host_transfer(self) -> Option<bool> {
        self.0.bool_attr("is_host_transfer")
    }
    pub fn source_target_pairs(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("source_target_pairs")
    }
    /// Starts a `stablehlo.send` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>], token: Value<'c>) -> SendBuilder<'r, 'c> {
        SendBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs).operand(token))
    }
}

pub struct SendBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SendBuilder<'r, 'c> {
    pub fn channel_handle(self, v: Attribute<'c>) -> Self {
        SendBuilder(self.0.attr("channel_handle", v))
    }
    pub fn is_host_transfer(self, v: bool) -> Self {
        SendBuilder(self.0.bool("is_host_transfer", v))
    }
    pub fn source_target_pairs(self, v: Attribute<'c>) -> Self {
        SendBuilder(self.0.attr("source_target_pairs", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SendBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Send<'c> {
        Send(self.0.create())
    }
}

/// `stablehlo.set_dimension_size`: Not in the spec: marks dimension's run-time size (bounded dynamism); kind and range checks only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SetDimensionSize<'c>(Op<'c>);

impl<'c> OpKind<'c> for SetDimensionSize<'c> {
    const NAME: &'static str = "stablehlo.set_dimension_size";
    fn wrap(op: Op<'c>) -> Self {
        SetDimensionSize(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> SetDimensionSize<'c> {
    pub const NAME: &'static str = "stablehlo.set_dimension_size";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[97]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn size(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dimension(self) -> Option<i64> {
        self.0.int_attr("dimension")
    }
    /// Starts a `stablehlo.set_dimension_size` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, size: Value<'c>) -> SetDimensionSizeBuilder<'r, 'c> {
        SetDimensionSizeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(size))
    }
}

pub struct SetDimensionSizeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SetDimensionSizeBuilder<'r, 'c> {
    pub fn dimension(self, v: i64) -> Self {
        SetDimensionSizeBuilder(self.0.int("dimension", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SetDimensionSizeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> SetDimensionSize<'c> {
        SetDimensionSize(self.0.create())
    }
}

/// `stablehlo.shift_left`: Element-wise left shift (spec: shift_left).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ShiftLeft<'c>(Op<'c>);

impl<'c> OpKind<'c> for ShiftLeft<'c> {
    const NAME: &'static str = "stablehlo.shift_left";
    fn wrap(op: Op<'c>) -> Self {
        ShiftLeft(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ShiftLeft<'c> {
    pub const NAME: &'static str = "stablehlo.shift_left";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[98]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.shift_left` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> ShiftLeftBuilder<'r, 'c> {
        ShiftLeftBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct ShiftLeftBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ShiftLeftBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ShiftLeftBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ShiftLeft<'c> {
        ShiftLeft(self.0.create())
    }
}

/// `stablehlo.shift_right_arithmetic`: Element-wise arithmetic right shift (spec: shift_right_arithmetic).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ShiftRightArithmetic<'c>(Op<'c>);

impl<'c> OpKind<'c> for ShiftRightArithmetic<'c> {
    const NAME: &'static str = "stablehlo.shift_right_arithmetic";
    fn wrap(op: Op<'c>) -> Self {
        ShiftRightArithmetic(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ShiftRightArithmetic<'c> {
    pub const NAME: &'static str = "stablehlo.shift_right_arithmetic";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[99]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.shift_right_arithmetic` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> ShiftRightArithmeticBuilder<'r, 'c> {
        ShiftRightArithmeticBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct ShiftRightArithmeticBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ShiftRightArithmeticBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ShiftRightArithmeticBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ShiftRightArithmetic<'c> {
        ShiftRightArithmetic(self.0.create())
    }
}

/// `stablehlo.shift_right_logical`: Element-wise logical right shift (spec: shift_right_logical).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ShiftRightLogical<'c>(Op<'c>);

impl<'c> OpKind<'c> for ShiftRightLogical<'c> {
    const NAME: &'static str = "stablehlo.shift_right_logical";
    fn wrap(op: Op<'c>) -> Self {
        ShiftRightLogical(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ShiftRightLogical<'c> {
    pub const NAME: &'static str = "stablehlo.shift_right_logical";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[100]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.shift_right_logical` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> ShiftRightLogicalBuilder<'r, 'c> {
        ShiftRightLogicalBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct ShiftRightLogicalBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ShiftRightLogicalBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ShiftRightLogicalBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ShiftRightLogical<'c> {
        ShiftRightLogical(self.0.create())
    }
}

/// `stablehlo.sign`: Element-wise sign (spec: sign).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sign<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sign<'c> {
    const NAME: &'static str = "stablehlo.sign";
    fn wrap(op: Op<'c>) -> Self {
        Sign(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sign<'c> {
    pub const NAME: &'static str = "stablehlo.sign";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[101]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.sign` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> SignBuilder<'r, 'c> {
        SignBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct SignBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SignBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SignBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sign<'c> {
        Sign(self.0.create())
    }
}

/// `stablehlo.sine`: Element-wise sine (spec: sine).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sine<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sine<'c> {
    const NAME: &'static str = "stablehlo.sine";
    fn wrap(op: Op<'c>) -> Self {
        Sine(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sine<'c> {
    pub const NAME: &'static str = "stablehlo.sine";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[102]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.sine` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> SineBuilder<'r, 'c> {
        SineBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct SineBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SineBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        SineBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SineBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sine<'c> {
        Sine(self.0.create())
    }
}

/// `stablehlo.slice`: Static strided slice [start_indices, limit_indices) by strides (spec: slice; c1..c5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Slice<'c>(Op<'c>);

impl<'c> OpKind<'c> for Slice<'c> {
    const NAME: &'static str = "stablehlo.slice";
    fn wrap(op: Op<'c>) -> Self {
        Slice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Slice<'c> {
    pub const NAME: &'static str = "stablehlo.slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[103]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn start_indices(self) -> Option<Vec<i64>> {
        self.0.ints_attr("start_indices")
    }
    pub fn limit_indices(self) -> Option<Vec<i64>> {
        self.0.ints_attr("limit_indices")
    }
    pub fn strides(self) -> Option<Vec<i64>> {
        self.0.ints_attr("strides")
    }
    /// Starts a `stablehlo.slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> SliceBuilder<'r, 'c> {
        SliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct SliceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SliceBuilder<'r, 'c> {
    pub fn start_indices(self, v: &[i64]) -> Self {
        SliceBuilder(self.0.ints("start_indices", v))
    }
    pub fn limit_indices(self, v: &[i64]) -> Self {
        SliceBuilder(self.0.ints("limit_indices", v))
    }
    pub fn strides(self, v: &[i64]) -> Self {
        SliceBuilder(self.0.ints("strides", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SliceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Slice<'c> {
        Slice(self.0.create())
    }
}

/// `stablehlo.sort`: Sorts inputs together along dimension by comparator (spec: sort; c1..c4).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sort<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sort<'c> {
    const NAME: &'static str = "stablehlo.sort";
    fn wrap(op: Op<'c>) -> Self {
        Sort(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sort<'c> {
    pub const NAME: &'static str = "stablehlo.sort";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[104]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn inputs(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn dimension(self) -> Option<i64> {
        self.0.int_attr("dimension")
    }
    pub fn is_stable(self) -> Option<bool> {
        self.0.bool_attr("is_stable")
    }
    /// Starts a `stablehlo.sort` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], inputs: &[Value<'c>]) -> SortBuilder<'r, 'c> {
        SortBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(inputs))
    }
}

pub struct SortBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SortBuilder<'r, 'c> {
    pub fn dimension(self, v: i64) -> Self {
        SortBuilder(self.0.int("dimension", v))
    }
    pub fn is_stable(self, v: bool) -> Self {
        SortBuilder(self.0.bool("is_stable", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SortBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sort<'c> {
        Sort(self.0.create())
    }
}

/// `stablehlo.sqrt`: Element-wise square root (spec: sqrt).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sqrt<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sqrt<'c> {
    const NAME: &'static str = "stablehlo.sqrt";
    fn wrap(op: Op<'c>) -> Self {
        Sqrt(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sqrt<'c> {
    pub const NAME: &'static str = "stablehlo.sqrt";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[105]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.sqrt` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> SqrtBuilder<'r, 'c> {
        SqrtBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct SqrtBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SqrtBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        SqrtBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SqrtBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sqrt<'c> {
        Sqrt(self.0.create())
    }
}

/// `stablehlo.subtract`: Element-wise subtraction (spec: subtract).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Subtract<'c>(Op<'c>);

impl<'c> OpKind<'c> for Subtract<'c> {
    const NAME: &'static str = "stablehlo.subtract";
    fn wrap(op: Op<'c>) -> Self {
        Subtract(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Subtract<'c> {
    pub const NAME: &'static str = "stablehlo.subtract";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[106]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.subtract` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> SubtractBuilder<'r, 'c> {
        SubtractBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct SubtractBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SubtractBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SubtractBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Subtract<'c> {
        Subtract(self.0.create())
    }
}

/// `stablehlo.tan`: Element-wise tangent (spec: tan).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Tan<'c>(Op<'c>);

impl<'c> OpKind<'c> for Tan<'c> {
    const NAME: &'static str = "stablehlo.tan";
    fn wrap(op: Op<'c>) -> Self {
        Tan(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Tan<'c> {
    pub const NAME: &'static str = "stablehlo.tan";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[107]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.tan` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> TanBuilder<'r, 'c> {
        TanBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct TanBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TanBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        TanBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TanBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Tan<'c> {
        Tan(self.0.create())
    }
}

/// `stablehlo.tanh`: Element-wise hyperbolic tangent (spec: tanh).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Tanh<'c>(Op<'c>);

impl<'c> OpKind<'c> for Tanh<'c> {
    const NAME: &'static str = "stablehlo.tanh";
    fn wrap(op: Op<'c>) -> Self {
        Tanh(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Tanh<'c> {
    pub const NAME: &'static str = "stablehlo.tanh";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[108]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn result_accuracy(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("result_accuracy")
    }
    /// Starts a `stablehlo.tanh` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> TanhBuilder<'r, 'c> {
        TanhBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct TanhBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TanhBuilder<'r, 'c> {
    pub fn result_accuracy(self, v: Attribute<'c>) -> Self {
        TanhBuilder(self.0.attr("result_accuracy", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TanhBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Tanh<'c> {
        Tanh(self.0.create())
    }
}

/// `stablehlo.torch_index_select`: Not in the spec: torch.index_select along dim; kind checks only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TorchIndexSelect<'c>(Op<'c>);

impl<'c> OpKind<'c> for TorchIndexSelect<'c> {
    const NAME: &'static str = "stablehlo.torch_index_select";
    fn wrap(op: Op<'c>) -> Self {
        TorchIndexSelect(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> TorchIndexSelect<'c> {
    pub const NAME: &'static str = "stablehlo.torch_index_select";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[109]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn index(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dim(self) -> Option<i64> {
        self.0.int_attr("dim")
    }
    pub fn batch_dims(self) -> Option<i64> {
        self.0.int_attr("batch_dims")
    }
    /// Starts a `stablehlo.torch_index_select` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, index: Value<'c>) -> TorchIndexSelectBuilder<'r, 'c> {
        TorchIndexSelectBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(index))
    }
}

pub struct TorchIndexSelectBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TorchIndexSelectBuilder<'r, 'c> {
    pub fn dim(self, v: i64) -> Self {
        TorchIndexSelectBuilder(self.0.int("dim", v))
    }
    pub fn batch_dims(self, v: i64) -> Self {
        TorchIndexSelectBuilder(self.0.int("batch_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TorchIndexSelectBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> TorchIndexSelect<'c> {
        TorchIndexSelect(self.0.create())
    }
}

/// `stablehlo.transpose`: Permutes operand's dimensions (spec: transpose; c2 permutation, c3 shape).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Transpose<'c>(Op<'c>);

impl<'c> OpKind<'c> for Transpose<'c> {
    const NAME: &'static str = "stablehlo.transpose";
    fn wrap(op: Op<'c>) -> Self {
        Transpose(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Transpose<'c> {
    pub const NAME: &'static str = "stablehlo.transpose";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[110]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn permutation(self) -> Option<Vec<i64>> {
        self.0.ints_attr("permutation")
    }
    /// Starts a `stablehlo.transpose` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> TransposeBuilder<'r, 'c> {
        TransposeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct TransposeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TransposeBuilder<'r, 'c> {
    pub fn permutation(self, v: &[i64]) -> Self {
        TransposeBuilder(self.0.ints("permutation", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TransposeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Transpose<'c> {
        Transpose(self.0.create())
    }
}

/// `stablehlo.triangular_solve`: Solves triangular systems a x = b or x a = b (spec: triangular_solve; c1..c4).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TriangularSolve<'c>(Op<'c>);

impl<'c> OpKind<'c> for TriangularSolve<'c> {
    const NAME: &'static str = "stablehlo.triangular_solve";
    fn wrap(op: Op<'c>) -> Self {
        TriangularSolve(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> TriangularSolve<'c> {
    pub const NAME: &'static str = "stablehlo.triangular_solve";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[111]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn a(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn b(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn left_side(self) -> Option<bool> {
        self.0.bool_attr("left_side")
    }
    pub fn lower(self) -> Option<bool> {
        self.0.bool_attr("lower")
    }
    pub fn unit_diagonal(self) -> Option<bool> {
        self.0.bool_attr("unit_diagonal")
    }
    pub fn transpose_a(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("transpose_a")
    }
    /// Starts a `stablehlo.triangular_solve` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], a: Value<'c>, b: Value<'c>) -> TriangularSolveBuilder<'r, 'c> {
        TriangularSolveBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(a).operand(b))
    }
}

pub struct TriangularSolveBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TriangularSolveBuilder<'r, 'c> {
    pub fn left_side(self, v: bool) -> Self {
        TriangularSolveBuilder(self.0.bool("left_side", v))
    }
    pub fn lower(self, v: bool) -> Self {
        TriangularSolveBuilder(self.0.bool("lower", v))
    }
    pub fn unit_diagonal(self, v: bool) -> Self {
        TriangularSolveBuilder(self.0.bool("unit_diagonal", v))
    }
    pub fn transpose_a(self, v: Attribute<'c>) -> Self {
        TriangularSolveBuilder(self.0.attr("transpose_a", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TriangularSolveBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> TriangularSolve<'c> {
        TriangularSolve(self.0.create())
    }
}

/// `stablehlo.tuple`: Packs val into a tuple (spec: tuple; c1 element count).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Tuple<'c>(Op<'c>);

impl<'c> OpKind<'c> for Tuple<'c> {
    const NAME: &'static str = "stablehlo.tuple";
    fn wrap(op: Op<'c>) -> Self {
        Tuple(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Tuple<'c> {
    pub const NAME: &'static str = "stablehlo.tuple";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[112]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn val(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.tuple` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], val: &[Value<'c>]) -> TupleBuilder<'r, 'c> {
        TupleBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(val))
    }
}

pub struct TupleBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TupleBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TupleBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Tuple<'c> {
        Tuple(self.0.create())
    }
}

/// `stablehlo.unary_einsum`: Not in the spec: einsum of one operand by einsum_config; kind checks only.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnaryEinsum<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnaryEinsum<'c> {
    const NAME: &'static str = "stablehlo.unary_einsum";
    fn wrap(op: Op<'c>) -> Self {
        UnaryEinsum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnaryEinsum<'c> {
    pub const NAME: &'static str = "stablehlo.unary_einsum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[113]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn einsum_config(self) -> Option<String> {
        self.0.str_attr("einsum_config")
    }
    /// Starts a `stablehlo.unary_einsum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> UnaryEinsumBuilder<'r, 'c> {
        UnaryEinsumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct UnaryEinsumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnaryEinsumBuilder<'r, 'c> {
    pub fn einsum_config(self, v: &str) -> Self {
        UnaryEinsumBuilder(self.0.string("einsum_config", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnaryEinsumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnaryEinsum<'c> {
        UnaryEinsum(self.0.create())
    }
}

/// `stablehlo.uniform_dequantize`: Element-wise dequantization to the expressed type (spec: uniform_dequantize; c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UniformDequantize<'c>(Op<'c>);

impl<'c> OpKind<'c> for UniformDequantize<'c> {
    const NAME: &'static str = "stablehlo.uniform_dequantize";
    fn wrap(op: Op<'c>) -> Self {
        UniformDequantize(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UniformDequantize<'c> {
    pub const NAME: &'static str = "stablehlo.uniform_dequantize";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[114]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.uniform_dequantize` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> UniformDequantizeBuilder<'r, 'c> {
        UniformDequantizeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct UniformDequantizeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UniformDequantizeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UniformDequantizeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UniformDequantize<'c> {
        UniformDequantize(self.0.create())
    }
}

/// `stablehlo.uniform_quantize`: Element-wise (re)quantization to the result's quantized type (spec: uniform_quantize; c1, c2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UniformQuantize<'c>(Op<'c>);

impl<'c> OpKind<'c> for UniformQuantize<'c> {
    const NAME: &'static str = "stablehlo.uniform_quantize";
    fn wrap(op: Op<'c>) -> Self {
        UniformQuantize(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UniformQuantize<'c> {
    pub const NAME: &'static str = "stablehlo.uniform_quantize";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[115]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.uniform_quantize` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>) -> UniformQuantizeBuilder<'r, 'c> {
        UniformQuantizeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand))
    }
}

pub struct UniformQuantizeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UniformQuantizeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UniformQuantizeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UniformQuantize<'c> {
        UniformQuantize(self.0.create())
    }
}

/// `stablehlo.while`: Runs body while cond holds (spec: while; c3: result types = operand types; cond/body signatures unchecked).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct While<'c>(Op<'c>);

impl<'c> OpKind<'c> for While<'c> {
    const NAME: &'static str = "stablehlo.while";
    fn wrap(op: Op<'c>) -> Self {
        While(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> While<'c> {
    pub const NAME: &'static str = "stablehlo.while";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[116]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn results(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    /// Starts a `stablehlo.while` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: &[Value<'c>]) -> WhileBuilder<'r, 'c> {
        WhileBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(operand))
    }
}

pub struct WhileBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> WhileBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        WhileBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> While<'c> {
        While(self.0.create())
    }
}

/// `stablehlo.xor`: Element-wise logical/bitwise XOR (spec: xor); xor_c1: one type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Xor<'c>(Op<'c>);

impl<'c> OpKind<'c> for Xor<'c> {
    const NAME: &'static str = "stablehlo.xor";
    fn wrap(op: Op<'c>) -> Self {
        Xor(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Xor<'c> {
    pub const NAME: &'static str = "stablehlo.xor";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[117]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lhs(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn rhs(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `stablehlo.xor` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> XorBuilder<'r, 'c> {
        XorBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct XorBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> XorBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        XorBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Xor<'c> {
        Xor(self.0.create())
    }
}


//! Typed views of the `tfl` ops, generated from the catalog in `ops.rs` by
//! `UPDATE_VIEWS=1 cargo test -p edge-dialects views_are_current`. Do not edit.
#![allow(clippy::all)]

use crate::catalog::OpDef;
use crate::mlir::views::OpBuilder;
use crate::mlir::{slot_range, Attribute, Op, OpKind, Rewriter, Type, Value};

/// `tfl.abs`: Element-wise absolute value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Abs<'c>(Op<'c>);

impl<'c> OpKind<'c> for Abs<'c> {
    const NAME: &'static str = "tfl.abs";
    fn wrap(op: Op<'c>) -> Self {
        Abs(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Abs<'c> {
    pub const NAME: &'static str = "tfl.abs";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[0]
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
    /// Starts a `tfl.abs` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> AbsBuilder<'r, 'c> {
        AbsBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
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

/// `tfl.add`: Element-wise addition with broadcasting and a fused activation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Add<'c>(Op<'c>);

impl<'c> OpKind<'c> for Add<'c> {
    const NAME: &'static str = "tfl.add";
    fn wrap(op: Op<'c>) -> Self {
        Add(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Add<'c> {
    pub const NAME: &'static str = "tfl.add";
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    /// Starts a `tfl.add` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> AddBuilder<'r, 'c> {
        AddBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct AddBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AddBuilder<'r, 'c> {
    pub fn fused_activation_function(self, v: &str) -> Self {
        AddBuilder(self.0.string("fused_activation_function", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AddBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Add<'c> {
        Add(self.0.create())
    }
}

/// `tfl.arg_max`: Index of the largest value along the axis `dim`; the result drops that dim.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ArgMax<'c>(Op<'c>);

impl<'c> OpKind<'c> for ArgMax<'c> {
    const NAME: &'static str = "tfl.arg_max";
    fn wrap(op: Op<'c>) -> Self {
        ArgMax(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ArgMax<'c> {
    pub const NAME: &'static str = "tfl.arg_max";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[2]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn dim(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.arg_max` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, dim: Value<'c>) -> ArgMaxBuilder<'r, 'c> {
        ArgMaxBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(dim))
    }
}

pub struct ArgMaxBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ArgMaxBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ArgMaxBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ArgMax<'c> {
        ArgMax(self.0.create())
    }
}

/// `tfl.atan2`: Element-wise arc tangent of y / x in the quadrant of (x, y).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Atan2<'c>(Op<'c>);

impl<'c> OpKind<'c> for Atan2<'c> {
    const NAME: &'static str = "tfl.atan2";
    fn wrap(op: Op<'c>) -> Self {
        Atan2(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Atan2<'c> {
    pub const NAME: &'static str = "tfl.atan2";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[3]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn y(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn x(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.atan2` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], y: Value<'c>, x: Value<'c>) -> Atan2Builder<'r, 'c> {
        Atan2Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(y).operand(x))
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

/// `tfl.average_pool_2d`: 2-D average pooling over NHWC input; SAME or VALID padding.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AveragePool2d<'c>(Op<'c>);

impl<'c> OpKind<'c> for AveragePool2d<'c> {
    const NAME: &'static str = "tfl.average_pool_2d";
    fn wrap(op: Op<'c>) -> Self {
        AveragePool2d(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> AveragePool2d<'c> {
    pub const NAME: &'static str = "tfl.average_pool_2d";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[4]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn filter_height(self) -> Option<i64> {
        self.0.int_attr("filter_height")
    }
    pub fn filter_width(self) -> Option<i64> {
        self.0.int_attr("filter_width")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn padding(self) -> Option<String> {
        self.0.str_attr("padding")
    }
    pub fn stride_h(self) -> Option<i64> {
        self.0.int_attr("stride_h")
    }
    pub fn stride_w(self) -> Option<i64> {
        self.0.int_attr("stride_w")
    }
    /// Starts a `tfl.average_pool_2d` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> AveragePool2dBuilder<'r, 'c> {
        AveragePool2dBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct AveragePool2dBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> AveragePool2dBuilder<'r, 'c> {
    pub fn filter_height(self, v: i64) -> Self {
        AveragePool2dBuilder(self.0.int("filter_height", v))
    }
    pub fn filter_width(self, v: i64) -> Self {
        AveragePool2dBuilder(self.0.int("filter_width", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        AveragePool2dBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn padding(self, v: &str) -> Self {
        AveragePool2dBuilder(self.0.string("padding", v))
    }
    pub fn stride_h(self, v: i64) -> Self {
        AveragePool2dBuilder(self.0.int("stride_h", v))
    }
    pub fn stride_w(self, v: i64) -> Self {
        AveragePool2dBuilder(self.0.int("stride_w", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        AveragePool2dBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> AveragePool2d<'c> {
        AveragePool2d(self.0.create())
    }
}

/// `tfl.batch_matmul`: Batched matrix product x [..., M, K] * y [..., K, N] with broadcast batch dims.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BatchMatmul<'c>(Op<'c>);

impl<'c> OpKind<'c> for BatchMatmul<'c> {
    const NAME: &'static str = "tfl.batch_matmul";
    fn wrap(op: Op<'c>) -> Self {
        BatchMatmul(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BatchMatmul<'c> {
    pub const NAME: &'static str = "tfl.batch_matmul";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[5]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn x(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn y(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn adj_x(self) -> Option<bool> {
        self.0.bool_attr("adj_x")
    }
    pub fn adj_y(self) -> Option<bool> {
        self.0.bool_attr("adj_y")
    }
    pub fn asymmetric_quantize_inputs(self) -> Option<bool> {
        self.0.bool_attr("asymmetric_quantize_inputs")
    }
    /// Starts a `tfl.batch_matmul` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>, y: Value<'c>) -> BatchMatmulBuilder<'r, 'c> {
        BatchMatmulBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x).operand(y))
    }
}

pub struct BatchMatmulBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BatchMatmulBuilder<'r, 'c> {
    pub fn adj_x(self, v: bool) -> Self {
        BatchMatmulBuilder(self.0.bool("adj_x", v))
    }
    pub fn adj_y(self, v: bool) -> Self {
        BatchMatmulBuilder(self.0.bool("adj_y", v))
    }
    pub fn asymmetric_quantize_inputs(self, v: bool) -> Self {
        BatchMatmulBuilder(self.0.bool("asymmetric_quantize_inputs", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BatchMatmulBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BatchMatmul<'c> {
        BatchMatmul(self.0.create())
    }
}

/// `tfl.bidirectional_sequence_lstm`: A bidirectional LSTM layer over a whole sequence: a forward and a backward LSTM (operands as unidirectional_sequence_lstm's, twice), outputs merged on the last dim; state operands 35-38 are variable tensors.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BidirectionalSequenceLstm<'c>(Op<'c>);

impl<'c> OpKind<'c> for BidirectionalSequenceLstm<'c> {
    const NAME: &'static str = "tfl.bidirectional_sequence_lstm";
    fn wrap(op: Op<'c>) -> Self {
        BidirectionalSequenceLstm(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BidirectionalSequenceLstm<'c> {
    pub const NAME: &'static str = "tfl.bidirectional_sequence_lstm";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[6]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn fw_input_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(1)
    }
    pub fn fw_input_to_forget_weights(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn fw_input_to_cell_weights(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn fw_input_to_output_weights(self) -> Value<'c> {
        self.0.operand(4)
    }
    pub fn fw_recurrent_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(5)
    }
    pub fn fw_recurrent_to_forget_weights(self) -> Value<'c> {
        self.0.operand(6)
    }
    pub fn fw_recurrent_to_cell_weights(self) -> Value<'c> {
        self.0.operand(7)
    }
    pub fn fw_recurrent_to_output_weights(self) -> Value<'c> {
        self.0.operand(8)
    }
    pub fn fw_cell_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(9)
    }
    pub fn fw_cell_to_forget_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(10)
    }
    pub fn fw_cell_to_output_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(11)
    }
    pub fn fw_input_gate_bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(12)
    }
    pub fn fw_forget_gate_bias(self) -> Value<'c> {
        self.0.operand(13)
    }
    pub fn fw_cell_bias(self) -> Value<'c> {
        self.0.operand(14)
    }
    pub fn fw_output_gate_bias(self) -> Value<'c> {
        self.0.operand(15)
    }
    pub fn fw_projection_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(16)
    }
    pub fn fw_projection_bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(17)
    }
    pub fn bw_input_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(18)
    }
    pub fn bw_input_to_forget_weights(self) -> Value<'c> {
        self.0.operand(19)
    }
    pub fn bw_input_to_cell_weights(self) -> Value<'c> {
        self.0.operand(20)
    }
    pub fn bw_input_to_output_weights(self) -> Value<'c> {
        self.0.operand(21)
    }
    pub fn bw_recurrent_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(22)
    }
    pub fn bw_recurrent_to_forget_weights(self) -> Value<'c> {
        self.0.operand(23)
    }
    pub fn bw_recurrent_to_cell_weights(self) -> Value<'c> {
        self.0.operand(24)
    }
    pub fn bw_recurrent_to_output_weights(self) -> Value<'c> {
        self.0.operand(25)
    }
    pub fn bw_cell_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(26)
    }
    pub fn bw_cell_to_forget_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(27)
    }
    pub fn bw_cell_to_output_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(28)
    }
    pub fn bw_input_gate_bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(29)
    }
    pub fn bw_forget_gate_bias(self) -> Value<'c> {
        self.0.operand(30)
    }
    pub fn bw_cell_bias(self) -> Value<'c> {
        self.0.operand(31)
    }
    pub fn bw_output_gate_bias(self) -> Value<'c> {
        self.0.operand(32)
    }
    pub fn bw_projection_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(33)
    }
    pub fn bw_projection_bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(34)
    }
    pub fn fw_input_activation_state(self) -> Value<'c> {
        self.0.operand(35)
    }
    pub fn fw_input_cell_state(self) -> Value<'c> {
        self.0.operand(36)
    }
    pub fn bw_input_activation_state(self) -> Value<'c> {
        self.0.operand(37)
    }
    pub fn bw_input_cell_state(self) -> Value<'c> {
        self.0.operand(38)
    }
    pub fn aux_input(self) -> Option<Value<'c>> {
        self.0.optional_operand(39)
    }
    pub fn fw_aux_input_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(40)
    }
    pub fn fw_aux_input_to_forget_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(41)
    }
    pub fn fw_aux_input_to_cell_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(42)
    }
    pub fn fw_aux_input_to_output_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(43)
    }
    pub fn bw_aux_input_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(44)
    }
    pub fn bw_aux_input_to_forget_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(45)
    }
    pub fn bw_aux_input_to_cell_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(46)
    }
    pub fn bw_aux_input_to_output_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(47)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn asymmetric_quantize_inputs(self) -> Option<bool> {
        self.0.bool_attr("asymmetric_quantize_inputs")
    }
    pub fn cell_clip(self) -> Option<f64> {
        self.0.float_attr("cell_clip")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn merge_outputs(self) -> Option<bool> {
        self.0.bool_attr("merge_outputs")
    }
    pub fn proj_clip(self) -> Option<f64> {
        self.0.float_attr("proj_clip")
    }
    pub fn time_major(self) -> Option<bool> {
        self.0.bool_attr("time_major")
    }
    /// Starts a `tfl.bidirectional_sequence_lstm` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, fw_input_to_input_weights: Value<'c>, fw_input_to_forget_weights: Value<'c>, fw_input_to_cell_weights: Value<'c>, fw_input_to_output_weights: Value<'c>, fw_recurrent_to_input_weights: Value<'c>, fw_recurrent_to_forget_weights: Value<'c>, fw_recurrent_to_cell_weights: Value<'c>, fw_recurrent_to_output_weights: Value<'c>, fw_cell_to_input_weights: Value<'c>, fw_cell_to_forget_weights: Value<'c>, fw_cell_to_output_weights: Value<'c>, fw_input_gate_bias: Value<'c>, fw_forget_gate_bias: Value<'c>, fw_cell_bias: Value<'c>, fw_output_gate_bias: Value<'c>, fw_projection_weights: Value<'c>, fw_projection_bias: Value<'c>, bw_input_to_input_weights: Value<'c>, bw_input_to_forget_weights: Value<'c>, bw_input_to_cell_weights: Value<'c>, bw_input_to_output_weights: Value<'c>, bw_recurrent_to_input_weights: Value<'c>, bw_recurrent_to_forget_weights: Value<'c>, bw_recurrent_to_cell_weights: Value<'c>, bw_recurrent_to_output_weights: Value<'c>, bw_cell_to_input_weights: Value<'c>, bw_cell_to_forget_weights: Value<'c>, bw_cell_to_output_weights: Value<'c>, bw_input_gate_bias: Value<'c>, bw_forget_gate_bias: Value<'c>, bw_cell_bias: Value<'c>, bw_output_gate_bias: Value<'c>, bw_projection_weights: Value<'c>, bw_projection_bias: Value<'c>, fw_input_activation_state: Value<'c>, fw_input_cell_state: Value<'c>, bw_input_activation_state: Value<'c>, bw_input_cell_state: Value<'c>, aux_input: Value<'c>, fw_aux_input_to_input_weights: Value<'c>, fw_aux_input_to_forget_weights: Value<'c>, fw_aux_input_to_cell_weights: Value<'c>, fw_aux_input_to_output_weights: Value<'c>, bw_aux_input_to_input_weights: Value<'c>, bw_aux_input_to_forget_weights: Value<'c>, bw_aux_input_to_cell_weights: Value<'c>, bw_aux_input_to_output_weights: Value<'c>) -> BidirectionalSequenceLstmBuilder<'r, 'c> {
        BidirectionalSequenceLstmBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(fw_input_to_input_weights).operand(fw_input_to_forget_weights).operand(fw_input_to_cell_weights).operand(fw_input_to_output_weights).operand(fw_recurrent_to_input_weights).operand(fw_recurrent_to_forget_weights).operand(fw_recurrent_to_cell_weights).operand(fw_recurrent_to_output_weights).operand(fw_cell_to_input_weights).operand(fw_cell_to_forget_weights).operand(fw_cell_to_output_weights).operand(fw_input_gate_bias).operand(fw_forget_gate_bias).operand(fw_cell_bias).operand(fw_output_gate_bias).operand(fw_projection_weights).operand(fw_projection_bias).operand(bw_input_to_input_weights).operand(bw_input_to_forget_weights).operand(bw_input_to_cell_weights).operand(bw_input_to_output_weights).operand(bw_recurrent_to_input_weights).operand(bw_recurrent_to_forget_weights).operand(bw_recurrent_to_cell_weights).operand(bw_recurrent_to_output_weights).operand(bw_cell_to_input_weights).operand(bw_cell_to_forget_weights).operand(bw_cell_to_output_weights).operand(bw_input_gate_bias).operand(bw_forget_gate_bias).operand(bw_cell_bias).operand(bw_output_gate_bias).operand(bw_projection_weights).operand(bw_projection_bias).operand(fw_input_activation_state).operand(fw_input_cell_state).operand(bw_input_activation_state).operand(bw_input_cell_state).operand(aux_input).operand(fw_aux_input_to_input_weights).operand(fw_aux_input_to_forget_weights).operand(fw_aux_input_to_cell_weights).operand(fw_aux_input_to_output_weights).operand(bw_aux_input_to_input_weights).operand(bw_aux_input_to_forget_weights).operand(bw_aux_input_to_cell_weights).operand(bw_aux_input_to_output_weights))
    }
}

pub struct BidirectionalSequenceLstmBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BidirectionalSequenceLstmBuilder<'r, 'c> {
    pub fn asymmetric_quantize_inputs(self, v: bool) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.bool("asymmetric_quantize_inputs", v))
    }
    pub fn cell_clip(self, v: f64) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.float("cell_clip", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn merge_outputs(self, v: bool) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.bool("merge_outputs", v))
    }
    pub fn proj_clip(self, v: f64) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.float("proj_clip", v))
    }
    pub fn time_major(self, v: bool) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.bool("time_major", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BidirectionalSequenceLstmBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BidirectionalSequenceLstm<'c> {
        BidirectionalSequenceLstm(self.0.create())
    }
}

/// `tfl.bitcast`: The input's bytes read as another element type: same width keeps the shape; a narrower type adds a last dim of width ratio, a wider one drops it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Bitcast<'c>(Op<'c>);

impl<'c> OpKind<'c> for Bitcast<'c> {
    const NAME: &'static str = "tfl.bitcast";
    fn wrap(op: Op<'c>) -> Self {
        Bitcast(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Bitcast<'c> {
    pub const NAME: &'static str = "tfl.bitcast";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[7]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.bitcast` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> BitcastBuilder<'r, 'c> {
        BitcastBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct BitcastBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BitcastBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BitcastBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Bitcast<'c> {
        Bitcast(self.0.create())
    }
}

/// `tfl.bitwise_xor`: Element-wise bitwise exclusive or of 8-, 16- or 32-bit integers, with broadcasting (rank 4 at most).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BitwiseXor<'c>(Op<'c>);

impl<'c> OpKind<'c> for BitwiseXor<'c> {
    const NAME: &'static str = "tfl.bitwise_xor";
    fn wrap(op: Op<'c>) -> Self {
        BitwiseXor(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BitwiseXor<'c> {
    pub const NAME: &'static str = "tfl.bitwise_xor";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[8]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.bitwise_xor` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> BitwiseXorBuilder<'r, 'c> {
        BitwiseXorBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct BitwiseXorBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BitwiseXorBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BitwiseXorBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BitwiseXor<'c> {
        BitwiseXor(self.0.create())
    }
}

/// `tfl.broadcast_to`: Broadcasts the input to `shape` (NumPy rules).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BroadcastTo<'c>(Op<'c>);

impl<'c> OpKind<'c> for BroadcastTo<'c> {
    const NAME: &'static str = "tfl.broadcast_to";
    fn wrap(op: Op<'c>) -> Self {
        BroadcastTo(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> BroadcastTo<'c> {
    pub const NAME: &'static str = "tfl.broadcast_to";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[9]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn shape(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.broadcast_to` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, shape: Value<'c>) -> BroadcastToBuilder<'r, 'c> {
        BroadcastToBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(shape))
    }
}

pub struct BroadcastToBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> BroadcastToBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        BroadcastToBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> BroadcastTo<'c> {
        BroadcastTo(self.0.create())
    }
}

/// `tfl.cast`: Element-wise type conversion; the result type gives the target type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cast<'c>(Op<'c>);

impl<'c> OpKind<'c> for Cast<'c> {
    const NAME: &'static str = "tfl.cast";
    fn wrap(op: Op<'c>) -> Self {
        Cast(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Cast<'c> {
    pub const NAME: &'static str = "tfl.cast";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[10]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.cast` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> CastBuilder<'r, 'c> {
        CastBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct CastBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CastBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CastBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Cast<'c> {
        Cast(self.0.create())
    }
}

/// `tfl.ceil`: Element-wise ceiling.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Ceil<'c>(Op<'c>);

impl<'c> OpKind<'c> for Ceil<'c> {
    const NAME: &'static str = "tfl.ceil";
    fn wrap(op: Op<'c>) -> Self {
        Ceil(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Ceil<'c> {
    pub const NAME: &'static str = "tfl.ceil";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[11]
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
    /// Starts a `tfl.ceil` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> CeilBuilder<'r, 'c> {
        CeilBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
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

/// `tfl.concatenation`: Concatenates values along `axis`; the other dims agree.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Concatenation<'c>(Op<'c>);

impl<'c> OpKind<'c> for Concatenation<'c> {
    const NAME: &'static str = "tfl.concatenation";
    fn wrap(op: Op<'c>) -> Self {
        Concatenation(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Concatenation<'c> {
    pub const NAME: &'static str = "tfl.concatenation";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[12]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn values(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn axis(self) -> Option<i64> {
        self.0.int_attr("axis")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    /// Starts a `tfl.concatenation` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], values: &[Value<'c>]) -> ConcatenationBuilder<'r, 'c> {
        ConcatenationBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(values))
    }
}

pub struct ConcatenationBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ConcatenationBuilder<'r, 'c> {
    pub fn axis(self, v: i64) -> Self {
        ConcatenationBuilder(self.0.int("axis", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        ConcatenationBuilder(self.0.string("fused_activation_function", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ConcatenationBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Concatenation<'c> {
        Concatenation(self.0.create())
    }
}

/// `tfl.conv_2d`: 2-D convolution: input NHWC, filter OHWI, bias [O]; SAME or VALID padding.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Conv2d<'c>(Op<'c>);

impl<'c> OpKind<'c> for Conv2d<'c> {
    const NAME: &'static str = "tfl.conv_2d";
    fn wrap(op: Op<'c>) -> Self {
        Conv2d(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Conv2d<'c> {
    pub const NAME: &'static str = "tfl.conv_2d";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[13]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn filter(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn dilation_h_factor(self) -> Option<i64> {
        self.0.int_attr("dilation_h_factor")
    }
    pub fn dilation_w_factor(self) -> Option<i64> {
        self.0.int_attr("dilation_w_factor")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn padding(self) -> Option<String> {
        self.0.str_attr("padding")
    }
    pub fn stride_h(self) -> Option<i64> {
        self.0.int_attr("stride_h")
    }
    pub fn stride_w(self) -> Option<i64> {
        self.0.int_attr("stride_w")
    }
    /// Starts a `tfl.conv_2d` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, filter: Value<'c>, bias: Value<'c>) -> Conv2dBuilder<'r, 'c> {
        Conv2dBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(filter).operand(bias))
    }
}

pub struct Conv2dBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> Conv2dBuilder<'r, 'c> {
    pub fn dilation_h_factor(self, v: i64) -> Self {
        Conv2dBuilder(self.0.int("dilation_h_factor", v))
    }
    pub fn dilation_w_factor(self, v: i64) -> Self {
        Conv2dBuilder(self.0.int("dilation_w_factor", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        Conv2dBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn padding(self, v: &str) -> Self {
        Conv2dBuilder(self.0.string("padding", v))
    }
    pub fn stride_h(self, v: i64) -> Self {
        Conv2dBuilder(self.0.int("stride_h", v))
    }
    pub fn stride_w(self, v: i64) -> Self {
        Conv2dBuilder(self.0.int("stride_w", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        Conv2dBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Conv2d<'c> {
        Conv2d(self.0.create())
    }
}

/// `tfl.cos`: Element-wise cosine.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cos<'c>(Op<'c>);

impl<'c> OpKind<'c> for Cos<'c> {
    const NAME: &'static str = "tfl.cos";
    fn wrap(op: Op<'c>) -> Self {
        Cos(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Cos<'c> {
    pub const NAME: &'static str = "tfl.cos";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[14]
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
    /// Starts a `tfl.cos` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> CosBuilder<'r, 'c> {
        CosBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct CosBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CosBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CosBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Cos<'c> {
        Cos(self.0.create())
    }
}

/// `tfl.cumsum`: Cumulative sum along a scalar `axis`, optionally exclusive or reversed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cumsum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Cumsum<'c> {
    const NAME: &'static str = "tfl.cumsum";
    fn wrap(op: Op<'c>) -> Self {
        Cumsum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Cumsum<'c> {
    pub const NAME: &'static str = "tfl.cumsum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[15]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axis(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn exclusive(self) -> Option<bool> {
        self.0.bool_attr("exclusive")
    }
    pub fn reverse(self) -> Option<bool> {
        self.0.bool_attr("reverse")
    }
    /// Starts a `tfl.cumsum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axis: Value<'c>) -> CumsumBuilder<'r, 'c> {
        CumsumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axis))
    }
}

pub struct CumsumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> CumsumBuilder<'r, 'c> {
    pub fn exclusive(self, v: bool) -> Self {
        CumsumBuilder(self.0.bool("exclusive", v))
    }
    pub fn reverse(self, v: bool) -> Self {
        CumsumBuilder(self.0.bool("reverse", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        CumsumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Cumsum<'c> {
        Cumsum(self.0.create())
    }
}

/// `tfl.depthwise_conv_2d`: Depthwise 2-D convolution: input NHWC, filter [1, H, W, C * depth_multiplier].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DepthwiseConv2d<'c>(Op<'c>);

impl<'c> OpKind<'c> for DepthwiseConv2d<'c> {
    const NAME: &'static str = "tfl.depthwise_conv_2d";
    fn wrap(op: Op<'c>) -> Self {
        DepthwiseConv2d(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DepthwiseConv2d<'c> {
    pub const NAME: &'static str = "tfl.depthwise_conv_2d";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[16]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn filter(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn depth_multiplier(self) -> Option<i64> {
        self.0.int_attr("depth_multiplier")
    }
    pub fn dilation_h_factor(self) -> Option<i64> {
        self.0.int_attr("dilation_h_factor")
    }
    pub fn dilation_w_factor(self) -> Option<i64> {
        self.0.int_attr("dilation_w_factor")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn padding(self) -> Option<String> {
        self.0.str_attr("padding")
    }
    pub fn stride_h(self) -> Option<i64> {
        self.0.int_attr("stride_h")
    }
    pub fn stride_w(self) -> Option<i64> {
        self.0.int_attr("stride_w")
    }
    /// Starts a `tfl.depthwise_conv_2d` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, filter: Value<'c>, bias: Value<'c>) -> DepthwiseConv2dBuilder<'r, 'c> {
        DepthwiseConv2dBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(filter).operand(bias))
    }
}

pub struct DepthwiseConv2dBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DepthwiseConv2dBuilder<'r, 'c> {
    pub fn depth_multiplier(self, v: i64) -> Self {
        DepthwiseConv2dBuilder(self.0.int("depth_multiplier", v))
    }
    pub fn dilation_h_factor(self, v: i64) -> Self {
        DepthwiseConv2dBuilder(self.0.int("dilation_h_factor", v))
    }
    pub fn dilation_w_factor(self, v: i64) -> Self {
        DepthwiseConv2dBuilder(self.0.int("dilation_w_factor", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        DepthwiseConv2dBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn padding(self, v: &str) -> Self {
        DepthwiseConv2dBuilder(self.0.string("padding", v))
    }
    pub fn stride_h(self, v: i64) -> Self {
        DepthwiseConv2dBuilder(self.0.int("stride_h", v))
    }
    pub fn stride_w(self, v: i64) -> Self {
        DepthwiseConv2dBuilder(self.0.int("stride_w", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DepthwiseConv2dBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> DepthwiseConv2d<'c> {
        DepthwiseConv2d(self.0.create())
    }
}

/// `tfl.dequantize`: Converts quantized (or f16) values to f32 with the input's quantization parameters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Dequantize<'c>(Op<'c>);

impl<'c> OpKind<'c> for Dequantize<'c> {
    const NAME: &'static str = "tfl.dequantize";
    fn wrap(op: Op<'c>) -> Self {
        Dequantize(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Dequantize<'c> {
    pub const NAME: &'static str = "tfl.dequantize";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[17]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.dequantize` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> DequantizeBuilder<'r, 'c> {
        DequantizeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct DequantizeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DequantizeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DequantizeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Dequantize<'c> {
        Dequantize(self.0.create())
    }
}

/// `tfl.div`: Element-wise division with broadcasting and a fused activation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Div<'c>(Op<'c>);

impl<'c> OpKind<'c> for Div<'c> {
    const NAME: &'static str = "tfl.div";
    fn wrap(op: Op<'c>) -> Self {
        Div(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Div<'c> {
    pub const NAME: &'static str = "tfl.div";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[18]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    /// Starts a `tfl.div` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> DivBuilder<'r, 'c> {
        DivBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct DivBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> DivBuilder<'r, 'c> {
    pub fn fused_activation_function(self, v: &str) -> Self {
        DivBuilder(self.0.string("fused_activation_function", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        DivBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Div<'c> {
        Div(self.0.create())
    }
}

/// `tfl.dynamic_update_slice`: `operand` with `update` written at `start_indices` (clamped so the block fits); types checked in LiteRT 2.3.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DynamicUpdateSlice<'c>(Op<'c>);

impl<'c> OpKind<'c> for DynamicUpdateSlice<'c> {
    const NAME: &'static str = "tfl.dynamic_update_slice";
    fn wrap(op: Op<'c>) -> Self {
        DynamicUpdateSlice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> DynamicUpdateSlice<'c> {
    pub const NAME: &'static str = "tfl.dynamic_update_slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[19]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn operand_operand(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn update(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn start_indices(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.dynamic_update_slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], operand: Value<'c>, update: Value<'c>, start_indices: Value<'c>) -> DynamicUpdateSliceBuilder<'r, 'c> {
        DynamicUpdateSliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(operand).operand(update).operand(start_indices))
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

/// `tfl.embedding_lookup`: Rows of `value` [V, ...] selected by the ids in `lookup` [N]; hybrid tables give f32.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct EmbeddingLookup<'c>(Op<'c>);

impl<'c> OpKind<'c> for EmbeddingLookup<'c> {
    const NAME: &'static str = "tfl.embedding_lookup";
    fn wrap(op: Op<'c>) -> Self {
        EmbeddingLookup(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> EmbeddingLookup<'c> {
    pub const NAME: &'static str = "tfl.embedding_lookup";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[20]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn lookup(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn value(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.embedding_lookup` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lookup: Value<'c>, value: Value<'c>) -> EmbeddingLookupBuilder<'r, 'c> {
        EmbeddingLookupBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lookup).operand(value))
    }
}

pub struct EmbeddingLookupBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> EmbeddingLookupBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        EmbeddingLookupBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> EmbeddingLookup<'c> {
        EmbeddingLookup(self.0.create())
    }
}

/// `tfl.equal`: Element-wise x == y with broadcasting; i1 result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Equal<'c>(Op<'c>);

impl<'c> OpKind<'c> for Equal<'c> {
    const NAME: &'static str = "tfl.equal";
    fn wrap(op: Op<'c>) -> Self {
        Equal(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Equal<'c> {
    pub const NAME: &'static str = "tfl.equal";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[21]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn x(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn y(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.equal` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>, y: Value<'c>) -> EqualBuilder<'r, 'c> {
        EqualBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x).operand(y))
    }
}

pub struct EqualBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> EqualBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        EqualBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Equal<'c> {
        Equal(self.0.create())
    }
}

/// `tfl.exp`: Element-wise natural exponential.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Exp<'c>(Op<'c>);

impl<'c> OpKind<'c> for Exp<'c> {
    const NAME: &'static str = "tfl.exp";
    fn wrap(op: Op<'c>) -> Self {
        Exp(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Exp<'c> {
    pub const NAME: &'static str = "tfl.exp";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[22]
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
    /// Starts a `tfl.exp` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> ExpBuilder<'r, 'c> {
        ExpBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct ExpBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ExpBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ExpBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Exp<'c> {
        Exp(self.0.create())
    }
}

/// `tfl.expand_dims`: Inserts a dim of size 1 at index `dim` (in [-rank - 1, rank]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ExpandDims<'c>(Op<'c>);

impl<'c> OpKind<'c> for ExpandDims<'c> {
    const NAME: &'static str = "tfl.expand_dims";
    fn wrap(op: Op<'c>) -> Self {
        ExpandDims(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ExpandDims<'c> {
    pub const NAME: &'static str = "tfl.expand_dims";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[23]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn dim(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.expand_dims` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, dim: Value<'c>) -> ExpandDimsBuilder<'r, 'c> {
        ExpandDimsBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(dim))
    }
}

pub struct ExpandDimsBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ExpandDimsBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ExpandDimsBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ExpandDims<'c> {
        ExpandDims(self.0.create())
    }
}

/// `tfl.floor`: Element-wise floor.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Floor<'c>(Op<'c>);

impl<'c> OpKind<'c> for Floor<'c> {
    const NAME: &'static str = "tfl.floor";
    fn wrap(op: Op<'c>) -> Self {
        Floor(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Floor<'c> {
    pub const NAME: &'static str = "tfl.floor";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[24]
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
    /// Starts a `tfl.floor` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> FloorBuilder<'r, 'c> {
        FloorBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
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

/// `tfl.floor_div`: Element-wise division rounded toward negative infinity (floor(x / y) for floats), with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FloorDiv<'c>(Op<'c>);

impl<'c> OpKind<'c> for FloorDiv<'c> {
    const NAME: &'static str = "tfl.floor_div";
    fn wrap(op: Op<'c>) -> Self {
        FloorDiv(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> FloorDiv<'c> {
    pub const NAME: &'static str = "tfl.floor_div";
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.floor_div` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> FloorDivBuilder<'r, 'c> {
        FloorDivBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct FloorDivBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> FloorDivBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        FloorDivBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> FloorDiv<'c> {
        FloorDiv(self.0.create())
    }
}

/// `tfl.floor_mod`: Element-wise remainder of floored division (the result takes the divisor's sign).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FloorMod<'c>(Op<'c>);

impl<'c> OpKind<'c> for FloorMod<'c> {
    const NAME: &'static str = "tfl.floor_mod";
    fn wrap(op: Op<'c>) -> Self {
        FloorMod(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> FloorMod<'c> {
    pub const NAME: &'static str = "tfl.floor_mod";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[26]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.floor_mod` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> FloorModBuilder<'r, 'c> {
        FloorModBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct FloorModBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> FloorModBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        FloorModBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> FloorMod<'c> {
        FloorMod(self.0.create())
    }
}

/// `tfl.fully_connected`: Dense layer: rows of I input elements times filter [O, I]^T plus bias [O].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FullyConnected<'c>(Op<'c>);

impl<'c> OpKind<'c> for FullyConnected<'c> {
    const NAME: &'static str = "tfl.fully_connected";
    fn wrap(op: Op<'c>) -> Self {
        FullyConnected(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> FullyConnected<'c> {
    pub const NAME: &'static str = "tfl.fully_connected";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[27]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn filter(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(2)
    }
    pub fn output(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn asymmetric_quantize_inputs(self) -> Option<bool> {
        self.0.bool_attr("asymmetric_quantize_inputs")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn keep_num_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_num_dims")
    }
    pub fn weights_format(self) -> Option<String> {
        self.0.str_attr("weights_format")
    }
    /// Starts a `tfl.fully_connected` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, filter: Value<'c>, bias: Value<'c>) -> FullyConnectedBuilder<'r, 'c> {
        FullyConnectedBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(filter).operand(bias))
    }
}

pub struct FullyConnectedBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> FullyConnectedBuilder<'r, 'c> {
    pub fn asymmetric_quantize_inputs(self, v: bool) -> Self {
        FullyConnectedBuilder(self.0.bool("asymmetric_quantize_inputs", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        FullyConnectedBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn keep_num_dims(self, v: bool) -> Self {
        FullyConnectedBuilder(self.0.bool("keep_num_dims", v))
    }
    pub fn weights_format(self, v: &str) -> Self {
        FullyConnectedBuilder(self.0.string("weights_format", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        FullyConnectedBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> FullyConnected<'c> {
        FullyConnected(self.0.create())
    }
}

/// `tfl.gather`: Slices of `params` along `axis` picked by `indices`, after `batch_dims` shared dims.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Gather<'c>(Op<'c>);

impl<'c> OpKind<'c> for Gather<'c> {
    const NAME: &'static str = "tfl.gather";
    fn wrap(op: Op<'c>) -> Self {
        Gather(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Gather<'c> {
    pub const NAME: &'static str = "tfl.gather";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[28]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn params(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn indices(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn axis(self) -> Option<i64> {
        self.0.int_attr("axis")
    }
    pub fn batch_dims(self) -> Option<i64> {
        self.0.int_attr("batch_dims")
    }
    /// Starts a `tfl.gather` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], params: Value<'c>, indices: Value<'c>) -> GatherBuilder<'r, 'c> {
        GatherBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(params).operand(indices))
    }
}

pub struct GatherBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GatherBuilder<'r, 'c> {
    pub fn axis(self, v: i64) -> Self {
        GatherBuilder(self.0.int("axis", v))
    }
    pub fn batch_dims(self, v: i64) -> Self {
        GatherBuilder(self.0.int("batch_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GatherBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Gather<'c> {
        Gather(self.0.create())
    }
}

/// `tfl.gather_nd`: Slices of `params` picked by the index vectors in the last dim of `indices`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GatherNd<'c>(Op<'c>);

impl<'c> OpKind<'c> for GatherNd<'c> {
    const NAME: &'static str = "tfl.gather_nd";
    fn wrap(op: Op<'c>) -> Self {
        GatherNd(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> GatherNd<'c> {
    pub const NAME: &'static str = "tfl.gather_nd";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[29]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn params(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn indices(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.gather_nd` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], params: Value<'c>, indices: Value<'c>) -> GatherNdBuilder<'r, 'c> {
        GatherNdBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(params).operand(indices))
    }
}

pub struct GatherNdBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GatherNdBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GatherNdBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> GatherNd<'c> {
        GatherNd(self.0.create())
    }
}

/// `tfl.gelu`: Element-wise GELU, exact or tanh-approximated.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Gelu<'c>(Op<'c>);

impl<'c> OpKind<'c> for Gelu<'c> {
    const NAME: &'static str = "tfl.gelu";
    fn wrap(op: Op<'c>) -> Self {
        Gelu(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Gelu<'c> {
    pub const NAME: &'static str = "tfl.gelu";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[30]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn approximate(self) -> Option<bool> {
        self.0.bool_attr("approximate")
    }
    /// Starts a `tfl.gelu` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> GeluBuilder<'r, 'c> {
        GeluBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct GeluBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GeluBuilder<'r, 'c> {
    pub fn approximate(self, v: bool) -> Self {
        GeluBuilder(self.0.bool("approximate", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GeluBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Gelu<'c> {
        Gelu(self.0.create())
    }
}

/// `tfl.greater`: Element-wise lhs > rhs with broadcasting; i1 result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Greater<'c>(Op<'c>);

impl<'c> OpKind<'c> for Greater<'c> {
    const NAME: &'static str = "tfl.greater";
    fn wrap(op: Op<'c>) -> Self {
        Greater(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Greater<'c> {
    pub const NAME: &'static str = "tfl.greater";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[31]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.greater` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> GreaterBuilder<'r, 'c> {
        GreaterBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct GreaterBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GreaterBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GreaterBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Greater<'c> {
        Greater(self.0.create())
    }
}

/// `tfl.greater_equal`: Element-wise lhs >= rhs with broadcasting; i1 result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GreaterEqual<'c>(Op<'c>);

impl<'c> OpKind<'c> for GreaterEqual<'c> {
    const NAME: &'static str = "tfl.greater_equal";
    fn wrap(op: Op<'c>) -> Self {
        GreaterEqual(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> GreaterEqual<'c> {
    pub const NAME: &'static str = "tfl.greater_equal";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[32]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.greater_equal` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> GreaterEqualBuilder<'r, 'c> {
        GreaterEqualBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct GreaterEqualBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> GreaterEqualBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        GreaterEqualBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> GreaterEqual<'c> {
        GreaterEqual(self.0.create())
    }
}

/// `tfl.hard_swish`: Element-wise x * relu6(x + 3) / 6.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct HardSwish<'c>(Op<'c>);

impl<'c> OpKind<'c> for HardSwish<'c> {
    const NAME: &'static str = "tfl.hard_swish";
    fn wrap(op: Op<'c>) -> Self {
        HardSwish(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> HardSwish<'c> {
    pub const NAME: &'static str = "tfl.hard_swish";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[33]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.hard_swish` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> HardSwishBuilder<'r, 'c> {
        HardSwishBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct HardSwishBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> HardSwishBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        HardSwishBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> HardSwish<'c> {
        HardSwish(self.0.create())
    }
}

/// `tfl.leaky_relu`: Element-wise x >= 0 ? x : alpha * x.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LeakyRelu<'c>(Op<'c>);

impl<'c> OpKind<'c> for LeakyRelu<'c> {
    const NAME: &'static str = "tfl.leaky_relu";
    fn wrap(op: Op<'c>) -> Self {
        LeakyRelu(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LeakyRelu<'c> {
    pub const NAME: &'static str = "tfl.leaky_relu";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[34]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn alpha(self) -> Option<f64> {
        self.0.float_attr("alpha")
    }
    /// Starts a `tfl.leaky_relu` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> LeakyReluBuilder<'r, 'c> {
        LeakyReluBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct LeakyReluBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LeakyReluBuilder<'r, 'c> {
    pub fn alpha(self, v: f64) -> Self {
        LeakyReluBuilder(self.0.float("alpha", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LeakyReluBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LeakyRelu<'c> {
        LeakyRelu(self.0.create())
    }
}

/// `tfl.less`: Element-wise lhs < rhs with broadcasting; i1 result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Less<'c>(Op<'c>);

impl<'c> OpKind<'c> for Less<'c> {
    const NAME: &'static str = "tfl.less";
    fn wrap(op: Op<'c>) -> Self {
        Less(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Less<'c> {
    pub const NAME: &'static str = "tfl.less";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[35]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.less` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> LessBuilder<'r, 'c> {
        LessBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct LessBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LessBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LessBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Less<'c> {
        Less(self.0.create())
    }
}

/// `tfl.less_equal`: Element-wise lhs <= rhs with broadcasting; i1 result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LessEqual<'c>(Op<'c>);

impl<'c> OpKind<'c> for LessEqual<'c> {
    const NAME: &'static str = "tfl.less_equal";
    fn wrap(op: Op<'c>) -> Self {
        LessEqual(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LessEqual<'c> {
    pub const NAME: &'static str = "tfl.less_equal";
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.less_equal` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> LessEqualBuilder<'r, 'c> {
        LessEqualBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct LessEqualBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LessEqualBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LessEqualBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LessEqual<'c> {
        LessEqual(self.0.create())
    }
}

/// `tfl.log`: Element-wise natural logarithm.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Log<'c>(Op<'c>);

impl<'c> OpKind<'c> for Log<'c> {
    const NAME: &'static str = "tfl.log";
    fn wrap(op: Op<'c>) -> Self {
        Log(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Log<'c> {
    pub const NAME: &'static str = "tfl.log";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[37]
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
    /// Starts a `tfl.log` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> LogBuilder<'r, 'c> {
        LogBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct LogBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Log<'c> {
        Log(self.0.create())
    }
}

/// `tfl.log_softmax`: input - log(sum(exp(input))) over the last dim.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LogSoftmax<'c>(Op<'c>);

impl<'c> OpKind<'c> for LogSoftmax<'c> {
    const NAME: &'static str = "tfl.log_softmax";
    fn wrap(op: Op<'c>) -> Self {
        LogSoftmax(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LogSoftmax<'c> {
    pub const NAME: &'static str = "tfl.log_softmax";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[38]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.log_softmax` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> LogSoftmaxBuilder<'r, 'c> {
        LogSoftmaxBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct LogSoftmaxBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogSoftmaxBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogSoftmaxBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LogSoftmax<'c> {
        LogSoftmax(self.0.create())
    }
}

/// `tfl.logical_and`: Element-wise logical AND with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LogicalAnd<'c>(Op<'c>);

impl<'c> OpKind<'c> for LogicalAnd<'c> {
    const NAME: &'static str = "tfl.logical_and";
    fn wrap(op: Op<'c>) -> Self {
        LogicalAnd(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LogicalAnd<'c> {
    pub const NAME: &'static str = "tfl.logical_and";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[39]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.logical_and` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> LogicalAndBuilder<'r, 'c> {
        LogicalAndBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct LogicalAndBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogicalAndBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogicalAndBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LogicalAnd<'c> {
        LogicalAnd(self.0.create())
    }
}

/// `tfl.logical_not`: Element-wise logical NOT.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LogicalNot<'c>(Op<'c>);

impl<'c> OpKind<'c> for LogicalNot<'c> {
    const NAME: &'static str = "tfl.logical_not";
    fn wrap(op: Op<'c>) -> Self {
        LogicalNot(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LogicalNot<'c> {
    pub const NAME: &'static str = "tfl.logical_not";
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.logical_not` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>) -> LogicalNotBuilder<'r, 'c> {
        LogicalNotBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs))
    }
}

pub struct LogicalNotBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogicalNotBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogicalNotBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LogicalNot<'c> {
        LogicalNot(self.0.create())
    }
}

/// `tfl.logical_or`: Element-wise logical OR with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LogicalOr<'c>(Op<'c>);

impl<'c> OpKind<'c> for LogicalOr<'c> {
    const NAME: &'static str = "tfl.logical_or";
    fn wrap(op: Op<'c>) -> Self {
        LogicalOr(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> LogicalOr<'c> {
    pub const NAME: &'static str = "tfl.logical_or";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[41]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.logical_or` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> LogicalOrBuilder<'r, 'c> {
        LogicalOrBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct LogicalOrBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogicalOrBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogicalOrBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> LogicalOr<'c> {
        LogicalOr(self.0.create())
    }
}

/// `tfl.logistic`: Element-wise sigmoid 1 / (1 + exp(-x)).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Logistic<'c>(Op<'c>);

impl<'c> OpKind<'c> for Logistic<'c> {
    const NAME: &'static str = "tfl.logistic";
    fn wrap(op: Op<'c>) -> Self {
        Logistic(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Logistic<'c> {
    pub const NAME: &'static str = "tfl.logistic";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[42]
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
    /// Starts a `tfl.logistic` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> LogisticBuilder<'r, 'c> {
        LogisticBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct LogisticBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> LogisticBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        LogisticBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Logistic<'c> {
        Logistic(self.0.create())
    }
}

/// `tfl.max_pool_2d`: 2-D max pooling over NHWC input; SAME or VALID padding.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct MaxPool2d<'c>(Op<'c>);

impl<'c> OpKind<'c> for MaxPool2d<'c> {
    const NAME: &'static str = "tfl.max_pool_2d";
    fn wrap(op: Op<'c>) -> Self {
        MaxPool2d(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> MaxPool2d<'c> {
    pub const NAME: &'static str = "tfl.max_pool_2d";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[43]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn filter_height(self) -> Option<i64> {
        self.0.int_attr("filter_height")
    }
    pub fn filter_width(self) -> Option<i64> {
        self.0.int_attr("filter_width")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn padding(self) -> Option<String> {
        self.0.str_attr("padding")
    }
    pub fn stride_h(self) -> Option<i64> {
        self.0.int_attr("stride_h")
    }
    pub fn stride_w(self) -> Option<i64> {
        self.0.int_attr("stride_w")
    }
    /// Starts a `tfl.max_pool_2d` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> MaxPool2dBuilder<'r, 'c> {
        MaxPool2dBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct MaxPool2dBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MaxPool2dBuilder<'r, 'c> {
    pub fn filter_height(self, v: i64) -> Self {
        MaxPool2dBuilder(self.0.int("filter_height", v))
    }
    pub fn filter_width(self, v: i64) -> Self {
        MaxPool2dBuilder(self.0.int("filter_width", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        MaxPool2dBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn padding(self, v: &str) -> Self {
        MaxPool2dBuilder(self.0.string("padding", v))
    }
    pub fn stride_h(self, v: i64) -> Self {
        MaxPool2dBuilder(self.0.int("stride_h", v))
    }
    pub fn stride_w(self, v: i64) -> Self {
        MaxPool2dBuilder(self.0.int("stride_w", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MaxPool2dBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> MaxPool2d<'c> {
        MaxPool2d(self.0.create())
    }
}

/// `tfl.maximum`: Element-wise maximum with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Maximum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Maximum<'c> {
    const NAME: &'static str = "tfl.maximum";
    fn wrap(op: Op<'c>) -> Self {
        Maximum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Maximum<'c> {
    pub const NAME: &'static str = "tfl.maximum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[44]
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
    pub fn max(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.maximum` at `rw`'s insertion point; set attributes, then `create`.
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

/// `tfl.mean`: Mean over the dims in `axis`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Mean<'c>(Op<'c>);

impl<'c> OpKind<'c> for Mean<'c> {
    const NAME: &'static str = "tfl.mean";
    fn wrap(op: Op<'c>) -> Self {
        Mean(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Mean<'c> {
    pub const NAME: &'static str = "tfl.mean";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[45]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axis(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.mean` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axis: Value<'c>) -> MeanBuilder<'r, 'c> {
        MeanBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axis))
    }
}

pub struct MeanBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MeanBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        MeanBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MeanBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Mean<'c> {
        Mean(self.0.create())
    }
}

/// `tfl.minimum`: Element-wise minimum with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Minimum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Minimum<'c> {
    const NAME: &'static str = "tfl.minimum";
    fn wrap(op: Op<'c>) -> Self {
        Minimum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Minimum<'c> {
    pub const NAME: &'static str = "tfl.minimum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[46]
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
    pub fn min(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.minimum` at `rw`'s insertion point; set attributes, then `create`.
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

/// `tfl.mul`: Element-wise multiplication with broadcasting and a fused activation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Mul<'c>(Op<'c>);

impl<'c> OpKind<'c> for Mul<'c> {
    const NAME: &'static str = "tfl.mul";
    fn wrap(op: Op<'c>) -> Self {
        Mul(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Mul<'c> {
    pub const NAME: &'static str = "tfl.mul";
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    /// Starts a `tfl.mul` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> MulBuilder<'r, 'c> {
        MulBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct MulBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> MulBuilder<'r, 'c> {
    pub fn fused_activation_function(self, v: &str) -> Self {
        MulBuilder(self.0.string("fused_activation_function", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        MulBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Mul<'c> {
        Mul(self.0.create())
    }
}

/// `tfl.neg`: Element-wise negation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Neg<'c>(Op<'c>);

impl<'c> OpKind<'c> for Neg<'c> {
    const NAME: &'static str = "tfl.neg";
    fn wrap(op: Op<'c>) -> Self {
        Neg(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Neg<'c> {
    pub const NAME: &'static str = "tfl.neg";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[48]
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
    /// Starts a `tfl.neg` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> NegBuilder<'r, 'c> {
        NegBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct NegBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> NegBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        NegBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Neg<'c> {
        Neg(self.0.create())
    }
}

/// `tfl.no_value`: The absent optional operand (`none`); written as tensor index -1, not as an operator.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct NoValue<'c>(Op<'c>);

impl<'c> OpKind<'c> for NoValue<'c> {
    const NAME: &'static str = "tfl.no_value";
    fn wrap(op: Op<'c>) -> Self {
        NoValue(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> NoValue<'c> {
    pub const NAME: &'static str = "tfl.no_value";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[49]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn none_val(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn value(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("value")
    }
    /// Starts a `tfl.no_value` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> NoValueBuilder<'r, 'c> {
        NoValueBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct NoValueBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> NoValueBuilder<'r, 'c> {
    pub fn value(self, v: Attribute<'c>) -> Self {
        NoValueBuilder(self.0.attr("value", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        NoValueBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> NoValue<'c> {
        NoValue(self.0.create())
    }
}

/// `tfl.not_equal`: Element-wise lhs != rhs with broadcasting; i1 result.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct NotEqual<'c>(Op<'c>);

impl<'c> OpKind<'c> for NotEqual<'c> {
    const NAME: &'static str = "tfl.not_equal";
    fn wrap(op: Op<'c>) -> Self {
        NotEqual(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> NotEqual<'c> {
    pub const NAME: &'static str = "tfl.not_equal";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[50]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.not_equal` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> NotEqualBuilder<'r, 'c> {
        NotEqualBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct NotEqualBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> NotEqualBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        NotEqualBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> NotEqual<'c> {
        NotEqual(self.0.create())
    }
}

/// `tfl.pack`: Stacks `values_count` same-shaped values along a new dim `axis`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Pack<'c>(Op<'c>);

impl<'c> OpKind<'c> for Pack<'c> {
    const NAME: &'static str = "tfl.pack";
    fn wrap(op: Op<'c>) -> Self {
        Pack(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Pack<'c> {
    pub const NAME: &'static str = "tfl.pack";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[51]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn values(self) -> Vec<Value<'c>> {
        let all = self.0.operands();
        all[slot_range(Self::def().operands, 0, all.len())].to_vec()
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn axis(self) -> Option<i64> {
        self.0.int_attr("axis")
    }
    pub fn values_count(self) -> Option<i64> {
        self.0.int_attr("values_count")
    }
    /// Starts a `tfl.pack` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], values: &[Value<'c>]) -> PackBuilder<'r, 'c> {
        PackBuilder(OpBuilder::new(rw, Self::NAME, result_types).operands(values))
    }
}

pub struct PackBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PackBuilder<'r, 'c> {
    pub fn axis(self, v: i64) -> Self {
        PackBuilder(self.0.int("axis", v))
    }
    pub fn values_count(self, v: i64) -> Self {
        PackBuilder(self.0.int("values_count", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PackBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Pack<'c> {
        Pack(self.0.create())
    }
}

/// `tfl.pad`: Pads with zeros; `padding` [rank, 2] holds the (before, after) sizes per dim.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Pad<'c>(Op<'c>);

impl<'c> OpKind<'c> for Pad<'c> {
    const NAME: &'static str = "tfl.pad";
    fn wrap(op: Op<'c>) -> Self {
        Pad(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Pad<'c> {
    pub const NAME: &'static str = "tfl.pad";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[52]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn padding(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.pad` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, padding: Value<'c>) -> PadBuilder<'r, 'c> {
        PadBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(padding))
    }
}

pub struct PadBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PadBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PadBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Pad<'c> {
        Pad(self.0.create())
    }
}

/// `tfl.padv2`: Pads with `constant_values`; `padding` [rank, 2] holds the sizes per dim.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Padv2<'c>(Op<'c>);

impl<'c> OpKind<'c> for Padv2<'c> {
    const NAME: &'static str = "tfl.padv2";
    fn wrap(op: Op<'c>) -> Self {
        Padv2(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Padv2<'c> {
    pub const NAME: &'static str = "tfl.padv2";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[53]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn padding(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn constant_values(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.padv2` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, padding: Value<'c>, constant_values: Value<'c>) -> Padv2Builder<'r, 'c> {
        Padv2Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(padding).operand(constant_values))
    }
}

pub struct Padv2Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> Padv2Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        Padv2Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> Padv2<'c> {
        Padv2(self.0.create())
    }
}

/// `tfl.pow`: Element-wise lhs ^ rhs with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Pow<'c>(Op<'c>);

impl<'c> OpKind<'c> for Pow<'c> {
    const NAME: &'static str = "tfl.pow";
    fn wrap(op: Op<'c>) -> Self {
        Pow(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Pow<'c> {
    pub const NAME: &'static str = "tfl.pow";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[54]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.pow` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> PowBuilder<'r, 'c> {
        PowBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct PowBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PowBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PowBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Pow<'c> {
        Pow(self.0.create())
    }
}

/// `tfl.pseudo_const`: A constant tensor; written as a tensor with a buffer, not as an operator.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct PseudoConst<'c>(Op<'c>);

impl<'c> OpKind<'c> for PseudoConst<'c> {
    const NAME: &'static str = "tfl.pseudo_const";
    fn wrap(op: Op<'c>) -> Self {
        PseudoConst(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> PseudoConst<'c> {
    pub const NAME: &'static str = "tfl.pseudo_const";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[55]
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
    /// Starts a `tfl.pseudo_const` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>]) -> PseudoConstBuilder<'r, 'c> {
        PseudoConstBuilder(OpBuilder::new(rw, Self::NAME, result_types))
    }
}

pub struct PseudoConstBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> PseudoConstBuilder<'r, 'c> {
    pub fn value(self, v: Attribute<'c>) -> Self {
        PseudoConstBuilder(self.0.attr("value", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        PseudoConstBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> PseudoConst<'c> {
        PseudoConst(self.0.create())
    }
}

/// `tfl.quantize`: Quantizes (or requantizes) to the quantized tensor type `qtype`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Quantize<'c>(Op<'c>);

impl<'c> OpKind<'c> for Quantize<'c> {
    const NAME: &'static str = "tfl.quantize";
    fn wrap(op: Op<'c>) -> Self {
        Quantize(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Quantize<'c> {
    pub const NAME: &'static str = "tfl.quantize";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[56]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn qtype(self) -> Option<Attribute<'c>> {
        self.0.raw_attr("qtype")
    }
    /// Starts a `tfl.quantize` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> QuantizeBuilder<'r, 'c> {
        QuantizeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct QuantizeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> QuantizeBuilder<'r, 'c> {
    pub fn qtype(self, v: Type<'c>) -> Self {
        QuantizeBuilder(self.0.type_attr("qtype", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        QuantizeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Quantize<'c> {
        Quantize(self.0.create())
    }
}

/// `tfl.range`: The 1-D sequence start, start + delta, ... below limit (0-d operands of the result's type).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Range<'c>(Op<'c>);

impl<'c> OpKind<'c> for Range<'c> {
    const NAME: &'static str = "tfl.range";
    fn wrap(op: Op<'c>) -> Self {
        Range(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Range<'c> {
    pub const NAME: &'static str = "tfl.range";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[57]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn start(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn limit(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn delta(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn result(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.range` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], start: Value<'c>, limit: Value<'c>, delta: Value<'c>) -> RangeBuilder<'r, 'c> {
        RangeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(start).operand(limit).operand(delta))
    }
}

pub struct RangeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RangeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RangeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Range<'c> {
        Range(self.0.create())
    }
}

/// `tfl.reduce_all`: Logical AND over the dims in `axes`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceAll<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceAll<'c> {
    const NAME: &'static str = "tfl.reduce_all";
    fn wrap(op: Op<'c>) -> Self {
        ReduceAll(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceAll<'c> {
    pub const NAME: &'static str = "tfl.reduce_all";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[58]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axes(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.reduce_all` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axes: Value<'c>) -> ReduceAllBuilder<'r, 'c> {
        ReduceAllBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axes))
    }
}

pub struct ReduceAllBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceAllBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        ReduceAllBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceAllBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceAll<'c> {
        ReduceAll(self.0.create())
    }
}

/// `tfl.reduce_any`: Logical OR over the dims in `axes`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceAny<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceAny<'c> {
    const NAME: &'static str = "tfl.reduce_any";
    fn wrap(op: Op<'c>) -> Self {
        ReduceAny(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceAny<'c> {
    pub const NAME: &'static str = "tfl.reduce_any";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[59]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axes(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.reduce_any` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axes: Value<'c>) -> ReduceAnyBuilder<'r, 'c> {
        ReduceAnyBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axes))
    }
}

pub struct ReduceAnyBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceAnyBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        ReduceAnyBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceAnyBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceAny<'c> {
        ReduceAny(self.0.create())
    }
}

/// `tfl.reduce_max`: Maximum over the dims in `axes`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceMax<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceMax<'c> {
    const NAME: &'static str = "tfl.reduce_max";
    fn wrap(op: Op<'c>) -> Self {
        ReduceMax(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceMax<'c> {
    pub const NAME: &'static str = "tfl.reduce_max";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[60]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axes(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.reduce_max` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axes: Value<'c>) -> ReduceMaxBuilder<'r, 'c> {
        ReduceMaxBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axes))
    }
}

pub struct ReduceMaxBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceMaxBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        ReduceMaxBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceMaxBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceMax<'c> {
        ReduceMax(self.0.create())
    }
}

/// `tfl.reduce_min`: Minimum over the dims in `axes`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceMin<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceMin<'c> {
    const NAME: &'static str = "tfl.reduce_min";
    fn wrap(op: Op<'c>) -> Self {
        ReduceMin(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceMin<'c> {
    pub const NAME: &'static str = "tfl.reduce_min";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[61]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axes(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.reduce_min` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axes: Value<'c>) -> ReduceMinBuilder<'r, 'c> {
        ReduceMinBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axes))
    }
}

pub struct ReduceMinBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceMinBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        ReduceMinBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceMinBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceMin<'c> {
        ReduceMin(self.0.create())
    }
}

/// `tfl.reduce_prod`: Product over the dims in `axes`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReduceProd<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReduceProd<'c> {
    const NAME: &'static str = "tfl.reduce_prod";
    fn wrap(op: Op<'c>) -> Self {
        ReduceProd(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReduceProd<'c> {
    pub const NAME: &'static str = "tfl.reduce_prod";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[62]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axes(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.reduce_prod` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axes: Value<'c>) -> ReduceProdBuilder<'r, 'c> {
        ReduceProdBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axes))
    }
}

pub struct ReduceProdBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReduceProdBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        ReduceProdBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReduceProdBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReduceProd<'c> {
        ReduceProd(self.0.create())
    }
}

/// `tfl.relu`: Element-wise max(0, x).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Relu<'c>(Op<'c>);

impl<'c> OpKind<'c> for Relu<'c> {
    const NAME: &'static str = "tfl.relu";
    fn wrap(op: Op<'c>) -> Self {
        Relu(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Relu<'c> {
    pub const NAME: &'static str = "tfl.relu";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[63]
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
    /// Starts a `tfl.relu` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> ReluBuilder<'r, 'c> {
        ReluBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct ReluBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReluBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReluBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Relu<'c> {
        Relu(self.0.create())
    }
}

/// `tfl.relu6`: Element-wise min(max(0, x), 6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Relu6<'c>(Op<'c>);

impl<'c> OpKind<'c> for Relu6<'c> {
    const NAME: &'static str = "tfl.relu6";
    fn wrap(op: Op<'c>) -> Self {
        Relu6(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Relu6<'c> {
    pub const NAME: &'static str = "tfl.relu6";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[64]
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
    /// Starts a `tfl.relu6` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> Relu6Builder<'r, 'c> {
        Relu6Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct Relu6Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> Relu6Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        Relu6Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> Relu6<'c> {
        Relu6(self.0.create())
    }
}

/// `tfl.relu_n1_to_1`: Element-wise min(max(-1, x), 1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReluN1To1<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReluN1To1<'c> {
    const NAME: &'static str = "tfl.relu_n1_to_1";
    fn wrap(op: Op<'c>) -> Self {
        ReluN1To1(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReluN1To1<'c> {
    pub const NAME: &'static str = "tfl.relu_n1_to_1";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[65]
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
    /// Starts a `tfl.relu_n1_to_1` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> ReluN1To1Builder<'r, 'c> {
        ReluN1To1Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct ReluN1To1Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReluN1To1Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReluN1To1Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReluN1To1<'c> {
        ReluN1To1(self.0.create())
    }
}

/// `tfl.reshape`: Same elements in a new shape given by the 1-D `shape` operand (one -1 allowed).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Reshape<'c>(Op<'c>);

impl<'c> OpKind<'c> for Reshape<'c> {
    const NAME: &'static str = "tfl.reshape";
    fn wrap(op: Op<'c>) -> Self {
        Reshape(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Reshape<'c> {
    pub const NAME: &'static str = "tfl.reshape";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[66]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn shape(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.reshape` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, shape: Value<'c>) -> ReshapeBuilder<'r, 'c> {
        ReshapeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(shape))
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

/// `tfl.resize_bilinear`: Bilinear resize of NHWC images to `size` [H, W].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ResizeBilinear<'c>(Op<'c>);

impl<'c> OpKind<'c> for ResizeBilinear<'c> {
    const NAME: &'static str = "tfl.resize_bilinear";
    fn wrap(op: Op<'c>) -> Self {
        ResizeBilinear(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ResizeBilinear<'c> {
    pub const NAME: &'static str = "tfl.resize_bilinear";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[67]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn size(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn align_corners(self) -> Option<bool> {
        self.0.bool_attr("align_corners")
    }
    pub fn half_pixel_centers(self) -> Option<bool> {
        self.0.bool_attr("half_pixel_centers")
    }
    /// Starts a `tfl.resize_bilinear` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, size: Value<'c>) -> ResizeBilinearBuilder<'r, 'c> {
        ResizeBilinearBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(size))
    }
}

pub struct ResizeBilinearBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ResizeBilinearBuilder<'r, 'c> {
    pub fn align_corners(self, v: bool) -> Self {
        ResizeBilinearBuilder(self.0.bool("align_corners", v))
    }
    pub fn half_pixel_centers(self, v: bool) -> Self {
        ResizeBilinearBuilder(self.0.bool("half_pixel_centers", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ResizeBilinearBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ResizeBilinear<'c> {
        ResizeBilinear(self.0.create())
    }
}

/// `tfl.resize_nearest_neighbor`: Nearest-neighbor resize of NHWC images to `size` [H, W].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ResizeNearestNeighbor<'c>(Op<'c>);

impl<'c> OpKind<'c> for ResizeNearestNeighbor<'c> {
    const NAME: &'static str = "tfl.resize_nearest_neighbor";
    fn wrap(op: Op<'c>) -> Self {
        ResizeNearestNeighbor(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ResizeNearestNeighbor<'c> {
    pub const NAME: &'static str = "tfl.resize_nearest_neighbor";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[68]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn size(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn align_corners(self) -> Option<bool> {
        self.0.bool_attr("align_corners")
    }
    pub fn half_pixel_centers(self) -> Option<bool> {
        self.0.bool_attr("half_pixel_centers")
    }
    /// Starts a `tfl.resize_nearest_neighbor` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, size: Value<'c>) -> ResizeNearestNeighborBuilder<'r, 'c> {
        ResizeNearestNeighborBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(size))
    }
}

pub struct ResizeNearestNeighborBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ResizeNearestNeighborBuilder<'r, 'c> {
    pub fn align_corners(self, v: bool) -> Self {
        ResizeNearestNeighborBuilder(self.0.bool("align_corners", v))
    }
    pub fn half_pixel_centers(self, v: bool) -> Self {
        ResizeNearestNeighborBuilder(self.0.bool("half_pixel_centers", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ResizeNearestNeighborBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ResizeNearestNeighbor<'c> {
        ResizeNearestNeighbor(self.0.create())
    }
}

/// `tfl.reverse_v2`: Reverses the dims listed in `axis`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReverseV2<'c>(Op<'c>);

impl<'c> OpKind<'c> for ReverseV2<'c> {
    const NAME: &'static str = "tfl.reverse_v2";
    fn wrap(op: Op<'c>) -> Self {
        ReverseV2(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ReverseV2<'c> {
    pub const NAME: &'static str = "tfl.reverse_v2";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[69]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axis(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.reverse_v2` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axis: Value<'c>) -> ReverseV2Builder<'r, 'c> {
        ReverseV2Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axis))
    }
}

pub struct ReverseV2Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ReverseV2Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ReverseV2Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> ReverseV2<'c> {
        ReverseV2(self.0.create())
    }
}

/// `tfl.round`: Element-wise rounding to the nearest integer, halves to even.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Round<'c>(Op<'c>);

impl<'c> OpKind<'c> for Round<'c> {
    const NAME: &'static str = "tfl.round";
    fn wrap(op: Op<'c>) -> Self {
        Round(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Round<'c> {
    pub const NAME: &'static str = "tfl.round";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[70]
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
    /// Starts a `tfl.round` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> RoundBuilder<'r, 'c> {
        RoundBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct RoundBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RoundBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RoundBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Round<'c> {
        Round(self.0.create())
    }
}

/// `tfl.rsqrt`: Element-wise 1 / sqrt(x).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Rsqrt<'c>(Op<'c>);

impl<'c> OpKind<'c> for Rsqrt<'c> {
    const NAME: &'static str = "tfl.rsqrt";
    fn wrap(op: Op<'c>) -> Self {
        Rsqrt(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Rsqrt<'c> {
    pub const NAME: &'static str = "tfl.rsqrt";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[71]
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
    /// Starts a `tfl.rsqrt` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> RsqrtBuilder<'r, 'c> {
        RsqrtBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct RsqrtBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> RsqrtBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        RsqrtBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Rsqrt<'c> {
        Rsqrt(self.0.create())
    }
}

/// `tfl.scatter_nd`: A zero tensor of `shape` with `updates` added at the index vectors in the last dim of `indices` (duplicates sum).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ScatterNd<'c>(Op<'c>);

impl<'c> OpKind<'c> for ScatterNd<'c> {
    const NAME: &'static str = "tfl.scatter_nd";
    fn wrap(op: Op<'c>) -> Self {
        ScatterNd(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> ScatterNd<'c> {
    pub const NAME: &'static str = "tfl.scatter_nd";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[72]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn indices(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn updates(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn shape(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.scatter_nd` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], indices: Value<'c>, updates: Value<'c>, shape: Value<'c>) -> ScatterNdBuilder<'r, 'c> {
        ScatterNdBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(indices).operand(updates).operand(shape))
    }
}

pub struct ScatterNdBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ScatterNdBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ScatterNdBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> ScatterNd<'c> {
        ScatterNd(self.0.create())
    }
}

/// `tfl.select_v2`: Element-wise condition ? x : y with broadcasting of all three.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SelectV2<'c>(Op<'c>);

impl<'c> OpKind<'c> for SelectV2<'c> {
    const NAME: &'static str = "tfl.select_v2";
    fn wrap(op: Op<'c>) -> Self {
        SelectV2(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> SelectV2<'c> {
    pub const NAME: &'static str = "tfl.select_v2";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[73]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn condition(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn x(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn y(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.select_v2` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], condition: Value<'c>, x: Value<'c>, y: Value<'c>) -> SelectV2Builder<'r, 'c> {
        SelectV2Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(condition).operand(x).operand(y))
    }
}

pub struct SelectV2Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SelectV2Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SelectV2Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> SelectV2<'c> {
        SelectV2(self.0.create())
    }
}

/// `tfl.shape`: The input's dims as a 1-D int32 (or int64: `out_type`) tensor, read at run time.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Shape<'c>(Op<'c>);

impl<'c> OpKind<'c> for Shape<'c> {
    const NAME: &'static str = "tfl.shape";
    fn wrap(op: Op<'c>) -> Self {
        Shape(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Shape<'c> {
    pub const NAME: &'static str = "tfl.shape";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[74]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.shape` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> ShapeBuilder<'r, 'c> {
        ShapeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct ShapeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> ShapeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        ShapeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Shape<'c> {
        Shape(self.0.create())
    }
}

/// `tfl.sign`: Element-wise sign: -1, 0 or 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sign<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sign<'c> {
    const NAME: &'static str = "tfl.sign";
    fn wrap(op: Op<'c>) -> Self {
        Sign(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sign<'c> {
    pub const NAME: &'static str = "tfl.sign";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[75]
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
    /// Starts a `tfl.sign` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> SignBuilder<'r, 'c> {
        SignBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
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

/// `tfl.sin`: Element-wise sine.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sin<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sin<'c> {
    const NAME: &'static str = "tfl.sin";
    fn wrap(op: Op<'c>) -> Self {
        Sin(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sin<'c> {
    pub const NAME: &'static str = "tfl.sin";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[76]
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
    /// Starts a `tfl.sin` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> SinBuilder<'r, 'c> {
        SinBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct SinBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SinBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SinBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sin<'c> {
        Sin(self.0.create())
    }
}

/// `tfl.slice`: The block of `size` (-1: to the end) starting at `begin`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Slice<'c>(Op<'c>);

impl<'c> OpKind<'c> for Slice<'c> {
    const NAME: &'static str = "tfl.slice";
    fn wrap(op: Op<'c>) -> Self {
        Slice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Slice<'c> {
    pub const NAME: &'static str = "tfl.slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[77]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn begin(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn size(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, begin: Value<'c>, size: Value<'c>) -> SliceBuilder<'r, 'c> {
        SliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(begin).operand(size))
    }
}

pub struct SliceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SliceBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SliceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Slice<'c> {
        Slice(self.0.create())
    }
}

/// `tfl.softmax`: exp(beta * x) / sum(exp(beta * x)) over the last dim.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Softmax<'c>(Op<'c>);

impl<'c> OpKind<'c> for Softmax<'c> {
    const NAME: &'static str = "tfl.softmax";
    fn wrap(op: Op<'c>) -> Self {
        Softmax(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Softmax<'c> {
    pub const NAME: &'static str = "tfl.softmax";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[78]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn beta(self) -> Option<f64> {
        self.0.float_attr("beta")
    }
    /// Starts a `tfl.softmax` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> SoftmaxBuilder<'r, 'c> {
        SoftmaxBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct SoftmaxBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SoftmaxBuilder<'r, 'c> {
    pub fn beta(self, v: f64) -> Self {
        SoftmaxBuilder(self.0.float("beta", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SoftmaxBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Softmax<'c> {
        Softmax(self.0.create())
    }
}

/// `tfl.split`: Splits `value` into `num_splits` equal parts along the scalar axis `split_dim`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Split<'c>(Op<'c>);

impl<'c> OpKind<'c> for Split<'c> {
    const NAME: &'static str = "tfl.split";
    fn wrap(op: Op<'c>) -> Self {
        Split(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Split<'c> {
    pub const NAME: &'static str = "tfl.split";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[79]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn split_dim(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn value(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn outputs(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn num_splits(self) -> Option<i64> {
        self.0.int_attr("num_splits")
    }
    /// Starts a `tfl.split` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], split_dim: Value<'c>, value: Value<'c>) -> SplitBuilder<'r, 'c> {
        SplitBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(split_dim).operand(value))
    }
}

pub struct SplitBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SplitBuilder<'r, 'c> {
    pub fn num_splits(self, v: i64) -> Self {
        SplitBuilder(self.0.int("num_splits", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SplitBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Split<'c> {
        Split(self.0.create())
    }
}

/// `tfl.sqrt`: Element-wise square root.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sqrt<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sqrt<'c> {
    const NAME: &'static str = "tfl.sqrt";
    fn wrap(op: Op<'c>) -> Self {
        Sqrt(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sqrt<'c> {
    pub const NAME: &'static str = "tfl.sqrt";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[80]
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
    /// Starts a `tfl.sqrt` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], x: Value<'c>) -> SqrtBuilder<'r, 'c> {
        SqrtBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(x))
    }
}

pub struct SqrtBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SqrtBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SqrtBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sqrt<'c> {
        Sqrt(self.0.create())
    }
}

/// `tfl.squared_difference`: Element-wise (lhs - rhs)^2 with broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct SquaredDifference<'c>(Op<'c>);

impl<'c> OpKind<'c> for SquaredDifference<'c> {
    const NAME: &'static str = "tfl.squared_difference";
    fn wrap(op: Op<'c>) -> Self {
        SquaredDifference(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> SquaredDifference<'c> {
    pub const NAME: &'static str = "tfl.squared_difference";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[81]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.squared_difference` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> SquaredDifferenceBuilder<'r, 'c> {
        SquaredDifferenceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct SquaredDifferenceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SquaredDifferenceBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SquaredDifferenceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> SquaredDifference<'c> {
        SquaredDifference(self.0.create())
    }
}

/// `tfl.squeeze`: Removes the size-1 dims listed in `squeeze_dims` (all size-1 dims when empty).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Squeeze<'c>(Op<'c>);

impl<'c> OpKind<'c> for Squeeze<'c> {
    const NAME: &'static str = "tfl.squeeze";
    fn wrap(op: Op<'c>) -> Self {
        Squeeze(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Squeeze<'c> {
    pub const NAME: &'static str = "tfl.squeeze";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[82]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn squeeze_dims(self) -> Option<Vec<i64>> {
        self.0.ints_attr("squeeze_dims")
    }
    /// Starts a `tfl.squeeze` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> SqueezeBuilder<'r, 'c> {
        SqueezeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct SqueezeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SqueezeBuilder<'r, 'c> {
    pub fn squeeze_dims(self, v: &[i64]) -> Self {
        SqueezeBuilder(self.0.ints("squeeze_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SqueezeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Squeeze<'c> {
        Squeeze(self.0.create())
    }
}

/// `tfl.stablehlo_and`: Element-wise bitwise and (logical and on bools) of two tensors of one shape, no broadcasting.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct StablehloAnd<'c>(Op<'c>);

impl<'c> OpKind<'c> for StablehloAnd<'c> {
    const NAME: &'static str = "tfl.stablehlo_and";
    fn wrap(op: Op<'c>) -> Self {
        StablehloAnd(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> StablehloAnd<'c> {
    pub const NAME: &'static str = "tfl.stablehlo_and";
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.stablehlo_and` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> StablehloAndBuilder<'r, 'c> {
        StablehloAndBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct StablehloAndBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> StablehloAndBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        StablehloAndBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> StablehloAnd<'c> {
        StablehloAnd(self.0.create())
    }
}

/// `tfl.strided_slice`: TensorFlow strided slice: begin/end/strides with begin, end, ellipsis, new-axis and shrink masks.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct StridedSlice<'c>(Op<'c>);

impl<'c> OpKind<'c> for StridedSlice<'c> {
    const NAME: &'static str = "tfl.strided_slice";
    fn wrap(op: Op<'c>) -> Self {
        StridedSlice(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> StridedSlice<'c> {
    pub const NAME: &'static str = "tfl.strided_slice";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[84]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn begin(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn end(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn strides(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn begin_mask(self) -> Option<i64> {
        self.0.int_attr("begin_mask")
    }
    pub fn ellipsis_mask(self) -> Option<i64> {
        self.0.int_attr("ellipsis_mask")
    }
    pub fn end_mask(self) -> Option<i64> {
        self.0.int_attr("end_mask")
    }
    pub fn new_axis_mask(self) -> Option<i64> {
        self.0.int_attr("new_axis_mask")
    }
    pub fn offset(self) -> Option<bool> {
        self.0.bool_attr("offset")
    }
    pub fn shrink_axis_mask(self) -> Option<i64> {
        self.0.int_attr("shrink_axis_mask")
    }
    /// Starts a `tfl.strided_slice` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, begin: Value<'c>, end: Value<'c>, strides: Value<'c>) -> StridedSliceBuilder<'r, 'c> {
        StridedSliceBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(begin).operand(end).operand(strides))
    }
}

pub struct StridedSliceBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> StridedSliceBuilder<'r, 'c> {
    pub fn begin_mask(self, v: i64) -> Self {
        StridedSliceBuilder(self.0.int("begin_mask", v))
    }
    pub fn ellipsis_mask(self, v: i64) -> Self {
        StridedSliceBuilder(self.0.int("ellipsis_mask", v))
    }
    pub fn end_mask(self, v: i64) -> Self {
        StridedSliceBuilder(self.0.int("end_mask", v))
    }
    pub fn new_axis_mask(self, v: i64) -> Self {
        StridedSliceBuilder(self.0.int("new_axis_mask", v))
    }
    pub fn offset(self, v: bool) -> Self {
        StridedSliceBuilder(self.0.bool("offset", v))
    }
    pub fn shrink_axis_mask(self, v: i64) -> Self {
        StridedSliceBuilder(self.0.int("shrink_axis_mask", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        StridedSliceBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> StridedSlice<'c> {
        StridedSlice(self.0.create())
    }
}

/// `tfl.sub`: Element-wise subtraction with broadcasting and a fused activation.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sub<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sub<'c> {
    const NAME: &'static str = "tfl.sub";
    fn wrap(op: Op<'c>) -> Self {
        Sub(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sub<'c> {
    pub const NAME: &'static str = "tfl.sub";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[85]
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
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    /// Starts a `tfl.sub` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], lhs: Value<'c>, rhs: Value<'c>) -> SubBuilder<'r, 'c> {
        SubBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(lhs).operand(rhs))
    }
}

pub struct SubBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SubBuilder<'r, 'c> {
    pub fn fused_activation_function(self, v: &str) -> Self {
        SubBuilder(self.0.string("fused_activation_function", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SubBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sub<'c> {
        Sub(self.0.create())
    }
}

/// `tfl.sum`: Sum over the dims in `axes`, keeping them as size 1 with `keep_dims`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Sum<'c>(Op<'c>);

impl<'c> OpKind<'c> for Sum<'c> {
    const NAME: &'static str = "tfl.sum";
    fn wrap(op: Op<'c>) -> Self {
        Sum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Sum<'c> {
    pub const NAME: &'static str = "tfl.sum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[86]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn axes(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn keep_dims(self) -> Option<bool> {
        self.0.bool_attr("keep_dims")
    }
    /// Starts a `tfl.sum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, axes: Value<'c>) -> SumBuilder<'r, 'c> {
        SumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(axes))
    }
}

pub struct SumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> SumBuilder<'r, 'c> {
    pub fn keep_dims(self, v: bool) -> Self {
        SumBuilder(self.0.bool("keep_dims", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        SumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Sum<'c> {
        Sum(self.0.create())
    }
}

/// `tfl.tanh`: Element-wise hyperbolic tangent.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Tanh<'c>(Op<'c>);

impl<'c> OpKind<'c> for Tanh<'c> {
    const NAME: &'static str = "tfl.tanh";
    fn wrap(op: Op<'c>) -> Self {
        Tanh(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Tanh<'c> {
    pub const NAME: &'static str = "tfl.tanh";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[87]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.tanh` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> TanhBuilder<'r, 'c> {
        TanhBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct TanhBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TanhBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TanhBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Tanh<'c> {
        Tanh(self.0.create())
    }
}

/// `tfl.topk_v2`: The `k` largest values along the last dim, sorted descending, and their indices.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TopkV2<'c>(Op<'c>);

impl<'c> OpKind<'c> for TopkV2<'c> {
    const NAME: &'static str = "tfl.topk_v2";
    fn wrap(op: Op<'c>) -> Self {
        TopkV2(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> TopkV2<'c> {
    pub const NAME: &'static str = "tfl.topk_v2";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[88]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn k(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn values(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn indices(self) -> Value<'c> {
        self.0.result(1)
    }
    /// Starts a `tfl.topk_v2` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, k: Value<'c>) -> TopkV2Builder<'r, 'c> {
        TopkV2Builder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(k))
    }
}

pub struct TopkV2Builder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TopkV2Builder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TopkV2Builder(self.0.attr(name, v))
    }
    pub fn create(self) -> TopkV2<'c> {
        TopkV2(self.0.create())
    }
}

/// `tfl.transpose`: Permutes the input's dims: output dim i is input dim perm[i].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Transpose<'c>(Op<'c>);

impl<'c> OpKind<'c> for Transpose<'c> {
    const NAME: &'static str = "tfl.transpose";
    fn wrap(op: Op<'c>) -> Self {
        Transpose(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Transpose<'c> {
    pub const NAME: &'static str = "tfl.transpose";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[89]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn perm(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.transpose` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, perm: Value<'c>) -> TransposeBuilder<'r, 'c> {
        TransposeBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(perm))
    }
}

pub struct TransposeBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TransposeBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TransposeBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Transpose<'c> {
        Transpose(self.0.create())
    }
}

/// `tfl.transpose_conv`: Transposed 2-D convolution to `output_shape`: weights OHWI, input NHWC, bias [O].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TransposeConv<'c>(Op<'c>);

impl<'c> OpKind<'c> for TransposeConv<'c> {
    const NAME: &'static str = "tfl.transpose_conv";
    fn wrap(op: Op<'c>) -> Self {
        TransposeConv(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> TransposeConv<'c> {
    pub const NAME: &'static str = "tfl.transpose_conv";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[90]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn output_shape(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn weights(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(3)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn padding(self) -> Option<String> {
        self.0.str_attr("padding")
    }
    pub fn stride_h(self) -> Option<i64> {
        self.0.int_attr("stride_h")
    }
    pub fn stride_w(self) -> Option<i64> {
        self.0.int_attr("stride_w")
    }
    /// Starts a `tfl.transpose_conv` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], output_shape: Value<'c>, weights: Value<'c>, input: Value<'c>, bias: Value<'c>) -> TransposeConvBuilder<'r, 'c> {
        TransposeConvBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(output_shape).operand(weights).operand(input).operand(bias))
    }
}

pub struct TransposeConvBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> TransposeConvBuilder<'r, 'c> {
    pub fn fused_activation_function(self, v: &str) -> Self {
        TransposeConvBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn padding(self, v: &str) -> Self {
        TransposeConvBuilder(self.0.string("padding", v))
    }
    pub fn stride_h(self, v: i64) -> Self {
        TransposeConvBuilder(self.0.int("stride_h", v))
    }
    pub fn stride_w(self, v: i64) -> Self {
        TransposeConvBuilder(self.0.int("stride_w", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        TransposeConvBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> TransposeConv<'c> {
        TransposeConv(self.0.create())
    }
}

/// `tfl.unidirectional_sequence_lstm`: An LSTM layer over a whole sequence: gates (input, forget, cell, output), optional peephole, projection and layer norm; state operands 18 and 19 are variable tensors.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnidirectionalSequenceLstm<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnidirectionalSequenceLstm<'c> {
    const NAME: &'static str = "tfl.unidirectional_sequence_lstm";
    fn wrap(op: Op<'c>) -> Self {
        UnidirectionalSequenceLstm(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnidirectionalSequenceLstm<'c> {
    pub const NAME: &'static str = "tfl.unidirectional_sequence_lstm";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[91]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn input_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(1)
    }
    pub fn input_to_forget_weights(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn input_to_cell_weights(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn input_to_output_weights(self) -> Value<'c> {
        self.0.operand(4)
    }
    pub fn recurrent_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(5)
    }
    pub fn recurrent_to_forget_weights(self) -> Value<'c> {
        self.0.operand(6)
    }
    pub fn recurrent_to_cell_weights(self) -> Value<'c> {
        self.0.operand(7)
    }
    pub fn recurrent_to_output_weights(self) -> Value<'c> {
        self.0.operand(8)
    }
    pub fn cell_to_input_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(9)
    }
    pub fn cell_to_forget_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(10)
    }
    pub fn cell_to_output_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(11)
    }
    pub fn input_gate_bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(12)
    }
    pub fn forget_gate_bias(self) -> Value<'c> {
        self.0.operand(13)
    }
    pub fn cell_bias(self) -> Value<'c> {
        self.0.operand(14)
    }
    pub fn output_gate_bias(self) -> Value<'c> {
        self.0.operand(15)
    }
    pub fn projection_weights(self) -> Option<Value<'c>> {
        self.0.optional_operand(16)
    }
    pub fn projection_bias(self) -> Option<Value<'c>> {
        self.0.optional_operand(17)
    }
    pub fn input_activation_state(self) -> Value<'c> {
        self.0.operand(18)
    }
    pub fn input_cell_state(self) -> Value<'c> {
        self.0.operand(19)
    }
    pub fn input_layer_norm_coefficients(self) -> Option<Value<'c>> {
        self.0.optional_operand(20)
    }
    pub fn forget_layer_norm_coefficients(self) -> Option<Value<'c>> {
        self.0.optional_operand(21)
    }
    pub fn cell_layer_norm_coefficients(self) -> Option<Value<'c>> {
        self.0.optional_operand(22)
    }
    pub fn output_layer_norm_coefficients(self) -> Option<Value<'c>> {
        self.0.optional_operand(23)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn asymmetric_quantize_inputs(self) -> Option<bool> {
        self.0.bool_attr("asymmetric_quantize_inputs")
    }
    pub fn cell_clip(self) -> Option<f64> {
        self.0.float_attr("cell_clip")
    }
    pub fn diagonal_recurrent_tensors(self) -> Option<bool> {
        self.0.bool_attr("diagonal_recurrent_tensors")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn proj_clip(self) -> Option<f64> {
        self.0.float_attr("proj_clip")
    }
    pub fn time_major(self) -> Option<bool> {
        self.0.bool_attr("time_major")
    }
    /// Starts a `tfl.unidirectional_sequence_lstm` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, input_to_input_weights: Value<'c>, input_to_forget_weights: Value<'c>, input_to_cell_weights: Value<'c>, input_to_output_weights: Value<'c>, recurrent_to_input_weights: Value<'c>, recurrent_to_forget_weights: Value<'c>, recurrent_to_cell_weights: Value<'c>, recurrent_to_output_weights: Value<'c>, cell_to_input_weights: Value<'c>, cell_to_forget_weights: Value<'c>, cell_to_output_weights: Value<'c>, input_gate_bias: Value<'c>, forget_gate_bias: Value<'c>, cell_bias: Value<'c>, output_gate_bias: Value<'c>, projection_weights: Value<'c>, projection_bias: Value<'c>, input_activation_state: Value<'c>, input_cell_state: Value<'c>, input_layer_norm_coefficients: Value<'c>, forget_layer_norm_coefficients: Value<'c>, cell_layer_norm_coefficients: Value<'c>, output_layer_norm_coefficients: Value<'c>) -> UnidirectionalSequenceLstmBuilder<'r, 'c> {
        UnidirectionalSequenceLstmBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(input_to_input_weights).operand(input_to_forget_weights).operand(input_to_cell_weights).operand(input_to_output_weights).operand(recurrent_to_input_weights).operand(recurrent_to_forget_weights).operand(recurrent_to_cell_weights).operand(recurrent_to_output_weights).operand(cell_to_input_weights).operand(cell_to_forget_weights).operand(cell_to_output_weights).operand(input_gate_bias).operand(forget_gate_bias).operand(cell_bias).operand(output_gate_bias).operand(projection_weights).operand(projection_bias).operand(input_activation_state).operand(input_cell_state).operand(input_layer_norm_coefficients).operand(forget_layer_norm_coefficients).operand(cell_layer_norm_coefficients).operand(output_layer_norm_coefficients))
    }
}

pub struct UnidirectionalSequenceLstmBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnidirectionalSequenceLstmBuilder<'r, 'c> {
    pub fn asymmetric_quantize_inputs(self, v: bool) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.bool("asymmetric_quantize_inputs", v))
    }
    pub fn cell_clip(self, v: f64) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.float("cell_clip", v))
    }
    pub fn diagonal_recurrent_tensors(self, v: bool) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.bool("diagonal_recurrent_tensors", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn proj_clip(self, v: f64) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.float("proj_clip", v))
    }
    pub fn time_major(self, v: bool) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.bool("time_major", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnidirectionalSequenceLstmBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnidirectionalSequenceLstm<'c> {
        UnidirectionalSequenceLstm(self.0.create())
    }
}

/// `tfl.unidirectional_sequence_rnn`: A fully connected RNN layer over a whole sequence: h = act(x W^T + h R^T + b); the state operand 4 is a variable tensor.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnidirectionalSequenceRnn<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnidirectionalSequenceRnn<'c> {
    const NAME: &'static str = "tfl.unidirectional_sequence_rnn";
    fn wrap(op: Op<'c>) -> Self {
        UnidirectionalSequenceRnn(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnidirectionalSequenceRnn<'c> {
    pub const NAME: &'static str = "tfl.unidirectional_sequence_rnn";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[92]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn input_to_input_weights(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn recurrent_to_input_weights(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn input_gate_bias(self) -> Value<'c> {
        self.0.operand(3)
    }
    pub fn hidden_state(self) -> Value<'c> {
        self.0.operand(4)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    pub fn asymmetric_quantize_inputs(self) -> Option<bool> {
        self.0.bool_attr("asymmetric_quantize_inputs")
    }
    pub fn fused_activation_function(self) -> Option<String> {
        self.0.str_attr("fused_activation_function")
    }
    pub fn time_major(self) -> Option<bool> {
        self.0.bool_attr("time_major")
    }
    /// Starts a `tfl.unidirectional_sequence_rnn` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, input_to_input_weights: Value<'c>, recurrent_to_input_weights: Value<'c>, input_gate_bias: Value<'c>, hidden_state: Value<'c>) -> UnidirectionalSequenceRnnBuilder<'r, 'c> {
        UnidirectionalSequenceRnnBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(input_to_input_weights).operand(recurrent_to_input_weights).operand(input_gate_bias).operand(hidden_state))
    }
}

pub struct UnidirectionalSequenceRnnBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnidirectionalSequenceRnnBuilder<'r, 'c> {
    pub fn asymmetric_quantize_inputs(self, v: bool) -> Self {
        UnidirectionalSequenceRnnBuilder(self.0.bool("asymmetric_quantize_inputs", v))
    }
    pub fn fused_activation_function(self, v: &str) -> Self {
        UnidirectionalSequenceRnnBuilder(self.0.string("fused_activation_function", v))
    }
    pub fn time_major(self, v: bool) -> Self {
        UnidirectionalSequenceRnnBuilder(self.0.bool("time_major", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnidirectionalSequenceRnnBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnidirectionalSequenceRnn<'c> {
        UnidirectionalSequenceRnn(self.0.create())
    }
}

/// `tfl.unpack`: Splits the input along `axis` into `num` values without that dim.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Unpack<'c>(Op<'c>);

impl<'c> OpKind<'c> for Unpack<'c> {
    const NAME: &'static str = "tfl.unpack";
    fn wrap(op: Op<'c>) -> Self {
        Unpack(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> Unpack<'c> {
    pub const NAME: &'static str = "tfl.unpack";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[93]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn outputs(self) -> Vec<Value<'c>> {
        let all = self.0.results();
        all[slot_range(Self::def().results, 0, all.len())].to_vec()
    }
    pub fn axis(self) -> Option<i64> {
        self.0.int_attr("axis")
    }
    pub fn num(self) -> Option<i64> {
        self.0.int_attr("num")
    }
    /// Starts a `tfl.unpack` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>) -> UnpackBuilder<'r, 'c> {
        UnpackBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input))
    }
}

pub struct UnpackBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnpackBuilder<'r, 'c> {
    pub fn axis(self, v: i64) -> Self {
        UnpackBuilder(self.0.int("axis", v))
    }
    pub fn num(self, v: i64) -> Self {
        UnpackBuilder(self.0.int("num", v))
    }
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnpackBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> Unpack<'c> {
        Unpack(self.0.create())
    }
}

/// `tfl.unsorted_segment_max`: Per segment id, the largest of the input rows with that id (rows: the leading dims of `segment_ids`' rank); an empty segment is the type's lowest value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnsortedSegmentMax<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnsortedSegmentMax<'c> {
    const NAME: &'static str = "tfl.unsorted_segment_max";
    fn wrap(op: Op<'c>) -> Self {
        UnsortedSegmentMax(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnsortedSegmentMax<'c> {
    pub const NAME: &'static str = "tfl.unsorted_segment_max";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[94]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn segment_ids(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn num_segments(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.unsorted_segment_max` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, segment_ids: Value<'c>, num_segments: Value<'c>) -> UnsortedSegmentMaxBuilder<'r, 'c> {
        UnsortedSegmentMaxBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(segment_ids).operand(num_segments))
    }
}

pub struct UnsortedSegmentMaxBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnsortedSegmentMaxBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnsortedSegmentMaxBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnsortedSegmentMax<'c> {
        UnsortedSegmentMax(self.0.create())
    }
}

/// `tfl.unsorted_segment_min`: Per segment id, the smallest of the input rows with that id; an empty segment is the type's largest value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnsortedSegmentMin<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnsortedSegmentMin<'c> {
    const NAME: &'static str = "tfl.unsorted_segment_min";
    fn wrap(op: Op<'c>) -> Self {
        UnsortedSegmentMin(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnsortedSegmentMin<'c> {
    pub const NAME: &'static str = "tfl.unsorted_segment_min";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[95]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn segment_ids(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn num_segments(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.unsorted_segment_min` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, segment_ids: Value<'c>, num_segments: Value<'c>) -> UnsortedSegmentMinBuilder<'r, 'c> {
        UnsortedSegmentMinBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(segment_ids).operand(num_segments))
    }
}

pub struct UnsortedSegmentMinBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnsortedSegmentMinBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnsortedSegmentMinBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnsortedSegmentMin<'c> {
        UnsortedSegmentMin(self.0.create())
    }
}

/// `tfl.unsorted_segment_prod`: Per segment id, the product of the input rows with that id; an empty segment is 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnsortedSegmentProd<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnsortedSegmentProd<'c> {
    const NAME: &'static str = "tfl.unsorted_segment_prod";
    fn wrap(op: Op<'c>) -> Self {
        UnsortedSegmentProd(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnsortedSegmentProd<'c> {
    pub const NAME: &'static str = "tfl.unsorted_segment_prod";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[96]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn segment_ids(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn num_segments(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.unsorted_segment_prod` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, segment_ids: Value<'c>, num_segments: Value<'c>) -> UnsortedSegmentProdBuilder<'r, 'c> {
        UnsortedSegmentProdBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(segment_ids).operand(num_segments))
    }
}

pub struct UnsortedSegmentProdBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnsortedSegmentProdBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnsortedSegmentProdBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnsortedSegmentProd<'c> {
        UnsortedSegmentProd(self.0.create())
    }
}

/// `tfl.unsorted_segment_sum`: Per segment id, the sum of the input rows with that id; an empty segment is 0.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct UnsortedSegmentSum<'c>(Op<'c>);

impl<'c> OpKind<'c> for UnsortedSegmentSum<'c> {
    const NAME: &'static str = "tfl.unsorted_segment_sum";
    fn wrap(op: Op<'c>) -> Self {
        UnsortedSegmentSum(op)
    }
    fn op(self) -> Op<'c> {
        self.0
    }
}

impl<'c> UnsortedSegmentSum<'c> {
    pub const NAME: &'static str = "tfl.unsorted_segment_sum";
    /// The catalog entry.
    pub fn def() -> &'static OpDef {
        &super::OPS[97]
    }
    pub fn op(self) -> Op<'c> {
        self.0
    }
    pub fn input(self) -> Value<'c> {
        self.0.operand(0)
    }
    pub fn segment_ids(self) -> Value<'c> {
        self.0.operand(1)
    }
    pub fn num_segments(self) -> Value<'c> {
        self.0.operand(2)
    }
    pub fn output(self) -> Value<'c> {
        self.0.result(0)
    }
    /// Starts a `tfl.unsorted_segment_sum` at `rw`'s insertion point; set attributes, then `create`.
    pub fn build<'r>(rw: &'r mut Rewriter<'c>, result_types: &[Type<'c>], input: Value<'c>, segment_ids: Value<'c>, num_segments: Value<'c>) -> UnsortedSegmentSumBuilder<'r, 'c> {
        UnsortedSegmentSumBuilder(OpBuilder::new(rw, Self::NAME, result_types).operand(input).operand(segment_ids).operand(num_segments))
    }
}

pub struct UnsortedSegmentSumBuilder<'r, 'c>(OpBuilder<'r, 'c>);

impl<'r, 'c> UnsortedSegmentSumBuilder<'r, 'c> {
    /// Any attribute, by name.
    pub fn attr(self, name: &'static str, v: Attribute<'c>) -> Self {
        UnsortedSegmentSumBuilder(self.0.attr(name, v))
    }
    pub fn create(self) -> UnsortedSegmentSum<'c> {
        UnsortedSegmentSum(self.0.create())
    }
}


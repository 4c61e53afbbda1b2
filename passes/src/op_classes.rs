//! Classes of TFL ops that several passes treat alike.

/// One-operand element-wise ops: the same function of each element in any layout.
pub const UNARY: &[&str] = &[
    "tfl.abs",
    "tfl.cast",
    "tfl.ceil",
    "tfl.cos",
    "tfl.dequantize",
    "tfl.elu",
    "tfl.exp",
    "tfl.floor",
    "tfl.gelu",
    "tfl.hard_swish",
    "tfl.leaky_relu",
    "tfl.log",
    "tfl.logical_not",
    "tfl.logistic",
    "tfl.neg",
    "tfl.quantize",
    "tfl.relu",
    "tfl.relu6",
    "tfl.relu_0_to_1",
    "tfl.relu_n1_to_1",
    "tfl.round",
    "tfl.rsqrt",
    "tfl.sign",
    "tfl.sin",
    "tfl.sqrt",
    "tfl.square",
    "tfl.tanh",
];

/// Element-wise ops over several operands whose kernels broadcast them numpy-style
/// (up to rank 4 in every kernel version we write).
pub const BROADCASTING: &[&str] = &[
    "tfl.add",
    "tfl.bitwise_xor",
    "tfl.div",
    "tfl.equal",
    "tfl.floor_div",
    "tfl.floor_mod",
    "tfl.greater",
    "tfl.greater_equal",
    "tfl.less",
    "tfl.less_equal",
    "tfl.logical_and",
    "tfl.logical_or",
    "tfl.maximum",
    "tfl.minimum",
    "tfl.mul",
    "tfl.not_equal",
    "tfl.pow",
    "tfl.select_v2",
    "tfl.squared_difference",
    "tfl.sub",
];


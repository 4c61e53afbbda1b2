//! Rule tables of the legalization passes.

pub mod stablehlo_to_tfl;

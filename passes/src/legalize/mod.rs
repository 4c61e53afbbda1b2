//! Rule tables of the legalization passes.

mod scatter;
pub mod stablehlo_to_tfl;

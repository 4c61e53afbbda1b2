//! Rule tables of the legalization passes.

pub mod composite;
mod dynamic;
mod scatter;
pub mod stablehlo_to_tfl;

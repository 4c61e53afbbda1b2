//! Rule tables of the legalization passes.

pub mod composite;
mod conv3d;
pub(crate) mod dynamic;
mod scatter;
pub mod stablehlo_to_tfl;
mod window;

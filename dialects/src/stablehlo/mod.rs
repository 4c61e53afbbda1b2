//! The `stablehlo` dialect catalog, under the StableHLO specification's op and
//! attribute names (openxla/stablehlo `docs/spec.md`); verifier messages cite the
//! spec's constraint labels (`add_c1`) where one applies.

mod ops;

pub use ops::OPS;

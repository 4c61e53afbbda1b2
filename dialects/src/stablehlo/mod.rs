//! The `stablehlo` dialect catalog, under the StableHLO specification's op and
//! attribute names (openxla/stablehlo `docs/spec.md`); verifier messages cite the
//! spec's constraint labels (`add_c1`) where one applies.
//!
//! - `ops`: the table, one entry per op.
//! - `rules`: the verifier and result-type rules the table points at.
//! - `attrs`: readers for `#stablehlo.*` dialect attributes (conv/dot/gather/scatter
//!   dimension numbers, enums), which reach us as opaque attributes.

pub mod attrs;
mod ops;
pub mod op;
pub mod rules;

pub use ops::OPS;

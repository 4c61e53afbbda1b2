//! edge passes.

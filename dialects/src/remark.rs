//! Remarks: facts a pass reports about what it did to one op, at that op's location,
//! that are never errors: a weight kept in float32 and why, an op left in float between
//! quantized ops. MLIR's C API emits errors only (`mlirEmitError`; remarks and warnings
//! are C++-only), so remarks take their own channel to the same place: `emit_remark`
//! hands a remark to the `DiagnosticCollector` last attached to the location's context,
//! which keeps it in order beside MLIR's diagnostics as a `Severity::Remark` `Diag`.
//! edge-opt prints them and checks them against `expected-remark` annotations;
//! edge-convert groups them by message into the notes of its summary. With no collector
//! attached a remark goes to `tracing` (debug level).
//!
//! A pass writes `remark_at(op, "kept float32: ...")`: a lower-case message that says
//! what happened and why, with nothing specific to the op in it (no values, no names),
//! so that equal facts group under one message; the location names the op.

use crate::context::{parse_source_pos, Diag, Severity};
use crate::ir::print_location;
use mlir_sys::*;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// Where a collector keeps its diagnostics.
pub(crate) type Sink = Arc<Mutex<Vec<Diag>>>;

/// The sinks attached to each context (by its address), last attached last.
type Sinks = HashMap<usize, Vec<(u64, Sink)>>;
static SINKS: LazyLock<Mutex<Sinks>> = LazyLock::new(Default::default);

/// Sends remarks of `context` to `sink` until `detach` is called with the returned id.
pub(crate) fn attach(context: MlirContext, sink: Sink) -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    SINKS.lock().unwrap_or_else(|e| e.into_inner()).entry(context.ptr as usize).or_default().push((id, sink));
    id
}

pub(crate) fn detach(context: MlirContext, id: u64) {
    let mut sinks = SINKS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(list) = sinks.get_mut(&(context.ptr as usize)) {
        list.retain(|(i, _)| *i != id);
        if list.is_empty() {
            sinks.remove(&(context.ptr as usize));
        }
    }
}

/// Reports `message` as a remark at `loc`.
pub fn emit_remark(loc: MlirLocation, message: &str) {
    let context = unsafe { mlirLocationGetContext(loc) };
    let location = print_location(loc);
    let sink = SINKS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&(context.ptr as usize))
        .and_then(|list| list.last().map(|(_, s)| s.clone()));
    match sink {
        Some(sink) => {
            let diag = Diag {
                severity: Severity::Remark,
                message: message.to_string(),
                pos: parse_source_pos(&location),
                location,
                notes: Vec::new(),
            };
            sink.lock().unwrap_or_else(|e| e.into_inner()).push(diag);
        }
        None => tracing::debug!(%location, "remark: {message}"),
    }
}

/// Reports `message` as a remark at `op`'s location.
pub fn remark_at(op: MlirOperation, message: &str) {
    emit_remark(unsafe { mlirOperationGetLocation(op) }, message);
}

/// The name of a named location as MLIR prints it (`loc("conv1"("m.py":3:1))` gives
/// `conv1`; for the importer's ops, the torch.export node name); `None` for a file
/// position or an unknown location.
pub fn location_name(location: &str) -> Option<String> {
    let rest = location.strip_prefix("loc(\"")?;
    let end = rest.find('"')?;
    let after = &rest[end + 1..];
    (after.starts_with('(') || after.starts_with(')')).then(|| rest[..end].to_string())
}

/// The short name of a place for a summary: a named location's name (`conv1.weight`,
/// `loc("conv1"("m.py":3:1))` gives `conv1`), else `file:line:col`, else the location as
/// MLIR prints it.
pub fn place(d: &Diag) -> String {
    match (location_name(&d.location), &d.pos) {
        (Some(n), _) => n,
        (None, Some(p)) => format!("{}:{}:{}", p.file, p.line, p.col),
        (None, None) => d.location.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{edge_context, DiagnosticCollector};

    /// Remarks reach the collector last attached, in order with errors, and never count
    /// as errors.
    #[test]
    fn remarks_reach_the_collector() {
        let context = edge_context();
        let outer = DiagnosticCollector::attach(&context);
        let collector = DiagnosticCollector::attach(&context);
        unsafe {
            let name = mlirLocationNameGet(
                context.to_raw(),
                crate::ir::str_ref("conv1.weight"),
                mlirLocationUnknownGet(context.to_raw()),
            );
            emit_remark(name, "kept float32: why");
            let file = mlirLocationFileLineColGet(context.to_raw(), crate::ir::str_ref("m.mlir"), 3, 5);
            emit_remark(file, "another");
        }
        assert!(!collector.has_errors());
        let diags = collector.take();
        assert_eq!(diags.len(), 2);
        assert_eq!((diags[0].severity, diags[0].message.as_str()), (Severity::Remark, "kept float32: why"));
        assert_eq!(place(&diags[0]), "conv1.weight");
        assert_eq!(place(&diags[1]), "m.mlir:3:5");
        assert!(outer.take().is_empty());
        drop(collector);
        unsafe { emit_remark(mlirLocationUnknownGet(context.to_raw()), "to the outer one") };
        assert_eq!(outer.take().len(), 1);
    }
}

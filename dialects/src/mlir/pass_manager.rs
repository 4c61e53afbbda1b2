//! Safe calls into MLIR's pass manager that melior does not wrap: nesting, adding
//! passes and textual pipelines, timing, upstream registration.

use crate::ir::{append_to_string, str_ref};
use melior::pass::PassManager;
use mlir_sys::*;
use std::marker::PhantomData;
use std::sync::Once;

/// A (nested) pass manager of a `PassManager`.
#[derive(Clone, Copy)]
pub struct OpPassManager<'a> {
    raw: MlirOpPassManager,
    _pm: PhantomData<&'a ()>,
}

impl<'a> OpPassManager<'a> {
    /// The top-level op pass manager of `pm`.
    pub fn of(pm: &'a PassManager) -> Self {
        OpPassManager { raw: unsafe { mlirPassManagerGetAsOpPassManager(pm.to_raw()) }, _pm: PhantomData }
    }
    /// The pass manager nested under ops named `anchor`.
    pub fn nested_under(self, anchor: &str) -> Self {
        OpPassManager { raw: unsafe { mlirOpPassManagerGetNestedUnder(self.raw, str_ref(anchor)) }, _pm: PhantomData }
    }
    /// Adds `pass`; the pass manager takes it over.
    pub fn add_pass(self, pass: melior::pass::Pass) {
        unsafe { mlirOpPassManagerAddOwnedPass(self.raw, pass.to_raw()) };
        std::mem::forget(pass);
    }
    /// Parses `text` (upstream pipeline syntax) into this pass manager.
    pub fn add_pipeline(self, text: &str) -> Result<(), String> {
        let mut message = String::new();
        let ok = unsafe { mlirOpPassManagerAddPipeline(self.raw, str_ref(text), Some(append_to_string), &mut message as *mut String as *mut _) };
        if ok.value != 0 { Ok(()) } else { Err(message) }
    }
}

/// Turns on MLIR's pass timing report for `pm`.
pub fn enable_timing(pm: &PassManager) {
    unsafe { mlirPassManagerEnableTiming(pm.to_raw()) }
}

/// Registers upstream MLIR's transform passes once per process.
pub fn register_upstream_passes() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| unsafe { mlirRegisterTransformsPasses() });
}

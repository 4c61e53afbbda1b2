//! Programs that write their buffers (fixtures/kv/kv-buffer-*: K/V caches registered as
//! buffers of a submodule and written in place) through `pt2::import_program`: by
//! default each written buffer is an extra argument and result named by its FQN, in
//! archives saved with or without `run_decompositions()`; `BufferMutations::Refuse`
//! refuses them, naming the buffer.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use edge_compiler::pt2::{import_program, weights, BufferMutations, ImportError, ImportOptions};
use edge_dialects::context::edge_context;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/kv").join(format!("{name}.pt2"))
}

const ARCHIVES: [&str; 6] = [
    "kv-buffer-index-copy-decode",
    "kv-buffer-index-copy-decode-raw",
    "kv-buffer-narrow-item-prefill",
    "kv-buffer-narrow-item-prefill-raw",
    // The writes inside `torch.no_grad()`: a higher-order op's body writes its inputs.
    "kv-buffer-no-grad-decode-raw",
    // Tensor attributes, lifted as constants, written in place.
    "kv-attribute-index-copy-decode-raw",
];

#[test]
fn written_buffers_become_named_arguments_and_results() {
    for name in ARCHIVES {
        let program = weights::load(&fixture(name)).expect("the archive loads");
        let context = edge_context();
        let imported = import_program(&context, Arc::new(program), &ImportOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = imported.module.as_operation().to_string();
        drop(imported);
        assert!(
            text.contains(r#"tf.entry_function = {inputs = "x,pos,attn.k_cache,attn.v_cache", outputs = "output_0,attn.k_cache,attn.v_cache"}"#),
            "{name}: the buffers are not the last inputs and outputs:\n{}",
            text.lines().find(|l| l.contains("func.func @main")).unwrap_or("")
        );
        // The caches are arguments, not constants over the archive's bytes.
        assert!(!text.contains("dense_resource<attn."), "{name}: a written buffer stayed a constant");
    }
}

#[test]
fn refuse_names_the_written_buffer() {
    for name in ARCHIVES {
        let program = weights::load(&fixture(name)).expect("the archive loads");
        let context = edge_context();
        let options = ImportOptions { buffer_mutations: BufferMutations::Refuse, ..ImportOptions::default() };
        let result = import_program(&context, Arc::new(program), &options).map(|_| ());
        match result {
            Ok(()) => panic!("{name}: imported with BufferMutations::Refuse"),
            Err(ImportError::Graph(m)) => assert!(m.contains("writes buffer 'attn.k_cache'"), "{name}: {m}"),
            Err(e) => panic!("{name}: unexpected error {e:?}"),
        }
    }
}

//! Two archives into one file, as `edge-convert --signature` does: imported into one
//! context, converted each, written with `signatures_to_tflite_image`. The same archive
//! loaded twice (two maps of the file, so equal weights at different addresses) stores
//! its weights once: the file's buffers are those of the archive written alone, and
//! both subgraphs point at them. LiteRT runs each signature against PyTorch's outputs.

use edge_compiler::pt2::{import_program, weights, ImportOptions};
use edge_compiler::tflite::{dump_tflite, module_to_tflite_image, signatures_to_tflite_image, Signature, WriteOptions};
use edge_dialects::context::{edge_context, verify_module};
use edge_passes::pipelines::{convert_pipeline, ConvertPipelineOptions};
use edge_passes::{Pipeline, RunOptions};
use std::path::PathBuf;
use std::sync::Arc;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The lines of the dump's `buffers:` section.
fn buffers(dump: &str) -> Vec<&str> {
    dump.lines().skip_while(|l| *l != "buffers:").skip(1).take_while(|l| l.starts_with("  ")).collect()
}

#[test]
fn one_archive_twice_shares_every_weight_and_runs() {
    let fixture = repo().join("fixtures/models/encoder_layer.pt2");
    let context = edge_context();
    let pipeline = Pipeline::build(&context, &convert_pipeline(&ConvertPipelineOptions::default()), &RunOptions::default()).unwrap();
    let mut modules = Vec::new();
    for _ in 0..2 {
        let program = weights::load(&fixture).unwrap();
        let mut imported = import_program(&context, Arc::new(program), &ImportOptions::default()).unwrap();
        pipeline.run(&mut imported.module).unwrap();
        assert!(verify_module(&imported.module));
        modules.push(imported);
    }
    let alone = dump_tflite(&module_to_tflite_image(&modules[0].module, &WriteOptions::default()).unwrap().to_vec()).unwrap();
    let entries = [
        Signature { key: "first".into(), module: &modules[0].module, function: None },
        Signature { key: "second".into(), module: &modules[1].module, function: None },
    ];
    let image = signatures_to_tflite_image(&entries, &WriteOptions::default()).unwrap();
    let bytes = image.to_vec();
    let dump = dump_tflite(&bytes).unwrap();
    assert_eq!(buffers(&dump), buffers(&alone));
    assert!(buffers(&alone).iter().any(|l| l.ends_with("bytes") && !l.ends_with(" 16 bytes")), "{alone}");
    // Each subgraph's tensors, by name, point at the same buffers.
    let tensors = |g: usize| -> Vec<String> {
        let head = format!("subgraph {g} ");
        dump.lines()
            .skip_while(|l| !l.starts_with(&head))
            .skip(2)
            .take_while(|l| l.starts_with("    "))
            .map(|l| l.split_once(": ").unwrap().1.to_string())
            .collect()
    };
    assert_eq!(tensors(0), tensors(1));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.tflite");
    std::fs::write(&path, &bytes).unwrap();
    for key in ["first", "second"] {
        let out = std::process::Command::new(repo().join(".venv/bin/python"))
            .arg(repo().join("runtime-check/litert_check.py"))
            .arg(&path)
            .args(["--signature", key, "--rel-to-max", "1e-4", "--inputs"])
            .arg(repo().join("fixtures/models/encoder_layer.inputs.npz"))
            .arg("--expected")
            .arg(repo().join("fixtures/models/encoder_layer.expected.npz"))
            .output()
            .expect("runs .venv's python");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success() && stdout.contains("litert-check: PASS"), "{key}: {stdout}{}", String::from_utf8_lossy(&out.stderr));
    }
}

//! A file past 2 GB, by hand (ignored: it writes 2.4 GB):
//!   EDGE_LARGE_TFLITE=/tmp/large.tflite cargo test -p edge-compiler --test large_file -- --ignored --nocapture
//!   .venv/bin/python runtime-check/large_file_check.py /tmp/large.tflite
//! (`EDGE_LARGE_SIGNATURES=2`: signatures `prefill`, 8 tokens, and `decode`, one,
//! sharing the weights; the check runs both.)
//! Nine 8192x8192 float32 fully connected layers whose weights follow `weight` (the
//! check script computes the same in NumPy): the writer takes the large-model layout by
//! itself, and the file is streamed from the weights where they lie. The small test
//! below builds the same model at 64x64 and checks the layout choice with a low limit.

use edge_compiler::tflite::{module_signatures, module_to_tflite_image, signatures_to_tflite_image, BufferLayout, WriteOptions};
use edge_dialects::context::{edge_context, parse_module, verify_module};
use edge_dialects::elements::{shared_resource_attr, ResourceBytes};
use mlir_sys::*;

/// Weight `[i, j]` of layer `k`: small, varied, and easy to compute in NumPy.
fn weight(k: u32, i: u32, j: u32, n: u32) -> f32 {
    let v = (i.wrapping_mul(31).wrapping_add(j.wrapping_mul(17)).wrapping_add(k * 7)) % 97;
    (v as f32 - 48.0) / (48.0 * (n as f32).sqrt())
}

/// The model's text, with splat placeholders for the weights: `@main` on one token,
/// or with `two`, `@prefill` on 8 tokens and `@decode` on one, over the same weights.
fn text(layers: u32, n: u32, two: bool) -> String {
    let func = |name: &str, t: u32| {
        let mut s = format!("func.func @{name}(%x: tensor<{t}x{n}xf32>) -> tensor<{t}x{n}xf32> attributes {{tf.entry_function = {{inputs = \"x\", outputs = \"y\"}}}} {{\n  %none = \"tfl.no_value\"() {{value}} : () -> none\n");
        let mut prev = "%x".to_string();
        for k in 0..layers {
            s += &format!("  %w{k} = \"tfl.pseudo_const\"() {{value = dense<0.0> : tensor<{n}x{n}xf32>}} : () -> tensor<{n}x{n}xf32>\n");
            s += &format!("  %h{k} = \"tfl.fully_connected\"({prev}, %w{k}, %none) {{fused_activation_function = \"NONE\", keep_num_dims = false, weights_format = \"DEFAULT\"}} : (tensor<{t}x{n}xf32>, tensor<{n}x{n}xf32>, none) -> tensor<{t}x{n}xf32>\n");
            prev = format!("%h{k}");
        }
        s + &format!("  return {prev} : tensor<{t}x{n}xf32>\n}}\n")
    };
    if two {
        format!("module {{\n{}{}}}\n", func("prefill", 8), func("decode", 1))
    } else {
        func("main", 1)
    }
}

/// Layer `k`'s weights, shared by every function that uses them.
struct Shared(std::sync::Arc<Vec<u8>>);

impl ResourceBytes for Shared {
    fn bytes(&self) -> &[u8] {
        &self.0
    }
}

/// Gives each layer its weights as a `dense_resource` blob (as the pt2 importer does),
/// in place of the placeholder; the k-th constant of every function gets layer k's.
fn with_weights(module: &melior::ir::Module, n: u32) {
    let mut layers: Vec<std::sync::Arc<Vec<u8>>> = Vec::new();
    unsafe {
        let mut func = mlirBlockGetFirstOperation(mlirRegionGetFirstBlock(mlirOperationGetRegion(module.as_operation().to_raw(), 0)));
        while !func.ptr.is_null() {
            let mut op = mlirBlockGetFirstOperation(mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0)));
            let mut k = 0;
            while !op.ptr.is_null() {
                let name = mlirIdentifierStr(mlirOperationGetName(op));
                if std::slice::from_raw_parts(name.data as *const u8, name.length) == b"tfl.pseudo_const" {
                    if layers.len() == k as usize {
                        let mut bytes = Vec::with_capacity((n * n * 4) as usize);
                        for i in 0..n {
                            for j in 0..n {
                                bytes.extend_from_slice(&weight(k, i, j, n).to_le_bytes());
                            }
                        }
                        layers.push(std::sync::Arc::new(bytes));
                    }
                    let ty = mlirValueGetType(mlirOperationGetResult(op, 0));
                    let attr = shared_resource_attr(ty, &format!("w{k}"), Box::new(Shared(layers[k as usize].clone())));
                    mlirOperationSetAttributeByName(op, mlirStringRefCreateFromCString(c"value".as_ptr()), attr);
                    k += 1;
                }
                op = mlirOperationGetNextInBlock(op);
            }
            func = mlirOperationGetNextInBlock(func);
        }
    }
}

#[test]
fn the_layout_follows_the_limit() {
    let context = edge_context();
    let module = parse_module(&context, &text(3, 64, false), "fc.mlir").unwrap();
    with_weights(&module, 64);
    assert!(verify_module(&module));
    let small = module_to_tflite_image(&module, &WriteOptions::default()).unwrap();
    assert!(!small.is_external());
    let options = WriteOptions { max_flatbuffer_bytes: 40_000, ..Default::default() };
    let large = module_to_tflite_image(&module, &options).unwrap();
    assert!(large.is_external() && large.len() > 3 * 64 * 64 * 4);
    let forced = module_to_tflite_image(&module, &WriteOptions { layout: BufferLayout::External, ..Default::default() }).unwrap();
    assert_eq!(forced.to_vec(), large.to_vec());
}

#[test]
#[ignore = "writes a 2.4 GB file: run by hand (see the top of this file)"]
fn a_file_past_2_gb() {
    let path = std::env::var("EDGE_LARGE_TFLITE").expect("set EDGE_LARGE_TFLITE to the file to write");
    let two = std::env::var("EDGE_LARGE_SIGNATURES").is_ok_and(|v| v == "2");
    let context = edge_context();
    let module = parse_module(&context, &text(9, 8192, two), "fc.mlir").unwrap();
    with_weights(&module, 8192);
    assert!(verify_module(&module));
    let started = std::time::Instant::now();
    let image = if two {
        signatures_to_tflite_image(&module_signatures(&module), &WriteOptions::default()).unwrap()
    } else {
        module_to_tflite_image(&module, &WriteOptions::default()).unwrap()
    };
    assert!(image.is_external());
    edge_compiler::driver::write_pieces_atomically(std::path::Path::new(&path), &image.pieces()).unwrap();
    println!("wrote {} bytes ({} in the flatbuffer) in {:?}", image.len(), image.tables().len(), started.elapsed());
    for s in image.summaries().unwrap() {
        assert_eq!(s.ops.get("FULLY_CONNECTED"), Some(&9));
    }
}

//! The pt2 importer on archives whose numbers are hostile. Each archive is a real
//! fixture from `fixtures/ops` with one value of `models/model.json` changed, rebuilt
//! here; each used to panic, abort or allocate without bound, and must now give one
//! error naming the node (or input), the argument and the bad value. The same archives
//! are in `fuzz/regressions/pt2/`, which the fuzz harness replays.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use edge_compiler::pt2::{import_program, weights, ImportOptions};
use edge_dialects::context::{edge_context, DiagnosticCollector};
use serde_json::{json, Value};
use zip::write::SimpleFileOptions;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the workspace root").to_path_buf()
}

/// A rebuilt archive in its own temporary directory (kept alive with it).
struct Scratch {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

/// `fixtures/ops/<fixture>.pt2` with its model.json changed by `edit`; every entry
/// stored and 64-byte aligned, as torch.export.save writes them.
fn mutated(fixture: &str, edit: impl FnOnce(&mut Value)) -> Scratch {
    mutated_entry(fixture, "models/model.json", edit)
}

/// Like [`mutated`], editing the JSON entry whose name ends with `entry`.
fn mutated_entry(fixture: &str, entry: &str, edit: impl FnOnce(&mut Value)) -> Scratch {
    mutated_path(&repo().join("fixtures/ops").join(format!("{fixture}.pt2")), entry, edit)
}

/// The archive at `src` with its JSON entry ending with `entry` changed by `edit`.
fn mutated_path(src: &Path, entry: &str, edit: impl FnOnce(&mut Value)) -> Scratch {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(src.file_name().unwrap());
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let mut edit = Some(edit);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if f.name().ends_with(entry) {
            let mut ep: Value = serde_json::from_slice(&data).unwrap();
            (edit.take().expect("one such entry"))(&mut ep);
            data = serde_json::to_vec(&ep).unwrap();
        }
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored).with_alignment(64);
        out.start_file(f.name(), options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap();
    Scratch { _dir: dir, path }
}

/// The message of the error importing `path` gives, with `options`.
fn import_error_with(path: &Path, options: &ImportOptions) -> String {
    let program = weights::load(path).unwrap_or_else(|e| panic!("the archive itself should load: {e}"));
    let context = edge_context();
    let _collector = DiagnosticCollector::attach(&context);
    let message = match import_program(&context, Arc::new(program), options) {
        Ok(_) => panic!("{} imported", path.display()),
        Err(e) => e.to_string(),
    };
    message
}

fn import_error(path: &Path) -> String {
    import_error_with(path, &ImportOptions::default())
}

fn graph(ep: &mut Value) -> &mut Value {
    &mut ep["graph_module"]["graph"]
}

/// Sets argument `name` of node `node` (adding it if the archive left it at its default).
fn set_arg(ep: &mut Value, node: usize, name: &str, arg: Value) {
    let inputs = graph(ep)["nodes"][node]["inputs"].as_array_mut().unwrap();
    match inputs.iter_mut().find(|a| a["name"] == name) {
        Some(a) => a["arg"] = arg,
        None => inputs.push(json!({"name": name, "arg": arg, "kind": 1})),
    }
}

/// Sets the recorded sizes of tensor value `tensor`.
fn set_sizes(ep: &mut Value, tensor: &str, sizes: &[i64]) {
    graph(ep)["tensor_values"][tensor]["sizes"] = sizes.iter().map(|&s| json!({ "as_int": s })).collect();
}

/// Makes `full` (the first node of `aten.full.default.pt2`) the graph's only output.
fn only_full(ep: &mut Value) {
    let g = graph(ep);
    g["nodes"].as_array_mut().unwrap().truncate(1);
    g["outputs"] = json!([{"as_tensor": {"name": "full"}}]);
    ep["graph_module"]["signature"]["output_specs"][0]["user_output"]["arg"]["as_tensor"]["name"] = json!("full");
}

// ----- class 2: arithmetic on archive integers ------------------------------------------

#[test]
fn transposed_convolution_with_zero_groups() {
    let a = mutated("aten.convolution.default-transposed", |ep| set_arg(ep, 0, "groups", json!({"as_int": 0})));
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'convolution' (aten.convolution.default): argument 'groups' must be at least 1, got 0"
    );
}

#[test]
fn transposed_convolution_with_groups_that_do_not_divide_the_channels() {
    let a = mutated("aten.convolution.default-transposed", |ep| set_arg(ep, 0, "groups", json!({"as_int": 3})));
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'convolution' (aten.convolution.default): argument 'groups' is 3, which does not divide the weight's 8 input channels"
    );
}

#[test]
fn pool_with_a_negative_kernel() {
    let a = mutated("aten.max_pool2d_with_indices.default", |ep| {
        set_arg(ep, 0, "kernel_size", json!({"as_ints": [-2, -2]}))
    });
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'max_pool2d_with_indices' (aten.max_pool2d_with_indices.default): argument 'kernel_size' must have entries of at least 1, got -2 (in [-2, -2])"
    );
}

#[test]
fn pool_with_a_zero_stride() {
    let a = mutated("aten.max_pool2d_with_indices.default", |ep| set_arg(ep, 0, "stride", json!({"as_ints": [0, 2]})));
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'max_pool2d_with_indices' (aten.max_pool2d_with_indices.default): argument 'stride' must have entries of at least 1, got 0 (in [0, 2])"
    );
}

#[test]
fn element_count_that_overflows_i64() {
    let a = mutated("aten.full.default", |ep| {
        only_full(ep);
        set_arg(ep, 0, "size", json!({"as_ints": [4294967296i64, 4294967296i64]}));
        set_sizes(ep, "full", &[4294967296, 4294967296]);
    });
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'full' (aten.full.default): output 'full' has sizes [4294967296, 4294967296], whose element count overflows a 64-bit integer"
    );
}

#[test]
fn dim_out_of_range() {
    let a = mutated("aten._softmax.default", |ep| set_arg(ep, 0, "dim", json!({"as_int": 7})));
    let message = import_error(&a.path);
    assert!(
        message.starts_with(
            "cannot lower node '_softmax' (aten._softmax.default): argument 'dim': dim 7 is out of range for a rank-"
        ),
        "{message}"
    );
}

#[test]
fn deeply_nested_size_expression() {
    let a = mutated("aten.add.Tensor-dynamic", |ep| {
        let deep = format!("{}s17{}", "(".repeat(10_000), ")".repeat(10_000));
        graph(ep)["tensor_values"]["x"]["sizes"][0]["as_expr"]["expr_str"] = json!(deep);
    });
    let message = import_error(&a.path);
    assert!(message.starts_with("tensor 'x': size expression '((((("), "{message}");
    assert!(message.ends_with("...' nests deeper than 64 levels"), "{message}");
}

#[test]
fn as_strided_with_a_size_whose_count_overflows() {
    let a = mutated("aten.as_strided.default", |ep| {
        set_arg(ep, 0, "size", json!({"as_ints": [4611686018427387904i64, 3]}))
    });
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'as_strided' (aten.as_strided.default): argument 'size' has shape [4611686018427387904, 3], whose element count overflows i64"
    );
}

#[test]
fn view_whose_output_is_named_as_its_input() {
    // The alias walk from a view to its base looped forever on this.
    let a = mutated("aten.avg_pool2d.default-1d", |ep| {
        graph(ep)["nodes"][0]["outputs"][0]["as_tensor"]["name"] = json!("x");
        graph(ep)["nodes"][1]["inputs"][0]["arg"]["as_tensor"]["name"] = json!("x");
    });
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'unsqueeze' (aten.unsqueeze.default): output 'x' is already defined by a graph input; each value must be defined once"
    );
}

#[test]
fn per_channel_scales_that_do_not_match_the_axis() {
    // edge-convert used to write this and only refuse it when reading the file back.
    let src = repo().join("fixtures/quant/pt2e_cnn.pt2");
    let a = mutated_path(&src, "models/model.json", |ep| set_arg(ep, 0, "axis", json!({"as_int": 1})));
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'dequantize_per_channel' (quantized_decomposed.dequantize_per_channel.default): 8 scales for the 3 channels of axis 1 of tensor<8x3x3x3xi8>"
    );
}

#[test]
fn a_long_view_chain_read_after_an_in_place_write() {
    // x -> alias -> alias -> ... (20,000 views), then relu_(x), then a read of the last
    // view: bringing it up to date walked the chain recursively and, per node, from the
    // bottom up again (quadratic): a stack overflow on a test thread, minutes in the tool.
    const N: usize = 20_000;
    let a = mutated("aten.add.Tensor", |ep| {
        let g = graph(ep);
        let meta = g["tensor_values"]["x"].clone();
        let add = g["nodes"][0].clone();
        let node = |target: &str, input: &str, output: &str| {
            json!({"target": target, "inputs": [{"name": "self", "arg": {"as_tensor": {"name": input}}, "kind": 1}],
                   "outputs": [{"as_tensor": {"name": output}}], "name": output, "metadata": {}})
        };
        let mut nodes = Vec::new();
        let mut prev = "x".to_string();
        for i in 0..N {
            let name = format!("a{i}");
            nodes.push(node("torch.ops.aten.alias.default", &prev, &name));
            g["tensor_values"][&name] = meta.clone();
            prev = name;
        }
        nodes.push(node("torch.ops.aten.relu_.default", "x", "relu_"));
        g["tensor_values"]["relu_"] = meta;
        let mut add = add;
        add["inputs"][0]["arg"] = json!({"as_tensor": {"name": prev}});
        nodes.push(add);
        g["nodes"] = json!(nodes);
    });
    let program = weights::load(&a.path).expect("the archive loads");
    let context = edge_context();
    let imported = import_program(&context, Arc::new(program), &ImportOptions::default()).expect("the chain imports");
    let text = imported.module.as_operation().to_string();
    // The last view sees the write: add(relu(x), y).
    assert!(text.contains("stablehlo.maximum"), "{text}");
    assert!(text.contains("stablehlo.add"), "{text}");
}

// ----- class 4: unbounded memory ---------------------------------------------------------

#[test]
fn upsample_to_a_declared_size_of_2_pow_63_minus_1() {
    let a = mutated("aten.upsample_bilinear2d.vec-size", |ep| {
        set_arg(ep, 0, "output_size", json!({"as_ints": [12, i64::MAX]}));
        set_sizes(ep, "upsample_bilinear2d", &[1, 4, 12, i64::MAX]);
    });
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'upsample_bilinear2d' (aten.upsample_bilinear2d.vec): output 'upsample_bilinear2d' has sizes [1, 4, 12, 9223372036854775807], whose element count overflows a 64-bit integer"
    );
}

#[test]
fn upsample_past_the_element_limit() {
    let a = mutated("aten.upsample_bilinear2d.vec-size", |ep| {
        set_arg(ep, 0, "output_size", json!({"as_ints": [12, 1i64 << 40]}));
        set_sizes(ep, "upsample_bilinear2d", &[1, 4, 12, 1 << 40]);
    });
    assert_eq!(
        import_error(&a.path),
        "cannot lower node 'upsample_bilinear2d' (aten.upsample_bilinear2d.vec): output 'upsample_bilinear2d' would have 52776558133248 elements (tensor<1x4x12x1099511627776xf32>), more than the limit of 2147483648 elements per tensor built at import; if the model really needs it, raise the limit with EDGE_MAX_TENSOR_ELEMENTS=<n>"
    );
}

#[test]
fn strided_weight_whose_gathered_copy_is_huge() {
    // A stride of 0 views 4 stored bytes as 2^40 elements; the gather copied them all.
    let a = mutated_entry("aten.convolution.default-transposed", "model_weights_config.json", |c| {
        let meta = &mut c["config"]["bias"]["tensor_meta"];
        meta["sizes"] = json!([{"as_int": 1i64 << 40}]);
        meta["strides"] = json!([{"as_int": 0}]);
    });
    assert_eq!(
        import_error(&a.path),
        "the gathered copy of strided weight 'bias' (sizes [1099511627776], strides [0]) would have 1099511627776 elements, more than the limit of 2147483648 elements per tensor built at import; if the model really needs it, raise the limit with EDGE_MAX_TENSOR_ELEMENTS=<n>"
    );
}

#[test]
fn the_element_limit_is_an_option() {
    // The unchanged fixture imports; with a limit under its 480-element output it does not.
    let path = repo().join("fixtures/ops/aten.upsample_bilinear2d.vec-size.pt2");
    let low = ImportOptions { max_tensor_elements: Some(100), ..ImportOptions::default() };
    assert_eq!(
        import_error_with(&path, &low),
        "input 'x' would have 256 elements (tensor<1x4x8x8xf32>), more than the limit of 100 elements per tensor built at import; if the model really needs it, raise the limit with EDGE_MAX_TENSOR_ELEMENTS=<n>"
    );
}

#[test]
fn index_tables_are_bounded_by_the_constant_byte_limit() {
    // 2 x 12 output rows: the interpolation tables of dim 2 (3 x 12 i64) take 288 bytes.
    let path = repo().join("fixtures/ops/aten.upsample_bilinear2d.vec-size.pt2");
    let low = ImportOptions { max_constant_bytes: Some(100), ..ImportOptions::default() };
    assert_eq!(
        import_error_with(&path, &low),
        "cannot lower node 'upsample_bilinear2d' (aten.upsample_bilinear2d.vec): the interpolation tables of dim 2 would take 288 bytes, more than the limit of 100 bytes per constant built at import; if the model really needs it, raise the limit with EDGE_MAX_CONSTANT_BYTES=<n>"
    );
}

// ----- class 7: a negative input dimension ------------------------------------------------

#[test]
fn negative_input_dimension() {
    let a = mutated("aten.max_pool2d_with_indices.default", |ep| set_sizes(ep, "x", &[-1, 4, 8, 8]));
    assert_eq!(
        import_error(&a.path),
        "input 'x' has size -1 in dimension 0 (sizes [-1, 4, 8, 8]); sizes must be non-negative, and torch.export records a dynamic dimension as a symbol, not as -1"
    );
}

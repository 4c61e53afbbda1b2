//! The TFL catalog against the TFLite schema (`compiler/schema/tflite.fbs`), its op
//! coverage, and its verifier / result-type rules on hand-built ops.

use edge_dialects::catalog::{AttrKind, FieldSource, FieldTy, OpDef};
use edge_dialects::ir::{Attr, ElemTy, OpView, TensorTy, DYN};
use edge_dialects::verify::check_op;
use edge_dialects::TFL;
use std::collections::{BTreeMap, HashMap};

// =================================================================================
// A small reader for the parts of a FlatBuffers schema the catalog refers to.

#[derive(Default)]
struct Schema {
    /// Table name -> fields (name, type) in declaration order (= slot order).
    tables: HashMap<String, Vec<(String, String)>>,
    /// Enum name -> value names.
    enums: HashMap<String, Vec<String>>,
    /// Union name -> member names.
    unions: HashMap<String, Vec<String>>,
}

fn strip_comments(text: &str) -> String {
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The name of a declaration item: up to `:`, `=`, `(` or whitespace.
fn item_name(item: &str) -> &str {
    let end = item.find(|c: char| c == ':' || c == '=' || c == '(' || c.is_whitespace()).unwrap_or(item.len());
    &item[..end]
}

/// A table field's type: after `:`, up to `(`, `=` or whitespace.
fn field_type(item: &str) -> String {
    let ty = item.split_once(':').map_or("", |(_, t)| t).trim();
    let end = ty.find(|c: char| c == '(' || c == '=' || c.is_whitespace()).unwrap_or(ty.len());
    ty[..end].to_string()
}

fn parse_schema(text: &str) -> Schema {
    let text = strip_comments(text);
    let mut schema = Schema::default();
    let mut header = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => header.clear(),
            '{' => {
                let mut body = String::new();
                for b in chars.by_ref() {
                    if b == '}' {
                        break;
                    }
                    body.push(b);
                }
                let mut words = header.split_whitespace();
                let kind = words.next().unwrap_or("");
                let name = words.next().unwrap_or("").trim_end_matches(':').to_string();
                let items = |sep: char| -> Vec<String> {
                    body.split(sep).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
                };
                match kind {
                    "table" | "struct" => {
                        let fields = items(';').iter().map(|f| (item_name(f).to_string(), field_type(f))).collect();
                        schema.tables.insert(name, fields);
                    }
                    "enum" => {
                        schema.enums.insert(name, items(',').iter().map(|v| item_name(v).to_string()).collect());
                    }
                    "union" => {
                        schema.unions.insert(name, items(',').iter().map(|v| item_name(v).to_string()).collect());
                    }
                    _ => {}
                }
                header.clear();
            }
            _ => header.push(c),
        }
    }
    schema
}

fn load_schema() -> Schema {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../compiler/schema/tflite.fbs");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    parse_schema(&text)
}

fn type_matches(ty: FieldTy, schema_ty: &str) -> bool {
    match ty {
        FieldTy::Bool => schema_ty == "bool",
        FieldTy::Int => matches!(schema_ty, "int" | "int32"),
        FieldTy::Long => matches!(schema_ty, "long" | "int64"),
        FieldTy::Float => matches!(schema_ty, "float" | "float32"),
        FieldTy::Enum(name) => schema_ty == name,
        FieldTy::IntVector => matches!(schema_ty, "[int]" | "[int32]"),
    }
}

#[test]
fn schema_reader_reads_tables_enums_and_unions() {
    let s = parse_schema(
        "// c\nnamespace x;\nenum Padding : byte { SAME, VALID }\n\
         table T (deprecated) {\n  a:int (deprecated);\n  b : [int];\n  c:E = DEFAULT; // x\n}\n\
         union U { A, B (deprecated), }\ntable Empty {\n}\n",
    );
    assert_eq!(s.enums["Padding"], ["SAME", "VALID"]);
    assert_eq!(s.tables["T"], [("a".into(), "int".into()), ("b".into(), "[int]".into()), ("c".into(), "E".into())]);
    assert_eq!(s.unions["U"], ["A", "B"]);
    assert!(s.tables["Empty"].is_empty());
}

#[test]
fn tfl_options_match_schema() {
    let schema = load_schema();
    let builtins = schema.enums.get("BuiltinOperator").expect("enum BuiltinOperator");
    let mut problems = Vec::new();
    for op in TFL.ops {
        let Some(t) = &op.tflite else { continue };
        if !builtins.iter().any(|b| b == t.builtin) {
            problems.push(format!("{}: {} is not a BuiltinOperator", op.name, t.builtin));
        }
        let Some(opts) = &t.options else { continue };
        let union = if opts.union == 2 { "BuiltinOptions2" } else { "BuiltinOptions" };
        if !schema.unions.get(union).is_some_and(|m| m.iter().any(|m| m == opts.table)) {
            problems.push(format!("{}: {} is not a member of {union}", op.name, opts.table));
        }
        let Some(fields) = schema.tables.get(opts.table) else {
            problems.push(format!("{}: no table {}", op.name, opts.table));
            continue;
        };
        for f in opts.fields {
            match fields.get(f.slot as usize) {
                Some((name, ty)) if name == f.field && type_matches(f.ty, ty) => {}
                Some((name, ty)) => problems.push(format!(
                    "{}: {}.{} at slot {} is `{name}:{ty}` in the schema, expected {:?}",
                    op.name, opts.table, f.field, f.slot, f.ty
                )),
                None => problems.push(format!("{}: {} has no slot {}", op.name, opts.table, f.slot)),
            }
            // An enum field filled from a string attribute: every accepted string is a
            // value of the schema enum.
            if let (FieldTy::Enum(e), FieldSource::Attr(a)) = (f.ty, f.source) {
                let kind = op.attrs.iter().find(|d| d.name == a).map(|d| d.kind);
                if let Some(AttrKind::Enum(values)) = kind {
                    let schema_values = schema.enums.get(e).cloned().unwrap_or_default();
                    for v in values.iter().filter(|v| !schema_values.iter().any(|s| s == *v)) {
                        problems.push(format!("{}: '{a}' value {v} is not in enum {e}", op.name));
                    }
                }
            }
            if let FieldSource::Attr(a) = f.source {
                if !op.attrs.iter().any(|d| d.name == a) {
                    problems.push(format!("{}: options field {} reads missing attribute '{a}'", op.name, f.field));
                }
            }
        }
    }
    assert!(problems.is_empty(), "catalog and schema disagree:\n{}", problems.join("\n"));
}

#[test]
fn tfl_runtime_versions_are_listed() {
    for op in TFL.ops {
        let Some(t) = &op.tflite else { continue };
        assert!(!t.runtime_versions.is_empty(), "{} lists no runtime versions", op.name);
        for v in t.runtime_versions.iter().filter(|v| !v.is_empty()) {
            let parts: Vec<_> = v.split('.').collect();
            assert!(parts.len() == 3 && parts.iter().all(|p| p.parse::<u32>().is_ok()), "{}: bad version {v}", op.name);
        }
    }
}

// =================================================================================
// Coverage.

const REQUIRED_OPS: &[&str] = &[
    "add",
    "sub",
    "mul",
    "div",
    "maximum",
    "minimum",
    "squared_difference",
    "pow",
    "neg",
    "abs",
    "exp",
    "log",
    "sqrt",
    "rsqrt",
    "tanh",
    "logistic",
    "relu",
    "relu6",
    "relu_n1_to_1",
    "leaky_relu",
    "hard_swish",
    "gelu",
    "conv_2d",
    "depthwise_conv_2d",
    "transpose_conv",
    "fully_connected",
    "batch_matmul",
    "max_pool_2d",
    "average_pool_2d",
    "mean",
    "sum",
    "reduce_max",
    "reduce_min",
    "softmax",
    "log_softmax",
    "reshape",
    "transpose",
    "concatenation",
    "pad",
    "padv2",
    "slice",
    "strided_slice",
    "gather",
    "squeeze",
    "expand_dims",
    "pack",
    "unpack",
    "split",
    "cast",
    "select_v2",
    "equal",
    "not_equal",
    "less",
    "greater",
    "less_equal",
    "greater_equal",
    "logical_and",
    "logical_or",
    "logical_not",
    "broadcast_to",
    "resize_bilinear",
    "resize_nearest_neighbor",
    "embedding_lookup",
    "cumsum",
    "arg_max",
    "quantize",
    "dequantize",
    "pseudo_const",
    "no_value",
];

#[test]
fn tfl_catalog_covers_required_ops() {
    let missing: Vec<_> = REQUIRED_OPS.iter().filter(|n| TFL.lookup(&format!("tfl.{n}")).is_none()).collect();
    assert!(missing.is_empty(), "missing TFL ops: {missing:?}");
    for name in ["tfl.pseudo_const", "tfl.no_value"] {
        assert!(TFL.lookup(name).unwrap().tflite.is_none(), "{name} is not an operator");
    }
    for op in TFL.ops.iter().filter(|o| !["tfl.pseudo_const", "tfl.no_value"].contains(&o.name)) {
        assert!(op.tflite.is_some(), "{} has no TFLite mapping", op.name);
    }
}

// =================================================================================
// Rules on hand-built ops.

fn f32(shape: &[i64]) -> TensorTy {
    TensorTy::ranked(shape.to_vec(), ElemTy::F32)
}

fn i32(shape: &[i64]) -> TensorTy {
    TensorTy::ranked(shape.to_vec(), ElemTy::I(32))
}

fn none() -> TensorTy {
    TensorTy { shape: None, elem: ElemTy::None, is_tensor: false }
}

fn int(v: i64) -> Attr {
    Attr::Int(v)
}

fn s(v: &str) -> Attr {
    Attr::Str(v.into())
}

struct Op {
    view: OpView,
}

/// Builds `name(operands) {attrs} -> results`; `consts[i]` is operand i's constant value.
fn op(name: &str, operands: Vec<TensorTy>, results: Vec<TensorTy>, attrs: &[(&str, Attr)]) -> Op {
    Op {
        view: OpView {
            name: name.into(),
            operand_consts: vec![None; operands.len()],
            operands,
            results,
            attrs: attrs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>(),
            num_regions: 0,
        },
    }
}

impl Op {
    fn with_const(mut self, i: usize, values: &[i64]) -> Self {
        self.view.operand_consts[i] = Some(values.to_vec());
        self
    }
    fn def(&self) -> &'static OpDef {
        TFL.lookup(&self.view.name).unwrap_or_else(|| panic!("{} not in catalog", self.view.name))
    }
    fn errors(&self) -> Vec<String> {
        check_op(self.def(), &self.view)
    }
    #[track_caller]
    fn ok(&self) {
        let e = self.errors();
        assert!(e.is_empty(), "{}: unexpected errors {e:?}", self.view.name);
    }
    #[track_caller]
    fn fails(&self, needle: &str) {
        let e = self.errors();
        assert!(
            e.iter().any(|m| m.contains(needle)),
            "{}: expected an error containing {needle:?}, got {e:?}",
            self.view.name
        );
    }
    /// The types the op's rule infers.
    fn inferred(&self) -> Vec<TensorTy> {
        (self.def().infer.expect("an infer rule"))(&self.view).expect("inference succeeds")
    }
}

fn conv_attrs(padding: &str, stride: i64) -> Vec<(&'static str, Attr)> {
    vec![
        ("dilation_h_factor", int(1)),
        ("dilation_w_factor", int(1)),
        ("fused_activation_function", s("NONE")),
        ("padding", s(padding)),
        ("stride_h", int(stride)),
        ("stride_w", int(stride)),
    ]
}

#[test]
fn conv_2d_shapes() {
    let conv = |input: &[i64], filter: &[i64], out: &[i64], padding: &str, stride: i64| {
        op(
            "tfl.conv_2d",
            vec![f32(input), f32(filter), f32(&[filter[0]])],
            vec![f32(out)],
            &conv_attrs(padding, stride),
        )
    };
    conv(&[1, 8, 8, 3], &[16, 3, 3, 3], &[1, 8, 8, 16], "SAME", 1).ok();
    conv(&[1, 8, 8, 3], &[16, 3, 3, 3], &[1, 3, 3, 16], "VALID", 2).ok();
    conv(&[DYN, 8, 8, 3], &[16, 3, 3, 3], &[DYN, 4, 4, 16], "SAME", 2).ok();
    // conv_2d: input channels must be a multiple of the filter's.
    conv(&[1, 8, 8, 3], &[16, 3, 3, 4], &[1, 8, 8, 16], "SAME", 1)
        .fails("not a multiple of the filter's 4 input channels");
    // A result shape the padding/stride do not give.
    conv(&[1, 8, 8, 3], &[16, 3, 3, 3], &[1, 8, 8, 16], "VALID", 1).fails("result #0 has type tensor<1x8x8x16xf32>");
    conv(&[1, 8, 8, 3], &[16, 3, 3, 3], &[1, 8, 8, 16], "FULL", 1)
        .fails("must be one of \"SAME\", \"VALID\", got \"FULL\"");
    // Bias size must match the output channels; none is allowed.
    let mut c = conv(&[1, 8, 8, 3], &[16, 3, 3, 3], &[1, 8, 8, 16], "SAME", 1);
    c.view.operands[2] = f32(&[8]);
    c.fails("bias has 8 elements");
    c.view.operands[2] = none();
    c.ok();
    let mut zero_stride = conv(&[1, 8, 8, 3], &[16, 3, 3, 3], &[1, 8, 8, 16], "SAME", 1);
    zero_stride.view.attrs.insert("stride_w".into(), int(0));
    zero_stride.fails("'stride_w' must be positive");
}

#[test]
fn depthwise_conv_2d_filter_shape() {
    let mut attrs = conv_attrs("SAME", 1);
    attrs.push(("depth_multiplier", int(2)));
    op(
        "tfl.depthwise_conv_2d",
        vec![f32(&[1, 8, 8, 4]), f32(&[1, 3, 3, 8]), f32(&[8])],
        vec![f32(&[1, 8, 8, 8])],
        &attrs,
    )
    .ok();
    op("tfl.depthwise_conv_2d", vec![f32(&[1, 8, 8, 4]), f32(&[2, 3, 3, 8]), none()], vec![f32(&[1, 8, 8, 8])], &attrs)
        .fails("[1, H, W, C * multiplier]");
    op(
        "tfl.depthwise_conv_2d",
        vec![f32(&[1, 8, 8, 4]), f32(&[1, 3, 3, 12]), none()],
        vec![f32(&[1, 8, 8, 12])],
        &attrs,
    )
    .fails("depth_multiplier 2");
}

#[test]
fn fully_connected_keep_num_dims() {
    let fc = |keep: bool, out: &[i64]| {
        op(
            "tfl.fully_connected",
            vec![f32(&[2, 3, 8]), f32(&[16, 8]), none()],
            vec![f32(out)],
            &[
                ("fused_activation_function", s("NONE")),
                ("keep_num_dims", Attr::Bool(keep)),
                ("weights_format", s("DEFAULT")),
            ],
        )
    };
    fc(true, &[2, 3, 16]).ok();
    fc(false, &[6, 16]).ok();
    fc(false, &[3, 32]).fails("result #0");
    // TensorFlow accepts any result with the right element count when the dims are
    // not kept.
    let mut flat = fc(false, &[96]);
    flat.ok();
    flat.view.results[0] = f32(&[80]);
    flat.fails("input has 6 rows of 8, but the result has 80 elements");
    let mut bad = fc(true, &[2, 3, 16]);
    bad.view.operands[1] = f32(&[16, 7]);
    bad.fails("differs from the filter's input size 7");
}

#[test]
fn transpose_perm_must_be_a_permutation() {
    let t = |perm: &[i64], out: &[i64]| {
        op("tfl.transpose", vec![f32(&[2, 3, 4]), i32(&[perm.len() as i64])], vec![f32(out)], &[]).with_const(1, perm)
    };
    t(&[0, 2, 1], &[2, 4, 3]).ok();
    t(&[2, 0, 1], &[4, 2, 3]).ok();
    t(&[0, 0, 1], &[2, 2, 3]).fails("is not a permutation");
    t(&[0, 1], &[2, 3]).fails("perm has 2 elements, but the input has rank 3");
    // A non-constant perm only fixes the rank.
    op("tfl.transpose", vec![f32(&[2, 3, 4]), i32(&[3])], vec![f32(&[4, 3, 2])], &[]).ok();
}

#[test]
fn concatenation_axis_and_dims() {
    let cat = |axis: i64, b: &[i64], out: &[i64]| {
        op(
            "tfl.concatenation",
            vec![f32(&[2, 3]), f32(b)],
            vec![f32(out)],
            &[("axis", int(axis)), ("fused_activation_function", s("NONE"))],
        )
    };
    cat(1, &[2, 5], &[2, 8]).ok();
    cat(-1, &[2, 5], &[2, 8]).ok();
    cat(0, &[4, 3], &[6, 3]).ok();
    cat(2, &[2, 5], &[2, 8]).fails("axis 2 is out of range for rank 2");
    cat(0, &[2, 5], &[4, 3]).fails("operand #1 has size 5 in dimension 1");
    cat(1, &[2, 5], &[2, 7]).fails("result #0");
}

#[test]
fn reductions_with_keep_dims() {
    let mean = |keep: bool, out: &[i64]| {
        op("tfl.mean", vec![f32(&[1, 4, 4, 8]), i32(&[2])], vec![f32(out)], &[("keep_dims", Attr::Bool(keep))])
            .with_const(1, &[1, 2])
    };
    mean(true, &[1, 1, 1, 8]).ok();
    mean(false, &[1, 8]).ok();
    mean(true, &[1, 8]).fails("result #0");
    assert_eq!(mean(true, &[1, 1, 1, 8]).inferred(), vec![f32(&[1, 1, 1, 8])]);
    op("tfl.sum", vec![f32(&[2, 3]), i32(&[1])], vec![f32(&[2])], &[("keep_dims", Attr::Bool(false))])
        .with_const(1, &[4])
        .fails("axis 4 is out of range for rank 2");
    // Non-constant axes: keep_dims still fixes the rank.
    op("tfl.reduce_max", vec![f32(&[2, 3]), i32(&[1])], vec![f32(&[2, 1])], &[("keep_dims", Attr::Bool(true))]).ok();
    op("tfl.reduce_min", vec![f32(&[2, 3]), i32(&[1])], vec![f32(&[2, 1, 1])], &[("keep_dims", Attr::Bool(true))])
        .fails("result #0");
    op("tfl.mean", vec![f32(&[2, 3]), i32(&[1])], vec![f32(&[2])], &[]).fails("requires attribute 'keep_dims'");
}

#[test]
fn shape_ops_infer_from_constants() {
    let reshape = op("tfl.reshape", vec![f32(&[2, 3, 4]), i32(&[2])], vec![f32(&[6, 4])], &[]).with_const(1, &[-1, 4]);
    reshape.ok();
    assert_eq!(reshape.inferred(), vec![f32(&[6, 4])]);
    op("tfl.reshape", vec![f32(&[2, 3, 4]), i32(&[2])], vec![f32(&[5, 5])], &[])
        .with_const(1, &[5, 5])
        .fails("cannot reshape 24");

    let ss = op(
        "tfl.strided_slice",
        vec![f32(&[4, 10, 3]), i32(&[3]), i32(&[3]), i32(&[3])],
        vec![f32(&[5, 3])],
        &[
            ("begin_mask", int(0b100)),
            ("end_mask", int(0b100)),
            ("ellipsis_mask", int(0)),
            ("new_axis_mask", int(0)),
            ("shrink_axis_mask", int(0b001)),
            ("offset", Attr::Bool(false)),
        ],
    )
    .with_const(1, &[1, 0, 0])
    .with_const(2, &[2, -1, 0])
    .with_const(3, &[1, 2, 1]);
    ss.ok();
    assert_eq!(ss.inferred(), vec![f32(&[5, 3])]);

    let gather = op("tfl.gather", vec![f32(&[5, 6, 7]), i32(&[2, 3])], vec![f32(&[5, 2, 3, 7])], &[("axis", int(1))]);
    gather.ok();
    op("tfl.gather", vec![f32(&[5, 6, 7]), i32(&[2, 3])], vec![f32(&[5, 2, 3, 7])], &[("axis", int(3))])
        .fails("out of range");

    let pad = op("tfl.pad", vec![f32(&[1, 4]), i32(&[2, 2])], vec![f32(&[3, 7])], &[]).with_const(1, &[1, 1, 0, 3]);
    pad.ok();
    op("tfl.slice", vec![f32(&[4, 5]), i32(&[2]), i32(&[2])], vec![f32(&[2, 3])], &[])
        .with_const(1, &[1, 2])
        .with_const(2, &[2, -1])
        .ok();
    op("tfl.slice", vec![f32(&[4, 5]), i32(&[2]), i32(&[2])], vec![f32(&[4, 3])], &[])
        .with_const(1, &[1, 2])
        .with_const(2, &[4, -1])
        .fails("exceeds dimension 0");
    op("tfl.squeeze", vec![f32(&[1, 3, 1])], vec![f32(&[3, 1])], &[("squeeze_dims", Attr::Array(vec![int(0)]))]).ok();
    op("tfl.squeeze", vec![f32(&[1, 3, 1])], vec![f32(&[3])], &[]).ok();
    op("tfl.squeeze", vec![f32(&[1, 3, 1])], vec![f32(&[1, 1])], &[("squeeze_dims", Attr::Array(vec![int(1)]))])
        .fails("cannot squeeze dimension 1 of size 3");
    op("tfl.expand_dims", vec![f32(&[2, 3]), i32(&[])], vec![f32(&[2, 3, 1])], &[]).with_const(1, &[-1]).ok();
    op("tfl.broadcast_to", vec![f32(&[3]), i32(&[2])], vec![f32(&[2, 3])], &[]).with_const(1, &[2, 3]).ok();
    op("tfl.broadcast_to", vec![f32(&[4]), i32(&[2])], vec![f32(&[2, 3])], &[])
        .with_const(1, &[2, 3])
        .fails("does not broadcast");
}

#[test]
fn pack_unpack_split() {
    let pack = |count: i64| {
        op(
            "tfl.pack",
            vec![f32(&[2, 3]), f32(&[2, 3])],
            vec![f32(&[2, 2, 3])],
            &[("axis", int(1)), ("values_count", int(count))],
        )
    };
    pack(2).ok();
    pack(3).fails("values_count is 3, but there are 2 values");
    op("tfl.unpack", vec![f32(&[2, 3])], vec![f32(&[2]), f32(&[2]), f32(&[2])], &[("axis", int(1)), ("num", int(3))])
        .ok();
    op("tfl.unpack", vec![f32(&[2, 3])], vec![f32(&[2]), f32(&[2])], &[("axis", int(1)), ("num", int(2))])
        .fails("dimension 1 has size 3, but num is 2");
    op("tfl.split", vec![i32(&[]), f32(&[4, 6])], vec![f32(&[4, 3]), f32(&[4, 3])], &[("num_splits", int(2))])
        .with_const(0, &[1])
        .ok();
    op("tfl.split", vec![i32(&[]), f32(&[4, 5])], vec![f32(&[4, 2]), f32(&[4, 2])], &[("num_splits", int(2))])
        .with_const(0, &[1])
        .fails("does not split into 2 equal parts");
}

#[test]
fn elementwise_and_special_ops() {
    let add = |a: &[i64], b: &[i64], out: &[i64]| {
        op("tfl.add", vec![f32(a), f32(b)], vec![f32(out)], &[("fused_activation_function", s("RELU6"))])
    };
    add(&[2, 1, 4], &[3, 1], &[2, 3, 4]).ok();
    add(&[2, 4], &[3], &[2, 4]).fails("does not broadcast");
    op("tfl.add", vec![f32(&[2]), i32(&[2])], vec![f32(&[2])], &[("fused_activation_function", s("NONE"))])
        .fails("operand #1 has element type i32, but operand #0 has f32");
    let f16 = TensorTy::ranked(vec![2], ElemTy::F16);
    op("tfl.add", vec![f16.clone(), f16.clone()], vec![f16], &[("fused_activation_function", s("NONE"))])
        .fails("operand 'lhs' must have element type");
    op("tfl.less", vec![f32(&[2, 3]), f32(&[3])], vec![TensorTy::ranked(vec![2, 3], ElemTy::I(1))], &[]).ok();
    op("tfl.less", vec![f32(&[2, 3]), f32(&[3])], vec![f32(&[2, 3])], &[]).fails("must have element type i1");
    op("tfl.no_value", vec![], vec![none()], &[("value", Attr::Unit)]).ok();
    op("tfl.no_value", vec![], vec![f32(&[1])], &[("value", Attr::Unit)]).fails("must have type none");
    op("tfl.softmax", vec![f32(&[2, 5])], vec![f32(&[2, 5])], &[("beta", Attr::Float(1.0))]).ok();
    op("tfl.arg_max", vec![f32(&[2, 5]), i32(&[])], vec![TensorTy::ranked(vec![2], ElemTy::I(64))], &[])
        .with_const(1, &[1])
        .ok();
    op(
        "tfl.resize_bilinear",
        vec![f32(&[1, 4, 4, 3]), i32(&[2])],
        vec![f32(&[1, 8, 8, 3])],
        &[("align_corners", Attr::Bool(false))],
    )
    .with_const(1, &[8, 8])
    .ok();
    op(
        "tfl.batch_matmul",
        vec![f32(&[3, 2, 4]), f32(&[4, 5])],
        vec![f32(&[3, 2, 5])],
        &[("adj_x", Attr::Bool(false)), ("adj_y", Attr::Bool(false))],
    )
    .ok();
    op("tfl.batch_matmul", vec![f32(&[3, 2, 4]), f32(&[3, 5])], vec![f32(&[3, 2, 5])], &[]).fails("contracting dim");
}

// =================================================================================
// End to end: generic-form IR as TensorFlow's tools write it, parsed by MLIR and
// checked by the verify step.

const TF_STYLE_MODULE: &str = r#"
func.func @main(%x: tensor<1x8x8x3xf32>, %q: tensor<1x4xf32>, %ids: tensor<3xi32>) -> tensor<1x8x8x16xf32> {
  %w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<16x3x3x3xf32>} : () -> tensor<16x3x3x3xf32>
  %b = "tfl.pseudo_const"() {value = dense<0.0> : tensor<16xf32>} : () -> tensor<16xf32>
  %none = "tfl.no_value"() {value} : () -> none
  %conv = "tfl.conv_2d"(%x, %w, %b) {dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "RELU6", padding = "SAME", stride_h = 1 : i32, stride_w = 1 : i32} : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x8x8x16xf32>
  %dw_w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<1x3x3x16xf32>} : () -> tensor<1x3x3x16xf32>
  %dw = "tfl.depthwise_conv_2d"(%conv, %dw_w, %none) {depth_multiplier = 1 : i32, dilation_h_factor = 1 : i32, dilation_w_factor = 1 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x8x8x16xf32>, tensor<1x3x3x16xf32>, none) -> tensor<1x3x3x16xf32>
  %pool = "tfl.max_pool_2d"(%conv) {filter_height = 2 : i32, filter_width = 2 : i32, fused_activation_function = "NONE", padding = "VALID", stride_h = 2 : i32, stride_w = 2 : i32} : (tensor<1x8x8x16xf32>) -> tensor<1x4x4x16xf32>
  %axes = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %mean = "tfl.mean"(%pool, %axes) {keep_dims = false} : (tensor<1x4x4x16xf32>, tensor<2xi32>) -> tensor<1x16xf32>
  %fc_w = "tfl.pseudo_const"() {value = dense<1.0> : tensor<10x16xf32>} : () -> tensor<10x16xf32>
  %fc = "tfl.fully_connected"(%mean, %fc_w, %none) {fused_activation_function = "NONE", keep_num_dims = false, weights_format = "DEFAULT"} : (tensor<1x16xf32>, tensor<10x16xf32>, none) -> tensor<1x10xf32>
  %sm = "tfl.softmax"(%fc) {beta = 1.000000e+00 : f32} : (tensor<1x10xf32>) -> tensor<1x10xf32>
  %shape = "tfl.pseudo_const"() {value = dense<[2, -1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %r = "tfl.reshape"(%sm, %shape) : (tensor<1x10xf32>, tensor<2xi32>) -> tensor<2x5xf32>
  %perm = "tfl.pseudo_const"() {value = dense<[1, 0]> : tensor<2xi32>} : () -> tensor<2xi32>
  %t = "tfl.transpose"(%r, %perm) : (tensor<2x5xf32>, tensor<2xi32>) -> tensor<5x2xf32>
  %cat = "tfl.concatenation"(%t, %t) {axis = -1 : i32, fused_activation_function = "NONE"} : (tensor<5x2xf32>, tensor<5x2xf32>) -> tensor<5x4xf32>
  %pads = "tfl.pseudo_const"() {value = dense<[[0, 1], [2, 0]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %pad = "tfl.pad"(%cat, %pads) : (tensor<5x4xf32>, tensor<2x2xi32>) -> tensor<6x6xf32>
  %b0 = "tfl.pseudo_const"() {value = dense<[0, 1]> : tensor<2xi32>} : () -> tensor<2xi32>
  %e0 = "tfl.pseudo_const"() {value = dense<[1, 5]> : tensor<2xi32>} : () -> tensor<2xi32>
  %s0 = "tfl.pseudo_const"() {value = dense<[1, 2]> : tensor<2xi32>} : () -> tensor<2xi32>
  %ss = "tfl.strided_slice"(%pad, %b0, %e0, %s0) {begin_mask = 0 : i32, ellipsis_mask = 0 : i32, end_mask = 0 : i32, new_axis_mask = 0 : i32, offset = false, shrink_axis_mask = 1 : i32} : (tensor<6x6xf32>, tensor<2xi32>, tensor<2xi32>, tensor<2xi32>) -> tensor<2xf32>
  %one = "tfl.pseudo_const"() {value = dense<0> : tensor<i32>} : () -> tensor<i32>
  %ex0 = "tfl.expand_dims"(%ss, %one) : (tensor<2xf32>, tensor<i32>) -> tensor<1x2xf32>
  %sq = "tfl.squeeze"(%ex0) {squeeze_dims = [0]} : (tensor<1x2xf32>) -> tensor<2xf32>
  %g = "tfl.gather"(%pad, %ids) {axis = 0 : i32, batch_dims = 0 : i32} : (tensor<6x6xf32>, tensor<3xi32>) -> tensor<3x6xf32>
  %pk = "tfl.pack"(%sq, %sq) {axis = 0 : i32, values_count = 2 : i32} : (tensor<2xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %u:2 = "tfl.unpack"(%pk) {axis = 1 : i32, num = 2 : i32} : (tensor<2x2xf32>) -> (tensor<2xf32>, tensor<2xf32>)
  %sp:3 = "tfl.split"(%one, %g) {num_splits = 3 : i32} : (tensor<i32>, tensor<3x6xf32>) -> (tensor<1x6xf32>, tensor<1x6xf32>, tensor<1x6xf32>)
  %lt = "tfl.less"(%sp#0, %sp#1) : (tensor<1x6xf32>, tensor<1x6xf32>) -> tensor<1x6xi1>
  %sel = "tfl.select_v2"(%lt, %sp#0, %sp#2) : (tensor<1x6xi1>, tensor<1x6xf32>, tensor<1x6xf32>) -> tensor<1x6xf32>
  %am = "tfl.arg_max"(%sel, %one) : (tensor<1x6xf32>, tensor<i32>) -> tensor<6xi64>
  %c = "tfl.cast"(%am) : (tensor<6xi64>) -> tensor<6xf32>
  %qx = "tfl.quantize"(%q) {qtype = tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>} : (tensor<1x4xf32>) -> tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>
  %dq = "tfl.dequantize"(%qx) : (tensor<1x4x!quant.uniform<i8:f32, 0.1:-3>>) -> tensor<1x4xf32>
  %size = "tfl.pseudo_const"() {value = dense<[16, 16]> : tensor<2xi32>} : () -> tensor<2xi32>
  %rs = "tfl.resize_bilinear"(%conv, %size) {align_corners = false, half_pixel_centers = true} : (tensor<1x8x8x16xf32>, tensor<2xi32>) -> tensor<1x16x16x16xf32>
  func.return %conv : tensor<1x8x8x16xf32>
}
"#;

#[test]
fn tf_style_generic_ir_verifies() {
    let context = edge_dialects::context::edge_context();
    let module = melior::ir::Module::parse(&context, TF_STYLE_MODULE).expect("the module parses");
    let errors = edge_dialects::verify::verify_operation(module.as_operation().to_raw());
    assert_eq!(errors, 0, "TF-style TFL IR must verify");
}

#[test]
fn bad_generic_ir_is_reported() {
    let context = edge_dialects::context::edge_context();
    let src = r#"
func.func @main(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %perm = "tfl.pseudo_const"() {value = dense<[0, 0, 1]> : tensor<3xi32>} : () -> tensor<3xi32>
  %t = "tfl.transpose"(%x, %perm) : (tensor<2x3x4xf32>, tensor<3xi32>) -> tensor<2x3x4xf32>
  %c = "tfl.concatenation"(%x, %x) {axis = 3 : i32, fused_activation_function = "NONE"} : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<4x3x4xf32>
  func.return %x : tensor<2x3x4xf32>
}
"#;
    let module = melior::ir::Module::parse(&context, src).expect("the module parses");
    assert_eq!(edge_dialects::verify::verify_operation(module.as_operation().to_raw()), 2);
}

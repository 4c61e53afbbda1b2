//! The generated TFLite schema bindings: build a one-op model with the
//! builders, read it back, and (when `EDGE_PYTHON` names a Python with
//! `ai_edge_litert`) run it through the LiteRT interpreter.

use std::process::Command;

use edge_compiler::schema::{
    self, root_as_model, ActivationFunctionType, AddOptions, AddOptionsArgs, Buffer, BufferArgs,
    BuiltinOperator, BuiltinOptions, Model, ModelArgs, Operator, OperatorArgs, OperatorCode,
    OperatorCodeArgs, SignatureDef, SignatureDefArgs, SubGraph, SubGraphArgs, Tensor, TensorArgs,
    TensorMap, TensorMapArgs, TensorType,
};
use flatbuffers::FlatBufferBuilder;

/// out = x + y, all float32[2], with a "serving_default" signature.
fn build_add_model() -> Vec<u8> {
    let mut fbb = FlatBufferBuilder::new();

    // Buffer 0 is the mandatory empty sentinel; each activation tensor gets
    // its own empty buffer, as the TFLite converter does.
    let buffers: Vec<_> = (0..4)
        .map(|_| Buffer::create(&mut fbb, &BufferArgs::default()))
        .collect();
    let buffers = fbb.create_vector(&buffers);

    let tensors: Vec<_> = ["x", "y", "out"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let shape = fbb.create_vector(&[2i32]);
            let shape_signature = fbb.create_vector(&[2i32]);
            let name = fbb.create_string(name);
            Tensor::create(
                &mut fbb,
                &TensorArgs {
                    shape: Some(shape),
                    shape_signature: Some(shape_signature),
                    type_: TensorType::FLOAT32,
                    buffer: i as u32 + 1,
                    name: Some(name),
                    has_rank: true,
                    ..Default::default()
                },
            )
        })
        .collect();
    let tensors = fbb.create_vector(&tensors);

    let add_options = AddOptions::create(
        &mut fbb,
        &AddOptionsArgs {
            fused_activation_function: ActivationFunctionType::NONE,
            ..Default::default()
        },
    );
    let op_inputs = fbb.create_vector(&[0i32, 1]);
    let op_outputs = fbb.create_vector(&[2i32]);
    let add = Operator::create(
        &mut fbb,
        &OperatorArgs {
            opcode_index: 0,
            inputs: Some(op_inputs),
            outputs: Some(op_outputs),
            builtin_options_type: BuiltinOptions::AddOptions,
            builtin_options: Some(add_options.as_union_value()),
            ..Default::default()
        },
    );
    let operators = fbb.create_vector(&[add]);

    let sg_inputs = fbb.create_vector(&[0i32, 1]);
    let sg_outputs = fbb.create_vector(&[2i32]);
    let sg_name = fbb.create_string("main");
    let subgraph = SubGraph::create(
        &mut fbb,
        &SubGraphArgs {
            tensors: Some(tensors),
            inputs: Some(sg_inputs),
            outputs: Some(sg_outputs),
            operators: Some(operators),
            name: Some(sg_name),
            ..Default::default()
        },
    );
    let subgraphs = fbb.create_vector(&[subgraph]);

    let code = BuiltinOperator::ADD;
    let opcode = OperatorCode::create(
        &mut fbb,
        &OperatorCodeArgs {
            deprecated_builtin_code: schema::deprecated_builtin_code(code),
            builtin_code: code,
            version: 1,
            ..Default::default()
        },
    );
    let operator_codes = fbb.create_vector(&[opcode]);

    let sig_in: Vec<_> = [("x", 0u32), ("y", 1)]
        .iter()
        .map(|(name, index)| {
            let name = fbb.create_string(name);
            TensorMap::create(
                &mut fbb,
                &TensorMapArgs {
                    name: Some(name),
                    tensor_index: *index,
                },
            )
        })
        .collect();
    let sig_in = fbb.create_vector(&sig_in);
    let out_name = fbb.create_string("out");
    let sig_out = TensorMap::create(
        &mut fbb,
        &TensorMapArgs {
            name: Some(out_name),
            tensor_index: 2,
        },
    );
    let sig_out = fbb.create_vector(&[sig_out]);
    let key = fbb.create_string("serving_default");
    let signature = SignatureDef::create(
        &mut fbb,
        &SignatureDefArgs {
            inputs: Some(sig_in),
            outputs: Some(sig_out),
            signature_key: Some(key),
            subgraph_index: 0,
        },
    );
    let signature_defs = fbb.create_vector(&[signature]);

    let description = fbb.create_string("edge schema test");
    let model = Model::create(
        &mut fbb,
        &ModelArgs {
            version: schema::SCHEMA_VERSION,
            operator_codes: Some(operator_codes),
            subgraphs: Some(subgraphs),
            description: Some(description),
            buffers: Some(buffers),
            signature_defs: Some(signature_defs),
            ..Default::default()
        },
    );
    schema::finish_model_buffer(&mut fbb, model);
    fbb.finished_data().to_vec()
}

#[test]
fn deprecated_builtin_code_saturates_at_127() {
    assert_eq!(schema::deprecated_builtin_code(BuiltinOperator::ADD), 0);
    assert_eq!(
        schema::deprecated_builtin_code(BuiltinOperator::BATCH_MATMUL),
        126
    );
    assert_eq!(
        schema::deprecated_builtin_code(BuiltinOperator::CUMSUM),
        127
    );
    assert_eq!(
        schema::deprecated_builtin_code(BuiltinOperator::STABLEHLO_CASE),
        127
    );
    // Spot-check codes that only make sense if the enum matches the format.
    assert_eq!(BuiltinOperator::PLACEHOLDER_FOR_GREATER_OP_CODES.0, 127);
    assert_eq!(BuiltinOperator::GELU.0, 150);
    assert_eq!(BuiltinOperator::STABLEHLO_COMPOSITE.0, 206);
    assert_eq!(BuiltinOperator::STABLEHLO_CASE.0, 209);
    assert_eq!(TensorType::BFLOAT16.0, 18);
    assert_eq!(BuiltinOptions::RightShiftOptions.0, 126);
}

#[test]
fn add_model_round_trips() {
    let bytes = build_add_model();
    assert_eq!(&bytes[4..8], b"TFL3");
    assert!(schema::model_buffer_has_identifier(&bytes));
    assert_eq!(schema::FILE_IDENTIFIER, "TFL3");

    let model = root_as_model(&bytes).expect("model verifies");
    assert_eq!(model.version(), 3);
    assert_eq!(model.description(), Some("edge schema test"));

    let codes = model.operator_codes().unwrap();
    assert_eq!(codes.len(), 1);
    let code = codes.get(0);
    assert_eq!(code.builtin_code(), BuiltinOperator::ADD);
    assert_eq!(code.deprecated_builtin_code(), 0);
    assert_eq!(code.version(), 1);
    assert_eq!(code.custom_code(), None);
    assert_eq!(schema::builtin_code(&code), BuiltinOperator::ADD);

    let buffers = model.buffers().unwrap();
    assert_eq!(buffers.len(), 4);
    assert!(buffers
        .iter()
        .all(|b| b.data().is_none() && b.offset() == 0 && b.size() == 0));

    let subgraphs = model.subgraphs().unwrap();
    assert_eq!(subgraphs.len(), 1);
    let sg = subgraphs.get(0);
    assert_eq!(sg.name(), Some("main"));
    assert_eq!(sg.inputs().unwrap().iter().collect::<Vec<_>>(), [0, 1]);
    assert_eq!(sg.outputs().unwrap().iter().collect::<Vec<_>>(), [2]);
    assert_eq!(sg.debug_metadata_index(), -1);

    let tensors = sg.tensors().unwrap();
    let names: Vec<_> = tensors.iter().map(|t| t.name().unwrap()).collect();
    assert_eq!(names, ["x", "y", "out"]);
    for (i, t) in tensors.iter().enumerate() {
        assert_eq!(t.type_(), TensorType::FLOAT32);
        assert_eq!(t.shape().unwrap().iter().collect::<Vec<_>>(), [2]);
        assert_eq!(t.shape_signature().unwrap().iter().collect::<Vec<_>>(), [2]);
        assert_eq!(t.buffer(), i as u32 + 1);
        assert!(t.has_rank());
        assert!(!t.is_variable());
        assert!(t.quantization().is_none());
        assert!(t.variant_tensors().is_none());
    }

    let ops = sg.operators().unwrap();
    assert_eq!(ops.len(), 1);
    let add = ops.get(0);
    assert_eq!(add.opcode_index(), 0);
    assert_eq!(add.inputs().unwrap().iter().collect::<Vec<_>>(), [0, 1]);
    assert_eq!(add.outputs().unwrap().iter().collect::<Vec<_>>(), [2]);
    assert_eq!(add.builtin_options_type(), BuiltinOptions::AddOptions);
    let opts = add.builtin_options_as_add_options().expect("AddOptions");
    assert_eq!(
        opts.fused_activation_function(),
        ActivationFunctionType::NONE
    );
    assert!(opts.pot_scale_int16(), "schema default is true");
    assert_eq!(add.builtin_options_2_type(), schema::BuiltinOptions2::NONE);

    let sigs = model.signature_defs().unwrap();
    assert_eq!(sigs.len(), 1);
    let sig = sigs.get(0);
    assert_eq!(sig.signature_key(), Some("serving_default"));
    assert_eq!(sig.subgraph_index(), 0);
    let ins: Vec<_> = sig
        .inputs()
        .unwrap()
        .iter()
        .map(|m| (m.name().unwrap(), m.tensor_index()))
        .collect();
    assert_eq!(ins, [("x", 0), ("y", 1)]);
    let outs: Vec<_> = sig
        .outputs()
        .unwrap()
        .iter()
        .map(|m| (m.name().unwrap(), m.tensor_index()))
        .collect();
    assert_eq!(outs, [("out", 2)]);
}

const LITERT_SCRIPT: &str = r#"
import json, sys
import numpy as np
from ai_edge_litert.interpreter import Interpreter
it = Interpreter(model_path=sys.argv[1])
it.allocate_tensors()
ins = it.get_input_details()
it.set_tensor(ins[0]["index"], np.array([1, 2], dtype=np.float32))
it.set_tensor(ins[1]["index"], np.array([3, 4], dtype=np.float32))
it.invoke()
out = it.get_tensor(it.get_output_details()[0]["index"])
print("EDGE_RESULT " + json.dumps({
    "output": out.tolist(),
    "dtype": str(out.dtype),
    "signatures": it.get_signature_list(),
}, sort_keys=True))
"#;

/// Runs the model through LiteRT when `EDGE_PYTHON` is set; skipped otherwise.
#[test]
fn add_model_runs_in_litert() {
    let Some(python) = std::env::var_os("EDGE_PYTHON") else {
        eprintln!("EDGE_PYTHON unset: skipping the LiteRT run (pure-Rust checks still ran)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("add.tflite");
    std::fs::write(&path, build_add_model()).unwrap();

    let output = Command::new(&python)
        .arg("-c")
        .arg(LITERT_SCRIPT)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run EDGE_PYTHON={python:?}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "LiteRT failed ({}):\n{stdout}\n{stderr}",
        output.status
    );

    let result = stdout
        .lines()
        .find_map(|l| l.strip_prefix("EDGE_RESULT "))
        .unwrap_or_else(|| panic!("no result line from LiteRT:\n{stdout}\n{stderr}"));
    assert_eq!(
        result,
        r#"{"dtype": "float32", "output": [4.0, 6.0], "signatures": {"serving_default": {"inputs": ["x", "y"], "outputs": ["out"]}}}"#
    );
}

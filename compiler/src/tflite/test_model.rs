//! A tiny `.tflite` built field by field, for tests that need a file with one thing
//! wrong: `y = add(x, c)` with `c` a two-float constant. Change a field, call `bytes`.

use crate::schema::*;
use flatbuffers::FlatBufferBuilder;

pub struct TestTensor {
    pub name: &'static str,
    pub ty: TensorType,
    pub shape: Vec<i32>,
    pub shape_signature: Option<Vec<i32>>,
    pub buffer: u32,
    /// (scales, quantized_dimension).
    pub quant: Option<(Vec<f32>, i32)>,
}

pub struct TestOp {
    pub opcode: u32,
    pub inputs: Vec<i32>,
    pub outputs: Vec<i32>,
    pub intermediates: Option<Vec<i32>>,
    pub options_type: BuiltinOptions,
}

pub struct TestModel {
    pub opcodes: Vec<BuiltinOperator>,
    /// (data, offset, size) of each buffer.
    pub buffers: Vec<(Vec<u8>, u64, u64)>,
    pub tensors: Vec<TestTensor>,
    pub ops: Vec<TestOp>,
    pub inputs: Vec<i32>,
    pub outputs: Vec<i32>,
    /// (subgraph index, input tensor indices, output tensor indices).
    pub signature: (u32, Vec<u32>, Vec<u32>),
    /// (name, buffer index).
    pub metadata: Vec<(&'static str, u32)>,
}

impl Default for TestModel {
    fn default() -> Self {
        let t = |name, buffer| TestTensor {
            name,
            ty: TensorType::FLOAT32,
            shape: vec![2],
            shape_signature: None,
            buffer,
            quant: None,
        };
        let c: Vec<u8> = [1.0f32, 2.0].iter().flat_map(|x| x.to_le_bytes()).collect();
        TestModel {
            opcodes: vec![BuiltinOperator::ADD],
            buffers: vec![(vec![], 0, 0), (c, 0, 0)],
            tensors: vec![t("x", 0), t("c", 1), t("y", 0)],
            ops: vec![TestOp {
                opcode: 0,
                inputs: vec![0, 1],
                outputs: vec![2],
                intermediates: None,
                options_type: BuiltinOptions::AddOptions,
            }],
            inputs: vec![0],
            outputs: vec![2],
            signature: (0, vec![0], vec![2]),
            metadata: vec![],
        }
    }
}

impl TestModel {
    pub fn bytes(&self) -> Vec<u8> {
        let mut fbb = FlatBufferBuilder::new();
        let buffers: Vec<_> = self
            .buffers
            .iter()
            .map(|(data, offset, size)| {
                let data = (!data.is_empty()).then(|| fbb.create_vector(data));
                Buffer::create(&mut fbb, &BufferArgs { data, offset: *offset, size: *size })
            })
            .collect();
        let tensors: Vec<_> = self
            .tensors
            .iter()
            .map(|t| {
                let shape = Some(fbb.create_vector(&t.shape));
                let shape_signature = t.shape_signature.as_ref().map(|s| fbb.create_vector(s));
                let name = Some(fbb.create_string(t.name));
                let quantization = t.quant.as_ref().map(|(scales, dim)| {
                    let scale = Some(fbb.create_vector(scales));
                    let zero_point = Some(fbb.create_vector(&vec![0i64; scales.len()]));
                    QuantizationParameters::create(
                        &mut fbb,
                        &QuantizationParametersArgs {
                            scale,
                            zero_point,
                            quantized_dimension: *dim,
                            ..Default::default()
                        },
                    )
                });
                let args = TensorArgs {
                    shape,
                    type_: t.ty,
                    buffer: t.buffer,
                    name,
                    quantization,
                    shape_signature,
                    has_rank: true,
                    ..Default::default()
                };
                Tensor::create(&mut fbb, &args)
            })
            .collect();
        let ops: Vec<_> = self
            .ops
            .iter()
            .map(|o| {
                let inputs = Some(fbb.create_vector(&o.inputs));
                let outputs = Some(fbb.create_vector(&o.outputs));
                let intermediates = o.intermediates.as_ref().map(|v| fbb.create_vector(v));
                let builtin_options = match o.options_type {
                    BuiltinOptions::NONE => None,
                    BuiltinOptions::AddOptions => {
                        Some(AddOptions::create(&mut fbb, &AddOptionsArgs::default()).as_union_value())
                    }
                    BuiltinOptions::FullyConnectedOptions => {
                        Some(FullyConnectedOptions::create(&mut fbb, &Default::default()).as_union_value())
                    }
                    // Any other kind: a table whose fields the verifier checks as that kind.
                    _ => Some(Conv2DOptions::create(&mut fbb, &Default::default()).as_union_value()),
                };
                Operator::create(
                    &mut fbb,
                    &OperatorArgs {
                        opcode_index: o.opcode,
                        inputs,
                        outputs,
                        intermediates,
                        builtin_options_type: o.options_type,
                        builtin_options,
                        ..Default::default()
                    },
                )
            })
            .collect();
        let opcodes: Vec<_> = self
            .opcodes
            .iter()
            .map(|&b| {
                let args = OperatorCodeArgs {
                    deprecated_builtin_code: deprecated_builtin_code(b),
                    builtin_code: b,
                    version: 1,
                    custom_code: None,
                };
                OperatorCode::create(&mut fbb, &args)
            })
            .collect();
        let subgraph = SubGraphArgs {
            tensors: Some(fbb.create_vector(&tensors)),
            inputs: Some(fbb.create_vector(&self.inputs)),
            outputs: Some(fbb.create_vector(&self.outputs)),
            operators: Some(fbb.create_vector(&ops)),
            name: Some(fbb.create_string("main")),
            ..Default::default()
        };
        let subgraph = SubGraph::create(&mut fbb, &subgraph);
        let (sg_index, sig_in, sig_out) = &self.signature;
        let inputs = Some(tensor_maps(&mut fbb, "in", sig_in));
        let outputs = Some(tensor_maps(&mut fbb, "out", sig_out));
        let signature_key = Some(fbb.create_string("serving_default"));
        let signature = SignatureDef::create(
            &mut fbb,
            &SignatureDefArgs { inputs, outputs, signature_key, subgraph_index: *sg_index },
        );
        let metadata: Vec<_> = self
            .metadata
            .iter()
            .map(|&(name, buffer)| {
                let name = Some(fbb.create_string(name));
                Metadata::create(&mut fbb, &MetadataArgs { name, buffer })
            })
            .collect();
        let model = ModelArgs {
            version: SCHEMA_VERSION,
            operator_codes: Some(fbb.create_vector(&opcodes)),
            subgraphs: Some(fbb.create_vector(&[subgraph])),
            buffers: Some(fbb.create_vector(&buffers)),
            metadata: Some(fbb.create_vector(&metadata)),
            signature_defs: Some(fbb.create_vector(&[signature])),
            ..Default::default()
        };
        let model = Model::create(&mut fbb, &model);
        fbb.finish(model, Some(FILE_IDENTIFIER));
        fbb.finished_data().to_vec()
    }
}

fn tensor_maps<'b>(
    fbb: &mut FlatBufferBuilder<'b>,
    prefix: &str,
    v: &[u32],
) -> flatbuffers::WIPOffset<flatbuffers::Vector<'b, flatbuffers::ForwardsUOffset<TensorMap<'b>>>> {
    let maps: Vec<_> = v
        .iter()
        .enumerate()
        .map(|(k, &tensor_index)| {
            let name = Some(fbb.create_string(&format!("{prefix}{k}")));
            TensorMap::create(fbb, &TensorMapArgs { name, tensor_index })
        })
        .collect();
    fbb.create_vector(&maps)
}

//! The pipelines edge runs, in one place. `edge-convert` runs `convert_pipeline`;
//! `edge-convert --print-pipeline` prints it, so each piece can be rerun with
//! `edge-opt --pass-pipeline=...`.

/// What the default conversion pipeline is asked to do.
#[derive(Debug, Clone, Default)]
pub struct ConvertPipelineOptions {
    /// Make the entry function's 4-D inputs and outputs channel-last (NHWC), so no
    /// transpose is left at the model's edges.
    pub channel_last_io: bool,
    /// The element type of a quantized model's inputs and outputs.
    pub io_type: IoType,
    /// Store the weights quantized (`None`: float32 as the model has them).
    pub weights: Option<WeightQuantization>,
    /// Fused sequence ops or unrolled steps for recurrent layers.
    pub recurrent: Recurrent,
}

/// How recurrent layers (LSTM, RNN) are written: `stablehlo-unroll-recurrent`'s mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Recurrent {
    /// Unrolled where measured faster under XNNPACK (short, narrow layers), else fused.
    #[default]
    Auto,
    /// TFLite's fused sequence op wherever it computes the same thing.
    Fused,
    /// The unrolled steps always.
    Unrolled,
}

impl Recurrent {
    pub const ALL: [Recurrent; 3] = [Recurrent::Auto, Recurrent::Fused, Recurrent::Unrolled];

    fn pass(self) -> &'static str {
        match self {
            Recurrent::Auto => "stablehlo-unroll-recurrent",
            Recurrent::Fused => "stablehlo-unroll-recurrent{mode=fused}",
            Recurrent::Unrolled => "stablehlo-unroll-recurrent{mode=unrolled}",
        }
    }
}

/// What a quantized model's inputs and outputs hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum IoType {
    /// Float, with quantize/dequantize ops at the edges.
    #[default]
    Float,
    Int8,
    Uint8,
}

/// How the weights of a float model are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightQuantization {
    /// float16 constants read through DEQUANTIZE (`tfl-fp16-weights`).
    Fp16,
    /// int8 per-channel weights read by hybrid kernels (`tfl-quantize-weights-dynamic`).
    DynamicInt8,
    /// int4 per-channel fully_connected weights and embedding tables read by hybrid
    /// kernels, int8 for the other hybrid ops (`tfl-quantize-weights-int4`).
    Int4,
}

impl WeightQuantization {
    pub const ALL: [WeightQuantization; 3] = [WeightQuantization::Fp16, WeightQuantization::DynamicInt8, WeightQuantization::Int4];

    /// The pass that stores the weights so.
    pub fn pass(self) -> &'static str {
        match self {
            WeightQuantization::Fp16 => "tfl-fp16-weights",
            WeightQuantization::DynamicInt8 => "tfl-quantize-weights-dynamic",
            WeightQuantization::Int4 => "tfl-quantize-weights-int4",
        }
    }
}

/// StableHLO to TFL ready for the flatbuffer writer.
pub fn convert_pipeline(options: &ConvertPipelineOptions) -> String {
    // Phase 1: legalize. LiteRT computes almost nothing in float16, so f16 programs are
    // widened to f32 first (rounding kept where the program rounds; composites that
    // touch f16 inlined); composites map to their TFL builtins or are inlined. Both
    // passes leave private functions (decompositions) alone; symbol-dce then removes
    // them, so every later pass sees @main's TFL ops only. Recurrent layers that run
    // faster unrolled are inlined before legalization fuses the others.
    let legalize = ["stablehlo-widen-f16", options.recurrent.pass(), "legalize-stablehlo-to-tfl"];
    let mut func: Vec<&str> = Vec::new();
    // Upsampling spelled out as gathers of constant indices; recognized before folding
    // touches those constants.
    func.push("tfl-recognize-resize");
    // Phase 2: simplify. Folding first turns weight math (batch-norm vectors, reshaped
    // weights) into constants the patterns and the layout pass can see; patterns then
    // replace math written by hand (relu as a maximum, clamps, hard swish, GELU and
    // softmax spelled out, mean as sum / n) with single ops, so the layout pass has
    // fewer ops to move transposes through.
    func.push("tfl-fold-constants");
    // Identical ops merge once constants are folded: a mask or position table built
    // in every layer is built once.
    func.push("tfl-cse");
    func.push("tfl-recognize-patterns");
    // Phase 3: layout. Broadcasts go first, so binary ops see their small operands and
    // transposes sink through them onto constants; channel-last I/O rewrites the
    // signature before the transposes it adds are sunk and cancelled.
    func.push("tfl-remove-broadcasts");
    if options.channel_last_io {
        func.push("tfl-channel-last-io");
    }
    func.push("tfl-layout-nhwc");
    // Phase 4: optimize. Folding again transposes weights at compile time; biases and
    // scales fold into convolutions once they sit next to them in NHWC; fusing
    // activations comes after, since a fused activation blocks the bias folds; a last
    // fold removes what the others left dead.
    func.push("tfl-fold-constants");
    func.push("tfl-optimize");
    // The layout pass and the optimizer leave twins of their own (a table reshaped for
    // each layer that reads it): merged before the shapes are settled.
    func.push("tfl-cse");
    // Run-time shape arithmetic (unknown dims) once the graph has its final form;
    // a static model has none and is left as it is.
    func.push("tfl-simplify-shapes");
    func.push("tfl-fuse-activation");
    // Phase 5: quantize. Ops of a pt2e graph between dequantize and quantize become
    // int8 ops once their final form (fused, NHWC, weights moved) is known; their
    // biases become int32; quantization round trips left between them go.
    func.push("tfl-quantize");
    func.push("tfl-quantize-bias");
    func.push("tfl-cleanup-requantize");
    match options.io_type {
        IoType::Float => {}
        IoType::Int8 => func.push("tfl-quantize-io{type=int8}"),
        IoType::Uint8 => func.push("tfl-quantize-io{type=uint8}"),
    }
    // A relu6 quantized on its own (pt2e puts a quantize between conv and relu6) fuses
    // once its input and output types agree.
    func.push("tfl-fuse-activation");
    func.push("tfl-fold-constants");
    // Phase 6: weights. After the last fold, which would fold a float16 weight's
    // dequantize back into an f32 constant and knows no quantized constants; the
    // weights are then final (transposed, batch norms folded in).
    if let Some(weights) = options.weights {
        func.push(weights.pass());
    }
    // Phase 0, on the module: calls are inlined first (JAX outlines functions it
    // calls; the pt2 importer writes none), so each later pass sees one function
    // besides the decompositions of composites, which symbol-dce drops after phase 1.
    format!("builtin.module(inline-calls,func.func({}),symbol-dce,func.func({}))", legalize.join(","), func.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pass a pipeline names is one of ours, so `--print-pipeline` output runs
    /// as it is in `edge-opt`.
    #[test]
    fn pipelines_name_registered_passes() {
        let weights = std::iter::once(None).chain(WeightQuantization::ALL.map(Some));
        let io_types = [IoType::Float, IoType::Int8, IoType::Uint8];
        let combos = weights.flat_map(|w| io_types.iter().flat_map(move |&io| [(false, w, io), (true, w, io)]));
        let combos = combos.flat_map(|(c, w, io)| Recurrent::ALL.map(move |r| (c, w, io, r)));
        for (channel_last_io, weights, io_type, recurrent) in combos {
            let options = ConvertPipelineOptions { channel_last_io, weights, io_type, recurrent };
            let steps = crate::pipeline::flatten(&crate::pipeline::parse_pipeline(&convert_pipeline(&options)).unwrap());
            // symbol-dce is MLIR's; every other pass is ours.
            for step in steps.iter().filter(|s| s.name != "symbol-dce") {
                assert!(crate::registry::lookup(&step.name).is_some(), "{} is not a registered pass", step.name);
            }
            assert!(steps.iter().any(|s| s.name == "symbol-dce"), "symbol-dce between the phases");
        }
    }
}

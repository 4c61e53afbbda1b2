//! The pipelines edge runs, in one place. `edge-convert` runs `convert_pipeline`;
//! `edge-convert --print-pipeline` prints it, so each piece can be rerun with
//! `edge-opt --pass-pipeline=...`.

/// What the default conversion pipeline is asked to do.
#[derive(Debug, Clone, Default)]
pub struct ConvertPipelineOptions {
    /// Make the entry function's 4-D inputs and outputs channel-last (NHWC), so no
    /// transpose is left at the model's edges.
    pub channel_last_io: bool,
}

/// StableHLO (as the pt2 importer writes it) to TFL ready for the flatbuffer writer.
pub fn convert_pipeline(options: &ConvertPipelineOptions) -> String {
    let mut func: Vec<String> = Vec::new();
    // Phase 1: legalize. Every later pass sees TFL ops only.
    func.push("legalize-stablehlo-to-tfl".into());
    // Phase 2: layout. Broadcasts go first, so binary ops see their small constant
    // operands and transposes sink through them onto constants; channel-last I/O
    // rewrites the signature before the transposes it adds are sunk and cancelled.
    func.push("tfl-remove-broadcasts".into());
    if options.channel_last_io {
        func.push("tfl-channel-last-io".into());
    }
    func.push("tfl-layout-nhwc".into());
    // Phase 3: optimize. Fusing activations comes last: the patterns above it
    // produce the relu/relu6 ops it folds into their producers.
    func.push("tfl-fuse-activation".into());
    format!("builtin.module(func.func({}))", func.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pass a pipeline names is one of ours, so `--print-pipeline` output runs
    /// as it is in `edge-opt`.
    #[test]
    fn pipelines_name_registered_passes() {
        for options in [ConvertPipelineOptions::default(), ConvertPipelineOptions { channel_last_io: true }] {
            let text = convert_pipeline(&options);
            let inner = text.trim_start_matches("builtin.module(func.func(").trim_end_matches("))");
            for name in inner.split(',') {
                assert!(crate::registry::lookup(name).is_some(), "{name} is not a registered pass");
            }
        }
    }
}

//! Every pass edge defines, by pipeline name. The command line and pipeline strings are
//! checked against this list; an unknown name lists the valid ones.

use crate::pass::PassInfo;

pub static PASSES: &[&PassInfo] = &[
    &crate::edge_verify::INFO,
    &crate::inline_calls::INFO,
    &crate::legalize_stablehlo_to_tfl::INFO,
    &crate::stablehlo_unroll_recurrent::INFO,
    &crate::stablehlo_widen_f16::INFO,
    &crate::tfl_channel_last_io::INFO,
    &crate::tfl_cleanup_requantize::INFO,
    &crate::tfl_cse::INFO,
    &crate::tfl_simplify_shapes::INFO,
    &crate::tfl_fold_constants::INFO,
    &crate::tfl_fp16_weights::INFO,
    &crate::tfl_fuse_activation::INFO,
    &crate::tfl_layout_nhwc::INFO,
    &crate::tfl_optimize::INFO,
    &crate::tfl_quantize::INFO,
    &crate::tfl_quantize_bias::INFO,
    &crate::tfl_quantize_io::INFO,
    &crate::tfl_quantize_weights_dynamic::INFO,
    &crate::tfl_quantize_weights_int4::INFO,
    &crate::tfl_recognize_patterns::INFO,
    &crate::tfl_recognize_resize::INFO,
    &crate::tfl_remove_broadcasts::INFO,
];

pub fn lookup(name: &str) -> Option<&'static PassInfo> {
    PASSES.iter().copied().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_lowercase() {
        let mut names: Vec<_> = PASSES.iter().map(|p| p.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), PASSES.len());
        for p in PASSES {
            assert!(p.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", p.name);
            assert!(["func.func", "builtin.module"].contains(&p.anchor), "{}", p.name);
        }
    }
}

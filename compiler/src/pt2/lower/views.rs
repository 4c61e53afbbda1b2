//! Views and writes through them. An archive saved without `run_decompositions()` keeps
//! PyTorch's in-place ops (`relu_`, `add_`, `fill_` on a slice...). The driver lowers an
//! in-place op as its functional twin and then writes the new value back: into the
//! mutated tensor's name, and through each view it was taken from up to the base
//! tensor. Which ops make views, and how a write goes back through each, is listed here.

use super::index::{run_time_index, strided_write, strided_write_dynamic};
use super::{lookup, norm_dim, output_names, shape, Args, Ctx, LResult};
use crate::pt2::emit::{Extent, Val, SIZE};
use crate::pt2::import::node_target;
use crate::pt2::schema::Node;

/// How a write into a view's output reaches the view's input.
#[derive(Debug, Clone, Copy, PartialEq)]
enum WriteBack {
    /// The view has the base's elements in another shape.
    Reshape,
    /// The view is a permutation of the base's dims.
    Permute,
    /// The view is a strided slice along one dim.
    Slice,
    /// The view is one index along a dim (the dim dropped).
    Select,
    /// The view's outputs are consecutive slices along one dim.
    Split,
    /// The view's outputs are the indices along one dim (each dropped).
    Unbind,
    /// A write cannot go back (several view elements share one base element, or the
    /// layout is arbitrary).
    None,
}

/// Ops whose outputs alias their `self` input, sorted by target.
const VIEWS: &[(&str, WriteBack)] = &[
    ("aten.alias.default", WriteBack::Reshape),
    ("aten.as_strided.default", WriteBack::None),
    ("aten.chunk.default", WriteBack::Split),
    ("aten.contiguous.default", WriteBack::Reshape),
    ("aten.detach.default", WriteBack::Reshape),
    ("aten.diagonal.default", WriteBack::None),
    ("aten.expand.default", WriteBack::None),
    ("aten.expand_as.default", WriteBack::None),
    ("aten.flatten.using_ints", WriteBack::Reshape),
    ("aten.narrow.default", WriteBack::Slice),
    ("aten.permute.default", WriteBack::Permute),
    ("aten.reshape.default", WriteBack::Reshape),
    ("aten.reshape_as.default", WriteBack::Reshape),
    ("aten.select.int", WriteBack::Select),
    ("aten.slice.Tensor", WriteBack::Slice),
    ("aten.split.Tensor", WriteBack::Split),
    ("aten.split_with_sizes.default", WriteBack::Split),
    ("aten.squeeze.default", WriteBack::Reshape),
    ("aten.squeeze.dim", WriteBack::Reshape),
    ("aten.squeeze.dims", WriteBack::Reshape),
    ("aten.t.default", WriteBack::Permute),
    ("aten.transpose.int", WriteBack::Permute),
    ("aten.unbind.int", WriteBack::Unbind),
    ("aten.unflatten.int", WriteBack::Reshape),
    ("aten.unsqueeze.default", WriteBack::Reshape),
    ("aten.view.default", WriteBack::Reshape),
    ("aten.view_as.default", WriteBack::Reshape),
];

fn view_kind(target: &str) -> Option<WriteBack> {
    VIEWS.binary_search_by(|(t, _)| t.cmp(&target)).ok().map(|i| VIEWS[i].1)
}

/// Whether `target`'s outputs are views of its `self` input.
pub fn is_view(target: &str) -> bool {
    view_kind(target).is_some()
}

/// The functional twin of an in-place overload (`aten.add_.Tensor` ->
/// `aten.add.Tensor`), when `target` is one and the twin has a lowering. In-place view
/// ops (`transpose_`, `unsqueeze_`) change a tensor's shape, not its data, and are left
/// out: they are reported as unsupported.
pub fn functional_twin(target: &str) -> Option<String> {
    let rest = target.strip_prefix("aten.")?;
    let (name, overload) = rest.split_once('.')?;
    let base = name.strip_suffix('_').filter(|b| !b.is_empty() && !b.ends_with('_'))?;
    let twin = format!("aten.{base}.{overload}");
    (lookup(&twin).is_some() && !is_view(&twin)).then_some(twin)
}

/// The base `parent` after `child`, output `output` of view node `view` (whose input
/// was `parent`), was overwritten with `child`.
pub fn write_back(ctx: &mut Ctx, view: &Node, output: usize, parent: &Val, child: &Val) -> LResult<Val> {
    let target = node_target(view);
    let kind = view_kind(target).ok_or_else(|| format!("{target} is not a view"))?;
    let lowering = lookup(target).ok_or_else(|| format!("{target} has no lowering"))?;
    let args = Args::new(view, lowering.args)?;
    let child = ctx.e.convert(child, parent.elem());
    let r = parent.rank();
    let dim = |name: &str| -> LResult<usize> { Ok(norm_dim(args.opt_int(name)?.unwrap_or(0), r)? as usize) };
    // A permutation (and a refusal) reads no size.
    let sized = !matches!(kind, WriteBack::Permute | WriteBack::None);
    // A slice or select at a run-time position (`input_pos[0].item()`).
    let run_time = ["start", "index"].iter().any(|n| {
        matches!(args.get(n), Some(crate::pt2::schema::Argument::AsSymInt(crate::pt2::schema::SymIntArgument::AsName(s)))
            if !matches!(ctx.e.sym_ints.get(s), Some(crate::pt2::sym::Expr::Int(_))))
    });
    if sized && (!parent.ty.is_static() || !child.ty.is_static() || run_time) {
        return write_back_dynamic(ctx, view, kind, &args, output, parent, &child);
    }
    match kind {
        WriteBack::Reshape => Ok(ctx.e.reshape(&child, parent.shape())),
        WriteBack::Permute => {
            let perm: Vec<i64> = match target {
                "aten.permute.default" => args.ints("dims")?.iter().map(|&d| norm_dim(d, r)).collect::<LResult<_>>()?,
                "aten.transpose.int" => {
                    let mut p: Vec<i64> = (0..r as i64).collect();
                    p.swap(args.dim("dim0", r)? as usize, args.dim("dim1", r)? as usize);
                    p
                }
                _ => (0..r as i64).rev().collect(),
            };
            let mut inverse = vec![0; r];
            for (i, &p) in perm.iter().enumerate() {
                inverse[p as usize] = i as i64;
            }
            Ok(ctx.e.transpose(&child, &inverse))
        }
        WriteBack::Slice => {
            let d = dim("dim")?;
            let size = parent.shape()[d];
            let start = args.opt_int("start")?.unwrap_or(0);
            let start = if start < 0 { start + size } else { start }.clamp(0, size);
            let step = args.opt_int("step")?.unwrap_or(1);
            strided_write(ctx, parent, &child, d, start, step)
        }
        WriteBack::Select => {
            let d = dim("dim")?;
            let size = parent.shape()[d];
            let index = args.int("index")?;
            let index = if index < 0 { index + size } else { index };
            let mut shape = parent.shape().to_vec();
            shape[d] = 1;
            let c = ctx.e.reshape(&child, &shape);
            strided_write(ctx, parent, &c, d, index, 1)
        }
        WriteBack::Split => {
            let d = dim("dim")?;
            // The outputs before this one, by their recorded sizes.
            let mut start = 0;
            for i in 0..output {
                let name = output_names(view).get(i).cloned().flatten().ok_or("a split output has no name")?;
                let t = ctx.tensor_types.get(&name).ok_or_else(|| format!("no metadata for '{name}'"))?;
                start += t.dims()[d];
            }
            strided_write(ctx, parent, &child, d, start, 1)
        }
        WriteBack::Unbind => {
            let d = dim("dim")?;
            let mut shape = parent.shape().to_vec();
            shape[d] = 1;
            let c = ctx.e.reshape(&child, &shape);
            strided_write(ctx, parent, &c, d, output as i64, 1)
        }
        WriteBack::None => Err(format!("the write goes through a view made by {target}, which edge cannot write back").into()),
    }
}

/// [`write_back`] where a size is dynamic: the same writes with run-time bounds.
fn write_back_dynamic(ctx: &mut Ctx, view: &Node, kind: WriteBack, args: &Args, output: usize, parent: &Val, child: &Val) -> LResult<Val> {
    let r = parent.rank();
    let dim = |name: &str| -> LResult<usize> { Ok(norm_dim(args.opt_int(name)?.unwrap_or(0), r)? as usize) };
    // `child` with a unit dim at `d` (a selected row back in place).
    let unit_at = |ctx: &mut Ctx, d: usize| {
        let mut ex = ctx.e.extents(child);
        ex.insert(d, Extent::Known(1));
        ctx.e.reshape_ext(child, &ex)
    };
    match kind {
        WriteBack::Reshape => {
            let ex = ctx.e.extents(parent);
            Ok(ctx.e.reshape_ext(child, &ex))
        }
        WriteBack::Slice => {
            let d = dim("dim")?;
            let start = shape::int_arg(ctx, args, "start")?.unwrap_or(shape::IntArg::Static(0));
            let start = run_time_index(ctx, parent, d, start);
            let step = args.opt_int("step")?.unwrap_or(1);
            strided_write_dynamic(ctx, parent, child, d, &start, step)
        }
        WriteBack::Select => {
            let d = dim("dim")?;
            let index = shape::int_arg(ctx, args, "index")?.ok_or("argument 'index' is missing")?;
            let index = run_time_index(ctx, parent, d, index);
            let c = unit_at(ctx, d);
            strided_write_dynamic(ctx, parent, &c, d, &index, 1)
        }
        WriteBack::Split => {
            let d = dim("dim")?;
            // The outputs before this one, by their recorded (run-time) sizes.
            let mut start = ctx.e.splat(0.0, &SIZE, &[]);
            for i in 0..output {
                let name = output_names(view).get(i).cloned().flatten().ok_or("a split output has no name")?;
                let len = match ctx.tensor_types.get(&name).map(|t| t.dims()[d]) {
                    Some(n) if n >= 0 => ctx.e.splat(n as f64, &SIZE, &[]),
                    _ => ctx.e.recorded_size(&name, d).unwrap_or_else(|| Err(format!("no sizes for '{name}'")))?,
                };
                start = ctx.e.binary("stablehlo.add", &start, &len);
            }
            strided_write_dynamic(ctx, parent, child, d, &start, 1)
        }
        WriteBack::Unbind => {
            let d = dim("dim")?;
            let c = unit_at(ctx, d);
            let i = ctx.e.splat(output as f64, &SIZE, &[]);
            strided_write_dynamic(ctx, parent, &c, d, &i, 1)
        }
        WriteBack::Permute | WriteBack::None => Err(format!("{kind:?} views are written back by write_back").into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_are_sorted_and_lowered() {
        for w in VIEWS.windows(2) {
            assert!(w[0].0 < w[1].0, "{} must sort before {}", w[0].0, w[1].0);
        }
        for (t, _) in VIEWS {
            assert!(lookup(t).is_some(), "{t} has no lowering");
        }
    }

    #[test]
    fn in_place_twins() {
        assert_eq!(functional_twin("aten.relu_.default").as_deref(), Some("aten.relu.default"));
        assert_eq!(functional_twin("aten.add_.Tensor").as_deref(), Some("aten.add.Tensor"));
        assert_eq!(functional_twin("aten.relu.default"), None);
        assert_eq!(functional_twin("aten.__and__.Tensor"), None);
        assert_eq!(functional_twin("aten.transpose_.default"), None);
    }
}

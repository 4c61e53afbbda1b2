//! `tfl-channel-last-io`: gives the entry function channel-last (NHWC) 4-D inputs and
//! outputs in place of PyTorch's NCHW. Each 4-D argument becomes NHWC and is
//! transposed back to NCHW where the body starts; each 4-D result is transposed to
//! NHWC before the return. `tfl-layout-nhwc`, run after it, cancels these transposes
//! against the ones around convolutions, so a CNN keeps none at its edges.
//!
//!   func.func @main(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32>
//! becomes
//!   func.func @main(%x: tensor<1x8x8x3xf32>) -> tensor<1x8x8x4xf32> {
//!     %0 = "tfl.transpose"(%x, [0, 3, 1, 2])  ...  "tfl.transpose"(%r, [0, 2, 3, 1])
//!
//! Only the entry function (`@main`, or a module's only public function) changes;
//! inputs and outputs of other ranks keep their types. Dynamic dims move with their
//! dims, and so do the dim indices of the function's `edge.dynamic_dims` (the Dim
//! ranges the writer stores in the file): an NCHW input's dynamic H (dim 2) is dim 1
//! of its NHWC form.

use crate::constant;
use crate::pass::{Pass, PassFailed, PassInfo, PassOptions};
use edge_dialects::ir::Attr;
use edge_dialects::mlir::func::Func;
use edge_dialects::mlir::{Attribute, Context, Op, Rewriter, Type};
use edge_dialects::tfl::op as tfl;

pub static INFO: PassInfo = PassInfo {
    name: "tfl-channel-last-io",
    summary: "Make the entry function's 4-D inputs and outputs NHWC",
    anchor: Func::NAME,
    options: &[],
    create,
};

fn create(_: &PassOptions) -> Result<Box<dyn Pass>, String> {
    Ok(Box::new(TflChannelLastIo))
}

struct TflChannelLastIo;

const TO_NCHW: [i64; 4] = [0, 3, 1, 2];
const DYNAMIC_DIMS: &str = "edge.dynamic_dims";
const TO_NHWC: [i64; 4] = [0, 2, 3, 1];

/// Whether `func` is the module's entry function: `@main`, or the only public function.
pub(crate) fn is_entry(func: Op) -> bool {
    let Some(f) = func.cast::<Func>() else { return false };
    if f.sym_name().as_deref() == Some("main") {
        return true;
    }
    let Some(module) = func.parent_op().filter(|_| !f.is_private()) else { return false };
    let publics = module.nested_ops().into_iter().filter_map(Op::cast::<Func>).filter(|g| !g.is_private()).count();
    publics == 1
}

/// The dims of a ranked 4-D tensor type (`ir::DYN` where dynamic).
fn four_d(t: Type) -> Option<[i64; 4]> {
    let ty = t.value();
    let d = ty.shape.as_ref().filter(|s| s.len() == 4)?;
    Some([d[0], d[1], d[2], d[3]])
}

/// Where NCHW dim `d` is in NHWC.
fn nhwc_index(d: i64) -> i64 {
    match d {
        1 => 3,
        2 => 1,
        3 => 2,
        other => other,
    }
}

/// The input names the writer uses: `tf.entry_function`'s `inputs`, else `arg<i>`.
fn input_names(func: Op, count: usize) -> Vec<String> {
    let entries = func.raw_attr("tf.entry_function").and_then(|a| a.dictionary_entries()).unwrap_or_default();
    let listed: Vec<String> = match entries.iter().find(|(k, _)| *k == "inputs").map(|(_, v)| v.value()) {
        Some(Attr::Str(s)) if !s.is_empty() => s.split(',').map(|x| x.trim().to_string()).collect(),
        _ => vec![],
    };
    (0..count).map(|i| listed.get(i).cloned().unwrap_or_else(|| format!("arg{i}"))).collect()
}

/// `edge.dynamic_dims` with the `dim` of every entry of the inputs in `moved` renumbered
/// NCHW -> NHWC (and the entries put back in dim order); other fields are kept.
/// `None` when the attribute is not the dictionary of arrays of dictionaries it should be.
fn permuted_dims<'c>(c: Context<'c>, attr: Attribute<'c>, moved: &[String]) -> Option<Attribute<'c>> {
    let mut inputs = Vec::new();
    for (name, list) in attr.dictionary_entries()? {
        if !moved.iter().any(|m| m == name) {
            inputs.push((name, list));
            continue;
        }
        // The layer reads an array's elements as values; a dictionary element comes
        // back as its text, parsed again here to get its entries.
        let Attr::Array(items) = list.value() else { return None };
        let mut entries = Vec::new();
        for item in items {
            let Attr::Other(text) = item else { return None };
            let fields = c.parse_attr(&text)?.dictionary_entries()?;
            let dim = fields.iter().find(|(k, _)| *k == "dim").and_then(|(_, v)| v.value().as_int())?;
            let dim = nhwc_index(dim);
            let fields: Vec<(&str, Attribute)> =
                fields.into_iter().map(|(k, v)| if k == "dim" { (k, c.i64_attr(dim)) } else { (k, v) }).collect();
            entries.push((dim, c.dictionary_attr(&fields).print()));
        }
        entries.sort_by_key(|e| e.0);
        let texts: Vec<String> = entries.into_iter().map(|e| e.1).collect();
        inputs.push((name, c.parse_attr(&format!("[{}]", texts.join(", ")))?));
    }
    Some(c.dictionary_attr(&inputs))
}

impl Pass for TflChannelLastIo {
    fn run(&self, func: Op<'_>) -> Result<bool, PassFailed> {
        let (true, Some(f), Some(block)) = (is_entry(func), func.cast::<Func>(), func.body()) else { return Ok(false) };
        let mut rw = Rewriter::new(func.context());
        let first = block.first_op();
        let names = input_names(func, block.num_arguments());
        let mut moved = Vec::new();
        let mut inputs = Vec::new();
        for (arg, name) in block.arguments().into_iter().zip(&names) {
            let t = arg.raw_type();
            let (Some([n, c, h, w]), Some(first)) = (four_d(t), first) else {
                inputs.push(t);
                continue;
            };
            moved.push(name.clone());
            let nhwc = t.with_shape(&[n, h, w, c]);
            rw.set_type(arg, nhwc);
            rw.set_insertion_before(first);
            let perm = constant::insert_i32(&mut rw, &TO_NCHW).map_err(|_| PassFailed)?;
            let tr = tfl::Transpose::build(&mut rw, &[t], arg, perm).create();
            rw.replace_all_uses_except(arg, tr.output(), tr.op());
            inputs.push(nhwc);
        }
        let Some(ret) = block.terminator() else { return Ok(rw.changed()) };
        let mut outputs = Vec::new();
        for (i, v) in ret.operands().into_iter().enumerate() {
            let t = v.raw_type();
            let Some([n, c, h, w]) = four_d(t) else {
                outputs.push(t);
                continue;
            };
            let nhwc = t.with_shape(&[n, h, w, c]);
            rw.set_insertion_before(ret);
            let perm = constant::insert_i32(&mut rw, &TO_NHWC).map_err(|_| PassFailed)?;
            let tr = tfl::Transpose::build(&mut rw, &[nhwc], v, perm).create();
            rw.set_operand(ret, i, tr.output());
            outputs.push(nhwc);
        }
        f.set_function_type(&mut rw, &inputs, &outputs);
        if let Some(dims) = func.raw_attr(DYNAMIC_DIMS).filter(|_| !moved.is_empty()) {
            let Some(permuted) = permuted_dims(func.context(), dims, &moved) else {
                rw.error(
                    func,
                    &format!(
                        "'{DYNAMIC_DIMS}' is not a dictionary of input names to arrays of {{dim, expr, min[, max]}}"
                    ),
                );
                return Err(PassFailed);
            };
            rw.set_attr(func, DYNAMIC_DIMS, permuted);
        }
        Ok(rw.changed())
    }
}

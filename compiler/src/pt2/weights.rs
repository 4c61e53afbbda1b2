//! Loads a `.pt2` archive: the ExportedProgram plus every parameter, buffer and tensor
//! constant bound to the graph input that receives it.
//!
//! Layout (torch 2.9 and later; `model` is the program's name):
//! - `models/model.json`: the ExportedProgram;
//! - `data/weights/model_weights_config.json`: parameters and persistent buffers,
//!   FQN -> `{path_name: "weight_N", use_pickle, tensor_meta}`, storage in
//!   `data/weights/weight_N`;
//! - `data/constants/model_constants_config.json`: non-persistent buffers and lifted
//!   tensor constants, the same way, storage in `data/constants/tensor_N`.
//!
//! A storage file holds the raw little-endian bytes of a whole torch storage; the
//! tensor is the view `(sizes, strides, storage_offset)` on it, so tied weights share
//! one file and a transposed buffer is a strided view. [`load`] checks every view
//! against its file; [`Weight::bytes`] then returns the dense row-major data, borrowed
//! from the map when the view is contiguous.
//!
//! An archive may hold several programs (`package_pt2(f, exported_programs={"prefill":
//! ..., "decode": ...})`): each is `models/<name>.json` with its own
//! `<name>_weights_config.json` and `<name>_constants_config.json`; [`program_names`]
//! lists them and [`load_named`] loads one, sharing the archive's map.
//!
//! Older archives (torch 2.6-2.8: `data/weights/model.pt`, no payload configs) and
//! pickled payloads (tensor subclasses) are refused with a [`Pt2Error`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::archive::Archive;
use super::error::{Pt2Error, TensorView};
use super::schema::{self, ConstantValue, ExportedProgram, InputSpec, PayloadConfig, PayloadMeta, ScalarType, SymInt};

/// The program name `torch.export.save` uses for a single ExportedProgram.
pub const MODEL_NAME: &str = "model";
pub const MODEL_JSON: &str = "models/model.json";
pub const WEIGHTS_DIR: &str = "data/weights";
pub const WEIGHTS_CONFIG: &str = "data/weights/model_weights_config.json";
pub const CONSTANTS_DIR: &str = "data/constants";
pub const CONSTANTS_CONFIG: &str = "data/constants/model_constants_config.json";

/// A loaded archive: the program and its bound payloads.
#[derive(Debug)]
pub struct Program {
    pub archive: Arc<Archive>,
    /// The program's name in the archive (`model` for `torch.export.save`).
    pub name: String,
    pub ep: ExportedProgram,
    /// Graph input name (e.g. `p_conv_weight`) -> its stored tensor.
    pub weights: BTreeMap<String, Weight>,
    /// `constant_input` spec name -> its value.
    pub constants: BTreeMap<String, ConstantValue>,
}

impl Program {
    /// Bytes of the float32 weights, each storage counted once (tied weights share one):
    /// what a float32 TFLite file of this program holds at least, known before import.
    pub fn float32_weight_bytes(&self) -> u64 {
        let mut seen = std::collections::BTreeSet::new();
        self.weights
            .values()
            .filter(|w| w.dtype == ScalarType::F32 && seen.insert((w.storage.start, w.storage_offset, w.sizes.clone())))
            .map(|w| w.byte_len() as u64)
            .sum()
    }

    /// The dense row-major bytes of the weight bound to graph input `input`.
    pub fn weight_bytes(&self, input: &str) -> Option<Cow<'_, [u8]>> {
        self.weights.get(input).map(|w| w.bytes(&self.archive))
    }
}

/// What kind of state a weight is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeightKind {
    Parameter,
    Buffer {
        persistent: bool,
    },
    /// A lifted tensor constant (a plain tensor attribute used in `forward`).
    Constant,
}

/// A stored tensor: a view on a storage file in the archive's map.
///
/// Built and checked by [`load`]: the dtype is supported, the sizes, strides and offset
/// are non-negative, and the view lies inside `storage`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weight {
    /// The parameter, buffer or constant name in the module (`conv.weight`).
    pub fqn: String,
    pub kind: WeightKind,
    pub dtype: ScalarType,
    pub sizes: Vec<i64>,
    /// In elements.
    pub strides: Vec<i64>,
    /// In elements.
    pub storage_offset: i64,
    /// The storage file's bytes in [`Archive::bytes`].
    pub storage: Range<usize>,
}

impl Weight {
    fn width(&self) -> usize {
        self.dtype.byte_width().expect("a Weight from pt2::weights::load has a supported dtype")
    }

    /// Number of elements (1 for a 0-d tensor).
    pub fn numel(&self) -> usize {
        self.sizes.iter().map(|&s| s as usize).product()
    }

    /// Bytes of the dense tensor: elements x element width.
    pub fn byte_len(&self) -> usize {
        self.numel() * self.width()
    }

    /// Whether the view is dense row-major from `storage_offset` (dims of size 1 may
    /// have any stride; an empty tensor is contiguous).
    pub fn is_contiguous(&self) -> bool {
        if self.numel() == 0 {
            return true;
        }
        let mut expected = 1i64;
        for (&size, &stride) in self.sizes.iter().zip(&self.strides).rev() {
            if size != 1 && stride != expected {
                return false;
            }
            expected *= size;
        }
        true
    }

    /// Where the dense tensor lies in [`Archive::bytes`] when the view is contiguous (the
    /// slice [`Weight::bytes`] borrows); `None` for a strided view, which it gathers.
    pub fn contiguous_range(&self) -> Option<Range<usize>> {
        self.is_contiguous().then(|| {
            let start = self.storage.start + self.storage_offset as usize * self.width();
            start..start + self.byte_len()
        })
    }

    /// The tensor's bytes, dense and row-major: a slice of `archive`'s map when the view
    /// is contiguous (no copy), otherwise a gathered copy.
    ///
    /// `archive` must be the archive this weight was loaded from.
    pub fn bytes<'a>(&self, archive: &'a Archive) -> Cow<'a, [u8]> {
        let width = self.width();
        let storage = &archive.bytes()[self.storage.clone()];
        if self.is_contiguous() {
            let start = self.storage_offset as usize * width;
            return Cow::Borrowed(&storage[start..start + self.byte_len()]);
        }
        // Strided (numel > 0 here): walk the indices row-major, an odometer over all but
        // the innermost dim, copying the innermost dim element by element.
        let rank = self.sizes.len();
        let inner = self.sizes[rank - 1] as usize;
        let inner_stride = self.strides[rank - 1] as usize;
        let mut out = Vec::with_capacity(self.byte_len());
        let mut index = vec![0i64; rank - 1];
        loop {
            let base = self.storage_offset as usize
                + index.iter().zip(&self.strides).map(|(&i, &s)| (i * s) as usize).sum::<usize>();
            for j in 0..inner {
                let at = (base + j * inner_stride) * width;
                out.extend_from_slice(&storage[at..at + width]);
            }
            // Advance the odometer.
            let mut d = rank - 1;
            loop {
                if d == 0 {
                    return Cow::Owned(out);
                }
                d -= 1;
                index[d] += 1;
                if index[d] < self.sizes[d] {
                    break;
                }
                index[d] = 0;
            }
        }
    }
}

/// Opens `path`, parses its program and both payload configs, and binds every
/// parameter, buffer and tensor constant input to its stored tensor. An archive of
/// several programs is refused with their names (load them with [`load_named`]).
pub fn load(path: &Path) -> Result<Program, Pt2Error> {
    load_archive(Archive::open(path)?)
}

/// [`load`] of an archive already open (read from memory, say).
pub fn load_archive(archive: Archive) -> Result<Program, Pt2Error> {
    load_shared(Arc::new(archive))
}

/// [`load_archive`] of an archive other programs may share.
pub fn load_shared(archive: Arc<Archive>) -> Result<Program, Pt2Error> {
    let names = program_names(&archive);
    let name = match names.as_slice() {
        [one] => one.clone(),
        _ if archive.has(MODEL_JSON) => MODEL_NAME.to_string(),
        [] => return Err(Pt2Error::MissingEntry { path: archive.path().to_path_buf(), entry: archive.full_name(MODEL_JSON) }),
        _ => {
            return Err(Pt2Error::UnsupportedLayout {
                path: archive.path().to_path_buf(),
                reason: format!(
                    "it holds {} programs ({}); convert them together, one signature each (edge-convert takes the \
                     archive as it is), or import one (edge-translate --pt2-to-mlir --program NAME)",
                    names.len(),
                    names.join(", ")
                ),
            })
        }
    };
    load_named(archive, &name)
}

/// The names of the programs in `archive` (`models/<name>.json`), sorted.
pub fn program_names(archive: &Archive) -> Vec<String> {
    let mut names: Vec<String> = archive
        .names()
        .filter_map(|n| n.strip_prefix("models/")?.strip_suffix(".json"))
        .filter(|n| !n.is_empty() && !n.contains('/'))
        .map(str::to_string)
        .collect();
    names.sort();
    names
}

/// Program `name` of `archive` (see [`program_names`]), its payloads bound.
pub fn load_named(archive: Arc<Archive>, name: &str) -> Result<Program, Pt2Error> {
    let model_json = format!("models/{name}.json");
    let weights_config = format!("{WEIGHTS_DIR}/{name}_weights_config.json");
    let constants_config = format!("{CONSTANTS_DIR}/{name}_constants_config.json");
    check_layout(&archive, &model_json, [&weights_config, &constants_config])?;
    let ep = schema::parse_exported_program(archive.path(), &archive.full_name(&model_json), archive.entry(&model_json)?)?;
    let (weights_name, constants_name) = (weights_config, constants_config);
    let weights_config: PayloadConfig =
        schema::parse_json(archive.path(), &archive.full_name(&weights_name), archive.entry(&weights_name)?)?;
    let constants_config: PayloadConfig =
        schema::parse_json(archive.path(), &archive.full_name(&constants_name), archive.entry(&constants_name)?)?;
    let configs = Configs {
        weights: (&weights_config, WEIGHTS_DIR),
        constants: (&constants_config, CONSTANTS_DIR),
        names: [&weights_name, &constants_name],
    };

    let mut weights = BTreeMap::new();
    let mut constants = BTreeMap::new();
    for spec in &ep.graph_module.signature.input_specs {
        let (input, fqn, kind) = match spec {
            InputSpec::Parameter(s) => (&s.arg.name, &s.parameter_name, WeightKind::Parameter),
            InputSpec::Buffer(s) => (&s.arg.name, &s.buffer_name, WeightKind::Buffer { persistent: s.persistent }),
            InputSpec::TensorConstant(s) => (&s.arg.name, &s.tensor_constant_name, WeightKind::Constant),
            InputSpec::ConstantInput(s) => {
                constants.insert(s.name.clone(), s.value.clone());
                continue;
            }
            // User inputs, tokens and custom objects carry no stored tensor.
            InputSpec::UserInput(_) | InputSpec::Token(_) | InputSpec::CustomObj(_) => continue,
        };
        let (meta, dir) = configs.find(&archive, input, fqn, kind)?;
        let weight = bind(&archive, fqn, kind, meta, dir)?;
        weights.insert(input.clone(), weight);
    }
    Ok(Program { archive, name: name.to_string(), ep, weights, constants })
}

/// Refuses archives from before the raw-weights layout, naming what gave them away.
fn check_layout(archive: &Archive, model_json: &str, configs: [&str; 2]) -> Result<(), Pt2Error> {
    let layout = |reason: String| Err(Pt2Error::UnsupportedLayout { path: archive.path().to_path_buf(), reason });
    if archive.has("serialized_exported_program.json") {
        return layout(format!(
            "'{}' is the torch 2.5-or-older layout",
            archive.full_name("serialized_exported_program.json")
        ));
    }
    if !archive.has(model_json) {
        return Err(Pt2Error::MissingEntry { path: archive.path().to_path_buf(), entry: archive.full_name(model_json) });
    }
    let legacy = archive
        .names()
        .find(|n| (n.starts_with("data/weights/") || n.starts_with("data/constants/")) && n.ends_with(".pt"));
    if let Some(legacy) = legacy {
        return layout(format!("weights are pickled in '{}' (the torch 2.6-2.8 layout)", archive.full_name(legacy)));
    }
    for config in configs {
        if !archive.has(config) {
            return layout(format!(
                "there is no '{}' (torch 2.6-2.8 archives pickle their weights instead)",
                archive.full_name(config)
            ));
        }
    }
    Ok(())
}

/// The two payload configs with the folder their files live in.
struct Configs<'c> {
    weights: (&'c PayloadConfig, &'static str),
    constants: (&'c PayloadConfig, &'static str),
    /// The configs' entry names, for messages.
    names: [&'c str; 2],
}

impl<'c> Configs<'c> {
    /// The payload of `fqn`: parameters and persistent buffers are in the weights
    /// config, non-persistent buffers and tensor constants in the constants config;
    /// the other config is tried second.
    fn find(
        &self,
        archive: &Archive,
        input: &str,
        fqn: &str,
        kind: WeightKind,
    ) -> Result<(&'c PayloadMeta, &'static str), Pt2Error> {
        let order = match kind {
            WeightKind::Parameter | WeightKind::Buffer { persistent: true } => [self.weights, self.constants],
            WeightKind::Buffer { persistent: false } | WeightKind::Constant => [self.constants, self.weights],
        };
        order.iter().find_map(|(config, dir)| config.config.get(fqn).map(|m| (m, *dir))).ok_or_else(|| {
            Pt2Error::UnboundInput {
                path: archive.path().to_path_buf(),
                input: input.to_string(),
                fqn: fqn.to_string(),
                weights_config: archive.full_name(self.names[0]),
                constants_config: archive.full_name(self.names[1]),
            }
        })
    }
}

/// Checks `meta` and builds the weight for `fqn`.
fn bind(archive: &Archive, fqn: &str, kind: WeightKind, meta: &PayloadMeta, dir: &str) -> Result<Weight, Pt2Error> {
    let path = || archive.path().to_path_buf();
    let rel = format!("{dir}/{}", meta.path_name);
    if meta.use_pickle {
        return Err(Pt2Error::PickledPayload { path: path(), fqn: fqn.into(), entry: archive.full_name(&rel) });
    }
    let Some(tm) = &meta.tensor_meta else {
        return Err(Pt2Error::MissingTensorMeta { path: path(), fqn: fqn.into(), entry: archive.full_name(&rel) });
    };
    if !tm.dtype.is_known() {
        return Err(Pt2Error::UnknownDtype { path: path(), fqn: fqn.into(), code: tm.dtype.0 });
    }
    let Some(width) = tm.dtype.byte_width() else {
        return Err(Pt2Error::UnsupportedDtype {
            path: path(),
            fqn: fqn.into(),
            dtype: tm.dtype.name(),
            code: tm.dtype.0,
        });
    };
    let static_ints = |what: &'static str, v: &[SymInt]| -> Result<Vec<i64>, Pt2Error> {
        v.iter()
            .map(|s| match s {
                SymInt::AsInt(i) => Ok(*i),
                SymInt::AsExpr(e) => {
                    Err(Pt2Error::SymbolicWeightShape { path: path(), fqn: fqn.into(), what, expr: e.expr_str.clone() })
                }
            })
            .collect()
    };
    let sizes = static_ints("size", &tm.sizes)?;
    let strides = static_ints("stride", &tm.strides)?;
    let storage_offset = static_ints("storage offset", std::slice::from_ref(&tm.storage_offset))?[0];

    let view = || {
        Box::new(TensorView { dtype: tm.dtype.name(), sizes: sizes.clone(), strides: strides.clone(), storage_offset })
    };
    let needed = view_extent(&sizes, &strides, storage_offset, width).map_err(|reason| Pt2Error::AbsurdSizes {
        path: path(),
        fqn: fqn.into(),
        view: view(),
        reason,
    })?;
    let storage = archive.entry_range(&rel)?;
    if needed > storage.len() as u64 {
        return Err(Pt2Error::ShortStorage {
            path: path(),
            fqn: fqn.into(),
            entry: archive.full_name(&rel),
            view: view(),
            needed,
            present: storage.len(),
        });
    }
    Ok(Weight { fqn: fqn.into(), kind, dtype: tm.dtype, sizes, strides, storage_offset, storage })
}

/// Bytes of storage a view needs (one past its last element), or why the view is absurd.
///
/// Sizes, strides and the offset must be non-negative, as many strides as sizes, and
/// the element count, byte count and extent must fit in an `i64` (as in torch).
pub fn view_extent(sizes: &[i64], strides: &[i64], storage_offset: i64, width: usize) -> Result<u64, String> {
    if sizes.len() != strides.len() {
        return Err(format!("{} sizes but {} strides", sizes.len(), strides.len()));
    }
    if let Some(s) = sizes.iter().find(|&&s| s < 0) {
        return Err(format!("negative size {s}"));
    }
    if let Some(s) = strides.iter().find(|&&s| s < 0) {
        return Err(format!("negative stride {s}"));
    }
    if storage_offset < 0 {
        return Err(format!("negative storage offset {storage_offset}"));
    }
    let width = width as i64;
    let numel =
        sizes.iter().try_fold(1i64, |n, &s| n.checked_mul(s)).ok_or("the element count overflows a 64-bit integer")?;
    numel.checked_mul(width).ok_or("the byte count overflows a 64-bit integer")?;
    if numel == 0 {
        return Ok(0);
    }
    let last = sizes
        .iter()
        .zip(strides)
        .try_fold(storage_offset, |acc, (&size, &stride)| {
            (size - 1).checked_mul(stride).and_then(|d| acc.checked_add(d))
        })
        .ok_or("the storage extent overflows a 64-bit integer")?;
    let end = last
        .checked_add(1)
        .and_then(|n| n.checked_mul(width))
        .ok_or("the storage extent overflows a 64-bit integer")?;
    Ok(end as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents() {
        assert_eq!(view_extent(&[], &[], 0, 4), Ok(4));
        assert_eq!(view_extent(&[], &[], 3, 4), Ok(16));
        assert_eq!(view_extent(&[0, 3], &[3, 1], 0, 4), Ok(0));
        assert_eq!(view_extent(&[2, 3], &[3, 1], 0, 4), Ok(24));
        assert_eq!(view_extent(&[4, 3], &[1, 4], 0, 4), Ok(48));
        assert_eq!(view_extent(&[6], &[1], 2, 4), Ok(32));
        assert_eq!(view_extent(&[3, 4], &[0, 1], 0, 2), Ok(8)); // broadcast (expanded) view
        assert!(view_extent(&[-1], &[1], 0, 4).unwrap_err().contains("negative size"));
        assert!(view_extent(&[1 << 62, 1 << 62], &[1 << 62, 1], 0, 4).unwrap_err().contains("element count"));
        assert!(view_extent(&[1 << 62], &[1], 0, 4).unwrap_err().contains("byte count"));
        assert!(view_extent(&[2, 2], &[i64::MAX, 1], 0, 1).unwrap_err().contains("extent"));
        assert!(view_extent(&[2], &[1, 1], 0, 1).unwrap_err().contains("strides"));
        assert!(view_extent(&[2], &[-1], 0, 1).unwrap_err().contains("negative stride"));
        assert!(view_extent(&[2], &[1], -1, 1).unwrap_err().contains("negative storage offset"));
    }

    fn weight(sizes: &[i64], strides: &[i64], offset: i64) -> Weight {
        Weight {
            fqn: "w".into(),
            kind: WeightKind::Parameter,
            dtype: ScalarType::U8,
            sizes: sizes.to_vec(),
            strides: strides.to_vec(),
            storage_offset: offset,
            storage: 0..0,
        }
    }

    #[test]
    fn contiguity() {
        assert!(weight(&[], &[], 0).is_contiguous());
        assert!(weight(&[2, 3], &[3, 1], 5).is_contiguous());
        assert!(weight(&[1, 3], &[99, 1], 0).is_contiguous());
        assert!(weight(&[0, 3], &[7, 7], 0).is_contiguous());
        assert!(!weight(&[3, 2], &[1, 3], 0).is_contiguous());
        assert!(!weight(&[3], &[2], 0).is_contiguous());
    }
}

//! Checking converted models numerically: run a `.tflite` in LiteRT (the real
//! TFLite runtime, PyPI `ai-edge-litert`) on inputs from an `.npz` and compare
//! its outputs with expected arrays under a stated tolerance.
//!
//! The work is done by `runtime-check/litert_check.py`, run with the project's
//! Python (`<workspace>/.venv`, made by `scripts/setup.sh`, or `EDGE_PYTHON`);
//! this crate finds that Python, writes `.npz` inputs ([`NpzWriter`]), runs the
//! script with `--json` and returns its report as a typed [`Report`].
//!
//! ```no_run
//! use edge_runtime_check::{check_arrays, Array, Tolerance};
//! let report = check_arrays(
//!     "model.tflite".as_ref(),
//!     &[("x", Array::vector(vec![1.0f32, 2.0]))],
//!     Some(&[("out", Array::vector(vec![2.0f32, 4.0]))]),
//!     Tolerance::rel_to_max(1e-4),
//! )?;
//! assert!(report.passed(), "{report}");
//! # Ok::<(), edge_runtime_check::Error>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::{Deserialize, Deserializer, Serialize};

mod npz;

pub use npz::{write_npz, Array, ArrayData, Element, NpzWriter};

/// What goes wrong while finding Python, writing arrays or running the harness.
/// A model whose outputs do not match is not an error: see [`Report::passed`].
///
/// `Debug` prints the same text as `Display`, so that `.unwrap()` in a test
/// shows the message (e.g. the hint to run `scripts/setup.sh`).
#[derive(thiserror::Error)]
pub enum Error {
    #[error(
        "no Python with LiteRT: {reason}; run `bash scripts/setup.sh` to create \
         the venv {venv} (or set EDGE_PYTHON to a Python that has ai-edge-litert)",
        venv = workspace_root().join(".venv").display()
    )]
    PythonMissing { reason: String },

    #[error("cannot run {python}: {source}")]
    Spawn {
        python: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The harness refused (usage or input error) or LiteRT failed to load or
    /// run the model: exit code 2, with the harness's message.
    #[error("litert-check: {message}")]
    Check {
        message: String,
        exit_code: i32,
        /// Everything the harness and LiteRT printed on stderr.
        stderr: String,
    },

    /// The harness died without a report (a crash inside LiteRT, a signal).
    #[error("litert-check died ({status}) without a report; stderr:\n{stderr}")]
    Crashed { status: String, stderr: String },

    #[error(
        "cannot parse the litert-check report: {source}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    )]
    BadReport {
        #[source]
        source: serde_json::Error,
        stdout: String,
        stderr: String,
    },

    #[error("invalid tolerance: {0}")]
    InvalidTolerance(String),

    #[error("invalid array: {0}")]
    InvalidArray(String),

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The workspace root (the parent of this crate's directory).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/..")))
}

/// The harness script, `runtime-check/litert_check.py`.
pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("litert_check.py")
}

fn default_python() -> PathBuf {
    workspace_root().join(".venv").join("bin").join("python")
}

/// The Python that has LiteRT: `EDGE_PYTHON` when set, else
/// `<workspace>/.venv/bin/python`.
pub fn python() -> Result<PathBuf, Error> {
    if let Some(value) = std::env::var_os("EDGE_PYTHON").filter(|v| !v.is_empty()) {
        let given = PathBuf::from(&value);
        if given.is_file() {
            return Ok(given);
        }
        if given.components().count() == 1 {
            if let Some(found) = std::env::var_os("PATH")
                .iter()
                .flat_map(std::env::split_paths)
                .map(|dir| dir.join(&given))
                .find(|p| p.is_file())
            {
                return Ok(found);
            }
        }
        return Err(Error::PythonMissing {
            reason: format!("EDGE_PYTHON={} is not a file", given.display()),
        });
    }
    let venv = default_python();
    if venv.exists() {
        Ok(venv)
    } else {
        Err(Error::PythonMissing {
            reason: format!("{} does not exist", venv.display()),
        })
    }
}

/// How close an output must be to its expected array. An element passes when
/// `|got - exp| <= atol + rtol * |exp|`; NaN positions must match.
///
/// Fields left `None` take the harness defaults: for floating outputs
/// atol 1e-6 and rtol 1e-5 when neither is given (giving one sets the other to
/// 0); integer and bool outputs compare exactly unless a tolerance is given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Tolerance {
    pub atol: Option<f64>,
    pub rtol: Option<f64>,
    /// atol = this x max|expected|, per output (rtol 0 unless `rtol` is set).
    /// Not together with `atol`.
    pub rel_to_max: Option<f64>,
}

impl Tolerance {
    /// The harness defaults (see the type's documentation).
    pub fn harness_default() -> Tolerance {
        Tolerance::default()
    }

    /// Exact equality (NaN matches NaN).
    pub fn exact() -> Tolerance {
        Tolerance::abs_rel(0.0, 0.0)
    }

    /// `|got - exp| <= atol`.
    pub fn abs(atol: f64) -> Tolerance {
        Tolerance::abs_rel(atol, 0.0)
    }

    /// `|got - exp| <= atol + rtol * |exp|`.
    pub fn abs_rel(atol: f64, rtol: f64) -> Tolerance {
        Tolerance {
            atol: Some(atol),
            rtol: Some(rtol),
            rel_to_max: None,
        }
    }

    /// `|got - exp| <= f * max|exp|`, e.g. `rel_to_max(1e-4)` for "max abs
    /// error at most 1e-4 of the output's largest magnitude".
    pub fn rel_to_max(f: f64) -> Tolerance {
        Tolerance {
            atol: None,
            rtol: None,
            rel_to_max: Some(f),
        }
    }

    fn args(&self) -> Result<Vec<String>, Error> {
        if self.atol.is_some() && self.rel_to_max.is_some() {
            return Err(Error::InvalidTolerance(
                "atol and rel_to_max are exclusive (rel_to_max sets atol)".into(),
            ));
        }
        let mut args = Vec::new();
        for (flag, value) in [
            ("--atol", self.atol),
            ("--rtol", self.rtol),
            ("--rel-to-max", self.rel_to_max),
        ] {
            if let Some(v) = value {
                if !(v.is_finite() && v >= 0.0) {
                    return Err(Error::InvalidTolerance(format!(
                        "{flag} {v}: must be finite and >= 0"
                    )));
                }
                args.push(flag.to_string());
                // `{:?}` round-trips an f64 exactly ("1e-5", "0.0001").
                args.push(format!("{v:?}"));
            }
        }
        Ok(args)
    }
}

/// Everything [`check_with`] can be told.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub tolerance: Tolerance,
    /// Interpreter threads (the harness default is 1).
    pub threads: Option<usize>,
    /// The signature to run (default `serving_default`).
    pub signature: Option<String>,
    /// Put each output's values in [`OutputReport::values`].
    pub print_outputs: bool,
    /// Also save the outputs, by name, to this `.npz`.
    pub save_outputs: Option<PathBuf>,
}

impl From<Tolerance> for Options {
    fn from(tolerance: Tolerance) -> Options {
        Options {
            tolerance,
            ..Options::default()
        }
    }
}

/// Runs `model` in LiteRT on `inputs` (an `.npz`) and, when `expected` is
/// given, compares the outputs. `Ok` with a failing [`Report`] means the model
/// ran but did not match; `Err` means it could not be checked.
pub fn check(
    model: &Path,
    inputs: &Path,
    expected: Option<&Path>,
    tol: Tolerance,
) -> Result<Report, Error> {
    check_with(model, inputs, expected, &Options::from(tol))
}

/// [`check`] on arrays: writes them to temporary `.npz` files first.
pub fn check_arrays(
    model: &Path,
    inputs: &[(&str, Array)],
    expected: Option<&[(&str, Array)]>,
    tol: Tolerance,
) -> Result<Report, Error> {
    let dir = tempfile::tempdir().map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    let inputs = write_npz(dir.path().join("inputs.npz"), inputs)?;
    let expected = expected
        .map(|e| write_npz(dir.path().join("expected.npz"), e))
        .transpose()?;
    check(model, &inputs, expected.as_deref(), tol)
}

/// [`check`] with every option.
pub fn check_with(
    model: &Path,
    inputs: &Path,
    expected: Option<&Path>,
    options: &Options,
) -> Result<Report, Error> {
    let python = python()?;
    let mut cmd = Command::new(&python);
    cmd.arg(script()).arg(model).arg("--inputs").arg(inputs);
    if let Some(expected) = expected {
        cmd.arg("--expected").arg(expected);
    }
    cmd.args(options.tolerance.args()?);
    if let Some(threads) = options.threads {
        cmd.arg("--threads").arg(threads.to_string());
    }
    if let Some(signature) = &options.signature {
        cmd.arg("--signature").arg(signature);
    }
    if options.print_outputs {
        cmd.arg("--print-outputs");
    }
    if let Some(path) = &options.save_outputs {
        cmd.arg("--save-outputs").arg(path);
    }
    cmd.arg("--json");
    let output = cmd.output().map_err(|source| Error::Spawn {
        python: python.clone(),
        source,
    })?;
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = output.status.code();
    let parsed = parse_report(&stdout);
    match (code, parsed) {
        (Some(0 | 1), Ok(report)) => Ok(report),
        (Some(code @ 2), Ok(report)) => Err(Error::Check {
            message: report.error.unwrap_or_else(|| "error (no message)".into()),
            exit_code: code,
            stderr,
        }),
        (Some(0..=2), Err(source)) => Err(Error::BadReport {
            source,
            stdout,
            stderr,
        }),
        (Some(code), _) if !stdout.contains('{') && stderr.contains("litert-check: error:") => {
            Err(Error::Check {
                message: stderr.trim().to_string(),
                exit_code: code,
                stderr,
            })
        }
        _ => Err(Error::Crashed {
            status: output.status.to_string(),
            stderr,
        }),
    }
}

/// Parses the harness's JSON report (a line opening with `{` starts it; text
/// that native code printed before it is skipped).
fn parse_report(stdout: &str) -> Result<Report, serde_json::Error> {
    let start = if stdout.starts_with('{') {
        0
    } else {
        stdout.find("\n{").map_or(0, |i| i + 1)
    };
    serde_json::from_str(&stdout[start..])
}

/// How the harness bound the `.npz` inputs to the model's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Binding {
    /// By the names of a SignatureDef's inputs (`serving_default`).
    Signature,
    /// By position (`arg0`, `arg1`, ...) or input tensor name: the model has
    /// no signatures.
    Position,
}

/// The overall result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    /// Every output matched.
    Pass,
    /// Some output did not match.
    Fail,
    /// The model ran; nothing was compared (no expected arrays).
    Ran,
    /// The harness could not check the model (only inside [`Error::Check`]).
    Error,
}

/// The result for one output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum OutputStatus {
    Pass,
    Fail,
    NotChecked,
}

/// One model input as it was fed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputReport {
    /// The model's name for it (signature input name or tensor name).
    pub name: String,
    /// The `.npz` key it came from.
    pub key: String,
    pub shape: Vec<usize>,
    pub dtype: String,
    /// Whether the model's input was resized to this shape (dynamic dims).
    pub resized: bool,
}

/// One model output and its comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutputReport {
    pub name: String,
    pub shape: Vec<usize>,
    pub dtype: String,
    pub status: OutputStatus,
    /// The key of the expected array it was compared with.
    #[serde(default)]
    pub expected_key: Option<String>,
    #[serde(default)]
    pub expected_shape: Option<Vec<usize>>,
    #[serde(default)]
    pub expected_dtype: Option<String>,
    #[serde(default, deserialize_with = "float")]
    pub max_abs_error: Option<f64>,
    /// Over elements whose expected value is non-zero.
    #[serde(default, deserialize_with = "float")]
    pub max_rel_error: Option<f64>,
    /// The tolerance applied (after defaults and `rel_to_max`).
    #[serde(default, deserialize_with = "float")]
    pub atol: Option<f64>,
    #[serde(default, deserialize_with = "float")]
    pub rtol: Option<f64>,
    /// The tolerance in words, e.g. `|d| <= 1e-06 + 1e-05*|exp|` or `exact`.
    #[serde(default)]
    pub tolerance: Option<String>,
    /// Elements outside tolerance (None when shapes or kinds differ).
    #[serde(default)]
    pub mismatches: Option<u64>,
    #[serde(default)]
    pub elements: Option<u64>,
    /// The worst element outside tolerance (or the largest error when all pass).
    #[serde(default)]
    pub worst_index: Option<Vec<usize>>,
    #[serde(default, deserialize_with = "float")]
    pub worst_got: Option<f64>,
    #[serde(default, deserialize_with = "float")]
    pub worst_expected: Option<f64>,
    /// Why it failed, in words.
    #[serde(default)]
    pub reason: Option<String>,
    /// The output's values (nested lists), with [`Options::print_outputs`];
    /// non-finite floats are the strings "inf", "-inf", "nan".
    #[serde(default)]
    pub values: Option<serde_json::Value>,
}

/// The harness's report on one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub model: Option<String>,
    pub binding: Option<Binding>,
    pub signature: Option<String>,
    pub inputs: Vec<InputReport>,
    pub outputs: Vec<OutputReport>,
    pub status: Status,
    #[serde(default)]
    pub error: Option<String>,
    pub exit_code: i32,
}

impl Report {
    /// Every output was compared and matched.
    pub fn passed(&self) -> bool {
        self.status == Status::Pass
    }

    /// The output with this name.
    pub fn output(&self, name: &str) -> Option<&OutputReport> {
        self.outputs.iter().find(|o| o.name == name)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let num = |x: Option<f64>| x.map_or_else(|| "n/a".to_string(), |v| format!("{v:.6e}"));
        writeln!(
            f,
            "litert-check {:?} on {} (bound by {})",
            self.status,
            self.model.as_deref().unwrap_or("?"),
            match (self.binding, &self.signature) {
                (Some(Binding::Signature), Some(s)) => format!("signature '{s}'"),
                (Some(Binding::Position), _) => "position".to_string(),
                _ => "?".to_string(),
            }
        )?;
        for o in &self.outputs {
            write!(
                f,
                "  {} {}{:?}: {:?} max_abs_err={} max_rel_err={} tol: {}",
                o.name,
                o.dtype,
                o.shape,
                o.status,
                num(o.max_abs_error),
                num(o.max_rel_error),
                o.tolerance.as_deref().unwrap_or("-"),
            )?;
            if let Some(reason) = &o.reason {
                write!(f, " ({reason})")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// An optional float that may be written as a number or as one of the strings
/// "inf", "-inf", "nan" (JSON has no non-finite numbers).
fn float<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum F {
        Num(f64),
        Str(String),
    }
    match Option::<F>::deserialize(d)? {
        None => Ok(None),
        Some(F::Num(v)) => Ok(Some(v)),
        Some(F::Str(s)) => match s.as_str() {
            "inf" => Ok(Some(f64::INFINITY)),
            "-inf" => Ok(Some(f64::NEG_INFINITY)),
            "nan" => Ok(Some(f64::NAN)),
            other => Err(serde::de::Error::custom(format!("not a number: {other:?}"))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerance_args() {
        assert!(Tolerance::harness_default().args().unwrap().is_empty());
        assert_eq!(
            Tolerance::abs(1e-5).args().unwrap(),
            ["--atol", "1e-5", "--rtol", "0.0"]
        );
        assert_eq!(
            Tolerance::rel_to_max(1e-4).args().unwrap(),
            ["--rel-to-max", "0.0001"]
        );
        let both = Tolerance {
            atol: Some(1.0),
            rel_to_max: Some(1.0),
            ..Tolerance::default()
        };
        assert!(matches!(both.args(), Err(Error::InvalidTolerance(_))));
        assert!(Tolerance::abs(f64::NAN).args().is_err());
        assert!(Tolerance::abs(-1.0).args().is_err());
    }

    #[test]
    fn report_parses_non_finite_and_skips_leading_noise() {
        let json = r#"noise from native code
{"model": "m.tflite", "binding": "position", "signature": null, "inputs": [],
 "outputs": [{"name": "o", "shape": [1], "dtype": "float32", "status": "FAIL",
   "max_abs_error": "inf", "max_rel_error": null, "atol": 1e-06, "rtol": 1e-05,
   "worst_got": "nan", "worst_expected": 3}],
 "status": "FAIL", "error": null, "exit_code": 1}"#;
        let r = parse_report(json).unwrap();
        assert_eq!(r.binding, Some(Binding::Position));
        let o = r.output("o").unwrap();
        assert_eq!(o.max_abs_error, Some(f64::INFINITY));
        assert!(o.worst_got.unwrap().is_nan());
        assert_eq!(o.worst_expected, Some(3.0));
        assert!(!r.passed());
    }

    #[test]
    fn python_missing_error_names_setup_script() {
        let e = Error::PythonMissing {
            reason: "x does not exist".into(),
        };
        let msg = e.to_string();
        assert!(
            msg.contains("scripts/setup.sh") && msg.contains("EDGE_PYTHON"),
            "{msg}"
        );
    }
}

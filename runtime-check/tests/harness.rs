//! The LiteRT harness end to end, on small fixtures in `tests/data` (written
//! with the TFLite schema bindings, not by our compiler):
//!   add.tflite                float32 out = a + b, [2], signature serving_default (a, b -> out)
//!   add_i32.tflite            the same in int32
//!   add_dynamic_nosig.tflite  float32 sum = x + y, shape [1] / signature [-1], no SignatureDefs
//!
//! These tests need the project venv: they fail (never skip) when it is
//! missing, with the hint to run scripts/setup.sh.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use edge_runtime_check::{
    check, check_arrays, check_with, python, script, write_npz, Array, Binding, Error, NpzWriter,
    Options, OutputStatus, Status, Tolerance,
};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The Python with LiteRT, or a test failure that says how to get it.
fn py() -> PathBuf {
    python().unwrap_or_else(|e| panic!("{e}"))
}

fn f32s(v: &[f32]) -> Array {
    Array::vector(v.to_vec())
}

fn add_inputs(dir: &Path) -> PathBuf {
    write_npz(
        dir.join("in.npz"),
        &[("a", f32s(&[1.0, 2.0])), ("b", f32s(&[3.0, 4.0]))],
    )
    .unwrap()
}

/// Runs the script directly, for exit codes and raw output.
fn run_script(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Output {
    let mut cmd = Command::new(py());
    cmd.arg(script());
    for a in args {
        cmd.arg(a);
    }
    cmd.output().expect("run litert_check.py")
}

fn no_traceback(stderr: &str) {
    assert!(
        !stderr.contains("Traceback"),
        "a traceback leaked:\n{stderr}"
    );
}

#[test]
fn fixtures_are_small_tflite_files() {
    for name in ["add.tflite", "add_i32.tflite", "add_dynamic_nosig.tflite"] {
        let bytes = std::fs::read(data(name)).unwrap();
        assert!(bytes.len() < 2048, "{name} is {} bytes", bytes.len());
        assert_eq!(&bytes[4..8], b"TFL3", "{name}");
    }
}

#[test]
fn add_passes() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = add_inputs(dir.path());
    let expected = write_npz(dir.path().join("exp.npz"), &[("out", f32s(&[4.0, 6.0]))]).unwrap();
    let report = check(
        &data("add.tflite"),
        &inputs,
        Some(&expected),
        Tolerance::default(),
    )
    .unwrap();
    assert!(report.passed(), "{report}");
    assert_eq!(report.exit_code, 0);
    assert_eq!(report.binding, Some(Binding::Signature));
    assert_eq!(report.signature.as_deref(), Some("serving_default"));
    let names: Vec<_> = report
        .inputs
        .iter()
        .map(|i| (i.name.as_str(), i.dtype.as_str()))
        .collect();
    assert_eq!(names, [("a", "float32"), ("b", "float32")]);
    let out = report.output("out").unwrap();
    assert_eq!(out.status, OutputStatus::Pass);
    assert_eq!(out.shape, [2]);
    assert_eq!(out.dtype, "float32");
    assert_eq!(out.max_abs_error, Some(0.0));
    assert_eq!(out.max_rel_error, Some(0.0));
    assert_eq!((out.atol, out.rtol), (Some(1e-6), Some(1e-5)));
    assert_eq!(out.tolerance.as_deref(), Some("|d| <= 1e-06 + 1e-05*|exp|"));

    let raw = run_script(&[
        &data("add.tflite"),
        &"--inputs",
        &inputs,
        &"--expected",
        &expected,
    ]);
    assert_eq!(raw.status.code(), Some(0));
    let text = String::from_utf8_lossy(&raw.stdout);
    assert!(
        text.contains("bound by signature 'serving_default'"),
        "{text}"
    );
    assert!(text.contains("PASS"), "{text}");
}

#[test]
fn add_mismatch_fails_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = add_inputs(dir.path());
    let expected = write_npz(dir.path().join("exp.npz"), &[("out", f32s(&[4.0, 7.0]))]).unwrap();
    let report = check(
        &data("add.tflite"),
        &inputs,
        Some(&expected),
        Tolerance::default(),
    )
    .unwrap();
    assert!(!report.passed());
    assert_eq!(report.status, Status::Fail);
    assert_eq!(report.exit_code, 1);
    let out = report.output("out").unwrap();
    assert_eq!(out.status, OutputStatus::Fail);
    assert_eq!(out.max_abs_error, Some(1.0));
    assert_eq!(out.mismatches, Some(1));
    assert_eq!(out.worst_index.as_deref(), Some(&[1usize][..]));
    assert_eq!((out.worst_got, out.worst_expected), (Some(6.0), Some(7.0)));
    assert!(report.to_string().contains("Fail"), "{report}");

    let raw = run_script(&[
        &data("add.tflite"),
        &"--inputs",
        &inputs,
        &"--expected",
        &expected,
    ]);
    assert_eq!(raw.status.code(), Some(1));
    let text = String::from_utf8_lossy(&raw.stdout);
    assert!(
        text.contains("max_abs_err=1 ") && text.contains("FAIL"),
        "{text}"
    );

    // A tolerance that covers the error passes: 1 <= 0.2 * |7|.
    let loose = Tolerance {
        rtol: Some(0.2),
        ..Tolerance::default()
    };
    let report = check(&data("add.tflite"), &inputs, Some(&expected), loose).unwrap();
    assert!(report.passed(), "{report}");
    // rel_to_max(0.1): atol = 0.7 < 1.
    let report = check(
        &data("add.tflite"),
        &inputs,
        Some(&expected),
        Tolerance::rel_to_max(0.1),
    )
    .unwrap();
    assert!(!report.passed(), "{report}");
    assert_eq!(report.outputs[0].atol, Some(0.1 * 7.0));
}

#[test]
fn nan_positions_must_match() {
    let nan = f32::NAN;
    let model = data("add.tflite");
    let inputs = [("a", f32s(&[nan, 1.0])), ("b", f32s(&[1.0, 1.0]))];
    let same = check_arrays(
        &model,
        &inputs,
        Some(&[("out", f32s(&[nan, 2.0]))]),
        Tolerance::default(),
    )
    .unwrap();
    assert!(same.passed(), "{same}");
    let differ = check_arrays(
        &model,
        &inputs,
        Some(&[("out", f32s(&[0.0, 2.0]))]),
        Tolerance::abs(1e9),
    )
    .unwrap();
    assert!(!differ.passed(), "{differ}");
    assert_eq!(differ.outputs[0].max_abs_error, Some(f64::INFINITY));
}

#[test]
fn int32_input_for_float_model_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_npz(
        dir.path().join("in.npz"),
        &[
            ("a", Array::vector(vec![1i32, 2])),
            ("b", Array::vector(vec![3i32, 4])),
        ],
    )
    .unwrap();
    let err = check(&data("add.tflite"), &inputs, None, Tolerance::default()).unwrap_err();
    match &err {
        Error::Check {
            message,
            exit_code,
            stderr,
        } => {
            assert_eq!(*exit_code, 2);
            assert!(
                message.contains("input 'a'")
                    && message.contains("dtype int32 does not match the model's float32"),
                "{message}"
            );
            no_traceback(stderr);
        }
        other => panic!("expected Error::Check, got {other}"),
    }
    let raw = run_script(&[&data("add.tflite"), &"--inputs", &inputs]);
    assert_eq!(raw.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&raw.stderr);
    assert!(
        stderr.contains("litert-check: error: input 'a'"),
        "{stderr}"
    );
    no_traceback(&stderr);
}

#[test]
fn wrong_shape_and_wrong_names_are_input_errors() {
    let model = data("add.tflite");
    let err = check_arrays(
        &model,
        &[
            ("a", Array::new(&[1, 2], vec![1.0f32, 2.0]).unwrap()),
            ("b", f32s(&[3.0, 4.0])),
        ],
        None,
        Tolerance::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("shape [1, 2] does not match the model's [2]"),
        "{err}"
    );
    let err = check_arrays(
        &model,
        &[("x", f32s(&[1.0, 2.0]))],
        None,
        Tolerance::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("missing ['a', 'b']"), "{err}");
}

#[test]
fn missing_model_file() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = add_inputs(dir.path());
    let missing = dir.path().join("nope.tflite");
    let err = check(&missing, &inputs, None, Tolerance::default()).unwrap_err();
    match &err {
        Error::Check {
            message, exit_code, ..
        } => {
            assert_eq!(*exit_code, 2);
            assert!(message.contains("model file not found"), "{message}");
        }
        other => panic!("expected Error::Check, got {other}"),
    }
    let raw = run_script(&[&missing, &"--inputs", &inputs]);
    assert_eq!(raw.status.code(), Some(2));
    no_traceback(&String::from_utf8_lossy(&raw.stderr));
}

#[test]
fn truncated_model_fails_to_load_without_traceback() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = add_inputs(dir.path());
    let bytes = std::fs::read(data("add.tflite")).unwrap();
    let truncated = dir.path().join("truncated.tflite");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let err = check(&truncated, &inputs, None, Tolerance::default()).unwrap_err();
    match &err {
        Error::Check {
            message,
            exit_code,
            stderr,
        } => {
            assert_eq!(*exit_code, 2);
            // LiteRT's own message follows ours.
            assert!(message.contains("LiteRT failed to load"), "{message}");
            assert!(message.contains("not a valid Flatbuffer"), "{message}");
            no_traceback(stderr);
        }
        other => panic!("expected Error::Check, got {other}"),
    }
    let raw = run_script(&[&truncated, &"--inputs", &inputs]);
    assert_eq!(raw.status.code(), Some(2));
    no_traceback(&String::from_utf8_lossy(&raw.stderr));
}

#[test]
fn positional_binding_resizes_dynamic_inputs() {
    let model = data("add_dynamic_nosig.tflite");
    let x = f32s(&[1.0, 2.0, 3.0]);
    let y = f32s(&[0.5, 0.5, 0.5]);
    // Keys by position, expected by position.
    let report = check_arrays(
        &model,
        &[("arg0", x.clone()), ("arg1", y.clone())],
        Some(&[("out0", f32s(&[1.5, 2.5, 3.5]))]),
        Tolerance::exact(),
    )
    .unwrap();
    assert!(report.passed(), "{report}");
    assert_eq!(report.binding, Some(Binding::Position));
    assert_eq!(report.signature, None);
    assert!(
        report.inputs.iter().all(|i| i.resized),
        "{:?}",
        report.inputs
    );
    assert_eq!(report.outputs[0].name, "sum");
    assert_eq!(report.outputs[0].expected_key.as_deref(), Some("out0"));
    // Keys by tensor name, expected by name; values and saved outputs.
    let dir = tempfile::tempdir().unwrap();
    let inputs = write_npz(dir.path().join("in.npz"), &[("x", x), ("y", y)]).unwrap();
    let saved = dir.path().join("saved.npz");
    let options = Options {
        print_outputs: true,
        save_outputs: Some(saved.clone()),
        ..Options::default()
    };
    let report = check_with(&model, &inputs, None, &options).unwrap();
    assert_eq!(report.status, Status::Ran);
    assert_eq!(report.outputs[0].status, OutputStatus::NotChecked);
    assert_eq!(
        report.outputs[0].values,
        Some(serde_json::json!([1.5, 2.5, 3.5]))
    );
    // The saved outputs are a valid expected file for the same run.
    let again = check(&model, &inputs, Some(&saved), Tolerance::exact()).unwrap();
    assert!(again.passed(), "{again}");
    // A rank change does not fit shape_signature [-1].
    let err = check_arrays(
        &model,
        &[
            ("x", Array::new(&[1, 1], vec![1.0f32]).unwrap()),
            ("y", Array::new(&[1, 1], vec![1.0f32]).unwrap()),
        ],
        None,
        Tolerance::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("shape_signature [-1]"), "{err}");
}

#[test]
fn integer_outputs_compare_exactly_by_default() {
    let model = data("add_i32.tflite");
    let inputs = [
        ("a", Array::vector(vec![1i32, 2])),
        ("b", Array::vector(vec![3i32, 4])),
    ];
    // int64 expected (as PyTorch would give) against int32 output: values compare.
    let ok = check_arrays(
        &model,
        &inputs,
        Some(&[("out", Array::vector(vec![4i64, 6]))]),
        Tolerance::default(),
    )
    .unwrap();
    assert!(ok.passed(), "{ok}");
    assert_eq!(ok.outputs[0].tolerance.as_deref(), Some("exact"));
    let off = check_arrays(
        &model,
        &inputs,
        Some(&[("out", Array::vector(vec![4i32, 7]))]),
        Tolerance::default(),
    )
    .unwrap();
    assert!(!off.passed(), "{off}");
    assert_eq!(off.outputs[0].max_abs_error, Some(1.0));
    let tolerated = check_arrays(
        &model,
        &inputs,
        Some(&[("out", Array::vector(vec![4i32, 7]))]),
        Tolerance::abs(1.0),
    )
    .unwrap();
    assert!(tolerated.passed(), "{tolerated}");
    // A float expected array for an int output is a kind mismatch.
    let kinds = check_arrays(
        &model,
        &inputs,
        Some(&[("out", f32s(&[4.0, 6.0]))]),
        Tolerance::default(),
    )
    .unwrap();
    assert!(!kinds.passed(), "{kinds}");
    assert!(
        kinds.outputs[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("not comparable"),
        "{kinds}"
    );
}

#[test]
fn expected_file_must_cover_outputs() {
    let model = data("add.tflite");
    let inputs = [("a", f32s(&[1.0, 2.0])), ("b", f32s(&[3.0, 4.0]))];
    let err = check_arrays(
        &model,
        &inputs,
        Some(&[("other", f32s(&[4.0, 6.0]))]),
        Tolerance::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("no array for output 'out'"),
        "{err}"
    );
    let shape = check_arrays(
        &model,
        &inputs,
        Some(&[("out", f32s(&[4.0, 6.0, 8.0]))]),
        Tolerance::default(),
    )
    .unwrap();
    assert!(!shape.passed());
    assert!(
        shape.outputs[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("shape [2] != expected [3]"),
        "{shape}"
    );
}

#[test]
fn npz_writer_round_trips_through_numpy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("all.npz");
    let mut npz = NpzWriter::new();
    npz.add(
        "f32",
        &Array::new(
            &[2, 3],
            vec![1.5f32, -2.0, 0.0, 1e-3, f32::INFINITY, f32::MIN],
        )
        .unwrap(),
    )
    .unwrap()
    .add("f64", &Array::scalar(std::f64::consts::PI))
    .unwrap()
    .add(
        "i32",
        &Array::new(&[1, 2, 1], vec![i32::MIN, i32::MAX]).unwrap(),
    )
    .unwrap()
    .add("i64", &Array::vector(vec![i64::MIN, -1, i64::MAX]))
    .unwrap()
    .add("i8", &Array::vector(vec![-128i8, 127]))
    .unwrap()
    .add("u8", &Array::vector(vec![0u8, 255]))
    .unwrap()
    .add(
        "bool",
        &Array::new(&[2, 2], vec![true, false, false, true]).unwrap(),
    )
    .unwrap()
    .add("empty", &Array::new::<f32>(&[0, 4], vec![]).unwrap())
    .unwrap();
    npz.write(&path).unwrap();
    let code = r#"
import sys, numpy as np
z = np.load(sys.argv[1], allow_pickle=False)
for k in z.files:
    a = z[k]
    print(k, a.dtype.name, list(a.shape), a.reshape(-1).tolist())
"#;
    let out = Command::new(py())
        .arg("-c")
        .arg(code)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let expected = "\
f32 float32 [2, 3] [1.5, -2.0, 0.0, 0.0010000000474974513, inf, -3.4028234663852886e+38]
f64 float64 [] [3.141592653589793]
i32 int32 [1, 2, 1] [-2147483648, 2147483647]
i64 int64 [3] [-9223372036854775808, -1, 9223372036854775807]
i8 int8 [2] [-128, 127]
u8 uint8 [2] [0, 255]
bool bool [2, 2] [True, False, False, True]
empty float32 [0, 4] []
";
    assert_eq!(text, expected);
}

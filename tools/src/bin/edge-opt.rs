//! edge-opt: parse MLIR, verify it (MLIR's verifier and edge's tfl/stablehlo catalogs),
//! run a pass pipeline, print the result. The mlir-opt of edge.

use clap::Parser;
use edge_compiler::driver::{self, Output};
use edge_dialects::context::{edge_context, parse_module, verify_module, Diag, DiagnosticCollector};
use edge_passes::{manager::UPSTREAM_PASSES, Pipeline, RunOptions, PASSES};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "edge-opt", version, about = "Run edge and MLIR passes on MLIR text (mlir-opt style)", after_help = pass_list())]
struct Args {
    /// Input .mlir file, or - for standard input.
    #[arg(default_value = "-")]
    input: String,
    /// Output file (default: standard output). Not created when the run fails.
    #[arg(short = 'o', value_name = "FILE")]
    output: Option<String>,
    /// Pass pipeline in MLIR syntax, e.g. 'builtin.module(func.func(canonicalize,cse))'.
    #[arg(long = "pass-pipeline", value_name = "PIPELINE")]
    pass_pipeline: Option<String>,
    /// Treat each '// -----' separated case as its own input; outputs are joined by '// -----'.
    #[arg(long = "split-input-file")]
    split_input_file: bool,
    /// Check diagnostics against '// expected-error@+N {{...}}' annotations instead of printing them.
    #[arg(long = "verify-diagnostics")]
    verify_diagnostics: bool,
    /// Print the IR after every pass (to stderr).
    #[arg(long = "mlir-print-ir-after-all")]
    print_ir_after_all: bool,
    /// Print the IR before every pass (to stderr).
    #[arg(long = "mlir-print-ir-before-all")]
    print_ir_before_all: bool,
    /// Print MLIR's pass timing report (to stderr).
    #[arg(long = "mlir-timing", alias = "timing")]
    timing: bool,
    /// Run the tfl/stablehlo catalog verify step after each edge pass.
    #[arg(long = "verify-each", default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    verify_each: bool,
    /// Print the generic op form for every op (tfl/stablehlo ops always print generically).
    #[arg(long = "mlir-print-op-generic")]
    print_generic: bool,
    /// Print each op's location.
    #[arg(long = "mlir-print-debuginfo")]
    print_debuginfo: bool,
    /// Print each rewrite-pattern application (pattern, op, location) to stderr.
    #[arg(long = "debug-patterns")]
    debug_patterns: bool,
    /// List the passes and exit.
    #[arg(long = "list-passes")]
    list_passes: bool,
}

fn pass_list() -> String {
    let mut s = String::from("Passes (edge):\n");
    for p in PASSES {
        s.push_str(&format!("  {:<28} {} [{}]\n", p.name, p.summary, p.anchor));
        for o in p.options {
            s.push_str(&format!("      {}={:<18} {}\n", o.name, o.default, o.help));
        }
    }
    s.push_str("Passes (upstream MLIR, any registered Transforms pass is accepted):\n");
    for (name, summary) in UPSTREAM_PASSES {
        s.push_str(&format!("  {name:<28} {summary}\n"));
    }
    s
}

/// What one case produced.
struct CaseResult {
    output: Option<String>,
    diags: Vec<Diag>,
}

fn run_case(text: &str, source_name: &str, args: &Args) -> Result<CaseResult, String> {
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let done = |output: Option<String>| Ok(CaseResult { output, diags: collector.take() });
    let Some(mut module) = parse_module(&context, text, source_name) else { return done(None) };
    if !verify_module(&module) {
        return done(None);
    }
    if let Some(pipeline) = &args.pass_pipeline {
        edge_dialects::mlir::pattern::set_debug_patterns(args.debug_patterns);
        let options = RunOptions {
            verify_each: args.verify_each,
            print_ir_after_all: args.print_ir_after_all,
            print_ir_before_all: args.print_ir_before_all,
            timing: args.timing,
            on_pass: None,
        };
        let pipeline = Pipeline::build(&context, pipeline, &options)?;
        if pipeline.run(&mut module).is_err() || collector.has_errors() {
            return done(None);
        }
        drop(pipeline);
        // The runner verified after each edge pass; one final check covers upstream ones.
        if !verify_module(&module) {
            return done(None);
        }
    }
    let printed = driver::print_operation(
        &module.as_operation(),
        driver::PrintOptions { generic: args.print_generic, debug_info: args.print_debuginfo, elide_resources: false },
    )?;
    done(Some(printed))
}

fn main() -> ExitCode {
    edge_dialects::guard::run_tool("edge-opt", opt_main)
}

fn opt_main() -> ExitCode {
    edge_compiler::driver::init_logging();
    let args = Args::parse();
    if args.list_passes {
        print!("{}", pass_list());
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("edge-opt: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let source = driver::read_input(&args.input)?;
    let mut outputs = Vec::new();
    let mut ok = true;
    for chunk in driver::split_input(&source.text, args.split_input_file) {
        let case = run_case(&chunk.text, &source.name, args)?;
        if args.verify_diagnostics {
            let problems = driver::check_expected_diagnostics(&chunk.text, &source.name, &case.diags);
            for p in &problems {
                eprintln!("{p}");
            }
            ok &= problems.is_empty();
        } else {
            for d in &case.diags {
                eprint!("{}", driver::render_diag(d, Some(&source)));
            }
            ok &= case.output.is_some();
        }
        if let Some(out) = case.output {
            outputs.push(out);
        }
    }
    // With --verify-diagnostics, failing cases are expected and the rest are printed.
    if ok {
        Output::from_arg(args.output.as_deref()).write(outputs.join("// -----\n").as_bytes())?;
    }
    Ok(ok)
}

//! edge-translate: translations in and out of MLIR.
//!   --pt2-to-mlir      a torch.export archive (.pt2) -> a StableHLO module (MLIR text)
//!   --mlir-to-tflite   a TFL module (MLIR text) -> a .tflite flatbuffer (one signature
//!                      per public function when it has several)
//!   --tflite-to-mlir   a .tflite flatbuffer -> a TFL module (MLIR text)
//!   --tflite-dump      a .tflite flatbuffer -> a readable text dump (for FileCheck)

use clap::{ArgGroup, Parser};
use edge_compiler::driver::{self, Output};
use edge_compiler::tflite::{self, BufferLayout, TranslateError, WriteOptions};
use edge_dialects::context::{edge_context, parse_module, verify_module, DiagnosticCollector};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "edge-translate", version, about = "Translate torch.export archives to StableHLO, and between MLIR and TFLite flatbuffers")]
#[command(group(ArgGroup::new("translation").required(true).args(["pt2_to_mlir", "mlir_to_tflite", "tflite_to_mlir", "tflite_dump"])))]
struct Args {
    /// Input file, or - for standard input.
    #[arg(default_value = "-")]
    input: String,
    /// Output file (default: standard output). Not created when the translation fails.
    #[arg(short = 'o', value_name = "FILE")]
    output: Option<String>,
    /// Import a torch.export archive (.pt2, torch 2.9 or newer) as a StableHLO module.
    #[arg(long = "pt2-to-mlir")]
    pt2_to_mlir: bool,
    /// With --pt2-to-mlir: the program to import from an archive holding several
    /// (torch's package_pt2), by name.
    #[arg(long = "program", value_name = "NAME")]
    program: Option<String>,
    /// Translate a TFL module (MLIR text) into a .tflite flatbuffer. A module with one
    /// public function (or --entry) gives one signature, `serving_default`; a module with
    /// several gives one signature per public function, keyed by its name, in module
    /// order, sharing identical constants. Files past 2 GB (or with --large-layout) keep
    /// the constant data after the flatbuffer (TFLite's Buffer.offset/size layout).
    #[arg(long = "mlir-to-tflite")]
    mlir_to_tflite: bool,
    /// Translate a .tflite flatbuffer into a TFL module (MLIR text): one function per
    /// subgraph, @main for a single one, else named by its signature key.
    #[arg(long = "tflite-to-mlir")]
    tflite_to_mlir: bool,
    /// Print a .tflite flatbuffer as readable text.
    #[arg(long = "tflite-dump")]
    tflite_dump: bool,
    /// Print each op's location in MLIR output (`loc("node"("model.py":12:1))`).
    #[arg(long = "mlir-print-debuginfo")]
    print_debuginfo: bool,
    /// Leave weight blobs (`dense_resource` data; with --tflite-to-mlir, constants of
    /// more than 1024 bytes) out of MLIR output: for reading large modules; the result
    /// cannot be translated further.
    #[arg(long = "mlir-elide-resources")]
    elide_resources: bool,
    /// Entry function to write as the one signature `serving_default` (default: every
    /// public function, see --mlir-to-tflite).
    #[arg(long = "entry", value_name = "NAME")]
    entry: Option<String>,
    /// With --mlir-to-tflite: write the constant data after the flatbuffer (TFLite's
    /// large-model layout) whatever the file's size; chosen anyway past 2 GB.
    #[arg(long = "large-layout")]
    large_layout: bool,
}

fn main() -> ExitCode {
    edge_dialects::guard::run_tool("edge-translate", translate_main)
}

fn translate_main() -> ExitCode {
    edge_compiler::driver::init_logging();
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("edge-translate: error: {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let output = Output::from_arg(args.output.as_deref());
    if args.pt2_to_mlir {
        return pt2_to_mlir(args, &output);
    }
    if args.mlir_to_tflite {
        let source = driver::read_input(&args.input)?;
        let context = edge_context();
        let collector = DiagnosticCollector::attach(&context);
        let report = |collector: &DiagnosticCollector| {
            for d in collector.take() {
                eprint!("{}", driver::render_diag(&d, Some(&source)));
            }
        };
        let Some(module) = parse_module(&context, &source.text, &source.name) else {
            report(&collector);
            return Err(String::new());
        };
        if !verify_module(&module) {
            report(&collector);
            return Err(String::new());
        }
        let layout = if args.large_layout { BufferLayout::External } else { BufferLayout::Auto };
        let options = WriteOptions { entry: args.entry.clone(), layout, ..Default::default() };
        let signatures = tflite::module_signatures(&module);
        let written = if args.entry.is_none() && signatures.len() > 1 {
            tflite::signatures_to_tflite_image(&signatures, &options)
        } else {
            tflite::module_to_tflite_image(&module, &options)
        };
        let image = match written {
            Ok(image) => image,
            Err(TranslateError::Diagnosed(_)) => {
                report(&collector);
                return Err(String::new());
            }
            Err(TranslateError::Message(m)) => {
                report(&collector);
                return Err(m);
            }
        };
        return output.write_pieces(&image.pieces());
    }
    let bytes = tflite::read_file(&args.input)?;
    let name = if args.input == "-" { "<stdin>" } else { &args.input };
    let text = if args.tflite_dump {
        tflite::dump_tflite(&bytes).map_err(|e| format!("'{name}': {e}"))?
    } else {
        let options = tflite::ReadOptions { elide_large_constants: args.elide_resources };
        tflite::tflite_to_mlir_with(&bytes, &options).map_err(|e| format!("'{name}': {e}"))?
    };
    output.write(text.as_bytes())
}

fn pt2_to_mlir(args: &Args, output: &Output) -> Result<(), String> {
    use edge_compiler::pt2::{import_program, weights, ImportError, ImportOptions};
    let path = std::path::Path::new(&args.input);
    let program = match &args.program {
        None => weights::load(path),
        Some(name) => {
            let archive = edge_compiler::pt2::archive::Archive::open(path).map_err(|e| e.to_string())?;
            let names = weights::program_names(&archive);
            if !names.contains(name) {
                return Err(format!("{}: no program '{name}' in the archive (it holds {})", args.input, names.join(", ")));
            }
            weights::load_named(std::sync::Arc::new(archive), name)
        }
    }
    .map_err(|e| e.to_string())?;
    let context = edge_context();
    let collector = DiagnosticCollector::attach(&context);
    let imported = match import_program(&context, std::sync::Arc::new(program), &ImportOptions::default()) {
        Ok(m) => m,
        Err(ImportError::Diagnosed) => {
            for d in collector.take() {
                eprint!("{}", driver::render_diag(&d, None));
            }
            return Err(format!("{}: {}", args.input, ImportError::Diagnosed));
        }
        Err(e) => return Err(format!("{}: {e}", args.input)),
    };
    let text = driver::print_operation(
        &imported.module.as_operation(),
        driver::PrintOptions { generic: false, debug_info: args.print_debuginfo, elide_resources: args.elide_resources },
    )?;
    output.write(text.as_bytes())
}

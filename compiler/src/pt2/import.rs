//! The pt2 -> StableHLO driver.
//!
//! 1. Every node's target is checked against the lowering table first: unsupported
//!    operators are reported all at once (count, node names, source lines) before any
//!    work is done.
//! 2. User inputs become `@main`'s arguments; parameters, buffers and lifted constants
//!    become `stablehlo.constant`s whose value is a `dense_resource` over the archive's
//!    memory map (strided views are gathered once), so weights are never copied into
//!    MLIR.
//! 3. Each node is lowered through its table entry, at a location built from the node's
//!    name and the user's source line (`loc("conv1"("model.py":12:1))`). Ops are built
//!    through the IR layer (`edge_dialects::mlir`) straight into `@main`'s body: no MLIR
//!    text is written or parsed.
//! 4. MLIR's verifier and the stablehlo verify step run on the module.

use super::emit::{static_count, tensor, Emitter, Limits, NodeShape, Val, MAX_CONSTANT_BYTES_ENV, MAX_TENSOR_ELEMENTS_ENV};
use super::lower::as_composite;
use super::lower::views::{functional_twin, is_view, write_back};
use super::lower::{elem_of_scalar_type, lookup, output_names, Args, Ctx, Lowering, Value};
use super::schema::{Argument, Graph, InputSpec, Node, OutputSpec, SymInt};
use super::sym::{self, Expr, SymDim};
use super::weights::Program;
use edge_dialects::context::verify_module;
use edge_dialects::ir::{ElemTy, TensorTy, DYN};
use edge_dialects::mlir::{Context as IrContext, Location, Op, Rewriter, Type};
use melior::ir::Module;
use melior::Context;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::Arc;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The most elements any tensor of the graph (other than stored weights) or any
    /// constant the importer computes may have. `None`: the `EDGE_MAX_TENSOR_ELEMENTS`
    /// environment variable if set, else 2^31.
    pub max_tensor_elements: Option<u64>,
    /// The most bytes of one constant the importer computes itself (index tables,
    /// pooling matrices; weights are mapped, never counted). `None`: the
    /// `EDGE_MAX_CONSTANT_BYTES` environment variable if set, else 64 MiB.
    pub max_constant_bytes: Option<u64>,
    /// What a program that writes its buffers (KV caches registered as buffers and
    /// written with `index_copy_`) becomes.
    pub buffer_mutations: BufferMutations,
}

/// How buffers the program writes are converted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BufferMutations {
    /// Each written buffer is an extra input (its value before the call) and an extra
    /// output (after it), both named by the buffer's FQN, after the user inputs and
    /// outputs: the caller carries the state, as with caches passed in and returned.
    #[default]
    InputsOutputs,
    /// Refused, as a program that writes its buffers is often one exported in training
    /// mode (batch-norm statistics).
    Refuse,
}

impl ImportOptions {
    /// The limits to import with: the options, else the environment, else the defaults.
    pub fn limits(&self) -> Result<Limits, ImportError> {
        let from_env = |var: &str, default: u64| -> Result<u64, ImportError> {
            match std::env::var(var) {
                Err(std::env::VarError::NotPresent) => Ok(default),
                Ok(v) => v
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|&n| n > 0)
                    .ok_or_else(|| ImportError::Options(format!("{var} is '{v}'; expected a positive integer"))),
                Err(std::env::VarError::NotUnicode(v)) => Err(ImportError::Options(format!(
                    "{var} is '{}'; expected a positive integer",
                    v.to_string_lossy()
                ))),
            }
        };
        let defaults = Limits::default();
        Ok(Limits {
            max_tensor_elements: match self.max_tensor_elements {
                Some(n) => n,
                None => from_env(MAX_TENSOR_ELEMENTS_ENV, defaults.max_tensor_elements)?,
            },
            max_constant_bytes: match self.max_constant_bytes {
                Some(n) => n,
                None => from_env(MAX_CONSTANT_BYTES_ENV, defaults.max_constant_bytes)?,
            },
        })
    }
}

/// An imported module. Its weights point into the archive's memory map (or gathered
/// copies), which the MLIR context keeps alive until it goes.
pub struct Imported<'c> {
    pub module: Module<'c>,
    _program: Arc<Program>,
}

/// One unsupported operator: how often it occurs and where.
#[derive(Debug, Clone)]
pub struct Unsupported {
    pub target: String,
    /// (node name, user source line) of each occurrence.
    pub nodes: Vec<(String, Option<String>)>,
}

#[derive(Debug)]
pub enum ImportError {
    /// Operators edge has no lowering for, listed before any work was done.
    Unsupported(Vec<Unsupported>),
    /// A node could not be lowered (its arguments are outside what the lowering handles).
    Lowering { node: String, target: String, source: Option<String>, message: String },
    /// The graph's structure is outside what edge imports (mutations, tokens...).
    Graph(String),
    /// Errors were reported as MLIR diagnostics (parsing or verifying the result).
    Diagnosed,
    /// An import option (or the environment variable behind it) is invalid.
    Options(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unsupported(ops) => {
                let total: usize = ops.iter().map(|o| o.nodes.len()).sum();
                write!(f, "{} unsupported operator(s) in {total} node(s); nothing was converted:", ops.len())?;
                for o in ops {
                    writeln!(f)?;
                    let names: Vec<&str> = o.nodes.iter().take(5).map(|n| n.0.as_str()).collect();
                    let more = if o.nodes.len() > 5 { format!(" and {} more", o.nodes.len() - 5) } else { String::new() };
                    write!(f, "  {} x{}: {}{more}", o.target, o.nodes.len(), names.join(", "))?;
                    if let Some(src) = o.nodes.iter().find_map(|n| n.1.clone()) {
                        write!(f, " (first at {src})")?;
                    }
                }
                Ok(())
            }
            ImportError::Lowering { node, target, source, message } => {
                write!(f, "cannot lower node '{node}' ({target})")?;
                if let Some(s) = source {
                    write!(f, " at {s}")?;
                }
                write!(f, ": {message}")
            }
            ImportError::Graph(m) | ImportError::Options(m) => write!(f, "{m}"),
            ImportError::Diagnosed => write!(f, "the imported module is invalid (see the errors above)"),
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// The error as one JSON object (`--message-format json`): `kind`, the text the
    /// tool prints as `message`, and what it names: every unsupported operator with its
    /// nodes and their source lines, or the node that could not be lowered.
    pub fn to_json(&self) -> serde_json::Value {
        let source_json = |s: &Option<String>| serde_json::json!(s);
        match self {
            ImportError::Unsupported(ops) => serde_json::json!({
                "kind": "unsupported",
                "message": self.to_string(),
                "unsupported": ops.iter().map(|o| serde_json::json!({
                    "target": o.target,
                    "count": o.nodes.len(),
                    "nodes": o.nodes.iter().map(|(node, source)| serde_json::json!({
                        "node": node,
                        "source": source_json(source),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            }),
            ImportError::Lowering { node, target, source, message } => serde_json::json!({
                "kind": "lowering",
                "message": self.to_string(),
                "node": node,
                "target": target,
                "source": source_json(source),
                "reason": message,
            }),
            ImportError::Graph(_) => serde_json::json!({"kind": "graph", "message": self.to_string()}),
            ImportError::Options(_) => serde_json::json!({"kind": "options", "message": self.to_string()}),
            ImportError::Diagnosed => serde_json::json!({"kind": "diagnosed", "message": self.to_string()}),
        }
    }
}

/// The ATen target of a node, without the `torch.ops.` prefix.
pub fn node_target(node: &Node) -> &str {
    node.target.strip_prefix("torch.ops.").unwrap_or(&node.target)
}

/// Targets the driver handles itself rather than through the table: assertions, and
/// size arithmetic (dynamic sizes are computed from the recorded size expressions of
/// the tensors that need them, not from these nodes).
fn is_driver_target(target: &str) -> bool {
    matches!(
        target,
        "aten.sym_size.int"
            | "aten._assert_tensor_metadata.default"
            // Checks of a data-dependent integer, as `torch._check` records them: the
            // range they assert is in the range constraints.
            | "aten._assert_scalar.default"
            | "aten.sym_constrain_range.default"
            | "aten.sym_constrain_range_for_size.default"
    ) || target.starts_with("_operator.")
}

/// The user's frame in a node's `stack_trace`: the innermost frame outside torch itself,
/// as `(file, line)`.
pub fn user_frame(node: &Node) -> Option<(String, u32)> {
    let trace = node.metadata.get("stack_trace")?;
    let mut best = None;
    for line in trace.lines() {
        let Some(rest) = line.trim_start().strip_prefix("File \"") else { continue };
        let Some((file, tail)) = rest.split_once("\", line ") else { continue };
        let num: String = tail.chars().take_while(|c| c.is_ascii_digit()).collect();
        let Ok(n) = num.parse() else { continue };
        if !file.contains("/torch/") {
            best = Some((file.to_string(), n));
        }
    }
    best
}

fn source_of(node: &Node) -> Option<String> {
    user_frame(node).map(|(f, l)| format!("{f}:{l}"))
}

/// `loc("<node name>"("<user file>":<line>:1))`, or `loc("<node name>")`.
fn location<'c>(e: &Emitter<'c>, node: &Node) -> Location<'c> {
    let name = node.name.clone().unwrap_or_else(|| node_target(node).to_string());
    match user_frame(node) {
        Some((file, line)) => e.source_loc(&name, &file, line),
        None => e.name_loc(&name),
    }
}

fn sym_dims(meta: &super::schema::TensorMeta) -> Result<Vec<SymDim>, String> {
    meta.sizes
        .iter()
        .map(|s| match s {
            SymInt::AsInt(i) => Ok(SymDim::Static(*i)),
            SymInt::AsExpr(e) => sym::parse(&e.expr_str).map(SymDim::Dynamic),
        })
        .collect()
}

fn tensor_type(meta: &super::schema::TensorMeta) -> Result<TensorTy, String> {
    let elem = elem_of_scalar_type(meta.dtype).map_err(|e| e.0)?;
    let mut shape = Vec::with_capacity(meta.sizes.len());
    for (d, s) in meta.sizes.iter().enumerate() {
        shape.push(match s {
            // A dynamic dim is a symbol; a literal -1 would be read as dynamic downstream
            // and fail far from here.
            SymInt::AsInt(i) if *i < 0 => {
                return Err(format!(
                    "has size {i} in dimension {d} (sizes {}); sizes must be non-negative, and torch.export records a dynamic dimension as a symbol, not as {i}",
                    sizes_text(&meta.sizes)
                ))
            }
            SymInt::AsInt(i) => *i,
            SymInt::AsExpr(_) => DYN,
        });
    }
    // MLIR counts elements in an i64: a larger static shape cannot be typed at all.
    if static_count(&shape).is_none_or(|c| c > i64::MAX as u128) {
        return Err(format!("has sizes {}, whose element count overflows a 64-bit integer", sizes_text(&meta.sizes)));
    }
    Ok(TensorTy::ranked(shape, elem))
}

fn sizes_text(sizes: &[SymInt]) -> String {
    let parts: Vec<String> = sizes
        .iter()
        .map(|s| match s {
            SymInt::AsInt(i) => i.to_string(),
            SymInt::AsExpr(e) => e.expr_str.clone(),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

/// Types every recorded tensor value, checking what the archive says of it: sizes
/// (non-negative, countable) for all, and the size limit for every tensor the program
/// computes (stored weights are mapped from the archive, so the file bounds them). An
/// error names the user input, or the node whose output is bad.
fn type_tensor_values(
    tensor_values: &[(&String, &super::schema::TensorMeta)],
    graphs: &[&Graph],
    signature: &super::schema::GraphSignature,
    limits: &Limits,
) -> Result<HashMap<String, TensorTy>, ImportError> {
    let graph = graphs[0];
    let mut user_inputs = std::collections::HashSet::new();
    let mut stored = std::collections::HashSet::new();
    for (i, spec) in signature.input_specs.iter().enumerate() {
        match spec {
            InputSpec::UserInput(u) => user_inputs.extend(u.arg.as_tensor()),
            _ => stored.extend(graph.inputs.get(i).and_then(|a| a.as_tensor())),
        }
    }
    let mut producers: HashMap<&str, &Node> = HashMap::new();
    for n in graphs.iter().flat_map(|g| &g.nodes) {
        for a in &n.outputs {
            let names: Vec<&str> = match a {
                Argument::AsTensor(t) => vec![&t.name],
                Argument::AsTensors(ts) => ts.iter().map(|t| t.name.as_str()).collect(),
                _ => vec![],
            };
            producers.extend(names.into_iter().map(|t| (t, n)));
        }
    }
    let fail = |name: &str, message: String| match producers.get(name) {
        Some(node) => ImportError::Lowering {
            node: node.name.clone().unwrap_or_else(|| node_target(node).to_string()),
            target: node_target(node).to_string(),
            source: source_of(node),
            message: format!("output '{name}' {message}"),
        },
        None if user_inputs.contains(name) => ImportError::Graph(format!("input '{name}' {message}")),
        None => ImportError::Graph(format!("tensor '{name}' {message}")),
    };
    let mut types = HashMap::new();
    // Inputs first: a bad input is the cause of whatever its users then get wrong.
    let mut ordered = tensor_values.to_vec();
    ordered.sort_by_key(|(name, _)| !user_inputs.contains(name.as_str()));
    for (name, meta) in ordered {
        let t = tensor_type(meta).map_err(|e| fail(name, e))?;
        if !stored.contains(name.as_str()) {
            limits.check_shape(&t).map_err(|e| fail(name, e))?;
        }
        types.insert(name.clone(), t);
    }
    Ok(types)
}

/// Higher-order ops whose body is lowered in place: they only change autograd or
/// autocast state around it (the body's recorded dtypes already say what autocast did).
const INLINED_HOPS: &[&str] = &["higher_order.wrap_with_autocast", "higher_order.wrap_with_set_grad_enabled"];

/// The body of an inlined higher-order op and the operands it is called with.
fn hop_body(node: &Node) -> Option<(&Graph, Vec<&str>)> {
    if !INLINED_HOPS.contains(&node_target(node)) {
        return None;
    }
    let at = node.inputs.iter().position(|a| matches!(a.arg, Argument::AsGraph(_)))?;
    let Argument::AsGraph(g) = &node.inputs[at].arg else { return None };
    let operands = node.inputs[at + 1..].iter().filter_map(|a| a.arg.as_tensor()).collect();
    Some((&g.graph, operands))
}

/// Prefixes every tensor name of `arg` (not inside nested bodies, which have names of
/// their own).
fn prefix_names(arg: &mut Argument, prefix: &str) {
    let p = |t: &mut super::schema::TensorArgument| t.name = format!("{prefix}{}", t.name);
    match arg {
        Argument::AsTensor(t) => p(t),
        Argument::AsTensors(ts) => ts.iter_mut().for_each(p),
        Argument::AsOptionalTensor(super::schema::OptionalTensorArgument::AsTensor(t)) => p(t),
        Argument::AsOptionalTensors(ts) => ts.iter_mut().for_each(|t| {
            if let super::schema::OptionalTensorArgument::AsTensor(t) = t {
                p(t)
            }
        }),
        Argument::AsNestedTensors(tss) => tss.iter_mut().flatten().for_each(p),
        _ => {}
    }
}

/// Higher-order op bodies (however deeply nested) by the op's node name, with their
/// tensor and node names prefixed by `<op node>/` (a body's names are only unique
/// within the body). Sorted, so reports that walk them are in a fixed order.
#[derive(Default)]
struct Bodies(BTreeMap<String, (Graph, Vec<String>)>);

impl Bodies {
    fn collect(&mut self, graph: &Graph) {
        for node in &graph.nodes {
            let Some((body, operands)) = hop_body(node) else { continue };
            let name = node.name.clone().unwrap_or_default();
            let prefix = format!("{name}/");
            let mut b = body.clone();
            b.inputs.iter_mut().chain(b.outputs.iter_mut()).for_each(|a| prefix_names(a, &prefix));
            for n in &mut b.nodes {
                n.inputs.iter_mut().for_each(|a| prefix_names(&mut a.arg, &prefix));
                n.outputs.iter_mut().for_each(|a| prefix_names(a, &prefix));
                n.name = n.name.as_ref().map(|m| format!("{prefix}{m}"));
            }
            b.tensor_values = std::mem::take(&mut b.tensor_values).into_iter().map(|(k, v)| (format!("{prefix}{k}"), v)).collect();
            self.collect(&b);
            self.0.insert(name, (b, operands.into_iter().map(str::to_string).collect()));
        }
    }

    fn of(&self, node: &Node) -> Option<&(Graph, Vec<String>)> {
        hop_body(node)?;
        self.0.get(node.name.as_deref().unwrap_or_default())
    }
}

/// Checks that every value of each graph is defined once, by a graph input or one node
/// output. The alias tracking follows parents upwards: a view whose output is named as
/// its input would make that walk loop forever.
fn check_defined_once(graphs: &[&Graph]) -> Result<(), ImportError> {
    for g in graphs {
        let mut defined: HashMap<String, Option<&Node>> = HashMap::new();
        for a in &g.inputs {
            if let Some(name) = a.as_tensor() {
                defined.insert(name.to_string(), None);
            }
        }
        for n in &g.nodes {
            for name in output_names(n).into_iter().flatten() {
                if let Some(first) = defined.get(&name) {
                    let by = match first {
                        Some(m) => format!("node '{}'", m.name.as_deref().unwrap_or_else(|| node_target(m))),
                        None => "a graph input".to_string(),
                    };
                    return Err(ImportError::Lowering {
                        node: n.name.clone().unwrap_or_else(|| node_target(n).to_string()),
                        target: node_target(n).to_string(),
                        source: source_of(n),
                        message: format!("output '{name}' is already defined by {by}; each value must be defined once"),
                    });
                }
                defined.insert(name, Some(n));
            }
        }
    }
    Ok(())
}

/// Checks every node's target in `graphs` (the program's and its bodies) before any
/// lowering.
fn check_supported(graphs: &[&Graph]) -> Result<(), ImportError> {
    let mut missing: BTreeMap<String, Vec<(String, Option<String>)>> = BTreeMap::new();
    for n in graphs.iter().flat_map(|g| &g.nodes) {
        let t = node_target(n);
        if resolve(t).is_none() && !is_driver_target(t) && hop_body(n).is_none() {
            missing.entry(t.to_string()).or_default().push((n.name.clone().unwrap_or_default(), source_of(n)));
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    Err(ImportError::Unsupported(missing.into_iter().map(|(target, nodes)| Unsupported { target, nodes }).collect()))
}

/// Imports `program` into a module of `context`.
pub fn import_program<'c>(
    context: &'c Context,
    program: Arc<Program>,
    options: &ImportOptions,
) -> Result<Imported<'c>, ImportError> {
    let graph = &program.ep.graph_module.graph;
    let signature = &program.ep.graph_module.signature;
    let mut bodies = Bodies::default();
    bodies.collect(graph);
    let graphs: Vec<&Graph> = std::iter::once(graph).chain(bodies.0.values().map(|(b, _)| b)).collect();
    check_supported(&graphs)?;
    check_defined_once(&graphs)?;
    let tensor_values: Vec<(&String, &super::schema::TensorMeta)> = graphs.iter().flat_map(|g| &g.tensor_values).collect();

    let limits = options.limits()?;
    let tensor_types = type_tensor_values(&tensor_values, &graphs, signature, &limits)?;
    let mut sym_sizes: HashMap<String, Vec<SymDim>> = HashMap::new();
    for &(name, meta) in &tensor_values {
        if meta.sizes.iter().any(|s| matches!(s, SymInt::AsExpr(_))) {
            let dims = sym_dims(meta).map_err(|e| ImportError::Graph(format!("tensor '{name}': {e}")))?;
            sym_sizes.insert(name.clone(), dims);
        }
    }
    let tensor_strides: HashMap<String, Vec<i64>> = tensor_values
        .iter()
        .filter_map(|&(name, meta)| {
            let strides: Option<Vec<i64>> = meta.strides.iter().map(|s| s.as_int()).collect();
            strides.map(|s| (name.clone(), s))
        })
        .collect();
    let mut mutated = mutated_buffers(graph, signature, &bodies)?;
    if options.buffer_mutations == BufferMutations::Refuse {
        if let Some(m) = mutated.first() {
            return Err(ImportError::Graph(format!(
                "the program writes buffer '{}' (a KV cache, or training-mode state such as batch-norm statistics?); export the model in eval() mode, or convert each written buffer to an input and an output (edge-convert --buffer-mutations inputs-outputs)",
                m.fqn
            )));
        }
    }
    let mut read = std::collections::HashSet::new();
    for g in &graphs {
        for n in &g.nodes {
            read.extend(input_names(n).into_iter().map(str::to_string));
        }
        read.extend(g.outputs.iter().filter_map(|a| a.as_tensor()).map(str::to_string));
    }
    // The module and `@main`, whose body the emitter fills. Its type is set once the
    // inputs and results are known.
    let c = IrContext::of(context);
    let module = Module::new(melior::ir::Location::unknown(context));
    let mut rw = Rewriter::new(c);
    rw.set_insertion_end(Op::of_module(&module).body().expect("a module has a body"));
    let func = rw.create_func(c.unknown_location(), "main", &[], &[], &[]);
    let body = func.body().expect("a function has a body");
    let mut ctx = Ctx {
        e: Emitter::new(c, body, limits),
        env: HashMap::new(),
        tensor_types: &tensor_types,
        tensor_strides: &tensor_strides,
        read: &read,
        outputs: vec![],
        program: &program,
        decompositions: as_composite::Decompositions::new(Op::of_module(&module).body().expect("a module has a body")),
    };

    // Inputs: user inputs are arguments; weights are constants over the archive's bytes.
    let mut args = Vec::new();
    let mut seen_views: HashMap<(usize, usize, Vec<i64>, Vec<i64>, i64, i64), String> = HashMap::new();
    for (i, spec) in signature.input_specs.iter().enumerate() {
        let graph_input = graph.inputs.get(i).and_then(|a| a.as_tensor()).map(str::to_string);
        match spec {
            InputSpec::UserInput(u) => {
                let Some(name) = u.arg.as_tensor() else {
                    return Err(ImportError::Graph(format!("user input #{i} is a {}, not a tensor; edge takes tensor inputs", u.arg.kind())));
                };
                let t = tensor_types.get(name).cloned().ok_or_else(|| ImportError::Graph(format!("no metadata for input '{name}'")))?;
                let v = ctx.e.argument(&t, ctx.e.name_loc(name));
                ctx.env.insert(name.to_string(), Value::Tensor(v.clone()));
                args.push((name.to_string(), v));
            }
            InputSpec::Parameter(_) | InputSpec::Buffer(_) | InputSpec::TensorConstant(_) => {
                let name = graph_input.ok_or_else(|| ImportError::Graph(format!("input spec #{i} has no tensor graph input")))?;
                if mutated.iter().any(|m| m.input == name) {
                    // An argument after the user inputs (below), not a constant.
                    continue;
                }
                let w = program.weights.get(&name).ok_or_else(|| ImportError::Graph(format!("weight input '{name}' is not bound to any payload")))?;
                // A contiguous weight is mapped in place; any other view is gathered into
                // a copy (a stride of 0 can make a huge one from a few stored bytes).
                if !w.is_contiguous() {
                    let elem = elem_of_scalar_type(w.dtype)
                        .map_err(|e| ImportError::Graph(format!("weight '{}': {}", w.fqn, e.0)))?;
                    let count = static_count(&w.sizes).unwrap_or(u128::MAX);
                    limits
                        .check_constant(
                            &format!(
                                "the gathered copy of strided weight '{}' (sizes {:?}, strides {:?})",
                                w.fqn, w.sizes, w.strides
                            ),
                            count,
                            &elem,
                        )
                        .map_err(ImportError::Graph)?;
                }
                let key = (w.storage.start, w.storage.end, w.sizes.clone(), w.strides.clone(), w.storage_offset, w.dtype.0);
                if let Some(first) = seen_views.get(&key) {
                    // A tied weight: reuse the constant of the first input with this view.
                    let v = ctx.tensor(first).map_err(|e| ImportError::Graph(e.0))?;
                    ctx.env.insert(name.clone(), Value::Tensor(v));
                    continue;
                }
                let elem = elem_of_scalar_type(w.dtype).map_err(|e| ImportError::Graph(format!("weight '{}': {}", w.fqn, e.0)))?;
                let v = weight_constant(&mut ctx, &name, tensor(&w.sizes, elem)).map_err(ImportError::Graph)?;
                ctx.env.insert(name.clone(), Value::Tensor(v));
                seen_views.insert(key, name.clone());
            }
            InputSpec::ConstantInput(c) => {
                return Err(ImportError::Graph(format!("constant input '{}' is not supported yet", c.name)));
            }
            InputSpec::CustomObj(_) | InputSpec::Token(_) => {
                return Err(ImportError::Graph(format!("input spec #{i} (a custom object or token) is not supported")));
            }
        }
    }
    // Written buffers: arguments after the user inputs, named by their FQN.
    let mut in_names: Vec<String> = args.iter().map(|(n, _)| n.clone()).collect();
    let buffer_names: HashMap<&str, &str> = signature
        .input_specs
        .iter()
        .filter_map(|s| match s {
            InputSpec::Buffer(b) => Some((b.arg.name.as_str(), b.buffer_name.as_str())),
            _ => None,
        })
        .collect();
    for i in 0..mutated.len() {
        let m = &mutated[i];
        let t = tensor_types.get(&m.input).cloned().ok_or_else(|| ImportError::Graph(format!("no metadata for buffer '{}'", m.fqn)))?;
        // The bytes each weight reads in the archive's map (a strided view: its whole
        // storage, never gathered here).
        let base = program.archive.bytes().as_ptr() as usize;
        let span = |w: &super::weights::Weight| match w.is_contiguous().then(|| w.bytes(&program.archive)) {
            Some(Cow::Borrowed(b)) => Some(b.as_ptr() as usize..b.as_ptr() as usize + b.len()),
            _ => Some(base + w.storage.start..base + w.storage.end),
        };
        let shared = program.weights.get(&m.input).and_then(span).filter(|b| !b.is_empty()).and_then(|b| {
            program.weights.iter().find(|(n, w)| {
                // An alias nothing reads (a cache tensor both registered as a buffer and
                // held as an attribute) does not see the difference.
                *n != &m.input
                    && read.contains(n.as_str())
                    && !mutated.iter().any(|o| &o.input == *n)
                    && span(w).is_some_and(|r| r.start < b.end && b.start < r.end)
            })
        });
        if shared.is_some() {
            return Err(ImportError::Graph(format!(
                "buffer '{}' is written and shares its storage with another weight the program reads; edge cannot make it an input",
                m.fqn
            )));
        }
        // A written constant that is also a registered buffer nothing reads (Hugging
        // Face's static cache: `key_cache_0` beside `...lifted_tensor_2`) takes the
        // buffer's name.
        let alias = program.weights.get(&m.input).and_then(span).filter(|b| !b.is_empty()).and_then(|b| {
            program.weights.iter().find_map(|(n, w)| {
                let fqn = buffer_names.get(n.as_str())?;
                (*n != m.input && !read.contains(n.as_str()) && span(w) == Some(b.clone())).then(|| fqn.to_string())
            })
        });
        if let Some(name) = alias.filter(|_| !buffer_names.contains_key(m.input.as_str())) {
            mutated[i].fqn = name;
        }
        let m = &mutated[i];
        let v = ctx.e.argument(&t, ctx.e.name_loc(&m.fqn));
        ctx.env.insert(m.input.clone(), Value::Tensor(v.clone()));
        args.push((m.input.clone(), v));
        // A buffer named like a user argument takes its position as a suffix, on both
        // sides.
        if in_names.contains(&m.fqn) {
            mutated[i].fqn = format!("{}_{}", m.fqn, in_names.len());
        }
        in_names.push(mutated[i].fqn.clone());
    }
    for g in &graphs {
        for (name, v) in &g.sym_int_values {
            let e = match v {
                SymInt::AsInt(i) => Expr::Int(*i),
                SymInt::AsExpr(e) => sym::parse(&e.expr_str).map_err(|e| ImportError::Graph(format!("symbolic integer '{name}': {e}")))?,
            };
            ctx.e.sym_ints.insert(name.clone(), e);
        }
    }
    ctx.e.sym_sizes = sym_sizes.clone();
    for (k, r) in &program.ep.range_constraints {
        if let Ok(Expr::Sym(s)) = sym::parse(k) {
            ctx.e.sym_ranges.insert(s, (r.min_val, r.max_val));
        }
    }
    define_input_symbols(&mut ctx, &args, &sym_sizes);
    if !ctx.e.errors.is_empty() {
        return Err(ImportError::Graph(format!("the inputs cannot be built: {}", ctx.e.errors.join("; "))));
    }
    check_symbols_defined(&ctx, &graphs, &sym_sizes)?;
    let input_names: Vec<&str> = args.iter().map(|(n, _)| n.as_str()).collect();
    if let Some(text) = dynamic_dims_text(&input_names, &sym_sizes, &program.ep.range_constraints) {
        let attr = c.parse_attr(&text).ok_or_else(|| ImportError::Graph(format!("the dynamic dims attribute '{text}' does not parse")))?;
        func.set_attr("edge.dynamic_dims", attr);
    }

    let mut aliases = Aliases::default();
    for index in 0..graph.nodes.len() {
        lower_with_aliases(&mut ctx, &graph.nodes, index, &sym_sizes, &mut aliases, &bodies)?;
    }

    // User outputs (named from the output pytree where it names them), then the
    // written user inputs' and buffers' new values (named by the input or buffer).
    let mut results = Vec::new();
    let mut out_names: Vec<String> = Vec::new();
    let leaf_names = program.ep.graph_module.module_call_graph.iter().find(|e| e.fqn.is_empty());
    let leaf_names = leaf_names.and_then(|e| e.signature.as_ref()).and_then(|s| s.out_spec.as_deref()).map(pytree_leaf_names);
    let mut written = Vec::new();
    for (i, spec) in signature.output_specs.iter().enumerate() {
        match spec {
            OutputSpec::UserOutput(u) => {
                let name = u.arg.as_tensor().ok_or_else(|| {
                    ImportError::Graph(format!("output #{i} is a {}, not a tensor; edge returns tensors", u.arg.kind()))
                })?;
                let leaf = results.len();
                results.push(ctx.tensor(name).map_err(|e| ImportError::Graph(format!("output '{name}': {}", e.0)))?);
                let named = leaf_names.as_ref().and_then(|n| n.get(leaf).cloned().flatten());
                out_names.push(named.unwrap_or_else(|| format!("output_{leaf}")));
            }
            OutputSpec::BufferMutation(_) => {}
            OutputSpec::UserInputMutation(u) => written.push((u.arg.name.clone(), u.user_input_name.clone())),
            _ => return Err(ImportError::Graph(format!("output #{i} is not a user output; edge converts inference programs"))),
        }
    }
    // A user input written in place in an archive saved without `run_decompositions()`
    // (which would list it as a user-input mutation): its new value is its own name.
    let listed: Vec<String> = written.iter().map(|(_, n)| n.clone()).collect();
    let in_place = written_in_place(graph, &bodies);
    for (name, _) in &args {
        let user = signature.input_specs.iter().any(|s| matches!(s, InputSpec::UserInput(u) if u.arg.as_tensor() == Some(name.as_str())));
        if user && in_place.contains(name) && !listed.contains(name) {
            written.push((name.clone(), name.clone()));
        }
    }
    for m in &mutated {
        written.push((m.value.clone(), m.fqn.clone()));
    }
    for (value, name) in written {
        results.push(ctx.tensor(&value).map_err(|e| ImportError::Graph(format!("the new value of '{name}': {}", e.0)))?);
        out_names.push(name);
    }
    let out_names = distinct_names(out_names);

    // `@main`'s type, its entry-function names, and its return.
    let in_types: Vec<Type> = args.iter().map(|(_, v)| ctx.e.value(v).raw_type()).collect();
    let res_types: Vec<Type> = results.iter().map(|v| ctx.e.value(v).raw_type()).collect();
    func.set_attr("function_type", c.type_attr(c.function_type(&in_types, &res_types)));
    let entry = c.dictionary_attr(&[
        ("inputs", c.string_attr(&in_names.join(","))),
        ("outputs", c.string_attr(&out_names.join(","))),
    ]);
    func.set_attr("tf.entry_function", entry);
    ctx.e.loc = c.unknown_location();
    let refs: Vec<&Val> = results.iter().collect();
    ctx.e.op_multi("func.return", &refs, "", &[]);
    if !ctx.e.errors.is_empty() {
        return Err(ImportError::Graph(format!("the function cannot be built: {}", ctx.e.errors.join("; "))));
    }
    drop(ctx);

    if std::env::var_os("EDGE_DUMP_IMPORT_TEXT").is_some() {
        eprintln!("{}", module.as_operation());
    }
    let imported = Imported { module, _program: program };
    if !verify_module(&imported.module) {
        return Err(ImportError::Diagnosed);
    }
    Ok(imported)
}

/// A buffer the program writes: graph input `input` (buffer `fqn`), whose value after
/// the call is graph value `value`.
struct Mutated {
    fqn: String,
    input: String,
    value: String,
}

/// The buffers the program writes, in input-spec order: those torch.export lists as
/// buffer mutations (a functionalized program), and those an archive saved without
/// `run_decompositions()` writes in place (through views), whose final value is the
/// buffer's own name once the writes are lowered.
fn mutated_buffers(graph: &Graph, signature: &super::schema::GraphSignature, bodies: &Bodies) -> Result<Vec<Mutated>, ImportError> {
    let listed: HashMap<&str, &str> = signature
        .output_specs
        .iter()
        .filter_map(|o| match o {
            OutputSpec::BufferMutation(b) => Some((b.buffer_name.as_str(), b.arg.name.as_str())),
            _ => None,
        })
        .collect();
    let in_place = written_in_place(graph, bodies);
    let mut out = Vec::new();
    for spec in &signature.input_specs {
        let (fqn, input) = match spec {
            InputSpec::Buffer(b) => (&b.buffer_name, &b.arg.name),
            // A tensor attribute that is not a registered buffer (Hugging Face's static
            // cache layers) is lifted as a constant; written in place, it is state too.
            InputSpec::TensorConstant(c) => (&c.tensor_constant_name, &c.arg.name),
            _ => continue,
        };
        let value = match listed.get(fqn.as_str()) {
            Some(v) => v.to_string(),
            None if in_place.contains(input.as_str()) => input.clone(),
            None => continue,
        };
        out.push(Mutated { fqn: fqn.clone(), input: input.clone(), value });
    }
    if let Some(b) = listed.keys().find(|b| !out.iter().any(|m| m.fqn == **b)) {
        return Err(ImportError::Graph(format!("the program writes buffer '{b}', which is not among its inputs")));
    }
    Ok(out)
}

/// The tensors the graph's in-place nodes write, followed up through views and earlier
/// in-place results to the tensor they alias; a higher-order op whose body writes one
/// of its inputs writes the operand.
fn written_in_place(graph: &Graph, bodies: &Bodies) -> std::collections::HashSet<String> {
    let mut parent: HashMap<String, String> = HashMap::new();
    let mut written = std::collections::HashSet::new();
    let root_of = |parent: &HashMap<String, String>, name: &str| {
        let mut root = name.to_string();
        while let Some(p) = parent.get(&root) {
            root = p.clone();
        }
        root
    };
    for n in &graph.nodes {
        if let Some((body, operands)) = bodies.of(n) {
            let inner = written_in_place(body, bodies);
            let inputs = body.inputs.iter().filter_map(|a| a.as_tensor());
            for (i, o) in inputs.zip(operands) {
                if inner.contains(i) {
                    written.insert(root_of(&parent, o));
                }
            }
            continue;
        }
        let t = node_target(n);
        let in_place = matches!(resolve(t), Some((_, true)));
        if !in_place && !is_view(t) {
            continue;
        }
        let Some(base) = self_name(n) else { continue };
        let root = root_of(&parent, base);
        if in_place {
            written.insert(root.clone());
        }
        for o in output_names(n).into_iter().flatten() {
            parent.insert(o, root.clone());
        }
    }
    written
}

/// The names of an output pytree's leaves (`out_spec` of the root module call), where
/// the path to a leaf has a named step (a dict key, or a context listing one name per
/// child): the steps joined by `.`, positions as numbers (`{"cache": (k, v)}` gives
/// `cache.0`, `cache.1`). `None` for a leaf reached by positions only (a tuple of
/// tensors), and no names when the spec does not parse. Namedtuples record their
/// type, not their fields: their leaves are positions.
fn pytree_leaf_names(spec: &str) -> Vec<Option<String>> {
    fn walk(node: &serde_json::Value, path: &mut Vec<(String, bool)>, out: &mut Vec<Option<String>>) {
        let children = node.get("children_spec").and_then(|c| c.as_array()).map(Vec::as_slice).unwrap_or(&[]);
        if node.get("type").is_none_or(|t| t.is_null()) {
            let named = path.iter().any(|(_, n)| *n);
            out.push(named.then(|| path.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join(".")));
            return;
        }
        let keys: Option<Vec<String>> = node
            .get("context")
            .and_then(|c| c.as_str())
            .and_then(|c| serde_json::from_str::<serde_json::Value>(c).ok())
            .and_then(|c| c.as_array().map(|a| a.iter().map(|k| k.as_str().map(str::to_string)).collect::<Option<Vec<_>>>()))
            .flatten()
            .filter(|k| k.len() == children.len());
        for (i, child) in children.iter().enumerate() {
            path.push(match &keys {
                Some(k) => (k[i].clone(), true),
                None => (i.to_string(), false),
            });
            walk(child, path, out);
            path.pop();
        }
    }
    let Ok(v) = serde_json::from_str::<serde_json::Value>(spec) else { return vec![] };
    let Some(root) = v.as_array().and_then(|a| a.get(1)) else { return vec![] };
    let mut out = Vec::new();
    walk(root, &mut Vec::new(), &mut out);
    out
}

/// `names` with a repeated name (an output or argument named like a written buffer)
/// suffixed by its position.
fn distinct_names(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .iter()
        .enumerate()
        .map(|(i, n)| if seen.insert(n.clone()) { n.clone() } else { format!("{n}_{i}") })
        .collect()
}

/// The constant holding graph input `input`'s stored weight, of type `ty` (a quantized
/// type stores its integers): a `dense_resource` named after the weight's FQN over the
/// archive's bytes (a contiguous view) or a gathered copy (a strided one), at
/// `loc("<fqn>")`. Nothing is copied into MLIR.
pub(super) fn weight_constant(ctx: &mut Ctx, input: &str, ty: TensorTy) -> Result<Val, String> {
    let program = Arc::clone(ctx.program);
    let w = program.weights.get(input).ok_or_else(|| format!("weight '{input}' vanished"))?;
    let resource = resource_name(&w.fqn);
    let at = ctx.e.name_loc(&w.fqn);
    let node_loc = std::mem::replace(&mut ctx.e.loc, at);
    let v = match w.bytes(&program.archive) {
        Cow::Borrowed(b) => {
            // Where the weight lies in the map, so the bytes can be named with the
            // program that holds them.
            let start = b.as_ptr() as usize - program.archive.bytes().as_ptr() as usize;
            let bytes = MappedBytes { program: Arc::clone(&program), range: start..start + b.len() };
            ctx.e.weight(&resource, ty, bytes)
        }
        Cow::Owned(gathered) => ctx.e.weight(&resource, ty, gathered),
    };
    ctx.e.loc = node_loc;
    Ok(v)
}

/// Bytes of the archive's map, kept alive with the program that holds it.
struct MappedBytes {
    program: Arc<Program>,
    range: std::ops::Range<usize>,
}

impl AsRef<[u8]> for MappedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.program.archive.bytes()[self.range.clone()]
    }
}

/// A quantization node's value may differ from its recorded integer type: the
/// quantized type stored in those integers, or (dynamic quantization) the float value.
fn quantized_stand_in(target: &str, recorded: &TensorTy, got: &TensorTy) -> bool {
    let elem = match &got.elem {
        ElemTy::Quant(q) => q.storage(),
        e if target.starts_with("quantized_decomposed.") && e.is_float() => recorded.elem.clone(),
        _ => return false,
    };
    recorded.compatible(&TensorTy { elem, ..got.clone() })
}

/// The symbolic sizes of a node's dynamic tensors (results, then operands), for the
/// emitter to resolve `?` dims.
fn node_shapes(node: &Node, sym_sizes: &HashMap<String, Vec<SymDim>>) -> Vec<NodeShape> {
    let mut names: Vec<(&str, bool)> = Vec::new();
    for (a, output) in node.outputs.iter().map(|a| (a, true)).chain(node.inputs.iter().map(|a| (&a.arg, false))) {
        match a {
            Argument::AsTensor(t) => names.push((&t.name, output)),
            Argument::AsTensors(ts) => names.extend(ts.iter().map(|t| (t.name.as_str(), output))),
            Argument::AsOptionalTensor(o) => names.extend(o.as_tensor().map(|t| (t, output))),
            Argument::AsOptionalTensors(ts) => names.extend(ts.iter().filter_map(|t| t.as_tensor()).map(|t| (t, output))),
            _ => {}
        }
    }
    names
        .into_iter()
        .filter_map(|(n, output)| sym_sizes.get(n).map(|dims| NodeShape { name: n.to_string(), dims: dims.clone(), output }))
        .collect()
}

/// The lowering of `target`: its table entry, or for an in-place overload (`relu_`)
/// its functional twin's, flagged.
fn resolve(target: &str) -> Option<(&'static Lowering, bool)> {
    if let Some(l) = lookup(target) {
        return Some((l, false));
    }
    functional_twin(target).and_then(|t| lookup(&t)).map(|l| (l, true))
}

/// The name of the tensor a node's `self` argument names.
fn self_name(node: &Node) -> Option<&str> {
    node.inputs.iter().find(|a| a.name == "self").and_then(|a| a.arg.as_tensor())
}

/// The tensor names a node reads.
fn input_names(node: &Node) -> Vec<&str> {
    let mut names = Vec::new();
    for a in &node.inputs {
        match &a.arg {
            Argument::AsTensor(t) => names.push(t.name.as_str()),
            Argument::AsTensors(ts) => names.extend(ts.iter().map(|t| t.name.as_str())),
            Argument::AsOptionalTensor(o) => names.extend(o.as_tensor()),
            Argument::AsOptionalTensors(ts) => names.extend(ts.iter().filter_map(|t| t.as_tensor())),
            _ => {}
        }
    }
    names
}

/// How a value aliases another.
#[derive(Debug, Clone)]
enum AliasOf {
    /// Output `output` of view node `node`, taken from `parent`.
    View { parent: String, node: usize, output: usize },
    /// The result of an in-place op: the mutated tensor itself.
    Same { parent: String },
}

impl AliasOf {
    fn parent(&self) -> &str {
        match self {
            AliasOf::View { parent, .. } | AliasOf::Same { parent } => parent,
        }
    }
}

/// Views and in-place writes (archives saved without `run_decompositions()`): which
/// values alias which, how many writes each base tensor has had, and at which count
/// each alias was last computed. A write lowers to new values for the written tensor
/// and every base above it; an alias computed before the write is recomputed from its
/// parent (its view node lowered again) the next time a node reads it.
#[derive(Default)]
struct Aliases {
    of: HashMap<String, AliasOf>,
    roots: HashMap<String, String>,
    writes: HashMap<String, u32>,
    seen: HashMap<String, u32>,
}

impl Aliases {
    /// The base tensor `name` aliases (itself if it aliases nothing). Kept in `roots`
    /// as aliases are added: walking up every time is quadratic in a long view chain.
    fn root<'a>(&'a self, name: &'a str) -> &'a str {
        self.roots.get(name).map_or(name, String::as_str)
    }

    fn add(&mut self, name: String, alias: AliasOf) {
        let root = self.root(alias.parent()).to_string();
        self.roots.insert(name.clone(), root);
        self.of.insert(name, alias);
    }

    fn writes_of(&self, name: &str) -> u32 {
        self.writes.get(self.root(name)).copied().unwrap_or(0)
    }
}

/// Brings alias `name` up to date with the writes into its base: every stale alias on
/// the way up is recomputed from its parent, topmost first (a loop, not recursion: a
/// view chain can be as long as the graph).
fn refresh(ctx: &mut Ctx, nodes: &[Node], name: &str, sym_sizes: &HashMap<String, Vec<SymDim>>, aliases: &mut Aliases) -> Result<(), ImportError> {
    let now = aliases.writes_of(name);
    let mut stale = Vec::new();
    let mut at = name.to_string();
    while let Some(alias) = aliases.of.get(&at) {
        if aliases.seen.get(&at).copied().unwrap_or(0) == now {
            break;
        }
        let parent = alias.parent().to_string();
        stale.push(std::mem::replace(&mut at, parent));
    }
    for name in stale.into_iter().rev() {
        let Some(alias) = aliases.of.get(&name).cloned() else { continue };
        // An earlier step may have refreshed this one (a view node with several outputs).
        if aliases.seen.get(&name).copied().unwrap_or(0) == now {
            continue;
        }
        match alias {
            AliasOf::Same { parent } => {
                let v = ctx.tensor(&parent).map_err(|e| ImportError::Graph(e.0))?;
                ctx.env.insert(name.clone(), Value::Tensor(v));
                aliases.seen.insert(name, now);
            }
            AliasOf::View { node, .. } => {
                lower_node(ctx, &nodes[node], sym_sizes)?;
                for n in output_names(&nodes[node]).into_iter().flatten() {
                    aliases.seen.insert(n, now);
                }
            }
        }
    }
    Ok(())
}

/// Lowers node `index`, keeping views and in-place writes coherent.
fn lower_with_aliases(
    ctx: &mut Ctx,
    nodes: &[Node],
    index: usize,
    sym_sizes: &HashMap<String, Vec<SymDim>>,
    aliases: &mut Aliases,
    bodies: &Bodies,
) -> Result<(), ImportError> {
    let node = &nodes[index];
    for name in input_names(node) {
        refresh(ctx, nodes, name, sym_sizes, aliases)?;
    }
    if let Some((body, operands)) = bodies.of(node) {
        // Body inputs the body writes in place: the writes reach the operands.
        for (operand, value) in inline_body(ctx, node, body, operands, sym_sizes, bodies)? {
            write_into(ctx, nodes, node, operand, value, aliases)?;
        }
        return Ok(());
    }
    lower_node(ctx, node, sym_sizes)?;
    let target = node_target(node);
    let in_place = matches!(resolve(target), Some((_, true)));
    if !is_view(target) && !in_place {
        return Ok(());
    }
    let Some(base) = self_name(node).map(str::to_string) else {
        return Ok(());
    };
    let outputs = output_names(node);
    if !in_place {
        let now = aliases.writes_of(&base);
        for (output, name) in outputs.into_iter().enumerate() {
            let Some(name) = name else { continue };
            aliases.add(name.clone(), AliasOf::View { parent: base.clone(), node: index, output });
            aliases.seen.insert(name, now);
        }
        return Ok(());
    }
    // An in-place op: its result is the new value of `self` and of every base above it.
    let out = outputs.first().cloned().flatten().ok_or_else(|| ImportError::Lowering {
        node: node.name.clone().unwrap_or_else(|| target.to_string()),
        target: target.to_string(),
        source: source_of(node),
        message: "an in-place op without a tensor result".into(),
    })?;
    let value = ctx.tensor(&out).map_err(|e| ImportError::Graph(e.0))?;
    let now = write_into(ctx, nodes, node, base.clone(), value, aliases)?;
    aliases.add(out.clone(), AliasOf::Same { parent: base });
    aliases.seen.insert(out, now);
    Ok(())
}

/// Makes `value` the new value of `base` (written by `node`) and of every base above it,
/// written back through the views between them; counts the write. Returns the count.
fn write_into(ctx: &mut Ctx, nodes: &[Node], node: &Node, base: String, value: Val, aliases: &mut Aliases) -> Result<u32, ImportError> {
    let target = node_target(node);
    let fail = |message: String| ImportError::Lowering {
        node: node.name.clone().unwrap_or_else(|| target.to_string()),
        target: target.to_string(),
        source: source_of(node),
        message,
    };
    let mut value = value;
    let mut child = base.clone();
    let mut chain = vec![base.clone()];
    ctx.env.insert(base.clone(), Value::Tensor(value.clone()));
    while let Some(alias) = aliases.of.get(&child).cloned() {
        let parent = alias.parent().to_string();
        let current = ctx.tensor(&parent).map_err(|e| fail(e.0))?;
        value = match alias {
            AliasOf::Same { .. } => value,
            AliasOf::View { node: v, output, .. } => {
                ctx.e.loc = location(&ctx.e, node);
                let written = write_back(ctx, &nodes[v], output, &current, &value).map_err(|e| {
                    fail(format!("{}; save the archive after `ep.run_decompositions()` to have PyTorch functionalize it", e.0))
                })?;
                if !ctx.e.errors.is_empty() {
                    return Err(fail(ctx.e.errors.join("; ")));
                }
                written
            }
        };
        ctx.env.insert(parent.clone(), Value::Tensor(value.clone()));
        chain.push(parent.clone());
        child = parent;
    }
    let count = aliases.writes.entry(child).or_insert(0);
    *count += 1;
    let now = *count;
    for name in chain {
        aliases.seen.insert(name, now);
    }
    Ok(now)
}

/// Lowers a higher-order op's body in place: its inputs bound to the operands, its
/// outputs to the op's outputs.
fn inline_body(
    ctx: &mut Ctx,
    node: &Node,
    body: &Graph,
    operands: &[String],
    sym_sizes: &HashMap<String, Vec<SymDim>>,
    bodies: &Bodies,
) -> Result<Vec<(String, Val)>, ImportError> {
    let target = node_target(node);
    let fail = |message: String| ImportError::Lowering {
        node: node.name.clone().unwrap_or_else(|| target.to_string()),
        target: target.to_string(),
        source: source_of(node),
        message,
    };
    let inner: Vec<&str> = body.inputs.iter().filter_map(|a| a.as_tensor()).collect();
    if inner.len() != operands.len() || inner.len() != body.inputs.len() {
        return Err(fail(format!("the body takes {} inputs; the op passes {} tensors", body.inputs.len(), operands.len())));
    }
    for (i, o) in inner.iter().zip(operands) {
        let v = ctx.tensor(o).map_err(|e| fail(e.0))?;
        ctx.env.insert(i.to_string(), Value::Tensor(v));
    }
    let mut aliases = Aliases::default();
    for index in 0..body.nodes.len() {
        lower_with_aliases(ctx, &body.nodes, index, sym_sizes, &mut aliases, bodies)?;
    }
    let results: Vec<&str> = body.outputs.iter().filter_map(|a| a.as_tensor()).collect();
    for (out, r) in output_names(node).into_iter().zip(results) {
        let Some(out) = out else { continue };
        let v = ctx.tensor(r).map_err(|e| fail(e.0))?;
        ctx.env.insert(out, Value::Tensor(v));
    }
    // An input the body wrote in place (`with torch.no_grad(): cache.index_copy_(...)`)
    // holds its new value under the input's name.
    let mut written = Vec::new();
    for (i, o) in inner.iter().zip(operands) {
        if aliases.writes.get(*i).is_some_and(|&n| n > 0) {
            written.push((o.clone(), ctx.tensor(i).map_err(|e| fail(e.0))?));
        }
    }
    Ok(written)
}

fn lower_node(ctx: &mut Ctx, node: &Node, sym_sizes: &HashMap<String, Vec<SymDim>>) -> Result<(), ImportError> {
    let target = node_target(node);
    let name = node.name.clone().unwrap_or_else(|| target.to_string());
    let fail = |message: String| ImportError::Lowering { node: name.clone(), target: target.to_string(), source: source_of(node), message };
    ctx.e.loc = location(&ctx.e, node);
    if is_driver_target(target) {
        return Ok(());
    }
    ctx.e.set_dynamic_shapes(node_shapes(node, sym_sizes));
    let (lowering, in_place) = resolve(target).expect("checked before lowering");
    ctx.outputs = output_names(node);
    let args = if in_place { Args::new_in_place(node, lowering.args) } else { Args::new(node, lowering.args) }.map_err(|e| fail(e.0))?;
    let values = match as_composite::lookup(lowering.target) {
        Some(kept) => as_composite::lower(ctx, &args, lowering, kept),
        None => (lowering.lower)(ctx, &args),
    }
    .map_err(|e| fail(e.0))?;
    if !ctx.e.errors.is_empty() {
        return Err(fail(distinct(&ctx.e.errors).join("; ")));
    }
    let names = ctx.outputs.clone();
    for (v, n) in values.into_iter().zip(names) {
        let Some(n) = n else { continue };
        if let Some(t) = ctx.tensor_types.get(&n) {
            if !t.compatible(&v.ty) && !quantized_stand_in(target, t, &v.ty) {
                return Err(fail(format!("lowering produced {} for output '{n}', whose recorded type is {t}", v.ty)));
            }
        }
        define_symbols(ctx, &n, &v, sym_sizes);
        ctx.env.insert(n, Value::Tensor(v));
    }
    Ok(())
}

/// Defines each size symbol that is a whole dim of `v` (tensor `name`) and has no
/// value yet: a symbol torch.export introduced inside the program (`u0` of a
/// data-dependent size) is read from the first value that has it as a dim.
fn define_symbols(ctx: &mut Ctx, name: &str, v: &Val, sym_sizes: &HashMap<String, Vec<SymDim>>) {
    for (d, dim) in sym_sizes.get(name).into_iter().flatten().enumerate() {
        if let SymDim::Dynamic(Expr::Sym(symbol)) = dim {
            if !ctx.e.syms.contains_key(symbol) && d < v.rank() {
                let size = ctx.e.dim_size(v, d);
                ctx.e.syms.insert(symbol.clone(), size);
            }
        }
    }
}

/// The stand-in symbol for an input's run-time size while its derived dim is solved
/// (not a name sympy can print).
const SIZE_PLACEHOLDER: &str = "%size";

/// Defines the size symbols from the user inputs: a dim that is a symbol defines it (the
/// first such dim); then a derived dim (`8*s39`, `s0 + 1`) defines its symbol by solving
/// for it (`dim // 8`) when no input has the symbol itself as a dim.
fn define_input_symbols(ctx: &mut Ctx, inputs: &[(String, Val)], sym_sizes: &HashMap<String, Vec<SymDim>>) {
    for (name, v) in inputs {
        ctx.e.loc = ctx.e.name_loc(name);
        define_symbols(ctx, name, v, sym_sizes);
    }
    for (name, v) in inputs {
        for (d, dim) in sym_sizes.get(name).into_iter().flatten().enumerate() {
            let SymDim::Dynamic(e) = dim else { continue };
            if !matches!(e, Expr::Sym(_)) && !ctx.e.input_sizes.iter().any(|(k, _)| k == e) {
                ctx.e.loc = ctx.e.name_loc(name);
                let size = ctx.e.dim_size(v, d);
                ctx.e.input_sizes.push((e.clone(), size));
            }
            let Some((symbol, solved)) = e.solve(Expr::Sym(SIZE_PLACEHOLDER.into())) else { continue };
            if ctx.e.syms.contains_key(&symbol) {
                continue;
            }
            ctx.e.loc = ctx.e.name_loc(name);
            let size = ctx.e.dim_size(v, d);
            ctx.e.syms.insert(SIZE_PLACEHOLDER.into(), size);
            let value = ctx.e.eval(&solved);
            ctx.e.syms.remove(SIZE_PLACEHOLDER);
            match value {
                Ok(value) => {
                    ctx.e.syms.insert(symbol, value);
                }
                Err(e) => ctx.e.errors.push(e),
            }
        }
    }
}

/// Checks, before any lowering, that every size symbol the program's tensors use can
/// be computed when it is needed: defined by an input, or a whole dim of a value an
/// earlier node makes (a data-dependent size). Otherwise names the first node that
/// needs one, the tensor and the dim.
fn check_symbols_defined(ctx: &Ctx, graphs: &[&Graph], sym_sizes: &HashMap<String, Vec<SymDim>>) -> Result<(), ImportError> {
    let mut known: std::collections::HashSet<String> = ctx.e.syms.keys().cloned().collect();
    // The program's nodes in order, then the bodies' (lowered where their op is).
    for n in graphs.iter().flat_map(|g| &g.nodes) {
        let outputs: Vec<String> = output_names(n).into_iter().flatten().collect();
        let mut fresh = Vec::new();
        for name in &outputs {
            for dim in sym_sizes.get(name).into_iter().flatten() {
                if let SymDim::Dynamic(Expr::Sym(s)) = dim {
                    if !known.contains(s) {
                        fresh.push(s.clone());
                    }
                }
            }
        }
        let names = input_names(n).into_iter().map(|i| (i, false)).chain(outputs.iter().map(|o| (o.as_str(), true)));
        for (name, is_output) in names {
            for (d, dim) in sym_sizes.get(name).into_iter().flatten().enumerate() {
                let SymDim::Dynamic(e) = dim else { continue };
                let missing = e.symbols().into_iter().find(|s| !(known.contains(s) || is_output && fresh.contains(s)));
                if let Some(s) = missing {
                    return Err(ImportError::Lowering {
                        node: n.name.clone().unwrap_or_else(|| node_target(n).to_string()),
                        target: node_target(n).to_string(),
                        source: source_of(n),
                        message: format!(
                            "dim {d} of {} '{name}' has size {}, and size symbol '{s}' is defined by no input size (edge reads a symbol from an input dim that is the symbol or a*{s} + b)",
                            if is_output { "result" } else { "operand" },
                            e.sympy_text()
                        ),
                    });
                }
            }
        }
        known.extend(fresh);
    }
    Ok(())
}

/// The text of `@main`'s `edge.dynamic_dims` attribute: for each input with dynamic
/// dims, one `{dim, expr, min, max}` per dynamic dim (`max` left out when unbounded).
/// `expr` is torch.export's text for the dim when its range constraints record it,
/// and the bounds are theirs, else computed from the symbols' ranges.
fn dynamic_dims_text(
    inputs: &[&str],
    sym_sizes: &HashMap<String, Vec<SymDim>>,
    ranges: &BTreeMap<String, super::schema::RangeConstraint>,
) -> Option<String> {
    let recorded: Vec<(Expr, &str, &super::schema::RangeConstraint)> =
        ranges.iter().filter_map(|(k, r)| sym::parse(k).ok().map(|e| (e, k.as_str(), r))).collect();
    let symbol_range = |s: &str| match recorded.iter().find(|(e, _, _)| matches!(e, Expr::Sym(n) if n == s)) {
        Some((_, _, r)) => (Some(r.min_val.unwrap_or(0)), r.max_val),
        None => (Some(0), None),
    };
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut entries = Vec::new();
    for &name in inputs {
        let mut dims = Vec::new();
        for (d, dim) in sym_sizes.get(name).into_iter().flatten().enumerate() {
            let SymDim::Dynamic(e) = dim else { continue };
            let (text, (min, max)) = match recorded.iter().find(|(r, _, _)| r == e) {
                Some((_, text, r)) => (text.to_string(), (r.min_val.or(Some(0)), r.max_val)),
                None => (e.sympy_text(), e.bounds(&symbol_range)),
            };
            let mut fields = vec![format!("dim = {d} : i64"), format!("expr = {}", quote(&text))];
            fields.push(format!("min = {} : i64", min.unwrap_or(0).max(0)));
            if let Some(max) = max {
                fields.push(format!("max = {max} : i64"));
            }
            dims.push(format!("{{{}}}", fields.join(", ")));
        }
        if !dims.is_empty() {
            entries.push(format!("{} = [{}]", quote(name), dims.join(", ")));
        }
    }
    (!entries.is_empty()).then(|| format!("{{{}}}", entries.join(", ")))
}

/// `errors` without repeats, in first-seen order (a lowering may hit one problem per
/// operand).
fn distinct(errors: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for e in errors {
        if !out.contains(&e.as_str()) {
            out.push(e);
        }
    }
    out
}

/// A resource key from a parameter's FQN (`layer1.0.conv1.weight`).
fn resource_name(fqn: &str) -> String {
    let s: String = fqn.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '.' { c } else { '_' }).collect();
    if s.starts_with(|c: char| c.is_ascii_digit()) || s.is_empty() { format!("w_{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pt2::schema::RangeConstraint;

    #[test]
    fn dynamic_dims_carry_the_recorded_text_and_ranges() {
        let dims = |t: &[&str]| -> Vec<SymDim> {
            t.iter().map(|d| d.parse().map(SymDim::Static).unwrap_or_else(|_| SymDim::Dynamic(sym::parse(d).unwrap()))).collect()
        };
        let sizes: HashMap<String, Vec<SymDim>> = [
            ("x".to_string(), dims(&["1", "3", "Mul(Integer(8), Symbol('s39', positive=True, integer=True))"])),
            ("y".to_string(), dims(&["s0", "s1 + 1"])),
        ]
        .into_iter()
        .collect();
        let range = |min, max| RangeConstraint { min_val: Some(min), max_val: max };
        let ranges: BTreeMap<String, RangeConstraint> = [
            ("8*s39".to_string(), range(16, Some(256))),
            ("s39".to_string(), range(2, Some(32))),
            ("s0".to_string(), range(1, None)),
            ("s1".to_string(), range(2, Some(9))),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            dynamic_dims_text(&["x", "y", "z"], &sizes, &ranges).unwrap(),
            concat!(
                r#"{"x" = [{dim = 2 : i64, expr = "8*s39", min = 16 : i64, max = 256 : i64}], "#,
                r#""y" = [{dim = 0 : i64, expr = "s0", min = 1 : i64}, {dim = 1 : i64, expr = "s1 + 1", min = 3 : i64, max = 10 : i64}]}"#
            )
        );
        assert_eq!(dynamic_dims_text(&["z"], &sizes, &ranges), None);
    }

    #[test]
    fn output_names_come_from_dict_keys_in_the_pytree() {
        let leaf = r#"{"type": null, "context": null, "children_spec": []}"#;
        let spec = |root: String| format!("[1, {root}]");
        let tuple = |kids: &[&str]| format!(r#"{{"type": "builtins.tuple", "context": "null", "children_spec": [{}]}}"#, kids.join(", "));
        let dict = |keys: &str, kids: &[&str]| {
            format!(r#"{{"type": "builtins.dict", "context": "{keys}", "children_spec": [{}]}}"#, kids.join(", "))
        };
        // A tuple of tensors: positions only, no names.
        assert_eq!(pytree_leaf_names(&spec(tuple(&[leaf, leaf]))), vec![None, None]);
        // {"logits": l, "cache": (k, v)}
        let d = dict(r#"[\"logits\", \"cache\"]"#, &[leaf, &tuple(&[leaf, leaf])]);
        assert_eq!(
            pytree_leaf_names(&spec(d)),
            vec![Some("logits".to_string()), Some("cache.0".to_string()), Some("cache.1".to_string())]
        );
        // (l, {"a": x}): the named leaf keeps the tuple position before its key.
        let t = tuple(&[leaf, &dict(r#"[\"a\"]"#, &[leaf])]);
        assert_eq!(pytree_leaf_names(&spec(t)), vec![None, Some("1.a".to_string())]);
        // A namedtuple records its type name, not its fields; a context whose key count
        // is not the child count names nothing.
        let nt = r#"{"type": "collections.namedtuple", "context": "m.Out", "children_spec": [LEAF]}"#.replace("LEAF", leaf);
        assert_eq!(pytree_leaf_names(&spec(nt)), vec![None]);
        assert_eq!(pytree_leaf_names(&spec(dict(r#"[\"a\"]"#, &[leaf, leaf]))), vec![None, None]);
        assert!(pytree_leaf_names("not json").is_empty());
    }

    #[test]
    fn repeated_output_names_are_made_distinct() {
        let names = ["kc", "attn.k", "kc", "attn.k"].map(String::from).to_vec();
        assert_eq!(distinct_names(names), ["kc", "attn.k", "kc_2", "attn.k_3"]);
    }
}

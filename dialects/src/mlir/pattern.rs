//! Rewrite patterns and the one greedy driver every rewriting pass runs them with.
//!
//! A `Pattern` names its root op, its name (`<Op><Effect>`) and its benefit; its
//! function either rewrites the root through the `Rewriter` and returns true, or
//! leaves the IR alone and returns false. `apply_patterns_greedily` visits the ops of
//! a function in order (round 1: every op), trying the patterns rooted at each op by
//! decreasing benefit (table order breaks ties) until one applies. Ops a rewrite
//! created or touched (users of replaced values, producers of erased operands) make
//! up the next round, again in program order; ops left unused are erased at the end
//! of each round. When a round leaves nothing to revisit, one more full round checks
//! the fixpoint. Running out of rounds is an error that names the patterns that kept
//! firing, never a silent stop. `GreedyConfig` can reverse the order (`bottom_up`)
//! and leave unused ops unmatched (`skip_unused`).
//!
//! `set_debug_patterns(true)` (edge-opt `--debug-patterns`) prints every application
//! to stderr; the `edge::patterns` tracing target carries the same events.

use super::{Op, Rewriter};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

/// A rewrite: true when it changed the IR (through the rewriter), false when it did
/// not match (and changed nothing).
pub type RewriteFn = for<'c> fn(Op<'c>, &mut Rewriter<'c>) -> bool;

/// One named rewrite rooted at one op kind.
#[derive(Clone, Copy)]
pub struct Pattern {
    /// `<Op><Effect>`, e.g. `AddZeroNoop`.
    pub name: &'static str,
    /// The op name it is rooted at (`tfl::Add::NAME`); `None` for any op.
    pub root: Option<&'static str>,
    /// Higher is tried first; among equals, table order.
    pub benefit: u16,
    pub rewrite: RewriteFn,
}

impl Pattern {
    pub const fn new(name: &'static str, root: &'static str, rewrite: RewriteFn) -> Pattern {
        Pattern { name, root: Some(root), benefit: 1, rewrite }
    }
    /// A pattern tried on every op (checked after the rooted ones of equal benefit).
    pub const fn any_op(name: &'static str, rewrite: RewriteFn) -> Pattern {
        Pattern { name, root: None, benefit: 1, rewrite }
    }
    pub const fn with_benefit(self, benefit: u16) -> Pattern {
        Pattern { benefit, ..self }
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} on {} (benefit {})", self.name, self.root.unwrap_or("*"), self.benefit)
    }
}

/// Patterns indexed by root op, each list by decreasing benefit.
pub struct PatternSet {
    by_root: HashMap<&'static str, Vec<Pattern>>,
    any: Vec<Pattern>,
}

impl PatternSet {
    pub fn new(patterns: &[Pattern]) -> PatternSet {
        let mut by_root: HashMap<&'static str, Vec<Pattern>> = HashMap::new();
        let mut any = Vec::new();
        for p in patterns {
            match p.root {
                Some(root) => by_root.entry(root).or_default().push(*p),
                None => any.push(*p),
            }
        }
        for list in by_root.values_mut() {
            list.sort_by(|a, b| b.benefit.cmp(&a.benefit));
        }
        any.sort_by(|a, b| b.benefit.cmp(&a.benefit));
        PatternSet { by_root, any }
    }

    /// The patterns to try on an op named `name`, best first.
    pub fn for_op(&self, name: &str) -> impl Iterator<Item = &Pattern> {
        let rooted = self.by_root.get(name).map(Vec::as_slice).unwrap_or(&[]);
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            let next = match (rooted.get(i), self.any.get(j)) {
                (Some(a), Some(b)) if b.benefit > a.benefit => {
                    j += 1;
                    b
                }
                (Some(a), _) => {
                    i += 1;
                    a
                }
                (None, Some(b)) => {
                    j += 1;
                    b
                }
                (None, None) => return None,
            };
            Some(next)
        })
    }
}

/// How the driver runs.
#[derive(Clone, Copy, Debug)]
pub struct GreedyConfig {
    /// Rounds before the driver gives up and reports non-convergence.
    pub max_rounds: usize,
    /// Visit ops nested in regions too (default: the function body only).
    pub nested: bool,
    /// Erase unused `tfl`/`stablehlo` ops at the end of each round.
    pub erase_dead: bool,
    /// Visit each round's ops last to first, users before producers (MLIR's default
    /// traversal): a chain of ops folds from its end, so what it folds into is
    /// rewritten once. Default: first to last, producers before users.
    pub bottom_up: bool,
    /// Do not match ops that have results, none of them used (MLIR's driver erases
    /// such ops instead of matching them). They stay until the end-of-round erasure,
    /// so within a round patterns see the use counts the round's rewrites left.
    pub skip_unused: bool,
}

impl Default for GreedyConfig {
    fn default() -> Self {
        GreedyConfig { max_rounds: 32, nested: false, erase_dead: true, bottom_up: false, skip_unused: false }
    }
}

/// The driver stopped before a fixpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonConvergence {
    pub rounds: usize,
    /// Patterns that applied in the last round, with how often.
    pub firing: Vec<(&'static str, usize)>,
}

impl std::fmt::Display for NonConvergence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list: Vec<String> = self.firing.iter().map(|(n, c)| format!("{n} ({c}x)")).collect();
        write!(f, "patterns did not converge after {} rounds; still applying: {}", self.rounds, list.join(", "))
    }
}

static DEBUG_PATTERNS: AtomicBool = AtomicBool::new(false);

/// Prints each pattern application to stderr (edge-opt `--debug-patterns`).
pub fn set_debug_patterns(on: bool) {
    DEBUG_PATTERNS.store(on, Ordering::Relaxed);
}

/// Reports that `p` applied to an op named `name` at `loc` (to the `edge::patterns`
/// tracing target, and to stderr under `--debug-patterns`). The greedy driver calls it;
/// a pass that walks its ops once (a conversion) calls it for each application.
pub fn report_application(p: &Pattern, name: &str, loc: &str) {
    tracing::debug!(target: "edge::patterns", pattern = p.name, op = name, loc, "pattern applied");
    if DEBUG_PATTERNS.load(Ordering::Relaxed) {
        eprintln!("[pattern] {} on '{}' at {}", p.name, name, loc);
    }
}

/// `op`'s printed location when applications are being reported (else `None`: printing
/// costs). Read it before the pattern runs: the pattern may erase `op`.
pub fn application_location(op: Op<'_>) -> Option<String> {
    let on = DEBUG_PATTERNS.load(Ordering::Relaxed) || tracing::enabled!(target: "edge::patterns", tracing::Level::DEBUG);
    on.then(|| op.location().print())
}

/// Applies `patterns` to the ops under `func` until none applies. Returns whether the
/// IR changed; errors reported through the rewriter make the result `Ok` too (callers
/// check `rw.errors()`).
pub fn apply_patterns_greedily<'c>(
    func: Op<'c>,
    patterns: &PatternSet,
    config: GreedyConfig,
    rw: &mut Rewriter<'c>,
) -> Result<bool, NonConvergence> {
    let collect = |func: Op<'c>| if config.nested { func.nested_ops() } else { func.body_ops() };
    let mut changed = false;
    let mut pending: Option<HashSet<Op<'c>>> = None; // None: every op
    let mut verifying = false;
    for round in 1..=config.max_rounds {
        let mut ops = collect(func);
        if config.bottom_up {
            ops.reverse();
        }
        let mut next: HashSet<Op<'c>> = HashSet::new();
        let mut fired: BTreeMap<&'static str, usize> = BTreeMap::new();
        for op in ops {
            if rw.erased.contains(&op) || pending.as_ref().is_some_and(|p| !p.contains(&op)) {
                continue;
            }
            if config.skip_unused && op.num_results() > 0 && op.is_unused() {
                continue;
            }
            let name = op.name();
            for p in patterns.for_op(name) {
                let loc = application_location(op);
                rw.set_insertion_before(op);
                if (p.rewrite)(op, rw) {
                    report_application(p, name, loc.as_deref().unwrap_or(""));
                    *fired.entry(p.name).or_default() += 1;
                    break;
                }
            }
            let (created, touched) = rw.take_notifications();
            next.extend(created);
            next.extend(touched);
        }
        if config.erase_dead && !fired.is_empty() {
            rw.erase_dead_ops(func);
            let (created, touched) = rw.take_notifications();
            next.extend(created);
            next.extend(touched);
        }
        next.retain(|op| !rw.erased.contains(op));
        if !fired.is_empty() {
            changed = true;
            verifying = false;
        }
        if next.is_empty() || fired.is_empty() {
            if verifying || pending.is_none() && fired.is_empty() {
                return Ok(changed);
            }
            // Nothing left to revisit: one full round confirms the fixpoint.
            verifying = true;
            pending = None;
            continue;
        }
        if round == config.max_rounds {
            return Err(NonConvergence { rounds: round, firing: fired.into_iter().collect() });
        }
        pending = Some(next);
    }
    Err(NonConvergence { rounds: config.max_rounds, firing: Vec::new() })
}

/// Pairs of patterns on the same root with the same benefit: the driver would pick
/// between them by table order alone. Conversion tables (legalization) must have none
/// (Cranelift ISLE's overlap rule: a more specific rule says so with a higher benefit);
/// a test per table calls this.
pub fn ambiguous_pairs(patterns: &[Pattern]) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    for (i, a) in patterns.iter().enumerate() {
        for b in &patterns[i + 1..] {
            if a.root == b.root && a.benefit == b.benefit {
                out.push((a.name, b.name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::{edge_context, parse_module};
    use crate::mlir::{Op, Rewriter};
    use crate::tfl::op as tfl;
    use std::cell::RefCell;

    const MODULE: &str = r#"
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "tfl.neg"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "tfl.neg"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "tfl.abs"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  %3 = "tfl.abs"(%2) : (tensor<4xf32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}"#;

    /// `neg(neg(x))` -> `x`.
    fn neg_neg_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
        let Some(inner) = op.operand(0).defined_by::<tfl::Neg>() else { return false };
        rw.replace_op(op, &[inner.x()]);
        true
    }
    /// `abs(abs(x))` -> `abs(x)`.
    fn abs_abs_fold<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
        let Some(inner) = op.operand(0).defined_by::<tfl::Abs>() else { return false };
        rw.replace_op(op, &[inner.op().result(0)]);
        true
    }
    /// Flips an attribute forever: never converges.
    fn flip<'c>(op: Op<'c>, rw: &mut Rewriter<'c>) -> bool {
        let on = op.bool_attr("flag").unwrap_or(false);
        let a = rw.context().bool_attr(!on);
        rw.set_attr(op, "flag", a);
        true
    }

    fn func_of<'c>(module: &melior::ir::Module<'c>) -> Op<'c> {
        Op::of_module(module).body_ops()[0]
    }

    #[test]
    fn reaches_a_fixpoint_and_erases_dead_ops() {
        let context = edge_context();
        let module = parse_module(&context, MODULE, "t.mlir").unwrap();
        let func = func_of(&module);
        let set = PatternSet::new(&[
            Pattern::new("NegNegFold", tfl::Neg::NAME, neg_neg_fold),
            Pattern::new("AbsAbsFold", tfl::Abs::NAME, abs_abs_fold),
        ]);
        let mut rw = Rewriter::new(func.context());
        assert_eq!(apply_patterns_greedily(func, &set, GreedyConfig::default(), &mut rw), Ok(true));
        let names: Vec<&str> = func.body_ops().iter().map(|op| op.name()).collect();
        assert_eq!(names, ["tfl.abs", "func.return"]);
        // A second run finds nothing to do.
        let mut rw = Rewriter::new(func.context());
        assert_eq!(apply_patterns_greedily(func, &set, GreedyConfig::default(), &mut rw), Ok(false));
    }

    #[test]
    fn reports_patterns_that_never_stop() {
        let context = edge_context();
        let module = parse_module(&context, MODULE, "t.mlir").unwrap();
        let func = func_of(&module);
        let set = PatternSet::new(&[Pattern::new("AbsFlagFlip", tfl::Abs::NAME, flip)]);
        let mut rw = Rewriter::new(func.context());
        let config = GreedyConfig { max_rounds: 5, ..GreedyConfig::default() };
        let err = apply_patterns_greedily(func, &set, config, &mut rw).unwrap_err();
        assert_eq!(err.rounds, 5);
        assert_eq!(err.firing, vec![("AbsFlagFlip", 2)]);
        assert!(err.to_string().contains("AbsFlagFlip (2x)"), "{err}");
    }

    #[test]
    fn higher_benefit_is_tried_first() {
        let set = PatternSet::new(&[
            Pattern::new("Low", tfl::Abs::NAME, flip),
            Pattern::new("High", tfl::Abs::NAME, flip).with_benefit(3),
            Pattern::any_op("Any", flip).with_benefit(2),
        ]);
        let order: Vec<&str> = set.for_op(tfl::Abs::NAME).map(|p| p.name).collect();
        assert_eq!(order, ["High", "Any", "Low"]);
        let table = [Pattern::new("A", tfl::Abs::NAME, flip), Pattern::new("B", tfl::Abs::NAME, flip), Pattern::new("C", tfl::Neg::NAME, flip)];
        assert_eq!(ambiguous_pairs(&table), vec![("A", "B")]);
    }

    thread_local! {
        /// The `tag` attribute of each op the test pattern was tried on, in order.
        static SEEN: RefCell<Vec<i64>> = const { RefCell::new(Vec::new()) };
    }

    /// Records the op and matches nothing.
    fn record<'c>(op: Op<'c>, _: &mut Rewriter<'c>) -> bool {
        SEEN.with(|s| s.borrow_mut().push(op.int_attr("tag").unwrap_or(-1)));
        false
    }

    /// The tags `record` sees in one run of the driver over a chain of three ops, the
    /// last unused.
    fn visits(config: GreedyConfig) -> Vec<i64> {
        let context = edge_context();
        let source = r#"func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {
  %0 = "tfl.abs"(%x) {tag = 0 : i32} : (tensor<2xf32>) -> tensor<2xf32>
  %1 = "tfl.abs"(%0) {tag = 1 : i32} : (tensor<2xf32>) -> tensor<2xf32>
  %2 = "tfl.abs"(%0) {tag = 2 : i32} : (tensor<2xf32>) -> tensor<2xf32>
  func.return %1 : tensor<2xf32>
}"#;
        let module = parse_module(&context, source, "t.mlir").unwrap();
        let func = Op::of_module(&module).body_ops()[0];
        let patterns = PatternSet::new(&[Pattern::new("AbsRecord", tfl::Abs::NAME, record)]);
        let mut rw = Rewriter::new(func.context());
        SEEN.with(|s| s.borrow_mut().clear());
        let changed = apply_patterns_greedily(func, &patterns, config, &mut rw).unwrap();
        assert!(!changed && !rw.changed());
        SEEN.with(|s| s.take())
    }

    #[test]
    fn traversal_order_and_unused_ops() {
        let config = GreedyConfig { erase_dead: false, ..GreedyConfig::default() };
        assert_eq!(visits(config), vec![0, 1, 2]);
        assert_eq!(visits(GreedyConfig { bottom_up: true, ..config }), vec![2, 1, 0]);
        assert_eq!(visits(GreedyConfig { skip_unused: true, ..config }), vec![0, 1]);
        assert_eq!(visits(GreedyConfig { bottom_up: true, skip_unused: true, ..config }), vec![1, 0]);
    }
}

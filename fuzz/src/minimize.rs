//! Shrinks a finding before it is saved: removes what the failure does not need, keeping
//! a reduction only while a fresh worker still fails the same way. MLIR text loses
//! lines; a `.pt2` archive loses elements of the JSON arrays in its program (nodes,
//! outputs, specs); a `.tflite` is kept whole (removing bytes breaks its offsets).

use crate::pt2::{pack, unpack};
use crate::supervisor::Verdict;
use crate::Target;
use serde_json::Value;

/// At most this many trial runs per finding.
const BUDGET: usize = 300;

/// The smallest input found for which `fails` still holds.
pub fn minimize(target: Target, input: &[u8], fails: &mut dyn FnMut(&[u8]) -> bool) -> Vec<u8> {
    let mut trials = 0usize;
    let mut check = |bytes: &[u8]| {
        trials += 1;
        trials <= BUDGET && fails(bytes)
    };
    match target {
        Target::Mlir => {
            let Ok(text) = std::str::from_utf8(input) else { return input.to_vec() };
            let lines: Vec<&str> = text.lines().collect();
            let kept = ddmin(lines, &mut |ls: &[&str]| check(ls.join("\n").as_bytes()));
            kept.join("\n").into_bytes()
        }
        Target::Pt2 => minimize_pt2(input, &mut check).unwrap_or_else(|| input.to_vec()),
        Target::Tflite => input.to_vec(),
    }
}

/// Removes chunks of `units` (halving the chunk size down to one) while `fails` holds.
fn ddmin<T: Clone>(mut units: Vec<T>, fails: &mut dyn FnMut(&[T]) -> bool) -> Vec<T> {
    let mut chunk = units.len().div_ceil(2).max(1);
    loop {
        let mut start = 0;
        while start < units.len() {
            let end = (start + chunk).min(units.len());
            let mut trial = units.clone();
            trial.drain(start..end);
            if !trial.is_empty() && fails(&trial) {
                units = trial;
            } else {
                start = end;
            }
        }
        if chunk == 1 {
            return units;
        }
        chunk = chunk.div_ceil(2);
    }
}

fn minimize_pt2(input: &[u8], check: &mut dyn FnMut(&[u8]) -> bool) -> Option<Vec<u8>> {
    let mut entries = unpack(input).ok()?;
    let json_at = entries.iter().position(|(n, _)| n.ends_with("models/model.json"))?;
    let mut doc: Value = serde_json::from_slice(&entries[json_at].1).ok()?;
    // Arrays of the program, largest first: each loses what the failure does not need.
    let mut paths = Vec::new();
    array_paths(&doc, &mut Vec::new(), &mut paths);
    paths.sort_by_key(|(_, len)| std::cmp::Reverse(*len));
    for (path, _) in paths.into_iter().take(12) {
        let Some(Value::Array(items)) = pointer(&doc, &path).cloned() else { continue };
        let kept = ddmin(items, &mut |trial: &[Value]| {
            let mut candidate = doc.clone();
            if let Some(slot) = pointer_mut(&mut candidate, &path) {
                *slot = Value::Array(trial.to_vec());
            }
            let mut e = entries.clone();
            e[json_at].1 = serde_json::to_vec(&candidate).unwrap_or_default();
            check(&pack(&e))
        });
        if let Some(slot) = pointer_mut(&mut doc, &path) {
            *slot = Value::Array(kept);
        }
    }
    entries[json_at].1 = serde_json::to_vec(&doc).ok()?;
    // Entries the failure does not read go too.
    let kept = ddmin(entries.clone(), &mut |trial: &[(String, Vec<u8>)]| check(&pack(trial)));
    Some(pack(&kept))
}

#[derive(Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn array_paths(v: &Value, path: &mut Vec<Seg>, out: &mut Vec<(Vec<Seg>, usize)>) {
    match v {
        Value::Array(items) => {
            if items.len() > 1 {
                out.push((path.clone(), items.len()));
            }
            for (i, x) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                array_paths(x, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, x) in map {
                path.push(Seg::Key(k.clone()));
                array_paths(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn pointer<'v>(v: &'v Value, path: &[Seg]) -> Option<&'v Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get(k),
        Seg::Index(i) => v.get(i),
    })
}

fn pointer_mut<'v>(v: &'v mut Value, path: &[Seg]) -> Option<&'v mut Value> {
    path.iter().try_fold(v, |v, s| match s {
        Seg::Key(k) => v.get_mut(k),
        Seg::Index(i) => v.get_mut(i),
    })
}

/// Whether `verdict` is the same failure as `original` (the same kind; for a panic, the
/// same message and place).
pub fn same_failure(original: &Verdict, verdict: &Verdict) -> bool {
    match (original, verdict) {
        (Verdict::Panic(a), Verdict::Panic(b)) => a == b,
        (Verdict::Crash(_), Verdict::Crash(_)) => true,
        (Verdict::Hang, Verdict::Hang) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ddmin;

    #[test]
    fn ddmin_keeps_what_the_failure_needs() {
        let units: Vec<u32> = (0..40).collect();
        let kept = ddmin(units, &mut |u: &[u32]| u.contains(&7) && u.contains(&31));
        assert_eq!(kept, vec![7, 31]);
    }
}

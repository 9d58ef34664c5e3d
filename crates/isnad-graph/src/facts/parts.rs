//! Internal checks of parts and wholes: parts that cannot make the whole stated with them.

use super::{FactView, Facts};
use isnad_claims::mentions::Qualifier;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// Parts that cannot make their whole: a stated total its parts do not add up to, or parts that
/// exceed their whole. Returns (whole, parts, sum).
pub(crate) fn sums(facts: &Facts<'_>) -> Vec<(usize, Vec<usize>, f64)> {
    let index: FxHashMap<&str, usize> = facts
        .views
        .iter()
        .enumerate()
        .map(|(i, v)| (v.fact.id.as_str(), i))
        .collect();
    let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, v) in facts.views.iter().enumerate() {
        if let Some(&w) = v.fact.scope.part_of.as_deref().and_then(|id| index.get(id)) {
            parts.entry(w).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for (whole, members) in parts {
        let w = &facts.views[whole];
        if members
            .iter()
            .any(|&m| facts.views[m].high.is_none() || facts.views[m].vague())
            || w.vague()
        {
            continue;
        }
        let exact = |v: &FactView<'_>| v.fact.value.amount.qualifier == Qualifier::Exact;
        let sum_low: f64 = members.iter().map(|&m| facts.views[m].low).sum();
        let sum_high: f64 = members.iter().filter_map(|&m| facts.views[m].high).sum();
        let exceeds = w.high.is_some_and(|h| sum_low > h + 1e-9);
        let short_of_total = w.fact.scope.total
            && exact(w)
            && members.iter().all(|&m| exact(&facts.views[m]))
            && (sum_high - w.low).abs() > 1e-9;
        if exceeds || short_of_total {
            out.push((whole, members, sum_low));
        }
    }
    out
}

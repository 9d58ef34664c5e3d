//! **update** — a later report gives a newer figure of a running total: not a contradiction, an
//! update over time.
//!
//! Why it matters: casualty tolls, case counts and arrests change as a story develops; an editor
//! wants the latest figure and to know which articles are out of date, not a false alarm.
//! Example: «قتل 12 شخصا» on Monday, «ارتفعت حصيلة القتلى إلى 19» on Tuesday; or the missing
//! falling from 34 to 22 as bodies are recovered.
//! A figure is newer when it holds at a later time (its stated time, else its report's date) or
//! is announced as a rise («ارتفعت الحصيلة إلى»).
//! One note per change, citing every report that gave the earlier figure.
//! Known false positives: a larger count of a different group counted with the same noun.

use super::{describe_attribute, describe_fact, fact_side, finding};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;
use rustc_hash::{FxHashMap, FxHashSet};

/// What makes one change: the attribute's key, the earlier and later figures, the later report.
type ChangeKey<'k> = (Option<&'k str>, &'k str, &'k str, usize);

/// One note per change of an attribute's figure, citing every report that gave the earlier figure
/// ("23 in a.txt, b.txt becomes 32 in c.txt").
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let views = &context.facts.views;
    // (attribute, earlier figure, later figure, later report) → the earlier facts, one per report,
    // in the order first seen: a headline repeating the body's figure adds none.
    // Each figure described once, and each change found by its key: copies of an earlier and a
    // later report give every pair of them as an update.
    let mut described: FxHashMap<usize, String> = FxHashMap::default();
    for &(earlier, later) in &context.compared.updates {
        for fact in [earlier, later] {
            described
                .entry(fact)
                .or_insert_with(|| describe_fact(views[fact].fact));
        }
    }
    let mut changes: Vec<(ChangeKey<'_>, Vec<usize>, usize)> = Vec::new();
    let mut change_of: FxHashMap<ChangeKey<'_>, (usize, FxHashSet<usize>)> = FxHashMap::default();
    for &(earlier, later) in &context.compared.updates {
        let (a, b) = (&views[earlier], &views[later]);
        if a.doc == b.doc {
            continue;
        }
        let key = (
            a.fact.attribute.key.as_deref(),
            described[&earlier].as_str(),
            described[&later].as_str(),
            b.doc,
        );
        match change_of.get_mut(&key) {
            Some((n, docs)) => {
                if docs.insert(a.doc) {
                    changes[*n].1.push(earlier);
                }
            }
            None => {
                change_of.insert(key, (changes.len(), FxHashSet::from_iter([a.doc])));
                changes.push((key, vec![earlier], later));
            }
        }
    }
    changes
        .into_iter()
        .map(|((_, x, y, _), earliers, later)| {
            let b = &views[later];
            let mut earlier_docs: Vec<usize> = earliers.iter().map(|&e| views[e].doc).collect();
            earlier_docs.sort_unstable();
            let earlier_ids: Vec<&str> = earlier_docs.iter().map(|&d| &*context.documents[d].id).collect();
            let message = [
                &describe_attribute(context, &views[earliers[0]]),
                ": ",
                x,
                " in ",
                &earlier_ids.join(", "),
                " becomes ",
                y,
                " in ",
                &context.documents[b.doc].id,
            ]
            .concat();
            let mut sides: Vec<_> = earliers.iter().map(|&e| fact_side(context, &views[e])).collect();
            sides.push(fact_side(context, b));
            let mut update = finding(FindingKind::Update, Severity::Note, message, sides);
            update.resolution = Some(
                [
                    "an update over time: the later report gives ",
                    y,
                    " (the earlier figure was ",
                    x,
                    ")",
                ]
                .concat(),
            );
            update
        })
        .collect()
}

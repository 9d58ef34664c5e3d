//! **update** — a later report gives a newer figure of a running total: not a contradiction, an
//! update over time.
//!
//! Why it matters: casualty tolls, case counts and arrests change as a story develops; an editor
//! wants the latest figure and to know which articles are out of date, not a false alarm.
//! Example: «قتل 12 شخصا» on Monday, «ارتفعت حصيلة القتلى إلى 19» on Tuesday; or the missing
//! falling from 34 to 22 as bodies are recovered.
//! A figure is newer when it holds at a later time (its stated time, else its report's date) or
//! is announced as a rise («ارتفعت الحصيلة إلى»).
//! Known false positives: a larger count of a different group counted with the same noun.

use super::{describe_attribute, describe_fact, fact_side, finding};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;

/// One note per pair of reports and attribute whose figure changes from one to the other.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let views = &context.facts.views;
    let mut findings = Vec::new();
    // One note per change between two documents: a headline repeating the body's figure adds none.
    let mut seen = std::collections::BTreeSet::new();
    for &(earlier, later) in &context.compared.updates {
        let (a, b) = (&views[earlier], &views[later]);
        if a.doc == b.doc {
            continue;
        }
        let (x, y) = (describe_fact(a.fact), describe_fact(b.fact));
        if !seen.insert((a.doc, b.doc, a.fact.attribute.key.clone(), x.clone(), y.clone())) {
            continue;
        }
        let message = format!(
            "{}: {x} in {} becomes {y} in {}",
            describe_attribute(context, a),
            context.documents[a.doc].id,
            context.documents[b.doc].id
        );
        let mut update = finding(
            FindingKind::Update,
            Severity::Note,
            message,
            vec![fact_side(context, a), fact_side(context, b)],
        );
        update.resolution = Some(format!(
            "an update over time: the later report gives {y} (the earlier figure was {x})"
        ));
        findings.push(update);
    }
    findings
}

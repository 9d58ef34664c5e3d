//! **update** — a later report raises a total: not a contradiction, an update over time.
//!
//! Why it matters: casualty tolls and counts of arrests rise as a story develops; an editor
//! wants the latest figure and to know which articles are out of date, not a false alarm.
//! Example: «قتل 12 شخصا» on Monday, «ارتفعت حصيلة القتلى إلى 19» on Tuesday.
//! Known false positives: a larger count of a different group counted with the same noun.

use super::{count_side, cross_document_pairs, describe_number, finding};
use crate::events::Event;
use crate::finding::{Finding, FindingKind, Severity};
use crate::rules::count_mismatch::is_update;
use crate::view::Context;

/// Notes counts of one event that rise from earlier to later reports.
pub(crate) fn check(context: &Context<'_>, events: &[Event]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // One note per rise between two documents: a headline repeating the body's figure adds none.
    let mut seen = std::collections::BTreeSet::new();
    for event in events {
        for (a, b) in cross_document_pairs(context, event) {
            let (earlier, later) = if is_update(a, b) {
                (a, b)
            } else if is_update(b, a) {
                (b, a)
            } else {
                continue;
            };
            let (Some(x), Some(y)) = (&earlier.count, &later.count) else {
                continue;
            };
            if earlier.measure != later.measure {
                continue;
            }
            if !seen.insert((earlier.doc, later.doc, describe_number(x), describe_number(y))) {
                continue;
            }
            let message = format!(
                "{}: {} in {} rises to {} in {}",
                event.event,
                describe_number(x),
                context.documents[earlier.doc].id,
                describe_number(y),
                context.documents[later.doc].id
            );
            let mut update = finding(
                FindingKind::Update,
                Severity::Note,
                message,
                vec![count_side(context, earlier), count_side(context, later)],
            );
            update.resolution = Some(format!(
                "an update over time: the later report gives {} (the earlier figure was {})",
                describe_number(y),
                describe_number(x)
            ));
            findings.push(update);
        }
    }
    findings
}

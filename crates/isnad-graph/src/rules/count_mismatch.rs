//! **count_mismatch** — one counted thing, counts that cannot both be right.
//!
//! Why it matters: tolls, crowds and fleets are the numbers readers remember; two articles
//! giving incompatible counts for the same event need an editor's decision.
//! Example: «قتل 23 شخصا في الانفجار» versus «أسفر الانفجار عن مقتل 31 شخصا» in reports of the
//! same hour. Approximations and bounds are intervals: «نحو 300» agrees with 312, «أكثر من 9000»
//! does not agree with 8500; vague amounts (عشرات) agree with any plausible count.
//! Not flagged: a total that rises in later reports (see update), a part of a total
//! («أربع من هذه الرحلات»), and two counts in one article (two different things, as a rule).
//! Known false positives: two different things counted with the same noun in one event.

use super::{count_side, cross_document_pairs, describe_number, finding};
use crate::events::Event;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};

/// True when `later` updates `earlier`: a larger count published later or announced as rising.
pub(crate) fn is_update(earlier: &ClaimView<'_>, later: &ClaimView<'_>) -> bool {
    let (Some(a), Some(b)) = (&earlier.count, &later.count) else {
        return false;
    };
    let rising_words = later.announces_rise;
    let published_later = matches!((earlier.published, later.published), (Some(x), Some(y)) if y > x);
    b.low > a.high.unwrap_or(f64::INFINITY) && (rising_words || published_later)
}

/// Flags cross-document claims of one event whose counts cannot overlap.
pub(crate) fn check(context: &Context<'_>, events: &[Event]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for event in events {
        for (a, b) in cross_document_pairs(context, event) {
            let (Some(x), Some(y)) = (&a.count, &b.count) else {
                continue;
            };
            let same_measure = match (a.measure, b.measure) {
                (Some(m), Some(n)) => m == n,
                _ => a.counted == b.counted,
            };
            if x.overlaps(y) || a.count_is_part || b.count_is_part || !same_measure {
                continue;
            }
            if is_update(a, b) || is_update(b, a) {
                continue;
            }
            let message = format!(
                "{}: {} in {} but {} in {}",
                event.event,
                describe_number(x),
                context.documents[a.doc].id,
                describe_number(y),
                context.documents[b.doc].id
            );
            findings.push(finding(
                FindingKind::CountMismatch,
                Severity::Contradiction,
                message,
                vec![count_side(context, a), count_side(context, b)],
            ));
        }
    }
    findings
}

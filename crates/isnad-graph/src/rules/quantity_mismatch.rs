//! **quantity_mismatch** — one measured amount (with a unit), values that cannot both be right.
//!
//! Why it matters: money, magnitudes, distances and percentages are quoted precisely and
//! copied widely; incompatible figures for one deal or one quake must be reconciled.
//! Example: «بلغت قيمة الصفقة 2.5 مليار دولار» versus «صفقة بقيمة 4 مليارات دولار»; «بقوة 6.1
//! درجات على مقياس ريختر» versus «7.2 درجات». Values are intervals (approximations and bounds
//! respected) and only amounts in the same unit are compared.
//! Known false positives: two different amounts of one deal (a first tranche and a total).

use super::{cross_document_pairs, describe_number, finding, side};
use crate::events::Event;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};

/// Flags cross-document claims of one event whose amounts in one unit cannot overlap.
pub(crate) fn check(context: &Context<'_>, events: &[Event]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for event in events {
        for (a, b) in cross_document_pairs(context, event) {
            let (Some((x, unit_a)), Some((y, unit_b))) = (&a.quantity, &b.quantity) else {
                continue;
            };
            if unit_a != unit_b || x.overlaps(y) {
                continue;
            }
            let value = |n, unit: &str| format!("{} {unit}", describe_number(n));
            let message = format!(
                "{}: {} in {} but {} in {}",
                event.event,
                value(x, unit_a),
                context.documents[a.doc].id,
                value(y, unit_b),
                context.documents[b.doc].id
            );
            let quantity_side = |v: &ClaimView<'_>, text| {
                side(context, v, v.claim.quantity.as_ref().map(|m| m.span), Some(text))
            };
            findings.push(finding(
                FindingKind::QuantityMismatch,
                Severity::Contradiction,
                message,
                vec![
                    quantity_side(a, value(x, unit_a)),
                    quantity_side(b, value(y, unit_b)),
                ],
            ));
        }
    }
    findings
}

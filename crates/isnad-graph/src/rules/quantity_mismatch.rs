//! **quantity_mismatch** — one measured amount (with a unit), values that cannot both be right.
//!
//! Why it matters: money, magnitudes, distances, durations and percentages are quoted precisely
//! and copied widely; incompatible figures for one deal or one quake must be reconciled.
//! Example: «بلغت قيمة الصفقة 2.5 مليار دولار» versus «صفقة بقيمة 4 مليارات دولار»; «بقوة 6.1
//! درجات على مقياس ريختر» versus «7.2 درجات». What is measured comes from the text (the measure
//! noun before the amount, what it is "of"), values are intervals (approximations and bounds
//! respected), words equal digits («مليار ونصف» = 1.5 مليار) and units convert (km and m, years and
//! months); amounts in different currencies are never compared.
//! Not flagged: two different measures with one unit (the peak flow and the average flow), a
//! change and a level («بمقدار 75 نقطة» and «إلى 10%»), another period's figure.
//! Known false positives: two different amounts of one deal (a first tranche and a total) whose
//! clauses share most of their words.

use super::disagreement_finding;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;

/// One contradiction per disagreement between amounts of different reports.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    context
        .compared
        .disagreements
        .iter()
        .filter(|d| {
            let v = &context.facts.views[d.sides[0][0]];
            !d.internal && v.base_unit.is_some() && !crate::facts::is_time_or_order(v)
        })
        .map(|d| {
            disagreement_finding(
                context,
                FindingKind::QuantityMismatch,
                Severity::Contradiction,
                &d.sides,
            )
        })
        .collect()
}

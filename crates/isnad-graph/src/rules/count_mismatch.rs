//! **count_mismatch** — one counted thing, counts that cannot both be right.
//!
//! Why it matters: tolls, crowds and fleets are the numbers readers remember; two articles
//! giving incompatible counts for the same thing need an editor's decision.
//! Example: «قتل 23 شخصا في الانفجار» versus «أسفر الانفجار عن مقتل 31 شخصا» in reports of the
//! same hour. What is counted comes from the text (the noun after the number, the event word
//! before it): the dead are never compared with the injured, nor new cases with the total.
//! Approximations and bounds are intervals: «نحو 300» agrees with 312, «أكثر من 9000» does not
//! agree with 8500; vague amounts (عشرات) agree with any plausible count. One finding per
//! disagreement, citing every report on each side.
//! Not flagged: a running total at different times (see update), a part of a total
//! («أربع من هذه الرحلات»، «بينهم 5 نساء»), another occurrence's figure (another year, "سبق أن"),
//! and two counts whose clauses are about different things.
//! Known false positives: two different things counted with the same noun in clauses that share
//! most of their words.

use super::disagreement_finding;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;

/// One contradiction per disagreement between counts of different reports.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    context
        .compared
        .disagreements
        .iter()
        .filter(|d| !d.internal && context.facts.views[d.sides[0][0]].base_unit.is_none())
        .map(|d| {
            disagreement_finding(
                context,
                FindingKind::CountMismatch,
                Severity::Contradiction,
                &d.sides,
            )
        })
        .collect()
}

//! **contested** — asserted by one source, denied by another (or by its subject).
//!
//! Why it matters: a claim that one side makes and the other denies is not a fact; an editor
//! must attribute it and present both sides rather than state it.
//! Example: «تتهم المعارضة الحكومة بتهريب الوقود إلى الجارة الشمالية» versus «نفت الحكومة
//! أن تكون قد هربت أي شحنة وقود».
//! One finding per denial, citing every assertion or accusation of the same kind of event with
//! the same theme.
//! Known false positives: a denial of a narrower claim than the accusation (denying one
//! shipment while others are alleged).

use super::{finding, side};
use crate::finding::{Finding, FindingKind, Severity, Side};
use crate::view::{ClaimView, Context};
use isnad_claims::claims::Modality;

/// Event types that describe the same kind of happening for this rule.
const FAMILIES: &[&[&str]] = &[&["transfer", "shipment", "supply", "delivery", "sale"]];

/// The family an event type belongs to for comparing assertions with denials or negations.
pub(super) fn family(event: &str) -> &str {
    FAMILIES
        .iter()
        .find(|f| f.contains(&event))
        .map_or(event, |f| f[0])
}

fn is_denial(view: &ClaimView<'_>) -> bool {
    view.claim.modality == Modality::Denied
}

fn is_assertion(view: &ClaimView<'_>) -> bool {
    matches!(
        view.claim.modality,
        Modality::Accused | Modality::Asserted | Modality::Reported
    ) && !view.claim.properties.speech
}

/// True when two claims are about the same alleged happening.
fn same_allegation(a: &ClaimView<'_>, b: &ClaimView<'_>) -> bool {
    if family(&a.claim.event) != family(&b.claim.event) {
        return false;
    }
    // The theme decides; when one side states none, its clause must mention the other's theme.
    match (a.theme.is_empty(), b.theme.is_empty()) {
        (false, false) => !a.theme.is_disjoint(&b.theme),
        (false, true) => !a.theme.is_disjoint(&b.words),
        (true, false) => !b.theme.is_disjoint(&a.words),
        (true, true) => a.shared_actors(b) >= 2,
    }
}

/// Who says a claim: its speaker, not the outlet that printed it, unless the outlet states it
/// itself ("… (as fact)").
pub(super) fn speaker(context: &Context<'_>, v: &ClaimView<'_>) -> String {
    match cited_speaker(v) {
        Some(name) => name.to_string(),
        None => {
            let document = &context.documents[v.doc];
            format!(
                "{} (as fact)",
                document.meta.outlet.as_deref().unwrap_or(&document.id)
            )
        }
    }
}

/// Who says any of `claims`, each named once, in name order.
pub(super) fn speakers(context: &Context<'_>, claims: &[&ClaimView<'_>]) -> String {
    let mut names: Vec<String> = claims.iter().map(|c| speaker(context, c)).collect();
    names.sort();
    names.dedup();
    names.join("; ")
}

/// The sides of a dispute: every assertion with its modality, then the claim against them.
pub(super) fn dispute_sides(
    context: &Context<'_>,
    assertions: &[&ClaimView<'_>],
    against: &ClaimView<'_>,
    label: &str,
) -> Vec<Side> {
    let mut sides: Vec<Side> = assertions
        .iter()
        .map(|a| {
            side(
                context,
                a,
                None,
                Some(format!("{:?}", a.claim.modality).to_lowercase()),
            )
        })
        .collect();
    sides.push(side(context, against, None, Some(label.into())));
    sides
}

/// The claim's speaker when it cites one (not the outlet).
pub(super) fn cited_speaker<'v>(v: &ClaimView<'v>) -> Option<&'v str> {
    v.claim
        .attribution
        .iter()
        .find(|s| s.kind != isnad_claims::claims::SourceKind::Outlet)
        .map(|s| s.name.as_str())
}

/// One tension per denial that meets an assertion of the same happening.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut denied_sentences = std::collections::BTreeSet::new();
    for denial in context.claims.iter().filter(|v| is_denial(v)) {
        let assertions: Vec<&ClaimView<'_>> = context
            .claims
            .iter()
            .filter(|v| is_assertion(v) && same_allegation(v, denial))
            .collect();
        if assertions.is_empty() {
            continue;
        }
        let sentence = context.documents[denial.doc]
            .sentence_of(denial.claim.trigger)
            .map(|s| s.span);
        if !denied_sentences.insert((denial.doc, sentence)) {
            continue;
        }
        let message = format!(
            "{} asserted by {} and denied by {}",
            denial.claim.event,
            speakers(context, &assertions),
            speaker(context, denial)
        );
        let sides = dispute_sides(context, &assertions, denial, "denied");
        findings.push(finding(FindingKind::Contested, Severity::Tension, message, sides));
    }
    findings
}

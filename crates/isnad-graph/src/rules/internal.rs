//! **internal** — an article disagreeing with itself.
//!
//! Why it matters: a headline that states what the body only says is unconfirmed misleads the
//! many readers who stop at the headline; two values for one thing in one article mean a
//! half-finished update.
//! Example: the headline «يسافر ... لحضور منتدى اقتصادي» against the body «لم يتم تأكيد ... ما إذا
//! كان ... سيحضر المنتدى الاقتصادي»; or a headline toll of 30 against a body toll of 25.
//! Judged: the headline against the body (asserted versus unconfirmed or negated by the outlet
//! itself, reported as done but planned in the body, or counts that cannot overlap). A denial by a cited party is not the article
//! disagreeing with itself (see contested).
//! Known false positives: a headline that summarizes a later development than the body's.

use super::{describe_number, finding, side};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};
use isnad_claims::claims::{ClaimLocation, Modality};

/// True when two claims of one article are about the same happening: the same participants and
/// something specific in common besides the names and the verb (a destination, a forum, a deal).
fn same_happening(a: &ClaimView<'_>, b: &ClaimView<'_>) -> bool {
    let shared_actors = a.shared_actors(b);
    let shared_specifics = a.shared_specifics(b);
    shared_actors > 0 && shared_specifics >= 1 || shared_specifics >= 2
}

/// True when a headline's trigger reads as a past-tense verb ("وقّعت"), not a present-tense one
/// ("يزور", which headlines use for what is under way or coming) or a verbal noun ("زيارة").
fn reads_as_past(view: &ClaimView<'_>) -> bool {
    let offset = |at: usize| at.saturating_sub(view.claim.span.start);
    let (start, end) = (offset(view.claim.trigger.start), offset(view.claim.trigger.end));
    let Some(trigger) = view.claim.text.get(start..end) else {
        return false;
    };
    let key = isnad_parser::fold_key(trigger);
    // "لحضور", "بزيارة": a verbal noun after an attached preposition states a purpose.
    let proclitic = view
        .claim
        .text
        .get(..start)
        .and_then(|before| before.chars().next_back());
    let after_preposition = proclitic.is_some_and(|c| matches!(c, 'ل' | 'ب'))
        || (key.starts_with(['ل', 'ب']) && key.chars().count() >= 5);
    !key.starts_with(['ي', 'ت', 'ن']) && !key.ends_with('ه') && !key.starts_with("ال") && !after_preposition
}

/// Headline claims against body claims of the same document.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut headlines: Vec<Vec<&ClaimView<'_>>> = vec![Vec::new(); context.documents.len()];
    for view in &context.claims {
        if view.claim.location == ClaimLocation::Headline && view.affirmed {
            headlines[view.doc].push(view);
        }
    }
    for body in context
        .claims
        .iter()
        .filter(|v| v.claim.location == ClaimLocation::Body)
    {
        for &headline in &headlines[body.doc] {
            // A headline that reports as done what the body says is only planned is doubted too.
            let doubted = matches!(body.claim.modality, Modality::Unconfirmed | Modality::Negated)
                || (body.claim.modality == Modality::Planned
                    && matches!(headline.claim.modality, Modality::Asserted | Modality::Reported)
                    && reads_as_past(headline)
                    && headline.claim.event == body.claim.event);
            let counts_differ = matches!((&headline.count, &body.count), (Some(x), Some(y)) if !x.overlaps(y))
                && headline.claim.event == body.claim.event;
            // The cheap tests first: comparing what two claims are about folds their texts.
            if !(doubted || counts_differ)
                || !same_happening(headline, body)
                || !seen.insert(body.claim.id.clone())
            {
                continue;
            }
            let document = &context.documents[body.doc];
            let (message, sides) = if doubted {
                (
                    format!(
                        "{}: the headline states it, the body calls it {}",
                        document.id,
                        format!("{:?}", body.claim.modality).to_lowercase()
                    ),
                    vec![
                        side(context, headline, None, Some("headline: stated".into())),
                        side(
                            context,
                            body,
                            None,
                            Some(format!("{:?}", body.claim.modality).to_lowercase()),
                        ),
                    ],
                )
            } else {
                let (x, y) = (
                    headline.count.as_ref().expect("checked"),
                    body.count.as_ref().expect("checked"),
                );
                (
                    format!(
                        "{}: the headline says {} but the body {}",
                        document.id,
                        describe_number(x),
                        describe_number(y)
                    ),
                    vec![
                        side(
                            context,
                            headline,
                            headline.claim.count.as_ref().map(|m| m.span),
                            Some(describe_number(x)),
                        ),
                        side(
                            context,
                            body,
                            body.claim.count.as_ref().map(|m| m.span),
                            Some(describe_number(y)),
                        ),
                    ],
                )
            };
            findings.push(finding(FindingKind::Internal, Severity::Tension, message, sides));
        }
    }
    findings
}

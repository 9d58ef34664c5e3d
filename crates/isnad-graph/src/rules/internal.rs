//! **internal** — an article disagreeing with itself.
//!
//! Why it matters: a headline that states what the body only says is unconfirmed misleads the
//! many readers who stop at the headline; two values for one thing in one article mean a
//! half-finished update.
//! Example: the headline «يسافر ... لحضور منتدى اقتصادي» against the body «لم يتم تأكيد ... ما إذا
//! كان ... سيحضر المنتدى الاقتصادي»; or a headline toll of 30 against a body toll of 25.
//! Judged: the headline against the body (asserted versus unconfirmed or negated by the outlet
//! itself, or reported as done but planned in the body); one figure given twice with values
//! that cannot both be right (the same attribute, the same time, clauses about the same thing);
//! parts that cannot make their whole («31 قتيلاً، بينهم 12 طفلاً و9 نساء و14 رجلاً»: 35 > 31; «164
//! راكباً و6 من أفراد الطاقم، أي ما مجموعه 180»: 170 ≠ 180). A denial by a cited party is not the
//! article disagreeing with itself (see contested), nor are two figures from two sources it quotes,
//! nor is a headline repeated as the lead, nor a doubted claim of another event in a body clause
//! that states the headline's own event («أضرب العمال … دون توقيع اتفاق»: the strike is stated).
//! Known false positives: a headline that summarizes a later development than the body's.

use super::{describe_fact, disagreement_finding, fact_side, finding, side};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};
use isnad_claims::claims::{ClaimLocation, Modality};

/// True when the body clause says what the headline says, so the doubted claim is another claim
/// read in the same words: the headline repeated as the lead (the same content words), or a
/// doubted claim of another event in a clause that also states the headline's event ("أضرب
/// العمال … دون توقيع اتفاق"). A doubted claim of the headline's own event doubts it.
fn restates(context: &Context<'_>, headline: &ClaimView<'_>, body: &ClaimView<'_>) -> bool {
    if headline.words() == body.words() {
        return true;
    }
    body.claim.event != headline.claim.event
        && context.of_doc(body.doc).iter().any(|other| {
            other.affirmed
                && other.claim.location == ClaimLocation::Body
                && other.claim.event == headline.claim.event
                && other.claim.span.start < body.claim.span.end
                && body.claim.span.start < other.claim.span.end
        })
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
                    && headline.claim.words.trigger_past
                    && headline.claim.event == body.claim.event);
            // A negation about an earlier time ("في أبريل الماضي من دون إصابات") or an earlier
            // occurrence is not the headline's event.
            // A headline with no time of its own is of the report's days: a body time weeks
            // before the report is another occurrence.
            let headline_days = headline.occasion_days();
            // (A body time after the headline's is what the doubted-by-a-plan test is about.)
            let another_time = body.refers_to_earlier
                || matches!((headline_days, body.days), (Some((a0, _)), Some((_, b1))) if b1 < a0);
            // The cheap tests first: comparing what two claims are about folds their texts.
            if !doubted
                || another_time
                || !headline.same_happening(body)
                || restates(context, headline, body)
                || !seen.insert(body.claim.id.clone())
            {
                continue;
            }
            let document = &context.documents[body.doc];
            let message = format!(
                "{}: the headline states it, the body calls it {}",
                document.id,
                format!("{:?}", body.claim.modality).to_lowercase()
            );
            let sides = vec![
                side(context, headline, None, Some("headline: stated".into())),
                side(
                    context,
                    body,
                    None,
                    Some(format!("{:?}", body.claim.modality).to_lowercase()),
                ),
            ];
            findings.push(finding(FindingKind::Internal, Severity::Tension, message, sides));
        }
    }
    findings.extend(figures(context));
    findings
}

/// One article giving one figure twice with values that cannot both be right, and parts that
/// cannot make their whole.
fn figures(context: &Context<'_>) -> Vec<Finding> {
    let views = &context.facts.views;
    let mut findings: Vec<Finding> = context
        .compared
        .disagreements
        .iter()
        .filter(|d| d.internal)
        .map(|d| disagreement_finding(context, FindingKind::Internal, Severity::Contradiction, &d.sides))
        .collect();
    for (whole, parts, sum) in crate::facts::sums(&context.facts) {
        let w = &views[whole];
        let stated = describe_fact(w.fact);
        let listed: Vec<String> = parts.iter().map(|&p| describe_fact(views[p].fact)).collect();
        let relation = if w.fact.scope.total {
            "is given as the total of"
        } else {
            "is less than its parts"
        };
        let message = format!(
            "{}: {} {relation} {} (= {})",
            context.documents[w.doc].id,
            stated,
            listed.join(" + "),
            super::describe_number(&isnad_claims::mentions::NumberValue::exact(sum))
        );
        let mut sides = vec![fact_side(context, w)];
        sides.extend(parts.iter().map(|&p| fact_side(context, &views[p])));
        findings.push(finding(
            FindingKind::Internal,
            Severity::Contradiction,
            message,
            sides,
        ));
    }
    findings
}

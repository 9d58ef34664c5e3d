//! **actor_mismatch** — one event, participants that cannot both be right.
//!
//! Why it matters: who signed, who was appointed, who attacked: naming the wrong actor is a
//! serious error that survives copy-editing because both names are real.
//! Example: «وقّع وزير المالية سامر الحلبي الاتفاقية» versus «وقّعها وزير الاقتصاد نادر يوسف»
//! for the same agreement on the same day.
//! Only events with a stated, overlapping date, the same other participants or theme, and two
//! different resolved agents of the same kind are judged.
//! Agents acting on behalf of sides ("عن الجانب التركي X") are compared side by side.
//! Without an event of the lexicon, two reports whose clauses say the same thing with another
//! named doer are a tension: «وأمر رئيس البلدية، X، بإغلاق سوق الخضار» versus «وكان مدير الأشغال Y
//! قد أصدر قرار إغلاق سوق الخضار» (docs/facts.md, "Who and where"); not when a report names
//! both, when they act on two sides, or when one name is written two ways.
//! Known false positives: events with several agents (two ministers both signing), reported
//! one per article by reports that never name the other.

use super::{finding, first_pairs_by_class, side};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};
use isnad_claims::claims::Role;
use isnad_claims::entities::EntityKey;
use std::collections::BTreeMap;

/// Flags same-day claims of one event with the same theme and different agents.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut by_type: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, view) in context.claims.iter().enumerate() {
        if view.affirmed
            && view.days.is_some()
            && view.agent().is_some()
            && view.claim.properties.single_agent
        {
            by_type.entry(view.claim.event.as_str()).or_default().push(i);
        }
    }
    let others = |v: &ClaimView<'_>| {
        v.actors
            .iter()
            .filter(|(role, _)| *role != Role::Agent)
            .map(|(_, k)| k.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    // Signatories on behalf of two sides ("عن الجانب التونسي" / "عن الجانب التركي") are both
    // right: only agents acting for the same side are rivals.
    let behalf = |v: &ClaimView<'_>| {
        v.claim
            .roles
            .get(&Role::Behalf)
            .map(|f| EntityKey::of(f.entity.as_ref(), &f.text))
    };
    let mut findings = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (event, claims) in by_type {
        // What is judged of a claim: its agent (and whether it resolved), its days, its other
        // participants, its theme and whom it acts for.
        let pairs = first_pairs_by_class(context, claims, |v| {
            Some((
                v.agent().cloned(),
                v.claim.roles[&Role::Agent].entity.is_some(),
                v.days,
                others(v),
                v.theme(),
                behalf(v),
            ))
        });
        for (a, b) in pairs
            .into_iter()
            .map(|(i, j)| (&context.claims[i], &context.claims[j]))
        {
            crate::tally::tally(crate::tally::Work::EventRulePair, 1);
            if a.doc == b.doc || a.agent() == b.agent() {
                continue;
            }
            let (Some((a0, a1)), Some((b0, b1))) = (a.days, b.days) else {
                continue;
            };
            if !(a0 <= b1 && b0 <= a1) {
                continue;
            }
            let same_object = !others(a).is_disjoint(&others(b)) || !a.theme().is_disjoint(b.theme());
            if (behalf(a).is_some() || behalf(b).is_some()) && behalf(a) != behalf(b) {
                continue;
            }
            let kinds_match =
                a.claim.roles[&Role::Agent].entity.is_some() && b.claim.roles[&Role::Agent].entity.is_some();
            if !same_object || !kinds_match {
                continue;
            }
            let key = (
                a.agent().cloned().min(b.agent().cloned()),
                a.agent().cloned().max(b.agent().cloned()),
                event,
            );
            if !seen.insert(key) {
                continue;
            }
            let agent_side = |v: &ClaimView<'_>| {
                let filler = &v.claim.roles[&Role::Agent];
                side(context, v, Some(filler.span), Some(filler.text.clone()))
            };
            let message = format!(
                "{event} by {} in {} but by {} in {}",
                a.claim.roles[&Role::Agent].text,
                context.documents[a.doc].id,
                b.claim.roles[&Role::Agent].text,
                context.documents[b.doc].id
            );
            findings.push(finding(
                FindingKind::ActorMismatch,
                Severity::Contradiction,
                message,
                vec![agent_side(a), agent_side(b)],
            ));
        }
    }
    // Who did what two reports' clauses both say, with no event of the lexicon to join them.
    super::add_participant_findings(
        &mut findings,
        context,
        isnad_claims::facts::ParticipantRole::Actor,
        FindingKind::ActorMismatch,
    );
    findings
}

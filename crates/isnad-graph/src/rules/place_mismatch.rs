//! **place_mismatch** — one event, places that cannot both be right.
//!
//! Why it matters: where something happened decides who is responsible and who is affected;
//! a summit "in Cairo" and "in Alexandria" cannot both be true.
//! Example: «انعقدت القمة في الرياض» versus «القمة التي استضافتها جدة». A place inside another is
//! compatible when the gazetteer knows it (a capital in its country). Places the gazetteer does
//! not know are judged by what their clauses say: «اندلع الحريق قرب قرية A» versus «اندلعت
//! النيران في قرية B» is a tension, unless a report names both places (docs/facts.md, "Who and
//! where").
//! Known false positives: an event that really moved (a visit to several cities), reported one
//! place per article.

use super::{finding, first_pairs_by_class, side};
use crate::events::Event;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;
use isnad_claims::claims::Role;

/// Flags cross-document claims of one event at known places neither of which contains the other.
pub(crate) fn check(context: &Context<'_>, events: &[Event]) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Only events reported by two documents have pairs (most events are one claim's).
    for event in events.iter().filter(|e| super::in_two_documents(context, e)) {
        let mut seen = std::collections::BTreeSet::new();
        // What is judged of a claim: its place (a venue, else a destination), which of the two
        // it is, and whether the gazetteer knows it.
        let pairs = first_pairs_by_class(context, event.members.iter().copied(), |v| {
            let place = v.place.as_ref().filter(|p| context.is_known_place(p))?;
            Some((place, v.claim.roles.contains_key(&Role::Place)))
        });
        for (a, b) in pairs
            .into_iter()
            .map(|(i, j)| (&context.claims[i], &context.claims[j]))
        {
            crate::tally::tally(crate::tally::Work::EventRulePair, 1);
            let (Some(pa), Some(pb)) = (&a.place, &b.place) else {
                continue;
            };
            if !context.is_known_place(pa) || !context.is_known_place(pb) || context.places_compatible(pa, pb)
            {
                continue;
            }
            // Only a visit's destination or an event's venue: both must be the same role.
            let role = |v: &crate::view::ClaimView<'_>| {
                [Role::Place, Role::Destination]
                    .into_iter()
                    .find(|r| v.claim.roles.contains_key(r))
            };
            if role(a) != role(b) || !seen.insert((pa.clone().min(pb.clone()), pa.clone().max(pb.clone()))) {
                continue;
            }
            let place_side = |v: &crate::view::ClaimView<'_>| {
                let filler = role(v).and_then(|r| v.claim.roles.get(&r));
                side(context, v, filler.map(|f| f.span), filler.map(|f| f.text.clone()))
            };
            let message = format!(
                "{} placed at {} in {} but at {} in {}",
                event.event,
                a.claim
                    .roles
                    .get(&role(a).unwrap_or(Role::Place))
                    .map_or("?", |f| f.text.as_str()),
                context.documents[a.doc].id,
                b.claim
                    .roles
                    .get(&role(b).unwrap_or(Role::Place))
                    .map_or("?", |f| f.text.as_str()),
                context.documents[b.doc].id
            );
            findings.push(finding(
                FindingKind::PlaceMismatch,
                Severity::Contradiction,
                message,
                vec![place_side(a), place_side(b)],
            ));
        }
    }
    // Where what two reports' clauses both say, with no event of the lexicon to join them.
    super::add_participant_findings(
        &mut findings,
        context,
        isnad_claims::facts::ParticipantRole::Place,
        FindingKind::PlaceMismatch,
    );
    findings
}

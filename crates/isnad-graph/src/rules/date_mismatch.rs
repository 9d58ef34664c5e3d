//! **date_mismatch** — one event, dates that cannot both be right.
//!
//! Why it matters: the date of an event is the first thing readers check and the easiest to
//! get wrong when copying from agencies in other time zones or misreading a weekday.
//! Example: «عُقدت القمة في 14 آذار 2025» in one article and «القمة التي عقدت يوم 16 مارس» in
//! another, for the same summit of the same leaders.
//! Grains are respected ("June" agrees with "18 June"), relative dates are resolved at each
//! article's own publication date, and Hijri dates carry a day of tolerance each side.
//! Also flagged, compared as facts: two reports that copy one sentence (or a long clause) and
//! change its date («تفوز بجائزة المهرجان 2018» and «… 2020»), and two dates whose clauses align
//! on what is dated, whatever the event («آخر جرد شامل لمحتويات القاعة أجري الشهر الماضي» in a
//! report of 10 March and «… أجري في ديسمبر 2025»). Not those facts: a date of a saying, a date
//! beside a toll, a rate or a sum (it dates the figure), dates over a year apart, or sentences
//! naming two places of one series («جلسة أولى يوم الاثنين» and «جلسة ثانية، الخميس»).
//! Not flagged: the date of an announced update ("ارتفعت الحصيلة اليوم"), which dates the report.
//! Known false positives: two occurrences of a recurring event (a second meeting) less than
//! 45 days apart with nothing in the text that tells them apart.

use super::{finding, first_pairs_by_class, side};
use crate::events::Event;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};
use isnad_claims::mentions::MentionValue;

/// Flags cross-document claims of one event whose stated times cannot overlap.
pub(crate) fn check(context: &Context<'_>, events: &[Event]) -> Vec<Finding> {
    // A bare weekday against a date is the weekday rule's business.
    let is_weekday = |v: &ClaimView<'_>| {
        v.claim
            .time
            .as_ref()
            .is_some_and(|m| matches!(m.value, MentionValue::Weekday(_)))
    };
    let mut findings = Vec::new();
    // Only events reported by two documents have pairs (most events are one claim's).
    for event in events.iter().filter(|e| super::in_two_documents(context, e)) {
        let mut seen = std::collections::BTreeSet::new();
        // The times each document gives the event: a document that gives both times itself is
        // not contradicted by another giving one of them (a copy of it, most often).
        // Times are held as their days, which their text is written from (one text per days).
        let given: rustc_hash::FxHashSet<(usize, Days)> = event
            .members
            .iter()
            .filter_map(|&i| {
                let v = &context.claims[i];
                v.days.map(|t| (v.doc, t))
            })
            .collect();
        let mut gives: rustc_hash::FxHashMap<usize, Vec<Days>> = rustc_hash::FxHashMap::default();
        for &(doc, time) in &given {
            gives.entry(doc).or_default().push(time);
        }
        for times in gives.values_mut() {
            times.sort_unstable();
        }
        // What is judged of a claim: its time, and the times its document gives the event.
        let pairs = first_pairs_by_class(context, event.members.iter().copied(), |v| {
            // "ارتفعت الحصيلة … اليوم" dates the announcement of a new toll, not the event.
            if v.days.is_none() || is_weekday(v) || v.dated_by_report {
                return None;
            }
            Some((v.days?, gives.get(&v.doc).map(Vec::as_slice)))
        });
        for (a, b) in pairs
            .into_iter()
            .map(|(i, j)| (&context.claims[i], &context.claims[j]))
        {
            crate::tally::tally(crate::tally::Work::EventRulePair, 1);
            let (Some((a0, a1)), Some((b0, b1))) = (a.days, b.days) else {
                continue;
            };
            if !(a1 < b0 || b1 < a0) {
                continue;
            }
            if given.contains(&(a.doc, (b0, b1))) || given.contains(&(b.doc, (a0, a1))) {
                continue;
            }
            if is_weekday(a) || is_weekday(b) || a.dated_by_report || b.dated_by_report {
                continue;
            }
            // «جلستها الأولى يوم الأحد» and «جلستها الثانية يوم الأربعاء»: two places of one series
            // in the dates' clauses are two occurrences, for the events as for the facts.
            if let (Some(x), Some(y)) = (date_fact(context, a), date_fact(context, b))
                && context.facts.other_places_in_series(x, y, true).is_some()
            {
                continue;
            }
            let key = (a.days, b.days);
            if !seen.insert(key) {
                continue;
            }
            let time_side =
                |v: &ClaimView<'_>| side(context, v, v.claim.time.as_ref().map(|m| m.span), v.time_text());
            let message = [
                &*event.event,
                " dated ",
                a.time_text().as_deref().unwrap_or("?"),
                " in ",
                &context.documents[a.doc].id,
                " but ",
                b.time_text().as_deref().unwrap_or("?"),
                " in ",
                &context.documents[b.doc].id,
            ]
            .concat();
            findings.push(finding(
                FindingKind::DateMismatch,
                Severity::Contradiction,
                message,
                vec![time_side(a), time_side(b)],
            ));
        }
    }
    // Two reports that copy one sentence and change its date, unless the events already say so
    // (asked of the facts' words before the finding is written: most are said already).
    let views = &context.facts.views;
    let copied: Vec<Finding> = context
        .compared
        .disagreements
        .iter()
        .filter(|d| views[d.sides[0][0]].base_unit == Some("date"))
        .filter(|d| {
            let evidence = d.sides.iter().flatten().map(|&m| {
                let v = &views[m];
                (context.documents[v.doc].id.as_str(), v.fact.span)
            });
            !findings
                .iter()
                .any(|e: &Finding| super::covers_evidence(e, evidence.clone()))
        })
        .map(|d| {
            super::disagreement_finding(
                context,
                FindingKind::DateMismatch,
                Severity::Contradiction,
                &d.sides,
            )
        })
        .collect();
    findings.extend(copied);
    findings
}

/// The date fact read from a claim's stated time, when one was.
fn date_fact<'c>(context: &'c Context<'_>, v: &ClaimView<'_>) -> Option<&'c crate::facts::FactView<'c>> {
    let span = v.claim.time.as_ref()?.span;
    context
        .facts
        .views_of(v.doc)
        .iter()
        .find(|f| f.base_unit == Some("date") && f.fact.span == span)
}

/// The first and last day of a stated time.
type Days = (chrono::NaiveDate, chrono::NaiveDate);

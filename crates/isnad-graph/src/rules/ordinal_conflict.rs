//! **ordinal_conflict** — an ordinal that does not fit the series' timeline.
//!
//! Why it matters: "the first visit", "his second visit" and "for the third time" are facts
//! about history that readers cannot check; they go wrong when an earlier occurrence is
//! forgotten. A series is the claims of one event type with the same participants.
//! Flagged: "first" with a known earlier occurrence; "second" with two or more before it; one
//! event given two different ordinals. Explained (a note with the reason): an ordinal limited by
//! a qualifier («الأولى منذ نحو عقدين») whose window the earlier occurrence lies outside,
//! and a "first" followed by a later occurrence (two events in order, e.g. a first and a second gift).
//! Example: «زيارتها الثانية» versus «زيارتها الأولى منذ عقدين», with «زارت ... للمرة الأولى في مارس 2003».
//! Also flagged: two reports that copy one clause and change its ordinal («ويعد هذا ثاني حادث
//! تتعرض له عبارات الشركة خلال عامين» and «… ثالث حادث …»), and two reports whose clauses align
//! on one place of a series with two ordinals («بعد الجولة الخامسة من محادثات الأجور» and «… الرابعة …»;
//! «أُغلق المتحف للمرة الثانية هذا العام» and «ثالث إغلاق للمتحف هذا العام»), compared as facts: an
//! ordinal counted within a window is compared only with one counted within the same window, and
//! not when either report itself gives both places of the series.
//! Known false positives: series whose participants were read too coarsely (two different
//! ministers of one country).

use super::{finding, side};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::{ClaimView, Context};
use chrono::NaiveDate;

/// Occurrences this close together are one event.
const SAME_OCCURRENCE_DAYS: i64 = crate::events::SAME_EVENT_MAX_GAP_DAYS;
/// A window stated approximately ("نحو عقدين") is met at this share of its length.
const WINDOW_TOLERANCE: f64 = 0.85;

/// When a claim happened: its stated days, else "now" (the story's reference).
fn when(view: &ClaimView<'_>, now: NaiveDate) -> (NaiveDate, NaiveDate) {
    view.days
        .unwrap_or((view.published.unwrap_or(now), view.published.unwrap_or(now)))
}

/// Checks each ordinal against the other claims of its series.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let now = context
        .documents
        .iter()
        .filter_map(|d| d.meta.published)
        .chain(context.claims.iter().filter_map(|c| c.days.map(|d| d.1)))
        .max()
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2100, 1, 1).expect("valid date"));
    // Two reports that copy one sentence and change its ordinal.
    let mut findings: Vec<Finding> = context
        .compared
        .disagreements
        .iter()
        .filter(|d| context.facts.views[d.sides[0][0]].base_unit == Some("ordinal"))
        .map(|d| {
            super::disagreement_finding(
                context,
                FindingKind::OrdinalConflict,
                Severity::Contradiction,
                &d.sides,
            )
        })
        .collect();
    let mut noted_pairs = std::collections::BTreeSet::new();
    for (i, ordinal_claim) in context.claims.iter().enumerate() {
        let Some((value, window)) = ordinal_claim.ordinal else {
            continue;
        };
        if !ordinal_claim.affirmed {
            continue;
        }
        let series: Vec<(usize, &ClaimView<'_>)> = context
            .of_event(&ordinal_claim.claim.event)
            .filter(|(j, other)| {
                *j != i
                    && other.affirmed
                    && other.claim.event == ordinal_claim.claim.event
                    && context.same_participants(ordinal_claim, other)
            })
            .collect();
        if series.is_empty() {
            continue;
        }
        // An ordinal that refers back ("سبق أن قدم ... أول") names an earlier occurrence, not now.
        let (start, _) = when(ordinal_claim, now);
        let current = ordinal_claim.days.is_none() && !ordinal_claim.refers_to_earlier;
        let earlier: Vec<&ClaimView<'_>> = series
            .iter()
            .map(|(_, c)| *c)
            .filter(|c| {
                c.days
                    .is_some_and(|(_, end)| (start - end).num_days() > SAME_OCCURRENCE_DAYS)
            })
            .collect();
        let name = &ordinal_claim.claim.event;
        let ordinal_side = |v: &ClaimView<'_>| {
            let text = v.ordinal.map(|(n, w)| match w {
                Some(years) if years.is_finite() => format!("ordinal {n}, within ~{years:.0} years"),
                Some(_) => format!("ordinal {n}, qualified"),
                None => format!("ordinal {n}"),
            });
            side(context, v, v.claim.ordinal.as_ref().map(|m| m.span), text)
        };
        let time_side = |v: &ClaimView<'_>| {
            side(
                context,
                v,
                v.claim.time.as_ref().map(|m| m.span),
                v.time_text.clone(),
            )
        };
        // Rivals: claims of the same occurrence with a different ordinal.
        let rivals: Vec<&ClaimView<'_>> = series
            .iter()
            .map(|(_, c)| *c)
            .filter(|c| {
                c.ordinal.is_some_and(|(n, _)| n != value)
                    && if current {
                        c.days.is_none() && !c.refers_to_earlier
                    } else {
                        c.days.is_some_and(|d| d.0 <= start && start <= d.1)
                    }
            })
            .collect();
        match window {
            Some(years) => {
                let Some(latest_earlier) = earlier.iter().max_by_key(|c| c.days.map(|d| d.1)) else {
                    continue;
                };
                let (_, end) = latest_earlier.days.expect("earlier claims are dated");
                let gap_years = (start - end).num_days() as f64 / 365.25;
                let qualifier = ordinal_claim
                    .claim
                    .ordinal
                    .as_ref()
                    .and_then(|m| match &m.value {
                        isnad_claims::mentions::MentionValue::Ordinal(o) => {
                            o.qualifier.as_ref().map(|q| q.text.clone())
                        }
                        _ => None,
                    })
                    .unwrap_or_default();
                let mut sides = vec![ordinal_side(ordinal_claim)];
                sides.extend(rivals.iter().map(|r| ordinal_side(r)));
                sides.push(time_side(latest_earlier));
                let earlier_when = latest_earlier.time_text.clone().unwrap_or_default();
                if gap_years >= years * WINDOW_TOLERANCE {
                    let mut note = finding(
                        FindingKind::OrdinalConflict,
                        Severity::Note,
                        format!(
                            "{name}: \"first\" limited by «{qualifier}» while an earlier {name} is reported ({earlier_when})"
                        ),
                        sides,
                    );
                    note.resolution = Some(format!(
                        "qualified ordinal: first {qualifier} (~{years:.0} years); the earlier {name} was {earlier_when}, about {gap_years:.0} years before"
                    ));
                    findings.push(note);
                } else {
                    findings.push(finding(
                        FindingKind::OrdinalConflict,
                        Severity::Contradiction,
                        format!("{name}: first in ~{years:.0} years, but an earlier one is reported {gap_years:.0} years before ({earlier_when})"),
                        sides,
                    ));
                }
            }
            None => {
                // Only an ordinal whose own time is known can be checked against earlier ones.
                let placed = ordinal_claim.days.is_some()
                    || (ordinal_claim.published.is_some() && !ordinal_claim.refers_to_earlier);
                let earlier_occurrences = count_occurrences(&earlier);
                if placed && value as usize <= earlier_occurrences {
                    let mut sides = vec![ordinal_side(ordinal_claim)];
                    sides.extend(earlier.iter().map(|c| time_side(c)));
                    findings.push(finding(
                        FindingKind::OrdinalConflict,
                        Severity::Contradiction,
                        format!("{name}: called number {value} but {earlier_occurrences} earlier one(s) are reported"),
                        sides,
                    ));
                    continue;
                }
                for rival in rivals
                    .iter()
                    .filter(|r| r.ordinal.is_some_and(|(_, w)| w.is_none()))
                {
                    let key = (
                        ordinal_claim.claim.id.clone().min(rival.claim.id.clone()),
                        ordinal_claim.claim.id.clone().max(rival.claim.id.clone()),
                    );
                    if noted_pairs.insert(key) {
                        findings.push(finding(
                            FindingKind::OrdinalConflict,
                            Severity::Contradiction,
                            format!(
                                "{name}: one occurrence called number {value} and number {}",
                                rival.ordinal.map_or(0, |o| o.0)
                            ),
                            vec![ordinal_side(ordinal_claim), ordinal_side(rival)],
                        ));
                    }
                }
                // A first occurrence followed by another: two events in order, worth explaining.
                if value == 1 && (ordinal_claim.refers_to_earlier || ordinal_claim.days.is_some()) {
                    let later: Vec<&ClaimView<'_>> = series
                        .iter()
                        .map(|(_, c)| *c)
                        .filter(|c| {
                            c.ordinal.is_none()
                                && match (c.days, ordinal_claim.days) {
                                    (Some(later), Some(first)) => {
                                        (later.0 - first.1).num_days() > SAME_OCCURRENCE_DAYS
                                    }
                                    (None, _) => !c.refers_to_earlier && c.doc == ordinal_claim.doc,
                                    _ => false,
                                }
                        })
                        .collect();
                    if let Some(first_later) = later.first() {
                        let first_when = ordinal_claim
                            .time_text
                            .clone()
                            .unwrap_or_else(|| "earlier".into());
                        let later_when = first_later
                            .time_text
                            .clone()
                            .unwrap_or_else(|| "the one reported now".into());
                        let mut sides = vec![ordinal_side(ordinal_claim)];
                        sides.extend(later.iter().map(|c| side(context, c, None, c.time_text.clone())));
                        let mut note = finding(
                            FindingKind::OrdinalConflict,
                            Severity::Note,
                            format!("a first {name} and a later {name} with the same participants"),
                            sides,
                        );
                        note.resolution = Some(format!(
                            "two {name} events in order: the first {first_when}, then {later_when}"
                        ));
                        findings.push(note);
                    }
                }
            }
        }
    }
    findings
}

/// Distinct occurrences among dated claims (claims within a few weeks are one occurrence).
fn count_occurrences(claims: &[&ClaimView<'_>]) -> usize {
    let mut ends: Vec<(NaiveDate, NaiveDate)> = claims.iter().filter_map(|c| c.days).collect();
    ends.sort();
    let mut count = 0;
    let mut last: Option<NaiveDate> = None;
    for (start, end) in ends {
        if last.is_none_or(|l| (start - l).num_days() > SAME_OCCURRENCE_DAYS) {
            count += 1;
        }
        last = Some(last.map_or(end, |l| l.max(end)));
    }
    count
}

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
//! not when either report itself gives both places of the series. An ordinal counted since a moment
//! («ثاني سرقة يتعرض لها المتحف منذ افتتاحه») is compared with one since the same moment («منذ
//! الافتتاح») or with one that names none (the moment unsaid), never with one since another («أول
//! سرقة منذ أعمال النهب»).
//! Known false positives: series whose participants were read too coarsely (two different
//! ministers of one country).

use super::{finding, side};
use crate::finding::{Finding, FindingKind, Severity, Side};
use crate::view::{ClaimView, Context};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

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
    // Ordinal claims that are the same but for their document (copies of one text: the same
    // words, ordinal, time and participants) are judged once, as a class, and their finding
    // cites every copy: n copies cost one look at the series, not n.
    let mut classes: Vec<Vec<usize>> = Vec::new();
    let mut class_of: FxHashMap<ClassKey<'_>, usize> = FxHashMap::default();
    for (i, view) in context.claims.iter().enumerate() {
        if view.ordinal().is_none() || !view.affirmed {
            continue;
        }
        let next = classes.len();
        let at = *class_of.entry(ClassKey::of(view)).or_insert(next);
        if at == next {
            classes.push(Vec::new());
        }
        classes[at].push(i);
    }
    // Classes called by two numbers, each pair once.
    let mut noted_pairs = std::collections::BTreeSet::new();
    for (this, members) in classes.iter().enumerate() {
        let i = members[0];
        let ordinal_claim = &context.claims[i];
        let Some((value, window)) = ordinal_claim.ordinal() else {
            continue;
        };
        let matching: Vec<(usize, &ClaimView<'_>)> = context
            .of_event(&ordinal_claim.claim.event)
            .filter(|(_, other)| other.affirmed && context.same_participants(ordinal_claim, other))
            .collect();
        // A claim is not in its own series; a copy of it is.
        let series: Vec<(usize, &ClaimView<'_>)> = matching
            .iter()
            .copied()
            .filter(|&(j, _)| members.len() > 1 || j != i)
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
            let text = v.ordinal().map(|(n, w)| match w {
                Some(years) if years.is_finite() => format!("ordinal {n}, within ~{years:.0} years"),
                Some(_) => format!("ordinal {n}, qualified"),
                None => format!("ordinal {n}"),
            });
            side(context, v, v.claim.ordinal.as_ref().map(|m| m.span), text)
        };
        // The class's first claim, then the sides the judgement cites, then every copy.
        let class_sides = |sides: Vec<Side>| {
            let mut all = vec![ordinal_side(ordinal_claim)];
            all.extend(sides);
            all.extend(members[1..].iter().map(|&m| ordinal_side(&context.claims[m])));
            all
        };
        let time_side =
            |v: &ClaimView<'_>| side(context, v, v.claim.time.as_ref().map(|m| m.span), v.time_text());
        // Rivals: claims of the same occurrence with a different ordinal.
        let rivals: Vec<(usize, &ClaimView<'_>)> = series
            .iter()
            .copied()
            .filter(|(_, c)| {
                c.ordinal().is_some_and(|(n, _)| n != value)
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
                let mut sides: Vec<Side> = rivals.iter().map(|(_, r)| ordinal_side(r)).collect();
                sides.push(time_side(latest_earlier));
                let sides = class_sides(sides);
                let earlier_when = latest_earlier.time_text().unwrap_or_default();
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
                    let sides = class_sides(earlier.iter().map(|c| time_side(c)).collect());
                    findings.push(finding(
                        FindingKind::OrdinalConflict,
                        Severity::Contradiction,
                        format!("{name}: called number {value} but {earlier_occurrences} earlier one(s) are reported"),
                        sides,
                    ));
                    continue;
                }
                // One finding per rival class, citing every copy of both.
                let mut rival_classes: Vec<usize> = rivals
                    .iter()
                    .filter(|(_, r)| r.ordinal().is_some_and(|(_, w)| w.is_none()))
                    .filter_map(|(_, r)| class_of.get(&ClassKey::of(r)).copied())
                    .collect();
                let mut seen_rivals = rustc_hash::FxHashSet::default();
                rival_classes.retain(|c| seen_rivals.insert(*c));
                for other in rival_classes {
                    if !noted_pairs.insert((this.min(other), this.max(other))) {
                        continue;
                    }
                    let rival = &context.claims[classes[other][0]];
                    let mut sides = vec![ordinal_side(rival)];
                    sides.extend(
                        classes[other][1..]
                            .iter()
                            .map(|&m| ordinal_side(&context.claims[m])),
                    );
                    findings.push(finding(
                        FindingKind::OrdinalConflict,
                        Severity::Contradiction,
                        format!(
                            "{name}: one occurrence called number {value} and number {}",
                            rival.ordinal().map_or(0, |o| o.0)
                        ),
                        class_sides(sides),
                    ));
                }
                // A first occurrence followed by another: two events in order, worth explaining.
                if value == 1 && (ordinal_claim.refers_to_earlier || ordinal_claim.days.is_some()) {
                    // Later claims that are dated are the class's; undated ones, each copy's own.
                    let is_later = |c: &ClaimView<'_>, doc: usize| {
                        c.ordinal().is_none()
                            && match (c.days, ordinal_claim.days) {
                                (Some(later), Some(first)) => {
                                    (later.0 - first.1).num_days() > SAME_OCCURRENCE_DAYS
                                }
                                (None, _) => !c.refers_to_earlier && c.doc == doc,
                                _ => false,
                            }
                    };
                    let later: Vec<&ClaimView<'_>> = series
                        .iter()
                        .map(|(_, c)| *c)
                        .filter(|c| is_later(c, ordinal_claim.doc))
                        .collect();
                    if let Some(first_later) = later.first() {
                        let first_when = ordinal_claim.time_text().unwrap_or_else(|| "earlier".into());
                        let later_when = first_later
                            .time_text()
                            .unwrap_or_else(|| "the one reported now".into());
                        let mut sides = vec![ordinal_side(ordinal_claim)];
                        sides.extend(later.iter().map(|c| side(context, c, None, c.time_text())));
                        sides.extend(members[1..].iter().map(|&m| ordinal_side(&context.claims[m])));
                        // Each other copy's own undated later claims, each document once: its
                        // series are the class's (the same participants), read in that document.
                        let mut docs: Vec<usize> = members[1..]
                            .iter()
                            .map(|&m| context.claims[m].doc)
                            .filter(|&d| d != ordinal_claim.doc)
                            .collect();
                        docs.dedup();
                        let mut seen_docs = rustc_hash::FxHashSet::default();
                        docs.retain(|d| seen_docs.insert(*d));
                        let mut undated: FxHashMap<usize, Vec<&ClaimView<'_>>> = FxHashMap::default();
                        if !docs.is_empty() {
                            for (_, c) in &series {
                                if c.days.is_none() && seen_docs.contains(&c.doc) && is_later(c, c.doc) {
                                    undated.entry(c.doc).or_default().push(c);
                                }
                            }
                        }
                        for doc in docs {
                            sides.extend(
                                undated
                                    .get(&doc)
                                    .into_iter()
                                    .flatten()
                                    .map(|c| side(context, c, None, c.time_text())),
                            );
                        }
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

/// What judging an ordinal claim reads of it, its document aside: its words, event, ordinal,
/// times and participants. Claims with one key are copies of one text, judged once.
#[derive(PartialEq, Eq, Hash)]
struct ClassKey<'a> {
    text: &'a str,
    ordinal_text: Option<&'a str>,
    event: &'a str,
    ordinal: Option<(u32, Option<u64>)>,
    days: Option<(NaiveDate, NaiveDate)>,
    published: Option<NaiveDate>,
    refers_to_earlier: bool,
    actors: &'a [(isnad_claims::claims::Role, isnad_claims::entities::EntityKey)],
    agent: Option<&'a isnad_claims::entities::EntityKey>,
}

impl<'a> ClassKey<'a> {
    fn of(view: &'a ClaimView<'_>) -> ClassKey<'a> {
        ClassKey {
            text: &view.claim.text,
            ordinal_text: view.claim.ordinal.as_ref().map(|m| &*m.text),
            event: &view.claim.event,
            ordinal: view.ordinal().map(|(n, w)| (n, w.map(f64::to_bits))),
            days: view.days,
            published: view.published,
            refers_to_earlier: view.refers_to_earlier,
            actors: &view.actors,
            agent: view.agent(),
        }
    }
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

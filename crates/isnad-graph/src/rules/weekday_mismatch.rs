//! **weekday_mismatch** — a weekday that is not the weekday of the date it names, or of the
//! date another article gives the same event.
//!
//! Why it matters: "الثلاثاء 20 فبراير" is checkable arithmetic; when the weekday and the date
//! disagree, one of them is wrong, and editors often fix only one when updating a story.
//! Example: «يوم الأربعاء 20 فبراير 2024» (20 February 2024 was a Tuesday); or «وصل الوفد يوم
//! الخميس» while another article dates the arrival «15 آذار 2025», a Saturday.
//! The other article's date may be explicit or relative to its own publication date; a relative
//! day with a weekday («اليوم الأربعاء» in a report of a Thursday) is checked against the report's date.
//! Known false positives: a weekday that belongs to a different clause than the date next to it.

use super::{finding, side, text_side};
use crate::events::Event;
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;
use chrono::Datelike;
use isnad_claims::mentions::{MentionValue, weekday_name};

/// Flags dates whose stated weekday is wrong, and weekdays contradicting an event's date.
pub(crate) fn check(context: &Context<'_>, events: &[Event]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (doc, analysis) in context.analyses.iter().enumerate() {
        for mention in &analysis.mentions {
            // A relative day with its weekday ("أمس الثلاثاء") is resolved at the report's date:
            // a report of a Thursday that says "اليوم الأربعاء" has one of them wrong.
            let (MentionValue::Date(value) | MentionValue::Relative(value)) = &mention.value else {
                continue;
            };
            let (Some(weekday), Some(start), Some(end)) = (value.weekday, value.start, value.end) else {
                continue;
            };
            if start.date() != end.date() || start.weekday() == weekday {
                continue;
            }
            let actual = weekday_name(start.weekday());
            let message = format!(
                "{} names {} but {} was a {actual}",
                mention.text,
                weekday_name(weekday),
                start.date()
            );
            let value = Some(format!("{} ≠ {} ({actual})", weekday_name(weekday), start.date()));
            findings.push(finding(
                FindingKind::WeekdayMismatch,
                Severity::Contradiction,
                message,
                vec![text_side(context, doc, mention.span, value)],
            ));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for event in events {
        for &i in &event.members {
            let a = &context.claims[i];
            let Some(MentionValue::Weekday(named)) = a.claim.time.as_ref().map(|m| &m.value) else {
                continue;
            };
            let Some(weekday) = named.weekday else { continue };
            for &j in &event.members {
                let b = &context.claims[j];
                // A toll update's "اليوم" dates the report, not the event.
                if b.claim.time_basis != isnad_claims::claims::TimeBasis::Stated
                    || a.announces_rise
                    || b.announces_rise
                {
                    continue;
                }
                let (Some(ta), Some(tb)) = (&a.claim.time, &b.claim.time) else {
                    continue;
                };
                if !seen.insert((a.doc, ta.span, b.doc, tb.span)) {
                    continue;
                }
                // An explicit date, or a relative one resolved at its own article's date ("اليوم").
                let date = match b.claim.time.as_ref().map(|m| &m.value) {
                    Some(MentionValue::Date(date) | MentionValue::Relative(date)) => date,
                    _ => continue,
                };
                let (Some(start), Some(end)) = (date.start, date.end) else {
                    continue;
                };
                if start.date() != end.date() || start.weekday() == weekday {
                    continue;
                }
                // Only a weekday meant for that date: resolved within a week of it.
                let near = named
                    .start
                    .is_some_and(|w| (w.date() - start.date()).num_days().abs() <= 7);
                if !near {
                    continue;
                }
                let message = format!(
                    "{} is said to be on a {} in {}, but {} (its date in {}) was a {}",
                    event.event,
                    weekday_name(weekday),
                    context.documents[a.doc].id,
                    start.date(),
                    context.documents[b.doc].id,
                    weekday_name(start.weekday())
                );
                let sides = vec![
                    side(
                        context,
                        a,
                        a.claim.time.as_ref().map(|m| m.span),
                        Some(weekday_name(weekday).to_string()),
                    ),
                    side(
                        context,
                        b,
                        b.claim.time.as_ref().map(|m| m.span),
                        Some(format!("{} ({})", start.date(), weekday_name(start.weekday()))),
                    ),
                ];
                findings.push(finding(
                    FindingKind::WeekdayMismatch,
                    Severity::Contradiction,
                    message,
                    sides,
                ));
            }
        }
    }
    findings
}

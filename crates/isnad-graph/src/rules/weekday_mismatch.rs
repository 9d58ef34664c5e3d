//! **weekday_mismatch** — a weekday that is not the weekday of the date it names, or of the
//! date another article gives the same event.
//!
//! Why it matters: "الثلاثاء 20 فبراير" is checkable arithmetic; when the weekday and the date
//! disagree, one of them is wrong, and editors often fix only one when updating a story.
//! Example: «يوم الأربعاء 20 فبراير 2024» (20 February 2024 was a Tuesday); or «وصل الوفد يوم
//! الخميس» while another article dates the arrival «15 آذار 2025», a Saturday.
//! A wrong weekday cites the other reports that give that date its right weekday («صباح اليوم
//! الأحد» in a report of Sunday 7 March against «فجر الاثنين 7 آذار»).
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
    // Days named with their right weekday, by date: the reports that say which day it was.
    let mut named_right: rustc_hash::FxHashMap<chrono::NaiveDate, Vec<(usize, isnad_parser::Span)>> =
        rustc_hash::FxHashMap::default();
    for (doc, analysis) in context.analyses.iter().enumerate() {
        for mention in &analysis.mentions {
            if let MentionValue::Date(value) | MentionValue::Relative(value) = &mention.value
                && let (Some(weekday), Some(start), Some(end)) = (value.weekday, value.start, value.end)
                && start.date() == end.date()
                && start.weekday() == weekday
            {
                let said = named_right.entry(start.date()).or_default();
                if !said.iter().any(|&(d, _)| d == doc) {
                    said.push((doc, mention.span));
                }
            }
        }
    }
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
            // The day as chrono writes it, without its formatter.
            let date = crate::facts::day_text(start.date());
            let named = weekday_name(weekday);
            let message = [
                &*mention.text,
                " names ",
                named,
                " but ",
                &date,
                " was a ",
                actual,
            ]
            .concat();
            let value = Some([named, " ≠ ", &date, " (", actual, ")"].concat());
            let mut sides = vec![text_side(context, doc, mention.span, value)];
            // Other reports that give the day its right weekday say which of the two is wrong.
            let right = Some([&date, " (", actual, ")"].concat());
            sides.extend(
                named_right
                    .get(&start.date())
                    .into_iter()
                    .flatten()
                    .filter(|&&(other, _)| other != doc)
                    .map(|&(other, span)| text_side(context, other, span, right.clone())),
            );
            findings.push(finding(
                FindingKind::WeekdayMismatch,
                Severity::Contradiction,
                message,
                sides,
            ));
        }
    }
    // Within an event, weekday claims and dated claims are taken in classes: claims whose time
    // reads the same in the same words (copies of one text) are judged once, and the finding
    // cites every copy, so n copies cost one judgement, not n × n.
    let mut seen = std::collections::HashSet::new();
    // A weekday and a date take two claims (most events are one claim's). A source speaks on
    // many days: sayings merged by their speaker are no one occurrence to date.
    for event in events
        .iter()
        .filter(|e| e.members.len() > 1)
        .filter(|e| !context.claims[e.members[0]].claim.properties.speech)
    {
        let mut named_classes: Classes<'_, (&str, chrono::Weekday, Option<chrono::NaiveDateTime>)> =
            Classes::default();
        let mut dated_classes: Classes<'_, (&str, chrono::NaiveDateTime, chrono::NaiveDateTime)> =
            Classes::default();
        for &i in &event.members {
            let v = &context.claims[i];
            let Some(time) = v.claim.time.as_ref() else {
                continue;
            };
            match &time.value {
                MentionValue::Weekday(named) if !v.dated_by_report => {
                    if let Some(weekday) = named.weekday {
                        named_classes.add((&*time.text, weekday, named.start), v);
                    }
                }
                // A toll update's "اليوم" dates the report, not the event.
                // An explicit date, or a relative one resolved at its own article's date ("اليوم").
                MentionValue::Date(date) | MentionValue::Relative(date)
                    if v.claim.time_basis == isnad_claims::claims::TimeBasis::Stated
                        && !v.dated_by_report =>
                {
                    if let (Some(start), Some(end)) = (date.start, date.end) {
                        dated_classes.add((&*time.text, start, end), v);
                    }
                }
                _ => {}
            }
        }
        for ((_, weekday, named_start), said) in &named_classes.classes {
            let a = said[0];
            for ((_, start, end), dated) in &dated_classes.classes {
                let b = dated[0];
                let (Some(ta), Some(tb)) = (&a.claim.time, &b.claim.time) else {
                    continue;
                };
                if !seen.insert((a.doc, ta.span, b.doc, tb.span)) {
                    continue;
                }
                if start.date() != end.date() || start.weekday() == *weekday {
                    continue;
                }
                // One writer who says "last Sunday" and "yesterday, Friday" from one date knows
                // which day was which: two times of one report are two occurrences.
                if a.doc == b.doc && matches!(tb.value, MentionValue::Relative(_)) {
                    continue;
                }
                // Only a weekday meant for that date: resolved within a week of it.
                let near = named_start.is_some_and(|w| (w.date() - start.date()).num_days().abs() <= 7);
                if !near {
                    continue;
                }
                let docs = |claims: &[&crate::view::ClaimView<'_>]| {
                    let mut ids: Vec<&str> = Vec::new();
                    for c in claims {
                        let id = context.documents[c.doc].id.as_str();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    ids.join(", ")
                };
                // The day as chrono writes it, without its formatter.
                let date = crate::facts::day_text(start.date());
                let message = [
                    &*event.event,
                    " is said to be on a ",
                    weekday_name(*weekday),
                    " in ",
                    &docs(said),
                    ", but ",
                    &date,
                    " (its date in ",
                    &docs(dated),
                    ") was a ",
                    weekday_name(start.weekday()),
                ]
                .concat();
                let said_side = |v: &crate::view::ClaimView<'_>| {
                    side(
                        context,
                        v,
                        v.claim.time.as_ref().map(|m| m.span),
                        Some(weekday_name(*weekday).to_string()),
                    )
                };
                let dated_side = |v: &crate::view::ClaimView<'_>| {
                    side(
                        context,
                        v,
                        v.claim.time.as_ref().map(|m| m.span),
                        Some([&date, " (", weekday_name(start.weekday()), ")"].concat()),
                    )
                };
                let mut sides = vec![said_side(a), dated_side(b)];
                sides.extend(said[1..].iter().map(|v| said_side(v)));
                sides.extend(dated[1..].iter().map(|v| dated_side(v)));
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

/// Claims of one event in classes by a key, in order of first appearance, each time mention once
/// (two claims of one clause share it).
struct Classes<'c, K> {
    classes: Vec<(K, Vec<&'c crate::view::ClaimView<'c>>)>,
    at: rustc_hash::FxHashMap<K, usize>,
    mentions: std::collections::HashSet<(usize, isnad_parser::Span)>,
}

impl<K> Default for Classes<'_, K> {
    fn default() -> Self {
        Classes {
            classes: Vec::new(),
            at: rustc_hash::FxHashMap::default(),
            mentions: std::collections::HashSet::new(),
        }
    }
}

impl<'c, K: std::hash::Hash + Eq + Clone> Classes<'c, K> {
    fn add(&mut self, key: K, view: &'c crate::view::ClaimView<'c>) {
        let span = view.claim.time.as_ref().map_or(view.claim.span, |m| m.span);
        if !self.mentions.insert((view.doc, span)) {
            return;
        }
        match self.at.get(&key) {
            Some(&n) => self.classes[n].1.push(view),
            None => {
                self.at.insert(key.clone(), self.classes.len());
                self.classes.push((key, vec![view]));
            }
        }
    }
}

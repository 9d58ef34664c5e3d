//! **frame_date** (reported as `date_mismatch`, severity note) — an article's date line prints a
//! Hijri date and a Gregorian day that are not the same day.
//!
//! Why it matters: Gulf outlets print both dates («الجمعة 15 شعبان 1446 هـ - الموافق 14 فبراير
//! 2025 م»); when a template carries yesterday's Hijri date, readers and archives get two dates
//! for one article. The Gregorian day is taken as the publication date; the Hijri one is read in
//! the Umm al-Qura calendar and checked against it.
//! Example: «الأحد 5 رجب 1447 هـ - الموافق 30 نوفمبر 2025 م» (5 Rajab 1447 is 25 December 2025).
//! Known false positives: none beyond a day: calendars fixed by sighting differ from Umm al-Qura
//! by a day, which is tolerated.

use super::{finding, text_side};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;

/// Notes every Hijri date of a frame that disagrees with the Gregorian day beside it.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (doc, document) in context.documents.iter().enumerate() {
        for d in &document.meta.date_disagreements {
            let message = format!(
                "{}: the date line's Hijri date {} is {} but its Gregorian date is {}",
                document.id,
                document.text(d.hijri_span),
                d.hijri_as_gregorian,
                d.gregorian
            );
            let sides = vec![
                text_side(context, doc, d.hijri_span, Some(d.hijri_as_gregorian.to_string())),
                text_side(context, doc, d.gregorian_span, Some(d.gregorian.to_string())),
            ];
            findings.push(finding(FindingKind::DateMismatch, Severity::Note, message, sides));
        }
    }
    findings
}

//! The date of a frame line of parts split by bars ("وكالة X | اقتصاد | 05-10-2026 14:20").

use crate::{DateDisagreement, Span};
use chrono::NaiveDate;

/// Most words of a part of a frame line read as its date ("الأحد 4 أيار/مايو 2025 - 10:15").
const DATE_PART_WORDS: usize = 7;

/// The date of a frame line of parts split by bars ("وكالة X | اقتصاد | 05-10-2026 14:20",
/// "وكالة X | الأحد 8 محرم 1449 هـ الموافق 13 يونيو 2027 م | تعليم"): a part after the first that
/// is a date, with a Hijri date and its Gregorian day or with a time, and little else.
pub(crate) fn date_part(source: &str, line: Span) -> Option<(NaiveDate, Option<DateDisagreement>)> {
    let text = &source[line.range()];
    if !text.contains('|') {
        return None;
    }
    let words = crate::frame::frame_words();
    let mut start = line.start;
    let mut parts = Vec::new();
    for part in text.split('|') {
        parts.push(crate::parse::trim(source, Span::new(start, start + part.len())));
        start += part.len() + 1;
    }
    // The first part names the outlet (or is a date line of its own, read before this).
    parts.iter().skip(1).find_map(|&part| {
        let part_words = source[part.range()].split_whitespace().count();
        if part_words <= words.dual_max_words
            && let Some(dual) = crate::dateline::dual_date(source, part, 6)
            && let Some(read) = crate::parse::read_dual(dual)
        {
            return Some(read);
        }
        (part_words <= DATE_PART_WORDS)
            .then(|| crate::dateline::first_date(source, part, 2))
            .flatten()
            .map(|f| (f.date, None))
    })
}

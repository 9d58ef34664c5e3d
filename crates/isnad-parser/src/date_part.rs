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
        parts.push(trim(source, Span::new(start, start + part.len())));
        start += part.len() + 1;
    }
    // The first part names the outlet (or is a date line of its own, read before this).
    parts.iter().skip(1).find_map(|&part| {
        let part_words = source[part.range()].split_whitespace().count();
        if part_words <= words.dual_max_words
            && let Some(dual) = crate::dateline::dual_date(source, part, 6)
            && let Some(read) = read_dual(dual)
        {
            return Some(read);
        }
        (part_words <= DATE_PART_WORDS)
            .then(|| crate::dateline::first_date(source, part, 2))
            .flatten()
            .map(|f| (f.date, None))
    })
}

/// The publication date of a Hijri/Gregorian pair: the Gregorian day when printed (the Hijri one
/// checked against it), else the Hijri day converted.
pub(crate) fn read_dual(dual: crate::dateline::DualDate) -> Option<(NaiveDate, Option<DateDisagreement>)> {
    let hijri = dual.hijri?;
    let converted = crate::calendar::hijri_to_gregorian(hijri.year, hijri.month, hijri.day);
    let Some(gregorian) = dual.gregorian else {
        return converted.map(|d| (d, None));
    };
    let tolerance = crate::frame::frame_words().tolerance_days;
    let disagreement = converted
        .filter(|c| (*c - gregorian.date).num_days().abs() > tolerance)
        .map(|c| DateDisagreement {
            hijri_span: hijri.span,
            hijri_as_gregorian: c,
            gregorian_span: gregorian.span,
            gregorian: gregorian.date,
        });
    Some((gregorian.date, disagreement))
}

/// `span` without surrounding whitespace and invisible characters.
pub(crate) fn trim(source: &str, span: Span) -> Span {
    let text = &source[span.range()];
    let blank = |c: char| c.is_whitespace() || crate::is_ignorable(c);
    let start = text.len() - text.trim_start_matches(blank).len();
    let end = text.trim_end_matches(blank).len();
    if start >= end {
        Span::new(span.start, span.start)
    } else {
        Span::new(span.start + start, span.start + end)
    }
}

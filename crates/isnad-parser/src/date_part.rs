//! The date of a frame line of parts ("وكالة X | اقتصاد | 05-10-2026 14:20").

use crate::{DateDisagreement, Span};
use chrono::NaiveDate;

/// Most words of a part of a line of parts split by dashes.
const DASHED_PART_WORDS: usize = 7;
/// Most words of a line of parts split by dashes.
const DASHED_LINE_WORDS: usize = 12;
/// Most words of a part of a frame line read as its date ("الأحد 4 أيار/مايو 2025 - 10:15").
const DATE_PART_WORDS: usize = 7;

/// The date of a frame line of parts split by bars ("وكالة X | اقتصاد | 05-10-2026 14:20",
/// "وكالة X | الأحد 8 محرم 1449 هـ الموافق 13 يونيو 2027 م | تعليم") or, with `dashes`, in a
/// short line by spaced dashes ("صوت X – الأحد 4 مايو 2025"): a part after the first that is a date, with a
/// Hijri date and its Gregorian day or with a time, and little else.
pub(crate) fn date_part(
    source: &str,
    line: Span,
    dashes: bool,
) -> Option<(NaiveDate, Option<DateDisagreement>)> {
    let parts = parts(source, line, dashes);
    // The first part names the outlet (or is a date line of its own, read before this).
    parts.iter().skip(1).find_map(|&part| part_date(source, part))
}

/// The date of one part of a frame line: a Hijri date with its Gregorian day, a date with
/// little else, or a publication line's date ("آخر تحديث: السبت 4 مايو 2025").
pub(crate) fn part_date(source: &str, part: Span) -> Option<(NaiveDate, Option<DateDisagreement>)> {
    let words = crate::frame::frame_words();
    let part_words = source[part.range()].split_whitespace().count();
    if part_words <= words.dual_max_words
        && let Some(dual) = crate::dateline::dual_date(source, part, 6)
        && let Some(read) = read_dual(dual)
    {
        return Some(read);
    }
    if part_words > DATE_PART_WORDS {
        return None;
    }
    let line = crate::boilerplate::Line::new(&source[part.range()]);
    let lead = match crate::boilerplate::judge(&line) {
        crate::boilerplate::Verdict::PublicationLine => DATE_PART_WORDS,
        _ => 2,
    };
    crate::dateline::first_date(source, part, lead).map(|f| (f.date, None))
}

/// The parts of a frame line, trimmed: split by bars, or, when `dashes` (a line above the
/// headline: under it, "المدينة – 4 مايو 2025" is a dateline), in a short line without bars whose
/// parts are all short, by spaced dashes ("صوت الوادي – الأحد 4 مايو 2025"). A line with neither
/// is one part.
pub(crate) fn parts(source: &str, line: Span, dashes: bool) -> Vec<Span> {
    let text = &source[line.range()];
    let mut parts = Vec::new();
    if text.contains('|') {
        let mut start = line.start;
        for part in text.split('|') {
            parts.push(trim(source, Span::new(start, start + part.len())));
            start += part.len() + 1;
        }
        return parts;
    }
    let words = text.split_whitespace().count();
    if dashes && words <= DASHED_LINE_WORDS {
        let mut start = 0;
        let mut cuts = Vec::new();
        for (at, sep) in text.match_indices([' ']) {
            let rest = &text[at + sep.len()..];
            let Some(dash) = rest.chars().next().filter(|c| matches!(c, '-' | '–' | '—')) else {
                continue;
            };
            // A spaced dash: " – " (a hyphen inside a word or a date is no separator).
            if rest[dash.len_utf8()..].starts_with(' ') {
                cuts.push((start, at));
                start = at + sep.len() + dash.len_utf8();
            }
        }
        cuts.push((start, text.len()));
        if cuts.len() > 1 {
            let spans: Vec<Span> = cuts
                .into_iter()
                .map(|(a, b)| trim(source, Span::new(line.start + a, line.start + b)))
                .collect();
            let short = spans.iter().all(|s| {
                let n = source[s.range()].split_whitespace().count();
                (1..=DASHED_PART_WORDS).contains(&n)
            });
            if short {
                return spans;
            }
        }
    }
    vec![line]
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

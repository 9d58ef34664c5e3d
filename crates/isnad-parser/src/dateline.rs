//! Publication dates written in the article: datelines ("القاهرة - 14 مارس 2024 –") and
//! publication lines ("نُشر في …", "آخر تحديث: 17/11/2024 - 12:45"), in any month-name family,
//! with Western, Eastern Arabic or Persian digits.

use crate::Span;
use crate::calendar::{Calendar, calendar_names};
use crate::normalize::{Fold, Normalized};
use chrono::NaiveDate;

/// A Gregorian date read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// The date.
    pub date: NaiveDate,
    /// Original bytes of the date expression.
    pub span: Span,
}

/// A word of normalized text: its normalized byte range and text.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// Characters that separate words in a dateline besides whitespace.
fn is_separator(ch: char) -> bool {
    ch.is_whitespace()
        || matches!(
            ch,
            ',' | '،' | '(' | ')' | '–' | '—' | '|' | ':' | '؛' | '«' | '»' | '"'
        )
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        if is_separator(ch) {
            if let Some(s) = start.take() {
                out.push(Word {
                    start: s,
                    end: i,
                    text: &text[s..i],
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

/// The first Gregorian date in `source[span]` whose first word is among the first `max_words`.
pub(crate) fn first_date(source: &str, span: Span, max_words: usize) -> Option<FoundDate> {
    let normalized = Normalized::of(source, span, Fold::Key);
    let words = words(&normalized.text);
    for i in 0..words.len().min(max_words) {
        if let Some((date, last)) = numeric_date(words[i].text)
            .map(|d| (d, i))
            .or_else(|| named_date(&words, i))
        {
            let span = normalized.original_span(words[i].start, words[last].end);
            return Some(FoundDate { date, span });
        }
    }
    None
}

/// 15/3/2024, 15-03-2024, 15.3.2024 and 2024-03-15 (a trailing م is allowed).
fn numeric_date(word: &str) -> Option<NaiveDate> {
    let word = word.trim_end_matches('م');
    let parts: Vec<&str> = word.split(['/', '-', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| p.parse().ok()).collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2])
    } else if parts[2].len() == 4 {
        NaiveDate::from_ymd_opt(n[2] as i32, n[1], n[0])
    } else {
        None
    }
}

/// "14 مارس 2024", "12 يونيو/حزيران 2024", "5 كانون الثاني 2024م" starting at word `i`;
/// returns the date and the index of its last word.
fn named_date(words: &[Word<'_>], i: usize) -> Option<(NaiveDate, usize)> {
    let day: u32 = day_number(words[i].text)?;
    let (month, mut next) = month_at(words, i + 1)?;
    // A paired name ("يونيو/حزيران" split into words, or "(حزيران)") names the same month.
    if let Some(word) = words.get(next)
        && let Some(rest) = word.text.strip_prefix('/')
    {
        next = if rest.is_empty() {
            month_at(words, next + 1).map_or(next + 1, |(_, n)| n)
        } else {
            next + 1
        };
    } else if let Some((paired, after)) = month_at(words, next)
        && paired == month
    {
        next = after;
    }
    let year_word = words.get(next)?.text.trim_end_matches('م');
    let year: i32 = if year_word.len() == 4 && year_word.bytes().all(|b| b.is_ascii_digit()) {
        year_word.parse().ok()?
    } else {
        return None;
    };
    Some((NaiveDate::from_ymd_opt(year, month, day)?, next))
}

fn day_number(word: &str) -> Option<u32> {
    (word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A Gregorian month name (one or two words, "يونيو/حزيران" as one word) at word `i`; returns
/// the month and the index after it.
fn month_at(words: &[Word<'_>], i: usize) -> Option<(u32, usize)> {
    let names = calendar_names();
    let gregorian = |key: &str| {
        names
            .month(key)
            .filter(|m| m.calendar == Calendar::Gregorian)
            .map(|m| m.month)
    };
    if let (Some(a), Some(b)) = (words.get(i), words.get(i + 1))
        && let Some(month) = gregorian(&format!("{} {}", a.text, b.text))
    {
        return Some((month, i + 2));
    }
    let word = words.get(i)?.text;
    let first = word.split('/').next().unwrap_or(word);
    gregorian(first).map(|m| (m, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(&str, &str)>) {
        let found = first_date(text, Span::new(0, text.len()), 12);
        let got = found.map(|f| (f.date.to_string(), &text[f.span.range()]));
        assert_eq!(got.as_ref().map(|(d, t)| (d.as_str(), *t)), expected, "in {text}");
    }

    #[test]
    fn reads_dates_of_every_family_and_digit_set() {
        check(
            "بوابة اوكرانيا كييف 20 فبراير 2024 – أهدى",
            Some(("2024-02-20", "20 فبراير 2024")),
        );
        check("القاهرة - 14 مارس 2024", Some(("2024-03-14", "14 مارس 2024")));
        check("دمشق - ٣ آذار ٢٠٢٤ -", Some(("2024-03-03", "٣ آذار ٢٠٢٤")));
        check(
            "بغداد 5 كانون الثاني 2024م:",
            Some(("2024-01-05", "5 كانون الثاني 2024م")),
        );
        check("الرباط - 7 شتنبر 2023", Some(("2023-09-07", "7 شتنبر 2023")));
        check("تونس 12 جوان 2022", Some(("2022-06-12", "12 جوان 2022")));
        check(
            "سيول 12 يونيو/حزيران 2024",
            Some(("2024-06-12", "12 يونيو/حزيران 2024")),
        );
        check(
            "آخر تحديث: 17/11/2024 - 12:45",
            Some(("2024-11-17", "17/11/2024")),
        );
        check("نشر في 2024-03-15", Some(("2024-03-15", "2024-03-15")));
    }

    #[test]
    fn ignores_non_dates() {
        check("وصل 20 شخصا في 2024", None);
        check("31 فبراير 2024", None);
        check("فتح الباب 3 مرات", None);
    }
}

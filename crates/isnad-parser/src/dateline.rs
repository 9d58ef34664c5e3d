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
pub(crate) struct Word<'a> {
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

/// "14 مارس 2024", "12 يونيو/حزيران 2024", "17 تشرين الثاني/نوفمبر 2025", "5 كانون الثاني 2024م"
/// starting at word `i`; returns the date and the index of its last word.
fn named_date(words: &[Word<'_>], i: usize) -> Option<(NaiveDate, usize)> {
    let day: u32 = day_number(words[i].text)?;
    let (month, next) = month_at(words, i + 1)?;
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

/// A month name of `calendar` at word `i`, with the name of another family paired with it by a
/// slash in either order ("أكتوبر/تشرين الأول", "تشرين الأول/أكتوبر", "آب / أغسطس") or in
/// parentheses; returns the month and the index of the word after it.
fn month_at_in(words: &[Word<'_>], i: usize, calendar: Calendar) -> Option<(u32, usize)> {
    let (month, next, tail) = one_month_name(words, i, calendar)?;
    // The paired name: after a slash glued to the last word, a slash word, or right after.
    let after_pair = match tail {
        Some("") => None,
        Some(rest) => paired_name(words, next, Some(rest), calendar),
        None => match words.get(next).map(|w| w.text) {
            Some("/") => paired_name(words, next + 1, None, calendar),
            Some(w) if w.starts_with('/') => paired_name(words, next + 1, Some(&w[1..]), calendar),
            _ => one_month_name(words, next, calendar)
                .filter(|(paired, _, _)| *paired == month)
                .map(|(_, after, _)| after),
        },
    };
    Some((month, after_pair.unwrap_or(next)))
}

/// A month name at word `i` (one or two words, the last one possibly glued to "/…"); returns the
/// month, the word after it and what followed a slash in its last word.
fn one_month_name<'w>(
    words: &[Word<'w>],
    i: usize,
    calendar: Calendar,
) -> Option<(u32, usize, Option<&'w str>)> {
    let names = calendar_names();
    let lookup = |key: &str| {
        names
            .month(key)
            .filter(|m| m.calendar == calendar)
            .map(|m| m.month)
    };
    let split = |w: &'w str| match w.split_once('/') {
        Some((head, tail)) => (head, Some(tail)),
        None => (w, None),
    };
    let (first, first_tail) = split(words.get(i)?.text);
    if first_tail.is_none()
        && let Some(second) = words.get(i + 1)
    {
        let (second, second_tail) = split(second.text);
        if let Some(month) = lookup(&format!("{first} {second}")) {
            return Some((month, i + 2, second_tail));
        }
    }
    lookup(first).map(|m| (m, i + 1, first_tail))
}

/// The word after a paired month name that starts at word `i` (or is `glued` after a slash).
fn paired_name(words: &[Word<'_>], i: usize, glued: Option<&str>, calendar: Calendar) -> Option<usize> {
    let names = calendar_names();
    let known = |key: &str| names.month(key).is_some_and(|m| m.calendar == calendar);
    match glued {
        Some(head) => {
            if let Some(second) = words.get(i)
                && known(&format!("{head} {}", second.text))
            {
                return Some(i + 1);
            }
            known(head).then_some(i)
        }
        None => one_month_name(words, i, calendar).map(|(_, after, _)| after),
    }
}

fn month_at(words: &[Word<'_>], i: usize) -> Option<(u32, usize)> {
    month_at_in(words, i, Calendar::Gregorian)
}

/// A Hijri date as written ("15 شعبان 1446 هـ").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HijriDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    /// Original bytes of the expression.
    pub span: Span,
}

/// A date line printing a Hijri date and, after "الموافق", its Gregorian day; or a Hijri date
/// alone. At least one of the two is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DualDate {
    pub hijri: Option<HijriDate>,
    pub gregorian: Option<FoundDate>,
}

/// Reads a Hijri date (with its era mark) among the first `max_words` words of `source[span]`,
/// and the Gregorian date that follows a "corresponding" word after it.
pub(crate) fn dual_date(source: &str, span: Span, max_words: usize) -> Option<DualDate> {
    let frame = crate::frame::frame_words();
    let normalized = Normalized::of(source, span, Fold::Key);
    let words = words(&normalized.text);
    let mut hijri = None;
    let mut after_hijri = 0;
    for i in 0..words.len().min(max_words) {
        let Some(day) = day_number(words[i].text) else {
            continue;
        };
        let Some((month, next)) = month_at_in(&words, i + 1, Calendar::Hijri) else {
            continue;
        };
        let Some(year) = words.get(next).and_then(|w| hijri_year(w.text)) else {
            continue;
        };
        let mut last = next;
        // The era mark, glued ("1447هـ" is read by hijri_year) or a word of its own.
        if words
            .get(next + 1)
            .is_some_and(|w| frame.hijri_era.iter().any(|e| e == w.text))
        {
            last = next + 1;
        }
        let span = normalized.original_span(words[i].start, words[last].end);
        hijri = Some(HijriDate {
            year,
            month,
            day,
            span: with_trailing_marks(source, span),
        });
        after_hijri = last + 1;
        break;
    }
    let hijri = hijri?;
    // The Gregorian day must follow a corresponding word, so a second unrelated date is not taken.
    let corresponding = (after_hijri..words.len().min(after_hijri + 4)).find(|&j| {
        frame
            .corresponding
            .iter()
            .any(|c| c == words[j].text || c.split(' ').next() == Some(words[j].text))
    });
    let gregorian = corresponding.and_then(|j| {
        let from = words.get(j + 1)?.start;
        let start = normalized.original_span(from, from).start;
        first_date(source, Span::new(start, span.end), 4)
    });
    Some(DualDate {
        hijri: Some(hijri),
        gregorian,
    })
}

/// `span` extended over the tatweel and marks the fold dropped after it ("هـ" folds to "ه").
fn with_trailing_marks(source: &str, span: Span) -> Span {
    let rest = &source[span.end..];
    let marks = rest.len()
        - rest
            .trim_start_matches(|c: char| c == '\u{0640}' || ('\u{064B}'..='\u{0652}').contains(&c))
            .len();
    Span::new(span.start, span.end + marks)
}

/// A Hijri year: 3 or 4 digits, possibly with a glued era mark ("1447هـ" folds to "1447ه").
fn hijri_year(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches(['ه', 'ـ']);
    ((3..=4).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
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

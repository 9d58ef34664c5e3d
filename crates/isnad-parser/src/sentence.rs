//! Sentence splitting with byte spans.
//!
//! A sentence ends at `.`, `!`, `?`, `؟` or `…` followed by space or the end of the block, except
//! after abbreviations ("د.", single letters, the list in `data/sentences.toml`), inside decimals
//! ("2.5") and inside quotations: a full stop in the middle of a quote does not end the sentence
//! that quotes it, and a stop right before the closing quote ends it after the quote.

use crate::Span;
use crate::normalize::fold_key;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::OnceLock;

/// A quotation longer than this is treated as unbalanced rather than as one sentence.
const MAX_QUOTE_BYTES: usize = 1200;

fn abbreviations() -> &'static HashSet<String> {
    static ABBREVIATIONS: OnceLock<HashSet<String>> = OnceLock::new();
    ABBREVIATIONS.get_or_init(|| {
        #[derive(Deserialize)]
        struct Data {
            abbreviations: Vec<String>,
        }
        let data: Data =
            toml::from_str(include_str!("../data/sentences.toml")).expect("data/sentences.toml is valid");
        data.abbreviations
            .iter()
            .map(|a| fold_key(a).to_lowercase())
            .collect()
    })
}

fn is_terminal(ch: char) -> bool {
    matches!(ch, '.' | '!' | '?' | '؟' | '…')
}

fn is_closer(ch: char) -> bool {
    matches!(ch, '”' | '»' | '"' | ')' | '\'' | '’')
}

/// Byte ranges (relative to `text`) of balanced quotations: (opening quote, closing quote).
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, ch) in text.char_indices() {
        match (open, ch) {
            (None, '“' | '«' | '"') => open = Some((i, ch)),
            (Some((start, opener)), _) if matches!((opener, ch), ('“', '”') | ('«', '»') | ('"', '"')) =>
            {
                if i - start <= MAX_QUOTE_BYTES {
                    out.push((start, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The word (letters and dots) ending right before byte `end` of `text`.
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || crate::normalize::is_ignorable(c)))
        .map_or(0, |i| i + text[i..].chars().next().map_or(1, char::len_utf8));
    &text[start..end]
}

/// True when the word before a full stop at `dot` abbreviates something.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let word = word_before(text, dot);
    let key = fold_key(word);
    let single_letter = key.chars().count() == 1 && key.chars().all(char::is_alphabetic);
    // "2024 م." and "1445 هـ." mark a year: there the stop does end the sentence.
    let after_number = text[..dot - word.len()]
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_numeric());
    // Single letters are initials or titles (د. for doctor, م. for engineer, J. Smith).
    (single_letter && !after_number) || abbreviations().contains(&key.to_lowercase())
}

/// Splits `source[span]` into trimmed sentence spans.
pub(crate) fn split(source: &str, span: Span) -> Vec<Span> {
    let text = &source[span.range()];
    let quotes = quotations(text);
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if !is_terminal(ch) {
            continue;
        }
        // Runs of terminals ("..", "؟!") end together.
        let mut end = i + ch.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if !is_terminal(next) {
                break;
            }
            end = j + next.len_utf8();
            chars.next();
        }
        if ch == '.' && end == i + 1 && is_abbreviation(text, i) {
            continue;
        }
        // Closing quotes and brackets right after the stop belong to the sentence.
        let mut after = end;
        for c in text[end..].chars() {
            if !is_closer(c) {
                break;
            }
            after += c.len_utf8();
        }
        if text[after..].chars().next().is_some_and(|c| !c.is_whitespace()) {
            continue; // "2.5", "U.S.A", "كيف ستكون؟" glued to more text
        }
        if quotes.iter().any(|&(open, close)| open < i && after <= close) {
            continue; // a stop inside a quotation that goes on
        }
        push_trimmed(&mut out, text, span.start, start, after);
        start = after;
        while let Some(&(j, _)) = chars.peek() {
            if j >= after {
                break;
            }
            chars.next();
        }
    }
    push_trimmed(&mut out, text, span.start, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, text: &str, base: usize, start: usize, end: usize) {
    let piece = &text[start..end];
    let is_blank = |c: char| c.is_whitespace() || crate::normalize::is_ignorable(c);
    let trimmed = piece.trim_start_matches(is_blank);
    let lead = piece.len() - trimmed.len();
    let trail = trimmed.len() - trimmed.trim_end_matches(is_blank).len();
    if lead + trail < piece.len() {
        out.push(Span::new(base + start + lead, base + end - trail));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text, Span::new(0, text.len()))
            .iter()
            .map(|s| &text[s.range()])
            .collect();
        assert_eq!(got, expected, "splitting {text}");
    }

    #[test]
    fn splits_at_stops_and_question_marks() {
        check("وصل الرئيس. ثم غادر؟ نعم!", &["وصل الرئيس.", "ثم غادر؟", "نعم!"]);
        check("جملة بلا نقطة", &["جملة بلا نقطة"]);
    }

    #[test]
    fn abbreviations_and_decimals_do_not_end_a_sentence() {
        check(
            "قال د. أحمد إن النمو بلغ 2.5 بالمئة. وأضاف.",
            &["قال د. أحمد إن النمو بلغ 2.5 بالمئة.", "وأضاف."],
        );
        check(
            "التقى م. سامي بالسيد J. Smith أمس.",
            &["التقى م. سامي بالسيد J. Smith أمس."],
        );
    }

    #[test]
    fn quotes_keep_their_stops() {
        check(
            "وقال: \"سنفعل ذلك. ولن نتراجع\" في كلمته. ثم غادر.",
            &["وقال: \"سنفعل ذلك. ولن نتراجع\" في كلمته.", "ثم غادر."],
        );
        check(
            "وقال: «نحن مستعدون.» وأضاف أمراً آخر.",
            &["وقال: «نحن مستعدون.»", "وأضاف أمراً آخر."],
        );
        check("وأضاف “انتهى الأمر.” ثم صمت.", &["وأضاف “انتهى الأمر.”", "ثم صمت."]);
    }

    #[test]
    fn year_markers_end_a_sentence() {
        check("وقع ذلك عام 2024م. ثم تغير.", &["وقع ذلك عام 2024م.", "ثم تغير."]);
        check("في رمضان 1445 هـ. ثم عاد.", &["في رمضان 1445 هـ.", "ثم عاد."]);
    }

    #[test]
    fn ellipses_end_once() {
        check(
            "تحديث سياسة الردع.. كيف ستكون؟ سؤال.",
            &["تحديث سياسة الردع..", "كيف ستكون؟", "سؤال."],
        );
    }
}

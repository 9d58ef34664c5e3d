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

/// The quotation mark or sentence stop (`"` « » “ ” and `.` ! ? ؟ …) whose UTF-8 starts at byte
/// `i` of `bytes`, if any.
#[inline]
fn mark_at(bytes: &[u8], i: usize) -> Option<char> {
    match bytes[i] {
        b'"' => Some('"'),
        b'.' => Some('.'),
        b'!' => Some('!'),
        b'?' => Some('?'),
        0xC2 => match bytes.get(i + 1) {
            Some(0xAB) => Some('«'),
            Some(0xBB) => Some('»'),
            _ => None,
        },
        0xD8 => (bytes.get(i + 1) == Some(&0x9F)).then_some('؟'),
        0xE2 => match bytes.get(i + 1..i + 3) {
            Some([0x80, 0x9C]) => Some('“'),
            Some([0x80, 0x9D]) => Some('”'),
            Some([0x80, 0xA6]) => Some('…'),
            _ => None,
        },
        _ => None,
    }
}

/// The marks of `text` that [`mark_at`] knows, with their byte offsets: found bytewise, as
/// every story line is read for them and holds only a few among its letters.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter_map(move |i| mark_at(bytes, i).map(|ch| (i, ch)))
}

/// Byte ranges (relative to the text) of balanced quotations: (opening quote, closing quote),
/// from the text's [`marks`].
fn quotations(marks: &[(usize, char)]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for &(i, ch) in marks {
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
    // The crate's `is_alphanumeric` settles Arabic letters without the Unicode tables: this
    // walks back over a word at every full stop of every story line.
    let start = text[..end]
        .rfind(|c: char| !(crate::token::is_alphanumeric(c) || c == '.' || crate::normalize::is_ignorable(c)))
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
    // One read of the text finds its quotation marks and its stops.
    let marks: Vec<(usize, char)> = marks(text).collect();
    let quotes = quotations(&marks);
    let mut out = Vec::new();
    let mut start = 0;
    // Stops are looked for from `from`: past the last run of stops, or the last sentence.
    let mut from = 0;
    for &(i, ch) in marks.iter().filter(|&&(_, ch)| is_terminal(ch)) {
        if i < from {
            continue;
        }
        // Runs of terminals ("..", "؟!") end together.
        let mut end = i + ch.len_utf8();
        while let Some(next) = text[end..].chars().next().filter(|&c| is_terminal(c)) {
            end += next.len_utf8();
        }
        from = end;
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
        from = after;
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

    /// The marks found bytewise are the characters a walk over the text finds.
    #[test]
    fn marks_are_found_bytewise_as_characters() {
        let text = "قال: «نعم.» ثم “لا…” و\"ربما\"؟! ¿ــ ‘x’ ؛ ٫ ۔ end...";
        let walked: Vec<(usize, char)> = (text.char_indices())
            .filter(|&(_, c)| matches!(c, '"' | '«' | '»' | '“' | '”') || is_terminal(c))
            .collect();
        assert_eq!(marks(text).collect::<Vec<_>>(), walked);
        assert_eq!(walked.len(), 13);
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

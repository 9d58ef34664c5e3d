//! Normalization for matching, with an offset map back to the original bytes.
//!
//! Normalized text is only ever used to *find* things; every result is mapped back to a
//! [`Span`] of the original text with [`Normalized::original_span`].

use crate::Span;

/// Normalized text plus, for every byte of it, the original span it came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// `origin[i]` is the original byte range of the character that produced normalized byte `i`.
    origin: Vec<Span>,
    /// Byte offset in the original text where the normalized text starts.
    base: usize,
}

/// How aggressively to fold letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Drop marks and controls, unify digits and alef forms; keep ى/ي and ة/ه distinct.
    Search,
    /// Everything in `Search`, plus ى→ي and ة→ه: for lookup keys.
    Key,
}

impl Normalized {
    /// Normalizes `original[span]`; offsets in the result map back into `original`.
    pub fn of(original: &str, span: Span, fold: Fold) -> Normalized {
        let slice = &original[span.range()];
        let mut text = String::with_capacity(slice.len());
        let mut origin = Vec::with_capacity(slice.len());
        for (offset, ch) in slice.char_indices() {
            let start = span.start + offset;
            let source = Span::new(start, start + ch.len_utf8());
            let mut push = |c: char| {
                let before = text.len();
                text.push(c);
                origin.extend(std::iter::repeat_n(source, text.len() - before));
            };
            match fold_char(ch, fold) {
                Folded::Drop => {}
                Folded::One(c) => push(c),
                Folded::Many(s) => s.chars().for_each(push),
            }
        }
        Normalized {
            text,
            origin,
            base: span.start,
        }
    }

    /// The original span covering normalized bytes `start..end`.
    pub fn original_span(&self, start: usize, end: usize) -> Span {
        if start >= end || self.origin.is_empty() {
            let at = self.origin.get(start).map_or(self.base, |s| s.start);
            return Span::new(at, at);
        }
        let first = self.origin[start.min(self.origin.len() - 1)];
        let last = self.origin[(end - 1).min(self.origin.len() - 1)];
        Span::new(first.start, last.end)
    }

    /// The original offset of normalized byte `index` (or the end of the text).
    pub fn original_offset(&self, index: usize) -> usize {
        match self.origin.get(index) {
            Some(span) => span.start,
            None => self.origin.last().map_or(self.base, |s| s.end),
        }
    }
}

enum Folded {
    Drop,
    One(char),
    Many(&'static str),
}

/// Normalizes a string for matching (no offsets): the key used by lexicons and gazetteers.
pub fn fold_key(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    // Runs of characters that fold to themselves are copied whole.
    let mut clean = 0;
    for (i, ch) in text.char_indices() {
        let folded = fold_char(ch, Fold::Key);
        if matches!(folded, Folded::One(c) if c == ch) {
            continue;
        }
        out.push_str(&text[clean..i]);
        clean = i + ch.len_utf8();
        match folded {
            Folded::Drop => {}
            Folded::One(c) => out.push(c),
            Folded::Many(s) => out.push_str(s),
        }
    }
    out.push_str(&text[clean..]);
    out
}

/// True for characters that carry no letters: tashkeel, tatweel and invisible controls.
#[inline]
pub fn is_ignorable(ch: char) -> bool {
    matches!(ch,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}'
        | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{061C}')
}

#[inline]
fn fold_char(ch: char, fold: Fold) -> Folded {
    // Fast path for the common case: ASCII and the Arabic letters no fold touches.
    if ch.is_ascii()
        || (matches!(ch, '\u{0621}'..='\u{064A}') && !matches!(ch, 'أ' | 'إ' | 'آ' | 'ى' | 'ة' | '\u{0640}'))
    {
        return Folded::One(ch);
    }
    if is_ignorable(ch) {
        return Folded::Drop;
    }
    let ch = presentation_form(ch).unwrap_or(ch);
    let c = match ch {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        '٠'..='٩' => char::from(b'0' + (ch as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (ch as u32 - '۰' as u32) as u8),
        '٫' => '.',
        '٬' => ',',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        'ى' if fold == Fold::Key => 'ي',
        'ة' if fold == Fold::Key => 'ه',
        'ی' => 'ي', // Persian yeh
        'ک' => 'ك', // Persian keheh
        'ڤ' => 'ف',
        'ـ' => return Folded::Drop,
        'ﻻ' | 'ﻼ' => return Folded::Many("لا"),
        'ﻷ' | 'ﻸ' | 'ﻹ' | 'ﻺ' | 'ﻵ' | 'ﻶ' => return Folded::Many("لا"),
        _ => ch,
    };
    Folded::One(c)
}

/// Maps an Arabic presentation form (U+FB50..U+FEFF) to its base letter via NFKC.
fn presentation_form(ch: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    if !matches!(ch, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}') {
        return None;
    }
    let mut it = std::iter::once(ch).nfkc();
    let first = it.next()?;
    if it.next().is_some() { None } else { Some(first) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let n = Normalized::of(input, Span::new(0, input.len()), Fold::Key);
        assert_eq!(n.text, expected);
        assert_eq!(fold_key(input), expected);
    }

    #[test]
    fn folds_marks_alefs_digits_and_endings() {
        check("أُعِدَّت", "اعدت");
        check("إقرأ", "اقرا");
        check("١٢٬٥٠٠", "12,500");
        check("۳", "3");
        check("مدرسة", "مدرسه");
        check("على", "علي");
        check("كـــيم", "كيم");
        check("a\u{200F}b\u{00A0}c", "ab c");
    }

    #[test]
    fn offsets_map_back_to_original() {
        let src = "قال: أُعِدَّت ٢٠ سيارة";
        let n = Normalized::of(src, Span::new(0, src.len()), Fold::Search);
        let at = n.text.find("20").unwrap();
        let span = n.original_span(at, at + 2);
        assert_eq!(&src[span.range()], "٢٠");
        let at = n.text.find("اعدت").unwrap();
        let span = n.original_span(at, at + "اعدت".len());
        assert_eq!(&src[span.range()], "أُعِدَّت");
    }
}

//! Character classes: which token kind a character starts, the word and letter tests, and
//! the two-byte fast path over the Arabic letters and marks.

use super::TokenKind;
use crate::normalize::is_ignorable;

#[inline]
pub(super) fn class(ch: char) -> Option<TokenKind> {
    // Fast paths: ASCII, and the Arabic letters and marks (U+0621..U+065F) that make most text.
    if ch.is_ascii() {
        return if ch.is_ascii_digit() {
            Some(TokenKind::Number)
        } else if ch.is_ascii_alphabetic() {
            Some(TokenKind::Latin)
        } else if ch <= ' ' || ch == '\u{7F}' {
            None
        } else {
            Some(TokenKind::Punct)
        };
    }
    if matches!(ch, '\u{0621}'..='\u{065F}') {
        return Some(TokenKind::Arabic);
    }
    // News punctuation, decided before the Unicode tables are consulted.
    if matches!(
        ch,
        '،' | '؛' | '؟' | '«' | '»' | '“' | '”' | '‘' | '’' | '–' | '—' | '…'
    ) {
        return Some(TokenKind::Punct);
    }
    if ch.is_ascii_digit() || matches!(ch, '٠'..='٩' | '۰'..='۹') {
        Some(TokenKind::Number)
    } else if is_arabic_letter(ch) || is_word_mark(ch) {
        Some(TokenKind::Arabic)
    } else if ch.is_alphabetic() {
        Some(TokenKind::Latin)
    } else if ch.is_whitespace() || is_control(ch) {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// True for the marks a word may carry without letters of their own: tashkeel, tatweel, the soft
/// hyphen (ignorable characters that are not invisible format controls).
pub fn is_word_mark(ch: char) -> bool {
    is_ignorable(ch) && !ch.is_whitespace() && !is_control(ch)
}

fn is_control(ch: char) -> bool {
    matches!(ch, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
        || ch.is_control()
}

/// `char::is_alphanumeric`, with ASCII and the basic Arabic letters (most of any article)
/// decided before the Unicode tables are consulted.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        ('\u{0620}'..='\u{064A}').contains(&c) || c.is_alphanumeric()
    }
}

/// True for a character of a word: a letter or digit of any script, or a mark inside an Arabic
/// word (harakat, the tatweel, the superscript alef). The one word test of every layer.
#[inline]
pub fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || is_arabic_letter(c)
}

/// True for letters of the Arabic script (base block, supplement and presentation forms).
pub fn is_arabic_letter(ch: char) -> bool {
    // The basic letters and everything below them first: almost every character asked about.
    if ('\u{0621}'..='\u{064A}').contains(&ch) {
        return ch != '\u{0640}';
    }
    if ch < '\u{0621}' {
        return false;
    }
    matches!(ch, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
        && !matches!(ch, '\u{0640}' | '\u{064B}'..='\u{065F}')
}

/// The code point of the two bytes when they are the UTF-8 of a letter or mark in
/// U+0621..U+065F, which [`class`] reads as Arabic: the bulk of any article, stepped over
/// without decoding.
#[inline]
pub(super) fn arabic_pair(b0: u8, b1: u8) -> Option<u32> {
    if !matches!(b0, 0xD8 | 0xD9) {
        return None;
    }
    let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
    (0x0621..=0x065F).contains(&cp).then_some(cp)
}

/// True when [`arabic_pair`] is `Some`, by one table load.
#[inline]
pub(super) fn is_arabic_pair(b0: u8, b1: u8) -> bool {
    b0 & 0xFE == 0xD8 && ARABIC_D8_D9[usize::from(b0 & 1) << 6 | usize::from(b1 & 0x3F)]
}

/// Whether each code point U+0600..U+067F (indexed by the low bit of its UTF-8 lead byte 0xD8
/// or 0xD9 and the six bits of its continuation byte) lies in U+0621..U+065F.
const ARABIC_D8_D9: [bool; 128] = {
    let mut table = [false; 128];
    let mut k = 0;
    while k < 128 {
        table[k] = k >= 0x21 && k <= 0x5F;
        k += 1;
    }
    table
};

/// [`fold_key`](crate::fold_key) of a code point in U+0621..U+065F: marks and tatweel drop,
/// أ إ آ read ا, ى reads ي, ة reads ه, other letters stay.
#[inline]
fn fold_arabic(cp: u32) -> Option<char> {
    match cp {
        0x0622 | 0x0623 | 0x0625 => Some('ا'),
        0x0649 => Some('ي'),
        0x0629 => Some('ه'),
        0x0640 | 0x064B..=0x065F => None,
        _ => char::from_u32(cp),
    }
}

/// The fast path of [`fold_key`](crate::fold_key) over Arabic text, two UTF-8 bytes at a time:
/// for a letter or mark in U+0621..U+065F, `Some` of what it folds to (`Some(None)` when the fold
/// drops it); `None` for anything else, which needs the full fold.
#[inline]
pub fn fold_arabic_pair(b0: u8, b1: u8) -> Option<Option<char>> {
    arabic_pair(b0, b1).map(fold_arabic)
}

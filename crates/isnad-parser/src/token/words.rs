//! The word-level cut of a folded text: runs of [`is_word_char`] of any script, letters and
//! digits together, and every other character but whitespace a word of its own. Coarser than
//! [`Tokens::of`](super::Tokens::of), whose token kinds part Arabic from Latin and digits and keep
//! `12,500` whole: name matching compares words as written, so «S600» and «كيم2» stay one word
//! and a number splits at its separators.

use super::chars::is_word_char;
use std::sync::LazyLock;

/// What a word of the cut is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Word characters with at least one that is not an ASCII digit (letters of any script,
    /// possibly with digits).
    Letters,
    /// ASCII digits only.
    Digits,
    /// One character that is neither a word character nor whitespace.
    Punct,
}

/// A word of the cut: a byte range of the text and what it is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordRun {
    /// Byte where the word starts.
    pub start: usize,
    /// Byte past its end.
    pub end: usize,
    /// What it is made of.
    pub kind: WordKind,
}

/// [`is_word_char`] of every character of one or two UTF-8 bytes (ASCII and the Arabic blocks,
/// nearly all the text), looked up instead of tested.
static WORD_CHARS: LazyLock<[bool; 0x800]> = LazyLock::new(|| {
    std::array::from_fn(|c| {
        u32::try_from(c)
            .ok()
            .and_then(char::from_u32)
            .is_some_and(is_word_char)
    })
});

/// The words of `text`, in order (see the module doc). Whitespace only separates; two words
/// may touch (`«كيم»` is three).
pub fn word_runs(text: &str) -> WordRuns<'_> {
    WordRuns {
        text,
        at: 0,
        table: &WORD_CHARS,
    }
}

/// The iterator of [`word_runs`].
pub struct WordRuns<'t> {
    text: &'t str,
    /// Byte where the next word or separator starts.
    at: usize,
    table: &'static [bool; 0x800],
}

impl WordRuns<'_> {
    /// The character at byte `at` as (code point, UTF-8 length, word character), `None` at the
    /// end. One and two byte characters (nearly all of a folded text) are decoded by hand and
    /// looked up in the table.
    #[inline(always)]
    fn read(&self, at: usize) -> Option<(u32, usize, bool)> {
        let bytes = self.text.as_bytes();
        let b0 = *bytes.get(at)?;
        let (cp, len) = if b0 < 0x80 {
            (u32::from(b0), 1)
        } else if b0 & 0xE0 == 0xC0 {
            let b1 = bytes.get(at + 1).copied().unwrap_or(0);
            ((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F), 2)
        } else {
            let ch = self.text.get(at..)?.chars().next()?;
            return Some((u32::from(ch), ch.len_utf8(), is_word_char(ch)));
        };
        Some((cp, len, self.table.get(cp as usize).copied().unwrap_or(false)))
    }
}

impl Iterator for WordRuns<'_> {
    type Item = WordRun;

    #[inline]
    fn next(&mut self) -> Option<WordRun> {
        loop {
            let start = self.at;
            let (cp, len, word) = self.read(start)?;
            self.at += len;
            if word {
                // A run of word characters: Digits while every one is an ASCII digit. Bytes
                // of one and two byte characters are read here without decoding a `char`
                // (a character of two bytes is never an ASCII digit).
                let mut letters = !is_ascii_digit(cp);
                let bytes = self.text.as_bytes();
                loop {
                    match bytes.get(self.at) {
                        Some(&b0) if b0 < 0x80 => {
                            if !self.table[usize::from(b0)] {
                                break;
                            }
                            letters |= !b0.is_ascii_digit();
                            self.at += 1;
                        }
                        Some(&b0) if b0 & 0xE0 == 0xC0 => {
                            let b1 = bytes.get(self.at + 1).copied().unwrap_or(0);
                            if !self.table[usize::from(b0 & 0x1F) << 6 | usize::from(b1 & 0x3F)] {
                                break;
                            }
                            letters = true;
                            self.at += 2;
                        }
                        _ => match self.read(self.at) {
                            Some((cp, len, true)) => {
                                letters |= !is_ascii_digit(cp);
                                self.at += len;
                            }
                            _ => break,
                        },
                    }
                }
                return Some(WordRun {
                    start,
                    end: self.at,
                    kind: if letters {
                        WordKind::Letters
                    } else {
                        WordKind::Digits
                    },
                });
            }
            if !char::from_u32(cp).is_some_and(char::is_whitespace) {
                return Some(WordRun {
                    start,
                    end: self.at,
                    kind: WordKind::Punct,
                });
            }
        }
    }
}

#[inline(always)]
fn is_ascii_digit(cp: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&cp)
}

#[cfg(test)]
mod tests {
    use super::{WordKind, word_runs};

    fn check(text: &str, expected: &[(&str, WordKind)]) {
        let got: Vec<(&str, WordKind)> = word_runs(text).map(|w| (&text[w.start..w.end], w.kind)).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    #[test]
    fn words_are_letter_runs_and_single_marks() {
        use WordKind::{Digits, Letters, Punct};
        check(
            "قال 20 «كيم» S600.",
            &[
                ("قال", Letters),
                ("20", Digits),
                ("«", Punct),
                ("كيم", Letters),
                ("»", Punct),
                ("S600", Letters),
                (".", Punct),
            ],
        );
        // Scripts and digits run together; a number parts at its separators.
        check(
            "كيم2 12,500",
            &[("كيم2", Letters), ("12", Digits), (",", Punct), ("500", Digits)],
        );
        // Whitespace of any kind only separates.
        check(" \tأ\u{00A0} ب ", &[("أ", Letters), ("ب", Letters)]);
        check("", &[]);
        check("--", &[("-", Punct), ("-", Punct)]);
    }
}

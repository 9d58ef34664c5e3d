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
static WORD_CHARS: LazyLock<Vec<bool>> = LazyLock::new(|| {
    (0..0x800u32)
        .map(|c| char::from_u32(c).is_some_and(is_word_char))
        .collect()
});

/// The words of `text`, in order (see the module doc). Whitespace only separates; two words
/// may touch (`«كيم»` is three).
pub fn word_runs(text: &str) -> WordRuns<'_> {
    WordRuns {
        text,
        chars: text.char_indices(),
        table: &WORD_CHARS,
        pending: None,
    }
}

/// The iterator of [`word_runs`].
pub struct WordRuns<'t> {
    text: &'t str,
    chars: std::str::CharIndices<'t>,
    table: &'static [bool],
    /// A one-character word read while ending the run before it.
    pending: Option<WordRun>,
}

impl Iterator for WordRuns<'_> {
    type Item = WordRun;

    #[inline]
    fn next(&mut self) -> Option<WordRun> {
        if let Some(mark) = self.pending.take() {
            return Some(mark);
        }
        // (start, has a character other than an ASCII digit) of the run being read.
        let mut run: Option<(usize, bool)> = None;
        for (i, ch) in self.chars.by_ref() {
            let word_char = match self.table.get(ch as usize) {
                Some(&known) => known,
                None => is_word_char(ch),
            };
            if word_char {
                match &mut run {
                    Some((_, letters)) => *letters |= !ch.is_ascii_digit(),
                    None => run = Some((i, !ch.is_ascii_digit())),
                }
                continue;
            }
            let mark = (!ch.is_whitespace()).then(|| WordRun {
                start: i,
                end: i + ch.len_utf8(),
                kind: WordKind::Punct,
            });
            match run {
                Some((start, letters)) => {
                    self.pending = mark;
                    return Some(letter_run(start, i, letters));
                }
                None if mark.is_some() => return mark,
                None => {}
            }
        }
        run.map(|(start, letters)| letter_run(start, self.text.len(), letters))
    }
}

#[inline]
fn letter_run(start: usize, end: usize, letters: bool) -> WordRun {
    WordRun {
        start,
        end,
        kind: if letters {
            WordKind::Letters
        } else {
            WordKind::Digits
        },
    }
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

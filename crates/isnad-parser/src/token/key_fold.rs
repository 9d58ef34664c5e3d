//! The one-pass key folder behind [`Tokens::with_key_fold`]: the tokens and the
//! [`Fold::Key`] text of a sentence from one read of each character.

use super::chars::class;
use super::cut::{char_at, joins};
use super::{Piece, TokenKeys, TokenKind, Tokens, exact, key_range, piece_base, tokens_room};
use crate::Span;
use crate::normalize::{Edit, Fold, Folded, Normalized, fold_char};
use std::sync::Arc;

/// What [`Fold::Key`] makes of each code point U+0600..U+067F (indexed as
/// [`ARABIC_D8_D9`](super::chars::ARABIC_D8_D9)): [`NOT_ARABIC`] outside U+0621..U+065F, [`SAME`]
/// for a letter it keeps, else an index into [`PAIR_REPLACEMENTS`] (as
/// [`fold_arabic`](super::chars::fold_arabic) reads them, in one table load).
const PAIR_FOLDS: [u8; 128] = {
    let mut table = [NOT_ARABIC; 128];
    let mut k = 0;
    while k < 128 {
        let cp = 0x0600 + k as u32;
        table[k] = match cp {
            0x0622 | 0x0623 | 0x0625 => 0,
            0x0649 => 1,
            0x0629 => 2,
            0x0640 | 0x064B..=0x065F => 3,
            0x0621..=0x065F => SAME,
            _ => NOT_ARABIC,
        };
        k += 1;
    }
    table
};

/// What the codes 0..=3 of [`PAIR_FOLDS`] fold to.
pub(super) const PAIR_REPLACEMENTS: [&str; 4] = ["ا", "ي", "ه", ""];
/// A code of [`PAIR_FOLDS`]: the letter folds to itself.
pub(super) const SAME: u8 = 4;
/// A code of [`PAIR_FOLDS`]: no letter or mark of U+0621..U+065F.
pub(super) const NOT_ARABIC: u8 = 5;

/// The [`PAIR_FOLDS`] code of the two bytes at `i` ([`NOT_ARABIC`] at the end of the text).
#[inline]
pub(super) fn pair_fold(bytes: &[u8], i: usize) -> u8 {
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(&b0), Some(&b1)) if b0 & 0xFE == 0xD8 => {
            PAIR_FOLDS[usize::from(b0 & 1) << 6 | usize::from(b1 & 0x3F)]
        }
        _ => NOT_ARABIC,
    }
}

/// The [`Fold::Key`] text of a sentence written while it is tokenized: runs of characters
/// that fold to themselves are copied when something after them folds (or at the end), and every
/// other character is written as it folds, with its [`Edit`], as [`Normalized::of`] writes them.
struct KeyFolder<'t> {
    text: &'t str,
    out: String,
    edits: Vec<Edit>,
    /// The bytes of `text` before this offset are written to `out`.
    copied: usize,
}

impl KeyFolder<'_> {
    /// Writes `folded` for the character of `len` bytes at `at` (which folds to something else).
    fn edit(&mut self, at: usize, len: usize, folded: &str) {
        self.out.push_str(&self.text[self.copied..at]);
        let norm = self.out.len();
        self.out.push_str(folded);
        self.edits.push(Edit::new(norm, folded.len(), at, len));
        self.copied = at + len;
    }

    /// Folds `ch`, the character at `at`.
    fn char(&mut self, at: usize, ch: char) {
        match fold_char(ch, Fold::Key) {
            Folded::One(c) if c == ch => {}
            Folded::One(c) => self.edit(at, ch.len_utf8(), c.encode_utf8(&mut [0; 4])),
            Folded::Many(folded) => self.edit(at, ch.len_utf8(), folded),
            Folded::Drop => self.edit(at, ch.len_utf8(), ""),
        }
    }

    /// Folds the letters and marks of U+0621..U+065F from `*i` on, moving `*i` past them.
    #[inline]
    fn arabic_run(&mut self, i: &mut usize) {
        let bytes = self.text.as_bytes();
        loop {
            match pair_fold(bytes, *i) {
                NOT_ARABIC => break,
                SAME => {}
                code => self.edit(*i, 2, PAIR_REPLACEMENTS[usize::from(code)]),
            }
            *i += 2;
        }
    }

    /// Where the character at `at` lands in the folded text, when nothing from `copied` up to it
    /// folds to something else.
    fn landing(&self, at: usize) -> usize {
        self.out.len() + (at - self.copied)
    }

    /// Copies the text up to `at` that is not written yet (it folds to itself).
    fn catch_up(&mut self, at: usize) {
        self.out.push_str(&self.text[self.copied..at]);
        self.copied = at;
    }
}

/// [`extend_token`](super::cut::extend_token) folding what it reads into `fold`.
#[inline]
fn extend_folding(fold: &mut KeyFolder, mut kind: TokenKind, i: &mut usize) -> TokenKind {
    let text = fold.text;
    loop {
        if kind == TokenKind::Arabic {
            fold.arabic_run(i);
        }
        let Some(next) = char_at(text, *i) else {
            break;
        };
        if !joins(&mut kind, next, &text[*i + next.len_utf8()..]) {
            break;
        }
        fold.char(*i, next);
        *i += next.len_utf8();
    }
    kind
}

impl Tokens {
    /// [`Tokens::of`] and the [`Fold::Key`] text of `source[span]`
    /// (`Normalized::of(source, span, Fold::Key)`) in one pass over the text: each character is
    /// read once for both, and the keys are cut from the folded text.
    /// Nothing of either when the span is not a valid range of `source`. Both are held in
    /// allocations of their exact size, the folded text once (the keys are cut from it): a
    /// prepared document keeps them for every sentence through its analysis (issue #17).
    ///
    /// # Panics
    /// When an offset into the sentence or its folded text is past 4 GiB (offsets are kept as
    /// `u32`; the loader's default limit is 16 MiB a file).
    pub fn with_key_fold(source: &str, span: Span) -> (Tokens, Normalized) {
        let Some(text) = source.get(span.range()) else {
            return (
                Tokens::default(),
                Normalized::of_key_fold(Arc::default(), Box::default(), span.start),
            );
        };
        let bytes = text.as_bytes();
        let base = piece_base(span);
        let mut fold = KeyFolder {
            text,
            out: String::with_capacity(text.len()),
            // Arabic news has an alef with hamza, a taa marbuta or a mark every twenty bytes or so.
            edits: Vec::with_capacity(text.len() / 16),
            copied: 0,
        };
        let mut pieces = Vec::with_capacity(tokens_room(text.len()));
        // Each key is where its token lies in the folded text.
        let mut keys = Vec::with_capacity(tokens_room(text.len()));
        let mut i = 0;
        while i < bytes.len() {
            // Spaces separate most tokens and fold to themselves: stepped over.
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            let key_from = fold.landing(start);
            // Most tokens start with an Arabic letter, known from its two bytes (and folded by
            // the run that reads the token on).
            let kind = if pair_fold(bytes, i) != NOT_ARABIC {
                TokenKind::Arabic
            } else {
                let Some(ch) = text[i..].chars().next() else { break };
                fold.char(i, ch);
                i += ch.len_utf8();
                let Some(kind) = class(ch) else { continue };
                kind
            };
            // The same boundaries as `Tokens::of`.
            let kind = if kind == TokenKind::Punct {
                kind
            } else {
                extend_folding(&mut fold, kind, &mut i)
            };
            keys.push(key_range(key_from, fold.landing(i)));
            pieces.push(Piece::at(base, start, i, kind));
        }
        fold.catch_up(bytes.len());
        // One exact copy of the folded text, for the keys and the normalized text alike.
        let folded_text = Arc::<str>::from(fold.out);
        let tokens = Tokens {
            pieces: exact(pieces).into_boxed_slice(),
            keys: TokenKeys::new(Arc::clone(&folded_text), &keys),
        };
        let edits = exact(fold.edits).into_boxed_slice();
        (tokens, Normalized::of_key_fold(folded_text, edits, span.start))
    }
}

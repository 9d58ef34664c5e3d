//! Word tokens with byte spans and clitic-split candidates: the token types and the
//! [`Tokens`] containers; the character classes, the tokenizer loops, the one-pass key folder
//! and the clitic splits live in the submodules, with the coarser word-level cut the entity
//! matcher reads ([`word_runs`]).

mod chars;
mod cut;
mod key_fold;
mod segment;
mod words;

pub use chars::{fold_arabic_pair, is_alphanumeric, is_arabic_letter, is_word_char, is_word_mark};
pub use segment::Segmentation;
pub use words::{WordKind, WordRun, WordRuns, word_runs};

use crate::Span;
use crate::normalize::text_offset;
use serde::Serialize;
use std::sync::Arc;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Arabic letters (possibly with marks).
    Arabic,
    /// Digits, Western or Eastern, possibly with separators (`12,500`, `2.5`, `١٢٬٥٠٠`).
    Number,
    /// Latin letters (or mixed Latin and digits such as `S600`).
    Latin,
    /// A single punctuation or symbol character.
    Punct,
}

/// A token: a maximal run of one kind, its original span and its normalized key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Original bytes.
    pub span: Span,
    /// Kind of characters.
    pub kind: TokenKind,
    /// The lookup key: [`fold_key`] of the original text (digits Western, marks dropped).
    pub key: String,
}

impl Token {
    /// The token's original text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.range()]
    }
}

/// Splits `source[span]` into tokens. Numbers keep internal separators (`12,500`, `2.5`, `٢٫٥`)
/// when a digit follows; Latin runs absorb digits (`S600`).
pub fn tokenize(source: &str, span: Span) -> Vec<Token> {
    let tokens = Tokens::of(source, span);
    tokens
        .pieces
        .iter()
        .enumerate()
        .map(|(i, p)| Token {
            span: p.span(),
            kind: p.kind,
            key: tokens.keys.get(i).to_string(),
        })
        .collect()
}

/// A token's span and kind; its key is kept apart, in [`TokenKeys`]. Its offsets are held as
/// `u32` (12 bytes, not 24): a prepared document keeps every sentence's tokens (issue #17).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    start: u32,
    end: u32,
    /// Kind of characters.
    pub kind: TokenKind,
}

impl Piece {
    /// A token of `kind` over `span`.
    ///
    /// # Panics
    /// When `span` ends past 4 GiB (offsets are kept as `u32`).
    #[inline]
    pub fn new(span: Span, kind: TokenKind) -> Piece {
        Piece {
            start: text_offset(span.start),
            end: text_offset(span.end),
            kind,
        }
    }

    /// The token at `start..end` of a text whose offset in the original is `base`, the end of
    /// that text known to fit in `u32` ([`piece_base`]).
    #[inline]
    fn at(base: u32, start: usize, end: usize, kind: TokenKind) -> Piece {
        Piece {
            start: base + start as u32,
            end: base + end as u32,
            kind,
        }
    }

    /// Original bytes.
    #[inline]
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Where the text `span` starts, as [`Piece::at`] takes it: its end is checked against 4 GiB once
/// for all its tokens.
///
/// # Panics
/// When `span` ends past 4 GiB.
#[inline]
fn piece_base(span: Span) -> u32 {
    text_offset(span.end);
    span.start as u32
}

impl std::fmt::Debug for Piece {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (f.debug_struct("Piece"))
            .field("span", &self.span())
            .field("kind", &self.kind)
            .finish()
    }
}

/// The keys of a token list: byte ranges of one buffer, which is either the keys back to back
/// or the sentence's folded text, whose pieces the keys are (cut without copying them, the text
/// shared with its [`Normalized`](crate::Normalized)).
#[derive(Debug, Clone, Default)]
pub struct TokenKeys {
    buffer: Arc<str>,
    /// Where each key starts and ends in `buffer` when it has at most [`SHORT`] bytes (nearly
    /// every sentence): half the room of `u32` offsets, and a prepared document keeps one list
    /// per sentence (issue #17). Empty for a longer buffer.
    short: Box<[[u16; 2]]>,
    /// Where each key starts and ends in a longer buffer (boxed once more: most sentences have
    /// none, and a thin pointer is half the room of a list's).
    long: Option<Box<Box<[[u32; 2]]>>>,
}

/// The longest buffer whose key offsets fit in 16 bits.
const SHORT: usize = u16::MAX as usize;

impl TokenKeys {
    /// The keys at `ranges` of `buffer`, in an allocation of their exact size.
    fn new(buffer: Arc<str>, ranges: &[[u32; 2]]) -> TokenKeys {
        let (short, long) = if buffer.len() <= SHORT {
            // Offsets into the buffer are no more than its length.
            let short = ranges.iter().map(|&[start, end]| [start as u16, end as u16]);
            (short.collect(), None)
        } else {
            (Box::default(), Some(Box::new(ranges.into())))
        };
        TokenKeys { buffer, short, long }
    }

    /// Number of keys.
    fn len(&self) -> usize {
        self.short
            .len()
            .max(self.long.as_ref().map_or(0, |long| long.len()))
    }

    /// The keys in token order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The key of token `i` (`""` past the end).
    pub fn get(&self, i: usize) -> &str {
        let Some(&[start, end]) = self.short.get(i) else {
            return self.long_key(i);
        };
        self.buffer
            .get(usize::from(start)..usize::from(end))
            .unwrap_or("")
    }

    /// Where each key starts and ends in `text`, in token order, when the keys are cut from that
    /// very text (the folded text of [`Tokens::with_key_fold`]); `None` when they are not.
    pub fn ranges_in(&self, text: &Arc<str>) -> Option<impl Iterator<Item = (usize, usize)> + '_> {
        if !Arc::ptr_eq(&self.buffer, text) {
            return None;
        }
        let short = self.short.iter().map(|&[s, e]| (usize::from(s), usize::from(e)));
        let long = (self.long.iter().flat_map(|long| long.iter())).map(|&[s, e]| (s as usize, e as usize));
        Some(short.chain(long))
    }

    /// The key of token `i` of a buffer longer than [`SHORT`] (`""` past the end), out of line:
    /// nearly every sentence is shorter.
    #[cold]
    #[inline(never)]
    fn long_key(&self, i: usize) -> &str {
        let Some(&[start, end]) = self.long.as_ref().and_then(|long| long.get(i)) else {
            return "";
        };
        self.buffer.get(start as usize..end as usize).unwrap_or("")
    }
}

/// The key at `start..end` of its buffer, as kept (past 4 GiB it stops rather than wrap).
#[inline]
fn key_range(start: usize, end: usize) -> [u32; 2] {
    [text_offset(start), text_offset(end)]
}

/// Room a token list starts with for a text of `len` bytes: more than nearly every sentence
/// needs (Arabic news has a token every nine bytes or so, a list of figures one every four), as
/// it is copied to its exact length once read ([`exact`]).
fn tokens_room(len: usize) -> usize {
    len / 4 + 4
}

/// `items` in an allocation of their exact length. Shrinking in place does not return the room
/// under mimalloc (it keeps a block until less than half of it is used), so a list with room to
/// spare is copied: a prepared document holds one per sentence through the whole analysis.
pub(crate) fn exact<T: Copy>(items: Vec<T>) -> Vec<T> {
    if items.len() == items.capacity() {
        items
    } else {
        items.as_slice().to_vec()
    }
}

/// What [`tokenize`] finds, without a `String` per token: pieces and their keys.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Tokens in text order (held exactly: a prepared document keeps one list per sentence).
    pub pieces: Box<[Piece]>,
    /// Their keys ([`fold_key`](crate::fold_key) of the original text).
    pub keys: TokenKeys,
}

impl Tokens {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.pieces.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// The key of token `i` (`""` past the end).
    pub fn key(&self, i: usize) -> &str {
        self.keys.get(i)
    }
}

#[cfg(test)]
mod tests;

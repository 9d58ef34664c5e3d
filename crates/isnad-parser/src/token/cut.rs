//! The tokenizer loops that cut a text into tokens: [`Tokens::of`], which folds each key,
//! and [`Tokens::of_folded`], which cuts the keys from text folded before.

use super::chars::{class, fold_arabic_pair, is_arabic_pair};
use super::{Piece, TokenKeys, TokenKind, Tokens, key_range, piece_base};
use crate::Span;
use crate::normalize::{Normalized, fold_key_into};
use std::sync::Arc;

/// The character at byte `i` of `text` (`None` at its end): a space or other ASCII character, which
/// ends most tokens, is read without decoding.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
        None => None,
    }
}

/// True when `next` goes on a token of `kind` (`rest` is the text after `next`): a run of one
/// kind, digits after Latin letters, Latin letters after digits (the token becomes Latin), a
/// decimal or thousands separator between digits.
#[inline]
pub(super) fn joins(kind: &mut TokenKind, next: char, rest: &str) -> bool {
    match (*kind, class(next)) {
        (a, Some(b)) if a == b => true,
        (TokenKind::Latin, Some(TokenKind::Number)) => true,
        (TokenKind::Number, Some(TokenKind::Latin)) if next.is_ascii_alphabetic() => {
            *kind = TokenKind::Latin;
            true
        }
        (TokenKind::Number, Some(TokenKind::Punct)) if matches!(next, '.' | ',' | '٫' | '٬') => rest
            .chars()
            .next()
            .is_some_and(|c| class(c) == Some(TokenKind::Number)),
        _ => false,
    }
}

/// Moves `i` past the rest of a token of `kind` (not punctuation) whose first character ends
/// at `i`; returns its kind (digits joined by Latin letters make it Latin), as [`Tokens::of`] reads.
#[inline]
fn extend_token(text: &str, mut kind: TokenKind, i: &mut usize) -> TokenKind {
    let bytes = text.as_bytes();
    loop {
        if kind == TokenKind::Arabic {
            // Pairs from `*i` on, as far as they are letters or marks of U+0621..U+065F.
            let run = (bytes[*i..].chunks_exact(2))
                .take_while(|pair| is_arabic_pair(pair[0], pair[1]))
                .count();
            *i += 2 * run;
        }
        let Some(next) = char_at(text, *i) else {
            break;
        };
        if !joins(&mut kind, next, &text[*i + next.len_utf8()..]) {
            break;
        }
        *i += next.len_utf8();
    }
    kind
}

impl Tokens {
    /// Tokenizes `source[span]` (nothing when the span is not a valid range of `source`).
    pub fn of(source: &str, span: Span) -> Tokens {
        let Some(text) = source.get(span.range()) else {
            return Tokens::default();
        };
        let bytes = text.as_bytes();
        let base = piece_base(span);
        let mut pieces = Vec::with_capacity(text.len() / 8);
        let mut keys = Vec::with_capacity(text.len() / 8);
        let mut buffer = String::with_capacity(text.len());
        let mut i = 0;
        while let Some(ch) = text[i..].chars().next() {
            let start = i;
            i += ch.len_utf8();
            let Some(mut kind) = class(ch) else { continue };
            let key_start = buffer.len();
            // Letters of U+0621..U+065F fold into the buffer as they are read; a token with any
            // other character is folded again as a whole.
            let mut slow = true;
            if kind == TokenKind::Arabic
                && let Some(folded) =
                    fold_arabic_pair(bytes[start], bytes.get(start + 1).copied().unwrap_or(0))
            {
                slow = false;
                if let Some(c) = folded {
                    buffer.push(c);
                }
            }
            if kind != TokenKind::Punct {
                loop {
                    if kind == TokenKind::Arabic {
                        while i + 1 < bytes.len()
                            && let Some(folded) = fold_arabic_pair(bytes[i], bytes[i + 1])
                        {
                            // One `push` per letter: `extend` with an `Option` reserved first.
                            if let Some(c) = folded {
                                buffer.push(c);
                            }
                            i += 2;
                        }
                    }
                    let Some(next) = text[i..].chars().next() else {
                        break;
                    };
                    if !joins(&mut kind, next, &text[i + next.len_utf8()..]) {
                        break;
                    }
                    slow = true;
                    i += next.len_utf8();
                }
            }
            if slow {
                buffer.truncate(key_start);
                fold_key_into(&text[start..i], &mut buffer);
            }
            pieces.push(Piece::at(base, start, i, kind));
            keys.push(key_range(key_start, buffer.len()));
        }
        let keys = TokenKeys::new(Arc::from(buffer), &keys);
        Tokens {
            pieces: pieces.into_boxed_slice(),
            keys,
        }
    }

    /// [`Tokens::of`] from the sentence's [`Fold::Key`](crate::Fold::Key) text `folded`
    /// (`Normalized::of(source, span, Fold::Key)`): the same tokens, their keys cut from the
    /// folded text instead of folding every word a second time.
    pub fn of_folded(source: &str, span: Span, folded: &Normalized) -> Tokens {
        let (Some(text), Some(mut offsets)) = (source.get(span.range()), folded.key_offsets(span)) else {
            return Tokens::of(source, span);
        };
        let bytes = text.as_bytes();
        let base = piece_base(span);
        let mut pieces = Vec::with_capacity(text.len() / 8);
        // The keys are cut from the folded text (shared); a key that is not a piece of it is
        // folded into `more`, kept after it.
        let mut keys = Vec::with_capacity(text.len() / 8);
        let mut more = String::new();
        let mut i = 0;
        while i < bytes.len() {
            // Spaces separate most tokens: stepped over without decoding.
            if bytes[i] == b' ' {
                i += 1;
                continue;
            }
            let start = i;
            // Most tokens start with an Arabic letter, known from its two bytes.
            let kind = if bytes.get(i + 1).is_some_and(|&b1| is_arabic_pair(bytes[i], b1)) {
                i += 2;
                TokenKind::Arabic
            } else {
                let Some(ch) = text[i..].chars().next() else { break };
                i += ch.len_utf8();
                let Some(kind) = class(ch) else { continue };
                kind
            };
            // The same boundaries as `Tokens::of`.
            let kind = if kind == TokenKind::Punct {
                kind
            } else {
                extend_token(text, kind, &mut i)
            };
            let key_from = offsets.at(span.start + start);
            let key_to = offsets.at(span.start + i);
            if folded.text.get(key_from..key_to).is_some() {
                keys.push(key_range(key_from, key_to));
            } else {
                let end = folded.text.len() + more.len();
                fold_key_into(&text[start..i], &mut more);
                keys.push(key_range(end, folded.text.len() + more.len()));
            }
            pieces.push(Piece::at(base, start, i, kind));
        }
        let buffer = if more.is_empty() {
            Arc::clone(&folded.text)
        } else {
            Arc::from([&folded.text[..], &more].concat())
        };
        Tokens {
            pieces: pieces.into_boxed_slice(),
            keys: TokenKeys::new(buffer, &keys),
        }
    }
}

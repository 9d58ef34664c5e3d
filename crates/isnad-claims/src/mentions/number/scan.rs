//! The number finder's tokens of one sentence: spans, kinds and folded keys.
//!
//! The parser's tokens join digits with their separators and Latin letters with digits; the
//! finder needs bare digit runs (separators are read by `words::read_digits`) and single
//! punctuation marks. [`from_parser`] takes the parser's tokens as they are where they agree and
//! rescans the rest with [`scan`], which keeps keys `fold_key`-compatible.

use super::super::words::{continues_arabic_word, digit_value};
use isnad_parser::{Span, TokenKind, fold_key, is_arabic_letter};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Arabic letters.
    Word,
    /// A run of digits (no separators).
    Digits,
    /// Latin letters, with digits glued to them ("S600").
    Latin,
    /// One other character.
    Punct,
}

/// A token of the sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Original bytes.
    pub span: Span,
    /// Kind.
    pub kind: Kind,
    /// True when whitespace (or the sentence start) comes right before it.
    pub space_before: bool,
}

/// Tokens of a sentence with their keys (folded words, lower-case Latin, the punctuation itself,
/// ASCII digits): the parser's key where the token is the parser's, else one kept in a buffer the
/// caller owns, so that no key is copied and reading one is an index.
pub(super) struct Tokens<'k> {
    /// Tokens in order.
    pub toks: Vec<Tok>,
    /// The key of each token.
    keys: Vec<&'k str>,
}

impl Tokens<'_> {
    /// The key of token `i` (empty past the end).
    #[inline]
    pub fn key(&self, i: usize) -> &str {
        self.keys.get(i).copied().unwrap_or("")
    }

    /// The keys in order.
    pub fn keys(&self) -> Vec<String> {
        self.keys.iter().map(|k| k.to_string()).collect()
    }
}

/// Tokens being made, their keys not yet resolved.
struct Layout<'p> {
    toks: Vec<Tok>,
    /// Where each token's key is.
    keys: Vec<KeyAt<'p>>,
}

/// Where the key of a token is kept.
#[derive(Debug, Clone, Copy)]
enum KeyAt<'p> {
    /// The key of the parser's token.
    Parsed(&'p str),
    /// A byte range of the buffer of keys scanned here.
    Scanned(u32, u32),
}

impl<'p> Layout<'p> {
    /// No tokens yet, with room for those of `bytes` bytes of text.
    fn with_capacity(bytes: usize) -> Layout<'p> {
        Layout {
            toks: Vec::with_capacity(bytes / 8),
            keys: Vec::with_capacity(bytes / 8),
        }
    }

    /// The tokens, their keys those of the parser's tokens or read from `buffer`.
    fn resolve<'k>(self, buffer: &'k str) -> Tokens<'k>
    where
        'p: 'k,
    {
        let keys = (self.keys.iter())
            .map(|at| match *at {
                KeyAt::Parsed(key) => key,
                KeyAt::Scanned(a, b) => buffer.get(a as usize..b as usize).unwrap_or(""),
            })
            .collect();
        Tokens {
            toks: self.toks,
            keys,
        }
    }
}

/// Scans `source[span]`, its keys kept in `buffer`. Arabic words take a byte-level fast path for
/// the common letters (the bulk of any article); anything else goes through `char` decoding and
/// `fold_key`.
pub(super) fn scan<'k>(source: &str, span: Span, buffer: &'k mut String) -> Tokens<'k> {
    let mut layout = Layout::with_capacity(span.len());
    buffer.reserve(span.len());
    scan_into(source, span, &mut layout, buffer, true);
    layout.resolve(buffer)
}

/// The finder's tokens of `source[span]` from the parser's tokens of the same text, which the
/// mention pass has already made: most parser tokens are finder tokens as they are, with the
/// same key; the others (numbers with separators, Latin runs, lone marks) are scanned again, their
/// keys kept in `buffer`.
/// One difference remains: an invisible format character (RLM, ZWNJ) inside a word splits it here.
pub(super) fn from_parser<'k>(
    source: &str,
    span: Span,
    parsed: &'k isnad_parser::Tokens,
    buffer: &'k mut String,
) -> Tokens<'k> {
    let mut layout = Layout::with_capacity(span.len());
    let mut space_before = true;
    let mut last_end = span.start;
    for (piece, key) in parsed.pieces.iter().zip(parsed.keys.iter()) {
        // Tokens touching (a word and its punctuation) have no gap to read.
        if piece.span().start != last_end {
            let gap = source.get(last_end..piece.span().start).unwrap_or_default();
            space_before |= gap == " " || gap.chars().any(char::is_whitespace);
        }
        last_end = piece.span().end;
        let kind = match piece.kind {
            TokenKind::Arabic if !key.is_empty() => Some(Kind::Word),
            TokenKind::Number if key.bytes().all(|b| b.is_ascii_digit()) => Some(Kind::Digits),
            TokenKind::Punct => Some(Kind::Punct),
            _ => None,
        };
        match kind {
            Some(kind) => {
                layout.toks.push(Tok {
                    span: piece.span(),
                    kind,
                    space_before,
                });
                layout.keys.push(KeyAt::Parsed(key));
                space_before = false;
            }
            None => space_before = scan_into(source, piece.span(), &mut layout, buffer, space_before),
        }
    }
    layout.resolve(buffer)
}

/// Appends the tokens of `source[span]` to `tokens` (their keys to `buffer`), the first one
/// preceded by whitespace when `space_before`; returns whether whitespace ends the span (it
/// precedes whatever comes next).
fn scan_into(
    source: &str,
    span: Span,
    tokens: &mut Layout,
    buffer: &mut String,
    mut space_before: bool,
) -> bool {
    let Some(text) = source.get(span.range()) else {
        return space_before;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let key_start = buffer.len();
        // The parser's fold of one Arabic letter from its two bytes (`None`: not such a letter).
        let pair = |i: usize| {
            bytes
                .get(i + 1)
                .and_then(|&b1| isnad_parser::fold_arabic_pair(bytes[i], b1))
        };
        let common_letter = pair(i).is_some_and(|f| f.is_some());
        let (kind, end, slow) = if common_letter {
            // An Arabic word: fold common letters byte-wise until a non-word character.
            let mut slow = false;
            while i < bytes.len() {
                if let Some(folded) = pair(i) {
                    // One `push` per letter: `extend` with an `Option` reserved before each.
                    if let Some(c) = folded {
                        buffer.push(c);
                    }
                    i += 2;
                    continue;
                }
                let Some(ch) = text[i..].chars().next() else { break };
                if !continues_arabic_word(ch) {
                    break;
                }
                slow = true;
                i += ch.len_utf8();
            }
            (Kind::Word, i, slow)
        } else {
            let Some(ch) = text[i..].chars().next() else { break };
            i += ch.len_utf8();
            // A word may start with a mark, as the parser reads it.
            let kind = if is_arabic_letter(ch) || isnad_parser::is_word_mark(ch) {
                Kind::Word
            } else if digit_value(ch).is_some() {
                Kind::Digits
            } else if ch.is_alphabetic() {
                Kind::Latin
            } else if ch.is_whitespace()
                || continues_arabic_word(ch)
                || ch.is_control()
                || isnad_parser::is_ignorable(ch)
            {
                space_before = space_before || ch.is_whitespace();
                continue;
            } else {
                Kind::Punct
            };
            if kind != Kind::Punct {
                while let Some(next) = text[i..].chars().next() {
                    let same = match kind {
                        Kind::Word => continues_arabic_word(next),
                        Kind::Digits => digit_value(next).is_some(),
                        // Latin letters and digits, as the parser joins them.
                        _ => {
                            digit_value(next).is_some()
                                || (next.is_alphabetic()
                                    && !is_arabic_letter(next)
                                    && !isnad_parser::is_word_mark(next))
                        }
                    };
                    if !same {
                        break;
                    }
                    i += next.len_utf8();
                }
            }
            let raw = &text[start..i];
            // ASCII and Arabic comma, semicolon and question mark fold to themselves.
            let plain_punct = kind == Kind::Punct && (ch.is_ascii() || matches!(ch, '،' | '؛' | '؟'));
            match kind {
                Kind::Digits => buffer.extend(
                    raw.chars()
                        .filter_map(digit_value)
                        .map(|d| char::from(b'0' + d as u8)),
                ),
                Kind::Latin => buffer.push_str(&raw.to_lowercase()),
                Kind::Punct if plain_punct => buffer.push_str(raw),
                _ => {}
            }
            (
                kind,
                i,
                kind == Kind::Word || (kind == Kind::Punct && !plain_punct),
            )
        };
        if slow {
            buffer.truncate(key_start);
            buffer.push_str(&fold_key(&text[start..end]));
        }
        if kind == Kind::Word && buffer.len() == key_start {
            // Marks alone (a stray tatweel) are no word.
            continue;
        }
        tokens.toks.push(Tok {
            span: Span::new(span.start + start, span.start + end),
            kind,
            space_before,
        });
        tokens
            .keys
            .push(KeyAt::Scanned(key_start as u32, buffer.len() as u32));
        space_before = false;
    }
    space_before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_fold_key() {
        let text = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم ی\u{200F}ک ٱلله؛ لماذا؟ (نعم) “قال”.";
        let mut buffer = String::new();
        let tokens = scan(text, Span::new(0, text.len()), &mut buffer);
        for (i, tok) in tokens.toks.iter().enumerate() {
            let raw = &text[tok.span.range()];
            match tok.kind {
                Kind::Word | Kind::Punct => assert_eq!(tokens.key(i), fold_key(raw), "{raw}"),
                Kind::Digits => assert_eq!(tokens.key(i), fold_key(raw)),
                Kind::Latin => assert_eq!(tokens.key(i), raw.to_lowercase()),
            }
        }
    }

    /// Tokens as `(span, kind, space before, key)`, for comparisons.
    fn listed(tokens: &Tokens) -> Vec<(Span, Kind, bool, String)> {
        (tokens.toks.iter().enumerate())
            .map(|(i, t)| (t.span, t.kind, t.space_before, tokens.key(i).to_string()))
            .collect()
    }

    fn from_parser_listed(text: &str, span: Span) -> Vec<(Span, Kind, bool, String)> {
        let parsed = isnad_parser::Tokens::of(text, span);
        let mut buffer = String::new();
        listed(&from_parser(text, span, &parsed, &mut buffer))
    }

    fn scan_listed(text: &str, span: Span) -> Vec<(Span, Kind, bool, String)> {
        let mut buffer = String::new();
        listed(&scan(text, span, &mut buffer))
    }

    #[test]
    fn parser_tokens_give_the_scan_of_numbers_latin_and_marks() {
        let text = "في 12,500 و١٢٬٥٠٠ (2.5%) 600S وF-16 ــ ً قالَ «لـ2024م» ﺑﻮﺗﻴﻦ  S600؛ 3D.";
        for span in [Span::new(0, text.len()), Span::new(3, text.len() - 1)] {
            assert_eq!(from_parser_listed(text, span), scan_listed(text, span));
        }
    }

    proptest::proptest! {
        /// Apart from invisible format characters, which the parser does not keep inside a word,
        /// the tokens made from the parser's are the finder's own scan.
        #[test]
        fn parser_tokens_agree_with_the_scan(
            text in "[ اأبتةجدىيكلمنهوﻻﺑیکé²٪\u{064E}\u{0651}\u{0640}\u{00AD}0-9٠-٩۴٫٬,.%:/()«»،؛a-zA-Z\\-\n\t]{0,40}"
        ) {
            let span = Span::new(0, text.len());
            proptest::prop_assert_eq!(from_parser_listed(&text, span), scan_listed(&text, span));
        }
    }
}

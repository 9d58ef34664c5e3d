//! A sentence as matching text: `Fold::Key` normalization with whitespace runs collapsed to one
//! space, split into words, with every byte mapped back to the original text.

use isnad_parser::{Fold, Normalized, Span, is_arabic_letter};

/// What a word is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// Letters (any script), possibly with digits.
    Letters,
    /// Digits only.
    Digits,
    /// One punctuation character.
    Punct,
}

/// A word of the match text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Byte range in the match text.
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
}

/// The match text of one sentence.
pub(crate) struct SentenceText {
    /// Folded text, single spaces.
    pub text: String,
    /// For each byte of `text`, the byte of the normalized text it came from.
    map: Vec<u32>,
    norm: Normalized,
    pub words: Vec<Word>,
    /// Match-text bytes of every ه that was a ة in the original (sorted).
    taa: Vec<usize>,
}

/// True for characters that make up words (letters of any script and digits).
pub(crate) fn is_word_char(c: char) -> bool {
    is_arabic_letter(c) || c.is_alphanumeric()
}

impl SentenceText {
    /// Builds the match text of `source[span]`.
    pub fn new(source: &str, span: Span) -> SentenceText {
        let norm = Normalized::of(source, span, Fold::Key);
        let mut text = String::with_capacity(norm.text.len());
        let mut map = Vec::with_capacity(norm.text.len());
        let mut chars = norm.text.char_indices().peekable();
        let mut prev: Option<char> = None;
        let mut taa = Vec::new();
        while let Some((i, ch)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            // A hyphen between two letters joins name parts ("جاي-إن"); match it as a space.
            let hyphen_join = matches!(ch, '-' | '‐' | '‑')
                && prev.is_some_and(|p| is_word_char(p) && !p.is_ascii_digit())
                && next.is_some_and(|n| is_word_char(n) && !n.is_ascii_digit());
            let ch = if ch.is_whitespace() || hyphen_join {
                ' '
            } else {
                ch
            };
            if ch == ' ' && (text.is_empty() || text.ends_with(' ')) {
                prev = Some(ch);
                continue;
            }
            let before = text.len();
            if ch == 'ه' && source.get(norm.original_span(i, i + ch.len_utf8()).range()) == Some("ة") {
                taa.push(before);
            }
            text.push(ch);
            for k in 0..(text.len() - before) {
                map.push((i + k) as u32);
            }
            prev = Some(ch);
        }
        if text.ends_with(' ') {
            text.pop();
            map.pop();
        }
        let words = split_words(&text);
        SentenceText {
            text,
            map,
            norm,
            words,
            taa,
        }
    }

    /// The folded text of words `a..b` (b exclusive).
    pub fn words_text(&self, a: usize, b: usize) -> &str {
        if a >= b || b > self.words.len() {
            return "";
        }
        &self.text[self.words[a].start..self.words[b - 1].end]
    }

    /// The folded text of one word.
    pub fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.text[w.start..w.end]
    }

    /// The original span of match-text bytes `start..end`.
    pub fn original(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.map.len() {
            let at = self
                .map
                .get(start)
                .map_or(self.norm.original_offset(usize::MAX), |&m| {
                    self.norm.original_offset(m as usize)
                });
            return Span::new(at, at);
        }
        self.norm
            .original_span(self.map[start] as usize, self.map[end - 1] as usize + 1)
    }

    /// True when word `i` ends in ة in the original (a feminine noun or adjective, rarely a
    /// foreign name).
    pub fn ends_in_taa(&self, i: usize) -> bool {
        let end = self.words[i].end;
        end >= 2 && self.taa.binary_search(&(end - 2)).is_ok()
    }

    /// The index of the word containing match-text byte `at`.
    pub fn word_at(&self, at: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.end <= at);
        (i < self.words.len() && self.words[i].start <= at).then_some(i)
    }
}

fn split_words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<(usize, bool)> = None; // (start, has letters)
    for (i, ch) in text.char_indices() {
        if is_word_char(ch) {
            match &mut current {
                Some((_, letters)) => *letters |= !ch.is_ascii_digit(),
                None => current = Some((i, !ch.is_ascii_digit())),
            }
            continue;
        }
        if let Some((start, letters)) = current.take() {
            words.push(Word {
                start,
                end: i,
                kind: if letters {
                    WordKind::Letters
                } else {
                    WordKind::Digits
                },
            });
        }
        if ch != ' ' {
            words.push(Word {
                start: i,
                end: i + ch.len_utf8(),
                kind: WordKind::Punct,
            });
        }
    }
    if let Some((start, letters)) = current {
        words.push(Word {
            start,
            end: text.len(),
            kind: if letters {
                WordKind::Letters
            } else {
                WordKind::Digits
            },
        });
    }
    words
}

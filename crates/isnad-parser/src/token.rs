//! Word tokens with byte spans and clitic-split candidates.

use crate::Span;
use crate::normalize::{Edit, Fold, Folded, Normalized, fold_char, fold_key_into, is_ignorable};
use serde::Serialize;

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

/// One way to read a word as proclitics + stem + suffix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segmentation {
    /// Folded proclitics removed from the front, e.g. `"وال"`; empty when none.
    pub prefix: String,
    /// Folded stem.
    pub stem: String,
    /// Folded pronoun suffix removed from the end; empty when none.
    pub suffix: String,
    /// Original bytes of the stem.
    pub stem_span: Span,
}

/// Proclitic sequences, longest first. `لل` is ل + ال with the alef elided.
const PROCLITICS: &[&str] = &[
    "وبال", "وكال", "ولل", "فبال", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "وس", "فس",
    "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك", "س",
];

/// Pronoun suffixes, longest first.
const SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي"];

/// Shortest stem a split may leave (in letters).
const MIN_STEM_CHARS: usize = 2;

impl Token {
    /// The token's original text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.range()]
    }

    /// Candidate readings: the whole word first, then proclitic and suffix splits that leave a
    /// stem of at least two letters. A `ت` before a suffix is also offered as `ة` (زيارته → زيارة).
    pub fn segmentations(&self, source: &str) -> Vec<Segmentation> {
        let whole = Segmentation {
            prefix: String::new(),
            stem: self.key.clone(),
            suffix: String::new(),
            stem_span: self.span,
        };
        let mut out = vec![whole];
        if self.kind != TokenKind::Arabic {
            return out;
        }
        let original = self.text(source);
        let mut prefixes: Vec<&str> = vec![""];
        prefixes.extend(PROCLITICS.iter().copied().filter(|p| self.key.starts_with(p)));
        for prefix in prefixes {
            let rest = &self.key[prefix.len()..];
            let mut suffixes: Vec<&str> = vec![""];
            suffixes.extend(SUFFIXES.iter().copied().filter(|s| rest.ends_with(s)));
            for suffix in suffixes {
                if prefix.is_empty() && suffix.is_empty() {
                    continue;
                }
                let stem = &rest[..rest.len() - suffix.len()];
                if stem.chars().count() < MIN_STEM_CHARS {
                    continue;
                }
                let stem_span = map_key_range(
                    original,
                    self.span.start,
                    prefix.chars().count(),
                    stem.chars().count(),
                );
                let mut push = |stem: String| {
                    let seg = Segmentation {
                        prefix: fold_prefix(prefix),
                        stem,
                        suffix: suffix.to_string(),
                        stem_span,
                    };
                    if !out.contains(&seg) {
                        out.push(seg);
                    }
                };
                push(stem.to_string());
                if !suffix.is_empty() && stem.ends_with('ت') {
                    push(format!("{}ه", &stem[..stem.len() - 'ت'.len_utf8()]));
                }
            }
        }
        out
    }
}

fn fold_prefix(prefix: &str) -> String {
    prefix.to_string()
}

/// Maps a range of key characters (`skip` letters in, `take` letters long) back to original bytes,
/// stepping over marks and tatweel that the key dropped.
fn map_key_range(original: &str, base: usize, skip: usize, take: usize) -> Span {
    let mut letters = 0;
    let mut start = None;
    let mut end = original.len();
    for (i, ch) in original.char_indices() {
        if is_ignorable(ch) {
            continue;
        }
        if letters == skip && start.is_none() {
            start = Some(i);
        }
        if letters == skip + take {
            end = i;
            break;
        }
        letters += 1;
    }
    // Trailing marks belong to the last letter of the stem.
    let start = start.unwrap_or(original.len());
    Span::new(base + start, base + end.max(start))
}

#[inline]
fn class(ch: char) -> Option<TokenKind> {
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

/// Splits `source[span]` into tokens. Numbers keep internal separators (`12,500`, `2.5`, `٢٫٥`)
/// when a digit follows; Latin runs absorb digits (`S600`).
pub fn tokenize(source: &str, span: Span) -> Vec<Token> {
    let tokens = Tokens::of(source, span);
    tokens
        .pieces
        .iter()
        .enumerate()
        .map(|(i, p)| Token {
            span: p.span,
            kind: p.kind,
            key: tokens.keys.get(i).to_string(),
        })
        .collect()
}

/// A token's span and kind; its key is kept apart, in [`TokenKeys`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Original bytes.
    pub span: Span,
    /// Kind of characters.
    pub kind: TokenKind,
}

/// The keys of a token list: byte ranges of one buffer, which is either the keys back to back
/// or the sentence's folded text, whose pieces the keys are (cut without copying them).
#[derive(Debug, Clone, Default)]
pub struct TokenKeys {
    buffer: String,
    /// Where each key starts in `buffer`.
    starts: Vec<u32>,
    /// Where each key ends in `buffer`.
    ends: Vec<u32>,
}

/// A byte offset in a key buffer, as kept.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl TokenKeys {
    /// No keys yet, with room for `tokens` of them; they are to be cut from `buffer`.
    fn with_capacity(buffer: String, tokens: usize) -> TokenKeys {
        TokenKeys {
            buffer,
            starts: Vec::with_capacity(tokens),
            ends: Vec::with_capacity(tokens),
        }
    }

    /// Adds the key at `start..end` of the buffer.
    fn push(&mut self, start: usize, end: usize) {
        self.starts.push(offset(start));
        self.ends.push(offset(end));
    }

    /// The keys in token order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (self.starts.iter().zip(&self.ends))
            .map(|(&start, &end)| self.buffer.get(start as usize..end as usize).unwrap_or(""))
    }

    /// The key of token `i` (`""` past the end).
    pub fn get(&self, i: usize) -> &str {
        let (Some(&start), Some(&end)) = (self.starts.get(i), self.ends.get(i)) else {
            return "";
        };
        self.buffer.get(start as usize..end as usize).unwrap_or("")
    }
}

/// What [`tokenize`] finds, without a `String` per token: pieces and their keys.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Tokens in text order.
    pub pieces: Vec<Piece>,
    /// Their keys ([`fold_key`](crate::fold_key) of the original text).
    pub keys: TokenKeys,
}

/// The code point of the two bytes when they are the UTF-8 of a letter or mark in
/// U+0621..U+065F, which [`class`] reads as Arabic: the bulk of any article, stepped over
/// without decoding.
#[inline]
fn arabic_pair(b0: u8, b1: u8) -> Option<u32> {
    if !matches!(b0, 0xD8 | 0xD9) {
        return None;
    }
    let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
    (0x0621..=0x065F).contains(&cp).then_some(cp)
}

/// True when [`arabic_pair`] is `Some`, by one table load.
#[inline]
fn is_arabic_pair(b0: u8, b1: u8) -> bool {
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

/// The character at byte `i` of `text` (`None` at its end): a space or other ASCII character, which
/// ends most tokens, is read without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
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
fn joins(kind: &mut TokenKind, next: char, rest: &str) -> bool {
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

/// What [`Fold::Key`] makes of each code point U+0600..U+067F (indexed as [`ARABIC_D8_D9`]):
/// [`NOT_ARABIC`] outside U+0621..U+065F, [`SAME`] for a letter it keeps, else an index into
/// [`PAIR_REPLACEMENTS`] (as [`fold_arabic`] reads them, in one table load).
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
const PAIR_REPLACEMENTS: [&str; 4] = ["ا", "ي", "ه", ""];
/// A code of [`PAIR_FOLDS`]: the letter folds to itself.
const SAME: u8 = 4;
/// A code of [`PAIR_FOLDS`]: no letter or mark of U+0621..U+065F.
const NOT_ARABIC: u8 = 5;

/// The [`PAIR_FOLDS`] code of the two bytes at `i` ([`NOT_ARABIC`] at the end of the text).
#[inline]
fn pair_fold(bytes: &[u8], i: usize) -> u8 {
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
        self.edits.push(Edit {
            norm,
            norm_len: folded.len(),
            orig: at,
            orig_len: len,
        });
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

/// [`extend_token`] folding what it reads into `fold`.
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
    /// Tokenizes `source[span]` (nothing when the span is not a valid range of `source`).
    pub fn of(source: &str, span: Span) -> Tokens {
        let Some(text) = source.get(span.range()) else {
            return Tokens::default();
        };
        let bytes = text.as_bytes();
        let mut pieces = Vec::with_capacity(text.len() / 8);
        let mut keys = TokenKeys::with_capacity(String::with_capacity(text.len()), text.len() / 8);
        let buffer = &mut keys.buffer;
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
                fold_key_into(&text[start..i], buffer);
            }
            pieces.push(Piece {
                span: Span::new(span.start + start, span.start + i),
                kind,
            });
            keys.starts.push(offset(key_start));
            keys.ends.push(offset(buffer.len()));
        }
        Tokens { pieces, keys }
    }

    /// [`Tokens::of`] from the sentence's [`Fold::Key`](crate::Fold::Key) text `folded`
    /// (`Normalized::of(source, span, Fold::Key)`): the same tokens, their keys cut from the
    /// folded text instead of folding every word a second time.
    pub fn of_folded(source: &str, span: Span, folded: &Normalized) -> Tokens {
        let (Some(text), Some(mut offsets)) = (source.get(span.range()), folded.key_offsets(span)) else {
            return Tokens::of(source, span);
        };
        let bytes = text.as_bytes();
        let mut pieces = Vec::with_capacity(text.len() / 8);
        // The keys are cut from a copy of the folded text: one copy instead of one per token.
        let mut keys = TokenKeys::with_capacity(folded.text.clone(), text.len() / 8);
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
                keys.push(key_from, key_to);
            } else {
                let end = keys.buffer.len();
                fold_key_into(&text[start..i], &mut keys.buffer);
                keys.push(end, keys.buffer.len());
            }
            pieces.push(Piece {
                span: Span::new(span.start + start, span.start + i),
                kind,
            });
        }
        Tokens { pieces, keys }
    }

    /// [`Tokens::of`] and the [`Fold::Key`] text of `source[span]`
    /// (`Normalized::of(source, span, Fold::Key)`) in one pass over the text: each character is
    /// read once for both, and the keys are cut from the folded text.
    /// Nothing of either when the span is not a valid range of `source`.
    pub fn with_key_fold(source: &str, span: Span) -> (Tokens, Normalized) {
        let Some(text) = source.get(span.range()) else {
            return (
                Tokens::default(),
                Normalized::of_key_fold(String::new(), Vec::new(), span.start),
            );
        };
        let bytes = text.as_bytes();
        let mut fold = KeyFolder {
            text,
            out: String::with_capacity(text.len()),
            // Arabic news has an alef with hamza, a taa marbuta or a mark every twenty bytes or so.
            edits: Vec::with_capacity(text.len() / 16),
            copied: 0,
        };
        let mut pieces = Vec::with_capacity(text.len() / 8);
        // Each key is where its token lies in the folded text, filled in at the end.
        let mut keys = TokenKeys::with_capacity(String::new(), text.len() / 8);
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
            keys.push(key_from, fold.landing(i));
            pieces.push(Piece {
                span: Span::new(span.start + start, span.start + i),
                kind,
            });
        }
        fold.catch_up(bytes.len());
        // The keys are cut from a copy of the folded text: one copy instead of one per token.
        keys.buffer = fold.out.clone();
        let folded = Normalized::of_key_fold(fold.out, fold.edits, span.start);
        (Tokens { pieces, keys }, folded)
    }

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
mod tests {
    use super::*;

    #[test]
    fn a_word_is_letters_digits_and_the_marks_inside_arabic_words() {
        for c in [
            'ب', 'ی', 'ﻻ', 'a', 'Z', '7', '٣', '۵', 'é', '\u{064E}', '\u{0640}', '\u{0670}',
        ] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in [' ', '،', '؟', '.', '-', '«', '\u{200F}', '%'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn alphanumerics_are_the_standard_ones() {
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control()) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{:04X}", c as u32);
        }
    }

    #[test]
    fn arabic_letters_are_the_script_blocks_without_marks_and_tatweel() {
        for ch in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control()) {
            let blocks = matches!(ch, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
                | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFC}');
            let expected = blocks && !matches!(ch, '\u{0640}' | '\u{064B}'..='\u{065F}');
            assert_eq!(is_arabic_letter(ch), expected, "{:04X}", ch as u32);
        }
    }

    fn keys(src: &str) -> Vec<String> {
        tokenize(src, Span::new(0, src.len()))
            .into_iter()
            .map(|t| t.key)
            .collect()
    }

    #[test]
    fn shared_keys_match_fold_key() {
        let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم ی\u{200F}ک ٱلله؛ 12,500 و2.5 “قال”.";
        let tokens = Tokens::of(src, Span::new(0, src.len()));
        assert!(tokens.len() > 10);
        for (i, piece) in tokens.pieces.iter().enumerate() {
            assert_eq!(
                tokens.key(i),
                crate::fold_key(&src[piece.span.range()]),
                "token {i}"
            );
        }
        assert_eq!(tokens.key(tokens.len()), "");
        assert!(tokens.keys.iter().eq((0..tokens.len()).map(|i| tokens.key(i))));
        assert!(Tokens::of(src, Span::new(1, 2)).is_empty());
    }

    fn same_tokens(src: &str, span: Span) {
        let folded = Normalized::of(src, span, crate::Fold::Key);
        let cut = Tokens::of_folded(src, span, &folded);
        let whole = Tokens::of(src, span);
        assert_eq!(cut.pieces, whole.pieces, "{src:?}");
        for i in 0..whole.len() {
            assert_eq!(cut.key(i), whole.key(i), "{src:?} token {i}");
        }
        assert_eq!(cut.len(), whole.len());
    }

    /// [`Tokens::with_key_fold`] makes what the two passes make.
    fn same_in_one_pass(src: &str, span: Span) {
        let (tokens, folded) = Tokens::with_key_fold(src, span);
        let two_folded = Normalized::of(src, span, crate::Fold::Key);
        let two_tokens = Tokens::of_folded(src, span, &two_folded);
        // Text, edits, base and fold alike.
        assert_eq!(format!("{folded:?}"), format!("{two_folded:?}"));
        assert_eq!(tokens.pieces, two_tokens.pieces, "{src:?}");
        assert_eq!(tokens.len(), two_tokens.len());
        for i in 0..tokens.len() {
            assert_eq!(tokens.key(i), two_tokens.key(i), "{src:?} token {i}");
        }
    }

    #[test]
    fn keys_cut_from_the_folded_text_are_the_folded_words() {
        let src = "قالَ أُعِدَّت ٢٠ سيارةً، ﻻ ﺑﻮﺗﻴﻦ S600 إلى كـــيم ی\u{200F}ک ٱلله؛ 12,500 و2.5 “قال”. 3D 7a";
        same_tokens(src, Span::new(0, src.len()));
        same_in_one_pass(src, Span::new(0, src.len()));
        let start = src.find('٢').unwrap();
        same_tokens(src, Span::new(start, src.len() - 3));
        same_in_one_pass(src, Span::new(start, src.len() - 3));
    }

    #[test]
    fn pair_folds_are_the_decoded_folds() {
        for b0 in [0xD8u8, 0xD9] {
            for b1 in 0x80..=0xBFu8 {
                let original = char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F));
                // What the letter or mark folds to, "kept" when to itself.
                let expected = fold_arabic_pair(b0, b1).map(|folded| match folded {
                    Some(c) if Some(c) == original => "kept".to_string(),
                    Some(c) => c.to_string(),
                    None => String::new(),
                });
                let got = match pair_fold(&[b0, b1], 0) {
                    NOT_ARABIC => None,
                    SAME => Some("kept".to_string()),
                    code => Some(PAIR_REPLACEMENTS[usize::from(code)].to_string()),
                };
                assert_eq!(got, expected, "{b0:02X} {b1:02X}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn keys_cut_from_the_folded_text_agree(
            text in "[ اأبتةجدىيكلمنهوﻻﺑیکé²٪\u{064E}\u{0651}\u{0640}\u{00AD}\u{200F}\u{00A0}0-9٠-٩۴٫٬,.%:/()«»،؛a-zA-Z\\-\n\t]{0,40}"
        ) {
            same_tokens(&text, Span::new(0, text.len()));
        }

        #[test]
        fn one_pass_agrees_with_two(
            text in "[ اأإآبتةجدىيئءكلمنهوﻻﻷﺑیکڤٱé²٪\u{064B}\u{064E}\u{0651}\u{0670}\u{0640}\u{00AD}\u{200B}\u{200F}\u{00A0}\u{2009}0-9٠-٩۴٫٬,.%:/()«»،؛a-zA-Z\\-\n\t]{0,60}",
            cut in 0usize..8,
        ) {
            same_in_one_pass(&text, Span::new(0, text.len()));
            // A sentence inside a longer text.
            let from = text.char_indices().nth(cut).map_or(text.len(), |(at, _)| at);
            same_in_one_pass(&text, Span::new(from, text.len()));
        }
    }

    #[test]
    fn arabic_pairs_by_table_are_the_decoded_ones() {
        for b0 in 0..=255u8 {
            for b1 in 0..=255u8 {
                assert_eq!(
                    is_arabic_pair(b0, b1),
                    arabic_pair(b0, b1).is_some(),
                    "{b0:02X} {b1:02X}"
                );
            }
        }
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            keys("قال: ١٢٬٥٠٠ و2.5، S600."),
            ["قال", ":", "12,500", "و", "2.5", "،", "S600", "."]
        );
    }

    #[test]
    fn clitic_candidates_keep_two_letter_stems() {
        let src = "وبوتين لكيم زيارته بال";
        let tokens = tokenize(src, Span::new(0, src.len()));
        let stems = |i: usize| {
            tokens[i]
                .segmentations(src)
                .into_iter()
                .map(|s| s.stem)
                .collect::<Vec<_>>()
        };
        assert!(stems(0).contains(&"بوتين".to_string()));
        assert!(stems(1).contains(&"كيم".to_string()));
        assert!(stems(2).contains(&"زياره".to_string()));
        assert!(!stems(3).iter().any(|s| s.chars().count() < 2));
        let seg = tokens[0]
            .segmentations(src)
            .into_iter()
            .find(|s| s.stem == "بوتين")
            .unwrap();
        assert_eq!(&src[seg.stem_span.range()], "بوتين");
    }
}

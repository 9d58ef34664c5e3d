//! A sentence as matching text: `Fold::Key` normalization with whitespace runs collapsed to one
//! space, split into words (read off the prepared tokens when they give them), with every byte
//! mapped back to the original text.

use crate::lexical::table::{WordCut, WordTable};
use isnad_parser::{Normalized, Span};

/// What a word is made of: letters (any script, possibly with digits), digits only, or one
/// punctuation character.
pub(crate) use isnad_parser::WordKind;

/// A word of the match text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Byte range in the match text.
    pub start: usize,
    pub end: usize,
    pub kind: WordKind,
    /// Whether it starts with «ال» (the article, or letters that look like it): asked of the
    /// words around nearly every word.
    pub article: bool,
}

/// Maps the match text of one sentence back to the original text: kept past the sentence's scan
/// for the document pass, which maps only the few free words it takes.
pub(crate) struct TextMap<'n> {
    /// Where the text drifts from the normalized text (a dropped or shortened space): from text
    /// byte `.0` on, text byte `t` came from normalized byte `.1 + (t - .0)` (sorted; usually empty).
    shifts: Vec<(u32, u32)>,
    norm: &'n Normalized,
    /// Length of the match text, in bytes.
    len: u32,
    /// Whether the match text is the normalized text itself (it usually is).
    norm_text: bool,
}

impl<'n> TextMap<'n> {
    /// The match text, when it is the normalized text itself: what the document pass reads of
    /// a free word need not be copied then.
    pub fn norm_text(&self) -> Option<&'n str> {
        let norm = self.norm;
        self.norm_text.then_some(&norm.text[..])
    }

    /// The match-text byte that normalized byte `n` became (`n` not a dropped space).
    fn text_byte(&self, n: usize) -> usize {
        across(&self.shifts, n, |&(text, norm)| (norm, text))
    }

    /// The normalized-text byte that match-text byte `at` came from.
    #[inline]
    fn norm_byte(&self, at: usize) -> usize {
        across(&self.shifts, at, |&pair| pair)
    }

    /// The original span of match-text bytes `start..end`.
    pub fn original(&self, start: usize, end: usize) -> Span {
        let len = self.len as usize;
        if start >= end || end > len {
            let at = if start < len {
                self.norm.original_offset(self.norm_byte(start))
            } else {
                self.norm.original_offset(usize::MAX)
            };
            return Span::new(at, at);
        }
        self.norm
            .original_span(self.norm_byte(start), self.norm_byte(end - 1) + 1)
    }

    /// Where match-text byte `at` (inside the text) starts in the original.
    pub fn original_start(&self, at: usize) -> usize {
        self.norm.original_offset(self.norm_byte(at))
    }
}

/// The match text of one sentence.
pub(crate) struct SentenceText<'n> {
    /// Folded text, single spaces (usually the normalized text itself, borrowed).
    pub text: std::borrow::Cow<'n, str>,
    map: TextMap<'n>,
    pub words: Vec<Word>,
    /// Match-text bytes of every ه that was a ة in the original (sorted).
    taa: Vec<usize>,
    /// Match-text bytes of every ا that was أ، إ or آ in the original (sorted).
    hamza_alef: Vec<usize>,
    /// Match-text bytes where the original had a tanween the fold dropped (sorted).
    tanween: Vec<usize>,
}

pub(crate) use isnad_parser::is_word_char;

impl<'n> SentenceText<'n> {
    /// Builds the match text of a sentence from its `Fold::Key` normalization.
    pub fn new(source: &str, norm: &'n Normalized) -> SentenceText<'n> {
        SentenceText::of_cut(source, norm, split(&norm.text, true))
    }

    /// [`SentenceText::new`] with the words of the normalized text cut already (see [`split`]):
    /// `None` when it is not match text.
    pub fn of_cut(source: &str, norm: &'n Normalized, cut: Option<Vec<Word>>) -> SentenceText<'n> {
        let mut shifts = Vec::new();
        // Usually the normalized text is already its own match text (a copy: the normalized text
        // maps its own bytes back to the original); the cut says when it is not.
        let (text, words) = match cut {
            Some(words) => (std::borrow::Cow::Borrowed(&norm.text[..]), words),
            None => {
                let text = collapse_spaces(&norm.text, &mut shifts);
                let words = split_words(&text);
                (std::borrow::Cow::Owned(text), words)
            }
        };
        let map = TextMap {
            shifts,
            norm,
            len: u32::try_from(text.len()).unwrap_or(u32::MAX),
            norm_text: matches!(text, std::borrow::Cow::Borrowed(_)),
        };
        let lists = LISTS.take();
        let mut st = SentenceText {
            words,
            text,
            map,
            taa: emptied(lists.taa),
            hamza_alef: emptied(lists.hamza_alef),
            tanween: emptied(lists.tanween),
        };
        // Every ه that was ة in the original, every ا that was أ، إ or آ, every dropped tanween:
        // the fold changed those, so they are among its edits, read in one pass. The pass's
        // test notes which of the three the original character is, for the edit it lets through.
        #[derive(Clone, Copy)]
        enum Was {
            Taa,
            HamzaAlef,
            Tanween,
        }
        let was = std::cell::Cell::new(Was::Taa);
        let edits = norm.folded_from(source, |c| {
            let class = match c {
                'ة' => Was::Taa,
                'أ' | 'إ' | 'آ' => Was::HamzaAlef,
                '\u{064B}'..='\u{064D}' => Was::Tanween,
                _ => return false,
            };
            was.set(class);
            true
        });
        for n in edits {
            match was.get() {
                Was::Taa if norm.text[n..].starts_with('ه') => st.taa.push(st.map.text_byte(n)),
                Was::HamzaAlef if norm.text[n..].starts_with('ا') => {
                    st.hamza_alef.push(st.map.text_byte(n));
                }
                Was::Tanween => st.tanween.push(st.map.text_byte(n)),
                _ => {}
            }
        }
        st
    }

    /// True when the match text is the normalized text itself (see [`TextMap::norm_text`]).
    pub fn is_norm_text(&self) -> bool {
        self.map.norm_text
    }

    /// The map back to the original text, kept once the sentence is scanned (its lists are
    /// kept by the thread for the next sentence).
    pub fn into_map(self) -> TextMap<'n> {
        LISTS.set(Lists {
            words: self.words,
            taa: self.taa,
            hamza_alef: self.hamza_alef,
            tanween: self.tanween,
        });
        self.map
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
        self.map.original(start, end)
    }

    /// True when word `i` starts with a hamza on its alef in the original ("إلياس"، "ألفت"): its
    /// «ال» is no article.
    pub fn hamza_initial(&self, i: usize) -> bool {
        self.hamza_alef.binary_search(&self.words[i].start).is_ok()
    }

    /// True when word `i` carries a tanween in the original ("مضيفاً"، "رسميةٌ"): an Arabic word with
    /// its case ending, never a transliterated name.
    pub fn has_tanween(&self, i: usize) -> bool {
        let word = self.words[i];
        let first = self.tanween.partition_point(|&at| at < word.start);
        self.tanween.get(first).is_some_and(|&at| at <= word.end)
    }

    /// True when word `i` ends in ة in the original (a feminine noun or adjective, rarely a
    /// foreign name).
    pub fn ends_in_taa(&self, i: usize) -> bool {
        let end = self.words[i].end;
        end >= 2 && self.taa.binary_search(&(end - 2)).is_ok()
    }
}

/// A sentence's lists, kept by each thread between sentences for their room: a sentence's
/// match text fills them rather than allocating its own.
#[derive(Default)]
struct Lists {
    words: Vec<Word>,
    taa: Vec<usize>,
    hamza_alef: Vec<usize>,
    tanween: Vec<usize>,
}

thread_local! {
    static LISTS: std::cell::Cell<Lists> = std::cell::Cell::default();
}

/// `list` emptied, keeping its room.
fn emptied<T>(mut list: Vec<T>) -> Vec<T> {
    list.clear();
    list
}

/// Follows byte `at` across drift points, each read by `side` as `(from, to)` and sorted by
/// `from`: from byte `from` on, byte `b` stands at `to + (b - from)` on the other side.
#[inline]
fn across(shifts: &[(u32, u32)], at: usize, side: impl Fn(&(u32, u32)) -> (u32, u32)) -> usize {
    let i = shifts.partition_point(|pair| side(pair).0 as usize <= at);
    match i.checked_sub(1) {
        Some(i) => {
            let (from, to) = side(&shifts[i]);
            to as usize + (at - from as usize)
        }
        None => at,
    }
}

/// The slow path of the match text: whitespace runs to one space, hyphens between letters to a
/// space, recording in `shifts` where the text drifts from `norm`.
fn collapse_spaces(norm: &str, shifts: &mut Vec<(u32, u32)>) -> String {
    let mut text = String::with_capacity(norm.len());
    let mut chars = norm.char_indices().peekable();
    let mut prev: Option<char> = None;
    // The normalized byte the next text byte maps to when nothing drifted.
    let mut expected = 0usize;
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
        if i != expected {
            shifts.push((text.len() as u32, i as u32));
        }
        text.push(ch);
        expected = i + ch.len_utf8();
        prev = Some(ch);
    }
    if text.ends_with(' ') {
        text.pop();
    }
    text
}

/// Splits match text into words: the parser's word-level cut ([`isnad_parser::word_runs`]), each
/// word marked for its article.
pub(crate) fn split_words(text: &str) -> Vec<Word> {
    split(text, false).unwrap_or_default()
}

/// A word made of no single token (see [`cut_of_tokens`]).
pub(crate) const NO_TOKEN: u32 = u32::MAX;

/// [`split`] with its check, read off the tokens of a prepared sentence whose folded text is
/// `text`: `keys` their ranges in it, `ids` their ids in `table`. A token is one word, or a few
/// (a number with separators), and touching words of letters or digits are one; `tokens` gets,
/// for each word, the id of the token it is ([`NO_TOKEN`] for another word). `None` when the
/// text is not match text, or a token folded to nothing: the text is split then.
pub(crate) fn cut_of_tokens(
    text: &str,
    keys: impl Iterator<Item = (usize, usize)>,
    ids: &[u32],
    table: &mut WordTable,
    tokens: &mut Vec<u32>,
) -> Option<Vec<Word>> {
    let bytes = text.as_bytes();
    let mut words = word_list(text.len());
    tokens.clear();
    // End of the token before: what lies between it and the next must be one space or nothing.
    let mut end = 0;
    for ((start, stop), &id) in keys.zip(ids) {
        let gap = start.checked_sub(end)?;
        let spaced = gap == 0 || (gap == 1 && end > 0 && bytes[end] == b' ');
        if !spaced || start == stop {
            return None;
        }
        let key = &text[start..stop];
        match table.cut(id, key) {
            WordCut::One { kind, article } => {
                let word = Word {
                    start,
                    end: stop,
                    kind,
                    article,
                };
                push_word(&mut words, tokens, word, id);
            }
            WordCut::Several => {
                for run in isnad_parser::word_runs(key) {
                    let word = Word {
                        start: start + run.start,
                        end: start + run.end,
                        kind: run.kind,
                        article: run.kind == WordKind::Letters && key[run.start..run.end].starts_with("ال"),
                    };
                    push_word(&mut words, tokens, word, NO_TOKEN);
                }
            }
            WordCut::Unfit => return None,
        }
        end = stop;
    }
    (end == text.len()).then_some(words)
}

/// Appends `word`, token `token`, to `words`; a word of letters or digits that touches one
/// before it goes on that word (the word cut reads them as one), which is then no token's.
fn push_word(words: &mut Vec<Word>, tokens: &mut Vec<u32>, word: Word, token: u32) {
    if let (Some(last), Some(last_token)) = (words.last_mut(), tokens.last_mut())
        && last.end == word.start
        && last.kind != WordKind::Punct
        && word.kind != WordKind::Punct
    {
        last.end = word.end;
        if word.kind == WordKind::Letters {
            last.kind = WordKind::Letters;
        }
        *last_token = NO_TOKEN;
        return;
    }
    words.push(word);
    tokens.push(token);
}

/// The thread's word list of the last sentence, emptied, when it gave it back (see
/// [`SentenceText::into_map`]), with room for the words of `len` bytes of text (about one per six
/// bytes of Arabic).
fn word_list(len: usize) -> Vec<Word> {
    let mut words = LISTS.with(|cell| {
        let mut lists = cell.take();
        let words = emptied(std::mem::take(&mut lists.words));
        cell.set(lists);
        words
    });
    words.reserve(len / 6 + 1);
    words
}

/// [`split_words`]; with `check`, `None` for text that is not yet match text: whitespace other
/// than single inner spaces, or a hyphen, which may join two parts of a name.
fn split(text: &str, check: bool) -> Option<Vec<Word>> {
    let mut words = word_list(text.len());
    // End of the word before: what lies between it and the next is whitespace.
    let mut end = 0;
    for run in isnad_parser::word_runs(text) {
        if check {
            // Match text has one space between words that a space parts, none before the first.
            // (What lies between two words is whitespace, so one byte of it is one character.)
            let gap = run.start - end;
            let spaced = gap == 0 || (gap == 1 && end > 0 && text.as_bytes()[end] == b' ');
            let joiner = run.kind == WordKind::Punct && matches!(&text[run.start..run.end], "-" | "‐" | "‑");
            if !spaced || joiner {
                return None;
            }
        }
        words.push(Word {
            start: run.start,
            end: run.end,
            kind: run.kind,
            article: run.kind == WordKind::Letters
                && text.as_bytes()[run.start..run.end].starts_with("ال".as_bytes()),
        });
        end = run.end;
    }
    // No space after the last word.
    if check && end != text.len() {
        return None;
    }
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_parser::is_arabic_letter;

    #[test]
    fn word_characters_are_arabic_letters_and_alphanumerics() {
        for c in [
            'a', 'Z', '7', ' ', '-', '،', '«', 'ء', 'ب', 'ي', 'ـ', 'ً', '٣', 'ژ', 'ﻻ', 'é', '\u{200F}',
        ] {
            assert_eq!(
                is_word_char(c),
                is_arabic_letter(c) || c.is_alphanumeric(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn words_are_letter_runs_and_single_marks() {
        let text = "قال 20 «كيم» S600.";
        let words: Vec<(&str, WordKind)> = split_words(text)
            .iter()
            .map(|w| (&text[w.start..w.end], w.kind))
            .collect();
        assert_eq!(
            words,
            [
                ("قال", WordKind::Letters),
                ("20", WordKind::Digits),
                ("«", WordKind::Punct),
                ("كيم", WordKind::Letters),
                ("»", WordKind::Punct),
                ("S600", WordKind::Letters),
                (".", WordKind::Punct),
            ]
        );
    }

    /// A sentence of words and marks is read off its tokens, a number with separators and a word
    /// touching digits cut as the text is; a hyphen sends the text to the split.
    #[test]
    fn words_are_read_off_the_tokens() {
        let cut = |text: &str| {
            let (tokens, folded) = isnad_parser::Tokens::with_key_fold(text, Span::new(0, text.len()));
            let ids = crate::lexical::table::WordIds::of(&tokens);
            let keys: Vec<(usize, usize)> = tokens
                .keys
                .ranges_in(&folded.text)
                .expect("cut from it")
                .collect();
            let mut of_token = Vec::new();
            let words = crate::lexical::table::with_words(&tokens, &ids, |table, ids| {
                cut_of_tokens(&folded.text, keys.iter().copied(), ids, table, &mut of_token)
            });
            words.map(|words| {
                (words.iter().zip(&of_token))
                    .map(|(w, &token)| (folded.text[w.start..w.end].to_string(), token != NO_TOKEN))
                    .collect::<Vec<_>>()
            })
        };
        let words = cut("قالَ «كيم2» إنّ 12,500 سيارة.").expect("match text");
        let expected = [
            ("قال", true),
            ("«", true),
            ("كيم2", false),
            ("»", true),
            ("ان", true),
            ("12", false),
            (",", false),
            ("500", false),
            ("سياره", true),
            (".", true),
        ];
        let expected: Vec<(String, bool)> = expected.iter().map(|&(w, t)| (w.to_string(), t)).collect();
        assert_eq!(words, expected);
        assert_eq!(cut("جاي-إن قال"), None);
        assert_eq!(cut("قال  كيم"), None);
    }

    /// The entity layer's own splitter before it read the parser's cut: the oracle the cut
    /// must keep to.
    fn split_before(text: &str, check: bool) -> Option<Vec<(usize, usize, WordKind, bool)>> {
        let mut words = Vec::new();
        let mut current: Option<(usize, bool)> = None;
        let mut after_space = true;
        let letter_run = |start: usize, end: usize, letters: bool| {
            let kind = if letters {
                WordKind::Letters
            } else {
                WordKind::Digits
            };
            (
                start,
                end,
                kind,
                text.as_bytes()[start..end].starts_with("ال".as_bytes()),
            )
        };
        for (i, ch) in text.char_indices() {
            if is_word_char(ch) {
                match &mut current {
                    Some((_, letters)) => *letters |= !ch.is_ascii_digit(),
                    None => current = Some((i, !ch.is_ascii_digit())),
                }
                after_space = false;
                continue;
            }
            if let Some((start, letters)) = current.take() {
                words.push(letter_run(start, i, letters));
            }
            if ch == ' ' {
                if check && after_space {
                    return None;
                }
                after_space = true;
                continue;
            }
            if check && (ch.is_whitespace() || matches!(ch, '-' | '‐' | '‑')) {
                return None;
            }
            after_space = false;
            words.push((i, i + ch.len_utf8(), WordKind::Punct, false));
        }
        if check && after_space && !text.is_empty() {
            return None;
        }
        if let Some((start, letters)) = current {
            words.push(letter_run(start, text.len(), letters));
        }
        Some(words)
    }

    fn cut(text: &str, check: bool) -> Option<Vec<(usize, usize, WordKind, bool)>> {
        split(text, check).map(|words| {
            words
                .iter()
                .map(|w| (w.start, w.end, w.kind, w.article))
                .collect()
        })
    }

    proptest::proptest! {
        /// The entity words are the parser's word cut, as the entity layer cut them before: on
        /// any text when checking for match text, and on text whose only whitespace is the
        /// space otherwise (match text, the only text split unchecked; the old splitter made a
        /// tab a punctuation word, the cut a separator).
        #[test]
        fn the_words_are_the_parser_cut(
            text in "[ الكيمبدxS0-9٣«»،.,:\\-‐\u{00A0}\t\u{200F}é²ـ]{0,24}"
        ) {
            proptest::prop_assert_eq!(cut(&text, true), split_before(&text, true));
            let spaced = text.replace(|c: char| c.is_whitespace(), " ");
            proptest::prop_assert_eq!(cut(&spaced, false), split_before(&spaced, false));
        }

        /// The words read off a sentence's tokens are the words its folded text is split into,
        /// whenever the tokens give them (and the text is match text then), each word of one
        /// token marked with that token's id.
        #[test]
        fn the_words_of_the_tokens_are_the_split(
            text in "[ الكيمبدxS0-9٣«»،.,:\\-‐\u{00A0}\t\u{200F}é²ـﻻ\u{064B}\u{0670}]{0,24}"
        ) {
            let (tokens, folded) = isnad_parser::Tokens::with_key_fold(&text, Span::new(0, text.len()));
            let ids = crate::lexical::table::WordIds::of(&tokens);
            let keys: Vec<(usize, usize)> = tokens.keys.ranges_in(&folded.text).expect("cut from it").collect();
            let mut of_token = Vec::new();
            let cut = crate::lexical::table::with_words(&tokens, &ids, |table, ids| {
                cut_of_tokens(&folded.text, keys.iter().copied(), ids, table, &mut of_token)
            });
            let as_tuples = |words: &[Word]| -> Vec<(usize, usize, WordKind, bool)> {
                words.iter().map(|w| (w.start, w.end, w.kind, w.article)).collect()
            };
            if let Some(words) = cut {
                let split = split(&folded.text, true);
                proptest::prop_assert!(split.is_some(), "{:?} is no match text", folded.text);
                proptest::prop_assert_eq!(as_tuples(&words), as_tuples(&split.unwrap_or_default()));
                proptest::prop_assert_eq!(of_token.len(), words.len());
                for (w, &token) in words.iter().zip(&of_token) {
                    if token != NO_TOKEN {
                        let at = keys.iter().position(|&k| k == (w.start, w.end));
                        proptest::prop_assert!(at.is_some(), "word {:?} is no token", w);
                    }
                }
            }
        }

        /// The split takes text as match text exactly when collapsing would leave it unchanged.
        #[test]
        fn the_split_knows_match_text(text in "[ كيم-‐\u{00A0}\t\n«»0-9a]{0,16}") {
            let mut shifts = Vec::new();
            let collapsed = collapse_spaces(&text, &mut shifts);
            match split(&text, true) {
                Some(words) => {
                    proptest::prop_assert_eq!(&collapsed, &text);
                    let expected: Vec<(usize, usize)> =
                        split_words(&text).iter().map(|w| (w.start, w.end)).collect();
                    let got: Vec<(usize, usize)> = words.iter().map(|w| (w.start, w.end)).collect();
                    proptest::prop_assert_eq!(got, expected);
                }
                // Only hyphens may be sent to the slow path without need.
                None => proptest::prop_assert!(collapsed != text || text.contains(['-', '‐'])),
            }
        }
    }
}

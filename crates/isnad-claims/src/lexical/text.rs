//! Arabic words in the original text: the word at a position, spaces, letter spans, the article.

use isnad_parser::{Span, fold_key, is_arabic_letter, is_ignorable};

/// A word of Arabic letters in the original text with its folded lookup key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// Original bytes, marks included.
    pub span: Span,
    /// `fold_key` of the original bytes.
    pub key: String,
}

/// True for characters that continue an Arabic word (letters and the marks inside it).
pub(crate) fn continues_arabic_word(ch: char) -> bool {
    is_arabic_letter(ch) || (is_ignorable(ch) && !ch.is_whitespace())
}

/// The Arabic word starting exactly at `at` (not before `limit`).
pub(crate) fn word_at(source: &str, at: usize, limit: usize) -> Option<Word> {
    let text = source.get(at..limit)?;
    let first = text.chars().next()?;
    if !is_arabic_letter(first) {
        return None;
    }
    let len = text
        .char_indices()
        .find(|&(_, c)| !continues_arabic_word(c))
        .map_or(text.len(), |(i, _)| i);
    let span = Span::new(at, at + len);
    Some(Word {
        span,
        key: fold_key(&source[span.range()]),
    })
}

/// Skips spaces and invisible characters from `at`; returns the next position.
pub(crate) fn skip_space(source: &str, at: usize, limit: usize) -> usize {
    let Some(text) = source.get(at..limit) else {
        return at;
    };
    at + text
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || is_ignorable(c)))
        .map_or(text.len(), |(i, _)| i)
}

/// The next word after spaces, if the next thing is a word.
pub(crate) fn next_word(source: &str, at: usize, limit: usize) -> Option<Word> {
    word_at(source, skip_space(source, at, limit), limit)
}

/// Drops a leading article when a stem of at least two letters remains.
pub(crate) fn strip_article(word: &str) -> &str {
    match word.strip_prefix("ال") {
        Some(rest) if rest.chars().nth(1).is_some() => rest,
        _ => word,
    }
}

/// Original byte span of a key suffix: the word minus its first `skip` letters (marks included).
pub(crate) fn after_letters(source: &str, word: &Word, skip: usize) -> Span {
    letters_span(source, word.span, skip, 0)
}

/// The original bytes of the letters of `span` that remain after dropping `skip` letters from the
/// front and `drop_end` from the back (marks count with the letter before them).
pub(crate) fn letters_span(source: &str, span: Span, skip: usize, drop_end: usize) -> Span {
    let Some(text) = source.get(span.range()) else {
        return span;
    };
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(_, c)| !is_ignorable(c))
        .map(|(i, _)| i)
        .collect();
    let start = starts.get(skip).map_or(text.len(), |&i| i);
    let end = match starts.len().checked_sub(drop_end) {
        Some(n) if n < starts.len() => starts[n],
        Some(_) => text.len(),
        None => start,
    };
    Span::new(span.start + start, span.start + end.max(start))
}

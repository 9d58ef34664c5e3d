//! One document prepared once for every layer: each story sentence's tokens and its folded
//! (`Fold::Key`) text. The mention, entity, claim and fact passes all read a sentence through
//! these, so it is tokenized and folded once, and no pass keeps state for another.

use crate::lexical::words::TokenWords;
use isnad_parser::{Document, Normalized, Sentence, Span, Tokens};
use std::cell::OnceCell;

/// A document with its sentences tokenized and folded.
pub struct Prepared<'d> {
    /// The document.
    pub document: &'d Document,
    /// One entry per sentence of the document, in its order (`None` for a span that is not text).
    sentences: Vec<Option<PreparedSentence>>,
}

/// One sentence, tokenized and folded.
pub struct PreparedSentence {
    /// Its tokens (spans, kinds and folded keys).
    pub tokens: Tokens,
    /// Its text folded for matching, with the offset map back to the original.
    pub folded: Normalized,
    /// Its tokens' lemmas, lexicon flags and clauses, read when a layer first asks.
    words: OnceCell<TokenWords>,
}

impl PreparedSentence {
    /// Tokenizes and folds `source[span]`.
    pub fn of(source: &str, span: Span) -> PreparedSentence {
        // One pass folds the sentence and cuts its tokens' keys from the folded text.
        let (tokens, folded) = Tokens::with_key_fold(source, span);
        PreparedSentence {
            tokens,
            folded,
            words: OnceCell::new(),
        }
    }

    /// Its tokens' lemmas, lexicon flags and clauses (read once, shared by the fact readers).
    pub(crate) fn token_words(&self) -> &TokenWords {
        self.words.get_or_init(|| TokenWords::of(&self.tokens))
    }
}

impl<'d> Prepared<'d> {
    /// Tokenizes and folds every sentence of `document`.
    pub fn of(document: &'d Document) -> Prepared<'d> {
        let sentences = document
            .sentences
            .iter()
            .map(|sentence| {
                let span = sentence.span;
                if span.is_empty() || document.source.get(span.range()).is_none() {
                    return None;
                }
                Some(PreparedSentence::of(&document.source, span))
            })
            .collect();
        Prepared { document, sentences }
    }

    /// The document's text.
    pub fn source(&self) -> &'d str {
        &self.document.source
    }

    /// Every sentence that is text, with its preparation.
    pub fn sentences(&self) -> impl Iterator<Item = (&'d Sentence, &PreparedSentence)> {
        self.document
            .sentences
            .iter()
            .zip(&self.sentences)
            .filter_map(|(sentence, prepared)| prepared.as_ref().map(|p| (sentence, p)))
    }

    /// The span and preparation of the sentence that contains `span`.
    pub fn sentence_containing(&self, span: Span) -> Option<(Span, &PreparedSentence)> {
        let sentences = &self.document.sentences;
        let i = sentences
            .partition_point(|s| s.span.start <= span.start)
            .checked_sub(1)?;
        let sentence = sentences[i].span;
        if !sentence.contains(span) {
            return None;
        }
        self.sentences[i].as_ref().map(|p| (sentence, p))
    }

    /// The preparation of the sentence whose span is `span`.
    pub fn sentence(&self, span: Span) -> Option<&PreparedSentence> {
        let i = self
            .document
            .sentences
            .partition_point(|s| s.span.start < span.start);
        self.document
            .sentences
            .get(i)
            .filter(|s| s.span == span)
            .and_then(|_| self.sentences[i].as_ref())
    }
}

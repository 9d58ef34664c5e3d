//! One document prepared once for every layer: each story sentence's tokens and its folded
//! (`Fold::Key`) text. The mention, entity, claim and fact passes all read a sentence through
//! these, so it is tokenized and folded once, and no pass keeps state for another.

use isnad_parser::{Document, Fold, Normalized, Sentence, Span, Tokens};

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
                Some(PreparedSentence {
                    tokens: Tokens::of(&document.source, span),
                    folded: Normalized::of(&document.source, span, Fold::Key),
                })
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

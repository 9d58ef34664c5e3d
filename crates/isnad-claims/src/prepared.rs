//! One document prepared once for every layer: each story sentence's tokens and its folded
//! (`Fold::Key`) text. The mention, entity, claim and fact passes all read a sentence through
//! these, so it is tokenized and folded once, and no pass keeps state for another.

use crate::lexical::table::{WordIds, WordTable, with_fresh_words, with_words};
use crate::lexical::words::TokenWords;
use isnad_parser::{Document, Normalized, Sentence, Span, Tokens};
use rayon::prelude::*;
use std::sync::OnceLock;

/// A document with its sentences tokenized and folded.
pub struct Prepared<'d> {
    /// The document.
    pub document: &'d Document,
    /// One entry per sentence of the document, in its order (`None` for a span that is not
    /// text), in runs of [`CHUNK`]: a long document's last pass frees each run once read, the
    /// list with what it holds (issue #17).
    runs: Vec<Vec<Option<PreparedSentence>>>,
    /// Whether its passes read sentences on every core (a long document).
    parallel: bool,
}

/// One sentence, tokenized and folded.
pub struct PreparedSentence {
    /// Its tokens (spans, kinds and folded keys).
    pub tokens: Tokens,
    /// Its text folded for matching, with the offset map back to the original.
    pub folded: Normalized,
    /// Its tokens' ids in the word table of the thread that first asked: one lookup per token
    /// for every reader's memo of its words (a sentence no such reader reads has none).
    ids: OnceLock<WordIds>,
    /// Whether its ids are kept once made: not in a long document, whose sentences are read on
    /// other threads than the one that made them (and would each hold four bytes more a token).
    keep_ids: bool,
    /// Its tokens' lemmas, lexicon flags and clauses, read when a layer first asks (boxed: most
    /// sentences are never asked, and a long document holds every sentence).
    words: OnceLock<Box<TokenWords>>,
}

impl PreparedSentence {
    /// Tokenizes and folds `source[span]`.
    pub fn of(source: &str, span: Span) -> PreparedSentence {
        // One pass folds the sentence and cuts its tokens' keys from the folded text.
        let (tokens, folded) = Tokens::with_key_fold(source, span);
        PreparedSentence {
            tokens,
            folded,
            ids: OnceLock::new(),
            keep_ids: true,
            words: OnceLock::new(),
        }
    }

    /// Its tokens' lemmas, lexicon flags and clauses (read once, shared by the fact readers).
    pub(crate) fn token_words(&self) -> &TokenWords {
        self.words
            .get_or_init(|| Box::new(self.with_words(|table, ids| TokenWords::of(&self.tokens, table, ids))))
    }

    /// Runs `read` with this thread's word table and the ids of the sentence's tokens in it.
    pub(crate) fn with_words<R>(&self, read: impl FnOnce(&mut WordTable, &[u32]) -> R) -> R {
        if !self.keep_ids {
            return with_fresh_words(&self.tokens, read);
        }
        let ids = self.ids.get_or_init(|| WordIds::of(&self.tokens));
        with_words(&self.tokens, ids, read)
    }

    /// Whether its token words were read (tests hold the readers to reading them only when needed).
    #[cfg(test)]
    pub(crate) fn token_words_read(&self) -> bool {
        self.words.get().is_some()
    }
}

/// Sentences from which a document's passes run on every core: a long report holds a few
/// hundred; only far longer texts are worth the threads.
const LONG_DOCUMENT_SENTENCES: usize = 2_000;

/// Sentences one thread takes at a time, and the length of a run of prepared sentences (a few
/// under test, so the seeds' short articles cross run boundaries).
const CHUNK: usize = if cfg!(test) { 3 } else { 256 };

fn is_long(document: &Document) -> bool {
    document.sentences.len() >= LONG_DOCUMENT_SENTENCES
}

impl<'d> Prepared<'d> {
    /// Tokenizes and folds every sentence of `document`.
    pub fn of(document: &'d Document) -> Prepared<'d> {
        Prepared::with_threads(document, is_long(document))
    }

    /// [`Prepared::of`], its passes reading sentences on every core or not whatever its length
    /// (tests hold the two ways to the same result).
    pub(crate) fn with_threads(document: &'d Document, parallel: bool) -> Prepared<'d> {
        let prepare = |sentence: &Sentence| {
            let span = sentence.span;
            if span.is_empty() || document.source.get(span.range()).is_none() {
                return None;
            }
            let mut prepared = PreparedSentence::of(&document.source, span);
            prepared.keep_ids = !parallel;
            Some(prepared)
        };
        let prepare_run = |run: &[Sentence]| run.iter().map(prepare).collect();
        let runs = if parallel {
            document.sentences.par_chunks(CHUNK).map(prepare_run).collect()
        } else {
            document.sentences.chunks(CHUNK).map(prepare_run).collect()
        };
        Prepared {
            document,
            runs,
            parallel,
        }
    }

    /// True when the document is long enough for its passes to run on every core.
    pub(crate) fn is_long(&self) -> bool {
        self.parallel
    }

    /// `read` of every sentence that is text, in order; the sentences of a long document are
    /// read on every core (a story's documents already are), so one huge article is not read
    /// on one core while the others wait (issue #17). `read` sees one sentence only, so the
    /// result is the same either way.
    pub(crate) fn map_sentences<'s, T: Send>(
        &'s self,
        read: impl Fn(&'d Sentence, &'s PreparedSentence) -> T + Sync + Send,
    ) -> Vec<T> {
        if !self.parallel {
            return self.sentences().map(|(s, p)| read(s, p)).collect();
        }
        (self.document.sentences.par_chunks(CHUNK))
            .zip(&self.runs)
            .flat_map_iter(|(sentences, run)| {
                (sentences.iter().zip(run))
                    .filter_map(|(sentence, prepared)| prepared.as_ref().map(|p| read(sentence, p)))
            })
            .collect()
    }

    /// [`Prepared::map_sentences`] for a document's last pass: each sentence's preparation
    /// (tokens, folded text, token words) is freed as soon as it is read, and each run's list
    /// once its sentences are, so a long document does not hold every sentence's preparation
    /// beside everything its passes read (issue #17).
    pub(crate) fn map_sentences_once<T: Send>(
        self,
        read: impl Fn(&'d Sentence, &PreparedSentence) -> T + Sync + Send,
    ) -> Vec<T> {
        if !self.parallel {
            return (self
                .document
                .sentences
                .iter()
                .zip(self.runs.into_iter().flatten()))
            .filter_map(|(sentence, prepared)| prepared.map(|p| read(sentence, &p)))
            .collect();
        }
        (self.document.sentences.par_chunks(CHUNK))
            .zip(self.runs)
            .flat_map_iter(|(sentences, run)| {
                (sentences.iter().zip(run))
                    .filter_map(|(sentence, prepared)| prepared.map(|p| read(sentence, &p)))
            })
            .collect()
    }

    /// The document's text.
    pub fn source(&self) -> &'d str {
        &self.document.source
    }

    /// Every sentence that is text, with its preparation.
    pub fn sentences(&self) -> impl Iterator<Item = (&'d Sentence, &PreparedSentence)> {
        (self.document.sentences.iter())
            .zip(self.runs.iter().flatten())
            .filter_map(|(sentence, prepared)| prepared.as_ref().map(|p| (sentence, p)))
    }

    /// The preparation of sentence `i` of the document.
    fn get(&self, i: usize) -> Option<&PreparedSentence> {
        self.runs.get(i / CHUNK)?.get(i % CHUNK)?.as_ref()
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
        self.get(i).map(|p| (sentence, p))
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
            .and_then(|_| self.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::{CHUNK, Prepared, PreparedSentence};
    use crate::entities::Gazetteer;
    use isnad_parser::{ParseOptions, Span};

    /// Sentences are held in runs (three under test): each is found in order, by its span and by
    /// a span inside it, across run boundaries, and the last pass reads each once, in order.
    #[test]
    fn sentences_are_found_across_runs() {
        let options = ParseOptions::default();
        let articles = crate::test_support::bundled_articles(&options);
        let (_, doc) = (articles.iter())
            .max_by_key(|(_, doc)| doc.sentences.len())
            .expect("bundled articles");
        for parallel in [false, true] {
            let prepared = Prepared::with_threads(doc, parallel);
            let spans: Vec<Span> = prepared.sentences().map(|(s, _)| s.span).collect();
            assert!(spans.len() > 3 * CHUNK, "{} sentences", spans.len());
            for (sentence, p) in prepared.sentences() {
                let fresh = PreparedSentence::of(&doc.source, sentence.span);
                assert_eq!(p.folded.text, fresh.folded.text);
                assert!(std::ptr::eq(prepared.sentence(sentence.span).unwrap(), p));
                let inside = Span::new(sentence.span.start, sentence.span.start);
                assert!(std::ptr::eq(prepared.sentence_containing(inside).unwrap().1, p));
            }
            let read = |s: &isnad_parser::Sentence, p: &PreparedSentence| (s.span, p.folded.text.clone());
            let each = prepared.map_sentences(read);
            assert_eq!(each.iter().map(|r| r.0).collect::<Vec<_>>(), spans);
            assert_eq!(prepared.map_sentences_once(read), each);
        }
    }

    /// A long document's passes read its sentences on every core: on every article of the seeds
    /// and fixtures, read that way, the analysis is the one read sentence after sentence (every
    /// field, the words the graph compares included).
    #[test]
    fn reading_sentences_on_every_core_gives_the_same_analysis() {
        let gazetteer = Gazetteer::builtin();
        let options = ParseOptions {
            fallback_date: chrono::NaiveDate::from_ymd_opt(2025, 6, 12),
            ..ParseOptions::default()
        };
        let articles = crate::test_support::bundled_articles(&options);
        for (path, doc) in &articles {
            let read = |parallel| {
                let prepared = Prepared::with_threads(doc, parallel);
                format!(
                    "{:?}",
                    crate::analyze_prepared(prepared, &gazetteer, crate::mentions::Lean::Tense)
                )
            };
            assert_eq!(read(true), read(false), "{}", path.display());
        }
        let compared = articles.len();
        assert!(compared > 50, "only {compared} articles compared");
    }
}

//! Words of a sentence no phrase or pattern took, with their readings, for the document pass.

use super::Scan;
use crate::entities::lexicon::Lexicon;
use crate::entities::text::TextMap;
use isnad_parser::Span;

/// One reading of a free word: the whole word, or the word without a proclitic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    /// Bytes of the folded word skipped (the proclitic).
    skip: u32,
    /// Bytes of the word's letter key skipped.
    key_skip: u32,
    /// Whether the reading may be part of a name ([`plain_word`]).
    pub plain: bool,
}

/// A word no phrase or pattern took, kept for the document-wide pass (surnames, variants).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FreeWord {
    /// Folded word and its letter key: byte ranges of [`FreeWords::buf`].
    word: (u32, u32),
    key: (u32, u32),
    /// Its readings, a range of [`FreeWords::readings`]: whole first, then without each proclitic.
    readings: (u32, u32),
    /// Its sentence (an index of [`FreeWords::maps`]) and its bytes in that sentence's match text.
    sentence: u32,
    text: (u32, u32),
}

/// The free words of a document in runs, their texts in one buffer (no allocation per word).
pub(crate) struct FreeWords<'n> {
    buf: String,
    readings: Vec<Reading>,
    pub words: Vec<FreeWord>,
    /// Runs of consecutive free words: ranges of `words`.
    pub runs: Vec<std::ops::Range<usize>>,
    /// The maps back to the original text of the sentences with free words: a word's span is
    /// mapped only when the document pass takes it (few do).
    pub(super) maps: Vec<TextMap<'n>>,
}

impl<'n> FreeWords<'n> {
    /// Empty, with room for the free words of `bytes` bytes of text.
    pub fn with_capacity(bytes: usize) -> FreeWords<'n> {
        FreeWords {
            buf: String::with_capacity(bytes / 2),
            readings: Vec::with_capacity(bytes / 8),
            words: Vec::with_capacity(bytes / 10),
            runs: Vec::with_capacity(bytes / 40),
            maps: Vec::new(),
        }
    }

    /// Appends the free words of the sentences after these (scanned apart, on another thread).
    pub fn append(&mut self, other: FreeWords<'n>) {
        let at = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let (buf, readings, maps) = (at(self.buf.len()), at(self.readings.len()), at(self.maps.len()));
        let words = self.words.len();
        self.buf.push_str(&other.buf);
        self.readings.extend(other.readings);
        self.words.extend(other.words.into_iter().map(|w| FreeWord {
            word: (w.word.0 + buf, w.word.1 + buf),
            key: (w.key.0 + buf, w.key.1 + buf),
            readings: (w.readings.0 + readings, w.readings.1 + readings),
            sentence: w.sentence + maps,
            text: w.text,
        }));
        self.runs
            .extend(other.runs.into_iter().map(|r| r.start + words..r.end + words));
        self.maps.extend(other.maps);
    }

    /// The number of readings of a word.
    pub fn count(&self, w: &FreeWord) -> usize {
        (w.readings.1 - w.readings.0) as usize
    }

    /// Reading `r` of a word (0 is the whole word): folded text, plain.
    pub fn reading(&self, w: &FreeWord, r: usize) -> (&str, bool) {
        let rd = self.readings[w.readings.0 as usize + r];
        let start = (w.word.0 + rd.skip) as usize;
        (
            self.buf.get(start..w.word.1 as usize).unwrap_or_default(),
            rd.plain,
        )
    }

    /// The original span of reading `r` of a word.
    pub fn span(&self, w: &FreeWord, r: usize) -> Span {
        let rd = self.readings[w.readings.0 as usize + r];
        let map = &self.maps[w.sentence as usize];
        let whole = map.original(w.text.0 as usize, w.text.1 as usize);
        // A reading after a proclitic ends with the whole word: only its start is mapped.
        match rd.skip {
            0 => whole,
            skip => Span::new(map.original_start((w.text.0 + skip) as usize), whole.end),
        }
    }

    /// The letter key of reading `r` of a word.
    pub fn letter_key(&self, w: &FreeWord, r: usize) -> &str {
        let rd = self.readings[w.readings.0 as usize + r];
        let start = (w.key.0 + rd.key_skip) as usize;
        self.buf.get(start..w.key.1 as usize).unwrap_or_default()
    }

    fn end_run(&mut self, start: &mut usize) {
        if self.words.len() > *start {
            self.runs.push(*start..self.words.len());
        }
        *start = self.words.len();
    }
}

/// True for a folded word that may be part of a name found among free words: not an article
/// noun (with or without ل), not a stop word, two letters at least.
pub(crate) fn plain_word(lex: &Lexicon, w: &str) -> bool {
    // "لل" is ل + the article with its alef elided ("للدرويشي").
    !w.starts_with("ال") && !w.starts_with("لل") && w.chars().nth(1).is_some() && !lex.stop_words.contains(w)
}

/// Appends the words of a scanned sentence that no phrase or pattern took, in runs.
pub(super) fn push_free_words(scan: &Scan, consumed: &[bool], free: &mut FreeWords) {
    let (st, lex) = (scan.st, scan.lex);
    // Runs of free words for the document pass. A word none of whose readings is plain can
    // neither start nor continue a name there, so it ends the run instead.
    let mut run_start = free.words.len();
    for w in 0..consumed.len() {
        if scan.is_free(w, consumed) {
            let word = st.word(w);
            let first = free.readings.len();
            free.readings.push(Reading {
                skip: 0,
                key_skip: 0,
                plain: plain_word(lex, word),
            });
            for &p in lex.proclitics_of(word) {
                let proclitic = &lex.proclitics[p];
                if let Some(rest) =
                    crate::short::strip_short_prefix(word, proclitic).filter(|r| r.chars().nth(1).is_some())
                {
                    free.readings.push(Reading {
                        skip: proclitic.len() as u32,
                        key_skip: lex.proclitic_key_lens[p] as u32,
                        plain: plain_word(lex, rest),
                    });
                }
            }
            // Article words stay for the document pass: one may be a family name ("الحمايدة").
            let article = word.starts_with("ال") && !lex.stop_words.contains(word);
            if !article && !free.readings[first..].iter().any(|r| r.plain) {
                free.readings.truncate(first);
                free.end_run(&mut run_start);
                continue;
            }
            let first = first as u32;
            let at = free.buf.len() as u32;
            free.buf.push_str(word);
            let key_at = free.buf.len() as u32;
            crate::entities::variant::letter_key_into(word, &mut free.buf);
            free.words.push(FreeWord {
                word: (at, key_at),
                key: (key_at, free.buf.len() as u32),
                readings: (first, free.readings.len() as u32),
                sentence: free.maps.len() as u32,
                text: (st.words[w].start as u32, st.words[w].end as u32),
            });
        } else {
            free.end_run(&mut run_start);
        }
    }
    free.end_run(&mut run_start);
}

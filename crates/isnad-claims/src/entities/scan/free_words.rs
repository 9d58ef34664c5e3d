//! Words of a sentence no phrase or pattern took, with their readings, for the document pass.

use super::Scan;
use crate::entities::lexicon::Lexicon;
use crate::entities::text::TextMap;
use isnad_parser::Span;

/// One reading of a free word: the whole word, or the word without a proclitic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    /// Bytes of the folded word skipped (the proclitic: a few letters).
    pub(super) skip: u8,
    /// Bytes of the word's letter key skipped.
    pub(super) key_skip: u8,
    /// Whether the reading may be part of a name ([`plain_word`]).
    pub plain: bool,
    /// Its characters and those of its letter key ([`UNCOUNTED`] for a reading too long to be
    /// counted in a byte).
    chars: u8,
    key_chars: u8,
    /// Whether some gazetteer name may have the skeleton of its letter key (false: none has).
    pub skeleton: bool,
}

/// The count of a reading's characters too long for a byte: counted again when asked.
const UNCOUNTED: u8 = u8::MAX;

impl Reading {
    /// The reading of `text` (its letter key `key`) after `skip` bytes of the word (`key_skip`
    /// of its key).
    pub(super) fn new(skip: u8, key_skip: u8, plain: bool, (text, key): (&str, &str)) -> Reading {
        let count = |s: &str| u8::try_from(s.chars().count()).unwrap_or(UNCOUNTED);
        Reading {
            skip,
            key_skip,
            plain,
            chars: count(text),
            key_chars: count(key),
            skeleton: true,
        }
    }

    /// The number of characters of the reading's text `text`.
    pub fn chars(&self, text: &str) -> usize {
        match self.chars {
            UNCOUNTED => text.chars().count(),
            n => usize::from(n),
        }
    }

    /// The number of characters of the reading's letter key `key`.
    pub fn key_chars(&self, key: &str) -> usize {
        match self.key_chars {
            UNCOUNTED => key.chars().count(),
            n => usize::from(n),
        }
    }
}

/// A word no phrase or pattern took, kept for the document-wide pass (surnames, variants).
/// Offsets only, as a long article keeps millions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FreeWord {
    /// Its letter key, bytes `key..key_end` of [`FreeWords::buf`]; its folded word, `len` bytes,
    /// is read from its sentence's match text, or stands just before its key in `buf` when that
    /// text is no longer there (see [`TextMap::norm_text`]).
    key: u32,
    key_end: u32,
    len: u32,
    /// Its first reading in [`FreeWords::readings`]: whole first, then without each proclitic.
    readings: u32,
    readings_len: u8,
    /// Whether one of its readings may open a name of several words: the first letters of a
    /// listed multi-word name, or a name particle.
    opens: bool,
    /// Its sentence (an index of [`FreeWords::maps`]) and where it starts in that sentence's
    /// match text.
    sentence: u32,
    text: u32,
}

/// The free words of a run of sentences in runs, their texts in one buffer (no allocation per
/// word).
pub(crate) struct FreeWords<'n> {
    buf: String,
    readings: Vec<Reading>,
    words: Vec<FreeWord>,
    /// Runs of consecutive free words: ranges of `words`.
    runs: Vec<std::ops::Range<u32>>,
    /// The maps back to the original text of the sentences with free words: a word's span is
    /// mapped only when the document pass takes it (few do).
    pub(super) maps: Vec<TextMap<'n>>,
}

impl<'n> FreeWords<'n> {
    /// Empty, with room for the free words of `bytes` bytes of text: about what news text leaves
    /// (measured on a 50 MB article: a free word every 24 bytes, their letter keys half as long
    /// as the text, a run every 45 bytes; a word has about 1.3 readings).
    pub fn with_capacity(bytes: usize) -> FreeWords<'n> {
        FreeWords {
            buf: String::with_capacity(bytes / 2),
            readings: Vec::with_capacity(bytes / 17),
            words: Vec::with_capacity(bytes / 24),
            runs: Vec::with_capacity(bytes / 45),
            maps: Vec::new(),
        }
    }

    /// Gives back the room reserved and not used: a long document's runs of sentences are held
    /// together until the document pass.
    pub fn shrink_to_fit(&mut self) {
        self.buf.shrink_to_fit();
        self.readings.shrink_to_fit();
        self.words.shrink_to_fit();
        self.runs.shrink_to_fit();
        self.maps.shrink_to_fit();
    }

    /// The number of free words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// The runs of consecutive free words, in text order.
    pub fn runs(&self) -> impl Iterator<Item = &[FreeWord]> {
        self.runs
            .iter()
            .map(|r| &self.words[r.start as usize..r.end as usize])
    }

    /// The number of readings of a word.
    pub fn count(&self, w: &FreeWord) -> usize {
        w.readings_len as usize
    }

    /// Whether a reading of a word may open a name of several words: its letter key is that of
    /// the first word of a listed multi-word name, or it is a name particle.
    pub fn opens(&self, w: &FreeWord) -> bool {
        w.opens
    }

    /// The folded text of a word.
    fn word(&self, w: &FreeWord) -> &str {
        let len = w.len as usize;
        let word = match self.maps[w.sentence as usize].norm_text() {
            Some(text) => text.get(w.text as usize..w.text as usize + len),
            None => self.buf.get(w.key as usize - len..w.key as usize),
        };
        word.unwrap_or_default()
    }

    /// Reading `r` of a word (0 is the whole word): folded text, plain.
    pub fn reading(&self, w: &FreeWord, r: usize) -> (&str, bool) {
        let rd = self.readings[w.readings as usize + r];
        (self.word(w).get(rd.skip as usize..).unwrap_or_default(), rd.plain)
    }

    /// What reading `r` of a word is (see [`Reading`]).
    pub fn reading_facts(&self, w: &FreeWord, r: usize) -> Reading {
        self.readings[w.readings as usize + r]
    }

    /// The original span of reading `r` of a word.
    pub fn span(&self, w: &FreeWord, r: usize) -> Span {
        let rd = self.readings[w.readings as usize + r];
        let map = &self.maps[w.sentence as usize];
        let whole = map.original(w.text as usize, (w.text + w.len) as usize);
        // A reading after a proclitic ends with the whole word: only its start is mapped.
        match rd.skip {
            0 => whole,
            skip => Span::new(map.original_start(w.text as usize + skip as usize), whole.end),
        }
    }

    /// The letter key of reading `r` of a word.
    pub fn letter_key(&self, w: &FreeWord, r: usize) -> &str {
        let rd = self.readings[w.readings as usize + r];
        let start = w.key as usize + rd.key_skip as usize;
        self.buf.get(start..w.key_end as usize).unwrap_or_default()
    }

    fn end_run(&mut self, start: &mut usize) {
        if self.words.len() > *start {
            self.runs.push(at(*start)..at(self.words.len()));
        }
        *start = self.words.len();
    }
}

/// An offset of a run of sentences' free words (far below 4 GiB).
fn at(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// True for a folded word that may be part of a name found among free words: not an article
/// noun (with or without ل), not a stop word, two letters at least.
pub(crate) fn plain_word(lex: &Lexicon, w: &str) -> bool {
    // "لل" is ل + the article with its alef elided ("للدرويشي").
    !w.starts_with("ال") && !w.starts_with("لل") && w.chars().nth(1).is_some() && !lex.stop_words.contains(w)
}

/// Appends the words of a scanned sentence that no phrase or pattern took, in runs.
pub(super) fn push_free_words(scan: &Scan, consumed: &[bool], free: &mut FreeWords) {
    let st = scan.st;
    // Runs of free words for the document pass. A word none of whose readings is plain can
    // neither start nor continue a name there, so it ends the run instead (an article word
    // stays: one may be a family name, "الحمايدة").
    let mut run_start = free.words.len();
    for w in 0..consumed.len() {
        if scan.is_free(w, consumed) {
            let facts = scan.facts(w);
            if !facts.keep {
                free.end_run(&mut run_start);
                continue;
            }
            let word = st.word(w);
            let first = free.readings.len();
            free.readings.extend_from_slice(scan.memo.readings(facts));
            // The word is kept as a copy only when its sentence's match text is not the
            // normalized text, which outlives the scan.
            if !st.is_norm_text() {
                free.buf.push_str(word);
            }
            let key_at = at(free.buf.len());
            free.buf.push_str(scan.memo.letter_key(facts));
            free.words.push(FreeWord {
                key: key_at,
                key_end: at(free.buf.len()),
                len: at(word.len()),
                readings: at(first),
                readings_len: u8::try_from(free.readings.len() - first).unwrap_or(u8::MAX),
                opens: facts.opens,
                sentence: at(free.maps.len()),
                text: at(st.words[w].start),
            });
        } else {
            free.end_run(&mut run_start);
        }
    }
    free.end_run(&mut run_start);
}

//! What the scan reads of a word from the lexicon and the phrase table alone, read once per
//! distinct word a thread meets rather than at every occurrence: the phrases the word may open,
//! its readings and letter key as a free word, its transliteration and head-noun tests.
//!
//! The memo is per thread and bounded ([`MEMO_WORDS`]): emptied when full before a sentence, and
//! when the sentence is matched against another gazetteer's phrase table than the one it holds.
//! A word that is one of the sentence's tokens is found by the token's id in the word table
//! (`lexical::table`), which keeps the word's id here; only the other words (cut within a token,
//! or across tokens) are looked up by their string.

use super::free_words::{Reading, plain_word};
use super::listed_at;
use super::names::may_be_name_word;
use crate::entities::index::{FirstStep, GazetteerIndex};
use crate::entities::lexicon::Lexicon;
use crate::entities::text::{NO_TOKEN, SentenceText, cut_of_tokens};
use crate::entities::types::EntityType;
use crate::entities::variant::{letter_key_into, skeleton_into};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Distinct words a thread's memo holds before it is emptied.
const MEMO_WORDS: usize = 1 << 16;

/// What a word is, read once (ranges index the memo's shared buffers).
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordFacts {
    /// The phrases it may open, bare or after a proclitic: a range of [`WordMemo::steps`].
    steps: (u32, u32),
    /// Its readings as a free word, whole first: a range of [`WordMemo::readings`].
    readings: (u32, u32),
    /// Its letter key: a range of [`WordMemo::keys`].
    key: (u32, u32),
    /// Whether a free word of it is kept for the document pass (an article word that is no stop
    /// word, or a word with a plain reading).
    pub keep: bool,
    /// Whether one of its readings may open a name of several words (see the document pass).
    pub opens: bool,
    /// A common noun of the land that opens a place's name ("رأس").
    pub toponym_head: bool,
    /// Where a lineage particle that opens a name ("ولد"، "لولد") starts in it, if it is one.
    pub name_opener: Option<u8>,
    /// Whether it may be a word of a name as far as the lexicon tells
    /// ([`may_be_name_word`]).
    pub name_word: bool,
    /// Whether it looks like a transliterated name ([`Lexicon::looks_foreign`]).
    pub looks_foreign: bool,
    /// Its transliterated reading, if any, with the bytes of the proclitic before it (as if it
    /// carried no tanween, which only its sentence knows).
    pub foreign: Option<(EntityType, u8)>,
    /// The head of a body it starts with: the bytes before the head, and whether the head takes
    /// the article ("الهيئة").
    pub body_head: Option<(usize, bool)>,
}

/// The memo of one thread.
pub(crate) struct WordMemo {
    /// The phrase table the steps were read from (see [`GazetteerIndex::serial`]).
    index: u64,
    /// Which memo of the thread this is (from 1): the word table keeps ids of this one only.
    generation: u32,
    ids: FxHashMap<Box<str>, u32>,
    facts: Vec<WordFacts>,
    steps: Vec<FirstStep>,
    readings: Vec<Reading>,
    keys: String,
    /// The ids of the sentence being read, kept between sentences for their room.
    sentence: Vec<u32>,
}

thread_local! {
    static MEMO: RefCell<WordMemo> = RefCell::new(WordMemo::new(0, 1));
}

/// A `u32` offset into the memo's buffers (far below 4 GiB: the memo is bounded).
fn at(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

impl WordMemo {
    fn new(index: u64, generation: u32) -> WordMemo {
        WordMemo {
            index,
            generation,
            ids: FxHashMap::default(),
            facts: Vec::new(),
            steps: Vec::new(),
            readings: Vec::new(),
            keys: String::new(),
            sentence: Vec::new(),
        }
    }

    /// Empties the memo, as a new generation, when it was read against another phrase table
    /// than `index` or has no room for `words` more words (before a sentence is looked up).
    fn make_room(&mut self, index: &GazetteerIndex, words: usize) {
        if self.index != index.serial() || self.ids.len() + words > MEMO_WORDS {
            *self = WordMemo::new(index.serial(), self.generation + 1);
        }
    }

    /// The phrases a word may open.
    pub fn steps(&self, f: &WordFacts) -> &[FirstStep] {
        &self.steps[f.steps.0 as usize..f.steps.1 as usize]
    }

    /// The readings of a word as a free word.
    pub fn readings(&self, f: &WordFacts) -> &[Reading] {
        &self.readings[f.readings.0 as usize..f.readings.1 as usize]
    }

    /// The letter key of a word.
    pub fn letter_key(&self, f: &WordFacts) -> &str {
        &self.keys[f.key.0 as usize..f.key.1 as usize]
    }

    /// The facts of a word by its id in this memo.
    #[inline]
    pub fn facts(&self, id: u32) -> &WordFacts {
        &self.facts[id as usize]
    }

    /// The id of `word`, its facts read when it is new.
    fn id(&mut self, word: &str, lex: &Lexicon, index: &GazetteerIndex) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let facts = self.read(word, lex, index);
        let id = at(self.facts.len());
        self.facts.push(facts);
        self.ids.insert(word.into(), id);
        id
    }

    fn read(&mut self, word: &str, lex: &Lexicon, index: &GazetteerIndex) -> WordFacts {
        let steps_from = self.steps.len();
        index.first_steps(word, &mut self.steps);
        let steps = (at(steps_from), at(self.steps.len()));

        // The letter key, and the readings of a free word: whole, then without each proclitic
        // it starts with.
        let key_from = self.keys.len();
        letter_key_into(word, &mut self.keys);
        let letter_key = &self.keys[key_from..];
        let readings_from = self.readings.len();
        self.readings
            .push(Reading::new(0, 0, plain_word(lex, word), (word, letter_key)));
        for &p in lex.proclitics_of(word) {
            let proclitic = &lex.proclitics[p];
            // A proclitic is a letter or two; none is too long for a byte's count.
            let (Ok(skip), Ok(key_skip)) = (
                u8::try_from(proclitic.len()),
                u8::try_from(lex.proclitic_key_lens[p]),
            ) else {
                continue;
            };
            if let Some(rest) =
                crate::short::strip_short_prefix(word, proclitic).filter(|r| r.chars().nth(1).is_some())
            {
                let key = letter_key.get(key_skip as usize..).unwrap_or_default();
                self.readings
                    .push(Reading::new(skip, key_skip, plain_word(lex, rest), (rest, key)));
            }
        }
        let mut skeleton = String::new();
        for reading in &mut self.readings[readings_from..] {
            let key = letter_key.get(reading.key_skip as usize..).unwrap_or_default();
            reading.skeleton = index.may_be_skeleton(key) && {
                skeleton_into(key, &mut skeleton);
                index.skeletons.contains_key(skeleton.as_str())
            };
        }
        let readings = &self.readings[readings_from..];
        // Article words stay for the document pass: one may be a family name ("الحمايدة").
        let article = word.starts_with("ال") && !lex.stop_words.contains(word);
        let keep = article || readings.iter().any(|r| r.plain);

        let opens = readings.iter().any(|r| {
            letter_key
                .get(r.key_skip as usize..)
                .is_some_and(|key| index.first_letter_keys.contains(key))
                || word
                    .get(r.skip as usize..)
                    .is_some_and(|rest| lex.name_particles.contains(rest))
        });

        WordFacts {
            steps,
            readings: (at(readings_from), at(self.readings.len())),
            key: (at(key_from), at(self.keys.len())),
            keep,
            opens,
            toponym_head: lex.toponym_heads.contains(word),
            name_word: may_be_name_word(lex, word),
            // Longer words are no particle: not looked up.
            name_opener: (word.len() <= lex.name_opener_bytes)
                .then(|| listed_at(word, &lex.name_openers))
                .flatten()
                .and_then(|skip| u8::try_from(skip).ok()),
            looks_foreign: lex.looks_foreign(word).is_some(),
            foreign: foreign_reading(word, lex),
            body_head: body_head(word, lex),
        }
    }
}

/// The kind of a foreign-looking word and the bytes of the proclitic before it, trying it
/// without a one-letter proclitic too (a tanween, which rules it out, aside).
fn foreign_reading(w: &str, lex: &Lexicon) -> Option<(EntityType, u8)> {
    // Without a proclitic the word has fewer letters and vowels and the same markers.
    let marked = lex.foreign_letters(w)?;
    if let Some(kind) = lex.foreign_kind(w, marked) {
        return Some((kind, 0));
    }
    // Proclitics of one letter: at most one, the word's first letter, can be stripped.
    let first = w.chars().next()?;
    if !lex.one_letter_proclitics.contains(&first) {
        return None;
    }
    let rest = &w[first.len_utf8()..];
    let skip = u8::try_from(first.len_utf8()).ok()?;
    lex.looks_foreign(rest).map(|k| (k, skip))
}

/// Where the head of a body starts in word `w` ("وزارة"، "والهيئة"), and whether it is the
/// head with the article.
fn body_head(w: &str, lex: &Lexicon) -> Option<(usize, bool)> {
    if let Some(skip) = listed_at(w, &lex.body_heads) {
        return Some((skip, false));
    }
    // The article at the start or after one letter ("والهيئة"): the first place it stands,
    // looked for in those two places only.
    let (at, head) = (0..='و'.len_utf8())
        .find(|&at| w.get(at..).is_some_and(|rest| rest.starts_with("ال")))
        .map(|at| (at, &w[at + "ال".len()..]))?;
    lex.body_heads.contains(head).then_some((at, true))
}

/// Runs `read` with the match text of `sentence`, this thread's memo and the ids in it of the
/// text's words (matched against `index`). The words are read off the sentence's tokens when
/// they can be (see [`cut_of_tokens`]), each token's word found in the memo by the token's id.
pub(crate) fn with_memo<'n, R>(
    source: &str,
    sentence: &'n crate::PreparedSentence,
    lex: &Lexicon,
    index: &GazetteerIndex,
    read: impl FnOnce(SentenceText<'n>, &WordMemo, &[u32]) -> R,
) -> R {
    MEMO.with_borrow_mut(|memo| {
        let folded = &sentence.folded;
        let text = &folded.text;
        let mut ids = std::mem::take(&mut memo.sentence);
        ids.clear();
        let cut = sentence.tokens.keys.ranges_in(text).and_then(|keys| {
            sentence.with_words(|table, token_ids| {
                let words = cut_of_tokens(text, keys, token_ids, table, &mut ids)?;
                memo.make_room(index, words.len());
                let generation = memo.generation;
                for (w, id) in words.iter().zip(&mut ids) {
                    let word = &text[w.start..w.end];
                    *id = if *id == NO_TOKEN {
                        memo.id(word, lex, index)
                    } else {
                        table.scan_id(*id, generation, || memo.id(word, lex, index))
                    };
                }
                Some(words)
            })
        });
        let st = match cut {
            Some(words) => SentenceText::of_cut(source, folded, Some(words)),
            None => {
                let st = SentenceText::new(source, folded);
                memo.make_room(index, st.words.len());
                ids.clear();
                ids.extend(
                    st.words
                        .iter()
                        .map(|w| memo.id(&st.text[w.start..w.end], lex, index)),
                );
                st
            }
        };
        let read = read(st, memo, &ids);
        memo.sentence = ids;
        read
    })
}

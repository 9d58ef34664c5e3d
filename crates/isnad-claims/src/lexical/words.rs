//! What each token is to the fact reader (flags, lemma, names, clause), and its sentence's sorted words.

use super::Words;
use super::lemma::{lemma_slice, may_have_proclitic};
use super::lexicon::{Lexicon, WordFlags};
use super::table::WordTable;
use isnad_parser::{TokenKind, Tokens};

/// A sentence's content lemmas, sorted and each once, and for each token the index of its lemma
/// among them ([`NO_WORD`] for a token that is no content word): a clause's words are gathered
/// by index, without sorting and searching its strings again.
pub(crate) type WordIds = (Words, Vec<u32>);

/// The index of a token that is no content word of its sentence.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// What a sentence's tokens are to the fact reader whatever its mentions and names: each
/// token's lexicon flags, light lemma and clause. Read once per sentence: the fact and the
/// participant readers both use it.
pub(crate) struct TokenWords {
    /// What each token is to the lexicon (one lookup per word).
    pub(crate) flags: Vec<WordFlags>,
    /// The bytes `[start, end)` of each token's key that are its light lemma: no string per
    /// token.
    lemmas: Vec<(usize, usize)>,
    /// What the lexicon names by each token, when it is an Arabic word.
    pub(crate) names: Vec<Names>,
    /// The tokens that are content words unless a mention covers them, in text order, each with
    /// the first bytes of its lemma ([`leading_bytes`]) and its lemma.
    candidates: Vec<(u64, u32, std::sync::Arc<str>)>,
    /// Clause start of each token.
    pub(crate) clause_start: Vec<usize>,
    /// Clause end (exclusive) of each token.
    pub(crate) clause_end: Vec<usize>,
    /// The sentence's words, once asked for.
    sorted: std::sync::OnceLock<SentenceWords>,
}

/// The lemmas of a sentence's tokens that are content words unless a mention covers them, sorted
/// and each once, and for each token the index of its lemma among them ([`NO_WORD`] for none):
/// sorted once per sentence, their strings shared by every reader of it.
pub(crate) struct SentenceWords {
    pub(crate) words: Words,
    pub(crate) word_of: Vec<u32>,
}

/// What a folded word is to the fact reader wherever it stands: its lexicon flags and, when it
/// is an Arabic word, the bytes `[start, end)` of it that are its light lemma and what the
/// lexicon names by it.
pub(crate) struct WordReading {
    flags: WordFlags,
    lemma: (usize, usize),
    names: Names,
    /// For a content word (unless a mention covers it), the first bytes of its lemma
    /// ([`leading_bytes`]) and the lemma, one string for every sentence that has the word; none
    /// for a short word, a function or number word, a lemma of one letter.
    content: Option<(u64, std::sync::Arc<str>)>,
}

/// What the lexicon names by a word: a class of measured things ([`class_of_word`]), a measure
/// noun ([`measure_of_word`], the bytes `[start, end)` of the word that are its lemma), and
/// whether its lemma is a word of change or one that names a modifier before a value (the words
/// before every figure are asked both).
#[derive(Clone, Copy, Default)]
pub(crate) struct Names {
    pub(crate) class: Option<usize>,
    pub(crate) measure: Option<(usize, usize)>,
    pub(crate) change: bool,
    pub(crate) modifier_before: bool,
}

impl Names {
    pub(crate) fn of(lx: &Lexicon, key: &str, lemma: &str) -> Names {
        Names {
            class: class_of_word(lx, key, lemma),
            measure: measure_of_word(lx, key, lemma).map(|measure| place_in(key, measure)),
            change: lx.change.contains(lemma),
            modifier_before: lx.modifiers_before.contains_key(lemma),
        }
    }
}

/// The bytes `[start, end)` of `key` that `part`, a slice of it, is: where, from the two
/// addresses.
fn place_in(key: &str, part: &str) -> (usize, usize) {
    let start = (part.as_ptr() as usize).saturating_sub(key.as_ptr() as usize);
    (start, start + part.len())
}

/// The index of the class of a word of key `key` and light lemma `lemma`, also after a
/// conjunction or preposition glued to a short word ("وفُقد" is و + فقد).
fn class_of_word(lx: &Lexicon, key: &str, lemma: &str) -> Option<usize> {
    lx.class_index(lemma)
        .or_else(|| {
            let rest = key.strip_prefix(['و', 'ف', 'ب', 'ل'])?;
            (rest.chars().count() >= 3)
                .then(|| {
                    lx.class_index(lemma_slice(rest, false))
                        .or_else(|| lx.class_index(lemma_slice(rest, true)))
                })
                .flatten()
        })
        .or_else(|| {
            // "وفاتين"، "إصابتان": a feminine noun in the dual names the class of its singular.
            let bare = key
                .strip_prefix(['و', 'ف'])
                .filter(|r| r.chars().count() >= 5)
                .unwrap_or(key);
            let stem = bare.strip_suffix("تين").or_else(|| bare.strip_suffix("تان"))?;
            (stem.chars().count() >= 2)
                .then(|| lx.class_index(lemma_slice(&format!("{stem}ه"), false)))
                .flatten()
        })
}

/// The lemma of a measure noun of key `key` and light lemma `lemma`, also after an attached
/// preposition ("بطول"، "بقيمة"): a slice of either.
fn measure_of_word<'k>(lx: &Lexicon, key: &'k str, lemma: &'k str) -> Option<&'k str> {
    if lx.measures.contains(lemma) {
        return Some(lemma);
    }
    let rest = key.strip_prefix(['ب', 'ل', 'ك'])?;
    [lemma_slice(rest, false), lemma_slice(rest, true)]
        .into_iter()
        .find(|l| lx.measures.contains(l))
}

impl WordReading {
    fn of(lx: &Lexicon, key: &str) -> WordReading {
        let flags = lx.flags(key);
        // Function words are looked up as written; only other words need a lemma.
        let lemma = if key.len() >= 6 && !flags.has(WordFlags::STOPWORD) {
            // As written when the lexicon knows it so ("فائدة"), else with a glued conjunction
            // or preposition off ("بتبديد" → تبديد); most words start with no such letter, and
            // their two lemmas are one.
            let plain = lemma_slice(key, false);
            if !may_have_proclitic(key) || lx.knows(plain) {
                plain
            } else {
                lemma_slice(key, true)
            }
        } else {
            key
        };
        // Three letters are at least six bytes; the function words come with و and ف already.
        let content = key.len() >= 6
            && !flags.has(WordFlags::FUNCTION)
            && !flags.has(WordFlags::NUMBER)
            && lemma.chars().nth(1).is_some();
        WordReading {
            flags,
            lemma: place_in(key, lemma),
            names: Names::of(lx, key, lemma),
            content: content.then(|| (leading_bytes(lemma), std::sync::Arc::from(lemma))),
        }
    }
}

impl TokenWords {
    /// Reads the flags, lemmas and clauses of a sentence's tokens (each distinct word's reading
    /// memoized in the thread's word table).
    pub fn of(toks: &Tokens, table: &mut WordTable, ids: &[u32]) -> TokenWords {
        let lx = Lexicon::get();
        let n = toks.len();
        let key = |i: usize| toks.key(i);
        let mut flags: Vec<WordFlags> = Vec::with_capacity(n);
        let mut lemmas: Vec<(usize, usize)> = Vec::with_capacity(n);
        let mut names: Vec<Names> = Vec::with_capacity(n);
        let mut candidates = Vec::with_capacity(n);
        {
            for (i, (piece, &id)) in toks.pieces.iter().zip(ids).enumerate() {
                let k = key(i);
                let reading = table.readings[id as usize].get_or_insert_with(|| WordReading::of(lx, k));
                flags.push(reading.flags);
                if piece.kind == TokenKind::Arabic {
                    lemmas.push(reading.lemma);
                    names.push(reading.names);
                    if let (Some((first_bytes, word)), Ok(token)) = (&reading.content, u32::try_from(i)) {
                        candidates.push((*first_bytes, token, std::sync::Arc::clone(word)));
                    }
                } else {
                    lemmas.push((0, k.len()));
                    names.push(Names::default());
                }
            }
        }
        // Clauses: punctuation ends one, a clause-breaking word starts one.
        let mut starts = vec![0usize];
        for (i, flag) in flags.iter().enumerate().skip(1) {
            let previous = key(i - 1);
            let punct_break = toks.pieces[i - 1].kind == TokenKind::Punct
                && matches!(
                    previous,
                    "،" | "," | "؛" | ";" | ":" | "." | "؟" | "?" | "!" | "-" | "–" | "(" | ")"
                );
            if punct_break || (flag.has(WordFlags::PHRASE_FIRST) && lx.clause_breaks.at(&key, i, n).is_some())
            {
                starts.push(i);
            }
        }
        starts.dedup();
        let mut clause_start = vec![0; n];
        let mut clause_end = vec![n; n];
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(n);
            for i in s..e {
                clause_start[i] = s;
                clause_end[i] = e;
            }
        }
        TokenWords {
            flags,
            lemmas,
            names,
            candidates,
            clause_start,
            clause_end,
            sorted: std::sync::OnceLock::new(),
        }
    }

    /// True when token `i` of `toks` is a content word unless a mention covers it: Arabic, not a
    /// function or number word.
    pub(crate) fn may_be_content(&self, toks: &Tokens, i: usize) -> bool {
        let flags = self.flags[i];
        // Three letters are at least six bytes; the function words come with و and ف already.
        toks.pieces[i].kind == TokenKind::Arabic
            && toks.key(i).len() >= 6
            && !flags.has(WordFlags::FUNCTION)
            && !flags.has(WordFlags::NUMBER)
    }

    /// The sentence's words (the tokens are `toks`, which these words were read from).
    pub(crate) fn sentence_words(&self, toks: &Tokens) -> &SentenceWords {
        self.sorted.get_or_init(|| SentenceWords::of(self, toks))
    }

    /// The light lemma of token `i` of `toks`, the tokens these words were read from ("" past
    /// the end).
    pub(crate) fn lemma<'t>(&self, toks: &'t Tokens, i: usize) -> &'t str {
        let Some(&(start, end)) = self.lemmas.get(i) else {
            return "";
        };
        toks.key(i).get(start..end).unwrap_or("")
    }
}

impl SentenceWords {
    /// The words of the sentence of `toks` read as `words`.
    fn of(words: &TokenWords, toks: &Tokens) -> SentenceWords {
        let candidates = &words.candidates;
        let lemma = |candidate: u32| &*candidates[candidate as usize].2;
        // Ordered by their first eight bytes, numbers (a shorter lemma's missing bytes are zeros,
        // which keeps the order of the strings); only lemmas that share them are compared as
        // strings, most often one word repeated. Candidates are in text order: each one's index
        // among them orders ties as its token would.
        let mut order: Vec<(u64, u32)> = (0..)
            .zip(candidates)
            .map(|(candidate, &(first_bytes, _, _))| (first_bytes, candidate))
            .collect();
        order.sort_unstable();
        let mut sorted: Vec<std::sync::Arc<str>> = Vec::with_capacity(order.len());
        let mut word_of = vec![NO_WORD; toks.len()];
        let mut same_start = Vec::new();
        for run in order.chunk_by(|a, b| a.0 == b.0) {
            let run = if run.iter().all(|c| lemma(c.1) == lemma(run[0].1)) {
                run
            } else {
                same_start.clear();
                same_start.extend_from_slice(run);
                same_start.sort_by(|a, b| lemma(a.1).cmp(lemma(b.1)));
                &same_start
            };
            for &(_, candidate) in run {
                let (_, token, word) = &candidates[candidate as usize];
                if sorted.last().is_none_or(|last| **last != **word) {
                    sorted.push(std::sync::Arc::clone(word));
                }
                word_of[*token as usize] = u32::try_from(sorted.len() - 1).unwrap_or(NO_WORD);
            }
        }
        SentenceWords {
            words: sorted.into(),
            word_of,
        }
    }
}

/// The first eight bytes of `word` as a number in their order (zeros past its end).
fn leading_bytes(word: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, b) in bytes.iter_mut().zip(word.bytes()) {
        *slot = b;
    }
    u64::from_be_bytes(bytes)
}

/// A word led by a glued preposition ("بحضور"، "لصالح"، "بسجن"): what follows is its complement.
/// Four letters ending in ت are a verb ("بلغت"، "بدأت").
pub(crate) fn preposition_led(w: &str) -> bool {
    let letters = w.chars().count();
    w.starts_with(['ب', 'ل']) && !w.starts_with("لل") && (letters >= 5 || (letters == 4 && !w.ends_with('ت')))
}

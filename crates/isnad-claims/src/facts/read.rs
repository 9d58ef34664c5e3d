//! Reading the figures of one sentence: each number, amount or duration with the attribute the
//! words around it give, its clause, its time, and how it relates to the other figures of the
//! sentence (parts of a whole, an explicit total, the other side of "مقابل").

use super::lemma::{lemma_slice, may_have_proclitic};
use super::lexicon::{Lexicon, WordFlags};
use super::types::{Attribute, AttributeSource, AttributeWord, FactValue, Scope, Words};
use crate::mentions::{DurationUnit, Mention, MentionValue, NumberValue, Qualifier};
use isnad_parser::{TokenKind, Tokens};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// A figure read from a sentence, before the document gives it an id, a claim and a time.
#[derive(Debug, Clone)]
pub(crate) struct Draft<'a> {
    /// The value's mention.
    pub mention: &'a Mention,
    /// Its first and last token.
    pub first: usize,
    pub last: usize,
    /// Its value.
    pub value: FactValue,
    /// What it measures.
    pub attribute: Attribute,
    /// Its clause as a token range `[start, end)`.
    pub clause: (usize, usize),
    /// Scope flags (the part-of link is set by index in `part_of`).
    pub scope: Scope,
    /// Index of the draft it is a part of.
    pub part_of: Option<usize>,
    /// The time that dates it, when its clause states one: the time's value and its mention.
    pub time: Option<(crate::mentions::TimeValue, &'a Mention)>,
    /// Context lemmas of its clause.
    pub context: Words,
}

/// One sentence's tokens and mentions, for reading its figures.
pub(crate) struct SentenceFacts<'a> {
    /// The document's text (tokens are spans of it).
    source: &'a str,
    toks: &'a Tokens,
    lx: &'static Lexicon,
    /// Mentions of the sentence, in text order, with their token ranges.
    mentions: Vec<(&'a Mention, usize, usize)>,
    /// Index into `mentions` of the mention covering each token.
    mention_of: Vec<Option<usize>>,
    /// True for tokens inside a name (a person, place or organization): never an attribute word.
    named: Vec<bool>,
    /// The report's date: a date of another year dates another occurrence.
    publication: Option<chrono::NaiveDate>,
    /// Each token's lemma, flags and clause, shared by every reader of the sentence.
    words: &'a TokenWords,
    /// Whether each token is a content word.
    content: Vec<bool>,
    /// The sentence's words and each token's index in them, once asked for.
    sentence_words: std::sync::OnceLock<WordIds>,
}

/// A sentence's content lemmas, sorted and each once, and for each token the index of its lemma
/// among them ([`NO_WORD`] for a token that is no content word): a clause's words are gathered
/// by index, without sorting and searching its strings again.
type WordIds = (Words, Vec<u32>);

/// The index of a token that is no content word of its sentence.
const NO_WORD: u32 = u32::MAX;

/// What a sentence's tokens are to the fact reader whatever its mentions and names: each
/// token's lexicon flags, light lemma and clause. Read once per sentence: the fact and the
/// participant readers both use it.
pub(crate) struct TokenWords {
    /// What each token is to the lexicon (one lookup per word).
    flags: Vec<WordFlags>,
    /// The bytes `[start, end)` of each token's key that are its light lemma: no string per
    /// token.
    lemmas: Vec<(usize, usize)>,
    /// What the lexicon names by each token, when it is an Arabic word.
    names: Vec<Names>,
    /// The tokens that are content words unless a mention covers them, in text order, each with
    /// the first bytes of its lemma ([`leading_bytes`]) and its lemma.
    candidates: Vec<(u64, u32, std::sync::Arc<str>)>,
    /// Clause start of each token.
    clause_start: Vec<usize>,
    /// Clause end (exclusive) of each token.
    clause_end: Vec<usize>,
    /// The sentence's words, once asked for.
    sorted: std::cell::OnceCell<SentenceWords>,
}

/// The lemmas of a sentence's tokens that are content words unless a mention covers them, sorted
/// and each once, and for each token the index of its lemma among them ([`NO_WORD`] for none):
/// sorted once per sentence, their strings shared by every reader of it.
struct SentenceWords {
    words: Words,
    word_of: Vec<u32>,
}

thread_local! {
    /// How each folded word read so far reads: a text repeats its words, so each is looked up in
    /// the lexicon and reduced to its lemma once, not at each of its tokens.
    static READINGS: RefCell<FxHashMap<Box<str>, WordReading>> = RefCell::default();
}

/// What a folded word is to the fact reader wherever it stands: its lexicon flags and, when it
/// is an Arabic word, the bytes `[start, end)` of it that are its light lemma and what the
/// lexicon names by it.
struct WordReading {
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
struct Names {
    class: Option<usize>,
    measure: Option<(usize, usize)>,
    change: bool,
    modifier_before: bool,
}

impl Names {
    fn of(lx: &Lexicon, key: &str, lemma: &str) -> Names {
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
    lx.class_index(lemma).or_else(|| {
        let rest = key.strip_prefix(['و', 'ف', 'ب', 'ل'])?;
        (rest.chars().count() >= 3)
            .then(|| {
                lx.class_index(lemma_slice(rest, false))
                    .or_else(|| lx.class_index(lemma_slice(rest, true)))
            })
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
        .find(|l| lx.measures.contains(*l))
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
    /// Reads the flags, lemmas and clauses of a sentence's tokens.
    pub fn of(toks: &Tokens) -> TokenWords {
        let lx = Lexicon::get();
        let n = toks.len();
        let key = |i: usize| toks.key(i);
        let mut flags: Vec<WordFlags> = Vec::with_capacity(n);
        let mut lemmas: Vec<(usize, usize)> = Vec::with_capacity(n);
        let mut names: Vec<Names> = Vec::with_capacity(n);
        let mut candidates = Vec::with_capacity(n);
        READINGS.with_borrow_mut(|readings| {
            if readings.len() >= super::lemma::MEMO_WORDS {
                readings.clear();
            }
            for (i, piece) in toks.pieces.iter().enumerate() {
                let k = key(i);
                let reading = match readings.get(k) {
                    Some(reading) => reading,
                    None => readings.entry(k.into()).or_insert_with(|| WordReading::of(lx, k)),
                };
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
        });
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
            sorted: std::cell::OnceCell::new(),
        }
    }

    /// True when token `i` of `toks` is a content word unless a mention covers it: Arabic, not a
    /// function or number word.
    fn may_be_content(&self, toks: &Tokens, i: usize) -> bool {
        let flags = self.flags[i];
        // Three letters are at least six bytes; the function words come with و and ف already.
        toks.pieces[i].kind == TokenKind::Arabic
            && toks.key(i).len() >= 6
            && !flags.has(WordFlags::FUNCTION)
            && !flags.has(WordFlags::NUMBER)
    }

    /// The sentence's words (the tokens are `toks`, which these words were read from).
    fn sentence_words(&self, toks: &Tokens) -> &SentenceWords {
        self.sorted.get_or_init(|| SentenceWords::of(self, toks))
    }

    /// The light lemma of token `i` of `toks`, the tokens these words were read from ("" past
    /// the end).
    fn lemma<'t>(&self, toks: &'t Tokens, i: usize) -> &'t str {
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

/// Folded words after which a value is an identifier, not an amount ("رقم 5"، "المادة 12").
const IDENTIFIER_HEADS: &[&str] = &[
    "رقم",
    "الرقم",
    "برقم",
    "المادة",
    "الفصل",
    "البند",
    "الماده",
    "الفقره",
];

impl<'a> SentenceFacts<'a> {
    /// Prepares a sentence: `mentions` are the sentence's mentions in text order.
    pub fn new(
        source: &'a str,
        sentence: &'a crate::PreparedSentence,
        mentions: &[&'a Mention],
        names: &[isnad_parser::Span],
        publication: Option<chrono::NaiveDate>,
    ) -> SentenceFacts<'a> {
        let lx = Lexicon::get();
        let toks = &sentence.tokens;
        let words = sentence.token_words();
        let n = toks.len();
        let mut mention_of = vec![None; n];
        let mut with_tokens = Vec::with_capacity(mentions.len());
        for &m in mentions {
            let first = toks.pieces.partition_point(|t| t.span.end <= m.span.start);
            let mut last = first;
            while last + 1 < n && toks.pieces[last + 1].span.start < m.span.end {
                last += 1;
            }
            if first >= n {
                continue;
            }
            let index = with_tokens.len();
            for slot in &mut mention_of[first..=last] {
                *slot = Some(index);
            }
            with_tokens.push((m, first, last));
        }
        // Names and tokens are both in text order: one walk marks the tokens inside a name.
        let mut named = vec![false; n];
        let mut next_name = 0;
        for (i, p) in toks.pieces.iter().enumerate() {
            while next_name < names.len() && names[next_name].end <= p.span.start {
                next_name += 1;
            }
            named[i] = names[next_name..]
                .iter()
                .take_while(|s| s.start <= p.span.start)
                .any(|s| s.contains(p.span));
        }
        let mut facts = SentenceFacts {
            source,
            toks,
            lx,
            mentions: with_tokens,
            mention_of,
            named,
            publication,
            words,
            content: Vec::new(),
            sentence_words: std::sync::OnceLock::new(),
        };
        facts.content = (0..n).map(|i| facts.compute_content(i)).collect();
        facts
    }

    fn key(&self, i: usize) -> &str {
        self.toks.key(i)
    }

    /// True when token `i` may start a phrase of the lexicon (most start none).
    fn may_start(&self, i: usize) -> bool {
        self.words.flags[i].has(WordFlags::PHRASE_FIRST)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.pieces.get(i).map(|p| p.kind)
    }

    fn n(&self) -> usize {
        self.toks.len()
    }

    fn is_arabic(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Arabic)
    }

    fn is_numeric_mention(&self, i: usize) -> bool {
        self.mention_of[i].is_some_and(|m| {
            matches!(
                self.mentions[m].0.value,
                MentionValue::Number(_) | MentionValue::Quantity(_) | MentionValue::Duration(_)
            )
        })
    }

    fn is_time_mention(&self, i: usize) -> bool {
        self.mention_of[i].is_some_and(|m| self.mentions[m].0.value.time().is_some())
    }

    /// A content word: Arabic, not a function or linking word, not part of a figure or a time.
    fn is_content(&self, i: usize) -> bool {
        self.content.get(i).copied().unwrap_or(false)
    }

    fn compute_content(&self, i: usize) -> bool {
        self.mention_of[i].is_none() && self.words.may_be_content(self.toks, i)
    }

    /// The light lemma of token `i`: as written when the lexicon knows it so ("فائدة"), else with
    /// a glued conjunction or preposition off ("بتبديد" → تبديد).
    fn lemma(&self, i: usize) -> &'a str {
        self.words.lemma(self.toks, i)
    }

    /// The sentence's words and each token's index in them.
    fn word_ids(&self) -> &WordIds {
        self.sentence_words.get_or_init(|| {
            // The sentence's shared words that a content word of this reader has (a mention's
            // words are none), renumbered in their order.
            let shared = self.words.sentence_words(self.toks);
            // Most often no mention covers a content word: the reader's words are the sentence's.
            if shared
                .word_of
                .iter()
                .zip(&self.mention_of)
                .all(|(&word, mention)| word == NO_WORD || mention.is_none())
            {
                return (std::sync::Arc::clone(&shared.words), shared.word_of.clone());
            }
            let mut index = vec![NO_WORD; shared.words.len()];
            for (i, &word) in shared.word_of.iter().enumerate() {
                if word != NO_WORD && self.is_content(i) {
                    index[word as usize] = 0;
                }
            }
            let mut words: Vec<std::sync::Arc<str>> = Vec::with_capacity(shared.words.len());
            for (word, slot) in shared.words.iter().zip(&mut index) {
                if *slot != NO_WORD {
                    *slot = u32::try_from(words.len()).unwrap_or(NO_WORD);
                    words.push(std::sync::Arc::clone(word));
                }
            }
            let ids = shared
                .word_of
                .iter()
                .enumerate()
                .map(|(i, &word)| {
                    if word != NO_WORD && self.is_content(i) {
                        index[word as usize]
                    } else {
                        NO_WORD
                    }
                })
                .collect();
            (words.into(), ids)
        })
    }

    /// The words of the given word indices (repeats allowed), in the sentence words' order.
    fn words_of_ids(&self, mut found: Vec<u32>) -> Words {
        let all = &self.word_ids().0;
        found.retain(|&id| id != NO_WORD);
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|id| std::sync::Arc::clone(&all[id as usize]))
            .collect()
    }

    /// Lemmas of the content words of the whole sentence.
    pub fn sentence_words(&self) -> &Words {
        &self.word_ids().0
    }

    /// Lemmas of the content words in `[from, to)`: the sentence's own strings.
    pub fn context(&self, from: usize, to: usize) -> Words {
        let (all, ids) = self.word_ids();
        if from == 0 && to >= self.n() {
            return std::sync::Arc::clone(all);
        }
        self.words_of_ids(ids.get(from..to.min(self.n())).unwrap_or_default().to_vec())
    }

    /// The clause `[start, end)` of token `i`.
    pub fn clause_of(&self, i: usize) -> (usize, usize) {
        (self.words.clause_start[i], self.words.clause_end[i])
    }

    /// Lemmas of the content words in `[from, to)` outside the tokens `skip` (a name with its
    /// title): what a clause says of the one it names.
    /// A name after a word `direction` accepts ("جنوب دير X", its first two words) is the place
    /// it points from: where, not what is done.
    pub fn context_outside(
        &self,
        from: usize,
        to: usize,
        skip: (usize, usize),
        direction: impl Fn(&str) -> bool,
    ) -> Words {
        let ids = &self.word_ids().1;
        let mut pointed_from = 0;
        let found: Vec<u32> = (from..to.min(self.n()))
            .filter(|&i| {
                if self.kind(i) == Some(TokenKind::Punct) {
                    pointed_from = 0;
                } else if self.is_content(i) && direction(self.lemma(i)) {
                    pointed_from = 2;
                    return i < skip.0 || i >= skip.1;
                } else if pointed_from > 0 {
                    // "شرق المحمية": a definite noun is the story's own landmark, which says as
                    // much as any word where two reports place a thing.
                    if pointed_from == 2 && self.key(i).starts_with("ال") {
                        pointed_from = 0;
                        return true;
                    }
                    pointed_from -= 1;
                    return false;
                }
                true
            })
            .filter(|&i| (i < skip.0 || i >= skip.1) && self.is_content(i))
            .map(|i| ids[i])
            .collect();
        self.words_of_ids(found)
    }

    /// How many content words in `[from, to)` are no part of a name.
    pub fn unnamed_content(&self, from: usize, to: usize) -> usize {
        (from..to.min(self.n()))
            .filter(|&i| !self.named[i] && self.is_content(i))
            .count()
    }

    /// Reads every figure of the sentence.
    pub fn read(&self) -> Vec<Draft<'a>> {
        let mut drafts: Vec<Draft<'a>> = Vec::new();
        // Facts of one clause share its context words.
        let mut contexts: Vec<((usize, usize), Words)> = Vec::new();
        for (index, &(mention, first, last)) in self.mentions.iter().enumerate() {
            let Some(value) = self.value_of(mention, first, last) else {
                continue;
            };
            let Some(attribute) = self.attribute(index, &value, first, last) else {
                continue;
            };
            let is_date = value.unit.as_deref() == Some("date");
            // "ليرتفع العدد إلى 640 منذ تسجيل أول حالة الخميس الماضي": a date closing a "since"
            // window dates the event the window names, not the clause's figure.
            let since = is_date.then(|| self.since_at(first)).flatten();
            let clause = (
                since.unwrap_or(self.words.clause_start[first]),
                self.words.clause_end[last],
            );
            // An age holds when it is reported: the year in its clause is the birth's or the build's.
            // A place in a series takes its clause's date: a second hearing on another day is
            // another hearing.
            let time = if attribute.class.as_deref() == Some("age") || value.unit.as_deref() == Some("date") {
                None
            } else {
                self.time_of(first, clause)
                    .or_else(|| self.time_of_coordinated(clause, attribute.evolving))
            };
            // "ارتفاع الأمواج": a measure head is no rise, though the word is one.
            let head = attribute
                .head
                .as_ref()
                .and_then(|h| self.toks.pieces.iter().position(|p| p.span == h.span));
            let scope = Scope {
                rise: (clause.0..first)
                    .filter(|&i| Some(i) != head)
                    .any(|i| self.may_start(i) && self.lx.rise.at(&|k| self.key(k), i, self.n()).is_some()),
                so_far: self.phrase_in(&self.lx.so_far, clause.0, clause.1),
                earlier: self.phrase_in(&self.lx.earlier, clause.0, clause.1),
                // "35% من العقد" is a share (its attribute says so), not a part of a set.
                partitive: value.unit.as_deref() != Some("percent") && self.partitive(first, last),
                saying: value.unit.as_deref() == Some("date") && self.dates_saying(last, clause),
                ..Scope::default()
            };
            drafts.push(Draft {
                mention,
                first,
                last,
                value,
                attribute,
                clause,
                scope,
                part_of: None,
                time,
                context: {
                    let span = if is_date && since.is_none() {
                        (
                            self.date_context_start(clause),
                            self.date_context_end(last, clause.1),
                        )
                    } else {
                        clause
                    };
                    match contexts.iter().find(|(c, _)| *c == span) {
                        Some((_, words)) => std::sync::Arc::clone(words),
                        None => {
                            let mut words = self.context(span.0, span.1);
                            if is_date {
                                words = self.with_linking_verbs(words, span);
                            }
                            contexts.push((span, std::sync::Arc::clone(&words)));
                            words
                        }
                    }
                },
            });
        }
        self.inherit(&mut drafts);
        self.windowed(&mut drafts);
        self.parts(&mut drafts);
        drafts
    }

    /// Running counts made in a short window of their clause are the new ones: "86 إصابة جديدة و4
    /// وفيات خلال 24 ساعة" counts four new deaths, not the toll so far. A level reached ("ليرتفع
    /// العدد إلى 640") stays the total.
    fn windowed(&self, drafts: &mut [Draft<'a>]) {
        const DAY_OR_TWO_IN_HOURS: f64 = 48.0;
        let short_window = |clause: (usize, usize)| {
            self.mentions.iter().any(|&(m, f, _)| {
                let MentionValue::Duration(d) = &m.value else {
                    return false;
                };
                let hours = match d.unit {
                    crate::mentions::DurationUnit::Hour => d.amount,
                    crate::mentions::DurationUnit::Day => d.amount * 24.0,
                    _ => return false,
                };
                f > clause.0
                    && f < clause.1
                    && hours <= DAY_OR_TWO_IN_HOURS
                    && (self.phrase_before(&self.lx.window_before, f).is_some()
                        || self.lx.window_before.at(&|k| self.key(k), f, self.n()).is_some())
            })
        };
        for draft in drafts.iter_mut() {
            let attribute = &mut draft.attribute;
            if !attribute.evolving
                || attribute.modifier.is_some()
                || draft.scope.rise
                || draft.scope.so_far
                || !short_window(draft.clause)
            {
                continue;
            }
            attribute.modifier = Some("new".to_string());
            attribute.key = attribute.key.take().map(|k| format!("{k}+new"));
        }
    }

    /// The value of a numeric mention that can be a fact: a count, an amount with its unit, or a
    /// length of time that measures something.
    fn value_of(&self, mention: &Mention, first: usize, last: usize) -> Option<FactValue> {
        match &mention.value {
            MentionValue::Number(n) => {
                // A number closing a quoted name ("نجمة 300"، «المرصد 24») names a model or an
                // outlet: no amount.
                let quote =
                    |i: Option<usize>| i.is_some_and(|i| matches!(self.key(i), "\"" | "«" | "»" | "“" | "”"));
                let quoted_name = quote(Some(last + 1).filter(|&i| i < self.n()))
                    && first >= 2
                    && (quote(Some(first - 2)) || (first >= 3 && quote(Some(first - 3))));
                if quoted_name {
                    return None;
                }
                // Codes and model names ("S600", "اس-300") are no amounts.
                let latin = |i: Option<usize>| i.is_some_and(|i| self.kind(i) == Some(TokenKind::Latin));
                if latin(first.checked_sub(1))
                    || latin(Some(last + 1))
                    || (first..=last).any(|i| self.kind(i) == Some(TokenKind::Latin))
                {
                    return None;
                }
                // "جائزة اليورفيجن 2018": a year after a name, with nothing counted, dates it.
                if let Some(t) = self.year_after_name(n, first, last) {
                    return self.value_of_date(&t);
                }
                // "رقم 5"، "المدرج 27": an identifier after a definite noun with no counted noun.
                if let Some(before) = first.checked_sub(1) {
                    let k = self.key(before);
                    let bare = k.strip_prefix(['و', 'ف']).unwrap_or(k);
                    if IDENTIFIER_HEADS.contains(&bare) {
                        return None;
                    }
                    if n.qualifier == Qualifier::Exact
                        && self.is_arabic(before)
                        && bare.starts_with("ال")
                        && self.kind(first) == Some(TokenKind::Number)
                        && first == last
                        && self.counted_noun(last + 1).is_none()
                        && !self.lx.knows(lemma_slice(bare, false))
                        && !self.lx.knows(lemma_slice(bare, true))
                    {
                        return None;
                    }
                }
                Some(FactValue {
                    amount: n.clone(),
                    unit: None,
                    time: None,
                })
            }
            MentionValue::Quantity(q) => {
                let unit = if q.unit == "year_of_age" {
                    "year".to_string()
                } else {
                    q.unit.clone()
                };
                Some(FactValue {
                    amount: q.amount.clone(),
                    unit: Some(unit),
                    time: None,
                })
            }
            MentionValue::Duration(d) => {
                // "بعد نحو ربع ساعة من الإقلاع": when something came after an event, a different
                // thing in each sentence (a smell, a rise in heat), never a length to compare.
                let before = first
                    .checked_sub(1)
                    .map(|i| self.key(i).trim_start_matches(['و', 'ف']));
                let after = (last + 1 < self.n()).then(|| self.key(last + 1));
                if before.is_some_and(|w| matches!(w, "بعد" | "قبل"))
                    && after.is_some_and(|w| matches!(w, "من" | "على"))
                {
                    return None;
                }
                let unit = match d.unit {
                    DurationUnit::Second => "second",
                    DurationUnit::Minute => "minute",
                    DurationUnit::Hour => "hour",
                    DurationUnit::Day => "day",
                    DurationUnit::Week => "week",
                    DurationUnit::Month => "month",
                    DurationUnit::Year => "year",
                };
                let amount = crate::mentions::number_interval(d.amount, d.qualifier);
                Some(FactValue {
                    amount,
                    unit: Some(unit.to_string()),
                    time: None,
                })
            }
            // A date and a place in a series are figures too: the graph compares them where two
            // reports copy one sentence and change them ("جائزة 2018" and "جائزة 2020").
            MentionValue::Date(t) => self.value_of_date(t),
            // "أمس"، "الشهر الماضي"، "الخميس الماضي": dates resolved at the report's date. A vaguer
            // or wider one ("منذ عقود") dates nothing that could be checked.
            MentionValue::Relative(t) | MentionValue::Weekday(t)
                if self.is_relative_date(t, first) && !self.is_report_time(mention, first) =>
            {
                self.value_of_date(t)
            }
            MentionValue::Ordinal(o) => Some(FactValue {
                amount: NumberValue::exact(f64::from(o.value)),
                unit: Some("ordinal".to_string()),
                time: None,
            }),
            _ => None,
        }
    }

    /// True for a relative time that names one day, month or year ("أمس"، "الخميس الماضي"، "الشهر
    /// الماضي"): not a window ("الأيام الخمسة الأخيرة"، "منذ ثلاثة أيام"), not the present ("الآن"),
    /// not an approximation ("منذ نحو عقد").
    fn is_relative_date(&self, t: &crate::mentions::TimeValue, first: usize) -> bool {
        use crate::mentions::Grain;
        use chrono::Datelike;
        let Some((start, end)) = t.day_range() else {
            return false;
        };
        let one_unit = match t.grain {
            Grain::Day => start == end,
            Grain::Month => (start.year(), start.month()) == (end.year(), end.month()),
            Grain::Year => start.year() == end.year(),
            _ => false,
        };
        one_unit
            && !t.approximate
            && !matches!(self.key(first), "منذ" | "ومنذ")
            && !self.lx.present.contains(self.key(first))
    }

    /// The value of a date: its days (from 1 January of year 1), with the date itself.
    fn value_of_date(&self, t: &crate::mentions::TimeValue) -> Option<FactValue> {
        use chrono::Datelike;
        let (start, end) = t.day_range()?;
        let days = |d: chrono::NaiveDate| f64::from(d.num_days_from_ce());
        Some(FactValue {
            amount: NumberValue {
                value: None,
                low: days(start),
                high: Some(days(end)),
                qualifier: Qualifier::Range,
            },
            unit: Some("date".to_string()),
            time: Some(t.clone()),
        })
    }

    /// True when a phrase of `phrases` starts at a token in `[from, to)`.
    fn phrase_in(&self, phrases: &super::lexicon::Phrases, from: usize, to: usize) -> bool {
        let key = |i: usize| self.key(i);
        (from..to.min(self.n())).any(|i| self.may_start(i) && phrases.at(&key, i, self.n()).is_some())
    }

    /// The phrase of `phrases` that ends right before token `at` (skipping a comma), if any: its
    /// first token.
    fn phrase_before(&self, phrases: &super::lexicon::Phrases, at: usize) -> Option<usize> {
        let key = |i: usize| self.key(i);
        let mut end = at;
        if end > 0 && matches!(self.key(end - 1), "،" | ",") {
            end -= 1;
        }
        phrases.ending_at(&key, end).map(|len| end - len)
    }

    /// "6 من أفراد الطاقم"، "4 من المصابين": a count of part of a named set.
    fn partitive(&self, first: usize, last: usize) -> bool {
        let within_or_after = self
            .counted_candidate(first, last)
            .filter(|&i| self.key(i) == "من");
        let Some(from) = within_or_after else {
            return false;
        };
        let mut head = from + 1;
        if self.lx.partitive_heads.contains(self.key(head)) {
            head += 1;
        }
        let k = self.key(head);
        self.is_arabic(head)
            && (k.starts_with("ال") || k.starts_with("هذه") || k.starts_with("هولاء") || self.is_content(head))
    }

    /// The first token after the number itself: past the last number word or digits of the
    /// mention and the qualifiers after them ("ستة أشخاص على الأقل" → أشخاص; "أكثر من ألف وخمسمئة
    /// عامل" → عامل).
    fn counted_candidate(&self, first: usize, last: usize) -> Option<usize> {
        let number = |i: usize| {
            let k = self.key(i);
            let bare = k.strip_prefix('و').unwrap_or(k);
            self.kind(i) == Some(TokenKind::Number)
                || crate::mentions::words::is_number_word(k)
                || crate::mentions::words::is_number_word(bare)
        };
        let end = (first..=last).rev().find(|&i| number(i)).unwrap_or(first);
        let skip = |i: usize| {
            let k = self.key(i);
            number(i)
                || matches!(
                    k,
                    "." | "٫" | "," | "٬" | "-" | "ـ" | "علي" | "الاقل" | "تقريبا" | "فقط" | "ال"
                )
                || (i <= last && self.lx.linking.contains(k))
        };
        (end + 1..(last + 2).min(self.n()).max(end + 2).min(self.n()))
            .find(|&i| !skip(i) && self.is_arabic(i))
    }

    /// A counted noun at `i` (the noun a number counts), unless it is a function word or starts
    /// the next phrase ("مقتل 7 وإصابة 250": و + a noun is the next phrase).
    fn counted_noun(&self, i: usize) -> Option<usize> {
        if !self.is_arabic(i) || self.mention_of[i].is_some_and(|m| self.mentions[m].0.value.time().is_some())
        {
            return None;
        }
        let k = self.key(i);
        if self.lx.stopwords.contains(k) || self.lx.linking.contains(k) || k == "من" {
            return None;
        }
        if let Some(rest) = k.strip_prefix(['و', 'ف'])
            && rest.chars().count() >= 3
        {
            // "وفيات" and "ولايات" are words; "وإصابة" and "والمصابين" are و + a word.
            if !self.lx.class_forms.contains(k)
                && (rest.starts_with("ال")
                    || self.lx.class_forms.contains(rest)
                    || self.lx.class(lemma_slice(rest, false)).is_some()
                    || self.lx.measures.contains(lemma_slice(rest, false)))
            {
                return None;
            }
        }
        Some(i)
    }

    /// True when the word at `i` reads as a verbal noun in construct with the number after it
    /// ("بإدانة 11"، "توقيف 23"): indefinite in form, and ending in ة or shaped تفعيل/إفعال. A verb
    /// ("سخّرت 23") or a definite noun ("شملت المحاكمة 17") does not qualify what is counted.
    fn governs_a_number(&self, i: usize) -> bool {
        let key = self.key(i);
        let mut stem = key;
        for _ in 0..2 {
            if stem.chars().count() > 4
                && let Some(rest) = stem.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك'])
            {
                stem = rest;
            }
        }
        if stem.starts_with("ال") {
            return false;
        }
        let letters: Vec<char> = stem.chars().collect();
        let n = letters.len();
        let feminine = n >= 4 && letters[n - 1] == 'ه';
        let tafil = n == 5 && letters[0] == 'ت' && letters[3] == 'ي';
        let ifal = n == 5 && letters[0] == 'ا' && letters[3] == 'ا';
        feminine || tafil || ifal
    }

    /// What the figure at mention `index` measures.
    fn attribute(&self, index: usize, value: &FactValue, first: usize, last: usize) -> Option<Attribute> {
        let lx = self.lx;
        let clause_start = self.words.clause_start[first];
        if matches!(value.unit.as_deref(), Some("date" | "ordinal")) {
            return Some(self.noun_attribute(index, first));
        }
        let mut counted: Option<usize> = None;
        if value.unit.is_none() {
            if let Some(c) = self.counted_candidate(first, last) {
                if self.key(c) == "من" {
                    let mut head = c + 1;
                    if lx.partitive_heads.contains(self.key(head)) {
                        head += 1;
                    }
                    if self.is_arabic(head) {
                        counted = Some(head);
                    }
                } else {
                    counted = self.counted_noun(c);
                }
            }
        } else if self.key(last + 1) == "من"
            && self.is_arabic(last + 2)
            && self.key(last + 2).starts_with("ال")
            && !value.unit.as_deref().is_some_and(is_currency)
        {
            // "212 مليمتراً من الأمطار": what the amount is of. A sum of money "من الأموال العامة"
            // is money taken from somewhere; what it measures is said before it.
            counted = Some(last + 2);
        }
        let counted_lemma = counted.map(|c| self.lemma(c));
        let counted_generic = counted_lemma.is_some_and(|l| lx.generic.contains(l));

        // The words before: the nearest event word, the nearest measure noun, a class word.
        let mut event_word: Option<usize> = None;
        let mut measure_word: Option<usize> = None;
        let mut class_word: Option<usize> = None;
        let mut steps = 0;
        let mut i = first;
        while i > clause_start && steps < 7 {
            i -= 1;
            if self.kind(i) == Some(TokenKind::Punct) {
                break;
            }
            if self.is_numeric_mention(i) && self.mention_of[i] != Some(index) {
                break;
            }
            // A name with its title is the object between a verbal noun and its value ("بسجن
            // الوزير X خمس سنوات"): what is measured is said around it.
            if self.is_time_mention(i) || !self.is_content(i) || self.named[i] {
                continue;
            }
            steps += 1;
            if class_word.is_none() && self.class_at(i).is_some() && steps <= 3 {
                class_word = Some(i);
            }
            if measure_word.is_none() && self.measure_lemma(i).is_some() {
                measure_word = Some(i);
            }
            if event_word.is_none() && steps <= 2 && !self.named[i] && !self.is_adjective_after_noun(i) {
                event_word = Some(i);
            }
        }
        // "بتبديد ما يقارب 340 مليون درهم": a verbal noun with ب right before the value governs it;
        // a measure noun further back is another phrase's ("وعدداً من المسؤولين").
        if let (Some(e), Some(m)) = (event_word, measure_word)
            && m < e
            && self.key(e).starts_with('ب')
            && !self.key(e).starts_with("بال")
            && self.key(e).chars().count() >= 5
            && self.measure_lemma(e).is_none()
            && (e + 1..first).all(|j| !self.is_content(j))
        {
            measure_word = None;
        }
        // After the counted noun, the word that says what happened to them ("ستة أشخاص … حتفهم"،
        // "4 عمال في عداد المفقودين").
        let after_counted = {
            let from = counted.map_or(last + 1, |c| c + 1);
            let reach = if counted_generic || counted.is_none() {
                3
            } else {
                4
            };
            (from..(from + reach).min(self.n()))
                .take_while(|&j| self.kind(j) != Some(TokenKind::Punct) && !self.is_numeric_mention(j))
                // "12 مليون دينار من عائدات الرسوم": where money came from is not what it is.
                .take_while(|&j| !(self.key(j) == "من" && value.unit.as_deref().is_some_and(is_currency)))
                // "بأربع مباريات دون جمهور وتغريمه": a coordinated word starts another item.
                .take_while(|&j| {
                    !self.key(j).starts_with('و') || self.lx.function_words.contains(self.key(j))
                })
                .find(|&j| self.is_content(j) && self.class_at(j).is_some())
        };

        // A class word before the number names what happened to a specific counted noun only when
        // it governs the number ("مقتل 7 فلسطينيين"); further back it is another phrase's ("إصابة 41
        // حالة … في أربع ولايات").
        let governing_class = first.checked_sub(1).filter(|&b| self.class_at(b).is_some());
        let specific = counted.is_some() && !counted_generic;
        let class_at = counted
            .filter(|&c| self.class_at(c).is_some())
            .or(if specific { governing_class } else { class_word })
            .or(after_counted);
        // A specific counted noun says what is measured over a measure noun's class ("لمدة ثلاث
        // مباريات" counts matches; "لمدة ثلاثة أيام" is a duration).
        let mut class = class_at
            .and_then(|w| self.class_at(w))
            .or_else(|| measure_word.filter(|_| !specific).and_then(|m| self.class_at(m)));
        if let MentionValue::Quantity(q) = &self.mentions[index].0.value
            && q.unit == "year_of_age"
        {
            class = lx.class_named("age");
        }
        // "35% من العقد": a percentage of a thing is a share of it.
        if class.is_none()
            && value.unit.as_deref() == Some("percent")
            && self.key(last + 1) == "من"
            && self.is_content(last + 2)
        {
            class = lx.class_named("share");
        }
        let is_duration = matches!(self.mentions[index].0.value, MentionValue::Duration(_));
        if class.is_none()
            && value.unit.as_deref().is_some_and(is_time_unit)
            && event_word.is_some_and(|w| lx.lasting.contains(self.lemma(w)))
        {
            // A length of time after a verb of lasting is the event's duration.
            class = lx.class_named("duration");
        }

        // "عجز الموازنة": the head of a chain of measure nouns is the first, the rest its genitives.
        while let Some(m) = measure_word
            && m > clause_start
            && self.key(m).trim_start_matches(['و', 'ف']).starts_with("ال")
            && self.measure_lemma(m - 1).is_some()
        {
            measure_word = Some(m - 1);
        }
        // "معدل التضخم"، "نسبة البطالة": a head that says only "how" measures its genitive when that
        // is a measure itself.
        let mut generic_head: Option<usize> = None;
        if let Some(m) = measure_word
            && self
                .measure_lemma(m)
                .is_some_and(|l| lx.generic_measures.contains(&l))
            && m + 1 < first
            && self.is_content(m + 1)
            && (self.measure_lemma(m + 1).is_some() || self.class_at(m + 1).is_some())
        {
            generic_head = Some(m);
            measure_word = Some(m + 1);
            if class.is_none() {
                class = self.class_at(m + 1);
            }
        }
        let word = |i: usize| AttributeWord {
            lemma: self.measure_lemma(i).unwrap_or_else(|| self.lemma(i).to_string()),
            span: self.toks.pieces[i].span,
        };
        let (from, head_at) = if let Some(c) = counted.filter(|_| !counted_generic) {
            (AttributeSource::Counted, Some(c))
        } else if let Some(m) = measure_word {
            (AttributeSource::Measure, Some(m))
        } else if let Some(w) = class_word.or(after_counted) {
            (AttributeSource::Event, Some(w))
        } else if let Some(e) = event_word {
            (AttributeSource::Event, Some(e))
        } else if value.unit.is_some() {
            (AttributeSource::Unit, None)
        } else {
            (AttributeSource::Unknown, None)
        };
        let head = head_at.map(word);

        // A length of time that nothing says is a measure, with another figure in its clause, is
        // that figure's window ("212 مليمتراً خلال 24 ساعة").
        // A toll's class from a word nearby is not what a length of time measures.
        if is_duration && class.is_none_or(|c| c.evolving) && from != AttributeSource::Measure {
            let clause = (clause_start, self.words.clause_end[last]);
            let others = self
                .mentions
                .iter()
                .enumerate()
                .any(|(k, &(m, f, _))| k != index && f >= clause.0 && f < clause.1 && is_figure(m));
            if others || from == AttributeSource::Unit || from == AttributeSource::Unknown {
                return None;
            }
        }

        let mut qualifiers: Vec<String> = Vec::new();
        let mut governor = None;
        match from {
            // The verbal noun right before a count qualifies what is counted: "بإدانة 11 متهماً"
            // counts the convicted among the defendants.
            AttributeSource::Counted => {
                if let Some(e) = first.checked_sub(1).filter(|&e| {
                    Some(e) == event_word
                        && !self.named[e]
                        && !self.has_attached_pronoun(e)
                        && self.governs_a_number(e)
                }) {
                    let l = self.lemma(e);
                    if !lx.measures.contains(l) && lx.class(l).is_none() {
                        governor = Some(l.to_string());
                    }
                }
                // "الأطباء والممرضين الـ14 المصابين": the definite noun right before the number is
                // the set counted.
                if let Some(b) = first.checked_sub(1)
                    && self.is_content(b)
                    && !self.named[b]
                    && self.key(b).trim_start_matches(['و', 'ف']).starts_with("ال")
                    && self.class_at(b).is_none()
                    && self.measure_lemma(b).is_none()
                {
                    qualifiers.push(self.lemma(b).to_string());
                }
                // "الوردية الليلية التي تضم 64 عاملاً": the count is of the noun the relative
                // clause hangs on.
                if let Some(r) = (clause_start..first)
                    .rev()
                    .take(4)
                    .find(|&i| matches!(self.key(i), "الذي" | "التي" | "اللذين" | "اللتين"))
                    && let Some(b) = (clause_start..r)
                        .rev()
                        .find(|&i| self.is_content(i) && !self.named[i])
                    && r - b <= 2
                {
                    qualifiers.push(self.lemma(b).to_string());
                }
            }
            // What a measure is of: the noun after it ("نسبة التغطية"، "أرباحاً تشغيلية"), the noun
            // before "بطول"/"بقيمة" ("جسراً بطول"), the antecedent of "الذي يبلغ طوله".
            AttributeSource::Measure | AttributeSource::Event if class.is_none_or(|c| !c.evolving) => {
                if let Some(h) = head_at {
                    qualifiers = self.measure_qualifiers(h, first);
                }
            }
            _ => {}
        }
        qualifiers.sort();
        qualifiers.dedup();

        let mut modifier = None;
        // A modifier right after the counted noun or the measure ("86 إصابة جديدة"، "أرباحاً
        // تشغيلية"، "ثلاث حارات لكل اتجاه").
        for at in [counted, head_at, class_at].into_iter().flatten() {
            if modifier.is_none()
                && self.is_arabic(at + 1)
                && let Some(m) = lx
                    .modifiers
                    .get(self.lemma(at + 1))
                    .or_else(|| lx.modifiers.get(self.key(at + 1)))
            {
                modifier = Some(m.clone());
            }
        }
        // "متوسط عمر أسطولها": an average before the head.
        for at in [head_at, generic_head].into_iter().flatten() {
            let before = if Some(at) == generic_head {
                Some(at)
            } else {
                at.checked_sub(1)
            };
            if modifier.is_none()
                && let Some(b) = before
                && self.is_arabic(b)
                && let Some(m) = lx.modifiers.get(self.lemma(b))
            {
                modifier = Some(m.clone());
            }
        }
        if let Some(m) = self.modifier_before(first) {
            modifier = Some(m);
        }
        // A counted thing ("بأغلبية أربعة أصوات") is a level even in a clause about a change ("أُقرت
        // الزيادة"): only an explicit "بمقدار"/"بنسبة" makes a count a change.
        if self.is_delta(first, last, head_at, from != AttributeSource::Counted) {
            modifier = Some("delta".to_string());
        }
        if self.phrase_before(&lx.contrast, first).is_some() {
            modifier = Some("contrast".to_string());
        }
        let key = class
            .map(|c| c.name.clone())
            .or_else(|| head.as_ref().map(|h| h.lemma.clone()));
        let key = key.map(|k| match &modifier {
            Some(m) => format!("{k}+{m}"),
            None => k,
        });
        Some(Attribute {
            key,
            class: class.map(|c| c.name.clone()),
            from,
            head,
            qualifiers,
            governor,
            modifier,
            evolving: class.is_some_and(|c| c.evolving),
            of_something: class.is_none_or(|c| c.of_something),
        })
    }

    /// Where the words a date is aligned on start: its clause, or when that says too little
    /// ("، قد وصلت إلى البلدة مساء الاثنين"), the clauses before it that it hangs on ("وكانت لجنة
    /// التحقيق الوزارية، المؤلفة من خمسة قضاة، …").
    fn date_context_start(&self, clause: (usize, usize)) -> usize {
        const ENOUGH_WORDS: usize = 3;
        let mut start = clause.0;
        if (start..clause.1).filter(|&i| self.is_content(i)).count() >= ENOUGH_WORDS {
            return start;
        }
        while start > 0 {
            let earlier = self.words.clause_start[start - 1];
            // A clause with a date of its own is about its own time ("وصلت البعثة الاثنين، وزارت
            // المستشفى أمس": the visit is not the arrival).
            if (earlier..start).any(|i| self.is_time_mention(i)) {
                break;
            }
            start = earlier;
            // A clause that describes the noun before it ("، المؤلفة من خمسة قضاة،"، "، التي
            // شكلت أمس،") says nothing of who is dated without that noun.
            let describes =
                self.key(start).starts_with("ال") && !self.named[start] || self.is_relative(start);
            if !describes && (start..clause.1).filter(|&i| self.is_content(i)).count() >= ENOUGH_WORDS {
                break;
            }
        }
        start
    }

    /// The light lemma of token `i` when it is a content word.
    pub fn content_lemma(&self, i: usize) -> Option<&str> {
        self.is_content(i).then(|| self.lemma(i))
    }

    /// Where a date's words end: at a phrase after the date led by a glued «ب» or «ل», «مع» or
    /// «وسط», which says how or with whom it happened («مساء الأحد بحفل فني»، «بمشاركة 120
    /// عارضاً»), not what is dated. A subject after the date stays («وانطلقت يوم الاثنين مسابقة»),
    /// and so do a place and a destination («إلى المدينة»: another place is another occasion).
    fn date_context_end(&self, date_last: usize, clause_end: usize) -> usize {
        (date_last + 1..clause_end.min(self.n()))
            .find(|&i| {
                let key = self.key(i);
                // Four letters in ة are a noun of their own («بلدة»، «لجنة»).
                let short_noun = key.ends_with('ه') && key.chars().count() == 4;
                matches!(key, "مع" | "وسط")
                    || (self.is_arabic(i) && preposition_led(key) && !short_noun && !self.named[i])
            })
            .unwrap_or(clause_end)
    }

    /// A date's words with the verbs that elsewhere link a measure to its value: before a date
    /// they say what happened ("وصلت البعثة مساء الاثنين"، "سُجلت أول حالة في 31 يوليو"). A
    /// past-tense ت is taken off, so "وصلت" and "وصل" meet.
    fn with_linking_verbs(&self, words: Words, span: (usize, usize)) -> Words {
        let mut verbs: Vec<&str> = (span.0..span.1.min(self.n()))
            .filter(|&i| {
                let key = self.key(i);
                let bare = key
                    .strip_prefix(['و', 'ف'])
                    .filter(|r| r.len() >= 6)
                    .unwrap_or(key);
                self.is_arabic(i)
                    && self.mention_of[i].is_none()
                    && self.lx.linking.contains(key)
                    && key.len() >= 6
                    && !self.words.flags[i].has(WordFlags::STOPWORD)
                    && !self.lx.stopwords.contains(bare)
            })
            .map(|i| {
                let key = self.key(i);
                key.strip_suffix('ت').filter(|r| r.len() >= 6).unwrap_or(key)
            })
            .collect();
        if verbs.is_empty() {
            return words;
        }
        verbs.sort_unstable();
        verbs.dedup();
        let mut all: Vec<std::sync::Arc<str>> = words.iter().cloned().collect();
        all.extend(verbs.into_iter().map(std::sync::Arc::from));
        all.sort_unstable();
        all.dedup();
        all.into()
    }

    /// True when token `i` is a relative pronoun ("الذي"، "التي").
    fn is_relative(&self, i: usize) -> bool {
        matches!(
            self.key(i),
            "الذي" | "التي" | "الذين" | "اللذين" | "اللتين" | "اللذان" | "اللتان"
        )
    }

    /// True when a word that opens what is said follows the date closely in its clause ("قال
    /// الوزير أمس إن …"): the date is the saying's.
    fn dates_saying(&self, last: usize, clause: (usize, usize)) -> bool {
        const NEAR: usize = 5;
        (last + 1..clause.1.min(last + 1 + NEAR)).any(|i| self.lx.complementizers.contains(self.key(i)))
    }

    /// What a date or an ordinal is of: the ordinal's noun ("زيارته الثانية"), or for a count of
    /// times ("للمرة الثالثة") the clause's first word, its event ("أُجّلت الجلسة للمرة الثالثة");
    /// for a date, the nearest content word before it that is not a name ("جائزة اليورفيجن 2018").
    /// An ordinal's key is a root key, so a verb and its verbal noun meet ("أُغلق للمرة الثانية"
    /// and "ثالث إغلاق").
    fn noun_attribute(&self, index: usize, first: usize) -> Attribute {
        let (mention, _, _) = self.mentions[index];
        let word = |i: usize| AttributeWord {
            lemma: self.lemma(i).to_string(),
            span: self.toks.pieces[i].span,
        };
        let clause_start = self.words.clause_start[first];
        let head = match &mention.value {
            MentionValue::Ordinal(o) => o
                .noun_span
                .and_then(|s| self.toks.pieces.iter().position(|p| p.span.overlaps(s)))
                .map(|noun| {
                    if self.lx.occurrence_nouns.contains(self.lemma(noun)) {
                        (clause_start..noun)
                            .find(|&i| {
                                self.is_content(i)
                                    && !self.named[i]
                                    && self.lx.clause_breaks.at(&|k| self.key(k), i, self.n()).is_none()
                            })
                            .unwrap_or(noun)
                    } else {
                        noun
                    }
                })
                .map(word),
            _ => (clause_start..first)
                .rev()
                .filter(|&i| !self.named[i])
                .take(3)
                .find(|&i| self.is_content(i))
                .map(word),
        };
        let key = match &mention.value {
            MentionValue::Ordinal(_) => head.as_ref().map(|h| super::lemma::root_key(&h.lemma)),
            _ => head.as_ref().map(|h| h.lemma.clone()),
        };
        // "الأولى منذ عقد": an ordinal counted within a window is another series than one without.
        let modifier = match &mention.value {
            MentionValue::Ordinal(o) => o
                .qualifier
                .as_ref()
                .map(|q| format!("within {}", isnad_parser::fold_key(&q.text))),
            _ => None,
        };
        // "لليوم الثالث": a place among days grows with the report's date.
        let evolving = matches!(mention.value, MentionValue::Ordinal(_))
            && head.as_ref().is_some_and(|h| {
                self.lx.running_series.contains(&h.lemma)
                    || self
                        .lx
                        .running_series
                        .contains(&super::lemma::lemma_plain(&h.lemma))
            });
        Attribute {
            key,
            class: None,
            from: if head.is_some() {
                AttributeSource::Event
            } else {
                AttributeSource::Unknown
            },
            head,
            qualifiers: Vec::new(),
            governor: None,
            modifier,
            evolving,
            of_something: true,
        }
    }

    /// What the lexicon names by the word at `i` (read once per distinct Arabic word).
    fn names(&self, i: usize) -> Names {
        if self.is_arabic(i) {
            self.words.names[i]
        } else {
            Names::of(self.lx, self.key(i), self.lemma(i))
        }
    }

    /// The class of the word at `i`, also after a conjunction or preposition glued to a short word
    /// ("وفُقد" is و + فقد).
    fn class_at(&self, i: usize) -> Option<&'static super::lexicon::Class> {
        self.names(i).class.map(|c| &self.lx.classes[c])
    }

    /// The lemma of a measure noun at `i`, also after an attached preposition ("بطول"، "بقيمة").
    fn measure_lemma(&self, i: usize) -> Option<String> {
        let (start, end) = self.names(i).measure?;
        Some(self.key(i).get(start..end)?.to_string())
    }

    /// What a measure noun at `h` is of: the content word after it (its genitive or adjective,
    /// not past the value at `value`), the noun before a ب-measure ("جسراً بطول")، or the noun a
    /// relative clause hangs on ("للجسر الذي يبلغ طوله").
    fn measure_qualifiers(&self, h: usize, value: usize) -> Vec<String> {
        let mut out = Vec::new();
        let after = h + 1;
        // The genitive or definite adjective after it ("نسبة التغطية"، "قوة الزلزال"), not a verb.
        if after < value
            && self.is_content(after)
            && !self.named[after]
            && self
                .key(after)
                .trim_start_matches(['و', 'ف', 'ب', 'ل'])
                .starts_with("ال")
        {
            out.push(self.lemma(after).to_string());
        }
        let key = self.key(h);
        let before = h.checked_sub(1);
        // "صافي الربح"، "صافي ربح": the construct noun before the head (indefinite, no case ending,
        // no attached pronoun: "أدائه غرامة" is his paying a fine, not a kind of fine).
        if let Some(b) = before
            && self.measure_lemma(h).is_some()
            && self.is_content(b)
            && !self.has_attached_pronoun(b)
            && !self.key(b).starts_with("ال")
            && !self.key(b).starts_with('ي')
            && !self.key(b).ends_with('ا')
            && !self.lx.modifiers.contains_key(self.lemma(b))
            && self.words.clause_start[b] == self.words.clause_start[h]
            && !self.lx.change.contains(self.lemma(b))
        {
            out.push(self.lemma(b).to_string());
        }
        let with_preposition =
            key.starts_with('ب') && !key.starts_with("بال") && self.measure_lemma(h).is_some();
        if with_preposition
            && let Some(b) = before
            && self.is_content(b)
            && self.words.clause_start[b] == self.words.clause_start[h]
        {
            out.push(self.lemma(b).to_string());
        }
        let has_pronoun = ["ه", "ها", "هم"].iter().any(|p| key.ends_with(p)) && key.chars().count() >= 4;
        if has_pronoun {
            // "… للجسر الذي يبلغ طوله": the noun before the relative pronoun.
            if let Some(r) = (self.words.clause_start[h].saturating_sub(1)..h)
                .rev()
                .take(4)
                .find(|&i| matches!(self.key(i), "الذي" | "التي"))
                && let Some(b) = r.checked_sub(1)
                && self.is_content(b)
            {
                out.push(self.lemma(b).to_string());
            }
        }
        out
    }

    /// True for a relational adjective right after the noun it describes ("زيادة شهرية"، "غرامة
    /// مالية"): the noun, not the adjective, says what a figure is.
    fn is_adjective_after_noun(&self, i: usize) -> bool {
        let key = self.key(i).trim_start_matches(['و', 'ف']);
        let key = key.strip_prefix("ال").unwrap_or(key);
        i > 0
            && self.is_content(i - 1)
            && !self.named[i - 1]
            && key.chars().count() >= 4
            && (key.ends_with("يه") || key.ends_with("يا"))
    }

    /// True when word `i` as written ends in an attached pronoun ("أدائه"، "حصتها"، "أموالهم"): a
    /// taa marbuta is no pronoun, and the folded key no longer tells them apart.
    fn has_attached_pronoun(&self, i: usize) -> bool {
        let Some(piece) = self.toks.pieces.get(i) else {
            return false;
        };
        let written = self.source.get(piece.span.range()).unwrap_or("");
        let written = written.trim_end_matches(|c: char| isnad_parser::is_word_mark(c));
        written.chars().count() >= 4
            && ["ه", "ها", "هم", "هما", "هن", "كم"]
                .iter()
                .any(|p| written.ends_with(p))
    }

    /// A modifier named by a word before the value in its clause: a capacity ("تتسع لـ 600")، a
    /// target ("المستهدف 90%")، a forecast ("يتوقع 5%").
    fn modifier_before(&self, first: usize) -> Option<String> {
        let start = self.words.clause_start[first].max(first.saturating_sub(6));
        (start..first)
            .rev()
            .filter(|&i| self.names(i).modifier_before)
            .find_map(|i| self.lx.modifiers_before.get(self.lemma(i)).cloned())
    }

    /// True when the figure is a change, not a level: "بمقدار 75 نقطة"، or a change word before it
    /// in its clause ("ارتفعت الإيرادات بنسبة 31%"، "زيادة قدرها 850") with no "إلى" ("to") right
    /// before the value.
    fn is_delta(&self, first: usize, last: usize, head: Option<usize>, by_change_word: bool) -> bool {
        let key = |k: usize| self.key(k);
        if self.phrase_before(&self.lx.delta_before, first).is_some()
            || (first..=last).any(|i| self.lx.delta_before.at(&key, i, self.n()).is_some())
        {
            return true;
        }
        if !by_change_word {
            return false;
        }
        let Some(change) = (self.words.clause_start[first]..first)
            .rev()
            .find(|&i| Some(i) != head && self.names(i).change)
        else {
            return false;
        };
        // "ارتفعت الحصيلة إلى 19 قتيلاً و34 مفقوداً": a level, up to the last figure of the list.
        !(change..=last).any(|i| {
            let k = self.key(i);
            self.lx.to_level.contains(k) || k.strip_prefix('و').is_some_and(|r| self.lx.to_level.contains(r))
        })
    }

    /// The stated time of a figure: the nearest temporal mention of its clause (not one inside a
    /// relative clause about an earlier noun, not the start of a "منذ" window), else of a clause
    /// that gives its source ("بحسب بيان … عند السابعة").
    fn time_of(
        &self,
        first: usize,
        clause: (usize, usize),
    ) -> Option<(crate::mentions::TimeValue, &'a Mention)> {
        let relative = (clause.0 + 1..first)
            .find(|&i| matches!(self.key(i), "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"));
        let usable = |m: &(&'a Mention, usize, usize)| {
            let (mention, f, l) = *m;
            if self.time_value(mention, f, l).is_none() || matches!(mention.value, MentionValue::Duration(_))
            {
                return false;
            }
            // "منذ فيضان 2009 الذي أودى بحياة 41 شخصاً": a figure of a relative clause hanging on a
            // dated noun is of that occurrence, even after "منذ".
            let dates_antecedent = (l + 1..first).any(|i| matches!(self.key(i), "الذي" | "التي" | "الذين"));
            if self.since_window(f) && !dates_antecedent {
                return false;
            }
            // "الفيضان الذي ضرب البلدة فجر أمس … إلى 19 قتيلاً": that time is the flood's.
            !relative.is_some_and(|r| f > r && f < first)
        };
        let nearest = |from: usize, to: usize| {
            self.mentions
                .iter()
                .filter(|m| m.1 >= from && m.2 < to && usable(m))
                .min_by_key(|m| m.1.abs_diff(first))
                .and_then(|&(m, f, l)| Some((self.time_value(m, f, l)?, m)))
        };
        let starts_source = |i: usize| {
            let is_source_word = |k: &str| matches!(k, "بحسب" | "حسب" | "وفق" | "وفقا" | "نقلا" | "طبقا");
            let k = self.key(i);
            i < self.n() && (is_source_word(k) || k.strip_prefix('و').is_some_and(is_source_word))
        };
        nearest(clause.0, clause.1)
            .or_else(|| {
                // A following clause naming the source: "، بحسب بيان … عند السابعة".
                let next = clause.1;
                starts_source(next)
                    .then(|| nearest(next, self.words.clause_end[next]))
                    .flatten()
            })
            .or_else(|| {
                // A leading one: "وبحسب النشرة التي صدرت مساء الأحد، فقد سجلت 68 إصابة".
                let previous = self.words.clause_start[clause.0.checked_sub(1)?];
                starts_source(previous)
                    .then(|| nearest(previous, clause.0))
                    .flatten()
            })
    }

    /// The time of an earlier clause of the sentence for a figure whose clause states none and
    /// continues it: a running total takes the sentence's time ("حتى العاشرة صباحاً انتشلت الفرق 371
    /// ناجياً، فيما لا يزال 70 في عداد المفقودين"); any figure of a coordinated clause takes a date of
    /// another year ("الحريق الذي أتى على مصنع في صيف 2019، وأودى بحياة 3 عمال").
    fn time_of_coordinated(
        &self,
        clause: (usize, usize),
        evolving: bool,
    ) -> Option<(crate::mentions::TimeValue, &'a Mention)> {
        use chrono::Datelike;
        let opening = self.key(clause.0);
        let relative = matches!(opening, "الذي" | "التي" | "الذين");
        let coordinated = opening.starts_with('و')
            || relative
            || self
                .lx
                .clause_breaks
                .at(&|i| self.key(i), clause.0, self.n())
                .is_some();
        if clause.0 == 0 || !coordinated {
            return None;
        }
        let old = |t: &crate::mentions::TimeValue| {
            t.grain >= crate::mentions::Grain::Day
                && self.publication.is_some_and(|p| {
                    t.day_range()
                        .is_some_and(|(_, end)| end.year() < p.year() && (p - end).num_days() > 45)
                })
        };
        self.mentions
            .iter()
            .filter_map(|&(m, f, l)| {
                let t = self.time_value(m, f, l)?;
                // "منذ فيضان شتاء 2009، الذي أودى بحياة 41": a relative clause after a comma hangs
                // on the dated noun, even after "منذ".
                (f < clause.0
                    && !matches!(m.value, MentionValue::Duration(_))
                    && (!self.since_window(f) || relative)
                    && ((evolving && self.is_report_time(m, f)) || old(&t)))
                .then_some((t, m))
            })
            .next_back()
    }

    /// The time a mention states: a temporal mention's value, or the year of a bare year after a
    /// name ("فيضان 2009"، "جائزة 2018"), which the time finder leaves to the numbers.
    fn time_value(&self, m: &Mention, first: usize, last: usize) -> Option<crate::mentions::TimeValue> {
        if let Some(t) = m.value.time() {
            return Some(t.clone());
        }
        let MentionValue::Number(n) = &m.value else {
            return None;
        };
        self.year_after_name(n, first, last)
    }

    /// A bare year after a name with nothing counted after it, as a year.
    fn year_after_name(
        &self,
        n: &NumberValue,
        first: usize,
        last: usize,
    ) -> Option<crate::mentions::TimeValue> {
        let year = n
            .value
            .filter(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(v))?;
        if n.qualifier != Qualifier::Exact
            || self.kind(first) != Some(TokenKind::Number)
            || first != last
            || self.counted_noun(last + 1).is_some()
            || !first.checked_sub(1).is_some_and(|b| self.is_arabic(b))
        {
            return None;
        }
        let start = chrono::NaiveDate::from_ymd_opt(year as i32, 1, 1)?;
        let end = chrono::NaiveDate::from_ymd_opt(year as i32, 12, 31)?;
        Some(crate::mentions::TimeValue::days(
            start,
            end,
            crate::mentions::Grain::Year,
        ))
    }

    /// The «منذ» that opens the window a time at token `f` closes, when its words name an event
    /// ("منذ تسجيل أول حالة الخميس الماضي"), not a bare time ("منذ الخميس").
    fn since_at(&self, f: usize) -> Option<usize> {
        let start = self.words.clause_start[f].max(f.saturating_sub(5));
        (start..f)
            .rev()
            .find(|&i| matches!(self.key(i), "منذ" | "ومنذ"))
            .filter(|&i| (i + 1..f).any(|j| self.is_content(j)))
    }

    /// True when the time at token `f` starts a window "since" ("منذ تسجيل أول حالة الخميس
    /// الماضي"): it dates where a running count starts, not when it holds.
    fn since_window(&self, f: usize) -> bool {
        let start = self.words.clause_start[f].max(f.saturating_sub(5));
        (start..=f).any(|i| matches!(self.key(i), "منذ" | "ومنذ"))
    }

    /// A time that dates a report rather than an event: a clock time, or a time "so far" ("حتى
    /// الساعة العاشرة"). The day an incident happened is not the time its toll holds.
    fn is_report_time(&self, m: &Mention, first: usize) -> bool {
        matches!(m.value, MentionValue::Time(_))
            || (first > 0 && matches!(self.key(first - 1), "حتي" | "وحتي"))
            || self.key(first) == "حتي"
    }

    /// A figure with no word of its own measures what the figure before it in its clause
    /// measures when only joining words stand between them: "خمسة أصوات مقابل ثلاثة" (the other
    /// side), "ارتفع صافي الربح بنسبة 18% ليبلغ 684 مليون جنيه" (the level after the change).
    fn inherit(&self, drafts: &mut [Draft<'a>]) {
        for k in 1..drafts.len() {
            if !matches!(
                drafts[k].attribute.from,
                AttributeSource::Unknown | AttributeSource::Unit
            ) {
                continue;
            }
            let previous = &drafts[k - 1];
            if previous.attribute.key.is_none()
                || self.words.clause_start[drafts[k].first] != self.words.clause_start[previous.first]
            {
                continue;
            }
            let head_at = previous
                .attribute
                .head
                .as_ref()
                .and_then(|h| self.toks.pieces.iter().position(|p| p.span == h.span));
            let joined = (previous.last + 1..drafts[k].first).all(|i| {
                let key = self.key(i);
                let bare = key.strip_prefix('و').unwrap_or(key);
                matches!(key, "و" | "،" | ",")
                    || Some(i) == head_at
                    || self.lx.linking.contains(key)
                    || self.lx.linking.contains(bare)
                    || self.lx.to_level.contains(key)
                    || self.lx.to_level.contains(bare)
                    || self.lx.contrast.at(&|j| self.key(j), i, self.n()).is_some()
                    || self.lx.contrast.ending_at(&|j| self.key(j), i + 1).is_some()
                    || self.lx.modifiers.contains_key(self.lemma(i))
            });
            let same_unit = previous.value.unit == drafts[k].value.unit
                || (previous.value.unit.as_deref() == Some("percent"))
                    != (drafts[k].value.unit.as_deref() == Some("percent"));
            if !joined || !same_unit {
                continue;
            }
            let modifier = drafts[k].attribute.modifier.clone();
            let mut attribute = previous.attribute.clone();
            attribute.modifier = modifier.clone();
            attribute.key = attribute.key.map(|key| {
                let base = key.split('+').next().unwrap_or(&key).to_string();
                match &modifier {
                    Some(m) => format!("{base}+{m}"),
                    None => base,
                }
            });
            drafts[k].attribute = attribute;
        }
    }

    /// Parts and wholes: "31 قتيلاً، بينهم 12 طفلاً و9 نساء"; "11 متهماً … من أصل 14"; "164 راكباً
    /// و6 من أفراد الطاقم، أي ما مجموعه 180".
    fn parts(&self, drafts: &mut [Draft<'a>]) {
        let lx = self.lx;
        let key = |i: usize| self.key(i);
        // A date or a place in a series is never a part or a whole.
        let countable = |d: &Draft<'_>| !matches!(d.value.unit.as_deref(), Some("date" | "ordinal"));
        for w in 0..drafts.len() {
            if !countable(&drafts[w]) {
                continue;
            }
            // A list of parts after this figure.
            let after = drafts[w]
                .attribute
                .head
                .as_ref()
                .filter(|h| h.span.start >= drafts[w].mention.span.end)
                .and_then(|h| self.toks.pieces.iter().position(|p| p.span == h.span))
                .unwrap_or(drafts[w].last)
                + 1;
            // Past commas, modifiers and a second counted noun ("4763 موظفاً وعاملاً، يتوزعون بين").
            let mut at = after;
            let mut skipped_words = 0;
            while at < self.n() && lx.parts_follow.at(&key, at, self.n()).is_none() {
                let k = self.key(at);
                if matches!(k, "،" | ",") || lx.modifiers.contains_key(self.lemma(at)) {
                    at += 1;
                } else if self.is_arabic(at)
                    && !self.is_numeric_mention(at)
                    && skipped_words < 2
                    && k.starts_with('و')
                {
                    skipped_words += 1;
                    at += 1;
                } else {
                    break;
                }
            }
            // "12 ألف عامل شاركوا في الإضراب، منهم 7500 …": a short phrase about the whole, then a
            // comma, then the parts.
            if lx.parts_follow.at(&key, at, self.n()).is_none()
                && let Some(comma) = (at..(at + 5).min(self.n()))
                    .take_while(|&j| {
                        matches!(self.key(j), "،" | ",") || (self.is_arabic(j) && !self.is_numeric_mention(j))
                    })
                    .find(|&j| matches!(self.key(j), "،" | ","))
                && lx.parts_follow.at(&key, comma + 1, self.n()).is_some()
            {
                at = comma + 1;
            }
            if let Some(len) = lx.parts_follow.at(&key, at, self.n()) {
                let list_start = at + len;
                let list_end = self.words.clause_end[list_start.min(self.n().saturating_sub(1))];
                for part in drafts.iter_mut().skip(w + 1) {
                    if part.first >= list_start
                        && part.first < list_end
                        && part.part_of.is_none()
                        && countable(part)
                    {
                        part.part_of = Some(w);
                    }
                }
            }
            // This figure is the whole of the ones before it ("من أصل 14").
            let first = drafts[w].first;
            let whole = self.phrase_before(&lx.whole_before, first).is_some()
                || (drafts[w].first..=drafts[w].last)
                    .any(|i| lx.whole_before.at(&key, i, self.n()).is_some());
            let total = self.phrase_before(&lx.total_before, first).is_some();
            if whole || total {
                let unit = drafts[w].value.unit.clone();
                let previous_same_unit = (0..w)
                    .rev()
                    .find(|&p| drafts[p].value.unit == unit)
                    .map(|p| drafts[p].first);
                let start = if total {
                    0
                } else {
                    self.words.clause_start[first].min(previous_same_unit.unwrap_or(first))
                };
                let members: Vec<usize> = (0..w)
                    .filter(|&p| {
                        drafts[p].first >= start
                            && drafts[p].part_of.is_none()
                            && drafts[p].value.unit == unit
                    })
                    .collect();
                if whole && !total && members.len() == 1 {
                    // "82 مقعداً من أصل 156": one figure out of a pool; the pool is no rival count.
                    drafts[w].scope.pool = true;
                    if drafts[w].attribute.key.is_none() {
                        drafts[w].attribute = drafts[members[0]].attribute.clone();
                    }
                } else {
                    for &p in &members {
                        drafts[p].part_of = Some(w);
                    }
                    drafts[w].scope.total = total && !members.is_empty();
                }
            }
        }
    }
}

/// True for a mention that can be a figure (a count, an amount, a length of time).
fn is_figure(m: &Mention) -> bool {
    matches!(
        m.value,
        MentionValue::Number(_) | MentionValue::Quantity(_) | MentionValue::Duration(_)
    )
}

/// Currencies are the units with an ISO code (`USD`، `AED`) and the names written without a
/// country (data/units.toml: `dinar`، `lira`، `cent`).
pub fn is_currency(unit: &str) -> bool {
    (unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()))
        || matches!(unit, "dinar" | "lira" | "cent")
}

fn is_time_unit(unit: &str) -> bool {
    matches!(
        unit,
        "second" | "minute" | "hour" | "day" | "week" | "month" | "year"
    )
}

/// A word led by a glued preposition ("بحضور"، "لصالح"، "بسجن"): what follows is its complement.
/// Four letters ending in ت are a verb ("بلغت"، "بدأت").
pub(crate) fn preposition_led(w: &str) -> bool {
    let letters = w.chars().count();
    w.starts_with(['ب', 'ل']) && !w.starts_with("لل") && (letters >= 5 || (letters == 4 && !w.ends_with('ت')))
}

//! The fact layer's words (`data/facts.toml`), reduced to light lemmas or folded phrases once.

use super::lemma::{lemma_plain, lemma_slice, match_form};
use crate::sketch::KeySketch;
use isnad_parser::fold_key;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct File {
    generic_counted: Vec<String>,
    others_counted: Vec<String>,
    measure_nouns: Vec<String>,
    generic_measures: Vec<String>,
    linking: Vec<String>,
    parts_follow: Vec<String>,
    whole_before: Vec<String>,
    total_before: Vec<String>,
    partitive_heads: Vec<String>,
    subset_before: Vec<String>,
    collectives: Vec<String>,
    amount_of_before: Vec<String>,
    contrast: Vec<String>,
    delta_before: Vec<String>,
    rise: Vec<String>,
    so_far: Vec<String>,
    earlier: Vec<String>,
    window_before: Vec<String>,
    interval_after: Vec<String>,
    interval_before: Vec<String>,
    interval_skip: Vec<String>,
    past_named: Vec<String>,
    occurrence_nouns: Vec<String>,
    complementizers: Vec<String>,
    present: Vec<String>,
    appointed: Vec<String>,
    locatives: Vec<String>,
    not_agent_before: Vec<String>,
    units_of_bodies: Vec<String>,
    affiliation: Vec<String>,
    announcing: Vec<String>,
    running_series: Vec<String>,
    lasting: Vec<String>,
    stopwords: Vec<String>,
    pronoun_prepositions: Vec<String>,
    clause_breaks: Vec<String>,
    change: Vec<String>,
    to_level: Vec<String>,
    modifiers_before: BTreeMap<String, Vec<String>>,
    day_parts: BTreeMap<String, (u32, u32)>,
    class: Vec<ClassFile>,
    sense: Vec<SenseFile>,
    modifiers: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SenseFile {
    name: String,
    #[serde(default)]
    opposite: Option<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct ClassFile {
    name: String,
    #[serde(default)]
    evolving: bool,
    #[serde(default)]
    of_something: bool,
    #[serde(default)]
    grows: bool,
    words: Vec<String>,
    #[serde(default)]
    after_counted: Vec<String>,
}

/// An attribute class: words that name one measured thing.
#[derive(Debug)]
pub(crate) struct Class {
    /// Its name (`killed`, `revenue`, …).
    pub name: String,
    /// A running total that changes over a story.
    pub evolving: bool,
    /// Said of many things in one story (a length, an age): two figures must be of one thing.
    pub of_something: bool,
    /// A running total that only grows (the dead): a later, smaller figure contradicts.
    pub grows: bool,
}

/// Folded phrases of one or more words, matched token by token.
pub(crate) struct Phrases {
    list: Vec<Vec<String>>,
    /// Indices into `list` by first word, longest phrase first.
    by_first: FxHashMap<String, Vec<usize>>,
    /// The phrases' first words: most words of a text are none, told without hashing them.
    firsts: KeySketch,
    /// The phrases' last words.
    lasts: KeySketch,
}

/// The phrases' first (or last) words of a phrase list sketched: a few words a list, so a small
/// sketch (2^8 bits) turns most others away.
const PHRASE_SKETCH_LOG2_BITS: u32 = 8;

/// False when neither `word` nor `word` without a leading و or ف is in `sketch`.
fn may_hold_bare(sketch: &KeySketch, word: &str) -> bool {
    // و and ف are U+0648 and U+0641, D9 88 and D9 81 in UTF-8: compared as bytes, not decoded.
    let conjunction = matches!(word.as_bytes(), [0xD9, 0x88 | 0x81, ..]);
    sketch.may_contain(word) || (conjunction && sketch.may_contain(&word[2..]))
}

impl Phrases {
    pub(crate) fn of(words: &[String]) -> Phrases {
        let mut list: Vec<Vec<String>> = words
            .iter()
            .map(|w| {
                fold_key(w)
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
        // Longest first, so "من بينهم" wins over "منهم" where both could match.
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut firsts = KeySketch::empty(PHRASE_SKETCH_LOG2_BITS);
        let mut lasts = KeySketch::empty(PHRASE_SKETCH_LOG2_BITS);
        for (i, p) in list.iter().enumerate() {
            by_first.entry(p[0].clone()).or_default().push(i);
            firsts.insert(&p[0]);
            lasts.insert(&p[p.len() - 1]);
        }
        Phrases {
            list,
            by_first,
            firsts,
            lasts,
        }
    }

    /// Phrases whose first word is `word` or `word` without a leading و or ف (each list longest
    /// first).
    fn starting(&self, word: &str) -> impl Iterator<Item = &Vec<String>> {
        let bare = word.strip_prefix(['و', 'ف']).and_then(|b| self.by_first.get(b));
        self.by_first
            .get(word)
            .into_iter()
            .chain(bare)
            .flatten()
            .map(|&i| &self.list[i])
    }

    /// The length in tokens of a phrase starting at token `i` of `keys`, when one does; the first
    /// word may carry a و or ف.
    pub fn at<'k>(&self, keys: &dyn Fn(usize) -> &'k str, i: usize, n: usize) -> Option<usize> {
        if i >= n {
            return None;
        }
        let word = keys(i);
        if self.by_first.is_empty() || !may_hold_bare(&self.firsts, word) {
            return None;
        }
        self.starting(word)
            .filter(|p| i + p.len() <= n && (1..p.len()).all(|k| keys(i + k) == p[k]))
            .map(Vec::len)
            .max()
    }

    /// The length in tokens of a phrase ending at token `end` (exclusive) of `keys`.
    pub fn ending_at<'k>(&self, keys: &dyn Fn(usize) -> &'k str, end: usize) -> Option<usize> {
        // A phrase's last word is the last token as it is, or for one word, without its و or ف.
        if !may_hold_bare(&self.lasts, keys(end.checked_sub(1)?)) {
            return None;
        }
        self.list.iter().find_map(|p| {
            let start = end.checked_sub(p.len())?;
            let first = keys(start);
            let first_ok = first == p[0] || first.strip_prefix(['و', 'ف']).is_some_and(|rest| rest == p[0]);
            (first_ok && (1..p.len()).all(|k| keys(start + k) == p[k])).then_some(p.len())
        })
    }
}

/// The fact layer's lexicon.
pub(crate) struct Lexicon {
    /// Lemmas of counted nouns that only say "people" or "things".
    pub generic: crate::sketch::KeySet,
    /// Lemmas of counted nouns that say "others" ("19 آخرون"): not more of the clause before.
    pub others: crate::sketch::KeySet,
    /// Lemmas of measure nouns.
    pub measures: crate::sketch::KeySet,
    /// Lemmas of measure nouns that say only "how" ("نسبة"، "معدل").
    pub generic_measures: crate::sketch::KeySet,
    /// Folded linking words (whole tokens).
    pub linking: crate::sketch::KeySet,
    /// Lemma → class index.
    pub class_of: FxHashMap<String, usize>,
    /// Lemma → class index of words that name a class only right after a counted noun ("أحياء").
    pub class_after_counted: FxHashMap<String, usize>,
    /// The classes.
    pub classes: Vec<Class>,
    /// Class words exactly as written (folded), so a word that starts with و ("وفيات") is known
    /// from و + a word ("وإصابة").
    pub class_forms: crate::sketch::KeySet,
    /// Lemma → modifier name (`new`, `daily`, `average`).
    pub modifiers: FxHashMap<String, String>,
    /// Match form of a word of a sense → the sense's key (`"~start"`).
    pub sense_of: FxHashMap<String, String>,
    /// Pairs of sense keys that are two moments of one thing (its start and its end).
    pub opposite_senses: Vec<(String, String)>,
    /// Lemmas of verbs whose event a duration after them measures.
    pub lasting: crate::sketch::KeySet,
    pub parts_follow: Phrases,
    pub whole_before: Phrases,
    pub total_before: Phrases,
    pub contrast: Phrases,
    pub delta_before: Phrases,
    pub rise: Phrases,
    pub so_far: Phrases,
    pub earlier: Phrases,
    /// Before a length of time: the window a count was made in ("خلال 24 ساعة").
    pub window_before: Phrases,
    /// Folded words before a length of time that count it after the moment «من» names ("بعد").
    pub interval_after: crate::sketch::KeySet,
    /// Folded words before a length of time that count it before the moment «من» names ("قبل").
    pub interval_before: crate::sketch::KeySet,
    /// Folded words that may come between such a length and its «من» ("تقريباً").
    pub interval_skip: crate::sketch::KeySet,
    /// Folded words after a weekday that name the past one ("الماضي").
    pub past_named: crate::sketch::KeySet,
    /// Lemmas of nouns that count the times an event happened ("للمرة الثالثة").
    pub occurrence_nouns: crate::sketch::KeySet,
    /// Folded words that open what a reporting verb says ("إن"، "بأن").
    pub complementizers: crate::sketch::KeySet,
    /// Lemmas of ordinal nouns that count time passing ("لليوم الثالث").
    pub running_series: crate::sketch::KeySet,
    /// Folded words of the present ("الآن"، "حالياً"): they date a state, not an event.
    pub present: crate::sketch::KeySet,
    /// Folded nouns a date is set as ("موعداً"): the «ل» phrase after one says what it dates.
    pub appointed: crate::sketch::KeySet,
    /// Folded words a place follows when it is where something happens ("في"، "قرب"، "شمال").
    pub locatives: crate::sketch::KeySet,
    /// Folded words after which a person or body is no doer ("مع"، "ضد"، "بحسب").
    pub not_agent_before: crate::sketch::KeySet,
    /// Folded nouns of a body's people or units ("قوة"، "عناصر"): the body after «من» acts.
    pub units_of_bodies: crate::sketch::KeySet,
    /// Folded words of belonging between a unit and its body ("تابعة").
    pub affiliation: crate::sketch::KeySet,
    /// Folded verbs of announcing, whose subject does the act announced as a verbal noun.
    pub announcing: crate::sketch::KeySet,
    /// Folded heads after "من" that make a count partitive ("من أفراد الطاقم").
    pub partitive_heads: crate::sketch::KeySet,
    /// Words before a count that take the first or last few of a set ("آخر ثلاث جثث").
    pub subset_before: crate::sketch::KeySet,
    /// Lemmas of collectives and records made of their members ("كشف"، "الوفد").
    pub collectives: crate::sketch::KeySet,
    /// Folded words that, alone in a clause before a value, give the amount of a noun before it
    /// ("وقدرها").
    pub amount_of_before: crate::sketch::KeySet,
    /// Folded function words.
    pub stopwords: crate::sketch::KeySet,
    /// Folded prepositions with each pronoun ending ("فيها"، "منهم"): function words too.
    pub pronoun_prepositions: crate::sketch::KeySet,
    /// Folded prepositions that take a pronoun ("في"، "على"): a figure after one of them is what
    /// the clause's verb reaches, not a part of a list.
    pub prepositions: crate::sketch::KeySet,
    /// Function and linking words, also with a glued و or ف: never content words.
    pub function_words: crate::sketch::KeySet,
    /// Words that start another part of a sentence.
    pub clause_breaks: Phrases,
    /// Lemmas of words of change (a figure after one is a delta).
    pub change: crate::sketch::KeySet,
    /// Folded words that make the value after them a level.
    pub to_level: crate::sketch::KeySet,
    /// Lemma → modifier named by a word before the value (`stock`, `capacity`, `target`, `forecast`).
    pub modifiers_before: FxHashMap<String, String>,
    /// Folded word → the hours `[from, to)` a part of the day names.
    pub day_parts: FxHashMap<String, (u32, u32)>,
    /// Every lemma of the word lists above, for one lookup per word.
    known: crate::sketch::KeySet,
    /// What a folded word is to the reader (phrase start, stopword, function or number word), so
    /// each word of a sentence is looked up once.
    word_flags: FxHashMap<String, WordFlags>,
}

/// What a sense's key starts with: no folded word does.
pub(crate) const SENSE_PREFIX: char = '~';

/// Each sense's words by every form a text's word may take as a context lemma (with and without
/// a glued letter read as a proclitic), and the pairs of opposite senses.
fn senses(file: &[SenseFile]) -> (FxHashMap<String, String>, Vec<(String, String)>) {
    let key_of = |name: &str| format!("{SENSE_PREFIX}{name}");
    let mut sense_of = FxHashMap::default();
    let mut opposite = Vec::new();
    for sense in file {
        for word in &sense.words {
            let folded = fold_key(word);
            // A lemma cut to two letters («أنهى» → «ان») would be a function word's too.
            let forms = [lemma_slice(&folded, false), lemma_slice(&folded, true)];
            for form in forms.into_iter().filter(|f| f.chars().count() >= 3) {
                sense_of
                    .entry(match_form(form).to_string())
                    .or_insert_with(|| key_of(&sense.name));
            }
        }
        if let Some(other) = sense.opposite.as_deref() {
            assert!(
                file.iter().any(|s| s.name == other),
                "data/facts.toml: sense {:?} is opposite to no sense {other:?}",
                sense.name
            );
            opposite.push((key_of(&sense.name), key_of(other)));
        }
    }
    (sense_of, opposite)
}

/// The lemma of a lexicon's word (written without proclitics).
fn lemma(word: &str) -> String {
    let key = fold_key(word);
    lemma_plain(key.trim_matches(|c: char| !c.is_alphanumeric()))
}

fn lemmas(words: &[String]) -> crate::sketch::KeySet {
    words.iter().map(|w| lemma(w)).collect()
}

impl Lexicon {
    /// The lexicon, parsed once from the embedded data file.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let file: File =
                toml::from_str(include_str!("../../data/facts.toml")).expect("data/facts.toml is valid");
            let mut class_of = FxHashMap::default();
            let mut class_after_counted = FxHashMap::default();
            let mut classes = Vec::new();
            let class_forms = file
                .class
                .iter()
                .flat_map(|c| c.words.iter().map(|w| fold_key(w)))
                .collect();
            for (i, class) in file.class.iter().enumerate() {
                for word in &class.words {
                    // A multi-word entry is keyed by its last word's lemma ("صافي الربح" → ربح).
                    let last = word.split_whitespace().last().unwrap_or(word);
                    class_of.entry(lemma(last)).or_insert(i);
                }
                for word in &class.after_counted {
                    class_after_counted.insert(lemma(word), i);
                }
                classes.push(Class {
                    name: class.name.clone(),
                    evolving: class.evolving,
                    grows: class.grows,
                    of_something: class.of_something,
                });
            }
            let (sense_of, opposite_senses) = senses(&file.sense);
            let mut modifiers = FxHashMap::default();
            for (name, words) in &file.modifiers {
                for word in words {
                    modifiers.insert(lemma(word), name.clone());
                }
            }
            Lexicon {
                class_after_counted,
                generic: lemmas(&file.generic_counted),
                others: lemmas(&file.others_counted),
                measures: lemmas(&file.measure_nouns)
                    .into_iter()
                    .chain(lemmas(&file.generic_measures))
                    .collect(),
                generic_measures: lemmas(&file.generic_measures),
                linking: file.linking.iter().map(|w| fold_key(w)).collect(),
                class_of,
                classes,
                class_forms,
                modifiers,
                sense_of,
                opposite_senses,
                lasting: lemmas(&file.lasting),
                parts_follow: Phrases::of(&file.parts_follow),
                whole_before: Phrases::of(&file.whole_before),
                total_before: Phrases::of(&file.total_before),
                contrast: Phrases::of(&file.contrast),
                delta_before: Phrases::of(&file.delta_before),
                rise: Phrases::of(&file.rise),
                so_far: Phrases::of(&file.so_far),
                earlier: Phrases::of(&file.earlier),
                window_before: Phrases::of(&file.window_before),
                interval_after: file.interval_after.iter().map(|w| fold_key(w)).collect(),
                interval_before: file.interval_before.iter().map(|w| fold_key(w)).collect(),
                interval_skip: file.interval_skip.iter().map(|w| fold_key(w)).collect(),
                past_named: file.past_named.iter().map(|w| fold_key(w)).collect(),
                occurrence_nouns: lemmas(&file.occurrence_nouns),
                complementizers: file.complementizers.iter().map(|w| fold_key(w)).collect(),
                present: file.present.iter().map(|w| fold_key(w)).collect(),
                appointed: file.appointed.iter().map(|w| fold_key(w)).collect(),
                locatives: file.locatives.iter().map(|w| fold_key(w)).collect(),
                not_agent_before: file.not_agent_before.iter().map(|w| fold_key(w)).collect(),
                units_of_bodies: file.units_of_bodies.iter().map(|w| fold_key(w)).collect(),
                affiliation: file.affiliation.iter().map(|w| fold_key(w)).collect(),
                announcing: file.announcing.iter().map(|w| fold_key(w)).collect(),
                running_series: lemmas(&file.running_series),
                partitive_heads: file.partitive_heads.iter().map(|w| fold_key(w)).collect(),
                subset_before: file.subset_before.iter().map(|w| fold_key(w)).collect(),
                collectives: lemmas(&file.collectives),
                amount_of_before: file.amount_of_before.iter().map(|w| fold_key(w)).collect(),
                stopwords: file.stopwords.iter().map(|w| fold_key(w)).collect(),
                prepositions: file.pronoun_prepositions.iter().map(|w| fold_key(w)).collect(),
                pronoun_prepositions: file
                    .pronoun_prepositions
                    .iter()
                    .flat_map(|w| {
                        let w = fold_key(w);
                        PRONOUN_ENDINGS.iter().map(move |p| format!("{w}{p}"))
                    })
                    .collect(),
                clause_breaks: Phrases::of(&file.clause_breaks),
                change: lemmas(&file.change),
                to_level: file.to_level.iter().map(|w| fold_key(w)).collect(),
                modifiers_before: file
                    .modifiers_before
                    .iter()
                    .flat_map(|(name, words)| words.iter().map(move |w| (lemma(w), name.clone())))
                    .collect(),
                day_parts: file.day_parts.iter().map(|(w, &h)| (fold_key(w), h)).collect(),
                known: crate::sketch::KeySet::default(),
                function_words: crate::sketch::KeySet::default(),
                word_flags: FxHashMap::default(),
            }
            .with_known()
        })
    }

    fn with_known(mut self) -> Lexicon {
        let mut known = crate::sketch::KeySet::default();
        known.extend(self.class_of.keys().cloned());
        known.extend(self.measures.iter().cloned());
        known.extend(self.modifiers.keys().cloned());
        known.extend(self.modifiers_before.keys().cloned());
        known.extend(self.lasting.iter().cloned());
        known.extend(self.change.iter().cloned());
        known.extend(self.generic.iter().cloned());
        self.known = known;
        let lists = [
            &self.parts_follow,
            &self.whole_before,
            &self.total_before,
            &self.contrast,
            &self.delta_before,
            &self.rise,
            &self.so_far,
            &self.earlier,
            &self.window_before,
            &self.clause_breaks,
        ];
        let with_conjunctions = |words: Vec<String>| -> crate::sketch::KeySet {
            words
                .into_iter()
                .flat_map(|w| [format!("و{w}"), format!("ف{w}"), w])
                .collect()
        };
        let phrase_firsts =
            with_conjunctions(lists.iter().flat_map(|p| p.by_first.keys().cloned()).collect());
        self.function_words = with_conjunctions(
            self.stopwords
                .iter()
                .chain(&self.linking)
                .chain(&self.pronoun_prepositions)
                .cloned()
                .collect(),
        );
        let mut flags: FxHashMap<String, WordFlags> = FxHashMap::default();
        let mut mark = |words: &mut dyn Iterator<Item = &str>, bit: u8| {
            for w in words {
                flags.entry(w.to_string()).or_default().0 |= bit;
            }
        };
        mark(
            &mut phrase_firsts.iter().map(String::as_str),
            WordFlags::PHRASE_FIRST,
        );
        mark(
            &mut self.stopwords.iter().map(String::as_str),
            WordFlags::STOPWORD,
        );
        mark(
            &mut self.function_words.iter().map(String::as_str),
            WordFlags::FUNCTION,
        );
        mark(&mut super::numbers::number_words(), WordFlags::NUMBER);
        self.word_flags = flags;
        self
    }

    /// What the reader knows of a folded word, in one lookup.
    pub fn flags(&self, word: &str) -> WordFlags {
        self.word_flags.get(word).copied().unwrap_or_default()
    }

    /// The hours a part of the day names, from the folded first word of a time: as written, or
    /// past a glued و or ف ("وفجر"; but "فجر" is itself a part of the day).
    pub fn day_part(&self, first: &str) -> Option<(u32, u32)> {
        self.day_parts
            .get(first)
            .or_else(|| {
                first
                    .strip_prefix(['و', 'ف'])
                    .and_then(|rest| self.day_parts.get(rest))
            })
            .copied()
    }

    /// The class of that name (`age`, `duration`, `share`).
    pub fn class_named(&self, name: &str) -> Option<&Class> {
        self.classes.iter().find(|c| c.name == name)
    }

    /// The index in `classes` of the class of a lemma, when the data names one.
    pub fn class_index(&self, lemma: &str) -> Option<usize> {
        self.class_of.get(lemma).copied()
    }

    /// The class of a lemma, when the data names one.
    pub fn class(&self, lemma: &str) -> Option<&Class> {
        self.class_of.get(lemma).map(|&i| &self.classes[i])
    }

    /// True when any of the lexicon's word lists knows the lemma.
    pub fn knows(&self, lemma: &str) -> bool {
        self.known.contains(lemma)
    }
}

/// The pronouns a preposition takes as its ending ("فيها"، "منكم"، "لنا"، "عليّ").
const PRONOUN_ENDINGS: &[&str] = &["ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن", "نا", "ي"];

/// What a folded word is to the fact reader: a set of the `WordFlags::*` bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFlags(u8);

impl WordFlags {
    /// It may start a phrase of the lexicon.
    pub const PHRASE_FIRST: u8 = 1;
    /// A stopword.
    pub const STOPWORD: u8 = 2;
    /// A function or linking word (also with a glued و or ف).
    pub const FUNCTION: u8 = 4;
    /// A number word.
    pub const NUMBER: u8 = 8;

    /// True when the word has `bit`.
    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

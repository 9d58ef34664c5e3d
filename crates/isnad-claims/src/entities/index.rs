//! The matcher built once per gazetteer: one phrase table over every folded name, spelling,
//! descriptor and adjective, plus the lexicon's titles, reporting verbs, head nouns and blocked
//! phrases; and maps from transliteration keys to names for spelling variants.
//!
//! Phrases only count when they end at the end of a word and start at the start of one (after a
//! proclitic at most), so the sentence is walked word by word: from each possible start, the text
//! up to the end of the next word, and the next, is looked up while it is the beginning of some
//! phrase. An Aho–Corasick automaton over the same phrases finds the same matches, but its table
//! (tens of megabytes for a full gazetteer) misses the cache on every byte of text.

use super::lexicon::{Head, Lexicon, collapse};
use super::text::{SentenceText, is_word_char, split_words};
use super::types::{EntityId, EntityInfo, EntityType, Gazetteer, MentionForm};
use super::variant::{deletions, letter_key, skeleton, skeleton_signature};
use crate::sketch::KeySketch;
use isnad_parser::fold_key;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::{Arc, OnceLock};

/// What a matched phrase is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Payload {
    /// A name, spelling, descriptor or adjective of a gazetteer entry.
    Entity { entry: u32, form: MentionForm },
    /// A title of the given class.
    Title(u16),
    /// A reporting verb.
    Verb,
    /// A head noun introducing a name.
    Head(Head),
    /// An ordinary phrase that hides shorter names inside it.
    Block,
    /// An institution every state has, named by common words ("الدفاع المدني").
    Body,
}

/// A gazetteer name indexed for spelling variants.
#[derive(Debug)]
pub(crate) struct IndexedName {
    pub entry: u32,
    /// Folded name, single spaces.
    pub key: String,
    pub letter_key: String,
    pub words: usize,
}

/// A phrase found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMatch {
    /// Words covered, `first..last`.
    pub first: usize,
    pub last: usize,
    /// Match-text bytes of the phrase (a proclitic before it excluded).
    pub start: usize,
    pub end: usize,
    pub payloads: Vec<Payload>,
    /// True when found after ل with the article's alef elided ("للزعيم" for "الزعيم").
    pub elided: bool,
}

/// What a piece of text is in the phrase table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    /// The phrase it is, if any (index of `patterns`).
    pattern: Option<u32>,
    /// Whether it is also the beginning of a longer phrase, up to the end of one of its words.
    continues: bool,
}

/// A phrase a word may open: its step in the phrase table after the word's first `prefix`
/// bytes (a proclitic, or none).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FirstStep {
    prefix: usize,
    step: Step,
}

/// Numbers the indexes built, so a memo of what a word is in one phrase table is never read
/// against another.
static SERIALS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// The matcher and variant maps of one gazetteer.
pub(crate) struct GazetteerIndex {
    /// Every phrase, and every beginning of a phrase that ends a word of it.
    phrases: FxHashMap<Box<str>, Step>,
    /// Every key of `phrases`, sketched: most words of a sentence begin no phrase, and the
    /// sketch says so without hashing the word.
    signatures: KeySketch,
    /// Longest phrase, in bytes.
    longest: usize,
    /// What may stand in a word before a phrase: the proclitics and ل (+ و/ف) before an elided
    /// article, distinct, never empty; grouped by their first letter (most words start with none).
    starts: Vec<(char, Vec<String>)>,
    /// Per phrase: payloads, each with whether it is the ال-elided form (after ل).
    patterns: Vec<Vec<(Payload, bool)>>,
    /// Entry id → entry index.
    pub ids: FxHashMap<EntityId, u32>,
    pub names: Vec<IndexedName>,
    /// Skeleton → names.
    pub skeletons: FxHashMap<String, Vec<u32>>,
    /// The [`skeleton_signature`]s of every key of `skeletons`.
    skeleton_signatures: KeySketch,
    /// One-deletion strings of letter keys (names of five letters or more) → names.
    pub deletions: FxHashMap<String, Vec<u32>>,
    /// Letter key of the first or last word of a multi-word name → names.
    pub by_word: FxHashMap<String, Vec<u32>>,
    /// First words of multi-word person names ("ماريا" of "ماريا لوبيز").
    pub first_words: FxHashSet<String>,
    /// Letter keys of the first words of multi-word names: a run of free words is looked up
    /// as a multi-word variant only when it starts with one.
    pub first_letter_keys: FxHashSet<String>,
    /// Places and countries by a name or spelling exactly as written → the first such entry.
    pub written_places: FxHashMap<Box<str>, u32>,
    fingerprint: (usize, usize),
    /// Which index this is (see [`SERIALS`]).
    serial: u64,
    /// The length and address of the entry list the index was built from.
    built_for: (usize, usize),
}

/// The phrase sketch holds 2^17 bits (a 16 KiB table).
const SIGNATURE_BITS: u32 = 17;

/// The skeleton sketch holds 2^16 bits (an 8 KiB table).
const SKELETON_BITS: u32 = 16;

impl std::fmt::Debug for GazetteerIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GazetteerIndex")
            .field("patterns", &self.patterns.len())
            .field("phrases", &self.phrases.len())
            .finish_non_exhaustive()
    }
}

/// Distinct pattern keys with their payloads.
#[derive(Default)]
struct PatternSet {
    keys: Vec<String>,
    by_key: FxHashMap<String, usize>,
    patterns: Vec<Vec<(Payload, bool)>>,
}

impl PatternSet {
    fn add(&mut self, key: &str, payload: Payload, elided: bool) {
        if key.is_empty() {
            return;
        }
        let i = match self.by_key.get(key) {
            Some(&i) => i,
            None => {
                self.keys.push(key.to_string());
                self.patterns.push(Vec::new());
                self.by_key.insert(key.to_string(), self.keys.len() - 1);
                self.keys.len() - 1
            }
        };
        if !self.patterns[i].contains(&(payload, elided)) {
            self.patterns[i].push((payload, elided));
        }
    }

    /// Adds a key and, when it starts with the article, its form after ل with the alef elided:
    /// "للأمم المتحدة" = ل + الأمم المتحدة.
    fn add_with_elision(&mut self, key: &str, payload: Payload) {
        self.add(key, payload, false);
        if let Some(rest) = key.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
            self.add(&format!("ل{rest}"), payload, true);
        }
    }
}

/// What tells a changed entry list from the one an index was built for: their number and a sum
/// over their ids and spellings.
fn fingerprint(entries: &[EntityInfo]) -> (usize, usize) {
    (
        entries.len(),
        entries
            .iter()
            .map(|e| e.id.as_str().len() + e.spellings.len() + e.descriptors.len())
            .sum(),
    )
}

impl Gazetteer {
    /// The matcher, built on first use (and rebuilt if `entries` changed behind its back).
    pub(crate) fn index(&self, lex: &Lexicon) -> Arc<GazetteerIndex> {
        let cached = self
            .index
            .get_or_init(|| Arc::new(GazetteerIndex::build(&self.entries, lex)));
        // Asked once per article: the same list where it was when the index was built is taken
        // as unchanged without walking thousands of entries (entries change through
        // `load_str`, which drops the index); only a moved or resized list is fingerprinted.
        let same_list = cached.built_for == (self.entries.len(), self.entries.as_ptr() as usize);
        if same_list || cached.fingerprint == fingerprint(&self.entries) {
            cached.clone()
        } else {
            Arc::new(GazetteerIndex::build(&self.entries, lex))
        }
    }

    /// Forgets the cached matcher after the entries changed.
    pub(crate) fn invalidate(&mut self) {
        self.index = OnceLock::new();
        self.links = OnceLock::new();
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&EntityInfo> {
        self.entries.iter().find(|e| e.id.as_str() == id)
    }
}

impl GazetteerIndex {
    /// Builds the automaton and maps.
    pub fn build(entries: &[EntityInfo], lex: &Lexicon) -> GazetteerIndex {
        let mut set = PatternSet::default();
        let mut names = Vec::new();
        let mut ids = FxHashMap::default();
        for (i, entry) in entries.iter().enumerate() {
            let i = i as u32;
            ids.entry(entry.id.clone()).or_insert(i);
            let spellings = std::iter::once(&entry.name).chain(&entry.spellings);
            for text in spellings {
                let key = collapse(&fold_key(text));
                set.add_with_elision(
                    &key,
                    Payload::Entity {
                        entry: i,
                        form: MentionForm::Name,
                    },
                );
                if entry.kind != EntityType::Country && !key.starts_with("ال") {
                    let letter_key = letter_key(&key);
                    if letter_key.chars().count() >= 4 {
                        names.push(IndexedName {
                            entry: i,
                            key: key.clone(),
                            letter_key,
                            words: key.split(' ').count(),
                        });
                    }
                }
            }
            for text in &entry.descriptors {
                let key = collapse(&fold_key(text));
                set.add_with_elision(
                    &key,
                    Payload::Entity {
                        entry: i,
                        form: MentionForm::Descriptor,
                    },
                );
            }
            for text in &entry.adjectives {
                let key = collapse(&fold_key(text));
                set.add_with_elision(
                    &key,
                    Payload::Entity {
                        entry: i,
                        form: MentionForm::Adjective,
                    },
                );
            }
        }
        for (title, &class) in &lex.titles {
            set.add_with_elision(title, Payload::Title(class));
        }
        for verb in &lex.reporting_verbs {
            set.add(verb, Payload::Verb, false);
        }
        for (head, &h) in &lex.heads {
            set.add_with_elision(head, Payload::Head(h));
        }
        for phrase in &lex.blocked {
            set.add_with_elision(phrase, Payload::Block);
        }
        for phrase in &lex.generic_bodies {
            set.add_with_elision(phrase, Payload::Body);
        }
        let mut phrases: FxHashMap<Box<str>, Step> = FxHashMap::default();
        let mut longest = 0;
        for (i, key) in set.keys.iter().enumerate() {
            longest = longest.max(key.len());
            const NOTHING: Step = Step {
                pattern: None,
                continues: false,
            };
            phrases.entry(key.as_str().into()).or_insert(NOTHING).pattern = Some(i as u32);
            for word in split_words(key) {
                if word.end < key.len() {
                    phrases.entry(key[..word.end].into()).or_insert(NOTHING).continues = true;
                }
            }
        }
        let mut signatures = KeySketch::empty(SIGNATURE_BITS);
        for key in phrases.keys() {
            signatures.insert(key);
        }
        let mut starts: Vec<(char, Vec<String>)> = Vec::new();
        for p in lex.proclitics.iter().map(String::as_str).chain(["ل", "ول", "فل"]) {
            let Some(first) = p.chars().next() else { continue };
            let at = match starts.iter().position(|(c, _)| *c == first) {
                Some(at) => at,
                None => {
                    starts.push((first, Vec::new()));
                    starts.len() - 1
                }
            };
            if !starts[at].1.iter().any(|s| s == p) {
                starts[at].1.push(p.to_string());
            }
        }

        let mut skeletons: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut dels: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut by_word: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut first_words = FxHashSet::default();
        let mut first_letter_keys = FxHashSet::default();
        let mut written_places: FxHashMap<Box<str>, u32> = FxHashMap::default();
        for (i, entry) in entries.iter().enumerate() {
            if matches!(entry.kind, EntityType::Place | EntityType::Country) {
                for text in std::iter::once(&entry.name).chain(&entry.spellings) {
                    written_places.entry(text.as_str().into()).or_insert(i as u32);
                }
            }
        }
        for (n, name) in names.iter().enumerate() {
            let n = n as u32;
            skeletons.entry(skeleton(&name.letter_key)).or_default().push(n);
            if name.letter_key.chars().count() >= 5 {
                for d in deletions(&name.letter_key) {
                    dels.entry(d).or_default().push(n);
                }
            }
        }
        for (i, entry) in entries.iter().enumerate() {
            for text in std::iter::once(&entry.name).chain(&entry.spellings) {
                let key = collapse(&fold_key(text));
                let words: Vec<&str> = key.split(' ').collect();
                if words.len() >= 2 {
                    first_letter_keys.insert(letter_key(words[0]));
                    if entry.kind == EntityType::Person {
                        first_words.insert(words[0].to_string());
                    }
                    for w in [words[0], words[words.len() - 1]] {
                        let list = by_word.entry(letter_key(w)).or_default();
                        for (n, name) in names.iter().enumerate() {
                            if name.entry == i as u32 && name.words >= 2 && !list.contains(&(n as u32)) {
                                list.push(n as u32);
                            }
                        }
                    }
                }
            }
        }
        let mut skeleton_signatures = KeySketch::empty(SKELETON_BITS);
        for key in skeletons.keys() {
            skeleton_signatures.insert_signature(skeleton_signature(key));
        }
        GazetteerIndex {
            phrases,
            signatures,
            skeleton_signatures,
            longest,
            starts,
            patterns: set.patterns,
            ids,
            names,
            skeletons,
            deletions: dels,
            by_word,
            first_words,
            first_letter_keys,
            written_places,
            fingerprint: fingerprint(entries),
            serial: SERIALS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            built_for: (entries.len(), entries.as_ptr() as usize),
        }
    }

    /// False for text that is surely no phrase nor the beginning of one: its signature bit is
    /// clear (the cheap test before the phrase table is hashed).
    #[inline]
    fn may_be_phrase(&self, piece: &str) -> bool {
        self.signatures.may_contain(piece)
    }

    /// Whether some gazetteer name may have the skeleton of letter key `letter_key`: false when
    /// its [`skeleton_signature`] bit is clear, so the skeleton need not be built and looked up.
    #[inline]
    pub fn may_be_skeleton(&self, letter_key: &str) -> bool {
        self.skeleton_signatures
            .may_contain_signature(skeleton_signature(letter_key))
    }

    /// Which index this is: no two indexes built share it.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Appends the phrases word `word_text` may open, in the order the sentence walk tries them:
    /// the whole word, then after each proclitic (or ل before an elided article) it starts with,
    /// leaving some of it.
    pub fn first_steps(&self, word_text: &str, out: &mut Vec<FirstStep>) {
        let mut try_from = |prefix: usize| {
            let piece = &word_text[prefix..];
            if self.may_be_phrase(piece)
                && let Some(&step) = self.phrases.get(piece)
            {
                out.push(FirstStep { prefix, step });
            }
        };
        try_from(0);
        let Some(first_letter) = word_text.chars().next() else {
            return;
        };
        let Some((_, prefixes)) = self.starts.iter().find(|(c, _)| *c == first_letter) else {
            return;
        };
        for prefix in prefixes {
            if prefix.len() < word_text.len() && crate::short::strip_short_prefix(word_text, prefix).is_some()
            {
                try_from(prefix.len());
            }
        }
    }

    /// Finds the phrases of a sentence: every match at word boundaries (a proclitic may precede
    /// it inside the word), then the longest first, never two over one word. `steps_of` gives
    /// the [`first_steps`](GazetteerIndex::first_steps) of each word.
    pub fn find<'s>(
        &self,
        st: &SentenceText,
        lex: &Lexicon,
        steps_of: impl Fn(usize) -> &'s [FirstStep],
    ) -> Vec<PhraseMatch> {
        let mut found = self.candidates(st, lex, steps_of);
        // One phrase or none overlaps nothing (most sentences).
        if found.len() < 2 {
            return found;
        }
        found.sort_by(|a, b| {
            (b.end - b.start)
                .cmp(&(a.end - a.start))
                .then(a.start.cmp(&b.start))
        });
        let mut taken = vec![false; st.words.len()];
        found.retain(|m| {
            if taken[m.first..m.last].iter().any(|&t| t) {
                return false;
            }
            taken[m.first..m.last].iter_mut().for_each(|t| *t = true);
            true
        });
        found.sort_by_key(|m| m.first);
        found
    }

    /// Every phrase match of a sentence, before choosing among overlapping ones: from each word
    /// start (and after each proclitic) that opens some phrase, the text up to the end of the
    /// next word, and the next, is looked up while it begins some phrase.
    fn candidates<'s>(
        &self,
        st: &SentenceText,
        lex: &Lexicon,
        steps_of: impl Fn(usize) -> &'s [FirstStep],
    ) -> Vec<PhraseMatch> {
        // A phrase every few words (titles, names, adjectives): sized once per sentence.
        let mut found: Vec<PhraseMatch> = Vec::with_capacity(st.words.len() / 2);
        for first in 0..st.words.len() {
            for &FirstStep { prefix, step } in steps_of(first) {
                let word = &st.text[st.words[first].start..st.words[first].end];
                self.walk(st, first, &word[..prefix], step, lex, &mut found);
            }
        }
        found
    }

    /// The phrases that start in word `first` after `prefix`, whose rest of the word is `step`:
    /// the text up to the end of the next word, and the next, is looked up while it begins
    /// some phrase.
    fn walk(
        &self,
        st: &SentenceText,
        first: usize,
        prefix: &str,
        mut step: Step,
        lex: &Lexicon,
        found: &mut Vec<PhraseMatch>,
    ) {
        let text = &*st.text;
        let s = st.words[first].start + prefix.len();
        for (last, end_word) in st.words.iter().enumerate().skip(first) {
            let e = end_word.end;
            if last > first {
                if e - s > self.longest {
                    break;
                }
                let piece = &text[s..e];
                if !self.may_be_phrase(piece) {
                    break;
                }
                let Some(&next) = self.phrases.get(piece) else {
                    break;
                };
                step = next;
            }
            if let Some(pattern) = step.pattern
                && let Some(m) = self.accept(text, (first, last), (s, e), prefix, pattern, lex)
            {
                found.push(m);
            }
            if !step.continues {
                break;
            }
        }
    }

    /// The match of phrase `pattern` over words `first..=last` at bytes `s..e`, after `prefix`
    /// in its first word, keeping the payloads that prefix allows; `None` when none.
    fn accept(
        &self,
        text: &str,
        (first, last): (usize, usize),
        (s, e): (usize, usize),
        prefix: &str,
        pattern: u32,
        lex: &Lexicon,
    ) -> Option<PhraseMatch> {
        // A phrase ending in punctuation must not run into a word.
        if text[e..].chars().next().is_some_and(is_word_char) {
            return None;
        }
        let mut elided = true;
        let payloads: Vec<Payload> = self.patterns[pattern as usize]
            .iter()
            .filter(|(_, elided)| match (prefix, elided) {
                ("", false) => true,
                ("", true) => false,
                (p, true) => matches!(p, "ل" | "ول" | "فل"),
                (p, false) => lex.proclitics.iter().any(|c| c == p),
            })
            .map(|&(payload, was_elided)| {
                elided &= was_elided;
                payload
            })
            .collect();
        if payloads.is_empty() {
            return None;
        }
        Some(PhraseMatch {
            first,
            last: last + 1,
            start: s,
            end: e,
            payloads,
            elided,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use isnad_parser::{ParseOptions, parse_document};

    /// The matches an overlapping Aho–Corasick search over the same phrases finds, filtered as
    /// [`GazetteerIndex::find`] filters them, before choosing: the walk must find the same.
    fn automaton_matches(index: &GazetteerIndex, st: &SentenceText, lex: &Lexicon) -> Vec<(usize, usize)> {
        let mut keys: Vec<(u32, &str)> = index
            .phrases
            .iter()
            .filter_map(|(k, s)| s.pattern.map(|p| (p, &**k)))
            .collect();
        keys.sort();
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(keys.iter().map(|(_, k)| k))
            .unwrap();
        let text = &*st.text;
        let word_at = |at: usize| {
            let i = st.words.partition_point(|w| w.end <= at);
            (i < st.words.len() && st.words[i].start <= at).then_some(i)
        };
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let (Some(first), Some(last)) = (word_at(s), word_at(e.saturating_sub(1))) else {
                continue;
            };
            if st.words[last].end != e {
                continue;
            }
            let prefix = &text[st.words[first].start..s];
            if index
                .accept(
                    text,
                    (first, last),
                    (s, e),
                    prefix,
                    keys[m.pattern().as_usize()].0,
                    lex,
                )
                .is_some()
            {
                out.push((s, e));
            }
        }
        out.sort();
        out
    }

    /// The matches the word walk of [`GazetteerIndex::find`] finds, before choosing among them.
    fn walk_matches(index: &GazetteerIndex, st: &SentenceText, lex: &Lexicon) -> Vec<(usize, usize)> {
        let steps: Vec<Vec<FirstStep>> = (0..st.words.len())
            .map(|i| {
                let mut out = Vec::new();
                index.first_steps(st.word(i), &mut out);
                out
            })
            .collect();
        let mut all: Vec<(usize, usize)> = index
            .candidates(st, lex, |i| steps[i].as_slice())
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn phrase_walk_finds_what_an_automaton_finds() {
        let lex = super::super::lexicon::lexicon();
        let gazetteer = Gazetteer::builtin();
        let index = gazetteer.index(lex);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts: Vec<String> =
            vec!["قال الرئيس، وللأمم المتحدة (كيم) والأمين-العام ونائب-الرئيس: «الوزير».".to_string()];
        let mut dirs = vec![root.join("seeds")];
        for entry in std::fs::read_dir(root.join("fixtures"))
            .into_iter()
            .flatten()
            .flatten()
        {
            dirs.push(entry.path());
        }
        for dir in dirs {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if entry.path().extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(entry.path()).unwrap());
                }
            }
        }
        let mut sentences = 0;
        for text in &texts {
            let (doc, _) = parse_document("t.txt", text.as_bytes(), &ParseOptions::default()).unwrap();
            for sentence in &doc.sentences {
                let folded =
                    isnad_parser::Normalized::of(&doc.source, sentence.span, isnad_parser::Fold::Key);
                let st = SentenceText::new(&doc.source, &folded);
                assert_eq!(
                    walk_matches(&index, &st, lex),
                    automaton_matches(&index, &st, lex),
                    "{}",
                    st.text
                );
                sentences += 1;
            }
        }
        assert!(sentences > 50);
    }
}

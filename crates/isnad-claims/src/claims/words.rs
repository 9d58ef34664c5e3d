//! What the graph compares of a claim's text, read here once: the content words of its clause,
//! of its theme, of its participants and trigger, and the trigger's form. The graph never reads
//! a claim's text itself.

use super::{Claim, Role, WordSet};
use crate::lexical::table::ClaimStem;
use isnad_parser::{Span, fold_key};
use rayon::prelude::*;
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::Deserialize;
use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, OnceLock};

/// A claim's words, folded and stemmed (articles and common proclitics off, function words of
/// `data/clause_words.toml` left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimWords {
    /// Content words of the whole clause (one set shared by the claims of one clause).
    pub clause: WordSet,
    /// Content words of the theme.
    pub theme: WordSet,
    /// Content words of the role fillers and the trigger: who and the event's own word, which
    /// say nothing about which occasion two clauses share.
    pub names: WordSet,
    /// The trigger reads as a past-tense verb ("وقّعت"), not a present-tense one ("يزور", which
    /// headlines use for what is under way or coming), a verbal noun ("زيارة") or a purpose
    /// after an attached preposition ("لحضور").
    pub trigger_past: bool,
}

impl ClaimWords {
    /// Reads the words of each claim from its text; claims of one clause share its clause words.
    pub fn read_all(claims: &mut [Claim]) {
        ClaimWords::read(claims, None);
    }

    /// [`ClaimWords::read_all`] of a prepared document's claims: a sentence's words are folded,
    /// split and stemmed once for all its claims, from its tokens.
    pub(crate) fn read_prepared(claims: &mut [Claim], prepared: &crate::Prepared<'_>) {
        ClaimWords::read(claims, Some(prepared));
    }

    /// Reads each claim's words, from its sentence's tokens when the document is prepared and the
    /// span is whole tokens, else from its text. A long document's claims are read in runs on
    /// every core (issue #17): each run shares its own strings, the words are the same.
    fn read(claims: &mut [Claim], prepared: Option<&crate::Prepared<'_>>) {
        match prepared {
            Some(p) if p.is_long() => {
                let run = claims
                    .len()
                    .div_ceil(4 * rayon::current_num_threads())
                    .max(CLAIMS_PER_RUN);
                claims
                    .par_chunks_mut(run)
                    .for_each(|claims| ClaimWords::read_run(claims, prepared));
            }
            _ => ClaimWords::read_run(claims, prepared),
        }
    }

    /// [`ClaimWords::read`] of claims in text order, one after the other.
    fn read_run(claims: &mut [Claim], prepared: Option<&crate::Prepared<'_>>) {
        let mut first_with: FxHashMap<Span, WordSet> = FxHashMap::default();
        // About eight words new to the run per claim in news text: sized once, not regrown.
        let mut interned = Interned(HashSet::with_capacity_and_hasher(8 * claims.len(), FxBuildHasher));
        // Claims are in text order: one sentence's stems serve the claims that follow in it.
        let mut current: Option<(Span, SentenceStems)> = None;
        // One buffer for the ranks of every set read (cleared for each).
        let mut ranks: Vec<u32> = Vec::new();
        for claim in claims {
            let sentence = prepared.and_then(|p| p.sentence_containing(claim.span));
            if let Some((span, sentence)) = sentence
                && current.as_ref().is_none_or(|(s, _)| *s != span)
            {
                current = Some((span, SentenceStems::of(sentence, &mut interned)));
            }
            let mut reader = SetReader {
                stems: sentence.and(current.as_ref()).map(|(_, stems)| stems),
                interned: &mut interned,
                ranks: &mut ranks,
            };
            let clause = match first_with.get(&claim.span) {
                Some(words) => words.clone(),
                None => {
                    let words = reader.set([(&*claim.text, claim.span)]);
                    first_with.insert(claim.span, words.clone());
                    words
                }
            };
            claim.words = ClaimWords::of(claim, clause, &mut reader);
        }
    }

    /// The words of one claim, with its clause's words.
    fn of(claim: &Claim, clause: WordSet, reader: &mut SetReader) -> ClaimWords {
        let offset = |at: usize| at.saturating_sub(claim.span.start);
        let (start, end) = (offset(claim.trigger.start), offset(claim.trigger.end));
        let trigger = claim.text.get(start..end);
        let theme = claim
            .roles
            .get(&Role::Theme)
            .map(|t| reader.set([(&*t.text, t.span)]))
            .unwrap_or_default();
        let names = reader.set(
            claim
                .roles
                .values()
                .map(|filler| (&*filler.text, filler.span))
                .chain(trigger.map(|text| (text, claim.trigger))),
        );
        let proclitic = claim
            .text
            .get(..start)
            .and_then(|before| before.chars().next_back());
        ClaimWords {
            clause,
            theme,
            names,
            trigger_past: trigger.is_some_and(|t| reads_as_past(&fold_key(t), proclitic)),
        }
    }
}

/// Fewest claims a thread reads the words of at a time (tests cut the seeds' short articles
/// into runs too, mid-sentence).
const CLAIMS_PER_RUN: usize = if cfg!(test) { 2 } else { 4_096 };

/// One string per distinct word of a run of claims, shared by every claim's sets.
#[derive(Default)]
struct Interned(HashSet<Arc<str>, FxBuildHasher>);

impl Interned {
    fn get(&mut self, word: &str) -> Arc<str> {
        match self.0.get(word) {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared: Arc<str> = Arc::from(word);
                self.0.insert(Arc::clone(&shared));
                shared
            }
        }
    }
}

/// Reads word sets of texts at spans: from the sentence's stems when a span is whole tokens,
/// else from the text.
struct SetReader<'r, 'p> {
    stems: Option<&'r SentenceStems<'p>>,
    interned: &'r mut Interned,
    /// The ranks of the set being read.
    ranks: &'r mut Vec<u32>,
}

impl SetReader<'_, '_> {
    /// The set of the stemmed content words of these texts at their spans.
    fn set<'t>(&mut self, parts: impl IntoIterator<Item = (&'t str, Span)>) -> WordSet {
        let ranks = &mut *self.ranks;
        ranks.clear();
        let mut others: Vec<Arc<str>> = Vec::new();
        for (text, span) in parts {
            match self.stems.and_then(|s| s.ranks_in(span)) {
                Some(words) => ranks.extend_from_slice(words),
                None => others.extend(content_word_slices(&fold_key(text)).map(|w| self.interned.get(w))),
            }
        }
        // Ranks are in the words' byte order: sorting them sorts the words, without comparing
        // strings.
        ranks.sort_unstable();
        ranks.dedup();
        let sorted = self.stems.map_or(&[][..], |s| &s.sorted[..]);
        let ranked = ranks.iter().map(|&r| Arc::clone(&sorted[r as usize]));
        if others.is_empty() {
            WordSet::of_sorted(ranked)
        } else {
            WordSet::of(ranked.chain(others))
        }
    }
}

/// The stemmed content words of each token of a sentence, read once for all its claims.
struct SentenceStems<'p> {
    sentence: &'p crate::PreparedSentence,
    /// The sentence's distinct words in byte order.
    sorted: Vec<Arc<str>>,
    /// Each word of the sentence, token after token, as its index in `sorted`.
    ranks: Vec<u32>,
    /// Index of each token's first word (one entry more than tokens).
    first_word: Vec<u32>,
    /// True where a token runs into the next with nothing between ("كوفيد19"): the folded text
    /// reads one word there, so a span over it is read from its text.
    runs_on: Vec<bool>,
}

impl<'p> SentenceStems<'p> {
    fn of(sentence: &'p crate::PreparedSentence, interned: &mut Interned) -> SentenceStems<'p> {
        let tokens = &sentence.tokens;
        let n = tokens.len();
        let mut words: Vec<Arc<str>> = Vec::with_capacity(n);
        let mut first_word = Vec::with_capacity(n + 1);
        let mut runs_on = Vec::with_capacity(n);
        let is_word = |p: &isnad_parser::Piece| p.kind != isnad_parser::TokenKind::Punct;
        sentence.with_words(|table, ids| {
            for (i, piece) in tokens.pieces.iter().enumerate() {
                first_word.push(u32::try_from(words.len()).unwrap_or(u32::MAX));
                runs_on.push(tokens.pieces.get(i + 1).is_some_and(|next| {
                    next.span().start == piece.span().end && is_word(piece) && is_word(next)
                }));
                if !is_word(piece) {
                    continue;
                }
                // Each distinct word's stem is read once and shared by every sentence that has it.
                let key = tokens.key(i);
                match table.claim_stem(ids[i], || token_stem(key)) {
                    ClaimStem::None => {}
                    ClaimStem::Word(stem) => words.push(Arc::clone(stem)),
                    ClaimStem::Split => {
                        content_word_slices(key).for_each(|word| words.push(interned.get(word)));
                    }
                }
            }
        });
        first_word.push(u32::try_from(words.len()).unwrap_or(u32::MAX));
        // Sorted by their first eight bytes, then by the whole word where those agree: zeros pad
        // a shorter word, so this is the words' byte order, mostly without a string comparison.
        let prefix = |word: &str| {
            let mut bytes = [0; 8];
            let n = word.len().min(8);
            bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
            u64::from_be_bytes(bytes)
        };
        let mut order: Vec<(u64, u32)> = (0..u32::try_from(words.len()).unwrap_or(u32::MAX))
            .map(|w| (prefix(&words[w as usize]), w))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| words[a.1 as usize].cmp(&words[b.1 as usize]))
        });
        let mut sorted: Vec<Arc<str>> = Vec::with_capacity(words.len());
        let mut ranks = vec![0; words.len()];
        for (_, w) in order {
            let word = &words[w as usize];
            if sorted
                .last()
                .is_none_or(|last| !Arc::ptr_eq(last, word) && **last != **word)
            {
                sorted.push(Arc::clone(word));
            }
            ranks[w as usize] = u32::try_from(sorted.len() - 1).unwrap_or(u32::MAX);
        }
        SentenceStems {
            sentence,
            sorted,
            ranks,
            first_word,
            runs_on,
        }
    }

    /// The ranks of the words of `span` when it is whole tokens of the sentence with no run-on
    /// inside (`None` otherwise: the caller folds its text).
    fn ranks_in(&self, span: Span) -> Option<&[u32]> {
        let pieces = &self.sentence.tokens.pieces;
        let a = pieces.partition_point(|p| p.span().end <= span.start);
        let b = pieces.partition_point(|p| p.span().start < span.end);
        if a >= b {
            return Some(&[]);
        }
        // A span cutting a token ("لـ" off "للحكومة") reads that token's part from the text.
        let whole = |i: usize| span.contains(pieces[i].span());
        if !whole(a) || !whole(b - 1) || self.runs_on[a..b - 1].iter().any(|&r| r) {
            return None;
        }
        Some(&self.ranks[self.first_word[a] as usize..self.first_word[b] as usize])
    }
}

/// True when a folded trigger reads as a past-tense verb: no present-tense prefix, no pronoun
/// ending, no article, not a verbal noun after an attached preposition ("لحضور", "بزيارة").
fn reads_as_past(key: &str, proclitic: Option<char>) -> bool {
    let after_preposition = proclitic.is_some_and(|c| matches!(c, 'ل' | 'ب'))
        || (key.starts_with(['ل', 'ب']) && key.chars().count() >= 5);
    !key.starts_with(['ي', 'ت', 'ن']) && !key.ends_with('ه') && !key.starts_with("ال") && !after_preposition
}

pub use isnad_parser::is_word_char;

/// A word without the article and common proclitics ("والمنتدى" → "منتدى"), without allocating.
fn stem_str(word: &str) -> &str {
    let mut w = word;
    let mut chars = w.chars().count();
    for prefix in ["وبال", "وال", "بال", "فال", "كال", "لل", "ال"] {
        let prefix_chars = prefix.len() / 'ا'.len_utf8();
        if chars > prefix_chars + 2 && w.starts_with(prefix) {
            w = &w[prefix.len()..];
            chars -= prefix_chars;
            break;
        }
    }
    if chars > 3 && (w.starts_with('و') || w.starts_with('ب') || w.starts_with('ل')) {
        let rest = &w['و'.len_utf8()..];
        if rest.starts_with("ال") && chars - 1 > 4 {
            return &rest["ال".len()..];
        }
    }
    w
}

/// Content words of a text, folded and stemmed.
pub fn content_words(text: &str) -> BTreeSet<String> {
    let folded = fold_key(text);
    let mut words: Vec<&str> = content_word_slices(&folded).collect();
    words.sort_unstable();
    words.dedup();
    words.into_iter().map(str::to_string).collect()
}

/// [`content_word_slices`] of one token's folded key: a key of basic Arabic letters only, as
/// most are, is one word at most, read without splitting it or decoding its letters.
fn token_stem(key: &str) -> ClaimStem {
    let Some(letters) = basic_arabic_letters(key) else {
        return ClaimStem::Split;
    };
    if letters < 3 || stopwords().contains(key) {
        return ClaimStem::None;
    }
    let stem = stem_str(key);
    // The stem is the key with letters off its front: still basic letters, two bytes each.
    if stem.len() >= 3 * 2 {
        ClaimStem::Word(Arc::from(stem))
    } else {
        ClaimStem::None
    }
}

/// The number of letters of a word made only of the basic Arabic letters (U+0621..U+064A
/// without the tatweel), each two bytes; `None` for any other word.
fn basic_arabic_letters(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let basic = bytes.chunks_exact(2).all(|pair| {
        let point = (u32::from(pair[0]) & 0x1F) << 6 | (u32::from(pair[1]) & 0x3F);
        matches!(pair[0], 0xD8 | 0xD9)
            && pair[1] & 0xC0 == 0x80
            && (0x621..=0x64A).contains(&point)
            && point != 0x640
    });
    basic.then_some(bytes.len() / 2)
}

/// The stemmed content words of folded text, as slices of it (repeats included).
fn content_word_slices(folded: &str) -> impl Iterator<Item = &str> {
    let stopwords = stopwords();
    folded
        .split(|c: char| !is_word_char(c))
        // Three letters are at least three bytes: shorter words are skipped before counting.
        .filter(move |w| w.len() >= 3 && w.chars().count() >= 3 && !stopwords.contains(*w))
        .map(stem_str)
        .filter(|w| w.len() >= 3 && w.chars().count() >= 3)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClauseWordsFile {
    stopwords: Vec<String>,
}

/// The function words left out, folded, in a set with a fast hash: every word of every claim
/// is looked up.
fn stopwords() -> &'static HashSet<String, FxBuildHasher> {
    static SET: OnceLock<HashSet<String, FxBuildHasher>> = OnceLock::new();
    SET.get_or_init(|| {
        let file: ClauseWordsFile = toml::from_str(include_str!("../../data/clause_words.toml"))
            .expect("data/clause_words.toml is valid");
        file.stopwords.iter().map(|w| fold_key(w)).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_words_leave_out_function_words_and_articles() {
        let words = content_words("وقال الوزير إن المنتدى سيعقد في العاصمة");
        assert!(
            words.contains("وزير") && words.contains("منتدي") && words.contains("عاصمه"),
            "{words:?}"
        );
        assert!(
            !words.contains("قال") && !words.contains("في") && !words.contains("ان"),
            "{words:?}"
        );
    }

    /// The words read from a sentence's tokens are those read from each claim's text, on every
    /// article of the seeds and fixtures and on spans that cut a token or run two together.
    #[test]
    fn words_from_tokens_are_the_words_of_the_text() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut texts: Vec<String> =
            vec!["وقّع الوزير للحكومة اتفاقا مع شركة كوفيد19 بقيمة 1,000 دولار في العاصمة.".to_string()];
        for dir in ["seeds", "fixtures"] {
            for entry in walk(&root.join(dir)) {
                texts.push(std::fs::read_to_string(entry).expect("readable article"));
            }
        }
        let mut compared = 0;
        for text in &texts {
            let mut claims = crate::test_support::analyze_article(text).claims;
            let from_tokens: Vec<ClaimWords> = claims.iter().map(|c| c.words.clone()).collect();
            ClaimWords::read_all(&mut claims);
            for (claim, words) in claims.iter().zip(&from_tokens) {
                assert_eq!(&claim.words, words, "{}", claim.text);
                compared += 1;
            }
        }
        assert!(compared > 500, "only {compared} claims compared");
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else if path.extension().is_some_and(|x| x == "txt") {
                out.push(path);
            }
        }
        out
    }

    #[test]
    fn a_trigger_reads_as_past_unless_present_a_verbal_noun_or_a_purpose() {
        assert!(reads_as_past(&fold_key("وقعت"), None));
        assert!(!reads_as_past(&fold_key("يزور"), None));
        assert!(!reads_as_past(&fold_key("زيارته"), None));
        assert!(!reads_as_past(&fold_key("الزيارة"), None));
        assert!(!reads_as_past(&fold_key("حضور"), Some('ل')));
    }
}

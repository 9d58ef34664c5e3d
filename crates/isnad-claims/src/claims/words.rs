//! What the graph compares of a claim's text, read here once: the content words of its clause,
//! of its theme, of its participants and trigger, and the trigger's form. The graph never reads
//! a claim's text itself.

use super::{Claim, Role};
use isnad_parser::{Span, fold_key};
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::Deserialize;
use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, OnceLock};

/// A claim's words, folded and stemmed (articles and common proclitics off, function words of
/// `data/clause_words.toml` left out).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimWords {
    /// Content words of the whole clause (one set shared by the claims of one clause).
    pub clause: Arc<BTreeSet<String>>,
    /// Content words of the theme.
    pub theme: BTreeSet<String>,
    /// Content words of the role fillers and the trigger: who and the event's own word, which
    /// say nothing about which occasion two clauses share.
    pub names: BTreeSet<String>,
    /// The trigger reads as a past-tense verb ("وقّعت"), not a present-tense one ("يزور", which
    /// headlines use for what is under way or coming), a verbal noun ("زيارة") or a purpose
    /// after an attached preposition ("لحضور").
    pub trigger_past: bool,
}

impl ClaimWords {
    /// Reads the words of each claim; claims of one clause share its clause words.
    pub fn read_all(claims: &mut [Claim]) {
        // Claims of one clause have one span: its words are read once.
        let mut first_with: FxHashMap<Span, Arc<BTreeSet<String>>> = FxHashMap::default();
        for claim in claims {
            let clause = first_with
                .entry(claim.span)
                .or_insert_with(|| Arc::new(content_words(&claim.text)))
                .clone();
            claim.words = ClaimWords::of(claim, clause);
        }
    }

    /// The words of one claim, with its clause's words.
    fn of(claim: &Claim, clause: Arc<BTreeSet<String>>) -> ClaimWords {
        let offset = |at: usize| at.saturating_sub(claim.span.start);
        let (start, end) = (offset(claim.trigger.start), offset(claim.trigger.end));
        let trigger = claim.text.get(start..end);
        let theme = claim
            .roles
            .get(&Role::Theme)
            .map(|t| content_words(&t.text))
            .unwrap_or_default();
        let mut names = BTreeSet::new();
        for text in claim.roles.values().map(|f| f.text.as_str()).chain(trigger) {
            names.extend(content_word_slices(&fold_key(text)).map(str::to_string));
        }
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

/// True when a folded trigger reads as a past-tense verb: no present-tense prefix, no pronoun
/// ending, no article, not a verbal noun after an attached preposition ("لحضور", "بزيارة").
fn reads_as_past(key: &str, proclitic: Option<char>) -> bool {
    let after_preposition = proclitic.is_some_and(|c| matches!(c, 'ل' | 'ب'))
        || (key.starts_with(['ل', 'ب']) && key.chars().count() >= 5);
    !key.starts_with(['ي', 'ت', 'ن']) && !key.ends_with('ه') && !key.starts_with("ال") && !after_preposition
}

/// A letter or digit, with the common scripts checked first (`char::is_alphanumeric` is slow on
/// non-ASCII text, and this runs on every character of every claim).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        return isnad_parser::is_arabic_letter(c)
            || ('\u{0660}'..='\u{0669}').contains(&c)
            || ('\u{06F0}'..='\u{06F9}').contains(&c);
    }
    c.is_alphanumeric()
}

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

    #[test]
    fn a_trigger_reads_as_past_unless_present_a_verbal_noun_or_a_purpose() {
        assert!(reads_as_past(&fold_key("وقعت"), None));
        assert!(!reads_as_past(&fold_key("يزور"), None));
        assert!(!reads_as_past(&fold_key("زيارته"), None));
        assert!(!reads_as_past(&fold_key("الزيارة"), None));
        assert!(!reads_as_past(&fold_key("حضور"), Some('ل')));
    }
}

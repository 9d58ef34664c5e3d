//! **name_variant** — one entity spelled in different ways, within an article or across the story.
//!
//! Why it matters: a story should spell each name one way; variants also hide that two articles
//! talk about the same person, and a typo in a name is an error readers notice.
//! Example: «غارسيا» and «جارسيا» (g written غ or ج), «سان خوسيه» and «سانخوسيه» (split or joined),
//! «مارتا لوبيز» and «مارتا لوبيث» (a typo), «هالة عطية» and «هالة عطيه» (ة or ه), «أمين» and «امين»
//! (hamza forms). Short forms (a surname alone) and titles are not variants; diacritics are no
//! spelling. Every spelling is cited, once per article.
//! Known false positives: two different people whose names differ by one letter and whom the
//! entity finder merged.

use super::{finding, text_side};
use crate::finding::{Finding, FindingKind, Severity};
use crate::view::Context;
use isnad_claims::entities::{EntityId, MatchKind, MentionForm};
use isnad_parser::Span;
use std::collections::BTreeMap;

/// How similar two spellings must be (normalized Damerau–Levenshtein on letters only).
const MIN_SIMILARITY: f64 = 0.75;

/// How similar two spellings of different word counts must be as wholes: only a particle or a
/// joint apart, not a short form (a surname alone is far from the full name).
const MIN_WHOLE_SIMILARITY: f64 = 0.85;

fn letters(key: &str) -> String {
    key.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A spelling key read once for every other key it is compared with: its letters and words.
struct Spelling<'k> {
    letters: String,
    words: Vec<&'k str>,
}

impl<'k> Spelling<'k> {
    fn of(key: &'k str) -> Spelling<'k> {
        Spelling {
            letters: letters(key),
            words: key.split_whitespace().collect(),
        }
    }
}

/// True when `a` and `b` spell one name differently (not a short form of the other).
fn is_variant(a: &Spelling<'_>, b: &Spelling<'_>) -> bool {
    let (la, lb) = (&a.letters, &b.letters);
    let (words_a, words_b) = (&a.words, &b.words);
    if la == lb && words_a.len() == words_b.len() {
        return false; // differ only in punctuation or diacritics
    }
    let subset = |x: &[&str], y: &[&str]| x.iter().all(|w| y.contains(w));
    if subset(words_a, words_b) || subset(words_b, words_a) {
        return false;
    }
    // The article of a name's first word is grammar, not spelling: after ل its alef is elided
    // ("للأمم المتحدة" names «الأمم المتحدة» as «أمم المتحدة»).
    let without_article = |words: &[&str]| {
        let mut words = words.to_vec();
        if let Some(first) = words.first_mut() {
            *first = first.strip_prefix("ال").unwrap_or(first);
        }
        letters(&words.concat())
    };
    if words_a.len() == words_b.len() && without_article(words_a) == without_article(words_b) {
        return false;
    }
    if la == lb {
        return true; // split or joined ("سان خوسيه", "سانخوسيه")
    }
    if words_a.len() != words_b.len() {
        // A surname alone spelled differently from the full name's ("جارسيا" after "ألبرتو غارسيا").
        let (short, long) = if words_a.len() < words_b.len() {
            (words_a, words_b)
        } else {
            (words_b, words_a)
        };
        let tail = long[long.len() - short.len()..].concat();
        let short = short.concat();
        // "عبد الرحمن بن ناصر الفرحان" and "عبدالرحمن ناصر الفرحان": the whole name with a
        // particle left out or two words joined.
        return (tail != short && similarity(&letters(&tail), &letters(&short)) >= MIN_SIMILARITY)
            || similarity(la, lb) >= MIN_WHOLE_SIMILARITY;
    }
    similarity(la, lb) >= MIN_SIMILARITY
}

/// How alike two spellings are, 0 to 1: one minus their edit distance (with adjacent swaps) over
/// the longer's length, by the same distance the entity layer uses for variants.
fn similarity(a: &str, b: &str) -> f64 {
    rapidfuzz::distance::osa::normalized_similarity(a.chars(), b.chars())
}

/// A spelling as written, without diacritics, tatweel or invisible marks: ة and ه, أ and ا, ى
/// and ي stay apart, so «عطية» and «عطيه» are two spellings (the key that matches names folds them).
/// Written in one pass: the letters kept, each run of whitespace between words one space.
fn spelling_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().filter(|&c| !isnad_parser::is_ignorable(c)) {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        if gap && !key.is_empty() {
            key.push(' ');
        }
        gap = false;
        key.push(c);
    }
    key
}

/// Where a spelling is used: (document, span, text as written).
type Uses<'a> = Vec<(usize, Span, &'a str)>;

/// One note per entity with more than one spelling.
pub(crate) fn check(context: &Context<'_>) -> Vec<Finding> {
    // entity → spelling key → first (doc, span) per document
    let mut spellings: BTreeMap<&EntityId, BTreeMap<String, Uses<'_>>> = BTreeMap::new();
    for (doc, analysis) in context.analyses.iter().enumerate() {
        for mention in &analysis.entities.mentions {
            let Some(entity) = mention.entity.as_ref() else {
                continue;
            };
            if matches!(mention.how, MatchKind::Coreference)
                || mention.form != MentionForm::Name
                || !mention.text.chars().any(isnad_parser::is_arabic_letter)
            {
                continue;
            }
            let key = spelling_key(&mention.text);
            let places = spellings.entry(entity).or_default().entry(key).or_default();
            // Documents come in order: a document already listed is the last one.
            if places.last().is_none_or(|(d, _, _)| *d != doc) {
                places.push((doc, mention.span, &mention.text));
            }
        }
    }
    let mut findings = Vec::new();
    for (entity, by_key) in spellings {
        let keys: Vec<(&String, Spelling<'_>)> = by_key.keys().map(|k| (k, Spelling::of(k))).collect();
        let variant_keys: Vec<&String> = keys
            .iter()
            .filter(|(k, a)| keys.iter().any(|(other, b)| other != k && is_variant(a, b)))
            .map(|&(k, _)| k)
            .collect();
        if variant_keys.len() < 2 {
            continue;
        }
        let mut sides = Vec::new();
        let mut shown = Vec::new();
        for key in &variant_keys {
            for (doc, span, text) in &by_key[*key] {
                sides.push(text_side(
                    context,
                    *doc,
                    *span,
                    Some(format!("spelling «{text}»")),
                ));
            }
            shown.push(format!("«{}»", by_key[*key][0].2));
        }
        let message = format!("{entity} is spelled {}", shown.join(", "));
        let mut note = finding(FindingKind::NameVariant, Severity::Note, message, sides);
        note.resolution = Some("spelling variants of one name: pick one spelling for the story".into());
        findings.push(note);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::Spelling;

    fn is_variant(a: &str, b: &str) -> bool {
        super::is_variant(&Spelling::of(a), &Spelling::of(b))
    }

    #[test]
    fn a_particle_left_out_or_a_joint_is_a_variant_and_a_short_form_is_not() {
        assert!(is_variant("عبد الكريم بن سالم الهاجري", "عبدالكريم سالم الهاجري"));
        assert!(is_variant("سان خوسيه", "سانخوسيه"));
        assert!(!is_variant("عبد الكريم بن سالم الهاجري", "الهاجري"));
        assert!(!is_variant("عبد الكريم بن سالم الهاجري", "عبد الكريم الهاجري"));
    }

    #[test]
    fn a_name_with_its_article_elided_after_lam_is_no_variant() {
        assert!(!is_variant("الأمم المتحدة", "أمم المتحدة"));
        assert!(!is_variant("الهيئة الوطنية للمياه", "هيئة الوطنية للمياه"));
        // A changed letter is still a variant, with the article or without it.
        assert!(is_variant("الهيئة الوطنية للمياه", "هيئه الوطنية للمياه"));
    }
}

//! Function words named by what they do in a sentence (`data/grammar.toml`), folded once and
//! shared by every layer that asks, so "a relative pronoun" means the same words everywhere.

use crate::sketch::KeySet;
use isnad_parser::fold_key;
use serde::Deserialize;
use std::sync::LazyLock;

/// The classes of `data/grammar.toml`, each a set of folded words.
pub(crate) struct Grammar {
    relative_pronouns: KeySet,
    demonstratives: KeySet,
    distal_demonstratives: KeySet,
    before_after: KeySet,
    relative_time: KeySet,
    partitive_pronouns: KeySet,
    alone: KeySet,
    past_copulas: KeySet,
    subjunctive_copulas: KeySet,
    according_to: KeySet,
    complementizers: KeySet,
    free_relatives: KeySet,
    since: KeySet,
    until: KeySet,
    range_ends: KeySet,
    perfect_particles: KeySet,
    accompaniment: KeySet,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarFile {
    relative_pronouns: Vec<String>,
    demonstratives: Vec<String>,
    distal_demonstratives: Vec<String>,
    before_after: Vec<String>,
    relative_time: Vec<String>,
    partitive_pronouns: Vec<String>,
    alone: Vec<String>,
    past_copulas: Vec<String>,
    subjunctive_copulas: Vec<String>,
    according_to: Vec<String>,
    complementizers: Vec<String>,
    free_relatives: Vec<String>,
    since: Vec<String>,
    until: Vec<String>,
    range_ends: Vec<String>,
    perfect_particles: Vec<String>,
    accompaniment: Vec<String>,
}

static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| {
    let file: GrammarFile =
        toml::from_str(include_str!("../data/grammar.toml")).expect("data/grammar.toml is valid");
    let folded = |words: Vec<String>| words.iter().map(|w| fold_key(w.trim())).collect();
    Grammar {
        relative_pronouns: folded(file.relative_pronouns),
        demonstratives: folded(file.demonstratives),
        distal_demonstratives: folded(file.distal_demonstratives),
        before_after: folded(file.before_after),
        relative_time: folded(file.relative_time),
        partitive_pronouns: folded(file.partitive_pronouns),
        alone: folded(file.alone),
        past_copulas: folded(file.past_copulas),
        subjunctive_copulas: folded(file.subjunctive_copulas),
        according_to: folded(file.according_to),
        complementizers: folded(file.complementizers),
        free_relatives: folded(file.free_relatives),
        since: folded(file.since),
        until: folded(file.until),
        range_ends: folded(file.range_ends),
        perfect_particles: folded(file.perfect_particles),
        accompaniment: folded(file.accompaniment),
    }
});

/// The function-word classes.
pub(crate) fn grammar() -> &'static Grammar {
    &GRAMMAR
}

impl Grammar {
    /// A relative pronoun ("الذي", "اللتين"), folded key.
    pub fn is_relative_pronoun(&self, key: &str) -> bool {
        self.relative_pronouns.contains(key)
    }

    /// A demonstrative ("هذه", "أولئك"), folded key.
    pub fn is_demonstrative(&self, key: &str) -> bool {
        self.demonstratives.contains(key)
    }

    /// A demonstrative of what is far ("ذلك", "تلك"): "ذلك اليوم" is the day the text told of,
    /// not today. Folded key.
    pub fn is_distal_demonstrative(&self, key: &str) -> bool {
        self.distal_demonstratives.contains(key)
    }

    /// "Before" or "after" ("بعد", "قبل"), folded key.
    pub fn is_before_after(&self, key: &str) -> bool {
        self.before_after.contains(key)
    }

    /// A preposition placing a claim relative to another event or time ("عقب", "منذ"), folded key.
    pub fn is_relative_time(&self, key: &str) -> bool {
        self.relative_time.contains(key)
    }

    /// "Of them" ("منهم"), folded key.
    pub fn is_partitive_pronoun(&self, key: &str) -> bool {
        self.partitive_pronouns.contains(key)
    }

    /// "Alone" ("وحدها"), folded key.
    pub fn is_alone(&self, key: &str) -> bool {
        self.alone.contains(key)
    }

    /// A past copula ("كان", "كانت"), folded key.
    pub fn is_past_copula(&self, key: &str) -> bool {
        self.past_copulas.contains(key)
    }

    /// A subjunctive copula after «أن» ("يكون", "تكون"), folded key.
    pub fn is_subjunctive_copula(&self, key: &str) -> bool {
        self.subjunctive_copulas.contains(key)
    }

    /// A word opening a source ("بحسب", "وفقا"), folded key.
    pub fn is_according_to(&self, key: &str) -> bool {
        self.according_to.contains(key)
    }
    /// The particle opening a clause of what is said or of another event ("إن", "أن"), folded key.
    pub fn is_complementizer(&self, key: &str) -> bool {
        self.complementizers.contains(key)
    }

    /// "What" with no noun before it ("ما ذكره"), folded key.
    pub fn is_free_relative(&self, key: &str) -> bool {
        self.free_relatives.contains(key)
    }

    /// "Since" ("منذ"), folded key.
    pub fn is_since(&self, key: &str) -> bool {
        self.since.contains(key)
    }

    /// "Until" ("حتى"), folded key.
    pub fn is_until(&self, key: &str) -> bool {
        self.until.contains(key)
    }

    /// "To" at the upper end of a span opened by من ("إلى", "لغاية"), folded key.
    pub fn is_range_end(&self, key: &str) -> bool {
        self.range_ends.contains(key)
    }

    /// The particle before a past verb ("قد"), folded key.
    pub fn is_perfect_particle(&self, key: &str) -> bool {
        self.perfect_particles.contains(key)
    }

    /// "With" or "amid" ("مع", "وسط"), folded key.
    pub fn is_accompaniment(&self, key: &str) -> bool {
        self.accompaniment.contains(key)
    }
}

/// `key` without one leading و ("والذي" → "الذي"), for readers that take a conjoined word too.
pub(crate) fn without_wa(key: &str) -> &str {
    key.strip_prefix('و').unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::{grammar, without_wa};
    use isnad_parser::fold_key;

    #[test]
    fn every_class_holds_its_forms_as_text_folds_them() {
        let g = grammar();
        // "الذى" with alef maqsura folds onto "الذي".
        for word in ["الذي", "الذى", "التي", "الذين", "اللتين", "اللاتي", "اللائي"]
        {
            assert!(g.is_relative_pronoun(&fold_key(word)), "{word}");
        }
        // Written with a hamza seat the key folds away: still one of the class.
        for word in ["هؤلاء", "أولئك", "هذه"] {
            assert!(g.is_demonstrative(&fold_key(word)), "{word}");
        }
        assert!(g.is_relative_time(&fold_key("إثر")) && g.is_relative_time(&fold_key("منذ")));
        assert!(g.is_before_after("بعد") && !g.is_before_after(&fold_key("إثر")));
        assert!(g.is_partitive_pronoun("منهم") && g.is_past_copula("كانت"));
        assert!(g.is_alone("وحدها") && !g.is_alone("وحدة"));
        assert!(g.is_according_to("بحسب"));
    }

    #[test]
    fn a_class_holds_no_other_word() {
        let g = grammar();
        for word in ["الوزير", "ذاك", "من", "كتب", "منذر"] {
            let key = fold_key(word);
            assert!(!g.is_relative_pronoun(&key), "{word}");
            assert!(
                !g.is_demonstrative(&key) && !g.is_partitive_pronoun(&key),
                "{word}"
            );
            assert!(!g.is_relative_time(&key) && !g.is_past_copula(&key), "{word}");
        }
        assert_eq!(without_wa("والتي"), "التي");
        assert!(!g.is_relative_pronoun(without_wa("وزير")));
    }

    #[test]
    fn the_particle_classes_hold_their_words_as_text_folds_them() {
        let g = grammar();
        // Either hamza seat folds onto the one key; a pronoun or clitic form is no bare particle.
        assert!(g.is_complementizer(&fold_key("أن")) && g.is_complementizer(&fold_key("إن")));
        for word in ["أنه", "بأن", "وأن", "أين"] {
            assert!(!g.is_complementizer(&fold_key(word)), "{word}");
        }
        assert!(g.is_free_relative("ما") && !g.is_free_relative("مما") && !g.is_free_relative("من"));
        // A conjoined "since" is one to a reader that strips the و.
        assert!(g.is_since("منذ") && g.is_since(without_wa("ومنذ")) && !g.is_since("منذر"));
        assert!(g.is_until(&fold_key("حتى")) && !g.is_until("حتي الان") && !g.is_until("حيث"));
        for word in ["إلى", "حتى", "لغاية"] {
            assert!(g.is_range_end(&fold_key(word)), "{word}");
        }
        assert!(!g.is_range_end(&fold_key("على")) && !g.is_range_end(&fold_key("غاية")));
        assert!(
            g.is_perfect_particle("قد") && !g.is_perfect_particle("لقد") && !g.is_perfect_particle("قدم")
        );
        assert!(g.is_accompaniment("مع") && g.is_accompaniment("وسط"));
        assert!(!g.is_accompaniment("معه") && !g.is_accompaniment("متوسط") && !g.is_accompaniment("بين"));
    }
}

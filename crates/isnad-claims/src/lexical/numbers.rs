//! The number-word lexicon from `data/numbers.toml`: terms, scale forms, ordinals, written forms.

use super::text::{Word, after_letters, strip_article};
use crate::sketch::KeySketch;
use isnad_parser::{Span, fold_key};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Term {
    /// 0..=10.
    Unit(u32),
    /// "أحد"/"اثنا": 1 or 2, only before عشر.
    TeenPrefix(u32),
    /// A one-word teen (Egyptian "حداشر").
    Teen(u32),
    /// 20..=90.
    Tens(u32),
    /// A whole hundred (100..=900), "مئة" included.
    Hundred(u32),
    /// A scale word (ألف، مليون…) in one of its forms.
    Scale(f64, ScaleForm),
    /// نصف، ربع… added after و.
    Fraction(f64),
}

/// Grammatical form of a scale word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScaleForm {
    /// "ألف": one, or the multiplicand after a number.
    Singular,
    /// "ألفين": two of them.
    Dual,
    /// "آلاف": after 3..10; alone it is vague.
    Plural,
}

#[derive(Deserialize)]
struct NumbersFile {
    teen_tens: Vec<String>,
    hundred: Vec<String>,
    hundred_dual: Vec<String>,
    decimal_point: Vec<String>,
    units: HashMap<String, u32>,
    teen_prefixes: HashMap<String, u32>,
    teens: HashMap<String, u32>,
    tens: HashMap<String, u32>,
    hundred_prefixes: HashMap<String, u32>,
    scales: Vec<ScaleEntry>,
    fractions: HashMap<String, f64>,
    ordinals: HashMap<String, u32>,
    ordinal_compound_units: HashMap<String, u32>,
}

#[derive(Deserialize)]
struct ScaleEntry {
    value: f64,
    singular: Vec<String>,
    dual: Vec<String>,
    plural: Vec<String>,
}

/// Folded number words from `data/numbers.toml`.
pub(crate) struct Lexicon {
    /// Cardinal words by folded key.
    pub words: FxHashMap<String, Term>,
    /// Folded "عشر"/"عشره".
    pub teen_tens: Vec<String>,
    /// Folded words for the decimal point.
    pub decimal_point: Vec<String>,
    /// Ordinal words without article.
    pub ordinals: FxHashMap<String, u32>,
    /// Cardinal forms used as the unit of compound ordinals.
    pub ordinal_units: FxHashMap<String, u32>,
    /// Bare words an ordinal can start with (ordinal forms, compound units, tens).
    ordinal_heads: FxHashSet<String>,
    /// The sketch of `ordinal_heads`.
    ordinal_heads_sketch: KeySketch,
    /// Every written form of a cardinal word: as is, or after a proclitic (letters, term).
    pub(crate) written: FxHashMap<String, (usize, Term)>,
    /// The sketch of `written`: most words are no number word.
    pub(crate) written_sketch: KeySketch,
}

pub(crate) trait ContainsStr {
    fn contains(&self, s: &str) -> bool;
}

impl ContainsStr for Vec<String> {
    fn contains(&self, s: &str) -> bool {
        self.iter().any(|x| x == s)
    }
}

/// Proclitic sequences tried before a number word, longest first.
const PROCLITICS: [&str; 10] = ["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

/// The lexicon, parsed once.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        let file: NumbersFile =
            toml::from_str(include_str!("../../data/numbers.toml")).expect("data/numbers.toml is valid");
        Lexicon::from_file(file)
    });
    &LEXICON
}

impl Lexicon {
    fn from_file(file: NumbersFile) -> Lexicon {
        let fold = |s: &String| fold_key(s);
        let mut words: FxHashMap<String, Term> = HashMap::default();
        // Later inserts win: scales and hundreds over units that share a spelling.
        for (k, v) in &file.teen_prefixes {
            words.insert(fold(k), Term::TeenPrefix(*v));
        }
        for (k, v) in &file.units {
            words.insert(fold(k), Term::Unit(*v));
        }
        for (k, v) in &file.teens {
            words.insert(fold(k), Term::Teen(*v));
        }
        for (k, v) in &file.tens {
            words.insert(fold(k), Term::Tens(*v));
        }
        for h in &file.hundred {
            words.insert(fold(h), Term::Hundred(100));
            for (p, v) in &file.hundred_prefixes {
                words.insert(fold_key(&format!("{p}{h}")), Term::Hundred(v * 100));
            }
        }
        for h in &file.hundred_dual {
            words.insert(fold(h), Term::Hundred(200));
        }
        for (k, v) in &file.fractions {
            words.insert(fold(k), Term::Fraction(*v));
        }
        for scale in &file.scales {
            for (forms, form) in [
                (&scale.plural, ScaleForm::Plural),
                (&scale.dual, ScaleForm::Dual),
                (&scale.singular, ScaleForm::Singular),
            ] {
                for w in forms {
                    words.insert(fold(w), Term::Scale(scale.value, form));
                }
            }
        }
        let fold_map = |m: &HashMap<String, u32>| m.iter().map(|(k, v)| (fold_key(k), *v)).collect();
        let ordinals: FxHashMap<String, u32> = fold_map(&file.ordinals);
        let ordinal_units: FxHashMap<String, u32> = fold_map(&file.ordinal_compound_units);
        let tens = words
            .iter()
            .filter(|(_, t)| matches!(t, Term::Tens(_)))
            .map(|(k, _)| k.clone());
        let ordinal_heads: FxHashSet<String> = ordinals
            .keys()
            .chain(ordinal_units.keys())
            .cloned()
            .chain(tens)
            .collect();
        // A proclitic before a stem of fewer than three letters only as و, so "لست" is not ل + ست;
        // the word as written wins over any split.
        let mut written: FxHashMap<String, (usize, Term)> = HashMap::default();
        for (key, term) in &words {
            let letters = key.chars().count();
            for p in PROCLITICS {
                if letters >= 3 || (letters == 2 && p == "و") {
                    written
                        .entry(format!("{p}{key}"))
                        .or_insert((p.chars().count(), *term));
                }
            }
        }
        for (key, term) in &words {
            written.insert(key.clone(), (0, *term));
        }
        Lexicon {
            words,
            teen_tens: file.teen_tens.iter().map(fold).collect(),
            decimal_point: file.decimal_point.iter().map(fold).collect(),
            ordinals,
            ordinal_units,
            ordinal_heads_sketch: KeySketch::of(ordinal_heads.iter().map(String::as_str)),
            ordinal_heads,
            written_sketch: KeySketch::of(written.keys().map(String::as_str)),
            written,
        }
    }

    /// True when an ordinal may start with this bare folded word.
    pub(crate) fn is_ordinal_head(&self, bare: &str) -> bool {
        self.ordinal_heads_sketch.may_contain(bare) && self.ordinal_heads.contains(bare)
    }

    /// The cardinal term of a folded word, if it is one.
    pub(crate) fn term(&self, key: &str) -> Option<Term> {
        self.words.get(key).copied()
    }

    /// The unit of a compound ordinal without its article ("حادي", "ثاني", "واحد", "اثني").
    fn ordinal_unit(&self, bare: &str) -> Option<u32> {
        self.ordinals
            .get(bare)
            .or_else(|| self.ordinal_units.get(bare))
            .copied()
    }

    /// The unit of a compound ordinal: an ordinal form ("حادي", "ثاني"), or a cardinal form with
    /// the article ("الواحد", "الاثني"); a bare cardinal ("واحد وعشرون") is not an ordinal.
    pub(crate) fn compound_ordinal_unit(&self, word: &str) -> Option<u32> {
        let bare = strip_article(word);
        match self.ordinals.get(bare) {
            Some(v) => Some(*v),
            None if bare.len() < word.len() => self.ordinal_units.get(bare).copied(),
            None => None,
        }
    }

    /// True when the (possibly article-prefixed) word is part of an ordinal.
    pub(crate) fn ordinal_part(&self, word: &str) -> Option<u32> {
        let bare = strip_article(word);
        self.ordinal_unit(bare).or_else(|| match self.words.get(bare) {
            Some(Term::Tens(v)) => Some(*v),
            _ => None,
        })
    }

    /// The first number word of a number: the word as written, else after a proclitic
    /// (a stem shorter than three letters only after و, so "لست" is not ل + ست).
    pub(crate) fn first_term(&self, source: &str, word: &Word) -> Option<(Span, Term)> {
        if !self.written_sketch.may_contain(&word.key) {
            return None;
        }
        let &(clitic, term) = self.written.get(&word.key)?;
        let span = if clitic == 0 {
            word.span
        } else {
            after_letters(source, word, clitic)
        };
        Some((span, term))
    }
}

/// Every folded number word (`mentions::words::is_number_word` is true of exactly these).
pub(crate) fn number_words() -> impl Iterator<Item = &'static str> {
    lexicon().written.keys().map(String::as_str)
}
